//! The XLSX writer: one workbook holding the tables of many documents.
//!
//! Four sheets, each with a bold header row that stays in view (frozen), an
//! autofilter over the whole table, fixed column widths and wrapped long text:
//!
//! | sheet | one row per | columns |
//! |---|---|---|
//! | `Key actions` | key action (and recommendation without any) | those of the key-action CSV |
//! | `Recommendations` | recommendation | those of the recommendation CSV |
//! | `Documents` | document | `document, title, language, layout, recommendations, key_actions, diagnostics` (the last three are counts) |
//! | `Diagnostics` | diagnostic | `document, severity, code, line, message` |
//!
//! Text is always written as a string cell, never as a formula, so a cell
//! starting with `=` stays text and the formula neutralisation of the CSV
//! writer is not needed (nor applied). `due` is a real date cell formatted
//! `yyyy-mm-dd`, so that it sorts and filters as a date; a `due` that is no
//! valid date from 1900 on is written as the text it is. Counts and lines are
//! numbers. Text longer than Excel's cell limit (32,767 UTF-16 units) is cut
//! and ends in [`TRUNCATION_MARKER`].
//!
//! The workbook's creation date is fixed, so the same documents give the same
//! bytes.

use mresponse_parse::{Document, KeyAction, Recommendation};
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, FormatAlign, Workbook, Worksheet};

use crate::csv::{KEY_ACTION_COLUMNS, RECOMMENDATION_COLUMNS, RESPONSIBLE_SEPARATOR};
use crate::date::Date;
use crate::error::Result;

/// The name of the key-action sheet.
pub const KEY_ACTIONS_SHEET: &str = "Key actions";
/// The name of the recommendation sheet.
pub const RECOMMENDATIONS_SHEET: &str = "Recommendations";
/// The name of the document sheet.
pub const DOCUMENTS_SHEET: &str = "Documents";
/// The name of the diagnostic sheet.
pub const DIAGNOSTICS_SHEET: &str = "Diagnostics";

/// The columns of the document sheet, in order.
pub const DOCUMENT_COLUMNS: [&str; 7] = [
    "document",
    "title",
    "language",
    "layout",
    "recommendations",
    "key_actions",
    "diagnostics",
];

/// The columns of the diagnostic sheet, in order.
pub const DIAGNOSTIC_COLUMNS: [&str; 5] = ["document", "severity", "code", "line", "message"];

/// What ends a text cut to fit Excel's cell limit.
pub const TRUNCATION_MARKER: &str = "… [truncated]";

/// Excel's limit on the length of a cell's text, in UTF-16 code units.
const MAX_CELL_UTF16: usize = 32_767;

/// The date format of `due` cells.
const DATE_FORMAT: &str = "yyyy-mm-dd";

/// A column's width (in characters) and whether its text wraps.
#[derive(Debug, Clone, Copy)]
struct ColumnStyle {
    width: f64,
    wrap: bool,
}

const NARROW: ColumnStyle = ColumnStyle {
    width: 10.0,
    wrap: false,
};
const CODE: ColumnStyle = ColumnStyle {
    width: 18.0,
    wrap: false,
};
const NAME: ColumnStyle = ColumnStyle {
    width: 28.0,
    wrap: true,
};
const PROSE: ColumnStyle = ColumnStyle {
    width: 60.0,
    wrap: true,
};
const DATE: ColumnStyle = ColumnStyle {
    width: 12.0,
    wrap: false,
};
const SHORT_PROSE: ColumnStyle = ColumnStyle {
    width: 40.0,
    wrap: true,
};

const KEY_ACTION_LAYOUT: [ColumnStyle; 16] = [
    NAME,        // document
    NARROW,      // recommendation_id
    PROSE,       // recommendation
    CODE,        // decision
    CODE,        // decision_text
    PROSE,       // response_comment
    NARROW,      // key_action_id
    PROSE,       // key_action
    NAME,        // time_frame
    CODE,        // time_frame_kind
    DATE,        // due
    NAME,        // responsible
    CODE,        // status
    CODE,        // status_text
    SHORT_PROSE, // comments
    NARROW,      // line
];

