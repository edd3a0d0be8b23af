//! The header-only reader: the same outcomes and spans as `split_bytes` over every
//! file of the curated corpus (and of the full one in a sweep), the grammar's edge
//! cases through readers that hand out one byte at a time, and the read bound on a
//! 64 MiB input.

use std::collections::BTreeMap;
use std::io::{self, BufReader, Read};
use std::path::Path;

use masthead::{read_front_matter, split_bytes, Header, Kind, ReadOptions, Schema};

use crate::corpus::{curated, full};

const REFERENCE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/corpus/beehive/releases/2024/05/",
    "2024-05-13-new-zealand-expresses-regret-north-koreas-aggressive-rhetoric.md"
);

/// A reader over `bytes` that counts what it hands out.
struct Counting<'a> {
    bytes: &'a [u8],
    read: usize,
}

impl Read for Counting<'_> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let n = self.bytes.read(out)?;
        self.read += n;
        Ok(n)
    }
}

/// The header of `bytes` read through a buffer of `cap` bytes.
fn read_with(bytes: &[u8], cap: usize) -> Result<Header, masthead::Error> {
    read_front_matter(BufReader::with_capacity(cap, bytes))
}

/// Checks the header of `bytes` against `split_bytes` of the whole input; returns the
/// name of the outcome.
#[track_caller]
fn agree(name: &str, bytes: &[u8]) -> &'static str {
    let header = read_front_matter(bytes);
    // Line by line through a tiny buffer gives exactly the same.
    assert_eq!(
        read_with(bytes, 7),
        header,
        "{name}: a 7-byte buffer differs"
    );
    match (split_bytes(bytes), header) {
        (Ok(doc), Ok(header)) => {
            assert_eq!(header.has_bom(), doc.has_bom(), "{name}: bom");
            assert_eq!(header.has_front_matter(), doc.has_front_matter(), "{name}");
            assert_eq!(header.front_matter(), doc.front_matter(), "{name}: block");
            assert_eq!(header.opening_fence_span(), doc.opening_fence_span());
            assert_eq!(header.front_matter_span(), doc.front_matter_span());
            assert_eq!(header.closing_fence_span(), doc.closing_fence_span());
            assert_eq!(header.body_start(), doc.body_span().location(), "{name}");
            let end = if doc.has_front_matter() {
                doc.body_span().start()
            } else {
                usize::from(doc.has_bom()) * 3
            };
            assert_eq!(header.as_str(), &doc.source()[..end], "{name}: text");
            assert_eq!(header.clone().into_string(), header.as_str(), "{name}");
            let view = header.as_document();
            assert_eq!(view.front_matter_span(), doc.front_matter_span());
            assert_eq!(
                header.validate(&Schema::any()),
                masthead::validate(&doc, &Schema::any()),
                "{name}: validation differs"
            );
            if doc.has_front_matter() {
                "front-matter"
            } else {
                "none"
            }
        }
        (Err(e), Err(h)) => {
            assert_eq!(h, e, "{name}: errors differ");
            e.kind().as_str()
        }
        (Err(e), Ok(header)) => {
            // Only a body that is not UTF-8 is not seen by the header reader.
            assert_eq!(e.kind(), Kind::InvalidUtf8, "{name}: {e}");
            assert!(
                e.span().start() >= header.body_start().offset(),
                "{name}: a bad byte at {} inside the header",
                e.span().start()
            );
            "invalid-utf8-in-body"
        }
        (Ok(_), Err(h)) => panic!("{name}: split succeeds, the header reader fails: {h}"),
    }
}

/// The header reader agrees with `split_bytes` on every file under `root`: `files`
/// files in all, of which `front_matter` have front matter and `none` none, with
/// TOML counted as front matter only with the `toml` feature; one is unterminated
/// and one is not UTF-8 past its header.
fn agrees_on_every_file(root: &Path, files: usize, front_matter: usize, none: usize, toml: usize) {
    let all = crate::corpus::files_under(root);
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for path in &all {
        let bytes = std::fs::read(path).unwrap();
        let name = path.display().to_string();
        *counts.entry(agree(&name, &bytes)).or_default() += 1;
        // The path convenience reads the same.
        if counts.len() < 3 || bytes.len() % 97 == 0 {
            assert_eq!(
                masthead::read_front_matter_path(path),
                read_front_matter(&bytes[..])
            );
        }
    }
    assert_eq!(all.len(), files);
    // With the `toml` feature, the `+++` posts of the Rust blog have front matter.
    let toml = if cfg!(feature = "toml") { toml } else { 0 };
    let expected: BTreeMap<&str, usize> = [
        ("front-matter", front_matter + toml),
        ("none", none - toml),
        ("unterminated-front-matter", 1),
        ("invalid-utf8-in-body", 1),
    ]
    .into();
    assert_eq!(counts, expected);
}

#[test]
fn agrees_with_split_on_every_corpus_file() {
    // 17 `+++` posts of the Rust blog.
    agrees_on_every_file(curated(), 325, 281, 42, 17);
}

