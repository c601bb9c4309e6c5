//! The culture officer's commands: `new`, `check` and what every command prints.

use crate::project::Project;

/// 2026-11-29, so scaffolded dates do not depend on the day the tests run.
const A_DAY: &str = "1795910400";

#[test]
fn new_scaffolds_a_relic_that_checks_and_builds() {
    let project = Project::fixture("two-relics");
    let run = project
        .command(&["new", "Đền Cả"])
        .env("SOURCE_DATE_EPOCH", A_DAY)
        .output()
        .unwrap();
    let run = crate::project::Run::from(run);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(
        run.stderr
            .contains("created sites/den-ca/index.md with the code DT03"),
        "{}",
        run.stderr
    );
    insta::assert_snapshot!("new_relic", project.read("sites/den-ca/index.md"));

    // The same name again gets its own folder and the next code.
    let again = project.ditich(&["new", "Đền Cả"]);
    assert!(
        again
            .stderr
            .contains("sites/den-ca-2/index.md with the code DT04")
    );

    let check = project.ditich(&["check"]);
    assert_eq!(check.code, Some(0), "{}", check.stderr);
    assert!(
        check.stderr.contains(
            "sites/den-ca/index.md:20:11: warning: the summary is still the example `ditich new` wrote"
        ),
        "{}",
        check.stderr
    );
    assert!(
        check.stderr.ends_with("checked 4 relics: 3 warnings\n"),
        "{}",
        check.stderr
    );
    let build = project.build();
    assert_eq!(build.code, Some(0), "{}", build.stderr);
    assert!(project.output().join("den-ca/index.html").is_file());
}

#[test]
fn new_refuses_a_code_in_use_and_a_name_without_letters() {
    let project = Project::fixture("two-relics");
    project.write(
        "plaques.toml",
        "[[plaque]]\nid = \"DT09\"\nurl = \"https://EXAMPLE.GOV.VN/du-lich/Q/DT09/\"\nfirst_printed = 2026-01-02\nretired = true\nredirect = \"DT01\"\n",
    );
    let taken = project.ditich(&["new", "Chùa Cổ", "--id", "dt09"]);
    assert_eq!(taken.code, Some(1));
    assert_eq!(
        taken.stderr,
        "error: the id DT09 is already used by a relic or a printed plaque\n"
    );
    // A retired code is never handed out again: after DT09 comes DT10.
    let next = project.ditich(&["new", "Chùa Cổ"]);
    assert!(
        next.stderr.contains("with the code DT10"),
        "{}",
        next.stderr
    );
    let empty = project.ditich(&["new", "?!"]);
    assert_eq!(empty.code, Some(1));
    assert!(
        empty.stderr.contains("has no letter or digit"),
        "{}",
        empty.stderr
    );
}

#[test]
fn check_reports_every_problem_like_a_compiler_and_writes_nothing() {
    let project = Project::fixture("two-relics");
    project.edit(
        "sites/den-a/index.md",
        "rank = \"national\"",
        "rank = \"quoc gia\"",
    );
    project.edit(
        "sites/chua-b/index.md",
        "category = \"pagoda\"",
        "category = \"chua\"",
    );
    let run = project.ditich(&["check"]);
    assert_eq!(run.code, Some(1));
    assert_eq!(run.stdout, "");
    insta::assert_snapshot!("check_errors", run.stderr);
    assert!(!project.output().exists(), "check wrote the output folder");
    assert!(
        !project.path(".ditich-cache").exists(),
        "check wrote the cache"
    );

    let json = project.ditich(&["check", "--format", "json"]);
    assert_eq!(json.code, Some(1));
    let report: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(report["relics"], 2);
    assert_eq!(report["errors"], 2);
    let first = &report["diagnostics"][0];
    assert_eq!(first["severity"], "error");
    assert_eq!(first["file"], "sites/chua-b/index.md");
    assert_eq!(first["location"]["line"], 5);
    assert!(first["help"].as_str().unwrap().contains("\"pagoda\""));
}

