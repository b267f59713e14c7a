//! Turning the lines of a table region into label text and value cells, whatever tool made
//! the text: tab-separated cells, Markdown `|` rows, space-separated or column-aligned rows,
//! one cell per line, or digits glued to their label.

use super::cell::{classify, looks_like_value, Cell, CellKind};
use crate::layout;
use crate::parsers::is_blank;
use crate::text::width::char_width;
use crate::Span;
use std::ops::ControlFlow;

/// One line of a table region, split into its label part and its value cells.
#[derive(Debug, Clone)]
pub(crate) struct Line {
    /// The whole line (without its terminator), absolute.
    pub span: Span,
    /// Label cells / label text pieces in order, with their spans.
    pub labels: Vec<Span>,
    /// The value cells after the last label cell, in order.
    pub values: Vec<Cell>,
    /// For space-separated lines only, the display columns `[start, end)` of each value
    /// cell (CJK characters are 2 wide), one per value; empty for tab and Markdown rows,
    /// whose cells are delimited already.
    pub cols: Vec<(usize, usize)>,
    /// For space-separated lines, the display column where the label text ends (0 without
    /// a label).
    pub label_col: usize,
    /// How many page-number lines precede this line in the region: indentation changes
    /// from one page to the next (pdftotext -layout), so column positions only compare
    /// within a page.
    pub page: usize,
}

impl Line {
    /// Whether the line has no label text.
    pub fn label_is_empty(&self) -> bool {
        self.labels.is_empty()
    }

    /// Whether the line holds at least one value cell that is not blank: a number, a dash,
    /// or a cell meant as a value that is none ([`is_value_cell`]).
    pub fn has_values(&self) -> bool {
        self.values.iter().any(|c| c.kind != CellKind::Blank)
    }
}

/// The most tokens of a label [`split_line`] tries as a shorter label: the official labels
/// broken by spaces (`规 章`, `（三） 不予 公开 1. 属于 国家 秘密`) take a few; more would make
/// the search quadratic on a long line.
const MAX_LABEL_TOKENS: usize = 12;

/// An ASCII or full-width digit.
fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// Whether the tokens `tokens` of `line` (at absolute `start`), joined, name a row of table
/// 二 or 三.
fn names_a_row(line: &str, start: usize, tokens: &[Span]) -> bool {
    let (Some(first), Some(last)) = (tokens.first(), tokens.last()) else { return false };
    let label = super::vocab::norm(Span::new(first.start, last.end).slice_in(line, start));
    matches!(super::vocab::recognize_app(&label), Some(super::vocab::AppLabel::Row(_)))
        || super::vocab::recognize_active(&label).is_some()
}

/// Whether a cell of kind `kind` and text `text` stands in a row's value area: a number, a
/// dash, or text meant as a value ([`looks_like_value`]).
fn is_value_cell(kind: CellKind, text: &str) -> bool {
    match kind {
        CellKind::Number | CellKind::Dash => true,
        CellKind::Text => looks_like_value(text),
        CellKind::Blank => false,
    }
}

/// Splits the logical lines of `region` (from the first pass) into label text and cells,
/// dropping blank lines, page numbers and Markdown separator rows. Linear in the region size.
pub(crate) fn split_lines(input: &str, lines: &[layout::Line], region: Span) -> Vec<Line> {
    let mut out = Vec::new();
    // (A clone's vectors are of exactly their length.)
    let _ = each_line(input, lines, region, |l| {
        out.push(l.clone());
        ControlFlow::Continue(())
    });
    out
}

/// The logical lines that start inside `region`.
pub(crate) fn in_region(lines: &[layout::Line], region: Span) -> &[layout::Line] {
    let first = lines.partition_point(|l| l.span.end <= region.start);
    let last = lines.partition_point(|l| l.span.start < region.end);
    lines.get(first..last.max(first)).unwrap_or_default()
}

