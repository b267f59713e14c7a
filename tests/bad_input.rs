//! Issue 14: every bad input gets a diagnostic that names it, and no number is shifted, merged
//! or dropped silently. One test per numbered item of the issue, on the minimal inputs it
//! describes.

use gov_info_disclosure::table::{read_table, TableData};
use gov_info_disclosure::{parse, AnnualReport, Code, Diagnostic, Span, TableKind};

/// A report whose section 三 holds `rows` (section 四 empty).
fn report_with_table3(rows: &str) -> String {
    format!(
        "某县人民政府2023年政府信息公开工作年度报告\n一、总体情况\n本年度工作平稳。\n\
         二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n{rows}\n\
         四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n无。\n\
         六、其他需要报告的事项\n无。\n"
    )
}

/// The diagnostics of `code` whose span is exactly the bytes `cell` of `text`.
fn naming<'a>(r: &'a AnnualReport, text: &str, code: Code, cell: &str) -> Vec<&'a Diagnostic> {
    r.diagnostics.iter().filter(|d| d.code == code && d.span.slice(text) == cell).collect()
}

/// Row 一、本年新收 of table 三, as read.
fn new_received(text: &str) -> (AnnualReport, [Option<u64>; 7]) {
    let r = parse(text).expect("parses");
    let row = r.applications.as_ref().and_then(|a| a.new_received.as_ref()).expect("row read");
    let values = row.values();
    (r, values)
}

/// Item 1: a cell that is no plain count stays in its column; no later cell moves into its
/// place, and one diagnostic names it. `十二` and `12件` are read, with a note.
#[test]
fn item1_a_bad_cell_keeps_its_column() {
    for (cell, first) in [("十二", Some(12)), ("12件", Some(12)), ("1.5万", None), ("1e3", None)]
    {
        let text =
            report_with_table3(&format!("一、本年新收政府信息公开申请数量 {cell} 0 0 0 1 0 13"));
        let (r, values) = new_received(&text);
        assert_eq!(
            values,
            [first, Some(0), Some(0), Some(0), Some(1), Some(0), Some(13)],
            "{cell}"
        );
        let named = naming(&r, &text, Code::InvalidCell, cell);
        assert_eq!(named.len(), 1, "{cell}: {:?}", r.diagnostics);
        assert!(named[0].message.contains(cell), "{}", named[0].message);
        assert!(!r.diagnostics.iter().any(|d| d.code == Code::RaggedRow), "{cell}");
    }
}

/// Item 1: with its first and last cells bad, the row is still read (not `missing-row`), and
/// both cells are named.
#[test]
fn item1_a_row_with_bad_ends_is_not_dropped() {
    let text = report_with_table3("一、本年新收政府信息公开申请数量 1e3 0 0 0 1 0 x3");
    let (r, values) = new_received(&text);
    assert_eq!(values, [None, Some(0), Some(0), Some(0), Some(1), Some(0), None]);
    assert_eq!(naming(&r, &text, Code::InvalidCell, "1e3").len(), 1);
    assert_eq!(naming(&r, &text, Code::InvalidCell, "x3").len(), 1);
    let missing =
        r.diagnostics.iter().find(|d| d.code == Code::MissingRow).expect("others missing");
    assert!(!missing.message.contains("一、本年新收"), "{}", missing.message);
}

/// Item 1: `行政许可\t447件` is the row 行政许可 with 447 decisions, not a missing row.
#[test]
fn item1_a_count_with_its_unit_is_read() {
    let text = "信息内容\t本年处理决定数量\n行政许可\t447件\n";
    let mut diags = Vec::new();
    let t = read_table(text, Span::new(0, text.len()), TableKind::ActiveDisclosure, &mut diags);
    let Some(TableData::ActiveDisclosure(t)) = t else { panic!("no table: {diags:?}") };
    assert_eq!(t.licensing.and_then(|l| l.decisions), Some(447));
    let notes: Vec<_> = diags.iter().filter(|d| d.code == Code::InvalidCell).collect();
    assert_eq!(notes.len(), 1, "{diags:?}");
    assert_eq!(notes[0].span.slice(text), "447件");
    assert!(!diags.iter().any(|d| d.code == Code::MissingRow && d.message.contains("行政许可")));
}

/// Item 1: a bad cell in table 四 keeps the blocks in place.
#[test]
fn item1_table4_blocks_do_not_shift() {
    let text = "行政复议\t行政诉讼\n2\t0\t十二\t0\t3\t11\t0\t0\t0\t11\t0\t0\t1,2\t0\t0\n";
    let mut diags = Vec::new();
    let t = read_table(text, Span::new(0, text.len()), TableKind::ReviewsAndLawsuits, &mut diags);
    let Some(TableData::ReviewsAndLawsuits(t)) = t else { panic!("no table: {diags:?}") };
    assert_eq!(t.review.other, Some(12));
    assert_eq!(t.review.total, Some(3));
    assert_eq!(t.lawsuit_direct.total, Some(11));
    assert_eq!(t.lawsuit_after_review.other, None);
    assert_eq!(t.lawsuit_after_review.total, Some(0));
    let named: Vec<&str> =
        diags.iter().filter(|d| d.code == Code::InvalidCell).map(|d| d.span.slice(text)).collect();
    assert_eq!(named, ["十二", "1,2"]);
}

