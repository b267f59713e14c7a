//! The first pass: the input as logical lines, the unit every later stage reads.
//!
//! A logical line is a span of the input where structure may start. Most are the physical
//! lines of [`layout::lines`], but web pages deliver a report with its whole body on one line
//! (a crawler's text, browser copy-paste, HTML-to-text tools), headings glued to the text
//! around them (`…请与本机关联系。一、总体情况2023年…`) and tables flattened into the stream
//! (`…规章000行政规范性文件5212第二十条第（五）项…`). So a physical line is cut further, before:
//!
//! - a heading marker that continues the document's numbering: `二、` after `一、`, `（一）` under
//!   a new level-1 heading, `（二）` after `（一）` (never after `第`: `第二十条第（一）项`);
//! - a table anchor: `第二十条第（` (a block of table 二), `（本列数据的勾稽关系…` (table 三; its
//!   opening rows `一、本年新收…` start it too), `行政复议 行政诉讼` (the header of table 四);
//! - inside table 二, each official row label (`规章`, `行政许可` …);
//! - inside table 三, each row label with its marker (`一、本年新收…`, `（三）不予公开`,
//!   `1.属于国家秘密`), including an index glued to the previous row's digits: the row
//!   `3,0,0,0,0,0,3` then `2.没有现成信息…` arrives as `30000032.没有现成信息…`, and the `2` is
//!   told from the digits by the numbering (the second item of the group).
//!
//! The cuts depend on the text only, never on where the physical lines break, so the same
//! report gives the same logical lines whether it is line-broken, on one line, or joined with
//! spaces (tests/publishers.rs). Logical lines tile the input, as physical lines do.

use crate::layout::{self, strip_markdown, Line, LineKind};
use crate::parsers::{
    compact_starts_with, fold_char, fold_compact, heading_marker, is_space, MarkerStyle,
};
use crate::template::{ACTIVE_LABELS, APP_GROUP_LABELS, APP_ROWS};

/// The input as logical lines (see the module docs). They tile the input.
pub(crate) fn lines(input: &str) -> Vec<Line> {
    lines_by(input, true)
}

/// [`lines`], with the candidate positions found fast ([`candidates`]) or the plain way
/// ([`candidates_plain`], for the test that compares the two).
fn lines_by(input: &str, fast: bool) -> Vec<Line> {
    let physical = layout::lines(input);
    // The cuts of all lines first: most documents have none, and then the physical lines
    // are the logical ones, without a second vector of line records.
    let mut cutter = Cutter::default();
    let mut anchors = Anchors::new(input);
    let mut positions = Vec::new();
    let mut cuts = Vec::new();
    let mut cut_lines = Vec::new(); // (line index, end of its cuts in `cuts`)
    for (n, line) in physical.iter().enumerate() {
        // A tab-separated or pipe row is a table row already, its cells told apart by their
        // separators (innerText of an HTML table, spreadsheets, Markdown), and a line with
        // column gaps (pdftotext -layout) places its cells by their columns, which a cut
        // would shift: such lines are not cut.
        let text = line.content.slice(input);
        let delimited = memchr::memchr(b'\t', text.as_bytes()).is_some()
            || text.starts_with('|')
            || has_column_gap(text.as_bytes());
        if line.kind == LineKind::Text && !delimited {
            let before = cuts.len();
            positions.clear();
            let in_table =
                matches!(cutter.table, Some(TableContext::Active | TableContext::Applications));
            if fast {
                candidates(input, line.content, in_table, &mut anchors, &mut positions);
            } else {
                positions.extend(candidates_plain(line.content.slice(input)));
            }
            cutter.cut_at(line.content.slice(input), line.content.start, &positions, &mut cuts);
            if cuts.len() > before {
                cut_lines.push((n, cuts.len()));
            }
        }
    }
    if cuts.is_empty() {
        return physical;
    }
    let mut out = Vec::with_capacity(physical.len() + cuts.len());
    let (mut next, mut from) = (0, 0);
    for (n, to) in cut_lines {
        out.extend_from_slice(&physical[next..n]);
        let line = physical[n];
        let mut start = line.span.start;
        for &cut in &cuts[from..to] {
            out.push(Line { split: true, ..layout::make_line(input, start, cut, cut) });
            start = cut;
        }
        let end = line.content.end.max(start);
        out.push(Line { split: true, ..layout::make_line(input, start, end, line.span.end) });
        (next, from) = (n + 1, to);
    }
    out.extend_from_slice(&physical[next..]);
    out
}

