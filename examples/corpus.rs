//! Parses a corpus of reports in parallel and writes what a researcher reads into pandas, R
//! or Excel.
//!
//! ```text
//! cargo run --release --example corpus -- [INPUT]... [--files-from LIST] [--out FILE.csv]
//!     [--cells FILE.csv] [--jsonl FILE] [--failures FILE.csv] [--year-over-year FILE.csv]
//!     [--all-files] [--threads N] [--no-progress]
//! ```
//!
//! * Each INPUT is a folder, walked recursively for `*.txt`, `*.htm` and `*.html` (every file
//!   with `--all-files`), or a file; `-` reads a list of paths from stdin, one a line, and
//!   `--files-from LIST` from a file. Text and HTML pages, in any supported encoding, are
//!   parsed with [`gov_info_disclosure::parse_bytes`] on a rayon pool (`--threads N`).
//! * `--out` (else stdout): the summary CSV, one row per file in input order: metadata, key
//!   totals, diagnostics by severity, the failure of a file that has no report.
//! * `--cells`: the long CSV of every table cell, columns
//!   `file, organ, year, edition, table, row, column, value, status`: table, row and column by
//!   their JSON names (`applications`, `denied.state_secret`, `natural_person`), `value` empty
//!   for a blank, `status` `ok`, `blank` or `failed-check` (the cell is a term of a failed 勾稽
//!   check).
//! * `--jsonl`: one line per report, `{"file": …, "report": …}` (the model's JSON).
//! * `--failures`: `file, failure` of every file that could not be read or parsed, or whose
//!   parse panicked.
//! * `--year-over-year`: for each organ with reports on consecutive years, per column of
//!   table 三, last year's 结转下年度继续办理 beside this year's 上年结转
//!   ([`gov_info_disclosure::compare`]); organs are matched by
//!   [`organ_key`](gov_info_disclosure::compare::organ_key) (`淮安市洪泽区人民政府` is
//!   `洪泽区人民政府`), and a key with two reports in one year is left out as ambiguous.
//! * On a terminal, a progress bar; then a summary on stderr. MB/s counts the bytes of the
//!   files that parsed.
//!
//! Exit codes: 0 every file parsed, 1 some file failed, 2 bad usage, an input or list that
//! cannot be read, or an output that cannot be created.

use std::collections::{BTreeMap, HashSet};
use std::ffi::OsString;
use std::fs::File;
use std::io::{BufRead, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use clap::Parser;
use gov_info_disclosure::compare::{organ_key, year_over_year};
use gov_info_disclosure::{
    parse_bytes, AnnualReport, ApplicantColumn, DecodedReport, Edition, ParseError, Severity, Span,
};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use serde::Serialize;

mod common;

use common::{arguments, edition_name, Io, KeyTotals, BAD_INPUT, CLEAN, REPORT_ERRORS};

/// Parses a corpus of reports in parallel: summary, cells, JSON Lines, failures, year over year.
#[derive(Debug, Parser)]
#[command(name = "corpus", about, long_about = None)]
struct Cli {
    /// Folders (walked), files, or `-` for a list of paths on stdin.
    #[arg(required_unless_present = "files_from")]
    inputs: Vec<PathBuf>,
    /// A file listing the paths to parse, one a line (`-`: stdin).
    #[arg(long, value_name = "LIST")]
    files_from: Option<PathBuf>,
    /// The summary CSV (default: stdout).
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
    /// The long CSV of every table cell.
    #[arg(long, value_name = "FILE")]
    cells: Option<PathBuf>,
    /// JSON Lines: one whole report a line.
    #[arg(long, value_name = "FILE")]
    jsonl: Option<PathBuf>,
    /// The CSV of the files that failed.
    #[arg(long, value_name = "FILE")]
    failures: Option<PathBuf>,
    /// The CSV of the year-over-year carry-over of each organ's consecutive reports.
    #[arg(long, value_name = "FILE")]
    year_over_year: Option<PathBuf>,
    /// In folders, every file, not only *.txt, *.htm and *.html.
    #[arg(long)]
    all_files: bool,
    /// Worker threads (default: all cores).
    #[arg(long, value_name = "N")]
    threads: Option<usize>,
    /// No progress bar even on a terminal.
    #[arg(long)]
    no_progress: bool,
}

/// One CSV row: one report (or one failure).
#[derive(Debug, Default, Serialize)]
struct Row {
    /// Path relative to the folder given alone, else as given or listed.
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
#[derive(Debug, Default)]
struct Summary {
    reports: usize,
    /// Bytes of the files that parsed: what MB/s is over.
    parsed_bytes: u64,
    /// Bytes of the files that failed.
    failed_bytes: u64,
    /// Wall-clock time of the run.
    wall: Duration,
    /// Time spent inside the parser, summed over all threads.
    parse_cpu: Duration,
    failures: usize,
    panics: usize,
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mb = self.parsed_bytes as f64 / 1e6;
        let secs = self.wall.as_secs_f64();
        let parse = self.parse_cpu.as_secs_f64();
        write!(
            f,
            "reports: {}, MB parsed: {:.2}, seconds: {:.2}, MB/s: {:.1}, failures: {} ({} panics, \
             {:.2} MB); parser alone: {:.2} CPU-seconds, {:.1} MB/s per core",
            self.reports,
            mb,
            secs,
            if secs > 0.0 { mb / secs } else { 0.0 },
            self.failures,
            self.panics,
            self.failed_bytes as f64 / 1e6,
            parse,
            if parse > 0.0 { mb / parse } else { 0.0 },
        )
    }
}

type ParseFn = dyn Fn(&[u8]) -> Result<DecodedReport, ParseError> + Sync;

/// A file to parse and the name its rows carry.
#[derive(Debug, Clone)]
struct Input {
    path: PathBuf,
    name: String,
}

/// Whether a folder's file is a report by its extension.
fn is_report_file(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ["txt", "htm", "html"].iter().any(|x| e.eq_ignore_ascii_case(x)))
}

