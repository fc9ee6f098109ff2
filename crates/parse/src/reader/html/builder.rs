//! The token sink: html5ever's tokens, with their line numbers, into blocks.
//!
//! There is no DOM: the builder keeps only what the blocks need (the block
//! being read, the list counters, the table being read and its open row and
//! cell) and counters for everything else, so its memory and time are
//! linear in the input however deep or broken the nesting.

use std::collections::HashSet;

use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{Tag, TagKind, Token, TokenSinkResult};

use super::grid::{self, RawCell, RawRow};
use super::text::{Fmt, TextBuf};
use crate::block::{Block, BlockKind, Inline, Lines};
use crate::cleantext::is_page_furniture;

/// What a tag does to the flow of text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Heading(u8),
    /// A paragraph-like block (`<p>`, `<div>`, `<dd>`, …): its own lines.
    Block,
    /// A grouping block (`<body>`, `<section>`, …): only a boundary.
    Container,
    /// `<pre>`: a block whose newlines are kept.
    Pre,
    /// `<ul>` (false) or `<ol>` (true).
    List(bool),
    Item,
    Break,
    Bold,
    Sup,
    Table,
    Row,
    Cell,
    /// `<thead>` (true), `<tbody>`, `<tfoot>`.
    Section(bool),
    Caption,
    Column,
    Other,
}

fn classify(name: &str) -> Class {
    match name {
        "h1" => Class::Heading(1),
        "h2" => Class::Heading(2),
        "h3" => Class::Heading(3),
        "h4" => Class::Heading(4),
        "h5" => Class::Heading(5),
        "h6" => Class::Heading(6),
        "p" | "div" | "blockquote" | "address" | "center" | "dt" | "dd" | "figcaption"
        | "summary" | "legend" => Class::Block,
        "body" | "html" | "head" | "section" | "article" | "header" | "footer" | "main" | "nav"
        | "aside" | "form" | "fieldset" | "details" | "dl" | "figure" | "hgroup" | "hr"
        | "dialog" | "search" => Class::Container,
        "pre" | "listing" => Class::Pre,
        "ul" | "menu" | "dir" => Class::List(false),
        "ol" => Class::List(true),
        "li" => Class::Item,
        "br" => Class::Break,
        "b" | "strong" => Class::Bold,
        "sup" => Class::Sup,
        "table" => Class::Table,
        "tr" => Class::Row,
        "td" | "th" => Class::Cell,
        "thead" => Class::Section(true),
        "tbody" | "tfoot" => Class::Section(false),
        "caption" => Class::Caption,
        "colgroup" | "col" => Class::Column,
        _ => Class::Other,
    }
}

/// How the tokenizer must read the content of a start tag, and whether the
/// content is dropped (`<script>`, `<style>`, `<title>`, …).
fn raw_text(name: &str) -> Option<(RawKind, bool)> {
    match name {
        "script" => Some((RawKind::ScriptData, true)),
        "style" | "iframe" | "noembed" | "noframes" => Some((RawKind::Rawtext, true)),
        "title" => Some((RawKind::Rcdata, true)),
        "textarea" => Some((RawKind::Rcdata, false)),
        "xmp" => Some((RawKind::Rawtext, false)),
        _ => None,
    }
}

/// True for a paragraph Word's HTML makes a list item: of a `MsoList…`
/// class (`MsoListParagraphCxSpFirst`, `MsoListBullet`) or styled
/// `mso-list:l0 level1 lfo1`.
fn is_word_list_paragraph(tag: &Tag) -> bool {
    &*tag.name == "p"
        && (attr(tag, "class").is_some_and(|c| {
            c.get(..7)
                .is_some_and(|head| head.eq_ignore_ascii_case("MsoList"))
        }) || attr(tag, "style").is_some_and(|s| {
            s.split(';').any(|decl| {
                let decl = decl.trim();
                decl.strip_prefix("mso-list:")
                    .is_some_and(|v| !v.trim().eq_ignore_ascii_case("ignore"))
            })
        }))
}

