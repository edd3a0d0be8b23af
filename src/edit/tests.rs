//! Unit tests of the editor: one per operation, style and fallback.

use super::Editor;
use crate::Kind;

/// The document after `edit`, checked to read back (the editor checks the value).
#[track_caller]
pub(super) fn edited(
    src: &str,
    edit: impl FnOnce(&mut Editor) -> Result<(), crate::Error>,
) -> String {
    let mut doc = Editor::new(src).unwrap();
    edit(&mut doc).unwrap();
    let out = doc.into_string();
    crate::split(&out).unwrap();
    out
}

/// The error of `edit`, with its kind, line and column; the document unchanged.
#[track_caller]
pub(super) fn refused(
    src: &str,
    edit: impl FnOnce(&mut Editor) -> Result<(), crate::Error>,
) -> (Kind, usize, usize, String) {
    let mut doc = Editor::new(src).unwrap();
    let err = edit(&mut doc).unwrap_err();
    assert_eq!(doc.as_str(), src, "a refused edit changes nothing");
    (
        err.kind(),
        err.line(),
        err.column(),
        err.message().to_owned(),
    )
}

#[test]
fn set_replaces_a_scalar_and_keeps_its_comment_and_line_ending() {
    let src = "\u{feff}---\r\ntitle: 'Old' # keep\r\ndate: 2024-01-01\r\n...\r\nBody\r\n";
    let out = edited(src, |d| d.set("title", "New"));
    assert_eq!(
        out,
        "\u{feff}---\r\ntitle: New # keep\r\ndate: 2024-01-01\r\n...\r\nBody\r\n"
    );
    let out = edited(src, |d| d.set_yaml("date", "2026-11-28"));
    assert_eq!(
        out,
        "\u{feff}---\r\ntitle: 'Old' # keep\r\ndate: 2026-11-28\r\n...\r\nBody\r\n"
    );
}

#[test]
fn set_quotes_what_other_readers_misread() {
    let src = "---\na: 1\n---\n";
    assert_eq!(edited(src, |d| d.set("a", "yes")), "---\na: 'yes'\n---\n");
    assert_eq!(
        edited(src, |d| d.set("a", "2024-05-01")),
        "---\na: '2024-05-01'\n---\n"
    );
    assert_eq!(
        edited(src, |d| d.set_yaml("a", "2024-05-01")),
        "---\na: 2024-05-01\n---\n"
    );
    assert_eq!(
        edited(src, |d| d.set_yaml("a", "NO")),
        "---\na: 'NO'\n---\n"
    );
    assert_eq!(
        edited(src, |d| d.set_yaml("a", "\"NO\"")),
        "---\na: \"NO\"\n---\n"
    );
    assert_eq!(edited(src, |d| d.set("a", &true)), "---\na: true\n---\n");
    assert_eq!(
        edited(src, |d| d.set("a", "two\nlines")),
        "---\na: \"two\\nlines\"\n---\n"
    );
    assert_eq!(
        edited(src, |d| d.set_yaml("a", "|\n  two\n  lines\n")),
        "---\na: \"two\\nlines\\n\"\n---\n"
    );
    let date = chrono::NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
    assert_eq!(
        edited(src, |d| d.set("a", &date)),
        "---\na: 2026-11-28\n---\n"
    );
}

#[test]
fn set_adds_a_key_at_the_end_of_its_mapping_in_its_indentation() {
    let src = "---\nauthor:\n    name: A # n\n    # about the author\nz: 1\n---\n";
    assert_eq!(
        edited(src, |d| d.set("author.url", "u")),
        "---\nauthor:\n    name: A # n\n    url: u\n    # about the author\nz: 1\n---\n"
    );
    assert_eq!(
        edited(src, |d| d.set("links.home.url", "u")),
        "---\nauthor:\n    name: A # n\n    # about the author\nz: 1\nlinks:\n    home:\n        url: u\n---\n"
    );
    let seq = "---\nitems:\n  - name: a\n    url: b\n---\n";
    assert_eq!(
        edited(seq, |d| d.set("items[0].size", &3)),
        "---\nitems:\n  - name: a\n    url: b\n    size: 3\n---\n"
    );
}

