//! `site.toml`: the commune's settings, read once and shared by every stage. A province's
//! guide over member communes has its own settings, [`members::Guide`], read from the same
//! file: a `site.toml` that lists `[[members]]` is one.

pub mod members;
pub mod publish;

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

use crate::diagnostic::{Diagnostic, Location};
use crate::i18n::Language;
use crate::read::toml_error;

/// The file name that marks a project folder.
pub const FILE_NAME: &str = "site.toml";

/// `site.toml` as written. Every key is documented here: this is its reference.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    /// The public address the guide is served from, e.g. `https://longthanh.example.gov.vn/du-lich/`.
    /// It is printed inside every QR code, so it must not change once plaques are printed.
    base_url: Spanned<String>,
    /// Language codes, the first one the default: `["vi", "en"]`. The default language's pages
    /// sit at the top of the site, the others under `/<code>/`.
    languages: Spanned<Vec<String>>,
    /// The guide's name in each language: `[title]` with `vi = "…"`, `en = "…"`; or one name
    /// for all of them, `title = "Di tích Long Thành"`.
    title: Spanned<RawTitle>,
    /// Where the relics are: `[commune]`, see [`RawCommune`]. A province's guide has
    /// `[province]` and `[[members]]` instead.
    commune: Option<Spanned<RawCommune>>,
    /// A province's guide: `[province]`, see [`members::RawProvince`].
    province: Option<Spanned<members::RawProvince>>,
    /// A province's guide: the communes it is built from, see [`members::RawMember`].
    #[serde(default)]
    members: Vec<Spanned<members::RawMember>>,
    /// Who answers visitors' questions; shown in every page's footer.
    #[serde(default)]
    contact: Contact,
    /// Which print files to make: `[posters]`.
    #[serde(default)]
    posters: RawPosters,
    /// What the stories may contain beyond Markdown: `[content]`.
    #[serde(default)]
    content: ContentSettings,
    /// Which relics the slideshow of `/kiosk/` shows: `[kiosk]`.
    #[serde(default)]
    kiosk: RawKiosk,
    /// The language ditich itself speaks in, its messages and `--help`: `"vi"` or `"en"`.
    /// Default: the computer's, as `LC_ALL`, `LC_MESSAGES` or `LANG` name it, or on Windows
    /// the language of its menus; English when none says.
    messages: Option<Spanned<String>>,
    /// Where `ditich publish` sends the site: `[publish]`, see [`publish::RawPublish`].
    publish: Option<Spanned<publish::RawPublish>>,
}

/// `title` as written.
#[derive(Debug)]
enum RawTitle {
    /// One name, the same in every language.
    Same(String),
    /// A name per language code.
    PerLanguage(BTreeMap<String, String>),
}

/// By hand, as serde's untagged enums lose the parser's words and place for a wrong value.
impl<'de> Deserialize<'de> for RawTitle {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = RawTitle;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a map of a string per language")
            }

            fn visit_str<E>(self, title: &str) -> Result<RawTitle, E> {
                Ok(RawTitle::Same(title.to_owned()))
            }

            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<RawTitle, A::Error> {
                let deserializer = serde::de::value::MapAccessDeserializer::new(map);
                BTreeMap::deserialize(deserializer).map(RawTitle::PerLanguage)
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

/// What a help suggests for a key of site.toml that is missing or written as the wrong kind
/// of value, valid as it stands so that typing it in fixes the error.
const EXAMPLES: toml_error::Examples = &[
    ("base_url", "\"https://example.gov.vn/du-lich/\""),
    ("languages", "[\"vi\", \"en\"]"),
    ("title", "{ vi = \"…\", en = \"…\" }"),
    (
        "commune",
        "{ name = \"…\", district = \"…\", province = \"…\" }",
    ),
    ("contact", "{ office = \"…\" }"),
    ("posters", "{ formats = [\"pdf\", \"png\", \"svg\"] }"),
    ("sizes", "[\"a4\", \"a5\", \"plaque\"]"),
    ("formats", "[\"pdf\", \"png\", \"svg\"]"),
    ("error_correction", "{ plaque = \"H\" }"),
    ("bleed_mm", "3"),
    ("sheets", "[\"a3\", \"sra3\"]"),
    ("qr_base_url", "\"https://lt.vn/\""),
    ("content", "{ raw_html = true }"),
    ("raw_html", "true"),
    ("kiosk", "{}"),
    ("messages", "\"vi\""),
    ("publish", "{ url = \"sftp://user@host/path\" }"),
    ("url", "\"sftp://user@host/path\""),
];

/// `[kiosk]` as written.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawKiosk {
    /// The ids of the relics the kiosk shows, in that order: `["DT01", "DT04"]`. Default: the
    /// first [`KIOSK_SLIDES`] relics by rank (special national first), then by id.
    relics: Option<Vec<Spanned<String>>>,
}

