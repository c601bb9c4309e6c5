//! `ditich serve`: builds the site, serves it on this computer, and rebuilds it whenever a
//! source changes, so an officer sees each edit in the browser as soon as it is saved.
//!
//! The site is built into `.ditich-cache/serve/`, never into `output/`, and without print
//! files: the published folder is only ever made by `ditich build`.

pub(crate) mod paths;

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::sync::{Arc, Condvar, Mutex, RwLock};
use std::time::{Duration, Instant};

use anyhow::{Context as _, anyhow};
use notify::{EventKind, RecursiveMode, Watcher as _};
use tiny_http::{Header, Request, Response};

use crate::diagnostic::Diagnostic;
use crate::html::escape;
use paths::Refused;

const LIVE_SCRIPT: &str = include_str!("live.js");
pub(crate) const UNREGISTER_WORKER: &str = include_str!("unregister-sw.js");
/// How long a waiting tab's request is held before it asks again.
const WAIT: Duration = Duration::from_secs(25);
/// Editors save in several steps; changes this close together make one rebuild.
const SETTLE: Duration = Duration::from_millis(40);

/// What the preview tells whoever started it.
#[derive(Debug)]
pub enum Event {
    /// The first build is done and the site is served at `url`, on this computer.
    Serving {
        url: String,
        /// When it listens on every address: the address phones on the same network open,
        /// `None` when the computer has no network address.
        from_phones: Option<Option<String>>,
    },
    /// Another ditich is building the project; the rebuild waits for it.
    Waiting,
    /// A rebuild after `changed` (project-relative paths) finished, well or not.
    Rebuilt {
        changed: Vec<String>,
        elapsed: Duration,
        result: Result<crate::Report, String>,
    },
}

/// The last build, as the server shows it.
struct Current {
    version: u64,
    /// The messages of a failed build, shown in place of every page until the next success.
    failure: Option<String>,
}

struct Shared {
    site: PathBuf,
    base_path: String,
    current: RwLock<Current>,
    /// Wakes the tabs waiting for a new version.
    changed: (Mutex<u64>, Condvar),
}

/// Builds the project at `root`, serves it at `address` and rebuilds on every change until the
/// process is stopped. `report` receives what happens.
pub fn run(root: &Path, address: SocketAddr, report: &dyn Fn(Event)) -> anyhow::Result<()> {
    // A commune's project or a province's guide: both are served the same way.
    let config = crate::config::shared(root).map_err(crate::diagnostic::Problems)?;
    let site = root.join(crate::cache::DIR).join("serve");
    let shared = Arc::new(Shared {
        site: site.clone(),
        base_path: config.base_path.clone(),
        current: RwLock::new(Current {
            version: 0,
            failure: None,
        }),
        changed: (Mutex::new(0), Condvar::new()),
    });

    let (_watcher, changes) = watcher(root)?;
    let first = rebuild(root, &shared, report);

    let server = tiny_http::Server::http(address).map_err(|err| {
        anyhow!(
            "{}",
            crate::text!(
                "cannot-listen",
                address = address.to_string(),
                reason = err.to_string()
            )
        )
    })?;
    let bound = server
        .server_addr()
        .to_ip()
        .context("the server has no IP address")?;
    let url = |ip| {
        format!(
            "http://{}{}",
            SocketAddr::new(ip, bound.port()),
            config.base_path
        )
    };
    let (this_computer, from_phones) = match bound.ip() {
        ip if ip.is_unspecified() => (
            url(Ipv4Addr::LOCALHOST.into()),
            Some(network_address().map(url)),
        ),
        ip => (url(ip), None),
    };
    report(Event::Serving {
        url: this_computer,
        from_phones,
    });
    if let Err(failure) = first {
        report(Event::Rebuilt {
            changed: Vec::new(),
            elapsed: Duration::ZERO,
            result: Err(failure),
        });
    }

    let http = Arc::clone(&shared);
    std::thread::spawn(move || {
        for request in server.incoming_requests() {
            let shared = Arc::clone(&http);
            std::thread::spawn(move || respond(&shared, request));
        }
    });
    watch(root, &changes, &shared, report)
}

/// The address other devices on the network reach this computer at, read from its network
/// interfaces (nothing is sent): IPv4 first, which is the one people can type on a phone.
fn network_address() -> Option<IpAddr> {
    let addresses: Vec<IpAddr> = if_addrs::get_if_addrs()
        .ok()?
        .into_iter()
        .map(|interface| interface.ip())
        .filter(|ip| !ip.is_loopback() && !ip.is_unspecified())
        .collect();
    let link_local = |ip: &IpAddr| match ip {
        IpAddr::V4(v4) => v4.is_link_local(),
        IpAddr::V6(v6) => v6.is_unicast_link_local(),
    };
    let usable = || addresses.iter().filter(|ip| !link_local(ip));
    usable()
        .find(|ip| ip.is_ipv4())
        .or_else(|| usable().next())
        .copied()
}

