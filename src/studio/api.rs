//! The studio's requests: its page, the relics as the form shows them, saving and the preview.
//! Every answer is JSON but the page, its script and style, and the preview's files.

use std::io::Read as _;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use serde_json::json;
use tiny_http::{Method, Request, Response};

use super::form::{self, Form};
use super::guard::{self, Refusal};
use super::upload;
use super::{Event, Studio};
use crate::diagnostic::{Diagnostic, Severity};
use crate::load::SITES_DIR;
use crate::model::kinds::{Category, Rank, RelicType};
use crate::serve::{Reply, header, text};

const PAGE: &str = include_str!("app/index.html");
const SCRIPT: &str = include_str!("app/studio.js");
const STYLE: &str = include_str!("app/studio.css");
const CHANGED_ELSEWHERE: &str = "Tệp này vừa được sửa ở nơi khác (một thẻ khác hoặc trình soạn thảo). Hãy tải lại di tích rồi sửa lại. / The file changed since it was opened (another tab or an editor): reload the relic and edit again.";

pub fn respond(studio: &Studio, mut request: Request, report: &(dyn Fn(Event) + Sync)) {
    let header = |name: &'static str| {
        request
            .headers()
            .iter()
            .find(|h| h.field.equiv(name))
            .map(|h| h.value.as_str().to_owned())
    };
    let (host, origin, token) = (header("Host"), header("Origin"), header("X-Ditich-Token"));
    let decoded = |name| {
        header(name).map(|v| {
            percent_encoding::percent_decode_str(&v)
                .decode_utf8_lossy()
                .into_owned()
        })
    };
    let sent = Sent {
        name: decoded("X-File-Name").unwrap_or_default(),
        alt: decoded("X-Alt").unwrap_or_default(),
        version: decoded("X-Version").unwrap_or_default(),
    };
    let changes = !matches!(request.method(), Method::Get | Method::Head);
    let limit = if request.url().starts_with("/api/upload?") {
        upload::MAX_UPLOAD
    } else {
        guard::MAX_BODY
    };
    let checked = studio.guard.check(&guard::Request {
        host: host.as_deref(),
        origin: origin.as_deref(),
        token: token.as_deref(),
        changes,
        length: request.body_length(),
        limit,
    });
    let reply = match checked {
        Err(refusal) => refused(&refusal),
        Ok(()) if changes => match body(&mut request, limit) {
            Ok(body) => change(studio, request.url(), &body, &sent, report),
            Err(refusal) => refused(&refusal),
        },
        Ok(()) => read(studio, request.url()),
    };
    // The tab may have gone; nothing to do about it.
    let _ = request.respond(reply);
}

/// What an upload says of itself in its headers, percent-encoded since they are ASCII.
struct Sent {
    /// The file's name on the officer's computer.
    name: String,
    /// What the photo shows, asked for as it is added.
    alt: String,
    /// The version of the relic file the form was opened from.
    version: String,
}

fn body(request: &mut Request, limit: usize) -> Result<Vec<u8>, Refusal> {
    let mut body = Vec::new();
    let read = request
        .as_reader()
        .take(limit as u64 + 1)
        .read_to_end(&mut body);
    match read {
        Ok(_) if body.len() <= limit => Ok(body),
        _ => Err(Refusal::TooLarge),
    }
}

fn refused(refusal: &Refusal) -> Reply {
    reply(refusal.status(), &json!({ "refused": refusal.message() }))
}

