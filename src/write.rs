//! Write: put the rendered files on disk so that the published folder is never half-built.
//!
//! Files go to a staging folder beside the output folder; only when all are written is the old
//! output moved aside and the staging folder renamed into its place. A build that fails or is
//! killed leaves the previous output as it was.
//!
//! The old output is not deleted: it waits beside the new one (`.output.previous`) and
//! becomes the next build's staging folder, brought up to date in place. A rebuild then
//! writes only the files that changed and creates and deletes almost nothing, which on a
//! province's 30,000 files is most of the cost of a build; unchanged files also keep their
//! modification times, so `rsync` to the web server sends only what changed.
//!
//! Each folder lists its files with their keys ([`FILES`]), so a file whose key did not change
//! is kept from the staging folder, or linked from the published output, without being read;
//! a page whose key did not change is not even rendered.

use std::collections::{HashMap, HashSet};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use anyhow::{Context as _, bail};

use crate::lock;
use crate::output::{Content, FileKey, ListedFile, OutputFile, Sink};
use crate::progress::Progress;

/// A file in every output folder ditich writes. Its presence is what lets a build replace the
/// folder; a folder without it is never deleted.
pub const MARKER: &str = ".ditich-output";

/// The list of a folder's files made from bytes, each with its key, the hash of its bytes
/// and its length. The key of a page or listing is what it was made from ([`FileKey`]); that
/// of any other file, the hash of its bytes. One line `<key> <hash> <length> <path>` per file,
/// sorted by path.
pub const FILES: &str = ".ditich-files";

/// A folder's files, by path.
type Listed = HashMap<String, ListedFile>;

const MARKER_TEXT: &str = "This folder is written by `ditich build` and replaced whole by every build.\nEdit the sources, not these files.\n";

/// A build's files on their way to the output folder. [`Staging::open`] prepares the staging
/// folder, [`Staging::put`] places each file as soon as it is rendered, so that a province's
/// pages are never all in memory at once, and [`Staging::publish`] swaps the folder in.
pub struct Staging {
    out: PathBuf,
    dir: PathBuf,
    previous: PathBuf,
    /// The published output, whose unchanged files are linked rather than written again.
    unchanged_from: Option<PathBuf>,
    /// Folders (relative) known to exist in the staging folder.
    folders: Mutex<HashSet<PathBuf>>,
    /// Every file put so far, relative, with `/`.
    written: Mutex<Vec<String>>,
    /// The files the staging folder holds as they were published two builds ago.
    spare_files: Listed,
    /// The files of the published output.
    published_files: Listed,
    /// This build's files made from bytes.
    listed: Mutex<Vec<(String, ListedFile)>>,
    /// Whether the output's disk ignores case in names, as Windows disks do.
    case_blind: bool,
    /// Whether the staging folder was made empty for this build, as for a cold build: then
    /// nothing in it needs to be looked for before it is written, or pruned after.
    fresh: bool,
}

