//! Posters and plaques: for every relic and print size, a Tera SVG template filled with the
//! relic's text and its QR code, printed to PDF, PNG and SVG.
//!
//! Layout stays in the templates (`themes/default/posters/<size>.svg`); this module supplies
//! the QR path and a `fit_text` function that measures text with the printing font.

pub mod fonts;
pub mod impose;
mod ink;
mod print;

use std::collections::HashMap;
use std::sync::Arc;

use rayon::prelude::*;
use serde::Serialize;
use tera::{Context, Tera, Value};

use crate::cache::{self, Kept};
use crate::config::{PosterSize, PrintFormat};
use crate::diagnostic::Diagnostic;
use crate::model::{Rank, Relic, RelicType, Site};
use crate::output::{Content, OutputFile};
use crate::qr::{self, Matrix};
use crate::theme::strings::{Key, Strings};
use crate::theme::templates;
use crate::urls;
use fonts::Fonts;
pub use print::PNG_DPI;
use print::{BlackCode, Printer, Sheet};

/// A relic's print files of one size, for the officers' list.
#[derive(Debug, Serialize)]
pub struct PrintFile {
    pub id: String,
    pub name: String,
    pub size: &'static str,
    /// File names under `posters/`, one per format.
    pub files: Vec<String>,
    /// QR version and module size, for the print shop's sanity check.
    pub qr_version: i16,
    pub module_mm: f32,
    /// The printed code's width from finder pattern to finder pattern, in millimetres.
    pub code_mm: f32,
    /// About how far away, in metres, a phone reads the code: [`SCAN_DISTANCE_PER_WIDTH`]
    /// times its width.
    pub scan_m: f32,
}

/// The rule of thumb for QR codes on signs: a phone reads one from about ten times its width.
const SCAN_DISTANCE_PER_WIDTH: f32 = 10.0;

/// Modules across a QR code of `version`, from finder pattern to finder pattern: 21 for
/// version 1 and 4 more for each version above it.
fn modules_across(version: i16) -> f32 {
    f32::from(17 + 4 * version)
}

/// What a poster says: all it is made of but the drawing of its QR codes.
struct PosterContent<'a> {
    text: PosterText<'a>,
    /// What the QR code holds, and its error correction.
    qr: String,
    qr_level: crate::config::ErrorCorrection,
    /// The short address printed under the code, for typing.
    typed: String,
    /// What the Wifi code holds, when the relic has one.
    wifi: Option<String>,
}

impl PosterContent<'_> {
    /// The codes the print PDF draws in black ink: the guide's and the Wifi's.
    fn codes(&self) -> Vec<CodeSpec> {
        let guide = CodeSpec {
            data: self.qr.clone(),
            level: self.qr_level,
            quiet_zone: GUIDE_QUIET_ZONE,
        };
        let wifi = self.wifi.iter().map(|payload| CodeSpec {
            data: payload.clone(),
            level: WIFI_LEVEL,
            quiet_zone: "wifi-qr-quiet",
        });
        std::iter::once(guide).chain(wifi).collect()
    }
}

/// The `id` of the guide code's quiet zone, which every template draws.
const GUIDE_QUIET_ZONE: &str = "qr-quiet";

/// The Wifi code's error correction: it hangs beside the guide's, which carries H or Q.
const WIFI_LEVEL: crate::config::ErrorCorrection = crate::config::ErrorCorrection::M;

/// The words of a poster, as its template sees them.
#[derive(Serialize)]
struct PosterText<'a> {
    size: SizeView,
    site: SiteView<'a>,
    relic: RelicView<'a>,
    /// "Quét mã để xem thuyết minh", "Scan for the guide": one line per language.
    scan: Vec<&'a str>,
    wifi_label: &'a str,
}

/// What poster templates see.
#[derive(Serialize)]
struct PosterView<'a> {
    #[serde(flatten)]
    text: &'a PosterText<'a>,
    qr: QrView,
    /// The code that joins the relic's Wifi, when it has one.
    wifi: Option<QrView>,
    /// Millimetres the drawing runs past the trim on every side: 0 for the PNG and SVG, the
    /// print PDF's bleed for it. Backgrounds, bands and photos reach it; text and codes keep
    /// 5 mm inside the trim (`0 0 size.width size.height`).
    bleed: f32,
}

#[derive(Serialize)]
struct SizeView {
    name: &'static str,
    width: f32,
    height: f32,
    /// Black on white alone: the template draws no colour, tint or photo.
    mono: bool,
}