/// Calls `f` with each line [`split_lines`] lists, in order, one at a time, until it breaks.
/// The line is one buffer, refilled for each line: a reader that streams the lines allocates
/// nothing per line.
pub(crate) fn each_line(
    input: &str,
    lines: &[layout::Line],
    region: Span,
    mut f: impl FnMut(&mut Line) -> ControlFlow<()>,
) -> ControlFlow<()> {
    let mut page = 0;
    // Reused from line to line, like the line itself: each line's cells are first gathered
    // here, then its labels and values are copied into the line.
    let mut scratch = Scratch::default();
    let mut l = Line {
        span: Span::default(),
        labels: Vec::new(),
        values: Vec::new(),
        cols: Vec::new(),
        label_col: 0,
        page: 0,
    };
    for line in in_region(lines, region) {
        match line.kind {
            layout::LineKind::Blank => continue,
            layout::LineKind::PageNumber => {
                page += 1;
                continue;
            }
            layout::LineKind::Text => {}
        }
        // The line without its terminator, from its start (leading spaces place the cells
        // of an aligned layout) through its trailing tabs (blank cells), kept in the region.
        let whole = line.span.slice(input).trim_end_matches(['\n', '\r']);
        let start = line.span.start.max(region.start);
        let end = (line.span.start + whole.len()).min(region.end).max(start);
        let Some(text) = input.get(start..end) else { continue };
        if split_line(text, start, &mut scratch, &mut l) {
            l.page = page;
            f(&mut l)?;
        }
    }
    ControlFlow::Continue(())
}

/// Working buffers of [`split_line`].
#[derive(Default)]
struct Scratch {
    /// The cells of a tab or Markdown row, with their kinds.
    cells: Vec<Cell>,
    /// The tokens of a space-separated row.
    tokens: Vec<Span>,
}

/// Trims `s` (a slice at absolute `start`) and returns the span of what is left.
fn trimmed_span(s: &str, start: usize) -> Span {
    // Most cells are a few digits: no space at either end, nothing to decode.
    let b = s.as_bytes();
    if b.first().is_some_and(u8::is_ascii_graphic) && b.last().is_some_and(u8::is_ascii_graphic) {
        return Span::new(start, start + s.len());
    }
    let t = s.trim_start_matches(is_blank);
    let lead = s.len() - t.len();
    let t = t.trim_end_matches(is_blank);
    Span::new(start + lead, start + lead + t.len())
}

