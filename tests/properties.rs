//! Properties of the whole crate, checked by proptest on at least 1 000 cases each:
//!
//! 1. `parse` never panics on strings biased to what reports are made of (CJK, full-width
//!    forms, tabs, `\r\n`, heading markers, table labels, digits), and every report it returns
//!    keeps the guarantees: spans tile the input on `char` boundaries, the JSON serializes,
//!    diagnostics render (`fuzzing::check_report`, shared with the fuzz targets).
//! 2. `parse_bytes` of the GB18030 and UTF-16 encodings of such a string gives the same text
//!    and the same model as `parse` of the string.
//! 3. Folding is idempotent.
//! 4. Full-width and half-width variants of a sample report give the same model once spans
//!    are ignored and text is folded.
//! 5. Chinese numerals round-trip through `format_chinese_numeral` and `chinese_numeral`.
//! 6. (feature `arbitrary`) Generated reports read back: sections, edition and tables.

use std::path::Path;

use gov_info_disclosure::internals::fuzzing::{check_report, json_diff, without_spans};
use gov_info_disclosure::parsers::{chinese_numeral, fold, format_chinese_numeral};
use gov_info_disclosure::{parse, parse_bytes, AnnualReport, Code, TextEncoding};
use proptest::prelude::*;
use serde_json::Value;

fn config() -> ProptestConfig {
    ProptestConfig { cases: 1000, ..ProptestConfig::default() }
}

/// Pieces of reports: markers in every style, section and table words, numbers, separators.
const TOKENS: &[&str] = &[
    "一、",
    "二、",
    "三、",
    "四、",
    "五、",
    "六、",
    "十一、",
    "（一）",
    "（二）",
    "(一)",
    "(三)",
    "1.",
    "2．",
    "3、",
    "（1）",
    "(2)",
    "①",
    "②",
    "一是",
    "总体情况",
    "主动公开政府信息情况",
    "收到和处理政府信息公开申请情况",
    "政府信息公开行政复议、行政诉讼情况",
    "存在的主要问题及改进情况",
    "其他需要报告的事项",
    "政府信息公开工作年度报告",
    "人民政府",
    "2023年",
    "发布日期：",
    "2024年1月22日",
    "第二十条第（一）项",
    "信息内容",
    "本年制发件数",
    "规章",
    "行政许可",
    "行政事业性收费",
    "本年新收政府信息公开申请数量",
    "上年结转",
    "三、本年度办理结果",
    "（一）予以公开",
    "1.属于国家秘密",
    "（七）总计",
    "四、结转下年度继续办理",
    "自然人",
    "商业企业",
    "总计",
    "行政复议",
    "结果维持",
    "尚未审结",
    "申请人情况",
    "0",
    "1",
    "12",
    "530010360",
    "24252.311082",
    "１２",
    "+1036",
    "-185",
    "\t",
    "\t0\t0\t0",
    "\r\n",
    "\n",
    "\n\n",
    " ",
    "\u{3000}",
    "\u{feff}",
    "- 3 -",
    "第 1 页",
    "—",
    "/",
    "无",
    "。",
    "，",
    "：",
    "（",
    "）",
    "|",
    "| --- |",
];

/// Strings biased to report material: tokens, CJK, full-width forms, digits and any char.
fn report_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        6 => proptest::sample::select(TOKENS).prop_map(str::to_string),
        2 => proptest::char::range('\u{4e00}', '\u{9fa5}').prop_map(String::from),
        1 => proptest::char::range('\u{ff01}', '\u{ff5e}').prop_map(String::from),
        1 => proptest::char::range('0', '9').prop_map(String::from),
        1 => any::<char>().prop_map(String::from),
    ];
    proptest::collection::vec(piece, 0..80).prop_map(|v| v.concat())
}

fn samples() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("tests/data")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths.iter().map(|p| std::fs::read_to_string(p).expect("UTF-8 sample")).collect()
}

/// The model as JSON with spans removed and every string folded, so that a report and its
/// full-width/half-width variant compare equal.
fn content(report: &AnnualReport) -> Value {
    fn fold_strings(v: Value) -> Value {
        match v {
            Value::String(s) => Value::String(fold(&s).text),
            Value::Array(a) => Value::Array(a.into_iter().map(fold_strings).collect()),
            Value::Object(m) => {
                Value::Object(m.into_iter().map(|(k, v)| (k, fold_strings(v))).collect())
            }
            other => other,
        }
    }
    let mut json = serde_json::to_value(report).expect("serializes");
    // Diagnostics quote the source as written; compare their codes only.
    if let Some(Value::Array(ds)) = json.get_mut("diagnostics") {
        for d in ds.iter_mut() {
            *d = d.get("code").cloned().unwrap_or(Value::Null);
        }
    }
    fold_strings(without_spans(json))
}

