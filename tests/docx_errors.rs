//! Hostile and mislabelled Word files through the command line: a zip bomb
//! (declared or lying about its size), a truncated zip, a `.docx` that is
//! text, a password-encrypted document, a bare OLE header, and a `.md` that
//! is a zip. Each gives exactly one error line on standard error that names
//! the file, nothing on standard output, exit code 2, quickly; the bombs
//! also run under an address-space limit, so they cannot have inflated
//! their payload into memory.
//!
//! The bombs are built here: a deflate stream of one literal zero and then
//! back-references of 258 bytes, each coded in 2 bits, inflates to about
//! 1,032 times its size (300 MiB from under 300 KiB), in a zip written by
//! hand so that its headers can declare any size.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use tempfile::TempDir;

/// The generous time bound for any one refusal.
const QUICK: Duration = Duration::from_secs(5);

/// What a bomb inflates to: over the reader's caps (128 MiB a part, 256 MiB
/// in all; `crates/parse/src/reader/docx/archive.rs`).
const BOMB_BYTES: u64 = 300 * 1024 * 1024;

fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

/// Runs `mresponse convert FILE`, optionally under an address-space limit
/// (KiB) set by the shell's `ulimit -v` (on Unix; elsewhere unlimited).
fn convert(path: &Path, vm_limit_kib: Option<u64>) -> (Output, Duration) {
    let bin = env!("CARGO_BIN_EXE_mresponse");
    let mut cmd = match vm_limit_kib.filter(|_| cfg!(unix)) {
        Some(kib) => {
            let mut c = Command::new("sh");
            c.arg("-c")
                .arg(format!("ulimit -v {kib} && exec \"$0\" \"$@\""))
                .arg(bin);
            c
        }
        None => Command::new(bin),
    };
    cmd.arg("convert").arg(path);
    let start = Instant::now();
    let out = cmd.output().expect("the binary runs");
    (out, start.elapsed())
}

/// Asserts the one-line refusal: exit 2, quick, nothing on stdout, one
/// stderr line naming the file and holding each of `words`.
fn assert_refused(path: &Path, words: &[&str], vm_limit_kib: Option<u64>) -> String {
    let (out, took) = convert(path, vm_limit_kib);
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    let name = path.display().to_string();
    assert_eq!(out.status.code(), Some(2), "{name}: {err}");
    assert!(took < QUICK, "{name} took {took:?}");
    assert!(out.stdout.is_empty(), "{name}: something on stdout");
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 1, "{name}: not one line: {err}");
    assert!(lines[0].contains(&name), "{err}");
    for w in words {
        assert!(lines[0].contains(w), "{name}: no {w:?} in {err}");
    }
    // Refused for what it is, not because the memory limit ran out.
    assert!(!err.contains("out of memory"), "{err}");
    eprintln!("{}", lines[0]);
    err
}

/// An LSB-first bit writer, as deflate packs its streams.
#[derive(Default)]
struct Bits {
    out: Vec<u8>,
    acc: u64,
    n: u32,
}

impl Bits {
    /// `count` bits of `value`, least significant first (header fields,
    /// extra bits).
    fn put(&mut self, value: u64, count: u32) {
        self.acc |= value << self.n;
        self.n += count;
        while self.n >= 8 {
            self.out.push(self.acc as u8);
            self.acc >>= 8;
            self.n -= 8;
        }
    }

    /// A Huffman code of `len` bits, most significant bit first.
    fn code(&mut self, code: u64, len: u32) {
        for i in (0..len).rev() {
            self.put((code >> i) & 1, 1);
        }
    }

    fn finish(mut self) -> Vec<u8> {
        if self.n > 0 {
            self.out.push(self.acc as u8);
        }
        self.out
    }
}

/// What [`deflate_zeros`] of `size` inflates to: one byte and whole
/// 258-byte copies.
fn inflated_size(size: u64) -> u64 {
    1 + 258 * size.saturating_sub(1).div_ceil(258)
}

