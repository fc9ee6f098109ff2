//! The plain-text reader: labels on their own lines, paragraphs separated by
//! blank lines, and key actions as lines of `|`-separated fields:
//!
//! ```text
//! 1.1 text | Responsible: X | Time frame: Y | Status: Z | Comments: W
//! ```
//!
//! with the fields in any order. Consecutive action lines become one table
//! whose header row names the fields in the order first seen.

use std::collections::HashMap;
use std::collections::hash_map::Entry;

use super::dash_table;
use super::starts_with_note_marker;
use crate::block::{Block, BlockKind, Cell, Inline, Lines, Row, Table};
use crate::cleantext::is_page_furniture;
use crate::labels::{find_label, is_field_line};
use crate::recognise::split_action_id;
use crate::vocab::{self, Label};

/// True when `text` is a decision and nothing more (`Agree`, `Partially
/// accepted.`), or a word or three standing where one should (`Noted`):
/// the comment starts on the next line.
fn is_decision_alone(text: &str) -> bool {
    vocab::decision(crate::cleantext::trim_trailing_punct(text)).is_some()
        || text.split_whitespace().count() <= 3
}

/// Reads plain text into blocks.
pub fn read_text(text: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut paragraph: Option<(String, Lines, bool)> = None;
    let mut actions: Vec<(Vec<(String, String)>, Lines)> = Vec::new();
    let mut lone_response = false;
    let mut labelled = false;
    let mut dash_tables = dash_table::find(text).into_iter().peekable();
    for (n, raw) in text.split('\n').enumerate() {
        let number = u32::try_from(n + 1).unwrap_or(u32::MAX);
        // A table ruled with dashes (pandoc's plain text): read whole at its
        // first line, its other lines passed over.
        if let Some(t) = dash_tables.peek()
            && t.lines.start <= number
        {
            if t.lines.start == number {
                flush_paragraph(&mut out, &mut paragraph);
                flush_actions(&mut out, &mut actions);
                lone_response = false;
                labelled = false;
            }
            if t.lines.end <= number
                && let Some(t) = dash_tables.next()
            {
                // The lines each cell was wrapped on joined by a space.
                out.push(t.into_block(|row, c| Inline::plain(row.unwrapped(c))));
            }
            continue;
        }
        let line = raw.trim_end_matches(['\r', ' ', '\t']);
        if is_page_furniture(line) {
            out.push(Block::new(
                BlockKind::Furniture,
                Inline::default(),
                Lines::one(number),
            ));
            continue;
        }
        if line.trim().is_empty() {
            flush_paragraph(&mut out, &mut paragraph);
            flush_actions(&mut out, &mut actions);
            continue;
        }
        if let Some(fields) = action_fields(line) {
            flush_paragraph(&mut out, &mut paragraph);
            actions.push((fields, Lines::one(number)));
            continue;
        }
        let content = line.trim();
        if let Some(field) = action_field_line(content) {
            // `Responsible: PMU` on a line of its own under an action: a
            // field of that action, whether the action was a line of fields
            // or a numbered line alone (`5.1 Publish the reports`).
            if paragraph.as_ref().is_some_and(|(text, lines, _)| {
                lines.start == lines.end && split_action_id(text).0.is_some()
            }) && let Some((text, lines, _)) = paragraph.take()
            {
                actions.push((vec![(String::new(), text)], lines));
            }
            if let Some((fields, lines)) = actions.last_mut() {
                fields.push(field);
                lines.end = number;
                continue;
            }
        }
        if action_line_goes_on(&mut actions, content, number) {
            continue;
        }
        flush_actions(&mut out, &mut actions);
        let item = is_list_item(content);
        let label = find_label(content);
        // Under a labelled line, a line of the same shape is a field of its
        // own (`Office: UNDP Nepal`, then `Date: 15 April 2023`).
        let starts_block = item
            || label.is_some()
            || starts_with_note_marker(content)
            || labelled && is_field_line(content);
        if starts_block || paragraph.is_none() {
            labelled = label.is_some();
        }
        // A label alone on its line, or a response's decision alone after its
        // label, ends its line: what follows is a block of its own (the
        // comment). After a response label alone, the next line is the
        // decision, a line of its own too. A response whose comment starts
        // on its line goes on over the next lines, as any paragraph.
        let decision_line = lone_response;
        lone_response = label
            .as_ref()
            .is_some_and(|m| m.label == Label::Response && content[m.rest..].trim().is_empty());
        // A decision line with a comment after it goes on as the comment.
        let closes = decision_line && is_decision_alone(content)
            || label.is_some_and(|m| {
                let rest = content[m.rest..].trim();
                rest.is_empty() || m.label == Label::Response && is_decision_alone(rest)
            });
        match &mut paragraph {
            Some((text, lines, was_item)) if !starts_block && !*was_item => {
                text.push(' ');
                text.push_str(content);
                lines.end = number;
            }
            _ => {
                flush_paragraph(&mut out, &mut paragraph);
                paragraph = Some((content.to_string(), Lines::one(number), item));
            }
        }
        if closes {
            flush_paragraph(&mut out, &mut paragraph);
        }
    }
    flush_paragraph(&mut out, &mut paragraph);
    flush_actions(&mut out, &mut actions);
    out
}

