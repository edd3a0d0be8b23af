//! Messages of the errors about a field's type or presence: `invalid-type`,
//! `missing-field` and `empty-value`.

use super::*;

#[test]
fn invalid_type() {
    let cases = [
        // A list for a string, flow and block.
        case(
            meta,
            "---\ntitle: [a, b]\n---\n",
            "invalid-type",
            "title",
            (2, 8, 11),
            "[a, b]",
            "field `title`: invalid type: sequence, expected a string at line 2 column 8",
        ),
        case(
            meta,
            "---\ntitle:\n  - a\n  - b\n---\n",
            "invalid-type",
            "title",
            (3, 3, 13),
            "- a\n  - b",
            "field `title`: invalid type: sequence, expected a string at line 3 column 3",
        ),
        case(
            meta,
            "---\ntitle: {a: 1}\n---\n",
            "invalid-type",
            "title",
            (2, 8, 11),
            "{a: 1}",
            "field `title`: invalid type: mapping, expected a string at line 2 column 8",
        ),
        // A scalar for a Vec.
        case(
            tags,
            "---\ntags: rust\n---\n",
            "invalid-type",
            "tags",
            (2, 7, 10),
            "rust",
            "field `tags`: invalid type: string `rust`, expected a list at line 2 column 7",
        ),
        // The root is a list or a scalar where a struct is expected.
        case(
            meta,
            "---\n- a\n- b\n---\n",
            "invalid-type",
            "",
            (2, 1, 4),
            "- a\n- b",
            "invalid type: sequence, expected struct Meta at line 2 column 1",
        ),
        case(
            meta,
            "---\n[a, b]\n---\n",
            "invalid-type",
            "",
            (2, 1, 4),
            "[a, b]",
            "invalid type: sequence, expected struct Meta at line 2 column 1",
        ),
        case(
            meta,
            "---\njust a scalar\n---\n",
            "invalid-type",
            "",
            (2, 1, 4),
            "just a scalar",
            "invalid type: string `just a scalar`, expected struct Meta at line 2 column 1",
        ),
        case(
            meta,
            "---\n42\n---\n",
            "invalid-type",
            "",
            (2, 1, 4),
            "42",
            "invalid type: integer `42`, expected struct Meta at line 2 column 1",
        ),
        case(
            release,
            "---\n- title: Budget\n---\n",
            "invalid-type",
            "",
            (2, 1, 4),
            "- title: Budget",
            "invalid type: sequence, expected struct Release at line 2 column 1",
        ),
        // A scalar for a nested struct.
        case(
            post,
            "---\nauthor: Jane\n---\n",
            "invalid-type",
            "author",
            (2, 9, 12),
            "Jane",
            "field `author`: invalid type: string `Jane`, expected struct Author at line 2 column 9",
        ),
        // Release: a scalar for a list, and the unquoted colon of four real releases
        // (`- Māori Crown Relations: Te Arawhiti` is a mapping).
        case(
            release,
            release_with(&[
                ("ministers:", "ministers: Hon Nicola Willis"),
                ("  - Hon Nicola Willis", ""),
            ]),
            "invalid-type",
            "ministers",
            (5, 12, 94),
            "Hon Nicola Willis",
            "field `ministers`: invalid type: string `Hon Nicola Willis`, expected a list of non-empty strings at line 5 column 12",
        ),
        case(
            release,
            release_with(&[("  - Finance", "  - Māori Crown Relations: Te Arawhiti")]),
            "invalid-type",
            "portfolios[0]",
            (8, 5, 132),
            "Māori Crown Relations: Te Arawhiti",
            "field `portfolios[0]`: invalid type: mapping, expected a non-empty string at line 8 column 5",
        ),
        // A key written as a collection: the path names the mapping that holds it,
        // serde_yaml's mark lies inside that mapping, at the key, and that is where
        // the error points (an empty span), not at the whole mapping.
        case(
            nested_btree,
            "---\nx: {[a]: 1}\n---\n",
            "invalid-type",
            "x",
            (2, 5, 8),
            "",
            "field `x`: invalid type: sequence, expected a string at line 2 column 5",
        ),
        case(
            meta,
            "---\ntitle: x\n? [a, b]\n: 1\n---\n",
            "invalid-type",
            "",
            (3, 3, 15),
            "",
            "invalid type: sequence, expected field identifier at line 3 column 3",
        ),
    ];
    for c in &cases {
        check(c);
    }
}