#[derive(Serialize)]
struct SiteView<'a> {
    title: &'a str,
    host: &'a str,
    commune: &'a crate::config::Commune,
}

#[derive(Serialize)]
struct RelicView<'a> {
    id: &'a str,
    name: &'a str,
    /// The names in the site's other languages.
    other_names: Vec<&'a str>,
    /// "Di tích kiến trúc nghệ thuật cấp tỉnh".
    ranking: String,
    summary: &'a str,
    category: &'a str,
}

#[derive(Serialize)]
struct QrView {
    /// The dark modules as SVG path data, in module units.
    path: String,
    /// Modules per side including the quiet zone: scale the path by `width / modules`.
    modules: usize,
    version: i16,
    /// What the code holds.
    data: String,
    /// The short address printed under the code, for typing: `host/q/dt01/`.
    typed: String,
}

/// Renders every poster of `site`. `None` when a template or the fonts failed.
pub fn render(
    site: &Site,
    strings: &Strings,
    diagnostics: &mut Vec<Diagnostic>,
    progress: &dyn crate::progress::Progress,
) -> Option<(Vec<OutputFile>, Vec<PrintFile>)> {
    let posters = &site.config.posters;
    if posters.sizes.is_empty() || posters.formats.is_empty() {
        return Some((Vec::new(), Vec::new()));
    }
    let fonts = Arc::new(
        Fonts::load(&site.theme)
            .map_err(|d| diagnostics.push(d))
            .ok()?,
    );
    let tera = engine(site, fonts.clone())
        .map_err(|p| diagnostics.extend(p))
        .ok()?;
    let inks = ink::Inks::load(&site.theme)
        .map_err(|d| diagnostics.push(d))
        .ok()?;
    let printer = Printer::new(&fonts, inks);
    let cache = PrintCache::new(site);

    let jobs: Vec<(&Relic, &PosterSize)> = site
        .relics
        .iter()
        .flat_map(|r| posters.sizes.iter().map(move |s| (r, s)))
        .collect();
    progress.stage("print files", jobs.len());
    let results: Vec<Result<Printed, Diagnostic>> = jobs
        .par_iter()
        .map(|&(relic, size)| {
            let printed = poster(&PosterJob {
                site,
                strings,
                tera: &tera,
                printer: &printer,
                cache: &cache,
                relic,
                size,
            });
            progress.step();
            printed
        })
        .collect();

    let mut printed = Vec::with_capacity(results.len());
    for result in results {
        match result {
            Ok(p) => printed.push(p),
            Err(d) => diagnostics.push(d),
        }
    }
    if printed.len() < jobs.len() {
        return None;
    }

    let mut files: Vec<OutputFile> = Vec::new();
    let mut list = Vec::with_capacity(printed.len());
    let mut pages = Vec::with_capacity(printed.len());
    for p in printed {
        files.extend(p.files);
        list.push(p.listing);
        pages.push(p.page);
    }
    let mut collections = Vec::new();
    if posters.formats.contains(&PrintFormat::Pdf) {
        collections.extend(posters.sizes.iter().cloned().map(Collection::Book));
    }
    collections.extend(impose::planned(posters).into_iter().map(Collection::Sheet));
    let collected: Vec<Result<OutputFile, Diagnostic>> = collections
        .par_iter()
        .map(|collection| collect(site, &printer, &cache, &pages, collection))
        .collect();
    for file in collected {
        match file {
            Ok(file) => files.push(file),
            Err(d) => diagnostics.push(d),
        }
    }
    Some((files, list))
}

/// Every poster of one size in one PDF, for the print shop to print in one go.
enum Collection {
    /// `all-<size>.pdf`: a poster a page, each page as the poster's own PDF.
    Book(PosterSize),
    /// `sheet-<size>-<paper>.pdf`: as many to a page as the paper holds, for shops that price
    /// by the sheet.
    Sheet(impose::Imposition),
}

impl Collection {
    fn size(&self) -> &PosterSize {
        match self {
            Collection::Book(size) => size,
            Collection::Sheet(imposition) => &imposition.size,
        }
    }

    /// Its file under `posters/`.
    fn file_name(&self) -> String {
        match self {
            Collection::Book(size) => format!("all-{}.pdf", size.name),
            Collection::Sheet(imposition) => imposition.file_name(),
        }
    }
}

