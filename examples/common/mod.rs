//! What the example tools share: how they read input, parse arguments and exit, the key
//! totals of a report, and which diagnostics are failed 勾稽 checks.
//!
//! Each tool is `fn run(args, &mut Io) -> u8` called by a two-line `main`, so its own unit
//! tests run it in-process on strings (`cargo test` runs them) with the same arguments, output
//! and exit code as from a shell.
//!
//! Exit codes, the same for every tool: [`CLEAN`], [`REPORT_ERRORS`], [`BAD_INPUT`].

// Each tool uses a part of this module; what one leaves unused is used by another.
#![allow(dead_code)]

use std::ffi::OsString;
use std::io::{BufWriter, Read, Write};
use std::path::Path;
use std::process::ExitCode;

use gov_info_disclosure::{AnnualReport, ApplicantCounts, DecodedReport, Severity};

/// Exit code: the input was read and its report has no error.
pub const CLEAN: u8 = 0;
/// Exit code: a report has errors (a failed 勾稽 check, a missing table), or in `corpus`
/// some file failed.
pub const REPORT_ERRORS: u8 = 1;
/// Exit code: bad usage, or input that cannot be read or holds no report at all. clap exits
/// with the same code on a usage error.
pub const BAD_INPUT: u8 = 2;

/// Sample 001, parsed when a tool is given no file.
pub const BUNDLED: &str = include_str!("../../tests/data/001_8b9db0a3de107dcf.txt");

/// A tool's standard streams: the process's own in `main`, buffers in tests.
pub struct Io<'a> {
    /// Standard input (`-`).
    pub stdin: &'a mut dyn Read,
    /// Standard output: what the tool is for.
    pub out: &'a mut dyn Write,
    /// Standard error: why it failed, and progress.
    pub err: &'a mut dyn Write,
}

/// Runs a tool on the process's arguments and streams and exits with its code.
pub fn main_with(run: fn(Vec<OsString>, &mut Io<'_>) -> u8) -> ExitCode {
    let mut stdin = std::io::stdin().lock();
    let mut out = BufWriter::new(std::io::stdout().lock());
    let mut err = std::io::stderr().lock();
    let code = run(
        std::env::args_os().collect(),
        &mut Io { stdin: &mut stdin, out: &mut out, err: &mut err },
    );
    // A closed pipe (`| head`) is not an error worth reporting.
    let _ = out.flush();
    ExitCode::from(code)
}

/// The tool's arguments, or the exit code after clap printed help (stdout, 0) or a usage
/// error (stderr, 2).
pub fn arguments<C: clap::Parser>(args: Vec<OsString>, io: &mut Io<'_>) -> Result<C, u8> {
    C::try_parse_from(args).map_err(|e| {
        let text = e.render().to_string();
        let stream = if e.use_stderr() { &mut io.err } else { &mut io.out };
        let _ = write!(stream, "{text}");
        // clap's codes are ours: 0 for --help and --version, 2 for a usage error.
        u8::try_from(e.exit_code()).unwrap_or(BAD_INPUT)
    })
}

/// Prints `error: MESSAGE` on stderr and returns [`BAD_INPUT`].
pub fn bad_input(io: &mut Io<'_>, message: impl std::fmt::Display) -> u8 {
    let _ = writeln!(io.err, "error: {message}");
    BAD_INPUT
}

/// The bytes of FILE, of stdin for `-`, or of the bundled sample with no FILE; the error is
/// the message to print before exiting with [`BAD_INPUT`].
pub fn read_input(file: Option<&Path>, stdin: &mut dyn Read) -> Result<Vec<u8>, String> {
    match file {
        None => Ok(BUNDLED.as_bytes().to_vec()),
        Some(path) if path == Path::new("-") => {
            let mut bytes = Vec::new();
            stdin.read_to_end(&mut bytes).map_err(|e| format!("cannot read stdin: {e}"))?;
            Ok(bytes)
        }
        Some(path) => {
            std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
        }
    }
}

/// Reads and parses FILE (text or an HTML page, in any supported encoding); the error is
/// the message for [`BAD_INPUT`]: unreadable, undecodable, or no report at all.
pub fn load(file: Option<&Path>, stdin: &mut dyn Read) -> Result<DecodedReport, String> {
    let bytes = read_input(file, stdin)?;
    let name = file.map_or("the bundled sample".into(), |f| f.display().to_string());
    gov_info_disclosure::parse_bytes(&bytes).map_err(|e| format!("{name}: {e}"))
}

/// [`REPORT_ERRORS`] when the report has an error diagnostic, else [`CLEAN`].
pub fn report_status(report: &AnnualReport) -> u8 {
    if report.diagnostics.iter().any(|d| d.severity == Severity::Error) {
        REPORT_ERRORS
    } else {
        CLEAN
    }
}

/// The figures a reader looks at first: the counts of table 二, the 总计 column of table 三's
/// key rows, the 总计 of each block of table 四.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct KeyTotals {
    /// Table 二 行政许可 本年处理决定数量.
    pub licensing: Option<u64>,
    /// Table 二 行政处罚.
    pub punishment: Option<u64>,
    /// Table 二 行政强制.
    pub coercion: Option<u64>,
    /// Table 二 行政事业性收费 本年收费金额（万元）, as written.
    pub fees_10k_yuan: Option<String>,
    /// Table 三 一、本年新收.
    pub new_received: Option<u64>,
    /// Table 三 二、上年结转.
    pub carried_over: Option<u64>,
    /// Table 三 （一）予以公开.
    pub granted: Option<u64>,
    /// Table 三 （七）总计.
    pub total_processed: Option<u64>,
    /// Table 三 四、结转下年度继续办理.
    pub carried_forward: Option<u64>,
    /// Table 四 行政复议 总计.
    pub review: Option<u64>,
    /// Table 四 行政诉讼 未经复议直接起诉 总计.
    pub lawsuit_direct: Option<u64>,
    /// Table 四 行政诉讼 复议后起诉 总计.
    pub lawsuit_after_review: Option<u64>,
}

