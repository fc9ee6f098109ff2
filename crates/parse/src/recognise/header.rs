//! The header: everything before the first recommendation. The title (from
//! the "Management Response" heading), the contributors (one column or two
//! flattened line by line, or a table), and the overall comments.

use super::{Context, TextJoin, table};
use crate::block::{Block, BlockKind};
use crate::cleantext::{clean, clean_opt};
use crate::labels::{LabelMatch, find_label, find_title_label};
use crate::model::Contributor;
use crate::vocab::{self, Label};

/// Where a header block's text goes next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Start,
    Contributors,
    Overall,
}

/// Reads the header; returns the index of the first block of the body.
pub(crate) fn read_header(ctx: &mut Context<'_>) -> usize {
    let blocks = ctx.blocks;
    let mut mode = Mode::Start;
    let mut overall = TextJoin::default();
    let mut lone_title_label: Option<usize> = None;
    let mut candidate_title: Option<usize> = None;
    let mut i = 0;
    while i < blocks.len() {
        let block = &blocks[i];
        if block.kind == BlockKind::Furniture {
            ctx.claim(i);
            i += 1;
            continue;
        }
        if let Some(t) = block.table() {
            if table::is_contributor_table(t) {
                contributors_from_table(ctx, t);
                ctx.claim(i);
                mode = Mode::Contributors;
                i += 1;
                continue;
            }
            break;
        }
        let title_label = if ctx.doc.title.is_none() {
            find_title_label(block.text())
        } else {
            None
        };
        let label = find_label(block.text());
        match label.as_ref().map(|m| m.label) {
            Some(Label::Recommendation) | Some(Label::KeyActions) => break,
            _ if title_label.is_some() => {
                let (language, rest) = title_label.unwrap_or((crate::model::Language::En, 0));
                ctx.vote(language);
                let title = clean_title(&block.text()[rest..]);
                ctx.claim(i);
                if title.is_empty() {
                    lone_title_label = Some(i);
                    if let Some(c) = candidate_title.take() {
                        ctx.doc.title = Some(clean_title(blocks[c].text()));
                        ctx.claim(c);
                    }
                } else {
                    ctx.doc.title = Some(title);
                }
            }
            Some(Label::OverallComments) => {
                if let Some(m) = &label {
                    ctx.vote(m.language);
                    overall.push(&block.text()[m.rest..], false);
                }
                ctx.claim(i);
                mode = Mode::Overall;
            }
            Some(Label::Role) | Some(Label::Position) | Some(Label::Unit) => {
                contributor_lines(ctx, block.text());
                ctx.claim(i);
                mode = Mode::Contributors;
            }
            _ => {
                let title_like =
                    matches!(block.kind, BlockKind::Heading(_)) || block.inline.is_all_bold();
                if ctx.doc.title.is_none() && lone_title_label.is_some() && title_like {
                    ctx.doc.title = Some(clean_title(block.text()));
                    ctx.claim(i);
                    lone_title_label = None;
                } else if ctx.doc.title.is_none()
                    && mode == Mode::Start
                    && title_like
                    && candidate_title.is_none()
                {
                    // A heading before any label: the title if a lone label follows.
                    candidate_title = Some(i);
                } else if is_note_like(block) && mode != Mode::Start {
                    break;
                } else {
                    overall.push(block.text(), block.kind == BlockKind::ListItem);
                    ctx.claim(i);
                    mode = Mode::Overall;
                }
            }
        }
        i += 1;
    }
    // A heading that no lone label claimed is the title when none was found.
    if let (None, Some(c)) = (&ctx.doc.title, candidate_title)
        && !ctx.claimed[c]
    {
        ctx.doc.title = Some(clean_title(blocks[c].text()));
        ctx.claim(c);
    }
    ctx.doc.overall_comments = overall.finish();
    i
}

/// A block that opens the notes rather than the overall comments.
fn is_note_like(block: &Block) -> bool {
    super::notes::starts_with_marker(&block.inline)
}

/// Reads `Prepared by: X`, `Position: Y`, `Unit/Bureau: Z` lines of one block.
fn contributor_lines(ctx: &mut Context<'_>, text: &str) {
    for line in text.split('\n') {
        if let Some(m) = find_label(line) {
            contributor_field(ctx, &m, &line[m.rest..]);
        }
    }
}