/// Prints `collection` from the drawn posters of every size, `drawn`, or finds it in the
/// cache.
fn collect(
    site: &Site,
    printer: &Printer,
    cache: &PrintCache,
    drawn: &[BookPage],
    collection: &Collection,
) -> Result<OutputFile, Diagnostic> {
    let lang = site.config.default_language();
    let size = collection.size();
    let pages: Vec<&BookPage> = drawn
        .iter()
        .filter(|page| page.size.name == size.name)
        .collect();
    let book_title = format!("{} – {}", site.config.title[lang], size.name.to_uppercase());
    let (kind, title, layout) = match collection {
        Collection::Book(_) => ("book", book_title, None),
        Collection::Sheet(imposition) => (
            "sheet",
            format!("{book_title} – {}", imposition.paper.name.to_uppercase()),
            Some(format!("{:?} {:?}", imposition.paper, imposition.layout)),
        ),
    };
    let mut parts = vec![kind.as_bytes(), title.as_bytes(), lang.as_bytes()];
    parts.extend(layout.as_deref().map(str::as_bytes));
    parts.extend(pages.iter().map(|page| page.key.as_bytes()));
    // Read from the cache one at a time, so that a province's thousands of posters are never
    // all in memory; only a changed file is drawn at all.
    let parsed = pages.iter().map(|page| {
        let svg = std::fs::read_to_string(&page.svg)
            .map_err(|e| format!("cannot read {}: {e}", page.svg.display()))?;
        printer
            .parse(&svg)
            .map_err(|e| e.to_string())
            .and_then(|tree| {
                Ok(Sheet {
                    tree,
                    size: page.size.clone(),
                    title: page.title.clone(),
                    bleed_mm: site.config.posters.bleed_mm,
                    mono: page.size.mono,
                    codes: page
                        .codes
                        .iter()
                        .map(CodeSpec::encode)
                        .collect::<Result<_, _>>()?,
                })
            })
    });
    let file = collection.file_name();
    cache
        .file(&cache.key(&parts), "pdf", || match collection {
            Collection::Book(_) => print::pdf(printer, parsed, &title, lang),
            Collection::Sheet(imposition) => {
                print::imposed_pdf(printer, parsed, &imposition.layout, &title, lang)
            }
        })
        .map(|cached| OutputFile {
            path: format!("posters/{file}"),
            content: Content::Cached(cached),
        })
        .map_err(|err| {
            Diagnostic::error(crate::text!(
                "poster-all-failed",
                file = &file,
                reason = err.to_string()
            ))
        })
}

struct Printed {
    files: Vec<OutputFile>,
    listing: PrintFile,
    page: BookPage,
}

/// A poster as the book of all posters of its size needs it.
struct BookPage {
    /// Its SVG with the bleed, in the cache.
    svg: std::path::PathBuf,
    size: PosterSize,
    title: String,
    /// What made the poster, for the key of the book.
    key: String,
    /// The codes its print SVG leaves for the PDF to draw in black ink.
    codes: Vec<CodeSpec>,
}

/// A code the print PDF draws itself: what it holds, at which level, and the `id` of its
/// quiet zone in the template.
#[derive(Clone)]
struct CodeSpec {
    data: String,
    level: crate::config::ErrorCorrection,
    quiet_zone: &'static str,
}

impl CodeSpec {
    fn encode(&self) -> Result<BlackCode, String> {
        Ok(BlackCode {
            matrix: Matrix::encode(&self.data, self.level).map_err(|e| e.to_string())?,
            quiet_zone: self.quiet_zone,
            required: self.quiet_zone == GUIDE_QUIET_ZONE,
        })
    }
}

/// Print files already made, in `.ditich-cache/posters/`, named by a hash of what a poster is
/// made of (its text, its QR payload, the templates, the fonts and the encoders' settings):
/// an unchanged poster is neither drawn nor encoded again.
struct PrintCache {
    dir: std::path::PathBuf,
    /// The fonts, the poster templates and the encoders' settings, part of every key.
    salt: cache::Key,
}

/// Changes whenever the PDF or PNG encoding does, so files made the old way are not reused.
const PRINT_SETTINGS: &str = "krilla-0.8 resvg-0.47 png-fast-300dpi v5 bleed-marks-cmyk-inks";

impl PrintCache {
    fn new(site: &Site) -> PrintCache {
        let mut salt = cache::Key::new(Kept::PrintFile);
        salt.part(PRINT_SETTINGS);
        for (name, bytes) in &site.theme.fonts {
            salt.part(name).part(bytes);
        }
        for (name, template) in &site.theme.posters {
            salt.part(name).part(&template.source);
        }
        PrintCache {
            dir: site.root.join(crate::cache::DIR).join("posters"),
            salt,
        }
    }

