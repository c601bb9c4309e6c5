//! `ditich rename` and `ditich retire`: a relic's folder renamed or taken off the site, with
//! plaques.toml and the other relics' links brought along, so that every printed code still
//! opens a page and the next build passes.

use std::collections::BTreeMap;

use crate::posters::printed;
use crate::project::{Project, Run, files};

/// Everything an officer keeps: the relics, the retired ones and the ledger.
fn sources(project: &Project) -> BTreeMap<String, Vec<u8>> {
    let mut all = files(&project.path("sites"));
    if project.path("retired").exists() {
        all.extend(
            files(&project.path("retired"))
                .into_iter()
                .map(|(name, bytes)| (format!("retired/{name}"), bytes)),
        );
    }
    if project.path("plaques.toml").exists() {
        all.insert("plaques.toml".into(), project.read("plaques.toml").into());
    }
    all
}

/// Runs `args`, which must fail with `expected` (Vietnamese, then English) and change nothing.
#[track_caller]
fn refused(project: &Project, args: &[&str], expected: &[&str]) -> Run {
    let before = sources(project);
    let run = project.ditich(args).failure().stderr_has(expected);
    assert_eq!(sources(project), before, "{args:?} changed files");
    run
}

/// The two-relic project with both codes printed, and a comment of the officer's in the
/// ledger.
fn printed_project() -> Project {
    let project = Project::fixture("two-relics");
    printed(&project, &[]).success();
    project.edit(
        "plaques.toml",
        "folder = \"sites/chua-b\"",
        "# biển gắn ở cổng chùa\nfolder = \"sites/chua-b\" # thư mục",
    );
    project
}

#[test]
fn rename_moves_the_page_keeps_the_plaque_and_brings_the_ledger_and_links_along() {
    let project = printed_project();
    project.ditich(&["rename", "chua-b", "chua-b-moi"]).success().stderr_has(&[
        "Đã đổi tên thư mục sites/chua-b thành sites/chua-b-moi. Địa chỉ trang của di tích đổi từ https://example.gov.vn/du-lich/chua-b/ thành https://example.gov.vn/du-lich/chua-b-moi/; địa chỉ trên biển QR, https://EXAMPLE.GOV.VN/du-lich/Q/DT02/, không đổi.",
        "plaques.toml đã ghi thư mục mới. Đã sửa liên kết trong sites/den-a/index.en.md, sites/den-a/index.md.\n",
        "Renamed sites/chua-b to sites/chua-b-moi. The relic's page address changes from https://example.gov.vn/du-lich/chua-b/ to https://example.gov.vn/du-lich/chua-b-moi/; its plaque address, https://EXAMPLE.GOV.VN/du-lich/Q/DT02/, does not change.",
        "plaques.toml records the new folder. Updated the links in sites/den-a/index.en.md, sites/den-a/index.md.\n",
    ]);
    assert!(!project.path("sites/chua-b").exists());
    assert!(project.path("sites/chua-b-moi/index.md").is_file());
    let ledger = project.read("plaques.toml");
    assert!(
        ledger.contains("# biển gắn ở cổng chùa\nfolder = \"sites/chua-b-moi\" # thư mục\n"),
        "{ledger}"
    );
    assert!(ledger.contains("id = \"DT02\""), "{ledger}");
    assert!(
        project
            .read("sites/den-a/index.md")
            .contains("[Chùa B](@/chua-b-moi)")
    );
    assert!(
        project
            .read("sites/den-a/index.en.md")
            .contains("[Pagoda B](@/chua-b-moi)")
    );

    let run = project.build().success();
    assert!(!run.stderr.contains("plaques.toml"), "{}", run.stderr);
    assert!(project.output().join("chua-b-moi/index.html").is_file());
    assert!(!project.output().join("chua-b").exists());
    assert!(
        project
            .read("output/Q/DT02/index.html")
            .contains("chua-b-moi/")
    );
}

