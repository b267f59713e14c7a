//! Assembling table 三 收到和处理政府信息公开申请情况 from the lines of its region.
//!
//! Rows come in three shapes, all handled by one pass with a queue of labels waiting for
//! their values:
//! - label and values on one line (tab, Markdown, space-separated, aligned);
//! - a label on its own line(s) and the values after it (pypdf wraps long labels: the values
//!   follow the last label line, extra-samples 003), one per line or all on one line;
//! - a block of labels, then a block of numbers column by column (pdfminer, extra-samples
//!   002/012) or row by row (web innerText).

use super::cell::{
    as_u64, cell_diagnostic, norm_label_cow, push_norm_label, read_count, Cell, CellKind,
};
use super::digits::sum_row_splits;
use super::lines::{self, Line};
use super::row::{fit, RowRule};
use super::vocab::{is_app_header, norm, recognize_app, AppLabel};
use crate::template::{
    AppGroup, APP_COLUMN_WORDS, APP_ROWS, APP_SLOTS, SLOT_OTHER3, SLOT_TOTAL, SLOT_UNDIVIDED,
};
use std::borrow::Cow;
use std::ops::ControlFlow;

use crate::{ApplicantColumn, ApplicantCounts, Applications, Code, Diagnostic, Span};

const COLS: usize = 7;

/// The most candidate splits kept for one ambiguous row: a row of seven cells rarely has
/// more than a handful; one with more constrains nothing and stays blank.
const CANDIDATES: usize = 64;

/// The most assignments of candidate splits tried for one table (the rows a column rule
/// constrains, together): a few rows of a few candidates each in practice.
const COMBINATIONS: usize = 1 << 15;

/// What a slot contributes to the column rules of [`State::resolve_by_table`].
#[derive(Debug, Clone, Copy)]
enum Term {
    /// No such row.
    Absent,
    /// A row read: its counts (`None` for a blank or invalid cell).
    Known([Option<u64>; COLS]),
    /// An ambiguous row searched: its index among the rows searched.
    Var(usize),
    /// An ambiguous row with too many candidates.
    Unknown,
}

/// An ambiguous row of [`State::resolve_by_table`]: its index in `State::ambiguous`, its
/// candidate splits (counts and cell spans) and whether a column rule uses it.
struct Var {
    ambiguous: usize,
    cands: Vec<([u64; COLS], [Span; COLS])>,
    used: bool,
}

/// One column rule, `known + Σ sign × candidate[col] = 0`.
struct Check {
    known: i128,
    vars: Vec<(usize, i128)>,
    col: usize,
}

#[derive(Debug, Clone, Copy)]
struct Queued {
    slot: usize,
    span: Span,
    provisional: bool,
}

/// A row read so far: its span and the span of each of its seven cells. The counts are not
/// kept: a count is the reading of its cell's text ([`as_u64`]; a cell that does not read as
/// one is blank), so they are read once, when the table is built. The cells are spans with
/// a bit each for whether they are present (an `Option<Span>` takes 24 bytes): 136 bytes
/// instead of the 304 of an [`ApplicantCounts`], for 26 slots.
#[derive(Debug, Clone, Copy)]
struct Row {
    span: Span,
    cells: [Span; COLS],
    /// Bit `i` is set when cell `i` is present.
    present: u8,
}

impl Row {
    fn new(span: Span) -> Self {
        Row { span, cells: [Span::default(); COLS], present: 0 }
    }

    /// Cell `i`, if present.
    fn cell(&self, i: usize) -> Option<Span> {
        (self.present & (1 << i) != 0).then(|| self.cells[i])
    }

    fn set_cell(&mut self, i: usize, span: Span) {
        if let Some(c) = self.cells.get_mut(i) {
            *c = span;
            self.present |= 1 << i;
        }
    }

    /// The seven counts, in [`ApplicantColumn::ALL`] order.
    fn values(&self, input: &str) -> [Option<u64>; COLS] {
        std::array::from_fn(|i| self.cell(i).and_then(|s| as_u64(s.slice(input))))
    }

    /// The row of the model.
    fn counts(&self, input: &str) -> ApplicantCounts {
        let cells = std::array::from_fn(|i| self.cell(i));
        let mut row = ApplicantCounts { span: self.span, cells, ..Default::default() };
        for (col, v) in ApplicantColumn::ALL.iter().zip(self.values(input)) {
            row.set(*col, v);
        }
        row
    }
}

struct State<'a> {
    input: &'a str,
    rows: Vec<Option<Row>>,
    queue: Vec<Queued>,
    vbuf: Vec<Cell>,
    vspan: Option<Span>,
    pending_text: Vec<Span>,
    last_slot: Option<usize>,
    header_mode: bool,
    /// Run-together rows no split of which the row's own arithmetic could single out:
    /// (slot, the digit cells, index of their `ambiguous-digits` diagnostic).
    ambiguous: Vec<(usize, Vec<Cell>, usize)>,
    diagnostics: &'a mut Vec<Diagnostic>,
}

