//! Open data for the district and province: the same records as JSON, GeoJSON and CSV.
//! Field names are the open data's contract, which `data_schema` publishes: add fields, never
//! rename them, and any change of fields is a new schema version.

use std::collections::BTreeMap;

use serde::Serialize;

use super::data_schema;
use crate::cache::{Kept, Key};
use crate::model::{Relic, Site};
use crate::urls;

/// The licence of everything the open data publishes, as an SPDX identifier.
pub const LICENSE: &str = "CC-BY-4.0";

/// One relic as published. The Wifi password stays on the plaque, out of the data.
#[derive(Serialize)]
pub(super) struct Record<'a> {
    id: &'a str,
    slug: &'a str,
    pub(super) name: &'a str,
    pub(super) summary: &'a str,
    rank: &'static str,
    category: &'static str,
    types: Vec<&'static str>,
    hamlet: Option<&'a str>,
    commune: &'a str,
    /// Only in projects made before districts were abolished in 2025.
    district: Option<&'a str>,
    province: &'a str,
    /// The national codes of the commune-level unit and its province.
    commune_code: Option<&'a str>,
    province_code: Option<&'a str>,
    /// Names the place went by before the mergers.
    former_units: &'a [String],
    lat: Option<f64>,
    lon: Option<f64>,
    recognition_decision: Option<&'a str>,
    recognition_date: Option<String>,
    recognition_authority: Option<&'a str>,
    pub(super) url: String,
    pub(super) qr_url: String,
    /// The cover's widest published variant, and its size in pixels.
    cover_url: Option<String>,
    cover_width: Option<u32>,
    cover_height: Option<u32>,
    audio_url: Option<String>,
    pub(super) updated: Option<String>,
    /// Per other language: name, summary and page URL.
    pub(super) translations: BTreeMap<&'a str, Translation<'a>>,
}

#[derive(Serialize)]
pub(super) struct Translation<'a> {
    name: &'a str,
    summary: &'a str,
    pub(super) url: String,
}

fn record<'a>(site: &'a Site, relic: &'a Relic) -> Record<'a> {
    let config = &site.config;
    let main = &relic.texts[0];
    let asset_url = |name: &String| config.absolute(&urls::relic_asset(&relic.slug, name));
    let cover = relic.cover_variant();
    Record {
        id: &relic.id,
        slug: &relic.slug,
        name: &main.name,
        summary: &main.summary,
        rank: relic.rank.key(),
        category: relic.category.key(),
        types: relic.types.iter().map(|t| t.key()).collect(),
        hamlet: relic.hamlet.as_deref(),
        commune: &config.commune.name,
        district: config.commune.district.as_deref(),
        province: &config.commune.province,
        commune_code: config.commune.code.as_deref(),
        province_code: config.commune.province_code.as_deref(),
        former_units: &config.commune.former,
        lat: relic.location.map(|p| p.lat),
        lon: relic.location.map(|p| p.lon),
        recognition_decision: relic.recognition.as_ref().map(|r| r.decision.as_str()),
        recognition_date: relic.recognition.as_ref().map(|r| r.date.to_string()),
        recognition_authority: relic.recognition.as_ref().map(|r| r.authority.as_str()),
        url: config.absolute(&urls::relic_page(config, &main.lang, &relic.slug)),
        qr_url: config.absolute(&urls::landing(&relic.id)),
        cover_url: cover.as_ref().map(|(name, ..)| asset_url(name)),
        cover_width: cover.as_ref().map(|(_, width, _)| *width),
        cover_height: cover.as_ref().map(|(.., height)| *height),
        audio_url: relic.audio.as_ref().map(asset_url),
        updated: relic.updated.map(|d| d.to_string()),
        translations: relic.texts[1..]
            .iter()
            .map(|t| {
                let url = config.absolute(&urls::relic_page(config, &t.lang, &relic.slug));
                (
                    t.lang.as_str(),
                    Translation {
                        name: &t.name,
                        summary: &t.summary,
                        url,
                    },
                )
            })
            .collect(),
    }
}

pub(super) fn records(site: &Site) -> Vec<Record<'_>> {
    site.relics.iter().map(|r| record(site, r)).collect()
}

/// What every listing's key starts from: `site.toml`, each relic's record, which holds every
/// field the open data and the sitemap show, and the kept scans. Hashed in a compact binary form, it costs a
/// small part of writing the listings.
pub fn fingerprint(site: &Site) -> Key {
    let records = postcard::to_stdvec(&records(site)).expect("records serialize with postcard");
    let mut key = Key::new(Kept::Listing);
    key.part(site.config.digest.as_bytes())
        .part(records)
        .part(crate::stats::published::csv(&site.scans));
    key
}

