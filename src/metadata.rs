//! Report metadata: title, organ, year, edition, publication date, signature.

use crate::layout::{normalize, strip_markdown, Line, LineKind};
use crate::parsers::{
    arabic_number, chinese_numeral, compact_chars, compact_ends_with, compact_starts_with,
    date_fields, fold, fold_compact, heading_marker, is_ignorable, is_space,
};
use crate::template::{MARKERS_2019, MARKERS_2021, MARKERS_LEGACY};
use crate::{Code, Date, Diagnostic, Edition, FrontField, Signature, Span};

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
    /// The crawler header's lines ([`crate::Preamble::front_matter`]).
    pub(crate) front_matter: Vec<FrontField>,
    /// Site-chrome lines above the title ([`crate::Preamble::chrome`]).
    pub(crate) chrome: Vec<Span>,
    /// Indices of the header, separator and chrome lines: no paragraph text.
    pub(crate) front_lines: Vec<usize>,
    /// Lines that start with chrome: each one's index and the text after the chrome.
    pub(crate) clipped: Vec<(usize, Span)>,
    /// The header's `发布机构`, an organ candidate: it may be a short form (`区公安局` for
    /// `平潭综合实验区公安局`, extra sample 111), so the title's and the signature's come first.
    pub(crate) header_organ: Option<String>,
}

/// How many text lines at the top may hold the title. Sample 000 splits it over two lines
/// (organ, then `2023 年政府信息公开工作年度报告`); 002 too; extra 001 has a page number first.
const TITLE_WINDOW: usize = 4;

/// Reads the crawler header, then the title and 发布日期 from the first text lines (before
/// any heading marker).
///
/// A crawler header ([`crawler_header`]) is front matter: its `标题` is the title unless the
/// body repeats it in its first lines (then those lines are the title, as without a header),
/// its `发布时间` the publication date, its `发布机构` an organ candidate. With a header the
/// body may start with no title at all (extra samples 102, 111: `本报告根据…`).
///
/// The title is the run of short lines from the top through the first one that says `报告`
/// (000 and 002 put the organ on its own line). A `发布日期:`/`发布时间:` line may come
/// before or after it (003 has it right after; scraped pages often put it first). Site
/// chrome lines ([`is_chrome`]: breadcrumbs, `字号：大 中 小`, a lone `正文`) are skipped.
/// Markdown decoration (`# 标题`, `**标题**`) is not part of the title text; the title span
/// still covers it.
pub(crate) fn front(input: &str, lines: &[Line], diagnostics: &mut Vec<Diagnostic>) -> Front {
    let mut out = Front::default();
    let mut header_title: Option<&str> = None;
    let start = match crawler_header(input, lines) {
        Some(header) => {
            for (i, field) in header.fields {
                let text = lines[i].text(input);
                match field.key.as_str() {
                    // Only a report's title: a crawled news page or notice is no report, and
                    // its header must not make it one (as a body title, it must say 报告).
                    "标题" | "文章标题" | "题目" if field.value.contains("报告") => {
                        header_title.get_or_insert(header_value(text));
                    }
                    key if ORGAN_KEYS.contains(&key) && !field.value.is_empty() => {
                        out.header_organ.get_or_insert_with(|| normalize(&field.value));
                    }
                    _ => {}
                }
                if out.published.is_none() {
                    if let Some(d) = published_date(input, text) {
                        out.published = Some((i, d.map_err(|e| diagnostics.push(e)).ok()));
                    }
                }
                out.front_lines.push(i);
                out.front_matter.push(field);
            }
            out.front_lines.extend(header.separator);
            header.end
        }
        None => 0,
    };
    // Scraped pages put `label：value` fields (索引号, 发布机构, 成文日期, 文号 …) above the
    // title; they do not count towards the window and are never title lines. Nor do chrome
    // lines.
    let mut budget = TITLE_WINDOW + 3;
    let top = lines
        .iter()
        .enumerate()
        .skip(start)
        .filter(|(_, l)| l.kind == LineKind::Text)
        .take(MAX_FIELD_LINES + TITLE_WINDOW + 3)
        .take_while(|(_, l)| {
            let free = is_field_line(l.text(input)) || is_chrome(l.text(input));
            let take = free || budget > 0;
            budget = budget.saturating_sub(usize::from(!free));
            take
        })
        .map(|(i, _)| i);
    let mut title_lines = Vec::new();
    let mut title_done = false;
    // The header's title where the body repeats it at the start of a line of text.
    let mut body_title = None;
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
        // A page's own `发布机构：` field above or below the title (no crawler header): an organ
        // candidate too.
        if let Some((key, value)) = header_field(lines[i].text(input)) {
            if ORGAN_KEYS.contains(&key) && !value.is_empty() && is_field_line(lines[i].text(input))
            {
                out.header_organ.get_or_insert_with(|| normalize(value));
            }
        }
        if title_done && !is_chrome(lines[i].text(input)) {
            continue;
        }
        let text = strip_markdown(lines[i].text(input)).0;
        if is_chrome(text) {
            // Never a title line (a breadcrumb's `正文` was taken for the organ), and it ends
            // a run: the title is not split around page buttons.
            out.chrome.push(lines[i].content);
            out.front_lines.push(i);
            if !title_done {
                title_lines.clear();
            }
            continue;
        }
        if title_done || title_lines.len() >= TITLE_WINDOW {
            continue;
        }
        let prefix = chrome_prefix(text, header_title);
        let rest = text[prefix..].trim_start_matches(is_space);
        // The header's title run together with the first sentence (extra samples 104, 109:
        // `平潭县人民政府2013年政府信息公开工作年度报告 本报告主要根据…`).
        let glued = header_title.and_then(|h| compact_prefix_len(rest, &fold_compact(h)));
        let glued = glued.filter(|&n| n < rest.len());
        if prefix > 0 || glued.is_some() {
            // The page's chrome run together with the report's first text (extra samples
            // 101, 104, 106: `当前位置： 首页… 来源： 时间：… 微信 微博 … 相关链接： 根据…`): the
            // rest of the line is text, never a title line.
            if prefix > 0 {
                let chrome = text[..prefix].trim_end_matches(is_space);
                out.chrome.push(Span::of_subslice(input, chrome));
            }
            let mut rest = rest;
            if let Some(n) = glued {
                body_title = Some(Span::of_subslice(input, &rest[..n]));
                rest = rest[n..].trim_start_matches(is_space);
            }
            out.clipped.push((i, Span::of_subslice(input, rest)));
            title_lines.clear();
            title_done = true;
            continue;
        }
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
    if !title_done {
        title_lines.clear();
    }
    let mut title = String::new();
    for &i in &title_lines {
        crate::layout::join_into(&mut title, strip_markdown(lines[i].text(input)).0);
    }
    if let Some(h) = header_title {
        // The header's title is the page's own; lines at the top that say something else
        // (a section name, a heading in bold) stay paragraphs.
        if title.is_empty() || fold_compact(&title) != fold_compact(h) {
            title.clear();
            title_lines.clear();
            crate::layout::join_into(&mut title, h);
            out.title_span = body_title.or(Some(Span::of_subslice(input, h)));
        }
    }
    if let (Some(&first), Some(&last)) = (title_lines.first(), title_lines.last()) {
        out.title_span = Some(lines[first].content.cover(lines[last].content));
    }
    if title.is_empty() {
        return out;
    }
    let (organ, year) = organ_and_year(&title);
    out.title = title;
    out.title_lines = title_lines;
    out.organ = organ;
    out.year = year;
    out
}