fn label_text(input: &str, spans: &[Span]) -> String {
    spans.iter().map(|s| s.slice(input)).collect::<Vec<_>>().join(" ")
}

/// Every labelled row of table 三 with values has the seven columns.
fn want(l: &Line) -> Option<usize> {
    (!l.label_is_empty() && l.has_values()).then_some(COLS)
}

/// Reads table 三 from `region`; `None` when no row at all could be typed.
///
/// Reads the lines one at a time ([`read_streamed`]) where that gives what reading them all
/// at once gives ([`read_whole`], the plain version the tests compare it with), else all at
/// once; the streamed reading holds one line, not the region's lines with their cells.
pub(crate) fn read_region(
    input: &str,
    all_lines: &[crate::layout::Line],
    region: Span,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Applications> {
    let before = diagnostics.len();
    match read_streamed(input, all_lines, region, diagnostics) {
        Ok(table) => table,
        Err(NeedsWhole) => {
            diagnostics.truncate(before);
            read_whole(input, all_lines, region, diagnostics)
        }
    }
}

/// Why [`read_streamed`] cannot read a region: a short space-separated row that
/// `lines::place_short_rows` could place (pdftotext -layout with blank cells: placing it needs
/// the rows around it), or rows that vote for [`total_first`] (the vote needs every row).
#[derive(Debug, PartialEq, Eq)]
struct NeedsWhole;

/// Table 三 from the region's lines read one at a time, or [`NeedsWhole`] (then the
/// diagnostics it pushed are to be taken back).
fn read_streamed(
    input: &str,
    all_lines: &[crate::layout::Line],
    region: Span,
    diagnostics: &mut Vec<Diagnostic>,
) -> Result<Option<Applications>, NeedsWhole> {
    let mut votes = TotalFirst::default();
    let mut st = State::new(input, diagnostics);
    let streamed = lines::each_line(input, all_lines, region, |l| {
        if want(l).is_some_and(|n| lines::could_place(l, n) && !lines::splits_as_run(input, l, n)) {
            return ControlFlow::Break(());
        }
        votes.count(input, l);
        st.line(l);
        ControlFlow::Continue(())
    });
    if streamed.is_break() || votes.rotates() {
        return Err(NeedsWhole);
    }
    st.flush();
    Ok(st.finish(region))
}

/// Table 三 from all the region's lines at once: short rows placed under their columns, a 总计
/// column printed first moved to the end.
fn read_whole(
    input: &str,
    all_lines: &[crate::layout::Line],
    region: Span,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Applications> {
    let mut lines = lines::split_lines(input, all_lines, region);
    lines::place_short_rows(input, &mut lines, |_, l| want(l), APP_COLUMN_WORDS, true);
    total_first(input, &mut lines, diagnostics);
    read(input, lines, region, diagnostics)
}

/// Moves a 总计 column printed first (`总计 自然人 商业企业 …`, seen in reports that put the
/// total next to the labels) to the end, where the model and the official template have it.
///
/// The header cannot be trusted to say so (it is often broken into fragments), so the rows
/// decide: when more seven-value rows have their first value equal to the sum of the six
/// others than their last, and at least two do (all-zero rows prove nothing), every
/// seven-value row is rotated, with a note.
fn total_first(input: &str, lines: &mut [Line], diagnostics: &mut Vec<Diagnostic>) {
    let mut votes = TotalFirst::default();
    for l in lines.iter() {
        votes.count(input, l);
    }
    if votes.decide(diagnostics) {
        lines.iter_mut().for_each(TotalFirst::rotate);
    }
}

/// The votes of the seven-value rows for [`total_first`].
#[derive(Debug, Default)]
struct TotalFirst {
    /// Rows whose first value is the sum of the others (and whose last is not).
    first: usize,
    /// Rows whose last value is the sum of the others (and whose first is not).
    last: usize,
    /// The first seven-value row: it stands for all in the note (a span over the table
    /// would repeat it).
    span: Option<Span>,
}

impl TotalFirst {
    fn count(&mut self, input: &str, l: &Line) {
        if l.values.len() != COLS {
            return;
        }
        self.span.get_or_insert(l.span);
        let (f, la) = Self::sums(input, &l.values);
        self.first += usize::from(f && !la);
        self.last += usize::from(la && !f);
    }

    /// Whether the first and whether the last value is the sum of the others.
    fn sums(input: &str, cells: &[Cell]) -> (bool, bool) {
        let mut v = [0u64; COLS];
        for (x, c) in v.iter_mut().zip(cells) {
            *x = match c.kind {
                CellKind::Number => match as_u64(c.span.slice(input)) {
                    Some(n) => n,
                    None => return (false, false),
                },
                CellKind::Text => return (false, false),
                _ => 0,
            };
        }
        // u128: the cells are any u64 on hostile input, and the sum must not overflow.
        let total: u128 = v.iter().map(|&x| u128::from(x)).sum();
        let first = v[0] > 0 && u128::from(v[0]) * 2 == total;
        let last = v[COLS - 1] > 0 && u128::from(v[COLS - 1]) * 2 == total;
        (first, last)
    }

    /// Whether the rows are to be rotated.
    fn rotates(&self) -> bool {
        self.first > self.last && self.first >= 2
    }

    /// Whether the rows are to be rotated; pushes the note when they are.
    fn decide(&self, diagnostics: &mut Vec<Diagnostic>) -> bool {
        let (first, last) = (self.first, self.last);
        if !self.rotates() {
            return false;
        }
        diagnostics.push(Diagnostic::note(
            Code::RaggedRow,
            self.span.unwrap_or_default(),
            format!(
                "found the 总计 column printed first ({first} rows total their first cell, \
                 {last} their last); read it as the last column"
            ),
        ));
        true
    }

    /// Moves the first value of a seven-value row to the end.
    fn rotate(l: &mut Line) {
        if l.values.len() == COLS {
            l.values.rotate_left(1);
            if l.cols.len() == COLS {
                l.cols.rotate_left(1);
            }
        }
    }
}

/// Reads table 三 from `lines`; `None` when no row at all could be typed.
///
/// Takes the lines to drop them once read, before the table is built: the lines and the
/// table are the two largest things the reader holds, and need not be held together.
fn read(
    input: &str,
    lines: Vec<Line>,
    region: Span,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Applications> {
    // No line: `flush` and `finish` would report nothing and return `None`.
    if lines.is_empty() {
        return None;
    }
    let mut st = State::new(input, diagnostics);
    for line in &lines {
        st.line(line);
    }
    drop(lines);
    st.flush();
    st.finish(region)
}

impl<'a> State<'a> {
    fn new(input: &'a str, diagnostics: &'a mut Vec<Diagnostic>) -> Self {
        State {
            input,
            // Allocated on the first row (see `assign`): a region with no data row (sample
            // 000, whose tables were images) then costs nothing.
            rows: Vec::new(),
            queue: Vec::new(),
            vbuf: Vec::new(),
            vspan: None,
            pending_text: Vec::new(),
            last_slot: None,
            header_mode: true,
            ambiguous: Vec::new(),
            diagnostics,
        }
    }

    fn resolve(&mut self, rec: Option<AppLabel>, has_values: bool) -> Option<AppLabel> {
        match rec {
            Some(AppLabel::BareTotal) => {
                // Bare `总计` is a column header (pdfminer prints header words after some rows,
                // extra-samples 012) unless it follows the （六） rows.
                let after_other =
                    self.last_slot.is_some_and(|s| (20..=SLOT_UNDIVIDED).contains(&s));
                (has_values || (after_other && !self.header_mode))
                    .then_some(AppLabel::Row(SLOT_TOTAL))
            }
            Some(AppLabel::BareOther) => {
                let after = self.last_slot.is_some_and(|s| s == 20 || s == 21);
                (after && !self.header_mode).then_some(AppLabel::Row(SLOT_OTHER3))
            }
            Some(AppLabel::Group(AppGroup::Other)) if has_values => {
                Some(AppLabel::Row(SLOT_UNDIVIDED))
            }
            r => r,
        }
    }

    fn line(&mut self, line: &Line) {
        let has_values = line.has_values();
        if line.label_is_empty() {
            let cells = &line.values;
            let (a, b) = trim_blanks(cells);
            if a < b {
                self.vbuf.extend_from_slice(&cells[a..b]);
                self.vspan = Some(self.vspan.map_or(line.span, |s| s.cover(line.span)));
            }
            return;
        }
        // The folded label, straight from its pieces: folding drops the spaces that would
        // join them (the joined text is built for a diagnostic only). One piece, the usual
        // case, is borrowed when folding leaves it as it is.
        let n: Cow<'_, str> = match line.labels.as_slice() {
            [one] => norm_label_cow(one.slice(self.input)),
            pieces => {
                let mut n = String::with_capacity(pieces.iter().map(|s| s.len()).sum());
                for s in pieces {
                    push_norm_label(&mut n, s.slice(self.input));
                }
                n.into()
            }
        };
        let raw = recognize_app(&n);
        // A tab or Markdown row whose cells are all blank is still a row (blank, not absent).
        let has_values =
            has_values || (!line.values.is_empty() && matches!(raw, Some(AppLabel::Row(_))));
        if raw.is_none() && is_app_header(&n) {
            self.header_mode = true;
        }
        let rec = self.resolve(raw, has_values);
        if !has_values {
            self.flush();
            match rec {
                Some(AppLabel::Row(slot)) => {
                    self.header_mode = false;
                    if (20..=SLOT_OTHER3).contains(&slot) {
                        self.queue.retain(|q| !q.provisional);
                    }
                    match self.queue.last_mut() {
                        // A label wrapped over lines names the same row twice
                        // (`5.要求行政机关确认或重新出` / `具已获取信息`, extra-samples 012).
                        Some(q) if q.slot == slot => q.span = q.span.cover(line.span),
                        _ => self.queue.push(Queued { slot, span: line.span, provisional: false }),
                    }
                    self.last_slot = Some(slot);
                    self.pending_text.clear();
                }
                Some(AppLabel::Group(AppGroup::Other)) => {
                    // （六）其他处理 alone on its line: a data row when no sub-item follows
                    // (the 2019 edition; extra-samples 001/002 in 2021 format).
                    self.header_mode = false;
                    self.queue.push(Queued {
                        slot: SLOT_UNDIVIDED,
                        span: line.span,
                        provisional: true,
                    });
                    self.pending_text.clear();
                }
                Some(_) => self.pending_text.clear(),
                None => {
                    if let Some(q) = self.queue.last_mut() {
                        // A wrapped label's tail line (`形，不计其他情形）`) belongs to the row.
                        if self.vbuf.is_empty() {
                            q.span = q.span.cover(line.span);
                        }
                    }
                    // Only the last few fragments can be part of the next label; keeping
                    // more would make joining them quadratic on hostile input.
                    if self.pending_text.len() == 4 {
                        self.pending_text.remove(0);
                    }
                    self.pending_text.push(line.span);
                }
            }
            return;
        }
        self.flush();
        let slot = match rec {
            Some(AppLabel::Row(s)) => Some(s),
            Some(AppLabel::Group(_)) => {
                // A subtotal row under a group cell: not part of the official format.
                self.diagnostics.push(Diagnostic::note(
                    Code::UnknownRow,
                    line.span,
                    format!("found a subtotal row `{}`, which the official format does not have; ignored", label_text(self.input, &line.labels).trim()),
                ));
                return;
            }
            _ => {
                let joined = format!(
                    "{}{}",
                    self.pending_text.iter().map(|s| norm(s.slice(self.input))).collect::<String>(),
                    n
                );
                match self.resolve(recognize_app(&joined), true) {
                    Some(AppLabel::Row(s)) => Some(s),
                    _ => self.queue.last().filter(|q| !q.provisional).map(|q| q.slot),
                }
            }
        };
        let Some(slot) = slot else {
            self.diagnostics.push(Diagnostic::warning(
                Code::UnknownRow,
                line.span,
                format!(
                    "expected a row of table 三, found `{}`, which matches none",
                    label_text(self.input, &line.labels).trim()
                ),
            ));
            return;
        };
        let mut span = line.span;
        if let Some(pos) = self.queue.iter().rposition(|q| q.slot == slot) {
            span = span.cover(self.queue[pos].span);
            self.queue.remove(pos);
        }
        if (20..=SLOT_OTHER3).contains(&slot) {
            self.queue.retain(|q| !q.provisional);
        }
        self.header_mode = false;
        self.pending_text.clear();
        self.assign(slot, &line.values, span);
    }

    /// Gives the buffered values to the queued labels.
    fn flush(&mut self) {
        if self.vbuf.is_empty() {
            return;
        }
        let vbuf = std::mem::take(&mut self.vbuf);
        let vspan = self.vspan.take().unwrap_or_default();
        // A provisional （六） whose sub-items are also waiting is a group cell.
        if self.queue.iter().any(|q| (20..=SLOT_OTHER3).contains(&q.slot)) {
            self.queue.retain(|q| !q.provisional);
        }
        let k = self.queue.len();
        let n = vbuf.len();
        if k == 0 {
            self.diagnostics.push(Diagnostic::warning(
                Code::UnparsedText,
                vspan,
                format!("expected a row label of table 三 before these {n} values, found none"),
            ));
            return;
        }
        if k == 1 || n < COLS * 2 {
            let q = self.queue.remove(0);
            self.assign(q.slot, &vbuf, q.span.cover(vspan));
            return;
        }
        let rows = (n / COLS).min(k);
        if !n.is_multiple_of(COLS) {
            self.diagnostics.push(Diagnostic::warning(
                Code::RaggedRow,
                vspan,
                format!(
                    "expected {} values for the {k} rows above, found {n}; read {rows} rows",
                    k * COLS
                ),
            ));
        }
        let take: Vec<Queued> = self.queue.drain(..rows).collect();
        let used = &vbuf[..rows * COLS];
        // pdfminer prints a block of labels then the numbers column by column; a web page's
        // innerText row by row. The row totals decide; on a tie, column order (the only
        // extractor seen to print several labels before their numbers).
        // pdfminer may also emit the 总计 column before 其他 (extra-samples 002, first block).
        let pick = |r: usize, how: u8| -> Vec<Cell> {
            match how {
                0 => (0..COLS).map(|c| used[c * rows + r]).collect(),
                1 => used[r * COLS..(r + 1) * COLS].to_vec(),
                _ => {
                    let mut v: Vec<Cell> = (0..COLS).map(|c| used[c * rows + r]).collect();
                    v.swap(5, 6);
                    v
                }
            }
        };
        // Rows whose 总计 is non-zero and equals the sum: all-zero rows prove nothing.
        let score = |how: u8| {
            (0..rows)
                .filter(|&r| {
                    row_sums(self.input, &pick(r, how)) && nonzero(self.input, &pick(r, how))
                })
                .count()
        };
        let scores = [score(0), score(1), score(2)];
        let how = if scores[1] > scores[0] && scores[1] >= scores[2] {
            1
        } else if scores[2] > scores[0] {
            2
        } else {
            0
        };
        if how == 2 {
            self.diagnostics.push(Diagnostic::note(
                Code::RaggedRow,
                vspan,
                "found the columns 其他 and 总计 printed in swapped order; read them by the row totals",
            ));
        }
        for (r, q) in take.iter().enumerate() {
            self.assign(q.slot, &pick(r, how), q.span);
        }
        if rows * COLS < n {
            // Leftover values: keep them for labels that come later.
            self.vbuf = vbuf[rows * COLS..].to_vec();
            self.vspan = Some(vspan);
        }
    }

    fn assign(&mut self, slot: usize, cells: &[Cell], span: Span) {
        self.last_slot = Some(slot);
        let what = APP_ROWS.get(slot).map_or("?", |r| r.0);
        if self.rows.get(slot).is_some_and(Option::is_some) {
            self.diagnostics.push(Diagnostic::warning(
                Code::DuplicateRow,
                span,
                format!("expected row `{what}` once, found it again; kept the first"),
            ));
            return;
        }
        let before = self.diagnostics.len();
        let fitted = fit(self.input, cells, COLS, RowRule::LastIsSum, span, what, self.diagnostics);
        if let Some(i) = (before..self.diagnostics.len())
            .find(|&i| self.diagnostics[i].code == Code::AmbiguousDigits)
        {
            self.ambiguous.push((slot, cells.to_vec(), i));
        }
        let mut row = Row::new(span);
        for (col, cell) in ApplicantColumn::ALL.iter().zip(fitted) {
            let Some(cell) = cell else { continue };
            row.set_cell(col.index(), cell.span);
            let text = cell.span.slice(self.input);
            // (`Row::values` reads the same text: a cell that reads as no count is blank.)
            if matches!(cell.kind, CellKind::Number | CellKind::Text) {
                let read = read_count(text).map(|r| r.1).ok_or(());
                self.diagnostics.extend(cell_diagnostic(cell.span, text, what, "a count", read));
            }
        }
        if self.rows.is_empty() {
            self.rows = vec![None; APP_SLOTS];
        }
        if let Some(r) = self.rows.get_mut(slot) {
            *r = Some(row);
        }
    }

    /// Splits the ambiguous digit runs by the whole table's arithmetic: each row's candidate
    /// splits (those its own rule allows, at most [`CANDIDATES`]) are tried together, and a
    /// row is split where every assignment of candidates that satisfies the column rules
    /// (一 + 二 = （七） + 四 and （七） = the sum of the result rows, per column) gives it
    /// the same cells.
    ///
    /// Only the rules the report can be held to are used: a column rule whose terms are all
    /// read already and that fails is broken by the report itself (extra-samples 104: the
    /// detail rows do not add up to （七）), and is dropped; a rule with a missing row, a
    /// blank cell or a row of too many candidates is not used. When no assignment satisfies
    /// the rules left, the report breaks one of them too, and nothing is split: the rows stay
    /// as their own rule leaves them (blank, with `ambiguous-digits`). At most
    /// [`COMBINATIONS`] assignments are tried; beyond that the rows stay blank too.
    fn resolve_by_table(&mut self) {
        if self.ambiguous.is_empty() {
            return;
        }
        let input = self.input;
        let mut vars: Vec<Var> = Vec::new();
        let mut term: [Term; APP_SLOTS] = [Term::Absent; APP_SLOTS];
        for (s, t) in term.iter_mut().enumerate() {
            if let Some(r) = self.rows.get(s).and_then(Option::as_ref) {
                *t = Term::Known(r.values(input));
            }
        }
        for (k, (slot, cells, _)) in self.ambiguous.iter().enumerate() {
            let pieces: Vec<&str> = cells.iter().map(|c| c.span.slice(input)).collect();
            let Some(t) = term.get_mut(*slot) else { continue };
            *t = Term::Unknown;
            // (No split at all: a run that breaks its own rule stays unknown too.)
            let Some(splits) =
                sum_row_splits(&pieces, COLS - 1, CANDIDATES).filter(|s| s.len() >= 2)
            else {
                continue;
            };
            let offsets = super::row::digit_offsets(input, cells);
            let mut cands = Vec::with_capacity(splits.len());
            for parts in splits {
                let mut vals = [0u64; COLS];
                let mut spans = [Span::default(); COLS];
                for (i, (v, r)) in parts.into_iter().enumerate().take(COLS) {
                    vals[i] = v;
                    let s = offsets.get(r.start).map_or(0, |d| d.0);
                    let e = r.end.checked_sub(1).and_then(|i| offsets.get(i)).map_or(s, |d| d.1);
                    spans[i] = Span::new(s, e);
                }
                cands.push((vals, spans));
            }
            *t = Term::Var(vars.len());
            vars.push(Var { ambiguous: k, cands, used: false });
        }
        // The column rules, as `Σ plus = Σ minus` over slots.
        // （六）其他处理 with values counts only without its sub-items (as `finish` keeps it).
        let undivided_only = (20..=SLOT_OTHER3).all(|s| matches!(term[s], Term::Absent));
        let results: Vec<usize> = (2..=SLOT_UNDIVIDED)
            .filter(|&s| s != SLOT_UNDIVIDED || undivided_only)
            .filter(|&s| !matches!(term[s], Term::Absent))
            .collect();
        let rules: [(&[usize], &[usize]); 2] =
            [(&[0, 1], &[SLOT_TOTAL, 25]), (&[SLOT_TOTAL], &results)];
        let mut checks: Vec<Check> = Vec::new();
        for (plus, minus) in rules {
            'col: for c in 0..COLS {
                let mut check = Check { known: 0, vars: Vec::new(), col: c };
                for (&s, sign) in
                    plus.iter().map(|s| (s, 1i128)).chain(minus.iter().map(|s| (s, -1i128)))
                {
                    match term[s] {
                        Term::Known(v) => match v[c] {
                            Some(x) => check.known += sign * i128::from(x),
                            None => continue 'col,
                        },
                        Term::Var(k) => check.vars.push((k, sign)),
                        Term::Unknown | Term::Absent => continue 'col,
                    }
                }
                if !check.vars.is_empty() {
                    for &(k, _) in &check.vars {
                        vars[k].used = true;
                    }
                    checks.push(check);
                }
            }
        }
        // Only the rows some rule constrains are searched; the others stay ambiguous.
        let searched: Vec<usize> = (0..vars.len()).filter(|&k| vars[k].used).collect();
        let combos = searched
            .iter()
            .try_fold(1usize, |a, &k| a.checked_mul(vars[k].cands.len()))
            .filter(|&n| n <= COMBINATIONS);
        if searched.is_empty() || combos.is_none() {
            return;
        }
        let mut choice = vec![0usize; vars.len()];
        // Per searched row: the candidate of the satisfying assignments, while they agree.
        let mut agreed: Vec<Option<Option<usize>>> = vec![None; vars.len()];
        loop {
            let ok = checks.iter().all(|ch| {
                ch.known
                    + ch.vars
                        .iter()
                        .map(|&(k, sign)| sign * i128::from(vars[k].cands[choice[k]].0[ch.col]))
                        .sum::<i128>()
                    == 0
            });
            if ok {
                for &k in &searched {
                    agreed[k] = match agreed[k] {
                        None => Some(Some(choice[k])),
                        Some(Some(c)) if c == choice[k] => Some(Some(c)),
                        _ => Some(None),
                    };
                }
            }
            // The next assignment (a mixed-radix counter over the searched rows).
            let mut done = true;
            for &k in &searched {
                choice[k] += 1;
                if choice[k] < vars[k].cands.len() {
                    done = false;
                    break;
                }
                choice[k] = 0;
            }
            if done {
                break;
            }
        }
        let mut solved = Vec::new();
        for &k in &searched {
            let Some(Some(c)) = agreed[k] else { continue };
            let (slot, ref cells, diag) = self.ambiguous[vars[k].ambiguous];
            let spans = vars[k].cands[c].1;
            if let Some(row) = self.rows.get_mut(slot).and_then(Option::as_mut) {
                for (i, sp) in spans.into_iter().enumerate() {
                    row.set_cell(i, sp);
                }
            }
            if let Some(d) = self.diagnostics.get_mut(diag) {
                d.severity = crate::Severity::Note;
                d.message = format!(
                    "split the run-together digits `{}` by the table's column totals",
                    cells.iter().map(|c| c.span.slice(input)).collect::<Vec<_>>().join(" ")
                );
                d.notes = vec![
                    "rule: 一 + 二 = （七） + 四 and （七） = the sum of the result rows, per column"
                        .into(),
                ];
            }
            solved.push(vars[k].ambiguous);
        }
        let mut i = 0;
        self.ambiguous.retain(|_| {
            i += 1;
            !solved.contains(&(i - 1))
        });
    }

    fn finish(mut self, region: Span) -> Option<Applications> {
        if self.rows.iter().all(Option::is_none) {
            return None;
        }
        self.resolve_by_table();
        let mut rows = self.rows;
        // `（六）其他处理` with values is the 2019 edition's undivided row, unless its sub-items
        // follow: then it was a subtotal row (docs/format.md §3.2: tolerate, do not require), and
        // keeping it would count （六） twice in the column total.
        if (20..=SLOT_OTHER3).any(|s| rows[s].is_some()) {
            if let Some(sub) = rows[SLOT_UNDIVIDED].take() {
                self.diagnostics.push(Diagnostic::note(
                    Code::UnknownRow,
                    sub.span,
                    "found a subtotal row `（六）其他处理` above its sub-items, which the official \
                     format does not have; ignored",
                ));
            }
        }
        let undivided = rows[SLOT_UNDIVIDED].is_some();
        // One diagnostic per table, not per row: a sparse table (a report printing only its
        // non-zero rows) would otherwise repeat the same region span twenty times.
        let missing: Vec<usize> = (0..APP_SLOTS)
            .filter(|&slot| match slot {
                20..=22 => !undivided,
                SLOT_UNDIVIDED => false,
                _ => true,
            })
            .filter(|&slot| rows[slot].is_none())
            .collect();
        if !missing.is_empty() {
            let expected = if undivided { 23 } else { 25 };
            self.diagnostics.push(
                Diagnostic::warning(
                    Code::MissingRow,
                    region,
                    format!(
                        "expected the {expected} rows of table 三, found {}; missing {}",
                        expected - missing.len(),
                        missing_list(&missing)
                    ),
                )
                .with_note(format!(
                    "rule: the {} format has {expected} data rows (docs/format.md §3.2)",
                    if undivided { "2019" } else { "2021" }
                )),
            );
        }
        let input = self.input;
        let mut take = |i: usize| rows[i].take().map(|r| r.counts(input));
        Some(Applications {
            new_received: take(0),
            carried_over: take(1),
            granted: take(2),
            partially_granted: take(3),
            denied: crate::Denied {
                state_secret: take(4),
                prohibited_by_law: take(5),
                security_and_stability: take(6),
                third_party_rights: take(7),
                internal_affairs: take(8),
                process_information: take(9),
                enforcement_files: take(10),
                administrative_query: take(11),
            },
            unable_to_provide: crate::UnableToProvide {
                not_held: take(12),
                needs_creation: take(13),
                unclear_after_correction: take(14),
            },
            not_processed: crate::NotProcessed {
                complaint_or_petition: take(15),
                repeated: take(16),
                publication: take(17),
                excessive: take(18),
                confirmation: take(19),
            },
            other_handling: crate::OtherHandling {
                no_correction: take(20),
                unpaid_fee: take(21),
                other: take(22),
                undivided: take(23),
            },
            total_processed: take(24),
            carried_forward: take(25),
            span: region,
        })
    }
}

/// The short name of a row slot and the group it belongs to (for compact lists).
fn short_name(slot: usize) -> (&'static str, String) {
    let sub = |g: &'static str, first: usize| (g, (slot - first + 1).to_string());
    match slot {
        0 => ("", "一、本年新收".into()),
        1 => ("", "二、上年结转".into()),
        2 => ("", "（一）予以公开".into()),
        3 => ("", "（二）部分公开".into()),
        4..=11 => sub("（三）", 4),
        12..=14 => sub("（四）", 12),
        15..=19 => sub("（五）", 15),
        20..=22 => sub("（六）", 20),
        SLOT_UNDIVIDED => ("", "（六）其他处理".into()),
        SLOT_TOTAL => ("", "（七）总计".into()),
        _ => ("", "四、结转下年度".into()),
    }
}

/// Missing slots in table order, consecutive sub-items of a group folded into a range:
/// `二、上年结转, （三）1–8, （四）2, （六）1–3`.
fn missing_list(slots: &[usize]) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut i = 0;
    while i < slots.len() {
        let (group, name) = short_name(slots[i]);
        let mut j = i;
        if !group.is_empty() {
            while j + 1 < slots.len()
                && slots[j + 1] == slots[j] + 1
                && short_name(slots[j + 1]).0 == group
            {
                j += 1;
            }
        }
        if j > i {
            parts.push(format!("{group}{name}–{}", short_name(slots[j]).1));
        } else {
            parts.push(format!("{group}{name}"));
        }
        i = j + 1;
    }
    parts.join(", ")
}

