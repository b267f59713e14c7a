//! Turning the lines of a table region into label text and value cells, whatever tool made
//! the text: tab-separated cells, Markdown `|` rows, space-separated or column-aligned rows,
//! one cell per line, or digits glued to their label.

use super::cell::{classify, is_page_number, is_space, Cell, CellKind};
use crate::Span;
use unicode_width::UnicodeWidthChar;

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

    /// Whether the line holds at least one number or dash.
    pub fn has_values(&self) -> bool {
        self.values.iter().any(|c| matches!(c.kind, CellKind::Number | CellKind::Dash))
    }
}

/// Splits `region` of `input` into lines, dropping blank lines, page numbers and Markdown
/// separator rows. Linear in the region size.
pub(crate) fn split_lines(input: &str, region: Span) -> Vec<Line> {
    let text = region.slice(input);
    let base = region.start;
    let mut out = Vec::new();
    let mut offset = 0usize;
    let mut page = 0;
    for raw in text.split_inclusive('\n') {
        let start = base + offset;
        offset += raw.len();
        let line = raw.trim_end_matches(['\n', '\r']);
        if line.chars().all(is_space) {
            continue;
        }
        if is_page_number(line) {
            page += 1;
            continue;
        }
        if let Some(mut l) = split_line(line, start) {
            l.page = page;
            out.push(l);
        }
    }
    out
}

/// Trims `s` (a slice at absolute `start`) and returns the span of what is left.
fn trimmed_span(s: &str, start: usize) -> Span {
    let lead = s.len() - s.trim_start_matches(is_space).len();
    let t = s.trim_matches(is_space);
    Span::new(start + lead, start + lead + t.len())
}

