//! Writes N generated reports (structurally valid, random tables) into a directory.
//!
//! `cargo run --release --features arbitrary --example generate -- N DIR [SEED]` writes
//! `DIR/generated_00000.txt` … one report each, from the seeded byte stream of a splitmix64
//! generator, so the same N and SEED (default 0) always write the same files. The reports come
//! from `gov_info_disclosure::generate`: title, intro, the six sections, subsections,
//! paragraphs, page numbers, and tables 二, 三 and 四 in every text layout.
//! Exit code 2 with a one-line error for bad arguments or an unwritable directory.

use std::path::PathBuf;
use std::process::ExitCode;

use arbitrary::{Arbitrary, Unstructured};
use gov_info_disclosure::generate::GeneratedReport;

/// Bytes of generator input per report: enough for every choice of a full report.
const BYTES_PER_REPORT: usize = 8192;

fn splitmix64(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

fn run() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let usage = "usage: generate N DIR [SEED]";
    let n: usize = args.next().ok_or(usage)?.parse().map_err(|e| format!("N: {e}"))?;
    let dir = PathBuf::from(args.next().ok_or(usage)?);
    let seed: u64 = match args.next() {
        Some(s) => s.parse().map_err(|e| format!("SEED: {e}"))?,
        None => 0,
    };
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let mut state = seed;
    let mut bytes = vec![0u8; BYTES_PER_REPORT];
    for i in 0..n {
        for chunk in bytes.chunks_mut(8) {
            let word = splitmix64(&mut state).to_le_bytes();
            chunk.copy_from_slice(&word[..chunk.len()]);
        }
        let report = GeneratedReport::arbitrary(&mut Unstructured::new(&bytes))
            .map_err(|e| format!("report {i}: {e}"))?;
        let path = dir.join(format!("generated_{i:05}.txt"));
        std::fs::write(&path, report.text)
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    println!("wrote {n} reports to {}", dir.display());
    Ok(())
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}
