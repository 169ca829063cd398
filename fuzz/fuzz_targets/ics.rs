//! Fuzz target: see `waymark_fuzz::ics`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| waymark_fuzz::ics(data));
