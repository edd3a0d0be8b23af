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
}
