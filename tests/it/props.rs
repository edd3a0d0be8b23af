//! The splitter against an obviously-correct line-by-line twin of the fence grammar,
//! on inputs where fences, near-fences and odd line endings are common.

use masthead::{split, Kind, Location, Span};
use proptest::prelude::*;
use proptest::test_runner::TestRunner;

/// What the grammar says about an input.
#[derive(Debug, PartialEq, Eq)]
enum Outcome<'a> {
    NoFrontMatter { body: &'a str },
    FrontMatter { block: &'a str, body: &'a str },
    Unterminated,
}

/// Whether `line` (with its terminator, if any) is `marker`, then spaces or tabs, then
/// `\n`, `\r\n` or, when `eof_ok`, the end of the input.
fn is_fence(line: &str, marker: &str, eof_ok: bool) -> bool {
    let text = match line.strip_suffix('\n') {
        Some(text) => text.strip_suffix('\r').unwrap_or(text),
        None if eof_ok => line,
        None => return false,
    };
    text.strip_prefix(marker)
        .is_some_and(|rest| rest.chars().all(|c| c == ' ' || c == '\t'))
}

/// The fence grammar, line by line.
fn twin(input: &str) -> Outcome<'_> {
    let rest = input.strip_prefix('\u{feff}').unwrap_or(input);
    let lines: Vec<&str> = rest.split_inclusive('\n').collect();
    match lines.first() {
        Some(first) if is_fence(first, "---", false) => {}
        _ => return Outcome::NoFrontMatter { body: rest },
    }
    let block_start = lines[0].len();
    let mut at = block_start;
    for line in &lines[1..] {
        if is_fence(line, "---", true) || is_fence(line, "...", true) {
            let block = &rest[block_start..at];
            let body = &rest[at + line.len()..];
            return Outcome::FrontMatter { block, body };
        }
        at += line.len();
    }
    Outcome::Unterminated
}

const FRAGMENTS: &[&str] = &[
    "-",
    "-",
    ".",
    "\r",
    "\n",
    "\n",
    " ",
    "\t",
    "\u{feff}",
    "\u{e9}",
    "\u{20ac}",
    "a",
    ":",
    "---",
    "...",
    "---\n",
    "---\n",
    "---\r\n",
    "...\n",
    "...\r\n",
    "--- \n",
    "---\t\r\n",
    "\n---\n",
    "\n...",
    "\n---",
    "----\n",
    "---\r",
    "k: v\n",
    "  ---\n",
    "---x\n",
];

const OPENERS: &[&str] = &["---\n", "---\r\n", "--- \t\n", "---", "----\n", "\n---\n"];

fn inputs() -> impl Strategy<Value = String> {
    (
        any::<bool>(),
        proptest::option::weighted(0.7, proptest::sample::select(OPENERS)),
        proptest::collection::vec(proptest::sample::select(FRAGMENTS), 0..24),
    )
        .prop_map(|(bom, opener, fragments)| {
            let mut s = String::from(if bom { "\u{feff}" } else { "" });
            s.push_str(opener.unwrap_or(""));
            s.push_str(&fragments.concat());
            s
        })
}

fn check_span(input: &str, span: Span) -> Result<(), TestCaseError> {
    prop_assert!(span.start() <= span.end() && span.end() <= input.len());
    prop_assert!(input.is_char_boundary(span.start()) && input.is_char_boundary(span.end()));
    prop_assert_eq!(span.location(), Location::of(input, span.start()));
    Ok(())
}

/// Checks one input; returns which outcome it had, for the coverage count.
fn check(input: &str) -> Result<usize, TestCaseError> {
    let expected = twin(input);
    let doc = match split(input) {
        Ok(doc) => doc,
        Err(err) => {
            prop_assert_eq!(expected, Outcome::Unterminated);
            prop_assert_eq!(err.kind(), Kind::UnterminatedFrontMatter);
            let bom = if input.starts_with('\u{feff}') { 3 } else { 0 };
            prop_assert_eq!(
                (
                    err.span().start(),
                    err.span().end(),
                    err.line(),
                    err.column()
                ),
                (bom, bom + 3, 1, 1)
            );
            check_span(input, err.span())?;
            return Ok(2);
        }
    };
    let bom = if doc.has_bom() { "\u{feff}" } else { "" };
    prop_assert_eq!(doc.has_bom(), input.starts_with('\u{feff}'));
    let body = doc.body_span();
    check_span(input, body)?;
    prop_assert_eq!(body.end(), input.len());
    prop_assert_eq!(&input[body.range()], doc.body());
    let (Some(open), Some(block), Some(close)) = (
        doc.opening_fence_span(),
        doc.front_matter_span(),
        doc.closing_fence_span(),
    ) else {
        prop_assert!(doc.opening_fence_span().is_none());
        prop_assert!(doc.front_matter_span().is_none() && doc.closing_fence_span().is_none());
        prop_assert_eq!(expected, Outcome::NoFrontMatter { body: doc.body() });
        prop_assert_eq!(body.start(), bom.len());
        return Ok(0);
    };
    prop_assert_eq!(
        expected,
        Outcome::FrontMatter {
            block: doc.front_matter().unwrap_or("<none>"),
            body: doc.body()
        }
    );
    for span in [open, block, close] {
        check_span(input, span)?;
    }
    prop_assert_eq!(open.start(), bom.len());
    prop_assert_eq!(open.end(), block.start());
    prop_assert_eq!(block.end(), close.start());
    prop_assert_eq!(close.end(), body.start());
    prop_assert_eq!(doc.front_matter(), Some(&input[block.range()]));
    let parts = [open, block, close, body].map(|span| &input[span.range()]);
    prop_assert_eq!(format!("{bom}{}", parts.concat()), input);
    Ok(1)
}

#[test]
fn split_agrees_with_a_line_by_line_twin() {
    let config = ProptestConfig {
        failure_persistence: None,
        ..ProptestConfig::with_cases(4096)
    };
    let mut runner = TestRunner::new(config);
    let counts = std::cell::RefCell::new([0usize; 3]);
    let result = runner.run(&inputs(), |input| {
        let outcome = check(&input)?;
        counts.borrow_mut()[outcome] += 1;
        Ok(())
    });
    if let Err(e) = result {
        panic!("{e}");
    }
    // The generator must exercise every outcome, or the property proves little.
    let [none, some, unterminated] = counts.into_inner();
    assert!(
        none > 200 && some > 200 && unterminated > 200,
        "outcomes: {none} without front matter, {some} with, {unterminated} unterminated"
    );
}

#[test]
fn twin_examples() {
    assert_eq!(
        twin("\u{feff}---\r\na\n...\nb"),
        Outcome::FrontMatter {
            block: "a\n",
            body: "b"
        }
    );
    assert_eq!(twin("---"), Outcome::NoFrontMatter { body: "---" });
    assert_eq!(twin("---\n---\r"), Outcome::Unterminated);
    assert_eq!(
        twin("---\n---"),
        Outcome::FrontMatter {
            block: "",
            body: ""
        }
    );
}
