//! Load: read the project folder into memory. Nothing here judges the values; it reads files
//! ([`project`]), then decodes them and parses their front matter into the raw structs of
//! `front_matter` ([`parse`]). The two are apart so that a relic whose files the build cache
//! has seen before is never decoded again.

pub mod draft;
pub mod fields;
pub mod front_matter;
pub mod ledger;
pub mod split;
pub mod theme;

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::de::DeserializeOwned;

use crate::config::{self, Config};
use crate::diagnostic::{Diagnostic, display_path, relative_to};
use crate::read::{text, toml_error};
use front_matter::{RawRelic, RawTranslation};
use theme::Theme;

/// The folder, under the project root, that holds one folder per relic.
pub const SITES_DIR: &str = "sites";

/// File types published beside a relic's page. SVG is left out on purpose: an SVG opened
/// directly can run scripts under the site's address.
const ASSET_EXTENSIONS: &[&str] = &[
    "jpg", "jpeg", "png", "webp", "gif", "mp3", "m4a", "ogg", "oga", "opus", "pdf",
];

/// Files that editors and operating systems leave in folders; never worth a warning.
const IGNORED_FILES: &[&str] = &["Thumbs.db", "desktop.ini"];

pub struct Project {
    pub root: PathBuf,
    pub config: Config,
    pub theme: Theme,
    pub relics: Vec<RelicFiles>,
    /// `plaques.toml`, once something has been printed.
    pub ledger: Option<ledger::LedgerFile>,
    /// `stats/scans.csv`, once `ditich stats --publish` kept some.
    pub scans: Vec<crate::stats::published::Row>,
}

/// One `sites/<folder>/` as read from disk.
pub struct RelicFiles {
    /// The folder as messages show it: `sites/den-ca`.
    pub folder: PathBuf,
    pub folder_name: String,
    /// `index.md`.
    pub main: TextFile,
    /// In the order of `languages` in `site.toml`.
    pub translations: Vec<TextFile>,
    pub assets: Vec<Asset>,
}

/// A relic text as found in its folder, read only when needed: the build cache may know its
/// hash from its length and modification time.
pub struct TextFile {
    /// As messages show it: `sites/den-ca/index.md`.
    pub file: PathBuf,
    pub path: PathBuf,
    pub lang: String,
    /// What its metadata said when it was listed.
    pub stamp: Option<Stamp>,
    /// Its bytes once read, so that hashing and parsing read it once.
    bytes: std::sync::OnceLock<Result<Vec<u8>, String>>,
    /// The hash of its bytes once taken: the build cache's key and the parsed text both need it.
    digest: std::sync::OnceLock<blake3::Hash>,
}

/// What a file's metadata says of its content: the build cache takes a file whose stamp did
/// not change to hold the bytes it held.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Stamp {
    pub len: u64,
    /// The modification time, in nanoseconds since 1970.
    pub modified: u128,
    /// On Unix, the inode's change time, which tools that restore modification times (`cp
    /// -p`, `rsync -t`, unzip) cannot set back, and its number; 0 elsewhere.
    pub changed: u128,
    pub inode: u64,
}

impl Stamp {
    pub fn of(meta: &std::fs::Metadata) -> Option<Stamp> {
        let modified = meta.modified().ok()?;
        let modified = modified.duration_since(std::time::UNIX_EPOCH).ok()?;
        #[cfg(unix)]
        let (changed, inode) = {
            use std::os::unix::fs::MetadataExt;
            let seconds = u128::try_from(meta.ctime()).ok()?;
            let nanos = u128::try_from(meta.ctime_nsec()).ok()?;
            (seconds * 1_000_000_000 + nanos, meta.ino())
        };
        #[cfg(not(unix))]
        let (changed, inode) = (0, 0);
        Some(Stamp {
            len: meta.len(),
            modified: modified.as_nanos(),
            changed,
            inode,
        })
    }
}

impl TextFile {
    /// The text at `path`, shown in messages as `file`, with its stamp when listed.
    pub fn new(file: PathBuf, path: PathBuf, lang: String, stamp: Option<Stamp>) -> TextFile {
        TextFile {
            file,
            path,
            lang,
            stamp,
            bytes: std::sync::OnceLock::new(),
            digest: std::sync::OnceLock::new(),
        }
    }

