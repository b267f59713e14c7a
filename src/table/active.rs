//! Assembling table 二 主动公开政府信息情况 (2021 or 2019 edition) from its lines.

use super::apps::trim_blanks;
use super::cell::push_norm_label;
use super::cell::{as_decimal, cell_diagnostic, read_count, read_signed, Cell, CellKind};
use super::lines::Line;
use super::row::{fit, RowRule};
use super::vocab::{recognize_active, EditionMarks};
use crate::template::ActiveRow;
use crate::{
    ActiveDisclosure, Code, DecisionCounts, Diagnostic, DocumentCounts, Edition, FeeCounts,
    Procurement, Span,
};

/// Receives a row's label, cells and span.
type Put<'a> = dyn FnMut(ActiveRow, Vec<Cell>, Span, &mut Vec<Diagnostic>) + 'a;

/// Columns of a row in an edition (the 2021 columns for any edition but 2019).
fn columns(row: ActiveRow, edition: Edition) -> usize {
    match (row, edition == Edition::Format2019) {
        (ActiveRow::Regulations | ActiveRow::Normative, _) => 3,
        (_, false) => 1,
        (ActiveRow::Fees | ActiveRow::Procurement, true) => 2,
        (_, true) => 3,
    }
}

fn name(row: ActiveRow) -> &'static str {
    match row {
        ActiveRow::Regulations => "规章",
        ActiveRow::Normative => "行政规范性文件",
        ActiveRow::Licensing => "行政许可",
        ActiveRow::OtherServices => "其他对外管理服务事项",
        ActiveRow::Punishment => "行政处罚",
        ActiveRow::Coercion => "行政强制",
        ActiveRow::Fees => "行政事业性收费",
        ActiveRow::Procurement => "政府集中采购",
    }
}

/// The row each line's label names (`None` for a line without label), for [`place`] and
/// [`read`]: recognized once per line, in one reused buffer: no allocation per line.
pub(crate) fn recognize_rows(input: &str, lines: &[Line]) -> Vec<Option<ActiveRow>> {
    let mut label = String::new();
    lines
        .iter()
        .map(|l| {
            if l.labels.is_empty() {
                return None;
            }
            label.clear();
            for s in &l.labels {
                push_norm_label(&mut label, s.slice(input));
            }
            recognize_active(&label)
        })
        .collect()
}

/// The edition of the table's columns, from its own evidence: its header words and labels
/// (docs/format.md §6.1), else the values (a 行政许可 row with three values is the 2019 layout),
/// else the report's `document` edition. A report can be mixed (docs/format.md §6.1: some 2019
/// reports only "参照" the format), so the table's own words come before the document's.
/// `rows`: [`recognize_rows`].
fn detect(input: &str, lines: &[Line], rows: &[Option<ActiveRow>], document: Edition) -> Edition {
    let mut y2019 = false;
    let mut y2021 = false;
    // One folded line at a time, in one reused buffer.
    let mut n = String::new();
    for l in lines {
        n.clear();
        push_norm_label(&mut n, l.span.slice(input));
        let marks = EditionMarks::of(&n);
        y2019 |= marks.y2019();
        y2021 |= marks.y2021();
        // `规范性文件` without `行政` is the 2019 wording.
        if marks.normative_2019() && !l.labels.is_empty() {
            y2019 = true;
        }
    }
    if y2019 != y2021 {
        return if y2019 { Edition::Format2019 } else { Edition::Format2021 };
    }
    let three_licensing_values = lines.iter().zip(rows).any(|(l, r)| {
        *r == Some(ActiveRow::Licensing)
            && l.values.iter().filter(|c| c.kind != CellKind::Blank).count() == 3
    });
    if three_licensing_values {
        Edition::Format2019
    } else if document == Edition::Format2019 {
        document
    } else {
        Edition::Format2021
    }
}

