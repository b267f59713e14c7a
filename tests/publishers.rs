//! Publishers: the same report in every form the web publishes it must parse to the same model.
//!
//! A report is written here by a writer of its own (the official labels typed from the format
//! template, not taken from the crate, so that a vocabulary error in the crate cannot cancel
//! out), with random varied numbers that keep every 勾稽 rule, in a line-broken original. Each
//! publisher turns that text into a form web pages and crawlers produce: every line joined into
//! one, lines joined with single spaces, a crawler's header and `正文` separator in front, site
//! chrome around it, the year moved to the front of the title. The property: each form gives
//! the model of the original — metadata, section numbers, titles and kinds, every table cell,
//! and the check results.
//!
//! Table cells here are separated by single spaces, as crawlers keep them. Cells run together
//! (`110000011`) are ambiguous in general; their property, with a brute-force enumerator that
//! decides which flattened tables are determined, is in tests/web_tables.rs.

use gov_info_disclosure::{parse, AnnualReport, Code, Section};
use proptest::prelude::*;
use serde_json::Value;

mod common;

/// Numbers of one table-三 report, consistent with the format's arithmetic.
#[derive(Debug, Clone)]
struct Numbers {
    /// Table 二: 规章 and 行政规范性文件 (制发, 废止, 现行有效), 许可, 处罚, 强制, 收费.
    active: [u64; 10],
    /// Table 三: per data row (see [`APP_ROWS`]), the six applicant columns.
    results: Vec<[u64; 6]>,
    /// Carried over from last year, per column.
    carried: [u64; 6],
    /// Carried forward to next year, per column.
    forward: [u64; 6],
    /// Table 四: three blocks of 维持, 纠正, 其他, 尚未审结.
    reviews: [[u64; 4]; 3],
}

