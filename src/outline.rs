//! The section tree: which lines are headings, at which level, and where the table regions are.
//!
//! Levels come from the order in which marker styles appear (a stack, as in Markdown setext
//! headings), not from a fixed marker→level table: most reports go `一、` → `（一）` → `1.`,
//! but some use `（一）` directly under the title, and legacy reports mix styles freely.
//!
//! What is *not* a heading, and why:
//! - `一是…二是…` enumerations: no marker (`是` is not `、`), so [`heading_marker`] rejects them.
//! - Table row labels (`一、本年新收…`, `(一) 予以公开`, `1.属于国家秘密`): once a table has
//!   started inside a section that holds one, only the next level-1 heading ends it; and
//!   [`crate::table::is_table_line`] lines are never headings.
//! - Out-of-sequence markers: a `一、` after `三、` is not a new section (ordinals must grow
//!   by 1, or by 2 with a `heading-out-of-order` warning for a skipped number).
//! - The intro sentence listing the six titles: a line whose text also holds the next marker of
//!   the same style (`一、总体情况；二、主动公开…`).
//! - Wrapped prose that happens to start with a marker (sample 004, section 七: `（一）加大
//!   学习、宣传、培训工作力度，提高公众对政` runs on for four lines): a line as wide as the
//!   document's wrap width with no title terminator is not a heading, unless its wording is a
//!   level-1 section title.

use crate::layout::{width, Line, LineKind};
use crate::parsers::{
    fold_compact, fold_text, format_chinese_numeral, heading_marker, MarkerStyle,
};
use crate::table::is_table_line;
use crate::{Code, Diagnostic, ParseError, ParseOptions, SectionKind, Span};

/// The longest heading title accepted, in characters. The longest official level-1 title,
/// `因政府信息公开工作被申请行政复议、提起行政诉讼情况`, has 24; 40 leaves room for local
/// wording without taking sentences for titles.
const MAX_TITLE_CHARS: usize = 40;

/// A heading line, placed in the tree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Heading {
    /// Index of its line.
    pub(crate) line: usize,
    /// 1-based depth.
    pub(crate) level: usize,
    /// The ordinal of the marker.
    pub(crate) number: u32,
    /// The marker as written.
    pub(crate) marker: String,
    /// Title, normalized, without marker and trailing terminator.
    pub(crate) title: String,
    /// Marker and title (for a run-in heading: through the terminator).
    pub(crate) heading_span: Span,
    /// For a run-in heading, the rest of its line (trimmed), which starts the first paragraph.
    pub(crate) run_in: Option<Span>,
    /// Level-1 only: the section kind from the wording.
    pub(crate) kind: Option<SectionKind>,
    /// Level-1 table sections: the first and last line of the table region.
    pub(crate) table_lines: Option<(usize, usize)>,
}

/// A heading candidate found on one line, before sequence checks.
struct Candidate {
    style: MarkerStyle,
    ordinal: u32,
    marker: String,
    title: String,
    heading_span: Span,
    run_in: Option<Span>,
}

fn is_title_terminator(c: char) -> bool {
    matches!(c, '。' | '：' | ':')
}

/// Looks at one line: a marker, then a title that ends at `。`/`：`/`:` (run-in heading) or at
/// the end of a line that is not wrapped prose.
fn candidate(input: &str, line: &Line, wrap: Option<usize>) -> Option<Candidate> {
    let text = line.text(input);
    if is_table_line(text) {
        return None;
    }
    let (rest, marker) = heading_marker(text).ok()?;
    if rest.is_empty() {
        return None;
    }
    let marker_span = Span::of_subslice(input, marker.text);
    if let Some(c) = run_in_template_title(input, marker, rest, marker_span) {
        return Some(c);
    }
    let (title_raw, run_in, heading_end) =
        match rest.char_indices().find(|&(_, c)| is_title_terminator(c)) {
            Some((pos, c)) => {
                let body = rest[pos + c.len_utf8()..].trim();
                let head_end = Span::of_subslice(input, &rest[..pos + c.len_utf8()]).end;
                let run_in = (!body.is_empty()).then(|| Span::of_subslice(input, body));
                (&rest[..pos], run_in, head_end)
            }
            None => {
                let title = rest;
                if title.ends_with(['，', '、', '；', ',', ';']) {
                    return None;
                }
                let wrapped = wrap.is_some_and(|w| width(text) + 6 >= w);
                if wrapped && section_kind(title) == SectionKind::Other {
                    return None;
                }
                (rest, None, line.content.end)
            }
        };
    let title = crate::layout::normalize(title_raw);
    if title.is_empty()
        || title.chars().count() > MAX_TITLE_CHARS
        || title.contains(['；', ';'])
        || lists_next_marker(marker.style, marker.ordinal, rest)
    {
        return None;
    }
    Some(Candidate {
        style: marker.style,
        ordinal: marker.ordinal,
        marker: marker.text.to_string(),
        title,
        heading_span: Span::new(marker_span.start, heading_end),
        run_in,
    })
}

