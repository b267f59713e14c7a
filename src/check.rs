//! The 勾稽关系 (arithmetic consistency) checks of tables 三 and 四 (docs/format.md §3.5, §4).
//!
//! They report; they never change a number. Each failure is one diagnostic whose message
//! names the column, row or block checked (`column 自然人 does not balance: …`,
//! `row （一）予以公开 does not add up: …`, `block 行政复议 does not add up: …`), then
//! writes the formula out with the real numbers and both sums, whose span is the first cell involved and
//! whose `related` labels are the other cells; the rule's name is the first note. A blank
//! cell counts as 0 inside a check, and a `blank-in-check` note says so; but when a whole side
//! of a formula is blank (a 总计 left unfilled, as Shanghai 2019 does) the check is skipped
//! with a `blank-in-check` note instead of reporting `… ≠ 总计 (blank)`.
//!
//! The message is for people; programs read the same facts as data: a failure's
//! [`Code::is_check`] is true, and [`Diagnostic::formula`] holds the rule, each operand's
//! name, value and cell span, and both sums (JSON key `formula`). The `blank-in-check` notes
//! about one formula carry it too.
//!
//! ```
//! use gov_info_disclosure::check::check_reviews_and_lawsuits;
//! use gov_info_disclosure::table::{read_table, TableData};
//! use gov_info_disclosure::{Code, Span, TableKind};
//!
//! // Table 四 as pypdf prints it; 行政复议 says 10 + 1 + 0 + 0 but 总计 0.
//! let text = "行政复议 行政诉讼\n10 1 0 0 0 0 0 0 0 0 5 0 0 0 5\n";
//! let mut diagnostics = Vec::new();
//! let region = Span::new(0, text.len());
//! let Some(TableData::ReviewsAndLawsuits(table)) =
//!     read_table(text, region, TableKind::ReviewsAndLawsuits, &mut diagnostics)
//! else {
//!     panic!("table 四 not read")
//! };
//! assert_eq!(table.review.upheld, Some(10));
//! let failed = check_reviews_and_lawsuits(&table);
//! assert_eq!(failed.len(), 1);
//! assert_eq!(failed[0].code, Code::OutcomeTotalMismatch);
//! assert_eq!(
//!     failed[0].message,
//!     "block 行政复议 does not add up: \
//!      结果维持 (10) + 结果纠正 (1) + 其他结果 (0) + 尚未审结 (0) ≠ 总计 (0): 11 ≠ 0"
//! );
//! // The primary span is the first cell of the formula, the others are related labels.
//! assert_eq!(failed[0].span.slice(text), "10");
//! assert_eq!(failed[0].related.last().map(|l| l.span.slice(text)), Some("0"));
//! // The same numbers as data.
//! assert!(failed[0].code.is_check());
//! let formula = failed[0].formula.as_deref().unwrap();
//! let values: Vec<_> = formula.lhs.iter().map(|o| o.value).collect();
//! assert_eq!(values, [Some(10), Some(1), Some(0), Some(0)]);
//! assert_eq!(formula.rhs[0].span.map(|s| s.slice(text)), Some("0"));
//! assert_eq!((formula.lhs_sum, formula.rhs_sum), (11, 0));
//! ```

use std::fmt::{self, Write};

use crate::{
    AnnualReport, ApplicantColumn, ApplicantCounts, Applications, Code, Diagnostic, Formula, Label,
    Operand, ReviewsAndLawsuits, Span,
};

/// Runs every check on the report's tables and returns what failed.
pub fn check(report: &AnnualReport) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    if let Some(a) = &report.applications {
        applications(a, &mut out);
    }
    if let Some(r) = &report.reviews_and_lawsuits {
        reviews_and_lawsuits(r, &mut out);
    }
    out
}

/// One operand of a check: its display name, value, and cell span.
///
/// Checks pass far more often than they fail, so nothing here is formatted until a
/// diagnostic needs it: a name is borrowed, and [`compare`] gets the words of its messages as
/// [`fmt::Arguments`].
#[derive(Debug, Clone, Copy)]
struct Term<'a> {
    name: &'a str,
    value: Option<u64>,
    span: Option<Span>,
}

