//! `ditich fetch`: downloads each saved member's `relics.json` from the address `site.toml`
//! gives it, the one command that uses the network. A download replaces the saved copy only
//! when it is a commune's `relics.json` this version can build from, and whole (renamed over
//! it); a member that is down, slow or serves something else keeps its last good copy, and
//! the report says why.

use std::path::{Path, PathBuf};
use std::time::Duration;

use rayon::prelude::*;

use crate::config::members::{self, Source};
use crate::diagnostic::{Diagnostic, display_path};

/// A download larger than this is no commune's data (Vietnam's 40,000 relics take about 50 MB).
const LIMIT: u64 = 256 * 1024 * 1024;
/// Members fetched at once: the time goes in waiting for servers, not in this computer.
const AT_ONCE: usize = 8;

/// What became of one member.
#[derive(Debug)]
pub struct Fetched {
    /// The saved file, as `site.toml` writes it: `members/quynh-doi.json`.
    pub file: String,
    pub url: String,
    pub outcome: Outcome,
}

#[derive(Debug)]
pub enum Outcome {
    /// The saved copy was replaced by the download.
    Updated { relics: usize, bytes: usize },
    /// The download was what the saved copy already held.
    Unchanged { relics: usize },
    /// The saved copy was kept (`saved` says whether there is one): the download failed.
    Kept { reason: String, saved: bool },
}

/// Fetches every saved member of the guide at `root` that has a `url`, each given `timeout`
/// from connecting to the last byte. Errors only when the guide's `site.toml` is wrong.
pub fn fetch(root: &Path, timeout: Duration) -> Result<Vec<Fetched>, Vec<Diagnostic>> {
    if !crate::config::is_guide(root) {
        return Err(vec![
            Diagnostic::error(crate::text!("fetch-not-guide"))
                .in_file(Path::new(crate::config::FILE_NAME))
                .help(crate::text!("fetch-not-guide-help")),
        ]);
    }
    let guide = members::load(root)?;
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(timeout))
        .http_status_as_error(false)
        .user_agent(concat!("ditich/", env!("CARGO_PKG_VERSION"), " (fetch)"))
        .build()
        .into();
    let wanted: Vec<(PathBuf, String)> = guide
        .members
        .iter()
        .filter_map(|member| match &member.source {
            Source::Saved {
                file,
                url: Some(url),
            } => Some((file.clone(), url.clone())),
            _ => None,
        })
        .collect();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(AT_ONCE.min(wanted.len().max(1)))
        .build()
        .expect("a thread pool for the downloads");
    Ok(pool.install(|| {
        wanted
            .par_iter()
            .map(|(file, url)| Fetched {
                file: display_path(file.strip_prefix(root).unwrap_or(file)),
                url: url.clone(),
                outcome: member(&agent, file, url, timeout),
            })
            .collect()
    }))
}

fn member(agent: &ureq::Agent, file: &Path, url: &str, timeout: Duration) -> Outcome {
    let saved = file.is_file();
    let kept = |reason: String| Outcome::Kept { reason, saved };
    let bytes = match download(agent, url, timeout) {
        Ok(bytes) => bytes,
        Err(reason) => return kept(reason),
    };
    let relics = match super::members::check(&bytes) {
        Ok(relics) => relics,
        Err(reason) => return kept(crate::text!("fetch-not-data", reason = reason).to_string()),
    };
    if std::fs::read(file).is_ok_and(|old| old == bytes) {
        return Outcome::Unchanged { relics };
    }
    match replace(file, &bytes) {
        Ok(()) => Outcome::Updated {
            relics,
            bytes: bytes.len(),
        },
        Err(err) => kept(
            crate::text!(
                "fetch-cannot-save",
                file = display_path(file),
                reason = err.to_string()
            )
            .to_string(),
        ),
    }
}

/// The body of a 200 answer to GET `url`, or why there is none, in the officer's words.
fn download(agent: &ureq::Agent, url: &str, timeout: Duration) -> Result<Vec<u8>, String> {
    let failed = |err: ureq::Error| match err {
        ureq::Error::Timeout(_) => {
            crate::text!("fetch-timeout", seconds = timeout.as_secs_f64().to_string()).to_string()
        }
        ureq::Error::Io(io) if io.kind() == std::io::ErrorKind::ConnectionRefused => {
            crate::text!("fetch-refused").to_string()
        }
        ureq::Error::ConnectionFailed => crate::text!("fetch-refused").to_string(),
        ureq::Error::HostNotFound => crate::text!("fetch-no-host").to_string(),
        ureq::Error::BodyExceedsLimit(_) => crate::text!("fetch-too-large").to_string(),
        other => crate::text!("fetch-failed", reason = other.to_string()).to_string(),
    };
    let mut response = agent.get(url).call().map_err(failed)?;
    let status = response.status();
    if status != 200 {
        return Err(crate::text!(
            "fetch-status",
            status = format!(
                "{} {}",
                status.as_u16(),
                status.canonical_reason().unwrap_or_default()
            )
        )
        .to_string());
    }
    response
        .body_mut()
        .with_config()
        .limit(LIMIT)
        .read_to_vec()
        .map_err(failed)
}

/// Renames a finished copy over `file`, so the saved data is the old or the new, never half.
fn replace(file: &Path, bytes: &[u8]) -> std::io::Result<()> {
    if let Some(dir) = file.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let name = file.file_name().unwrap_or_default().to_string_lossy();
    let partial = file.with_file_name(format!(".{name}.partial"));
    crate::write::durably(&partial, bytes, file)
}
