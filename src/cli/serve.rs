//! `ditich serve`: preview the site while editing it.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::process::ExitCode;

use clap::Args;
use ditich::serve::Event;

use super::Project;
use super::build::summary;
use super::output::Verbosity;

#[derive(Debug, Args)]
pub struct ServeArgs {
    #[command(flatten)]
    project: Project,
    /// The port to serve on; 0 picks a free one
    #[arg(long, short, default_value_t = 8000)]
    port: u16,
    /// The address to listen on. Only this computer can open 127.0.0.1; use 0.0.0.0 to let
    /// phones on the same network try the pages, at the address it then prints
    #[arg(long, value_name = "ADDRESS", default_value_t = IpAddr::V4(Ipv4Addr::LOCALHOST))]
    bind: IpAddr,
}

impl ServeArgs {
    pub fn run(self, verbosity: Verbosity) -> anyhow::Result<ExitCode> {
        let address = SocketAddr::new(self.bind, self.port);
        ditich::serve::run(&self.project.root, address, &|event| match event {
            Event::Serving { url, from_phones } => {
                // Always printed: with --port 0 it is the only way to learn the address.
                anstream::eprintln!(
                    "serving {url} (press Ctrl+C to stop); pages reload when a file changes"
                );
                match from_phones {
                    Some(Some(lan)) => {
                        anstream::eprintln!("on a phone on the same Wi-Fi, open {lan}")
                    }
                    Some(None) => anstream::eprintln!(
                        "this computer has no network address a phone could open; connect it to the Wi-Fi and run ditich serve again"
                    ),
                    None => {}
                }
            }
            Event::Waiting => verbosity.status(format_args!("{}", super::WAITING)),
            Event::Rebuilt {
                changed,
                elapsed,
                result,
            } => {
                let what = match changed.as_slice() {
                    [] => String::new(),
                    [one] => format!("{one} changed: "),
                    [first, rest @ ..] => format!("{first} and {} more changed: ", rest.len()),
                };
                match result {
                    Ok(report) => {
                        verbosity.diagnostics(&report.warnings);
                        verbosity.status(format_args!(
                            "{what}{} in {} ms",
                            summary(&report),
                            elapsed.as_millis()
                        ));
                    }
                    Err(failure) => {
                        let style = ditich::diagnostic::Severity::Error.style();
                        anstream::eprintln!(
                            "{failure}\n\n{what}{style}the build failed{style:#}; the browser shows why until it is fixed"
                        );
                    }
                }
            }
        })?;
        Ok(ExitCode::SUCCESS)
    }
}
