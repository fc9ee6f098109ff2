//! Hand-built documents: runs, paragraphs, lists, tables, notes.

use super::*;

fn p(inner: &str) -> String {
    format!("<w:p>{inner}</w:p>")
}

fn styled(style: &str, inner: &str) -> String {
    format!(r#"<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr>{inner}</w:p>"#)
}

fn r(text: &str) -> String {
    format!(r#"<w:r><w:t xml:space="preserve">{text}</w:t></w:r>"#)
}

fn rb(props: &str, text: &str) -> String {
    format!(r#"<w:r><w:rPr>{props}</w:rPr><w:t xml:space="preserve">{text}</w:t></w:r>"#)
}

fn texts(blocks: &[Block]) -> Vec<&str> {
    blocks.iter().map(Block::text).collect()
}

#[test]
fn bold_comes_from_runs_character_styles_and_paragraph_styles() {
    let body = p(&[
        rb("<w:b/>", "Bold"),
        rb(r#"<w:b w:val="0"/>"#, " plain "),
        rb(r#"<w:rStyle w:val="Strong"/>"#, "strong"),
        rb(r#"<w:rStyle w:val="Strong"/><w:b w:val="false"/>"#, "x"),
        rb("<w:b/>", "y"),
        rb("<w:b/>", "z"),
    ]
    .concat())
        + &styled("BoldPara", &(r("all") + &rb(r#"<w:b w:val="0"/>"#, "not")));
    let blocks = read(&body);
    assert_eq!(texts(&blocks), ["Bold plain strongxyz", "allnot"]);
    assert_eq!(bold_texts(&blocks[0].inline), ["Bold", "strong", "yz"]);
    assert_eq!(bold_texts(&blocks[1].inline), ["all"]);
}

#[test]
fn superscripts_come_from_vert_align_and_styles() {
    let body = p(&[
        r("Status"),
        rb(r#"<w:vertAlign w:val="superscript"/>"#, "1"),
        r(" and H"),
        rb(r#"<w:vertAlign w:val="subscript"/>"#, "2"),
        r("O"),
        rb(r#"<w:rStyle w:val="FootnoteReference"/>"#, "*"),
    ]
    .concat());
    let blocks = read(&body);
    assert_eq!(blocks[0].text(), "Status1 and H2O*");
    assert_eq!(blocks[0].inline.sup, vec![6..7, 15..16]);
}

#[test]
fn raised_text_is_superscript() {
    // LibreOffice writes an HTML `<sup>` as raised, smaller text.
    let body = p(&[
        r("Status"),
        rb(r#"<w:position w:val="8"/><w:sz w:val="19"/>"#, "1"),
        rb(r#"<w:position w:val="-4"/>"#, "2"),
        rb(
            r#"<w:position w:val="6"/><w:vertAlign w:val="baseline"/>"#,
            "3",
        ),
    ]
    .concat());
    let blocks = read(&body);
    assert_eq!(blocks[0].text(), "Status123");
    assert_eq!(blocks[0].inline.sup, vec![6..7]);
}

#[test]
fn tabs_breaks_hyphens_and_entities() {
    let body = p(concat!(
        r#"<w:r><w:t>a</w:t><w:tab/><w:t>b</w:t><w:br/><w:t>c</w:t><w:br w:type="page"/>"#,
        r#"<w:br w:type="column"/><w:noBreakHyphen/><w:softHyphen/><w:sym w:font="Symbol" w:char="F0B7"/>"#,
        r#"<w:t>d&amp;e&#160;f&#x2019;&lt;</w:t><w:cr/><w:t>g</w:t></w:r>"#,
        r#"<w:r><w:t>h</w:t></w:r><w:r><w:t>i<![CDATA[j]]></w:t></w:r>"#
    ));
    assert_eq!(read(&body)[0].text(), "a\tb\nc-d&e\u{a0}f\u{2019}<\nghij");
}

#[test]
fn tracked_changes_fields_and_marks_are_handled() {
    let body = p(concat!(
        r#"<w:r><w:t xml:space="preserve">keep </w:t></w:r>"#,
        r#"<w:ins w:id="1"><w:r><w:t xml:space="preserve">inserted </w:t></w:r></w:ins>"#,
        r#"<w:del w:id="2"><w:r><w:delText>deleted </w:delText></w:r></w:del>"#,
        r#"<w:moveFrom w:id="3"><w:r><w:t>moved away</w:t></w:r></w:moveFrom>"#,
        r#"<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>"#,
        r#"<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>7</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>"#,
        r#"<w:proofErr w:type="spellStart"/><w:bookmarkStart w:id="0" w:name="_GoBack"/>"#,
        r#"<w:hyperlink r:id="rId9" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:r><w:lastRenderedPageBreak/><w:t>li</w:t></w:r></w:hyperlink>"#,
        r#"<w:bookmarkEnd w:id="0"/><w:proofErr w:type="spellEnd"/><w:commentRangeStart w:id="4"/>"#,
        r#"<w:fldSimple w:instr=" DATE "><w:r><w:t>nk</w:t></w:r></w:fldSimple>"#,
        r#"<w:r><w:rPr><w:rPrChange w:id="5"><w:rPr><w:b/></w:rPr></w:rPrChange></w:rPr><w:t>!</w:t></w:r>"#,
        r#"<w:sdt><w:sdtPr><w:alias w:val="x"/></w:sdtPr><w:sdtContent><w:r><w:t>?</w:t></w:r></w:sdtContent></w:sdt>"#
    ));
    let blocks = read(&body);
    assert_eq!(blocks[0].text(), "keep inserted 7link!?");
    assert!(blocks[0].inline.bold.is_empty());
    let old_style = r#"<w:p><w:pPr><w:pPrChange w:id="1"><w:pPr><w:pStyle w:val="Heading2"/></w:pPr></w:pPrChange></w:pPr><w:r><w:t>body</w:t></w:r></w:p>"#;
    assert_eq!(read(old_style)[0].kind, BlockKind::Paragraph);
}

#[test]
fn a_content_control_showing_its_placeholder_holds_no_text() {
    let body = p(concat!(
        r#"<w:r><w:t xml:space="preserve">Status: </w:t></w:r>"#,
        r#"<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent><w:r><w:rPr><w:rStyle w:val="PlaceholderText"/></w:rPr><w:t>Click or tap here to enter text.</w:t></w:r></w:sdtContent></w:sdt>"#,
        r#"<w:sdt><w:sdtPr><w:showingPlcHdr w:val="0"/></w:sdtPr><w:sdtContent><w:r><w:t>done</w:t></w:r></w:sdtContent></w:sdt>"#
    ));
    assert_eq!(read(&body)[0].text(), "Status: done");
}

#[test]
fn headings_from_styles_and_outline_levels() {
    let body = [
        styled("Heading2", &r("Two")),
        styled("Title", &r("Title")),
        r#"<w:p><w:pPr><w:outlineLvl w:val="3"/></w:pPr><w:r><w:t>Four</w:t></w:r></w:p>"#.to_string(),
        r#"<w:p><w:pPr><w:pStyle w:val="Heading2"/><w:outlineLvl w:val="9"/></w:pPr><w:r><w:t>Body</w:t></w:r></w:p>"#.to_string(),
        styled("NoSuchStyle", &r("Plain")),
    ]
    .concat();
    let blocks = read(&body);
    let kinds: Vec<&BlockKind> = blocks.iter().map(|b| &b.kind).collect();
    assert_eq!(
        kinds,
        [
            &BlockKind::Heading(2),
            &BlockKind::Heading(1),
            &BlockKind::Heading(4),
            &BlockKind::Paragraph,
            &BlockKind::Paragraph
        ]
    );
    assert!(blocks[0].inline.is_all_bold());
}

#[test]
fn empty_paragraphs_consume_numbers() {
    let body = [
        "<w:p/>".to_string(),
        p(r#"<w:r><w:br w:type="page"/></w:r>"#),
        p(&r("   ")),
        p(&r("x")),
        "<w:p></w:p>".to_string(),
        p(&r("y")),
    ]
    .concat();
    let blocks = read(&body);
    assert_eq!(texts(&blocks), ["x", "y"]);
    assert_eq!(blocks[0].lines, Lines::one(4));
    assert_eq!(blocks[1].lines, Lines::one(6));
}

#[test]
fn list_markers_come_from_numbering() {
    let level = |ilvl: u8, num: u8, text: &str| {
        format!(
            r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num}"/></w:numPr></w:pPr>{}</w:p>"#,
            r(text)
        )
    };
    let body = [
        styled("ListNumber", &r("one")),
        styled("ListNumber", &r("two")),
        format!(
            r#"<w:p><w:pPr><w:pStyle w:val="ListNumber"/><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr>{}</w:p>"#,
            r("two a")
        ),
        level(1, 1, "two b"),
        styled("ListNumber", &r("three")),
        level(1, 1, "three a"),
        styled("ListBullet", &(rb("<w:b/>", "bold") + &r(" bullet"))),
        level(0, 3, "restarted"),
        format!(
            r#"<w:p><w:pPr><w:pStyle w:val="ListNumber"/><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr>{}</w:p>"#,
            r("not a list")
        ),
        level(0, 4, "text"),
        level(0, 77, "unknown list"),
    ]
    .concat();
    let blocks = read(&body);
    assert_eq!(
        texts(&blocks),
        [
            "1. one",
            "2. two",
            "a. two a",
            "b. two b",
            "3. three",
            "a. three a",
            "- bold bullet",
            "1. restarted",
            "not a list",
            "Recommendation 1: text",
            "unknown list"
        ]
    );
    let kinds: Vec<bool> = blocks
        .iter()
        .map(|b| b.kind == BlockKind::ListItem)
        .collect();
    assert_eq!(
        kinds,
        [
            true, true, true, true, true, true, true, true, false, false, false
        ]
    );
    assert_eq!(bold_texts(&blocks[6].inline), ["bold"]);
}

fn tc(props: &str, paras: &str) -> String {
    format!("<w:tc><w:tcPr>{props}</w:tcPr>{paras}</w:tc>")
}

#[test]
fn tables_expand_spans_merges_and_short_rows() {
    let grid = r#"<w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>"#;
    let header = format!(
        r#"<w:tr><w:trPr><w:tblHeader/></w:trPr>{}{}</w:tr>"#,
        tc(r#"<w:vMerge w:val="restart"/>"#, &p(&rb("<w:b/>", "A"))),
        tc(r#"<w:gridSpan w:val="3"/>"#, &p(&r("B")))
    );
    let row2 = format!(
        r#"<w:tr><w:trPr><w:tblHeader w:val="0"/></w:trPr>{}{}{}{}</w:tr>"#,
        tc(r#"<w:vMerge/>"#, &p(&r("hidden"))),
        tc("", &p(&r("c"))),
        tc(r#"<w:vMerge w:val="continue"/><w:gridSpan w:val="2"/>"#, ""),
        ""
    );
    let row3 = format!(
        r#"<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>{}</w:tr>"#,
        tc(
            "",
            &(p(&rb("<w:b/>", "Accepted"))
                + "<w:p/>"
                + &styled("ListNumber", &r("first"))
                + &styled("ListBullet", &r("second"))
                + &p(&(r("x") + r#"<w:r><w:br/></w:r>"# + &rb("<w:b/>", "y"))))
        )
    );
    let row4 = format!(
        "<w:tr>{}{}</w:tr>",
        tc("", &p(&r("l"))),
        tc(r#"<w:hMerge w:val="continue"/>"#, &p(&r("gone")))
    );
    let body = format!("<w:tbl><w:tblPr/>{grid}{header}{row2}{row3}{row4}</w:tbl>");
    let blocks = read(&body);
    let t = blocks[0].table().unwrap();
    let spans: Vec<Vec<Span>> = t
        .rows
        .iter()
        .map(|r| r.cells.iter().map(|c| c.span).collect())
        .collect();
    use Span::{FromAbove as A, FromLeft as L, Own as O};
    assert_eq!(
        spans,
        [
            vec![O, O, L, L],
            vec![A, O, A, A],
            vec![O, O, O, O],
            vec![O, L, O, O]
        ]
    );
    let cell = |r: usize, c: usize| t.rows[r].cells[c].text();
    assert_eq!(
        (cell(0, 0), cell(0, 1), cell(1, 0), cell(1, 1)),
        ("A", "B", "", "c")
    );
    assert_eq!((cell(2, 0), cell(3, 0), cell(3, 1)), ("", "l", ""));
    let joined = &t.rows[2].cells[1].inline;
    assert_eq!(joined.text, "Accepted\n\n1. first\n- second\n\nx\ny");
    assert_eq!(bold_texts(joined), ["Accepted", "y"]);
    let headers: Vec<bool> = t.rows.iter().map(|r| r.header).collect();
    assert_eq!(headers, [true, false, false, false]);
    // Paragraph numbers: one each, the empty one included.
    assert_eq!(t.rows[0].lines, Lines::new(1, 2));
    assert_eq!(t.rows[1].lines, Lines::new(3, 4));
    assert_eq!(t.rows[2].lines, Lines::new(5, 9));
    assert_eq!(blocks[0].lines, Lines::new(1, 11));
}

#[test]
fn nested_tables_flatten_into_the_cell() {
    let inner = format!(
        "<w:tbl><w:tr>{}{}</w:tr><w:tr>{}</w:tr></w:tbl>",
        tc(r#"<w:gridSpan w:val="9"/>"#, &p(&r("in1"))),
        tc("", &p(&r("in2"))),
        tc(r#"<w:vMerge/>"#, &p(&r("in3")))
    );
    let body = format!(
        "{}<w:tbl><w:tr>{}{}</w:tr></w:tbl>{}",
        p(&r("before")),
        tc("", &(p(&r("outer")) + &inner + "<w:p/>")),
        tc("", &p(&r("right"))),
        p(&r("after"))
    );
    let blocks = read(&body);
    assert_eq!(blocks.len(), 3);
    let t = blocks[1].table().unwrap();
    assert_eq!(t.rows.len(), 1);
    assert_eq!(t.rows[0].cells.len(), 2);
    assert_eq!(t.rows[0].cells[0].text(), "outer\n\nin1\n\nin2\n\nin3");
    assert_eq!(t.rows[0].cells[1].text(), "right");
    assert_eq!(blocks[1].lines, Lines::new(2, 7));
    assert_eq!(blocks[2].lines, Lines::one(8));
}

#[test]
fn text_boxes_follow_their_anchor_and_fallbacks_are_skipped() {
    let boxed = |t: &str| format!("<w:txbxContent>{}</w:txbxContent>", p(&r(t)));
    let body = p(&format!(
        r#"<w:r><w:t>anchor</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx>{}</wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox>{}</v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t> text</w:t></w:r>"#,
        boxed("boxed"),
        boxed("boxed copy")
    )) + &p(&r("next"));
    let blocks = read(&body);
    assert_eq!(texts(&blocks), ["anchor text", "boxed", "next"]);
    let lines: Vec<u32> = blocks.iter().map(|b| b.lines.start).collect();
    assert_eq!(lines, [1, 2, 3]);
}

const FOOTNOTES: &str = r#"<?xml version="1.0"?><w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>
<w:footnote w:id="1"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> Second note.</w:t></w:r></w:p></w:footnote>
<w:footnote w:id="2"><w:p><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> First </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>note</w:t></w:r></w:p><w:p><w:r><w:t>More.</w:t></w:r></w:p></w:footnote>
<w:footnote w:id="3"><w:p><w:r><w:t>* Custom.</w:t></w:r></w:p></w:footnote>
<w:footnote w:id="4"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t>Never referred to.</w:t></w:r></w:p></w:footnote>
</w:footnotes>"#;

const ENDNOTES: &str = r#"<?xml version="1.0"?><w:endnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:endnote w:type="separator" w:id="0"><w:p><w:r><w:separator/></w:r></w:p></w:endnote>
<w:endnote w:id="1"><w:p><w:r><w:endnoteRef/></w:r><w:r><w:t xml:space="preserve"> An endnote.</w:t></w:r></w:p></w:endnote>
</w:endnotes>"#;

#[test]
fn notes_follow_the_body_in_reference_order() {
    let note = |id: u8| {
        format!(
            r#"<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="{id}"/></w:r>"#
        )
    };
    let body = [
        p(&(r("Status") + &note(2) + &note(1))),
        p(&(r("Custom")
            + r#"<w:r><w:footnoteReference w:customMarkFollows="1" w:id="3"/><w:t>*</w:t></w:r>"#)),
        p(&(r("End") + r#"<w:r><w:endnoteReference w:id="1"/></w:r>"#)),
    ]
    .concat();
    let blocks = read_parts(
        &body,
        &[
            ("word/footnotes.xml", FOOTNOTES),
            ("word/endnotes.xml", ENDNOTES),
        ],
    );
    assert_eq!(
        texts(&blocks),
        [
            "Status12",
            "Custom*",
            "Endi",
            "1 First note\n\nMore.",
            "2 Second note.",
            "* Custom.",
            "3 Never referred to.",
            "i An endnote."
        ]
    );
    assert_eq!(blocks[0].inline.sup, vec![6..7, 7..8]);
    assert_eq!(blocks[2].inline.sup, vec![3..4]);
    assert_eq!(blocks[3].inline.sup, vec![0..1]);
    assert_eq!(bold_texts(&blocks[3].inline), ["note"]);
    assert!(blocks[5].inline.sup.is_empty());
    let lines: Vec<Lines> = blocks[3..].iter().map(|b| b.lines).collect();
    assert_eq!(
        lines,
        [
            Lines::new(4, 5),
            Lines::one(6),
            Lines::one(7),
            Lines::one(8),
            Lines::one(9)
        ]
    );
}

#[test]
fn parts_are_found_through_relationships() {
    let rels = r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/word/main.xml"/></Relationships>"#;
    let doc_rels = r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="my-styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="http://example.invalid/numbering.xml" TargetMode="External"/></Relationships>"#;
    let doc = document(&styled("Heading2", &r("Found")));
    let bytes = zip_of(&[
        ("_rels/.rels", rels.as_bytes()),
        ("word/main.xml", doc.as_bytes()),
        ("word/_rels/main.xml.rels", doc_rels.as_bytes()),
        ("word/my-styles.xml", STYLES.as_bytes()),
    ]);
    let blocks = read_docx(&bytes).unwrap();
    assert_eq!(blocks[0].kind, BlockKind::Heading(2));
    assert_eq!(blocks[0].text(), "Found");
}

#[test]
fn documents_without_styles_or_numbering_still_read() {
    let doc = document(&(styled("ListNumber", &r("item")) + &p(&rb("<w:b/>", "b"))));
    let blocks = read_docx(&zip_of(&[("word/document.xml", doc.as_bytes())])).unwrap();
    assert_eq!(texts(&blocks), ["item", "b"]);
    assert_eq!(blocks[0].kind, BlockKind::Paragraph);
    assert!(blocks[1].inline.is_all_bold());
}

#[test]
fn a_caption_style_paragraph_is_a_caption() {
    let body = [
        p(&r("Before")),
        styled("Caption", &r("Table 1. Management response matrix")),
    ]
    .concat();
    let blocks = read(&body);
    let kinds: Vec<_> = blocks.iter().map(|b| b.kind.clone()).collect();
    assert_eq!(kinds, [BlockKind::Paragraph, BlockKind::Caption]);
    assert_eq!(blocks[1].text(), "Table 1. Management response matrix");
}