/// Whether a 7-cell row's 总计 equals the sum of its six other cells (blank as 0).
fn row_sums(input: &str, cells: &[Cell]) -> bool {
    let v: Vec<u64> =
        cells
            .iter()
            .map(|c| {
                if c.kind == CellKind::Number {
                    as_u64(c.span.slice(input)).unwrap_or(0)
                } else {
                    0
                }
            })
            .collect();
    v.len() == COLS && v[..6].iter().map(|&x| u128::from(x)).sum::<u128>() == u128::from(v[6])
}

fn nonzero(input: &str, cells: &[Cell]) -> bool {
    cells.iter().any(|c| c.kind == CellKind::Number && as_u64(c.span.slice(input)).unwrap_or(0) > 0)
}

/// The range of `cells` without leading and trailing blanks.
pub(crate) fn trim_blanks(cells: &[Cell]) -> (usize, usize) {
    let a = cells.iter().position(|c| c.kind != CellKind::Blank).unwrap_or(cells.len());
    let b = cells.iter().rposition(|c| c.kind != CellKind::Blank).map_or(a, |i| i + 1);
    (a, b)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::{render_applications, Layout};

    /// The values of every row slot, spans aside.
    fn values(a: &Applications) -> Vec<(&'static str, Option<[Option<u64>; 7]>)> {
        a.rows().into_iter().map(|(name, row)| (name, row.map(ApplicantCounts::values))).collect()
    }

    /// Table 三 of each bundled sample that has one (two have theirs as images).
    fn sample_tables() -> Vec<Applications> {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data");
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .expect("tests/data")
            .map(|e| e.expect("entry").path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        files.sort();
        let tables: Vec<Applications> = files
            .iter()
            .filter_map(|p| {
                let text = std::fs::read_to_string(p).expect("sample");
                crate::parse(&text).ok()?.applications
            })
            .collect();
        assert!(tables.len() >= 2, "the samples hold at least two tables 三");
        tables
    }

    /// A table as read, with the diagnostics of the reading.
    type Reading = (Option<Applications>, Vec<Diagnostic>);

    /// Reads `text` as one table-三 region both ways: streamed (when it can) and whole.
    fn both(text: &str) -> (Result<Reading, NeedsWhole>, Reading) {
        let lines = crate::firstpass::lines(text);
        let region = Span::new(0, text.len());
        let mut streamed_diagnostics = Vec::new();
        let streamed = read_streamed(text, &lines, region, &mut streamed_diagnostics)
            .map(|t| (t, streamed_diagnostics));
        let mut whole_diagnostics = Vec::new();
        let whole = read_whole(text, &lines, region, &mut whole_diagnostics);
        (streamed, (whole, whole_diagnostics))
    }

    #[test]
    fn streamed_reading_agrees_with_the_whole_region_in_every_layout() {
        let mut streamed_count = 0;
        for table in sample_tables() {
            for layout in Layout::ALL {
                let text = render_applications(&table, layout);
                let (streamed, (whole, whole_diagnostics)) = both(&text);
                let whole = whole.unwrap_or_else(|| panic!("{layout:?}: no table in\n{text}"));
                // Run-together digits may be ambiguous; every other layout reads back exactly.
                if layout != Layout::RunTogether {
                    assert_eq!(values(&whole), values(&table), "{layout:?}\n{text}");
                }
                if let Ok((streamed, diagnostics)) = streamed {
                    streamed_count += 1;
                    assert_eq!(streamed.as_ref(), Some(&whole), "{layout:?}\n{text}");
                    assert_eq!(diagnostics, whole_diagnostics, "{layout:?}\n{text}");
                }
            }
        }
        assert!(streamed_count > 0, "the streamed path ran on no input");
    }

    #[test]
    fn read_region_takes_back_the_streamed_diagnostics_when_it_reads_again() {
        // 总计 printed first: only the whole region can vote for the rotation.
        let text = "\
一、本年新收政府信息公开申请数量\t12\t5\t3\t1\t1\t1\t1
二、上年结转政府信息公开申请数量\t4\t2\t1\t0\t0\t0\t1
（一）予以公开\t9\t3\t2\t1\t1\t1\t1
";
        let (streamed, (whole, whole_diagnostics)) = both(text);
        assert_eq!(streamed.map(|_| ()), Err(NeedsWhole));
        let lines = crate::firstpass::lines(text);
        let mut diagnostics = Vec::new();
        let read = read_region(text, &lines, Span::new(0, text.len()), &mut diagnostics);
        assert_eq!(read, whole);
        assert_eq!(diagnostics, whole_diagnostics);
        let read = read.expect("a table");
        let new = read.new_received.expect("row 一").values();
        assert_eq!(new, [5, 3, 1, 1, 1, 1, 12].map(Some), "总计 moved to the end");
        assert!(diagnostics.iter().any(|d| d.message.contains("总计 column printed first")));
    }

    #[test]
    fn total_first_votes_need_two_rows_and_a_majority() {
        let votes = |first, last| TotalFirst { first, last, span: None }.rotates();
        assert!(votes(2, 0) && votes(3, 2));
        assert!(!votes(1, 0), "one row proves nothing");
        assert!(!votes(2, 2) && !votes(2, 3));
    }

    #[test]
    fn missing_rows_are_listed_in_table_order_with_sub_items_as_ranges() {
        assert_eq!(
            missing_list(&[1, 4, 5, 6, 7, 8, 9, 10, 11, 13]),
            "二、上年结转, （三）1–8, （四）2"
        );
        assert_eq!(missing_list(&[20, 21, 22, SLOT_TOTAL]), "（六）1–3, （七）总计");
        // Consecutive slots of different groups are not one range.
        assert_eq!(missing_list(&[11, 12]), "（三）8, （四）1");
        assert_eq!(missing_list(&[]), "");
    }

    #[test]
    fn trim_blanks_keeps_the_cells_between_the_first_and_last_non_blank() {
        let text = "  5  ";
        let cell = |start, end, kind| Cell { span: Span::new(start, end), kind, glued: false };
        let blank = cell(0, 1, CellKind::Blank);
        let five = cell(2, 3, CellKind::Number);
        assert_eq!(trim_blanks(&[blank, five, blank]), (1, 2));
        assert_eq!(trim_blanks(&[blank, blank]), (2, 2));
        assert_eq!(trim_blanks(&[]), (0, 0));
        assert!(nonzero(text, &[five]));
    }
}
