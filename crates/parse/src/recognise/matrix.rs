//! The matrix layout: one table whose rows are recommendations (FAO, GEF,
//! WFP style). A row with an empty or row-spanned recommendation cell adds
//! its key action to the recommendation above.

use super::decision::split_decision;
use super::notes::{note_of, starts_with_marker};
use super::split_action_id;
use super::table::{Column, action_from_row, cell_text, push_action, read_header};
use super::{Context, TextJoin};
use crate::block::{BlockKind, Span};
use crate::cleantext::clean;
use crate::diagnostic::{Code, Diagnostic};
use crate::labels::{find_block_label, find_label};
use crate::model::{Recommendation, Response};
use crate::vocab::Label;

/// The index of the matrix table, if the body is one: the first table at or
/// after `start` whose header has recommendation and response columns,
/// with no recommendation label before it.
pub(crate) fn find_matrix(ctx: &Context<'_>, start: usize) -> Option<usize> {
    for (i, block) in ctx.blocks.iter().enumerate().skip(start) {
        if let Some(table) = block.table() {
            if read_header(table).is_some_and(|h| h.is_matrix()) {
                return Some(i);
            }
            continue;
        }
        if find_block_label(&block.inline).is_some_and(|m| m.label == Label::Recommendation) {
            return None;
        }
    }
    None
}

/// Reads the matrix table at `at` and any later table with the matrix's
/// header, then the notes after the last. Blocks between the header and
/// the table are overall comments.
pub(crate) fn read_matrix(ctx: &mut Context<'_>, start: usize, at: usize) {
    let blocks = ctx.blocks;
    let mut overall = TextJoin::default();
    if let Some(existing) = ctx.doc.overall_comments.take() {
        overall.push(&existing, false);
    }
    for (i, block) in blocks.iter().enumerate().take(at).skip(start) {
        match &block.kind {
            BlockKind::Furniture => ctx.claim(i),
            // A caption names the table: reported as text of no field.
            BlockKind::Table(_) | BlockKind::Caption => {}
            _ => {
                let text = block.text();
                let body = match find_label(text) {
                    Some(m) if m.label == Label::OverallComments => &text[m.rest..],
                    _ => text,
                };
                overall.push(body, block.kind == BlockKind::ListItem);
                ctx.claim(i);
            }
        }
    }
    ctx.doc.overall_comments = overall.finish();
    if let Some(table) = blocks[at].table() {
        read_rows(ctx, table);
        ctx.claim(at);
    }
    // A matrix broken into several tables (at a page break, or under group
    // headings): each table with the matrix's header goes on with its rows.
    let is_matrix = |table: &crate::block::Table| read_header(table).is_some_and(|h| h.is_matrix());
    let last_table = (at + 1..blocks.len())
        .rev()
        .find(|&i| blocks[i].table().is_some_and(is_matrix))
        .unwrap_or(at);
    for (i, block) in blocks.iter().enumerate().skip(at + 1) {
        match &block.kind {
            BlockKind::Furniture => ctx.claim(i),
            BlockKind::Table(table) if i <= last_table && is_matrix(table) => {
                read_rows(ctx, table);
                ctx.claim(i);
            }
            // A caption names the table: reported as text of no field.
            BlockKind::Table(_) | BlockKind::Caption => {}
            // Text between two of the matrix's tables (a group's heading)
            // is no note: reported as text of no field.
            _ if i < last_table => {}
            _ => {
                let note = note_of(&block.inline, true);
                if !note.text.is_empty() {
                    ctx.doc.notes.push(note);
                }
                ctx.claim(i);
            }
        }
    }
}

/// True when every cell of the row but the recommendation's is empty or
/// covered by the cell to its left.
fn others_empty(row: &crate::block::Row, rec_col: Option<usize>) -> bool {
    row.cells
        .iter()
        .enumerate()
        .filter(|(i, _)| Some(*i) != rec_col)
        .all(|(_, c)| c.span == Span::FromLeft || c.inline.is_blank())
}

/// True for a row of one filled cell (see [`others_empty`]) that heads a
/// group of recommendations (`Strategic recommendations`, across the table
/// or bold in its first cell): its recommendation cell holds a few words,
/// bold or spanning the row, with no label, number or full stop.
fn is_group_row(row: &crate::block::Row, rec_col: Option<usize>) -> bool {
    let Some(cell) = rec_col.and_then(|c| row.cells.get(c)) else {
        return false;
    };
    let spans_row = row
        .cells
        .iter()
        .skip(rec_col.unwrap_or(0) + 1)
        .all(|c| c.span == Span::FromLeft);
    let text = cell.text().trim();
    (cell.inline.is_all_bold() || spans_row)
        && text.split_whitespace().count() <= 8
        && !text.ends_with('.')
        && find_block_label(&cell.inline).is_none()
        && split_action_id(text).0.is_none()
}

