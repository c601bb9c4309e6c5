//! Bad input: each mistake an officer can make gets a message naming the file, the line and
//! column, and the fix; the build exits 1 and writes nothing.

use crate::project::{Project, Run};

/// Builds `project`, expecting it to fail with `expected` in stderr (in order) and no output.
#[track_caller]
fn fails(project: &Project, expected: &[&str]) -> Run {
    let run = project.build().failure().stderr_has(expected);
    assert!(!project.output().exists(), "a failed build wrote output");
    run
}

fn two_relics() -> Project {
    Project::fixture("two-relics")
}

#[test]
fn broken_toml_names_the_file_and_line() {
    let project = two_relics();
    project.edit(
        "sites/chua-b/index.md",
        "name = \"Chùa B\"",
        "name = \"Chùa B",
    );
    fails(
        &project,
        &[
            "sites/chua-b/index.md:3:",
            "error: ",
            "3 | name = \"Chùa B\n",
        ],
    );
}

#[test]
fn a_misspelt_key_suggests_the_right_one() {
    let project = two_relics();
    project.edit("sites/chua-b/index.md", "rank =", "rnak =");
    fails(
        &project,
        &[
            "sites/chua-b/index.md:4:1: error: unknown key `rnak`",
            "4 | rnak = \"provincial\"",
            "  | ^^^^",
            "= help: did you mean `rank`?",
        ],
    );
}

#[test]
fn an_unknown_rank_lists_the_ranks() {
    let project = two_relics();
    project.edit(
        "sites/chua-b/index.md",
        "rank = \"provincial\"",
        "rank = \"quoc gia\"",
    );
    fails(
        &project,
        &[
            "sites/chua-b/index.md:4:8: error: unknown rank \"quoc gia\"; expected one of special-national, national, provincial, unranked",
            "  |        ^^^^^^^^^^",
            "= help: \"quoc gia\" is Vietnamese for \"national\": write rank = \"national\"",
        ],
    );
}

#[test]
fn an_unknown_category_suggests_the_closest() {
    let project = two_relics();
    project.edit(
        "sites/chua-b/index.md",
        "category = \"pagoda\"",
        "category = \"Pagodas\"",
    );
    fails(
        &project,
        &[
            "sites/chua-b/index.md:5:12: error: unknown category \"Pagodas\"",
            "help: did you mean \"pagoda\"?",
        ],
    );
}

#[test]
fn a_missing_required_field_is_named() {
    let project = two_relics();
    project.edit(
        "sites/chua-b/index.md",
        "summary = \"Một ngôi chùa để thử.\"\n",
        "",
    );
    fails(
        &project,
        &[
            "sites/chua-b/index.md:1:1: error: required key `summary` is missing",
            "1 | +++",
            "help: add this line below it: summary = \"…\"",
        ],
    );
}

#[test]
fn a_duplicate_id_names_both_files() {
    let project = two_relics();
    project.edit("sites/chua-b/index.md", "id = \"DT02\"", "id = \"DT01\"");
    let run = fails(&project, &["error: id \"DT01\" is already used by "]);
    let line = run
        .stderr
        .lines()
        .find(|l| l.contains("already used"))
        .unwrap();
    assert!(
        line.contains("sites/chua-b/index.md") && line.contains("sites/den-a/index.md"),
        "{line}"
    );
}

#[test]
fn two_folders_with_one_address_are_refused() {
    let project = two_relics();
    let copy = project
        .read("sites/chua-b/index.md")
        .replace("DT02", "DT03");
    project.write("sites/Chùa B/index.md", copy);
    fails(
        &project,
        &[
            "sites/Chùa B: error: folders sites/chua-b and sites/Chùa B give the same web address /chua-b/",
            "help: rename one of the folders",
        ],
    );
}

#[test]
fn a_folder_may_not_take_a_name_the_site_uses() {
    let project = two_relics();
    std::fs::rename(project.path("sites/chua-b"), project.path("sites/map")).unwrap();
    fails(
        &project,
        &["sites/map: error: the folder name `map` is used by the site itself"],
    );
}

#[test]
fn an_id_that_is_not_a_plaque_code_gets_a_corrected_one() {
    let project = two_relics();
    project.edit("sites/chua-b/index.md", "id = \"DT02\"", "id = \"đt-2\"");
    fails(
        &project,
        &[
            "sites/chua-b/index.md:2:6: error: id \"đt-2\" is not a plaque code: use 2 to 12 capital letters A–Z or digits",
            "help: write id = \"DT2\"",
        ],
    );
}

#[test]
fn a_missing_cover_suggests_the_file_that_is_there() {
    let project = two_relics();
    project.edit(
        "sites/den-a/index.md",
        "cover = \"cover.jpg\"",
        "cover = \"cover.jpeg\"",
    );
    fails(
        &project,
        &[
            "sites/den-a/index.md:11:9: error: `cover` file \"cover.jpeg\" is not in the relic's folder",
            "help: did you mean \"cover.jpg\"?",
        ],
    );
}

