//! Fuzz target `from_str_value`: see `checks::from_str_value` for what it asserts.
#![no_main]

#[path = "../checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::from_str_value(data));
