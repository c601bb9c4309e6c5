//! What makes the guide an installable, offline web app: the manifest, its icons, and a
//! service worker that stores the guide at the first visit (a commune's whole guide; the
//! start of a province's) and every page as it is viewed.

use resvg::tiny_skia;
use serde_json::json;
use tera::Context;

use super::{OutputFile, Renderer};
use crate::diagnostic::Diagnostic;
use crate::urls;

/// Files larger than this are not stored at the first visit.
const PRECACHE_MAX_BYTES: u64 = 300_000;

/// What the first visit stores at most, in bytes: a commune's whole guide (the sample's is
/// 0.7 MB), but not a province's hundreds of megabytes over a visitor's slow connection.
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
        let tree = usvg::Tree::from_data(svg, &usvg::Options::default()).map_err(|e| {
            Diagnostic::error(format!("the theme's static/icon.svg is not valid SVG: {e}"))
        })?;
        ICON_SIZES
            .iter()
            .map(|&size| {
                let mut pixmap = tiny_skia::Pixmap::new(size, size)
                    .ok_or_else(|| Diagnostic::error("icon size is zero"))?;
                let scale = size as f32 / tree.size().width().max(tree.size().height());
                resvg::render(
                    &tree,
                    tiny_skia::Transform::from_scale(scale, scale),
                    &mut pixmap.as_mut(),
                );
                let png = pixmap
                    .encode_png()
                    .map_err(|e| Diagnostic::error(format!("cannot encode the icon: {e}")))?;
                Ok(OutputFile::bytes(format!("assets/icon-{size}.png"), png))
            })
            .collect()
    }

    /// `sw.js`, listing the pages and assets to store at the first visit. Its version is a
    /// hash of every file it may store, so that a new build replaces the stored copies and
    /// the same build gives the same bytes.
    pub(super) fn service_worker(
        &self,
        mut precache: Vec<Precached>,
    ) -> Result<OutputFile, Diagnostic> {
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
            .filter_map(|folder| offline_url(&format!("{folder}index.html")))
            .collect();
        precache.sort_unstable_by(|a, b| a.url.cmp(&b.url));
        // Pages left out of the first visit are served from the cache once viewed, so they
        // too must change the version when they change.
        let mut hasher = blake3::Hasher::new();
        for file in &precache {
            hasher.update(file.fingerprint.as_bytes());
        }
        let version = hasher.finalize().to_hex();
        let mut precache = within_budget(precache, &home_and_map, PRECACHE_BUDGET);
        precache.sort_unstable_by(|a, b| a.url.cmp(&b.url));
        let urls: Vec<&str> = precache.iter().map(|p| p.url.as_str()).collect();
        let mut context = Context::new();
        context.insert("version", &version[..16]);
        context.insert(
            "precache",
            &serde_json::to_string(&urls).unwrap_or_default(),
        );
        let js =
            super::templates::render(&self.tera, &self.site.theme.templates, "sw.js", &context)?;
        Ok(OutputFile::bytes("sw.js", js.into_bytes()))
    }
}

/// A file the service worker may store at the first visit.
pub(super) struct Precached {
    url: String,
    bytes: u64,
    /// A hash of its path and content.
    fingerprint: blake3::Hash,
}

/// The files worth storing first that fit in `budget`: the theme's files, which every page
/// needs, then the 404 page that stands in for any page missed offline, then `home_and_map`,
/// then the rest.
fn within_budget(
    mut files: Vec<Precached>,
    home_and_map: &[String],
    budget: u64,
) -> Vec<Precached> {
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

/// What the service worker keeps of `file`, if it stores it at the first visit.
pub(super) fn precached(file: &OutputFile) -> Option<Precached> {
    let url = offline_url(&file.path)?;
    let mut hasher = blake3::Hasher::new();
    hasher.update(file.path.as_bytes()).update(&[0]);
    let size = match &file.content {
        super::Content::Bytes(bytes) | super::Content::Rendered { bytes, .. } => {
            return precached_bytes(&file.path, &blake3::hash(bytes), bytes.len() as u64);
        }
        // Photos as the officers saved them can weigh megabytes: those are stored when
        // viewed, not all at the first visit.
        super::Content::Copy(source) | super::Content::Cached(source) => {
            let meta = std::fs::metadata(source).ok()?;
            if meta.len() > PRECACHE_MAX_BYTES {
                return None;
            }
            // A cached file's name is the hash of what made it.
            hasher
                .update(&meta.len().to_le_bytes())
                .update(source.file_name()?.as_encoded_bytes());
            meta.len()
        }
    };
    Some(Precached {
        url,
        bytes: size,
        fingerprint: hasher.finalize(),
    })
}

/// What the service worker keeps of the file at `path`, `len` bytes long, whose bytes hash to
/// `digest`: the same whether the file was made now or kept from a build before, so that the
/// service worker's version changes only when a file it may store does.
pub(super) fn precached_bytes(path: &str, digest: &blake3::Hash, len: u64) -> Option<Precached> {
    let url = offline_url(path)?;
    let mut hasher = blake3::Hasher::new();
    hasher
        .update(path.as_bytes())
        .update(&[0])
        .update(digest.as_bytes());
    Some(Precached {
        url,
        bytes: len,
        fingerprint: hasher.finalize(),
    })
}

/// The URL a visitor uses for a file worth keeping offline: pages as their folder, the theme's
/// assets and covers. Print files, data, audio (stored when played) and landing pages are not.
fn offline_url(path: &str) -> Option<String> {
    let skip = ["posters/", "data/", "Q/", "q/", "kiosk/"];
    if skip.iter().any(|p| path.starts_with(p)) {
        return None;
    }
    if let Some(folder) = path.strip_suffix("index.html") {
        return Some(if folder.is_empty() {
            "./".to_owned()
        } else {
            folder.to_owned()
        });
    }
    let keep = [".css", ".js", ".svg", ".png", ".jpg", ".jpeg", ".webp"];
    (path == "404.html"
        || keep
            .iter()
            .any(|ext| path.to_ascii_lowercase().ends_with(ext)))
    .then(|| path.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(url: &str, bytes: u64) -> Precached {
        Precached {
            url: url.to_owned(),
            bytes,
            fingerprint: blake3::hash(url.as_bytes()),
        }
    }

    fn kept(files: Vec<Precached>, budget: u64) -> Vec<String> {
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
}
