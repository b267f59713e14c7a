//! Prints what a report holds: its metadata, the key totals of its tables, the section tree
//! with line numbers, and the failed 勾稽 checks and other errors rendered against the source.
//!
//! ```text
//! cargo run --example outline -- [FILE] [--all]
//! ```
//!
//! FILE is text or an HTML page; `-` reads stdin; no FILE: the bundled sample 001. Warnings
//! and notes are counted by code (`--all` renders them too; the `check` tool filters them).
//! Exit codes: 0 clean, 1 the report has errors, 2 bad usage or no report to read.

use std::collections::BTreeMap;
use std::ffi::OsString;
use std::io::Write;
use std::path::PathBuf;

use clap::Parser;
use gov_info_disclosure::{LineIndex, Section, Severity};

mod common;

use common::{arguments, bad_input, edition_name, load, report_status, show, Io, KeyTotals};

/// Prints a report's metadata, key totals, section tree and errors.
#[derive(Debug, Parser)]
#[command(name = "outline", about, long_about = None)]
struct Cli {
    /// The report (text or HTML); `-` reads stdin; none: the bundled sample.
    file: Option<PathBuf>,
    /// Render every diagnostic, warnings and notes too.
    #[arg(long)]
    all: bool,
}

fn print(out: &mut dyn Write, section: &Section, depth: usize, index: &LineIndex) {
    let line = index.line(section.heading_span.start);
    let kind = section
        .kind
        .map(|k| format!("  [{}]", serde_json::to_string(&k).unwrap_or_default().trim_matches('"')))
        .unwrap_or_default();
    let extra = match (section.paragraphs.len(), section.tables.len()) {
        (p, 0) => format!("  ({p} paragraphs)"),
        (p, t) => format!("  ({p} paragraphs, {t} table region)"),
    };
    let indent = "  ".repeat(depth);
    let _ = writeln!(out, "{line:>5}  {indent}{}{}{kind}{extra}", section.marker, section.title);
    for sub in &section.subsections {
        print(out, sub, depth + 1, index);
    }
}

fn run(args: Vec<OsString>, io: &mut Io<'_>) -> u8 {
    let cli: Cli = match arguments(args, io) {
        Ok(cli) => cli,
        Err(code) => return code,
    };
    let (source, report) = match load(cli.file.as_deref(), io.stdin) {
        Ok(decoded) => (decoded.text, decoded.report),
        Err(message) => return bad_input(io, message),
    };
    let out = &mut *io.out;
    let index = LineIndex::new(&source);
    let _ = writeln!(out, "title:     {}", report.title);
    let _ = writeln!(out, "organ:     {}", report.organ.as_deref().unwrap_or("-"));
    let _ = writeln!(out, "year:      {}", report.year.map_or("-".into(), |y| y.to_string()));
    let _ = writeln!(out, "edition:   {}", edition_name(&report));
    if let Some(d) = report.published {
        let _ = writeln!(out, "published: {d}");
    }
    if let Some(sig) = &report.signature {
        let date = sig.date.map_or("-".to_string(), |d| d.to_string());
        let _ = writeln!(out, "signature: {} {date}", sig.organ.as_deref().unwrap_or("-"));
    }
    let k = KeyTotals::of(&report);
    let _ = writeln!(out);
    if report.active_disclosure.is_some() {
        let fees = k.fees_10k_yuan.as_deref().unwrap_or("-");
        let _ = writeln!(
            out,
            "table 二  行政许可 {}, 行政处罚 {}, 行政强制 {}, 行政事业性收费 {fees} 万元",
            show(k.licensing),
            show(k.punishment),
            show(k.coercion),
        );
    }
    if report.applications.is_some() {
        let _ = writeln!(
            out,
            "table 三  (总计) 本年新收 {} + 上年结转 {} = 办理结果总计 {} + 结转下年度 {}; 予以公开 {}",
            show(k.new_received),
            show(k.carried_over),
            show(k.total_processed),
            show(k.carried_forward),
            show(k.granted),
        );
    }
    if report.reviews_and_lawsuits.is_some() {
        let _ = writeln!(
            out,
            "table 四  (总计) 行政复议 {}, 行政诉讼 未经复议直接起诉 {}, 复议后起诉 {}",
            show(k.review),
            show(k.lawsuit_direct),
            show(k.lawsuit_after_review),
        );
    }
    let checks = report.diagnostics.iter().filter(|d| d.code.is_check()).count();
    let _ = writeln!(
        out,
        "勾稽 checks: {}",
        if checks == 0 { "none failed".into() } else { format!("{checks} failed") }
    );
    let _ = writeln!(out);
    for section in &report.sections {
        print(out, section, 0, &index);
    }
    let mut counted: BTreeMap<(Severity, String), usize> = BTreeMap::new();
    for d in report.diagnostics() {
        if cli.all || d.severity == Severity::Error {
            let _ = writeln!(out, "\n{}", d.display(&source));
        } else {
            *counted.entry((d.severity, d.code.to_string())).or_default() += 1;
        }
    }
    if !counted.is_empty() {
        let list: Vec<_> =
            counted.iter().map(|((s, code), n)| format!("{n} {} {code}", s.as_str())).collect();
        let _ = writeln!(out, "\nalso: {} (`--all` or the check tool shows them)", list.join(", "));
    }
    report_status(&report)
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
        assert_help(run, &["--all"]);
        assert_eq!(run_tool(run, &["a", "b"], b"").0, 2);
        assert_eq!(run_tool(run, &["/no/such/file"], b"").0, 2);
    }

    #[test]
    fn the_bundled_sample_shows_totals_and_counts_its_warnings() {
        let (code, out, err) = run_tool(run, &[], b"");
        assert_eq!((code, err.as_str()), (0, ""));
        assert!(out.contains("table 三  (总计) 本年新收"), "{out}");
        assert!(out.contains("勾稽 checks: none failed"), "{out}");
        assert!(out.contains("warning ragged-row"), "{out}");
        assert!(!out.contains("warning[ragged-row]"), "warnings are counted, not rendered");
        assert!(run_tool(run, &["--all"], b"").1.contains("warning[ragged-row]"));
    }

    #[test]
    fn a_failed_check_is_rendered_and_exits_1() {
        let text = report_with_failed_check();
        let (code, out, _) = run_tool(run, &["-"], text.as_bytes());
        assert_eq!(code, 1);
        assert!(out.contains("勾稽 checks: ") && !out.contains("none failed"), "{out}");
        assert!(
            out.contains("error[row-total-mismatch]") || out.contains("error[balance-mismatch]"),
            "{out}"
        );
    }
}
