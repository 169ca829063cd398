//! Fuzz target: see `waymark_fuzz::passphrase`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| waymark_fuzz::passphrase(data));
