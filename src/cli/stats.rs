//! `ditich stats`: QR scans per relic from the web server's access logs.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context as _, bail};
use clap::{Args, ValueEnum};
use ditich::diagnostic::display_path;
use ditich::stats::{self, By, Counter, VisitorKey, chart, report};
use ditich::text;

use super::output::Verbosity;

#[derive(Debug, Args)]
pub struct StatsArgs {
    /// Access logs of the web server serving the guide, in nginx's or Apache's common or
    /// combined format; gzip-compressed logs (access.log.2.gz) are read as they are
    #[arg(value_name = "LOG", required = true)]
    logs: Vec<PathBuf>,
    /// The project whose site.toml base_url and relic ids say which requests are scans
    #[command(flatten)]
    project: super::Project,
    /// Also write the counts as CSV to FILE: period,id,name,scans,visitors, one row per relic
    /// and period with scans
    #[arg(long, value_name = "FILE")]
    csv: Option<PathBuf>,
    /// Also write an SVG bar chart of each relic's scans to FILE
    #[arg(long, value_name = "FILE")]
    svg: Option<PathBuf>,
    /// Also keep the monthly counts per code in the project's stats/scans.csv, which the next
    /// build publishes as open data; the months these logs cover replace what it held for them
    #[arg(long)]
    publish: bool,
    /// The period of each row of the table and the CSV
    #[arg(long, value_enum, value_name = "PERIOD", default_value_t = Period::Month)]
    by: Period,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum Period {
    /// One row per relic and day
    Day,
    /// One row per relic and month
    Month,
}

impl StatsArgs {
    pub fn run(self, verbosity: Verbosity) -> anyhow::Result<ExitCode> {
        self.project.commune()?;
        let (catalogue, errors) = match stats::catalogue::load(&self.project.root) {
            Ok(loaded) => loaded,
            Err(problems) => {
                verbosity.diagnostics(&problems.0);
                bail!(
                    "{}",
                    text!("stats-config-first", problems = problems.to_string())
                );
            }
        };
        if !errors.is_empty() {
            let ids: Vec<&str> = catalogue.relics.iter().map(|r| r.id.as_str()).collect();
            let counted = match ids.as_slice() {
                [] => text!("stats-counting-none"),
                ids => text!("stats-counting", codes = ids.join(", ")),
            };
            let errors = text!(
                "stats-project-errors",
                count = errors.len(),
                counted = counted.to_string()
            );
            let severity = ditich::diagnostic::Severity::Warning;
            let (style, warning) = (severity.style(), severity.label());
            verbosity.status(format_args!("{style}{warning}:{style:#} {errors}\n"));
        }
        // A kept file with a mistake is refused before the logs are read: an hour of reading
        // must not end in nothing written.
        // Two runs that merge into one file at once would lose one's months.
        let _lock = self
            .publish
            .then(|| self.project.lock(verbosity))
            .transpose()?;
        let kept = if self.publish {
            let root = &self.project.root;
            match stats::published::read(root) {
                Ok(kept) => Some(kept.unwrap_or_default()),
                Err(problem) => {
                    verbosity.diagnostics(std::slice::from_ref(&problem));
                    bail!(
                        "{}",
                        text!("stats-publish-first", file = stats::published::FILE)
                    );
                }
            }
        } else {
            None
        };
        // Every log opened before any is read: a mistyped name fails at once, not after an
        // hour of reading the others.
        let logs = self
            .logs
            .iter()
            .map(|path| {
                let log = stats::read::open(path).with_context(|| {
                    text!("stats-cannot-read", log = path.display().to_string())
                })?;
                Ok((name(path), log))
            })
            .collect::<anyhow::Result<Vec<_>>>()?;

        let key = VisitorKey::random().with_context(|| text!("stats-no-key"))?;
        let mut counter = Counter::new(catalogue, key);
        for (name, log) in logs {
            counter.read(&name, log);
        }
        let stats = counter.finish();

        let by = match self.by {
            Period::Day => By::Day,
            Period::Month => By::Month,
        };
        print!("{}", report::table(&stats, by));
        if let Some(path) = &self.csv {
            write(path, &report::csv(&stats, by)?)?;
        }
        if let Some(path) = &self.svg {
            write(path, chart::svg(&stats).as_bytes())?;
        }
        if let Some(kept) = kept {
            let rows = stats::published::merge(kept, &stats);
            let file = stats::published::FILE;
            stats::published::save(&self.project.root, &rows)
                .with_context(|| text!("cannot-write", file = file))?;
            verbosity.status(format_args!(
                "{}\n",
                text!(
                    "stats-published",
                    rows = rows.len(),
                    file = file,
                    months = stats.months_read.len()
                )
            ));
        }
        verbosity.status(format_args!("{}", stats.summary));
        Ok(ExitCode::SUCCESS)
    }
}

/// A log's name in messages: as given, with `/` separators.
fn name(path: &Path) -> String {
    display_path(path)
}

fn write(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    std::fs::write(path, bytes)
        .with_context(|| text!("cannot-write", file = path.display().to_string()))
}
