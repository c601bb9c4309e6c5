//! Render: the model to the files of `output/`. Pages are rendered in parallel and handed to
//! a [`Sink`] (the write stage) one at a time; nothing here touches the disk except to name
//! files that the write stage copies.

mod data;
mod htaccess;
mod jsonld;
mod map;
mod offline;
mod sitemap;
pub mod view;
mod visitor;

use std::sync::Mutex;

use rayon::prelude::*;
use serde::Serialize;
use tera::{Context, Tera};

use crate::diagnostic::Diagnostic;
use crate::lock;
use crate::model::{Relic, Site};
use crate::output::{Content, FileKey, OutputFile, Sink};
use crate::theme::strings::{Key, Strings};
use crate::theme::templates;
use crate::urls;
use view::{Card, Neighbour, Page, RelicView};

/// Hands files to the sink from many workers, and keeps what the last files need to know of
/// them: the problems found, and what the service worker stores.
struct Emitter<'s> {
    sink: &'s dyn Sink,
    problems: Mutex<Vec<Diagnostic>>,
    stored: Mutex<Vec<offline::Stored>>,
    failure: Mutex<Option<anyhow::Error>>,
}

impl<'s> Emitter<'s> {
    fn new(sink: &'s dyn Sink) -> Emitter<'s> {
        Emitter {
            sink,
            problems: Mutex::default(),
            stored: Mutex::default(),
            failure: Mutex::default(),
        }
    }

    /// Puts the file made, if any (a kept page is already in place), or records the problem.
    fn emit(&self, file: Result<impl Into<Option<OutputFile>>, Diagnostic>) {
        match file.map(Into::into) {
            Ok(Some(file)) => self.put(file),
            Ok(None) => {}
            Err(problem) => self.problem(problem),
        }
    }

    fn problem(&self, problem: Diagnostic) {
        lock(&self.problems).push(problem);
    }

    /// Whether the sink kept the file an earlier build made from `key`. After a failure every
    /// file counts as kept: the build is over and making it would be wasted.
    fn keep(&self, path: &str, key: &FileKey) -> bool {
        if lock(&self.failure).is_some() {
            return true;
        }
        match self.sink.keep(path, key) {
            Ok(Some(kept)) => {
                if let Some(stored) = offline::stored_bytes(path, &kept.digest, kept.len) {
                    lock(&self.stored).push(stored);
                }
                true
            }
            Ok(None) => false,
            Err(err) => {
                lock(&self.failure).get_or_insert(err);
                true
            }
        }
    }

    fn put(&self, file: OutputFile) {
        if lock(&self.failure).is_some() {
            return;
        }
        if let Some(stored) = offline::stored(&file) {
            lock(&self.stored).push(stored);
        }
        if let Err(err) = self.sink.put(file) {
            lock(&self.failure).get_or_insert(err);
        }
    }

    /// Moves the problems found so far into `diagnostics`; an error from the sink ends the
    /// build. `Ok(false)` when a problem is an error.
    fn settle(&self, diagnostics: &mut Vec<Diagnostic>) -> anyhow::Result<bool> {
        if let Some(err) = lock(&self.failure).take() {
            return Err(err);
        }
        let problems = std::mem::take(&mut *lock(&self.problems));
        let failed = problems.iter().any(Diagnostic::is_error);
        diagnostics.extend(problems);
        Ok(!failed)
    }
}

struct Renderer<'a> {
    site: &'a Site,
    strings: Strings,
    tera: Tera,
    /// The Content-Security-Policy of every page: only the site's own files, nothing inline.
    csp: String,
    /// The theme's `static/landing.js`, inlined in landing pages so a scan costs one request.
    landing_script: String,
    /// Its hash, for the landing pages' CSP.
    landing_script_hash: String,
    /// What every page's key starts from: see [`FileKey`].
    fingerprint: blake3::Hash,
    out: Emitter<'a>,
}

/// A file made from the whole site: the sitemap, the open data.
type Listing = fn(&Site) -> Vec<u8>;

