//! Messages of the errors about a field's value or its key: `malformed-date`,
//! `malformed-url`, `duplicate-key` and `unknown-field`.

use super::*;

#[test]
fn malformed_date() {
    let date = |line: &'static str| release_with(&[("date: 2024-05-30", line)]);
    let cases = [
        case(
            release,
            date("date: 2024-13-45"),
            "malformed-date",
            "date",
            (3, 7, 24),
            "2024-13-45",
            "field `date`: invalid date `2024-13-45`: month 13 is out of range at line 3 column 7",
        ),
        case(
            release,
            date("date: 2024-02-30"),
            "malformed-date",
            "date",
            (3, 7, 24),
            "2024-02-30",
            "field `date`: invalid date `2024-02-30`: 2024-02 has 29 days at line 3 column 7",
        ),
        case(
            release,
            date("date: 2023-02-29"),
            "malformed-date",
            "date",
            (3, 7, 24),
            "2023-02-29",
            "field `date`: invalid date `2023-02-29`: 2023-02 has 28 days at line 3 column 7",
        ),
        case(
            release,
            date("date: 13/05/2024"),
            "malformed-date",
            "date",
            (3, 7, 24),
            "13/05/2024",
            "field `date`: invalid date `13/05/2024`: expected `YYYY-MM-DD` or an RFC 3339 date-time at line 3 column 7",
        ),
        // Quoted, the span covers the quotes and the message shows the value.
        case(
            release,
            date("date: '2024-13-45'"),
            "malformed-date",
            "date",
            (3, 7, 24),
            "'2024-13-45'",
            "field `date`: invalid date `2024-13-45`: month 13 is out of range at line 3 column 7",
        ),
        case(
            release,
            date("date: 2024-05-30T25:00:00Z"),
            "malformed-date",
            "date",
            (3, 7, 24),
            "2024-05-30T25:00:00Z",
            "field `date`: invalid date `2024-05-30T25:00:00Z`: the time part does not follow RFC 3339 (a field is out of range) at line 3 column 7",
        ),
    ];
    for c in &cases {
        check(c);
    }
}

#[test]
fn malformed_url() {
    let url = |line: &'static str| {
        release_with(&[("url: https://www.beehive.govt.nz/release/budget", line)])
    };
    let cases = [
        case(
            release,
            url("url: /release/budget"),
            "malformed-url",
            "url",
            (4, 6, 40),
            "/release/budget",
            "field `url`: invalid URL `/release/budget`: a relative URL, expected an absolute one such as `https://example.org/page` at line 4 column 6",
        ),
        case(
            release,
            url("url: www.beehive.govt.nz/release/budget"),
            "malformed-url",
            "url",
            (4, 6, 40),
            "www.beehive.govt.nz/release/budget",
            "field `url`: invalid URL `www.beehive.govt.nz/release/budget`: a relative URL, expected an absolute one such as `https://example.org/page` at line 4 column 6",
        ),
        case(
            release,
            url("url: ftp://ftp.beehive.govt.nz/budget"),
            "malformed-url",
            "url",
            (4, 6, 40),
            "ftp://ftp.beehive.govt.nz/budget",
            "field `url`: invalid URL `ftp://ftp.beehive.govt.nz/budget`: scheme `ftp` is not allowed, expected `http` or `https` at line 4 column 6",
        ),
        case(
            release,
            url("url: https://www.beehive.govt.nz:99999/release/budget"),
            "malformed-url",
            "url",
            (4, 6, 40),
            "https://www.beehive.govt.nz:99999/release/budget",
            "field `url`: invalid URL `https://www.beehive.govt.nz:99999/release/budget`: the port is not a number from 0 to 65535 at line 4 column 6",
        ),
        case(
            release,
            url("url: https://www.beehive.govt.nz:port/release/budget"),
            "malformed-url",
            "url",
            (4, 6, 40),
            "https://www.beehive.govt.nz:port/release/budget",
            "field `url`: invalid URL `https://www.beehive.govt.nz:port/release/budget`: the port is not a number from 0 to 65535 at line 4 column 6",
        ),
        // Attachments may use any scheme, but must be absolute.
        case(
            release,
            release_with(&[(
                "  - Finance",
                "  - Finance\nattachments:\n  - https://www.beehive.govt.nz/a.pdf\n  - /sites/default/files/budget.pdf",
            )]),
            "malformed-url",
            "attachments[1]",
            (11, 5, 195),
            "/sites/default/files/budget.pdf",
            "field `attachments[1]`: invalid URL `/sites/default/files/budget.pdf`: a relative URL, expected an absolute one with a scheme at line 11 column 5",
        ),
    ];
    for c in &cases {
        check(c);
    }
}

