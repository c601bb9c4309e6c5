//! `ditich serve`: preview the site while editing it.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::process::ExitCode;

use clap::Args;
use ditich::serve::Event;
use ditich::text;

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
                anstream::eprintln!("{}", text!("serving", url = url.to_string()));
                match from_phones {
                    Some(Some(lan)) => {
                        anstream::eprintln!("{}", text!("serving-phones", url = lan.to_string()))
                    }
                    Some(None) => anstream::eprintln!("{}", text!("serving-no-network")),
                    None => {}
                }
            }
            Event::Waiting => verbosity.status(format_args!("{}", super::waiting())),
            Event::Rebuilt {
                changed,
                elapsed,
                result,
            } => {
                let what = match changed.as_slice() {
                    [] => String::new(),
                    [one] => text!("changed-one", file = one.to_string()).to_string(),
                    [first, rest @ ..] => {
                        text!("changed-more", file = first.to_string(), count = rest.len())
                            .to_string()
                    }
                };
                match result {
                    Ok(report) => {
                        verbosity.diagnostics(&report.warnings);
                        let took = text!(
                            "rebuilt-in",
                            summary = summary(&report),
                            ms = u64::try_from(elapsed.as_millis()).unwrap_or(u64::MAX)
                        );
                        verbosity.status(format_args!("{what}{took}"));
                    }
                    Err(failure) => {
                        let style = ditich::diagnostic::Severity::Error.style();
                        let (failed, shown) =
                            (text!("rebuild-failed"), text!("rebuild-failed-shown"));
                        anstream::eprintln!("{failure}\n\n{what}{style}{failed}{style:#}{shown}");
                    }
                }
            }
        })?;
        Ok(ExitCode::SUCCESS)
    }
}