impl Staging {
    /// Makes the staging folder ready: it starts from a build's leftovers or from the output
    /// before last, whichever is there and was written by ditich; anything else is cleared.
    pub fn open(out: &Path) -> anyhow::Result<Staging> {
        let (staging, previous) = siblings(out)?;
        if let Some(parent) = out.parent() {
            fs::create_dir_all(parent).with_context(|| {
                crate::text!("cannot-create", file = parent.display().to_string())
            })?;
        }
        if !out.exists() && previous.is_dir() && staging.is_dir() {
            // A build was stopped between moving the old site aside and moving the new one in.
            fs::rename(&previous, out).with_context(|| {
                crate::text!("cannot-restore", file = out.display().to_string())
            })?;
        }
        check_replaceable(out)?;
        for folder in [&staging, &previous] {
            if !folder.join(MARKER).is_file() {
                remove_if_present(folder)?;
            }
        }
        if !staging.exists() && previous.exists() {
            fs::rename(&previous, &staging).with_context(|| {
                crate::text!("cannot-reuse", file = previous.display().to_string())
            })?;
        }
        remove_if_present(&previous)?;
        // The list goes before any file changes: a build stopped midway leaves no list that
        // the files no longer match.
        let spare_files = read_list(&staging);
        match fs::remove_file(staging.join(FILES)) {
            Err(err) if err.kind() != io::ErrorKind::NotFound => {
                return Err(err).with_context(|| {
                    crate::text!("cannot-write-in", file = staging.display().to_string())
                });
            }
            _ => {}
        }
        let fresh = !staging.exists();
        fs::create_dir_all(&staging)
            .and_then(|()| fs::write(staging.join(MARKER), MARKER_TEXT))
            .with_context(|| {
                crate::text!("cannot-write-in", file = staging.display().to_string())
            })?;
        let published = out.join(MARKER).is_file();
        let case_blind = ignores_case(&staging);
        Ok(Staging {
            unchanged_from: published.then(|| out.to_path_buf()),
            published_files: if published {
                read_list(out)
            } else {
                Listed::new()
            },
            spare_files,
            out: out.to_path_buf(),
            dir: staging,
            previous,
            folders: Mutex::default(),
            written: Mutex::default(),
            listed: Mutex::default(),
            case_blind,
            fresh,
        })
    }

    /// Places one file, unless the staging folder holds it already. A file is never rewritten
    /// in place, only replaced, because it may be linked from the published output.
    pub fn put(&self, file: &OutputFile) -> anyhow::Result<Option<ListedFile>> {
        self.make_parent(&file.path)?;
        let target = self.dir.join(&file.path);
        let listing = file.listing();
        // A rendered file was looked for before it was made.
        let reused = match (&listing, &file.content) {
            (Some(listing), Content::Bytes(_)) => self.reuse(&file.path, &listing.key)?,
            _ => None,
        };
        // A twin is linked to the file it was made beside, the way a cached file is.
        let twin;
        let file = match &file.content {
            Content::Twin { of, .. } => {
                twin = OutputFile {
                    path: file.path.clone(),
                    content: Content::Cached(self.dir.join(of)),
                };
                &twin
            }
            _ => file,
        };
        if reused.is_none() {
            let there = Present::at(&target, self.fresh);
            place(&target, file, there, self.unchanged_from.as_deref()).with_context(|| {
                crate::text!("cannot-write", file = target.display().to_string())
            })?;
        }
        lock(&self.written).push(file.path.clone());
        if let Some(listing) = listing {
            lock(&self.listed).push((file.path.clone(), listing));
        }
        Ok(listing)
    }

    /// Keeps the file at `path` made from `key` when the staging folder or the published
    /// output has it.
    pub fn keep(&self, path: &str, key: &FileKey) -> anyhow::Result<Option<ListedFile>> {
        self.make_parent(path)?;
        let kept = self.reuse(path, key)?;
        if let Some(listing) = kept {
            lock(&self.written).push(path.to_owned());
            lock(&self.listed).push((path.to_owned(), listing));
        }
        Ok(kept)
    }

    /// Leaves at `path` the file with `key` that the staging folder or the published output
    /// lists, unread; `None` when neither has it. The file's folder is made already.
    fn reuse(&self, path: &str, key: &FileKey) -> anyhow::Result<Option<ListedFile>> {
        let listed = |list: &Listed| list.get(path).filter(|l| l.key == *key).copied();
        let target = self.dir.join(path);
        if let Some(listing) = listed(&self.spare_files)
            && is_file_of(&target, listing.len)
        {
            return Ok(Some(listing));
        }
        let published = self.out.join(path);
        let Some(listing) = listed(&self.published_files).filter(|l| is_file_of(&published, l.len))
        else {
            return Ok(None);
        };
        let link = OutputFile {
            path: path.to_owned(),
            content: Content::Cached(published),
        };
        place(&target, &link, Present::at(&target, self.fresh), None)
            .with_context(|| crate::text!("cannot-write", file = target.display().to_string()))?;
        Ok(Some(listing))
    }

