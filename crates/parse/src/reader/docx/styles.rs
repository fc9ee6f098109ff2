//! `word/styles.xml`: what a paragraph or character style contributes to the
//! block stream: bold, superscript, heading level and list numbering.
//!
//! Properties are inherited through `w:basedOn`; the chain is followed at
//! most [`MAX_CHAIN`] steps so that a cycle or a very long chain costs
//! nothing. Only the direct children of a style's own `w:pPr` and `w:rPr`
//! count (tracked changes are skipped by the XML layer).

use std::collections::HashMap;

use super::xml::{Elem, Tag, XEvent, XmlStream};
use crate::ParseError;

/// Longest `basedOn` chain followed.
const MAX_CHAIN: usize = 16;

/// One style as written (not yet inherited).
#[derive(Debug, Clone, Default)]
struct StyleDef {
    name: Option<String>,
    based_on: Option<String>,
    bold: Option<bool>,
    sup: Option<bool>,
    outline: Option<u8>,
    num_id: Option<u32>,
    ilvl: Option<u8>,
}

/// The styles of a document.
#[derive(Debug, Clone, Default)]
pub(super) struct Styles {
    defs: HashMap<String, StyleDef>,
    default_paragraph: Option<String>,
    default_bold: Option<bool>,
    default_sup: Option<bool>,
}

/// A list reference: `w:numId` and `w:ilvl`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct NumRef {
    /// The `w:num` instance; 0 means "no numbering".
    pub num_id: u32,
    /// The level, 0 to 8, when given.
    pub ilvl: Option<u8>,
}

impl Styles {
    /// Parses `styles.xml`.
    pub fn parse(xml: &str, part: &str) -> Result<Styles, ParseError> {
        let mut styles = Styles::default();
        let mut stream = XmlStream::new(xml, part);
        // The style being read, with its id and type.
        let mut current: Option<(String, StyleDef)> = None;
        let mut in_ppr = false;
        let mut in_rpr = false;
        let mut in_default_rpr = false;
        loop {
            match stream.next()? {
                XEvent::Start(e) => match e.tag {
                    Tag::Style => {
                        let id = e.attr("styleId").unwrap_or_default();
                        let paragraph = e.attr("type").is_none_or(|t| t == "paragraph");
                        if paragraph && e.on_attr("default") {
                            styles.default_paragraph = Some(id.clone());
                        }
                        current = Some((id, StyleDef::default()));
                    }
                    Tag::RPrDefault => in_default_rpr = true,
                    Tag::PPr if e.parent == Tag::Style => in_ppr = true,
                    Tag::RPr if e.parent == Tag::Style => in_rpr = true,
                    Tag::B | Tag::VertAlign | Tag::Position
                        if in_default_rpr && e.parent == Tag::RPr =>
                    {
                        run_prop(&e, &mut styles.default_bold, &mut styles.default_sup);
                    }
                    _ => {
                        if let Some((_, def)) = current.as_mut() {
                            style_prop(&e, def, in_ppr, in_rpr);
                        }
                    }
                },
                XEvent::End(tag) => match tag {
                    Tag::Style => {
                        if let Some((id, def)) = current.take() {
                            styles.defs.entry(id).or_insert(def);
                        }
                    }
                    Tag::RPrDefault => in_default_rpr = false,
                    Tag::PPr => in_ppr = false,
                    Tag::RPr => in_rpr = false,
                    _ => {}
                },
                XEvent::Text(_) => {}
                XEvent::Eof => return Ok(styles),
            }
        }
    }

    /// The style chain of `id`: itself, then what it is based on.
    fn chain<'s>(&'s self, id: Option<&'s str>) -> impl Iterator<Item = &'s StyleDef> + 's {
        let mut next = id;
        let mut steps = 0;
        std::iter::from_fn(move || {
            if steps >= MAX_CHAIN {
                return None;
            }
            steps += 1;
            let def = self.defs.get(next?)?;
            next = def.based_on.as_deref();
            Some(def)
        })
    }

    /// The paragraph style in force: the given one, or the default.
    fn paragraph_style<'s>(&'s self, id: Option<&'s str>) -> Option<&'s str> {
        id.or(self.default_paragraph.as_deref())
    }

    /// Whether a run is bold, given its own `w:b`, its character style and
    /// its paragraph's style.
    pub fn bold(&self, direct: Option<bool>, rstyle: Option<&str>, pstyle: Option<&str>) -> bool {
        direct
            .or_else(|| self.chain(rstyle).find_map(|d| d.bold))
            .or_else(|| {
                self.chain(self.paragraph_style(pstyle))
                    .find_map(|d| d.bold)
            })
            .or(self.default_bold)
            .unwrap_or(false)
    }

    /// Whether a run is superscript, resolved like [`Styles::bold`].
    pub fn sup(&self, direct: Option<bool>, rstyle: Option<&str>, pstyle: Option<&str>) -> bool {
        direct
            .or_else(|| self.chain(rstyle).find_map(|d| d.sup))
            .or_else(|| self.chain(self.paragraph_style(pstyle)).find_map(|d| d.sup))
            .or(self.default_sup)
            .unwrap_or(false)
    }

    /// The heading level (1 to 6) a paragraph style gives: a style named
    /// `heading N` or `Title`, or an outline level, inherited.
    pub fn heading(&self, pstyle: Option<&str>) -> Option<u8> {
        for def in self.chain(self.paragraph_style(pstyle)) {
            if let Some(name) = def.name.as_deref() {
                let name = name.trim().to_ascii_lowercase();
                if name == "title" {
                    return Some(1);
                }
                if let Some(n) = name.strip_prefix("heading ")
                    && let Ok(n) = n.trim().parse::<u8>()
                    && (1..=9).contains(&n)
                {
                    return Some(n.min(6));
                }
            }
            if let Some(level) = def.outline {
                return outline_heading(level);
            }
        }
        None
    }

    /// True for Word's Caption style (`Table 1. Management response
    /// matrix`), or a style based on it.
    pub fn is_caption(&self, pstyle: Option<&str>) -> bool {
        self.chain(self.paragraph_style(pstyle)).any(|def| {
            def.name
                .as_deref()
                .is_some_and(|name| name.trim().eq_ignore_ascii_case("caption"))
        })
    }

    /// The numbering a paragraph style carries, inherited.
    pub fn numbering(&self, pstyle: Option<&str>) -> Option<NumRef> {
        let mut ilvl = None;
        for def in self.chain(self.paragraph_style(pstyle)) {
            ilvl = ilvl.or(def.ilvl);
            if let Some(num_id) = def.num_id {
                return Some(NumRef { num_id, ilvl });
            }
        }
        None
    }
}

