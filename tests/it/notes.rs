//! Notes and help lines (#16): each common mistake of real front matter gets a hint
//! that says what to write, shown only where it is right. Real curated documents
//! (tests/corpus/) where the corpus has the mistake, synthetic ones otherwise.

// The target structs exist to be deserialized into; their fields are never read.
#![allow(dead_code)]

use std::borrow::Cow;

use masthead::{Diagnostic, Error, Kind, Release, Renderer, Rule, Schema};
use serde::Deserialize;

use crate::corpus;

/// The `= note:` and `= help:` lines of a rendering, without the `  = ` prefix.
fn hints(rendered: &str) -> Vec<String> {
    rendered
        .lines()
        .filter_map(|l| l.trim_start().strip_prefix("= "))
        .map(str::to_owned)
        .collect()
}

#[track_caller]
fn error_hints(err: &Error, src: &str) -> Vec<String> {
    hints(&Renderer::new().render_error(err, "doc.md", src))
}

#[track_caller]
fn diagnostic_hints(d: &Diagnostic, src: &str) -> Vec<String> {
    hints(&Renderer::new().render(d, "doc.md", src))
}

fn curated(rel: &str) -> String {
    String::from_utf8(corpus::read(rel)).unwrap()
}

/// The one diagnostic of `src` under `schema` at `path`.
#[track_caller]
fn at(src: &str, schema: &Schema, path: &str) -> Diagnostic {
    let report = masthead::validate_str(src, schema);
    report
        .iter()
        .find(|d| d.path() == path)
        .unwrap_or_else(|| panic!("no diagnostic at {path}: {report:?}"))
        .clone()
}

#[derive(Debug, Deserialize)]
struct Borrowed<'a> {
    title: &'a str,
    #[serde(default)]
    description: Option<&'a str>,
}

#[derive(Debug, Deserialize)]
struct Owned<'a> {
    #[serde(borrow)]
    title: Cow<'a, str>,
    #[serde(borrow, default)]
    description: Option<Cow<'a, str>>,
}

#[test]
fn a_str_field_that_cannot_borrow_says_what_to_write() {
    const HELP: &str = "help: declare the field `String`, or `Cow<'a, str>` with `#[serde(borrow)]`, to take any string";
    // Valid posts of the new-user trial: a quote doubled, a folded description.
    for (src, path) in [
        ("---\ntitle: 'It''s here'\n---\n", "title"),
        (
            "---\ntitle: Hello\ndescription: >\n  folded\n  text\n---\n",
            "description",
        ),
    ] {
        let err = masthead::from_str::<Borrowed>(src).unwrap_err();
        assert_eq!((err.kind(), err.path()), (Kind::InvalidType, path));
        assert!(
            err.message().ends_with("expected a borrowed string (a `&str` field cannot hold text that has escapes or folded lines)"),
            "{err}"
        );
        assert_eq!(error_hints(&err, src), [HELP]);
        // What the help says to write reads the same posts.
        assert!(masthead::from_str::<Owned>(src).is_ok());
    }
    // Another type error of the same field gets no such help.
    let src = "---\ntitle: [a]\n---\n";
    let err = masthead::from_str::<Borrowed>(src).unwrap_err();
    assert_eq!(err.kind(), Kind::InvalidType);
    assert_eq!(error_hints(&err, src), Vec::<String>::new());
}

