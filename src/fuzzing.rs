//! Entry points shared by the fuzz targets in `fuzz/` and the test that replays their corpus.
//! Each takes arbitrary bytes; none may panic or hang, whatever the bytes.

use std::path::Path;

use crate::config::ContentSettings;
use crate::load::front_matter::{RawRelic, RawTranslation};
use crate::load::split;
use crate::markdown::{self, Links, Sanitizer, Source};
use crate::read::{text, toml_error};

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
        drafts: &std::collections::HashSet::new(),
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

/// Every line of `data` through the access-log parser and the scan counter, as `ditich stats`
/// reads a log, then through the reports. Checks what the parser promises and that each line
/// lands in exactly one of the summary's buckets.
pub fn access_log(data: &[u8]) {
    use crate::stats::parse::{self, Request};
    use crate::stats::{By, Catalogue, Counter, Relic, VisitorKey, chart, landing, report};

    const BASE: &str = "/du-lich/";
    for line in data.split(|&b| b == b'\n') {
        let Ok(Ok(entry)) = std::str::from_utf8(line).map(parse::line) else {
            continue;
        };
        assert!((100..=599).contains(&entry.status));
        assert!(!entry.host.is_empty() && !entry.host.contains(' '));
        if let Request::Line { method, target } = entry.request {
            assert!(!method.is_empty() && !target.is_empty());
            if let Some(code) = landing::code(target, BASE) {
                assert!(!code.is_empty() && !code.contains('/'));
            }
        }
    }

    let relics = [("DT01", "Đền A"), ("DT02", "Chùa <B> & \"C\"")]
        .map(|(id, name)| Relic {
            id: id.to_owned(),
            name: name.to_owned(),
        })
        .to_vec();
    let retired = [("DT09".to_owned(), "DT01".to_owned())];
    let catalogue = Catalogue::new(BASE, "Thử", relics, &retired);
    let mut counter = Counter::new(catalogue, VisitorKey::fixed([0; 32]));
    counter.read("fuzz.log", data);
    let stats = counter.finish();
    let s = &stats.summary;
    assert_eq!(
        s.lines,
        s.scans + s.bots + s.unknown_codes + s.other + s.malformed
    );
    assert_eq!(s.scans, stats.site.scans);
    assert!(stats.site.visitors <= stats.site.scans);
    let _ = report::table(&stats, By::Day);
    let _ = report::csv(&stats, By::Month);
    let _ = chart::svg(&stats);
}
