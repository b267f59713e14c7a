//! Reading the statistical tables out of their text regions.
//!
//! The pipeline, one module each:
//! - [`cell`]: character folding and cell values (blank, dash, number, money);
//! - [`lines`]: a region's lines split into label text and value cells, per line, whatever
//!   the layout (tab, Markdown, space-separated, aligned, one cell per line, run together);
//! - [`vocab`]: which official row a label names, per edition;
//! - [`row`] and [`digits`]: fitting a row's cells to its columns (ragged rows, digit runs);
//! - `active`, `apps`, `reviews`: assembly of tables 二, 三 and 四 into the model.
//!
//! Layout is decided per line, so a report may mix layouts, and rows are always recognized by
//! their labels, never by position alone.

mod active;
mod apps;
pub(crate) mod cell;
mod digits;
mod lines;
mod reviews;
mod row;
pub(crate) mod vocab;

use crate::{
    ActiveDisclosure, Applications, Code, Diagnostic, ReviewsAndLawsuits, Span, TableKind,
};

/// One table, typed.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum TableData {
    /// Table 二.
    ActiveDisclosure(Box<ActiveDisclosure>),
    /// Table 三.
    Applications(Box<Applications>),
    /// Table 四.
    ReviewsAndLawsuits(Box<ReviewsAndLawsuits>),
}

