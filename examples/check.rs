//! Prints the diagnostics of reports rendered against their source, and exits 1 on any error.
//!
//! ```text
//! cargo run --example check -- [FILE]... [--deny warnings] [--allow CODE]...
//! ```
//!
//! Each FILE is text or an HTML page; `-` reads stdin; no FILE: the bundled sample 001.
//! `--allow CODE` (e.g. `ragged-row`) leaves that code out; `--deny warnings` makes a warning
//! fail like an error. Exit codes: 0 clean, 1 some report has errors (or denied warnings),
//! 2 bad usage or a file with no report to read.

use std::ffi::OsString;
use std::path::PathBuf;

use clap::{Parser, ValueEnum};
use gov_info_disclosure::{Code, Severity};

mod common;

use common::{arguments, bad_input, load, Io, BAD_INPUT, CLEAN, REPORT_ERRORS};

/// Prints the rendered diagnostics of reports; exits 1 on any error.
#[derive(Debug, Parser)]
#[command(name = "check", about, long_about = None)]
struct Cli {
    /// Reports (text or HTML); `-` reads stdin; none: the bundled sample.
    files: Vec<PathBuf>,
    /// Fail on these too.
    #[arg(long, value_enum)]
    deny: Vec<Deny>,
    /// Leave out diagnostics of this code (kebab-case, as in JSON: `ragged-row`).
    #[arg(long, value_name = "CODE", value_parser = code)]
    allow: Vec<Code>,
}

/// What `--deny` can make fatal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Deny {
    /// Warnings fail like errors.
    Warnings,
}

/// A diagnostic code by its JSON name.
fn code(s: &str) -> Result<Code, String> {
    s.parse::<Code>()
        .map_err(|_| format!("`{s}` is not a diagnostic code (e.g. ragged-row, balance-mismatch)"))
}

fn run(args: Vec<OsString>, io: &mut Io<'_>) -> u8 {
    let cli: Cli = match arguments(args, io) {
        Ok(cli) => cli,
        Err(code) => return code,
    };
    let files: Vec<Option<PathBuf>> =
        if cli.files.is_empty() { vec![None] } else { cli.files.into_iter().map(Some).collect() };
    let deny_warnings = cli.deny.contains(&Deny::Warnings);
    let mut status = CLEAN;
    for file in &files {
        let name = file.as_ref().map_or("bundled sample".into(), |f| f.display().to_string());
        let decoded = match load(file.as_deref(), io.stdin) {
            Ok(d) => d,
            Err(message) => {
                bad_input(io, message);
                status = BAD_INPUT;
                continue;
            }
        };
        let (mut errors, mut warnings) = (0, 0);
        for d in decoded.report.diagnostics().iter().filter(|d| !cli.allow.contains(&d.code)) {
            let _ = writeln!(io.out, "{}\n", d.display(&decoded.text));
            match d.severity {
                Severity::Error => errors += 1,
                Severity::Warning => warnings += 1,
                _ => {}
            }
        }
        let _ = writeln!(io.out, "{name}: {errors} errors, {warnings} warnings");
        if (errors > 0 || (deny_warnings && warnings > 0)) && status == CLEAN {
            status = REPORT_ERRORS;
        }
    }
    status
}

fn main() -> std::process::ExitCode {
    common::main_with(run)
}

#[cfg(test)]
mod tests {
    use super::*;
    use common::{assert_help, report_with_failed_check, run_tool, test_file};

    #[test]
    fn help_and_bad_usage() {
        assert_help(run, &["--deny", "--allow"]);
        let (code, _, err) = run_tool(run, &["--allow", "no-such-code"], b"");
        assert_eq!(code, 2);
        assert!(err.contains("not a diagnostic code"), "{err}");
        assert_eq!(run_tool(run, &["--deny", "notes"], b"").0, 2);
        let (code, _, err) = run_tool(run, &["/no/such/file"], b"");
        assert_eq!(code, 2);
        assert!(err.starts_with("error: cannot read"), "{err}");
    }

    #[test]
    fn warnings_pass_unless_denied_and_allow_removes_them() {
        let (code, out, _) = run_tool(run, &[], b"");
        assert_eq!(code, 0);
        assert!(
            out.contains("warning[ragged-row]") && out.ends_with("0 errors, 12 warnings\n"),
            "{out}"
        );
        assert_eq!(run_tool(run, &["--deny", "warnings"], b"").0, 1);
        let (code, out, _) = run_tool(run, &["--deny", "warnings", "--allow", "ragged-row"], b"");
        assert_eq!(code, 0);
        assert!(!out.contains("ragged-row"), "{out}");
    }

    #[test]
    fn an_error_exits_1() {
        let clean = test_file("tests/fixtures/year_over_year/qingshui_2021.txt");
        let broken = report_with_failed_check();
        let (code, out, _) = run_tool(run, &[&clean, "-"], broken.as_bytes());
        assert_eq!(code, 1);
        assert!(out.contains("qingshui_2021.txt: 0 errors, 0 warnings"), "{out}");
        assert!(out.contains("error[") && out.contains("-: "), "{out}");
    }
}
