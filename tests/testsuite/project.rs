//! The test harness: a project in a temporary folder and the `ditich` binary run on it.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use tempfile::TempDir;

const MANIFEST_DIR: &str = env!("CARGO_MANIFEST_DIR");

pub struct Project {
    dir: TempDir,
}

impl Project {
    /// A copy of `tests/fixtures/<name>`.
    pub fn fixture(name: &str) -> Project {
        let project = Project::empty();
        copy_dir(
            &Path::new(MANIFEST_DIR).join("tests/fixtures").join(name),
            project.root(),
        );
        project
    }

    /// A copy of the repository's sample project (Long Thành's relics), without its theme
    /// folder, so that the theme embedded in the binary is what renders it.
    pub fn sample() -> Project {
        let project = Project::empty();
        let repo = Path::new(MANIFEST_DIR);
        std::fs::copy(repo.join("site.toml"), project.path("site.toml")).unwrap();
        copy_dir(&repo.join("sites"), &project.path("sites"));
        project
    }

    fn empty() -> Project {
        Project {
            dir: tempfile::Builder::new()
                .prefix("ditich-test")
                .tempdir()
                .unwrap(),
        }
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn path(&self, relative: &str) -> PathBuf {
        self.root().join(relative)
    }

    pub fn output(&self) -> PathBuf {
        self.path("output")
    }

    pub fn write(&self, relative: &str, contents: impl AsRef<[u8]>) {
        let path = self.path(relative);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, contents).unwrap();
    }

    pub fn read(&self, relative: &str) -> String {
        std::fs::read_to_string(self.path(relative)).unwrap_or_else(|e| panic!("{relative}: {e}"))
    }

    /// Replaces the first `from` in a file by `to`, failing if `from` is not there.
    pub fn edit(&self, relative: &str, from: &str, to: &str) {
        let text = self.read(relative);
        assert!(text.contains(from), "{relative} has no {from:?}");
        self.write(relative, text.replacen(from, to, 1));
    }

    /// Folders a build leaves beside the output while it works (`.output.staging`). The old
    /// output kept for the next build to reuse, `.output.previous`, is not one of them.
    pub fn staging_leftovers(&self) -> Vec<String> {
        std::fs::read_dir(self.root())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with(".output") && n != ".output.previous")
            .collect()
    }

    pub fn build(&self) -> Run {
        self.ditich(&["build"])
    }

    pub fn ditich(&self, args: &[&str]) -> Run {
        Run::from(self.command(args).output().unwrap())
    }

    /// The `ditich` command in this project, with a clean environment, to adjust and run.
    pub fn command(&self, args: &[&str]) -> Command {
        let mut command = binary();
        command.args(args).current_dir(self.root());
        command
    }
}

/// The `ditich` binary with a clean environment: no colour or date switches, and English,
/// whatever language the machine running the tests speaks. A test of Vietnamese sets
/// `LC_ALL` again.
pub fn binary() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_ditich"));
    command
        .env_remove("NO_COLOR")
        .env_remove("RUST_BACKTRACE")
        .env_remove("SOURCE_DATE_EPOCH")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C")
        .env("LC_ALL", "C");
    command
}

/// The sample, built once for every test that only reads its output.
pub fn built_sample() -> &'static Project {
    static SAMPLE: std::sync::OnceLock<Project> = std::sync::OnceLock::new();
    SAMPLE.get_or_init(|| {
        let project = Project::sample();
        project.build().success();
        project
    })
}

/// Every file under `dir`, by its `/`-separated path relative to `dir`.
pub fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let name = e
                .path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            (name, std::fs::read(e.path()).unwrap())
        })
        .collect()
}

/// Copies the folder `from` to `to`, which may not exist yet.
pub fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

pub struct Run {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

impl From<Output> for Run {
    fn from(output: Output) -> Run {
        Run {
            code: output.status.code(),
            stdout: String::from_utf8(output.stdout).unwrap(),
            stderr: String::from_utf8(output.stderr).unwrap(),
        }
    }
}

impl Run {
    #[track_caller]
    pub fn success(self) -> Run {
        assert_eq!(self.code, Some(0), "ditich failed:\n{}", self.stderr);
        self
    }

    #[track_caller]
    pub fn failure(self) -> Run {
        assert_eq!(
            self.code,
            Some(1),
            "expected exit code 1; stderr:\n{}",
            self.stderr
        );
        self
    }

    /// Asserts that stderr holds each of `expected`, in that order.
    #[track_caller]
    pub fn stderr_has(self, expected: &[&str]) -> Run {
        let mut rest = self.stderr.as_str();
        for line in expected {
            match rest.find(line) {
                Some(at) => rest = &rest[at + line.len()..],
                None => panic!("stderr lacks {line:?} (in order); it was:\n{}", self.stderr),
            }
        }
        self
    }
}
