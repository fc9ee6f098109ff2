//! The Markdown reader: pulldown-cmark's offset iterator for structure, and a
//! look at the source lines where CommonMark's structure is not the
//! document's.
//!
//! Grammar of what the reader turns into blocks (EBNF over CommonMark blocks):
//!
//! ```text
//! document  = { block } ;
//! block     = heading | paragraph | list | pipe-table | html-block | code | rule ;
//! paragraph = segment , { segment | tab-row | furniture } ;   (* split on lines *)
//! segment   = line , { line - label-line - tab-line } ;
//! tab-row   = tab-line ;           (* a line holding a tab between two cells *)
//! label-line = line starting with a vocabulary label (after `**`, `<b>`, `#`) ;
//! ```
//!
//! Management responses are often pasted from Word: recommendations written
//! with no blank line between them are one CommonMark paragraph, and
//! tab-separated tables are paragraph text. So a paragraph is re-split at
//! every line that starts with a label or holds a tab; consecutive tab lines
//! become one table.

use std::borrow::Cow;
use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::dash_table::{self, DashTable};
use super::lines::LineIndex;
use super::starts_with_note_marker;
use crate::block::{Block, BlockKind, Cell, Inline, Lines, Row, Table};
use crate::cleantext::is_page_furniture;
use crate::labels::find_label;
use crate::vocab::Label;

/// Reads Markdown text into blocks, with 1-based source lines.
pub fn read_markdown(text: &str) -> Vec<Block> {
    let dash_tables = dash_table::find(text);
    let blanked = blank_lines(text, &dash_tables);
    let defused = defuse_sparse_tables(&blanked);
    let text: &str = &defused;
    let index = LineIndex::new(text);
    let mut reader = Reader {
        text,
        index: &index,
        blocks: Vec::new(),
        star_items: Vec::new(),
    };
    let mut events = Parser::new_ext(text, Options::ENABLE_TABLES).into_offset_iter();
    // The end of an HTML table read whole past the HTML block it opens in.
    let mut html_until = 0;
    while let Some((event, range)) = events.next() {
        if range.start < html_until {
            if let Event::Start(_) = event {
                drop(UntilEnd::new(&mut events));
            }
            continue;
        }
        if let Event::Start(Tag::HtmlBlock) = event {
            // A blank line inside an HTML table ends CommonMark's HTML
            // block: the table is read to its `</table>` all the same.
            let end = html_table_end(text, &range);
            if end > range.end {
                drop(UntilEnd::new(&mut events));
                reader.html(range.start..end);
                html_until = end;
                continue;
            }
        }
        let tag = match event {
            // A quote's own blocks are read as if they stood alone. Its start
            // and end are passed over here rather than by recursion, so that
            // 10,000 nested quotes cost neither stack nor a copy of their
            // events per level.
            Event::Start(Tag::BlockQuote(_)) => continue,
            Event::Start(tag) => tag,
            Event::Rule => {
                reader.push(BlockKind::Furniture, Inline::default(), &range);
                continue;
            }
            _ => continue,
        };
        reader.block(tag, range, UntilEnd::new(&mut events));
    }
    let mut blocks = reader.blocks;
    let mut star_items = reader.star_items;
    insert_dash_tables(&mut blocks, &mut star_items, dash_tables);
    star_notes_at_the_end(&mut blocks, &star_items);
    blocks
}

/// `text` with the lines of `tables` made blank (spaces, so that offsets
/// and line numbers stay), for CommonMark to read around them.
fn blank_lines<'t>(text: &'t str, tables: &[DashTable]) -> Cow<'t, str> {
    if tables.is_empty() {
        return Cow::Borrowed(text);
    }
    let index = LineIndex::new(text);
    let mut bytes = text.as_bytes().to_vec();
    for t in tables {
        let start = index
            .range(t.lines.start, text.len())
            .map_or(0, |r| r.start);
        let end = index.range(t.lines.end, text.len()).map_or(0, |r| r.end);
        for b in bytes.get_mut(start..end).unwrap_or_default() {
            if *b != b'\n' {
                *b = b' ';
            }
        }
    }
    // Bytes of whole characters became ASCII spaces: still UTF-8.
    Cow::Owned(
        String::from_utf8(bytes)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()),
    )
}

/// Places each dash-ruled table among the blocks, in line order, its cells
/// read as Markdown; the indices of star items after it move on by one.
fn insert_dash_tables(blocks: &mut Vec<Block>, star_items: &mut [usize], tables: Vec<DashTable>) {
    for t in tables {
        let at = blocks.partition_point(|b| b.lines.start < t.lines.start);
        for item in star_items.iter_mut().filter(|i| **i >= at) {
            *item += 1;
        }
        let block = t.into_block(|row, c| {
            row.cells
                .get(c)
                .map_or_else(Inline::default, |text| render_fragment(text))
        });
        blocks.insert(at, block);
    }
}

/// Turns the `*` list items among the footnotes that end a document (`*
/// Status as of 31 May 2023.`, a footnote whose star was not escaped, which
/// CommonMark reads as a bullet) back into the footnote paragraphs they
/// were written as.
fn star_notes_at_the_end(blocks: &mut [Block], star_items: &[usize]) {
    for (i, block) in blocks.iter_mut().enumerate().rev() {
        match block.kind {
            BlockKind::Furniture => continue,
            // Other notes among them (`** …`, `† …`).
            BlockKind::Paragraph if starts_with_note_marker(&block.inline.text) => continue,
            BlockKind::ListItem if star_items.binary_search(&i).is_ok() => {
                if let Some(rest) = block.inline.text.strip_prefix("- ") {
                    block.inline.text = format!("* {rest}");
                }
                block.kind = BlockKind::Paragraph;
            }
            _ => break,
        }
    }
}

type Spanned<'a> = (Event<'a>, Range<usize>);

/// Drops the source ranges of events, and reads a hard break made of a
/// line's trailing tabs (the padding of text pasted beside a tab table) as
/// the soft break it is: CommonMark takes any trailing whitespace of two or
/// more for a hard break, MODEL.md joins wrapped lines with a space.
fn soften<'a>(text: &str) -> impl FnMut(Spanned<'a>) -> Event<'a> + '_ {
    move |(event, range)| match event {
        Event::HardBreak if text.get(range).is_some_and(|t| t.contains('\t')) => Event::SoftBreak,
        event => event,
    }
}

