//! The year-over-year rule on fixtures of one organ in consecutive years: 上年结转 of year N
//! equals 结转下年度继续办理 of year N−1, per column of table 三.

use gov_info_disclosure::compare::{year_over_year, NotComparable};
use gov_info_disclosure::{parse, AnnualReport, ApplicantColumn};

fn fixture(name: &str) -> (String, AnnualReport) {
    let path = format!("{}/tests/fixtures/year_over_year/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap();
    let report = parse(&text).unwrap();
    (text, report)
}

#[test]
fn fixtures_are_clean_reports() {
    for name in ["linhe_2022.txt", "linhe_2023.txt", "qingshui_2020.txt", "qingshui_2021.txt"] {
        let (_, report) = fixture(name);
        assert!(report.diagnostics.is_empty(), "{name}: {:#?}", report.diagnostics);
    }
}

#[test]
fn a_pair_that_carries_over_what_it_carried_forward_holds() {
    // The 2022 report names its organ with its city, the 2023 one without.
    let (prev_text, prev) = fixture("linhe_2022.txt");
    let (text, current) = fixture("linhe_2023.txt");
    assert_ne!(prev.organ, current.organ);
    let carry = year_over_year(&prev, &current).unwrap();
    assert!(carry.holds(), "{carry:#?}");
    assert_eq!((carry.previous_year, carry.year), (2022, 2023));
    let forward = prev.applications.as_ref().unwrap().carried_forward.as_ref().unwrap();
    for c in &carry.columns {
        assert_eq!(c.agrees(), Some(true));
        assert_eq!(c.carried_forward, forward.get(c.column));
        // The spans are the cells of the two sources.
        let cell = |span: Option<gov_info_disclosure::Span>, source: &str| {
            span.map(|s| source[s.start..s.end].parse::<u64>().unwrap())
        };
        assert_eq!(cell(c.carried_forward_span, &prev_text), c.carried_forward);
        assert_eq!(cell(c.carried_over_span, &text), c.carried_over);
    }
    assert_eq!(carry.columns[ApplicantColumn::Total.index()].carried_over, Some(4));
}

#[test]
fn a_pair_that_carries_over_less_fails_in_the_columns_that_differ() {
    // 2020 (the 2019 format) leaves 2 applications of natural persons to 2021, which says 1.
    let (_, prev) = fixture("qingshui_2020.txt");
    let (_, current) = fixture("qingshui_2021.txt");
    let carry = year_over_year(&prev, &current).unwrap();
    assert!(!carry.holds());
    let wrong: Vec<_> =
        carry.mismatches().map(|c| (c.column, c.carried_forward, c.carried_over)).collect();
    assert_eq!(
        wrong,
        [
            (ApplicantColumn::NaturalPerson, Some(2), Some(1)),
            (ApplicantColumn::Total, Some(2), Some(1)),
        ]
    );
}

#[test]
fn reports_that_are_not_a_pair_are_not_comparable() {
    let (_, linhe) = fixture("linhe_2022.txt");
    let (_, qingshui) = fixture("qingshui_2021.txt");
    let (_, linhe_2023) = fixture("linhe_2023.txt");
    assert_eq!(
        year_over_year(&linhe_2023, &linhe),
        Err(NotComparable::NotConsecutive { previous: 2023, year: 2022 })
    );
    assert!(matches!(
        year_over_year(&qingshui, &linhe_2023),
        Err(NotComparable::NotConsecutive { .. })
    ));
    let mut other = qingshui.clone();
    other.year = Some(2023);
    assert!(matches!(year_over_year(&linhe, &other), Err(NotComparable::DifferentOrgans { .. })));
    let mut no_table = linhe_2023.clone();
    no_table.applications = None;
    assert!(matches!(year_over_year(&linhe, &no_table), Err(NotComparable::MissingRow { .. })));
    no_table.year = None;
    assert_eq!(
        year_over_year(&linhe, &no_table),
        Err(NotComparable::YearUnknown { which: "later" })
    );
}
