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
//! - A table of contents (`一、…` `二、…` `三、…` on consecutive lines, then the body's `一、`).
//! - Markdown table rows (`| 规章 | 1 |`): table lines inside sections 二/三/四.
//!
//! What *is* a heading beyond `marker title`: Markdown decoration around it (`## 一、总体情况`,
//! `**（一）主动公开。**正文`; excluded from marker and title, covered by the span); marker
//! variants (`四．`, `一 、`); an exact template title alone on a line with no marker
//! (`总体情况`, docs/format.md §1.3); a title run into its text (`一、总体情况2020年，…`, `（一）主动
//! 公开情况我局…`, `（二）改进举措 一是…`: [`glued_title_end`]), or into its table
//! (`四、…行政诉讼情况 行政复议 行政诉讼 …`: the table region then starts after the title);
//! a marker alone on its line with the title on the next; a long title wrapped onto a short
//! next line (`…提起行政` / `诉讼情况`).

use std::cell::OnceCell;

use crate::layout::{ends_paragraph, strip_markdown, Line, LineKind};
use crate::parsers::{
    compact_starts_with, fold_char, fold_compact, format_chinese_numeral, heading_marker,
    is_ignorable, is_space, MarkerStyle,
};
use crate::table::is_table_line;
use crate::template::{SUBTITLE_STEMS, SUBTITLE_SUFFIXES, TEMPLATE_TITLES, UNNUMBERED_TITLES};
use crate::text::width::width;
use crate::{Code, Diagnostic, ParseError, ParseOptions, SectionKind, Span, TableKind};

/// The longest heading title accepted, in characters. The longest official level-1 title,
/// `因政府信息公开工作被申请行政复议、提起行政诉讼情况`, has 24; 40 leaves room for local
/// wording without taking sentences for titles.
const MAX_TITLE_CHARS: usize = 40;

/// The longest title with a comma in it that a space may end (`强化领导，落实责任`).
const MAX_COMMA_TITLE_CHARS: usize = 16;

/// A heading line, placed in the tree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Heading {
    /// Index of its line.
    pub(crate) line: usize,
    /// Index of its last line: `line`, or the next line when the title wraps onto it
    /// (`四、因政府信息公开工作被申请行政复议、提起行政` / `诉讼情况`).
    pub(crate) last_line: usize,
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
    /// The run-in text is the start of the section's table, not a paragraph
    /// (`四、政府信息公开行政复议、行政诉讼情况 行政复议 行政诉讼 …`): the table region, whose
    /// first line is then the heading's line, starts at `run_in`.
    pub(crate) run_in_table: bool,
    /// Level-1 only: the section kind from the wording.
    pub(crate) kind: Option<SectionKind>,
    /// The first and last line of the table region this heading's section holds, and which
    /// table it is. Usually a level-1 table section; a subsection when the table follows a
    /// sub-heading (`二、主动公开政府信息情况` / `（一）主动公开规章情况` / table), since the
    /// subsection's span covers the table.
    pub(crate) table_lines: Option<(usize, usize, TableKind)>,
}

/// A heading candidate found on one line, before sequence checks.
#[derive(Clone)]
struct Candidate {
    /// The marker style; `None` for an unnumbered level-1 title (`总体情况` alone on a line).
    style: Option<MarkerStyle>,
    ordinal: u32,
    marker: String,
    title: String,
    heading_span: Span,
    run_in: Option<Span>,
    /// The line is a table line that starts with this heading (see [`candidate`]): if the
    /// heading is not taken, the line belongs to the table.
    glued_table: bool,
    /// `section_kind(title)`, computed on first use: the outline asks it up to four times per
    /// candidate, and each ask folds the title and scans it for ~40 words.
    kind: OnceCell<SectionKind>,
}

impl Candidate {
    fn kind(&self) -> SectionKind {
        *self.kind.get_or_init(|| section_kind(&self.title))
    }
}

fn is_title_terminator(c: char) -> bool {
    matches!(c, '。' | '：' | ':')
}

/// A Markdown table row (`| 规章 | 1 |`, `|---|---|`), as PDF→Markdown converters write the
/// tables. `crate::table::is_table_line` knows tabs and row labels, not pipes, so the outline
/// checks pipes itself: such a line is never a heading and, inside sections 二/三/四, belongs
/// to the table region.
fn is_markdown_table_row(text: &str) -> bool {
    let (core, _) = strip_markdown(text);
    core.starts_with(['|', '｜'])
}

