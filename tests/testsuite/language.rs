//! Vietnamese or English: what the officer reads follows the computer's language, or
//! `messages` in site.toml.

use crate::project::{Project, Run};

/// `ditich args…` in `project`, with the locale `LC_ALL` names.
fn in_locale(project: &Project, locale: &str, args: &[&str]) -> Run {
    Run::from(
        project
            .command(args)
            .env("LC_ALL", locale)
            .output()
            .unwrap(),
    )
}

#[test]
fn help_is_vietnamese_when_the_computer_speaks_it() {
    let project = Project::fixture("two-relics");
    let run = in_locale(&project, "vi_VN.UTF-8", &["--help"]).success();
    for words in [
        "Cách dùng:",
        "Lệnh:",
        "Tùy chọn:",
        "Kiểm tra dự án",
        "Ví dụ:",
        "In trợ giúp",
    ] {
        assert!(
            run.stdout.contains(words),
            "no {words:?} in:\n{}",
            run.stdout
        );
    }
    assert!(!run.stdout.contains("Usage:"), "{}", run.stdout);
    let run = in_locale(&project, "vi_VN.UTF-8", &["build", "--help"]).success();
    assert!(run.stdout.contains("Nơi ghi trang web"), "{}", run.stdout);
    assert!(run.stdout.contains("Thư mục dự án"), "{}", run.stdout);
    // clap's own `[default: …]` and list of values, in Vietnamese too.
    let run = in_locale(&project, "vi_VN.UTF-8", &["check", "--help"]).success();
    for words in [
        "Các giá trị:",
        "- json: Một tài liệu JSON",
        "[mặc định: human]",
    ] {
        assert!(
            run.stdout.contains(words),
            "no {words:?} in:\n{}",
            run.stdout
        );
    }
    assert!(!run.stdout.contains("default:"), "{}", run.stdout);
    let run = in_locale(&project, "vi_VN.UTF-8", &["help", "posters"]).success();
    assert!(run.stdout.contains("plaques.toml"), "{}", run.stdout);
    assert!(!run.stdout.contains("Print help"), "{}", run.stdout);
}

#[test]
fn help_is_english_otherwise() {
    let project = Project::fixture("two-relics");
    for locale in ["C", "en_US.UTF-8"] {
        let run = in_locale(&project, locale, &["build", "--help"]).success();
        assert!(run.stdout.contains("Usage: ditich build"), "{}", run.stdout);
        assert!(
            run.stdout.contains("Where to write the site"),
            "{}",
            run.stdout
        );
    }
    // LC_ALL outranks LANG.
    let run = Run::from(
        project
            .command(&["--help"])
            .env("LANG", "vi_VN.UTF-8")
            .output()
            .unwrap(),
    )
    .success();
    assert!(run.stdout.contains("Usage:"), "{}", run.stdout);
}

#[test]
fn site_toml_can_choose_the_language() {
    let project = Project::fixture("two-relics");
    let site = project.read("site.toml");
    project.write("site.toml", format!("messages = \"vi\"\n{site}"));
    let run = in_locale(&project, "C", &["check", "--help"]).success();
    assert!(run.stdout.contains("Cách dùng:"), "{}", run.stdout);
    project.write("site.toml", format!("messages = \"en\"\n{site}"));
    let run = in_locale(&project, "vi_VN.UTF-8", &["check", "--help"]).success();
    assert!(run.stdout.contains("Usage:"), "{}", run.stdout);
    project.write("site.toml", format!("messages = \"fr\"\n{site}"));
    in_locale(&project, "C", &["check"]).failure().stderr_has(&[
        "site.toml:1:12: error: `messages` \"fr\" is not a language",
        "write messages = \"vi\"",
    ]);
}

#[test]
fn diagnostics_and_summaries_speak_vietnamese_when_the_computer_does() {
    let project = Project::fixture("two-relics");
    project.edit("sites/chua-b/index.md", "\"provincial\"", "\"cấp tỉnh\"");
    project.edit("site.toml", "base_url = \"", "base_url = \"longthanh/");
    let run = in_locale(&project, "vi_VN.UTF-8", &["build"]).failure();
    run.stderr_has(&[
        "site.toml:",
        ": lỗi: `base_url` \"longthanh/",
        "không phải một địa chỉ web",
        "= gợi ý: ghi đầy đủ địa chỉ",
        "lỗi: dự án có 1 lỗi; thư mục output không bị thay đổi",
    ]);
    let base = project
        .read("site.toml")
        .replace("base_url = \"longthanh/", "base_url = \"");
    project.write("site.toml", base);
    let run = in_locale(&project, "vi_VN.UTF-8", &["check"]).failure();
    run.stderr_has(&[
        "sites/chua-b/index.md:4:8: lỗi: cấp xếp hạng \"cấp tỉnh\"",
        "= gợi ý: \"cấp tỉnh\" là từ tiếng Việt của \"provincial\": viết rank = \"provincial\"",
        "lỗi: không có di tích nào ở thư mục `chua-b`",
        "cảnh báo: ảnh bìa chưa có lời mô tả",
        "đã kiểm tra 2 di tích: 3 lỗi, 1 cảnh báo",
    ]);
    // Scripts read the same JSON fields, the words in the officer's language.
    let run = in_locale(&project, "vi_VN.UTF-8", &["check", "--format", "json"]).failure();
    assert!(
        run.stdout
            .contains("\"message\": \"cấp xếp hạng \\\"cấp tỉnh\\\""),
        "{}",
        run.stdout
    );
    // And in English as before.
    in_locale(&project, "C", &["check"]).failure().stderr_has(&[
        "error: unknown rank \"cấp tỉnh\"",
        "checked 2 relics: 3 errors, 1 warning",
    ]);
}
