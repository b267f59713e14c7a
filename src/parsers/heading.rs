//! Heading markers: `一、` `（一）` `(一)` `1.` `1．` `1、` `（1）` `(1)` `①`.

use serde::Serialize;

use super::numeral::is_numeral_char;
use super::{arabic_number, chinese_numeral, fail, fold_char, skip_spaces, Expected, PResult};

/// The written style of a heading marker. The outline gives levels by the order in which
/// styles appear, so the style, not the level, is what a marker carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum MarkerStyle {
    /// `一、`: Chinese numeral and 顿号. Also `一 、` (a space before the 顿号) and `四．` /
    /// `五.` (a dot of either width instead of the 顿号): real reports mix these with `一、`
    /// at the same level, so they share the style.
    ChineseComma,
    /// `（一）` or `(一)`: Chinese numeral in parentheses of either width.
    ChineseParen,
    /// `1.` or `1．`: Arabic number and a dot of either width.
    ArabicDot,
    /// `1、`: Arabic number and 顿号.
    ArabicComma,
    /// `（1）` or `(1)`: Arabic number in parentheses of either width.
    ArabicParen,
    /// `①` … `⑳`: a circled number.
    Circled,
}

/// A heading marker as found at the start of a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct HeadingMarker<'a> {
    /// How it is written.
    pub style: MarkerStyle,
    /// Its number: 3 for `三、`, 2 for `（二）`.
    pub ordinal: u32,
    /// The marker exactly as written, without the spaces after it: `（二）`, `1.`.
    /// A sub-slice of the input, so `Span::of_subslice(input, marker.text)` is its span.
    pub text: &'a str,
}

fn open_paren(input: &str) -> Option<&str> {
    let c = input.chars().next()?;
    (fold_char(c) == '(').then(|| &input[c.len_utf8()..])
}

fn close_paren(input: &str) -> Option<&str> {
    let c = input.chars().next()?;
    (fold_char(c) == ')').then(|| &input[c.len_utf8()..])
}

/// A heading marker at the start of `input`, and the spaces after it.
///
/// Rule (folded, so full-width and ASCII forms match alike):
/// ```text
/// marker  = cn sp* "、" | cn ("." | "．") | "(" sp* cn sp* ")" | ar ("." | "．") | ar "、"
///         | "(" sp* ar sp* ")" | circled
/// cn      = Chinese numeral 1..=99 (一 … 九十九)       ar = 1 or 2 Arabic digits, 1..=99
/// circled = ① … ⑳
/// ```
/// Spaces between the marker and the title are consumed (`(一) 工作中存在的问题`); a dot
/// followed by a digit is a decimal number, not a marker (`1.5`, `一.5`). Ordinal 0 is
/// rejected. `sp` is a space on the same line (ASCII, U+3000, NBSP).
///
/// ```
/// use gov_info_disclosure::parsers::{heading_marker, MarkerStyle};
/// let (rest, m) = heading_marker("（一）主动公开").unwrap();
/// assert_eq!((m.style, m.ordinal, m.text, rest), (MarkerStyle::ChineseParen, 1, "（一）", "主动公开"));
/// let (rest, m) = heading_marker("(一) 工作中存在的问题").unwrap();
/// assert_eq!((m.text, rest), ("(一)", "工作中存在的问题"));
/// assert_eq!(heading_marker("十二、其他").unwrap().1.ordinal, 12);
/// assert_eq!(heading_marker("3．要求").unwrap().1.style, MarkerStyle::ArabicDot);
/// // Variants seen in real reports: `四．`, `五.`, `一 、`.
/// let (rest, m) = heading_marker("四．政府信息公开行政复议").unwrap();
/// assert_eq!((m.style, m.ordinal, m.text), (MarkerStyle::ChineseComma, 4, "四．"));
/// assert_eq!(heading_marker("一 、总体情况").unwrap().1.text, "一 、");
/// // Rejected: enumerations, years, decimals, bare numerals.
/// assert!(heading_marker("一是加强").is_err());
/// assert!(heading_marker("2023年").is_err());
/// assert!(heading_marker("1.5万元").is_err());
/// assert!(heading_marker("一").is_err());
/// ```
pub fn heading_marker(input: &str) -> PResult<'_, HeadingMarker<'_>> {
    let (after, style, ordinal) = match marker_body(input) {
        Some(found) => found,
        None => return fail(input, Expected::HeadingMarker),
    };
    if ordinal == 0 || ordinal > 99 {
        return fail(input, Expected::HeadingMarker);
    }
    let text = &input[..input.len() - after.len()];
    let rest = skip_spaces(after);
    Ok((rest, HeadingMarker { style, ordinal: ordinal as u32, text }))
}

