//! Command-line interface: one struct per subcommand, each with its own `run`.
#![allow(clippy::print_stdout, clippy::print_stderr)]

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
        }
    }
}

impl BuildArgs {
    fn run(self) -> anyhow::Result<ExitCode> {
        let started = Instant::now();
        let out = self.out.unwrap_or_else(|| self.root.join("output"));
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
