//! Tools from outside Rust that some tests use: Chromium, Node, Java, poppler. `./test`
//! installs them on a fresh Debian machine. A bare `cargo test` without one skips the tests
//! that need it and says so on the terminal, except in CI (`CI` set), where a missing tool
//! fails: a CI run must never pass without testing.

use std::io::Write as _;
use std::path::Path;

/// Whether `tool` is on the PATH; when it is not, says that `test` is skipped, or fails in CI.
#[track_caller]
pub fn available(test: &str, tool: &str, package: &str) -> bool {
    let found = std::env::var_os("PATH")
        .is_some_and(|path| std::env::split_paths(&path).any(|dir| is_executable(&dir.join(tool))));
    if found {
        return true;
    }
    skip_or_fail(test, &format!("{tool} (Debian package {package})"));
    false
}

/// Says that `test` is skipped for want of `what`, or fails in CI.
#[track_caller]
pub fn skip_or_fail(test: &str, what: &str) {
    assert!(
        std::env::var_os("CI").is_none(),
        "{test} needs {what}, which CI must have: ./test installs it"
    );
    // Straight to the terminal: cargo test shows what a passing test prints only on request.
    let _ = writeln!(
        std::io::stderr(),
        "skipped: {test} needs {what}; ./test installs it"
    );
}

fn is_executable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt as _;
    path.metadata()
        .is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}
