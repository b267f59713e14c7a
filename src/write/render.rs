//! Writing the three tables back out: the official layout as tab-separated text
//! ([`render`]), and every layout the table reader understands ([`render_tables`] with a
//! [`Layout`]), for normalizing reports, round-trip tests and generating realistic input.
//!
//! Output is deterministic. Rows that are `None` in the model are left out; blank cells are
//! written as empty cells where the layout has cell boundaries (tab, Markdown) and as `-`
//! elsewhere (a blank cell simply vanishes from space-separated text). [`Layout::RunTogether`]
//! cannot express a blank at all: blank cells are dropped, as a naive flattener would.
//!
//! ```
//! use gov_info_disclosure::render::{render_reviews, Layout};
//! use gov_info_disclosure::table::{read_table, TableData};
//! use gov_info_disclosure::{Span, TableKind};
//!
//! let text = "72 64 178 37 351 13 4 8 1 26 12 1 1 6 20\n";
//! let mut d = Vec::new();
//! let Some(TableData::ReviewsAndLawsuits(t)) =
//!     read_table(text, Span::new(0, text.len()), TableKind::ReviewsAndLawsuits, &mut d)
//! else {
//!     panic!()
//! };
//! // Every layout reads back to the same numbers.
//! for layout in Layout::ALL {
//!     let out = render_reviews(&t, layout);
//!     let mut d = Vec::new();
//!     let back = read_table(&out, Span::new(0, out.len()), TableKind::ReviewsAndLawsuits, &mut d);
//!     let Some(TableData::ReviewsAndLawsuits(back)) = back else { panic!("{layout:?}") };
//!     if layout != Layout::RunTogether {
//!         assert_eq!(back.review.values(), t.review.values());
//!     }
//! }
//! ```

use std::fmt::Write as _;

use crate::template::{APP_GROUP_LABELS, APP_ROWS};
use crate::{ActiveDisclosure, AnnualReport, ApplicantCounts, Applications, ReviewsAndLawsuits};

/// A text layout of the tables, as produced by the tools that turn reports into text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Layout {
    /// Tab-separated cells, group labels in their own cells (the official layout, as copied
    /// from a web page or a Word table).
    Tab,
    /// One row per line, cells separated by single spaces (pypdf).
    Space,
    /// Columns aligned with spaces, long labels wrapped onto the next line and the group
    /// label 三、本年度办理结果 printed one character per line (pdftotext -layout).
    Aligned,
    /// One cell per line, row by row (a web page's innerText).
    OneCellRows,
    /// One cell per line: a block of row labels, then the numbers column by column (pdfminer).
    OneCellColumns,
    /// Markdown pipe tables with generic headers (`数据1 | 数据2`), split in two with the
    /// header repeated (PDF/OCR-to-Markdown converters).
    Markdown,
    /// Each row's cells run together with no separator (a web table flattened naively).
    RunTogether,
}

impl Layout {
    /// Every layout.
    pub const ALL: [Layout; 7] = [
        Layout::Tab,
        Layout::Space,
        Layout::Aligned,
        Layout::OneCellRows,
        Layout::OneCellColumns,
        Layout::Markdown,
        Layout::RunTogether,
    ];
}

/// Writes tables 二, 三 and 四 of `report` as tab-separated text in the official layout, each
/// after its section heading.
pub fn render(report: &AnnualReport) -> String {
    render_tables(
        report.active_disclosure.as_ref(),
        report.applications.as_ref(),
        report.reviews_and_lawsuits.as_ref(),
        Layout::Tab,
    )
}

