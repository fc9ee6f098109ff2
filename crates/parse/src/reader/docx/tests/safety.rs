//! Hostile and broken packages: every one is a [`ParseError`], quickly,
//! never a panic.

use std::time::{Duration, Instant};

use proptest::prelude::*;

use super::*;

fn err(bytes: &[u8]) -> ParseError {
    match read_docx(bytes) {
        Ok(blocks) => panic!("read {} blocks", blocks.len()),
        Err(e) => e,
    }
}

fn docx_err(bytes: &[u8], needle: &str) {
    match err(bytes) {
        ParseError::Docx(m) if m.contains(needle) => {}
        other => panic!("expected a Docx error with {needle:?}, got {other:?}"),
    }
}

fn wrong_format(bytes: &[u8], needle: &str) {
    match err(bytes) {
        ParseError::WrongFormat(m) if m.contains(needle) => {}
        other => panic!("expected WrongFormat with {needle:?}, got {other:?}"),
    }
}

/// The offset of the first central directory header and local header.
fn headers(bytes: &[u8]) -> (usize, usize) {
    let find = |sig: &[u8]| bytes.windows(4).position(|w| w == sig).unwrap();
    (find(b"PK\x01\x02"), find(b"PK\x03\x04"))
}

fn one_entry(name: &str, data: &[u8]) -> Vec<u8> {
    zip_of(&[(name, data)])
}

#[test]
fn not_a_zip_is_the_wrong_format() {
    assert!(matches!(err(b""), ParseError::Empty));
    wrong_format(b"Recommendation 1: text", "not a zip/Word file");
    wrong_format(b"{\\rtf1\\ansi hello}", "RTF");
    wrong_format(b"<?xml version=\"1.0\"?><w:document/>", "HTML or XML");
}

#[test]
fn ole_files_are_encrypted_or_legacy() {
    let mut bytes = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    bytes.resize(4096, 0);
    docx_err(&bytes, "encrypted (password-protected)");
    docx_err(&bytes, "legacy .doc (OLE)");
}

#[test]
fn truncated_zips_are_reported() {
    let path = format!(
        "{}/../../fixtures/dev/unitar-minamata-word.docx",
        env!("CARGO_MANIFEST_DIR")
    );
    let bytes = std::fs::read(path).unwrap();
    for cut in [
        4,
        30,
        100,
        bytes.len() / 2,
        bytes.len() - 10,
        bytes.len() - 1,
    ] {
        docx_err(&bytes[..cut], "truncated or damaged");
    }
}

#[test]
fn damaged_entries_are_reported() {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let stored = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    zip.start_file("word/document.xml", stored).unwrap();
    zip.write_all(document("<w:p><w:r><w:t>Hello</w:t></w:r></w:p>").as_bytes())
        .unwrap();
    let mut bytes = zip.finish().unwrap().into_inner();
    let at = bytes.windows(5).position(|w| w == b"Hello").unwrap();
    bytes[at] = b'J';
    docx_err(&bytes, "word/document.xml cannot be read");
}

#[test]
fn zips_without_a_word_document_are_the_wrong_format() {
    wrong_format(&one_entry("xl/workbook.xml", b"<workbook/>"), "Excel");
    wrong_format(&one_entry("ppt/presentation.xml", b"<p/>"), "PowerPoint");
    wrong_format(&one_entry("word/vbaProject.bin", b"\0\0"), "macros");
    wrong_format(&one_entry("readme.txt", b"hi"), "not a Word document");
    wrong_format(&zip_of(&[]), "no word/document.xml");
}