const RECOMMENDATION_LAYOUT: [ColumnStyle; 8] = [
    NAME,   // document
    NARROW, // recommendation_id
    PROSE,  // recommendation
    CODE,   // decision
    CODE,   // decision_text
    PROSE,  // response_comment
    NARROW, // key_actions
    NARROW, // line
];

const DOCUMENT_LAYOUT: [ColumnStyle; 7] = [
    NAME,   // document
    PROSE,  // title
    NARROW, // language
    NARROW, // layout
    CODE,   // recommendations
    CODE,   // key_actions
    CODE,   // diagnostics
];

const DIAGNOSTIC_LAYOUT: [ColumnStyle; 5] = [
    NAME,   // document
    NARROW, // severity
    CODE,   // code
    NARROW, // line
    PROSE,  // message
];

/// One cell to write; `Empty` writes nothing.
enum Cell<'a> {
    Empty,
    Text(&'a str),
    Owned(String),
    Number(f64),
    /// A `YYYY-MM-DD` date, written as a date cell when it is one.
    Date(&'a str),
}

impl<'a> Cell<'a> {
    fn opt(text: Option<&'a str>) -> Self {
        text.map_or(Cell::Empty, Cell::Text)
    }

    fn count(n: usize) -> Self {
        // Counts of a document's parts are far below 2^53.
        Cell::Number(n as f64)
    }

    fn line(line: Option<u32>) -> Self {
        line.map_or(Cell::Empty, |l| Cell::Number(f64::from(l)))
    }
}

/// The formats of a workbook, made once.
struct Formats {
    header: Format,
    plain: Format,
    wrapped: Format,
    date: Format,
}

impl Formats {
    fn new() -> Self {
        let top = Format::new().set_align(FormatAlign::Top);
        Formats {
            header: Format::new().set_bold(),
            wrapped: top.clone().set_text_wrap(),
            date: top.clone().set_num_format(DATE_FORMAT),
            plain: top,
        }
    }
}

/// A sheet being filled row by row.
struct Sheet<'f> {
    worksheet: Worksheet,
    layout: &'static [ColumnStyle],
    formats: &'f Formats,
    /// The next row to write (0 is the header).
    row: u32,
}

impl<'f> Sheet<'f> {
    fn new(
        name: &str,
        columns: &[&str],
        layout: &'static [ColumnStyle],
        formats: &'f Formats,
    ) -> Result<Self> {
        let mut worksheet = Worksheet::new();
        worksheet.set_name(name)?;
        for (col, (title, layout)) in (0u16..).zip(columns.iter().zip(layout)) {
            worksheet.write_string_with_format(0, col, *title, &formats.header)?;
            worksheet.set_column_width(col, layout.width)?;
        }
        worksheet.set_freeze_panes(1, 0)?;
        Ok(Sheet {
            worksheet,
            layout,
            formats,
            row: 1,
        })
    }

