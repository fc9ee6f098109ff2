//! A small pull layer over quick-xml for WordprocessingML parts.
//!
//! It resolves namespaces once, maps the elements the reader cares about to a
//! [`Tag`], reports empty elements as a start followed by an end, resolves
//! character and predefined entity references, and skips the subtrees that
//! never hold visible text (deleted runs, field instructions, tracked property
//! changes, `mc:Fallback` copies). The nesting depth is bounded so that a
//! hostile part cannot make the callers' stacks grow without limit.

use std::borrow::Cow;

use quick_xml::NsReader;
use quick_xml::XmlVersion;
use quick_xml::events::{BytesStart, Event};
use quick_xml::name::ResolveResult;

use crate::ParseError;

/// The deepest element nesting accepted in a part.
const MAX_DEPTH: usize = 512;

/// WordprocessingML, transitional and strict.
const W_NS: [&str; 2] = [
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "http://purl.oclc.org/ooxml/wordprocessingml/main",
];

/// Markup compatibility (`mc:AlternateContent`).
const MC_NS: &str = "http://schemas.openxmlformats.org/markup-compatibility/2006";

/// Package relationships (`.rels` parts).
const REL_NS: &str = "http://schemas.openxmlformats.org/package/2006/relationships";

/// The elements the reader distinguishes; everything else is [`Tag::Other`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Tag {
    // Body structure.
    P,
    PPr,
    PStyle,
    NumPr,
    NumId,
    Ilvl,
    OutlineLvl,
    R,
    RPr,
    RStyle,
    B,
    VertAlign,
    Position,
    T,
    Tab,
    PTab,
    Br,
    Cr,
    NoBreakHyphen,
    Tbl,
    Tr,
    TrPr,
    TblHeader,
    GridBefore,
    GridAfter,
    TblGrid,
    GridCol,
    Tc,
    TcPr,
    GridSpan,
    VMerge,
    HMerge,
    TxbxContent,
    Sdt,
    SdtPr,
    ShowingPlcHdr,
    FootnoteReference,
    EndnoteReference,
    Footnote,
    Endnote,
    // Styles.
    Style,
    Name,
    BasedOn,
    RPrDefault,
    // Numbering.
    AbstractNum,
    Num,
    AbstractNumId,
    Lvl,
    Start,
    NumFmt,
    LvlText,
    LvlOverride,
    StartOverride,
    // Relationships.
    Relationship,
    /// Any other element: descended into, otherwise ignored.
    Other,
}

/// A start tag: what it is, what its parent is, and its attributes.
pub(super) struct Elem<'i> {
    /// The element.
    pub tag: Tag,
    /// Its parent element ([`Tag::Other`] at the root).
    pub parent: Tag,
    start: BytesStart<'i>,
}

impl Elem<'_> {
    /// The value of the attribute whose local name is `local` (any prefix).
    pub fn attr(&self, local: &str) -> Option<String> {
        for a in self.start.attributes().with_checks(false).flatten() {
            if a.key.local_name().as_ref() == local {
                return Some(match a.normalized_value(XmlVersion::Implicit1_0) {
                    Ok(v) => v.into_owned(),
                    Err(_) => a.value.into_owned(),
                });
            }
        }
        None
    }

    /// `w:val` parsed as a number.
    pub fn val_num<T: std::str::FromStr>(&self) -> Option<T> {
        self.attr("val")?.trim().parse().ok()
    }

    /// An on/off property (`w:b`, `w:tblHeader`): absent `w:val` means on.
    pub fn on(&self) -> bool {
        match self.attr("val") {
            None => true,
            Some(v) => !matches!(v.trim(), "0" | "false" | "off" | "none"),
        }
    }
}

/// What [`XmlStream::next`] yields.
pub(super) enum XEvent<'i> {
    /// An element starts (for an empty element, its end follows at once).
    Start(Elem<'i>),
    /// The element on top of the stack ends.
    End(Tag),
    /// Character data (entities resolved) inside the element on top.
    Text(Cow<'i, str>),
    /// The part is over.
    Eof,
}

/// A namespace-aware pull parser over one part.
pub(super) struct XmlStream<'i> {
    reader: NsReader<&'i [u8]>,
    stack: Vec<Tag>,
    pending_end: bool,
    part: String,
}