/// Writes the given tables in `layout`, each after its section heading (`二、主动公开政府信息
/// 情况`, `三、收到和处理政府信息公开申请情况`, `四、政府信息公开行政复议、行政诉讼情况`).
pub fn render_tables(
    active: Option<&ActiveDisclosure>,
    apps: Option<&Applications>,
    reviews: Option<&ReviewsAndLawsuits>,
    layout: Layout,
) -> String {
    let mut out = String::new();
    if let Some(a) = active {
        out.push_str("二、主动公开政府信息情况\n");
        out.push_str(&render_active(a, layout));
    }
    if let Some(a) = apps {
        out.push_str("三、收到和处理政府信息公开申请情况\n");
        out.push_str(&render_applications(a, layout));
    }
    if let Some(r) = reviews {
        out.push_str("四、政府信息公开行政复议、行政诉讼情况\n");
        out.push_str(&render_reviews(r, layout));
    }
    out
}

/// A generic row: its label cells as laid out in the official grid (group cells first, `""`
/// where a merged cell continues) and its cell texts (`None` = blank), padded with empty cells
/// to `width` in grid layouts (a colspan in the official HTML).
struct Row {
    labels: Vec<String>,
    cells: Vec<Option<String>>,
    width: usize,
}

impl Row {
    /// The label cells that hold text.
    fn texts(&self) -> Vec<&String> {
        self.labels.iter().filter(|l| !l.is_empty()).collect()
    }

    /// Label and value cells of the official grid.
    fn grid(&self, blank: &str) -> Vec<String> {
        let mut out = self.labels.clone();
        out.extend(self.cells.iter().map(|c| c.clone().unwrap_or_else(|| blank.to_string())));
        out.extend(std::iter::repeat_n(String::new(), self.width.saturating_sub(self.cells.len())));
        out
    }
}

fn blank(layout: Layout) -> &'static str {
    match layout {
        Layout::Tab | Layout::Markdown | Layout::RunTogether => "",
        _ => "-",
    }
}

/// Writes header lines and rows (grouped into blocks that share a column count) in `layout`.
fn write_rows(out: &mut String, headers: &[&[&str]], blocks: &[Vec<Row>], layout: Layout) {
    let cell = |c: &Option<String>| c.clone().unwrap_or_else(|| blank(layout).to_string());
    let mut first_block = true;
    for (bi, rows) in blocks.iter().enumerate() {
        if rows.is_empty() {
            continue;
        }
        let header = headers.get(bi).copied().unwrap_or(&[]);
        match layout {
            Layout::Tab => {
                for h in header {
                    let _ = writeln!(out, "{h}");
                }
                for r in rows {
                    let _ = writeln!(out, "{}", r.grid("").join("\t"));
                }
            }
            Layout::Space | Layout::RunTogether => {
                for h in header {
                    let _ = writeln!(out, "{}", words(h).join(" "));
                }
                for r in rows {
                    let texts = r.texts();
                    for g in &texts[..texts.len().saturating_sub(1)] {
                        let _ = writeln!(out, "{g}");
                    }
                    let label = texts.last().map(|s| s.to_string()).unwrap_or_default();
                    let cells: Vec<String> = r.cells.iter().map(cell).collect();
                    if layout == Layout::Space {
                        let _ = writeln!(out, "{label} {}", cells.join(" "));
                    } else {
                        let _ = writeln!(out, "{label}{}", cells.concat());
                    }
                }
            }
            Layout::Aligned => {
                for h in header {
                    let _ = writeln!(out, "    {}", words(h).join("    "));
                }
                for r in rows {
                    let texts = r.texts();
                    for g in &texts[..texts.len().saturating_sub(1)] {
                        if g.starts_with("三、") {
                            // pdftotext prints the tall group cell one character per line.
                            for ch in g.chars() {
                                let _ = writeln!(out, " {ch}");
                            }
                        } else {
                            let _ = writeln!(out, "   {g}");
                        }
                    }
                    let label = texts.last().map(|s| s.to_string()).unwrap_or_default();
                    let (head, tail) = wrap(&label);
                    let w = unicode_width::UnicodeWidthStr::width(head.as_str());
                    let pad = " ".repeat(44usize.saturating_sub(w).max(2));
                    let cells: Vec<String> =
                        r.cells.iter().map(|c| format!(" {:>7}", cell(c))).collect();
                    let _ = writeln!(out, "{head}{pad}{}", cells.concat());
                    if let Some(t) = tail {
                        let _ = writeln!(out, "   {t}");
                    }
                }
            }
            Layout::OneCellRows => {
                for h in header {
                    for w in words(h) {
                        let _ = writeln!(out, "{w}");
                    }
                }
                for r in rows {
                    for l in r.texts() {
                        let _ = writeln!(out, "{l}");
                    }
                    for c in &r.cells {
                        let _ = writeln!(out, "{}", cell(c));
                    }
                }
            }
            Layout::OneCellColumns => {
                for h in header {
                    for w in words(h) {
                        let _ = writeln!(out, "{w}");
                    }
                }
                for r in rows {
                    for l in r.texts() {
                        let _ = writeln!(out, "{l}");
                    }
                }
                let ncols = rows.iter().map(|r| r.cells.len()).max().unwrap_or(0);
                for c in 0..ncols {
                    for r in rows {
                        if let Some(v) = r.cells.get(c) {
                            let _ = writeln!(out, "{}", cell(v));
                        }
                    }
                }
            }
            Layout::Markdown => {
                let ncols = rows.iter().map(|r| r.grid("").len()).max().unwrap_or(1);
                let generic = (1..=ncols).map(|i| format!("数据{i}")).collect::<Vec<_>>();
                let head =
                    format!("| {} |\n|{}|\n", generic.join(" | "), vec!["---"; ncols].join("|"));
                if first_block || bi > 0 {
                    out.push_str(&head);
                }
                let half = rows.len() / 2;
                for (i, r) in rows.iter().enumerate() {
                    if i == half && rows.len() > 8 {
                        // A page break: the converter starts a new table and repeats the header.
                        out.push('\n');
                        out.push_str(&head);
                    }
                    let _ = writeln!(out, "| {} |", r.grid("").join(" | "));
                }
            }
        }
        first_block = false;
    }
}

