//! The shape of `output/`: where each page and file goes, and the relative links between them.
//! Paths are relative to the site's root; pages are folders (`den-ca/`) holding `index.html`.
//! Every link inside the site is relative, so the folder can be served under any prefix.

use percent_encoding::{AsciiSet, CONTROLS, utf8_percent_encode};

use crate::config::Config;

/// Top-level names a relic's slug may not take, because the site uses them.
pub const RESERVED: &[&str] = &["assets", "data", "kiosk", "map", "posters", "q"];

/// Characters escaped in a path segment of an `href`.
const SEGMENT: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b'<')
    .add(b'>')
    .add(b'?')
    .add(b'`')
    .add(b'{')
    .add(b'}');

/// `""` for the default language, `"en/"` for the others.
pub fn language_root(config: &Config, lang: &str) -> String {
    root_of(config.default_language(), lang)
}

/// [`language_root`] in a site whose default language is `default`: a commune's or a
/// province's guide.
pub fn root_of(default: &str, lang: &str) -> String {
    if lang == default {
        String::new()
    } else {
        format!("{lang}/")
    }
}

/// The map of every relic, with directions: `map/`, `en/map/`.
pub fn map_page(config: &Config, lang: &str) -> String {
    format!("{}map/", language_root(config, lang))
}

pub fn relic_page(config: &Config, lang: &str, slug: &str) -> String {
    format!("{}{slug}/", language_root(config, lang))
}

/// A photo, audio guide or document of a relic: `den-ca/cover.jpg`.
pub fn relic_asset(slug: &str, name: &str) -> String {
    let encoded: Vec<String> = name
        .split('/')
        .map(|segment| utf8_percent_encode(segment, SEGMENT).to_string())
        .collect();
    format!("{slug}/{}", encoded.join("/"))
}

/// The landing page printed in the QR code: `Q/DT01/`.
pub fn landing(id: &str) -> String {
    format!("Q/{}/", id.to_ascii_uppercase())
}

/// The same landing page in the lowercase form printed under the code for typing: `q/dt01/`.
pub fn landing_typed(id: &str) -> String {
    format!("q/{}/", id.to_ascii_lowercase())
}

/// The URL a plaque's code holds: `https://HOST/Q/DT01/`, on `[posters] qr_base_url` when it is
/// set and on `base_url` otherwise. The host and the landing path are in capitals so that the
/// encoder can put them in the QR's compact alphanumeric mode (host names are case-blind, and
/// the landing folder is published in capitals); the scheme stays in lowercase because some
/// scanner apps do not open `HTTPS://` as a link. The base path, if any, is kept as written: the
/// web server may not treat it case-blind.
pub fn qr_payload(config: &Config, id: &str) -> String {
    let (scheme, host, path) = match &config.posters.qr_base {
        Some(short) => (short.scheme.as_str(), &short.host, &short.path),
        None => (
            config
                .base_url
                .split_once("://")
                .map_or("https", |(s, _)| s),
            &config.host,
            &config.base_path,
        ),
    };
    format!(
        "{scheme}://{}{path}{}",
        host.to_ascii_uppercase(),
        landing(id)
    )
}

/// The address printed under the code for people who type it: `longthanh.example.gov.vn/du-lich/q/dt01/`.
pub fn typed_address(config: &Config, id: &str) -> String {
    format!("{}{}{}", config.host, config.base_path, landing_typed(id))
}

/// The link from the page at `from` (a folder path like `en/den-ca/`, or `""` for the root) to
/// the site path `to`.
pub fn relative(from: &str, to: &str) -> String {
    let depth = from.matches('/').count();
    let link = format!("{}{to}", "../".repeat(depth));
    if link.is_empty() {
        "./".to_owned()
    } else {
        link
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_links_climb_to_the_root() {
        assert_eq!(relative("", "den-ca/"), "den-ca/");
        assert_eq!(relative("", ""), "./");
        assert_eq!(relative("den-ca/", ""), "../");
        assert_eq!(
            relative("en/den-ca/", "den-ca/cover.jpg"),
            "../../den-ca/cover.jpg"
        );
    }

    #[test]
    fn asset_names_are_escaped_per_segment() {
        assert_eq!(
            relic_asset("den-ca", "ảnh/cổng chính.jpg"),
            "den-ca/%E1%BA%A3nh/c%E1%BB%95ng%20ch%C3%ADnh.jpg"
        );
    }

    #[test]
    fn landing_pages_have_two_cases() {
        assert_eq!(landing("dt01"), "Q/DT01/");
        assert_eq!(landing_typed("DT01"), "q/dt01/");
    }
}
