//! No panic on any input: generated hostile documents and bytes, with every
//! diagnostic's span inside the input, at its line and column.

use super::*;

/// Pieces of YAML and front matter, to build hostile documents from.
const FRAGMENTS: &[&str] = &[
    "---\n",
    ": ",
    "- ",
    "[",
    "{",
    "\"",
    "'",
    "&a ",
    "*a",
    "!t ",
    "\t",
    "\r\n",
    "#",
    "a",
    "é",
    "~",
    "2024-13-45",
    "http://",
    "title",
    "date",
    "\n",
    "\n  ",
    ", ",
    "]",
    "}",
    "? ",
    "\\",
    "\u{feff}",
    "\u{1b}",
    "\u{202e}",
];

/// Fragments in any order, with or without fences.
fn soup() -> impl Strategy<Value = String> {
    (
        any::<bool>(),
        proptest::collection::vec(proptest::sample::select(FRAGMENTS), 0..40),
        any::<bool>(),
    )
        .prop_map(|(open, fragments, close)| {
            let mut s = String::from(if open { "---\n" } else { "" });
            s.push_str(&fragments.concat());
            if close {
                s.push_str("\n---\n");
            }
            s
        })
}

const INDENTS: &[&str] = &["", "", "", "", "", "", "  ", "- "];
const KEYS: &[&str] = &[
    "title",
    "date",
    "url",
    "ministers",
    "portfolios",
    "attachments",
    "a",
    "é",
    "'date'",
    "\"t\\u0041\"",
    "? title",
    "[a]",
];
const SEPARATORS: &[&str] = &[
    ": ",
    ": ",
    ": ",
    ": ",
    ":\t",
    ":\n  - ",
    ":\n  - a\n  - ",
    ":\n  k: ",
    ":\n  k: 1\n  k: ",
];
const VALUES: &[&str] = &[
    "",
    "~",
    "x",
    "é 日本",
    "2024-13-45",
    "2024-05-13",
    "0001-01-01",
    "/rel",
    "https://x.nz/",
    "ftp://x.nz/",
    "[a, b]",
    "[]",
    "[~]",
    "['']",
    "{a: 1}",
    "''",
    "\"\\e[31m\u{202e}\"",
    "&a x",
    "*a",
    "!t x",
    "12",
    "# c",
];

/// Fenced documents of lines `indent key separator value`, now and then with a
/// fragment after the value: mostly YAML, so that the rules run.
fn lines() -> impl Strategy<Value = String> {
    let line = (
        proptest::sample::select(INDENTS),
        proptest::sample::select(KEYS),
        proptest::sample::select(SEPARATORS),
        proptest::sample::select(VALUES),
        proptest::option::weighted(0.15, proptest::sample::select(FRAGMENTS)),
    )
        .prop_map(|(indent, key, sep, value, extra)| {
            format!("{indent}{key}{sep}{value}{}\n", extra.unwrap_or(""))
        });
    (
        any::<bool>(),
        proptest::sample::select(&["---\n", "---\r\n"][..]),
        proptest::collection::vec(line, 0..8),
        proptest::sample::select(&["---\n", "---\n", "...\n", "---", ""][..]),
    )
        .prop_map(|(bom, open, lines, close)| {
            let bom = if bom { "\u{feff}" } else { "" };
            format!("{bom}{open}{}{close}body\n", lines.concat())
        })
}

fn strict_nested() -> Schema {
    let inner = Schema::new().required("title", Rule::date()).strict(true);
    Schema::new()
        .required("title", Rule::string().non_empty())
        .optional(
            "date",
            Rule::all([Rule::date().into(), Rule::from(Rule::string())]),
        )
        .optional(
            "a",
            Rule::one_of([
                Rule::list(Rule::url()).min_len(2).into(),
                Rule::mapping(inner).into(),
            ]),
        )
        .strict(true)
}

/// Splits and validates `input` under two schemas; every diagnostic's span lies in
/// the input, on character boundaries, at its line and column, and shows clean.
fn check_input(input: &str, seen: &mut BTreeMap<Kind, usize>) -> Result<(), TestCaseError> {
    let doc = match split(input) {
        Ok(doc) => doc,
        Err(e) => {
            let report = Report::from(e);
            prop_assert_eq!(report.len(), 1);
            *seen.entry(report.as_slice()[0].kind()).or_default() += 1;
            return Ok(());
        }
    };
    for schema in [Schema::release(), strict_nested()] {
        let report = validate(&doc, &schema);
        for d in &report {
            let span = d.span();
            prop_assert!(span.start() <= span.end() && span.end() <= input.len());
            prop_assert!(input.is_char_boundary(span.start()));
            prop_assert!(input.is_char_boundary(span.end()));
            prop_assert_eq!(span.location(), Location::of(input, span.start()));
            let shown = d.to_string();
            prop_assert!(!shown.chars().any(char::is_control), "{:?}", shown);
            let rendered = Renderer::new().render(d, "x.md", input);
            let raw = rendered.chars().any(|c| c.is_control() && c != '\n');
            prop_assert!(!raw, "{:?}", rendered);
            *seen.entry(d.kind()).or_default() += 1;
        }
        let _ = from_str_validated::<Release>(input, &schema);
    }
    Ok(())
}

#[test]
fn no_input_panics_and_every_span_is_real() {
    let config = ProptestConfig {
        failure_persistence: None,
        ..ProptestConfig::with_cases(512)
    };
    // A fixed seed: the coverage check below must not depend on luck.
    let rng = proptest::test_runner::TestRng::deterministic_rng(
        proptest::test_runner::RngAlgorithm::ChaCha,
    );
    let mut runner = TestRunner::new_with_rng(config, rng);
    let seen = std::cell::RefCell::new(BTreeMap::new());
    let inputs = prop_oneof![soup(), lines()];
    let result = runner.run(&inputs, |input| check_input(&input, &mut seen.borrow_mut()));
    if let Err(e) = result {
        panic!("{e}");
    }
    // The generator must reach the rules, or the property proves little.
    let seen = seen.into_inner();
    let kinds = [
        NoFrontMatter,
        UnterminatedFrontMatter,
        YamlSyntax,
        InvalidType,
        MissingField,
        EmptyValue,
        MalformedDate,
        DuplicateKey,
        UnknownField,
    ];
    for kind in kinds {
        assert!(seen.contains_key(&kind), "{kind:?} in {seen:?}");
    }
}

#[test]
fn no_bytes_panic() {
    let config = ProptestConfig {
        failure_persistence: None,
        ..ProptestConfig::with_cases(256)
    };
    let mut runner = TestRunner::new(config);
    let bytes = proptest::collection::vec(
        prop_oneof![
            any::<u8>(),
            proptest::sample::select(b"-\n:[{'\" ".to_vec())
        ],
        0..64,
    );
    let result = runner.run(&bytes, |mut bytes| {
        bytes.splice(0..0, b"---\n".iter().copied());
        match split_bytes(&bytes) {
            Ok(doc) => {
                let report = validate(&doc, &Schema::release());
                for d in &report {
                    prop_assert!(d.span().end() <= bytes.len());
                }
            }
            Err(e) => prop_assert!(e.span().end() <= bytes.len()),
        }
        Ok(())
    });
    if let Err(e) = result {
        panic!("{e}");
    }
}
