//! Splitting a response into its decision and its comment.
//!
//! The decision leads the response and ends at a dash (`–`, `—`, ` - `), a
//! colon, a full stop, a line break, or the end of its bold. When what stands
//! there is in no vocabulary, the whole response is the comment.

use crate::block::Inline;
use crate::cleantext::{clean, trim_trailing_punct};
use crate::model::{Decision, Language};
use crate::vocab;

/// A response split into decision and comment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecisionSplit {
    /// The normalised decision.
    pub decision: Option<Decision>,
    /// The decision as written.
    pub decision_text: Option<String>,
    /// What follows the decision (or the whole response when there is none).
    pub comment: Option<String>,
    /// The language of the decision word.
    pub language: Option<Language>,
    /// What stood where the decision should, when it is in no vocabulary and
    /// is short enough to be meant as one (`Noted`).
    pub unknown_word: Option<String>,
}

/// Longest a word standing where a decision should may be, in words, to be
/// reported as an unknown decision rather than as a missing one.
const DECISION_WORDS_MAX: usize = 4;

/// Splits the response text of `inline` starting at byte `start`.
pub fn split_decision(inline: &Inline, start: usize) -> DecisionSplit {
    let text = &inline.text;
    let start = skip_lead(text, start);
    let rest = text.get(start..).unwrap_or_default();
    let mut split = DecisionSplit {
        decision: None,
        decision_text: None,
        comment: None,
        language: None,
        unknown_word: None,
    };
    if rest.trim().is_empty() {
        return split;
    }
    let bold_end = inline
        .bold
        .iter()
        .find(|r| r.start <= start && start < r.end)
        .map(|r| r.end - start)
        .or_else(|| {
            inline
                .bold
                .iter()
                .find(|r| r.start > start)
                .map(|r| r.start - start)
        });
    let (end, after) = candidate_end(rest, bold_end);
    let candidate = trim_trailing_punct(rest[..end].trim());
    if let Some((decision, language)) = vocab::decision(candidate) {
        split.decision = Some(decision);
        split.decision_text = Some(clean(candidate));
        split.comment = comment_after(&rest[after..], after > end);
        split.language = Some(language);
        return split;
    }
    if let Some((word_end, decision, language)) = decision_prefix(rest) {
        split.decision = Some(decision);
        split.language = Some(language);
        // A decision word with a few more before its separator (`Accepted
        // in principle – …`): the decision as written runs to the separator.
        let qualified = end < rest.len()
            && word_end <= end
            && candidate.split_whitespace().count() <= DECISION_WORDS_MAX;
        if qualified {
            split.decision_text = Some(clean(candidate));
            split.comment = comment_after(&rest[after..], after > end);
        } else {
            split.decision_text = Some(clean(&rest[..word_end]));
            split.comment = comment_after(&rest[word_end..], false);
        }
        return split;
    }
    if !candidate.is_empty() && candidate.split_whitespace().count() <= DECISION_WORDS_MAX {
        split.unknown_word = Some(clean(candidate));
    }
    split.comment = Some(clean(rest)).filter(|c| !c.is_empty());
    split
}

/// Skips spaces and stray markup between a label and its decision.
fn skip_lead(text: &str, start: usize) -> usize {
    let rest = text.get(start..).unwrap_or_default();
    let trimmed = rest.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{a0}');
    start + (rest.len() - trimmed.len())
}

/// Where the candidate decision ends in `rest`, and where its comment starts.
fn candidate_end(rest: &str, bold_end: Option<usize>) -> (usize, usize) {
    let mut end = rest.len();
    let mut after = rest.len();
    for (i, c) in rest.char_indices() {
        let sep = match c {
            '\n' | ':' | '.' | '–' | '—' | ';' => true,
            '-' => rest[..i].ends_with(' ') && rest[i + 1..].starts_with(' '),
            _ => false,
        };
        if sep {
            end = i;
            after = i + c.len_utf8();
            break;
        }
    }
    if let Some(b) = bold_end
        && b > 0
        && b < end
        && rest.is_char_boundary(b)
    {
        end = b;
        after = b;
    }
    (end, after)
}

