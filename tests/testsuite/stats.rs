//! `ditich stats`: scans counted from generated access logs, one plain and one gzipped, with
//! every kind of line a real server writes and a few it should not; outputs as snapshots.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use tempfile::TempDir;

use crate::project::{Project, Run};

/// The fixture's `base_url` is `https://example.gov.vn/du-lich/`; its relics are DT01 (Đền A)
/// and DT02 (Chùa B).
fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/two-relics")
}

/// March, rotated and compressed, 9 lines without a final line break:
/// 1–2 one visitor twice, the second time from the browser's cache (304); 3 an IPv6 visitor;
/// 4 typed from the plaque, in the common format; 5 a search engine's bot; 6 a code no relic
/// has; 7 not a log line; 8 a scan with a query string; 9 another page.
const MARCH: &str = r#"203.0.113.7 - - [30/Mar/2026:08:05:09 +0700] "GET /du-lich/Q/DT01/ HTTP/1.1" 200 5120 "-" "Mozilla/5.0 (Linux; Android 14; SM-A155F) Zalo"
203.0.113.7 - - [30/Mar/2026:08:06:10 +0700] "GET /du-lich/Q/DT01/ HTTP/1.1" 304 0 "-" "Mozilla/5.0 (Linux; Android 14; SM-A155F) Zalo"
2001:db8::1 - - [30/Mar/2026:09:00:00 +0700] "GET /du-lich/Q/DT01/ HTTP/2.0" 200 5120 "-" "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) Safari/604.1"
198.51.100.4 - - [31/Mar/2026:23:59:59 +0700] "GET /du-lich/q/dt02/ HTTP/1.1" 200 -
66.249.66.1 - - [31/Mar/2026:10:00:00 +0700] "GET /du-lich/Q/DT01/ HTTP/1.1" 200 5120 "-" "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"
203.0.113.8 - - [31/Mar/2026:11:00:00 +0700] "GET /du-lich/Q/DT09/ HTTP/1.1" 404 153 "-" "Mozilla/5.0 (Linux; Android 14; SM-A155F) Zalo"
this is not a log line
203.0.113.7 - - [31/Mar/2026:12:00:00 +0700] "GET /du-lich/Q/DT02/?utm_source=poster HTTP/1.1" 200 4096 "https://example.gov.vn/du-lich/" "Mozilla/5.0 (Linux; Android 14; SM-A155F) Zalo"
203.0.113.7 - - [31/Mar/2026:12:01:00 +0700] "GET /du-lich/ HTTP/1.1" 200 9000 "-" "Mozilla/5.0 (Linux; Android 14; SM-A155F) Zalo""#;

/// April, still plain, 13 lines, one blank:
/// 1 March's first visitor back; 2 a failed request; 3 a POST; 4–5 typed without the final
/// slash: the redirect is not a scan, the page it leads to is (the user agent has escaped
/// quotes); 6 not text (inserted by [`april`]); 7 a line without its size; 8 TLS bytes sent to
/// the HTTP port; 9 blank; 10 a bot; 11 a HEAD in the common format, with a CRLF line break;
/// 12 a link preview; 13 late on the 30th where the server is, already May in UTC: April.
const APRIL: &str = r#"203.0.113.7 - - [01/Apr/2026:07:00:00 +0700] "GET /du-lich/Q/DT01/ HTTP/1.1" 200 5120 "-" "Mozilla/5.0 (Linux; Android 14; SM-A155F) Zalo"
203.0.113.9 - - [01/Apr/2026:07:30:00 +0700] "GET /du-lich/Q/DT01/ HTTP/1.1" 500 0 "-" "Mozilla/5.0 (Linux; Android 14; SM-A155F) Zalo"
203.0.113.9 - - [01/Apr/2026:07:31:00 +0700] "POST /du-lich/Q/DT01/ HTTP/1.1" 200 0 "-" "Mozilla/5.0 (Linux; Android 14; SM-A155F) Zalo"
192.0.2.33 - - [02/Apr/2026:09:00:00 +0700] "GET /du-lich/q/dt01 HTTP/1.1" 301 169 "-" "Odd \"Quoted\" Browser/1.0"
192.0.2.33 - - [02/Apr/2026:09:00:01 +0700] "GET /du-lich/q/dt01/ HTTP/1.1" 200 5120 "-" "Odd \"Quoted\" Browser/1.0"
NOT TEXT
203.0.113.9 - - [02/Apr/2026:10:00:00 +0700] "GET /du-lich/Q/DT01/ HTTP/1.1" 200
198.51.100.77 - - [02/Apr/2026:10:05:00 +0700] "\x16\x03\x01\x00\xa5\x01\x00" 400 157 "-" "-"