/// The events of the tag just started, up to its end (consumed, not
/// yielded), read from the document's one stream without copying them: a
/// table's events were collected three times over (table, row, cell).
/// Dropping it skips whatever was not read.
struct UntilEnd<'i, 'a, I: Iterator<Item = Spanned<'a>>> {
    events: &'i mut I,
    depth: usize,
}

impl<'i, 'a, I: Iterator<Item = Spanned<'a>>> UntilEnd<'i, 'a, I> {
    fn new(events: &'i mut I) -> Self {
        UntilEnd { events, depth: 1 }
    }
}

impl<'a, I: Iterator<Item = Spanned<'a>>> Iterator for UntilEnd<'_, 'a, I> {
    type Item = Spanned<'a>;

    fn next(&mut self) -> Option<Spanned<'a>> {
        if self.depth == 0 {
            return None;
        }
        let Some((event, range)) = self.events.next() else {
            self.depth = 0;
            return None;
        };
        match &event {
            Event::Start(_) => self.depth += 1,
            Event::End(_) => {
                self.depth -= 1;
                if self.depth == 0 {
                    return None;
                }
            }
            _ => {}
        }
        Some((event, range))
    }
}

impl<'a, I: Iterator<Item = Spanned<'a>>> Drop for UntilEnd<'_, 'a, I> {
    fn drop(&mut self) {
        while self.next().is_some() {}
    }
}

struct Reader<'t> {
    text: &'t str,
    index: &'t LineIndex,
    blocks: Vec<Block>,
    /// Where the items of lists bulleted with `*` start in `blocks`.
    star_items: Vec<usize>,
}

impl<'t> Reader<'t> {
    fn lines_of(&self, range: &Range<usize>) -> Lines {
        let end = range.end.saturating_sub(1).max(range.start);
        Lines::new(self.index.line_of(range.start), self.index.line_of(end))
    }

    fn push(&mut self, kind: BlockKind, inline: Inline, range: &Range<usize>) {
        let lines = self.lines_of(range);
        self.blocks.push(Block::new(kind, inline, lines));
    }