/// Looks at one line: a marker, then a title that ends at `。`/`：`/`:` (run-in heading) or at
/// the end of a line that is not wrapped prose; failing a marker, an unnumbered template title.
/// Markdown decoration (`## `, `**…**`, `> `) is not part of the marker or title, but the
/// heading span covers it.
///
/// `full_is_table` receives `is_table_line` of the whole line when this computes it, so that
/// the outline does not compute it a second time for lines inside table sections.
fn candidate(
    input: &str,
    line: &Line,
    wrap: Option<usize>,
    full_is_table: &mut Option<bool>,
) -> Option<Candidate> {
    let full = line.text(input);
    let (text, after) = strip_markdown(full);
    if text.starts_with(['|', '｜']) {
        return None; // a Markdown table row (`is_markdown_table_row`)
    }
    // Most lines are prose with no marker and not one of the few unnumbered titles: they are
    // no candidate whatever `is_table_line` says, so that costliest test of a line runs only
    // on lines that could be headings.
    let marker = heading_marker(text);
    if marker.is_err() && !could_be_unnumbered(text) {
        return None;
    }
    // A bare marker (`一、` alone) looks like a fragment of a vertical table label to
    // `is_table_line` (`三`/`、`/`本`… in extra-samples 001); whether it is a heading is
    // decided by the line after it (`bare_marker_title`), which must not be a table line.
    // `**一、**总体情况`: only the marker is bold, so judge the marker and title together.
    let marker_only = marker.as_ref().is_ok_and(|(rest, _)| rest.is_empty());
    let after_text = after.trim_start_matches(char::is_whitespace);
    let bare = marker_only && after_text.is_empty();
    // Only a `一、` or `（一）` alone may take its title from the next line: any other bare
    // marker (`1.` alone) is no candidate, whatever `is_table_line` says of it.
    let section_bare = marker.as_ref().is_ok_and(|(_, m)| {
        matches!(m.style, MarkerStyle::ChineseComma | MarkerStyle::ChineseParen)
    });
    if bare && !section_bare {
        return None;
    }
    let table_like = if marker_only && !bare {
        is_table_line(&format!("{text}{after_text}"))
    } else {
        // `text` is a sub-slice of `full`: of the same length, it is `full` (no Markdown), and
        // is_table_line need not run twice.
        let full_table = is_table_line(full);
        *full_is_table = Some(full_table);
        full_table || (text.len() != full.len() && is_table_line(text))
    };
    let Ok((rest, marker)) = marker else {
        return if table_like { None } else { unnumbered(line, text) };
    };
    // `**一、**总体情况`: only the marker is bold; the title is what follows the `**`.
    let (rest, after) = if rest.is_empty() {
        (after.trim_start_matches(char::is_whitespace), &after[after.len()..])
    } else {
        (rest, after)
    };
    if rest.is_empty() {
        // `一、` alone on its line: the title may be on the next one (see `bare_marker_title`).
        let bare = matches!(marker.style, MarkerStyle::ChineseComma | MarkerStyle::ChineseParen);
        return bare.then(|| Candidate {
            style: Some(marker.style),
            ordinal: marker.ordinal,
            marker: marker.text.to_string(),
            title: String::new(),
            heading_span: line.content,
            run_in: None,
            glued_table: false,
            kind: OnceCell::new(),
        });
    }
    // What follows a closing `**` on the line: `**一、总体情况**2020年，…`.
    let tail = after.trim_start_matches(|c: char| c.is_whitespace() || is_title_terminator(c));
    let tail = (!tail.is_empty()).then(|| Span::of_subslice(input, tail));
    let after_start = Span::of_subslice(input, after).start;
    // Only the section markers: `1.`/`（1）` items are list items far more often than
    // headings, and keep the plain rule (title to a terminator or the end of the line).
    let section_style =
        matches!(marker.style, MarkerStyle::ChineseComma | MarkerStyle::ChineseParen);
    let glued = if tail.is_none() && section_style { glued_title_end(rest) } else { None };
    if !bare && table_like {
        // A table line that starts with a heading: `四、政府信息公开行政复议、行政诉讼情况 行政复议
        // 行政诉讼 结果维持…`, `五、信息处理费收取情况通知收取件数…000` (extra-samples 101, 102:
        // the table glued to its heading). Only a level-1 marker and a title that ends like
        // one: row labels (`四、结转下年度继续办理 0000000`, `（一）予以公开 3000003`) end with
        // no title ending, and a `（X）` row is a table line.
        glued.filter(|_| marker.style == MarkerStyle::ChineseComma)?;
    }
    if let Some((title_end, body_start)) = glued {
        let title = crate::layout::normalize(&rest[..title_end]);
        let body = rest[body_start..].trim_end();
        if title.is_empty()
            || title.chars().count() > MAX_TITLE_CHARS
            || (table_like && (!ends_like_title(&title) || is_table_line(&title)))
            || lists_next_marker(marker.style, marker.ordinal, rest)
        {
            return None;
        }
        return Some(Candidate {
            style: Some(marker.style),
            ordinal: marker.ordinal,
            marker: marker.text.to_string(),
            title,
            heading_span: Span::new(
                line.content.start,
                Span::of_subslice(input, &rest[..title_end]).end,
            ),
            run_in: Some(Span::of_subslice(input, body)),
            glued_table: table_like,
            kind: OnceCell::new(),
        });
    }
    if !bare && table_like {
        return None;
    }
    let (title_raw, run_in, heading_end) =
        match rest.char_indices().find(|&(_, c)| is_title_terminator(c)) {
            Some((pos, c)) => {
                let body = rest[pos + c.len_utf8()..].trim();
                let head_end = Span::of_subslice(input, &rest[..pos + c.len_utf8()]).end;
                match (body.is_empty(), tail) {
                    (false, None) => (&rest[..pos], Some(Span::of_subslice(input, body)), head_end),
                    (false, Some(t)) => {
                        let body = Span::of_subslice(input, body);
                        (&rest[..pos], Some(Span::new(body.start, t.end)), head_end)
                    }
                    (true, Some(t)) => (&rest[..pos], Some(t), after_start),
                    (true, None) => (&rest[..pos], None, line.content.end),
                }
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
                match tail {
                    Some(t) => (rest, Some(t), after_start),
                    None => (rest, None, line.content.end),
                }
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
        style: Some(marker.style),
        ordinal: marker.ordinal,
        marker: marker.text.to_string(),
        title,
        heading_span: Span::new(line.content.start, heading_end),
        run_in,
        glued_table: false,
        kind: OnceCell::new(),
    })
}

/// A line that is exactly one of [`UNNUMBERED_TITLES`]: a level-1 heading with no marker.
/// Whether it stands alone (not the tail of a wrapped sentence) is checked by the caller.
fn unnumbered(line: &Line, text: &str) -> Option<Candidate> {
    if text.chars().count() > MAX_TITLE_CHARS {
        return None;
    }
    let compact = fold_compact(text);
    let compact = compact.trim_end_matches(['。', ':']);
    let &(_, ordinal) = UNNUMBERED_TITLES.iter().find(|(t, _)| *t == compact)?;
    let title = crate::layout::normalize(text.trim_end_matches(['。', '：', ':']));
    Some(Candidate {
        style: None,
        ordinal,
        marker: String::new(),
        title,
        heading_span: line.content,
        run_in: None,
        glued_table: false,
        kind: OnceCell::new(),
    })
}

/// A cheap test before [`unnumbered`]: every title of [`UNNUMBERED_TITLES`] starts with one of
/// these characters (after folding and space removal, which leave CJK characters as they are).
fn could_be_unnumbered(text: &str) -> bool {
    let first = text.trim_start_matches(|c: char| is_space(c) || is_ignorable(c));
    first.starts_with(['总', '政', '主', '行', '收', '因', '存', '其'])
}

/// The byte length of the longest prefix of `text` that reads `word` once folded, spaces and
/// ignorable characters inside `text` skipped (`总 体 情 况` reads `总体情况`).
fn folded_prefix_len(text: &str, word: &str) -> Option<usize> {
    let mut want = word.chars().peekable();
    for (i, c) in text.char_indices() {
        let Some(&w) = want.peek() else { return Some(i) };
        if is_ignorable(c) || (is_space(c) && i > 0) {
            continue;
        }
        if fold_char(c) != w {
            return None;
        }
        want.next();
    }
    want.peek().is_none().then_some(text.len())
}

/// The end (in bytes) of the longest known title that `rest` starts with: a level-1 title of
/// [`TEMPLATE_TITLES`] / [`UNNUMBERED_TITLES`] or a sub-title of section 一.
/// Also says whether that title is a level-1 one.
fn known_title_prefix(rest: &str) -> Option<(usize, bool)> {
    // Only the titles that start with the text's first character are compared.
    let first = rest.chars().find(|&c| !is_space(c) && !is_ignorable(c)).map(fold_char);
    let starts = |t: &str| t.chars().next() == first;
    let level1 = TEMPLATE_TITLES.iter().chain(UNNUMBERED_TITLES.iter().map(|(t, _)| t));
    let level1 = level1.filter(|t| starts(t));
    let mut best = level1.filter_map(|t| folded_prefix_len(rest, t)).max().map(|e| (e, true));
    for stem in SUBTITLE_STEMS.iter().filter(|t| starts(t)) {
        let Some(end) = folded_prefix_len(rest, stem) else { continue };
        let with_suffix =
            SUBTITLE_SUFFIXES.iter().filter_map(|s| folded_prefix_len(&rest[end..], s)).max();
        let end = end + with_suffix.unwrap_or(0);
        if best.is_none_or(|(b, _)| end > b) {
            best = Some((end, false));
        }
    }
    // A space the match skipped at its end belongs to what follows.
    best.map(|(e, level1)| (rest[..e].trim_end_matches(is_space).len(), level1))
}