/// Which table's rows are being cut.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TableContext {
    /// Table 二: cut before its row labels.
    Active,
    /// Table 三: cut before its marked row labels.
    Applications,
    /// Table 四: nothing to cut inside.
    Reviews,
}

/// The state carried from cut to cut through the whole document.
#[derive(Debug, Default)]
struct Cutter {
    /// Heading marker styles in nesting order, with the last ordinal seen of each.
    stack: Vec<(MarkerStyle, u32)>,
    /// The table whose rows are being read, from its anchor to the next level-1 heading.
    table: Option<TableContext>,
    /// The last index (`1.`, `2.` …) of a row inside the current group of table 三.
    item: u32,
    /// Whether a line naming a `…年度报告` has been seen.
    title_seen: bool,
}

/// How many characters a line may hold up to the end of a title that is glued to text: a
/// crawler's breadcrumb (`当前位置：首页 > … > 年报`) may come before the title itself.
const MAX_TITLE_PREFIX: usize = 120;

/// What a position of a line starts, if anything.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Start {
    /// A heading marker continuing the numbering.
    Heading { style: MarkerStyle, ordinal: u32 },
    /// A table anchor.
    Anchor(TableContext),
    /// A row label of the current table (its index, for table 三's `N.` rows; `opening`
    /// for `一、本年新收…` and `二、上年结转…`, which start table 三 where nothing announced it).
    Row { item: Option<u32>, group: bool, opening: bool },
}

impl Cutter {
    /// Pushes onto `cuts` the offsets inside `text` (at absolute `base`; never its start) where
    /// a logical line starts, trying `positions` of `text` in order (a superset of those where
    /// [`Cutter::start_at`] finds a start), and takes in what the line's start says.
    fn cut_at(&mut self, text: &str, base: usize, positions: &[usize], cuts: &mut Vec<usize>) {
        // Markdown decoration before a heading (`## `, `**`) is part of its line.
        let core = strip_markdown(text).0;
        let lead = core.as_ptr() as usize - text.as_ptr() as usize;
        if let Some((_, start)) = self.start_at(text, lead.min(text.len()), true) {
            self.take(start);
        }
        if let Some(end) = self.title_end(text) {
            cuts.push(base + end);
        }
        for &i in positions {
            if i <= lead {
                continue;
            }
            let Some((at, start)) = self.start_at(text, i, false) else { continue };
            let at = base + at;
            // A structure may start where a cut is already (the end of a glued title).
            if at > base && cuts.last().is_none_or(|&last| at >= last) {
                if cuts.last() != Some(&at) {
                    cuts.push(at);
                }
                self.take(start);
            }
        }
    }

    /// The end of a title that the text after it is glued to (`某县…2023年政府信息公开工作年度报告
    /// 本报告依据…`), in the first line that names one before any heading: the title is a
    /// structure of its own. Not in a sentence: the text before it holds no `。`.
    fn title_end(&mut self, text: &str) -> Option<usize> {
        if self.title_seen || !self.stack.is_empty() {
            return None;
        }
        let end = memchr::memmem::find(text.as_bytes(), "年度报告".as_bytes())? + "年度报告".len();
        self.title_seen = true;
        let before = &text[..end];
        let title_like = before.chars().count() <= MAX_TITLE_PREFIX && !before.contains('。');
        (title_like && end < text.len()).then_some(end)
    }

    /// Updates the state for a structure that starts a logical line.
    fn take(&mut self, start: Start) {
        match start {
            Start::Heading { style, ordinal } => {
                match self.stack.iter().position(|&(s, _)| s == style) {
                    Some(p) => {
                        self.stack.truncate(p + 1);
                        self.stack[p].1 = ordinal;
                        if p == 0 {
                            self.table = None;
                        }
                    }
                    None => self.stack.push((style, ordinal)),
                }
            }
            Start::Anchor(table) => {
                self.table = Some(table);
                self.item = 0;
            }
            Start::Row { item, group, opening } => {
                if opening {
                    self.table = Some(TableContext::Applications);
                }
                if group {
                    self.item = 0;
                }
                if let Some(n) = item {
                    self.item = n;
                }
            }
        }
    }