/// A numbered or bulleted list line (`1. `, `- `, `• `); `* ` is a note
/// marker in plain text, not a bullet.
fn is_list_item(line: &str) -> bool {
    let bullet = line.strip_prefix('-').or_else(|| line.strip_prefix('•'));
    if bullet.is_some_and(|rest| rest.starts_with([' ', '\t'])) {
        return true;
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0
        && digits < 4
        && line[digits..]
            .strip_prefix('.')
            .is_some_and(|rest| rest.starts_with([' ', '\t']))
}

fn flush_paragraph(out: &mut Vec<Block>, paragraph: &mut Option<(String, Lines, bool)>) {
    if let Some((text, lines, item)) = paragraph.take() {
        let (kind, text) = if item {
            // `• item`, `•<tab>item`, `-<tab>item`: the bullet normalised.
            let text = match text.strip_prefix('•').or_else(|| text.strip_prefix('-')) {
                Some(t) => format!("- {}", t.trim_start()),
                None => text.clone(),
            };
            (BlockKind::ListItem, text)
        } else {
            (BlockKind::Paragraph, text)
        };
        out.push(Block::new(kind, Inline::plain(text), lines));
    }
}

/// A line right under action lines that is not one: an action with no
/// fields when it starts with an id as they do (`3. Share lessons`), else
/// the line the last field was wrapped onto, unless it starts a block of
/// its own. True when the line was taken.
fn action_line_goes_on(
    actions: &mut Vec<(Vec<(String, String)>, Lines)>,
    content: &str,
    number: u32,
) -> bool {
    let numbered = |text: &str| split_action_id(text).0.is_some();
    let Some((fields, lines)) = actions.last_mut() else {
        return false;
    };
    if numbered(content) {
        if !fields.first().is_some_and(|(_, d)| numbered(d)) {
            return false;
        }
        actions.push((
            vec![(String::new(), content.to_string())],
            Lines::one(number),
        ));
        return true;
    }
    if find_label(content).is_some() || starts_with_note_marker(content) || is_list_item(content) {
        return false;
    }
    if let Some((_, value)) = fields.last_mut() {
        if !value.is_empty() {
            value.push(' ');
        }
        value.push_str(content);
    }
    lines.end = number;
    true
}

/// Splits an action line into (field name, value) pairs; the first part,
/// unlabelled, is the description under the name `""`. `None` when the line
/// is not an action line.
fn action_fields(line: &str) -> Option<Vec<(String, String)>> {
    if !line.contains('|') {
        return None;
    }
    let mut fields = Vec::new();
    let mut labelled = 0;
    for (i, part) in line.split('|').enumerate() {
        let part = part.trim();
        match part.split_once(':') {
            Some((name, value)) if is_field_name(name) => {
                labelled += 1;
                fields.push((name.trim().to_string(), value.trim().to_string()));
            }
            _ if i == 0 => fields.push((String::new(), part.to_string())),
            // A field of no key-action label (`Budget: USD 5,000`) or of none
            // (`see annex`): its own column, under its name or its text, so
            // that the recogniser reports the text it holds.
            Some((name, value)) if name.split_whitespace().count() <= 3 => {
                fields.push((name.trim().to_string(), value.trim().to_string()));
            }
            _ => fields.push((part.to_string(), part.to_string())),
        }
    }
    (labelled > 0).then_some(fields)
}

/// A line that is one key-action field (`Time frame: Q1 2026`): its name
/// and value.
fn action_field_line(line: &str) -> Option<(String, String)> {
    let (name, value) = line.split_once(':')?;
    is_field_name(name).then(|| (name.trim().to_string(), value.trim().to_string()))
}

/// True when `name` is a key-action field label (`Responsible`, `Time frame`…).
fn is_field_name(name: &str) -> bool {
    field_label(&vocab::fold(name)).is_some()
}

/// The key-action field a folded name labels, if any.
fn field_label(folded: &str) -> Option<Label> {
    vocab::ALL.iter().find_map(|v| {
        v.labels
            .iter()
            .find(|(w, l)| {
                *w == folded
                    && matches!(
                        l,
                        Label::KeyActions
                            | Label::TimeFrame
                            | Label::Responsible
                            | Label::Status
                            | Label::Comments
                    )
            })
            .map(|(_, l)| *l)
    })
}

/// What a column of action lines is found by: the field its label names,
/// so that `Timeframe` and `Time frame` on two lines are one column, or
/// its folded text when it names none.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum ColumnKey {
    Field(Label),
    Text(String),
}