/// The length in bytes of the start of `text` that is `want` (folded and compact) once folded
/// and without spaces, ending after its last character; `None` when `text` does not start so.
fn compact_prefix_len(text: &str, want: &str) -> Option<usize> {
    let mut want = want.chars().peekable();
    for (i, c) in text.char_indices() {
        if want.peek().is_none() {
            return Some(i);
        }
        if is_space(c) || is_ignorable(c) {
            continue;
        }
        if crate::parsers::fold_char(c) != want.next()? {
            return None;
        }
    }
    want.peek().is_none().then_some(text.len())
}

/// Header labels whose value names the publishing organ.
const ORGAN_KEYS: &[&str] = &["发布机构", "发文机关", "发布单位"];

/// A crawler's header above the page text.
struct Header {
    /// Each line (index) and its field.
    fields: Vec<(usize, FrontField)>,
    /// The separator line, if any.
    separator: Option<usize>,
    /// The first line after the header.
    end: usize,
}

/// How many lines a crawler header may have before its separator: the crawler of extra
/// samples 101–111 writes 8 (标题, 发布时间, 文号, 发布机构, 栏目, 原文链接, 本地目录 and a note);
/// a government page's own fields (索引号, 主题分类, 成文日期, 有效性 …) may add ten more.
const MAX_HEADER_LINES: usize = 24;

/// How many lines without a label a crawler header may have (`页面链接与图片详见
/// links.tsv(同目录)`), and how long each may be: more or longer is report text.
const MAX_HEADER_NOTES: usize = 4;
const MAX_NOTE_CHARS: usize = 120;

