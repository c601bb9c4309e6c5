//! Drafts: a relic whose `index.md` says `draft = true` is kept out of the site until an
//! officer removes the line. A draft is work in progress, so it may hold any mistake, even
//! TOML that does not parse; telling that it is a draft must not depend on the rest of its
//! front matter being right.

use serde::Deserialize;
use toml::Spanned;

use super::TextFile;
use crate::diagnostic::Location;

/// The key that makes a relic a draft.
pub const KEY: &str = "draft";

/// A relic file that says it is a draft.
#[derive(Debug, Clone)]
pub struct Mark {
    /// The line `draft = true`.
    pub at: Location,
    /// Its id, when that can be read: a draft's front matter may not parse.
    pub id: Option<String>,
}

/// Whether the relic text `text` (an `index.md`) is a draft. A file that cannot be read or
/// decoded is not: its own error says so.
pub fn of(text: &TextFile) -> Option<Mark> {
    let bytes = text.read().ok()?;
    if !may_name_key(bytes) {
        return None;
    }
    let source = crate::read::text::decode_document(&text.file, bytes, &mut Vec::new()).ok()?;
    let span = draft_line(&source)?;
    Some(Mark {
        at: Location::of_span(&source, span),
        id: id(&source),
    })
}

/// Whether the bytes of a relic file may say `draft`: they hold the key, or an escape that
/// could spell it in a quoted key (`"dr\u0061ft"`). Nearly every file is no draft, and
/// decoding and parsing it here as well as for the build doubled what reading it costs.
/// Every encoding a relic file is read in (UTF-8, Windows-1258) writes ASCII as ASCII.
fn may_name_key(bytes: &[u8]) -> bool {
    use memchr::memmem::find;
    [KEY.as_bytes(), b"\\u", b"\\U"]
        .iter()
        .any(|needle| find(bytes, needle).is_some())
}

/// The id that `source`, a whole relic file, gives, read as [`draft_line`] reads `draft`:
/// from front matter that parses or, failing that, from its line `id = "…"`.
pub fn id(source: &str) -> Option<String> {
    front_matter(source)
        .and_then(|(front_matter, _)| value_of(front_matter, "id"))
        .map(|id| id.trim().to_ascii_uppercase())
        .filter(|id| !id.is_empty())
}

/// Where `source`, a whole relic file, says `draft = true`: the byte range of that line, or
/// `None` when it is not a draft.
///
/// Front matter that parses as TOML is read by the TOML parser, whatever else is wrong with
/// it (missing keys, keys of the wrong type, unknown keys): only a top-level `draft = true`
/// counts. Front matter that does not parse cannot be read by any TOML parser, toml_edit's
/// included, since they all stop at the first syntax error; for it, and only for it, a line
/// `draft = true` above the first `[table]` header is taken at its word. That fallback could
/// be fooled only by such a line inside a multi-line string, which it skips as well.
pub fn draft_line(source: &str) -> Option<std::ops::Range<usize>> {
    let (front_matter, offset) = front_matter(source)?;
    #[derive(Deserialize)]
    struct OnlyDraft {
        draft: Option<Spanned<toml::Value>>,
    }
    let span = match toml::from_str::<OnlyDraft>(front_matter) {
        Ok(only) => {
            let draft = only.draft?;
            (draft.get_ref().as_bool() == Some(true)).then(|| draft.span())?
        }
        Err(_) => {
            let (span, value) = scanned(front_matter, KEY)?;
            (value == "true").then_some(span)?
        }
    };
    let start = front_matter[..span.start].rfind('\n').map_or(0, |i| i + 1);
    let end = front_matter[span.start..]
        .find('\n')
        .map_or(front_matter.len(), |i| span.start + i);
    Some(offset + start..offset + end)
}

/// The string value of the top-level `key`, read as [`draft_line`] reads `draft`.
fn value_of(front_matter: &str, key: &str) -> Option<String> {
    match toml::from_str::<toml::Table>(front_matter) {
        Ok(table) => table.get(key)?.as_str().map(str::to_owned),
        Err(_) => {
            let (_, value) = scanned(front_matter, key)?;
            let value = value.strip_prefix('"')?.strip_suffix('"')?;
            Some(value.to_owned())
        }
    }
}

