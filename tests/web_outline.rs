//! Headings glued to what follows them (issue 10, items 2 and 6): the text a web page gives
//! once the first pass has put every heading and table row at the start of a logical line,
//! with the heading's content still on the same line (`一、总体情况2024年，…`, `（一）主动公开
//! 情况我局…`, `（二）改进举措 一是…`, `三、…申请情况（本列数据的勾稽关系为…）`).
//!
//! Whole small reports are generated: every title of the template (and of section 一's
//! sub-titles) with every glue form, and the tree, kinds, numbers, run-in paragraphs, table
//! regions and the coverage invariant are checked.

use gov_info_disclosure::{parse, AnnualReport, Code, Section, SectionKind, TableKind};

fn report(text: &str) -> AnnualReport {
    let r = parse(text).unwrap_or_else(|e| panic!("{e}\n{text}"));
    r.check_coverage().unwrap_or_else(|e| panic!("coverage: {e}\n{text}"));
    r
}

/// How a heading's content follows its title on the line.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Glue {
    /// The content on the next line.
    None,
    /// One space between title and content.
    Space,
    /// The content starts with a number, glued (`总体情况2024年，…`).
    Digits,
    /// A bracketed note glued after the title (`…情况（数据截至2024年12月31日）…`).
    Note,
    /// CJK prose glued straight on (`主动公开情况我局严格…`).
    Prose,
}

const GLUES: [Glue; 5] = [Glue::None, Glue::Space, Glue::Digits, Glue::Note, Glue::Prose];

/// The content a section starts with in glue form `g`, distinct per section (`n`).
fn content(g: Glue, n: usize) -> String {
    match g {
        Glue::None | Glue::Space => format!("本机关第{n}项工作稳步推进，取得实效。"),
        Glue::Digits => format!("2024年，本机关第{n}项工作稳步推进。"),
        Glue::Note => format!("（数据截至2024年12月31日）本机关第{n}项工作稳步推进。"),
        Glue::Prose => format!("我局第{n}项工作严格按照条例要求，扎实推进。"),
    }
}

/// A heading line (and the content line, for `Glue::None`): the heading's line and the text
/// that must come out as its first paragraph.
fn heading(marker: &str, title: &str, g: Glue, n: usize) -> (String, String) {
    let body = content(g, n);
    let text = match g {
        Glue::None => format!("{marker}{title}\n{body}\n"),
        Glue::Space => format!("{marker}{title} {body}\n"),
        _ => format!("{marker}{title}{body}\n"),
    };
    (text, body)
}

/// What one section must come out as.
#[derive(Debug, PartialEq)]
struct Want {
    number: u32,
    marker: String,
    title: String,
    kind: Option<SectionKind>,
    first_paragraph: Option<String>,
    table: Option<TableKind>,
    /// The first characters of the section's table region.
    table_start: Option<String>,
    subsections: Vec<Want>,
}

fn got(text: &str, s: &Section) -> Want {
    let table = s.tables.first().map(|t| t.table);
    let sub_table = s.subsections.iter().find_map(|x| x.tables.first()).map(|t| t.table);
    Want {
        number: s.number,
        marker: s.marker.clone(),
        title: s.title.clone(),
        kind: s.kind,
        first_paragraph: s.paragraphs.first().map(|p| p.text.clone()),
        table: table.or(sub_table),
        table_start: s.tables.first().map(|t| t.span.slice(text).chars().take(6).collect()),
        subsections: s.subsections.iter().map(|x| got(text, x)).collect(),
    }
}

const TABLE_2: &str = "第二十条第（一）项\n信息内容 本年制发件数 本年废止件数 现行有效件数\n\
                       规章 0 0 0\n行政规范性文件 5 2 12\n第二十条第（五）项\n信息内容 本年处理决定数量\n\
                       行政许可 52\n第二十条第（六）项\n信息内容 本年处理决定数量\n行政处罚 19\n\
                       行政强制 7\n第二十条第（八）项\n信息内容 本年收费金额（单位：万元）\n\
                       行政事业性收费 0\n";