/// How many relics the kiosk shows unless `[kiosk] relics` chooses: at 12 seconds a slide, a
/// ten-minute round. A public board gets no input, so more would never be seen; and a
/// province's thousands would make one page too heavy for the board's browser.
pub const KIOSK_SLIDES: usize = 50;

/// `[kiosk]`, validated against the relics by the model.
#[derive(Debug, Clone, Default)]
pub struct Kiosk {
    /// The chosen ids, each with where `site.toml` lists it.
    pub relics: Option<Vec<(String, Location)>>,
}

/// `[content]`: how much HTML the stories may carry.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ContentSettings {
    /// `true` (the default) keeps formatting HTML written in a story and removes everything
    /// that could run code or restyle the page; `false` leaves raw HTML out altogether.
    pub raw_html: bool,
    /// Hosts whose pages a story may embed with `<iframe src="https://…">`, e.g.
    /// `["www.youtube-nocookie.com"]`. Default: none.
    pub iframe_hosts: Vec<String>,
}

impl Default for ContentSettings {
    fn default() -> ContentSettings {
        ContentSettings {
            raw_html: true,
            iframe_hosts: Vec::new(),
        }
    }
}

/// `[posters]` as written.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPosters {
    /// Sizes to make: any of `a4` and `a5` (indoor posters) and `plaque` (the 120 × 80 mm
    /// outdoor plaque). Default: all three.
    sizes: Option<Spanned<Vec<String>>>,
    /// Formats the site build publishes: any of `pdf` (for the print shop), `png` (300 dpi)
    /// and `svg`. Default: all three.
    formats: Option<Spanned<Vec<String>>>,
    /// QR error correction per size, `L`, `M`, `Q` or `H`: `{ a4 = "H" }`. Default: `H` for the
    /// plaque, which weathers outdoors, and `Q` for the indoor posters.
    error_correction: Option<Spanned<BTreeMap<String, String>>>,
    /// How far, in millimetres, the print PDF's backgrounds and bands run past the trim on
    /// every side, so that a slightly shifted cut leaves no white edge: `bleed_mm = 3`. From 0
    /// to 10; default [`DEFAULT_BLEED_MM`]. The PNG and SVG stay at the finished size.
    bleed_mm: Option<Spanned<f64>>,
    /// Papers to impose each size on, for shops that price by the sheet: any of `a3` and
    /// `sra3`, or `[]` for none. A size is imposed on a paper only where two or more fit.
    /// Default: both.
    sheets: Option<Vec<Spanned<String>>>,
    /// A shorter address for the QR codes alone, e.g. `qr_base_url = "https://lt.vn/"`: a short
    /// host that forwards `/Q/<ID>/` to the guide's `Q/<ID>/` landing pages, so that the codes
    /// hold fewer characters and print with larger modules. Pages, the address printed under
    /// the code and everything else stay on `base_url`. It is printed, so once plaques are,
    /// the forwarding must last as long as they do. Default: `base_url`.
    qr_base_url: Option<Spanned<String>>,
}

/// The bleed print shops ask for unless they say otherwise.
pub const DEFAULT_BLEED_MM: f32 = 3.0;

/// The most bleed `bleed_mm` may ask for: past it, a shop's sheet no longer holds the marks.
const MAX_BLEED_MM: f64 = 10.0;

/// A print size: its name, its size in millimetres and the QR error correction it prints with.
#[derive(Debug, Clone, PartialEq)]
pub struct PosterSize {
    pub name: &'static str,
    /// The poster template it is drawn with, `<template>.svg`; sizes that differ only in ink
    /// share one.
    pub template: &'static str,
    /// Black ink on paper alone, for a laser-etched steel plate or a one-colour print: the
    /// template gets `mono = true` and the print PDF refuses tints, photos and hairlines.
    pub mono: bool,
    pub width_mm: f32,
    pub height_mm: f32,
    pub error_correction: ErrorCorrection,
}

