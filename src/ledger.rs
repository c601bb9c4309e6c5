//! `plaques.toml`: the ledger of codes already printed, kept like a lock file.
//!
//! Once a plaque is screwed to a gate its QR code must open a page for years. `ditich posters`
//! records every code it prints here; every build checks that each recorded code still leads
//! to a relic, directly or, for a retired code, through `redirect`.

use std::path::Path;

use serde::Deserialize;
use toml::Spanned;
use toml::value::Datetime;

use crate::config::Config;
use crate::diagnostic::{Diagnostic, Location, display_path};
use crate::load::toml_error;
use crate::model::Date;

pub const FILE_NAME: &str = "plaques.toml";

const HEADER: &str = "\
# Mã QR đã in trên biển và áp phích. `ditich posters` ghi thêm vào tệp này; hãy lưu (commit) nó.
# Codes printed on plaques and posters. `ditich posters` adds to this file; commit it.
#
# A code here must keep working, for the relic it was printed for (`folder`, `name`). If that
# relic's folder is renamed, change `folder` to match. If the relic is removed or merged into
# another, keep the entry and add under it:
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
    /// The folder of the relic it was printed for (`sites/den-ca`): a code that would open
    /// another relic than this one fails the build.
    folder: Option<String>,
    /// That relic's name when it was printed, to tell a moved folder from another relic.
    name: Option<String>,
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

/// A relic as the ledger sees it: the code it has now and the folder it lives in.
pub struct Holder<'a> {
    pub id: &'a str,
    /// As messages show it: `sites/den-ca`.
    pub folder: &'a str,
    /// Its name in the default language.
    pub name: &'a str,
    /// Its `index.md` and where that writes the id, for messages aimed at the relic.
    pub file: &'a Path,
    pub id_at: &'a Location,
}

impl LedgerFile {
    /// The folder that the plaque with code `id` was printed for, while it is not retired.
    pub fn printed_for(&self, id: &str) -> Option<&str> {
        self.raw
            .plaque
            .iter()
            .find(|p| p.id.get_ref() == id && !p.retired)
            .and_then(|p| p.folder.as_deref())
    }
}

/// Checks that every printed code still opens the relic it was printed for, or the one its
/// entry redirects to. `holders` are the project's relics; `taken` every code in use or
/// printed, to suggest a free one.
pub fn check(
    ledger: &LedgerFile,
    holders: &[Holder<'_>],
    taken: &[String],
    config: &Config,
) -> (Vec<Retired>, Vec<Diagnostic>) {
    let file = Path::new(FILE_NAME);
    let at = |span: std::ops::Range<usize>| Location::of_span(&ledger.source, span);
    let holder_of = |id: &str| holders.iter().find(|h| h.id == id);
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
        let printed_for = plaque
            .folder
            .as_deref()
            .and_then(|folder| holders.iter().find(|h| h.folder == folder));
        match (holder_of(id), plaque.retired, &plaque.redirect) {
            (Some(holder), false, _) => {
                let now = crate::urls::qr_payload(config, id);
                if now != plaque.url {
                    problems.push(
                        Diagnostic::warning(format!("plaque {id} was printed with {} but this build's code holds {now}", plaque.url))
                            .in_file(file)
                            .at(at(plaque.id.span()))
                            .help("printed plaques reach this site only if the old address forwards to the new one; keep base_url as it was printed"),
                    );
                }
                problems.extend(holds(plaque, holder, printed_for, taken, &at));
            }
            (Some(_), true, _) => problems.push(
                error(format!(
                    "plaque {id} is marked retired, but relic {id} exists"
                ))
                .help(
                    "remove `retired` and `redirect` from this plaque, or give the relic a new id",
                ),
            ),
            (None, false, _) => {
                let help = match printed_for {
                    Some(holder) => format!(
                        "the relic it was printed for, {}, now has the id {}: change that line back to id = \"{id}\" in {}",
                        holder.folder,
                        holder.id,
                        display_path(holder.file)
                    ),
                    None => format!(
                        "if the relic's id was changed, change it back to \"{id}\" in its index.md; if the relic was removed or merged, add `retired = true` and `redirect = \"<the id of the relic to show instead>\"` under this plaque"
                    ),
                };
                problems.push(
                    error(format!("plaque {id}, printed on {}, has no relic any more: its QR code would open nothing", plaque.first_printed))
                        .help(help),
                );
            }
            (None, true, None) => problems.push(
                error(format!(
                    "retired plaque {id} does not say which relic it opens now"
                ))
                .help(
                    "add `redirect = \"<id>\"` under it, naming the relic its visitors should see",
                ),
            ),
            (None, true, Some(target)) if holder_of(target.get_ref()).is_none() => problems.push(
                Diagnostic::error(format!(
                    "retired plaque {id} redirects to {}, which is not a relic",
                    target.get_ref()
                ))
                .in_file(file)
                .at(at(target.span()))
                .help("name the id of an existing relic"),
            ),
            (None, true, Some(target)) => retired.push(Retired {
                id: id.to_owned(),
                redirect: target.get_ref().clone(),
            }),
        }
    }
    (retired, problems)
}

