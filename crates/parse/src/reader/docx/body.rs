//! The walker over `word/document.xml` (and the note parts): paragraphs,
//! runs and tables into blocks.
//!
//! Every `w:p` gets the next paragraph number when it starts, whether it ends
//! up with text or not; a paragraph with no text yields no block. Paragraphs
//! nested in a text box inside another paragraph are emitted after it.
//! Tables are buffered (see [`super::table`]); a table inside a table cell
//! is flattened: its paragraphs become paragraphs of the outer cell.

use std::collections::HashMap;

use super::numbering::{Counters, Marker, Numbering};
use super::para::{Para, ParaKind, append, prefixed};
use super::styles::{Styles, outline_heading, run_prop};
use super::table::{CellProp, RowProp, TableBuild};
use super::xml::{Elem, Tag, XEvent, XmlStream};
use crate::ParseError;
use crate::block::{Block, BlockKind, Lines};

/// Most grid cells all the tables of a document may expand to.
const MAX_GRID_CELLS: usize = 1_000_000;

/// Which part is being walked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Mode {
    /// The main document: blocks and note references.
    Body,
    /// `footnotes.xml` or `endnotes.xml`: the notes' paragraphs.
    Notes,
}

/// Footnote or endnote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum NoteKind {
    /// `w:footnote`.
    Foot,
    /// `w:endnote`.
    End,
}

/// A note as read from its part.
#[derive(Debug, Clone)]
pub(super) struct RawNote {
    /// Its `w:id`.
    pub id: i64,
    /// A separator or continuation notice rather than a note.
    pub separator: bool,
    /// Its paragraphs with text.
    pub paras: Vec<Para>,
    /// How many `w:p` it holds, with text or not.
    pub p_count: u32,
}

/// The note references of the body, in order, with the number each got
/// (`None` for a custom mark, whose text follows in the run).
#[derive(Debug, Default)]
pub(super) struct NoteRefs {
    /// `(kind, id)` to number, in reference order.
    pub order: Vec<(NoteKind, i64, Option<u32>)>,
    seen: HashMap<(NoteKind, i64), Option<u32>>,
    next: HashMap<NoteKind, u32>,
}

impl NoteRefs {
    /// The number a reference shows; the same note keeps its number.
    fn reference(&mut self, kind: NoteKind, id: i64, custom: bool) -> Option<u32> {
        if let Some(&n) = self.seen.get(&(kind, id)) {
            return n;
        }
        let n = if custom {
            None
        } else {
            let next = self.next.entry(kind).or_insert(0);
            *next += 1;
            Some(*next)
        };
        self.seen.insert((kind, id), n);
        self.order.push((kind, id, n));
        n
    }

    /// The next number after those given in the body.
    pub fn next_number(&mut self, kind: NoteKind) -> u32 {
        let next = self.next.entry(kind).or_insert(0);
        *next += 1;
        *next
    }
}

/// How a note number is shown: footnotes `1`, endnotes `i` (Word's defaults).
pub(super) fn note_marker(kind: NoteKind, n: u32) -> String {
    match kind {
        NoteKind::Foot => n.to_string(),
        NoteKind::End => super::numbering::lower_roman(n),
    }
}

#[derive(Debug, Default)]
struct RunProps {
    bold: Option<bool>,
    sup: Option<bool>,
    style: Option<String>,
    in_rpr: bool,
}

#[derive(Debug, Default)]
struct ParaBuild {
    line: u32,
    style: Option<String>,
    num_id: Option<u32>,
    ilvl: Option<u8>,
    outline: Option<u8>,
    in_ppr: bool,
    inline: crate::block::Inline,
    run: Option<RunProps>,
}

/// The walker's state.
pub(super) struct Walker<'a> {
    styles: &'a Styles,
    numbering: &'a Numbering,
    counters: Counters,
    mode: Mode,
    line: u32,
    paras: Vec<ParaBuild>,
    deferred: Vec<Para>,
    /// Open `w:tbl`s: true for those of the body's table tree.
    tbls: Vec<bool>,
    depth: usize,
    table: Option<TableBuild>,
    budget: usize,
    /// The blocks of the body.
    pub blocks: Vec<Block>,
    /// The note references of the body.
    pub refs: NoteRefs,
    note: Option<RawNote>,
    /// The notes of a note part, in file order.
    pub notes: Vec<RawNote>,
    /// Open content controls (`w:sdt`): true for one that shows its
    /// placeholder prompt (`w:showingPlcHdr`), text nobody wrote.
    sdts: Vec<bool>,
}