#[test]
fn set_writes_collections_in_the_style_of_their_place() {
    let src = "---\ntags: [a]\nlist:\n- x\nmap:\n  k: v\nn: 1\n---\n";
    assert_eq!(
        edited(src, |d| d.set("tags", &["b", "c"])),
        "---\ntags: [b, c]\nlist:\n- x\nmap:\n  k: v\nn: 1\n---\n"
    );
    assert_eq!(
        edited(src, |d| d.set_yaml("list", "[p, q]")),
        "---\ntags: [a]\nlist:\n- p\n- q\nmap:\n  k: v\nn: 1\n---\n"
    );
    assert_eq!(
        edited(src, |d| d.set_yaml("n", "{a: 1, b: [2]}")),
        "---\ntags: [a]\nlist:\n- x\nmap:\n  k: v\nn:\n  a: 1\n  b:\n  - 2\n---\n"
    );
    assert_eq!(
        edited(src, |d| d.set_yaml("map", "[]")),
        "---\ntags: [a]\nlist:\n- x\nmap: []\nn: 1\n---\n"
    );
    assert_eq!(
        edited(src, |d| d.set_yaml("tags[0]", "{k: v}")),
        "---\ntags: [{k: v}]\nlist:\n- x\nmap:\n  k: v\nn: 1\n---\n"
    );
    assert_eq!(
        edited(src, |d| d.set_yaml("list[0]", "{k: v, l: w}")),
        "---\ntags: [a]\nlist:\n- k: v\n  l: w\nmap:\n  k: v\nn: 1\n---\n"
    );
}

#[test]
fn set_fills_an_empty_value() {
    let src = "---\na:\nb: # none yet\nc:\n-\n---\n";
    assert_eq!(
        edited(src, |d| d.set("a", "x")),
        "---\na: x\nb: # none yet\nc:\n-\n---\n"
    );
    assert_eq!(
        edited(src, |d| d.set("b", "x")),
        "---\na:\nb: x # none yet\nc:\n-\n---\n"
    );
    assert_eq!(
        edited(src, |d| d.set("c[0]", "x")),
        "---\na:\nb: # none yet\nc:\n- x\n---\n"
    );
    assert_eq!(
        edited(src, |d| d.push("a", "x")),
        "---\na:\n- x\nb: # none yet\nc:\n-\n---\n"
    );
}

#[test]
fn set_replaces_block_scalars_and_block_collections() {
    let src = "---\ndescription: >\n  Folded\n  text.\ntags:\n  - a # one\n  - b\nnext: 1\n---\n";
    assert_eq!(
        edited(src, |d| d.set("description", "Short")),
        "---\ndescription: Short\ntags:\n  - a # one\n  - b\nnext: 1\n---\n"
    );
    assert_eq!(
        edited(src, |d| d.set("tags", &["c"])),
        "---\ndescription: >\n  Folded\n  text.\ntags:\n  - c\nnext: 1\n---\n"
    );
    assert_eq!(
        edited(src, |d| d.set("tags", "none")),
        "---\ndescription: >\n  Folded\n  text.\ntags: none\nnext: 1\n---\n"
    );
}

#[test]
fn push_keeps_the_list_style() {
    let src = "---\nflow: [a, b ]\nempty: []\nblock:\n    - a\n    - b # last\nafter: 1\n---\n";
    assert_eq!(
        edited(src, |d| d.push("flow", "c")),
        src.replace("[a, b ]", "[a, b, c ]")
    );
    assert_eq!(
        edited(src, |d| d.push("empty", "c")),
        src.replace("[]", "[c]")
    );
    assert_eq!(
        edited(src, |d| d.push("block", "c")),
        src.replace("# last\n", "# last\n    - c\n")
    );
    assert_eq!(
        edited(src, |d| d.push_yaml("block", "{k: v, l: w}")),
        src.replace("# last\n", "# last\n    - k: v\n      l: w\n")
    );
    assert_eq!(
        edited(src, |d| d.push_yaml("flow", "a, b")),
        src.replace("[a, b ]", "[a, b, \"a, b\" ]")
    );
    let multi = "---\nt: [\n  a,\n  b,\n]\n---\n";
    assert_eq!(
        edited(multi, |d| d.push("t", "c")),
        "---\nt: [\n  a,\n  b, c,\n]\n---\n"
    );
}

