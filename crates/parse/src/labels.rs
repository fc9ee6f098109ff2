//! Finding labels at the start of a text: `Recommendation 3a:`,
//! `**Management Response:**`, `Prepared by:`, `Unit/Bureau:`.
//!
//! The words come from [`crate::vocab`]; this module knows only their shape:
//! a label, for recommendations an id, then a colon, a full stop, the end of
//! the text or the end of the bold it stands in.

use std::sync::LazyLock;

use std::ops::Range;

use crate::block::Inline;
use crate::model::Language;
use crate::vocab::{self, Label};

/// A label found at the start of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LabelMatch {
    /// What the label introduces.
    pub label: Label,
    /// The language of the label's words.
    pub language: Language,
    /// For a recommendation, its id as written (`1`, `3a`, `R4`).
    pub id: Option<String>,
    /// For a contributor role, the role as written (`Input by UNDP`).
    pub role: Option<String>,
    /// Byte offset in the text where what follows the label starts.
    pub rest: usize,
    /// True when a colon (or full stop) closed the label.
    pub closed: bool,
    /// A remark in brackets between a recommendation's id and the colon
    /// (`Recommendation 3 (high priority):`), as a byte range of the text:
    /// part of the label, not of the recommendation's text.
    pub qualifier: Option<Range<usize>>,
}

/// Characters that are not text at the start of a label: heading and quote
/// marks and spaces.
fn is_lead(c: char) -> bool {
    c.is_whitespace() || matches!(c, '#' | '>' | '\u{a0}')
}

/// Skips what stands before a label: spaces, heading marks, and emphasis
/// marks left in plain text (`**Recommendation 1:**`), but not a footnote
/// marker (`* Recommendation…` is a note).
fn lead_len(text: &str) -> usize {
    let mut rest = text.trim_start_matches(is_lead);
    loop {
        let marks = rest.trim_start_matches(['*', '_']);
        if marks.len() == rest.len() || marks.starts_with(char::is_whitespace) {
            break;
        }
        rest = marks.trim_start_matches(is_lead);
    }
    text.len() - rest.len()
}

/// Characters that may separate a label from its closing colon.
fn is_gap(c: char) -> bool {
    c == ' ' || c == '\t' || c == '\u{a0}' || c == '\u{202f}' || c == '*' || c == '_'
}

fn is_space(c: char) -> bool {
    c == ' ' || c == '\t' || c == '\u{a0}' || c == '\u{202f}'
}

/// Matches `word` (already folded) at the start of `text`, case-insensitively,
/// treating any run of spaces as one space and typographic apostrophes as
/// straight ones. Returns the byte length matched.
fn match_word(text: &str, word: &str) -> Option<usize> {
    if !ascii_prefix_may_match(text, word) {
        return None;
    }
    match_chars(text, word)
}

/// [`match_word`] character by character, without its prefilter.
fn match_chars(text: &str, word: &str) -> Option<usize> {
    let mut chars = text.char_indices().peekable();
    let mut want = word.chars().peekable();
    while let Some(w) = want.next() {
        // `Unité / Bureau` is `Unité/Bureau`: spaces around a slash.
        if w == '/' {
            let spaced = |(_, c): &(usize, char)| *c == ' ' || *c == '\u{a0}';
            while chars.next_if(spaced).is_some() {}
            chars.next_if(|(_, c)| *c == '/')?;
            while chars.next_if(spaced).is_some() {}
            continue;
        }
        let (_, c) = chars.next()?;
        if w == ' ' {
            if !(c == ' ' || c == '\u{a0}' || c == '\t' || c == '\u{202f}') {
                return None;
            }
            while let Some((_, c)) = chars.peek() {
                if *c == ' ' || *c == '\u{a0}' {
                    chars.next();
                } else {
                    break;
                }
            }
            continue;
        }
        if c.is_ascii() {
            if c.to_ascii_lowercase() != w {
                return None;
            }
            continue;
        }
        let c = match c {
            '\u{2019}' | '\u{2018}' => '\'',
            c => c,
        };
        let mut lower = c.to_lowercase().flat_map(vocab::unaccent);
        if lower.next() != Some(w) {
            return None;
        }
        // A character folding to several (`œ` → `oe`) matches only where the
        // word has them all.
        for extra in lower {
            if want.next() != Some(extra) {
                return None;
            }
        }
    }
    Some(chars.peek().map_or(text.len(), |(i, _)| *i))
}

