//! The fast path against serde_yaml: the same value wherever the fast path gives one,
//! and the same result through the crate's entry point with the fast path on and off.
//! Tests only; they compare and never change what either path does.
//!
//! The real documents of the curated corpus (`tests/corpus`) run in `cargo test`, the
//! full corpus's samples with `cargo test -- --ignored sweep_`; the whole release
//! archive runs when `MASTHEAD_ARCHIVE` names its extracted folder:
//! `MASTHEAD_ARCHIVE=/tmp/releases cargo test --release --lib -- --ignored archive`.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use serde::de::{Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;

use crate::release::Release;
use crate::value::Value;
use crate::yaml::{fast, first_repeat, locate, same_through_crate, through_crate};

mod bounds;
mod classes;
mod generated;
mod scalars;
mod suite;

/// Every visitor call of a `deserialize_any`, as made: which method, which value,
/// and whether a string was borrowed from the input.
#[derive(Debug, Clone, PartialEq)]
enum Tree {
    Unit,
    None,
    Some(Box<Tree>),
    Bool(bool),
    I64(i64),
    U64(u64),
    I128(i128),
    U128(u128),
    /// The bits, so that NaN equals NaN.
    F64(u64),
    Borrowed(String),
    Str(String),
    String(String),
    Seq(Vec<Tree>),
    Map(Vec<(Tree, Tree)>),
    Newtype(Box<Tree>),
}

impl<'de> Deserialize<'de> for Tree {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(TreeVisitor)
    }
}

struct TreeVisitor;