    /// What starts at byte `i` of `text`, and the offset where its logical line starts (`i`,
    /// or earlier for an index glued to digits: `…00000002.其他法律…`). `at_line_start` when
    /// `i` is the start of the line: a heading there is taken in even when it skips numbers.
    fn start_at(&self, text: &str, i: usize, at_line_start: bool) -> Option<(usize, Start)> {
        let rest = &text[i..];
        let before = text[..i].chars().next_back();
        if let Some(table) = anchor(rest, before) {
            return Some((i, Start::Anchor(table)));
        }
        if self.table == Some(TableContext::Active) && !at_line_start {
            // `规范性文件` inside `行政规范性文件` is no second label.
            let inside = before.is_some_and(|c| c == '行' || c == '政');
            if !inside && ACTIVE_LABELS.iter().any(|l| compact_starts_with(rest, l)) {
                return Some((i, Start::Row { item: None, group: false, opening: false }));
            }
        }
        // A group label of table 三 without its marker, after the previous row's cells: the
        // marker was printed beside the group's first item (`(四) 1.本机关不掌握… 0 0 0 0 0 0 0
        // 无法提供 2.没有现成…`, a PDF layout of extra sample 001, flattened).
        let after_cells = before.is_some_and(|c| is_space(c) || fold_char(c).is_ascii_digit());
        let in_apps = self.table == Some(TableContext::Applications) && !at_line_start;
        if in_apps && after_cells && APP_GROUP_LABELS.iter().any(|g| compact_starts_with(rest, g)) {
            // Its items are counted on from the one beside its marker.
            return Some((i, Start::Row { item: None, group: false, opening: false }));
        }
        if let Some(found) = self.glued_index(text, i) {
            return Some(found);
        }
        if before.is_some_and(|c| blocks_marker(c, rest)) {
            return None;
        }
        if !may_be_marker(rest) {
            return None;
        }
        let (after, m) = heading_marker(rest).ok()?;
        if rest.starts_with(['0', '０']) {
            return None; // `…0 02.其他…`: the last cell, then the next row's index
        }
        // A row of table 三, also where the table is not announced (a report that starts its
        // table at `一、本年新收…`). Rows never change the heading numbering.
        let in_table = self.table == Some(TableContext::Applications);
        let opening = m.style == MarkerStyle::ChineseComma && m.ordinal <= 2;
        if let Some(row) = (in_table || opening).then(|| app_row(after)).flatten() {
            let item = matches!(m.style, MarkerStyle::ArabicDot | MarkerStyle::ArabicComma)
                .then_some(m.ordinal);
            // An item's index is the next of its group: in `… 1 0 72.申请人逾期…` the row's
            // last cell is 7 and the index 2 (found from the dot, `glued_index`).
            let next_item = at_line_start || item.is_none_or(|n| n == self.item + 1);
            if (in_table || row == AppRow::Opening) && next_item {
                let group = m.style == MarkerStyle::ChineseParen || row == AppRow::Group;
                let opening = row == AppRow::Opening;
                return Some((i, Start::Row { item, group, opening }));
            }
        }
        let arabic = matches!(m.style, MarkerStyle::ArabicDot | MarkerStyle::ArabicComma);
        let inline =
            matches!(m.style, MarkerStyle::ChineseComma | MarkerStyle::ChineseParen) || arabic;
        // `1、2两批`: an enumeration of numbers, not a heading.
        let digit_after = after.chars().next().is_some_and(|c| fold_char(c).is_ascii_digit());
        if after.is_empty() || (!at_line_start && (!inline || (arabic && digit_after))) {
            return None;
        }
        let continues = match self.stack.iter().position(|&(s, _)| s == m.style) {
            Some(p) => at_line_start || m.ordinal == self.stack[p].1 + 1,
            None => m.ordinal == 1 || at_line_start,
        };
        continues.then_some((i, Start::Heading { style: m.style, ordinal: m.ordinal }))
    }

    /// Inside table 三, the index of the next row glued to the digits of the previous one:
    /// `…0000002.其他法律…` where the current group's last index is 1.
    fn glued_index(&self, text: &str, i: usize) -> Option<(usize, Start)> {
        if self.table != Some(TableContext::Applications) {
            return None;
        }
        let c = text[i..].chars().next()?;
        if !matches!(fold_char(c), '.' | '、') {
            return None;
        }
        let next = self.item + 1;
        let digits = next.to_string();
        let before = &text[..i];
        let run = before.chars().rev().take_while(|c| fold_char(*c).is_ascii_digit()).count();
        if run <= digits.len() {
            return None; // an ordinary marker, seen at the start of its digits
        }
        let at = before.char_indices().rev().nth(digits.len() - 1).map(|(p, _)| p)?;
        if !before[at..].chars().map(fold_char).eq(digits.chars()) {
            return None;
        }
        let (after, m) = heading_marker(&text[at..]).ok()?;
        (m.ordinal == next && app_row(after).is_some())
            .then_some((at, Start::Row { item: Some(next), group: false, opening: false }))
    }
}