/// Splits `line` (at absolute `start`) into `out`; false for a Markdown separator row.
fn split_line(line: &str, start: usize, scratch: &mut Scratch, out: &mut Line) -> bool {
    out.span = Span::new(start, start + line.len());
    out.labels.clear();
    out.values.clear();
    out.cols.clear();
    out.label_col = 0;
    let trimmed = line.trim_start_matches(is_blank);
    let is_markdown = trimmed.starts_with('|') || trimmed.starts_with('｜');
    if is_markdown || line.contains('\t') {
        let cells = &mut scratch.cells;
        cells.clear();
        let mut push = |part: &str, at: usize| {
            cells.push(Cell {
                span: trimmed_span(part, start + at),
                kind: CellKind::Blank,
                glued: false,
            });
        };
        if is_markdown {
            let mut pos = 0usize;
            for part in line.split(['|', '｜']) {
                push(part, pos);
                // Past the separator: `|` is one byte, `｜` three.
                pos += part.len()
                    + if line.as_bytes().get(pos + part.len()) == Some(&b'|') { 1 } else { 3 };
            }
        } else {
            // A tab is one byte: split on it without decoding the characters between.
            let mut from = 0usize;
            for (i, &b) in line.as_bytes().iter().enumerate() {
                if b == b'\t' {
                    push(line.get(from..i).unwrap_or_default(), from);
                    from = i + 1;
                }
            }
            push(line.get(from..).unwrap_or_default(), from);
        }
        let mut cells = &mut cells[..];
        if is_markdown {
            // Outer pipes leave an empty first and last cell.
            if cells.first().is_some_and(|c| c.span.is_empty()) {
                cells = &mut cells[1..];
            }
            if cells.last().is_some_and(|c| c.span.is_empty()) {
                let n = cells.len() - 1;
                cells = &mut cells[..n];
            }
            let is_rule = cells.iter().all(|c| {
                let t = c.span.slice_in(line, start);
                !t.is_empty() && t.chars().all(|ch| matches!(ch, '-' | ':' | '—' | ' '))
            });
            if is_rule && !cells.is_empty() {
                return false;
            }
        }
        for c in cells.iter_mut() {
            c.kind = classify(c.span.slice_in(line, start));
        }
        // A row that starts with its label: the values start at the first value cell after
        // it, and a cell there that is no value (`十二`, `1,2`) is a value cell of its own
        // column, not more label (which would move every later cell one column left).
        let lead = cells.iter().position(|c| c.kind != CellKind::Blank);
        let label_end = match lead.filter(|&i| cells[i].kind == CellKind::Text) {
            Some(i) => cells
                .iter()
                .enumerate()
                .skip(i + 1)
                .find(|(_, c)| is_value_cell(c.kind, c.span.slice_in(line, start)))
                .map_or(cells.len(), |(j, _)| j)
                .checked_sub(1)
                .and_then(|j| cells[..=j].iter().rposition(|c| c.kind == CellKind::Text)),
            // A row of values only (table 四): a cell meant as a value is one of them.
            None => cells.iter().rposition(|c| {
                c.kind == CellKind::Text && !looks_like_value(c.span.slice_in(line, start))
            }),
        };
        let first_value = match label_end {
            Some(i) => {
                out.labels.extend(
                    cells[..=i]
                        .iter()
                        .filter(|c| !c.span.is_empty() && c.kind == CellKind::Text)
                        .map(|c| c.span),
                );
                i + 1
            }
            None => 0,
        };
        out.values.extend_from_slice(&cells[first_value..]);
        return true;
    }
    // Space-separated: trailing tokens that are numbers or dashes are the values; the rest is
    // label text (labels may hold spaces: `规 章`, `结果 维持`).
    let tokens = &mut scratch.tokens;
    tokens.clear();
    let mut tok_start: Option<usize> = None;
    for (i, space) in char_spaces(line) {
        if space {
            if let Some(s) = tok_start.take() {
                tokens.push(Span::new(start + s, start + i));
            }
        } else if tok_start.is_none() {
            tok_start = Some(i);
        }
    }
    if let Some(s) = tok_start {
        tokens.push(Span::new(start + s, start + line.len()));
    }
    // A token meant as a value that is none (`十二`, `12件`, `1,2`) is a value cell too, so
    // that the cells after it keep their columns; the first token is always label.
    let mut first_value = tokens.len();
    while first_value > 0 {
        let text = tokens[first_value - 1].slice_in(line, start);
        let k = match classify(text) {
            k @ (CellKind::Number | CellKind::Dash) => k,
            _ if first_value > 1 && is_value_cell(CellKind::Text, text) => CellKind::Text,
            _ => break,
        };
        first_value -= 1;
        out.values.push(Cell { span: tokens[first_value], kind: k, glued: false });
    }
    out.values.reverse();
    // Label text with digits after the first tokens that name a row: those tokens are its
    // cells, whatever they hold (`一、本年新收… 1e3 0 0 0 1 0 x3`): the row is kept, its bad
    // cells named, rather than read as label text (no values, or too few).
    let digits_in = |t: &[Span]| t.iter().any(|s| s.slice_in(line, start).chars().any(is_digit));
    if first_value > 1 && digits_in(&tokens[1..first_value]) {
        if let Some(k) = (1..first_value.min(MAX_LABEL_TOKENS))
            .find(|&k| digits_in(&tokens[k..first_value]) && names_a_row(line, start, &tokens[..k]))
        {
            let cells = tokens[k..first_value].iter().map(|&span| {
                let kind = match classify(span.slice_in(line, start)) {
                    k @ (CellKind::Number | CellKind::Dash) => k,
                    _ => CellKind::Text,
                };
                Cell { span, kind, glued: false }
            });
            out.values.splice(0..0, cells);
            first_value = k;
        }
    }
    if first_value > 0 {
        out.labels.push(Span::new(tokens[0].start, tokens[first_value - 1].end));
    }
    peel_glued(out, line, start);
    display_cols(line, start, &out.values, &mut out.cols);
    if let Some(end) = out.labels.last().map(|s| s.end) {
        out.label_col = display_col(line, start, end);
    }
    true
}

