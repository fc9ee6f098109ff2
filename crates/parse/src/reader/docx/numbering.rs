//! `word/numbering.xml` and the list counters: turns a paragraph's
//! `w:numPr` into the marker Word would show.
//!
//! A `w:num` points at a `w:abstractNum` whose levels give a start value, a
//! format (`decimal`, `lowerLetter`, `upperRoman`, `bullet`, …) and a level
//! text (`%1.`, `%1.%2.`, `Recommendation %1:`). A `w:num` may override a
//! level's start or the whole level. Counters are kept per `w:num` and level;
//! a paragraph at one level restarts the deeper ones.

use std::collections::{HashMap, HashSet};

use super::xml::{Elem, Tag, XEvent, XmlStream};
use crate::ParseError;

/// Levels 0 to 8.
const LEVELS: usize = 9;
/// Longest level text kept: a marker is never longer than this.
const MAX_LVL_TEXT: usize = 64;

/// A number format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Format {
    #[default]
    Decimal,
    DecimalZero,
    LowerLetter,
    UpperLetter,
    LowerRoman,
    UpperRoman,
    Bullet,
    None,
}

impl Format {
    fn parse(s: &str) -> Format {
        match s {
            "decimalZero" => Format::DecimalZero,
            "lowerLetter" => Format::LowerLetter,
            "upperLetter" => Format::UpperLetter,
            "lowerRoman" => Format::LowerRoman,
            "upperRoman" => Format::UpperRoman,
            "bullet" => Format::Bullet,
            "none" => Format::None,
            _ => Format::Decimal,
        }
    }
}

/// One level of a list definition.
#[derive(Debug, Clone, Default)]
struct Level {
    start: Option<u32>,
    format: Format,
    text: Option<String>,
}

/// A `w:num`: its abstract definition and its overrides.
#[derive(Debug, Clone, Default)]
struct Num {
    abstract_id: Option<u32>,
    start_overrides: [Option<u32>; LEVELS],
    level_overrides: [Option<Level>; LEVELS],
}

/// The list definitions of a document.
#[derive(Debug, Clone, Default)]
pub(super) struct Numbering {
    abstracts: HashMap<u32, [Option<Level>; LEVELS]>,
    nums: HashMap<u32, Num>,
}

/// The marker a numbered paragraph gets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Marker {
    /// A bullet.
    Bullet,
    /// A list number, normalised: `1`, `1.2`, `a`, `iv`.
    Number(String),
    /// Level text with words in it (`Recommendation 1:`), as rendered.
    Label(String),
}

impl Numbering {
    /// Parses `numbering.xml`.
    pub fn parse(xml: &str, part: &str) -> Result<Numbering, ParseError> {
        let mut numbering = Numbering::default();
        let mut stream = XmlStream::new(xml, part);
        let mut abstract_levels: Option<(u32, [Option<Level>; LEVELS])> = None;
        let mut num: Option<(u32, Num)> = None;
        let mut level: Option<(usize, Level)> = None;
        let mut override_ilvl: Option<usize> = None;
        loop {
            match stream.next()? {
                XEvent::Start(e) => match e.tag {
                    Tag::AbstractNum => {
                        abstract_levels = e
                            .attr("abstractNumId")
                            .and_then(|v| v.trim().parse().ok())
                            .map(|id| (id, Default::default()));
                    }
                    Tag::Num => {
                        num = e
                            .attr("numId")
                            .and_then(|v| v.trim().parse().ok())
                            .map(|id| (id, Num::default()));
                    }
                    Tag::AbstractNumId if e.parent == Tag::Num => {
                        if let Some((_, n)) = num.as_mut() {
                            n.abstract_id = e.val_num();
                        }
                    }
                    Tag::LvlOverride => override_ilvl = ilvl_attr(&e),
                    Tag::StartOverride => {
                        if let (Some((_, n)), Some(i)) = (num.as_mut(), override_ilvl) {
                            n.start_overrides[i] = e.val_num();
                        }
                    }
                    Tag::Lvl => level = ilvl_attr(&e).map(|i| (i, Level::default())),
                    Tag::Start | Tag::NumFmt | Tag::LvlText if e.parent == Tag::Lvl => {
                        if let Some((_, l)) = level.as_mut() {
                            level_prop(&e, l);
                        }
                    }
                    _ => {}
                },
                XEvent::End(tag) => match tag {
                    Tag::Lvl => {
                        if let Some((i, l)) = level.take() {
                            if let (Some((_, n)), Some(o)) = (num.as_mut(), override_ilvl) {
                                n.level_overrides[o] = Some(l);
                            } else if let Some((_, levels)) = abstract_levels.as_mut() {
                                levels[i] = Some(l);
                            }
                        }
                    }
                    Tag::LvlOverride => override_ilvl = None,
                    Tag::AbstractNum => {
                        if let Some((id, levels)) = abstract_levels.take() {
                            numbering.abstracts.entry(id).or_insert(levels);
                        }
                    }
                    Tag::Num => {
                        if let Some((id, n)) = num.take() {
                            numbering.nums.entry(id).or_insert(n);
                        }
                    }
                    _ => {}
                },
                XEvent::Text(_) => {}
                XEvent::Eof => return Ok(numbering),
            }
        }
    }

