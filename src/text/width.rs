//! Display width: the columns a text takes in a monospaced rendering (CJK = 2), the one rule
//! the wrap width, paragraph ends, heading candidates and column-aligned tables measure by.

use unicode_width::UnicodeWidthChar;

/// Display width of a text (CJK = 2 columns).
pub(crate) fn width(s: &str) -> usize {
    // On bytes: printable ASCII is 1 column; a 3-byte sequence led by E5–E9, or by E4 except
    // E4 B7 (U+4DC0–U+4DFF, the narrow Yijing hexagrams), is a CJK ideograph (U+4000–U+9FFF,
    // East Asian Wide): 2 columns. Anything else is decoded. Widths are taken of every text
    // line (wrap width, paragraph ends, heading candidates), so most characters skip decoding.
    // Likewise the CJK punctuation of every line: U+3000–U+3029 (`E3 80 80`–`E3 80 A9`: `、`,
    // `。`, `《》`, `「」`) and the full-width forms U+FF01–U+FF60 (`EF BC 81`–`EF BD A0`: `，`,
    // `：`, `（）`) are all 2 columns (tested on every character below).
    let bytes = s.as_bytes();
    let at = |k: usize| bytes.get(k).copied().unwrap_or(0);
    let (mut w, mut i) = (0, 0);
    while let Some(&b) = bytes.get(i) {
        match b {
            0x20..=0x7E => (w, i) = (w + 1, i + 1),
            0xE5..=0xE9 => (w, i) = (w + 2, i + 3),
            0xE4 if at(i + 1) != 0xB7 => (w, i) = (w + 2, i + 3),
            0xE3 if at(i + 1) == 0x80 && at(i + 2) <= 0xA9 => (w, i) = (w + 2, i + 3),
            0xEF if matches!((at(i + 1), at(i + 2)), (0xBC, 0x81..) | (0xBD, ..=0xA0)) => {
                (w, i) = (w + 2, i + 3);
            }
            _ => {
                let Some(c) = s.get(i..).and_then(|rest| rest.chars().next()) else { break };
                (w, i) = (w + char_width(c), i + c.len_utf8());
            }
        }
    }
    w
}

/// Display width of one character. Printable ASCII and CJK Unified Ideographs (all East Asian
/// Wide) skip the table lookup: they are most of a report.
pub(crate) fn char_width(c: char) -> usize {
    match c {
        ' '..='~' => 1,
        '\u{4E00}'..='\u{9FFF}' | '\u{3000}' => 2,
        _ => c.width().unwrap_or(0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_width_is_the_unicode_width() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(char_width(c), c.width().unwrap_or(0), "{c:?}");
        }
    }

    #[test]
    fn width_matches_unicode_width_on_every_char() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let want = c.width().unwrap_or(0);
            assert!(want <= c.len_utf8(), "wrap_width relies on it: {c:?}");
            assert_eq!(width(c.encode_utf8(&mut [0; 4])), want, "{c:?}");
            assert_eq!(width(&format!("a{c}一")), want + 3, "{c:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn width_matches_unicode_width(
            v in proptest::collection::vec(proptest::sample::select(vec![
                'a', ' ', '\t', '\u{7F}', '\u{3FFF}', '\u{4000}', '\u{4DBF}', '\u{4DC0}',
                '\u{4DFF}', '\u{4E00}', '\u{9FFF}', '\u{A000}', '\u{3000}', '，', '①', 'é',
                '\u{200B}', '\u{1F600}', '\u{0301}',
            ]), 0..30)
        ) {
            let s: String = v.into_iter().collect();
            let want: usize = s.chars().map(|c| c.width().unwrap_or(0)).sum();
            proptest::prop_assert_eq!(width(&s), want);
        }
    }
}
