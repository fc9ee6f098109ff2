//! Time frames: the text of a key action's time-frame cell, read into a
//! [`TimeFrame`] of `MODEL.md`.
//!
//! Words of a kind other than deadline (`Ongoing`, `Done`, `TBD`) come from
//! [`vocab::time_word`]. Everything else is read as a deadline if it names a
//! date or a period, in English, French or Spanish at once; the due date is
//! the last day of the period:
//!
//! ```text
//! By 30 March 2020 → 2020-03-30      March 2020, End of March 2020 → 2020-03-31
//! Q2 2021, H1 2021, Mid-2021 → 2021-06-30     2021, End of 2021 → 2021-12-31
//! 2021–2022 → 2022-12-31     31/12/2020, 31.12.2020, 12/31/2020 → 2020-12-31
//! 2019/03, 03/2019 → 2019-03-31       1st Quarter, 2018 → 2018-03-31
//! D'ici le 30 juin 2021, T2 2021 → 2021-06-30   Finales de 2021 → 2021-12-31
//! ```
//!
//! A text that is neither is of kind `other`, with no due date. Words that
//! mean strictly before (`Before 2022`, `Avant le 30 juin 2021`) give the day
//! before the period starts. Every word the reader matches lives in the
//! vocabulary tables ([`crate::vocab`]); this module holds only the grammar.

use std::sync::LazyLock;

use crate::model::{TimeFrame, TimeFrameKind};
use crate::vocab::{self, ALL};

/// A time frame as read, with whether its date could be read two ways.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedTimeFrame {
    /// The time frame of the contract: text as written (trimmed), kind, due.
    pub frame: TimeFrame,
    /// A numeric day/month date readable both ways (`05/06/2021`), read day
    /// first; the caller should warn.
    pub ambiguous: bool,
}

/// Reads a time-frame cell. Never fails: text naming no date and no known
/// word is of kind [`TimeFrameKind::Other`]; an empty or blank cell is
/// [`TimeFrameKind::Unknown`] with no text.
pub fn parse_time_frame(text: &str) -> ParsedTimeFrame {
    let trimmed = text.trim();
    let build = |kind, due: Option<Date>, ambiguous| ParsedTimeFrame {
        frame: TimeFrame {
            text: (!trimmed.is_empty()).then(|| trimmed.to_string()),
            kind,
            due: due.map(|d| d.to_string()),
        },
        ambiguous,
    };
    if trimmed.is_empty() {
        return build(TimeFrameKind::Unknown, None, false);
    }
    if let Some(kind) = word_kind(trimmed) {
        return build(kind, None, false);
    }
    match deadline(trimmed) {
        Some((due, ambiguous)) => build(TimeFrameKind::Deadline, Some(due), ambiguous),
        None => build(TimeFrameKind::Other, None, false),
    }
}

/// The kind a whole text names from the word lists, ignoring a final full
/// stop. Deadlines are never named by words alone.
fn word_kind(text: &str) -> Option<TimeFrameKind> {
    vocab::time_word(text)
        .or_else(|| vocab::time_word(text.trim_end_matches('.')))
        .filter(|kind| *kind != TimeFrameKind::Deadline)
}

/// Longest text read as a date, in bytes; anything longer is not a date.
const MAX_LEN: usize = 120;
/// Earliest year read as a year.
const MIN_YEAR: u32 = 1900;
/// Latest year read as a year.
const MAX_YEAR: u32 = 2199;

/// A calendar date, always valid once built.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Date {
    year: u32,
    month: u32,
    day: u32,
}

impl Date {
    /// The date if it exists.
    fn new(year: u32, month: u32, day: u32) -> Option<Date> {
        let valid = (MIN_YEAR..=MAX_YEAR).contains(&year)
            && (1..=12).contains(&month)
            && day >= 1
            && day <= days_in_month(year, month);
        valid.then_some(Date { year, month, day })
    }

    /// The day before.
    fn pred(self) -> Date {
        if self.day > 1 {
            Date {
                day: self.day - 1,
                ..self
            }
        } else if self.month > 1 {
            let month = self.month - 1;
            Date {
                month,
                day: days_in_month(self.year, month),
                ..self
            }
        } else {
            Date {
                year: self.year - 1,
                month: 12,
                day: 31,
            }
        }
    }
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Whether a year of the Gregorian calendar has 29 February.
fn is_leap(year: u32) -> bool {
    (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400)
}

/// The number of days of a month (1 to 12) of a year.
fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// A span of days named by a text: its first and last day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Period {
    start: Date,
    end: Date,
}

