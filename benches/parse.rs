//! Benchmarks on the reference document, a New Zealand government press release read
//! from `../shared/corpus` at run time (corpus files are never copied into the repo).
//!
//! - `split/*`: the fence scan alone. `body_1KiB` and `body_64MiB` share the reference
//!   front matter; since split never reads the body, both must cost the same.
//! - `from_str_release/*`: typed parsing into [`masthead::Release`], against the
//!   baseline of plain `serde_yaml` on the already split block (no positions, no field
//!   paths).
//!
//! - `fast_path/*`: the 2,000 sample releases and a 200-key front matter, masthead
//!   (whose fast path takes nearly all of them) against serde_yaml on the block.
//!
//! `cargo bench --bench parse` measures; `cargo test --benches` runs each bench once.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

const REFERENCE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/corpus/samples/beehive/releases/2024/05/",
    "2024-05-13-new-zealand-expresses-regret-north-koreas-aggressive-rhetoric.md"
);

const KIB: usize = 1024;
const MIB: usize = 1024 * KIB;

fn reference() -> String {
    std::fs::read_to_string(REFERENCE)
        .unwrap_or_else(|e| panic!("cannot read the reference document {REFERENCE}: {e}"))
}

/// The reference document's fences and front matter, then a body of exactly `len`
/// bytes made by repeating the reference body.
fn with_body(src: &str, len: usize) -> String {
    let doc = masthead::split(src).expect("the reference document splits");
    let head = &src[..doc.body_span().start()];
    let unit = doc.body();
    assert!(!unit.is_empty(), "the reference document has a body");
    let mut out = String::with_capacity(head.len() + len + 4);
    out.push_str(head);
    while out.len() - head.len() < len {
        out.push_str(unit);
    }
    let mut end = head.len() + len;
    while !out.is_char_boundary(end) {
        end -= 1;
    }
    out.truncate(end);
    out
}

fn bytes(s: &str) -> Throughput {
    Throughput::Bytes(s.len() as u64)
}

fn split(c: &mut Criterion) {
    let src = reference();
    let small = with_body(&src, KIB);
    let large = with_body(&src, 64 * MIB);
    let plain = masthead::split(&src).expect("splits").body().to_owned();

    // What is measured must be what is meant.
    let small_doc = masthead::split(&small).expect("splits");
    let large_doc = masthead::split(&large).expect("splits");
    assert_eq!(small_doc.front_matter(), large_doc.front_matter());
    assert!(small_doc.body().len() > KIB - 4 && large_doc.body().len() > 64 * MIB - 4);
    assert!(!masthead::split(&plain).expect("splits").has_front_matter());

    let mut group = c.benchmark_group("split");
    for (name, input) in [
        ("reference", &src),
        ("body_1KiB", &small),
        ("body_64MiB", &large),
        ("no_front_matter", &plain),
    ] {
        group.throughput(bytes(input));
        group.bench_function(name, |b| {
            b.iter(|| masthead::split(black_box(input.as_str())));
        });
    }
    group.finish();
}

fn from_str_release(c: &mut Criterion) {
    let src = reference();
    let block = masthead::split(&src)
        .expect("splits")
        .front_matter()
        .expect("the reference document has front matter")
        .to_owned();

    let ours = masthead::from_str::<masthead::Release>(&src).expect("a valid release");
    let baseline = serde_yaml::from_str::<masthead::Release>(&block).expect("a valid release");
    assert_eq!(ours.metadata, baseline);

    // Both parse the same YAML; the throughput is that of the block.
    let mut group = c.benchmark_group("from_str_release");
    group.throughput(bytes(&block));
    group.bench_function("masthead", |b| {
        b.iter(|| masthead::from_str::<masthead::Release>(black_box(src.as_str())));
    });
    group.bench_function("serde_yaml_pre_split", |b| {
        b.iter(|| serde_yaml::from_str::<masthead::Release>(black_box(block.as_str())));
    });
    group.finish();
}

/// Every sample release (2,000 real documents) and a synthetic 200-key front matter,
/// through masthead (fast path, falling back to serde_yaml) and through serde_yaml
/// on the pre-split block. Both give the same results (checked first).
fn fast_path(c: &mut Criterion) {
    let dir = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/corpus/samples/beehive"
    );
    let mut releases = Vec::new();
    let mut stack = vec![std::path::PathBuf::from(dir)];
    while let Some(path) = stack.pop() {
        if path.is_dir() {
            stack.extend(
                std::fs::read_dir(&path)
                    .expect("lists")
                    .map(|e| e.expect("entry").path()),
            );
        } else if path.extension().is_some_and(|e| e == "md") {
            releases.push(std::fs::read_to_string(&path).expect("reads"));
        }
    }
    releases.sort();
    let blocks: Vec<String> = releases
        .iter()
        .map(|src| {
            masthead::split(src)
                .ok()
                .and_then(|d| d.front_matter())
                .unwrap_or("")
                .to_owned()
        })
        .collect();
    let keys = (0..200).fold(String::from("---\n"), |mut s, i| {
        s.push_str(&format!("key_{i:03}: value number {i}\n"));
        s
    }) + "---\nbody\n";
    let keys_block = masthead::split(&keys)
        .expect("splits")
        .front_matter()
        .expect("front matter")
        .to_owned();
    type Map = std::collections::BTreeMap<String, String>;
    assert_eq!(
        masthead::from_str::<Map>(&keys)
            .expect("parses")
            .metadata
            .len(),
        200
    );
    for (src, block) in releases.iter().zip(&blocks) {
        let ours = masthead::from_str::<masthead::Release>(src)
            .ok()
            .map(|p| p.metadata);
        assert_eq!(ours, serde_yaml::from_str::<masthead::Release>(block).ok());
    }

    let mut group = c.benchmark_group("fast_path");
    group.throughput(Throughput::Elements(releases.len() as u64));
    group.bench_function("releases_2000/masthead", |b| {
        b.iter(|| {
            releases
                .iter()
                .filter(|s| masthead::from_str::<masthead::Release>(black_box(s)).is_ok())
                .count()
        });
    });
    group.bench_function("releases_2000/serde_yaml_pre_split", |b| {
        b.iter(|| {
            blocks
                .iter()
                .filter(|s| serde_yaml::from_str::<masthead::Release>(black_box(s)).is_ok())
                .count()
        });
    });
    group.throughput(bytes(&keys_block));
    group.bench_function("keys_200/masthead", |b| {
        b.iter(|| masthead::from_str::<Map>(black_box(&keys)));
    });
    group.bench_function("keys_200/serde_yaml_pre_split", |b| {
        b.iter(|| serde_yaml::from_str::<Map>(black_box(&keys_block)));
    });
    group.finish();
}

criterion_group!(benches, split, from_str_release, fast_path);
criterion_main!(benches);
