//! The blocks layout: one block per recommendation (label, text, response,
//! comment), each followed by its own key-action table.

use super::decision::{DecisionSplit, split_decision};
use super::notes::{note_of, starts_with_marker};
use super::table::{action_from_row, is_placeholder, push_action, read_header};
use super::{Context, TextJoin};
use crate::block::{Block, BlockKind, Inline};
use crate::diagnostic::{Code, Diagnostic};
use crate::labels::find_block_label;
use crate::model::{Recommendation, Response};
use crate::vocab::Label;

/// Where unlabelled text goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// Before the first recommendation (the header left it to the body).
    Before,
    /// The recommendation's own text.
    Text,
    /// The response's comment.
    Comment,
    /// After a `Key actions` label, before its table.
    Actions,
    /// After a key-action table: notes, if no recommendation follows.
    AfterTable,
    /// The notes.
    Notes,
}

/// A recommendation being read.
struct Open {
    rec: Recommendation,
    text: TextJoin,
    comment: TextJoin,
}

/// Reads the recommendations and notes from block `start` on.
pub(crate) fn read_body(ctx: &mut Context<'_>, start: usize) {
    let blocks = ctx.blocks;
    let mut open: Option<Open> = None;
    let mut mode = Mode::Before;
    let mut pending_notes: Vec<usize> = Vec::new();
    let mut i = start;
    while i < blocks.len() {
        let block = &blocks[i];
        i += 1;
        let index = i - 1;
        if block.kind == BlockKind::Furniture {
            ctx.claim(index);
            continue;
        }
        // A caption names the table: reported as text of no field.
        if block.kind == BlockKind::Caption {
            continue;
        }
        if let Some(table) = block.table() {
            match (read_header(table), open.as_mut()) {
                (Some(header), Some(o)) if header.is_actions() => {
                    for index in header.rows..table.rows.len() {
                        if let Some(action) = action_from_row(ctx, &table.rows, index, &header) {
                            push_action(&mut o.rec.key_actions, action);
                        }
                    }
                    ctx.claim(index);
                    // Text before the table that waited as possible notes was not notes.
                    pending_notes.clear();
                    mode = Mode::AfterTable;
                }
                // A table of key actions before any recommendation stays
                // unclaimed text; any other table is an unknown one.
                (Some(header), None) if header.is_actions() => {}
                _ => ctx.report_unknown_table(index),
            }
            continue;
        }
        let label = find_block_label(&block.inline);
        match label.as_ref().map(|m| m.label) {
            Some(Label::Recommendation) => {
                let Some(m) = label else { continue };
                flush_notes(ctx, &mut pending_notes, false);
                finish(ctx, open.take());
                ctx.vote(m.language);
                ctx.report_qualifier(&m, block.text(), block.lines.start);
                let position = ctx.doc.recommendations.len() + 1;
                let mut text = TextJoin::default();
                text.push(&block.text()[m.rest..], false);
                open = Some(Open {
                    rec: Recommendation {
                        id: m.id.unwrap_or_else(|| position.to_string()),
                        text: String::new(),
                        response: Response {
                            decision: None,
                            decision_text: None,
                            comment: None,
                        },
                        key_actions: Vec::new(),
                        line: Some(block.lines.start),
                    },
                    text,
                    comment: TextJoin::default(),
                });
                ctx.claim(index);
                mode = Mode::Text;
            }
            Some(Label::Response) if open.is_some() && mode == Mode::Text => {
                let Some(m) = label else { continue };
                let Some(o) = open.as_mut() else { continue };
                ctx.vote(m.language);
                ctx.claim(index);
                let mut split = split_decision(&block.inline, m.rest);
                // "Management response:" alone: the decision leads the next block.
                if split.decision.is_none()
                    && split.comment.is_none()
                    && let Some(next) = blocks.get(i).filter(|b| is_plain_text(b))
                {
                    let next_split = split_decision(&next.inline, 0);
                    // The decision leads the next block (`Management response:`
                    // alone on its line, then `Partially agreed`).
                    if next_split.decision.is_some() {
                        split = next_split;
                        ctx.claim(i);
                        i += 1;
                    }
                }
                apply_decision(ctx, o, split, block.lines.start);
                mode = Mode::Comment;
            }
            Some(Label::KeyActions) if open.is_some() && block.kind != BlockKind::ListItem => {
                ctx.claim(index);
                mode = Mode::Actions;
            }
            _ => {
                let item = block.kind == BlockKind::ListItem;
                match (mode, open.as_mut()) {
                    // `Key actions` then `None.`: the recommendation has none.
                    (Mode::Actions, Some(_))
                        if block.kind == BlockKind::Paragraph && is_placeholder(block.text()) =>
                    {
                        ctx.claim(index);
                    }
                    (Mode::Text, Some(o)) => {
                        o.text.push(block.text(), item);
                        ctx.claim(index);
                    }
                    (Mode::Comment, Some(o)) if !starts_with_marker(&block.inline) => {
                        o.comment.push(block.text(), item);
                        ctx.claim(index);
                    }
                    (Mode::Comment | Mode::AfterTable | Mode::Notes | Mode::Actions, _) => {
                        pending_notes.push(index);
                        mode = if mode == Mode::Comment {
                            Mode::Notes
                        } else {
                            mode
                        };
                    }
                    _ => {}
                }
            }
        }
    }
    finish(ctx, open.take());
    flush_notes(ctx, &mut pending_notes, true);
}

