//! `ditich publish`: send the built site to its web host, only what changed, in an order that
//! never leaves the host serving a page whose photos or scripts are not there yet.
//!
//! The host keeps a manifest of what the last publish left there ([`manifest::NAME`]): the
//! hash and length of every file. Comparing it with `output/` gives the files to send and the
//! files to delete, without listing or reading anything else on the host. Files are sent
//! assets first, then pages, then the service worker, then the manifest; every file replaces
//! its old copy whole (a temporary name renamed over it, or one S3 PUT). Deletions come
//! last, when no page sent links to the files deleted.
//!
//! A publish cut short (a dropped connection, a closed laptop) leaves the old manifest on the
//! host and a journal here ([`journal`]) of what was sent: the next publish takes up from
//! there. A landing page of a printed code (`Q/<ID>/`, listed in `plaques.toml`) is never
//! deleted, whatever `output/` holds.

pub mod ftp;
pub mod journal;
pub mod manifest;
pub mod s3;
pub mod sftp;

use std::collections::BTreeSet;
use std::path::Path;

use anyhow::Context as _;

use crate::config::publish::{Protocol, Target};
use manifest::Manifest;

/// The host's side of a publish: a folder, or a bucket's prefix, addressed by paths relative
/// to it with `/`.
pub trait Remote {
    /// The bytes of the file at `path`, or `None` when there is none.
    fn get(&mut self, path: &str) -> anyhow::Result<Option<Vec<u8>>>;
    /// Writes `bytes` at `path`, creating its folders, so that a visitor gets either the old
    /// file or the new one, never part of it.
    fn put(&mut self, path: &str, bytes: &[u8]) -> anyhow::Result<()>;
    /// Deletes the file at `path`; one already gone is not an error.
    fn delete(&mut self, path: &str) -> anyhow::Result<()>;
    /// Removes the folder at `path` if it is empty; nothing happens otherwise.
    fn remove_folder(&mut self, _path: &str) {}
    /// Ends the session politely.
    fn close(&mut self) -> anyhow::Result<()> {
        Ok(())
    }
}

/// What the publish needs to ask the person at the keyboard. A command run by a script
/// answers nothing, and the publish stops with a message that says what to set instead.
pub trait Ask {
    /// A password or secret: `what` names it, e.g. "password for vanhoa@host".
    fn secret(&self, what: &str) -> Option<String>;
    /// Whether to trust a host seen for the first time, showing its key's fingerprint.
    fn trust(&self, host: &str, fingerprint: &str) -> bool;
}

/// The environment variable that holds the password of an SFTP or FTP login.
pub const PASSWORD_VARIABLE: &str = "DITICH_PUBLISH_PASSWORD";
/// The environment variable that holds an S3 access key's secret.
pub const SECRET_VARIABLE: &str = "DITICH_PUBLISH_SECRET";

/// Opens a session with the target's host.
pub fn connect(
    target: &Target,
    ask: &dyn Ask,
    accepted_key: Option<&str>,
) -> anyhow::Result<Box<dyn Remote>> {
    Ok(match &target.protocol {
        Protocol::Sftp {
            login,
            key,
            known_hosts,
        } => Box::new(sftp::Sftp::connect(
            login,
            key.as_deref(),
            known_hosts,
            ask,
            accepted_key,
        )?),
        Protocol::Ftp { login, tls, ca } => ftp::connect(login, *tls, ca.as_deref(), ask)?,
        Protocol::S3(bucket) => s3::connect(bucket, ask)?,
    })
}

/// The password for `user@host`: from [`PASSWORD_VARIABLE`], or asked for.
fn password(ask: &dyn Ask, user: &str, host: &str) -> anyhow::Result<String> {
    secret(ask, PASSWORD_VARIABLE, &format!("{user}@{host}"))
}

fn secret(ask: &dyn Ask, variable: &str, whose: &str) -> anyhow::Result<String> {
    if let Some(value) = std::env::var_os(variable) {
        return Ok(value.to_string_lossy().into_owned());
    }
    ask.secret(whose).ok_or_else(|| {
        anyhow::anyhow!(
            "{}",
            crate::text!("publish-secret-missing", whose = whose, variable = variable)
        )
    })
}

