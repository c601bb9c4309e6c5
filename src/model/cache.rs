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
//!
//! Reading every text to hash it would cost a rebuild more than the rest of it, so the cache
//! also remembers each text's hash with its [`Stamp`] (`texts`), the way git's index does: a
//! text whose length, times and inode are unchanged is not read. A text modified within
//! [`RACY`] of when the build that remembered it listed it is read anyway, since its time may
//! not show a later edit (FAT file systems keep times to 2 seconds).

use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, SystemTime};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use super::Relic;
use crate::cache::{Kept, Key};
use crate::diagnostic::{Diagnostic, Location};
use crate::load::{RelicFiles, Stamp, TextFile};
use crate::photos::Photo;

/// Changes whenever what an entry holds does.
const FORMAT: &str = "relic-v2";

/// How many files the entries are spread over.
pub const SHARDS: usize = 256;

/// A text modified less than this before it was listed is read again by the next build.
const RACY: Duration = Duration::from_secs(2);

/// The texts' hashes a build remembered, with their stamps, and when it listed the texts.
#[derive(Default, Serialize, Deserialize)]
struct Remembered {
    /// In nanoseconds since 1970.
    listed_at: u128,
    texts: Vec<(PathBuf, Stamp, [u8; 32])>,
}

/// A relic as the build that checked it left it.
#[derive(Serialize, Deserialize)]
pub struct Entry {
    /// Without its assets, which are read from the folder anew.
    pub relic: Relic,
    /// Where `index.md` writes the id, for the message about a duplicate.
    pub id_at: Location,
    /// What checking its files found; only relics without errors are kept, so warnings.
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
    /// What every entry's key begins with: ditich and the entries' format.
    salt: Key,
    /// Only builds store entries: `check` and `stats` leave the project as they found it.
    writes: bool,
    /// Each shard's entries not yet taken, read when a key first asks for the shard.
    shards: Vec<Mutex<Option<HashMap<String, Entry>>>>,
    /// The texts' hashes the last build remembered, by file, with their stamps.
    seen: HashMap<PathBuf, (Stamp, [u8; 32])>,
    /// When the last build listed them.
    seen_at: u128,
    /// When this build began, before it listed the texts.
    started: u128,
    /// The texts' hashes this build knows, to remember for the next.
    known: Mutex<Vec<(PathBuf, Stamp, [u8; 32])>>,
    /// Whether a text was read because its hash was not known.
    read_some: AtomicBool,
}

impl RelicCache {
    /// The cache of the project at `root`, for a build, which stores what it checked.
    pub fn writing(root: &Path) -> RelicCache {
        RelicCache {
            writes: true,
            ..RelicCache::reading(root)
        }
    }