/// Applies one header label. Consecutive role lines open a group of people
/// (a two-column header flattened line by line); the positions and units
/// that follow fill that group's people in order.
fn contributor_field(ctx: &mut Context<'_>, m: &LabelMatch, value: &str) {
    let value = clean_opt(value);
    ctx.vote(m.language);
    let group = &mut ctx.header_group;
    let people = &mut ctx.doc.contributors;
    match m.label {
        Label::Role => {
            if !group.last_was_role {
                *group = Group {
                    start: people.len(),
                    ..Group::default()
                };
            }
            group.last_was_role = true;
            people.push(Contributor {
                role: clean(m.role.as_deref().unwrap_or_default()),
                name: value,
                position: None,
                unit: None,
            });
        }
        Label::Position => {
            group.last_was_role = false;
            if let Some(p) = people.get_mut(group.start + group.positions) {
                p.position = value;
            }
            group.positions += 1;
        }
        Label::Unit => {
            group.last_was_role = false;
            if let Some(p) = people.get_mut(group.start + group.units) {
                p.unit = value;
            }
            group.units += 1;
        }
        _ => {}
    }
}

/// The people a run of role lines opened, and how many of their positions
/// and units have been read.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Group {
    start: usize,
    positions: usize,
    units: usize,
    last_was_role: bool,
}

/// A contributors table: each column is one person, read top to bottom.
fn contributors_from_table(ctx: &mut Context<'_>, t: &crate::block::Table) {
    // Read row by row, then put in column order by a stable sort: walking
    // every column of every row was quadratic for one wide row over many
    // short ones.
    let mut fields: Vec<(usize, LabelMatch, String)> = Vec::new();
    for row in &t.rows {
        for (col, cell) in row.cells.iter().enumerate() {
            for line in cell.text().split('\n') {
                if let Some(m) = find_label(line) {
                    let value = line[m.rest..].to_string();
                    fields.push((col, m, value));
                }
            }
        }
    }
    fields.sort_by_key(|(col, _, _)| *col);
    // Column by column: each column is one group of people.
    let mut column = usize::MAX;
    for (col, m, value) in &fields {
        if *col != column {
            column = *col;
            ctx.header_group = Group::default();
        }
        contributor_field(ctx, m, value);
    }
}

/// The title without its connecting words and surrounding quotes.
pub(crate) fn clean_title(text: &str) -> String {
    let whole = clean(text).replace('\n', " ");
    let mut t: &str = &whole;
    loop {
        let trimmed = t.trim_start_matches(|c: char| {
            c.is_whitespace() || matches!(c, ':' | '–' | '—' | '-' | '\u{a0}')
        });
        // Connectors are a few characters long: fold only the head of the
        // text. Folding (and copying) all of it once per connector was
        // quadratic in a title of thousands of "to to to …".
        let head: String = trimmed.chars().take(TITLE_HEAD).collect();
        let folded = vocab::fold(&head);
        let connector = TITLE_CONNECTORS.iter().find(|c| {
            folded.starts_with(*c) && {
                let rest = &folded[c.len()..];
                c.ends_with('\'') || rest.starts_with(' ')
            }
        });
        match connector {
            Some(c) => {
                let skip: usize = trimmed
                    .chars()
                    .take(c.chars().count())
                    .map(char::len_utf8)
                    .sum();
                t = &trimmed[skip..];
            }
            None => {
                t = trimmed;
                break;
            }
        }
    }
    let quotes = |c: char| {
        c.is_whitespace() || matches!(c, '"' | '“' | '”' | '«' | '»' | '„' | '‘' | '’' | '\'')
    };
    let inner = t.trim_matches(quotes);
    // Keep a quote that belongs to the text (an apostrophe inside it).
    inner.to_string()
}

/// How many leading characters of a title are folded to look for a
/// connector: more than the longest connector and the space after it.
const TITLE_HEAD: usize = 16;

/// Connecting words between the "Management Response" label and the title.
const TITLE_CONNECTORS: &[&str] = &[
    "to the", "to", "for the", "for", "on the", "on", "of the", "à l'", "à la", "au", "aux", "à",
    "a la", "al", "a los", "a las", "de la", "del", "de l'", "du", "des",
];

#[cfg(test)]
mod tests {
    use super::clean_title;

    #[test]
    fn titles() {
        assert_eq!(
            clean_title(" to the Evaluation of the Benin Country Programme"),
            "Evaluation of the Benin Country Programme"
        );
        assert_eq!(clean_title(" “Strengthen National”"), "Strengthen National");
        assert_eq!(
            clean_title("\u{a0}: «\u{a0}Évaluation finale\u{a0}»"),
            "Évaluation finale"
        );
        assert_eq!(clean_title(": Evaluación final"), "Evaluación final");
        assert_eq!(
            clean_title("à l'évaluation du projet"),
            "évaluation du projet"
        );
    }
}