/// A crawler header: `key: value` lines at the very top, ended by a separator line
/// ([`is_separator`]: `==================== 正文 ====================`, `---- 正文 ----`,
/// `正文`, `=====`), with a few lines without a label among them. Without a separator, a run
/// of `key: value` lines from the top that holds `标题` is one too, ending at the first other
/// line. At least one labelled line is needed: a lone `正文` at the top is site chrome.
fn crawler_header(input: &str, lines: &[Line]) -> Option<Header> {
    let mut fields = Vec::new();
    let mut notes = 0;
    // The number of labelled lines before the first line without a label, and that line.
    let mut run: Option<(usize, usize)> = None;
    let mut last = 0;
    let candidates = lines.iter().enumerate().filter(|(_, l)| l.kind != LineKind::Blank);
    for (i, l) in candidates.take(MAX_HEADER_LINES + 1) {
        let text = l.text(input);
        last = i;
        if is_separator(text) {
            let labelled = fields.iter().any(|(_, f): &(usize, FrontField)| !f.key.is_empty());
            if labelled && notes <= MAX_HEADER_NOTES {
                return Some(Header { fields, separator: Some(i), end: i + 1 });
            }
            break;
        }
        if is_chrome(text) {
            // `当前位置：首页 > …` is shaped like a field; it is the page, not the header.
            run.get_or_insert((fields.len(), i));
            break;
        }
        let field = match header_field(text) {
            Some((key, value)) => {
                FrontField { key: key.into(), value: value.into(), span: l.content }
            }
            // A crawler starts with a labelled line (`标题:`); an unlabelled first line is
            // the report's own.
            None if fields.is_empty() => return None,
            None => {
                run.get_or_insert((fields.len(), i));
                let long = text.chars().nth(MAX_NOTE_CHARS).is_some();
                notes += 1;
                let heading = heading_marker(strip_markdown(text).0).is_ok();
                if long || heading || notes > MAX_HEADER_NOTES {
                    break;
                }
                FrontField { key: String::new(), value: text.into(), span: l.content }
            }
        };
        fields.push((i, field));
    }
    // No separator: the labelled lines from the top, if they name the title.
    let (n, end) = run.unwrap_or((fields.len(), last + 1));
    fields.truncate(n);
    let titled = fields.iter().any(|(_, f)| matches!(f.key.as_str(), "标题" | "文章标题" | "题目"));
    (titled && fields.len() >= 2).then_some(Header { fields, separator: None, end })
}

/// A header line's label and value: a label of 2–8 letters or digits (no spaces, no
/// punctuation), a colon, the value (trimmed, may be empty). Unlike [`is_field_line`], the
/// line may be long: `原文链接: https://…` and `本地目录: …` run to 150 characters.
fn header_field(text: &str) -> Option<(&str, &str)> {
    // The label ends within its first 9 characters, or the line has none: a long line of
    // text is not read to its end.
    let (label_end, _) =
        text.char_indices().take(9).find(|&(_, c)| !(is_ideograph(c) || c.is_alphanumeric()))?;
    let label = &text[..label_end];
    let rest = text[label_end..].trim_start_matches(is_space);
    let value = rest.strip_prefix(['：', ':'])?;
    (2..=8).contains(&label.chars().count()).then(|| (label, value.trim_matches(is_space)))
}

/// The value of a header line (a sub-slice of `text`): what [`header_field`] returns.
fn header_value(text: &str) -> &str {
    header_field(text).map_or(text, |(_, v)| v)
}

/// The line that ends a crawler header: `正文` between rules of `=`, `-`, `—`, `*`, `#`, `~`
/// (`==================== 正文 ====================`, `---- 正文 ----`), `正文` alone, or a
/// rule alone of three or more such characters (`=====`).
fn is_separator(text: &str) -> bool {
    let rule = |c: char| {
        matches!(c, '=' | '-' | '—' | '–' | '_' | '*' | '#' | '~' | '～' | '＝' | '－')
            || is_space(c)
    };
    let core = text.trim_matches(rule);
    core == "正文" || core == "【正文】" || (core.is_empty() && text.chars().count() >= 3)
}

/// How long a line of site chrome may be, in characters: a footer with 版权所有, 主办单位,
/// 网站标识码 and an ICP number on one line runs to about 100; a paragraph that mentions one of
/// them is longer.
const MAX_CHROME_CHARS: usize = 160;

/// Page furniture that a line may consist of, folded and compact: print, close, share and
/// font-size buttons, and the attachment link after the body (extra samples 104, 106: `附件下载`).
const BUTTON_WORDS: &[&str] = &[
    "打印本页",
    "打印此页",
    "打印文章",
    "关闭窗口",
    "关闭本页",
    "打印",
    "关闭",
    "收藏",
    "返回顶部",
    "返回",
    "附件下载",
    "【",
    "】",
    "[",
    "]",
    "|",
    "｜",
    "/",
    "分享到",
    "分享",
    "微信",
    "微博",
    "QQ空间",
    "纠错",
    "扫一扫",
    "手机版",
    "文字版",
    "全真版",
    "文件下载",
    "下载",
    "字号",
    "字体",
    ":",
    "大",
    "中",
    "小",
    "默认",
];

