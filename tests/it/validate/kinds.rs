//! Every kind validation produces, with exact kind, severity, path, line, column,
//! message and span text in the LF, CRLF and BOM variants; the reference cases of
//! the `release` schema; and the JSON fields of a diagnostic.

use super::*;
use masthead::CustomRule;

#[rustfmt::skip]
#[test]
fn no_front_matter() {
    let row = (NoFrontMatter, E, "", 1, 1, NO_FENCE, "");
    check("# Hello\n\nBody\n", &Schema::release(), &[row]);
    // A blank line before the fence: no front matter, by the grammar.
    check("\n---\ntitle: x\n---\n", &Schema::release(), &[row]);
    // A schema that does not require front matter reads an absent block as empty …
    check("# Hello\n", &Schema::new(), &[]);
    // … so its required fields are missing, at the start of the document.
    let title = Schema::new().required("title", Rule::string());
    check("# Hello\n", &title, &[(MissingField, E, "title", 1, 1, "missing field `title`", "")]);
}

#[rustfmt::skip]
#[test]
fn unterminated_front_matter_from_the_split() {
    let row = (UnterminatedFrontMatter, E, "", 1, 1, UNTERMINATED, "---");
    check("---\ntitle: x\n", &Schema::release(), &[row]);
    check("---\ntitle: x\n----\nbody", &Schema::any(), &[row]);
}

#[rustfmt::skip]
#[test]
fn yaml_syntax() {
    // libyaml stops at the `:` of a mapping it cannot accept …
    check("---\na: b\n c: d\n---\n", &Schema::any(),
        &[(YamlSyntax, E, "", 3, 3, "invalid YAML: mapping values are not allowed in this context", "")]);
    // … at the end of the block (the closing fence's line) for a flow sequence that
    // never closes, before any schema is consulted …
    check("---\ntitle: [a\n---\n", &Schema::release(),
        &[(YamlSyntax, E, "", 3, 1, "invalid YAML: did not find expected ',' or ']' (while parsing a flow sequence that starts at line 2 column 8)", "")]);
    // … and at a tab that indents a key.
    check("---\n\tdate: x\n---\n", &date(),
        &[(YamlSyntax, E, "", 2, 1, "invalid YAML: found character that cannot start any token, while scanning for the next token", "")]);
}

#[rustfmt::skip]
#[test]
fn invalid_type() {
    let string = Schema::new().required("title", Rule::string());
    check("---\ntitle: [a, b]\n---\n", &string, &[(InvalidType, E, "title", 2, 8, SEQ, "[a, b]")]);
    check("---\ntitle:\n  - a\n  - b\n---\n", &string, &[(InvalidType, E, "title", 3, 3, SEQ, "- a\n  - b")]);
    check("---\ntitle: {a: 1}\n---\n", &string,
        &[(InvalidType, E, "title", 2, 8, "invalid type: mapping, expected a string", "{a: 1}")]);
    // Scalars for a list, each named with its YAML type.
    for (value, what) in [("Jo", "string `Jo`"), ("12", "integer `12`"), ("true", "boolean `true`"), ("1.5", "float `1.5`")] {
        let message = format!("invalid type: {what}, expected a list of non-empty strings");
        check(&format!("---\nministers: {value}\n---\n"), &ministers(),
            &[(InvalidType, E, "ministers", 2, 12, &message, value)]);
    }
    // The root must be a mapping; nothing else is checked when it is not.
    let root_seq = "invalid type: sequence, expected a mapping";
    check("---\n- a\n- b\n---\n", &Schema::any(), &[(InvalidType, E, "", 2, 1, root_seq, "- a\n- b")]);
    check("---\n- a\n---\n", &Schema::release(), &[(InvalidType, E, "", 2, 1, root_seq, "- a")]);
    check("---\nhello\n---\n", &Schema::any(),
        &[(InvalidType, E, "", 2, 1, "invalid type: string `hello`, expected a mapping", "hello")]);
    check("---\n42\n---\n", &Schema::release(),
        &[(InvalidType, E, "", 2, 1, "invalid type: integer `42`, expected a mapping", "42")]);
    // A nested mapping expected.
    check("---\nauthor: Jo\n---\n", &author(),
        &[(InvalidType, E, "author", 2, 9, "invalid type: string `Jo`, expected a mapping", "Jo")]);
    check("---\nauthor:\n  - Jo\n---\n", &author(),
        &[(InvalidType, E, "author", 3, 3, "invalid type: sequence, expected a mapping", "- Jo")]);
    // Inside a list of mappings.
    check("---\nauthors:\n  - name: [A]\n---\n", &authors(Schema::new().required("name", Rule::string())),
        &[(InvalidType, E, "authors[0].name", 3, 11, SEQ, "[A]")]);
    // Too short a list that is not empty.
    check("---\nds: [a]\n---\n", &Schema::new().required("ds", Rule::list(Rule::string()).min_len(2)),
        &[(InvalidValue, E, "ds", 2, 5, "the list has fewer than 2 entries", "[a]")]);
    // A schema names its fields by text: a sequence as a key is no field name …
    check("---\ntitle: x\n? [a]\n: b\n---\n", &title(),
        &[(InvalidType, E, "", 3, 3, "invalid type: sequence as a key, expected a field name", "[a]")]);
    // … while a schema without fields takes any mapping.
    check("---\n? [a]\n: b\n---\n", &Schema::any(), &[]);
}