impl ColumnKey {
    fn of(name: &str) -> Self {
        let folded = vocab::fold(name);
        match field_label(&folded) {
            Some(label) => ColumnKey::Field(label),
            None => ColumnKey::Text(folded),
        }
    }
}

/// The most columns made of unlabelled fields (`| extra |`) in one table.
/// Field labels (`Responsible:`, `Status:`) always have a column; there are
/// few of them, so a table is at most a few dozen columns wide.
const MAX_UNLABELLED_COLUMNS: usize = 32;

/// Turns the collected action lines into one table with a header row.
///
/// Columns are named in the order first seen and found by their folded
/// name in a map. The width is bounded: an unlabelled field past
/// [`MAX_UNLABELLED_COLUMNS`] joins its row's description (after ` | `)
/// instead of opening a column, so that one line of 100,000 distinct
/// fields followed by thousands of short lines does not make a grid of
/// their product (every row is as wide as the header).
fn flush_actions(out: &mut Vec<Block>, actions: &mut Vec<(Vec<(String, String)>, Lines)>) {
    if actions.is_empty() {
        return;
    }
    let mut names: Vec<String> = vec!["Key action".to_string()];
    let mut columns: HashMap<ColumnKey, usize> = HashMap::new();
    columns.insert(ColumnKey::of(&names[0]), 0);
    let mut unlabelled = 0usize;
    for (fields, _) in actions.iter() {
        for (name, _) in fields {
            if name.is_empty() {
                continue;
            }
            let key = ColumnKey::of(name);
            let labelled = matches!(key, ColumnKey::Field(_));
            if !labelled && unlabelled >= MAX_UNLABELLED_COLUMNS {
                continue;
            }
            if let Entry::Vacant(slot) = columns.entry(key) {
                slot.insert(names.len());
                names.push(name.clone());
                unlabelled += usize::from(!labelled);
            }
        }
    }
    let first = actions.first().map_or(1, |a| a.1.start);
    let last = actions.last().map_or(first, |a| a.1.end);
    let header = Row {
        cells: names.iter().map(|n| cell(n)).collect(),
        header: true,
        lines: Lines::one(first),
    };
    let mut rows = vec![header];
    for (fields, lines) in actions.drain(..) {
        let mut values = vec![String::new(); names.len()];
        let mut overflow: Vec<String> = Vec::new();
        for (name, value) in fields {
            let col = if name.is_empty() {
                Some(0)
            } else {
                columns.get(&ColumnKey::of(&name)).copied()
            };
            match (col, values.get_mut(col.unwrap_or(usize::MAX))) {
                (Some(_), Some(slot)) => *slot = value,
                // An unlabelled field with no column of its own: its text is
                // the name (its value is empty).
                _ => overflow.push(name),
            }
        }
        if !overflow.is_empty() {
            // In bounds: `names` starts with the key-action column.
            let description = &mut values[0];
            for text in overflow {
                if !description.is_empty() {
                    description.push_str(" | ");
                }
                description.push_str(&text);
            }
        }
        rows.push(Row {
            cells: values.iter().map(|v| cell(v)).collect(),
            header: false,
            lines,
        });
    }
    out.push(Block::new(
        BlockKind::Table(Table { rows }),
        Inline::default(),
        Lines::new(first, last),
    ));
}

