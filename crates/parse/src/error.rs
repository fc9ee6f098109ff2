//! The errors that stop a document from being read at all.
//!
//! Anything short of these is a [`crate::Diagnostic`] on a document that was read.

use thiserror::Error;

/// Why a document could not be read.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum ParseError {
    /// The input holds no text at all.
    #[error("the input is empty")]
    Empty,
    /// The input is larger than the configured limit.
    #[error("the input is {size} bytes, over the limit of {limit} bytes")]
    TooLarge {
        /// Its size in bytes.
        size: u64,
        /// The limit in bytes.
        limit: u64,
    },
    /// The bytes are not of the format the file name says.
    #[error("{0}")]
    WrongFormat(String),
    /// A Word file that cannot be read.
    #[error("not a readable Word document: {0}")]
    Docx(String),
    /// No recommendation was found in the text.
    #[error("no recommendation found (line {line}){}", why(*.unknown_table))]
    NoRecommendations {
        /// The last line read.
        line: u32,
        /// The first line of a table whose header names no known columns,
        /// if one was found: a matrix with a header word no vocabulary
        /// knows hides every recommendation it holds.
        unknown_table: Option<u32>,
    },
}

/// The end of the no-recommendation error: the unrecognised table that
/// may hold them, or the question whether this is a management response.
fn why(unknown_table: Option<u32>) -> String {
    unknown_table.map_or_else(
        || ": is this a management response?".to_string(),
        |at| format!("; the table at line {at} has no header the vocabularies know"),
    )
}
