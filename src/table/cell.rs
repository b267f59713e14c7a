//! Cell values and character folding shared by every layout.
//!
//! Full-width and half-width forms are equal (`０`–`９`, `（`, `．`, U+3000); a cell holding only
//! whitespace or U+00A0 is blank; `-`, `—`, `/`, `无` … are an explicit "no value".

use crate::parsers::{fold_char, is_blank};
use crate::{Decimal, Span};

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
/// are (most of a label: CJK text) are copied whole, not pushed one character at a time.
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

/// The characters of [`norm_label`]`(s)`, without collecting them, so that a label can be
/// sized up front rather than grown by reallocation.
pub(crate) fn norm_label_chars(s: &str) -> impl Iterator<Item = char> + '_ {
    s.chars().filter_map(norm_label_char)
}

/// A character of [`norm_label`]: folded, `None` for a space or a quote.
pub(crate) fn norm_label_char(c: char) -> Option<char> {
    // CJK ideographs, most of a label, fold to themselves: one range test instead of `fold`
    // and `is_space` (a Unicode table lookup) per character.
    if ('\u{4E00}'..='\u{9FFF}').contains(&c) {
        return Some(c);
    }
    let f = fold_char(c);
    (!is_blank(f) && !matches!(f, '"' | '\'' | '‘' | '’')).then_some(f)
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
    // here, inline, without the call and the folding.
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
    // `&nbsp;` blank with `&`. Anything else is Text, found without copying: prose tokens hold
    // full-width punctuation, which the copy below would be made for.
    match text.chars().map(fold_char).find(|c| !is_blank(*c)) {
        None => return CellKind::Blank,
        Some('-' | '—' | '–' | '/' | '\\' | '无' | '／' | '…' | '+' | '0'..='9' | '&') => {}
        Some(_) => return CellKind::Text,
    }
    // Copy only when folding or dropping spaces changes something (a cell or token usually
    // holds neither): classify runs on every token of every table line.
    let t: std::borrow::Cow<'_, str> = if text.chars().any(|c| fold_char(c) != c || is_blank(c)) {
        text.chars().map(fold_char).filter(|c| !is_blank(*c)).collect::<String>().into()
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
/// Accepts `+1036`, `-185`, `7,730.28`, `251000元`, `73802895.90万元`; commas only as
/// thousands separators ([`thousands_ok`]): `1,2` and `4,4,7` are no numbers.
///
/// Validates without copying: `classify` runs this on every value cell, so there is no
/// allocation per cell. The commas are dropped by the
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
    if body.ends_with('.') || !thousands_ok(body.split('.').next().unwrap_or_default()) {
        return None;
    }
    Some((sign, body, unit))
}

/// Whether the commas of an integer part (digits and commas) are thousands separators: none,
/// or a first group of one to three digits and groups of exactly three after it. A comma
/// anywhere else is a typo or two cells run together (`1,2`, `4,4,7`), never a digit to drop.
fn thousands_ok(int: &str) -> bool {
    let mut groups = int.split(',');
    let first = groups.next().unwrap_or_default().len();
    !int.contains(',') || ((1..=3).contains(&first) && groups.all(|g| g.len() == 3))
}

/// The units a count may carry attached (`12件`, `3条`, `5起`): the reader drops the unit and
/// notes it ([`Liberty::Unit`]).
pub(crate) const COUNT_UNITS: [char; 5] = ['件', '条', '个', '项', '起'];

/// What the reading of a count took beyond plain digits; the readers note it with the cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Liberty {
    /// A unit attached to the count (`12件`), dropped.
    Unit(char),
    /// A Chinese numeral (`十二`), read as its number.
    ChineseNumeral,
}

/// Whether `c` belongs to a Chinese numeral as [`crate::parsers::chinese_numeral`] reads it
/// (with `亿`, which it refuses: a cell holding one is still meant as a value).
fn is_numeral_char(c: char) -> bool {
    crate::parsers::is_numeral_char(c) || c == '亿'
}

/// Whether a token that is neither a number nor a dash by [`classify`] was meant as a value
/// all the same: it holds only digits, Chinese numerals, separators, signs, exponent letters,
/// `%` and units (`十二`, `12件`, `1,2`, `1.5万`, `1e3`), and at least one digit or numeral. In
/// a row's value area such a token is a cell of its own column (read with a note, or invalid),
/// never label text that would shift the cells after it. A list marker (`1.`, `一、`) is not.
pub(crate) fn looks_like_value(text: &str) -> bool {
    let mut digit = false;
    for c in text.chars().map(fold_char) {
        match c {
            '0'..='9' => digit = true,
            c if is_numeral_char(c) => digit = true,
            ',' | '.' | '+' | '-' | 'e' | 'E' | '%' | '元' => {}
            c if COUNT_UNITS.contains(&c) || is_blank(c) => {}
            _ => return false,
        }
    }
    digit && !text.trim_end_matches(is_blank).ends_with(['.', '．', '、'])
}

