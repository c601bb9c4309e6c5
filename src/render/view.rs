//! What templates see. These structs are the reference for theme authors: every field a
//! template may use is here, borrowed from the model and shaped for display.

use serde::Serialize;

use crate::config::{Commune, Config, Contact};
use crate::model::{Date, Relic, Site};
use crate::theme::strings::{Key, Strings};
use crate::urls;

/// Given to every page template, besides `t`: the theme's strings in the page's language
/// (`t.home`, `t.rank["national"]` …).
#[derive(Serialize)]
pub struct Page<'a> {
    /// The page's language code.
    pub lang: &'a str,
    /// The site's default language, for marking text that stands in for a missing translation.
    pub default_lang: &'a str,
    /// The relative link to the site's root from this page (`./`, `../`, `../../`).
    pub root: String,
    /// The link to the home page in this page's language.
    pub home: String,
    /// The page's absolute URL, for `<link rel="canonical">`.
    pub canonical: String,
    /// The text for `<title>`.
    pub title: String,
    /// The text for `<meta name="description">`.
    pub description: String,
    /// The Content-Security-Policy, for a `<meta http-equiv>`.
    pub csp: &'a str,
    pub site: SiteView<'a>,
    /// This page in every language it exists in, for the switcher and `hreflang` links.
    pub alternates: Vec<Alternate>,
}

#[derive(Serialize)]
pub struct SiteView<'a> {
    /// The guide's name in the page's language.
    pub title: &'a str,
    /// The official host name, shown so visitors can tell the real guide from a fake QR code.
    pub host: &'a str,
    pub base_url: &'a str,
    pub commune: &'a Commune,
    pub contact: &'a Contact,
}

#[derive(Serialize)]
pub struct Alternate {
    pub lang: String,
    /// The language's own name: "Tiếng Việt", "English".
    pub name: String,
    pub href: String,
    pub absolute: String,
    pub current: bool,
}

/// A relic in a listing.
#[derive(Serialize)]
pub struct Card<'a> {
    pub id: &'a str,
    pub href: String,
    pub name: &'a str,
    pub summary: &'a str,
    pub rank: &'static str,
    pub rank_label: &'a str,
    pub category: &'static str,
    pub category_label: &'a str,
    pub hamlet: Option<&'a str>,
    /// The cover photo, if any, described as decorative: the card's title says what it is.
    pub cover: Option<ImageView>,
    /// Whether the text is in the page's language; false when the default language stands in.
    pub translated: bool,
    /// The relic's `[extra]` table, as written, for custom templates: `relic.extra.founded`.
    pub extra: &'a toml::Table,
}

/// Everything a relic page shows, besides its card.
#[derive(Serialize)]
pub struct RelicView<'a> {
    #[serde(flatten)]
    pub card: Card<'a>,
    pub types: Vec<&'a str>,
    /// The story as HTML, sanitized; insert it with `| safe`.
    pub body: &'a str,
    pub machine_translated: bool,
    /// For each of the site's languages this relic has no text in, a note in that language
    /// saying so: visitors reading it are sent to this page.
    pub untranslated_notes: Vec<Note<'a>>,
    pub location: Option<LocationView>,
    pub recognition: Option<RecognitionView<'a>>,
    pub audio: Option<AudioView>,
    pub updated: Option<DateView>,
    /// The cover photo described for this page's language.
    pub photo: Option<ImageView>,
    pub gallery: Vec<GalleryView<'a>>,
    /// The audio guide's words.
    pub transcript: Option<&'a str>,
    pub opening_hours: Option<&'a str>,
    pub etiquette: Option<&'a str>,
    /// The URL printed in the QR code and the short form printed under it for typing.
    pub qr_url: String,
    pub typed_url: String,
    pub previous: Option<Neighbour<'a>>,
    pub next: Option<Neighbour<'a>>,
    /// schema.org JSON-LD, escaped for a `<script>` element; insert it with `| safe`.
    pub json_ld: String,
}

/// A photo as a responsive `<img>`: `src` for old browsers, `srcset` and `sizes` for the
/// phone to pick a variant, `width` and `height` to reserve its place.
#[derive(Serialize)]
pub struct ImageView {
    pub src: String,
    pub srcset: String,
    pub sizes: &'static str,
    pub width: u32,
    pub height: u32,
    pub alt: String,
}

#[derive(Serialize)]
pub struct GalleryView<'a> {
    pub image: ImageView,
    pub caption: Option<&'a str>,
}

#[derive(Serialize)]
pub struct Note<'a> {
    pub lang: &'a str,
    pub text: &'a str,
}

#[derive(Serialize)]
pub struct LocationView {
    pub lat: f64,
    pub lon: f64,
    /// A `geo:` URI that opens the phone's map app.
    pub geo: String,
    pub openstreetmap: String,
}