#[test]
fn remove_takes_the_entry_and_its_comment_lines() {
    let src = "---\ntitle: A\n\n# Drafts are not published.\n# Two lines.\ndraft: true # yes\n  # indented under it\nafter: 1\n---\n";
    assert_eq!(
        edited(src, |d| d.remove("draft").map(drop)),
        "---\ntitle: A\n\nafter: 1\n---\n"
    );
    let schema =
        "---\n# yaml-language-server: $schema=post.json\n# The title.\ntitle: A\nb: 1\n---\n";
    assert_eq!(
        edited(schema, |d| d.remove("title").map(drop)),
        "---\n# yaml-language-server: $schema=post.json\nb: 1\n---\n"
    );
    let nested = "---\nauthor:\n  name: A\nlist:\n  - x\n---\n";
    assert_eq!(
        edited(nested, |d| d.remove("author.name").map(drop)),
        "---\nauthor: {}\nlist:\n  - x\n---\n"
    );
    assert_eq!(
        edited(nested, |d| d.remove("list[0]").map(drop)),
        "---\nauthor:\n  name: A\nlist: []\n---\n"
    );
    let flow = "---\nt: [a, b, c]\n---\n";
    assert_eq!(
        edited(flow, |d| d.remove("t[1]").map(drop)),
        "---\nt: [a, c]\n---\n"
    );
    assert_eq!(
        edited(flow, |d| d.remove("t[2]").map(drop)),
        "---\nt: [a, b]\n---\n"
    );
    let compact = "---\n- \n---\n";
    assert!(
        Editor::new(compact).is_err(),
        "a list at the root is no front matter"
    );
    let items = "---\nitems:\n- name: a\n  url: b\n- name: c\n---\n";
    assert_eq!(
        edited(items, |d| d.remove("items[0].name").map(drop)),
        "---\nitems:\n- url: b\n- name: c\n---\n"
    );
    assert_eq!(
        edited(items, |d| d.remove("items[0]").map(drop)),
        "---\nitems:\n- name: c\n---\n"
    );
    let mut doc = Editor::new(items).unwrap();
    assert!(!doc.remove("nothing").unwrap());
    assert!(!doc.remove("items[5]").unwrap());
    assert!(!doc.remove("items[0].name.x").unwrap());
    assert!(!doc.is_changed());
}

#[test]
fn several_edits_on_one_document() {
    let src = "---\ntitle: T\ntags:\n  - a\ndraft: true\n---\nbody\n";
    let out = edited(src, |d| {
        d.set_yaml("updated", "2026-11-28")?;
        d.push("tags", "rust")?;
        d.remove("draft")?;
        d.set("title", "U")
    });
    assert_eq!(
        out,
        "---\ntitle: U\ntags:\n  - a\n  - rust\nupdated: 2026-11-28\n---\nbody\n"
    );
}

#[test]
fn documents_without_or_with_empty_front_matter() {
    assert_eq!(
        edited("# Body\n", |d| d.set("a", &1)),
        "---\na: 1\n---\n# Body\n"
    );
    assert_eq!(
        edited("\u{feff}B\r\nx", |d| d.push("t", "x")),
        "\u{feff}---\r\nt:\r\n  - x\r\n---\r\nB\r\nx"
    );
    let mut doc = Editor::new("# Body\n").unwrap();
    assert!(!doc.remove("a").unwrap());
    assert_eq!(
        edited("---\n---\nB", |d| d.set("a", &1)),
        "---\na: 1\n---\nB"
    );
    assert_eq!(
        edited("---\r\n# only a comment\r\n...\r\n", |d| d.set("a", &1)),
        "---\r\n# only a comment\r\na: 1\r\n...\r\n"
    );
}

