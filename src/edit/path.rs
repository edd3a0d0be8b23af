//! Field paths as users write them (`author.url`, `tags[1]`, `a.b[0].c`), read into
//! the segments that diagnostics print with `display_path`. It knows no YAML.

use crate::path::{display_path, Segment};

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

/// When the keys of `path` from `depth` on, joined by `.`, are a key of the mapping
/// at `depth` (`has`): that key (`ms.date`) and the message of the refusal. A field
/// path reads every `.` as a step into a mapping, so it cannot name such a key, and
/// `ms.date` would silently reach (or add) `date` inside `ms` beside it.
pub(super) fn dotted(
    path: &[Segment],
    depth: usize,
    has: impl Fn(&str) -> bool,
) -> Option<(String, String)> {
    let mut joined = String::new();
    for (n, seg) in path.get(depth..)?.iter().enumerate() {
        let Segment::Key(k) = seg else { break };
        if n > 0 {
            joined.push('.');
        }
        joined.push_str(k);
        if n > 0 && has(&joined) {
            let whole = display_path(&path[..=depth + n]);
            let outer = display_path(&path[..=depth]);
            let inner = display_path(&path[depth + 1..=depth + n]);
            let message = format!(
                "the path `{whole}` is ambiguous: the mapping has a key `{joined}`, with a dot, \
                 but a field path reads every `.` as a step into a mapping (`{inner}` inside \
                 `{outer}`), so it cannot name that key; edit that entry by hand, or rename it"
            );
            return Some((joined, message));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

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
            "", ".a", "a.", "a..b", "[0]", "a[x]", "a[]", "a[1", "a]", "a[1]b", "a[-1]", "a[+1]",
        ] {
            assert_eq!(parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn dotted_names_the_key_and_the_paths_it_could_mean() {
        let path = parse("x.ms.date.y").unwrap();
        let has = |k: &str| k == "ms.date" || k == "ms";
        // From depth 1: `ms` alone is no refusal, `ms.date` is; `y` is not reached.
        let (key, message) = dotted(&path, 1, has).unwrap();
        assert_eq!(key, "ms.date");
        assert_eq!(
            message,
            "the path `x.ms.date` is ambiguous: the mapping has a key `ms.date`, with a \
             dot, but a field path reads every `.` as a step into a mapping (`date` inside \
             `x.ms`), so it cannot name that key; edit that entry by hand, or rename it"
        );
        // Three keys joined, and an index ends the keys.
        let deep = parse("a.b.c[0].d").unwrap();
        let (key, message) = dotted(&deep, 0, |k| k == "a.b.c").unwrap();
        assert_eq!(key, "a.b.c");
        assert!(message.contains("(`b.c` inside `a`)"), "{message}");
        assert_eq!(dotted(&deep, 0, |k| k == "a.b.c.d"), None);
        // A key without a dot, or one that needs a key the path has not, is none.
        assert_eq!(dotted(&path, 1, |k| k == "ms"), None);
        assert_eq!(dotted(&path, 0, |k| k == "ms.date"), None);
        assert_eq!(dotted(&path, 4, has), None);
    }
}
