//! Each stage of the parse on its own, over all samples of `tests/data` (one iteration parses
//! every sample), with `Throughput::Bytes` of the whole input for every stage so that the MB/s
//! figures add up like costs: `1/total ≈ Σ 1/stage`.
//!
//! Stages, in pipeline order: `baseline_lines` (split into lines, read every byte — the
//! reference), `fold` (the public `parsers::fold` with its offset map), `fold_compact` (the
//! folded copy the keyword matchers use), `lines`, `metadata` (title, year, edition), `outline`
//! (wrap width and headings), `paragraphs` (every text line joined and normalized), `tables`
//! (`table::read_table` on each table region), `checks` (`check::check` on the parsed report),
//! and `parse`, end to end. The crate-internal stages are reached through the hidden
//! `internals::stages` module, which is not public API.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use gov_info_disclosure::{
    check, internals::stages, parsers, table, AnnualReport, Span, TableKind,
};

mod common;

struct Sample {
    text: String,
    lines: stages::Lines,
    report: AnnualReport,
    regions: Vec<(Span, TableKind)>,
}

fn stages(c: &mut Criterion) {
    let samples: Vec<Sample> = common::samples()
        .into_iter()
        .map(|(name, text)| {
            let report = gov_info_disclosure::parse(&text)
                .unwrap_or_else(|e| panic!("sample {name} does not parse: {e}"));
            let regions = report
                .sections
                .iter()
                .flat_map(|s| s.tables.iter().map(|t| (t.span, t.table)))
                .collect();
            let lines = stages::lines(&text);
            Sample { text, lines, report, regions }
        })
        .collect();
    let bytes: usize = samples.iter().map(|s| s.text.len()).sum();

    let mut group = c.benchmark_group("stages");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("baseline_lines", |b| {
        b.iter(|| samples.iter().map(|s| common::split_lines(black_box(&s.text))).sum::<u64>())
    });
    group.bench_function("fold", |b| {
        b.iter(|| {
            samples.iter().map(|s| parsers::fold(black_box(&s.text)).text.len()).sum::<usize>()
        })
    });
    group.bench_function("fold_compact", |b| {
        b.iter(|| {
            samples.iter().map(|s| stages::fold_compact(black_box(&s.text)).len()).sum::<usize>()
        })
    });
    group.bench_function("lines", |b| {
        b.iter(|| samples.iter().map(|s| stages::lines(black_box(&s.text)).len()).sum::<usize>())
    });
    group.bench_function("metadata", |b| {
        b.iter(|| {
            samples.iter().filter_map(|s| stages::metadata(black_box(&s.text), &s.lines)).count()
        })
    });
    group.bench_function("outline", |b| {
        b.iter(|| {
            samples.iter().map(|s| stages::outline(black_box(&s.text), &s.lines)).sum::<usize>()
        })
    });
    group.bench_function("paragraphs", |b| {
        b.iter(|| {
            samples.iter().map(|s| stages::paragraphs(black_box(&s.text), &s.lines)).sum::<usize>()
        })
    });
    group.bench_function("tables", |b| {
        b.iter(|| {
            let mut diagnostics = Vec::new();
            for s in &samples {
                for &(region, kind) in &s.regions {
                    black_box(table::read_table(
                        black_box(&s.text),
                        region,
                        kind,
                        &mut diagnostics,
                    ));
                }
            }
            diagnostics.len()
        })
    });
    group.bench_function("checks", |b| {
        b.iter(|| samples.iter().map(|s| check::check(black_box(&s.report)).len()).sum::<usize>())
    });
    group.bench_function("parse", |b| {
        b.iter(|| {
            for s in &samples {
                black_box(gov_info_disclosure::parse(black_box(&s.text)).ok());
            }
        })
    });
    group.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