/// QR error-correction levels: the share of the code that may be lost and still scan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorCorrection {
    /// 7 %.
    L,
    /// 15 %.
    M,
    /// 25 %.
    Q,
    /// 30 %.
    H,
}

impl ErrorCorrection {
    fn parse(letter: &str) -> Option<ErrorCorrection> {
        match letter.trim().to_ascii_uppercase().as_str() {
            "L" => Some(ErrorCorrection::L),
            "M" => Some(ErrorCorrection::M),
            "Q" => Some(ErrorCorrection::Q),
            "H" => Some(ErrorCorrection::H),
            _ => None,
        }
    }
}

/// The sizes the default theme has templates for.
pub(crate) const SIZES: [PosterSize; 4] = [
    PosterSize {
        name: "a4",
        template: "a4",
        mono: false,
        width_mm: 210.0,
        height_mm: 297.0,
        error_correction: ErrorCorrection::Q,
    },
    PosterSize {
        name: "a5",
        template: "a5",
        mono: false,
        width_mm: 148.0,
        height_mm: 210.0,
        error_correction: ErrorCorrection::Q,
    },
    PosterSize {
        name: "plaque",
        template: "plaque",
        mono: false,
        width_mm: 120.0,
        height_mm: 80.0,
        error_correction: ErrorCorrection::H,
    },
    PosterSize {
        name: "plaque-mono",
        template: "plaque",
        mono: true,
        width_mm: 120.0,
        height_mm: 80.0,
        error_correction: ErrorCorrection::H,
    },
];

/// A press sheet a print shop prints on, portrait.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Paper {
    pub name: &'static str,
    pub width_mm: f32,
    pub height_mm: f32,
}

/// The sheets shops print short runs on: A3, which every digital press takes, and SRA3, A3
/// with room for bleed and grippers.
pub(crate) const PAPERS: [Paper; 2] = [
    Paper {
        name: "a3",
        width_mm: 297.0,
        height_mm: 420.0,
    },
    Paper {
        name: "sra3",
        width_mm: 320.0,
        height_mm: 450.0,
    },
];

/// A print file's format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PrintFormat {
    /// Vector, fonts embedded: what the print shop takes.
    Pdf,
    /// 300 dpi, for screens and for shops that want an image.
    Png,
    /// The drawing itself.
    Svg,
}

impl PrintFormat {
    pub const ALL: [PrintFormat; 3] = [PrintFormat::Pdf, PrintFormat::Png, PrintFormat::Svg];