    /// Removes what the build did not put, then moves the new site in and the old one aside.
    /// Returns the paths of the site's files, sorted.
    pub fn publish(self, progress: &dyn Progress) -> anyhow::Result<Vec<String>> {
        progress.stage("publishing", 1);
        let mut written = self.written.into_inner().unwrap_or_else(|e| e.into_inner());
        written.sort_unstable();
        // Two files at one path would leave whichever was placed last: a build that depends
        // on thread timing. Every input that could cause it is refused earlier, with a message.
        if let Some(twice) = written.windows(2).find(|pair| pair[0] == pair[1]) {
            bail!(
                "internal error: two files of this build have the path {}; please report it",
                twice[0]
            );
        }
        // A disk that ignores case may also list names in another case than they were
        // written in (ntfs-3g lists them in lowercase): there names are compared folded.
        let case_blind = self.case_blind;
        // Joined by `/` whatever the system's separator, as the build's paths are.
        let fold = move |path: &Path| {
            let parts: Vec<_> = path
                .components()
                .map(|part| part.as_os_str().to_string_lossy())
                .collect();
            let path = parts.join("/");
            if case_blind {
                path.to_lowercase()
            } else {
                path
            }
        };
        let wanted: HashSet<String> = written
            .iter()
            .map(Path::new)
            .chain([Path::new(MARKER)])
            .map(fold)
            .collect();
        // Each folder with its name as this build writes it.
        let folders: HashMap<String, &Path> = written
            .iter()
            .flat_map(|path| Path::new(path).ancestors().skip(1))
            .filter(|p| !p.as_os_str().is_empty())
            .map(|p| (fold(p), p))
            .collect();
        // A folder made empty for this build holds only what it put there.
        if !self.fresh {
            prune(&self.dir, Path::new(""), &wanted, &folders, &fold).with_context(|| {
                crate::text!("cannot-clear", file = self.dir.display().to_string())
            })?;
        }
        let mut listed = self.listed.into_inner().unwrap_or_else(|e| e.into_inner());
        write_list(&self.dir.join(FILES), &mut listed).with_context(|| {
            crate::text!("cannot-write-in", file = self.dir.display().to_string())
        })?;
        let out = &self.out;
        if out.exists() {
            fs::rename(out, &self.previous).with_context(|| {
                crate::text!("cannot-move-aside", file = out.display().to_string())
            })?;
        }
        crate::hooks::pause("swapping");
        if let Err(err) = fs::rename(&self.dir, out) {
            // Put the old site back rather than leave no site at all.
            let _ = fs::rename(&self.previous, out);
            return Err(err)
                .with_context(|| crate::text!("cannot-move-in", file = out.display().to_string()));
        }
        progress.step();
        Ok(written)
    }

    /// Gives up a failed build and leaves the published output as it was. The staging folder
    /// becomes the spare again, for the next build to bring up to date; before the first
    /// publication there is nothing worth keeping.
    pub fn abandon(self) {
        if !self.out.exists() {
            let _ = fs::remove_dir_all(&self.dir);
        } else if !self.previous.exists() {
            let _ = fs::rename(&self.dir, &self.previous);
        }
    }

    /// Creates the folder of the file at `path` (relative) in the staging folder.
    fn make_parent(&self, path: &str) -> anyhow::Result<()> {
        match Path::new(path).parent() {
            Some(folder) => self.make_folder(folder).with_context(|| {
                let folder = self.dir.join(folder).display().to_string();
                crate::text!("cannot-create", file = folder)
            }),
            None => Ok(()),
        }
    }

