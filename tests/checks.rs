//! Each 勾稽 rule broken once, and its diagnostic.

use gov_info_disclosure::check::{check_applications, check_reviews_and_lawsuits};
use gov_info_disclosure::table::{read_table, TableData};
use gov_info_disclosure::{Code, Span, TableKind};

#[test]
fn each_rule_fires_where_broken() {
    let mut input =
        std::fs::read_to_string("tests/fixtures/tables/app_space_real.txt").expect("fixture");
    // Break the balance of 自然人 and the row total of 一 at once: 3001 → 3002.
    input = input.replacen("3001 53", "3002 53", 1);
    let mut d = Vec::new();
    let Some(TableData::Applications(a)) =
        read_table(&input, Span::new(0, input.len()), TableKind::Applications, &mut d)
    else {
        panic!()
    };
    let diags = check_applications(&a);
    let codes: Vec<Code> = diags.iter().map(|d| d.code).collect();
    assert_eq!(codes, vec![Code::BalanceMismatch, Code::RowTotalMismatch], "{diags:#?}");
    assert_eq!(
        diags[0].message,
        "column 自然人 does not balance: \
         本年新收 (3002) + 上年结转 (34) ≠ 办理结果总计 (2932) + 结转下年度 (103): 3036 ≠ 3035"
    );
    assert_eq!(&input[diags[0].span.start..diags[0].span.end], "3002");
    assert_eq!(diags[0].related.len(), 3);
    assert!(diags[0].notes[0].starts_with("rule: 自然人"));

    // Column total: （七） natural person 2932 → 2933 (balance breaks too).
    let input2 = std::fs::read_to_string("tests/fixtures/tables/app_space_real.txt")
        .expect("fixture")
        .replacen("2932 53", "2933 53", 1);
    let mut d = Vec::new();
    let Some(TableData::Applications(a)) =
        read_table(&input2, Span::new(0, input2.len()), TableKind::Applications, &mut d)
    else {
        panic!()
    };
    let codes: Vec<Code> = check_applications(&a).iter().map(|d| d.code).collect();
    assert_eq!(
        codes,
        vec![Code::BalanceMismatch, Code::RowTotalMismatch, Code::ColumnTotalMismatch]
    );
    // Each message names what it checked: the column, the row.
    let msgs: Vec<String> = check_applications(&a).into_iter().map(|d| d.message).collect();
    assert!(msgs[0].starts_with("column 自然人 does not balance: "), "{msgs:?}");
    assert!(msgs[1].starts_with("row （七）总计 does not add up: 自然人 (2933) + "), "{msgs:?}");
    assert!(msgs[2].starts_with("column 自然人 does not add up to （七）总计: "), "{msgs:?}");
}

#[test]
fn table4_total_rule() {
    // extra-samples 001 prints 复议 10, 1, 0, 0 with 总计 0.
    let input = "10 1 0 0 0 0 0 0 0 0 5 0 0 0 5\n";
    let mut d = Vec::new();
    let Some(TableData::ReviewsAndLawsuits(r)) =
        read_table(input, Span::new(0, input.len()), TableKind::ReviewsAndLawsuits, &mut d)
    else {
        panic!()
    };
    let diags = check_reviews_and_lawsuits(&r);
    assert_eq!(diags.len(), 1);
    assert_eq!(diags[0].code, Code::OutcomeTotalMismatch);
    assert_eq!(
        diags[0].message,
        "block 行政复议 does not add up: \
         结果维持 (10) + 结果纠正 (1) + 其他结果 (0) + 尚未审结 (0) ≠ 总计 (0): 11 ≠ 0"
    );
}

/// Every diagnostic of the checks on one fixture, with the text of each span.
fn render_checks(input: &str, diags: &[gov_info_disclosure::Diagnostic]) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    for d in diags {
        let _ = writeln!(out, "{} {}: {}", d.severity.as_str(), d.code, d.message);
        let _ = writeln!(out, "  at `{}`", d.span.slice(input));
        for l in &d.related {
            let _ = writeln!(out, "  related `{}`: {}", l.span.slice(input), l.message);
        }
        for n in &d.notes {
            let _ = writeln!(out, "  {n}");
        }
    }
    out
}

#[test]
fn rule_fixtures() {
    insta::glob!("fixtures/tables/checks/*.txt", |path| {
        let input = std::fs::read_to_string(path).expect("fixture");
        let name = path.file_stem().and_then(|s| s.to_str()).unwrap_or("").to_string();
        let kind = if name.starts_with("table4") || name.starts_with("blank") {
            TableKind::ReviewsAndLawsuits
        } else {
            TableKind::Applications
        };
        let mut read = Vec::new();
        let diags = match read_table(&input, Span::new(0, input.len()), kind, &mut read) {
            Some(TableData::Applications(a)) => check_applications(&a),
            Some(TableData::ReviewsAndLawsuits(r)) => check_reviews_and_lawsuits(&r),
            _ => panic!("{name}: not read"),
        };
        assert!(read.is_empty(), "{name}: {read:?}");
        // The rule named by the fixture fires, and nothing else but its own consequences.
        let want = match name.as_str() {
            "balance" => vec![Code::BalanceMismatch, Code::BalanceMismatch],
            // One wrong 总计 cell also breaks the 总计 column's sum.
            "row_total" => vec![Code::RowTotalMismatch, Code::ColumnTotalMismatch],
            "column_total" => vec![Code::ColumnTotalMismatch, Code::ColumnTotalMismatch],
            "table4_totals" => vec![Code::OutcomeTotalMismatch],
            // A blank 总计 was not filled in: the check is skipped with a blank-in-check note
            // (Shanghai 2019 style), not reported as `6 ≠ 0`.
            "blank_total" => vec![],
            other => panic!("unexpected fixture {other}"),
        };
        let got: Vec<Code> =
            diags.iter().map(|d| d.code).filter(|c| *c != Code::BlankInCheck).collect();
        assert_eq!(got, want, "{name}");
        if name == "blank_total" {
            assert_eq!(diags.len(), 1, "{diags:#?}");
            assert_eq!(diags[0].code, Code::BlankInCheck);
            assert_eq!(diags[0].message, "skipped the check of block 行政复议: `总计` blank");
        }
        insta::assert_snapshot!(render_checks(&input, &diags));
    });
}
