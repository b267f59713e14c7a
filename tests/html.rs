//! HTML pages in: `parse_html`, `parse_html_bytes`, and `parse_bytes` routing pages to them.
//!
//! 1. Publishers: a report written twice from the same numbers — as text (one heading,
//!    paragraph or table row per line, cells separated by spaces, as crawlers keep them) and
//!    as an HTML page (paragraphs as `<p>`, the three tables as `<table>`s in the official
//!    layout with its merged cells as rowspan/colspan) — parses to the same model, from UTF-8
//!    and from GBK bytes with `<meta charset=gbk>`.
//! 2. Hand-made pages for what real pages do: layout tables, `<br>` in header cells,
//!    entities, a table split at a page break, blank cells, malformed markup.
//! 3. Adversarial pages complete: deep nesting, a very wide row, a huge rowspan.
//! 4. Spans index the HTML: each paragraph's and cell's span holds its text, and coverage holds.

#![cfg(feature = "html")]

use gov_info_disclosure::{
    parse, parse_bytes, parse_html, parse_html_bytes, AnnualReport, Code, Section, Span,
    TextEncoding,
};
use proptest::prelude::*;
use serde_json::Value;

mod common;

// ---------------------------------------------------------------------------------------------
// The report, written as text and as a page
// ---------------------------------------------------------------------------------------------

/// Numbers of one 2021-format report.
#[derive(Debug, Clone)]
struct Numbers {
    /// Table 二: 规章 and 行政规范性文件 (制发, 废止, 现行有效), 许可, 处罚, 强制, 收费.
    active: [u64; 10],
    /// Table 三: the 22 result rows (（七）总计 last), six applicant columns each.
    results: Vec<[u64; 6]>,
    new: [u64; 6],
    carried: [u64; 6],
    forward: [u64; 6],
    /// Table 四: three blocks of 维持, 纠正, 其他, 尚未审结.
    reviews: [[u64; 4]; 3],
}

