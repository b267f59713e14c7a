//! Input handling shared by the `to_json` and `outline` examples.

use std::io::Read;

/// Sample 001, parsed when no file is named.
const BUNDLED: &str = include_str!("../../tests/data/001_8b9db0a3de107dcf.txt");

/// The bytes of FILE, of stdin for `-`, or of the bundled sample with no argument; the error
/// is the one-line message the examples print before exiting with code 2.
pub fn read(arg: Option<&str>) -> Result<Vec<u8>, String> {
    match arg {
        None => Ok(BUNDLED.as_bytes().to_vec()),
        Some("-") => {
            let mut bytes = Vec::new();
            std::io::stdin()
                .read_to_end(&mut bytes)
                .map_err(|e| format!("cannot read stdin: {e}"))?;
            Ok(bytes)
        }
        Some(path) => std::fs::read(path).map_err(|e| format!("cannot read {path}: {e}")),
    }
}
