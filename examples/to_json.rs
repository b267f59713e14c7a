//! Prints a report's JSON (the model of the crate docs) on stdout.
//!
//! `cargo run --example to_json -- FILE` parses FILE; `-` reads stdin; with no argument the
//! bundled sample 001 is parsed. The bytes may be UTF-8 (with or without BOM), UTF-16 with a
//! BOM, or GB18030/GBK (`parse_bytes` detects which). An unreadable file or bytes valid in no
//! supported encoding: a one-line error on stderr and exit code 2. A fatal parse error: its
//! message on stderr, exit code 1.

use std::io::Write;
use std::process::ExitCode;

use gov_info_disclosure::ParseError;

mod common;

use common::read;

fn main() -> ExitCode {
    let arg = std::env::args().nth(1);
    let bytes = match read(arg.as_deref()) {
        Ok(bytes) => bytes,
        Err(message) => {
            eprintln!("error: {message}");
            return ExitCode::from(2);
        }
    };
    match gov_info_disclosure::parse_bytes(&bytes).map(|decoded| decoded.report) {
        Ok(report) => match serde_json::to_string_pretty(&report) {
            Ok(json) => {
                // A closed pipe (`| head`) is not an error worth a panic.
                let mut out = std::io::stdout().lock();
                let _ = writeln!(out, "{json}");
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("error: cannot serialize the report: {e}");
                ExitCode::FAILURE
            }
        },
        Err(e @ ParseError::Undecodable { .. }) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
