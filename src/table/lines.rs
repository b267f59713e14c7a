//! Turning the lines of a table region into label text and value cells, whatever tool made
//! the text: tab-separated cells, Markdown `|` rows, space-separated or column-aligned rows,
//! one cell per line, or digits glued to their label.

use super::cell::{classify, is_page_number, is_space, Cell, CellKind};
use crate::Span;

/// One line of a table region, split into its label part and its value cells.
#[derive(Debug, Clone)]
pub(crate) struct Line {
    /// The whole line (without its terminator), absolute.
    pub span: Span,
    /// Label cells / label text pieces in order, with their spans.
    pub labels: Vec<Span>,
    /// The value cells after the last label cell, in order.
    pub values: Vec<Cell>,
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
    for raw in text.split_inclusive('\n') {
        let start = base + offset;
        offset += raw.len();
        let line = raw.trim_end_matches(['\n', '\r']);
        if line.chars().all(is_space) || is_page_number(line) {
            continue;
        }
        if let Some(l) = split_line(line, start) {
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
        return Some(Line { span, labels, values });
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
    let mut l = Line { span, labels, values };
    peel_glued(&mut l, line, start);
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