/// Makes the marker Word typed at the start of a list paragraph the
/// block stream's: a bullet glyph (`·`, `o`, `§`, ``, `•`) becomes `- `,
/// a number or letter (`1.`, `a)`) stays; with none, `- ` leads.
fn normalise_word_marker(inline: &mut Inline) {
    let text = &inline.text;
    let body = text.trim_start();
    let token_end = body.find(char::is_whitespace).unwrap_or(body.len());
    let token = &body[..token_end];
    let after = body[token_end..].trim_start();
    let numbered = token.len() <= 6
        && token.ends_with(['.', ')'])
        && token[..token.len() - 1]
            .chars()
            .all(|c| c.is_ascii_alphanumeric());
    let bullet = matches!(
        token,
        "·" | "o" | "§" | "\u{f0b7}" | "\u{f0a7}" | "•" | "▪" | "◦" | "-" | "–" | "Ø" | "ü"
    );
    let (head_len, with) = if numbered {
        (text.len() - after.len(), format!("{token} "))
    } else if bullet {
        (text.len() - after.len(), "- ".to_string())
    } else {
        (text.len() - body.len(), "- ".to_string())
    };
    let mut marked = Inline::plain(with);
    marked.append(&inline.tail(head_len));
    *inline = marked;
}

/// The value of attribute `name`.
fn attr<'t>(tag: &'t Tag, name: &str) -> Option<&'t str> {
    tag.attrs
        .iter()
        .find(|a| &*a.name.local == name)
        .map(|a| &*a.value)
}

/// HTML's "rules for parsing integers": optional sign, then digits,
/// anything after them ignored; saturating.
pub(super) fn parse_int(s: &str) -> Option<i64> {
    let s = s.trim_start_matches([' ', '\t', '\n', '\r', '\x0c']);
    let (negative, digits) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let mut value: i64 = 0;
    let mut any = false;
    for b in digits.bytes().take_while(u8::is_ascii_digit) {
        any = true;
        value = value.saturating_mul(10).saturating_add(i64::from(b - b'0'));
    }
    any.then_some(if negative { -value } else { value })
}

/// A span attribute as a count: absent or invalid is 1, 0 stays 0.
fn span_attr(tag: &Tag, name: &str) -> u32 {
    match attr(tag, name).and_then(parse_int) {
        Some(n) if n >= 0 => u32::try_from(n).unwrap_or(u32::MAX),
        _ => 1,
    }
}

fn adjust(depth: &mut u32, open: bool) {
    *depth = if open {
        depth.saturating_add(1)
    } else {
        depth.saturating_sub(1)
    };
}

/// An open `<ul>` or `<ol>`.
#[derive(Debug)]
struct List {
    ordered: bool,
    next: i64,
}

impl List {
    fn new(ordered: bool, tag: &Tag) -> Self {
        let next = attr(tag, "start").and_then(parse_int).unwrap_or(1);
        List { ordered, next }
    }
}

/// The marker of a new item of the innermost list: `1. ` or `- `.
fn marker(lists: &mut [List], tag: &Tag) -> String {
    match lists.last_mut() {
        Some(list) if list.ordered => {
            let n = attr(tag, "value").and_then(parse_int).unwrap_or(list.next);
            list.next = n.saturating_add(1);
            format!("{n}. ")
        }
        _ => "- ".to_owned(),
    }
}

/// Text that is one field: a table cell or a caption.
#[derive(Debug, Default)]
struct Flow {
    buf: TextBuf,
    lists: Vec<List>,
}

impl Flow {
    /// Applies a tag that is not table structure.
    fn tag(&mut self, class: Class, tag: &Tag) {
        let open = tag.kind == TagKind::StartTag;
        match class {
            Class::Heading(_) | Class::Block | Class::Container | Class::Pre | Class::Caption => {
                self.buf.boundary();
            }
            Class::List(ordered) => {
                if open {
                    self.lists.push(List::new(ordered, tag));
                } else {
                    self.lists.pop();
                    self.buf.list_end();
                }
            }
            Class::Item => {
                if open {
                    let m = marker(&mut self.lists, tag);
                    self.buf.item_start(m);
                } else {
                    self.buf.item_end();
                }
            }
            // `</br>` is a `<br>` too.
            Class::Break => self.buf.hard_break(),
            _ => {}
        }
    }
}

/// An open `<td>` or `<th>`.
#[derive(Debug)]
struct OpenCell {
    flow: Flow,
    rowspan: u32,
    colspan: u32,
    th: bool,
    /// The formatting before the cell, restored after it so that an
    /// unclosed `<b>` does not run on into the next cell.
    saved: Fmt,
}

