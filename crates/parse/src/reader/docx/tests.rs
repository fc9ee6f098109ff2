//! Tests of the Word reader: the four dev fixtures here, hand-built
//! documents in `tests/content.rs`, hostile packages in `tests/safety.rs`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod content;
mod safety;

use std::io::{Cursor, Write};

use zip::ZipWriter;
use zip::write::SimpleFileOptions;

use super::*;
use crate::block::{BlockKind, Cell, Inline, Lines, Span, Table};

/// The blocks of a dev fixture.
fn fixture(name: &str) -> Vec<Block> {
    let path = format!(
        "{}/../../fixtures/dev/{name}.docx",
        env!("CARGO_MANIFEST_DIR")
    );
    let bytes = std::fs::read(&path).expect(&path);
    let blocks = read_docx(&bytes).unwrap();
    check_invariants(&blocks);
    blocks
}

/// A zip of the given entries, deflated.
fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, data) in entries {
        zip.start_file(*name, options).unwrap();
        zip.write_all(data).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

const NS: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml""#;

/// A `word/document.xml` around `body`.
fn document(body: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {NS}><w:body>{body}<w:sectPr><w:pgSz w:w="12240"/></w:sectPr></w:body></w:document>"#
    )
}

/// A `.docx` with `body` and the test styles and numbering, plus `extra`
/// parts.
fn docx(body: &str, extra: &[(&str, &str)]) -> Vec<u8> {
    let doc = document(body);
    let mut entries: Vec<(&str, &[u8])> = vec![
        ("word/document.xml", doc.as_bytes()),
        ("word/styles.xml", STYLES.as_bytes()),
        ("word/numbering.xml", NUMBERING.as_bytes()),
    ];
    entries.extend(extra.iter().map(|(n, d)| (*n, d.as_bytes())));
    zip_of(&entries)
}

/// The blocks of a hand-built document.
fn read(body: &str) -> Vec<Block> {
    read_parts(body, &[])
}

fn read_parts(body: &str, extra: &[(&str, &str)]) -> Vec<Block> {
    let blocks = read_docx(&docx(body, extra)).unwrap();
    check_invariants(&blocks);
    blocks
}

const STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="22"/></w:rPr></w:rPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Caption"><w:name w:val="caption"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="BoldPara"><w:name w:val="Bold para"/><w:rPr><w:b/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="ListNumber"><w:name w:val="List Number"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="ListBullet"><w:name w:val="List Bullet"/><w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr></w:style>
<w:style w:type="character" w:styleId="Strong"><w:name w:val="Strong"/><w:rPr><w:b/></w:rPr></w:style>
<w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/><w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>
</w:styles>"#;

const NUMBERING: &str = r#"<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:abstractNum w:abstractNumId="0">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2)"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="&#61623;"/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="Recommendation %1:"/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
<w:num w:numId="4"><w:abstractNumId w:val="2"/></w:num>
</w:numbering>"#;

/// What every block stream must satisfy: ranges in order, inside the text
/// and on character boundaries; table rows all as wide; lines ascending.
fn check_invariants(blocks: &[Block]) {
    fn ranges(inline: &Inline) {
        for set in [&inline.bold, &inline.sup] {
            let mut last = 0;
            for r in set {
                assert!(r.start < r.end && r.start >= last, "{set:?} in {inline:?}");
                assert!(r.end <= inline.text.len(), "{r:?} past {:?}", inline.text);
                assert!(inline.text.is_char_boundary(r.start));
                assert!(inline.text.is_char_boundary(r.end));
                last = r.end;
            }
        }
    }
    let mut last_line = 0;
    for b in blocks {
        assert!(b.lines.start >= 1 && b.lines.start <= b.lines.end);
        assert!(b.lines.start > last_line, "lines go back at {b:?}");
        last_line = b.lines.end;
        ranges(&b.inline);
        if let Some(t) = b.table() {
            let width = t.rows.first().map_or(0, |r| r.cells.len());
            for row in &t.rows {
                assert_eq!(row.cells.len(), width);
                for c in &row.cells {
                    ranges(&c.inline);
                    if c.span != Span::Own {
                        assert!(c.inline.text.is_empty());
                    }
                }
            }
        } else {
            assert!(!b.inline.is_blank());
        }
    }
}

