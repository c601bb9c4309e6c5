//! The journal of a publish under way, `.ditich-cache/publish.journal`: what has been sent
//! since the host's manifest was last written, and what is still to be deleted. A publish cut
//! short leaves it behind; the next one to the same host, finding the same manifest there,
//! counts those files as sent and goes on from there.
//!
//! It is written line by line as each file arrives, not synced: a line lost with the power
//! only makes the next publish send that file again.

use std::collections::BTreeSet;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use anyhow::Context as _;

use super::manifest::{Entry, Manifest};
use crate::config::publish::Target;

const HEADER: &str = "# ditich publish journal 1";

/// The manifest found on the host when the publish began, by the hash of its bytes.
#[derive(Debug, Clone, PartialEq)]
pub enum Base {
    None,
    Manifest(blake3::Hash),
}

impl Base {
    pub fn of(manifest: &[u8]) -> Base {
        Base::Manifest(blake3::hash(manifest))
    }

    fn line(&self) -> String {
        match self {
            Base::None => "base none".to_owned(),
            Base::Manifest(hash) => format!("base {}", hash.to_hex()),
        }
    }
}

/// What a journal left by an earlier publish says the host holds beyond its manifest.
#[derive(Debug, Default)]
pub struct TakenUp {
    sent: Vec<(String, Entry)>,
    /// Still on the host, to be deleted.
    gone: BTreeSet<String>,
}

impl TakenUp {
    pub fn is_empty(&self) -> bool {
        self.sent.is_empty() && self.gone.is_empty()
    }

    /// The host's files: its manifest, with what the journal records.
    pub fn apply(self, mut host: Manifest) -> Manifest {
        host.files.extend(self.sent);
        for path in self.gone {
            // Not what any build makes, so that a file of that name is sent again.
            host.files.entry(path).or_insert(Entry {
                hash: [0; 16],
                len: 0,
            });
        }
        host
    }
}

/// The journal being written.
pub struct Journal {
    path: PathBuf,
    file: std::fs::File,
    target: String,
}

fn path(root: &Path) -> PathBuf {
    root.join(crate::cache::DIR).join("publish.journal")
}

impl Journal {
    /// The journal an earlier publish to `target` left, if it began from the manifest the
    /// host holds now: `base`. Any other journal is stale, and is read as empty.
    pub fn read(root: &Path, target: &Target, base: &Base) -> TakenUp {
        let Ok(text) = std::fs::read_to_string(path(root)) else {
            return TakenUp::default();
        };
        let mut lines = text.lines();
        let expected = [
            HEADER.to_owned(),
            format!("target {}", target.url),
            base.line(),
        ];
        if !expected.iter().all(|e| lines.next() == Some(e.as_str())) {
            return TakenUp::default();
        }
        let mut taken = TakenUp::default();
        for line in lines {
            let Some((verb, rest)) = line.split_once(' ') else {
                continue;
            };
            match verb {
                "sent" => taken.sent.extend(Entry::parse(rest)),
                "gone" => {
                    taken.gone.insert(rest.to_owned());
                }
                "deleted" => {
                    taken.gone.remove(rest);
                }
                _ => {}
            }
        }
        taken
    }

    /// Begins the journal for a publish to `target` from `base`, or goes on with the one
    /// [`Journal::read`] took up.
    pub fn open(
        root: &Path,
        target: &Target,
        base: &Base,
        going_on: bool,
    ) -> anyhow::Result<Journal> {
        let path = path(root);
        let fail = || crate::text!("cannot-write", file = path.display().to_string());
        std::fs::create_dir_all(path.parent().unwrap_or(root)).with_context(fail)?;
        let mut file = std::fs::OpenOptions::new()
            .create(true)
            .append(going_on)
            .write(true)
            .truncate(!going_on)
            .open(&path)
            .with_context(fail)?;
        if !going_on {
            writeln!(file, "{HEADER}\ntarget {}\n{}", target.url, base.line())
                .with_context(fail)?;
        }
        Ok(Journal {
            path,
            file,
            target: target.url.clone(),
        })
    }

    fn write(&mut self, line: &str) -> anyhow::Result<()> {
        writeln!(self.file, "{line}")
            .with_context(|| crate::text!("cannot-write", file = self.path.display().to_string()))
    }

    pub fn sent(&mut self, path: &str, entry: &Entry) -> anyhow::Result<()> {
        self.write(&format!("sent {}", entry.line(path)))
    }

    /// Records files still on the host that are to be deleted.
    pub fn pending(&mut self, paths: &[String]) -> anyhow::Result<()> {
        for path in paths {
            self.write(&format!("gone {path}"))?;
        }
        Ok(())
    }

    /// Starts again from the manifest just written, which lists everything sent, keeping
    /// only the deletions still to do.
    pub fn rebase(self, base: Base, pending: &[String]) -> anyhow::Result<Journal> {
        let root_of = self.path.clone();
        let fail = || crate::text!("cannot-write", file = root_of.display().to_string());
        let mut text = format!("{HEADER}\ntarget {}\n{}\n", self.target, base.line());
        for path in pending {
            text += &format!("gone {path}\n");
        }
        drop(self.file);
        std::fs::write(&self.path, text).with_context(fail)?;
        let file = std::fs::OpenOptions::new()
            .append(true)
            .open(&self.path)
            .with_context(fail)?;
        Ok(Journal {
            path: self.path,
            file,
            target: self.target,
        })
    }

    pub fn deleted(&mut self, path: &str) -> anyhow::Result<()> {
        self.write(&format!("deleted {path}"))
    }

    /// The publish is complete: the host's manifest says everything.
    pub fn finish(self) -> anyhow::Result<()> {
        drop(self.file);
        std::fs::remove_file(&self.path)
            .with_context(|| crate::text!("cannot-write", file = self.path.display().to_string()))
    }
}
