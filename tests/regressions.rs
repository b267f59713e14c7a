//! Fuzz and property finds, one test each, named for what broke. The raw fuzz inputs are also
//! kept under fuzz/artifacts and replayed by tests/fuzz_replay.rs; these are the readable forms.

use gov_info_disclosure::internals::fuzzing::check_report;
use gov_info_disclosure::{parse, TableKind};

/// fuzz `parse`: a table after a subsection heading was put on the level-1 section and
/// overlapped the subsection. It now belongs to the subsection, and is still read.
#[test]
fn table_after_a_subsection_heading_belongs_to_the_subsection() {
    let tiny = "一、主动公开\n（一）数\n0";
    check_report(tiny, &parse(tiny).expect("parses"));

    let text = "某县人民政府2023年政府信息公开工作年度报告\n\
                一、总体情况\n本年度工作平稳。\n\
                二、主动公开政府信息情况\n\
                （一）主动公开情况\n\
                第二十条第（一）项\n\
                信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n\
                规章\t1\t0\t5\n\
                行政规范性文件\t2\t1\t9\n\
                三、收到和处理政府信息公开申请情况\n本年度未收到申请。\n";
    let report = parse(text).expect("parses");
    check_report(text, &report);
    let section = &report.sections[1];
    assert!(section.tables.is_empty());
    assert_eq!(section.subsections[0].tables[0].table, TableKind::ActiveDisclosure);
    let regulations = report.active_disclosure.and_then(|a| a.regulations).expect("规章 read");
    assert_eq!(
        (regulations.issued, regulations.repealed, regulations.in_force),
        (Some(1), Some(0), Some(5))
    );
}

/// property `full_and_half_width_variants_give_the_same_model`: the stray space that PDF
/// extraction leaves between CJK and digits was removed before ASCII digits only.
#[test]
fn stray_space_before_full_width_digits_is_removed_too() {
    let half = "一、总体情况\n全年公开信息 28条。\n";
    let full = "一、总体情况\n全年公开信息 ２８条。\n";
    let text = |s: &str| parse(s).expect("parses").sections[0].paragraphs[0].text.clone();
    assert_eq!(text(half), "全年公开信息28条。");
    assert_eq!(text(full), "全年公开信息２８条。");
}

/// roundtrip check: `Layout::Aligned` right-aligned cells in 8 columns with no separator, so
/// a cell of 8+ characters ran into the one before it (`17` + `6782165256.526元`).
#[test]
fn aligned_layout_separates_long_cells() {
    use gov_info_disclosure::render::{render_active, Layout};
    use gov_info_disclosure::table::{read_table, TableData};
    use gov_info_disclosure::{ActiveDisclosure, Decimal, Procurement, Span};

    let mut procurement = Procurement::default();
    procurement.items = Some(17);
    procurement.amount = Some("6782165256.526".parse::<Decimal>().expect("decimal"));
    procurement.amount_unit = Some("元".to_string());
    let mut table = ActiveDisclosure::default();
    table.procurement = Some(procurement);
    let text = render_active(&table, Layout::Aligned);
    assert!(text.contains(" 17 6782165256.526元"), "{text}");
    let mut diagnostics = Vec::new();
    let read =
        read_table(&text, Span::new(0, text.len()), TableKind::ActiveDisclosure, &mut diagnostics);
    let Some(TableData::ActiveDisclosure(read)) = read else { panic!("no table in {text}") };
    let p = read.procurement.expect("procurement row");
    assert_eq!(
        (p.items, p.amount.map(|d| d.to_string())),
        (Some(17), Some("6782165256.526".to_string()))
    );
}

/// fuzz `roundtrip`: the table region ends where the last line's text ends, so a tab row of
/// table 四 whose last cells are blank (`…\t50\t16\t\t`) lost them, and the reader split `50`
/// and `16` into digits to make fifteen cells.
#[test]
fn table_four_tab_row_with_blank_last_cells_is_not_digit_split() {
    use gov_info_disclosure::render::{render_reviews, Layout};
    use gov_info_disclosure::ReviewsAndLawsuits;

    let mut table = ReviewsAndLawsuits::default();
    let r = &mut table.review;
    (r.upheld, r.corrected, r.other, r.pending, r.total) =
        (Some(1), Some(0), Some(0), Some(0), Some(1));
    let d = &mut table.lawsuit_direct;
    (d.upheld, d.corrected, d.other, d.pending, d.total) =
        (Some(0), Some(0), Some(0), Some(0), Some(0));
    let a = &mut table.lawsuit_after_review;
    (a.upheld, a.corrected, a.other) = (Some(0), Some(50), Some(16));
    let text = format!(
        "某县人民政府2023年政府信息公开工作年度报告\n一、总体情况\n本年度工作平稳。\n\
         四、政府信息公开行政复议、行政诉讼情况\n{}五、存在的主要问题及改进情况\n无。\n",
        render_reviews(&table, Layout::Tab)
    );
    let report = parse(&text).expect("parses");
    check_report(&text, &report);
    let read = report.reviews_and_lawsuits.expect("table 四");
    assert_eq!(read.lawsuit_after_review.values(), [Some(0), Some(50), Some(16), None, None]);
    assert_eq!(read.review.values(), [Some(1), Some(0), Some(0), Some(0), Some(1)]);
}

/// fuzz `roundtrip`: the table region ended where the last line's text ended, so a last row
/// ending in blank tab cells (`…\t0\t\t`) lost them and was read short. The region now keeps
/// the last line's trailing tabs.
#[test]
fn trailing_blank_tab_cells_of_the_last_table_row_are_kept() {
    let text = "某县人民政府2024年政府信息公开工作年度报告\n\
                一、总体情况\n正文。\n\
                四、政府信息公开行政复议、行政诉讼情况\n\
                行政复议\t\t\t\t\t行政诉讼\n\
                3\t1\t0\t0\t4\t0\t0\t0\t0\t0\t2\t0\t0\t\t\n";
    let report = parse(text).expect("parses");
    check_report(text, &report);
    let region = report.sections[1].tables[0].span;
    assert!(region.slice(text).ends_with("0\t\t"), "{:?}", region.slice(text));
    let t = report.reviews_and_lawsuits.expect("table 四 read");
    assert_eq!(t.review.values(), [Some(3), Some(1), Some(0), Some(0), Some(4)]);
    let after = t.lawsuit_after_review.values();
    assert_eq!(after, [Some(2), Some(0), Some(0), None, None]);
}