#[test]
fn a_compression_bomb_stops_at_the_cap_quickly() {
    let mut data = document("<w:p/>").into_bytes();
    data.resize(8 << 20, b' ');
    let bytes = one_entry("word/document.xml", &data);
    assert!(bytes.len() < 64 << 10, "{} bytes", bytes.len());
    let started = Instant::now();
    // The declared size alone is over a small total.
    let small = Limits {
        max_entries: 10,
        max_total: 4 << 20,
        max_part: 4 << 20,
    };
    match read_with(&bytes, small) {
        Err(ParseError::Docx(m)) if m.contains("would unpack") => {}
        other => panic!("{other:?}"),
    }
    // Within the declared total but over the per-part cap: stopped while
    // inflating.
    let part = Limits {
        max_part: 1 << 20,
        ..Limits::DEFAULT
    };
    match read_with(&bytes, part) {
        Err(ParseError::Docx(m)) if m.contains("unpacks to more than 1048576 bytes") => {}
        other => panic!("{other:?}"),
    }
    // A header that lies about the size does not get past the cap either.
    let mut lying = bytes.clone();
    let (central, local) = headers(&lying);
    lying[central + 24..central + 28].copy_from_slice(&100u32.to_le_bytes());
    lying[local + 22..local + 26].copy_from_slice(&100u32.to_le_bytes());
    assert!(matches!(read_with(&lying, part), Err(ParseError::Docx(_))));
    assert!(started.elapsed() < Duration::from_secs(10));
}

#[test]
fn declared_sizes_over_the_default_cap_are_refused_up_front() {
    let mut bytes = docx("<w:p><w:r><w:t>x</w:t></w:r></w:p>", &[]);
    let (central, _) = headers(&bytes);
    bytes[central + 24..central + 28].copy_from_slice(&0xFFFF_FFF0u32.to_le_bytes());
    docx_err(&bytes, "would unpack to 42949");
}

#[test]
fn too_many_entries_are_refused() {
    let names: Vec<String> = (0..=10_000).map(|i| format!("f/{i}")).collect();
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let stored = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for name in &names {
        zip.start_file(name.as_str(), stored).unwrap();
    }
    let bytes = zip.finish().unwrap().into_inner();
    docx_err(&bytes, "10001 entries, over the limit of 10000");
}

#[test]
fn encrypted_entries_and_other_methods_are_refused() {
    let bytes = docx("<w:p/>", &[]);
    let (central, local) = headers(&bytes);
    let mut encrypted = bytes.clone();
    encrypted[central + 8] |= 1;
    encrypted[local + 6] |= 1;
    docx_err(&encrypted, "encrypted (the zip is password-protected)");
    let mut lzma = bytes;
    lzma[central + 10] = 14;
    lzma[local + 8] = 14;
    assert!(matches!(err(&lzma), ParseError::Docx(_)));
}

#[test]
fn malformed_xml_is_an_error() {
    let bad = one_entry("word/document.xml", b"<w:document><w:body><w:p></w:body>");
    docx_err(&bad, "word/document.xml is not well-formed XML");
    let cut = one_entry("word/document.xml", document("<w:p>").as_bytes());
    docx_err(&cut, "not well-formed");
    let latin1 = one_entry("word/document.xml", b"<w:document>caf\xe9</w:document>");
    docx_err(&latin1, "not valid UTF-8");
}

#[test]
fn deep_nesting_is_refused() {
    let body = "<w:sdt>".repeat(2000) + &"</w:sdt>".repeat(2000);
    docx_err(&docx(&body, &[]), "nests elements more than 512 deep");
}

#[test]
fn table_sizes_are_bounded() {
    let grid = format!("<w:tblGrid>{}</w:tblGrid>", "<w:gridCol/>".repeat(1000));
    let rows = "<w:tr><w:tc><w:p/></w:tc></w:tr>".repeat(1001);
    docx_err(
        &docx(&format!("<w:tbl>{grid}{rows}</w:tbl>"), &[]),
        "the tables are too large",
    );
    let wide = format!("<w:tbl><w:tr>{}</w:tr></w:tbl>", "<w:tc/>".repeat(1100));
    docx_err(&docx(&wide, &[]), "more than 1024 columns");
    let span = r#"<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="4000000000"/></w:tcPr><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"#;
    let blocks = read(span);
    assert_eq!(blocks[0].table().unwrap().rows[0].cells.len(), 64);
}

#[test]
fn utf16_parts_and_undeclared_entities() {
    let doc = document("<w:p><w:r><w:t>été</w:t></w:r></w:p>");
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(doc.encode_utf16().flat_map(u16::to_le_bytes));
    let blocks = read_docx(&one_entry("word/document.xml", &utf16)).unwrap();
    assert_eq!(blocks[0].text(), "été");
    // Entity declarations are never expanded.
    let laughs = format!(
        r#"<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><w:document {NS}><w:body><w:p><w:r><w:t>x&b;y</w:t></w:r></w:p></w:body></w:document>"#
    );
    let blocks = read_docx(&one_entry("word/document.xml", laughs.as_bytes())).unwrap();
    assert_eq!(blocks[0].text(), "xy");
}

