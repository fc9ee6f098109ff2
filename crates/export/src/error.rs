//! The one error type of the writers.
//!
//! Every writer returns [`ExportError`]; the variants wrap the error of the
//! library that failed, so a caller can tell an I/O failure (a closed pipe, a
//! full disk) from a document that cannot be written.

use thiserror::Error;

/// Why a document could not be written.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum ExportError {
    /// Serialising to JSON failed.
    #[error("JSON serialisation failed: {0}")]
    Json(#[from] serde_json::Error),
    /// Writing CSV failed (usually an I/O error underneath).
    #[error("CSV writing failed: {0}")]
    Csv(#[from] csv::Error),
    /// Writing to the output failed.
    #[error("write failed: {0}")]
    Io(#[from] std::io::Error),
    /// Building the XLSX workbook failed.
    #[error("XLSX writing failed: {0}")]
    Xlsx(#[from] rust_xlsxwriter::XlsxError),
    /// A date that is not a valid `YYYY-MM-DD` calendar date.
    #[error("invalid date {text:?}: expected a calendar date as YYYY-MM-DD")]
    InvalidDate {
        /// The text as given.
        text: String,
    },
}

/// The result of a writer.
pub type Result<T, E = ExportError> = std::result::Result<T, E>;
