//! `ditich posters` records the codes it prints in `plaques.toml`, keeping the officers' own
//! lines and comments as they are.

use std::path::Path;

use crate::config::Config;
use crate::load::ledger::{FILE_NAME, read};
use crate::model::Date;

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
        .with_context(|| crate::text!("cannot-read", file = path.display().to_string()))?;
    let plaques = document
        .entry("plaque")
        .or_insert_with(|| toml_edit::ArrayOfTables::new().into())
        .as_array_of_tables_mut()
        .with_context(|| crate::text!("ledger-not-list"))?;
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
            .with_context(|| crate::text!("cannot-write", file = path.display().to_string()))?;
    }
    Ok(added)
}