/// Renders every file of the site into `sink`. `Ok(false)` when the project's problems, now
/// in `diagnostics`, stopped it (a template or the theme's strings failed); an error when the
/// sink failed.
pub fn site<'a>(
    site: &'a Site,
    sink: &'a dyn Sink,
    diagnostics: &mut Vec<Diagnostic>,
    options: &crate::Options,
) -> anyhow::Result<bool> {
    let progress = options.progress;
    let strings = match Strings::new(&site.theme, &site.config) {
        Ok(strings) => strings,
        Err(problems) => {
            diagnostics.extend(problems);
            return Ok(false);
        }
    };
    let tera = match templates::engine(&site.theme.templates) {
        Ok(tera) => tera,
        Err(problems) => {
            diagnostics.extend(problems);
            return Ok(false);
        }
    };
    let landing_script = String::from_utf8_lossy(
        site.theme
            .static_files
            .get("landing.js")
            .map_or(&[][..], Vec::as_slice),
    )
    .into_owned();
    let renderer = Renderer {
        csp: content_security_policy(&site.config),
        landing_script_hash: script_hash(&landing_script),
        fingerprint: fingerprint(site, &strings),
        landing_script,
        site,
        strings,
        tera,
        out: Emitter::new(sink),
    };
    let config = &site.config;
    let out = &renderer.out;

    let relic_pages: Vec<(usize, &str)> = site
        .relics
        .iter()
        .enumerate()
        .flat_map(|(i, r)| r.texts.iter().map(move |t| (i, t.lang.as_str())))
        .collect();
    progress.stage("pages", relic_pages.len());
    relic_pages
        .par_iter()
        .map(|&(i, lang)| {
            let page = renderer.relic(i, lang);
            progress.step();
            page
        })
        .chain(config.languages.par_iter().map(|lang| renderer.home(lang)))
        .chain(
            landing_paths(site, sink.case_blind())
                .into_par_iter()
                .map(|(relic, path)| renderer.landing(relic, &path)),
        )
        .chain(
            config
                .languages
                .par_iter()
                .map(|lang| renderer.map_page(lang)),
        )
        .chain(rayon::iter::once(renderer.codes_page()))
        .chain(rayon::iter::once(renderer.kiosk()))
        .chain(rayon::iter::once(renderer.not_found()))
        .for_each(|page| out.emit(page));
    if !out.settle(diagnostics)? {
        return Ok(false);
    }

    let Some((posters, print_files)) =
        crate::posters::render(site, &renderer.strings, diagnostics, progress)
    else {
        return Ok(false);
    };
    if !print_files.is_empty() {
        out.emit(renderer.poster_list(&print_files));
    }
    for file in posters {
        out.put(file);
    }
    // Each lists every relic, so at a province's scale each takes a while: made side by side,
    // and only when what they list changed.
    let listings: [(&str, Listing); 5] = [
        ("sitemap.xml", sitemap::sitemap),
        ("robots.txt", sitemap::robots),
        ("data/relics.json", data::json),
        ("data/relics.geojson", data::geojson),
        ("data/relics.csv", data::csv),
    ];
    let listed = data::fingerprint(site);
    listings.par_iter().for_each(|(path, make)| {
        let key = blake3::Hasher::new()
            .update(listed.as_bytes())
            .update(path.as_bytes())
            .finalize();
        if !out.keep(path, &key) {
            out.put(OutputFile {
                path: (*path).to_owned(),
                content: Content::Rendered {
                    bytes: make(site),
                    key,
                },
            });
        }
    });
    for (name, bytes) in &site.theme.static_files {
        out.put(OutputFile::bytes(format!("assets/{name}"), bytes.clone()));
    }
    if options.photos {
        relic_files(site, out);
    }
    out.put(renderer.manifest());
    out.put(htaccess::htaccess(site));
    match renderer.icons() {
        Ok(icons) => icons.into_iter().for_each(|icon| out.put(icon)),
        Err(problem) => out.problem(problem),
    }
    if !out.settle(diagnostics)? {
        return Ok(false);
    }
    // Last: the service worker lists the files above.
    let stored = std::mem::take(&mut *lock(&out.stored));
    out.emit(renderer.service_worker(stored));
    out.settle(diagnostics)
}

