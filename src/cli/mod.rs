//! Command-line interface: one module per subcommand, each with its own `run`.
#![allow(clippy::print_stdout, clippy::print_stderr)]

mod build;
mod check;
mod fetch;
pub mod help;
mod new;
mod output;
mod publish;
mod rename;
mod retire;
mod serve;
mod stats;
mod studio;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use ditich::diagnostic::Problems;
use ditich::i18n::Language;
use ditich::text;

use output::Verbosity;

/// Builds a heritage guide from one Markdown file per relic: a bilingual static site, QR
/// landing pages that never break, print files for the plaques, and open data.
///
/// Run it in the project folder, the one holding site.toml and sites/.
#[derive(Debug, Parser)]
#[command(name = "ditich", version, about, long_about, after_help = EXAMPLES)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
    #[command(flatten)]
    verbosity: Verbosity,
}

const EXAMPLES: &str = "\
Examples:
  ditich new \"Đền Cả\"       start a relic's page in sites/den-ca/index.md
  ditich check              find mistakes without building
  ditich serve              look at the site at http://127.0.0.1:8000/ while editing
  ditich build              write the site into output/
  ditich posters DT08       make DT08's plaque and record it as printed
  ditich rename den-ca den-ca-moi
                            rename a relic's folder: its page moves, its plaque's code stays
  ditich retire den-ca --to DT02
                            take a relic off the site; its printed plaque opens DT02
  ditich publish            build, then send what changed to the web host

Exit status: 0 when all went well, 1 when the project has errors, 2 for a wrong command.";

#[derive(Debug, Subcommand)]
enum Command {
    /// Build the site into the output folder, replacing it only if the build succeeds.
    Build(build::BuildArgs),
    /// Start a new relic: a folder under sites/ with an index.md to fill in.
    New(new::NewArgs),
    /// Rename a relic's folder under sites/, and with it the address of its page.
    ///
    /// Its id and the address in its QR code do not change. plaques.toml and the links of
    /// other relics' stories ([…](@/folder)) are changed to the new name.
    Rename(rename::RenameArgs),
    /// Take a relic off the site, keeping its folder, texts and photos in retired/.
    ///
    /// A relic whose plaque is printed needs --to, the relic its QR code opens from now on;
    /// plaques.toml records it, and links of other relics to it are sent there too.
    Retire(retire::RetireArgs),
    /// Check the project for every error and warning, without writing anything.
    Check(check::CheckArgs),
    /// Build the site with its print files, then record the printed codes in plaques.toml.
    ///
    /// Run this before taking plaques to the print shop, and commit plaques.toml: every later
    /// build checks that each printed code still opens a relic.
    Posters(build::PostersArgs),
    /// Serve the site on this computer and rebuild it whenever a file changes.
    ///
    /// Open the address it prints in a browser: the page reloads by itself after each saved
    /// edit, and shows what is wrong when the project has an error. Nothing is written to
    /// output/; print files are left out.
    Serve(serve::ServeArgs),
    /// Count QR scans per relic from web server access logs (nginx or Apache, .gz too).
    ///
    /// Prints scans and estimated distinct visitors per relic and month; --csv and --svg also
    /// write them for a report. No address is stored: visitors are told apart by a keyed hash
    /// whose key is made anew for each run.
    Stats(stats::StatsArgs),
    /// Download the saved members of a province's guide from the communes' sites.
    ///
    /// Each member with data = and url = in site.toml is downloaded and checked; a download
    /// that is not a commune's relics.json, or a site that is down or slow, leaves the saved
    /// copy as it was. Building never uses the network: fetch, then build.
    Fetch(fetch::FetchArgs),
    /// Build the site, then send what changed to the web host that site.toml's [publish] names.
    ///
    /// New photos and scripts go first, pages next, the service worker last, and only then
    /// are files that are gone deleted: visitors never meet a page whose photos are not there
    /// yet. A publish cut short goes on from where it stopped the next time. Passwords are
    /// never kept in site.toml: set DITICH_PUBLISH_PASSWORD (DITICH_PUBLISH_SECRET for S3),
    /// or type it when asked.
    Publish(publish::PublishArgs),
    /// Edit, check and preview the relics in a browser, on this computer only.
    ///
    /// Opens a form for every relic, in Vietnamese; each save is checked as ditich check does
    /// and written only when the project still builds. Comments and the keys the form did
    /// not change stay as they were in the file.
    Studio(studio::StudioArgs),
}