/// A raw deflate stream that inflates to at least `size` zero bytes: one
/// dynamic-Huffman block whose literal/length code has three symbols
/// (285 = length 258 in 1 bit, literal 0 and end-of-block in 2 bits) and
/// whose distance code has two of 1 bit (distance 1 is `0`).
fn deflate_zeros(size: u64) -> Vec<u8> {
    let mut b = Bits::default();
    b.put(1, 1); // the final block
    b.put(2, 2); // dynamic Huffman codes
    b.put(286 - 257, 5); // HLIT: literal/length codes 0..=285
    b.put(2 - 1, 5); // HDIST: distance codes 0 and 1
    b.put(18 - 4, 4); // HCLEN: 18 code-length code lengths follow
    // Code-length code lengths, in deflate's order: 18 has 1 bit, 1 and 2
    // have 2 bits, the rest none.
    for sym in [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1] {
        let len = match sym {
            18 => 1,
            1 | 2 => 2,
            _ => 0,
        };
        b.put(len, 3);
    }
    // Their canonical codes: 18 → 0, 1 → 10, 2 → 11.
    let len1 = |b: &mut Bits| b.code(0b10, 2);
    let len2 = |b: &mut Bits| b.code(0b11, 2);
    let zeros = |b: &mut Bits, n: u64| {
        b.code(0, 1);
        b.put(n - 11, 7);
    };
    // Literal/length lengths: 0 → 2, 1..=255 → 0, 256 → 2, 257..=284 → 0,
    // 285 → 1; then the distance lengths 1, 1.
    len2(&mut b);
    zeros(&mut b, 138);
    zeros(&mut b, 117);
    len2(&mut b);
    zeros(&mut b, 28);
    len1(&mut b);
    len1(&mut b);
    len1(&mut b);
    // Canonical literal/length codes: 285 → 0, literal 0 → 10, end → 11.
    b.code(0b10, 2); // one zero byte
    let matches = (inflated_size(size) - 1) / 258;
    for _ in 0..matches {
        b.code(0, 1); // length 258
        b.code(0, 1); // distance 1
    }
    b.code(0b11, 2); // end of block
    b.finish()
}

/// A zip entry written by hand: its name, stored or deflated data, and
/// the uncompressed size and CRC its headers declare.
struct Entry<'a> {
    name: &'a str,
    data: Vec<u8>,
    deflated: bool,
    declared: u32,
    crc: u32,
}

impl<'a> Entry<'a> {
    fn stored(name: &'a str, data: &[u8]) -> Self {
        Entry {
            name,
            data: data.to_vec(),
            deflated: false,
            declared: u32::try_from(data.len()).expect("small"),
            crc: crc32(data),
        }
    }
}

