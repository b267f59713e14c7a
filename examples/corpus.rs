//! Parses every report under a directory in parallel and writes one CSV row per report.
//!
//! ```text
//! cargo run --release --example corpus -- DIR [--out FILE.csv] [--all-files] [--threads N]
//! ```
//!
//! * `DIR` is walked recursively; every `*.txt` file is a report (`--all-files`: every file).
//! * Each file is read as bytes and parsed with [`gov_info_disclosure::parse_bytes`] on a
//!   rayon thread pool (`--threads N`, default: all cores).
//! * The CSV (to `--out FILE.csv`, else stdout) has one row per file, in path order: the
//!   metadata, the key counts of each table, the number of diagnostics by severity, and the
//!   error for a file that could not be read or parsed. A file that fails — even by a panic
//!   inside the parser — is a row with its error, never the end of the run.
//! * A progress bar goes to stderr, then a summary line:
//!   `reports: N, MB: …, seconds: …, MB/s: …, failures: …`.

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use gov_info_disclosure::{parse_bytes, DecodedReport, ParseError, Severity};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use serde::Serialize;

/// One CSV row: one report (or one failure).
#[derive(Debug, Default, Serialize)]
struct Row {
    /// Path relative to DIR.
    file: String,
    /// Size of the file.
    bytes: u64,
    /// Encoding detected (`Utf8`, …).
    encoding: Option<String>,
    organ: Option<String>,
    year: Option<u16>,
    /// `2021`, `2019`, `legacy` or `unknown`, as in the JSON.
    edition: Option<String>,
    /// Number of level-1 sections.
    sections: Option<usize>,
    // Table 二 主动公开.
    t2_licensing: Option<u64>,
    t2_punishment: Option<u64>,
    t2_coercion: Option<u64>,
    t2_fees_10k_yuan: Option<String>,
    // Table 三 依申请: the 总计 column of the key rows.
    t3_new_received: Option<u64>,
    t3_carried_over: Option<u64>,
    t3_granted: Option<u64>,
    t3_total_processed: Option<u64>,
    t3_carried_forward: Option<u64>,
    // Table 四 复议诉讼: the 总计 of each block.
    t4_review: Option<u64>,
    t4_lawsuit_direct: Option<u64>,
    t4_lawsuit_after_review: Option<u64>,
    errors: Option<usize>,
    warnings: Option<usize>,
    notes: Option<usize>,
    /// Why the file has no report: unreadable, a [`ParseError`], or a panic.
    failure: Option<String>,
}

/// What a whole run did.
#[derive(Debug)]
struct Summary {
    reports: usize,
    bytes: u64,
    /// Wall-clock time of the run.
    wall: Duration,
    /// Time spent inside the parser, summed over all threads.
    parse_cpu: Duration,
    failures: usize,
    panics: usize,
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mb = self.bytes as f64 / 1e6;
        let secs = self.wall.as_secs_f64();
        let parse = self.parse_cpu.as_secs_f64();
        write!(
            f,
            "reports: {}, MB: {:.2}, seconds: {:.2}, MB/s: {:.1}, failures: {} ({} panics); \
             parser alone: {:.2} CPU-seconds, {:.1} MB/s per core",
            self.reports,
            mb,
            secs,
            if secs > 0.0 { mb / secs } else { 0.0 },
            self.failures,
            self.panics,
            parse,
            if parse > 0.0 { mb / parse } else { 0.0 },
        )
    }
}

type ParseFn = dyn Fn(&[u8]) -> Result<DecodedReport, ParseError> + Sync;

/// Every report file under `dir`, sorted. Symbolic links are not followed (no cycles).
fn collect_files(dir: &Path, all_files: bool) -> std::io::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d)? {
            let entry = entry?;
            let kind = entry.file_type()?;
            let path = entry.path();
            if kind.is_dir() {
                stack.push(path);
            } else if kind.is_file()
                && (all_files || path.extension().is_some_and(|e| e.eq_ignore_ascii_case("txt")))
            {
                files.push(path);
            }
        }
    }
    files.sort();
    Ok(files)
}

fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "(non-string panic payload)".to_string()
    }
}

/// The row of one report; never panics (a panic in `parse` becomes the row's failure).
/// Returns the row, the time spent in `parse` and whether it panicked.
fn process(path: &Path, root: &Path, parse: &ParseFn) -> (Row, Duration, bool) {
    let file = path.strip_prefix(root).unwrap_or(path).display().to_string();
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            let row = Row { file, failure: Some(format!("cannot read: {e}")), ..Row::default() };
            return (row, Duration::ZERO, false);
        }
    };
    let mut row = Row { file, bytes: bytes.len() as u64, ..Row::default() };
    let start = Instant::now();
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| parse(&bytes)));
    let took = start.elapsed();
    let decoded = match result {
        Ok(Ok(decoded)) => decoded,
        Ok(Err(e)) => {
            row.failure = Some(e.to_string());
            return (row, took, false);
        }
        Err(payload) => {
            row.failure = Some(format!("parser panicked: {}", panic_message(&*payload)));
            return (row, took, true);
        }
    };
    fill(&mut row, &decoded);
    (row, took, false)
}