fn read(studio: &Studio, url: &str) -> Reply {
    let (path, query) = url.split_once('?').unwrap_or((url, ""));
    match path {
        "/" => page(studio),
        "/studio.js" => text(200, "text/javascript; charset=utf-8", SCRIPT),
        "/studio.css" => text(200, "text/css; charset=utf-8", STYLE),
        "/api/relics" => reply(200, &relics(studio)),
        "/api/choices" => reply(200, &choices(studio)),
        "/api/next-code" => reply(
            200,
            &json!({ "id": crate::scaffold::next_code(&studio.root) }),
        ),
        "/api/relic" => match folder(studio, query) {
            Some(folder) => relic(studio, &folder),
            None => not_found(),
        },
        "/api/photo" => match folder(studio, query) {
            Some(folder) => photo(studio, &folder),
            None => not_found(),
        },
        _ if path.starts_with("/posters/") => print_file(studio, &path["/posters/".len()..]),
        _ => match path.strip_prefix("/preview") {
            Some(rest) => preview(studio, rest),
            None => not_found(),
        },
    }
}

fn change(
    studio: &Studio,
    url: &str,
    body: &[u8],
    sent: &Sent,
    report: &(dyn Fn(Event) + Sync),
) -> Reply {
    let (path, query) = url.split_once('?').unwrap_or((url, ""));
    let save = match path {
        "/api/upload" | "/api/print" => None,
        _ => match serde_json::from_slice::<Save>(body) {
            Ok(save) => Some(save),
            Err(_) => {
                return reply(
                    400,
                    &json!({ "refused": "Dữ liệu gửi lên không đọc được. / The request cannot be read." }),
                );
            }
        },
    };
    // Like a build, a save holds the project: one save at a time, each checking the project as
    // the last left it, and a build started meanwhile waits and never sees a new relic's
    // folder that a refused save is about to take away.
    let _project = match crate::lock::ProjectLock::acquire(&studio.root, || {}) {
        Ok(lock) => lock,
        Err(err) => return reply(500, &json!({ "refused": format!("{err:#}") })),
    };
    let saved = match (path, &save) {
        ("/api/relic", Some(save)) => match folder(studio, query) {
            Some(folder) => save_relic(studio, &folder, save),
            None => return not_found(),
        },
        ("/api/new", Some(save)) => new_relic(studio, save),
        ("/api/upload", None) => match folder(studio, query) {
            Some(folder) => upload(studio, &folder, sent, body),
            None => return not_found(),
        },
        ("/api/print", None) => match folder(studio, query) {
            Some(folder) => return print(studio, &folder),
            None => return not_found(),
        },
        _ => return not_found(),
    };
    if let Some(file) = saved.saved.clone() {
        studio.rebuild_preview();
        report(Event::Saved { file });
    }
    reply(saved.status, &saved)
}

/// What the form sends to save a relic: its values, and the version of the file it was
/// opened from (empty for a new relic).
#[derive(Deserialize)]
struct Save {
    #[serde(default)]
    version: String,
    form: Form,
}

#[derive(Serialize)]
struct Saved {
    #[serde(skip)]
    status: u16,
    /// The file written, project-relative, when it was.
    saved: Option<String>,
    folder: Option<String>,
    version: Option<String>,
    problems: Vec<Problem>,
    refused: Option<String>,
}

/// A problem as the form shows it: next to the field of its key, when it has one.
#[derive(Serialize)]
struct Problem {
    field: Option<String>,
    error: bool,
    message: String,
    help: Option<String>,
    line: Option<usize>,
}

fn save_relic(studio: &Studio, folder: &str, save: &Save) -> Saved {
    let file = relic_file(folder);
    let path = studio.root.join(&file);
    let Ok(source) = read_text(&path) else {
        return refusal(
            404,
            "Không tìm thấy tệp của di tích. / The relic's file is gone.",
        );
    };
    if version(&source) != save.version {
        return refusal(409, CHANGED_ELSEWHERE);
    }
    write_checked(studio, folder, &file, &source, &save.form)
}

