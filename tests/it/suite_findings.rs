//! The YAML-test-suite findings of issue #16: errors on block scalars point at the
//! indicator, as serde_yaml does; repeated keys written as collections are found; a
//! block that is not YAML is a syntax error even where serde_yaml meets a type
//! error first.

use std::collections::BTreeMap;

use masthead::{from_str, split, validate, Kind, Rule, Schema};
use serde::de::IgnoredAny;

/// serde_yaml's own position of its error on the block of `src`, in the document:
/// the block starts on line 2 and a byte-order mark is not a column.
fn serde_yaml_position<T: serde::de::DeserializeOwned>(src: &str) -> (usize, usize) {
    let block = split(src).unwrap().front_matter().unwrap();
    let err = serde_yaml::from_str::<T>(block).err().unwrap();
    let at = err.location().unwrap();
    (at.line() + 1, at.column())
}

#[test]
fn errors_on_block_scalars_point_at_the_indicator() {
    for header in ["|", ">", "|-", ">+2", "| # a comment", ">-"] {
        let content = if header.contains('2') { "    5" } else { "  5" };
        for (bom, nl) in [("", "\n"), ("\u{feff}", "\r\n")] {
            let mapping = format!("{bom}---{nl}n: {header}{nl}{content}{nl}---{nl}");
            let err = from_str::<BTreeMap<String, u32>>(&mapping).unwrap_err();
            assert_eq!(err.kind(), Kind::InvalidType, "{mapping:?}");
            assert_eq!((err.line(), err.column()), (2, 4), "{mapping:?}");
            assert_eq!(
                (err.line(), err.column()),
                serde_yaml_position::<BTreeMap<String, u32>>(&mapping),
                "{mapping:?}"
            );
            // The span runs from the indicator to the end of the content.
            let text = &mapping[err.span().range()];
            assert!(
                text.starts_with(&header[..1]) && text.ends_with('5'),
                "{text:?}"
            );

            let sequence = format!("{bom}---{nl}- 1{nl}- {header}{nl}{content}{nl}---{nl}");
            let err = from_str::<Vec<u32>>(&sequence).unwrap_err();
            assert_eq!((err.line(), err.column()), (3, 3), "{sequence:?}");
            assert_eq!(
                (err.line(), err.column()),
                serde_yaml_position::<Vec<u32>>(&sequence),
                "{sequence:?}"
            );
            assert_eq!(err.path(), "[1]");
            assert!(err.message().starts_with("invalid type: string"), "{err:?}");
        }
    }
    // Validation points at the same place.
    let schema = Schema::new().required("n", Rule::list(Rule::string()));
    let report = validate(&split("---\nn: >-\n  5\n---\n").unwrap(), &schema);
    let d = report.iter().next().unwrap();
    assert_eq!((d.kind(), d.line(), d.column()), (Kind::InvalidType, 2, 4));
    // An empty block scalar, and one whose content follows a blank line.
    for src in ["---\nn: |\nm: 1\n---\n", "---\nn: >\n\n  5\n---\n"] {
        let err = from_str::<BTreeMap<String, u32>>(src).unwrap_err();
        assert_eq!((err.line(), err.column()), (2, 4), "{src:?}");
    }
}

#[test]
fn a_key_repeated_as_a_collection_is_a_duplicate_key() {
    // yaml-test-suite X38W: the second key is an alias of the first.
    let src = "---\n{ &a [a, &b b]: *b, *a : [c, *b, d]}\n---\n";
    for err in [
        from_str::<IgnoredAny>(src).unwrap_err(),
        from_str::<serde_yaml::Value>(src).unwrap_err(),
    ] {
        assert_eq!(err.kind(), Kind::DuplicateKey, "{err:?}");
        assert_eq!((err.line(), err.column()), (2, 21));
        assert_eq!(err.message(), "duplicate key `[a, b]`");
    }
    // The same sequence written twice, and an alias of a scalar key.
    let twice = from_str::<IgnoredAny>("---\n? [a, b]\n: 1\n? [a, b]\n: 2\n---\n").unwrap_err();
    assert_eq!(
        (twice.kind(), twice.line(), twice.column()),
        (Kind::DuplicateKey, 4, 3)
    );
    let alias = from_str::<IgnoredAny>("---\n&k a: 1\n*k : 2\n---\n").unwrap_err();
    assert_eq!(
        (alias.kind(), alias.line(), alias.column(), alias.path()),
        (Kind::DuplicateKey, 3, 1, "a")
    );
    // Different values are different keys.
    for ok in [
        "---\n{[a, b]: 1, [a, c]: 2, [a]: 3, {a: b}: 4, {a: c}: 5}\n---\n",
        "---\n{[\"a, b\"]: 1, [a, b]: 2}\n---\n",
    ] {
        assert!(from_str::<IgnoredAny>(ok).is_ok(), "{ok:?}");
    }
}

#[test]
fn a_syntax_error_comes_before_a_type_error_that_serde_yaml_meets_first() {
    // serde_yaml reads `n` into `u32` and stops at its type error; the block is not
    // YAML (an unclosed flow sequence), and that is what the crate reports.
    let src = "---\nn: x\nlist: [a, b\n---\n";
    let block = split(src).unwrap().front_matter().unwrap();
    let theirs = serde_yaml::from_str::<BTreeMap<String, u32>>(block).unwrap_err();
    assert!(
        theirs.to_string().starts_with("n: invalid type: string"),
        "{theirs}"
    );
    let err = from_str::<BTreeMap<String, u32>>(src).unwrap_err();
    assert_eq!(err.kind(), Kind::YamlSyntax);
    let syntax = serde_yaml::from_str::<IgnoredAny>(block).unwrap_err();
    let at = syntax.location().unwrap();
    assert_eq!((err.line(), err.column()), (at.line() + 1, at.column()));
    assert!(err.message().starts_with("invalid YAML: "), "{err:?}");
}
