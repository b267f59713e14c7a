//! The per-input logic of the cargo-fuzz targets, kept in the library so that the fuzz targets
//! (`fuzz/fuzz_targets/*.rs`) and a normal test (`tests/fuzz_replay.rs`, which replays every
//! file under `fuzz/corpus` and `fuzz/artifacts`) run the same code. Not part of the API.
//!
//! Each function takes any bytes and panics (the fuzzer's "finding") only when a guarantee of
//! the crate is broken: a panic inside the crate, spans that do not tile the input or do not
//! sit on `char` boundaries, a report that does not serialize.

use serde_json::Value;

use crate::DiagnosticRenderer as Renderer;
use crate::{
    parse_bytes, parse_with, table, AnnualReport, Code, Diagnostic, ParseError, ParseOptions, Span,
    TableKind,
};

/// Target `html`: any bytes as an HTML page, through [`crate::parse_html`] on the lossily
/// decoded text and [`crate::parse_html_bytes`] on the bytes; every guarantee checked (spans
/// tile the HTML, sit on char boundaries, the JSON serializes, diagnostics render).
#[cfg(feature = "html")]
pub fn html_target(data: &[u8]) {
    let html = String::from_utf8_lossy(data);
    if let Ok(report) = crate::parse_html(&html) {
        check_report(&html, &report);
    }
    if let Ok(decoded) = crate::parse_html_bytes(data) {
        check_report(&decoded.text, &decoded.report);
    }
}