fn new_relic(studio: &Studio, save: &Save) -> Saved {
    let name = save
        .form
        .text
        .get("name")
        .map(|n| n.trim())
        .unwrap_or_default();
    // The file starts as `ditich new` makes it, under the next free code; the form's own code
    // is then written like any other key, so a taken one is shown beside its field.
    let created = crate::model::Date::today()
        .and_then(|today| crate::scaffold::relic(&studio.root, name, None, today));
    let created = match created {
        Ok(created) => created,
        Err(err) => return refusal(422, &err.to_string()),
    };
    let file = PathBuf::from(&created.file);
    let folder = file
        .parent()
        .and_then(Path::file_name)
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_default();
    let source = read_text(&studio.root.join(&file)).unwrap_or_default();
    let saved = write_checked(studio, &folder, &file, &source, &save.form);
    if saved.saved.is_none() {
        // The folder was made for this save alone.
        let _ = std::fs::remove_dir_all(studio.root.join(SITES_DIR).join(&folder));
    }
    saved
}

/// Writes `form` into the relic file `file`, which holds `source`, as [`commit`] does.
fn write_checked(studio: &Studio, folder: &str, file: &Path, source: &str, form: &Form) -> Saved {
    let mut form = form.clone();
    if !form.location.trim().is_empty() {
        match form::location(&form.location) {
            Some((lat, lon)) => form.location = format!("{lat}, {lon}"),
            None => {
                return Saved {
                    problems: vec![Problem {
                        field: Some("location".into()),
                        error: true,
                        message: "Không đọc được toạ độ. Dán hai số như 19.0232, 105.4471 hoặc một liên kết Google Maps, OpenStreetMap. / The location is not a point: paste two numbers such as 19.0232, 105.4471, or a Google Maps or OpenStreetMap link.".into(),
                        help: None,
                        line: None,
                    }],
                    ..refusal(422, "")
                };
            }
        }
    }
    match form::write(file, source, &form) {
        Ok(text) => commit(studio, folder, file, text),
        Err(form::Unreadable(why)) => refusal(422, &why),
    }
}

/// Writes `text` to the relic file `file` when the project checks without an error with it;
/// else leaves the file as it was and says why.
fn commit(studio: &Studio, folder: &str, file: &Path, text: String) -> Saved {
    let report = crate::check_text(&studio.root, file, text.clone().into_bytes());
    let problems: Vec<Problem> = report
        .diagnostics
        .iter()
        .filter(|d| {
            d.is_error()
                || d.file.as_deref() == Some(crate::diagnostic::display_path(file).as_str())
        })
        .map(|d| problem(studio, d, file, &text))
        .collect();
    if problems.iter().any(|p| p.error) {
        return Saved {
            problems,
            ..refusal(422, "")
        };
    }
    if let Err(err) = crate::cache::store(&studio.root.join(file), text.as_bytes()) {
        return refusal(
            500,
            &format!("Không ghi được tệp. / Cannot write the file: {err}"),
        );
    }
    Saved {
        status: 200,
        saved: Some(crate::diagnostic::display_path(file)),
        folder: Some(folder.to_owned()),
        version: Some(version(&text)),
        problems,
        refused: None,
    }
}

/// A photo or audio file put into the relic's folder and named in its front matter, kept
/// only when the project still checks without an error.
fn upload(studio: &Studio, folder: &str, sent: &Sent, bytes: &[u8]) -> Saved {
    let file = relic_file(folder);
    let Ok(source) = read_text(&studio.root.join(&file)) else {
        return refusal(
            404,
            "Không tìm thấy tệp của di tích. / The relic's file is gone.",
        );
    };
    if version(&source) != sent.version {
        return refusal(409, CHANGED_ELSEWHERE);
    }
    let dir = studio.root.join(SITES_DIR).join(folder);
    let (name, kept, photo) = match upload::prepare(&dir, &sent.name, bytes) {
        Ok(upload::Kept::Photo { name, bytes }) => {
            if sent.alt.trim().is_empty() {
                return refusal(
                    422,
                    "Hãy viết một câu mô tả ảnh cho người không nhìn thấy, rồi tải lên lại. / Describe the photo for visitors who cannot see it, then upload it again.",
                );
            }
            (name, bytes, true)
        }
        Ok(upload::Kept::Audio { name, bytes }) => (name, bytes, false),
        Err(why) => return refusal(422, &why),
    };
    let added = if photo {
        form::Added::Photo {
            name: &name,
            alt: &sent.alt,
        }
    } else {
        form::Added::Audio { name: &name }
    };
    let text = match form::add(&file, &source, &added) {
        Ok(text) => text,
        Err(form::Unreadable(why)) => return refusal(422, &why),
    };
    let path = dir.join(&name);
    if let Err(err) = crate::cache::store(&path, &kept) {
        return refusal(
            500,
            &format!("Không ghi được tệp. / Cannot write the file: {err}"),
        );
    }
    let saved = commit(studio, folder, &file, text);
    if saved.saved.is_none() {
        let _ = std::fs::remove_file(&path);
    }
    saved
}