/// Digits glued to the end of the label (`5.要求行政机关确认或重新出具0  0  0` from
/// pdftotext -layout, extra-samples/018; `一、本年新收…数量530010360` from a flattened web
/// table) become a value cell marked `glued`.
fn peel_glued(l: &mut Line, line: &str, start: usize) {
    let Some(last) = l.labels.last().copied() else { return };
    let text = last.slice_in(line, start);
    let is_digit = |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c);
    // An amount keeps its unit: `政府集中采购191690.9913万元` (extra-samples 104).
    let unit =
        ["万元", "元"].iter().find_map(|u| text.strip_suffix(u)).filter(|t| t.ends_with(is_digit));
    let mut body = unit.unwrap_or(text).trim_end_matches(is_digit);
    // `…7730.28` glued: take a decimal too.
    if body.len() < unit.unwrap_or(text).len() {
        if let Some(b) = body.strip_suffix(['.', '．']) {
            let b2 = b.trim_end_matches(is_digit);
            if b2.len() < b.len() {
                body = b2;
            }
        }
    }
    if body.len() == text.len() || body.is_empty() {
        return;
    }
    // A label that is only a list marker (`1.`) keeps its digits; glued digits must follow a
    // CJK character or a closing bracket.
    let Some(prev) = body.chars().last() else { return };
    if !(prev as u32 >= 0x2E80 || matches!(prev, ')' | '）' | '”' | '"' | '】')) {
        return;
    }
    if prev == '、' || prev == '．' {
        return;
    }
    let cut = last.start + body.len();
    let digits = Span::new(cut, last.end);
    if let Some(lab) = l.labels.last_mut() {
        lab.end = cut;
    }
    l.values.insert(0, Cell { span: digits, kind: CellKind::Number, glued: true });
}

/// The byte offset and the display width ([`char_width`]) of each character of `s`. CJK
/// ideographs from U+5000 (leading byte E5–E9, two columns) and printable ASCII are read
/// from their first byte, without decoding them.
fn char_cols(s: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let bytes = s.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        let (w, len) = match *bytes.get(i)? {
            0xE5..=0xE9 => (2, 3),
            b' '..=b'~' => (1, 1),
            _ => {
                let c = s.get(i..)?.chars().next()?;
                (char_width(c), c.len_utf8())
            }
        };
        let at = i;
        i += len;
        Some((at, w))
    })
}

/// The byte offset of each character of `s` and whether it is a space ([`is_blank`]). CJK
/// ideographs (leading byte E4–E9) and ASCII are read from their first byte, without
/// decoding them.
fn char_spaces(s: &str) -> impl Iterator<Item = (usize, bool)> + '_ {
    let bytes = s.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        let (space, len) = match *bytes.get(i)? {
            0xE4..=0xE9 => (false, 3),
            b @ 0..=0x7F => (is_blank(char::from(b)), 1),
            _ => {
                let c = s.get(i..)?.chars().next()?;
                (is_blank(c), c.len_utf8())
            }
        };
        let at = i;
        i += len;
        Some((at, space))
    })
}

