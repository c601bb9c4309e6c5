//! Render: the model to the files of `output/`. Each kind of file is made here, side by side,
//! and handed on as it is made; the pipeline orders the stages. Nothing here touches the disk
//! except to name files that the write stage copies.

mod assets;
pub mod catalogue;
mod change_feed;
mod codes;
mod data;
mod data_schema;
mod guide;
pub mod htaccess;
mod jsonld;
pub mod map;
mod offline;
mod scans;
mod sitemap;
mod template;
pub mod view;
mod visitor;

use rayon::prelude::*;
use tera::Tera;

use crate::cache::{self, Kept};
use crate::diagnostic::Diagnostic;
use crate::model::Site;
use crate::output::{Content, Keeper, Made, OutputFile};
use crate::theme::strings::Strings;
use crate::theme::templates;
pub use assets::relic_files;
pub use offline::{Stored, stored_bytes, stored_copy};

/// The version of the open data's fields, which every `relics.json` states.
pub const OPEN_DATA_VERSION: u32 = data_schema::VERSION;

/// The JSON Schema of every commune's `relics.json`, with `id` as its `$id`.
pub fn open_data_schema(id: &str) -> serde_json::Value {
    data_schema::document(id)
}

pub use data::{LICENSE, geojson_of};

/// `site`'s `data/relics.json`, as its build publishes it: what a province's guide reads of a
/// member commune.
pub fn relics_json(site: &Site) -> Vec<u8> {
    data::json(site)
}

pub struct Renderer<'a> {
    site: &'a Site,
    strings: Strings,
    tera: Tera,
    /// The Content-Security-Policy of every page: only the site's own files, nothing inline.
    csp: String,
    /// The theme's `static/landing.js`, inlined in landing pages so a scan costs one request.
    landing_script: String,
    /// Its hash, for the landing pages' CSP.
    landing_script_hash: String,
    /// What every page's key starts from: see [`Kept::Page`].
    fingerprint: cache::Key,
    /// The theme's strings in each language as templates see them (`t`), converted once
    /// rather than for each page.
    strings_context: std::collections::HashMap<String, tera::Context>,
    keeper: &'a dyn Keeper,
}