/// The anchors' occurrences in the whole input, found once with SIMD substring search and
/// handed out line by line, in order.
struct Anchors<'a> {
    finds: Vec<std::iter::Peekable<memchr::memmem::FindIter<'a, 'static>>>,
}

impl<'a> Anchors<'a> {
    fn new(input: &'a str) -> Self {
        use memchr::memmem::Finder;
        static FINDERS: std::sync::OnceLock<Vec<Finder<'static>>> = std::sync::OnceLock::new();
        let finders = FINDERS.get_or_init(|| {
            // `第二十条第（` and `（本列数据…` hold a bracket, which is looked for anyway; the
            // header of table 三 (`申请人情况`) comes after its opening rows or its 勾稽 note.
            ["行政复议"].iter().map(|a| Finder::new(*a)).collect()
        });
        Anchors {
            finds: finders.iter().map(|f| f.find_iter(input.as_bytes()).peekable()).collect(),
        }
    }

    /// Pushes the anchors that start inside `span`.
    fn within(&mut self, span: crate::Span, out: &mut Vec<usize>) {
        for find in &mut self.finds {
            while let Some(k) = find.next_if(|&k| k < span.end) {
                if k >= span.start {
                    out.push(k - span.start);
                }
            }
        }
    }
}

/// The positions of the line `content` of `input` where a structure may start, sorted: a
/// superset of those where [`Cutter::start_at`] finds one. Most of a line is prose, so they
/// come from a search for the bytes that end a marker (`、`, `.`, `．`), from which its digits
/// or numerals are found going back, or open one (`(`, `（`, `①`), and from the anchors found
/// in the whole input. A line where a table is read (`in_table`, or where one opens) is looked
/// at character by character ([`candidates_plain`]).
fn candidates(
    input: &str,
    content: crate::Span,
    in_table: bool,
    anchors: &mut Anchors<'_>,
    out: &mut Vec<usize>,
) {
    let text = content.slice(input);
    anchors.within(content, out);
    let bytes = text.as_bytes();
    // Table 二's caption `第二十条第（`, found from its bracket.
    let caption = |k: usize| {
        let start = k.checked_sub("第二十条第".len())?;
        (text.get(start..k) == Some("第二十条第")).then_some(start)
    };
    for k in memchr::memchr3_iter(b'(', b'.', 0xE3, bytes) {
        match bytes.get(k..k + 3) {
            Some([0xE3, 0x80, 0x81]) => marker_before(text, k, out), // 、
            Some([0xE3, ..]) => {}
            _ if bytes[k] == b'(' => {
                out.push(k);
                out.extend(caption(k));
            }
            _ => marker_before(text, k, out), // .
        }
    }
    for k in memchr::memchr2_iter(0xEF, 0xE2, bytes) {
        match bytes.get(k..k + 3) {
            Some([0xEF, 0xBC, 0x88]) => {
                // （, and table 二's caption `第二十条第（` before it.
                out.push(k);
                out.extend(caption(k));
            }
            Some([0xEF, 0xBC, 0x8E]) => marker_before(text, k, out), // ．
            Some([0xE2, 0x91, 0xA0..=0xB3]) => out.push(k),          // ① … ⑳
            _ => {}
        }
    }
    // A line where table 二 or 三 is read is looked at character by character: table 二's row
    // labels have no marker to be found by, nor have table 三's group labels where a PDF
    // layout printed their markers on another row (`(四) 1.本机关不掌握… 0 0 0 0 0 0 0 无法提供
    // 2.没有现成…`, sample 001 flattened).
    if in_table || out.iter().any(|&k| opens_a_table(&text[k..])) {
        out.clear();
        out.extend(candidates_plain(text));
        return;
    }
    out.sort_unstable();
    out.dedup();
}

