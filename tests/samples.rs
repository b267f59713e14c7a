//! The five real samples: exact metadata and section trees (the "done when" criteria, checked
//! by hand against each file), a JSON snapshot of the whole model, and the coverage invariant.

use gov_info_disclosure::{parse, AnnualReport, Code, Edition, Section, SectionKind};

fn sample(name: &str) -> (String, AnnualReport) {
    let path = format!("{}/tests/data/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let report = parse(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
    report.check_coverage().unwrap_or_else(|e| panic!("{path}: coverage: {e}"));
    (text, report)
}

/// `(number, marker+title, kind, subsection titles)` of each level-1 section.
fn tree(report: &AnnualReport) -> Vec<(u32, String, Option<SectionKind>, Vec<String>)> {
    let sub =
        |s: &Section| s.subsections.iter().map(|x| format!("{}{}", x.marker, x.title)).collect();
    report
        .sections
        .iter()
        .map(|s| (s.number, format!("{}{}", s.marker, s.title), s.kind, sub(s)))
        .collect()
}

fn table_missing(report: &AnnualReport) -> usize {
    report.diagnostics.iter().filter(|d| d.code == Code::TableMissing).count()
}

fn date(report_date: Option<gov_info_disclosure::Date>) -> Option<String> {
    report_date.map(|d| d.to_string())
}

use SectionKind::*;

#[test]
fn sample_000_title_split_over_two_lines_tables_are_images() {
    let (_, r) = sample("000_80e22dc9225c65a1.txt");
    assert_eq!(r.title, "垫江县周嘉镇人民政府2023年政府信息公开工作年度报告");
    assert_eq!(r.organ.as_deref(), Some("垫江县周嘉镇人民政府"));
    assert_eq!((r.year, r.edition), (Some(2023), Edition::Format2021));
    assert_eq!((r.published, &r.signature), (None, &None));
    let t = tree(&r);
    let kinds: Vec<_> = t.iter().map(|s| s.2).collect();
    assert_eq!(
        kinds,
        [
            Overview,
            ActiveDisclosure,
            Applications,
            ReviewsAndLawsuits,
            ProblemsAndImprovements,
            OtherMatters
        ]
        .map(Some)
    );
    assert_eq!(
        t[0].3,
        [
            "（一）主动公开",
            "（二）依申请公开",
            "（三）政府信息管理",
            "（四）政府信息公开平台建设",
            "（五）监督保障"
        ]
    );
    assert_eq!(t[4].1, "五、当前存在的主要问题及下步改进措施");
    assert_eq!(t[4].3, ["（一）当前存在的主要问题", "（二）下步改进措施"]);
    assert_eq!(table_missing(&r), 3);
    // Paragraphs joined across PDF line breaks and blank lines, CJK–digit spaces removed.
    let p = &r.sections[0].subsections[0].paragraphs[0].text;
    assert!(p.starts_with("截至2023年12月31日，我镇全年主动公开政府信息总数300条："), "{p}");
    assert!(p.ends_with("政府信息公开目录共75条。"), "{p}");
}

#[test]
fn sample_001_run_in_headings_and_tab_tables() {
    let (_, r) = sample("001_8b9db0a3de107dcf.txt");
    assert_eq!(r.title, "卷硐镇2023年政府信息公开工作年度报告");
    assert_eq!(r.organ.as_deref(), Some("卷硐镇"));
    assert_eq!((r.year, r.edition), (Some(2023), Edition::Format2021));
    let t = tree(&r);
    assert_eq!(t.len(), 6);
    assert_eq!(
        t[0].3,
        [
            "（一）主动公开",
            "（二）依申请公开",
            "（三）政府信息管理",
            "（四）政府信息公开平台建设",
            "（五）监督保障"
        ]
    );
    assert_eq!(t[4].3, ["(一)工作中存在的问题", "（二）改进措施"]);
    // A run-in heading's body starts the first paragraph.
    let p = &r.sections[0].subsections[0].paragraphs[0].text;
    assert!(p.starts_with("以渠县2023年政务公开工作要点为指引"), "{p}");
    // Tables 二/三/四 are regions of their sections, not subsections.
    for s in &r.sections[1..4] {
        assert_eq!((s.tables.len(), s.subsections.len()), (1, 0), "{}", s.title);
    }
    assert_eq!(table_missing(&r), 0);
}

#[test]
fn sample_002_organ_on_its_own_line() {
    let (_, r) = sample("002_49110c21dc18a0fd.txt");
    assert_eq!(r.title, "汉阳镇2023年度政府信息公开工作年度报告");
    assert_eq!(r.organ.as_deref(), Some("汉阳镇"));
    assert_eq!((r.year, r.edition), (Some(2023), Edition::Format2021));
    let t = tree(&r);
    assert_eq!(t.len(), 6);
    assert_eq!(t[0].3, ["（一）强化领导，落实责任", "（二）完善制度、优化机制"]);
    assert_eq!(t[4].2, Some(ProblemsAndImprovements));
    assert!(t[4].3.is_empty());
}

#[test]
fn sample_003_published_and_signature() {
    let (text, r) = sample("003_7725fcf89aa37421.txt");
    assert_eq!(r.title, "威海市文登区宋村镇人民政府2023年政府信息公开工作年度报告");
    assert_eq!(r.organ.as_deref(), Some("威海市文登区宋村镇人民政府"));
    assert_eq!((r.year, r.edition), (Some(2023), Edition::Format2021));
    assert_eq!(date(r.published).as_deref(), Some("2024-01-25"));
    let sig = r.signature.as_ref().expect("signature");
    assert_eq!(sig.organ.as_deref(), Some("威海市文登区宋村镇人民政府"));
    assert_eq!(date(sig.date).as_deref(), Some("2024-01-22"));
    assert!(sig.span.slice(&text).ends_with("2024年1月22日"));
    let t = tree(&r);
    assert_eq!(t.len(), 6);
    assert_eq!(
        t[5].3,
        ["(一)政府信息公开申请收费情况", "(二)人大代表建议和政协委员提案办理方面", "(三)其他方面"]
    );
    assert_eq!(table_missing(&r), 3);
    // The signature is not a paragraph of section 六.
    let last = r.sections[5].subsections[2].paragraphs.last().expect("paragraph");
    assert!(!last.text.contains("2024年1月22日"));
}

#[test]
fn sample_004_legacy_seven_sections() {
    let (_, r) = sample("004_861e7ce17705b0e6.txt");
    assert_eq!(r.title, "宜就镇2018年度政府信息公开年度报告");
    assert_eq!(r.organ.as_deref(), Some("宜就镇"));
    assert_eq!((r.year, r.edition), (Some(2018), Edition::Legacy));
    let sig = r.signature.as_ref().expect("signature");
    assert_eq!(sig.organ.as_deref(), Some("宜就镇人民政府"));
    assert_eq!(date(sig.date).as_deref(), Some("2018-12-30"));
    let t = tree(&r);
    let kinds: Vec<_> = t.iter().map(|s| s.2).collect();
    assert_eq!(
        kinds,
        [
            Overview,
            ActiveDisclosure,
            Applications,
            Fees,
            ReviewsAndLawsuits,
            Problems,
            Improvements
        ]
        .map(Some)
    );
    assert_eq!(t[1].3, ["（一）公开的数量", "（二）公开的形式"]);
    // Section 七's （一）（二）（三） are wrapped list items, not headings.
    assert!(t[6].3.is_empty());
    assert_eq!(r.sections[6].paragraphs.len(), 4);
    assert_eq!(table_missing(&r), 0, "legacy reports get no table calls");
    let p = &r.sections[1].subsections[0].paragraphs;
    assert_eq!(p.len(), 1, "{p:?}");
}

#[test]
fn snapshots() {
    insta::glob!("data/*.txt", |path| {
        let text = std::fs::read_to_string(path).expect("readable sample");
        let report = parse(&text).expect("parses");
        report.check_coverage().expect("coverage");
        insta::assert_json_snapshot!(report);
    });
}
