//! Which file a request may read. The preview server is reachable from a browser, so a
//! crafted address must never reach outside the built site: `..` in any spelling, backslashes,
//! NUL bytes and links out of the folder are refused before the disk is touched.

use std::path::{Path, PathBuf};

use percent_encoding::percent_decode_str;

/// Why a request path was not turned into a file.
#[derive(Debug, PartialEq, Eq)]
pub enum Refused {
    /// Malformed or trying to climb out: answered 400.
    Forbidden,
    /// Outside the site's base path: answered with a redirect to the site.
    OutsideSite,
}

/// The file under `site` for `url` (path and query of the request) when the site is published
/// under `base_path` (`/du-lich/`). A folder means its `index.html`; a missing file is
/// returned too, for the caller to answer 404.
pub fn resolve(site: &Path, base_path: &str, url: &str) -> Result<PathBuf, Refused> {
    let path = url.split(['?', '#']).next().unwrap_or_default();
    if path.contains('\\') {
        return Err(Refused::Forbidden);
    }
    let decoded = percent_decode_str(path)
        .decode_utf8()
        .map_err(|_| Refused::Forbidden)?;
    if decoded.contains(['\\', '\0']) {
        return Err(Refused::Forbidden);
    }
    let segments: Vec<&str> = decoded.split('/').collect();
    if segments.iter().any(|s| *s == ".." || *s == ".") {
        return Err(Refused::Forbidden);
    }
    let inside = decoded
        .strip_prefix(base_path)
        .or_else(|| (decoded.as_ref() == base_path.trim_end_matches('/')).then_some(""))
        .ok_or(Refused::OutsideSite)?;
    let mut file = site.to_path_buf();
    for segment in inside.split('/').filter(|s| !s.is_empty()) {
        // Hidden files (the build marker, editor leftovers) are not part of the site.
        if segment.starts_with('.') {
            return Err(Refused::Forbidden);
        }
        file.push(segment);
    }
    if file.is_dir() {
        file.push("index.html");
    }
    // A symbolic link inside the built site could still point out of it.
    if let (Ok(real), Ok(root)) = (file.canonicalize(), site.canonicalize())
        && !real.starts_with(root)
    {
        return Err(Refused::Forbidden);
    }
    Ok(file)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("den-ca")).unwrap();
        std::fs::write(dir.path().join("den-ca/index.html"), "x").unwrap();
        std::fs::write(dir.path().join("index.html"), "x").unwrap();
        dir
    }

    #[test]
    fn folders_open_their_index() {
        let site = site();
        let file = resolve(site.path(), "/du-lich/", "/du-lich/den-ca/?utm=qr").unwrap();
        assert_eq!(file, site.path().join("den-ca/index.html"));
        let root = resolve(site.path(), "/du-lich/", "/du-lich").unwrap();
        assert_eq!(root, site.path().join("index.html"));
        let encoded = resolve(site.path(), "/", "/%64en-ca/").unwrap();
        assert_eq!(encoded, site.path().join("den-ca/index.html"));
    }

    #[test]
    fn climbing_out_is_refused_in_every_spelling() {
        let site = site();
        for url in [
            "/du-lich/../etc/passwd",
            "/du-lich/%2e%2e/%2e%2e/etc/passwd",
            "/du-lich/%2E%2E%2Fsecret",
            "/du-lich/..%2f..%2fsecret",
            "/du-lich/..\\..\\secret",
            "/du-lich/%5c..%5csecret",
            "/du-lich/den-ca%00.html",
            "/du-lich/./index.html",
            "/du-lich/.ditich-output",
            "/du-lich/%ff",
        ] {
            assert_eq!(
                resolve(site.path(), "/du-lich/", url),
                Err(Refused::Forbidden),
                "{url}"
            );
        }
    }

    #[test]
    fn other_paths_are_outside_the_site() {
        let site = site();
        assert_eq!(
            resolve(site.path(), "/du-lich/", "/"),
            Err(Refused::OutsideSite)
        );
        assert_eq!(
            resolve(site.path(), "/du-lich/", "/du-lichx/"),
            Err(Refused::OutsideSite)
        );
    }

    #[cfg(unix)]
    #[test]
    fn links_out_of_the_site_are_refused() {
        let site = site();
        let outside = tempfile::tempdir().unwrap();
        std::fs::write(outside.path().join("secret.txt"), "secret").unwrap();
        std::os::unix::fs::symlink(outside.path(), site.path().join("out")).unwrap();
        assert_eq!(
            resolve(site.path(), "/", "/out/secret.txt"),
            Err(Refused::Forbidden)
        );
    }
}
