//! Replays every file under fuzz/corpus and fuzz/artifacts through the fuzz targets' own
//! entry functions (`gov_info_disclosure::fuzzing`), so every past find stays a test even
//! where cargo-fuzz is not installed.
//!
//! Every target accepts any bytes, so every file goes through every target, whichever
//! target's corpus it was found for. The `roundtrip` target needs the `arbitrary` feature
//! (`cargo test --features arbitrary`, as CI runs it).

use std::path::{Path, PathBuf};

use gov_info_disclosure::fuzzing;

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

fn replay_files() -> Vec<PathBuf> {
    let fuzz = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let mut files = Vec::new();
    files_under(&fuzz.join("corpus"), &mut files);
    files_under(&fuzz.join("artifacts"), &mut files);
    files.sort();
    files
}

#[test]
fn corpus_and_artifacts_replay_through_every_target() {
    let files = replay_files();
    // The committed seed corpus alone has the samples and their lines: if this fails, the
    // corpus was not found, and nothing was replayed.
    assert!(files.len() >= 10, "only {} files under fuzz/corpus and fuzz/artifacts", files.len());
    for path in &files {
        let data = std::fs::read(path).expect("readable corpus file");
        let run = std::panic::catch_unwind(|| {
            fuzzing::parse_bytes_target(&data);
            fuzzing::parsers_target(&data);
            #[cfg(feature = "arbitrary")]
            fuzzing::roundtrip_target(&data);
        });
        if let Err(panic) = run {
            let msg = panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default();
            panic!("{} fails a fuzz target: {msg}", path.display());
        }
    }
}