/// What `ditich posters` does for one relic: the site built into `output/` with its print
/// files, and the relic's code recorded in `plaques.toml`. Answers the relic's print files.
fn print(studio: &Studio, folder: &str) -> Reply {
    let file = relic_file(folder);
    let id = read_text(&studio.root.join(&file))
        .ok()
        .and_then(|text| form::read(&file, &text).ok())
        .and_then(|form| form.text.get("id").cloned())
        .unwrap_or_default();
    let printed = crate::model::Date::today().and_then(|today| {
        crate::print(
            &studio.root,
            &output(studio),
            std::slice::from_ref(&id),
            today,
            &crate::Options::default(),
        )
    });
    match printed {
        Ok(report) => {
            let mut files: Vec<String> = std::fs::read_dir(output(studio).join("posters"))
                .into_iter()
                .flatten()
                .filter_map(Result::ok)
                .map(|entry| entry.file_name().to_string_lossy().into_owned())
                .filter(|name| name.starts_with(&format!("{id}-")) && !name.ends_with(".svg"))
                .map(|name| format!("/posters/{name}"))
                .collect();
            files.sort();
            reply(
                200,
                &json!({ "id": id, "recorded": report.recorded, "files": files }),
            )
        }
        Err(err) => {
            let why = match err.downcast_ref::<crate::diagnostic::Problems>() {
                Some(problems) => problems
                    .0
                    .iter()
                    .map(|d| format!("{d:#}"))
                    .collect::<Vec<_>>()
                    .join("\n"),
                None => format!("{err:#}"),
            };
            reply(
                422,
                &json!({ "refused": format!("Chưa in được. / Cannot print: {why}") }),
            )
        }
    }
}

/// A print file of `output/posters/`, by its name alone.
fn print_file(studio: &Studio, name: &str) -> Reply {
    let dir = output(studio).join("posters");
    let found = std::fs::read_dir(&dir)
        .into_iter()
        .flatten()
        .filter_map(Result::ok)
        .any(|entry| entry.file_name().to_str() == Some(name));
    match std::fs::read(dir.join(name)) {
        Ok(bytes) if found => Response::from_data(bytes).with_header(header(
            "Content-Type",
            mime_guess::from_path(name)
                .first_or_octet_stream()
                .essence_str(),
        )),
        _ => not_found(),
    }
}

/// Where `ditich build` and `ditich posters` put the site.
fn output(studio: &Studio) -> PathBuf {
    studio.root.join("output")
}

fn problem(studio: &Studio, diagnostic: &Diagnostic, file: &Path, text: &str) -> Problem {
    let line = diagnostic.location.as_ref().map(|l| l.line);
    let here = diagnostic.file.as_deref() == Some(crate::diagnostic::display_path(file).as_str());
    // A clash with another relic (two relics with one code) may be reported on the other
    // one; when it names this file, it belongs beside the same key here.
    let field = match (&diagnostic.file, line) {
        (_, Some(line)) if here => form::key_at(text, line),
        (Some(other), Some(line))
            if diagnostic
                .message
                .contains(&crate::diagnostic::display_path(file)) =>
        {
            read_text(&studio.root.join(other))
                .ok()
                .and_then(|other| form::key_at(&other, line))
        }
        _ => None,
    };
    Problem {
        field,
        error: diagnostic.severity == Severity::Error,
        message: match (&diagnostic.file, here) {
            (Some(other), false) => format!("{other}: {}", diagnostic.message),
            _ => diagnostic.message.clone(),
        },
        help: diagnostic.help.clone(),
        line,
    }
}

