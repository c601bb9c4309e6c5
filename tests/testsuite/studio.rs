//! `ditich studio`: the officer's form, driven over raw HTTP as its page and a hostile page
//! would drive it.

use serde_json::{Value, json};

use crate::project::Project;
use crate::running::{self, Response, Running};

/// A running `ditich studio --no-open --port 0`, stopped when dropped.
struct Studio {
    _running: Running,
    /// `127.0.0.1:PORT`
    address: String,
    token: String,
}

impl Studio {
    fn start(project: &Project) -> Studio {
        let running = Running::start(project.command(&["studio", "--no-open", "--port", "0"]));
        let line = running.line_with("the studio is at http://");
        let url = line
            .split_whitespace()
            .find(|w| w.starts_with("http://127.0.0.1:"))
            .unwrap_or_else(|| panic!("{line}"));
        let address = url["http://".len()..].trim_end_matches('/').to_owned();
        let page = get(&address, "/");
        let token = page
            .body
            .split("name=\"ditich-token\" content=\"")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .expect("the page carries the secret")
            .to_owned();
        Studio {
            _running: running,
            address,
            token,
        }
    }

    fn get(&self, path: &str) -> (u16, Value) {
        json_of(get(&self.address, path))
    }

    /// A change as the studio's own page sends it.
    fn post(&self, path: &str, body: &Value) -> (u16, Value) {
        let origin = format!("http://{}", self.address);
        json_of(post(
            &self.address,
            path,
            &origin,
            Some(&self.token),
            &body.to_string(),
        ))
    }

    /// Runs `tests/browser/<script>` against this studio with `env`, failing with its report
    /// unless every test in it passed. With `DITICH_SHOTS` set (`DITICH_SHOTS=docs/studio
    /// cargo test studio`), the screens are saved there for the guide.
    fn check_in_chromium(&self, script: &str, env: &[(&str, &std::ffi::OsStr)]) {
        let mut node = std::process::Command::new("node");
        node.args(["--test", script])
            .current_dir(crate::browser::browser_tests())
            .env("DITICH_STUDIO", format!("http://{}/", self.address))
            .envs(env.iter().copied());
        if let Some(shots) = std::env::var_os("DITICH_SHOTS") {
            node.env("DITICH_SHOTS", std::path::absolute(shots).unwrap());
        }
        let output = node.output().expect("node runs the studio's browser test");
        let report = String::from_utf8_lossy(&output.stdout);
        assert!(
            output.status.success() && report.contains("# fail 0") && !report.contains("# pass 0"),
            "{script} failed:\n{report}\n{}",
            String::from_utf8_lossy(&output.stderr)
        );
    }

    /// Opens `folder` in the form: its values and the version they were read from.
    fn open(&self, folder: &str) -> (Value, String) {
        let (status, relic) = self.get(&format!("/api/relic?folder={folder}"));
        assert_eq!(status, 200, "{relic}");
        (
            relic["form"].clone(),
            relic["version"].as_str().unwrap().to_owned(),
        )
    }

    fn save(&self, folder: &str, form: &Value, version: &str) -> (u16, Value) {
        self.post(
            &format!("/api/relic?folder={folder}"),
            &json!({ "version": version, "form": form }),
        )
    }
}

fn get(address: &str, path: &str) -> Response {
    let raw = format!("GET {path} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n");
    running::request(address, raw.as_bytes())
}

