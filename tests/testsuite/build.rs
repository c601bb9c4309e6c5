//! A successful build: every page, landing page and data file of the contract, with links
//! that resolve and data that parses.

use std::collections::BTreeMap;
use std::path::Path;

use scraper::{Html, Selector};
use serde_json::Value;

use crate::project::{Project, files};

const SAMPLE_IDS: [&str; 7] = ["DT01", "DT02", "DT03", "DT04", "DT05", "DT06", "DT07"];

#[test]
fn the_sample_builds_every_path_of_the_contract() {
    let project = Project::sample();
    let run = project.build().success();
    assert!(run.stderr.contains("built 7 relics"), "{}", run.stderr);
    assert_eq!(
        run.stdout, "",
        "reports go to stderr so that stdout stays clean for scripts"
    );
    let out = files(&project.output());

    let mut expected = vec![
        "index.html".to_owned(),
        "en/index.html".to_owned(),
        "404.html".to_owned(),
        "sitemap.xml".to_owned(),
        "robots.txt".to_owned(),
        "data/relics.json".to_owned(),
        "data/relics.geojson".to_owned(),
        "data/relics.csv".to_owned(),
        "data/catalog.ttl".to_owned(),
        "data/catalog.jsonld".to_owned(),
        "map/index.html".to_owned(),
        "en/map/index.html".to_owned(),
        "kiosk/index.html".to_owned(),
        "Q/index.html".to_owned(),
        "posters/index.html".to_owned(),
        "manifest.webmanifest".to_owned(),
        "sw.js".to_owned(),
    ];
    let relics = relics_json(&out);
    for relic in &relics {
        let (id, slug) = (
            relic["id"].as_str().unwrap(),
            relic["slug"].as_str().unwrap(),
        );
        expected.push(format!("{slug}/index.html"));
        expected.push(format!("Q/{id}/index.html"));
        expected.push(format!("q/{}/index.html", id.to_lowercase()));
        if relic["translations"].get("en").is_some() {
            expected.push(format!("en/{slug}/index.html"));
        }
    }
    for path in &expected {
        assert!(out.contains_key(path), "output lacks {path}");
    }
    // Three relics are translated: the Doãn hall and two of the placeholders.
    let english_relic_pages = out
        .keys()
        .filter(|p| {
            p.starts_with("en/") && p.matches('/').count() == 2 && !p.starts_with("en/map/")
        })
        .count();
    assert_eq!(english_relic_pages, 3);
}

#[test]
fn every_link_and_asset_in_every_page_resolves() {
    let project = Project::sample();
    project.build().success();
    let out = files(&project.output());
    let mut checked = 0;
    for (path, bytes) in out.iter().filter(|(p, _)| p.ends_with(".html")) {
        let html = Html::parse_document(std::str::from_utf8(bytes).unwrap());
        for link in references(&html) {
            let Some(target) = resolve(path, &link) else {
                continue;
            };
            let (file, fragment) = target.split_once('#').unwrap_or((&target, ""));
            let file = if file.is_empty() || file.ends_with('/') {
                format!("{file}index.html")
            } else {
                file.to_owned()
            };
            let decoded = percent_encoding::percent_decode_str(&file)
                .decode_utf8()
                .unwrap();
            let Some(target_bytes) = out.get(&*decoded) else {
                panic!("{path}: link {link:?} points to {decoded}, which is not in the output");
            };
            if !fragment.is_empty() {
                let id = format!("id=\"{fragment}\"");
                assert!(
                    String::from_utf8_lossy(target_bytes).contains(&id),
                    "{path}: {link:?} has no anchor"
                );
            }
            checked += 1;
        }
    }
    assert!(checked > 100, "only {checked} links were checked");
}

/// The links and asset references of a page, including its meta refresh target.
fn references(html: &Html) -> Vec<String> {
    let selector = Selector::parse("a[href], link[href], img[src], audio[src], source[src], script[src], meta[http-equiv=refresh]").unwrap();
    html.select(&selector)
        .filter_map(|e| {
            let attrs = e.value();
            match attrs.name() {
                "meta" => attrs
                    .attr("content")
                    .and_then(|c| c.split_once("url="))
                    .map(|(_, u)| u.to_owned()),
                "a" | "link"
                    if attrs
                        .attr("rel")
                        .is_some_and(|r| r == "canonical" || r == "alternate") =>
                {
                    None
                }
                _ => attrs.attr("href").or(attrs.attr("src")).map(str::to_owned),
            }
        })
        .collect()
}

