//! Turns `toml`/serde errors into diagnostics that point into the officer's file and suggest
//! the key they probably meant.

use std::path::Path;

use serde::de::DeserializeOwned;

use crate::diagnostic::{Diagnostic, Location};

/// Parses `toml` that starts at byte `offset` of `source` (the whole file, for positions).
pub fn parse<T: DeserializeOwned>(
    file: &Path,
    source: &str,
    offset: usize,
    toml: &str,
) -> Result<T, Diagnostic> {
    toml::from_str(toml).map_err(|err| {
        let (message, help) = explain(err.message());
        // A missing key has no place of its own: point where it should be added, at the end.
        let span = if err.message().starts_with("missing field") {
            Some(offset + toml.len()..offset + toml.len())
        } else {
            err.span().map(|s| s.start + offset..s.end + offset)
        };
        let mut d = Diagnostic::error(message).in_file(file);
        if let Some(span) = span {
            d = d.at(Location::of_span(source, span));
        }
        match help {
            Some(help) => d.help(help),
            None => d,
        }
    })
}

/// Rewrites serde's wording into an officer's terms, with a fix where one is clear.
fn explain(message: &str) -> (String, Option<String>) {
    let message = message.trim();
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let (field, expected) = rest.split_once('`').unwrap_or((rest, ""));
        let known: Vec<&str> = expected
            .split('`')
            .skip(1)
            .step_by(2)
            .filter(|name| !name.is_empty())
            .collect();
        let help = match closest(field, &known) {
            Some(best) => format!("did you mean `{best}`?"),
            None if known.is_empty() => "remove this key".to_owned(),
            None => format!("the keys allowed here are {}", known.join(", ")),
        };
        return (format!("unknown key `{field}`"), Some(help));
    }
    if let Some(rest) = message.strip_prefix("missing field `") {
        let field = rest.trim_end_matches('`');
        return (
            format!("required key `{field}` is missing"),
            Some(format!(
                "add a line `{field} = …`; see the other relic files for examples"
            )),
        );
    }
    (message.to_owned(), None)
}

/// The known key most like `typed`, if any is close enough to be a plausible typo.
pub fn closest<'a>(typed: &str, known: &[&'a str]) -> Option<&'a str> {
    known
        .iter()
        .map(|k| (strsim::damerau_levenshtein(typed, k), *k))
        .filter(|(distance, k)| *distance <= (k.len() / 3).max(1) + 1)
        .min()
        .map(|(_, k)| k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_the_key_that_was_meant() {
        let (message, help) =
            explain("unknown field `rnak`, expected one of `id`, `name`, `rank`, `category`");
        assert_eq!(message, "unknown key `rnak`");
        assert_eq!(help.as_deref(), Some("did you mean `rank`?"));
    }

    #[test]
    fn lists_the_keys_when_nothing_is_close() {
        let (_, help) = explain("unknown field `colour`, expected `id` or `name`");
        assert_eq!(help.as_deref(), Some("the keys allowed here are id, name"));
    }

    #[test]
    fn closest_ignores_distant_words() {
        assert_eq!(closest("summry", &["summary", "hamlet"]), Some("summary"));
        assert_eq!(closest("xyz", &["summary", "hamlet"]), None);
    }
}
