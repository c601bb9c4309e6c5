//! What the counter knows of the site: where its landing pages are and which code opens which
//! relic.

use std::collections::HashMap;
use std::path::Path;

use crate::diagnostic::{Diagnostic, Problems};

/// A relic as the reports name it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Relic {
    /// The plaque code: `DT01`.
    pub id: String,
    /// Its name in the site's first language: `Đền Cả`.
    pub name: String,
}

#[derive(Debug, Clone)]
pub struct Catalogue {
    /// The path the site is served under, starting and ending with `/`: `/du-lich/`.
    pub base_path: String,
    /// The guide's name in the site's first language, for the chart's title.
    pub title: String,
    /// Sorted by id.
    pub relics: Vec<Relic>,
    /// Every code that opens a relic, in capitals, to its index in `relics`: the relics' own
    /// ids and the retired codes of `plaques.toml`, which still open the relic they redirect to.
    codes: HashMap<String, usize>,
}

impl Catalogue {
    /// `relics` may come in any order; `retired` pairs a printed code with the id of the relic
    /// it now opens, and is ignored where that relic is not among `relics`.
    pub fn new(
        base_path: &str,
        title: &str,
        mut relics: Vec<Relic>,
        retired: &[(String, String)],
    ) -> Catalogue {
        relics.sort_by(|a, b| a.id.cmp(&b.id));
        relics.dedup_by(|a, b| a.id == b.id);
        let mut codes: HashMap<String, usize> = relics
            .iter()
            .enumerate()
            .map(|(i, r)| (r.id.to_ascii_uppercase(), i))
            .collect();
        for (code, target) in retired {
            if let Some(&relic) = codes.get(&target.to_ascii_uppercase()) {
                codes.entry(code.to_ascii_uppercase()).or_insert(relic);
            }
        }
        Catalogue {
            base_path: base_path.to_owned(),
            title: title.to_owned(),
            relics,
            codes,
        }
    }

    /// The relic a code opens, by its index in `relics`; `code` is in capitals.
    pub fn relic(&self, code: &str) -> Option<usize> {
        self.codes.get(code).copied()
    }
}

/// The catalogue of the project at `root`.
///
/// A project with errors still gives one, from every relic whose `index.md` reads, with the
/// errors beside it for the caller to mention: scans are worth counting while a relic's text is
/// being fixed. Only a `site.toml` that cannot be read is fatal, since it holds `base_url`.
pub fn load(root: &Path) -> Result<(Catalogue, Vec<Diagnostic>), Problems> {
    let (site, diagnostics) = crate::load_site(root);
    if let Some(site) = site {
        let relics = site
            .relics
            .iter()
            .map(|r| Relic {
                id: r.id.clone(),
                name: r.texts[0].name.clone(),
            })
            .collect();
        let retired: Vec<(String, String)> = site
            .retired
            .iter()
            .map(|r| (r.id.clone(), r.redirect.clone()))
            .collect();
        let config = &site.config;
        let title = config
            .title
            .get(config.default_language())
            .cloned()
            .unwrap_or_default();
        return Ok((
            Catalogue::new(&config.base_path, &title, relics, &retired),
            Vec::new(),
        ));
    }
    let errors: Vec<Diagnostic> = diagnostics
        .into_iter()
        .filter(Diagnostic::is_error)
        .collect();
    let mut ignored = Vec::new();
    let Some(project) = crate::load::project(root, &mut ignored) else {
        return Err(Problems(errors));
    };
    let relics = project
        .parsed()
        .iter()
        .map(|r| Relic {
            id: r.main.front_matter.id.get_ref().trim().to_owned(),
            name: r.main.front_matter.name.get_ref().trim().to_owned(),
        })
        .filter(|r| crate::model::is_plaque_code(&r.id))
        .collect();
    let config = &project.config;
    let title = config
        .title
        .get(config.default_language())
        .cloned()
        .unwrap_or_default();
    Ok((
        Catalogue::new(&config.base_path, &title, relics, &[]),
        errors,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn relic(id: &str, name: &str) -> Relic {
        Relic {
            id: id.to_owned(),
            name: name.to_owned(),
        }
    }

    #[test]
    fn relics_are_sorted_and_retired_codes_open_their_redirect() {
        let catalogue = Catalogue::new(
            "/",
            "T",
            vec![relic("DT02", "B"), relic("DT01", "A")],
            &[
                ("DT09".to_owned(), "DT02".to_owned()),
                ("DT08".to_owned(), "DT77".to_owned()),
            ],
        );
        assert_eq!(catalogue.relics[0].id, "DT01");
        assert_eq!(catalogue.relic("DT01"), Some(0));
        assert_eq!(catalogue.relic("DT09"), Some(1));
        assert_eq!(catalogue.relic("DT08"), None);
    }
}
