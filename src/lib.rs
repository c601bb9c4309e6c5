//! ditich builds a heritage guide: one Markdown file per relic in, a static bilingual site with
//! QR landing pages and open data out.
//!
//! The data makes one trip: [`load`] reads the project, [`model`] validates it into a
//! [`model::Site`], [`render`] turns that into files in memory and [`write`] swaps them into the
//! output folder whole. Every stage reports problems as [`diagnostic::Diagnostic`]s; the
//! library prints nothing.

pub mod config;
pub mod diagnostic;
#[doc(hidden)]
pub mod fuzzing;
pub mod html;
pub mod ledger;
pub mod load;
pub mod markdown;
pub mod model;
pub mod photos;
pub mod posters;
pub mod render;
pub mod slug;
pub mod stats;
pub mod urls;
pub mod write;

use std::path::{Path, PathBuf};

use anyhow::bail;

use diagnostic::{Diagnostic, Problems};

/// What a successful build made.
#[derive(Debug)]
pub struct Report {
    /// The relics' ids, in order.
    pub ids: Vec<String>,
    pub relics: usize,
    pub pages: usize,
    pub files: usize,
    pub warnings: Vec<Diagnostic>,
}

/// Loads and validates the project at `root`. Returns the site, or `None` when there were
/// errors, together with every problem found, sorted by file and position.
pub fn load_site(root: &Path) -> (Option<model::Site>, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    let site = load::project(root, &mut diagnostics)
        .map(|project| model::resolve(project, &mut diagnostics));
    diagnostic::sort(&mut diagnostics);
    let failed = diagnostics.iter().any(Diagnostic::is_error);
    (site.filter(|_| !failed), diagnostics)
}

/// Builds the project at `root` into `out`. On any problem in the project the error is
/// [`Problems`] and `out` is left as it was.
pub fn build(root: &Path, out: &Path) -> anyhow::Result<Report> {
    check_output_folder(root, out)?;
    let (site, mut diagnostics) = load_site(root);
    let files = site
        .as_ref()
        .and_then(|site| render::site(site, &mut diagnostics));
    let (Some(site), Some(files)) = (site, files) else {
        diagnostic::sort(&mut diagnostics);
        return Err(Problems(diagnostics).into());
    };
    write::publish(out, &files)?;
    diagnostic::sort(&mut diagnostics);
    Ok(Report {
        ids: site.relics.iter().map(|r| r.id.clone()).collect(),
        relics: site.relics.len(),
        pages: files.iter().filter(|f| f.path.ends_with(".html")).count(),
        files: files.len(),
        warnings: diagnostics,
    })
}

/// What `ditich posters` did: the build, and the codes it newly recorded as printed.
#[derive(Debug)]
pub struct PrintReport {
    pub build: Report,
    pub recorded: Vec<String>,
}

/// Builds the site with its print files, then records in `plaques.toml` the codes of `ids`
/// (every relic's when empty) as printed on `date`, so that later builds keep them working.
pub fn print(
    root: &Path,
    out: &Path,
    ids: &[String],
    date: model::Date,
) -> anyhow::Result<PrintReport> {
    let build = build(root, out)?;
    let config = config::load(root).map_err(Problems)?;
    let known: Vec<&str> = build.ids.iter().map(String::as_str).collect();
    let unknown: Vec<&str> = ids
        .iter()
        .map(String::as_str)
        .filter(|id| !known.contains(id))
        .collect();
    if !unknown.is_empty() {
        bail!(
            "no relic has the id {}; the ids are {}",
            unknown.join(", "),
            known.join(", ")
        );
    }
    let wanted: Vec<&str> = if ids.is_empty() {
        known
    } else {
        ids.iter().map(String::as_str).collect()
    };
    let recorded = ledger::record(root, &wanted, &config, date)?;
    Ok(PrintReport { build, recorded })
}

/// The output folder is replaced whole, so it must not hold the sources.
fn check_output_folder(root: &Path, out: &Path) -> anyhow::Result<()> {
    let absolute =
        |p: &Path| -> PathBuf { std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf()) };
    let (root, out) = (absolute(root), absolute(out));
    if root.starts_with(&out) || out.starts_with(root.join(load::SITES_DIR)) {
        bail!(
            "the output folder {} would replace the project's sources\n  = help: choose a folder outside sites/, e.g. --out output",
            out.display()
        );
    }
    Ok(())
}
