use super::*;

fn kinds(blocks: &[Block]) -> Vec<String> {
    blocks
        .iter()
        .map(|b| match &b.kind {
            BlockKind::Table(t) => format!("T{}@{}", t.rows.len(), b.lines.start),
            BlockKind::Heading(l) => format!("H{l}@{}:{}", b.lines.start, b.text()),
            BlockKind::ListItem => format!("L@{}:{}", b.lines.start, b.text()),
            BlockKind::Paragraph => format!("P@{}:{}", b.lines.start, b.text()),
            BlockKind::Furniture => format!("F@{}", b.lines.start),
            BlockKind::Caption => format!("C@{}:{}", b.lines.start, b.text()),
        })
        .collect()
}

#[test]
fn soft_broken_paragraph_splits_at_labels_and_tabs() {
    let src = "<b>Recommendation 3:</b> Do it.\n<b>Management Response: Accepted</b> – yes.\t\t\nKey Action(s)\tTime Frame\n\t\tStatus\nAct\tOngoing\n<b>Recommendation 4:</b> More.\n";
    let blocks = read_markdown(src);
    assert_eq!(
        kinds(&blocks),
        [
            "P@1:Recommendation 3: Do it.",
            "P@2:Management Response: Accepted – yes.",
            "T3@3",
            "P@6:Recommendation 4: More."
        ]
    );
    assert_eq!(blocks[0].inline.bold, vec![0..17]);
}

#[test]
fn a_tab_after_a_closed_label_is_a_space_not_a_cell() {
    let src = "<b>Management Response:</b>\tAccepted – yes.\n\n**Recommendation 2:**\tDo it.\n\nPrepared by:\tA B\n\nKey Action(s):\tTime Frame\nAct\t2025\n";
    assert_eq!(
        kinds(&read_markdown(src)),
        [
            "P@1:Management Response: Accepted – yes.",
            "P@3:Recommendation 2: Do it.",
            "P@5:Prepared by: A B",
            "T2@7",
        ]
    );
}

#[test]
fn a_tab_after_a_list_marker_is_no_cell() {
    let src = "Points:\n\n•\tBullet one\n•\tBullet two\n\n1.\tFirst;\n2.\tSecond.\n";
    assert_eq!(
        kinds(&read_markdown(src)),
        [
            "P@1:Points:",
            "L@3:- Bullet one",
            "L@4:- Bullet two",
            "L@6:1. First;",
            "L@7:2. Second."
        ]
    );
}

#[test]
fn lists_keep_numbers_and_bullets() {
    let blocks = read_markdown("1. One\n  2. Two\n- Three\n");
    assert_eq!(kinds(&blocks), ["L@1:1. One", "L@2:2. Two", "L@3:- Three"]);
}

#[test]
fn escapes_and_entities_are_plain_text() {
    let blocks = read_markdown("\\* Note with EWS\\_Archive &amp; *emphasis*\n");
    assert_eq!(blocks[0].text(), "* Note with EWS_Archive & emphasis");
}

#[test]
fn pipe_table_header_row_is_marked() {
    let blocks = read_markdown("| A | B |\n|---|---|\n| 1 | **2** |\n");
    let t = blocks[0]
        .table()
        .map(|t| t.rows.clone())
        .unwrap_or_default();
    assert!(t[0].header && !t[1].header);
    assert_eq!(t[1].cells[1].inline.bold, vec![0..1]);
    assert_eq!(t[1].lines.start, 3);
}

#[test]
fn a_page_number_read_as_a_bullet_is_furniture() {
    let blocks = read_markdown("Text.\n\n- 3 -\n\n- an item\n");
    assert_eq!(kinds(&blocks), ["P@1:Text.", "F@3", "L@5:- an item"]);
}

#[test]
fn a_comment_over_several_lines_is_furniture() {
    let blocks = read_markdown(
        "Text.\n\n<!-- a comment\nover two lines -->\n\n<!--\nanother\n--> <br>\n\nEnd.\n",
    );
    assert_eq!(
        kinds(&blocks),
        ["P@1:Text.", "F@3", "F@4", "F@6", "F@7", "F@8", "P@10:End."]
    );
}

#[test]
fn pipe_rows_after_a_blank_line_go_on_with_the_table_above() {
    let blocks = read_markdown(
        "| A | B |\n|---|---|\n| x | y |\n\n| z | *w* |\n| v |  |\n\n| not | a row\n",
    );
    assert_eq!(kinds(&blocks), ["T4@1", "P@8:| not | a row"]);
    let t = blocks[0].table().unwrap();
    let texts: Vec<Vec<&str>> = t
        .rows
        .iter()
        .map(|r| r.cells.iter().map(|c| c.text()).collect())
        .collect();
    assert_eq!(
        texts,
        [
            vec!["A", "B"],
            vec!["x", "y"],
            vec!["z", "w"],
            vec!["v", ""]
        ]
    );
    assert_eq!(t.rows[3].lines.start, 6);
    assert_eq!(blocks[0].lines.end, 6);
    // Text between them: the rows are no longer the table's.
    let blocks = read_markdown("| A | B |\n|---|---|\n| x | y |\n\nText.\n\n| z | w |\n");
    assert_eq!(kinds(&blocks), ["T2@1", "P@5:Text.", "P@7:| z | w |"]);
}

