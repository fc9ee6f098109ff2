//! Read management responses to evaluations into a typed [`Document`].
//!
//! ```text
//! bytes ─decode─▶ text ─reader─▶ blocks ─recognise─▶ Document + diagnostics
//! ```
//!
//! The core is pure: `&[u8]` or `&str` in, [`Document`] or [`ParseError`] out.
//! All file and terminal I/O lives in the binary.

pub mod block;
pub mod diagnostic;
pub mod error;
pub mod model;
pub mod reader;
pub mod responsible;
pub mod timeframe;
pub mod vocab;

pub use diagnostic::{Code, Diagnostic, Severity};
pub use error::ParseError;
pub use model::*;