    /// Its file name extension, which is also how `site.toml` names it.
    pub fn extension(self) -> &'static str {
        match self {
            PrintFormat::Pdf => "pdf",
            PrintFormat::Png => "png",
            PrintFormat::Svg => "svg",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Posters {
    /// Each size once, in the order `site.toml` gives them.
    pub sizes: Vec<PosterSize>,
    /// In the order of [`PrintFormat::ALL`].
    pub formats: Vec<PrintFormat>,
    /// How far the print PDF runs past the trim on every side, in millimetres.
    pub bleed_mm: f32,
    /// The papers to impose each size on, each once.
    pub sheets: Vec<Paper>,
    /// `qr_base_url`: where the QR codes point instead of `base_url`, when it is set.
    pub qr_base: Option<WebAddress>,
}

/// An absolute `http` or `https` address without a query, in its parts.
#[derive(Debug, Clone)]
pub struct WebAddress {
    pub scheme: String,
    /// In lowercase, as URLs compare hosts.
    pub host: String,
    /// Starts and ends with `/`.
    pub path: String,
}

impl WebAddress {
    /// `text` as a web address the guide can be reached at, if it is one.
    fn parse(text: &str) -> Option<(url::Url, WebAddress)> {
        let url = url::Url::parse(text).ok().filter(|u| {
            matches!(u.scheme(), "http" | "https") && u.host_str().is_some() && u.query().is_none()
        })?;
        let address = WebAddress {
            scheme: url.scheme().to_owned(),
            host: url.host_str().unwrap_or_default().to_owned(),
            path: format!("{}/", url.path().trim_end_matches('/')),
        };
        Some((url, address))
    }
}

/// `[commune]` as written. Since 1 July 2025 Vietnam has two levels of local government: a
/// commune (xã, phường) belongs directly to its province, and many communes were merged.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCommune {
    /// The commune's name without the word "xã": `Long Thành`.
    name: String,
    /// `Nghệ An`.
    province: String,
    /// The national code of the commune-level unit, five digits in quotes: `code = "17XXX"`,
    /// from the official list of administrative units. District and province systems join
    /// the open data by it rather than by name.
    code: Option<Spanned<String>>,
    /// The province's code, two digits in quotes: `province_code = "40"` for Nghệ An.
    province_code: Option<Spanned<String>>,
    /// Optional. The district (huyện) of a project made before districts were abolished; it is
    /// shown in addresses as before. A commune formed since writes its old district among
    /// `former` instead.
    district: Option<String>,
    /// Names the place went by before the mergers, which visitors and old documents still
    /// use: `former = ["xã Long Thành", "huyện Yên Thành"]`. Shown on the home page and in
    /// the open data.
    #[serde(default)]
    former: Vec<String>,
}

/// `[commune]`, checked; what templates see as `site.commune`, with `levels` (see
/// [`Commune::levels`]) to join into an address.
#[derive(Debug, Clone)]
pub struct Commune {
    pub name: String,
    pub province: String,
    /// Five digits.
    pub code: Option<String>,
    /// Two digits.
    pub province_code: Option<String>,
    pub district: Option<String>,
    pub former: Vec<String>,
}

impl Commune {
    /// The commune's place from the commune up, as addresses write it: `Long Thành, Nghệ An`,
    /// with the district between them where the project names one.
    pub fn levels(&self) -> Vec<&str> {
        std::iter::once(self.name.as_str())
            .chain(self.district.as_deref())
            .chain([self.province.as_str()])
            .collect()
    }
}

impl serde::Serialize for Commune {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(serde::Serialize)]
        struct View<'a> {
            name: &'a str,
            province: &'a str,
            code: Option<&'a str>,
            province_code: Option<&'a str>,
            district: Option<&'a str>,
            former: &'a [String],
            levels: Vec<&'a str>,
        }
        View {
            name: &self.name,
            province: &self.province,
            code: self.code.as_deref(),
            province_code: self.province_code.as_deref(),
            district: self.district.as_deref(),
            former: &self.former,
            levels: self.levels(),
        }
        .serialize(serializer)
    }
}

/// Checks the administrative unit codes of `[commune]`.
fn resolve_commune(raw: RawCommune, report: &mut Report<'_>) -> Commune {
    let RawCommune {
        name,
        province,
        code,
        province_code,
        district,
        former,
    } = raw;
    let mut digits = |value: Option<Spanned<String>>, key: &str, count: usize, what: &str| {
        let value = value?;
        let text = value.get_ref().trim();
        if text.len() == count && text.bytes().all(|b| b.is_ascii_digit()) {
            return Some(text.to_owned());
        }
        report(
            value.span(),
            crate::text!(
                "unit-code-digits",
                key = key,
                value = value.get_ref(),
                count = count
            ),
            crate::text!("unit-code-digits-help", unit = what, count = count),
        );
        None
    };
    let code = digits(code, "code", 5, "commune");
    let province_code = digits(province_code, "province_code", 2, "province");
    Commune {
        name,
        province,
        code,
        province_code,
        district,
        former,
    }
}

#[derive(Debug, Clone, Default, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// The office responsible for the relics, e.g. the commune's culture office.
    pub office: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
}

/// The validated settings.
#[derive(Debug, Clone)]
pub struct Config {
    /// Always ends with `/`.
    pub base_url: String,
    /// The host as printed for people to check: `longthanh.example.gov.vn`.
    pub host: String,
    /// The path part of `base_url`, starting and ending with `/`.
    pub base_path: String,
    pub languages: Vec<String>,
    pub title: BTreeMap<String, String>,
    pub commune: Commune,
    pub contact: Contact,
    pub posters: Posters,
    pub content: ContentSettings,
    pub kiosk: Kiosk,
    /// The language `messages` chose for ditich's own words, if it did.
    pub messages: Option<Language>,
    /// A hash of `site.toml`'s bytes, for keying what is made from the settings.
    pub digest: blake3::Hash,
}

