//! Cell values and character folding shared by every layout.
//!
//! Full-width and half-width forms are equal (`０`–`９`, `（`, `．`, U+3000); a cell holding only
//! whitespace or U+00A0 is blank; `-`, `—`, `/`, `无` … are an explicit "no value".

use crate::{Decimal, Span};

/// Folds one character: full-width ASCII to ASCII, ideographic space and NBSP to a space.
pub(crate) fn fold(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' | '\u{00A0}' | '\u{2002}'..='\u{200B}' | '\u{FEFF}' => ' ',
        '“' | '”' | '„' | '″' => '"',
        '‐' | '‑' | '−' => '-',
        c => c,
    }
}

/// Whether `c` separates cells or words in extracted text (NBSP and U+3000 included).
pub(crate) fn is_space(c: char) -> bool {
    match c {
        ' ' | '\t'..='\r' => true,
        // ASCII, and from past U+3000 on (CJK text, full-width forms) but for U+FEFF, nothing
        // is white space: no Unicode lookup for the common characters (issue 5).
        '\0'..='\u{7F}' | '\u{3001}'..='\u{FEFE}' | '\u{FF00}'.. => false,
        _ => c.is_whitespace() || matches!(c, '\u{00A0}' | '\u{200B}' | '\u{FEFF}'),
    }
}

/// A label folded for matching: full/half-width folded, whitespace and quotes removed.
///
/// The official template breaks narrow labels inside their cell (`商业 企业`, `规 章`), so
/// whitespace never matters to a label (docs/format.md §3.1).
pub(crate) fn norm_label(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_norm_label(&mut out, s);
    out
}

/// The length of the character that byte `b` starts when [`norm_label`] keeps that character
/// as it is, told from the byte alone: U+4000–U+9FFF (CJK ideographs; lead byte E4–E9, three
/// bytes) and ASCII other than spaces and quotes. `None`: decode the character to know.
fn kept_len(b: u8) -> Option<usize> {
    if (0xE4..=0xE9).contains(&b) {
        Some(3)
    } else if b.is_ascii() && !b.is_ascii_whitespace() && b != 0x0B && b != b'"' && b != b'\'' {
        Some(1)
    } else {
        None
    }
}

/// Appends [`norm_label`]`(s)` to `out`. The runs of characters that folding keeps as they
/// are (most of a label: CJK text) are copied whole, not pushed one character at a time
/// (~55 instructions a character: 1% of a parse, issue 5).
pub(crate) fn push_norm_label(out: &mut String, s: &str) {
    let bytes = s.as_bytes();
    let (mut i, mut run) = (0, 0);
    while let Some(&b) = bytes.get(i) {
        if let Some(len) = kept_len(b) {
            i += len;
            continue;
        }
        let Some(c) = s.get(i..).and_then(|r| r.chars().next()) else { break };
        let f = norm_label_char(c);
        if f != Some(c) {
            out.push_str(s.get(run..i).unwrap_or_default());
            out.extend(f);
            run = i + c.len_utf8();
        }
        i += c.len_utf8();
    }
    out.push_str(s.get(run..).unwrap_or_default());
}

/// [`norm_label`]`(s)`, borrowed when folding changes nothing (a label of CJK text and ASCII
/// without spaces): no allocation for most labels.
pub(crate) fn norm_label_cow(s: &str) -> std::borrow::Cow<'_, str> {
    let bytes = s.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if let Some(len) = kept_len(b) {
            i += len;
            continue;
        }
        let Some(c) = s.get(i..).and_then(|r| r.chars().next()) else { break };
        if norm_label_char(c) != Some(c) {
            let mut out = String::with_capacity(s.len());
            out.push_str(s.get(..i).unwrap_or_default());
            push_norm_label(&mut out, s.get(i..).unwrap_or_default());
            return out.into();
        }
        i += c.len_utf8();
    }
    s.into()
}

/// The characters of [`norm_label`]`(s)`, without collecting them. Sized up front, the label
/// no longer grows by reallocation (it was 6% of a parse in `RawVec::grow`, issue 5).
pub(crate) fn norm_label_chars(s: &str) -> impl Iterator<Item = char> + '_ {
    s.chars().filter_map(norm_label_char)
}

