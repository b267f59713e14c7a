//! Reading the statistical tables out of their text regions (being written).

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

/// Whether a line (without its line terminator) looks like part of a statistical table
/// rather than prose: it holds a tab, only numbers, or starts with a known row or column label.
/// The outline uses it so that table row labels such as `一、本年新收…` are not taken for
/// headings.
pub fn is_table_line(line: &str) -> bool {
    let t: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    if line.contains('\t') {
        return true;
    }
    if !t.is_empty() && t.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '/' | '—'))
    {
        return true;
    }
    const LABELS: &[&str] = &[
        "第二十条",
        "信息内容",
        "规章",
        "行政规范性文件",
        "规范性文件",
        "行政许可",
        "行政处罚",
        "行政强制",
        "行政事业性收费",
        "本年新收",
        "一、本年新收",
        "二、上年结转",
        "三、本年度办理结果",
        "四、结转下年度",
        "申请人情况",
        "自然人",
        "行政复议",
        "结果维持",
    ];
    LABELS.iter().any(|l| t.starts_with(l))
}

/// Reads one table from `region` of `input`. Pushes diagnostics (`table-missing` when the
/// region holds no data) and returns `None` when nothing could be typed.
pub fn read_table(
    input: &str,
    region: Span,
    kind: TableKind,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<TableData> {
    let text = region.slice(input);
    if !text.chars().any(|c| c.is_ascii_digit()) {
        diagnostics.push(Diagnostic::error(
            Code::TableMissing,
            region,
            format!("expected table {kind:?} here, found no cells (an image in the original?)"),
        ));
    }
    None
}
