//! Responsible units: the text of a key action's responsible cell, split
//! into units by the rule of `MODEL.md`.
//!
//! The text is split on `,`, `;` and line breaks always. It is split on a
//! conjunction (` and `, ` & `, ` et `, ` y `: the `conjunctions` of the
//! vocabulary tables) too, except where the part before it (the text since
//! the previous split) is one word that is not an acronym and the part after
//! it (up to the next conjunction or the end of the comma-separated piece)
//! holds no acronym:
//!
//! ```text
//! UNITAR CWM and PPME             → UNITAR CWM | PPME
//! Government and UNDP             → Government | UNDP
//! Monitoring and Evaluation Unit  → Monitoring and Evaluation Unit
//! ```
//!
//! It is never split on `/`, and no implied prefix is guessed. Entities and
//! `<br>` are the caller's to decode (a `<br>` arrives as `\n`).

use crate::vocab::ALL;

/// Splits a responsible cell into its units, in order, each trimmed; empty
/// units are dropped, so an empty cell gives no units.
pub fn split_responsible(text: &str) -> Vec<String> {
    let mut units = Vec::new();
    for line in text.split(['\n', '\r']) {
        for piece in without_list_marker(line).split([',', ';']) {
            split_piece(piece, &mut units);
        }
    }
    units
}

/// A line without the marker of the list item it is (`- `, `• `, `1. `):
/// a cell that lists its units one per item gives the units, not the
/// markers.
fn without_list_marker(line: &str) -> &str {
    let trimmed = line.trim_start();
    if let Some(rest) = trimmed
        .strip_prefix(['-', '•', '–'])
        .filter(|r| r.starts_with(' '))
    {
        return rest;
    }
    let digits = trimmed.bytes().take_while(u8::is_ascii_digit).count();
    match trimmed[digits..].strip_prefix(['.', ')']) {
        Some(rest) if (1..=2).contains(&digits) && rest.starts_with(' ') => rest,
        _ => line,
    }
}

/// Splits one piece between hard separators on its conjunctions.
fn split_piece(piece: &str, units: &mut Vec<String>) {
    let words = word_spans(piece);
    let is_conj: Vec<bool> = words
        .iter()
        .map(|&(start, end)| piece.get(start..end).is_some_and(is_conjunction))
        .collect();
    let word = |i: usize| -> &str {
        words
            .get(i)
            .and_then(|&(start, end)| piece.get(start..end))
            .unwrap_or("")
    };
    let mut first = 0;
    for i in 0..words.len() {
        if !is_conj.get(i).copied().unwrap_or(false) || i == first {
            continue;
        }
        let next = (i + 1..words.len())
            .find(|&j| is_conj.get(j).copied().unwrap_or(false))
            .unwrap_or(words.len());
        if next == i + 1 {
            continue;
        }
        let keep = i - first == 1
            && !is_acronym(word(first))
            && !(i + 1..next).any(|j| is_acronym(word(j)));
        if !keep {
            push_span(piece, &words, first, i, units);
            first = i + 1;
        }
    }
    push_span(piece, &words, first, words.len(), units);
}

/// Pushes the text from word `from` up to (not including) word `to`, if any.
fn push_span(
    piece: &str,
    words: &[(usize, usize)],
    from: usize,
    to: usize,
    units: &mut Vec<String>,
) {
    if from >= to {
        return;
    }
    let start = words.get(from).map(|w| w.0);
    let end = to
        .checked_sub(1)
        .and_then(|last| words.get(last))
        .map(|w| w.1);
    if let (Some(start), Some(end)) = (start, end)
        && let Some(unit) = piece.get(start..end)
    {
        let unit = unit.trim();
        if !unit.is_empty() {
            units.push(unit.to_string());
        }
    }
}

/// The byte spans of the whitespace-separated words of a text.
fn word_spans(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut start = None;
    for (at, c) in text.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                spans.push((s, at));
                start = None;
            }
            (false, None) => start = Some(at),
            _ => {}
        }
    }
    if let Some(s) = start {
        spans.push((s, text.len()));
    }
    spans
}

/// Whether a word is a conjunction that may separate units, as written
/// (` and `, not ` AND `).
fn is_conjunction(word: &str) -> bool {
    ALL.iter().any(|v| v.conjunctions.contains(&word))
}

/// Whether a word is an acronym: two or more characters, all capital
/// letters, digits or `&`, at least two of them capitals (`UNDP`, `M&E`,
/// `DHIS2`; not `eLMIS`). Punctuation around the word (`(UNDP)`, `UNDP.`)
/// is ignored.
pub fn is_acronym(word: &str) -> bool {
    let word = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '&');
    let capitals = word.chars().filter(|c| c.is_uppercase()).count();
    word.chars().count() >= 2
        && capitals >= 2
        && word
            .chars()
            .all(|c| c.is_uppercase() || c.is_ascii_digit() || c == '&')
}

#[cfg(test)]
mod tests;
