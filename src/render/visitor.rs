//! Pages that help a visitor find a relic: the map, the list of plaque codes (where the code
//! box lands without JavaScript) and the kiosk slideshow for the commune's public boards.

use rayon::prelude::*;
use serde::Serialize;

use super::map;
use super::view::{self, Card};
use super::{OutputFile, Renderer, index_file};
use crate::config::ErrorCorrection;
use crate::diagnostic::Diagnostic;
use crate::model::{Category, Rank};
use crate::qr::Matrix;
use crate::theme::strings::Key;
use crate::urls;

/// A vocabulary value offered as a filter on the home page.
#[derive(Serialize)]
pub struct Filter<'a> {
    pub key: &'static str,
    pub label: &'a str,
}

#[derive(Serialize)]
pub struct Filters<'a> {
    pub ranks: Vec<Filter<'a>>,
    pub categories: Vec<Filter<'a>>,
}

/// A relic in the map page's list.
#[derive(Serialize)]
struct MapEntry<'a> {
    #[serde(flatten)]
    card: Card<'a>,
    /// A `geo:` link that opens the phone's map app, when the relic is located.
    geo: Option<String>,
}

#[derive(Serialize)]
struct Code<'a> {
    id: &'a str,
    name: &'a str,
    href: String,
}

#[derive(Serialize)]
struct Slide<'a> {
    #[serde(flatten)]
    card: Card<'a>,
    qr: QrSvg,
    typed_url: String,
}

#[derive(Serialize)]
struct QrSvg {
    path: String,
    modules: usize,
}

impl Renderer<'_> {
    /// The ranks and categories the site's relics have, in vocabulary order.
    pub(super) fn filters(&self, lang: &str) -> Filters<'_> {
        let t = self.strings.get(lang);
        let relics = &self.site.relics;
        // The keys of `all` that some relic has, with their labels from the theme's `group`.
        let present =
            |all: &[&'static str], group: &str, has: &dyn Fn(&str) -> bool| -> Vec<Filter<'_>> {
                all.iter()
                    .filter(|key| has(key))
                    .map(|key| Filter {
                        key,
                        label: t.label(group, key),
                    })
                    .collect()
            };
        Filters {
            ranks: present(&Rank::keys(), Rank::GROUP, &|key| {
                relics.iter().any(|r| r.rank.key() == key)
            }),
            categories: present(&Category::keys(), Category::GROUP, &|key| {
                relics.iter().any(|r| r.category.key() == key)
            }),
        }
    }

    pub(super) fn map_view(&self, lang: &str, from: &str) -> map::MapView {
        let config = &self.site.config;
        map::view(self.site, lang, |relic| {
            urls::relative(from, &relic.page_for(config, lang))
        })
    }

    /// `map/`, `en/map/`: the map with a directions link for every relic.
    pub(super) fn map_page(&self, lang: &str) -> Result<Option<OutputFile>, Diagnostic> {
        let config = &self.site.config;
        let path_in = |l: &str| urls::map_page(config, l);
        let path = path_in(lang);
        let mut page = self.page(lang, &path_in, &self.all_languages());
        page.title = format!(
            "{} – {}",
            self.strings.get(lang).text(Key::MapTitle),
            config.title[lang]
        );
        page.description = self.strings.get(lang).text(Key::MapDescription).to_owned();
        let relics: Vec<MapEntry<'_>> = self
            .site
            .relics
            .iter()
            .map(|relic| MapEntry {
                card: view::card(config, &self.strings, relic, lang, &path),
                geo: relic.location.map(view::geo_uri),
            })
            .collect();
        #[derive(Serialize)]
        struct Map<'a> {
            map: map::MapView,
            relics: Vec<MapEntry<'a>>,
        }
        let data = Map {
            map: self.map_view(lang, &path),
            relics,
        };
        self.render("map.html", index_file(&path), &page, &data, &[])
    }

    /// `Q/`: every plaque code; the code box sends `?code=` here when scripts do not run.
    pub(super) fn codes_page(&self) -> Result<Option<OutputFile>, Diagnostic> {
        let path = "Q/";
        let page = self.single_page(path, Key::CodesTitle);
        let codes: Vec<Code<'_>> = self
            .site
            .relics
            .iter()
            .map(|r| Code {
                id: &r.id,
                name: &r.texts[0].name,
                href: urls::relative(path, &urls::landing(&r.id)),
            })
            .collect();
        let ids: Vec<&str> = codes.iter().map(|c| c.id).collect();
        #[derive(Serialize)]
        struct Codes<'a> {
            codes_json: String,
            codes: Vec<Code<'a>>,
        }
        let data = Codes {
            codes_json: serde_json::to_string(&ids).unwrap_or_default(),
            codes,
        };
        self.render("codes.html", index_file(path), &page, &data, &[])
    }

    /// `kiosk/`: one relic at a time, full screen, with its QR code, moving on by itself. It
    /// shows the relics `[kiosk]` chooses, not all: see [`crate::config::KIOSK_SLIDES`].
    pub(super) fn kiosk(&self) -> Result<Option<OutputFile>, Diagnostic> {
        let config = &self.site.config;
        let lang = config.default_language();
        let path = "kiosk/";
        let page = self.single_page(path, Key::KioskTitle);
        // Choosing each code's mask is the costly part; the codes are made in parallel.
        let slides = self
            .site
            .kiosk
            .par_iter()
            .map(|&i| {
                let relic = &self.site.relics[i];
                let matrix =
                    Matrix::encode(&urls::qr_payload(config, &relic.id), ErrorCorrection::Q)
                        .map_err(|e| {
                            Diagnostic::error(crate::text!(
                                "kiosk-qr-failed",
                                code = &relic.id,
                                reason = e.to_string()
                            ))
                        })?;
                Ok(Slide {
                    card: view::card(config, &self.strings, relic, lang, path),
                    qr: QrSvg {
                        path: matrix.svg_path(),
                        modules: matrix.size_with_quiet_zone(),
                    },
                    typed_url: urls::typed_address(config, &relic.id),
                })
            })
            .collect::<Result<Vec<_>, Diagnostic>>()?;
        #[derive(Serialize)]
        struct Kiosk<'a> {
            slides: Vec<Slide<'a>>,
        }
        self.render(
            "kiosk.html",
            index_file(path),
            &page,
            &Kiosk { slides },
            &[],
        )
    }
}