    fn block<'a>(
        &mut self,
        tag: Tag<'_>,
        range: Range<usize>,
        inner: UntilEnd<'_, 'a, impl Iterator<Item = Spanned<'a>>>,
    ) {
        match tag {
            Tag::Heading { level, .. } => {
                let inline = render_events(inner.map(soften(self.text)));
                self.push(BlockKind::Heading(level as u8), inline, &range);
            }
            Tag::Paragraph | Tag::CodeBlock(_) => self.paragraph(range, inner),
            Tag::List(start) => self.list(start, inner),
            Tag::Table(_) => self.table(&range, inner),
            Tag::HtmlBlock => self.html(range),
            _ => {
                let inline = render_events(inner.map(soften(self.text)));
                self.push(BlockKind::Paragraph, inline, &range);
            }
        }
    }

    /// A paragraph, split at label lines and tab lines where it needs to be.
    fn paragraph<'a>(&mut self, range: Range<usize>, inner: impl Iterator<Item = Spanned<'a>>) {
        let source = self.text.get(range.clone()).unwrap_or_default();
        let first_line = self.index.line_of(range.start);
        if self.continue_pipe_table(source, first_line) {
            return;
        }
        let joins_table = self.table_above_across_tab_lines(first_line);
        if !joins_table && !needs_split(source) {
            let inline = render_events(inner.map(soften(self.text)));
            self.push(BlockKind::Paragraph, inline, &range);
            return;
        }
        let splitter = Splitter {
            joins_table,
            ..Splitter::default()
        };
        self.split_with(splitter, source, first_line);
    }

    /// Adds a paragraph of pipe rows to the pipe table just above when only
    /// blank lines stand between them (a blank line a converter left inside
    /// a table ends it for GFM, and the rows after it are text); true when
    /// it did.
    fn continue_pipe_table(&mut self, source: &str, first_line: u32) -> bool {
        let source = source.trim_end_matches(['\n', '\r']);
        let is_pipe_row = |line: &str| {
            let row = container_content(line).trim_end();
            row.starts_with('|') && row.len() > 1 && row.ends_with('|')
        };
        if !source.split('\n').all(is_pipe_row) {
            return false;
        }
        let Some(last) = self.blocks.last() else {
            return false;
        };
        let gap_is_blank = (last.lines.end.saturating_add(1)..first_line)
            .all(|n| container_content(self.line_text(n)).trim().is_empty());
        let above_is_pipe_table = matches!(last.kind, BlockKind::Table(_))
            && is_pipe_row(self.line_text(last.lines.start))
            && last.lines.end < first_line;
        if !(gap_is_blank && above_is_pipe_table) {
            return false;
        }
        let rows: Vec<Row> = source
            .split('\n')
            .enumerate()
            .map(|(n, line)| {
                let cells = source_cells(line.trim_end_matches('\r'));
                rendered_row(cells, first_line + n as u32)
            })
            .collect();
        let Some(last) = self.blocks.last_mut() else {
            return false;
        };
        let BlockKind::Table(table) = &mut last.kind else {
            return false;
        };
        last.lines.end = rows.last().map_or(last.lines.end, |r| r.lines.end);
        table.rows.extend(rows);
        true
    }

    /// True when the last block is a table and only lines of tabs (the
    /// empty rows a Word table pasted as text leaves) stand between it and
    /// `line`: CommonMark ends the paragraph there, the table goes on.
    fn table_above_across_tab_lines(&self, line: u32) -> bool {
        let Some(last) = self.blocks.last() else {
            return false;
        };
        let gap = last.lines.end.saturating_add(1)..line;
        matches!(last.kind, BlockKind::Table(_))
            && !gap.is_empty()
            && gap.into_iter().all(|n| {
                let text = self.line_text(n);
                text.contains('\t') && text.trim_matches([' ', '\t', '\r']).is_empty()
            })
    }

    /// The text of 1-based source line `n`, empty past the end.
    fn line_text(&self, n: u32) -> &'t str {
        let text: &'t str = self.text;
        self.index
            .range(n, text.len())
            .and_then(|r| text.get(r))
            .unwrap_or_default()
    }

    /// Splits source lines into blocks as a paragraph is split.
    fn split_lines(&mut self, source: &str, first_line: u32) {
        self.split_with(Splitter::default(), source, first_line);
    }

    fn split_with(&mut self, mut splitter: Splitter, source: &str, first_line: u32) {
        for (n, raw) in source.split('\n').enumerate() {
            let line = first_line + n as u32;
            splitter.line(raw, line, &mut self.blocks);
        }
        splitter.flush(&mut self.blocks);
    }

    fn list<'a>(&mut self, start: Option<u64>, mut events: impl Iterator<Item = Spanned<'a>>) {
        let mut number = start;
        // After an item split at a label, the items that follow belong to
        // another field: they count from the number they are written with.
        let mut restart = false;
        while let Some((event, range)) = events.next() {
            if let Event::Start(Tag::Item) = event {
                let item = UntilEnd::new(&mut events);
                let mut inline = Inline::default();
                let source = self.text.get(range.clone()).unwrap_or_default();
                // `- 3 -`, a page number, read as a bullet.
                if is_page_furniture(source.trim_end()) {
                    drop(item);
                    self.push(BlockKind::Furniture, Inline::default(), &range);
                    continue;
                }
                if std::mem::take(&mut restart) && number.is_some() {
                    number = split_list_marker(source).0.or(number);
                }
                if number.is_none() && source.trim_start().starts_with('*') {
                    self.star_items.push(self.blocks.len());
                }
                match number {
                    Some(n) => {
                        inline.push(&format!("{n}. "), false);
                        number = Some(n.saturating_add(1));
                    }
                    None => inline.push("- ", false),
                }
                let source = source.trim_end_matches(['\n', '\r']);
                let first_line = self.index.line_of(range.start);
                // `1. Agree…<tab>Q3 2023<tab>…`: a tab-table row whose id
                // CommonMark took for a list marker.
                let first = source.split('\n').next().unwrap_or_default();
                if holds_tab(first) && !is_marker_then_tab(first) {
                    drop(item);
                    self.split_lines(source, first_line);
                    continue;
                }
                let (_, content) = split_list_marker(source);
                if needs_split(content) {
                    // Lines after the item that CommonMark reads as its lazy
                    // continuation: labels, tab tables, notes (Word pastes
                    // with no blank line before the next label).
                    drop(item);
                    self.split_item(inline, content, first_line);
                    restart = true;
                    continue;
                }
                let body = render_events(item.map(soften(self.text)));
                inline.append(&body);
                self.push(BlockKind::ListItem, inline, &range);
            }
        }
    }

    /// A list item whose text runs on into lines that start blocks of their
    /// own: its first segment is the item (after `marker`), the rest is
    /// split as a paragraph is.
    fn split_item(&mut self, marker: Inline, content: &str, first_line: u32) {
        let start = self.blocks.len();
        self.split_lines(content, first_line);
        let mut blocks = self.blocks.split_off(start).into_iter();
        if let Some(first) = blocks.next() {
            if first.kind == BlockKind::Paragraph {
                let mut inline = marker;
                inline.append(&first.inline);
                self.blocks
                    .push(Block::new(BlockKind::ListItem, inline, first.lines));
            } else {
                self.blocks.push(first);
            }
        }
        self.blocks.extend(blocks);
    }

    fn table<'a>(&mut self, range: &Range<usize>, mut events: impl Iterator<Item = Spanned<'a>>) {
        let mut table = Table::default();
        // Cells the parser filled in, and cells written, so far.
        let (mut filled, mut written) = (0usize, 0usize);
        while let Some((event, row_range)) = events.next() {
            let header = match event {
                Event::Start(Tag::TableHead) => true,
                Event::Start(Tag::TableRow) => false,
                _ => continue,
            };
            let mut cells = UntilEnd::new(&mut events);
            let mut row = Row {
                cells: Vec::new(),
                header,
                lines: self.lines_of(&row_range),
            };
            while let Some((event, cell_range)) = cells.next() {
                if let Event::Start(Tag::TableCell) = event {
                    let cell = UntilEnd::new(&mut cells);
                    // GFM fills a short row up to the header's width with
                    // empty cells, which pulldown-cmark places at the row's
                    // end (a written cell never starts there). It allows
                    // 2^18 of them per table: a wide header over many short
                    // rows would make a 20 KB input a grid of 262,144
                    // cells. Past a budget linear in the cells written,
                    // filled cells are left out; the rows are then short,
                    // which the recogniser reports.
                    if cell_range.is_empty() && cell_range.start == row_range.end {
                        if filled >= FILL_FLOOR.max(written.saturating_mul(FILL_FACTOR)) {
                            continue;
                        }
                        filled += 1;
                    } else {
                        written += 1;
                    }
                    let inline = render_events(cell.map(|(e, _)| e));
                    row.cells.push(Cell {
                        inline,
                        ..Cell::default()
                    });
                }
            }
            let source = self.text.get(row_range.clone()).unwrap_or_default();
            match source_cells(source).count() {
                // Cells beyond the header, which the parser drops: kept, so
                // the recogniser can report their text.
                n if n > row.cells.len() => {
                    for extra in source_cells(source).skip(row.cells.len()) {
                        row.cells.push(Cell {
                            inline: render_fragment(extra.trim()),
                            ..Cell::default()
                        });
                    }
                }
                // Empty cells the parser added to a short row: taken away,
                // so the row has the cells it was written with.
                n if n > 0
                    && n < row.cells.len()
                    && row.cells[n..].iter().all(|c| c.inline.is_blank()) =>
                {
                    row.cells.truncate(n);
                }
                _ => {}
            }
            table.rows.push(row);
        }
        self.push(BlockKind::Table(table), Inline::default(), range);
    }

    /// An HTML block: read by the HTML reader. Markdown emphasis written
    /// inside its cells (`<td>**Completed**</td>`) is read as Markdown; a
    /// block of markup alone (a comment, a `<div>` wrapper) is furniture,
    /// text of no field.
    fn html(&mut self, range: Range<usize>) {
        let source = self.text.get(range.clone()).unwrap_or_default();
        let first_line = self.index.line_of(range.start);
        let mut blocks = super::html_fragment(source, first_line);
        // Lines of markup alone that no block covers (a comment, a `<div>`
        // wrapper's own lines): furniture.
        let mut in_comment = false;
        for (n, line) in source.lines().enumerate() {
            let number = first_line + n as u32;
            let covered = blocks
                .iter()
                .any(|b| b.lines.start <= number && number <= b.lines.end);
            if is_markup_only(line, &mut in_comment) && !covered {
                blocks.push(Block::new(
                    BlockKind::Furniture,
                    Inline::default(),
                    Lines::one(number),
                ));
            }
        }
        for block in &mut blocks {
            if let BlockKind::Table(table) = &mut block.kind {
                for cell in table.rows.iter_mut().flat_map(|r| r.cells.iter_mut()) {
                    if cell.inline.text.contains(['*', '_']) && cell.inline.sup.is_empty() {
                        let bold = cell.inline.is_all_bold() && !cell.inline.is_blank();
                        let mut inline = render_fragment(&cell.inline.text);
                        if bold {
                            let text = std::mem::take(&mut inline.text);
                            inline = Inline::default();
                            inline.push(&text, true);
                        }
                        cell.inline = inline;
                    }
                }
            }
        }
        self.blocks.extend(blocks);
    }
}

