//! Any bytes as an HTML page: `parse_html` on the lossily decoded text and `parse_html_bytes`
//! on the bytes; no panic, and every guarantee of `fuzzing::check_report` on the result (spans
//! tile the HTML, sit on char boundaries, the JSON serializes, diagnostics render).
#![no_main]

use gov_info_disclosure::fuzzing::check_report;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let html = String::from_utf8_lossy(data);
    if let Ok(report) = gov_info_disclosure::parse_html(&html) {
        check_report(&html, &report);
    }
    if let Ok(decoded) = gov_info_disclosure::parse_html_bytes(data) {
        check_report(&decoded.text, &decoded.report);
    }
});