40.77.167.5 - - [03/Apr/2026:01:00:00 +0700] "GET /du-lich/q/dt02/ HTTP/1.1" 200 4096 "-" "Mozilla/5.0 (compatible; bingbot/2.0)"
192.0.2.44 - - [15/Apr/2026:16:00:00 +0700] "HEAD /du-lich/Q/DT02/ HTTP/1.1" 200 -CRLF
192.0.2.45 - - [16/Apr/2026:10:00:00 +0700] "GET /du-lich/Q/DT02/ HTTP/1.1" 200 4096 "-" "WhatsApp/2.24 link PREVIEW"
2001:db8::2 - - [30/Apr/2026:23:30:00 -0500] "GET /du-lich/Q/DT01/ HTTP/1.1" 200 5120 "-" "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) Safari/604.1"
"#;

fn march() -> Vec<u8> {
    MARCH.as_bytes().to_vec()
}

fn april() -> Vec<u8> {
    let text = APRIL.replace("-CRLF\n", "-\r\n");
    let (before, after) = text.split_once("NOT TEXT").unwrap();
    [
        before.as_bytes(),
        b"\xff\xfe\x00\x01 binary \x8b\x1f",
        after.as_bytes(),
    ]
    .concat()
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}

/// A folder with `access.log.1.gz` (March) and `access.log` (April).
fn logs() -> TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("access.log.1.gz"), gzip(&march())).unwrap();
    std::fs::write(dir.path().join("access.log"), april()).unwrap();
    dir
}

/// `ditich stats --root <root> args…`, run in `dir`.
fn stats(dir: &Path, root: &Path, args: &[&str]) -> Run {
    Run::from(
        crate::project::binary()
            .arg("stats")
            .arg("--root")
            .arg(root)
            .args(args)
            .current_dir(dir)
            .output()
            .unwrap(),
    )
}