/// True when a line holds tags and comments and no text outside them;
/// `in_comment` carries a comment that goes on over lines (`<!-- a note`,
/// `over two lines -->`) from one line to the next.
fn is_markup_only(line: &str, in_comment: &mut bool) -> bool {
    let mut rest = line.trim();
    loop {
        if *in_comment {
            match rest.find("-->") {
                Some(end) => {
                    *in_comment = false;
                    rest = rest[end + 3..].trim_start();
                }
                None => return true,
            }
        }
        let Some(tail) = rest.strip_prefix('<') else {
            return rest.is_empty();
        };
        if let Some(comment) = tail.strip_prefix("!--") {
            *in_comment = true;
            rest = comment;
            continue;
        }
        match tail.find('>') {
            Some(end) => rest = tail[end + 1..].trim_start(),
            None => return false,
        }
    }
}

/// Where the HTML tables an HTML block opens end, past the block when a
/// blank line cut it short: just after the `</table>` that closes the last
/// of them, or `range.end` when the block closes every table it opens (or
/// no closing tag follows).
fn html_table_end(text: &str, range: &Range<usize>) -> usize {
    let Some(block) = text.get(range.clone()) else {
        return range.end;
    };
    let lower = block.to_ascii_lowercase();
    let open = lower.matches("<table").count();
    let mut unclosed = open.saturating_sub(lower.matches("</table").count());
    let mut end = range.end;
    while unclosed > 0 {
        let rest = text.get(end..).unwrap_or_default();
        let at = ["</table", "</TABLE", "</Table"]
            .iter()
            .filter_map(|t| rest.find(t))
            .min();
        let Some(at) = at else {
            return range.end;
        };
        let close = rest[at..].find('>').map_or(rest.len(), |i| at + i + 1);
        end += close;
        unclosed -= 1;
    }
    end
}

/// Table cells (written or filled) a table may amount to, at least.
const TABLE_CELLS_FLOOR: usize = 1 << 16;
/// Table cells a table may amount to per byte of its source.
const TABLE_CELLS_PER_BYTE: usize = 8;

/// `text` with every pipe table that would be mostly filled-in cells made
/// plain text; borrowed when there is none (always, in real documents).
///
/// GFM fills every short row up to the header's width, and pulldown-cmark
/// builds those cells before any event is read: it stops at 2^18 a table,
/// but a 3 KB table of 512 columns over 512 one-cell rows reaches that, and
/// 160 of them (575 KB) took 2 GB and 2 s in pulldown-cmark alone. A table
/// whose header width times its lines is over
/// `max(TABLE_CELLS_FLOOR, TABLE_CELLS_PER_BYTE × its bytes)` (a real
/// table, its rows mostly written, is far below) has the first `-` of its
/// delimiter row made a `~`: it is then read as paragraph text, every word
/// kept, and the byte offsets, so the line numbers, do not move.
fn defuse_sparse_tables(text: &str) -> Cow<'_, str> {
    // The end of the line starting at `at`.
    let line_end =
        |at: usize| memchr::memchr(b'\n', &text.as_bytes()[at..]).map_or(text.len(), |i| at + i);
    let mut defuse: Vec<usize> = Vec::new();
    let mut previous: Option<usize> = None;
    let mut at = 0;
    while at <= text.len() {
        let end = line_end(at);
        let line = &text[at..end];
        let (Some(header), Some(width)) = (previous, delimiter_width(line)) else {
            previous = Some(at);
            at = end + 1;
            continue;
        };
        // The table runs to the next blank line: an upper bound on its rows.
        let (mut rows, mut last_start, mut last_end) = (0usize, at, end);
        let mut cursor = end + 1;
        while cursor <= text.len() {
            let e = line_end(cursor);
            if container_content(&text[cursor..e]).trim().is_empty() {
                break;
            }
            (rows, last_start, last_end) = (rows + 1, cursor, e);
            cursor = e + 1;
        }
        let bytes = last_end.saturating_sub(header);
        let cells = width.saturating_mul(rows + 2);
        if cells > TABLE_CELLS_FLOOR.max(TABLE_CELLS_PER_BYTE.saturating_mul(bytes))
            && let Some(dash) = line.find('-')
        {
            defuse.push(at + dash);
        }
        previous = Some(last_start);
        at = cursor;
    }
    if defuse.is_empty() {
        return Cow::Borrowed(text);
    }
    let mut bytes = text.as_bytes().to_vec();
    for at in defuse {
        // In bounds and an ASCII `-`: found by `find('-')` in this line.
        bytes[at] = b'~';
    }
    // Replacing one ASCII byte with another keeps the text UTF-8.
    Cow::Owned(
        String::from_utf8(bytes)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()),
    )
}

/// A line without the block quote markers and indentation of the
/// containers it may stand in.
fn container_content(line: &str) -> &str {
    line.trim_start_matches([' ', '\t', '>'])
}

/// The number of cells of a GFM delimiter row (`|---|:--:|`), if the line
/// is one.
fn delimiter_width(line: &str) -> Option<usize> {
    let row = container_content(line);
    // Most lines are text: their first byte says so.
    if !matches!(row.as_bytes().first(), Some(b'|' | b'-' | b':')) {
        return None;
    }
    let row = row.trim_end();
    let ok = row.contains('-')
        && row.contains('|')
        && row
            .bytes()
            .all(|b| matches!(b, b'|' | b'-' | b':' | b' ' | b'\t'));
    if !ok {
        return None;
    }
    let cells = row
        .trim_matches('|')
        .split('|')
        .filter(|c| c.contains('-'))
        .count();
    (cells > 0).then_some(cells)
}