/// Table 三 as the first pass hands it over: every row label at the start of a line, numbers
/// spaced or run together (`3000003`, extra-samples 102/111), row labels with the numeral
/// markers of headings (`四、结转下年度继续办理`, `（一）予以公开`).
const TABLE_3: &str = "申请人情况 自然人 法人或其他组织 总计\n\
    商业企业 科研机构 社会公益组织 法律服务机构 其他\n\
    一、本年新收政府信息公开申请数量 8 0 0 0 0 0 8\n\
    二、上年结转政府信息公开申请数量 0000000\n三、本年度办理结果\n\
    （一）予以公开 3000003\n（二）部分公开（区分处理的，只计这一情形，不计其他情形） 1 0 0 0 0 0 1\n\
    （三）不予公开 1.属于国家秘密 0 0 0 0 0 0 0\n2.其他法律行政法规禁止公开 0 0 0 0 0 0 0\n\
    3.危及“三安全一稳定” 0 0 0 0 0 0 0\n4.保护第三方合法权益 0 0 0 0 0 0 0\n\
    5.属于三类内部事务信息 0 0 0 0 0 0 0\n6.属于四类过程性信息 0 0 0 0 0 0 0\n\
    7.属于行政执法案卷 0 0 0 0 0 0 0\n8.属于行政查询事项 0 0 0 0 0 0 0\n\
    （四）无法提供 1.本机关不掌握相关政府信息 4 0 0 0 0 0 4\n2.没有现成信息需要另行制作 0 0 0 0 0 0 0\n\
    3.补正后申请内容仍不明确 0 0 0 0 0 0 0\n\
    （五）不予处理 1.信访举报投诉类申请 0 0 0 0 0 0 0\n2.重复申请 0 0 0 0 0 0 0\n\
    3.要求提供公开出版物 0 0 0 0 0 0 0\n4.无正当理由大量反复申请 0 0 0 0 0 0 0\n\
    5.要求行政机关确认或重新出具已获取信息 0 0 0 0 0 0 0\n\
    （六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 0 0 0 0 0 0 0\n\
    2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 0 0 0 0 0 0 0\n\
    3.其他 0 0 0 0 0 0 0\n（七）总计 8 0 0 0 0 0 8\n四、结转下年度继续办理 0000000\n";

const TABLE_4: &str = "行政复议 行政诉讼\n\
    结果维持 结果纠正 其他结果 尚未审结 总计 未经复议直接起诉 复议后起诉\n\
    结果维持 结果纠正 其他结果 尚未审结 总计 结果维持 结果纠正 其他结果 尚未审结 总计\n\
    1 0 0 0 1 0 0 0 0 0 0 0 0 0 0\n";

/// The sub-titles of section 一 with a suffix each (the 2021 template's model text prints
/// them bare or with 情况/工作/方面).
const SUBTITLES: [&str; 5] =
    ["主动公开", "依申请公开情况", "政府信息管理工作", "政府信息公开平台建设", "监督保障方面"];

