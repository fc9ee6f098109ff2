//! Tables: which column holds what (from one or two header rows, such as
//! `Tracking*` over `Status` / `Comments`), and a body row as a key action.

use std::borrow::Cow;
use std::collections::{BTreeSet, HashMap};
use std::sync::LazyLock;

use super::{Context, split_action_id, without_bullet};
use crate::block::{Cell, Row, Span, Table};
use crate::cleantext::{clean, clean_opt};
use crate::diagnostic::{Code, Diagnostic};
use crate::labels::find_label;
use crate::model::{KeyAction, TimeFrameKind, Tracking};
use crate::responsible::split_responsible;
use crate::timeframe::parse_time_frame;
use crate::vocab::{self, Label};

/// What a table column holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Column {
    /// The action's own number.
    Id,
    /// The key action.
    Description,
    /// Its time frame.
    TimeFrame,
    /// Its responsible units.
    Responsible,
    /// The tracking header, before a second row names its columns.
    Tracking,
    /// The tracking status.
    Status,
    /// Tracking comments.
    Comments,
    /// The recommendation (matrix layout).
    Recommendation,
    /// Management's response (matrix layout).
    Response,
    /// Numbers of recommendations (a `#` column before the recommendation
    /// column of a matrix), read by the matrix, not as an action field.
    RecommendationNumber,
    /// A header naming no known field, as written.
    Unknown(String),
    /// No header at all.
    Blank,
}

/// A table's header: one column kind per grid column.
///
/// What every body row asks of it (where a kind of column is, how many
/// columns are named, which are unknown) is worked out once: a header of
/// 100,000 columns over thousands of rows must not be scanned per row.
#[derive(Debug, Clone)]
pub(crate) struct Header {
    /// What each grid column holds.
    pub columns: Vec<Column>,
    /// How many leading rows are header rows.
    pub rows: usize,
    /// The first index of each known kind of column present.
    first: Vec<(Column, usize)>,
    /// The number of columns up to the last one that is not blank.
    named: usize,
    /// The indexes of the columns nothing reads, in order: headers that name
    /// no known field, blank ones before the last named column, and second
    /// columns of a kind.
    unknown: Vec<usize>,
}

impl Header {
    fn new(columns: Vec<Column>, rows: usize) -> Self {
        let named = columns
            .iter()
            .rposition(|c| *c != Column::Blank)
            .map_or(0, |i| i + 1);
        let mut first: Vec<(Column, usize)> = Vec::new();
        let mut unknown = Vec::new();
        for (i, c) in columns.iter().enumerate() {
            match c {
                Column::Unknown(_) => unknown.push(i),
                // A column with no header, before the last named one: its
                // text is reported, not dropped.
                Column::Blank if i < named => unknown.push(i),
                Column::Blank => {}
                known if !first.iter().any(|(k, _)| k == known) => first.push((known.clone(), i)),
                // A second column of a kind already read (`Comments` twice,
                // the second half of a `Tracking` span with no row under
                // it): nothing reads it, so its text is reported.
                _ => unknown.push(i),
            }
        }
        Header {
            columns,
            rows,
            first,
            named,
            unknown,
        }
    }

    /// Gives column `i` another kind (the matrix's recommendation numbers).
    pub fn reassign(&mut self, i: usize, kind: Column) {
        let mut columns = std::mem::take(&mut self.columns);
        if let Some(c) = columns.get_mut(i) {
            *c = kind;
        }
        *self = Header::new(columns, self.rows);
    }

    /// The index of the first column of `kind`.
    pub fn find(&self, kind: &Column) -> Option<usize> {
        match kind {
            Column::Unknown(_) | Column::Blank => self.columns.iter().position(|c| c == kind),
            known => self.first.iter().find(|(k, _)| k == known).map(|(_, i)| *i),
        }
    }

    /// True when the table lists key actions.
    pub fn is_actions(&self) -> bool {
        self.find(&Column::Description).is_some()
            || self.find(&Column::TimeFrame).is_some() && self.find(&Column::Responsible).is_some()
    }

    /// True when the table's rows are recommendations (matrix layout).
    pub fn is_matrix(&self) -> bool {
        self.find(&Column::Recommendation).is_some() && self.find(&Column::Response).is_some()
    }
}

/// Header words that name an action-number column.
const ID_HEADERS: &[&str] = &["#", "no", "no.", "n°", "nº", "id", "ref", "ref.", "n"];

