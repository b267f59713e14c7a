//! The per-input logic of the cargo-fuzz targets, kept in the library so that the fuzz targets
//! (`fuzz/fuzz_targets/*.rs`) and a normal test (`tests/fuzz_replay.rs`, which replays every
//! file under `fuzz/corpus` and `fuzz/artifacts`) run the same code. Not part of the API.
//!
//! Each function takes any bytes and panics (the fuzzer's "finding") only when a guarantee of
//! the crate is broken: a panic inside the crate, spans that do not tile the input or do not
//! sit on `char` boundaries, a report that does not serialize.

use serde_json::Value;

use crate::snippet::Renderer;
use crate::{
    parse_bytes, parse_with, AnnualReport, Code, Diagnostic, ParseError, ParseOptions, Span,
};

/// Target `parse`: any bytes through [`parse_bytes`]; every guarantee checked on the result.
pub fn parse_bytes_target(data: &[u8]) {
    match parse_bytes(data) {
        Ok(decoded) => {
            check_report(&decoded.text, &decoded.report);
            if decoded.encoding == crate::TextEncoding::Utf8 {
                assert_eq!(decoded.text.as_bytes(), &data[decoded.bom_len..], "UTF-8 text altered");
            }
            // A tight depth limit exercises the limit's own path on the same text.
            match parse_with(&decoded.text, &ParseOptions::new().max_heading_depth(1)) {
                Ok(report) => check_report(&decoded.text, &report),
                Err(e) => check_error(&e, decoded.text.len()),
            }
            render_arbitrary_span(&decoded.text, data);
        }
        Err(e) => {
            check_error(&e, data.len());
            render_arbitrary_span(&String::from_utf8_lossy(data), data);
        }
    }
}

/// Checks every guarantee of a parsed report against its source text.
///
/// # Panics
/// When one is broken, with a message naming it.
pub fn check_report(text: &str, report: &AnnualReport) {
    assert_eq!(report.span, Span::new(0, text.len()), "report span is not the whole input");
    if let Err(e) = report.check_coverage() {
        panic!("spans do not tile the input: {e}");
    }
    let json = serde_json::to_value(report).expect("report serializes to JSON");
    let mut spans = Vec::new();
    collect_spans(&json, &mut spans);
    for span in spans {
        assert!(
            span.start <= span.end
                && text.is_char_boundary(span.start)
                && text.is_char_boundary(span.end),
            "span {span:?} is reversed, past the end or not on a char boundary"
        );
    }
    let renderer = Renderer::new(text);
    for d in &report.diagnostics {
        let out = renderer.render(d);
        assert!(out.starts_with(d.severity.as_str()), "rendered diagnostic: {out}");
    }
}

fn check_error(e: &ParseError, len: usize) {
    assert!(!e.to_string().is_empty());
    if let ParseError::Undecodable { offset, .. } = e {
        assert!(*offset < len.max(1), "undecodable offset {offset} past the input ({len})");
    }
}

/// Every `{ "start": n, "end": m }` object in a JSON tree.
fn collect_spans(value: &Value, out: &mut Vec<Span>) {
    match value {
        Value::Object(map) => {
            if let (Some(Value::Number(s)), Some(Value::Number(e)), 2) =
                (map.get("start"), map.get("end"), map.len())
            {
                if let (Some(s), Some(e)) = (s.as_u64(), e.as_u64()) {
                    out.push(Span::new(s as usize, e as usize));
                }
            }
            map.values().for_each(|v| collect_spans(v, out));
        }
        Value::Array(items) => items.iter().for_each(|v| collect_spans(v, out)),
        _ => {}
    }
}

/// Renders a diagnostic whose spans come from the input bytes themselves, so the renderer
/// meets spans past the end, reversed and inside characters.
fn render_arbitrary_span(text: &str, data: &[u8]) {
    let n =
        |i: usize| data.get(i..i + 2).map_or(0, |b| usize::from(u16::from_le_bytes([b[0], b[1]])));
    let d = Diagnostic::warning(Code::UnparsedText, Span::new(n(0), n(2)), "fuzz")
        .with_label(Span::new(n(4), n(6)), "label")
        .with_note("note");
    let out = Renderer::new(text).render(&d);
    assert!(out.contains('^'), "no caret in: {out}");
}
