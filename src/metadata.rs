//! Report metadata: title, organ, year, edition, publication date, signature.

use crate::layout::{normalize, strip_markdown, Line, LineKind};
use crate::parsers::{
    arabic_number, chinese_numeral, compact_chars, compact_ends_with, compact_starts_with,
    date_fields, fold, heading_marker, is_ignorable,
};
use crate::{Code, Date, Diagnostic, Edition, Signature, Span};

/// What the top of the report says.
#[derive(Debug, Clone, Default)]
pub(crate) struct Front {
    /// The title, lines joined and normalized (empty when none was found).
    pub(crate) title: String,
    /// Indices of the title lines.
    pub(crate) title_lines: Vec<usize>,
    /// The title lines' text.
    pub(crate) title_span: Option<Span>,
    /// The organ named before the year in the title.
    pub(crate) organ: Option<String>,
    /// The year named in the title.
    pub(crate) year: Option<u16>,
    /// `发布日期:` / `发布时间:` line: its index and date (`None` when the date is invalid,
    /// reported as `invalid-date`).
    pub(crate) published: Option<(usize, Option<Date>)>,
}

/// How many text lines at the top may hold the title. Sample 000 splits it over two lines
/// (organ, then `2023 年政府信息公开工作年度报告`); 002 too; extra 001 has a page number first.
const TITLE_WINDOW: usize = 4;

/// Reads the title and 发布日期 from the first text lines (before any heading marker).
///
/// The title is the run of short lines from the top through the first one that says `报告`
/// (000 and 002 put the organ on its own line). A `发布日期:`/`发布时间:` line may come
/// before or after it (003 has it right after; scraped pages often put it first).
/// Markdown decoration (`# 标题`, `**标题**`) is not part of the title text; the title span
/// still covers it.
pub(crate) fn front(input: &str, lines: &[Line], diagnostics: &mut Vec<Diagnostic>) -> Front {
    let mut out = Front::default();
    // Scraped pages put `label：value` fields (索引号, 发布机构, 成文日期, 文号 …) above the
    // title; they do not count towards the window and are never title lines.
    let mut budget = TITLE_WINDOW + 3;
    let top = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.kind == LineKind::Text)
        .take(MAX_FIELD_LINES + TITLE_WINDOW + 3)
        .take_while(|(_, l)| {
            let field = is_field_line(l.text(input));
            let take = field || budget > 0;
            budget = budget.saturating_sub(usize::from(!field));
            take
        })
        .map(|(i, _)| i);
    let mut title_lines = Vec::new();
    let mut title_done = false;
    for i in top {
        // The whole line: in `**发布日期：** 2024-01-25` the date is outside the bold.
        if let Some(d) = published_date(input, lines[i].text(input)) {
            if out.published.is_none() {
                let date = match d {
                    Ok(date) => Some(date),
                    Err(invalid) => {
                        diagnostics.push(invalid);
                        None
                    }
                };
                out.published = Some((i, date));
            } else if !title_done {
                // A second 发布日期 line stays a paragraph, so the title lines before it cannot
                // be joined with lines after it (the title span would cover the paragraph).
                title_lines.clear();
            }
            continue;
        }
        if title_done || title_lines.len() >= TITLE_WINDOW {
            continue;
        }
        let text = strip_markdown(lines[i].text(input)).0;
        if is_field_line(text) {
            if !title_done {
                title_lines.clear(); // a field line between title lines ends the run
            }
            continue;
        }
        let sentence = text.ends_with('。')
            || text.contains(['，', ','])
            || text.starts_with("本报告")
            || text.starts_with("根据");
        if heading_marker(text).is_ok() || text.chars().count() > 50 || sentence {
            title_lines.clear();
            title_done = true; // no title at the top; keep looking for 发布日期 only
            continue;
        }
        title_lines.push(i);
        title_done = text.contains("报告");
    }
    if !title_done || title_lines.is_empty() {
        return out;
    }
    let mut title = String::new();
    for &i in &title_lines {
        crate::layout::join_into(&mut title, strip_markdown(lines[i].text(input)).0);
    }
    let (first, last) = (title_lines[0], title_lines[title_lines.len() - 1]);
    out.title_span = Some(lines[first].content.cover(lines[last].content));
    let (organ, year) = organ_and_year(&title);
    out.title = title;
    out.title_lines = title_lines;
    out.organ = organ;
    out.year = year;
    out
}