/// The display column at absolute byte offset `at` of `line` (which starts at `start`).
fn display_col(line: &str, start: usize, at: usize) -> usize {
    char_cols(line).take_while(|&(i, _)| start + i < at).map(|(_, w)| w).sum()
}

/// Appends the display columns of `cells` (in order, inside `line` at absolute `start`) to
/// `out`, in one pass.
fn display_cols(line: &str, start: usize, cells: &[Cell], out: &mut Vec<(usize, usize)>) {
    let mut width = 0usize;
    let mut chars = char_cols(line).peekable();
    // Display column at absolute byte offset `at`, advancing the shared cursor.
    let mut col_at = |at: usize| -> usize {
        while let Some(&(i, w)) = chars.peek() {
            if start + i >= at {
                break;
            }
            width += w;
            chars.next();
        }
        width
    };
    for c in cells {
        let s = col_at(c.span.start);
        let e = col_at(c.span.end);
        out.push((s, e.max(s)));
    }
}

/// Places the values of short space-separated rows under their columns.
///
/// pdftotext -layout drops a blank cell, so `（一）予以公开  12  0  0  0  1  0` (Shanghai
/// 2019 leaves 总计 blank) and `规章  1        11` (a blank middle cell) have fewer values
/// than columns, and which cell is blank is only told by where the values stand. A row
/// whose `want` (its number of columns) exceeds its values is matched against the nearest
/// full row with as many columns — on the same page when there is one, since indentation
/// shifts at page breaks — and each value goes to the column whose centre is nearest, if
/// that column is clearly nearer than any other and the columns come out in order. The
/// missing cells become explicit blank cells. Anything else is left as it is (pypdf's
/// single-space rows carry no positions worth trusting: full rows with a one-space gap are
/// never used as anchors), and the row is fitted as before, with its ragged-row diagnostic.
///
/// `last_is_sum`: table 三's row rule is the cross-check: when the printed values already
/// satisfy `last = sum of the others` and the positions would not put that last value under
/// the last column, the arithmetic wins and the row is left alone.
pub(crate) fn place_short_rows(
    input: &str,
    lines: &mut [Line],
    want: impl Fn(usize, &Line) -> Option<usize>,
    header: &[(&str, usize)],
    last_is_sum: bool,
) {
    let wants: Vec<Option<usize>> = lines.iter().enumerate().map(|(i, l)| want(i, l)).collect();
    let heads = header_columns(input, lines, header);
    // Full rows usable as anchors, per column count, in line order.
    let mut anchors: Vec<(usize, Vec<usize>)> = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        let Some(n) = wants[i] else { continue };
        if n >= 2 && l.values.len() == n && is_aligned_full(l) {
            match anchors.iter_mut().find(|a| a.0 == n) {
                Some(a) => a.1.push(i),
                None => anchors.push((n, vec![i])),
            }
        }
    }
    for i in 0..lines.len() {
        let Some(n) = wants[i] else { continue };
        if !could_place(&lines[i], n) {
            continue;
        }
        let k = lines[i].values.len();
        let page = lines[i].page;
        let row = anchors
            .iter()
            .find(|a| a.0 == n)
            .and_then(|a| nearest(&a.1, i, |j| lines[j].page == page));
        // A full row on the same page first, then the header's column words on this page,
        // then a full row on another page.
        let anchor: &[(usize, usize)] = match row {
            Some((j, true)) => &lines[j].cols,
            // `heads` is in page order: a binary search keeps many pages linear.
            _ => match heads
                .get(heads.partition_point(|h| h.0 < page))
                .filter(|h| h.0 == page && h.1.len() == n)
            {
                Some(h) => &h.1,
                None => match row {
                    Some((j, _)) => &lines[j].cols,
                    None => continue,
                },
            },
        };
        // A label running into the first value column means the columns shifted on this
        // line (a label wider than its cell): positions prove nothing then.
        if anchor.first().is_some_and(|a| lines[i].label_col > a.0) {
            continue;
        }
        let Some(map) = assign_columns(&lines[i].cols, anchor) else { continue };
        if last_is_sum && k >= 2 && map[k - 1] != n - 1 && printed_last_is_sum(input, &lines[i]) {
            continue;
        }
        if last_is_sum && splits_as_run(input, &lines[i], n) {
            continue;
        }
        let l = &mut lines[i];
        let mut values = Vec::with_capacity(n);
        let mut cols = Vec::with_capacity(n);
        let mut next = 0;
        for c in 0..n {
            if next < k && map[next] == c {
                values.push(l.values[next]);
                cols.push(l.cols[next]);
                next += 1;
            } else {
                // An empty cell where the value would stand: after the previous value.
                let at =
                    if next > 0 { l.values[next - 1].span.end } else { l.values[0].span.start };
                values.push(Cell { span: Span::new(at, at), kind: CellKind::Blank, glued: false });
                cols.push((0, 0));
            }
        }
        l.values = values;
        l.cols = cols;
    }
}