/// Every report file under `dir`, sorted. Symbolic links are not followed (no cycles).
fn walk(dir: &Path, all_files: bool) -> std::io::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d)? {
            let entry = entry?;
            let kind = entry.file_type()?;
            let path = entry.path();
            if kind.is_dir() {
                stack.push(path);
            } else if kind.is_file() && (all_files || is_report_file(&path)) {
                files.push(path);
            }
        }
    }
    files.sort();
    Ok(files)
}

/// The paths of a list, one a line; blank lines are skipped.
fn read_list(list: &mut dyn BufRead) -> std::io::Result<Vec<PathBuf>> {
    let mut paths = Vec::new();
    for line in list.lines() {
        let line = line?;
        let line = line.trim_end_matches('\r');
        if !line.trim().is_empty() {
            paths.push(PathBuf::from(line));
        }
    }
    Ok(paths)
}

/// The files of the inputs, in order: a folder's sorted, named relative to it when it is
/// the only input; a file (given or listed) as written. The error is for [`BAD_INPUT`].
fn collect_inputs(cli: &Cli, stdin: &mut dyn std::io::Read) -> Result<Vec<Input>, String> {
    let mut stdin = std::io::BufReader::new(stdin);
    let mut given = Vec::new();
    for input in &cli.inputs {
        if input == Path::new("-") {
            given.extend(read_list(&mut stdin).map_err(|e| format!("cannot read stdin: {e}"))?);
        } else {
            given.push(input.clone());
        }
    }
    if let Some(list) = &cli.files_from {
        let paths = if list == Path::new("-") {
            read_list(&mut stdin)
        } else {
            File::open(list).and_then(|f| read_list(&mut std::io::BufReader::new(f)))
        };
        given.extend(paths.map_err(|e| format!("cannot read {}: {e}", list.display()))?);
    }
    let single = given.len() == 1;
    let mut files = Vec::new();
    for path in given {
        if path.is_dir() {
            let walked = walk(&path, cli.all_files)
                .map_err(|e| format!("cannot list {}: {e}", path.display()))?;
            for file in walked {
                let relative =
                    if single { file.strip_prefix(&path).unwrap_or(&file) } else { &file };
                files.push(Input { name: relative.display().to_string(), path: file });
            }
        } else {
            // A listed file that cannot be read is a failed row, not the end of the run.
            files.push(Input { name: path.display().to_string(), path });
        }
    }
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

/// Which outputs a run writes, so that workers only build those.
#[derive(Debug, Clone, Copy, Default)]
struct Wanted {
    cells: bool,
    jsonl: bool,
    year_over_year: bool,
}

/// Everything one file gives.
#[derive(Debug, Default)]
struct Outcome {
    row: Row,
    cells: Vec<CellRow>,
    json: Option<String>,
    /// The report slimmed to what the year-over-year rule reads.
    carry: Option<AnnualReport>,
    took: Duration,
    panicked: bool,
}

/// The outcome of one file; never panics (a panic in `parse` becomes the row's failure).
fn process(input: &Input, parse: &ParseFn, wanted: Wanted) -> Outcome {
    let file = input.name.clone();
    let bytes = match std::fs::read(&input.path) {
        Ok(b) => b,
        Err(e) => {
            let row = Row { file, failure: Some(format!("cannot read: {e}")), ..Row::default() };
            return Outcome { row, ..Outcome::default() };
        }
    };
    let mut out = Outcome {
        row: Row { file, bytes: bytes.len() as u64, ..Row::default() },
        ..Outcome::default()
    };
    let start = Instant::now();
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| parse(&bytes)));
    out.took = start.elapsed();
    let decoded = match result {
        Ok(Ok(decoded)) => decoded,
        Ok(Err(e)) => {
            out.row.failure = Some(e.to_string());
            return out;
        }
        Err(payload) => {
            out.row.failure = Some(format!("parser panicked: {}", panic_message(&*payload)));
            out.panicked = true;
            return out;
        }
    };
    fill(&mut out.row, &decoded);
    let report = decoded.report;
    if wanted.cells {
        out.cells = cells(&out.row.file, &report);
    }
    if wanted.jsonl {
        #[derive(Serialize)]
        struct Line<'a> {
            file: &'a str,
            report: &'a AnnualReport,
        }
        out.json = serde_json::to_string(&Line { file: &out.row.file, report: &report }).ok();
    }
    if wanted.year_over_year {
        out.carry = Some(slim(report));
    }
    out
}