fn marker_body(input: &str) -> Option<(&str, MarkerStyle, u64)> {
    let first = input.chars().next()?;
    // Every form starts with one of these: most lines (the outline asks of every line) are
    // turned away here, without trying each form in turn.
    let may_start = fold_char(first).is_ascii_digit()
        || fold_char(first) == '('
        || circled(first).is_some()
        || is_numeral_char(first);
    if !may_start {
        return None;
    }
    if let Some(n) = circled(first) {
        return Some((&input[first.len_utf8()..], MarkerStyle::Circled, n));
    }
    if let Some(inner) = open_paren(input) {
        // `（ 一 ）`: spaces inside the brackets, from justified PDF lines.
        let inner = skip_spaces(inner);
        if let Ok((rest, n)) = chinese_numeral(inner) {
            return Some((close_paren(skip_spaces(rest))?, MarkerStyle::ChineseParen, n));
        }
        let (rest, n) = short_arabic(inner)?;
        return Some((close_paren(skip_spaces(rest))?, MarkerStyle::ArabicParen, n));
    }
    if let Ok((rest, n)) = chinese_numeral(input) {
        // `一 、总体情况`: a space before the 顿号 (PDF extraction of justified headings).
        if let Some(after) = skip_spaces(rest).strip_prefix('、') {
            return Some((after, MarkerStyle::ChineseComma, n));
        }
        // `四．政府…` / `五. 存在…`: a dot for the 顿号, seen in real reports next to `一、`.
        return Some((after_dot(rest)?, MarkerStyle::ChineseComma, n));
    }
    let (rest, n) = short_arabic(input)?;
    if let Some(rest) = rest.strip_prefix('、') {
        return Some((rest, MarkerStyle::ArabicComma, n));
    }
    Some((after_dot(rest)?, MarkerStyle::ArabicDot, n))
}

/// The text after a `.`/`．` that ends a marker; `None` when there is no dot or a digit
/// follows it (`1.5`: a decimal number).
fn after_dot(rest: &str) -> Option<&str> {
    let dot = rest.chars().next()?;
    if fold_char(dot) != '.' {
        return None;
    }
    let after = &rest[dot.len_utf8()..];
    if after.chars().next().is_some_and(|c| fold_char(c).is_ascii_digit()) {
        return None;
    }
    Some(after)
}

/// One or two Arabic digits (a three-digit "ordinal" is a number in the text, not a marker).
fn short_arabic(input: &str) -> Option<(&str, u64)> {
    let (rest, n) = arabic_number(input).ok()?;
    let digits = input[..input.len() - rest.len()].chars().count();
    (digits <= 2).then_some((rest, n))
}

fn circled(c: char) -> Option<u64> {
    matches!(c, '\u{2460}'..='\u{2473}').then(|| c as u64 - 0x2460 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use MarkerStyle::*;

    #[test]
    fn heading_marker_table() {
        let ok: &[(&str, MarkerStyle, u32, &str, &str)] = &[
            ("一、总体情况", ChineseComma, 1, "一、", "总体情况"),
            (" 三、x", ChineseComma, 3, "", ""), // leading space: rejected below, caller trims
            ("十一、x", ChineseComma, 11, "十一、", "x"),
            ("（一）主动公开", ChineseParen, 1, "（一）", "主动公开"),
            ("(一)政府", ChineseParen, 1, "(一)", "政府"),
            ("(二) 改进", ChineseParen, 2, "(二)", "改进"),
            ("（三)混合", ChineseParen, 3, "（三)", "混合"),
            ("1.属于", ArabicDot, 1, "1.", "属于"),
            ("1．属于", ArabicDot, 1, "1．", "属于"),
            ("2、重复", ArabicComma, 2, "2、", "重复"),
            ("（1）甲", ArabicParen, 1, "（1）", "甲"),
            ("(12)乙", ArabicParen, 12, "(12)", "乙"),
            ("１２、丙", ArabicComma, 12, "１２、", "丙"),
            ("①丁", Circled, 1, "①", "丁"),
            ("⑳戊", Circled, 20, "⑳", "戊"),
            ("一、\u{3000}总体", ChineseComma, 1, "一、", "总体"),
            ("一、 总体情况", ChineseComma, 1, "一、", "总体情况"),
            ("一 、总体情况", ChineseComma, 1, "一 、", "总体情况"),
            ("二\u{3000}、主动", ChineseComma, 2, "二\u{3000}、", "主动"),
            ("四．政府", ChineseComma, 4, "四．", "政府"),
            ("五. 存在", ChineseComma, 5, "五.", "存在"),
            ("（ 一 ）主动", ChineseParen, 1, "（ 一 ）", "主动"),
        ];
        for &(input, style, ordinal, text, rest) in ok {
            if text.is_empty() {
                assert!(heading_marker(input).is_err(), "{input:?}");
                continue;
            }
            let (r, m) = heading_marker(input).unwrap_or_else(|e| panic!("{input:?}: {e:?}"));
            assert_eq!((m.style, m.ordinal, m.text, r), (style, ordinal, text, rest), "{input:?}");
        }
        for bad in [
            "",
            "一",
            "一是",
            "二是加强",
            "2023年",
            "2023.",
            "123、",
            "1.5",
            "（一",
            "(一]",
            "零、",
            "（0）",
            "百、",
            "是、",
            "—",
            "(",
            "一百、",
            "一.5",
            "二〇二三.",
            "一是.",
            "一\n、",
        ] {
            assert!(heading_marker(bad).is_err(), "{bad:?} should be rejected");
        }
    }
}