fn read(dir: &Path, name: &str) -> String {
    std::fs::read_to_string(dir.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

#[test]
fn scans_per_relic_and_month_from_plain_and_gzipped_logs() {
    let dir = logs();
    let run = stats(
        dir.path(),
        &fixture(),
        &[
            "access.log.1.gz",
            "access.log",
            "--csv",
            "scans.csv",
            "--svg",
            "scans.svg",
        ],
    )
    .success();
    insta::assert_snapshot!("stats_table", run.stdout);
    insta::assert_snapshot!("stats_summary", run.stderr);
    insta::assert_snapshot!("stats_csv_by_month", read(dir.path(), "scans.csv"));
    let svg = read(dir.path(), "scans.svg");
    insta::assert_snapshot!("stats_chart", svg);
    usvg::Tree::from_str(&svg, &usvg::Options::default()).expect("the chart is well-formed SVG");
}

#[test]
fn by_day_gives_a_row_per_relic_and_day() {
    let dir = logs();
    let run = stats(
        dir.path(),
        &fixture(),
        &[
            "access.log",
            "access.log.1.gz",
            "--by",
            "day",
            "--csv",
            "days.csv",
        ],
    )
    .success();
    insta::assert_snapshot!("stats_csv_by_day", read(dir.path(), "days.csv"));
    assert!(
        run.stdout
            .starts_with("ID    Relic       Day         Scans  Visitors\n"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("DT01  Đền A       2026-04-30      1         1\n"),
        "{}",
        run.stdout
    );
}

#[test]
fn the_order_of_the_logs_does_not_change_the_counts() {
    let dir = logs();
    let one = stats(dir.path(), &fixture(), &["access.log.1.gz", "access.log"]).success();
    let other = stats(dir.path(), &fixture(), &["access.log", "access.log.1.gz"]).success();
    assert_eq!(one.stdout, other.stdout);
}

#[test]
fn names_are_escaped_in_the_chart_and_quoted_in_the_csv() {
    let project = Project::fixture("two-relics");
    project.edit(
        "sites/chua-b/index.md",
        "name = \"Chùa B\"",
        r#"name = "Chùa \"B\" & <C>, xóm 1""#,
    );
    project.write("access.log", april());
    project
        .ditich(&[
            "stats",
            "access.log",
            "--csv",
            "scans.csv",
            "--svg",
            "scans.svg",
        ])
        .success();
    let svg = project.read("scans.svg");
    assert!(
        svg.contains("DT02 Chùa &quot;B&quot; &amp; &lt;C&gt;, xóm 1</text>"),
        "{svg}"
    );
    usvg::Tree::from_str(&svg, &usvg::Options::default()).expect("the chart is well-formed SVG");
    let csv = project.read("scans.csv");
    assert!(
        csv.contains(r#"2026-04,DT02,"Chùa ""B"" & <C>, xóm 1",1,1"#),
        "{csv}"
    );
}

#[test]
fn a_gzip_cut_short_is_counted_up_to_the_cut_with_a_warning() {
    let dir = logs();
    let whole = gzip(&march());
    std::fs::write(dir.path().join("cut.gz"), &whole[..whole.len() - 4]).unwrap();
    let run = stats(dir.path(), &fixture(), &["cut.gz"]).success();
    // The last line has no line break, so the cut may have shortened it: it is left out.
    run.stderr_has(&[
        "read 8 lines in 1 file: 5 scans",
        "\nwarning: cut.gz could not be read past line 8: unexpected end of file",
    ]);
}

#[test]
fn a_retired_code_counts_for_the_relic_it_now_opens() {
    let project = Project::fixture("two-relics");
    project.write(
        "plaques.toml",
        "[[plaque]]\nid = \"DT04\"\nurl = \"https://EXAMPLE.GOV.VN/du-lich/Q/DT04/\"\nfirst_printed = 2025-01-01\nretired = true\nredirect = \"DT02\"\n",
    );
    project.write(
        "access.log",
        r#"192.0.2.1 - - [01/May/2026:08:00:00 +0700] "GET /du-lich/Q/DT04/ HTTP/1.1" 200 10 "-" "Mozilla/5.0""#,
    );
    let run = project.ditich(&["stats", "access.log"]).success();
    assert!(
        run.stdout
            .contains("DT02  Chùa B      2026-05      1         1\n"),
        "{}",
        run.stdout
    );
}

#[test]
fn a_project_with_errors_still_counts_the_relics_that_read() {
    let project = Project::fixture("two-relics");
    // A value the validator refuses; the file still reads.
    project.edit(
        "sites/chua-b/index.md",
        "rank = \"provincial\"",
        "rank = \"cap tinh\"",
    );
    // A file that does not read at all.
    project.edit("sites/den-a/index.md", "name = \"Đền A\"", "name = \"Đền A");
    project.write("access.log", april());
    let run = project.ditich(&["stats", "access.log"]).success().stderr_has(&[
        "warning: the project has 2 errors (`ditich build` lists them); counting the relics whose index.md reads: DT02",
        "read 12 lines in 1 file: 1 scan, 2 bot hits, 5 hits of unknown codes",
    ]);
    assert!(
        run.stdout
            .contains("DT02  Chùa B      2026-04      1         1\n"),
        "{}",
        run.stdout
    );
}

#[test]
fn without_a_readable_site_toml_nothing_is_counted() {
    let project = Project::fixture("two-relics");
    project.edit(
        "site.toml",
        "base_url = \"https://example.gov.vn/du-lich/\"",
        "base_url = \"example\"",
    );
    project.write("access.log", april());
    let run = project.ditich(&["stats", "access.log"]).failure().stderr_has(&[
        "site.toml:1:",
        "is not a web address",
        "error: the project has 1 error; scans are counted against site.toml's base_url, so fix it first",
    ]);
    assert!(run.stdout.is_empty());
}

#[test]
fn a_missing_log_is_named_and_nothing_is_written() {
    let dir = logs();
    let run = stats(
        dir.path(),
        &fixture(),
        &["access.log", "acess.log.2.gz", "--csv", "scans.csv"],
    )
    .failure()
    .stderr_has(&["error: cannot read the log acess.log.2.gz: "]);
    assert!(run.stdout.is_empty());
    assert!(!dir.path().join("scans.csv").exists());
}

#[test]
fn usage_mistakes_exit_2() {
    let dir = logs();
    for args in [&[][..], &["access.log", "--by", "week"][..]] {
        let run = stats(dir.path(), &fixture(), args);
        assert_eq!(run.code, Some(2), "{args:?}: {}", run.stderr);
    }
}

/// A project's kept counts: January from an earlier run, and a March row that March's log
/// will replace.
const KEPT: &str = "period,id,scans,visitors\n2026-01,DT01,5,4\n2026-03,DT02,99,50\n";

#[test]
fn publish_merges_the_months_of_the_logs_into_the_kept_counts() {
    let dir = logs();
    let project = Project::fixture("two-relics");
    project.write("stats/scans.csv", KEPT);
    let run = stats(
        dir.path(),
        project.root(),
        &["access.log.1.gz", "access.log", "--publish"],
    )
    .success();
    assert!(
        run.stderr
            .contains("kept 5 rows of monthly scans in stats/scans.csv (2 months from these logs)"),
        "{}",
        run.stderr
    );
    // January is kept; March and April are the logs', whatever the file said of them.
    let merged = "period,id,scans,visitors\n\
                  2026-01,DT01,5,4\n\
                  2026-03,DT01,3,2\n\
                  2026-03,DT02,2,2\n\
                  2026-04,DT01,3,3\n\
                  2026-04,DT02,1,1\n";
    assert_eq!(project.read("stats/scans.csv"), merged);
    assert!(
        project.staging_leftovers().is_empty()
            && !project.path("stats/.scans.csv.partial").exists()
    );

    // A log of another site on the same server, from January, leaves January as it was.
    std::fs::write(
        dir.path().join("other.log"),
        "203.0.113.7 - - [15/Jan/2026:08:05:09 +0700] \"GET /other-site/ HTTP/1.1\" 200 5120 \"-\" \"Mozilla/5.0\"\n",
    )
    .unwrap();
    stats(dir.path(), project.root(), &["other.log", "--publish"]).success();
    assert_eq!(project.read("stats/scans.csv"), merged);

    // The same logs again change nothing.
    stats(
        dir.path(),
        project.root(),
        &["access.log", "access.log.1.gz", "--publish"],
    )
    .success();
    assert_eq!(project.read("stats/scans.csv"), merged);

    // The next build publishes them.
    project.build().success();
    assert_eq!(project.read("output/data/scans.csv"), merged);
    let json: serde_json::Value =
        serde_json::from_str(&project.read("output/data/scans.json")).unwrap();
    assert_eq!(json["period"], "month");
    assert_eq!(json["license"], "CC-BY-4.0");
    assert_eq!(json["scans"].as_array().unwrap().len(), 5);
    assert_eq!(
        json["scans"][1],
        serde_json::json!({ "period": "2026-03", "id": "DT01", "scans": 3, "visitors": 2 })
    );
    let catalogue = project.read("output/data/catalog.ttl");
    assert!(
        catalogue.contains("data/scans.csv>") && catalogue.contains("data/scans.json>"),
        "{catalogue}"
    );
}

#[test]
fn a_project_without_kept_counts_publishes_none() {
    let project = Project::fixture("two-relics");
    project.build().success();
    assert!(!project.output().join("data/scans.csv").exists());
    assert!(!project.read("output/data/catalog.ttl").contains("#scans"));
}

/// A hand-edited count that is not one: `stats --publish` refuses before reading any log and
/// leaves the file as it was; `build` fails on the line and keeps the published site.
#[test]
fn a_wrong_line_in_the_kept_counts_is_named_and_nothing_is_lost() {
    let dir = logs();
    let project = Project::fixture("two-relics");
    project.build().success();
    let before = crate::project::files(&project.output());
    let wrong = "period,id,scans,visitors\n2026-01,DT01,5,4\n2026-02,DT01,mười,4\n";
    project.write("stats/scans.csv", wrong);

    stats(dir.path(), project.root(), &["access.log", "--publish"])
        .failure()
        .stderr_has(&[
            "stats/scans.csv:3",
            "the scans column reads \"mười\", which is not a count",
            "stats/scans.csv has a mistake (shown above), so nothing was counted or written to it",
        ]);
    assert_eq!(project.read("stats/scans.csv"), wrong);

    project.build().failure().stderr_has(&[
        "stats/scans.csv:3",
        "which is not a count",
        "2026-03,DT01,120,85",
    ]);
    assert_eq!(crate::project::files(&project.output()), before);

    // In Vietnamese, for an officer whose computer speaks it.
    project
        .command(&["build"])
        .env("LC_ALL", "vi_VN.UTF-8")
        .output()
        .map(Run::from)
        .unwrap()
        .failure()
        .stderr_has(&["cột scans ghi \"mười\", không phải một số đếm"]);
}