/// A whole report in which heading `k` (0-based, in document order) is glued in form
/// `glue(k)`. The table sections' content is their table, glued or on the next line.
fn build(glue: impl Fn(usize) -> Glue, problems: &str) -> (String, Vec<Want>) {
    let mut text = String::from(
        "某区某局2024年政府信息公开工作年度报告\n本报告依据《中华人民共和国政府信息公开条例》编制。\n",
    );
    let mut k = 0;
    let mut next = || {
        k += 1;
        k - 1
    };
    let mut want = Vec::new();
    let level1 = |text: &mut String,
                  number: u32,
                  marker: &str,
                  title: &str,
                  kind: SectionKind,
                  g: Glue,
                  n: usize| {
        let (line, body) = heading(marker, title, g, n);
        text.push_str(&line);
        Want {
            number,
            marker: marker.to_string(),
            title: title.to_string(),
            kind: Some(kind),
            first_paragraph: Some(body),
            table: None,
            table_start: None,
            subsections: Vec::new(),
        }
    };
    let g = glue(next());
    let mut one = level1(&mut text, 1, "一、", "总体情况", SectionKind::Overview, g, 0);
    for (j, sub) in SUBTITLES.iter().enumerate() {
        let g = glue(next());
        let marker = ["（一）", "（二）", "（三）", "（四）", "（五）"][j];
        let (line, body) = heading(marker, sub, g, 10 + j);
        text.push_str(&line);
        one.subsections.push(Want {
            number: j as u32 + 1,
            marker: marker.to_string(),
            title: sub.to_string(),
            kind: None,
            first_paragraph: Some(body),
            table: None,
            table_start: None,
            subsections: Vec::new(),
        });
    }
    want.push(one);
    // The table sections: their heading glued to the table's first line, or to a note.
    let tables = [
        (
            "二、",
            "主动公开政府信息情况",
            SectionKind::ActiveDisclosure,
            TableKind::ActiveDisclosure,
            TABLE_2,
        ),
        (
            "三、",
            "收到和处理政府信息公开申请情况",
            SectionKind::Applications,
            TableKind::Applications,
            TABLE_3,
        ),
        (
            "四、",
            "政府信息公开行政复议、行政诉讼情况",
            SectionKind::ReviewsAndLawsuits,
            TableKind::ReviewsAndLawsuits,
            TABLE_4,
        ),
    ];
    for (j, (marker, title, kind, table, body)) in tables.into_iter().enumerate() {
        let g = glue(next());
        let caption = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";
        let body = match (g, table) {
            // 三's note, glued: a table caption, not part of the title.
            (Glue::Note, TableKind::Applications) => format!("{caption}\n{body}"),
            _ => body.to_string(),
        };
        let sep = match g {
            Glue::None => "\n",
            Glue::Space => " ",
            _ => "",
        };
        text.push_str(&format!("{marker}{title}{sep}{body}"));
        want.push(Want {
            number: j as u32 + 2,
            marker: marker.to_string(),
            title: title.to_string(),
            kind: Some(kind),
            first_paragraph: None,
            table: Some(table),
            table_start: Some(body.chars().take(6).collect()),
            subsections: Vec::new(),
        });
    }
    let g = glue(next());
    let kind = SectionKind::ProblemsAndImprovements;
    let mut five = level1(&mut text, 5, "五、", problems, kind, g, 5);
    for (j, sub) in ["存在的主要问题", "改进举措"].iter().enumerate() {
        let g = glue(next());
        let marker = ["（一）", "（二）"][j];
        // 一是… after a sub-title, as real reports write their lists.
        let body = match g {
            Glue::Digits => "2025年，一是进一步加强公开。二是完善制度。".to_string(),
            Glue::Note => "（共两项）一是进一步加强公开。二是完善制度。".to_string(),
            _ => "一是进一步加强公开。二是完善制度。".to_string(),
        };
        let line = match g {
            Glue::None => format!("{marker}{sub}\n{body}\n"),
            Glue::Space => format!("{marker}{sub} {body}\n"),
            _ => format!("{marker}{sub}{body}\n"),
        };
        text.push_str(&line);
        five.subsections.push(Want {
            number: j as u32 + 1,
            marker: marker.to_string(),
            title: sub.to_string(),
            kind: None,
            first_paragraph: Some(body),
            table: None,
            table_start: None,
            subsections: Vec::new(),
        });
    }
    want.push(five);
    let g = glue(next());
    let (line, body) = match g {
        Glue::None => ("六、其他需要报告的事项\n暂无。\n".to_string(), "暂无。".to_string()),
        Glue::Prose => ("六、其他需要报告的事项暂无。\n".to_string(), "暂无。".to_string()),
        _ => heading("六、", "其他需要报告的事项", g, 6),
    };
    text.push_str(&line);
    want.push(Want {
        number: 6,
        marker: "六、".to_string(),
        title: "其他需要报告的事项".to_string(),
        kind: Some(SectionKind::OtherMatters),
        first_paragraph: Some(body),
        table: None,
        table_start: None,
        subsections: Vec::new(),
    });
    text.push_str("某区某局\n2025年1月20日\n");
    (text, want)
}

