//! The open data's schema as a district's system meets it: valid JSON Schema 2020-12, and
//! every build's data passes it.

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
