//! Dates: `2024年1月22日`, `2018 年 12 月 30 日`, `二〇二四年一月二十二日`, `2024-01-25 16:46:14`.

use super::{arabic_number, chinese_numeral, fail, fold_char, skip_spaces, Expected, PResult};
use crate::Date;

fn number(input: &str) -> PResult<'_, u64> {
    match arabic_number(input) {
        Ok(found) => Ok(found),
        Err(_) => chinese_numeral(input),
    }
}

fn unit(input: &str, unit: char) -> Option<&str> {
    skip_spaces(input).strip_prefix(unit).map(skip_spaces)
}

fn dash(input: &str) -> Option<&str> {
    let c = input.chars().next()?;
    matches!(fold_char(c), '-' | '/' | '.').then(|| &input[c.len_utf8()..])
}

/// A calendar date.
///
/// Rule: `Y 年 M 月 D 日` with optional spaces around each part (PDF extraction puts them
/// there: `2018 年 12 月 30 日`), numbers Arabic in either width or Chinese (`二〇二四年一月
/// 二十二日`); or `YYYY-MM-DD` (also with `/` or `.`), optionally followed by a time
/// `HH:MM[:SS]`, which is consumed and dropped. The year has 4 digits. Invalid calendar dates
/// are rejected.
///
/// ```
/// use gov_info_disclosure::{parsers::date, Date};
/// assert_eq!(date("2024年1月22日"), Ok(("", Date::new(2024, 1, 22).unwrap())));
/// assert_eq!(date("2018 年 12 月 30 日止"), Ok(("止", Date::new(2018, 12, 30).unwrap())));
/// assert_eq!(date("2024-01-25 16:46:14"), Ok(("", Date::new(2024, 1, 25).unwrap())));
/// assert_eq!(date("二〇二四年一月二十二日").unwrap().1.to_string(), "2024-01-22");
/// // Rejected: no day, an impossible date, a two-digit year.
/// assert!(date("2024年1月").is_err());
/// assert!(date("2023年2月30日").is_err());
/// assert!(date("24-01-25").is_err());
/// ```
pub fn date(input: &str) -> PResult<'_, Date> {
    let (rest, (year, month, day)) = date_fields(input)?;
    match (u16::try_from(year), u8::try_from(month), u8::try_from(day)) {
        (Ok(y), Ok(m), Ok(d)) => match Date::new(y, m, d) {
            Some(date) => Ok((rest, date)),
            None => fail(input, Expected::Date),
        },
        _ => fail(input, Expected::Date),
    }
}

/// The shape of a [`date`] without the calendar check: `(year, month, day)` as written, the
/// year with 4 digits. `2023年2月30日` parses here and fails in [`date`]; the metadata uses the
/// difference to report an `invalid-date` instead of silently skipping a 发布日期 or 落款.
pub(crate) fn date_fields(input: &str) -> PResult<'_, (u64, u64, u64)> {
    let Ok((rest, year)) = number(input) else {
        return fail(input, Expected::Date);
    };
    if !(1000..=9999).contains(&year) {
        return fail(input, Expected::Date);
    }
    let (rest, month, day) = if let Some(r) = unit(rest, '年') {
        let Some((r, month)) = number(r).ok().and_then(|(r, m)| Some((unit(r, '月')?, m))) else {
            return fail(input, Expected::Date);
        };
        let Some((r, day)) = number(r).ok().and_then(|(r, d)| {
            let r = skip_spaces(r);
            let c = r.chars().next()?;
            matches!(c, '日' | '号').then(|| (&r[c.len_utf8()..], d))
        }) else {
            return fail(input, Expected::Date);
        };
        (r, month, day)
    } else if let Some(r) = dash(rest) {
        let Some((r, month)) = arabic_number(r).ok().and_then(|(r, m)| Some((dash(r)?, m))) else {
            return fail(input, Expected::Date);
        };
        let Ok((r, day)) = arabic_number(r) else {
            return fail(input, Expected::Date);
        };
        (time(r), month, day)
    } else {
        return fail(input, Expected::Date);
    };
    Ok((rest, (year, month, day)))
}

/// Consumes an optional ` HH:MM[:SS]` after a numeric date; returns the input unchanged when
/// there is none.
fn time(input: &str) -> &str {
    let r = skip_spaces(input);
    let Ok((r, _)) = arabic_number(r) else { return input };
    let Some(mut r) = r.strip_prefix(':').or_else(|| r.strip_prefix('：')) else { return input };
    for _ in 0..2 {
        let Ok((after, _)) = arabic_number(r) else { break };
        r = after;
        match after.strip_prefix(':').or_else(|| after.strip_prefix('：')) {
            Some(next) if arabic_number(next).is_ok() => r = next,
            _ => break,
        }
    }
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_table() {
        let ok: &[(&str, (u16, u8, u8), &str)] = &[
            ("2024年1月22日", (2024, 1, 22), ""),
            ("2018 年 12 月 30 日", (2018, 12, 30), ""),
            ("２０２４年１月２２日。", (2024, 1, 22), "。"),
            ("二〇一八年十二月三十日", (2018, 12, 30), ""),
            ("2024-01-25 16:46:14", (2024, 1, 25), ""),
            ("2024-01-25 16:46", (2024, 1, 25), ""),
            ("2024-01-25", (2024, 1, 25), ""),
            ("2024/1/5 x", (2024, 1, 5), " x"),
            ("2024.12.31", (2024, 12, 31), ""),
            ("2024年1月22号", (2024, 1, 22), ""),
            ("2024-02-29", (2024, 2, 29), ""),
        ];
        for &(input, (y, m, d), rest) in ok {
            let want = Date::new(y, m, d).unwrap();
            assert_eq!(date(input), Ok((rest, want)), "{input}");
        }
        for bad in [
            "",
            "年",
            "2024年",
            "2024年1月",
            "2024年13月1日",
            "2023-02-29",
            "24-01-25",
            "2024-1",
            "12345年1月1日",
            "2024 1 22",
            "2024年1月99日",
        ] {
            assert!(date(bad).is_err(), "{bad} should be rejected");
        }
        // Shaped like a date, but not one: the fields parse, the date does not.
        for invalid in ["2024年13月1日", "2023-02-29", "2024年1月99日", "2023年2月30日"] {
            assert!(date(invalid).is_err() && date_fields(invalid).is_ok(), "{invalid}");
        }
        for not_a_date in ["2024年1月", "24-01-25", "12345年1月1日", "2024 1 22"] {
            assert!(date_fields(not_a_date).is_err(), "{not_a_date}");
        }
    }
}
