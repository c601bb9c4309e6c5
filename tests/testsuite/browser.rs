//! The built sample in a real browser: runs `tests/browser/` (Node's test runner driving
//! headless Chromium through playwright-core) against a fresh build.

use std::path::Path;
use std::process::Command;

use crate::project::Project;

#[test]
fn the_sample_works_in_headless_chromium_on_a_phone() {
    let browser_tests = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser");
    assert!(
        browser_tests.join("node_modules/playwright-core").is_dir(),
        "run `npm ci` in tests/browser first (.ci/run does), and install Chromium (Debian package chromium)"
    );
    let project = Project::sample();
    project.build().success();
    let output = Command::new("node")
        .arg("--test")
        .current_dir(&browser_tests)
        .env("DITICH_SITE", project.output())
        .output()
        .expect("node (Node.js 20 or later) runs the browser tests");
    let report = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "browser tests failed:\n{report}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        report.contains("# fail 0") && !report.contains("# pass 0"),
        "{report}"
    );
}