/// Whether [`place_short_rows`] could change line `l` if its `want` is `n`: only a short
/// space-separated row of numbers and dashes is placed (the first checks of its loop).
pub(crate) fn could_place(l: &Line, n: usize) -> bool {
    let k = l.values.len();
    k > 0
        && k < n
        && l.cols.len() == k
        && l.values.iter().all(|c| matches!(c.kind, CellKind::Number | CellKind::Dash))
}

/// Whether the values of `l` are digits that the row rule (the last of `n` cells is the sum
/// of the others) can split into `n` cells: a flattened web table prints
/// `（七）总计 110000011` or `2.重复申请 0000000`, and a header line of single-spaced words
/// gives positions that such a run would be placed by, as one cell and six blanks.
pub(crate) fn splits_as_run(input: &str, l: &Line, n: usize) -> bool {
    let is_digits =
        |s: &str| !s.is_empty() && s.chars().all(|c| crate::parsers::fold_char(c).is_ascii_digit());
    let pieces: Vec<&str> = l.values.iter().map(|c| c.span.slice(input)).collect();
    n >= 2
        && pieces.iter().all(|p| is_digits(p))
        && pieces.iter().map(|p| p.chars().count()).sum::<usize>() >= n
        && super::digits::split_sum_row(&pieces, n - 1) != super::digits::Split::Impossible
}

/// Whether a row's values are all numbers or dashes, positioned, with at least two columns of
/// space between neighbours (the mark of a column-aligned layout).
fn is_aligned_full(l: &Line) -> bool {
    l.cols.len() == l.values.len()
        && l.values.iter().all(|c| matches!(c.kind, CellKind::Number | CellKind::Dash))
        && l.cols.windows(2).all(|w| w[1].0 >= w[0].1 + 2)
}

