//! The output folder: a failed build leaves it as it was, the same sources give the same
//! bytes, and a folder that ditich did not write is never replaced.

use crate::project::{Project, files};

#[test]
fn a_failed_build_leaves_the_previous_output_byte_identical() {
    let project = Project::sample();
    project.build().success();
    let before = files(&project.output());

    project.edit(
        "sites/nha-tho-ho-doan/index.md",
        "rank = \"provincial\"",
        "rank = \"cap tinh\"",
    );
    project.write("sites/den-moi/index.md", "+++\nid = \"DT08\"\n");
    project
        .build()
        .failure()
        .stderr_has(&["the output folder was not changed"]);

    assert_eq!(files(&project.output()), before);
    let leftovers = project.staging_leftovers();
    assert!(
        leftovers.is_empty(),
        "staging folders left behind: {leftovers:?}"
    );
}

#[test]
fn a_successful_build_replaces_the_output_whole() {
    let project = Project::fixture("two-relics");
    project.build().success();
    std::fs::remove_dir_all(project.path("sites/chua-b")).unwrap();
    project.edit("sites/den-a/index.md", "Xem [Chùa B](@/chua-b).", "");
    project.edit("sites/den-a/index.en.md", "See [Pagoda B](@/chua-b).", "");
    project.build().success();
    assert!(
        !project.path("output/chua-b").exists(),
        "a removed relic's page stayed published"
    );
    assert!(!project.path("output/Q/DT02").exists());
}

#[test]
fn two_builds_of_the_same_sources_give_the_same_bytes() {
    let project = Project::sample();
    project.build().success();
    let first = files(&project.output());
    project.ditich(&["build", "--out", "second"]).success();
    assert_eq!(files(&project.path("second")), first);
}

#[test]
fn a_leftover_staging_folder_from_a_killed_build_is_cleared() {
    let project = Project::fixture("two-relics");
    project.write(".output.staging/half-written.html", "<p>");
    project.build().success();
    assert!(!project.path(".output.staging").exists());
}

#[test]
fn a_folder_ditich_did_not_write_is_never_replaced() {
    let project = Project::fixture("two-relics");
    project.write("output/notes.txt", "an officer's notes");
    project.build().failure().stderr_has(&[
        "was not written by ditich",
        "choose another folder with --out",
    ]);
    assert_eq!(project.read("output/notes.txt"), "an officer's notes");
}

#[test]
fn the_output_may_not_hold_the_sources() {
    let project = Project::fixture("two-relics");
    project
        .ditich(&["build", "--out", "."])
        .failure()
        .stderr_has(&["would replace the project's sources"]);
    project
        .ditich(&["build", "--out", "sites/out"])
        .failure()
        .stderr_has(&["would replace the project's sources"]);
    assert!(project.path("sites/den-a/index.md").is_file());
}

#[test]
fn root_and_out_can_name_other_folders() {
    let project = Project::fixture("two-relics");
    let elsewhere = tempfile::tempdir().unwrap();
    let out = elsewhere.path().join("site");
    let run = crate::project::Run::from(
        crate::project::binary()
            .args(["build", "--root"])
            .arg(project.root())
            .arg("--out")
            .arg(&out)
            .current_dir(elsewhere.path())
            .output()
            .unwrap(),
    );
    run.success();
    assert!(out.join("den-a/index.html").is_file());
}

#[cfg(unix)]
#[test]
fn a_rebuild_keeps_unchanged_files_and_replaces_changed_ones() {
    use std::os::unix::fs::MetadataExt as _;
    let project = Project::fixture("two-relics");
    project.build().success();
    let identity = |path: &str| {
        let meta = std::fs::metadata(project.output().join(path)).unwrap();
        (meta.ino(), meta.mtime_nsec())
    };
    let style = identity("assets/style.css");
    let page = identity("chua-b/index.html");

    project.edit("sites/chua-b/index.md", "\nChùa.", "\nĐã sửa: Chùa.");
    project.build().success();
    assert_eq!(
        identity("assets/style.css"),
        style,
        "an unchanged file was written again"
    );
    assert_ne!(
        identity("chua-b/index.html"),
        page,
        "a changed page was kept"
    );
    assert!(
        project
            .read("output/chua-b/index.html")
            .contains("Đã sửa: ")
    );
    // Nothing of the old output is left behind.
    assert_eq!(project.staging_leftovers(), Vec::<String>::new());
}