/// Switches characters between their half-width (U+0021–U+007E) and full-width (U+FF01–U+FF5E)
/// forms: each candidate with probability `percent`/100, decided by a small PRNG seeded with
/// `seed`. Spaces are left alone: ASCII and ideographic spaces are layout (indentation, column
/// alignment), and the paragraph normalizer removes only ASCII spaces between CJK and digits.
fn switch_width(text: &str, to_full: bool, percent: u64, mut seed: u64) -> String {
    let mut coin = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed % 100 < percent
    };
    text.chars()
        .map(|c| match c {
            '!'..='~' if to_full && coin() => char::from_u32(c as u32 + 0xFEE0).unwrap_or(c),
            '\u{ff01}'..='\u{ff5e}' if !to_full && coin() => {
                char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
            }
            c => c,
        })
        .collect()
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn parse_never_panics_and_keeps_every_guarantee(s in report_like()) {
        if let Ok(report) = parse(&s) {
            check_report(&s, &report);
        }
    }

    #[test]
    fn other_encodings_give_the_same_model(s in report_like()) {
        let Ok(expected) = parse(&s) else { return Ok(()) };
        let (gb, _, unmappable) = encoding_rs::GB18030.encode(&s);
        prop_assume!(!unmappable && !s.starts_with('\u{feff}'));
        // A short GB18030 string can also be valid UTF-8 (`\xd2\xbb`, 一, is U+04BB), and
        // valid UTF-8 is read as UTF-8: such strings say nothing about the GB18030 path.
        prop_assume!(gb.as_ref() == s.as_bytes() || std::str::from_utf8(&gb).is_err());
        // Text GB18030 cannot carry: some private-use characters encode to the bytes of the
        // standard characters GB18030-2022 moved them to (`\u{e843}` → `龹`, U+9FB9), so the
        // bytes hold other text and no decoder could give `s` back.
        let (back, _) = encoding_rs::GB18030.decode_without_bom_handling(&gb);
        prop_assume!(back == s);
        let le: Vec<u8> = [0xff, 0xfe].into_iter()
            .chain(s.encode_utf16().flat_map(u16::to_le_bytes)).collect();
        for bytes in [gb.into_owned(), le] {
            let mut decoded = parse_bytes(&bytes).expect("parses like the UTF-8 text");
            // GB18030 text that happens to be valid UTF-8 (ASCII only) is read as UTF-8.
            prop_assert!(matches!(decoded.encoding,
                TextEncoding::Gb18030 | TextEncoding::Utf16Le | TextEncoding::Utf8));
            prop_assert_eq!(&decoded.text, &s);
            decoded.report.diagnostics.retain(|d| d.code != Code::Decoded);
            prop_assert_eq!(&decoded.report, &expected);
        }
    }

    #[test]
    fn folding_is_idempotent(s in report_like()) {
        let once = fold(&s).text;
        prop_assert_eq!(fold(&once).text, once);
    }

    /// Only on the samples that are not hard-wrapped (001, 002, 003: one paragraph per line,
    /// from web pages). In 000 and 004 a PDF extractor broke lines at a fixed display width,
    /// which the outline uses as evidence (a line that fills the wrap width is prose, not a
    /// heading); switching widths changes line widths, which makes a document no extractor
    /// would produce.
    #[test]
    fn full_and_half_width_variants_give_the_same_model(
        sample in 1usize..=3,
        to_full in any::<bool>(),
        percent in 1u64..=100,
        seed in 1u64..,
    ) {
        let samples = samples();
        let text = &samples[sample];
        let variant = switch_width(text, to_full, percent, seed);
        let (a, b) = (parse(text).expect("sample parses"), parse(&variant).expect("variant parses"));
        check_report(&variant, &b);
        let diffs = json_diff(&content(&a), &content(&b), "report");
        prop_assert!(diffs.is_empty(), "the variant differs:\n{}\n{variant}", diffs.join("\n"));
    }

    #[test]
    fn numerals_round_trip(n in 0u64..=99_999_999) {
        let written = format_chinese_numeral(n).expect("formats every n below 10^8");
        prop_assert_eq!(chinese_numeral(&written), Ok(("", n)));
    }
}

#[cfg(feature = "arbitrary")]
proptest! {
    #![proptest_config(config())]

    #[test]
    fn generated_reports_read_back(bytes in proptest::collection::vec(any::<u8>(), 64..4096)) {
        let result = gov_info_disclosure::internals::fuzzing::roundtrip_check(
            &bytes,
            &gov_info_disclosure::internals::fuzzing::ROUNDTRIP_LAYOUTS,
        );
        prop_assert_eq!(result, Ok(()));
    }
}