/// The words of a tab-separated header line.
fn words(h: &str) -> Vec<&str> {
    h.split('\t').filter(|w| !w.is_empty()).collect()
}

/// Splits a long label for [`Layout::Aligned`] so that the head still holds a key word of its
/// row and the tail holds none of any row or group (pdftotext wraps inside the label cell).
/// Decided from the template's words alone, not by the reader's recognizer, so that the round
/// trip tests the reader against text it did not shape.
fn wrap(label: &str) -> (String, Option<String>) {
    let keys = APP_ROWS.iter().find(|(l, _)| *l == label).map_or(&[][..], |(_, keys)| *keys);
    let chars: Vec<char> = label.chars().collect();
    if chars.len() <= 24 {
        return (label.to_string(), None);
    }
    let head: String = chars[..20].iter().collect();
    let tail: String = chars[20..].iter().collect();
    let names_a_row = |s: &str| {
        APP_ROWS
            .iter()
            .flat_map(|(_, keys)| keys.iter())
            .chain(&APP_GROUP_LABELS)
            .any(|k| s.contains(k))
    };
    if keys.iter().any(|k| head.contains(k)) && !names_a_row(&tail) {
        (head, Some(tail))
    } else {
        (label.to_string(), None)
    }
}

fn num(v: Option<u64>) -> Option<String> {
    v.map(|v| v.to_string())
}

