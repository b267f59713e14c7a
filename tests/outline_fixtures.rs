//! Small realistic reports in layouts beyond the five samples (tests/fixtures/outline/): the
//! section tree of each, checked by hand against the fixture, plus the coverage invariant.

use gov_info_disclosure::{parse, AnnualReport, Code, LineIndex, Section};

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/outline/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn report(text: &str) -> AnnualReport {
    let r = parse(text).unwrap_or_else(|e| panic!("{e}"));
    r.check_coverage().unwrap_or_else(|e| panic!("coverage: {e}"));
    r
}

/// One line per section: depth (by indentation), number, marker + title, kind, table regions.
fn tree(r: &AnnualReport) -> Vec<String> {
    fn walk(s: &Section, depth: usize, out: &mut Vec<String>) {
        let kind = s.kind.map(|k| format!(" {k:?}")).unwrap_or_default();
        let tables = if s.tables.is_empty() { String::new() } else { " +table".to_string() };
        out.push(format!(
            "{}{} {}{}{kind}{tables}",
            "  ".repeat(depth),
            s.number,
            s.marker,
            s.title
        ));
        for sub in &s.subsections {
            walk(sub, depth + 1, out);
        }
    }
    let mut out = Vec::new();
    for s in &r.sections {
        walk(s, 0, &mut out);
    }
    out
}

fn paragraphs(s: &Section) -> Vec<&str> {
    s.paragraphs.iter().map(|p| p.text.as_str()).collect()
}

#[test]
fn markdown_converter_output() {
    let text = fixture("markdown.md");
    let r = report(&text);
    assert_eq!(r.title, "某市某区人民政府2023年政府信息公开工作年度报告");
    assert_eq!(r.organ.as_deref(), Some("某市某区人民政府"));
    assert_eq!(
        tree(&r),
        [
            "1 一、总体情况 Overview",
            "  1 （一）主动公开",
            "    1 1.公开数量",
            "    2 2.公开渠道",
            "  2 （二）依申请公开",
            "  3 （三）政府信息管理",
            "2 二、主动公开政府信息情况 ActiveDisclosure +table",
            "3 三、收到和处理政府信息公开申请情况 Applications +table",
            "4 四、政府信息公开行政复议、行政诉讼情况 ReviewsAndLawsuits +table",
            "5 五、存在的主要问题及改进情况 ProblemsAndImprovements",
            "  1 （一）存在的主要问题",
            "  2 （二）改进措施",
            "6 六、其他需要报告的事项 OtherMatters",
        ]
    );
    // Decoration is outside marker and title, inside the spans.
    let s1 = &r.sections[0];
    assert_eq!(s1.heading_span.slice(&text), "## 一、总体情况");
    assert_eq!(s1.subsections[2].heading_span.slice(&text), "**（三）政府信息管理。**");
    assert_eq!(paragraphs(&s1.subsections[2]), ["全面梳理现行有效的行政规范性文件。"]);
    assert_eq!(paragraphs(&s1.subsections[0].subsections[1]), ["依托政务新媒体及时发布政策解读。"]);
    // The quoted intro loses its `> `; trailing hard-break spaces are gone.
    assert!(r.preamble.paragraphs[0].text.starts_with("本报告依据《中华人民共和国"));
    assert_eq!(
        paragraphs(s1),
        ["2023年，某区人民政府深入贯彻落实《条例》，扎实推进政府信息公开工作。"]
    );
    // Every pipe row of each table lies in the region; no row label became a heading.
    for (k, first, last) in [
        (1, "| 第二十条第（一）项", "| 行政许可 | 1520 |"),
        (2, "| （本列", "| 四、结转下年度继续办理 | | 0 | 0 |"),
        (3, "| 行政复议", "| 0 | 0 | 0 |"),
    ] {
        let region = r.sections[k].tables[0].span.slice(&text);
        assert!(region.starts_with(first) && region.ends_with(last), "{region}");
    }
    let sig = r.signature.as_ref().expect("signature");
    assert_eq!(
        (sig.organ.as_deref(), sig.date.map(|d| d.to_string())),
        (Some("某市某区人民政府"), Some("2024-01-20".into()))
    );
}