fn split_line(line: &str, start: usize) -> Option<Line> {
    let span = Span::new(start, start + line.len());
    let trimmed = line.trim_matches(is_space);
    let is_markdown = trimmed.starts_with('|') || trimmed.starts_with('｜');
    if line.contains('\t') || is_markdown {
        let sep: &[char] = if is_markdown { &['|', '｜'] } else { &['\t'] };
        let mut cells: Vec<Span> = Vec::new();
        let mut pos = 0usize;
        for part in line.split(sep) {
            cells.push(trimmed_span(part, start + pos));
            pos += part.len();
            // Advance past the separator (its UTF-8 length).
            pos += line.get(pos..).and_then(|r| r.chars().next()).map_or(0, char::len_utf8);
        }
        if is_markdown {
            // Outer pipes leave an empty first and last cell.
            if cells.first().is_some_and(|c| c.is_empty()) {
                cells.remove(0);
            }
            if cells.last().is_some_and(|c| c.is_empty()) {
                cells.pop();
            }
            let is_rule = cells.iter().all(|c| {
                let t = c.slice_in(line, start);
                !t.is_empty() && t.chars().all(|ch| matches!(ch, '-' | ':' | '—' | ' '))
            });
            if is_rule && !cells.is_empty() {
                return None;
            }
        }
        let kinds: Vec<CellKind> =
            cells.iter().map(|c| classify(c.slice_in(line, start))).collect();
        let last_label = kinds.iter().rposition(|k| *k == CellKind::Text);
        let (labels, values) = match last_label {
            Some(i) => (
                cells[..=i]
                    .iter()
                    .zip(&kinds)
                    .filter(|(c, k)| !c.is_empty() && **k == CellKind::Text)
                    .map(|(c, _)| *c)
                    .collect(),
                cells[i + 1..]
                    .iter()
                    .zip(&kinds[i + 1..])
                    .map(|(c, k)| Cell { span: *c, kind: *k, glued: false })
                    .collect(),
            ),
            None => (
                Vec::new(),
                cells
                    .iter()
                    .zip(&kinds)
                    .map(|(c, k)| Cell { span: *c, kind: *k, glued: false })
                    .collect(),
            ),
        };
        return Some(Line { span, labels, values, cols: Vec::new(), page: 0 });
    }
    // Space-separated: trailing tokens that are numbers or dashes are the values; the rest is
    // label text (labels may hold spaces: `规 章`, `结果 维持`).
    let mut tokens: Vec<Span> = Vec::new();
    let mut tok_start: Option<usize> = None;
    for (i, c) in line.char_indices() {
        if is_space(c) {
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
    let mut first_value = tokens.len();
    while first_value > 0 {
        let k = classify(tokens[first_value - 1].slice_in(line, start));
        if matches!(k, CellKind::Number | CellKind::Dash) {
            first_value -= 1;
        } else {
            break;
        }
    }
    let values = tokens[first_value..]
        .iter()
        .map(|t| Cell { span: *t, kind: classify(t.slice_in(line, start)), glued: false })
        .collect();
    let labels = if first_value > 0 {
        vec![Span::new(tokens[0].start, tokens[first_value - 1].end)]
    } else {
        Vec::new()
    };
    let mut l = Line { span, labels, values, cols: Vec::new(), page: 0 };
    peel_glued(&mut l, line, start);
    l.cols = display_cols(line, start, &l.values);
    Some(l)
}

/// Digits glued to the end of the label (`5.要求行政机关确认或重新出具0  0  0` from
/// pdftotext -layout, extra-samples/018; `一、本年新收…数量530010360` from a flattened web
/// table) become a value cell marked `glued`.
fn peel_glued(l: &mut Line, line: &str, start: usize) {
    let Some(last) = l.labels.last().copied() else { return };
    let text = last.slice_in(line, start);
    let is_digit = |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c);
    let mut body = text.trim_end_matches(is_digit);
    // `…7730.28` glued: take a decimal too.
    if body.len() < text.len() {
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

/// The display columns of `cells` (in order, inside `line` at absolute `start`), in one pass.
fn display_cols(line: &str, start: usize, cells: &[Cell]) -> Vec<(usize, usize)> {
    let mut out = Vec::with_capacity(cells.len());
    let mut width = 0usize;
    let mut chars = line.char_indices().peekable();
    // Display column at absolute byte offset `at`, advancing the shared cursor.
    let mut col_at = |at: usize| -> usize {
        while let Some(&(i, c)) = chars.peek() {
            if start + i >= at {
                break;
            }
            width += if c == '\u{3000}' { 2 } else { c.width().unwrap_or(0) };
            chars.next();
        }
        width
    };
    for c in cells {
        let s = col_at(c.span.start);
        let e = col_at(c.span.end);
        out.push((s, e.max(s)));
    }
    out
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
    want: impl Fn(&Line) -> Option<usize>,
    last_is_sum: bool,
) {
    let wants: Vec<Option<usize>> = lines.iter().map(&want).collect();
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
        let k = lines[i].values.len();
        if k == 0 || k >= n || lines[i].cols.len() != k {
            continue;
        }
        if !lines[i].values.iter().all(|c| matches!(c.kind, CellKind::Number | CellKind::Dash)) {
            continue;
        }
        let Some(list) = anchors.iter().find(|a| a.0 == n).map(|a| &a.1) else { continue };
        let Some(j) = nearest(list, i, |j| lines[j].page == lines[i].page) else { continue };
        let Some(map) = assign_columns(&lines[i].cols, &lines[j].cols) else { continue };
        if last_is_sum && k >= 2 && map[k - 1] != n - 1 && printed_last_is_sum(input, &lines[i]) {
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

/// Whether a row's values are all numbers or dashes, positioned, with at least two columns of
/// space between neighbours (the mark of a column-aligned layout).
fn is_aligned_full(l: &Line) -> bool {
    l.cols.len() == l.values.len()
        && l.values.iter().all(|c| matches!(c.kind, CellKind::Number | CellKind::Dash))
        && l.cols.windows(2).all(|w| w[1].0 >= w[0].1 + 2)
}

/// The index in `list` (sorted line indices) nearest to `i`, preferring those `same` accepts.
fn nearest(list: &[usize], i: usize, same: impl Fn(usize) -> bool) -> Option<usize> {
    let p = list.partition_point(|&j| j < i);
    let before = p.checked_sub(1).map(|q| list[q]);
    let after = list.get(p).copied();
    let dist = |j: usize| j.abs_diff(i);
    let best = |a: Option<usize>, b: Option<usize>| match (a, b) {
        (Some(a), Some(b)) => Some(if dist(a) <= dist(b) { a } else { b }),
        (a, b) => a.or(b),
    };
    let same_page = best(before.filter(|&j| same(j)), after.filter(|&j| same(j)));
    same_page.or_else(|| best(before, after))
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