#[test]
fn duplicate_key() {
    let cases = [
        // A derived struct: serde notices the second `title`.
        case(
            meta,
            "---\ntitle: x\ntitle: y\n---\n",
            "duplicate-key",
            "title",
            (3, 1, 13),
            "title",
            "duplicate key `title` at line 3 column 1",
        ),
        case(
            release,
            release_with(&[("  - Finance", "  - Finance\ntitle: Again")]),
            "duplicate-key",
            "title",
            (9, 1, 140),
            "title",
            "duplicate key `title` at line 9 column 1",
        ),
        case(
            post,
            "---\nauthor:\n  url: x\n  name: n\n  url: y\n---\n",
            "duplicate-key",
            "author.url",
            (5, 3, 33),
            "url",
            "field `author.url`: duplicate key `url` at line 5 column 3",
        ),
        // Map targets keep no record of repeated keys; the bridge finds them.
        case(
            btree,
            "---\na: x\nb: y\na: z\n---\n",
            "duplicate-key",
            "a",
            (4, 1, 14),
            "a",
            "duplicate key `a` at line 4 column 1",
        ),
        case(
            hash,
            "---\na: x\nb: y\na: z\n---\n",
            "duplicate-key",
            "a",
            (4, 1, 14),
            "a",
            "duplicate key `a` at line 4 column 1",
        ),
        // `a` and `'a'` are the same key; the third occurrence is not reported.
        case(
            btree,
            "---\na: x\n'a': y\n\"a\": z\n---\n",
            "duplicate-key",
            "a",
            (3, 1, 9),
            "'a'",
            "duplicate key `a` at line 3 column 1",
        ),
        case(
            btree,
            "---\n{a: x, b: y, a: z}\n---\n",
            "duplicate-key",
            "a",
            (2, 14, 17),
            "a",
            "duplicate key `a` at line 2 column 14",
        ),
        // The same key in two mappings is fine; repeated in one nested mapping, not.
        case(
            nested_btree,
            "---\nx:\n  a: 1\ny:\n  a: 2\n  a: 3\n---\n",
            "duplicate-key",
            "y.a",
            (6, 3, 26),
            "a",
            "field `y.a`: duplicate key `a` at line 6 column 3",
        ),
        // Even where the value is ignored.
        case(
            any,
            "---\ntags: [a]\nextra:\n  k: 1\n  k: 2\n---\n",
            "duplicate-key",
            "extra.k",
            (5, 3, 30),
            "k",
            "field `extra.k`: duplicate key `k` at line 5 column 3",
        ),
        // serde_yaml's own `Value` finds keys equal as values though written apart
        // (`1` and `0x1`); the key comes from its message. The span tree compares keys
        // as text and finds no second `1`: the error points at serde_yaml's mark, the
        // start of the mapping.
        case(
            yaml_value,
            "---\nx:\n  1: a\n  0x1: b\n---\n",
            "duplicate-key",
            "x.1",
            (3, 3, 9),
            "",
            "field `x.1`: duplicate key `1` at line 3 column 3",
        ),
    ];
    for c in &cases {
        check(c);
    }
}

#[test]
fn unknown_field() {
    let cases = [
        case(
            strict,
            "---\ntitle: x\nsubtitle: y\n---\n",
            "unknown-field",
            "subtitle",
            (3, 1, 13),
            "subtitle",
            "unknown field `subtitle`, expected `title` or `date` at line 3 column 1",
        ),
        case(
            strict,
            "---\nsubtitle: y\ntitle: x\n---\n",
            "unknown-field",
            "subtitle",
            (2, 1, 4),
            "subtitle",
            "unknown field `subtitle`, expected `title` or `date` at line 2 column 1",
        ),
        case(
            strict,
            "---\ntitle: x\n\"sub title\": y\n---\n",
            "unknown-field",
            "sub title",
            (3, 1, 13),
            "\"sub title\"",
            "unknown field `sub title`, expected `title` or `date` at line 3 column 1",
        ),
        case(
            site,
            "---\nauthor:\n  name: Jane\n  email: jane@example.org\n---\n",
            "unknown-field",
            "author.email",
            (4, 3, 27),
            "email",
            "field `author.email`: unknown field `email`, expected `name` at line 4 column 3",
        ),
    ];
    for c in &cases {
        check(c);
    }
}
