//! Text accumulation with HTML's rendering rules: whitespace collapsed,
//! breaks between blocks and list items decided lazily, bold and
//! superscript spans kept.
//!
//! Everything is decided when the next visible character arrives, so a
//! buffer never holds leading or trailing whitespace and needs no trimming:
//! a `<br>` or a paragraph boundary at the very start or end of a cell
//! simply never materialises.

use crate::block::{Inline, Lines};

/// The inline formatting in force: nesting depths of `<b>`/`<strong>`,
/// `<sup>` and `<pre>`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Fmt {
    /// Open `<b>`/`<strong>` elements.
    pub bold: u32,
    /// Open `<sup>` elements.
    pub sup: u32,
    /// Open `<pre>` elements: newlines in their text are hard breaks.
    pub pre: u32,
}

/// The most newlines ever written in a row: a blank line.
const MAX_NEWLINES: u32 = 2;

/// One field's text under construction.
#[derive(Debug, Default)]
pub(super) struct TextBuf {
    out: Inline,
    /// Whitespace was seen since the last visible character.
    space: bool,
    /// `<br>`s since the last visible character.
    hard: u32,
    /// Newlines a block or list boundary asks for (1 or 2).
    soft: u32,
    /// The last visible text was in a list item, with no other block
    /// boundary since: a following item is one line down, not a blank line.
    item: bool,
    /// Inside a list item now.
    in_item: bool,
    /// A list marker waiting for the item's first visible character.
    marker: Option<String>,
    /// First and last source line of visible text.
    lines: Option<Lines>,
}

impl TextBuf {
    /// An empty buffer.
    pub fn new() -> Self {
        Self::default()
    }

    /// Appends character data that starts on source line `line`.
    pub fn text(&mut self, s: &str, line: u32, fmt: Fmt) {
        let mut line = line;
        let mut run: Option<usize> = None;
        for (i, c) in s.char_indices() {
            if c.is_whitespace() {
                if let Some(start) = run.take() {
                    self.emit(&s[start..i], line, fmt);
                }
                if c == '\n' {
                    line = line.saturating_add(1);
                    if fmt.pre > 0 {
                        self.hard_break();
                        continue;
                    }
                }
                self.space = true;
            } else if run.is_none() {
                run = Some(i);
            }
        }
        if let Some(start) = run {
            self.emit(&s[start..], line, fmt);
        }
    }

    /// A hard line break (`<br>`).
    pub fn hard_break(&mut self) {
        self.hard = self.hard.saturating_add(1);
        self.space = false;
    }

    /// A boundary between paragraphs or other blocks: a blank line.
    pub fn boundary(&mut self) {
        // A paragraph opening a list item is the item's own text.
        if self.marker.is_some() {
            return;
        }
        self.soft = MAX_NEWLINES;
        self.item &= self.in_item;
    }

    /// A boundary between the rows of a flattened nested table: one line.
    pub fn line_boundary(&mut self) {
        if self.marker.is_some() {
            return;
        }
        self.soft = self.soft.max(1);
        self.item &= self.in_item;
    }

    /// A boundary between the cells of a flattened nested table: a space.
    pub fn cell_separator(&mut self) {
        self.space = true;
    }

    /// The start of a list item whose text begins with `marker`.
    pub fn item_start(&mut self, marker: String) {
        // Items follow each other one per line, even a bulleted list right
        // after a numbered one; after anything else they start a new block.
        self.soft = if self.item { 1 } else { MAX_NEWLINES };
        self.marker = Some(marker);
        self.in_item = true;
    }

    /// The end of a list item.
    pub fn item_end(&mut self) {
        self.in_item = false;
        self.marker = None;
    }

    /// The end of a list: what follows, unless another item, is a new block.
    pub fn list_end(&mut self) {
        self.item_end();
        self.soft = MAX_NEWLINES;
    }

    /// The finished text and the source lines of its visible part.
    pub fn finish(self) -> (Inline, Option<Lines>) {
        (self.out, self.lines)
    }

    /// Writes a run of visible characters, preceded by whatever separator
    /// is pending.
    fn emit(&mut self, run: &str, line: u32, fmt: Fmt) {
        let bold = fmt.bold > 0;
        if !self.out.text.is_empty() {
            let newlines = self.hard.max(self.soft).min(MAX_NEWLINES);
            if newlines > 0 {
                for _ in 0..newlines {
                    self.out.text.push('\n');
                }
            } else if self.space && !self.out.text.ends_with([' ', '\n']) {
                // A space between two bold words is bold; at a bold edge not.
                let after_bold = self
                    .out
                    .bold
                    .last()
                    .is_some_and(|r| r.end == self.out.text.len());
                push_marked(&mut self.out, " ", bold && after_bold, false);
            }
        }
        if let Some(marker) = self.marker.take() {
            self.out.text.push_str(&marker);
        }
        push_marked(&mut self.out, run, bold, fmt.sup > 0);
        self.space = false;
        self.hard = 0;
        self.soft = 0;
        self.item = self.in_item;
        self.lines = Some(match self.lines {
            Some(l) => Lines::new(l.start, line.max(l.end)),
            None => Lines::one(line),
        });
    }
}

/// Appends `text` to `out`, extending or opening bold and superscript spans.
pub(super) fn push_marked(out: &mut Inline, text: &str, bold: bool, sup: bool) {
    let start = out.text.len();
    out.text.push_str(text);
    let end = out.text.len();
    if start == end {
        return;
    }
    if bold {
        extend(&mut out.bold, start, end);
    }
    if sup {
        extend(&mut out.sup, start, end);
    }
}

/// Adds `start..end` to ordered ranges, merging with an adjacent last one.
fn extend(ranges: &mut Vec<std::ops::Range<usize>>, start: usize, end: usize) {
    match ranges.last_mut() {
        Some(last) if last.end == start => last.end = end,
        _ => ranges.push(start..end),
    }
}

/// Appends `src` to `dst` after `sep` (only when both are non-empty),
/// shifting its spans.
pub(super) fn append_inline(dst: &mut Inline, src: Inline, sep: &str) {
    if src.text.is_empty() {
        return;
    }
    if !dst.text.is_empty() {
        dst.text.push_str(sep);
    }
    let shift = dst.text.len();
    dst.text.push_str(&src.text);
    for r in src.bold {
        extend(&mut dst.bold, r.start + shift, r.end + shift);
    }
    for r in src.sup {
        extend(&mut dst.sup, r.start + shift, r.end + shift);
    }
}