/// Whether `text` up to its first clause punctuation is a title by its shape: CJK letters
/// only, within [`MAX_TITLE_CHARS`], ending with a title ending (`主动公开规章和规范性文件
/// 情况。`), so that a sub-title stem at its start (`主动公开`) does not end it.
fn is_title_shaped(text: &str) -> bool {
    let end = text.find(is_clause_punct).unwrap_or(text.len());
    let head = &text[..end];
    head.chars().count() <= MAX_TITLE_CHARS
        && head.chars().all(|c| c.is_alphabetic() && !c.is_ascii())
        && ends_like_title(head)
}

/// Words that continue a title after a title ending or a known title: a conjunction
/// (`存在的主要问题及改进情况`, `总体情况和主要成效`), `的` (`工作情况的说明`), or another
/// title word (`情况说明`, `工作方面`).
fn continues_title(after: &str) -> bool {
    const WORDS: &[&str] = &["的", "工作", "方面", "政府信息"];
    continues_with_conjunction(after)
        || WORDS.iter().chain(TITLE_ENDINGS).any(|w| after.starts_with(w))
}

/// Whether `after` joins more words to a title: `总体情况和主要成效`.
fn continues_with_conjunction(after: &str) -> bool {
    ["和", "及", "与", "暨", "并", "、"].iter().any(|w| after.starts_with(w))
}

/// Punctuation that ends a clause: a title never runs past it.
fn is_clause_punct(c: char) -> bool {
    matches!(fold_char(c), ',' | ';' | '!' | '?' | '。') || is_title_terminator(c)
}

/// Where the title of a heading whose text runs on with no terminator ends (issue 10:
/// `一、总体情况2024年，…`, `（一）主动公开情况我局严格…`, `（二）改进举措 一是…`,
/// `五、信息处理费收取情况通知收取件数…000`): returns the title's end and the start of the
/// run-in text, both byte offsets in `rest` (the text after the marker), or `None` when the
/// title is not followed by such text (it ends at a terminator or with the line).
///
/// The title ends after a known title (template level-1 titles, section 一's sub-titles), at a
/// space between a CJK title and a sentence, or at the first title ending (`情况`, `措施`, `事项`, … within [`MAX_TITLE_CHARS`] and before
/// any clause punctuation), unless the words after it continue the title (`问题及改进情况`).
/// A few characters after a title ending with no punctuation or number stay in the title:
/// `政府信息公开情况统计表` is one title.
fn glued_title_end(rest: &str) -> Option<(usize, usize)> {
    let split_at = |end: usize, level1: bool| -> Option<Option<(usize, usize)>> {
        let after = &rest[end..];
        let body = after.trim_start_matches(|c: char| is_space(c) || is_ignorable(c));
        let Some(first) = body.chars().next() else { return Some(None) };
        if is_clause_punct(first) || matches!(first, '、' | '”' | '」' | '》' | '）' | ')') {
            // The title runs to a terminator (`总体情况：`), or this is no title at all.
            return Some(None);
        }
        // A complete template title goes on only with a conjunction: `五、存在的主要问题及改进
        // 情况政府信息公开工作仍有不足…` is the title, then text.
        let continues =
            if level1 { continues_with_conjunction(body) } else { continues_title(body) };
        if continues {
            return None;
        }
        Some(Some((end, rest.len() - body.len())))
    };
    // The run-in text after a title must be clearly text: a few characters after it may be the
    // rest of the title (`政府信息公开情况统计表`, `收到和处理政府信息公开申请情况统计表`).
    // (Looks at the first characters only: a one-line web page may be megabytes long.)
    let is_text = |body: &str| {
        let mut head = body.chars().take(MAX_TITLE_CHARS);
        body.chars().nth(7).is_some()
            || head.any(|c| is_clause_punct(c) || fold_char(c).is_ascii_digit())
    };
    if let Some((end, level1)) = known_title_prefix(rest) {
        if end == rest.len() {
            return None;
        }
        // A level-1 title goes on only with a conjunction (`总体情况和主要成效`); a sub-title
        // stem also when the whole reads as a title (`主动公开规章和规范性文件情况`).
        if level1 || !is_title_shaped(rest) {
            match split_at(end, level1) {
                Some(Some((_, body)))
                    if !is_text(&rest[body..]) || names_a_table(&rest[body..]) =>
                {
                    return None
                }
                Some(found) => return found,
                None => {}
            }
        }
    }
    // A comma inside the title (`（一）强化领导，落实责任`): then only a space can end it.
    let mut comma = false;
    for (n, (i, c)) in rest.char_indices().enumerate() {
        if n >= MAX_TITLE_CHARS {
            return None;
        }
        if is_clause_punct(c) {
            if fold_char(c) == ',' && n >= 2 {
                comma = true;
                continue;
            }
            return None;
        }
        // A space after a title of two or more CJK characters, before a sentence: `六、附表
        // 以下为…。` (`总 体 情 况`, letter-spaced, has one character before its spaces), and
        // `（一）强化领导，落实责任 推进…。` (a web page's heading joined to its paragraph).
        let title_char =
            |c: char| (c.is_alphabetic() && !c.is_ascii()) || matches!(fold_char(c), ',' | '、');
        // (A title with a comma is two short phrases; longer, it is a sentence broken by a
        // space: sample 004's `（一）加大学习、宣传、培训工作力度，提高公众对政 府信息…`.)
        let short = !comma || n <= MAX_COMMA_TITLE_CHARS;
        if is_space(c) && n >= 2 && short && rest[..i].chars().all(title_char) {
            let body = rest[i..].trim_start_matches(|c: char| is_space(c) || is_ignorable(c));
            let sentence = body.chars().take(2 * MAX_TITLE_CHARS).any(is_clause_punct);
            if sentence && !continues_title(body) {
                return Some((i, rest.len() - body.len()));
            }
        }
        if comma {
            continue;
        }
        let end = i + c.len_utf8();
        if ends_a_title_ending(c) && TITLE_ENDINGS.iter().any(|e| rest[..end].ends_with(e)) {
            match split_at(end, false) {
                Some(Some((_, body))) if !is_text(&rest[body..]) => {}
                Some(found) => return found,
                None => {}
            }
        }
    }
    None
}

/// A `一、`-style heading whose title is one of the known section titles (docs/format.md §1.3):
/// strong enough evidence of a level-1 section to accept it whatever number comes before.
fn is_known_level1(c: &Candidate) -> bool {
    c.style == Some(MarkerStyle::ChineseComma) && c.kind() != SectionKind::Other
}

/// Whether `rest` holds the next marker of the same style: the intro sentence that lists the
/// titles (`一、总体情况；二、主动公开政府信息情况；…`) is not a heading. Compared on folded
/// characters (ignorables dropped), in place: no folded copy of every title.
fn lists_next_marker(style: MarkerStyle, ordinal: u32, rest: &str) -> bool {
    match style {
        // Folding never makes a `、`: `{next}、` is a `、` after the folded numeral.
        MarkerStyle::ChineseComma if rest.contains('、') => {
            let Some(next) = format_chinese_numeral(u64::from(ordinal) + 1) else { return false };
            rest.match_indices('、').any(|(i, _)| {
                let mut before = folded_chars(&rest[..i]).rev();
                next.chars().rev().all(|n| before.next() == Some(n))
            })
        }
        // Folding makes `(` only from `(`/`（`: `({next})` is the folded numeral and `)` after one.
        MarkerStyle::ChineseParen if rest.contains(['(', '（']) => {
            let Some(next) = format_chinese_numeral(u64::from(ordinal) + 1) else { return false };
            rest.match_indices(['(', '（']).any(|(i, open)| {
                let mut after = folded_chars(&rest[i + open.len()..]);
                next.chars().chain([')']).all(|n| after.next() == Some(n))
            })
        }
        _ => false,
    }
}

