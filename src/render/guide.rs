//! The guide's pages: the home page, each relic's page in each of its languages, the page
//! each plaque code opens, the list of print files and the 404 page.

use serde::Serialize;

use super::view::{self, Card, Neighbour, RelicView};
use super::{Renderer, index_file, jsonld, map, visitor};
use crate::diagnostic::Diagnostic;
use crate::model::{Relic, Text};
use crate::output::Made;
use crate::theme::strings::Key;
use crate::urls;

impl Renderer<'_> {
    pub(super) fn home(&self, lang: &str) -> Made {
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

    /// The page of the relic at `index` in `lang`.
    pub(super) fn relic<'a>(&'a self, index: usize, lang: &'a str) -> Made {
        let relic = &self.site.relics[index];
        let shown = Shown {
            index,
            relic,
            text: relic.text_or_default(lang),
            lang,
            path: urls::relic_page(&self.site.config, lang, &relic.slug),
        };
        // Test builds only: lets the tests prove that a worker's panic leaves the published
        // site as it was, and the preview running. `1` panics on every relic, other text on
        // those whose name holds it.
        #[cfg(feature = "test-support")]
        if let Some(trigger) = std::env::var_os("DITICH_TEST_PANIC_IN_RENDER")
            && (trigger == "1" || shown.text.name.contains(&*trigger.to_string_lossy()))
        {
            panic!("injected by DITICH_TEST_PANIC_IN_RENDER");
        }
        let config = &self.site.config;
        let languages: Vec<&str> = relic.texts.iter().map(|t| t.lang.as_str()).collect();
        let mut page = self.page(
            lang,
            &|l| urls::relic_page(config, l, &relic.slug),
            &languages,
        );
        page.title = format!("{} – {}", shown.text.name, config.title[lang]);
        page.description = shown.text.summary.clone();
        #[derive(Serialize)]
        struct Data<'a> {
            relic: RelicView<'a>,
        }
        let mut data = Data {
            relic: self.relic_view(&shown),
        };
        // The story's hash stands for it in the key, and it is read only once the page is
        // known to be needed.
        let path = index_file(&shown.path);
        let key = self.key(
            "relic.html",
            &path,
            &page,
            &(&data, shown.text.body.digest()),
        )?;
        if self.keeper.kept(&path, &key) {
            return Ok(None);
        }
        data.relic.body = shown.text.body.html().map_err(|_| {
            Diagnostic::error(crate::text!("cache-damaged"))
                .help(crate::text!("cache-damaged-help"))
        })?;
        self.make("relic.html", path, &page, &data, &[], key)
    }

    /// All that a relic's page shows but its story.
    fn relic_view<'a>(&'a self, shown: &Shown<'a>) -> RelicView<'a> {
        let Shown {
            relic, text, lang, ..
        } = *shown;
        let config = &self.site.config;
        let strings = self.strings.get(lang);
        let path = shown.path.as_str();
        let (photo, gallery) = self.photos(shown);
        RelicView {
            card: view::card(config, &self.strings, relic, lang, path),
            types: relic
                .types
                .iter()
                .map(|t| strings.label(crate::model::RelicType::GROUP, t.key()))
                .collect(),
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
            location: relic.location.map(view::location),
            recognition: relic.recognition.as_ref().map(|r| view::RecognitionView {
                decision: &r.decision,
                date: view::date(&self.strings, lang, r.date),
                authority: &r.authority,
            }),
            audio: relic.audio.as_ref().map(|a| view::AudioView {
                href: urls::relative(path, &urls::relic_asset(&relic.slug, a)),
                mime: view::mime(a),
            }),
            updated: relic.updated.map(|d| view::date(&self.strings, lang, d)),
            photo,
            gallery,
            transcript: shown.in_page_language(|t| t.transcript.as_deref()),
            opening_hours: shown.in_page_language(|t| t.opening_hours.as_deref()),
            etiquette: shown.in_page_language(|t| t.etiquette.as_deref()),
            qr_url: config.absolute(&urls::landing(&relic.id)),
            typed_url: urls::typed_address(config, &relic.id),
            previous: self.neighbour(shown, shown.index.checked_sub(1)),
            next: self.neighbour(shown, Some(shown.index + 1)),
            json_ld: jsonld::relic(config, relic, text),
        }
    }

    /// The cover, described in the page's language, and the gallery.
    fn photos<'a>(
        &self,
        shown: &Shown<'a>,
    ) -> (Option<view::ImageView>, Vec<view::GalleryView<'a>>) {
        let Shown { relic, text, .. } = *shown;
        let path = shown.path.as_str();
        let cover = relic.cover.as_ref().and_then(|c| {
            let alt = shown
                .in_page_language(|t| t.cover_alt.as_deref())
                .unwrap_or(&text.name);
            view::image(relic, c, path, alt)
        });
        let gallery = relic
            .gallery
            .iter()
            .filter_map(|g| {
                let image =
                    view::image(relic, &g.file, path, g.alt.as_deref().unwrap_or_default())?;
                Some(view::GalleryView {
                    image,
                    caption: g.caption.as_deref(),
                })
            })
            .collect();
        (cover, gallery)
    }

    /// The link to the relic at `index` in the guide's order, if there is one.
    fn neighbour<'a>(&'a self, shown: &Shown<'a>, index: Option<usize>) -> Option<Neighbour<'a>> {
        let other = self.site.relics.get(index?)?;
        Some(Neighbour {
            href: urls::relative(&shown.path, &other.page_for(&self.site.config, shown.lang)),
            name: other.text_or_default(shown.lang).name.as_str(),
        })
    }

    /// The page a plaque's QR code opens: it forwards to the relic's page in the visitor's
    /// language, with a plain redirect to the default language when scripts do not run. It is
    /// made at `path` (`Q/DT01/`), and at `typed` (`q/dt01/`) when the disk has room for both:
    /// the two folders are as deep, so the page is the same at both, rendered once, and the
    /// typed form is a link to it rather than a second file.
    pub(super) fn landing(&self, relic: &Relic, path: &str, typed: Option<String>) -> Vec<Made> {
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
        let file = index_file(path);
        let key = match self.key("landing.html", &file, &page, &(&data, &inline)) {
            Ok(key) => key,
            Err(problem) => return vec![Err(problem)],
        };
        let typed = typed.map(|typed| index_file(&typed));
        let wanted: Vec<&str> = std::iter::once(file.as_str())
            .chain(typed.as_deref())
            .filter(|path| !self.keeper.kept(path, &key))
            .collect();
        let Some((first, rest)) = wanted.split_first() else {
            return Vec::new();
        };
        let made = self.make(
            "landing.html",
            first.to_string(),
            &page,
            &data,
            &inline,
            key,
        );
        let twin = match (&made, rest) {
            (Ok(Some(made)), [typed]) => Some(Ok(Some(made.twin(typed)))),
            _ => None,
        };
        std::iter::once(made).chain(twin).collect()
    }

    /// `posters/`: the print files for officers to download and take to the print shop, with
    /// what to tell the shop and how to try a plaque before ordering them all.
    pub fn poster_list(&self, print_files: &[crate::posters::PrintFile]) -> Made {
        let config = &self.site.config;
        let path = "posters/";
        let page = self.single_page(path, Key::PostersTitle);
        #[derive(Serialize)]
        struct Size {
            name: &'static str,
            width_mm: f32,
            height_mm: f32,
        }
        #[derive(Serialize)]
        struct Posters<'a> {
            print_files: &'a [crate::posters::PrintFile],
            sizes: Vec<Size>,
            all_pdf: bool,
            dpi: f32,
            sheets: Vec<SheetLine>,
            bleed_mm: f32,
            /// How many plaques the test print comes before.
            relics: usize,
            /// What the first relic's code holds, when `qr_base_url` makes it a short address
            /// that must forward to the guide.
            short_qr: Option<String>,
        }
        /// An imposed sheet, as the page describes it.
        #[derive(Serialize)]
        struct SheetLine {
            file: String,
            size: &'static str,
            paper: &'static str,
            per_sheet: usize,
            /// How many sheets the shop prints, the last perhaps part empty.
            sheets: usize,
        }
        let sheets = crate::posters::impose::planned(&config.posters)
            .into_iter()
            .map(|imposition| {
                let size = imposition.size.name;
                let posters = print_files.iter().filter(|f| f.size == size).count();
                let per_sheet = imposition.layout.per_sheet();
                SheetLine {
                    file: imposition.file_name(),
                    size,
                    paper: imposition.paper.name,
                    per_sheet,
                    sheets: posters.div_ceil(per_sheet),
                }
            })
            .collect();
        let data = Posters {
            print_files,
            sizes: config
                .posters
                .sizes
                .iter()
                .map(|s| Size {
                    name: s.name,
                    width_mm: s.width_mm,
                    height_mm: s.height_mm,
                })
                .collect(),
            all_pdf: config
                .posters
                .formats
                .contains(&crate::config::PrintFormat::Pdf),
            dpi: crate::posters::PNG_DPI,
            sheets,
            bleed_mm: config.posters.bleed_mm,
            relics: self.site.relics.len(),
            short_qr: config
                .posters
                .qr_base
                .as_ref()
                .zip(self.site.relics.first())
                .map(|(_, relic)| urls::qr_payload(config, &relic.id)),
        };
        self.render("posters.html", index_file(path), &page, &data, &[])
    }

    /// `404.html` is served for any missing path, at any depth, so its links are absolute
    /// paths from the site's address instead of relative ones.
    pub(super) fn not_found(&self) -> Made {
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

/// A relic's page being made: the relic, its text in the page's language (or the default
/// language's) and the page's folder.
struct Shown<'a> {
    index: usize,
    relic: &'a Relic,
    text: &'a Text,
    lang: &'a str,
    path: String,
}

impl<'a> Shown<'a> {
    /// A field of the text in the page's language; a translation may leave one out, and the
    /// default language's stands in.
    fn in_page_language(&self, field: fn(&'a Text) -> Option<&'a str>) -> Option<&'a str> {
        field(self.text).or_else(|| field(&self.relic.texts[0]))
    }
}
