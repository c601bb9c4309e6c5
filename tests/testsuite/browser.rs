//! The built sample as browsers and validators see it: `tests/browser/` (Node's test runner
//! driving headless Chromium through playwright-core, with axe-core's full rule set in
//! `a11y.test.mjs`) and the Nu HTML checker (`vnu-jar`),
//! both installed by `npm ci` in `tests/browser`.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use crate::project::built_sample as sample;

/// `tests/browser`, with its npm packages installed from the lock file on first use.
pub fn browser_tests() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser");
        // Every package the tests import: a folder installed before one was added lacks it.
        let missing = ["playwright-core", "axe-core", "vnu-jar"]
            .iter()
            .any(|package| !dir.join("node_modules").join(package).is_dir());
        if missing {
            let status = Command::new("npm")
                .args(["ci", "--no-audit", "--no-fund"])
                .current_dir(&dir)
                .status()
                .expect("npm (Node.js 20 or later) installs the browser tests' packages");
            assert!(status.success(), "npm ci failed in tests/browser");
        }
        dir
    })
}

/// Whether every tool of `needs` (name, Debian package) is there, saying which is not.
pub fn have(test: &str, needs: &[(&str, &str)]) -> bool {
    needs
        .iter()
        .all(|(tool, package)| crate::tools::available(test, tool, package))
}

#[test]
fn the_sample_works_in_headless_chromium_on_a_phone() {
    let needs = [("node", "nodejs"), ("npm", "npm"), ("chromium", "chromium")];
    if !have("the_sample_works_in_headless_chromium_on_a_phone", &needs) {
        return;
    }
    let output = Command::new("node")
        .arg("--test")
        .current_dir(browser_tests())
        .env("DITICH_SITE", sample().output())
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

#[test]
fn every_page_passes_the_nu_html_checker() {
    let needs = [("npm", "npm"), ("java", "default-jre-headless")];
    if !have("every_page_passes_the_nu_html_checker", &needs) {
        return;
    }
    let jar = browser_tests().join("node_modules/vnu-jar/build/dist/vnu.jar");
    let output = Command::new("java")
        .arg("-jar")
        .arg(&jar)
        .arg("--skip-non-html")
        .arg(sample().output())
        .output()
        .expect("java (a JRE, 11 or later) runs the Nu HTML checker");
    let messages = String::from_utf8_lossy(&output.stderr);
    // The checker reads the pages as file: URLs, which no 'self' in the security policy
    // matches, and it takes data blocks for scripts; it reports both as "info", and neither
    // happens in a browser on the real site. Anything else counts, warnings included.
    let problems: Vec<&str> = messages
        .lines()
        .filter(|line| !line.trim().is_empty())
        .filter(|line| {
            !(line.contains(": info warning: ") && line.contains("Content Security Policy"))
        })
        .collect();
    assert!(
        output.status.success() && problems.is_empty(),
        "the checker found:\n{}",
        problems.join("\n")
    );
}