#[test]
fn what_cannot_be_edited_in_place() {
    let flow = "---\nauthor: {name: A}\n---\n";
    let (kind, line, column, message) = refused(flow, |d| d.set("author.name", "B"));
    assert_eq!((kind, line, column), (Kind::NotEditable, 2, 9));
    assert_eq!(
        message,
        "`author` is a flow mapping (`{…}`): its entries are not edited in place"
    );
    let alias = "---\nbase: &b\n  x: 1\npost: *b\n---\n";
    assert_eq!(refused(alias, |d| d.set("post.x", &2)).0, Kind::NotEditable);
    let (kind, line, column, _) = refused(alias, |d| d.set("base.x", &2));
    assert_eq!((kind, line, column), (Kind::NotEditable, 2, 7));
    assert_eq!(
        refused(alias, |d| d.remove("base").map(drop)).0,
        Kind::NotEditable
    );
    let complex = "---\n? title\n: x\n---\n";
    assert_eq!(
        refused(complex, |d| d.set("title", "y")).0,
        Kind::NotEditable
    );
    let plain = "---\ntitle: one\n  two\nb: 1\n---\n";
    let (kind, line, column, _) = refused(plain, |d| d.set("title", "y"));
    assert_eq!((kind, line, column), (Kind::NotEditable, 2, 8));
    let dup = "---\na: 1\nb: 2\na: 3\n---\n";
    let (kind, line, column, _) = refused(dup, |d| d.set("a", &4));
    assert_eq!((kind, line, column), (Kind::DuplicateKey, 4, 1));
    let scalar = "---\ntitle: T\n---\n";
    assert_eq!(
        refused(scalar, |d| d.set("title.x", "y")).0,
        Kind::InvalidType
    );
    assert_eq!(
        refused(scalar, |d| d.push("title", "y")).0,
        Kind::InvalidType
    );
    let list = "---\nt: [a]\n---\n";
    assert_eq!(refused(list, |d| d.set("t[1]", "y")).0, Kind::MissingField);
    assert_eq!(refused(list, |d| d.set("", "y")).0, Kind::NotEditable);
    assert_eq!(refused(list, |d| d.set_yaml("t", "[a")).0, Kind::YamlSyntax);
    assert_eq!(
        refused(list, |d| d.set_yaml("t", "&a x")).0,
        Kind::YamlSyntax
    );
}

#[test]
fn errors_of_later_edits_point_into_the_original() {
    let src = "---\na: 1\nm: {k: v}\n---\n";
    let mut doc = Editor::new(src).unwrap();
    doc.set_yaml("a", "[1, 2, 3]").unwrap();
    doc.set_yaml("b", "1").unwrap();
    let err = doc.set("m.k", "w").unwrap_err();
    assert_eq!((err.line(), err.column(), err.span().start()), (3, 4, 12));
}

#[test]
fn the_error_index_shows_what_the_crate_prints() {
    let src = "---\nauthor: {name: Ann, url: http://example.org/}\n---\n";
    let err = Editor::new(src)
        .unwrap()
        .set("author.url", "https://example.org/")
        .unwrap_err();
    let shown = crate::Renderer::new().render_report(&crate::Report::from(err), "post.md", src);
    assert!(
        Kind::NotEditable.explain().contains(shown.trim_end()),
        "{shown}"
    );
}