/// The report without what year over year does not read: a corpus's reports are kept until
/// every one is parsed.
fn slim(mut report: AnnualReport) -> AnnualReport {
    report.sections.clear();
    report.preamble = Default::default();
    report.diagnostics.clear();
    report.trailer.clear();
    report.active_disclosure = None;
    report.reviews_and_lawsuits = None;
    report.signature = None;
    report.title.clear();
    report
}

/// Copies the report's key figures into the row.
fn fill(row: &mut Row, decoded: &DecodedReport) {
    let r = &decoded.report;
    row.encoding = Some(format!("{:?}", decoded.encoding));
    row.organ = r.organ.clone();
    row.year = r.year;
    row.edition = Some(edition_name(r));
    row.sections = Some(r.sections.len());
    let k = KeyTotals::of(r);
    row.t2_licensing = k.licensing;
    row.t2_punishment = k.punishment;
    row.t2_coercion = k.coercion;
    row.t2_fees_10k_yuan = k.fees_10k_yuan;
    row.t3_new_received = k.new_received;
    row.t3_carried_over = k.carried_over;
    row.t3_granted = k.granted;
    row.t3_total_processed = k.total_processed;
    row.t3_carried_forward = k.carried_forward;
    row.t4_review = k.review;
    row.t4_lawsuit_direct = k.lawsuit_direct;
    row.t4_lawsuit_after_review = k.lawsuit_after_review;
    let count = |s: Severity| r.diagnostics.iter().filter(|d| d.severity == s).count();
    row.errors = Some(count(Severity::Error));
    row.warnings = Some(count(Severity::Warning));
    row.notes = Some(count(Severity::Note));
}

/// One line of the long CSV: one table cell.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
struct CellRow {
    file: String,
    organ: Option<String>,
    year: Option<u16>,
    edition: String,
    /// `active_disclosure`, `applications` or `reviews_and_lawsuits`.
    table: &'static str,
    /// The row's JSON path: `licensing`, `denied.state_secret`, `review`.
    row: &'static str,
    /// The column's JSON name: `issued`, `natural_person`, `total`.
    column: &'static str,
    /// The number as written (a decimal for fees); empty for a blank.
    value: String,
    /// `ok`, `blank` or `failed-check`.
    status: &'static str,
}