    /// The definition of level `ilvl` of list `num_id`, overrides applied.
    fn level(&self, num_id: u32, ilvl: usize) -> Option<Level> {
        let num = self.nums.get(&num_id)?;
        if let Some(l) = &num.level_overrides[ilvl] {
            return Some(l.clone());
        }
        let mut level = self
            .abstracts
            .get(&num.abstract_id?)
            .and_then(|levels| levels[ilvl].clone())?;
        if let Some(start) = num.start_overrides[ilvl] {
            level.start = Some(start);
        }
        Some(level)
    }
}

fn ilvl_attr(e: &Elem<'_>) -> Option<usize> {
    e.attr("ilvl")
        .and_then(|v| v.trim().parse::<usize>().ok())
        .filter(|&i| i < LEVELS)
}

fn level_prop(e: &Elem<'_>, level: &mut Level) {
    match e.tag {
        Tag::Start => level.start = e.val_num(),
        Tag::NumFmt => level.format = Format::parse(e.attr("val").as_deref().unwrap_or("")),
        Tag::LvlText => {
            level.text = e
                .attr("val")
                .map(|t| t.chars().take(MAX_LVL_TEXT).collect());
        }
        _ => {}
    }
}

/// The running counters of the lists of one part.
#[derive(Debug, Default)]
pub(super) struct Counters {
    values: HashMap<u32, [Option<u32>; LEVELS]>,
    /// Lists that number headings or labels (`Recommendation %1:`): their
    /// count runs through the whole document.
    kept: HashSet<u32>,
}

impl Counters {
    /// Marks list `num_id` as numbering headings or labels, never restarted.
    pub fn keep(&mut self, num_id: u32) {
        self.kept.insert(num_id);
    }

    /// Restarts every list of items (not of headings or labels) at its
    /// start value: a table or a table cell begins a new field, whose lists
    /// count from 1 as the text they were written from does, though Word
    /// continues a list style's one numbering (3., 4.) across them.
    pub fn restart_lists(&mut self) {
        let kept = &self.kept;
        self.values.retain(|id, _| kept.contains(id));
    }

    /// Counts a paragraph of list `num_id` at level `ilvl` and returns its
    /// marker; `None` when the list is unknown, `numId` 0, or the format
    /// is `none`.
    pub fn next(&mut self, numbering: &Numbering, num_id: u32, ilvl: u8) -> Option<Marker> {
        let ilvl = usize::from(ilvl).min(LEVELS - 1);
        if num_id == 0 {
            return None;
        }
        let level = numbering.level(num_id, ilvl)?;
        let values = self.values.entry(num_id).or_default();
        values[ilvl] = Some(match values[ilvl] {
            Some(v) => v.saturating_add(1),
            None => level.start.unwrap_or(1),
        });
        for deeper in values.iter_mut().skip(ilvl + 1) {
            *deeper = None;
        }
        match level.format {
            Format::Bullet => return Some(Marker::Bullet),
            Format::None => return None,
            _ => {}
        }
        let template = level
            .text
            .clone()
            .unwrap_or_else(|| format!("%{}.", ilvl + 1));
        let mut rendered = String::new();
        let mut chars = template.chars().peekable();
        while let Some(c) = chars.next() {
            let digit = chars.peek().and_then(|d| d.to_digit(10));
            match digit {
                Some(d @ 1..=9) if c == '%' => {
                    chars.next();
                    let i = d as usize - 1;
                    let def = if i == ilvl {
                        Some(level.clone())
                    } else {
                        numbering.level(num_id, i)
                    };
                    let def = def.unwrap_or_default();
                    let value = values[i].unwrap_or(def.start.unwrap_or(1));
                    rendered.push_str(&format_number(value, def.format));
                }
                _ => rendered.push(c),
            }
        }
        let trimmed = rendered.trim_matches(|c: char| c.is_whitespace() || ".:)(-–".contains(c));
        if trimmed.is_empty() {
            return None;
        }
        if has_words(&template) {
            Some(Marker::Label(rendered.trim().to_string()))
        } else {
            Some(Marker::Number(trimmed.to_string()))
        }
    }
}

