//! Tests of the HTML reader: the dev corpus pages, the inline and table
//! rules one by one, hostile inputs, and properties over any text.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::single_range_in_vec_init
)]

use proptest::prelude::*;

use super::grid::{MAX_COLS, MAX_ROWSPAN};
use super::*;
use crate::block::{BlockKind, Lines, Span, Table};

const SCHOOL: &str = include_str!("../../../../../fixtures/dev/school-feeding-matrix.html");
const COUNTRY: &str = include_str!("../../../../../fixtures/dev/country-programme-html-tables.md");

fn tables(blocks: &[Block]) -> Vec<&Table> {
    blocks.iter().filter_map(Block::table).collect()
}

fn texts(table: &Table) -> Vec<Vec<&str>> {
    table
        .rows
        .iter()
        .map(|r| r.cells.iter().map(|c| c.text()).collect())
        .collect()
}

fn spans(table: &Table) -> Vec<Vec<Span>> {
    table
        .rows
        .iter()
        .map(|r| r.cells.iter().map(|c| c.span).collect())
        .collect()
}

/// The one block a fragment gives.
fn one(html: &str) -> Block {
    let blocks = read_html(html);
    assert_eq!(blocks.len(), 1, "{blocks:#?}");
    blocks.into_iter().next().unwrap()
}

/// The one table a fragment gives.
fn table(html: &str) -> Table {
    match one(html).kind {
        BlockKind::Table(t) => t,
        other => panic!("not a table: {other:?}"),
    }
}

/// The `<table>…</table>` blocks of a Markdown file, with their first line.
fn md_tables(md: &str) -> Vec<(u32, String)> {
    let mut out = Vec::new();
    let mut open: Option<(u32, Vec<&str>)> = None;
    for (i, line) in md.lines().enumerate() {
        if line.starts_with("<table") {
            open = Some((u32::try_from(i + 1).unwrap(), Vec::new()));
        }
        if let Some((_, lines)) = &mut open {
            lines.push(line);
        }
        if line.starts_with("</table>") {
            let (first, lines) = open.take().unwrap();
            out.push((first, lines.join("\n")));
        }
    }
    out
}

// The school-feeding page.

#[test]
fn page_headings_and_paragraphs() {
    let blocks = read_html(SCHOOL);
    let kinds: Vec<_> = blocks
        .iter()
        .map(|b| match b.kind {
            BlockKind::Heading(n) => format!("h{n}"),
            BlockKind::Paragraph => "p".into(),
            BlockKind::ListItem => "li".into(),
            BlockKind::Table(_) => "table".into(),
            BlockKind::Furniture => "furniture".into(),
            BlockKind::Caption => "caption".into(),
        })
        .collect();
    assert_eq!(
        kinds,
        ["h1", "p", "p", "p", "p", "p", "p", "p", "table", "p"]
    );

    // The heading, not <title>, and nothing from <head>.
    let h1 = &blocks[0];
    assert_eq!(
        h1.text(),
        "Management Response: Decentralized Evaluation of the Home-Grown School \
         Feeding Programme in Cambodia, 2019\u{2013}2022"
    );
    assert_eq!(h1.lines, Lines::one(9));
    assert!(blocks.iter().all(|b| b.lines.start >= 9));
    assert!(blocks.iter().all(|b| !b.text().contains("border-collapse")));

    let prepared = &blocks[1];
    assert_eq!(prepared.text(), "Prepared by: Sokha Chenda");
    assert_eq!(prepared.inline.bold, [0..12]);
    assert_eq!(prepared.lines, Lines::one(10));

    let overall = &blocks[7];
    assert!(
        overall
            .text()
            .starts_with("Overall comments: WFP welcomes the evaluation\u{2019}s")
    );
    assert_eq!(overall.inline.bold, [0..17]);
    assert_eq!(overall.lines, Lines::one(16));
}