/// Every header word of every language with the label it names (the first
/// language's where two share a word), and the most characters any has.
static HEADER_WORDS: LazyLock<(HashMap<&'static str, Label>, usize)> = LazyLock::new(|| {
    let words = vocab::first_entries(vocab::ALL.iter().flat_map(|v| v.labels.iter()));
    let longest = words
        .keys()
        .chain(ID_HEADERS)
        .map(|w| w.chars().count())
        .max()
        .unwrap_or(0);
    (words, longest)
});

/// What a header cell names, if it is a header cell at all.
pub(crate) fn header_column(cell: &Cell) -> Option<Column> {
    let mut text = Cow::Borrowed(cell.inline.text.as_str());
    for r in cell.inline.sup.iter().rev() {
        if text.is_char_boundary(r.start) && text.is_char_boundary(r.end) && r.end <= text.len() {
            text.to_mut().replace_range(r.clone(), "");
        }
    }
    let trimmed = trim_header(&text);
    header_word(trimmed).or_else(|| {
        // A remark in brackets after the header word: `Status (as of June
        // 2023)`, `Time frame (dd/mm/yyyy)`.
        let (head, remark) = trimmed.rsplit_once('(')?;
        remark
            .ends_with(')')
            .then(|| header_word(trim_header(head)))
            .flatten()
    })
}

/// A header cell's text without the marks around it, footnote markers
/// typed as superscript digits (`Status¹`) or in pandoc's `^1^` included.
fn trim_header(text: &str) -> &str {
    let is_mark = |c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '*' | ':' | '\\' | '†' | '‡' | '¹' | '²' | '³' | '⁰'..='⁹'
            )
    };
    let text = text.trim_matches(is_mark);
    // `Status[1]` (a footnote reference in Word's HTML) or `Status1` (a
    // superscript flattened to text): a number after the last letter.
    let text = match text.strip_suffix(']').and_then(|t| t.rsplit_once('[')) {
        Some((head, number))
            if (1..=3).contains(&number.len()) && number.bytes().all(|b| b.is_ascii_digit()) =>
        {
            head
        }
        _ => text,
    };
    let digits = text.bytes().rev().take_while(u8::is_ascii_digit).count();
    let text = match text[..text.len() - digits].chars().last() {
        Some(c) if (1..=2).contains(&digits) && c.is_alphabetic() => &text[..text.len() - digits],
        _ => text,
    };
    // `Status^1^`: a marker between carets at the end.
    let text = match text.strip_suffix('^').and_then(|t| t.rsplit_once('^')) {
        Some((head, marker))
            if marker.len() <= 3 && marker.bytes().all(|b| b.is_ascii_alphanumeric()) =>
        {
            head
        }
        _ => text,
    };
    text.trim_matches(is_mark)
}

/// The column a header text names whole.
fn header_word(trimmed: &str) -> Option<Column> {
    // Folding keeps every character but spaces and never shortens one, so
    // a text of more such characters than the longest header word is none
    // (most body cells): no folding, no lookup.
    // Every header word starts with a letter or `#`: a cell that starts
    // otherwise (`1.1`, `2023`, `–`) names no column.
    if !trimmed.starts_with(|c: char| c.is_alphabetic() || c == '#') {
        return None;
    }
    let (words, longest) = &*HEADER_WORDS;
    let letters = trimmed
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\t' | '\n' | '\r'))
        .take(longest + 1)
        .count();
    if letters > *longest {
        return None;
    }
    let folded = vocab::fold(trimmed);
    if ID_HEADERS.contains(&folded.as_str()) {
        return Some(Column::Id);
    }
    Some(match words.get(folded.as_str())? {
        Label::KeyActions => Column::Description,
        Label::TimeFrame => Column::TimeFrame,
        Label::Responsible => Column::Responsible,
        Label::Tracking => Column::Tracking,
        Label::Status => Column::Status,
        Label::Comments => Column::Comments,
        Label::Recommendation => Column::Recommendation,
        Label::Response => Column::Response,
        _ => return None,
    })
}

