//! The studio's requests: its page, the relics as the form shows them, saving and the preview.
//! Every answer is JSON but the page, its script and style, and the preview's files.

use std::io::Read as _;
use std::path::{Path, PathBuf};

use serde::Serialize;
use serde_json::json;
use tiny_http::{Method, Request, Response};

use super::form;
use super::guard::{self, Refusal};
use super::save::{self, Save, read_text, relic_file, translation_file, version};
use super::upload;
use super::{Event, Studio};
use crate::diagnostic::Severity;
use crate::load::SITES_DIR;
use crate::load::fields::FIELDS;
use crate::model::kinds::{Category, Rank, RelicType};
use crate::serve::{Reply, header, text};

const PAGE: &str = include_str!("app/index.html");
const SCRIPT: &str = include_str!("app/studio.js");
const STYLE: &str = include_str!("app/studio.css");
const UNREADABLE: &str = "Dữ liệu gửi lên không đọc được. / The request cannot be read.";

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
    let sent = upload::Sent {
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
        "/api/fields" => reply(200, &fields(studio)),
        "/api/map" => reply(200, &map(studio)),
        "/api/next-code" => reply(
            200,
            &json!({ "id": crate::scaffold::next_code(&studio.root) }),
        ),
        "/api/relic" => match folder(studio, query) {
            Some(folder) => relic(studio, &folder),
            None => not_found(),
        },
        "/api/photo" => match folder(studio, query) {
            Some(folder) => photo(studio, &folder, query_value(query, "file").as_deref()),
            None => not_found(),
        },
        _ if path.starts_with("/posters/") => print_file(studio, &path["/posters/".len()..]),
        _ => match (path.strip_prefix("/preview"), path.strip_prefix("/live")) {
            (Some(rest), _) => preview(studio, &studio.preview, rest),
            (_, Some(rest)) => preview(studio, &studio.live, rest),
            _ => not_found(),
        },
    }
}

fn change(
    studio: &Studio,
    url: &str,
    body: &[u8],
    sent: &upload::Sent,
    report: &(dyn Fn(Event) + Sync),
) -> Reply {
    let (path, query) = url.split_once('?').unwrap_or((url, ""));
    let save = match path {
        "/api/upload" | "/api/print" | "/api/gallery" | "/api/rename" | "/api/retire"
        | "/api/publish" => None,
        _ => match serde_json::from_slice::<Save>(body) {
            Ok(save) => Some(save),
            Err(_) => return reply(400, &json!({ "refused": UNREADABLE })),
        },
    };
    // Like a build, a save holds the project: one save at a time, each checking the project as
    // the last left it, and a build started meanwhile waits and never sees a new relic's
    // folder that a refused save is about to take away.
    let project = match crate::lock::ProjectLock::acquire(&studio.root, || {}) {
        Ok(lock) => lock,
        Err(err) => return reply(500, &json!({ "refused": format!("{err:#}") })),
    };
    let saved = match (path, &save) {
        ("/api/relic", Some(save)) => match folder(studio, query) {
            Some(folder) => save::save_relic(studio, &folder, save),
            None => return not_found(),
        },
        ("/api/new", Some(save)) => save::new_relic(studio, save),
        ("/api/preview", Some(save)) => match folder(studio, query) {
            Some(folder) => {
                let lang = query_value(query, "lang").unwrap_or_default();
                let (status, answer) = save::preview(studio, &folder, save, &lang);
                return reply(status, &answer);
            }
            None => return not_found(),
        },
        ("/api/rename" | "/api/retire", None) => {
            let (Some(folder), Ok(moved)) = (folder(studio, query), serde_json::from_slice(body))
            else {
                return reply(400, &json!({ "refused": UNREADABLE }));
            };
            let answer = if path == "/api/rename" {
                rename(studio, &project, &folder, &moved)
            } else {
                retire(studio, &project, &folder, &moved)
            };
            let _ = studio.rebuild(&studio.preview, &[]);
            return answer;
        }
        ("/api/gallery", None) => match (folder(studio, query), serde_json::from_slice(body)) {
            (Some(folder), Ok(arranged)) => save::arrange(studio, &folder, &arranged),
            (None, _) => return not_found(),
            (_, Err(_)) => return reply(400, &json!({ "refused": UNREADABLE })),
        },
        ("/api/upload", None) => match folder(studio, query) {
            Some(folder) => save::upload(studio, &folder, sent, body),
            None => return not_found(),
        },
        ("/api/print", None) => {
            let wanted = match folder(studio, query) {
                Some(folder) => Printing {
                    ids: vec![id_of(studio, &folder)],
                    sizes: Vec::new(),
                },
                None if query.is_empty() => match serde_json::from_slice(body) {
                    Ok(wanted) => wanted,
                    Err(_) => return reply(400, &json!({ "refused": UNREADABLE })),
                },
                None => return not_found(),
            };
            return print(studio, &wanted);
        }
        ("/api/publish", None) => {
            let (status, answer) = super::publish::publish(studio, body);
            return reply(status, &answer);
        }
        _ => return not_found(),
    };
    if let Some(file) = saved.saved.clone() {
        let _ = studio.rebuild(&studio.preview, &[]);
        report(Event::Saved { file });
    }
    reply(saved.status, &saved)
}

