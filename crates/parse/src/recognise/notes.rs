//! Notes: footnotes and trailing remarks, with their markers (`*`, `**`,
//! `†`, a superscript or plain number) and without a `Note:` label.

use crate::block::Inline;
use crate::cleantext::clean;
use crate::labels::find_label;
use crate::model::Note;
use crate::vocab::Label;

/// True when the text starts with a footnote marker or a `Note:` label:
/// what ends a response's comment and opens the notes. A plain number is a
/// marker only in a footnote's shape, a number of one or two digits, a
/// space and a capital (`1 Status as of 31 January 2023.`), not a list's
/// `1.` or a sentence's `10 hospitals`.
pub(crate) fn starts_with_marker(inline: &Inline) -> bool {
    let text = inline.text.trim_start();
    let lead = inline.text.len() - text.len();
    text.starts_with(['*', '†', '‡'])
        || bracket_marker(text).is_some()
        || inline.sup.iter().any(|r| r.start == lead)
        || text.starts_with(|c| superscript_digit(c).is_some())
        || starts_with_number_marker(text)
        || find_label(text).is_some_and(|m| m.label == Label::Note && m.closed)
}

/// The digit a superscript digit character stands for (`¹` → `1`).
pub(crate) fn superscript_digit(c: char) -> Option<char> {
    match c {
        '¹' => Some('1'),
        '²' => Some('2'),
        '³' => Some('3'),
        '⁰' => Some('0'),
        '\u{2074}'..='\u{2079}' => char::from_digit(c as u32 - 0x2070, 10),
        _ => None,
    }
}

/// `[1] Status…`: the number in brackets that Word's and Google Docs' HTML
/// give a footnote, and the text after it.
fn bracket_marker(text: &str) -> Option<(&str, &str)> {
    enclosed_number(text, '[', ']')
}

/// `(1) Status…`: a number in round brackets and a space, and the text
/// after it.
fn paren_marker(text: &str) -> Option<(&str, &str)> {
    enclosed_number(text, '(', ')').filter(|(_, rest)| rest.starts_with([' ', '\t', '\u{a0}']))
}

/// One to three digits between `open` and `close` at the start of `text`,
/// and the text after them.
fn enclosed_number(text: &str, open: char, close: char) -> Option<(&str, &str)> {
    let inner = text.strip_prefix(open)?;
    let digits = inner.bytes().take_while(u8::is_ascii_digit).count();
    let rest = inner[digits..].strip_prefix(close)?;
    ((1..=3).contains(&digits)).then(|| (&inner[..digits], rest))
}

/// `1 Status…`, `12 Time frames…`: one or two digits, one space or tab, a
/// capital letter.
fn starts_with_number_marker(text: &str) -> bool {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    let mut after = text[digits..].chars();
    (1..=2).contains(&digits)
        && after.next().is_some_and(|c| c == ' ' || c == '\t')
        && after.next().is_some_and(char::is_uppercase)
}