/// Every cell of the report's tables, in table, row and column order.
fn cells(file: &str, r: &AnnualReport) -> Vec<CellRow> {
    // The terms of failed checks: each check diagnostic's span is its first cell and its
    // labels the others.
    let failed: HashSet<Span> = r
        .diagnostics
        .iter()
        .filter(|d| d.code.is_check())
        .flat_map(|d| std::iter::once(d.span).chain(d.related.iter().map(|l| l.span)))
        .collect();
    let edition = edition_name(r);
    let mut out = Vec::new();
    let mut push = |table, row, column, value: Option<String>, span: Option<Span>| {
        let status = match (&value, span) {
            (_, Some(s)) if failed.contains(&s) => "failed-check",
            (Some(_), _) => "ok",
            (None, _) => "blank",
        };
        out.push(CellRow {
            file: file.to_string(),
            organ: r.organ.clone(),
            year: r.year,
            edition: edition.clone(),
            table,
            row,
            column,
            value: value.unwrap_or_default(),
            status,
        });
    };
    let n = |v: Option<u64>| v.map(|v| v.to_string());
    let signed = |v: Option<i64>| v.map(|v| v.to_string());
    if let Some(t) = &r.active_disclosure {
        let t2 = "active_disclosure";
        let e2019 = r.edition == Edition::Format2019;
        for (name, c) in
            [("regulations", &t.regulations), ("normative_documents", &t.normative_documents)]
        {
            let Some(c) = c else { continue };
            if e2019 {
                push(t2, name, "made", n(c.made), None);
                push(t2, name, "published", n(c.published), None);
                push(t2, name, "total_public", n(c.total_public), None);
            } else {
                push(t2, name, "issued", n(c.issued), None);
                push(t2, name, "repealed", n(c.repealed), None);
                push(t2, name, "in_force", n(c.in_force), None);
            }
        }
        for (name, c) in [
            ("licensing", &t.licensing),
            ("other_services", &t.other_services),
            ("punishment", &t.punishment),
            ("coercion", &t.coercion),
        ] {
            let Some(c) = c else { continue };
            if e2019 {
                push(t2, name, "previous_year", n(c.previous_year), None);
                push(t2, name, "change", signed(c.change), None);
            }
            push(t2, name, "decisions", n(c.decisions), None);
        }
        if let Some(c) = &t.administrative_fees {
            if e2019 {
                push(t2, "administrative_fees", "previous_year", n(c.previous_year), None);
                push(t2, "administrative_fees", "change", signed(c.change), None);
            } else {
                let amount = c.amount_10k_yuan.as_ref().map(|d| d.to_string());
                push(t2, "administrative_fees", "amount_10k_yuan", amount, None);
            }
        }
        if let Some(c) = &t.procurement {
            push(t2, "procurement", "items", n(c.items), None);
            push(t2, "procurement", "amount", c.amount.as_ref().map(|d| d.to_string()), None);
        }
    }
    if let Some(t) = &r.applications {
        for (name, row) in t.rows() {
            let Some(row) = row else { continue };
            for column in ApplicantColumn::ALL {
                push(
                    "applications",
                    name,
                    column_name(column),
                    n(row.get(column)),
                    row.cell_span(column),
                );
            }
        }
    }
    if let Some(t) = &r.reviews_and_lawsuits {
        const COLUMNS: [&str; 5] = ["upheld", "corrected", "other", "pending", "total"];
        for (name, block) in [
            ("review", &t.review),
            ("lawsuit_direct", &t.lawsuit_direct),
            ("lawsuit_after_review", &t.lawsuit_after_review),
        ] {
            for ((column, value), span) in COLUMNS.into_iter().zip(block.values()).zip(block.cells)
            {
                push("reviews_and_lawsuits", name, column, n(value), span);
            }
        }
    }
    out
}

/// The JSON name of a table-三 column.
fn column_name(column: ApplicantColumn) -> &'static str {
    match column {
        ApplicantColumn::NaturalPerson => "natural_person",
        ApplicantColumn::Commercial => "commercial",
        ApplicantColumn::Research => "research",
        ApplicantColumn::SocialWelfare => "social_welfare",
        ApplicantColumn::LegalService => "legal_service",
        ApplicantColumn::OtherOrg => "other_org",
        ApplicantColumn::Total => "total",
    }
}

/// One line of the year-over-year CSV: one column of one pair of reports.
#[derive(Debug, Serialize)]
struct CarryRow {
    /// The organ's key ([`organ_key`]).
    organ: String,
    previous_file: String,
    file: String,
    previous_year: u16,
    year: u16,
    column: &'static str,
    /// Last year's 结转下年度继续办理.
    carried_forward: Option<u64>,
    /// This year's 上年结转.
    carried_over: Option<u64>,
    /// `true`, `false`, or empty when a cell is blank.
    agrees: Option<bool>,
}

/// What pairing a corpus's reports by organ and year found.
#[derive(Debug, Default, PartialEq, Eq)]
struct Pairing {
    pairs: usize,
    disagreeing: usize,
    /// Pairs left out because their key has two reports in one of the years.
    ambiguous: usize,
}

/// Pairs reports of one organ key in consecutive years and compares them.
fn pair_years(reports: &[(String, AnnualReport)]) -> (Vec<CarryRow>, Pairing) {
    let mut by_key: BTreeMap<(String, u16), Vec<usize>> = BTreeMap::new();
    for (i, (_, r)) in reports.iter().enumerate() {
        if let (Some(organ), Some(year)) = (&r.organ, r.year) {
            by_key.entry((organ_key(organ), year)).or_default().push(i);
        }
    }
    let (mut rows, mut found) = (Vec::new(), Pairing::default());
    for ((key, year), current) in &by_key {
        let Some(previous) = year.checked_sub(1).and_then(|y| by_key.get(&(key.clone(), y))) else {
            continue;
        };
        let (&[p], &[c]) = (previous.as_slice(), current.as_slice()) else {
            found.ambiguous += 1;
            continue;
        };
        let Ok(carry) = year_over_year(&reports[p].1, &reports[c].1) else { continue };
        found.pairs += 1;
        found.disagreeing += usize::from(!carry.holds());
        for col in carry.columns {
            rows.push(CarryRow {
                organ: key.clone(),
                previous_file: reports[p].0.clone(),
                file: reports[c].0.clone(),
                previous_year: carry.previous_year,
                year: carry.year,
                column: column_name(col.column),
                carried_forward: col.carried_forward,
                carried_over: col.carried_over,
                agrees: col.agrees(),
            });
        }
    }
    (rows, found)
}