    /// Creates `folder` (relative) in the staging folder, replacing a file or link that an
    /// older build left where the folder now goes.
    fn make_folder(&self, folder: &Path) -> io::Result<()> {
        if folder.as_os_str().is_empty() || lock(&self.folders).contains(folder) {
            return Ok(());
        }
        if let Some(parent) = folder.parent() {
            self.make_folder(parent)?;
        }
        let dir = self.dir.join(folder);
        if self.fresh {
            create_dir(&dir)?;
            lock(&self.folders).insert(folder.to_path_buf());
            return Ok(());
        }
        match fs::symlink_metadata(&dir) {
            Ok(meta) if meta.is_dir() => {}
            Ok(_) => {
                // Another worker may have removed it and made the folder already.
                match fs::remove_file(&dir) {
                    Err(err) if err.kind() != io::ErrorKind::NotFound && !is_folder(&dir) => {
                        return Err(err);
                    }
                    _ => create_dir(&dir)?,
                }
            }
            Err(err) if err.kind() == io::ErrorKind::NotFound => create_dir(&dir)?,
            Err(err) => return Err(err),
        }
        lock(&self.folders).insert(folder.to_path_buf());
        Ok(())
    }
}

impl Sink for Staging {
    fn put(&self, file: OutputFile) -> anyhow::Result<Option<ListedFile>> {
        Staging::put(self, &file)
    }

    fn keep(&self, path: &str, key: &FileKey) -> anyhow::Result<Option<ListedFile>> {
        Staging::keep(self, path, key)
    }

    fn case_blind(&self) -> bool {
        self.case_blind
    }
}

/// Whether the disk of `folder` takes names in another case for the same file: the marker,
/// just written there, is looked for in capitals.
fn ignores_case(folder: &Path) -> bool {
    let marker = folder.join(MARKER);
    same_file::is_same_file(&marker, folder.join(MARKER.to_ascii_uppercase())).unwrap_or(false)
}

/// The files listed in `folder`; none when the list is missing or damaged, which costs only
/// reading or rendering them again.
fn read_list(folder: &Path) -> Listed {
    let Ok(list) = fs::read_to_string(folder.join(FILES)) else {
        return Listed::new();
    };
    let parse = |line: &str| {
        let mut fields = line.splitn(4, ' ');
        let key = FileKey::from_hex(fields.next()?).ok()?;
        let digest = blake3::Hash::from_hex(fields.next()?).ok()?;
        let len = fields.next()?.parse().ok()?;
        Some((fields.next()?.to_owned(), ListedFile { key, digest, len }))
    };
    list.lines()
        .map(parse)
        .collect::<Option<Listed>>()
        .unwrap_or_default()
}

fn write_list(file: &Path, files: &mut [(String, ListedFile)]) -> io::Result<()> {
    files.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    let mut list = String::with_capacity(files.len() * 160);
    for (path, ListedFile { key, digest, len }) in files.iter() {
        use std::fmt::Write as _;
        let _ = writeln!(list, "{key} {digest} {len} {path}");
    }
    fs::write(file, list)
}

/// Whether `path` is a file (not a link) `len` bytes long.
fn is_file_of(path: &Path, len: u64) -> bool {
    fs::symlink_metadata(path).is_ok_and(|m| m.is_file() && m.len() == len)
}

fn is_folder(path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok_and(|m| m.is_dir())
}

/// Another worker may create the same folder at the same moment.
fn create_dir(dir: &Path) -> io::Result<()> {
    match fs::create_dir(dir) {
        Err(err) if err.kind() != io::ErrorKind::AlreadyExists => Err(err),
        _ => Ok(()),
    }
}

/// The staging folder and the place the old output waits while the new one moves in:
/// `.output.staging` and `.output.previous`, beside `output`.
fn siblings(out: &Path) -> anyhow::Result<(PathBuf, PathBuf)> {
    let Some(name) = out.file_name().map(|n| n.to_string_lossy().into_owned()) else {
        bail!(
            "{}",
            crate::text!("output-not-a-folder", folder = out.display().to_string())
        );
    };
    Ok((
        out.with_file_name(format!(".{name}.staging")),
        out.with_file_name(format!(".{name}.previous")),
    ))
}