#[test]
fn page_table() {
    let blocks = read_html(SCHOOL);
    let block = &blocks[8];
    assert_eq!(block.lines, Lines::new(17, 29));
    let t = block.table().unwrap();
    assert_eq!(t.rows.len(), 7);
    assert!(t.rows.iter().all(|r| r.cells.len() == 6));
    assert!(t.rows[0].header);
    assert!(t.rows[1..].iter().all(|r| !r.header));
    let lines: Vec<_> = t.rows.iter().map(|r| r.lines).collect();
    assert_eq!(
        lines,
        [19, 22, 23, 24, 25, 26, 27].map(Lines::one),
        "each row's lines are its <tr>'s"
    );

    let cells = texts(t);
    assert_eq!(
        cells[0],
        [
            "Recommendation",
            "Management response",
            "Key actions",
            "Responsible unit(s)",
            "Timeframe",
            "Status1"
        ]
    );
    assert_eq!(t.rows[0].cells[5].inline.sup, [6..7]);

    // rowspan="2": the two cells below are FromAbove and empty.
    assert_eq!(t.rows[2].cells[0].span, Span::FromAbove);
    assert_eq!(t.rows[2].cells[1].span, Span::FromAbove);
    assert_eq!(cells[2][0], "");
    assert_eq!(cells[2][1], "");
    assert!(cells[1][0].starts_with("Recommendation 1. WFP should"));
    assert_eq!(t.rows[1].cells[0].inline.bold, [0..17]);
    assert!(cells[1][1].starts_with("Accepted. A joint WFP\u{2013}Ministry task force"));

    // <br> is a line break; entities are decoded.
    assert_eq!(cells[2][3], "Country Office\nRegional Bureau Bangkok");
    assert_eq!(cells[2][4], "2023\u{2013}2025");
    assert_eq!(cells[6][3], "M&E Unit");

    // Real empty cells are Own.
    assert_eq!(t.rows[4].cells[0].span, Span::Own);
    assert_eq!(cells[4][0], "");
    assert_eq!(cells[5][2..], ["", "", "", ""]);
}

#[test]
fn page_footnote() {
    let blocks = read_html(SCHOOL);
    let note = blocks.last().unwrap();
    assert_eq!(note.kind, BlockKind::Paragraph);
    assert_eq!(
        note.text(),
        "1 Status as reported in the annual country report for 2023."
    );
    assert_eq!(note.inline.sup, [0..1]);
    assert_eq!(note.lines, Lines::one(30));
}

// The tables embedded in the country-programme Markdown file.

#[test]
fn markdown_tables_found() {
    let found = md_tables(COUNTRY);
    let firsts: Vec<u32> = found.iter().map(|(l, _)| *l).collect();
    assert_eq!(firsts, [22, 51, 80, 102]);
}

#[test]
fn fragment_two_header_rows() {
    for (first, html) in md_tables(COUNTRY) {
        let blocks = read_html_fragment(&html, first);
        assert_eq!(blocks.len(), 1);
        let t = blocks[0].table().unwrap();
        assert!(t.rows.iter().all(|r| r.cells.len() == 5));
        assert_eq!(
            texts(t)[..2],
            [
                vec![
                    "Key action(s)",
                    "Time frame",
                    "Responsible unit(s)",
                    "Tracking",
                    ""
                ],
                vec!["", "", "", "Status", "Comments"],
            ]
        );
        use Span::{FromAbove, FromLeft, Own};
        assert_eq!(
            spans(t)[..2],
            [
                vec![Own, Own, Own, Own, FromLeft],
                vec![FromAbove, FromAbove, FromAbove, Own, Own],
            ]
        );
        assert!(t.rows[0].header && t.rows[1].header);
        assert!(t.rows[2..].iter().all(|r| !r.header));
        assert!(
            t.rows[2..]
                .iter()
                .all(|r| r.cells.iter().all(|c| c.span == Own))
        );
        assert_eq!(t.rows[0].lines, Lines::one(first + 2));
        assert_eq!(t.rows[1].lines, Lines::one(first + 3));
    }
}

