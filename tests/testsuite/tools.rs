//! Tools from outside Rust that some tests use: Chromium, Node, Java, poppler. `./test`
//! installs them on a fresh Debian machine. A bare `cargo test` without one skips the tests
//! that need it and says so on the terminal, except in CI (`CI` set), where a missing tool
//! fails: a CI run must never pass without testing.

use std::collections::HashMap;
use std::io::Write as _;
use std::path::Path;
use std::process::Command;
use std::sync::{Mutex, OnceLock};

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

/// The Python of a virtual environment with the packages `tests/<name>/requirements.txt`
/// pins, made under `target/test-tools/<name>` on first use, or `None` (after saying so)
/// when the machine has no Python with `venv`.
pub fn python_tools(test: &str, name: &'static str) -> Option<&'static Path> {
    static MADE: OnceLock<Mutex<HashMap<&'static str, Option<&'static Path>>>> = OnceLock::new();
    // One test makes the environment while the others that need it wait.
    let mut made = MADE
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    let python = *made.entry(name).or_insert_with(|| {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let requirements = root.join("tests").join(name).join("requirements.txt");
        let venv = root.join("target/test-tools").join(name);
        let python: &'static Path = Box::leak(venv.join("bin/python").into_boxed_path());
        let stamp = venv.join("installed-requirements.txt");
        let wanted = std::fs::read(&requirements).expect("the requirements file");
        if std::fs::read(&stamp).ok().as_ref() == Some(&wanted) {
            return Some(python);
        }
        let venv_made = Command::new("python3")
            .args(["-m", "venv", "--clear"])
            .arg(&venv)
            .status()
            .is_ok_and(|s| s.success());
        if !venv_made {
            return None;
        }
        let status = Command::new(python)
            .args([
                "-m",
                "pip",
                "install",
                "--quiet",
                "--disable-pip-version-check",
            ])
            .arg("-r")
            .arg(&requirements)
            .status()
            .expect("the virtual environment's pip runs");
        assert!(
            status.success(),
            "pip could not install {}",
            requirements.display()
        );
        std::fs::write(&stamp, &wanted).unwrap();
        Some(python)
    });
    if python.is_none() {
        skip_or_fail(test, "python3 with venv (Debian package python3-venv)");
    }
    python
}

fn is_executable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt as _;
    path.metadata()
        .is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}
