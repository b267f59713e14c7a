//! End-to-end parse throughput, side by side with a line-splitting baseline.
//!
//! `cargo bench --bench parse` runs, in one criterion group per input:
//!
//! * `baseline_lines`: [`common::split_lines`], splitting the input into lines and reading
//!   every byte once;
//! * `parse`: [`gov_info_disclosure::parse`], end to end (lines, outline, metadata, tables,
//!   checks);
//! * `parse_bytes`: [`gov_info_disclosure::parse_bytes`], which also validates/decodes the
//!   bytes and copies them into the returned `DecodedReport`;
//!
//! for each sample of `tests/data` and for all samples together (`all`); and `web/NAME`, each
//! sample line-broken (`lines`) beside the same text joined into one line (`one_line`); and
//! `html/NAME`, each sample as text beside the same sample as a web page. Each has
//! `Throughput::Bytes`, so criterion prints MB/s; the ratio `parse / baseline_lines` is the
//! figure the performance target is stated in (≤ 10×, and ≥ 200 MB/s end to end). The measured
//! figures and the machine are in `benches/README.md`; `benches/ratios.py` prints the ratios
//! from criterion's saved estimates.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

mod common;

fn bench_input(c: &mut Criterion, name: &str, inputs: &[&str]) {
    let bytes: usize = inputs.iter().map(|s| s.len()).sum();
    let mut group = c.benchmark_group(format!("e2e/{name}"));
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function(BenchmarkId::from_parameter("baseline_lines"), |b| {
        b.iter(|| {
            let mut acc = 0u64;
            for input in inputs {
                acc = acc.wrapping_add(common::split_lines(black_box(input)));
            }
            acc
        })
    });
    group.bench_function(BenchmarkId::from_parameter("parse"), |b| {
        b.iter(|| {
            for input in inputs {
                let report = gov_info_disclosure::parse(black_box(input));
                black_box(&report);
            }
        })
    });
    group.bench_function(BenchmarkId::from_parameter("parse_bytes"), |b| {
        b.iter(|| {
            for input in inputs {
                let report = gov_info_disclosure::parse_bytes(black_box(input.as_bytes()));
                black_box(&report);
            }
        })
    });
    group.finish();
}

fn end_to_end(c: &mut Criterion) {
    let samples = common::samples();
    // Every sample must parse: a bench of the error path would measure nothing useful.
    for (name, text) in &samples {
        if let Err(e) = gov_info_disclosure::parse(text) {
            panic!("sample {name} does not parse: {e}");
        }
    }
    let all: Vec<&str> = samples.iter().map(|(_, t)| t.as_str()).collect();
    bench_input(c, "all", &all);
    for (name, text) in &samples {
        let short = name.split('_').next().unwrap_or(name);
        bench_input(c, short, &[text.as_str()]);
    }
}

/// A report as a web page delivers it (issue 10): each sample with its lines joined by single
/// spaces into one line, beside the same sample line-broken, in one group, so that the two
/// throughputs compare within one run (target: the one-line form at least half as fast).
fn one_line(c: &mut Criterion) {
    for (name, text) in common::samples() {
        let short = name.split('_').next().unwrap_or(&name).to_string();
        // Cells flattened as a crawler keeps them (tabs and space runs to one space).
        let joined = text.split_whitespace().collect::<Vec<_>>().join(" ");
        let report = gov_info_disclosure::parse(&joined).expect("the one-line form parses");
        assert_eq!(
            report.sections.len(),
            gov_info_disclosure::parse(&text).unwrap().sections.len()
        );
        let mut group = c.benchmark_group(format!("web/{short}"));
        group.throughput(Throughput::Bytes(text.len() as u64));
        for (form, input) in [("lines", &text), ("one_line", &joined)] {
            group.bench_function(BenchmarkId::from_parameter(form), |b| {
                b.iter(|| black_box(gov_info_disclosure::parse(black_box(input))))
            });
        }
        group.finish();
    }
}

/// A report as its web page (issue 11): each sample as a page of one `<p>` per line, beside
/// the text, in one group (target: the page at no less than a third of the text's throughput,
/// in bytes of each input).
#[cfg(feature = "html")]
fn html_page(c: &mut Criterion) {
    fn escape(line: &str) -> String {
        line.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
    }
    for (name, text) in common::samples() {
        let short = name.split('_').next().unwrap_or(&name).to_string();
        let body: String = text.lines().map(|l| format!("<p>{}</p>\n", escape(l))).collect();
        let page = format!(
            "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{short}</title>\
             <script>var x = 1;</script></head><body><div id=\"content\">\n{body}</div></body></html>"
        );
        gov_info_disclosure::parse_html(&page).expect("the page parses");
        let mut group = c.benchmark_group(format!("html/{short}"));
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(BenchmarkId::from_parameter("text"), |b| {
            b.iter(|| black_box(gov_info_disclosure::parse(black_box(&text))))
        });
        group.throughput(Throughput::Bytes(page.len() as u64));
        group.bench_function(BenchmarkId::from_parameter("page"), |b| {
            b.iter(|| black_box(gov_info_disclosure::parse_html(black_box(&page))))
        });
        group.finish();
    }
}

#[cfg(not(feature = "html"))]
fn html_page(_: &mut Criterion) {}

criterion_group!(benches, end_to_end, one_line, html_page);
criterion_main!(benches);