#[test]
fn fragment_cells_and_lines() {
    let found = md_tables(COUNTRY);

    let (first, html) = &found[0];
    let blocks = read_html_fragment(html, *first);
    assert_eq!(blocks[0].lines, Lines::new(22, 43));
    let t = blocks[0].table().unwrap();
    assert_eq!(t.rows.len(), 4);
    assert_eq!(t.rows[2].lines, Lines::new(28, 34));
    assert_eq!(t.rows[3].lines, Lines::new(35, 41));
    let cells = texts(t);
    assert_eq!(
        cells[2],
        [
            "1.1 Draft the new country programme document with two outcomes",
            "By 30 September 2021",
            "Country Office\nRegional Office",
            "Completed",
            "Approved by the Executive Board at its second regular session.",
        ]
    );
    // <p> in a cell: a blank line between paragraphs.
    assert_eq!(
        cells[3][4],
        "Support to the Ministry of Labour ended in March 2022.\n\n\
         Support to the Ministry of Education continues until the school census is published."
    );
    assert_eq!(
        cells[3][0],
        "1.2 Phase out stand-alone M&E support to line ministries not linked to the two outcomes"
    );

    let (first, html) = &found[1];
    let t = read_html_fragment(html, *first).remove(0);
    let t = t.table().unwrap();
    let cells = texts(t);
    assert_eq!(
        cells[2][0],
        "2.1 Provide technical assistance on census methodology & cartography"
    );
    assert_eq!(cells[2][4], "");
    assert_eq!(
        cells[3][0],
        "2.2 Support a data users\u{2019} conference for sub-national planners"
    );

    // <br> and <br/> alike.
    let (first, html) = &found[2];
    let t = read_html_fragment(html, *first).remove(0);
    let t = t.table().unwrap();
    assert_eq!(
        texts(t)[2][2],
        "Country Office\nRegional Office\nDivision for Human Resources"
    );
    assert_eq!(t.rows[2].lines, Lines::new(86, 92));

    let (first, html) = &found[3];
    let blocks = read_html_fragment(html, *first);
    assert_eq!(blocks[0].lines, Lines::new(102, 123));
    let t = blocks[0].table().unwrap();
    assert_eq!(texts(t)[3][3..], ["", ""]);
}

#[test]
fn fragment_first_line_zero_is_one() {
    let blocks = read_html_fragment("<p>a</p>", 0);
    assert_eq!(blocks[0].lines, Lines::one(1));
}

// Blocks and inline text.

#[test]
fn headings_levels_and_lines() {
    let blocks = read_html("<h2>Two</h2>\n<h6>\nSix\n</h6>\n<h3></h3>");
    assert_eq!(blocks.len(), 2, "an empty heading is dropped");
    assert_eq!(blocks[0].kind, BlockKind::Heading(2));
    assert_eq!(blocks[1].kind, BlockKind::Heading(6));
    assert_eq!(blocks[1].text(), "Six");
    assert_eq!(blocks[1].lines, Lines::new(2, 4));
}

#[test]
fn divs_bare_text_and_lines() {
    let html = "<body>\nFirst bare\ntext\n<div>In a div<p>A p</p>after</div>\n\n<div>\n  last\n</div></body>";
    let blocks = read_html(html);
    let got: Vec<_> = blocks.iter().map(|b| (b.text(), b.lines)).collect();
    assert_eq!(
        got,
        [
            ("First bare text", Lines::new(2, 3)),
            ("In a div", Lines::one(4)),
            ("A p", Lines::one(4)),
            ("after", Lines::one(4)),
            ("last", Lines::new(6, 8)),
        ]
    );
    assert!(blocks.iter().all(|b| b.kind == BlockKind::Paragraph));
}

#[test]
fn head_style_script_comments_ignored() {
    let html = "<html><head><title>T</title><meta charset=utf-8><style>p{}</style>\
                <script>if (a < b) { document.write('<p>x</p>') }</script></head>\
                <body><!-- a <p>comment</p> --><p>Text<script>var s='</p>';</script> here</p>\
                <noscript>shown</noscript></body></html>";
    let blocks = read_html(html);
    let got: Vec<_> = blocks.iter().map(Block::text).collect();
    assert_eq!(got, ["Text here", "shown"]);
}

