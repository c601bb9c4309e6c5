#![no_main]

use std::sync::OnceLock;

static PROJECT: OnceLock<tempfile::TempDir> = OnceLock::new();

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let project = PROJECT.get_or_init(|| tempfile::tempdir().expect("a scratch folder"));
    ditich::fuzzing::relic(data, project.path());
});