/// Every heading in glue form `GLUES[(k + shift) % 5]`: over the five shifts, every title meets
/// every form.
#[test]
fn every_title_with_every_glue_form() {
    let problems =
        ["存在的主要问题及改进情况", "存在的主要问题及改进措施", "存在的主要问题及明年工作计划"];
    for shift in 0..GLUES.len() {
        for problems in problems {
            let (text, want) = build(|k| GLUES[(k + shift) % GLUES.len()], problems);
            let r = report(&text);
            let got: Vec<Want> = r.sections.iter().map(|x| got(&text, x)).collect();
            assert_eq!(got, want, "shift {shift}\n{text}");
            assert!(r.applications.is_some(), "table 三 read\n{text}");
            let new = r.applications.as_ref().and_then(|a| a.new_received.as_ref());
            assert_eq!(new.and_then(|c| c.total), Some(8), "{text}");
            assert!(r.reviews_and_lawsuits.is_some(), "table 四 read\n{text}");
            let regs = r.active_disclosure.as_ref().and_then(|t| t.normative_documents.as_ref());
            assert_eq!(regs.and_then(|x| x.in_force), Some(12), "table 二 read\n{text}");
        }
    }
}

/// One glue form for every heading at once.
#[test]
fn one_glue_form_throughout() {
    for g in GLUES {
        let (text, want) = build(|_| g, "存在的主要问题及改进情况");
        let r = report(&text);
        let got: Vec<Want> = r.sections.iter().map(|x| got(&text, x)).collect();
        assert_eq!(got, want, "{g:?}\n{text}");
    }
}