    /// The key of a file made of `parts`.
    fn key(&self, parts: &[&[u8]]) -> String {
        let mut key = self.salt.clone();
        for part in parts {
            key.part(part);
        }
        key.name()
    }

    /// The cached file `<key>.<format>`, made by `make` when it is not there yet.
    fn file(
        &self,
        key: &str,
        format: &str,
        make: impl FnOnce() -> Result<Vec<u8>, String>,
    ) -> Result<std::path::PathBuf, String> {
        crate::cache::get_or_make(&self.dir, &format!("{key}.{format}"), make)
    }
}

/// One poster to make: a relic at one print size, with what every poster is made with.
struct PosterJob<'a> {
    site: &'a Site,
    strings: &'a Strings,
    tera: &'a Tera,
    printer: &'a Printer,
    cache: &'a PrintCache,
    relic: &'a Relic,
    size: &'a PosterSize,
}

/// Makes one poster's print files, or finds them in the cache.
fn poster(job: &PosterJob<'_>) -> Result<Printed, Diagnostic> {
    let content = job.content();
    let title = format!(
        "{} ({}) – {}",
        job.relic.texts[0].name, job.relic.id, job.size.name
    );
    let key = job.key(&content, &title)?;
    let drawing = std::cell::OnceCell::new();
    let draw = || {
        drawing
            .get_or_init(|| job.draw(&content, &title))
            .as_ref()
            .map_err(|d: &Diagnostic| d.message.clone())
    };
    let encoded = job.encode(&key, draw);
    // A template's own error says more than the encoder's word for it.
    if let Some(Err(problem)) = drawing.get() {
        return Err(problem.clone());
    }
    let Encoded {
        print_svg,
        facts,
        files,
    } = encoded.map_err(|e| job.failed(e))?;
    let listing = job.listing(&facts, &files)?;
    Ok(Printed {
        files,
        listing,
        page: BookPage {
            svg: print_svg,
            size: job.size.clone(),
            title,
            key,
            codes: content.codes(),
        },
    })
}

/// A poster's print files, in the cache.
struct Encoded {
    /// The SVG with the bleed, which the print PDF is drawn from.
    print_svg: std::path::PathBuf,
    /// What the list of print files says of its QR code.
    facts: std::path::PathBuf,
    files: Vec<OutputFile>,
}

/// A poster as drawn: its SVG at the finished size for screens and, with the bleed, for the
/// print PDF, each parsed; and what the list of print files says of its QR code.
struct Drawing {
    svg: String,
    sheet: Sheet,
    print_svg: String,
    print: Sheet,
    qr_version: i16,
    module_mm: f32,
}

impl<'a> PosterJob<'a> {
    /// A problem with this poster, named by its relic and size.
    fn failed(&self, err: String) -> Diagnostic {
        Diagnostic::error(crate::text!(
            "poster-failed",
            code = &self.relic.id,
            size = self.size.name,
            reason = err
        ))
    }

