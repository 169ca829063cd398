//! Fuzz target: see `waymark_fuzz::day_range`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| waymark_fuzz::day_range(data));
