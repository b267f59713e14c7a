//! Parser for Chinese government information-disclosure annual reports
//! (政府信息公开工作年度报告).
//!
//! (Crate docs: overview, quick start, guarantees, layers, features — being written.)

#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![warn(missing_debug_implementations, rust_2018_idioms)]

mod assemble;
pub mod check;
mod diagnostic;
mod encoding;
mod error;
#[doc(hidden)]
pub mod fuzzing;
mod layout;
mod metadata;
mod model;
mod options;
mod outline;
pub mod parsers;
pub mod render;
pub mod snippet;
mod span;
pub mod table;

pub use diagnostic::{Code, Diagnostic, Label, Severity};
pub use encoding::{decode, parse_bytes, parse_bytes_with, Decoded, DecodedReport, TextEncoding};
pub use error::ParseError;
pub use model::*;
pub use options::ParseOptions;
pub use span::{LineIndex, Span};

/// Parses the text of a report with the default [`ParseOptions`].
///
/// # Errors
/// Only for fatal conditions: [`ParseError::Empty`] for empty or all-whitespace input,
/// [`ParseError::NotAReport`] for text with no title, heading or table,
/// [`ParseError::TooLarge`] over the size limit. Everything else is a [`Diagnostic`] on the
/// returned report.
pub fn parse(input: &str) -> Result<AnnualReport, ParseError> {
    parse_with(input, &ParseOptions::default())
}

/// Parses the text of a report with the given options.
///
/// # Errors
/// As [`parse`], plus [`ParseError::TooDeep`] when headings nest deeper than
/// [`ParseOptions::max_heading_depth`].
pub fn parse_with(input: &str, options: &ParseOptions) -> Result<AnnualReport, ParseError> {
    assemble::assemble(input, options)
}
