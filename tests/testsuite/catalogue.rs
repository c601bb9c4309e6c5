//! The open data's DCAT-AP catalogue as a data portal's harvester reads it: RDF that passes the
//! DCAT-AP 3.0.0 SHACL shapes, the same graph in Turtle and JSON-LD, with the properties the
//! profile recommends, and sizes and hashes that are those of the files it lists.
//!
//! `tests/shacl/catalogue.py` reads the catalogue with rdflib and validates it with pyshacl,
//! both pinned in `tests/shacl/requirements.txt` and installed on first use into a virtual
//! environment under `target/`.

use std::path::Path;
use std::process::Command;

use serde_json::Value;
use sha2::Digest as _;

use crate::project::{Project, built_sample as sample};

const SHAPES: &str = "tests/fixtures/standards/dcat-ap-3.0.0-SHACL.ttl";

/// The Python that has the pinned packages, or `None` (after saying so).
fn python(test: &str) -> Option<&'static Path> {
    crate::tools::python_tools(test, "shacl")
}

/// The address the build in `output` is published at, as its open data says.
fn base_url(output: &Path) -> String {
    let data = std::fs::read_to_string(output.join("data/relics.json")).unwrap();
    let data: Value = serde_json::from_str(&data).unwrap();
    data["base_url"].as_str().unwrap().to_owned()
}

/// What `tests/shacl/catalogue.py` finds in `project`'s built catalogue.
fn harvest(python: &Path, project: &Project) -> Value {
    harvest_in(python, &project.output())
}