/// One line per section: depth, number, marker + title, kind, table region, first paragraph.
fn tree(r: &AnnualReport) -> Vec<String> {
    fn walk(s: &Section, depth: usize, out: &mut Vec<String>) {
        let kind = s.kind.map(|k| format!(" {k:?}")).unwrap_or_default();
        let table = if s.tables.is_empty() { "" } else { " +table" };
        let para = s.paragraphs.first().map(|p| format!(" | {}", p.text)).unwrap_or_default();
        out.push(format!(
            "{}{} {}{}{kind}{table}{para}",
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

/// extra-samples 102's shape: a fee table under a title of its own (`五、信息处理费收取情况`,
/// not a template title) glued to its cells, table 四 glued to its heading with its fifteen
/// numbers in one run, and 六 the problems section.
#[test]
fn non_template_title_glued_to_a_table() {
    let text = format!(
        "某片区管理局2025年政府信息公开工作年度报告\n\
         一、总体情况\n（一）主动公开情况我局严格按照规定，累计主动公开政府信息20条。\n\
         （二）依申请公开情况我局坚持规范办理。\n\
         二、主动公开政府信息情况第二十条第（一）项 信息内容 本年制发件数 本年废止件数 现行有效件数\n\
         规章 0 0 0\n行政规范性文件 0 0 1\n\
         三、收到和处理政府信息公开申请情况（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\n\
         {TABLE_3}\
         四、政府信息公开行政复议、行政诉讼情况 行政复议 行政诉讼 结果维持 结果纠正 其他结果 尚未审结 总计 \
         未经复议直接起诉 复议后起诉 结果维持 结果纠正 其他结果 尚未审结 总计 结果维持 结果纠正 其他结果 \
         尚未审结 总计 000000000000000\n\
         五、信息处理费收取情况通知收取件数通知收取金额（元）实际收取金额（元）000\n\
         六、存在的主要问题及改进措施2025年，我局政府信息公开工作取得阶段性成效，但仍存在短板。\n"
    );
    let r = report(&text);
    assert_eq!(
        tree(&r),
        [
            "1 一、总体情况 Overview",
            "  1 （一）主动公开情况 | 我局严格按照规定，累计主动公开政府信息20条。",
            "  2 （二）依申请公开情况 | 我局坚持规范办理。",
            "2 二、主动公开政府信息情况 ActiveDisclosure +table",
            "3 三、收到和处理政府信息公开申请情况 Applications +table",
            "4 四、政府信息公开行政复议、行政诉讼情况 ReviewsAndLawsuits +table",
            "5 五、信息处理费收取情况 Other | 通知收取件数通知收取金额（元）实际收取金额（元）000",
            "6 六、存在的主要问题及改进措施 ProblemsAndImprovements | 2025年，我局政府信息公开工作取得阶段性成效，但仍存在短板。",
        ]
    );
    // The glued table text starts each table region: 二 at `第二十条`, 三 at its 勾稽 note, 四
    // at its header words.
    let starts: Vec<String> = r.sections[1..4]
        .iter()
        .map(|s| s.tables[0].span.slice(&text).chars().take(5).collect())
        .collect();
    assert_eq!(starts, ["第二十条第", "（本列数据", "行政复议 "]);
    assert!(r.diagnostics.iter().all(|d| d.code != gov_info_disclosure::Code::HeadingOutOfOrder));
}

/// The tables under headings of their own that restart the numbering after 六 (issue 10, item
/// 6): the document's numbers are kept, the kinds come from the titles, and each table is read.
#[test]
fn tables_under_headings_that_restart_the_numbering() {
    let text = format!(
        "某县某局2023年政府信息公开工作年度报告\n\
         一、总体情况2023年，我局认真落实条例。\n\
         二、信息公开平台建设情况 我局持续完善门户网站。\n\
         三、政策解读情况本年度发布政策解读3篇。\n\
         四、存在的主要问题及改进措施一是公开内容不够丰富。\n\
         五、其他需要报告的事项暂无。\n\
         六、附表 以下为本年度政府信息公开情况统计表。\n\
         一、主动公开政府信息情况\n{TABLE_2}\
         二、收到和处理政府信息公开申请情况\n{TABLE_3}\
         三、政府信息公开行政复议、行政诉讼情况\n{TABLE_4}"
    );
    let r = report(&text);
    assert_eq!(
        tree(&r),
        [
            "1 一、总体情况 Overview | 2023年，我局认真落实条例。",
            "2 二、信息公开平台建设情况 Other | 我局持续完善门户网站。",
            "3 三、政策解读情况 Other | 本年度发布政策解读3篇。",
            "4 四、存在的主要问题及改进措施 ProblemsAndImprovements | 一是公开内容不够丰富。",
            "5 五、其他需要报告的事项 OtherMatters | 暂无。",
            "6 六、附表 Other | 以下为本年度政府信息公开情况统计表。",
            "1 一、主动公开政府信息情况 ActiveDisclosure +table",
            "2 二、收到和处理政府信息公开申请情况 Applications +table",
            "3 三、政府信息公开行政复议、行政诉讼情况 ReviewsAndLawsuits +table",
        ]
    );
    assert!(r.active_disclosure.is_some() && r.applications.is_some());
    assert!(r.reviews_and_lawsuits.is_some());
}

/// A report whose section heading 一 is missing: it starts at `（一）`. Those sections stay in
/// the tree with their own numbers, at level 1 beside `二、…`, and are part of the overview
/// (section 一's sub-titles), not a second table 二 section.
#[test]
fn missing_first_section_heading() {
    let text = format!(
        "某镇人民政府2024年政府信息公开工作年度报告\n\
         （一）主动公开截至2024年底，我镇主动公开政府信息120条。\n\
         （二）依申请公开本年度收到申请2件。\n\
         （三）监督保障情况 我镇将信息公开纳入考核。\n\
         二、主动公开政府信息情况\n{TABLE_2}\
         三、收到和处理政府信息公开申请情况\n{TABLE_3}\
         四、政府信息公开行政复议、行政诉讼情况\n{TABLE_4}\
         五、存在的主要问题及改进情况2025年，我镇将进一步加强公开。\n\
         六、其他需要报告的事项2024年，无收取信息处理费情况。\n"
    );
    let r = report(&text);
    assert_eq!(
        tree(&r),
        [
            "1 （一）主动公开 Overview | 截至2024年底，我镇主动公开政府信息120条。",
            "2 （二）依申请公开 Overview | 本年度收到申请2件。",
            "3 （三）监督保障情况 Overview | 我镇将信息公开纳入考核。",
            "2 二、主动公开政府信息情况 ActiveDisclosure +table",
            "3 三、收到和处理政府信息公开申请情况 Applications +table",
            "4 四、政府信息公开行政复议、行政诉讼情况 ReviewsAndLawsuits +table",
            "5 五、存在的主要问题及改进情况 ProblemsAndImprovements | 2025年，我镇将进一步加强公开。",
            "6 六、其他需要报告的事项 OtherMatters | 2024年，无收取信息处理费情况。",
        ]
    );
    assert!(r.active_disclosure.is_some());
    assert!(r.diagnostics.iter().all(|d| d.code != gov_info_disclosure::Code::TableMissing));
}

/// Lines that start like a heading but are none: `一是…`, a date, list items, the
/// `第二十条第（一）项` anchor, a paragraph that starts with a sub-title stem and runs on
/// (never taken whole as a title), and table rows glued to their digits.
#[test]
fn not_headings_at_line_starts() {
    let text = format!(
        "某县某局2023年政府信息公开工作年度报告\n\
         一、总体情况\n\
         一是加强组织领导，明确工作职责。\n\
         2023年1月，我局召开专题会议部署工作。\n\
         1.完善制度建设情况通报机制，定期通报各单位信息公开工作的进展情况和存在问题，督促整改落实到位。\n\
         （一）主动公开政府信息的数量各单位对政府信息进行了梳理和编目，全年制作政府信息1853条，\
         其中主动公开1853条，占比百分之百。\n\
         二、主动公开政府信息情况\n{TABLE_2}\
         三、收到和处理政府信息公开申请情况\n{TABLE_3}\
         四、政府信息公开行政复议、行政诉讼情况\n{TABLE_4}\
         五、存在的主要问题及改进情况\n无。\n六、其他需要报告的事项\n无。\n"
    );
    let r = report(&text);
    assert_eq!(
        tree(&r),
        [
            "1 一、总体情况 Overview | 一是加强组织领导，明确工作职责。",
            "2 二、主动公开政府信息情况 ActiveDisclosure +table",
            "3 三、收到和处理政府信息公开申请情况 Applications +table",
            "4 四、政府信息公开行政复议、行政诉讼情况 ReviewsAndLawsuits +table",
            "5 五、存在的主要问题及改进情况 ProblemsAndImprovements | 无。",
            "6 六、其他需要报告的事项 OtherMatters | 无。",
        ]
    );
    let overview: Vec<&str> = r.sections[0].paragraphs.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(overview.len(), 4, "{overview:?}");
    assert!(overview[3].starts_with("（一）主动公开政府信息的数量"));
}

proptest::proptest! {
    /// Any mix of glue forms over the headings gives the same tree as the generator says.
    #[test]
    fn any_mix_of_glue_forms(forms in proptest::collection::vec(0..GLUES.len(), 14)) {
        let (text, want) = build(|k| GLUES[forms[k % forms.len()]], "存在的主要问题及改进情况");
        let r = report(&text);
        let got: Vec<Want> = r.sections.iter().map(|x| got(&text, x)).collect();
        proptest::prop_assert_eq!(got, want, "{}", text);
    }
}

/// Sections 二–四 that only say `详见附表`, and the tables under an appendix whose headings
/// restart the numbering: the tables are the report's, found by their content, and no
/// `table-missing` is said of the sections that point to them.
#[test]
fn tables_in_an_appendix_are_the_report_s() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/web/tables_in_appendix.txt"
    ))
    .unwrap();
    let r = report(&text);
    let normative = r.active_disclosure.as_ref().unwrap().normative_documents.as_ref().unwrap();
    assert_eq!((normative.issued, normative.in_force), (Some(2), Some(5)));
    let a = r.applications.as_ref().expect("table 三");
    assert_eq!(a.new_received.as_ref().unwrap().total, Some(8));
    assert_eq!(r.reviews_and_lawsuits.as_ref().unwrap().review.total, Some(0));
    assert!(r.diagnostics.iter().all(|d| d.code != Code::TableMissing), "{:#?}", r.diagnostics);
    // The appendix keeps its own numbering: its sections follow 六.
    let kinds: Vec<_> = r.sections.iter().map(|s| (s.number, s.kind)).collect();
    assert_eq!(kinds.len(), 9);
    assert_eq!(kinds[6], (1, Some(SectionKind::ActiveDisclosure)));
}
