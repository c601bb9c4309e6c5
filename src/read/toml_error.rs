//! Turns `toml`/serde errors into diagnostics that point into the officer's file and say what
//! to type instead.
//!
//! A help that suggests text ends in one of three forms, so that following it literally fixes
//! the problem (`tests/testsuite/helps.rs` does just that): `write LINE` (type LINE in place of
//! the line shown), `add this line below it: LINE` and `add this line above it: LINE`.

use std::ops::Range;
use std::path::Path;

use serde::de::DeserializeOwned;

use crate::diagnostic::{Diagnostic, Location};

/// For each key a help may ask for, a value to suggest, written as TOML so that the help can
/// quote it as a line to type.
pub type Examples = &'static [(&'static str, &'static str)];

/// Parses `toml` that starts at byte `offset` of `source` (the whole file, for positions).
pub fn parse<T: DeserializeOwned>(
    file: &Path,
    source: &str,
    offset: usize,
    toml: &str,
) -> Result<T, Diagnostic> {
    parse_with(file, source, offset, toml, &[])
}

/// [`parse`], suggesting the values of `examples` for keys that are missing or mistyped.
pub fn parse_with<T: DeserializeOwned>(
    file: &Path,
    source: &str,
    offset: usize,
    toml: &str,
    examples: Examples,
) -> Result<T, Diagnostic> {
    toml::from_str(toml).map_err(|err| {
        // serde points a key missing at the top at the document's start: there is no table
        // to add it to.
        let top = |s: &Range<usize>| s.start == 0 && (s.is_empty() || s.end == toml.len());
        let span = err
            .span()
            .filter(|s| !top(s))
            .map(|s| s.start + offset..s.end + offset);
        let at = Spot {
            source,
            offset,
            span,
            examples,
        };
        at.explain(err.message().trim()).in_file(file)
    })
}

/// Where an error is, and what is needed to word its fix.
struct Spot<'a> {
    source: &'a str,
    /// Where the TOML starts in `source`: after the opening `+++` of a front matter, 0 in a
    /// `.toml` file.
    offset: usize,
    span: Option<Range<usize>>,
    examples: Examples,
}

