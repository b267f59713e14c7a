//! Peak heap memory and allocation counts of a parse, with a counting global allocator.
//!
//! `cargo bench --bench memory` parses each sample of `tests/data` (and all of them joined)
//! once under an allocator that counts, and prints per input: its size, the peak of bytes
//! live on the heap during the parse (the input itself excluded), the ratio of that peak to
//! the input size (target: ≤ 4, issue 5), the number of allocations, and the bytes the
//! returned report still holds; and the peak of `parse_bytes` (which also holds the decoded
//! copy of the text: one more × the input). With `--check` (`cargo bench --bench memory -- --check`)
//! it exits non-zero when an input is over the target.
//!
//! Besides the samples, it measures 15 MiB families where a per-line cost would dominate (issue
//! 9): blank lines after a title, `1.` lines, `一、总体情况` lines, table-三 rows, one long
//! line, and the samples repeated.
//!
//! Not a criterion bench: these figures are exact counts, not timings.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

mod common;

/// Forwards to the system allocator and keeps: bytes live now, the peak of that, and the
/// number of allocations (a `realloc` counts as one).
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);
static COUNT: AtomicUsize = AtomicUsize::new(0);

fn grew(by: usize) {
    let now = LIVE.fetch_add(by, Relaxed) + by;
    PEAK.fetch_max(now, Relaxed);
}

// SAFETY: every method forwards to `System` with the caller's arguments unchanged; the
// counters are only bookkeeping.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            COUNT.fetch_add(1, Relaxed);
            grew(layout.size());
        }
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc_zeroed(layout) };
        if !p.is_null() {
            COUNT.fetch_add(1, Relaxed);
            grew(layout.size());
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size(), Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            COUNT.fetch_add(1, Relaxed);
            if new_size >= layout.size() {
                grew(new_size - layout.size());
            } else {
                LIVE.fetch_sub(layout.size() - new_size, Relaxed);
            }
        }
        p
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// What one parse cost.
struct Cost {
    /// Peak of live heap bytes above what was live before the parse.
    peak: usize,
    /// Allocations (and reallocations) during the parse.
    allocations: usize,
    /// Heap bytes still live after the parse: the report itself.
    retained: usize,
}

/// What `f` allocates, the value it returns included (it is dropped after the count).
fn measure<T, E: std::fmt::Display>(f: impl FnOnce() -> Result<T, E>) -> Cost {
    let before = LIVE.load(Relaxed);
    PEAK.store(before, Relaxed);
    let count_before = COUNT.load(Relaxed);
    let result = f();
    let after = LIVE.load(Relaxed);
    let cost = Cost {
        peak: PEAK.load(Relaxed) - before,
        allocations: COUNT.load(Relaxed) - count_before,
        retained: after.saturating_sub(before),
    };
    if let Err(e) = &result {
        eprintln!("warning: parse failed: {e}");
    }
    drop(result);
    cost
}

/// The title line the adversarial families start with.
const TITLE: &str = "某某县人民政府2023年政府信息公开工作年度报告\n\n";

/// The size of each adversarial family: near the default `max_input_len` (16 MiB), where a
/// per-line record costs the most against the input.
const FAMILY_BYTES: usize = 15 << 20;

/// `pattern` repeated after `head` until the whole reaches [`FAMILY_BYTES`].
fn repeat_to(head: &str, pattern: &str) -> String {
    let mut s = String::with_capacity(FAMILY_BYTES + pattern.len());
    s.push_str(head);
    while s.len() + pattern.len() <= FAMILY_BYTES {
        s.push_str(pattern);
    }
    s
}

/// Inputs whose lines are as short as lines get, or whose every line is a heading candidate or
/// a table row: the families where the per-line records, not the text, set the peak.
fn families(all: &str) -> Vec<(&'static str, String)> {
    let table3_head = "三、收到和处理政府信息公开申请情况\n\n\
        （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t\t申请人情况\n\
        \t\t自然人\t法人或其他组织\t\t\t\t\t总计\n";
    let mut blank = repeat_to(TITLE, "\n");
    blank.push_str("一、总体情况\n");
    vec![
        ("blank", blank),
        ("arabic", repeat_to(TITLE, "1.\n")),
        ("chinese", repeat_to(TITLE, "一、总体情况\n")),
        (
            "rows",
            repeat_to(&format!("{TITLE}{table3_head}"), "1.属于国家秘密\t1\t0\t0\t0\t0\t1\t2\n"),
        ),
        ("longline", repeat_to(TITLE, "本机关严格落实政府信息公开条例，")),
        ("repeated", repeat_to("", &format!("{all}\n"))),
    ]
}

