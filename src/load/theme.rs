//! The theme: Tera templates, static files and interface strings, layered so that a project
//! can replace any one file by name.
//!
//! From lowest to highest priority: the default theme embedded in the binary (so a project
//! without a `themes/` folder builds), the project's `themes/default/`, and finally its own
//! `templates/`, `static/` and `posters/` folders.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use include_dir::{Dir, include_dir};

use crate::diagnostic::{Diagnostic, display_path};

static EMBEDDED: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/themes/default");

#[derive(Debug, Default)]
pub struct Theme {
    /// Template name (path under `templates/`) to source.
    pub templates: BTreeMap<String, Template>,
    /// Path under `static/` to contents; published under `assets/`.
    pub static_files: BTreeMap<String, Vec<u8>>,
    /// Language code to the strings of `i18n/<code>.toml`.
    pub strings: BTreeMap<String, toml::Table>,
    /// Language code to the file its strings came from, for messages.
    pub strings_origin: BTreeMap<String, String>,
    /// Poster templates (SVG) by name: `a4.svg`, `plaque.svg` …
    pub posters: BTreeMap<String, Template>,
    /// The font files of `fonts/`, the only fonts posters are drawn with.
    pub fonts: BTreeMap<String, Vec<u8>>,
}

#[derive(Debug)]
pub struct Template {
    /// Where it came from, for error messages.
    pub origin: String,
    pub source: String,
}

pub fn load(root: &Path, diagnostics: &mut Vec<Diagnostic>) -> Theme {
    let mut theme = Theme::default();
    let mut embedded = Vec::new();
    embedded_files(&EMBEDDED, &mut embedded);
    for file in embedded {
        let origin = format!("(built-in theme)/{}", display_path(file.path()));
        theme.add(file.path(), origin, file.contents(), diagnostics);
    }
    let layers = [
        (root.join("themes/default"), PathBuf::new()),
        (root.join("templates"), PathBuf::from("templates")),
        (root.join("static"), PathBuf::from("static")),
        (root.join("posters"), PathBuf::from("posters")),
    ];
    for (dir, prefix) in layers {
        for entry in walkdir::WalkDir::new(&dir).sort_by_file_name() {
            let entry = match entry {
                Ok(entry) if entry.file_type().is_file() => entry,
                Ok(_) => continue,
                Err(err)
                    if err.io_error().map(|e| e.kind()) == Some(std::io::ErrorKind::NotFound) =>
                {
                    break;
                }
                Err(err) => {
                    diagnostics.push(Diagnostic::error(crate::text!(
                        "theme-unreadable",
                        reason = err.to_string()
                    )));
                    continue;
                }
            };
            let relative = entry.path().strip_prefix(&dir).unwrap_or(entry.path());
            let in_theme = prefix.join(relative);
            let origin = display_path(entry.path().strip_prefix(root).unwrap_or(entry.path()));
            match std::fs::read(entry.path()) {
                Ok(bytes) => theme.add(&in_theme, origin, &bytes, diagnostics),
                Err(err) => diagnostics.push(Diagnostic::error(crate::text!(
                    "folder-unreadable-named",
                    folder = origin.to_string(),
                    reason = err.to_string()
                ))),
            }
        }
    }
    theme
}

fn embedded_files<'a>(dir: &'a Dir<'a>, files: &mut Vec<&'a include_dir::File<'a>>) {
    files.extend(dir.files());
    for sub in dir.dirs() {
        embedded_files(sub, files);
    }
}

impl Theme {
    fn add(
        &mut self,
        path: &Path,
        origin: String,
        bytes: &[u8],
        diagnostics: &mut Vec<Diagnostic>,
    ) {
        let mut parts = path.components().map(|c| c.as_os_str().to_string_lossy());
        let (Some(kind), rest) = (parts.next(), parts.collect::<Vec<_>>().join("/")) else {
            return;
        };
        let text = || crate::read::text::decode(Path::new(&origin), bytes);
        match &*kind {
            "templates" | "posters" => match text() {
                Ok(source) => {
                    let templates = if kind == "templates" {
                        &mut self.templates
                    } else {
                        &mut self.posters
                    };
                    templates.insert(rest, Template { origin, source });
                }
                Err(d) => diagnostics.push(d),
            },
            "fonts" if rest.ends_with(".ttf") || rest.ends_with(".otf") => {
                self.fonts.insert(rest, bytes.to_vec());
            }
            "static" => {
                self.static_files.insert(rest, bytes.to_vec());
            }
            "i18n" => {
                let Some(lang) = rest.strip_suffix(".toml") else {
                    return;
                };
                let parsed = text().and_then(|source| {
                    crate::read::toml_error::parse(Path::new(&origin), &source, 0, &source)
                });
                match parsed {
                    Ok(table) => {
                        self.strings.insert(lang.to_owned(), table);
                        self.strings_origin.insert(lang.to_owned(), origin);
                    }
                    Err(d) => diagnostics.push(d),
                }
            }
            // Licences and notes travel with the theme but are not published.
            _ => {}
        }
    }
}