fn refusal(status: u16, why: &str) -> Saved {
    Saved {
        status,
        saved: None,
        folder: None,
        version: None,
        problems: Vec::new(),
        refused: (!why.is_empty()).then(|| why.to_owned()),
    }
}

/// Every relic as the list shows it: code, name, rank, photo, problems, translation, printed.
fn relics(studio: &Studio) -> serde_json::Value {
    let mut ignored = Vec::new();
    let Some(project) = crate::load::project(&studio.root, &mut ignored) else {
        let problems: Vec<String> = ignored.iter().map(|d| format!("{d:#}")).collect();
        return json!({ "relics": [], "problems": problems });
    };
    let check = crate::check(&studio.root);
    let printed: Vec<String> = project.ledger.iter().flat_map(|l| l.ids()).collect();
    let config = &project.config;
    let relics: Vec<serde_json::Value> = project
        .parsed()
        .iter()
        .map(|sources| {
            let inside = format!("{}/{}/", SITES_DIR, sources.folder_name);
            let count = |severity: Severity| {
                check
                    .diagnostics
                    .iter()
                    .filter(|d| d.severity == severity)
                    .filter(|d| d.file.as_deref().is_some_and(|f| f.starts_with(&inside)))
                    .count()
            };
            let raw = &sources.main.front_matter;
            let id = raw.id.get_ref().trim().to_owned();
            let slug = crate::slug::slugify(&sources.folder_name);
            let page = crate::urls::relic_page(config, config.default_language(), &slug);
            json!({
                "folder": sources.folder_name,
                "id": id,
                "name": raw.name.get_ref(),
                "rank": raw.rank.get_ref(),
                "category": raw.category.get_ref(),
                "hamlet": raw.hamlet,
                "photo": raw.cover.as_ref().map(|_| format!("/api/photo?folder={}", percent_encoding::utf8_percent_encode(&sources.folder_name, percent_encoding::NON_ALPHANUMERIC))),
                "errors": count(Severity::Error),
                "warnings": count(Severity::Warning),
                "translations": sources.translations.iter().map(|t| t.file.display().to_string()).collect::<Vec<_>>(),
                "printed": printed.contains(&id),
                "page": format!("/preview/{}", page.trim_start_matches('/')),
            })
        })
        .collect();
    json!({ "relics": relics })
}

/// A relic's cover photo as it is in its folder, for the list's thumbnails.
fn photo(studio: &Studio, folder: &str) -> Reply {
    let mut ignored = Vec::new();
    let cover = crate::load::project(&studio.root, &mut ignored).and_then(|project| {
        let sources = project
            .parsed()
            .into_iter()
            .find(|s| s.folder_name == folder)?;
        let name = sources.main.front_matter.cover.as_ref()?.get_ref().clone();
        let asset = sources.assets.into_iter().find(|a| a.name == name)?;
        Some(asset.path)
    });
    match cover.and_then(|path| Some((std::fs::read(&path).ok()?, path))) {
        Some((bytes, path)) => Response::from_data(bytes).with_header(header(
            "Content-Type",
            mime_guess::from_path(&path)
                .first_or_octet_stream()
                .essence_str(),
        )),
        None => not_found(),
    }
}

/// The choices of the closed vocabularies, with the theme's Vietnamese names.
fn choices(studio: &Studio) -> serde_json::Value {
    let mut ignored = Vec::new();
    let Some(project) = crate::load::project(&studio.root, &mut ignored) else {
        return json!({});
    };
    let Ok(strings) = crate::theme::strings::Strings::new(&project.theme, &project.config) else {
        return json!({});
    };
    let lang = if project.config.languages.iter().any(|l| l == "vi") {
        "vi"
    } else {
        project.config.default_language()
    };
    let labels = strings.get(lang);
    let list = |group: &str, keys: Vec<&'static str>| -> Vec<serde_json::Value> {
        keys.into_iter()
            .map(|key| json!({ "key": key, "label": labels.label(group, key) }))
            .collect()
    };
    json!({
        "rank": list(Rank::GROUP, Rank::keys()),
        "category": list(Category::GROUP, Category::keys()),
        "types": list(RelicType::GROUP, RelicType::keys()),
    })
}