/// Per page, the display columns of the header's column words (`header`: word → column),
/// when every column up to the largest named one was found on that page's value-less,
/// space-separated lines: pdftotext -layout centres `自然人`, `商业`, … `总计` over their
/// columns (extra-samples 018), which places a short row when no full row shares its page.
/// Linear: each line is scanned once, each token compared with the few header words.
fn header_columns(
    input: &str,
    lines: &[Line],
    header: &[(&str, usize)],
) -> Vec<(usize, Vec<(usize, usize)>)> {
    let Some(n) = header.iter().map(|h| h.1 + 1).max() else { return Vec::new() };
    let mut out: Vec<(usize, Vec<(usize, usize)>)> = Vec::new();
    let mut found: Vec<Option<(usize, usize)>> = vec![None; n];
    let mut page = usize::MAX;
    let mut finish = |page: usize, found: &mut Vec<Option<(usize, usize)>>| {
        if page != usize::MAX && found.iter().all(Option::is_some) {
            out.push((page, found.iter().flatten().copied().collect()));
        }
        found.iter_mut().for_each(|f| *f = None);
    };
    // Reused from line to line: a token is a slice of its line, not a copy.
    let mut tokens: Vec<(usize, &str)> = Vec::new();
    let mut hits: Vec<(usize, usize, &str)> = Vec::new();
    for l in lines {
        if l.page != page {
            finish(page, &mut found);
            page = l.page;
        }
        let text = l.span.slice(input);
        if !l.values.is_empty() || text.contains('\t') || text.trim_start().starts_with('|') {
            continue;
        }
        // Each token with the display column where it starts.
        tokens.clear();
        let mut width = 0usize;
        let mut tok: Option<(usize, usize)> = None;
        for (i, c) in text.char_indices() {
            if is_blank(c) {
                if let Some((col, s)) = tok.take() {
                    tokens.push((col, text.get(s..i).unwrap_or_default()));
                }
            } else if tok.is_none() {
                tok = Some((width, i));
            }
            width += char_width(c);
        }
        if let Some((col, s)) = tok {
            tokens.push((col, text.get(s..).unwrap_or_default()));
        }
        for &(start, t) in &tokens {
            // `法人或其他组织` spans five columns and holds `其他`; the 勾稽 note is no header.
            if find_short(t, "法人").is_some()
                || find_short(t, "勾稽").is_some()
                || t.contains('项')
            {
                continue;
            }
            let wide = |s: &str| -> usize { s.chars().map(char_width).sum() };
            hits.clear();
            hits.extend(header.iter().filter_map(|&(word, col)| {
                let at = find_short(t, word)?;
                Some((col, start + t.get(..at).map_or(0, wide), word))
            }));
            let whole = hits.windows(2).all(|w| w[0].0 == w[1].0);
            for &(col, at, word) in &hits {
                // A token naming one column (`商业企业`, `社会公益组织`) is centred over it as a
                // whole; one running two columns together is placed word by word.
                let span = if whole { (start, start + wide(t)) } else { (at, at + wide(word)) };
                if let Some(slot) = found.get_mut(col) {
                    slot.get_or_insert(span);
                }
            }
        }
    }
    finish(page, &mut found);
    out
}

/// `t.find(word)` for a short token: compares at each byte equal to the word's first byte,
/// without building a `str` searcher per call. A match found this
/// way starts on a character boundary, since the first byte of a UTF-8 word is a leading byte.
fn find_short(t: &str, word: &str) -> Option<usize> {
    let (t, w) = (t.as_bytes(), word.as_bytes());
    let Some(&first) = w.first() else { return Some(0) };
    (0..t.len()).find(|&i| t[i] == first && t[i..].starts_with(w))
}

/// The index in `list` (sorted line indices) nearest to `i`, preferring those `same` accepts,
/// and whether `same` accepted it.
fn nearest(list: &[usize], i: usize, same: impl Fn(usize) -> bool) -> Option<(usize, bool)> {
    let p = list.partition_point(|&j| j < i);
    let before = p.checked_sub(1).map(|q| list[q]);
    let after = list.get(p).copied();
    let dist = |j: usize| j.abs_diff(i);
    let best = |a: Option<usize>, b: Option<usize>| match (a, b) {
        (Some(a), Some(b)) => Some(if dist(a) <= dist(b) { a } else { b }),
        (a, b) => a.or(b),
    };
    let same_page = best(before.filter(|&j| same(j)), after.filter(|&j| same(j)));
    same_page.map(|j| (j, true)).or_else(|| best(before, after).map(|j| (j, false)))
}

