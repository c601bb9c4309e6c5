//! `ditich serve`: the preview an officer keeps open while editing, driven over real HTTP.

use std::time::Duration;

use crate::project::Project;
use crate::running::{self, Response, Running};

/// A running `ditich serve --port 0`, stopped when dropped.
struct Preview {
    running: Running,
    /// `127.0.0.1:PORT`
    address: String,
}

impl Preview {
    fn start(project: &Project) -> Preview {
        Preview::start_with(project.command(&["serve", "--port", "0"]))
    }

    fn start_with(command: std::process::Command) -> Preview {
        let running = Running::start(command);
        let serving = running.line_with("serving http://");
        let url = serving.split_whitespace().nth(1).unwrap();
        assert!(
            url.starts_with("http://127.0.0.1:") && url.ends_with("/du-lich/"),
            "{serving}"
        );
        let address = url["http://".len()..url.len() - "/du-lich/".len()].to_owned();
        Preview { running, address }
    }

    fn line_with(&self, text: &str) -> String {
        self.running.line_with(text)
    }

    fn get(&self, path: &str) -> Response {
        get(&self.address, path)
    }

    /// Waits for a rebuild to fail, and returns what `path` shows in its place.
    fn failure_shown_at(&self, path: &str) -> String {
        self.line_with("the build failed");
        let failed = self.get(path);
        assert_eq!(failed.status, 500);
        failed.body
    }
}

/// Sends `GET path` exactly as written, so no client tidies `..` away first.
fn get(address: &str, path: &str) -> Response {
    let raw = format!("GET {path} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n");
    running::request(address, raw.as_bytes())
}

#[test]
fn serve_shows_each_edit_and_each_error_in_the_open_tab() {
    let project = Project::fixture("two-relics");
    let preview = Preview::start(&project);

    let home = preview.get("/du-lich/");
    assert_eq!(home.status, 200);
    assert!(
        home.body
            .contains("<script src=\"/__ditich/live.js?v=0\"></script></body>")
    );
    assert!(
        preview
            .get("/du-lich/den-a/")
            .body
            .contains("Một ngôi đền để thử.")
    );
    assert!(
        preview
            .get("/__ditich/live.js?v=0")
            .body
            .contains("location.reload()")
    );
    // A service worker would keep serving old pages; the preview's removes itself.
    assert!(preview.get("/du-lich/sw.js").body.contains("unregister()"));
    let root = preview.get("/");
    assert_eq!(root.status, 302);
    assert!(root.head.contains("Location: /du-lich/"), "{}", root.head);
    assert_eq!(preview.get("/du-lich/no-such-page/").status, 404);

    // The open tab waits for the next build; an edit ends the wait.
    let address = preview.address.clone();
    let waiting = std::thread::spawn(move || get(&address, "/__ditich/wait?since=0").body);
    std::thread::sleep(Duration::from_millis(300));
    project.edit(
        "sites/den-a/index.md",
        "Một ngôi đền để thử.",
        "Ngôi đền đã sửa.",
    );
    let rebuilt = preview.line_with("changed: ");
    assert!(
        rebuilt
            .starts_with("sites/den-a/index.md changed: built 2 relics: 14 pages, 1 warning in "),
        "{rebuilt}"
    );
    assert_eq!(waiting.join().unwrap(), "1");
    let page = preview.get("/du-lich/den-a/");
    assert!(page.body.contains("Ngôi đền đã sửa."));
    assert!(page.body.contains("live.js?v=1"));

    // A mistake shows in the page, with the same words as on the terminal.
    project.edit(
        "sites/den-a/index.md",
        "rank = \"national\"",
        "rank = \"quoc gia\"",
    );
    let failed = preview.failure_shown_at("/du-lich/den-a/");
    assert!(
        failed.contains("sites/den-a/index.md:4:8: error: unknown rank &quot;quoc gia&quot;"),
        "{failed}"
    );
    assert!(failed.contains("live.js?v=2"));
    project.edit(
        "sites/den-a/index.md",
        "rank = \"quoc gia\"",
        "rank = \"national\"",
    );
    preview.line_with("changed: built");
    assert_eq!(preview.get("/du-lich/den-a/").status, 200);

    assert!(!project.output().exists(), "serve wrote output/");
}

