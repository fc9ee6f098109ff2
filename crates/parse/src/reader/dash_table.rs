//! Tables ruled with dashes, as pandoc writes them in its Markdown and
//! plain-text exports of Word documents: multiline tables (a full rule,
//! the header lines, a rule of one dash group per column, rows separated
//! by blank lines, a closing full rule) and simple tables (a header line, a
//! rule of dash groups, one row per line, up to a blank line).
//!
//! ```text
//!   ------------------------------------------------------
//!   Key Action(s)        Time        Responsible
//!                        Frame       Unit(s)
//!   -------------------- ----------- ---------------------
//!   Work with PPME to    By 30 March UNITAR CWM and
//!   codify practices     2020        PPME
//!
//!   Train staff          Q3 2021     CWM
//!   ------------------------------------------------------
//! ```
//!
//! The dash groups give the columns: a cell's text on a line runs from its
//! column's first character to the next column's. CommonMark reads such a
//! table as paragraphs and rules; the readers take these tables out first.

use crate::block::{Block, BlockKind, Cell, Inline, Lines, Row, Table};

/// A dash-ruled table found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct DashTable {
    /// Its lines, rules included.
    pub lines: Lines,
    /// Its rows, the header first when it has one.
    pub rows: Vec<DashRow>,
}

impl DashTable {
    /// The table as a block, each cell's inline text made by `cell` from
    /// its row and column.
    pub(crate) fn into_block(self, cell: impl Fn(&DashRow, usize) -> Inline) -> Block {
        let rows = self
            .rows
            .iter()
            .map(|r| Row {
                cells: (0..r.cells.len())
                    .map(|c| Cell {
                        inline: cell(r, c),
                        ..Cell::default()
                    })
                    .collect(),
                header: r.header,
                lines: r.lines,
            })
            .collect();
        Block::new(
            BlockKind::Table(Table { rows }),
            Inline::default(),
            self.lines,
        )
    }
}

/// A row of a dash-ruled table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct DashRow {
    /// The text of each cell: its lines, trimmed, joined with `\n`.
    pub cells: Vec<String>,
    /// For each cell, whether each of its line breaks was typed rather than
    /// made by wrapping the text to the column's width: the line with the
    /// next line's first word would have fitted.
    pub typed_breaks: Vec<Vec<bool>>,
    /// True for the header row.
    pub header: bool,
    /// Its lines.
    pub lines: Lines,
}

/// Rows a header may have at most, in lines.
const MAX_HEADER_LINES: usize = 8;

/// The dash-ruled tables of `text`, in order.
pub(crate) fn find(text: &str) -> Vec<DashTable> {
    // Most texts hold no line of dashes (a pipe table's `|---|` is none):
    // no table, no work.
    if !text.contains("---") || !text.split('\n').any(is_rule_line) {
        return Vec::new();
    }
    let lines: Vec<&str> = text
        .split('\n')
        .map(|l| l.trim_end_matches(['\r', ' ', '\t']))
        .collect();
    let blank = |i: usize| is_blank(&lines, i);
    // Where, from each line on, a multiline table would end: at a full rule
    // before a blank line, or nowhere past two blank lines. Found in one
    // pass from the end, so that no rule scans the text again.
    let mut ends = vec![lines.len(); lines.len() + 1];
    for i in (0..lines.len()).rev() {
        ends[i] = if is_full_rule(lines[i]) && blank(i + 1) || blank(i) && blank(i + 1) {
            i
        } else {
            ends[i + 1]
        };
    }
    let mut tables = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let after_blank = i == 0 || blank(i - 1);
        let found = if after_blank && is_full_rule(lines[i]) {
            multiline(&lines, &ends, i)
        } else if after_blank && !blank(i) && i + 1 < lines.len() {
            simple(&lines, i)
        } else {
            None
        };
        match found {
            Some(table) => {
                i = table.lines.end as usize;
                tables.push(table);
            }
            None => i += 1,
        }
    }
    tables
}