impl<'de> Visitor<'de> for TreeVisitor {
    type Value = Tree;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("anything")
    }
    fn visit_unit<E>(self) -> Result<Tree, E> {
        Ok(Tree::Unit)
    }
    fn visit_none<E>(self) -> Result<Tree, E> {
        Ok(Tree::None)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Tree, D::Error> {
        Tree::deserialize(d).map(|t| Tree::Some(Box::new(t)))
    }
    fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<Tree, D::Error> {
        Tree::deserialize(d).map(|t| Tree::Newtype(Box::new(t)))
    }
    fn visit_bool<E>(self, v: bool) -> Result<Tree, E> {
        Ok(Tree::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Tree, E> {
        Ok(Tree::I64(v))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Tree, E> {
        Ok(Tree::U64(v))
    }
    fn visit_i128<E>(self, v: i128) -> Result<Tree, E> {
        Ok(Tree::I128(v))
    }
    fn visit_u128<E>(self, v: u128) -> Result<Tree, E> {
        Ok(Tree::U128(v))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Tree, E> {
        Ok(Tree::F64(v.to_bits()))
    }
    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Tree, E> {
        Ok(Tree::Borrowed(v.to_owned()))
    }
    fn visit_str<E>(self, v: &str) -> Result<Tree, E> {
        Ok(Tree::Str(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Tree, E> {
        Ok(Tree::String(v))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Tree, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Tree::Seq(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Tree, A::Error> {
        let mut entries = Vec::new();
        while let Some(entry) = map.next_entry()? {
            entries.push(entry);
        }
        Ok(Tree::Map(entries))
    }
}

/// A unit-only enum, read from a scalar.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
enum Layout {
    Post,
    Page,
    Default,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
struct Newtype<'a>(#[serde(borrow)] Cow<'a, str>);

/// A struct with every scalar type, the fields named after the keys of real front
/// matter so that the corpus gives them values (most keys are `Option`al so that
/// a document can succeed without them).
#[derive(Debug, Clone, PartialEq, Deserialize)]
struct Typed<'a> {
    title: Option<&'a str>,
    #[serde(borrow)]
    description: Option<Cow<'a, str>>,
    date: Option<String>,
    url: Option<Newtype<'a>>,
    ministers: Option<Vec<&'a str>>,
    portfolios: Option<(String,)>,
    layout: Option<Layout>,
    categories: Option<Vec<Option<String>>>,
    keywords: Option<Vec<Cow<'a, str>>>,
    author: Option<char>,
    published: Option<bool>,
    weight: Option<i8>,
    order: Option<i16>,
    sidebar_position: Option<i32>,
    year: Option<i64>,
    big: Option<i128>,
    small: Option<u8>,
    port: Option<u16>,
    count: Option<u32>,
    id: Option<u64>,
    huge: Option<u128>,
    ratio: Option<f32>,
    score: Option<f64>,
    nothing: Option<()>,
    #[serde(default)]
    tags: Vec<String>,
    params: Option<BTreeMap<String, Tree>>,
}

/// The outcome of one comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Took {
    Fast,
    Declined,
}

/// Whether the fast path took `block` for `T`, after checking that serde_yaml agrees
/// with what it gave.
#[track_caller]
fn agree<'a, T>(block: &'a str) -> Took
where
    T: Deserialize<'a> + fmt::Debug,
{
    let Ok((fast, distinct_keys)) = fast::from_str::<T>(block) else {
        // A block in the subset gives every `T` that serde_yaml reads from it: a
        // decline there only costs speed, but the fast path exists to take it.
        if fast::from_str::<IgnoredAny>(block).is_ok() {
            if let Ok(full) = serde_yaml::from_str::<T>(block) {
                panic!(
                    "{}: the fast path declined {full:?}, in its subset, on {block:?}",
                    std::any::type_name::<T>()
                );
            }
        }
        return Took::Declined;
    };
    // A proof of distinct keys must hold for the repeated-key check too.
    if distinct_keys {
        assert!(
            locate::parse(block).is_none_or(|root| first_repeat(&root, &mut Vec::new()).is_none()),
            "the fast path missed a repeated key in {block:?}"
        );
    }
    match serde_yaml::from_str::<T>(block) {
        // Debug text, so that NaN equals NaN and -0.0 differs from 0.0.
        Ok(full) => assert_eq!(
            format!("{fast:?}"),
            format!("{full:?}"),
            "{}: the fast path differs on {block:?}",
            std::any::type_name::<T>()
        ),
        Err(e) => panic!(
            "{}: the fast path gave {fast:?} where serde_yaml fails ({e}) on {block:?}",
            std::any::type_name::<T>()
        ),
    }
    Took::Fast
}

/// Per type, how many documents the fast path took, of how many.
#[derive(Debug, Default)]
struct Tally {
    counts: BTreeMap<&'static str, (usize, usize)>,
}

impl Tally {
    fn add(&mut self, name: &'static str, took: Took) {
        let entry = self.counts.entry(name).or_default();
        entry.0 += usize::from(took == Took::Fast);
        entry.1 += 1;
    }

    fn fast(&self, name: &str) -> usize {
        self.counts.get(name).map_or(0, |c| c.0)
    }
}

impl fmt::Display for Tally {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (name, (fast, total)) in &self.counts {
            writeln!(f, "fast path: {fast} of {total} documents for {name}")?;
        }
        Ok(())
    }
}

/// Every check on one document's text; `full` also runs the crate's own entry
/// point twice per type (slower).
fn check_document(src: &str, tally: &mut Tally, full: bool) {
    let Ok(doc) = crate::split(src) else { return };
    let Some(block) = doc.front_matter() else {
        return;
    };
    tally.add("generic value (visitor trace)", agree::<Tree>(block));
    tally.add("generic value (masthead)", agree::<Value>(block));
    tally.add(
        "generic value (serde_json)",
        agree::<serde_json::Value>(block),
    );
    tally.add("Release", agree::<Release>(block));
    tally.add("every scalar type", agree::<Typed>(block));
    tally.add(
        "map of ignored values",
        agree::<BTreeMap<Cow<str>, IgnoredAny>>(block),
    );
    if full {
        same_through_crate::<Release>(&doc);
        same_through_crate::<Typed>(&doc);
        same_through_crate::<Value>(&doc);
    }
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            files(&path, out);
        } else if path
            .extension()
            .is_some_and(|e| ["md", "markdown", "mdx", "mkdn"].iter().any(|x| e == *x))
        {
            out.push(path);
        }
    }
}

/// Runs every check over the documents under `dir`.
fn sweep(dir: &Path, full: bool) -> (Tally, usize) {
    let mut paths = Vec::new();
    files(dir, &mut paths);
    let mut tally = Tally::default();
    for path in &paths {
        let bytes = std::fs::read(path).unwrap();
        if let Ok(src) = std::str::from_utf8(&bytes) {
            check_document(src, &mut tally, full);
        }
    }
    (tally, paths.len())
}

/// The curated corpus in the repository (see `tests/corpus/SOURCES.md`).
const CURATED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus");

/// Where the full corpus is when `MASTHEAD_CORPUS` is unset.
const DEFAULT_FULL: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus");

/// The `samples/` folder of the full corpus: `$MASTHEAD_CORPUS/samples`, by default
/// `../shared/corpus/samples` beside the crate (found as `tests/it/corpus.rs` finds
/// it). Panics when it is missing, so that a sweep never passes by reading nothing.
fn full_samples() -> PathBuf {
    let (corpus, from) = match std::env::var_os("MASTHEAD_CORPUS") {
        Some(dir) => (PathBuf::from(dir), "MASTHEAD_CORPUS"),
        None => (PathBuf::from(DEFAULT_FULL), "the default"),
    };
    let samples = corpus.join("samples");
    assert!(
        samples.join("stats.tsv").is_file(),
        "the full corpus is missing: {} (from {from}) has no samples/stats.tsv. Set \
         MASTHEAD_CORPUS to the corpus folder (the one holding samples/), or check it out \
         at the default {DEFAULT_FULL}; the sweep_ tests need it",
        corpus.display()
    );
    samples
}

/// Every check over the documents under `dir`: `documents` of them, and per type,
/// how many blocks the fast path took of how many (`name`, fast, total). With the
/// `toml` feature, the `toml` TOML blocks are blocks too (which the fast path,
/// reading YAML, never takes).
fn agrees_on_documents(
    dir: &Path,
    documents: usize,
    toml: usize,
    expected: &[(&str, usize, usize)],
) {
    let (tally, found) = sweep(dir, true);
    println!("{found} sample documents\n{tally}");
    assert_eq!(found, documents, "documents under {}", dir.display());
    let toml = if cfg!(feature = "toml") { toml } else { 0 };
    let expected: Vec<(&str, usize, usize)> = expected
        .iter()
        .map(|&(name, fast, total)| (name, fast, total + toml))
        .collect();
    let got: Vec<(&str, usize, usize)> = tally
        .counts
        .iter()
        .map(|(name, &(fast, total))| (*name, fast, total))
        .collect();
    assert_eq!(got, expected, "{tally}");
}

/// The `fast_path` fuzz target's seeds and past crash inputs, replayed here because
/// the target's hook exists only with the `__fuzzing` feature.
#[test]
fn the_fast_path_fuzz_seeds_and_crashes_agree() {
    let fuzz = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/fuzz"));
    let mut inputs = Vec::new();
    for dir in ["seeds/fast_path", "crashes/fast_path"] {
        if let Ok(entries) = std::fs::read_dir(fuzz.join(dir)) {
            inputs.extend(entries.map(|e| e.unwrap().path()));
        }
    }
    assert!(inputs.len() >= 5, "{inputs:?}");
    let mut took = 0;
    for path in &inputs {
        let bytes = std::fs::read(path).unwrap();
        let Ok(block) = std::str::from_utf8(&bytes) else {
            continue;
        };
        // What the fuzz target checks, and this file's own comparison.
        let hook = crate::yaml::fast_path_agrees(block);
        let value = agree::<crate::value::Value<'_>>(block);
        let release = agree::<crate::Release>(block);
        assert_eq!(hook, value == Took::Fast || release == Took::Fast);
        took += usize::from(hook);
    }
    // The seeds are written to be taken, but for the declined and repeated ones.
    assert!(took >= inputs.len() - 2, "{took} of {}", inputs.len());
}

/// Blocks with more lines than the fast path's pre-pass records line feeds for, and
/// with more keys in open mappings than its parser keeps for the repeated-key proof:
/// the lines past the record are searched, the keys past the room make the proof
/// give up (the caller then scans the text), and the values stay the same.
#[test]
fn long_blocks_and_many_open_keys_agree() {
    type Map = BTreeMap<String, Tree>;
    for newline in ["\n", "\r\n"] {
        // 150 lines, a comment and a blank line among them, then a list.
        let mut block = String::new();
        for i in 0..150 {
            block.push_str(&format!("key{i}: value {i}{newline}"));
            if i == 100 {
                block.push_str(&format!("# a comment{newline}{newline}"));
            }
        }
        block.push_str(&format!("list:{newline}  - a{newline}  - b{newline}"));
        assert_eq!(agree::<Map>(&block), Took::Fast, "{block:?}");
        assert_eq!(agree::<Value<'_>>(&block), Took::Fast);

        // Six nested mappings of nine keys: 54 keys open at the deepest one, each
        // mapping below the per-mapping bound of the proof.
        let mut nested = String::new();
        for level in 0..6 {
            let pad = " ".repeat(2 * level);
            for k in 0..8 {
                nested.push_str(&format!("{pad}k{level}_{k}: {k}{newline}"));
            }
            nested.push_str(&format!("{pad}next:{newline}"));
        }
        nested.push_str(&format!("{}last: 1{newline}", " ".repeat(12)));
        assert_eq!(agree::<Map>(&nested), Took::Fast, "{nested:?}");
        let (_, distinct) = fast::from_str::<IgnoredAny>(&nested).unwrap();
        assert!(!distinct, "keys past the room are not compared: no proof");
        // The first levels alone fit, and are proved distinct.
        let shallow: String = nested
            .lines()
            .take(18)
            .map(|l| format!("{l}{newline}"))
            .collect();
        let shallow = format!("{shallow}{}last: 1{newline}", " ".repeat(4));
        let (_, distinct) = fast::from_str::<IgnoredAny>(&shallow).unwrap();
        assert!(distinct, "{shallow:?}");
        // A key repeated deep down, and one repeated after the recorded lines,
        // are never proved distinct.
        let repeated = nested.replace("k5_7", "k5_6");
        let (_, distinct) = fast::from_str::<IgnoredAny>(&repeated).unwrap();
        assert!(!distinct);
        let comments = format!("# c{newline}").repeat(60);
        let late = format!("a: 1{newline}{comments}b: 2{newline}");
        let (_, distinct) = fast::from_str::<IgnoredAny>(&late).unwrap();
        assert!(distinct, "{late:?}");
        let late = format!("{late}a: 3{newline}");
        assert_eq!(agree::<Map>(&late), Took::Fast);
        let (_, distinct) = fast::from_str::<IgnoredAny>(&late).unwrap();
        assert!(!distinct);
    }
}

/// Blocks in the subset that `T` refuses go to serde_yaml read once with the path
/// tracked: the same errors as without the fast path, and the same values where
/// serde_yaml accepts what the fast path refused (a visitor that swallows errors).
#[test]
fn rejected_blocks_give_the_full_paths_result() {
    #[derive(Debug, Deserialize)]
    #[allow(dead_code)] // read through Debug
    enum Shape {
        Circle,
        Dot,
    }
    #[derive(Debug, Deserialize)]
    #[allow(dead_code)] // read through Debug
    struct Drawing {
        shape: Shape,
        shapes: Vec<Shape>,
        size: Option<u32>,
    }
    /// Every entry, its value `None` where it is not a `u32`.
    #[derive(Debug)]
    #[allow(dead_code)] // read through Debug
    struct Lenient(Vec<(String, Option<u32>)>);
    impl<'de> Deserialize<'de> for Lenient {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            struct Entries;
            impl<'de> Visitor<'de> for Entries {
                type Value = Lenient;
                fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                    f.write_str("a mapping")
                }
                fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Lenient, A::Error> {
                    let mut out = Vec::new();
                    while let Some(key) = map.next_key::<String>()? {
                        out.push((key, map.next_value::<u32>().ok()));
                    }
                    Ok(Lenient(out))
                }
            }
            d.deserialize_map(Entries)
        }
    }
    let lenient = "---\na: 1\nb: x\n---\n";
    let doc = crate::split(lenient).unwrap();
    let block = doc.front_matter().unwrap();
    let rejected = fast::Miss::Rejected {
        missing_top_field: None,
    };
    assert_eq!(fast::from_str::<Lenient>(block).err(), Some(rejected));
    let value = through_crate::<Lenient>(&doc, true).unwrap();
    assert_eq!(
        format!("{value:?}"),
        r#"Lenient([("a", Some(1)), ("b", None)])"#
    );
    same_through_crate::<Lenient>(&doc);

    // A missing field of the top level is reported from the fast path's own run;
    // the other errors, and a missing field of a nested mapping, by serde_yaml.
    #[derive(Debug, Deserialize)]
    #[allow(dead_code)] // read through Debug
    struct Frame {
        drawing: Drawing,
    }
    for (bad, missing) in [
        ("---\nshape: Dot\nshapes: [Dot, Triangle]\n---\n", None),
        ("---\nshape: Dot\nshapes: []\nsize: -2\n---\n", None),
        ("---\nshape: Dot\n---\n", Some("shapes")),
        ("---\r\nshape: Dot\r\n---\r\n", Some("shapes")),
        ("\u{feff}---\nsize: 1\n---\n", Some("shape")),
        ("---\nshape: Dot\nshape: Dot\nshapes: []\n---\n", None),
        ("---\nshape:\n  - Dot\nshapes: []\n---\n", None),
    ] {
        let doc = crate::split(bad).unwrap();
        let block = doc.front_matter().unwrap();
        let rejected = fast::Miss::Rejected {
            missing_top_field: missing,
        };
        assert_eq!(
            fast::from_str::<Drawing>(block).err(),
            Some(rejected),
            "{bad:?}"
        );
        assert!(through_crate::<Drawing>(&doc, true).is_err(), "{bad:?}");
        same_through_crate::<Drawing>(&doc);
        same_through_crate::<Release>(&doc);

        let indented: String = block.lines().map(|l| format!("  {l}\n")).collect();
        let nested = format!("---\ndrawing:\n{indented}---\n");
        let nested = crate::split(&nested).unwrap();
        let rejected = fast::Miss::Rejected {
            missing_top_field: None,
        };
        let block = nested.front_matter().unwrap();
        assert_eq!(fast::from_str::<Frame>(block).err(), Some(rejected));
        assert!(through_crate::<Frame>(&nested, true).is_err());
        same_through_crate::<Frame>(&nested);
    }
}

#[test]
fn the_fast_path_agrees_on_every_sample_document() {
    // The fast path must keep taking the bulk of real front matter: every valid
    // release of the set, and most blocks as generic values.
    agrees_on_documents(
        Path::new(CURATED),
        319,
        17,
        &[
            ("Release", 48, 281),
            ("every scalar type", 204, 281),
            ("generic value (masthead)", 241, 281),
            ("generic value (serde_json)", 241, 281),
            ("generic value (visitor trace)", 241, 281),
            ("map of ignored values", 241, 281),
        ],
    );
}

#[test]
#[ignore = "full corpus sweep: run with `cargo test -- --ignored sweep_` (MASTHEAD_CORPUS or ../shared/corpus)"]
fn sweep_the_fast_path_agrees_on_every_sample_document() {
    // The fast path must keep taking the bulk of real front matter: the samples hold
    // 2,000 releases, nearly all in the subset (over 1,900), and over 5,000 generic
    // values.
    agrees_on_documents(
        &full_samples(),
        7_527,
        754,
        &[
            ("Release", 1964, 6753),
            ("every scalar type", 5480, 6753),
            ("generic value (masthead)", 6445, 6753),
            ("generic value (serde_json)", 6445, 6753),
            ("generic value (visitor trace)", 6445, 6753),
            ("map of ignored values", 6445, 6753),
        ],
    );
}

/// The whole release archive: `MASTHEAD_ARCHIVE=/path/to/releases cargo test
/// --release --lib -- --ignored archive`.
#[test]
#[ignore = "needs the extracted release archive in MASTHEAD_ARCHIVE"]
fn the_fast_path_agrees_on_the_whole_archive() {
    let dir = std::env::var_os("MASTHEAD_ARCHIVE")
        .expect("MASTHEAD_ARCHIVE names the extracted release archive");
    let (tally, documents) = sweep(Path::new(&dir), true);
    println!("{documents} archive documents\n{tally}");
    assert!(documents >= 55_000, "{documents} documents in the archive");
    assert!(tally.fast("Release") > 50_000, "{tally}");
}
