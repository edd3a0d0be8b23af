//! Every character class the fast path's pre-pass treats apart, at every offset of
//! its 8-byte words and across their boundaries, in plain and quoted scalars and
//! keys: the fast path against serde_yaml. Tests only.

use std::collections::BTreeMap;

use super::{agree, Took, Tree};
use crate::value::Value;

/// Each special class (C0 controls, tab, CR, LF, DEL, C1 and NEL, LS and PS, the
/// BOM, U+FFFE and U+FFFF), neighbours that share their UTF-8 lead bytes, YAML's
/// indicators and quotes, and plain letters.
const CLASSES: &[&str] = &[
    "\0", "\x01", "\x1b", "\x1f", "\t", "\r", "\n", "\x7f", "\u{80}", "\u{85}", "\u{9f}", "\u{a0}",
    "é", "\u{2028}", "\u{2029}", "\u{2027}", "’", "\u{feff}", "\u{fffe}", "\u{ffff}", "\u{fefe}",
    "\u{fffd}", "😀", ":", "#", "'", "\"", "-", "a", "Z",
];

#[test]
fn every_class_at_every_offset_agrees() {
    let mut taken = 0;
    let mut declined = 0;
    for class in CLASSES {
        for before in 0..17 {
            let pad: String = "abcdefghijklmnopq".chars().take(before).collect();
            let tail = "cdefghij";
            for block in [
                format!("key: {pad}{class}{tail}\n"),
                format!("key: {pad}{class}\n"),
                format!("key: '{pad}{class}{tail}'\n"),
                format!("key: \"{pad}{class}{tail}\"\n"),
                format!("{pad}{class}{tail}: v\n"),
                format!("k:\n- {pad}{class}{tail}\r\n"),
            ] {
                for took in [
                    agree::<Tree>(&block),
                    agree::<Value<'_>>(&block),
                    agree::<BTreeMap<String, String>>(&block),
                ] {
                    match took {
                        Took::Fast => taken += 1,
                        Took::Declined => declined += 1,
                    }
                }
            }
        }
    }
    // The fast path takes the letters everywhere, so that the comparison means
    // something, and declines the classes it must.
    assert!(taken > 10 * 17 * 6 * 3, "{taken} taken");
    assert!(declined > 10 * 17 * 6 * 3, "{declined} declined");
    for before in 0..17 {
        let pad = "x".repeat(before);
        assert_eq!(
            agree::<Tree>(&format!("key: ab{pad}cdefghij\n")),
            Took::Fast
        );
        assert_eq!(
            agree::<Tree>(&format!("key: ab{pad}\x7fcdefghij\n")),
            Took::Declined
        );
    }
}