#[rustfmt::skip]
#[test]
fn missing_field() {
    let two = Schema::new().required("title", Rule::string()).required("date", Rule::date());
    // At the root: the opening fence.
    check("---\ntitle: x\n---\n", &two, &[(MissingField, E, "date", 1, 1, "missing field `date`", "---")]);
    // In a nested mapping, block or flow: its key.
    let nested = (MissingField, E, "author.url", 2, 1, "missing field `author.url`", "author");
    check("---\nauthor:\n  name: A\n---\n", &author(), &[nested]);
    check("---\nauthor: {name: A}\n---\n", &author(), &[nested]);
    // In a mapping inside a list, which has no key: the mapping.
    check("---\nauthors:\n  - name: A\n---\n", &authors(Schema::new().required("url", Rule::url())),
        &[(MissingField, E, "authors[0].url", 3, 5, "missing field `authors[0].url`", "name: A")]);
    // Optional fields may be absent.
    let optional = Schema::new().required("title", Rule::string()).optional("tags", Rule::list(Rule::string()));
    check("---\ntitle: x\n---\n", &optional, &[]);
}

#[rustfmt::skip]
#[test]
fn empty_value() {
    // No text at all: the key stands in for the value.
    check("---\ntitle:\n---\n", &title(), &[(EmptyValue, E, "title", 2, 1, NULL, "title")]);
    check("---\ntitle: ~\n---\n", &title(), &[(EmptyValue, E, "title", 2, 8, NULL, "~")]);
    check("---\ntitle: null\n---\n", &title(), &[(EmptyValue, E, "title", 2, 8, NULL, "null")]);
    check("---\ntitle: \"\"\n---\n", &title(), &[(EmptyValue, E, "title", 2, 8, BLANK, "\"\"")]);
    check("---\ntitle: '  '\n---\n", &title(),
        &[(EmptyValue, E, "title", 2, 8, "blank value \"  \", expected a non-empty string", "'  '")]);
    // A block scalar of blank lines: its indicator.
    check("---\ntitle: |\n  \n\n---\n", &title(), &[(EmptyValue, E, "title", 2, 8, BLANK, "|")]);
    check("---\nministers: []\n---\n", &ministers(),
        &[(EmptyValue, E, "ministers", 2, 12, "empty list, expected at least one entry", "[]")]);
    check("---\nministers: [~]\n---\n", &ministers(), &[(EmptyValue, E, "ministers[0]", 2, 13, NULL, "~")]);
    // An entry that is a bare `-`: the dash stands in for it.
    check("---\nministers:\n  -\n  - A\n---\n", &ministers(), &[(EmptyValue, E, "ministers[0]", 3, 3, NULL, "-")]);
    check("---\nministers:\n  - A\n  - ''\n---\n", &ministers(), &[(EmptyValue, E, "ministers[1]", 4, 5, BLANK, "''")]);
    check("---\nministers:\n---\n", &ministers(),
        &[(EmptyValue, E, "ministers", 2, 1, "null value, expected a list of non-empty strings", "ministers")]);
    check("---\nurl: ''\n---\n", &web_url(), &[(EmptyValue, E, "url", 2, 6, "blank value \"\", expected a URL", "''")]);
    // An optional field may be null.
    check("---\nattachments:\n---\n", &Schema::new().optional("attachments", Rule::list(Rule::url())), &[]);
}

