//! `ditich retire`: a relic taken out of the site, its folder kept in retired/, its printed
//! plaque sent to another relic.

use std::process::ExitCode;

use clap::Args;

use super::Project;
use super::output::Verbosity;

#[derive(Debug, Args)]
pub struct RetireArgs {
    /// The relic's folder under sites/: den-ca
    folder: String,
    /// The ID of the relic that its printed plaque opens from now on, e.g. DT02; needed
    /// when its plaque is printed. Links of other relics to it are sent there too
    #[arg(long, value_name = "ID")]
    to: Option<String>,
    #[command(flatten)]
    project: Project,
}

impl RetireArgs {
    pub fn run(self, verbosity: Verbosity) -> anyhow::Result<ExitCode> {
        self.project.commune()?;
        let lock = self.project.lock(verbosity)?;
        let retired = ditich::manage::retire_relic_locked(
            &lock,
            &self.project.root,
            &self.folder,
            self.to.as_deref(),
        )?;
        verbosity.status(format_args!("{retired}"));
        Ok(ExitCode::SUCCESS)
    }
}
