//! Printed codes stay with the relic they were printed for: `plaques.toml` remembers each
//! code's folder and name, and no edit of the relic files can hand a printed code to another
//! relic without the ledger saying so.

use crate::posters::printed;
use crate::project::{Project, Run, files};

/// The quoted value a help line suggests for `key`: `id = "DT03"` in
/// `= help: … give this one a code of its own: id = "DT03"`.
fn suggested(run: &Run, key: &str) -> String {
    let help = run
        .stderr
        .lines()
        .find(|l| l.contains("= help:") && l.contains(&format!("{key} = \"")))
        .unwrap_or_else(|| panic!("no help suggests {key}:\n{}", run.stderr));
    let start = help.find(&format!("{key} = \"")).unwrap() + key.len() + 4;
    help[start..start + help[start..].find('"').unwrap()].to_owned()
}

/// Changes a relic's id in its files and its translation's.
fn set_id(project: &Project, folder: &str, from: &str, to: &str) {
    for file in ["index.md", "index.en.md"] {
        let path = format!("{folder}/{file}");
        if project.path(&path).exists() {
            project.edit(
                &path,
                &format!("id = \"{from}\""),
                &format!("id = \"{to}\""),
            );
        }
    }
}

/// The two-relic project with both codes printed, and a new relic, Chùa Bụt, beside them.
fn printed_with_a_new_relic() -> Project {
    let project = Project::fixture("two-relics");
    printed(&project, &[]).success();
    project
        .ditich(&["new", "Chùa Bụt"])
        .success()
        .stderr_has(&["DT03"]);
    project
}

#[test]
fn printing_records_the_folder_and_name_of_each_code() {
    let project = Project::fixture("two-relics");
    printed(&project, &["DT01"]).success();
    let ledger = project.read("plaques.toml");
    assert!(
        ledger.contains("id = \"DT01\"\nurl = \"https://EXAMPLE.GOV.VN/du-lich/Q/DT01/\"\nfirst_printed = 2026-11-29\nfolder = \"sites/den-a\"\nname = \"Đền A\"\n"),
        "{ledger}"
    );
}

#[test]
fn a_printed_code_given_to_a_new_relic_is_blamed_on_the_new_one() {
    let project = printed_with_a_new_relic();
    let before = files(&project.output());
    project.edit("sites/chua-but/index.md", "id = \"DT03\"", "id = \"DT01\"");
    let run = project.build().failure().stderr_has(&[
        "sites/chua-but/index.md:3:6: error: id \"DT01\" is printed on the plaque of Đền A (sites/den-a/index.md)",
        "help: a printed code stays with its relic; give this one a code of its own: id = \"DT03\"",
    ]);
    assert!(
        !run.stderr.contains("sites/den-a/index.md:2"),
        "the printed relic is not blamed:\n{}",
        run.stderr
    );
    assert_eq!(files(&project.output()), before);

    let fresh = suggested(&run, "id");
    project.edit(
        "sites/chua-but/index.md",
        "id = \"DT01\"",
        &format!("id = \"{fresh}\""),
    );
    project.build().success();
}

#[test]
fn a_printed_code_cannot_be_moved_to_another_relic() {
    let project = printed_with_a_new_relic();
    let before = files(&project.output());
    // What the old help led to: the printed relic takes the next free id and hands DT01 on.
    set_id(&project, "sites/den-a", "DT01", "DT09");
    project.edit("sites/chua-but/index.md", "id = \"DT03\"", "id = \"DT01\"");
    let run = project.build().failure().stderr_has(&[
        "sites/chua-but/index.md:3:6: error: code DT01 is printed on the plaque of Đền A (sites/den-a); given to this relic, it would send that plaque's visitors here",
        "help: give this relic a code of its own, id = \"DT10\", and give sites/den-a/index.md back id = \"DT01\"",
    ]);
    assert_eq!(files(&project.output()), before, "the published site stays");
    assert!(
        !project
            .read("output/Q/DT01/index.html")
            .contains("chua-but")
    );

    let fresh = suggested(&run, "id");
    project.edit(
        "sites/chua-but/index.md",
        "id = \"DT01\"",
        &format!("id = \"{fresh}\""),
    );
    set_id(&project, "sites/den-a", "DT09", "DT01");
    project.build().success();
    assert!(project.read("output/Q/DT01/index.html").contains("den-a"));
}