#[rustfmt::skip]
#[test]
fn malformed_date() {
    check("---\ndate: 2024-13-45\n---\n", &date(), &[(MalformedDate, E, "date", 2, 7, MONTH_13, "2024-13-45")]);
    // Characters of several bytes on an earlier line, a comment after the value.
    check("---\ntitle: Grüße 日本\ndate: 2024-02-30 # soon\n---\n", &date(),
        &[(MalformedDate, E, "date", 3, 7, "invalid date `2024-02-30`: 2024-02 has 29 days", "2024-02-30")]);
    // Characters of several bytes before the value on its line: columns count characters.
    check("---\n{é: 1, date: 2023-02-29}\n---\n", &date(),
        &[(MalformedDate, E, "date", 2, 14, "invalid date `2023-02-29`: 2023-02 has 28 days", "2023-02-29")]);
    // A quoted value: the span takes the quotes, the message the value.
    let slashes = format!("invalid date `13/05/2024`: {NOT_A_DATE}");
    check("---\ndate: '13/05/2024'\n---\n", &date(), &[(MalformedDate, E, "date", 2, 7, &slashes, "'13/05/2024'")]);
    let number = format!("invalid date `20240513`: {NOT_A_DATE}");
    check("---\ndate: 20240513\n---\n", &date(), &[(MalformedDate, E, "date", 2, 7, &number, "20240513")]);
    check("---\ndate: 2024-05-13T25:00:00Z\n---\n", &date(), &[(MalformedDate, E, "date", 2, 7,
        "invalid date `2024-05-13T25:00:00Z`: hour 25 is out of range",
        "2024-05-13T25:00:00Z")]);
    // A tab between the colon and the value.
    check("---\ndate:\t2024-13-45\n---\n", &date(), &[(MalformedDate, E, "date", 2, 7, MONTH_13, "2024-13-45")]);
    // Inside a list and a nested mapping.
    check("---\ndates:\n  - 2024-01-01\n  - 2024-02-30\n---\n", &Schema::new().required("dates", Rule::list(Rule::date())),
        &[(MalformedDate, E, "dates[1]", 4, 5, "invalid date `2024-02-30`: 2024-02 has 29 days", "2024-02-30")]);
    check("---\nevent:\n  date: 2023-02-29\n---\n", &Schema::new().required("event", Rule::mapping(date())),
        &[(MalformedDate, E, "event.date", 3, 9, "invalid date `2023-02-29`: 2023-02 has 28 days", "2023-02-29")]);
    // Through an alias: the alias is where the value is used.
    check("---\na: &x 2024-13-45\ndate: *x\n---\n", &date(), &[(MalformedDate, E, "date", 3, 7, MONTH_13, "*x")]);
}

#[rustfmt::skip]
#[test]
fn malformed_url() {
    check("---\nurl: /release/x\n---\n", &web_url(), &[(MalformedUrl, E, "url", 2, 6,
        "invalid URL `/release/x`: a relative URL, expected an absolute one such as `https://example.org/page`",
        "/release/x")]);
    check("---\nattachments:\n  - https://x.nz/a.pdf\n  - a.pdf\n---\n",
        &Schema::new().optional("attachments", Rule::list(Rule::url())),
        &[(MalformedUrl, E, "attachments[1]", 4, 5,
            "invalid URL `a.pdf`: a relative URL, expected an absolute one with a scheme", "a.pdf")]);
    check("---\nurl: ftp://x.nz/\n---\n", &web_url(), &[(MalformedUrl, E, "url", 2, 6,
        "invalid URL `ftp://x.nz/`: scheme `ftp` is not allowed, expected `http` or `https`", "ftp://x.nz/")]);
    check("---\nurl: 'https://x.nz:99999/'\n---\n", &web_url(), &[(MalformedUrl, E, "url", 2, 6,
        "invalid URL `https://x.nz:99999/`: the port is not a number from 0 to 65535", "'https://x.nz:99999/'")]);
    // A host under a suffix: the suffix itself or a name ending in `.suffix`.
    let govt = Schema::new().required("url", Rule::url().host_suffix(".govt.nz"));
    check("---\nurl: https://www.beehive.govt.nz/\n---\n", &govt, &[]);
    check("---\nurl: https://govt.nz/\n---\n", &govt, &[]);
    for host in ["example.com", "notgovt.nz"] {
        let message = format!("invalid URL `https://{host}/x`: host `{host}` is not `govt.nz` or under it");
        let text = format!("https://{host}/x");
        check(&format!("---\nurl: {text}\n---\n"), &govt, &[(MalformedUrl, E, "url", 2, 6, &message, &text)]);
    }
}

