#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| ditich::fuzzing::front_matter(data));