#[test]
fn rename_refuses_a_bad_name_an_unknown_folder_and_a_name_in_use() {
    let project = printed_project();
    refused(
        &project,
        &["rename", "chua-b", "Chùa B mới"],
        &[
            "error: “Chùa B mới” không dùng được làm tên thư mục: chỉ dùng chữ thường không dấu, chữ số và dấu gạch nối, ví dụ chua-b-moi\n",
            "\"Chùa B mới\" cannot be a folder name: use small letters without accents, digits and hyphens, e.g. chua-b-moi\n",
        ],
    );
    refused(
        &project,
        &["rename", "chua-b", "?!"],
        &["không dùng được làm tên thư mục", "e.g. den-ca\n"],
    );
    refused(
        &project,
        &["rename", "chua-c", "chua-moi"],
        &[
            "error: không có di tích nào ở thư mục sites/chua-c. Có phải là chua-b? Các thư mục di tích: chua-b, den-a\n",
            "there is no relic in the folder sites/chua-c. Did you mean chua-b? The relics' folders are: chua-b, den-a\n",
        ],
    );
    refused(
        &project,
        &["rename", "chua-b", "den-a"],
        &[
            "error: đã có thư mục sites/den-a; hãy chọn tên khác\n",
            "the folder sites/den-a already exists; choose another name\n",
        ],
    );
    refused(
        &project,
        &["rename", "chua-b", "chua-b"],
        &[
            "error: di tích đã ở thư mục sites/chua-b; hãy gõ tên mới\n",
            "the relic is already in sites/chua-b; type the new name\n",
        ],
    );
    refused(
        &project,
        &["rename", "chua-b", "kiosk"],
        &[
            "error: trang web dùng sẵn địa chỉ /kiosk/",
            "the site itself uses the address /kiosk/, so a relic's folder cannot be called kiosk",
        ],
    );
    project.write("sites/ghi-chu", "một tệp, không phải thư mục");
    refused(
        &project,
        &["rename", "chua-b", "ghi-chu"],
        &["error: đã có thư mục sites/ghi-chu; hãy chọn tên khác\n"],
    );
    std::fs::remove_file(project.path("sites/ghi-chu")).unwrap();
    // A folder typed as `sites/…` is understood.
    project
        .ditich(&["rename", "sites/den-a/", "sites/den-a-moi"])
        .success()
        .stderr_has(&["Renamed sites/den-a to sites/den-a-moi."]);
    project.build().success();
}

#[test]
fn retiring_a_printed_relic_sends_its_plaque_to_another_and_keeps_its_photos() {
    let project = printed_project();
    project
        .ditich(&["retire", "den-a", "--to", "dt02"])
        .success()
        .stderr_has(&[
            "Đã chuyển sites/den-a sang retired/den-a: di tích không còn trên trang web; bài viết và ảnh vẫn giữ nguyên ở đó. Biển DT01 đã in nay mở trang của DT02 (sites/chua-b); plaques.toml đã ghi retired = true và redirect = \"DT02\".\n",
            "Moved sites/den-a to retired/den-a: the relic is no longer on the site; its texts and photos are kept there. Printed plaque DT01 now opens DT02 (sites/chua-b); plaques.toml records retired = true and redirect = \"DT02\".\n",
        ]);
    assert!(!project.path("sites/den-a").exists());
    for kept in ["index.md", "index.en.md", "cover.jpg"] {
        assert!(project.path("retired/den-a").join(kept).is_file(), "{kept}");
    }
    let ledger = project.read("plaques.toml");
    assert!(
        ledger.contains(
            "folder = \"sites/den-a\"\nname = \"Đền A\"\nretired = true\nredirect = \"DT02\"\n"
        ),
        "{ledger}"
    );
    assert!(ledger.contains("# biển gắn ở cổng chùa\n"), "{ledger}");

    project.build().success();
    assert!(!project.output().join("den-a").exists());
    for landing in ["Q/DT01/index.html", "q/dt01/index.html"] {
        let page = project.read(&format!("output/{landing}"));
        assert!(page.contains("chua-b/"), "{landing}: {page}");
    }

    // Retiring the relic a retired plaque opens moves that plaque on as well.
    project.ditich(&["new", "Chùa Bụt"]).success();
    project
        .ditich(&["retire", "chua-b", "--to", "DT03"])
        .success()
        .stderr_has(&["Biển DT01, DT02 đã in nay mở trang của DT03 (sites/chua-but)"]);
    let ledger = project.read("plaques.toml");
    assert_eq!(ledger.matches("redirect = \"DT03\"").count(), 2, "{ledger}");
    project.build().success();
    assert!(
        project
            .read("output/Q/DT01/index.html")
            .contains("chua-but/")
    );
    assert!(
        project
            .read("output/Q/DT02/index.html")
            .contains("chua-but/")
    );
}