    /// The cache of the project at `root`, read but never written. Made before the project
    /// is listed.
    pub fn reading(root: &Path) -> RelicCache {
        let started = SystemTime::now()
            .duration_since(SystemTime::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        let dir = root.join(crate::cache::DIR).join("relics");
        // A first build has no cache: one look, not one failed open for each shard.
        let none = !dir.is_dir();
        let remembered: Remembered = fs::read(dir.join(TEXTS))
            .ok()
            .and_then(|bytes| postcard::from_bytes(&bytes).ok())
            .unwrap_or_default();
        RelicCache {
            dir,
            salt: {
                let mut key = Key::new(Kept::Relic);
                key.part(FORMAT);
                // Warnings are kept in the words of the language they were found in.
                key.part(crate::i18n::language().code());
                key
            },
            writes: false,
            shards: (0..SHARDS)
                .map(|_| Mutex::new(none.then(HashMap::new)))
                .collect(),
            seen: remembered
                .texts
                .into_iter()
                .map(|(file, stamp, digest)| (file, (stamp, digest)))
                .collect(),
            seen_at: remembered.listed_at,
            started,
            known: Mutex::default(),
            read_some: AtomicBool::new(false),
        }
    }

    /// The key of the entry for `files`, whose photos probed as `photos`, under the settings
    /// whose hash is `settings`; `None` when a text cannot be read.
    pub fn key(
        &self,
        files: &RelicFiles,
        photos: &BTreeMap<String, Photo>,
        settings: &blake3::Hash,
    ) -> Option<String> {
        let digests = std::iter::once(&files.main)
            .chain(&files.translations)
            .map(|text| self.digest(text))
            .collect::<Option<Vec<_>>>()?;
        Some(self.key_of(files, &digests, photos, settings))
    }

    /// The key of the entry for `files`, whose texts hash to `digests`, in order.
    pub fn key_of(
        &self,
        files: &RelicFiles,
        digests: &[blake3::Hash],
        photos: &BTreeMap<String, Photo>,
        settings: &blake3::Hash,
    ) -> String {
        let mut key = self.salt.clone();
        key.part(settings.as_bytes()).part(&files.folder_name);
        let texts = std::iter::once(&files.main).chain(&files.translations);
        for (text, digest) in texts.zip(digests) {
            key.part(&text.lang).part(digest.as_bytes());
        }
        for asset in &files.assets {
            key.part(&asset.name);
        }
        key.json(photos).expect("photos serialize as JSON");
        key.name()
    }

    /// The hash of a text: remembered, when its stamp is the one it had and its time was
    /// not too close to when it was listed; else read.
    fn digest(&self, text: &TextFile) -> Option<blake3::Hash> {
        let settled = |stamp: &Stamp| stamp.modified + RACY.as_nanos() < self.seen_at;
        let remembered = text.stamp.and_then(|stamp| {
            let (seen, digest) = self.seen.get(&text.file)?;
            (*seen == stamp && settled(seen)).then_some(*digest)
        });
        let digest = match remembered {
            Some(digest) => blake3::Hash::from_bytes(digest),
            None => {
                let bytes = text.read().ok()?;
                self.read_some.store(true, Ordering::Relaxed);
                let digest = text.digest().ok()?;
                if text.stamp.is_none_or(|s| s.len != bytes.len() as u64) {
                    // Changed since it was listed: hashed, but not remembered.
                    return Some(digest);
                }
                digest
            }
        };
        if let Some(stamp) = text.stamp {
            let known = (text.file.clone(), stamp, *digest.as_bytes());
            crate::lock(&self.known).push(known);
        }
        Some(digest)
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
        let texts = std::mem::take(&mut *crate::lock(&self.known));
        if self.read_some.load(Ordering::Relaxed) || texts.len() != self.seen.len() {
            let remembered = Remembered {
                listed_at: self.started,
                texts,
            };
            if let Ok(bytes) = postcard::to_stdvec(&remembered) {
                let _ = crate::cache::store(&self.dir.join(TEXTS), &bytes);
            }
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

/// The file of the remembered texts' hashes, beside the shards.
const TEXTS: &str = "texts";

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
                body: crate::model::Body::new("<p>Đền.</p>".to_owned()),
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
        assert_eq!(taken.relic.texts[0].body.html(), Ok("<p>Đền.</p>"));
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

    fn text(root: &Path, contents: &str, modified: SystemTime) -> TextFile {
        let path = root.join("index.md");
        let file = fs::File::create(&path).unwrap();
        std::io::Write::write_all(&mut &file, contents.as_bytes()).unwrap();
        file.set_modified(modified).unwrap();
        let stamp = Stamp::of(&fs::metadata(&path).unwrap());
        TextFile::new(
            PathBuf::from("sites/a/index.md"),
            path,
            "vi".to_owned(),
            stamp,
        )
    }

    /// The hash of `text` by a new cache, and whether that cache read the file.
    fn digest(root: &Path, text: &TextFile) -> (blake3::Hash, bool) {
        let cache = RelicCache::writing(root);
        let digest = cache.digest(text).unwrap();
        let read = cache.read_some.load(Ordering::Relaxed);
        cache.save([]);
        (digest, read)
    }

    #[test]
    fn a_settled_text_is_hashed_once_and_a_changed_one_again() {
        let root = tempfile::tempdir().unwrap();
        let root = root.path();
        let an_hour_ago = SystemTime::now() - Duration::from_secs(3600);
        let first = text(root, "+++\nid = \"A\"\n+++\n", an_hour_ago);
        assert_eq!(
            digest(root, &first),
            (blake3::hash(b"+++\nid = \"A\"\n+++\n"), true)
        );
        assert!(!digest(root, &first).1, "remembered");

        let edited = text(root, "+++\nid = \"AB\"\n+++\n", an_hour_ago);
        assert_eq!(
            digest(root, &edited),
            (blake3::hash(b"+++\nid = \"AB\"\n+++\n"), true)
        );
    }

    #[test]
    fn a_text_modified_just_before_its_hash_was_remembered_is_read_again() {
        let root = tempfile::tempdir().unwrap();
        let root = root.path();
        let just_now = text(root, "Đền", SystemTime::now());
        assert!(digest(root, &just_now).1);
        assert!(digest(root, &just_now).1, "its time may hide a later edit");
    }

    #[cfg(unix)]
    #[test]
    fn a_text_restored_with_its_old_time_is_read_again() {
        let root = tempfile::tempdir().unwrap();
        let root = root.path();
        let an_hour_ago = SystemTime::now() - Duration::from_secs(3600);
        digest(root, &text(root, "Đền A", an_hour_ago));
        // Change times may be kept to the kernel's tick.
        std::thread::sleep(Duration::from_millis(50));
        // Same length and time, as `cp -p` would leave it; only the change time differs.
        let restored = text(root, "Đền B", an_hour_ago);
        assert_eq!(
            digest(root, &restored),
            (blake3::hash("Đền B".as_bytes()), true)
        );
    }
}
