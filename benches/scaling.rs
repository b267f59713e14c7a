//! Linear time: parse time must grow in proportion to the input, on real reports and on
//! adversarial text (issue 4, item 6; the lightweight form of pulldown-cmark's dos-fuzzer).
//!
//! Each family below is parsed at three sizes, each 4× the previous one; with linear time the
//! time ratio of each step is about 4 (criterion's MB/s stays flat). A quadratic pass shows up
//! as a ratio near 16. Families (every input starts with a report title line, so that it is
//! parsed as a report instead of being rejected early as `Empty`/`NotAReport`):
//!
//! * `samples`: all samples of `tests/data` concatenated, repeated 1×, 4×, 16×;
//! * `markers_line`: `一、` repeated on one line; `markers_lines`: `一、` alone on every line
//!   (every line a heading candidate);
//! * `open_parens`: `（` repeated (an opened `（一）` marker that never closes);
//! * `tabs`: tabs, no other text;
//! * `digits`: one run of digits inside a table 三 row (the digit-splitting path);
//! * `giant_line`: one line of CJK prose with no line break;
//! * `empty_lines`: 6 250, 25 000 and 100 000 empty lines;
//! * `table_rows`: a table 三 of 625, 2 500 and 10 000 rows.
//!
//! The adversarial inputs are 64 KiB, 256 KiB and 1 MiB.
//!
//! After criterion's run, the bench prints the step ratios (time of size 4n / time of size n)
//! from its own quick timing (best of several runs). Measured ratios (see benches/README.md for
//! the machine and date):
//!
//! ```text
//! 2026-11-25, 2-vCPU AMD EPYC KVM guest shared with other jobs (benches/README.md),
//! --warm-up-time 1 --measurement-time 3; best-of-runs time and each 4x step's ratio:
//!        samples:  1x 0.461 ms (66 MB/s)  4x 1.805 ms (67 MB/s) x3.9  16x 6.406 ms (76 MB/s) x3.5
//!   markers_line:  64KiB 0.684 ms (96 MB/s)  256KiB 2.714 ms (97 MB/s) x4.0  1024KiB 10.920 ms x4.0
//!  markers_lines:  64KiB 3.885 ms (17 MB/s)  256KiB 15.493 ms (17 MB/s) x4.0  1024KiB 63.843 ms x4.1
//!    open_parens:  64KiB 0.959 ms (68 MB/s)  256KiB 3.838 ms (68 MB/s) x4.0  1024KiB 15.569 ms x4.1
//!           tabs:  64KiB 0.272 ms (241 MB/s)  256KiB 1.073 ms (244 MB/s) x3.9  1024KiB 4.308 ms x4.0
//!         digits:  64KiB 1.531 ms (43 MB/s)  256KiB 6.248 ms (42 MB/s) x4.1  1024KiB 24.985 ms x4.0
//!     giant_line:  64KiB 0.283 ms (231 MB/s)  256KiB 1.140 ms (230 MB/s) x4.0  1024KiB 4.635 ms x4.1
//!    empty_lines:  6250 0.080 ms (79 MB/s)  25000 0.309 ms (81 MB/s) x3.9  100000 1.206 ms x3.9
//!     table_rows:  625 0.737 ms (30 MB/s)  2500 2.876 ms (31 MB/s) x3.9  10000 11.521 ms x4.0
//!
//! Instructions (callgrind, one parse, same inputs), 64 KiB → 256 KiB → 1 MiB:
//!  markers_lines  83.3 M → 330.0 M → 1326.4 M   x3.96 x4.02
//!         digits  40.7 M → 160.8 M →  641.8 M   x3.95 x3.99
//!     table_rows  54.2 M → 212.8 M →  847.3 M   x3.93 x3.98
//!    open_parens  25.4 M →  99.7 M →  396.8 M   x3.93 x3.98
//! ```
//!
//! Wall-clock steps above 4 at 1 MiB (up to x5 in noisy runs, markers_lines) come with exactly
//! 4x the instructions: cache misses once the line and heading vectors outgrow L2, not extra work.

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{BenchmarkId, Criterion, Throughput};

mod common;

const TITLE: &str = "某某县人民政府2023年政府信息公开工作年度报告\n\n";

/// The heading and column header of table 三, as the samples print it (tab-separated).
const TABLE3_HEAD: &str = "三、收到和处理政府信息公开申请情况\n\n\
    （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t\t申请人情况\t\t\t\t\t\t\t\n\
    \t\t自然人\t法人或其他组织\t\t\t\t\t总计\n\
    \t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t\n";