/// Places the values of short column-aligned rows under their columns (see
/// `lines::place_short_rows`); each row's width is its group's number of columns. Returns the
/// table's edition ([`detect`], given the report's `document` edition) for [`read`]: placing
/// adds blank cells only, which the detection does not count, so it need not run twice.
pub(crate) fn place(
    input: &str,
    lines: &mut [Line],
    rows: &[Option<ActiveRow>],
    document: Edition,
) -> Edition {
    let edition = detect(input, lines, rows, document);
    let want = |i: usize, l: &Line| {
        if l.label_is_empty() || !l.has_values() {
            return None;
        }
        rows.get(i).copied().flatten().map(|r| columns(r, edition))
    };
    // The header words of table 二 repeat per group with other widths: rows only.
    super::lines::place_short_rows(input, lines, want, &[], false);
    edition
}

/// Reads table 二 from `lines`, whose labels name `rows` ([`recognize_rows`]), of the edition
/// `edition` (from [`place`]); `None` when no row could be typed.
pub(crate) fn read(
    input: &str,
    lines: &[Line],
    rows: &[Option<ActiveRow>],
    edition: Edition,
    region: Span,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<ActiveDisclosure> {
    let mut out = ActiveDisclosure { span: region, ..Default::default() };
    let mut any = false;
    let mut queue: Vec<(ActiveRow, Span)> = Vec::new();
    let mut vbuf: Vec<Cell> = Vec::new();
    let mut vspan: Option<Span> = None;
    let mut put = |row: ActiveRow, cells: Vec<Cell>, span: Span, d: &mut Vec<Diagnostic>| {
        any = true;
        assign(input, &mut out, row, cells, span, edition, d);
    };
    let flush = |queue: &mut Vec<(ActiveRow, Span)>,
                 vbuf: &mut Vec<Cell>,
                 vspan: &mut Option<Span>,
                 d: &mut Vec<Diagnostic>,
                 put: &mut Put<'_>| {
        while !vbuf.is_empty() && !queue.is_empty() {
            // The leading run of queued rows with the same number of columns.
            let c = columns(queue[0].0, edition);
            let run = queue.iter().take_while(|q| columns(q.0, edition) == c).count();
            let rows = (vbuf.len() / c).min(run).max(1);
            if queue.len() == 1 || rows == 1 {
                let (row, span) = queue.remove(0);
                let take = if queue.is_empty() { vbuf.len() } else { c.min(vbuf.len()) };
                let cells: Vec<Cell> = vbuf.drain(..take).collect();
                put(row, cells, span.cover(vspan.unwrap_or(span)), d);
                continue;
            }
            // Several labels, then their numbers column by column (pdfminer, extra-samples
            // 002/012).
            let cells: Vec<Cell> = vbuf.drain(..rows * c).collect();
            for r in 0..rows {
                let (row, span) = queue.remove(0);
                let mine = (0..c).map(|k| cells[k * rows + r]).collect();
                put(row, mine, span, d);
            }
        }
        if !vbuf.is_empty() {
            d.push(Diagnostic::warning(
                Code::UnparsedText,
                vspan.unwrap_or_default(),
                "expected a row label of table 二 before these values, found none",
            ));
            vbuf.clear();
        }
        *vspan = None;
    };
    for (line, rec) in lines.iter().zip(rows) {
        if line.label_is_empty() {
            let (a, b) = trim_blanks(&line.values);
            vbuf.extend_from_slice(&line.values[a..b]);
            vspan = Some(vspan.map_or(line.span, |s| s.cover(line.span)));
            continue;
        }
        let rec = *rec;
        // A tab or Markdown row whose cells are all blank is still a row (blank, not absent).
        let blank_row = rec.is_some() && !line.values.is_empty();
        if !line.has_values() && !blank_row {
            if !vbuf.is_empty() {
                flush(&mut queue, &mut vbuf, &mut vspan, diagnostics, &mut put);
            }
            if let Some(r) = rec {
                if queue.last().map(|q| q.0) != Some(r) {
                    queue.push((r, line.span));
                }
            }
            continue;
        }
        if !vbuf.is_empty() {
            flush(&mut queue, &mut vbuf, &mut vspan, diagnostics, &mut put);
        }
        let row = rec.or_else(|| queue.last().map(|q| q.0));
        match row {
            Some(r) => {
                let mut span = line.span;
                if let Some(p) = queue.iter().rposition(|q| q.0 == r) {
                    span = span.cover(queue.remove(p).1);
                }
                put(r, line.values.clone(), span, diagnostics);
            }
            None => diagnostics.push(Diagnostic::warning(
                Code::UnknownRow,
                line.span,
                format!(
                    "expected a row of table 二, found `{}`, which matches none",
                    line.span.slice(input).trim()
                ),
            )),
        }
    }
    if !vbuf.is_empty() {
        flush(&mut queue, &mut vbuf, &mut vspan, diagnostics, &mut put);
    }
    if !any {
        return None;
    }
    let expected: &[ActiveRow] = if edition == Edition::Format2019 {
        &[
            ActiveRow::Regulations,
            ActiveRow::Normative,
            ActiveRow::Licensing,
            ActiveRow::OtherServices,
            ActiveRow::Punishment,
            ActiveRow::Coercion,
            ActiveRow::Fees,
            ActiveRow::Procurement,
        ]
    } else {
        &[
            ActiveRow::Regulations,
            ActiveRow::Normative,
            ActiveRow::Licensing,
            ActiveRow::Punishment,
            ActiveRow::Coercion,
            ActiveRow::Fees,
        ]
    };
    // One diagnostic per table listing what is missing, in table order.
    let mut missing: Vec<&str> = Vec::new();
    for r in expected {
        let present = match r {
            ActiveRow::Regulations => out.regulations.is_some(),
            ActiveRow::Normative => out.normative_documents.is_some(),
            ActiveRow::Licensing => out.licensing.is_some(),
            ActiveRow::OtherServices => out.other_services.is_some(),
            ActiveRow::Punishment => out.punishment.is_some(),
            ActiveRow::Coercion => out.coercion.is_some(),
            ActiveRow::Fees => out.administrative_fees.is_some(),
            ActiveRow::Procurement => out.procurement.is_some(),
        };
        if !present {
            missing.push(name(*r));
        }
    }
    if !missing.is_empty() {
        diagnostics.push(Diagnostic::warning(
            Code::MissingRow,
            region,
            format!(
                "expected the {} rows of table 二, found {}; missing {}",
                expected.len(),
                expected.len() - missing.len(),
                missing.iter().map(|m| format!("`{m}`")).collect::<Vec<_>>().join(", ")
            ),
        ));
    }
    Some(out)
}

