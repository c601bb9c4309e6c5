//! Saving a relic from the form. A save makes the relic's texts (its `index.md`, and its
//! translation when the form carries one), checks the whole project with them by the code of
//! `ditich check`, and writes them only when nothing would fail the build. The live preview
//! builds the same texts without writing them.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::form::{self, Form};
use super::{Studio, upload};
use crate::diagnostic::{Diagnostic, Severity, display_path};
use crate::i18n::Language;
use crate::load::SITES_DIR;

pub const CHANGED_ELSEWHERE: &str = "Tệp này vừa được sửa ở nơi khác (một thẻ khác hoặc trình soạn thảo). Hãy tải lại di tích rồi sửa lại. / The file changed since it was opened (another tab or an editor): reload the relic and edit again.";
const GONE: &str = "Không tìm thấy tệp của di tích. / The relic's file is gone.";

/// What the form sends: its values, and the version of the file it was opened from (empty
/// for a new relic or a translation not written yet).
#[derive(Deserialize)]
pub struct Save {
    #[serde(default)]
    pub version: String,
    pub form: Form,
    /// The words in the site's second language, when it has one.
    #[serde(default)]
    pub translation: Option<Translation>,
}

#[derive(Deserialize)]
pub struct Translation {
    #[serde(default)]
    pub version: String,
    pub form: Form,
}

#[derive(Serialize)]
pub struct Saved {
    #[serde(skip)]
    pub status: u16,
    /// The relic's file, project-relative, when it was written.
    pub saved: Option<String>,
    pub folder: Option<String>,
    pub version: Option<String>,
    /// The translation's version after the save: empty while it has no file.
    pub translation_version: Option<String>,
    pub problems: Vec<Problem>,
    pub refused: Option<String>,
}

/// A problem as the form shows it: next to the field of its key, in the language of the
/// file it is in (`lang`, `None` for the relic's own). Its words are Vietnamese, and English
/// in `en` for the studio's English switch.
#[derive(Serialize)]
pub struct Problem {
    field: Option<String>,
    lang: Option<String>,
    error: bool,
    message: String,
    help: Option<String>,
    en: Words,
    line: Option<usize>,
}

#[derive(Serialize)]
struct Words {
    message: String,
    help: Option<String>,
}

/// A relic text to write: its project-relative path and its content.
type Text = (PathBuf, String);

pub fn save_relic(studio: &Studio, folder: &str, save: &Save) -> Saved {
    let (_, source) = match opened(studio, folder, &save.version) {
        Ok(opened) => opened,
        Err(refused) => return *refused,
    };
    match texts(studio, folder, &source, save) {
        Ok(texts) => commit(studio, folder, &texts),
        Err(refused) => *refused,
    }
}

pub fn new_relic(studio: &Studio, save: &Save) -> Saved {
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
    let saved = match texts(studio, &folder, &source, save) {
        Ok(texts) => commit(studio, &folder, &texts),
        Err(refused) => *refused,
    };
    if saved.saved.is_none() {
        // The folder was made for this save alone.
        let _ = std::fs::remove_dir_all(studio.root.join(SITES_DIR).join(&folder));
    }
    saved
}

/// Builds the relic's texts as the form holds them into the live preview, writing nothing
/// in the project; answers the page to show, or why the build refused them.
pub fn preview(studio: &Studio, folder: &str, save: &Save, lang: &str) -> (u16, serde_json::Value) {
    let Ok(source) = read_text(&studio.root.join(relic_file(folder))) else {
        return (404, serde_json::json!({ "refused": GONE }));
    };
    let texts = match texts(studio, folder, &source, save) {
        Ok(texts) => texts,
        Err(refused) => return (refused.status, serde_json::json!(refused)),
    };
    let unsaved = as_unsaved(&texts);
    // A draft has no page: the build leaves it out, as it will when published.
    let draft = save.form.text.get("draft").is_some_and(|d| d == "true");
    match studio.rebuild(&studio.live, &unsaved) {
        Ok(()) => (
            200,
            serde_json::json!({ "page": (!draft).then(|| studio.page_of(folder, lang, "/live/")) }),
        ),
        Err(diagnostics) => {
            let problems: Vec<Problem> = diagnostics
                .iter()
                .filter(|d| d.is_error())
                .map(|d| problem(studio, d, &texts))
                .collect();
            (422, serde_json::json!({ "problems": problems }))
        }
    }
}

