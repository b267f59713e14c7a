//! Public nom parsers for the pieces of a report's text.
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
mod fold;
mod heading;
mod numeral;
mod page;

pub use date::date;
pub(crate) use date::date_fields;
pub(crate) use fold::{
    blanks, compact_chars, compact_ends_with, compact_starts_with, fold_compact, is_blank_at,
    may_change,
};
pub use fold::{fold, fold_char, is_ignorable, is_space, Folded};
pub use heading::{heading_marker, HeadingMarker, MarkerStyle};
pub use numeral::{arabic_number, chinese_numeral, format_chinese_numeral};
pub use page::page_number;

/// The error type of every parser here: nom's own, pointing at the rest of the input.
pub type Error<'a> = nom::error::Error<&'a str>;

/// The result of a parser: `Ok((rest, value))`, where `rest` is a suffix of the input.
pub type PResult<'a, T> = nom::IResult<&'a str, T, Error<'a>>;

/// Fails at `input` with the given error kind (shared by the parsers of this module).
pub(crate) fn fail<T>(input: &str, kind: nom::error::ErrorKind) -> PResult<'_, T> {
    Err(nom::Err::Error(nom::error::Error::new(input, kind)))
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
