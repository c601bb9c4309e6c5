//! ditich builds a heritage guide: one Markdown file per relic in, a static bilingual site with
//! QR landing pages and open data out.
//!
//! The data makes one trip: [`load`] reads the project, [`model`] validates it into a
//! [`model::Site`], [`render`] turns that into files, which [`write`] places in a staging
//! folder as each is made and swaps into the output folder whole. Every stage reports
//! problems as [`diagnostic::Diagnostic`]s; the library prints nothing.

pub mod cache;
pub mod config;
pub mod diagnostic;
pub mod fix;
#[cfg(feature = "test-support")]
#[doc(hidden)]
pub mod fuzzing;
pub mod guide;
pub mod hooks;
pub mod html;
pub mod i18n;
pub mod ledger;
pub mod legacy;
pub mod load;
pub mod lock;
pub mod manage;
pub mod markdown;
pub mod model;
pub mod output;
pub mod photos;
pub mod pipeline;
pub mod posters;
pub mod progress;
pub mod publish;
pub mod qr;
pub mod read;
pub mod render;
pub mod scaffold;
pub mod serve;
pub mod slug;
pub mod stats;
pub mod studio;
pub mod theme;
pub mod urls;
pub mod write;

use std::path::{Path, PathBuf};

use anyhow::bail;

pub use manage::{ChangeError, rename_relic, retire_relic};

use diagnostic::{Diagnostic, Problems};

/// What a successful build made.
#[derive(Debug)]
pub struct Report {
    /// The relics, in the order of their ids, as a plaque would record them.
    pub printed: Vec<ledger::Printed>,
    pub relics: usize,
    pub pages: usize,
    /// Posters and plaques, in every format.
    pub print_files: usize,
    pub files: usize,
    pub warnings: Vec<Diagnostic>,
    /// The relics left out as drafts, by file (`sites/den-ca/index.md`) and id.
    pub drafts: Vec<(String, Option<String>)>,
}

/// Loads and validates the project at `root`, writing nothing. Returns the site, or `None`
/// when there were errors, together with every problem found, sorted by file and position.
pub fn load_site(root: &Path) -> (Option<model::Site>, Vec<Diagnostic>) {
    load_site_with(root, &model::RelicCache::reading(root), &[])
}

fn load_site_with(
    root: &Path,
    cache: &model::RelicCache,
    unsaved: &[(PathBuf, Vec<u8>)],
) -> (Option<model::Site>, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    let site = load::project(root, &mut diagnostics).map(|mut project| {
        project.take_unsaved(unsaved);
        model::resolve(project, cache, &mut diagnostics)
    });
    diagnostic::sort(&mut diagnostics);
    let failed = diagnostics.iter().any(Diagnostic::is_error);
    (site.filter(|_| !failed), diagnostics)
}

/// How a build runs.
pub struct Options<'a> {
    /// Make the posters and plaques that `site.toml` asks for. Previews leave them out: they
    /// cost more than every page together and nobody reads them on screen.
    pub print_files: bool,
    /// Resize the photos (or take them from the cache). `check` needs only their sizes.
    pub photos: bool,
    pub progress: &'a dyn progress::Progress,
    /// Relic texts to take instead of what is on disk, by project-relative path (see
    /// [`load::Project::take_unsaved`]): the studio's check and preview of a text not saved
    /// yet.
    pub unsaved: &'a [(PathBuf, Vec<u8>)],
}

impl Default for Options<'_> {
    fn default() -> Self {
        Options {
            print_files: true,
            photos: true,
            progress: &progress::Silent,
            unsaved: &[],
        }
    }
}

/// What `check` found.
#[derive(Debug)]
pub struct CheckReport {
    /// Relics that loaded, with or without problems.
    pub relics: usize,
    /// Errors and warnings, sorted by file and position.
    pub diagnostics: Vec<Diagnostic>,
}

/// Loads, validates and renders the project at `root` without writing anything, as `build`
/// would, and reports every problem found.
pub fn check(root: &Path) -> CheckReport {
    check_with(root, &[])
}

/// [`check`], with relic texts not saved yet in place of what is on disk (see
/// [`Options::unsaved`]): what a save would find before anything is written.
pub fn check_unsaved(root: &Path, unsaved: &[(PathBuf, Vec<u8>)]) -> CheckReport {
    check_with(root, unsaved)
}