#[test]
fn a_tab_in_indentation_says_to_use_spaces() {
    let tabs = [
        "note: tabs are not allowed in YAML indentation",
        "help: indent with spaces",
    ];
    for src in [
        "---\ntags:\n\t- x\n---\n",
        "---\ntitle: x\n\tdate: y\n---\n",
        "---\ntags:\n  \t- x\n---\n",
    ] {
        let err = masthead::from_str::<serde::de::IgnoredAny>(src).unwrap_err();
        assert_eq!(err.kind(), Kind::YamlSyntax, "{src:?}");
        assert_eq!(error_hints(&err, src), tabs, "{src:?}");
        // Validation reports the same error, with the same hints.
        let d = at(src, &Schema::any(), "");
        assert_eq!(diagnostic_hints(&d, src), tabs);
    }
    // A syntax error on a line indented with spaces, or with a tab inside its text.
    for src in ["---\naliases:\n  - %\n---\n", "---\ntitle: a\tb: c\n---\n"] {
        let err = masthead::from_str::<serde::de::IgnoredAny>(src).unwrap_err();
        assert_eq!(err.kind(), Kind::YamlSyntax, "{src:?}");
        assert_eq!(error_hints(&err, src), Vec::<String>::new(), "{src:?}");
    }
}

#[derive(Debug, Deserialize)]
struct Categories {
    categories: Vec<String>,
}

#[test]
fn text_where_a_list_is_expected_says_how_to_write_a_list() {
    // Jekyll's own fixture: `categories: foo bar baz`.
    let src = curated("jekyll/test/source/_posts/2009-01-27-categories.markdown");
    let err = masthead::from_str::<Categories>(&src).unwrap_err();
    assert_eq!(
        err.message(),
        "invalid type: string `foo bar baz`, expected a list"
    );
    let help = ["help: write a list: `categories: [foo bar baz]`, or one `- item` per line"];
    assert_eq!(error_hints(&err, &src), help);
    let schema = Schema::new().required("categories", Rule::list(Rule::string()));
    let d = at(&src, &schema, "categories");
    assert_eq!(
        d.message(),
        "invalid type: string `foo bar baz`, expected a list of strings"
    );
    assert_eq!(diagnostic_hints(&d, &src), help);

    // `tags: a, b`: the items, split at the commas.
    let src = "---\ncategories: a, b\n---\n";
    let err = masthead::from_str::<Categories>(src).unwrap_err();
    assert_eq!(
        error_hints(&err, src),
        ["help: write a list: `categories: [a, b]`, or one `- item` per line"]
    );
    // A release's ministers.
    let src = crate::DESIGN_RELEASE.replace(
        "ministers:\n  - Rt Hon Winston Peters",
        "ministers: Rt Hon Winston Peters",
    );
    let err = masthead::from_str::<Release>(&src).unwrap_err();
    assert_eq!(
        error_hints(&err, &src),
        ["help: write a list: `ministers: [Rt Hon Winston Peters]`, or one `- item` per line"]
    );
    // A quoted value is one string: splitting it at its commas inside the quotes
    // would write a one-item list, so the help shows the shape only.
    for src in [
        "---\ncategories: \"a, b\"\n---\n",
        "---\ncategories: 'a, b'\n---\n",
    ] {
        let err = masthead::from_str::<Categories>(src).unwrap_err();
        assert_eq!(
            error_hints(&err, src),
            ["help: write a list: `[a, b]`, or one `- item` per line"],
            "{src:?}"
        );
    }
    // Not for a mapping where a list is expected, nor for a list where text is.
    for src in [
        "---\ncategories: {a: 1}\n---\n",
        "---\ncategories: [[a]]\n---\n",
    ] {
        let err = masthead::from_str::<Categories>(src).unwrap_err();
        assert_eq!(err.kind(), Kind::InvalidType);
        assert_eq!(error_hints(&err, src), Vec::<String>::new(), "{src:?}");
    }
}