#[test]
fn serve_refuses_every_path_out_of_the_site() {
    let project = Project::fixture("two-relics");
    project.write("secret.txt", "not for the web");
    let preview = Preview::start(&project);
    for path in [
        "/du-lich/../secret.txt",
        "/du-lich/../../../../etc/passwd",
        "/du-lich/%2e%2e/secret.txt",
        "/du-lich/%2E%2E%2fsecret.txt",
        "/du-lich/..%5csecret.txt",
        "/du-lich/..\\secret.txt",
        "/du-lich/den-a/%00",
        "/du-lich/.ditich-output",
    ] {
        let response = preview.get(path);
        assert_eq!(response.status, 400, "{path}");
        assert!(!response.body.contains("not for the web"), "{path}");
    }
}

#[test]
fn serve_goes_on_after_a_build_that_panics() {
    let project = Project::fixture("two-relics");
    let mut command = project.command(&["serve", "--port", "0"]);
    command.env("DITICH_TEST_PANIC_IN_RENDER", "PANIC");
    let preview = Preview::start_with(command);
    assert_eq!(preview.get("/du-lich/den-a/").status, 200);

    project.edit(
        "sites/den-a/index.md",
        "name = \"Đền A\"",
        "name = \"Đền A PANIC\"",
    );
    let failed = preview.failure_shown_at("/du-lich/den-a/");
    assert!(
        failed.contains("internal error: ditich stopped while building"),
        "{failed}"
    );

    project.edit(
        "sites/den-a/index.md",
        "name = \"Đền A PANIC\"",
        "name = \"Đền A mới\"",
    );
    preview.line_with("changed: built");
    let page = preview.get("/du-lich/den-a/");
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Đền A mới"));
}

#[test]
fn serve_answers_pages_while_it_waits_to_rebuild() {
    let project = Project::fixture("two-relics");
    let preview = Preview::start(&project);
    let lock = crate::lock::hold(&project);
    project.edit(
        "sites/den-a/index.md",
        "Một ngôi đền để thử.",
        "Ngôi đền đã sửa.",
    );
    preview.line_with("waiting for another ditich building this project…");
    // The last build is served all the while.
    let page = preview.get("/du-lich/den-a/");
    assert!(page.body.contains("Một ngôi đền để thử."));
    drop(lock);
    preview.line_with("changed: built");
    assert!(
        preview
            .get("/du-lich/den-a/")
            .body
            .contains("Ngôi đền đã sửa.")
    );
}

#[test]
fn serving_every_address_names_the_one_a_phone_opens() {
    let project = Project::fixture("two-relics");
    let preview =
        Preview::start_with(project.command(&["serve", "--port", "0", "--bind", "0.0.0.0"]));
    let port = preview.address.rsplit(':').next().unwrap();
    // This computer's own address serves it too, but only loopback may be tried here.
    assert_eq!(preview.get("/du-lich/").status, 200);
    let line = preview.line_with("phone");
    match line.strip_prefix("on a phone on the same Wi-Fi, open http://") {
        Some(url) => {
            let (host, rest) = url.rsplit_once(':').unwrap();
            let ip: std::net::IpAddr = host.trim_matches(['[', ']']).parse().unwrap();
            assert!(!ip.is_loopback() && !ip.is_unspecified(), "{line}");
            assert_eq!(rest, format!("{port}/du-lich/"), "{line}");
        }
        None => assert!(
            line.starts_with("this computer has no network address a phone could open"),
            "{line}"
        ),
    }
}