#[test]
fn inline_markup_and_entities() {
    let b = one(
        "<p>  <i>An</i>   <span>inline</span>\t<a href=x>link</a>, <u>u</u> &amp; \
         &ldquo;q&rdquo; &ndash; it&rsquo;s&nbsp;&nbsp;ok &#x41;&#66; &lt;tag&gt;  </p>",
    );
    assert_eq!(
        b.text(),
        "An inline link, u & \u{201c}q\u{201d} \u{2013} it\u{2019}s ok AB <tag>"
    );
    assert!(b.inline.bold.is_empty() && b.inline.sup.is_empty());
}

#[test]
fn bold_and_sup_ranges() {
    let b = one(
        "<p><b>Bold one</b> <strong>two <em>three</em></strong>x<sup>2</sup> <b><sup>3</sup></b></p>",
    );
    assert_eq!(b.text(), "Bold one two threex2 3");
    // The space between two bold runs is bold: Word splits runs anywhere.
    let bold: Vec<&str> = b.inline.bold.iter().map(|r| &b.text()[r.clone()]).collect();
    assert_eq!(bold, ["Bold one two three", "3"]);
    let sup: Vec<&str> = b.inline.sup.iter().map(|r| &b.text()[r.clone()]).collect();
    assert_eq!(sup, ["2", "3"]);
}

#[test]
fn unclosed_bold_stays_in_its_block_and_cell() {
    let blocks =
        read_html("<p><b>Label:</p><p>plain</p><table><tr><td><b>x</td><td>y</td></tr></table>");
    assert_eq!(blocks[0].inline.bold, [0..6]);
    assert!(blocks[1].inline.bold.is_empty());
    let t = blocks[2].table().unwrap();
    assert_eq!(t.rows[0].cells[0].inline.bold, [0..1]);
    assert!(t.rows[0].cells[1].inline.bold.is_empty());
    // Bold around a block is bold inside it.
    let b = one("<b><p>all bold</p></b>");
    assert!(b.inline.is_all_bold());
}

#[test]
fn breaks() {
    let b = one("<p><br>one<br/>two <br> three<br><br><br><br>four<br></p>");
    assert_eq!(b.text(), "one\ntwo\nthree\n\nfour");
    let b = one("<p>a</br>b</p>");
    assert_eq!(b.text(), "a\nb");
}

#[test]
fn pre_keeps_lines() {
    let b = one("<pre>line one\n  line   two\n</pre>");
    assert_eq!(b.text(), "line one\nline two");
}

#[test]
fn lists_at_top_level() {
    let html = "<ol start=\"3\"><li>three</li><li>four<li value=\"9\">nine</ol>\n<ul><li><p>bullet</p></li>\n<li>b <b>two</b></li><li></li></ul><li>stray</li>";
    let blocks = read_html(html);
    let got: Vec<_> = blocks.iter().map(|b| (b.kind.clone(), b.text())).collect();
    use BlockKind::ListItem;
    assert_eq!(
        got,
        [
            (ListItem, "3. three"),
            (ListItem, "4. four"),
            (ListItem, "9. nine"),
            (ListItem, "- bullet"),
            (ListItem, "- b two"),
            (ListItem, "- stray"),
        ]
    );
    assert_eq!(blocks[4].inline.bold, [4..7]);
    assert_eq!(blocks[4].lines, Lines::one(3));
}

#[test]
fn list_item_with_paragraphs_and_nested_list() {
    let blocks = read_html(
        "<ul><li><p>first</p><p>second</p></li><li>parent<ol><li>child</li></ol></li></ul>",
    );
    let got: Vec<_> = blocks.iter().map(Block::text).collect();
    assert_eq!(got, ["- first\n\nsecond", "- parent", "1. child"]);
}