#[test]
#[ignore = "full corpus sweep: run with `cargo test -- --ignored sweep_` (MASTHEAD_CORPUS or ../shared/corpus)"]
fn sweep_agrees_with_split_on_every_corpus_file() {
    // 754 `+++` posts of the Rust blog.
    agrees_on_every_file(&full(), 7_532, 6_753, 777, 754);
}

#[test]
fn agrees_with_split_on_the_grammar_edges() {
    let cases: &[&[u8]] = &[
        b"",
        b"---",
        b"---\n",
        b"---\r\n",
        b"---\n---",
        b"---\n---\n",
        b"---\n...",
        b"---\n... \t\r\nbody",
        b"\xef\xbb\xbf---\na: 1\n---\nbody",
        b"\xef\xbb\xbf# title\n",
        b"\xef\xbb\xbf",
        b"----\na: 1\n----\n",
        b"--- \t\na: 1\n---\t\n",
        b"---yaml\na: 1\n---\n",
        b" ---\na: 1\n---\n",
        b"\n---\na: 1\n---\n",
        b"---\na: |\n  ---x\n  ...y\n---\nbody\n---\n",
        b"---\ntitle: a---\n  ---\n---more\n---\n",
        b"---\r\na: 1\r\n---\r",
        b"---\ncaf\xc3\xa9: 1\n---\n\xe9 body",
        b"---\ncaf\xe9: 1\n---\n",
        b"---\ncaf\xe9: 1\n",
        b"---\na: 1\xe2\x82",
        b"\xe9 no front matter\n",
        b"---\r",
        b"---\r\r\n---\n",
    ];
    for case in cases {
        agree(&format!("{:?}", String::from_utf8_lossy(case)), case);
    }
}

#[test]
fn leaves_the_reader_at_the_body() {
    let src = "---\ntitle: x\n---\nline 1\nline 2\n";
    let mut reader = BufReader::with_capacity(3, src.as_bytes());
    let header = read_front_matter(&mut reader).unwrap();
    assert_eq!(header.body_start().offset(), 17);
    let mut body = String::new();
    reader.read_to_string(&mut body).unwrap();
    assert_eq!(body, "line 1\nline 2\n");

    // Without front matter the first line has been consumed: the caller learns so
    // from `has_front_matter` and the offset.
    let mut reader = "plain\nsecond\n".as_bytes();
    let header = read_front_matter(&mut reader).unwrap();
    assert!(!header.has_front_matter());
    assert_eq!(reader, b"second\n");
}

#[test]
fn deserializes_and_validates_with_file_positions() {
    let src = std::fs::read_to_string(REFERENCE).unwrap();
    let header = read_front_matter(src.as_bytes()).unwrap();
    let ours: masthead::Release = header.deserialize().unwrap();
    assert_eq!(
        ours,
        masthead::from_str::<masthead::Release>(&src)
            .unwrap()
            .metadata
    );
    assert!(header.validate(&Schema::release()).is_empty());

    let bad = "\u{feff}---\r\ntitle: x\r\nurl: /relative\r\n---\r\nbody";
    let header = read_front_matter(bad.as_bytes()).unwrap();
    let doc = masthead::split(bad).unwrap();
    let err = header.deserialize::<masthead::Release>().unwrap_err();
    assert_eq!(err, doc.deserialize::<masthead::Release>().unwrap_err());
    assert_eq!(
        header.validate(&Schema::release()),
        masthead::validate(&doc, &Schema::release())
    );
}

/// The reference front matter on top of a body of `len` bytes.
fn with_body(len: usize) -> Vec<u8> {
    let src = std::fs::read(REFERENCE).unwrap();
    let doc = split_bytes(&src).unwrap();
    let mut out = src[..doc.body_span().start()].to_vec();
    let unit = doc.body().as_bytes();
    while out.len() < len {
        out.extend_from_slice(unit);
    }
    out
}

#[test]
fn reads_at_most_64_kib_of_a_64_mib_file() {
    let big = with_body(64 << 20);
    let mut counting = Counting {
        bytes: &big,
        read: 0,
    };
    let header = read_front_matter(BufReader::new(&mut counting)).unwrap();
    assert_eq!(
        Some(header),
        read_front_matter(&big[..]).ok(),
        "the counting reader changes nothing"
    );
    // One 8 KiB buffer fill covers the reference header.
    assert!(counting.read <= 8 * 1024, "read {} bytes", counting.read);

    // A fence that never closes: the limit stops the reading.
    let mut open = b"---\n".to_vec();
    open.extend(std::iter::repeat_n(b"key: value\n", 6 << 20).flatten());
    assert!(open.len() > 64 << 20);
    for limit in [ReadOptions::DEFAULT_LIMIT, 1000, 4] {
        let mut counting = Counting {
            bytes: &open,
            read: 0,
        };
        let err = ReadOptions::new()
            .limit(limit)
            .read(BufReader::with_capacity(1000, &mut counting))
            .unwrap_err();
        assert_eq!(err.kind(), Kind::LimitExceeded, "{err}");
        assert_eq!((err.line(), err.column(), err.span().range()), (1, 1, 0..3));
        assert!(
            counting.read <= limit.next_multiple_of(1000),
            "limit {limit}: read {} bytes",
            counting.read
        );
    }
    // Through the path convenience the file is never read past the limit: see
    // benches/memory.rs, which counts the bytes the process reads.
}

