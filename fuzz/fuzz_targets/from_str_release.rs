//! Fuzz target `from_str_release`: see `checks::from_str_release` for what it asserts.
#![no_main]

#[path = "../checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::from_str_release(data));
