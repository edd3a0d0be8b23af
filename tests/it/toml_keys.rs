//! Bad dates under TOML keys that are quoted or dotted (the `toml` feature): once
//! toml has refused the block, masthead finds the key on the date's line itself,
//! and a quoted key may hold the `=` and `.` that separate keys elsewhere.

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