/// False when the word's leading ASCII letters cannot match the text: a
/// byte-wise test that settles most candidates before [`match_word`]'s
/// character-wise one. It stops at the text's first non-ASCII byte, which
/// may fold to a letter (`É` → `e`).
fn ascii_prefix_may_match(text: &str, word: &str) -> bool {
    let letters = word.bytes().take_while(u8::is_ascii_alphabetic);
    let mut text = text.bytes();
    for want in letters {
        match text.next() {
            None => return false,
            Some(b) if !b.is_ascii() => return true,
            Some(b) if b.to_ascii_lowercase() != want => return false,
            Some(_) => {}
        }
    }
    true
}

/// Reads a recommendation id right after its label: `1`, `3a`, `R4`, `2.1`,
/// `IV`, `A`. Returns the id and the bytes consumed (leading spaces included).
fn read_id(text: &str) -> Option<(String, usize)> {
    let trimmed = text.trim_start_matches([' ', '\u{a0}']);
    if trimmed.len() == text.len() && !trimmed.is_empty() {
        return None;
    }
    let mut lead = text.len() - trimmed.len();
    let mut rest = trimmed;
    // `No. 3`, `N° 3`, `nº 3`, `N.º 3`, `núm. 3`, in any case.
    for prefix in ["n.º", "n.°", "núm.", "num.", "no.", "nº", "n°", "no ", "#"] {
        let head = rest.get(..prefix.len()).filter(|h| {
            h.eq_ignore_ascii_case(prefix) || !h.is_ascii() && h.to_lowercase() == prefix
        });
        if let Some(r) = head.map(|h| &rest[h.len()..]) {
            let r2 = r.trim_start_matches([' ', '\u{a0}']);
            lead += rest.len() - r2.len();
            rest = r2;
            break;
        }
    }
    let end = rest
        .char_indices()
        .find(|(_, c)| !(c.is_alphanumeric() || *c == '.' || *c == '-'))
        .map_or(rest.len(), |(i, _)| i);
    let id = rest[..end].trim_end_matches(['.', '-']);
    let letter = id.len() == 1 && id.bytes().all(|b| b.is_ascii_uppercase());
    let numbered = id.chars().any(|c| c.is_ascii_digit()) || is_roman(id) || letter;
    if id.is_empty() || id.chars().count() > 12 || !numbered {
        return None;
    }
    Some((id.to_string(), lead + id.len()))
}

/// A remark in brackets after a recommendation's id that the label's
/// colon, full stop or dash closes, or that ends the text or its first
/// line (`Recommendation 3 (high priority):`): the range of the remark,
/// brackets included, from `text`'s start (spaces before it skipped);
/// `None` for anything else, such as a sentence that opens with a bracket.
fn read_qualifier(text: &str) -> Option<Range<usize>> {
    let open = text.len() - text.trim_start_matches(is_gap).len();
    let inner = text[open..].strip_prefix('(')?;
    let close = inner.find(')')?;
    let remark = &inner[..close];
    if remark.trim().is_empty() || remark.chars().count() > 40 || remark.contains(['(', '\n', '\r'])
    {
        return None;
    }
    let end = open + 1 + close + 1;
    let after = text[end..].trim_start_matches(is_gap);
    let closes = after.starts_with([':', '.', '：', '–', '—'])
        || after.starts_with("- ")
        || after.is_empty()
        || after.starts_with(['\n', '\r']);
    closes.then_some(open..end)
}

fn is_roman(id: &str) -> bool {
    !id.is_empty() && id.len() <= 6 && id.chars().all(|c| matches!(c, 'I' | 'V' | 'X'))
}

