//! `ditich check`: every problem a build would report, and what `--fix` can mend.

use std::process::ExitCode;

use clap::{Args, ValueEnum};
use serde::Serialize;

use super::Project;
use super::output::Verbosity;
use ditich::diagnostic::Diagnostic;
use ditich::text;

#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    project: Project,
    /// First rewrite the relics' texts to fix what needs no judgement: text saved in
    /// Windows-1258, letters stored decomposed (not NFC), text typed in the old TCVN3 (ABC)
    /// or VNI fonts
    #[arg(long)]
    fix: bool,
    /// Exit with status 1 on warnings too, not only on errors
    #[arg(long)]
    strict: bool,
    /// How to print the problems
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum Format {
    /// Like a compiler: file:line:column, the line, a caret under the mistake, a hint
    Human,
    /// One JSON document on standard output, for scripts and editors
    Json,
}

/// The JSON document of `--format json`.
#[derive(Serialize)]
struct JsonReport<'a> {
    relics: usize,
    errors: usize,
    warnings: usize,
    fixed: Vec<JsonFixed<'a>>,
    diagnostics: &'a [Diagnostic],
}

#[derive(Serialize)]
struct JsonFixed<'a> {
    file: &'a str,
    changes: &'a [String],
}

impl CheckArgs {
    pub fn run(self, verbosity: Verbosity) -> anyhow::Result<ExitCode> {
        let fixed = if self.fix {
            let _lock = self.project.lock(verbosity)?;
            ditich::fix::project(&self.project.root)?
        } else {
            Vec::new()
        };
        let report = ditich::check(&self.project.root);
        let errors = report.diagnostics.iter().filter(|d| d.is_error()).count();
        let warnings = report.diagnostics.len() - errors;
        let failed = errors > 0 || (self.strict && warnings > 0);
        match self.format {
            Format::Json => {
                let json = JsonReport {
                    relics: report.relics,
                    errors,
                    warnings,
                    fixed: fixed
                        .iter()
                        .map(|f| JsonFixed {
                            file: &f.file,
                            changes: &f.changes,
                        })
                        .collect(),
                    diagnostics: &report.diagnostics,
                };
                println!("{}", serde_json::to_string_pretty(&json)?);
            }
            Format::Human => {
                for f in &fixed {
                    let changes = f.changes.join("; ");
                    let fixed = text!("check-fixed", file = &f.file, changes = changes);
                    verbosity.status(format_args!("{fixed}"));
                }
                verbosity.diagnostics(&report.diagnostics);
                // The exit status is all a script needs, but an officer reads only this line:
                // with warnings alone it must say that they failed the check.
                let tally = tally(errors, warnings);
                let line = if failed && errors == 0 {
                    text!("checked-strict", relics = report.relics, tally = tally)
                } else {
                    text!("checked", relics = report.relics, tally = tally)
                };
                verbosity.status(format_args!("{line}"));
            }
        }
        Ok(if failed {
            ExitCode::FAILURE
        } else {
            ExitCode::SUCCESS
        })
    }
}

fn tally(errors: usize, warnings: usize) -> String {
    match (errors, warnings) {
        (0, 0) => text!("tally-none"),
        (0, w) => text!("tally-warnings", count = w),
        (e, 0) => text!("tally-errors", count = e),
        (e, w) => text!("tally-both", errors = e, warnings = w),
    }
    .to_string()
}
