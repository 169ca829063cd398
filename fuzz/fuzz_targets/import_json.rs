//! Fuzz target: see `waymark_fuzz::import_json`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| waymark_fuzz::import_json(data));