/// Where a file is written before it is renamed into place: hidden, beside it.
fn partial_name(full: &str) -> String {
    match full.rsplit_once('/') {
        Some((folder, name)) => format!("{folder}/.{name}.ditich-part"),
        None => format!(".{full}.ditich-part"),
    }
}

/// One file to send.
#[derive(Debug, Clone, PartialEq)]
pub struct Send {
    pub path: String,
    pub len: u64,
    /// Whether the host has no copy of it yet.
    pub new: bool,
}

/// What a publish will do, in order.
#[derive(Debug)]
pub struct Plan {
    /// Assets first, then pages, then the service worker.
    pub send: Vec<Send>,
    pub delete: Vec<String>,
    /// Files the host has and `output/` does not, kept because a printed code opens them.
    pub kept: Vec<String>,
    /// What the host will hold when the plan is done, for its new manifest.
    after: Manifest,
    /// The manifest the host had, as the journal names it.
    base: journal::Base,
    /// Whether a cut-short publish is being taken up.
    pub resumed: bool,
}

/// What was done.
#[derive(Debug, Default, PartialEq)]
pub struct Sent {
    pub files: usize,
    pub bytes: u64,
    pub deleted: usize,
}

/// Hears of each file sent, for a progress bar.
pub trait Watch {
    fn sent(&self, _path: &str, _bytes: u64) {}
}

impl Plan {
    /// Compares `output` with what `remote` holds. `printed` are the codes of `plaques.toml`.
    pub fn make(
        root: &Path,
        target: &Target,
        output: &Path,
        remote: &mut dyn Remote,
        printed: &BTreeSet<String>,
    ) -> anyhow::Result<Plan> {
        let local = Manifest::of_folder(output)?;
        let written = remote
            .get(manifest::NAME)
            .with_context(|| crate::text!("publish-manifest-unreadable"))?;
        let (host, base) = match &written {
            Some(bytes) => (Manifest::parse(bytes)?, journal::Base::of(bytes)),
            None => (Manifest::default(), journal::Base::None),
        };
        let taken_up = journal::Journal::read(root, target, &base);
        let resumed = !taken_up.is_empty();
        let on_host = taken_up.apply(host);
        Ok(Plan::compare(local, on_host, printed, base, resumed))
    }

    fn compare(
        local: Manifest,
        on_host: Manifest,
        printed: &BTreeSet<String>,
        base: journal::Base,
        resumed: bool,
    ) -> Plan {
        let mut send: Vec<Send> = local
            .files
            .iter()
            .filter(|(path, entry)| on_host.files.get(*path) != Some(entry))
            .map(|(path, entry)| Send {
                path: path.clone(),
                len: entry.len,
                new: !on_host.files.contains_key(path),
            })
            .collect();
        send.sort_by(|a, b| (stage(&a.path), &a.path).cmp(&(stage(&b.path), &b.path)));
        let mut after = local;
        // What this project's ledger lists, and what the ledgers of earlier publishes did.
        after.printed = printed.union(&on_host.printed).cloned().collect();
        let (mut delete, mut kept) = (Vec::new(), Vec::new());
        for (path, entry) in on_host.files {
            if after.files.contains_key(&path) {
                continue;
            }
            if landing_of(&path).is_some_and(|id| after.printed.contains(&id)) {
                after.files.insert(path.clone(), entry);
                kept.push(path);
            } else {
                delete.push(path);
            }
        }
        Plan {
            send,
            delete,
            kept,
            after,
            base,
            resumed,
        }
    }

    /// Whether the host already holds exactly what `output/` does.
    pub fn is_empty(&self) -> bool {
        self.send.is_empty() && self.delete.is_empty()
    }

    pub fn bytes(&self) -> u64 {
        self.send.iter().map(|s| s.len).sum()
    }