/// The text of a bold range.
fn bold_texts(inline: &Inline) -> Vec<&str> {
    inline
        .bold
        .iter()
        .map(|r| &inline.text[r.clone()])
        .collect()
}

/// The tables of a block stream.
fn tables(blocks: &[Block]) -> Vec<&Table> {
    blocks.iter().filter_map(Block::table).collect()
}

/// The first block whose text starts with `prefix`.
fn starting<'b>(blocks: &'b [Block], prefix: &str) -> &'b Block {
    blocks
        .iter()
        .find(|b| b.text().starts_with(prefix))
        .unwrap_or_else(|| panic!("no block starts with {prefix:?}"))
}

#[test]
fn unitar_minamata_title_contributors_and_overall_comments() {
    let blocks = fixture("unitar-minamata-word");
    let title = &blocks[0];
    assert_eq!(title.kind, BlockKind::Paragraph);
    assert!(
        title
            .text()
            .starts_with("Management Response: “Strengthen National Decision Making")
    );
    assert!(title.text().ends_with("Future Provisions”"));
    assert!(title.inline.is_all_bold());
    assert_eq!(title.lines, Lines::one(1));

    let contributors = blocks[1].table().unwrap();
    assert_eq!(contributors.rows.len(), 3);
    let cell = |r: usize, c: usize| &contributors.rows[r].cells[c];
    assert_eq!(cell(0, 0).text(), "Prepared by: Jorge Ocana");
    assert_eq!(bold_texts(&cell(0, 0).inline), ["Prepared by:"]);
    assert_eq!(cell(0, 1).text(), "Input by UNDP: Monica Gaba Kapadia");
    assert_eq!(cell(1, 1).text(), "Position: Programme Analyst");
    assert_eq!(
        cell(2, 1).text(),
        "Unit/Bureau: Montreal Protocol/Chemicals, UNDP"
    );
    assert!(
        contributors
            .rows
            .iter()
            .all(|r| !r.header && r.cells.len() == 2)
    );
    assert_eq!(blocks[1].lines, Lines::new(3, 8));

    let overall = starting(&blocks, "Overall comments:");
    assert!(
        overall
            .text()
            .starts_with("Overall comments:\tSome recommendations")
    );
    assert_eq!(bold_texts(&overall.inline), ["Overall comments:"]);
    assert_eq!(overall.lines, Lines::one(10));
}

#[test]
fn unitar_minamata_recommendations_lists_and_tables() {
    let blocks = fixture("unitar-minamata-word");
    let rec1 = starting(&blocks, "Evaluation Recommendation 1.");
    assert_eq!(bold_texts(&rec1.inline), ["Evaluation Recommendation 1."]);
    let response = starting(&blocks, "Management Response:\u{a0}");
    assert_eq!(
        response.text(),
        "Management Response:\u{a0}Partially accepted"
    );
    assert_eq!(
        bold_texts(&response.inline),
        ["Management Response:", "Partially accepted"]
    );

    let items: Vec<&str> = blocks
        .iter()
        .filter(|b| b.kind == BlockKind::ListItem)
        .map(Block::text)
        .collect();
    assert_eq!(
        items,
        [
            "1. Filing reports and deliverables is common practice- this is already implemented.",
            "2. Hand-over protocols and tools are in place, with a standard template – already implemented",
            "- 1 and 2 are effective tools to capture knowledge of staff",
        ]
    );

    let tables = tables(&blocks);
    assert_eq!(tables.len(), 6);
    for t in &tables[1..] {
        let (h1, h2) = (&t.rows[0], &t.rows[1]);
        assert!(h1.header && h2.header);
        assert!(t.rows[2..].iter().all(|r| !r.header));
        let texts: Vec<&str> = h1.cells.iter().map(Cell::text).collect();
        assert_eq!(
            texts,
            [
                "Key Action(s)",
                "Time Frame",
                "Responsible Unit(s)",
                "Tracking*",
                ""
            ]
        );
        assert_eq!(h1.cells[3].span, Span::Own);
        assert_eq!(h1.cells[4].span, Span::FromLeft);
        for c in &h2.cells[..3] {
            assert_eq!((c.span, c.text()), (Span::FromAbove, ""));
        }
        assert_eq!(h2.cells[3].text(), "Status");
        assert_eq!(h2.cells[4].text(), "Comments");
    }
    let first = &tables[1].rows[2];
    assert!(
        first.cells[0]
            .text()
            .ends_with("future (across topics) projects")
    );
    assert_eq!(first.cells[1].text(), "By 30 March 2020");
    assert_eq!(first.cells[2].text(), "UNITAR CWM and PPME");
    assert_eq!(first.cells[3].text(), "");
    assert_eq!(tables[3].rows[2].cells[2].text(), "UNITAR CWM\nPPME");
    assert_eq!(tables[5].rows.len(), 5);
    assert_eq!(tables[5].rows[3].cells[2].text(), "UNITAR CWM, UNDP MPU");
}

