//! A province's or district's guide, built from its member communes' published data: one home
//! with every relic on a map and a search that works offline, one page per commune, and the
//! open data of all of them with a catalogue that points to each commune's own.
//!
//! The communes stay the canonical source: every card links to the commune's relic page and
//! QR landing, and the guide republishes only what the communes published. Building reads the
//! members from disk and never the network; `ditich fetch` refreshes saved members.
//!
//! load ([`members`]) → model ([`GuideSite`]) → render ([`pages`], [`search`], [`data`]) →
//! write (the build's staging folder, as for a commune).

pub mod data;
pub mod fetch;
pub mod members;
pub mod pages;
pub mod search;

use std::path::{Path, PathBuf};

use crate::config::members::Guide;
use crate::diagnostic::Diagnostic;
use crate::load::theme::Theme;
use crate::output::{OutputFile, Sink};

pub use members::Commune;

/// A guide with its communes read.
pub struct GuideSite {
    pub root: PathBuf,
    pub guide: Guide,
    pub theme: Theme,
    /// In the order `site.toml` lists them.
    pub communes: Vec<Commune>,
}

/// Reads the guide at `root` and every member's data, or every problem found.
pub fn load(root: &Path) -> Result<GuideSite, Vec<Diagnostic>> {
    let guide = crate::config::members::load(root)?;
    let mut problems = Vec::new();
    let theme = crate::load::theme::load(root, &mut problems);
    let communes = members::load(root, &guide).unwrap_or_else(|more| {
        problems.extend(more);
        Vec::new()
    });
    if problems.iter().any(Diagnostic::is_error) {
        return Err(problems);
    }
    Ok(GuideSite {
        root: root.to_path_buf(),
        guide,
        theme,
        communes,
    })
}

/// Makes every file of the guide and hands it to `sink`, one kind after another, so that
/// only one kind is in memory at a time.
pub fn render(site: &GuideSite, sink: &dyn Sink) -> anyhow::Result<Result<(), Vec<Diagnostic>>> {
    let pages = match pages::pages(site) {
        Ok(pages) => pages,
        Err(problems) => return Ok(Err(problems)),
    };
    let put = |files: Vec<(String, Vec<u8>)>| -> anyhow::Result<()> {
        for (path, bytes) in files {
            sink.put(OutputFile::bytes(path, bytes))?;
        }
        Ok(())
    };
    put(pages)?;
    put(search::files(&site.communes))?;
    put(data::files(site))?;
    put(site
        .theme
        .static_files
        .iter()
        .map(|(name, bytes)| (format!("assets/{name}"), bytes.clone()))
        .collect())?;
    Ok(Ok(()))
}
