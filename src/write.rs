//! Write: put the rendered files on disk so that the published folder is never half-built.
//!
//! Files go to a staging folder beside the output folder; only when all are written is the old
//! output moved aside and the staging folder renamed into its place. A build that fails or is
//! killed leaves the previous output as it was; its leftovers are cleared by the next build.

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
    remove_if_present(&staging)?;
    if !out.exists() && previous.is_dir() {
        // A build was stopped between moving the old site aside and moving the new one in.
        fs::rename(&previous, out).with_context(|| format!("cannot restore {}", out.display()))?;
    }
    remove_if_present(&previous)?;
    check_replaceable(out)?;
    fs::create_dir(&staging).with_context(|| format!("cannot create {}", staging.display()))?;

    // Files the last build wrote with the same bytes are linked, not written again: at province
    // scale that spares tens of thousands of new inodes, and unchanged files keep their
    // modification times, so `rsync` to the web server sends only what changed.
    let unchanged_from = out.join(MARKER).is_file().then_some(out);
    let written = write_all(&staging, files, unchanged_from, progress).and_then(|()| {
        fs::write(staging.join(MARKER), MARKER_TEXT)
            .with_context(|| format!("cannot write in {}", staging.display()))
    });
    if let Err(err) = written {
        let _ = fs::remove_dir_all(&staging);
        return Err(err);
    }

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
    remove_if_present(&previous)
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

fn write_all(
    staging: &Path,
    files: &[OutputFile],
    unchanged_from: Option<&Path>,
    progress: &dyn Progress,
) -> anyhow::Result<()> {
    let mut dirs: Vec<PathBuf> = files
        .iter()
        .filter_map(|f| Path::new(&f.path).parent().map(|p| staging.join(p)))
        .collect();
    dirs.sort();
    dirs.dedup();
    for dir in &dirs {
        fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
    progress.stage("writing", files.len());
    files.par_iter().try_for_each(|file| {
        let target = staging.join(&file.path);
        let old = unchanged_from.map(|out| out.join(&file.path));
        match &file.content {
            Content::Bytes(bytes) => match old.filter(|old| holds(old, bytes)) {
                Some(old) => fs::hard_link(&old, &target).or_else(|_| fs::write(&target, bytes)),
                None => fs::write(&target, bytes),
            },
            Content::Copy(source) => fs::copy(source, &target).map(drop),
            Content::Cached(source) => {
                fs::hard_link(source, &target).or_else(|_| fs::copy(source, &target).map(drop))
            }
        }
        .with_context(|| format!("cannot write {}", target.display()))?;
        progress.step();
        Ok(())
    })
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