    /// Sends, then deletes, recording each step in the journal so that a publish cut short
    /// takes up where it stopped.
    pub fn run(
        self,
        root: &Path,
        target: &Target,
        output: &Path,
        remote: &mut dyn Remote,
        watch: &dyn Watch,
    ) -> anyhow::Result<Sent> {
        let mut sent = Sent::default();
        if self.is_empty() {
            return Ok(sent);
        }
        let mut journal = journal::Journal::open(root, target, &self.base, self.resumed)?;
        for file in &self.send {
            let bytes = std::fs::read(output.join(&file.path)).with_context(|| {
                crate::text!(
                    "cannot-read",
                    file = output.join(&file.path).display().to_string()
                )
            })?;
            let entry = self.after.files[&file.path];
            // The file may have changed since the plan was made only if another build ran,
            // which the project lock prevents; the journal records what was sent.
            remote
                .put(&file.path, &bytes)
                .with_context(|| crate::text!("publish-put-failed", file = file.path.as_str()))?;
            journal.sent(&file.path, &entry)?;
            sent.files += 1;
            sent.bytes += bytes.len() as u64;
            watch.sent(&file.path, bytes.len() as u64);
        }
        // The deletions are recorded before the manifest that no longer lists them is
        // written, so that a cut between the two still deletes them next time.
        journal.pending(&self.delete)?;
        let manifest = self.after.to_bytes();
        remote
            .put(manifest::NAME, &manifest)
            .with_context(|| crate::text!("publish-put-failed", file = manifest::NAME))?;
        let mut journal = journal.rebase(journal::Base::of(&manifest), &self.delete)?;
        for path in &self.delete {
            remote
                .delete(path)
                .with_context(|| crate::text!("publish-delete-failed", file = path.as_str()))?;
            journal.deleted(path)?;
            sent.deleted += 1;
        }
        for folder in emptied_folders(&self.delete, &self.after) {
            remote.remove_folder(&folder);
        }
        journal.finish()?;
        Ok(sent)
    }
}

/// The order files are sent in: what pages link to first, then the pages and listings that
/// link to them, then the service worker, which makes visitors' browsers fetch the new pages.
fn stage(path: &str) -> u8 {
    const ASSETS: &[&str] = &[
        "jpg", "jpeg", "png", "webp", "avif", "gif", "svg", "ico", "mp3", "m4a", "ogg", "opus",
        "wav", "pdf", "css", "js", "woff", "woff2", "ttf", "otf",
    ];
    if path == "sw.js" {
        return 2;
    }
    let extension = path.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
    match extension {
        Some(e) if ASSETS.contains(&e.as_str()) => 0,
        _ if path.starts_with("assets/") => 0,
        _ => 1,
    }
}

/// The code whose landing page `path` belongs to: `Q/DT01/index.html` → `DT01`. Also the
/// lower-case copies (`q/dt01/`) that serve codes typed by hand.
fn landing_of(path: &str) -> Option<String> {
    let mut parts = path.split('/');
    let first = parts.next()?;
    let id = parts.next()?;
    (first.eq_ignore_ascii_case("q") && parts.next().is_some() && !id.is_empty())
        .then(|| id.to_ascii_uppercase())
}

/// The folders that held only files now deleted, deepest first.
fn emptied_folders(deleted: &[String], after: &Manifest) -> Vec<String> {
    let still: BTreeSet<&str> = after.files.keys().flat_map(|p| folders_of(p)).collect();
    let mut emptied: BTreeSet<&str> = deleted
        .iter()
        .flat_map(|p| folders_of(p))
        .filter(|f| !still.contains(f))
        .collect();
    let mut deepest: Vec<String> = std::mem::take(&mut emptied)
        .into_iter()
        .map(str::to_owned)
        .collect();
    deepest.sort_by_key(|f| std::cmp::Reverse(f.matches('/').count()));
    deepest
}

/// `a/b/c.html` → `a/b`, `a`.
fn folders_of(path: &str) -> impl Iterator<Item = &str> {
    path.match_indices('/').map(move |(i, _)| &path[..i])
}