/// Table 二 in `layout`.
pub fn render_active(a: &ActiveDisclosure, layout: Layout) -> String {
    let y2019 = a.other_services.is_some()
        || a.procurement.is_some()
        || [&a.regulations, &a.normative_documents].iter().any(|r| {
            r.as_ref().is_some_and(|r| {
                r.made.is_some() || r.published.is_some() || r.total_public.is_some()
            })
        })
        || [&a.licensing, &a.punishment, &a.coercion]
            .iter()
            .any(|r| r.as_ref().is_some_and(|r| r.previous_year.is_some() || r.change.is_some()));
    let signed = |v: Option<i64>| v.map(|v| if v > 0 { format!("+{v}") } else { v.to_string() });
    let mut blocks: Vec<Vec<Row>> =
        vec![Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new()];
    let docs = |name: &str, r: &crate::DocumentCounts| Row {
        width: 3,
        labels: vec![name.to_string()],
        cells: if y2019 {
            vec![num(r.made), num(r.published), num(r.total_public)]
        } else {
            vec![num(r.issued), num(r.repealed), num(r.in_force)]
        },
    };
    if let Some(r) = &a.regulations {
        blocks[0].push(docs("规章", r));
    }
    if let Some(r) = &a.normative_documents {
        blocks[0].push(docs(if y2019 { "规范性文件" } else { "行政规范性文件" }, r));
    }
    let dec = |name: &str, r: &crate::DecisionCounts| Row {
        width: 3,
        labels: vec![name.to_string()],
        cells: if y2019 {
            vec![num(r.previous_year), signed(r.change), num(r.decisions)]
        } else {
            vec![num(r.decisions)]
        },
    };
    if let Some(r) = &a.licensing {
        blocks[1].push(dec("行政许可", r));
    }
    if let Some(r) = &a.other_services {
        blocks[1].push(dec("其他对外管理服务事项", r));
    }
    if let Some(r) = &a.punishment {
        blocks[2].push(dec("行政处罚", r));
    }
    if let Some(r) = &a.coercion {
        blocks[2].push(dec("行政强制", r));
    }
    if let Some(r) = &a.administrative_fees {
        blocks[3].push(Row {
            width: 3,
            labels: vec!["行政事业性收费".into()],
            cells: if y2019 {
                vec![num(r.previous_year), signed(r.change)]
            } else {
                vec![r.amount_10k_yuan.as_ref().map(|d| d.to_string())]
            },
        });
    }
    if let Some(r) = &a.procurement {
        blocks[4].push(Row {
            width: 3,
            labels: vec!["政府集中采购".into()],
            cells: vec![
                num(r.items),
                r.amount.as_ref().map(|d| format!("{d}{}", r.amount_unit.as_deref().unwrap_or(""))),
            ],
        });
    }
    let headers: [&[&str]; 5] = if y2019 {
        [
            &[
                "第二十条第（一）项\t\t\t",
                "信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量",
            ],
            &["第二十条第（五）项\t\t\t", "信息内容\t上一年项目数量\t本年增/减\t处理决定数量"],
            &["第二十条第（六）项\t\t\t", "信息内容\t上一年项目数量\t本年增/减\t处理决定数量"],
            &["第二十条第（八）项\t\t\t", "信息内容\t上一年项目数量\t本年增/减\t"],
            &["第二十条第（九）项\t\t\t", "信息内容\t采购项目数量\t采购总金额\t"],
        ]
    } else {
        [
            &["第二十条第（一）项\t\t\t", "信息内容\t本年制发件数\t本年废止件数\t现行有效件数"],
            &["第二十条第（五）项\t\t\t", "信息内容\t本年处理决定数量\t\t"],
            &["第二十条第（六）项\t\t\t", "信息内容\t本年处理决定数量\t\t"],
            &["第二十条第（八）项\t\t\t", "信息内容\t本年收费金额（单位：万元）\t\t"],
            &[],
        ]
    };
    let mut out = String::new();
    write_rows(&mut out, &headers, &blocks, layout);
    out
}