    fn push(&mut self, cells: &[Cell<'_>]) -> Result<()> {
        let ws = &mut self.worksheet;
        let row = self.row;
        for (col, (cell, layout)) in (0u16..).zip(cells.iter().zip(self.layout)) {
            let text_format = if layout.wrap {
                &self.formats.wrapped
            } else {
                &self.formats.plain
            };
            match cell {
                Cell::Empty => {}
                Cell::Text(text) => {
                    ws.write_string_with_format(row, col, fit_cell(text), text_format)?;
                }
                Cell::Owned(text) => {
                    ws.write_string_with_format(row, col, fit_cell(text), text_format)?;
                }
                Cell::Number(n) => {
                    ws.write_number_with_format(row, col, *n, &self.formats.plain)?;
                }
                Cell::Date(text) => match excel_date(text) {
                    Some(date) => {
                        ws.write_datetime_with_format(row, col, &date, &self.formats.date)?;
                    }
                    None => {
                        ws.write_string_with_format(row, col, fit_cell(text), text_format)?;
                    }
                },
            }
        }
        self.row += 1;
        Ok(())
    }

    /// Adds the autofilter over the header and every written row.
    fn finish(mut self) -> Result<Worksheet> {
        let last_col = u16::try_from(self.layout.len().saturating_sub(1)).unwrap_or(u16::MAX);
        self.worksheet
            .autofilter(0, 0, self.row.saturating_sub(1), last_col)?;
        Ok(self.worksheet)
    }
}

/// The date cell for `text`, when it is a `YYYY-MM-DD` date Excel can hold.
fn excel_date(text: &str) -> Option<ExcelDateTime> {
    let date: Date = text.parse().ok()?;
    // Excel's calendar starts on 1900-01-01 (rust_xlsxwriter also takes
    // 1899-12-31, which Excel shows as 1900-01-00).
    if date.year() < 1900 {
        return None;
    }
    let year = u16::try_from(date.year()).ok()?;
    let month = u8::try_from(date.month()).ok()?;
    let day = u8::try_from(date.day()).ok()?;
    ExcelDateTime::from_ymd(year, month, day).ok()
}

/// `text`, cut to Excel's cell limit with [`TRUNCATION_MARKER`] at the end.
fn fit_cell(text: &str) -> String {
    if text.encode_utf16().count() <= MAX_CELL_UTF16 {
        return text.to_string();
    }
    let budget = MAX_CELL_UTF16 - TRUNCATION_MARKER.encode_utf16().count();
    let mut used = 0;
    let mut cut = String::new();
    for c in text.chars() {
        used += c.len_utf16();
        if used > budget {
            break;
        }
        cut.push(c);
    }
    cut.push_str(TRUNCATION_MARKER);
    cut
}

fn key_action_cells<'a>(
    document: &'a str,
    rec: &'a Recommendation,
    action: Option<&'a KeyAction>,
) -> [Cell<'a>; 16] {
    let response = &rec.response;
    [
        Cell::Text(document),
        Cell::Text(&rec.id),
        Cell::Text(&rec.text),
        Cell::opt(response.decision.map(|d| d.as_str())),
        Cell::opt(response.decision_text.as_deref()),
        Cell::opt(response.comment.as_deref()),
        Cell::opt(action.and_then(|a| a.id.as_deref())),
        Cell::opt(action.map(|a| a.description.as_str())),
        Cell::opt(action.and_then(|a| a.time_frame.text.as_deref())),
        Cell::opt(action.map(|a| a.time_frame.kind.as_str())),
        action
            .and_then(|a| a.time_frame.due.as_deref())
            .map_or(Cell::Empty, Cell::Date),
        action.map_or(Cell::Empty, |a| {
            Cell::Owned(a.responsible.join(RESPONSIBLE_SEPARATOR))
        }),
        Cell::opt(action.and_then(|a| a.tracking.status.map(|s| s.as_str()))),
        Cell::opt(action.and_then(|a| a.tracking.status_text.as_deref())),
        Cell::opt(action.and_then(|a| a.tracking.comments.as_deref())),
        Cell::line(match action {
            Some(action) => action.line,
            None => rec.line,
        }),
    ]
}

