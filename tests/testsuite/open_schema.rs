//! The open data's schema and change feed as a district's system meets them: the schema is
//! valid JSON Schema 2020-12 and every build's data passes it, and the feed is Atom that a
//! reader parses, dated by the relics and never by the build.

use std::sync::OnceLock;

use serde_json::{Value, json};

use crate::project::{Project, built_sample as sample};

/// A built copy of `tests/fixtures/unusual-data`: every field filled in, and markup and
/// ampersands in names.
fn unusual() -> &'static Project {
    static UNUSUAL: OnceLock<Project> = OnceLock::new();
    UNUSUAL.get_or_init(|| {
        let project = Project::fixture("unusual-data");
        project.build().success();
        project
    })
}

fn json(project: &Project, file: &str) -> Value {
    serde_json::from_str(&project.read(file)).unwrap_or_else(|e| panic!("{file}: {e}"))
}

fn schema(project: &Project) -> Value {
    json(project, "output/data/relics.schema.json")
}

/// What is wrong with `instance` by the definition at `pointer` of the published schema (`""`
/// for the whole of it), checking formats too: 2020-12 only annotates them by default.
fn problems(schema: &Value, pointer: &str, instance: &Value) -> Vec<String> {
    let id = schema["$id"].as_str().unwrap();
    let registry = jsonschema::Registry::new()
        .add(id, schema)
        .unwrap()
        .prepare()
        .unwrap();
    let validator = jsonschema::options()
        .with_draft(jsonschema::Draft::Draft202012)
        .should_validate_formats(true)
        .offline()
        .with_registry(&registry)
        .build(&json!({ "$ref": format!("{id}#{pointer}") }))
        .unwrap();
    validator
        .iter_errors(instance)
        .map(|e| format!("{}: {e}", e.instance_path().as_str()))
        .collect()
}

fn assert_open_data_valid(project: &Project) {
    let schema = schema(project);
    let data = json(project, "output/data/relics.json");
    assert_eq!(problems(&schema, "", &data), Vec::<String>::new());
    let geojson = json(project, "output/data/relics.geojson");
    assert_eq!(
        problems(&schema, "/$defs/feature_collection", &geojson),
        Vec::<String>::new()
    );
    let features = geojson["features"].as_array().unwrap();
    assert_eq!(features.len(), data["relics"].as_array().unwrap().len());
    for feature in features {
        assert_eq!(
            problems(&schema, "/$defs/relic", &feature["properties"]),
            Vec::<String>::new(),
            "{}",
            feature["id"]
        );
    }
}

#[test]
fn the_open_data_schema_is_valid_json_schema_2020_12() {
    for project in [sample(), unusual()] {
        let schema = schema(project);
        assert_eq!(
            schema["$schema"],
            "https://json-schema.org/draft/2020-12/schema"
        );
        jsonschema::draft202012::meta::validate(&schema).unwrap();
        let base = json(project, "output/data/relics.json")["base_url"]
            .as_str()
            .unwrap()
            .to_owned();
        assert_eq!(
            schema["$id"],
            format!("{base}data/relics.schema.json?version=1")
        );
        assert_eq!(schema["properties"]["schema_version"]["const"], 1);
    }
}

#[test]
fn the_sample_open_data_passes_its_schema() {
    assert_open_data_valid(sample());
}

#[test]
fn open_data_with_unusual_values_passes_its_schema() {
    let project = unusual();
    assert_open_data_valid(project);
    let data = json(project, "output/data/relics.json");
    let den = &data["relics"][0];
    assert_eq!(den["name"], "Đền Ông & Bà <Cả>");
    assert_eq!(den["commune_code"], "17500");
    assert!(den["cover_width"].is_u64(), "{den}");
}

#[test]
fn the_open_data_schema_refuses_what_a_consumer_could_not_read() {
    let project = unusual();
    let schema = schema(project);
    let data = json(project, "output/data/relics.json");
    let changed = |pointer: &str, edit: &dyn Fn(&mut Value)| {
        let mut data = data.clone();
        edit(data.pointer_mut(pointer).unwrap());
        problems(&schema, "", &data)
    };
    let renamed = changed("/relics/0", &|relic| {
        let name = relic.as_object_mut().unwrap().remove("name").unwrap();
        relic["title"] = name;
    });
    assert_eq!(renamed.len(), 2, "{renamed:?}");
    for (pointer, value) in [
        ("/relics/0/rank", json!("quoc-gia")),
        ("/relics/0/types/0", json!("lich-su")),
        ("/relics/0/updated", json!("15.03.2026")),
        ("/relics/0/url", json!("den-a/")),
        ("/schema_version", json!(2)),
    ] {
        let wrong = changed(pointer, &|v| *v = value.clone());
        assert_eq!(wrong.len(), 1, "{pointer}: {wrong:?}");
    }
}