#[test]
fn a_date_in_another_order_says_to_write_yyyy_mm_dd() {
    let cases = [
        ("2024/05/01", Some("help: write dates as `YYYY-MM-DD`: `2024-05-01`")),
        ("2024.5.1", Some("help: write dates as `YYYY-MM-DD`: `2024-05-01`")),
        ("2017-11-8", Some("help: write dates as `YYYY-MM-DD`: `2017-11-08`")),
        (
            "01-05-2024",
            Some("help: write dates as `YYYY-MM-DD`: `2024-01-05` if `01` is the month, `2024-05-01` if it is the day"),
        ),
        ("13/5/2024", Some("help: write dates as `YYYY-MM-DD`: `2024-05-13`")),
        ("5/13/2024", Some("help: write dates as `YYYY-MM-DD`: `2024-05-13`")),
        ("June 12, 2016", Some("help: write dates as `YYYY-MM-DD`: `2016-06-12`")),
        ("12 Sept 2016", Some("help: write dates as `YYYY-MM-DD`: `2016-09-12`")),
        // A date in the right order that does not exist, and text that is no date.
        ("2024-13-45", None),
        ("2024-05-01", None),
        ("yesterday", None),
        ("2024/05/01/12", None),
        // No month or day in range: no date to suggest.
        ("13/13/2024", None),
        ("14/13/2024", None),
        ("00/05/2024", None),
        ("5/45/2024", None),
        ("2024/13/01", None),
        ("June 45, 2016", None),
        ("02/30/2024", None),
        ("Feb 30, 2024", None),
        // Quoted as often as not in real front matter.
        ("\"2024/05/01\"", Some("help: write dates as `YYYY-MM-DD`: `2024-05-01`")),
        ("'06/09/2017'", Some("help: write dates as `YYYY-MM-DD`: `2017-06-09` if `06` is the month, `2017-09-06` if it is the day")),
    ];
    for (date, help) in cases {
        let src = crate::DESIGN_RELEASE.replace("date: 2024-05-13", &format!("date: {date}"));
        let want: Vec<String> = help.into_iter().map(str::to_owned).collect();
        match masthead::from_str::<Release>(&src) {
            Ok(_) => assert!(help.is_none(), "{date}"),
            Err(err) => {
                assert_eq!(err.kind(), Kind::MalformedDate, "{date}");
                assert_eq!(error_hints(&err, &src), want, "{date}");
                let d = at(&src, &Schema::release(), "date");
                assert_eq!(diagnostic_hints(&d, &src), want, "{date}");
            }
        }
    }
}

/// `ms.date: 08/11/2026` (Microsoft's docs write month first).
const PWSH_HELP: &str = "help: write dates as `YYYY-MM-DD`: `2026-08-11` if `08` is the month, `2026-11-08` if it is the day";
/// `date: August 13, 2020`.
const POST_HELP: &str = "help: write dates as `YYYY-MM-DD`: `2020-08-13`";

#[test]
fn dates_of_real_documents_get_their_yyyy_mm_dd() {
    let pwsh = curated("powershell-docs/reference/7.4/Microsoft.PowerShell.Utility/Write-Host.md");
    let schema = Schema::new().required_key("ms.date", Rule::date());
    let d = at(&pwsh, &schema, "ms.date");
    assert_eq!(d.kind(), Kind::MalformedDate);
    assert_eq!(diagnostic_hints(&d, &pwsh), [PWSH_HELP]);
    let post = curated("18f/_posts/2020-08-13-10-weeks-improving-government-through-technology.md");
    let schema = Schema::new().required("date", Rule::date());
    let d = at(&post, &schema, "date");
    assert_eq!(diagnostic_hints(&d, &post), [POST_HELP]);
}

