//! masthead beside the Rust peers, in one run, on the reference document (a New
//! Zealand government press release) and on real releases, all read at run time from
//! the full corpus, or from the curated set `tests/corpus/` without it (see
//! `common::samples`).
//!
//! - `split_*`: the fence scan alone, on the reference document, the same with a
//!   1 MiB and a 64 MiB body, and its body alone (no front matter). masthead's split
//!   never reads the body, so all four must cost the same. No peer has a public split
//!   without YAML: theirs is their typed parse into `serde::de::IgnoredAny` (see
//!   `common::PEERS` for what each does); `hand_split` is the baseline's
//!   `str::find`.
//! - `from_str_release`: typed parsing of the reference document into
//!   [`masthead::Release`]; `baseline` is the hand split plus `serde_yaml::from_str`.
//! - `validate_release`: split plus validation with `Schema::release()`, and the
//!   header-only reader with validation.
//! - `keys_200`: a 200-key front matter, split and parsed into a `BTreeMap`.
//! - `releases_1999`: every release of `samples/beehive` (1,999 documents, 35 of them
//!   invalid), typed and validated; the time is per pass over all of them. On the
//!   curated set the group is `releases_curated`, over its fewer releases.
//!
//! `cargo bench -p masthead-benches --bench parse` measures; `cargo test -p
//! masthead-benches --benches` runs each bench once. `benches/report.py` turns
//! criterion's estimates into `benches/results/rust.md` and `benches/results/rust.svg`.

mod common;

use std::collections::BTreeMap;
use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkGroup, Criterion, Throughput};
use serde::de::IgnoredAny;

use common::{baseline, hand_split, run_peer, MIB, PEERS};

type Group<'a> = BenchmarkGroup<'a, criterion::measurement::WallTime>;

fn bytes(n: usize) -> Throughput {
    Throughput::Bytes(n as u64)
}

/// Every tool's split of `input`, in one group.
fn split_group(c: &mut Criterion, name: &str, input: &str, large: bool) {
    let mut group = c.benchmark_group(name);
    group.throughput(bytes(input.len()));
    if large {
        group
            .sample_size(10)
            .warm_up_time(Duration::from_millis(500))
            .measurement_time(Duration::from_secs(4));
    }
    group.bench_function("masthead", |b| {
        b.iter(|| masthead::split(black_box(input)));
    });
    group.bench_function("hand_split", |b| b.iter(|| hand_split(black_box(input))));
    for peer in &PEERS {
        group.bench_function(peer.name, |b| {
            b.iter(|| run_peer::<IgnoredAny>(peer.name, black_box(input)));
        });
    }
    group.finish();
}

fn split(c: &mut Criterion) {
    let src = common::reference();
    let mib = common::with_body(&src, MIB);
    let large = common::with_body(&src, 64 * MIB);
    let plain = masthead::split(&src).expect("splits").body().to_owned();

    // What is measured must be what is meant.
    let front = masthead::split(&src).expect("splits").front_matter();
    for doc in [&mib, &large] {
        let d = masthead::split(doc).expect("splits");
        assert_eq!(d.front_matter(), front);
        assert!(d.body().len() > MIB - 4);
    }
    assert!(!masthead::split(&plain).expect("splits").has_front_matter());
    for peer in &PEERS {
        let (_, body) = run_peer::<IgnoredAny>(peer.name, &mib)
            .unwrap_or_else(|| panic!("{} splits the 1 MiB document", peer.name));
        assert!(body + 4 >= MIB, "{}: body of {body} bytes", peer.name);
    }

    split_group(c, "split_reference", &src, false);
    split_group(c, "split_body_1MiB", &mib, false);
    split_group(c, "split_body_64MiB", &large, true);
    split_group(c, "split_no_front_matter", &plain, false);
}