/// Where a relic goes: its new folder name for a rename, the code of the relic its plaque
/// opens from now on for a retirement.
#[derive(serde::Deserialize)]
struct Moved {
    #[serde(default)]
    to: Option<String>,
}

fn rename(studio: &Studio, lock: &crate::lock::ProjectLock, folder: &str, moved: &Moved) -> Reply {
    let to = moved.to.as_deref().unwrap_or_default().trim();
    match crate::manage::rename_relic_locked(lock, &studio.root, folder, to) {
        Ok(renamed) => {
            let folder = renamed.to.rsplit('/').next().unwrap_or_default().to_owned();
            reply(
                200,
                &json!({ "folder": folder, "vi": renamed.vietnamese(), "en": renamed.english() }),
            )
        }
        Err(err) => changed_refusal(&err),
    }
}

fn retire(studio: &Studio, lock: &crate::lock::ProjectLock, folder: &str, moved: &Moved) -> Reply {
    let to = moved.to.as_deref().map(str::trim).filter(|t| !t.is_empty());
    match crate::manage::retire_relic_locked(lock, &studio.root, folder, to) {
        Ok(retired) => reply(
            200,
            &json!({ "kept_in": retired.kept_in, "vi": retired.vietnamese(), "en": retired.english() }),
        ),
        Err(err) => changed_refusal(&err),
    }
}

/// A rename or retirement refused: the project is as it was.
fn changed_refusal(err: &crate::manage::ChangeError) -> Reply {
    use crate::manage::ChangeError;
    let status = match err {
        ChangeError::Lock(_) | ChangeError::Io { .. } => 500,
        ChangeError::UnknownFolder { .. } => 404,
        _ => 422,
    };
    reply(
        status,
        &json!({ "refused": err.to_string(), "vi": err.vietnamese(), "en": err.english() }),
    )
}

/// What the officer picked to print: relics by code, and the sizes to show (every size of
/// `site.toml` when empty; the build makes them all, each cached).
#[derive(serde::Deserialize)]
struct Printing {
    ids: Vec<String>,
    #[serde(default)]
    sizes: Vec<String>,
}

/// The code of the relic in `folder`, as its file says.
fn id_of(studio: &Studio, folder: &str) -> String {
    let file = relic_file(folder);
    read_text(&studio.root.join(&file))
        .ok()
        .and_then(|text| form::read(&file, &text).ok())
        .and_then(|form| form.text.get("id").cloned())
        .unwrap_or_default()
}

