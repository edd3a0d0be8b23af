//! Generated documents: the subset's grammar, and a little outside it, compared
//! through every check of the differential test. Tests only: they compare the two
//! paths and change neither.

use proptest::prelude::*;

use super::scalars::{every_type, SCALARS};
use super::{check_document, Tally};

fn scalar() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(SCALARS).prop_map(str::to_owned),
        2 => "[a-zA-Z0-9 .:#'\"\\-_+~,\\[\\]!&*?|>é’\\\\]{0,12}",
        1 => "[0-9+\\-.eExXoObB_]{1,8}",
    ]
}

fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[a-z]{1,6}",
        2 => prop::sample::select(&["a", "b", "'a'", "\"a\"", "'b'"][..]).prop_map(str::to_owned),
        1 => prop::sample::select(&["a b", "'k'", "\"k\"", "'a''b'", "1", "~", "true", "-k", "C#", "x:y", "\"\\u00e9\""][..]).prop_map(str::to_owned),
        1 => scalar(),
    ]
}

/// A value written after `key:` at indentation `indent`.
fn value(indent: usize, depth: u32) -> BoxedStrategy<String> {
    let pad = " ".repeat(indent);
    let leaf = prop_oneof![
        4 => scalar().prop_map(|s| format!(" {s}\n")),
        1 => Just("\n".to_owned()),
        1 => scalar().prop_map(|s| format!(" {s} # note\n")),
        1 => prop::collection::vec(scalar(), 0..4).prop_map(|v| format!(" [{}]\n", v.join(", "))),
    ];
    if depth == 0 {
        return leaf.boxed();
    }
    let seq_pad = pad.clone();
    let map_pad = pad.clone();
    let item_pad = pad.clone();
    prop_oneof![
        4 => leaf,
        1 => (prop::collection::vec(scalar(), 1..4), prop::sample::select(&[0usize, 2, 4][..]))
            .prop_map(move |(items, extra)| {
                let p = format!("{seq_pad}{}", " ".repeat(extra));
                let mut out = "\n".to_owned();
                for item in items {
                    out.push_str(&format!("{p}- {item}\n"));
                }
                out
            }),
        1 => (prop::collection::vec((key(), value(indent + 4, depth - 1)), 1..3), 1..3usize)
            .prop_map(move |(entries, items)| {
                // A sequence of mappings: `- k: v` and its further entries below.
                let mut out = "\n".to_owned();
                for _ in 0..items {
                    for (n, (k, v)) in entries.iter().enumerate() {
                        let lead = if n == 0 { "- " } else { "  " };
                        out.push_str(&format!("{item_pad}  {lead}{k}:{v}"));
                    }
                }
                out
            }),
        1 => prop::collection::vec((key(), value(indent + 2, depth - 1)), 1..4)
            .prop_map(move |entries| {
                let mut out = "\n".to_owned();
                for (k, v) in entries {
                    out.push_str(&format!("{map_pad}  {k}:{v}"));
                }
                out
            }),
    ]
    .boxed()
}

fn block() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(
            prop_oneof![
                8 => (key(), value(0, 2)).prop_map(|(k, v)| format!("{k}:{v}")),
                1 => Just("# comment\n".to_owned()),
                1 => Just("\n".to_owned()),
                1 => "[ a-z:\\-#'\"\\t\\r]{0,10}\n",
            ],
            1..8,
        ),
        any::<bool>(),
    )
        .prop_map(|(lines, crlf)| {
            let text = lines.concat();
            if crlf {
                text.replace('\n', "\r\n")
            } else {
                text
            }
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn generated_documents_agree(block in block()) {
        let mut tally = Tally::default();
        check_document(&format!("---\n{block}---\n"), &mut tally, true);
        every_type(&block, &mut tally);
    }

    #[test]
    fn arbitrary_text_never_panics(block in "[ -~\\t\\r\\né’\u{85}\u{2028}]{0,60}") {
        let mut tally = Tally::default();
        check_document(&format!("---\n{block}\n---\n"), &mut tally, false);
    }
}
