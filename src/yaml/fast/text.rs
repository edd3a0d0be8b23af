//! The pre-pass of the fast path: one look at every byte of the block, for the
//! characters the subset allows, and the line feeds it finds on the way. It reads no
//! YAML structure (the parser does) and allocates nothing.

/// The positions of the first line feeds of the block, in order, found by
/// [`plain_text`] as it looks at every byte anyway; the parser then finds the ends
/// of these lines without searching. Lines past the last one recorded are searched.
pub(super) struct Newlines {
    pub(super) at: [usize; Newlines::CAPACITY],
    pub(super) len: usize,
    /// Whether `at` holds every line feed of the block.
    pub(super) complete: bool,
}

impl Newlines {
    /// Real front matter has up to about 30 lines; the release a dozen.
    const CAPACITY: usize = 48;

    fn push(&mut self, at: usize) {
        if self.len < Self::CAPACITY {
            self.at[self.len] = at;
            self.len += 1;
        } else {
            self.complete = false;
        }
    }
}

impl Default for Newlines {
    fn default() -> Self {
        Newlines {
            at: [0; Newlines::CAPACITY],
            len: 0,
            complete: true,
        }
    }
}

/// Bytes that need a closer look in [`plain_text`].
static SPECIAL: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        t[b] = true;
        b += 1;
    }
    t[0x7F] = true;
    t[0xC2] = true;
    t[0xE2] = true;
    t[0xEF] = true;
    t
};

/// Whether `bytes` holds only characters that the YAML reader accepts and that are
/// not line breaks or white space beyond LF, CRLF and the space, and no line that
/// starts with a document marker (`---`, `...`). Tabs, lone CRs, C0 and C1 controls,
/// DEL, NEL, the line and paragraph separators, U+FEFF, U+FFFE and U+FFFF fail.
///
/// Inlined into [`parse`](super::parser::parse), its one caller, as it was when
/// both lived in one module (about 90 instructions a block).
#[inline]
pub(super) fn plain_text(bytes: &[u8], newlines: &mut Newlines) -> bool {
    if marker_at(bytes, 0) {
        return false;
    }
    // Eight bytes at a time: most chunks are printable ASCII and need no look; in
    // the others, only the bytes that may be special are looked at.
    let mut chunks = bytes.chunks_exact(8);
    let mut at = 0;
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let mut candidates = candidates(u64::from_le_bytes(word));
        while candidates != 0 {
            let i = at + candidates.trailing_zeros() as usize / 8;
            if !plain_bytes(bytes, i, i + 1, newlines) {
                return false;
            }
            candidates &= candidates - 1;
        }
        at += 8;
    }
    plain_bytes(bytes, at, bytes.len(), newlines)
}

/// The high bit of each byte of `x` that may be below 0x20, DEL or not ASCII (with
/// false positives, never a false negative).
fn candidates(x: u64) -> u64 {
    const LOW: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let control = x.wrapping_sub(LOW * 0x20) & !x;
    let del = {
        let y = x ^ (LOW * 0x7F);
        y.wrapping_sub(LOW) & !y
    };
    (control | del | x) & HIGH
}

/// [`plain_text`] for `bytes[from..to]`, byte by byte (a check may look past `to`).
#[inline]
fn plain_bytes(bytes: &[u8], from: usize, to: usize, newlines: &mut Newlines) -> bool {
    for i in from..to {
        let b = bytes[i];
        if !SPECIAL[usize::from(b)] {
            continue;
        }
        let next = bytes.get(i + 1).copied();
        let after = bytes.get(i + 2).copied();
        let bad = match b {
            b'\n' => {
                newlines.push(i);
                marker_at(bytes, i + 1)
            }
            b'\r' => next != Some(b'\n'),
            0xC2 => matches!(next, Some(0x80..=0x9F)),
            0xE2 => next == Some(0x80) && matches!(after, Some(0xA8 | 0xA9)),
            0xEF => {
                (next == Some(0xBB) && after == Some(0xBF))
                    || (next == Some(0xBF) && matches!(after, Some(0xBE | 0xBF)))
            }
            _ => true,
        };
        if bad {
            return false;
        }
    }
    true
}

/// Whether a line starting at `i` starts with `---` or `...`.
fn marker_at(bytes: &[u8], i: usize) -> bool {
    matches!(bytes.get(i..i + 3), Some(b"---" | b"..."))
}

#[cfg(test)]
mod tests;