#[test]
fn a_relative_url_says_to_include_the_scheme_and_host() {
    // 18F's about page: `image: /assets/img/about/gsahq.jpg`, checked as a URL.
    let src = curated("18f/_about/index.md");
    let schema = Schema::new().optional("image", Rule::url());
    let d = at(&src, &schema, "image");
    assert_eq!(d.kind(), Kind::MalformedUrl);
    assert_eq!(
        diagnostic_hints(&d, &src),
        ["help: include the scheme and host: `https://example.org/assets/img/about/gsahq.jpg`"]
    );
    let cases = [
        (
            "url: www.beehive.govt.nz/release/x",
            Some("help: include the scheme: `https://www.beehive.govt.nz/release/x`"),
        ),
        (
            "url: //www.beehive.govt.nz/release/x",
            Some("help: include the scheme: `https://www.beehive.govt.nz/release/x`"),
        ),
        (
            "url: '/release/x'",
            Some("help: include the scheme and host: `https://example.org/release/x`"),
        ),
        // An absolute URL with another fault gets no help.
        ("url: ftp://ftp.beehive.govt.nz/x", None),
        ("url: https://www.beehive.govt.nz:99999/x", None),
    ];
    for (line, help) in cases {
        let src = crate::DESIGN_RELEASE.replace(
            "url: https://www.beehive.govt.nz/release/new-zealand-expresses-regret-north-koreas-aggressive-rhetoric",
            line,
        );
        let want: Vec<String> = help.into_iter().map(str::to_owned).collect();
        let err = masthead::from_str::<Release>(&src).unwrap_err();
        assert_eq!(err.kind(), Kind::MalformedUrl, "{line}");
        assert_eq!(error_hints(&err, &src), want, "{line}");
    }
}

#[derive(Debug, Deserialize)]
struct Slide {
    am_i_convertible: bool,
}

#[derive(Debug, Deserialize)]
struct Title {
    title: String,
}

#[test]
fn yes_and_no_for_a_boolean() {
    // Jekyll's fixture: `am_i_convertible: yes`, a string in YAML 1.2.
    let src = curated("jekyll/test/source/_slides/example-slide-7.md");
    let err = masthead::from_str::<Slide>(&src).unwrap_err();
    assert_eq!(
        err.message(),
        "invalid type: string `yes`, expected a boolean"
    );
    assert_eq!(
        error_hints(&err, &src),
        [
            "note: YAML 1.2 reads `yes`, `no`, `on` and `off` as text; its booleans are `true` and `false`",
            "help: write `true`",
        ]
    );
    let src = "---\nam_i_convertible: Off\n---\n";
    let err = masthead::from_str::<Slide>(src).unwrap_err();
    assert_eq!(error_hints(&err, src)[1], "help: write `false`");
    // Other text for a boolean: no hint.
    let src = "---\nam_i_convertible: maybe\n---\n";
    let err = masthead::from_str::<Slide>(src).unwrap_err();
    assert_eq!(error_hints(&err, src), Vec::<String>::new());
}

#[test]
fn an_unquoted_colon_is_explained_on_both_paths() {
    // `- Māori Crown Relations: Te Arawhiti`, as in four real releases.
    let src = crate::DESIGN_RELEASE.replace(
        "  - Foreign Affairs",
        "  - Māori Crown Relations: Te Arawhiti",
    );
    let note = [
        "note: a `: ` inside a value that is not quoted starts a mapping: put the value in quotes",
    ];
    let err = masthead::from_str::<Release>(&src).unwrap_err();
    assert_eq!(error_hints(&err, &src), note);
    let d = at(&src, &Schema::release(), "portfolios[0]");
    assert_eq!(diagnostic_hints(&d, &src), note);
    // A flow mapping, or a block mapping of several lines, was meant as one.
    for src in [
        "---\ntitle: {a: b}\n---\n",
        "---\ntitle:\n  a: b\n  c: d\n---\n",
    ] {
        let err = masthead::from_str::<Title>(src).unwrap_err();
        assert_eq!(err.kind(), Kind::InvalidType);
        assert_eq!(error_hints(&err, src), Vec::<String>::new(), "{src:?}");
    }
}