/// What `ditich posters` does for the relics picked: the site built into `output/` with its
/// print files, and their codes recorded in `plaques.toml`. Answers the print files of the
/// relics in the sizes picked.
fn print(studio: &Studio, wanted: &Printing) -> Reply {
    if wanted.ids.is_empty() {
        return reply(
            422,
            &json!({ "refused": "Hãy chọn ít nhất một di tích để in. / Pick at least one relic to print." }),
        );
    }
    let printed = crate::model::Date::today().and_then(|today| {
        crate::print(
            &studio.root,
            &output(studio),
            &wanted.ids,
            today,
            &crate::Options::default(),
        )
    });
    match printed {
        Ok(report) => {
            let shown = |name: &str| {
                let Some((id, rest)) = name.split_once('-') else {
                    return false;
                };
                let size = rest.rsplit_once('.').map_or(rest, |(size, _)| size);
                wanted.ids.iter().any(|w| w == id)
                    && (wanted.sizes.is_empty() || wanted.sizes.iter().any(|s| s == size))
                    && !name.ends_with(".svg")
            };
            let mut files: Vec<String> = std::fs::read_dir(output(studio).join("posters"))
                .into_iter()
                .flatten()
                .filter_map(Result::ok)
                .map(|entry| entry.file_name().to_string_lossy().into_owned())
                .filter(|name| shown(name))
                .map(|name| format!("/posters/{name}"))
                .collect();
            files.sort();
            reply(
                200,
                &json!({ "ids": wanted.ids, "recorded": report.recorded, "files": files }),
            )
        }
        Err(err) => {
            let why = why(&err);
            reply(
                422,
                &json!({ "refused": format!("Chưa in được. / Cannot print: {why}") }),
            )
        }
    }
}

/// Why a build, or what followed it, failed: each problem of the project, or the error.
pub(super) fn why(err: &anyhow::Error) -> String {
    match err.downcast_ref::<crate::diagnostic::Problems>() {
        Some(problems) => problems
            .0
            .iter()
            .map(|d| format!("{d:#}"))
            .collect::<Vec<_>>()
            .join("\n"),
        None => format!("{err:#}"),
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
pub(super) fn output(studio: &Studio) -> PathBuf {
    studio.root.join("output")
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
                "draft": raw.draft,
                "printed": printed.contains(&id),
                "page": studio.page_of(&sources.folder_name, config.default_language(), "/preview/"),
            })
        })
        .collect();
    json!({ "relics": relics })
}

/// Every located relic, for the map the officer picks a location on.
fn map(studio: &Studio) -> serde_json::Value {
    let mut ignored = Vec::new();
    let points: Vec<serde_json::Value> = crate::load::project(&studio.root, &mut ignored)
        .map(|project| project.parsed())
        .unwrap_or_default()
        .iter()
        .filter_map(|sources| {
            let raw = &sources.main.front_matter;
            let point = raw.location.as_ref()?.get_ref();
            Some(json!({
                "folder": sources.folder_name,
                "id": raw.id.get_ref().trim(),
                "name": raw.name.get_ref(),
                "lat": point.lat,
                "lon": point.lon,
            }))
        })
        .collect();
    json!({ "points": points })
}