impl KeyTotals {
    /// The key totals of a report (all `None` for a table it lacks).
    pub fn of(r: &AnnualReport) -> KeyTotals {
        let mut k = KeyTotals::default();
        if let Some(t) = &r.active_disclosure {
            k.licensing = t.licensing.as_ref().and_then(|c| c.decisions);
            k.punishment = t.punishment.as_ref().and_then(|c| c.decisions);
            k.coercion = t.coercion.as_ref().and_then(|c| c.decisions);
            k.fees_10k_yuan = t
                .administrative_fees
                .as_ref()
                .and_then(|c| c.amount_10k_yuan.as_ref())
                .map(|d| d.to_string());
        }
        if let Some(t) = &r.applications {
            let total = |row: &Option<ApplicantCounts>| row.as_ref().and_then(|c| c.total);
            k.new_received = total(&t.new_received);
            k.carried_over = total(&t.carried_over);
            k.granted = total(&t.granted);
            k.total_processed = total(&t.total_processed);
            k.carried_forward = total(&t.carried_forward);
        }
        if let Some(t) = &r.reviews_and_lawsuits {
            k.review = t.review.total;
            k.lawsuit_direct = t.lawsuit_direct.total;
            k.lawsuit_after_review = t.lawsuit_after_review.total;
        }
        k
    }
}

/// A count for display: the number, or `-` for a blank or missing cell.
pub fn show(n: Option<u64>) -> String {
    n.map_or("-".to_string(), |n| n.to_string())
}

/// The edition's name in JSON (`2021`, `2019`, `legacy`, `unknown`).
pub fn edition_name(report: &AnnualReport) -> String {
    serde_json::to_value(report.edition)
        .ok()
        .and_then(|v| v.as_str().map(String::from))
        .unwrap_or_default()
}

/// Runs a tool in-process, as a test would from a shell: its exit code, stdout and stderr.
#[cfg(test)]
pub fn run_tool(
    run: fn(Vec<OsString>, &mut Io<'_>) -> u8,
    args: &[&str],
    stdin: &[u8],
) -> (u8, String, String) {
    let mut input = stdin;
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let args = std::iter::once("tool").chain(args.iter().copied()).map(OsString::from).collect();
    let code = run(args, &mut Io { stdin: &mut input, out: &mut out, err: &mut err });
    (code, String::from_utf8_lossy(&out).into_owned(), String::from_utf8_lossy(&err).into_owned())
}

/// A file of tests/ by its path from the crate root.
#[cfg(test)]
pub fn test_file(path: &str) -> String {
    format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))
}

/// Checks that `--help` exits 0 with the usage and each of `flags` on stdout.
#[cfg(test)]
pub fn assert_help(run: fn(Vec<OsString>, &mut Io<'_>) -> u8, flags: &[&str]) {
    let (code, out, err) = run_tool(run, &["--help"], b"");
    assert_eq!((code, err.as_str()), (0, ""));
    assert!(out.contains("Usage"), "{out}");
    for flag in flags {
        assert!(out.contains(flag), "{flag} missing from\n{out}");
    }
}

/// A clean fixture with one number changed: （七）总计 of 自然人 is 9 where its rows sum to 6,
/// so the report fails its row-total and balance checks.
#[cfg(test)]
pub fn report_with_failed_check() -> String {
    let clean = test_file("tests/fixtures/year_over_year/qingshui_2021.txt");
    let text = std::fs::read_to_string(clean).unwrap();
    assert!(text.contains("（七）总计 6 "));
    text.replacen("（七）总计 6 ", "（七）总计 9 ", 1)
}