/// What `tests/shacl/catalogue.py` finds in the catalogue of the build in `output`.
fn harvest_in(python: &Path, output: &Path) -> Value {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let output = Command::new(python)
        .arg(root.join("tests/shacl/catalogue.py"))
        .arg(root.join(SHAPES))
        .arg(output)
        .output()
        .expect("the virtual environment's python runs");
    assert!(
        output.status.success(),
        "catalogue.py failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("catalogue.py prints JSON")
}

fn strings(value: &Value) -> Vec<&str> {
    value
        .as_array()
        .unwrap_or_else(|| panic!("not a list: {value}"))
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect()
}

/// Asserts that `found` holds every one of `wanted`, naming the node they describe.
fn assert_has(found: &Value, wanted: &[&str], node: &str) {
    let found = strings(found);
    let missing: Vec<_> = wanted.iter().filter(|p| !found.contains(p)).collect();
    assert!(
        missing.is_empty(),
        "{node} lacks {missing:?}; has {found:?}"
    );
}

/// The checks every build's catalogue passes; returns its datasets, by address: the relics',
/// then the scans' when there are counts.
fn assert_harvestable(harvest: &Value, project: &Project) -> Vec<Value> {
    assert_harvestable_in(harvest, &project.output())
}

/// [`assert_harvestable`] of the build in `output`.
fn assert_harvestable_in(harvest: &Value, output: &Path) -> Vec<Value> {
    assert_eq!(
        harvest["conforms"],
        true,
        "the catalogue breaks DCAT-AP 3.0.0:\n{}",
        harvest["report"].as_str().unwrap()
    );
    assert_eq!(
        harvest["broken_conforms"], false,
        "a catalogue without a title passed the shapes: were they applied?"
    );
    assert_eq!(
        harvest["isomorphic"], true,
        "catalog.jsonld and catalog.ttl differ"
    );

    let catalogues = harvest["catalogues"].as_array().unwrap();
    assert_eq!(catalogues.len(), 1);
    assert_has(
        &catalogues[0]["properties"],
        &[
            "dct:title",
            "dct:description",
            "dct:publisher",
            "foaf:homepage",
            "dct:language",
            "dct:license",
            "dct:spatial",
            "dcat:themeTaxonomy",
            "dcat:dataset",
        ],
        "the catalogue",
    );
    let datasets = harvest["datasets"].as_array().unwrap();
    for dataset in datasets {
        assert_dataset(dataset, output);
    }
    datasets.clone()
}

fn assert_dataset(dataset: &Value, output: &Path) {
    let name = dataset["iri"].as_str().unwrap().rsplit('#').next().unwrap();
    assert_has(
        &dataset["properties"],
        &[
            "dct:title",
            "dct:description",
            "dcat:keyword",
            "dcat:theme",
            "dct:publisher",
            "dcat:contactPoint",
            "dct:spatial",
            "dcat:distribution",
            "dcat:landingPage",
        ],
        name,
    );
    for field in ["titles", "descriptions"] {
        let texts = strings(&dataset[field]);
        for lang in ["@vi", "@en"] {
            assert!(
                texts.iter().any(|t| t.ends_with(lang)),
                "the dataset's {field} lack {lang}: {texts:?}"
            );
        }
    }

    let base_url = base_url(output);
    let schema_id = format!("{base_url}data/relics.schema.json?version=1");
    let schema_id = schema_id.as_str();
    let distributions = dataset["distributions"].as_array().unwrap();
    let mut downloads = Vec::new();
    for distribution in distributions {
        let url = distribution["download"].as_str().unwrap();
        let path = url
            .strip_prefix(&base_url)
            .unwrap_or_else(|| panic!("{url} is not under the site's base_url {base_url}"));
        let bytes = std::fs::read(output.join(path))
            .unwrap_or_else(|e| panic!("{url} lists {path}, which the build lacks: {e}"));
        assert_eq!(
            distribution["byte_size"].as_u64(),
            Some(bytes.len() as u64),
            "{path}'s byteSize"
        );
        let sha256: String = sha2::Sha256::digest(&bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(distribution["sha256"], sha256.as_str(), "{path}'s checksum");
        assert_has(
            &distribution["properties"],
            &[
                "dcat:accessURL",
                "dcat:downloadURL",
                "dcat:mediaType",
                "dct:format",
                "dcat:byteSize",
                "dct:license",
            ],
            path,
        );
        let media_type = distribution["media_type"].as_str().unwrap();
        let expected = match path.rsplit('.').next().unwrap() {
            "json" => "application/json",
            "geojson" => "application/geo+json",
            "csv" => "text/csv",
            "atom" => "application/atom+xml",
            other => panic!("an unexpected distribution, .{other}"),
        };
        assert_eq!(
            media_type,
            format!("http://www.iana.org/assignments/media-types/{expected}"),
        );
        let guide = output.join("search").is_dir();
        if guide {
            // A province's joined data is not the commune's document the schema describes.
            assert!(
                !strings(&distribution["conforms_to"]).contains(&schema_id),
                "{path}"
            );
        } else if path.starts_with("data/relics.") && path.ends_with("json") {
            assert!(
                strings(&distribution["conforms_to"]).contains(&schema_id),
                "{path} does not conform to the published schema {schema_id}"
            );
        }
        downloads.push(path.to_owned());
    }
    downloads.sort();
    let guide = output.join("search").is_dir();
    let expected: &[&str] = match name {
        "relics" if guide => &["data/relics.geojson", "data/relics.json"],
        "relics" => &[
            "data/changes.atom",
            "data/relics.csv",
            "data/relics.geojson",
            "data/relics.json",
        ],
        "scans" => &["data/scans.csv", "data/scans.json"],
        other => panic!("an unexpected dataset, {other}"),
    };
    assert_eq!(downloads, expected);
}

#[test]
fn the_sample_catalogue_passes_the_dcat_ap_shapes() {
    let Some(python) = python("the_sample_catalogue_passes_the_dcat_ap_shapes") else {
        return;
    };
    let project = sample();
    let harvest = harvest(python, project);
    let datasets = assert_harvestable(&harvest, project);
    assert_eq!(datasets.len(), 1, "the sample has no scans to publish");
    let dataset = &datasets[0];
    assert_eq!(
        strings(&dataset["bbox"]).len(),
        1,
        "the sample's relics are on the map, so the dataset has their box"
    );

    // Where portals and crawlers find it.
    let home = project.read("output/index.html");
    assert!(
        home.contains("href=\"./data/catalog.ttl\""),
        "the home page's footer links the catalogue"
    );
    assert!(
        project
            .read("output/robots.txt")
            .contains("data/catalog.ttl")
    );
    let listed = format!("<loc>{}data/catalog.ttl</loc>", base_url(&project.output()));
    assert!(project.read("output/sitemap.xml").contains(&listed));
}

/// Dated by the relics, never by the clock, and sized by what the build wrote this time.
#[test]
fn the_catalogue_is_dated_by_the_relics_and_follows_an_edit() {
    let Some(python) = python("the_catalogue_is_dated_by_the_relics_and_follows_an_edit") else {
        return;
    };
    let project = Project::fixture("unusual-data");
    project.build().success();
    let first = project.read("output/data/catalog.ttl");
    let dataset = &assert_harvestable(&harvest(python, &project), &project)[0];
    // The fixture's relics were checked on 2025-12-01 and 2026-03-15; one never was.
    assert_eq!(strings(&dataset["modified"]), ["2026-03-15"]);
    assert_eq!(
        dataset["period"],
        serde_json::json!([["2025-12-01", "2026-03-15"]])
    );
    let bbox = strings(&dataset["bbox"]);
    assert_eq!(bbox.len(), 1);
    assert!(bbox[0].starts_with("POLYGON(("), "{bbox:?}");

    let again = Project::fixture("unusual-data");
    again.build().success();
    assert_eq!(
        again.read("output/data/catalog.ttl"),
        first,
        "two builds of the same sources"
    );

    // A later check of one relic, and a longer summary: the data grows, and the catalogue's
    // date, sizes and hashes follow it on the rebuild.
    project.edit(
        "sites/chua-b/index.md",
        "updated = 2026-03-15",
        "updated = 2026-11-20",
    );
    project.build().success();
    let dataset = &assert_harvestable(&harvest(python, &project), &project)[0];
    assert_eq!(strings(&dataset["modified"]), ["2026-11-20"]);
    assert_ne!(project.read("output/data/catalog.ttl"), first);
}

/// Kept scan counts are a second dataset, covering the months they count.
#[test]
fn kept_scans_are_a_second_dataset() {
    let Some(python) = python("kept_scans_are_a_second_dataset") else {
        return;
    };
    let project = Project::fixture("two-relics");
    project.write(
        "stats/scans.csv",
        "period,id,scans,visitors\n2026-01,DT01,5,4\n2026-04,DT02,1,1\n",
    );
    project.build().success();
    let datasets = assert_harvestable(&harvest(python, &project), &project);
    assert_eq!(datasets.len(), 2);
    let scans = &datasets[1];
    assert!(scans["iri"].as_str().unwrap().ends_with("#scans"));
    assert_eq!(scans["period"], serde_json::json!([["2026-01", "2026-04"]]));
    assert!(
        strings(&scans["titles"])
            .contains(&"Lượt quét mã QR tại các di tích Long Thành, Nghệ An@vi"),
        "{scans}"
    );
}

#[test]
fn the_catalogue_is_served_with_its_media_types() {
    let htaccess = sample().read("output/.htaccess");
    for (kind, extension) in [("text/turtle", "ttl"), ("application/ld+json", "jsonld")] {
        assert!(
            htaccess.contains(&format!("AddType {kind} .{extension}")),
            "{htaccess}"
        );
    }
}

/// A province's catalogue: one dataset of every member's relics, whose parts are the
/// communes' own datasets, so a portal harvesting the province reaches each commune.
#[test]
fn a_province_catalogue_names_each_commune_s_dataset_as_a_part() {
    let Some(python) = python("a_province_catalogue_names_each_commune_s_dataset_as_a_part") else {
        return;
    };
    let province = crate::province::Province::new();
    province.build().success();
    let output = province.root().join("output");
    let datasets = assert_harvestable_in(&harvest_in(python, &output), &output);
    assert_eq!(datasets.len(), 1);
    let parts = strings(&datasets[0]["parts"]);
    assert_eq!(
        parts,
        [
            "https://example.gov.vn/di-tich/data/catalog.ttl#relics",
            "https://example.gov.vn/du-lich/data/catalog.ttl#relics",
            "https://longthanh.yenthanh.nghean.gov.vn/du-lich/data/catalog.ttl#relics",
            "https://quynhdoi.example.gov.vn/du-lich/data/catalog.ttl#relics",
        ]
    );
    // Each part is the address a commune's own catalogue gives its dataset.
    let member = province.member("xa-thu");
    let built = crate::project::binary()
        .arg("build")
        .current_dir(&member)
        .status()
        .unwrap();
    assert!(built.success());
    let own = std::fs::read_to_string(member.join("output/data/catalog.ttl")).unwrap();
    assert!(
        own.contains("<https://example.gov.vn/du-lich/data/catalog.ttl#relics> a dcat:Dataset"),
        "{own}"
    );
}
