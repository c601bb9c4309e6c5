//! Problems found in a project, reported the way a compiler reports them: the file, the line and
//! column, the offending line with a caret under it, and a hint that says how to fix it.
//!
//! Culture officers are the readers, so every message names what to change, not what failed.

use std::fmt;
use std::path::{Path, PathBuf};

use anstyle::{AnsiColor, Style};
use serde::{Deserialize, Serialize};

use crate::i18n::{Language, Text, language};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// Where in a file a problem sits. Lines and columns count from 1; columns count characters,
/// not bytes, because that is what an editor's status bar shows for Vietnamese text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Location {
    pub line: usize,
    pub column: usize,
    /// Characters to underline, at least 1.
    pub width: usize,
    /// The whole line, to show under the message.
    pub text: String,
}

impl Location {
    /// Locates the byte range `span` of `source`. A span past the end points at the last line.
    pub fn of_span(source: &str, span: std::ops::Range<usize>) -> Location {
        let start = floor_char_boundary(source, span.start.min(source.len()));
        let end = floor_char_boundary(source, span.end.clamp(start, source.len()));
        let line_start = source[..start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = source[start..]
            .find('\n')
            .map_or(source.len(), |i| start + i);
        let text = source[line_start..line_end].trim_end_matches('\r');
        let column = source[line_start..start].chars().count() + 1;
        let width = source[start..end.min(line_end)].chars().count().max(1);
        Location {
            line: source[..start].matches('\n').count() + 1,
            column,
            width,
            text: text.to_owned(),
        }
    }

    /// Locates the start of 1-based `line` of `source`, underlining the whole line.
    pub fn of_line(source: &str, line: usize) -> Location {
        let offset = source
            .split_inclusive('\n')
            .take(line.saturating_sub(1))
            .map(str::len)
            .sum::<usize>();
        let length = source[offset..].find('\n').unwrap_or(source.len() - offset);
        Location::of_span(source, offset..offset + length)
    }

    /// The line with its underlined text replaced by `with`: what a help quotes for an officer
    /// to type in place of the whole line, so that doing just that fixes it.
    pub fn replaced(&self, with: &str) -> String {
        self.rewritten(&[(self, with)])
    }

    /// The line with each of `fixes` that lies on it put in place of what it underlines, so
    /// that one help mends every mistake of a line, not only its own.
    pub fn rewritten(&self, fixes: &[(&Location, &str)]) -> String {
        let mut chars: Vec<char> = self.text.chars().collect();
        let mut on_line: Vec<_> = fixes
            .iter()
            .filter(|(at, _)| at.line == self.line)
            .collect();
        // From the right, so that each fix leaves the columns of those before it in place.
        on_line.sort_by_key(|(at, _)| std::cmp::Reverse(at.column));
        for (at, with) in on_line {
            let start = (at.column - 1).min(chars.len());
            let end = (start + at.width).min(chars.len());
            chars.splice(start..end, with.chars());
        }
        chars.into_iter().collect::<String>().trim().to_owned()
    }
}

fn floor_char_boundary(s: &str, mut index: usize) -> usize {
    while !s.is_char_boundary(index) {
        index -= 1;
    }
    index
}

/// A problem in the project. Serialized as the JSON of `ditich check --format json`, so its
/// field names are a public contract.
///
/// `message` and `help` are in the language of the process, as the JSON and the studio show
/// them; a diagnostic made from the catalogue also keeps its [`Text`]s, so that it can be shown
/// in either language ([`Diagnostic::in_language`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// The file, relative to the project folder, with `/` separators.
    pub file: Option<String>,
    /// Boxed to keep `Result<_, Diagnostic>` small on the happy path.
    pub location: Option<Box<Location>>,
    pub message: String,
    pub help: Option<String>,
    /// The catalogue's message and help, when they came from it; `None` for words made
    /// elsewhere, such as a parser's, which read the same in every language.
    #[serde(skip)]
    pub texts: Option<Box<Texts>>,
}

/// The catalogue's words of a diagnostic, not yet put into a language.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Texts {
    pub message: Option<Text>,
    pub help: Option<Text>,
}