#[test]
fn intro_listing_the_six_titles_and_full_width_indentation() {
    let r = report(&fixture("intro_lists_titles.txt"));
    assert_eq!(
        tree(&r),
        [
            "1 一、总体情况 Overview",
            "  1 （一）主动公开",
            "  2 （二）依申请公开",
            "2 二、主动公开政府信息情况 ActiveDisclosure",
            "3 三、收到和处理政府信息公开申请情况 Applications",
            "4 四、政府信息公开行政复议、行政诉讼情况 ReviewsAndLawsuits",
            "5 五、存在的主要问题及改进情况 ProblemsAndImprovements",
            "6 六、其他需要报告的事项 OtherMatters",
        ]
    );
    // Both intro sentences stay preamble paragraphs.
    assert_eq!(r.preamble.paragraphs.len(), 3);
    assert!(r.preamble.paragraphs[1].text.starts_with("一、总体情况；二、"));
}

#[test]
fn run_in_heading_and_tab_tables_right_after_headings() {
    let text = fixture("run_in_and_tab_table.txt");
    let r = report(&text);
    assert_eq!(
        tree(&r),
        [
            "1 一、总体情况 Overview",
            "  1 （一）主动公开",
            "  2 （二）依申请公开",
            "2 二、主动公开政府信息情况 ActiveDisclosure +table",
            "3 三、收到和处理政府信息公开申请情况 Applications +table",
            "4 四、政府信息公开行政复议、行政诉讼情况 ReviewsAndLawsuits +table",
            "5 五、存在的主要问题及改进情况 ProblemsAndImprovements",
            "6 六、其他需要报告的事项 OtherMatters",
        ]
    );
    let s1 = &r.sections[0];
    assert_eq!(s1.heading_span.slice(&text), "一、总体情况");
    assert!(paragraphs(s1)[0].starts_with("2020年，我区坚持"));
    // Table 二 starts on the line right after its heading; table 三's region holds its
    // `四、结转下年度继续办理` row, and ends before the next section's heading.
    let t2 = r.sections[1].tables[0].span.slice(&text);
    assert!(t2.starts_with("第二十条第（一）项") && t2.ends_with("行政许可\t210\t5\t1730"), "{t2}");
    let t3 = r.sections[2].tables[0].span.slice(&text);
    assert!(
        t3.starts_with("（本列数据") && t3.ends_with("四、结转下年度继续办理\t0\t0\t0"),
        "{t3}"
    );
}

#[test]
fn unnumbered_level_1_titles() {
    let r = report(&fixture("unnumbered.txt"));
    assert_eq!(
        tree(&r),
        [
            "1 总体情况 Overview",
            "  1 （一）主动公开",
            "  2 （二）依申请公开",
            "2 主动公开政府信息情况 ActiveDisclosure",
            "3 收到和处理政府信息公开申请情况 Applications",
            "4 政府信息公开行政复议、行政诉讼情况 ReviewsAndLawsuits",
            "5 存在的主要问题及改进情况 ProblemsAndImprovements",
            "  1 （一）存在的主要问题",
            "  2 （二）改进情况",
            "6 其他需要报告的事项 OtherMatters",
        ]
    );
    assert!(r.diagnostics.iter().all(|d| d.code != Code::MissingSection));
}

#[test]
fn marker_variants() {
    let r = report(&fixture("marker_variants.txt"));
    assert_eq!(
        tree(&r),
        [
            "1 一 、总体情况 Overview",
            "  1 （一）主动公开",
            "2 二、主动公开政府信息情况 ActiveDisclosure",
            "3 三、收到和处理政府信息公开申请情况 Applications",
            "4 四．政府信息公开行政复议、行政诉讼情况 ReviewsAndLawsuits",
            "5 五.存在的主要问题及改进情况 ProblemsAndImprovements",
            "  1 （一）存在的主要问题",
            "  2 （二）改进措施",
            "6 六、其他需要报告的事项 OtherMatters",
        ]
    );
}

