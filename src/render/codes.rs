//! The codes a plaque may carry, and where each one's page is.

use crate::model::{Relic, Site};
use crate::urls;

/// Every code that a plaque may carry, with the relic it opens: each relic's own id, and each
/// retired id of `plaques.toml`.
pub(super) fn codes(site: &Site) -> Vec<(&Relic, &str)> {
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

/// The landing page of every code: the form inside the QR code, and the typed form. A disk
/// that ignores case holds only one of the two folders, so there the typed form is `None`, and
/// `.htaccess` or the 404 page answers it once the site is uploaded.
pub(super) fn landing_paths(
    site: &Site,
    case_blind: bool,
) -> Vec<(&Relic, String, Option<String>)> {
    codes(site)
        .into_iter()
        .map(|(relic, id)| {
            let typed = (!case_blind).then(|| urls::landing_typed(id));
            (relic, urls::landing(id), typed)
        })
        .collect()
}
