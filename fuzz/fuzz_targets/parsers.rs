//! Every public nom parser (and the table reader) on any input: no panic, the rest is a
//! suffix of the input, folding is idempotent, numerals read back. The checks live in
//! `gov_info_disclosure::internals::fuzzing` so that `tests/fuzz_replay.rs` runs the same code.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    gov_info_disclosure::internals::fuzzing::parsers_target(data);
});
