//! Shared by the tests that compare the models of one report in several forms.
#![allow(dead_code)] // each test file uses a different part of this module

use gov_info_disclosure::{AnnualReport, Code};
use serde_json::Value;

/// The four 勾稽 checks: their diagnostics are part of a report's model.
pub const CHECKS: [Code; 4] = [
    Code::BalanceMismatch,
    Code::RowTotalMismatch,
    Code::ColumnTotalMismatch,
    Code::OutcomeTotalMismatch,
];

/// `v` without its spans and cell spans (the forms of a report differ in their bytes).
pub fn strip_spans(v: &mut Value) {
    match v {
        Value::Object(m) => {
            m.retain(|k, _| k != "span" && k != "cells");
            m.values_mut().for_each(strip_spans);
        }
        Value::Array(a) => a.iter_mut().for_each(strip_spans),
        _ => {}
    }
}

/// The three tables of `r` without spans.
pub fn tables(r: &AnnualReport) -> Value {
    let mut t = serde_json::json!([r.active_disclosure, r.applications, r.reviews_and_lawsuits]);
    strip_spans(&mut t);
    t
}

/// The code and message of each diagnostic of `r` whose code is among `codes`.
pub fn diagnostics_of<'a>(r: &'a AnnualReport, codes: &[Code]) -> Vec<(Code, &'a str)> {
    r.diagnostics
        .iter()
        .filter(|d| codes.contains(&d.code))
        .map(|d| (d.code, d.message.as_str()))
        .collect()
}

/// Where two models differ, as `path: got != want` lines.
pub fn differences(got: &Value, want: &Value) -> String {
    fn walk(path: String, a: &Value, b: &Value, out: &mut Vec<String>) {
        match (a, b) {
            (Value::Object(x), Value::Object(y)) => {
                for (k, v) in y {
                    walk(format!("{path}.{k}"), x.get(k).unwrap_or(&Value::Null), v, out);
                }
            }
            (Value::Array(x), Value::Array(y)) if x.len() == y.len() => {
                for (i, (p, q)) in x.iter().zip(y).enumerate() {
                    walk(format!("{path}[{i}]"), p, q, out);
                }
            }
            _ if a != b => out.push(format!("{path}: {a} != {b}")),
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(String::new(), got, want, &mut out);
    out.join("\n")
}