/// A character of [`norm_label`]: folded, `None` for a space or a quote.
pub(crate) fn norm_label_char(c: char) -> Option<char> {
    // CJK ideographs, most of a label, fold to themselves: one range test instead of `fold`
    // and `is_space` (a Unicode table lookup) per character (issue 5).
    if ('\u{4E00}'..='\u{9FFF}').contains(&c) {
        return Some(c);
    }
    let f = fold(c);
    (!is_space(f) && !matches!(f, '"' | '\'' | '‘' | '’')).then_some(f)
}

/// What a cell holds, by its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CellKind {
    /// Empty, whitespace or NBSP only (also the undecoded entity `&nbsp;`).
    Blank,
    /// `-`, `—`, `/`, `无` …: explicitly no value.
    Dash,
    /// A number: `12`, `+1036`, `-185`, `7730.28`, `251000元`, `1,234`.
    Number,
    /// Anything else: label text.
    Text,
}

/// One cell of a table row, with the span of its (trimmed) text in the original input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Cell {
    /// The bytes of the cell text, trimmed; empty at the cell position when blank.
    pub span: Span,
    /// Its kind.
    pub kind: CellKind,
    /// The digits were glued to the label text before them (`…重新出具0`): a candidate for
    /// digit-run splitting when the row has too few cells.
    pub glued: bool,
}

/// Classifies a trimmed cell text.
#[inline]
pub(crate) fn classify(text: &str) -> CellKind {
    // Most cells are a few ASCII digits, a number by the rules of `classify_other`: answered
    // here, inline, without the call and the folding (the call's own cost was ~45
    // instructions a cell; issue 5).
    if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) {
        return CellKind::Number;
    }
    // So are blank cells and labels: a leading byte E4–E9 starts a CJK ideograph (U+4000–
    // U+9FFF: no space, folded to itself), which starts no number or dash but for `无`.
    match text.as_bytes().first() {
        None => CellKind::Blank,
        Some(0xE4..=0xE9) if !text.starts_with('无') => CellKind::Text,
        _ => classify_other(text),
    }
}

/// [`classify`] of a text that is not all ASCII digits.
fn classify_other(text: &str) -> CellKind {
    // Blank, Dash and Number are decided by the first folded non-space character: a dash
    // string starts with one of the dashes listed below, a number with a sign or a digit, an
    // `&nbsp;` blank with `&`. Anything else is Text, found without copying (prose tokens hold
    // full-width punctuation, so the copy below was made for almost every token: 9% of a
    // parse, issue 5).
    match text.chars().map(fold).find(|c| !is_space(*c)) {
        None => return CellKind::Blank,
        Some('-' | '—' | '–' | '/' | '\\' | '无' | '／' | '…' | '+' | '0'..='9' | '&') => {}
        Some(_) => return CellKind::Text,
    }
    // Copy only when folding or dropping spaces changes something (a cell or token usually
    // holds neither): classify runs on every token of every table line.
    let t: std::borrow::Cow<'_, str> = if text.chars().any(|c| fold(c) != c || is_space(c)) {
        text.chars().map(fold).filter(|c| !is_space(*c)).collect::<String>().into()
    } else {
        text.into()
    };
    // HTML-to-text tools that do not decode entities leave a blank cell as `&nbsp;`.
    // (Only a text starting with `&` can be made of entities.)
    if t.starts_with('&')
        && (t.split("&nbsp;").all(str::is_empty) || t.split("&nbsp").all(str::is_empty))
    {
        return CellKind::Blank;
    }
    if matches!(&*t, "-" | "--" | "---" | "—" | "——" | "–" | "/" | "\\" | "无" | "／" | "…")
    {
        return CellKind::Dash;
    }
    if number_parts(&t).is_some() {
        CellKind::Number
    } else {
        CellKind::Text
    }
}