/// An integer cell read: (negative, magnitude, what the reading took beyond digits).
type Integer = (bool, u64, Option<Liberty>);

/// A count cell, by the one grammar of counts: an optional sign, then either digits (ASCII or
/// full-width, with thousands separators in groups of three only) or a Chinese numeral
/// (`十二`), then at most one attached unit of [`COUNT_UNITS`]; folded, spaces ignored. No dot:
/// decimals are money ([`as_decimal`]), never a count.
///
/// Read on the fly, without building strings: a count is read for every cell of tables 三 and
/// 四.
#[inline]
fn integer(text: &str) -> Option<Integer> {
    // Most cells are a few ASCII digits: read their bytes (19 digits cannot overflow a u64),
    // inline.
    if (1..=19).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_digit()) {
        return Some((false, text.bytes().fold(0, |v, b| v * 10 + u64::from(b - b'0')), None));
    }
    integer_other(text)
}

/// [`integer`] of a text that is not a few ASCII digits.
fn integer_other(text: &str) -> Option<Integer> {
    let mut chars = text.chars().map(fold_char).filter(|c| !is_blank(*c)).peekable();
    let negative = match chars.peek() {
        Some('-') => true,
        Some('+') => false,
        _ => return read_magnitude(chars).map(|(v, l)| (false, v, l)),
    };
    chars.next();
    read_magnitude(chars).map(|(v, l)| (negative, v, l))
}

/// Digits or a Chinese numeral, then at most one count unit.
fn read_magnitude(
    mut chars: std::iter::Peekable<impl Iterator<Item = char>>,
) -> Option<(u64, Option<Liberty>)> {
    if chars.peek().is_some_and(|c| c.is_ascii_digit()) {
        return read_digits(chars);
    }
    // A Chinese numeral (`十二`, `三件`): rare, copied to be read by the numeral parser. The
    // note names the numeral, which says more than the unit.
    let s: String = chars.collect();
    let s = s.strip_suffix(COUNT_UNITS).unwrap_or(&s);
    match crate::parsers::chinese_numeral(s) {
        Ok(("", v)) => Some((v, Some(Liberty::ChineseNumeral))),
        _ => None,
    }
}

/// Digits and thousands separators (the rule of [`thousands_ok`], checked on the fly),
/// starting with a digit, then at most one count unit;
/// `None` on anything else, on a comma out of place or on overflow.
fn read_digits(chars: impl Iterator<Item = char>) -> Option<(u64, Option<Liberty>)> {
    let mut v = 0u64;
    // Digits before the first comma, and since the last one.
    let (mut lead, mut group): (usize, Option<usize>) = (0, None);
    let mut unit = None;
    for c in chars {
        if unit.is_some() {
            return None;
        }
        match c {
            '0'..='9' => {
                v = v.checked_mul(10)?.checked_add(u64::from(c.to_digit(10)?))?;
                match &mut group {
                    Some(g) => *g += 1,
                    None => lead += 1,
                }
            }
            ',' => {
                let ok = match group {
                    None => (1..=3).contains(&lead),
                    Some(g) => g == 3,
                };
                if !ok {
                    return None;
                }
                group = Some(0);
            }
            c if COUNT_UNITS.contains(&c) && lead > 0 => unit = Some(Liberty::Unit(c)),
            _ => return None,
        }
    }
    (lead > 0 && group.is_none_or(|g| g == 3)).then_some((v, unit))
}

/// The cell as a count, when it is a non-negative integer by the grammar of [`integer`].
#[inline]
pub(crate) fn as_u64(text: &str) -> Option<u64> {
    read_count(text).map(|r| r.0)
}

/// [`as_u64`], with what the reading took beyond plain digits.
#[inline]
pub(crate) fn read_count(text: &str) -> Option<(u64, Option<Liberty>)> {
    match integer(text)? {
        (false, v, l) => Some((v, l)),
        (true, _, _) => None,
    }
}

/// The cell as a signed integer (`+1036`, `-185`, `12`).
#[cfg(test)]
pub(crate) fn as_i64(text: &str) -> Option<i64> {
    read_signed(text).map(|r| r.0)
}

