//! A second chance for blocks that saphyr-parser refuses and serde_yaml reads:
//! lines that continue a quoted scalar or a flow collection at a smaller
//! indentation than YAML asks (`excerpt: "…` with its next lines at column 0, a
//! closing `]` at column 0). It indents such lines in a copy and maps offsets back;
//! it never changes what the block means, and it judges nothing.

/// `text` with spaces put before each line that continues a quoted scalar or a flow
/// collection begun on an earlier line, so that the line stands right of the quote
/// or bracket that began it; and the insertions (offset in the copy, spaces). `None`
/// when no line needed one.
pub(super) fn indent_continuations(text: &str) -> Option<(String, Vec<(usize, usize)>)> {
    let mut out = String::with_capacity(text.len() + 64);
    let mut inserted = Vec::new();
    let mut quote: Option<char> = None;
    let mut escape = false;
    let mut depth = 0usize;
    // The column right of the quote or bracket that opened what is still open.
    let mut base = 0;
    // The indentation of a block scalar's header line, while in its content.
    let mut block_scalar: Option<usize> = None;
    for line in text.split_inclusive('\n') {
        let indent = line.len() - line.trim_start_matches(' ').len();
        let blank = line.trim().is_empty();
        if let Some(header) = block_scalar {
            if blank || indent > header {
                out.push_str(line);
                continue;
            }
            block_scalar = None;
        }
        if quote.is_some() || depth > 0 {
            if indent < base && !blank {
                inserted.push((out.len(), base - indent));
                out.extend(std::iter::repeat_n(' ', base - indent));
            }
        } else {
            escape = false;
        }
        out.push_str(line);
        let mut can_start = quote.is_none();
        let mut chars = line.char_indices().peekable();
        let mut prev = ' ';
        while let Some((i, c)) = chars.next() {
            let next = chars.peek().map_or('\n', |&(_, n)| n);
            match quote {
                Some('"') => {
                    if escape {
                        escape = false;
                    } else if c == '\\' {
                        escape = true;
                    } else if c == '"' {
                        quote = None;
                    }
                }
                Some(_) => {
                    if c == '\'' {
                        if next == '\'' {
                            chars.next();
                        } else {
                            quote = None;
                        }
                    }
                }
                None => match c {
                    '#' if prev == ' ' || prev == '\t' => break,
                    '"' | '\'' if can_start => {
                        quote = Some(c);
                        if depth == 0 {
                            base = i + 1;
                        }
                    }
                    '[' | '{' if can_start || depth > 0 => {
                        if depth == 0 {
                            base = i + 1;
                        }
                        depth += 1;
                        can_start = true;
                    }
                    ']' | '}' if depth > 0 => {
                        depth -= 1;
                        can_start = false;
                    }
                    ',' if depth > 0 => can_start = true,
                    ':' | '-' | '?' => can_start = matches!(next, ' ' | '\t' | '\r' | '\n'),
                    '|' | '>' if can_start && depth == 0 => {
                        block_scalar = Some(indent);
                        break;
                    }
                    ' ' | '\t' | '\r' | '\n' => {}
                    _ => can_start = false,
                },
            }
            prev = c;
        }
    }
    (!inserted.is_empty()).then_some((out, inserted))
}

