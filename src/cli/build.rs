//! `ditich build` and `ditich posters`.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use clap::Args;
use ditich::text;

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
        let line = text!(
            "built-into",
            summary = summary(&report),
            folder = out.strip_prefix(".").unwrap_or(&out).display().to_string(),
            seconds = format!("{:.2}", started.elapsed().as_secs_f64())
        );
        verbosity.status(format_args!("{line}"));
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
    let mut line = text!("built", relics = report.relics, pages = report.pages).to_string();
    if report.print_files > 0 {
        line += &text!("built-print-files", count = report.print_files).to_string();
    }
    if !report.warnings.is_empty() {
        line += &text!("built-warnings", count = report.warnings.len()).to_string();
    }
    line
}

impl PostersArgs {
    pub fn run(self, verbosity: Verbosity) -> anyhow::Result<ExitCode> {
        self.build.project.commune()?;
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
            [] => verbosity.status(format_args!("{}", text!("posters-none-new"))),
            added => verbosity.status(format_args!(
                "{}",
                text!("posters-recorded", codes = added.join(", "))
            )),
        }
        let folder = out.join("posters").display().to_string();
        verbosity.status(format_args!("{}", text!("posters-folder", folder = folder)));
        Ok(ExitCode::SUCCESS)
    }
}
