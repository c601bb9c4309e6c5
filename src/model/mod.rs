//! Model: the validated site that every renderer reads. Built by `resolve` from what `load`
//! read; nothing after this stage checks user input again.

mod cache;
mod codes;
pub mod kinds;
mod plaques;
mod resolve;

use std::collections::BTreeMap;
use std::fmt;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

pub use cache::RelicCache;
pub use codes::{is_plaque_code, next_free_code};
pub use kinds::{Category, Rank, RelicType};
pub use plaques::Retired;
pub use resolve::resolve;

use crate::config::Config;
use crate::load::Asset;
use crate::load::front_matter::Wifi;
use crate::load::theme::Theme;
use crate::photos::Photo;

pub struct Site {
    pub root: PathBuf,
    pub config: Config,
    pub theme: Theme,
    /// Sorted by id, the order of the plaques, so every listing and data file is stable.
    pub relics: Vec<Relic>,
    /// Printed codes whose relic is gone, with the relic each now opens.
    pub retired: Vec<Retired>,
    /// The relics the kiosk shows, in order, as indices into `relics`.
    pub kiosk: Vec<usize>,
    /// Relics whose `index.md` says `draft = true`, left out of everything the site shows.
    pub drafts: Vec<Draft>,
    /// The monthly scans of each code kept in `stats/scans.csv`, by month then code.
    pub scans: Vec<crate::stats::published::Row>,
}

/// A relic left out of the site because its `index.md` says `draft = true`.
#[derive(Debug, Clone)]
pub struct Draft {
    /// Its `index.md`, as messages show it: `sites/den-ca/index.md`.
    pub file: PathBuf,
    /// Its folder as the ledger writes it: `sites/den-ca`.
    pub folder: String,
    /// The line `draft = true`.
    pub at: crate::diagnostic::Location,
    /// Its id, when its front matter says one that can be read.
    pub id: Option<String>,
    /// What would stop it from being published, as warnings: a draft may be unfinished.
    pub problems: Vec<crate::diagnostic::Diagnostic>,
}

/// Serialized only for the build cache.
#[derive(Debug, Serialize, Deserialize)]
pub struct Relic {
    pub id: String,
    pub slug: String,
    pub rank: Rank,
    pub category: Category,
    pub types: Vec<RelicType>,
    pub hamlet: Option<String>,
    pub location: Option<GeoPoint>,
    pub recognition: Option<Recognition>,
    /// File names inside the relic's folder, checked to exist.
    pub cover: Option<String>,
    pub audio: Option<String>,
    pub wifi: Option<Wifi>,
    pub updated: Option<Date>,
    /// Every photo in the relic's folder, by name, as probed.
    pub photos: BTreeMap<String, Photo>,
    /// The gallery, in the order written.
    pub gallery: Vec<GalleryPhoto>,
    /// The texts in the order of the site's languages; the first is always there and in the
    /// default language.
    pub texts: Vec<Text>,
    /// Read from the folder by every build, never cached.
    #[serde(skip)]
    pub assets: Vec<Asset>,
    #[serde(with = "toml_text")]
    pub extra: toml::Table,
}

/// `[extra]` in the cache, as TOML text: a compact binary form cannot say which of TOML's
/// types a value has.
mod toml_text {
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(table: &toml::Table, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&table.to_string())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<toml::Table, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

impl Relic {
    pub fn text(&self, lang: &str) -> Option<&Text> {
        self.texts.iter().find(|t| t.lang == lang)
    }

    /// Its folder as messages and the ledger write it: `sites/den-ca`.
    pub fn folder(&self) -> String {
        let main = &self.texts[0].file;
        crate::diagnostic::display_path(main.parent().unwrap_or(main))
    }

    /// The widest published variant of the cover photo, as `(file name, width, height)`:
    /// only variants are published, never the photo as the officer saved it.
    pub fn cover_variant(&self) -> Option<(String, u32, u32)> {
        let photo = self.photos.get(self.cover.as_ref()?)?;
        let width = *photo.widths.last()?;
        Some((photo.variant(width), width, photo.height_at(width)))
    }

