//! The CSV writers: flat tables for spreadsheets.
//!
//! Two tables, each one row per record with a fixed header:
//!
//! - key actions ([`KEY_ACTION_COLUMNS`]): one row per key action, with its
//!   recommendation and response repeated on each row; a recommendation
//!   without key actions still gets one row, its action columns empty;
//! - recommendations ([`RECOMMENDATION_COLUMNS`]): one row per
//!   recommendation, with the number of its key actions.
//!
//! The format, fixed so that outputs are byte-identical from run to run:
//!
//! - UTF-8; with [`CsvOptions::excel_bom`] a byte-order mark first, which is
//!   what makes Excel read the file as UTF-8 rather than the ANSI code page.
//! - Comma-separated, RFC 4180 quoting: a field is quoted when it holds a
//!   comma, a quote, or a line break, and quotes inside are doubled. Line
//!   breaks inside a field (lists in a comment) are kept as `\n`.
//! - Records end in `\n`, not the CRLF of RFC 4180: every CSV reader we know
//!   of (Excel, LibreOffice, pandas, R, the `csv` crate) accepts it, it keeps
//!   the files friendly to `diff`, `grep` and `wc -l`, and it matches the
//!   `\n` that line breaks inside fields use anyway.
//! - An empty field is an absent value (`null` in the JSON), or an empty
//!   list of responsible units.
//! - With [`CsvOptions::neutralise_formulas`] (the default), every text cell
//!   that starts with `=`, `+`, `-`, `@`, a tab or a carriage return gets a
//!   leading `'`, as OWASP advises against CSV injection: a spreadsheet
//!   would otherwise run `=HYPERLINK(…)` from a document as a formula. All
//!   such cells are changed, harmless ones like `-` or `- first item`
//!   included, because a reliable test for harmless is not to be had.
//!   Numbers (`line`, `key_actions`) are never changed.
//!
//! Batches write combined CSVs as documents complete: a [`TableWriter`]
//! ([`KeyActionWriter`], [`RecommendationWriter`]) writes the header once and
//! then takes documents one at a time; [`key_actions_csv`] and [`recommendations_csv`] are the
//! one-call forms.

use std::borrow::Cow;
use std::io::Write;
use std::marker::PhantomData;

use mresponse_parse::{Document, KeyAction, Recommendation};
use serde::Serialize;

use crate::error::Result;

/// The UTF-8 byte-order mark, written first with [`CsvOptions::excel_bom`].
pub const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// The columns of the key-action table, in order.
pub const KEY_ACTION_COLUMNS: [&str; 16] = [
    "document",
    "recommendation_id",
    "recommendation",
    "decision",
    "decision_text",
    "response_comment",
    "key_action_id",
    "key_action",
    "time_frame",
    "time_frame_kind",
    "due",
    "responsible",
    "status",
    "status_text",
    "comments",
    "line",
];

/// The columns of the recommendation table, in order.
pub const RECOMMENDATION_COLUMNS: [&str; 8] = [
    "document",
    "recommendation_id",
    "recommendation",
    "decision",
    "decision_text",
    "response_comment",
    "key_actions",
    "line",
];

/// The separator between responsible units in one cell.
pub const RESPONSIBLE_SEPARATOR: &str = "; ";

/// How to write a CSV file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CsvOptions {
    /// Write the UTF-8 byte-order mark first, for Excel. Off by default.
    pub excel_bom: bool,
    /// Prefix cells that a spreadsheet would read as a formula with `'`.
    /// On by default; turn it off only for consumers that are not
    /// spreadsheets and need the text verbatim.
    pub neutralise_formulas: bool,
}

impl Default for CsvOptions {
    fn default() -> Self {
        CsvOptions {
            excel_bom: false,
            neutralise_formulas: true,
        }
    }
}

/// `cell` with a leading `'` when a spreadsheet would read it as a formula:
/// when it starts with `=`, `+`, `-`, `@`, a tab or a carriage return.
///
/// ```
/// use mresponse_export::neutralise_formula;
/// assert_eq!(neutralise_formula("=1+1"), "'=1+1");
/// assert_eq!(neutralise_formula("UNDP"), "UNDP");
/// ```
pub fn neutralise_formula(cell: &str) -> Cow<'_, str> {
    match cell.as_bytes().first() {
        Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r') => Cow::Owned(format!("'{cell}")),
        _ => Cow::Borrowed(cell),
    }
}