fn relic(studio: &Studio, folder: &str) -> Reply {
    let file = relic_file(folder);
    let Ok(source) = read_text(&studio.root.join(&file)) else {
        return not_found();
    };
    match form::read(&file, &source) {
        Ok(form) => reply(
            200,
            &json!({ "folder": folder, "file": crate::diagnostic::display_path(&file), "version": version(&source), "form": form }),
        ),
        Err(form::Unreadable(why)) => reply(
            422,
            &json!({ "refused": format!("Tệp không mở được trong biểu mẫu; hãy sửa bằng trình soạn thảo. / The file cannot be shown in the form; fix it in an editor: {why}") }),
        ),
    }
}

/// The relic folder named in `folder=…`, when the project has one by that name: the name is
/// looked up among the folders, never joined to a path as given.
fn folder(studio: &Studio, query: &str) -> Option<String> {
    let wanted = query
        .split('&')
        .find_map(|pair| pair.strip_prefix("folder="))
        .map(|f| {
            percent_encoding::percent_decode_str(f)
                .decode_utf8_lossy()
                .into_owned()
        })?;
    std::fs::read_dir(studio.root.join(SITES_DIR))
        .ok()?
        .filter_map(Result::ok)
        .filter(|entry| entry.file_type().is_ok_and(|t| t.is_dir()))
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .find(|name| *name == wanted)
}

fn relic_file(folder: &str) -> PathBuf {
    Path::new(SITES_DIR).join(folder).join("index.md")
}

fn read_text(path: &Path) -> Result<String, Diagnostic> {
    let bytes =
        std::fs::read(path).map_err(|e| Diagnostic::error(format!("cannot read the file: {e}")))?;
    crate::read::text::decode(path, &bytes)
}

/// What a form was opened from: a save from an older version is refused.
fn version(text: &str) -> String {
    blake3::hash(text.as_bytes()).to_hex()[..16].to_owned()
}

fn page(studio: &Studio) -> Reply {
    let html = PAGE.replace("{{token}}", studio.guard.token());
    text(200, "text/html; charset=utf-8", &html)
        .with_header(header("Content-Security-Policy", "default-src 'self'; frame-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'"))
}

fn preview(studio: &Studio, rest: &str) -> Reply {
    // The guide's service worker would answer later previews from what it stored at the
    // first; the preview's removes itself, as serve's does.
    if rest.ends_with("/sw.js") {
        return text(
            200,
            "text/javascript; charset=utf-8",
            crate::serve::UNREGISTER_WORKER,
        );
    }
    // The preview is the site as published under its base path, moved under /preview.
    let url = format!("{}{}", studio.base_path, rest.trim_start_matches('/'));
    match crate::serve::paths::resolve(&studio.preview, &studio.base_path, &url) {
        Ok(file) => match std::fs::read(&file) {
            Ok(bytes) => {
                let mime = mime_guess::from_path(&file).first_or_octet_stream();
                Response::from_data(bytes)
                    .with_header(header("Content-Type", mime.essence_str()))
                    .with_header(header("Cache-Control", "no-store"))
            }
            Err(_) => not_found(),
        },
        Err(_) => not_found(),
    }
}

fn not_found() -> Reply {
    reply(
        404,
        &json!({ "refused": "Không có trang này. / Not found." }),
    )
}

fn reply(status: u16, body: &impl Serialize) -> Reply {
    let json = serde_json::to_string(body).unwrap_or_default();
    text(status, "application/json; charset=utf-8", &json)
}