/// What a diagnostic says: a message of the catalogue, or words made elsewhere.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Words {
    Text(Text),
    Plain(String),
}

impl From<Text> for Words {
    fn from(text: Text) -> Words {
        Words::Text(text)
    }
}

impl From<String> for Words {
    fn from(plain: String) -> Words {
        Words::Plain(plain)
    }
}

impl From<&str> for Words {
    fn from(plain: &str) -> Words {
        Words::Plain(plain.to_owned())
    }
}

impl Words {
    fn split(self) -> (String, Option<Text>) {
        match self {
            Words::Text(text) => (text.render(language()), Some(text)),
            Words::Plain(plain) => (plain, None),
        }
    }
}

impl Diagnostic {
    pub fn error(message: impl Into<Words>) -> Diagnostic {
        Diagnostic::new(Severity::Error, message.into())
    }

    pub fn warning(message: impl Into<Words>) -> Diagnostic {
        Diagnostic::new(Severity::Warning, message.into())
    }

    fn new(severity: Severity, message: Words) -> Diagnostic {
        let (message, text) = message.split();
        Diagnostic {
            severity,
            file: None,
            location: None,
            message,
            help: None,
            texts: text.map(|text| {
                Box::new(Texts {
                    message: Some(text),
                    help: None,
                })
            }),
        }
    }

    pub fn in_file(mut self, file: &Path) -> Diagnostic {
        self.file = Some(display_path(file));
        self
    }

    pub fn at(mut self, location: Location) -> Diagnostic {
        self.location = Some(Box::new(location));
        self
    }

    pub fn help(mut self, help: impl Into<Words>) -> Diagnostic {
        let (help, text) = help.into().split();
        self.help = Some(help);
        let texts = self.texts.get_or_insert_with(Box::default);
        texts.help = text;
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The message in `language`; words from outside the catalogue as they are.
    pub fn message_in(&self, language: Language) -> String {
        match self.texts.as_ref().and_then(|t| t.message.as_ref()) {
            Some(text) => text.render(language),
            None => self.message.clone(),
        }
    }

    /// The help in `language`, if there is one.
    pub fn help_in(&self, language: Language) -> Option<String> {
        match self.texts.as_ref().and_then(|t| t.help.as_ref()) {
            Some(text) => Some(text.render(language)),
            None => self.help.clone(),
        }
    }

    /// The diagnostic with its `message` and `help` in `language`.
    pub fn in_language(&self, language: Language) -> Diagnostic {
        Diagnostic {
            message: self.message_in(language),
            help: self.help_in(language),
            ..self.clone()
        }
    }
}

/// A path as messages show it: forward slashes on every system, so messages read the same
/// on an officer's Windows laptop and in CI.
pub fn display_path(path: &Path) -> String {
    path.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

impl Severity {
    /// The word before a message, in the process's language: `error`, `lỗi`.
    pub fn label(self) -> String {
        match self {
            Severity::Error => crate::text!("label-error").to_string(),
            Severity::Warning => crate::text!("label-warning").to_string(),
        }
    }

    /// The label's colour on a terminal, as compilers use them.
    pub fn style(self) -> Style {
        let colour = match self {
            Severity::Error => AnsiColor::BrightRed,
            Severity::Warning => AnsiColor::BrightYellow,
        };
        Style::new().bold().fg_color(Some(colour.into()))
    }
}

/// `{}` writes plain text; `{:#}` adds terminal colours to the label and the caret, for a
/// caller that knows its stream shows them.
impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let style = if f.alternate() {
            self.severity.style()
        } else {
            Style::new()
        };
        match (&self.file, &self.location) {
            (Some(file), Some(at)) => write!(f, "{file}:{}:{}: ", at.line, at.column)?,
            (Some(file), None) => write!(f, "{file}: ")?,
            _ => {}
        }
        let language = language();
        write!(
            f,
            "{style}{}:{style:#} {}",
            self.severity.label(),
            self.message_in(language)
        )?;
        let gutter = self
            .location
            .as_ref()
            .map_or(1, |at| at.line.to_string().len());
        if let Some(at) = &self.location {
            let pad = " ".repeat(gutter);
            let text = at.text.replace('\t', " ");
            write!(f, "\n{pad} |\n{} | {text}", at.line)?;
            write!(
                f,
                "\n{pad} | {}{style}{}{style:#}",
                " ".repeat(at.column - 1),
                "^".repeat(at.width)
            )?;
        }
        if let Some(help) = self.help_in(language) {
            let label = crate::text!("label-help");
            write!(f, "\n{} = {label}: {help}", " ".repeat(gutter))?;
        }
        Ok(())
    }
}

