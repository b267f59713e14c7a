//! Prints a report's section tree, indented, with line numbers and the kind of each level-1
//! section, then every diagnostic rendered against the source.
//!
//! `cargo run --example outline -- FILE` (`-` reads stdin; no argument: bundled sample 001).

use std::io::Write;
use std::process::ExitCode;

use gov_info_disclosure::{LineIndex, ParseError, Section};

/// `println!` that ignores a closed pipe (`| head`) instead of panicking.
macro_rules! outln {
    ($($arg:tt)*) => {{
        let _ = writeln!(std::io::stdout().lock(), $($arg)*);
    }};
}

mod common;

use common::read;

fn print(section: &Section, depth: usize, index: &LineIndex) {
    let line = index.line(section.heading_span.start);
    let kind = section
        .kind
        .map(|k| format!("  [{}]", serde_json::to_string(&k).unwrap_or_default().trim_matches('"')))
        .unwrap_or_default();
    let extra = match (section.paragraphs.len(), section.tables.len()) {
        (p, 0) => format!("  ({p} paragraphs)"),
        (p, t) => format!("  ({p} paragraphs, {t} table region)"),
    };
    outln!("{line:>5}  {}{}{}{kind}{extra}", "  ".repeat(depth), section.marker, section.title);
    for sub in &section.subsections {
        print(sub, depth + 1, index);
    }
}

fn main() -> ExitCode {
    let arg = std::env::args().nth(1);
    let bytes = match read(arg.as_deref()) {
        Ok(bytes) => bytes,
        Err(message) => {
            eprintln!("error: {message}");
            return ExitCode::from(2);
        }
    };
    // UTF-8 (with or without BOM), UTF-16 with a BOM, or GB18030/GBK: spans point into the
    // decoded text.
    let (source, report) = match gov_info_disclosure::parse_bytes(&bytes) {
        Ok(decoded) => (decoded.text, decoded.report),
        Err(e @ ParseError::Undecodable { .. }) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    let index = LineIndex::new(&source);
    outln!("title:     {}", report.title);
    outln!("organ:     {}", report.organ.as_deref().unwrap_or("-"));
    outln!("year:      {}", report.year.map_or("-".to_string(), |y| y.to_string()));
    outln!("edition:   {}", serde_json::to_string(&report.edition).unwrap_or_default());
    if let Some(d) = report.published {
        outln!("published: {d}");
    }
    if let Some(sig) = &report.signature {
        let date = sig.date.map_or("-".to_string(), |d| d.to_string());
        outln!("signature: {} {date}", sig.organ.as_deref().unwrap_or("-"));
    }
    outln!();
    for section in &report.sections {
        print(section, 0, &index);
    }
    if !report.diagnostics.is_empty() {
        outln!();
    }
    for d in report.diagnostics() {
        outln!("{}", d.display(&source));
    }
    ExitCode::SUCCESS
}
