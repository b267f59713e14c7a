//! Any bytes through `parse_bytes`: no panic, spans tile the input and sit on char
//! boundaries, the JSON serializes, every diagnostic renders. The checks live in
//! `gov_info_disclosure::internals::fuzzing` so that `tests/fuzz_replay.rs` runs the same code.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    gov_info_disclosure::internals::fuzzing::parse_bytes_target(data);
});