/// Refuses to replace a folder that ditich did not write, so that `--out` pointed at the
/// wrong place never deletes someone's files.
fn check_replaceable(out: &Path) -> anyhow::Result<()> {
    if !out.exists() || out.join(MARKER).is_file() {
        return Ok(());
    }
    let empty = fs::read_dir(out)
        .map(|mut d| d.next().is_none())
        .unwrap_or(false);
    if out.is_dir() && empty {
        return Ok(());
    }
    bail!(
        "{}",
        crate::text!("output-not-ours", folder = out.display().to_string())
    )
}

/// Removes from `dir` (at `relative` in the staging folder) whatever the new site does not
/// have, and what has the wrong kind: a folder where a file goes, a link anywhere.
fn prune(
    dir: &Path,
    relative: &Path,
    wanted: &HashSet<String>,
    folders: &HashMap<String, &Path>,
    fold: &dyn Fn(&Path) -> String,
) -> io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let path = entry.path();
        let inside = relative.join(entry.file_name());
        let key = fold(&inside);
        let kind = entry.file_type()?;
        if let Some(folder) = folders.get(&key).filter(|_| kind.is_dir()) {
            prune(&recase(&path, folder)?, folder, wanted, folders, fold)?;
        } else if kind.is_dir() {
            fs::remove_dir_all(&path)?;
        } else if !kind.is_file() || !wanted.contains(&key) {
            fs::remove_file(&path)?;
        }
    }
    Ok(())
}

/// Gives the folder at `path` the name that `wanted` ends in, when it differs only in case:
/// on a Windows disk an older build may have made `q/dt01/` where `Q/DT01/` goes, and the
/// upload would publish that case. Such a disk keeps the old case when renamed straight to
/// the new one, so the folder goes through another name. Returns the folder's path.
fn recase(path: &Path, wanted: &Path) -> io::Result<PathBuf> {
    let (Some(name), Some(parent)) = (wanted.file_name(), path.parent()) else {
        return Ok(path.to_path_buf());
    };
    if path.file_name() == Some(name) {
        return Ok(path.to_path_buf());
    }
    let renamed = parent.join(name);
    let between = parent.join(".ditich-recase");
    fs::rename(path, &between)?;
    fs::rename(&between, &renamed)?;
    Ok(renamed)
}

/// What is at a file's place in the staging folder before the file is put there.
struct Present(Option<fs::Metadata>);

impl Present {
    /// Nothing, in a folder made empty for this build; otherwise whatever the disk has.
    fn at(target: &Path, fresh: bool) -> Present {
        Present(
            (!fresh)
                .then(|| fs::symlink_metadata(target).ok())
                .flatten(),
        )
    }

    /// Whether it is a file holding exactly `bytes`; the length is compared first, so most
    /// changed files are told apart without reading them.
    fn holds(&self, target: &Path, bytes: &[u8]) -> bool {
        self.0
            .as_ref()
            .is_some_and(|m| m.is_file() && m.len() == bytes.len() as u64)
            && fs::read(target).is_ok_and(|old| old == bytes)
    }
}

