//! A relic's file as the studio's form sees it. The form's values are read from the front
//! matter and written back into the officer's own text with `toml_edit`: only the keys whose
//! value changed are touched, so every comment, the order of the keys and their spacing stay
//! as the officer or `ditich new` left them.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};
use toml_edit::{DocumentMut, InlineTable, Item, Value};

use crate::load::fields::{FIELDS, Field, Kind, Place};
use crate::load::split::split;

/// The keys the form edits as one text each in the file `file`: a translation holds only
/// the words of its language, its code and its `machine_translated` switch. A nested key
/// (`recognition.date`) lives in an inline table, as `ditich new` writes it.
fn text_keys(file: &Path) -> impl Iterator<Item = &'static Field> + use<> {
    let translation = is_translation(file);
    FIELDS.iter().filter(move |field| {
        let kept = matches!(
            field.kind,
            Kind::Code
                | Kind::Line
                | Kind::Paragraph
                | Kind::Summary { .. }
                | Kind::Choice { .. }
                | Kind::Date
                | Kind::File { .. }
                | Kind::Switch
        );
        let here = match field.place {
            Place::Main => !translation || field.kind == Kind::Code,
            Place::Translated => true,
            Place::Translation => translation,
        };
        kept && here
    })
}

/// Whether `file` is a translation, `index.<lang>.md`, rather than the relic's `index.md`.
pub fn is_translation(file: &Path) -> bool {
    file.file_name().is_some_and(|name| name != "index.md")
}

/// What the form shows and sends back. An empty text is a key left out of the file; a switch
/// is the text `true` when on.
#[derive(Debug, Default, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Form {
    pub text: BTreeMap<String, String>,
    pub types: Vec<String>,
    /// `lat, lon` in decimal degrees, or empty.
    pub location: String,
    /// The story, in Markdown.
    pub body: String,
}

/// Why a file cannot be shown in the form or written from it.
#[derive(Debug, PartialEq)]
pub struct Unreadable(pub String);

/// The form of the relic file `source`.
pub fn read(file: &Path, source: &str) -> Result<Form, Unreadable> {
    let (document, body) = parse(file, source)?;
    let text = text_keys(file)
        .filter_map(|field| Some((field.key.to_owned(), text_of(get(&document, field.key)?)?)))
        .collect();
    let types = document
        .get("types")
        .and_then(Item::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|v| Some(v.as_str()?.to_owned()))
                .collect()
        })
        .unwrap_or_default();
    let location = get(&document, "location")
        .and_then(|l| Some((number(l.get("lat")?)?, number(l.get("lon")?)?)))
        .map(|(lat, lon)| format!("{lat}, {lon}"))
        .unwrap_or_default();
    Ok(Form {
        text,
        types,
        location,
        body: body.to_owned(),
    })
}

/// `source` with the values of `form` that differ from what it holds. `location` must already
/// be `lat, lon` ([`location`] reads the other forms officers paste).
pub fn write(file: &Path, source: &str, form: &Form) -> Result<String, Unreadable> {
    let before = read(file, source)?;
    let (mut document, _) = parse(file, source)?;
    for field in text_keys(file) {
        // A key the form did not send stays as it is; one sent empty is taken out.
        let Some(new) = form.text.get(field.key).map(|v| v.trim()) else {
            continue;
        };
        let old = before
            .text
            .get(field.key)
            .map(String::as_str)
            .unwrap_or_default();
        if new != old {
            set(
                &mut document,
                field.key,
                (!new.is_empty()).then(|| text_value(field, new)),
            );
        }
    }
    // A translation carries only words.
    if !is_translation(file) && form.types != before.types {
        let types: toml_edit::Array = form.types.iter().map(String::as_str).collect();
        document["types"] = toml_edit::value(types);
    }
    if !is_translation(file) && form.location.trim() != before.location {
        let point = location(&form.location).map(|(lat, lon)| {
            let mut table = InlineTable::new();
            table.insert("lat", lat.into());
            table.insert("lon", lon.into());
            Value::InlineTable(table)
        });
        set(&mut document, "location", point);
    }
    let body = if form.body.is_empty() || form.body.starts_with('\n') {
        form.body.clone()
    } else {
        format!("\n{}", form.body)
    };
    let text = format!("+++\n{}+++\n{}", document, body.replace("\r\n", "\n"));
    Ok(unicode_normalization::UnicodeNormalization::nfc(text.as_str()).collect())
}