/// Whether `rest` starts table 二 (its caption `第二十条第（`) or table 三 (its 勾稽 note, or its
/// opening rows `一、本年新收…`, `二、上年结转…`).
fn opens_a_table(rest: &str) -> bool {
    if rest.starts_with("第二十条第") || compact_starts_with(rest, "(本列数据") {
        return true;
    }
    let body = rest.trim_start_matches(is_numeral).trim_start_matches(is_space);
    let body = body.strip_prefix('、').unwrap_or(body);
    body.len() < rest.len() && (body.starts_with("本年新收") || body.starts_with("上年结转"))
}

/// Pushes the start of the digits or numerals before the marker end at byte `end` of `text`
/// (`12.`, `一、`, `一 、`), and `end` itself (an index glued to digits is found from there).
fn marker_before(text: &str, end: usize, out: &mut Vec<usize>) {
    out.push(end);
    let mut back = text[..end].char_indices().rev().peekable();
    // `一 、`: a space before the 顿号.
    while let Some(&(p, c)) = back.peek() {
        if !is_space(c) || end - p > 8 {
            break;
        }
        back.next();
    }
    // A marker's number has at most three characters (`九十九`, `12`); each of the last four
    // digits or numerals is a candidate start, and `start_at` tells which one is a marker.
    for (p, c) in back.take(4) {
        let c = fold_char(c);
        if !(c.is_ascii_digit() || is_numeral(c)) {
            break;
        }
        out.push(p);
    }
}

/// [`candidates`] the plain way: every character [`may_start`] accepts in any table context.
fn candidates_plain(text: &str) -> impl Iterator<Item = usize> + '_ {
    let any = [None, Some(TableContext::Active), Some(TableContext::Applications)];
    text.char_indices().filter(move |&(_, c)| any.iter().any(|&t| may_start(c, t))).map(|(i, _)| i)
}

/// Characters that may start a structure where `table` is the table being read: a numeral, a
/// bracket or a digit (markers), the first character of an anchor, a dot or 顿号 after an index
/// glued to digits (table 三), or the first character of a row label (table 二). Most
/// characters are none of these, and are passed over without a look at the text after them.
fn may_start(c: char, table: Option<TableContext>) -> bool {
    match c {
        '0'..='9' | '０'..='９' | '(' | '（' | '①'..='⑳' | '第' | '行' => true,
        '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十' => true,
        '.' | '．' | '、' | '不' | '无' | '本' => table == Some(TableContext::Applications),
        '其' => table.is_some(),
        '规' | '政' => table == Some(TableContext::Active),
        _ => false,
    }
}

/// Whether `c` is a character of a Chinese numeral.
fn is_numeral(c: char) -> bool {
    matches!(
        c,
        '一' | '二'
            | '三'
            | '四'
            | '五'
            | '六'
            | '七'
            | '八'
            | '九'
            | '十'
            | '百'
            | '〇'
            | '零'
            | '两'
    )
}

/// Whether `rest` may start with a heading marker, told from its first characters: digits or a
/// Chinese numeral followed by a dot or 顿号, or an opening bracket before a numeral. Most
/// candidates (`2023年`, `进一步`, `（国务院令…`) fail here without a parse.
fn may_be_marker(rest: &str) -> bool {
    let mut chars = rest.chars().map(fold_char).peekable();
    let Some(first) = chars.next() else { return false };
    if first == '(' {
        let mut inner = chars.skip_while(|&c| is_space(c));
        return inner.next().is_some_and(|c| c.is_ascii_digit() || is_numeral(c));
    }
    if first == '①' || ('\u{2460}'..='\u{2473}').contains(&first) {
        return true;
    }
    let digit = first.is_ascii_digit();
    if !digit && !is_numeral(first) {
        return false;
    }
    let same = |c: char| if digit { c.is_ascii_digit() } else { is_numeral(c) };
    let mut rest = chars.skip_while(|&c| same(c)).skip_while(|&c| is_space(c));
    rest.next().is_some_and(|c| matches!(c, '.' | '、'))
}

/// Whether the character before a marker shows that it is no heading: `第` (`第二十条第（一）项`),
/// a numeral or digit it continues (`十二、` seen at `二`), an enumeration (`一、二两类`), a
/// list inside a sentence (`一、总体情况；二、主动公开…` in an intro that names the sections),
/// or Markdown around it (`**（一）…**`).
fn blocks_marker(before: char, rest: &str) -> bool {
    let b = fold_char(before);
    let first = rest.chars().next().map(fold_char);
    b == '第'
        || matches!(b, '、' | '，' | ',' | '；' | ';' | '和' | '及' | '至' | '或' | '与' | '到')
        || matches!(b, '—' | '-' | '~' | '～' | '*' | '_' | '#' | '|' | '>')
        || (first.is_some_and(is_numeral) && is_numeral(b))
        || (first.is_some_and(|c| c.is_ascii_digit()) && (b.is_ascii_digit() || b == '.'))
}