#[test]
fn hard_wrapped_pdf_text() {
    let r = report(&fixture("hard_wrapped.txt"));
    assert_eq!(
        tree(&r),
        [
            "1 一、总体情况 Overview",
            "  1 （一）主动公开",
            "2 二、主动公开政府信息情况 ActiveDisclosure",
            "3 三、收到和处理政府信息公开申请情况 Applications",
            "4 四、政府信息公开行政复议、行政诉讼情况 ReviewsAndLawsuits",
            "5 五、存在的主要问题及改进情况 ProblemsAndImprovements",
            "6 六、其他需要报告的事项 OtherMatters",
        ]
    );
    // `主动公开政府信息情况。` closes a wrapped sentence: prose, not an unnumbered heading;
    // and the wrapped `（一）加大学习、…` line is prose too.
    let overview = paragraphs(&r.sections[0]);
    assert!(overview[0].ends_with("主动公开政府信息情况。"), "{overview:?}");
    assert!(overview[1].starts_with("（一）加大学习、宣传、培训工作力度"), "{overview:?}");
    let sig = r.signature.as_ref().expect("signature");
    assert_eq!(sig.date.map(|d| d.to_string()).as_deref(), Some("2024-01-19"));
}

/// `\r\n` and lone `\r` endings give the same tree, and LineIndex numbers the heading lines
/// as the layout does.
#[test]
fn line_endings_do_not_change_the_tree() {
    for name in ["markdown.md", "run_in_and_tab_table.txt", "hard_wrapped.txt", "unnumbered.txt"] {
        let lf = fixture(name);
        let want = tree(&report(&lf));
        let lf_index = LineIndex::new(&lf);
        let lf_lines: Vec<usize> =
            report(&lf).sections.iter().map(|s| lf_index.line(s.heading_span.start)).collect();
        for eol in ["\r\n", "\r"] {
            let text = lf.replace('\n', eol);
            let r = report(&text);
            assert_eq!(tree(&r), want, "{name} with {eol:?}");
            let index = LineIndex::new(&text);
            let lines: Vec<usize> =
                r.sections.iter().map(|s| index.line(s.heading_span.start)).collect();
            assert_eq!(lines, lf_lines, "{name} with {eol:?}");
        }
    }
}

/// An invalid 发布日期 is reported, not skipped.
#[test]
fn invalid_published_date_is_a_diagnostic() {
    let text = format!("发布日期：2024年2月30日\n{}", fixture("marker_variants.txt"));
    let r = report(&text);
    assert_eq!(r.published, None);
    let d = r.diagnostics.iter().find(|d| d.code == Code::InvalidDate).expect("invalid-date");
    assert_eq!(d.span.slice(&text), "2024年2月30日");
    assert_eq!(r.title, "某县市场监督管理局2021年政府信息公开工作年度报告");
}

/// A sub-heading between a table section's heading and its table: the table region lies in
/// the subsection (whose span covers it) and is still read as the section's table.
#[test]
fn subheading_before_a_table() {
    let text = fixture("subheading_before_table.txt");
    let r = report(&text);
    assert_eq!(
        tree(&r),
        [
            "1 一、总体情况 Overview",
            "2 二、主动公开政府信息情况 ActiveDisclosure",
            "  1 （一）主动公开规章和规范性文件情况 +table",
            "3 三、收到和处理政府信息公开申请情况 Applications",
            "4 四、政府信息公开行政复议、行政诉讼情况 ReviewsAndLawsuits +table",
            "5 五、存在的主要问题及改进情况 ProblemsAndImprovements",
            "6 六、其他需要报告的事项 OtherMatters",
        ]
    );
    let region = r.sections[1].subsections[0].tables[0].span.slice(&text);
    assert!(
        region.starts_with("第二十条第（一）项") && region.ends_with("行政许可\t0"),
        "{region}"
    );
    // Only table 三 (text, no cells) is missing: 二's region was found in the subsection.
    let missing: Vec<_> =
        r.diagnostics.iter().filter(|d| d.code == Code::TableMissing).map(|d| d.span).collect();
    assert_eq!(missing.len(), 1);
    assert!(missing[0].start > r.sections[2].heading_span.start);
}
