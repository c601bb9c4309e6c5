//! `ditich studio`: edit, check and preview the relics from a browser.

use std::process::ExitCode;

use clap::Args;
use ditich::studio::Event;

use super::Project;
use super::output::Verbosity;

#[derive(Debug, Args)]
pub struct StudioArgs {
    #[command(flatten)]
    project: Project,
    /// The port to serve on; 0 picks a free one
    #[arg(long, short, default_value_t = 8101)]
    port: u16,
    /// Print the address without opening it in the browser
    #[arg(long)]
    no_open: bool,
}

impl StudioArgs {
    pub fn run(self, verbosity: Verbosity) -> anyhow::Result<ExitCode> {
        self.project.commune()?;
        let open = !self.no_open;
        ditich::studio::run(&self.project.root, self.port, &|event| match event {
            Event::Serving { url } => {
                // Always printed: with --port 0 it is the only way to learn the address.
                anstream::eprintln!(
                    "xưởng soạn mở tại {url} (nhấn Ctrl+C để dừng) / the studio is at {url} (press Ctrl+C to stop)"
                );
                if open && webbrowser::open(&url).is_err() {
                    anstream::eprintln!(
                        "không mở được trình duyệt: hãy mở địa chỉ trên / cannot open a browser: open the address above"
                    );
                }
            }
            Event::Saved { file } => verbosity.status(format_args!("đã lưu / saved {file}")),
        })?;
        Ok(ExitCode::SUCCESS)
    }
}