    /// Takes `bytes` as the file's content instead of what is on disk: the studio checks a
    /// text before it writes it. Without a stamp, the build cache hashes these bytes.
    pub fn replace(&mut self, bytes: Vec<u8>) {
        self.bytes = std::sync::OnceLock::from(Ok(bytes));
        self.digest = std::sync::OnceLock::new();
        self.stamp = None;
    }

    /// The hash of its bytes.
    pub fn digest(&self) -> Result<blake3::Hash, Diagnostic> {
        let bytes = self.read()?;
        Ok(*self.digest.get_or_init(|| blake3::hash(bytes)))
    }

    pub fn read(&self) -> Result<&[u8], Diagnostic> {
        self.bytes
            .get_or_init(|| std::fs::read(&self.path).map_err(|err| err.to_string()))
            .as_deref()
            .map_err(|err| {
                Diagnostic::error(crate::text!("file-unreadable", reason = err.to_string()))
                    .in_file(&self.file)
            })
    }
}

/// Everything read from one `sites/<folder>/`, decoded and parsed.
pub struct RelicSources {
    /// The folder as messages show it: `sites/den-ca`.
    pub folder: PathBuf,
    /// The folder's name, from which the slug is made.
    pub folder_name: String,
    pub main: Document<RawRelic>,
    /// In the order of `languages` in `site.toml`.
    pub translations: Vec<Document<RawTranslation>>,
    pub assets: Vec<Asset>,
}

/// A decoded file with its parsed front matter and the body's position in it.
pub struct Document<T> {
    /// As messages show it: `sites/den-ca/index.md`.
    pub file: PathBuf,
    pub lang: String,
    pub source: String,
    /// A hash of the file's bytes.
    pub digest: blake3::Hash,
    pub front_matter: T,
    pub body_offset: usize,
}

impl<T> Document<T> {
    pub fn body(&self) -> &str {
        &self.source[self.body_offset..]
    }
}

/// A file published beside the relic's page.
#[derive(Debug, Clone)]
pub struct Asset {
    /// Path inside the relic's folder, with `/`: `cover.jpg`, `anh/cong.jpg`.
    pub name: String,
    pub path: PathBuf,
}

/// Reads the whole project. Problems are pushed to `diagnostics`; a relic whose files cannot be
/// read or parsed is left out, so that the problems of every other relic are still found.
pub fn project(root: &Path, diagnostics: &mut Vec<Diagnostic>) -> Option<Project> {
    let config = match config::load(root) {
        Ok(config) => config,
        Err(problems) => {
            diagnostics.extend(problems);
            return None;
        }
    };
    let theme = theme::load(root, diagnostics);
    let folders = relic_folders(root, diagnostics);
    let results: Vec<_> = folders
        .par_iter()
        .map(|folder| relic_files(root, folder, &config))
        .collect();
    let mut relics = Vec::with_capacity(results.len());
    for (relic, problems) in results {
        diagnostics.extend(problems);
        relics.extend(relic);
    }
    let ledger = ledger::read(root).unwrap_or_else(|d| {
        diagnostics.push(d);
        None
    });
    let scans = crate::stats::published::read(root).unwrap_or_else(|d| {
        diagnostics.push(d);
        None
    });
    Some(Project {
        root: root.to_path_buf(),
        config,
        theme,
        relics,
        ledger,
        scans: scans.unwrap_or_default(),
    })
}

