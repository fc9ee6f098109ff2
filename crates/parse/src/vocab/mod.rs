//! Vocabularies as data: one table per language.
//!
//! Every word the recogniser matches (labels, decisions, tracking statuses,
//! time-frame words, month names) is listed here and nowhere else. A new
//! language or a new synonym is an edit of these tables alone: add a file
//! beside `en.rs`, then its table to [`ALL`].
//!
//! Entries are compared after [`fold`]: lower case, accents dropped,
//! typographic apostrophes made straight, spaces collapsed; they are written
//! folded (a test holds every one to it).

mod en;
mod es;
mod fr;

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::model::{Decision, Language, Status, TimeFrameKind};

/// Which field of the document a label introduces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Label {
    /// The "Management Response" heading of the document, before the title.
    DocumentTitle,
    /// Overall comments.
    OverallComments,
    /// A recommendation.
    Recommendation,
    /// Management's response to a recommendation.
    Response,
    /// The key actions (a table header, or a line before action lines).
    KeyActions,
    /// The time frame of an action.
    TimeFrame,
    /// The responsible units of an action.
    Responsible,
    /// The "Tracking" header over status and comments.
    Tracking,
    /// The status of an action.
    Status,
    /// Tracking comments.
    Comments,
    /// A contributor role: `Prepared by`, `Input by UNDP`.
    Role,
    /// A contributor's position.
    Position,
    /// A contributor's unit, bureau, division or office.
    Unit,
    /// A note.
    Note,
}

/// The words of one language.
#[derive(Debug)]
pub struct Vocabulary {
    /// The language these words are of.
    pub language: Language,
    /// Labels, each with the field it introduces. Longer entries win over
    /// shorter ones that are their prefix (`Key action(s)` over `Key action`).
    pub labels: &'static [(&'static str, Label)],
    /// Contributor roles (`Prepared by`); any `X by Y` is a role too.
    pub roles: &'static [&'static str],
    /// Decision words.
    pub decisions: &'static [(&'static str, Decision)],
    /// Tracking status words.
    pub statuses: &'static [(&'static str, Status)],
    /// Whole time-frame texts of a kind other than deadline.
    pub time_words: &'static [(&'static str, TimeFrameKind)],
    /// Month names and abbreviations, with their number (1 to 12).
    pub months: &'static [(&'static str, u32)],
    /// Words that name the end, middle or start of a period (`End of`, `Fin`,
    /// `Finales de`) before a date: ignored by the time-frame reader.
    pub period_prefixes: &'static [&'static str],
    /// Quarter and half prefixes: (prefix, months in the period).
    pub period_letters: &'static [(&'static str, u32)],
    /// Conjunctions that may separate responsible units (` and `).
    pub conjunctions: &'static [&'static str],
    /// The other words of dates: ordinals, period nouns, small words.
    pub dates: DateWords,
    /// The labels the normalized Markdown writer uses, as displayed.
    pub writing: WritingLabels,
}

/// Labels as the normalized Markdown writer displays them, one per field.
#[derive(Debug)]
pub struct WritingLabels {
    /// The document heading before the title (`Management Response`).
    pub title: &'static str,
    /// `Overall comments`.
    pub overall: &'static str,
    /// `Recommendation`.
    pub recommendation: &'static str,
    /// `Management response`.
    pub response: &'static str,
    /// The key-action column (`Key action(s)`).
    pub key_action: &'static str,
    /// `Time frame`.
    pub time_frame: &'static str,
    /// `Responsible unit(s)`.
    pub responsible: &'static str,
    /// `Status`.
    pub status: &'static str,
    /// `Comments`.
    pub comments: &'static str,
    /// `Position`.
    pub position: &'static str,
    /// `Unit/Bureau`.
    pub unit: &'static str,
    /// `Note`.
    pub note: &'static str,
}

/// The vocabulary of `language`.
pub fn of(language: Language) -> &'static Vocabulary {
    ALL.iter()
        .find(|v| v.language == language)
        .copied()
        .unwrap_or(ALL[0])
}

/// Words of dates beyond month names, period prefixes and period letters.
#[derive(Debug)]
pub struct DateWords {
    /// Words before a date that mean strictly before it (`Before`, `Avant`,
    /// `Antes de`): the due date is the day before the period starts.
    pub before: &'static [&'static str],
    /// Words before a year that name its middle (`Mid`, `Mi`, `Mediados de`):
    /// due 30 June of that year.
    pub mid: &'static [&'static str],
    /// Ordinal words of quarters and halves, with their number (`first`,
    /// `premier`, `primer`).
    pub ordinals: &'static [(&'static str, u32)],
    /// Suffixes that make a number an ordinal or a day (`1st`, `1er`, `1º`).
    pub ordinal_suffixes: &'static [&'static str],
    /// Period nouns after an ordinal, with the months in the period
    /// (`quarter`, `half`, `trimestre`, `semestre`).
    pub periods: &'static [(&'static str, u32)],
    /// Small words that may stand between the parts of a date (`of`, `de`).
    pub fillers: &'static [&'static str],
    /// Words joining the two ends of a range (`2021 to 2022`, `2021 à 2022`).
    pub range_words: &'static [&'static str],
    /// Words after a date that mean by it (`at the latest`, `au plus tard`).
    pub after: &'static [&'static str],
}