/// Puts one file at `target`, unless it is already there.
fn place(
    target: &Path,
    file: &OutputFile,
    present: Present,
    unchanged_from: Option<&Path>,
) -> io::Result<()> {
    let holds_already = |bytes: &[u8]| present.holds(target, bytes);
    let present = present.0.as_ref();
    match &file.content {
        Content::Twin { .. } => unreachable!("`Staging::put` places a twin as a cached file"),
        Content::Bytes(bytes) | Content::Rendered { bytes, .. } => {
            if holds_already(bytes) {
                return Ok(());
            }
            replace(target, present)?;
            // The published output may hold these bytes already: link rather than write.
            match unchanged_from.map(|out| out.join(&file.path)) {
                Some(old) if holds(&old, bytes) => {
                    fs::hard_link(&old, target).or_else(|_| fs::write(target, bytes))
                }
                _ => fs::write(target, bytes),
            }
        }
        Content::Cached(source) => {
            // A link to the cached file would be pruned: only a real file counts.
            if present.is_some_and(fs::Metadata::is_file)
                && same_file::is_same_file(source, target).unwrap_or(false)
            {
                return Ok(());
            }
            replace(target, present)?;
            fs::hard_link(source, target).or_else(|_| copy(source, target))
        }
        Content::Copy(source) => {
            // Audio can weigh megabytes: read the source only when the sizes already agree.
            let same_size = match (fs::metadata(source), present) {
                (Ok(a), Some(b)) => b.is_file() && a.len() == b.len(),
                _ => false,
            };
            if same_size && fs::read(source).is_ok_and(|bytes| holds_already(&bytes)) {
                return Ok(());
            }
            replace(target, present)?;
            copy(source, target)
        }
    }
}

/// Copies the bytes only: `fs::copy` also copies the permissions, which a FAT disk mounted
/// through FUSE refuses, and which a web server's upload resets anyway.
fn copy(source: &Path, target: &Path) -> io::Result<()> {
    io::copy(&mut fs::File::open(source)?, &mut fs::File::create(target)?).map(drop)
}

/// Removes a stale file before its replacement is written, so that its bytes, which the
/// published output may share, are never overwritten; or the folder an older build had there.
fn replace(target: &Path, present: Option<&fs::Metadata>) -> io::Result<()> {
    match present {
        Some(meta) if meta.is_dir() => fs::remove_dir_all(target),
        Some(_) => fs::remove_file(target),
        None => Ok(()),
    }
}

/// Whether the file at `path` holds exactly `bytes`.
fn holds(path: &Path, bytes: &[u8]) -> bool {
    Present::at(path, false).holds(path, bytes)
}

fn remove_if_present(dir: &Path) -> anyhow::Result<()> {
    match fs::remove_dir_all(dir) {
        Err(err) if err.kind() != io::ErrorKind::NotFound => Err(err)
            .with_context(|| crate::text!("cannot-remove", file = dir.display().to_string())),
        _ => Ok(()),
    }
}