impl<'a> Term<'a> {
    fn of(name: &'a str, row: &ApplicantCounts, col: ApplicantColumn) -> Term<'a> {
        Term { name, value: row.get(col), span: row.cell_span(col).or(Some(row.span)) }
    }

    fn operand(&self) -> Operand {
        Operand { name: self.name.to_string(), value: self.value, span: self.span }
    }

    /// `自然人 (14)`, or `自然人 (blank)`: how a term is written in a formula and in its
    /// label. Sized up front (`format!` would grow it two or three times) for the name, ` (`,
    /// at most 20 digits and `)`; only the number goes through the formatting machinery.
    fn shown(&self) -> String {
        let mut s = String::with_capacity(self.name.len() + 23);
        s.push_str(self.name);
        match self.value {
            Some(v) => {
                // Writing to a String cannot fail.
                let _ = write!(s, " ({v})");
            }
            None => s.push_str(" (blank)"),
        }
        s
    }
}

/// The names of some terms, in backticks and separated by commas: `` `总计`, `其他` ``.
struct Names<I>(I);

impl<'t, 'a: 't, I: Iterator<Item = &'t Term<'a>> + Clone> fmt::Display for Names<I> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, t) in self.0.clone().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            write!(f, "`{}`", t.name)?;
        }
        Ok(())
    }
}

/// The formula of a check as data, for the diagnostic that reports on it.
fn formula(rule: &str, lhs: &[Term<'_>], rhs: &[Term<'_>], sums: (u128, u128)) -> Box<Formula> {
    Box::new(Formula {
        rule: rule.to_string(),
        lhs: lhs.iter().map(Term::operand).collect(),
        rhs: rhs.iter().map(Term::operand).collect(),
        lhs_sum: sums.0,
        rhs_sum: sums.1,
    })
}

