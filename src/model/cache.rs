//! Validated relics kept between builds, in `.ditich-cache/relics/`: decoding, checking and
//! rendering the story of a relic whose files did not change is most of a rebuild's work at a
//! province's scale.
//!
//! An entry is keyed by a hash of everything the relic was made from: the running ditich,
//! `site.toml`, the folder's name, its texts' bytes, its files' names and its photos' sizes.
//! Its story also depends on the relics it links to, so the entry lists each link with what
//! it found, and is used only while every link still finds the same.
//!
//! Entries are kept in [`SHARDS`] files by the first two hex digits of their key: a
//! province's cache is read with a few hundred file operations rather than tens of
//! thousands, and an edit rewrites one small file.

use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use super::Relic;
use crate::diagnostic::{Diagnostic, Location};
use crate::load::RelicFiles;
use crate::photos::Photo;

/// Changes whenever what an entry holds does.
const FORMAT: &str = "relic-v1";

/// How many files the entries are spread over.
pub const SHARDS: usize = 256;

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
    /// Each shard's entries not yet taken, read when a key first asks for the shard.
    shards: Vec<Mutex<Option<HashMap<String, Entry>>>>,
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
            shards: (0..SHARDS).map(|_| Mutex::default()).collect(),
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

    /// Takes the entry `key`, if a build stored it; an unreadable shard counts as empty.
    pub fn take(&self, key: &str) -> Option<Entry> {
        let index = shard_of(key);
        let mut shard = crate::lock(&self.shards[index]);
        shard.get_or_insert_with(|| self.read(index)).remove(key)
    }

    fn read(&self, index: usize) -> HashMap<String, Entry> {
        fs::read(self.shard_path(index))
            .ok()
            .and_then(|bytes| postcard::from_bytes::<Vec<(String, Entry)>>(&bytes).ok())
            .unwrap_or_default()
            .into_iter()
            .collect()
    }

    /// Writes every shard whose entries changed, with the entries `kept`, each marked `true`
    /// when it is new. The cache only saves time, so failing to write it is not an error.
    pub fn save<'e>(&self, kept: impl IntoIterator<Item = (&'e str, &'e Entry, bool)>) {
        if !self.writes {
            return;
        }
        let mut shards: Vec<(bool, Vec<(&str, &Entry)>)> =
            (0..SHARDS).map(|_| (false, Vec::new())).collect();
        for (key, entry, new) in kept {
            let shard = &mut shards[shard_of(key)];
            shard.0 |= new;
            shard.1.push((key, entry));
        }
        // What a shard held and no relic took belongs to relics edited or deleted since.
        for (shard, left) in shards.iter_mut().zip(&self.shards) {
            shard.0 |= crate::lock(left).as_ref().is_some_and(|l| !l.is_empty());
        }
        if fs::create_dir_all(&self.dir).is_err() {
            return;
        }
        shards
            .par_iter_mut()
            .enumerate()
            .filter(|(_, (changed, _))| *changed)
            .for_each(|(index, (_, entries))| {
                let path = self.shard_path(index);
                if entries.is_empty() {
                    let _ = fs::remove_file(path);
                    return;
                }
                // Sorted, so that the same entries give the same file.
                entries.sort_unstable_by_key(|(key, _)| *key);
                if let Ok(bytes) = postcard::to_stdvec(entries) {
                    let _ = crate::cache::store(&path, &bytes);
                }
            });
    }

    fn shard_path(&self, index: usize) -> PathBuf {
        self.dir.join(format!("{index:02x}"))
    }
}

/// The shard of the entry `key`: its first two hex digits.
fn shard_of(key: &str) -> usize {
    key.get(..2)
        .and_then(|prefix| usize::from_str_radix(prefix, 16).ok())
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Category, Rank, Text};

    fn entry(id: &str) -> Entry {
        let relic = Relic {
            id: id.to_owned(),
            slug: id.to_lowercase(),
            rank: Rank::ALL[0],
            category: Category::ALL[0],
            types: Vec::new(),
            hamlet: None,
            location: None,
            recognition: None,
            cover: None,
            audio: None,
            wifi: None,
            updated: None,
            photos: BTreeMap::new(),
            gallery: Vec::new(),
            texts: vec![Text {
                lang: "vi".to_owned(),
                file: PathBuf::from("sites/a/index.md"),
                name: format!("Đền {id}"),
                summary: String::new(),
                body_html: "<p>Đền.</p>".to_owned(),
                machine_translated: false,
                cover_alt: None,
                transcript: None,
                opening_hours: None,
                etiquette: None,
            }],
            assets: Vec::new(),
            extra: "nam = 1890".parse().unwrap(),
        };
        Entry {
            relic,
            id_at: Location::of_line("id = \"A\"", 1),
            warnings: vec![Diagnostic::warning("a warning")],
            story: Vec::new(),
            links: vec![("b".to_owned(), Some(vec!["vi".to_owned()]))],
        }
    }

    fn shard_files(root: &Path) -> usize {
        fs::read_dir(root.join(crate::cache::DIR).join("relics")).map_or(0, |d| d.count())
    }

    #[test]
    fn entries_come_back_as_stored_and_unused_ones_go() {
        let root = tempfile::tempdir().unwrap();
        let root = root.path();
        // Keys in two shards, two in the first.
        let keys = ["00aa", "00bb", "ff00"];
        let entries: Vec<Entry> = keys.iter().map(|k| entry(&k.to_uppercase())).collect();
        let cache = RelicCache::writing(root);
        cache.save(
            keys.iter()
                .copied()
                .zip(&entries)
                .map(|(k, e)| (k, e, true)),
        );
        assert_eq!(shard_files(root), 2);

        // Only the first relic is still there: its shard keeps it alone, the other goes.
        let cache = RelicCache::writing(root);
        let taken = cache.take("00aa").expect("stored");
        assert_eq!(taken.relic.id, "00AA");
        assert_eq!(taken.relic.texts[0].body_html, "<p>Đền.</p>");
        assert_eq!(taken.relic.extra["nam"].as_integer(), Some(1890));
        assert_eq!(taken.warnings, entries[0].warnings);
        assert_eq!(taken.links, entries[0].links);
        assert!(cache.take("00cc").is_none());
        cache.save([("00aa", &taken, false)]);
        assert_eq!(shard_files(root), 2, "the shard of ff00 was not read");
        let cache = RelicCache::writing(root);
        assert!(cache.take("00aa").is_some());
        assert!(
            cache.take("00bb").is_none(),
            "dropped when its shard was written"
        );
    }

    #[test]
    fn a_cache_for_reading_never_writes() {
        let root = tempfile::tempdir().unwrap();
        let cache = RelicCache::reading(root.path());
        cache.save([("00aa", &entry("A"), true)]);
        assert!(!root.path().join(crate::cache::DIR).exists());
    }

    #[test]
    fn entries_are_keyed_by_ditich_and_site_toml() {
        let root = tempfile::tempdir().unwrap();
        let root = root.path();
        let salt = |toml: &str| {
            fs::write(root.join(crate::config::FILE_NAME), toml).unwrap();
            RelicCache::reading(root).salt
        };
        assert_eq!(salt("title = 1"), salt("title = 1"));
        assert_ne!(salt("title = 1"), salt("title = 2"));
    }
}