/// The folders directly under `sites/`, sorted by name.
fn relic_folders(root: &Path, diagnostics: &mut Vec<Diagnostic>) -> Vec<PathBuf> {
    let sites = root.join(SITES_DIR);
    if !sites.is_dir() {
        diagnostics.push(
            Diagnostic::error(crate::text!("sites-missing", folder = SITES_DIR))
                .help(crate::text!("sites-missing-help")),
        );
        return Vec::new();
    }
    // One level, by hand: walkdir opens every folder it yields, even at its maximum depth,
    // and each relic's folder is listed again by `relic_files`.
    let unreadable = |err: std::io::Error| {
        Diagnostic::error(crate::text!(
            "folder-unreadable-named",
            folder = SITES_DIR,
            reason = err.to_string()
        ))
    };
    let mut entries: Vec<std::fs::DirEntry> = match std::fs::read_dir(&sites) {
        Ok(listing) => listing
            .filter_map(|entry| entry.map_err(|err| diagnostics.push(unreadable(err))).ok())
            .collect(),
        Err(err) => {
            diagnostics.push(unreadable(err));
            return Vec::new();
        }
    };
    entries.sort_by_key(std::fs::DirEntry::file_name);
    let mut folders = Vec::new();
    for entry in entries {
        match entry.file_type() {
            _ if is_hidden(&entry.file_name()) => {}
            Ok(kind) if kind.is_dir() => folders.push(entry.path()),
            Ok(_) => diagnostics.push(
                Diagnostic::warning(crate::text!("file-outside-relic"))
                    .in_file(&relative_to(root, &entry.path()))
                    .help(crate::text!("file-outside-relic-help")),
            ),
            Err(err) => diagnostics.push(unreadable(err)),
        }
    }
    folders
}

/// Lists one relic's folder: its texts, and its other files.
fn relic_files(root: &Path, dir: &Path, config: &Config) -> (Option<RelicFiles>, Vec<Diagnostic>) {
    let folder = relative_to(root, dir);
    let mut problems = Vec::new();
    let mut main = None;
    let mut translations = Vec::new();
    let mut assets = Vec::new();

    for entry in walkdir::WalkDir::new(dir).min_depth(1).sort_by_file_name() {
        let entry = match entry {
            Ok(entry) => entry,
            Err(err) => {
                problems.push(
                    Diagnostic::error(crate::text!("folder-unreadable", reason = err.to_string()))
                        .in_file(&folder),
                );
                continue;
            }
        };
        let file = relative_to(root, entry.path());
        let name = entry.file_name().to_string_lossy();
        if is_hidden(entry.file_name())
            || IGNORED_FILES.contains(&&*name)
            || entry.file_type().is_dir()
        {
            continue;
        }
        if entry.path_is_symlink() {
            problems.push(
                Diagnostic::error(crate::text!("symlink"))
                    .in_file(&file)
                    .help(crate::text!("symlink-help")),
            );
            continue;
        }
        let in_folder = entry.depth() == 1;
        match markdown_language(&name, config) {
            Some(Ok(lang)) if in_folder => {
                let text = entry
                    .metadata()
                    .map(|meta| {
                        TextFile::new(
                            file.clone(),
                            entry.path().to_path_buf(),
                            lang.to_owned(),
                            Stamp::of(&meta),
                        )
                    })
                    .map_err(|err| {
                        problems.push(
                            Diagnostic::error(crate::text!(
                                "file-unreadable",
                                reason = err.to_string()
                            ))
                            .in_file(&file),
                        )
                    })
                    .ok();
                if lang == config.default_language() {
                    main = text;
                } else {
                    translations.extend(text);
                }
                continue;
            }
            Some(Err(lang)) if in_folder => {
                problems.push(
                    Diagnostic::warning(crate::text!("text-language-unknown", code = lang))
                        .in_file(&file)
                        .help(crate::text!("text-language-unknown-help", code = lang)),
                );
                continue;
            }
            _ => {}
        }
        let extension = entry
            .path()
            .extension()
            .map(|e| e.to_string_lossy().to_lowercase());
        if extension
            .as_deref()
            .is_some_and(|e| ASSET_EXTENSIONS.contains(&e))
        {
            let name = display_path(entry.path().strip_prefix(dir).unwrap_or(entry.path()));
            assets.push(Asset {
                name,
                path: entry.into_path(),
            });
        } else {
            problems.push(
                Diagnostic::warning(crate::text!("file-not-published"))
                    .in_file(&file)
                    .help(crate::text!(
                        "file-not-published-help",
                        extensions = ASSET_EXTENSIONS.join(", ")
                    )),
            );
        }
    }

    let Some(main) = main else {
        if problems.iter().all(|d| !d.is_error()) {
            problems.push(
                Diagnostic::error(crate::text!("index-missing"))
                    .in_file(&folder)
                    .help(crate::text!("index-missing-help")),
            );
        }
        return (None, problems);
    };
    translations
        .sort_by_key(|text: &TextFile| config.languages.iter().position(|l| *l == text.lang));
    let folder_name = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let relic = RelicFiles {
        folder,
        folder_name,
        main,
        translations,
        assets,
    };
    (Some(relic), problems)
}