    /// The poster's words in the site's default language, and what its codes hold.
    fn content(&self) -> PosterContent<'a> {
        let (config, relic, size, strings) =
            (&self.site.config, self.relic, self.size, self.strings);
        let lang = config.default_language();
        let t = strings.get(lang);
        let text = &relic.texts[0];
        let text_view = PosterText {
            size: SizeView {
                name: size.name,
                width: size.width_mm,
                height: size.height_mm,
                mono: size.mono,
            },
            site: SiteView {
                title: &config.title[lang],
                host: &config.host,
                commune: &config.commune,
            },
            relic: RelicView {
                id: &relic.id,
                name: &text.name,
                other_names: relic.texts[1..].iter().map(|t| t.name.as_str()).collect(),
                ranking: ranking(strings, lang, relic.rank, &relic.types),
                summary: &text.summary,
                category: t.label(crate::model::Category::GROUP, relic.category.key()),
            },
            scan: config
                .languages
                .iter()
                .map(|l| strings.get(l).text(Key::PosterScan))
                .collect(),
            wifi_label: t.text(Key::PosterWifi),
        };
        PosterContent {
            text: text_view,
            qr: urls::qr_payload(config, &relic.id),
            qr_level: size.error_correction,
            typed: urls::typed_address(config, &relic.id),
            wifi: relic.wifi.as_ref().map(qr::wifi_payload),
        }
    }

    /// The key of the poster's print files: everything the poster is made of, so that an
    /// unchanged one is not even drawn. Drawing sets its text with the font and chooses its
    /// QR code's mask, which cost more than encoding a cached file saves.
    fn key(&self, content: &PosterContent<'_>, title: &str) -> Result<String, Diagnostic> {
        let words = serde_json::to_vec(&content.text).map_err(|e| self.failed(e.to_string()))?;
        let level = format!("{:?}", content.qr_level);
        let bleed = self.site.config.posters.bleed_mm.to_string();
        Ok(self.cache.key(&[
            &words,
            content.qr.as_bytes(),
            level.as_bytes(),
            bleed.as_bytes(),
            content.typed.as_bytes(),
            content.wifi.as_deref().unwrap_or("\0no wifi").as_bytes(),
            title.as_bytes(),
            self.site.config.default_language().as_bytes(),
        ]))
    }

    /// Takes each print file from the cache, or encodes it from what `draw` gives; only a
    /// file the cache lacks needs the poster drawn.
    fn encode<'d>(
        &self,
        key: &str,
        draw: impl Fn() -> Result<&'d Drawing, String>,
    ) -> Result<Encoded, String> {
        let cache = self.cache;
        let svg = cache.file(key, "svg", || Ok(draw()?.svg.clone().into_bytes()))?;
        let print_svg = cache.file(key, "print.svg", || {
            Ok(draw()?.print_svg.clone().into_bytes())
        })?;
        let facts = cache.file(key, "facts", || {
            let drawn = draw()?;
            Ok(format!("{} {}", drawn.qr_version, drawn.module_mm).into_bytes())
        })?;
        let lang = self.site.config.default_language();
        let files = self
            .site
            .config
            .posters
            .formats
            .iter()
            .map(|&format| {
                let extension = format.extension();
                let cached = match format {
                    PrintFormat::Svg => svg.clone(),
                    PrintFormat::Png => {
                        cache.file(key, extension, || print::png(&draw()?.sheet))?
                    }
                    PrintFormat::Pdf => cache.file(key, extension, || {
                        let sheet = &draw()?.print;
                        print::pdf(self.printer, [Ok(sheet)], &sheet.title, lang)
                    })?,
                };
                Ok(OutputFile {
                    path: format!("posters/{}-{}.{extension}", self.relic.id, self.size.name),
                    content: Content::Cached(cached),
                })
            })
            .collect::<Result<Vec<_>, String>>()?;
        Ok(Encoded {
            print_svg,
            facts,
            files,
        })
    }

    /// The poster's line in the list of print files, with its QR code's facts as cached.
    fn listing(
        &self,
        facts: &std::path::Path,
        files: &[OutputFile],
    ) -> Result<PrintFile, Diagnostic> {
        let facts = std::fs::read_to_string(facts)
            .map_err(|e| self.failed(format!("cannot read {}: {e}", facts.display())))?;
        let (qr_version, module_mm) = facts.split_once(' ').unwrap_or_default();
        let qr_version: i16 = qr_version.parse().unwrap_or_default();
        let module_mm: f32 = module_mm.parse().unwrap_or_default();
        let code_mm = module_mm * modules_across(qr_version);
        Ok(PrintFile {
            id: self.relic.id.clone(),
            name: self.relic.texts[0].name.clone(),
            size: self.size.name,
            files: files
                .iter()
                .map(|f| f.path.trim_start_matches("posters/").to_owned())
                .collect(),
            qr_version,
            module_mm,
            code_mm,
            scan_m: code_mm * SCAN_DISTANCE_PER_WIDTH / 1000.0,
        })
    }

    /// Fills the size's template with `content` and its QR codes, and parses the result.
    fn draw(&self, content: &PosterContent<'_>, title: &str) -> Result<Drawing, Diagnostic> {
        let code = Matrix::encode(&content.qr, content.qr_level)
            .map_err(|e| self.failed(format!("the QR code cannot hold {}: {e}", content.qr)))?;
        // Every template gets the Wifi code; the default theme draws it on the plaque only.
        let wifi = content
            .wifi
            .as_ref()
            .map(|payload| {
                let matrix = Matrix::encode(payload, WIFI_LEVEL).map_err(|e| {
                    self.failed(format!(
                        "the Wifi code cannot hold the network's name and password: {e}"
                    ))
                })?;
                Ok(qr_view(&matrix, payload.clone(), String::new()))
            })
            .transpose()?;
        let qr = qr_view(&code, content.qr.clone(), content.typed.clone());
        let mut view = PosterView {
            text: &content.text,
            qr,
            wifi,
            bleed: 0.0,
        };
        let (svg, sheet) = self.sheet(&view, title, Vec::new())?;
        // The print file's codes are drawn by the PDF in black ink alone; its template gets
        // them without modules, as the quiet zones to draw them in.
        view.bleed = self.site.config.posters.bleed_mm;
        view.qr.path.clear();
        if let Some(wifi) = &mut view.wifi {
            wifi.path.clear();
        }
        let codes = content
            .codes()
            .iter()
            .map(CodeSpec::encode)
            .collect::<Result<_, _>>()
            .map_err(|e| self.failed(e))?;
        let (print_svg, print) = self.sheet(&view, title, codes)?;
        Ok(Drawing {
            svg,
            qr_version: code.version,
            module_mm: module_size(&sheet, &code).unwrap_or(0.0),
            sheet,
            print_svg,
            print,
        })
    }

    /// The size's template filled with `view`, and parsed.
    fn sheet(
        &self,
        view: &PosterView<'_>,
        title: &str,
        codes: Vec<BlackCode>,
    ) -> Result<(String, Sheet), Diagnostic> {
        let context = Context::from_serialize(view).map_err(|e| self.failed(e.to_string()))?;
        let template = format!("{}.svg", self.size.template);
        let svg = templates::render(self.tera, &self.site.theme.posters, &template, &context)?;
        let svg = String::from_utf8(svg).map_err(|e| self.failed(e.to_string()))?;
        let tree = self.printer.parse(&svg).map_err(|e| {
            self.failed(format!(
                "the template {template} does not give valid SVG: {e}"
            ))
        })?;
        let sheet = Sheet {
            tree,
            size: self.size.clone(),
            title: title.to_owned(),
            bleed_mm: view.bleed,
            mono: self.size.mono,
            codes,
        };
        Ok((svg, sheet))
    }
}

