//! Fuzz target: see `waymark_fuzz::recovery_key`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| waymark_fuzz::recovery_key(data));
