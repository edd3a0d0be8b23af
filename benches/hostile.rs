//! The hostile inputs of issue #5 through every entry point: typed parsing,
//! validation and the lint example's path (bytes, split, validate, render, JSON).
//! With the default limits each ends in milliseconds with `limit-exceeded`;
//! `no_byte_limit/*` lifts the byte limit to show that the depth and alias limits,
//! and validation itself, stay fast on their own.
//!
//! `cargo bench -p masthead-benches --bench hostile` measures; `cargo test -p
//! masthead-benches --benches` runs each once.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use masthead::{Limits, Options, Release, Renderer, Schema};
use serde::de::IgnoredAny;

#[path = "../tests/it/hostile.rs"]
mod hostile;

/// The lint example's work on one file: split the bytes, validate, render the
/// report and serialize the diagnostics.
fn lint(bytes: &[u8], schema: &Schema) -> usize {
    let report = match masthead::split_bytes(bytes) {
        Ok(doc) => masthead::validate(&doc, schema),
        Err(e) => masthead::Report::from(e),
    };
    let text =
        Renderer::new().render_report(&report, "hostile.md", &String::from_utf8_lossy(bytes));
    let json = serde_json::to_string(report.as_slice()).unwrap_or_default();
    text.len() + json.len()
}

fn hostile(c: &mut Criterion) {
    for (limits_name, limits) in [
        ("defaults", Limits::new()),
        ("no_byte_limit", Limits::new().max_bytes(usize::MAX)),
    ] {
        let mut group = c.benchmark_group(limits_name);
        group.sample_size(10);
        let options = Options::new().limits(limits);
        let release = Schema::release().limits(limits);
        let any = Schema::any().limits(limits);
        for (name, src) in hostile::all() {
            group.bench_function(format!("{name}/from_str_release"), |b| {
                b.iter(|| options.from_str::<Release>(black_box(&src)).is_err());
            });
            group.bench_function(format!("{name}/from_str_ignored"), |b| {
                b.iter(|| options.from_str::<IgnoredAny>(black_box(&src)).is_err());
            });
            group.bench_function(format!("{name}/validate_release"), |b| {
                b.iter(|| {
                    masthead::split(black_box(&src)).map(|d| masthead::validate(&d, &release).len())
                });
            });
            group.bench_function(format!("{name}/lint"), |b| {
                b.iter(|| lint(black_box(src.as_bytes()), &any));
            });
        }
        group.finish();
    }
}

criterion_group!(benches, hostile);
criterion_main!(benches);