/// A photo or audio file put into the relic's folder and named in its front matter, kept
/// only when the project still checks without an error.
pub fn upload(studio: &Studio, folder: &str, sent: &upload::Sent, bytes: &[u8]) -> Saved {
    let (file, source) = match opened(studio, folder, &sent.version) {
        Ok(opened) => opened,
        Err(refused) => return *refused,
    };
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
    let saved = commit(studio, folder, &[(file, text)]);
    if saved.saved.is_none() {
        let _ = std::fs::remove_file(&path);
    }
    saved
}

/// The order of a relic's photos, as the gallery editor sends it; the first is the cover.
#[derive(Deserialize)]
pub struct Arranged {
    pub version: String,
    pub order: Vec<String>,
}

pub fn arrange(studio: &Studio, folder: &str, arranged: &Arranged) -> Saved {
    let (file, source) = match opened(studio, folder, &arranged.version) {
        Ok(opened) => opened,
        Err(refused) => return *refused,
    };
    match form::arrange(&file, &source, &arranged.order) {
        Ok(text) => commit(studio, folder, &[(file, text)]),
        Err(form::Unreadable(why)) => refusal(422, &why),
    }
}

/// The relic file of `folder` and its text, when it is still at the `version` the form was
/// opened from.
fn opened(
    studio: &Studio,
    folder: &str,
    version_seen: &str,
) -> Result<(PathBuf, String), Box<Saved>> {
    let file = relic_file(folder);
    let Ok(source) = read_text(&studio.root.join(&file)) else {
        return Err(Box::new(refusal(404, GONE)));
    };
    if version(&source) != version_seen {
        return Err(Box::new(refusal(409, CHANGED_ELSEWHERE)));
    }
    Ok((file, source))
}

/// The texts `save` makes of the relic file holding `source` and of its translation.
fn texts(
    studio: &Studio,
    folder: &str,
    source: &str,
    save: &Save,
) -> Result<Vec<Text>, Box<Saved>> {
    let file = relic_file(folder);
    let mut main = save.form.clone();
    if !main.location.trim().is_empty() {
        match form::location(&main.location) {
            Some((lat, lon)) => main.location = format!("{lat}, {lon}"),
            None => {
                return Err(Box::new(Saved {
                    problems: vec![Problem {
                        field: Some("location".into()),
                        lang: None,
                        error: true,
                        message: "Không đọc được toạ độ. Dán hai số như 19.0232, 105.4471 hoặc một liên kết Google Maps, OpenStreetMap.".into(),
                        help: None,
                        en: Words {
                            message: "The location is not a point: paste two numbers such as 19.0232, 105.4471, or a Google Maps or OpenStreetMap link.".into(),
                            help: None,
                        },
                        line: None,
                    }],
                    ..refusal(422, "")
                }));
            }
        }
    }
    let unreadable = |form::Unreadable(why)| Box::new(refusal(422, &why));
    let mut texts = vec![(
        file.clone(),
        form::write(&file, source, &main).map_err(unreadable)?,
    )];
    if let (Some(sent), Some(lang)) = (&save.translation, &studio.translation) {
        let file = translation_file(folder, lang);
        let source = read_text(&studio.root.join(&file)).ok();
        if source.as_deref().map(version).unwrap_or_default() != sent.version {
            return Err(Box::new(refusal(409, CHANGED_ELSEWHERE)));
        }
        let mut words = sent.form.clone();
        // A translation repeats the code of its relic, whatever the form says.
        let id = main.text.get("id").cloned().unwrap_or_default();
        words.text.insert("id".into(), id);
        let empty = words.body.trim().is_empty()
            && words
                .text
                .iter()
                .all(|(key, value)| key == "id" || value.trim().is_empty());
        if source.is_some() || !empty {
            let base = source.unwrap_or_else(|| "+++\n+++\n".to_owned());
            texts.push((
                file.clone(),
                form::write(&file, &base, &words).map_err(unreadable)?,
            ));
        }
    }
    Ok(texts)
}