/// A file made from the whole site: the sitemap, the open data.
type Listing = fn(&Site) -> Vec<u8>;
/// The open data's catalogue, made from the site and the open data's files.
type Catalogue = fn(&catalogue::Publisher<'_>, &[(&catalogue::Format, &[u8])]) -> Vec<u8>;

impl<'a> Renderer<'a> {
    /// The renderer of `site`'s files, which asks `keeper` before making a page or listing
    /// whose key it knows. The problems of the theme's strings or templates when they fail.
    pub fn new(site: &'a Site, keeper: &'a dyn Keeper) -> Result<Renderer<'a>, Vec<Diagnostic>> {
        let strings = Strings::new(&site.theme, &site.config)?;
        let tera = templates::engine(&site.theme.templates)?;
        let landing_script = String::from_utf8_lossy(
            site.theme
                .static_files
                .get("landing.js")
                .map_or(&[][..], Vec::as_slice),
        )
        .into_owned();
        let strings_context = site
            .config
            .languages
            .iter()
            .map(|lang| {
                let mut context = tera::Context::new();
                context.insert("t", strings.get(lang).table());
                (lang.clone(), context)
            })
            .collect();
        Ok(Renderer {
            strings_context,
            csp: content_security_policy(&site.config),
            landing_script_hash: script_hash(&landing_script),
            fingerprint: fingerprint(site, &strings),
            landing_script,
            site,
            strings,
            tera,
            keeper,
        })
    }

    pub fn site(&self) -> &'a Site {
        self.site
    }

    pub fn strings(&self) -> &Strings {
        &self.strings
    }

    /// Every HTML page but the list of print files. Only the relics' pages count as steps of
    /// `progress`: the rest are a few.
    pub fn pages<'r>(
        &'r self,
        case_blind: bool,
        progress: &'r dyn crate::progress::Progress,
    ) -> impl ParallelIterator<Item = Made> + 'r {
        let site = self.site;
        let languages = &site.config.languages;
        let relic_pages: Vec<(usize, &str)> = site
            .relics
            .iter()
            .enumerate()
            .flat_map(|(i, r)| r.texts.iter().map(move |t| (i, t.lang.as_str())))
            .collect();
        progress.stage("pages", relic_pages.len());
        relic_pages
            .into_par_iter()
            .map(move |(i, lang)| {
                let page = self.relic(i, lang);
                progress.step();
                page
            })
            .chain(languages.par_iter().map(|lang| self.home(lang)))
            .chain(
                codes::landing_paths(site, case_blind)
                    .into_par_iter()
                    .flat_map_iter(|(relic, path, typed)| self.landing(relic, &path, typed)),
            )
            .chain(languages.par_iter().map(|lang| self.map_page(lang)))
            .chain(rayon::iter::once(self.codes_page()))
            .chain(rayon::iter::once(self.kiosk()))
            .chain(rayon::iter::once(self.not_found()))
    }

    /// The sitemap, `robots.txt`, the open data with its schema, the change feed, and the
    /// catalogue of the open data. Each lists every relic, so at a province's scale each takes
    /// a while: made side by side, and only when what they list changed.
    pub fn listings(&self) -> Vec<Made> {
        let site = self.site;
        let mut listings: Vec<(&str, Listing)> = vec![
            ("sitemap.xml", sitemap::sitemap),
            ("robots.txt", sitemap::robots),
            ("data/relics.json", data::json),
            ("data/relics.geojson", data::geojson),
            ("data/relics.csv", data::csv),
            (data_schema::PATH, data_schema::schema),
            (change_feed::PATH, change_feed::feed),
        ];
        if !site.scans.is_empty() {
            listings.extend([
                (scans::CSV, scans::csv as Listing),
                (scans::JSON, scans::json),
            ]);
        }
        let listed = data::fingerprint(site);
        let key = |path: &str| listed.clone().part(path).hash();
        let made: Vec<(&str, blake3::Hash, Option<Vec<u8>>)> = listings
            .par_iter()
            .map(|&(path, make)| {
                let key = key(path);
                let bytes = (!self.keeper.kept(path, &key)).then(|| make(site));
                (path, key, bytes)
            })
            .collect();
        let catalogues: Vec<(&str, blake3::Hash, Catalogue)> = [
            (catalogue::TURTLE, catalogue::turtle as Catalogue),
            (catalogue::JSON_LD, catalogue::json_ld),
        ]
        .into_iter()
        .map(|(path, make)| (path, key(path), make))
        .filter(|(path, key, _)| !self.keeper.kept(path, key))
        .collect();
        let mut catalogued = Vec::new();
        if !catalogues.is_empty() {
            // The catalogue gives each file's size and hash, so it needs the bytes of those a
            // keeper kept too.
            let listed: Vec<(&catalogue::Format, Vec<u8>)> = catalogue::FORMATS
                .par_iter()
                .filter_map(|format| {
                    let (_, _, bytes) = made.iter().find(|(path, ..)| *path == format.path)?;
                    let bytes = bytes.clone().or_else(|| {
                        let (_, make) = listings.iter().find(|(path, _)| *path == format.path)?;
                        Some(make(site))
                    })?;
                    Some((format, bytes))
                })
                .collect();
            let files: Vec<(&catalogue::Format, &[u8])> = listed
                .iter()
                .map(|(format, bytes)| (*format, bytes.as_slice()))
                .collect();
            let publisher = catalogue::Publisher::of_site(site);
            catalogued.extend(
                catalogues
                    .into_iter()
                    .map(|(path, key, make)| (path, key, Some(make(&publisher, &files)))),
            );
        }
        made.into_iter()
            .chain(catalogued)
            .map(|(path, key, bytes)| {
                Ok(bytes.map(|bytes| OutputFile {
                    path: path.to_owned(),
                    content: Content::Rendered { bytes, key },
                }))
            })
            .collect()
    }

    /// The files of the site as a whole: the theme's assets, the web app's manifest and icons,
    /// and `.htaccess`.
    pub fn site_files(&self) -> Vec<Made> {
        let theme = &self.site.theme;
        let icons = match self.icons() {
            Ok(icons) => icons.into_iter().map(|icon| Ok(Some(icon))).collect(),
            Err(problem) => vec![Err(problem)],
        };
        theme
            .static_files
            .iter()
            .map(|(name, bytes)| {
                Ok(Some(OutputFile::bytes(
                    format!("assets/{name}"),
                    bytes.clone(),
                )))
            })
            .chain([
                Ok(Some(self.manifest())),
                Ok(Some(htaccess::htaccess(self.site))),
            ])
            .chain(icons)
            .collect()
    }
}

/// Pages may load only the site's own files; embedded videos only from the hosts
/// `site.toml` allows.
fn content_security_policy(config: &crate::config::Config) -> String {
    let frames = if config.content.iframe_hosts.is_empty() {
        "'none'".to_owned()
    } else {
        config
            .content
            .iframe_hosts
            .iter()
            .map(|h| format!("https://{h}"))
            .collect::<Vec<_>>()
            .join(" ")
    };
    format!(
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; frame-src {frames}; object-src 'none'; base-uri 'none'; form-action 'self'"
    )
}

/// The CSP source for an inline script: `sha256-<base64 of its SHA-256>`.
fn script_hash(script: &str) -> String {
    use base64::Engine as _;
    use sha2::Digest as _;
    base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(script.as_bytes()))
}

/// The file of the page whose folder is `path`: `den-ca/` → `den-ca/index.html`.
fn index_file(path: &str) -> String {
    format!("{path}index.html")
        .trim_start_matches('/')
        .to_owned()
}

/// What every page's key starts from: the theme's templates and its strings in every
/// language.
fn fingerprint(site: &Site, strings: &Strings) -> cache::Key {
    let mut key = cache::Key::new(Kept::Page);
    for (name, template) in &site.theme.templates {
        key.part(name).part(&template.source);
    }
    key.part(strings.to_json());
    key
}

fn template_data(err: impl std::fmt::Display) -> Diagnostic {
    Diagnostic::error(crate::text!("template-data", reason = err.to_string()))
}