/// The characters of `fold(s).text`, lazily and in either direction.
fn folded_chars(s: &str) -> impl DoubleEndedIterator<Item = char> + '_ {
    s.chars().filter(|&c| !is_ignorable(c)).map(fold_char)
}

/// The caption printed above table 三, `（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加
/// 第四项之和）`. It starts the table region when table lines follow it (extra sample 012
/// interleaves it with the column headers); with no table after it (sample 000, where the
/// table was an image) it stays a paragraph.
fn is_table_caption(text: &str) -> bool {
    compact_starts_with(text, "(本列数据的勾稽关系")
}

/// What a level-1 section is about, from its wording (docs/format.md §1.3, legacy wording too).
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
        if has(&["改进", "措施", "打算", "方向", "思路", "下步", "下一步", "整改", "计划"])
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

/// The title of a marker printed alone on its line (`一、` / `总体情况`, as PDF extraction of a
/// letter-spaced heading gives): the next text line, when it is short, no other heading and no
/// table line, and holds no clause punctuation (a final `。`/`：` is dropped). Returns that line
/// and the title.
fn bare_marker_title(
    input: &str,
    lines: &[Line],
    cands: &[Option<Box<Candidate>>],
    i: usize,
) -> Option<(usize, String)> {
    let j = (i + 1..lines.len()).find(|&j| lines[j].kind == LineKind::Text)?;
    if cands[j].as_ref().is_some_and(|c| c.style.is_some()) {
        return None;
    }
    let text = strip_markdown(lines[j].text(input)).0;
    let text = text.strip_suffix(['。', '：', ':']).unwrap_or(text);
    if text.is_empty()
        || text.chars().count() > MAX_TITLE_CHARS
        || is_table_line(text)
        || is_markdown_table_row(text)
        || text.contains(['，', '；', ',', ';', '。'])
    {
        return None;
    }
    Some((j, crate::layout::normalize(text)))
}

/// Whether the text after a known title only names its table (`收到和处理政府信息公开申请情况
/// 统计表。`, found by the roundtrip fuzz target): a few characters ending in `表` before a
/// terminator or the end of the line are the rest of the title.
fn names_a_table(after: &str) -> bool {
    let head: &str = after.split(is_clause_punct).next().unwrap_or_default();
    let chars = head.chars().count();
    (1..=7).contains(&chars) && head.ends_with('表')
}

/// Whether `c` is the last character of a [`TITLE_ENDINGS`] word (most characters are not:
/// the words are compared only after one).
fn ends_a_title_ending(c: char) -> bool {
    TITLE_ENDINGS.iter().any(|e| e.ends_with(c))
}

/// Words a section title ends with (docs/format.md §1.3: every template and observed title ends
/// with one of them; `举措` and `方面` from the sub-headings of extra-samples 101, 106, 111:
/// `（二）改进举措`, `（一）主动公开方面`).
const TITLE_ENDINGS: &[&str] = &[
    "情况", "事项", "问题", "措施", "举措", "方向", "思路", "打算", "计划", "成效", "概述", "说明",
    "方面",
];

/// Whether a title ends with one of [`TITLE_ENDINGS`].
fn ends_like_title(title: &str) -> bool {
    TITLE_ENDINGS.iter().any(|e| title.ends_with(e))
}

/// A title that PDF extraction wrapped onto the next line: `四、因政府信息公开工作被申请行政
/// 复议、提起行政` / `诉讼情况` (a long level-1 title in a large font wraps in narrow layouts).
/// Joined when the heading has no run-in text, its title is long (≥ 12 characters) and does
/// not end like a title, and the next text line is short (≤ 12 characters), is no heading or
/// table line, holds no punctuation but a final `。`/`：`, and completes a title ending.
/// Returns the continuation line and the joined title.
fn title_continuation(
    input: &str,
    lines: &[Line],
    cands: &[Option<Box<Candidate>>],
    i: usize,
    c: &Candidate,
) -> Option<(usize, String)> {
    if c.run_in.is_some() || c.title.chars().count() < 12 || ends_like_title(&c.title) {
        return None;
    }
    let j = (i + 1..lines.len()).find(|&j| lines[j].kind == LineKind::Text)?;
    let next = strip_markdown(lines[j].text(input)).0;
    let next = next.strip_suffix(['。', '：', ':']).unwrap_or(next);
    if cands[j].is_some()
        || next.chars().count() > 12
        || is_table_line(next)
        || is_markdown_table_row(next)
        || next.chars().any(|ch| !ch.is_alphanumeric() && !crate::parsers::is_space(ch))
    {
        return None;
    }
    let joined = format!("{}{}", c.title, crate::layout::normalize(next));
    ends_like_title(&joined).then_some((j, joined))
}

/// A table of contents (目录) at the top of a long report lists the headings, one per line,
/// before the body repeats them: `一、总体情况` / `二、主动公开…` / `三、…` with no text between
/// (sub-entries such as `（一）主动公开` may sit between), then the body's own `一、`. The
/// document then starts at that second `一、`, and the contents stay in the preamble. Three
/// level-1 entries in a row are required: a real section 一 always has text under it.
fn skip_contents(
    input: &str,
    lines: &[Line],
    cands: &[Option<Box<Candidate>>],
    first: usize,
) -> usize {
    let Some(style) =
        cands[first].as_ref().filter(|c| is_contents_entry(input, c)).map(|c| c.style)
    else {
        return first;
    };
    let mut ordinal = 1;
    let mut end = first;
    for (j, line) in lines.iter().enumerate().skip(first + 1) {
        if line.kind != LineKind::Text {
            continue;
        }
        match &cands[j] {
            // An entry has no text after its title but leader dots and a page number: a
            // heading with run-in text (`二、…情况 我局…`) is a section, not an entry.
            Some(c) if !is_contents_entry(input, c) => break,
            Some(c) if c.style == style && c.ordinal == ordinal + 1 => ordinal += 1,
            Some(c) if c.style != style => {}
            _ => break,
        }
        end = j;
    }
    if ordinal < 3 {
        return first;
    }
    let restart = cands
        .iter()
        .enumerate()
        .skip(end + 1)
        .find(|(_, c)| c.as_ref().is_some_and(|c| c.style == style && c.ordinal == 1));
    restart.map_or(first, |(j, _)| j)
}

/// Whether a candidate can be an entry of a table of contents: nothing after its title, or
/// only leader dots and a page number (`一、总体情况……………1`).
fn is_contents_entry(input: &str, c: &Candidate) -> bool {
    c.run_in.is_none_or(|r| {
        r.slice(input).chars().all(|ch| {
            matches!(ch, '…' | '.' | '·' | '-' | '—' | '．' | '⋯')
                || ch.is_ascii_digit()
                || is_space(ch)
        })
    })
}