#[test]
fn unitar_minamata_page_break_notes_and_what_is_left_out() {
    let blocks = fixture("unitar-minamata-word");
    // Runs split mid-word around proofErr and lastRenderedPageBreak.
    assert!(
        starting(&blocks, "agreed that this")
            .text()
            .ends_with("could be considered, and budgeted.")
    );
    // The page-break paragraph consumes a number but yields no block.
    let rec3_table = blocks
        .iter()
        .filter(|b| b.table().is_some())
        .nth(3)
        .unwrap();
    assert_eq!(rec3_table.lines, Lines::new(53, 66));
    let rec4 = starting(&blocks, "Evaluation Recommendation 4.");
    assert_eq!(rec4.lines, Lines::one(69));
    let last = blocks.last().unwrap();
    assert_eq!(last.kind, BlockKind::Paragraph);
    assert_eq!(
        last.text(),
        "* The implementation status is tracked in the ERC."
    );
    // Neither the running header, nor the page-number footer, nor core.xml.
    for b in &blocks {
        assert_ne!(b.text(), "Management Response");
        assert!(!b.text().contains("Page "));
        assert!(!b.text().starts_with("Strengthen National"));
    }
}

#[test]
fn school_feeding_matrix_merges_and_superscripts() {
    let blocks = fixture("school-feeding-matrix-word");
    assert_eq!(blocks[0].kind, BlockKind::Heading(1));
    assert!(
        blocks[0]
            .text()
            .starts_with("Management Response to the Decentralized Evaluation")
    );
    let tables = tables(&blocks);
    assert_eq!(tables.len(), 2);
    assert_eq!(
        tables[0].rows[2].cells[0].text(),
        "Office: WFP Cambodia Country Office"
    );

    let matrix = tables[1];
    assert_eq!(matrix.rows.len(), 7);
    assert!(matrix.rows.iter().all(|r| r.cells.len() == 7));
    let header = &matrix.rows[0];
    assert!(header.header);
    let status = &header.cells[5].inline;
    assert_eq!(status.text, "Status1");
    assert_eq!(status.sup, vec![6..7]);
    assert!(status.is_all_bold());

    let row1 = &matrix.rows[1];
    assert!(
        row1.cells[0]
            .text()
            .starts_with("Recommendation 1. WFP should")
    );
    assert_eq!(
        row1.cells[1].text(),
        "Accepted\n\nA joint WFP–Ministry task force was established in 2022 to draft the transition plan."
    );
    assert_eq!(bold_texts(&row1.cells[1].inline), ["Accepted"]);
    assert_eq!(
        row1.cells[2].text(),
        "1.1\tFinalise the costed transition plan with the Ministry of Education"
    );
    let row2 = &matrix.rows[2];
    assert_eq!(row2.cells[0].span, Span::FromAbove);
    assert_eq!(row2.cells[1].span, Span::FromAbove);
    assert_eq!(row2.cells[0].text(), "");
    assert_eq!(
        row2.cells[3].text(),
        "Country Office\nRegional Bureau Bangkok"
    );
    assert_eq!(
        matrix.rows[4].cells[3].text(),
        "Supply Chain Unit; Programme Unit"
    );
    // The rejected recommendation: empty action cells of its own.
    let rejected = &matrix.rows[5];
    assert!(rejected.cells[1].text().starts_with("Rejected\n\n"));
    assert!(
        rejected.cells[2..]
            .iter()
            .all(|c| c.span == Span::Own && c.text().is_empty())
    );
    assert_eq!(matrix.rows[6].cells[3].text(), "M&E Unit");

    let note = blocks.last().unwrap();
    assert_eq!(
        note.text(),
        "1 Status as reported in the annual country report for 2023."
    );
    assert_eq!(note.inline.sup, vec![0..1]);
}

