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

use std::collections::HashSet;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, bail};
use rayon::prelude::*;

use crate::progress::Progress;
use crate::render::{Content, OutputFile};

/// A file in every output folder ditich writes. Its presence is what lets a build replace the
/// folder; a folder without it is never deleted.
pub const MARKER: &str = ".ditich-output";

const MARKER_TEXT: &str = "This folder is written by `ditich build` and replaced whole by every build.\nEdit the sources, not these files.\n";

pub fn publish(out: &Path, files: &[OutputFile], progress: &dyn Progress) -> anyhow::Result<()> {
    let (staging, previous) = siblings(out)?;
    if let Some(parent) = out.parent() {
        fs::create_dir_all(parent)
            .with_context(|| format!("cannot create {}", parent.display()))?;
    }
    if !out.exists() && previous.is_dir() && staging.is_dir() {
        // A build was stopped between moving the old site aside and moving the new one in.
        fs::rename(&previous, out).with_context(|| format!("cannot restore {}", out.display()))?;
    }
    check_replaceable(out)?;
    // The staging folder starts from a build's leftovers or from the output before last,
    // whichever is there and was written by ditich; anything else is cleared.
    for folder in [&staging, &previous] {
        if !folder.join(MARKER).is_file() {
            remove_if_present(folder)?;
        }
    }
    if !staging.exists() && previous.exists() {
        fs::rename(&previous, &staging)
            .with_context(|| format!("cannot reuse {}", previous.display()))?;
    }
    remove_if_present(&previous)?;
    fs::create_dir_all(&staging)
        .and_then(|()| fs::write(staging.join(MARKER), MARKER_TEXT))
        .with_context(|| format!("cannot write in {}", staging.display()))?;

    let unchanged_from = out.join(MARKER).is_file().then_some(out);
    update(&staging, files, unchanged_from, progress)?;

    if out.exists() {
        fs::rename(out, &previous)
            .with_context(|| format!("cannot move the old {} aside", out.display()))?;
    }
    if let Err(err) = fs::rename(&staging, out) {
        // Put the old site back rather than leave no site at all.
        let _ = fs::rename(&previous, out);
        return Err(err)
            .with_context(|| format!("cannot move the new site into {}", out.display()));
    }
    Ok(())
}

/// The staging folder and the place the old output waits while the new one moves in:
/// `.output.staging` and `.output.previous`, beside `output`.
fn siblings(out: &Path) -> anyhow::Result<(PathBuf, PathBuf)> {
    let Some(name) = out.file_name().map(|n| n.to_string_lossy().into_owned()) else {
        bail!("{} cannot be the output folder", out.display());
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
        "{} exists and was not written by ditich; it would be replaced whole.\n  = help: remove it yourself, or choose another folder with --out",
        out.display()
    )
}

/// Makes `staging` hold exactly `files` and the marker: what is there with the right bytes
/// stays, the rest is written. A file is never rewritten in place, only replaced, because it
/// may be linked from the published output.
fn update(
    staging: &Path,
    files: &[OutputFile],
    unchanged_from: Option<&Path>,
    progress: &dyn Progress,
) -> anyhow::Result<()> {
    let wanted: HashSet<&Path> = files
        .iter()
        .map(|f| Path::new(&f.path))
        .chain([Path::new(MARKER)])
        .collect();
    let folders: HashSet<&Path> = wanted
        .iter()
        .flat_map(|path| path.ancestors().skip(1))
        .filter(|p| !p.as_os_str().is_empty())
        .collect();
    prune(staging, Path::new(""), &wanted, &folders)
        .with_context(|| format!("cannot clear {}", staging.display()))?;
    let mut folders: Vec<&&Path> = folders.iter().collect();
    folders.sort();
    for folder in folders {
        let dir = staging.join(folder);
        fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }

    progress.stage("writing", files.len());
    files.par_iter().try_for_each(|file| {
        let target = staging.join(&file.path);
        place(&target, file, unchanged_from)
            .with_context(|| format!("cannot write {}", target.display()))?;
        progress.step();
        Ok(())
    })
}

/// Removes from `dir` (at `relative` in the staging folder) whatever the new site does not
/// have, and what has the wrong kind: a folder where a file goes, a link anywhere.
fn prune(
    dir: &Path,
    relative: &Path,
    wanted: &HashSet<&Path>,
    folders: &HashSet<&Path>,
) -> io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let path = entry.path();
        let inside = relative.join(entry.file_name());
        let kind = entry.file_type()?;
        if kind.is_dir() && folders.contains(inside.as_path()) {
            prune(&path, &inside, wanted, folders)?;
        } else if kind.is_dir() {
            fs::remove_dir_all(&path)?;
        } else if !kind.is_file() || !wanted.contains(inside.as_path()) {
            fs::remove_file(&path)?;
        }
    }
    Ok(())
}

/// Puts one file at `target`, unless it is already there.
fn place(target: &Path, file: &OutputFile, unchanged_from: Option<&Path>) -> io::Result<()> {
    let present = fs::symlink_metadata(target).is_ok();
    match &file.content {
        Content::Bytes(bytes) => {
            if holds(target, bytes) {
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
            if same_file::is_same_file(source, target).unwrap_or(false) {
                return Ok(());
            }
            replace(target, present)?;
            fs::hard_link(source, target).or_else(|_| fs::copy(source, target).map(drop))
        }
        Content::Copy(source) => {
            // Audio can weigh megabytes: read the source only when the sizes already agree.
            let same_size = match (fs::metadata(source), fs::symlink_metadata(target)) {
                (Ok(a), Ok(b)) => a.len() == b.len(),
                _ => false,
            };
            if same_size && fs::read(source).is_ok_and(|bytes| holds(target, &bytes)) {
                return Ok(());
            }
            replace(target, present)?;
            fs::copy(source, target).map(drop)
        }
    }
}

/// Removes a stale file before its replacement is written, so that its bytes, which the
/// published output may share, are never overwritten.
fn replace(target: &Path, present: bool) -> io::Result<()> {
    if present {
        fs::remove_file(target)?;
    }
    Ok(())
}

/// Whether the file at `path` holds exactly `bytes`; the length is compared first, so most
/// changed files are told apart without reading them.
fn holds(path: &Path, bytes: &[u8]) -> bool {
    fs::symlink_metadata(path).is_ok_and(|m| m.is_file() && m.len() == bytes.len() as u64)
        && fs::read(path).is_ok_and(|old| old == bytes)
}

fn remove_if_present(dir: &Path) -> anyhow::Result<()> {
    match fs::remove_dir_all(dir) {
        Err(err) if err.kind() != io::ErrorKind::NotFound => {
            Err(err).with_context(|| format!("cannot remove {}", dir.display()))
        }
        _ => Ok(()),
    }
}
