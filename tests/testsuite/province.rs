//! A province's guide built from its communes: `tests/fixtures/province` names three member
//! projects (copies of the sample and of two fixtures, set beside it) and one commune's saved
//! `relics.json`. Its cards lead to the communes' own pages, its search works in headless
//! Chromium, and a member that cannot be read stops the build with the previous output kept.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use scraper::{Html, Selector};
use serde_json::Value;
use tempfile::TempDir;

use crate::project::{Run, binary, copy_dir, files};

/// A folder holding the guide, `nghe-an/`, and its member projects beside it.
pub struct Province {
    dir: TempDir,
}

/// The member projects: folder beside the guide, and the project it is a copy of (`None` for
/// the sample at the repository's root).
const MEMBERS: [(&str, Option<&str>); 3] = [
    ("long-thanh", None),
    ("xa-thu", Some("two-relics")),
    ("dong-tay", Some("unusual-data")),
];

impl Province {
    pub fn new() -> Province {
        let dir = tempfile::tempdir().unwrap();
        let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
        copy_dir(&fixtures.join("province"), &dir.path().join("nghe-an"));
        for (folder, fixture) in MEMBERS {
            let to = dir.path().join(folder);
            match fixture {
                Some(fixture) => copy_dir(&fixtures.join(fixture), &to),
                None => {
                    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
                    copy_dir(&root.join("sites"), &to.join("sites"));
                    std::fs::copy(root.join("site.toml"), to.join("site.toml")).unwrap();
                }
            }
        }
        Province { dir }
    }

    pub fn root(&self) -> PathBuf {
        self.dir.path().join("nghe-an")
    }

    pub fn member(&self, folder: &str) -> PathBuf {
        self.dir.path().join(folder)
    }

    pub fn build(&self) -> Run {
        run(&self.root(), &["build"])
    }

    pub fn read(&self, path: &str) -> String {
        std::fs::read_to_string(self.root().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
    }
}

fn run(root: &Path, args: &[&str]) -> Run {
    Run::from(binary().args(args).current_dir(root).output().unwrap())
}

fn edit(file: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(file).unwrap();
    assert!(text.contains(from), "{file:?} lacks {from:?}");
    std::fs::write(file, text.replacen(from, to, 1)).unwrap();
}

fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap()
}