/// The outermost table being read.
#[derive(Debug)]
struct TableState {
    lines: Lines,
    rows: Vec<RawRow>,
    row: Option<RawRow>,
    cell: Option<OpenCell>,
    caption: Option<Flow>,
    section: u32,
    thead: bool,
    /// Tables open inside the current cell, flattened into its text.
    nested: u32,
}

impl TableState {
    fn new(line: u32) -> Self {
        TableState {
            lines: Lines::one(line),
            rows: Vec::new(),
            row: None,
            cell: None,
            caption: None,
            section: 0,
            thead: false,
            nested: 0,
        }
    }

    fn ensure_row(&mut self, line: u32) -> &mut RawRow {
        self.row.get_or_insert_with(|| RawRow {
            cells: Vec::new(),
            thead: self.thead,
            section: self.section,
            lines: Lines::one(line),
        })
    }

    fn touch_row(&mut self, line: u32) {
        if let Some(row) = &mut self.row {
            row.lines = Lines::new(row.lines.start, row.lines.end.max(line));
        }
    }

    fn close_cell(&mut self, fmt: &mut Fmt) {
        let Some(cell) = self.cell.take() else {
            return;
        };
        *fmt = cell.saved;
        self.nested = 0;
        let (inline, lines) = cell.flow.buf.finish();
        let line = lines.map_or(self.lines.start, |l| l.start);
        self.ensure_row(line).cells.push(RawCell {
            inline,
            rowspan: cell.rowspan,
            colspan: cell.colspan,
            th: cell.th,
        });
    }