/// A file just put in the relic's folder, to name in its front matter.
pub enum Added<'a> {
    /// The cover when the relic has none yet, else the next photo of the gallery.
    Photo {
        name: &'a str,
        alt: &'a str,
    },
    Audio {
        name: &'a str,
    },
}

/// `source` naming the file `added`, every other line as it was.
pub fn add(file: &Path, source: &str, added: &Added<'_>) -> Result<String, Unreadable> {
    let (mut document, body) = parse(file, source)?;
    match *added {
        Added::Photo { name, alt } if document.get("cover").is_none() => {
            set(&mut document, "cover", Some(name.into()));
            set(&mut document, "cover_alt", Some(alt.trim().into()));
        }
        Added::Photo { name, alt } => {
            let mut photo = toml_edit::Table::new();
            photo["file"] = toml_edit::value(name);
            photo["alt"] = toml_edit::value(alt.trim());
            let photos = document
                .entry("photos")
                .or_insert_with(|| Item::ArrayOfTables(toml_edit::ArrayOfTables::new()));
            let Some(photos) = photos.as_array_of_tables_mut() else {
                return Err(Unreadable(
                    "photos is not a list of [[photos]] entries".to_owned(),
                ));
            };
            photos.push(photo);
        }
        Added::Audio { name } => set(&mut document, "audio", Some(name.into())),
    }
    Ok(format!("+++\n{document}+++\n{body}"))
}

/// A photo of the relic as the gallery editor shows it: the cover first.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Shown {
    pub file: String,
    pub alt: String,
}

/// The relic's photos in the order the page shows them: the cover, then the gallery.
pub fn gallery(file: &Path, source: &str) -> Result<Vec<Shown>, Unreadable> {
    let (document, _) = parse(file, source)?;
    let text = |item: Option<&Item>| item.and_then(text_of).unwrap_or_default();
    let cover = document.get("cover").and_then(text_of).map(|file| Shown {
        file,
        alt: text(document.get("cover_alt")),
    });
    let photos = document
        .get("photos")
        .and_then(Item::as_array_of_tables)
        .into_iter()
        .flatten()
        .map(|photo| Shown {
            file: text(photo.get("file")),
            alt: text(photo.get("alt")),
        });
    Ok(cover.into_iter().chain(photos).collect())
}

/// `source` with its photos in the order of `order`, a rearrangement of [`gallery`]'s files:
/// the first becomes the cover with its description, the cover before it joins the gallery
/// with its own, and each gallery entry keeps its lines (caption, comments) as it moves.
pub fn arrange(file: &Path, source: &str, order: &[String]) -> Result<String, Unreadable> {
    let before = gallery(file, source)?;
    let mut wanted = order.to_vec();
    let mut had: Vec<String> = before.iter().map(|p| p.file.clone()).collect();
    wanted.sort();
    had.sort();
    if wanted != had || order.is_empty() {
        return Err(Unreadable(
            "Danh sách ảnh đã đổi; hãy tải lại di tích. / The photos changed: reload the relic."
                .to_owned(),
        ));
    }
    let (mut document, body) = parse(file, source)?;
    let mut tables: Vec<toml_edit::Table> = document
        .get("photos")
        .and_then(Item::as_array_of_tables)
        .map(|photos| photos.iter().cloned().collect())
        .unwrap_or_default();
    let cover_had = document.get("cover").is_some();
    if cover_had {
        let old = &before[0];
        let mut table = toml_edit::Table::new();
        table["file"] = toml_edit::value(old.file.as_str());
        if !old.alt.is_empty() {
            table["alt"] = toml_edit::value(old.alt.as_str());
        }
        tables.insert(0, table);
    }
    let file_of = |t: &toml_edit::Table| t.get("file").and_then(text_of).unwrap_or_default();
    let first = tables
        .iter()
        .position(|t| file_of(t) == order[0])
        .map(|at| tables.remove(at));
    if let Some(first) = first {
        let alt = first.get("alt").and_then(text_of).unwrap_or_default();
        set(&mut document, "cover", Some(order[0].as_str().into()));
        set(
            &mut document,
            "cover_alt",
            (!alt.is_empty()).then(|| alt.into()),
        );
    }
    let mut photos = toml_edit::ArrayOfTables::new();
    for name in &order[1..] {
        if let Some(at) = tables.iter().position(|t| file_of(t) == *name) {
            photos.push(tables.remove(at));
        }
    }
    if photos.is_empty() {
        document.remove("photos");
    } else {
        document["photos"] = Item::ArrayOfTables(photos);
    }
    Ok(format!("+++\n{document}+++\n{body}"))
}

