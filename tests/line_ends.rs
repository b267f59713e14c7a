//! Line ends: every sample with its `\n` rewritten to `\r` (classic Mac, some extractors) and
//! to `\r\n` (Windows) gives the model it gives with `\n` — tables, checks and diagnostics.

use gov_info_disclosure::{parse, AnnualReport};
use serde_json::Value;

/// The report's JSON without spans (the `\r\n` text is longer) and without the diagnostics'
/// positions; everything else must be equal.
fn model(r: &AnnualReport) -> Value {
    fn strip(v: &mut Value) {
        match v {
            Value::Object(m) => {
                m.retain(|k, _| {
                    !matches!(
                        k.as_str(),
                        "span" | "cells" | "heading_span" | "title_span" | "related"
                    )
                });
                m.values_mut().for_each(strip);
            }
            Value::Array(a) => a.iter_mut().for_each(strip),
            _ => {}
        }
    }
    let mut v = serde_json::to_value(r).unwrap();
    strip(&mut v);
    v
}

#[test]
fn every_sample_reads_alike_with_any_line_end() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data");
    let mut seen = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "txt") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap().replace("\r\n", "\n");
        let want = model(&parse(&text).unwrap());
        for end in ["\r", "\r\n"] {
            let other = text.replace('\n', end);
            let got = parse(&other).unwrap();
            assert_eq!(got.check_coverage(), Ok(()));
            assert_eq!(model(&got), want, "{} with {end:?} line ends", path.display());
        }
        seen += 1;
    }
    assert_eq!(seen, 5, "the five samples");
}

/// The table-四 case that read `review.total = 11` with lone `\r` line ends when the table
/// reader split its region by `\n` itself.
#[test]
fn table_four_with_lone_cr_line_ends() {
    let text = "某县人民政府2023年政府信息公开工作年度报告\n一、总体情况\n本年度情况良好。\n\
                四、政府信息公开行政复议、行政诉讼情况\n行政复议\t行政诉讼\n\
                1\t1\t0\t1\t3\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\n五、存在的主要问题及改进情况\n无。\n";
    for end in ["\n", "\r", "\r\n"] {
        let t = text.replace('\n', end);
        let r = parse(&t).unwrap();
        let t4 = r.reviews_and_lawsuits.as_ref().expect("table 四");
        assert_eq!(t4.review.total, Some(3), "{end:?}");
        assert_eq!(t4.lawsuit_direct.total, Some(0), "{end:?}");
    }
}