/// The workbook of `docs`, each paired with the name that fills its
/// `document` column, as the bytes of an `.xlsx` file.
pub fn write_workbook(docs: &[(String, Document)]) -> Result<Vec<u8>> {
    let formats = Formats::new();
    let mut actions = Sheet::new(
        KEY_ACTIONS_SHEET,
        &KEY_ACTION_COLUMNS,
        &KEY_ACTION_LAYOUT,
        &formats,
    )?;
    let mut recommendations = Sheet::new(
        RECOMMENDATIONS_SHEET,
        &RECOMMENDATION_COLUMNS,
        &RECOMMENDATION_LAYOUT,
        &formats,
    )?;
    let mut documents = Sheet::new(
        DOCUMENTS_SHEET,
        &DOCUMENT_COLUMNS,
        &DOCUMENT_LAYOUT,
        &formats,
    )?;
    let mut diagnostics = Sheet::new(
        DIAGNOSTICS_SHEET,
        &DIAGNOSTIC_COLUMNS,
        &DIAGNOSTIC_LAYOUT,
        &formats,
    )?;

    for (name, doc) in docs {
        let name = name.as_str();
        let mut action_count = 0;
        for rec in &doc.recommendations {
            if rec.key_actions.is_empty() {
                actions.push(&key_action_cells(name, rec, None))?;
            }
            for action in &rec.key_actions {
                actions.push(&key_action_cells(name, rec, Some(action)))?;
            }
            action_count += rec.key_actions.len();
            recommendations.push(&[
                Cell::Text(name),
                Cell::Text(&rec.id),
                Cell::Text(&rec.text),
                Cell::opt(rec.response.decision.map(|d| d.as_str())),
                Cell::opt(rec.response.decision_text.as_deref()),
                Cell::opt(rec.response.comment.as_deref()),
                Cell::count(rec.key_actions.len()),
                Cell::line(rec.line),
            ])?;
        }
        documents.push(&[
            Cell::Text(name),
            Cell::opt(doc.title.as_deref()),
            Cell::Text(doc.language.code()),
            Cell::Text(match doc.layout {
                mresponse_parse::Layout::Blocks => "blocks",
                mresponse_parse::Layout::Matrix => "matrix",
            }),
            Cell::count(doc.recommendations.len()),
            Cell::count(action_count),
            Cell::count(doc.diagnostics.len()),
        ])?;
        for diagnostic in &doc.diagnostics {
            diagnostics.push(&[
                Cell::Text(name),
                Cell::Text(severity_str(diagnostic.severity)),
                Cell::Text(diagnostic.code.as_str()),
                Cell::Number(f64::from(diagnostic.line)),
                Cell::Text(&diagnostic.message),
            ])?;
        }
    }

    let mut workbook = Workbook::new();
    let created = ExcelDateTime::from_ymd(1980, 1, 1)?;
    workbook.set_properties(&DocProperties::new().set_creation_datetime(&created));
    for sheet in [actions, recommendations, documents, diagnostics] {
        workbook.push_worksheet(sheet.finish()?);
    }
    Ok(workbook.save_to_buffer()?)
}

fn severity_str(severity: mresponse_parse::Severity) -> &'static str {
    match severity {
        mresponse_parse::Severity::Info => "info",
        mresponse_parse::Severity::Warning => "warning",
        mresponse_parse::Severity::Error => "error",
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn layouts_cover_every_column() {
        assert_eq!(KEY_ACTION_LAYOUT.len(), KEY_ACTION_COLUMNS.len());
        assert_eq!(RECOMMENDATION_LAYOUT.len(), RECOMMENDATION_COLUMNS.len());
        assert_eq!(DOCUMENT_LAYOUT.len(), DOCUMENT_COLUMNS.len());
        assert_eq!(DIAGNOSTIC_LAYOUT.len(), DIAGNOSTIC_COLUMNS.len());
    }

    #[test]
    fn long_text_is_cut_to_the_cell_limit() {
        assert_eq!(fit_cell("short"), "short");
        let exact = "x".repeat(MAX_CELL_UTF16);
        assert_eq!(fit_cell(&exact), exact);
        // Astral characters count two UTF-16 units each.
        let long = "😀".repeat(MAX_CELL_UTF16);
        let cut = fit_cell(&long);
        assert!(cut.ends_with(TRUNCATION_MARKER));
        assert!(cut.encode_utf16().count() <= MAX_CELL_UTF16);
        assert!(cut.encode_utf16().count() >= MAX_CELL_UTF16 - 20);
    }

    #[test]
    fn dates_excel_cannot_hold_stay_text() {
        assert!(excel_date("2021-06-30").is_some());
        assert!(excel_date("1899-12-31").is_none());
        assert!(excel_date("2021-02-30").is_none());
        assert!(excel_date("June 2021").is_none());
    }
}