#[test]
fn cell_paragraphs_and_lists() {
    let t = table(
        "<table><tr><td>Intro<ol><li>one</li><li><p>two</p></li></ol><ul><li>dot</li></ul>After</td>\
         <td><p>A</p>\n<p></p><p>B</p><br></td><td><ul><li>x<li>y</ul></td></tr></table>",
    );
    let cells = texts(&t);
    assert_eq!(cells[0][0], "Intro\n\n1. one\n2. two\n- dot\n\nAfter");
    assert_eq!(cells[0][1], "A\n\nB");
    assert_eq!(cells[0][2], "- x\n- y");
}

#[test]
fn nested_table_flattened() {
    let t = table(
        "<table><tr><td>Before<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>after</td>\
         <td>next</td></tr></table>",
    );
    assert_eq!(texts(&t), [vec!["Before\n\na b\nc\n\nafter", "next"]]);
}

#[test]
fn spans_expand() {
    let t = table(
        "<table>\
         <tr><td rowspan=3 colspan=2>A</td><td>B</td></tr>\
         <tr><td>C</td></tr>\
         <tr><td colspan=\"2\">D</td></tr>\
         <tr><td>E</td></tr></table>",
    );
    use Span::{FromAbove, FromLeft, Own};
    assert_eq!(
        spans(&t),
        [
            vec![Own, FromLeft, Own, Own],
            vec![FromAbove, FromAbove, Own, Own],
            vec![FromAbove, FromAbove, Own, FromLeft],
            vec![Own, Own, Own, Own],
        ]
    );
    assert_eq!(
        texts(&t),
        [
            vec!["A", "", "B", ""],
            vec!["", "", "C", ""],
            vec!["", "", "D", ""],
            vec!["E", "", "", ""],
        ]
    );
}

#[test]
fn rowspan_stays_in_its_section_and_zero_means_to_the_end() {
    let t = table(
        "<table><thead><tr><th rowspan=5>H</th><th>h</th></tr></thead>\
         <tbody><tr><td rowspan=0>Z</td><td>1</td></tr><tr><td>2</td></tr><tr><td>3</td></tr></tbody>\
         <tbody><tr><td>x</td><td>y</td></tr></tbody></table>",
    );
    use Span::{FromAbove, Own};
    assert_eq!(
        spans(&t),
        [
            vec![Own, Own],
            vec![Own, Own],
            vec![FromAbove, Own],
            vec![FromAbove, Own],
            vec![Own, Own],
        ]
    );
    assert_eq!(texts(&t)[4], ["x", "y"]);
}

#[test]
fn empty_rows_kept_only_when_covered() {
    let t = table(
        "<table><tr><td rowspan=2>a</td><td>b</td></tr><tr></tr><tr></tr><tr><td>c</td></tr></table>",
    );
    use Span::{FromAbove, Own};
    assert_eq!(
        spans(&t),
        [vec![Own, Own], vec![FromAbove, Own], vec![Own, Own]]
    );
    assert_eq!(texts(&t)[2], ["c", ""]);
    let blocks = read_html(&format!("<table>{}</table>", "<tr>".repeat(100_000)));
    assert!(blocks.is_empty());
}

#[test]
fn header_rows() {
    let t = table(
        "<table><tr><th>a</th><th>b</th></tr><tr><th>k</th><td>v</td></tr>\
         <thead><tr><td>in thead</td></tr></thead><tr></tr></table>",
    );
    let headers: Vec<bool> = t.rows.iter().map(|r| r.header).collect();
    assert_eq!(headers, [true, false, true], "the empty <tr> is dropped");
}