/// Whether the relic that has a printed code now is the one it was printed for. A folder
/// may be renamed, so a relic in another folder under the printed name is taken for the
/// same one, with a warning to bring the ledger up to date; under another name it is not.
fn holds(
    plaque: &RawPlaque,
    holder: &Holder<'_>,
    printed_for: Option<&Holder<'_>>,
    taken: &[String],
    at: &dyn Fn(std::ops::Range<usize>) -> Location,
) -> Option<Diagnostic> {
    let id = plaque.id.get_ref();
    let file = Path::new(FILE_NAME);
    let Some(folder) = plaque.folder.as_deref() else {
        return Some(
            Diagnostic::warning(format!("plaque {id} does not record which relic it was printed for, so a build cannot tell if its code was given to another relic"))
                .in_file(file)
                .at(at(plaque.id.span()))
                .help(format!("if its plaque stands at {}, add these lines under it: folder = {} and name = {}", holder.name, toml_string(holder.folder), toml_string(holder.name))),
        );
    };
    if folder == holder.folder {
        return None;
    }
    let printed_name = plaque.name.as_deref().unwrap_or(folder);
    let fresh = crate::model::next_free_code(taken);
    let to_relic = |message: String| {
        Diagnostic::error(message)
            .in_file(holder.file)
            .at(holder.id_at.clone())
    };
    Some(match printed_for {
        Some(original) => to_relic(format!(
            "code {id} is printed on the plaque of {printed_name} ({folder}); given to this relic, it would send that plaque's visitors here"
        ))
        .help(format!(
            "give this relic a code of its own, id = \"{fresh}\", and give {} back id = \"{id}\"",
            display_path(original.file)
        )),
        None if plaque.name.as_deref() == Some(holder.name) => Diagnostic::warning(format!(
            "plaque {id} was printed for the folder {folder}, which is now {}",
            holder.folder
        ))
        .in_file(file)
        .at(at(plaque.id.span()))
        .help(format!(
            "write folder = {} under this plaque",
            toml_string(holder.folder)
        )),
        None => to_relic(format!(
            "code {id} is printed on the plaque of {printed_name} ({folder}, a folder that is gone); it would now open {}",
            holder.name
        ))
        .help(format!(
            "if this is the same relic, moved and renamed, write folder = {} and name = {} under plaque {id} in plaques.toml; if it is another relic, give it a code of its own, id = \"{fresh}\"",
            toml_string(holder.folder),
            toml_string(holder.name)
        )),
    })
}

fn toml_string(value: &str) -> String {
    toml::Value::String(value.to_owned()).to_string()
}

/// A relic being printed: its code, and what the ledger remembers it by.
#[derive(Debug, Clone)]
pub struct Printed {
    pub id: String,
    pub folder: String,
    pub name: String,
}

/// Records `relics` as printed on `date`: appends the codes the ledger lacks, and fills in the
/// folder and name of entries written before the ledger kept them, leaving the rest of the
/// file (and the officers' comments) as it is. Returns the ids it added.
pub fn record(
    root: &Path,
    relics: &[&Printed],
    config: &Config,
    date: Date,
) -> anyhow::Result<Vec<String>> {
    use anyhow::Context as _;
    let path = root.join(FILE_NAME);
    let existing = read(root).map_err(|d| anyhow::anyhow!("{d}"))?;
    let source = existing
        .as_ref()
        .map_or_else(|| HEADER.to_owned(), |l| l.source.clone());
    let mut document: toml_edit::DocumentMut = source
        .parse()
        .with_context(|| format!("cannot read {}", path.display()))?;
    let plaques = document
        .entry("plaque")
        .or_insert_with(|| toml_edit::ArrayOfTables::new().into())
        .as_array_of_tables_mut()
        .context("plaques.toml: `plaque` must be a list of [[plaque]] entries")?;
    let mut added = Vec::new();
    let mut changed = false;
    for relic in relics {
        let entry = plaques
            .iter_mut()
            .find(|p| p.get("id").and_then(|id| id.as_str()) == Some(relic.id.as_str()));
        match entry {
            Some(entry) if !entry.contains_key("folder") && !entry.contains_key("retired") => {
                entry["folder"] = toml_edit::value(&relic.folder);
                entry["name"] = toml_edit::value(&relic.name);
                changed = true;
            }
            Some(_) => {}
            None => {
                let mut entry = toml_edit::Table::new();
                entry["id"] = toml_edit::value(&relic.id);
                entry["url"] = toml_edit::value(crate::urls::qr_payload(config, &relic.id));
                entry["first_printed"] = toml_edit::value(
                    date.to_string()
                        .parse::<toml_edit::Datetime>()
                        .context("a calendar date")?,
                );
                entry["folder"] = toml_edit::value(&relic.folder);
                entry["name"] = toml_edit::value(&relic.name);
                plaques.push(entry);
                added.push(relic.id.clone());
            }
        }
    }
    if changed || !added.is_empty() {
        std::fs::write(&path, document.to_string())
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    Ok(added)
}