fn read_rows(ctx: &mut Context<'_>, table: &crate::block::Table) {
    let Some(mut header) = read_header(table) else {
        return;
    };
    let rec_col = header.find(&Column::Recommendation);
    let resp_col = header.find(&Column::Response);
    // A number column before the recommendation numbers recommendations, not
    // actions: it is read here and left out of the actions.
    let number_col = header
        .find(&Column::Id)
        .filter(|&n| rec_col.is_some_and(|r| n < r));
    if let Some(n) = number_col {
        header.reassign(n, Column::RecommendationNumber);
    }
    // Response text of the continuation rows of the last recommendation,
    // joined to its comment once the recommendation ends: joining at every
    // row re-cleaned the whole comment each time, quadratic in the rows.
    let mut continued: Vec<&str> = Vec::new();
    for (index, row) in table.rows.iter().enumerate().skip(header.rows) {
        let rec_cell = rec_col.and_then(|c| row.cells.get(c));
        let starts = rec_cell.is_some_and(|c| c.span == Span::Own && !c.inline.is_blank());
        // A footnote in a row of its own (`<tfoot>`, or a last row spanning
        // the table): a note, not a recommendation.
        // A row of one filled cell: a footnote, a group's heading, or a
        // recommendation with no response yet.
        let alone = starts && others_empty(row, rec_col);
        if alone && rec_cell.is_some_and(|c| starts_with_marker(&c.inline)) {
            join_continued(ctx, &mut continued);
            if let Some(c) = rec_cell {
                ctx.doc.notes.push(note_of(&c.inline, true));
            }
            continue;
        }
        if alone && is_group_row(row, rec_col) {
            join_continued(ctx, &mut continued);
            ctx.warn(
                Diagnostic::new(
                    Code::UnclaimedText,
                    row.lines.start,
                    "a row that only heads the rows below it is no recommendation; its text is not in the output",
                )
                .with_text(cell_text(row, rec_col).trim()),
            );
            continue;
        }
        if starts {
            join_continued(ctx, &mut continued);
            let cell = rec_cell.map(|c| &c.inline);
            let text = cell.map_or("", |c| c.text.as_str());
            let number = number_col
                .map(|n| cell_text(row, Some(n)))
                .map(|t| crate::cleantext::trim_trailing_punct(t.trim()).to_string())
                .filter(|t| !t.is_empty());
            let position = ctx.doc.recommendations.len() + 1;
            let fallback = number.unwrap_or_else(|| position.to_string());
            let (id, body) = match cell.and_then(find_block_label) {
                Some(m) if m.label == Label::Recommendation => {
                    ctx.vote(m.language);
                    ctx.report_qualifier(&m, text, row.lines.start);
                    (m.id.unwrap_or(fallback), &text[m.rest..])
                }
                // `2. WFP should…`: the cell numbers its recommendation.
                _ => match split_action_id(text) {
                    (Some(id), body) if id.starts_with(|c: char| c.is_ascii_digit()) => (id, body),
                    _ => (fallback, text),
                },
            };
            let mut rec = Recommendation {
                id,
                text: clean(body),
                response: Response {
                    decision: None,
                    decision_text: None,
                    comment: None,
                },
                key_actions: Vec::new(),
                line: Some(row.lines.start),
            };
            let response = resp_col.and_then(|c| row.cells.get(c));
            if let Some(cell) = response.filter(|c| !c.inline.is_blank()) {
                let split = split_decision(&cell.inline, 0);
                if let Some(language) = split.language {
                    ctx.vote(language);
                }
                match (&split.decision, &split.unknown_word) {
                    (Some(_), _) => {}
                    (None, Some(word)) => ctx.warn(
                        Diagnostic::new(
                            Code::UnknownDecision,
                            row.lines.start,
                            format!(
                                "`{word}` stands where the decision should but is in no vocabulary; kept in the comment"
                            ),
                        )
                        .with_text(word.clone()),
                    ),
                    (None, None) => ctx.warn(Diagnostic::new(
                        Code::MissingDecision,
                        row.lines.start,
                        "the response cell states no decision; the whole response is kept as its comment",
                    )),
                }
                rec.response = Response {
                    decision: split.decision,
                    decision_text: split.decision_text,
                    comment: split.comment,
                };
            } else {
                ctx.warn(Diagnostic::new(
                    Code::MissingDecision,
                    row.lines.start,
                    format!("recommendation {} has no management response", rec.id),
                ));
            }
            ctx.doc.recommendations.push(rec);
        } else {
            // A continuation row: a response cell of its own adds to the comment.
            let extra = cell_text(row, resp_col);
            let own = resp_col
                .and_then(|c| row.cells.get(c))
                .is_some_and(|c| c.span == Span::Own);
            if own && !extra.trim().is_empty() && !ctx.doc.recommendations.is_empty() {
                continued.push(extra);
            }
        }
        if let Some(action) = action_from_row(ctx, &table.rows, index, &header) {
            match ctx.doc.recommendations.last_mut() {
                Some(rec) => push_action(&mut rec.key_actions, action),
                None => ctx.warn(
                    Diagnostic::new(
                        Code::UnclaimedText,
                        row.lines.start,
                        "key action before any recommendation",
                    )
                    .with_text(action.description),
                ),
            }
        }
    }
    join_continued(ctx, &mut continued);
}

/// Adds the continuation rows' response text to the last recommendation's
/// comment.
fn join_continued(ctx: &mut Context<'_>, continued: &mut Vec<&str>) {
    if continued.is_empty() {
        return;
    }
    if let Some(rec) = ctx.doc.recommendations.last_mut() {
        let mut join = TextJoin::default();
        if let Some(c) = rec.response.comment.take() {
            join.push(&c, false);
        }
        for extra in continued.iter() {
            join.push(extra, false);
        }
        rec.response.comment = join.finish();
    }
    continued.clear();
}