#[test]
fn a_province_guide_joins_three_projects_and_a_saved_file() {
    let province = Province::new();
    province
        .build()
        .success()
        .stderr_has(&["built 15 relics: 10 pages"]);
    let data = json(&province.read("output/data/relics.json"));
    let communes: Vec<&str> = data["communes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["slug"].as_str().unwrap())
        .collect();
    assert_eq!(
        communes,
        ["long-thanh", "long-thanh-thu", "dong-tay", "quynh-doi"]
    );
    assert_eq!(data["relics"].as_array().unwrap().len(), 7 + 2 + 4 + 2);
    assert_eq!(data["province"]["code"], "40");

    // Each member's relics are its own records, as its own build publishes them.
    for (folder, _) in MEMBERS {
        let member = province.member(folder);
        run(&member, &["build"]).success();
        let own = json(&std::fs::read_to_string(member.join("output/data/relics.json")).unwrap());
        for record in own["relics"].as_array().unwrap() {
            assert!(
                data["relics"].as_array().unwrap().contains(record),
                "{folder}: {record} is not in the guide's data as published"
            );
        }
    }
    let saved = json(&province.read("members/quynh-doi.json"));
    for record in saved["relics"].as_array().unwrap() {
        assert!(data["relics"].as_array().unwrap().contains(record));
    }

    // Every card on every commune page, in each language, leads to the commune's own relic
    // page and QR landing: for a member project, a page its build wrote.
    let bases: BTreeMap<String, PathBuf> = MEMBERS
        .iter()
        .map(|(folder, _)| {
            let member = province.member(folder);
            let own =
                json(&std::fs::read_to_string(member.join("output/data/relics.json")).unwrap());
            (
                own["base_url"].as_str().unwrap().to_owned(),
                member.join("output"),
            )
        })
        .collect();
    let cards = Selector::parse(".card").unwrap();
    let page_link = Selector::parse(".card-title").unwrap();
    let links = Selector::parse("a").unwrap();
    let mut checked = 0;
    for lang in ["", "en/"] {
        for slug in &communes {
            let html =
                Html::parse_document(&province.read(&format!("output/{lang}{slug}/index.html")));
            for card in html.select(&cards) {
                assert!(card.select(&page_link).next().is_some());
                let hrefs: Vec<&str> = card
                    .select(&links)
                    .filter_map(|a| a.value().attr("href"))
                    .collect();
                assert_eq!(
                    hrefs.len(),
                    2,
                    "a card links its page and its landing: {hrefs:?}"
                );
                for href in hrefs {
                    let listed = saved["relics"].as_array().unwrap().iter().any(|r| {
                        r["url"] == href
                            || r["qr_url"] == href
                            || r["translations"]["en"]["url"] == href
                    });
                    if listed {
                        checked += 1;
                        continue;
                    }
                    let (base, output) = bases
                        .iter()
                        .find(|(base, _)| href.starts_with(base.as_str()))
                        .unwrap_or_else(|| panic!("{href} is no member's page"));
                    let file = output.join(&href[base.len()..]).join("index.html");
                    assert!(
                        file.is_file(),
                        "{href}: the commune's build has no {file:?}"
                    );
                    checked += 1;
                }
            }
        }
    }
    assert_eq!(
        checked,
        2 * 2 * 15,
        "every card's two links, in both languages"
    );

    // The home page stays small, and the commune pages are linked from it.
    let home = province.read("output/index.html");
    for slug in &communes {
        assert!(home.contains(&format!("href=\"{slug}/\"")), "{slug}");
    }
    let mut gzip = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    std::io::Write::write_all(&mut gzip, home.as_bytes()).unwrap();
    assert!(gzip.finish().unwrap().len() < 100_000);
}

#[test]
fn the_guide_searches_offline_without_diacritics_in_headless_chromium() {
    let needs = [("node", "nodejs"), ("npm", "npm"), ("chromium", "chromium")];
    if !crate::browser::have(
        "the_guide_searches_offline_without_diacritics_in_headless_chromium",
        &needs,
    ) {
        return;
    }
    let province = Province::new();
    province.build().success();
    let mut node = Command::new("node");
    node.args(["--test", "province.check.mjs"])
        .current_dir(crate::browser::browser_tests())
        .env("DITICH_SITE", province.root().join("output"))
        .env("DITICH_PREFIX", "/di-tich/");
    if let Some(shots) = std::env::var_os("DITICH_SHOTS") {
        node.env("DITICH_SHOTS", std::path::absolute(shots).unwrap());
    }
    let output = node.output().expect("node runs the guide's browser test");
    let report = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success() && report.contains("# fail 0") && !report.contains("# pass 0"),
        "the guide's browser test failed:\n{report}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// A member that cannot be read names itself at its line in `site.toml`, and nothing of the
/// previous guide changes.
#[test]
fn a_member_that_cannot_be_read_stops_the_build_and_keeps_the_output() {
    let province = Province::new();
    province.build().success();
    let before = files(&province.root().join("output"));

    // A member project with an error of its own.
    let relic = province.member("xa-thu").join("sites/den-a/index.md");
    edit(&relic, "rank = \"national\"", "rank = \"quốc gia\"");
    province.build().failure().stderr_has(&[
        "site.toml:21:1: error: the member project ../xa-thu has 1 error",
        "run ditich check in ../xa-thu",
    ]);
    assert_eq!(files(&province.root().join("output")), before);
    edit(&relic, "rank = \"quốc gia\"", "rank = \"national\"");

    // A saved file that is not a commune's relics.json.
    std::fs::write(
        province.root().join("members/quynh-doi.json"),
        "<html>Not found</html>",
    )
    .unwrap();
    province.build().failure().stderr_has(&[
        "members/quynh-doi.json is not a commune's relics.json this version can read",
    ]);
    assert_eq!(files(&province.root().join("output")), before);

    // The same Vietnamese words, for an officer whose computer speaks them.
    let run = Run::from(
        binary()
            .arg("build")
            .current_dir(province.root())
            .env("LC_ALL", "vi_VN.UTF-8")
            .output()
            .unwrap(),
    );
    run.failure()
        .stderr_has(&["members/quynh-doi.json không phải tệp relics.json của một xã"]);
}

#[test]
fn two_members_on_one_page_are_refused() {
    let province = Province::new();
    edit(
        &province.root().join("site.toml"),
        "slug = \"long-thanh-thu\"\n",
        "",
    );
    province.build().failure().stderr_has(&[
        "error: Long Thành and Long Thành would both be at /long-thanh/",
        "give one of them its own slug",
    ]);
    assert!(!province.root().join("output").exists());

    // Nor may a member take a folder of the guide's own, or a language's.
    for slug in ["search", "en"] {
        edit(
            &province.root().join("site.toml"),
            "project = \"../xa-thu\"\n",
            &format!("project = \"../xa-thu\"\nslug = \"{slug}\"\n"),
        );
        province.build().failure().stderr_has(&[&format!(
            "the page of Long Thành would be at /{slug}/, which the guide keeps for itself"
        )]);
        edit(
            &province.root().join("site.toml"),
            &format!("slug = \"{slug}\"\n"),
            "",
        );
    }
    // fetch is for a guide: a commune's project is told so.
    run(&province.member("xa-thu"), &["fetch"])
        .failure()
        .stderr_has(&["this project is a commune's, and ditich fetch downloads the members of a province's guide"]);
}

/// How the test's web server answers.
#[derive(Clone)]
enum Answer {
    /// 200 with these bytes.
    Data(Vec<u8>),
    Status(u16),
    /// The right bytes, but only after this long.
    Late(std::time::Duration, Vec<u8>),
}

/// A web server on 127.0.0.1, answering every request the same way until dropped.
struct Server {
    address: std::net::SocketAddr,
    server: std::sync::Arc<tiny_http::Server>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Server {
    fn start(answer: Answer) -> Server {
        let server = std::sync::Arc::new(tiny_http::Server::http("127.0.0.1:0").unwrap());
        let address = server.server_addr().to_ip().unwrap();
        let serving = std::sync::Arc::clone(&server);
        let thread = std::thread::spawn(move || {
            for request in serving.incoming_requests() {
                let answer = answer.clone();
                std::thread::spawn(move || {
                    let _ = match answer {
                        Answer::Data(bytes) => {
                            request.respond(tiny_http::Response::from_data(bytes))
                        }
                        Answer::Status(code) => request.respond(
                            tiny_http::Response::from_string("no such file").with_status_code(code),
                        ),
                        Answer::Late(wait, bytes) => {
                            std::thread::sleep(wait);
                            request.respond(tiny_http::Response::from_data(bytes))
                        }
                    };
                });
            }
        });
        Server {
            address,
            server,
            thread: Some(thread),
        }
    }

    fn url(&self) -> String {
        format!("http://{}/du-lich/data/relics.json", self.address)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.server.unblock();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// `ditich fetch` in the guide, with no proxy between it and 127.0.0.1.
fn fetch(province: &Province, args: &[&str]) -> Run {
    let mut command = binary();
    command.arg("fetch").args(args).current_dir(province.root());
    for proxy in [
        "ALL_PROXY",
        "HTTPS_PROXY",
        "HTTP_PROXY",
        "all_proxy",
        "https_proxy",
        "http_proxy",
    ] {
        command.env_remove(proxy);
    }
    Run::from(command.output().unwrap())
}

/// Points the saved member's `url` at `url`.
fn point(province: &Province, url: &str) {
    let site_toml = province.root().join("site.toml");
    let text = std::fs::read_to_string(&site_toml).unwrap();
    let line = text
        .lines()
        .find(|l| l.starts_with("url = "))
        .unwrap()
        .to_owned();
    std::fs::write(&site_toml, text.replace(&line, &format!("url = \"{url}\""))).unwrap();
}

#[test]
fn fetch_replaces_a_saved_member_only_with_its_commune_s_data() {
    let province = Province::new();
    let saved_file = province.root().join("members/quynh-doi.json");
    let saved = std::fs::read(&saved_file).unwrap();
    let newer = String::from_utf8(saved.clone())
        .unwrap()
        .replace("Di tích thử", "Di tích Quỳnh Đôi")
        .into_bytes();

    let server = Server::start(Answer::Data(newer.clone()));
    point(&province, &server.url());
    fetch(&province, &[])
        .success()
        .stderr_has(&["members/quynh-doi.json: downloaded, 2 relics (3 KB)"]);
    assert_eq!(std::fs::read(&saved_file).unwrap(), newer);
    fetch(&province, &[])
        .success()
        .stderr_has(&["members/quynh-doi.json: up to date, 2 relics"]);
    drop(server);

    // Whatever goes wrong, the last good copy stays, and the guide still builds from it.
    let down = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap()
    };
    let wrong: [(Answer, &str); 6] = [
        (
            Answer::Data(
                String::from_utf8(newer.clone())
                    .unwrap()
                    .replace(
                        "\"base_url\": \"https://quynhdoi.example.gov.vn/du-lich/\"",
                        "\"base_url\": \"https://quynhdoi.example.gov.vn/du-lich/#tin\"",
                    )
                    .into_bytes(),
            ),
            "sent something that is not a commune's relics.json: \"https://quynhdoi.example.gov.vn/du-lich/#tin\" is not a web address the guide can link to",
        ),
        (
            Answer::Data(
                "<!doctype html><title>Trang chủ</title>"
                    .as_bytes()
                    .to_vec(),
            ),
            "sent something that is not a commune's relics.json: expected value at line 1 column 1",
        ),
        (
            Answer::Data(
                String::from_utf8(newer.clone())
                    .unwrap()
                    .replace("\"schema_version\": 1", "\"schema_version\": 2")
                    .into_bytes(),
            ),
            "sent something that is not a commune's relics.json: it follows version 2 of the open data's fields, and this version of ditich reads version 1",
        ),
        (
            Answer::Data(
                String::from_utf8(newer.clone())
                    .unwrap()
                    .replacen("\"rank\": \"national\"", "\"rank\": \"quốc gia\"", 1)
                    .into_bytes(),
            ),
            "sent something that is not a commune's relics.json: its data breaks the schema of relics.json: /relics/0/rank: \"quốc gia\" is not one of",
        ),
        (Answer::Status(404), "answered 404 Not Found"),
        (
            Answer::Late(std::time::Duration::from_secs(4), newer.clone()),
            "did not send it all within 1 s",
        ),
    ];
    for (answer, why) in wrong {
        let server = Server::start(answer);
        point(&province, &server.url());
        let run = fetch(&province, &["--timeout", "1"]).failure();
        let kept = format!(
            "members/quynh-doi.json: kept the saved copy, since {} {why}",
            server.url()
        );
        assert!(run.stderr.contains(&kept), "{}\nlacks: {kept}", run.stderr);
        assert_eq!(std::fs::read(&saved_file).unwrap(), newer, "{why}");
    }
    point(
        &province,
        &format!("http://{down}/du-lich/data/relics.json"),
    );
    fetch(&province, &["--timeout", "1"])
        .failure()
        .stderr_has(&[
            "kept the saved copy, since",
            "refused the connection (is the site down?)",
        ]);
    assert_eq!(std::fs::read(&saved_file).unwrap(), newer);

    province.build().success();
    assert!(
        province
            .read("output/quynh-doi/index.html")
            .contains("Mở Di tích Quỳnh Đôi")
    );
}

#[test]
fn check_reads_a_guide_and_its_members_and_writes_nothing() {
    let province = Province::new();
    run(&province.root(), &["check"]).success();
    assert!(!province.root().join("output").exists());
    let relic = province.member("dong-tay").join("sites/chua-b/index.md");
    let text = std::fs::read_to_string(&relic).unwrap();
    std::fs::write(&relic, text.replacen("+++", "+++\nrank = 3", 1)).unwrap();
    run(&province.root(), &["check"])
        .failure()
        .stderr_has(&["error: the member project ../dong-tay has 1 error"]);
    // A command for one commune's relics says where to run it, and writes nothing.
    let before = files(&province.root());
    for command in [
        &["new", "Đền Cả"][..],
        &["rename", "den-a", "den-b"],
        &["retire", "den-a"],
        &["posters"],
        &["stats", "access.log"],
        &["studio", "--no-open"],
    ] {
        run(&province.root(), command).failure().stderr_has(&[
            "this project is a province's guide",
            "run it in a member commune's project folder",
        ]);
    }
    assert_eq!(files(&province.root()), before);
}