impl Config {
    pub fn default_language(&self) -> &str {
        &self.languages[0]
    }

    /// The absolute URL of a path inside the site (`den-ca/` → `https://…/den-ca/`).
    pub fn absolute(&self, path: &str) -> String {
        format!("{}{path}", self.base_url)
    }
}

/// The language `messages` of `root/site.toml` names, read before anything else so that even
/// `--help` speaks it. Says nothing of a file it cannot read: loading the project reports that.
pub fn messages_language(root: &Path) -> Option<Language> {
    let source = std::fs::read_to_string(root.join(FILE_NAME)).ok()?;
    let table: toml::Table = toml::from_str(&source).ok()?;
    Language::of_code(table.get("messages")?.as_str()?)
}

/// Reads and validates `root/site.toml`, a commune's settings. A province's guide is an
/// error here: it is read by [`members::load`].
pub fn load(root: &Path) -> Result<Config, Vec<Diagnostic>> {
    let written = read(root)?;
    let (shared, mut problems) = resolve_shared(&written);
    let file = written.file;
    let at = |span: std::ops::Range<usize>| Location::of_span(&written.source, span);
    let RawConfig {
        commune,
        province,
        members,
        posters,
        content,
        kiosk,
        ..
    } = written.raw;
    let commune = match (commune, province) {
        (Some(commune), None) if members.is_empty() => commune,
        (None, Some(province)) => {
            return Err(vec![
                Diagnostic::error(crate::text!("config-is-guide"))
                    .in_file(file)
                    .at(at(province.span()))
                    .help(crate::text!("config-is-guide-help")),
            ]);
        }
        (None, None) => {
            return Err(vec![toml_error::missing_key(
                file,
                &written.source,
                "commune",
                EXAMPLES,
            )]);
        }
        (Some(commune), _) => {
            return Err(vec![
                Diagnostic::error(crate::text!("commune-and-members"))
                    .in_file(file)
                    .at(at(commune.span()))
                    .help(crate::text!("commune-and-members-help")),
            ]);
        }
    };
    let mut report = |span, message, help| {
        problems.push(
            Diagnostic::error(message)
                .in_file(file)
                .at(at(span))
                .help(help),
        );
    };
    let commune = resolve_commune(commune.into_inner(), &mut report);
    let posters = resolve_posters(posters, &mut report);
    let shared = match shared {
        Some(shared) if problems.is_empty() => shared,
        _ => return Err(problems),
    };
    let Shared {
        base_url,
        host,
        base_path,
        languages,
        title,
        contact,
        messages,
        digest,
    } = shared;
    Ok(Config {
        base_url,
        host,
        base_path,
        languages,
        title,
        commune,
        contact,
        posters,
        content,
        messages,
        kiosk: Kiosk {
            relics: kiosk.relics.map(|ids| {
                ids.into_iter()
                    .map(|id| (id.get_ref().trim().to_owned(), at(id.span())))
                    .collect()
            }),
        },
        digest,
    })
}

/// Whether `root/site.toml` is a province's guide: `[province]` without `[commune]`. `false`
/// when it cannot be read, which [`load`] then reports.
pub fn is_guide(root: &Path) -> bool {
    read(root).is_ok_and(|written| written.raw.province.is_some() && written.raw.commune.is_none())
}

/// Where `root/site.toml` says to publish the site, checked; `None` when it has no
/// `[publish]`.
pub fn publish_target(root: &Path) -> Result<Option<publish::Target>, Vec<Diagnostic>> {
    let written = read(root)?;
    publish::resolve(written.raw.publish, &written.source, written.file, root)
}

/// The settings every kind of project has, checked: what `serve` needs of a commune's
/// project and of a province's guide alike.
pub fn shared(root: &Path) -> Result<Shared, Vec<Diagnostic>> {
    let written = read(root)?;
    match resolve_shared(&written) {
        (Some(shared), problems) if problems.is_empty() => Ok(shared),
        (_, problems) => Err(problems),
    }
}

/// `site.toml` parsed, not yet checked.
struct Written {
    file: &'static Path,
    source: String,
    raw: RawConfig,
    digest: blake3::Hash,
}

