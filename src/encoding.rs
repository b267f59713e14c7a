//! Bytes in: UTF-8 (with or without BOM), UTF-16 with a BOM, GB18030/GBK (being written).

use crate::{AnnualReport, ParseError};

/// The encoding a byte input was decoded from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TextEncoding {
    /// UTF-8, with or without a BOM.
    Utf8,
}

/// A report parsed from bytes, with the text it was decoded to (spans point into `text`).
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct DecodedReport {
    /// The encoding detected.
    pub encoding: TextEncoding,
    /// The decoded text; the report's spans are offsets into it.
    pub text: String,
    /// The parsed report.
    pub report: AnnualReport,
}

/// Decodes `bytes` and parses them.
///
/// # Errors
/// [`ParseError::Undecodable`] when the bytes are valid in no supported encoding, and every
/// error of [`parse`](crate::parse).
pub fn parse_bytes(bytes: &[u8]) -> Result<DecodedReport, ParseError> {
    let text = std::str::from_utf8(bytes)
        .map_err(|e| ParseError::Undecodable { encoding: "UTF-8", offset: e.valid_up_to() })?
        .to_string();
    let report = crate::parse(&text)?;
    Ok(DecodedReport { encoding: TextEncoding::Utf8, text, report })
}
