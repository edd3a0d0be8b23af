//! The pre-pass against its twin: [`plain_text`] and [`candidates`] checked byte by
//! byte, the memchr way, with every special character at every offset of a word and
//! across word boundaries. Tests only.

use proptest::prelude::*;

use super::{candidates, plain_text, Newlines};

/// [`plain_text`] as its doc says it, a character at a time: whether `text` passes,
/// and every line feed it found on the way.
fn twin(text: &str) -> (bool, Vec<usize>) {
    let marker = |i: usize| text[i..].starts_with("---") || text[i..].starts_with("...");
    let mut newlines = Vec::new();
    if marker(0) {
        return (false, newlines);
    }
    for (i, c) in text.char_indices() {
        let ok = match c {
            '\n' => {
                newlines.push(i);
                !marker(i + 1)
            }
            '\r' => text[i + 1..].starts_with('\n'),
            '\u{0}'..='\u{1F}' | '\u{7F}'..='\u{9F}' => false,
            '\u{2028}' | '\u{2029}' | '\u{FEFF}' | '\u{FFFE}' | '\u{FFFF}' => false,
            _ => true,
        };
        if !ok {
            return (false, newlines);
        }
    }
    (true, newlines)
}

/// Asserts that [`plain_text`] and the twin agree on `text`, and on the line feeds
/// recorded when it passes.
#[track_caller]
fn same(text: &str) -> bool {
    let mut newlines = Newlines::default();
    let fast = plain_text(text.as_bytes(), &mut newlines);
    let (want, all) = twin(text);
    assert_eq!(fast, want, "{text:?}");
    if fast {
        let kept = all.len().min(Newlines::CAPACITY);
        assert_eq!(&newlines.at[..newlines.len], &all[..kept], "{text:?}");
        assert_eq!(newlines.complete, all.len() <= kept, "{text:?}");
    }
    fast
}

/// Each class of character the pre-pass treats apart, and its near neighbours in
/// UTF-8 (same lead byte, the next or previous code point), with plain ASCII.
const PIECES: &[&str] = &[
    // C0 controls, tab, CR, LF and CRLF.
    "\0", "\x01", "\x08", "\x0b", "\x0c", "\x1b", "\x1f", "\t", "\r", "\n", "\r\n",
    // DEL and ASCII around it and around the controls.
    "\x7f", "~", " ", "!",
    // C1 controls (U+0080 to U+009F, NEL among them) and the first characters after.
    "\u{80}", "\u{85}", "\u{9f}", "\u{a0}", "é", "\u{bf}",
    // The line and paragraph separators, and characters sharing their lead bytes.
    "\u{2028}", "\u{2029}", "\u{2027}", "\u{202a}", "’", "€", "\u{2000}",
    // The byte-order mark, U+FFFE and U+FFFF, and characters sharing their lead byte.
    "\u{feff}", "\u{fffe}", "\u{ffff}", "\u{fefe}", "\u{fffd}", "\u{ffbf}", "\u{f000}",
    // Four bytes.
    "😀", // YAML's indicators, quotes and the document markers.
    ":", "#", "'", "\"", "-", ".", "---", "...", "--", "..", // Plain ASCII letters.
    "a", "b", "z", "Q",
];

/// Lowercase letters, `n` of them.
fn letters(n: usize) -> String {
    "abcdefghijklmnopqrstuvwxyz"
        .chars()
        .cycle()
        .take(n)
        .collect()
}

#[test]
fn every_piece_at_every_offset_of_two_words() {
    let mut passed = 0;
    for piece in PIECES {
        for before in 0..17 {
            for after in 0..17 {
                let pad = letters(before);
                let tail = letters(after);
                passed += usize::from(same(&format!("{pad}{piece}{tail}")));
                // The same on a second line, where the line start moves too.
                same(&format!("k: v\n{pad}{piece}{tail}\n"));
                same(&format!("k:\n{piece}{pad}{piece}{tail}\r\n"));
            }
        }
    }
    // Both answers occur, so that the comparison means something.
    assert!(passed > 20 * 17 * 17, "{passed}");
    assert!(passed < PIECES.len() * 17 * 17, "{passed}");
}

#[test]
fn lines_past_the_record_are_not_recorded() {
    for lines in [
        Newlines::CAPACITY - 1,
        Newlines::CAPACITY,
        Newlines::CAPACITY + 1,
    ] {
        let text = "a: 1\n".repeat(lines);
        assert!(same(&text));
        assert!(same(&format!("{text}b: 2")));
        assert!(!same(&format!("{text}---\n")));
    }
}

/// The bytes that [`candidates`] must flag.
fn special(b: u8) -> bool {
    !(0x20..0x7F).contains(&b)
}

/// Asserts that [`candidates`] flags every special byte of `word`, and nothing up to
/// the first one (the bytes above it may be flagged too).
#[track_caller]
fn flags(word: [u8; 8]) {
    let got = candidates(u64::from_le_bytes(word));
    let first = word.iter().position(|&b| special(b)).unwrap_or(8);
    for (i, &b) in word.iter().enumerate() {
        let flagged = got & (0x80 << (8 * i)) != 0;
        if special(b) {
            assert!(flagged, "byte {i} of {word:02x?}: {got:016x}");
        } else if i < first {
            assert!(!flagged, "byte {i} of {word:02x?}: {got:016x}");
        }
    }
    assert_eq!(got & !0x8080_8080_8080_8080, 0, "{word:02x?}: {got:016x}");
}

#[test]
fn candidates_flag_each_byte_at_each_offset() {
    for b in 0..=255u8 {
        for at in 0..8 {
            for fill in [b'a', b' ', b'~', 0x20, 0x7E, 0x1F, 0x7F, 0x80, 0xFF] {
                let mut word = [fill; 8];
                word[at] = b;
                flags(word);
            }
        }
    }
}

fn piece() -> impl Strategy<Value = &'static str> {
    prop::sample::select(PIECES)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]

    #[test]
    fn plain_text_agrees_with_its_twin(
        before in 0..8usize,
        pieces in prop::collection::vec(piece(), 0..24),
    ) {
        same(&format!("{}{}", letters(before), pieces.concat()));
    }

    #[test]
    fn candidates_flag_every_special_byte(
        word in prop::array::uniform8(prop_oneof![
            4 => prop::sample::select(&[0x00, 0x09, 0x0A, 0x0D, 0x1F, 0x20, 0x7E, 0x7F, 0x80, 0x85, 0xC2, 0xE2, 0xEF, 0xFF][..]),
            4 => 0x20..0x7Fu8,
            1 => any::<u8>(),
        ]),
    ) {
        flags(word);
    }
}