fn read(root: &Path) -> Result<Written, Vec<Diagnostic>> {
    let file = Path::new(FILE_NAME);
    let bytes = std::fs::read(root.join(file)).map_err(|err| {
        vec![
            Diagnostic::error(crate::text!("config-unreadable", reason = err.to_string()))
                .in_file(file)
                .help(crate::text!("config-unreadable-help")),
        ]
    })?;
    let source = crate::read::text::decode(file, &bytes).map_err(|d| vec![d])?;
    let raw: RawConfig =
        toml_error::parse_with(file, &source, 0, &source, EXAMPLES).map_err(|d| vec![d])?;
    Ok(Written {
        file,
        source,
        raw,
        digest: blake3::hash(&bytes),
    })
}

/// The settings every guide has, checked: a commune's [`Config`] and a province's
/// [`members::Guide`] alike.
#[derive(Debug, Clone)]
pub struct Shared {
    /// Always ends with `/`.
    pub base_url: String,
    pub host: String,
    /// Starts and ends with `/`.
    pub base_path: String,
    pub languages: Vec<String>,
    pub title: BTreeMap<String, String>,
    pub contact: Contact,
    pub messages: Option<Language>,
    /// A hash of `site.toml`'s bytes.
    pub digest: blake3::Hash,
}

/// The shared settings, or `None` when one is wrong, and the problems found.
fn resolve_shared(written: &Written) -> (Option<Shared>, Vec<Diagnostic>) {
    let Written {
        file,
        source,
        raw,
        digest,
    } = written;
    let RawConfig {
        base_url,
        languages,
        title,
        contact,
        messages,
        ..
    } = raw;
    let mut problems = Vec::new();
    let at = |span: std::ops::Range<usize>| Location::of_span(source, span);

    let messages = messages
        .as_ref()
        .and_then(|code| match Language::of_code(code.get_ref()) {
            Some(language) => Some(language),
            None => {
                problems.push(
                    Diagnostic::error(crate::text!(
                        "config-messages-unknown",
                        value = code.get_ref()
                    ))
                    .in_file(file)
                    .at(at(code.span()))
                    .help(crate::text!("config-messages-help")),
                );
                None
            }
        });

    let parsed = WebAddress::parse(base_url.get_ref());
    if parsed.is_none() {
        problems.push(
            Diagnostic::error(crate::text!("base-url-wrong", value = base_url.get_ref()))
                .in_file(file)
                .at(at(base_url.span()))
                .help(crate::text!("base-url-wrong-help")),
        );
    }

    let codes = languages.get_ref();
    if codes.is_empty() {
        problems.push(
            Diagnostic::error(crate::text!("languages-empty"))
                .in_file(file)
                .at(at(languages.span()))
                .help(crate::text!("languages-empty-help")),
        );
    }
    for code in codes {
        if code.len() < 2 || !code.bytes().all(|b| b.is_ascii_lowercase()) {
            problems.push(
                Diagnostic::error(crate::text!("language-code-wrong", code = code))
                    .in_file(file)
                    .at(at(languages.span()))
                    .help(crate::text!("language-code-wrong-help")),
            );
        }
    }
    let title_at = title.span();
    let title: BTreeMap<String, String> = match title.get_ref() {
        RawTitle::Same(name) => codes.iter().map(|c| (c.clone(), name.clone())).collect(),
        RawTitle::PerLanguage(names) => names.clone(),
    };
    for code in codes {
        if !title.contains_key(code) {
            let (at, help) =
                toml_error::add_to_table(source, title_at.clone(), &format!("{code} = \"…\""));
            problems.push(
                Diagnostic::error(crate::text!("title-missing", code = code))
                    .in_file(file)
                    .at(at)
                    .help(help),
            );
        }
    }
    let shared = parsed.map(|(base_url, base)| Shared {
        base_url: format!("{}/", base_url.as_str().trim_end_matches('/')),
        host: base.host,
        base_path: base.path,
        languages: codes.clone(),
        title,
        contact: contact.clone(),
        messages,
        digest: *digest,
    });
    (shared, problems)
}

type Report<'a> = dyn FnMut(std::ops::Range<usize>, crate::i18n::Text, crate::i18n::Text) + 'a;

