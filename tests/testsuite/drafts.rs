//! Drafts: a relic whose `index.md` says `draft = true` is left out of the site, whatever
//! mistakes it holds, until an officer removes the line; but a printed relic cannot be one.

use crate::posters::printed;
use crate::project::{Project, files};

/// The two-relic project with Chùa B a draft, holding `mistake` in place of its rank line, and
/// without Đền A's links to it.
fn with_a_draft(mistake: &str) -> Project {
    let project = Project::fixture("two-relics");
    project.edit(
        "sites/chua-b/index.md",
        "rank = \"provincial\"\n",
        &format!("draft = true\n{mistake}\n"),
    );
    project.edit("sites/den-a/index.md", " Xem [Chùa B](@/chua-b).", "");
    project.edit("sites/den-a/index.en.md", " See [Pagoda B](@/chua-b).", "");
    project
}

const DRAFT_WARNING: &str =
    "sites/chua-b/index.md:4:1: warning: this relic is a draft and is not published";
const HOW_TO_PUBLISH: &str =
    "help: to publish it, remove the line `draft = true` or write `draft = false`";

#[test]
fn a_draft_with_a_bad_rank_is_left_out_of_everything_with_one_warning() {
    let project = with_a_draft("rank = \"quoc gia\"");
    let run = project
        .build()
        .success()
        .stderr_has(&[DRAFT_WARNING, HOW_TO_PUBLISH]);
    assert_eq!(run.stderr.matches("chua-b").count(), 1, "{}", run.stderr);
    assert!(!run.stderr.contains("quoc gia"), "{}", run.stderr);
    assert!(run.stderr.contains("built 1 relics"), "{}", run.stderr);

    let output = files(&project.output());
    let leaks: Vec<&String> = output
        .iter()
        .filter(|(name, bytes)| {
            let text = String::from_utf8_lossy(bytes);
            name.contains("chua-b")
                || name.to_lowercase().contains("dt02")
                || text.contains("chua-b")
                || text.contains("DT02")
                || text.contains("Chùa B")
        })
        .map(|(name, _)| name)
        .collect();
    assert!(leaks.is_empty(), "the draft shows in {leaks:?}");
    assert!(project.output().join("den-a/index.html").is_file());
}

#[test]
fn posters_leave_a_draft_unprinted_and_out_of_the_ledger() {
    let project = with_a_draft("rank = \"provincial\"");
    printed(&project, &[])
        .success()
        .stderr_has(&[DRAFT_WARNING]);
    let ledger = project.read("plaques.toml");
    assert!(ledger.contains("id = \"DT01\""), "{ledger}");
    assert!(!ledger.contains("id = \"DT02\""), "{ledger}");
    assert!(!project.output().join("posters/DT02-a4.svg").exists());

    printed(&project, &["DT02"]).failure().stderr_has(&[
        "error: DT02 (sites/chua-b/index.md) is a draft, so it cannot be printed; remove the line draft = true first\n",
    ]);
}

#[test]
fn check_shows_a_draft_s_mistakes_as_warnings_and_passes() {
    // A wrong word, a missing summary, and TOML that does not parse: none fails a draft.
    for (mistake, shown) in [
        ("rank = \"quoc gia\"", "warning: unknown rank \"quoc gia\""),
        (
            "rank = \"national\"\nsummary = \"x\"\nsummary = \"y\"",
            "warning: duplicate key",
        ),
        ("rank = quoc gia", "warning: text values must be quoted"),
    ] {
        let project = with_a_draft(mistake);
        let check = project.ditich(&["check"]);
        assert_eq!(check.code, Some(0), "{mistake}:\n{}", check.stderr);
        assert!(check.stderr.contains(DRAFT_WARNING), "{}", check.stderr);
        assert!(check.stderr.contains(shown), "{mistake}:\n{}", check.stderr);
        assert!(!check.stderr.contains("error"), "{}", check.stderr);
        project.build().success();
    }

    let project = with_a_draft("rank = \"national\"");
    project.edit(
        "sites/chua-b/index.md",
        "summary = \"Một ngôi chùa để thử.\"\n",
        "",
    );
    let check = project.ditich(&["check"]).success();
    assert!(
        check
            .stderr
            .contains("sites/chua-b/index.md:1:1: warning: required key `summary` is missing"),
        "{}",
        check.stderr
    );
}

#[test]
fn a_published_draft_is_checked_again_and_a_draft_false_is_published() {
    let project = with_a_draft("rank = \"quoc gia\"");
    project.build().success();
    project.edit("sites/chua-b/index.md", "draft = true", "draft = false");
    project
        .build()
        .failure()
        .stderr_has(&["sites/chua-b/index.md:5:8: error: unknown rank \"quoc gia\""]);
    project.edit("sites/chua-b/index.md", "\"quoc gia\"", "\"provincial\"");
    let run = project.build().success();
    assert!(!run.stderr.contains("draft"), "{}", run.stderr);
    assert!(project.output().join("chua-b/index.html").is_file());
    assert!(project.output().join("Q/DT02/index.html").is_file());
}

