//! The rustc-style `Renderer` and the one-line `Display` of diagnostics: exact
//! snapshots, plain and coloured; CRLF and byte-order marks never shown; control and
//! bidirectional characters of the input escaped, never printed raw.

use masthead::{Diagnostic, Kind, Renderer, Rule, Schema};

use crate::support::{assert_no_hazard, report};

/// The only diagnostic of `src` under `schema`.
#[track_caller]
fn only(src: &str, schema: &Schema) -> Diagnostic {
    let report = report(src, schema);
    assert_eq!(report.len(), 1, "{report:?}");
    report.into_vec().remove(0)
}

/// Renders the only diagnostic of `src`, plain.
#[track_caller]
fn render(src: &str, schema: &Schema, origin: &str) -> String {
    Renderer::new().render(&only(src, schema), origin, src)
}

fn date() -> Schema {
    Schema::new().required("date", Rule::date())
}

/// `text` without its ANSI colour sequences.
fn strip_ansi(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find("\x1b[") {
        out.push_str(&rest[..at]);
        let after = &rest[at + 2..];
        let end = after.find('m').expect("an SGR sequence ends with `m`");
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    out
}

const DATE: &str = "\
error[malformed-date]: field `date`: invalid date `2024-13-45`: month 13 is out of range
 --> budget.md:3:7
  |
3 | date: 2024-13-45
  |       ^^^^^^^^^^
";

#[test]
fn malformed_date() {
    let src = "---\ntitle: Budget\ndate: 2024-13-45\n---\nbody\n";
    assert_eq!(render(src, &date(), "budget.md"), DATE);
}

#[test]
fn crlf_and_bom_documents_render_like_lf() {
    let crlf = "---\r\ntitle: Budget\r\ndate: 2024-13-45\r\n---\r\nbody\r\n";
    let text = render(crlf, &date(), "budget.md");
    assert_eq!(text, DATE);
    assert!(!text.contains('\r'));
    let bom = "\u{feff}---\r\ntitle: Budget\r\ndate: 2024-13-45\r\n---\r\n";
    let text = render(bom, &date(), "budget.md");
    assert_eq!(text, DATE);
    assert!(!text.contains('\u{feff}') && !text.contains('\r'));
    // On the first line, behind the byte-order mark: the caret still sits under the
    // fence.
    let bom = "\u{feff}---\ntitle: Budget\n---\n";
    assert_eq!(
        render(bom, &date(), "budget.md"),
        "\
error[missing-field]: missing field `date`
 --> budget.md:1:1
  |
1 | ---
  | ^^^
"
    );
}

#[test]
fn missing_field_points_under_the_fence() {
    let src = "---\ntitle: Budget\n---\n";
    let schema = Schema::new()
        .required("title", Rule::string())
        .required("date", Rule::date());
    assert_eq!(
        render(src, &schema, "budget.md"),
        "\
error[missing-field]: missing field `date`
 --> budget.md:1:1
  |
1 | ---
  | ^^^
"
    );
}

#[test]
fn duplicate_key_has_a_note() {
    let src = "---\ntitle: a\ntitle: b\n---\n";
    assert_eq!(
        render(src, &Schema::any(), "doc.md"),
        "\
error[duplicate-key]: duplicate key `title`
 --> doc.md:3:1
  |
3 | title: b
  | ^^^^^
  = note: a YAML mapping cannot repeat a key: keep one of the entries
"
    );
}

#[test]
fn text_that_yaml_reads_as_a_mapping_has_a_note() {
    // The archive's most common problem: a portfolio with `: ` in it, unquoted.
    let src = "---\nportfolios:\n  - Māori Crown Relations: Te Arawhiti\n---\n";
    let schema = Schema::new().required("portfolios", Rule::list(Rule::string()));
    assert_eq!(
        render(src, &schema, "r.md"),
        "\
error[invalid-type]: field `portfolios[0]`: invalid type: mapping, expected a string
 --> r.md:3:5
  |
3 |   - Māori Crown Relations: Te Arawhiti
  |     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  = note: a `: ` inside a value that is not quoted starts a mapping: put the value in quotes
"
    );
}

#[test]
fn a_tab_before_the_value() {
    // The column counts the tab as one character; the source line shows it as four
    // spaces, and the caret follows.
    let src = "---\ndate:\t2024-13-45\n---\n";
    assert_eq!(
        render(src, &date(), "doc.md"),
        "\
error[malformed-date]: field `date`: invalid date `2024-13-45`: month 13 is out of range
 --> doc.md:2:7
  |
2 | date:    2024-13-45
  |          ^^^^^^^^^^
"
    );
}

#[test]
fn characters_of_several_bytes_before_the_value() {
    let src = "---\n{é: 1, date: 2023-02-29}\n---\n";
    assert_eq!(
        render(src, &date(), "doc.md"),
        "\
error[malformed-date]: field `date`: invalid date `2023-02-29`: 2023-02 has 28 days
 --> doc.md:2:14
  |
2 | {é: 1, date: 2023-02-29}
  |              ^^^^^^^^^^
"
    );
}

#[test]
fn wide_line_numbers_widen_the_gutter() {
    let src = "---\na: 1\nb: 2\nc: 3\nd: 4\ne: 5\nf: 6\ng: 7\nh: 8\ndate: 2024-13-45\n---\n";
    assert_eq!(
        render(src, &date(), "doc.md"),
        "\
error[malformed-date]: field `date`: invalid date `2024-13-45`: month 13 is out of range
  --> doc.md:10:7
   |
10 | date: 2024-13-45
   |       ^^^^^^^^^^
"
    );
}

#[test]
fn a_span_over_several_lines_is_underlined_on_its_first() {
    let src = "---\n- a\n- b\n---\n";
    assert_eq!(
        render(src, &Schema::any(), "doc.md"),
        "\
error[invalid-type]: invalid type: sequence, expected a mapping
 --> doc.md:2:1
  |
2 | - a
  | ^^^
"
    );
}

#[test]
fn whole_document_problems() {
    assert_eq!(
        render("---\ntitle: x\n", &Schema::any(), "doc.md"),
        "\
error[unterminated-front-matter]: unterminated front matter: the opening `---` has no closing `---` or `...` line
 --> doc.md:1:1
  |
1 | ---
  | ^^^
  = note: end the front matter with a line `---`
"
    );
    // An empty span gets one caret.
    assert_eq!(
        render("---\na: b\n c: d\n---\n", &Schema::any(), "doc.md"),
        "\
error[yaml-syntax]: invalid YAML: mapping values are not allowed in this context
 --> doc.md:3:3
  |
3 |  c: d
  |   ^
"
    );
}

#[test]
fn control_and_bidi_characters_are_escaped() {
    // `\e` makes an ESC inside the value, so the message holds ESC and U+202E; the
    // source line holds U+202E raw.
    let src = "---\ndate: \"\\e[31m2024\u{202e}\"\n---\n";
    let d = only(src, &date());
    assert!(d.message().contains('\x1b') && d.message().contains('\u{202e}'));
    let text = Renderer::new().render(&d, "doc.md", src);
    assert_eq!(
        text,
        "\
error[malformed-date]: field `date`: invalid date `\\u{1b}[31m2024\\u{202e}`: expected `YYYY-MM-DD` or an RFC 3339 date-time
 --> doc.md:2:7
  |
2 | date: \"\\e[31m2024\\u{202e}\"
  |       ^^^^^^^^^^^^^^^^^^^^
"
    );
    assert_no_hazard(&text);
    assert_eq!(
        d.to_string(),
        "error[malformed-date]: field `date`: invalid date `\\u{1b}[31m2024\\u{202e}`: expected `YYYY-MM-DD` or an RFC 3339 date-time at line 2 column 7"
    );

    // A raw ESC on the source line (here the first line of a document without front
    // matter), and in the origin.
    let src = "# \x1b[31mTitle\u{202e}\n";
    let text = render(src, &Schema::release(), "a\x1b[2J.md");
    assert_eq!(
        text,
        "\
error[no-front-matter]: no front matter: the document does not start with a `---` line
 --> a\\u{1b}[2J.md:1:1
  |
1 | # \\u{1b}[31mTitle\\u{202e}
  | ^
  = note: start the document with a line `---`, the metadata, and a line `---`
"
    );
    assert_no_hazard(&text);

    // A raw ESC inside the block is a YAML error; the line shown is escaped still.
    let src = "---\ntitle: \x1b[31mred\u{202e}\n---\n";
    let d = only(src, &Schema::any());
    assert_eq!(d.kind(), Kind::YamlSyntax);
    for colour in [false, true] {
        let text = Renderer::new().color(colour).render(&d, "doc.md", src);
        assert!(text.contains("title: \\u{1b}[31mred\\u{202e}"), "{text:?}");
        assert_no_hazard(&strip_ansi(&text));
    }
    assert_no_hazard(&d.to_string());
}

#[test]
fn colour() {
    let src = "---\ntitle: Budget\ndate: 2024-13-45\n---\n";
    let d = only(src, &date());
    let text = Renderer::new().color(true).render(&d, "budget.md", src);
    assert_eq!(
        text,
        "\x1b[1;31merror[malformed-date]\x1b[0m\x1b[1m: field `date`: invalid date `2024-13-45`: month 13 is out of range\x1b[0m\n \
         \x1b[1;34m-->\x1b[0m budget.md:3:7\n  \
         \x1b[1;34m|\x1b[0m\n\
         \x1b[1;34m3\x1b[0m \x1b[1;34m|\x1b[0m date: 2024-13-45\n  \
         \x1b[1;34m|\x1b[0m       \x1b[1;31m^^^^^^^^^^\x1b[0m\n"
    );
    assert_eq!(strip_ansi(&text), DATE);

    // Warnings in yellow, notes in blue.
    let src = "---\ndate: 0001-01-01\nurl: https://www.beehive.govt.nz/\ntitle: T\n\
               ministers: [A]\nportfolios: [B]\n---\n";
    let d = only(src, &Schema::release());
    let text = Renderer::new().color(true).render(&d, "r.md", src);
    assert!(
        text.starts_with("\x1b[1;33mwarning[malformed-date]\x1b[0m"),
        "{text:?}"
    );
    assert!(text.contains("\x1b[1;33m^^^^^^^^^^\x1b[0m"), "{text:?}");
    assert_eq!(
        strip_ansi(&text),
        "\
warning[malformed-date]: field `date`: placeholder date `0001-01-01`
 --> r.md:2:7
  |
2 | date: 0001-01-01
  |       ^^^^^^^^^^
"
    );
    let src = "---\na: 1\na: 2\n---\n";
    let text = Renderer::new()
        .color(true)
        .render(&only(src, &Schema::any()), "d.md", src);
    assert!(text.ends_with(
        "  \x1b[1;34m=\x1b[0m note: a YAML mapping cannot repeat a key: keep one of the entries\n"
    ));
    // Plain by default.
    assert_eq!(Renderer::default(), Renderer::new());
    assert!(!Renderer::new().render(&d, "r.md", "").contains('\x1b'));
}

#[test]
fn a_report_renders_each_diagnostic_then_a_blank_line() {
    let src = "---\ndate: 2024-13-45\nurl: /relative\nministers: [A]\nportfolios: [B]\n---\n";
    let report = report(src, &Schema::release());
    assert_eq!(
        Renderer::new().render_report(&report, "r.md", src),
        "\
error[missing-field]: missing field `title`
 --> r.md:1:1
  |
1 | ---
  | ^^^

error[malformed-date]: field `date`: invalid date `2024-13-45`: month 13 is out of range
 --> r.md:2:7
  |
2 | date: 2024-13-45
  |       ^^^^^^^^^^

error[malformed-url]: field `url`: invalid URL `/relative`: a relative URL, expected an absolute one such as `https://example.org/page`
 --> r.md:3:6
  |
3 | url: /relative
  |      ^^^^^^^^^
  = help: include the scheme and host: `https://example.org/relative`

"
    );
}

#[test]
fn display_is_one_line_even_for_a_key_with_a_newline() {
    // `"a\nb"` is a key with a line feed in it.
    let src = "---\n\"a\\nb\": 1\n\"a\\nb\": 2\n---\n";
    let d = only(src, &Schema::any());
    assert_eq!((d.kind(), d.path()), (Kind::DuplicateKey, "a\nb"));
    assert_eq!(
        d.to_string(),
        "error[duplicate-key]: duplicate key `a\\nb` at line 3 column 1"
    );
    assert_eq!(
        Renderer::new().render(&d, "doc.md", src),
        "\
error[duplicate-key]: duplicate key `a\\nb`
 --> doc.md:3:1
  |
3 | \"a\\nb\": 2
  | ^^^^^^
  = note: a YAML mapping cannot repeat a key: keep one of the entries
"
    );

    let d = only("---\n\"a\\nb\": 1\n---\n", &Schema::new().strict(true));
    assert_eq!(
        d.to_string(),
        "error[unknown-field]: unknown field `a\\nb`, there are no fields at line 2 column 1"
    );

    // A path the message does not name is shown before it, escaped too.
    let src = "---\n\"a\\nb\": [1]\n\"c\\td\": x\n---\n";
    let schema = Schema::new()
        .required("a\nb", Rule::string())
        .required("c\td", Rule::date());
    let report = report(src, &schema);
    let shown: Vec<String> = report.iter().map(ToString::to_string).collect();
    assert_eq!(
        shown,
        [
            "error[invalid-type]: field `a\\nb`: invalid type: sequence, expected a string at line 2 column 9",
            "error[malformed-date]: field `c\\td`: invalid date `x`: expected `YYYY-MM-DD` or an RFC 3339 date-time at line 3 column 9",
        ]
    );
    for d in &report {
        let text = Renderer::new().render(d, "doc.md", src);
        assert_eq!(text.lines().count(), 5, "{text}");
        assert_no_hazard(&text);
    }
}

/// A long source line is shown cut around the value, with `…` where text was left
/// out, so that a 50 KB line prints as one short line.
#[test]
fn long_lines_are_cut_around_the_value() {
    let tail = "x".repeat(50_000);
    let src = format!("---\ndate: 2024-13-45 # {tail}\n---\nbody\n");
    let out = render(&src, &date(), "long.md");
    let cut = format!("date: 2024-13-45 # {}…", &tail[..101]);
    assert_eq!(
        out,
        format!(
            "error[malformed-date]: field `date`: invalid date `2024-13-45`: month 13 is out of range
 --> long.md:2:7
  |
2 | {cut}
  |       ^^^^^^^^^^
"
        )
    );

    // The value far to the right: 40 characters of context before it.
    let prefix = format!("list: [{}", "2024-01-01, ".repeat(500));
    let src = format!("---\n{prefix}2024-13-45]\n---\n");
    let schema = Schema::new().required("list", Rule::list(Rule::date()));
    let d = only(&src, &schema);
    assert_eq!(
        (d.kind(), d.line(), d.column()),
        (Kind::MalformedDate, 2, 6008)
    );
    let out = Renderer::new().render(&d, "long.md", &src);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines[3],
        format!("2 | …{}2024-13-45]", &prefix[prefix.len() - 40..])
    );
    assert_eq!(lines[4], format!("  | {}^^^^^^^^^^", " ".repeat(41)));
}
