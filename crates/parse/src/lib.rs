//! Read management responses to evaluations into a typed [`Document`].
//!
//! ```text
//! bytes ─decode─▶ text ─reader─▶ blocks ─recognise─▶ Document + diagnostics
//! ```
//!
//! The core is pure: `&[u8]` in, [`Document`] or [`ParseError`] out. All file
//! and terminal I/O lives in the binary.
//!
//! ```
//! use mresponse_parse::{parse, Format};
//! let text = "Recommendation 1: Do it.\n\nManagement response: Accepted. We will.\n";
//! let doc = parse(text.as_bytes(), Format::Text).unwrap();
//! assert_eq!(doc.recommendations[0].response.decision_text.as_deref(), Some("Accepted"));
//! ```

pub mod block;
pub mod cleantext;
pub mod decode;
pub mod diagnostic;
pub mod error;
pub mod format;
pub mod labels;
pub mod model;
pub mod reader;
pub mod recognise;
pub mod responsible;
pub mod timeframe;
pub mod vocab;

pub use diagnostic::{Code, Diagnostic, Severity};
pub use error::ParseError;
pub use format::Format;
pub use model::*;
pub use recognise::Recognised;

use block::{Block, BlockKind, Inline, Lines};

/// Limits that keep a hostile input from taking the machine.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// The largest input read, in bytes.
    pub max_input_bytes: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_input_bytes: 64 * 1024 * 1024,
        }
    }
}

/// Parses a document of `format` from its bytes, with default limits.
pub fn parse(bytes: &[u8], format: Format) -> Result<Document, ParseError> {
    parse_detailed(bytes, format, &Limits::default()).map(|r| r.document)
}

/// Parses a document and says which source lines its fields claimed.
pub fn parse_detailed(
    bytes: &[u8],
    format: Format,
    limits: &Limits,
) -> Result<Recognised, ParseError> {
    let (blocks, fallback) = read_blocks(bytes, format, limits)?;
    let mut recognised = recognise::recognise(&blocks)?;
    if let Some(encoding) = fallback {
        recognised.document.diagnostics.insert(
            0,
            Diagnostic::new(
                Code::EncodingFallback,
                1,
                format!("the input is not UTF-8; it was read as {encoding}"),
            ),
        );
    }
    Ok(recognised)
}

/// Reads the block stream of a document; also returns the fallback encoding
/// used, if the bytes were not UTF-8.
pub fn read_blocks(
    bytes: &[u8],
    format: Format,
    limits: &Limits,
) -> Result<(Vec<Block>, Option<&'static str>), ParseError> {
    let size = bytes.len() as u64;
    if size > limits.max_input_bytes {
        return Err(ParseError::TooLarge {
            size,
            limit: limits.max_input_bytes,
        });
    }
    format::confirm(bytes, format)?;
    if format == Format::Docx {
        return Ok((reader::docx::read_docx(bytes)?, None));
    }
    let decoded = match format {
        Format::Html => decode::decode_html(bytes),
        _ => decode::decode(bytes),
    };
    if decoded.text.trim().is_empty() {
        return Err(ParseError::Empty);
    }
    let text = decoded.text.as_str();
    let mut blocks = match format {
        Format::Markdown => reader::markdown::read_markdown(text),
        Format::Text => reader::text::read_text(text),
        Format::Html => reader::html_document(text),
        Format::Docx => Vec::new(),
    };
    if matches!(format, Format::Markdown | Format::Text) {
        add_uncovered_lines(text, &mut blocks);
    }
    Ok((blocks, decoded.fallback.then_some(decoded.encoding)))
}

/// The safety net of "nothing lost": a non-blank source line that no block
/// covers (a link definition the Markdown parser consumed, say) becomes a
/// paragraph of its raw text, so the recogniser claims or reports it.
fn add_uncovered_lines(text: &str, blocks: &mut Vec<Block>) {
    let line_count = memchr::memchr_iter(b'\n', text.as_bytes()).count() + 1;
    // How many blocks start, minus how many end, at each line: a running
    // sum says whether a line is covered, in time linear in lines plus
    // blocks however much the blocks' ranges overlap.
    let mut delta = vec![0i64; line_count + 2];
    for b in blocks.iter() {
        let start = b.lines.start as usize;
        let end = (b.lines.end as usize).min(line_count);
        if start > end {
            continue;
        }
        // In bounds: start <= end <= line_count, and delta has line_count + 2 slots.
        delta[start] += 1;
        delta[end + 1] -= 1;
    }
    let mut covering = delta.first().copied().unwrap_or(0);
    let mut added = false;
    let ends = memchr::memchr_iter(b'\n', text.as_bytes()).chain([text.len()]);
    let mut start = 0;
    for (n, end) in ends.enumerate() {
        let line = text.get(start..end).unwrap_or_default();
        start = end + 1;
        let number = n + 1;
        covering += delta.get(number).copied().unwrap_or(0);
        if covering <= 0 && !line.trim().is_empty() {
            let line_no = u32::try_from(number).unwrap_or(u32::MAX);
            blocks.push(Block::new(
                BlockKind::Paragraph,
                Inline::plain(line.trim()),
                Lines::one(line_no),
            ));
            added = true;
        }
    }
    if added {
        blocks.sort_by_key(|b| b.lines.start);
    }
}