#[test]
fn a_missing_audio_guide_is_an_error() {
    let project = two_relics();
    project.edit(
        "sites/chua-b/index.md",
        "+++\n\n",
        "audio = \"thuyet-minh.mp3\"\n+++\n\n",
    );
    fails(
        &project,
        &[
            "sites/chua-b/index.md:7:9: error: `audio` file \"thuyet-minh.mp3\" is not in the relic's folder",
        ],
    );
}

#[test]
fn a_missing_photo_in_the_story_is_an_error() {
    let project = two_relics();
    project.edit(
        "sites/chua-b/index.md",
        "Chùa.",
        "Chùa.\n\n![Cổng](cong.jpg)",
    );
    fails(
        &project,
        &["sites/chua-b/index.md:11:1: error: file `cong.jpg` is not in the relic's folder"],
    );
}

#[test]
fn paths_that_leave_the_relic_folder_are_refused() {
    let project = two_relics();
    project.edit(
        "sites/den-a/index.md",
        "cover = \"cover.jpg\"",
        "cover = \"../chua-b/cover.jpg\"",
    );
    project.edit(
        "sites/chua-b/index.md",
        "Chùa.",
        "[hosts](/etc/hosts) ![x](../den-a/cover.jpg)",
    );
    fails(
        &project,
        &[
            "sites/chua-b/index.md:9:1: error: `/etc/hosts` points outside the relic's folder",
            "sites/chua-b/index.md:9:21: error: `../den-a/cover.jpg` points outside the relic's folder",
            "sites/den-a/index.md:11:9: error: `cover` \"../chua-b/cover.jpg\" points outside the relic's folder",
        ],
    );
}

#[test]
fn a_file_in_an_unknown_encoding_is_reported_as_not_utf8() {
    let project = two_relics();
    // "日本" in Shift_JIS: no Vietnamese encoding reads it.
    let mut bytes = b"+++\nid = \"DT02\"\nname = \"".to_vec();
    bytes.extend_from_slice(b"\x93\xFA\x96\x7B\"\n");
    project.write("sites/chua-b/index.md", bytes);
    fails(
        &project,
        &[
            "sites/chua-b/index.md:3:9: error: the file is not UTF-8 text (byte 0x93 cannot start a character)",
            "save it again as UTF-8",
        ],
    );
}

#[test]
fn unclosed_front_matter_points_at_its_opening() {
    let project = two_relics();
    project.edit("sites/chua-b/index.md", "+++\n\n", "\n");
    fails(
        &project,
        &[
            "sites/chua-b/index.md:1:1: error: the front matter opened on line 1 is never closed",
            "help: add a line `+++` after the last field",
        ],
    );
}

#[test]
fn a_translation_may_only_translate() {
    let project = two_relics();
    project.edit(
        "sites/den-a/index.en.md",
        "id = \"DT01\"",
        "id = \"DT01\"\nrank = \"national\"",
    );
    fails(
        &project,
        &[
            "sites/den-a/index.en.md:3:1: error: unknown key `rank`",
            "the keys allowed here are id, name, summary, cover_alt, transcript, opening_hours, etiquette, machine_translated",
        ],
    );
}

#[test]
fn a_translation_must_repeat_the_id() {
    let project = two_relics();
    project.edit("sites/den-a/index.en.md", "id = \"DT01\"", "id = \"DT09\"");
    fails(
        &project,
        &[
            "sites/den-a/index.en.md:2:6: error: the translation's id \"DT09\" differs from index.md's \"DT01\"",
        ],
    );
}

#[test]
fn a_folder_without_index_md_is_an_error() {
    let project = two_relics();
    project.write("sites/den-c/cover.jpg", b"jpeg");
    fails(
        &project,
        &["sites/den-c: error: this relic's folder has no index.md"],
    );
}

#[test]
fn every_problem_is_reported_not_only_the_first() {
    let project = two_relics();
    project.edit(
        "sites/chua-b/index.md",
        "rank = \"provincial\"",
        "rank = \"tinh\"",
    );
    project.edit(
        "sites/den-a/index.md",
        "category = \"temple\"",
        "category = \"den\"",
    );
    project.edit(
        "sites/den-a/index.en.md",
        "name = \"Temple A\"",
        "name = \"\"",
    );
    fails(
        &project,
        &[
            "sites/chua-b/index.md:4:8: error: unknown rank \"tinh\"",
            "sites/den-a/index.en.md:3:8: error: `name` is empty",
            "sites/den-a/index.md:5:12: error: unknown category \"den\"",
            "error: the project has 3 errors; the output folder was not changed",
        ],
    );
}

#[test]
fn a_bad_site_toml_is_reported_with_its_line() {
    let project = two_relics();
    project.edit(
        "site.toml",
        "base_url = \"https://example.gov.vn/du-lich/\"",
        "base_url = \"example.gov.vn\"",
    );
    project.edit("site.toml", "en = \"Test heritage\"\n", "");
    fails(
        &project,
        &[
            "site.toml:1:12: error: `base_url` \"example.gov.vn\" is not a web address",
            "site.toml:4:1: error: the guide has no title in `en`",
        ],
    );
}

