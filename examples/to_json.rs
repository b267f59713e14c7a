//! Prints a report's JSON (the model of the crate docs) on stdout.
//!
//! ```text
//! cargo run --example to_json -- [FILE] [--compact] [--no-spans]
//! ```
//!
//! FILE is a report as text or as an HTML page, in UTF-8, UTF-16 with a BOM or GB18030/GBK;
//! `-` reads stdin; no FILE parses the bundled sample 001. Exit codes: 0 clean, 1 the report
//! has errors (the JSON is printed all the same), 2 bad usage or no report to read.

use std::ffi::OsString;
use std::path::PathBuf;

use clap::Parser;
use serde_json::Value;

mod common;

use common::{arguments, bad_input, load, report_status, Io};

/// Prints a report's JSON on stdout.
#[derive(Debug, Parser)]
#[command(name = "to_json", about, long_about = None)]
struct Cli {
    /// The report (text or HTML); `-` reads stdin; none: the bundled sample.
    file: Option<PathBuf>,
    /// One line instead of pretty-printed.
    #[arg(long)]
    compact: bool,
    /// Leave out byte spans (`span`, `*_span`, `cells` and other span lists).
    #[arg(long)]
    no_spans: bool,
}

fn run(args: Vec<OsString>, io: &mut Io<'_>) -> u8 {
    let cli: Cli = match arguments(args, io) {
        Ok(cli) => cli,
        Err(code) => return code,
    };
    let report = match load(cli.file.as_deref(), io.stdin) {
        Ok(decoded) => decoded.report,
        Err(message) => return bad_input(io, message),
    };
    let mut value = match serde_json::to_value(&report) {
        Ok(v) => v,
        Err(e) => return bad_input(io, format!("cannot serialize the report: {e}")),
    };
    if cli.no_spans {
        strip_spans(&mut value);
    }
    let json = if cli.compact { value.to_string() } else { format!("{value:#}") };
    let _ = writeln!(io.out, "{json}");
    report_status(&report)
}

/// Whether a JSON value is a span (`{"start": …, "end": …}`) or a list of spans and nulls.
fn is_span(v: &Value) -> bool {
    match v {
        Value::Object(o) => o.len() == 2 && o.contains_key("start") && o.contains_key("end"),
        Value::Array(a) => !a.is_empty() && a.iter().all(|x| x.is_null() || is_span(x)),
        _ => false,
    }
}

/// Removes every member that is a span, a list of spans, or named `span` / `*_span`.
fn strip_spans(v: &mut Value) {
    match v {
        Value::Object(o) => {
            o.retain(|k, x| !(k == "span" || k.ends_with("_span") || is_span(x)));
            o.values_mut().for_each(strip_spans);
        }
        Value::Array(a) => a.iter_mut().for_each(strip_spans),
        _ => {}
    }
}

fn main() -> std::process::ExitCode {
    common::main_with(run)
}

#[cfg(test)]
mod tests {
    use super::*;
    use common::{assert_help, report_with_failed_check, run_tool};

    #[test]
    fn help_and_bad_usage() {
        assert_help(run, &["--compact", "--no-spans"]);
        let (code, _, err) = run_tool(run, &["--bogus"], b"");
        assert_eq!(code, 2);
        assert!(err.contains("--bogus"), "{err}");
    }

    #[test]
    fn exit_codes() {
        let (code, out, _) = run_tool(run, &[], b"");
        assert_eq!(code, 0, "the bundled sample has no error");
        let parsed: Value = serde_json::from_str(&out).unwrap();
        assert!(parsed["title"].as_str().unwrap().contains("年度报告"));
        let (code, _, err) = run_tool(run, &["/no/such/file"], b"");
        assert_eq!(code, 2);
        assert!(err.starts_with("error: cannot read /no/such/file"), "{err}");
        let (code, _, err) = run_tool(run, &["-"], b"");
        assert_eq!((code, err.is_empty()), (2, false), "empty stdin is no report");
        let broken = report_with_failed_check();
        let (code, out, _) = run_tool(run, &["-", "--compact"], broken.as_bytes());
        assert_eq!(code, 1, "a failed check is an error");
        assert_eq!(out.lines().count(), 1);
    }

    #[test]
    fn no_spans_leaves_no_span() {
        let (_, out, _) = run_tool(run, &["--no-spans"], b"");
        let with = run_tool(run, &[], b"").1;
        assert!(!out.contains("\"start\"") && !out.contains("_span"));
        assert!(out.len() * 4 < with.len() * 3, "{} vs {}", out.len(), with.len());
        let parsed: Value = serde_json::from_str(&out).unwrap();
        assert!(parsed["sections"][0]["paragraphs"][0]["text"].is_string());
    }
}
