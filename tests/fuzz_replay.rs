//! Replays the files under fuzz/corpus and fuzz/artifacts through the fuzz targets' own entry
//! functions (`gov_info_disclosure::internals::fuzzing`), so every past find stays a test even where
//! cargo-fuzz is not installed.
//!
//! A corpus file goes through the target it was collected for (`fuzz/corpus/<target>/…`);
//! an artifact, the minimized input of a past failure, goes through every target, since every
//! target accepts any bytes. The `roundtrip` target needs the `arbitrary` feature
//! (`cargo test --features arbitrary`, as CI runs it).

use std::path::{Path, PathBuf};

use gov_info_disclosure::internals::fuzzing;

fn files_under(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries {
        let path = entry.expect("directory entry").path();
        if path.is_dir() {
            files_under(&path, out);
        } else if path.file_name().is_some_and(|n| n != ".gitkeep" && n != "README.md") {
            out.push(path);
        }
    }
}

/// Runs `target` on `data`, naming the file in the panic message.
fn run(path: &Path, target: &str, data: &[u8]) {
    let result = std::panic::catch_unwind(|| match target {
        "parse" => fuzzing::parse_bytes_target(data),
        "parsers" => fuzzing::parsers_target(data),
        #[cfg(feature = "arbitrary")]
        "roundtrip" => fuzzing::roundtrip_target(data),
        #[cfg(feature = "html")]
        "html" => fuzzing::html_target(data),
        _ => {}
    });
    if let Err(panic) = result {
        let msg = panic
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_default();
        panic!("{} fails fuzz target `{target}`: {msg}", path.display());
    }
}

#[test]
fn corpus_and_artifacts_replay_through_their_targets() {
    let fuzz = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let mut count = 0;
    for target in ["parse", "parsers", "roundtrip", "html"] {
        let mut files = Vec::new();
        files_under(&fuzz.join("corpus").join(target), &mut files);
        files.sort();
        for path in &files {
            run(path, target, &std::fs::read(path).expect("readable corpus file"));
        }
        count += files.len();
    }
    let mut artifacts = Vec::new();
    files_under(&fuzz.join("artifacts"), &mut artifacts);
    artifacts.sort();
    for path in &artifacts {
        let data = std::fs::read(path).expect("readable artifact");
        for target in ["parse", "parsers", "roundtrip", "html"] {
            run(path, target, &data);
        }
    }
    // The committed seed corpus alone has the samples, the fixtures and their lines: if this
    // fails, the corpus was not found and nothing was replayed.
    assert!(count >= 100 && !artifacts.is_empty(), "only {count} corpus files found");
}