/// True for a paragraph that carries no label.
fn is_plain_text(block: &Block) -> bool {
    matches!(block.kind, BlockKind::Paragraph) && find_block_label(&block.inline).is_none()
}

/// Records the decision of a response, with a warning when there is none.
fn apply_decision(ctx: &mut Context<'_>, o: &mut Open, split: DecisionSplit, line: u32) {
    if let Some(language) = split.language {
        ctx.vote(language);
    }
    match (&split.decision, &split.unknown_word) {
        (None, Some(word)) => ctx.warn(
            Diagnostic::new(
                Code::UnknownDecision,
                line,
                format!("`{word}` stands where the decision should but is in no vocabulary; kept in the comment"),
            )
            .with_text(word.clone()),
        ),
        (None, None) => ctx.warn(Diagnostic::new(
            Code::MissingDecision,
            line,
            "the response states no decision; the whole response is kept as its comment",
        )),
        _ => {}
    }
    o.rec.response.decision = split.decision;
    o.rec.response.decision_text = split.decision_text;
    if let Some(comment) = split.comment {
        o.comment.push(&comment, false);
    }
}

/// Closes a recommendation and adds it to the document.
fn finish(ctx: &mut Context<'_>, open: Option<Open>) {
    let Some(mut o) = open else { return };
    o.rec.text = o.text.finish().unwrap_or_default();
    o.rec.response.comment = o.comment.finish();
    if o.rec.response.decision.is_none() && o.rec.response.comment.is_none() {
        let line = o.rec.line.unwrap_or(1);
        if ctx.last_decision_warning.is_none_or(|last| last < line) {
            ctx.warn(Diagnostic::new(
                Code::MissingDecision,
                line,
                format!("recommendation {} has no management response", o.rec.id),
            ));
        }
    }
    ctx.doc.recommendations.push(o.rec);
}

/// Turns the blocks that waited after the last table into notes; before a
/// further recommendation they stay unclaimed (and so are reported).
fn flush_notes(ctx: &mut Context<'_>, pending: &mut Vec<usize>, at_end: bool) {
    if at_end {
        for &i in pending.iter() {
            let inline: &Inline = &ctx.blocks[i].inline;
            let note = note_of(inline, true);
            if !note.text.is_empty() || note.marker.is_some() {
                ctx.doc.notes.push(note);
            }
            ctx.claim(i);
        }
    }
    pending.clear();
}
