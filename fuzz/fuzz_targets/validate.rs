//! Fuzz target `validate`: see `checks::validate_target` for what it asserts.
#![no_main]

#[path = "../checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::validate_target(data));
