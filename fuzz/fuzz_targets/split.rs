//! Fuzz target `split`: see `checks::split_invariants` for what it asserts. Inputs
//! that are not UTF-8 only reach the UTF-8 check, so they stay out of the corpus.
#![no_main]

use libfuzzer_sys::Corpus;

#[path = "../checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| -> Corpus {
    if checks::split_invariants(data) {
        Corpus::Keep
    } else {
        Corpus::Reject
    }
});