impl<'a> Walker<'a> {
    /// A walker for one part.
    pub fn new(styles: &'a Styles, numbering: &'a Numbering, mode: Mode) -> Self {
        Walker {
            styles,
            numbering,
            counters: Counters::default(),
            mode,
            line: 0,
            paras: Vec::new(),
            deferred: Vec::new(),
            tbls: Vec::new(),
            depth: 0,
            table: None,
            budget: MAX_GRID_CELLS,
            blocks: Vec::new(),
            refs: NoteRefs::default(),
            note: None,
            notes: Vec::new(),
            sdts: Vec::new(),
        }
    }

    /// The last paragraph number given.
    pub fn last_line(&self) -> u32 {
        self.line
    }

    /// Walks one part.
    pub fn walk(&mut self, xml: &str, part: &str) -> Result<(), ParseError> {
        let mut stream = XmlStream::new(xml, part);
        loop {
            match stream.next()? {
                XEvent::Start(e) => self.start(&e),
                XEvent::End(tag) => self.end(tag)?,
                XEvent::Text(t) => {
                    if stream.top() == Some(Tag::T) {
                        self.text(&t);
                    }
                }
                XEvent::Eof => return Ok(()),
            }
        }
    }

    /// True when table structure (rows, cells, their properties) counts:
    /// directly inside the body's outermost table, not in a nested one or a
    /// text box.
    fn structural(&self) -> bool {
        self.depth == 1 && self.tbls.last() == Some(&true) && self.paras.is_empty()
    }

    fn start(&mut self, e: &Elem<'_>) {
        match (e.tag, e.parent) {
            (Tag::Sdt, _) => self.sdts.push(false),
            (Tag::ShowingPlcHdr, Tag::SdtPr) if e.on() => {
                if let Some(placeholder) = self.sdts.last_mut() {
                    *placeholder = true;
                }
            }
            _ => {}
        }
        match e.tag {
            Tag::P => {
                self.line = self.line.saturating_add(1);
                if let Some(t) = self.table.as_mut() {
                    t.note_line(self.line);
                }
                self.paras.push(ParaBuild {
                    line: self.line,
                    ..ParaBuild::default()
                });
            }
            Tag::Tbl => {
                self.counters.restart_lists();
                let counted = self.mode == Mode::Body && self.paras.is_empty();
                self.tbls.push(counted);
                if counted {
                    self.depth += 1;
                    if self.table.is_none() {
                        self.table = Some(TableBuild::default());
                    }
                }
            }
            Tag::Footnote | Tag::Endnote if self.mode == Mode::Notes => {
                let kind = e.attr("type").unwrap_or_default();
                self.note = Some(RawNote {
                    id: e
                        .attr("id")
                        .and_then(|v| v.trim().parse().ok())
                        .unwrap_or(-1),
                    separator: matches!(
                        kind.as_str(),
                        "separator" | "continuationSeparator" | "continuationNotice"
                    ),
                    paras: Vec::new(),
                    p_count: 0,
                });
            }
            Tag::Tc => {
                self.counters.restart_lists();
                if self.structural() {
                    self.table_start(e);
                } else {
                    self.para_start(e);
                }
            }
            _ if self.structural() => self.table_start(e),
            _ => self.para_start(e),
        }
    }

    fn table_start(&mut self, e: &Elem<'_>) {
        let Some(table) = self.table.as_mut() else {
            return;
        };
        match (e.tag, e.parent) {
            (Tag::GridCol, Tag::TblGrid) => table.grid_col(),
            (Tag::Tr, _) => table.start_row(),
            (Tag::Tc, _) => table.start_cell(),
            (Tag::TblHeader, Tag::TrPr) => table.row_prop(RowProp::Header(e.on())),
            (Tag::GridBefore, Tag::TrPr) => {
                table.row_prop(RowProp::Before(e.val_num().unwrap_or(0)));
            }
            (Tag::GridAfter, Tag::TrPr) => {
                table.row_prop(RowProp::After(e.val_num().unwrap_or(0)));
            }
            (Tag::GridSpan, Tag::TcPr) => table.cell_prop(CellProp::Span(e.val_num().unwrap_or(1))),
            (Tag::VMerge, Tag::TcPr) => table.cell_prop(CellProp::VMerge(continues(e))),
            (Tag::HMerge, Tag::TcPr) => table.cell_prop(CellProp::HMerge(continues(e))),
            _ => {}
        }
    }