/// Whether a line is web-page chrome rather than report text: a breadcrumb (`当前位置：首页 >
/// …`, `首页 > 政务公开 > 年度报告`), a lone `正文`, font-size switches (`字号：大 中 小`,
/// `【字体：大 中 小】`), share buttons (`分享到：`), print and close buttons (`打印本页
/// 关闭窗口`, `【打印】【关闭】`), `附件下载`, or a footer line (`版权所有`, `主办单位：`,
/// `网站标识码`, `ICP备`). Compared folded and without spaces.
pub(crate) fn is_chrome(text: &str) -> bool {
    // Most lines asked about are a report's: a sentence, or longer than chrome can be (each
    // character takes at most four bytes).
    if text.len() > 4 * MAX_CHROME_CHARS
        || memchr::memmem::find(text.as_bytes(), "。".as_bytes()).is_some()
    {
        return false;
    }
    let mut compact = String::new();
    for (n, c) in compact_chars(text).enumerate() {
        if n >= MAX_CHROME_CHARS {
            return false;
        }
        compact.push(c);
    }
    let c = compact.as_str();
    // Chrome says no sentence: a line with a `。` is the report's (a breadcrumb run together
    // with the first paragraph is cut by `chrome_prefix` instead).
    if c.is_empty() || c.contains('。') {
        return false;
    }
    let breadcrumb = ["当前位置", "您的位置", "你的位置", "您现在的位置", "所在位置"]
        .iter()
        .any(|p| c.starts_with(p))
        || (c.starts_with("首页") && c.contains(['>', '»', '›', '〉', '→']));
    let footer = ["版权所有", "网站标识码", "ICP备", "公网安备", "Copyright", "©"]
        .iter()
        .any(|w| c.contains(w))
        || ["主办单位", "承办单位", "技术支持", "主办:", "承办:"].iter().any(|p| c.starts_with(p));
    breadcrumb || footer || c == "正文" || c.starts_with("分享到") || only_buttons(c)
}

/// Whether folded compact text is made of [`BUTTON_WORDS`] only, one of them a word of two
/// characters or more (`大`, `中`, `小` alone are text).
fn only_buttons(mut c: &str) -> bool {
    let mut word = false;
    while !c.is_empty() {
        let Some(w) = BUTTON_WORDS.iter().find(|w| c.starts_with(**w)) else { return false };
        word |= w.chars().count() >= 2;
        c = &c[w.len()..];
    }
    word
}

/// Breadcrumb labels (folded and compact) that start a line of site chrome.
const BREADCRUMB_LABELS: &[&str] =
    &["当前位置", "您的位置", "你的位置", "您现在的位置", "所在位置"];

/// Labels of the page's own fields that chrome run together with the text holds (folded,
/// compact): `来源： 时间：2021-01-28 09:16` in extra samples 101, 104, 106.
const PAGE_LABELS: &[&str] =
    &["来源:", "时间:", "发布时间:", "日期:", "浏览次数:", "点击数:", "作者:", "相关链接:"];

/// [`PAGE_LABELS`] never followed by a value of their own: what follows `相关链接：` in 106 is
/// the report.
const LABELS_WITHOUT_VALUE: &[&str] = &["相关链接:"];

/// Tokens that separate breadcrumbs.
const CRUMB_SEPARATORS: &[&str] = &[">", "»", "›", "〉", "→", ">>", "/"];

/// How long the site chrome at the start of a line may be, in space-separated tokens.
const MAX_CHROME_TOKENS: usize = 40;

/// The length in bytes of the site chrome that starts a long line (a page's text run
/// together: extra samples 101, 104, 106), 0 when it starts with none. The chrome starts with
/// a breadcrumb (`当前位置： 首页政务公开…年报`, crumbs after `>` included) or a Word style
/// block ([`word_css`]), and runs over space-separated tokens as long as each is chrome: the
/// page's title (`title`, the header's), `来源：…`, `时间：` with a date and a time, share and
/// print buttons ([`BUTTON_WORDS`]), `相关链接：`, `-->`, another style block.
fn chrome_prefix(text: &str, title: Option<&str>) -> usize {
    let compact_start: String = compact_chars(text).take(8).collect();
    let crumb = BREADCRUMB_LABELS.iter().any(|l| compact_start.starts_with(l));
    if !crumb && word_css(text) == 0 {
        return 0;
    }
    let title = title.map(fold_compact);
    let mut end = 0; // the end of the chrome so far
                     // The next token is a value: a crumb after `当前位置：` or `>`, the source after `来源：`,
                     // the time after `时间：2021-01-28`.
    let mut value_next = crumb;
    // Where the chrome ended before the last token, when that token is the page's title.
    let mut before_title = None;
    let mut at = 0;
    for _ in 0..MAX_CHROME_TOKENS {
        let rest = &text[at..];
        let start = at + (rest.len() - rest.trim_start_matches(is_space).len());
        if start >= text.len() {
            break;
        }
        let css = word_css(&text[start..]);
        if css > 0 {
            (at, end, value_next, before_title) = (start + css, start + css, false, None);
            continue;
        }
        let len = text[start..].find(is_space).unwrap_or(text.len() - start);
        let c = fold_compact(&text[start..start + len]);
        let label = PAGE_LABELS.iter().chain(BREADCRUMB_LABELS).find(|l| c.starts_with(**l));
        let separator = CRUMB_SEPARATORS.contains(&c.as_str());
        let is_time = c.chars().all(|ch| ch.is_ascii_digit() || ch == ':');
        let value = value_next && (label.is_none() || is_time);
        // `-->`: the end of an HTML comment whose start the crawler dropped (101, 104, 106).
        let is_title = !value && title.as_deref().is_some_and(|t| c == t);
        let chrome =
            value || separator || c == "-->" || label.is_some() || is_title || only_buttons(&c);
        if !chrome {
            break;
        }
        // The page's title is chrome only with more chrome after it (`…年报 <title> 来源：`);
        // last, it is the report's own, which starts the text.
        before_title = is_title.then_some(end);
        // A label alone (`来源：`) or with a date (`时间：2021-01-28`) is followed by its value.
        let bare_label = label.is_some_and(|l| {
            let alone = c.trim_end_matches(':').len() <= l.trim_end_matches(':').len();
            let bare = alone || c.ends_with(|ch: char| ch.is_ascii_digit());
            bare && !LABELS_WITHOUT_VALUE.contains(l)
        });
        value_next = !value && (bare_label || separator);
        at = start + len;
        end = at;
    }
    before_title.unwrap_or(end)
}

