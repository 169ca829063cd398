//! Fuzz target: see `waymark_fuzz::keyslots`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| waymark_fuzz::keyslots(data));