#[cfg(feature = "toml")]
#[test]
fn toml_blocks_get_the_same_operations() {
    let src = "+++\r\ntitle = 'Old' # keep\r\ntags = [\"a\"]\r\ndraft = true\r\n\r\n[author]\r\nname = \"A\"\r\n+++\r\nBody\r\n";
    assert_eq!(
        edited(src, |d| d.set("title", "New")),
        src.replace("'Old'", "\"New\"")
    );
    assert_eq!(
        edited(src, |d| d.set_yaml("updated", "2026-11-28")),
        src.replace(
            "draft = true\r\n",
            "draft = true\r\nupdated = 2026-11-28\r\n"
        )
    );
    assert_eq!(
        edited(src, |d| d.set("updated", "2026-11-28")),
        src.replace(
            "draft = true\r\n",
            "draft = true\r\nupdated = \"2026-11-28\"\r\n"
        )
    );
    assert_eq!(
        edited(src, |d| d.push("tags", "b")),
        src.replace("[\"a\"]", "[\"a\", \"b\"]")
    );
    assert_eq!(
        edited(src, |d| d.remove("draft").map(drop)),
        src.replace("draft = true\r\n", "")
    );
    assert_eq!(
        edited(src, |d| d.set("author.url", "u")),
        src.replace("name = \"A\"\r\n", "name = \"A\"\r\nurl = \"u\"\r\n")
    );
    assert_eq!(
        edited(src, |d| d.set("note", "two\nlines")),
        src.replace(
            "draft = true\r\n",
            "draft = true\r\nnote = \"two\\nlines\"\r\n"
        )
    );
    let commented = "+++\na = 1\n\n# Not yet.\ndraft = true\nb = 2\n+++\n";
    assert_eq!(
        edited(commented, |d| d.remove("draft").map(drop)),
        "+++\na = 1\n\nb = 2\n+++\n"
    );
    // Only the comment lines right above are the key's (toml_edit takes them all).
    let parted = "+++\na = 1\n# one\n\n# two\n  # three\nb = 2\n+++\n";
    assert_eq!(
        edited(parted, |d| d.remove("b").map(drop)),
        "+++\na = 1\n# one\n\n+++\n"
    );
    assert_eq!(refused(src, |d| d.set_yaml("x", "~")).0, Kind::InvalidType);
    let (kind, line, column, _) = refused(src, |d| d.set("title.x", "y"));
    assert_eq!((kind, line, column), (Kind::InvalidType, 2, 9));
    let (kind, line, column, _) = refused(src, |d| d.set("tags[3]", "y"));
    assert_eq!((kind, line, column), (Kind::MissingField, 3, 8));
}

#[test]
fn blocks_that_serde_yaml_reads_and_saphyr_finds_too_strict() {
    // Continuation lines at column 0, as in the 18F blog and Hugo's docs.
    let src =
        "---\ntitle: T\nexcerpt: \"one\ntwo\"\naliases: [\n  '/a/',\n]\ndate:\t2024-01-01\n---\n";
    assert_eq!(
        edited(src, |d| d.set("title", "U")),
        src.replace("title: T", "title: U")
    );
    assert_eq!(
        edited(src, |d| d.remove("excerpt").map(drop)),
        src.replace("excerpt: \"one\ntwo\"\n", "")
    );
    assert_eq!(
        edited(src, |d| d.push("aliases", "/b/")),
        src.replace("'/a/',", "'/a/', /b/,")
    );
    assert_eq!(
        edited(src, |d| d.set("excerpt", "x")),
        src.replace("\"one\ntwo\"", "x")
    );
    assert_eq!(
        edited(src, |d| d.set_yaml("date", "2026-11-28")),
        src.replace("2024-01-01", "2026-11-28")
    );
}