/// Compares `lhs` and `rhs` sums; pushes a diagnostic when they differ, and a blank note
/// when a blank took part. `subject` and `failure` open the message and name the column,
/// row or block checked (`column 自然人` `does not balance`), so that a user of a 7-column table knows
/// which of the seven formulas failed without reading the spans.
fn compare(
    out: &mut Vec<Diagnostic>,
    code: Code,
    (subject, failure): (fmt::Arguments<'_>, &str),
    rule: fmt::Arguments<'_>,
    lhs: &[Term<'_>],
    rhs: &[Term<'_>],
    fallback: Span,
) {
    let terms = || lhs.iter().chain(rhs);
    if terms().all(|t| t.value.is_none()) {
        return;
    }
    // In u128: fifteen u64 counts cannot overflow it (a digit run read as one huge count
    // overflowed u64 here; roundtrip fuzz find, `artifacts/parse/check-sum-overflow`).
    let sum = |ts: &[Term<'_>]| ts.iter().map(|t| u128::from(t.value.unwrap_or(0))).sum::<u128>();
    let (l, r) = (sum(lhs), sum(rhs));
    let blanks = || terms().filter(|t| t.value.is_none());
    // A side printed all blank was not filled in, not zero: Shanghai 2019 leaves 总计 blank
    // in the result rows (docs/format.md §3.5), and `158 + 9 + … ≠ 总计 (blank)` would be an error
    // on every such row. The check is skipped, with a note.
    let all_blank = |ts: &[Term<'_>]| ts.iter().all(|t| t.value.is_none());
    if all_blank(lhs) || all_blank(rhs) {
        let side = if all_blank(rhs) { rhs } else { lhs };
        let span = side.first().and_then(|t| t.span).unwrap_or(fallback);
        let rule = rule.to_string();
        let mut d = Diagnostic::note(
            Code::BlankInCheck,
            span,
            format!("skipped the check of {subject}: {} blank", Names(side.iter())),
        )
        .with_note(format!("rule: {rule}"));
        d.formula = Some(formula(&rule, lhs, rhs, (l, r)));
        out.push(d);
        return;
    }
    if l == r {
        if let Some(first) = blanks().next() {
            let rule = rule.to_string();
            let mut d = Diagnostic::note(
                Code::BlankInCheck,
                first.span.unwrap_or(fallback),
                format!("treated blank {} as 0 in check `{rule}`", Names(blanks())),
            )
            .with_note(format!("rule: {rule}"));
            d.formula = Some(formula(&rule, lhs, rhs, (l, r)));
            out.push(d);
        }
        return;
    }
    let rule = rule.to_string();
    // Each term is written once: in the formula, and again as its label.
    let shown: Vec<String> = terms().map(Term::shown).collect();
    let (left, right) = shown.split_at(lhs.len());
    let first = terms().next().and_then(|t| t.span).unwrap_or(fallback);
    let mut d = Diagnostic::error(
        code,
        first,
        format!("{subject} {failure}: {} ≠ {}: {l} ≠ {r}", left.join(" + "), right.join(" + ")),
    )
    .with_note(format!("rule: {rule}"));
    d.related.reserve_exact(shown.len().saturating_sub(1));
    d.related.extend(
        terms().zip(shown).skip(1).filter_map(|(t, shown)| Some(Label::new(t.span?, shown))),
    );
    if blanks().next().is_some() {
        d = d.with_note("blank cells were counted as 0");
    }
    d.formula = Some(formula(&rule, lhs, rhs, (l, r)));
    out.push(d);
}

/// The result rows of table 三 that （七）总计 sums, with their short names.
fn result_rows(a: &Applications) -> Vec<(&'static str, &ApplicantCounts)> {
    let d = &a.denied;
    let u = &a.unable_to_provide;
    let n = &a.not_processed;
    let o = &a.other_handling;
    [
        ("（一）予以公开", &a.granted),
        ("（二）部分公开", &a.partially_granted),
        ("（三）1", &d.state_secret),
        ("（三）2", &d.prohibited_by_law),
        ("（三）3", &d.security_and_stability),
        ("（三）4", &d.third_party_rights),
        ("（三）5", &d.internal_affairs),
        ("（三）6", &d.process_information),
        ("（三）7", &d.enforcement_files),
        ("（三）8", &d.administrative_query),
        ("（四）1", &u.not_held),
        ("（四）2", &u.needs_creation),
        ("（四）3", &u.unclear_after_correction),
        ("（五）1", &n.complaint_or_petition),
        ("（五）2", &n.repeated),
        ("（五）3", &n.publication),
        ("（五）4", &n.excessive),
        ("（五）5", &n.confirmation),
        ("（六）1", &o.no_correction),
        ("（六）2", &o.unpaid_fee),
        ("（六）3", &o.other),
        ("（六）其他处理", &o.undivided),
    ]
    .into_iter()
    .filter_map(|(name, r)| r.as_ref().map(|r| (name, r)))
    .collect()
}

/// Checks table 三: per column 一 + 二 = （七）+ 四 (balance-mismatch), per row 总计 = the sum of
/// the six applicant columns (row-total-mismatch), per column （七）= the sum of the result
/// rows (column-total-mismatch).
pub fn check_applications(a: &Applications) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    applications(a, &mut out);
    out
}

/// [`check_applications`], into `out`.
fn applications(a: &Applications, out: &mut Vec<Diagnostic>) {
    let fallback = a.span;
    // Rule 1, printed in the template: 第一项加第二项之和，等于第三项加第四项之和.
    if let (Some(new), Some(carried), Some(total), Some(fwd)) =
        (&a.new_received, &a.carried_over, &a.total_processed, &a.carried_forward)
    {
        for col in ApplicantColumn::ALL {
            let c = col.label();
            compare(
                out,
                Code::BalanceMismatch,
                (format_args!("column {c}"), "does not balance"),
                format_args!("{c}: 本年新收 + 上年结转 = 办理结果总计 + 结转下年度"),
                &[Term::of("本年新收", new, col), Term::of("上年结转", carried, col)],
                &[Term::of("办理结果总计", total, col), Term::of("结转下年度", fwd, col)],
                fallback,
            );
        }
    }
    // Rule 2: each row's 总计 is the sum of the six applicant columns.
    let results = result_rows(a);
    let mut rows: Vec<(&str, &ApplicantCounts)> = Vec::with_capacity(results.len() + 4);
    if let Some(r) = &a.new_received {
        rows.push(("一、本年新收", r));
    }
    if let Some(r) = &a.carried_over {
        rows.push(("二、上年结转", r));
    }
    rows.extend(results.iter().copied());
    if let Some(r) = &a.total_processed {
        rows.push(("（七）总计", r));
    }
    if let Some(r) = &a.carried_forward {
        rows.push(("四、结转下年度", r));
    }
    // Rows whose 总计 is blank while parts are printed (Shanghai 2019 leaves most of them
    // blank): one note for the table, not one per row.
    let mut unchecked: Vec<(&str, Span)> = Vec::new();
    for &(name, row) in &rows {
        let parts = ApplicantColumn::PARTS.map(|c| Term::of(c.label(), row, c));
        if row.total.is_none() && parts.iter().any(|t| t.value.is_some()) {
            unchecked.push((name, row.cell_span(ApplicantColumn::Total).unwrap_or(row.span)));
            continue;
        }
        compare(
            out,
            Code::RowTotalMismatch,
            (format_args!("row {name}"), "does not add up"),
            format_args!(
                "{name}: 总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他"
            ),
            &parts,
            &[Term::of("总计", row, ApplicantColumn::Total)],
            row.span,
        );
    }
    if let Some(&(_, span)) = unchecked.first() {
        out.push(
            Diagnostic::note(
                Code::BlankInCheck,
                span,
                format!(
                    "skipped the row-total check of {} row{} whose `总计` is blank: {}",
                    unchecked.len(),
                    if unchecked.len() == 1 { "" } else { "s" },
                    unchecked.iter().map(|u| u.0).collect::<Vec<_>>().join(", ")
                ),
            )
            .with_note(
                "rule: 总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他",
            ),
        );
    }
    // Rule 3: （七）总计 is the sum of the result rows.
    if let Some(total) = &a.total_processed {
        if !results.is_empty() {
            let mut parts = Vec::with_capacity(results.len());
            for col in ApplicantColumn::ALL {
                parts.clear();
                parts.extend(results.iter().map(|(n, r)| Term::of(n, r, col)));
                compare(
                    out,
                    Code::ColumnTotalMismatch,
                    (format_args!("column {}", col.label()), "does not add up to （七）总计"),
                    format_args!("{}: （七）总计 = the sum of the result rows", col.label()),
                    &parts,
                    &[Term::of("（七）总计", total, col)],
                    total.span,
                );
            }
        }
    }
}

/// Checks table 四: in each block, 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结
/// (outcome-total-mismatch).
pub fn check_reviews_and_lawsuits(r: &ReviewsAndLawsuits) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    reviews_and_lawsuits(r, &mut out);
    out
}

/// [`check_reviews_and_lawsuits`], into `out`.
fn reviews_and_lawsuits(r: &ReviewsAndLawsuits, out: &mut Vec<Diagnostic>) {
    for (block, o) in [
        ("行政复议", &r.review),
        ("行政诉讼 未经复议直接起诉", &r.lawsuit_direct),
        ("行政诉讼 复议后起诉", &r.lawsuit_after_review),
    ] {
        let values = o.values();
        let t = |i: usize, name: &'static str| Term { name, value: values[i], span: o.cells[i] };
        compare(
            out,
            Code::OutcomeTotalMismatch,
            (format_args!("block {block}"), "does not add up"),
            format_args!("{block}: 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结"),
            &[t(0, "结果维持"), t(1, "结果纠正"), t(2, "其他结果"), t(3, "尚未审结")],
            &[t(4, "总计")],
            r.span,
        );
    }
}