/// What Word's HTML export writes before its style rules.
const STYLE_MARK: &str = "/* Style Definitions */";

/// The length in bytes of the style block that Word's HTML export leaves in a page's text
/// when it starts `text`, 0 when none: `Normal 0 7.8 磅 0 2 false false false EN-US ZH-CN X-NONE
/// /* Style Definitions */ table.MsoNormalTable {mso-style-name:普通表格; …}` (extra sample
/// 101, before the body and again after the signature). It ends at the `}` that closes the
/// rule after `/* Style Definitions */`.
fn word_css(text: &str) -> usize {
    const MARK: &str = STYLE_MARK;
    if !text.starts_with("Normal") {
        return 0;
    }
    // The mark comes within the first 300 bytes (about 70 in 101).
    let mut head = text.len().min(300);
    while !text.is_char_boundary(head) {
        head -= 1;
    }
    let Some(mark) = text[..head].find(MARK) else { return 0 };
    let after = mark + MARK.len();
    let close = text[after..].find('{').and_then(|open| {
        let body = &text[after + open..];
        body.find('}').map(|c| after + open + c + 1)
    });
    close.unwrap_or(0)
}

/// How many buttons and style blocks [`strip_trailing_buttons`] takes off a line's end.
const MAX_TRAILING_BUTTONS: usize = 12;

/// `text` without the page buttons (and Word style blocks, [`word_css`]) it ends with
/// (`…2021年1月21日 附件下载`, extra sample 104),
/// and the buttons' text (empty when there are none). Both are sub-slices of `text`.
fn strip_trailing_buttons(text: &str) -> (&str, &str) {
    let mut rest = text.trim_end_matches(is_space);
    // A button bar has a few buttons; the bound keeps a line of 10^5 `打印` linear (each
    // round searches the line for a style block).
    let mut rounds = 0..MAX_TRAILING_BUTTONS;
    let buttons = BUTTON_WORDS
        .iter()
        .filter(|w| w.chars().count() >= 2 || matches!(**w, "【" | "】" | "[" | "]"));
    while rounds.next().is_some() {
        if let Some(w) = buttons.clone().find(|w| rest.ends_with(**w)) {
            rest = rest[..rest.len() - w.len()].trim_end_matches(is_space);
            continue;
        }
        // A Word style block before the buttons (extra sample 101): it starts at the last
        // `Normal` and runs to the end.
        let css = rest
            .rfind(STYLE_MARK)
            .and_then(|mark| rest[..mark].rfind("Normal"))
            .filter(|&at| at + word_css(&rest[at..]) == rest.len());
        match css {
            Some(at) if rest.ends_with('}') => rest = rest[..at].trim_end_matches(is_space),
            _ => break,
        }
    }
    (rest, text[rest.len()..].trim_matches(is_space))
}

/// How many `label：value` field lines may precede the title (a government page has up to
/// about ten: 索引号, 主题分类, 发布机构, 成文日期, 文号, 发布日期, 有效性 …).
const MAX_FIELD_LINES: usize = 12;

/// A scraped metadata field: a short label (2–6 characters, no punctuation) then a colon,
/// `索引号：11500231…`, `发布机构: 某县人民政府`.
///
/// Only the first characters are read: the label ends at the first character that is not
/// alphanumeric, which must be the colon (after spaces, if any). Scanning each line whole for
/// a colon is not needed.
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
    // folded copy and its map.
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
        let organ = if organ.is_empty() {
            organ_after_year(&after.trim_start()["年".len()..])
        } else {
            Some(organ.to_string())
        };
        return (organ, u16::try_from(n).ok());
    }
    (None, None)
}

