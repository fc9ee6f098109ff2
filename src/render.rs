//! Rendering one document in an output format.

use anyhow::Result;
use mresponse_export::{
    CsvOptions, key_actions_csv, recommendations_csv, to_json_bytes, to_markdown, write_workbook,
};
use mresponse_parse::Document;

/// An output format of `convert`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum To {
    /// The document as JSON (the contract of MODEL.md, plus lines and diagnostics).
    Json,
    /// One row per key action, for spreadsheets.
    Csv,
    /// One row per recommendation.
    RecommendationsCsv,
    /// Normalized Markdown, which reads back to the same document.
    Md,
    /// An Excel workbook (needs --output, or a pipe).
    Xlsx,
}

/// CSV flags shared by `convert` and `batch`.
#[derive(Debug, Clone, Copy, clap::Args)]
pub struct CsvFlags {
    /// Start CSV files with the UTF-8 byte-order mark Excel needs to show accents.
    #[arg(long)]
    pub excel: bool,
    /// Keep CSV cells that start with = + - @ as they are. By default they get a
    /// leading ' so that a spreadsheet never runs them as formulas (OWASP's advice).
    #[arg(long)]
    pub keep_formulas: bool,
}

impl CsvFlags {
    /// The exporter's options.
    pub fn options(self) -> CsvOptions {
        CsvOptions {
            excel_bom: self.excel,
            neutralise_formulas: !self.keep_formulas,
        }
    }
}

/// Renders `doc`, named `name`, as `to`.
pub fn render(doc: &Document, name: &str, to: To, csv: CsvFlags) -> Result<Vec<u8>> {
    Ok(match to {
        To::Json => to_json_bytes(doc)?,
        To::Md => {
            let mut md = to_markdown(doc);
            md.push('\n');
            md.into_bytes()
        }
        To::Csv => {
            let mut out = Vec::new();
            key_actions_csv([(name, doc)], &mut out, csv.options())?;
            out
        }
        To::RecommendationsCsv => {
            let mut out = Vec::new();
            recommendations_csv([(name, doc)], &mut out, csv.options())?;
            out
        }
        To::Xlsx => write_workbook(&[(name.to_string(), doc.clone())])?,
    })
}