/// The six template titles (format.md §1.1), for level-1 headings that run straight into their
/// text with no punctuation (format.md §6.5: `一、总体情况2020年，我区…`).
const TEMPLATE_TITLES: &[&str] = &[
    "总体情况",
    "主动公开政府信息情况",
    "收到和处理政府信息公开申请情况",
    "政府信息公开行政复议、行政诉讼情况",
    "存在的主要问题及改进情况",
    "其他需要报告的事项",
];

/// A `一、` heading whose text is a template title followed directly by a number (a year or
/// a count): the title ends where the template ends.
fn run_in_template_title(
    input: &str,
    marker: crate::parsers::HeadingMarker<'_>,
    rest: &str,
    marker_span: Span,
) -> Option<Candidate> {
    if marker.style != MarkerStyle::ChineseComma {
        return None;
    }
    let title = TEMPLATE_TITLES.iter().find(|t| rest.starts_with(*t))?;
    let body = &rest[title.len()..];
    if !body.chars().next().is_some_and(|c| crate::parsers::fold_char(c).is_ascii_digit()) {
        return None;
    }
    Some(Candidate {
        style: marker.style,
        ordinal: marker.ordinal,
        marker: marker.text.to_string(),
        title: (*title).to_string(),
        heading_span: Span::new(marker_span.start, Span::of_subslice(input, body).start),
        run_in: Some(Span::of_subslice(input, body)),
    })
}

/// Whether `rest` holds the next marker of the same style: the intro sentence that lists the
/// titles (`一、总体情况；二、主动公开政府信息情况；…`) is not a heading.
fn lists_next_marker(style: MarkerStyle, ordinal: u32, rest: &str) -> bool {
    let Some(next) = format_chinese_numeral(u64::from(ordinal) + 1) else { return false };
    let folded = fold_text(rest);
    match style {
        MarkerStyle::ChineseComma => folded.contains(&format!("{next}、")),
        MarkerStyle::ChineseParen => folded.contains(&format!("({next})")),
        _ => false,
    }
}

/// The caption printed above table 三, `（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加
/// 第四项之和）`. It starts the table region when table lines follow it (extra sample 012
/// interleaves it with the column headers); with no table after it (sample 000, where the
/// table was an image) it stays a paragraph.
fn is_table_caption(text: &str) -> bool {
    let compact = fold_compact(text);
    compact.starts_with("(本列数据的勾稽关系")
}

/// What a level-1 section is about, from its wording (format.md §1.3, legacy wording too).
pub(crate) fn section_kind(title: &str) -> SectionKind {
    let t = fold_compact(title);
    let has = |words: &[&str]| words.iter().any(|w| t.contains(w));
    if has(&["其他需要报告", "其他事项", "需要说明的事项", "其他需要说明"]) {
        SectionKind::OtherMatters
    } else if has(&["收费"]) && has(&["减免"]) {
        SectionKind::Fees
    } else if has(&["行政复议", "行政诉讼"]) {
        SectionKind::ReviewsAndLawsuits
    } else if has(&["问题"]) {
        if has(&["改进", "措施", "打算", "方向", "思路", "下步", "下一步", "整改"])
        {
            SectionKind::ProblemsAndImprovements
        } else {
            SectionKind::Problems
        }
    } else if has(&["改进", "今后", "下一步", "下步", "工作打算", "工作计划", "工作思路"])
    {
        SectionKind::Improvements
    } else if has(&["依申请"]) || (has(&["申请"]) && has(&["收到", "处理", "受理"])) {
        SectionKind::Applications
    } else if has(&["主动公开"]) {
        SectionKind::ActiveDisclosure
    } else if has(&["总体", "概述", "概况", "主要做法", "基本情况", "工作情况"]) {
        SectionKind::Overview
    } else {
        SectionKind::Other
    }
}