#[test]
fn page_furniture_is_set_apart() {
    let blocks = read_markdown("Some text\nManagement Response – page 2\nmore text\n");
    assert_eq!(kinds(&blocks), ["P@1:Some text more text", "F@2"]);
}

mod plain_fast_path {
    use super::super::{plain_fragment, render_events, simple_line};
    use proptest::prelude::*;
    use pulldown_cmark::{Options, Parser};

    proptest! {
        /// Where the fast path answers, it agrees with the parser.
        #[test]
        fn agrees_with_pulldown(source in "[a-c 1.)\\-+=\n]{1,30}") {
            if let Some(fast) = plain_fragment(&source) {
                let slow = render_events(Parser::new_ext(&source, Options::empty()));
                prop_assert_eq!(fast.text, slow.text.trim().to_string());
            }
        }

        /// Where the one-line path answers, it agrees with the parser,
        /// bold spans included.
        #[test]
        fn simple_line_agrees_with_pulldown(
            source in "(<b>|</b>|<strong>|</strong>|<i>|\\\\|[a-c 1.):;*_\\-+=#<>\n\t\u{a0}])*"
        ) {
            if let Some(fast) = simple_line(&source) {
                let slow = render_events(Parser::new_ext(&source, Options::empty()));
                prop_assert_eq!(fast, slow);
            }
        }
    }
}

#[test]
fn one_line_fragments_read_without_the_parser_read_as_with_it() {
    use pulldown_cmark::{Options, Parser};
    for source in [
        "<b>Evaluation Recommendation 3:</b> Future phases",
        "<b>Recommendation 4:</b>\u{a0}The Country Office",
        "Tracking*",
        "Tracking\\*",
        "Cleared by: Martin Okafor\n",
        "EWS\\_Archive\\_2021 folder",
        "<strong>Done</strong> in 2023 **",
    ] {
        let fast = simple_line(source);
        assert!(fast.is_some(), "{source:?}");
        let slow = render_events(Parser::new_ext(source, Options::empty()));
        assert_eq!(fast, Some(slow), "{source:?}");
    }
    for source in [
        "<b>",
        "**Bold:** text",
        "*a* b",
        "a\nb",
        "- item",
        "\\a",
        "a <i>b</i>",
    ] {
        assert_eq!(simple_line(source), None, "{source:?}");
    }
}

#[test]
fn pipe_rows_keep_the_cells_they_were_written_with() {
    let src = "| A | B |\n|---|---|\n| 1 | 2 | extra \\| piped |\n| short |\n| a | |\n";
    let blocks = read_markdown(src);
    let table = blocks[0].table().expect("a table");
    let cells: Vec<Vec<&str>> = table
        .rows
        .iter()
        .map(|r| r.cells.iter().map(|c| c.text()).collect())
        .collect();
    assert_eq!(
        cells,
        [
            vec!["A", "B"],
            vec!["1", "2", "extra | piped"],
            vec!["short"],
            vec!["a", ""],
        ]
    );
}

#[test]
fn source_cells_split_at_unescaped_pipes() {
    assert_eq!(
        source_cells("| a | b |").collect::<Vec<_>>(),
        [" a ", " b "]
    );
    assert_eq!(source_cells("a | b").collect::<Vec<_>>(), ["a ", " b"]);
    assert_eq!(
        source_cells("> | a \\| b | c |").collect::<Vec<_>>(),
        [" a \\| b ", " c "]
    );
    assert_eq!(source_cells("| a | |").collect::<Vec<_>>(), [" a ", " "]);
}

#[test]
fn real_tables_are_not_defused() {
    let src = "| Key action | Time frame |\n|---|:---:|\n| Train | 2024 |\n| Plan |\n\n> | a | b |\n> |---|---|\n> | c | d |\n";
    assert!(matches!(defuse_sparse_tables(src), Cow::Borrowed(_)));
    assert_eq!(kinds(&read_markdown(src)), ["T3@1", "T2@6"]);
}

#[test]
fn a_table_of_mostly_filled_cells_is_read_as_text() {
    // 512 columns over 512 one-cell rows: 262,144 cells from 3.5 KB.
    let width = 512;
    let src = format!(
        "Before.\n\n{}|\n{}|\n{}\nAfter.\n",
        "|x".repeat(width),
        "|-".repeat(width),
        "|a\n".repeat(width)
    );
    let defused = defuse_sparse_tables(&src);
    assert_eq!(defused.len(), src.len());
    assert!(defused.contains("|~|-|"));
    let blocks = read_markdown(&src);
    assert!(blocks.iter().all(|b| b.table().is_none()));
    // The words are kept, and the line numbers are the source's.
    assert_eq!(
        blocks.last().map(|b| (b.lines.start, b.text())),
        Some((518, "After."))
    );
    assert!(blocks.iter().any(|b| b.text().contains("|x|x|")));
}

