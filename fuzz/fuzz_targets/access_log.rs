#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| ditich::fuzzing::access_log(data));