/// Reads one note; `numbers` allows a plain leading number as a marker
/// (after the last table, where no list can be meant).
pub(crate) fn note_of(inline: &Inline, numbers: bool) -> Note {
    let text = inline.text.trim_start();
    let lead = inline.text.len() - text.len();
    let (marker, rest) = if let Some(r) = inline.sup.iter().find(|r| r.start == lead) {
        let end = r.end.min(inline.text.len());
        let marker = inline.text.get(r.start..end).unwrap_or_default().trim();
        // `[1]` raised: the brackets are how the suite shows the number.
        let marker = marker
            .strip_prefix('[')
            .and_then(|m| m.strip_suffix(']'))
            .unwrap_or(marker);
        (
            Some(marker.to_string()),
            inline.text.get(end..).unwrap_or_default(),
        )
    } else if text.starts_with(|c| superscript_digit(c).is_some()) {
        // `¹ Status as of…`: a superscript typed as a character.
        let rest = text.trim_start_matches(|c| superscript_digit(c).is_some());
        let digits = text.chars().map_while(superscript_digit).collect();
        (Some(digits), rest)
    } else if let Some((number, rest)) = bracket_marker(text) {
        (Some(number.to_string()), rest)
    } else if let Some((number, rest)) = paren_marker(text).filter(|_| numbers) {
        // `(1) Status as at…` after the last table: a numbered note.
        (Some(number.to_string()), rest)
    } else if text.starts_with(['*', '†', '‡']) {
        let end = text
            .find(|c: char| !matches!(c, '*' | '†' | '‡'))
            .unwrap_or(text.len());
        (Some(text[..end].to_string()), &text[end..])
    } else if numbers && text.starts_with(|c: char| c.is_ascii_digit()) {
        let end = text
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(text.len());
        let after = &text[end..];
        if after.starts_with([' ', ')', '\t', '\u{a0}']) {
            (Some(text[..end].to_string()), after.trim_start_matches(')'))
        } else if after.starts_with(". ") {
            // `1. Status as reported…`: a numbered note.
            (Some(text[..end].to_string()), &after[1..])
        } else {
            (None, text)
        }
    } else {
        (None, text)
    };
    let rest = match find_label(rest) {
        Some(m) if m.label == Label::Note && m.closed => &rest[m.rest..],
        _ => rest,
    };
    Note {
        marker: marker.filter(|m| !m.is_empty()),
        text: clean(rest),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_number_in_brackets_marks_a_note_after_the_last_table() {
        let n = note_of(&Inline::plain("(1) Status as at 31 March 2024."), true);
        assert_eq!(
            (n.marker.as_deref(), n.text.as_str()),
            (Some("1"), "Status as at 31 March 2024.")
        );
        let n = note_of(&Inline::plain("(1) Status"), false);
        assert_eq!(n.marker, None);
    }

    #[test]
    fn markers() {
        let n = note_of(&Inline::plain("* The implementation status"), false);
        assert_eq!(
            (n.marker.as_deref(), n.text.as_str()),
            (Some("*"), "The implementation status")
        );
        let n = note_of(&Inline::plain("** Time frames as proposed"), false);
        assert_eq!(n.marker.as_deref(), Some("**"));
        let mut sup = Inline::default();
        sup.push_sup("1");
        sup.push(" Status as reported", false);
        let n = note_of(&sup, false);
        assert_eq!(
            (n.marker.as_deref(), n.text.as_str()),
            (Some("1"), "Status as reported")
        );
        let n = note_of(&Inline::plain("Note: discussed with the Ministry."), false);
        assert_eq!(
            (n.marker, n.text.as_str()),
            (None, "discussed with the Ministry.")
        );
        let n = note_of(&Inline::plain("1. Status as reported."), true);
        assert_eq!(
            (n.marker.as_deref(), n.text.as_str()),
            (Some("1"), "Status as reported.")
        );
        let n = note_of(&Inline::plain("This response was discussed."), true);
        assert_eq!(n.marker, None);
    }

    #[test]
    fn a_number_in_brackets_is_a_marker() {
        let n = note_of(&Inline::plain("[1] État au 30 novembre 2022."), false);
        assert_eq!(
            (n.marker.as_deref(), n.text.as_str()),
            (Some("1"), "État au 30 novembre 2022.")
        );
        assert!(starts_with_marker(&Inline::plain(
            "[12]\u{a0}Status as of 2023."
        )));
        assert!(!starts_with_marker(&Inline::plain("[Draft] Status.")));
    }

    #[test]
    fn superscript_digit_characters_are_a_marker() {
        let n = note_of(&Inline::plain("¹ État au 30 juin 2025."), false);
        assert_eq!(
            (n.marker.as_deref(), n.text.as_str()),
            (Some("1"), "État au 30 juin 2025.")
        );
        let n = note_of(&Inline::plain("⁴² Later."), false);
        assert_eq!(n.marker.as_deref(), Some("42"));
        assert!(starts_with_marker(&Inline::plain("² Time frames agreed.")));
    }

    #[test]
    fn a_number_is_a_marker_only_in_a_footnote_shape() {
        let marked = |t: &str| starts_with_marker(&Inline::plain(t));
        assert!(marked("1 Status as of 31 January 2023."));
        assert!(marked("12 Time frames were agreed."));
        assert!(!marked("1. Train the nurses."));
        assert!(!marked("10 hospitals will be trained."));
        assert!(!marked("2023 Budget cycle."));
        assert!(!marked("Status as of 2023."));
    }
}
