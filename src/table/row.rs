//! Fitting a row's value cells to the number of columns the table expects: blank padding
//! from merged label cells, ragged rows, digit runs.

use super::cell::{as_u64, Cell, CellKind};
use super::digits::{split_free, split_sum_row, Split};
use crate::{Code, Diagnostic, Span};

/// A row's cells, exactly as many as the table has columns; `None` where no cell was read.
pub(crate) type Fitted = Vec<Option<Cell>>;

/// Which arithmetic a row obeys, to choose among ragged or run-together readings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RowRule {
    /// The last cell is the sum of the others (table 三).
    LastIsSum,
    /// No arithmetic (table 二).
    Free,
}

/// The cells as numbers for the arithmetic (blank and dash as 0; `None` for text).
fn numbers(input: &str, cells: &[Cell]) -> Vec<Option<u64>> {
    cells
        .iter()
        .map(|c| match c.kind {
            CellKind::Number | CellKind::Text => as_u64(c.span.slice(input)),
            _ => Some(0),
        })
        .collect()
}

/// Whether the last value is the sum of the others.
fn sum_ok(v: &[Option<u64>]) -> bool {
    match v.split_last() {
        Some((Some(last), rest)) => {
            rest.iter().try_fold(0u64, |a, x| x.map(|x| a.saturating_add(x))) == Some(*last)
        }
        _ => false,
    }
}