#[test]
fn a_link_to_a_draft_says_it_is_a_draft() {
    let project = with_a_draft("rank = \"provincial\"");
    project.edit(
        "sites/den-a/index.md",
        "Đền thờ[^1].",
        "Đền thờ[^1]. Xem [Chùa B](@/chua-b).",
    );
    project.build().failure().stderr_has(&[
        "sites/den-a/index.md:16:",
        "error: the relic `chua-b` is a draft, so it has no page yet",
    ]);
}

#[test]
fn a_printed_relic_cannot_become_a_draft() {
    let project = Project::fixture("two-relics");
    printed(&project, &[]).success();
    let before = files(&project.output());
    project.edit(
        "sites/chua-b/index.md",
        "rank = \"provincial\"\n",
        "draft = true\nrank = \"provincial\"\n",
    );
    project.edit("sites/den-a/index.md", " Xem [Chùa B](@/chua-b).", "");
    project.edit("sites/den-a/index.en.md", " See [Pagoda B](@/chua-b).", "");
    project.build().failure().stderr_has(&[
        "sites/chua-b/index.md:4:1: error: plaque DT02 is printed, so this relic cannot be a draft: its QR code would open nothing",
        "help: remove the line draft = true so the relic's page stays published; if the relic is gone, run ditich retire chua-b --to <the ID of the relic its plaque should open>",
    ]);
    assert_eq!(files(&project.output()), before, "the published site stays");
    project.ditich(&["check"]).failure();

    // A retired plaque may not open a draft either.
    let ledger = project.read("plaques.toml");
    project.write(
        "plaques.toml",
        format!(
            "{ledger}\n[[plaque]]\nid = \"DT09\"\nurl = \"https://EXAMPLE.GOV.VN/du-lich/Q/DT09/\"\nfirst_printed = 2026-01-02\nretired = true\nredirect = \"DT02\"\n"
        ),
    );
    project
        .build()
        .failure()
        .stderr_has(&["error: retired plaque DT09 redirects to DT02, which is a draft"]);
}

#[test]
fn a_translation_alone_cannot_be_a_draft() {
    let project = Project::fixture("two-relics");
    project.edit(
        "sites/den-a/index.en.md",
        "summary = \"A temple for testing.\"\n",
        "summary = \"A temple for testing.\"\ndraft = true\n",
    );
    project.build().failure().stderr_has(&[
        "sites/den-a/index.en.md:5:9: error: a translation cannot be a draft on its own",
        "help: remove this line; write draft = true in sites/den-a/index.md to hold back the whole relic",
    ]);
    project.edit("sites/den-a/index.en.md", "draft = true", "draft = false");
    project.build().success();
}

#[test]
fn a_draft_with_a_published_relic_s_id_passes_with_a_warning() {
    let project = with_a_draft("rank = \"provincial\"");
    project.edit("sites/chua-b/index.md", "id = \"DT02\"", "id = \"DT01\"");
    project.ditich(&["check"]).success().stderr_has(&[
        "sites/chua-b/index.md: warning: id \"DT01\" is already used by sites/den-a/index.md",
    ]);
    let build = project.build().success();
    assert!(!build.stderr.contains("đã dùng"), "{}", build.stderr);
    assert!(project.read("output/Q/DT01/index.html").contains("den-a/"));
}

#[test]
fn a_draft_line_below_a_table_is_not_lost() {
    let project = Project::fixture("two-relics");
    project.edit(
        "sites/chua-b/index.md",
        "summary = \"Một ngôi chùa để thử.\"\n",
        "summary = \"Một ngôi chùa để thử.\"\n[extra]\nmau = \"đỏ\"\ndraft = true\n",
    );
    project.build().failure().stderr_has(&[
        "sites/chua-b/index.md: error: draft = true is inside [extra], where it does nothing",
        "help: move that line up, above [extra]",
    ]);
    assert!(!project.output().exists(), "nothing was published");

    project.edit(
        "sites/chua-b/index.md",
        "[extra]\nmau = \"đỏ\"\ndraft = true\n",
        "[[photos]]\nfile = \"anh.jpg\"\ndraft = true\n",
    );
    project.build().failure().stderr_has(&[
        "sites/chua-b/index.md:9:1: error: unknown key `draft`",
        "help: move this line up, above the first [[photos]] or [extra]: `draft` belongs to the relic",
    ]);
}