/// The front matter's text and its offset in the file: after the opening `+++` line, up to
/// the closing one or, when it is missing (a draft may lack it), the end.
fn front_matter(source: &str) -> Option<(&str, usize)> {
    let source_start = source.strip_prefix('\u{feff}').map_or(0, |_| 3);
    let rest = &source[source_start..];
    let first = rest.split_inclusive('\n').next()?;
    if first.trim_end() != "+++" {
        return None;
    }
    let offset = source_start + first.len();
    let mut end = offset;
    for line in source[offset..].split_inclusive('\n') {
        if line.trim_end() == "+++" {
            break;
        }
        end += line.len();
    }
    Some((&source[offset..end], offset))
}

/// The line `key = value` of front matter that does not parse: its span and the value as
/// written, without a comment.
fn scanned<'a>(front_matter: &'a str, key: &str) -> Option<(std::ops::Range<usize>, &'a str)> {
    let mut offset = 0;
    let mut in_string: Option<&str> = None;
    for line in front_matter.split_inclusive('\n') {
        let at = offset;
        offset += line.len();
        if let Some(quotes) = in_string {
            if line.matches(quotes).count() % 2 == 1 {
                in_string = None;
            }
            continue;
        }
        let trimmed = line.trim();
        if trimmed.starts_with('[') {
            return None;
        }
        for quotes in ["\"\"\"", "'''"] {
            if line.matches(quotes).count() % 2 == 1 {
                in_string = Some(quotes);
            }
        }
        if in_string.is_some() {
            continue;
        }
        let Some(value) = trimmed
            .strip_prefix(key)
            .and_then(|rest| rest.trim_start().strip_prefix('='))
        else {
            continue;
        };
        let value = value.split('#').next().unwrap_or_default().trim();
        let start = at + line.find(key).unwrap_or(0);
        return Some((start..start + trimmed.len(), value));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::{draft_line, may_name_key};

    fn line(source: &str) -> Option<&str> {
        draft_line(source).map(|span| &source[span])
    }

    #[test]
    fn a_top_level_draft_true_makes_a_draft() {
        let source = "+++\nid = \"DT01\"\ndraft = true # chưa xong\nname = \"Đền\"\n+++\nbody\n";
        assert_eq!(line(source), Some("draft = true # chưa xong"));
    }

    #[test]
    fn false_absent_or_inside_a_table_is_not_a_draft() {
        assert_eq!(line("+++\nid = \"DT01\"\ndraft = false\n+++\n"), None);
        assert_eq!(line("+++\nid = \"DT01\"\n+++\ndraft = true\n"), None);
        assert_eq!(
            line("+++\nid = \"DT01\"\n[extra]\ndraft = true\n+++\n"),
            None
        );
        assert_eq!(line("id = \"DT01\"\ndraft = true\n"), None);
    }

    #[test]
    fn only_a_file_that_may_spell_the_key_is_read_for_it() {
        let escaped = "+++\nid = \"DT01\"\n\"dr\\u0061ft\" = true\n+++\n";
        assert_eq!(line(escaped), Some("\"dr\\u0061ft\" = true"));
        assert!(may_name_key(escaped.as_bytes()));
        assert!(may_name_key(b"+++\ndraft = true\n+++\n"));
        let windows_1258 = b"+++\nname = \"\xD0\xE8n\"\ndraft = true\n+++\n";
        assert!(may_name_key(windows_1258));
        assert!(!may_name_key(
            "+++\nid = \"DT01\"\nname = \"Đền\"\n+++\nChuyện.\n".as_bytes()
        ));
    }

    #[test]
    fn broken_toml_around_the_line_still_makes_a_draft() {
        let source = "+++\nid = \"DT01\nrank = quoc gia\ndraft = true\n+++\n";
        assert_eq!(line(source), Some("draft = true"));
        // No closing fence: a draft may be that unfinished.
        assert_eq!(line("+++\ndraft=true\nname = \n"), Some("draft=true"));
    }

    #[test]
    fn the_fallback_skips_multi_line_strings_and_tables() {
        let source = "+++\nbroken = \ntranscript = \"\"\"\ndraft = true\n\"\"\"\n+++\n";
        assert_eq!(line(source), None);
        let source = "+++\nbroken = \n[extra]\ndraft = true\n+++\n";
        assert_eq!(line(source), None);
    }

    #[test]
    fn a_draft_key_of_another_type_is_not_a_draft() {
        assert_eq!(line("+++\ndraft = \"yes\"\n+++\n"), None);
    }

    #[test]
    fn the_id_is_read_from_broken_front_matter_too() {
        assert_eq!(
            super::value_of("id = \"DT05\"\nrank = quoc gia\n", "id").as_deref(),
            Some("DT05")
        );
        assert_eq!(
            super::value_of("id = \"DT05\"\nrank = 1\n", "id").as_deref(),
            Some("DT05")
        );
    }
}