/// Writes `texts` when the project checks without an error with them; else leaves every
/// file as it was and says why.
fn commit(studio: &Studio, folder: &str, texts: &[Text]) -> Saved {
    let unsaved = as_unsaved(texts);
    let report = crate::check_unsaved(&studio.root, &unsaved);
    let ours = |d: &Diagnostic| {
        texts
            .iter()
            .any(|(file, _)| d.file.as_deref() == Some(display_path(file).as_str()))
    };
    let problems: Vec<Problem> = report
        .diagnostics
        .iter()
        .filter(|d| d.is_error() || ours(d))
        .map(|d| problem(studio, d, texts))
        .collect();
    if problems.iter().any(|p| p.error) {
        return Saved {
            problems,
            ..refusal(422, "")
        };
    }
    for (file, text) in texts {
        if let Err(err) = crate::cache::store(&studio.root.join(file), text.as_bytes()) {
            return refusal(
                500,
                &format!("Không ghi được tệp. / Cannot write the file: {err}"),
            );
        }
    }
    // The translation just written, or as it is on disk when this save left it alone.
    let translation_version = studio.translation.as_ref().map(|lang| {
        let file = translation_file(folder, lang);
        match texts.iter().find(|(written, _)| *written == file) {
            Some((_, text)) => version(text),
            None => read_text(&studio.root.join(&file))
                .map(|text| version(&text))
                .unwrap_or_default(),
        }
    });
    Saved {
        status: 200,
        saved: Some(display_path(&texts[0].0)),
        folder: Some(folder.to_owned()),
        version: Some(version(&texts[0].1)),
        translation_version,
        problems,
        refused: None,
    }
}

/// `texts` as the check and the build take texts not written yet.
fn as_unsaved(texts: &[Text]) -> Vec<(PathBuf, Vec<u8>)> {
    texts
        .iter()
        .map(|(file, text)| (file.clone(), text.clone().into_bytes()))
        .collect()
}

fn problem(studio: &Studio, diagnostic: &Diagnostic, texts: &[Text]) -> Problem {
    let line = diagnostic.location.as_ref().map(|l| l.line);
    let here = texts
        .iter()
        .find(|(file, _)| diagnostic.file.as_deref() == Some(display_path(file).as_str()));
    let lang = |file: &Path| {
        form::is_translation(file).then(|| {
            let name = file.file_stem().unwrap_or_default().to_string_lossy();
            name.trim_start_matches("index.").to_owned()
        })
    };
    // A clash with another relic (two relics with one code) may be reported on the other
    // one; when it names this relic's file, it belongs beside the same key here.
    let (file, _) = &texts[0];
    let field = match (&diagnostic.file, line, here) {
        (_, Some(line), Some((_, text))) => form::key_at(text, line),
        (Some(other), Some(line), None) if diagnostic.message.contains(&display_path(file)) => {
            read_text(&studio.root.join(other))
                .ok()
                .and_then(|other| form::key_at(&other, line))
        }
        _ => None,
    };
    let message = |language| match (&diagnostic.file, here) {
        (Some(other), None) => format!("{other}: {}", diagnostic.message_in(language)),
        _ => diagnostic.message_in(language),
    };
    Problem {
        field,
        lang: here.and_then(|(file, _)| lang(file)),
        error: diagnostic.severity == Severity::Error,
        message: message(Language::Vi),
        help: diagnostic.help_in(Language::Vi),
        en: Words {
            message: message(Language::En),
            help: diagnostic.help_in(Language::En),
        },
        line,
    }
}

pub fn refusal(status: u16, why: &str) -> Saved {
    Saved {
        status,
        saved: None,
        folder: None,
        version: None,
        translation_version: None,
        problems: Vec::new(),
        refused: (!why.is_empty()).then(|| why.to_owned()),
    }
}

pub fn relic_file(folder: &str) -> PathBuf {
    Path::new(SITES_DIR).join(folder).join("index.md")
}

pub fn translation_file(folder: &str, lang: &str) -> PathBuf {
    Path::new(SITES_DIR)
        .join(folder)
        .join(format!("index.{lang}.md"))
}

pub fn read_text(path: &Path) -> Result<String, Diagnostic> {
    let bytes =
        std::fs::read(path).map_err(|e| Diagnostic::error(format!("cannot read the file: {e}")))?;
    crate::read::text::decode(path, &bytes)
}

/// What a form was opened from: a save from an older version is refused.
pub fn version(text: &str) -> String {
    blake3::hash(text.as_bytes()).to_hex()[..16].to_owned()
}
