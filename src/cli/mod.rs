//! Command-line interface: one struct per subcommand, each with its own `run`.
#![allow(clippy::print_stdout, clippy::print_stderr)]

mod stats;

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use clap::{Args, Parser, Subcommand};
use ditich::diagnostic::{Diagnostic, Problems};

/// Builds a heritage guide from one Markdown file per relic: a bilingual static site, QR
/// landing pages that never break, and open data.
#[derive(Debug, Parser)]
#[command(name = "ditich", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Build the site into the output folder, replacing it only if the build succeeds.
    Build(BuildArgs),
    /// Build the site with its print files, then record the printed codes in plaques.toml.
    ///
    /// Run this before taking plaques to the print shop, and commit plaques.toml: every later
    /// build checks that each printed code still opens a relic.
    Posters(PostersArgs),
    /// Count QR scans per relic from web server access logs (nginx or Apache, .gz too).
    ///
    /// Prints scans and estimated distinct visitors per relic and month; --csv and --svg also
    /// write them for a report. No address is stored: visitors are told apart by a keyed hash
    /// whose key is made anew for each run.
    Stats(stats::StatsArgs),
}

#[derive(Debug, Args)]
struct PostersArgs {
    /// The codes being printed, e.g. DT01 DT04 [default: every relic's]
    #[arg(value_name = "ID")]
    ids: Vec<String>,
    #[command(flatten)]
    build: BuildArgs,
}

#[derive(Debug, Args)]
struct BuildArgs {
    /// The project folder, the one holding site.toml [default: the current folder]
    #[arg(
        long,
        value_name = "DIR",
        default_value = ".",
        hide_default_value = true
    )]
    root: PathBuf,
    /// Where to write the site [default: output/ in the project folder]
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
}

impl Cli {
    pub fn run(self) -> anyhow::Result<ExitCode> {
        match self.command {
            Command::Build(args) => args.run(),
            Command::Posters(args) => args.run(),
            Command::Stats(args) => args.run(),
        }
    }
}

impl BuildArgs {
    fn run(self) -> anyhow::Result<ExitCode> {
        let started = Instant::now();
        let out = self.out();
        let report = ditich::build(&self.root, &out)?;
        print_diagnostics(&report.warnings);
        eprintln!(
            "built {} relics: {} pages, {} files in {} ({:.2} s)",
            report.relics,
            report.pages,
            report.files,
            out.display(),
            started.elapsed().as_secs_f64()
        );
        Ok(ExitCode::SUCCESS)
    }
}

impl BuildArgs {
    fn out(&self) -> PathBuf {
        self.out.clone().unwrap_or_else(|| self.root.join("output"))
    }
}

impl PostersArgs {
    fn run(self) -> anyhow::Result<ExitCode> {
        let out = self.build.out();
        let ids: Vec<String> = self
            .ids
            .iter()
            .map(|id| id.trim().to_ascii_uppercase())
            .collect();
        let report = ditich::print(&self.build.root, &out, &ids, today()?)?;
        print_diagnostics(&report.build.warnings);
        match report.recorded.as_slice() {
            [] => eprintln!("every code was already in plaques.toml"),
            added => eprintln!(
                "recorded {} in plaques.toml: commit it with the print files",
                added.join(", ")
            ),
        }
        eprintln!("print files: {}", out.join("posters").display());
        Ok(ExitCode::SUCCESS)
    }
}

/// Today's date where ditich runs, or the date of `SOURCE_DATE_EPOCH` when it is set, as for
/// reproducible builds.
fn today() -> anyhow::Result<ditich::model::Date> {
    let date = match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(seconds) => jiff::Timestamp::from_second(seconds.trim().parse()?)?
            .to_zoned_datetime(jiff::tz::TimeZone::UTC)
            .date(),
        Err(_) => jiff::ZonedDateTime::now().date(),
    };
    Ok(ditich::model::Date {
        year: u16::try_from(date.year())?,
        month: u8::try_from(date.month())?,
        day: u8::try_from(date.day())?,
    })
}

fn print_diagnostics(diagnostics: &[Diagnostic]) {
    for d in diagnostics {
        eprintln!("{d}\n");
    }
}

/// Prints a failed command's error: every problem of the project, or the chain of causes.
pub fn print_error(err: &anyhow::Error) {
    if let Some(problems) = err.downcast_ref::<Problems>() {
        print_diagnostics(&problems.0);
        eprintln!("error: {problems}; the output folder was not changed");
    } else {
        eprintln!("error: {err:#}");
    }
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory as _;

    #[test]
    fn the_command_line_is_well_formed() {
        super::Cli::command().debug_assert();
    }
}
