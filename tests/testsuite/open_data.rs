//! The open data as an importer reads it: every address in the JSON, GeoJSON, CSV and the pages'
//! JSON-LD is one the published folder answers.

use std::path::{Path, PathBuf};

use crate::project::{Project, built_sample as sample};

const BASE_URL: &str = "https://longthanh.yenthanh.nghean.gov.vn/du-lich/";

/// The file of `output` that a web server sends for `url`, which must lie under the base URL.
fn served(output: &Path, url: &str) -> PathBuf {
    let path = url
        .strip_prefix(BASE_URL)
        .unwrap_or_else(|| panic!("{url} is not under {BASE_URL}"));
    let file = output.join(path);
    if path.is_empty() || path.ends_with('/') {
        file.join("index.html")
    } else {
        file
    }
}

fn urls_in(value: &serde_json::Value, found: &mut Vec<String>) {
    match value {
        serde_json::Value::String(s) if s.starts_with(BASE_URL) => found.push(s.clone()),
        serde_json::Value::Array(items) => items.iter().for_each(|v| urls_in(v, found)),
        serde_json::Value::Object(map) => map.values().for_each(|v| urls_in(v, found)),
        _ => {}
    }
}

fn json(project: &Project, file: &str) -> serde_json::Value {
    serde_json::from_str(&project.read(file)).unwrap_or_else(|e| panic!("{file}: {e}"))
}

#[test]
fn every_address_in_the_open_data_is_published() {
    let project = sample();
    let output = project.output();
    let mut urls: Vec<(String, String)> = Vec::new();
    for file in ["output/data/relics.json", "output/data/relics.geojson"] {
        let mut found = Vec::new();
        urls_in(&json(project, file), &mut found);
        urls.extend(found.into_iter().map(|u| (file.to_owned(), u)));
    }
    let mut csv = csv::Reader::from_path(output.join("data/relics.csv")).unwrap();
    for record in csv.records() {
        for field in record.unwrap().iter().filter(|f| f.starts_with(BASE_URL)) {
            urls.push(("output/data/relics.csv".to_owned(), field.to_owned()));
        }
    }
    let selector = scraper::Selector::parse(r#"script[type="application/ld+json"]"#).unwrap();
    for entry in walkdir::WalkDir::new(&output) {
        let entry = entry.unwrap();
        if entry.path().extension().is_none_or(|e| e != "html") {
            continue;
        }
        let page = scraper::Html::parse_document(&std::fs::read_to_string(entry.path()).unwrap());
        for script in page.select(&selector) {
            let ld: serde_json::Value = serde_json::from_str(&script.inner_html()).unwrap();
            let mut found = Vec::new();
            urls_in(&ld, &mut found);
            let file = entry.path().strip_prefix(project.root()).unwrap();
            urls.extend(found.into_iter().map(|u| (file.display().to_string(), u)));
        }
    }
    // The sample's covers are in every form: a test that found none would prove nothing.
    let with_covers: std::collections::BTreeSet<&str> = urls
        .iter()
        .filter(|(_, u)| u.ends_with(".jpg"))
        .map(|(file, _)| file.rsplit_once('.').map_or(file.as_str(), |(_, ext)| ext))
        .collect();
    assert_eq!(
        with_covers.into_iter().collect::<Vec<_>>(),
        ["csv", "geojson", "html", "json"]
    );
    let missing: Vec<_> = urls
        .iter()
        .filter(|(_, url)| !served(&output, url).is_file())
        .collect();
    assert!(
        missing.is_empty(),
        "addresses that answer 404: {missing:#?}"
    );
}

#[test]
fn the_open_data_gives_the_size_of_each_cover() {
    let project = sample();
    let data = json(project, "output/data/relics.json");
    let relic = data["relics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "DT01")
        .unwrap();
    let url = relic["cover_url"].as_str().unwrap();
    let (width, height) = (
        relic["cover_width"].as_u64(),
        relic["cover_height"].as_u64(),
    );
    let decoded = image::open(served(&project.output(), url)).unwrap();
    assert_eq!(
        (width, height),
        (
            Some(u64::from(decoded.width())),
            Some(u64::from(decoded.height()))
        ),
        "{url}"
    );
}
