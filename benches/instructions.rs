//! The workloads whose instruction counts `benches/instructions.py` takes with
//! callgrind: masthead's typed parse beside serde_yaml on the same front matter.
//! Instruction counts do not depend on the machine's load, so they check the fast
//! path's target (`from_str::<Release>` at most 0.2 of the baseline on real
//! releases) where wall times on a shared machine could not.
//!
//! `instructions WORKLOAD N` loads the inputs, runs the workload `N` times and
//! prints how many documents one run reads; the script subtracts the count of the
//! same command with `N = 0`, so loading costs nothing. Without a workload (as under
//! `cargo test -p masthead-benches --benches` and `cargo bench -p masthead-benches`),
//! it runs every workload once and checks that masthead and serde_yaml read the same
//! values. The releases are those of the full corpus, or of the curated set without
//! it (`common::samples` prints which).

mod common;

use std::collections::BTreeMap;
use std::hint::black_box;

use masthead::Release;

type Map = BTreeMap<String, String>;

/// The documents of one input, whole and as the hand split's block.
struct Input {
    docs: Vec<String>,
    blocks: Vec<String>,
    schema: masthead::Schema,
}

impl Input {
    fn new(docs: Vec<String>) -> Input {
        let blocks = docs
            .iter()
            .map(|d| {
                common::hand_split(d)
                    .map_or("", |(block, _)| block)
                    .to_owned()
            })
            .collect();
        Input {
            docs,
            blocks,
            schema: masthead::Schema::release(),
        }
    }
}

/// `masthead`: `masthead::from_str::<T>` on the whole document. `yaml`:
/// `serde_yaml::from_str::<T>` on the block alone, already split (the stricter
/// baseline, which the target is checked against). `baseline`: the hand split and
/// serde_yaml, as in `benches/parse.rs`.
const WORKLOADS: [&str; 13] = [
    "release_masthead",
    "release_yaml",
    "release_baseline",
    "releases_valid_masthead",
    "releases_valid_yaml",
    "releases_valid_baseline",
    "releases_all_masthead",
    "releases_all_yaml",
    "releases_all_baseline",
    "keys_200_masthead",
    "keys_200_yaml",
    "keys_200_baseline",
    "release_validate",
];

fn inputs(workload: &str) -> Input {
    if workload.starts_with("releases_valid") {
        let valid = common::releases()
            .into_iter()
            .filter(|d| masthead::from_str::<Release>(d).is_ok())
            .collect();
        Input::new(valid)
    } else if workload.starts_with("releases_all") {
        Input::new(common::releases())
    } else if workload.starts_with("release_") {
        Input::new(vec![common::reference()])
    } else {
        Input::new(vec![common::many_keys(200)])
    }
}

/// One run of `workload` over `input`.
fn run(workload: &str, input: &Input) {
    let typed = workload.starts_with("release");
    let tool = workload.rsplit('_').next().unwrap_or_default();
    for (doc, block) in input.docs.iter().zip(&input.blocks) {
        match (typed, tool) {
            (true, "masthead") => drop(black_box(masthead::from_str::<Release>(black_box(doc)))),
            (true, "yaml") => drop(black_box(serde_yaml::from_str::<Release>(black_box(block)))),
            (true, "baseline") => drop(black_box(common::baseline::<Release>(black_box(doc)))),
            (true, "validate") => {
                let doc = masthead::split(black_box(doc)).expect("a release splits");
                black_box(masthead::validate(&doc, &input.schema));
            }
            (false, "masthead") => drop(black_box(masthead::from_str::<Map>(black_box(doc)))),
            (false, "yaml") => drop(black_box(serde_yaml::from_str::<Map>(black_box(block)))),
            (false, "baseline") => drop(black_box(common::baseline::<Map>(black_box(doc)))),
            _ => panic!("unknown workload {workload}; the workloads are {WORKLOADS:?}"),
        }
    }
}

/// Every input read by masthead and by serde_yaml alone: the same values, or both
/// failing.
fn check_agreement() {
    for workload in WORKLOADS.iter().filter(|w| w.ends_with("_yaml")) {
        let input = inputs(workload);
        for (doc, block) in input.docs.iter().zip(&input.blocks) {
            if workload.starts_with("release") {
                let ours = masthead::from_str::<Release>(doc).ok().map(|p| p.metadata);
                let theirs = serde_yaml::from_str::<Release>(block).ok();
                assert_eq!(ours, theirs, "{workload}: {doc}");
            } else {
                let ours = masthead::from_str::<Map>(doc).ok().map(|p| p.metadata);
                let theirs = serde_yaml::from_str::<Map>(block).ok();
                assert_eq!(ours, theirs, "{workload}");
            }
        }
        println!("{workload}: {} documents agree", input.docs.len());
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(workload) = args.first().filter(|a| !a.starts_with('-')) else {
        check_agreement();
        for workload in WORKLOADS {
            run(workload, &inputs(workload));
        }
        return;
    };
    let times: usize = match args.get(1).map(|n| n.parse()) {
        Some(Ok(n)) => n,
        _ => panic!("usage: instructions WORKLOAD N, with WORKLOAD one of {WORKLOADS:?}"),
    };
    let input = inputs(workload);
    for _ in 0..times {
        run(workload, &input);
    }
    println!("documents {}", input.docs.len());
}
