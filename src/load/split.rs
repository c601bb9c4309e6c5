//! Splits a relic file into its TOML front matter and its Markdown body.

use std::path::Path;

use crate::diagnostic::{Diagnostic, Location};

const FENCE: &str = "+++";

/// A file cut at its `+++` fences. Offsets index the whole file so that positions in either
/// part can be reported as positions in the file.
#[derive(Debug, PartialEq, Eq)]
pub struct Split<'a> {
    /// The TOML text. It starts right after the opening fence's newline, so the TOML parser's
    /// line numbers are the file's minus one and its spans shift by `front_matter_offset`.
    pub front_matter: &'a str,
    pub front_matter_offset: usize,
    pub body: &'a str,
    pub body_offset: usize,
}

pub fn split<'a>(file: &Path, source: &'a str) -> Result<Split<'a>, Diagnostic> {
    let mut lines = source.split_inclusive('\n');
    let first = lines.next().unwrap_or_default();
    if first.trim_end() != FENCE {
        let help = if first.trim_end() == "---" {
            crate::text!("front-matter-yaml-help")
        } else {
            crate::text!("front-matter-missing-help")
        };
        return Err(Diagnostic::error(crate::text!("front-matter-missing"))
            .in_file(file)
            .at(Location::of_line(source, 1))
            .help(help));
    }
    let front_matter_offset = first.len();
    let mut offset = front_matter_offset;
    for line in lines {
        if line.trim_end() == FENCE {
            return Ok(Split {
                front_matter: &source[front_matter_offset..offset],
                front_matter_offset,
                body: &source[offset + line.len()..],
                body_offset: offset + line.len(),
            });
        }
        offset += line.len();
    }
    Err(Diagnostic::error(crate::text!("front-matter-unclosed"))
        .in_file(file)
        .at(Location::of_line(source, 1))
        .help(crate::text!("front-matter-unclosed-help")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split_ok(source: &str) -> Split<'_> {
        split(Path::new("index.md"), source).unwrap()
    }

    #[test]
    fn splits_at_the_fences() {
        let s = split_ok("+++\nid = \"DT01\"\n+++\n# Story\n");
        assert_eq!(s.front_matter, "id = \"DT01\"\n");
        assert_eq!(s.front_matter_offset, 4);
        assert_eq!(s.body, "# Story\n");
        assert_eq!(s.body_offset, 20);
    }

    #[test]
    fn a_file_without_body_or_final_newline_is_fine() {
        let s = split_ok("+++\nid = \"DT01\"\n+++");
        assert_eq!(s.body, "");
    }

    #[test]
    fn fences_inside_strings_do_not_count() {
        let s = split_ok("+++\na = \"+++\"\n+++ \nbody");
        assert_eq!(s.front_matter, "a = \"+++\"\n");
        assert_eq!(s.body, "body");
    }

    #[test]
    fn yaml_gets_its_own_hint() {
        let err = split(Path::new("index.md"), "---\nid: 1\n---\n").unwrap_err();
        assert!(err.help.unwrap().contains("not YAML"));
    }

    #[test]
    fn unclosed_front_matter_is_reported_at_its_opening() {
        let err = split(Path::new("index.md"), "+++\nid = \"DT01\"\n# Story\n").unwrap_err();
        assert_eq!(err.location.unwrap().line, 1);
        assert!(err.message.contains("never closed"));
    }
}