/// [`as_i64`], with what the reading took beyond plain digits.
pub(crate) fn read_signed(text: &str) -> Option<(i64, Option<Liberty>)> {
    let (negative, v, l) = integer(text)?;
    let v = i64::try_from(v).ok()?;
    Some((if negative { -v } else { v }, l))
}

/// The diagnostic for a value cell (`span`, its text `text`) of row `what`, read as `kind`
/// (`a count`, `a signed count`): a note when the reading took a liberty, a warning when the
/// cell is no value at all (it is then left blank, in its own column). One wording for every
/// table.
pub(crate) fn cell_diagnostic(
    span: Span,
    text: &str,
    what: &str,
    kind: &str,
    read: Result<Option<Liberty>, ()>,
) -> Option<crate::Diagnostic> {
    use crate::{Code, Diagnostic};
    let shown: String = text.chars().flat_map(char::escape_debug).collect();
    match read {
        Ok(None) => None,
        Ok(Some(Liberty::Unit(u))) => Some(Diagnostic::note(
            Code::InvalidCell,
            span,
            format!("expected {kind} in row `{what}`, found `{shown}` with the unit `{u}` attached; read the number, dropped the unit"),
        )),
        Ok(Some(Liberty::ChineseNumeral)) => Some(Diagnostic::note(
            Code::InvalidCell,
            span,
            format!("expected {kind} in row `{what}`, found the Chinese numeral `{shown}`; read it as a number"),
        )),
        Err(()) => Some(Diagnostic::warning(
            Code::InvalidCell,
            span,
            format!("expected {kind} in row `{what}`, found `{shown}`; left blank"),
        )),
    }
}

/// The cell as exact money, with the unit written after it (`元`, `万元`).
pub(crate) fn as_decimal(text: &str) -> Option<(Decimal, Option<String>)> {
    let t: String = text.chars().map(fold_char).filter(|c| !is_blank(*c)).collect();
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
        let t: String = text.chars().map(fold_char).filter(|c| !is_blank(*c)).collect();
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
            assert_eq!(is_blank(fold_char(c)), is_blank(c), "{:?}", c);
        }
    }

    #[test]
    fn one_grammar_of_counts() {
        use Liberty::{ChineseNumeral, Unit};
        for (text, want) in [
            ("12", Some((12, None))),
            ("１２", Some((12, None))),
            ("1,234", Some((1234, None))),
            ("12,345,678", Some((12_345_678, None))),
            ("１，２３４", Some((1234, None))),
            ("12件", Some((12, Some(Unit('件'))))),
            ("3 条", Some((3, Some(Unit('条'))))),
            ("5起", Some((5, Some(Unit('起'))))),
            ("十二", Some((12, Some(ChineseNumeral)))),
            ("三件", Some((3, Some(ChineseNumeral)))),
            ("零", Some((0, Some(ChineseNumeral)))),
            // Commas only as thousands separators.
            ("1,2", None),
            ("4,4,7", None),
            ("1234,567", None),
            (",123", None),
            ("123,", None),
            ("1,23,456", None),
            // No decimals, exponents, 万 or text in a count; one unit at most, at the end.
            ("1.5", None),
            ("1.5万", None),
            ("1e3", None),
            ("12件件", None),
            ("件", None),
            ("12件3", None),
            ("十十", None),
            ("无", None),
            ("-3", None),
        ] {
            assert_eq!(read_count(text), want, "{text}");
        }
        assert_eq!(read_signed("-3件"), Some((-3, Some(Unit('件')))));
        for (text, number) in [("1,234.5", true), ("1,2.5", false), ("12,345元", true)] {
            assert_eq!(classify(text) == CellKind::Number, number, "{text}");
        }
    }

    #[test]
    fn value_like_text() {
        for t in ["十二", "12件", "1,2", "1.5万", "1e3", "4,4,7", "12%", "三"] {
            assert!(looks_like_value(t), "{t}");
        }
        for t in ["1.", "一、", "规章", "件", "1.属于国家秘密", "x3", "2023年", ""] {
            assert!(!looks_like_value(t), "{t}");
        }
    }

    #[test]
    fn values() {
        assert_eq!(as_u64("３１１９"), Some(3119));
        assert_eq!(as_u64("-1"), None);
        assert_eq!(as_i64("-185"), Some(-185));
        assert_eq!(as_i64("+1036"), Some(1036));
        let (d, u) = as_decimal("73802895.90元").unwrap();
        assert_eq!((d.to_string().as_str(), u.as_deref()), ("73802895.90", Some("元")));
    }
}