/// Whether line `i` starts a paragraph: the text line before it (blank lines and page numbers
/// skipped) ends one. Always true in a document that is not hard-wrapped (one paragraph per
/// line), where a title line such as `某县…年度报告` ends with no punctuation.
fn stands_alone(input: &str, lines: &[Line], i: usize, wrap: Option<usize>) -> bool {
    if wrap.is_none() {
        return true;
    }
    let prev = lines[..i].iter().rev().find(|l| l.kind == LineKind::Text);
    match prev {
        Some(l) => ends_paragraph(l.text(input), wrap),
        None => true,
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
    // Boxed: most lines are no candidate, and an inline `Option<Candidate>` slot per line would
    // dominate memory on reports with a blank line after every line.
    // `table_memo[i]`: is_table_line of line i's text, when `candidate` computed it.
    let mut table_memo: Vec<Option<bool>> = vec![None; lines.len()];
    let cands: Vec<Option<Box<Candidate>>> = lines
        .iter()
        .zip(table_memo.iter_mut())
        .map(|(l, memo)| {
            if l.kind == LineKind::Text {
                candidate(input, l, wrap, memo).map(Box::new)
            } else {
                None
            }
        })
        .collect();
    // The document starts at its first `一、` (or unnumbered `总体情况`); failing that, at the
    // first marker numbered 1. (A `（一）` in an intro must not make `一、` level 2.)
    // An excerpt, or a report that skips sections, may start at `三、收到和处理…`: a
    // level-1 marker whose title is a known section title starts the document too.
    let first = cands
        .iter()
        .position(|c| {
            c.as_ref().is_some_and(|c| {
                (matches!(c.style, Some(MarkerStyle::ChineseComma) | None) && c.ordinal == 1)
                    || is_known_level1(c)
            })
        })
        .or_else(|| cands.iter().position(|c| c.as_ref().is_some_and(|c| c.ordinal == 1)));
    let Some(first) = first else { return Ok(Vec::new()) };
    let first = missing_first_heading(&cands, first);
    let first = skip_contents(input, lines, &cands, first);

    let mut headings: Vec<Heading> = Vec::new();
    // Marker styles in level order with the last ordinal seen; `None` is the unnumbered style.
    let mut stack: Vec<(Option<MarkerStyle>, u32)> = Vec::new();
    // The table of the current level-1 section, if it is a table section.
    let mut table_kind: Option<TableKind> = None;
    let mut table_started = false;
    let mut caption: Option<usize> = None; // a table caption line waiting for its table
    let mut continued: Option<usize> = None; // the second line of a wrapped title
    for (i, line) in lines.iter().enumerate().skip(first) {
        if line.kind != LineKind::Text || continued == Some(i) {
            continue;
        }
        if table_kind.is_some() && !table_started && is_table_caption(line.text(input)) {
            caption.get_or_insert(i);
            continue;
        }
        let text = line.text(input);
        let in_table = table_kind.filter(|_| {
            table_memo[i].unwrap_or_else(|| is_table_line(text)) || is_markdown_table_row(text)
        });
        // A table line is a heading only when it starts with one (`glued_table`) that the
        // sequence accepts; otherwise it belongs to the table.
        let glued = cands[i].as_ref().is_some_and(|c| c.glued_table);
        if in_table.is_none() || glued {
            let Some(c) = cands[i].as_deref() else { continue };
            let placed = place_heading(
                input,
                lines,
                &cands,
                i,
                c,
                wrap,
                &mut stack,
                &Ctx { table_started, legacy, options },
                diagnostics,
            )?;
            if let Some((h, next_line)) = placed {
                if h.level == 1 {
                    table_kind = h.kind.and_then(SectionKind::table).filter(|_| !legacy);
                    table_started = false;
                    caption = None;
                }
                continued = next_line;
                let mut h = h;
                // The table glued to its heading (`四、…行政诉讼情况 行政复议 行政诉讼 结果维持…`,
                // `三、…申请情况（本列数据的勾稽关系为…）`): the region starts at the run-in.
                if let (Some(kind), Some(run_in)) = (table_kind.filter(|_| h.level == 1), h.run_in)
                {
                    let rest = run_in.slice(input);
                    if glued || is_table_caption(rest) || starts_table(rest) {
                        h.table_lines = Some((i, h.last_line, kind));
                        h.run_in_table = true;
                        // Even a caption alone: what follows is the table, and its `（X）` rows
                        // are no sub-headings.
                        table_started = true;
                    }
                }
                headings.push(h);
                continue;
            }
        }
        if let Some(kind) = in_table {
            table_started = true;
            // The table belongs to the innermost section open where it starts (the last
            // heading): no heading but a level-1 one comes after a table has started, so the
            // region stays inside that section. A caption above that heading is left out.
            if let Some(h) = headings.last_mut() {
                let caption = caption.filter(|&c| c > h.last_line);
                let first_line = h.table_lines.map_or(caption.unwrap_or(i), |(f, _, _)| f);
                h.table_lines = Some((first_line, i, kind));
            }
        }
    }
    Ok(headings)
}

/// Whether a heading's run-in text is the start of its table: a table line, or a first word
/// (up to a space) that is table wording, as a flattened table's header
/// (`行政复议 行政诉讼 结果维持 … 000000000000000`, extra-samples 102) is.
fn starts_table(run_in: &str) -> bool {
    if is_table_line(run_in) {
        return true;
    }
    let first = run_in.split(is_space).next().unwrap_or("");
    !first.is_empty()
        && first.len() < run_in.len()
        && first.chars().count() <= 20
        && is_table_line(first)
}

/// What [`place_heading`] needs of the outline's state besides the stack.
struct Ctx<'a> {
    table_started: bool,
    legacy: bool,
    options: &'a ParseOptions,
}

