//! Finished Word paragraphs and the [`Inline`] arithmetic the reader needs:
//! appending marked text, prefixing a list marker, joining the paragraphs of
//! a table cell or a note, each keeping the bold and superscript ranges
//! aligned with the text.

use crate::block::Inline;

/// What a paragraph became.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum ParaKind {
    /// A heading, level 1 to 6.
    Heading(u8),
    /// A plain paragraph.
    Paragraph,
    /// A list item; the text starts with its normalised marker.
    ListItem,
    /// A table's caption (Word's Caption style).
    Caption,
}

/// A paragraph with text, and the number it was given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Para {
    /// What it is.
    pub kind: ParaKind,
    /// Its text.
    pub inline: Inline,
    /// Its paragraph number.
    pub line: u32,
}

/// Appends `text`, merging with an adjacent bold span, and with an adjacent
/// superscript span when `merge_sup` (a footnote number stays on its own).
pub(super) fn append(inline: &mut Inline, text: &str, bold: bool, sup: bool, merge_sup: bool) {
    if text.is_empty() {
        return;
    }
    let start = inline.text.len();
    inline.text.push_str(text);
    let end = inline.text.len();
    if bold {
        match inline.bold.last_mut() {
            Some(last) if last.end == start => last.end = end,
            _ => inline.bold.push(start..end),
        }
    }
    if sup {
        match inline.sup.last_mut() {
            Some(last) if merge_sup && last.end == start => last.end = end,
            _ => inline.sup.push(start..end),
        }
    }
}

/// `prefix` (plain) followed by `inline`.
pub(super) fn prefixed(prefix: &str, inline: &Inline) -> Inline {
    let mut out = Inline::plain(prefix);
    out.append(inline);
    out
}

/// `inline` without its leading whitespace.
pub(super) fn trim_start(inline: &Inline) -> Inline {
    inline.tail(inline.text.len() - inline.text.trim_start().len())
}

/// The paragraphs of a cell or a note as one text: `\n` between consecutive
/// list items, `\n\n` between any other two paragraphs; blank ones skipped.
pub(super) fn join_paras(paras: &[Para]) -> Inline {
    let mut out = Inline::default();
    let mut prev: Option<ParaKind> = None;
    for p in paras {
        if p.inline.is_blank() {
            continue;
        }
        if let Some(k) = prev {
            let list = k == ParaKind::ListItem && p.kind == ParaKind::ListItem;
            out.text.push_str(if list { "\n" } else { "\n\n" });
        }
        out.append(&p.inline);
        prev = Some(p.kind);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn para(kind: ParaKind, text: &str, bold: bool) -> Para {
        let mut inline = Inline::default();
        append(&mut inline, text, bold, false, true);
        Para {
            kind,
            inline,
            line: 1,
        }
    }

    #[test]
    fn joining_keeps_ranges_aligned() {
        let paras = [
            para(ParaKind::Paragraph, "Accepted", true),
            para(ParaKind::Paragraph, "  ", false),
            para(ParaKind::ListItem, "1. a", false),
            para(ParaKind::ListItem, "- b", true),
            para(ParaKind::Paragraph, "end", false),
        ];
        let joined = join_paras(&paras);
        assert_eq!(joined.text, "Accepted\n\n1. a\n- b\n\nend");
        assert_eq!(joined.bold, vec![0..8, 15..18]);
        assert_eq!(&joined.text[15..18], "- b");
    }

    #[test]
    fn prefix_and_trim_shift_ranges() {
        let mut inline = Inline::default();
        append(&mut inline, "  x", true, false, true);
        append(&mut inline, "1", false, true, true);
        append(&mut inline, "2", false, true, false);
        let t = trim_start(&inline);
        assert_eq!(t.text, "x12");
        assert_eq!(t.bold, vec![0..1]);
        assert_eq!(t.sup, vec![1..2, 2..3]);
        let p = prefixed("1. ", &t);
        assert_eq!(p.bold, vec![3..4]);
    }
}