/// A relic's photo `file` (its cover when `None`) as it is in its folder, for the list's and
/// the gallery's thumbnails. Only a file the relic's folder holds is ever read.
fn photo(studio: &Studio, folder: &str, file: Option<&str>) -> Reply {
    let mut ignored = Vec::new();
    let cover = crate::load::project(&studio.root, &mut ignored).and_then(|project| {
        let sources = project
            .parsed()
            .into_iter()
            .find(|s| s.folder_name == folder)?;
        let name = match file {
            Some(file) => file.to_owned(),
            None => sources.main.front_matter.cover.as_ref()?.get_ref().clone(),
        };
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

/// What the form is made of: every key of a relic file, the choices of the closed
/// vocabularies with the theme's Vietnamese names, and the site's second language.
fn fields(studio: &Studio) -> serde_json::Value {
    let mut ignored = Vec::new();
    let choices = crate::load::project(&studio.root, &mut ignored).and_then(|project| {
        let strings = crate::theme::strings::Strings::new(&project.theme, &project.config).ok()?;
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
        Some(json!({
            "rank": list(Rank::GROUP, Rank::keys()),
            "category": list(Category::GROUP, Category::keys()),
            "types": list(RelicType::GROUP, RelicType::keys()),
        }))
    });
    let sizes: Vec<serde_json::Value> = studio
        .config
        .posters
        .sizes
        .iter()
        .map(|s| json!({ "name": s.name, "width_mm": s.width_mm, "height_mm": s.height_mm }))
        .collect();
    json!({ "fields": FIELDS, "choices": choices, "translation": studio.translation, "sizes": sizes })
}

/// The relic's form, its translation's when the site has a second language, and the files
/// of its folder that the form can name.
fn relic(studio: &Studio, folder: &str) -> Reply {
    let file = relic_file(folder);
    let Ok(source) = read_text(&studio.root.join(&file)) else {
        return not_found();
    };
    let unreadable = |why: String| {
        reply(
            422,
            &json!({ "refused": format!("Tệp không mở được trong biểu mẫu; hãy sửa bằng trình soạn thảo. / The file cannot be shown in the form; fix it in an editor: {why}") }),
        )
    };
    let form = match form::read(&file, &source) {
        Ok(form) => form,
        Err(form::Unreadable(why)) => return unreadable(why),
    };
    let translation = match &studio.translation {
        Some(lang) => {
            let file = translation_file(folder, lang);
            match read_text(&studio.root.join(&file)) {
                Ok(source) => match form::read(&file, &source) {
                    Ok(form) => json!({ "lang": lang, "version": version(&source), "form": form }),
                    Err(form::Unreadable(why)) => return unreadable(why),
                },
                Err(_) => json!({ "lang": lang, "version": "", "form": form::Form::default() }),
            }
        }
        None => serde_json::Value::Null,
    };
    let mut files: Vec<String> = std::fs::read_dir(studio.root.join(SITES_DIR).join(folder))
        .into_iter()
        .flatten()
        .filter_map(Result::ok)
        .filter(|entry| entry.file_type().is_ok_and(|t| t.is_file()))
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| !name.ends_with(".md"))
        .collect();
    files.sort();
    reply(
        200,
        &json!({
            "folder": folder,
            "file": crate::diagnostic::display_path(&file),
            "version": version(&source),
            "form": form,
            "translation": translation,
            "files": files,
            "gallery": form::gallery(&file, &source).unwrap_or_default(),
        }),
    )
}

/// The relic folder named in `folder=…`, when the project has one by that name: the name is
/// looked up among the folders, never joined to a path as given.
fn folder(studio: &Studio, query: &str) -> Option<String> {
    let wanted = query_value(query, "folder")?;
    std::fs::read_dir(studio.root.join(SITES_DIR))
        .ok()?
        .filter_map(Result::ok)
        .filter(|entry| entry.file_type().is_ok_and(|t| t.is_dir()))
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .find(|name| *name == wanted)
}

/// The decoded value of `name=…` in a query.
fn query_value(query: &str, name: &str) -> Option<String> {
    query.split('&').find_map(|pair| {
        let value = pair.strip_prefix(name)?.strip_prefix('=')?;
        Some(
            percent_encoding::percent_decode_str(value)
                .decode_utf8_lossy()
                .into_owned(),
        )
    })
}

fn page(studio: &Studio) -> Reply {
    let html = PAGE.replace("{{token}}", studio.guard.token());
    text(200, "text/html; charset=utf-8", &html)
        .with_header(header("Content-Security-Policy", "default-src 'self'; frame-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'"))
}

/// A file of the preview built in `dir`, the site as published under its base path moved
/// under `/preview` (saved texts) or `/live` (the form as typed).
fn preview(studio: &Studio, dir: &Path, rest: &str) -> Reply {
    // The guide's service worker would answer later previews from what it stored at the
    // first; the preview's removes itself, as serve's does.
    if rest.ends_with("/sw.js") {
        return text(
            200,
            "text/javascript; charset=utf-8",
            crate::serve::UNREGISTER_WORKER,
        );
    }
    let url = format!("{}{}", studio.base_path, rest.trim_start_matches('/'));
    match crate::serve::paths::resolve(dir, &studio.base_path, &url) {
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