/// Places candidate `c` of line `i` in the tree: its level from the marker stack (which it
/// updates), or `None` when the sequence rejects it (out of order, a row label inside a
/// table …). Returns the heading and, when its title took the next line, that line.
#[allow(clippy::too_many_arguments)]
fn place_heading(
    input: &str,
    lines: &[Line],
    cands: &[Option<Box<Candidate>>],
    i: usize,
    c: &Candidate,
    wrap: Option<usize>,
    stack: &mut Vec<(Option<MarkerStyle>, u32)>,
    ctx: &Ctx<'_>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Result<Option<(Heading, Option<usize>)>, ParseError> {
    let table_started = ctx.table_started;
    let bare;
    let (c, bare_next) = if c.title.is_empty() {
        let Some((j, title)) = bare_marker_title(input, lines, cands, i) else { return Ok(None) };
        bare = Candidate {
            title,
            heading_span: c.heading_span.cover(lines[j].content),
            kind: OnceCell::new(),
            ..c.clone()
        };
        (&bare, Some(j))
    } else {
        (c, None)
    };
    let position = match c.style {
        // An unnumbered title is level 1 whatever the document's level-1 style, and only
        // when it stands alone: in a hard-wrapped document the previous line must end its
        // paragraph, or `…现将本年度政府信息公开工作` / `总体情况` / `报告如下。` would make one.
        None => {
            if !stands_alone(input, lines, i, wrap) {
                return Ok(None);
            }
            (!stack.is_empty()).then_some(0)
        }
        Some(_) => stack.iter().position(|&(s, _)| s == c.style),
    };
    let level = match position {
        Some(p) => {
            let last = stack[p].1;
            // An unnumbered title's number is its template position, not written: sections
            // the report lacks may come between (no `heading-out-of-order` either).
            let max_step = match (c.style, p) {
                (None, _) => u32::MAX,
                (Some(_), 0) if is_known_level1(c) => u32::MAX,
                (Some(_), 0) => 2,
                (Some(_), _) => 1,
            };
            // Tables under headings of their own that restart the numbering (issue 10: `一、
            // 主动公开政府信息情况` after `六、其他需要报告的事项`): a known table section
            // numbered 1 at level 1 starts a new run of level-1 numbers.
            let restart = p == 0
                && c.ordinal == 1
                && last > 1
                && is_known_level1(c)
                && c.kind().table().is_some()
                && !ctx.legacy;
            if !restart && (c.ordinal <= last || c.ordinal - last > max_step) {
                return Ok(None);
            }
            if table_started && p != 0 {
                return Ok(None); // a row label inside the table: `(一) 予以公开`
            }
            // Inside a table only a real section title ends it: a wrapped row label such as
            // `四、结转下年` (its `度继续办理` on the next line) is no section; a title that
            // ends like one (`五、信息处理费收取情况`, extra-samples 102) is.
            if table_started && c.kind() == SectionKind::Other && !ends_like_title(&c.title) {
                return Ok(None);
            }
            if !restart && c.ordinal >= last + 2 && c.style.is_some() {
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
        // A report whose first section heading is missing starts at `（一）`
        // ([`missing_first_heading`]): its `（X）` sections are level 1, and the first
        // `X、` section with a known title is level 1 beside them, not below.
        None if c.style == Some(MarkerStyle::ChineseComma)
            && is_known_level1(c)
            && stack.first().is_some_and(|&(s, _)| s == Some(MarkerStyle::ChineseParen)) =>
        {
            stack.clear();
            stack.push((c.style, c.ordinal));
            1
        }
        None => {
            if (c.ordinal != 1 && !is_known_level1(c)) || table_started {
                return Ok(None);
            }
            stack.push((c.style, c.ordinal));
            stack.len()
        }
    };
    if level > ctx.options.max_heading_depth {
        return Err(ParseError::TooDeep {
            depth: level,
            limit: ctx.options.max_heading_depth,
            offset: c.heading_span.start,
            heading: c.heading_span,
        });
    }
    let kind = (level == 1).then(|| level1_kind(c));
    let mut c_title = c.title.clone();
    let mut heading_span = c.heading_span;
    let mut last_line = i;
    let mut continued = None;
    if let Some(j) = bare_next {
        last_line = j;
        continued = Some(j);
    } else if let Some((j, joined)) = title_continuation(input, lines, cands, i, c) {
        c_title = joined;
        heading_span = heading_span.cover(lines[j].content);
        last_line = j;
        continued = Some(j);
    }
    let heading = Heading {
        line: i,
        last_line,
        level,
        number: c.ordinal,
        marker: c.marker.clone(),
        title: c_title,
        heading_span,
        run_in: c.run_in,
        run_in_table: false,
        kind,
        table_lines: None,
    };
    Ok(Some((heading, continued)))
}

/// The kind of a level-1 section. A `（X）` section at level 1 whose title is one of section
/// 一's sub-titles (`（一）主动公开情况` in a report whose `一、总体情况` is missing) is part of
/// the overview, not table 二's section.
fn level1_kind(c: &Candidate) -> SectionKind {
    let kind = c.kind();
    let subtitle = || {
        let compact = fold_compact(&c.title);
        SUBTITLE_STEMS.iter().any(|stem| {
            compact
                .strip_prefix(stem)
                .is_some_and(|s| s.is_empty() || SUBTITLE_SUFFIXES.contains(&s))
        })
    };
    if c.style == Some(MarkerStyle::ChineseParen) && kind != SectionKind::Overview && subtitle() {
        SectionKind::Overview
    } else {
        kind
    }
}

/// A report whose first section heading is missing (issue 10: the text starts at `（一）主动公开
/// 情况…`, then `二、主动公开政府信息情况`): when the document would start at a level-1 heading
/// numbered above 1, an earlier `（一）` heading starts it instead, so that its `（X）` sections
/// are in the tree with their own numbers.
fn missing_first_heading(cands: &[Option<Box<Candidate>>], first: usize) -> usize {
    let starts_above_1 = cands[first]
        .as_ref()
        .is_some_and(|c| c.style == Some(MarkerStyle::ChineseComma) && c.ordinal > 1);
    if !starts_above_1 {
        return first;
    }
    cands[..first]
        .iter()
        .position(|c| {
            c.as_ref().is_some_and(|c| {
                c.style == Some(MarkerStyle::ChineseParen) && c.ordinal == 1 && !c.title.is_empty()
            })
        })
        .unwrap_or(first)
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
                     (二)政府信息公开申请收费情况:本年度未收费。\n二、主动公开政府信息情况\n\
                     三、收到和处理政府信息公开申请情况今年以来，我局共收到申请3件。\n\
                     四、政府信息公开行政复议、行政诉讼情况和结果。本年度无。\n";
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
                (
                    "收到和处理政府信息公开申请情况",
                    Some("今年以来，我局共收到申请3件。"),
                    "三、收到和处理政府信息公开申请情况"
                ),
                (
                    "政府信息公开行政复议、行政诉讼情况和结果",
                    Some("本年度无。"),
                    "四、政府信息公开行政复议、行政诉讼情况和结果。"
                ),
            ]
        );
    }

    /// The glued headings of issue 10 (extra-samples 102–111), each at the start of a line.
    #[test]
    fn glued_titles() {
        let cases: &[(&str, &str, Option<&str>)] = &[
            ("一、总体情况2024年，平潭综合实验区公安局…", "总体情况", Some("2024年，平潭综合实验区公安局…")),
            ("一、总体情况一是重新梳理汇总政府信息公开目录。", "总体情况", Some("一是重新梳理汇总政府信息公开目录。")),
            ("（一）主动公开情况我局严格按照规定，…", "主动公开情况", Some("我局严格按照规定，…")),
            ("（一）主动公开截至2023年底，…", "主动公开", Some("截至2023年底，…")),
            ("（一）主动公开方面。把主动公开…", "主动公开方面", Some("把主动公开…")),
            ("（三）政府信息管理和公开平台建设方面。一是…", "政府信息管理和公开平台建设方面", Some("一是…")),
            ("（二）改进举措 一是进一步加强…", "改进举措", Some("一是进一步加强…")),
            ("（一）主动公开规章和规范性文件情况", "主动公开规章和规范性文件情况", None),
            ("二、主动公开政府信息情况", "主动公开政府信息情况", None),
            (
                "三、收到和处理政府信息公开申请情况（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
                "收到和处理政府信息公开申请情况",
                Some("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"),
            ),
            ("二、主动公开政府信息情况今年以来，主动公开政府信息225条。", "主动公开政府信息情况", Some("今年以来，主动公开政府信息225条。")),
            ("五、存在的主要问题及改进情况2020年我局将进一步…", "存在的主要问题及改进情况", Some("2020年我局将进一步…")),
            ("六、存在的主要问题及改进措施2025年，我局…", "存在的主要问题及改进措施", Some("2025年，我局…")),
            ("五、存在的主要问题及明年工作计划2024年，我局…", "存在的主要问题及明年工作计划", Some("2024年，我局…")),
            ("六、其他需要报告的事项暂无。", "其他需要报告的事项", Some("暂无。")),
            ("六、其他需要报告的事项2024年，无收取信息处理费情况。", "其他需要报告的事项", Some("2024年，无收取信息处理费情况。")),
            (
                "五、信息处理费收取情况通知收取件数通知收取金额（元）实际收取金额（元）000",
                "信息处理费收取情况",
                Some("通知收取件数通知收取金额（元）实际收取金额（元）000"),
            ),
            ("一、总体情况和主要成效。本年度…", "总体情况和主要成效", Some("本年度…")),
            ("二、政府信息公开情况统计表", "政府信息公开情况统计表", None),
            ("一、 概述推进政府信息公开工作是贯彻实施条例的重要举措。", "概述", Some("推进政府信息公开工作是贯彻实施条例的重要举措。")),
        ];
        for &(line, title, run_in) in cases {
            let ls = lines(line);
            let mut memo = None;
            let c = candidate(line, &ls[0], None, &mut memo).unwrap_or_else(|| panic!("{line}"));
            assert_eq!(c.title, title, "{line}");
            assert_eq!(c.run_in.map(|s| s.slice(line)), run_in, "{line}");
            let head = c.heading_span.slice(line);
            assert!(head.ends_with(title) || head.ends_with(['。', '：']), "{line}: {head}");
        }
        // Not headings: row labels glued to their digits, the intro listing the titles.
        for line in [
            "四、结转下年度继续办理 0000000",
            "（一）予以公开 3000003",
            "一、本年新收政府信息公开申请数量 8 0 0 0 0 0 8",
            "四、结转下年度继续办理0000000",
            "一、总体情况；二、主动公开政府信息情况；三、收到和处理政府信息公开申请情况",
        ] {
            let ls = lines(line);
            assert!(candidate(line, &ls[0], None, &mut None).is_none(), "{line}");
        }
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

    /// The in-place comparison gives what searching a folded copy gave.
    #[test]
    fn lists_next_marker_matches_on_folded_characters() {
        let reference = |style, ordinal: u32, rest: &str| {
            let next = format_chinese_numeral(u64::from(ordinal) + 1).unwrap();
            let folded = crate::parsers::fold(rest).text;
            match style {
                MarkerStyle::ChineseComma => folded.contains(&format!("{next}、")),
                MarkerStyle::ChineseParen => folded.contains(&format!("({next})")),
                _ => false,
            }
        };
        let rests = [
            "总体情况；二、主动公开",
            "总体情况；二\u{200B}、主动公开",
            "总体情况；十二、主动公开",
            "总体情况；三、主动公开",
            "行政复议、行政诉讼情况",
            "主动公开（二）依申请公开",
            "主动公开(\u{FEFF}二\u{200B}）依申请",
            "主动公开（二依申请）",
            "主动公开（（二）",
            "、二、",
            "",
        ];
        for rest in rests {
            for style in [MarkerStyle::ChineseComma, MarkerStyle::ChineseParen] {
                for ordinal in [1, 11] {
                    assert_eq!(
                        lists_next_marker(style, ordinal, rest),
                        reference(style, ordinal, rest),
                        "{style:?} {ordinal} {rest:?}"
                    );
                }
            }
        }
        assert!(lists_next_marker(MarkerStyle::ChineseComma, 1, "总体情况；二\u{200B}、主动"));
        assert!(lists_next_marker(MarkerStyle::ChineseParen, 1, "a(\u{FEFF}二\u{200B}）b"));
    }

    #[test]
    fn markdown_headings_and_tables() {
        let input = "# 某县2023年政府信息公开工作年度报告\n\n## 一、总体情况\n\n正文。  \n\n\
                     ### （一）主动公开\n\n**（二）依申请公开。**本年度收到申请。\n\n\
                     **二、主动公开政府信息情况**\n\n| 第二十条第（一）项 | | |\n|---|---|---|\n\
                     | 规章 | 1 | 0 |\n| 一、本年新收 | 1 |\n\n> ## 三、收到和处理政府信息公开申请情况 ##\n";
        let ls = lines(input);
        let hs =
            outline(input, &ls, None, false, &ParseOptions::default(), &mut Vec::new()).unwrap();
        let got: Vec<_> = hs
            .iter()
            .map(|h| (h.level, h.marker.as_str(), h.title.as_str(), h.heading_span.slice(input)))
            .collect();
        assert_eq!(
            got,
            [
                (1, "一、", "总体情况", "## 一、总体情况"),
                (2, "（一）", "主动公开", "### （一）主动公开"),
                (2, "（二）", "依申请公开", "**（二）依申请公开。**"),
                (1, "二、", "主动公开政府信息情况", "**二、主动公开政府信息情况**"),
                (
                    1,
                    "三、",
                    "收到和处理政府信息公开申请情况",
                    "> ## 三、收到和处理政府信息公开申请情况 ##"
                ),
            ]
        );
        assert_eq!(hs[2].run_in.map(|s| s.slice(input)), Some("本年度收到申请。"));
        // The pipe table is the table region of 二, first row to last.
        let (first, last, _) = hs[3].table_lines.unwrap();
        assert!(ls[first].text(input).starts_with("| 第二十条"));
        assert!(ls[last].text(input).starts_with("| 一、本年新收"));
    }

    #[test]
    fn marker_variants_are_level_1() {
        let input = "一 、总体情况\n（一）主动公开\n二、 主动公开政府信息情况\n\
                     三、收到和处理政府信息公开申请情况\n四．政府信息公开行政复议、行政诉讼情况\n\
                     五. 存在的主要问题及改进情况\n本条说明一.不是标题。\n六、其他需要报告的事项\n";
        let got = titles(input, true);
        let want = [
            (1, "一 、总体情况"),
            (2, "（一）主动公开"),
            (1, "二、主动公开政府信息情况"),
            (1, "三、收到和处理政府信息公开申请情况"),
            (1, "四．政府信息公开行政复议、行政诉讼情况"),
            (1, "五.存在的主要问题及改进情况"),
            (1, "六、其他需要报告的事项"),
        ];
        assert_eq!(got, want.map(|(l, t)| (l, t.to_string())));
    }

    #[test]
    fn unnumbered_template_titles() {
        let input =
            "某县2023年政府信息公开工作年度报告\n本报告包括总体情况、主动公开政府信息情况等。\n\
                     总体情况\n（一）主动公开\n主动公开\n主动公开政府信息情况\n\
                     收到和处理政府信息公开申请情况：\n收到和处理政府信息公开申请情况\n\
                     政府信息公开行政复议、行政诉讼情况\n其他需要报告的事项\n";
        // `其他需要报告的事项` (6) after 4: the report has no 五; no out-of-order warning.
        let ls = lines(input);
        let mut d = Vec::new();
        let hs = outline(input, &ls, None, true, &ParseOptions::default(), &mut d).unwrap();
        assert!(d.is_empty(), "{d:?}");
        let got: Vec<_> =
            hs.iter().map(|h| (h.level, h.number, h.marker.as_str(), h.title.as_str())).collect();
        assert_eq!(
            got,
            [
                (1, 1, "", "总体情况"),
                (2, 1, "（一）", "主动公开"),
                (1, 2, "", "主动公开政府信息情况"),
                (1, 3, "", "收到和处理政府信息公开申请情况"),
                (1, 4, "", "政府信息公开行政复议、行政诉讼情况"),
                (1, 6, "", "其他需要报告的事项"),
            ]
        );
        // In a hard-wrapped document a title-like line that ends a wrapped sentence is prose.
        let mut wrapped = String::from("一、总体情况\n");
        for _ in 0..10 {
            wrapped.push_str("本机关认真贯彻落实政府信息公开条例的各项要求不断推进工作现将\n");
        }
        wrapped.push_str("主动公开政府信息情况\n报告如下。\n");
        let got = titles(&wrapped, true);
        assert_eq!(got, [(1, "一、总体情况".to_string())]);
    }

    #[test]
    fn wrapped_titles_are_joined() {
        let input =
            "一、总体情况\n正文。\n二、主动公开\n三、收到申请\n四、因政府信息公开工作被申请行政复议、提起行政\n诉讼情况\n\
                     本年度无。\n五、政府信息公开工作存在的主要问题及改进\n情况：\n（一）主动公开\n\
                     全年主动公开信息情况\n六、其他需要报告的事项本年度没有任何需要\n报告的\n";
        let ls = lines(input);
        let hs =
            outline(input, &ls, None, true, &ParseOptions::default(), &mut Vec::new()).unwrap();
        let got: Vec<_> = hs
            .iter()
            .map(|h| (h.title.as_str(), h.line, h.last_line, h.heading_span.slice(input)))
            .collect();
        assert_eq!(
            got,
            [
                ("总体情况", 0, 0, "一、总体情况"),
                ("主动公开", 2, 2, "二、主动公开"),
                ("收到申请", 3, 3, "三、收到申请"),
                (
                    "因政府信息公开工作被申请行政复议、提起行政诉讼情况",
                    4,
                    5,
                    "四、因政府信息公开工作被申请行政复议、提起行政\n诉讼情况"
                ),
                (
                    "政府信息公开工作存在的主要问题及改进情况",
                    7,
                    8,
                    "五、政府信息公开工作存在的主要问题及改进\n情况："
                ),
                // Short title, ends like a title: the next line is body text.
                ("主动公开", 9, 9, "（一）主动公开"),
                // A known title run into its text (issue 10): the title ends with the known
                // wording, and the run-in text is not joined to the title.
                ("其他需要报告的事项", 11, 11, "六、其他需要报告的事项"),
            ]
        );
    }

    #[test]
    fn table_of_contents_is_skipped() {
        let input = "目录\n一、总体情况……………1\n（一）主动公开……1\n二、主动公开政府信息情况……3\n\
                     三、收到和处理政府信息公开申请情况……4\n一、总体情况\n正文。\n\
                     二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n";
        let got = titles(input, true);
        let want = [
            (1, "一、总体情况"),
            (1, "二、主动公开政府信息情况"),
            (1, "三、收到和处理政府信息公开申请情况"),
        ];
        assert_eq!(got, want.map(|(l, t)| (l, t.to_string())));
        let ls = lines(input);
        let hs =
            outline(input, &ls, None, true, &ParseOptions::default(), &mut Vec::new()).unwrap();
        assert_eq!(hs[0].line, 5);
        // Two headings in a row with no text between are no table of contents.
        let short = "一、总体情况\n二、主动公开政府信息情况\n正文。\n一、细目\n";
        assert_eq!(titles(short, true).len(), 2);
    }

    #[test]
    fn excerpt_starts_at_a_known_section_title() {
        let input = "某县报告\n三、收到和处理政府信息公开申请情况\n正文。\n\
                     五、存在的主要问题及改进情况\n无。\n六、细则\n";
        let got = titles(input, false);
        // `六、细则` is no known title, but follows 五 by one: accepted as usual.
        assert_eq!(
            got,
            [
                (1, "三、收到和处理政府信息公开申请情况".to_string()),
                (1, "五、存在的主要问题及改进情况".to_string()),
                (1, "六、细则".to_string()),
            ]
        );
        // An unknown title far ahead is still no section.
        let got = titles("一、总体情况\n正文。\n五、细则\n", false);
        assert_eq!(got, [(1, "一、总体情况".to_string())]);
    }

    #[test]
    fn bold_marker_only() {
        let got = titles("**一、**总体情况\n**（一）** 主动公开\n正文。\n", true);
        assert_eq!(got, [(1, "一、总体情况".to_string()), (2, "（一）主动公开".to_string())]);
    }

    #[test]
    fn marker_alone_on_its_line() {
        let input =
            "一、\n总体情况\n正文，没有标题。\n（一）\n主动公开\n二、\n\n主动公开政府信息情况\n\
                     三、\n本年度收到申请3件，均已答复。\n";
        let ls = lines(input);
        let hs =
            outline(input, &ls, None, true, &ParseOptions::default(), &mut Vec::new()).unwrap();
        let got: Vec<_> = hs
            .iter()
            .map(|h| (h.level, h.title.as_str(), h.line, h.last_line, h.heading_span.slice(input)))
            .collect();
        assert_eq!(
            got,
            [
                (1, "总体情况", 0, 1, "一、\n总体情况"),
                (2, "主动公开", 3, 4, "（一）\n主动公开"),
                (1, "主动公开政府信息情况", 5, 7, "二、\n\n主动公开政府信息情况"),
            ]
        );
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

#[cfg(test)]
mod properties {
    use proptest::prelude::*;

    /// Documents made of the line shapes this module handles (Markdown, bare markers, wrapped
    /// titles, unnumbered titles, contents, tables), in any order: never a panic, and the
    /// coverage invariant holds.
    fn document() -> impl Strategy<Value = String> {
        let pool = vec![
            "# 某县2023年政府信息公开工作年度报告",
            "一、总体情况",
            "一、",
            "**一、**总体情况",
            "## 二、主动公开政府信息情况",
            "三、收到和处理政府信息公开申请情况今年以来，我局",
            "四、因政府信息公开工作被申请行政复议、提起行政",
            "诉讼情况",
            "总体情况",
            "主动公开政府信息情况。",
            "（一）",
            "**（二）依申请公开。**正文",
            "| 规章 | 1 |",
            "|---|---|",
            "---",
            "规章\t0\t0",
            "一、本年新收政府信息公开申请数量\t1",
            "正文，很长很长的一句话没有结束",
            "正文。",
            "> 引用。",
            "",
            "发布日期：2024年2月30日",
            "2024年1月22日",
        ];
        (proptest::collection::vec(proptest::sample::select(pool), 0..40), any::<bool>())
            .prop_map(|(lines, crlf)| lines.join(if crlf { "\r\n" } else { "\n" }))
    }

    proptest! {
        #[test]
        fn outline_shapes_keep_coverage(doc in document()) {
            if let Ok(report) = crate::parse(&doc) {
                prop_assert_eq!(report.check_coverage(), Ok(()));
            }
        }
    }
}