/// How many `label：value` field lines may precede the title (a government page has up to
/// about ten: 索引号, 主题分类, 发布机构, 成文日期, 文号, 发布日期, 有效性 …).
const MAX_FIELD_LINES: usize = 12;

/// A scraped metadata field: a short label (2–6 characters, no punctuation) then a colon,
/// `索引号：11500231…`, `发布机构: 某县人民政府`.
///
/// Only the first characters are read: the label ends at the first character that is not
/// alphanumeric, which must be the colon (after spaces, if any). Scanning each line whole for
/// a colon was a third of [`front`]'s cost (issue 5).
fn is_field_line(text: &str) -> bool {
    let mut chars = text.chars().skip_while(|c| c.is_whitespace()).peekable();
    let mut label = 0;
    while chars.next_if(|&c| is_ideograph(c) || c.is_alphanumeric()).is_some() {
        label += 1;
        if label > 6 {
            return false;
        }
    }
    let colon = chars.find(|c| !c.is_whitespace()).is_some_and(|c| matches!(c, '：' | ':'));
    colon && label >= 2 && text.chars().count() <= 80
}

/// Whether `c` is a CJK Unified Ideograph (U+4E00–U+9FFF), all of which are alphanumeric
/// (tested): a label is mostly ideographs, and `char::is_alphanumeric` looks each one up in
/// the Unicode tables, most of [`is_field_line`]'s cost.
fn is_ideograph(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c)
}

/// The date of a `发布日期:` / `发布时间:` line (the label may follow other scraped fields), or
/// an `invalid-date` diagnostic when it is shaped like a date but is none (`2023年2月30日`).
/// `None` when the line is no such line. `text` is a sub-slice of `input`.
fn published_date(input: &str, text: &str) -> Option<Result<Date, Diagnostic>> {
    // Folding never makes an ideograph and only drops ignorables between them, so a line
    // without `发布日期` or `发布时间` (ignorables allowed between) is no such line: most lines,
    // some of them long paragraphs with `发展`, `发挥` or `发布`, are rejected without the
    // folded copy and its map (which cost 10 000 instructions for a paragraph line).
    let is_label = |(i, fa): (usize, &str)| {
        let mut after = text.get(i + fa.len()..).unwrap_or_default().chars();
        let mut next = || after.find(|&c| !is_ignorable(c));
        next() == Some('布')
            && matches!((next(), next()), (Some('日'), Some('期')) | (Some('时'), Some('间')))
    };
    if !text.match_indices('发').any(is_label) {
        return None;
    }
    published_date_folded(input, text)
}

/// [`published_date`] without its prefilter: the label is searched in a folded copy.
fn published_date_folded(input: &str, text: &str) -> Option<Result<Date, Diagnostic>> {
    let folded = fold(text);
    let f = folded.text.as_str();
    let at = f.find("发布日期").or_else(|| f.find("发布时间"))?;
    let colon = at + f[at..].find(':')? + 1;
    // Spaces and Markdown emphasis between the label and the date (`**发布日期：** 2024…`).
    let after_colon = f[colon..].trim_start_matches(|c: char| c.is_whitespace() || c == '*');
    let start = f.len() - after_colon.len();
    let (rest, fields) = date_fields(&f[start..]).ok()?;
    let end = f.len() - rest.len();
    let base = Span::of_subslice(input, text).start;
    let span = Span::new(base + folded.original_offset(start), base + folded.original_offset(end));
    Some(checked_date(input, span, fields))
}

/// A date's `(year, month, day)` as written, before the calendar check.
type DateFields = (u64, u64, u64);