/// The printed codes of the project's `plaques.toml`, in capitals.
pub fn printed_codes(root: &Path) -> anyhow::Result<BTreeSet<String>> {
    let ledger = crate::load::ledger::read(root).map_err(|d| anyhow::anyhow!("{d}"))?;
    Ok(ledger.iter().flat_map(|l| l.ids()).collect())
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::manifest::Entry;
    use super::*;

    /// The manifest's files, as a map for the tests.
    fn files(entries: &[(&str, u8)]) -> Manifest {
        Manifest {
            files: entries
                .iter()
                .map(|(path, content)| ((*path).to_owned(), Entry::of(&[*content])))
                .collect::<BTreeMap<_, _>>(),
            printed: BTreeSet::new(),
        }
    }

    fn plan(local: &[(&str, u8)], host: &[(&str, u8)], printed: &[&str]) -> Plan {
        let printed = printed.iter().map(|s| (*s).to_owned()).collect();
        Plan::compare(
            files(local),
            files(host),
            &printed,
            journal::Base::None,
            false,
        )
    }

    #[test]
    fn sends_assets_then_pages_then_the_service_worker() {
        let plan = plan(
            &[
                ("sw.js", 1),
                ("den-ca/index.html", 1),
                ("den-ca/anh-800.webp", 1),
                ("assets/site.css", 1),
                ("data/relics.json", 1),
                ("index.html", 2),
            ],
            &[("index.html", 2)],
            &[],
        );
        let order: Vec<&str> = plan.send.iter().map(|s| s.path.as_str()).collect();
        assert_eq!(
            order,
            [
                "assets/site.css",
                "den-ca/anh-800.webp",
                "data/relics.json",
                "den-ca/index.html",
                "sw.js"
            ]
        );
        assert!(plan.send.iter().all(|s| s.new));
    }

    #[test]
    fn sends_what_changed_and_deletes_what_is_gone_but_printed_landings() {
        let plan = plan(
            &[("index.html", 2), ("Q/DT01/index.html", 1)],
            &[
                ("index.html", 1),
                ("Q/DT01/index.html", 1),
                ("Q/DT02/index.html", 1),
                ("q/dt02/index.html", 1),
                ("Q/DT03/index.html", 1),
                ("den-b/index.html", 1),
            ],
            &["DT02"],
        );
        assert_eq!(
            plan.send,
            [Send {
                path: "index.html".into(),
                len: 1,
                new: false
            }]
        );
        assert_eq!(plan.delete, ["Q/DT03/index.html", "den-b/index.html"]);
        assert_eq!(plan.kept, ["Q/DT02/index.html", "q/dt02/index.html"]);
        assert!(plan.after.files.contains_key("q/dt02/index.html"));
        assert_eq!(plan.after.printed, BTreeSet::from(["DT02".to_owned()]));
        assert_eq!(
            emptied_folders(&plan.delete, &plan.after),
            ["Q/DT03", "den-b"]
        );
    }

    #[test]
    fn keeps_the_landings_an_earlier_publish_knew_were_printed() {
        let mut host = files(&[("Q/DT03/index.html", 1), ("den-c/index.html", 1)]);
        host.printed.insert("DT03".to_owned());
        let plan = Plan::compare(
            files(&[]),
            host,
            &BTreeSet::new(),
            journal::Base::None,
            false,
        );
        assert_eq!(plan.delete, ["den-c/index.html"]);
        assert_eq!(plan.kept, ["Q/DT03/index.html"]);
        assert!(plan.after.printed.contains("DT03"));
    }

    #[test]
    fn tells_landings_by_their_folder() {
        assert_eq!(landing_of("Q/DT01/index.html").as_deref(), Some("DT01"));
        assert_eq!(landing_of("q/dt01/index.html").as_deref(), Some("DT01"));
        assert_eq!(landing_of("Q/index.html"), None);
        assert_eq!(landing_of("den-ca/index.html"), None);
    }
}