pub fn json(site: &Site) -> Vec<u8> {
    #[derive(Serialize)]
    struct Document<'a> {
        schema_version: u32,
        title: &'a BTreeMap<String, String>,
        base_url: &'a str,
        commune: &'a crate::config::Commune,
        license: &'static str,
        relics: Vec<Record<'a>>,
    }
    let config = &site.config;
    pretty(&Document {
        schema_version: data_schema::VERSION,
        title: &config.title,
        base_url: &config.base_url,
        commune: &config.commune,
        license: LICENSE,
        relics: records(site),
    })
}

/// RFC 7946 GeoJSON: `[lon, lat]` in WGS84; a relic without a location has a null geometry.
pub fn geojson(site: &Site) -> Vec<u8> {
    geojson_of(
        records(site)
            .into_iter()
            .map(|r| (r.id.to_owned(), r.lat, r.lon, r)),
    )
}

/// A GeoJSON collection of points, one per `(id, lat, lon, properties)`, with the schema's
/// version as a foreign member (RFC 7946 § 6.1): a commune's relics, or a province's.
pub fn geojson_of<P: Serialize>(
    features: impl Iterator<Item = (String, Option<f64>, Option<f64>, P)>,
) -> Vec<u8> {
    #[derive(Serialize)]
    struct Collection<P> {
        r#type: &'static str,
        schema_version: u32,
        features: Vec<Feature<P>>,
    }
    #[derive(Serialize)]
    struct Feature<P> {
        r#type: &'static str,
        id: String,
        geometry: Option<Point>,
        properties: P,
    }
    #[derive(Serialize)]
    struct Point {
        r#type: &'static str,
        coordinates: [f64; 2],
    }
    pretty(&Collection {
        r#type: "FeatureCollection",
        schema_version: data_schema::VERSION,
        features: features
            .map(|(id, lat, lon, properties)| Feature {
                r#type: "Feature",
                id,
                geometry: lon.zip(lat).map(|(lon, lat)| Point {
                    r#type: "Point",
                    coordinates: [lon, lat],
                }),
                properties,
            })
            .collect(),
    })
}

/// One row per relic; translations become `name_<lang>`, `summary_<lang>`, `url_<lang>` columns.
pub fn csv(site: &Site) -> Vec<u8> {
    let others = &site.config.languages[1..];
    let mut writer = csv::Writer::from_writer(Vec::new());
    let mut header: Vec<String> = COLUMNS.iter().map(|(name, _)| (*name).to_owned()).collect();
    for lang in others {
        header.extend(["name", "summary", "url"].map(|f| format!("{f}_{lang}")));
    }
    // Writing to a Vec cannot fail.
    let _ = writer.write_record(&header);
    for record in records(site) {
        let mut row: Vec<String> = COLUMNS.iter().map(|(_, value)| value(&record)).collect();
        for lang in others {
            match record.translations.get(lang.as_str()) {
                Some(t) => row.extend([t.name.to_owned(), t.summary.to_owned(), t.url.clone()]),
                None => row.extend([String::new(), String::new(), String::new()]),
            }
        }
        let _ = writer.write_record(&row);
    }
    writer.into_inner().unwrap_or_default()
}

/// The CSV's columns before the translations', each with its value for a record; lists join
/// with `;`. New columns go at the end: importers may read them by position.
type Column = (&'static str, fn(&Record<'_>) -> String);

const COLUMNS: &[Column] = &[
    ("id", |r| r.id.to_owned()),
    ("slug", |r| r.slug.to_owned()),
    ("name", |r| r.name.to_owned()),
    ("summary", |r| r.summary.to_owned()),
    ("rank", |r| r.rank.to_owned()),
    ("category", |r| r.category.to_owned()),
    ("types", |r| r.types.join(";")),
    ("hamlet", |r| text(r.hamlet)),
    ("commune", |r| r.commune.to_owned()),
    ("district", |r| text(r.district)),
    ("province", |r| r.province.to_owned()),
    ("lat", |r| number(r.lat)),
    ("lon", |r| number(r.lon)),
    ("recognition_decision", |r| text(r.recognition_decision)),
    ("recognition_date", |r| text(r.recognition_date.as_deref())),
    ("recognition_authority", |r| text(r.recognition_authority)),
    ("url", |r| r.url.clone()),
    ("qr_url", |r| r.qr_url.clone()),
    ("cover_url", |r| text(r.cover_url.as_deref())),
    ("audio_url", |r| text(r.audio_url.as_deref())),
    ("updated", |r| text(r.updated.as_deref())),
    ("cover_width", |r| number(r.cover_width)),
    ("cover_height", |r| number(r.cover_height)),
    ("commune_code", |r| text(r.commune_code)),
    ("province_code", |r| text(r.province_code)),
    ("former_units", |r| r.former_units.join(";")),
];

fn text(value: Option<&str>) -> String {
    value.unwrap_or_default().to_owned()
}

fn number(value: Option<impl ToString>) -> String {
    value.map(|n| n.to_string()).unwrap_or_default()
}

fn pretty(value: &impl Serialize) -> Vec<u8> {
    let mut bytes = serde_json::to_vec_pretty(value).unwrap_or_default();
    bytes.push(b'\n');
    bytes
}