#[test]
fn limit_edges() {
    let doc = b"---\na: 1\n---\nbody";
    // 13 bytes of header: a limit of 13 reads it, 12 does not.
    assert!(ReadOptions::new().limit(13).read(&doc[..]).is_ok());
    let err = ReadOptions::new().limit(12).read(&doc[..]).unwrap_err();
    assert_eq!(err.kind(), Kind::LimitExceeded);
    // A closing fence without a line ending exactly at the limit cannot be told from
    // `---more`: too large. One more byte of limit finds the end of the input.
    let eof = b"---\na: 1\n---";
    assert_eq!(
        ReadOptions::new()
            .limit(12)
            .read(&eof[..])
            .unwrap_err()
            .kind(),
        Kind::LimitExceeded
    );
    assert!(ReadOptions::new().limit(13).read(&eof[..]).is_ok());
    // An opening fence cut by the limit; a first line that cannot be a fence is not.
    let err = ReadOptions::new().limit(3).read(&b"---\n"[..]).unwrap_err();
    assert_eq!(err.kind(), Kind::LimitExceeded);
    assert_eq!(
        err.message(),
        "front matter too large: no closing `---` or `...` line in the first 3 bytes"
    );
    let plain = ReadOptions::new()
        .limit(3)
        .read(&b"# a long title\n"[..])
        .unwrap();
    assert!(!plain.has_front_matter());
    // A bad byte before the limit is reported as such.
    let err = ReadOptions::new()
        .limit(8)
        .read(&b"---\n\xff: 1234567\n---\n"[..])
        .unwrap_err();
    assert_eq!(err.kind(), Kind::InvalidUtf8);
    assert_eq!(err.span().start(), 4);
}

#[test]
fn the_default_limit_is_64_kib() {
    // A document whose header (through its closing fence line) is `len` bytes long.
    let header_of = |len: usize| {
        let mut doc = b"---\nk: ".to_vec();
        doc.resize(len - b"\n---\n".len(), b'v');
        doc.extend_from_slice(b"\n---\nbody");
        doc
    };
    let fits = header_of(64 * 1024);
    let header = read_front_matter(&fits[..]).unwrap();
    assert_eq!(header.body_start().offset(), 64 * 1024);
    let err = read_front_matter(&header_of(64 * 1024 + 1)[..]).unwrap_err();
    assert_eq!(err.kind(), Kind::LimitExceeded);
    assert_eq!(
        err.message(),
        "front matter too large: no closing `---` or `...` line in the first 65536 bytes"
    );
}

#[test]
fn a_refused_read_says_permission_denied() {
    // The system's own words for the common reasons are replaced by the crate's.
    struct Refusing;
    impl Read for Refusing {
        fn read(&mut self, _: &mut [u8]) -> io::Result<usize> {
            Err(io::Error::new(
                io::ErrorKind::PermissionDenied,
                "Access is denied.",
            ))
        }
    }
    let err = read_front_matter(BufReader::new(Refusing)).unwrap_err();
    assert_eq!(err.kind(), Kind::Io);
    assert!(!err.has_position());
    assert_eq!(err.to_string(), "cannot read: permission denied");
}

#[test]
fn io_errors_are_positioned() {
    struct Failing<'a>(&'a [u8]);
    impl Read for Failing<'_> {
        fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
            if self.0.is_empty() {
                return Err(io::Error::other("disk on fire"));
            }
            self.0.read(out)
        }
    }
    let err = read_front_matter(BufReader::new(Failing(b"---\nab: c\nd"))).unwrap_err();
    assert_eq!(err.kind(), Kind::Io);
    assert_eq!(
        err.to_string(),
        "cannot read: disk on fire at line 3 column 2"
    );
    assert_eq!(err.span().start(), 11);
}

/// A TOML block cut by the limit names its own closing fence.
#[cfg(feature = "toml")]
#[test]
fn toml_limit_names_its_fence() {
    let cases: [(&[u8], usize); 3] = [
        (b"+++\ntitle = 'x'\n+++\n", 5),
        (b"\xef\xbb\xbf+++\ntitle = 'x'\n+++\n", 5),
        (b"+++", 3),
    ];
    for (doc, limit) in cases {
        let err = ReadOptions::new().limit(limit).read(doc).unwrap_err();
        assert_eq!(err.kind(), Kind::LimitExceeded, "{err}");
        assert_eq!(
            err.message(),
            format!("front matter too large: no closing `+++` line in the first {limit} bytes")
        );
    }
}
