//! Validated relics kept between builds, in `.ditich-cache/relics/`: decoding, checking and
//! rendering the story of a relic whose files did not change is most of a rebuild's work at a
//! province's scale.
//!
//! An entry is named by a hash of everything the relic was made from: the running ditich,
//! `site.toml`, the folder's name, its texts' bytes, its files' names and its photos' sizes.
//! Its story also depends on the relics it links to, so the entry lists each link with what
//! it found, and is used only while every link still finds the same.

use std::collections::{BTreeMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::Relic;
use crate::diagnostic::{Diagnostic, Location};
use crate::load::RelicFiles;
use crate::photos::Photo;

/// Changes whenever what an entry holds does.
const FORMAT: &str = "relic-v1";

/// A relic as the build that checked it left it.
#[derive(Serialize, Deserialize)]
pub struct Entry {
    /// Without its assets, which are read from the folder anew.
    pub relic: Relic,
    /// Where `index.md` writes the id, for the message about a duplicate.
    pub id_at: Location,
    /// What checking its files found: warnings only, as relics with errors are not kept.
    pub warnings: Vec<Diagnostic>,
    /// What rendering its stories found, likewise.
    pub story: Vec<Diagnostic>,
    pub links: Vec<Link>,
}

/// A link from a story to another relic's page: its folder name, and the languages of the
/// relic found there (`None` when there was none).
pub type Link = (String, Option<Vec<String>>);

/// The languages of each relic, by slug: what links between relics look up.
pub type Slugs = BTreeMap<String, Vec<String>>;

impl Entry {
    /// Whether every link of the stories finds what it found when they were rendered.
    pub fn links_hold(&self, slugs: &Slugs) -> bool {
        self.links
            .iter()
            .all(|(slug, langs)| found(slugs, slug) == *langs)
    }
}

/// What a link to `slug` finds.
pub fn found(slugs: &Slugs, slug: &str) -> Option<Vec<String>> {
    slugs.get(slug).cloned()
}

pub struct RelicCache {
    dir: PathBuf,
    /// A hash of what every entry depends on: ditich and `site.toml`.
    salt: blake3::Hash,
    /// Only builds store entries: `check` and `stats` leave the project as they found it.
    writes: bool,
}

impl RelicCache {
    /// The cache of the project at `root`, for a build, which stores what it checked.
    pub fn writing(root: &Path) -> RelicCache {
        RelicCache {
            writes: true,
            ..RelicCache::reading(root)
        }
    }

    /// The cache of the project at `root`, read but never written.
    pub fn reading(root: &Path) -> RelicCache {
        let config = fs::read(root.join(crate::config::FILE_NAME)).unwrap_or_default();
        let mut hasher = blake3::Hasher::new();
        for part in [FORMAT.as_bytes(), crate::cache::tool().as_bytes(), &config] {
            hasher.update(&(part.len() as u64).to_le_bytes());
            hasher.update(part);
        }
        RelicCache {
            dir: root.join(crate::cache::DIR).join("relics"),
            salt: hasher.finalize(),
            writes: false,
        }
    }

    /// The name of the entry for `files`, whose photos probed as `photos`.
    pub fn key(&self, files: &RelicFiles, photos: &BTreeMap<String, Photo>) -> String {
        let mut parts: Vec<&[u8]> = vec![self.salt.as_bytes(), files.folder_name.as_bytes()];
        for text in std::iter::once(&files.main).chain(&files.translations) {
            parts.extend([text.lang.as_bytes(), &text.bytes]);
        }
        for asset in &files.assets {
            parts.push(asset.name.as_bytes());
        }
        let photos = serde_json::to_vec(photos).unwrap_or_default();
        parts.push(&photos);
        crate::cache::key(&parts)
    }

    /// The entry `key`, if a build stored it; an unreadable one counts as missing.
    pub fn get(&self, key: &str) -> Option<Entry> {
        let bytes = fs::read(self.dir.join(key)).ok()?;
        postcard::from_bytes(&bytes).ok()
    }

    /// Stores an entry. The cache only saves time, so failing to write it is not an error.
    pub fn put(&self, key: &str, entry: &Entry) {
        if !self.writes {
            return;
        }
        if let Ok(bytes) = postcard::to_stdvec(entry) {
            let _ = fs::create_dir_all(&self.dir)
                .and_then(|()| crate::cache::store(&self.dir.join(key), &bytes));
        }
    }

    /// Removes the entries not in `used`: those of relics edited or deleted since.
    pub fn sweep(&self, used: &HashSet<&str>) {
        let Some(entries) = fs::read_dir(&self.dir).ok().filter(|_| self.writes) else {
            return;
        };
        for entry in entries.flatten() {
            let name = entry.file_name();
            if !used.contains(&*name.to_string_lossy()) {
                let _ = fs::remove_file(entry.path());
            }
        }
    }
}