/// Splits a folded, whitespace-free number into (sign, digits with commas and dot, unit).
/// Accepts `+1036`, `-185`, `7,730.28`, `251000元`, `73802895.90万元`.
///
/// Validates without copying: `classify` runs this on every value cell, and the digit string
/// it used to build was one allocation per cell (issue 5). The commas are dropped by the
/// callers that need the digits.
fn number_parts(t: &str) -> Option<(Option<char>, &str, Option<&'static str>)> {
    let (unit, body) = if let Some(b) = t.strip_suffix("万元") {
        (Some("万元"), b)
    } else if let Some(b) = t.strip_suffix('元') {
        (Some("元"), b)
    } else {
        (None, t)
    };
    let (sign, body) = match body.chars().next() {
        Some(c @ ('+' | '-')) => (Some(c), &body[1..]),
        _ => (None, body),
    };
    if body.is_empty() || !body.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let mut dot = false;
    for c in body.chars() {
        match c {
            '0'..='9' => {}
            '.' if !dot => dot = true,
            ',' if !dot => {}
            _ => return None,
        }
    }
    // A comma after the dot is refused above, so the digits end in a dot exactly when the
    // text does.
    if body.ends_with('.') {
        return None;
    }
    Some((sign, body, unit))
}

/// A plain integer cell: an optional sign, then digits and thousands commas, nothing else
/// (no dot, no unit), folded and without spaces; `(negative, magnitude)`.
///
/// The same cells [`number_parts`] accepts without a dot or a unit, read on the fly: a count
/// is read for every cell of tables 三 and 四, and the two strings the reading used to build
/// were 2 % of a parse (issue 5).
#[inline]
fn integer(text: &str) -> Option<(bool, u64)> {
    // Most cells are a few ASCII digits: read their bytes (19 digits cannot overflow a u64),
    // inline (the call cost more than the reading; issue 5).
    if (1..=19).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_digit()) {
        return Some((false, text.bytes().fold(0, |v, b| v * 10 + u64::from(b - b'0'))));
    }
    integer_other(text)
}

/// [`integer`] of a text that is not a few ASCII digits.
fn integer_other(text: &str) -> Option<(bool, u64)> {
    let mut chars = text.chars().map(fold).filter(|c| !is_space(*c)).peekable();
    let negative = match chars.peek() {
        Some('-') => true,
        Some('+') => false,
        _ => return read_digits(chars).map(|v| (false, v)),
    };
    chars.next();
    read_digits(chars).map(|v| (negative, v))
}

/// Digits and commas, starting with a digit; `None` on anything else or on overflow.
fn read_digits(mut chars: impl Iterator<Item = char>) -> Option<u64> {
    let first = chars.next()?.to_digit(10)?;
    let mut v = u64::from(first);
    for c in chars {
        match c {
            '0'..='9' => v = v.checked_mul(10)?.checked_add(u64::from(c.to_digit(10)?))?,
            ',' => {}
            _ => return None,
        }
    }
    Some(v)
}

/// The cell as a count, when it is a plain non-negative integer.
#[inline]
pub(crate) fn as_u64(text: &str) -> Option<u64> {
    match integer(text)? {
        (false, v) => Some(v),
        (true, _) => None,
    }
}

/// The cell as a signed integer (`+1036`, `-185`, `12`).
pub(crate) fn as_i64(text: &str) -> Option<i64> {
    let (negative, v) = integer(text)?;
    let v = i64::try_from(v).ok()?;
    Some(if negative { -v } else { v })
}

