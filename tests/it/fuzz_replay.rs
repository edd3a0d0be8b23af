//! Replays every fuzz seed (`fuzz/seeds/TARGET/`) and every past crash input
//! (`fuzz/crashes/TARGET/`) through the fuzz targets' own checks, so that stable
//! CI, which has no fuzzer, still runs them on every change.

use std::fs;
use std::panic;
use std::path::Path;

#[path = "../../fuzz/checks.rs"]
pub(crate) mod checks;

const FUZZ: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/fuzz");

/// The files of `dir`, sorted; none when it does not exist.
fn files(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out: Vec<_> = match fs::read_dir(dir) {
        Ok(entries) => entries
            .map(|e| e.unwrap().path())
            .filter(|p| p.is_file())
            .collect(),
        Err(_) => Vec::new(),
    };
    out.sort();
    out
}

#[test]
fn seeds_and_crashes_pass_the_fuzz_checks() {
    let mut failures = Vec::new();
    let mut seeds = 0;
    for (target, _) in checks::TARGETS {
        let seed_files = files(&Path::new(FUZZ).join("seeds").join(target));
        assert!(
            !seed_files.is_empty(),
            "no seeds for the fuzz target `{target}`"
        );
        seeds += seed_files.len();
        let crash_files = files(&Path::new(FUZZ).join("crashes").join(target));
        for path in seed_files.iter().chain(&crash_files) {
            let data = fs::read(path).unwrap();
            // Every input goes through every target: a seed of one is a fine input
            // for the others.
            for (other, check_other) in checks::TARGETS {
                let outcome = panic::catch_unwind(|| check_other(&data));
                if outcome.is_err() {
                    failures.push(format!("{other} on {}", path.display()));
                }
            }
        }
    }
    assert!(seeds >= 5);
    assert!(failures.is_empty(), "fuzz checks failed: {failures:#?}");
}