/// The CRC-32 of zip (bitwise: the entries that need one are tiny).
fn crc32(data: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &byte in data {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// A zip archive of `entries`: local headers and data, the central
/// directory, its end record.
fn zip(entries: &[Entry<'_>]) -> Vec<u8> {
    let u16le = |v: usize| u16::try_from(v).expect("fits").to_le_bytes();
    let u32le = |v: usize| u32::try_from(v).expect("fits").to_le_bytes();
    let mut out = Vec::new();
    let mut central = Vec::new();
    for e in entries {
        let offset = out.len();
        let method: u16 = if e.deflated { 8 } else { 0 };
        let common = [
            &20u16.to_le_bytes()[..], // version needed
            &0u16.to_le_bytes(),      // flags
            &method.to_le_bytes(),
            &0u16.to_le_bytes(),    // time
            &0x21u16.to_le_bytes(), // date: 1980-01-01
            &e.crc.to_le_bytes(),
            &u32le(e.data.len()),
            &e.declared.to_le_bytes(),
            &u16le(e.name.len()),
            &0u16.to_le_bytes(), // extra field length
        ]
        .concat();
        out.extend_from_slice(b"PK\x03\x04");
        out.extend_from_slice(&common);
        out.extend_from_slice(e.name.as_bytes());
        out.extend_from_slice(&e.data);
        central.extend_from_slice(b"PK\x01\x02");
        central.extend_from_slice(&20u16.to_le_bytes()); // made by
        central.extend_from_slice(&common);
        central.extend_from_slice(&[0; 6]); // comment length, disk, internal attributes
        central.extend_from_slice(&[0; 4]); // external attributes
        central.extend_from_slice(&u32le(offset));
        central.extend_from_slice(e.name.as_bytes());
    }
    let cd_offset = out.len();
    out.extend_from_slice(&central);
    out.extend_from_slice(b"PK\x05\x06");
    out.extend_from_slice(&[0; 4]); // disk numbers
    out.extend_from_slice(&u16le(entries.len()));
    out.extend_from_slice(&u16le(entries.len()));
    out.extend_from_slice(&u32le(central.len()));
    out.extend_from_slice(&u32le(cd_offset));
    out.extend_from_slice(&[0; 2]); // comment length
    out
}

const CONTENT_TYPES: &[u8] = br#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>"#;

/// A `.docx` whose `word/document.xml` inflates to [`BOMB_BYTES`] and
/// declares `declared` bytes.
fn bomb(declared: u32) -> Vec<u8> {
    zip(&[
        Entry::stored("[Content_Types].xml", CONTENT_TYPES),
        Entry {
            name: "word/document.xml",
            data: deflate_zeros(BOMB_BYTES),
            deflated: true,
            declared,
            crc: 0,
        },
    ])
}

/// The address-space limit for the bombs, in KiB: room for the program,
/// far less than one capped part (128 MiB), let alone the payload.
const BOMB_VM_KIB: u64 = 96 * 1024;

#[test]
fn the_bomb_generator_makes_a_real_bomb() {
    // The stream is valid deflate and inflates to what it says (checked
    // with a small one: the same code, fewer repeats).
    let small = deflate_zeros(100_000);
    assert!(small.len() < 200, "{} bytes", small.len());
    let size = usize::try_from(inflated_size(100_000)).expect("fits");
    let archive = zip(&[Entry {
        name: "zeros",
        data: small,
        deflated: true,
        declared: u32::try_from(size).expect("fits"),
        crc: crc32(&vec![0; size]),
    }]);
    let dir = TempDir::new().expect("tempdir");
    let path = dir.path().join("zeros.zip");
    std::fs::write(&path, &archive).expect("write");
    // `unzip -p` is an independent inflater, where it is installed.
    if let Ok(out) = Command::new("unzip").arg("-p").arg(&path).output() {
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(out.stdout.len(), size);
        assert!(out.stdout.iter().all(|&b| b == 0));
    }
    let full = deflate_zeros(BOMB_BYTES);
    assert!(full.len() < 320 * 1024, "{} bytes", full.len());
}

#[test]
fn a_bomb_that_declares_its_size_is_refused_up_front() {
    let dir = TempDir::new().expect("tempdir");
    let path = dir.path().join("bomb-declared.docx");
    std::fs::write(&path, bomb(u32::try_from(BOMB_BYTES).expect("fits"))).expect("write");
    assert_refused(
        &path,
        &["would unpack to", "over the limit"],
        Some(BOMB_VM_KIB),
    );
}

#[test]
fn a_bomb_that_lies_about_its_size_stops_at_the_declared_size() {
    let dir = TempDir::new().expect("tempdir");
    let path = dir.path().join("bomb-lying.docx");
    std::fs::write(&path, bomb(4096)).expect("write");
    assert_refused(
        &path,
        &["word/document.xml", "larger than its declared"],
        Some(BOMB_VM_KIB),
    );
}

#[test]
fn a_truncated_zip_is_refused() {
    let whole = std::fs::read(fixture("fixtures/dev/unitar-minamata-word.docx")).expect("fixture");
    let dir = TempDir::new().expect("tempdir");
    for (name, cut) in [("half.docx", whole.len() / 2), ("head.docx", 100)] {
        let path = dir.path().join(name);
        std::fs::write(&path, &whole[..cut]).expect("write");
        assert_refused(&path, &["truncated or damaged"], None);
    }
}

#[test]
fn a_docx_that_is_text_is_refused() {
    let dir = TempDir::new().expect("tempdir");
    let path = dir.path().join("really-markdown.docx");
    std::fs::copy(fixture("fixtures/dev/unitar-minamata.md"), &path).expect("copy");
    assert_refused(&path, &["not a zip archive", "text"], None);
}

#[test]
fn an_encrypted_docx_is_refused() {
    // A real password-protected document (fixtures/hostile/README.md).
    assert_refused(
        &fixture("fixtures/hostile/encrypted-password.docx"),
        &["encrypted", "password"],
        None,
    );
    // And the bare OLE compound-file header, padded.
    let dir = TempDir::new().expect("tempdir");
    let path = dir.path().join("ole.docx");
    let mut bytes = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    bytes.resize(4096, 0);
    std::fs::write(&path, bytes).expect("write");
    assert_refused(&path, &["encrypted", "OLE"], None);
}

#[test]
fn a_markdown_file_that_is_a_zip_is_refused() {
    let dir = TempDir::new().expect("tempdir");
    let path = dir.path().join("response.md");
    std::fs::copy(fixture("fixtures/dev/unitar-minamata-word.docx"), &path).expect("copy");
    assert_refused(&path, &["zip archive", "rename it to .docx"], None);
}

#[test]
fn a_good_docx_converts_under_the_bombs_memory_limit() {
    // The limit the bombs run under is enough for real work: were it not,
    // their refusals could be the limit's doing rather than the reader's.
    let (out, _) = convert(
        &fixture("fixtures/dev/unitar-minamata-word.docx"),
        Some(BOMB_VM_KIB),
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