impl<'i> XmlStream<'i> {
    /// A stream over `text`, the decoded part named `part` (for messages).
    pub fn new(text: &'i str, part: &str) -> Self {
        let mut reader = NsReader::from_str(text);
        reader.config_mut().check_end_names = true;
        XmlStream {
            reader,
            stack: Vec::new(),
            pending_end: false,
            part: part.to_string(),
        }
    }

    /// The element on top of the stack, if any.
    pub fn top(&self) -> Option<Tag> {
        self.stack.last().copied()
    }

    fn error(&self, e: impl std::fmt::Display) -> ParseError {
        ParseError::Docx(format!(
            "{} is not well-formed XML (near byte {}): {e}",
            self.part,
            self.reader.buffer_position()
        ))
    }

    /// The next event.
    pub fn next(&mut self) -> Result<XEvent<'i>, ParseError> {
        if self.pending_end {
            self.pending_end = false;
            return Ok(self.pop());
        }
        loop {
            let (ns, event) = match self.reader.read_resolved_event() {
                Ok((res, ev)) => (classify(&res), ev),
                Err(e) => return Err(self.error(e)),
            };
            match event {
                Event::Start(start) => {
                    if !skipped(ns, &start) {
                        return self.push(ns, start, false);
                    }
                    if let Err(e) = self.reader.read_to_end(start.name()) {
                        return Err(self.error(e));
                    }
                }
                Event::Empty(start) => {
                    if !skipped(ns, &start) {
                        return self.push(ns, start, true);
                    }
                }
                Event::End(_) => {
                    if self.stack.is_empty() {
                        return Err(self.error("unexpected closing tag"));
                    }
                    return Ok(self.pop());
                }
                Event::Text(t) => return Ok(XEvent::Text(t.xml10_content())),
                Event::CData(t) => return Ok(XEvent::Text(t.xml10_content())),
                Event::GeneralRef(r) => {
                    let c = match r.resolve_char_ref() {
                        Ok(Some(c)) => Some(c),
                        Ok(None) => predefined(r.as_ref()),
                        Err(e) => return Err(self.error(e)),
                    };
                    if let Some(c) = c {
                        return Ok(XEvent::Text(Cow::Owned(c.to_string())));
                    }
                }
                Event::Eof => {
                    if !self.stack.is_empty() {
                        return Err(self.error("the part ends inside an element"));
                    }
                    return Ok(XEvent::Eof);
                }
                Event::Comment(_) | Event::Decl(_) | Event::PI(_) | Event::DocType(_) => {}
            }
        }
    }

    fn push(
        &mut self,
        ns: Ns,
        start: BytesStart<'i>,
        empty: bool,
    ) -> Result<XEvent<'i>, ParseError> {
        if self.stack.len() >= MAX_DEPTH {
            return Err(ParseError::Docx(format!(
                "{} nests elements more than {MAX_DEPTH} deep",
                self.part
            )));
        }
        let tag = tag_of(ns, start.local_name().as_ref());
        let parent = self.top().unwrap_or(Tag::Other);
        self.stack.push(tag);
        self.pending_end = empty;
        Ok(XEvent::Start(Elem { tag, parent, start }))
    }

    fn pop(&mut self) -> XEvent<'i> {
        XEvent::End(self.stack.pop().unwrap_or(Tag::Other))
    }
}

/// Which namespace an element is in, as far as the reader cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ns {
    W,
    Mc,
    Rel,
    Other,
}

fn classify(res: &ResolveResult<'_>) -> Ns {
    match res {
        ResolveResult::Bound(ns) => {
            let ns = ns.as_ref();
            if W_NS.contains(&ns) {
                Ns::W
            } else if ns == MC_NS {
                Ns::Mc
            } else if ns == REL_NS {
                Ns::Rel
            } else {
                Ns::Other
            }
        }
        _ => Ns::Other,
    }
}