/// Makes cells out of model text, neutralised or not as the options say.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Cells {
    neutralise: bool,
}

impl Cells {
    pub(crate) fn new(opts: CsvOptions) -> Self {
        Cells {
            neutralise: opts.neutralise_formulas,
        }
    }

    pub(crate) fn text<'a>(self, text: &'a str) -> Cow<'a, str> {
        if self.neutralise {
            neutralise_formula(text)
        } else {
            Cow::Borrowed(text)
        }
    }

    pub(crate) fn owned(self, text: String) -> Cow<'static, str> {
        match self.text(&text) {
            Cow::Owned(changed) => Cow::Owned(changed),
            Cow::Borrowed(_) => Cow::Owned(text),
        }
    }

    pub(crate) fn opt<'a>(self, text: Option<&'a str>) -> Option<Cow<'a, str>> {
        text.map(|t| self.text(t))
    }
}

/// A `csv::Writer` over `out`, after the BOM if asked, with the header written.
pub(crate) fn start_csv<W: Write>(
    mut out: W,
    opts: CsvOptions,
    header: &[&str],
) -> Result<csv::Writer<W>> {
    if opts.excel_bom {
        out.write_all(UTF8_BOM)?;
    }
    let mut csv = csv_writer(out);
    csv.write_record(header)?;
    Ok(csv)
}

/// A CSV writer of the tables' dialect: `\n` line ends, quotes only where
/// needed, headers written by hand.
fn csv_writer<W: Write>(out: W) -> csv::Writer<W> {
    csv::WriterBuilder::new()
        .has_headers(false)
        .terminator(csv::Terminator::Any(b'\n'))
        .quote_style(csv::QuoteStyle::Necessary)
        .from_writer(out)
}

/// One row of the key-action table; field names are the column names.
#[derive(Debug, Serialize)]
struct KeyActionRow<'a> {
    document: Cow<'a, str>,
    recommendation_id: Cow<'a, str>,
    recommendation: Cow<'a, str>,
    decision: Option<&'static str>,
    decision_text: Option<Cow<'a, str>>,
    response_comment: Option<Cow<'a, str>>,
    key_action_id: Option<Cow<'a, str>>,
    key_action: Option<Cow<'a, str>>,
    time_frame: Option<Cow<'a, str>>,
    time_frame_kind: Option<&'static str>,
    due: Option<Cow<'a, str>>,
    responsible: Option<Cow<'a, str>>,
    status: Option<&'static str>,
    status_text: Option<Cow<'a, str>>,
    comments: Option<Cow<'a, str>>,
    line: Option<u32>,
}

impl<'a> KeyActionRow<'a> {
    /// The row of `action`, or the actionless row of `rec` when `None`.
    fn new(
        cells: Cells,
        document: &'a str,
        rec: &'a Recommendation,
        action: Option<&'a KeyAction>,
    ) -> Self {
        KeyActionRow {
            document: cells.text(document),
            recommendation_id: cells.text(&rec.id),
            recommendation: cells.text(&rec.text),
            decision: rec.response.decision.map(|d| d.as_str()),
            decision_text: cells.opt(rec.response.decision_text.as_deref()),
            response_comment: cells.opt(rec.response.comment.as_deref()),
            key_action_id: cells.opt(action.and_then(|a| a.id.as_deref())),
            key_action: cells.opt(action.map(|a| a.description.as_str())),
            time_frame: cells.opt(action.and_then(|a| a.time_frame.text.as_deref())),
            time_frame_kind: action.map(|a| a.time_frame.kind.as_str()),
            due: cells.opt(action.and_then(|a| a.time_frame.due.as_deref())),
            responsible: action.map(|a| cells.owned(a.responsible.join(RESPONSIBLE_SEPARATOR))),
            status: action.and_then(|a| a.tracking.status.map(|s| s.as_str())),
            status_text: cells.opt(action.and_then(|a| a.tracking.status_text.as_deref())),
            comments: cells.opt(action.and_then(|a| a.tracking.comments.as_deref())),
            line: match action {
                Some(action) => action.line,
                None => rec.line,
            },
        }
    }
}

