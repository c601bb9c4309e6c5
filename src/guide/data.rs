//! The guide's open data: every member's relics as the communes published them, joined, with
//! a catalogue whose relics' dataset names each commune's own as a part (`dct:hasPart`), so a
//! province portal that harvests the guide reaches every commune. Also the sitemap and
//! `robots.txt`.

use std::fmt::Write as _;

use serde::Serialize;

use super::GuideSite;
use crate::render::catalogue::{self, Format, Publisher};

/// The combined `relics.json`: the communes, each with where its own data is, and every relic
/// record as its commune published it.
fn json(site: &GuideSite) -> Vec<u8> {
    #[derive(Serialize)]
    struct Document<'a> {
        schema_version: u32,
        title: &'a std::collections::BTreeMap<String, String>,
        base_url: &'a str,
        province: &'a crate::config::members::Province,
        license: &'static str,
        communes: Vec<Member<'a>>,
        relics: Vec<&'a serde_json::value::RawValue>,
    }
    #[derive(Serialize)]
    struct Member<'a> {
        name: &'a str,
        code: Option<&'a str>,
        slug: &'a str,
        base_url: &'a str,
        data_url: String,
        catalog_url: String,
        relics: usize,
    }
    let shared = &site.guide.site;
    pretty(&Document {
        schema_version: crate::render::OPEN_DATA_VERSION,
        title: &shared.title,
        base_url: &shared.base_url,
        province: &site.guide.province,
        license: crate::render::LICENSE,
        communes: site
            .communes
            .iter()
            .map(|c| Member {
                name: &c.name,
                code: c.code.as_deref(),
                slug: &c.slug,
                base_url: &c.base_url,
                data_url: format!("{}data/relics.json", c.base_url),
                catalog_url: format!("{}{}", c.base_url, catalogue::TURTLE),
                relics: c.relics.len(),
            })
            .collect(),
        relics: site
            .communes
            .iter()
            .flat_map(|c| c.relics.iter().map(|r| &*r.record))
            .collect(),
    })
}

/// GeoJSON of the same records, as each commune's own: the record is each point's
/// properties, and its id the QR landing, since a code is unique only within its commune.
fn geojson(site: &GuideSite) -> Vec<u8> {
    crate::render::geojson_of(
        site.communes
            .iter()
            .flat_map(|c| &c.relics)
            .map(|r| (r.qr_url.clone(), r.lat, r.lon, &*r.record)),
    )
}

fn pretty(value: &impl Serialize) -> Vec<u8> {
    let mut bytes = serde_json::to_vec_pretty(value).expect("open data serializes");
    bytes.push(b'\n');
    bytes
}

/// The guide's data files, its catalogue, the sitemap and `robots.txt`.
pub fn files(site: &GuideSite) -> Vec<(String, Vec<u8>)> {
    let shared = &site.guide.site;
    let relics = json(site);
    let geojson = geojson(site);
    let listed: Vec<(&Format, &[u8])> = catalogue::FORMATS
        .iter()
        .filter_map(|format| match format.path {
            "data/relics.json" => Some((format, relics.as_slice())),
            "data/relics.geojson" => Some((format, geojson.as_slice())),
            _ => None,
        })
        .collect();
    let province = &site.guide.province.name;
    let publisher = Publisher {
        base_url: &shared.base_url,
        title: &shared.title,
        languages: &shared.languages,
        place: province.clone(),
        office: shared
            .contact
            .office
            .clone()
            .unwrap_or_else(|| format!("Tỉnh {province}")),
        contact: &shared.contact,
        points: site
            .communes
            .iter()
            .flat_map(|c| &c.relics)
            .filter_map(|r| Some((r.lat?, r.lon?)))
            .collect(),
        checked: site
            .communes
            .iter()
            .flat_map(|c| &c.relics)
            .filter_map(|r| r.updated.clone())
            .collect(),
        months: Vec::new(),
        source: [
            "ghép từ dữ liệu do các xã công bố",
            "joined from the data the communes publish",
        ],
        parts: site
            .communes
            .iter()
            .map(|c| format!("{}{}#relics", c.base_url, catalogue::TURTLE))
            .collect(),
        // The joined data holds the communes' records in a document of its own.
        schema: false,
    };
    let turtle = catalogue::turtle(&publisher, &listed);
    let json_ld = catalogue::json_ld(&publisher, &listed);
    vec![
        ("sitemap.xml".to_owned(), sitemap(site)),
        (
            "robots.txt".to_owned(),
            format!(
                "User-agent: *\nAllow: /\n\nSitemap: {base}sitemap.xml\n# Open data catalogue (DCAT-AP): {base}{catalogue}\n",
                base = shared.base_url,
                catalogue = catalogue::TURTLE,
            )
            .into_bytes(),
        ),
        ("data/relics.json".to_owned(), relics),
        ("data/relics.geojson".to_owned(), geojson),
        (catalogue::TURTLE.to_owned(), turtle),
        (catalogue::JSON_LD.to_owned(), json_ld),
    ]
}

/// Every page in every language; the relics' own pages are the communes' to list.
fn sitemap(site: &GuideSite) -> Vec<u8> {
    let base = &site.guide.site.base_url;
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for paths in super::pages::paths(site).values() {
        for path in paths {
            let _ = writeln!(
                xml,
                "  <url>\n    <loc>{}</loc>\n  </url>",
                crate::html::escape(&format!("{base}{path}"))
            );
        }
    }
    xml.push_str("</urlset>\n");
    xml.into_bytes()
}