/// Parser-filled cells always kept in one table.
const FILL_FLOOR: usize = 1 << 16;
/// Parser-filled cells kept per written cell, beyond [`FILL_FLOOR`].
const FILL_FACTOR: usize = 4;

/// True when a paragraph's source holds a line that must start a block of
/// its own: a label after the first line, a tab between cells, furniture.
fn needs_split(source: &str) -> bool {
    source.split('\n').enumerate().any(|(n, line)| {
        holds_tab(line)
            || is_page_furniture(line)
            || bullet_body(strip_quote(line)).is_some()
            || n > 0 && starts_with_label(strip_quote(line))
            || n > 0 && starts_with_note_marker(strip_quote(line))
    })
}

/// A list item's source split at its marker (`- `, `* `, `3. `, `3) `):
/// the number it is written with, if any, and its content without the
/// marker and the spaces around it.
fn split_list_marker(source: &str) -> (Option<u64>, &str) {
    let rest = source.trim_start_matches([' ', '>']);
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let (number, after) = if digits > 0 {
        (
            rest[..digits].parse().ok(),
            rest[digits..].strip_prefix(['.', ')']),
        )
    } else {
        (None, rest.strip_prefix(['-', '*', '+']))
    };
    let content = after.map_or(rest, |a| a.trim_start_matches([' ', '\t']));
    (number, content)
}

/// The text of a line bulleted with a character Markdown does not read as
/// a list marker (`• item`, pasted from Word), without its bullet.
fn bullet_body(line: &str) -> Option<&str> {
    let rest = line.trim_start();
    ["•", "◦", "▪", "·", "\u{f0b7}"]
        .iter()
        .find_map(|b| rest.strip_prefix(b))
        .and_then(|r| r.strip_prefix([' ', '\t']))
}

/// True when a tab line's first cell is a header word (`Key Action(s)`):
/// a new table's header, not the next row of the one before.
fn is_header_line(line: &str) -> bool {
    let first = line.trim_start().split('\t').next().unwrap_or_default();
    find_label(first).is_some_and(|m| {
        matches!(
            m.label,
            Label::KeyActions | Label::TimeFrame | Label::Responsible | Label::Recommendation
        )
    })
}

/// True when a tab row's first cell is a header word, as [`is_header_line`].
fn starts_header(row: &Row) -> bool {
    row.cells.first().is_some_and(|c| is_header_line(c.text()))
}

/// True when a line's text before its first tab starts with a
/// recommendation, response or overall-comments label closed by a colon
/// (`**Management Response:**<tab>Accepted`, `**Management Response:
/// Accepted**<tab>– because`): a label and its text, not the cells of a
/// row. A contributor's field that fills its cell (`Prepared by:<tab>A B`)
/// is one too; with its value (`Prepared by: A B<tab>Input by: C D`, a
/// two-column header) it is a row.
fn is_label_then_tab(line: &str) -> bool {
    let first = without_leading_tags(line.split('\t').next().unwrap_or_default());
    find_label(first).is_some_and(|m| {
        m.closed
            && match m.label {
                Label::Recommendation | Label::Response | Label::OverallComments => true,
                Label::Role | Label::Position | Label::Unit => first[m.rest..].trim().is_empty(),
                // A column's name (`Key Action(s):<tab>Time Frame`) heads a table.
                _ => false,
            }
    })
}

/// True when a line is a list item whose marker a tab follows, its only
/// tab (`1.<tab>First point`, `•<tab>Bullet`): an item, not a row.
fn is_marker_then_tab(line: &str) -> bool {
    let text = line.trim_start();
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    let after = if digits > 0 {
        text[digits..].strip_prefix(['.', ')'])
    } else {
        text.strip_prefix(['-', '*', '+', '•'])
    };
    after.is_some_and(|rest| rest.starts_with('\t') && !holds_tab(&rest[1..]))
}

/// True when a line holds a tab between two cells (trailing tabs do not count).
fn holds_tab(line: &str) -> bool {
    let content = line.trim_end_matches([' ', '\t', '\r', '\u{a0}']);
    content.contains('\t')
}

fn strip_quote(line: &str) -> &str {
    line.trim_start_matches([' ', '>'])
}

/// True when a raw source line starts with a label, behind any leading
/// inline HTML tags (`<b>`, `<strong>`) or Markdown emphasis, with tags
/// inside it too (`<b>Management Response</b>: Accepted`).
fn starts_with_label(line: &str) -> bool {
    let rest = without_leading_tags(line);
    // Most lines hold no tag past their leading ones: no copy.
    if !prefix(rest, LABEL_HEAD).contains('<') {
        return find_label(rest).is_some();
    }
    // A label is a few words: only the head of the line is freed of tags.
    let mut head = String::with_capacity(LABEL_HEAD.min(rest.len()));
    let mut text = rest;
    while head.len() < LABEL_HEAD && !text.is_empty() {
        match text.find('<') {
            // An escaped `\<` opens no tag.
            Some(0) => match text.find('>') {
                Some(end) if end < 40 && !head.ends_with('\\') => text = &text[end + 1..],
                _ => {
                    head.push('<');
                    text = &text[1..];
                }
            },
            Some(at) => {
                head.push_str(prefix(&text[..at], LABEL_HEAD - head.len()));
                text = &text[at..];
            }
            None => {
                head.push_str(prefix(text, LABEL_HEAD - head.len()));
                text = "";
            }
        }
    }
    find_label(head.trim_start()).is_some()
}

/// A line without the inline HTML tags it starts with (`<b>`, `<strong>`)
/// and the spaces around them.
fn without_leading_tags(line: &str) -> &str {
    let mut rest = line.trim_start();
    while rest.starts_with('<') {
        match rest.find('>') {
            Some(end) if end < 40 => rest = rest[end + 1..].trim_start(),
            _ => break,
        }
    }
    rest
}

