//! Footnotes and endnotes as trailing paragraphs.
//!
//! Each real note (not a separator) becomes one [`BlockKind::Paragraph`] at
//! the end of the block stream: its number as a superscript, a space, then
//! its paragraphs joined as in a table cell. Notes come in the order the body
//! refers to them, footnotes numbered `1`, `2`, … and endnotes `i`, `ii`, …
//! as Word shows them by default; notes the body never refers to follow with
//! the next numbers. A note referred to with a custom mark carries that mark
//! in its own text and gets no number. Note paragraphs are numbered on from
//! the last paragraph of the body.

use std::collections::{HashMap, HashSet};

use super::body::{NoteKind, NoteRefs, RawNote, note_marker};
use super::para::{append, join_paras, trim_start};
use crate::block::{Block, BlockKind, Inline, Lines};

/// Appends the notes to `blocks`.
pub(super) fn emit(
    blocks: &mut Vec<Block>,
    mut refs: NoteRefs,
    footnotes: Vec<RawNote>,
    endnotes: Vec<RawNote>,
    mut line: u32,
) {
    let mut by_id: HashMap<(NoteKind, i64), RawNote> = HashMap::new();
    let mut unreferenced = Vec::new();
    for (kind, notes) in [(NoteKind::Foot, footnotes), (NoteKind::End, endnotes)] {
        for note in notes {
            if note.separator {
                continue;
            }
            unreferenced.push((kind, note.id));
            by_id.entry((kind, note.id)).or_insert(note);
        }
    }
    let referenced: HashSet<(NoteKind, i64)> =
        refs.order.iter().map(|&(k, id, _)| (k, id)).collect();
    let mut order: Vec<(NoteKind, i64, Option<u32>)> = Vec::new();
    for kind in [NoteKind::Foot, NoteKind::End] {
        order.extend(refs.order.iter().filter(|(k, ..)| *k == kind).copied());
        for &(k, id) in &unreferenced {
            // Word's own separators are ids -1 and 0 even without a type.
            if k == kind && id > 0 && !referenced.contains(&(k, id)) {
                order.push((k, id, Some(refs.next_number(k))));
            }
        }
    }
    for (kind, id, number) in order {
        let Some(note) = by_id.remove(&(kind, id)) else {
            continue;
        };
        let body = join_paras(&note.paras);
        if body.is_blank() {
            line = line.saturating_add(note.p_count);
            continue;
        }
        let inline = match number {
            Some(n) => {
                let mut inline = Inline::default();
                append(&mut inline, &note_marker(kind, n), false, true, false);
                inline.text.push(' ');
                inline.append(&trim_start(&body));
                inline
            }
            None => body,
        };
        let start = line.saturating_add(1);
        line = line.saturating_add(note.p_count.max(1));
        blocks.push(Block::new(
            BlockKind::Paragraph,
            inline,
            Lines::new(start, line),
        ));
    }
}