/// The rows of table 三 in official order, with group cells, as (labels, counts).
fn app_rows(a: &Applications) -> Vec<(Vec<String>, &ApplicantCounts)> {
    let mut out = Vec::new();
    for (slot, (_, row)) in a.rows().into_iter().enumerate() {
        let Some(row) = row else { continue };
        let label = APP_ROWS[slot].0.to_string();
        // The official grid: 三、本年度办理结果 | category | sub-item; rows 一、二、四 span
        // all three label columns, （一）（二）（七） and an undivided （六） span two.
        let cat = |c: &str| ["".to_string(), c.to_string(), label.clone()];
        let labels: Vec<String> = match slot {
            0 | 1 | 25 => vec![label.clone(), String::new(), String::new()],
            2 => vec!["三、本年度办理结果".into(), label.clone(), String::new()],
            3 | 23 | 24 => vec![String::new(), label.clone(), String::new()],
            4 => cat("（三）不予公开").to_vec(),
            12 => cat("（四）无法提供").to_vec(),
            15 => cat("（五）不予处理").to_vec(),
            20 => cat("（六）其他处理").to_vec(),
            _ => vec![String::new(), String::new(), label.clone()],
        };
        out.push((labels, row));
    }
    out
}

/// Table 三 in `layout`.
pub fn render_applications(a: &Applications, layout: Layout) -> String {
    let rows: Vec<Row> = app_rows(a)
        .into_iter()
        .map(|(labels, r)| Row {
            labels,
            cells: r.values().iter().map(|v| num(*v)).collect(),
            width: 7,
        })
        .collect();
    let header: &[&str] = &[
        "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t\t\t申请人情况\t\t\t\t\t\t",
        "\t\t\t自然人\t法人或其他组织\t\t\t\t\t总计",
        "\t\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t",
    ];
    let mut out = String::new();
    write_rows(&mut out, &[header], &[rows], layout);
    out
}