/// The [`Date`] of parsed fields, or an `invalid-date` warning at `span`.
fn checked_date(input: &str, span: Span, (y, m, d): DateFields) -> Result<Date, Diagnostic> {
    let date = match (u16::try_from(y), u8::try_from(m), u8::try_from(d)) {
        (Ok(y), Ok(m), Ok(d)) => Date::new(y, m, d),
        _ => None,
    };
    date.ok_or_else(|| {
        Diagnostic::warning(
            Code::InvalidDate,
            span,
            format!(
                "expected a calendar date, found `{}` (year {y}, month {m}, day {d})",
                span.slice(input)
            ),
        )
    })
}

/// Splits a title at its year: `垫江县周嘉镇人民政府2023年…` → (`垫江县周嘉镇人民政府`, 2023).
/// The year is 4 Arabic digits or a positional Chinese numeral (`二〇二三`) followed by `年`.
pub(crate) fn organ_and_year(title: &str) -> (Option<String>, Option<u16>) {
    for (i, _) in title.char_indices() {
        let rest = &title[i..];
        let parsed = arabic_number(rest).or_else(|_| chinese_numeral(rest));
        let Ok((after, n)) = parsed else { continue };
        if !(1990..=2100).contains(&n) || !after.trim_start().starts_with('年') {
            continue;
        }
        let organ = title[..i].trim();
        let organ = (!organ.is_empty()).then(|| organ.to_string());
        return (organ, u16::try_from(n).ok());
    }
    (None, None)
}

/// The year from a statistics-period sentence (`统计期限自 2023 年 1 月 1 日`), when the title
/// has none: the first `YYYY年1月1日` in the text, folded and with spaces dropped (so the four
/// characters before `年` must be digits). Matched in place, without a folded copy of the text.
pub(crate) fn year_from_period(input: &str) -> Option<u16> {
    let (at, _) =
        input.match_indices('年').find(|&(i, _)| compact_starts_with(&input[i..], "年1月1日"))?;
    // The four compact characters before `年`, last first.
    let mut before = compact_chars(&input[..at]).rev();
    let mut year = 0;
    for place in [1, 10, 100, 1000] {
        year += before.next()?.to_digit(10)? * place;
    }
    u16::try_from(year).ok().filter(|y| (1990..=2100).contains(y))
}

// Edition markers, format.md §6.1. Matched on folded text with spaces removed, so
// `〔2021〕30 号` (sample 001) and `第二十条第(九)项` match.
const MARKERS_2021: &[&str] = &[
    "2021〕30号",
    "2021]30号",
    "2021)30号",
    "2021】30号",
    "本年制发件数",
    "本年废止件数",
    "现行有效件数",
    "本年收费金额",
    "逾期未按收费通知要求缴纳费用",
];
const MARKERS_2019: &[&str] = &[
    "2019〕60号",
    "2019]60号",
    "2019)60号",
    "2019】60号",
    "本年新制作数量",
    "本年新公开数量",
    "对外公开总数量",
    "上一年项目数量",
    "本年增/减",
    "其他对外管理服务事项",
    "第二十条第(九)项",
    "政府集中采购",
    "采购总金额",
];
const MARKERS_LEGACY: &[&str] = &["收费及减免", "历年累计", "指标名称", "否决公开"];

/// How many of the markers of each set occur in `text` once it is folded and its spaces are
/// dropped ([`fold_compact`](crate::parsers::fold_compact): `〔2021〕30 号` matches `2021〕30号`),
/// without copying `text`.
///
/// Every marker holds a CJK ideograph, its anchor, which folding neither changes nor drops and
/// no other character folds to, and which PDF spacing cannot split: the folded text holds the
/// marker exactly where the anchor occurs with the marker's text before it and after it
/// (compared on folded characters, spaces skipped). Each anchor is found with `memchr`'s SIMD
/// substring search, and only its occurrences are looked at. A scalar pass that looked at
/// every character cost 15 instructions per input byte, a seventh of a parse (issue 5). The
/// search costs about half an instruction per byte and anchor, whatever the anchor (its
/// prefilter takes the UTF-8 lead bytes of CJK for rare, which they are not in Chinese
/// text), so the anchors are chosen to be few ([`ANCHORS`]); one byte search per anchor on
/// its last byte, or `aho-corasick` over all anchors at once, measured worse.
fn count_markers(text: &str) -> [usize; 3] {
    let index = MarkerIndex::get();
    let mut found: Vec<bool> = index.markers.iter().map(|_| false).collect();
    for (finder, markers) in &index.by_anchor {
        for start in finder.find_iter(text.as_bytes()) {
            // A match of a whole character starts and ends on character boundaries.
            let (before, after) = (&text[..start], &text[start + finder.needle().len()..]);
            for &i in markers {
                let m = &index.markers[i];
                found[i] = found[i]
                    || (compact_starts_with(after, m.after) && compact_ends_with(before, m.before));
            }
            if markers.iter().all(|&i| found[i]) {
                break;
            }
        }
    }
    let mut counts = [0; 3];
    for (m, &hit) in index.markers.iter().zip(&found) {
        counts[m.set] += usize::from(hit);
    }
    counts
}

