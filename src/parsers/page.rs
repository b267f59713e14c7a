//! Page-number lines left by PDF extraction.

use super::{
    arabic_number, fail, fold_char, is_ignorable, is_space, skip_spaces, Expected, PResult,
};

fn is_dash(c: char) -> bool {
    matches!(fold_char(c), '-' | '—' | '–' | '－' | '─' | '一')
}

/// A page-number line (the whole line, after trimming), returning the page number.
///
/// Rule: `dash+ number dash+` with optional spaces (`- 3 -`, `— 3 —`, `-3-`, `－ 12 －`), or
/// `第 N 页` optionally followed by `共 M 页` (with optional `，`/`/` between). Bare numbers are
/// rejected: in a flattened table a line holding only `3` is a cell. The whole input must be
/// consumed (apart from spaces), so `- 3 - 附件` is rejected.
///
/// ```
/// use gov_info_disclosure::parsers::page_number;
/// assert_eq!(page_number("- 3 -"), Ok(("", 3)));
/// assert_eq!(page_number("—12—"), Ok(("", 12)));
/// assert_eq!(page_number("第 2 页 共 6 页"), Ok(("", 2)));
/// assert!(page_number("3").is_err());
/// assert!(page_number("- 3 - 附件").is_err());
/// assert!(page_number("一、总体情况").is_err());
/// ```
pub fn page_number(input: &str) -> PResult<'_, u64> {
    // Both forms end with a dash or `页` before trailing spaces: checking the last character
    // first turns away an ordinary line (the layout asks this of every line, trimmed) at once.
    let blank = |c: char| is_space(c) || is_ignorable(c);
    let ends_right = |c: char| c == '页' || is_dash(c);
    let last_ok = match input.chars().next_back() {
        Some(c) if ends_right(c) => true,
        Some(c) if blank(c) => {
            input.trim_end_matches(blank).chars().next_back().is_some_and(ends_right)
        }
        _ => false,
    };
    if !last_ok {
        return fail(input, Expected::PageNumber);
    }
    parse_page_number(input)
}

/// [`page_number`] without the check of the last character.
fn parse_page_number(input: &str) -> PResult<'_, u64> {
    let s = skip_spaces(input);
    let result = if let Some(r) = s.strip_prefix('第') {
        (|| {
            let (r, n) = arabic_number(skip_spaces(r)).ok()?;
            let mut r = skip_spaces(r).strip_prefix('页')?;
            let after = skip_spaces(r.trim_start_matches(['，', ',', '/', '／']));
            if let Some(t) = after.strip_prefix('共') {
                let (t, _) = arabic_number(skip_spaces(t)).ok()?;
                r = skip_spaces(t).strip_prefix('页')?;
            }
            Some((r, n))
        })()
    } else {
        (|| {
            let r = s.trim_start_matches(is_dash);
            if r.len() == s.len() {
                return None;
            }
            let (r, n) = arabic_number(skip_spaces(r)).ok()?;
            let r2 = skip_spaces(r);
            let after = r2.trim_start_matches(is_dash);
            (after.len() < r2.len()).then_some((after, n))
        })()
    };
    match result {
        Some((rest, n)) if skip_spaces(rest).trim_end().is_empty() => Ok((&rest[rest.len()..], n)),
        _ => fail(input, Expected::PageNumber),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn the_last_character_check_rejects_no_page_number(
            v in proptest::collection::vec(proptest::sample::select(vec![
                "-", "—", "－", "一", "─", "第", "页", "共", "，", "/", "3", "１２", " ", "\u{3000}",
                "\u{FEFF}", "\u{200B}", "\t", "\n", "\r", "附件", "。",
            ]), 0..10)
        ) {
            let s = v.concat();
            proptest::prop_assert_eq!(page_number(&s), parse_page_number(&s));
        }
    }

    #[test]
    fn page_number_table() {
        let ok: &[(&str, u64)] = &[
            ("- 1 -", 1),
            ("-1-", 1),
            ("                                -1-", 1),
            ("— 3 —", 3),
            ("－ 12 －", 12),
            ("-- 4 --", 4),
            ("第3页", 3),
            ("第 3 页，共 10 页", 3),
            ("- 5 - \r", 5),
            ("  －１２－ ", 12),
            ("第3页共9页", 3),
        ];
        for &(input, want) in ok {
            assert_eq!(page_number(input).map(|(_, n)| n), Ok(want), "{input:?}");
        }
        // Table data that looks like page numbers at a glance: a row of dashes and numbers,
        // a lone dash cell, cells of zeros.
        let table = ["-3", "0 0 0", "- 13959 144101 0 -", "- 0 -  0 -", "一、本年新收"];
        let others =
            ["", "3", "- 3", "3 -", "- 3 - 附件", "一、总体", "-", "第页", "0517-87222589"];
        for bad in table.into_iter().chain(others) {
            assert!(page_number(bad).is_err(), "{bad:?} should be rejected");
        }
    }
}