/// The cell as exact money, with the unit written after it (`元`, `万元`).
pub(crate) fn as_decimal(text: &str) -> Option<(Decimal, Option<String>)> {
    let t: String = text.chars().map(fold).filter(|c| !is_space(*c)).collect();
    let (sign, body, unit) = number_parts(&t)?;
    let mut s = String::with_capacity(body.len() + 1);
    if sign == Some('-') {
        s.push('-');
    }
    s.extend(body.chars().filter(|c| *c != ','));
    let d: Decimal = s.parse().ok()?;
    Some((d, unit.map(str::to_string)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds() {
        for (s, k) in [
            ("", CellKind::Blank),
            ("\u{a0}", CellKind::Blank),
            ("&nbsp;", CellKind::Blank),
            ("&nbsp;&nbsp;", CellKind::Blank),
            ("\u{3000} ", CellKind::Blank),
            ("-", CellKind::Dash),
            ("—", CellKind::Dash),
            ("/", CellKind::Dash),
            ("12", CellKind::Number),
            ("１２", CellKind::Number),
            ("+1036", CellKind::Number),
            ("-185", CellKind::Number),
            ("7730.28", CellKind::Number),
            ("251000元", CellKind::Number),
            ("规章", CellKind::Text),
            ("数据1", CellKind::Text),
            ("1.属于国家秘密", CellKind::Text),
        ] {
            assert_eq!(classify(s), k, "{s:?}");
        }
    }

    /// The first definitions of `as_u64` and `as_i64` (through a digit string), as the
    /// oracle of the on-the-fly reading.
    fn integer_reference(text: &str, signed: bool) -> Option<i64> {
        let t: String = text.chars().map(fold).filter(|c| !is_space(*c)).collect();
        let (sign, body, unit) = number_parts(&t)?;
        let digits: String = body.chars().filter(|c| *c != ',').collect();
        if unit.is_some() || digits.contains('.') || (!signed && sign == Some('-')) {
            return None;
        }
        if signed {
            let v: i64 = digits.parse().ok()?;
            Some(if sign == Some('-') { -v } else { v })
        } else {
            let v: u64 = digits.parse().ok()?;
            i64::try_from(v).ok()
        }
    }

    proptest::proptest! {
        #[test]
        fn integers_match_the_reference(
            v in proptest::collection::vec(proptest::sample::select(vec![
                "0", "1", "9", "１", "+", "-", "－", ",", "，", ".", "元", "万元", " ", "\u{3000}",
                "x", "922337203685", "4775807", "18446744073709551615",
            ]), 0..6)
        ) {
            let t = v.concat();
            let u = as_u64(&t);
            if u.is_none_or(|x| i64::try_from(x).is_ok()) {
                proptest::prop_assert_eq!(u.map(|x| x as i64), integer_reference(&t, false), "{}", t);
            }
            proptest::prop_assert_eq!(as_i64(&t), integer_reference(&t, true), "{}", t);
        }
    }

    proptest::proptest! {
        #[test]
        fn pushed_label_is_the_folded_chars(
            v in proptest::collection::vec(proptest::sample::select(vec![
                "规", "章", " ", "\u{3000}", "\u{a0}", "１", "（", "(", "“", "”", "'", "‘", "’", "\"",
                "ａ", "a", "－", "\t", "\u{200b}", "。", "\u{3400}", "\u{4dc0}", "\u{b}", "\u{c}",
                "\u{1f600}", "\u{e9}",
            ]), 0..12)
        ) {
            let s = v.concat();
            let mut out = String::from("x");
            push_norm_label(&mut out, &s);
            let want: String = std::iter::once('x').chain(norm_label_chars(&s)).collect();
            proptest::prop_assert_eq!(&norm_label_cow(&s), want.get(1..).unwrap_or_default());
            proptest::prop_assert_eq!(out, want);
        }
    }

    #[test]
    fn folding_keeps_spaces_and_non_spaces_apart() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_space(fold(c)), is_space(c), "{:?}", c);
        }
    }

    #[test]
    fn spaces_are_unicode_white_space_and_three_more() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let want = c.is_whitespace() || matches!(c, '\u{00A0}' | '\u{200B}' | '\u{FEFF}');
            assert_eq!(is_space(c), want, "{:04X}", u32::from(c));
        }
    }

    #[test]
    fn values() {
        assert_eq!(as_u64("３１１９"), Some(3119));
        assert_eq!(as_u64("-1"), None);
        assert_eq!(as_i64("-185"), Some(-185));
        assert_eq!(as_i64("+1036"), Some(1036));
        let (d, u) = as_decimal("73802895.90元").unwrap();
        assert_eq!((d.as_str(), u.as_deref()), ("73802895.90", Some("元")));
    }
}
