//! Fuzz target `fast_path`: the YAML fast path against serde_yaml on arbitrary
//! blocks (a generic value and `Release`): where the fast path takes a block, both
//! must give the same value; and for a document of that block, the crate's result
//! (value, or error with its kind, path, message and position) must be the same
//! with the fast path on and off. The hook panics on any disagreement.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Ok(block) = std::str::from_utf8(data) {
        let _ = masthead::__fuzz::fast_path_agrees(block);
    }
});
