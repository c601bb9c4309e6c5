//! Vietnam's two levels of local government since 1 July 2025: a commune belongs directly to
//! its province. A project needs no district, can name the units the place was part of before
//! the mergers, and publishes the national unit codes.

use serde_json::Value;

use crate::project::Project;

/// The two-relic project as a commune formed in 2025 would write it.
fn without_district(extra: &str) -> Project {
    let project = Project::fixture("two-relics");
    project.edit(
        "site.toml",
        "district = \"Yên Thành\"\n",
        &format!("former = [\"xã Long Thành\", \"huyện Yên Thành\"]\n{extra}"),
    );
    project
}

fn json_ld(project: &Project, page: &str) -> Value {
    let html = scraper::Html::parse_document(&project.read(page));
    let selector = scraper::Selector::parse(r#"script[type="application/ld+json"]"#).unwrap();
    serde_json::from_str(&html.select(&selector).next().unwrap().inner_html()).unwrap()
}

#[test]
fn a_commune_without_a_district_builds_with_two_levels_everywhere() {
    let project = without_district("code = \"17203\"\nprovince_code = \"40\"\n");
    project.edit(
        "site.toml",
        "formats = [\"svg\"]",
        "formats = [\"svg\"]\nsizes = [\"plaque\", \"a4\"]",
    );
    project.build().success();

    let plaque = project.read("output/posters/DT01-plaque.svg");
    // The plaque's narrow column gives the commune a line, and the levels above it the next.
    assert!(
        plaque.contains(">Xã Long Thành<") && plaque.contains(">Nghệ An<"),
        "{plaque}"
    );
    let poster = project.read("output/posters/DT01-a4.svg");
    assert!(poster.contains(">Xã Long Thành · Nghệ An<"), "{poster}");
    let page = project.read("output/den-a/index.html");
    assert!(page.contains("Xóm Một, Long Thành, Nghệ An"), "{page}");
    assert!(
        page.contains("· Long Thành, Nghệ An</p>"),
        "the footer: {page}"
    );
    assert!(!page.contains("Yên Thành,"), "{page}");

    let ld = json_ld(&project, "output/den-a/index.html");
    assert_eq!(ld["address"]["streetAddress"], "Xóm Một");
    assert_eq!(ld["address"]["addressLocality"], "Long Thành");
    assert_eq!(ld["address"]["addressRegion"], "Nghệ An");
    assert_eq!(ld["containedInPlace"]["name"], "Long Thành, Nghệ An");
    assert_eq!(ld["containedInPlace"]["identifier"], "17203");

    let data: Value = serde_json::from_str(&project.read("output/data/relics.json")).unwrap();
    let geojson: Value = serde_json::from_str(&project.read("output/data/relics.geojson")).unwrap();
    for record in [&data["relics"][0], &geojson["features"][0]["properties"]] {
        assert_eq!(record["hamlet"], "Xóm Một");
        assert_eq!(record["commune"], "Long Thành");
        assert_eq!(record["district"], Value::Null);
        assert_eq!(record["province"], "Nghệ An");
        assert_eq!(record["commune_code"], "17203");
        assert_eq!(record["province_code"], "40");
        assert_eq!(
            record["former_units"],
            serde_json::json!(["xã Long Thành", "huyện Yên Thành"])
        );
    }
    let mut csv = csv::Reader::from_path(project.path("output/data/relics.csv")).unwrap();
    let header = csv.headers().unwrap().clone();
    let row = csv.records().next().unwrap().unwrap();
    let field = |name: &str| row[header.iter().position(|h| h == name).unwrap()].to_owned();
    assert_eq!(field("district"), "");
    assert_eq!(field("commune_code"), "17203");
    assert_eq!(field("former_units"), "xã Long Thành;huyện Yên Thành");
}

#[test]
fn the_home_page_names_the_units_before_the_mergers() {
    let project = without_district("");
    project.build().success();
    assert!(
        project
            .read("output/index.html")
            .contains("Trước khi sáp nhập năm 2025, nơi đây thuộc xã Long Thành, huyện Yên Thành.")
    );
    assert!(project.read("output/en/index.html").contains(
        "Before the 2025 mergers, this place belonged to xã Long Thành, huyện Yên Thành."
    ));
}

#[test]
fn a_project_with_a_district_shows_it_as_before() {
    let project = Project::fixture("two-relics");
    project.edit(
        "site.toml",
        "formats = [\"svg\"]",
        "formats = [\"svg\"]\nsizes = [\"plaque\"]",
    );
    project.build().success();
    let plaque = project.read("output/posters/DT01-plaque.svg");
    assert!(
        plaque.contains(">Xã Long Thành<") && plaque.contains(">Yên Thành · Nghệ An<"),
        "{plaque}"
    );
    let page = project.read("output/den-a/index.html");
    assert!(
        page.contains("Xóm Một, Long Thành, Yên Thành, Nghệ An"),
        "{page}"
    );
    assert_eq!(
        json_ld(&project, "output/den-a/index.html")["containedInPlace"]["name"],
        "Long Thành, Yên Thành, Nghệ An"
    );
    assert!(!page.contains("class=\"former\""));
}

#[test]
fn a_unit_code_that_is_not_five_digits_is_refused() {
    let project = without_district("code = \"1720\"\nprovince_code = \"4O\"\n");
    project.build().failure().stderr_has(&[
        "site.toml:",
        "error: `code` \"1720\" is not a code of 5 digits",
        "help: write the commune's code from the official list of administrative units, 5 digits in quotes, or remove the line until you have it",
        "error: `province_code` \"4O\" is not a code of 2 digits",
    ]);
    assert!(!project.output().exists());
}