fn cell(text: &str) -> Cell {
    Cell {
        inline: Inline::plain(text),
        ..Cell::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text of each cell of a table block, row by row.
    fn cell_texts(block: &Block) -> Vec<Vec<&str>> {
        block.table().map_or_else(Vec::new, |t| {
            t.rows
                .iter()
                .map(|r| r.cells.iter().map(|c| c.text()).collect())
                .collect()
        })
    }

    #[test]
    fn action_lines_become_a_table() {
        let blocks = read_text(
            "Key actions\n1.1 Do it | Responsible: PMU | Time frame: Q2 2021\nDo more | Time frame: 2022 | Responsible: UNDP\n",
        );
        assert_eq!(blocks.len(), 2);
        let texts = cell_texts(&blocks[1]);
        assert_eq!(texts[0], ["Key action", "Responsible", "Time frame"]);
        assert_eq!(texts[2], ["Do more", "UNDP", "2022"]);
    }

    #[test]
    fn a_tab_after_a_list_marker_makes_an_item() {
        let blocks = read_text("Points:\n\n1.\tFirst;\n•\tBullet\n");
        let texts: Vec<&str> = blocks.iter().map(|b| b.text()).collect();
        assert_eq!(texts, ["Points:", "1.\tFirst;", "- Bullet"]);
        assert!(blocks[1..].iter().all(|b| b.kind == BlockKind::ListItem));
    }

    #[test]
    fn field_lines_under_an_action_are_its_fields() {
        let blocks = read_text(
            "Key actions\n5.1 Publish the reports\n    Responsible: PMU\n    Time frame: Q1 2026\n5.2 Brief | Responsible: UNDP\n",
        );
        assert_eq!(blocks.len(), 2);
        let texts = cell_texts(&blocks[1]);
        assert_eq!(texts[0], ["Key action", "Responsible", "Time frame"]);
        assert_eq!(texts[1], ["5.1 Publish the reports", "PMU", "Q1 2026"]);
        assert_eq!(texts[2], ["5.2 Brief", "UNDP", ""]);
        assert_eq!(blocks[1].lines, Lines::new(2, 5));
        // A field line under a paragraph that is no numbered action stays
        // a paragraph of its own.
        let blocks = read_text("Some text\nStatus: draft\n");
        assert_eq!(blocks.len(), 2);
        assert!(blocks.iter().all(|b| b.table().is_none()));
    }

    #[test]
    fn labels_spelled_two_ways_fill_one_column() {
        let blocks = read_text(
            "Key actions\n3.2 Publish | Responsible: PMU | Timeframe: Ongoing\n3.3 Train | Responsible unit: WHO | Time frame: Q1 2024\n",
        );
        let texts = cell_texts(&blocks[1]);
        assert_eq!(texts[0], ["Key action", "Responsible", "Timeframe"]);
        assert_eq!(texts[2], ["3.3 Train", "WHO", "Q1 2024"]);
    }

    #[test]
    fn wrapped_lines_join_and_labels_split() {
        let blocks = read_text("Recommendation 1:\nThe project should\nfinalise.\n");
        assert_eq!(blocks.len(), 2);
        assert_eq!(blocks[1].text(), "The project should finalise.");
        assert_eq!(blocks[1].lines, Lines::new(2, 3));
    }
}