    /// The page a visitor reading `lang` is sent to: the translation when there is one,
    /// otherwise the page in the default language.
    pub fn page_for(&self, config: &Config, lang: &str) -> String {
        let lang = match self.text(lang) {
            Some(_) => lang,
            None => config.default_language(),
        };
        crate::urls::relic_page(config, lang, &self.slug)
    }

    /// The text in `lang`, or in the default language when it has no translation.
    pub fn text_or_default(&self, lang: &str) -> &Text {
        self.text(lang).unwrap_or(&self.texts[0])
    }
}

/// What is written in words, once per language.
#[derive(Debug, Serialize, Deserialize)]
pub struct Text {
    pub lang: String,
    /// The file it came from, for messages: `sites/den-ca/index.en.md`.
    pub file: PathBuf,
    pub name: String,
    pub summary: String,
    /// The story, rendered to HTML for this language's page.
    pub body: Body,
    pub machine_translated: bool,
    pub cover_alt: Option<String>,
    pub transcript: Option<String>,
    pub opening_hours: Option<String>,
    pub etiquette: Option<String>,
}

/// A story rendered to HTML, with its hash. Pages are keyed by the hash. The HTML read from
/// the build cache is kept as bytes, checked as UTF-8 only when a page is rendered from it:
/// at a province's scale, checking every cached story on every rebuild cost more than
/// rendering the pages that changed.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Body {
    html: Html,
    digest: [u8; 32],
}

/// A story's HTML: rendered by this build, or read from the cache and not checked yet.
#[derive(Debug)]
enum Html {
    Rendered(String),
    Cached(Vec<u8>),
}

impl Default for Html {
    fn default() -> Html {
        Html::Rendered(String::new())
    }
}

impl Serialize for Html {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let bytes = match self {
            Html::Rendered(html) => html.as_bytes(),
            Html::Cached(bytes) => bytes,
        };
        serializer.serialize_bytes(bytes)
    }
}

impl<'de> Deserialize<'de> for Html {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Html, D::Error> {
        serde_bytes::ByteBuf::deserialize(deserializer).map(|bytes| Html::Cached(bytes.into_vec()))
    }
}

impl Body {
    pub fn new(html: String) -> Body {
        Body {
            digest: *blake3::hash(html.as_bytes()).as_bytes(),
            html: Html::Rendered(html),
        }
    }

    /// The HTML; an error only when the build cache was damaged.
    pub fn html(&self) -> Result<&str, std::str::Utf8Error> {
        match &self.html {
            Html::Rendered(html) => Ok(html),
            Html::Cached(bytes) => std::str::from_utf8(bytes),
        }
    }

    pub fn digest(&self) -> &[u8; 32] {
        &self.digest
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct GalleryPhoto {
    pub file: String,
    pub alt: Option<String>,
    pub caption: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct GeoPoint {
    pub lat: f64,
    pub lon: f64,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Recognition {
    pub decision: String,
    pub date: Date,
    pub authority: String,
}

/// A calendar date, as front matter writes it (`2016-12-07`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// Today's date where ditich runs, or the date of `SOURCE_DATE_EPOCH` when it is set, as
    /// for reproducible builds.
    pub fn today() -> anyhow::Result<Date> {
        let date = match std::env::var("SOURCE_DATE_EPOCH") {
            Ok(seconds) => jiff::Timestamp::from_second(seconds.trim().parse()?)?
                .to_zoned_datetime(jiff::tz::TimeZone::UTC)
                .date(),
            Err(_) => jiff::ZonedDateTime::now().date(),
        };
        Ok(Date {
            year: u16::try_from(date.year())?,
            month: u8::try_from(date.month())?,
            day: u8::try_from(date.day())?,
        })
    }
}

impl fmt::Display for Date {
    /// ISO 8601, the form of the open data and of `<time datetime>`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}
