//! [`Decimal`]: an exact decimal number kept as its digits, for money (万元, 元).

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An exact, non-negative-or-signed decimal number such as `24252.311082`, stored as its
/// canonical digit string and serialized as a JSON string. Never a float: money must
/// round-trip to the digit.
///
/// Canonical form: ASCII digits, an optional leading `-`, at most one `.`, no leading zeros
/// in the integer part (but `0.5`), no trailing `.`. Trailing fractional zeros are kept as
/// written (`7730.20` stays `7730.20`), because they are what the report printed.
///
/// ```
/// use gov_info_disclosure::Decimal;
/// let d: Decimal = "０７７３０.２８".parse().unwrap(); // full-width digits are folded
/// assert_eq!(d.as_str(), "7730.28");
/// assert!("12.3.4".parse::<Decimal>().is_err());
/// assert!("".parse::<Decimal>().is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Decimal(String);

/// Why a string is not a [`Decimal`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("expected a decimal number such as `7730.28`, found `{0}`")]
pub struct DecimalError(pub String);

impl Decimal {
    /// The canonical digit string.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// A decimal from a whole number.
    pub fn from_integer(n: i64) -> Decimal {
        Decimal(n.to_string())
    }

    /// Whether the value is zero (`0`, `0.00` …).
    pub fn is_zero(&self) -> bool {
        self.0.bytes().all(|b| matches!(b, b'0' | b'.' | b'-'))
    }
}

impl std::str::FromStr for Decimal {
    type Err = DecimalError;

    /// Accepts ASCII or full-width digits, one `.` or `．`, an optional sign and
    /// thousands separators `,`/`，` in the integer part.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || DecimalError(s.to_string());
        let mut out = String::with_capacity(s.len());
        let mut chars = s.trim().chars().peekable();
        match chars.peek() {
            Some('-') | Some('－') => {
                out.push('-');
                chars.next();
            }
            Some('+') | Some('＋') => {
                chars.next();
            }
            _ => {}
        }
        let mut int_digits = 0usize;
        let mut frac_digits = 0usize;
        let mut seen_dot = false;
        for c in chars {
            let c = match c {
                '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
                '．' => '.',
                c => c,
            };
            match c {
                '0'..='9' if seen_dot => {
                    frac_digits += 1;
                    out.push(c);
                }
                '0'..='9' => {
                    int_digits += 1;
                    out.push(c);
                }
                '.' if !seen_dot && int_digits > 0 => {
                    seen_dot = true;
                    out.push('.');
                }
                ',' | '，' if !seen_dot && int_digits > 0 => {}
                _ => return Err(err()),
            }
        }
        if int_digits == 0 || (seen_dot && frac_digits == 0) {
            return Err(err());
        }
        // Strip leading zeros of the integer part, keeping one before `.` or at the end.
        let sign = usize::from(out.starts_with('-'));
        let body = &out[sign..];
        let int_end = body.find('.').unwrap_or(body.len());
        let zeros = body[..int_end].bytes().take_while(|&b| b == b'0').count().min(int_end - 1);
        let canonical = format!("{}{}", &out[..sign], &body[zeros..]);
        Ok(Decimal(if canonical == "-0" { "0".into() } else { canonical }))
    }
}

impl fmt::Display for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Serialize for Decimal {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Decimal {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// Only canonical decimals (what [`FromStr`](std::str::FromStr) returns), never negative:
/// the amounts in the tables (万元, 元) are not. Up to 12 integer and 6 fraction digits, as
/// the largest amounts seen (`24252.311082` 万元).
#[cfg(feature = "arbitrary")]
impl<'a> arbitrary::Arbitrary<'a> for Decimal {
    fn arbitrary(u: &mut arbitrary::Unstructured<'a>) -> arbitrary::Result<Self> {
        let digit = |u: &mut arbitrary::Unstructured<'a>, low: u8| -> arbitrary::Result<char> {
            Ok(char::from(b'0' + u.int_in_range(low..=9)?))
        };
        let int_len: usize = u.int_in_range(1..=12)?;
        let frac_len: usize = u.int_in_range(0..=6)?;
        let mut s = String::with_capacity(int_len + frac_len + 1);
        // No leading zero unless the integer part is `0` itself.
        s.push(digit(u, if int_len == 1 { 0 } else { 1 })?);
        for _ in 1..int_len {
            s.push(digit(u, 0)?);
        }
        if frac_len > 0 {
            s.push('.');
            for _ in 0..frac_len {
                s.push(digit(u, 0)?);
            }
        }
        Ok(Decimal(s))
    }

    fn size_hint(_depth: usize) -> (usize, Option<usize>) {
        (2, Some(2 + 18))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_forms() {
        for (input, want) in [
            ("0", "0"),
            ("007", "7"),
            ("0.5", "0.5"),
            ("00.50", "0.50"),
            ("24252.311082", "24252.311082"),
            ("1,234.5", "1234.5"),
            ("+12", "12"),
            ("-0", "0"),
            ("-15", "-15"),
            ("７７３０．２８", "7730.28"),
        ] {
            assert_eq!(input.parse::<Decimal>().unwrap().as_str(), want, "{input}");
        }
    }

    #[test]
    fn rejects() {
        for input in ["", ".5", "5.", "1.2.3", "abc", "12元", "-", ",1"] {
            assert!(input.parse::<Decimal>().is_err(), "{input}");
        }
    }

    #[cfg(feature = "arbitrary")]
    #[test]
    fn arbitrary_decimals_are_canonical() {
        use arbitrary::{Arbitrary, Unstructured};
        // A deterministic spread of inputs: every byte value at every position.
        for seed in 0..2000u32 {
            let bytes: Vec<u8> = (0..40u32)
                .map(|i| (seed.wrapping_mul(2654435761) >> (i % 24)) as u8 ^ i as u8)
                .collect();
            let mut u = Unstructured::new(&bytes);
            let d = Decimal::arbitrary(&mut u).unwrap();
            assert_eq!(d.as_str().parse::<Decimal>().unwrap(), d, "{d}");
        }
        // An exhausted Unstructured still gives a valid decimal.
        let d = Decimal::arbitrary(&mut Unstructured::new(&[])).unwrap();
        assert_eq!(d.as_str(), "0");
    }
}
