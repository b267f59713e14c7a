//! Chinese numerals (`二十`, `一百零五`, `二〇二三`) and Arabic numbers in either width.

use super::{fail, Expected, PResult};

fn digit_value(c: char) -> Option<u64> {
    Some(match c {
        '〇' | '零' | 'Ｏ' => 0,
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

fn unit_value(c: char) -> Option<u64> {
    Some(match c {
        '十' => 10,
        '百' => 100,
        '千' => 1000,
        '万' => 10_000,
        _ => return None,
    })
}

/// Whether `c` can be part of a Chinese numeral (a digit or a unit character).
pub(crate) fn is_numeral_char(c: char) -> bool {
    digit_value(c).is_some() || unit_value(c).is_some()
}

/// Reads a positional digit string such as `二〇二三` (no unit characters).
fn positional(s: &str) -> Option<u64> {
    let mut n: u64 = 0;
    for c in s.chars() {
        if c == '两' {
            return None; // 两 is never a positional digit: `两〇二三` is no year
        }
        n = n.checked_mul(10)?.checked_add(digit_value(c)?)?;
    }
    Some(n)
}

/// Reads a numeral written with units: `十五`, `一百零五`, `两千`, `三万零四十`, `一百五` (= 150).
fn with_units(s: &str) -> Option<u64> {
    let mut total: u64 = 0; // the part already multiplied by 万
    let mut section: u64 = 0; // below 万
    let mut pending: Option<u64> = None; // a digit waiting for its unit
    let mut last_unit: u64 = u64::MAX; // units must fall within a section: 千 > 百 > 十
    let mut after_zero = false;
    let mut seen_wan = false;
    for c in s.chars() {
        if let Some(d) = digit_value(c) {
            if pending.is_some() {
                return None; // two digits in a row: `一二十`
            }
            if d == 0 && c != '两' {
                after_zero = true;
                continue;
            }
            pending = Some(d);
        } else if let Some(u) = unit_value(c) {
            if u == 10_000 {
                if seen_wan {
                    return None;
                }
                seen_wan = true;
                section += pending.take().unwrap_or(0);
                if section == 0 {
                    return None; // a bare `万`
                }
                total = section * 10_000;
                section = 0;
                last_unit = 10_000;
                after_zero = false;
                continue;
            }
            if u >= last_unit {
                return None; // `十百`, `百百`
            }
            let d = match pending.take() {
                Some(d) => d,
                None if u == 10 => 1, // `十五`, `一百一十` written `一百十`
                None => return None,  // a bare `百`
            };
            section += d * u;
            last_unit = u;
            after_zero = false;
        } else {
            return None;
        }
    }
    if let Some(d) = pending {
        // `一百五` is 150 and `两万三` is 23000: a digit right after a unit (no 零) means the next
        // unit down. After 零 (`一百零五`) or at the start it is the ones digit.
        let scale =
            if after_zero || last_unit == u64::MAX || last_unit == 10 { 1 } else { last_unit / 10 };
        section += d * scale;
    }
    Some(total + section)
}

/// A Chinese numeral: the longest run of `〇 零 一 二 两 三 四 五 六 七 八 九 十 百 千 万`, read
/// either positionally when it has no unit character (`二〇二三` = 2023, `一` = 1) or with
/// units (`二十` = 20, `十五` = 15, `一百零五` = 105, `两千` = 2000, `三万零四十` = 30040).
/// Range: 0..=99 999 999 (no 亿).
///
/// ```
/// use gov_info_disclosure::parsers::chinese_numeral;
/// assert_eq!(chinese_numeral("二十、"), Ok(("、", 20)));
/// assert_eq!(chinese_numeral("二〇二三年"), Ok(("年", 2023)));
/// assert_eq!(chinese_numeral("一百零五"), Ok(("", 105)));
/// // Rejected: no numeral at all, or a malformed one.
/// assert!(chinese_numeral("是").is_err());
/// assert!(chinese_numeral("十十").is_err());
/// assert!(chinese_numeral("百").is_err());
/// ```
pub fn chinese_numeral(input: &str) -> PResult<'_, u64> {
    let end = input
        .char_indices()
        .find(|&(_, c)| digit_value(c).is_none() && unit_value(c).is_none())
        .map_or(input.len(), |(i, _)| i);
    if end == 0 {
        return fail(input, Expected::ChineseNumeral);
    }
    let run = &input[..end];
    let value = if run.chars().any(|c| unit_value(c).is_some()) {
        with_units(run)
    } else {
        positional(run)
    };
    match value {
        Some(v) if v <= 99_999_999 => Ok((&input[end..], v)),
        _ => fail(input, Expected::ChineseNumeral),
    }
}

/// Writes `n` (0..=99 999 999) as a Chinese numeral with units, the way reports number things:
/// `十五`, `一百零五`, `一万零五百`. Returns `None` above the range.
/// [`chinese_numeral`] reads every output back to `n`.
///
/// ```
/// use gov_info_disclosure::parsers::{chinese_numeral, format_chinese_numeral};
/// assert_eq!(format_chinese_numeral(15).as_deref(), Some("十五"));
/// assert_eq!(format_chinese_numeral(10_500).as_deref(), Some("一万零五百"));
/// let s = format_chinese_numeral(98_765_432).unwrap();
/// assert_eq!(chinese_numeral(&s), Ok(("", 98_765_432)));
/// assert_eq!(format_chinese_numeral(100_000_000), None);
/// ```
pub fn format_chinese_numeral(n: u64) -> Option<String> {
    const DIGITS: [char; 10] = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
    const UNITS: [&str; 4] = ["千", "百", "十", ""];
    if n > 99_999_999 {
        return None;
    }
    if n == 0 {
        return Some("零".to_string());
    }
    // One group of four digits, with 零 for inner gaps; `lead` says whether a higher group
    // was written (then a group below 1000 starts with 零: 一万零五百).
    fn group(out: &mut String, g: u64, lead: bool) {
        let digits = [g / 1000, g / 100 % 10, g / 10 % 10, g % 10];
        let mut zero = lead && g < 1000;
        for (i, &d) in digits.iter().enumerate() {
            if d == 0 {
                if !out.is_empty() || lead {
                    zero = zero || digits[i + 1..].iter().any(|&x| x != 0);
                }
                continue;
            }
            if zero && !out.ends_with('零') {
                out.push('零');
            }
            zero = false;
            // The leading 一十 of a whole number is written 十 (十五, 十万).
            if !(d == 1 && i == 2 && out.is_empty()) {
                out.push(DIGITS[d as usize]);
            }
            out.push_str(UNITS[i]);
        }
    }
    // Room for five characters (`九百九十九`): any number below 1000 is written without
    // regrowing the string (the outline formats one per heading candidate).
    let mut out = String::with_capacity(16);
    let (high, low) = (n / 10_000, n % 10_000);
    if high > 0 {
        group(&mut out, high, false);
        out.push('万');
    }
    if low > 0 {
        group(&mut out, low, high > 0);
    }
    Some(out)
}

/// An Arabic number of at most 9 digits, ASCII (`0`–`9`) or full-width (`０`–`９`), mixed
/// widths allowed.
///
/// ```
/// use gov_info_disclosure::parsers::arabic_number;
/// assert_eq!(arabic_number("12、"), Ok(("、", 12)));
/// assert_eq!(arabic_number("２０２３年"), Ok(("年", 2023)));
/// assert!(arabic_number("年").is_err());
/// assert!(arabic_number("1234567890").is_err()); // too long to be an ordinal or a date part
/// ```
pub fn arabic_number(input: &str) -> PResult<'_, u64> {
    let mut n: u64 = 0;
    let mut end = 0;
    let mut count = 0;
    for (i, c) in input.char_indices() {
        let d = match c {
            '0'..='9' => c as u64 - '0' as u64,
            '０'..='９' => c as u64 - '０' as u64,
            _ => break,
        };
        n = n * 10 + d;
        count += 1;
        end = i + c.len_utf8();
        if count > 9 {
            return fail(input, Expected::AtMostNineDigits);
        }
    }
    if count == 0 {
        return fail(input, Expected::Digits);
    }
    Ok((&input[end..], n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_numeral_table() {
        let ok: &[(&str, u64, &str)] = &[
            ("一", 1, ""),
            ("九、", 9, "、"),
            ("十", 10, ""),
            ("十五", 15, ""),
            ("二十", 20, ""),
            ("二十一）", 21, "）"),
            ("一百", 100, ""),
            ("一百零五", 105, ""),
            ("一百一十", 110, ""),
            ("一百五", 150, ""),
            ("两千", 2000, ""),
            ("两万三", 23_000, ""),
            ("二〇二三", 2023, ""),
            ("二零一八年", 2018, "年"),
            ("三万零四十", 30_040, ""),
            ("十万", 100_000, ""),
            ("九千九百九十九万九千九百九十九", 99_999_999, ""),
            ("〇", 0, ""),
        ];
        for &(input, want, rest) in ok {
            assert_eq!(chinese_numeral(input), Ok((rest, want)), "{input}");
        }
        for bad in ["", "是", "a一", "十十", "百", "万", "一二十", "十百", "万万", "两〇二三"]
        {
            assert!(chinese_numeral(bad).is_err(), "{bad} should be rejected");
        }
    }

    #[test]
    fn format_table() {
        let cases: &[(u64, &str)] = &[
            (0, "零"),
            (1, "一"),
            (10, "十"),
            (11, "十一"),
            (20, "二十"),
            (101, "一百零一"),
            (110, "一百一十"),
            (1001, "一千零一"),
            (1010, "一千零一十"),
            (10_000, "一万"),
            (10_500, "一万零五百"),
            (100_000, "十万"),
            (110_000, "十一万"),
            (1_000_001, "一百万零一"),
            (20_030_400, "二千零三万零四百"),
        ];
        for &(n, want) in cases {
            assert_eq!(format_chinese_numeral(n).as_deref(), Some(want), "{n}");
        }
    }

    #[test]
    fn round_trip_sampled() {
        // Every value below 20 000, then a stride across the whole range.
        let values = (0..20_000u64).chain((0..=99_999_999u64).step_by(9_973)).chain([99_999_999]);
        for n in values {
            let s = format_chinese_numeral(n).unwrap_or_default();
            assert_eq!(chinese_numeral(&s), Ok(("", n)), "{n} -> {s}");
        }
    }

    #[test]
    fn arabic_number_table() {
        assert_eq!(arabic_number("1."), Ok((".", 1)));
        assert_eq!(arabic_number("１2"), Ok(("", 12)));
        assert_eq!(arabic_number("123456789"), Ok(("", 123_456_789)));
        for bad in ["", "a1", "一", "1234567890"] {
            assert!(arabic_number(bad).is_err(), "{bad}");
        }
    }
}