/// Copies the report's key figures into the row.
fn fill(row: &mut Row, decoded: &DecodedReport) {
    let r = &decoded.report;
    row.encoding = Some(format!("{:?}", decoded.encoding));
    row.organ = r.organ.clone();
    row.year = r.year;
    row.edition = serde_json::to_value(r.edition).ok().and_then(|v| v.as_str().map(String::from));
    row.sections = Some(r.sections.len());
    if let Some(t) = &r.active_disclosure {
        row.t2_licensing = t.licensing.as_ref().and_then(|c| c.decisions);
        row.t2_punishment = t.punishment.as_ref().and_then(|c| c.decisions);
        row.t2_coercion = t.coercion.as_ref().and_then(|c| c.decisions);
        row.t2_fees_10k_yuan = t
            .administrative_fees
            .as_ref()
            .and_then(|c| c.amount_10k_yuan.as_ref())
            .map(|d| d.to_string());
    }
    if let Some(t) = &r.applications {
        let total =
            |row: &Option<gov_info_disclosure::ApplicantCounts>| row.as_ref().and_then(|c| c.total);
        row.t3_new_received = total(&t.new_received);
        row.t3_carried_over = total(&t.carried_over);
        row.t3_granted = total(&t.granted);
        row.t3_total_processed = total(&t.total_processed);
        row.t3_carried_forward = total(&t.carried_forward);
    }
    if let Some(t) = &r.reviews_and_lawsuits {
        row.t4_review = t.review.total;
        row.t4_lawsuit_direct = t.lawsuit_direct.total;
        row.t4_lawsuit_after_review = t.lawsuit_after_review.total;
    }
    let count = |s: Severity| r.diagnostics.iter().filter(|d| d.severity == s).count();
    row.errors = Some(count(Severity::Error));
    row.warnings = Some(count(Severity::Warning));
    row.notes = Some(count(Severity::Note));
}

/// Parses every file in `files` in parallel; rows come back in the order of `files`.
fn run(
    files: &[PathBuf],
    root: &Path,
    parse: &ParseFn,
    progress: &ProgressBar,
) -> (Vec<Row>, Summary) {
    let start = Instant::now();
    let parse_cpu = Mutex::new(Duration::ZERO);
    let results: Vec<(Row, bool)> = files
        .par_iter()
        .map(|path| {
            let (row, took, panicked) = process(path, root, parse);
            if let Ok(mut t) = parse_cpu.lock() {
                *t += took;
            }
            progress.inc(1);
            (row, panicked)
        })
        .collect();
    let wall = start.elapsed();
    let summary = Summary {
        reports: results.len(),
        bytes: results.iter().map(|(r, _)| r.bytes).sum(),
        wall,
        parse_cpu: parse_cpu.into_inner().unwrap_or_default(),
        failures: results.iter().filter(|(r, _)| r.failure.is_some()).count(),
        panics: results.iter().filter(|(_, p)| *p).count(),
    };
    (results.into_iter().map(|(r, _)| r).collect(), summary)
}

fn write_csv<W: std::io::Write>(rows: &[Row], out: W) -> csv::Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    for row in rows {
        writer.serialize(row)?;
    }
    writer.flush()?;
    Ok(())
}

const USAGE: &str = "usage: corpus DIR [--out FILE.csv] [--all-files] [--threads N]\n\
     Parses every *.txt report under DIR in parallel; one CSV row per report.";

struct Args {
    dir: PathBuf,
    out: Option<PathBuf>,
    all_files: bool,
    threads: Option<usize>,
}

fn parse_args() -> Result<Args, String> {
    let mut dir = None;
    let mut out = None;
    let mut all_files = false;
    let mut threads = None;
    let mut args = std::env::args_os().skip(1);
    while let Some(arg) = args.next() {
        match arg.to_str() {
            Some("--out") => out = Some(PathBuf::from(args.next().ok_or("--out needs a file")?)),
            Some("--all-files") => all_files = true,
            Some("--threads") => {
                let n = args.next().and_then(|n| n.to_str()?.parse().ok());
                threads = Some(n.ok_or("--threads needs a number")?);
            }
            Some("-h" | "--help") => return Err(USAGE.to_string()),
            Some(s) if s.starts_with('-') => return Err(format!("unknown option {s}\n{USAGE}")),
            _ if dir.is_none() => dir = Some(PathBuf::from(arg)),
            _ => return Err(format!("more than one DIR\n{USAGE}")),
        }
    }
    Ok(Args { dir: dir.ok_or(USAGE)?, out, all_files, threads })
}