fn assign(
    input: &str,
    out: &mut ActiveDisclosure,
    row: ActiveRow,
    cells: Vec<Cell>,
    span: Span,
    edition: Edition,
    d: &mut Vec<Diagnostic>,
) {
    let what = name(row);
    let taken = match row {
        ActiveRow::Regulations => out.regulations.is_some(),
        ActiveRow::Normative => out.normative_documents.is_some(),
        ActiveRow::Licensing => out.licensing.is_some(),
        ActiveRow::OtherServices => out.other_services.is_some(),
        ActiveRow::Punishment => out.punishment.is_some(),
        ActiveRow::Coercion => out.coercion.is_some(),
        ActiveRow::Fees => out.administrative_fees.is_some(),
        ActiveRow::Procurement => out.procurement.is_some(),
    };
    if taken {
        d.push(Diagnostic::warning(
            Code::DuplicateRow,
            span,
            format!("expected row `{what}` once, found it again; kept the first"),
        ));
        return;
    }
    let n = columns(row, edition);
    let fitted = fit(input, &cells, n, RowRule::Free, span, what, d);
    let spans: Vec<Span> = fitted.iter().flatten().map(|c| c.span).collect();
    let text = |i: usize| -> Option<(&str, Span)> {
        let c = fitted.get(i).copied().flatten()?;
        (c.kind == CellKind::Number || c.kind == CellKind::Text)
            .then(|| (c.span.slice(input), c.span))
    };
    let count = |i: usize, d: &mut Vec<Diagnostic>| -> Option<u64> {
        let (t, s) = text(i)?;
        let read = read_count(t);
        d.extend(cell_diagnostic(s, t, what, "a count", read.map(|r| r.1).ok_or(())));
        read.map(|r| r.0)
    };
    match row {
        ActiveRow::Regulations | ActiveRow::Normative => {
            let mut r = DocumentCounts { span, cells: spans, ..Default::default() };
            let (a, b, c) = (count(0, d), count(1, d), count(2, d));
            if edition == Edition::Format2019 {
                (r.made, r.published, r.total_public) = (a, b, c);
            } else {
                (r.issued, r.repealed, r.in_force) = (a, b, c);
            }
            if row == ActiveRow::Regulations {
                out.regulations = Some(r);
            } else {
                out.normative_documents = Some(r);
            }
        }
        ActiveRow::Fees if edition != Edition::Format2019 => {
            let amount = text(0).and_then(|(t, s)| {
                let v = as_decimal(t).map(|x| x.0);
                if v.is_none() {
                    d.extend(cell_diagnostic(s, t, what, "an amount", Err(())));
                }
                v
            });
            out.administrative_fees = Some(FeeCounts {
                amount_10k_yuan: amount,
                span,
                cells: spans,
                ..Default::default()
            });
        }
        ActiveRow::Fees => {
            let prev = count(0, d);
            let change = signed(text(1), what, d);
            out.administrative_fees = Some(FeeCounts {
                previous_year: prev,
                change,
                span,
                cells: spans,
                ..Default::default()
            });
        }
        ActiveRow::Procurement => {
            let items = count(0, d);
            let (amount, unit) = match text(1) {
                Some((t, s)) => match as_decimal(t) {
                    Some((a, u)) => (Some(a), u),
                    None => {
                        d.extend(cell_diagnostic(s, t, what, "an amount", Err(())));
                        (None, None)
                    }
                },
                None => (None, None),
            };
            out.procurement =
                Some(Procurement { items, amount, amount_unit: unit, span, cells: spans });
        }
        _ => {
            let mut r = DecisionCounts { span, cells: spans, ..Default::default() };
            if edition == Edition::Format2019 {
                r.previous_year = count(0, d);
                r.change = signed(text(1), what, d);
                r.decisions = count(2, d);
            } else {
                r.decisions = count(0, d);
            }
            let slot = match row {
                ActiveRow::Licensing => &mut out.licensing,
                ActiveRow::OtherServices => &mut out.other_services,
                ActiveRow::Punishment => &mut out.punishment,
                _ => &mut out.coercion,
            };
            *slot = Some(r);
        }
    }
}