/// One row of the recommendation table; field names are the column names.
#[derive(Debug, Serialize)]
struct RecommendationRow<'a> {
    document: Cow<'a, str>,
    recommendation_id: Cow<'a, str>,
    recommendation: Cow<'a, str>,
    decision: Option<&'static str>,
    decision_text: Option<Cow<'a, str>>,
    response_comment: Option<Cow<'a, str>>,
    key_actions: usize,
    line: Option<u32>,
}

/// One of the two tables, [`KeyActions`] or [`Recommendations`]: its header
/// and the rows one document gives.
pub trait CsvTable: sealed::Sealed {
    /// The header row.
    const COLUMNS: &'static [&'static str];

    /// Writes the rows of `doc`, naming it `name` in the `document` column.
    fn write_rows<W: Write>(
        csv: &mut csv::Writer<W>,
        opts: CsvOptions,
        name: &str,
        doc: &Document,
    ) -> Result<()>;
}

mod sealed {
    /// Only this module's tables are tables.
    pub trait Sealed {}
    impl Sealed for super::KeyActions {}
    impl Sealed for super::Recommendations {}
}

/// The key-action table ([`KEY_ACTION_COLUMNS`]).
#[derive(Debug)]
pub struct KeyActions;

/// The recommendation table ([`RECOMMENDATION_COLUMNS`]).
#[derive(Debug)]
pub struct Recommendations;

impl CsvTable for KeyActions {
    const COLUMNS: &'static [&'static str] = &KEY_ACTION_COLUMNS;

    fn write_rows<W: Write>(
        csv: &mut csv::Writer<W>,
        opts: CsvOptions,
        name: &str,
        doc: &Document,
    ) -> Result<()> {
        let cells = Cells::new(opts);
        for rec in &doc.recommendations {
            if rec.key_actions.is_empty() {
                csv.serialize(KeyActionRow::new(cells, name, rec, None))?;
            }
            for action in &rec.key_actions {
                csv.serialize(KeyActionRow::new(cells, name, rec, Some(action)))?;
            }
        }
        Ok(())
    }
}

impl CsvTable for Recommendations {
    const COLUMNS: &'static [&'static str] = &RECOMMENDATION_COLUMNS;

    fn write_rows<W: Write>(
        csv: &mut csv::Writer<W>,
        opts: CsvOptions,
        name: &str,
        doc: &Document,
    ) -> Result<()> {
        let cells = Cells::new(opts);
        for rec in &doc.recommendations {
            csv.serialize(RecommendationRow {
                document: cells.text(name),
                recommendation_id: cells.text(&rec.id),
                recommendation: cells.text(&rec.text),
                decision: rec.response.decision.map(|d| d.as_str()),
                decision_text: cells.opt(rec.response.decision_text.as_deref()),
                response_comment: cells.opt(rec.response.comment.as_deref()),
                key_actions: rec.key_actions.len(),
                line: rec.line,
            })?;
        }
        Ok(())
    }
}

/// Writes a table document by document: the header (after the BOM, if
/// asked) on creation, then the rows of each document passed to
/// [`write_document`](Self::write_document).
///
/// ```
/// use mresponse_export::{CsvOptions, KeyActionWriter};
/// use mresponse_parse::Document;
///
/// let mut writer = KeyActionWriter::new(Vec::new(), CsvOptions::default())?;
/// writer.write_document("empty.md", &Document::empty())?;
/// let bytes = writer.into_inner()?;
/// assert!(bytes.starts_with(b"document,recommendation_id,"));
/// # Ok::<(), mresponse_export::ExportError>(())
/// ```
#[derive(Debug)]
pub struct TableWriter<W: Write, T: CsvTable> {
    csv: csv::Writer<W>,
    opts: CsvOptions,
    table: PhantomData<T>,
}

/// Writes the key-action table document by document.
pub type KeyActionWriter<W> = TableWriter<W, KeyActions>;

/// Writes the recommendation table document by document.
pub type RecommendationWriter<W> = TableWriter<W, Recommendations>;

impl<W: Write, T: CsvTable> TableWriter<W, T> {
    /// Starts the table on `out`: writes the BOM if asked, then the header.
    pub fn new(out: W, opts: CsvOptions) -> Result<Self> {
        Ok(TableWriter {
            csv: start_csv(out, opts, T::COLUMNS)?,
            opts,
            table: PhantomData,
        })
    }

