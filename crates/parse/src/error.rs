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
    #[error("no recommendation found (line {line}): is this a management response?")]
    NoRecommendations {
        /// The last line read.
        line: u32,
    },
}