impl Spot<'_> {
    fn location(&self) -> Option<Location> {
        self.span
            .clone()
            .map(|span| Location::of_span(self.source, span))
    }

    /// The text the error underlines.
    fn written(&self) -> &str {
        self.span
            .clone()
            .and_then(|span| self.source.get(span))
            .unwrap_or_default()
    }

    fn example(&self, key: &str) -> &'static str {
        self.examples
            .iter()
            .find(|(k, _)| *k == key)
            .map_or("\"…\"", |(_, v)| v)
    }

    /// Rewrites serde's and the parser's wording into an officer's terms, with the fix.
    fn explain(&self, message: &str) -> Diagnostic {
        if let Some(rest) = message.strip_prefix("unknown field `") {
            return self.unknown_key(rest);
        }
        if let Some(rest) = message.strip_prefix("missing field `") {
            return self.missing_key(rest.trim_end_matches('`'));
        }
        if let Some(rest) = message.strip_prefix("invalid type: ") {
            return self.wrong_type(rest, message);
        }
        self.syntax(message)
    }

    fn unknown_key(&self, rest: &str) -> Diagnostic {
        let (field, expected) = rest.split_once('`').unwrap_or((rest, ""));
        let known: Vec<&str> = expected
            .split('`')
            .skip(1)
            .step_by(2)
            .filter(|name| !name.is_empty())
            .collect();
        let help = match (closest(field, &known), self.location()) {
            (Some(best), Some(at)) => format!("did you mean `{best}`? write {}", at.replaced(best)),
            (Some(best), None) => format!("did you mean `{best}`?"),
            (None, _) if known.is_empty() => "remove this key".to_owned(),
            (None, _) => format!("the keys allowed here are {}", known.join(", ")),
        };
        self.diagnostic(format!("unknown key `{field}`"), help)
    }

    /// A key left out. Inside a table, the fix goes into that table; at the top, it goes right
    /// after the opening `+++` (or at the top of a `.toml` file), where no `[table]` can have
    /// started yet.
    fn missing_key(&self, field: &str) -> Diagnostic {
        let message = format!("required key `{field}` is missing");
        let line = format!("{field} = {}", self.example(field));
        let (at, help) = match &self.span {
            Some(table) => add_to_table(self.source, table.clone(), &line),
            None if self.offset > 0 => {
                let opening = self.source[..self.offset].matches('\n').count().max(1);
                let at = Location::of_line(self.source, opening);
                (at, format!("add this line below it: {line}"))
            }
            None => (
                Location::of_line(self.source, 1),
                format!("add this line above it: {line}"),
            ),
        };
        Diagnostic::error(message).at(at).help(help)
    }

    /// `invalid type: string "historical", expected a sequence`, worded for the key at hand
    /// with the value rewritten as the key needs it.
    fn wrong_type(&self, rest: &str, message: &str) -> Diagnostic {
        let Some(at) = self.location() else {
            return Diagnostic::error(message);
        };
        let (found, expected) = rest.rsplit_once(", expected ").unwrap_or((rest, ""));
        let key = key_before(&at);
        let written = self.written().trim();
        let unquoted = written.trim_matches(['"', '\'']);
        let found = match found.split(' ').next().unwrap_or_default() {
            "string" => "text in quotes",
            "integer" | "float" => "a number",
            "boolean" => "true or false",
            "sequence" => "a list",
            "map" => "a table",
            "datetime" => "a date",
            _ => found,
        };
        let (needed, value) = if expected.contains("sequence") {
            ("a list in square brackets", format!("[{written}]"))
        } else if expected.contains("datetime") {
            let date = unquoted.parse::<toml::value::Datetime>().ok();
            let value = date.map_or_else(|| self.example(&key).to_owned(), |_| unquoted.to_owned());
            ("a date without quotes", value)
        } else if expected.contains("map") || expected.starts_with("struct ") {
            ("a table in braces", self.example(&key).to_owned())
        } else if expected.contains("string") {
            ("text in quotes", format!("\"{unquoted}\""))
        } else if expected.contains("bool") {
            ("true or false", self.example(&key).to_owned())
        } else if unquoted.parse::<f64>().is_ok() {
            ("a number without quotes", unquoted.to_owned())
        } else {
            ("a number without quotes", self.example(&key).to_owned())
        };
        Diagnostic::error(format!("`{key}` must be {needed}, not {found}"))
            .at(at.clone())
            .help(format!("write {}", at.replaced(&value)))
    }

    /// A line the parser could not read: the mistakes officers make most, recognised on the
    /// line itself, and a reminder of the form of a line for the rest.
    fn syntax(&self, message: &str) -> Diagnostic {
        let Some(at) = self.location() else {
            return Diagnostic::error(message);
        };
        let line = at.text.trim();
        if let Some(fixed) = decimal_points(line) {
            return self.diagnostic(
                "a decimal number is written with a point, not a comma".to_owned(),
                format!("write {fixed}"),
            );
        }
        if let Some((key, value)) = colon_for_equals(line) {
            return self.diagnostic(
                "a key and its value are joined by `=`, not `:`".to_owned(),
                format!("write {key} = {value}"),
            );
        }
        if message.starts_with("string values must be quoted") {
            let text = self.written().trim_matches(['“', '”', '„', '‘', '’']);
            return self.diagnostic(
                "text values must be quoted".to_owned(),
                format!("write {}", at.replaced(&format!("\"{text}\""))),
            );
        }
        if message.starts_with("invalid date")
            && let Some(date) = padded_date(self.written())
        {
            return self.diagnostic(message.to_owned(), format!("write {}", at.replaced(&date)));
        }
        self.diagnostic(
            message.to_owned(),
            "each line is a key, `=` and a value: text in straight quotes \"…\", numbers and dates (2016-12-07) without".to_owned(),
        )
    }

    fn diagnostic(&self, message: String, help: String) -> Diagnostic {
        let d = Diagnostic::error(message).help(help);
        match self.location() {
            Some(at) => d.at(at),
            None => d,
        }
    }
}

/// Where and how to add `line` to the table at `span` of `source`: inside the braces of an
/// inline table, or below the first line of a `[table]`.
pub fn add_to_table(source: &str, span: Range<usize>, line: &str) -> (Location, String) {
    let at = Location::of_span(source, span.clone());
    let written = source.get(span).unwrap_or_default().trim();
    match written.strip_prefix('{').and_then(|w| w.strip_suffix('}')) {
        Some(inner) if !inner.contains('\n') => {
            let table = match inner.trim() {
                "" => format!("{{ {line} }}"),
                inner => format!("{{ {inner}, {line} }}"),
            };
            let help = format!("write {}", at.replaced(&table));
            (at, help)
        }
        _ => (at, format!("add this line below it: {line}")),
    }
}

