//! `sitemap.xml` with every page in every language, and `robots.txt` pointing to it.

use std::fmt::Write as _;

use crate::model::Site;
use crate::urls;

pub fn sitemap(site: &Site) -> Vec<u8> {
    let config = &site.config;
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    for page in [urls::language_root, urls::map_page] {
        let versions: Vec<(String, String)> = config
            .languages
            .iter()
            .map(|lang| (lang.clone(), page(config, lang)))
            .collect();
        entry(&mut xml, config, &versions, None);
    }
    for relic in &site.relics {
        let pages: Vec<(String, String)> = relic
            .texts
            .iter()
            .map(|t| {
                (
                    t.lang.clone(),
                    urls::relic_page(config, &t.lang, &relic.slug),
                )
            })
            .collect();
        entry(
            &mut xml,
            config,
            &pages,
            relic.updated.map(|d| d.to_string()),
        );
    }
    // The open data's catalogue, for the crawlers of data portals.
    for path in [super::catalogue::TURTLE, super::catalogue::JSON_LD] {
        let _ = writeln!(
            xml,
            "  <url>\n    <loc>{}</loc>\n  </url>",
            escape(&config.absolute(path))
        );
    }
    xml.push_str("</urlset>\n");
    xml.into_bytes()
}

/// One `<url>` per language version, each listing all versions as alternates.
fn entry(
    xml: &mut String,
    config: &crate::config::Config,
    versions: &[(String, String)],
    lastmod: Option<String>,
) {
    for (_, path) in versions {
        let _ = write!(
            xml,
            "  <url>\n    <loc>{}</loc>\n",
            escape(&config.absolute(path))
        );
        if let Some(date) = &lastmod {
            let _ = writeln!(xml, "    <lastmod>{date}</lastmod>");
        }
        if versions.len() > 1 {
            for (lang, other) in versions {
                let _ = writeln!(
                    xml,
                    "    <xhtml:link rel=\"alternate\" hreflang=\"{lang}\" href=\"{}\"/>",
                    escape(&config.absolute(other))
                );
            }
        }
        xml.push_str("  </url>\n");
    }
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

pub fn robots(site: &Site) -> Vec<u8> {
    format!(
        "User-agent: *\nAllow: /\n\nSitemap: {}\n# Open data catalogue (DCAT-AP): {}\n",
        site.config.absolute("sitemap.xml"),
        site.config.absolute(super::catalogue::TURTLE)
    )
    .into_bytes()
}
