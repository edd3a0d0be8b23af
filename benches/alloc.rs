//! Proves that `masthead::split` allocates nothing: a counting global allocator
//! (`stats_alloc`, which keeps the `unsafe impl GlobalAlloc` out of this crate) counts
//! every allocation made while splitting the reference document, the same with a
//! 1 MiB and a 64 MiB body, and its body alone; each must be zero. It also prints
//! what the peers allocate for the same splits, for BENCHMARKS.md.
//!
//! Runs under `cargo bench -p masthead-benches --bench alloc` and `cargo test -p
//! masthead-benches --benches` alike.

mod common;

use std::alloc::System;
use std::hint::black_box;

use serde::de::IgnoredAny;
use stats_alloc::{Region, StatsAlloc, INSTRUMENTED_SYSTEM};

use common::{run_peer, MIB, PEERS};

#[global_allocator]
static GLOBAL: &StatsAlloc<System> = &INSTRUMENTED_SYSTEM;

/// Allocations and bytes allocated while running `f`.
fn count<R>(f: impl FnOnce() -> R) -> (usize, usize) {
    let region = Region::new(GLOBAL);
    black_box(f());
    let change = region.change();
    (
        change.allocations + change.reallocations,
        change.bytes_allocated,
    )
}

fn main() {
    let src = common::reference();
    let inputs = [
        ("reference", src.clone()),
        ("body_1MiB", common::with_body(&src, MIB)),
        ("body_64MiB", common::with_body(&src, 64 * MIB)),
        (
            "no_front_matter",
            masthead::split(&src).expect("splits").body().to_owned(),
        ),
    ];
    println!(
        "{:<16} {:>8} {:>22} allocations (bytes)",
        "input", "size", "tool"
    );
    for (name, input) in &inputs {
        let (n, b) = count(|| masthead::split(black_box(input)).map(|d| d.body().len()));
        println!(
            "{name:<16} {:>8} {:>22} {n} ({b})",
            input.len(),
            "masthead::split"
        );
        assert_eq!((n, b), (0, 0), "masthead::split allocated on {name}");
        let (n, b) = count(|| masthead::split_bytes(black_box(input.as_bytes())).is_ok());
        assert_eq!((n, b), (0, 0), "masthead::split_bytes allocated on {name}");
        let (n, b) = count(|| masthead::read_front_matter(black_box(input.as_bytes())).is_ok());
        println!(
            "{name:<16} {:>8} {:>22} {n} ({b})",
            input.len(),
            "read_front_matter"
        );
        assert!(
            b < 64 * 1024,
            "read_front_matter allocated {b} bytes on {name}"
        );
        for peer in &PEERS {
            let (n, b) = count(|| run_peer::<IgnoredAny>(peer.name, black_box(input)).is_some());
            println!("{name:<16} {:>8} {:>22} {n} ({b})", input.len(), peer.name);
        }
    }
    println!("masthead::split and split_bytes: 0 allocations on every input");
}
