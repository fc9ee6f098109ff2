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
    let folded = vocab::fold(trimmed);
    if let Some(kind) = word_kind(trimmed, &folded) {
        return build(kind, None, false);
    }
    match deadline(&folded) {
        Some((due, ambiguous)) => build(TimeFrameKind::Deadline, Some(due), ambiguous),
        None => build(TimeFrameKind::Other, None, false),
    }
}

/// The kind a whole text names from the word lists, ignoring a final full
/// stop; `folded` is the text [`vocab::fold`]ed. Deadlines are never named by
/// words alone.
fn word_kind(text: &str, folded: &str) -> Option<TimeFrameKind> {
    vocab::folded_time_word(folded)
        .or_else(|| {
            // Without a final full stop the text is the one just looked up.
            let bare = text.strip_suffix('.')?.trim_end_matches('.');
            vocab::time_word(bare)
        })
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

/// The due date a text already [`vocab::fold`]ed names, and whether it was
/// read day first out of two possible readings.
fn deadline(folded: &str) -> Option<(Date, bool)> {
    let text = normalise(folded);
    if text.len() > MAX_LEN || !has_year_digits(&text) {
        return None;
    }
    read_deadline(&text)
}

/// The due date of a normalised text, as [`deadline`] without its quick
/// rejection of texts without four digits in a row.
fn read_deadline(text: &str) -> Option<(Date, bool)> {
    let (rest, mode) = strip_prefixes(strip_after_words(text));
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

/// Whether a text has four ASCII digits in a row. Every date read holds a
/// [`year`] of four digits, so a text without them names none.
fn has_year_digits(text: &str) -> bool {
    let mut run = 0;
    text.bytes().any(|b| {
        run = if b.is_ascii_digit() { run + 1 } else { 0 };
        run == 4
    })
}

/// Folded text with dashes made `-`, commas made spaces, spaces collapsed and
/// a final full stop dropped.
fn normalise(folded: &str) -> String {
    let mut out = String::with_capacity(folded.len());
    let mut gap = false;
    for c in folded.chars() {
        if c.is_whitespace() || c == ',' {
            gap = true;
            continue;
        }
        if gap && !out.is_empty() {
            out.push(' ');
        }
        gap = false;
        out.push(match c {
            '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2212}' => '-',
            c => c,
        });
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

/// The words of dates of every language, gathered once from the vocabulary
/// tables in their order.
struct DateVocab {
    /// Words before a date with how they bend it, by the first byte of the
    /// word; in each list longer words first, and of equal words the last
    /// listed first.
    prefixes: [Vec<(&'static str, Mode)>; 256],
    /// Words after a date that mean by it.
    after: Vec<&'static str>,
    /// Range words with a space either side (` to `, ` au `).
    range_separators: Vec<String>,
    /// Quarter and half letters, trimmed, with the months in their period.
    letters: Vec<(&'static str, u32)>,
    /// Ordinal words with their number.
    ordinals: Vec<(&'static str, u32)>,
    /// Suffixes that make a number an ordinal or a day.
    ordinal_suffixes: Vec<&'static str>,
    /// Period nouns with the months in the period.
    periods: Vec<(&'static str, u32)>,
    /// Small words that may stand between parts of a date.
    fillers: Vec<&'static str>,
}

/// The words of dates, gathered on first use.
static WORDS: LazyLock<DateVocab> = LazyLock::new(|| {
    let all = || ALL.iter().map(|v| &v.dates);
    DateVocab {
        prefixes: prefixes_by_first_byte(),
        after: all().flat_map(|d| d.after.iter().copied()).collect(),
        range_separators: all()
            .flat_map(|d| d.range_words.iter())
            .map(|word| format!(" {word} "))
            .collect(),
        letters: ALL
            .iter()
            .flat_map(|v| v.period_letters.iter())
            .map(|(letter, len)| (letter.trim(), *len))
            .collect(),
        ordinals: all().flat_map(|d| d.ordinals.iter().copied()).collect(),
        ordinal_suffixes: all()
            .flat_map(|d| d.ordinal_suffixes.iter().copied())
            .collect(),
        periods: all().flat_map(|d| d.periods.iter().copied()).collect(),
        fillers: all().flat_map(|d| d.fillers.iter().copied()).collect(),
    }
});

/// Every language's words before a date (period prefixes, words meaning
/// before, words naming the middle) by their first byte, each list in the
/// order [`strip_prefixes`] tries them: longest first, and of two equal
/// words the one listed last, which is the one a search for the longest
/// keeping the last of equals finds.
fn prefixes_by_first_byte() -> [Vec<(&'static str, Mode)>; 256] {
    let listed: Vec<(&'static str, Mode)> = ALL
        .iter()
        .flat_map(|v| {
            let through = v.period_prefixes.iter().map(|p| (*p, Mode::Through));
            let before = v.dates.before.iter().map(|p| (*p, Mode::Before));
            let mid = v.dates.mid.iter().map(|p| (*p, Mode::Mid));
            through.chain(before).chain(mid)
        })
        .filter(|(prefix, _)| !prefix.is_empty())
        .collect();
    let mut by_byte: [Vec<(usize, &'static str, Mode)>; 256] = std::array::from_fn(|_| Vec::new());
    for (index, (prefix, mode)) in listed.into_iter().enumerate() {
        if let Some(first) = prefix.bytes().next() {
            by_byte[usize::from(first)].push((index, prefix, mode));
        }
    }
    by_byte.map(|mut list| {
        list.sort_by_key(|(index, prefix, _)| {
            (std::cmp::Reverse(prefix.len()), std::cmp::Reverse(*index))
        });
        list.into_iter()
            .map(|(_, prefix, mode)| (prefix, mode))
            .collect()
    })
}

/// Drops the words after a date that mean by it (`Juin 2024 au plus tard`).
fn strip_after_words(text: &str) -> &str {
    WORDS
        .after
        .iter()
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
        let Some(&first) = rest.as_bytes().first() else {
            return (rest, mode);
        };
        let found = WORDS.prefixes[usize::from(first)]
            .iter()
            .find_map(|(prefix, mode)| {
                let after = rest.strip_prefix(prefix)?;
                after
                    .starts_with([' ', '-'])
                    .then(|| (after.trim_start_matches([' ', '-']), *mode))
            });
        let Some((after, found_mode)) = found else {
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

/// A range `A - B`, `A to B`, or a choice `A/B`: from the start of `A` to
/// the end of `B`.
fn range(text: &str) -> Option<(Period, bool)> {
    let dashes = text
        .match_indices(['-', '/'])
        .map(|(at, sep)| (at, sep.len()));
    let words = WORDS.range_separators.iter().flat_map(|sep| {
        text.match_indices(sep.as_str())
            .map(move |(at, _)| (at, sep.len()))
    });
    dashes.chain(words).find_map(|(at, len)| {
        let left = text.get(..at)?.trim();
        let right = text.get(at + len..)?.trim();
        // Both ends must be read, so the second, on its own and cheaper to
        // reject, is read first.
        let (last, last_ambiguous) = single(right)?;
        // The first end may leave its year to the second (`Jan–Mar 2023`,
        // `Q3-Q4 2020`, `enero a junio de 2024`).
        let (first, first_ambiguous) = single(left).or_else(|| {
            let year = right.rsplit(' ').next().filter(|y| year(y).is_some())?;
            (!left.is_empty() && year != right).then_some(())?;
            single(&format!("{left} {year}"))
        })?;
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
    if !has_year_digits(text) {
        return None;
    }
    numeric(text).or_else(|| words(text).map(|p| (p, false)))
}

/// The most pieces or tokens a date has (day, month, year).
const MAX_PARTS: usize = 3;

/// A date of numbers only: `2021`, `2020-12-31`, `31/12/2020`, `2019/03`,
/// `03/2019`, `2021/2022`, `2021-22`.
fn numeric(text: &str) -> Option<(Period, bool)> {
    if !text
        .bytes()
        .all(|b| b.is_ascii_digit() || matches!(b, b' ' | b'/' | b'.' | b'-'))
    {
        return None;
    }
    let mut seps = [b'/', b'.', b'-']
        .into_iter()
        .filter(|s| text.as_bytes().contains(s));
    let sep = match (seps.next(), seps.next()) {
        (None, _) => ' ',
        (Some(sep), None) => char::from(sep),
        (Some(_), Some(_)) => return None,
    };
    // Without a separator the whole text is the one piece.
    let one = [sep];
    let split_on: &[char] = if sep == ' ' { &[] } else { &one };
    // A date has at most three pieces of at most four digits.
    let mut nums = [0u32; MAX_PARTS];
    let mut lens = [0usize; MAX_PARTS];
    let mut count = 0;
    for piece in text.split(split_on).map(str::trim) {
        if count == MAX_PARTS
            || piece.is_empty()
            || piece.len() > 4
            || !piece.bytes().all(|b| b.is_ascii_digit())
        {
            return None;
        }
        nums[count] = piece.parse().ok()?;
        lens[count] = piece.len();
        count += 1;
    }
    match (&lens[..count], &nums[..count]) {
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
    // A date has at most three tokens besides the small words between them.
    let mut parts = [""; MAX_PARTS];
    let mut count = 0;
    let tokens = text.split([' ', '-', '/']).filter(|t| !t.is_empty());
    for (i, token) in tokens.enumerate() {
        if i > 0 && is_filler(token) {
            continue;
        }
        *parts.get_mut(count)? = token;
        count += 1;
    }
    let tokens = &parts[..count];
    if let Some(period) = lettered(tokens) {
        return Some(period);
    }
    match tokens {
        [y] => Period::year(year(y)?),
        [m, y] => Period::month(year(y)?, month(m)?),
        [d, m, y] if month(m).is_some() => Period::day(year(y)?, month(m)?, ordinal_number(d)?),
        [m, d, y] if month(m).is_some() => Period::day(year(y)?, month(m)?, ordinal_number(d)?),
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
    WORDS.letters.iter().find_map(|(letter, len)| {
        let number = match rest {
            [word, number] if word == letter => *number,
            [token] => token.strip_prefix(letter)?,
            _ => return None,
        };
        if number.is_empty() || number.len() > 2 || !number.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        Period::nth(y, number.parse().ok()?, *len)
    })
}

/// The number of a month name or abbreviation, in any language: a token
/// of text already folded, which folding again would leave as it is.
fn month(token: &str) -> Option<u32> {
    vocab::folded_month(token.trim_end_matches('.'))
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
    let suffix_ok = suffix.is_empty() || WORDS.ordinal_suffixes.contains(&suffix);
    if number.is_empty() || number.len() > 2 || !suffix_ok {
        return None;
    }
    number.parse().ok()
}

/// The number of an ordinal of a period: a word (`first`, `deuxième`) or a
/// number with a suffix (`1st`, `2e`, `3º`).
fn ordinal(token: &str) -> Option<u32> {
    let word = WORDS
        .ordinals
        .iter()
        .find(|(w, _)| *w == token)
        .map(|(_, n)| *n);
    word.or_else(|| {
        let has_suffix = token.chars().any(|c| !c.is_ascii_digit());
        has_suffix.then(|| ordinal_number(token)).flatten()
    })
}

/// The months in a period noun (`quarter` → 3, `semestre` → 6).
fn period_noun(token: &str) -> Option<u32> {
    WORDS
        .periods
        .iter()
        .find(|(w, _)| *w == token)
        .map(|(_, len)| *len)
}

/// Whether a token is a small word that may stand between parts of a date.
fn is_filler(token: &str) -> bool {
    WORDS.fillers.contains(&token)
}

#[cfg(test)]
mod tests;