/// `pattern` repeated until the whole input (title included) reaches `size` bytes.
fn repeat_to(head: &str, pattern: &str, size: usize) -> String {
    let mut s = String::with_capacity(size + pattern.len());
    s.push_str(head);
    while s.len() + pattern.len() <= size {
        s.push_str(pattern);
    }
    s
}

/// `(family, [(size label, input); 3])`, sizes growing 4× per step.
fn families() -> Vec<(&'static str, Vec<(String, String)>)> {
    let samples = common::all_samples(&common::samples());
    let sizes = [64 << 10, 256 << 10, 1 << 20];
    let sized = |head: &str, pattern: &str| -> Vec<(String, String)> {
        sizes.iter().map(|&n| (format!("{}KiB", n >> 10), repeat_to(head, pattern, n))).collect()
    };
    let table3_head = format!("{TITLE}{TABLE3_HEAD}");
    let digits_head = format!("{table3_head}一、本年新收政府信息公开申请数量\t");
    vec![
        (
            "samples",
            [1usize, 4, 16]
                .iter()
                .map(|&n| (format!("{n}x"), vec![samples.as_str(); n].join("\n")))
                .collect(),
        ),
        ("markers_line", sized(TITLE, "一、")),
        ("markers_lines", sized(TITLE, "一、\n")),
        ("open_parens", sized(TITLE, "（")),
        ("tabs", sized(TITLE, "\t")),
        ("digits", sized(&digits_head, "0123456789")),
        ("giant_line", sized(TITLE, "本机关严格落实政府信息公开条例，")),
        (
            "empty_lines",
            [6_250usize, 25_000, 100_000]
                .iter()
                .map(|&n| (format!("{n}"), format!("{TITLE}{}一、总体情况\n", "\n".repeat(n))))
                .collect(),
        ),
        (
            "table_rows",
            [625usize, 2_500, 10_000]
                .iter()
                .map(|&n| {
                    let mut s = table3_head.clone();
                    for i in 0..n {
                        s.push_str(&format!(
                            "{}.属于国家秘密\t{}\t0\t0\t0\t0\t1\t{}\n",
                            i % 9 + 1,
                            i % 7,
                            i % 7 + 1
                        ));
                    }
                    (format!("{n}"), s)
                })
                .collect(),
        ),
    ]
}

fn parse(input: &str) {
    let report = gov_info_disclosure::parse(black_box(input));
    black_box(&report);
}

fn scaling(c: &mut Criterion, families: &[(&'static str, Vec<(String, String)>)]) {
    for (family, inputs) in families {
        let mut group = c.benchmark_group(format!("scaling/{family}"));
        // Up to a megabyte per iteration: ten samples are enough to see a 4× step.
        group.sample_size(10);
        for (label, input) in inputs {
            group.throughput(Throughput::Bytes(input.len() as u64));
            group.bench_with_input(BenchmarkId::from_parameter(label), input.as_str(), |b, i| {
                b.iter(|| parse(i))
            });
        }
        group.finish();
    }
}

/// Best time of `parse(input)` over repeated runs for about 0.3 s (at least 3 runs).
fn best_time(input: &str) -> Duration {
    let start = Instant::now();
    let mut best = Duration::MAX;
    let mut runs = 0;
    while runs < 3 || start.elapsed() < Duration::from_millis(300) {
        let t = Instant::now();
        parse(input);
        best = best.min(t.elapsed());
        runs += 1;
    }
    best
}

fn print_ratios(families: &[(&'static str, Vec<(String, String)>)]) {
    println!("\nscaling: best-of-runs time per size, and the ratio of each 4x step (linear ~ 4)");
    for (family, inputs) in families {
        let times: Vec<Duration> = inputs.iter().map(|(_, i)| best_time(i)).collect();
        let mut line = format!("{family:>14}:");
        for (k, ((label, input), t)) in inputs.iter().zip(&times).enumerate() {
            line.push_str(&format!(
                "  {label} {:.3} ms ({:.0} MB/s)",
                t.as_secs_f64() * 1e3,
                input.len() as f64 / t.as_secs_f64() / 1e6
            ));
            if k > 0 {
                line.push_str(&format!(" x{:.1}", t.as_secs_f64() / times[k - 1].as_secs_f64()));
            }
        }
        println!("{line}");
    }
}

fn main() {
    let families = families();
    let mut c = Criterion::default().configure_from_args();
    scaling(&mut c, &families);
    c.final_summary();
    // `cargo test --benches` runs each bench once with `--test`; no timing table then.
    if !std::env::args().any(|a| a == "--test" || a == "--list") {
        print_ratios(&families);
    }
}