/// Finds the headings and table regions. `legacy` reports have no table regions.
///
/// # Errors
/// [`ParseError::TooDeep`] when headings nest deeper than the options allow.
pub(crate) fn outline(
    input: &str,
    lines: &[Line],
    wrap: Option<usize>,
    legacy: bool,
    options: &ParseOptions,
    diagnostics: &mut Vec<Diagnostic>,
) -> Result<Vec<Heading>, ParseError> {
    // Only the lines that are candidates, by line index: one slot per line cost ~100 bytes a
    // line, the peak of a parse on the samples with a blank line after every line (issue 5).
    let mut cands: Vec<(usize, Candidate)> = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.kind == LineKind::Text)
        .filter_map(|(i, l)| Some((i, candidate(input, l, wrap)?)))
        .collect();
    // The document starts at its first `一、`; failing that, at the first marker numbered 1.
    // (A `（一）` in an intro must not make `一、` level 2.)
    let first = cands
        .iter()
        .find(|(_, c)| c.style == MarkerStyle::ChineseComma && c.ordinal == 1)
        .or_else(|| cands.iter().find(|(_, c)| c.ordinal == 1))
        .map(|&(i, _)| i);
    let Some(first) = first else { return Ok(Vec::new()) };
    let mut next_cand = 0; // index in `cands` of the first candidate at or after line `i`

    let mut headings: Vec<Heading> = Vec::new();
    let mut stack: Vec<(MarkerStyle, u32)> = Vec::new();
    let mut in_table_section = false;
    let mut table_started = false;
    let mut top: Option<usize> = None; // index in `headings` of the current level-1 section
    let mut caption: Option<usize> = None; // a table caption line waiting for its table
    for (i, line) in lines.iter().enumerate().skip(first) {
        if line.kind != LineKind::Text {
            continue;
        }
        if in_table_section && !table_started && is_table_caption(line.text(input)) {
            caption.get_or_insert(i);
            continue;
        }
        if in_table_section && is_table_line(line.text(input)) {
            table_started = true;
            if let Some(h) = top.and_then(|t| headings.get_mut(t)) {
                let first_line = h.table_lines.map_or(caption.unwrap_or(i), |(f, _)| f);
                h.table_lines = Some((first_line, i));
            }
            continue;
        }
        while cands.get(next_cand).is_some_and(|&(l, _)| l < i) {
            next_cand += 1;
        }
        let Some((_, c)) = cands.get_mut(next_cand).filter(|(l, _)| *l == i) else { continue };
        let position = stack.iter().position(|&(s, _)| s == c.style);
        let level = match position {
            Some(p) => {
                let last = stack[p].1;
                let max_step = if p == 0 { 2 } else { 1 };
                if c.ordinal <= last || c.ordinal > last + max_step {
                    continue;
                }
                if table_started && p != 0 {
                    continue; // a row label inside the table: `(一) 予以公开`
                }
                // Inside a table only a real section title ends it: a wrapped row label such as
                // `四、结转下年` (its `度继续办理` on the next line) is no section.
                if table_started && section_kind(&c.title) == SectionKind::Other {
                    continue;
                }
                if c.ordinal == last + 2 {
                    diagnostics.push(Diagnostic::warning(
                        Code::HeadingOutOfOrder,
                        c.heading_span,
                        format!(
                            "expected heading number {} after {}, found `{}`",
                            last + 1,
                            last,
                            c.marker
                        ),
                    ));
                }
                stack.truncate(p + 1);
                stack[p].1 = c.ordinal;
                p + 1
            }
            None => {
                if c.ordinal != 1 || table_started {
                    continue;
                }
                stack.push((c.style, 1));
                stack.len()
            }
        };
        if level > options.max_heading_depth {
            return Err(ParseError::TooDeep {
                depth: level,
                limit: options.max_heading_depth,
                offset: c.heading_span.start,
            });
        }
        let kind = (level == 1).then(|| section_kind(&c.title));
        if level == 1 {
            in_table_section = !legacy && kind.and_then(SectionKind::table).is_some();
            table_started = false;
            caption = None;
            top = Some(headings.len());
        }
        headings.push(Heading {
            line: i,
            level,
            number: c.ordinal,
            marker: std::mem::take(&mut c.marker),
            title: std::mem::take(&mut c.title),
            heading_span: c.heading_span,
            run_in: c.run_in,
            kind,
            table_lines: None,
        });
    }
    Ok(headings)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::lines;

    fn titles(input: &str, legacy: bool) -> Vec<(usize, String)> {
        let ls = lines(input);
        let wrap = crate::layout::wrap_width(input, &ls);
        let mut d = Vec::new();
        outline(input, &ls, wrap, legacy, &ParseOptions::default(), &mut d)
            .unwrap()
            .into_iter()
            .map(|h| (h.level, format!("{}{}", h.marker, h.title)))
            .collect()
    }

    #[test]
    fn section_kind_table() {
        use SectionKind::*;
        let cases = [
            ("总体情况", Overview),
            ("概述", Overview),
            ("主要做法及成效", Overview),
            ("主动公开政府信息情况", ActiveDisclosure),
            ("行政机关主动公开政府信息情况", ActiveDisclosure),
            ("收到和处理政府信息公开申请情况", Applications),
            ("依申请公开政府信息情况", Applications),
            ("政府信息公开行政复议、行政诉讼情况", ReviewsAndLawsuits),
            ("因政府信息公开申请行政复议、提起行政诉讼的情况", ReviewsAndLawsuits),
            ("申请行政复议和提起行政诉讼情况", ReviewsAndLawsuits),
            ("政府信息公开的收费及减免情况", Fees),
            ("存在的主要问题及改进情况", ProblemsAndImprovements),
            ("当前存在的主要问题及下步改进措施", ProblemsAndImprovements),
            ("存在的主要问题", Problems),
            ("今后的主要工作", Improvements),
            ("其他需要报告的事项", OtherMatters),
            ("政府信息公开情况统计表", Other),
        ];
        for (title, want) in cases {
            assert_eq!(section_kind(title), want, "{title}");
        }
    }

    #[test]
    fn levels_come_from_style_order() {
        let input = "标题\n一、总体情况\n（一）主动公开。正文。\n1.细目\n（二）依申请公开\n二、主动公开政府信息情况\n";
        let got = titles(input, true);
        let want = [
            (1, "一、总体情况"),
            (2, "（一）主动公开"),
            (3, "1.细目"),
            (2, "（二）依申请公开"),
            (1, "二、主动公开政府信息情况"),
        ];
        assert_eq!(got, want.map(|(l, t)| (l, t.to_string())));
    }

    #[test]
    fn not_headings() {
        let input = "一、总体情况\n一是加强领导。二是完善制度。\n四、跳号\n一、重复\n\
                     二、主动公开政府信息情况\n第二十条第（一）项\t\t\n(一) 予以公开\t0\n\
                     三、本年度办理结果\t(一) 予以公开\t0\n三、收到和处理政府信息公开申请情况\n";
        let got = titles(input, false);
        let want = [
            (1, "一、总体情况"),
            (1, "二、主动公开政府信息情况"),
            (1, "三、收到和处理政府信息公开申请情况"),
        ];
        assert_eq!(got, want.map(|(l, t)| (l, t.to_string())));
    }

    #[test]
    fn run_in_headings() {
        let input = "一、总体情况2020年，我区推进公开。\n（一）主动公开。以渠县…\n\
                     (二)政府信息公开申请收费情况:本年度未收费。\n二、主动公开政府信息情况\n";
        let ls = lines(input);
        let hs =
            outline(input, &ls, None, true, &ParseOptions::default(), &mut Vec::new()).unwrap();
        let got: Vec<_> = hs
            .iter()
            .map(|h| {
                (h.title.as_str(), h.run_in.map(|s| s.slice(input)), h.heading_span.slice(input))
            })
            .collect();
        assert_eq!(
            got,
            [
                ("总体情况", Some("2020年，我区推进公开。"), "一、总体情况"),
                ("主动公开", Some("以渠县…"), "（一）主动公开。"),
                (
                    "政府信息公开申请收费情况",
                    Some("本年度未收费。"),
                    "(二)政府信息公开申请收费情况:"
                ),
                ("主动公开政府信息情况", None, "二、主动公开政府信息情况"),
            ]
        );
    }

    #[test]
    fn wrapped_row_label_does_not_end_a_table() {
        let input = "一、总体情况\n三、收到和处理政府信息公开申请情况\n\
                     自然人\t0\n四、结转下年\n度继续办理\t0\n四、政府信息公开行政复议、行政诉讼情况\n";
        let got = titles(input, false);
        let want = [
            (1, "一、总体情况"),
            (1, "三、收到和处理政府信息公开申请情况"),
            (1, "四、政府信息公开行政复议、行政诉讼情况"),
        ];
        assert_eq!(got, want.map(|(l, t)| (l, t.to_string())));
    }

    #[test]
    fn intro_listing_titles_is_not_a_heading() {
        let got = titles("一、总体情况；二、主动公开情况。\n一、总体情况\n", false);
        assert_eq!(got, [(1, "一、总体情况".to_string())]);
    }

    #[test]
    fn too_deep_is_an_error() {
        // Realistic titles: one-character fragments such as `（一）乙` read as pieces of a
        // table label (a vertical group label), so they would not be headings at all.
        let input = "一、总体情况\n（一）主动公开情况\n1.平台建设\n（1）网站建设\n①栏目调整\n";
        let ls = lines(input);
        let opts = ParseOptions::new().max_heading_depth(3);
        let err = outline(input, &ls, None, true, &opts, &mut Vec::new()).unwrap_err();
        assert!(matches!(err, ParseError::TooDeep { depth: 4, limit: 3, .. }));
    }
}