/// The open outputs of a run.
struct Outputs<'a> {
    summary: csv::Writer<Box<dyn Write + 'a>>,
    cells: Option<csv::Writer<BufWriter<File>>>,
    jsonl: Option<BufWriter<File>>,
    failures: Option<csv::Writer<BufWriter<File>>>,
}

fn create(path: &Path) -> Result<BufWriter<File>, String> {
    File::create(path)
        .map(BufWriter::new)
        .map_err(|e| format!("cannot create {}: {e}", path.display()))
}

/// Files parsed per batch: outputs are written batch by batch, in input order, so memory
/// does not grow with the corpus.
const BATCH: usize = 256;

/// Parses every file, writes the outputs, and returns the summary and the slimmed reports.
fn run_files(
    files: &[Input],
    parse: &ParseFn,
    wanted: Wanted,
    outputs: &mut Outputs<'_>,
    progress: &ProgressBar,
    pool: &rayon::ThreadPool,
) -> Result<(Summary, Vec<(String, AnnualReport)>), String> {
    let start = Instant::now();
    let parse_cpu = Mutex::new(Duration::ZERO);
    let mut summary = Summary::default();
    let mut kept = Vec::new();
    let write_error = |e: &dyn std::fmt::Display| format!("cannot write: {e}");
    for batch in files.chunks(BATCH) {
        let outcomes: Vec<Outcome> = pool.install(|| {
            batch
                .par_iter()
                .map(|input| {
                    let outcome = process(input, parse, wanted);
                    if let Ok(mut t) = parse_cpu.lock() {
                        *t += outcome.took;
                    }
                    progress.inc(1);
                    outcome
                })
                .collect()
        });
        for o in outcomes {
            summary.reports += 1;
            summary.panics += usize::from(o.panicked);
            if let Some(failure) = &o.row.failure {
                summary.failures += 1;
                summary.failed_bytes += o.row.bytes;
                if let Some(w) = &mut outputs.failures {
                    w.write_record([o.row.file.as_str(), failure]).map_err(|e| write_error(&e))?;
                }
            } else {
                summary.parsed_bytes += o.row.bytes;
            }
            if let Some(w) = &mut outputs.cells {
                for cell in &o.cells {
                    w.serialize(cell).map_err(|e| write_error(&e))?;
                }
            }
            if let (Some(w), Some(json)) = (&mut outputs.jsonl, &o.json) {
                writeln!(w, "{json}").map_err(|e| write_error(&e))?;
            }
            if let Some(report) = o.carry {
                kept.push((o.row.file.clone(), report));
            }
            outputs.summary.serialize(&o.row).map_err(|e| write_error(&e))?;
        }
    }
    summary.wall = start.elapsed();
    summary.parse_cpu = parse_cpu.into_inner().unwrap_or_default();
    Ok((summary, kept))
}

/// Creates every output asked for before anything is parsed: a path that cannot be written
/// fails the run at once, not after an hour of parsing.
fn open_outputs<'a>(cli: &Cli, out: &'a mut dyn Write) -> Result<Outputs<'a>, String> {
    let open = |path: &Option<PathBuf>| path.as_deref().map(create).transpose();
    let summary: Box<dyn Write + 'a> = match &cli.out {
        Some(path) => Box::new(create(path)?),
        None => Box::new(out),
    };
    let mut failures = open(&cli.failures)?.map(csv::Writer::from_writer);
    if let Some(w) = &mut failures {
        w.write_record(["file", "failure"]).map_err(|e| format!("cannot write: {e}"))?;
    }
    Ok(Outputs {
        summary: csv::Writer::from_writer(summary),
        cells: open(&cli.cells)?.map(csv::Writer::from_writer),
        jsonl: open(&cli.jsonl)?,
        failures,
    })
}

fn run(args: Vec<OsString>, io: &mut Io<'_>) -> u8 {
    run_with(args, io, &parse_bytes)
}