/// Builds into the preview folder. The build is made beside the served folder and swapped in
/// at the end, so pages are served from the last build all the while. A build that panics is a failure like any other: the preview shows it and goes on.
fn rebuild(root: &Path, shared: &Shared, report: &dyn Fn(Event)) -> Result<crate::Report, String> {
    let options = crate::Options {
        print_files: false,
        ..crate::Options::default()
    };
    let built = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let _lock = crate::lock::ProjectLock::acquire(root, || report(Event::Waiting))?;
        let staged = crate::stage(root, &shared.site, &options)?;
        let _swapping = write(&shared.current);
        staged.publish(options.progress)
    }));
    let result = match built {
        Ok(built) => built.map_err(
            |err| match err.downcast_ref::<crate::diagnostic::Problems>() {
                Some(problems) => problems
                    .0
                    .iter()
                    .filter(|d| d.is_error())
                    .map(Diagnostic::to_string)
                    .collect::<Vec<_>>()
                    .join("\n\n"),
                None => format!("{err:#}"),
            },
        ),
        Err(panic) => {
            let what = panic
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            Err(format!(
                "internal error: ditich stopped while building ({what}); please report it. Saving a file tries again."
            ))
        }
    };
    write(&shared.current).failure = result.as_ref().err().cloned();
    result
}

/// Tells the open tabs that a new build is there, failed or not.
fn announce(shared: &Shared) {
    write(&shared.current).version += 1;
    let (version, wake) = &shared.changed;
    *version.lock().unwrap_or_else(|e| e.into_inner()) += 1;
    wake.notify_all();
}

/// The lock's data even after a panic: the preview's state is replaced whole, never left half
/// changed.
fn write(current: &RwLock<Current>) -> std::sync::RwLockWriteGuard<'_, Current> {
    current.write().unwrap_or_else(|e| e.into_inner())
}

type Changes = mpsc::Receiver<notify::Result<notify::Event>>;

/// Starts watching the project, before the address is announced: an edit saved the moment
/// the preview opens is seen too.
fn watcher(root: &Path) -> anyhow::Result<(notify::RecommendedWatcher, Changes)> {
    let (tx, rx) = mpsc::channel();
    let mut watcher =
        notify::recommended_watcher(tx).with_context(|| crate::text!("cannot-watch-project"))?;
    watcher
        .watch(root, RecursiveMode::Recursive)
        .with_context(|| crate::text!("cannot-watch", file = root.display().to_string()))?;
    Ok((watcher, rx))
}

/// Rebuilds on every change to the sources, until the watcher stops.
fn watch(root: &Path, rx: &Changes, shared: &Shared, report: &dyn Fn(Event)) -> anyhow::Result<()> {
    let root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    while let Ok(first) = rx.recv() {
        let mut changed = sources_changed(&root, first);
        while let Ok(more) = rx.recv_timeout(SETTLE) {
            changed.extend(sources_changed(&root, more));
        }
        if changed.is_empty() {
            continue;
        }
        changed.sort();
        changed.dedup();
        let started = Instant::now();
        let result = rebuild(&root, shared, report);
        announce(shared);
        report(Event::Rebuilt {
            changed,
            elapsed: started.elapsed(),
            result,
        });
    }
    Ok(())
}

/// The sources an event changed. Reading a file is an event too, and every build reads them
/// all: only writes, creations, renames and removals count.
fn sources_changed(root: &Path, event: notify::Result<notify::Event>) -> Vec<String> {
    match event {
        Ok(event)
            if matches!(
                event.kind,
                EventKind::Create(_) | EventKind::Remove(_) | EventKind::Modify(_)
            ) && !matches!(
                event.kind,
                EventKind::Modify(notify::event::ModifyKind::Metadata(_))
            ) =>
        {
            event
                .paths
                .iter()
                .filter_map(|p| is_source(root, p))
                .collect()
        }
        _ => Vec::new(),
    }
}

/// The project-relative path of a changed file when it is a source of the site: anything
/// but the outputs, the cache and hidden files (editors' swap files, version control).
fn is_source(root: &Path, path: &Path) -> Option<String> {
    let relative = path.strip_prefix(root).ok()?;
    let first = relative.components().next()?.as_os_str().to_string_lossy();
    let hidden = relative
        .components()
        .any(|c| c.as_os_str().to_string_lossy().starts_with('.'));
    let temporary = relative
        .file_name()
        .is_some_and(|n| n.to_string_lossy().ends_with('~'));
    (!hidden && !temporary && first != "output" && first != "target")
        .then(|| crate::diagnostic::display_path(relative))
}

