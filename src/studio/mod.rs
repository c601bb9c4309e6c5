//! `ditich studio`: the guide kept from a browser. It serves a form for every relic on this
//! computer only, writes the same files a programmer would, checks every save with the code
//! of `ditich check` before writing, and shows each relic's page as the build makes it.
//!
//! The studio is reachable from any page the officer's browser opens, so it answers only
//! requests addressed to itself (no DNS rebinding), and changes files only for requests that
//! come from its own page and carry the secret it printed into that page ([`guard`]).

mod api;
mod form;
mod guard;
mod upload;

use std::net::{Ipv4Addr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::{Context as _, anyhow};

/// What the studio tells whoever started it.
#[derive(Debug)]
pub enum Event {
    /// The studio is ready at `url`.
    Serving { url: String },
    /// A relic file was written.
    Saved { file: String },
}

/// The studio of the project at `root`.
pub struct Studio {
    root: PathBuf,
    /// Where the preview is built: never `output/`, which only `ditich build` makes.
    preview: PathBuf,
    base_path: String,
    guard: guard::Guard,
}

/// Serves the studio of the project at `root` on `127.0.0.1:port` until the process is
/// stopped; `report` hears when it listens, with its address, and of every save.
pub fn run(root: &Path, port: u16, report: &(dyn Fn(Event) + Sync)) -> anyhow::Result<()> {
    let config = crate::config::load(root).map_err(crate::diagnostic::Problems)?;
    let server = tiny_http::Server::http(SocketAddr::new(Ipv4Addr::LOCALHOST.into(), port))
        .map_err(|err| {
            anyhow!(
                "cannot listen on 127.0.0.1:{port}: {err}\n  = help: another program may use the port; try --port 8101"
            )
        })?;
    let port = server
        .server_addr()
        .to_ip()
        .context("the server has no IP address")?
        .port();
    let studio = Arc::new(Studio {
        root: root.to_path_buf(),
        preview: root.join(crate::cache::DIR).join("studio"),
        base_path: config.base_path,
        guard: guard::Guard::new(port)?,
    });
    studio.rebuild_preview();
    report(Event::Serving {
        url: format!("http://127.0.0.1:{port}/"),
    });
    std::thread::scope(|scope| {
        for request in server.incoming_requests() {
            let studio = Arc::clone(&studio);
            scope.spawn(move || api::respond(&studio, request, report));
        }
    });
    Ok(())
}

impl Studio {
    /// Builds the site as the officer will publish it, without print files, for the preview.
    /// A failed build leaves the last good one in place, as `ditich build` does.
    fn rebuild_preview(&self) {
        let options = crate::Options {
            print_files: false,
            ..crate::Options::default()
        };
        let _ = crate::build(&self.root, &self.preview, &options);
    }
}
