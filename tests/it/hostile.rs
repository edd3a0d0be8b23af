//! The hostile inputs of issue #5, shared by the catalogue test and the `hostile`
//! bench: each one is cheap to build and, without the crate's limits, costs
//! serde_yaml seconds to minutes and gigabytes.

/// 41 KiB of front matter whose aliases replay one anchor quadratically: a list of
/// 5,900 scalars, replayed 5,900 times (35 million nodes).
pub fn anchors() -> String {
    let n = 5_900;
    let mut s = String::from("---\na: &a [");
    s.push_str(&"x, ".repeat(n - 1));
    s.push_str("x]\nb: [");
    s.push_str(&"*a, ".repeat(n - 1));
    s.push_str("*a]\n---\nbody\n");
    s
}

/// A 1 MB flow nesting, `[[[[…`, never closed.
pub fn flow_nesting() -> String {
    format!("---\na: {}\n---\nbody\n", "[".repeat(1_000_000))
}

/// 3,000 levels of block mappings, one more space of indentation each (4.5 MB).
pub fn block_nesting() -> String {
    let mut s = String::from("---\n");
    for depth in 0..3_000 {
        s.push_str(&" ".repeat(depth));
        s.push_str("k:\n");
    }
    s.push_str("---\nbody\n");
    s
}

/// 3,000 levels of compact block sequences on one line, `- - - …` (6 KB).
pub fn compact_nesting() -> String {
    format!("---\n{}x\n---\nbody\n", "- ".repeat(3_000))
}

/// One scalar of 8 MB.
pub fn big_scalar() -> String {
    format!("---\ntitle: {}\n---\nbody\n", "x".repeat(8_000_000))
}

/// A mapping of 200,000 keys.
pub fn many_keys() -> String {
    let mut s = String::from("---\n");
    for i in 0..200_000 {
        s.push_str(&format!("k{i}: {i}\n"));
    }
    s.push_str("---\nbody\n");
    s
}

/// Every hostile input, by name.
pub fn all() -> Vec<(&'static str, String)> {
    vec![
        ("anchors", anchors()),
        ("flow_nesting", flow_nesting()),
        ("block_nesting", block_nesting()),
        ("compact_nesting", compact_nesting()),
        ("big_scalar", big_scalar()),
        ("many_keys", many_keys()),
    ]
}