fn respond(shared: &Shared, request: Request) {
    let url = request.url().to_owned();
    let response = if let Some(query) = url.strip_prefix("/__ditich/wait?since=") {
        wait(shared, query)
    } else if url.starts_with("/__ditich/live.js") {
        text(200, "text/javascript; charset=utf-8", LIVE_SCRIPT)
    } else {
        page(shared, &url)
    };
    // The tab may have gone; nothing to do about it.
    let _ = request.respond(response);
}

pub(crate) type Reply = Response<std::io::Cursor<Vec<u8>>>;

fn wait(shared: &Shared, since: &str) -> Reply {
    let (version, wake) = &shared.changed;
    let guard = version.lock().unwrap_or_else(|e| e.into_inner());
    let guard = wake
        .wait_timeout_while(guard, WAIT, |v| v.to_string() == since)
        .unwrap_or_else(|e| e.into_inner())
        .0;
    text(200, "text/plain", &guard.to_string())
}

fn page(shared: &Shared, url: &str) -> Reply {
    let current = shared.current.read().unwrap_or_else(|e| e.into_inner());
    let file = match paths::resolve(&shared.site, &shared.base_path, url) {
        Ok(file) => file,
        Err(Refused::OutsideSite) => {
            return text(302, "text/plain", "").with_header(header("Location", &shared.base_path));
        }
        Err(Refused::Forbidden) => return text(400, "text/plain", "bad request\n"),
    };
    let html = file.extension().is_some_and(|e| e == "html");
    if let Some(failure) = &current.failure
        && html
    {
        return text(
            500,
            "text/html; charset=utf-8",
            &failure_page(failure, current.version),
        );
    }
    if file.file_name().is_some_and(|n| n == "sw.js") {
        return text(200, "text/javascript; charset=utf-8", UNREGISTER_WORKER);
    }
    let (status, file) = if file.is_file() {
        (200, file)
    } else {
        (404, shared.site.join("404.html"))
    };
    let Ok(bytes) = std::fs::read(&file) else {
        return text(404, "text/plain", "not found\n");
    };
    let kind = mime_guess::from_path(&file).first_or_octet_stream();
    let bytes = if kind == mime_guess::mime::TEXT_HTML {
        with_live_script(bytes, current.version)
    } else {
        bytes
    };
    let kind = match kind.type_() {
        mime_guess::mime::TEXT => format!("{kind}; charset=utf-8"),
        _ => kind.to_string(),
    };
    Response::from_data(bytes)
        .with_status_code(status)
        .with_header(header("Content-Type", &kind))
        .with_header(header("Cache-Control", "no-store"))
}

/// The page with the script that reloads it after the next build.
fn with_live_script(mut html: Vec<u8>, version: u64) -> Vec<u8> {
    let tag = format!("<script src=\"/__ditich/live.js?v={version}\"></script>");
    let at = html
        .windows(7)
        .rposition(|w| w == b"</body>")
        .unwrap_or(html.len());
    html.splice(at..at, tag.into_bytes());
    html
}

fn failure_page(failure: &str, version: u64) -> String {
    let lang = crate::i18n::language().code();
    let title = escape(&crate::text!("preview-failed-title").to_string());
    let heading = escape(&crate::text!("preview-failed-heading").to_string());
    // The catalogue's `output/` and `ditich build` stand for themselves in every language.
    let advice = escape(&crate::text!("preview-failed-advice").to_string());
    format!(
        "<!doctype html><html lang=\"{lang}\"><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">\
         <title>{title}</title><body style=\"font:16px/1.5 sans-serif;margin:1rem\">\
         <h1 style=\"color:#b00020\">{heading}</h1>\
         <p>{advice}</p>\
         <pre style=\"white-space:pre-wrap;background:#f6f6f6;padding:1rem\">{}</pre>\
         <script src=\"/__ditich/live.js?v={version}\"></script></body></html>",
        escape(failure)
    )
}

/// A text answer that no browser keeps: the preview and the studio change under it.
pub(crate) fn text(status: u16, kind: &str, body: &str) -> Reply {
    Response::from_data(body.as_bytes().to_vec())
        .with_status_code(status)
        .with_header(header("Content-Type", kind))
        .with_header(header("Cache-Control", "no-store"))
}

pub(crate) fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes())
        .expect("header names and values are ASCII")
}