/// The longest decision word that starts `rest` and is followed by a space
/// or punctuation: for responses that run on without a separator.
fn decision_prefix(rest: &str) -> Option<(usize, Decision, Language)> {
    let folded_words: Vec<(usize, &str)> = rest
        .split_inclusive(char::is_whitespace)
        .scan(0usize, |pos, w| {
            let s = *pos;
            *pos += w.len();
            Some((s, w))
        })
        .take(3)
        .collect();
    let mut best = None;
    for n in 1..=folded_words.len() {
        let (s, w) = folded_words[n - 1];
        let end = s + w.trim_end().len();
        let phrase = trim_trailing_punct(&rest[..end]);
        if let Some((d, l)) = vocab::decision(phrase) {
            best = Some((rest[..end].trim_end_matches([',', ';']).len(), d, l));
        }
    }
    best
}

/// The comment after the decision. When no separator ended the decision
/// (the end of its bold, or a decision word running on), one dash, colon or
/// full stop that follows is the separator and is skipped too; after a line
/// break nothing more is, so a list item keeps its `- `.
fn comment_after(rest: &str, separated: bool) -> Option<String> {
    let mut trimmed = rest.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{a0}');
    if !separated
        && let Some(c) = trimmed
            .chars()
            .next()
            .filter(|c| matches!(c, '–' | '—' | '-' | ':' | '.' | ';' | ','))
    {
        let after = &trimmed[c.len_utf8()..];
        // A dash only separates when a space follows (`– comment`, not `-item`).
        if !matches!(c, '-') || after.starts_with([' ', '\u{a0}']) {
            trimmed = after.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{a0}');
        }
    }
    Some(clean(trimmed)).filter(|c| !c.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> (Option<Decision>, Option<String>, Option<String>) {
        let s = split_decision(&Inline::plain(text), 0);
        (s.decision, s.decision_text, s.comment)
    }

    #[test]
    fn decision_then_dash_comment() {
        assert_eq!(
            split("Partially accepted – in principle yes."),
            (
                Some(Decision::PartiallyAccepted),
                Some("Partially accepted".into()),
                Some("in principle yes.".into())
            )
        );
    }

    #[test]
    fn decision_then_full_stop_or_colon() {
        assert_eq!(
            split("Accepted. The programme will").2,
            Some("The programme will".into())
        );
        assert_eq!(
            split("Partially accepted: the project").2,
            Some("the project".into())
        );
        assert_eq!(split("Aceptada").1, Some("Aceptada".into()));
        assert_eq!(
            split("Accepted\nA joint task force").2,
            Some("A joint task force".into())
        );
    }

    #[test]
    fn bold_ends_the_decision() {
        let mut inline = Inline::default();
        inline.push("Accepted", true);
        inline.push(" the plan", false);
        let s = split_decision(&inline, 0);
        assert_eq!(s.decision_text.as_deref(), Some("Accepted"));
        assert_eq!(s.comment.as_deref(), Some("the plan"));
    }

    #[test]
    fn decision_in_other_word_orders_and_languages() {
        for (text, decision, written) in [
            (
                "Accepted in part – indicators",
                Decision::PartiallyAccepted,
                "Accepted in part",
            ),
            (
                "Acceptée partiellement – l'appui",
                Decision::PartiallyAccepted,
                "Acceptée partiellement",
            ),
            (
                "Aceptada parcialmente. La oficina",
                Decision::PartiallyAccepted,
                "Aceptada parcialmente",
            ),
            (
                "Acceptee en partie : le bureau",
                Decision::PartiallyAccepted,
                "Acceptee en partie",
            ),
            (
                "Do not agree – the office",
                Decision::Rejected,
                "Do not agree",
            ),
        ] {
            let (d, t, c) = split(text);
            assert_eq!((d, t.as_deref()), (Some(decision), Some(written)), "{text}");
            assert!(c.is_some_and(|c| !c.starts_with(['–', ':', '.'])), "{text}");
        }
    }

    #[test]
    fn qualified_decision_runs_to_its_separator() {
        assert_eq!(
            split("Accepted in principle – subject to funding."),
            (
                Some(Decision::Accepted),
                Some("Accepted in principle".into()),
                Some("subject to funding.".into())
            )
        );
        // Without a separator, or with a long sentence before it, only the
        // decision word is the decision.
        assert_eq!(
            split("Accepted and the office will start at once with the plan.").1,
            Some("Accepted".into())
        );
        assert_eq!(split("Agreed with the plan").1, Some("Agreed".into()));
    }

    #[test]
    fn unknown_word_is_reported_and_kept_as_comment() {
        let s = split_decision(&Inline::plain("Noted. We will consider it."), 0);
        assert_eq!(s.decision, None);
        assert_eq!(s.unknown_word.as_deref(), Some("Noted"));
        assert_eq!(s.comment.as_deref(), Some("Noted. We will consider it."));
    }
}