fn resolve_posters(raw: RawPosters, report: &mut Report<'_>) -> Posters {
    let RawPosters {
        sizes: raw_sizes,
        formats: raw_formats,
        error_correction,
        bleed_mm,
        sheets,
        qr_base_url,
    } = raw;
    let qr_base = qr_base_url.and_then(|written| match WebAddress::parse(written.get_ref()) {
        Some((_, address)) => Some(address),
        None => {
            report(
                written.span(),
                crate::text!("qr-base-url-wrong", value = written.get_ref()),
                crate::text!("qr-base-url-wrong-help"),
            );
            None
        }
    });
    let bleed_mm = match bleed_mm {
        None => DEFAULT_BLEED_MM,
        Some(bleed) if (0.0..=MAX_BLEED_MM).contains(bleed.get_ref()) => *bleed.get_ref() as f32,
        Some(bleed) => {
            let value = bleed.get_ref();
            report(
                bleed.span(),
                crate::text!("bleed-out-of-range", value = value.to_string()),
                crate::text!("bleed-out-of-range-help"),
            );
            DEFAULT_BLEED_MM
        }
    };
    let names: Vec<&str> = SIZES.iter().map(|s| s.name).collect();
    let mut sizes: Vec<PosterSize> = match &raw_sizes {
        // The one-colour plate is for a shop that etches or prints in one colour: asked for.
        None => SIZES.iter().filter(|s| !s.mono).cloned().collect(),
        Some(wanted) => wanted
            .get_ref()
            .iter()
            .filter_map(|name| {
                let size = SIZES.iter().find(|s| s.name == name.trim()).cloned();
                if size.is_none() {
                    report(
                        wanted.span(),
                        crate::text!("poster-size-unknown", size = name),
                        crate::text!("poster-sizes-are", sizes = names.join(", ")),
                    );
                }
                size
            })
            .collect(),
    };
    if let Some(levels) = &error_correction {
        for (name, letter) in levels.get_ref() {
            let size = sizes.iter_mut().find(|s| s.name == name);
            match (size, ErrorCorrection::parse(letter)) {
                (Some(size), Some(level)) => size.error_correction = level,
                (None, _) => report(
                    levels.span(),
                    crate::text!("poster-size-not-among", size = name),
                    crate::text!("poster-sizes-are", sizes = names.join(", ")),
                ),
                (_, None) => report(
                    levels.span(),
                    crate::text!("qr-level-unknown", level = letter),
                    crate::text!("qr-level-unknown-help"),
                ),
            }
        }
    }
    let extensions: Vec<&str> = PrintFormat::ALL.iter().map(|f| f.extension()).collect();
    let formats = match &raw_formats {
        None => PrintFormat::ALL.to_vec(),
        Some(wanted) => {
            for format in wanted.get_ref() {
                if !extensions.contains(&format.trim()) {
                    report(
                        wanted.span(),
                        crate::text!("poster-format-unknown", format = format),
                        crate::text!("poster-formats-are", formats = extensions.join(", ")),
                    );
                }
            }
            PrintFormat::ALL
                .into_iter()
                .filter(|f| wanted.get_ref().iter().any(|w| w.trim() == f.extension()))
                .collect()
        }
    };
    // `["a4", "plaque", "a4"]` makes each size once.
    let mut seen = std::collections::HashSet::new();
    sizes.retain(|s| seen.insert(s.name));
    Posters {
        sizes,
        formats,
        bleed_mm,
        sheets: resolve_sheets(sheets, report),
        qr_base,
    }
}

/// `sheets = ["a3", "sra3"]`, each paper once; an unknown one is reported where it is written.
fn resolve_sheets(raw: Option<Vec<Spanned<String>>>, report: &mut Report<'_>) -> Vec<Paper> {
    let Some(wanted) = raw else {
        return PAPERS.to_vec();
    };
    let mut papers: Vec<Paper> = Vec::new();
    for name in wanted {
        match PAPERS.iter().find(|p| p.name == name.get_ref().trim()) {
            Some(paper) if !papers.contains(paper) => papers.push(*paper),
            Some(_) => {}
            None => {
                let names: Vec<&str> = PAPERS.iter().map(|p| p.name).collect();
                report(
                    name.span(),
                    crate::text!("sheet-paper-unknown", paper = name.get_ref()),
                    crate::text!("sheet-papers-are", papers = names.join(", ")),
                );
            }
        }
    }
    papers
}