/// Reads one table from `region` of `input` (all spans are absolute offsets into `input`).
///
/// Pushes diagnostics: `table-missing` (and returns `None`) when the region holds no cells —
/// the table was an image in the original — plus `ragged-row`, `unknown-row`, `missing-row`,
/// `duplicate-row`, `invalid-cell` and `ambiguous-digits` for what could not be read exactly.
///
/// ```
/// use gov_info_disclosure::{table::{read_table, TableData}, Span, TableKind};
/// let text = "行政复议\t行政诉讼\n2\t0\t1\t0\t3\t11\t0\t0\t0\t11\t0\t0\t0\t0\t0\n";
/// let mut diags = Vec::new();
/// let t = read_table(text, Span::new(0, text.len()), TableKind::ReviewsAndLawsuits, &mut diags);
/// let Some(TableData::ReviewsAndLawsuits(t)) = t else { panic!() };
/// assert_eq!(t.lawsuit_direct.total, Some(11));
/// assert!(diags.is_empty());
/// ```
pub fn read_table(
    input: &str,
    region: Span,
    kind: TableKind,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<TableData> {
    let region = clamp(input, region);
    let lines = lines::split_lines(input, region);
    let data = match kind {
        TableKind::ActiveDisclosure => active::read(input, &lines, region, diagnostics)
            .map(|t| TableData::ActiveDisclosure(Box::new(t))),
        TableKind::Applications => apps::read(input, &lines, region, diagnostics)
            .map(|t| TableData::Applications(Box::new(t))),
        TableKind::ReviewsAndLawsuits => reviews::read(input, &lines, region, diagnostics)
            .map(|t| TableData::ReviewsAndLawsuits(Box::new(t))),
        #[allow(unreachable_patterns)]
        _ => None,
    };
    if data.is_none() {
        let name = match kind {
            TableKind::ActiveDisclosure => "二 主动公开政府信息情况",
            TableKind::Applications => "三 收到和处理政府信息公开申请情况",
            _ => "四 政府信息公开行政复议、行政诉讼情况",
        };
        diagnostics.push(Diagnostic::error(
            Code::TableMissing,
            region,
            format!("expected table {name} here, found no cells (an image in the original?)"),
        ));
    }
    data
}

/// Keeps a region inside the input and on char boundaries (never panics on a bad span).
fn clamp(input: &str, region: Span) -> Span {
    let mut s = region.start.min(input.len());
    let mut e = region.end.min(input.len()).max(s);
    while !input.is_char_boundary(s) {
        s -= 1;
    }
    while !input.is_char_boundary(e) {
        e += 1;
    }
    Span::new(s, e)
}

/// Whether a line (without its line terminator) looks like part of a statistical table
/// rather than a heading or prose.
///
/// True for: tab-separated and Markdown `|` rows; lines of numbers, dashes or one CJK
/// character (a vertical group label); row labels of tables 二/三 (`一、本年新收…`,
/// `(一) 予以公开`, `1.属于国家秘密`, `三、本年度办理结果`, `四、结转下年度继续办理`); header
/// words (`信息内容`, `第二十条第（一）项`, `申请人情况`, `结果维持` …); page numbers. False
/// for section headings such as `三、收到和处理政府信息公开申请情况` and for prose.
pub fn is_table_line(line: &str) -> bool {
    let t = vocab::norm(line);
    if t.is_empty() {
        return false;
    }
    if line.contains('\t') || t.starts_with('|') || t.starts_with('｜') {
        return true;
    }
    if cell::is_page_number(line) {
        return true;
    }
    // Only numbers and dashes (a values-only row, one cell per line).
    let toks: Vec<&str> = line.split(cell::is_space).filter(|s| !s.is_empty()).collect();
    if toks
        .iter()
        .all(|s| matches!(cell::classify(s), cell::CellKind::Number | cell::CellKind::Dash))
    {
        return true;
    }
    // One CJK character (or `、`) of a label printed vertically (extra-samples 001).
    if t.chars().count() == 1 && !t.is_ascii() {
        return true;
    }
    // Section headings of the report are never table lines even though they contain row
    // key words (`四、政府信息公开行政复议、行政诉讼情况`).
    let (body, _) = vocab::strip_marker(&t);
    let body = body.trim_end_matches(['。', ':', '：']);
    if body.ends_with("情况") || body.ends_with("事项") || body.contains("存在的主要问题")
    {
        return false;
    }
    if vocab::recognize_app(&t).is_some() || vocab::recognize_active(&t).is_some() {
        // Prose that happens to contain a key word is long and punctuated.
        return t.chars().count() <= 60 && !t.contains('。') || ends_with_values(line);
    }
    const HEADERS: &[&str] = &[
        "第二十条",
        "信息内容",
        "本年制发件数",
        "本年处理决定数量",
        "本年收费金额",
        "本年新制作数量",
        "上一年项目数量",
        "采购项目数量",
        "申请人情况",
        "自然人",
        "法人或其他组织",
        "商业企业",
        "科研机构",
        "社会公益组织",
        "法律服务机构",
        "总计",
        "勾稽关系",
        "第三项加第四项",
        "行政复议",
        "行政诉讼",
        "结果维持",
        "结果纠正",
        "其他结果",
        "尚未审结",
        "未经复议直接起诉",
        "复议后起诉",
        "维持",
        "纠正",
        "审结",
    ];
    if t.chars().count() <= 40 && HEADERS.iter().any(|h| t.starts_with(h)) {
        return true;
    }
    // Header cells broken inside their cell (`商业`, `企业`, `结 果`).
    matches!(
        t.as_str(),
        "商业"
            | "企业"
            | "科研"
            | "机构"
            | "社会"
            | "公益"
            | "组织"
            | "法律"
            | "服务"
            | "其他"
            | "结果"
            | "尚未"
            | "等"
            | "商业企业"
            | "科研机构"
    )
}

fn ends_with_values(line: &str) -> bool {
    line.split(cell::is_space)
        .rfind(|s| !s.is_empty())
        .is_some_and(|s| matches!(cell::classify(s), cell::CellKind::Number | cell::CellKind::Dash))
}

#[cfg(test)]
mod tests {
    use super::is_table_line;

    #[test]
    fn table_lines() {
        for l in [
            "一、本年新收政府信息公开申请数量",
            "(一) 予以公开",
            "1.属于国家秘密",
            "四、结转下年度继续办理",
            "三、本年度办理结果",
            "0 0 0 0 0 0 0",
            "三",
            "、",
            "信息内容",
            "第二十条第（一）项",
            "| 规章 | 0 | 0 | 0 |",
            "规章\t0\t0\t0",
            "- 3 -",
            "结 果",
            "行政规范性文件 0 5 5",
        ] {
            assert!(is_table_line(l), "{l}");
        }
        for l in [
            "三、收到和处理政府信息公开申请情况",
            "四、政府信息公开行政复议、行政诉讼情况",
            "五、存在的主要问题及改进情况",
            "二、主动公开政府信息情况",
            "2023年，我区共收到政府信息公开申请21件，均在法定期限内予以答复，其中予以公开5件。",
            "一、总体情况",
        ] {
            assert!(!is_table_line(l), "{l}");
        }
    }
}