/// Every language's table, English first.
pub static ALL: [&Vocabulary; 3] = [&en::EN, &fr::FR, &es::ES];

/// Folds text for comparison: lower case without accents, straight
/// apostrophes, one space. Writers who cannot type `é` or `ñ` write `e` and
/// `n`, so `Recomendacion` and `Reponse de la direction` read as labels.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.trim().chars() {
        let c = match c {
            '\u{2019}' | '\u{2018}' | '`' => '\'',
            '\u{a0}' | '\u{202f}' | '\t' | '\n' | '\r' => ' ',
            '\u{2010}' | '\u{2011}' => '-',
            c => c,
        };
        if c == ' ' {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            out.extend(c.to_lowercase().flat_map(unaccent));
        }
    }
    out
}

/// A lower-case letter without its accent (`é` → `e`), ligatures as their
/// two letters (`œ` → `oe`); any other character as it is.
pub(crate) fn unaccent(c: char) -> impl Iterator<Item = char> {
    let (first, second) = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => ('a', None),
        'ç' => ('c', None),
        'è' | 'é' | 'ê' | 'ë' => ('e', None),
        'ì' | 'í' | 'î' | 'ï' => ('i', None),
        'ñ' => ('n', None),
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' => ('o', None),
        'ù' | 'ú' | 'û' | 'ü' => ('u', None),
        'ý' | 'ÿ' => ('y', None),
        'œ' => ('o', Some('e')),
        'æ' => ('a', Some('e')),
        c => (c, None),
    };
    std::iter::once(first).chain(second)
}

/// The decision a text names, looked up in every language.
pub fn decision(text: &str) -> Option<(Decision, Language)> {
    let folded = fold(text);
    ALL.iter().find_map(|v| {
        v.decisions
            .iter()
            .find(|(word, _)| *word == folded)
            .map(|(_, d)| (*d, v.language))
    })
}

/// The status a text names, looked up in every language. An overdue status
/// with what it is overdue in (`Overdue-Not initiated`, `En retard – non
/// initiée`) is overdue, as `Overdue-Initiated` is. A status word followed
/// by a remark set apart (`Completed (June 2023)`, `Ongoing – 60%`,
/// `Completed, June 2023`) is that status.
pub fn status(text: &str) -> Option<Status> {
    let folded = fold(text);
    let lookup = |word: &str| {
        ALL.iter()
            .find_map(|v| v.statuses.iter().find(|(w, _)| *w == word))
            .map(|(_, s)| *s)
    };
    lookup(&folded)
        .or_else(|| {
            let (head, _) = folded.split_once(['-', '–', '—'])?;
            lookup(head.trim()).filter(|s| *s == Status::Overdue)
        })
        .or_else(|| {
            let head = match folded.find(['(', ',', ';', ':', '–', '—']) {
                Some(at) => &folded[..at],
                None => folded.split_once(" - ")?.0,
            };
            lookup(head.trim_end_matches([' ', '.']))
        })
}

/// The time-frame kind a whole text names (not a deadline), in any language.
pub fn time_word(text: &str) -> Option<TimeFrameKind> {
    folded_time_word(&fold(text))
}

/// Every language's time words by their (folded) text; a word listed twice
/// keeps its first kind, English first.
static TIME_WORDS: LazyLock<HashMap<&'static str, TimeFrameKind>> =
    LazyLock::new(|| first_entries(ALL.iter().flat_map(|v| v.time_words.iter())));

/// The time-frame kind a text already [`fold`]ed names, as [`time_word`].
pub(crate) fn folded_time_word(folded: &str) -> Option<TimeFrameKind> {
    TIME_WORDS.get(folded).copied()
}

/// The month number of a name or abbreviation, in any language.
pub fn month(text: &str) -> Option<u32> {
    let folded = fold(text);
    folded_month(folded.trim_end_matches('.'))
}

/// Every language's month names by their (folded) text; a name listed twice
/// keeps its first number, English first.
static MONTHS: LazyLock<HashMap<&'static str, u32>> =
    LazyLock::new(|| first_entries(ALL.iter().flat_map(|v| v.months.iter())));

/// The month number of a name already [`fold`]ed and without its final full
/// stops, as [`month`].
pub(crate) fn folded_month(folded: &str) -> Option<u32> {
    MONTHS.get(folded).copied()
}

/// A map of word to value keeping the first entry of each word, as a search
/// of the tables in order finds it.
pub(crate) fn first_entries<T: Copy + 'static>(
    entries: impl Iterator<Item = &'static (&'static str, T)>,
) -> HashMap<&'static str, T> {
    let mut map = HashMap::new();
    for (word, value) in entries {
        map.entry(*word).or_insert(*value);
    }
    map
}

#[cfg(test)]
mod tests;
