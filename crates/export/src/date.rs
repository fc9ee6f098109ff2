//! A calendar date, just enough for due dates: parse `YYYY-MM-DD`, compare,
//! count days between two dates.
//!
//! The model keeps `due` as text (`"2021-06-30"`); the follow-up report and
//! the XLSX writer need it as a date. Day counting uses Howard Hinnant's
//! `days_from_civil` (proleptic Gregorian calendar), which is all the
//! arithmetic needed, so no date crate is pulled in.

use std::fmt;
use std::str::FromStr;

use serde::{Serialize, Serializer};

use crate::error::ExportError;

/// A valid date of the proleptic Gregorian calendar, years 0 to 9999.
///
/// Ordered chronologically; displayed and serialised as `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u32,
    day: u32,
}

impl Date {
    /// The date `year-month-day`, or `None` when there is no such day
    /// (`2021-02-29`, month 13, a year outside 0..=9999).
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        let valid = (0..=9999).contains(&year)
            && (1..=12).contains(&month)
            && day >= 1
            && day <= days_in_month(year, month);
        valid.then_some(Date { year, month, day })
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.year
    }

    /// The month, 1 to 12.
    pub fn month(self) -> u32 {
        self.month
    }

    /// The day of the month, 1 to 31.
    pub fn day(self) -> u32 {
        self.day
    }

    /// Days since 1970-01-01 (negative before it).
    pub fn days_since_epoch(self) -> i64 {
        // Hinnant's days_from_civil: count from 0000-03-01 so that the leap
        // day falls at the end of each computational year.
        let m = i64::from(self.month);
        let d = i64::from(self.day);
        let y = i64::from(self.year) - i64::from(m <= 2);
        let era = y.div_euclid(400);
        let year_of_era = y - era * 400;
        let month_from_march = (m + 9) % 12;
        let day_of_year = (153 * month_from_march + 2) / 5 + d - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        era * 146_097 + day_of_era - 719_468
    }

    /// The date `days` days after 1970-01-01 (Hinnant's civil_from_days).
    pub fn from_days_since_epoch(days: i64) -> Option<Date> {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let day_of_era = z - era * 146_097;
        let year_of_era =
            (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
        let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
        let mp = (5 * day_of_year + 2) / 153;
        let day = day_of_year - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = year_of_era + era * 400 + i64::from(month <= 2);
        Date::new(
            i32::try_from(year).ok()?,
            u32::try_from(month).ok()?,
            u32::try_from(day).ok()?,
        )
    }

    /// The number of days from `self` to `later`: 1 when `later` is the next
    /// day, 0 on the same day, negative when `later` is earlier.
    pub fn days_until(self, later: Date) -> i64 {
        later.days_since_epoch() - self.days_since_epoch()
    }
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl FromStr for Date {
    type Err = ExportError;

    /// Parses exactly `YYYY-MM-DD`, the form of `due` in the model.
    fn from_str(text: &str) -> Result<Date, ExportError> {
        let invalid = || ExportError::InvalidDate {
            text: text.to_string(),
        };
        let bytes = text.as_bytes();
        let shape_ok = bytes.len() == 10
            && bytes[4] == b'-'
            && bytes[7] == b'-'
            && bytes
                .iter()
                .enumerate()
                .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
        if !shape_ok {
            return Err(invalid());
        }
        let number =
            |range: std::ops::Range<usize>| text[range].parse::<u32>().map_err(|_| invalid());
        let year = i32::try_from(number(0..4)?).map_err(|_| invalid())?;
        Date::new(year, number(5..7)?, number(8..10)?).ok_or_else(invalid)
    }
}

impl TryFrom<(i32, u32, u32)> for Date {
    type Error = ExportError;

    fn try_from((year, month, day): (i32, u32, u32)) -> Result<Date, ExportError> {
        Date::new(year, month, day).ok_or_else(|| ExportError::InvalidDate {
            text: format!("{year:04}-{month:02}-{day:02}"),
        })
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    fn date(text: &str) -> Date {
        text.parse().unwrap()
    }

    #[test]
    fn epoch_and_known_days() {
        assert_eq!(date("1970-01-01").days_since_epoch(), 0);
        assert_eq!(date("1969-12-31").days_since_epoch(), -1);
        assert_eq!(date("2000-03-01").days_since_epoch(), 11_017);
        assert_eq!(date("2022-07-01").days_since_epoch(), 19_174);
        assert_eq!(date("0000-03-01").days_since_epoch(), -719_468);
    }

    #[test]
    fn days_until_counts_across_leap_days_and_years() {
        assert_eq!(date("2022-06-30").days_until(date("2022-07-01")), 1);
        assert_eq!(date("2022-07-01").days_until(date("2022-07-01")), 0);
        assert_eq!(date("2020-02-28").days_until(date("2020-03-01")), 2);
        assert_eq!(date("2021-02-28").days_until(date("2021-03-01")), 1);
        assert_eq!(date("2021-12-31").days_until(date("2022-07-01")), 182);
        assert_eq!(date("2022-07-01").days_until(date("2021-07-01")), -365);
    }

    #[test]
    fn consecutive_days_are_one_apart() {
        // Walk every day of 1899..=2101 through `new`; each is one after the last.
        let mut previous = date("1898-12-31").days_since_epoch();
        for year in 1899..=2101 {
            for month in 1..=12 {
                for day in 1..=days_in_month(year, month) {
                    let days = Date::new(year, month, day).unwrap().days_since_epoch();
                    assert_eq!(days, previous + 1, "{year}-{month}-{day}");
                    previous = days;
                }
            }
        }
    }

    #[test]
    fn parses_only_valid_iso_dates() {
        assert_eq!(date("2024-02-29"), Date::new(2024, 2, 29).unwrap());
        for bad in [
            "2023-02-29",
            "1900-02-29",
            "2021-13-01",
            "2021-00-10",
            "2021-04-31",
            "2021-4-30",
            "21-04-30",
            "2021/04/30",
            "2021-04-30T00",
            "+021-04-30",
            "",
        ] {
            assert!(bad.parse::<Date>().is_err(), "{bad}");
        }
        assert!(Date::try_from((2021, 2, 29)).is_err());
    }

    #[test]
    fn displays_and_serialises_as_iso() {
        let d = Date::new(987, 3, 5).unwrap();
        assert_eq!(d.to_string(), "0987-03-05");
        assert_eq!(serde_json::to_string(&d).unwrap(), "\"0987-03-05\"");
        assert!(date("2021-12-31") < date("2022-01-01"));
    }
}

#[cfg(test)]
mod round_trip_tests {
    use super::Date;

    #[test]
    fn days_round_trip() {
        // From 0000-03-01 to past 2100, every 997th day.
        for days in -719_000..800_000i64 {
            if days % 997 != 0 {
                continue;
            }
            let date = Date::from_days_since_epoch(days).expect("in range");
            assert_eq!(date.days_since_epoch(), days);
        }
        assert_eq!(Date::from_days_since_epoch(0), Date::new(1970, 1, 1));
        assert_eq!(Date::from_days_since_epoch(19_782), Date::new(2024, 2, 29));
    }
}
