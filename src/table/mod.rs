//! Reading the statistical tables out of their text regions.
//!
//! The pipeline, one module each:
//! - `cell`: character folding and cell values (blank, dash, number, money);
//! - `lines`: a region's lines split into label text and value cells, per line, whatever
//!   the layout (tab, Markdown, space-separated, aligned, one cell per line, run together);
//! - `vocab`: which official row a label names, per edition;
//! - `row` and `digits`: fitting a row's cells to its columns (ragged rows, digit runs);
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
    ActiveDisclosure, Applications, Code, Diagnostic, Edition, ReviewsAndLawsuits, Span, TableKind,
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
    let lines = crate::firstpass::lines(input);
    read(input, &lines, region, kind, Edition::Unknown, diagnostics).map(|t| match t {
        Table::ActiveDisclosure(t) => TableData::ActiveDisclosure(Box::new(t)),
        Table::Applications(t) => TableData::Applications(Box::new(t)),
        Table::ReviewsAndLawsuits(t) => TableData::ReviewsAndLawsuits(Box::new(t)),
    })
}

/// One table, typed and not boxed: [`TableData`] for the parse, which moves the table into
/// the report. The box of table 三 (~8 KB) would be allocated for a moment only, at the
/// highest point of a parse's heap.
#[derive(Debug)]
#[expect(
    clippy::large_enum_variant,
    reason = "not boxing table 三 is the point: the value is moved straight into the report"
)]
pub(crate) enum Table {
    /// Table 二.
    ActiveDisclosure(ActiveDisclosure),
    /// Table 三.
    Applications(Applications),
    /// Table 四.
    ReviewsAndLawsuits(ReviewsAndLawsuits),
}

