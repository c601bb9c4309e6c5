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
mod publish;
mod save;
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
    /// Where the preview of the saved texts is built: never `output/`, which only `ditich
    /// build` makes.
    preview: PathBuf,
    /// Where the live preview of the texts as the form holds them is built.
    live: PathBuf,
    base_path: String,
    /// The site's second language, whose words the form shows beside the first's.
    translation: Option<String>,
    config: crate::config::Config,
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
        live: root.join(crate::cache::DIR).join("studio-live"),
        base_path: config.base_path.clone(),
        translation: config.languages.get(1).cloned(),
        config,
        guard: guard::Guard::new(port)?,
    });
    let _ = studio.rebuild(&studio.preview, &[]);
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
    /// Builds the site into `dir` as the officer will publish it, without print files, with
    /// `unsaved` texts in place of the files on disk. A failed build leaves the last good one
    /// in place, as `ditich build` does, and says why.
    fn rebuild(
        &self,
        dir: &Path,
        unsaved: &[(PathBuf, Vec<u8>)],
    ) -> Result<(), Vec<crate::diagnostic::Diagnostic>> {
        let options = crate::Options {
            print_files: false,
            unsaved,
            ..crate::Options::default()
        };
        crate::build(&self.root, dir, &options)
            .map(|_| ())
            .map_err(|err| match err.downcast::<crate::diagnostic::Problems>() {
                Ok(problems) => problems.0,
                Err(err) => vec![crate::diagnostic::Diagnostic::error(format!("{err:#}"))],
            })
    }

    /// The address of the relic in `folder`'s page in `lang` under a preview's `prefix`; the
    /// site's first language when the relic has no page in `lang`.
    fn page_of(&self, folder: &str, lang: &str, prefix: &str) -> String {
        let slug = crate::slug::slugify(folder);
        let translated = self.translation.as_deref() == Some(lang)
            && self
                .root
                .join(save::translation_file(folder, lang))
                .is_file();
        let lang = if translated {
            lang
        } else {
            self.config.default_language()
        };
        let page = crate::urls::relic_page(&self.config, lang, &slug);
        format!("{prefix}{}", page.trim_start_matches('/'))
    }
}