/// The first `n` bytes of `text`, or fewer to end on a character.
fn prefix(text: &str, n: usize) -> &str {
    let mut end = n.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// Bytes of a line's head, freed of tags, that [`starts_with_label`] reads:
/// more than the longest label with its id and colon.
const LABEL_HEAD: usize = 160;

/// Whether a line starts with a label ([`starts_with_label`]), worked out
/// once however often a line's reading asks.
struct LabelTest<'a> {
    content: &'a str,
    known: Option<bool>,
}

impl<'a> LabelTest<'a> {
    /// The test for `content`, not yet run.
    fn new(content: &'a str) -> Self {
        LabelTest {
            content,
            known: None,
        }
    }

    /// True when the line starts with a label.
    fn starts(&mut self) -> bool {
        let content = self.content;
        *self.known.get_or_insert_with(|| starts_with_label(content))
    }
}

/// Splits a paragraph's source lines into text segments and tab tables.
#[derive(Default)]
struct Splitter {
    segment: String,
    segment_lines: Option<Lines>,
    /// The segment is a bulleted line, a list item.
    segment_item: bool,
    table: Option<Table>,
    table_lines: Option<Lines>,
    /// A line without tabs just after a table's body row: a cell wrapped
    /// onto the next line. It continues that row's last cell when the row
    /// ends in text, or starts the next row's first cell when the row ends
    /// with an empty cell (a trailing tab) and a row follows; a line before
    /// a new table's header is text.
    pending: Option<(String, u32)>,
    furniture: Vec<Block>,
    /// The table just above goes on here, across lines of tabs: rows join
    /// it until a line of text.
    joins_table: bool,
}

impl Splitter {
    fn line(&mut self, raw: &str, line: u32, out: &mut Vec<Block>) {
        let content = strip_quote(raw.trim_end_matches('\r'));
        let lead = self.settle_pending(Some(content), out);
        if is_page_furniture(content) {
            self.furniture.push(Block::new(
                BlockKind::Furniture,
                Inline::default(),
                Lines::one(line),
            ));
            return;
        }
        // A line padded with tabs under an open table (`Hold a round-table
        // <tab><tab><tab>`) is a row with only its first cell filled.
        let mut label = LabelTest::new(content);
        let padded_row = (self.table.is_some() || self.joins_table)
            && content.trim_end_matches([' ', '\r']).ends_with('\t')
            && !content.trim().is_empty()
            && !label.starts()
            && !starts_with_note_marker(content);
        // `**Management Response:**<tab>Accepted`: a label closed by its
        // colon, then a tab, is a line of text, the tab a space.
        if holds_tab(content) && (is_label_then_tab(content) || is_marker_then_tab(content)) {
            let spaced = content.replace('\t', " ");
            self.text_line(LabelTest::new(&spaced), line, out);
            return;
        }
        if holds_tab(content) || padded_row {
            self.flush_segment(out);
            let mut row = tab_row(content, line);
            if let (Some((lead, at)), Some(first)) = (lead, row.cells.first_mut()) {
                let mut inline = render_fragment(lead.trim());
                inline.push(" ", false);
                inline.append(&first.inline);
                first.inline = inline;
                row.lines.start = at;
            }
            let table = self.table.get_or_insert_with(Table::default);
            table.rows.push(row);
            let lines = self.table_lines.get_or_insert(Lines::one(line));
            lines.end = line;
            return;
        }
        let after_body_row = self
            .table
            .as_ref()
            .is_some_and(|t| t.rows.len() > 1 && !content.trim().is_empty());
        if after_body_row && !label.starts() && !starts_with_note_marker(content) {
            self.pending = Some((content.to_string(), line));
            return;
        }
        self.text_line(label, line, out);
    }

    /// A line of text: it ends any table and joins or starts a segment.
    fn text_line(&mut self, mut label: LabelTest<'_>, line: u32, out: &mut Vec<Block>) {
        let content = label.content;
        self.flush_table(out);
        self.joins_table = false;
        let bullet = bullet_body(content);
        if bullet.is_some()
            || self.segment_item
            || label.starts()
            || starts_with_note_marker(content)
        {
            self.flush_segment(out);
        }
        self.segment_item = bullet.is_some();
        let content = bullet.unwrap_or(content);
        if !self.segment.is_empty() {
            self.segment.push('\n');
        }
        // Trailing tabs pad the line; they are no hard break.
        self.segment
            .push_str(content.trim_start().trim_end_matches(['\t', '\r']));
        let lines = self.segment_lines.get_or_insert(Lines::one(line));
        lines.end = line;
    }

    fn flush_segment(&mut self, out: &mut Vec<Block>) {
        let item = std::mem::take(&mut self.segment_item);
        if let Some(lines) = self.segment_lines.take() {
            let body = render_fragment(&self.segment);
            self.segment.clear();
            if item {
                let mut inline = Inline::default();
                inline.push("- ", false);
                inline.append(&body);
                out.push(Block::new(BlockKind::ListItem, inline, lines));
            } else if !body.is_blank() {
                out.push(Block::new(BlockKind::Paragraph, body, lines));
            }
        }
    }

    /// Ends the tab table; rows that go on from a tab table just above
    /// (the lines CommonMark split off it, such as rows whose `1.` it read
    /// as a list marker, or rows after a line of tabs) join that table.
    fn flush_table(&mut self, out: &mut Vec<Block>) {
        let (Some(mut table), Some(lines)) = (self.table.take(), self.table_lines.take()) else {
            return;
        };
        let joins = std::mem::take(&mut self.joins_table);
        if let Some(last) = out.last_mut()
            && (joins || last.lines.end + 1 == lines.start)
            && !table.rows.first().is_some_and(starts_header)
            && let BlockKind::Table(above) = &mut last.kind
        {
            above.rows.append(&mut table.rows);
            last.lines.end = lines.end;
            return;
        }
        out.push(Block::new(
            BlockKind::Table(table),
            Inline::default(),
            lines,
        ));
    }

    /// Places the pending line now that the `next` line (`None` at the end)
    /// is known: before a new table's header it is text; after a row ending
    /// in text it continues that row's last cell; after a row ending with an
    /// empty cell it is text, or, when a row follows, returned to lead that
    /// row's first cell.
    fn settle_pending(
        &mut self,
        next: Option<&str>,
        out: &mut Vec<Block>,
    ) -> Option<(String, u32)> {
        let (text, at) = self.pending.take()?;
        let tab_row = next.is_some_and(holds_tab);
        let header = tab_row && next.is_some_and(is_header_line);
        if header || self.last_cell_is_blank() && !tab_row {
            self.text_line(LabelTest::new(&text), at, out);
        } else if self.last_cell_is_blank() {
            return Some((text, at));
        } else {
            self.continue_last_cell(&text, at);
        }
        None
    }