/// Item 2: commas are thousands separators only: `1,2` and `4,4,7` are no numbers (named,
/// left blank), `1,234` is 1234.
#[test]
fn item2_commas_only_in_groups_of_three() {
    let text = report_with_table3("一、本年新收政府信息公开申请数量 1,2 0 0 0 1,234 0 4,4,7");
    let (r, values) = new_received(&text);
    assert_eq!(values, [None, Some(0), Some(0), Some(0), Some(1234), Some(0), None]);
    assert_eq!(naming(&r, &text, Code::InvalidCell, "1,2").len(), 1);
    assert_eq!(naming(&r, &text, Code::InvalidCell, "4,4,7").len(), 1);
    assert!(naming(&r, &text, Code::InvalidCell, "1,234").is_empty());
}

/// A small full report: table 三's first row, table 四 one line.
const SMALL: &str = "某县人民政府2023年政府信息公开工作年度报告\n一、总体情况\n本年度工作平稳。\n\
                     二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n\
                     一、本年新收政府信息公开申请数量\t10\t0\t0\t0\t2\t0\t12\n\
                     四、政府信息公开行政复议、行政诉讼情况\n\
                     行政复议\t行政诉讼\n2\t0\t1\t0\t3\t11\t0\t0\t0\t11\t0\t0\t0\t0\t0\n\
                     五、存在的主要问题及改进情况\n无。\n六、其他需要报告的事项\n无。\n";

/// The model of `text` without spans: what must not change when controls are added.
fn model(text: &str) -> (String, Vec<String>, serde_json::Value) {
    let r = parse(text).expect("parses");
    assert_eq!(r.check_coverage(), Ok(()));
    let titles = r.sections.iter().map(|s| s.title.clone()).collect();
    let mut tables = serde_json::json!([r.applications, r.reviews_and_lawsuits]);
    strip_spans(&mut tables);
    (r.title, titles, tables)
}

fn strip_spans(v: &mut serde_json::Value) {
    match v {
        serde_json::Value::Object(m) => {
            m.retain(|k, _| k != "span" && k != "cells");
            m.values_mut().for_each(strip_spans);
        }
        serde_json::Value::Array(a) => a.iter_mut().for_each(strip_spans),
        _ => {}
    }
}

/// Item 4: NUL after cells, or a control character after every character, changes nothing
/// but one `control-characters` note with the count; VT, FF, NEL, U+2028 and U+2029 as the
/// only line ends give the same sections.
#[test]
fn item4_control_characters_are_ignored_and_noted_once() {
    let want = model(SMALL);
    assert_eq!(want.1.len(), 6);
    let nul_after_cells = SMALL.replace("\t0", "\t0\0");
    let every_char: String = SMALL.chars().flat_map(|c| [c, '\u{1}']).collect();
    for (text, count) in [
        (nul_after_cells.clone(), SMALL.matches("\t0").count()),
        (every_char.clone(), SMALL.chars().count()),
    ] {
        assert_eq!(model(&text), want);
        let r = parse(&text).expect("parses");
        let notes: Vec<_> =
            r.diagnostics.iter().filter(|d| d.code == Code::ControlCharacters).collect();
        assert_eq!(notes.len(), 1);
        assert!(
            notes[0].message.contains(&format!("found {count} control")),
            "{}",
            notes[0].message
        );
        // Else the same diagnostics (table 二 is missing in both).
        let codes = |r: &AnnualReport| -> Vec<Code> {
            r.diagnostics.iter().map(|d| d.code).filter(|&c| c != Code::ControlCharacters).collect()
        };
        assert_eq!(codes(&r), codes(&parse(SMALL).expect("parses")));
    }
    for end in ["\u{b}", "\u{c}", "\u{85}", "\u{2028}", "\u{2029}", "\u{c}\n", "\r\u{c}"] {
        let text = SMALL.replace('\n', end);
        assert_eq!(model(&text), want, "{end:?}");
        let r = parse(&text).expect("parses");
        assert!(!r.diagnostics.iter().any(|d| d.code == Code::ControlCharacters), "{end:?}");
    }
}