#[rustfmt::skip]
#[test]
fn duplicate_key() {
    let dup = |path, line, column, message, text| (DuplicateKey, E, path, line, column, message, text);
    // Every repetition, each at the repeated key.
    check("---\na: 1\nb: 2\na: 3\na: 4\n---\n", &Schema::any(), &[
        dup("a", 4, 1, "duplicate key `a`", "a"),
        dup("a", 5, 1, "duplicate key `a`", "a"),
    ]);
    // Nested mappings, in source order.
    check("---\nm:\n  k: 1\n  j:\n    k: 1\n    k: 2\n  k: 3\n---\n", &Schema::any(), &[
        dup("m.j.k", 6, 5, "duplicate key `k`", "k"),
        dup("m.k", 7, 3, "duplicate key `k`", "k"),
    ]);
    // Mappings inside a list, block and flow.
    check("---\nl:\n  - k: 1\n    k: 2\n  - {j: 1, j: 2}\n---\n", &Schema::any(), &[
        dup("l[0].k", 4, 5, "duplicate key `k`", "k"),
        dup("l[1].j", 5, 12, "duplicate key `j`", "j"),
    ]);
    // Spelled differently, the same field name.
    check("---\ntitle: a\n'title': b\n---\n", &Schema::any(), &[dup("title", 3, 1, "duplicate key `title`", "'title'")]);
    check("---\n1: a\n'1': b\n---\n", &Schema::any(), &[dup("1", 3, 1, "duplicate key `1`", "'1'")]);
    // An explicit key repeated by an implicit one.
    check("---\n? title\n: x\ntitle: y\n---\n", &Schema::any(), &[dup("title", 4, 1, "duplicate key `title`", "title")]);
    // Validation goes on past a repetition.
    check("---\ntitle: a\ntitle: b\ndate: 2024-13-45\n---\n", &date(), &[
        dup("title", 3, 1, "duplicate key `title`", "title"),
        (MalformedDate, E, "date", 4, 7, MONTH_13, "2024-13-45"),
    ]);
    // A repeated field is checked once, at its first entry.
    check("---\ndate: 2024-01-01\ndate: 2024-13-45\n---\n", &date(), &[dup("date", 3, 1, "duplicate key `date`", "date")]);
}

#[rustfmt::skip]
#[test]
fn unknown_field() {
    check("---\ntitle: x\ntitel: y\n---\n", &strict(),
        &[(UnknownField, E, "titel", 3, 1, "unknown field `titel`, expected `author` or `title`", "titel")]);
    check("---\ntitle: x\nauthor:\n  name: a\n  mail: b\n---\n", &strict(),
        &[(UnknownField, E, "author.mail", 5, 3, "unknown field `mail`, expected `name`", "mail")]);
    check("---\nx: 1\n---\n", &Schema::new().strict(true),
        &[(UnknownField, E, "x", 2, 1, "unknown field `x`, there are no fields", "x")]);
    check("---\nauthors:\n  - name: A\n    url: x\n---\n",
        &authors(Schema::new().required("name", Rule::string()).strict(true)),
        &[(UnknownField, E, "authors[0].url", 4, 5, "unknown field `url`, expected `name`", "url")]);
    // Not strict: anything else is allowed.
    check("---\ntitle: x\ntitel: y\n---\n", &title(), &[]);
}

