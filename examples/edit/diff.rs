//! `--dry-run`'s unified diff of a document before and after its edits, written by
//! hand: a line LCS between the common head and tail, which for front-matter edits
//! is a few dozen lines. Reads and writes no file.

/// Lines of context around each change, as `diff -u`.
const CONTEXT: usize = 3;

/// Past this many cells the LCS table is not built: the changed middle is shown as
/// removed, then added (still a correct diff, only a longer one).
const MAX_CELLS: usize = 4_000_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Line {
    Same(usize, usize),
    Old(usize),
    New(usize),
}

/// The unified diff that turns `old` into `new`, both named `path` (so that
/// `git apply -p0` and `patch -p0` take it); empty when they are equal.
pub(crate) fn unified(path: &str, old: &str, new: &str) -> String {
    let a: Vec<&str> = old.split_inclusive('\n').collect();
    let b: Vec<&str> = new.split_inclusive('\n').collect();
    let script = script(&a, &b);
    let changes: Vec<usize> = (0..script.len())
        .filter(|&i| !matches!(script[i], Line::Same(..)))
        .collect();
    if changes.is_empty() {
        return String::new();
    }
    let mut out = format!("--- {path}\n+++ {path}\n");
    let mut at = 0;
    while at < changes.len() {
        // One hunk: changes whose contexts touch or overlap.
        let first = changes[at];
        let mut last = first;
        while at + 1 < changes.len() && changes[at + 1] <= last + 2 * CONTEXT + 1 {
            at += 1;
            last = changes[at];
        }
        at += 1;
        let from = first.saturating_sub(CONTEXT);
        let to = (last + CONTEXT + 1).min(script.len());
        hunk(&mut out, &script[from..to], &a, &b, &script[..from]);
    }
    out
}

/// Appends one hunk: its header, then its lines; `before` is the script above it.
fn hunk(out: &mut String, lines: &[Line], a: &[&str], b: &[&str], before: &[Line]) {
    let count = |old: bool, part: &[Line]| {
        part.iter()
            .filter(|l| match l {
                Line::Same(..) => true,
                Line::Old(_) => old,
                Line::New(_) => !old,
            })
            .count()
    };
    let range = |old: bool| {
        let (start, n) = (count(old, before), count(old, lines));
        match n {
            0 => format!("{start},0"),
            1 => format!("{}", start + 1),
            _ => format!("{},{n}", start + 1),
        }
    };
    out.push_str(&format!("@@ -{} +{} @@\n", range(true), range(false)));
    for line in lines {
        let (mark, text) = match *line {
            Line::Same(i, _) => (' ', a[i]),
            Line::Old(i) => ('-', a[i]),
            Line::New(j) => ('+', b[j]),
        };
        out.push(mark);
        out.push_str(text);
        if !text.ends_with('\n') {
            out.push_str("\n\\ No newline at end of file\n");
        }
    }
}

/// The edit script from `a` to `b`: common head and tail, an LCS in between.
fn script(a: &[&str], b: &[&str]) -> Vec<Line> {
    let head = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let tail = a[head..]
        .iter()
        .rev()
        .zip(b[head..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (ma, mb) = (&a[head..a.len() - tail], &b[head..b.len() - tail]);
    let mut out: Vec<Line> = (0..head).map(|i| Line::Same(i, i)).collect();
    if ma.len().saturating_mul(mb.len()) > MAX_CELLS {
        out.extend((0..ma.len()).map(|i| Line::Old(head + i)));
        out.extend((0..mb.len()).map(|j| Line::New(head + j)));
    } else {
        // lcs[i][j]: the longest common subsequence of ma[i..] and mb[j..].
        let w = mb.len() + 1;
        let mut lcs = vec![0usize; (ma.len() + 1) * w];
        for i in (0..ma.len()).rev() {
            for j in (0..mb.len()).rev() {
                lcs[i * w + j] = if ma[i] == mb[j] {
                    lcs[(i + 1) * w + j + 1] + 1
                } else {
                    lcs[(i + 1) * w + j].max(lcs[i * w + j + 1])
                };
            }
        }
        let (mut i, mut j) = (0, 0);
        while i < ma.len() || j < mb.len() {
            if i < ma.len() && j < mb.len() && ma[i] == mb[j] {
                out.push(Line::Same(head + i, head + j));
                (i, j) = (i + 1, j + 1);
            } else if i < ma.len() && (j == mb.len() || lcs[(i + 1) * w + j] >= lcs[i * w + j + 1])
            {
                // Removed lines before added ones, as `diff -u` shows them.
                out.push(Line::Old(head + i));
                i += 1;
            } else {
                out.push(Line::New(head + j));
                j += 1;
            }
        }
    }
    let (sa, sb) = (a.len() - tail, b.len() - tail);
    out.extend((0..tail).map(|k| Line::Same(sa + k, sb + k)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_hunk_per_cluster_with_context() {
        let old = "---\ntitle: A\ntags: [a]\ndraft: true\n---\n1\n2\n3\n4\n5\n6\n7\n8\n";
        let new = "---\ntitle: A\ntags: [a, b]\n---\n1\n2\n3\n4\n5\n6\n7\n8\n";
        assert_eq!(
            unified("p.md", old, new),
            "--- p.md\n+++ p.md\n@@ -1,7 +1,6 @@\n ---\n title: A\n-tags: [a]\n-draft: true\n+tags: [a, b]\n ---\n 1\n 2\n"
        );
        assert_eq!(unified("p.md", old, old), "");
        // Two changes far apart: two hunks, with right line numbers.
        let old: String = (1..=20).map(|i| format!("{i}\n")).collect();
        let new: String = (1..=20)
            .filter(|&i| i != 18)
            .map(|i| {
                if i == 2 {
                    "two\n".to_owned()
                } else {
                    format!("{i}\n")
                }
            })
            .collect();
        assert_eq!(
            unified("x", &old, &new),
            "--- x\n+++ x\n@@ -1,5 +1,5 @@\n 1\n-2\n+two\n 3\n 4\n 5\n\
             @@ -15,6 +15,5 @@\n 15\n 16\n 17\n-18\n 19\n 20\n"
        );
    }

    #[test]
    fn insertion_into_an_empty_file_and_no_final_newline() {
        assert_eq!(
            unified("n", "", "---\na: 1\n---\n"),
            "--- n\n+++ n\n@@ -0,0 +1,3 @@\n+---\n+a: 1\n+---\n"
        );
        assert_eq!(
            unified("n", "---\na: 1\n---", "---\na: 2\n---"),
            "--- n\n+++ n\n@@ -1,3 +1,3 @@\n ---\n-a: 1\n+a: 2\n ---\n\\ No newline at end of file\n"
        );
    }
}
