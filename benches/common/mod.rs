//! Shared by the benches: the samples of `tests/data`, and the line-splitting baseline.
#![allow(dead_code)] // each bench uses a different part of this module

use std::path::Path;

/// The sample reports of `tests/data`, `(file name, text)`, sorted by name.
///
/// Read at run time rather than with `include_str!`, so a sample added to `tests/data` is
/// benched without editing the benches.
pub fn samples() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    let mut out: Vec<(String, String)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .filter_map(|entry| entry.ok())
        .map(|entry| entry.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| {
            let name = p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            let text = std::fs::read_to_string(&p)
                .unwrap_or_else(|e| panic!("cannot read {}: {e}", p.display()));
            (name, text)
        })
        .collect();
    out.sort();
    assert!(!out.is_empty(), "no samples in {}", dir.display());
    out
}

/// All samples, one after the other.
pub fn all_samples(samples: &[(String, String)]) -> String {
    samples.iter().map(|(_, t)| t.as_str()).collect::<Vec<_>>().join("\n")
}

/// The baseline: split the input into lines and touch every byte of every line once (the
/// least any line-oriented parser must do). The parser's cost is reported as a ratio to this.
///
/// `str::lines` finds each `\n` (memchr) and strips a `\r`; summing the bytes of each line
/// makes the loop read every byte, so the baseline is not just a newline count.
pub fn split_lines(input: &str) -> u64 {
    let mut acc = 0u64;
    for line in input.lines() {
        acc = acc.wrapping_add(line.len() as u64);
        for b in line.bytes() {
            acc = acc.wrapping_add(u64::from(b));
        }
    }
    acc
}
