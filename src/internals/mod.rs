//! The crate's own test, fuzz and bench harness helpers, behind the `internals` feature.
//!
//! NOT public API: hidden from the docs, exempt from semver, free to change or disappear with
//! any release. The crate's tests, benches and fuzz targets enable the feature (the tests
//! through a dev-dependency of the crate on itself); a user of the library never needs it.

pub mod fuzzing;
pub mod stages;

/// Whether a line reads as a row of one of the statistical tables (the table reader's own
/// test), for the tests of the first pass's cuts and the table properties.
pub fn is_table_line(line: &str) -> bool {
    crate::table::is_table_line(line)
}

/// The text an HTML page projects to (what the first pass reads of a page).
#[cfg(feature = "html")]
pub fn html_projection(html: &str) -> String {
    crate::html::projection(html)
}
