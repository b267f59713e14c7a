//! Writes N generated reports (structurally valid, random tables) into a directory.
//!
//! `cargo run --release --features arbitrary --example generate -- N DIR [SEED]` writes
//! `DIR/generated_00000.txt` … one report each, from the seeded byte stream of a splitmix64
//! generator, so the same N and SEED (default 0) always write the same files. The reports come
//! from `gov_info_disclosure::generate`: title, intro, the six sections, subsections,
//! paragraphs, page numbers, and tables 二, 三 and 四 in every text layout.
//! Exit codes: 0 written, 2 bad usage or an unwritable directory (a one-line error on stderr).

use std::ffi::OsString;
use std::path::PathBuf;

use arbitrary::{Arbitrary, Unstructured};
use clap::Parser;
use gov_info_disclosure::generate::GeneratedReport;

mod common;

use common::{arguments, bad_input, Io, CLEAN};

/// Writes N generated reports (structurally valid, random tables) into DIR.
#[derive(Debug, Parser)]
#[command(name = "generate", about, long_about = None)]
struct Cli {
    /// How many reports.
    n: usize,
    /// Where to write them (created if missing).
    dir: PathBuf,
    /// The generator's seed: the same N and SEED always write the same files.
    #[arg(default_value_t = 0)]
    seed: u64,
}

/// Bytes of generator input per report: enough for every choice of a full report.
const BYTES_PER_REPORT: usize = 8192;

fn splitmix64(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

fn write(cli: &Cli) -> Result<(), String> {
    let (n, dir) = (cli.n, &cli.dir);
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let mut state = cli.seed;
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
    Ok(())
}

fn run(args: Vec<OsString>, io: &mut Io<'_>) -> u8 {
    let cli: Cli = match arguments(args, io) {
        Ok(cli) => cli,
        Err(code) => return code,
    };
    match write(&cli) {
        Ok(()) => {
            let _ = writeln!(io.out, "wrote {} reports to {}", cli.n, cli.dir.display());
            CLEAN
        }
        Err(message) => bad_input(io, message),
    }
}

fn main() -> std::process::ExitCode {
    common::main_with(run)
}

#[cfg(test)]
mod tests {
    use super::*;
    use common::{assert_help, run_tool};

    #[test]
    fn help_usage_and_a_run() {
        assert_help(run, &["<N>", "<DIR>", "[SEED]"]);
        let (code, _, err) = run_tool(run, &["x", "/tmp"], b"");
        assert_eq!(code, 2);
        assert!(err.contains("invalid digit") && err.contains("<N>"), "{err}");
        let dir = std::env::temp_dir().join(format!("generate-test-{}", std::process::id()));
        let (code, out, _) = run_tool(run, &["3", dir.to_str().unwrap(), "7"], b"");
        assert_eq!(code, 0);
        assert!(out.starts_with("wrote 3 reports"));
        let first = std::fs::read_to_string(dir.join("generated_00000.txt")).unwrap();
        assert!(gov_info_disclosure::parse(&first).is_ok());
        let _ = std::fs::remove_dir_all(&dir);
    }
}