fn post(address: &str, path: &str, origin: &str, token: Option<&str>, body: &str) -> Response {
    let token = token
        .map(|t| format!("X-Ditich-Token: {t}\r\n"))
        .unwrap_or_default();
    let raw = format!(
        "POST {path} HTTP/1.1\r\nHost: {address}\r\nOrigin: {origin}\r\n{token}Content-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    running::request(address, raw.as_bytes())
}

fn json_of(response: Response) -> (u16, Value) {
    let value = serde_json::from_str(&response.body)
        .unwrap_or_else(|e| panic!("{e}: {}\n{}", response.head, response.body));
    (response.status, value)
}

#[test]
fn a_saved_form_changes_its_keys_and_keeps_every_comment_of_the_file() {
    let project = Project::sample();
    let studio = Studio::start(&project);
    let before = project.read("sites/den-mau/index.md");
    let (mut form, version) = studio.open("den-mau");
    assert_eq!(form["text"]["name"], "Đền (mục mẫu)");
    assert_eq!(form["location"], "19.0287, 105.4503");
    form["text"]["name"] = json!("Đền Cả");
    form["text"]["opening_hours"] = json!("7:00–17:00 hằng ngày");
    form["types"] = json!(["historical"]);

    let (status, saved) = studio.save("den-mau", &form, &version);
    assert_eq!(status, 200, "{saved}");
    let after = project.read("sites/den-mau/index.md");
    assert!(after.contains("name = \"Đền Cả\"\n"), "{after}");
    assert!(after.contains("opening_hours = \"7:00–17:00 hằng ngày\""));
    assert!(after.contains("types = [\"historical\"]"));
    // The lines the form did not change, with their comments, stay as the officer wrote them.
    for line in before.lines().filter(|l| !l.starts_with("name =")) {
        assert!(after.contains(line), "lost: {line}");
    }
    project.build().success();
    assert!(project.read("output/den-mau/index.html").contains("Đền Cả"));
}

#[test]
fn a_save_the_build_would_fail_on_is_refused_beside_its_field_and_writes_nothing() {
    let project = Project::sample();
    let studio = Studio::start(&project);
    let before = project.read("sites/den-mau/index.md");
    let (mut form, version) = studio.open("den-mau");
    form["text"]["rank"] = json!("cấp tỉnh");

    let (status, refused) = studio.save("den-mau", &form, &version);
    assert_eq!(status, 422, "{refused}");
    let problems = refused["problems"].as_array().unwrap();
    assert!(
        problems
            .iter()
            .any(|p| p["field"] == "rank" && p["error"] == true),
        "{refused}"
    );
    // In the officer's Vietnamese, with the English for the studio's English switch, whatever
    // language the computer speaks (the test runs with LANG=C).
    let rank = problems.iter().find(|p| p["field"] == "rank").unwrap();
    let help = rank["help"].as_str().unwrap();
    assert!(help.contains("viết rank = \"provincial\""), "{rank}");
    assert!(
        rank["en"]["help"]
            .as_str()
            .unwrap()
            .contains("write rank = \"provincial\""),
        "{rank}"
    );
    assert_eq!(project.read("sites/den-mau/index.md"), before);

    // Fixed in the form, the same save goes through.
    form["text"]["rank"] = json!("provincial");
    assert_eq!(studio.save("den-mau", &form, &version).0, 200);
}

#[test]
fn the_english_words_beside_the_form_are_saved_as_the_relics_translation() {
    let project = Project::sample();
    let studio = Studio::start(&project);
    let (status, relic) = studio.get("/api/relic?folder=den-mau");
    assert_eq!(status, 200, "{relic}");
    assert_eq!(
        relic["translation"]["version"], "",
        "the sample's den-mau has no English yet"
    );
    let words = json!({ "text": { "name": "Sample Temple", "summary": "A temple by the river.", "machine_translated": "true" }, "body": "The story in English.\n" });
    let (status, saved) = studio.post(
        "/api/relic?folder=den-mau",
        &json!({ "version": relic["version"], "form": relic["form"], "translation": { "version": "", "form": words } }),
    );
    assert_eq!(status, 200, "{saved}");
    let english = project.read("sites/den-mau/index.en.md");
    let id = relic["form"]["text"]["id"].as_str().unwrap();
    assert!(english.contains(&format!("id = \"{id}\"")), "{english}");
    assert!(english.contains("machine_translated = true"), "{english}");
    project.build().success();
    let page = project.read("output/en/den-mau/index.html");
    assert!(page.contains("Sample Temple"), "{page}");
    // Opened again, from the version the save answered; a stale one is refused.
    let (_, again) = studio.get("/api/relic?folder=den-mau");
    assert_eq!(
        again["translation"]["version"],
        saved["translation_version"]
    );
    assert_eq!(
        again["translation"]["form"]["text"]["name"],
        "Sample Temple"
    );
    let (status, _) = studio.post(
        "/api/relic?folder=den-mau",
        &json!({ "version": again["version"], "form": again["form"], "translation": { "version": "stale", "form": words } }),
    );
    assert_eq!(status, 409);
}

#[test]
fn the_live_preview_builds_what_is_typed_and_writes_nothing_in_the_project() {
    let project = Project::sample();
    let studio = Studio::start(&project);
    let (mut form, version) = studio.open("den-mau");
    let before = project.read("sites/den-mau/index.md");
    form["body"] = json!("\n## Chưa lưu\n\nĐang gõ.\n");
    let (status, live) = studio.post(
        "/api/preview?folder=den-mau",
        &json!({ "version": version, "form": form }),
    );
    assert_eq!(status, 200, "{live}");
    let page = live["page"].as_str().unwrap();
    assert!(page.starts_with("/live/"), "{page}");
    let shown = get(&studio.address, page);
    assert!(shown.body.contains("Chưa lưu"), "{}", shown.body);
    assert_eq!(project.read("sites/den-mau/index.md"), before);
    // What the build refuses is shown as on a save, and the last live page stays.
    form["text"]["rank"] = json!("xếp hạng");
    let (status, refused) = studio.post(
        "/api/preview?folder=den-mau",
        &json!({ "version": version, "form": form }),
    );
    assert_eq!(status, 422, "{refused}");
    assert_eq!(refused["problems"][0]["field"], "rank", "{refused}");
    assert!(get(&studio.address, page).body.contains("Chưa lưu"));
}

#[test]
fn the_form_is_made_from_the_field_table() {
    let project = Project::sample();
    let studio = Studio::start(&project);
    let (status, fields) = studio.get("/api/fields");
    assert_eq!(status, 200);
    assert_eq!(fields["translation"], "en");
    let keys: Vec<&str> = fields["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["key"].as_str().unwrap())
        .collect();
    for key in [
        "id",
        "name",
        "rank",
        "category",
        "types",
        "summary",
        "hamlet",
        "recognition.date",
        "wifi.password",
        "updated",
        "machine_translated",
    ] {
        assert!(keys.contains(&key), "{key} missing from {keys:?}");
    }
    let name = &fields["fields"][1];
    assert_eq!(name["label"]["vi"], "Tên di tích");
    assert_eq!(name["place"], "translated");
    assert!(
        fields["choices"]["rank"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["key"] == "provincial")
    );
}

#[test]
fn several_relics_are_printed_in_the_sizes_picked_and_recorded() {
    let project = Project::sample();
    let studio = Studio::start(&project);
    let (status, printed) = studio.post(
        "/api/print",
        &json!({ "ids": ["DT01", "DT02"], "sizes": ["plaque"] }),
    );
    assert_eq!(status, 200, "{printed}");
    let files: Vec<&str> = printed["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f.as_str().unwrap())
        .collect();
    assert_eq!(
        files,
        [
            "/posters/DT01-plaque.pdf",
            "/posters/DT01-plaque.png",
            "/posters/DT02-plaque.pdf",
            "/posters/DT02-plaque.png"
        ]
    );
    let pdf = get(&studio.address, files[0]);
    assert_eq!(pdf.status, 200);
    let ledger = project.read("plaques.toml");
    for id in ["DT01", "DT02"] {
        assert!(ledger.contains(&format!("id = \"{id}\"")), "{ledger}");
    }
    assert!(!ledger.contains("DT03"), "{ledger}");
    let (status, refused) = studio.post("/api/print", &json!({ "ids": [] }));
    assert_eq!(status, 422);
    assert!(
        refused["refused"]
            .as_str()
            .unwrap()
            .contains("ít nhất một di tích")
    );
    let (status, refused) = studio.post("/api/print", &json!({ "ids": ["DT99"] }));
    assert_eq!(status, 422);
    assert!(
        refused["refused"].as_str().unwrap().contains("DT99"),
        "{refused}"
    );
}

#[test]
fn an_unfinished_relic_is_kept_as_a_draft_the_build_leaves_out() {
    let project = Project::sample();
    let studio = Studio::start(&project);
    let (mut form, version) = studio.open("den-mau");
    form["text"]["rank"] = json!("xếp hạng tỉnh");
    let (status, _) = studio.save("den-mau", &form, &version);
    assert_eq!(status, 422, "not a draft: refused");
    form["text"]["draft"] = json!("true");
    let (status, saved) = studio.save("den-mau", &form, &version);
    assert_eq!(status, 200, "{saved}");
    assert!(
        saved["problems"]
            .as_array()
            .unwrap()
            .iter()
            .all(|p| p["error"] == false),
        "{saved}"
    );
    assert!(
        project
            .read("sites/den-mau/index.md")
            .contains("draft = true")
    );
    let (_, list) = studio.get("/api/relics");
    let relic = list["relics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["folder"] == "den-mau")
        .cloned()
        .unwrap();
    assert_eq!(relic["draft"], true);
    let build = project.build();
    assert_eq!(build.code, Some(0), "{}", build.stderr);
    assert!(!project.output().join("den-mau").exists());
    // Its live preview has no page, as the published site will not.
    let (status, live) = studio.post(
        "/api/preview?folder=den-mau",
        &json!({ "version": saved["version"], "form": form }),
    );
    assert_eq!(status, 200, "{live}");
    assert!(live["page"].is_null(), "{live}");
}

#[test]
fn a_folder_is_renamed_and_a_printed_relic_retired_only_with_the_relic_its_code_opens() {
    let project = Project::sample();
    let studio = Studio::start(&project);
    let (status, renamed) = studio.post(
        "/api/rename?folder=den-mau",
        &json!({ "to": "Đền Mẫu Mới" }),
    );
    assert_eq!(status, 422, "not a folder name: {renamed}");
    assert!(
        renamed["vi"].as_str().unwrap().contains("den-mau-moi"),
        "{renamed}"
    );
    let (status, renamed) = studio.post(
        "/api/rename?folder=den-mau",
        &json!({ "to": "den-mau-moi" }),
    );
    assert_eq!(status, 200, "{renamed}");
    assert_eq!(renamed["folder"], "den-mau-moi");
    assert!(
        renamed["vi"].as_str().unwrap().contains("/den-mau-moi/"),
        "{renamed}"
    );
    assert!(project.path("sites/den-mau-moi/index.md").is_file());

    let (status, printed) = studio.post("/api/print?folder=den-mau-moi", &json!({}));
    assert_eq!(status, 200, "{printed}");
    let id = printed["ids"][0].as_str().unwrap().to_owned();
    let (status, refused) = studio.post("/api/retire?folder=den-mau-moi", &json!({}));
    assert_eq!(status, 422, "{refused}");
    assert!(refused["vi"].as_str().unwrap().contains(&id), "{refused}");
    assert!(project.path("sites/den-mau-moi").is_dir());
    let (status, retired) = studio.post("/api/retire?folder=den-mau-moi", &json!({ "to": "DT01" }));
    assert_eq!(status, 200, "{retired}");
    assert!(!project.path("sites/den-mau-moi").exists());
    assert!(project.path("retired/den-mau-moi/index.md").is_file());
    project.build().success();
    let landing = project.read(&format!("output/Q/{id}/index.html"));
    assert!(landing.contains("nha-tho-ho-doan"), "{landing}");
}

#[test]
fn a_second_tab_saving_over_a_newer_file_is_refused() {
    let project = Project::sample();
    let studio = Studio::start(&project);
    let (mut first, version) = studio.open("den-mau");
    let (mut second, _) = studio.open("den-mau");
    first["text"]["hamlet"] = json!("Xóm Giáp Ngói");
    assert_eq!(studio.save("den-mau", &first, &version).0, 200);

    second["text"]["hamlet"] = json!("Xóm Yên Lạc");
    let (status, refused) = studio.save("den-mau", &second, &version);
    assert_eq!(status, 409, "{refused}");
    assert!(refused["refused"].as_str().unwrap().contains("tải lại"));
    assert!(
        project
            .read("sites/den-mau/index.md")
            .contains("Xóm Giáp Ngói")
    );
}

#[test]
fn a_new_relic_gets_the_next_free_code_and_builds_with_its_page_and_plaque_landing() {
    let project = Project::sample();
    let studio = Studio::start(&project);
    let (_, next) = studio.get("/api/next-code");
    let id = next["id"].as_str().unwrap().to_owned();
    assert_eq!(id, "DT08");
    let form = json!({
        "text": {
            "id": id,
            "name": "Miếu Thành Hoàng",
            "rank": "unranked",
            "category": "shrine",
            "summary": "Miếu nhỏ thờ Thành hoàng làng ở đầu xóm.",
            "hamlet": "Xóm Đông",
        },
        "types": [],
        "location": "https://www.openstreetmap.org/?mlat=19.03&mlon=105.45#map=17/19.03/105.45",
        "body": "## Lịch sử\n\nMiếu được dựng lại năm 1995.\n",
    });
    let (status, saved) = studio.post("/api/new", &json!({ "form": form }));
    assert_eq!(status, 200, "{saved}");
    assert_eq!(saved["folder"], "mieu-thanh-hoang");
    let text = project.read("sites/mieu-thanh-hoang/index.md");
    assert!(
        text.contains("location = { lat = 19.03, lon = 105.45 }"),
        "{text}"
    );
    // The form writes into the file `ditich new` makes, with its explanations.
    assert!(text.contains("# Mã in trên biển QR"));

    let (_, list) = studio.get("/api/relics");
    assert!(
        list["relics"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["id"] == "DT08")
    );
    project.build().success();
    assert!(
        project
            .read("output/mieu-thanh-hoang/index.html")
            .contains("Miếu Thành Hoàng")
    );
    assert!(project.path("output/Q/DT08/index.html").is_file());
}

#[test]
fn a_new_relic_the_build_would_fail_on_leaves_no_folder_behind() {
    let project = Project::sample();
    let studio = Studio::start(&project);
    let form = json!({ "text": { "name": "Đình Mới", "rank": "national", "category": "đình" } });
    let (status, refused) = studio.post("/api/new", &json!({ "form": form }));
    assert_eq!(status, 422, "{refused}");
    assert!(
        refused["problems"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p["field"] == "category"),
        "{refused}"
    );
    assert!(!project.path("sites/dinh-moi").exists());
}

#[test]
fn requests_to_another_host_are_refused_against_dns_rebinding() {
    let project = Project::sample();
    let studio = Studio::start(&project);
    let raw = format!(
        "GET /api/relics HTTP/1.1\r\nHost: evil.example:{}\r\nConnection: close\r\n\r\n",
        studio.address.rsplit(':').next().unwrap()
    );
    let refused = running::request(&studio.address, raw.as_bytes());
    assert_eq!(refused.status, 421, "{}", refused.body);
    assert!(!refused.body.contains("DT01"));
}

#[test]
fn changes_without_the_secret_or_from_another_page_are_refused() {
    let project = Project::sample();
    let studio = Studio::start(&project);
    let before = project.read("sites/den-mau/index.md");
    let (mut form, version) = studio.open("den-mau");
    form["text"]["name"] = json!("Bị sửa");
    let body = json!({ "version": version, "form": form }).to_string();
    let own = format!("http://{}", studio.address);
    let path = "/api/relic?folder=den-mau";
    let tries = [
        (own.as_str(), None),
        (own.as_str(), Some("0000")),
        ("http://evil.example", Some(studio.token.as_str())),
        ("null", Some(studio.token.as_str())),
    ];
    for (origin, token) in tries {
        let refused = post(&studio.address, path, origin, token, &body);
        assert_eq!(refused.status, 403, "{origin} {token:?}: {}", refused.body);
    }
    assert_eq!(project.read("sites/den-mau/index.md"), before);
}

#[test]
fn a_body_over_the_limit_is_refused() {
    let project = Project::sample();
    let studio = Studio::start(&project);
    let huge = format!(
        "{{\"form\":{{\"body\":\"{}\"}}}}",
        "a".repeat(3 * 1024 * 1024)
    );
    let refused = post(
        &studio.address,
        "/api/new",
        &format!("http://{}", studio.address),
        Some(&studio.token),
        &huge,
    );
    assert_eq!(refused.status, 413, "{}", refused.body);
}

#[test]
fn a_folder_outside_sites_is_never_read_or_written() {
    let project = Project::sample();
    let studio = Studio::start(&project);
    for folder in [
        "..",
        "../..",
        "%2e%2e",
        "..%2F..%2Fsite.toml",
        "/etc",
        "den-mau/../..",
        "CON",
        "den-mau%00",
    ] {
        let (status, _) = studio.get(&format!("/api/relic?folder={folder}"));
        assert_eq!(status, 404, "{folder}");
        let (status, _) = studio.save(folder, &json!({}), "");
        assert_eq!(status, 404, "{folder}");
    }
    assert_eq!(studio.get("/preview/../site.toml").0, 404);
}

#[test]
fn an_officer_adds_a_relic_in_the_studio_in_headless_chromium() {
    let needs = [("node", "nodejs"), ("npm", "npm"), ("chromium", "chromium")];
    if !crate::browser::have(
        "an_officer_adds_a_relic_in_the_studio_in_headless_chromium",
        &needs,
    ) {
        return;
    }
    let project = Project::sample();
    let studio = Studio::start(&project);
    let photo = project.path("sites/den-mau/cover.jpg");
    studio.check_in_chromium("studio.check.mjs", &[("DITICH_PHOTO", photo.as_os_str())]);
    // What the studio wrote builds, with each new relic's page and the landing of its plaque.
    project.build().success();
    for (folder, name, id) in [
        ("mieu-thanh-hoang", "Miếu Thành Hoàng", "DT08"),
        ("nghe-yen-lac", "Nghè Yên Lạc", "DT09"),
    ] {
        assert!(
            project
                .read(&format!("output/{folder}/index.html"))
                .contains(name)
        );
        assert!(project.path(&format!("output/Q/{id}/index.html")).is_file());
        // Typed beside the Vietnamese, written as the relic's English version.
        assert!(
            project
                .read(&format!("output/en/{folder}/index.html"))
                .contains(&format!("{name} (English)"))
        );
        let story = project.read(&format!("sites/{folder}/index.md"));
        assert!(story.contains("## Lễ hội"), "{story}");
        assert!(story.contains("location = { lat = 19."), "{story}");
        // The photo made the cover by hand in the gallery editor.
        assert!(story.contains("cover = \"san-mieu.jpg\""), "{story}");
        // Printed from the studio: recorded as `ditich posters` records it.
        let ledger = project.read("plaques.toml");
        assert!(ledger.contains(&format!("id = \"{id}\"")), "{ledger}");
        assert!(
            ledger.contains(&format!("folder = \"sites/{folder}\"")),
            "{ledger}"
        );
    }
}

#[test]
fn an_officer_publishes_from_the_studio_in_headless_chromium() {
    let test = "an_officer_publishes_from_the_studio_in_headless_chromium";
    let needs = [("node", "nodejs"), ("npm", "npm"), ("chromium", "chromium")];
    if !crate::browser::have(test, &needs) {
        return;
    }
    let Some(sshd) = crate::servers::Sshd::start(test) else {
        return;
    };
    let project = Project::fixture("two-relics");
    let settings = sshd.settings(sshd.port, true);
    project.write("site.toml", project.read("site.toml") + "\n" + &settings);
    let studio = Studio::start(&project);
    let fingerprint = sshd.fingerprint();
    studio.check_in_chromium(
        "studio-publish.check.mjs",
        &[("DITICH_FINGERPRINT", fingerprint.as_ref())],
    );
    // The host holds the build, and this computer now knows its key.
    let mut built = crate::project::files(&project.output());
    built.retain(|path, _| !path.starts_with(".ditich-"));
    let mut on_host = crate::project::files(&sshd.folder);
    assert!(on_host.remove(".ditich-published.gz").is_some());
    assert_eq!(on_host, built);
    assert_eq!(
        project.read("known_hosts").trim(),
        sshd.known_hosts_line(sshd.port).trim()
    );
}

#[test]
fn the_studio_asks_for_the_password_a_host_wants() {
    let Some(sshd) = crate::servers::Sshd::start("the_studio_asks_for_the_password_a_host_wants")
    else {
        return;
    };
    let project = Project::fixture("two-relics");
    project.write("known_hosts", sshd.known_hosts_line(sshd.port));
    let settings = sshd.settings(sshd.port, false);
    project.write("site.toml", project.read("site.toml") + "\n" + &settings);
    let studio = Studio::start(&project);
    let (status, asked) = studio.post("/api/publish", &json!({}));
    assert_eq!(status, 401, "{asked}");
    assert_eq!(asked["needs"], "password");
    assert_eq!(asked["whose"], format!("{}@127.0.0.1", sshd.user));
    // The test's sshd lets no one in by password.
    let (status, refused) = studio.post("/api/publish", &json!({ "password": "sai-mat-khau" }));
    assert_eq!(status, 502, "{refused}");
    let text = refused["refused"].as_str().unwrap();
    assert!(text.contains("127.0.0.1 refused the login of"), "{text}");
    assert_eq!(sshd.written(), Vec::<String>::new());
}

/// Uploads `bytes` as the file `name` to the relic `folder`, as the studio's page does.
fn upload(studio: &Studio, folder: &str, name: &str, alt: &str, bytes: &[u8]) -> (u16, Value) {
    let (_, version) = studio.open(folder);
    let encode = |text: &str| {
        percent_encoding::utf8_percent_encode(text, percent_encoding::NON_ALPHANUMERIC).to_string()
    };
    let mut raw = format!(
        "POST /api/upload?folder={folder} HTTP/1.1\r\nHost: {0}\r\nOrigin: http://{0}\r\nX-Ditich-Token: {1}\r\nX-File-Name: {2}\r\nX-Alt: {3}\r\nX-Version: {version}\r\nContent-Length: {4}\r\nConnection: close\r\n\r\n",
        studio.address,
        studio.token,
        encode(name),
        encode(alt),
        bytes.len()
    )
    .into_bytes();
    raw.extend_from_slice(bytes);
    json_of(running::request(&studio.address, &raw))
}

#[test]
fn a_photo_from_a_phone_is_kept_upright_small_and_without_its_metadata_as_the_cover() {
    let project = Project::sample();
    let studio = Studio::start(&project);
    // Sideways, as a phone held upright saves it, and larger than any page needs.
    let sideways = crate::build::jpeg(4400, 1200);
    let folder = "dia-diem-su-kien-mau";
    let (status, refused) = upload(&studio, folder, "Ảnh cổng.JPG", " ", &sideways);
    assert_eq!(status, 422, "a photo needs its description: {refused}");
    assert!(
        !project
            .path(&format!("sites/{folder}/anh-cong.jpg"))
            .exists()
    );

    let (status, saved) = upload(
        &studio,
        folder,
        "Ảnh cổng.JPG",
        "Cổng đền nhìn từ sân",
        &crate::build::with_exif(&sideways),
    );
    assert_eq!(status, 200, "{saved}");
    let kept = std::fs::read(project.path(&format!("sites/{folder}/anh-cong.jpg"))).unwrap();
    assert!(!crate::build::contains(&kept, b"Exif") && !crate::build::contains(&kept, b"Canon"));
    let image = image::load_from_memory(&kept).unwrap();
    assert_eq!(image.height(), 4000, "upright and scaled down to 4000 px");
    assert!((1090..=1091).contains(&image.width()), "{}", image.width());
    let text = project.read(&format!("sites/{folder}/index.md"));
    assert!(
        text.contains("cover = \"anh-cong.jpg\"\ncover_alt = \"Cổng đền nhìn từ sân\""),
        "{text}"
    );
    project.build().success();
    assert!(
        project
            .path(&format!("output/{folder}/anh-cong-400.jpg"))
            .is_file()
    );
}

#[test]
fn uploads_the_build_cannot_read_or_named_to_climb_out_are_refused_or_kept_inside() {
    let project = Project::sample();
    let site_toml = project.read("site.toml");
    let studio = Studio::start(&project);
    let (status, refused) = upload(&studio, "den-mau", "IMG_0001.HEIC", "Đền", b"ftypheic");
    assert_eq!(status, 422);
    assert!(
        refused["refused"]
            .as_str()
            .unwrap()
            .contains("Tương thích nhất"),
        "{refused}"
    );
    let (status, refused) = upload(&studio, "den-mau", "bai.docx", "", b"PK");
    assert_eq!(status, 422, "{refused}");

    let jpeg = crate::build::jpeg(900, 600);
    let (status, saved) = upload(
        &studio,
        "den-mau",
        "../../../site.toml.jpg",
        "Sân đền",
        &jpeg,
    );
    assert_eq!(status, 200, "{saved}");
    assert!(project.path("sites/den-mau/site-toml.jpg").is_file());
    assert!(
        project
            .read("sites/den-mau/index.md")
            .contains("[[photos]]\nfile = \"site-toml.jpg\"\nalt = \"Sân đền\"")
    );
    assert_eq!(project.read("site.toml"), site_toml);
}
