//! Fuzz target `write_back`: see `checks::write_back` for what it asserts.
#![no_main]

#[path = "../checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::write_back(data));