/// The offset in the original text of `at` in the copy made by
/// [`indent_continuations`]: inserted spaces map to the start of their line.
pub(super) fn original(at: usize, inserted: &[(usize, usize)]) -> usize {
    let mut shift = 0;
    for &(start, n) in inserted {
        if at >= start + n {
            shift += n;
        } else if at > start {
            shift += at - start;
        }
    }
    at - shift
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn continuation_lines_are_indented_and_offsets_map_back() {
        let text = "a: \"one\ntwo\"\nb: [x,\n]\nc: plain\n";
        let (copy, inserted) = indent_continuations(text).unwrap();
        assert_eq!(copy, "a: \"one\n    two\"\nb: [x,\n    ]\nc: plain\n");
        for part in ["two", "]", "c: plain"] {
            let at = copy.find(part).unwrap();
            assert_eq!(original(at, &inserted), text.find(part).unwrap(), "{part}");
        }
        assert_eq!(original(copy.find("two").unwrap(), &inserted), 8);
        assert_eq!(original(copy.find("two").unwrap() - 2, &inserted), 8);
        assert_eq!(indent_continuations("a: 'it''s'\nb: |\n  \"x\n"), None);
        assert_eq!(indent_continuations("t: It's\nb: \"x\"\n"), None);
    }

    /// The copy and its insertions for `text`, after checking that taking the
    /// inserted spaces out of the copy gives `text` back and that `original` maps
    /// every offset of the copy as a plain twin does: the count of the copy's bytes
    /// before it that are not inserted.
    fn indented(text: &str) -> Option<(String, Vec<(usize, usize)>)> {
        let (copy, inserted) = indent_continuations(text)?;
        let is_inserted = |at: usize| inserted.iter().any(|&(s, n)| (s..s + n).contains(&at));
        let kept: String = copy
            .char_indices()
            .filter(|&(at, _)| !is_inserted(at))
            .map(|(_, c)| c)
            .collect();
        assert_eq!(kept, text, "{copy:?}");
        for at in 0..=copy.len() {
            let twin = (0..at).filter(|&b| !is_inserted(b)).count();
            assert_eq!(original(at, &inserted), twin, "{at} in {copy:?}");
        }
        Some((copy, inserted))
    }

    /// The copy alone, checked as [`indented`] does.
    fn copy(text: &str) -> Option<String> {
        indented(text).map(|(copy, _)| copy)
    }

    #[test]
    fn insertions_are_counted_and_mapped_back_exactly() {
        // Two insertions of different widths, from lines indented by 0 and 2.
        let text = "a: \"one\n  two\"\nlonger: [x,\ny]\n";
        let (copy, inserted) = indented(text).unwrap();
        assert_eq!(copy, "a: \"one\n    two\"\nlonger: [x,\n         y]\n");
        assert_eq!(inserted, vec![(8, 2), (29, 9)]);
        assert_eq!(original(8, &inserted), 8);
        assert_eq!(original(9, &inserted), 8);
        assert_eq!(original(10, &inserted), 8);
        assert_eq!(original(11, &inserted), 9);
        assert_eq!(original(copy.len(), &inserted), text.len());
    }

    #[test]
    fn only_lines_left_of_the_opening_are_indented() {
        // A line at the opening's column, or right of it, stays as it is.
        assert_eq!(
            copy("a: \"one\n   two\"\n"),
            Some("a: \"one\n    two\"\n".into())
        );
        assert_eq!(copy("a: \"one\n    two\"\n"), None);
        assert_eq!(copy("a: \"one\n      two\"\n"), None);
        // Blank lines inside the scalar get nothing.
        assert_eq!(
            copy("a: \"one\n\n  \ntwo\"\n"),
            Some("a: \"one\n\n  \n    two\"\n".into())
        );
        // Nothing open: nothing indented, even after a closed quote set the column.
        assert_eq!(copy("a: \"one\"\nb: 1\n"), None);
        assert_eq!(
            copy("a: \"x\ny\"\nb: [1,\n2]\n"),
            Some("a: \"x\n    y\"\nb: [1,\n    2]\n".into())
        );
    }

    #[test]
    fn quotes_end_where_yaml_ends_them() {
        // Single quotes: `''` is a quote inside, a lone `'` ends the scalar.
        assert_eq!(copy("a: 'one\ntwo'\n"), Some("a: 'one\n    two'\n".into()));
        assert_eq!(
            copy("a: 'it''s\nmore'\n"),
            Some("a: 'it''s\n    more'\n".into())
        );
        assert_eq!(copy("a: 'x'\nb: 1\n"), None);
        // Double quotes: `\"` is a quote inside, `\\` a backslash before the end.
        assert_eq!(
            copy("a: \"one \\\" two\nthree\"\n"),
            Some("a: \"one \\\" two\n    three\"\n".into())
        );
        assert_eq!(copy("a: \"x\\\\\"\nb: y\n"), None);
        // A quote inside a plain scalar begins nothing.
        assert_eq!(copy("t: It's\nb: 1\n"), None);
        assert_eq!(copy("t: a\"b\nc: 1\n"), None);
    }

    #[test]
    fn brackets_nest_and_close() {
        // Nested flow collections close one level at a time.
        assert_eq!(
            copy("a: {\"k\":[b,\n]\n}\n"),
            Some("a: {\"k\":[b,\n    ]\n    }\n".into())
        );
        // A bracket inside a plain scalar opens nothing, and one at no depth closes
        // nothing.
        assert_eq!(copy("a: x[y\nz: 1\n"), None);
        assert_eq!(
            copy("a: x]\nb: \"c\nd\"\n"),
            Some("a: x]\nb: \"c\n    d\"\n".into())
        );
        assert_eq!(copy("a: x}\nb: 1\n"), None);
        // Closed on its line: later lines are not continuations.
        assert_eq!(
            copy("a: [x, y]\nb: \"one\ntwo\"\n"),
            Some("a: [x, y]\nb: \"one\n    two\"\n".into())
        );
        // A quote after a comma inside brackets is a quoted scalar; a comma outside
        // brackets is plain text.
        assert_eq!(
            copy("a: [x, \"y]\nz\"]\nb: 1\n"),
            Some("a: [x, \"y]\n    z\"]\nb: 1\n".into())
        );
        assert_eq!(copy("a: x, \"y\nz\"\n"), None);
    }

    #[test]
    fn comments_hide_what_follows_them() {
        // A `#` after a space or tab begins a comment: nothing in it opens.
        assert_eq!(copy("a: 1 # see: \"x\ny\n"), None);
        assert_eq!(copy("a: 1\t# see: [x\ny\n"), None);
        // A `#` inside a word is no comment: the bracket after it still closes.
        assert_eq!(
            copy("a: [x#y]\nb: \"one\ntwo\"\n"),
            Some("a: [x#y]\nb: \"one\n    two\"\n".into())
        );
    }

    #[test]
    fn block_scalars_are_left_alone() {
        // A block scalar's lines, more indented than its header, are its text.
        assert_eq!(copy("b: |\n  \"x\n  y\n"), None);
        assert_eq!(copy("b: >-\n  [x\n\n  y\n"), None);
        assert_eq!(copy("- b: |\n    \"x\n   y\n"), None);
        // Its end: a line at the header's indentation.
        assert_eq!(
            copy("b: |\n  x\nc: \"q\nr\"\n"),
            Some("b: |\n  x\nc: \"q\n    r\"\n".into())
        );
        // `|` and `>` inside a plain scalar or brackets begin no block scalar.
        assert_eq!(
            copy("a: x|y\n  \"q\nr\"\n"),
            Some("a: x|y\n  \"q\n   r\"\n".into())
        );
        assert_eq!(copy("a: [x, >\n]\n"), Some("a: [x, >\n    ]\n".into()));
    }
}