#[test]
fn footnote_lines_in_one_paragraph_are_one_block_each() {
    let src = "\\* Status as of 30 September 2023.\n\\*\\* The next Board meets in December.\n** Funding pending.\nText *emphasis* goes on\n";
    assert_eq!(
        kinds(&read_markdown(src)),
        [
            "P@1:* Status as of 30 September 2023.",
            "P@2:** The next Board meets in December.",
            "P@3:** Funding pending. Text emphasis goes on",
        ]
    );
}

#[test]
fn a_label_with_a_tag_inside_splits_a_paragraph() {
    let src =
        "**Evaluation Recommendation 1:** Do X.\n<b>Management Response</b>: Accepted – fine.\n";
    assert_eq!(
        kinds(&read_markdown(src)),
        [
            "P@1:Evaluation Recommendation 1: Do X.",
            "P@2:Management Response: Accepted – fine."
        ]
    );
}

#[test]
fn lines_bulleted_with_a_character_are_list_items() {
    let src = "Provinces covered:\n• Guadalcanal\n• Malaita\n\n• Western Province\n";
    assert_eq!(
        kinds(&read_markdown(src)),
        [
            "P@1:Provinces covered:",
            "L@2:- Guadalcanal",
            "L@3:- Malaita",
            "L@5:- Western Province"
        ]
    );
}

#[test]
fn a_tab_row_cell_wrapped_onto_a_second_line_keeps_the_rows_after_it() {
    let src = "Key Action(s)\tTime Frame\tComments\n1.1 Do A\tQ1 2022\tFirst paragraph;\nsecond paragraph.\n1.2 Do B\tQ2 2022\t\nText after the table.\n";
    let blocks = read_markdown(src);
    assert_eq!(kinds(&blocks), ["T3@1", "P@5:Text after the table."]);
    let rows = blocks[0]
        .table()
        .map(|t| t.rows.clone())
        .unwrap_or_default();
    assert_eq!(
        rows[1].cells[2].text(),
        "First paragraph; second paragraph."
    );
    assert_eq!(rows[1].lines, Lines::new(2, 3));
    assert_eq!(rows[2].cells[0].text(), "1.2 Do B");
}

#[test]
fn a_line_after_a_tab_table_that_no_row_follows_is_text() {
    let src = "Key Action(s)\tTime Frame\n1.1 Do A\tQ1 2022\nA remark.\nKey Action(s)\tTime Frame\n2.1 Do B\t2023\n";
    assert_eq!(
        kinds(&read_markdown(src)),
        ["T2@1", "P@3:A remark.", "T2@4"]
    );
}

#[test]
fn lines_a_list_item_runs_on_into_start_blocks_of_their_own() {
    let src = "<b>Recommendation 2:</b> Do it by:\t\t\n- collecting data;\t\t\n- following up.\t\t\n<b>Management Response: Accepted</b> – fine.\t\t\nKey Action(s)\tTime Frame\n2.1 Survey\t2024\n";
    assert_eq!(
        kinds(&read_markdown(src)),
        [
            "P@1:Recommendation 2: Do it by:",
            "L@2:- collecting data;",
            "L@3:- following up.",
            "P@4:Management Response: Accepted – fine.",
            "T2@5"
        ]
    );
}

#[test]
fn tab_rows_numbered_1_dot_and_padded_rows_stay_in_their_table() {
    // CommonMark reads `1. ` as an ordered list interrupting the paragraph.
    let src = "Key Action(s)\tTime Frame\tStatus\n1. Agree indicators\tQ3 2023\tCompleted\n2. Integrate them\t2024\t\nReview the pathway\t\t\n";
    let blocks = read_markdown(src);
    assert_eq!(kinds(&blocks), ["T4@1"]);
    let firsts: Vec<String> = blocks[0]
        .table()
        .map(|t| {
            t.rows
                .iter()
                .map(|r| r.cells[0].text().to_string())
                .collect()
        })
        .unwrap_or_default();
    assert_eq!(
        firsts,
        [
            "Key Action(s)",
            "1. Agree indicators",
            "2. Integrate them",
            "Review the pathway"
        ]
    );
}

#[test]
fn a_wrapped_line_after_a_row_ending_with_an_empty_cell_starts_the_next_row() {
    // The last row's comment wraps onto the next line; then a description
    // wraps onto the line before its row, after a row with no comment.
    let src = "Key Action(s)\tTime Frame\tComments\n1.1 Do A\tQ1 2022\tSent to 240\nparticipants.\n1.2 Do B\tQ2 2022\t\nConduct a follow-up\nsurvey\t2023\tDone\nin May.\n";
    let blocks = read_markdown(src);
    assert_eq!(kinds(&blocks), ["T4@1"]);
    let rows = blocks[0]
        .table()
        .map(|t| t.rows.clone())
        .unwrap_or_default();
    assert_eq!(rows[1].cells[2].text(), "Sent to 240 participants.");
    assert_eq!(rows[3].cells[0].text(), "Conduct a follow-up survey");
    assert_eq!(rows[3].cells[2].text(), "Done in May.");
    assert_eq!(rows[3].lines, Lines::new(5, 7));
}