fn check_with(root: &Path, unsaved: &[(PathBuf, Vec<u8>)]) -> CheckReport {
    if config::is_guide(root) {
        return check_guide(root);
    }
    let options = Options {
        print_files: false,
        photos: false,
        unsaved,
        ..Options::default()
    };
    let mut diagnostics = Vec::new();
    let mut project = load::project(root, &mut diagnostics);
    let relics = project.as_ref().map_or(0, |p| p.relics.len());
    if let Some(project) = &mut project {
        project.take_unsaved(unsaved);
    }
    if let Some(project) = project {
        let cache = model::RelicCache::reading(root);
        let mut site = model::resolve(project, &cache, &mut diagnostics);
        // A build gives one warning per draft; a check shows what is wrong with each, as
        // warnings, so that it can be fixed before it is published.
        diagnostics.extend(site.drafts.iter().flat_map(|d| d.problems.iter().cloned()));
        if !diagnostics.iter().any(Diagnostic::is_error) {
            prepare(&mut site, &options);
            // Rendering to nothing fails only through the project's own problems.
            let _ = pipeline::run(&site, &output::Discard, &mut diagnostics, &options);
        }
    }
    diagnostic::sort(&mut diagnostics);
    CheckReport {
        relics,
        diagnostics,
    }
}

/// [`check`] of a province's guide: its members read, and every page made.
fn check_guide(root: &Path) -> CheckReport {
    let (relics, mut diagnostics) = match guide::load(root) {
        Ok(site) => {
            let relics = site.communes.iter().map(|c| c.relics.len()).sum();
            match guide::render(&site, &output::Discard) {
                Ok(Ok(())) => (relics, Vec::new()),
                Ok(Err(problems)) => (relics, problems),
                Err(err) => (relics, vec![Diagnostic::error(err.to_string())]),
            }
        }
        Err(problems) => (0, problems),
    };
    diagnostic::sort(&mut diagnostics);
    CheckReport {
        relics,
        diagnostics,
    }
}

/// Builds the project at `root` into `out`. On any problem in the project the error is
/// [`Problems`] and `out` is left as it was.
pub fn build(root: &Path, out: &Path, options: &Options) -> anyhow::Result<Report> {
    stage(root, out, options)?.publish(options.progress)
}

/// A build made in its staging folder beside the output, not yet published: the output is
/// as it was until [`Staged::publish`].
pub struct Staged {
    staging: write::Staging,
    relics: usize,
    printed: Vec<ledger::Printed>,
    warnings: Vec<Diagnostic>,
    drafts: Vec<(String, Option<String>)>,
}

/// Builds the project at `root` into the staging folder of `out`, as [`build`] does, without
/// publishing it.
pub fn stage(root: &Path, out: &Path, options: &Options) -> anyhow::Result<Staged> {
    check_output_folder(root, out)?;
    if config::is_guide(root) {
        return stage_guide(root, out);
    }
    options.progress.stage("reading", 1);
    let (site, mut diagnostics) =
        load_site_with(root, &model::RelicCache::writing(root), options.unsaved);
    let Some(mut site) = site else {
        return Err(Problems(diagnostics).into());
    };
    prepare(&mut site, options);
    let staging = write::Staging::open(out)?;
    match pipeline::run(&site, &staging, &mut diagnostics, options) {
        Ok(true) => {}
        outcome => {
            staging.abandon();
            outcome?;
            diagnostic::sort(&mut diagnostics);
            return Err(Problems(diagnostics).into());
        }
    }
    diagnostic::sort(&mut diagnostics);
    Ok(Staged {
        staging,
        relics: site.relics.len(),
        printed: site
            .relics
            .iter()
            .map(|r| ledger::Printed {
                id: r.id.clone(),
                folder: r.folder(),
                name: r.texts[0].name.clone(),
            })
            .collect(),
        warnings: diagnostics,
        drafts: site
            .drafts
            .iter()
            .map(|d| (diagnostic::display_path(&d.file), d.id.clone()))
            .collect(),
    })
}

/// A province's guide, built from its members' data into the staging folder of `out`.
fn stage_guide(root: &Path, out: &Path) -> anyhow::Result<Staged> {
    let site = guide::load(root).map_err(Problems)?;
    let staging = write::Staging::open(out)?;
    match guide::render(&site, &staging) {
        Ok(Ok(())) => {}
        Ok(Err(problems)) => {
            staging.abandon();
            return Err(Problems(problems).into());
        }
        Err(err) => {
            staging.abandon();
            return Err(err);
        }
    }
    Ok(Staged {
        staging,
        relics: site.communes.iter().map(|c| c.relics.len()).sum(),
        printed: Vec::new(),
        warnings: Vec::new(),
        drafts: Vec::new(),
    })
}

