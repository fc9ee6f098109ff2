//! The Word (`.docx`) reader: a WordprocessingML package into the block
//! stream of [`crate::block`].
//!
//! Word has no lines, so paragraphs are numbered instead: every `w:p` of the
//! body, those inside table cells included, gets the next number from 1 in
//! document order, and a block's [`Lines`](crate::block::Lines) are the
//! numbers of its paragraphs (a table's and a row's span theirs). Footnotes
//! and endnotes follow the body as paragraphs numbered on from its last.
//!
//! What is read:
//! - paragraphs: [`BlockKind::Heading`](crate::block::BlockKind::Heading) from
//!   the paragraph style (`heading N`, `Title`, an outline level, inherited
//!   through `w:basedOn`) or the paragraph's own `w:outlineLvl`; list items
//!   from `w:numPr` (direct or from the style) through `numbering.xml`, with
//!   the marker Word shows normalised to `1. `, `a. `, `1.2. ` or `- `;
//! - runs: bold from `w:b`, the character style, the paragraph style and the
//!   document defaults; `w:vertAlign="superscript"` as a superscript range;
//!   `w:tab` as `\t`, `w:br` as `\n` (page and column breaks as nothing),
//!   `w:noBreakHyphen` as `-`; runs split mid-word join with no space;
//!   inserted text is kept, deleted text, field instructions and tracked
//!   property changes are not; no-break spaces are kept as written;
//! - tables: a grid per [`Table`](crate::block::Table) (see `docx/table.rs`);
//! - notes: see `docx/notes.rs`. Headers, footers, comments and the core
//!   properties (`docProps/core.xml`, whose title is metadata) are not read.
//!
//! The package is opened with limits (see `docx/archive.rs`): entry count,
//! declared and actual unpacked size, per-part size; encrypted, legacy and
//! non-Word files are refused with a [`ParseError`] that says which.

mod archive;
mod body;
mod notes;
mod numbering;
mod para;
mod styles;
mod table;
mod xml;

#[cfg(test)]
mod tests;

use archive::{Limits, Package};
use body::{Mode, Walker};
use numbering::Numbering;
use styles::Styles;

use crate::ParseError;
use crate::block::Block;

/// Reads a `.docx` file's bytes into blocks.
///
/// Errors: [`ParseError::Empty`] for no bytes, [`ParseError::WrongFormat`]
/// when the bytes are not a zip or the zip holds no Word document, and
/// [`ParseError::Docx`] for an encrypted, legacy (`.doc`), damaged or
/// oversized file or malformed XML.
pub fn read_docx(bytes: &[u8]) -> Result<Vec<Block>, ParseError> {
    read_with(bytes, Limits::DEFAULT)
}

/// [`read_docx`] with explicit limits (tests use small ones).
fn read_with(bytes: &[u8], limits: Limits) -> Result<Vec<Block>, ParseError> {
    let mut package = Package::open(bytes, limits)?;
    let parts = package.parts()?;
    let styles = match package.read_text(&parts.styles)? {
        Some(xml) => Styles::parse(&xml, &parts.styles)?,
        None => Styles::default(),
    };
    let numbering = match package.read_text(&parts.numbering)? {
        Some(xml) => Numbering::parse(&xml, &parts.numbering)?,
        None => Numbering::default(),
    };
    let mut note_parts = Vec::with_capacity(2);
    for part in [&parts.footnotes, &parts.endnotes] {
        let mut walker = Walker::new(&styles, &numbering, Mode::Notes);
        if let Some(xml) = package.read_text(part)? {
            walker.walk(&xml, part)?;
        }
        note_parts.push(walker.notes);
    }
    let document = package
        .read_text(&parts.document)?
        .ok_or_else(|| ParseError::Docx(format!("{} cannot be read", parts.document)))?;
    let mut walker = Walker::new(&styles, &numbering, Mode::Body);
    walker.walk(&document, &parts.document)?;
    let line = walker.last_line();
    let mut blocks = walker.blocks;
    let endnotes = note_parts.pop().unwrap_or_default();
    let footnotes = note_parts.pop().unwrap_or_default();
    notes::emit(&mut blocks, walker.refs, footnotes, endnotes, line);
    Ok(blocks)
}
