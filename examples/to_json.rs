//! Prints a report's JSON (the model of the crate docs) on stdout.
//!
//! `cargo run --example to_json -- FILE` parses FILE; `-` reads stdin; with no argument the
//! bundled sample 001 is parsed. An unreadable file or non-UTF-8 bytes: a one-line error on
//! stderr and exit code 2. A fatal parse error: its message on stderr, exit code 1.

use std::io::{Read, Write};
use std::process::ExitCode;

const BUNDLED: &str = include_str!("../tests/data/001_8b9db0a3de107dcf.txt");

fn read(arg: Option<&str>) -> Result<String, String> {
    match arg {
        None => Ok(BUNDLED.to_string()),
        Some("-") => {
            let mut bytes = Vec::new();
            std::io::stdin()
                .read_to_end(&mut bytes)
                .map_err(|e| format!("cannot read stdin: {e}"))?;
            String::from_utf8(bytes).map_err(|e| format!("stdin is not UTF-8: {e}"))
        }
        Some(path) => {
            let bytes = std::fs::read(path).map_err(|e| format!("cannot read {path}: {e}"))?;
            String::from_utf8(bytes).map_err(|e| format!("{path} is not UTF-8: {e}"))
        }
    }
}

fn main() -> ExitCode {
    let arg = std::env::args().nth(1);
    let text = match read(arg.as_deref()) {
        Ok(text) => text,
        Err(message) => {
            eprintln!("error: {message}");
            return ExitCode::from(2);
        }
    };
    match gov_info_disclosure::parse(&text) {
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
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