/// The result rows of table 三 (2021 format, verbatim) with the group each row belongs to.
const APP_ROWS: [(Option<&str>, &str); 22] = [
    (None, "（一）予以公开"),
    (None, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
    (Some("（三）不予公开"), "1.属于国家秘密"),
    (Some("（三）不予公开"), "2.其他法律行政法规禁止公开"),
    (Some("（三）不予公开"), "3.危及“三安全一稳定”"),
    (Some("（三）不予公开"), "4.保护第三方合法权益"),
    (Some("（三）不予公开"), "5.属于三类内部事务信息"),
    (Some("（三）不予公开"), "6.属于四类过程性信息"),
    (Some("（三）不予公开"), "7.属于行政执法案卷"),
    (Some("（三）不予公开"), "8.属于行政查询事项"),
    (Some("（四）无法提供"), "1.本机关不掌握相关政府信息"),
    (Some("（四）无法提供"), "2.没有现成信息需要另行制作"),
    (Some("（四）无法提供"), "3.补正后申请内容仍不明确"),
    (Some("（五）不予处理"), "1.信访举报投诉类申请"),
    (Some("（五）不予处理"), "2.重复申请"),
    (Some("（五）不予处理"), "3.要求提供公开出版物"),
    (Some("（五）不予处理"), "4.无正当理由大量反复申请"),
    (Some("（五）不予处理"), "5.要求行政机关确认或重新出具已获取信息"),
    (Some("（六）其他处理"), "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
    (
        Some("（六）其他处理"),
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    ),
    (Some("（六）其他处理"), "3.其他"),
    (None, "（七）总计"),
];

fn numbers() -> impl Strategy<Value = Numbers> {
    let n = || prop_oneof![3 => 0u64..4, 2 => 4u64..40, 1 => 40u64..400];
    let row = move || [n(), n(), n(), n(), n(), n()];
    (
        proptest::array::uniform10(n()),
        proptest::collection::vec(row(), 21),
        row(),
        row(),
        [[n(), n(), n(), n()], [n(), n(), n(), n()], [n(), n(), n(), n()]],
    )
        .prop_map(|(active, mut results, carried, forward, reviews)| {
            // Keep the 勾稽 rules: （七） is the sum of the results, 一 + 二 = （七） + 四.
            for c in 0..6 {
                results[0][c] += carried[c];
            }
            let seventh: [u64; 6] =
                std::array::from_fn(|c| results.iter().map(|r| r[c]).sum::<u64>());
            results.push(seventh);
            let new = std::array::from_fn(|c| seventh[c] + forward[c] - carried[c]);
            Numbers { active, results, new, carried, forward, reviews }
        })
}

fn with_total(cells: &[u64]) -> Vec<String> {
    let mut out: Vec<String> = cells.iter().map(u64::to_string).collect();
    out.push(cells.iter().sum::<u64>().to_string());
    out
}

/// A piece of the report: a line of text, or a table as rows of cells (text, colspan,
/// rowspan); a rowspan cell's text stands on its own line in the text form, above its rows.
enum Block {
    Line(String),
    Table(Vec<Vec<(String, usize, usize)>>),
}

fn c(text: impl Into<String>) -> (String, usize, usize) {
    (text.into(), 1, 1)
}

fn report(organ: &str, year: u16, n: &Numbers) -> Vec<Block> {
    let mut b = Vec::new();
    let line = |b: &mut Vec<Block>, s: String| b.push(Block::Line(s));
    line(&mut b, format!("{organ}{year}年政府信息公开工作年度报告"));
    line(&mut b, format!("本报告依据《中华人民共和国政府信息公开条例》编制。本报告中所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。"));
    line(&mut b, "一、总体情况".into());
    line(&mut b, format!("{year}年，本机关认真贯彻落实《条例》，扎实推进政府信息公开工作。"));
    line(&mut b, "（一）主动公开".into());
    line(&mut b, "全年主动公开政府信息，及时更新公开目录。".into());
    line(&mut b, "（二）依申请公开".into());
    line(&mut b, "依法规范办理政府信息公开申请。".into());
    line(&mut b, "二、主动公开政府信息情况".into());
    let a = n.active;
    let head = |s: &str| (s.to_string(), 4, 1);
    b.push(Block::Table(vec![
        vec![head("第二十条第（一）项")],
        vec![c("信息内容"), c("本年制发件数"), c("本年废止件数"), c("现行有效件数")],
        vec![c("规章"), c(a[0].to_string()), c(a[1].to_string()), c(a[2].to_string())],
        vec![c("行政规范性文件"), c(a[3].to_string()), c(a[4].to_string()), c(a[5].to_string())],
        vec![head("第二十条第（五）项")],
        vec![c("信息内容"), ("本年处理决定数量".into(), 3, 1)],
        vec![c("行政许可"), (a[6].to_string(), 3, 1)],
        vec![head("第二十条第（六）项")],
        vec![c("信息内容"), ("本年处理决定数量".into(), 3, 1)],
        vec![c("行政处罚"), (a[7].to_string(), 3, 1)],
        vec![c("行政强制"), (a[8].to_string(), 3, 1)],
        vec![head("第二十条第（八）项")],
        vec![c("信息内容"), ("本年收费金额（单位：万元）".into(), 3, 1)],
        vec![c("行政事业性收费"), (a[9].to_string(), 3, 1)],
    ]));
    line(&mut b, "三、收到和处理政府信息公开申请情况".into());
    let mut rows = vec![
        vec![("信息内容".into(), 3, 3), ("申请人情况".into(), 7, 1)],
        vec![("自然人".into(), 1, 2), ("法人或其他组织".into(), 5, 1), ("总计".into(), 1, 2)],
        ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"].map(c).to_vec(),
    ];
    let values = |cells: &[u64]| with_total(cells).into_iter().map(c).collect::<Vec<_>>();
    let mut first = vec![("一、本年新收政府信息公开申请数量".into(), 3, 1)];
    first.extend(values(&n.new));
    rows.push(first);
    let mut second = vec![("二、上年结转政府信息公开申请数量".into(), 3, 1)];
    second.extend(values(&n.carried));
    rows.push(second);
    let mut k = 0;
    while k < APP_ROWS.len() {
        let mut row = Vec::new();
        if k == 0 {
            row.push(("三、本年度办理结果".to_string(), 1, APP_ROWS.len()));
        }
        let (group, label) = APP_ROWS[k];
        match group {
            Some(g) => {
                let size = APP_ROWS.iter().filter(|(x, _)| *x == Some(g)).count();
                if APP_ROWS[..k].iter().all(|(x, _)| *x != Some(g)) {
                    row.push((g.to_string(), 1, size));
                }
                row.push(c(label));
            }
            None => row.push((label.to_string(), 2, 1)),
        }
        row.extend(values(&n.results[k]));
        rows.push(row);
        k += 1;
    }
    let mut last = vec![("四、结转下年度继续办理".into(), 3, 1)];
    last.extend(values(&n.forward));
    rows.push(last);
    b.push(Block::Table(rows));
    line(&mut b, "四、政府信息公开行政复议、行政诉讼情况".into());
    let words = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];
    let mut second: Vec<(String, usize, usize)> =
        words.iter().map(|w| (w.to_string(), 1, 2)).collect();
    second.push(("未经复议直接起诉".into(), 5, 1));
    second.push(("复议后起诉".into(), 5, 1));
    let mut third: Vec<_> = words.map(c).to_vec();
    third.extend(words.map(c));
    let values: Vec<_> = n.reviews.iter().flat_map(|r| with_total(r)).map(c).collect();
    b.push(Block::Table(vec![
        vec![("行政复议".into(), 5, 1), ("行政诉讼".into(), 10, 1)],
        second,
        third,
        values,
    ]));
    line(&mut b, "五、存在的主要问题及改进情况".into());
    line(&mut b, "政府信息公开工作仍有不足，将进一步加强。".into());
    line(&mut b, "六、其他需要报告的事项".into());
    line(&mut b, "本年度未收取信息处理费。".into());
    line(&mut b, organ.into());
    line(&mut b, format!("{}年1月20日", year + 1));
    b
}

/// The text form: a line per paragraph and per table row, cells separated by spaces; a cell
/// spanning rows (a group label) on its own line above the row it starts.
fn as_text(blocks: &[Block]) -> String {
    let mut t = String::new();
    for b in blocks {
        match b {
            Block::Line(s) => {
                t.push_str(s);
                t.push('\n');
            }
            Block::Table(rows) => {
                for (r, row) in rows.iter().enumerate() {
                    let mut cells: Vec<&str> = Vec::new();
                    for (text, _, rowspan) in row {
                        // Group labels (rows of labelled data below) go above; header cells
                        // spanning header rows stay in their row.
                        if *rowspan > 1 && r > 2 {
                            t.push_str(text);
                            t.push('\n');
                        } else {
                            cells.push(text);
                        }
                    }
                    t.push_str(&cells.join(" "));
                    t.push('\n');
                }
            }
        }
    }
    t
}

/// The page: a `<head>` with `<title>` and (optionally) a charset, site chrome around a
/// content `<div>`, `<p>` per line, the tables as `<table>`s with merged cells.
fn as_html(blocks: &[Block], charset: &str) -> String {
    let mut h = String::from("<!DOCTYPE html>\n<html>\n<head>\n");
    if !charset.is_empty() {
        h.push_str(&format!("<meta charset=\"{charset}\">\n"));
    }
    h.push_str("<title>政府信息公开年报</title>\n<style>p { margin: 0 }</style>\n");
    h.push_str("<script>var nav = '<p>一、不是标题</p>';</script>\n</head>\n<body>\n");
    h.push_str("<div class=\"nav\"><a href=\"/\">首页</a> &gt; <a>政务公开</a></div>\n");
    h.push_str("<div class=\"content\">\n");
    for b in blocks {
        match b {
            Block::Line(s) => h.push_str(&format!("<p style=\"text-indent:2em\">{s}</p>\n")),
            Block::Table(rows) => {
                h.push_str("<table border=\"1\" cellspacing=\"0\">\n<tbody>\n");
                for row in rows {
                    h.push_str("<tr>");
                    for (text, colspan, rowspan) in row {
                        h.push_str("<td");
                        if *colspan > 1 {
                            h.push_str(&format!(" colspan=\"{colspan}\""));
                        }
                        if *rowspan > 1 {
                            h.push_str(&format!(" rowspan=\"{rowspan}\""));
                        }
                        h.push_str(&format!(
                            " style=\"width:60px\"><p><span>{text}</span></p></td>"
                        ));
                    }
                    h.push_str("</tr>\n");
                }
                h.push_str("</tbody>\n</table>\n");
            }
        }
    }
    h.push_str(
        "</div>\n<!-- 页脚 -->\n<div class=\"footer\">版权所有 某某网站</div>\n</body>\n</html>\n",
    );
    h
}

/// What must be equal across the forms: metadata, the section tree with paragraphs, the
/// tables without spans, and the check results.
fn model(r: &AnnualReport) -> Value {
    fn tree(s: &Section) -> Value {
        let subs: Vec<Value> = s.subsections.iter().map(tree).collect();
        let paras: Vec<&str> = s.paragraphs.iter().map(|p| p.text.as_str()).collect();
        serde_json::json!([s.number, s.title, s.kind, paras, s.tables.len(), subs])
    }
    let codes = [common::CHECKS.as_slice(), &[Code::TableMissing, Code::AmbiguousDigits]].concat();
    let checks = common::diagnostics_of(r, &codes);
    let tables = common::tables(r);
    let signature = r.signature.as_ref().map(|s| (s.organ.clone(), s.date));
    serde_json::json!({
        "title": r.title,
        "organ": r.organ,
        "year": r.year,
        "edition": r.edition,
        "signature": signature,
        "preamble": r.preamble.paragraphs.iter().map(|p| p.text.as_str()).collect::<Vec<_>>(),
        "sections": r.sections.iter().map(tree).collect::<Vec<_>>(),
        "tables": tables,
        "checks": checks,
    })
}

/// Every paragraph's and table cell's span, with the text it must hold.
fn spans_hold_their_text(r: &AnnualReport, html: &str) -> Result<(), String> {
    // Letters and digits: punctuation and spaces may come from entities (`&lt;`, `&nbsp;`).
    fn norm(s: &str) -> String {
        s.chars().filter(|c| c.is_alphanumeric()).collect()
    }
    // A span's slice holds the text's letters and digits in order (tags may come between).
    fn holds(slice: &str, text: &str) -> bool {
        let mut it = slice.chars();
        norm(text).chars().all(|c| it.any(|d| d == c))
    }
    fn walk(s: &Section, html: &str) -> Result<(), String> {
        for p in &s.paragraphs {
            if !holds(p.span.slice(html), &p.text) {
                return Err(format!(
                    "paragraph {:?} at {:?}: {:?}",
                    p.text,
                    p.span,
                    p.span.slice(html)
                ));
            }
        }
        s.subsections.iter().try_for_each(|x| walk(x, html))
    }
    r.sections.iter().try_for_each(|s| walk(s, html))?;
    let mut cells: Vec<(Span, String)> = Vec::new();
    if let Some(a) = &r.applications {
        for (_, row) in a.rows() {
            if let Some(row) = row {
                for (v, s) in row.values().iter().zip(row.cells) {
                    if let (Some(v), Some(s)) = (v, s) {
                        cells.push((s, v.to_string()));
                    }
                }
            }
        }
    }
    if let Some(t) = &r.reviews_and_lawsuits {
        for block in [&t.review, &t.lawsuit_direct, &t.lawsuit_after_review] {
            for (v, s) in block.values().iter().zip(block.cells) {
                if let (Some(v), Some(s)) = (v, s) {
                    cells.push((s, v.to_string()));
                }
            }
        }
    }
    if let Some(a) = &r.active_disclosure {
        let mut spans: Vec<Span> = Vec::new();
        for row in [&a.regulations, &a.normative_documents].into_iter().flatten() {
            spans.extend(&row.cells);
        }
        for row in
            [&a.licensing, &a.other_services, &a.punishment, &a.coercion].into_iter().flatten()
        {
            spans.extend(&row.cells);
        }
        spans.extend(a.administrative_fees.iter().flat_map(|x| x.cells.clone()));
        spans.extend(a.procurement.iter().flat_map(|x| x.cells.clone()));
        for span in spans {
            // A value cell: digits (an amount may carry its unit), or blank.
            let t = span.slice(html).trim();
            if !(t.is_empty() || t == "-" || t.starts_with(|c: char| c.is_ascii_digit())) {
                return Err(format!("table 二 cell at {span:?}: {t:?}"));
            }
        }
    }
    for (span, value) in cells {
        // A cell's span is its `<td>`'s text: exactly the digits.
        if span.slice(html).trim() != value {
            return Err(format!("cell {value} at {span:?}: {:?}", span.slice(html)));
        }
    }
    r.check_coverage()
}

fn organ_and_year() -> impl Strategy<Value = (String, u16)> {
    (prop::sample::select(vec!["某县某镇人民政府", "某市教育局", "某区自然资源局"]), 2021u16..2026)
        .prop_map(|(o, y)| (o.to_string(), y))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    /// A page in UTF-8 and in GBK with `<meta charset=gbk>` gives the text's model.
    #[test]
    fn publishers_html_pages(n in numbers(), (organ, year) in organ_and_year()) {
        let blocks = report(&organ, year, &n);
        let text = as_text(&blocks);
        let want = parse(&text).map_err(|e| TestCaseError::fail(format!("text: {e}")))?;
        prop_assert!(want.applications.is_some() && want.reviews_and_lawsuits.is_some());
        let want = model(&want);

        let html = as_html(&blocks, "utf-8");
        let got = parse_html(&html).map_err(|e| TestCaseError::fail(format!("html: {e}")))?;
        let d = common::differences(&model(&got), &want);
        prop_assert!(d.is_empty(), "utf-8 page:\n{}", d);
        spans_hold_their_text(&got, &html).map_err(TestCaseError::fail)?;

        let page = as_html(&blocks, "gbk");
        let (gbk, _, unmappable) = encoding_rs::GBK.encode(&page);
        prop_assert!(!unmappable);
        for decoded in [parse_html_bytes(&gbk), parse_bytes(&gbk)] {
            let decoded = decoded.map_err(|e| TestCaseError::fail(format!("gbk: {e}")))?;
            prop_assert_eq!(decoded.encoding, TextEncoding::Gb18030);
            prop_assert_eq!(decoded.report.diagnostics[0].code, Code::Decoded);
            let d = common::differences(&model(&decoded.report), &want);
            prop_assert!(d.is_empty(), "gbk page:\n{}", d);
            spans_hold_their_text(&decoded.report, &decoded.text).map_err(TestCaseError::fail)?;
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Hand-made pages
// ---------------------------------------------------------------------------------------------

const TABLE_FOUR: &str = "<table>\
<tr><td colspan=5>行政复议</td><td colspan=10>行政诉讼</td></tr>\
<tr><td rowspan=2>结果<br/>维持</td><td rowspan=2>结果<br>纠正</td><td rowspan=2>其他<br>结果</td>\
<td rowspan=2>尚未<br>审结</td><td rowspan=2>总计</td><td colspan=5>未经复议直接起诉</td><td colspan=5>复议后起诉</td></tr>\
<tr><td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td>\
<td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td></tr>\
<tr><td>1</td><td>2</td><td>0</td><td>0</td><td>3</td><td>&nbsp;&emsp;&#12288;</td><td>-</td><td>0</td><td>0</td><td>0</td>\
<td>4</td><td>0</td><td>0</td><td>1</td><td>5</td></tr></table>";

fn page(body: &str) -> String {
    format!(
        "<html><head><meta charset=utf-8><title>某县2023年政府信息公开工作年度报告 - 某县政府网</title></head>\
         <body>{body}</body></html>"
    )
}

#[test]
fn layout_table_br_in_headers_and_blank_cells() {
    // The whole page in a layout table; table 四's header words broken by `<br>`; cells
    // blank as `&nbsp;` and as `-`.
    let body = format!(
        "<table width=100%><tr><td><table><tr><td>首页 &gt; 年报</td></tr></table>\
         <p>某县人民政府2023年政府信息公开工作年度报告</p><p>一、总体情况</p>\
         <p>2023年&nbsp;我县&#12288;扎实推进&lt;条例&gt;落实。</p>\
         <p>四、政府信息公开行政复议、行政诉讼情况</p>{TABLE_FOUR}\
         <p>五、存在的主要问题及改进情况</p><p>无。</p></td></tr></table>"
    );
    let html = page(&body);
    let r = parse_html(&html).unwrap();
    assert_eq!(r.title, "某县人民政府2023年政府信息公开工作年度报告");
    assert_eq!(r.year, Some(2023));
    let titles: Vec<&str> = r.sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(
        titles,
        ["总体情况", "政府信息公开行政复议、行政诉讼情况", "存在的主要问题及改进情况"]
    );
    let p = &r.sections[0].paragraphs[0];
    assert!(p.text.contains("<条例>"), "{:?}", p.text);
    assert!(!p.text.contains('&'), "{:?}", p.text);
    let t = r.reviews_and_lawsuits.as_ref().unwrap();
    assert_eq!(t.review.values(), [Some(1), Some(2), Some(0), Some(0), Some(3)]);
    assert_eq!(t.lawsuit_direct.values()[2..], [Some(0), Some(0), Some(0)]);
    assert_eq!(t.lawsuit_direct.values()[..2], [None, None]);
    assert_eq!(t.lawsuit_after_review.values(), [Some(4), Some(0), Some(0), Some(1), Some(5)]);
    spans_hold_their_text(&r, &html).unwrap();
    // A cell's span is its `<td>`'s content.
    let cell = t.review.cells[4].unwrap();
    assert_eq!(cell.slice(&html), "3");
    assert_eq!(&html[cell.start - 4..cell.start], "<td>");
}

#[test]
fn table_split_at_a_page_break_and_malformed_markup() {
    // Table 四 in two `<table>`s (header, then values after a page number), an unclosed
    // `<td>` and a stray `</tr>`.
    let (head, _) = TABLE_FOUR.split_once("<tr><td>1</td>").unwrap();
    let html = page(&format!(
        "<p>某县人民政府2023年政府信息公开工作年度报告</p>\
         <p>四、政府信息公开行政复议、行政诉讼情况</p>{head}</table><p>- 2 -</p>\
         <table></tr><tr><td>1<td>2</td><td>0</td><td>0</td><td>3</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td>\
         <td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr></table>\
         <p>五、存在的主要问题及改进情况</p><p>无。"
    ));
    let r = parse_html(&html).unwrap();
    let t = r.reviews_and_lawsuits.as_ref().unwrap();
    assert_eq!(t.review.values(), [Some(1), Some(2), Some(0), Some(0), Some(3)]);
    assert_eq!(t.lawsuit_after_review.values(), [Some(0); 5]);
    assert_eq!(r.sections.len(), 2);
    spans_hold_their_text(&r, &html).unwrap();
}

#[test]
fn chrome_scripts_and_head_are_dropped() {
    let html = "<!doctype html><html><head><title>ignored</title>\
        <meta name=\"ArticleTitle\" content=\"某局2022年政府信息公开工作年度报告\">\
        <meta name=\"PubDate\" content=\"2023-01-30 10:00\">\
        <script>document.write('<p>一、假标题</p>')</script><style>.a{}</style></head><body>\
        <nav><p>一、导航</p></nav><div class=\"breadcrumb\">首页 &gt; 年报</div><!-- 一、注释 -->\
        <div id=\"zoom\"><p>一、总体情况</p><p>本年度工作有序开展。</p>\
        <p>二、其他需要报告的事项</p><p>无。</p></div>\
        <div class=\"share-box\">分享到：微信</div><footer>版权所有</footer></body></html>";
    let r = parse_html(html).unwrap();
    assert_eq!(r.title, "某局2022年政府信息公开工作年度报告");
    assert_eq!(r.year, Some(2022));
    assert_eq!(r.published.map(|d| d.to_string()).as_deref(), Some("2023-01-30"));
    // The page's fields are front matter, each at its attribute value's bytes.
    let fields: Vec<(&str, &str)> =
        r.preamble.front_matter.iter().map(|f| (f.key.as_str(), f.span.slice(html))).collect();
    assert_eq!(
        fields,
        [
            ("网页标题", "ignored"),
            ("标题", "某局2022年政府信息公开工作年度报告"),
            ("发布时间", "2023-01-30 10:00")
        ]
    );
    let titles: Vec<&str> = r.sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(titles, ["总体情况", "其他需要报告的事项"]);
    spans_hold_their_text(&r, html).unwrap();
    // A diagnostic renders against the HTML.
    for d in r.diagnostics() {
        let shown = d.display(html).to_string();
        assert!(!shown.is_empty());
    }
}

#[test]
fn parse_bytes_routes_pages_and_keeps_text() {
    let html = page("<p>某县2023年政府信息公开工作年度报告</p><p>一、总体情况</p><p>无。</p>");
    let viaa_bytes = parse_bytes(html.as_bytes()).unwrap();
    assert_eq!(viaa_bytes.report.sections[0].title, "总体情况");
    assert_eq!(viaa_bytes.report, parse_html(&html).unwrap());
    // With a BOM and leading whitespace too.
    let bom = format!("\u{feff}\n  {html}");
    let d = parse_bytes(bom.as_bytes()).unwrap();
    assert_eq!(d.report.sections[0].title, "总体情况");
    // Text that mentions a tag is still text.
    let text = "某县2023年政府信息公开工作年度报告\n一、总体情况\n网页用<p>标签。\n";
    let d = parse_bytes(text.as_bytes()).unwrap();
    assert_eq!(d.report, parse(text).unwrap());
    // A GB2312 page declared by http-equiv.
    let page = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">\
        </head><body><p>某县2023年政府信息公开工作年度报告</p><p>一、总体情况</p><p>无。</p></body></html>";
    let (gb, _, _) = encoding_rs::GBK.encode(page);
    let d = parse_bytes(&gb).unwrap();
    assert_eq!(d.encoding, TextEncoding::Gb18030);
    assert_eq!(d.text, page);
    assert_eq!(d.report.year, Some(2023));
    // A page that declares GB2312 but is UTF-8 (a template copied between sites) is read as
    // the bytes are.
    let d = parse_html_bytes(page.as_bytes()).unwrap();
    assert_eq!((d.encoding, d.text.as_str()), (TextEncoding::Utf8, page));
    // A UTF-16 page (Notepad's "Unicode") is recognized once decoded.
    let le: Vec<u8> =
        [0xff, 0xfe].into_iter().chain(html.encode_utf16().flat_map(u16::to_le_bytes)).collect();
    let d = parse_bytes(&le).unwrap();
    assert_eq!((d.encoding, d.bom_len), (TextEncoding::Utf16Le, 2));
    assert_eq!(d.report.sections[0].title, "总体情况");
    assert_eq!(d.report.sections[0].span.end, d.text.len());
}

// ---------------------------------------------------------------------------------------------
// Adversarial pages
// ---------------------------------------------------------------------------------------------

#[test]
fn adversarial_pages_complete() {
    let report = "<p>某县2023年政府信息公开工作年度报告</p><p>一、总体情况</p><p>无。</p>";
    let deep = format!("{}{report}{}", "<div>".repeat(100_000), "</div>".repeat(100_000));
    let wide = format!(
        "{report}<table><tr>{}</tr><tr><td colspan=1000000000>1</td></tr></table>",
        "<td>1</td>".repeat(100_000)
    );
    let tall = format!(
        "{report}<table><tr><td rowspan=1000000000 colspan=1000000000>x</td></tr>{}</table>",
        "<tr><td>1</td></tr>".repeat(20_000)
    );
    // Every row starts a merged block reaching past the grid's column bound.
    let merged = format!(
        "{report}<table>{}</table>",
        "<tr><td>1</td><td>2</td><td rowspan=100 colspan=100>1</td></tr>".repeat(20_000)
    );
    // Empty rows under merged blocks (each blank a tab for 9 bytes of markup).
    let empty_rows = format!(
        "{report}<table>{}</table>",
        format!("<tr><td rowspan=100 colspan=100>1</td></tr>{}", "<tr></tr>".repeat(99))
            .repeat(200)
    );
    let stray = format!("{report}{}", "</td></tr></div>".repeat(50_000));
    let unclosed = format!("{report}{}", "<table><tr><td>".repeat(20_000));
    for html in [deep, wide, tall, merged, empty_rows, stray, unclosed] {
        let start = std::time::Instant::now();
        let r = parse_html(&html).unwrap();
        assert_eq!(r.sections[0].title, "总体情况");
        r.check_coverage().unwrap();
        assert!(start.elapsed().as_secs() < 60, "{} bytes took {:?}", html.len(), start.elapsed());
        // The projection stays linear in the input.
        let text = gov_info_disclosure::internals::html_projection(&html);
        assert!(
            text.len() <= 3 * html.len() + 4096,
            "{} bytes projected to {}",
            html.len(),
            text.len()
        );
    }
    assert!(parse_html("").is_err());
    assert!(parse_html("<html><script>x</script></html>").is_err());
}

// ---------------------------------------------------------------------------------------------
// Random tag soup (the fuzz target's checks, fuzz/fuzz_targets/html.rs, under `cargo test`)
// ---------------------------------------------------------------------------------------------

fn soup() -> impl Strategy<Value = String> {
    let piece = prop::sample::select(vec![
        "<p>",
        "</p>",
        "<div class=nav>",
        "<div>",
        "</div>",
        "<br>",
        "<table>",
        "</table>",
        "<tr>",
        "</tr>",
        "<td>",
        "</td>",
        "<td colspan=3>",
        "<td rowspan=999999999>",
        "<th colspan=0>",
        "<script>",
        "</script>",
        "<style>",
        "<!--",
        "-->",
        "<head>",
        "</head>",
        "<title>",
        "</title>",
        "<meta name=PubDate content=\"2023-01-02\">",
        "&nbsp;",
        "&#12288;",
        "&lt;",
        "&amp",
        "&#x1F600;",
        "一、总体情况",
        "（一）主动公开",
        "二、主动公开政府信息情况",
        "某县2023年政府信息公开工作年度报告",
        "行政许可",
        "12",
        "0",
        " ",
        "\n",
        "\r\n",
        "\u{0}",
        "<",
        ">",
        "\"",
        "'",
        "=",
        "é",
        "第二十条第（一）项",
        "信息内容",
        "规章",
    ]);
    proptest::collection::vec(piece, 0..80).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    /// Any tag soup parses or fails cleanly; a report's spans tile the HTML on char boundaries,
    /// its JSON serializes and its diagnostics render.
    #[test]
    fn tag_soup_keeps_the_guarantees(html in soup()) {
        if let Ok(report) = parse_html(&html) {
            gov_info_disclosure::internals::fuzzing::check_report(&html, &report);
        }
        let (gbk, _, _) = encoding_rs::GBK.encode(&html);
        if let Ok(decoded) = parse_html_bytes(&gbk) {
            gov_info_disclosure::internals::fuzzing::check_report(&decoded.text, &decoded.report);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// A Word-exported page (tests/fixtures/html/word_2019.html, hand-made in the shape of real
// pages: site header, navigation, breadcrumbs, share bar, scripts writing markup, every `<td>`
// styled with its text in `<p><span><font>`, `<o:p>`, `<br/>` in header cells, footer)
// ---------------------------------------------------------------------------------------------

#[test]
fn word_exported_page_gives_every_cell() {
    let html = include_str!("fixtures/html/word_2019.html");
    let r = parse_html(html).unwrap();
    assert_eq!(r.title, "某市某区市场监督管理局2019年政府信息公开工作年度报告");
    assert_eq!(r.organ.as_deref(), Some("某市某区市场监督管理局"));
    assert_eq!(r.year, Some(2019));
    assert_eq!(r.edition, gov_info_disclosure::Edition::Format2019);
    assert_eq!(r.published.map(|d| d.to_string()).as_deref(), Some("2020-01-31"));
    let kinds: Vec<_> = r.sections.iter().map(|s| (s.number, s.kind)).collect();
    use gov_info_disclosure::SectionKind::*;
    assert_eq!(
        kinds,
        [
            (1, Some(Overview)),
            (2, Some(ActiveDisclosure)),
            (3, Some(Applications)),
            (4, Some(ReviewsAndLawsuits)),
            (5, Some(ProblemsAndImprovements)),
            (6, Some(OtherMatters)),
        ]
    );
    // Nothing of the chrome, the scripts or the navigation became a section or a paragraph.
    assert!(r.sections.iter().all(|s| s.subsections.is_empty()));
    let sig = r.signature.as_ref().unwrap();
    assert_eq!(sig.date.map(|d| d.to_string()).as_deref(), Some("2020-01-20"));
    // The page around the content block is site chrome, kept with its bytes.
    let before = r.preamble.chrome[0].slice(html);
    assert!(before.contains("当前位置") && before.contains("分享到"), "{before}");
    let after = r.trailer.last().unwrap().slice(html);
    assert!(after.contains("附件下载") && after.contains("关闭窗口"), "{after}");
    assert!(r.diagnostics().iter().any(|d| d.code == Code::SiteChrome));

    // Table 二: the cells that a text copy runs together (`31120`, `761059`, `5132`,
    // `12356.78万元`) are cells here.
    let a = r.active_disclosure.as_ref().unwrap();
    let n = a.normative_documents.as_ref().unwrap();
    assert_eq!((n.made, n.published, n.total_public), (Some(3), Some(3), Some(17)));
    let d = |x: &Option<gov_info_disclosure::DecisionCounts>| {
        let x = x.as_ref().unwrap();
        (x.previous_year, x.change, x.decisions)
    };
    assert_eq!(d(&a.licensing), (Some(31), Some(12), Some(0)));
    assert_eq!(d(&a.punishment), (Some(76), Some(105), Some(9)));
    assert_eq!(d(&a.coercion), (Some(5), Some(13), Some(2)));
    let p = a.procurement.as_ref().unwrap();
    assert_eq!(p.items, Some(12));
    assert_eq!(p.amount.as_ref().map(|x| x.to_string()).as_deref(), Some("356.78"));
    let cells: Vec<&str> = p.cells.iter().map(|s| s.slice(html)).collect();
    assert_eq!(cells, ["12", "356.78万元"]);

    // Table 三 (2019: （六）其他处理 undivided) and table 四.
    let t = r.applications.as_ref().unwrap();
    let v = |row: &Option<gov_info_disclosure::ApplicantCounts>| row.as_ref().unwrap().values();
    let s = |x: [u64; 7]| x.map(Some);
    assert_eq!(v(&t.new_received), s([6, 1, 0, 0, 1, 0, 8]));
    assert_eq!(v(&t.granted), s([3, 1, 0, 0, 0, 0, 4]));
    assert_eq!(v(&t.unable_to_provide.not_held), s([2, 0, 0, 0, 1, 0, 3]));
    assert_eq!(v(&t.other_handling.undivided), s([0; 7]));
    assert_eq!(v(&t.total_processed), s([6, 1, 0, 0, 1, 0, 8]));
    assert_eq!(v(&t.carried_forward), s([1, 0, 0, 0, 0, 0, 1]));
    let rl = r.reviews_and_lawsuits.as_ref().unwrap();
    assert_eq!(rl.review.values(), [1, 0, 0, 1, 2].map(Some));
    assert_eq!(rl.lawsuit_direct.values(), [0, 1, 0, 0, 1].map(Some));
    // The arithmetic holds, so no check fires.
    let failed: Vec<_> = r
        .diagnostics()
        .iter()
        .filter(|d| d.severity == gov_info_disclosure::Severity::Error)
        .map(|d| d.message.as_str())
        .collect();
    assert!(failed.is_empty(), "{failed:?}");
    spans_hold_their_text(&r, html).unwrap();
}

#[test]
fn an_articles_own_header_is_kept() {
    // The page's header (logo, menu) is chrome; the article's `<header>` holds its title.
    let html = "<html><body><header><a>某市人民政府网站</a><p>一、网站导航</p></header>\
        <div class=\"header\"><p>二、站点头部</p></div>\
        <article><header class=\"article-header\"><h1>某局2023年政府信息公开工作年度报告</h1></header>\
        <p>一、总体情况</p><p>本年度工作有序开展。</p><p>二、其他需要报告的事项</p><p>无。</p>\
        </article><div class=\"foot\">版权所有</div></body></html>";
    let r = parse_html(html).unwrap();
    assert_eq!(r.title, "某局2023年政府信息公开工作年度报告");
    let titles: Vec<&str> = r.sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(titles, ["总体情况", "其他需要报告的事项"]);
    r.check_coverage().unwrap();
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// The Word-exported page cut anywhere, or with a piece cut out (tags torn, a table
    /// unclosed, the content block's end missing), keeps the guarantees.
    #[test]
    fn torn_page_keeps_the_guarantees(a in 0usize..100_000, b in 0usize..100_000, cut in any::<bool>()) {
        let html = include_str!("fixtures/html/word_2019.html");
        let at = |i: usize| (0..=i.min(html.len())).rev().find(|&k| html.is_char_boundary(k)).unwrap_or(0);
        let (x, y) = (at(a.min(b)), at(a.max(b)));
        let torn = if cut { html[..y].to_string() } else { format!("{}{}", &html[..x], &html[y..]) };
        if let Ok(report) = parse_html(&torn) {
            gov_info_disclosure::internals::fuzzing::check_report(&torn, &report);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The samples of tests/data as pages
// ---------------------------------------------------------------------------------------------

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

fn samples() -> Vec<(String, String)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "txt") {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            out.push((name, std::fs::read_to_string(&path).unwrap()));
        }
    }
    out.sort();
    assert!(out.len() >= 5);
    out
}

/// Each sample pasted into a page as `<pre>` (whitespace kept) gives the text's model, and as
/// one `<p>` per line (runs of spaces collapsed, as a browser shows them) the same metadata,
/// sections and paragraphs.
#[test]
fn samples_as_pages() {
    let mut with_tables = 0;
    for (name, text) in samples() {
        let want = parse(&text).unwrap();
        with_tables += usize::from(want.applications.is_some());
        let pre = format!("<!DOCTYPE html><html><body><pre>{}</pre></body></html>", escape(&text));
        let got = parse_html(&pre).unwrap();
        let d = common::differences(&model(&got), &model(&want));
        assert!(d.is_empty(), "{name} as <pre>:\n{d}");
        spans_hold_their_text(&got, &pre).unwrap();

        let paras: String = text.lines().map(|l| format!("<p>{}</p>\n", escape(l))).collect();
        let page = format!("<!DOCTYPE html><html><body>{paras}</body></html>");
        let got = parse_html(&page).unwrap();
        let mut got = model(&got);
        let mut want = model(&want);
        for m in [&mut got, &mut want] {
            m.as_object_mut().unwrap().retain(|k, _| k != "tables" && k != "checks");
        }
        let d = common::differences(&got, &want);
        assert!(d.is_empty(), "{name} as <p> lines:\n{d}");
    }
    assert!(with_tables >= 2, "{with_tables}");
}

#[test]
fn a_signature_beside_the_content_block_is_the_reports() {
    let html = "<html><body><div class=\"crumbs\">首页 &gt; 年报</div><div id=\"zoom\">\
        <p>某局2023年政府信息公开工作年度报告</p><p>一、总体情况</p><p>本年度工作有序开展。</p>\
        <p>二、其他需要报告的事项</p><p>无。</p></div>\
        <div class=\"sign\"><p>某市某区某局</p><p>2024年1月20日</p></div>\
        <div class=\"tools\">打印本页 关闭窗口</div><div>扫一扫在手机上查看当前页面</div></body></html>";
    let r = parse_html(html).unwrap();
    let sig = r.signature.as_ref().unwrap();
    assert_eq!(sig.organ.as_deref(), Some("某市某区某局"));
    assert_eq!(sig.date.map(|d| d.to_string()).as_deref(), Some("2024-01-20"));
    assert!(r.trailer.last().unwrap().slice(html).contains("扫一扫"));
    r.check_coverage().unwrap();
}

// ---------------------------------------------------------------------------------------------
// An extra 小计 (subtotal) column
// ---------------------------------------------------------------------------------------------

/// The report's tables with subtotal columns the official layout does not have: in table 三 a
/// 小计 after the five 法人或其他组织 columns (their sum), in table 四 a 行政诉讼 小计 after
/// the two lawsuit blocks (the sum of their totals).
fn with_subtotals(blocks: &mut [Block]) {
    let parse = |s: &str| s.parse::<u64>().unwrap();
    for b in blocks {
        let Block::Table(rows) = b else { continue };
        if rows[0][0].0 == "信息内容" && rows[0].len() == 2 {
            rows[0][1].1 += 1;
            rows[1][1].1 += 1;
            rows[2].push(c("小计"));
            for row in &mut rows[3..] {
                let n = row.len();
                let sum: u64 = row[n - 6..n - 1].iter().map(|x| parse(&x.0)).sum();
                row.insert(n - 1, c(sum.to_string()));
            }
        } else if rows[0][0].0 == "行政复议" {
            rows[0][1].1 += 1;
            rows[1].push(("小计".into(), 1, 2));
            let sum = parse(&rows[3][9].0) + parse(&rows[3][14].0);
            rows[3].push(c(sum.to_string()));
        }
    }
}

/// Table 三 split in two `<table>`s before its row `（四）无法提供`, a page number between:
/// the second part has no header, and no cell for the rowspan of `三、本年度办理结果`.
fn split_applications(blocks: &mut Vec<Block>) {
    let Some(k) = blocks
        .iter()
        .position(|b| matches!(b, Block::Table(r) if r[0][0].0 == "信息内容" && r[0].len() == 2))
    else {
        return;
    };
    let Block::Table(rows) = &mut blocks[k] else { return };
    let at = rows.iter().position(|r| r[0].0 == "（四）无法提供").unwrap();
    let rest = rows.split_off(at);
    blocks.splice(k + 1..k + 1, [Block::Line("- 2 -".into()), Block::Table(rest)]);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 8, ..ProptestConfig::default() })]

    /// A page whose tables carry extra 小计 columns gives the model of the page without them:
    /// the columns are recognized by their header and left out, with a note at each header.
    #[test]
    fn subtotal_columns_are_left_out(n in numbers(), (organ, year) in organ_and_year()) {
        let mut blocks = report(&organ, year, &n);
        let want = model(&parse(&as_text(&blocks)).unwrap());
        with_subtotals(&mut blocks);
        let html = as_html(&blocks, "utf-8");
        let got = parse_html(&html).map_err(|e| TestCaseError::fail(format!("html: {e}")))?;
        let d = common::differences(&model(&got), &want);
        prop_assert!(d.is_empty(), "page with 小计 columns:\n{}", d);
        spans_hold_their_text(&got, &html).map_err(TestCaseError::fail)?;
        let notes: Vec<&str> = got
            .diagnostics()
            .iter()
            .filter(|d| d.code == Code::RaggedRow)
            .map(|d| d.span.slice(&html))
            .collect();
        prop_assert_eq!(notes, ["小计", "小计"]);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 8, ..ProptestConfig::default() })]

    /// Table 三 with its 小计 column split at a page break: the part below the break, which
    /// has no header, leaves out the same column.
    #[test]
    fn subtotal_columns_across_a_page_break(n in numbers(), (organ, year) in organ_and_year()) {
        let mut blocks = report(&organ, year, &n);
        let want = model(&parse(&as_text(&blocks)).unwrap());
        with_subtotals(&mut blocks);
        split_applications(&mut blocks);
        let html = as_html(&blocks, "utf-8");
        let got = parse_html(&html).map_err(|e| TestCaseError::fail(format!("html: {e}")))?;
        let d = common::differences(&model(&got), &want);
        prop_assert!(d.is_empty(), "split page with 小计 columns:\n{}", d);
        spans_hold_their_text(&got, &html).map_err(TestCaseError::fail)?;
    }
}

#[test]
fn a_subtotal_standing_for_the_total_is_kept() {
    // Table 四 whose blocks total in 小计 (no 总计 in the header): the 小计 columns are the
    // blocks' totals, read as such.
    let four = TABLE_FOUR.replace("总计", "小计");
    let html = page(&format!(
        "<p>某县人民政府2023年政府信息公开工作年度报告</p>\
         <p>四、政府信息公开行政复议、行政诉讼情况</p>{four}<p>五、存在的主要问题及改进情况</p><p>无。</p>"
    ));
    let r = parse_html(&html).unwrap();
    let t = r.reviews_and_lawsuits.as_ref().unwrap();
    assert_eq!(t.review.values(), [Some(1), Some(2), Some(0), Some(0), Some(3)]);
    assert_eq!(t.lawsuit_after_review.values(), [Some(4), Some(0), Some(0), Some(1), Some(5)]);
    assert!(r.diagnostics().iter().all(|d| d.code != Code::RaggedRow), "{:?}", r.diagnostics());
    spans_hold_their_text(&r, &html).unwrap();
}

// ---------------------------------------------------------------------------------------------
// Title and heading markup: hints, not rules
// ---------------------------------------------------------------------------------------------

/// How pages mark a title: a heading element, a centered paragraph, bold.
const TITLE_FORMS: [&str; 5] = [
    "<h1>{}</h1>",
    "<p style=\"text-align:center\">{}</p>",
    "<p align=center><strong>{}</strong></p>",
    "<center><b>{}</b></center>",
    "<div style=\"TEXT-ALIGN: center; font-size:22px\"><span><strong>{}</strong></span></div>",
];

/// How pages mark a heading.
const HEADING_FORMS: [&str; 6] = [
    "<p style=\"text-indent:2em\">{}</p>",
    "<h2>{}</h2>",
    "<h3 style=\"font-size:16px\">{}</h3>",
    "<p><strong>{}</strong></p>",
    "<p style=\"text-indent:2em\"><b><span>{}</span></b></p>",
    "<div><strong>{}</strong>&nbsp;</div>",
];

fn is_heading_line(s: &str) -> bool {
    let rest = s.trim_start_matches(|c: char| "一二三四五六七八九十".contains(c));
    (rest.len() < s.len() && rest.starts_with('、')) || s.starts_with('（')
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 16, ..ProptestConfig::default() })]

    /// A page whose title is an `<h1>`, a centered or a bold paragraph, whose headings are
    /// `<h2>`/`<h3>` or bold paragraphs, and with a bold phrase shaped like the next heading
    /// inside a paragraph, reads as the same page with plain `<p>`s: the markup never makes a
    /// heading or a title of what the text would not.
    #[test]
    fn title_and_heading_markup_reads_as_plain_paragraphs(
        n in numbers(),
        (organ, year) in organ_and_year(),
        title_form in 0..TITLE_FORMS.len(),
        forms in proptest::collection::vec(0..HEADING_FORMS.len(), 16),
    ) {
        let mut blocks = report(&organ, year, &n);
        // A paragraph with a heading's words inside it.
        for b in &mut blocks {
            if let Block::Line(s) = b {
                if s.starts_with("依法规范") {
                    *s = "依法规范办理，二、主动公开政府信息情况中的申请。".into();
                }
            }
        }
        let plain = as_html(&blocks, "utf-8");
        let want = parse_html(&plain).unwrap();
        let mut marked = plain.clone();
        let mut k = 0;
        for (i, b) in blocks.iter().enumerate() {
            let Block::Line(s) = b else { continue };
            let form = if i == 0 {
                TITLE_FORMS[title_form]
            } else if is_heading_line(s) {
                k += 1;
                HEADING_FORMS[forms[k % forms.len()]]
            } else if s.starts_with("依法") {
                "<p>依法规范办理，<strong>二、主动公开政府信息情况</strong>中的申请。</p>"
            } else {
                continue;
            };
            let from = format!("<p style=\"text-indent:2em\">{s}</p>");
            marked = marked.replacen(&from, &form.replace("{}", s), 1);
        }
        prop_assert!(k >= 8, "{} headings marked", k);
        let got = parse_html(&marked).map_err(|e| TestCaseError::fail(format!("html: {e}")))?;
        prop_assert_eq!(&got.title, &want.title);
        let d = common::differences(&model(&got), &model(&want));
        prop_assert!(d.is_empty(), "marked page:\n{}", d);
        spans_hold_their_text(&got, &marked).map_err(TestCaseError::fail)?;
        // The bold phrase stayed in its paragraph.
        let overview = &got.sections[0].subsections[1];
        prop_assert_eq!(
            overview.paragraphs[0].text.as_str(),
            "依法规范办理，二、主动公开政府信息情况中的申请。"
        );
        prop_assert!(overview.subsections.is_empty());
    }
}
