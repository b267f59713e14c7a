//! [`Decimal`]: an exact decimal number for money (万元, 元), compared by value and printed
//! as written.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An exact decimal number such as `24252.311082`, serialized as a JSON string. Never a
/// float: money must round-trip to the digit.
///
/// The value is a [`rust_decimal::Decimal`] (96-bit mantissa, up to 28 fraction digits):
/// a well-kept numeric type gives comparison, hashing and arithmetic by value, which a digit
/// string cannot. It keeps the scale it was written with, so the printed form (and the JSON
/// string) is the report's: `7730.20` stays `7730.20`, yet equals `7730.2`, and `9 < 10`.
///
/// ```
/// use gov_info_disclosure::Decimal;
/// let d: Decimal = "０７７３０.２０".parse().unwrap(); // full-width digits are folded
/// assert_eq!(d.to_string(), "7730.20");
/// assert_eq!(d, "7730.2".parse().unwrap());
/// assert!("9".parse::<Decimal>().unwrap() < "10".parse().unwrap());
/// assert!("12.3.4".parse::<Decimal>().is_err());
/// assert!("".parse::<Decimal>().is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Decimal(rust_decimal::Decimal);

/// Why a string is not a [`Decimal`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("expected a decimal number such as `7730.28` (at most 28 digits), found `{0}`")]
pub struct DecimalError(pub String);

impl Decimal {
    /// The number, for arithmetic.
    pub fn value(&self) -> rust_decimal::Decimal {
        self.0
    }

    /// A decimal from a whole number.
    pub fn from_integer(n: i64) -> Decimal {
        Decimal(n.into())
    }

    /// Whether the value is zero (`0`, `0.00` …).
    pub fn is_zero(&self) -> bool {
        self.0.is_zero()
    }
}

impl From<Decimal> for rust_decimal::Decimal {
    fn from(d: Decimal) -> Self {
        d.0
    }
}

impl FromStr for Decimal {
    type Err = DecimalError;

    /// Accepts ASCII or full-width digits, one `.` or `．`, an optional sign and
    /// thousands separators `,`/`，` in the integer part. Fraction digits are kept as written
    /// (`0.50` prints `0.50`); more digits than the value can hold exactly is an error, not
    /// a rounding.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || DecimalError(s.to_string());
        let mut ascii = String::with_capacity(s.len());
        let mut chars = s.trim().chars().peekable();
        match chars.peek() {
            Some('-') | Some('－') => {
                ascii.push('-');
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
                    ascii.push(c);
                }
                '0'..='9' => {
                    int_digits += 1;
                    ascii.push(c);
                }
                '.' if !seen_dot && int_digits > 0 => {
                    seen_dot = true;
                    ascii.push('.');
                }
                ',' | '，' if !seen_dot && int_digits > 0 => {}
                _ => return Err(err()),
            }
        }
        if int_digits == 0 || (seen_dot && frac_digits == 0) {
            return Err(err());
        }
        let mut value = rust_decimal::Decimal::from_str_exact(&ascii).map_err(|_| err())?;
        // `-0` and `-0.00` are zero, printed without the sign.
        if value.is_zero() {
            value.set_sign_positive(true);
        }
        Ok(Decimal(value))
    }
}

impl fmt::Display for Decimal {
    /// The digits as written: no exponent, the fraction digits of the source.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl Serialize for Decimal {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Decimal {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Decimal {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Decimal".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "An exact decimal number as printed in the report, e.g. \"24252.311082\".",
            "type": "string",
            "pattern": r"^-?(0|[1-9][0-9]*)(\.[0-9]+)?$"
        })
    }
}

/// Never negative (the amounts in the tables, 万元 and 元, are not). Up to 12 integer and 6
/// fraction digits, as the largest amounts seen (`24252.311082` 万元).
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
        s.parse().map_err(|_| arbitrary::Error::IncorrectFormat)
    }

    fn size_hint(_depth: usize) -> (usize, Option<usize>) {
        (2, Some(2 + 18))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn printed_as_written() {
        for (input, want) in [
            ("0", "0"),
            ("007", "7"),
            ("0.5", "0.5"),
            ("00.50", "0.50"),
            ("7730.20", "7730.20"),
            ("24252.311082", "24252.311082"),
            ("1,234.5", "1234.5"),
            ("+12", "12"),
            ("-0", "0"),
            ("-0.00", "0.00"),
            ("-15", "-15"),
            ("７７３０．２８", "7730.28"),
        ] {
            assert_eq!(d(input).to_string(), want, "{input}");
        }
    }

    #[test]
    fn rejects() {
        for input in ["", ".5", "5.", "1.2.3", "abc", "12元", "-", ",1", "1_000", "1e5"] {
            assert!(input.parse::<Decimal>().is_err(), "{input}");
        }
        // More digits than fit exactly: an error, never a silent rounding.
        assert!("1.00000000000000000000000000001".parse::<Decimal>().is_err());
        assert!("123456789012345678901234567890".parse::<Decimal>().is_err());
    }

    #[test]
    fn compares_by_value() {
        assert_eq!(d("7730.20"), d("7730.2"));
        assert!(d("9") < d("10"));
        assert!(d("-1") < d("0.5"));
        assert!(d("0.05") < d("0.5"));
        let state = std::hash::RandomState::new();
        let h = |x: Decimal| std::hash::BuildHasher::hash_one(&state, x);
        assert_eq!(h(d("1.50")), h(d("1.5")));
    }

    #[test]
    fn json_is_the_printed_string() {
        let x = d("7730.20");
        assert_eq!(serde_json::to_string(&x).unwrap(), "\"7730.20\"");
        let back: Decimal = serde_json::from_str("\"7730.20\"").unwrap();
        assert_eq!(back.to_string(), "7730.20");
        assert!(serde_json::from_str::<Decimal>("7730.2").is_err());
    }

    #[cfg(feature = "arbitrary")]
    #[test]
    fn arbitrary_decimals_read_back() {
        use arbitrary::{Arbitrary, Unstructured};
        // A deterministic spread of inputs: every byte value at every position.
        for seed in 0..2000u32 {
            let bytes: Vec<u8> = (0..40u32)
                .map(|i| (seed.wrapping_mul(2654435761) >> (i % 24)) as u8 ^ i as u8)
                .collect();
            let mut u = Unstructured::new(&bytes);
            let x = Decimal::arbitrary(&mut u).unwrap();
            let back = x.to_string().parse::<Decimal>().unwrap();
            assert_eq!((back.to_string(), back), (x.to_string(), x));
        }
        // An exhausted Unstructured still gives a valid decimal.
        let x = Decimal::arbitrary(&mut Unstructured::new(&[])).unwrap();
        assert_eq!(x.to_string(), "0");
    }
}
