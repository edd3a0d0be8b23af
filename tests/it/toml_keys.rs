//! Bad dates under TOML keys that are quoted or dotted, and inside inline arrays and
//! tables (the `toml` feature): once toml has refused the block, masthead finds the
//! path from the text itself: a quoted key may hold the `=` and `.` that separate
//! keys elsewhere, and an array may span lines.

use masthead::{Kind, Schema};

use crate::toml::findings;

#[test]
fn quoted_keys_with_an_equals_sign_or_a_dot_name_their_bad_date() {
    let schema = Schema::new();
    // The path joins the keys with `.`, each unquoted.
    let cases = [
        ("\"a=b\" = 2024-02-30", "a=b"),
        ("'a=b' = 2024-02-30", "a=b"),
        ("\"a.b\" = 2024-02-30", "a.b"),
        ("x.\"y.z\" = 2024-02-30", "x.y.z"),
        ("x . 'y=z' . w = 2024-02-30", "x.y=z.w"),
        // An escaped quote keeps the key open: its `=` is the key's.
        ("\"q\\\"=\" = 2024-02-30", "q\\\"="),
    ];
    for (line, path) in cases {
        let src = format!("+++\n{line}\n+++\n");
        let found = findings(&src, &schema);
        let paths: Vec<&str> = found.iter().map(|f| f.1.as_str()).collect();
        assert_eq!(
            found.iter().map(|f| (f.0, f.2, f.3)).collect::<Vec<_>>(),
            [(Kind::MalformedDate, 2, "2024-02-30")],
            "{line}: {paths:?}"
        );
        assert_eq!(paths, [path], "{line}");
    }
}

/// A bad date: its line, path and text.
type BadDate<'a> = (usize, &'a str, &'a str);

/// Every bad date of a block: its line, path and text.
fn bad_dates(src: &str) -> Vec<(usize, String, String)> {
    let found = findings(src, &Schema::new());
    assert!(
        found.iter().all(|f| f.0 == Kind::MalformedDate),
        "{src:?}: {found:?}"
    );
    found
        .into_iter()
        .map(|f| (f.2, f.1, f.3.to_owned()))
        .collect()
}

#[test]
fn bad_dates_inside_inline_arrays_and_tables_are_found_at_their_own_path() {
    let cases: [(&str, &[BadDate<'_>]); 9] = [
        ("x = [2024-02-30]", &[(2, "x[0]", "2024-02-30")]),
        ("x = { d = 2024-02-30 }", &[(2, "x.d", "2024-02-30")]),
        // A `#` in a string is no comment, and a `,` in one separates nothing.
        (
            "x = { a = \"#,\", d = 2024-02-30 }",
            &[(2, "x.d", "2024-02-30")],
        ),
        (
            "x = [1, { 'k.e' = [2024-05-01, 2024-02-30T10:00:00Z] }] # c",
            &[(2, "x[1].k.e[1]", "2024-02-30T10:00:00Z")],
        ),
        // Closed arrays and tables before the date leave the path.
        (
            "x = [[1, 2], { a = [3] }, { b = 2023-02-29 }]",
            &[(2, "x[2].b", "2023-02-29")],
        ),
        // An array written over several lines, a comment with brackets and a quote.
        (
            "x = [ # it's [a, b\n  1,\n  { d = 2024-02-30 },\n]",
            &[(4, "x[1].d", "2024-02-30")],
        ),
        // A quoted key right before its `=`.
        ("\"a\"= [2024-02-30]", &[(2, "a[0]", "2024-02-30")]),
        // Under a table whose name quotes a dot.
        (
            "[t.\"a.b\"]\nx = [2024-02-30]",
            &[(3, "t.a.b.x[0]", "2024-02-30")],
        ),
        // Each one is read past.
        (
            "x = [2024-02-30, 2023-02-29]\ny = { z = 2024-04-31 }",
            &[
                (2, "x[0]", "2024-02-30"),
                (2, "x[1]", "2023-02-29"),
                (3, "y.z", "2024-04-31"),
            ],
        ),
    ];
    for (block, want) in cases {
        let src = format!("+++\n{block}\n+++\n");
        let want: Vec<_> = want
            .iter()
            .map(|&(line, path, text)| (line, path.to_owned(), text.to_owned()))
            .collect();
        assert_eq!(bad_dates(&src), want, "{block}");
    }
    // The message is about the date itself, not the collection around it.
    let doc = "+++\nx = [2024-02-30]\n+++\n";
    let report = masthead::validate_str(doc, &Schema::new());
    let message = report.iter().next().map(|d| d.message().to_owned());
    let message = message.unwrap_or_default();
    assert!(message.contains("has 29 days"), "{message}");
}