/// The error a build returns when the project has problems: all of them, in file order.
#[derive(Debug)]
pub struct Problems(pub Vec<Diagnostic>);

impl fmt::Display for Problems {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let count = self.0.iter().filter(|d| d.is_error()).count();
        write!(f, "{}", crate::text!("problems-count", count = count))
    }
}

impl std::error::Error for Problems {}

/// Sorts diagnostics for output: by file, then position, errors before warnings at one place.
pub fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| {
        let line = |d: &Diagnostic| d.location.as_ref().map(|l| (l.line, l.column));
        (&a.file, line(a), a.severity).cmp(&(&b.file, line(b), b.severity))
    });
}

/// A path relative to `root` when it lies inside it; messages then read `sites/…`.
pub fn relative_to(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root).unwrap_or(path).to_path_buf()
}

#[cfg(test)]
mod tests {
    use super::*;

    const SOURCE: &str = "+++\nid = \"DT01\"\nrank = \"quốc gia\"\n+++\n";

    #[test]
    fn columns_count_characters_not_bytes() {
        let start = SOURCE.find("\"quốc").unwrap();
        let at = Location::of_span(SOURCE, start..start + "\"quốc gia\"".len());
        assert_eq!((at.line, at.column, at.width), (3, 8, 10));
        assert_eq!(at.text, "rank = \"quốc gia\"");
    }

    #[test]
    fn renders_like_a_compiler() {
        let start = SOURCE.find("\"quốc").unwrap();
        let d = Diagnostic::error("unknown rank \"quốc gia\"")
            .in_file(Path::new("sites/den-ca/index.md"))
            .at(Location::of_span(SOURCE, start..start + 12))
            .help("write rank = \"national\"");
        assert_eq!(
            d.to_string(),
            "sites/den-ca/index.md:3:8: error: unknown rank \"quốc gia\"\n  |\n3 | rank = \"quốc gia\"\n  |        ^^^^^^^^^^\n  = help: write rank = \"national\""
        );
    }

    #[test]
    fn a_replaced_line_swaps_only_what_is_underlined() {
        let start = SOURCE.find("\"quốc").unwrap();
        let at = Location::of_span(SOURCE, start..start + "\"quốc gia\"".len());
        assert_eq!(at.replaced("\"national\""), "rank = \"national\"");
    }

    #[test]
    fn a_line_location_underlines_the_line() {
        let at = Location::of_line(SOURCE, 2);
        assert_eq!((at.line, at.column, at.width), (2, 1, 11));
    }

    #[test]
    fn a_diagnostic_from_the_catalogue_reads_in_either_language() {
        let d = Diagnostic::error(crate::text!("key-missing", key = "summary"))
            .help(crate::text!("add-line-below", line = "summary = \"…\""));
        assert_eq!(d.message, "required key `summary` is missing");
        let vi = d.in_language(Language::Vi);
        assert_eq!(vi.message, "còn thiếu khóa bắt buộc `summary`");
        assert_eq!(
            vi.help.as_deref(),
            Some("thêm dòng này ngay dưới: summary = \"…\"")
        );
        assert_eq!(vi.in_language(Language::En), d);
        // Words from elsewhere, a parser's, read the same in both.
        let plain = Diagnostic::error("expected `=`").help(crate::text!("line-form-help"));
        let plain_vi = plain.in_language(Language::Vi);
        assert_eq!(plain_vi.message, "expected `=`");
        assert!(plain_vi.help.unwrap().starts_with("mỗi dòng gồm"));
    }

    #[test]
    fn spans_past_the_end_are_clamped() {
        let at = Location::of_span(SOURCE, 999..1000);
        assert_eq!(at.line, 5);
    }
}