/// The anchors of the edition markers, chosen so that few anchors cover all 26 markers (each
/// anchor is one search pass over the text) and none is common in report text (each
/// occurrence is compared): counted over the samples and extra samples, `外`, `否`, `采`, `指`
/// occur at most 31 times in 28 KB, `号` 20, `年` 182 (but anchors 8 markers), where `公`
/// would have been 564. A marker's anchor is the first of its characters in this list.
const ANCHORS: &[char] = &['号', '年', '件', '费', '外', '项', '采', '指', '否'];

/// An edition marker split at its anchor.
struct Marker {
    /// 0: [`MARKERS_2021`], 1: [`MARKERS_2019`], 2: [`MARKERS_LEGACY`].
    set: usize,
    before: &'static str,
    after: &'static str,
}

/// The edition markers grouped by anchor; built once per process.
struct MarkerIndex {
    markers: Vec<Marker>,
    /// A searcher for each anchor, with the markers it anchors.
    by_anchor: Vec<(memchr::memmem::Finder<'static>, Vec<usize>)>,
}

impl MarkerIndex {
    fn get() -> &'static MarkerIndex {
        static INDEX: std::sync::OnceLock<MarkerIndex> = std::sync::OnceLock::new();
        INDEX.get_or_init(MarkerIndex::new)
    }

    fn new() -> MarkerIndex {
        let mut markers = Vec::new();
        let mut by_anchor: Vec<(memchr::memmem::Finder<'static>, Vec<usize>)> = Vec::new();
        for (set, texts) in [MARKERS_2021, MARKERS_2019, MARKERS_LEGACY].into_iter().enumerate() {
            for &text in texts {
                // Every marker has an anchor (tested); one without would never be found.
                let Some((at, anchor)) = marker_anchor(text) else { continue };
                let end = at + anchor.len_utf8();
                let anchor = &text[at..end];
                match by_anchor.iter_mut().find(|(f, _)| f.needle() == anchor.as_bytes()) {
                    Some((_, ms)) => ms.push(markers.len()),
                    None => by_anchor.push((
                        memchr::memmem::Finder::new(anchor.as_bytes()),
                        vec![markers.len()],
                    )),
                }
                markers.push(Marker { set, before: &text[..at], after: &text[end..] });
            }
        }
        MarkerIndex { markers, by_anchor }
    }
}

/// A marker's anchor and its byte offset: the first of its characters in [`ANCHORS`], else
/// its first ideograph.
fn marker_anchor(marker: &str) -> Option<(usize, char)> {
    let ideographs = || marker.char_indices().filter(|&(_, c)| is_anchor(c));
    ideographs().find(|(_, c)| ANCHORS.contains(c)).or_else(|| ideographs().next())
}

/// A CJK Unified Ideograph: unchanged by folding, and no other character folds to it.
fn is_anchor(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c)
}

