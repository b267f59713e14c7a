//! A structurally valid report generated from the input (`gov_info_disclosure::generate`,
//! tables written by the `render` module in every layout that can express them): it parses,
//! keeps every guarantee, and reads back its sections, edition and tables. The checks live in
//! `gov_info_disclosure::internals::fuzzing` so that `tests/fuzz_replay.rs` runs the same code.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    gov_info_disclosure::internals::fuzzing::roundtrip_target(data);
});