impl Period {
    /// One day.
    fn day(year: u32, month: u32, day: u32) -> Option<Period> {
        let date = Date::new(year, month, day)?;
        Some(Period {
            start: date,
            end: date,
        })
    }

    /// Months `first..=last` of a year.
    fn months(year: u32, first: u32, last: u32) -> Option<Period> {
        if first > last || last > 12 {
            return None;
        }
        Some(Period {
            start: Date::new(year, first, 1)?,
            end: Date::new(year, last, days_in_month(year, last))?,
        })
    }

    /// One month of a year.
    fn month(year: u32, month: u32) -> Option<Period> {
        Period::months(year, month, month)
    }

    /// A whole year.
    fn year(year: u32) -> Option<Period> {
        Period::months(year, 1, 12)
    }

    /// The `index`th (1-based) period of `len` months of a year: quarters,
    /// halves.
    fn nth(year: u32, index: u32, len: u32) -> Option<Period> {
        if index == 0 || len == 0 {
            return None;
        }
        let last = index.checked_mul(len)?;
        Period::months(year, last.checked_sub(len)? + 1, last)
    }
}

/// How the words before a date bend its due date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// The last day of the period (`By`, `End of`, `Fin de`, or nothing).
    Through,
    /// The day before the period starts (`Before`, `Avant`).
    Before,
    /// The middle of a year: 30 June (`Mid-`, `Mi-`, `Mediados de`).
    Mid,
}

/// The due date a text names, and whether it was read day first out of two
/// possible readings.
fn deadline(text: &str) -> Option<(Date, bool)> {
    let text = normalise(text);
    if text.len() > MAX_LEN {
        return None;
    }
    let (rest, mode) = strip_prefixes(strip_after_words(&text));
    if mode == Mode::Mid {
        let year = year(rest)?;
        return Some((Date::new(year, 6, 30)?, false));
    }
    let (period, ambiguous) = period(rest)?;
    let due = match mode {
        Mode::Before => period.start.pred(),
        Mode::Through | Mode::Mid => period.end,
    };
    Date::new(due.year, due.month, due.day).map(|due| (due, ambiguous))
}

/// Folded text with dashes made `-`, commas made spaces, spaces collapsed and
/// a final full stop dropped.
fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in vocab::fold(text)
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().map(|c| match c {
            '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2212}' => '-',
            c => c,
        }));
    }
    // A footnote marker after the date (`Q2 2023*`) is not part of it.
    let end = out
        .trim_end_matches(['*', '†'])
        .trim_end_matches('.')
        .trim_end()
        .len();
    out.truncate(end);
    out
}

/// Drops the words after a date that mean by it (`Juin 2024 au plus tard`).
fn strip_after_words(text: &str) -> &str {
    ALL.iter()
        .flat_map(|v| v.dates.after.iter())
        .find_map(|word| {
            text.strip_suffix(word)
                .filter(|rest| rest.ends_with(' '))
                .map(str::trim_end)
        })
        .unwrap_or(text)
}

/// Drops the words before a date (`By the end of`, `D'ici le`, `Mid-`),
/// however many, and says how they bend the due date.
fn strip_prefixes(text: &str) -> (&str, Mode) {
    let mut rest = text;
    let mut mode = Mode::Through;
    loop {
        let candidates = ALL.iter().flat_map(|v| {
            let through = v.period_prefixes.iter().map(|p| (*p, Mode::Through));
            let before = v.dates.before.iter().map(|p| (*p, Mode::Before));
            let mid = v.dates.mid.iter().map(|p| (*p, Mode::Mid));
            through.chain(before).chain(mid)
        });
        let found = candidates
            .filter(|(prefix, _)| !prefix.is_empty())
            .filter_map(|(prefix, mode)| {
                let after = rest.strip_prefix(prefix)?;
                after
                    .starts_with([' ', '-'])
                    .then(|| (prefix.len(), after.trim_start_matches([' ', '-']), mode))
            })
            .max_by_key(|(len, _, _)| *len);
        let Some((_, after, found_mode)) = found else {
            return (rest, mode);
        };
        rest = after;
        mode = found_mode;
        if mode == Mode::Mid {
            return (rest, mode);
        }
    }
}

