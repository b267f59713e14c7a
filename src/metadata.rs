//! Report metadata: title, organ, year, edition, publication date, signature.

use crate::layout::{normalize, Line, LineKind};
use crate::parsers::{
    arabic_number, chinese_numeral, date, fold_compact, fold_text, heading_marker,
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
    /// `发布日期:` / `发布时间:` line: its index and date.
    pub(crate) published: Option<(usize, Date)>,
}

/// How many text lines at the top may hold the title. Sample 000 splits it over two lines
/// (organ, then `2023 年政府信息公开工作年度报告`); 002 too; extra 001 has a page number first.
const TITLE_WINDOW: usize = 4;

/// Reads the title and 发布日期 from the first text lines (before any heading marker).
///
/// The title is the run of short lines from the top through the first one that says `报告`
/// (000 and 002 put the organ on its own line). A `发布日期:`/`发布时间:` line may come
/// before or after it (003 has it right after; scraped pages often put it first).
pub(crate) fn front(input: &str, lines: &[Line]) -> Front {
    let mut out = Front::default();
    let top = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.kind == LineKind::Text)
        .map(|(i, _)| i)
        .take(TITLE_WINDOW + 3);
    let mut title_lines = Vec::new();
    let mut title_done = false;
    for i in top {
        let text = lines[i].text(input);
        if let Some(d) = published_date(text) {
            if out.published.is_none() {
                out.published = Some((i, d));
            }
            continue;
        }
        if title_done || title_lines.len() >= TITLE_WINDOW {
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
        crate::layout::join_into(&mut title, lines[i].text(input));
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

/// The date of a `发布日期:` / `发布时间:` line (the label may follow other scraped fields).
fn published_date(text: &str) -> Option<Date> {
    let folded = fold_text(text);
    let at = folded.find("发布日期").or_else(|| folded.find("发布时间"))?;
    let after_label = &folded[at..];
    let colon = after_label.find(':')?;
    let (_, d) = date(after_label[colon + 1..].trim_start()).ok()?;
    Some(d)
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
/// has none: the first `YYYY年1月1日` in the text.
pub(crate) fn year_from_period(input: &str) -> Option<u16> {
    let compact = fold_compact(input);
    let at = compact.find("年1月1日")?;
    let digits = compact.get(at.checked_sub(4)?..at)?;
    digits.parse().ok().filter(|y| (1990..=2100).contains(y))
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

/// How many of the markers of each set occur in `text`, in one pass over it: at each
/// character only the markers whose first character falls in the same of 128 buckets are
/// looked at. (Searching the whole text once per
/// marker, 27 times, was a fifth of a parse's instructions: issue 5.)
fn count_markers<const N: usize>(text: &str, sets: [&[&str]; N]) -> [usize; N] {
    let bucket = |c: char| (u32::from(c) % 128) as usize;
    // (first char, set, marker) for every marker, grouped by bucket of the first char.
    let mut firsts: Vec<(char, usize, usize)> = Vec::new();
    for (k, set) in sets.iter().enumerate() {
        for (j, m) in set.iter().enumerate() {
            if let Some(c) = m.chars().next() {
                firsts.push((c, k, j));
            }
        }
    }
    firsts.sort_unstable_by_key(|&(c, _, _)| bucket(c));
    let mut starts = [0usize; 129]; // bucket b holds firsts[starts[b]..starts[b + 1]]
    for &(c, _, _) in &firsts {
        starts[bucket(c) + 1] += 1;
    }
    for b in 0..128 {
        starts[b + 1] += starts[b];
    }
    let mut found: [Vec<bool>; N] = sets.map(|s| vec![false; s.len()]);
    for (i, c) in text.char_indices() {
        let b = bucket(c);
        for &(first, k, j) in firsts.get(starts[b]..starts[b + 1]).unwrap_or_default() {
            if first == c && !found[k][j] {
                found[k][j] = text.get(i..).is_some_and(|rest| rest.starts_with(sets[k][j]));
            }
        }
    }
    found.map(|hits| hits.iter().filter(|&&h| h).count())
}

/// Decides the edition from the markers of format.md §6.1, then from the year: 2021 format for
/// reports on 2021 onward, 2019 for 2019–2020, legacy before.
pub(crate) fn edition(
    input: &str,
    year: Option<u16>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Edition {
    let compact = fold_compact(input);
    let [c21, c19, legacy] = count_markers(&compact, [MARKERS_2021, MARKERS_2019, MARKERS_LEGACY]);
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
/// heading). Returns the signature and the indices of its lines.
pub(crate) fn signature(
    input: &str,
    lines: &[Line],
    after_line: Option<usize>,
) -> Option<(Signature, Vec<usize>)> {
    let floor = after_line.map_or(0, |l| l + 1);
    let mut texts = (floor..lines.len()).rev().filter(|&i| lines[i].kind == LineKind::Text);
    let date_line = texts.next()?;
    let text = lines[date_line].text(input);
    let (d, same_line_organ) = trailing_date(text)?;
    let mut used = vec![date_line];
    let mut span = lines[date_line].content;
    let mut organ = same_line_organ.map(normalize);
    if organ.is_some() {
        return Some((Signature { organ, date: Some(d), span }, used));
    }
    if let Some(o) = texts.next() {
        let text = lines[o].text(input);
        let sentence = text.contains(['。', '，', '；', ',', ':', '：']);
        if !sentence && text.chars().count() <= 30 && heading_marker(text).is_err() {
            organ = Some(normalize(text));
            used.insert(0, o);
            span = lines[o].content.cover(span);
        }
    }
    Some((Signature { organ, date: Some(d), span }, used))
}

/// Last characters of organ names: 人民政府, 办公室, 公安局, 委员会, 宋村镇, 街道办事处, 中心 …
const ORGAN_ENDINGS: &[char] = &[
    '府', '室', '局', '会', '镇', '乡', '处', '委', '厅', '院', '办', '部', '署', '心', '所', '站',
];

/// A line that ends with a date: the whole line (`2024年1月22日`), or a short organ name and
/// the date (`某镇人民政府 2024年1月22日`). Returns the date and the organ text, if any.
fn trailing_date(text: &str) -> Option<(Date, Option<&str>)> {
    if text.chars().count() > 60 {
        return None; // a sentence, not a signature; also bounds the scan below
    }
    for (i, _) in text.char_indices() {
        let Ok((rest, d)) = date(&text[i..]) else { continue };
        if !rest.trim().is_empty() {
            continue;
        }
        let before = text[..i].trim();
        if before.is_empty() {
            return Some((d, None));
        }
        let organ_like = !before.contains(['。', '，', '；', ',', ':', '：'])
            && before.chars().count() <= 30
            && heading_marker(before).is_err()
            // On the same line as the date, only a name that ends like an organ (…政府, …局,
            // …办公室, …镇) is taken, so that `截至2023年12月31日` is no signature.
            && before.ends_with(ORGAN_ENDINGS);
        return organ_like.then_some((d, Some(before)));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

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
            assert_eq!(count_markers(text, sets), want, "{text}");
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
    }

    #[test]
    fn signature_at_end() {
        let input = "正文。\n\n威海市文登区宋村镇人民政府\n\n2024年1月22日\n\n";
        let ls = crate::layout::lines(input);
        let (sig, used) = signature(input, &ls, None).unwrap();
        assert_eq!(sig.organ.as_deref(), Some("威海市文登区宋村镇人民政府"));
        assert_eq!(sig.date, Date::new(2024, 1, 22));
        assert_eq!(used, [2, 4]);
        let no_date = "正文。\n没有日期\n";
        assert!(signature(no_date, &crate::layout::lines(no_date), None).is_none());
        let one = "正文。\n某镇人民政府 2024年1月22日\n- 6 -\n";
        let (sig, used) = signature(one, &crate::layout::lines(one), None).unwrap();
        assert_eq!((sig.organ.as_deref(), used), (Some("某镇人民政府"), vec![1]));
        let sentence = "截至2023年12月31日\n";
        assert!(signature(sentence, &crate::layout::lines(sentence), None).is_none());
    }

    #[test]
    fn front_finds_title_and_published_in_either_order() {
        let input =
            "发布时间：2024年1月25日\n某县人民政府\n2023年政府信息公开工作年度报告\n正文。\n";
        let f = front(input, &crate::layout::lines(input));
        assert_eq!(f.title, "某县人民政府2023年政府信息公开工作年度报告");
        assert_eq!(f.title_lines, [1, 2]);
        assert_eq!(f.published.map(|(i, d)| (i, d.to_string())), Some((0, "2024-01-25".into())));
        let none = "本报告由某办公室编制。\n一、总体情况\n";
        assert_eq!(front(none, &crate::layout::lines(none)).title, "");
    }
}