#[rustfmt::skip]
#[test]
fn the_reference_document_and_the_placeholder_date() {
    check(crate::DESIGN_RELEASE, &Schema::release(), &[]);
    // The archive's placeholder: a warning, and the document stays valid.
    check(&crate::DESIGN_RELEASE.replace("2024-05-13", "0001-01-01"), &Schema::release(),
        &[(MalformedDate, W, "date", 3, 7, "placeholder date `0001-01-01`", "0001-01-01")]);
    // A date that is not one is an error, and the placeholder rule says nothing more.
    check(&crate::DESIGN_RELEASE.replace("2024-05-13", "0001-13-01"), &Schema::release(),
        &[(MalformedDate, E, "date", 3, 7, "invalid date `0001-13-01`: month 13 is out of range", "0001-13-01")]);
}

fn slug() -> CustomRule {
    Rule::custom(
        "slug",
        |v| {
            v.as_str()
                .is_some_and(|s| s.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'))
        },
        "`{value}` is not a slug of lowercase letters and dashes",
    )
}

#[rustfmt::skip]
#[test]
fn custom_rules() {
    let message = "`Hello World` is not a slug of lowercase letters and dashes";
    let src = "---\nslug: Hello World\n---\n";
    // A custom check is `invalid-value` unless it names its kind.
    check(src, &Schema::new().required("slug", slug()), &[(InvalidValue, E, "slug", 2, 7, message, "Hello World")]);
    check(src, &Schema::new().required("slug", slug().kind(MalformedUrl).warning()),
        &[(MalformedUrl, W, "slug", 2, 7, message, "Hello World")]);
    check("---\nslug: hello-world\n---\n", &Schema::new().required("slug", slug()), &[]);
    // `{value}` stands for the value wherever it appears.
    let quiet = Rule::custom("quiet", |v| v.as_str().is_none_or(|s| s.to_lowercase() == s), "`{value}` shouts; write `{value}` in lowercase");
    check("---\nname: ABC\n---\n", &Schema::new().required("name", quiet),
        &[(InvalidValue, E, "name", 2, 7, "`ABC` shouts; write `ABC` in lowercase", "ABC")]);
    // A custom check sees typed data: a sequence is one, shown as JSON …
    check("---\nslug: [a]\n---\n", &Schema::new().required("slug", slug()),
        &[(InvalidValue, E, "slug", 2, 7, "`[\"a\"]` is not a slug of lowercase letters and dashes", "[a]")]);
    // … and `True` is the boolean, not the text `true`.
    let flag = Rule::custom("flag", |v| v.is_boolean(), "`{value}` is not a flag");
    check("---\nf: True\n---\n", &Schema::new().required("f", flag.clone()), &[]);
    check("---\nf: 'true'\n---\n", &Schema::new().required("f", flag),
        &[(InvalidValue, E, "f", 2, 4, "`true` is not a flag", "'true'")]);
}

#[rustfmt::skip]
#[test]
fn one_of_and_all() {
    let date_or_dates = Schema::new().required("d", Rule::one_of([Rule::date().into(), Rule::list(Rule::date()).into()]));
    check("---\nd: 2024-01-01\n---\n", &date_or_dates, &[]);
    check("---\nd: [2024-01-01]\n---\n", &date_or_dates, &[]);
    // No alternative passes: the one that went furthest explains it.
    let x = format!("invalid date `x`: {NOT_A_DATE}");
    check("---\nd: x\n---\n", &date_or_dates, &[(MalformedDate, E, "d", 2, 4, &x, "x")]);
    check("---\nd: [2024-13-45]\n---\n", &date_or_dates,
        &[(MalformedDate, E, "d[0]", 2, 5, "invalid date `2024-13-45`: month 13 is out of range", "2024-13-45")]);
    // Every alternative wants another type: one `invalid-type` lists them.
    check("---\nd: {a: 1}\n---\n", &Schema::new().required("d", Rule::one_of([Rule::date().into(), Rule::url().into()])),
        &[(InvalidType, E, "d", 2, 4, "invalid type: mapping, expected a date or a URL", "{a: 1}")]);
    // One alternative: its own diagnostics.
    check("---\nd: x\n---\n", &Schema::new().required("d", Rule::one_of([Rule::date().into()])),
        &[(MalformedDate, E, "d", 2, 4, &x, "x")]);

    // `all`: each rule reports its own problems; one diagnostic per value, an error
    // before a warning.
    let https = Rule::custom("https", |v| v.as_str().is_some_and(|s| s.starts_with("https:")), "`{value}` is not https").warning();
    let https = Schema::new().required("u", Rule::all([Rule::url().into(), Rule::from(https)]));
    check("---\nu: http://x.nz/\n---\n", &https,
        &[(InvalidValue, W, "u", 2, 4, "`http://x.nz/` is not https", "http://x.nz/")]);
    check("---\nu: /x\n---\n", &https, &[(MalformedUrl, E, "u", 2, 4,
        "invalid URL `/x`: a relative URL, expected an absolute one with a scheme", "/x")]);
    check("---\nu: https://x.nz/\n---\n", &https, &[]);
    // Inside a warning rule, every problem is a warning.
    check("---\nds: [x, 2024-01-01]\n---\n", &Schema::new().required("ds", Rule::list(Rule::date()).warning()),
        &[(MalformedDate, W, "ds[0]", 2, 6, &x, "x")]);
}

#[rustfmt::skip]
#[test]
fn missing_title_bad_date_relative_url() {
    let src = "---\ndate: 2024-13-45\nurl: /relative\nministers: [A]\nportfolios: [B]\n---\nbody\n";
    check(src, &Schema::release(), &[
        (MissingField, E, "title", 1, 1, "missing field `title`", "---"),
        (MalformedDate, E, "date", 2, 7, MONTH_13, "2024-13-45"),
        (MalformedUrl, E, "url", 3, 6,
            "invalid URL `/relative`: a relative URL, expected an absolute one such as `https://example.org/page`",
            "/relative"),
    ]);
    assert_eq!(
        report(src, &Schema::release()).to_string(),
        "invalid document: 3 errors, 0 warnings; first: error[missing-field]: missing field `title` at line 1 column 1"
    );
}

#[rustfmt::skip]
#[test]
fn an_empty_block_misses_five_fields() {
    let five = [
        (MissingField, E, "title", 1, 1, "missing field `title`", "---"),
        (MissingField, E, "date", 1, 1, "missing field `date`", "---"),
        (MissingField, E, "url", 1, 1, "missing field `url`", "---"),
        (MissingField, E, "ministers", 1, 1, "missing field `ministers`", "---"),
        (MissingField, E, "portfolios", 1, 1, "missing field `portfolios`", "---"),
    ];
    check("---\n---\n", &Schema::release(), &five);
    check("---\n...\nbody\n", &Schema::release(), &five);
    check("---\n# only a comment\n\n---\n", &Schema::release(), &five);
    check("---\n~\n---\n", &Schema::release(), &five);
}

#[test]
fn diagnostics_serialize_to_the_lint_fields() {
    let src = "---\ntitle: x\ndate: 0001-01-01\nurl: /r\n---\n";
    let report = validate(&split(src).unwrap(), &Schema::release());
    assert_eq!(report.len(), 4);
    let json: Vec<serde_json::Value> = report
        .iter()
        .map(|d| serde_json::to_value(d).unwrap())
        .collect();
    for (d, value) in report.iter().zip(&json) {
        let object = value.as_object().unwrap();
        let keys: Vec<&str> = object.keys().map(String::as_str).collect();
        let mut sorted = keys.clone();
        sorted.sort_unstable();
        assert_eq!(
            sorted,
            ["column", "kind", "line", "message", "path", "severity"]
        );
        assert_eq!(object["kind"], d.kind().as_str());
        assert_eq!(object["severity"], d.severity().as_str());
        assert_eq!(object["path"], d.path());
        assert_eq!(object["line"], d.line());
        assert_eq!(object["column"], d.column());
        assert_eq!(object["message"], d.message());
    }
    assert_eq!(
        serde_json::to_string(&report.as_slice()[2]).unwrap(),
        r#"{"kind":"malformed-date","severity":"warning","path":"date","line":3,"column":7,"message":"placeholder date `0001-01-01`"}"#
    );
    assert_eq!(
        serde_json::to_string(&report.as_slice()[0]).unwrap(),
        r#"{"kind":"missing-field","severity":"error","path":"ministers","line":1,"column":1,"message":"missing field `ministers`"}"#
    );
}