#[test]
fn missing_field() {
    let cases = [
        // A missing field of the root points at the opening fence.
        case(
            meta,
            "---\nother: 1\n---\n",
            "missing-field",
            "title",
            (1, 1, 0),
            "---",
            "missing field `title` at line 1 column 1",
        ),
        case(
            meta,
            "---\n---\nbody\n",
            "missing-field",
            "title",
            (1, 1, 0),
            "---",
            "missing field `title` at line 1 column 1",
        ),
        case(
            document_deserialize,
            "---\n# only a comment\n---\n",
            "missing-field",
            "title",
            (1, 1, 0),
            "---",
            "missing field `title` at line 1 column 1",
        ),
        case(
            release,
            release_with(&[("ministers:", ""), ("  - Hon Nicola Willis", "")]),
            "missing-field",
            "ministers",
            (1, 1, 0),
            "---",
            "missing field `ministers` at line 1 column 1",
        ),
        case(
            release,
            release_with(&[("title: Budget", "")]),
            "missing-field",
            "title",
            (1, 1, 0),
            "---",
            "missing field `title` at line 1 column 1",
        ),
        // Without front matter there is no fence: the start of the document.
        case(
            meta,
            "# Just Markdown\n",
            "missing-field",
            "title",
            (1, 1, 0),
            "",
            "missing field `title` at line 1 column 1",
        ),
        // A missing field of a nested struct points at the key that holds the
        // mapping; in a list, at the mapping itself.
        case(
            post,
            "---\nauthor:\n  url: https://example.org/\n---\n",
            "missing-field",
            "author.name",
            (2, 1, 4),
            "author",
            "missing field `author.name` at line 2 column 1",
        ),
        case(
            post,
            "---\nauthor: {url: x}\n---\n",
            "missing-field",
            "author.name",
            (2, 1, 4),
            "author",
            "missing field `author.name` at line 2 column 1",
        ),
        case(
            posts,
            "---\nauthors:\n  - name: A\n    url: x\n  - name: B\n---\n",
            "missing-field",
            "authors[1].url",
            (5, 5, 40),
            "name: B",
            "missing field `authors[1].url` at line 5 column 5",
        ),
    ];
    for c in &cases {
        check(c);
    }
}

#[test]
fn empty_value() {
    let title = |line: &'static str| release_with(&[("title: Budget", line)]);
    let cases = [
        // A null with no text points at its key.
        case(
            release,
            title("title:"),
            "empty-value",
            "title",
            (2, 1, 4),
            "title",
            "field `title`: null value, expected a non-empty string at line 2 column 1",
        ),
        case(
            release,
            title("title: ~"),
            "empty-value",
            "title",
            (2, 8, 11),
            "~",
            "field `title`: null value, expected a non-empty string at line 2 column 8",
        ),
        case(
            release,
            title("title: null"),
            "empty-value",
            "title",
            (2, 8, 11),
            "null",
            "field `title`: null value, expected a non-empty string at line 2 column 8",
        ),
        case(
            release,
            title("title: \"\""),
            "empty-value",
            "title",
            (2, 8, 11),
            "\"\"",
            "field `title`: blank value \"\", expected a non-empty string at line 2 column 8",
        ),
        case(
            release,
            title("title: \"  \""),
            "empty-value",
            "title",
            (2, 8, 11),
            "\"  \"",
            "field `title`: blank value \"  \", expected a non-empty string at line 2 column 8",
        ),
        case(
            release,
            release_with(&[
                ("ministers:", "ministers: []"),
                ("  - Hon Nicola Willis", ""),
            ]),
            "empty-value",
            "ministers",
            (5, 12, 94),
            "[]",
            "field `ministers`: empty list, expected at least one entry at line 5 column 12",
        ),
        case(
            release,
            release_with(&[
                ("ministers:", "ministers: [~]"),
                ("  - Hon Nicola Willis", ""),
            ]),
            "empty-value",
            "ministers[0]",
            (5, 13, 95),
            "~",
            "field `ministers[0]`: null value, expected a non-empty string at line 5 column 13",
        ),
        case(
            release,
            release_with(&[("  - Hon Nicola Willis", "  - \"\"")]),
            "empty-value",
            "ministers[0]",
            (6, 5, 98),
            "\"\"",
            "field `ministers[0]`: blank value \"\", expected a non-empty string at line 6 column 5",
        ),
        case(
            release,
            release_with(&[("  - Hon Nicola Willis", "  - Hon Nicola Willis\n  -")]),
            "empty-value",
            "ministers[1]",
            (7, 4, 119),
            "",
            "field `ministers[1]`: null value, expected a non-empty string at line 7 column 4",
        ),
        case(
            release,
            release_with(&[("portfolios:", "portfolios: []"), ("  - Finance", "")]),
            "empty-value",
            "portfolios",
            (7, 13, 128),
            "[]",
            "field `portfolios`: empty list, expected at least one entry at line 7 column 13",
        ),
        case(
            release,
            release_with(&[("date: 2024-05-30", "date:")]),
            "empty-value",
            "date",
            (3, 1, 18),
            "date",
            "field `date`: null value, expected a date at line 3 column 1",
        ),
        case(
            release,
            release_with(&[("url: https://www.beehive.govt.nz/release/budget", "url: ~")]),
            "empty-value",
            "url",
            (4, 6, 40),
            "~",
            "field `url`: null value, expected a URL at line 4 column 6",
        ),
    ];
    for c in &cases {
        check(c);
    }
}