/// For each value (display columns `vals`), the anchor column whose centre is nearest; `None`
/// unless every value is clearly nearer its column than any other (twice as near as the
/// runner-up) and the columns are strictly increasing.
fn assign_columns(vals: &[(usize, usize)], anchor: &[(usize, usize)]) -> Option<Vec<usize>> {
    let mut out: Vec<usize> = Vec::with_capacity(vals.len());
    for &(s, e) in vals {
        let v = s + e;
        let mut d: Vec<(usize, usize)> =
            anchor.iter().enumerate().map(|(c, &(a, b))| ((a + b).abs_diff(v), c)).collect();
        d.sort_unstable();
        let (d1, c) = d.first().copied()?;
        let d2 = d.get(1).map_or(usize::MAX, |x| x.0);
        if d1.saturating_mul(2) >= d2 || out.last().is_some_and(|&p| p >= c) {
            return None;
        }
        out.push(c);
    }
    Some(out)
}

/// Whether the printed values of a row already satisfy `last = sum of the others`, with a
/// non-zero last (an all-zero row proves nothing).
fn printed_last_is_sum(input: &str, l: &Line) -> bool {
    let v: Vec<Option<u64>> = l
        .values
        .iter()
        .map(|c| match c.kind {
            CellKind::Number => super::cell::as_u64(c.span.slice(input)),
            _ => Some(0),
        })
        .collect();
    match v.split_last() {
        Some((Some(last), rest)) if *last > 0 => {
            rest.iter().try_fold(0u64, |a, x| x.map(|x| a.saturating_add(x))) == Some(*last)
        }
        _ => false,
    }
}

trait SliceIn {
    fn slice_in<'a>(&self, line: &'a str, line_start: usize) -> &'a str;
}

impl SliceIn for Span {
    /// The span's text inside `line` (which starts at absolute `line_start`), or "".
    fn slice_in<'a>(&self, line: &'a str, line_start: usize) -> &'a str {
        line.get(self.start.saturating_sub(line_start)..self.end.saturating_sub(line_start))
            .unwrap_or("")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_readings_agree_with_the_decoded_characters() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            // The byte readings agree with the decoded character, after another one.
            let s = format!("a{c}");
            assert_eq!(char_cols(&s).collect::<Vec<_>>(), [(0, 1), (1, char_width(c))], "{:?}", c);
            assert_eq!(char_spaces(&s).collect::<Vec<_>>(), [(0, false), (1, is_blank(c))]);
        }
    }

    fn placed(text: &str) -> Vec<CellKind> {
        let mut lines = split_lines(text, &crate::firstpass::lines(text), Span::new(0, text.len()));
        let want = |_, l: &Line| (!l.label_is_empty() && l.has_values()).then_some(4);
        place_short_rows(text, &mut lines, want, &[], true);
        lines.last().map(|l| l.values.iter().map(|c| c.kind).collect()).unwrap_or_default()
    }

    proptest::proptest! {
        #[test]
        fn find_short_is_find(
            v in proptest::collection::vec(proptest::sample::select(vec![
                "自然人", "商业", "企业", "法", "法人", "人", "其他", "总计", "a", "", "项", "勾稽",
            ]), 0..6),
            w in proptest::sample::select(vec!["自然人", "商业", "法人", "其他", "总计", "勾稽", "人", ""]),
        ) {
            let t = v.concat();
            proptest::prop_assert_eq!(find_short(&t, w), t.find(w));
        }
    }

    #[test]
    fn short_rows_placed_by_position() {
        use CellKind::{Blank, Number};
        // The blank third cell stays third.
        let t = "甲        1     2     3     6\n乙        4     5           9\n";
        assert_eq!(placed(t), [Number, Number, Blank, Number]);
        // One space between cells (pypdf): no positions, the row is left short.
        let t = "甲 1 2 3 6\n乙 4 5 9\n";
        assert_eq!(placed(t), [Number, Number, Number]);
        // A label wider than its column shifts the values: left short too.
        let t = "甲        1     2     3     6\n乙乙乙乙乙乙  4     5     9\n";
        assert_eq!(placed(t), [Number, Number, Number]);
    }
}
