//! The guide's pages, drawn by the theme's `guide-*.html` templates: a home per language with
//! every relic on one map, the search and the communes, and one page per commune with its
//! relics' cards. Every card links to the commune's own pages, which stay the canonical ones.

use std::collections::BTreeMap;

use serde::Serialize;

use super::GuideSite;
use super::members::{Commune, Relic};
use crate::diagnostic::Diagnostic;
use crate::render::map::{self, MapView, Marker};
use crate::theme::templates;
use crate::urls;

/// Pages may load only the guide's own files: the search reads its index from the guide.
const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'";

/// The common part of every page.
#[derive(Serialize)]
struct Page<'a> {
    lang: &'a str,
    default_lang: &'a str,
    title: String,
    description: String,
    canonical: String,
    csp: &'static str,
    root: String,
    home: String,
    site_title: &'a str,
    province: &'a str,
    alternates: Vec<Alternate>,
    /// The theme's strings in this language: `t.guide.search_label`, `t.rank_level.national`.
    t: &'a toml::Table,
}

#[derive(Serialize)]
struct Alternate {
    lang: String,
    name: String,
    href: String,
    absolute: String,
    current: bool,
}

/// A relic's card: everything links to the commune's site.
#[derive(Serialize)]
struct Card<'a> {
    id: &'a str,
    name: &'a str,
    summary: &'a str,
    /// Whether `name` and `summary` are in the page's language; if not, they are in the
    /// default one.
    translated: bool,
    rank: &'a str,
    category: &'a str,
    page: &'a str,
    landing: &'a str,
}

#[derive(Serialize)]
struct CommuneLink<'a> {
    name: &'a str,
    href: String,
    /// "12 di tích".
    relics: String,
}

/// Every page of the guide, as (path, HTML).
pub fn pages(site: &GuideSite) -> Result<Vec<(String, Vec<u8>)>, Vec<Diagnostic>> {
    let tera = templates::engine(&site.theme.templates)?;
    let languages = &site.guide.site.languages;
    let mut pages = Vec::new();
    let mut problems = Vec::new();
    for lang in languages {
        let Some(t) = site.theme.strings.get(lang) else {
            problems.push(
                Diagnostic::error(crate::text!("theme-strings-missing", code = lang.as_str()))
                    .help(crate::text!(
                        "theme-strings-missing-help",
                        file = format!("i18n/{lang}.toml")
                    )),
            );
            continue;
        };
        let mut render = |path: String, name: &str, context: tera::Context| match templates::render(
            &tera,
            &site.theme.templates,
            name,
            &context,
        ) {
            Ok(html) => pages.push((format!("{path}index.html"), html)),
            Err(problem) => problems.push(problem),
        };
        render(
            urls_home(site, lang),
            "guide-home.html",
            home(site, lang, t),
        );
        for commune in &site.communes {
            render(
                commune_path(site, lang, commune),
                "guide-commune.html",
                commune_page(site, lang, t, commune),
            );
        }
    }
    if problems.is_empty() {
        Ok(pages)
    } else {
        Err(problems)
    }
}

/// `""` for the default language, `en/` for English.
fn urls_home(site: &GuideSite, lang: &str) -> String {
    urls::root_of(&site.guide.site.languages[0], lang)
}

fn commune_path(site: &GuideSite, lang: &str, commune: &Commune) -> String {
    format!("{}{}/", urls_home(site, lang), commune.slug)
}

fn page<'a>(
    site: &'a GuideSite,
    lang: &'a str,
    t: &'a toml::Table,
    path_in: &dyn Fn(&str) -> String,
) -> Page<'a> {
    let shared = &site.guide.site;
    let path = path_in(lang);
    let name = |other: &str| {
        site.theme
            .strings
            .get(other)
            .and_then(|t| t.get("language_name"))
            .and_then(toml::Value::as_str)
            .unwrap_or(other)
            .to_owned()
    };
    Page {
        lang,
        default_lang: &shared.languages[0],
        title: String::new(),
        description: String::new(),
        canonical: format!("{}{path}", shared.base_url),
        csp: CSP,
        root: urls::relative(&path, ""),
        home: urls::relative(&path, &urls_home(site, lang)),
        site_title: shared
            .title
            .get(lang)
            .or_else(|| shared.title.values().next())
            .map_or("", String::as_str),
        province: &site.guide.province.name,
        alternates: shared
            .languages
            .iter()
            .map(|other| {
                let other_path = path_in(other);
                Alternate {
                    lang: other.clone(),
                    name: name(other),
                    href: urls::relative(&path, &other_path),
                    absolute: format!("{}{other_path}", shared.base_url),
                    current: other == lang,
                }
            })
            .collect(),
        t,
    }
}

