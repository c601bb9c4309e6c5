//! The build cache, `.ditich-cache/` in the project folder: files that take time to make
//! (photo variants, print files), each named by a hash of everything that went into it. A name
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

/// A file name from the inputs that make a file. Each part is hashed with its length, so no
/// two different lists of parts give one key.
pub fn key(parts: &[&[u8]]) -> String {
    let mut hasher = blake3::Hasher::new();
    for part in parts {
        hasher.update(&(part.len() as u64).to_le_bytes());
        hasher.update(part);
    }
    hasher.finalize().to_hex()[..32].to_owned()
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
