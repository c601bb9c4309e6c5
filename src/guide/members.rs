//! The member communes' data, read as each commune publishes it: a project folder is built
//! in memory to the `relics.json` its own build writes, and a saved file is read as it was
//! downloaded. Either way the guide sees only what the commune publishes.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;
use serde_json::value::RawValue;

use crate::config::FILE_NAME;
use crate::config::members::{Guide, Member, Source};
use crate::diagnostic::{Diagnostic, display_path};

/// One member commune, with its relics as it publishes them.
#[derive(Debug)]
pub struct Commune {
    /// Its page in the guide, `/<slug>/`.
    pub slug: String,
    pub name: String,
    pub province: String,
    /// The commune's national code, when it publishes one.
    pub code: Option<String>,
    /// Its own guide's address, always ending with `/`.
    pub base_url: String,
    pub title: BTreeMap<String, String>,
    pub relics: Vec<Relic>,
}

/// The fields of a published relic that the guide shows or indexes. The record as a whole is
/// kept in `record`, as the commune published it, for the combined open data.
#[derive(Debug, Deserialize)]
pub struct Relic {
    pub id: String,
    pub name: String,
    pub summary: String,
    pub rank: String,
    pub category: String,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub url: String,
    pub qr_url: String,
    pub updated: Option<String>,
    #[serde(default)]
    pub translations: BTreeMap<String, Translation>,
    /// The record as the commune published it, kept as its text.
    #[serde(skip, default = "unread")]
    pub record: Box<RawValue>,
}

fn unread() -> Box<RawValue> {
    RawValue::from_string("null".to_owned()).expect("null is JSON")
}

#[derive(Debug, Deserialize)]
pub struct Translation {
    pub name: String,
    pub summary: String,
    pub url: String,
}

/// `relics.json` as a commune publishes it; only what the guide reads.
#[derive(Deserialize)]
struct Published {
    title: BTreeMap<String, String>,
    base_url: String,
    commune: PublishedCommune,
    relics: Vec<Box<RawValue>>,
}

#[derive(Deserialize)]
struct PublishedCommune {
    name: String,
    province: String,
    code: Option<String>,
}

/// Every member's commune, in the order `site.toml` lists them, or the problems of those
/// that could not be read: a guide missing a commune is not built.
/// Paths in messages are shown from `root`, the guide's folder, as `site.toml` writes them.
pub fn load(root: &Path, guide: &Guide) -> Result<Vec<Commune>, Vec<Diagnostic>> {
    let results: Vec<Result<Commune, Vec<Diagnostic>>> = {
        use rayon::prelude::*;
        guide
            .members
            .par_iter()
            .map(|m| member(root, &guide.site.languages, m))
            .collect()
    };
    let mut communes = Vec::new();
    let mut problems = Vec::new();
    let mut listed = Vec::new();
    for (result, member) in results.into_iter().zip(&guide.members) {
        match result {
            Ok(commune) => {
                communes.push(commune);
                listed.push(member);
            }
            Err(more) => problems.extend(more),
        }
    }
    let mut slugs: BTreeMap<&str, &Commune> = BTreeMap::new();
    for (commune, member) in communes.iter().zip(listed) {
        if let Some(first) = slugs.insert(&commune.slug, commune) {
            problems.push(
                Diagnostic::error(crate::text!(
                    "member-slug-twice",
                    first = first.name.as_str(),
                    second = commune.name.as_str(),
                    slug = commune.slug.as_str()
                ))
                .in_file(Path::new(FILE_NAME))
                .at(member.at.clone())
                .help(crate::text!("member-slug-twice-help")),
            );
        }
    }
    if problems.is_empty() {
        Ok(communes)
    } else {
        Err(problems)
    }
}

/// The guide's own folders, which no member's page may take.
const RESERVED: [&str; 3] = ["assets", "data", "search"];

