//! `ditich new`: start a relic's page.

use std::process::ExitCode;

use clap::Args;
use ditich::text;

use super::Project;
use super::output::Verbosity;

#[derive(Debug, Args)]
pub struct NewArgs {
    /// The relic's name in Vietnamese, in quotes: "Đền Cả". The folder is named after it
    /// (sites/den-ca/)
    name: String,
    /// The plaque code [default: the next free one, e.g. DT08 after DT07]
    #[arg(long, value_name = "ID")]
    id: Option<String>,
    #[command(flatten)]
    project: Project,
}

impl NewArgs {
    pub fn run(self, verbosity: Verbosity) -> anyhow::Result<ExitCode> {
        self.project.commune()?;
        let created = ditich::scaffold::relic(
            &self.project.root,
            &self.name,
            self.id.as_deref(),
            ditich::model::Date::today()?,
        )?;
        let line = text!("new-created", file = &created.file, code = &created.id);
        verbosity.status(format_args!("{line}"));
        Ok(ExitCode::SUCCESS)
    }
}