/// Skips what may stand between a label and its content: spaces, closing
/// markup, one colon or full stop (also the French ` :`), and dashes.
fn close_label(text: &str, marked: bool) -> (usize, bool) {
    let after_gap = text.trim_start_matches(is_gap);
    let (rest, closed) = match after_gap.chars().next() {
        Some(c @ (':' | '.' | '：' | '–' | '—')) => (&after_gap[c.len_utf8()..], true),
        // A hyphen set apart closes too (`Recommandation 1 - Texte`).
        Some('-') if after_gap[1..].starts_with(is_space) => (&after_gap[1..], true),
        _ => (after_gap, false),
    };
    // After the colon only spaces are skipped: a `*` there is text, unless it
    // closes the emphasis that opened the label (`**Label:** text`).
    let rest = if closed && !marked {
        rest.trim_start_matches(is_space)
    } else {
        rest.trim_start_matches(is_gap)
    };
    (text.len() - rest.len(), closed)
}

/// The length of a dash that follows a recommendation label's colon or
/// full stop (`Recomendación 1.- Texto`, `1: – Texto`), with the gap after
/// it; 0 when none does.
fn dash_after_close(rest: &str) -> usize {
    match rest.strip_prefix(['-', '–', '—']) {
        Some(after) if after.is_empty() || after.starts_with(is_gap) => {
            rest.len() - after.trim_start_matches(is_gap).len()
        }
        _ => 0,
    }
}

/// Every label of every language, with the field it introduces.
type Entry = (&'static str, Label, Language);

/// Folded letters of a label's start that select its candidates: enough to
/// tell apart the many labels that start alike (`response`, `responsible`,
/// `responsable`, `respuesta`).
const KEY_LETTERS: usize = 8;

/// Passes `visit` the letters a text starts with as [`match_word`]
/// compares them (lower case, without accents, ligatures as two letters),
/// up to the first character that is not a letter, at most
/// [`KEY_LETTERS`], and until `visit` returns false. A label's words match
/// a text only where the label's key is a prefix of the text's: both are
/// folded alike, and the label's letters are matched one by one.
fn walk_key(text: &str, mut visit: impl FnMut(char) -> bool) {
    let mut letters = 0;
    let mut take = |letter: char| {
        letters += 1;
        letter.is_alphabetic() && letters <= KEY_LETTERS && visit(letter)
    };
    for c in text.chars() {
        // ASCII is folded without the tables.
        if c.is_ascii() {
            if !take(c.to_ascii_lowercase()) {
                return;
            }
            continue;
        }
        for letter in c.to_lowercase().flat_map(vocab::unaccent) {
            if !take(letter) {
                return;
            }
        }
    }
}

/// A node of the labels' trie: the labels whose key ends here, in the
/// vocabulary's order, and the nodes one letter further.
#[derive(Default)]
struct Node {
    entries: Vec<Entry>,
    next: Vec<(char, usize)>,
}

/// Every label in a trie of its key letters; node 0 is the root.
static TRIE: LazyLock<Vec<Node>> = LazyLock::new(|| {
    let mut trie = vec![Node::default()];
    for v in vocab::ALL {
        for &(word, label) in v.labels {
            let mut at = 0;
            walk_key(word, |c| {
                at = match trie[at].next.iter().find(|(k, _)| *k == c) {
                    Some(&(_, child)) => child,
                    None => {
                        trie.push(Node::default());
                        let child = trie.len() - 1;
                        trie[at].next.push((c, child));
                        child
                    }
                };
                true
            });
            trie[at].entries.push((word, label, v.language));
        }
    }
    trie
});

/// The labels that may match `body`: those whose key is a prefix of its
/// key, shorter keys first, each node's in the vocabulary's order. Two
/// labels that match the same text to the same length share their key,
/// so this order keeps [`find_label`]'s choice among equals.
fn candidates(body: &str) -> impl Iterator<Item = &'static Entry> {
    let trie: &'static [Node] = &TRIE;
    // The nodes along the body's key, the root first.
    let mut path = [0usize; KEY_LETTERS + 1];
    let mut depth = 0;
    walk_key(body, |letter| {
        let child = trie[path[depth]].next.iter().find(|(k, _)| *k == letter);
        // `walk_key` stops at KEY_LETTERS letters, the depth `path` holds.
        match (child, path.get_mut(depth + 1)) {
            (Some(&(_, child)), Some(slot)) => {
                *slot = child;
                depth += 1;
                true
            }
            _ => false,
        }
    });
    path.into_iter()
        .take(depth + 1)
        .flat_map(move |at| trie[at].entries.iter())
}