/// The period a text names: one date or period, or a range of two.
fn period(text: &str) -> Option<(Period, bool)> {
    single(text).or_else(|| range(text))
}

/// Every language's range words with a space either side (` to `, ` au `).
static RANGE_SEPARATORS: LazyLock<Vec<String>> = LazyLock::new(|| {
    ALL.iter()
        .flat_map(|v| v.dates.range_words.iter())
        .map(|word| format!(" {word} "))
        .collect()
});

/// A range `A - B`, `A to B`, or a choice `A/B`: from the start of `A` to
/// the end of `B`.
fn range(text: &str) -> Option<(Period, bool)> {
    let dashes = text
        .match_indices(['-', '/'])
        .map(|(at, sep)| (at, sep.len()));
    let words = RANGE_SEPARATORS.iter().flat_map(|sep| {
        text.match_indices(sep.as_str())
            .map(move |(at, _)| (at, sep.len()))
    });
    dashes.chain(words).find_map(|(at, len)| {
        let left = text.get(..at)?.trim();
        let right = text.get(at + len..)?.trim();
        // The first end may leave its year to the second (`Jan–Mar 2023`,
        // `Q3-Q4 2020`, `enero a junio de 2024`).
        let (first, first_ambiguous) = single(left).or_else(|| {
            let year = right.rsplit(' ').next().filter(|y| year(y).is_some())?;
            (!left.is_empty() && year != right).then_some(())?;
            single(&format!("{left} {year}"))
        })?;
        let (last, last_ambiguous) = single(right)?;
        (first.start <= last.end).then_some((
            Period {
                start: first.start,
                end: last.end,
            },
            first_ambiguous || last_ambiguous,
        ))
    })
}

/// One date or period, numeric or in words.
fn single(text: &str) -> Option<(Period, bool)> {
    numeric(text).or_else(|| words(text).map(|p| (p, false)))
}

/// A date of numbers only: `2021`, `2020-12-31`, `31/12/2020`, `2019/03`,
/// `03/2019`, `2021/2022`, `2021-22`.
fn numeric(text: &str) -> Option<(Period, bool)> {
    if !text
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '/' | '.' | '-'))
    {
        return None;
    }
    let seps: Vec<char> = ['/', '.', '-']
        .into_iter()
        .filter(|s| text.contains(*s))
        .collect();
    let sep = match seps.as_slice() {
        [] => ' ',
        [sep] => *sep,
        _ => return None,
    };
    let pieces: Vec<&str> = if sep == ' ' {
        vec![text.trim()]
    } else {
        text.split(sep).map(str::trim).collect()
    };
    if pieces
        .iter()
        .any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let nums: Vec<u32> = pieces
        .iter()
        .map(|p| p.parse::<u32>().ok())
        .collect::<Option<_>>()?;
    let lens: Vec<usize> = pieces.iter().map(|p| p.len()).collect();
    match (lens.as_slice(), nums.as_slice()) {
        ([4], [y]) => Some((Period::year(*y)?, false)),
        ([4, 4], [y1, y2]) if sep != '.' && y1 <= y2 => Some((
            Period {
                start: Period::year(*y1)?.start,
                end: Period::year(*y2)?.end,
            },
            false,
        )),
        ([4, 1 | 2], [y, m]) if (1..=12).contains(m) => Some((Period::month(*y, *m)?, false)),
        ([4, 2], [y1, y2]) if sep != '.' && *y2 > y1 % 100 => Some((
            Period {
                start: Period::year(*y1)?.start,
                end: Period::year(y1 - y1 % 100 + y2)?.end,
            },
            false,
        )),
        ([1 | 2, 4], [m, y]) => Some((Period::month(*y, *m)?, false)),
        ([4, 1 | 2, 1 | 2], [y, m, d]) => Some((Period::day(*y, *m, *d)?, false)),
        ([1 | 2, 1 | 2, 4], [a, b, y]) => {
            let (day, month, ambiguous) = match (*a > 12, *b > 12) {
                (true, false) => (*a, *b, false),
                (false, true) => (*b, *a, false),
                (false, false) => (*a, *b, a != b),
                (true, true) => return None,
            };
            Some((Period::day(*y, month, day)?, ambiguous))
        }
        _ => None,
    }
}

