//! `ditich check --fix`: rewrites the relics' texts in the one form every later stage reads,
//! for the mistakes a tool can undo: a file saved in Windows-1258 becomes UTF-8, letters
//! stored decomposed (as macOS saves them) become NFC, and text typed in the TCVN3 or VNI
//! fonts becomes Unicode.

use std::path::{Path, PathBuf};

use anyhow::Context as _;
use unicode_normalization::UnicodeNormalization as _;

use crate::diagnostic::{display_path, relative_to};
use crate::legacy;
use crate::load::SITES_DIR;

/// A file that was rewritten, and why.
#[derive(Debug)]
pub struct Fixed {
    /// Relative to the project folder, with `/`.
    pub file: String,
    pub changes: Vec<String>,
}

/// Fixes every relic text under `sites/`. Files that need nothing are not touched, so their
/// modification times stay as they were.
pub fn project(root: &Path) -> anyhow::Result<Vec<Fixed>> {
    let mut fixed = Vec::new();
    for path in texts(root) {
        let bytes = std::fs::read(&path)
            .with_context(|| crate::text!("cannot-read", file = path.display().to_string()))?;
        let Some((text, changes)) = fix(&bytes) else {
            continue;
        };
        replace(&path, text.as_bytes())?;
        fixed.push(Fixed {
            file: display_path(&relative_to(root, &path)),
            changes,
        });
    }
    Ok(fixed)
}

/// The relics' Markdown files, in name order.
fn texts(root: &Path) -> Vec<PathBuf> {
    walkdir::WalkDir::new(root.join(SITES_DIR))
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'))
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "md"))
        .map(walkdir::DirEntry::into_path)
        .collect()
}

/// The fixed text of a file and what changed, or `None` when nothing needs fixing or the
/// file is not text ditich can read.
fn fix(bytes: &[u8]) -> Option<(String, Vec<String>)> {
    let mut changes = Vec::new();
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text.to_owned(),
        Err(_) => {
            changes.push(crate::text!("fixed-windows-1258").to_string());
            legacy::decode_windows_1258(bytes)?
        }
    };
    let text = if unicode_normalization::is_nfc(&text) {
        text
    } else {
        changes.push(crate::text!("fixed-nfc").to_string());
        text.nfc().collect()
    };
    let runs = legacy::find_mojibake(&text);
    let text = if runs.is_empty() {
        text
    } else {
        for encoding in [legacy::Encoding::Tcvn3, legacy::Encoding::Vni] {
            let lines = runs.iter().filter(|r| r.encoding == encoding).count();
            if lines > 0 {
                let encoding = encoding.to_string();
                let fixed = crate::text!("fixed-legacy-font", lines = lines, encoding = encoding);
                changes.push(fixed.to_string());
            }
        }
        legacy::fix_mojibake(&text)
    };
    (!changes.is_empty()).then_some((text, changes))
}

/// Replaces a file by renaming a finished copy over it, so an interrupted fix never leaves
/// half a file.
fn replace(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let temporary = path.with_file_name(format!(".{name}.ditich-fix"));
    crate::write::durably(&temporary, bytes, path)
        .with_context(|| crate::text!("cannot-rewrite", file = path.display().to_string()))
}