fn member(root: &Path, languages: &[String], member: &Member) -> Result<Commune, Vec<Diagnostic>> {
    let shown = |path: &Path| display_path(path.strip_prefix(root).unwrap_or(path));
    let in_site_toml = |message: crate::i18n::Text, help: crate::i18n::Text| {
        Diagnostic::error(message)
            .in_file(Path::new(FILE_NAME))
            .at(member.at.clone())
            .help(help)
    };
    let bytes = match &member.source {
        Source::Project(folder) => {
            let (site, problems) = crate::load_site(folder);
            let Some(site) = site else {
                let errors = problems.iter().filter(|d| d.is_error()).count();
                let first = problems
                    .iter()
                    .find(|d| d.is_error())
                    .map(|d| d.message.clone())
                    .unwrap_or_default();
                return Err(vec![in_site_toml(
                    crate::text!(
                        "member-project-failed",
                        folder = shown(folder),
                        count = errors,
                        first = first
                    ),
                    crate::text!("member-project-failed-help", folder = shown(folder)),
                )]);
            };
            crate::render::relics_json(&site)
        }
        Source::Saved { file, .. } => std::fs::read(file).map_err(|err| {
            vec![in_site_toml(
                crate::text!(
                    "member-data-unreadable",
                    file = shown(file),
                    reason = err.to_string()
                ),
                crate::text!("member-data-unreadable-help"),
            )]
        })?,
    };
    let name = match &member.source {
        // What the project's build would publish, made here without writing it.
        Source::Project(folder) => folder.join("data/relics.json"),
        Source::Saved { file, .. } => file.clone(),
    };
    let (published, relics) = parse(&bytes).map_err(|reason| {
        vec![in_site_toml(
            crate::text!("member-data-wrong", file = shown(&name), reason = reason),
            crate::text!("member-data-wrong-help"),
        )]
    })?;
    let slug = member
        .slug
        .clone()
        .unwrap_or_else(|| crate::slug::slugify(&published.commune.name));
    if slug.is_empty() || RESERVED.contains(&slug.as_str()) || languages.contains(&slug) {
        return Err(vec![in_site_toml(
            crate::text!(
                "member-slug-taken",
                commune = published.commune.name.as_str(),
                slug = slug.as_str()
            ),
            crate::text!("member-slug-twice-help"),
        )]);
    }
    let mut base_url = published.base_url;
    if !base_url.ends_with('/') {
        base_url.push('/');
    }
    Ok(Commune {
        slug,
        name: published.commune.name,
        province: published.commune.province,
        code: published.commune.code,
        base_url,
        title: published.title,
        relics,
    })
}

/// A commune's `relics.json` as this version reads it, or why it cannot be: not JSON, another
/// schema version, or data its schema does not allow. Used by `fetch` too, before a download
/// replaces the saved copy.
fn read(bytes: &[u8]) -> Result<Published, String> {
    let value: serde_json::Value = serde_json::from_slice(bytes).map_err(|err| err.to_string())?;
    let version = value
        .get("schema_version")
        .and_then(serde_json::Value::as_u64);
    let known = crate::render::OPEN_DATA_VERSION;
    if let Some(found) = version.filter(|v| *v != u64::from(known)) {
        return Err(crate::text!("member-data-version", found = found, known = known).to_string());
    }
    let wrong: Vec<String> = schema()
        .iter_errors(&value)
        .take(3)
        .map(|err| {
            let path = err.instance_path().to_string();
            if path.is_empty() {
                err.to_string()
            } else {
                format!("{path}: {err}")
            }
        })
        .collect();
    if !wrong.is_empty() {
        return Err(crate::text!("member-data-schema", problems = wrong.join("; ")).to_string());
    }
    drop(value);
    let published: Published = serde_json::from_slice(bytes).map_err(|err| err.to_string())?;
    Ok(published)
}

/// The validator of the schema every commune publishes beside its `relics.json`, made once:
/// the data a guide joins is checked as strictly as the schema promises, formats included.
fn schema() -> &'static jsonschema::Validator {
    static SCHEMA: std::sync::OnceLock<jsonschema::Validator> = std::sync::OnceLock::new();
    SCHEMA.get_or_init(|| {
        let schema = crate::render::open_data_schema("urn:ditich:relics.schema.json");
        jsonschema::options()
            .with_draft(jsonschema::Draft::Draft202012)
            .should_validate_formats(true)
            .build(&schema)
            .expect("the published schema is valid JSON Schema")
    })
}

/// Whether `bytes` are a commune's `relics.json` this version can build a guide from, and the
/// number of relics in it; otherwise why not.
pub fn check(bytes: &[u8]) -> Result<usize, String> {
    parse(bytes).map(|(_, relics)| relics.len())
}

/// A commune's data and its relics, read and checked: [`read`], then each relic's fields, and
/// every address in them a web address, as the guide links to them.
fn parse(bytes: &[u8]) -> Result<(Published, Vec<Relic>), String> {
    let mut published = read(bytes)?;
    if !web_address(&published.base_url) {
        return Err(
            crate::text!("member-data-address", value = published.base_url.as_str()).to_string(),
        );
    }
    let relics = std::mem::take(&mut published.relics)
        .into_iter()
        .map(|record| {
            let mut relic: Relic = serde_json::from_str(record.get()).map_err(|e| e.to_string())?;
            let addresses = [&relic.url, &relic.qr_url]
                .into_iter()
                .chain(relic.translations.values().map(|t| &t.url));
            if let Some(wrong) = addresses.into_iter().find(|a| !web_address(a)) {
                return Err(crate::text!("member-data-address", value = wrong.as_str()).to_string());
            }
            relic.record = record;
            Ok(relic)
        })
        .collect::<Result<Vec<_>, String>>()?;
    Ok((published, relics))
}

/// An `http` or `https` address with a host and neither query nor fragment: what the guide can
/// link to and build its own addresses on.
fn web_address(text: &str) -> bool {
    url::Url::parse(text).is_ok_and(|url| {
        matches!(url.scheme(), "http" | "https")
            && url.host().is_some()
            && url.query().is_none()
            && url.fragment().is_none()
    })
}