#[test]
fn word_list_paragraphs_are_list_items_with_their_marker() {
    let item = |class: &str, marker: &str, text: &str| {
        format!(
            "<p class={class} style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol'><span style='mso-list:Ignore'>{marker}<span style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp;&nbsp; </span></span></span><![endif]><b>{text}</b><o:p></o:p></p>\n"
        )
    };
    let html = [
        "<p class=MsoNormal>Before.</p>\n".to_string(),
        item("MsoListParagraphCxSpFirst", "1.", "First"),
        item("MsoListParagraphCxSpLast", "2.", "Second"),
        item("MsoListBullet", "·", "Bullet"),
        "<p class=MsoNormal>After.</p>\n".to_string(),
    ]
    .concat();
    let blocks = read_html(&html);
    let got: Vec<_> = blocks
        .iter()
        .map(|b| (b.kind.clone(), b.text().to_owned()))
        .collect();
    assert_eq!(
        got,
        [
            (BlockKind::Paragraph, "Before.".to_owned()),
            (BlockKind::ListItem, "1. First".to_owned()),
            (BlockKind::ListItem, "2. Second".to_owned()),
            (BlockKind::ListItem, "- Bullet".to_owned()),
            (BlockKind::Paragraph, "After.".to_owned()),
        ]
    );
    // The bold run moved with the text.
    assert_eq!(blocks[3].inline.bold, [2..8]);
}

#[test]
fn bold_and_superscript_through_style_sheet_classes() {
    let blocks = read_html(
        "<html><head><style type=\"text/css\">.c4{font-weight:700;font-size:11pt}.c2{font-weight:400}.c9, .c3 { vertical-align: super }</style></head>\
         <body><p><span class=\"c4\">Management Response:</span><span class=\"c2\"> Accepted</span><span class=\"c3 c2\">1</span></p></body></html>",
    );
    assert_eq!(blocks[0].text(), "Management Response: Accepted1");
    assert_eq!(blocks[0].inline.bold, [0..20]);
    assert_eq!(blocks[0].inline.sup, [29..30]);
}

#[test]
fn a_page_number_paragraph_is_furniture() {
    let blocks = read_html(
        "<p>Text.</p>\n<div title=\"footer\"><p>Page <span><sdfield type=PAGE>3</sdfield></span></p></div>",
    );
    let kinds: Vec<_> = blocks.iter().map(|b| b.kind.clone()).collect();
    assert_eq!(kinds, [BlockKind::Paragraph, BlockKind::Furniture]);
}

#[test]
fn implicit_rows_caption_and_foster_text() {
    let blocks = read_html(
        "<table><caption>The <b>caption</b></caption>stray<td>a<td>b<tr><td>c</table><p>after</p>",
    );
    let got: Vec<_> = blocks
        .iter()
        .map(|b| (b.kind.clone(), b.text().to_owned()))
        .collect();
    assert_eq!(got[0], (BlockKind::Caption, "The caption".to_owned()));
    assert_eq!(got[1], (BlockKind::Paragraph, "stray".to_owned()));
    assert_eq!(blocks[0].inline.bold, [4..11]);
    let t = blocks[2].table().unwrap();
    assert_eq!(texts(t), [vec!["a", "b"], vec!["c", ""]]);
    assert_eq!(got[3], (BlockKind::Paragraph, "after".to_owned()));
}

#[test]
fn table_in_table_outside_a_cell_ends_the_first() {
    let blocks = read_html("<table><tr><td>1</td></tr><table><tr><td>2</td></tr></table>");
    let t = tables(&blocks);
    assert_eq!(t.len(), 2);
    assert_eq!(texts(t[1]), [vec!["2"]]);
}

#[test]
fn unclosed_everything() {
    let blocks = read_html("<h1>Title<p>para <b>bold<table><tr><td>cell<ul><li>item");
    let got: Vec<_> = blocks.iter().map(Block::text).collect();
    assert_eq!(got, ["Title", "para bold", ""]);
    assert_eq!(texts(tables(&blocks)[0]), [vec!["cell\n\n- item"]]);
}

#[test]
fn int_parsing() {
    use super::builder::parse_int;
    assert_eq!(parse_int(" 2"), Some(2));
    assert_eq!(parse_int("3px"), Some(3));
    assert_eq!(parse_int("-4"), Some(-4));
    assert_eq!(parse_int("+5"), Some(5));
    assert_eq!(parse_int("x"), None);
    assert_eq!(parse_int(""), None);
    assert_eq!(parse_int("99999999999999999999999"), Some(i64::MAX));
}

// Hostile inputs: bounded, linear, no panic.