/// A multiline table whose full rule is line `top` (0-based); `ends` says
/// where a table from each line on would end.
fn multiline(lines: &[&str], ends: &[usize], top: usize) -> Option<DashTable> {
    let blank = |i: usize| is_blank(lines, i);
    // The header lines, then the rule of dash groups.
    let rule = (top + 1..lines.len().min(top + 2 + MAX_HEADER_LINES))
        .take_while(|&i| !blank(i))
        .find(|&i| columns(lines[i]).is_some_and(|c| c.len() >= 2))?;
    let cols = groups(lines[rule])?;
    // The closing full rule, followed by a blank line or the end.
    let bottom = *ends.get(rule + 1)?;
    if !lines.get(bottom).is_some_and(|l| is_full_rule(l)) {
        return None;
    }
    if !fits(lines, top..bottom + 1, cols.len()) {
        return None;
    }
    let mut rows = Vec::new();
    if rule > top + 1 {
        rows.push(row(lines, top + 1..rule, &cols, true));
    }
    let mut start = None;
    for i in rule + 1..=bottom {
        if blank(i) || i == bottom {
            if let Some(s) = start.take() {
                rows.push(row(lines, s..i, &cols, false));
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    Some(DashTable {
        lines: Lines::new(line_number(top), line_number(bottom)),
        rows,
    })
}

/// A simple table whose header line is line `head` (0-based): its rule of
/// dash groups follows, then a row per line up to a blank line.
fn simple(lines: &[&str], head: usize) -> Option<DashTable> {
    let cols = groups(lines.get(head + 1)?).filter(|c| c.len() >= 2)?;
    if columns(lines[head]).is_some() {
        return None;
    }
    // Its rows: up to a blank line, or to a closing rule (its last line).
    let mut body_end = head + 2;
    let mut end = head + 1;
    while !is_blank(lines, body_end) {
        end = body_end;
        if columns(lines[body_end]).is_some() {
            break;
        }
        body_end += 1;
    }
    if !fits(lines, head..end + 1, cols.len()) {
        return None;
    }
    let mut rows = vec![row(lines, head..head + 1, &cols, true)];
    rows.extend((head + 2..body_end).map(|i| row(lines, i..i + 1, &cols, false)));
    // A header and its rule alone are no table.
    (rows.len() > 1).then(|| DashTable {
        lines: Lines::new(line_number(head), line_number(end)),
        rows,
    })
}

/// True for line `i` blank or past the end.
fn is_blank(lines: &[&str], i: usize) -> bool {
    lines.get(i).is_none_or(|l| l.trim().is_empty())
}

/// Cells a table may have at least, whatever its size.
const CELLS_FLOOR: usize = 1 << 16;
/// Cells a table may have per byte of its lines.
const CELLS_PER_BYTE: usize = 8;

/// True when `columns` cells on each of lines `range` stay within
/// `max(CELLS_FLOOR, CELLS_PER_BYTE × their bytes)`: a rule of thousands
/// of dash groups over thousands of short lines is no table a person wrote,
/// and would cost their product in cells.
fn fits(lines: &[&str], range: std::ops::Range<usize>, columns: usize) -> bool {
    let bytes: usize = lines[range.clone()].iter().map(|l| l.len() + 1).sum();
    columns.saturating_mul(range.len()) <= CELLS_FLOOR.max(CELLS_PER_BYTE.saturating_mul(bytes))
}

/// The 1-based number of 0-based line `i`.
fn line_number(i: usize) -> u32 {
    u32::try_from(i + 1).unwrap_or(u32::MAX)
}

/// True for a line of one run of dashes, three or more, indented or not.
fn is_full_rule(line: &str) -> bool {
    let t = line.trim();
    t.len() >= 3 && t.bytes().all(|b| b == b'-')
}

/// The character columns where each dash group of a rule starts, if the
/// line is a rule of groups of three or more dashes.
fn columns(line: &str) -> Option<Vec<usize>> {
    Some(groups(line)?.into_iter().map(|(start, _)| start).collect())
}

/// True for a line of dashes and spaces, three bytes or more when
/// trimmed: every rule [`groups`] reads is one, so a text without such a
/// line holds no table.
fn is_rule_line(line: &str) -> bool {
    let t = line.trim();
    t.len() >= 3 && t.bytes().all(|b| b == b'-' || b == b' ')
}

/// The dash groups of a rule: where each starts, and its length.
fn groups(line: &str) -> Option<Vec<(usize, usize)>> {
    if !is_rule_line(line) {
        return None;
    }
    let mut groups: Vec<(usize, usize)> = Vec::new();
    let mut previous = ' ';
    for (i, c) in line.chars().enumerate() {
        if c == '-' {
            if previous != '-' {
                groups.push((i, 0));
            }
            if let Some(g) = groups.last_mut() {
                g.1 += 1;
            }
        }
        previous = c;
    }
    groups.iter().all(|g| g.1 >= 3).then_some(groups)
}

/// The row made of lines `range`: each cell's text on each line, trimmed,
/// the non-empty ones joined with `\n`.
fn row(
    lines: &[&str],
    range: std::ops::Range<usize>,
    cols: &[(usize, usize)],
    header: bool,
) -> DashRow {
    let mut pieces: Vec<Vec<&str>> = vec![Vec::new(); cols.len()];
    for line in &lines[range.clone()] {
        let chars: Vec<(usize, char)> = line.char_indices().collect();
        let byte_at = |col: usize| chars.get(col).map_or(line.len(), |(b, _)| *b);
        for (c, cell) in pieces.iter_mut().enumerate() {
            let from = byte_at(cols[c].0);
            let to = cols.get(c + 1).map_or(line.len(), |next| byte_at(next.0));
            let piece = line.get(from..to).unwrap_or_default().trim();
            if !piece.is_empty() {
                cell.push(piece);
            }
        }
    }
    let typed_breaks = pieces
        .iter()
        .zip(cols)
        .map(|(cell, &(_, width))| {
            cell.windows(2)
                .map(|pair| {
                    let next_word = pair[1].split(' ').next().unwrap_or_default();
                    pair[0].chars().count() + 1 + next_word.chars().count() <= width
                })
                .collect()
        })
        .collect();
    DashRow {
        cells: pieces.iter().map(|cell| cell.join("\n")).collect(),
        typed_breaks,
        header,
        lines: Lines::new(line_number(range.start), line_number(range.end - 1)),
    }
}

impl DashRow {
    /// Cell `c`'s text with the lines it was wrapped on joined by a space
    /// and its typed line breaks kept.
    pub(crate) fn unwrapped(&self, c: usize) -> String {
        let Some(cell) = self.cells.get(c) else {
            return String::new();
        };
        let mut out = String::with_capacity(cell.len());
        let mut typed = self.typed_breaks.get(c).into_iter().flatten();
        for (i, line) in cell.split('\n').enumerate() {
            if i > 0 {
                out.push(if typed.next() == Some(&true) {
                    '\n'
                } else {
                    ' '
                });
            }
            out.push_str(line);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pipe_table_delimiter_row_is_no_rule_line() {
        assert!(!is_rule_line("|---|:---:|"));
        assert!(!is_rule_line(" -- "));
        assert!(is_rule_line("  ---  ----- "));
        assert!(find("| a | b |\n|---|---|\n| 1 | 2 |\n").is_empty());
    }

    proptest::proptest! {
        /// Every table is found past the prefilter: each holds a rule line.
        #[test]
        fn tables_hold_a_rule_line(text in "([-| a\t]{0,12}\n){0,8}") {
            let tables = find(&text);
            let lines: Vec<&str> = text.split('\n').collect();
            for t in &tables {
                let range = t.lines.start as usize - 1..t.lines.end as usize;
                proptest::prop_assert!(lines[range].iter().any(|l| is_rule_line(l)));
            }
        }
    }

    fn texts(t: &DashTable) -> Vec<Vec<&str>> {
        t.rows
            .iter()
            .map(|r| r.cells.iter().map(String::as_str).collect())
            .collect()
    }

    #[test]
    fn a_multiline_table() {
        let text = "Text.\n\n  ------------------------------------------\n  Key Action(s)   Time        Responsible\n                  Frame       Unit(s)\n  --------------- ----------- --------------\n  Work with PPME  By 30 March UNITAR CWM and\n  to codify       2020        PPME\n\n  Train staff     Q3 2021     CWM\n  ------------------------------------------\n\nAfter.\n";
        let tables = find(text);
        assert_eq!(tables.len(), 1);
        let t = &tables[0];
        assert_eq!(t.lines, Lines::new(3, 11));
        assert_eq!(
            texts(t),
            [
                vec!["Key Action(s)", "Time\nFrame", "Responsible\nUnit(s)"],
                vec![
                    "Work with PPME\nto codify",
                    "By 30 March\n2020",
                    "UNITAR CWM and\nPPME"
                ],
                vec!["Train staff", "Q3 2021", "CWM"],
            ]
        );
        assert!(t.rows[0].header && !t.rows[1].header);
        assert_eq!(t.rows[2].lines, Lines::one(10));
    }

    #[test]
    fn a_line_break_that_wrapping_would_not_make_is_kept() {
        let text = "  ------------------------------\n  Unit                Status\n  ------------------- ----------\n  UNITAR CWM          Done\n  PPME\n\n  Work with PPME to   Ongoing\n  codify practices\n  ------------------------------\n";
        let t = &find(text)[0];
        assert_eq!(t.rows[1].unwrapped(0), "UNITAR CWM\nPPME");
        assert_eq!(t.rows[2].unwrapped(0), "Work with PPME to codify practices");
    }

    #[test]
    fn a_simple_table() {
        let text =
            "  Name    Role\n  ------- --------\n  Ana     Manager\n  Bo      Analyst\n\nAfter.";
        let tables = find(text);
        assert_eq!(tables.len(), 1);
        assert_eq!(
            texts(&tables[0]),
            [
                vec!["Name", "Role"],
                vec!["Ana", "Manager"],
                vec!["Bo", "Analyst"]
            ]
        );
        assert_eq!(tables[0].lines, Lines::new(1, 4));
        // A closing rule is the table's last line, no row.
        let closed = find(
            "  Name    Role\n  ------- --------\n  Ana     Manager\n  ------- --------\nAfter.",
        );
        assert_eq!(closed[0].lines, Lines::new(1, 4));
        assert_eq!(
            texts(&closed[0]),
            [vec!["Name", "Role"], vec!["Ana", "Manager"]]
        );
    }

    #[test]
    fn rules_and_setext_underlines_are_no_tables() {
        for text in [
            "Text.\n\n---\n\nMore.",
            "A heading\n---------\n\nText.",
            "Text\n\n-----------\nno rule of groups\n-----------\n",
            "A - B\n-- --\n",
            "",
        ] {
            assert_eq!(find(text), [], "{text:?}");
        }
    }

    #[test]
    fn wide_characters_keep_their_columns() {
        let text = "  ---------------------\n  Unité     État\n  --------- -----------\n  Équipe    Achevé\n  ---------------------\n";
        let t = &find(text)[0];
        assert_eq!(texts(t), [vec!["Unité", "État"], vec!["Équipe", "Achevé"]]);
    }
}