impl Renderer<'_> {
    fn page<'a>(
        &'a self,
        lang: &'a str,
        path_in: &dyn Fn(&str) -> String,
        languages: &[&str],
    ) -> Page<'a> {
        let mut page = Page::new(self.site, &self.strings, lang, path_in, languages);
        page.csp = &self.csp;
        page
    }

    fn all_languages(&self) -> Vec<&str> {
        self.site
            .config
            .languages
            .iter()
            .map(String::as_str)
            .collect()
    }

    /// Renders `template` to the file at `path`, unless the sink kept the page an earlier
    /// build rendered from the same key. The template sees the fields of `page` and of
    /// `data`, the theme's strings in the page's language as `t`, and the `inline` values.
    fn render(
        &self,
        template: &str,
        path: String,
        page: &Page<'_>,
        data: &impl Serialize,
        inline: &[(&str, &str)],
    ) -> Result<Option<OutputFile>, Diagnostic> {
        let key = self.key(template, &path, page, &(data, inline))?;
        if self.out.keep(&path, &key) {
            return Ok(None);
        }
        self.make(template, path, page, data, inline, key)
    }

    /// Renders `template` to the file at `path`, whose key is `key`.
    fn make(
        &self,
        template: &str,
        path: String,
        page: &Page<'_>,
        data: &impl Serialize,
        inline: &[(&str, &str)],
        key: FileKey,
    ) -> Result<Option<OutputFile>, Diagnostic> {
        let mut context = Context::from_serialize(page).map_err(template_data)?;
        context.extend(Context::from_serialize(data).map_err(template_data)?);
        context.insert("t", self.strings.get(page.lang).table());
        for (name, value) in inline {
            context.insert(*name, value);
        }
        let html = templates::render(&self.tera, &self.site.theme.templates, template, &context)?;
        Ok(Some(OutputFile {
            path,
            content: Content::Rendered {
                bytes: html.into_bytes(),
                key,
            },
        }))
    }

    /// The page's [`FileKey`]. The data is serialized straight into the hash, as JSON, the
    /// form the template receives it in; the theme's strings are in the fingerprint.
    fn key(
        &self,
        template: &str,
        path: &str,
        page: &Page<'_>,
        data: &impl Serialize,
    ) -> Result<FileKey, Diagnostic> {
        let mut hasher = blake3::Hasher::new();
        hasher.update(self.fingerprint.as_bytes());
        for part in [template, path] {
            hasher.update(&(part.len() as u64).to_le_bytes());
            hasher.update(part.as_bytes());
        }
        // serde_json writes in small pieces; a buffer feeds the hash whole blocks.
        let mut writer = std::io::BufWriter::with_capacity(16 * 1024, &mut hasher);
        serde_json::to_writer(&mut writer, page)
            .and_then(|()| serde_json::to_writer(&mut writer, data))
            .map_err(template_data)?;
        writer
            .into_inner()
            .map_err(|e| template_data(e.into_error()))?;
        Ok(hasher.finalize())
    }

    fn home(&self, lang: &str) -> Result<Option<OutputFile>, Diagnostic> {
        let config = &self.site.config;
        let path = urls::language_root(config, lang);
        let mut page = self.page(
            lang,
            &|l| urls::language_root(config, l),
            &self.all_languages(),
        );
        page.title = config.title[lang].clone();
        page.description = self.strings.get(lang).text(Key::HomeDescription).to_owned();
        #[derive(Serialize)]
        struct Home<'a> {
            relics: Vec<Card<'a>>,
            filters: visitor::Filters<'a>,
            map: map::MapView,
            map_href: String,
        }
        let data = Home {
            relics: self
                .site
                .relics
                .iter()
                .map(|r| view::card(config, &self.strings, r, lang, &path))
                .collect(),
            filters: self.filters(lang),
            map: self.map_view(lang, &path),
            map_href: urls::relative(&path, &urls::map_page(config, lang)),
        };
        self.render("index.html", index_file(&path), &page, &data, &[])
    }

    fn relic<'a>(&'a self, index: usize, lang: &'a str) -> Result<Option<OutputFile>, Diagnostic> {
        let site = self.site;
        let config = &site.config;
        let relic = &site.relics[index];
        let text = relic.text_or_default(lang);
        // Test builds only: lets the tests prove that a worker's panic leaves the published
        // site as it was, and the preview running. `1` panics on every relic, other text on
        // those whose name holds it.
        #[cfg(feature = "test-support")]
        if let Some(trigger) = std::env::var_os("DITICH_TEST_PANIC_IN_RENDER")
            && (trigger == "1" || text.name.contains(&*trigger.to_string_lossy()))
        {
            panic!("injected by DITICH_TEST_PANIC_IN_RENDER");
        }
        let path = urls::relic_page(config, lang, &relic.slug);
        let languages: Vec<&str> = relic.texts.iter().map(|t| t.lang.as_str()).collect();
        let mut page = self.page(
            lang,
            &|l| urls::relic_page(config, l, &relic.slug),
            &languages,
        );
        page.title = format!("{} – {}", text.name, config.title[lang]);
        page.description = text.summary.clone();

        let neighbour = |other: Option<&'a Relic>| {
            other.map(|o| Neighbour {
                href: urls::relative(&path, &o.page_for(config, lang)),
                name: o.text_or_default(lang).name.as_str(),
            })
        };
        // A translation may leave a text out; the default language's stands in.
        let in_page_language = |field: fn(&'a crate::model::Text) -> Option<&'a str>| {
            field(text).or_else(|| field(&relic.texts[0]))
        };
        let location = relic.location.map(|p| view::LocationView {
            lat: p.lat,
            lon: p.lon,
            geo: view::geo_uri(p),
            openstreetmap: format!(
                "https://www.openstreetmap.org/?mlat={0}&mlon={1}#map=17/{0}/{1}",
                p.lat, p.lon
            ),
        });
        let view = RelicView {
            card: view::card(config, &self.strings, relic, lang, &path),
            types: relic
                .types
                .iter()
                .map(|t| {
                    self.strings
                        .get(lang)
                        .label(crate::model::RelicType::GROUP, t.key())
                })
                .collect(),
            // Read once the page is known to be needed: see below.
            body: "",
            machine_translated: text.machine_translated,
            untranslated_notes: config
                .languages
                .iter()
                .filter(|l| relic.text(l).is_none())
                .map(|l| view::Note {
                    lang: l,
                    text: self.strings.get(l).text(Key::NotTranslated),
                })
                .collect(),
            location,
            recognition: relic.recognition.as_ref().map(|r| view::RecognitionView {
                decision: &r.decision,
                date: view::date(&self.strings, lang, r.date),
                authority: &r.authority,
            }),
            audio: relic.audio.as_ref().map(|a| view::AudioView {
                href: urls::relative(&path, &urls::relic_asset(&relic.slug, a)),
                mime: view::mime(a),
            }),
            updated: relic.updated.map(|d| view::date(&self.strings, lang, d)),
            photo: relic.cover.as_ref().and_then(|c| {
                let alt = in_page_language(|t| t.cover_alt.as_deref()).unwrap_or(&text.name);
                view::image(relic, c, &path, alt)
            }),
            gallery: relic
                .gallery
                .iter()
                .filter_map(|g| {
                    let image =
                        view::image(relic, &g.file, &path, g.alt.as_deref().unwrap_or_default())?;
                    Some(view::GalleryView {
                        image,
                        caption: g.caption.as_deref(),
                    })
                })
                .collect(),
            transcript: in_page_language(|t| t.transcript.as_deref()),
            opening_hours: in_page_language(|t| t.opening_hours.as_deref()),
            etiquette: in_page_language(|t| t.etiquette.as_deref()),
            qr_url: config.absolute(&urls::landing(&relic.id)),
            typed_url: urls::typed_address(config, &relic.id),
            previous: neighbour(index.checked_sub(1).and_then(|i| site.relics.get(i))),
            next: neighbour(site.relics.get(index + 1)),
            json_ld: jsonld::relic(config, relic, text),
        };
        #[derive(Serialize)]
        struct Data<'a> {
            relic: RelicView<'a>,
        }
        let mut data = Data { relic: view };
        // The story's hash stands for it in the key.
        let path = index_file(&path);
        let key = self.key("relic.html", &path, &page, &(&data, text.body.digest()))?;
        if self.out.keep(&path, &key) {
            return Ok(None);
        }
        data.relic.body = text.body.html().map_err(|_| {
            Diagnostic::error("the build cache holds a damaged story")
                .help("delete the folder .ditich-cache and build again")
        })?;
        self.make("relic.html", path, &page, &data, &[], key)
    }

    /// The page a plaque's QR code opens: it forwards to the relic's page in the visitor's
    /// language, with a plain redirect to the default language when scripts do not run.
    fn landing(&self, relic: &Relic, path: &str) -> Result<Option<OutputFile>, Diagnostic> {
        let config = &self.site.config;
        let lang = config.default_language();
        let mut page = self.page(lang, &|_| path.to_owned(), &[]);
        let text = &relic.texts[0];
        page.title = format!("{} – {}", text.name, config.title[lang]);
        page.canonical = config.absolute(&urls::relic_page(config, lang, &relic.slug));
        let targets: serde_json::Map<String, serde_json::Value> = relic
            .texts
            .iter()
            .map(|t| {
                (
                    t.lang.clone(),
                    urls::relative(path, &urls::relic_page(config, &t.lang, &relic.slug)).into(),
                )
            })
            .collect();
        #[derive(Serialize)]
        struct Landing<'a> {
            id: &'a str,
            name: &'a str,
            target: String,
            targets_json: String,
        }
        let data = Landing {
            id: &relic.id,
            name: &text.name,
            target: urls::relative(path, &urls::relic_page(config, lang, &relic.slug)),
            targets_json: serde_json::Value::Object(targets)
                .to_string()
                .replace("</", "<\\/"),
        };
        let inline = [
            ("landing_script", self.landing_script.as_str()),
            ("landing_script_hash", self.landing_script_hash.as_str()),
        ];
        self.render("landing.html", index_file(path), &page, &data, &inline)
    }

    /// A page that exists in the default language only, titled by the theme string `title_key`.
    fn single_page<'a>(&'a self, path: &str, title_key: Key) -> Page<'a> {
        let config = &self.site.config;
        let lang = config.default_language();
        let mut page = self.page(lang, &|_| path.to_owned(), &[]);
        page.title = format!(
            "{} – {}",
            self.strings.get(lang).text(title_key),
            config.title[lang]
        );
        page
    }

    /// `posters/`: the print files for officers to download and take to the print shop.
    fn poster_list(
        &self,
        print_files: &[crate::posters::PrintFile],
    ) -> Result<Option<OutputFile>, Diagnostic> {
        let config = &self.site.config;
        let path = "posters/";
        let page = self.single_page(path, Key::PostersTitle);
        #[derive(Serialize)]
        struct Posters<'a> {
            print_files: &'a [crate::posters::PrintFile],
            sizes: Vec<&'a str>,
            all_pdf: bool,
            dpi: f32,
        }
        let data = Posters {
            print_files,
            sizes: config.posters.sizes.iter().map(|s| s.name).collect(),
            all_pdf: config
                .posters
                .formats
                .contains(&crate::config::PrintFormat::Pdf),
            dpi: crate::posters::PNG_DPI,
        };
        self.render("posters.html", index_file(path), &page, &data, &[])
    }

    /// `404.html` is served for any missing path, at any depth, so its links are absolute
    /// paths from the site's address instead of relative ones.
    fn not_found(&self) -> Result<Option<OutputFile>, Diagnostic> {
        let config = &self.site.config;
        let lang = config.default_language();
        let mut page = self.page(lang, &|l| urls::language_root(config, l), &[]);
        page.root = config.base_path.clone();
        page.home = config.base_path.clone();
        page.title = format!("404 – {}", config.title[lang]);
        #[derive(Serialize)]
        struct Nothing {}
        self.render("404.html", "404.html".to_owned(), &page, &Nothing {}, &[])
    }
}