fn run_with(args: Vec<OsString>, io: &mut Io<'_>, parse: &ParseFn) -> u8 {
    let cli: Cli = match arguments(args, io) {
        Ok(cli) => cli,
        Err(code) => return code,
    };
    let start = Instant::now();
    let Io { stdin, out, err } = io;
    let err = &mut **err;
    let fail = |err: &mut dyn Write, message: String| {
        let _ = writeln!(err, "error: {message}");
        BAD_INPUT
    };
    let files = match collect_inputs(&cli, &mut **stdin) {
        Ok(files) => files,
        Err(message) => return fail(err, message),
    };
    if let Some(path) = cli.inputs.iter().find(|p| *p != Path::new("-") && !p.exists()) {
        return fail(err, format!("cannot read {}: no such file or folder", path.display()));
    }
    let open = |path: &Option<PathBuf>| path.as_deref().map(create).transpose();
    let outputs = open_outputs(&cli, &mut **out);
    let mut outputs = match outputs {
        Ok(o) => o,
        Err(message) => return fail(err, message),
    };
    let mut yoy = match open(&cli.year_over_year) {
        Ok(w) => w.map(csv::Writer::from_writer),
        Err(message) => return fail(err, message),
    };
    let pool = match rayon::ThreadPoolBuilder::new().num_threads(cli.threads.unwrap_or(0)).build() {
        Ok(pool) => pool,
        Err(e) => return fail(err, format!("cannot start the threads: {e}")),
    };
    let progress = if !cli.no_progress && std::io::stderr().is_terminal() {
        ProgressBar::new(files.len() as u64)
    } else {
        ProgressBar::hidden()
    };
    if let Ok(style) =
        ProgressStyle::with_template("{bar:40} {pos}/{len} reports, {per_sec}, eta {eta}")
    {
        progress.set_style(style);
    }
    let wanted = Wanted {
        cells: cli.cells.is_some(),
        jsonl: cli.jsonl.is_some(),
        year_over_year: yoy.is_some(),
    };
    let result = run_files(&files, parse, wanted, &mut outputs, &progress, &pool);
    progress.finish_and_clear();
    let flushed = [
        outputs.summary.flush(),
        outputs.cells.as_mut().map_or(Ok(()), |w| w.flush()),
        outputs.jsonl.as_mut().map_or(Ok(()), |w| w.flush()),
        outputs.failures.as_mut().map_or(Ok(()), |w| w.flush()),
    ];
    drop(outputs);
    let (mut summary, kept) = match result {
        Ok(r) => r,
        Err(message) => return fail(err, message),
    };
    if let Some(e) = flushed.into_iter().find_map(Result::err) {
        return fail(err, format!("cannot write: {e}"));
    }
    if let Some(w) = &mut yoy {
        let (rows, found) = pair_years(&kept);
        for row in &rows {
            if let Err(e) = w.serialize(row) {
                return fail(err, format!("cannot write: {e}"));
            }
        }
        if let Err(e) = w.flush() {
            return fail(err, format!("cannot write: {e}"));
        }
        let _ = writeln!(
            err,
            "year over year: {} pairs, {} disagree, {} left out as ambiguous",
            found.pairs, found.disagreeing, found.ambiguous
        );
    }
    // The summary's seconds cover the whole run: listing, reading, parsing, writing.
    summary.wall = start.elapsed();
    let _ = writeln!(err, "{summary}");
    if summary.failures > 0 {
        REPORT_ERRORS
    } else {
        CLEAN
    }
}

fn main() -> std::process::ExitCode {
    // A panic inside the parser is caught and reported in its row; the default hook would
    // also print it over the progress bar.
    std::panic::set_hook(Box::new(|_| {}));
    common::main_with(run)
}

#[cfg(test)]
mod tests {
    use super::*;
    use common::{assert_help, report_with_failed_check, run_tool, test_file};
    use gov_info_disclosure::parse;

    /// A fresh empty directory under the system temp dir.
    fn temp_dir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("corpus-test-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("create temp dir");
        dir
    }

    fn path(p: &Path) -> &str {
        p.to_str().unwrap()
    }

    #[test]
    fn help_and_bad_usage() {
        assert_help(run, &["--cells", "--jsonl", "--failures", "--year-over-year"]);
        assert_eq!(run_tool(run, &[], b"").0, 2, "no input");
        assert_eq!(run_tool(run, &["--threads", "x", "."], b"").0, 2);
        let (code, _, err) = run_tool(run, &["/no/such/folder"], b"");
        assert_eq!(code, 2);
        assert!(err.contains("/no/such/folder"), "{err}");
        let (code, _, err) =
            run_tool(run, &["--out", "/no/such/dir/x.csv", &test_file("tests/data")], b"");
        assert_eq!(code, 2, "{err}");
    }

