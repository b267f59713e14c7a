//! Assembling table 四 政府信息公开行政复议、行政诉讼情况: one row of fifteen numbers, however
//! it was printed (one line, one cell per line, three small tables, run together).

use super::cell::{as_u64, cell_diagnostic, read_count, Cell, CellKind};
use super::digits::{block_splits, split_blocks, Split};
use super::lines::Line;
use super::row::digit_offsets;
use crate::template::REVIEW_BLOCKS;
use crate::{Code, Diagnostic, Outcomes, ReviewsAndLawsuits, Span};

const N: usize = 15;

/// The most splits of an ambiguous run compared block by block; beyond, every block stays
/// blank.
const MAX_SPLITS: usize = 64;

/// The cells as numbers for the arithmetic (blank and dash as 0).
fn numbers(input: &str, cells: &[Cell]) -> Vec<u64> {
    cells
        .iter()
        .map(
            |c| {
                if c.kind == CellKind::Number {
                    as_u64(c.span.slice(input)).unwrap_or(0)
                } else {
                    0
                }
            },
        )
        .collect()
}

/// Whether fifteen values make three blocks whose fifth is the sum of the first four.
fn blocks_ok(v: &[u64]) -> bool {
    // In u128: huge digit runs must not overflow (see check.rs).
    v.len() == N
        && v.chunks(5)
            .all(|b| b[..4].iter().map(|&x| u128::from(x)).sum::<u128>() == u128::from(b[4]))
}