#[test]
fn retire_refuses_a_printed_relic_without_a_redirect_and_a_bad_redirect() {
    let project = printed_project();
    project.ditich(&["new", "Chùa Bụt"]).success();
    project.edit(
        "sites/chua-but/index.md",
        "updated = ",
        "draft = true\nupdated = ",
    );
    refused(
        &project,
        &["retire", "chua-b"],
        &[
            "error: biển DT02 của di tích này đã in, nên mã QR trên biển phải mở một di tích khác: chạy ditich retire chua-b --to <mã di tích đó>, ví dụ --to DT01\n",
            "plaque DT02 of this relic is printed, so its QR code must open another relic: run ditich retire chua-b --to <that relic's ID>, e.g. --to DT01\n",
        ],
    );
    refused(
        &project,
        &["retire", "chua-b", "--to", "DT09"],
        &[
            "error: không có di tích nào (đã xuất bản) mang mã DT09; các mã là DT01\n",
            "no published relic has the ID DT09; the IDs are DT01\n",
        ],
    );
    refused(
        &project,
        &["retire", "chua-b", "--to", "DT02"],
        &[
            "error: biển DT02 không thể chuyển tới chính di tích đang thôi dùng",
            "plaque DT02 cannot redirect to the relic being retired; give the ID of another relic\n",
        ],
    );
    refused(
        &project,
        &["retire", "chua-b", "--to", "DT03"],
        &[
            "error: di tích DT03 (sites/chua-but/index.md) là bản nháp, chưa có trang để biển mở",
            "relic DT03 (sites/chua-but/index.md) is a draft, with no page for the plaque to open; choose a published relic, or publish it first (remove the line draft = true)\n",
        ],
    );
    refused(
        &project,
        &["retire", "chua-x", "--to", "DT01"],
        &["error: không có di tích nào ở thư mục sites/chua-x. Có phải là chua-b?"],
    );
    project.write(
        "site.toml",
        format!(
            "{}\n[kiosk]\nrelics = [\"DT02\"]\n",
            project.read("site.toml")
        ),
    );
    refused(
        &project,
        &["retire", "chua-b", "--to", "DT01"],
        &[
            "error: site.toml liệt kê DT02 trong [kiosk] relics; hãy xoá DT02 khỏi danh sách ấy trước\n",
            "site.toml lists DT02 in [kiosk] relics; remove DT02 from that list first\n",
        ],
    );
}

#[test]
fn an_unprinted_relic_retires_without_a_redirect_unless_others_link_to_it() {
    let project = Project::fixture("two-relics");
    project.ditich(&["new", "Chùa Bụt"]).success();
    project
        .ditich(&["retire", "chua-but"])
        .success()
        .stderr_has(&[
            "Đã chuyển sites/chua-but sang retired/chua-but: di tích không còn trên trang web; bài viết và ảnh vẫn giữ nguyên ở đó. Mã DT03 chưa in trên biển nào.\n",
            "Its code DT03 was never printed on a plaque.\n",
        ]);
    assert!(project.path("retired/chua-but/index.md").is_file());
    assert!(!project.path("plaques.toml").exists());
    project.build().success();

    // Đền A links to Chùa B: retired alone, the link would lead nowhere.
    refused(
        &project,
        &["retire", "chua-b"],
        &[
            "error: bài trong sites/den-a/index.en.md, sites/den-a/index.md dẫn sang sites/chua-b; hãy bỏ các liên kết ấy, hoặc thêm --to <mã di tích> để chúng dẫn sang di tích đó\n",
            "sites/den-a/index.en.md, sites/den-a/index.md link to sites/chua-b; remove those links, or add --to <ID> to send them to that relic\n",
        ],
    );
    // A second relic of the same folder name retired later is kept beside the first.
    project.ditich(&["new", "Chùa Bụt"]).success();
    project
        .ditich(&["retire", "chua-but"])
        .success()
        .stderr_has(&["retired/chua-but-2"]);

    project
        .ditich(&["retire", "chua-b", "--to", "DT01"])
        .success()
        .stderr_has(&["Updated the links in sites/den-a/index.en.md, sites/den-a/index.md to lead to sites/den-a."]);
    assert!(
        !project.path("plaques.toml").exists(),
        "nothing was printed"
    );
    assert!(
        project
            .read("sites/den-a/index.md")
            .contains("[Chùa B](@/den-a)")
    );
    project.build().success();
    assert!(!project.output().join("Q/DT02").exists());
}