/// The point in what an officer types or pastes: `19.0232, 105.4471`, a Google Maps link
/// (`…/@19.0232,105.4471,17z`, `…?q=19.0232,105.4471`) or an OpenStreetMap one (`?mlat=…&mlon=…`,
/// `#map=17/19.0232/105.4471`). `None` when it holds no point on Earth.
pub fn location(typed: &str) -> Option<(f64, f64)> {
    let typed = typed.trim();
    let pair = |a: &str, b: &str| -> Option<(f64, f64)> {
        let (lat, lon) = (a.trim().parse::<f64>().ok()?, b.trim().parse::<f64>().ok()?);
        ((-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon)).then_some((lat, lon))
    };
    let after =
        |marker: &str| -> Option<&str> { Some(&typed[typed.find(marker)? + marker.len()..]) };
    let first_two = |text: &str, sep: char| -> Option<(f64, f64)> {
        let mut parts = text.split(sep);
        let lat = parts.next()?;
        let lon = parts.next()?;
        let lon = lon
            .trim_start()
            .split(|c: char| !(c.is_ascii_digit() || c == '.' || c == '-'))
            .next()?;
        pair(lat, lon)
    };
    if let (Some(lat), Some(lon)) = (after("mlat="), after("mlon=")) {
        let end = |s: &str| s.split(['&', '#']).next().unwrap_or_default().to_owned();
        return pair(&end(lat), &end(lon));
    }
    if let Some(rest) = after("#map=") {
        let mut parts = rest.split('/').skip(1);
        return pair(parts.next()?, parts.next()?);
    }
    for marker in ["/@", "?q=", "&q=", "query="] {
        if let Some(rest) = after(marker) {
            return first_two(&rest.replace("%2C", ","), ',');
        }
    }
    first_two(typed, ',')
}

/// The key of the front matter written at `line` of the file `source` (1-based, as
/// diagnostics count), for showing a problem next to its field: the last key that begins at
/// or before it, with its table (`recognition.date` inside an inline table is its table's key).
pub fn key_at(source: &str, line: usize) -> Option<String> {
    let mut key = None;
    let mut table = String::new();
    for text in source.lines().skip(1).take(line.saturating_sub(1)) {
        let text = text.trim_start();
        if text == "+++" {
            break;
        }
        if let Some(header) = text.strip_prefix('[') {
            table = header.trim_matches(['[', ']', ' ']).to_owned();
            key = Some(table.clone());
        } else if let Some((name, _)) = text.split_once('=')
            && !text.starts_with('#')
        {
            let name = name.trim().trim_matches('"');
            key = Some(if table.is_empty() {
                name.to_owned()
            } else {
                format!("{table}.{name}")
            });
        }
    }
    key
}

fn parse<'s>(file: &Path, source: &'s str) -> Result<(DocumentMut, &'s str), Unreadable> {
    let parts = split(file, source).map_err(|d| Unreadable(d.message))?;
    let document = parts
        .front_matter
        .parse::<DocumentMut>()
        .map_err(|e| Unreadable(e.message().to_owned()))?;
    Ok((document, parts.body))
}

/// The value at a dotted `key`, through tables and inline tables.
fn get<'d>(document: &'d DocumentMut, key: &str) -> Option<&'d Item> {
    let mut parts = key.split('.');
    let mut item = document.get(parts.next()?)?;
    for part in parts {
        item = item.get(part)?;
    }
    Some(item)
}

/// Sets the value at a dotted `key`, or removes it when `value` is `None`; a nested key's
/// inline table is made when missing, and removed when its last key is.
fn set(document: &mut DocumentMut, key: &str, value: Option<Value>) {
    match key.split_once('.') {
        None => match value {
            Some(value) => match document.get_mut(key).and_then(Item::as_value_mut) {
                Some(old) => *old = keep_decor(old, value),
                None => document[key] = Item::Value(value),
            },
            None => {
                document.remove(key);
            }
        },
        Some((table, inner)) => {
            let parent = document
                .entry(table)
                .or_insert_with(|| Item::Value(Value::InlineTable(InlineTable::new())));
            let Some(parent) = parent.as_table_like_mut() else {
                return;
            };
            match value {
                Some(value) => match parent.get_mut(inner).and_then(Item::as_value_mut) {
                    Some(old) => *old = keep_decor(old, value),
                    None => {
                        parent.insert(inner, Item::Value(value));
                    }
                },
                None => {
                    parent.remove(inner);
                }
            }
            if parent.is_empty() {
                document.remove(table);
            }
        }
    }
}