fn qr_view(matrix: &Matrix, data: String, typed: String) -> QrView {
    QrView {
        path: matrix.svg_path(),
        modules: matrix.size_with_quiet_zone(),
        version: matrix.version,
        data,
        typed,
    }
}

/// The printed size of one module: the width of the template's `id="qr"` path (which spans
/// the code from finder pattern to finder pattern) over the modules it holds.
fn module_size(sheet: &Sheet, code: &Matrix) -> Option<f32> {
    let path = sheet.tree.node_by_id("qr")?;
    let mm_per_unit = sheet.size.width_mm / sheet.tree.size().width();
    Some(path.abs_bounding_box().width() * mm_per_unit / code.width as f32)
}

/// "Di tích kiến trúc nghệ thuật cấp tỉnh": the theme's `poster_rank` pattern filled with the
/// relic's types and rank level.
fn ranking(strings: &Strings, lang: &str, rank: Rank, types: &[RelicType]) -> String {
    let t = strings.get(lang);
    let types: Vec<&str> = types
        .iter()
        .map(|ty| t.label("type_phrase", ty.key()))
        .collect();
    let text = t
        .text(Key::PosterRank)
        .replace("{types}", &types.join(t.text(Key::PosterTypesJoin)))
        .replace("{level}", t.label("rank_level", rank.key()));
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The poster templates, with `fit_text(text, width, size, min_size, lines, bold)` to set text
/// in a box with the printing font's real widths.
fn engine(site: &Site, fonts: Arc<Fonts>) -> Result<Tera, Vec<Diagnostic>> {
    let mut tera = templates::engine(&site.theme.posters)?;
    tera.register_function(
        "fit_text",
        move |args: &HashMap<String, Value>| -> tera::Result<Value> {
            let number = |key: &str| -> tera::Result<f64> {
                args.get(key)
                    .and_then(Value::as_f64)
                    .ok_or_else(|| tera::Error::msg(format!("fit_text needs a number `{key}`")))
            };
            let text = args.get("text").and_then(Value::as_str).unwrap_or_default();
            let size = number("size")?;
            let min_size = args.get("min_size").and_then(Value::as_f64).unwrap_or(size);
            let lines = args.get("lines").and_then(Value::as_u64).unwrap_or(1) as usize;
            let bold = args.get("bold").and_then(Value::as_bool).unwrap_or(false);
            let fitted = fonts.fit(text, number("width")?, size, min_size, lines, bold);
            Ok(serde_json::to_value(fitted)?)
        },
    );
    Ok(tera)
}