    /// Elements inside a paragraph.
    fn para_start(&mut self, e: &Elem<'_>) {
        let Some(p) = self.paras.last_mut() else {
            return;
        };
        match (e.tag, e.parent) {
            (Tag::PPr, Tag::P) => p.in_ppr = true,
            (Tag::PStyle, Tag::PPr) if p.in_ppr => p.style = e.attr("val"),
            (Tag::OutlineLvl, Tag::PPr) if p.in_ppr => p.outline = e.val_num(),
            (Tag::NumId, Tag::NumPr) if p.in_ppr => p.num_id = e.val_num(),
            (Tag::Ilvl, Tag::NumPr) if p.in_ppr => p.ilvl = e.val_num(),
            (Tag::R, _) => p.run = Some(RunProps::default()),
            (Tag::RPr, Tag::R) => {
                if let Some(r) = p.run.as_mut() {
                    r.in_rpr = true;
                }
            }
            (Tag::RStyle | Tag::B | Tag::VertAlign | Tag::Position, Tag::RPr) => {
                if let Some(r) = p.run.as_mut().filter(|r| r.in_rpr) {
                    if e.tag == Tag::RStyle {
                        r.style = e.attr("val");
                    } else {
                        run_prop(e, &mut r.bold, &mut r.sup);
                    }
                }
            }
            (Tag::Tab | Tag::PTab, Tag::R) => self.text("\t"),
            (Tag::Cr, Tag::R) => self.text("\n"),
            (Tag::NoBreakHyphen, Tag::R) => self.text("-"),
            (Tag::Br, Tag::R) => {
                let kind = e.attr("type");
                if !matches!(kind.as_deref(), Some("page" | "column")) {
                    self.text("\n");
                }
            }
            (Tag::FootnoteReference | Tag::EndnoteReference, Tag::R) if self.mode == Mode::Body => {
                let kind = if e.tag == Tag::FootnoteReference {
                    NoteKind::Foot
                } else {
                    NoteKind::End
                };
                let id = e
                    .attr("id")
                    .and_then(|v| v.trim().parse().ok())
                    .unwrap_or(-1);
                let custom = e
                    .attr("customMarkFollows")
                    .is_some_and(|v| matches!(v.trim(), "1" | "true" | "on"));
                if let Some(n) = self.refs.reference(kind, id, custom) {
                    let marker = note_marker(kind, n);
                    self.push_marker(&marker);
                }
            }
            _ => {}
        }
    }

    /// A note number: superscript, on its own range.
    fn push_marker(&mut self, marker: &str) {
        let styles = self.styles;
        if let Some(p) = self.paras.last_mut() {
            let (bold, style) = match &p.run {
                Some(r) => (r.bold, r.style.as_deref()),
                None => (None, None),
            };
            let bold = styles.bold(bold, style, p.style.as_deref());
            append(&mut p.inline, marker, bold, true, false);
        }
    }

    /// Text of the current run; none inside a content control that shows
    /// its placeholder prompt ("Click or tap here to enter text.").
    fn text(&mut self, text: &str) {
        if self.sdts.contains(&true) {
            return;
        }
        let text = &*crate::decode::compose(text);
        let styles = self.styles;
        let Some(p) = self.paras.last_mut() else {
            return;
        };
        let (bold, sup, style) = match &p.run {
            Some(r) => (r.bold, r.sup, r.style.as_deref()),
            None => (None, None, None),
        };
        let pstyle = p.style.as_deref();
        let bold = styles.bold(bold, style, pstyle);
        let sup = styles.sup(sup, style, pstyle);
        append(&mut p.inline, text, bold, sup, true);
    }

