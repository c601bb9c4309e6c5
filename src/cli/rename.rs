//! `ditich rename`: a relic's folder, and so its page address, renamed; its plaque's code
//! stays.

use std::process::ExitCode;

use clap::Args;

use super::Project;
use super::output::Verbosity;

#[derive(Debug, Args)]
pub struct RenameArgs {
    /// The relic's folder under sites/: den-ca
    folder: String,
    /// Its new name: small letters without accents, digits and hyphens, e.g. den-ca-moi
    new_folder: String,
    #[command(flatten)]
    project: Project,
}

impl RenameArgs {
    pub fn run(self, verbosity: Verbosity) -> anyhow::Result<ExitCode> {
        self.project.commune()?;
        let lock = self.project.lock(verbosity)?;
        let renamed = ditich::manage::rename_relic_locked(
            &lock,
            &self.project.root,
            &self.folder,
            &self.new_folder,
        )?;
        verbosity.status(format_args!("{renamed}"));
        Ok(ExitCode::SUCCESS)
    }
}
