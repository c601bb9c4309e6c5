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
    use scraper::{ElementRef, Html, Selector};
    let inputs = inputs("markdown");
    assert!(inputs.len() >= 5);
    for (name, data) in inputs {
        let Some(html) = ditich::fuzzing::markdown(&data) else {
            continue;
        };
        // As the fuzz target checks it: what a browser would run.
        let page = Html::parse_fragment(&html);
        assert!(
            page.select(&Selector::parse("script").unwrap())
                .next()
                .is_none(),
            "{name}"
        );
        for element in page
            .root_element()
            .descendants()
            .filter_map(ElementRef::wrap)
        {
            for (attribute, value) in element.value().attrs() {
                assert!(!attribute.starts_with("on"), "{name}: {attribute}");
                assert!(
                    !value
                        .trim_start()
                        .to_ascii_lowercase()
                        .starts_with("javascript:"),
                    "{name}"
                );
            }
        }
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

#[test]
fn access_log_inputs_never_panic_and_count_each_line_once() {
    let inputs = inputs("access_log");
    assert!(inputs.len() >= 5);
    for (_, data) in inputs {
        ditich::fuzzing::access_log(&data);
    }
}