/// Pieces of WordprocessingML to shuffle into bodies.
const SNIPPETS: &[&str] = &[
    "<w:p>",
    "</w:p>",
    "<w:r>",
    "</w:r>",
    "<w:t>ab</w:t>",
    "<w:t>é\u{a0}</w:t>",
    "<w:tab/>",
    "<w:br/>",
    r#"<w:br w:type="page"/>"#,
    "<w:rPr><w:b/></w:rPr>",
    r#"<w:rPr><w:vertAlign w:val="superscript"/></w:rPr>"#,
    r#"<w:pPr><w:pStyle w:val="ListNumber"/></w:pPr>"#,
    r#"<w:pPr><w:numPr><w:ilvl w:val="8"/><w:numId w:val="1"/></w:numPr></w:pPr>"#,
    r#"<w:pPr><w:outlineLvl w:val="200"/></w:pPr>"#,
    "<w:tbl>",
    "</w:tbl>",
    "<w:tr>",
    "</w:tr>",
    "<w:tc>",
    "</w:tc>",
    "<w:tcPr><w:vMerge/></w:tcPr>",
    r#"<w:tcPr><w:gridSpan w:val="3"/></w:tcPr>"#,
    r#"<w:tcPr><w:hMerge/></w:tcPr>"#,
    "<w:trPr><w:tblHeader/><w:gridBefore w:val=\"2\"/></w:trPr>",
    "<w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>",
    r#"<w:footnoteReference w:id="1"/>"#,
    "<w:txbxContent>",
    "</w:txbxContent>",
    "<w:del><w:r><w:delText>x</w:delText></w:r></w:del>",
    "<mc:AlternateContent><mc:Fallback><w:p/></mc:Fallback></mc:AlternateContent>",
];

const NOTES: &str = r#"<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:footnote w:id="1"><w:p><w:r><w:footnoteRef/><w:t>n</w:t></w:r></w:p></w:footnote></w:footnotes>"#;

/// A small document that uses most of what the reader knows.
const WELL_FORMED: &str = concat!(
    r#"<w:p><w:pPr><w:pStyle w:val="ListNumber"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t>ab</w:t>"#,
    r#"<w:footnoteReference w:id="1"/></w:r></w:p><w:tbl><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>"#,
    r#"<w:tr><w:trPr><w:tblHeader/></w:trPr><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>cd</w:t></w:r></w:p></w:tc></w:tr>"#,
    r#"<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc><w:p><w:r><w:br/><w:t>e</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"#,
);

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let _ = read_docx(&bytes);
        let mut zipish = b"PK\x03\x04".to_vec();
        zipish.extend(&bytes);
        let _ = read_docx(&zipish);
    }

    #[test]
    fn shuffled_markup_never_panics(picks in proptest::collection::vec(0..SNIPPETS.len(), 0..60)) {
        let body: String = picks.iter().map(|&i| SNIPPETS[i]).collect();
        if let Ok(blocks) = read_docx(&docx(&body, &[("word/footnotes.xml", NOTES)])) {
            check_invariants(&blocks);
        }
    }

    #[test]
    fn mutated_packages_never_panic(
        edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..12)
    ) {
        let doc = document(WELL_FORMED);
        let stored = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
        let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
        for (name, data) in [
            ("word/document.xml", doc.as_str()),
            ("word/styles.xml", STYLES),
            ("word/numbering.xml", NUMBERING),
            ("word/footnotes.xml", NOTES),
        ] {
            zip.start_file(name, stored).unwrap();
            zip.write_all(data.as_bytes()).unwrap();
        }
        let mut bytes = zip.finish().unwrap().into_inner();
        for (at, byte) in edits {
            let i = at.index(bytes.len());
            bytes[i] = byte;
        }
        let _ = read_docx(&bytes);
    }
}