#[test]
fn hundred_thousand_cells_in_a_row() {
    let html = format!("<table><tr>{}</tr></table>", "<td>x</td>".repeat(100_000));
    let t = table(&html);
    assert_eq!(t.rows.len(), 1);
    assert_eq!(t.rows[0].cells.len(), MAX_COLS);
    // Nothing lost: the cells past the last column join the last one.
    let xs: usize = t.rows[0]
        .cells
        .iter()
        .map(|c| c.text().matches('x').count())
        .sum();
    assert_eq!(xs, 100_000);
}

#[test]
fn huge_spans_are_bounded() {
    let t = table("<table><tr><td rowspan=99999999 colspan=99999999>x</td></tr></table>");
    assert_eq!(t.rows.len(), 1);
    assert!(t.rows[0].cells.len() <= MAX_COLS);

    // One wide row over many narrow ones: the grid stays linear in size.
    let html = format!(
        "<table><tr><td colspan=1000>wide</td></tr>{}</table>",
        "<tr><td rowspan=1000>y</td></tr>".repeat(50_000)
    );
    let t = table(&html);
    assert_eq!(t.rows.len(), 50_001);
    let width = t.rows[0].cells.len();
    assert!(t.rows.iter().all(|r| r.cells.len() == width));
    // At most 4 grid cells per cell present (or 65,536 in all).
    assert!(width * t.rows.len() <= 4 * 50_001);
    // Nothing lost where the cascade of rowspans runs out of columns.
    let ys: usize = t
        .rows
        .iter()
        .flat_map(|r| &r.cells)
        .filter(|c| c.text() == "y")
        .count();
    assert_eq!(ys, 50_000);
}

#[test]
fn rowspan_clamped() {
    let html = format!(
        "<table><tr><td rowspan=5000>a</td><td>b</td></tr>{}</table>",
        "<tr><td>c</td></tr>".repeat(1200)
    );
    let t = table(&html);
    let covered = t
        .rows
        .iter()
        .take_while(|r| r.cells[0].span == Span::FromAbove || r.cells[0].text() == "a");
    assert_eq!(covered.count(), MAX_ROWSPAN as usize);
    let below = &t.rows[MAX_ROWSPAN as usize];
    assert_eq!(
        texts(&Table {
            rows: vec![below.clone()]
        }),
        [vec!["c", ""]]
    );
}

#[test]
fn deep_and_unclosed_nesting() {
    let n = 20_000;
    let html = format!(
        "{}{}{}{}text",
        "<div><b><sup><span>".repeat(n),
        "<ul><ol><li>".repeat(n),
        "<table><tr><td>".repeat(n),
        "</b></td></tr></table>".repeat(n / 2)
    );
    let blocks = read_html(&html);
    assert!(!blocks.is_empty());
}

#[test]
fn thousands_of_attributes() {
    let attrs: String = (0..200_000).map(|i| format!(" a{i}=\"{i}\"")).collect();
    let html = format!("<p{attrs}>one</p>\n<p>two</p><td{attrs}>",);
    let blocks = read_html(&html);
    let got: Vec<_> = blocks.iter().map(|b| (b.text(), b.lines)).collect();
    assert_eq!(got, [("one", Lines::one(1)), ("two", Lines::one(2))]);
}

#[test]
fn attribute_cap_keeps_lines() {
    let attrs: String = (0..100).map(|i| format!("\n a{i}='x\ny'")).collect();
    let html = format!("<p{attrs}>one</p>\n<p>two</p>");
    let capped = guard::cap_attributes(&html);
    assert!(capped.len() < html.len());
    assert_eq!(capped.matches('\n').count(), html.matches('\n').count());
    let blocks = read_html(&html);
    assert_eq!(blocks[1].lines, Lines::one(202));
    assert!(matches!(
        guard::cap_attributes("<p a=1>x</p>"),
        std::borrow::Cow::Borrowed(_)
    ));
}

