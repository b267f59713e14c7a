//! Public parsers for the pieces of a report's text, in nom's shape.
//!
//! Each parser takes `&str` and returns [`PResult`]: the unconsumed rest (always a suffix of
//! the input) and the value. Every parser is total: it never panics, whatever the input.
//!
//! | parser | recognises |
//! |---|---|
//! | [`fold_char`], [`fold`] | full-width/half-width folding used for matching (never rewrites) |
//! | [`chinese_numeral`], [`arabic_number`] | `二十`, `一百零五`, `二〇二三`; `12`, `１２` |
//! | [`heading_marker`] | `一、` `（一）` `(一)` `1.` `1．` `1、` `（1）` `(1)` `①` |
//! | [`date`] | `2024年1月22日`, `2018 年 12 月 30 日`, `2024-01-25 16:46:14` |
//! | [`page_number`] | page-number lines: `- 3 -`, `— 3 —`, `-3-`, `第3页` |

mod date;

mod heading;
mod numeral;
mod page;

pub(crate) use crate::text::fold::{
    blanks, compact_chars, compact_ends_with, compact_starts_with, fold_compact, is_blank,
    is_blank_at, may_change,
};
pub use crate::text::fold::{fold, fold_char, is_ignorable, is_space, Folded};
pub use date::date;
pub(crate) use date::date_fields;
pub use heading::{heading_marker, HeadingMarker, MarkerStyle};
pub(crate) use numeral::is_numeral_char;
pub use numeral::{arabic_number, chinese_numeral, format_chinese_numeral};
pub use page::page_number;

/// Why a parser of this module did not match: where it gave up and what it expected there.
///
/// The parsers are nom-style (`input -> Result<(rest, value), error>`), but their signatures
/// hold only the crate's own types, so a nom upgrade is not a breaking change of this crate;
/// wrap one in a closure to use it inside nom combinators:
///
/// ```
/// use gov_info_disclosure::parsers::{arabic_number, Expected};
/// use nom::{bytes::complete::tag, error::ErrorKind, sequence::terminated, Parser};
///
/// let number = |i| {
///     arabic_number(i).map_err(|e| nom::Err::Error(nom::error::Error::new(e.input, ErrorKind::Digit)))
/// };
/// assert_eq!(terminated(number, tag("件")).parse("12件，"), Ok(("，", 12)));
/// assert_eq!(arabic_number("件").unwrap_err().expected, Expected::Digits);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Error<'a> {
    /// The input at the point the parser gave up (a suffix of what it was given).
    pub input: &'a str,
    /// What the parser expected there.
    pub expected: Expected,
}

/// What a parser expected where it failed (see [`Error`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Expected {
    /// A Chinese numeral (`二十`, `一百零五`, `二〇二三`).
    ChineseNumeral,
    /// ASCII or full-width digits.
    Digits,
    /// At most nine digits (a larger number is no count, date part or ordinal).
    AtMostNineDigits,
    /// A heading marker (`一、`, `（一）`, `1.`, `①`…).
    HeadingMarker,
    /// A calendar date (`2024年1月22日`, `2024-01-25`).
    Date,
    /// A page-number line (`- 3 -`, `第3页`).
    PageNumber,
}

impl std::fmt::Display for Error<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let expected = match self.expected {
            Expected::ChineseNumeral => "a Chinese numeral",
            Expected::Digits => "digits",
            Expected::AtMostNineDigits => "at most nine digits",
            Expected::HeadingMarker => "a heading marker",
            Expected::Date => "a date",
            Expected::PageNumber => "a page number",
        };
        let found: String = self.input.chars().take(12).collect();
        write!(f, "expected {expected}, found {found:?}")
    }
}

impl std::error::Error for Error<'_> {}

/// The result of a parser: `Ok((rest, value))`, where `rest` is a suffix of the input.
pub type PResult<'a, T> = Result<(&'a str, T), Error<'a>>;

/// Fails at `input`, expecting `expected` (shared by the parsers of this module).
pub(crate) fn fail<T>(input: &str, expected: Expected) -> PResult<'_, T> {
    Err(Error { input, expected })
}

/// Skips folded spaces (ASCII whitespace other than line breaks, U+3000, NBSP, U+2002–200A)
/// and ignorable characters (BOM, zero-width). Never fails.
pub(crate) fn skip_spaces(input: &str) -> &str {
    input.trim_start_matches(|c: char| (is_space(c) && c != '\n' && c != '\r') || is_ignorable(c))
}

#[cfg(test)]
mod properties {
    use super::*;
    use proptest::prelude::*;

    /// Strings biased towards what the parsers look at: numerals, markers, brackets of both
    /// widths, digits of both widths, date units, dashes, spaces.
    fn text() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            prop_oneof![
                proptest::sample::select(vec![
                    '一', '二', '十', '百', '千', '万', '〇', '零', '两', '、', '（', '）', '(',
                    ')', '.', '．', '1', '2', '０', '９', '年', '月', '日', '号', '-', '—', ' ',
                    '\u{3000}', '\u{FEFF}', '第', '页', ':', '①', '是', '\n', '\r', '#', '*', '>',
                    '|', '\t', '情', '况', '总', '体', '：', '。',
                ]),
                any::<char>(),
            ],
            0..24,
        )
        .prop_map(|v| v.into_iter().collect())
    }

    fn suffix(input: &str, rest: &str) -> bool {
        input.ends_with(rest) && rest.len() <= input.len()
    }

    proptest! {
        #[test]
        fn parsers_are_total_and_leave_a_suffix(s in text()) {
            if let Ok((rest, _)) = chinese_numeral(&s) { prop_assert!(suffix(&s, rest)); }
            if let Ok((rest, _)) = arabic_number(&s) { prop_assert!(suffix(&s, rest)); }
            if let Ok((rest, m)) = heading_marker(&s) {
                prop_assert!(suffix(&s, rest));
                prop_assert!(s.starts_with(m.text));
            }
            if let Ok((rest, _)) = date(&s) { prop_assert!(suffix(&s, rest)); }
            if let Ok((rest, _)) = page_number(&s) { prop_assert!(suffix(&s, rest)); }
            let f = fold(&s);
            prop_assert_eq!(fold(&f.text).text, f.text);
        }

        #[test]
        fn numerals_round_trip(n in 0u64..=99_999_999) {
            let s = format_chinese_numeral(n).unwrap_or_default();
            prop_assert_eq!(chinese_numeral(&s), Ok(("", n)));
        }

        #[test]
        fn parse_never_panics_and_keeps_coverage(s in text()) {
            if let Ok(report) = crate::parse(&s) {
                prop_assert_eq!(report.check_coverage(), Ok(()));
            }
        }
    }
}