    /// True when the table's last row ends with an empty cell (its line
    /// ended with a tab), or there is no row.
    fn last_cell_is_blank(&self) -> bool {
        self.table
            .as_ref()
            .and_then(|t| t.rows.last())
            .and_then(|r| r.cells.last())
            .is_none_or(|c| c.inline.is_blank())
    }

    /// Appends a line that a cell was wrapped onto to the last non-empty
    /// cell of the table's last row, after a space.
    fn continue_last_cell(&mut self, text: &str, line: u32) {
        let Some(row) = self.table.as_mut().and_then(|t| t.rows.last_mut()) else {
            return;
        };
        let last = row
            .cells
            .iter()
            .rposition(|c| !c.inline.is_blank())
            .unwrap_or(0);
        if let Some(cell) = row.cells.get_mut(last) {
            cell.inline.push(" ", false);
            cell.inline.append(&render_fragment(text.trim()));
        }
        row.lines.end = line;
        if let Some(lines) = self.table_lines.as_mut() {
            lines.end = line;
        }
    }

    fn flush(mut self, out: &mut Vec<Block>) {
        self.settle_pending(None, out);
        self.flush_segment(out);
        self.flush_table(out);
        out.append(&mut self.furniture);
    }
}

/// A tab-separated line as a table row; trailing tabs are empty cells.
fn tab_row(line: &str, number: u32) -> Row {
    rendered_row(line.trim_end_matches([' ', '\r']).split('\t'), number)
}

/// A body row of source line `number` whose cells are `cells` as written,
/// each read as Markdown.
fn rendered_row<'c>(cells: impl Iterator<Item = &'c str>, number: u32) -> Row {
    Row {
        cells: cells
            .map(|cell| Cell {
                inline: render_fragment(cell.trim()),
                ..Cell::default()
            })
            .collect(),
        header: false,
        lines: Lines::one(number),
    }
}

/// The cells of a pipe-table row as written, split at unescaped pipes
/// (outer pipes optional). pulldown-cmark, following GFM, pads a short row
/// with empty cells and drops the cells beyond its header; the source says
/// how many there were.
fn source_cells(row: &str) -> impl Iterator<Item = &str> {
    let row = strip_quote(row.trim()).trim();
    let row = row.strip_prefix('|').unwrap_or(row);
    let mut start = Some(0);
    // One cell at a time, so that counting them allocates nothing.
    std::iter::from_fn(move || {
        let from = start?;
        let mut escaped = false;
        for (offset, b) in row[from..].bytes().enumerate() {
            match b {
                b'\\' if !escaped => escaped = true,
                b'|' if !escaped => {
                    start = Some(from + offset + 1);
                    return Some(&row[from..from + offset]);
                }
                _ => escaped = false,
            }
        }
        start = None;
        let last = &row[from..];
        (!last.trim().is_empty()).then_some(last)
    })
}

/// Renders a fragment of Markdown source (a paragraph segment, a cell) as
/// inline text: any block structure it holds is flattened.
pub fn render_fragment(source: &str) -> Inline {
    if source.trim().is_empty() {
        return Inline::default();
    }
    if let Some(plain) = plain_fragment(source) {
        return plain;
    }
    if let Some(simple) = simple_line(source) {
        return simple;
    }
    render_events(Parser::new_ext(source, Options::empty()))
}

/// Inline tags a one-line fragment may hold for [`simple_line`], and
/// whether each opens (true) or closes bold.
const SIMPLE_TAGS: [(&str, bool); 4] = [
    ("<b>", true),
    ("</b>", false),
    ("<strong>", true),
    ("</strong>", false),
];

/// A fragment of one line (trailing blank space aside) whose only syntax is
/// backslash escapes, `<b>`/`<strong>` tags and at most one run each of `*`
/// and `_` (which then pair with nothing), rendered without the parser as
/// the parser would: the cells and label lines of pasted tables. `None`
/// for anything else.
fn simple_line(source: &str) -> Option<Inline> {
    let line = source.trim_end_matches([' ', '\t', '\n', '\r']);
    if line.contains(['\n', '\r'])
        || line.len() != line.trim().len()
        || line.starts_with(['*', '_'])
        || starts_block(line)
    {
        return None;
    }
    let bytes = line.as_bytes();
    let mut out = Inline::default();
    let (mut bold, mut stars, mut underscores) = (0usize, 0, 0);
    let (mut start, mut i) = (0, 0);
    while i < bytes.len() {
        let b = bytes[i];
        if !SYNTAX[b as usize] {
            i += 1;
            continue;
        }
        out.push(&line[start..i], bold > 0);
        let len = match b {
            b'\\' => {
                // An ASCII punctuation byte is a whole character.
                if !bytes.get(i + 1).is_some_and(u8::is_ascii_punctuation) {
                    return None;
                }
                out.push(&line[i + 1..i + 2], bold > 0);
                2
            }
            b'<' => {
                let (tag, opens) = SIMPLE_TAGS.iter().find(|(t, _)| line[i..].starts_with(t))?;
                // A line of a tag alone is an HTML block.
                if i == 0 && line.len() == tag.len() {
                    return None;
                }
                bold = if *opens {
                    bold + 1
                } else {
                    bold.saturating_sub(1)
                };
                tag.len()
            }
            b'*' | b'_' => {
                let runs = if b == b'*' {
                    &mut stars
                } else {
                    &mut underscores
                };
                *runs += 1;
                if *runs > 1 {
                    return None;
                }
                let run = bytes[i..].iter().take_while(|&&c| c == b).count();
                out.push(&line[i..i + run], bold > 0);
                run
            }
            _ => return None,
        };
        i += len;
        start = i;
    }
    out.push(&line[start..], bold > 0);
    (!out.text.is_empty()).then_some(out)
}