impl Staged {
    /// Swaps the new site in for the output.
    pub fn publish(self, progress: &dyn progress::Progress) -> anyhow::Result<Report> {
        hooks::pause("staged");
        let files = self.staging.publish(progress)?;
        Ok(Report {
            relics: self.relics,
            printed: self.printed,
            pages: files.iter().filter(|f| f.ends_with(".html")).count(),
            print_files: files
                .iter()
                .filter(|f| f.starts_with("posters/") && !f.ends_with(".html"))
                .count(),
            files: files.len(),
            warnings: self.warnings,
            drafts: self.drafts,
        })
    }
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
    options: &Options,
) -> anyhow::Result<PrintReport> {
    let options = Options {
        print_files: true,
        ..*options
    };
    let build = build(root, out, &options)?;
    let config = config::load(root).map_err(Problems)?;
    let unknown: Vec<&str> = ids
        .iter()
        .map(String::as_str)
        .filter(|id| !build.printed.iter().any(|p| p.id == *id))
        .collect();
    let drafts: Vec<String> = unknown
        .iter()
        .filter_map(|id| {
            let (file, _) = build
                .drafts
                .iter()
                .find(|(_, d)| d.as_deref() == Some(id))?;
            Some(format!("{id} ({file})"))
        })
        .collect();
    if !drafts.is_empty() {
        bail!(
            "{}",
            crate::text!("posters-draft-ids", codes = drafts.join(", "))
        );
    }
    if !unknown.is_empty() {
        let known: Vec<&str> = build.printed.iter().map(|p| p.id.as_str()).collect();
        bail!(
            "{}",
            crate::text!(
                "posters-unknown-ids",
                codes = unknown.join(", "),
                known = known.join(", ")
            )
        );
    }
    let wanted: Vec<&ledger::Printed> = build
        .printed
        .iter()
        .filter(|p| ids.is_empty() || ids.contains(&p.id))
        .collect();
    let recorded = ledger::record(root, &wanted, &config, date)?;
    Ok(PrintReport { build, recorded })
}

/// The data behind a lock that another worker panicked holding: the lists locked here are
/// never left half-changed, and the panic itself stops the build.
pub(crate) fn lock<T>(mutex: &std::sync::Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|e| e.into_inner())
}

fn prepare(site: &mut model::Site, options: &Options) {
    if !options.print_files {
        site.config.posters.sizes.clear();
    }
}

/// The output folder is replaced whole, so it must not hold the sources.
fn check_output_folder(root: &Path, out: &Path) -> anyhow::Result<()> {
    let absolute =
        |p: &Path| -> PathBuf { std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf()) };
    let (root, out) = (absolute(root), absolute(out));
    if root.starts_with(&out) || out.starts_with(root.join(load::SITES_DIR)) {
        let out = out.display().to_string();
        bail!("{}", crate::text!("output-over-sources", folder = out));
    }
    Ok(())
}

#[cfg(test)]
pub(crate) mod tests {
    use std::path::Path;

    /// A copy of the test fixture `two-relics`.
    pub(crate) fn two_relics() -> tempfile::TempDir {
        let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/two-relics");
        let dir = tempfile::tempdir().unwrap();
        for entry in walkdir::WalkDir::new(&from) {
            let entry = entry.unwrap();
            let to = dir.path().join(entry.path().strip_prefix(&from).unwrap());
            if entry.file_type().is_dir() {
                std::fs::create_dir_all(&to).unwrap();
            } else {
                std::fs::copy(entry.path(), &to).unwrap();
            }
        }
        dir
    }

    #[test]
    fn a_draft_checked_before_it_is_saved_has_warnings_not_errors() {
        let dir = two_relics();
        let file = Path::new("sites/chua-b/index.md");
        let text = std::fs::read_to_string(dir.path().join(file))
            .unwrap()
            .replace("rank = \"provincial\"", "draft = true\nrank = \"quoc gia\"");
        let report = super::check_unsaved(
            dir.path(),
            &[(file.to_path_buf(), text.clone().into_bytes())],
        );
        // Đền A links to it, and a published page cannot link to a draft.
        let errors: Vec<_> = report.diagnostics.iter().filter(|d| d.is_error()).collect();
        assert!(!errors.is_empty());
        assert!(
            errors.iter().all(|d| d.message.contains("is a draft")),
            "{errors:?}"
        );

        for relic in ["sites/den-a/index.md", "sites/den-a/index.en.md"] {
            let path = dir.path().join(relic);
            let story = std::fs::read_to_string(&path).unwrap();
            let unlinked = story.replace("(@/chua-b)", "(#top)");
            std::fs::write(&path, unlinked).unwrap();
        }
        let report = super::check_unsaved(dir.path(), &[(file.to_path_buf(), text.into_bytes())]);
        assert!(
            !report.diagnostics.iter().any(|d| d.is_error()),
            "{:?}",
            report.diagnostics
        );
        let mine: Vec<&str> = report
            .diagnostics
            .iter()
            .filter(|d| d.file.as_deref() == Some("sites/chua-b/index.md"))
            .map(|d| d.message.as_str())
            .collect();
        assert!(mine.iter().any(|m| m.contains("is a draft")), "{mine:?}");
        assert!(mine.iter().any(|m| m.contains("quoc gia")), "{mine:?}");
        // Nothing was written.
        assert!(
            !std::fs::read_to_string(dir.path().join(file))
                .unwrap()
                .contains("draft")
        );
    }
}