/// The column a header cell worded otherwise than any header word names,
/// by the words it holds: `Structure(s) responsable(s)`, `Lead agency`,
/// `Expected completion`, `Estado de avance`, `Key actions to be taken`.
/// Asked only of a row already known to be a header row (marked as one, or
/// holding two exact header words): a body cell holds such words too.
/// Where a cell holds words of two columns, the first kind below wins
/// (`Action owner` is a responsible column, `Action deadline` a time frame).
pub(crate) fn header_by_keywords(cell: &Cell) -> Option<Column> {
    let text = cell.text();
    if text.chars().count() > 60 || !text.starts_with(|c: char| c.is_alphabetic()) {
        return None;
    }
    let folded = vocab::fold(text);
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    if words.len() > 6 {
        return None;
    }
    let holds = |list: &[&str]| words.iter().any(|w| list.contains(w));
    const KINDS: &[(Column, &[&str])] = &[
        (
            Column::Responsible,
            &[
                "responsible",
                "responsables",
                "responsable",
                "responsibility",
                "responsabilite",
                "responsabilidad",
                "lead",
                "owner",
                "owners",
                "focal",
            ],
        ),
        (
            Column::TimeFrame,
            &[
                "timeframe",
                "timing",
                "timeline",
                "deadline",
                "date",
                "dates",
                "calendar",
                "calendrier",
                "calendario",
                "cronograma",
                "echeance",
                "echeancier",
                "delai",
                "delais",
                "butoir",
                "plazo",
                "plazos",
                "fecha",
                "fechas",
                "completion",
            ],
        ),
        (Column::Status, &["status", "statut", "etat", "estado"]),
        (
            Column::Comments,
            &[
                "comments",
                "comment",
                "remarks",
                "observations",
                "commentaires",
                "comentarios",
                "observaciones",
            ],
        ),
        (
            Column::Description,
            &[
                "action",
                "actions",
                "accion",
                "acciones",
                "mesure",
                "mesures",
                "medida",
                "medidas",
                "activities",
                "activites",
                "actividades",
            ],
        ),
        (Column::Tracking, &["tracking", "suivi", "seguimiento"]),
    ];
    KINDS
        .iter()
        .find(|(_, list)| holds(list))
        .map(|(kind, _)| kind.clone())
}

/// The column each cell of `row` names when every non-empty cell is a
/// header word (`None` for the empty ones), or when two are and the others
/// name a column by [`header_by_keywords`]; `None` when a cell names none
/// or every cell is empty.
fn header_words(row: &Row) -> Option<Vec<Option<Column>>> {
    let mut exact = 0;
    let mut by_keywords = 0;
    let mut columns = Vec::with_capacity(row.cells.len());
    for cell in &row.cells {
        if cell.inline.is_blank() {
            columns.push(None);
            continue;
        }
        let column = match header_column(cell) {
            Some(column) => {
                exact += 1;
                column
            }
            None => {
                by_keywords += 1;
                header_by_keywords(cell)?
            }
        };
        columns.push(Some(column));
    }
    (exact > 0 && (by_keywords == 0 || exact >= 2)).then_some(columns)
}

/// Reads a table's header rows: rows marked as headers, or made only of
/// header words.
pub(crate) fn read_header(table: &Table) -> Option<Header> {
    let width = table.rows.iter().map(|r| r.cells.len()).max().unwrap_or(0);
    let mut columns = vec![Column::Blank; width];
    // Where the key-action columns are, kept as the columns change, so that
    // no header row scans the whole width.
    let mut descriptions: BTreeSet<usize> = BTreeSet::new();
    let mut rows = 0;
    for row in &table.rows {
        let words = header_words(row);
        if !(words.is_some() || row.header && rows == 0) {
            break;
        }
        // A second header row (`Status | Comments` under `Tracking`) leaves
        // the key-action column empty; a body row never does.
        if rows > 0 && !row.header {
            let first = descriptions.first().copied().unwrap_or(0);
            if row
                .cells
                .get(first)
                .is_some_and(|c| c.span == Span::Own && !c.inline.is_blank())
            {
                break;
            }
        }
        if row.cells.iter().all(|c| c.inline.is_blank()) {
            break;
        }
        for (i, cell) in row.cells.iter().enumerate() {
            let kind = match cell.span {
                Span::FromLeft if i > 0 => match &columns[i - 1] {
                    Column::Tracking if columns[i] == Column::Blank => Column::Tracking,
                    _ => continue,
                },
                Span::FromLeft | Span::FromAbove => continue,
                Span::Own if cell.inline.is_blank() => continue,
                Span::Own => words
                    .as_ref()
                    .and_then(|w| w.get(i).cloned().flatten())
                    .or_else(|| header_column(cell))
                    .or_else(|| header_by_keywords(cell))
                    .unwrap_or_else(|| Column::Unknown(clean(cell.text()))),
            };
            if kind == Column::Description {
                descriptions.insert(i);
            } else if columns[i] == Column::Description {
                descriptions.remove(&i);
            }
            columns[i] = kind;
        }
        rows += 1;
    }
    if rows == 0 {
        return None;
    }
    if !columns.contains(&Column::Status)
        && let Some(t) = columns.iter().position(|c| *c == Column::Tracking)
    {
        columns[t] = Column::Status;
    }
    Some(Header::new(columns, rows))
}