/// Writes `bytes` to `path` by way of `partial` beside it: written, flushed to the disk, then
/// renamed over `path`, so that a crash or a full disk leaves the old file whole, never half of
/// the new one. For the files of the project an officer keeps (the scan counts, a guide's saved
/// members, fixed texts); `partial` is removed when anything fails.
pub fn durably(partial: &Path, bytes: &[u8], path: &Path) -> io::Result<()> {
    let written = (|| {
        let mut file = fs::File::create(partial)?;
        io::Write::write_all(&mut file, bytes)?;
        file.sync_all()?;
        fs::rename(partial, path)
    })();
    if written.is_err() {
        let _ = fs::remove_file(partial);
    }
    written
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::Silent;

    fn build(out: &Path, files: &[(&str, &str)]) -> Vec<String> {
        let staging = Staging::open(out).unwrap();
        for (path, text) in files {
            staging
                .put(&OutputFile::bytes(*path, text.as_bytes().to_vec()))
                .unwrap();
        }
        staging.publish(&Silent).unwrap()
    }

    /// Every file under `dir` but the marker, with its text.
    fn tree(dir: &Path) -> Vec<(String, String)> {
        let mut found: Vec<_> = walkdir::WalkDir::new(dir)
            .into_iter()
            .map(Result::unwrap)
            .filter(|e| {
                e.file_type().is_file()
                    && ![MARKER, FILES].contains(&&*e.file_name().to_string_lossy())
            })
            .map(|e| {
                let path = e.path().strip_prefix(dir).unwrap();
                let text = fs::read_to_string(e.path()).unwrap();
                (path.to_string_lossy().replace('\\', "/"), text)
            })
            .collect();
        found.sort();
        found
    }

    #[test]
    fn reused_folders_end_up_holding_exactly_the_new_files() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("output");
        build(&out, &[("a", "1"), ("c/d", "2"), ("e/f/g", "3")]);
        build(&out, &[("a", "1"), ("c/d", "2"), ("e/f/g", "4")]);
        // The staging folder is now the first build's output: a file becomes a folder, a
        // folder a file, and a link appears where a file goes.
        #[cfg(unix)]
        std::os::unix::fs::symlink("/etc/hostname", dir.path().join(".output.previous/h")).unwrap();
        let written = build(
            &out,
            &[("a/b", "5"), ("c", "6"), ("e/f/g", "4"), ("h", "7")],
        );
        assert_eq!(written, ["a/b", "c", "e/f/g", "h"]);
        let expected = [("a/b", "5"), ("c", "6"), ("e/f/g", "4"), ("h", "7")]
            .map(|(p, t)| (p.to_owned(), t.to_owned()));
        assert_eq!(tree(&out), expected);
        assert!(!fs::symlink_metadata(out.join("h")).unwrap().is_symlink());
        // The spare holds the build before.
        assert_eq!(tree(&dir.path().join(".output.previous"))[2].1, "4");
    }

    #[cfg(unix)]
    #[test]
    fn a_link_to_the_right_cached_file_is_replaced_by_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("output");
        let cached = dir.path().join("cached.png");
        fs::write(&cached, "png").unwrap();
        let build = || {
            let staging = Staging::open(&out).unwrap();
            staging
                .put(&OutputFile {
                    path: "p.png".to_owned(),
                    content: Content::Cached(cached.clone()),
                })
                .unwrap();
            staging.publish(&Silent).unwrap();
        };
        build();
        build();
        let spare = dir.path().join(".output.previous/p.png");
        fs::remove_file(&spare).unwrap();
        std::os::unix::fs::symlink(&cached, &spare).unwrap();
        build();
        let published = fs::symlink_metadata(out.join("p.png")).unwrap();
        assert!(published.is_file(), "{published:?}");
    }

    #[test]
    fn an_abandoned_build_leaves_the_output_and_a_spare() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("output");
        let staging = Staging::open(&out).unwrap();
        staging.put(&OutputFile::bytes("a", b"1".to_vec())).unwrap();
        staging.abandon();
        assert!(!out.exists());
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0, "nothing left");

        build(&out, &[("a", "1")]);
        let staging = Staging::open(&out).unwrap();
        staging.put(&OutputFile::bytes("a", b"2".to_vec())).unwrap();
        staging.abandon();
        assert_eq!(tree(&out), [("a".to_owned(), "1".to_owned())]);
        assert!(dir.path().join(".output.previous").join(MARKER).is_file());
        build(&out, &[("b", "3")]);
        assert_eq!(tree(&out), [("b".to_owned(), "3".to_owned())]);
    }

    #[test]
    fn two_files_at_one_path_fail_the_build_and_leave_the_output() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("output");
        build(&out, &[("a", "1")]);
        let staging = Staging::open(&out).unwrap();
        staging.put(&OutputFile::bytes("b", b"2".to_vec())).unwrap();
        staging.put(&OutputFile::bytes("b", b"3".to_vec())).unwrap();
        let err = staging.publish(&Silent).unwrap_err();
        assert!(
            err.to_string()
                .contains("two files of this build have the path b"),
            "{err}"
        );
        assert_eq!(tree(&out), [("a".to_owned(), "1".to_owned())]);
    }

    fn page(path: &str, text: &str) -> OutputFile {
        OutputFile {
            path: path.to_owned(),
            content: Content::Rendered {
                bytes: text.as_bytes().to_vec(),
                key: blake3::hash(text.as_bytes()),
            },
        }
    }

    /// Opens a build, keeps each page it can with the key its text would give, and returns
    /// the paths kept.
    fn keep_all(out: &Path, pages: &[(&str, &str)]) -> (Staging, Vec<String>) {
        let staging = Staging::open(out).unwrap();
        let kept = pages
            .iter()
            .filter(|(path, text)| {
                let key = blake3::hash(text.as_bytes());
                let kept = staging.keep(path, &key).unwrap();
                assert!(kept.is_none_or(|k| k.len == text.len() as u64 && k.digest == key));
                kept.is_some()
            })
            .map(|(path, _)| (*path).to_owned())
            .collect();
        (staging, kept)
    }

    #[test]
    fn pages_with_unchanged_keys_are_kept_from_either_folder() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("output");
        let (staging, kept) = keep_all(&out, &[("a/index.html", "A")]);
        assert!(kept.is_empty(), "nothing is published yet");
        staging.put(&page("a/index.html", "A")).unwrap();
        staging.put(&page("b/index.html", "B")).unwrap();
        staging.publish(&Silent).unwrap();

        // The spare is empty: the first page is linked from the published output, the second
        // has changed.
        let (staging, kept) = keep_all(&out, &[("a/index.html", "A"), ("b/index.html", "B2")]);
        assert_eq!(kept, ["a/index.html"]);
        staging.put(&page("b/index.html", "B2")).unwrap();
        staging.publish(&Silent).unwrap();
        assert_eq!(
            tree(&out),
            [
                ("a/index.html".to_owned(), "A".to_owned()),
                ("b/index.html".to_owned(), "B2".to_owned())
            ]
        );

        // Going back to "B": the spare, the first build's output, still holds it.
        let (staging, kept) = keep_all(&out, &[("a/index.html", "A"), ("b/index.html", "B")]);
        assert_eq!(kept, ["a/index.html", "b/index.html"]);
        staging.publish(&Silent).unwrap();
        assert_eq!(
            fs::read_to_string(out.join(FILES)).unwrap().lines().count(),
            2
        );
        assert_eq!(
            tree(&out),
            [
                ("a/index.html".to_owned(), "A".to_owned()),
                ("b/index.html".to_owned(), "B".to_owned())
            ]
        );
    }

    #[test]
    fn a_stopped_build_leaves_no_list_its_files_may_contradict() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("output");
        for text in ["A", "A"] {
            let staging = Staging::open(&out).unwrap();
            staging.put(&page("a/index.html", text)).unwrap();
            staging.publish(&Silent).unwrap();
        }
        // This build changes the spare's page, then stops.
        let staging = Staging::open(&out).unwrap();
        staging.put(&page("a/index.html", "X")).unwrap();
        staging.abandon();
        let spare = dir.path().join(".output.previous");
        assert!(!spare.join(FILES).exists());

        // "A" can still come from the published output, never from the changed spare.
        let (staging, kept) = keep_all(&out, &[("a/index.html", "A")]);
        assert_eq!(kept, ["a/index.html"]);
        staging.publish(&Silent).unwrap();
        assert_eq!(tree(&out), [("a/index.html".to_owned(), "A".to_owned())]);
    }

    #[test]
    fn a_page_whose_file_is_gone_or_altered_is_rendered_again() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("output");
        let staging = Staging::open(&out).unwrap();
        staging.put(&page("a/index.html", "A")).unwrap();
        staging.put(&page("b/index.html", "B")).unwrap();
        staging.publish(&Silent).unwrap();
        fs::remove_file(out.join("a/index.html")).unwrap();
        fs::write(out.join("b/index.html"), "longer").unwrap();
        let (_, kept) = keep_all(&out, &[("a/index.html", "A"), ("b/index.html", "B")]);
        assert!(kept.is_empty(), "{kept:?}");
    }
}