/// [`read_table`], without the box.
pub(crate) fn read(
    input: &str,
    all_lines: &[crate::layout::Line],
    region: Span,
    kind: TableKind,
    edition: Edition,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Table> {
    let region = clamp(input, region);
    let data = match kind {
        TableKind::ActiveDisclosure => {
            let mut lines = lines::split_lines(input, all_lines, region);
            let rows = active::recognize_rows(input, &lines);
            let edition = active::place(input, &mut lines, &rows, edition);
            active::read(input, &lines, &rows, edition, region, diagnostics)
                .map(Table::ActiveDisclosure)
        }
        TableKind::Applications => {
            apps::read_region(input, all_lines, region, diagnostics).map(Table::Applications)
        }
        TableKind::ReviewsAndLawsuits => {
            reviews::read(input, &lines::split_lines(input, all_lines, region), region, diagnostics)
                .map(Table::ReviewsAndLawsuits)
        }
        #[allow(unreachable_patterns)]
        _ => None,
    };
    if data.is_none() {
        let name = match kind {
            TableKind::ActiveDisclosure => "二 主动公开政府信息情况",
            TableKind::Applications => "三 收到和处理政府信息公开申请情况",
            _ => "四 政府信息公开行政复议、行政诉讼情况",
        };
        let (rows, numbers) = table_text(input, all_lines, region);
        diagnostics.push(if rows + numbers == 0 {
            Diagnostic::error(
                Code::TableMissing,
                region,
                format!("expected table {name} here, found no cells (an image in the original?)"),
            )
        } else {
            Diagnostic::error(
                Code::TableUnread,
                region,
                format!(
                    "expected table {name} here, found table text ({rows} labelled line(s), \
                     {numbers} number(s)) that could not be read as it"
                ),
            )
        });
    }
    data
}

/// How many lines of `region` have both label text and values, and how many numbers it holds:
/// what a region that yields no table still shows of one.
fn table_text(input: &str, all_lines: &[crate::layout::Line], region: Span) -> (usize, usize) {
    let (mut rows, mut numbers) = (0, 0);
    for l in lines::split_lines(input, all_lines, region) {
        rows += usize::from(!l.label_is_empty() && l.has_values());
        numbers += l.values.iter().filter(|c| c.kind == cell::CellKind::Number).count();
    }
    (rows, numbers)
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
/// True for: tab-separated and Markdown `|` rows; rows of numbers and dashes; row labels of
/// tables 二/三 with or without their numbers (`一、本年新收…`, `(一) 予以公开`,
/// `1.属于国家秘密`, `三、本年度办理结果`, `四、结转下年度继续办理`, `规 章 0 0 0`); header
/// words (`信息内容`, `第二十条第（一）项`, `申请人情况`, the 勾稽 note, `结 果`); short label
/// fragments left by wrapping (`计其他情形）`, `予公开`, one character of a vertical label).
/// False for section headings such as `三、收到和处理政府信息公开申请情况`, for prose, and for
/// page numbers (`- 3 -`), which belong to neither and which [`read_table`] skips anywhere.
pub(crate) fn is_table_line(line: &str) -> bool {
    // The first character of `vocab::norm(line)`, without building it: this runs on every
    // line of a report.
    let first = line.chars().find_map(cell::norm_label_char);
    // A page number starts with a dash or `第` once folded and stripped of spaces: `first`
    // then (a line starting with a quote is none), so most lines skip the test.
    let page_start = matches!(first, Some('-' | '—' | '–' | '一' | '_' | '第'));
    if first.is_none() || (page_start && crate::parsers::page_number(line.trim()).is_ok()) {
        return false;
    }
    if memchr::memchr(b'\t', line.as_bytes()).is_some() || first == Some('|') {
        return true;
    }
    // The line's last value, read once for the prose exit and the trailing values.
    let end = line.trim_end_matches(crate::parsers::is_blank);
    let last = last_value(end);
    if last.is_none() && is_prose_text(line) {
        return false;
    }
    is_table_line_rest(line, end, last)
}

/// [`is_table_line`] past its quick checks (a line with no tab, not starting with `|`):
/// `end` is the line trimmed at the end and `last` its [`last_value`].
fn is_table_line_rest(line: &str, end: &str, last: Option<&str>) -> bool {
    // Split off trailing numbers and dashes: `规 章 0 0 0`, `（七）总计 21 0 0 0 0 0 21`.
    let (label_text, nvals) = trailing_values(end, last);
    if label_text.is_empty() || nvals >= 3 {
        return true;
    }
    // A row label with its digits glued on (`（七）总计9000009`, a flattened web table,
    // extra-samples 104): the label alone decides.
    if nvals == 0 && ends_in_glued_digits(label_text) {
        let label = cell::norm_label_cow(label_text);
        // Not in a sentence: the tests of [`is_prose_text`] hold here too.
        let bytes = label.as_bytes();
        let long = label.chars().nth(60).is_some();
        let prose = label.contains('。')
            || bytes.contains(&b';')
            || (long && (bytes.contains(&b',') || bytes.contains(&b':')));
        let peeled = label.trim_end_matches(|c: char| c.is_ascii_digit());
        let row = matches!(vocab::recognize_app(peeled), Some(vocab::AppLabel::Row(_)))
            || vocab::recognize_active(peeled).is_some();
        if (row && !prose) || vocab::is_review_header(&label) {
            return true;
        }
    }
    // norm works char by char, so the norm of the label part is the norm of its tokens
    // joined: one String, sized up front. Folded, `；` is `;`, `，` is `,` and `：` is `:`, so
    // the punctuation tests below are byte searches.
    let label = cell::norm_label_cow(label_text);
    let label = &*label;
    let chars = label.chars().count();
    let bytes = label.as_bytes();
    let (stop, semicolon) = (label.contains('。'), bytes.contains(&b';'));
    let (comma, colon) = (bytes.contains(&b','), bytes.contains(&b':'));
    let prose = stop || semicolon;
    // Header words count in a caption, not in a sentence (`…其中结果维持 72 件，结果纠正…`),
    // except for the 勾稽 note, whose first line ends in a comma.
    let note = comma && (label.contains("勾稽") || label.contains("第三项加第四项"));
    let (body, marked) = vocab::strip_marker(label);
    // The key words, in one pass, for the label tests that need them (none of which runs on
    // prose or on more than 60 characters).
    let keys = if !prose && chars <= 60 {
        vocab::LabelKeys::of(label, label.len() - body.len())
    } else {
        vocab::LabelKeys::default()
    };
    if !prose && vocab::is_review_header(label) {
        return true;
    }
    if chars <= 40 && !prose && (!comma || note) && is_header_text(label, &keys) {
        return true;
    }
    // A row key counts when the label starts with a list marker or carries numbers, or when
    // what precedes the key is itself table wording (`法提供 2.没有现成…`, extra-samples 003);
    // a key inside a sentence (`…运用第三方检`, `禁将涉及国家秘密`) is prose.
    if !prose && chars <= 60 && keys.app(label).is_some() {
        // Where the first key word starts in the body.
        let pos = keys.first_word().map_or(0, |p| p - (label.len() - body.len()));
        let before = body.get(..pos).unwrap_or("");
        if marked || nvals > 0 || vocab::table_wording(before) {
            return true;
        }
    }
    // Section headings (`四、政府信息公开行政复议、行政诉讼情况`) and sub-headings.
    let b = body.trim_end_matches(['。', ':', '：']);
    if ["情况", "事项", "问题", "措施", "改进", "概述"].iter().any(|e| b.ends_with(e)) {
        return false;
    }
    if !prose && chars <= 30 && keys.active(body).is_some() && (marked || nvals > 0 || chars <= 12)
    {
        return true;
    }
    if nvals > 0 && chars <= 20 && !comma {
        return true;
    }
    // (An ASCII `;` does not end a label here.)
    if stop || colon {
        return false;
    }
    if comma {
        // Only the wrapped tail of a label with commas (`形，不计其他情形）`, extra-samples 012).
        return !marked && chars <= 16 && vocab::table_wording_tokens(line);
    }
    // One character of a vertical label (`三`, `、`, `本` … extra-samples 001), or a list
    // marker with at most one character after it (`三、`, `（三）不`, extra-samples 003).
    if chars == 1 || (marked && body.chars().count() <= 1) {
        return true;
    }
    // Fragments of wrapped labels and broken header cells (`计其他情形）`, `科研机`,
    // `维持 纠正  结果 审结`, `总计商 业 企`): unnumbered and made of table wording.
    !marked && (vocab::table_wording_tokens(line) || vocab::header_fragments(label))
}

/// Whether `s` ends in digits that follow a CJK character or a closing bracket: a value
/// glued to its label, as `lines::peel_glued` reads it.
fn ends_in_glued_digits(s: &str) -> bool {
    let body = s.trim_end_matches(|c: char| c.is_ascii_digit() || ('０'..='９').contains(&c));
    body.len() < s.len()
        && body.chars().next_back().is_some_and(|p| {
            (p as u32 >= 0x2E80 && !matches!(p, '、' | '．')) || matches!(p, ')' | '）')
        })
}

/// Splits a line (`end`: trimmed at the end; `last`: its [`last_value`]) into its label part
/// (trimmed at the end) and the number of number or dash tokens that end it, scanning back
/// from the end: no token list. The label part is empty when every token is a
/// value.
///
/// Counts at most three values: three make a table line whatever the label
/// ([`is_table_line_rest`]), so the label part is then what precedes the last three (a row
/// of table 三 has seven values, each a backward scan and a classification).
fn trailing_values<'a>(end: &'a str, last: Option<&str>) -> (&'a str, usize) {
    let mut rest = end;
    let mut nvals = 0;
    let mut value = last;
    while let Some(token) = value {
        nvals += 1;
        rest = rest.get(..rest.len() - token.len()).unwrap_or_default();
        rest = rest.trim_end_matches(crate::parsers::is_blank);
        if nvals == 3 {
            break;
        }
        value = last_value(rest);
    }
    (rest, nvals)
}

/// The last token of `s` (which ends in no space) when it is a number or a dash.
///
/// A number or a dash ends in a digit, `,`, `元`, a dash, a slash, `无` or `…` once folded;
/// most lines end otherwise (`。`, `，`, CJK text), and their last token (for a prose line,
/// the whole line) is then not scanned for.
fn last_value(s: &str) -> Option<&str> {
    let end = s.chars().next_back().map(crate::parsers::fold_char)?;
    if !matches!(end, '0'..='9' | ',' | '元' | '-' | '—' | '–' | '/' | '\\' | '无' | '…') {
        return None;
    }
    // What follows the last space, of any byte length.
    let start = s
        .char_indices()
        .rev()
        .find(|&(_, c)| crate::parsers::is_blank(c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let token = s.get(start..).unwrap_or_default();
    matches!(cell::classify(token), cell::CellKind::Number | cell::CellKind::Dash).then_some(token)
}

/// A quick exit of [`is_table_line`] for body text, which is most lines of a report: for a
/// line (with no tab and not starting with `|`) whose last token is not a number or a dash
/// (`nvals == 0` below; the caller checks it), whether it holds a `。`, or has more than 60
/// label characters and a colon or comma. For such a line every branch of `is_table_line`
/// before its
/// `label.contains(['。', '；', '：', ':'])` / `label.contains(['，', ','])` exits cannot return
/// true (they need `nvals > 0`, no `。`, or at most 60 characters), and those two return false.
/// This skips building the label and its several scans on most lines.
fn is_prose_text(line: &str) -> bool {
    if line.contains('。') {
        return true;
    }
    line.contains(['：', ':', '，', ','])
        && line.chars().filter_map(cell::norm_label_char).nth(60).is_some()
}

/// The quick exit as a whole: [`is_prose_text`] of a line whose last token is no value.
#[cfg(test)]
fn is_prose_line(line: &str) -> bool {
    let rest = line.trim_end_matches(crate::parsers::is_blank);
    !rest.is_empty() && last_value(rest).is_none() && is_prose_text(line)
}

/// Whether `t` is header text: a header word of the three tables occurs in it
/// ([`vocab::HEADER_WORDS`], found by `keys`), or it is a caption alone.
fn is_header_text(t: &str, keys: &vocab::LabelKeys) -> bool {
    // `行政复议 行政诉讼` and `总计` alone are captions; sentences mentioning them are not.
    keys.header || matches!(t, "行政复议" | "行政诉讼" | "行政复议行政诉讼" | "总计" | "合计")
}

#[cfg(test)]
mod tests {
    use super::is_table_line;

    proptest::proptest! {
        /// The quick exit never changes the answer: a prose line is no table line by the full
        /// rules either.
        #[test]
        fn prose_exit_agrees_with_the_full_rules(
            v in proptest::collection::vec(proptest::sample::select(vec![
                "。", "，", ",", "：", ":", "；", " ", "0", "12", "-", "—", "无", "一、", "(一)",
                "1.", "本年新收", "予以公开", "行政许可", "总计", "结果维持", "情况", "政府信息",
                "公开", "工作", "申请人情况", "其他", "第二十条", "7", "万元", "“", "一二三四五六七八九十",
            ]), 0..40)
        ) {
            let line = v.concat();
            if !line.contains('\t') && !line.trim_start().starts_with('|') && super::is_prose_line(&line) {
                let end = line.trim_end_matches(crate::parsers::is_blank);
                let last = super::last_value(end);
                proptest::prop_assert!(!super::is_table_line_rest(&line, end, last), "{line}");
            }
        }
    }

    proptest::proptest! {
        /// The quick test of the last character never hides a number or a dash.
        #[test]
        fn last_value_is_the_classified_last_token(
            v in proptest::collection::vec(proptest::sample::select(vec![
                " ", "\u{3000}", "\u{a0}", "。", "，", ",", "规", "a", "1", "１", "23", "-", "－",
                "—", "–", "/", "／", "\\", "无", "…", "元", "万元", "+", ".", "&nbsp;", "1.5", "x1",
            ]), 1..8)
        ) {
            let line = v.concat();
            let s = line.trim_end_matches(crate::parsers::is_blank);
            let token = s.split(crate::parsers::is_blank).next_back().unwrap_or_default();
            let value = !token.is_empty()
                && matches!(
                    super::cell::classify(token),
                    super::cell::CellKind::Number | super::cell::CellKind::Dash
                );
            proptest::prop_assert_eq!(super::last_value(s), value.then_some(token), "{}", line);
        }
    }

    #[test]
    fn table_lines() {
        let yes = [
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
            "结 果",
            "（七）总计 21 0 0 0 0 0 21",
            "计其他情形） 4 0 0 0 0 0 4",
            "（本列数据的勾稽关系为：第一项加第二项之和， 等",
            "申请人情况",
            "8.属于行政查询事项",
            "本年废止件数 现行有效件数",
            "其 他 结",
            "（三）不",
            "行政许可 550",
            "维持 纠正  结果 审结   结果 结果 其他 尚未 总 计结果 结果 其他 尚未 总计",
            "正、行政机关不再处理其政府信",
            "计其他情形）",
            "法提供 2.没有现成信息需要另行制作 11 0 0 0 0 0 11",
            "三",
            "、",
            "行政规范性文件 0 5 5",
            // Header words run into the next header fragment (extra-samples 003) and other
            // broken header cells; each must stay inside the table region.
            "总计商 业 企",
            "社 会 公 益",
            "法 律 服 务",
            "科研机",
            "机构",
            "组织",
            "业",
            "等于第三项加第四项之和）",
            "于第三项加第四项之和）                     自然人         社会  法律      总计",
            "商业  科研  公益  服务  其他",
            "企业  机构  组织  机构",
            "自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计",
            "总计自然人",
            "其他总计",
            "申请人情况 法人或其他组织",
            "结果维持结果纠正其他结果尚未审结总计",
            "未经复议直接起诉 复议后起诉",
            // Flattened web tables (extra-samples 102, 104, 106, 111): the header of table
            // 四 on one line, its words split or its row glued on; a row's digits glued on.
            "行政复议 行政诉讼 结果维持 结果 纠正 其他 结果 尚未 审结 总计 未经复议直接起诉 复议后起诉 结果 维持 结果 纠正 其他 结果 尚未 审结 总计 结果 维持 结果 纠正 其他 结果 尚未 审结 总计",
            "行政复议 行政诉讼 结果维持 结果纠正 其他结果 尚未审结 总计 未经复议直接起诉 复议后起诉 结果维持 结果纠正 其他结果 尚未审结 总计 结果维持 结果纠正 其他结果 尚未审结 总计 000000000000000",
            "行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计000000000000000",
            "（七）总计9000009",
            "政府集中采购191690.9913万元",
        ];
        let missed: Vec<&str> = yes.into_iter().filter(|l| !is_table_line(l)).collect();
        assert!(missed.is_empty(), "not table lines: {missed:?}");
        for l in [
            "三、收到和处理政府信息公开申请情况",
            "四、政府信息公开行政复议、行政诉讼情况",
            "五、存在的主要问题及改进情况",
            "二、主动公开政府信息情况",
            "2023年，我区共收到政府信息公开申请21件，均在法定期限内予以答复，其中予以公开5件。",
            "一、总体情况",
            "- 3 -",
            "（一）主动公开",
            "（二）依申请公开情况",
            "加强区政府门户网站及政务新媒体日常管理，运用第三方检",
            "府信息 5500 余条，全年新增公开市政府规章 1 件、市政府及市",
            "一是由于镇政府财力不足，人员紧缺，缺乏专业技术人才与专职人员。",
            "洪泽区人民政府",
            "2024年1月22日",
            "各行政机关答复的方式、格式、不予公开依据等更加规范，有效",
            "件，其中结果维持 72 件，结果纠正 64 件，其他结果 178 件，尚",
            "禁将涉及国家秘密、商业秘密和个人隐私及其他按规定不宜",
            "一是加强对信息内容的审核把关，严格执行“三审三校”程序，",
            "。本年新收0",
        ] {
            assert!(!is_table_line(l), "{l}");
        }
    }
}