/// Finds a label at the start of `text` (markup remains such as `**` and
/// leading spaces are skipped). Generic labels (`Status`, `Position`, …)
/// need a closing colon; recommendation labels need a colon, or an id that
/// ends the text or its first line.
pub fn find_label(text: &str) -> Option<LabelMatch> {
    find_label_in(text, false)
}

/// Finds a label at the start of a block or cell: as [`find_label`], or a
/// label that fills the bold run the text starts with, whose end then closes
/// it (`**Recommendation 1** UNITAR should…`, `**Management Response**
/// Accepted`).
pub fn find_block_label(inline: &Inline) -> Option<LabelMatch> {
    if let Some(found) = find_label(&inline.text) {
        return Some(found);
    }
    let end = inline.leading_bold_end()?;
    let head = inline.text.get(..end)?;
    let found = find_label_in(head, true)?;
    if found.rest < head.trim_end().len() {
        return None;
    }
    let (skip, _) = close_label(&inline.text[end..], false);
    Some(LabelMatch {
        rest: end + skip,
        closed: true,
        ..found
    })
}

/// [`find_label`], where `bounded` says the end of `text` closes any label.
fn find_label_in(text: &str, bounded: bool) -> Option<LabelMatch> {
    let start = lead_len(text);
    let body = &text[start..];
    let marked = text[..start].contains(['*', '_']);
    let mut best: Option<LabelMatch> = None;
    let mut best_len = 0;
    for &(word, label, language) in candidates(body) {
        {
            let Some(len) = match_word(body, word) else {
                continue;
            };
            if len <= best_len {
                continue;
            }
            let after = &body[len..];
            if after.chars().next().is_some_and(|c| c.is_alphanumeric()) {
                continue;
            }
            let mut id = None;
            let mut consumed = len;
            if label == Label::Recommendation
                && let Some((found, used)) = read_id(after)
            {
                id = Some(found);
                consumed += used;
            }
            // `Recommendation 9)`: the parenthesis closes the id.
            let paren = id.is_some() && body[consumed..].starts_with(')');
            if paren {
                consumed += 1;
            }
            let mut qualifier = None;
            if let Some(written) = id.as_mut().filter(|_| !paren)
                && let Some(range) = read_qualifier(&body[consumed..])
            {
                let remark = &body[consumed + range.start + 1..consumed + range.end - 1];
                if remark.len() <= 3 && remark.chars().all(|c| c.is_ascii_alphanumeric()) {
                    // `Recommendation 13 (a):` numbers a part of 13: the
                    // bracket is the id's, as written.
                    let id_start = consumed - written.len();
                    *written = body[id_start..consumed + range.end].to_string();
                } else {
                    qualifier = Some(start + consumed + range.start..start + consumed + range.end);
                }
                consumed += range.end;
            }
            let (mut skip, closed) = close_label(&body[consumed..], marked);
            let closed = closed || paren;
            if label == Label::Recommendation && closed {
                skip += dash_after_close(&body[consumed + skip..]);
            }
            let after_id = body[consumed..].trim_start_matches(is_gap);
            let ends = after_id.is_empty() || after_id.starts_with(['\n', '\r']);
            let accepted = match label {
                // Without an id, only a capital makes it a label: a line
                // that `recommendation.` was wrapped onto is text.
                Label::Recommendation => {
                    (closed || id.is_some() && ends)
                        && (id.is_some() || body.starts_with(char::is_uppercase))
                }
                // `Key actions` alone on its line, or closed: a sentence
                // that starts with the words (`Key actions were agreed…`)
                // is text.
                Label::KeyActions => closed || ends,
                Label::OverallComments => true,
                _ => closed || bounded && after_id.is_empty(),
            };
            if !accepted {
                continue;
            }
            best_len = len;
            best = Some(LabelMatch {
                label,
                language,
                id,
                role: None,
                rest: start + consumed + skip,
                closed,
                qualifier,
            });
        }
    }
    if best.is_none() {
        best = find_role(text, start);
    }
    best
}

