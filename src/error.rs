//! [`ParseError`]: the few fatal conditions. Everything else is a [`Diagnostic`](crate::Diagnostic).

/// Why no report could be built at all.
///
/// Only fatal conditions are errors; everything recoverable is reported as a
/// [`Diagnostic`](crate::Diagnostic) on the parsed report.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ParseError {
    /// The input holds nothing but whitespace (or nothing at all).
    #[error("input is empty: expected the text of a 政府信息公开工作年度报告")]
    Empty,
    /// The input has no title, no section heading and no table: it is not a report.
    #[error("no report structure found: expected a title such as `…政府信息公开工作年度报告` or a heading such as `一、总体情况`")]
    NotAReport,
    /// The input is larger than [`ParseOptions::max_input_len`](crate::ParseOptions::max_input_len).
    #[error("input is {len} bytes, over the limit of {limit} bytes")]
    TooLarge {
        /// Size of the input in bytes.
        len: usize,
        /// The configured limit.
        limit: usize,
    },
    /// Headings nest deeper than [`ParseOptions::max_heading_depth`](crate::ParseOptions::max_heading_depth).
    #[error("headings nest {depth} levels deep at byte {offset}, over the limit of {limit}")]
    TooDeep {
        /// Depth reached.
        depth: usize,
        /// The configured limit.
        limit: usize,
        /// Byte offset of the heading that went too deep.
        offset: usize,
    },
    /// Bytes given to [`parse_bytes`](crate::parse_bytes) that are valid in no supported encoding.
    #[error("cannot decode input as {encoding}: invalid byte sequence at byte {offset}")]
    Undecodable {
        /// The encoding that failed (`"UTF-8"`, `"gb18030"`, `"UTF-16LE"` …): the one a BOM
        /// announced, else whichever of UTF-8 and gb18030 decoded the longer prefix.
        encoding: &'static str,
        /// Offset of the first byte that could not be decoded.
        offset: usize,
    },
}