/// Every property of every object the schema describes, anywhere in it, with its description.
fn descriptions<'a>(schema: &'a Value, path: &str, found: &mut Vec<(String, &'a Value)>) {
    match schema {
        Value::Object(map) => {
            for (key, value) in map {
                match (key.as_str(), value) {
                    ("properties", Value::Object(properties)) => {
                        for (name, property) in properties {
                            let path = format!("{path}/{name}");
                            found.push((path.clone(), &property["description"]));
                            descriptions(property, &path, found);
                        }
                    }
                    _ => descriptions(value, &format!("{path}/{key}"), found),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|v| descriptions(v, path, found)),
        _ => {}
    }
}

#[test]
fn every_field_of_the_schema_is_described_in_vietnamese_and_english() {
    let schema = schema(sample());
    let mut found = Vec::new();
    descriptions(&schema, "", &mut found);
    assert!(found.len() > 40, "{}", found.len());
    let undescribed: Vec<_> = found
        .iter()
        .filter(|(_, description)| {
            let text = description.as_str().unwrap_or_default();
            let Some((vietnamese, english)) = text.split_once(" / ") else {
                return true;
            };
            vietnamese.trim().is_empty() || english.trim().is_empty()
        })
        .collect();
    assert!(undescribed.is_empty(), "{undescribed:#?}");
    let relic = &schema["$defs"]["relic"]["properties"];
    assert_eq!(
        relic["rank"]["enum"],
        json!(["special-national", "national", "provincial", "unranked"])
    );
    assert_eq!(relic["types"]["items"]["enum"].as_array().unwrap().len(), 5);
    assert_eq!(relic["recognition_date"]["format"], "date");
    assert_eq!(relic["cover_url"]["format"], "uri");
}

fn feed(project: &Project) -> atom_syndication::Feed {
    project
        .read("output/data/changes.atom")
        .parse()
        .unwrap_or_else(|e| panic!("changes.atom: {e}"))
}

/// The start of `date` in Vietnam, as the feed dates it.
fn instant(date: &str) -> String {
    format!("{date}T00:00:00+07:00")
}

#[test]
fn the_change_feed_has_an_entry_per_dated_relic_dated_by_the_relic() {
    let project = unusual();
    let feed = feed(project);
    let base = "https://example.gov.vn/di-tich/";
    assert_eq!(feed.id(), format!("{base}data/changes.atom"));
    assert_eq!(feed.lang(), Some("vi"));
    assert_eq!(feed.title().as_str(), "Di tích <Đông> & Tây");
    assert_eq!(feed.authors()[0].name(), "Ban Văn hoá & Thông tin <xã>");
    let links: Vec<(&str, &str)> = feed.links().iter().map(|l| (l.rel(), l.href())).collect();
    assert_eq!(
        links,
        [
            ("self", format!("{base}data/changes.atom").as_str()),
            ("alternate", base)
        ]
    );

    let relics = json(project, "output/data/relics.json")["relics"]
        .as_array()
        .unwrap()
        .clone();
    let dated: Vec<&Value> = relics.iter().filter(|r| r["updated"].is_string()).collect();
    // Lăng D was never checked against its dossier: the feed cannot say when it changed.
    assert_eq!(dated.len(), relics.len() - 1);
    let latest = dated.iter().filter_map(|r| r["updated"].as_str()).max();
    assert_eq!(feed.updated().to_rfc3339(), instant(latest.unwrap()));
    assert_eq!(feed.entries().len(), dated.len());
    for relic in dated {
        let entry = feed
            .entries()
            .iter()
            .find(|e| e.id() == relic["qr_url"])
            .unwrap_or_else(|| panic!("no entry for {}", relic["id"]));
        assert_eq!(entry.title().as_str(), relic["name"]);
        assert_eq!(entry.summary().unwrap().as_str(), relic["summary"]);
        assert_eq!(
            entry.updated().to_rfc3339(),
            instant(relic["updated"].as_str().unwrap())
        );
        assert_eq!(entry.links()[0].href(), relic["url"]);
    }
    let newest_first: Vec<String> = feed
        .entries()
        .iter()
        .map(|e| e.updated().to_rfc3339())
        .collect();
    assert!(newest_first.is_sorted_by(|a, b| a >= b), "{newest_first:?}");
}

#[test]
fn markup_in_a_name_survives_the_change_feed() {
    let feed = feed(unusual());
    let den = &feed.entries()[0];
    assert_eq!(den.title().as_str(), "Đền Ông & Bà <Cả>");
    assert_eq!(
        den.summary().unwrap().as_str(),
        "Đền thờ \"Ông & Bà\"; <b>không</b> phải thẻ, và ]]> không kết thúc gì."
    );
    let english = den.links().iter().find(|l| l.hreflang() == Some("en"));
    assert_eq!(
        english.map(|l| l.href()),
        Some("https://example.gov.vn/di-tich/en/den-a/")
    );
}

#[test]
fn the_change_feed_and_schema_keep_their_bytes_on_another_day() {
    let files = ["output/data/changes.atom", "output/data/relics.schema.json"];
    let first = unusual();
    let again = Project::fixture("unusual-data");
    // 2030-03-17: a feed dated by the build would change.
    let run = again
        .command(&["build"])
        .env("SOURCE_DATE_EPOCH", "1900000000")
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    for file in files {
        assert_eq!(first.read(file), again.read(file), "{file}");
    }
}

#[test]
fn the_home_pages_link_the_change_feed() {
    let project = sample();
    let selector =
        scraper::Selector::parse(r#"head link[rel="alternate"][type="application/atom+xml"]"#)
            .unwrap();
    for home in ["output/index.html", "output/en/index.html"] {
        let page = scraper::Html::parse_document(&project.read(home));
        let links: Vec<_> = page.select(&selector).collect();
        assert_eq!(links.len(), 1, "{home}");
        let href = links[0].value().attr("href").unwrap();
        let folder = std::path::Path::new(home).parent().unwrap();
        assert!(
            project.path(&folder.join(href).to_string_lossy()).is_file(),
            "{home}: {href}"
        );
    }
    // None of the sample's relics says when it was last checked: the feed is empty, and valid.
    assert!(feed(project).entries().is_empty());
}