/// Decodes a relic's texts and parses their front matter. `None` when `index.md` cannot be
/// read; a translation that cannot is left out, with its error.
pub fn parse(files: &RelicFiles) -> (Option<RelicSources>, Vec<Diagnostic>) {
    let mut problems = Vec::new();
    let main = read_document(&files.main, &mut problems);
    let translations = files
        .translations
        .iter()
        .filter_map(|text| read_document(text, &mut problems))
        .collect();
    let relic = main.map(|main| RelicSources {
        folder: files.folder.clone(),
        folder_name: files.folder_name.clone(),
        main,
        translations,
        assets: files.assets.clone(),
    });
    (relic, problems)
}

impl Project {
    /// Every relic that parses, its problems ignored: for tools that only need the ids.
    pub fn parsed(&self) -> Vec<RelicSources> {
        self.relics
            .par_iter()
            .filter_map(|files| parse(files).0)
            .collect()
    }

    /// Takes each of `unsaved` (a project-relative path and its bytes) as the relic text at
    /// that path, even a translation not written yet: the studio checks and previews a text
    /// before it saves it. A path that is no relic text of the project is left out.
    pub fn take_unsaved(&mut self, unsaved: &[(PathBuf, Vec<u8>)]) {
        for (file, bytes) in unsaved {
            let languages = &self.config.languages;
            let Some(relic) = self
                .relics
                .iter_mut()
                .find(|r| file.parent() == Some(r.folder.as_path()))
            else {
                continue;
            };
            let texts = std::iter::once(&mut relic.main).chain(&mut relic.translations);
            if let Some(text) = texts.into_iter().find(|t| &t.file == file) {
                text.replace(bytes.clone());
                continue;
            }
            let name = file.file_name().unwrap_or_default().to_string_lossy();
            let Some(Ok(lang)) = markdown_language(&name, &self.config) else {
                continue;
            };
            let mut text = TextFile::new(file.clone(), self.root.join(file), lang.to_owned(), None);
            text.replace(bytes.clone());
            relic.translations.push(text);
            relic
                .translations
                .sort_by_key(|t| languages.iter().position(|l| *l == t.lang));
        }
    }
}

/// For `index.md` and `index.<lang>.md`: the language, or `Err` with a language the site does
/// not have. `None` for every other file.
fn markdown_language<'a>(name: &'a str, config: &'a Config) -> Option<Result<&'a str, &'a str>> {
    let stem = name.strip_suffix(".md")?.strip_prefix("index")?;
    if stem.is_empty() {
        return Some(Ok(config.default_language()));
    }
    let lang = stem.strip_prefix('.')?;
    Some(match config.languages.iter().skip(1).find(|l| *l == lang) {
        Some(known) => Ok(known),
        None => Err(lang),
    })
}

fn read_document<T: DeserializeOwned>(
    text: &TextFile,
    problems: &mut Vec<Diagnostic>,
) -> Option<Document<T>> {
    parse_document(text, problems)
        .map_err(|d| problems.push(d))
        .ok()
}

fn parse_document<T: DeserializeOwned>(
    text: &TextFile,
    warnings: &mut Vec<Diagnostic>,
) -> Result<Document<T>, Diagnostic> {
    let (file, lang) = (text.file.as_path(), text.lang.as_str());
    let bytes = text.read()?;
    let digest = text.digest()?;
    let source = text::decode_document(file, bytes, warnings)?;
    let parts = split::split(file, &source)?;
    let front_matter = toml_error::parse_with(
        file,
        &source,
        parts.front_matter_offset,
        parts.front_matter,
        fields::suggestions(),
    )?;
    let body_offset = parts.body_offset;
    Ok(Document {
        file: file.to_path_buf(),
        lang: lang.to_owned(),
        source,
        digest,
        front_matter,
        body_offset,
    })
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_string_lossy().starts_with('.')
}