/// One problem, one wording: a release's faults read the same from the typed
/// `Release` and from the `release` schema.
#[test]
fn typed_and_schema_paths_word_a_problem_alike() {
    let edits = [
        ("title: \"New Zealand expresses regret at North Korea’s aggressive rhetoric\"", "title: ''"),
        ("title: \"New Zealand expresses regret at North Korea’s aggressive rhetoric\"", "title: '  '"),
        ("title: \"New Zealand expresses regret at North Korea’s aggressive rhetoric\"", "title: [a]"),
        ("title: \"New Zealand expresses regret at North Korea’s aggressive rhetoric\"", "title: {a: b}"),
        ("date: 2024-05-13", "date: ''"),
        ("date: 2024-05-13", "date: 2024/05/13"),
        ("date: 2024-05-13", "date: [2024-05-13]"),
        ("ministers:\n  - Rt Hon Winston Peters", "ministers: []"),
        ("  - Foreign Affairs", "  - Te Arawhiti: x"),
        ("  - Foreign Affairs", "  - ''"),
        ("ministers:\n  - Rt Hon Winston Peters", "ministers: A, B"),
        ("url: https://www.beehive.govt.nz/release/new-zealand-expresses-regret-north-koreas-aggressive-rhetoric", "url: /release/x"),
        ("url: https://www.beehive.govt.nz/release/new-zealand-expresses-regret-north-koreas-aggressive-rhetoric", "url: [a]"),
        ("url: https://www.beehive.govt.nz/release/new-zealand-expresses-regret-north-koreas-aggressive-rhetoric", "url:"),
    ];
    for (old, new) in edits {
        let src = crate::DESIGN_RELEASE.replace(old, new);
        assert_ne!(src, crate::DESIGN_RELEASE, "{old}");
        let err = masthead::from_str::<Release>(&src).unwrap_err();
        let d = at(&src, &Schema::release(), err.path());
        assert_eq!(
            (d.kind(), d.message(), d.line(), d.column()),
            (err.kind(), err.message(), err.line(), err.column()),
            "{new}"
        );
        assert!(!err.message().contains("``"), "{err}");
    }
}

#[test]
fn an_unreadable_file_is_named_and_has_no_position() {
    let dir = std::env::temp_dir().join(format!("masthead-notes-{}", std::process::id()));
    let path = dir.join("missing.md");
    let err = masthead::read_front_matter_path(&path).unwrap_err();
    assert_eq!(err.kind(), Kind::Io);
    assert!(!err.has_position());
    let shown = path.display().to_string();
    assert_eq!(
        err.to_string(),
        format!("cannot read `{shown}`: the file does not exist")
    );
    let rendered = Renderer::new().render_error(&err, &shown, "");
    assert_eq!(
        rendered,
        format!("error[io-error]: cannot read `{shown}`: the file does not exist\n --> {shown}\n")
    );
    // A directory cannot be read as a file: named too.
    std::fs::create_dir_all(&dir).unwrap();
    let err = masthead::read_front_matter_path(&dir).unwrap_err();
    assert_eq!(err.kind(), Kind::Io);
    assert!(
        err.message()
            .starts_with(&format!("cannot read `{}`: ", dir.display())),
        "{err}"
    );
    assert!(!err.to_string().contains(" at line "), "{err}");
    std::fs::remove_dir_all(&dir).unwrap();
    // Positioned errors are unchanged.
    assert!(masthead::split("---\n").unwrap_err().has_position());
}

#[test]
fn parsed_keeps_the_document_and_validate_str_splits() {
    let src = "---\ntitle: x\n---\nIntro.\n<!-- more -->\nRest.\n";
    let parsed = masthead::from_str::<Title>(src).unwrap();
    assert_eq!(parsed.document, masthead::split(src).unwrap());
    let excerpt = parsed.document.excerpt().unwrap();
    assert_eq!(&src[excerpt.range()], "Intro.\n");
    let validated = masthead::from_str_validated::<Title>(src, &Schema::any()).unwrap();
    let parsed2: masthead::Parsed<'_, Title> = validated.into();
    assert_eq!(parsed2.document, parsed.document);

    let doc = masthead::split(src).unwrap();
    assert_eq!(
        masthead::validate_str(src, &Schema::release()),
        masthead::validate(&doc, &Schema::release())
    );
    let report = masthead::validate_str("---\nx: 1\n", &Schema::release());
    assert_eq!(report.len(), 1);
    assert_eq!(
        report.iter().next().unwrap().kind(),
        Kind::UnterminatedFrontMatter
    );
}