/// Target `parse`: any bytes through [`parse_bytes`]; every guarantee checked on the result.
pub fn parse_bytes_target(data: &[u8]) {
    match parse_bytes(data) {
        Ok(decoded) => {
            check_report(&decoded.text, &decoded.report);
            if decoded.encoding == crate::TextEncoding::Utf8 {
                let body = &data[decoded.bom_len..];
                let lossy = decoded.report.diagnostics.iter().any(|d| d.code == Code::InvalidBytes);
                if lossy {
                    // Lossy decoding (the default) replaces each malformed sequence by U+FFFD,
                    // as the WHATWG decoder and `from_utf8_lossy` do, and says so.
                    assert_eq!(decoded.text, String::from_utf8_lossy(body), "UTF-8 text altered");
                } else {
                    assert_eq!(decoded.text.as_bytes(), body, "UTF-8 text altered");
                }
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

/// Whether `rest` is a suffix of `input` as a sub-slice (not merely equal text at the end).
fn is_suffix(input: &str, rest: &str) -> bool {
    let end = input.as_ptr() as usize + input.len();
    rest.len() <= input.len() && rest.as_ptr() as usize + rest.len() == end
}

/// Target `parsers`: every public nom parser of [`parsers`](crate::parsers), and the table
/// reader, on the input (lossily decoded as UTF-8) and on each of its lines.
pub fn parsers_target(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    run_parsers(&text);
    for line in text.lines().take(64) {
        run_parsers(line);
    }
    // The table reader on the whole input as a region of each kind, then on a clipped region
    // whose ends come from the data (past the end, reversed, inside characters).
    let kinds =
        [TableKind::ActiveDisclosure, TableKind::Applications, TableKind::ReviewsAndLawsuits];
    let n = |i: usize| data.get(i).map_or(0, |&b| usize::from(b) * 7);
    for kind in kinds {
        for region in [Span::new(0, text.len()), Span::new(n(0), n(1))] {
            let mut diagnostics = Vec::new();
            let _ = table::read_table(&text, region, kind, &mut diagnostics);
            for d in &diagnostics {
                assert!(
                    d.span.end <= text.len() && d.span.slice(&text).len() == d.span.len(),
                    "table diagnostic span {:?} is not a slice of the input",
                    d.span
                );
            }
        }
    }
}

fn run_parsers(s: &str) {
    use crate::parsers::{
        arabic_number, chinese_numeral, date, fold, format_chinese_numeral, heading_marker,
        page_number,
    };
    if let Ok((rest, n)) = chinese_numeral(s) {
        assert!(is_suffix(s, rest), "chinese_numeral rest");
        // What the formatter writes for the value must read back as the value.
        if let Some(written) = format_chinese_numeral(n) {
            assert_eq!(chinese_numeral(&written), Ok(("", n)), "numeral {n} as `{written}`");
        }
    }
    if let Ok((rest, _)) = arabic_number(s) {
        assert!(is_suffix(s, rest), "arabic_number rest");
    }
    if let Ok((rest, marker)) = heading_marker(s) {
        assert!(is_suffix(s, rest), "heading_marker rest");
        assert!(s.starts_with(marker.text), "marker text is not the input's start");
    }
    if let Ok((rest, _)) = date(s) {
        assert!(is_suffix(s, rest), "date rest");
    }
    if let Ok((rest, _)) = page_number(s) {
        assert!(is_suffix(s, rest), "page_number rest");
    }
    let folded = fold(s);
    assert_eq!(fold(&folded.text).text, folded.text, "fold is not idempotent");
    for (i, _) in folded.text.char_indices().chain([(folded.text.len(), ' ')]) {
        let o = folded.original_offset(i);
        assert!(s.is_char_boundary(o), "fold maps {i} to {o}, not a char boundary");
    }
    let _ = table::is_table_line(s);
}

/// The layouts whose tables must read back exactly: every layout but
/// [`Layout::RunTogether`](crate::render::Layout::RunTogether), which cannot express a blank
/// cell and whose digit runs are ambiguous by nature (docs/format.md §6.3).
#[cfg(feature = "arbitrary")]
pub const ROUNDTRIP_LAYOUTS: [crate::render::Layout; 6] = {
    use crate::render::Layout::*;
    [Tab, Space, Aligned, OneCellRows, OneCellColumns, Markdown]
};

/// Target `roundtrip`: a report generated from the data ([`crate::generate`]) parses, keeps
/// every guarantee, and gives back its sections, edition and table 二 exactly (spans aside),
/// and tables 三 and 四 too when their totals are consistent.
///
/// # Panics
/// With the first difference found.
#[cfg(feature = "arbitrary")]
pub fn roundtrip_target(data: &[u8]) {
    if let Err(e) = roundtrip_check(data, &ROUNDTRIP_LAYOUTS) {
        panic!("{e}");
    }
}

/// The checks of [`roundtrip_target`] for reports whose tables use `layouts`, as a `Result`.
///
/// # Errors
/// A description of the first difference between what was generated and what was parsed.
#[cfg(feature = "arbitrary")]
pub fn roundtrip_check(data: &[u8], layouts: &[crate::render::Layout]) -> Result<(), String> {
    let mut u = arbitrary::Unstructured::new(data);
    let Ok(g) = crate::generate::report(&mut u, layouts) else { return Ok(()) };
    let report = crate::parse(&g.text).map_err(|e| format!("generated report rejected: {e}"))?;
    check_report(&g.text, &report);
    let titles: Vec<&str> = report.sections.iter().map(|s| s.title.as_str()).collect();
    if titles != g.section_titles {
        return Err(format!("sections {titles:?}, generated {:?}", g.section_titles));
    }
    if report.edition != g.edition {
        return Err(format!("edition {:?}, generated {:?}", report.edition, g.edition));
    }
    let same = |name: &str, parsed: Value, generated: Value| -> Result<(), String> {
        let (parsed, generated) = (without_spans(parsed), without_spans(generated));
        let diffs = json_diff(&parsed, &generated, name);
        if diffs.is_empty() {
            Ok(())
        } else {
            Err(format!(
                "table {name} in layouts {:?} reads back differently (parsed ≠ generated):\n{}",
                g.layouts,
                diffs.join("\n")
            ))
        }
    };
    fn json<T: serde::Serialize>(value: &T) -> Value {
        serde_json::to_value(value).unwrap_or(Value::Null)
    }
    same("二", json(&report.active_disclosure), json(&g.active_disclosure))?;
    // Tables 三 and 四 read back exactly when their totals are right. With random totals the
    // reader's arithmetic may rightly choose another reading (a row whose first cell is the
    // sum of the others looks like a 总计 column printed first): only the guarantees hold.
    if g.consistent {
        same("三", json(&report.applications), json(&g.applications))?;
        same("四", json(&report.reviews_and_lawsuits), json(&g.reviews_and_lawsuits))?;
    }
    if g.consistent {
        if let Some(d) = report.diagnostics.iter().find(|d| d.code.is_check()) {
            return Err(format!("consistent tables reported `{}`: {}", d.code, d.message));
        }
    }
    Ok(())
}

/// `value` with every `span` key removed, at any depth: the model compared without positions.
pub fn without_spans(value: Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.into_iter()
                .filter(|(k, _)| {
                    !matches!(k.as_str(), "span" | "heading_span" | "title_span" | "cells")
                })
                .map(|(k, v)| (k, without_spans(v)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.into_iter().map(without_spans).collect()),
        other => other,
    }
}

/// The paths where two JSON values differ, each as `  root.path: left ≠ right`.
pub fn json_diff(left: &Value, right: &Value, root: &str) -> Vec<String> {
    let mut out = Vec::new();
    diff_into(left, right, &mut root.to_string(), &mut out);
    out
}

fn diff_into(parsed: &Value, generated: &Value, path: &mut String, out: &mut Vec<String>) {
    match (parsed, generated) {
        (Value::Array(a), Value::Array(b)) if a.len() == b.len() => {
            for (i, (x, y)) in a.iter().zip(b).enumerate() {
                let len = path.len();
                path.push_str(&format!("[{i}]"));
                diff_into(x, y, path, out);
                path.truncate(len);
            }
        }
        (Value::Object(a), Value::Object(b)) => {
            for key in a.keys().chain(b.keys().filter(|k| !a.contains_key(*k))) {
                let len = path.len();
                path.push('.');
                path.push_str(key);
                let null = Value::Null;
                diff_into(a.get(key).unwrap_or(&null), b.get(key).unwrap_or(&null), path, out);
                path.truncate(len);
            }
        }
        (a, b) if a != b => out.push(format!("  {path}: {a} ≠ {b}")),
        _ => {}
    }
}