/// True when a table holds contributors (`Prepared by: …` cells) rather than
/// key actions or recommendations.
pub(crate) fn is_contributor_table(table: &Table) -> bool {
    let roles = table
        .rows
        .iter()
        .flat_map(|r| &r.cells)
        .filter(|c| find_label(c.text()).is_some_and(|m| m.label == Label::Role))
        .count();
    roles > 0 && read_header(table).is_none_or(|h| !h.is_actions() && !h.is_matrix())
}

/// The text of a row's cell in column `col`, if any.
pub(crate) fn cell_text(row: &Row, col: Option<usize>) -> &str {
    col.and_then(|c| row.cells.get(c)).map_or("", |c| c.text())
}

/// The text of a cell, or for a cell covered by the one above it (a
/// `rowspan`, Word's `vMerge`), the text of the cell that covers it.
fn merged_text(rows: &[Row], index: usize, col: Option<usize>) -> &str {
    let Some(c) = col else { return "" };
    for row in rows.get(..=index).unwrap_or_default().iter().rev() {
        match row.cells.get(c) {
            Some(cell) if cell.span == Span::FromAbove => continue,
            Some(cell) => return cell.text(),
            None => return "",
        }
    }
    ""
}

/// Adds a key action; a row that only continues the comments of the action
/// above it (every other cell empty) joins that action's comments instead,
/// after a blank line.
pub(crate) fn push_action(actions: &mut Vec<KeyAction>, action: KeyAction) {
    let comments_only = action.id.is_none()
        && action.description.is_empty()
        && action.time_frame.text.is_none()
        && action.responsible.is_empty()
        && action.tracking.status_text.is_none();
    match (actions.last_mut(), action.tracking.comments.as_deref()) {
        (Some(above), Some(more)) if comments_only => {
            let comments = above.tracking.comments.get_or_insert_with(String::new);
            if !comments.is_empty() {
                comments.push_str("\n\n");
            }
            comments.push_str(more);
        }
        _ => actions.push(action),
    }
}

/// True for an empty cell or one that only says there is nothing
/// (`–`, `N/A`, `None.`, `Aucune`, `Ninguna`): a row of them is no key
/// action (a rejected recommendation's row), and so is such a line under
/// `Key actions`.
pub(crate) fn is_placeholder(text: &str) -> bool {
    let t = text.trim();
    if t.is_empty() || ["...", "…"].contains(&t) {
        return true;
    }
    let t = t.trim_end_matches('.').trim_end();
    ["-", "–", "—", "n/a", "na", "none", "nil"]
        .iter()
        .any(|p| t.eq_ignore_ascii_case(p))
        // The words below are short and start with `a` or `n`: other
        // cells (most, on every row) are not folded.
        || t.len() <= 16
            && t.starts_with(['a', 'A', 'n', 'N'])
            && matches!(
            vocab::fold(t).as_str(),
            "aucune" | "aucun" | "neant" | "ninguna" | "ninguno" | "no key actions" | "no action"
        )
}

/// True for a body row that is a header row again (a table broken over
/// pages repeats its header): two or more cells, every one a column word.
fn repeats_header(row: &Row) -> bool {
    let mut words = 0;
    for cell in row.cells.iter().filter(|c| !c.inline.is_blank()) {
        if header_column(cell).is_none() {
            return false;
        }
        words += 1;
    }
    words >= 2
}