/// The result rows of table 三 (2021 format, verbatim), with the group label printed before
/// the first row of its group.
const APP_ROWS: [(Option<&str>, &str); 22] = [
    (Some("三、本年度办理结果"), "（一）予以公开"),
    (None, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
    (Some("（三）不予公开"), "1.属于国家秘密"),
    (None, "2.其他法律行政法规禁止公开"),
    (None, "3.危及“三安全一稳定”"),
    (None, "4.保护第三方合法权益"),
    (None, "5.属于三类内部事务信息"),
    (None, "6.属于四类过程性信息"),
    (None, "7.属于行政执法案卷"),
    (None, "8.属于行政查询事项"),
    (Some("（四）无法提供"), "1.本机关不掌握相关政府信息"),
    (None, "2.没有现成信息需要另行制作"),
    (None, "3.补正后申请内容仍不明确"),
    (Some("（五）不予处理"), "1.信访举报投诉类申请"),
    (None, "2.重复申请"),
    (None, "3.要求提供公开出版物"),
    (None, "4.无正当理由大量反复申请"),
    (None, "5.要求行政机关确认或重新出具已获取信息"),
    (Some("（六）其他处理"), "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
    (None, "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
    (None, "3.其他"),
    (None, "（七）总计"),
];

fn numbers() -> impl Strategy<Value = Numbers> {
    // Small numbers mostly, some multi-digit: the forms must not depend on digit counts.
    let n = || prop_oneof![3 => 0u64..4, 2 => 4u64..40, 1 => 40u64..400];
    let row = move || [n(), n(), n(), n(), n(), n()];
    (
        proptest::array::uniform10(n()),
        proptest::collection::vec(row(), 21),
        row(),
        row(),
        [[n(), n(), n(), n()], [n(), n(), n(), n()], [n(), n(), n(), n()]],
    )
        .prop_map(|(active, results, carried, forward, reviews)| Numbers {
            active,
            results,
            carried,
            forward,
            reviews,
        })
}

fn row_text(cells: &[u64]) -> String {
    let total: u64 = cells.iter().sum();
    let mut out: Vec<String> = cells.iter().map(u64::to_string).collect();
    out.push(total.to_string());
    out.join(" ")
}

/// The line-broken original: one heading, paragraph or table row per line.
fn original(organ: &str, year: u16, n: &Numbers) -> String {
    let mut t = String::new();
    let mut line = |s: &str| {
        t.push_str(s);
        t.push('\n');
    };
    line(&format!("{organ}{year}年政府信息公开工作年度报告"));
    line(&format!(
        "本报告依据《中华人民共和国政府信息公开条例》编制。本报告中所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。"
    ));
    line("一、总体情况");
    line(&format!("{year}年，本机关认真贯彻落实《条例》，扎实推进政府信息公开工作。"));
    line("（一）主动公开");
    line("全年主动公开政府信息，及时更新公开目录。");
    line("（二）依申请公开");
    line("依法规范办理政府信息公开申请。");
    line("二、主动公开政府信息情况");
    line("第二十条第（一）项");
    line("信息内容 本年制发件数 本年废止件数 现行有效件数");
    line(&format!("规章 {} {} {}", n.active[0], n.active[1], n.active[2]));
    line(&format!("行政规范性文件 {} {} {}", n.active[3], n.active[4], n.active[5]));
    line("第二十条第（五）项");
    line("信息内容 本年处理决定数量");
    line(&format!("行政许可 {}", n.active[6]));
    line("第二十条第（六）项");
    line("信息内容 本年处理决定数量");
    line(&format!("行政处罚 {}", n.active[7]));
    line(&format!("行政强制 {}", n.active[8]));
    line("第二十条第（八）项");
    line("信息内容 本年收费金额（单位：万元）");
    line(&format!("行政事业性收费 {}", n.active[9]));
    line("三、收到和处理政府信息公开申请情况");
    line("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）");
    line("申请人情况 自然人 法人或其他组织 总计 商业企业 科研机构 社会公益组织 法律服务机构 其他");
    // 一 + 二 = （七） + 四, per column: 本年新收 = （七） + 四 − 二, kept non-negative by
    // taking （七） as the sum of the results and 新收 = （七） + 四 (二 added to （七）'s first row).
    let mut seventh = [0u64; 6];
    for r in &n.results {
        for (s, v) in seventh.iter_mut().zip(r) {
            *s += v;
        }
    }
    let mut results = n.results.clone();
    for c in 0..6 {
        results[0][c] += n.carried[c];
        seventh[c] += n.carried[c];
    }
    let new: Vec<u64> = (0..6).map(|c| seventh[c] + n.forward[c] - n.carried[c]).collect();
    line(&format!("一、本年新收政府信息公开申请数量 {}", row_text(&new)));
    line(&format!("二、上年结转政府信息公开申请数量 {}", row_text(&n.carried)));
    for (k, (group, label)) in APP_ROWS.iter().enumerate() {
        if let Some(g) = group {
            line(g);
        }
        let cells = if k == APP_ROWS.len() - 1 { &seventh } else { &results[k] };
        line(&format!("{label} {}", row_text(cells)));
    }
    line(&format!("四、结转下年度继续办理 {}", row_text(&n.forward)));
    line("四、政府信息公开行政复议、行政诉讼情况");
    line("行政复议 行政诉讼");
    line("结果维持 结果纠正 其他结果 尚未审结 总计 未经复议直接起诉 复议后起诉");
    line("结果维持 结果纠正 其他结果 尚未审结 总计 结果维持 结果纠正 其他结果 尚未审结 总计");
    let blocks: Vec<String> = n.reviews.iter().map(|b| row_text(b)).collect();
    line(&blocks.join(" "));
    line("五、存在的主要问题及改进情况");
    line("政府信息公开工作仍有不足，将进一步加强。");
    line("六、其他需要报告的事项");
    line("本年度未收取信息处理费。");
    line(organ);
    line(&format!("{}年1月20日", year + 1));
    t
}

/// Every line joined into one, nothing between (a crawler that drops block breaks).
fn one_line(text: &str) -> String {
    text.lines().collect::<Vec<_>>().join("")
}

/// Lines joined with single spaces (innerText of inline elements, some crawlers).
fn spaced(text: &str) -> String {
    text.lines().collect::<Vec<_>>().join(" ")
}

/// A crawler's header and separator, then the body on one line.
fn crawled(text: &str, organ: &str, year: u16) -> String {
    let title = text.lines().next().unwrap_or_default();
    format!(
        "标题: {title}\n发布时间: {}-01-20 09:30\n文号: \n发布机构: {organ}\n栏目: 政府信息公开年报\n\
         原文链接: https://www.example.gov.cn/zfxxgk/nb/{year}.htm\n==================== 正文 ====================\n{}\n",
        year + 1,
        spaced(text)
    )
}

/// Site chrome around the report: breadcrumbs and font-size buttons above, print and close
/// buttons and an attachment link below.
fn in_chrome(text: &str) -> String {
    format!(
        "首页 > 政务公开 > 政府信息公开年报\n字号：大 中 小\n{text}打印本页 关闭窗口\n附件下载\n"
    )
}

/// The title with its year first: `2023年某县…年度报告`.
fn year_first(text: &str, organ: &str, year: u16) -> String {
    text.replacen(&format!("{organ}{year}年"), &format!("{year}年{organ}"), 1)
}

/// What must be equal across the forms: metadata, the section tree, the tables without
/// spans, and the check results.
fn model(r: &AnnualReport) -> Value {
    fn tree(s: &Section) -> Value {
        let subs: Vec<Value> = s.subsections.iter().map(tree).collect();
        serde_json::json!([s.number, s.title, s.kind, subs])
    }
    let checks = common::diagnostics_of(r, &common::CHECKS);
    let tables = common::tables(r);
    serde_json::json!({
        "title": r.title,
        "organ": r.organ,
        "year": r.year,
        "edition": r.edition,
        "sections": r.sections.iter().map(tree).collect::<Vec<_>>(),
        "tables": tables,
        "checks": checks,
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn every_published_form_gives_the_model_of_the_original(n in numbers(), year in 2021u16..2026) {
        let organ = "某县交通运输局";
        let text = original(organ, year, &n);
        let base = parse(&text).expect("the original parses");
        prop_assert!(base.applications.is_some() && base.reviews_and_lawsuits.is_some());
        let want = model(&base);
        let forms = [
            ("one line", one_line(&text)),
            ("spaced", spaced(&text)),
            ("crawled", crawled(&text, organ, year)),
            ("in chrome", in_chrome(&text)),
            ("year first", year_first(&text, organ, year)),
        ];
        for (name, form) in forms {
            let got = parse(&form).map_err(|e| TestCaseError::fail(format!("{name}: {e}")))?;
            let mut got_model = model(&got);
            if name == "year first" {
                // The title is printed as the page prints it; organ and year must not change.
                prop_assert_eq!(&got.title, &format!("{year}年{organ}政府信息公开工作年度报告"));
                got_model["title"] = want["title"].clone();
            }
            prop_assert!(got_model == want, "form `{}`: {}\n{}", name, common::differences(&got_model, &want), form);
            prop_assert_eq!(got.check_coverage(), Ok(()));
        }
    }
}

#[test]
fn the_original_reads_every_cell() {
    let n = Numbers {
        active: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
        results: vec![[1, 0, 0, 0, 0, 2]; 21],
        carried: [3, 0, 1, 0, 0, 0],
        forward: [2, 1, 0, 0, 0, 0],
        reviews: [[1, 2, 0, 1], [0, 0, 1, 0], [2, 0, 0, 0]],
    };
    let r = parse(&original("某县交通运输局", 2023, &n)).unwrap();
    let a = r.applications.as_ref().unwrap();
    assert_eq!(a.carried_over.as_ref().unwrap().total, Some(4));
    let t4 = r.reviews_and_lawsuits.as_ref().unwrap();
    assert_eq!(t4.review.total, Some(4));
    assert!(
        r.diagnostics.iter().all(|d| d.severity != gov_info_disclosure::Severity::Error),
        "{:#?}",
        r.diagnostics
    );
}

/// A table's cells as they web-flatten: tabs and runs of spaces become one space.
fn flattened(text: &str) -> String {
    text.lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The cells of a model's tables as (path, value) pairs, for the cell-by-cell comparison.
fn cells(v: &Value, path: String, out: &mut Vec<(String, Value)>) {
    match v {
        Value::Object(m) => m.iter().for_each(|(k, x)| cells(x, format!("{path}.{k}"), out)),
        Value::Array(a) => {
            a.iter().enumerate().for_each(|(i, x)| cells(x, format!("{path}[{i}]"), out))
        }
        _ => out.push((path, v.clone())),
    }
}

/// Every sample of tests/data in every web form: the same metadata and section tree, and every
/// table cell equal, or blank with an `ambiguous-digits` diagnostic where flattening left digit
/// runs the text does not determine (blank cells of the original are lost when its separators
/// become single spaces).
#[test]
fn every_sample_in_every_published_form() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data");
    let mut paths: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    paths.retain(|p| p.extension().is_some_and(|e| e == "txt"));
    paths.sort();
    assert_eq!(paths.len(), 5);
    for path in paths {
        let text = std::fs::read_to_string(&path).unwrap();
        let base = parse(&text).unwrap();
        let want = model(&base);
        let organ = base.organ.clone().unwrap_or_default();
        let year = base.year.unwrap_or(2023);
        let flat = flattened(&text);
        let forms = [
            ("spaced", spaced(&flat)),
            ("one line", one_line(&flat)),
            ("crawled", crawled(&flat, &organ, year)),
            ("in chrome", in_chrome(&text)),
        ];
        for (name, form) in forms {
            let r = parse(&form).unwrap_or_else(|e| panic!("{}: {name}: {e}", path.display()));
            let got = model(&r);
            let what = format!("{} as `{name}`", path.display());
            for key in ["title", "organ", "year", "edition"] {
                assert_eq!(got[key], want[key], "{what}: {key}");
            }
            // Joined with nothing between, a heading in the author's own words runs into its
            // paragraph (`（一）强化领导，落实责任为加强…`, `六、今后的主要工作虽然全镇…`) and
            // no reader can tell where its title ends: that form is held to the level-1
            // sections' numbers and kinds.
            let level1 = |v: &Value| -> Vec<Value> {
                v.as_array().unwrap().iter().map(|s| serde_json::json!([s[0], s[2]])).collect()
            };
            if name == "one line" {
                assert_eq!(level1(&got["sections"]), level1(&want["sections"]), "{what}: sections");
            } else {
                let diff = common::differences(&got["sections"], &want["sections"]);
                assert!(diff.is_empty(), "{what}: sections: {diff}");
            }
            let ambiguous = r.diagnostics.iter().any(|d| d.code == Code::AmbiguousDigits);
            let (mut a, mut b) = (Vec::new(), Vec::new());
            cells(&got["tables"], String::new(), &mut a);
            cells(&want["tables"], String::new(), &mut b);
            let a: std::collections::BTreeMap<_, _> = a.into_iter().collect();
            for (path, y) in &b {
                // A row read blank as a whole is one null where the original has its cells.
                let x = a.get(path).unwrap_or(&Value::Null);
                assert!(x == y || (x.is_null() && ambiguous), "{what}: cell {path}: {x} != {y}");
            }
        }
    }
}

/// The size limit's worth of a web page on one line (16 MiB, the samples joined over and
/// over): it parses, and every byte lies in some node.
#[test]
fn a_one_line_page_of_the_size_limit_parses() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data");
    let mut samples: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| {
            std::fs::read_to_string(p).unwrap().split_whitespace().collect::<Vec<_>>().join(" ")
        })
        .collect();
    samples.sort();
    let unit = samples.join(" ");
    let limit = gov_info_disclosure::ParseOptions::default().max_input_len;
    let text = unit.repeat(limit / unit.len());
    assert!(text.len() <= limit && text.len() + unit.len() > limit && !text.contains('\n'));
    let report = parse(&text).expect("a report");
    assert_eq!(report.check_coverage(), Ok(()));
    assert!(report.applications.is_some());
}