fn home(site: &GuideSite, lang: &str, t: &toml::Table) -> tera::Context {
    let mut page = page(site, lang, t, &|l| urls_home(site, l));
    let relics: usize = site.communes.iter().map(|c| c.relics.len()).sum();
    page.title = page.site_title.to_owned();
    page.description = guide_text(t, "home_lead")
        .replace("{relics}", &relics.to_string())
        .replace("{communes}", &site.communes.len().to_string());
    let path = urls_home(site, lang);
    let communes: Vec<CommuneLink<'_>> = site
        .communes
        .iter()
        .map(|commune| CommuneLink {
            name: &commune.name,
            href: urls::relative(&path, &commune_path(site, lang, commune)),
            relics: guide_text(t, "relic_count")
                .replace("{count}", &commune.relics.len().to_string()),
        })
        .collect();
    let mut map = map::project(
        site.communes
            .iter()
            .flat_map(|c| &c.relics)
            .filter_map(|relic| Some((relic.lat?, relic.lon?, marker(lang, relic))))
            .collect(),
    );
    let mut context = tera::Context::from_serialize(&page).expect("pages serialize");
    context.insert("communes", &communes);
    context.insert(
        "map_caption",
        &guide_text(t, "map_caption").replace("{relics}", &map.points.len().to_string()),
    );
    context.insert("dots", &dots(&map));
    // The markers are in the dots now: a page of 40,000 would be megabytes.
    map.points.clear();
    context.insert("map", &map);
    context.insert(
        "search_index",
        &format!("{}search/", urls::relative(&path, "")),
    );
    context
}

fn commune_page(site: &GuideSite, lang: &str, t: &toml::Table, commune: &Commune) -> tera::Context {
    let mut page = page(site, lang, t, &|l| commune_path(site, l, commune));
    page.title = format!("{} · {}", commune.name, page.site_title);
    page.description = guide_text(t, "commune_lead")
        .replace("{commune}", &commune.name)
        .replace("{relics}", &commune.relics.len().to_string());
    let default = &site.guide.site.languages[0];
    let cards: Vec<Card<'_>> = commune
        .relics
        .iter()
        .map(|r| card(r, lang, default))
        .collect();
    let map: MapView = map::project(
        commune
            .relics
            .iter()
            .filter_map(|relic| Some((relic.lat?, relic.lon?, marker(lang, relic))))
            .collect(),
    );
    let mut context = tera::Context::from_serialize(&page).expect("pages serialize");
    context.insert("commune", &commune.name);
    context.insert("commune_site", &commune.base_url);
    let commune_title = commune
        .title
        .get(lang)
        .or_else(|| commune.title.values().next())
        .map_or(commune.name.as_str(), String::as_str);
    context.insert(
        "commune_site_label",
        &guide_text(t, "commune_site").replace("{title}", commune_title),
    );
    context.insert("cards", &cards);
    context.insert("map", &map);
    context
}

/// `default` is the language of a record's own name and summary.
fn card<'a>(relic: &'a Relic, lang: &str, default: &str) -> Card<'a> {
    let translation = relic.translations.get(lang);
    Card {
        id: &relic.id,
        name: translation.map_or(&relic.name, |t| &t.name),
        summary: translation.map_or(&relic.summary, |t| &t.summary),
        translated: translation.is_some() || lang == default,
        rank: &relic.rank,
        category: &relic.category,
        page: translation.map_or(&relic.url, |t| &t.url),
        landing: &relic.qr_url,
    }
}

/// A dot on the home page's map: the relics within one cell of a grid, drawn larger the more
/// there are, and dark when one of them is of national rank.
#[derive(Serialize)]
struct Dot {
    x: f64,
    y: f64,
    r: f64,
    national: bool,
}

/// The side of the home map's grid cells, in SVG units of a 1,000-wide map: a dot's width, so
/// that relics closer than a dot are one dot, and the map's size is bounded by its area.
const CELL: f64 = 10.0;

fn dots(map: &MapView) -> Vec<Dot> {
    let mut cells: BTreeMap<(i64, i64), (f64, f64, usize, bool)> = BTreeMap::new();
    for point in &map.points {
        let cell = ((point.x / CELL) as i64, (point.y / CELL) as i64);
        let entry = cells.entry(cell).or_insert((0.0, 0.0, 0, false));
        entry.0 += point.x;
        entry.1 += point.y;
        entry.2 += 1;
        entry.3 |= matches!(point.rank.as_str(), "national" | "special-national");
    }
    let round = |v: f64| (v * 10.0).round() / 10.0;
    cells
        .into_values()
        .map(|(x, y, count, national)| Dot {
            x: round(x / count as f64),
            y: round(y / count as f64),
            r: round(4.0 + 2.0 * (count as f64).log2()),
            national,
        })
        .collect()
}

/// A relic's marker: its link is the commune's page of it, in this language if it has one.
fn marker(lang: &str, relic: &Relic) -> Marker {
    let translation = relic.translations.get(lang);
    Marker {
        id: relic.id.clone(),
        name: translation.map_or(&relic.name, |t| &t.name).clone(),
        rank: relic.rank.clone(),
        href: translation.map_or(&relic.url, |t| &t.url).clone(),
    }
}

/// A string of the theme's `[guide]` table, or its key when the theme lacks it.
fn guide_text(t: &toml::Table, key: &str) -> String {
    t.get("guide")
        .and_then(|g| g.get(key))
        .and_then(toml::Value::as_str)
        .unwrap_or(key)
        .to_owned()
}

/// Groups for the sitemap: every page's path in each language.
pub fn paths(site: &GuideSite) -> BTreeMap<String, Vec<String>> {
    let mut paths = BTreeMap::new();
    paths.insert(
        String::new(),
        site.guide
            .site
            .languages
            .iter()
            .map(|l| urls_home(site, l))
            .collect(),
    );
    for commune in &site.communes {
        paths.insert(
            commune.slug.clone(),
            site.guide
                .site
                .languages
                .iter()
                .map(|l| commune_path(site, l, commune))
                .collect(),
        );
    }
    paths
}
