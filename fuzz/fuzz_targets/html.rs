//! Any bytes as an HTML page: `fuzzing::html_target` (no panic, every guarantee held).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| gov_info_disclosure::internals::fuzzing::html_target(data));
