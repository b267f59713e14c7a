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
//! * `table_rows`: a table 三 of 625, 2 500 and 10 000 rows;
//! * `web_report`: the samples as one line each, joined on one line (a crawler's body);
//! * `inline_rows`: table 三 rows glued on one line, each index glued to the previous row's
//!   digits (`…00000002.其他法律…`: every row a cut of the first pass);
//! * `digits_between_labels`: one run of digits between two row labels on one line.
//!
//! The adversarial inputs are 64 KiB, 256 KiB and 1 MiB.
//!
//! After criterion's run, the bench prints the step ratios (time of size 4n / time of size n)
//! from its own quick timing (best of several runs). Measured ratios (see benches/README.md for
//! the machine and date):
//!
//! ```text
//! 2026-11-25 19:00 UTC, 2-vCPU AMD EPYC KVM guest, no other job (benches/README.md),
//! --warm-up-time 1 --measurement-time 3; best-of-runs time and each 4x step's ratio:
//!        samples:  1x 0.108 ms (280 MB/s)  4x 0.439 ms (276 MB/s) x4.1  16x 1.750 ms x4.0
//!   markers_line:  64KiB 0.187 ms (350 MB/s)  256KiB 0.736 ms (356 MB/s) x3.9  1024KiB 2.997 ms x4.1
//!  markers_lines:  64KiB 1.518 ms (43 MB/s)  256KiB 6.176 ms (42 MB/s) x4.1  1024KiB 36.944 ms x6.0
//!    open_parens:  64KiB 0.093 ms (702 MB/s)  256KiB 0.368 ms (713 MB/s) x3.9  1024KiB 1.498 ms x4.1
//!           tabs:  64KiB 0.046 ms (1410 MB/s)  256KiB 0.180 ms (1459 MB/s) x3.9  1024KiB 0.722 ms x4.0
//!         digits:  64KiB 0.203 ms (322 MB/s)  256KiB 0.834 ms (314 MB/s) x4.1  1024KiB 3.341 ms x4.0
//!     giant_line:  64KiB 0.079 ms (824 MB/s)  256KiB 0.312 ms (841 MB/s) x3.9  1024KiB 1.272 ms x4.1
//!    empty_lines:  6250 0.055 ms (115 MB/s)  25000 0.219 ms (115 MB/s) x4.0  100000 0.892 ms x4.1
//!     table_rows:  625 0.164 ms (136 MB/s)  2500 0.611 ms (144 MB/s) x3.7  10000 2.409 ms x3.9
//!
//! Instructions (callgrind, one parse_bytes through the corpus tool), 64 KiB → 256 KiB → 1 MiB:
//!  markers_lines  42.2 M → 167.8 M →  677.4 M   x3.98 x4.04
//! ```
//!
//! Wall-clock steps above 4 at 1 MiB (x6.0 here, markers_lines: 262 144 lines, each a heading
//! candidate) come with 4x the instructions: cache misses once the line records, boxed
//! candidates and headings outgrow the 2 MiB L2, not extra work. (An earlier run, before the
//! issue-5 work, gave the same picture: digits 40.7 M → 160.8 M → 641.8 M, table_rows 54.2 M →
//! 212.8 M → 847.3 M instructions.)

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
        ("web_report", sized(TITLE, &format!("{} ", samples.replace('\n', " ")))),
        (
            "inline_rows",
            sized(
                &format!("{TITLE}三、收到和处理政府信息公开申请情况申请人情况（三）不予公开"),
                "1.属于国家秘密 00000002.其他法律行政法规禁止公开 0000000（四）无法提供",
            ),
        ),
        (
            "digits_between_labels",
            sizes
                .iter()
                .map(|&n| {
                    let head = format!("{TITLE}三、收到和处理政府信息公开申请情况申请人情况一、本年新收政府信息公开申请数量 ");
                    let tail = "二、上年结转政府信息公开申请数量 0000000";
                    let digits = "1".repeat(n - head.len() - tail.len());
                    (format!("{}KiB", n >> 10), format!("{head}{digits}{tail}"))
                })
                .collect(),
        ),
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
