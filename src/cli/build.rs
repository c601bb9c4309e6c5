//! `ditich build` and `ditich posters`.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use clap::Args;

use super::Project;
use super::output::Verbosity;

#[derive(Debug, Args)]
pub struct BuildArgs {
    #[command(flatten)]
    project: Project,
    /// Where to write the site [default: output/ in the project folder]
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct PostersArgs {
    /// The codes being printed, e.g. DT01 DT04 [default: every relic's]
    #[arg(value_name = "ID")]
    ids: Vec<String>,
    #[command(flatten)]
    build: BuildArgs,
}

impl BuildArgs {
    pub fn run(self, verbosity: Verbosity) -> anyhow::Result<ExitCode> {
        let _lock = self.project.lock(verbosity)?;
        let started = Instant::now();
        let out = self.out();
        let stages = verbosity.progress();
        let options = ditich::Options {
            progress: &stages,
            ..ditich::Options::default()
        };
        let report = ditich::build(&self.project.root, &out, &options);
        stages.finish();
        let report = report?;
        verbosity.diagnostics(&report.warnings);
        verbosity.status(format_args!(
            "{} in {} ({:.2} s)",
            summary(&report),
            out.strip_prefix(".").unwrap_or(&out).display(),
            started.elapsed().as_secs_f64()
        ));
        Ok(ExitCode::SUCCESS)
    }

    fn out(&self) -> PathBuf {
        self.out
            .clone()
            .unwrap_or_else(|| self.project.root.join("output"))
    }
}

/// "built 7 relics: 23 pages and 21 print files, 2 warnings"
pub fn summary(report: &ditich::Report) -> String {
    let mut line = format!("built {} relics: {} pages", report.relics, report.pages);
    if report.print_files > 0 {
        line += &format!(" and {} print files", report.print_files);
    }
    match report.warnings.len() {
        0 => {}
        1 => line += ", 1 warning",
        n => line += &format!(", {n} warnings"),
    }
    line
}

impl PostersArgs {
    pub fn run(self, verbosity: Verbosity) -> anyhow::Result<ExitCode> {
        let _lock = self.build.project.lock(verbosity)?;
        let out = self.build.out();
        let ids: Vec<String> = self
            .ids
            .iter()
            .map(|id| id.trim().to_ascii_uppercase())
            .collect();
        let stages = verbosity.progress();
        let options = ditich::Options {
            progress: &stages,
            ..ditich::Options::default()
        };
        let report = ditich::print(
            &self.build.project.root,
            &out,
            &ids,
            ditich::model::Date::today()?,
            &options,
        );
        stages.finish();
        let report = report?;
        verbosity.diagnostics(&report.build.warnings);
        verbosity.status(format_args!("{}", summary(&report.build)));
        match report.recorded.as_slice() {
            [] => verbosity.status(format_args!("every code was already in plaques.toml")),
            added => verbosity.status(format_args!(
                "recorded {} in plaques.toml: commit it with the print files",
                added.join(", ")
            )),
        }
        verbosity.status(format_args!(
            "print files: {}",
            out.join("posters").display()
        ));
        Ok(ExitCode::SUCCESS)
    }
}
