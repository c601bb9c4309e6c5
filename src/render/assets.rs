//! The relics' own files, beside their pages.

use rayon::prelude::*;

use crate::model::{Relic, Site};
use crate::output::{Content, Made, OutputFile};

/// The relics' own files: each photo as its resized variants, every other file as it is.
pub fn relic_files(site: &Site) -> impl ParallelIterator<Item = Made> + '_ {
    let cache = site.root.join(crate::cache::DIR);
    // Side by side by file, not by relic: one relic may hold most of the photos.
    let assets: Vec<(&Relic, &crate::load::Asset)> = site
        .relics
        .iter()
        .flat_map(|r| r.assets.iter().map(move |a| (r, a)))
        .collect();
    assets
        .into_par_iter()
        .flat_map_iter(move |(relic, asset)| files(relic, asset, &cache))
}

fn files(relic: &Relic, asset: &crate::load::Asset, cache: &std::path::Path) -> Vec<Made> {
    let Some(photo) = relic.photos.get(&asset.name) else {
        return vec![Ok(Some(OutputFile {
            path: format!("{}/{}", relic.slug, asset.name),
            content: Content::Copy(asset.path.clone()),
        }))];
    };
    match crate::photos::variants(photo, &asset.path, cache) {
        Ok(variants) => variants
            .into_iter()
            .map(|(name, cached)| {
                Ok(Some(OutputFile {
                    path: format!("{}/{name}", relic.slug),
                    content: Content::Cached(cached),
                }))
            })
            .collect(),
        Err(problem) => vec![Err(problem)],
    }
}