#[derive(Serialize)]
pub struct RecognitionView<'a> {
    pub decision: &'a str,
    pub date: DateView,
    pub authority: &'a str,
}

#[derive(Serialize)]
pub struct DateView {
    /// `2016-12-07`, for `<time datetime>`.
    pub iso: String,
    /// As people in the page's language write it: `07/12/2016`, `7 December 2016`.
    pub label: String,
}

#[derive(Serialize)]
pub struct AudioView {
    pub href: String,
    pub mime: &'static str,
}

#[derive(Serialize)]
pub struct Neighbour<'a> {
    pub href: String,
    pub name: &'a str,
}

impl<'a> Page<'a> {
    /// The common part of the page at `path` in `lang`; `languages` are those it exists in.
    pub fn new(
        site: &'a Site,
        strings: &'a Strings,
        lang: &'a str,
        path_in: &dyn Fn(&str) -> String,
        languages: &[&str],
    ) -> Page<'a> {
        let config = &site.config;
        let path = path_in(lang);
        let alternates = languages
            .iter()
            .map(|&other| {
                let other_path = path_in(other);
                Alternate {
                    lang: other.to_owned(),
                    name: strings.get(other).text(Key::LanguageName).to_owned(),
                    href: urls::relative(&path, &other_path),
                    absolute: config.absolute(&other_path),
                    current: other == lang,
                }
            })
            .collect();
        Page {
            lang,
            default_lang: config.default_language(),
            root: urls::relative(&path, ""),
            home: urls::relative(&path, &urls::language_root(config, lang)),
            canonical: config.absolute(&path),
            title: String::new(),
            description: String::new(),
            csp: "",
            site: SiteView {
                title: &config.title[lang],
                host: &config.host,
                base_url: &config.base_url,
                commune: &config.commune,
                contact: &config.contact,
            },
            alternates,
        }
    }
}

pub fn card<'a>(
    config: &Config,
    strings: &'a Strings,
    relic: &'a Relic,
    lang: &str,
    from: &str,
) -> Card<'a> {
    let text = relic.text_or_default(lang);
    let t = strings.get(lang);
    Card {
        id: &relic.id,
        href: urls::relative(from, &relic.page_for(config, lang)),
        name: &text.name,
        summary: &text.summary,
        rank: relic.rank.key(),
        rank_label: t.label(crate::model::Rank::GROUP, relic.rank.key()),
        category: relic.category.key(),
        category_label: t.label(crate::model::Category::GROUP, relic.category.key()),
        hamlet: relic.hamlet.as_deref(),
        cover: relic.cover.as_ref().and_then(|c| image(relic, c, from, "")),
        translated: text.lang == lang,
        extra: &relic.extra,
    }
}

/// The responsive image of the relic's photo `name`, linked from the page at `from`.
pub fn image(relic: &Relic, name: &str, from: &str, alt: &str) -> Option<ImageView> {
    let photo = relic.photos.get(name)?;
    let href =
        |width: u32| urls::relative(from, &urls::relic_asset(&relic.slug, &photo.variant(width)));
    let width = photo.fallback_width(900);
    Some(ImageView {
        src: href(width),
        srcset: photo
            .widths
            .iter()
            .map(|w| format!("{} {w}w", href(*w)))
            .collect::<Vec<_>>()
            .join(", "),
        sizes: crate::markdown::SIZES,
        width,
        height: photo.height_at(width),
        alt: alt.to_owned(),
    })
}

/// A `geo:` URI, which phones open in their map app.
pub fn geo_uri(point: crate::model::GeoPoint) -> String {
    format!("geo:{},{}", point.lat, point.lon)
}

/// The way to a relic at `point`: in the phone's map app, or on OpenStreetMap.
pub fn location(point: crate::model::GeoPoint) -> LocationView {
    LocationView {
        lat: point.lat,
        lon: point.lon,
        geo: geo_uri(point),
        openstreetmap: format!(
            "https://www.openstreetmap.org/?mlat={0}&mlon={1}#map=17/{0}/{1}",
            point.lat, point.lon
        ),
    }
}

pub fn date(strings: &Strings, lang: &str, date: Date) -> DateView {
    DateView {
        iso: date.to_string(),
        label: strings.get(lang).date(date),
    }
}

pub fn mime(file: &str) -> &'static str {
    match file
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .as_deref()
    {
        Some("mp3") => "audio/mpeg",
        Some("m4a") => "audio/mp4",
        Some("ogg" | "oga") => "audio/ogg",
        Some("opus") => "audio/ogg; codecs=opus",
        _ => "application/octet-stream",
    }
}