    fn close_row(&mut self, fmt: &mut Fmt) {
        self.close_cell(fmt);
        if let Some(row) = self.row.take() {
            self.lines = Lines::new(self.lines.start, self.lines.end.max(row.lines.end));
            self.rows.push(row);
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum OpenKind {
    Heading(u8),
    Paragraph,
    ListItem,
    /// A paragraph Word made a list item (`class=MsoListParagraph`), its
    /// marker typed in its text (`1.`, `·`).
    WordListItem,
}

/// A top-level block being read.
#[derive(Debug)]
struct Open {
    kind: OpenKind,
    buf: TextBuf,
    /// The line of its opening tag, if it had one.
    start: Option<u32>,
    /// The line of its closing tag, if it had one.
    end: u32,
}

/// Builds blocks from tokens.
#[derive(Debug, Default)]
pub(super) struct Builder {
    /// Added to the tokenizer's 1-based line numbers.
    offset: u32,
    blocks: Vec<Block>,
    fmt: Fmt,
    /// The formatting when the current top-level block began, restored at
    /// its end.
    block_fmt: Fmt,
    /// Inside an element whose content is dropped, until its end tag.
    skip: Option<&'static str>,
    cur: Option<Open>,
    lists: Vec<List>,
    /// `cur` is a list item whose `</li>` has not come yet.
    li_open: bool,
    /// The line of the `<p>` (or similar) that the next paragraph opens with.
    pending_start: Option<u32>,
    table: Option<TableState>,
    /// The page's style sheets, as read so far (Google Docs sets bold and
    /// superscript through classes only).
    css: String,
    /// The classes the style sheets make bold, and superscript.
    styled: StyledClasses,
    /// For each open `<span>`: whether it made the text bold, superscript.
    spans: Vec<(bool, bool)>,
}

/// Classes a page's style sheet makes bold or superscript (`.c1{font-weight:
/// 700}`, `.c3{vertical-align:super}`).
#[derive(Debug, Default)]
struct StyledClasses {
    bold: HashSet<String>,
    sup: HashSet<String>,
}

/// Bytes of style sheet read at most: Google Docs' run to a few kilobytes.
const MAX_CSS: usize = 64 << 10;

impl StyledClasses {
    /// The classes of simple `.name{…}` rules in `css` that set bold or
    /// superscript.
    fn of(css: &str) -> StyledClasses {
        let mut styled = StyledClasses::default();
        for rule in css.split('}') {
            let Some((selectors, body)) = rule.split_once('{') else {
                continue;
            };
            let body: String = body
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect::<String>()
                .to_ascii_lowercase();
            let bold = [
                "font-weight:700",
                "font-weight:800",
                "font-weight:900",
                "font-weight:bold",
            ]
            .iter()
            .any(|d| body.contains(d));
            let sup = body.contains("vertical-align:super");
            for selector in selectors.split(',') {
                let Some(name) = selector.trim().strip_prefix('.') else {
                    continue;
                };
                if name.is_empty()
                    || !name
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
                {
                    continue;
                }
                if bold {
                    styled.bold.insert(name.to_string());
                }
                if sup {
                    styled.sup.insert(name.to_string());
                }
            }
        }
        styled
    }

    /// Whether a `<span>` of these classes is bold, superscript.
    fn span(&self, tag: &Tag) -> (bool, bool) {
        let classes = attr(tag, "class").unwrap_or_default();
        let has = |set: &HashSet<String>| {
            !set.is_empty() && classes.split_ascii_whitespace().any(|c| set.contains(c))
        };
        (has(&self.bold), has(&self.sup))
    }
}

impl Builder {
    /// A builder for text whose first line is `first_line`.
    pub fn new(first_line: u32) -> Self {
        Builder {
            offset: first_line.saturating_sub(1),
            ..Builder::default()
        }
    }

    /// Takes one token, seen at the tokenizer's `line`.
    pub fn token(&mut self, token: Token, line: u64) -> TokenSinkResult<()> {
        let line = u32::try_from(line)
            .unwrap_or(u32::MAX)
            .saturating_add(self.offset);
        match token {
            Token::TagToken(tag) => return self.tag(&tag, line),
            Token::CharacterTokens(text) => self.chars(&text, line),
            _ => {}
        }
        TokenSinkResult::Continue
    }

    /// The blocks, once the input has ended.
    pub fn finish(mut self) -> Vec<Block> {
        self.end_table(None);
        self.flush();
        self.blocks
    }

    fn tag(&mut self, tag: &Tag, line: u32) -> TokenSinkResult<()> {
        let name: &str = &tag.name;
        let open = tag.kind == TagKind::StartTag;
        if let Some(skip) = self.skip {
            if !open && name == skip {
                self.skip = None;
                if skip == "style" {
                    self.styled = StyledClasses::of(&self.css);
                }
            }
            return TokenSinkResult::Continue;
        }
        if name == "span" {
            self.span(tag, open);
        }
        let raw = if open { raw_text(name) } else { None };
        if let Some((kind, true)) = raw {
            self.skip = super::guard::RAW_TEXT.iter().copied().find(|r| *r == name);
            return TokenSinkResult::RawData(kind);
        }
        let class = classify(name);
        match class {
            Class::Bold => adjust(&mut self.fmt.bold, open),
            Class::Sup => adjust(&mut self.fmt.sup, open),
            Class::Pre => adjust(&mut self.fmt.pre, open),
            _ => {}
        }
        if self.table.is_some() {
            self.table_tag(tag, class, line);
        } else {
            self.top_tag(tag, class, line);
        }
        match raw {
            Some((kind, _)) => TokenSinkResult::RawData(kind),
            None if open && name == "plaintext" => TokenSinkResult::Plaintext,
            None => TokenSinkResult::Continue,
        }
    }

    /// A `<span>` opens or closes: the bold and superscript its classes
    /// give, on and off.
    fn span(&mut self, tag: &Tag, open: bool) {
        if open {
            let (bold, sup) = self.styled.span(tag);
            if bold {
                adjust(&mut self.fmt.bold, true);
            }
            if sup {
                adjust(&mut self.fmt.sup, true);
            }
            self.spans.push((bold, sup));
        } else if let Some((bold, sup)) = self.spans.pop() {
            if bold {
                adjust(&mut self.fmt.bold, false);
            }
            if sup {
                adjust(&mut self.fmt.sup, false);
            }
        }
    }

    fn chars(&mut self, text: &str, line: u32) {
        if self.skip == Some("style") && self.css.len() < MAX_CSS {
            self.css.push_str(text);
        }
        if self.skip.is_some() {
            return;
        }
        // The tokenizer reports the line it has reached: the text began
        // as many lines earlier as it holds newlines.
        let newlines =
            u32::try_from(text.bytes().filter(|&b| b == b'\n').count()).unwrap_or(u32::MAX);
        let first = self.offset.saturating_add(1);
        let start = line.saturating_sub(newlines).max(first);
        let end = line
            .saturating_sub(u32::from(text.ends_with('\n')))
            .max(start);
        let blank = text.chars().all(char::is_whitespace);
        let fmt = self.fmt;
        if let Some(t) = &mut self.table {
            if let Some(cell) = &mut t.cell {
                cell.flow.buf.text(text, start, fmt);
                if !blank {
                    t.touch_row(end);
                }
                return;
            }
            if let Some(caption) = &mut t.caption {
                caption.buf.text(text, start, fmt);
                return;
            }
            if blank {
                return;
            }
            // Text between rows goes before the table, as in HTML.
        }
        self.top_text(text, start, blank);
    }

    fn top_text(&mut self, text: &str, line: u32, blank: bool) {
        if self.cur.is_none() {
            if blank {
                return;
            }
            self.cur = Some(Open {
                kind: OpenKind::Paragraph,
                buf: TextBuf::new(),
                start: self.pending_start.take(),
                end: 0,
            });
        }
        if let Some(cur) = &mut self.cur {
            cur.buf.text(text, line, self.fmt);
        }
    }

    /// Ends the current top-level block, keeping it if it has text.
    fn flush(&mut self) {
        self.pending_start = None;
        self.li_open = false;
        let Some(open) = self.cur.take() else {
            return;
        };
        let (mut inline, lines) = open.buf.finish();
        let Some(lines) = lines else {
            return;
        };
        if open.kind == OpenKind::WordListItem {
            normalise_word_marker(&mut inline);
        }
        let start = open.start.map_or(lines.start, |s| s.min(lines.start));
        let kind = match open.kind {
            OpenKind::Heading(level) => BlockKind::Heading(level),
            // `Page 3` in a footer LibreOffice wrote into the page.
            OpenKind::Paragraph if is_page_furniture(&inline.text) => BlockKind::Furniture,
            OpenKind::Paragraph => BlockKind::Paragraph,
            OpenKind::ListItem | OpenKind::WordListItem => BlockKind::ListItem,
        };
        self.blocks.push(Block::new(
            kind,
            inline,
            Lines::new(start, lines.end.max(open.end)),
        ));
    }

    /// Ends the current block at its closing tag on `line`.
    fn close_block(&mut self, line: u32) {
        if let Some(cur) = &mut self.cur {
            cur.end = cur.end.max(line);
        }
        self.flush();
        self.fmt = self.block_fmt;
    }

    fn in_open_item(&self) -> bool {
        self.li_open
            && self
                .cur
                .as_ref()
                .is_some_and(|c| c.kind == OpenKind::ListItem)
    }

    fn top_tag(&mut self, tag: &Tag, class: Class, line: u32) {
        let open = tag.kind == TagKind::StartTag;
        match class {
            Class::Heading(level) => {
                if open {
                    self.flush();
                    self.block_fmt = self.fmt;
                    self.cur = Some(Open {
                        kind: OpenKind::Heading(level),
                        buf: TextBuf::new(),
                        start: Some(line),
                        end: 0,
                    });
                } else {
                    self.close_block(line);
                }
            }
            Class::Block | Class::Pre | Class::Container if self.in_open_item() => {
                // Paragraphs inside a list item stay in the item.
                if let Some(cur) = &mut self.cur {
                    cur.buf.boundary();
                }
            }
            Class::Block if open && is_word_list_paragraph(tag) => {
                self.flush();
                self.block_fmt = self.fmt;
                self.cur = Some(Open {
                    kind: OpenKind::WordListItem,
                    buf: TextBuf::new(),
                    start: Some(line),
                    end: 0,
                });
            }
            Class::Block | Class::Pre => {
                if open {
                    self.flush();
                    self.pending_start = Some(line);
                    self.block_fmt = self.fmt;
                } else {
                    self.close_block(line);
                }
            }
            Class::Container
            | Class::Row
            | Class::Cell
            | Class::Section(_)
            | Class::Caption
            | Class::Column => self.flush(),
            Class::List(ordered) => {
                self.flush();
                if open {
                    self.lists.push(List::new(ordered, tag));
                } else {
                    self.lists.pop();
                }
            }
            Class::Item => {
                if open {
                    self.flush();
                    let mut buf = TextBuf::new();
                    buf.item_start(marker(&mut self.lists, tag));
                    self.block_fmt = self.fmt;
                    self.cur = Some(Open {
                        kind: OpenKind::ListItem,
                        buf,
                        start: Some(line),
                        end: 0,
                    });
                    self.li_open = true;
                } else if self.in_open_item() {
                    self.close_block(line);
                }
            }
            Class::Break => {
                if let Some(cur) = &mut self.cur {
                    cur.buf.hard_break();
                }
            }
            Class::Table => {
                if open {
                    self.flush();
                    self.table = Some(TableState::new(line));
                }
            }
            Class::Bold | Class::Sup | Class::Other => {}
        }
    }

    fn table_tag(&mut self, tag: &Tag, class: Class, line: u32) {
        let open = tag.kind == TagKind::StartTag;
        let fmt = &mut self.fmt;
        let Some(t) = &mut self.table else {
            return;
        };
        let structure = matches!(
            class,
            Class::Table
                | Class::Row
                | Class::Cell
                | Class::Section(_)
                | Class::Caption
                | Class::Column
        );
        if let Some(cell) = &mut t.cell {
            if t.nested > 0 {
                // A table inside a cell: its text joins the cell's.
                let buf = &mut cell.flow.buf;
                match class {
                    Class::Table => {
                        adjust(&mut t.nested, open);
                        buf.boundary();
                    }
                    Class::Row => buf.line_boundary(),
                    Class::Cell => buf.cell_separator(),
                    Class::Caption => buf.boundary(),
                    Class::Section(_) | Class::Column => {}
                    _ => cell.flow.tag(class, tag),
                }
                return;
            }
            if class == Class::Table && open {
                t.nested = 1;
                cell.flow.buf.boundary();
                return;
            }
            if !structure {
                cell.flow.tag(class, tag);
                return;
            }
        }
        match class {
            Class::Table => {
                // `</table>`, or a `<table>` straight inside a table, which
                // ends the first one.
                self.end_table(Some(line));
                if open {
                    self.table = Some(TableState::new(line));
                }
            }
            Class::Row => {
                if open {
                    t.close_row(fmt);
                    t.ensure_row(line);
                } else {
                    t.close_cell(fmt);
                    t.touch_row(line);
                    t.close_row(fmt);
                }
            }
            Class::Cell => {
                if open {
                    t.close_cell(fmt);
                    t.ensure_row(line);
                    t.cell = Some(OpenCell {
                        flow: Flow::default(),
                        rowspan: span_attr(tag, "rowspan"),
                        colspan: span_attr(tag, "colspan"),
                        th: &*tag.name == "th",
                        saved: *fmt,
                    });
                } else if t.cell.is_some() {
                    t.touch_row(line);
                    t.close_cell(fmt);
                }
            }
            Class::Section(thead) => {
                t.close_row(fmt);
                t.section = t.section.saturating_add(1);
                t.thead = open && thead;
            }
            Class::Caption => {
                if open {
                    t.close_row(fmt);
                    t.caption = Some(Flow::default());
                } else if let Some(caption) = t.caption.take() {
                    self.caption(caption);
                }
            }
            Class::Column => {}
            _ => {
                if let Some(caption) = &mut t.caption {
                    caption.tag(class, tag);
                } else {
                    // Markup between rows goes before the table, as in HTML.
                    self.top_tag(tag, class, line);
                }
            }
        }
    }

    /// Adds a caption before its table (which is added at its end).
    fn caption(&mut self, flow: Flow) {
        self.flush();
        let (inline, lines) = flow.buf.finish();
        if let Some(lines) = lines {
            self.blocks
                .push(Block::new(BlockKind::Caption, inline, lines));
        }
    }

    /// Ends the table being read, at its `</table>` on `line` if it has one.
    fn end_table(&mut self, line: Option<u32>) {
        let Some(mut t) = self.table.take() else {
            return;
        };
        t.close_row(&mut self.fmt);
        if let Some(caption) = t.caption.take() {
            self.caption(caption);
        }
        // Paragraphs made of text found between rows precede the table.
        self.flush();
        let end = line.map_or(t.lines.end, |l| l.max(t.lines.end));
        let table = grid::layout(t.rows);
        if table.rows.is_empty() {
            return;
        }
        self.blocks.push(Block::new(
            BlockKind::Table(table),
            Inline::default(),
            Lines::new(t.lines.start, end),
        ));
    }
}