/// True for `Label: value` with a label of one to three capitalised words
/// and a short value, whatever the label (`Date: 12 March 2024`,
/// `Reference: ERC-1234`): the shape of a header field, known or not.
pub fn is_field_line(text: &str) -> bool {
    let text = text.trim();
    let Some((label, value)) = text.split_once(':') else {
        return false;
    };
    let words = label.split_whitespace().count();
    (1..=3).contains(&words)
        && label.starts_with(char::is_uppercase)
        && !label.contains(['.', ',', ';'])
        && !value.trim().is_empty()
        && value.chars().count() <= 80
}

/// Finds the "Management Response" label that opens a document's title, with
/// or without a colon (`Management Response “…”`, `Management Response to
/// the …`). Returns the label's language and where the title starts.
pub fn find_title_label(text: &str) -> Option<(Language, usize)> {
    let start = lead_len(text);
    let body = &text[start..];
    let marked = text[..start].contains(['*', '_']);
    for &(word, label, language) in candidates(body) {
        {
            if label != Label::Response || !word.contains(' ') {
                continue;
            }
            let Some(len) = match_word(body, word) else {
                continue;
            };
            if body[len..]
                .chars()
                .next()
                .is_some_and(|c| c.is_alphanumeric())
            {
                continue;
            }
            let (skip, _) = close_label(&body[len..], marked);
            return Some((language, start + len + skip));
        }
    }
    None
}

/// True when the first word of `head` ends as a French past participle
/// does, accent written (`Revu`, `Validé`, `Approuvée`, `Soumis`): `Une`
/// does not.
fn is_french_participle(head: &str) -> bool {
    let word = head
        .trim_start_matches(is_lead)
        .split(is_space)
        .next()
        .unwrap_or_default()
        .to_lowercase();
    word.chars().count() > 2
        && ["é", "ée", "és", "ées", "u", "ue", "is"]
            .iter()
            .any(|end| word.ends_with(end))
}