/// The output path a link from the page at `page` leads to; `None` for links off the site.
fn resolve(page: &str, link: &str) -> Option<String> {
    if link.contains(':') && !link.starts_with("./") && !link.starts_with("../") {
        return None;
    }
    if let Some(absolute) = link.strip_prefix("/du-lich/") {
        return Some(absolute.to_owned());
    }
    assert!(!link.starts_with('/'), "{page}: link {link:?} is absolute");
    if let Some(fragment) = link.strip_prefix('#') {
        return Some(format!("{page}#{fragment}"));
    }
    let mut parts: Vec<&str> = page.split('/').collect();
    parts.pop();
    for segment in link.split('/') {
        match segment {
            "." => {}
            ".." => {
                assert!(
                    parts.pop().is_some(),
                    "{page}: link {link:?} climbs out of the site"
                );
            }
            other => parts.push(other),
        }
    }
    Some(parts.join("/"))
}

fn relics_json(out: &BTreeMap<String, Vec<u8>>) -> Vec<Value> {
    let json: Value = serde_json::from_slice(&out["data/relics.json"]).unwrap();
    json["relics"].as_array().unwrap().clone()
}

#[test]
fn open_data_holds_every_relic_in_three_formats() {
    let project = Project::sample();
    project.build().success();
    let out = files(&project.output());

    let relics = relics_json(&out);
    let ids: Vec<&str> = relics.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(ids, SAMPLE_IDS);
    let doan = &relics[0];
    assert_eq!(doan["name"], "Nhà thờ họ Doãn");
    assert_eq!(doan["rank"], "provincial");
    assert_eq!(doan["recognition_decision"], "6181/QĐ-UBND");
    assert_eq!(doan["recognition_date"], "2016-12-07");
    assert_eq!(
        doan["qr_url"],
        "https://longthanh.yenthanh.nghean.gov.vn/du-lich/Q/DT01/"
    );
    assert_eq!(relics.iter().filter(|r| r["rank"] == "national").count(), 1);
    assert!(
        relics.iter().all(|r| r.get("wifi").is_none()),
        "Wifi passwords stay out of open data"
    );

    let geojson: Value = serde_json::from_slice(&out["data/relics.geojson"]).unwrap();
    assert_eq!(geojson["type"], "FeatureCollection");
    let features = geojson["features"].as_array().unwrap();
    assert_eq!(features.len(), 7);
    for (feature, relic) in features.iter().zip(&relics) {
        assert_eq!(feature["geometry"]["type"], "Point");
        // RFC 7946 orders coordinates longitude first.
        assert_eq!(feature["geometry"]["coordinates"][0], relic["lon"]);
        assert_eq!(feature["geometry"]["coordinates"][1], relic["lat"]);
        assert_eq!(feature["properties"]["name"], relic["name"]);
    }

    let mut csv = csv::Reader::from_reader(&out["data/relics.csv"][..]);
    let header = csv.headers().unwrap().clone();
    assert_eq!(&header[0], "id");
    assert!(header.iter().any(|h| h == "name_en"));
    let rows: Vec<csv::StringRecord> = csv.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 7);
    assert_eq!(&rows[0][2], "Nhà thờ họ Doãn");
    assert_eq!(
        &rows[0][header.iter().position(|h| h == "name_en").unwrap()],
        "Doãn Clan Ancestral Hall"
    );
}

#[test]
fn every_relic_page_carries_schema_org_json_ld() {
    let project = Project::sample();
    project.build().success();
    let out = files(&project.output());
    let selector = Selector::parse("script[type=\"application/ld+json\"]").unwrap();
    let mut pages = 0;
    for relic in relics_json(&out) {
        let slug = relic["slug"].as_str().unwrap();
        for page in [
            format!("{slug}/index.html"),
            format!("en/{slug}/index.html"),
        ] {
            let Some(bytes) = out.get(&page) else {
                continue;
            };
            let html = Html::parse_document(std::str::from_utf8(bytes).unwrap());
            let script = html
                .select(&selector)
                .next()
                .unwrap_or_else(|| panic!("{page} has no JSON-LD"));
            let ld: Value = serde_json::from_str(&script.inner_html()).unwrap();
            assert_eq!(ld["@context"], "https://schema.org");
            assert_eq!(
                ld["@type"],
                serde_json::json!(["LandmarksOrHistoricalBuildings", "TouristAttraction"])
            );
            assert_eq!(ld["identifier"], relic["id"]);
            assert_eq!(ld["geo"]["latitude"], relic["lat"]);
            assert_eq!(ld["address"]["addressCountry"], "VN");
            assert_eq!(ld["containedInPlace"]["name"], "Long Thành, Nghệ An");
            pages += 1;
        }
    }
    assert_eq!(pages, 10);
}