/// `new` with the spaces and comment around `old`, so `name = "A"  # tên` stays one line
/// with its comment.
fn keep_decor(old: &Value, mut new: Value) -> Value {
    *new.decor_mut() = old.decor().clone();
    new
}

/// The value `text` is for `field`: a date and a switch are not strings in TOML.
fn text_value(field: &Field, text: &str) -> Value {
    match field.kind {
        Kind::Date => match text.parse::<toml_edit::Datetime>() {
            Ok(date) => date.into(),
            Err(_) => text.into(),
        },
        Kind::Switch => (text == "true").into(),
        _ => text.into(),
    }
}

fn text_of(item: &Item) -> Option<String> {
    let value = item.as_value()?;
    value
        .as_str()
        .map(str::to_owned)
        .or_else(|| value.as_datetime().map(ToString::to_string))
        .or_else(|| value.as_bool().filter(|on| *on).map(|_| "true".to_owned()))
}

fn number(item: &Item) -> Option<f64> {
    let value = item.as_value()?;
    value
        .as_float()
        .or_else(|| value.as_integer().map(|i| i as f64))
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = "+++\n# Mã biển, đã in.\nid = \"DT01\"  # không đổi\nname = \"Đền Cả\"\nrank = \"national\"\ncategory = \"temple\"\ntypes = [\"historical\"]\nsummary = \"Đền thờ.\"\n# recognition = { decision = \"1\" }\nrecognition = { decision = \"6181/QĐ-UBND\", date = 2016-12-07, authority = \"UBND tỉnh\" }\nlocation = { lat = 19.0232, lon = 105.4471 }\n+++\n\nCâu chuyện.\n";

    fn file() -> &'static Path {
        Path::new("sites/den-ca/index.md")
    }

    #[test]
    fn reads_the_keys_the_form_shows() {
        let form = read(file(), FILE).unwrap();
        assert_eq!(form.text["name"], "Đền Cả");
        assert_eq!(form.text["recognition.date"], "2016-12-07");
        assert_eq!(form.types, ["historical"]);
        assert_eq!(form.location, "19.0232, 105.4471");
        assert_eq!(form.body, "\nCâu chuyện.\n");
    }

    #[test]
    fn an_unchanged_form_gives_back_the_same_bytes() {
        let form = read(file(), FILE).unwrap();
        assert_eq!(write(file(), FILE, &form).unwrap(), FILE);
    }

    #[test]
    fn a_changed_key_keeps_its_comment_and_every_other_line() {
        let mut form = read(file(), FILE).unwrap();
        form.text.insert("id".into(), "DT09".into());
        form.text
            .insert("recognition.authority".into(), "UBND tỉnh Nghệ An".into());
        form.text.insert("hamlet".into(), "Xóm Giáp Ngói".into());
        let written = write(file(), FILE, &form).unwrap();
        assert!(
            written.contains("id = \"DT09\"  # không đổi\n"),
            "{written}"
        );
        assert!(written.contains("# Mã biển, đã in.\n"));
        assert!(written.contains("# recognition = { decision = \"1\" }\n"));
        assert!(written.contains("authority = \"UBND tỉnh Nghệ An\""));
        assert!(written.contains("date = 2016-12-07"));
        assert!(written.contains("hamlet = \"Xóm Giáp Ngói\""));
        assert_eq!(
            read(file(), &written).unwrap().text["hamlet"],
            "Xóm Giáp Ngói"
        );
    }

    #[test]
    fn an_emptied_key_is_removed_and_so_is_its_empty_table() {
        let mut form = read(file(), FILE).unwrap();
        for key in [
            "recognition.decision",
            "recognition.date",
            "recognition.authority",
        ] {
            form.text.insert(key.into(), String::new());
        }
        form.location.clear();
        let written = write(file(), FILE, &form).unwrap();
        assert!(!written.contains("\nrecognition ="), "{written}");
        assert!(!written.contains("location"), "{written}");
    }

    #[test]
    fn a_translation_holds_only_its_words_its_code_and_its_switch() {
        let english = Path::new("sites/den-ca/index.en.md");
        let mut form = Form::default();
        form.text.insert("id".into(), "DT01".into());
        form.text.insert("name".into(), "Ca Temple".into());
        form.text.insert("rank".into(), "national".into());
        form.text.insert("machine_translated".into(), "true".into());
        form.types = vec!["historical".into()];
        form.body = "The story.\n".into();
        let written = write(english, "+++\n+++\n", &form).unwrap();
        assert_eq!(
            written,
            "+++\nid = \"DT01\"\nname = \"Ca Temple\"\nmachine_translated = true\n+++\n\nThe story.\n"
        );
        assert_eq!(
            read(english, &written).unwrap().text["machine_translated"],
            "true"
        );
        form.text.insert("machine_translated".into(), String::new());
        let checked = write(english, &written, &form).unwrap();
        assert!(!checked.contains("machine_translated"), "{checked}");
    }

    #[test]
    fn a_first_photo_is_the_cover_and_the_next_ones_join_the_gallery() {
        let bare = "+++\nid = \"DT01\"  # mã\n+++\n\nCâu chuyện.\n";
        let photo = |name| Added::Photo {
            name,
            alt: "Cổng tam quan",
        };
        let once = add(file(), bare, &photo("cong.jpg")).unwrap();
        assert!(
            once.contains("cover = \"cong.jpg\"\ncover_alt = \"Cổng tam quan\""),
            "{once}"
        );
        assert!(once.contains("id = \"DT01\"  # mã\n"));
        let twice = add(file(), &once, &photo("san.jpg")).unwrap();
        assert!(
            twice.contains("[[photos]]\nfile = \"san.jpg\"\nalt = \"Cổng tam quan\"\n+++\n"),
            "{twice}"
        );
        assert!(twice.ends_with("+++\n\nCâu chuyện.\n"));
        let audio = add(
            file(),
            &twice,
            &Added::Audio {
                name: "thuyet-minh.mp3",
            },
        )
        .unwrap();
        assert!(audio.contains("audio = \"thuyet-minh.mp3\""));
    }

    #[test]
    fn photos_are_rearranged_and_the_first_becomes_the_cover() {
        let source = "+++\nid = \"DT01\"\ncover = \"a.jpg\"\ncover_alt = \"Cổng\"\n\n[[photos]]\nfile = \"b.jpg\"\nalt = \"Sân\"\ncaption = \"Sân đền\"\n\n[[photos]]\nfile = \"c.jpg\"\nalt = \"Hậu cung\"\n+++\n\nCâu chuyện.\n";
        let order = |names: &[&str]| names.iter().map(|n| n.to_string()).collect::<Vec<_>>();
        let moved = arrange(file(), source, &order(&["c.jpg", "b.jpg", "a.jpg"])).unwrap();
        let shown = gallery(file(), &moved).unwrap();
        let files: Vec<&str> = shown.iter().map(|p| p.file.as_str()).collect();
        assert_eq!(files, ["c.jpg", "b.jpg", "a.jpg"]);
        assert_eq!(shown[0].alt, "Hậu cung");
        assert_eq!(shown[2].alt, "Cổng");
        assert!(moved.contains("caption = \"Sân đền\""), "{moved}");
        assert!(moved.ends_with("+++\n\nCâu chuyện.\n"));
        let back = arrange(file(), &moved, &order(&["a.jpg", "b.jpg", "c.jpg"])).unwrap();
        assert_eq!(
            gallery(file(), &back).unwrap(),
            gallery(file(), source).unwrap()
        );
        assert!(arrange(file(), source, &order(&["a.jpg", "x.jpg", "c.jpg"])).is_err());
    }

    #[test]
    fn locations_are_read_as_officers_paste_them() {
        let point = Some((19.0232, 105.4471));
        for typed in [
            "19.0232, 105.4471",
            " 19.0232,105.4471 ",
            "https://www.google.com/maps/@19.0232,105.4471,17z",
            "https://www.google.com/maps/place/X/@19.0232,105.4471,17z/data=abc",
            "https://maps.google.com/?q=19.0232,105.4471",
            "https://www.openstreetmap.org/?mlat=19.0232&mlon=105.4471#map=17/19.0232/105.4471",
            "https://www.openstreetmap.org/#map=17/19.0232/105.4471",
        ] {
            assert_eq!(location(typed), point, "{typed}");
        }
        assert_eq!(location("Xóm Giáp Ngói"), None);
        assert_eq!(location("190, 105"), None);
    }

    #[test]
    fn a_problem_is_placed_on_the_key_of_its_line() {
        assert_eq!(key_at(FILE, 3).as_deref(), Some("id"));
        assert_eq!(key_at(FILE, 4).as_deref(), Some("name"));
        assert_eq!(key_at(FILE, 10).as_deref(), Some("recognition"));
        let tables = "+++\nid = \"A\"\n[[photos]]\nfile = \"a.jpg\"\n+++\n";
        assert_eq!(key_at(tables, 4).as_deref(), Some("photos.file"));
    }
}
