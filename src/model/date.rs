//! [`Date`]: a calendar date that serializes as `"YYYY-MM-DD"`.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A Gregorian calendar date, serialized as `"YYYY-MM-DD"`. Valid by construction: the
/// fields are private and [`Date::new`] refuses `2023-02-31`.
///
/// ```
/// use gov_info_disclosure::{Date, DateError};
/// let d = Date::new(2024, 1, 22).unwrap();
/// assert_eq!((d.year(), d.month(), d.day()), (2024, 1, 22));
/// assert_eq!(d.to_string(), "2024-01-22");
/// assert!(Date::new(2023, 2, 29).is_none());
/// assert_eq!("2024-02-29".parse::<Date>().map(Date::day), Ok(29));
/// assert_eq!(
///     "2023-02-31".parse::<Date>(),
///     Err(DateError::NotACalendarDate { year: 2023, month: 2, day: 31 })
/// );
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

/// Why a string is not a [`Date`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
#[non_exhaustive]
pub enum DateError {
    /// Not of the form `YYYY-MM-DD` (four, two and two ASCII digits).
    #[error("expected a date as `YYYY-MM-DD`")]
    Malformed,
    /// Well formed, but no such day: a month past 12, `02-30`, `2023-02-29`.
    #[error("{year:04}-{month:02}-{day:02} is not a calendar date")]
    NotACalendarDate {
        /// The year written.
        year: u16,
        /// The month written.
        month: u8,
        /// The day written.
        day: u8,
    },
}

impl Date {
    /// A date, or `None` when it is not a valid Gregorian calendar date.
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if (year.is_multiple_of(4) && !year.is_multiple_of(100))
                || year.is_multiple_of(400) =>
            {
                29
            }
            2 => 28,
            _ => return None,
        };
        (day >= 1 && day <= days).then_some(Date { year, month, day })
    }

    /// The year, e.g. 2024.
    pub fn year(self) -> u16 {
        self.year
    }

    /// The month, 1–12.
    pub fn month(self) -> u8 {
        self.month
    }

    /// The day of the month, 1–31.
    pub fn day(self) -> u8 {
        self.day
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl FromStr for Date {
    type Err = DateError;

    /// Parses exactly `YYYY-MM-DD`, the form [`Display`](fmt::Display) writes.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let b = s.as_bytes();
        let shape = b.len() == 10
            && b[4] == b'-'
            && b[7] == b'-'
            && b.iter().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
        if !shape {
            return Err(DateError::Malformed);
        }
        let number = |r: std::ops::Range<usize>| {
            b[r].iter().fold(0u16, |n, &c| n * 10 + u16::from(c - b'0'))
        };
        // Two digits are at most 99: they fit a u8.
        let (year, month, day) = (number(0..4), number(5..7) as u8, number(8..10) as u8);
        Date::new(year, month, day).ok_or(DateError::NotACalendarDate { year, month, day })
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Date {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Date".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A calendar date, \"YYYY-MM-DD\".",
            "type": "string",
            "pattern": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_and_from_str_agree_on_every_day_of_two_years() {
        for year in [2023u16, 2024] {
            for month in 1..=12u8 {
                for day in 1..=31u8 {
                    let text = format!("{year:04}-{month:02}-{day:02}");
                    match Date::new(year, month, day) {
                        Some(d) => {
                            assert_eq!(d.to_string(), text);
                            assert_eq!(text.parse::<Date>(), Ok(d));
                        }
                        None => assert_eq!(
                            text.parse::<Date>(),
                            Err(DateError::NotACalendarDate { year, month, day })
                        ),
                    }
                }
            }
        }
        assert_eq!(Date::new(2024, 2, 29).map(|d| d.day()), Some(29));
        assert!(Date::new(1900, 2, 29).is_none() && Date::new(2000, 2, 29).is_some());
    }

    #[test]
    fn malformed() {
        for s in ["", "2024-1-22", "2024/01/22", "２０２４-01-22", "2024-01-22 ", "+024-01-22"]
        {
            assert_eq!(s.parse::<Date>(), Err(DateError::Malformed), "{s:?}");
        }
        assert!(serde_json::from_str::<Date>("\"2023-02-31\"").is_err());
    }
}