fn main() {
    let check = std::env::args().any(|a| a == "--check");
    let samples = common::samples();
    let all = common::all_samples(&samples);
    let families = families(&all);
    let mut inputs: Vec<(&str, &str)> =
        samples.iter().map(|(n, t)| (n.split('_').next().unwrap_or(n), t.as_str())).collect();
    inputs.push(("all", all.as_str()));
    inputs.extend(families.iter().map(|(n, t)| (*n, t.as_str())));

    println!(
        "{:>8} {:>9} {:>10} {:>6} {:>7} {:>10} {:>8} {:>15}",
        "input", "bytes", "peak", "peak/n", "allocs", "retained", "ret/n", "bytes: peak/n"
    );
    let mut over = 0;
    for (name, text) in &inputs {
        // The first parse warms up lazily-initialized statics; measure the second.
        let _ = measure(|| gov_info_disclosure::parse(text));
        let cost = measure(|| gov_info_disclosure::parse(text));
        let bytes_cost = measure(|| gov_info_disclosure::parse_bytes(text.as_bytes()));
        let n = text.len().max(1) as f64;
        let ratio = cost.peak as f64 / n;
        if ratio > 4.0 {
            over += 1;
        }
        println!(
            "{:>8} {:>9} {:>10} {:>6.2} {:>7} {:>10} {:>8.2} {:>15.2}{}",
            name,
            text.len(),
            cost.peak,
            ratio,
            cost.allocations,
            cost.retained,
            cost.retained as f64 / n,
            bytes_cost.peak as f64 / n,
            if ratio > 4.0 { "  OVER TARGET (4x)" } else { "" }
        );
    }
    println!("target: peak ≤ 4× input; {over} input(s) over");

    // Where the peak comes from: each stage alone (its inputs prepared beforehand), as a
    // multiple of the input size.
    println!("\npeak of each stage alone, × input size");
    println!(
        "{:>8} {:>7} {:>9} {:>8} {:>11} {:>7} {:>7}",
        "input", "lines", "metadata", "outline", "paragraphs", "tables", "checks"
    );
    for (name, text) in &inputs {
        let n = text.len().max(1) as f64;
        let lines = gov_info_disclosure::internals::stages::lines(text);
        let ok = |v: usize| Ok::<usize, std::convert::Infallible>(v);
        let l = measure(|| ok(gov_info_disclosure::internals::stages::lines(text).len()));
        let m = measure(|| {
            ok(gov_info_disclosure::internals::stages::metadata(text, &lines)
                .map_or(0, usize::from))
        });
        let o = measure(|| ok(gov_info_disclosure::internals::stages::outline(text, &lines)));
        let p = measure(|| ok(gov_info_disclosure::internals::stages::paragraphs(text, &lines)));
        let Ok(report) = gov_info_disclosure::parse(text) else { continue };
        let regions: Vec<_> = report
            .sections
            .iter()
            .flat_map(|s| s.tables.iter().map(|t| (t.span, t.table)))
            .collect();
        let t = measure(|| {
            let mut diagnostics = Vec::new();
            let tables: Vec<_> = regions
                .iter()
                .map(|&(r, k)| gov_info_disclosure::table::read_table(text, r, k, &mut diagnostics))
                .collect();
            ok(tables.len() + diagnostics.len())
        });
        let c = measure(|| ok(gov_info_disclosure::check::check(&report).len()));
        let x = |c: Cost| c.peak as f64 / n;
        println!(
            "{:>8} {:>7.2} {:>9.2} {:>8.2} {:>11.2} {:>7.2} {:>7.2}",
            name,
            x(l),
            x(m),
            x(o),
            x(p),
            x(t),
            x(c)
        );
    }
    if check && over > 0 {
        std::process::exit(1);
    }
}