fn signed(t: Option<(&str, Span)>, what: &str, d: &mut Vec<Diagnostic>) -> Option<i64> {
    let (t, s) = t?;
    let read = read_signed(t);
    d.extend(cell_diagnostic(s, t, what, "a signed count", read.map(|r| r.1).ok_or(())));
    read.map(|r| r.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The edition [`detect`] gives the table `text` in a report of edition `document`.
    fn detected(text: &str, document: Edition) -> Edition {
        let all = crate::firstpass::lines(text);
        let lines = super::super::lines::split_lines(text, &all, Span::new(0, text.len()));
        let rows = recognize_rows(text, &lines);
        detect(text, &lines, &rows, document)
    }

    #[test]
    fn the_tables_own_words_come_before_the_reports_edition() {
        let y2021 = "信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t1\t0\t5\n";
        let y2019 = "信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量\n规章\t1\t0\t5\n";
        for document in [Edition::Format2019, Edition::Format2021, Edition::Unknown] {
            assert_eq!(detected(y2021, document), Edition::Format2021, "{document:?}");
            assert_eq!(detected(y2019, document), Edition::Format2019, "{document:?}");
        }
        // 行政许可 with three values: the 2019 columns, whatever the report says.
        let three = "行政许可\t10\t2\t12\n";
        assert_eq!(detected(three, Edition::Format2021), Edition::Format2019);
    }

    #[test]
    fn a_table_without_evidence_takes_the_reports_edition() {
        let bare = "规章\t1\t0\t5\n行政处罚\t7\n";
        assert_eq!(detected(bare, Edition::Format2019), Edition::Format2019);
        assert_eq!(detected(bare, Edition::Format2021), Edition::Format2021);
        // Nothing says 2019: the current (2021) columns.
        assert_eq!(detected(bare, Edition::Unknown), Edition::Format2021);
        assert_eq!(detected(bare, Edition::Legacy), Edition::Format2021);
    }
}
