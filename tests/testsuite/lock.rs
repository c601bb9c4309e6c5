//! One ditich at a time in a project: a command that writes waits for the one already at work,
//! says so, and then succeeds.

use std::io::{BufRead as _, BufReader};
use std::process::Stdio;

use crate::project::{Project, files};

const WAITING: &str = "waiting for another ditich building this project…";

/// The project's lock, held as another ditich would hold it, until dropped.
pub fn hold(project: &Project) -> std::fs::File {
    std::fs::create_dir_all(project.path(".ditich-cache")).unwrap();
    let file = std::fs::File::create(project.path(".ditich-cache/lock")).unwrap();
    file.lock().unwrap();
    file
}

#[test]
fn each_command_that_writes_waits_for_the_project_lock() {
    for args in [
        &["build"][..],
        &["posters"],
        &["check", "--fix"],
        &["rename", "chua-b", "chua-c"],
        &["retire", "chua-b", "--to", "DT01"],
    ] {
        let project = Project::fixture("two-relics");
        let lock = hold(&project);
        let mut child = project
            .command(args)
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stderr = BufReader::new(child.stderr.take().unwrap());
        let mut first = String::new();
        stderr.read_line(&mut first).unwrap();
        assert_eq!(first.trim_end(), WAITING, "{args:?}");
        std::thread::sleep(std::time::Duration::from_millis(300));
        assert!(
            child.try_wait().unwrap().is_none(),
            "{args:?} went on without the lock"
        );
        drop(lock);
        assert!(child.wait().unwrap().success(), "{args:?}");
    }
}

#[test]
fn two_builds_at_once_both_succeed() {
    let project = Project::fixture("two-relics");
    project.edit(
        "site.toml",
        "formats = [\"svg\"]",
        "formats = [\"pdf\", \"png\", \"svg\"]",
    );
    let builds: Vec<_> = (0..2)
        .map(|_| {
            project
                .command(&["build"])
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for build in builds {
        let output = build.wait_with_output().unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    let after_both = files(&project.output());
    project.build().success();
    assert_eq!(
        files(&project.output()),
        after_both,
        "the same site as one build's"
    );
}