/// Reads body row `index` of `rows` as a key action; `None` when its action
/// cells are all empty. A time frame, responsible or status cell merged over
/// several rows belongs to the action of each. Reports unknown words and
/// extra cells.
pub(crate) fn action_from_row(
    ctx: &mut Context<'_>,
    rows: &[Row],
    index: usize,
    header: &Header,
) -> Option<KeyAction> {
    let row = rows.get(index)?;
    if repeats_header(row) {
        return None;
    }
    let col = |kind: Column| header.find(&kind);
    let description = cell_text(row, col(Column::Description));
    let id_cell = cell_text(row, col(Column::Id));
    let own_time = cell_text(row, col(Column::TimeFrame));
    let own_responsible = cell_text(row, col(Column::Responsible));
    let own_status = cell_text(row, col(Column::Status));
    let comments = cell_text(row, col(Column::Comments));
    let line = row.lines.start;
    if [
        description,
        id_cell,
        own_time,
        own_responsible,
        own_status,
        comments,
    ]
    .iter()
    .all(|t| is_placeholder(t))
    {
        return None;
    }
    let time = merged_text(rows, index, col(Column::TimeFrame));
    let responsible = merged_text(rows, index, col(Column::Responsible));
    let status = merged_text(rows, index, col(Column::Status));
    report_extra_cells(ctx, row, header);
    // An id column of its own holds the ids; descriptions are then whole.
    let (id, description) = match col(Column::Id) {
        None => split_action_id(description),
        Some(_) => {
            let id = crate::cleantext::trim_trailing_punct(id_cell.trim());
            ((!id.is_empty()).then(|| id.to_string()), description)
        }
    };
    // `• Train technicians`: the bullet marks an item of the list of
    // actions, not the action's text.
    let unbulleted = without_bullet(description);
    let (id, description) = match (id, col(Column::Id)) {
        (None, None) if unbulleted.len() < description.len() => split_action_id(unbulleted),
        (id, _) => (id, description),
    };
    let time = clean(time);
    let parsed = parse_time_frame(&time);
    if parsed.frame.kind == TimeFrameKind::Other {
        ctx.warn(
            Diagnostic::new(
                Code::OtherTimeFrame,
                line,
                "time frame is no date, period or known word",
            )
            .with_text(time.clone()),
        );
    }
    if parsed.ambiguous {
        ctx.warn(
            Diagnostic::new(
                Code::AmbiguousDate,
                line,
                "day and month could be read either way; read day first",
            )
            .with_text(time),
        );
    }
    let status_text = clean_opt(status);
    let status_value = status_text
        .as_deref()
        .and_then(|s| vocab::status(crate::cleantext::trim_trailing_punct(s)));
    if let (Some(text), None) = (&status_text, status_value) {
        ctx.warn(
            Diagnostic::new(
                Code::UnknownStatus,
                line,
                "tracking status is in no vocabulary",
            )
            .with_text(text),
        );
    }
    Some(KeyAction {
        id: id.filter(|i| !i.is_empty()),
        description: clean(description),
        time_frame: parsed.frame,
        responsible: split_responsible(&clean(responsible)),
        tracking: Tracking {
            status: status_value,
            status_text,
            comments: clean_opt(comments),
        },
        line: Some(line),
    })
}