#[test]
fn print_files_are_encoded_again_only_when_their_poster_changed() {
    let project = Project::fixture("two-relics");
    project.edit(
        "site.toml",
        "formats = [\"svg\"]",
        "sizes = [\"plaque\"]\nformats = [\"pdf\", \"png\"]",
    );
    let cached = || -> std::collections::BTreeMap<String, std::time::SystemTime> {
        std::fs::read_dir(project.path(".ditich-cache/posters"))
            .unwrap()
            .map(|e| {
                let e = e.unwrap();
                let modified = e.metadata().unwrap().modified().unwrap();
                (e.file_name().to_string_lossy().into_owned(), modified)
            })
            .collect()
    };
    project.build().success();
    let first = cached();
    let printed = files(&project.output().join("posters"));

    project.build().success();
    assert_eq!(cached(), first, "a print file was encoded again");
    assert_eq!(files(&project.output().join("posters")), printed);

    project.edit(
        "sites/chua-b/index.md",
        "name = \"Chùa B\"",
        "name = \"Chùa Bến\"",
    );
    project.build().success();
    let after = cached();
    // Only Chùa B's plaque (its SVG, its SVG with the bleed, the facts of its code, PDF and
    // PNG), the book of all plaques and the two sheets they are imposed on were made again.
    let made: Vec<&String> = after
        .keys()
        .filter(|name| !first.contains_key(*name))
        .collect();
    assert_eq!(made.len(), 8, "{made:?}");
    assert!(
        first
            .iter()
            .all(|(name, time)| after.get(name) == Some(time))
    );
}

#[test]
fn rebuilds_over_reused_folders_give_what_a_cold_build_gives() {
    let project = Project::fixture("two-relics");
    project.build().success();
    // Each build starts from the output before last: a relic comes and goes, pages change,
    // and stray files appear in the output.
    let chua = project.read("sites/chua-b/index.md");
    project.write(
        "sites/den-c/index.md",
        chua.replace("DT02", "DT03").replace("Chùa B", "Đền C"),
    );
    project.build().success();
    let published = files(&project.output());
    std::fs::remove_dir_all(project.path("sites/den-c")).unwrap();
    project.write(
        "sites/chua-b/index.md",
        chua.replace("Chùa.", "Chùa, đã sửa."),
    );
    std::fs::create_dir_all(project.output().join("stray/folder")).unwrap();
    project.build().success();
    let den = project.read("sites/den-a/index.md") + "\nĐền, đã sửa.\n";
    project.write("sites/den-a/index.md", &den);
    project.build().success();
    assert_ne!(files(&project.output()), published);

    let cold = Project::fixture("two-relics");
    cold.write(
        "sites/chua-b/index.md",
        chua.replace("Chùa.", "Chùa, đã sửa."),
    );
    cold.write("sites/den-a/index.md", &den);
    cold.build().success();
    assert_eq!(files(&project.output()), files(&cold.output()));
    assert_eq!(project.staging_leftovers(), Vec::<String>::new());
}

#[test]
fn a_cached_story_follows_the_languages_of_the_relic_it_links_to() {
    let project = Project::fixture("two-relics");
    project.build().success();
    let english = project.read("output/en/den-a/index.html");
    assert!(english.contains(r#"href="../../chua-b/""#), "{english}");

    // den-a's files do not change, but its English story now links to chua-b's English page.
    let translation = "+++\nid = \"DT02\"\nname = \"Pagoda B\"\nsummary = \"A pagoda to test with.\"\n+++\n\nA pagoda.\n";
    project.write("sites/chua-b/index.en.md", translation);
    project.build().success();
    let english = project.read("output/en/den-a/index.html");
    assert!(english.contains(r#"href="../../en/chua-b/""#), "{english}");

    let cold = Project::fixture("two-relics");
    cold.write("sites/chua-b/index.en.md", translation);
    cold.build().success();
    assert_eq!(files(&project.output()), files(&cold.output()));
}

#[test]
fn a_cached_relic_still_reports_its_warnings() {
    let project = Project::fixture("two-relics");
    let long = format!("summary = \"{}\"", "Một ngôi chùa rất dài. ".repeat(10));
    project.edit(
        "sites/chua-b/index.md",
        r#"summary = "Một ngôi chùa để thử.""#,
        &long,
    );
    let chua = project.read("sites/chua-b/index.md") + "\n<script>alert(1)</script>\n";
    project.write("sites/chua-b/index.md", chua);
    for _ in 0..2 {
        project.build().success().stderr_has(&[
            "sites/chua-b/index.md:6:11: warning: the summary is 229 characters",
            "sites/chua-b/index.md:11:1: warning: raw HTML `<script>` is removed",
        ]);
    }
}

#[test]
fn check_leaves_the_project_as_it_was() {
    let project = Project::fixture("two-relics");
    let before = files(project.root());
    project.ditich(&["check"]).success();
    assert_eq!(files(project.root()), before);
}