/// A heading level from `w:outlineLvl` (0-based; 9 means body text).
pub(super) fn outline_heading(level: u8) -> Option<u8> {
    (level < 9).then(|| (level + 1).min(6))
}

/// Reads `w:b`, `w:vertAlign` or `w:position` into the matching slot.
///
/// Text raised above the baseline (`w:position` over 0, as LibreOffice
/// writes a superscript it imported from HTML) is superscript too; a
/// `w:vertAlign` that follows still decides.
pub(super) fn run_prop(e: &Elem<'_>, bold: &mut Option<bool>, sup: &mut Option<bool>) {
    match e.tag {
        Tag::B => *bold = Some(e.on()),
        Tag::VertAlign => *sup = Some(e.attr("val").is_some_and(|v| v == "superscript")),
        Tag::Position if e.val_num::<i64>().is_some_and(|v| v > 0) => *sup = Some(true),
        _ => {}
    }
}

fn style_prop(e: &Elem<'_>, def: &mut StyleDef, in_ppr: bool, in_rpr: bool) {
    match (e.tag, e.parent) {
        (Tag::Name, Tag::Style) => def.name = e.attr("val"),
        (Tag::BasedOn, Tag::Style) => def.based_on = e.attr("val"),
        (Tag::B | Tag::VertAlign | Tag::Position, Tag::RPr) if in_rpr => {
            run_prop(e, &mut def.bold, &mut def.sup);
        }
        (Tag::OutlineLvl, Tag::PPr) if in_ppr => def.outline = e.val_num(),
        (Tag::NumId, Tag::NumPr) if in_ppr => def.num_id = e.val_num(),
        (Tag::Ilvl, Tag::NumPr) if in_ppr => def.ilvl = e.val_num(),
        _ => {}
    }
}

impl Elem<'_> {
    /// An on/off attribute other than `w:val` (`w:default="1"`).
    fn on_attr(&self, local: &str) -> bool {
        self.attr(local)
            .is_some_and(|v| matches!(v.trim(), "1" | "true" | "on"))
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    const XML: &str = r#"<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
      <w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="22"/></w:rPr></w:rPrDefault></w:docDefaults>
      <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
      <w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:rPr><w:b/></w:rPr></w:style>
      <w:style w:type="paragraph" w:styleId="RecLabel"><w:name w:val="Rec label"/><w:basedOn w:val="Heading2"/><w:rPr><w:b w:val="0"/></w:rPr></w:style>
      <w:style w:type="paragraph" w:styleId="Outline"><w:name w:val="Custom"/><w:pPr><w:outlineLvl w:val="2"/></w:pPr></w:style>
      <w:style w:type="paragraph" w:styleId="Body"><w:name w:val="Body"/><w:pPr><w:outlineLvl w:val="9"/></w:pPr></w:style>
      <w:style w:type="paragraph" w:styleId="ListNumber"><w:name w:val="List Number"/><w:pPr><w:numPr><w:numId w:val="5"/></w:numPr></w:pPr></w:style>
      <w:style w:type="character" w:styleId="Strong"><w:name w:val="Strong"/><w:rPr><w:b/></w:rPr></w:style>
      <w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/><w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>
      <w:style w:type="paragraph" w:styleId="Loop1"><w:name w:val="l1"/><w:basedOn w:val="Loop2"/></w:style>
      <w:style w:type="paragraph" w:styleId="Loop2"><w:name w:val="l2"/><w:basedOn w:val="Loop1"/></w:style>
    </w:styles>"#;

    #[test]
    fn styles_resolve_through_based_on() {
        let s = Styles::parse(XML, "styles.xml").unwrap();
        assert_eq!(s.heading(Some("Heading2")), Some(2));
        assert_eq!(s.heading(Some("RecLabel")), Some(2));
        assert_eq!(s.heading(Some("Outline")), Some(3));
        assert_eq!(s.heading(Some("Body")), None);
        assert_eq!(s.heading(None), None);
        assert!(s.bold(None, None, Some("Heading2")));
        assert!(!s.bold(None, None, Some("RecLabel")));
        assert!(s.bold(None, Some("Strong"), None));
        assert!(!s.bold(Some(false), Some("Strong"), None));
        assert!(s.sup(None, Some("FootnoteReference"), None));
        assert_eq!(
            s.numbering(Some("ListNumber")),
            Some(NumRef {
                num_id: 5,
                ilvl: None
            })
        );
        // A cycle ends.
        assert_eq!(s.heading(Some("Loop1")), None);
        assert!(!s.bold(None, None, Some("Loop1")));
    }
}