/// A key with tabs inside (found by the `edit` fuzz target): the span parser reads
/// a copy with spaces for tabs, and the key was matched as that copy's `a  b`, so
/// `remove("a\t\tb")` found nothing and said `Ok(false)`.
#[test]
fn a_key_with_tabs_inside_is_found() {
    let src = "---\n# about\nE\t\te*hr  p\t\t  a: |\n  text\nb: 1\n---\n";
    let mut doc = Editor::new(src).unwrap();
    assert!(doc.remove("E\t\te*hr  p\t\t  a").unwrap());
    assert_eq!(doc.as_str(), "---\nb: 1\n---\n");
    let src = "---\na\tb: 1\nc:\t2\n---\n";
    assert_eq!(
        edited(src, |d| d.set("a\tb", &3)),
        "---\na\tb: 3\nc:\t2\n---\n"
    );
    assert_eq!(
        edited(src, |d| d.set("a b", &3)),
        "---\na\tb: 1\nc:\t2\na b: 3\n---\n"
    );
    // A quoted key with a tab: the copy does not give its value; refused, not missed.
    let src = "---\n'a\tb': 1\n---\n";
    assert_eq!(refused(src, |d| d.set("a\tb", &3)).0, Kind::NotEditable);
    assert_eq!(
        refused(src, |d| d.remove("a\tb").map(drop)).0,
        Kind::NotEditable
    );
}

/// A quoted TOML key with a dot (`"ms.date" = …`): `ms.date` would add `[ms]`;
/// refused at it. A dotted key (`ms.date = …`) is nested in TOML, and edited.
#[cfg(feature = "toml")]
#[test]
fn a_toml_key_with_a_dot_is_refused_not_nested() {
    let src = "+++\ntitle = \"A\"\n\"ms.date\" = \"01/02/2023\"\n+++\n";
    let (kind, line, _, message) = refused(src, |d| d.set("ms.date", "x"));
    assert_eq!((kind, line), (Kind::NotEditable, 3), "{message}");
    assert!(message.contains("ambiguous"), "{message}");
    assert_eq!(
        refused(src, |d| d.remove("ms.date").map(drop)).0,
        Kind::NotEditable
    );
    let src = "+++\nms.date = \"01/02/2023\"\n+++\n";
    assert_eq!(
        edited(src, |d| d.set("ms.date", "x")),
        "+++\nms.date = \"x\"\n+++\n"
    );
}

#[test]
fn new_entries_follow_the_documents_indentation() {
    let src = "---\na:\n    b: 1\nlist:\n- x\n---\n";
    assert_eq!(
        edited(src, |d| d.set("new.deep", &1)),
        "---\na:\n    b: 1\nlist:\n- x\nnew:\n    deep: 1\n---\n"
    );
    assert_eq!(
        edited(src, |d| d.push("fresh", "z")),
        "---\na:\n    b: 1\nlist:\n- x\nfresh:\n- z\n---\n"
    );
    assert_eq!(
        edited(src, |d| d.set("a.c", &[1, 2])),
        "---\na:\n    b: 1\n    c:\n    - 1\n    - 2\nlist:\n- x\n---\n"
    );
}

#[test]
fn a_later_error_in_a_document_that_got_its_block_points_into_the_original() {
    let src = "\u{feff}Body: {x}\n";
    let mut doc = Editor::new(src).unwrap();
    doc.set("a", &1).unwrap();
    assert_eq!(doc.as_str(), "\u{feff}---\na: 1\n---\nBody: {x}\n");
    let err = doc.set("a.b", &2).unwrap_err();
    assert_eq!(err.kind(), Kind::InvalidType);
    // `a: 1` is not in the original: the error points where the block was added.
    assert_eq!((err.line(), err.column(), err.span().start()), (1, 1, 3));
}

/// An edit after which the crate's reader sees a repeated key that it could not
/// see before is refused: saphyr-parser, which finds repeated keys, reads the
/// block only once the edit removes the nested list that goes on at column 0.
#[test]
fn an_edit_that_brings_a_repeated_key_to_light_is_refused() {
    let src = "---\na: 1\na: 2\nb:\n  c: [x,\n]\n---\n";
    assert!(crate::from_str::<serde_json::Value>(src).is_ok());
    let (kind, _, _, message) = refused(src, |d| d.remove("b").map(drop));
    assert_eq!(kind, Kind::NotEditable);
    assert_eq!(
        message,
        "the edited front matter does not read back: duplicate key `a`"
    );
}
