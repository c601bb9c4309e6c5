//! What makes the guide an installable, offline web app: the manifest, its icons, and a
//! service worker that stores the guide's pages at the first visit (a commune's whole guide;
//! the start of a province's), and photos and every other page as they are viewed.

use resvg::tiny_skia;
use serde_json::json;
use tera::Context;

use super::{OutputFile, Renderer};
use crate::diagnostic::Diagnostic;
use crate::urls;

/// What the first visit stores at most, in bytes: a commune's whole guide (the sample's pages
/// are 0.1 MB), but not a province's megabytes over a visitor's slow, metered connection.
/// Pages left out are stored when they are viewed.
const PRECACHE_BUDGET: u64 = 2_000_000;

/// Icon sizes Android asks a web app for.
const ICON_SIZES: [u32; 2] = [192, 512];

impl Renderer<'_> {
    pub(super) fn manifest(&self) -> OutputFile {
        let config = &self.site.config;
        let lang = config.default_language();
        let icons: Vec<_> = ICON_SIZES
            .iter()
            .map(|size| json!({ "src": format!("assets/icon-{size}.png"), "sizes": format!("{size}x{size}"), "type": "image/png" }))
            .collect();
        let manifest = json!({
            "name": config.title[lang],
            "short_name": config.commune.name,
            "lang": lang,
            "start_url": "./",
            "scope": "./",
            "display": "standalone",
            "background_color": "#fffdf8",
            "theme_color": "#8a1c12",
            "icons": icons,
        });
        let mut bytes = serde_json::to_vec_pretty(&manifest).unwrap_or_default();
        bytes.push(b'\n');
        OutputFile::bytes("manifest.webmanifest", bytes)
    }

    /// PNG icons drawn from the theme's `static/icon.svg`.
    pub(super) fn icons(&self) -> Result<Vec<OutputFile>, Diagnostic> {
        let Some(svg) = self.site.theme.static_files.get("icon.svg") else {
            return Ok(Vec::new());
        };
        let tree = usvg::Tree::from_data(svg, &usvg::Options::default())
            .map_err(|e| Diagnostic::error(crate::text!("icon-not-svg", reason = e.to_string())))?;
        ICON_SIZES
            .iter()
            .map(|&size| {
                let mut pixmap = tiny_skia::Pixmap::new(size, size)
                    .ok_or_else(|| Diagnostic::error(crate::text!("icon-size-zero")))?;
                let scale = size as f32 / tree.size().width().max(tree.size().height());
                resvg::render(
                    &tree,
                    tiny_skia::Transform::from_scale(scale, scale),
                    &mut pixmap.as_mut(),
                );
                let png = pixmap.encode_png().map_err(|e| {
                    Diagnostic::error(crate::text!("icon-encode", reason = e.to_string()))
                })?;
                Ok(OutputFile::bytes(format!("assets/icon-{size}.png"), png))
            })
            .collect()
    }

    /// `sw.js`, listing the pages and assets to store at the first visit. Its version is a
    /// hash of every file it may store, so that a new build replaces the stored copies and
    /// the same build gives the same bytes.
    pub fn service_worker(&self, mut stored: Vec<Stored>) -> Result<OutputFile, Diagnostic> {
        let config = &self.site.config;
        let home_and_map: Vec<String> = config
            .languages
            .iter()
            .flat_map(|lang| {
                [
                    urls::language_root(config, lang),
                    urls::map_page(config, lang),
                ]
            })
            .filter_map(|folder| Some(offline_url(&format!("{folder}index.html"))?.0))
            .collect();
        stored.sort_unstable_by(|a, b| a.url.cmp(&b.url));
        // Photos, and pages left out of the first visit, are served from the cache once
        // viewed, so they too must change the version when they change.
        let mut hasher = blake3::Hasher::new();
        for file in &stored {
            hasher.update(file.fingerprint.as_bytes());
        }
        let version = hasher.finalize().to_hex();
        stored.retain(|file| file.when == When::FirstVisit);
        let mut precache = within_budget(stored, &home_and_map, PRECACHE_BUDGET);
        precache.sort_unstable_by(|a, b| a.url.cmp(&b.url));
        let urls: Vec<&str> = precache.iter().map(|p| p.url.as_str()).collect();
        let mut context = Context::new();
        context.insert("version", &version[..16]);
        context.insert(
            "precache",
            &serde_json::to_string(&urls).unwrap_or_default(),
        );
        let js = crate::theme::templates::render(
            &self.tera,
            &self.site.theme.templates,
            "sw.js",
            &context,
        )?;
        Ok(OutputFile::bytes("sw.js", js))
    }
}

/// A file the service worker may store.
pub struct Stored {
    url: String,
    bytes: u64,
    /// A hash of its path and content.
    fingerprint: blake3::Hash,
    when: When,
}

/// When the service worker stores a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum When {
    /// At the first visit, whichever page it opens: pages and the theme's assets, so that every
    /// relic's text reads offline.
    FirstVisit,
    /// Photos, at the width the phone picked: storing every width of every photo at the first
    /// visit cost a tourist 0.7 MB of the sample's guide on a metered connection.
    Viewed,
}

/// The files worth storing first that fit in `budget`: the theme's files, which every page
/// needs, then the 404 page that stands in for any page missed offline, then `home_and_map`,
/// then the rest.
fn within_budget(mut files: Vec<Stored>, home_and_map: &[String], budget: u64) -> Vec<Stored> {
    let priority = |url: &str| {
        if url.starts_with("assets/") {
            0
        } else if url == "404.html" {
            1
        } else if home_and_map.iter().any(|u| u == url) {
            2
        } else {
            3
        }
    };
    files.sort_by(|a, b| (priority(&a.url), &a.url).cmp(&(priority(&b.url), &b.url)));
    let mut left = budget;
    files.retain(|file| {
        let fits = file.bytes <= left;
        if fits {
            left -= file.bytes;
        }
        fits
    });
    files
}