/// A date in words: `30 June 2021`, `June 30 2021`, `30 de junio de 2021`,
/// `March 2020`, `Q2 2021`, `T3-2022`, `2021 Q2`, `1st quarter 2018`,
/// `second half of 2022`, `primer trimestre de 2022`.
fn words(text: &str) -> Option<Period> {
    let tokens: Vec<&str> = text
        .split([' ', '-', '/'])
        .filter(|t| !t.is_empty())
        .enumerate()
        .filter(|(i, t)| *i == 0 || !is_filler(t))
        .map(|(_, t)| t)
        .collect();
    if let Some(period) = lettered(&tokens) {
        return Some(period);
    }
    match tokens.as_slice() {
        [y] => Period::year(year(y)?),
        [m, y] => Period::month(year(y)?, vocab::month(m)?),
        [d, m, y] if vocab::month(m).is_some() => {
            Period::day(year(y)?, vocab::month(m)?, ordinal_number(d)?)
        }
        [m, d, y] if vocab::month(m).is_some() => {
            Period::day(year(y)?, vocab::month(m)?, ordinal_number(d)?)
        }
        [noun, n, y] if period_noun(noun).is_some() && n.bytes().all(|b| b.is_ascii_digit()) => {
            Period::nth(year(y)?, n.parse().ok()?, period_noun(noun)?)
        }
        [n, noun, y] => {
            let len = period_noun(noun)?;
            Period::nth(year(y)?, ordinal(n)?, len)
        }
        _ => None,
    }
}

/// A quarter or half written with its letter: `q2 2021`, `trimestre 2 2021`,
/// `2021 h1`.
fn lettered(tokens: &[&str]) -> Option<Period> {
    let (y, rest) = match tokens {
        [first, rest @ ..] if year(first).is_some() => (year(first)?, rest),
        [rest @ .., last] if year(last).is_some() => (year(last)?, rest),
        _ => return None,
    };
    ALL.iter()
        .flat_map(|v| v.period_letters.iter())
        .find_map(|(letter, len)| {
            let letter = letter.trim();
            let number = match rest {
                [word, number] if *word == letter => *number,
                [token] => token.strip_prefix(letter)?,
                _ => return None,
            };
            if number.is_empty() || number.len() > 2 || !number.bytes().all(|b| b.is_ascii_digit())
            {
                return None;
            }
            Period::nth(y, number.parse().ok()?, *len)
        })
}

/// A year of four digits within the years read.
fn year(token: &str) -> Option<u32> {
    if token.len() != 4 || !token.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    token
        .parse()
        .ok()
        .filter(|y| (MIN_YEAR..=MAX_YEAR).contains(y))
}

/// A number of one or two digits, with or without an ordinal suffix
/// (`30`, `30th`, `1er`, `1º`).
fn ordinal_number(token: &str) -> Option<u32> {
    let digits = token.len() - token.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let (number, suffix) = token.split_at_checked(digits)?;
    let suffix_ok = suffix.is_empty()
        || ALL
            .iter()
            .any(|v| v.dates.ordinal_suffixes.contains(&suffix));
    if number.is_empty() || number.len() > 2 || !suffix_ok {
        return None;
    }
    number.parse().ok()
}

/// The number of an ordinal of a period: a word (`first`, `deuxième`) or a
/// number with a suffix (`1st`, `2e`, `3º`).
fn ordinal(token: &str) -> Option<u32> {
    let word = ALL
        .iter()
        .flat_map(|v| v.dates.ordinals.iter())
        .find(|(w, _)| *w == token)
        .map(|(_, n)| *n);
    word.or_else(|| {
        let has_suffix = token.chars().any(|c| !c.is_ascii_digit());
        has_suffix.then(|| ordinal_number(token)).flatten()
    })
}

/// The months in a period noun (`quarter` → 3, `semestre` → 6).
fn period_noun(token: &str) -> Option<u32> {
    ALL.iter()
        .flat_map(|v| v.dates.periods.iter())
        .find(|(w, _)| *w == token)
        .map(|(_, len)| *len)
}

/// Whether a token is a small word that may stand between parts of a date.
fn is_filler(token: &str) -> bool {
    ALL.iter().any(|v| v.dates.fillers.contains(&token))
}

#[cfg(test)]
mod tests;
