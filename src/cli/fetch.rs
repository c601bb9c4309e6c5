//! `ditich fetch`: refresh a province's guide's saved members from the communes' sites.

use std::process::ExitCode;
use std::time::Duration;

use clap::Args;
use ditich::diagnostic::Problems;
use ditich::guide::fetch::{self, Outcome};
use ditich::text;

use super::Project;
use super::output::Verbosity;

#[derive(Debug, Args)]
pub struct FetchArgs {
    #[command(flatten)]
    project: Project,
    /// Give up on a commune's server after this many seconds, keeping its saved copy
    #[arg(long, value_name = "SECONDS", default_value_t = 30.0)]
    timeout: f64,
}

impl FetchArgs {
    pub fn run(self, verbosity: Verbosity) -> anyhow::Result<ExitCode> {
        let _lock = self.project.lock(verbosity)?;
        let timeout = Duration::try_from_secs_f64(self.timeout)
            .ok()
            .filter(|t| !t.is_zero())
            .ok_or_else(|| anyhow::anyhow!("{}", text!("fetch-timeout-wrong")))?;
        let fetched = fetch::fetch(&self.project.root, timeout).map_err(Problems)?;
        if fetched.is_empty() {
            verbosity.status(format_args!("{}\n", text!("fetch-nothing")));
            return Ok(ExitCode::SUCCESS);
        }
        let mut failed = 0;
        for member in &fetched {
            let file = member.file.as_str();
            let line = match &member.outcome {
                Outcome::Updated { relics, bytes } => text!(
                    "fetch-updated",
                    file = file,
                    relics = *relics,
                    kilobytes = bytes.div_ceil(1024)
                ),
                Outcome::Unchanged { relics } => {
                    text!("fetch-unchanged", file = file, relics = *relics)
                }
                Outcome::Kept { reason, saved } => {
                    failed += 1;
                    let kept = if *saved {
                        text!(
                            "fetch-kept",
                            file = file,
                            url = member.url.as_str(),
                            reason = reason.as_str()
                        )
                    } else {
                        text!(
                            "fetch-none-kept",
                            file = file,
                            url = member.url.as_str(),
                            reason = reason.as_str()
                        )
                    };
                    let severity = ditich::diagnostic::Severity::Warning;
                    let (style, label) = (severity.style(), severity.label());
                    verbosity.status(format_args!("{style}{label}:{style:#} {kept}\n"));
                    continue;
                }
            };
            verbosity.status(format_args!("{line}\n"));
        }
        Ok(if failed == 0 {
            ExitCode::SUCCESS
        } else {
            ExitCode::FAILURE
        })
    }
}