#[test]
fn a_bleed_out_of_range_is_reported_in_both_languages() {
    for (value, column) in [("-1", 12), ("12.5", 12)] {
        let project = two_relics();
        project.edit(
            "site.toml",
            "formats = [\"svg\"]",
            &format!("formats = [\"svg\"]\nbleed_mm = {value}"),
        );
        fails(
            &project,
            &[
                &format!(
                    "site.toml:17:{column}: error: `bleed_mm` {value} is not between 0 and 10 mm"
                ),
                "= help: write bleed_mm = 3, the bleed print shops usually ask for",
            ],
        );
    }
}

#[test]
fn a_bleed_in_whole_millimetres_or_none_is_accepted() {
    for line in ["bleed_mm = 5", "bleed_mm = 0", "bleed_mm = 2.5"] {
        let project = two_relics();
        project.edit(
            "site.toml",
            "formats = [\"svg\"]",
            &format!("formats = [\"svg\"]\n{line}"),
        );
        project.build().success();
    }
}

#[test]
fn a_folder_without_site_toml_is_not_a_project() {
    let project = two_relics();
    std::fs::remove_file(project.path("site.toml")).unwrap();
    fails(
        &project,
        &[
            "site.toml: error: cannot read site.toml",
            "help: run ditich in the project folder",
        ],
    );
}

#[test]
fn swapped_latitude_and_longitude_are_recognised() {
    let project = two_relics();
    project.edit(
        "sites/den-a/index.md",
        "lat = 19.02, lon = 105.44",
        "lat = 105.44, lon = 19.02",
    );
    fails(
        &project,
        &[
            "sites/den-a/index.md:9:12: error: lat = 105.44, lon = 19.02 is not a place on Earth",
            "help: lat and lon look swapped",
        ],
    );
}

#[test]
fn a_location_outside_vietnam_is_a_warning() {
    let project = two_relics();
    project.edit(
        "sites/den-a/index.md",
        "lat = 19.02, lon = 105.44",
        "lat = 1.902, lon = 105.44",
    );
    project.build().success().stderr_has(&[
        "sites/den-a/index.md:9:12: warning: lat = 1.902, lon = 105.44 is outside Vietnam",
    ]);
}

#[test]
fn two_photos_published_under_one_name_are_refused() {
    let project = two_relics();
    let png = project.path("sites/den-a/cover.png");
    image::RgbImage::from_pixel(900, 600, image::Rgb([200, 120, 40]))
        .save(&png)
        .unwrap();
    fails(
        &project,
        &[
            "sites/den-a/cover.png: error: the photos cover.jpg and cover.png would be published as one file, cover-400.jpg",
            "help: give one of them another name, e.g. rename cover.png to cover-2.png",
        ],
    );
    // Followed literally, the help fixes it.
    std::fs::rename(&png, project.path("sites/den-a/cover-2.png")).unwrap();
    project.build().success();
    assert!(project.path("output/den-a/cover-2-600.jpg").is_file());
}

#[test]
fn theme_strings_the_code_reads_are_required_of_a_custom_theme() {
    let project = two_relics();
    let strings = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/i18n/vi.toml"),
    )
    .unwrap();
    let without: String = strings
        .lines()
        .filter(|l| !l.starts_with("kiosk_title") && !l.starts_with("map_description"))
        .map(|l| format!("{l}\n"))
        .collect();
    project.write("themes/default/i18n/vi.toml", without);
    fails(
        &project,
        &[
            "themes/default/i18n/vi.toml: error: the theme's strings for `vi` lack map_description, kiosk_title",
            "help: add them to themes/default/i18n/vi.toml",
        ],
    );
}

#[test]
fn each_help_of_a_line_fixes_every_word_of_it() {
    let project = two_relics();
    project.edit(
        "sites/den-a/index.md",
        "types = [\"historical\"]",
        "types = [\"lịch sử\", \"khảo cổ\"]",
    );
    // Followed one after the other, the second help must not undo the first.
    let fixed = "write types = [\"historical\", \"archaeological\"]";
    fails(
        &project,
        &[
            "error: unknown type \"lịch sử\"",
            fixed,
            "error: unknown type \"khảo cổ\"",
            fixed,
        ],
    );
}

#[test]
fn an_unknown_sheet_paper_is_reported_where_it_is_written_in_both_languages() {
    for (messages, line, expected) in [
        (
            "",
            17,
            [
                "error: unknown paper `b2` for imposed sheets",
                "= help: the papers are a3, sra3; write sheets = [] for no imposed sheets",
            ],
        ),
        (
            "messages = \"vi\"\n",
            18,
            [
                "lỗi: không có khổ giấy `b2` cho tờ in ghép",
                "= gợi ý: các khổ giấy là a3, sra3; viết sheets = [] nếu không cần tờ in ghép",
            ],
        ),
    ] {
        let project = two_relics();
        let site = project.read("site.toml");
        project.write("site.toml", format!("{messages}{site}"));
        project.edit(
            "site.toml",
            "formats = [\"svg\"]",
            "formats = [\"svg\"]\nsheets = [\"a3\", \"b2\"]",
        );
        let at = format!("site.toml:{line}:17:");
        fails(&project, &[&at, expected[0], expected[1]]);
    }
}