/// The key whose value starts at `at`: the last word before the `=` in front of it.
fn key_before(at: &Location) -> String {
    let before: String = at.text.chars().take(at.column - 1).collect();
    let before = before.trim_end().trim_end_matches('=').trim_end();
    let key: String = before
        .chars()
        .rev()
        .take_while(|c| c.is_alphanumeric() || matches!(c, '_' | '-'))
        .collect();
    key.chars().rev().collect()
}

/// `lat = 19,02` with its decimal commas, outside quotes, made points; `None` if it has none.
fn decimal_points(line: &str) -> Option<String> {
    let chars: Vec<char> = line.chars().collect();
    let mut quoted = false;
    let mut fixed = String::with_capacity(line.len());
    let mut found = false;
    for (i, &c) in chars.iter().enumerate() {
        quoted ^= c == '"';
        let between_digits = i > 0
            && chars[i - 1].is_ascii_digit()
            && chars.get(i + 1).is_some_and(char::is_ascii_digit);
        if c == ',' && !quoted && between_digits {
            found = true;
            fixed.push('.');
        } else {
            fixed.push(c);
        }
    }
    found.then_some(fixed)
}

/// `name: "Đền Cả"`, written as YAML would, as its key and value.
fn colon_for_equals(line: &str) -> Option<(&str, &str)> {
    let (key, value) = line.split_once(':')?;
    let bare = !key.trim().is_empty()
        && key
            .trim()
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-'));
    bare.then(|| (key.trim(), value.trim()))
}

/// A date such as `2016-12-7` written with two-digit month and day.
fn padded_date(written: &str) -> Option<String> {
    let parts: Vec<&str> = written.trim().split('-').collect();
    let [year, month, day] = parts.as_slice() else {
        return None;
    };
    let numeric = |s: &str| !s.is_empty() && s.len() <= 2 && s.bytes().all(|b| b.is_ascii_digit());
    if year.len() != 4 || !numeric(month) || !numeric(day) {
        return None;
    }
    Some(format!("{year}-{month:0>2}-{day:0>2}"))
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

    fn explain(source: &str, message: &str, span: Option<Range<usize>>) -> Diagnostic {
        let spot = Spot {
            source,
            offset: 0,
            span,
            examples: &[("summary", "\"…\"")],
        };
        spot.explain(message)
    }

    #[test]
    fn suggests_the_key_that_was_meant() {
        let d = explain(
            "rnak = \"national\"\n",
            "unknown field `rnak`, expected one of `id`, `name`, `rank`, `category`",
            Some(0..4),
        );
        assert_eq!(d.message, "unknown key `rnak`");
        assert_eq!(
            d.help.as_deref(),
            Some("did you mean `rank`? write rank = \"national\"")
        );
    }

    #[test]
    fn lists_the_keys_when_nothing_is_close() {
        let d = explain(
            "colour = 1\n",
            "unknown field `colour`, expected `id` or `name`",
            Some(0..6),
        );
        assert_eq!(
            d.help.as_deref(),
            Some("the keys allowed here are id, name")
        );
    }

    #[test]
    fn a_missing_key_of_a_toml_file_goes_at_its_top() {
        let d = explain("[title]\nvi = \"x\"\n", "missing field `summary`", None);
        assert_eq!(d.location.unwrap().line, 1);
        assert_eq!(
            d.help.as_deref(),
            Some("add this line above it: summary = \"…\"")
        );
    }

    #[test]
    fn a_missing_key_of_an_inline_table_goes_inside_it() {
        let source = "recognition = { decision = \"1\" }\n";
        let d = explain(source, "missing field `summary`", Some(14..32));
        assert_eq!(
            d.help.as_deref(),
            Some("write recognition = { decision = \"1\", summary = \"…\" }")
        );
    }

    #[test]
    fn recognises_the_commonest_slips() {
        assert_eq!(
            decimal_points("location = { lat = 19,02, lon = 105,44 }").as_deref(),
            Some("location = { lat = 19.02, lon = 105.44 }")
        );
        assert_eq!(decimal_points("name = \"1,2\""), None);
        assert_eq!(colon_for_equals("name: \"Đền\""), Some(("name", "\"Đền\"")));
        assert_eq!(colon_for_equals("name = \"a: b\""), None);
        assert_eq!(padded_date("2016-1-7").as_deref(), Some("2016-01-07"));
    }

    #[test]
    fn closest_ignores_distant_words() {
        assert_eq!(closest("summry", &["summary", "hamlet"]), Some("summary"));
        assert_eq!(closest("xyz", &["summary", "hamlet"]), None);
    }
}