/// Subtrees whose content is never visible text.
fn skipped(ns: Ns, start: &BytesStart<'_>) -> bool {
    let local = start.local_name();
    let local = local.as_ref();
    match ns {
        Ns::W => matches!(
            local,
            "del"
                | "moveFrom"
                | "delText"
                | "instrText"
                | "delInstrText"
                | "rPrChange"
                | "pPrChange"
                | "sectPrChange"
                | "tblPrChange"
                | "tblPrExChange"
                | "trPrChange"
                | "tcPrChange"
                | "tblGridChange"
                | "numberingChange"
                | "sectPr"
                | "fldData"
                | "cellDel"
                | "customXmlDelRangeStart"
        ),
        Ns::Mc => local == "Fallback",
        _ => false,
    }
}

fn tag_of(ns: Ns, local: &str) -> Tag {
    match ns {
        Ns::W => w_tag(local),
        Ns::Rel if local == "Relationship" => Tag::Relationship,
        _ => Tag::Other,
    }
}

fn w_tag(local: &str) -> Tag {
    match local {
        "p" => Tag::P,
        "pPr" => Tag::PPr,
        "pStyle" => Tag::PStyle,
        "numPr" => Tag::NumPr,
        "numId" => Tag::NumId,
        "ilvl" => Tag::Ilvl,
        "outlineLvl" => Tag::OutlineLvl,
        "r" => Tag::R,
        "rPr" => Tag::RPr,
        "rStyle" => Tag::RStyle,
        "b" => Tag::B,
        "vertAlign" => Tag::VertAlign,
        "position" => Tag::Position,
        "t" => Tag::T,
        "tab" => Tag::Tab,
        "ptab" => Tag::PTab,
        "br" => Tag::Br,
        "cr" => Tag::Cr,
        "noBreakHyphen" => Tag::NoBreakHyphen,
        "tbl" => Tag::Tbl,
        "tr" => Tag::Tr,
        "trPr" => Tag::TrPr,
        "tblHeader" => Tag::TblHeader,
        "gridBefore" => Tag::GridBefore,
        "gridAfter" => Tag::GridAfter,
        "tblGrid" => Tag::TblGrid,
        "gridCol" => Tag::GridCol,
        "tc" => Tag::Tc,
        "tcPr" => Tag::TcPr,
        "gridSpan" => Tag::GridSpan,
        "vMerge" => Tag::VMerge,
        "hMerge" => Tag::HMerge,
        "txbxContent" => Tag::TxbxContent,
        "sdt" => Tag::Sdt,
        "sdtPr" => Tag::SdtPr,
        "showingPlcHdr" => Tag::ShowingPlcHdr,
        "footnoteReference" => Tag::FootnoteReference,
        "endnoteReference" => Tag::EndnoteReference,
        "footnote" => Tag::Footnote,
        "endnote" => Tag::Endnote,
        "style" => Tag::Style,
        "name" => Tag::Name,
        "basedOn" => Tag::BasedOn,
        "rPrDefault" => Tag::RPrDefault,
        "abstractNum" => Tag::AbstractNum,
        "num" => Tag::Num,
        "abstractNumId" => Tag::AbstractNumId,
        "lvl" => Tag::Lvl,
        "start" => Tag::Start,
        "numFmt" => Tag::NumFmt,
        "lvlText" => Tag::LvlText,
        "lvlOverride" => Tag::LvlOverride,
        "startOverride" => Tag::StartOverride,
        _ => Tag::Other,
    }
}

fn predefined(name: &str) -> Option<char> {
    match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        _ => None,
    }
}

/// Decodes a part's bytes: UTF-8 (BOM optional) or UTF-16 with a BOM.
pub(super) fn decode(bytes: Vec<u8>, part: &str) -> Result<String, ParseError> {
    let utf16 = |le: bool| {
        let units = bytes[2..].chunks_exact(2).map(|c| {
            if le {
                u16::from_le_bytes([c[0], c[1]])
            } else {
                u16::from_be_bytes([c[0], c[1]])
            }
        });
        char::decode_utf16(units)
            .collect::<Result<String, _>>()
            .map_err(|_| ParseError::Docx(format!("{part} is not valid UTF-16")))
    };
    match bytes.get(..2) {
        Some([0xFF, 0xFE]) => return utf16(true),
        Some([0xFE, 0xFF]) => return utf16(false),
        _ => {}
    }
    let mut text = String::from_utf8(bytes)
        .map_err(|_| ParseError::Docx(format!("{part} is not valid UTF-8")))?;
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
    Ok(text)
}
