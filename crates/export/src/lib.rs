//! Writers for [`mresponse_parse::Document`]: JSON, CSV, normalized
//! Markdown, XLSX, the JSON Schema of the JSON, and the follow-up report.
//!
//! | module | writes |
//! |---|---|
//! | [`json`] | one document as pretty JSON |
//! | [`markdown`] | one document as normalized Markdown that reads back |
//! | [`csv`] | the key-action and recommendation tables of many documents |
//! | [`xlsx`] | a workbook of those tables, the documents and diagnostics |
//! | [`schema`] | the JSON Schema of the JSON |
//! | [`status`] | overdue actions and summary counts as of a date |
//!
//! Every writer is pure or writes to a caller's `Write`; errors are
//! [`ExportError`].

pub mod csv;
pub mod date;
pub mod error;
pub mod json;
pub mod markdown;
pub mod schema;
pub mod status;
pub mod xlsx;

pub use crate::csv::{
    CsvOptions, CsvTable, KeyActionWriter, KeyActions, RecommendationWriter, Recommendations,
    TableWriter, key_actions_csv, neutralise_formula, recommendations_csv,
};
pub use date::Date;
pub use error::{ExportError, Result};
pub use json::{to_json, to_json_bytes, write_json};
pub use markdown::to_markdown;
pub use schema::{json_schema, schema_json};
pub use status::{StatusReport, render_text, status_report};
pub use xlsx::write_workbook;