/// Item 6: UTF-8 with one stray `0x80` is UTF-8 with one U+FFFD and an `invalid-bytes`
/// warning giving the offset (an error naming UTF-8, not gb18030, when lossy decoding is
/// off); UTF-16 without a BOM is detected in both byte orders.
#[test]
fn item6_encoding_errors_name_the_right_encoding() {
    use gov_info_disclosure::{
        parse_bytes, parse_bytes_with, ParseError, ParseOptions, TextEncoding,
    };
    let at = SMALL.find("本年度").expect("in SMALL");
    let mut bytes = SMALL.as_bytes().to_vec();
    bytes.insert(at, 0x80);
    let decoded = parse_bytes(&bytes).expect("lossy by default");
    assert_eq!(decoded.encoding, TextEncoding::Utf8);
    assert_eq!(decoded.text.matches('\u{FFFD}').count(), 1);
    let warning = &decoded.report.diagnostics[0];
    assert_eq!(warning.code, Code::InvalidBytes);
    assert!(warning.message.contains(&format!("at byte {at}")), "{}", warning.message);
    assert_eq!(warning.span.slice(&decoded.text), "\u{FFFD}");
    assert_eq!(model(&decoded.text), model(SMALL));
    let strict = parse_bytes_with(&bytes, &ParseOptions::new().lossy_decoding(false));
    assert_eq!(strict.unwrap_err(), ParseError::Undecodable { encoding: "UTF-8", offset: at });

    let le: Vec<u8> = SMALL.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let be: Vec<u8> = SMALL.encode_utf16().flat_map(u16::to_be_bytes).collect();
    for (bytes, encoding) in [(le, TextEncoding::Utf16Le), (be, TextEncoding::Utf16Be)] {
        let decoded = parse_bytes(&bytes).expect("decodes");
        assert_eq!((decoded.encoding, decoded.text.as_str()), (encoding, SMALL));
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
    /// For random rows of table 三 (tab-separated or space-separated) with one random cell
    /// replaced by junk, every other cell still reads right, and exactly one diagnostic of the
    /// table reader names the junk cell. (`—` is the template's own "no value": it reads as
    /// blank, and only the 勾稽 checks that treat it as 0 name it; they are left out here.)
    #[test]
    fn one_junk_cell_changes_only_itself(
        values in proptest::collection::vec(0u64..2000, 7),
        col in 0usize..7,
        junk in proptest::sample::select(vec!["十二", "12件", "1,2", "\0", "—"]),
        tabs in proptest::bool::ANY,
    ) {
        let sep = if tabs { "\t" } else { " " };
        let cells: Vec<String> = values
            .iter()
            .enumerate()
            .map(|(i, v)| if i == col { junk.to_string() } else { v.to_string() })
            .collect();
        let row = format!("一、本年新收政府信息公开申请数量{sep}{}", cells.join(sep));
        // A NUL alone between spaces leaves no cell at all: tabs only.
        proptest::prop_assume!(tabs || junk != "\0");
        let text = report_with_table3(&row);
        let (r, got) = new_received(&text);
        let want_junk = match junk {
            "十二" | "12件" => Some(12),
            _ => None,
        };
        for (i, (g, v)) in got.iter().zip(&values).enumerate() {
            let want = if i == col { want_junk } else { Some(*v) };
            proptest::prop_assert_eq!(*g, want, "cell {} of {}", i, row);
        }
        let junk_at = text.find(&row).expect("row") + "一、本年新收政府信息公开申请数量".len()
            + cells[..col].iter().map(|c| c.len() + sep.len()).sum::<usize>() + sep.len();
        let junk_span = Span::new(junk_at, junk_at + junk.len());
        let checks = [
            Code::BalanceMismatch,
            Code::RowTotalMismatch,
            Code::ColumnTotalMismatch,
            Code::OutcomeTotalMismatch,
            Code::BlankInCheck,
            Code::MissingRow,
            Code::TableMissing,
            Code::MissingSection,
        ];
        let named = r
            .diagnostics
            .iter()
            .filter(|d| !checks.contains(&d.code))
            .filter(|d| d.span.start < junk_span.end && junk_span.start < d.span.end)
            .count();
        proptest::prop_assert_eq!(named, usize::from(junk != "—"), "{:?}", r.diagnostics);
    }
}

/// Item 5: a region that holds table text yet yields no table gets `table-unread` with what it
/// found, never the "image?" message; `table-missing` stays for a region with nothing.
#[test]
fn item5_unread_table_text_is_not_called_an_image() {
    let text = "甲类 1 2 3 4 5 6 21\n乙类 1 2 3\n";
    let mut diags = Vec::new();
    let t = read_table(text, Span::new(0, text.len()), TableKind::Applications, &mut diags);
    assert!(t.is_none());
    let codes: Vec<Code> = diags.iter().map(|d| d.code).collect();
    assert!(codes.contains(&Code::TableUnread), "{diags:?}");
    assert!(!codes.contains(&Code::TableMissing), "{diags:?}");
    let unread = diags.iter().find(|d| d.code == Code::TableUnread).expect("unread");
    assert!(unread.message.contains("2 labelled line(s), 10 number(s)"), "{}", unread.message);
    assert!(!unread.message.contains("image"));

    let mut diags = Vec::new();
    let empty = "";
    assert!(read_table(empty, Span::new(0, 0), TableKind::Applications, &mut diags).is_none());
    assert_eq!(diags.iter().map(|d| d.code).collect::<Vec<_>>(), [Code::TableMissing]);
}