#[test]
fn french_keeps_no_break_spaces() {
    let blocks = fixture("decentralisation-benin-fr-word");
    assert_eq!(blocks[0].kind, BlockKind::Heading(1));
    assert!(
        blocks[0]
            .text()
            .starts_with("Réponse de la direction\u{a0}: «\u{a0}Évaluation finale")
    );
    assert!(blocks[0].text().ends_with("au Bénin\u{a0}»"));
    let rec1 = starting(&blocks, "Recommandation 1");
    assert_eq!(bold_texts(&rec1.inline), ["Recommandation 1\u{a0}:"]);
    let response = starting(&blocks, "Réponse de la direction\u{a0}: Acc");
    assert_eq!(
        bold_texts(&response.inline),
        ["Réponse de la direction\u{a0}:", "Acceptée"]
    );
    let tables = tables(&blocks);
    assert_eq!(tables.len(), 3);
    assert_eq!(tables[0].rows[0].cells[3].text(), "Suivi*");
    assert_eq!(tables[0].rows[0].cells[4].span, Span::FromLeft);
    assert_eq!(tables[0].rows[1].cells[3].text(), "État");
    assert_eq!(
        tables[0].rows[2].cells[0].text(),
        "1.1\tRéaliser une étude sur les critères de performance des communes"
    );
    assert_eq!(
        tables[1].rows[3].cells[2].text(),
        "Unité de gouvernance\nUnité de communication"
    );
    // Recommendation 3 is rejected and has no table: its comment is followed
    // by recommendation 4.
    let i = blocks
        .iter()
        .position(|b| b.text().starts_with("Le système relève"))
        .unwrap();
    assert!(blocks[i + 1].text().starts_with("Recommandation 4"));
    assert_eq!(blocks.last().unwrap().text(), "* État au 31 décembre 2021.");
}

#[test]
fn youth_employment_labels_alone_and_header_only_table() {
    let blocks = fixture("youth-employment-agree-disagree-word");
    assert_eq!(blocks[0].text(), "Overall comments:");
    assert!(blocks[0].inline.is_all_bold());
    assert!(
        blocks
            .iter()
            .all(|b| b.kind == BlockKind::Paragraph || b.table().is_some())
    );
    let labels: Vec<&str> = blocks
        .iter()
        .filter(|b| b.text().starts_with("Recommendation "))
        .map(Block::text)
        .collect();
    assert_eq!(
        labels,
        [
            "Recommendation 1:",
            "Recommendation 2:",
            "Recommendation 3a:",
            "Recommendation 3b:",
            "Recommendation R4:"
        ]
    );
    let response = starting(&blocks, "Management response:");
    assert_eq!(response.text(), "Management response:\u{a0}Agree");
    assert_eq!(bold_texts(&response.inline), ["Management response:"]);
    let i = blocks
        .iter()
        .position(|b| b.text() == "Recommendation 3b:")
        .unwrap();
    let table = blocks[i..].iter().find_map(Block::table).unwrap();
    assert_eq!(table.rows.len(), 2);
    assert!(table.rows.iter().all(|r| r.header));
    assert!(blocks.iter().all(|b| b.inline.sup.is_empty()));
}
