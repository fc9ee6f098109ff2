//! The intermediate form every reader produces and the recogniser walks.
//!
//! A reader turns its format into a flat list of [`Block`]s: headings,
//! paragraphs, list items and tables, each with the source lines it came
//! from. Text is already plain ([`Inline`]): markup removed, entities decoded,
//! hard breaks as `\n`, with the bold and superscript spans kept because the
//! recogniser needs them (a label in bold, a decision that ends with its
//! bold, a `<sup>1</sup>` footnote marker).

use std::ops::Range;

/// A 1-based, inclusive range of source lines (for Word, paragraph numbers).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Lines {
    /// First line.
    pub start: u32,
    /// Last line, `>= start`.
    pub end: u32,
}

impl Lines {
    /// A range of one line.
    pub fn one(line: u32) -> Self {
        Lines {
            start: line,
            end: line,
        }
    }

    /// A range from `start` to `end`, inclusive; swapped if given backwards.
    pub fn new(start: u32, end: u32) -> Self {
        Lines {
            start: start.min(end),
            end: start.max(end),
        }
    }
}

/// Plain text with the spans that were bold or superscript.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Inline {
    /// The text: no markup, entities decoded, `\n` for hard breaks and list
    /// items, `\n\n` between paragraphs (inside a table cell).
    pub text: String,
    /// Byte ranges of `text` that were bold, in order, not overlapping.
    pub bold: Vec<Range<usize>>,
    /// Byte ranges of `text` that were superscript, in order.
    pub sup: Vec<Range<usize>>,
}

impl Inline {
    /// Plain text with no marks.
    pub fn plain(text: impl Into<String>) -> Self {
        Inline {
            text: text.into(),
            bold: Vec::new(),
            sup: Vec::new(),
        }
    }

    /// Appends text, bold or not, merging with an adjacent bold span.
    pub fn push(&mut self, text: &str, bold: bool) {
        let start = self.text.len();
        self.text.push_str(text);
        let end = self.text.len();
        if bold && end > start {
            match self.bold.last_mut() {
                Some(last) if last.end == start => last.end = end,
                _ => self.bold.push(start..end),
            }
        }
    }

    /// Appends superscript text.
    pub fn push_sup(&mut self, text: &str) {
        let start = self.text.len();
        self.text.push_str(text);
        if self.text.len() > start {
            self.sup.push(start..self.text.len());
        }
    }

    /// Appends `other`, its bold and superscript ranges moved along.
    pub fn append(&mut self, other: &Inline) {
        let offset = self.text.len();
        self.text.push_str(&other.text);
        let moved = |r: &Range<usize>| r.start + offset..r.end + offset;
        self.bold.extend(other.bold.iter().map(moved));
        self.sup.extend(other.sup.iter().map(moved));
    }

    /// The text from byte `from` on (moved back to the last character
    /// boundary at or before it), with the ranges clipped to it.
    pub fn tail(&self, from: usize) -> Inline {
        let mut cut = from.min(self.text.len());
        while !self.text.is_char_boundary(cut) {
            cut -= 1;
        }
        let clip = |r: &Range<usize>| (r.end > cut).then(|| r.start.max(cut) - cut..r.end - cut);
        Inline {
            text: self.text[cut..].to_string(),
            bold: self.bold.iter().filter_map(clip).collect(),
            sup: self.sup.iter().filter_map(clip).collect(),
        }
    }

    /// True when the text, once trimmed, is empty.
    pub fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }

    /// True when every non-whitespace character is inside a bold span.
    pub fn is_all_bold(&self) -> bool {
        // One pass over the characters and the spans (sorted, should a
        // reader ever leave them out of order), not a search of every span
        // for every character: that was quadratic in a long text of many
        // short bold runs.
        let mut sorted: Vec<&Range<usize>> = self.bold.iter().collect();
        sorted.sort_by_key(|r| (r.start, std::cmp::Reverse(r.end)));
        let mut merged: Vec<Range<usize>> = Vec::with_capacity(sorted.len());
        for r in sorted {
            match merged.last_mut() {
                Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
                _ => merged.push(r.clone()),
            }
        }
        let mut spans = merged.iter().peekable();
        let mut any = false;
        for (i, c) in self.text.char_indices() {
            if c.is_whitespace() {
                continue;
            }
            any = true;
            while spans.next_if(|r| r.end <= i).is_some() {}
            if !spans.peek().is_some_and(|r| r.contains(&i)) {
                return false;
            }
        }
        any
    }

    /// The end of the bold span that starts at the first non-blank character,
    /// if the text starts bold.
    pub fn leading_bold_end(&self) -> Option<usize> {
        let first = self.text.len() - self.text.trim_start().len();
        self.bold
            .iter()
            .find(|r| r.start <= first && first < r.end)
            .map(|r| r.end)
    }
}

/// What a block is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BlockKind {
    /// A heading, level 1 to 6.
    Heading(u8),
    /// A paragraph (or a line of plain text).
    Paragraph,
    /// An item of a list; the marker is normalised (`1. `, `- `) and is
    /// already the start of the text.
    ListItem,
    /// A table.
    Table(Table),
    /// Page furniture and decoration (running headers, page numbers,
    /// horizontal rules): text of no field, claimed without a diagnostic.
    Furniture,
    /// A table's caption (HTML's `<caption>`, Word's Caption style): the
    /// name of a table, text of no field, reported.
    Caption,
}

/// One block of a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// What the block is.
    pub kind: BlockKind,
    /// Its text (empty for tables).
    pub inline: Inline,
    /// The source lines it came from.
    pub lines: Lines,
}

impl Block {
    /// A block of `kind` with `inline` text from `lines`.
    pub fn new(kind: BlockKind, inline: Inline, lines: Lines) -> Self {
        Block {
            kind,
            inline,
            lines,
        }
    }

    /// The block's plain text.
    pub fn text(&self) -> &str {
        &self.inline.text
    }

    /// The table, if the block is one.
    pub fn table(&self) -> Option<&Table> {
        match &self.kind {
            BlockKind::Table(t) => Some(t),
            _ => None,
        }
    }
}

/// A table as a grid: spans already expanded.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Table {
    /// The rows, header rows first.
    pub rows: Vec<Row>,
}

/// One row of a table.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Row {
    /// Its cells, left to right, one per grid column.
    pub cells: Vec<Cell>,
    /// True when the source marks the row as a header (`<thead>`, `<th>`,
    /// a pipe table's first row, Word's repeated header row).
    pub header: bool,
    /// The source lines of the row.
    pub lines: Lines,
}

/// One grid cell.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Cell {
    /// Its text.
    pub inline: Inline,
    /// How the cell came to be in the grid.
    pub span: Span,
}

impl Cell {
    /// The cell's plain text.
    pub fn text(&self) -> &str {
        &self.inline.text
    }
}

/// Whether a grid cell is a real cell or the continuation of a merged one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Span {
    /// A cell of its own (or the first cell of a merged area).
    #[default]
    Own,
    /// Covered by the cell above (`rowspan`, Word's `vMerge`): empty text.
    FromAbove,
    /// Covered by the cell to the left (`colspan`, `gridSpan`): empty text.
    FromLeft,
}