/// The relics' own files: each photo as its resized variants, every other file as it is.
fn relic_files(site: &Site, out: &Emitter<'_>) {
    let cache = site.root.join(crate::cache::DIR);
    let assets: Vec<(&Relic, &crate::load::Asset)> = site
        .relics
        .iter()
        .flat_map(|r| r.assets.iter().map(move |a| (r, a)))
        .collect();
    assets
        .par_iter()
        .for_each(|(relic, asset)| match relic.photos.get(&asset.name) {
            Some(photo) => match crate::photos::variants(photo, &asset.path, &cache) {
                Ok(variants) => {
                    for (name, cached) in variants {
                        out.put(OutputFile {
                            path: format!("{}/{name}", relic.slug),
                            content: Content::Cached(cached),
                        });
                    }
                }
                Err(problem) => out.problem(problem),
            },
            None => out.put(OutputFile {
                path: format!("{}/{}", relic.slug, asset.name),
                content: Content::Copy(asset.path.clone()),
            }),
        });
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

/// Every code that a plaque may carry, with the relic it opens: each relic's own id, and each
/// retired id of `plaques.toml`.
fn codes(site: &Site) -> Vec<(&Relic, &str)> {
    let by_id = |id: &str| {
        let at = site
            .relics
            .binary_search_by(|r| r.id.as_str().cmp(id))
            .ok()?;
        Some(&site.relics[at])
    };
    site.relics
        .iter()
        .map(|r| (r, r.id.as_str()))
        .chain(
            site.retired
                .iter()
                .filter_map(|p| Some((by_id(&p.redirect)?, p.id.as_str()))),
        )
        .collect()
}

/// The landing page of every code, in both printed forms. A disk that ignores case holds only
/// one of the two folders, so there only the form inside the QR code is written, and
/// `.htaccess` or the 404 page answers the typed one once the site is uploaded.
fn landing_paths(site: &Site, case_blind: bool) -> Vec<(&Relic, String)> {
    codes(site)
        .into_iter()
        .flat_map(|(relic, id)| {
            let typed = (!case_blind).then(|| (relic, urls::landing_typed(id)));
            [(relic, urls::landing(id))].into_iter().chain(typed)
        })
        .collect()
}

/// The file of the page whose folder is `path`: `den-ca/` → `den-ca/index.html`.
fn index_file(path: &str) -> String {
    format!("{path}index.html")
        .trim_start_matches('/')
        .to_owned()
}

/// What every page's key starts from: the running ditich, the theme's templates and its
/// strings in every language.
fn fingerprint(site: &Site, strings: &Strings) -> blake3::Hash {
    let mut hasher = blake3::Hasher::new();
    let mut part = |bytes: &[u8]| {
        hasher.update(&(bytes.len() as u64).to_le_bytes());
        hasher.update(bytes);
    };
    part(crate::cache::tool().as_bytes());
    for (name, template) in &site.theme.templates {
        part(name.as_bytes());
        part(template.source.as_bytes());
    }
    part(&strings.to_json());
    hasher.finalize()
}

fn template_data(err: impl std::fmt::Display) -> Diagnostic {
    Diagnostic::error(format!(
        "cannot pass the page's data to the template: {err}"
    ))
}