/// Bytes that may be Markdown syntax inside a line.
const SYNTAX: [bool; 256] = {
    let mut table = [false; 256];
    let bytes = b"\\*_`<>&[]!~#|";
    let mut i = 0;
    while i < bytes.len() {
        table[bytes[i] as usize] = true;
        i += 1;
    }
    table
};

/// A fragment with no Markdown syntax in it, rendered without the parser:
/// lines joined with a space, or a line break after two trailing spaces.
/// `None` when the fragment holds anything the parser would read.
fn plain_fragment(source: &str) -> Option<Inline> {
    if source.bytes().any(|b| SYNTAX[b as usize]) {
        return None;
    }
    let mut text = String::with_capacity(source.len());
    let mut lines = source.split('\n').peekable();
    while let Some(line) = lines.next() {
        let content = line.trim_start();
        let blank = content.trim().is_empty();
        if blank || starts_block(content) || content.starts_with('\t') || line.starts_with("    ") {
            return None;
        }
        let trimmed = content.trim_end_matches([' ', '\t']);
        text.push_str(trimmed);
        if lines.peek().is_some() {
            let hard = line.ends_with("  ") && !trimmed.is_empty();
            text.push(if hard { '\n' } else { ' ' });
        }
    }
    let end = text.trim_end().len();
    text.truncate(end);
    let start = text.len() - text.trim_start().len();
    text.drain(..start);
    Some(Inline::plain(text))
}

/// True when a line would start a list item or a setext underline.
fn starts_block(line: &str) -> bool {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && digits < 10 {
        let rest = &line[digits..];
        if (rest.starts_with('.') || rest.starts_with(')'))
            && rest[1..].chars().next().is_none_or(char::is_whitespace)
        {
            return true;
        }
    }
    let setext = !line.is_empty()
        && (line.trim_end().bytes().all(|b| b == b'=')
            || line.trim_end().bytes().all(|b| b == b'-'));
    setext || ["- ", "+ "].iter().any(|m| line.starts_with(m)) || line == "-" || line == "+"
}

/// Renders Markdown events as plain text with bold and superscript marks.
pub fn render_events<'a>(events: impl IntoIterator<Item = Event<'a>>) -> Inline {
    let mut r = Renderer::default();
    for event in events {
        r.event(event);
    }
    r.out
}

#[derive(Default)]
struct Renderer {
    out: Inline,
    bold: usize,
    sup: usize,
    lists: Vec<Option<u64>>,
    /// The kind of the last unit started: true for a list item.
    last_was_item: bool,
    /// A separator to write before the next text.
    pending: Option<&'static str>,
    /// Set right after an item's marker, so its first paragraph adds no break.
    item_open: bool,
}

impl Renderer {
    fn text(&mut self, text: &str) {
        if text.is_empty() {
            return;
        }
        if let Some(sep) = self.pending.take()
            && !self.out.text.is_empty()
        {
            self.out.push(sep, false);
        }
        if self.sup > 0 {
            self.out.push_sup(text);
        } else {
            self.out.push(text, self.bold > 0);
        }
    }

    fn start_unit(&mut self, item: bool) {
        if !self.out.text.is_empty() {
            let sep = if item && self.last_was_item {
                "\n"
            } else {
                "\n\n"
            };
            self.pending = Some(sep);
        }
        self.last_was_item = item;
    }

    fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Start(tag) => match tag {
                Tag::Paragraph
                | Tag::Heading { .. }
                | Tag::CodeBlock(_)
                | Tag::TableRow
                | Tag::TableHead => {
                    if self.item_open {
                        self.item_open = false;
                    } else if !matches!(tag, Tag::TableRow | Tag::TableHead)
                        || !self.out.text.is_empty()
                    {
                        self.start_unit(false);
                    }
                }
                Tag::List(start) => self.lists.push(start),
                Tag::Item => {
                    self.start_unit(true);
                    let marker = match self.lists.last_mut() {
                        Some(Some(n)) => {
                            let m = format!("{n}. ");
                            *n = n.saturating_add(1);
                            m
                        }
                        _ => "- ".to_string(),
                    };
                    self.text(&marker);
                    self.item_open = true;
                }
                Tag::Strong => self.bold += 1,
                Tag::TableCell if !self.out.text.ends_with('\n') && !self.out.text.is_empty() => {
                    self.text(" ");
                }
                _ => {}
            },
            Event::End(end) => match end {
                TagEnd::Strong => self.bold = self.bold.saturating_sub(1),
                TagEnd::List(_) => {
                    self.lists.pop();
                }
                TagEnd::Item => {
                    self.item_open = false;
                    self.last_was_item = true;
                }
                TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::CodeBlock => {
                    self.last_was_item = false
                }
                _ => {}
            },
            Event::Text(t) | Event::Code(t) => {
                self.item_open = false;
                self.text(&t);
            }
            Event::SoftBreak => self.text(" "),
            Event::HardBreak => self.text("\n"),
            Event::InlineHtml(html) | Event::Html(html) => self.html(&html),
            Event::FootnoteReference(r) => self.out.push_sup(&r),
            _ => {}
        }
    }

    /// Inline HTML in Markdown: `<b>`, `<strong>`, `<br>`, `<sup>`; other
    /// tags are dropped, text between them kept with entities decoded.
    fn html(&mut self, html: &str) {
        let mut rest = html;
        while !rest.is_empty() {
            match rest.find('<') {
                Some(0) => {
                    let end = rest.find('>').map_or(rest.len(), |i| i + 1);
                    self.tag(&rest[..end]);
                    rest = &rest[end..];
                }
                Some(i) => {
                    self.text(&super::decode_entities(&rest[..i]));
                    rest = &rest[i..];
                }
                None => {
                    self.text(&super::decode_entities(rest));
                    rest = "";
                }
            }
        }
    }

    fn tag(&mut self, tag: &str) {
        let inner = tag
            .trim_start_matches('<')
            .trim_end_matches('>')
            .trim_end_matches('/')
            .trim();
        let closing = inner.starts_with('/');
        let name: String = inner
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        match (name.as_str(), closing) {
            ("b" | "strong", false) => self.bold += 1,
            ("b" | "strong", true) => self.bold = self.bold.saturating_sub(1),
            ("sup", false) => self.sup += 1,
            ("sup", true) => self.sup = self.sup.saturating_sub(1),
            ("br", _) => self.text("\n"),
            ("p" | "div", false) => self.start_unit(false),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests;