/// What the service worker keeps of `file`, a copied file, if it stores it. Photos can weigh
/// megabytes and there can be thousands: their size and name stand for their bytes, and a
/// cached file's name is the hash of what made it.
pub fn stored_copy(file: &OutputFile) -> Option<Stored> {
    let (super::Content::Copy(source) | super::Content::Cached(source)) = &file.content else {
        return None;
    };
    let (url, when) = offline_url(&file.path)?;
    let meta = std::fs::metadata(source).ok()?;
    let fingerprint = blake3::Hasher::new()
        .update(file.path.as_bytes())
        .update(&[0])
        .update(&meta.len().to_le_bytes())
        .update(source.file_name()?.as_encoded_bytes())
        .finalize();
    Some(Stored {
        url,
        bytes: meta.len(),
        fingerprint,
        when,
    })
}

/// What the service worker keeps of the file at `path`, `len` bytes long, whose bytes hash to
/// `digest`: the same whether the file was made now or kept from a build before, so that the
/// service worker's version changes only when a file it may store does.
pub fn stored_bytes(path: &str, digest: &blake3::Hash, len: u64) -> Option<Stored> {
    let (url, when) = offline_url(path)?;
    let mut hasher = blake3::Hasher::new();
    hasher
        .update(path.as_bytes())
        .update(&[0])
        .update(digest.as_bytes());
    Some(Stored {
        url,
        bytes: len,
        fingerprint: hasher.finalize(),
        when,
    })
}

/// The URL a visitor uses for a file worth keeping offline, and when it is stored: pages (as
/// their folder) and the theme's assets at the first visit, photos once viewed. Print files,
/// data, audio (stored when played), landing pages and the app's icons (which the phone
/// fetches itself when the guide is installed) are not.
fn offline_url(path: &str) -> Option<(String, When)> {
    let skip = ["posters/", "data/", "Q/", "q/", "kiosk/"];
    let icon = |path: &str| {
        ICON_SIZES
            .iter()
            .any(|size| path == format!("assets/icon-{size}.png"))
    };
    if skip.iter().any(|p| path.starts_with(p)) || icon(path) {
        return None;
    }
    if let Some(folder) = path.strip_suffix("index.html") {
        let url = if folder.is_empty() { "./" } else { folder };
        return Some((url.to_owned(), When::FirstVisit));
    }
    let keep = [".css", ".js", ".svg", ".png", ".jpg", ".jpeg", ".webp"];
    if path == "404.html" {
        Some((path.to_owned(), When::FirstVisit))
    } else if !keep
        .iter()
        .any(|ext| path.to_ascii_lowercase().ends_with(ext))
    {
        None
    } else if path.starts_with("assets/") {
        Some((path.to_owned(), When::FirstVisit))
    } else {
        Some((path.to_owned(), When::Viewed))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(url: &str, bytes: u64) -> Stored {
        Stored {
            url: url.to_owned(),
            bytes,
            fingerprint: blake3::hash(url.as_bytes()),
            when: When::FirstVisit,
        }
    }

    fn kept(files: Vec<Stored>, budget: u64) -> Vec<String> {
        let home_and_map = ["./".to_owned(), "map/".to_owned(), "en/".to_owned()];
        within_budget(files, &home_and_map, budget)
            .into_iter()
            .map(|f| f.url)
            .collect()
    }

    #[test]
    fn a_commune_is_stored_whole() {
        let files = vec![
            file("den-a/", 30),
            file("./", 50),
            file("assets/site.css", 10),
        ];
        assert_eq!(kept(files, 100), ["assets/site.css", "./", "den-a/"]);
    }

    #[test]
    fn a_province_stores_what_every_page_needs_first() {
        let files = vec![
            file("a/", 20),
            file("b/", 20),
            file("map/", 40),
            file("./", 500),
            file("404.html", 5),
            file("assets/site.css", 10),
            file("en/", 30),
        ];
        // The home page is too big for the budget; smaller pages after it still fit.
        assert_eq!(
            kept(files, 100),
            ["assets/site.css", "404.html", "en/", "map/"]
        );
    }

    #[test]
    fn the_first_visit_stores_pages_and_photos_wait_until_viewed() {
        let when = |path: &str| offline_url(path).map(|(_, when)| when);
        assert_eq!(when("index.html"), Some(When::FirstVisit));
        assert_eq!(when("en/den-a/index.html"), Some(When::FirstVisit));
        assert_eq!(when("404.html"), Some(When::FirstVisit));
        assert_eq!(when("assets/style.css"), Some(When::FirstVisit));
        assert_eq!(when("assets/icon.svg"), Some(When::FirstVisit));
        assert_eq!(when("den-a/cover-400.jpg"), Some(When::Viewed));
        assert_eq!(when("den-a/cong-1400.JPG"), Some(When::Viewed));
        assert_eq!(when("assets/icon-512.png"), None);
        assert_eq!(when("den-a/thuyet-minh.ogg"), None);
        assert_eq!(when("Q/DT01/index.html"), None);
        assert_eq!(offline_url("den-a/index.html").unwrap().0, "den-a/");
        assert_eq!(offline_url("index.html").unwrap().0, "./");
    }
}
