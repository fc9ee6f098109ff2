//! The header: everything before the first recommendation. The title (from
//! the "Management Response" heading), the contributors (one column or two
//! flattened line by line, or a table), and the overall comments.

use super::{Context, TextJoin, table};
use crate::block::{Block, BlockKind};
use crate::cleantext::{clean, clean_opt};
use crate::diagnostic::{Code, Diagnostic};
use crate::labels::{LabelMatch, find_block_label, find_label, find_title_label, is_field_line};
use crate::model::Contributor;
use crate::vocab::{self, Label};

/// True for a paragraph of at most three lines that reads as a title: not
/// a sentence (no closing full stop) and not a long one.
fn is_title_line(block: &Block) -> bool {
    let text = block.text().trim();
    block.kind == BlockKind::Paragraph
        && block.lines.end - block.lines.start < 3
        && !text.ends_with('.')
        && text.chars().count() <= 200
}

/// True for a one-line `Label: value` paragraph whose label no vocabulary
/// knows (it found none before this is asked).
fn is_unknown_field_line(block: &Block) -> bool {
    block.kind == BlockKind::Paragraph
        && block.lines.start == block.lines.end
        && is_field_line(block.text())
}

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
        // A caption names the table: reported as text of no field.
        if block.kind == BlockKind::Caption {
            i += 1;
            continue;
        }
        if let Some(t) = block.table() {
            if contributors_by_column(ctx, t) {
                ctx.claim(i);
                mode = Mode::Contributors;
                i += 1;
                continue;
            }
            if table::is_contributor_table(t) {
                contributors_from_table(ctx, t);
                ctx.claim(i);
                mode = Mode::Contributors;
                i += 1;
                continue;
            }
            // Key actions or a matrix start the body; any other table (an
            // evaluation's fact box) is reported, and the header goes on.
            if table::read_header(t).is_some_and(|h| h.is_actions() || h.is_matrix()) {
                break;
            }
            ctx.report_unknown_table(i);
            i += 1;
            continue;
        }
        let title_label = if ctx.doc.title.is_none() {
            find_title_label(block.text())
        } else {
            None
        };
        let label = find_block_label(&block.inline);
        match (label.as_ref().map(|m| m.label), title_label) {
            (Some(Label::Recommendation) | Some(Label::KeyActions), _) => break,
            (_, Some((language, rest))) => {
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
            (Some(Label::OverallComments), None) => {
                if let Some(m) = &label {
                    ctx.vote(m.language);
                    overall.push(&block.text()[m.rest..], false);
                }
                ctx.claim(i);
                mode = Mode::Overall;
            }
            // Once the overall comments have begun, header labels are their text.
            (Some(Label::Role) | Some(Label::Position) | Some(Label::Unit), None)
                if mode != Mode::Overall =>
            {
                contributor_lines(ctx, block);
                ctx.claim(i);
                mode = Mode::Contributors;
            }
            _ => {
                // Plain text has no headings: there, the one line right after
                // a lone label is the title when it reads as one.
                let title_like = matches!(block.kind, BlockKind::Heading(_))
                    || block.inline.is_all_bold()
                    || lone_title_label == i.checked_sub(1) && is_title_line(block);
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
                } else if mode != Mode::Overall && is_unknown_field_line(block) {
                    // `Date: 12 March 2024` among the contributors: no field of
                    // the model holds it, and it opens no overall comments.
                    ctx.report(
                        i,
                        Diagnostic::new(
                            Code::UnclaimedText,
                            block.lines.start,
                            "header line of a field the model has no place for; it is not in the output",
                        )
                        .with_text(block.text().trim()),
                    );
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

/// Reads `Prepared by: X`, `Position: Y`, `Unit/Bureau: Z` lines of one
/// block; a line that places nothing is reported with its line.
fn contributor_lines(ctx: &mut Context<'_>, block: &Block) {
    for (k, line) in block.text().split('\n').enumerate() {
        let at = line_of(block, k);
        let fields = header_fields(line);
        if fields.is_empty() {
            unplaced(ctx, at, line);
        }
        for (m, value) in fields {
            if !contributor_field(ctx, &m, value) {
                unplaced(ctx, at, line);
            }
        }
    }
}

/// The source line of the `k`th line of a block's text: its own where the
/// block has as many source lines as text lines, else the block's first.
fn line_of(block: &Block, k: usize) -> u32 {
    let lines = block.lines;
    let k = u32::try_from(k).unwrap_or(u32::MAX);
    match lines.start.checked_add(k) {
        Some(line) if line <= lines.end => line,
        _ => lines.start,
    }
}

/// Reports a header line no contributor field takes.
fn unplaced(ctx: &mut Context<'_>, line: u32, text: &str) {
    if text.trim().is_empty() {
        return;
    }
    ctx.warn(
        Diagnostic::new(
            Code::UnclaimedText,
            line,
            "no contributor field takes this header line; it is not in the output",
        )
        .with_text(clean(text)),
    );
}

/// The header labels of one line and the value of each. A line usually
/// holds one label, but where the lines of a header were joined into one
/// paragraph (a Markdown soft break that a converter made a space) the
/// later labels follow in the same line: `Prepared by: A Position: B
/// Unit/Bureau: C`. Such a later label counts only when a colon closes it
/// and it is a position, a unit or one of the vocabularies' roles (not any
/// `X by Y:`), so that ordinary text in a value is not cut.
fn header_fields(line: &str) -> Vec<(LabelMatch, &str)> {
    let Some(first) = find_label(line) else {
        return Vec::new();
    };
    let mut fields = Vec::new();
    let (mut label, mut start) = (first, 0);
    loop {
        let value_start = start + label.rest;
        let next = line[value_start..]
            .char_indices()
            .filter(|&(i, c)| i > 0 && c.is_whitespace())
            .find_map(|(i, c)| {
                let at = value_start + i + c.len_utf8();
                inline_header_label(&line[at..]).map(|m| (at, m))
            });
        match next {
            Some((at, m)) => {
                fields.push((label, line[value_start..at].trim_end()));
                (label, start) = (m, at);
            }
            None => {
                fields.push((label, &line[value_start..]));
                return fields;
            }
        }
    }
}

/// A position, unit or known role label closed by a colon at the start of
/// `text`, as [`header_fields`] accepts inside a line.
fn inline_header_label(text: &str) -> Option<LabelMatch> {
    if text.starts_with(char::is_whitespace) {
        return None;
    }
    let m = find_label(text)?;
    let known_role = || {
        let folded = vocab::fold(m.role.as_deref().unwrap_or_default());
        vocab::ALL.iter().any(|v| {
            v.roles.iter().any(|r| {
                folded
                    .strip_prefix(r)
                    .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
            })
        })
    };
    let wanted = match m.label {
        Label::Position | Label::Unit => true,
        Label::Role => known_role(),
        _ => false,
    };
    let colon = text[..m.rest].contains([':', '：']);
    (wanted && colon).then_some(m)
}

/// Applies one header label. Consecutive role lines open a group of people
/// (a two-column header flattened line by line); the positions and units
/// that follow fill that group's people in order. False when the field has
/// no place: a position or unit with no person left for it, or a label
/// that is not a contributor's.
fn contributor_field(ctx: &mut Context<'_>, m: &LabelMatch, value: &str) -> bool {
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
            let person = people.get_mut(group.start + group.positions);
            group.positions += 1;
            match person {
                Some(p) => p.position = value,
                None => return value.is_none(),
            }
        }
        Label::Unit => {
            group.last_was_role = false;
            let person = people.get_mut(group.start + group.units);
            group.units += 1;
            match person {
                Some(p) => p.unit = value,
                None => return value.is_none(),
            }
        }
        _ => return false,
    }
    true
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

/// A contributors table whose header row holds the roles, one person a
/// column: with a first column naming the fields (`| | Prepared by |
/// Cleared by |`, then `| Name | … |`, `| Position | … |`, `| Unit | … |`),
/// or without, its rows then being the name, the position and the unit in
/// that order. Reads it and returns true when `t` is one.
fn contributors_by_column(ctx: &mut Context<'_>, t: &crate::block::Table) -> bool {
    let Some(shape) = ByColumn::of(t) else {
        return false;
    };
    let Some((head, rows)) = t.rows.split_first() else {
        return false;
    };
    for (k, role) in shape.roles.iter().enumerate() {
        let col = k + shape.first;
        let Some(role) = role else {
            // A column under no role: its header and cells are in no field.
            unplaced(ctx, head.lines.start, table::cell_text(head, Some(col)));
            for row in rows {
                unplaced(ctx, row.lines.start, table::cell_text(row, Some(col)));
            }
            continue;
        };
        ctx.vote(role.language);
        let mut person = Contributor {
            role: clean(role.role.as_deref().unwrap_or_default()),
            name: None,
            position: None,
            unit: None,
        };
        for (row, field) in rows.iter().zip(&shape.fields) {
            let value = clean_opt(table::cell_text(row, Some(col)));
            match field {
                Some(Field::Name) => person.name = value,
                Some(Field::Position) => person.position = value,
                Some(Field::Unit) => person.unit = value,
                None => {}
            }
        }
        ctx.doc.contributors.push(person);
    }
    for (row, field) in rows.iter().zip(&shape.fields) {
        if field.is_none() {
            let text: Vec<&str> = row.cells.iter().map(|c| c.text()).collect();
            unplaced(ctx, row.lines.start, &text.join(" | "));
        }
    }
    ctx.header_group = Group::default();
    true
}

/// The shape of a contributors table read by column.
struct ByColumn {
    /// The first column of people: 1 after a column of field names, else 0.
    first: usize,
    /// The role heading each column of people, if it is one.
    roles: Vec<Option<LabelMatch>>,
    /// The field each body row holds, if known.
    fields: Vec<Option<Field>>,
}

impl ByColumn {
    /// The shape of `t` when its header row holds roles (after an empty
    /// first cell, or in every cell) and its rows known fields.
    fn of(t: &crate::block::Table) -> Option<ByColumn> {
        let (head, rows) = t.rows.split_first()?;
        // Without a column of field names, every header cell is a role.
        let named = !head.cells.iter().all(|c| whole_role(c.text()).is_some());
        let first_empty = head.cells.first().is_none_or(|c| c.inline.is_blank());
        if named && !first_empty {
            return None;
        }
        let first = usize::from(named);
        let roles: Vec<Option<LabelMatch>> = head
            .cells
            .iter()
            .skip(first)
            .map(|c| whole_role(c.text()))
            .collect();
        let fields: Vec<Option<Field>> = rows
            .iter()
            .enumerate()
            .map(|(i, r)| match named {
                false => [Field::Name, Field::Position, Field::Unit].get(i).copied(),
                true => Field::named(r.cells.first().map_or("", |c| c.text())),
            })
            .collect();
        let known = roles.iter().any(Option::is_some) && fields.iter().any(Option::is_some);
        known.then_some(ByColumn {
            first,
            roles,
            fields,
        })
    }
}

/// A label standing alone in a cell, as if a colon closed it.
fn whole_label(text: &str) -> Option<LabelMatch> {
    let text = text.trim().trim_end_matches(':').trim_end();
    let closed = format!("{text}:");
    find_label(&closed).filter(|m| m.rest == closed.len())
}

/// A role standing alone in a cell (`Prepared by`).
fn whole_role(text: &str) -> Option<LabelMatch> {
    whole_label(text).filter(|m| m.label == Label::Role)
}

/// A field of a contributor, named in the first column of a table.
#[derive(Debug, Clone, Copy)]
enum Field {
    Name,
    Position,
    Unit,
}

impl Field {
    /// The field a first-column cell names: `Name`, `Position`, `Unit`.
    fn named(text: &str) -> Option<Field> {
        if is_name_word(text) {
            return Some(Field::Name);
        }
        match whole_label(text)?.label {
            Label::Position => Some(Field::Position),
            Label::Unit => Some(Field::Unit),
            _ => None,
        }
    }
}

/// True for the word that names the row of names: `Name`, `Nom`, `Nombre`.
fn is_name_word(text: &str) -> bool {
    let text = text.trim().trim_end_matches(':').trim_end();
    text.len() <= 24
        && matches!(
            vocab::fold(text).as_str(),
            "name"
                | "names"
                | "full name"
                | "nom"
                | "noms"
                | "nom et prenom"
                | "nombre"
                | "nombres"
                | "nombre y apellido"
        )
}

/// A contributors table: each column is one person, read top to bottom.
fn contributors_from_table(ctx: &mut Context<'_>, t: &crate::block::Table) {
    // Read row by row, then put in column order by a stable sort: walking
    // every column of every row was quadratic for one wide row over many
    // short ones.
    let mut fields: Vec<(usize, LabelMatch, String, u32)> = Vec::new();
    for row in &t.rows {
        // A label alone in its cell (`Prepared by:`) takes the next cell,
        // when that holds no label, as its value: `| Prepared by: | A B |
        // Cleared by: | C D |`.
        let mut lone: Option<(usize, LabelMatch)> = None;
        for (col, cell) in row.cells.iter().enumerate() {
            let text = cell.text().trim();
            // The fields of a one-line cell, read once.
            let one_line = (!text.contains('\n')).then(|| header_fields(text));
            if let Some((at, m)) = lone.take() {
                if one_line.as_ref().is_some_and(Vec::is_empty) {
                    fields.push((at, m, text.to_string(), row.lines.start));
                    continue;
                }
                fields.push((at, m, String::new(), row.lines.start));
            }
            if let Some([(m, value)]) = one_line.as_deref()
                && value.trim().is_empty()
            {
                lone = Some((col, m.clone()));
                continue;
            }
            for line in cell.text().split('\n') {
                let found = header_fields(line);
                if found.is_empty() {
                    unplaced(ctx, row.lines.start, line);
                }
                for (m, value) in found {
                    fields.push((col, m, value.to_string(), row.lines.start));
                }
            }
        }
        if let Some((at, m)) = lone {
            fields.push((at, m, String::new(), row.lines.start));
        }
    }
    fields.sort_by_key(|(col, _, _, _)| *col);
    // Column by column: each column is one group of people.
    let mut column = usize::MAX;
    for (col, m, value, line) in &fields {
        if *col != column {
            column = *col;
            ctx.header_group = Group::default();
        }
        if !contributor_field(ctx, m, value) {
            unplaced(ctx, *line, value);
        }
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
            // Folded, `à` is `a`: the French word alone is a connector, the
            // English article (`A Review of …`) is the title's own.
            (**c != "a" || trimmed.starts_with(['à', 'À'])) && folded.starts_with(*c) && {
                let rest = &folded[c.len()..];
                c.ends_with('\'') || rest.starts_with([' ', ':'])
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
    strip_surrounding_quotes(without_trailing_label(t)).to_string()
}

/// A title without the title label it ends with (`Final Evaluation of the
/// Programme – Management Response`).
fn without_trailing_label(title: &str) -> &str {
    let Some((head, tail)) = [" – ", " — ", " - ", ": "]
        .iter()
        .filter_map(|sep| title.rsplit_once(sep))
        .max_by_key(|(head, _)| head.len())
    else {
        return title;
    };
    let tail = tail.trim().trim_end_matches(['.', ':']);
    match find_title_label(tail) {
        Some((_, end)) if end >= tail.len() && !head.trim().is_empty() => head.trim_end(),
        _ => title,
    }
}

/// The text inside quotes that open and close it; quotes that stand inside
/// the text (`Evaluation “Supporting Central Asia”`) are the text's own.
fn strip_surrounding_quotes(text: &str) -> &str {
    let opens = |c: char| matches!(c, '"' | '“' | '”' | '«' | '„' | '‘' | '\'');
    let closes = |c: char| matches!(c, '"' | '”' | '“' | '»' | '’' | '‘' | '\'');
    let mut inner = text.trim();
    loop {
        let mut chars = inner.chars();
        match (chars.next(), chars.next_back()) {
            (Some(first), Some(last)) if opens(first) && closes(last) => {
                inner = chars.as_str().trim();
            }
            _ => return inner,
        }
    }
}

/// How many leading characters of a title are folded to look for a
/// connector: more than the longest connector and the space after it.
const TITLE_HEAD: usize = 16;

/// Connecting words between the "Management Response" label and the title.
const TITLE_CONNECTORS: &[&str] = &[
    "and action plan",
    "and management action plan",
    "et plan d'action",
    "y plan de accion",
    "to the",
    "to",
    "for the",
    "for",
    "on the",
    "on",
    "of the",
    "a l'",
    "a la",
    "au",
    "aux",
    "a",
    "a los",
    "a las",
    "al",
    "de la",
    "del",
    "de l'",
    "du",
    "des",
];

#[cfg(test)]
mod tests {
    use super::{TITLE_CONNECTORS, clean_title, header_fields};
    use crate::vocab::{Label, fold};

    #[test]
    fn every_title_connector_is_folded() {
        for c in TITLE_CONNECTORS {
            assert_eq!(fold(c), *c);
        }
    }

    #[test]
    fn header_labels_joined_in_one_line() {
        let fields = |line: &str| -> Vec<(Label, String)> {
            header_fields(line)
                .into_iter()
                .map(|(m, v)| (m.label, v.to_string()))
                .collect()
        };
        assert_eq!(
            fields("Prepared by: Fatma Said Position: Programme Coordinator Unit/Bureau: RCU"),
            vec![
                (Label::Role, "Fatma Said".to_string()),
                (Label::Position, "Programme Coordinator".to_string()),
                (Label::Unit, "RCU".to_string()),
            ]
        );
        assert_eq!(
            fields("Prepared by: A. Diallo Cleared by: B. Sow"),
            vec![
                (Label::Role, "A. Diallo".to_string()),
                (Label::Role, "B. Sow".to_string()),
            ]
        );
        // Words that are labels elsewhere, without a colon, stay in the value.
        assert_eq!(
            fields("Position: Head of Office, Unit of Monitoring"),
            vec![(
                Label::Position,
                "Head of Office, Unit of Monitoring".to_string()
            )]
        );
    }

    #[test]
    fn titles() {
        assert_eq!(
            clean_title(" to the Evaluation of the Benin Country Programme"),
            "Evaluation of the Benin Country Programme"
        );
        assert_eq!(clean_title(" “Strengthen National”"), "Strengthen National");
        assert_eq!(
            clean_title(" to the Evaluation “Supporting Central Asia”"),
            "Evaluation “Supporting Central Asia”"
        );
        assert_eq!(clean_title(": “Title” Project"), "“Title” Project");
        assert_eq!(clean_title(": \"Quoted\""), "Quoted");
        assert_eq!(
            clean_title("\u{a0}: «\u{a0}Évaluation finale\u{a0}»"),
            "Évaluation finale"
        );
        assert_eq!(clean_title(": Evaluación final"), "Evaluación final");
        assert_eq!(
            clean_title("à l'évaluation du projet"),
            "évaluation du projet"
        );
        assert_eq!(
            clean_title("a l'evaluation du projet"),
            "evaluation du projet"
        );
        assert_eq!(clean_title("à mi-parcours"), "mi-parcours");
        assert_eq!(
            clean_title(": A Review of the Fisheries Programme"),
            "A Review of the Fisheries Programme"
        );
        assert_eq!(
            clean_title(" and Action Plan: Evaluation of the Youth Programme"),
            "Evaluation of the Youth Programme"
        );
        assert_eq!(
            clean_title("Final Evaluation of the Water Project – Management Response"),
            "Final Evaluation of the Water Project"
        );
        assert_eq!(
            clean_title("Évaluation finale : Réponse de la direction"),
            "Évaluation finale"
        );
        assert_eq!(
            clean_title("Response Times – Management Response Units"),
            "Response Times – Management Response Units"
        );
    }
}