#[test]
fn a_printed_code_whose_relic_took_another_id_says_which_to_change_back() {
    let project = Project::fixture("two-relics");
    printed(&project, &[]).success();
    set_id(&project, "sites/den-a", "DT01", "DT07");
    project.build().failure().stderr_has(&[
        "error: plaque DT01, printed on 2026-11-29, has no relic any more",
        "help: the relic it was printed for, sites/den-a, now has the id DT07: change that line back to id = \"DT01\" in sites/den-a/index.md",
    ]);
}

#[test]
fn a_relic_whose_folder_was_renamed_keeps_its_code_with_a_warning() {
    let project = Project::fixture("two-relics");
    printed(&project, &[]).success();
    std::fs::rename(
        project.path("sites/chua-b"),
        project.path("sites/chua-b-moi"),
    )
    .unwrap();
    project.edit("sites/den-a/index.md", "(@/chua-b)", "(@/chua-b-moi)");
    project.edit("sites/den-a/index.en.md", "(@/chua-b)", "(@/chua-b-moi)");
    project.build().success().stderr_has(&[
        "plaques.toml:",
        "warning: plaque DT02 was printed for the folder sites/chua-b, which is now sites/chua-b-moi",
        "help: write folder = \"sites/chua-b-moi\" under this plaque",
    ]);
    assert!(
        project
            .read("output/Q/DT02/index.html")
            .contains("chua-b-moi")
    );

    let ledger = project.read("plaques.toml");
    project.write(
        "plaques.toml",
        ledger.replace("folder = \"sites/chua-b\"", "folder = \"sites/chua-b-moi\""),
    );
    let run = project.build().success();
    assert!(!run.stderr.contains("plaques.toml"), "{}", run.stderr);
}

#[test]
fn a_printed_code_on_another_relic_in_a_gone_folder_fails_until_the_ledger_says_so() {
    let project = Project::fixture("two-relics");
    printed(&project, &[]).success();
    let before = files(&project.output());
    // The folder of DT02 is gone and another relic, under another name, has its code.
    std::fs::rename(project.path("sites/chua-b"), project.path("sites/mieu-c")).unwrap();
    project.edit(
        "sites/mieu-c/index.md",
        "name = \"Chùa B\"",
        "name = \"Miếu C\"",
    );
    project.edit("sites/den-a/index.md", "(@/chua-b)", "(@/mieu-c)");
    project.edit("sites/den-a/index.en.md", "(@/chua-b)", "(@/mieu-c)");
    project.build().failure().stderr_has(&[
        "sites/mieu-c/index.md:2:6: error: code DT02 is printed on the plaque of Chùa B (sites/chua-b, a folder that is gone); it would now open Miếu C",
        "help: if this is the same relic, moved and renamed, write folder = \"sites/mieu-c\" and name = \"Miếu C\" under plaque DT02 in plaques.toml; if it is another relic, give it a code of its own, id = \"DT03\"",
    ]);
    assert_eq!(files(&project.output()), before);

    let ledger = project.read("plaques.toml");
    project.write(
        "plaques.toml",
        ledger
            .replace("folder = \"sites/chua-b\"", "folder = \"sites/mieu-c\"")
            .replace("name = \"Chùa B\"", "name = \"Miếu C\""),
    );
    project.build().success();
}

#[test]
fn a_ledger_from_before_folders_were_recorded_is_completed_by_printing() {
    let project = Project::fixture("two-relics");
    project.write(
        "plaques.toml",
        "# printed in 2025\n[[plaque]]\nid = \"DT01\"\nurl = \"https://EXAMPLE.GOV.VN/du-lich/Q/DT01/\"\nfirst_printed = 2025-11-29\n",
    );
    project.build().success().stderr_has(&[
        "plaques.toml:3:6",
        "warning: plaque DT01 does not record which relic it was printed for",
        "help: if its plaque stands at Đền A, add these lines under it: folder = \"sites/den-a\" and name = \"Đền A\"",
    ]);

    printed(&project, &["DT01"]).success();
    let ledger = project.read("plaques.toml");
    assert!(ledger.starts_with("# printed in 2025\n"), "{ledger}");
    assert!(
        ledger.contains("first_printed = 2025-11-29\nfolder = \"sites/den-a\"\nname = \"Đền A\"\n"),
        "{ledger}"
    );
    let run = project.build().success();
    assert!(!run.stderr.contains("plaques.toml"), "{}", run.stderr);
}
