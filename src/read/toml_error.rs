//! Turns `toml`/serde errors into diagnostics that point into the officer's file and say what
//! to type instead.
//!
//! A help that suggests text ends in one of three forms, so that following it literally fixes
//! the problem (`tests/testsuite/helps.rs` does just that): `write LINE` (type LINE in place of
//! the line shown), `add this line below it: LINE` and `add this line above it: LINE`.

use std::ops::Range;
use std::path::Path;

use serde::de::DeserializeOwned;

use crate::diagnostic::{Diagnostic, Location, Words};
use crate::i18n::Text;
use crate::text;

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

/// The error for `key`, missing at the top of the `.toml` file `source`, worded as serde's own
/// missing keys are, with a line that builds when typed in: for a key that serde cannot tell
/// is missing, such as one of two tables either of which will do.
pub fn missing_key(file: &Path, source: &str, key: &str, examples: Examples) -> Diagnostic {
    let at = Spot {
        source,
        offset: 0,
        span: None,
        examples,
    };
    at.missing_key(key).in_file(file)
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
            // Written at the end of the front matter, below `[[photos]]`, the line that makes
            // a relic a draft lands in the last photo's table.
            _ if field == "draft" && !known.is_empty() => text!("key-draft-move-up"),
            (Some(best), Some(at)) => {
                text!(
                    "key-did-you-mean-write",
                    key = best,
                    line = at.replaced(best)
                )
            }
            (Some(best), None) => text!("key-did-you-mean", key = best),
            (None, _) if known.is_empty() => text!("key-remove"),
            (None, _) => text!("keys-allowed", keys = known.join(", ")),
        };
        self.diagnostic(text!("key-unknown", key = field), help)
    }

    /// A key left out. Inside a table, the fix goes into that table; at the top, it goes right
    /// after the opening `+++` (or at the top of a `.toml` file), where no `[table]` can have
    /// started yet.
    fn missing_key(&self, field: &str) -> Diagnostic {
        let message = text!("key-missing", key = field);
        let line = format!("{field} = {}", self.example(field));
        let (at, help) = match &self.span {
            Some(table) => add_to_table(self.source, table.clone(), &line),
            None if self.offset > 0 => {
                let opening = self.source[..self.offset].matches('\n').count().max(1);
                let at = Location::of_line(self.source, opening);
                (at, text!("add-line-below", line = line))
            }
            None => (
                Location::of_line(self.source, 1),
                text!("add-line-above", line = line),
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
        // The catalogue words serde's kinds of value; others it shows as serde wrote them.
        let kind = found.split(' ').next().unwrap_or_default();
        let (needed, value) = if expected.contains("sequence") {
            ("list", format!("[{written}]"))
        } else if expected.contains("datetime") {
            let date = unquoted.parse::<toml::value::Datetime>().ok();
            let value = iso_date(unquoted).unwrap_or_else(|| {
                date.map_or_else(|| self.example(&key).to_owned(), |_| unquoted.to_owned())
            });
            ("date", value)
        } else if expected.contains("map") || expected.starts_with("struct ") {
            ("table", self.example(&key).to_owned())
        } else if expected.contains("string") {
            ("text", format!("\"{unquoted}\""))
        } else if expected.contains("bool") {
            ("boolean", self.example(&key).to_owned())
        } else if unquoted.parse::<f64>().is_ok() {
            ("number", unquoted.to_owned())
        } else {
            ("number", self.example(&key).to_owned())
        };
        let message = text!(
            "value-wrong-type",
            key = &key,
            needed = needed,
            found = kind,
            written = found
        );
        Diagnostic::error(message)
            .at(at.clone())
            .help(text!("write-line", line = at.replaced(&value)))
    }

    /// A line the parser could not read: the mistakes officers make most, recognised on the
    /// line itself, and a reminder of the form of a line for the rest.
    fn syntax(&self, message: &str) -> Diagnostic {
        let Some(at) = self.location() else {
            return Diagnostic::error(message);
        };
        if let Some((slips, line)) = mended(&at.text) {
            return self.diagnostic(slips, text!("write-line", line = line));
        }
        let quoted = at.replaced(&format!("\"{}\"", self.written()));
        if message.starts_with("string values must be quoted") && reads(&quoted) {
            return self.diagnostic(text!("text-unquoted"), text!("write-line", line = quoted));
        }
        // The parser's own words, which the catalogue cannot know in advance.
        self.diagnostic(message, text!("line-form-help"))
    }

    fn diagnostic(&self, message: impl Into<Words>, help: impl Into<Words>) -> Diagnostic {
        let d = Diagnostic::error(message).help(help);
        match self.location() {
            Some(at) => d.at(at),
            None => d,
        }
    }
}

/// Where and how to add `line` to the table at `span` of `source`: inside the braces of an
/// inline table, or below the first line of a `[table]`.
pub fn add_to_table(source: &str, span: Range<usize>, line: &str) -> (Location, Text) {
    let at = Location::of_span(source, span.clone());
    let written = source.get(span).unwrap_or_default().trim();
    match written.strip_prefix('{').and_then(|w| w.strip_suffix('}')) {
        Some(inner) if !inner.contains('\n') => {
            let table = match inner.trim() {
                "" => format!("{{ {line} }}"),
                inner => format!("{{ {inner}, {line} }}"),
            };
            let help = text!("write-line", line = at.replaced(&table));
            (at, help)
        }
        _ => (at, text!("add-line-below", line = line)),
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

/// A line mended, or `None` if it has nothing to mend.
type Rewrite = fn(&str) -> Option<String>;

/// What to tell the officer of a slip.
type Slip = fn() -> Text;

/// The slips officers make most that leave a line unreadable, each with what to tell them and
/// a rewrite of a line that mends it. In the order they are mended: spaces first, as they hide
/// the others; quotes before dates and numbers, which are only told from text outside quotes.
const SLIPS: &[(Slip, Rewrite)] = &[
    (|| text!("slip-odd-space"), plain_spaces),
    (|| text!("slip-colon"), colon_for_equals),
    (|| text!("slip-curly-quotes"), straight_quotes),
    (|| text!("slip-closing-quote"), closing_quote),
    (|| text!("slip-date"), dates),
    (|| text!("slip-decimal-comma"), decimal_points),
];

/// `line` with every slip of [`SLIPS`] on it mended, and what they were. `None` unless the
/// line then reads as TOML, so that a help never offers a line that fails in its turn; and
/// `None` for a line that reads already, whose error lies beyond it.
fn mended(line: &str) -> Option<(Text, String)> {
    if reads(line) {
        return None;
    }
    let mut fixed = line.to_owned();
    let mut slips = Vec::new();
    for (slip, rewrite) in SLIPS {
        if let Some(rewritten) = rewrite(&fixed) {
            fixed = rewritten;
            slips.push(slip());
        }
    }
    let slips = slips
        .into_iter()
        .reduce(|first, then| text!("slips-and", first = first, then = then))?;
    reads(&fixed).then(|| (slips, fixed.trim().to_owned()))
}

/// Whether `line` alone is a TOML document.
fn reads(line: &str) -> bool {
    line.parse::<toml::Table>().is_ok()
}

/// A part of a line: outside text in straight quotes, or such a text with its quotes.
#[derive(Debug, PartialEq)]
enum Piece<'a> {
    Bare(&'a str),
    Quoted(&'a str),
    /// A text whose closing quote is missing, to the end of the line.
    Unclosed(&'a str),
}

/// `line` cut into [`Piece`]s, so that a rewrite leaves what is inside quotes as written.
fn pieces(line: &str) -> Vec<Piece<'_>> {
    let mut pieces = Vec::new();
    let mut start = 0;
    let mut chars = line.char_indices();
    while let Some((i, c)) = chars.next() {
        if c != '"' && c != '\'' {
            continue;
        }
        if start < i {
            pieces.push(Piece::Bare(&line[start..i]));
        }
        let mut escaped = false;
        // Only `"…"` has escapes; `'…'` ends at the next `'`.
        let end = chars.find(|&(_, d)| {
            let closes = d == c && !escaped;
            escaped = c == '"' && d == '\\' && !escaped;
            closes
        });
        match end {
            Some((j, _)) => {
                pieces.push(Piece::Quoted(&line[i..=j]));
                start = j + 1;
            }
            None => {
                pieces.push(Piece::Unclosed(&line[i..]));
                start = line.len();
            }
        }
    }
    if start < line.len() {
        pieces.push(Piece::Bare(&line[start..]));
    }
    pieces
}

/// `line` with `rewrite` applied to each part outside quotes; `None` if that changes nothing.
fn outside_quotes(line: &str, rewrite: impl Fn(&str) -> String) -> Option<String> {
    let fixed: String = pieces(line)
        .into_iter()
        .map(|piece| match piece {
            Piece::Bare(text) => rewrite(text),
            Piece::Quoted(text) | Piece::Unclosed(text) => text.to_owned(),
        })
        .collect();
    (fixed != line).then_some(fixed)
}

/// Spaces that Word, Zalo and Asian keyboards type where a plain one was meant.
const ODD_SPACES: [char; 2] = ['\u{a0}', '\u{3000}'];

/// `name\u{3000}= "Đền Cả"` with plain spaces outside quotes.
fn plain_spaces(line: &str) -> Option<String> {
    outside_quotes(line, |text| text.replace(ODD_SPACES, " "))
}

/// `name: "Đền Cả"`, written as YAML would, joined by `=`.
fn colon_for_equals(line: &str) -> Option<String> {
    let (key, value) = line.split_once(':')?;
    let bare = !key.trim().is_empty()
        && key
            .trim()
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-'));
    bare.then(|| format!("{} = {}", key.trim_end(), value.trim_start()))
}

/// The quotes Word puts around text, German style `„…“` among them.
const CURLY_QUOTES: [char; 5] = ['“', '”', '„', '‘', '’'];

/// `name = “Đền Cả”` with straight quotes for curly ones, also where one end was typed
/// straight.
fn straight_quotes(line: &str) -> Option<String> {
    outside_quotes(line, |text| text.replace(CURLY_QUOTES, "\""))
}

/// `name = "Đền Cả` with its text closed at the end of the line, in place of a curly quote
/// typed to close it.
fn closing_quote(line: &str) -> Option<String> {
    let Some(Piece::Unclosed(text)) = pieces(line).pop() else {
        return None;
    };
    let start = line.len() - text.len();
    let inner = text.trim_end();
    let inner = inner.strip_suffix(['”', '“', '’']).unwrap_or(inner);
    Some(format!("{}{inner}\"", &line[..start]))
}

/// `date = 07/12/2016` with each date outside quotes written as TOML's `2016-12-07`.
fn dates(line: &str) -> Option<String> {
    outside_quotes(line, |text| {
        let mut fixed = String::with_capacity(text.len());
        let mut rest = text;
        while let Some(start) = rest.find(|c: char| c.is_ascii_digit()) {
            let len = rest[start..]
                .find(|c: char| !c.is_ascii_digit() && !matches!(c, '/' | '.' | '-'))
                .unwrap_or(rest.len() - start);
            let token = &rest[start..start + len];
            let alone = !rest[..start].ends_with(char::is_alphanumeric)
                && !rest[start + len..].starts_with(char::is_alphanumeric);
            fixed.push_str(&rest[..start]);
            match iso_date(token).filter(|_| alone) {
                Some(date) => fixed.push_str(&date),
                None => fixed.push_str(token),
            }
            rest = &rest[start + len..];
        }
        fixed.push_str(rest);
        fixed
    })
}

/// A date written day first, as Vietnamese write them (`07/12/2016`, `7.12.2016`,
/// `07-12-2016`), or without its zeros (`2016-12-7`), as TOML writes it: `2016-12-07`. `None`
/// for anything else, and for a date written so already.
fn iso_date(written: &str) -> Option<String> {
    let separator = written.chars().find(|c| !c.is_ascii_digit())?;
    let parts: Vec<&str> = written.split(separator).collect();
    let (year, month, day) = match parts.as_slice() {
        [day, month, year] if matches!(separator, '/' | '.' | '-') && year.len() == 4 => {
            (year, month, day)
        }
        [year, month, day] if separator == '-' && year.len() == 4 => (year, month, day),
        _ => return None,
    };
    let number = |s: &str, max: u32| {
        (1..=2).contains(&s.len())
            && s.bytes().all(|b| b.is_ascii_digit())
            && s.parse().is_ok_and(|n: u32| (1..=max).contains(&n))
    };
    if !year.bytes().all(|b| b.is_ascii_digit()) || !number(month, 12) || !number(day, 31) {
        return None;
    }
    let date = format!("{year}-{month:0>2}-{day:0>2}");
    (date != written).then_some(date)
}

/// `lat = 19,02` with its decimal commas, outside quotes, made points.
fn decimal_points(line: &str) -> Option<String> {
    outside_quotes(line, |text| {
        let chars: Vec<char> = text.chars().collect();
        chars
            .iter()
            .enumerate()
            .map(|(i, &c)| {
                let between_digits = i > 0
                    && chars[i - 1].is_ascii_digit()
                    && chars.get(i + 1).is_some_and(char::is_ascii_digit);
                if c == ',' && between_digits { '.' } else { c }
            })
            .collect()
    })
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

    /// What ditich says of `source`, a `.toml` file the parser cannot read: the message and
    /// the help.
    fn read(source: &str) -> (String, String) {
        let d = parse::<toml::Table>(Path::new("site.toml"), source, 0, source).unwrap_err();
        (d.message, d.help.unwrap_or_default())
    }

    #[track_caller]
    fn helps(source: &str, help: &str) {
        assert_eq!(read(source).1, help, "for {source:?}");
    }

    #[test]
    fn curly_quotes_are_made_straight() {
        for line in [
            "name = “Đền Cả”",
            "name = ‘Đền Cả’",
            "name = „Đền Cả“",
            "name = „Đền Cả”",
            "name = “Đền Cả\"",
            "name = \"Đền Cả”",
        ] {
            helps(line, "write name = \"Đền Cả\"");
        }
        helps(
            "types = [“historical”, “mixed”]",
            "write types = [\"historical\", \"mixed\"]",
        );
        assert!(
            read("name = “Đền Cả”")
                .0
                .contains("text values must be quoted")
        );
    }

    #[test]
    fn a_date_written_day_first_is_turned_around() {
        for date in [
            "07/12/2016",
            "7/12/2016",
            "07-12-2016",
            "07.12.2016",
            "2016-12-7",
        ] {
            helps(&format!("date = {date}"), "write date = 2016-12-07");
        }
        helps(
            "recognition = { decision = \"1/QĐ\", date = 7/12/2016, authority = \"Bộ\" }",
            "write recognition = { decision = \"1/QĐ\", date = 2016-12-07, authority = \"Bộ\" }",
        );
        helps("  updated = 29.11.2026", "write updated = 2026-11-29");
        assert_eq!(iso_date("32/12/2016"), None);
        assert_eq!(iso_date("07/13/2016"), None);
        assert_eq!(iso_date("07/12.2016"), None);
        assert_eq!(iso_date("2016-12-07"), None);
    }

    #[test]
    fn a_date_in_quotes_written_day_first_is_turned_around() {
        #[derive(Debug, serde::Deserialize)]
        struct Dated {
            #[allow(dead_code)]
            date: toml::value::Datetime,
        }
        let source = "date = \"07/12/2016\"\n";
        let d = parse::<Dated>(Path::new("index.md"), source, 0, source).unwrap_err();
        assert_eq!(d.help.as_deref(), Some("write date = 2016-12-07"));
    }

    #[test]
    fn a_missing_closing_quote_is_added() {
        helps("name = \"Đền Cả", "write name = \"Đền Cả\"");
        helps("name = \"Đền Cả  ", "write name = \"Đền Cả\"");
        // Where the quote belongs cannot be told, so no line is offered.
        let (_, help) = read("recognition = { decision = \"1/QĐ, authority = \"Bộ\" }");
        assert!(!help.starts_with("write"), "{help}");
    }

    #[test]
    fn a_colon_for_equals_is_replaced() {
        helps("name: \"Đền Cả\"", "write name = \"Đền Cả\"");
        helps("name: “Đền Cả”", "write name = \"Đền Cả\"");
        assert_eq!(colon_for_equals("name = \"a: b\""), None);
        // The line that `:` gives is no TOML either, so none is offered.
        let (_, help) = read("opening_hours: 7:00");
        assert!(!help.starts_with("write"), "{help}");
    }

    #[test]
    fn odd_spaces_are_made_plain() {
        helps("name\u{3000}= \"Đền Cả\"", "write name = \"Đền Cả\"");
        helps("name =\u{a0}\"Đền Cả\"", "write name = \"Đền Cả\"");
        helps("\u{a0}name = \"Đền Cả\"", "write name = \"Đền Cả\"");
        helps("\u{3000}name = \"Đền Cả\"", "write name = \"Đền Cả\"");
        // Inside quotes they are the officer's text.
        helps(
            "name\u{a0}= \"Đền\u{a0}Cả\"",
            "write name = \"Đền\u{a0}Cả\"",
        );
    }

    #[test]
    fn a_decimal_comma_is_made_a_point() {
        helps(
            "location = { lat = 19,02, lon = 105,44 }",
            "write location = { lat = 19.02, lon = 105.44 }",
        );
        assert_eq!(decimal_points("name = \"1,2\""), None);
    }

    #[test]
    fn text_without_quotes_is_quoted() {
        helps("name = Chùa", "write name = \"Chùa\"");
    }

    #[test]
    fn quoted_text_is_left_as_written() {
        assert_eq!(
            pieces("a = \"x \\\" y\" # 'b"),
            [
                Piece::Bare("a = "),
                Piece::Quoted("\"x \\\" y\""),
                Piece::Bare(" # "),
                Piece::Unclosed("'b"),
            ]
        );
    }

    #[test]
    fn closest_ignores_distant_words() {
        assert_eq!(closest("summry", &["summary", "hamlet"]), Some("summary"));
        assert_eq!(closest("xyz", &["summary", "hamlet"]), None);
    }
}