/// A table anchor at the start of `rest` (see the module docs).
fn anchor(rest: &str, before: Option<char>) -> Option<TableContext> {
    if !rest.starts_with(['第', '(', '（', '行']) {
        return None;
    }
    // A group caption of table 二 (`第二十条第（一）项`) stands alone or before its header
    // `信息内容`; in a sentence it cites the regulation (`依据第二十条第（一）项，…`).
    if compact_starts_with(rest, "第二十条第(") {
        let after =
            rest.find('项').map(|p| rest[p + '项'.len_utf8()..].trim_start_matches(is_space))?;
        return (after.is_empty() || compact_starts_with(after, "信息内容"))
            .then_some(TableContext::Active);
    }
    if compact_starts_with(rest, "(本列数据") {
        return Some(TableContext::Applications);
    }
    // The header of table 四 starts `行政复议 行政诉讼`; the title of section 四 says
    // `行政复议、行政诉讼情况`.
    // (`…公开行政复议行政诉讼情况`, without the 顿号, is the title too.)
    let title = compact_starts_with(rest, "行政复议行政诉讼情况");
    if compact_starts_with(rest, "行政复议行政诉讼") && before != Some('、') && !title {
        return Some(TableContext::Reviews);
    }
    None
}

/// Whether `bytes` hold three spaces in a row, the gap between two columns of an aligned
/// layout (web text separates cells by one space), in a line that is no prose: a line with a
/// sentence end (`。`) is text, whatever its spaces (a web page's paragraphs joined with the
/// blank lines between them).
fn has_column_gap(bytes: &[u8]) -> bool {
    memchr::memchr_iter(b' ', bytes).any(|i| bytes.get(i + 1..i + 3) == Some(b"  "))
        && memchr::memmem::find(bytes, "。".as_bytes()).is_none()
}

/// What the text after a marker names in table 三.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum AppRow {
    /// `本年新收…` / `上年结转…`: the rows that open the table, told from section titles
    /// wherever they stand.
    Opening,
    /// Any other data row.
    Data,
    /// A group label (`三、本年度办理结果`, `（三）不予公开`).
    Group,
}