/// Decides the edition from the markers of format.md §6.1, then from the year: 2021 format for
/// reports on 2021 onward, 2019 for 2019–2020, legacy before.
pub(crate) fn edition(
    input: &str,
    year: Option<u16>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Edition {
    let [c21, c19, legacy] = count_markers(input);
    let by_year = match year {
        Some(y) if y >= 2021 => Edition::Format2021,
        Some(y) if y >= 2019 => Edition::Format2019,
        Some(_) => Edition::Legacy,
        None => Edition::Unknown,
    };
    match (c21 > 0, c19 > 0) {
        (true, false) => Edition::Format2021,
        (false, true) => Edition::Format2019,
        (true, true) => {
            let chosen = match by_year {
                Edition::Format2019 => Edition::Format2019,
                _ => Edition::Format2021,
            };
            diagnostics.push(Diagnostic::warning(
                Code::EditionUnclear,
                Span::new(0, 0),
                format!(
                    "expected the markers of one format edition, found {c21} of the 2021 format \
                     and {c19} of the 2019 format; chose {chosen:?}"
                ),
            ));
            chosen
        }
        (false, false) if legacy > 0 && by_year != Edition::Format2021 => Edition::Legacy,
        (false, false) => by_year,
    }
}

/// 落款: an organ line and a date line at the very end (blank lines and page numbers between
/// are allowed), or a date line alone. Only lines after `after_line` are considered (the last
/// heading). Returns the signature and the indices of its lines. A date line whose date is
/// invalid (`2023年2月30日`) still makes a signature, with no date and an `invalid-date`
/// warning. Markdown decoration (`**某镇人民政府**`) is not part of the organ.
pub(crate) fn signature(
    input: &str,
    lines: &[Line],
    after_line: Option<usize>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<(Signature, Vec<usize>)> {
    let floor = after_line.map_or(0, |l| l + 1);
    let mut texts = (floor..lines.len()).rev().filter(|&i| lines[i].kind == LineKind::Text);
    let date_line = texts.next()?;
    let text = strip_markdown(lines[date_line].text(input)).0;
    let (date_text, fields, same_line_organ) = trailing_date(text)?;
    let d = match checked_date(input, Span::of_subslice(input, date_text), fields) {
        Ok(d) => Some(d),
        Err(invalid) => {
            diagnostics.push(invalid);
            None
        }
    };
    let mut used = vec![date_line];
    let mut span = lines[date_line].content;
    let mut organ = same_line_organ.map(normalize);
    if organ.is_some() {
        return Some((Signature { organ, date: d, span }, used));
    }
    if let Some(o) = texts.next() {
        let text = strip_markdown(lines[o].text(input)).0;
        let sentence = text.contains(['。', '，', '；', ',', ':', '：']);
        if !sentence && text.chars().count() <= 30 && heading_marker(text).is_err() {
            organ = Some(normalize(text));
            used.insert(0, o);
            span = lines[o].content.cover(span);
        }
    }
    Some((Signature { organ, date: d, span }, used))
}

/// Last characters of organ names: 人民政府, 办公室, 公安局, 委员会, 宋村镇, 街道办事处, 中心 …
const ORGAN_ENDINGS: &[char] = &[
    '府', '室', '局', '会', '镇', '乡', '处', '委', '厅', '院', '办', '部', '署', '心', '所', '站',
];

/// A line that ends with a date: the whole line (`2024年1月22日`), or a short organ name and
/// the date (`某镇人民政府 2024年1月22日`). Returns the date's text and fields (not yet
/// checked against the calendar) and the organ text, if any.
fn trailing_date(text: &str) -> Option<(&str, DateFields, Option<&str>)> {
    if text.chars().count() > 60 {
        return None; // a sentence, not a signature; also bounds the scan below
    }
    for (i, _) in text.char_indices() {
        let Ok((rest, d)) = date_fields(&text[i..]) else { continue };
        if !rest.trim().is_empty() {
            continue;
        }
        let date_text = &text[i..text.len() - rest.len()];
        let before = text[..i].trim();
        if before.is_empty() {
            return Some((date_text, d, None));
        }
        let organ_like = !before.contains(['。', '，', '；', ',', ':', '：'])
            && before.chars().count() <= 30
            && heading_marker(before).is_err()
            // On the same line as the date, only a name that ends like an organ (…政府, …局,
            // …办公室, …镇) is taken, so that `截至2023年12月31日` is no signature.
            && before.ends_with(ORGAN_ENDINGS);
        return organ_like.then_some((date_text, d, Some(before)));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_marker_has_a_listed_anchor() {
        for m in [MARKERS_2021, MARKERS_2019, MARKERS_LEGACY].concat() {
            let anchor = marker_anchor(m).map(|(_, c)| c);
            assert!(anchor.is_some_and(|c| ANCHORS.contains(&c)), "{m}");
        }
        let index = MarkerIndex::get();
        assert_eq!(index.markers.len(), MARKERS_2021.len() + MARKERS_2019.len() + 4);
    }

    #[test]
    fn count_markers_agrees_with_contains() {
        let sets: [&[&str]; 3] = [MARKERS_2021, MARKERS_2019, MARKERS_LEGACY];
        for text in [
            "",
            "国办公开办函〔2021〕30号本年制发件数本年制发件数",
            "2019]60号第二十条第(九)项政府集中采购收费及减免",
            "本年增/减本年新公开数量否决公开历年累计",
            "政府信息公开工作年度报告2023年",
        ] {
            let want = sets.map(|ms| ms.iter().filter(|m| text.contains(*m)).count());
            assert_eq!(count_markers(text), want, "{text}");
        }
    }

    proptest::proptest! {
        #[test]
        fn published_date_prefilter_keeps_every_date(
            v in proptest::collection::vec(proptest::sample::select(vec![
                "发", "布", "日", "期", "时", "间", "\u{200B}", "\u{FEFF}", " ", "：", ":", "**",
                "2024", "年", "1", "月", "25", "-", "发展", "a",
            ]), 0..14)
        ) {
            let s = v.concat();
            proptest::prop_assert_eq!(published_date(&s, &s), published_date_folded(&s, &s));
        }
    }

    #[test]
    fn ideographs_are_alphanumeric() {
        assert!(('\u{4E00}'..='\u{9FFF}').all(char::is_alphanumeric));
    }

    /// The implementation that searched the whole line for the colon (issue 5), as the oracle.
    fn is_field_line_reference(text: &str) -> bool {
        let Some((pos, _)) = text.char_indices().find(|&(_, c)| matches!(c, '：' | ':')) else {
            return false;
        };
        let label = text[..pos].trim();
        let n = label.chars().count();
        (2..=6).contains(&n)
            && label.chars().all(char::is_alphanumeric)
            && text.chars().count() <= 80
    }

    proptest::proptest! {
        #[test]
        fn is_field_line_agrees_with_the_reference(
            v in proptest::collection::vec(proptest::sample::select(vec![
                "索引号", "发布机构", "a", "1", "１", " ", "\u{3000}", "\t", "：", ":", "，", "-",
                "号", "政府信息公开工作年度报告", "*", "#",
            ]), 0..12)
        ) {
            let s = v.concat();
            proptest::prop_assert_eq!(is_field_line(&s), is_field_line_reference(&s));
        }
    }

    /// The implementations that matched on a folded copy of the whole input (issue 5), as
    /// oracles.
    fn count_markers_reference<const N: usize>(text: &str, sets: [&[&str]; N]) -> [usize; N] {
        let compact = crate::parsers::fold_compact(text);
        sets.map(|ms| ms.iter().filter(|m| compact.contains(*m)).count())
    }

    fn year_from_period_reference(input: &str) -> Option<u16> {
        let compact = crate::parsers::fold_compact(input);
        let at = compact.find("年1月1日")?;
        let digits = compact.get(at.checked_sub(4)?..at)?;
        digits.parse().ok().filter(|y| (1990..=2100).contains(y))
    }

    proptest::proptest! {
        #[test]
        fn in_place_matching_agrees_with_the_folded_copy(
            v in proptest::collection::vec(proptest::sample::select(vec![
                "2021", "２０２１", "2019", "〕", "]", "30", "６０", "60", "号", " ", "\u{3000}",
                "\u{FEFF}", "\u{200B}", "\n", "本年", "制发", "件数", "第二十条", "第", "（九）",
                "(九)", "项", "收费及减免", "否决", "公开", "年", "1", "１", "月", "日", "+", "0",
                "政府集中", "采购", "本年增", "/", "／", "减", "一", "〔2021〕30 号", "本年制 发件数",
                "历年累计", "２０２３ 年 １ 月 １ 日", "é", "😀", "２", "）", "】", "］", "号号",
                "其他对外管理服务事项", "逾期未按收费通知要求缴纳费用", "现行有效", "指标名称",
            ]), 0..24)
        ) {
            let s = v.concat();
            let sets: [&[&str]; 3] = [MARKERS_2021, MARKERS_2019, MARKERS_LEGACY];
            proptest::prop_assert_eq!(count_markers(&s), count_markers_reference(&s, sets));
            proptest::prop_assert_eq!(year_from_period(&s), year_from_period_reference(&s));
        }
    }

    #[test]
    fn organ_and_year_table() {
        let cases: &[(&str, Option<&str>, Option<u16>)] = &[
            (
                "垫江县周嘉镇人民政府2023年政府信息公开工作年度报告",
                Some("垫江县周嘉镇人民政府"),
                Some(2023),
            ),
            ("卷硐镇2023年政府信息公开工作年度报告", Some("卷硐镇"), Some(2023)),
            ("宜就镇2018年度政府信息公开年度报告", Some("宜就镇"), Some(2018)),
            ("2023年政府信息公开工作年度报告", None, Some(2023)),
            ("某县二〇二三年政府信息公开工作年度报告", Some("某县"), Some(2023)),
            ("政府信息公开工作年度报告", None, None),
            ("第711号", None, None),
        ];
        for &(title, organ, year) in cases {
            assert_eq!(organ_and_year(title), (organ.map(str::to_string), year), "{title}");
        }
    }

    #[test]
    fn edition_from_markers_and_year() {
        let mut d = Vec::new();
        assert_eq!(edition("（国办公开办函〔2021〕30 号）", None, &mut d), Edition::Format2021);
        assert_eq!(edition("本年新制作数量", Some(2020), &mut d), Edition::Format2019);
        assert_eq!(
            edition("四、政府信息公开的收费及减免情况", Some(2018), &mut d),
            Edition::Legacy
        );
        assert_eq!(edition("", Some(2023), &mut d), Edition::Format2021);
        assert_eq!(edition("", Some(2020), &mut d), Edition::Format2019);
        assert_eq!(edition("", None, &mut d), Edition::Unknown);
        assert!(d.is_empty());
        assert_eq!(edition("本年制发件数 本年新制作数量", Some(2020), &mut d), Edition::Format2019);
        assert_eq!(d.len(), 1);
    }

    #[test]
    fn year_from_period_sentence() {
        assert_eq!(year_from_period("统计期限自 2023 年 1 月 1 日起"), Some(2023));
        assert_eq!(year_from_period("没有"), None);
        assert_eq!(year_from_period("自２０\u{200B}２３ 年 １月1日起"), Some(2023));
        assert_eq!(year_from_period("自一2023年1月1日，又2024年1月1日"), Some(2023));
        // Only the first `年1月1日` counts, as with the folded copy.
        assert_eq!(year_from_period("自23年1月1日，又2024年1月1日"), None);
        assert_eq!(year_from_period("自+202年1月1日"), None);
    }

    #[test]
    fn signature_at_end() {
        let input = "正文。\n\n威海市文登区宋村镇人民政府\n\n2024年1月22日\n\n";
        let ls = crate::layout::lines(input);
        let (sig, used) = signature(input, &ls, None, &mut Vec::new()).unwrap();
        assert_eq!(sig.organ.as_deref(), Some("威海市文登区宋村镇人民政府"));
        assert_eq!(sig.date, Date::new(2024, 1, 22));
        assert_eq!(used, [2, 4]);
        let no_date = "正文。\n没有日期\n";
        assert!(signature(no_date, &crate::layout::lines(no_date), None, &mut Vec::new()).is_none());
        let one = "正文。\n某镇人民政府 2024年1月22日\n- 6 -\n";
        let (sig, used) =
            signature(one, &crate::layout::lines(one), None, &mut Vec::new()).unwrap();
        assert_eq!((sig.organ.as_deref(), used), (Some("某镇人民政府"), vec![1]));
        let sentence = "截至2023年12月31日\n";
        assert!(
            signature(sentence, &crate::layout::lines(sentence), None, &mut Vec::new()).is_none()
        );
    }

    #[test]
    fn invalid_dates_are_reported() {
        let input = "发布日期：2024年2月30日\n# 某县2023年政府信息公开工作年度报告\n正文。\n\
                     **某县人民政府**\n2024年13月5日\n";
        let ls = crate::layout::lines(input);
        let mut d = Vec::new();
        let f = front(input, &ls, &mut d);
        assert_eq!(f.title, "某县2023年政府信息公开工作年度报告");
        assert_eq!(f.title_lines, [1]);
        assert_eq!(f.published, Some((0, None)));
        let (sig, used) = signature(input, &ls, None, &mut d).unwrap();
        assert_eq!(
            (sig.organ.as_deref(), sig.date, used),
            (Some("某县人民政府"), None, vec![3, 4])
        );
        let found: Vec<_> = d.iter().map(|x| (x.code, x.span.slice(input))).collect();
        assert_eq!(
            found,
            [(Code::InvalidDate, "2024年2月30日"), (Code::InvalidDate, "2024年13月5日")]
        );
        // A second 发布日期 line inside the title run breaks it (found by the outline proptest).
        let two = "发布日期：2024年2月3日\n某县\n发布日期：2024年2月3日\n2023年政府信息公开工作年度报告\n";
        let f = front(two, &crate::layout::lines(two), &mut Vec::new());
        assert_eq!(
            (f.title.as_str(), f.title_lines.as_slice()),
            ("2023年政府信息公开工作年度报告", &[3][..])
        );
        // Scraped page fields above the title are neither title nor window.
        let page = "索引号：115002/2024-001\n主题分类：政务公开\n发布机构：某县人民政府\n\
                    成文日期：2024年1月20日\n文号：无\n有效性：有效\n发布日期：2024年1月25日\n\
                    某县人民政府\n2023年政府信息公开工作年度报告\n本报告依据条例编制。\n";
        let f = front(page, &crate::layout::lines(page), &mut Vec::new());
        assert_eq!(f.title, "某县人民政府2023年政府信息公开工作年度报告");
        assert_eq!((f.title_lines.as_slice(), f.published.map(|p| p.0)), (&[7, 8][..], Some(6)));
        // Markdown emphasis around the label.
        let md = "# 某县2023年政府信息公开工作年度报告\n**发布日期：** 2024-01-25\n";
        let f = front(md, &crate::layout::lines(md), &mut Vec::new());
        assert_eq!(f.published, Some((1, Date::new(2024, 1, 25))));
        // Full-width digits: the span maps back through the folding.
        let wide = "发布时间： ２０２３－０２－２９\n标题报告\n";
        let mut d = Vec::new();
        let f = front(wide, &crate::layout::lines(wide), &mut d);
        assert_eq!(f.published, Some((0, None)));
        assert_eq!(d[0].span.slice(wide), "２０２３－０２－２９");
    }

    #[test]
    fn front_finds_title_and_published_in_either_order() {
        let input =
            "发布时间：2024年1月25日\n某县人民政府\n2023年政府信息公开工作年度报告\n正文。\n";
        let f = front(input, &crate::layout::lines(input), &mut Vec::new());
        assert_eq!(f.title, "某县人民政府2023年政府信息公开工作年度报告");
        assert_eq!(f.title_lines, [1, 2]);
        let published = f.published.map(|(i, d)| (i, d.map(|d| d.to_string())));
        assert_eq!(published, Some((0, Some("2024-01-25".into()))));
        // An ignorable inside the label still makes it one (folding drops it).
        let zw = "发\u{200B}布日期：2024年1月25日\n某县2023年政府信息公开工作年度报告\n";
        let f = front(zw, &crate::layout::lines(zw), &mut Vec::new());
        assert_eq!(f.published, Some((0, Date::new(2024, 1, 25))));
        let none = "本报告由某办公室编制。\n一、总体情况\n";
        assert_eq!(front(none, &crate::layout::lines(none), &mut Vec::new()).title, "");
    }
}