/// The organ of a title that puts the year first (`2019年上海市人民政府办公厅政府信息公开工作年度报告`):
/// the text after `年` / `年度` up to `政府信息公开` (or `信息公开`, `政务公开`). A `人民政府`
/// runs into `政府信息公开` (`2019年某市人民政府信息公开工作年度报告`): the organ keeps its `政府`.
fn organ_after_year(rest: &str) -> Option<String> {
    let rest = rest.trim_start_matches('度').trim_start();
    let end = ["政府信息公开", "信息公开", "政务公开"].iter().find_map(|w| rest.find(w))?;
    let organ = rest[..end].trim();
    let punctuated = organ.contains(['。', '，', '、', '；', ',', ':', '：', '（', '(']);
    if organ.is_empty() || punctuated || organ.chars().count() > 40 {
        return None;
    }
    Some(if organ.ends_with("人民") { format!("{organ}政府") } else { organ.to_string() })
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

/// How many of the markers of each set occur in `text` once it is folded and its spaces are
/// dropped ([`fold_compact`](crate::parsers::fold_compact): `〔2021〕30 号` matches `2021〕30号`),
/// without copying `text`.
///
/// Every marker holds a CJK ideograph, its anchor, which folding neither changes nor drops and
/// no other character folds to, and which PDF spacing cannot split: the folded text holds the
/// marker exactly where the anchor occurs with the marker's text before it and after it
/// (compared on folded characters, spaces skipped). Each anchor is found with `memchr`'s SIMD
/// substring search, and only its occurrences are looked at: no pass over every character.
/// The search's cost grows with the number of anchors (its prefilter takes the UTF-8 lead
/// bytes of CJK for rare, which they are not in Chinese text), so the anchors are chosen to be
/// few ([`ANCHORS`]).
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

/// Decides the edition from the markers of docs/format.md §6.1, then from the year: 2021 format for
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

/// What ends a report: its 落款 and the site chrome after it.
#[derive(Debug, Default)]
pub(crate) struct Ending {
    /// The signature and the indices of the lines it takes whole.
    pub(crate) signature: Option<(Signature, Vec<usize>)>,
    /// A line whose end is the signature (`…夯实工作基础。 某局2026年1月20日`, extra sample
    /// 102): its index and the part of its content before the signature, which stays text.
    pub(crate) clipped: Option<(usize, Span)>,
    /// Site chrome at the end (`附件下载`, `打印本页 关闭窗口`, footer lines), last first.
    pub(crate) chrome: Vec<Span>,
    /// The indices of the lines that are chrome whole: no paragraph text.
    pub(crate) chrome_lines: Vec<usize>,
}

/// How many lines of chrome may follow the signature (a footer of 版权所有, 主办单位, 网站标识码,
/// ICP备 lines and a button bar).
const MAX_TRAILING_CHROME: usize = 8;

/// 落款: an organ line and a date line at the very end (blank lines and page numbers between
/// are allowed), or a date line alone, or an organ and a date glued to the end of the last
/// paragraph after its final `。` (web pages, extra samples 102 and 104). Site chrome after it
/// ([`is_chrome`] lines, page buttons at the end of the date line) is skipped and returned.
/// Only lines after the last heading (`last_heading`: its last line and its span) are
/// considered, and the end of that heading's line after the heading itself, for a glued
/// signature. A date line whose date is invalid (`2023年2月30日`) still makes a signature,
/// with no date and an `invalid-date` warning. Markdown decoration (`**某镇人民政府**`) is not
/// part of the organ.
pub(crate) fn signature(
    input: &str,
    lines: &[Line],
    last_heading: Option<(usize, Span)>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Ending {
    let mut out = Ending::default();
    let floor = last_heading.map_or(0, |(l, _)| l + 1);
    let from = last_heading.map_or(0, |(l, _)| l);
    let mut texts = (from..lines.len()).rev().filter(|&i| lines[i].kind == LineKind::Text);
    let mut date_line = texts.next();
    while let Some(i) = date_line.filter(|_| out.chrome.len() < MAX_TRAILING_CHROME) {
        if i < floor || !is_chrome(lines[i].text(input)) {
            break;
        }
        out.chrome.push(lines[i].content);
        out.chrome_lines.push(i);
        date_line = texts.next();
    }
    let Some(date_line) = date_line else { return out };
    let (text, buttons) = strip_trailing_buttons(strip_markdown(lines[date_line].text(input)).0);
    if !buttons.is_empty() {
        out.chrome.push(Span::of_subslice(input, buttons));
    }
    let own_line = if date_line >= floor { trailing_date(text) } else { None };
    let Some((date_text, fields, same_line_organ)) = own_line else {
        // Glued: the signature follows the paragraph's last sentence on its line.
        let heading_end = last_heading.filter(|&(l, _)| l == date_line).map(|(_, h)| h.end);
        out.signature =
            glued_signature(input, lines[date_line].content, text, heading_end, diagnostics).map(
                |(sig, before)| {
                    out.clipped = Some((date_line, before));
                    (sig, vec![date_line])
                },
            );
        if out.signature.is_none() && !buttons.is_empty() {
            // No signature, but the last paragraph ends with the buttons (`…处理费。 附件下载`,
            // extra sample 106): the paragraph is the text before them.
            let end = Span::of_subslice(input, text).end;
            out.clipped = Some((date_line, Span::new(lines[date_line].content.start, end)));
        }
        return out;
    };
    let d = checked(input, date_text, fields, diagnostics);
    let mut used = vec![date_line];
    let content = lines[date_line].content;
    let mut span = if buttons.is_empty() {
        content
    } else {
        Span::new(content.start, Span::of_subslice(input, date_text).end)
    };
    let mut organ = same_line_organ.map(normalize);
    if organ.is_some() {
        out.signature = Some((Signature { organ, date: d, span }, used));
        return out;
    }
    if let Some(o) = texts.next().filter(|&o| o >= floor) {
        let text = strip_markdown(lines[o].text(input)).0;
        let sentence = text.contains(['。', '，', '；', ',', ':', '：']);
        if !sentence && text.chars().count() <= 30 && heading_marker(text).is_err() {
            organ = Some(normalize(text));
            used.insert(0, o);
            span = lines[o].content.cover(span);
        } else if let Some((name, before)) = glued_organ(input, lines[o].content, text) {
            // `…夯实工作基础。 某局` / `2026年1月20日`.
            organ = Some(normalize(name.slice(input)));
            span = name.cover(span);
            out.clipped = Some((o, before));
        }
    }
    out.signature = Some((Signature { organ, date: d, span }, used));
    out
}

/// The date of a signature, or `None` with an `invalid-date` warning.
fn checked(
    input: &str,
    date_text: &str,
    fields: DateFields,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Date> {
    checked_date(input, Span::of_subslice(input, date_text), fields)
        .map_err(|invalid| diagnostics.push(invalid))
        .ok()
}

/// What follows the last sentence end (`。！？；`) of `text` (a sub-slice of `input`, the
/// content of a line that `content` spans, or a part of it), trimmed, if it starts after
/// `not_before`: the span of that tail and the line's content before it, trimmed.
fn after_last_sentence(
    content: Span,
    text: &str,
    input_base: usize,
    not_before: Option<usize>,
) -> Option<(Span, Span)> {
    let (at, end) =
        text.char_indices().rev().find(|&(_, c)| matches!(c, '。' | '！' | '？' | '；'))?;
    let tail_start = at + end.len_utf8();
    let tail = text[tail_start..].trim_start_matches(is_space);
    let start = input_base + text.len() - tail.len();
    let tail = tail.trim_end_matches(is_space);
    if tail.is_empty() || not_before.is_some_and(|h| start < h) {
        return None;
    }
    let before = Span::new(content.start, input_base + tail_start);
    Some((Span::new(start, start + tail.len()), before))
}

/// A signature glued to the end of a paragraph: `…夯实工作基础。 平潭综合实验区金井片区管理局2026年1月20日`.
/// Only an organ name that ends like one ([`ORGAN_ENDINGS`]) and a date, after the last
/// sentence end; on a heading's line, only after the heading (`heading_end`). Returns the
/// signature and the part of the line before it.
fn glued_signature(
    input: &str,
    content: Span,
    text: &str,
    heading_end: Option<usize>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<(Signature, Span)> {
    let base = Span::of_subslice(input, text).start;
    let (tail, before) = after_last_sentence(content, text, base, heading_end)?;
    let (date_text, fields, organ) = trailing_date(tail.slice(input))?;
    let organ = organ?; // a date alone after a sentence may be the sentence's own
    let date = checked(input, date_text, fields, diagnostics);
    let span = Span::new(tail.start, Span::of_subslice(input, date_text).end);
    Some((Signature { organ: Some(normalize(organ)), date, span }, before))
}

/// An organ name glued to the end of a paragraph's line (`…夯实工作基础。 某局`), the date
/// being on the next line: its span and the part of the line before it.
fn glued_organ(input: &str, content: Span, text: &str) -> Option<(Span, Span)> {
    let base = Span::of_subslice(input, text).start;
    let (tail, before) = after_last_sentence(content, text, base, None)?;
    let name = &text[tail.start - base..tail.end - base];
    let organ_like = name.chars().count() <= 30
        && !name.contains(['，', ',', ':', '：'])
        && name.ends_with(ORGAN_ENDINGS)
        && heading_marker(name).is_err();
    organ_like.then_some((tail, before))
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

    /// The plain version that searches the whole line for the colon, kept as the oracle the fast
    /// path is tested against.
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

    /// The plain versions that match on a folded copy of the whole input, kept as the oracles
    /// the fast paths are tested against.
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
            // Year first: the organ after it.
            (
                "2019年上海市人民政府办公厅政府信息公开工作年度报告",
                Some("上海市人民政府办公厅"),
                Some(2019),
            ),
            ("2020年度某市人民政府信息公开年度报告", Some("某市人民政府"), Some(2020)),
            ("2020年，某局、某办政府信息公开年度报告", None, Some(2020)),
            ("2020年年度报告", None, Some(2020)),
        ];
        for &(title, organ, year) in cases {
            assert_eq!(organ_and_year(title), (organ.map(str::to_string), year), "{title}");
        }
    }

    #[test]
    fn chrome_lines_and_text_lines() {
        for chrome in [
            "首页 > 政务公开 > 年度报告",
            "当前位置：首页 > 政务公开",
            "您的位置： 首页",
            "正文",
            "字号：大 中 小",
            "【字体：大 中 小】",
            "分享到：",
            "分享到： 微信 微博 QQ空间",
            "打印本页 关闭窗口",
            "【打印】【关闭】",
            "[打印] [关闭]",
            "附件下载",
            "版权所有：某县人民政府",
            "主办单位：某县人民政府办公室",
            "网站标识码：3300000000",
            "浙ICP备00000000号",
        ] {
            assert!(is_chrome(chrome), "{chrome}");
        }
        for text in [
            "某县2023年政府信息公开工作年度报告",
            "首页建设情况",
            "大",
            "中小",
            "正文内容",
            "当前位置：首页。本报告根据条例编制。",
            "一、总体情况",
            "",
        ] {
            assert!(!is_chrome(text), "{text}");
        }
        let long = format!("版权所有{}", "字".repeat(MAX_CHROME_CHARS));
        assert!(!is_chrome(&long));
    }

    #[test]
    fn separators_and_header_fields() {
        for sep in ["==== 正文 ====", "---- 正文 ----", "正文", "=====", "—— 正文 ——", "【正文】"]
        {
            assert!(is_separator(sep), "{sep}");
        }
        for text in ["正文内容", "==", "一、总体情况", "= 附件 ="] {
            assert!(!is_separator(text), "{text}");
        }
        assert_eq!(header_field("文号: "), Some(("文号", "")));
        assert_eq!(
            header_field("发布时间：2024-01-20 09:30"),
            Some(("发布时间", "2024-01-20 09:30"))
        );
        assert_eq!(header_field("原文链接 : https://a.cn/x"), Some(("原文链接", "https://a.cn/x")));
        assert_eq!(header_field("页面链接与图片详见 links.tsv(同目录)"), None);
        assert_eq!(header_field("一：二"), None);
        assert_eq!(header_field("《条例》：规定"), None);
    }

    #[test]
    fn trailing_buttons_are_stripped() {
        assert_eq!(
            strip_trailing_buttons("某局 2021年1月21日 附件下载"),
            ("某局 2021年1月21日", "附件下载")
        );
        assert_eq!(
            strip_trailing_buttons("暂无。【打印】【关闭】"),
            ("暂无。", "【打印】【关闭】")
        );
        assert_eq!(strip_trailing_buttons("暂无。"), ("暂无。", ""));
        let css = "日 Normal 0 /* Style Definitions */ table.MsoNormalTable {a:b;} 附件下载";
        assert_eq!(strip_trailing_buttons(css).0, "日");
        // A `}` that closes no style block stays.
        assert_eq!(strip_trailing_buttons("见 {附件} 附件下载").0, "见 {附件}");
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
        let (sig, used) = signature(input, &ls, None, &mut Vec::new()).signature.unwrap();
        assert_eq!(sig.organ.as_deref(), Some("威海市文登区宋村镇人民政府"));
        assert_eq!(sig.date, Date::new(2024, 1, 22));
        assert_eq!(used, [2, 4]);
        let no_date = "正文。\n没有日期\n";
        assert!(signature(no_date, &crate::layout::lines(no_date), None, &mut Vec::new())
            .signature
            .is_none());
        let one = "正文。\n某镇人民政府 2024年1月22日\n- 6 -\n";
        let (sig, used) =
            signature(one, &crate::layout::lines(one), None, &mut Vec::new()).signature.unwrap();
        assert_eq!((sig.organ.as_deref(), used), (Some("某镇人民政府"), vec![1]));
        let sentence = "截至2023年12月31日\n";
        assert!(signature(sentence, &crate::layout::lines(sentence), None, &mut Vec::new())
            .signature
            .is_none());
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
        let (sig, used) = signature(input, &ls, None, &mut d).signature.unwrap();
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