/// Reads table 四 from `lines`; `None` when the region holds no value at all.
pub(crate) fn read(
    input: &str,
    lines: &[Line],
    region: Span,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<ReviewsAndLawsuits> {
    // Every value cell in reading order. Header words never hold numbers, except Markdown's
    // generic `数据1` headers, which are label cells.
    let mut per_line: Vec<Vec<Cell>> =
        lines.iter().filter(|l| l.has_values()).map(|l| l.values.clone()).collect();
    let mut total: usize = per_line.iter().map(Vec::len).sum();
    if total == 0 {
        return None;
    }
    // Colspans leave blank cells at the ends of tab rows: drop them while there are too many.
    for cells in per_line.iter_mut().rev() {
        while total > N && cells.last().is_some_and(|c| c.kind == CellKind::Blank) {
            cells.pop();
            total -= 1;
        }
    }
    for cells in per_line.iter_mut() {
        let mut lead = 0;
        while total > N && cells.get(lead).is_some_and(|c| c.kind == CellKind::Blank) {
            lead += 1;
            total -= 1;
        }
        cells.drain(..lead);
    }
    let cells: Vec<Cell> = per_line.into_iter().flatten().collect();
    let all = Span::new(
        cells.first().map_or(region.start, |c| c.span.start),
        cells.last().map_or(region.end, |c| c.span.end),
    );
    let fitted: Vec<Option<Cell>> = if cells.len() == N {
        cells.into_iter().map(Some).collect()
    } else if cells.len() > N {
        let windows = cells.len() - N + 1;
        // Values computed once: each window check is then O(15), the scan linear.
        let v = numbers(input, &cells);
        let w = (0..windows).find(|&w| blocks_ok(&v[w..w + N])).unwrap_or(0);
        diagnostics.push(
            Diagnostic::warning(
                Code::RaggedRow,
                all,
                format!(
                    "expected {N} cells in table 四, found {}; kept cells {}–{}",
                    cells.len(),
                    w + 1,
                    w + N
                ),
            )
            .with_note("rule: table 四 has one row of fifteen cells"),
        );
        cells[w..w + N].iter().copied().map(Some).collect()
    } else {
        let digits_only = cells.iter().all(|c| {
            c.kind == CellKind::Number
                && c.span
                    .slice(input)
                    .chars()
                    .all(|ch| ch.is_ascii_digit() || ('０'..='９').contains(&ch))
        });
        // Cells delimited by tabs or `|` are cells: `…\t50\t16\t\t` lacks its two blank
        // trailing cells, not digits run together (roundtrip fuzz find, `50` read as 5, 0).
        let delimited = lines.iter().filter(|l| l.has_values()).all(|l| {
            let text = l.span.slice(input);
            text.contains('\t') || text.contains('|')
        });
        let pieces: Vec<&str> = cells.iter().map(|c| c.span.slice(input)).collect();
        match if digits_only && !delimited { split_blocks(&pieces, 3) } else { Split::Impossible } {
            Split::Unique(parts) => {
                let offs = digit_offsets(input, &cells);
                parts
                    .into_iter()
                    .map(|(_, r)| {
                        let s = offs.get(r.start).map_or(all.start, |d| d.0);
                        let e =
                            r.end.checked_sub(1).and_then(|i| offs.get(i)).map_or(all.end, |d| d.1);
                        Some(Cell { span: Span::new(s, e), kind: CellKind::Number, glued: true })
                    })
                    .collect()
            }
            Split::Ambiguous => {
                // The blocks every split reads alike are read; the others stay blank.
                let offs = digit_offsets(input, &cells);
                let splits = block_splits(&pieces, 3, MAX_SPLITS).unwrap_or_default();
                let mut out: Vec<Option<Cell>> = vec![None; N];
                let mut blank = Vec::new();
                for (b, name) in REVIEW_BLOCKS.iter().enumerate() {
                    let cells_of = |s: &Vec<(u64, std::ops::Range<usize>)>| {
                        s.get(5 * b..5 * b + 5).map(<[_]>::to_vec)
                    };
                    // Compared by value: the same counts may stand at other digits in
                    // another split (after a block of another length); the spans are then
                    // the first split's.
                    let values = |s: &Vec<(u64, std::ops::Range<usize>)>| {
                        s.get(5 * b..5 * b + 5).map(|c| c.iter().map(|x| x.0).collect::<Vec<_>>())
                    };
                    let first = splits.first().and_then(cells_of);
                    let same = splits.iter().all(|s| values(s) == splits.first().and_then(values));
                    let agreed = first.filter(|_| same);
                    match agreed {
                        Some(parts) => {
                            for (i, (_, r)) in parts.into_iter().enumerate() {
                                let s = offs.get(r.start).map_or(all.start, |d| d.0);
                                let e = r
                                    .end
                                    .checked_sub(1)
                                    .and_then(|i| offs.get(i))
                                    .map_or(all.end, |d| d.1);
                                out[5 * b + i] = Some(Cell {
                                    span: Span::new(s, e),
                                    kind: CellKind::Number,
                                    glued: true,
                                });
                            }
                        }
                        None => blank.push(*name),
                    }
                }
                let which = if blank.len() == REVIEW_BLOCKS.len() {
                    ";".to_string()
                } else {
                    format!("; the splits differ in {} only, which is", blank.join(", "))
                };
                diagnostics.push(
                    Diagnostic::error(
                        Code::AmbiguousDigits,
                        all,
                        format!(
                            "expected {N} cells in table 四, found the digits `{}` run together, and \
                             more than one split satisfies the table's arithmetic{which} left blank",
                            pieces.join(" ")
                        ),
                    )
                    .with_note("rule: each 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结"),
                );
                out
            }
            // One run of digits that no split fits: its first cell is no count of the
            // first column; left blank rather than guessed.
            Split::Impossible
                if digits_only
                    && !delimited
                    && (cells.len() == 1 || cells.iter().any(|c| c.glued)) =>
            {
                diagnostics.push(Diagnostic::error(
                    Code::AmbiguousDigits,
                    all,
                    format!(
                        "expected {N} cells in table 四, found the digits `{}` run together, and \
                         no split satisfies the table's arithmetic; left blank",
                        pieces.join(" ")
                    ),
                ));
                vec![None; N]
            }
            Split::Impossible => {
                diagnostics.push(
                    Diagnostic::warning(
                        Code::RaggedRow,
                        all,
                        format!(
                            "expected {N} cells in table 四, found {}; the missing cells are left blank",
                            cells.len()
                        ),
                    )
                    .with_note("rule: table 四 has one row of fifteen cells"),
                );
                let mut v: Vec<Option<Cell>> = cells.into_iter().map(Some).collect();
                v.resize(N, None);
                v
            }
        }
    };
    let mut blocks = fitted.chunks(5).enumerate().map(|(k, b)| {
        let mut o = Outcomes::default();
        let vals: Vec<Option<u64>> = b
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let c = (*c)?;
                o.cells[i] = Some(c.span);
                if !matches!(c.kind, CellKind::Number | CellKind::Text) {
                    return None;
                }
                let text = c.span.slice(input);
                let read = read_count(text);
                let why = read.map(|r| r.1).ok_or(());
                diagnostics.extend(cell_diagnostic(
                    c.span,
                    text,
                    REVIEW_BLOCKS.get(k).unwrap_or(&"?"),
                    "a count",
                    why,
                ));
                read.map(|r| r.0)
            })
            .collect();
        o.upheld = vals.first().copied().flatten();
        o.corrected = vals.get(1).copied().flatten();
        o.other = vals.get(2).copied().flatten();
        o.pending = vals.get(3).copied().flatten();
        o.total = vals.get(4).copied().flatten();
        o
    });
    let review = blocks.next().unwrap_or_default();
    let lawsuit_direct = blocks.next().unwrap_or_default();
    let lawsuit_after_review = blocks.next().unwrap_or_default();
    Some(ReviewsAndLawsuits { review, lawsuit_direct, lawsuit_after_review, span: region })
}
