//! The build's one way through, from the model to the write stage: the pages, then the print
//! files, then the listings and open data, then the assets, and last the service worker,
//! which lists all the files before it. Each stage makes its files side by side; between
//! stages, a problem that is an error stops the build before more work is wasted.

mod emitter;

use rayon::prelude::*;

use crate::diagnostic::Diagnostic;
use crate::model::Site;
use crate::output::Sink;
use crate::render::{self, Renderer};
use emitter::Emitter;

/// Makes every file of the site and hands it to `sink`. `Ok(false)` when the project's
/// problems, now in `diagnostics`, stopped it (a template or the theme's strings failed); an
/// error when the sink failed.
pub fn run(
    site: &Site,
    sink: &dyn Sink,
    diagnostics: &mut Vec<Diagnostic>,
    options: &crate::Options,
) -> anyhow::Result<bool> {
    let out = Emitter::new(sink);
    let renderer = match Renderer::new(site, &out) {
        Ok(renderer) => renderer,
        Err(problems) => {
            diagnostics.extend(problems);
            return Ok(false);
        }
    };
    renderer
        .pages(sink.case_blind(), options.progress)
        .for_each(|page| out.emit(page));
    if !out.settle(diagnostics)? || !print_files(&renderer, &out, diagnostics, options) {
        return Ok(false);
    }
    options.progress.stage("listings", 1);
    renderer
        .listings()
        .into_iter()
        .for_each(|listing| out.emit(listing));
    options.progress.stage("files", 1);
    if options.photos {
        render::relic_files(site).for_each(|file| out.emit(file));
    }
    renderer
        .site_files()
        .into_iter()
        .for_each(|file| out.emit(file));
    if !out.settle(diagnostics)? {
        return Ok(false);
    }
    out.emit(renderer.service_worker(out.take_stored()));
    out.settle(diagnostics)
}

/// The posters and sheets, and the page that lists them. `false` when a poster failed.
fn print_files(
    renderer: &Renderer<'_>,
    out: &Emitter<'_>,
    diagnostics: &mut Vec<Diagnostic>,
    options: &crate::Options,
) -> bool {
    let site = renderer.site();
    let Some((files, listed)) =
        crate::posters::render(site, renderer.strings(), diagnostics, options.progress)
    else {
        return false;
    };
    if !listed.is_empty() {
        out.emit(renderer.poster_list(&listed));
    }
    files.into_iter().for_each(|file| out.put(file));
    true
}