#[test]
fn warnings_fail_check_only_when_strict() {
    let project = Project::fixture("two-relics");
    // The fixture's one warning: a cover photo without a description.
    let check = project.ditich(&["check"]);
    assert_eq!(check.code, Some(0));
    assert!(check.stderr.ends_with("checked 2 relics: 1 warning\n"));
    // An officer never sees the exit status: the last line must say the check failed.
    let strict = project.ditich(&["check", "--strict"]);
    assert_eq!(strict.code, Some(1));
    assert!(strict.stderr.ends_with(
        "checked 2 relics: 1 warning; failed because --strict counts warnings as errors\n"
    ));
    let usage = project.ditich(&["check", "--format", "xml"]);
    assert_eq!(usage.code, Some(2));
}

#[test]
fn check_fix_rewrites_decomposed_text_in_nfc() {
    use unicode_normalization::UnicodeNormalization as _;
    let project = Project::fixture("two-relics");
    let nfc = project.read("sites/den-a/index.md");
    let nfd: String = nfc.nfd().collect();
    project.write("sites/den-a/index.md", &nfd);
    let before = std::fs::metadata(project.path("sites/chua-b/index.md"))
        .unwrap()
        .modified()
        .unwrap();

    let warned = project.ditich(&["check"]);
    assert_eq!(warned.code, Some(0));
    assert!(
        warned
            .stderr
            .contains("sites/den-a/index.md:3:10: warning: the text is not in Unicode NFC form"),
        "{}",
        warned.stderr
    );

    let fixed = project.ditich(&["check", "--fix"]);
    assert_eq!(fixed.code, Some(0));
    assert!(
        fixed.stderr.starts_with(
            "fixed sites/den-a/index.md: letters stored decomposed were rewritten in NFC\n"
        ),
        "{}",
        fixed.stderr
    );
    assert_eq!(project.read("sites/den-a/index.md"), nfc);
    let after = std::fs::metadata(project.path("sites/chua-b/index.md"))
        .unwrap()
        .modified()
        .unwrap();
    assert_eq!(before, after, "a file that needed no fix was rewritten");
    assert!(!project.ditich(&["check"]).stderr.contains("NFC"));
}

#[test]
fn output_is_one_line_plain_when_piped_and_silent_when_quiet() {
    let project = Project::fixture("two-relics");
    let run = project.build();
    let lines: Vec<&str> = run.stderr.lines().collect();
    let summary = lines.last().unwrap();
    assert!(
        summary.starts_with("built 2 relics: 15 pages and 6 print files, 1 warning in output ("),
        "{summary}"
    );
    assert!(
        !run.stderr.contains('\x1b'),
        "colour in a pipe: {}",
        run.stderr
    );

    let quiet = project.ditich(&["build", "--quiet"]);
    assert_eq!((quiet.code, quiet.stderr.as_str()), (Some(0), ""));

    let verbose = project.ditich(&["build", "-v"]);
    for stage in ["pages: ", "print files: ", "publishing: "] {
        assert!(verbose.stderr.contains(stage), "{}", verbose.stderr);
    }

    let forced = project
        .command(&["build"])
        .env("CLICOLOR_FORCE", "1")
        .output()
        .unwrap();
    let forced = String::from_utf8(forced.stderr).unwrap();
    assert!(forced.contains("\x1b["), "no colour when forced: {forced}");
    let none = project
        .command(&["build"])
        .env("CLICOLOR_FORCE", "1")
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let none = String::from_utf8(none.stderr).unwrap();
    assert!(!none.contains('\x1b'), "colour despite NO_COLOR: {none}");
}

/// Real sentences, as an officer might paste them from an old dossier.
const HISTORY: &str = "Đền thờ Thành hoàng làng, được xây dựng vào thời Lê, trùng tu năm 1925.";
const RANKING: &str =
    "Di tích lịch sử văn hoá cấp tỉnh, xếp hạng theo quyết định của Uỷ ban nhân dân tỉnh Nghệ An.";

