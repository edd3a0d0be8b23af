//! Every scalar type against every scalar that resolution treats differently, in
//! every position the subset allows. Tests only: they compare the two paths and
//! change neither.

use std::borrow::Cow;
use std::collections::BTreeMap;

use serde::de::IgnoredAny;
use serde::Deserialize;

use super::{agree, check_document, Layout, Newtype, Tally, Tree};
use crate::value::Value;

/// Scalars that the resolution rules treat differently, written plain and quoted.
pub(super) const SCALARS: &[&str] = &[
    "",
    "~",
    "null",
    "Null",
    "NULL",
    "nULL",
    "true",
    "True",
    "TRUE",
    "tRUE",
    "false",
    "False",
    "FALSE",
    "yes",
    "no",
    "on",
    "off",
    "y",
    "n",
    "0",
    "-0",
    "+0",
    "00",
    "007",
    "-007",
    "+007",
    "08",
    "0.",
    "1",
    "-1",
    "+1",
    "++1",
    "+-1",
    "12",
    "+12",
    "-12",
    "1_000",
    "0x1F",
    "0X1F",
    "0x",
    "0x-1",
    "0x+1",
    "-0x1F",
    "+0x1F",
    "0o17",
    "-0o17",
    "0o8",
    "0b101",
    "-0b101",
    "0b2",
    "0xffffffffffffffff",
    "0x10000000000000000",
    "-0x8000000000000000",
    "18446744073709551615",
    "18446744073709551616",
    "-9223372036854775808",
    "-9223372036854775809",
    "340282366920938463463374607431768211455",
    "340282366920938463463374607431768211456",
    "-170141183460469231731687303715884105728",
    "-170141183460469231731687303715884105729",
    "1.5",
    "-1.5",
    "+1.5",
    ".5",
    "-.5",
    "5.",
    "1e3",
    "1E3",
    "1e+3",
    "1e-3",
    "-1e3",
    "1.5e308",
    "1e309",
    "-1e309",
    ".inf",
    ".Inf",
    ".INF",
    "+.inf",
    "-.inf",
    "-.Inf",
    "-.INF",
    ".nan",
    ".NaN",
    ".NAN",
    "-.nan",
    "+.nan",
    "inf",
    "-inf",
    "infinity",
    "nan",
    "NaN",
    "0.1.2",
    "1:30",
    "12:30:00",
    "2024-05-13",
    "2024-05-13T10:00:00Z",
    "a",
    "x",
    "é",
    "’",
    "a b",
    "a  b",
    "a#b",
    "a #b",
    "C#",
    "a:b",
    "http://x.nz/a?b=c&d",
    "What next? R&D now!",
    "-a",
    "-1x",
    "1x",
    "[a]",
    "a]",
    "a,b",
    "'a'",
    "\"a\"",
    "'1'",
    "\"-1\"",
    "'1.5'",
    "\"true\"",
    "'~'",
    "'it''s'",
    "''",
    "''''",
    "\"\"",
    "\"\\\\\\\\\"",
    "\"a\\tb\"",
    "\"\\x41\\u00e9\\U0001F600\"",
    "\"\\N\\_\\L\\P\\0\\a\\b\\v\\f\\r\\e\\ \\/\\\"\"",
    "\"\\q\"",
    "\"\\ud800\"",
    "\"a # b\"",
    "'a # b'",
    "\"  padded  \"",
    "' x '",
    "[a, 'b', \"c\"]",
    "[]",
    "[ ]",
    "[1, 2.5, true, ~, null, '']",
    "[a b, -1]",
    "[a,]",
    "[a, [b]]",
    "[a, {b: c}]",
    "{a: 1}",
    "&x a",
    "*x",
    "!t a",
    "!!str 1",
    "|",
    ">",
    "- a",
    "? a",
    ": a",
    "%x",
    "@x",
    "`x`",
    "a: b",
    "a:",
    "x # comment",
    "post",
    "page",
    "Post",
];

/// A one-field struct of type `T`, for every scalar type.
#[derive(Debug, PartialEq, Deserialize)]
struct One<T> {
    v: T,
}

macro_rules! every_type {
    ($block:expr, $tally:expr, $($t:ty),* $(,)?) => {
        $( $tally.add(stringify!($t), agree::<One<$t>>($block)); )*
    };
}

/// Every type's reading of `block`.
pub(super) fn every_type(block: &str, tally: &mut Tally) {
    every_type!(
        block, tally,
        bool, i8, i16, i32, i64, i128, u8, u16, u32, u64, u128, f32, f64, char, String,
        &str, Cow<str>, (), Option<bool>, Option<i64>, Option<u64>, Option<f64>,
        Option<String>, Option<&str>, Option<()>, Vec<String>, Vec<Option<i64>>,
        Vec<&str>, (String, i64), Option<Layout>, Layout, Newtype, Tree, Value,
        serde_json::Value, IgnoredAny, Option<Tree>, BTreeMap<String, Tree>,
    );
}

#[test]
fn every_scalar_type_agrees_on_every_scalar() {
    let mut tally = Tally::default();
    for scalar in SCALARS {
        for block in [
            format!("v: {scalar}\n"),
            format!("v:   {scalar}   # c\r\n"),
            format!("v:\n- {scalar}\n"),
            format!("v:\n  - {scalar}\n  -\n"),
            format!("v: [{scalar}]\n"),
            format!("{scalar}: v\n"),
            format!("v:\n  {scalar}: 1\n"),
        ] {
            every_type(&block, &mut tally);
            let mut docs = Tally::default();
            check_document(&format!("---\n{block}---\n"), &mut docs, true);
        }
    }
    println!("{tally}");
    // The fast path reads these, so that the comparison above means something.
    for (t, at_least) in [
        ("bool", 5),
        ("i64", 10),
        ("u128", 10),
        ("f64", 30),
        ("Layout", 4),
        ("String", 100),
        ("&str", 100),
        ("Option<()>", 100),
        ("Tree", 500),
    ] {
        assert!(tally.fast(t) >= at_least, "{t}: {tally}");
    }
}
