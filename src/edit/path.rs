//! Field paths as users write them (`author.url`, `tags[1]`, `a.b[0].c`), read into
//! the segments that diagnostics print with `display_path`. It knows no YAML.

use crate::path::Segment;

/// The segments of `path`; `None` for text that is not a path: empty, empty keys
/// (`a..b`), an index that is not a number, or an index first.
pub(super) fn parse(path: &str) -> Option<Vec<Segment>> {
    let mut out = Vec::new();
    let mut rest = path;
    let mut key_next = true;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix('[') {
            let close = after.find(']')?;
            let digits = &after[..close];
            if out.is_empty() || digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            out.push(Segment::Index(digits.parse().ok()?));
            rest = &after[close + 1..];
            key_next = false;
            continue;
        }
        if !key_next {
            rest = rest.strip_prefix('.')?;
        }
        let end = rest.find(['.', '[', ']']).unwrap_or(rest.len());
        if end == 0 {
            return None;
        }
        out.push(Segment::Key(rest[..end].to_owned()));
        rest = &rest[end..];
        key_next = false;
    }
    (!out.is_empty()).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::path::display_path;

    #[test]
    fn paths_read_back_as_printed() {
        for path in [
            "updated",
            "author.url",
            "tags[1]",
            "a.b[0][2].c",
            "with space.x",
        ] {
            assert_eq!(display_path(&parse(path).unwrap()), path);
        }
        assert_eq!(parse("tags[1]").unwrap()[1], Segment::Index(1));
        for bad in [
            "", ".a", "a.", "a..b", "[0]", "a[x]", "a[]", "a[1", "a]", "a[1]b", "a[-1]",
        ] {
            assert_eq!(parse(bad), None, "{bad:?}");
        }
    }
}