    /// Writes rows only, no BOM and no header: for a part of a table whose
    /// start is written elsewhere (a batch's workers write each document's
    /// rows apart, and one collector appends them in order).
    pub fn rows_only(out: W, opts: CsvOptions) -> Self {
        TableWriter {
            csv: csv_writer(out),
            opts,
            table: PhantomData,
        }
    }

    /// Writes the rows of `doc`, naming it `name` in the `document` column.
    pub fn write_document(&mut self, name: &str, doc: &Document) -> Result<()> {
        T::write_rows(&mut self.csv, self.opts, name, doc)
    }

    /// Flushes buffered rows to the underlying writer.
    pub fn flush(&mut self) -> Result<()> {
        self.csv.flush()?;
        Ok(())
    }

    /// Flushes and gives back the underlying writer.
    pub fn into_inner(self) -> Result<W> {
        self.csv
            .into_inner()
            .map_err(|e| crate::ExportError::Io(e.into_error()))
    }
}

/// Writes the key-action table of `docs`, each paired with the name that
/// fills its `document` column, to `out`.
pub fn key_actions_csv<'a, W: Write>(
    docs: impl IntoIterator<Item = (&'a str, &'a Document)>,
    out: W,
    opts: CsvOptions,
) -> Result<()> {
    let mut writer = KeyActionWriter::new(out, opts)?;
    for (name, doc) in docs {
        writer.write_document(name, doc)?;
    }
    writer.into_inner()?;
    Ok(())
}

/// Writes the recommendation table of `docs`, each paired with the name that
/// fills its `document` column, to `out`.
pub fn recommendations_csv<'a, W: Write>(
    docs: impl IntoIterator<Item = (&'a str, &'a Document)>,
    out: W,
    opts: CsvOptions,
) -> Result<()> {
    let mut writer = RecommendationWriter::new(out, opts)?;
    for (name, doc) in docs {
        writer.write_document(name, doc)?;
    }
    writer.into_inner()?;
    Ok(())
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use mresponse_parse::{Response, TimeFrame, TimeFrameKind, Tracking};

    fn serde_header<T: Serialize>(row: T) -> String {
        let mut csv = csv::Writer::from_writer(Vec::new());
        csv.serialize(row).unwrap();
        let text = String::from_utf8(csv.into_inner().unwrap()).unwrap();
        text.lines().next().unwrap().to_string()
    }

    fn rec() -> Recommendation {
        Recommendation {
            id: "1".into(),
            text: "Do it".into(),
            response: Response {
                decision: None,
                decision_text: None,
                comment: None,
            },
            key_actions: vec![KeyAction {
                id: None,
                description: "Act".into(),
                time_frame: TimeFrame {
                    text: None,
                    kind: TimeFrameKind::Unknown,
                    due: None,
                },
                responsible: vec![],
                tracking: Tracking::empty(),
                line: None,
            }],
            line: None,
        }
    }

    #[test]
    fn row_structs_match_the_column_lists() {
        let rec = rec();
        let cells = Cells::new(CsvOptions::default());
        let row = KeyActionRow::new(cells, "d", &rec, rec.key_actions.first());
        assert_eq!(serde_header(row), KEY_ACTION_COLUMNS.join(","));
        let row = RecommendationRow {
            document: "d".into(),
            recommendation_id: "1".into(),
            recommendation: "r".into(),
            decision: None,
            decision_text: None,
            response_comment: None,
            key_actions: 0,
            line: None,
        };
        assert_eq!(serde_header(row), RECOMMENDATION_COLUMNS.join(","));
    }

    #[test]
    fn neutralises_every_formula_trigger() {
        for cell in ["=1", "+1", "-", "- item", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(neutralise_formula(cell), format!("'{cell}"));
        }
        for cell in ["", "UNDP", " =1", "'=1", "1-2", "2021-06-30"] {
            assert_eq!(neutralise_formula(cell), cell);
        }
    }

    #[test]
    fn empty_input_still_has_a_header() {
        let mut out = Vec::new();
        key_actions_csv([], &mut out, CsvOptions::default()).unwrap();
        assert_eq!(
            out,
            format!("{}\n", KEY_ACTION_COLUMNS.join(",")).into_bytes()
        );
    }
}