/// `text` as Windows-1258 writes it: letters with their circumflex, breve or horn, then the
/// tone as a combining mark.
fn windows_1258(text: &str) -> Vec<u8> {
    use unicode_normalization::UnicodeNormalization as _;
    const TONES: [char; 5] = ['\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}'];
    let mut split = String::new();
    for c in text.chars() {
        let (tone, letter): (String, String) = c.nfd().partition(|m| TONES.contains(m));
        split.extend(letter.nfc());
        split.push_str(&tone);
    }
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1258.encode(&split);
    assert!(!unmappable, "{text}");
    bytes.into_owned()
}

#[test]
fn check_finds_legacy_encodings_and_fix_converts_them() {
    use ditich::legacy::{Encoding, to_mojibake};
    let project = Project::fixture("two-relics");
    let den = project.read("sites/den-a/index.md") + "\n" + HISTORY + "\n";
    project.write("sites/den-a/index.md", windows_1258(&den));
    let chua = project.read("sites/chua-b/index.md");
    let pasted = format!(
        "{chua}\n{}\n\n{}\n",
        to_mojibake(HISTORY, Encoding::Tcvn3),
        to_mojibake(RANKING, Encoding::Vni)
    );
    project.write("sites/chua-b/index.md", &pasted);

    let check = project.ditich(&["check"]);
    assert_eq!(check.code, Some(0), "{}", check.stderr);
    insta::assert_snapshot!("check_legacy", check.stderr);
    // Read as Windows-1258, the page is already right.
    project.build().success();
    assert!(project.read("output/den-a/index.html").contains(HISTORY));

    let fixed = project.ditich(&["check", "--fix"]);
    assert_eq!(fixed.code, Some(0));
    assert!(
        fixed.stderr.starts_with(
            "fixed sites/chua-b/index.md: 1 line typed in TCVN3 (ABC) converted to Unicode; 1 line typed in VNI converted to Unicode\n\
             fixed sites/den-a/index.md: converted from Windows-1258 to UTF-8\n"
        ),
        "{}",
        fixed.stderr
    );
    assert_eq!(project.read("sites/den-a/index.md"), den);
    assert_eq!(
        project.read("sites/chua-b/index.md"),
        format!("{chua}\n{HISTORY}\n\n{RANKING}\n")
    );
    let after = project.ditich(&["check"]);
    assert!(
        after.stderr.ends_with("checked 2 relics: 1 warning\n"),
        "{}",
        after.stderr
    );
}

#[test]
fn check_warns_about_photos_too_small_or_too_heavy() {
    let project = Project::fixture("two-relics");
    project.write("sites/chua-b/nho.jpg", crate::build::jpeg(600, 400));
    // A real photo with 6 MB after its end, as some cameras and editors leave.
    let mut heavy = std::fs::read(project.path("sites/den-a/cover.jpg")).unwrap();
    heavy.resize(heavy.len() + 6 * 1024 * 1024, 0);
    project.write("sites/chua-b/nang.jpg", heavy);
    project.edit(
        "sites/chua-b/index.md",
        "+++\n\nChùa.",
        "[[photos]]\nfile = \"nho.jpg\"\nalt = \"Cổng\"\n\n[[photos]]\nfile = \"nang.jpg\"\nalt = \"Sân\"\n+++\n\nChùa.",
    );
    let run = project.ditich(&["check"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    for expected in [
        "sites/chua-b/nang.jpg: warning: this photo is 6.0 MB; photos over 5 MB slow down every build and copy",
        "sites/chua-b/nho.jpg: warning: this photo is only 600 px wide; phones show photos under 800 px blurred",
    ] {
        assert!(run.stderr.contains(expected), "{expected}\n{}", run.stderr);
    }
}