/// Finds a contributor role: `Prepared by:`, `Input by UNDP:`, `Préparé par :`.
fn find_role(text: &str, start: usize) -> Option<LabelMatch> {
    let body = &text[start..];
    let marked = text[..start].contains(['*', '_']);
    // A role is at most 60 characters before its colon (and the gap):
    // the colon is looked for in the bytes those can take, not in the
    // whole of a long paragraph.
    let window = body.len().min(60 * 4 + 256);
    let colon = memchr::memchr(b':', &body.as_bytes()[..window])?;
    let head = body[..colon].trim_end_matches(is_gap);
    if head.is_empty() || head.chars().count() > 60 {
        return None;
    }
    let folded = vocab::fold(head);
    for v in vocab::ALL {
        for role in v.roles {
            let Some(rest) = folded.strip_prefix(role) else {
                continue;
            };
            if rest.is_empty() || rest.starts_with(' ') {
                let (skip, _) = close_label(&body[colon..], marked);
                return Some(LabelMatch {
                    label: Label::Role,
                    language: v.language,
                    id: None,
                    role: Some(head.to_string()),
                    rest: start + colon + skip,
                    closed: true,
                    qualifier: None,
                });
            }
        }
    }
    // Any short "Xed by Y:", "Xed and Yed by Z:" or "Input(s) by/from Y:"
    // is a role too, and so are their French and Spanish forms ("Revu par",
    // "Contribution du PNUD", "Revisado por", "Con aportes de la OIT").
    let words: Vec<&str> = folded.split(' ').collect();
    let within = |rest: &[&str], word: &str| rest.iter().take(3).any(|w| *w == word);
    let language = match words.as_slice() {
        ["input" | "inputs", "by" | "from", ..] => Some(Language::En),
        [verb, rest @ ..] if verb.ends_with("ed") && within(rest, "by") => Some(Language::En),
        [
            "contribution" | "contributions" | "apport" | "apports",
            "de" | "du" | "des",
            ..,
        ] => Some(Language::Fr),
        [_, rest @ ..] if is_french_participle(head) && within(rest, "par") => Some(Language::Fr),
        ["con", "aportes" | "aporte", "de" | "del", ..]
        | ["aportes" | "aporte", "de" | "del", ..] => Some(Language::Es),
        [verb, rest @ ..]
            if ["ado", "ido", "ada", "ida"]
                .iter()
                .any(|e| verb.ends_with(e))
                && within(rest, "por") =>
        {
            Some(Language::Es)
        }
        _ => None,
    };
    let capital = head
        .trim_start_matches(is_lead)
        .starts_with(|c: char| c.is_uppercase());
    if let Some(language) = language.filter(|_| words.len() <= 6 && capital) {
        let (skip, _) = close_label(&body[colon..], marked);
        return Some(LabelMatch {
            label: Label::Role,
            language,
            id: None,
            role: Some(head.to_string()),
            rest: start + colon + skip,
            closed: true,
            qualifier: None,
        });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lab(text: &str) -> Option<(Label, Option<String>, String)> {
        find_label(text).map(|m| (m.label, m.id, text[m.rest..].to_string()))
    }

    #[test]
    fn a_bold_run_closes_the_label_it_holds_and_only_that() {
        let mut inline = Inline::default();
        inline.push("Recommendation 1", true);
        inline.push(" UNITAR should act.", false);
        let m = find_block_label(&inline).map(|m| (m.label, m.id, &inline.text[m.rest..]));
        assert_eq!(
            m,
            Some((
                Label::Recommendation,
                Some("1".into()),
                "UNITAR should act."
            ))
        );
        let mut inline = Inline::default();
        inline.push("Management Response", true);
        inline.push(" Accepted.", false);
        assert_eq!(find_label(&inline.text), None);
        assert_eq!(
            find_block_label(&inline).map(|m| m.label),
            Some(Label::Response)
        );
        // A bold run holding more than its label is no label.
        let mut inline = Inline::default();
        inline.push("Recommendation 1 matters most", true);
        inline.push(" to us.", false);
        assert_eq!(find_block_label(&inline), None);
    }

    #[test]
    fn a_line_break_ends_a_recommendation_label_as_the_text_end_does() {
        assert_eq!(
            lab("Recommendation 1\n\nScale up.").map(|(l, id, _)| (l, id)),
            Some((Label::Recommendation, Some("1".into())))
        );
        assert_eq!(lab("Recommendation 1 scale up."), None);
        assert_eq!(lab("recommendation. Adoption is planned for 2022."), None);
        assert_eq!(
            lab("Recommendation: Adopt it.").map(|(l, id, _)| (l, id)),
            Some((Label::Recommendation, None))
        );
    }

    #[test]
    fn letter_ids_and_an_id_closed_by_a_parenthesis() {
        let id = |text: &str| lab(text).and_then(|(_, id, rest)| Some((id?, rest)));
        assert_eq!(
            id("Recommendation A. Do it."),
            Some(("A".into(), "Do it.".into()))
        );
        assert_eq!(
            id("Evaluation Recommendation B: Do it."),
            Some(("B".into(), "Do it.".into()))
        );
        assert_eq!(
            id("Recommendation 9) Do it."),
            Some(("9".into(), "Do it.".into()))
        );
        assert_eq!(lab("Recommendation A bit more"), None);
        for text in [
            "Recommandation nº 1 : Faire.",
            "Recommandation no 1 : Faire.",
            "Recommandation no. 1 : Faire.",
            "Recomendación N.º 1. Faire.",
            "Recomendación n.º 1: Faire.",
            "Recomendación núm. 1: Faire.",
            "Recomendación Núm. 1: Faire.",
        ] {
            assert_eq!(id(text), Some(("1".into(), "Faire.".into())), "{text}");
        }
        assert_eq!(lab("Recommendation no longer applies"), None);
        for text in [
            "**Recomendación 1.-** Texto.",
            "Recomendación 1.– Texto.",
            "**Recomendación 1:** – Texto.",
            "Recommandation 1 - Texto.",
        ] {
            assert_eq!(id(text), Some(("1".into(), "Texto.".into())), "{text}");
        }
    }

    #[test]
    fn every_label_is_a_candidate_for_its_own_words_in_any_case() {
        for v in vocab::ALL {
            for (word, _) in v.labels {
                let upper = word.to_uppercase();
                let typographic = word.replace('\'', "\u{2019}").replace(' ', "\u{a0}");
                for text in [word.to_string(), upper, typographic] {
                    assert!(
                        candidates(&text).any(|(w, _, _)| w == word),
                        "{text:?} misses {word:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn recommendation_labels() {
        assert_eq!(
            lab("**Evaluation Recommendation 1:** UNITAR should"),
            Some((
                Label::Recommendation,
                Some("1".into()),
                "UNITAR should".into()
            ))
        );
        assert_eq!(
            lab("Recommendation 3a: x").map(|l| l.1),
            Some(Some("3a".into()))
        );
        assert_eq!(
            lab("Recommendation R4: x").map(|l| l.1),
            Some(Some("R4".into()))
        );
        assert_eq!(
            lab("Recommendation 2.").map(|l| l.1),
            Some(Some("2".into()))
        );
        assert_eq!(
            lab("Recomendación 1. El programa").map(|l| l.2),
            Some("El programa".into())
        );
        assert_eq!(
            lab("Recommandation 1\u{a0}: Le PNUD").map(|l| l.2),
            Some("Le PNUD".into())
        );
        assert_eq!(lab("Recommendations 3 and 4 were"), None);
        // `Key actions` is a label alone or closed, not a sentence's start.
        assert_eq!(lab("Key actions").map(|l| l.0), Some(Label::KeyActions));
        assert_eq!(
            lab("Key actions: none").map(|l| l.0),
            Some(Label::KeyActions)
        );
        assert_eq!(lab("Key actions will be agreed later."), None);
        assert_eq!(lab("Recommendation 3 is already in place"), None);
    }

    #[test]
    fn a_remark_in_brackets_between_the_id_and_the_colon_is_part_of_the_label() {
        let text = "**Recommendation R3 (low priority):** The project should";
        let found = find_label(text).expect("a label");
        assert_eq!(found.id.as_deref(), Some("R3"));
        assert_eq!(&text[found.rest..], "The project should");
        assert_eq!(found.qualifier.map(|q| &text[q]), Some("(low priority)"));
        assert_eq!(
            lab("Recommandation 2 (priorité moyenne) : Le PAM").map(|l| (l.1, l.2)),
            Some((Some("2".into()), "Le PAM".into()))
        );
        assert_eq!(
            lab("Recommendation 2 (high priority)").map(|l| l.1),
            Some(Some("2".into()))
        );
        // A short number or letter in brackets numbers a part: the id's.
        let part = find_label("Recommendation 13 (a): Text").expect("a label");
        assert_eq!((part.id.as_deref(), part.qualifier), (Some("13 (a)"), None));
        // A bracket that opens a sentence, or a remark no colon closes, is
        // text: no label.
        assert_eq!(lab("Recommendation 3 (see annex) was accepted"), None);
        assert_eq!(
            find_label("Recommendation 4: (high priority) Do it").and_then(|m| m.qualifier),
            None
        );
    }

    #[test]
    fn response_and_generic_labels() {
        assert_eq!(
            lab("Management Response: Partially accepted"),
            Some((Label::Response, None, "Partially accepted".into()))
        );
        assert_eq!(
            lab("Réponse de la direction : Acceptée").map(|l| l.2),
            Some("Acceptée".into())
        );
        assert_eq!(lab("Status report is late"), None);
        assert_eq!(lab("Position: Manager").map(|l| l.0), Some(Label::Position));
        assert_eq!(
            lab("Unit/Bureau: CWM, UNITAR").map(|l| l.2),
            Some("CWM, UNITAR".into())
        );
    }

    #[test]
    fn roles() {
        let m = find_label(" Input by UNDP: Monica").map(|m| (m.role, m.label));
        assert_eq!(m, Some((Some("Input by UNDP".into()), Label::Role)));
        for (text, role) in [
            ("Revu par : Awa", "Revu par"),
            ("Contribution du PNUD : Awa", "Contribution du PNUD"),
            ("Revisado por: Ana", "Revisado por"),
            ("Con aportes de la OIT: Ana", "Con aportes de la OIT"),
        ] {
            assert_eq!(find_label(text).and_then(|m| m.role).as_deref(), Some(role));
        }
        assert_eq!(
            find_label("Unité / Bureau : PNUD").map(|m| m.label),
            Some(Label::Unit)
        );
        assert_eq!(
            find_label("Unidad / Oficina: PNUD").map(|m| m.label),
            Some(Label::Unit)
        );
        assert_eq!(find_label("Une partie par an: 3"), None);
        let m = find_label("Préparé par : Awa").map(|m| m.role);
        assert_eq!(m, Some(Some("Préparé par".into())));
        for role in [
            "Input into and update in ERC",
            "Prepared and submitted by",
            "Inputs from UNEP",
            "Reviewed and cleared by UNDP",
            "Focal point",
        ] {
            let m = find_label(&format!("{role}: E F")).map(|m| (m.role, m.label));
            assert_eq!(m, Some((Some(role.into()), Label::Role)), "{role}");
        }
        assert_eq!(find_label("Based on the work done by: the team"), None);
    }
}

#[cfg(test)]
mod fast_path_tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The byte-wise prefilter never rejects a text that the label's
        /// words match, in any case, accent or spacing.
        #[test]
        fn ascii_prefilter_never_rejects_a_match(
            entry in 0usize..400,
            text in "[rRéÉeEcCoOmMnNdDaAtTiIóÓ /\u{a0}\u{2019}'sSpPuUœŒ]{0,30}"
        ) {
            let words: Vec<&str> = vocab::ALL
                .iter()
                .flat_map(|v| v.labels.iter().map(|(w, _)| *w))
                .collect();
            let word = words[entry % words.len()];
            // The text as typed (first letter capitalised) and a random one.
            let mut typed = word.to_uppercase();
            typed.push_str(&text);
            for candidate in [typed.as_str(), text.as_str()] {
                if match_chars(candidate, word).is_some() {
                    prop_assert!(ascii_prefix_may_match(candidate, word));
                }
            }
        }

        /// The trie never leaves out a label whose words match the text:
        /// typed in capitals, with accents, ligatures, typographic
        /// apostrophes and spaces, or followed by anything.
        #[test]
        fn the_trie_never_leaves_out_a_match(
            entry in 0usize..400,
            text in "[rRéÉeEcCoOmMnNdDaAtTiIóÓ /\u{a0}\u{2019}'sSpPuUœŒ:1]{0,30}"
        ) {
            let words: Vec<&str> = vocab::ALL
                .iter()
                .flat_map(|v| v.labels.iter().map(|(w, _)| *w))
                .collect();
            let word = words[entry % words.len()];
            let mut typed = word.to_uppercase();
            typed.push_str(&text);
            let accented = word.replace('e', "é").replace("oe", "œ").replace('\'', "\u{2019}");
            for candidate in [typed.as_str(), accented.as_str(), text.as_str()] {
                if match_chars(candidate, word).is_some() {
                    prop_assert!(
                        candidates(candidate).any(|(w, _, _)| *w == word),
                        "{candidate:?} misses {word:?}"
                    );
                }
            }
        }
    }
}