    fn end(&mut self, tag: Tag) -> Result<(), ParseError> {
        if tag == Tag::Sdt {
            self.sdts.pop();
        }
        match tag {
            Tag::P => {
                if let Some(p) = self.paras.pop() {
                    let para = self.finish_para(p);
                    match para {
                        Some(para) if !self.paras.is_empty() => self.deferred.push(para),
                        Some(para) => self.dispatch(para),
                        None => {}
                    }
                    if self.paras.is_empty() {
                        for para in std::mem::take(&mut self.deferred) {
                            self.dispatch(para);
                        }
                    }
                }
            }
            Tag::PPr => {
                if let Some(p) = self.paras.last_mut() {
                    p.in_ppr = false;
                }
            }
            Tag::R => {
                if let Some(p) = self.paras.last_mut() {
                    p.run = None;
                }
            }
            Tag::RPr => {
                if let Some(r) = self.paras.last_mut().and_then(|p| p.run.as_mut()) {
                    r.in_rpr = false;
                }
            }
            Tag::Tbl => {
                self.counters.restart_lists();
                self.end_table()?;
            }
            Tag::Footnote | Tag::Endnote if self.mode == Mode::Notes => {
                if let Some(note) = self.note.take() {
                    self.notes.push(note);
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// A `w:tbl` ends: the body's outermost table becomes a block.
    fn end_table(&mut self) -> Result<(), ParseError> {
        if self.tbls.pop() != Some(true) {
            return Ok(());
        }
        self.depth -= 1;
        if self.depth == 0
            && let Some(table) = self.table.take()
        {
            // A table without a paragraph holds no text and has no line of
            // its own (the line it would be given belongs to what follows).
            let has_lines = table.has_lines();
            let block = table.finish(self.line, &mut self.budget)?;
            if has_lines {
                self.blocks.push(block);
            }
        }
        Ok(())
    }

    /// A paragraph is over: its kind, its list marker, its text.
    fn finish_para(&mut self, p: ParaBuild) -> Option<Para> {
        if let Some(note) = self.note.as_mut() {
            note.p_count += 1;
        }
        let styles = self.styles;
        let style = p.style.as_deref();
        let heading = match p.outline {
            Some(level) => outline_heading(level),
            None => styles.heading(style),
        };
        let from_style = styles.numbering(style);
        let num_id = p.num_id.or(from_style.map(|n| n.num_id));
        let ilvl = p.ilvl.or(from_style.and_then(|n| n.ilvl)).unwrap_or(0);
        let marker = num_id.and_then(|id| self.counters.next(self.numbering, id, ilvl));
        if let Some(id) = num_id
            && (heading.is_some() || matches!(marker, Some(Marker::Label(_))))
        {
            self.counters.keep(id);
        }
        if p.inline.is_blank() {
            return None;
        }
        let mut kind = match heading {
            Some(level) => ParaKind::Heading(level),
            None if styles.is_caption(style) => ParaKind::Caption,
            None => ParaKind::Paragraph,
        };
        let inline = match marker {
            Some(Marker::Bullet) if heading.is_none() => {
                kind = ParaKind::ListItem;
                prefixed("- ", &p.inline)
            }
            Some(Marker::Number(n)) => {
                if heading.is_none() {
                    kind = ParaKind::ListItem;
                }
                prefixed(&format!("{n}. "), &p.inline)
            }
            Some(Marker::Label(label)) => prefixed(&format!("{label} "), &p.inline),
            _ => p.inline,
        };
        Some(Para {
            kind,
            inline,
            line: p.line,
        })
    }

    fn dispatch(&mut self, para: Para) {
        if self.mode == Mode::Notes {
            if let Some(note) = self.note.as_mut() {
                note.paras.push(para);
            }
        } else if let Some(table) = self.table.as_mut() {
            table.push_para(para);
        } else {
            let kind = match para.kind {
                ParaKind::Heading(level) => BlockKind::Heading(level),
                ParaKind::Paragraph => BlockKind::Paragraph,
                ParaKind::ListItem => BlockKind::ListItem,
                ParaKind::Caption => BlockKind::Caption,
            };
            self.blocks
                .push(Block::new(kind, para.inline, Lines::one(para.line)));
        }
    }
}

/// Whether a `w:vMerge`/`w:hMerge` continues the merged cell (no value, or
/// `continue`) rather than starting it (`restart`).
fn continues(e: &Elem<'_>) -> bool {
    e.attr("val").is_none_or(|v| v.trim() == "continue")
}