/// Table 四 in `layout`.
pub fn render_reviews(r: &ReviewsAndLawsuits, layout: Layout) -> String {
    let cells: Vec<Option<String>> = [&r.review, &r.lawsuit_direct, &r.lawsuit_after_review]
        .iter()
        .flat_map(|o| o.values())
        .map(num)
        .collect();
    let header: &[&str] = &[
        "行政复议\t\t\t\t\t行政诉讼\t\t\t\t\t\t\t\t\t",
        "结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t\t\t\t\t复议后起诉\t\t\t\t",
        "\t\t\t\t\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计",
    ];
    let cell = |c: &Option<String>| c.clone().unwrap_or_else(|| blank(layout).to_string());
    let mut out = String::new();
    match layout {
        Layout::Tab | Layout::Markdown if layout == Layout::Tab => {
            for h in header {
                let _ = writeln!(out, "{h}");
            }
            let _ = writeln!(out, "{}", cells.iter().map(cell).collect::<Vec<_>>().join("\t"));
        }
        Layout::Markdown => {
            let generic = (1..=15).map(|i| format!("数据{i}")).collect::<Vec<_>>();
            let _ = writeln!(out, "| {} |\n|{}|", generic.join(" | "), vec!["---"; 15].join("|"));
            let _ = writeln!(out, "| {} |", cells.iter().map(cell).collect::<Vec<_>>().join(" | "));
        }
        Layout::OneCellRows | Layout::OneCellColumns => {
            for h in header {
                for w in words(h) {
                    let _ = writeln!(out, "{w}");
                }
            }
            for c in &cells {
                let _ = writeln!(out, "{}", cell(c));
            }
        }
        Layout::RunTogether => {
            for h in header {
                let _ = writeln!(out, "{}", words(h).concat());
            }
            let _ = writeln!(out, "{}", cells.iter().map(cell).collect::<String>());
        }
        _ => {
            for h in header {
                let _ = writeln!(out, "{}", words(h).join(" "));
            }
            let sep = if layout == Layout::Aligned { "   " } else { " " };
            let _ = writeln!(out, "{}", cells.iter().map(cell).collect::<Vec<_>>().join(sep));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::{read_table, TableData};
    use crate::{Edition, Preamble, Span, TableKind};

    /// The regions after the three headings `render_tables` writes.
    fn regions(text: &str) -> Vec<(TableKind, Span)> {
        let heads = [
            ("二、主动公开政府信息情况\n", TableKind::ActiveDisclosure),
            ("三、收到和处理政府信息公开申请情况\n", TableKind::Applications),
            ("四、政府信息公开行政复议、行政诉讼情况\n", TableKind::ReviewsAndLawsuits),
        ];
        let starts: Vec<(usize, usize, TableKind)> =
            heads.iter().filter_map(|(h, k)| text.find(h).map(|i| (i, i + h.len(), *k))).collect();
        starts
            .iter()
            .enumerate()
            .map(|(i, &(_, body, k))| {
                let end = starts.get(i + 1).map_or(text.len(), |n| n.0);
                (k, Span::new(body, end))
            })
            .collect()
    }

    fn report_from(text: &str) -> AnnualReport {
        let span = Span::new(0, text.len());
        let mut report = AnnualReport {
            title: String::new(),
            organ: None,
            year: None,
            edition: Edition::Unknown,
            published: None,
            signature: None,
            preamble: Preamble::default(),
            sections: Vec::new(),
            active_disclosure: None,
            applications: None,
            reviews_and_lawsuits: None,
            trailer: Vec::new(),
            diagnostics: Vec::new(),
            span,
        };
        for (kind, region) in regions(text) {
            match read_table(text, region, kind, &mut report.diagnostics) {
                Some(TableData::ActiveDisclosure(t)) => report.active_disclosure = Some(*t),
                Some(TableData::Applications(t)) => report.applications = Some(*t),
                Some(TableData::ReviewsAndLawsuits(t)) => report.reviews_and_lawsuits = Some(*t),
                _ => {}
            }
        }
        report
    }

    fn values(r: &AnnualReport) -> serde_json::Value {
        fn strip(v: &mut serde_json::Value) {
            match v {
                serde_json::Value::Object(m) => {
                    m.remove("span");
                    m.remove("cells");
                    m.values_mut().for_each(strip);
                }
                serde_json::Value::Array(a) => a.iter_mut().for_each(strip),
                _ => {}
            }
        }
        let mut v =
            serde_json::json!([r.active_disclosure, r.applications, r.reviews_and_lawsuits]);
        strip(&mut v);
        v
    }

    #[test]
    fn render_round_trips_the_official_layout() {
        let src = "二、主动公开政府信息情况\n规章 1 0 11\n行政规范性文件 8 26 66\n行政许可 447228\n\
                   行政处罚 3985758\n行政强制 88283\n行政事业性收费 96171.6\n\
                   三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量 3001 53 0 0 61 4 3119\n\
                   二、上年结转政府信息公开申请数量 34 - - - - - 34\n（一）予以公开 1288 21 0 0 50 3 1362\n\
                   （六）其他处理 3 0 0 0 1 0 4\n（七）总计 2932 53 0 0 61 4 3050\n\
                   四、政府信息公开行政复议、行政诉讼情况\n72 64 178 37 351 13 4 8 1 26 12 1 1 6 20\n";
        let first = report_from(src);
        assert!(first.applications.is_some() && first.reviews_and_lawsuits.is_some());
        let text = render(&first);
        assert!(
            text.contains("一、本年新收政府信息公开申请数量\t\t\t3001\t53\t0\t0\t61\t4\t3119\n")
        );
        assert!(text.contains("二、上年结转政府信息公开申请数量\t\t\t34\t\t\t\t\t\t34\n"));
        assert!(text.contains("\t（六）其他处理\t\t3\t0\t0\t0\t1\t0\t4\n"));
        assert!(text.contains("行政许可\t447228\t\t\n"));
        let again = report_from(&text);
        assert_eq!(values(&first), values(&again));
        // Rendering is deterministic and a fixed point.
        assert_eq!(render(&again), text);
    }
}