/// Fits `cells` to `n` columns. `row_span` and `what` (the row's name) are for diagnostics.
///
/// Borrows the cells: the readers keep them (table 三 for its column rules) without a copy per
/// row.
pub(crate) fn fit(
    input: &str,
    cells: &[Cell],
    n: usize,
    rule: RowRule,
    row_span: Span,
    what: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> Fitted {
    // Merged label cells leave blank cells before the values (sample 001: `一、本年新收…\t\t0…`)
    // and colspans leave blanks after them (`行政许可\t0\t\t`).
    // (Index-based, so a line of a million tabs stays linear.)
    let mut lead = 0;
    while cells.len() - lead > n && cells[lead].kind == CellKind::Blank {
        lead += 1;
    }
    let mut cells = &cells[lead..];
    while cells.len() > n && cells.last().is_some_and(|c| c.kind == CellKind::Blank) {
        cells = &cells[..cells.len() - 1];
    }
    if cells.len() == n {
        return cells.iter().copied().map(Some).collect();
    }
    if cells.len() > n {
        // Ragged: more cells than columns (sample 001 prints 8 numbers for 7 columns). The
        // row total decides which run of cells is real.
        let windows = cells.len() - n + 1;
        let v = numbers(input, cells);
        let chosen = match rule {
            RowRule::LastIsSum => (0..windows).find(|&w| sum_ok(&v[w..w + n])).unwrap_or(0),
            RowRule::Free => 0,
        };
        let why = match rule {
            RowRule::LastIsSum if sum_ok(&v[chosen..chosen + n]) => {
                "the first run of cells whose 总计 equals the sum of the others"
            }
            _ => "the first cells",
        };
        diagnostics.push(
            Diagnostic::warning(
                Code::RaggedRow,
                row_span,
                format!(
                    "expected {n} cells in row `{what}`, found {}; kept cells {}–{} ({why})",
                    cells.len(),
                    chosen + 1,
                    chosen + n
                ),
            )
            .with_note("rule: a row has one cell per column"),
        );
        return cells[chosen..chosen + n].iter().copied().map(Some).collect();
    }
    // Too few cells: maybe digits run together. An amount ends a row of table 二
    // (`政府集中采购191690.9913万元`, extra-samples 104): the digits of its integer part may
    // hold the cells before it, and its decimals and unit stay with the last cell.
    let (last_int, tail) = match cells.split_last() {
        Some((last, rest)) if rule == RowRule::Free => {
            let t = last.span.slice(input);
            let int = t.trim_start_matches(|c: char| fold_digit(c)).len();
            let int = t.len() - int;
            let after = &t[int..];
            let money = int > 0
                && after.starts_with(['.', '．'])
                && is_money_tail(after)
                && rest.iter().all(|c| is_digits(c.span.slice(input)));
            if money {
                (
                    Some(Cell { span: Span::new(last.span.start, last.span.start + int), ..*last }),
                    last.span.end,
                )
            } else {
                (None, last.span.end)
            }
        }
        _ => (None, 0),
    };
    let shown: Vec<&str> = cells.iter().map(|c| c.span.slice(input)).collect();
    let owned: Vec<Cell>;
    let cells: &[Cell] = match last_int {
        Some(c) => {
            let mut v = cells.to_vec();
            if let Some(l) = v.last_mut() {
                *l = c;
            }
            owned = v;
            &owned
        }
        None => cells,
    };
    let all_int = !cells.is_empty()
        && cells.iter().all(|c| c.kind == CellKind::Number && is_digits(c.span.slice(input)));
    let runs = cells.iter().any(|c| c.glued || digit_len(c.span.slice(input)) > 1);
    if all_int && runs {
        let pieces: Vec<&str> = cells.iter().map(|c| c.span.slice(input)).collect();
        let split = match rule {
            RowRule::LastIsSum => split_sum_row(&pieces, n - 1),
            RowRule::Free => split_free(&pieces, n),
        };
        match split {
            Split::Unique(parts) => {
                let offsets = digit_offsets(input, cells);
                let mut out: Fitted = parts
                    .into_iter()
                    .map(|(_, r)| {
                        let s = offsets.get(r.start).map_or(row_span.start, |d| d.0);
                        let e = r
                            .end
                            .checked_sub(1)
                            .and_then(|i| offsets.get(i))
                            .map_or(row_span.end, |d| d.1);
                        Some(Cell { span: Span::new(s, e), kind: CellKind::Number, glued: true })
                    })
                    .collect();
                if last_int.is_some() {
                    if let Some(Some(c)) = out.last_mut() {
                        c.span.end = tail;
                    }
                }
                return out;
            }
            Split::Ambiguous => {
                let run = run_span(cells, row_span);
                diagnostics.push(
                    Diagnostic::error(
                        Code::AmbiguousDigits,
                        run,
                        format!(
                            "expected {n} cells in row `{what}`, found the digits `{}` run together, \
                             and more than one split {}; left blank",
                            shown.join(" "),
                            match rule {
                                RowRule::LastIsSum => "satisfies the table's arithmetic",
                                RowRule::Free => "fits (no arithmetic links these cells)",
                            }
                        ),
                    )
                    .with_note(match rule {
                        RowRule::LastIsSum => "rule: 总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他",
                        RowRule::Free => "rule: no arithmetic links these cells",
                    }),
                );
                return vec![None; n];
            }
            // One run of digits (or digits glued to the label) that no split fits: a
            // flattened row whose numbers break its rule. Its first cell is no count of
            // the first column; left blank rather than guessed.
            Split::Impossible if cells.len() == 1 || cells.iter().any(|c| c.glued) => {
                diagnostics.push(Diagnostic::error(
                    Code::AmbiguousDigits,
                    run_span(cells, row_span),
                    format!(
                        "expected {n} cells in row `{what}`, found the digits `{}` run together, \
                         and no split into {n} cells {}; left blank",
                        shown.join(" "),
                        match rule {
                            RowRule::LastIsSum => "satisfies the row's arithmetic",
                            RowRule::Free => "fits",
                        }
                    ),
                ));
                return vec![None; n];
            }
            Split::Impossible => {}
        }
    }
    diagnostics.push(
        Diagnostic::warning(
            Code::RaggedRow,
            row_span,
            format!(
                "expected {n} cells in row `{what}`, found {}; the missing cells are left blank",
                cells.len()
            ),
        )
        .with_note("rule: a row has one cell per column"),
    );
    let mut out: Fitted = Vec::with_capacity(n.max(cells.len()));
    out.extend(cells.iter().copied().map(Some));
    out.resize(n, None);
    out
}

/// The span of the cells, or `row_span` without cells.
fn run_span(cells: &[Cell], row_span: Span) -> Span {
    Span::new(
        cells.first().map_or(row_span.start, |c| c.span.start),
        cells.last().map_or(row_span.end, |c| c.span.end),
    )
}

fn fold_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// Whether `s` is the decimal part of an amount and its unit: `.9913万元`, `.5`, `．28元`.
fn is_money_tail(s: &str) -> bool {
    let Some(rest) = s.strip_prefix(['.', '．']) else { return false };
    let unit = rest.trim_start_matches(fold_digit);
    unit.len() < rest.len() && matches!(unit, "" | "万元" | "元")
}

fn is_digits(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
}

fn digit_len(s: &str) -> usize {
    s.chars().filter(|c| c.is_ascii_digit() || ('０'..='９').contains(c)).count()
}

/// Byte range in `input` of every digit of the concatenated cells.
pub(crate) fn digit_offsets(input: &str, cells: &[Cell]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for c in cells {
        for (i, ch) in c.span.slice(input).char_indices() {
            let s = c.span.start + i;
            out.push((s, s + ch.len_utf8()));
        }
    }
    out
}