fn main() {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
    };
    if let Some(n) = args.threads {
        if let Err(e) = rayon::ThreadPoolBuilder::new().num_threads(n).build_global() {
            eprintln!("cannot set up {n} threads: {e}");
            std::process::exit(2);
        }
    }
    let start = Instant::now();
    let files = match collect_files(&args.dir, args.all_files) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("cannot list {}: {e}", args.dir.display());
            std::process::exit(2);
        }
    };
    // A panic inside the parser is caught and reported in its row; the default hook would
    // also print it over the progress bar.
    std::panic::set_hook(Box::new(|_| {}));
    let progress = ProgressBar::new(files.len() as u64);
    if let Ok(style) =
        ProgressStyle::with_template("{bar:40} {pos}/{len} reports, {per_sec}, eta {eta}")
    {
        progress.set_style(style);
    }
    let (rows, mut summary) = run(&files, &args.dir, &parse_bytes, &progress);
    progress.finish_and_clear();
    let written = match &args.out {
        Some(path) => std::fs::File::create(path)
            .map_err(csv::Error::from)
            .and_then(|f| write_csv(&rows, std::io::BufWriter::new(f))),
        None => write_csv(&rows, std::io::stdout().lock()),
    };
    // The summary's seconds cover the whole run: listing, reading, parsing, writing.
    summary.wall = start.elapsed();
    eprintln!("{summary}");
    if let Err(e) = written {
        eprintln!("cannot write the CSV: {e}");
        std::process::exit(1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn data_dir() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data")
    }

    /// A fresh empty directory under the system temp dir.
    fn temp_dir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("corpus-test-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("create temp dir");
        dir
    }

    #[test]
    fn every_sample_is_one_row_in_path_order() {
        let dir = data_dir();
        let files = collect_files(&dir, false).expect("list tests/data");
        assert!(files.len() >= 5, "expected the samples, found {files:?}");
        let (rows, summary) = run(&files, &dir, &parse_bytes, &ProgressBar::hidden());
        assert_eq!(rows.len(), files.len());
        assert_eq!(summary.reports, files.len());
        assert_eq!(summary.failures, 0, "{:?}", rows.iter().find(|r| r.failure.is_some()));
        for (row, path) in rows.iter().zip(&files) {
            assert_eq!(Path::new(&row.file), path.strip_prefix(&dir).unwrap());
            assert_eq!(row.bytes, std::fs::metadata(path).unwrap().len());
            assert!(row.errors.is_some() && row.sections.is_some());
        }
        assert_eq!(summary.bytes, rows.iter().map(|r| r.bytes).sum::<u64>());
    }

    #[test]
    fn failures_are_rows_not_crashes() {
        let dir = temp_dir("failures");
        std::fs::create_dir_all(dir.join("sub")).unwrap();
        std::fs::write(dir.join("empty.txt"), "").unwrap();
        std::fs::write(dir.join("sub/binary.TXT"), [0xff, 0xfe, 0x00, 0xd8, 0x00]).unwrap();
        std::fs::write(dir.join("skipped.pdf"), "%PDF").unwrap();
        let files = collect_files(&dir, false).unwrap();
        assert_eq!(files.len(), 2, "{files:?}: only *.txt, case-insensitive, recursively");
        assert_eq!(collect_files(&dir, true).unwrap().len(), 3);
        let (rows, summary) = run(&files, &dir, &parse_bytes, &ProgressBar::hidden());
        assert_eq!(summary.failures, 1 + usize::from(rows[1].failure.is_some()));
        assert_eq!(rows[0].file, "empty.txt");
        assert_eq!(rows[0].failure.as_deref(), Some(ParseError::Empty.to_string().as_str()));
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_panicking_parser_is_a_failed_row() {
        let dir = data_dir();
        let files = collect_files(&dir, false).unwrap();
        let boom = |_: &[u8]| -> Result<DecodedReport, ParseError> { panic!("boom") };
        let (rows, summary) = run(&files[..2], &dir, &boom, &ProgressBar::hidden());
        assert_eq!((summary.failures, summary.panics), (2, 2));
        assert_eq!(rows[0].failure.as_deref(), Some("parser panicked: boom"));
    }

    #[test]
    fn csv_has_a_header_and_one_line_per_row() {
        let dir = data_dir();
        let files = collect_files(&dir, false).unwrap();
        let (rows, _) = run(&files, &dir, &parse_bytes, &ProgressBar::hidden());
        let mut out = Vec::new();
        write_csv(&rows, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let header = reader.headers().unwrap().clone();
        assert_eq!(&header[0], "file");
        assert!(header.iter().any(|h| h == "t3_new_received"));
        assert_eq!(header.iter().next_back(), Some("failure"));
        let records: Vec<_> = reader.records().collect::<Result<_, _>>().unwrap();
        assert_eq!(records.len(), rows.len());
        assert_eq!(&records[0][0], rows[0].file.as_str());
    }
}