#[test]
fn landing_pages_send_visitors_to_the_relic_in_their_language() {
    let project = Project::fixture("two-relics");
    project.build().success();
    for landing in ["Q/DT01/index.html", "q/dt01/index.html"] {
        let html = project.read(&format!("output/{landing}"));
        // Without JavaScript: a plain redirect to the Vietnamese page.
        assert!(
            html.contains("<meta http-equiv=\"refresh\" content=\"0; url=../../den-a/\">"),
            "{html}"
        );
        // With it: the visitor's languages pick among the pages that exist.
        assert!(
            html.contains(r#"{"en":"../../en/den-a/","vi":"../../den-a/"}"#),
            "{html}"
        );
        assert!(html.contains("noindex"));
    }
    let untranslated = project.read("output/Q/DT02/index.html");
    assert!(
        untranslated.contains(r#"{"vi":"../../chua-b/"}"#),
        "{untranslated}"
    );
}

#[test]
fn markdown_renders_tables_footnotes_anchors_and_relic_links() {
    let project = Project::fixture("two-relics");
    project.build().success();
    let vi = project.read("output/den-a/index.html");
    assert!(vi.contains("<h2 id=\"lich-su\">Lịch sử</h2>"), "{vi}");
    assert!(vi.contains("<table>"));
    assert!(vi.contains("class=\"footnote-definition\""));
    assert!(vi.contains("<a href=\"../chua-b/\">Chùa B</a>"));
    assert!(vi.contains("<img src=\"../den-a/cover-900.jpg\" srcset=\"../den-a/cover-400.jpg 400w, ../den-a/cover-600.jpg 600w, ../den-a/cover-900.jpg 900w, ../den-a/cover-1000.jpg 1000w\""), "{vi}");
    assert!(
        vi.contains("width=\"900\" height=\"600\" alt=\"Cổng đền\" loading=\"lazy\""),
        "{vi}"
    );

    let en = project.read("output/en/den-a/index.html");
    assert!(en.contains("<html lang=\"en\">"));
    assert!(en.contains("<h2 id=\"history\">History</h2>"));
    // Pagoda B has no English page, so the English text links to the Vietnamese one.
    assert!(
        en.contains("<a href=\"../../chua-b/\">Pagoda B</a>"),
        "{en}"
    );
    assert!(
        en.contains("<img src=\"../../den-a/cover-900.jpg\""),
        "{en}"
    );
    assert!(en.contains("alt=\"The gate\""), "{en}");
    assert!(en.contains("National relic"));
}

#[test]
fn sitemap_lists_every_page_with_absolute_urls() {
    let project = Project::fixture("two-relics");
    project.build().success();
    let sitemap = project.read("output/sitemap.xml");
    for url in [
        "https://example.gov.vn/du-lich/",
        "https://example.gov.vn/du-lich/en/",
        "https://example.gov.vn/du-lich/den-a/",
        "https://example.gov.vn/du-lich/en/den-a/",
        "https://example.gov.vn/du-lich/chua-b/",
        "https://example.gov.vn/du-lich/map/",
        "https://example.gov.vn/du-lich/en/map/",
    ] {
        assert!(
            sitemap.contains(&format!("<loc>{url}</loc>")),
            "sitemap lacks {url}:\n{sitemap}"
        );
    }
    assert!(
        !sitemap.contains("/Q/"),
        "landing pages only redirect; they are not listed"
    );
    assert_eq!(
        project.read("output/robots.txt"),
        "User-agent: *\nAllow: /\n\nSitemap: https://example.gov.vn/du-lich/sitemap.xml\n\
         # Open data catalogue (DCAT-AP): https://example.gov.vn/du-lich/data/catalog.ttl\n"
    );
}

#[test]
fn the_project_templates_override_the_theme_by_name() {
    let project = Project::fixture("two-relics");
    project.write(
        "templates/landing.html",
        "<!doctype html><title>{{ id }}</title><p>custom landing for {{ name }}</p>",
    );
    project.build().success();
    assert_eq!(
        project.read("output/Q/DT02/index.html"),
        "<!doctype html><title>DT02</title><p>custom landing for Chùa B</p>"
    );
    // The other templates still come from the built-in theme.
    assert!(
        project
            .read("output/den-a/index.html")
            .contains("<h1>Đền A</h1>")
    );
}

#[test]
fn extra_values_reach_custom_templates() {
    let project = Project::fixture("two-relics");
    project.edit(
        "sites/den-a/index.md",
        "cover = \"cover.jpg\"\n",
        "cover = \"cover.jpg\"\n\n[extra]\nfounded = \"thế kỷ XV\"\n",
    );
    project.write(
        "templates/relic.html",
        "<!doctype html><p>{{ relic.name }}: {{ relic.extra.founded | default(value=\"?\") }}</p>",
    );
    project.write(
        "templates/index.html",
        "<!doctype html>{% for relic in relics %}<p>{{ relic.id }} {{ relic.extra.founded | default(value=\"?\") }}</p>{% endfor %}",
    );
    project.build().success();
    assert_eq!(
        project.read("output/den-a/index.html"),
        "<!doctype html><p>Đền A: thế kỷ XV</p>"
    );
    assert_eq!(
        project.read("output/index.html"),
        "<!doctype html><p>DT01 thế kỷ XV</p><p>DT02 ?</p>"
    );
}

#[test]
fn decomposed_vietnamese_is_published_as_nfc() {
    use unicode_normalization::UnicodeNormalization;
    let project = Project::fixture("two-relics");
    let nfd: String = project.read("sites/chua-b/index.md").nfd().collect();
    project.write("sites/chua-b/index.md", nfd);
    project.build().success();
    let page = project.read("output/chua-b/index.html");
    assert!(page.contains("<h1>Chùa B</h1>"));
    assert!(unicode_normalization::is_nfc(&page));
}

#[test]
fn crlf_and_bom_files_build() {
    let project = Project::fixture("two-relics");
    let text = project.read("sites/chua-b/index.md").replace('\n', "\r\n");
    project.write("sites/chua-b/index.md", format!("\u{feff}{text}"));
    project.build().success();
    assert!(
        project
            .read("output/chua-b/index.html")
            .contains("<h1>Chùa B</h1>")
    );
}

#[test]
fn raw_html_is_sanitized_with_a_warning() {
    let project = Project::fixture("two-relics");
    project.edit(
        "sites/chua-b/index.md",
        "Chùa.",
        "Chùa <script>alert(1)</script> <b onclick=\"steal()\">to</b>.",
    );
    project.build().success().stderr_has(&[
        "sites/chua-b/index.md:9:6: warning: raw HTML `<script>` is removed from the page",
    ]);
    let page = project.read("output/chua-b/index.html");
    assert!(!page.contains("<script>alert"), "{page}");
    assert!(!page.contains("onclick"), "{page}");
    assert!(page.contains("<b>to</b>"), "{page}");
}

#[test]
fn photos_are_published_as_upright_variants_without_metadata() {
    let project = Project::fixture("two-relics");
    // A portrait photo saved sideways by the camera (EXIF orientation 6) with its make.
    let sideways = jpeg(800, 600);
    project.write("sites/chua-b/cot.jpg", with_exif(&sideways));
    project.edit(
        "sites/chua-b/index.md",
        "+++\n\n",
        "[[photos]]\nfile = \"cot.jpg\"\nalt = \"Cột gỗ lim\"\n+++\n\n",
    );
    project.build().success();

    let out = files(&project.output());
    assert!(
        !out.contains_key("chua-b/cot.jpg"),
        "the original, with its metadata, stays unpublished"
    );
    let variants: Vec<&String> = out
        .keys()
        .filter(|k| k.starts_with("chua-b/cot-"))
        .collect();
    assert_eq!(variants, ["chua-b/cot-400.jpg", "chua-b/cot-600.jpg"]);
    for name in variants {
        let bytes = &out[name];
        assert!(
            !contains(bytes, b"Exif") && !contains(bytes, b"Canon"),
            "{name} keeps metadata"
        );
        let image = image::load_from_memory(bytes).unwrap();
        assert!(image.height() > image.width(), "{name} is not upright");
    }
    let page = project.read("output/chua-b/index.html");
    assert!(
        page.contains("width=\"600\" height=\"800\" alt=\"Cột gỗ lim\" loading=\"lazy\""),
        "{page}"
    );
    assert!(Path::new(&project.path("output/assets/style.css")).is_file());

    // Built again, the photo is not encoded again: the cached variants are reused as they are.
    let cached = |p: &Project| files(&p.path(".ditich-cache/photos"));
    let before = cached(&project);
    assert_eq!(
        before.len(),
        2 + 4,
        "two variants of cot.jpg and four of den-a's cover"
    );
    let modified: Vec<_> = walk_times(&project.path(".ditich-cache/photos"));
    project.build().success();
    assert_eq!(walk_times(&project.path(".ditich-cache/photos")), modified);
    assert_eq!(files(&project.output()), out);
}

fn walk_times(dir: &Path) -> Vec<std::time::SystemTime> {
    let mut times: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().metadata().unwrap().modified().unwrap())
        .collect();
    times.sort();
    times
}

pub fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// A plain JPEG photo of `width` × `height`, with no metadata.
pub fn jpeg(width: u32, height: u32) -> Vec<u8> {
    let mut bytes = Vec::new();
    image::RgbImage::from_pixel(width, height, image::Rgb([90, 120, 60]))
        .write_to(
            &mut std::io::Cursor::new(&mut bytes),
            image::ImageFormat::Jpeg,
        )
        .unwrap();
    bytes
}

/// `jpeg` with an EXIF block saying "rotate 90° clockwise" and "made by a Canon".
pub fn with_exif(jpeg: &[u8]) -> Vec<u8> {
    let mut tiff = b"MM\0\x2a\0\0\0\x08\0\x02".to_vec();
    tiff.extend_from_slice(&[0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0]); // Orientation = 6
    tiff.extend_from_slice(&[0x01, 0x0F, 0, 2, 0, 0, 0, 6, 0, 0, 0, 38]); // Make, at 38
    tiff.extend_from_slice(&[0, 0, 0, 0]);
    tiff.extend_from_slice(b"Canon\0");
    let mut app1 = vec![0xFF, 0xE1];
    app1.extend_from_slice(&((2 + 6 + tiff.len()) as u16).to_be_bytes());
    app1.extend_from_slice(b"Exif\0\0");
    app1.extend_from_slice(&tiff);
    [&jpeg[..2], &app1, &jpeg[2..]].concat()
}

#[test]
fn every_page_search_engines_index_has_a_description() {
    let project = Project::fixture("two-relics");
    project.build().success();
    let noindex = Selector::parse("meta[name=\"robots\"][content=\"noindex\"]").unwrap();
    let description = Selector::parse("meta[name=\"description\"]").unwrap();
    let mut indexed = Vec::new();
    for (path, bytes) in files(&project.output())
        .iter()
        .filter(|(p, _)| p.ends_with(".html") && p.as_str() != "404.html")
    {
        let html = Html::parse_document(std::str::from_utf8(bytes).unwrap());
        if html.select(&noindex).next().is_some() {
            continue;
        }
        let text = html
            .select(&description)
            .next()
            .and_then(|m| m.value().attr("content"))
            .unwrap_or_default();
        assert!(!text.trim().is_empty(), "{path} has no description");
        indexed.push(path.clone());
    }
    assert!(
        indexed.contains(&"map/index.html".to_owned()),
        "{indexed:?}"
    );
    assert!(
        indexed.contains(&"en/map/index.html".to_owned()),
        "{indexed:?}"
    );
}

#[test]
fn every_page_allows_only_the_sites_own_files() {
    let project = Project::fixture("two-relics");
    project.build().success();
    let selector = Selector::parse("meta[http-equiv=\"Content-Security-Policy\"]").unwrap();
    for (path, bytes) in files(&project.output())
        .iter()
        .filter(|(p, _)| p.ends_with(".html"))
    {
        let html = Html::parse_document(std::str::from_utf8(bytes).unwrap());
        let policy = html
            .select(&selector)
            .next()
            .and_then(|m| m.value().attr("content"))
            .unwrap_or_else(|| panic!("{path} has no Content-Security-Policy"));
        assert!(
            policy.starts_with("default-src 'self'; script-src 'self'"),
            "{path}: {policy}"
        );
        assert!(policy.contains("object-src 'none'"), "{path}: {policy}");
    }
}

#[test]
fn iframes_are_allowed_only_from_the_hosts_site_toml_names() {
    let project = Project::fixture("two-relics");
    project.edit(
        "site.toml",
        "[posters]",
        "[content]\niframe_hosts = [\"www.youtube-nocookie.com\"]\n\n[posters]",
    );
    project.edit(
        "sites/chua-b/index.md",
        "Chùa.",
        "Chùa.\n\n<iframe src=\"https://www.youtube-nocookie.com/embed/abc\" title=\"Lễ hội\"></iframe>\n\n<iframe src=\"https://tracker.example/x\"></iframe>",
    );
    project
        .build()
        .success()
        .stderr_has(&["sites/chua-b/index.md:13:1: warning: raw HTML `<iframe src=\"https://tracker.example/x\">` is removed from the page"]);
    let page = project.read("output/chua-b/index.html");
    assert!(
        page.contains(
            "<iframe src=\"https://www.youtube-nocookie.com/embed/abc\" title=\"Lễ hội\"></iframe>"
        ),
        "{page}"
    );
    assert!(!page.contains("tracker.example"), "{page}");
    assert!(
        page.contains("frame-src https://www.youtube-nocookie.com;"),
        "{page}"
    );
}

/// The names on the kiosk's slides, in order.
fn kiosk_slides(project: &Project) -> Vec<String> {
    let page = Html::parse_document(&project.read("output/kiosk/index.html"));
    let slide = Selector::parse("section.slide").unwrap();
    page.select(&slide)
        .map(|s| s.value().attr("aria-label").unwrap().to_owned())
        .collect()
}

#[test]
fn the_kiosk_shows_the_fifty_highest_ranked_relics_unless_told() {
    let project = Project::fixture("two-relics");
    for n in 3..=60 {
        let rank = if n == 60 { "national" } else { "provincial" };
        project.write(
            &format!("sites/r{n:02}/index.md"),
            format!(
                "+++\nid = \"DT{n:02}\"\nname = \"Relic {n:02}\"\nrank = \"{rank}\"\ncategory = \"temple\"\nsummary = \"A relic.\"\n+++\n"
            ),
        );
    }
    project.build().success();
    // National first, each rank in the order of the ids; a board's browser gets no more.
    let mut expected = vec![
        "Đền A".to_owned(),
        "Relic 60".to_owned(),
        "Chùa B".to_owned(),
    ];
    expected.extend((3..=49).map(|n| format!("Relic {n:02}")));
    assert_eq!(kiosk_slides(&project), expected);

    project.edit(
        "site.toml",
        "[posters]",
        "[kiosk]\nrelics = [\"DT07\", \"DT02\"]\n\n[posters]",
    );
    project.build().success();
    assert_eq!(kiosk_slides(&project), ["Relic 07", "Chùa B"]);
}

#[test]
fn a_kiosk_relic_that_does_not_exist_is_an_error() {
    let project = Project::fixture("two-relics");
    project.edit(
        "site.toml",
        "[posters]",
        "[kiosk]\nrelics = [\"DT01\", \"DT9\"]\n\n[posters]",
    );
    project.build().failure().stderr_has(&[
        "site.toml:16:19: error: the kiosk lists DT9, which is not a relic's id",
        "= help: write the `id` of a relic file, or remove it from [kiosk] relics",
    ]);
    assert!(!project.output().exists());
}

#[test]
fn one_title_in_site_toml_is_the_title_in_every_language() {
    let project = Project::fixture("two-relics");
    project.edit(
        "site.toml",
        "[title]\nvi = \"Di tích thử\"\nen = \"Test heritage\"\n",
        "title = \"Di tích Long Thành\"\n",
    );
    project.build().success();
    let title = Selector::parse("head > title").unwrap();
    for home in ["index.html", "en/index.html"] {
        let html = Html::parse_document(&project.read(&format!("output/{home}")));
        let titles: Vec<String> = html.select(&title).map(|t| t.inner_html()).collect();
        assert_eq!(titles, ["Di tích Long Thành"], "{home}");
    }
}