/// Warns about a row with more or fewer cells than its header names, and
/// about text under a column whose header names no field (or that has no
/// header at all): that text is not in the output.
///
/// The header's grid is as wide as its widest row, so "beyond the header"
/// means beyond its last named column.
pub(crate) fn report_extra_cells(ctx: &mut Context<'_>, row: &Row, header: &Header) {
    let line = row.lines.start;
    let named = header.named;
    let extra: Vec<&str> = row
        .cells
        .iter()
        .skip(named)
        .filter(|c| c.span == Span::Own)
        .map(|c| c.text())
        .filter(|t| !t.trim().is_empty())
        .collect();
    if !extra.is_empty() {
        let n = extra.len();
        let (s, what) = if n == 1 {
            ("", "its text is")
        } else {
            ("s", "their text is")
        };
        ctx.warn(
            Diagnostic::new(
                Code::CellCount,
                line,
                format!("row has {n} more cell{s} than its header; {what} not in the output"),
            )
            .with_text(clean(&extra.join(" | "))),
        );
    } else if row.cells.len() < named {
        ctx.warn(Diagnostic::new(
            Code::CellCount,
            line,
            format!(
                "row has {} cell{} where its header has {named}; a missing cell shifts the ones after it",
                row.cells.len(),
                if row.cells.len() == 1 { "" } else { "s" },
            ),
        ));
    }
    // Only the unknown columns this row has cells in: O(row), not O(header).
    let unknown = header.unknown.iter().take_while(|&&i| i < row.cells.len());
    for &i in unknown {
        let what = match header.columns.get(i) {
            Some(Column::Unknown(name)) => format!("column `{name}` names no known field"),
            Some(Column::Blank) | None => {
                format!("column {} (no header) names no known field", i + 1)
            }
            Some(kind) => format!("column {} is a second {kind:?} column", i + 1),
        };
        let Some(cell) = row.cells.get(i).filter(|c| c.span == Span::Own) else {
            continue;
        };
        let text = cell.text();
        if !text.trim().is_empty() {
            ctx.warn(
                Diagnostic::new(
                    Code::UnknownColumn,
                    line,
                    format!("{what}; its text is not in the output"),
                )
                .with_text(clean(text)),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Column, header_column};
    use crate::block::{Cell, Inline};

    fn column(text: &str) -> Option<Column> {
        header_column(&Cell {
            inline: Inline::plain(text),
            ..Cell::default()
        })
    }

    #[test]
    fn every_header_word_starts_with_a_letter_or_a_hash() {
        // `header_word` rules out other cells by their first character.
        let (words, _) = &*super::HEADER_WORDS;
        for word in words.keys().chain(super::ID_HEADERS) {
            assert!(
                word.starts_with(|c: char| c.is_alphabetic() || c == '#'),
                "{word:?}"
            );
        }
    }

    #[test]
    fn header_words_broken_over_lines_or_with_a_remark() {
        assert_eq!(
            column("Responsible<br>unit(s)".replace("<br>", "\n").as_str()),
            Some(Column::Responsible)
        );
        assert_eq!(column("Time\nframe"), Some(Column::TimeFrame));
        assert_eq!(column("Status (as of June 2023)"), Some(Column::Status));
        assert_eq!(column("Time frame (dd/mm/yyyy)"), Some(Column::TimeFrame));
        assert_eq!(column("Key action(s)"), Some(Column::Description));
        assert_eq!(column("Lead unit(s)"), Some(Column::Responsible));
        assert_eq!(column("Comments/Remarks"), Some(Column::Comments));
        assert_eq!(column("Train staff (two rounds)"), None);
        assert_eq!(column("Status¹"), Some(Column::Status));
        assert_eq!(column("Status^1^"), Some(Column::Status));
        assert_eq!(column("Status[1]"), Some(Column::Status));
        assert_eq!(column("Tracking1"), Some(Column::Tracking));
        assert_eq!(column("Time frame ²"), Some(Column::TimeFrame));
    }

    #[test]
    fn header_cells_worded_otherwise_name_their_column_by_keywords() {
        let by_keywords = |text: &str| {
            super::header_by_keywords(&Cell {
                inline: Inline::plain(text),
                ..Cell::default()
            })
        };
        for (text, kind) in [
            ("Structure(s) responsable(s)", Column::Responsible),
            ("Lead agency", Column::Responsible),
            ("Área responsable", Column::Responsible),
            ("Action owner", Column::Responsible),
            ("Expected completion", Column::TimeFrame),
            ("Date butoir", Column::TimeFrame),
            ("Plazo de ejecución", Column::TimeFrame),
            ("Action deadline", Column::TimeFrame),
            ("Estado de avance", Column::Status),
            ("Key actions to be taken", Column::Description),
            ("Actions à mener", Column::Description),
            ("Medidas", Column::Description),
        ] {
            assert_eq!(by_keywords(text), Some(kind), "{text}");
        }
        assert_eq!(by_keywords("Train staff (two rounds)"), None);
        assert_eq!(by_keywords("2025"), None);
        // A cell of a sentence's length is body text, whatever it holds.
        assert_eq!(
            by_keywords("Revise the action plan with the lead ministry and report its status"),
            None
        );
    }

    #[test]
    fn a_header_row_may_word_a_column_otherwise_beside_two_header_words() {
        use crate::block::Row;
        let row = |cells: &[&str]| Row {
            cells: cells
                .iter()
                .map(|t| Cell {
                    inline: Inline::plain(*t),
                    ..Cell::default()
                })
                .collect(),
            ..Row::default()
        };
        let header = |cells: &[&str]| super::header_words(&row(cells));
        assert!(
            header(&[
                "Action(s) clé(s)",
                "Calendrier",
                "Structure(s) responsable(s)",
                "Suivi"
            ])
            .is_some()
        );
        // One header word is not enough to read a keyword cell as a header.
        assert!(header(&["Revise the action plan", "Status"]).is_none());
        assert!(header(&["Revise the action plan", "Q2 2025", "UNDP"]).is_none());
    }
}