/// Whether the text after a marker is the label of a table-三 row: it starts with the first
/// characters of an official label ([`APP_ROWS`]) or of a group label.
fn app_row(after: &str) -> Option<AppRow> {
    static KEYS: std::sync::OnceLock<Vec<(String, AppRow)>> = std::sync::OnceLock::new();
    let keys = KEYS.get_or_init(|| {
        let rows = APP_ROWS.iter().enumerate().map(|(slot, (label, _))| {
            let body = heading_marker(label).map_or(*label, |(body, _)| body);
            let key: String = fold_compact(body).chars().take(4).collect();
            (key, if slot < 2 { AppRow::Opening } else { AppRow::Data })
        });
        let groups = APP_GROUP_LABELS.iter().map(|g| (fold_compact(g), AppRow::Group));
        rows.chain(groups).collect()
    });
    let named = |text: &str| {
        keys.iter().find(|(key, _)| compact_starts_with(text, key)).map(|&(_, row)| row)
    };
    // A group label whose words stand elsewhere (a PDF layout prints `(四)` beside the first
    // item and `无法提供` beside the second): the marker before a marked row is a group.
    named(after).or_else(|| {
        let (rest, _) = heading_marker(after).ok()?;
        named(rest).map(|_| AppRow::Group)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The logical lines' trimmed texts.
    fn texts(input: &str) -> Vec<&str> {
        lines(input).iter().filter(|l| l.kind == LineKind::Text).map(|l| l.text(input)).collect()
    }

    #[test]
    fn logical_lines_tile_the_input() {
        let input = "标题\n一、总体情况2023年，本机关…。二、主动公开政府信息情况\r\n规章 0 0 0";
        let ls = lines(input);
        assert_eq!(ls.first().unwrap().span.start, 0);
        assert_eq!(ls.last().unwrap().span.end, input.len());
        assert!(ls.windows(2).all(|w| w[0].span.end == w[1].span.start));
    }

    #[test]
    fn headings_continuing_the_numbering_start_lines() {
        let input = "某县2023年政府信息公开工作年度报告本报告依据《条例》编制。\
                     一、总体情况（一）主动公开截至2023年底，公开100条。（二）依申请公开无。\
                     二、主动公开政府信息情况";
        assert_eq!(
            texts(input),
            [
                "某县2023年政府信息公开工作年度报告",
                "本报告依据《条例》编制。",
                "一、总体情况",
                "（一）主动公开截至2023年底，公开100条。",
                "（二）依申请公开无。",
                "二、主动公开政府信息情况",
            ]
        );
    }

    #[test]
    fn markers_that_are_no_headings_stay_inline() {
        for text in [
            // Not the next number, an enumeration, `第…`, a list in a sentence, `一是`.
            "一、总体情况 依据第二十条第（一）项，分为一、二两类。",
            "一、总体情况 本报告含一、总体情况；二、主动公开政府信息情况。",
            "一、总体情况 一是加强领导，二是完善制度。",
            "一、总体情况 共1、2两批，增长1.5倍。",
        ] {
            assert_eq!(texts(text), [text], "{text}");
        }
    }

    #[test]
    fn flattened_tables_are_cut_at_their_rows() {
        let input = "二、主动公开政府信息情况第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数\
                     规章000行政规范性文件5212第二十条第（五）项信息内容本年处理决定数量行政许可52\
                     三、收到和处理政府信息公开申请情况（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\
                     申请人情况 自然人 总计一、本年新收政府信息公开申请数量 3 0 0 0 0 0 3\
                     （四）无法提供1.本机关不掌握相关政府信息 30000032.没有现成信息需要另行制作 0000000\
                     四、结转下年度继续办理 0000000四、政府信息公开行政复议、行政诉讼情况行政复议 行政诉讼 0 0";
        assert_eq!(
            texts(input),
            [
                "二、主动公开政府信息情况",
                "第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数",
                "规章000",
                "行政规范性文件5212",
                "第二十条第（五）项信息内容本年处理决定数量",
                "行政许可52",
                "三、收到和处理政府信息公开申请情况",
                "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）申请人情况 自然人 总计",
                "一、本年新收政府信息公开申请数量 3 0 0 0 0 0 3",
                "（四）无法提供",
                "1.本机关不掌握相关政府信息 3000003",
                "2.没有现成信息需要另行制作 0000000",
                "四、结转下年度继续办理 0000000",
                "四、政府信息公开行政复议、行政诉讼情况",
                "行政复议 行政诉讼 0 0",
            ]
        );
    }

    proptest::proptest! {
        #[test]
        fn fast_candidates_cut_as_the_plain_ones(
            pieces in proptest::collection::vec(proptest::sample::select(&PIECES[..]), 0..60)
        ) {
            let input: String = pieces.concat();
            proptest::prop_assert_eq!(lines_by(&input, true), lines_by(&input, false));
        }
    }

    /// Pieces of reports, web-flattened tables and noise for the property above.
    const PIECES: [&str; 40] = [
        "某县2023年政府信息公开工作年度报告",
        "一、总体情况",
        "二、主动公开政府信息情况",
        "三、",
        "四、政府信息公开行政复议、行政诉讼情况",
        "（一）",
        "（二）主动公开",
        "(三)",
        "1.",
        "2.",
        "10.",
        "第二十条第（一）项",
        "第二十条第(五)项",
        "信息内容",
        "规章",
        "行政规范性文件",
        "规范性文件",
        "行政许可",
        "政府集中采购",
        "其他对外管理服务事项",
        "（本列数据的勾稽关系为：）",
        "申请人情况",
        "一、本年新收政府信息公开申请数量",
        "（三）不予公开",
        "1.属于国家秘密",
        "2.其他法律行政法规禁止公开",
        "行政复议 行政诉讼",
        "行政复议",
        "0000000",
        "3000003",
        " ",
        "   ",
        "。",
        "，",
        "；",
        "十二、",
        "①",
        "一 、",
        "\n",
        "本机关认真落实",
    ];

    #[test]
    fn delimited_and_aligned_lines_are_not_cut() {
        for text in [
            "三、本年度办理结果\t(一) 予以公开\t0\t0",
            " 三             2.其他法律行政法规禁止公开   1   0",
        ] {
            assert_eq!(lines(text).len(), 1, "{text}");
        }
    }
}