#[test]
fn garbage() {
    for input in [
        "",
        "<",
        "</",
        "<!--",
        "<!---->",
        "&",
        "&#xFFFFFFFF;",
        "&#0;",
        "\0<p>\0</p>",
        "<table",
        "<td rowspan='",
        "<script>",
        "<plaintext><p>x",
        "<title>",
        "<svg><title>x</title><style></style></svg>",
        "<![CDATA[x]]>",
        "<?xml?>",
        "\u{feff}<p>bom</p>",
        "<p>\r\ncrlf\r\n</p>",
    ] {
        let _ = read_html(input);
        let _ = read_html_fragment(input, u32::MAX);
    }
}

// Properties.

fn table_shape_ok(blocks: &[Block]) -> bool {
    tables(blocks).iter().all(|t| {
        let width = t.rows.first().map_or(0, |r| r.cells.len());
        width <= MAX_COLS
            && t.rows.iter().all(|r| {
                r.cells.len() == width
                    && r.cells
                        .iter()
                        .all(|c| c.span == Span::Own || c.text().is_empty())
            })
    })
}

fn lines_ok(blocks: &[Block], first: u32, text: &str) -> bool {
    let last = first + u32::try_from(text.matches(['\n', '\r']).count()).unwrap();
    blocks
        .iter()
        .all(|b| first <= b.lines.start && b.lines.start <= b.lines.end && b.lines.end <= last)
}

fn spans_ok(blocks: &[Block]) -> bool {
    let inline_ok = |i: &crate::block::Inline| {
        i.bold.iter().chain(&i.sup).all(|r| {
            r.start < r.end && i.text.is_char_boundary(r.start) && i.text.is_char_boundary(r.end)
        }) && i.text.trim() == i.text
    };
    blocks.iter().all(|b| {
        inline_ok(&b.inline)
            && b.table().is_none_or(|t| {
                t.rows
                    .iter()
                    .all(|r| r.cells.iter().all(|c| inline_ok(&c.inline)))
            })
    })
}

/// Strings made mostly of markup pieces, so that the builder is exercised.
fn html_soup() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("<table>"),
        Just("</table>"),
        Just("<tr>"),
        Just("</tr>"),
        Just("<td>"),
        Just("</td>"),
        Just("<th>"),
        Just("<thead>"),
        Just("</thead>"),
        Just("<tbody>"),
        Just("<td rowspan=3>"),
        Just("<td colspan=2>"),
        Just("<td rowspan=0 colspan=9>"),
        Just("<th rowspan=2000>"),
        Just("<p>"),
        Just("</p>"),
        Just("<div>"),
        Just("<br>"),
        Just("<b>"),
        Just("</b>"),
        Just("<sup>"),
        Just("</sup>"),
        Just("<ul>"),
        Just("<ol start=7>"),
        Just("</ol>"),
        Just("<li>"),
        Just("</li>"),
        Just("<h2>"),
        Just("</h2>"),
        Just("<pre>"),
        Just("<caption>"),
        Just("</caption>"),
        Just("<script>"),
        Just("</script>"),
        Just("<!--"),
        Just("-->"),
        Just("&amp;"),
        Just("&nbsp;"),
        Just(" "),
        Just("\n"),
        Just("text"),
        Just("é"),
        Just("<"),
        Just(">"),
        Just("\""),
        Just("'"),
        Just("<title>"),
        Just("</title>"),
    ];
    prop::collection::vec(piece, 0..80).prop_map(|v| v.concat())
}

proptest! {
    #[test]
    fn any_string_no_panic(s in any::<String>(), first in 0u32..5) {
        let blocks = read_html_fragment(&s, first);
        prop_assert!(table_shape_ok(&blocks));
        prop_assert!(spans_ok(&blocks));
    }

    #[test]
    fn soup_gives_rectangular_grids(s in html_soup(), first in 1u32..1000) {
        let blocks = read_html_fragment(&s, first);
        prop_assert!(table_shape_ok(&blocks));
        prop_assert!(spans_ok(&blocks));
        prop_assert!(lines_ok(&blocks, first, &s));
    }
}