/// Typed parsing into `T` by masthead, the baseline and each peer that can.
fn typed<T>(group: &mut Group<'_>, input: &str, peers: &[&str])
where
    T: serde::de::DeserializeOwned + PartialEq + std::fmt::Debug,
{
    let ours = masthead::from_str::<T>(input)
        .expect("masthead parses")
        .metadata;
    let (theirs, _) = baseline::<T>(input).expect("the baseline parses");
    assert_eq!(ours, theirs);
    group.bench_function("masthead", |b| {
        b.iter(|| masthead::from_str::<T>(black_box(input)));
    });
    group.bench_function("baseline", |b| b.iter(|| baseline::<T>(black_box(input))));
    for &name in peers {
        let (value, _) = run_peer::<T>(name, input).expect("the peer parses");
        assert_eq!(value, ours, "{name} reads another value");
        group.bench_function(name, |b| {
            b.iter(|| run_peer::<T>(name, black_box(input)));
        });
    }
}

/// The peers whose typed parse of `input` into `T` gives what masthead gives.
fn agreeing<T>(input: &str) -> Vec<&'static str>
where
    T: serde::de::DeserializeOwned + PartialEq,
{
    let ours = masthead::from_str::<T>(input).ok().map(|p| p.metadata);
    PEERS
        .iter()
        .filter(|p| run_peer::<T>(p.name, input).map(|(t, _)| t) == ours)
        .map(|p| p.name)
        .collect()
}

fn from_str_release(c: &mut Criterion) {
    let src = common::reference();
    let peers = agreeing::<masthead::Release>(&src);
    let mut group = c.benchmark_group("from_str_release");
    group.throughput(bytes(src.len()));
    typed::<masthead::Release>(&mut group, &src, &peers);
    group.finish();
}

fn validate_release(c: &mut Criterion) {
    let src = common::reference();
    let schema = masthead::Schema::release();
    let doc = masthead::split(&src).expect("splits");
    assert!(masthead::validate(&doc, &schema).is_valid());
    let mut group = c.benchmark_group("validate_release");
    group.throughput(bytes(src.len()));
    group.bench_function("masthead", |b| {
        b.iter(|| {
            let doc = masthead::split(black_box(&src)).expect("splits");
            masthead::validate(&doc, &schema)
        });
    });
    group.bench_function("masthead_header", |b| {
        b.iter(|| {
            let header = masthead::read_front_matter(black_box(src.as_bytes())).expect("reads");
            header.validate(&schema)
        });
    });
    group.finish();
}

fn keys_200(c: &mut Criterion) {
    let src = common::many_keys(200);
    let peers = agreeing::<BTreeMap<String, String>>(&src);
    let mut group = c.benchmark_group("keys_200");
    group.throughput(bytes(src.len()));
    group.bench_function("masthead_split", |b| {
        b.iter(|| masthead::split(black_box(&src)));
    });
    typed::<BTreeMap<String, String>>(&mut group, &src, &peers);
    group.finish();
}

/// Every sample release, typed and validated: `releases_1999` on the full corpus,
/// `releases_curated` on the curated set.
fn releases(c: &mut Criterion) {
    let docs = common::releases();
    let name = if common::samples().full {
        "releases_1999"
    } else {
        "releases_curated"
    };
    let total: usize = docs.iter().map(String::len).sum();
    let schema = masthead::Schema::release();
    let ours: Vec<bool> = docs
        .iter()
        .map(|d| masthead::from_str::<masthead::Release>(d).is_ok())
        .collect();
    let base: Vec<bool> = docs
        .iter()
        .map(|d| baseline::<masthead::Release>(d).is_some())
        .collect();
    assert_eq!(
        ours, base,
        "masthead and the baseline accept the same releases"
    );
    let accepted = ours.iter().filter(|&&ok| ok).count();
    if common::samples().full {
        assert_eq!((docs.len(), accepted), (1999, 1964));
    } else {
        assert!(accepted > 0, "no curated release is valid");
    }
    for peer in &PEERS {
        let accepted = docs
            .iter()
            .filter(|d| run_peer::<masthead::Release>(peer.name, d).is_some())
            .count();
        eprintln!("{name}: {} accepts {accepted} of {}", peer.name, docs.len());
    }

    let mut group = c.benchmark_group(name);
    group.throughput(bytes(total)).sample_size(20);
    group.bench_function("masthead", |b| {
        b.iter(|| {
            docs.iter()
                .filter(|d| masthead::from_str::<masthead::Release>(black_box(d)).is_ok())
                .count()
        });
    });
    group.bench_function("baseline", |b| {
        b.iter(|| {
            docs.iter()
                .filter(|d| baseline::<masthead::Release>(black_box(d)).is_some())
                .count()
        });
    });
    for peer in &PEERS {
        group.bench_function(peer.name, |b| {
            b.iter(|| {
                docs.iter()
                    .filter(|d| run_peer::<masthead::Release>(peer.name, black_box(d)).is_some())
                    .count()
            });
        });
    }
    group.bench_function("masthead_validate", |b| {
        b.iter(|| {
            docs.iter()
                .filter(|d| match masthead::split(black_box(d)) {
                    Ok(doc) => masthead::validate(&doc, &schema).is_valid(),
                    Err(_) => false,
                })
                .count()
        });
    });
    group.finish();
}

criterion_group!(
    benches,
    split,
    from_str_release,
    validate_release,
    keys_200,
    releases
);
criterion_main!(benches);