/// True when a level text has words of its own besides its `%N`
/// placeholders (`Recommendation %1:`), not just punctuation (`(%1)`).
fn has_words(template: &str) -> bool {
    let mut run = 0;
    let mut chars = template.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '%' && chars.peek().is_some_and(char::is_ascii_digit) {
            chars.next();
            run = 0;
        } else if c.is_alphabetic() {
            run += 1;
            if run >= 2 {
                return true;
            }
        } else {
            run = 0;
        }
    }
    false
}

/// A counter value in a list format; values a format cannot show sensibly
/// (roman past 3999, letters past 26 repeats) fall back to decimal.
fn format_number(n: u32, format: Format) -> String {
    match format {
        Format::DecimalZero if n < 10 => format!("0{n}"),
        Format::LowerLetter | Format::UpperLetter if (1..=26 * 26).contains(&n) => {
            let letter = char::from(b'a' + ((n - 1) % 26) as u8);
            let s = letter.to_string().repeat(((n - 1) / 26 + 1) as usize);
            if format == Format::UpperLetter {
                s.to_ascii_uppercase()
            } else {
                s
            }
        }
        Format::LowerRoman | Format::UpperRoman if (1..4000).contains(&n) => {
            let s = roman(n);
            if format == Format::LowerRoman {
                s.to_ascii_lowercase()
            } else {
                s
            }
        }
        _ => n.to_string(),
    }
}

/// `n` in lower-case roman numerals (decimal past 3999).
pub(super) fn lower_roman(n: u32) -> String {
    format_number(n, Format::LowerRoman)
}

fn roman(mut n: u32) -> String {
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, digits) in TABLE {
        while n >= value {
            out.push_str(digits);
            n -= value;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    const XML: &str = r#"<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
      <w:abstractNum w:abstractNumId="0">
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
        <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2)"/></w:lvl>
        <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="%1.%2.%3"/></w:lvl>
      </w:abstractNum>
      <w:abstractNum w:abstractNumId="1">
        <w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="&#61623;"/></w:lvl>
      </w:abstractNum>
      <w:abstractNum w:abstractNumId="2">
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="Recommendation %1:"/></w:lvl>
      </w:abstractNum>
      <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
      <w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
      <w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>
      <w:num w:numId="4"><w:abstractNumId w:val="2"/></w:num>
      <w:num w:numId="5"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:lvl w:ilvl="0"><w:start w:val="3"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="(%1)"/></w:lvl></w:lvlOverride></w:num>
    </w:numbering>"#;

    fn num(s: &str) -> Option<Marker> {
        Some(Marker::Number(s.to_string()))
    }

    #[test]
    fn counters_follow_levels_and_overrides() {
        let n = Numbering::parse(XML, "numbering.xml").unwrap();
        let mut c = Counters::default();
        assert_eq!(c.next(&n, 1, 0), num("1"));
        assert_eq!(c.next(&n, 1, 1), num("a"));
        assert_eq!(c.next(&n, 1, 1), num("b"));
        assert_eq!(c.next(&n, 1, 2), num("1.b.i"));
        assert_eq!(c.next(&n, 1, 0), num("2"));
        assert_eq!(c.next(&n, 1, 1), num("a"));
        assert_eq!(c.next(&n, 2, 0), Some(Marker::Bullet));
        assert_eq!(c.next(&n, 3, 0), num("5"));
        assert_eq!(c.next(&n, 3, 0), num("6"));
        assert_eq!(c.next(&n, 1, 0), num("3"));
        assert_eq!(
            c.next(&n, 4, 0),
            Some(Marker::Label("Recommendation 1:".to_string()))
        );
        assert_eq!(c.next(&n, 5, 0), num("III"));
        assert_eq!(c.next(&n, 0, 0), None);
        assert_eq!(c.next(&n, 99, 0), None);
    }

    #[test]
    fn formats_stay_bounded() {
        assert_eq!(format_number(28, Format::LowerLetter), "bb");
        assert_eq!(format_number(1994, Format::UpperRoman), "MCMXCIV");
        assert_eq!(
            format_number(u32::MAX, Format::UpperRoman),
            u32::MAX.to_string()
        );
        assert_eq!(
            format_number(u32::MAX, Format::LowerLetter),
            u32::MAX.to_string()
        );
        assert_eq!(format_number(7, Format::DecimalZero), "07");
    }
}
