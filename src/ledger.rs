//! `plaques.toml`: the ledger of codes already printed, kept like a lock file.
//!
//! Once a plaque is screwed to a gate its QR code must open a page for years. `ditich posters`
//! records every code it prints here; every build checks that each recorded code still leads
//! to a relic, directly or, for a retired code, through `redirect`.

use std::fmt::Write as _;
use std::path::Path;

use serde::Deserialize;
use toml::Spanned;
use toml::value::Datetime;

use crate::config::Config;
use crate::diagnostic::{Diagnostic, Location};
use crate::load::toml_error;
use crate::model::Date;
use crate::posters::qr;

pub const FILE_NAME: &str = "plaques.toml";

const HEADER: &str = "\
# Mã QR đã in trên biển và áp phích. `ditich posters` ghi thêm vào tệp này; hãy lưu (commit) nó.
# Codes printed on plaques and posters. `ditich posters` adds to this file; commit it.
#
# A code here must keep working. If its relic is removed or merged into another, keep the
# entry and add under it:
#   retired = true
#   redirect = \"DT02\"   # the relic its plaque now opens
";

/// The ledger as written.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawLedger {
    #[serde(default)]
    plaque: Vec<RawPlaque>,
}

/// One printed code.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPlaque {
    /// The printed code.
    id: Spanned<String>,
    /// What the QR code holds.
    url: String,
    /// When `ditich posters` first printed it.
    first_printed: Datetime,
    /// `true` once no relic has this id; then `redirect` names the relic it opens.
    #[serde(default)]
    retired: bool,
    redirect: Option<Spanned<String>>,
}

/// The ledger file as read, kept with its text for messages.
pub struct LedgerFile {
    source: String,
    raw: RawLedger,
}

/// A printed code that no relic has any more, and the relic its landing page opens instead.
#[derive(Debug, Clone)]
pub struct Retired {
    pub id: String,
    pub redirect: String,
}

impl LedgerFile {
    /// Every code ever printed, retired or not.
    pub fn ids(&self) -> impl Iterator<Item = String> + '_ {
        self.raw
            .plaque
            .iter()
            .map(|p| p.id.get_ref().trim().to_ascii_uppercase())
    }
}

/// Reads `root/plaques.toml`; `None` when nothing has been printed yet.
pub fn read(root: &Path) -> Result<Option<LedgerFile>, Diagnostic> {
    let file = Path::new(FILE_NAME);
    let bytes = match std::fs::read(root.join(file)) {
        Ok(bytes) => bytes,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(err) => {
            return Err(Diagnostic::error(format!("cannot read the file: {err}")).in_file(file));
        }
    };
    let source = crate::load::text::decode(file, &bytes)?;
    let raw = toml_error::parse(file, &source, 0, &source)?;
    Ok(Some(LedgerFile { source, raw }))
}

/// Checks that every printed code still leads somewhere. `ids` are the relics' ids.
pub fn check(
    ledger: &LedgerFile,
    ids: &[&str],
    config: &Config,
) -> (Vec<Retired>, Vec<Diagnostic>) {
    let file = Path::new(FILE_NAME);
    let at = |span: std::ops::Range<usize>| Location::of_span(&ledger.source, span);
    let mut retired = Vec::new();
    let mut problems = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for plaque in &ledger.raw.plaque {
        let id = plaque.id.get_ref().as_str();
        let error = |message: String| {
            Diagnostic::error(message)
                .in_file(file)
                .at(at(plaque.id.span()))
        };
        if !seen.insert(id) {
            problems.push(
                error(format!("plaque {id} is listed twice"))
                    .help("keep the entry with the earliest first_printed date"),
            );
            continue;
        }
        let exists = ids.contains(&id);
        match (exists, plaque.retired, &plaque.redirect) {
            (true, false, _) => {
                let now = qr::payload(config, id);
                if now != plaque.url {
                    problems.push(
                        Diagnostic::warning(format!("plaque {id} was printed with {} but this build's code holds {now}", plaque.url))
                            .in_file(file)
                            .at(at(plaque.id.span()))
                            .help("printed plaques reach this site only if the old address forwards to the new one; keep base_url as it was printed"),
                    );
                }
            }
            (true, true, _) => problems.push(
                error(format!("plaque {id} is marked retired, but relic {id} exists"))
                    .help("remove `retired` and `redirect` from this plaque, or give the relic a new id"),
            ),
            (false, false, _) => problems.push(
                error(format!("plaque {id}, printed on {}, has no relic any more: its QR code would open nothing", plaque.first_printed))
                    .help(format!("if the relic's id was changed, change it back to \"{id}\" in its index.md; if the relic was removed or merged, add `retired = true` and `redirect = \"<the id of the relic to show instead>\"` under this plaque")),
            ),
            (false, true, None) => problems.push(
                error(format!("retired plaque {id} does not say which relic it opens now"))
                    .help("add `redirect = \"<id>\"` under it, naming the relic its visitors should see"),
            ),
            (false, true, Some(target)) if !ids.contains(&target.get_ref().as_str()) => problems.push(
                Diagnostic::error(format!("retired plaque {id} redirects to {}, which is not a relic", target.get_ref()))
                    .in_file(file)
                    .at(at(target.span()))
                    .help("name the id of an existing relic"),
            ),
            (false, true, Some(target)) => retired.push(Retired { id: id.to_owned(), redirect: target.get_ref().clone() }),
        }
    }
    (retired, problems)
}

/// Appends the codes of `ids` that the ledger lacks, dated `date`, keeping the rest of the
/// file (and the officers' comments) as it is. Returns the ids it added.
pub fn record(
    root: &Path,
    ids: &[&str],
    config: &Config,
    date: Date,
) -> anyhow::Result<Vec<String>> {
    use anyhow::Context as _;
    let path = root.join(FILE_NAME);
    let existing = read(root).map_err(|d| anyhow::anyhow!("{d}"))?;
    let known: Vec<&str> = existing.as_ref().map_or_else(Vec::new, |l| {
        l.raw
            .plaque
            .iter()
            .map(|p| p.id.get_ref().as_str())
            .collect()
    });
    let mut text = existing
        .as_ref()
        .map_or_else(|| HEADER.to_owned(), |l| l.source.clone());
    let mut added = Vec::new();
    for id in ids.iter().filter(|id| !known.contains(id)) {
        if !text.ends_with("\n\n") {
            text.push('\n');
        }
        let _ = write!(
            text,
            "[[plaque]]\nid = \"{id}\"\nurl = \"{}\"\nfirst_printed = {date}\n",
            qr::payload(config, id)
        );
        added.push((*id).to_owned());
    }
    if !added.is_empty() {
        std::fs::write(&path, text).with_context(|| format!("cannot write {}", path.display()))?;
    }
    Ok(added)
}