    #[test]
    fn every_sample_is_one_row_in_path_order_and_exits_0() {
        let dir = test_file("tests/data");
        let (code, out, err) = run_tool(run, &[&dir, "--no-progress"], b"");
        assert_eq!(code, 0, "{err}");
        let mut reader = csv::Reader::from_reader(out.as_bytes());
        let header = reader.headers().unwrap().clone();
        assert_eq!((&header[0], header.iter().next_back()), ("file", Some("failure")));
        let records: Vec<_> = reader.records().collect::<Result<_, _>>().unwrap();
        let files = walk(Path::new(&dir), false).unwrap();
        assert!(records.len() >= 5 && records.len() == files.len());
        for (record, file) in records.iter().zip(&files) {
            assert_eq!(Path::new(&record[0]), file.strip_prefix(&dir).unwrap());
            assert_eq!(record[1].parse::<u64>().unwrap(), std::fs::metadata(file).unwrap().len());
            assert_eq!(record.iter().next_back(), Some(""));
        }
        let total: u64 = files.iter().map(|f| std::fs::metadata(f).unwrap().len()).sum();
        assert!(err.contains(&format!("MB parsed: {:.2}", total as f64 / 1e6)), "{err}");
    }

    #[test]
    fn failures_are_rows_exit_1_and_count_no_bytes() {
        let dir = temp_dir("failures");
        std::fs::create_dir_all(dir.join("sub")).unwrap();
        std::fs::write(dir.join("empty.txt"), "").unwrap();
        std::fs::write(dir.join("sub/page.HTML"), "<p>not a report</p>".repeat(1000)).unwrap();
        std::fs::write(dir.join("skipped.pdf"), "%PDF").unwrap();
        let failures = dir.join("failures.csv");
        let (code, out, err) =
            run_tool(run, &[path(&dir), "--failures", path(&failures), "--no-progress"], b"");
        assert_eq!(code, 1, "{err}");
        assert_eq!(out.lines().count(), 3, "header and two rows, the pdf skipped: {out}");
        assert!(err.contains("MB parsed: 0.00") && err.contains("failures: 2"), "{err}");
        let text = std::fs::read_to_string(&failures).unwrap();
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let rows: Vec<_> = reader.records().collect::<Result<_, _>>().unwrap();
        assert_eq!(&rows[0][0], "empty.txt");
        assert_eq!(&rows[0][1], ParseError::Empty.to_string().as_str());
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_panicking_parser_is_a_failed_row() {
        let boom = |_: &[u8]| -> Result<DecodedReport, ParseError> { panic!("boom") };
        let mut input: &[u8] = b"";
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let args = ["corpus", &test_file("tests/data/001_8b9db0a3de107dcf.txt"), "--no-progress"];
        let code = run_with(
            args.iter().map(OsString::from).collect(),
            &mut Io { stdin: &mut input, out: &mut out, err: &mut err },
            &boom,
        );
        assert_eq!(code, 1);
        assert!(String::from_utf8(out).unwrap().contains("parser panicked: boom"));
        assert!(String::from_utf8(err).unwrap().contains("(1 panics"));
    }

    #[test]
    fn lists_on_stdin_and_in_a_file() {
        let a = test_file("tests/fixtures/year_over_year/linhe_2022.txt");
        let b = test_file("tests/fixtures/year_over_year/linhe_2023.txt");
        let list = format!("{a}\n\n{b}\r\n");
        let (code, out, _) = run_tool(run, &["-", "--no-progress"], list.as_bytes());
        assert_eq!(code, 0);
        assert_eq!(out.lines().count(), 3);
        assert!(out.lines().nth(1).unwrap().starts_with(&a));
        let (code, out, _) =
            run_tool(run, &["--files-from", "-", &a, "--no-progress"], list.as_bytes());
        assert_eq!((code, out.lines().count()), (0, 4));
    }

    #[test]
    fn the_cells_csv_reads_back_with_the_model_values() {
        let dir = temp_dir("cells");
        let cells = dir.join("cells.csv");
        let data = test_file("tests/data");
        let (code, _, err) = run_tool(run, &[&data, "--cells", path(&cells), "--no-progress"], b"");
        assert_eq!(code, 0, "{err}");
        let mut reader = csv::Reader::from_path(&cells).unwrap();
        let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
        assert_eq!(
            header,
            ["file", "organ", "year", "edition", "table", "row", "column", "value", "status"]
        );
        let records: Vec<csv::StringRecord> = reader.records().collect::<Result<_, _>>().unwrap();
        let mut checked = 0;
        for file in walk(Path::new(&data), false).unwrap() {
            let name = file.strip_prefix(&data).unwrap().display().to_string();
            let report = parse(&std::fs::read_to_string(&file).unwrap()).unwrap();
            let mine: Vec<_> = records.iter().filter(|r| r[0] == name).collect();
            let Some(t) = &report.applications else { continue };
            let rows = t.rows().iter().filter(|(_, r)| r.is_some()).count();
            let t3: Vec<_> = mine.iter().filter(|r| &r[4] == "applications").collect();
            assert_eq!(t3.len(), rows * 7, "{name}");
            for r in &t3 {
                assert_eq!(r[1], *report.organ.as_deref().unwrap_or(""));
                assert_eq!(r[2], report.year.map_or(String::new(), |y| y.to_string()));
                let (_, row) = t.rows().into_iter().find(|(n, _)| *n == &r[5]).unwrap();
                let column =
                    ApplicantColumn::ALL.into_iter().find(|c| column_name(*c) == &r[6]).unwrap();
                let value = row.unwrap().get(column);
                assert_eq!(r[7], value.map_or(String::new(), |v| v.to_string()), "{name} {r:?}");
                assert_eq!(&r[8], if value.is_some() { "ok" } else { "blank" });
                checked += 1;
            }
        }
        assert!(checked >= 7 * 25, "{checked}");
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn cells_of_a_failed_check_say_so() {
        let text = report_with_failed_check();
        let report = parse(&text).unwrap();
        let cells = cells("x", &report);
        let failed: Vec<_> = cells.iter().filter(|c| c.status == "failed-check").collect();
        assert!(!failed.is_empty());
        assert!(failed.iter().all(|c| c.table == "applications"));
        assert!(failed.iter().any(|c| c.row == "total_processed" && c.column == "natural_person"));
    }

    #[test]
    fn jsonl_is_one_report_a_line() {
        let dir = temp_dir("jsonl");
        let jsonl = dir.join("r.jsonl");
        let data = test_file("tests/data");
        let (code, _, _) = run_tool(run, &[&data, "--jsonl", path(&jsonl), "--no-progress"], b"");
        assert_eq!(code, 0);
        let text = std::fs::read_to_string(&jsonl).unwrap();
        for (line, file) in text.lines().zip(walk(Path::new(&data), false).unwrap()) {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            let report = parse(&std::fs::read_to_string(&file).unwrap()).unwrap();
            assert_eq!(v["report"]["title"], report.title.as_str());
            assert_eq!(v["file"], file.strip_prefix(&data).unwrap().to_str().unwrap());
        }
        assert_eq!(text.lines().count(), walk(Path::new(&data), false).unwrap().len());
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn year_over_year_pairs_one_organ_in_consecutive_years() {
        let dir = temp_dir("yoy");
        let yoy = dir.join("yoy.csv");
        let fixtures = test_file("tests/fixtures/year_over_year");
        let (code, _, err) =
            run_tool(run, &[&fixtures, "--year-over-year", path(&yoy), "--no-progress"], b"");
        assert_eq!(code, 0, "{err}");
        assert!(err.contains("year over year: 2 pairs, 1 disagree, 0 left out"), "{err}");
        let mut reader = csv::Reader::from_path(&yoy).unwrap();
        let rows: Vec<csv::StringRecord> = reader.records().collect::<Result<_, _>>().unwrap();
        assert_eq!(rows.len(), 14);
        let linhe: Vec<_> = rows.iter().filter(|r| &r[0] == "临河区人民政府").collect();
        assert_eq!(linhe.len(), 7);
        assert!(linhe
            .iter()
            .all(|r| &r[8] == "true" && (&r[1], &r[2]) == ("linhe_2022.txt", "linhe_2023.txt")));
        let wrong: Vec<_> = rows
            .iter()
            .filter(|r| &r[8] == "false")
            .map(|r| (&r[0], &r[5], &r[6], &r[7]))
            .collect();
        assert_eq!(
            wrong,
            [
                ("清水县交通运输局", "natural_person", "2", "1"),
                ("清水县交通运输局", "total", "2", "1")
            ]
        );
        // A second report of one organ in one year makes the pair ambiguous.
        let (code, _, err) = run_tool(
            run,
            &[
                &fixtures,
                &format!("{fixtures}/linhe_2023.txt"),
                "--year-over-year",
                path(&yoy),
                "--no-progress",
            ],
            b"",
        );
        assert_eq!(code, 0);
        assert!(err.contains("1 pairs, 1 disagree, 1 left out as ambiguous"), "{err}");
        let _ = std::fs::remove_dir_all(&dir);
    }
}
