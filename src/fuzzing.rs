//! Entry points shared by the fuzz targets in `fuzz/` and the test that replays their corpus.
//! Each takes arbitrary bytes; none may panic or hang, whatever the bytes.

use std::path::Path;

use crate::config::ContentSettings;
use crate::load::front_matter::{RawRelic, RawTranslation};
use crate::load::{split, text, toml_error};
use crate::markdown::{self, Links, Sanitizer, Source};

/// Decoding, front-matter splitting and parsing, as `load` does for every relic file.
pub fn front_matter(data: &[u8]) {
    let file = Path::new("sites/x/index.md");
    let Ok(source) = text::decode(file, data) else {
        return;
    };
    let Ok(parts) = split::split(file, &source) else {
        return;
    };
    let _ =
        toml_error::parse::<RawRelic>(file, &source, parts.front_matter_offset, parts.front_matter);
    let _ = toml_error::parse::<RawTranslation>(
        file,
        &source,
        parts.front_matter_offset,
        parts.front_matter,
    );
}

/// A story rendered with links checked and raw HTML sanitized, iframes allowed from one host.
/// Returns the HTML for the caller to check with a real HTML parser: text inside an `<iframe>`
/// may look like tags, yet browsers never parse it.
pub fn markdown(data: &[u8]) -> Option<String> {
    let body = std::str::from_utf8(data).ok()?;
    let assets: std::collections::HashSet<&str> =
        ["cong.jpg", "thuyet-minh.mp3"].into_iter().collect();
    let photos = std::collections::BTreeMap::new();
    let asset_href = |name: &str| format!("../x/{name}");
    let relic_href = |slug: &str| (slug == "den-ca").then(|| "../den-ca/".to_owned());
    let links = Links {
        assets: &assets,
        photos: &photos,
        asset_href: &asset_href,
        relic_href: &relic_href,
    };
    let settings = ContentSettings {
        raw_html: true,
        iframe_hosts: vec!["www.youtube-nocookie.com".to_owned()],
    };
    let source = Source {
        file: Path::new("sites/x/index.md"),
        text: body,
        body_offset: 0,
    };
    Some(markdown::render(&source, &links, &Sanitizer::new(&settings)).html)
}

/// The whole loader and validator on one relic file written to a scratch project.
pub fn relic(data: &[u8], project: &Path) {
    let folder = project.join("sites/x");
    if std::fs::create_dir_all(&folder).is_err()
        || std::fs::write(folder.join("index.md"), data).is_err()
    {
        return;
    }
    if !project.join("site.toml").is_file() {
        let site = "base_url = \"https://example.gov.vn/\"\nlanguages = [\"vi\", \"en\"]\n[title]\nvi = \"A\"\nen = \"A\"\n[commune]\nname = \"A\"\ndistrict = \"B\"\nprovince = \"C\"\n";
        let _ = std::fs::write(project.join("site.toml"), site);
    }
    let (_, diagnostics) = crate::load_site(project);
    for d in diagnostics {
        let _ = d.to_string();
    }
}