/// The project folder option every command shares.
#[derive(Debug, Args)]
pub struct Project {
    /// The project folder, the one holding site.toml [default: the current folder]
    #[arg(
        long,
        value_name = "DIR",
        default_value = ".",
        hide_default_value = true
    )]
    root: PathBuf,
}

/// The line a command prints while another ditich works in the same project.
pub fn waiting() -> String {
    text!("waiting").to_string()
}

impl Project {
    /// Refuses a province's guide, for a command that works on one commune's relics: the
    /// message says where to run it instead.
    fn commune(&self) -> anyhow::Result<()> {
        if ditich::config::is_guide(&self.root) {
            ditich::config::load(&self.root).map_err(Problems)?;
        }
        Ok(())
    }

    /// Takes the project's lock for a command that writes, saying so if it has to wait.
    fn lock(&self, verbosity: Verbosity) -> anyhow::Result<ditich::lock::ProjectLock> {
        ditich::lock::ProjectLock::acquire(&self.root, || {
            verbosity.status(format_args!("{}", waiting()));
        })
    }
}

impl Cli {
    pub fn run(self) -> anyhow::Result<ExitCode> {
        let verbosity = self.verbosity;
        match self.command {
            Command::Build(args) => args.run(verbosity),
            Command::Check(args) => args.run(verbosity),
            Command::Fetch(args) => args.run(verbosity),
            Command::New(args) => args.run(verbosity),
            Command::Posters(args) => args.run(verbosity),
            Command::Publish(args) => args.run(verbosity),
            Command::Rename(args) => args.run(verbosity),
            Command::Retire(args) => args.run(verbosity),
            Command::Serve(args) => args.run(verbosity),
            Command::Studio(args) => args.run(verbosity),
            Command::Stats(args) => args.run(verbosity),
        }
    }
}

/// The language to speak: the `messages` of the project the arguments name (`--root DIR`, or
/// the current folder), else the computer's.
pub fn language() -> Language {
    let mut args = std::env::args_os().skip(1);
    let mut root = PathBuf::from(".");
    while let Some(arg) = args.next() {
        if arg == "--root" {
            root = args.next().map(PathBuf::from).unwrap_or(root);
        } else if let Some(dir) = arg.to_str().and_then(|a| a.strip_prefix("--root=")) {
            root = PathBuf::from(dir);
        } else if arg == "--" {
            break;
        }
    }
    Language::choose(ditich::config::messages_language(&root))
}

/// Prints a failed command's error: every problem of the project, or the chain of causes.
pub fn print_error(err: &anyhow::Error) {
    let severity = ditich::diagnostic::Severity::Error;
    let (style, error) = (severity.style(), severity.label());
    if let Some(problems) = err.downcast_ref::<Problems>() {
        for d in &problems.0 {
            anstream::eprintln!("{d:#}\n");
        }
        let unchanged = text!("output-unchanged", problems = problems.to_string());
        anstream::eprintln!("{style}{error}:{style:#} {unchanged}");
    } else if let Some(change) = err.downcast_ref::<ditich::ChangeError>() {
        // Vietnamese first, for the officer; English under it.
        anstream::eprintln!(
            "{style}{error}:{style:#} {}
       {}",
            change.vietnamese(),
            change.english()
        );
    } else {
        anstream::eprintln!("{style}{error}:{style:#} {err:#}");
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
