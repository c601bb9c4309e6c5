//! The build cache, `.ditich-cache/` in the project folder: what takes time to make (checked
//! relics, photo variants, print files), each named by a hash of everything that went into it
//! ([`Key`], which also names the pages that `output/` keeps). A name
//! never stands for other bytes, so cached files are never rewritten, and the output folder
//! links to them instead of copying.

use std::fs;
use std::path::{Path, PathBuf};

/// The cache folder, in the project folder.
pub const DIR: &str = ".ditich-cache";

/// Which ditich is running, as part of every key: its version, and its executable's size and
/// modification time, so that a rebuilt ditich, whose output may differ under one version
/// number, makes its files anew.
pub fn tool() -> &'static str {
    static TOOL: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    TOOL.get_or_init(|| {
        let executable = std::env::current_exe()
            .and_then(fs::metadata)
            .map(|meta| {
                let modified = meta
                    .modified()
                    .ok()
                    .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                    .unwrap_or_default();
                format!("{} {}", meta.len(), modified.as_nanos())
            })
            .unwrap_or_default();
        format!("ditich {} {executable}", env!("CARGO_PKG_VERSION"))
    })
}

/// What ditich keeps from one build for the next, each under a [`Key`] of everything it is
/// made from: when "my edit does not show", the key of that thing left the edit out.
#[derive(Clone, Copy, Debug)]
pub enum Kept {
    /// A relic's checked fields and rendered story, in `relics/`: from its texts, the names of
    /// its files, its photos' sizes and the settings of `site.toml` that the check reads.
    Relic,
    /// A page of `output/`, by the key listed beside it in `.ditich-files`: from the theme's
    /// templates and strings, the page's template and path, and all the data it is given.
    Page,
    /// The sitemap and open-data files of `output/`, listed the same way: from `site.toml`
    /// and every relic's record.
    Listing,
    /// A poster's PDF or PNG, in `posters/`: from the fonts, the poster templates, the
    /// encoders' settings and the poster's filled-in drawing.
    PrintFile,
    /// A photo's resized JPEGs, in `photos/`: from the photo's bytes and the encoder's
    /// settings alone. Not from ditich itself: a rebuilt ditich would encode every photo of a
    /// province again, and the encoder's settings say when its output changes.
    Photo,
}

/// The key of a kept thing: a hash of each part it is made from, in order. Each part is hashed
/// with its length, so no two different lists of parts give one key.
#[derive(Clone)]
pub struct Key(blake3::Hasher);

impl Key {
    /// The key of a `kind` of thing, which begins with ditich itself ([`tool`]) unless the
    /// kind says otherwise. Each kind is kept in a place of its own, so the kind itself need
    /// not be hashed.
    pub fn new(kind: Kept) -> Key {
        let mut key = Key(blake3::Hasher::new());
        if !matches!(kind, Kept::Photo) {
            key.part(tool());
        }
        key
    }

    pub fn part(&mut self, bytes: impl AsRef<[u8]>) -> &mut Key {
        let bytes = bytes.as_ref();
        self.0.update(&(bytes.len() as u64).to_le_bytes());
        self.0.update(bytes);
        self
    }

    /// Adds `value` as JSON, written straight into the hash. A JSON value ends where its text
    /// says, so it needs no length before it.
    pub fn json(&mut self, value: &impl serde::Serialize) -> serde_json::Result<&mut Key> {
        // serde_json writes in small pieces; a buffer feeds the hash whole blocks.
        let mut writer = std::io::BufWriter::with_capacity(16 * 1024, &mut self.0);
        serde_json::to_writer(&mut writer, value)?;
        writer
            .into_inner()
            .map_err(|e| serde_json::Error::io(e.into_error()))?;
        Ok(self)
    }

    pub fn hash(&self) -> blake3::Hash {
        self.0.finalize()
    }

    /// The key as a file name: 32 hexadecimal digits.
    pub fn name(&self) -> String {
        self.hash().to_hex()[..32].to_owned()
    }
}

/// Puts `bytes` at `path` whole: written aside, then renamed, so a build stopped midway never
/// leaves half a file under a name that later builds trust.
pub fn store(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let partial = path.with_extension(format!("{}.partial", std::process::id()));
    fs::write(&partial, bytes).and_then(|()| fs::rename(&partial, path))
}

/// The cached file `dir/name`, made by `make` only when it is not there yet.
pub fn get_or_make(
    dir: &Path,
    name: &str,
    make: impl FnOnce() -> Result<Vec<u8>, String>,
) -> Result<PathBuf, String> {
    let path = dir.join(name);
    if !path.is_file() {
        let bytes = make()?;
        fs::create_dir_all(dir)
            .and_then(|()| store(&path, &bytes))
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    Ok(path)
}
