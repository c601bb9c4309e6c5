//! Replays the fuzz targets' seeds and every input that once crashed them (`fuzz/seeds/` and
//! `fuzz/regressions/`), so CI checks them without a fuzzer. Long runs: see `fuzz/README.md`.

use std::path::Path;

fn inputs(target: &str) -> Vec<(String, Vec<u8>)> {
    let fuzz = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let mut inputs = Vec::new();
    for folder in ["seeds", "regressions"] {
        let Ok(entries) = std::fs::read_dir(fuzz.join(folder).join(target)) else {
            continue;
        };
        for entry in entries {
            let path = entry.unwrap().path();
            inputs.push((path.display().to_string(), std::fs::read(&path).unwrap()));
        }
    }
    inputs.sort();
    inputs
}

#[test]
fn front_matter_inputs_never_panic() {
    let inputs = inputs("front_matter");
    assert!(inputs.len() >= 10);
    for (_, data) in inputs {
        ditich::fuzzing::front_matter(&data);
    }
}

#[test]
fn markdown_inputs_never_panic_nor_keep_a_script() {
    let inputs = inputs("markdown");
    assert!(inputs.len() >= 5);
    for (_, data) in inputs {
        ditich::fuzzing::markdown(&data);
    }
}

#[test]
fn relic_inputs_never_panic() {
    let project = tempfile::tempdir().unwrap();
    let inputs = inputs("relic");
    assert!(inputs.len() >= 10);
    for (_, data) in inputs {
        ditich::fuzzing::relic(&data, project.path());
    }
}
