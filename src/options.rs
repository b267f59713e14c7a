//! [`ParseOptions`]: limits and switches, built with setters.

/// Options for [`parse_with`](crate::parse_with) and
/// [`parse_bytes_with`](crate::parse_bytes_with). `ParseOptions::default()` is what
/// [`parse`](crate::parse) and [`parse_bytes`](crate::parse_bytes) use.
///
/// # Guarantees
///
/// The crate is meant to be fed whatever is scraped from thousands of government sites, so
/// for **any** input:
///
/// - **No panics.** Every public function and every public nom parser in
///   [`parsers`](crate::parsers) accepts any `&str` (and [`parse_bytes`](crate::parse_bytes)
///   any `&[u8]`) without panicking; rendering a [`Diagnostic`](crate::Diagnostic) accepts any
///   span, even one past the end or inside a character. This is checked by cargo-fuzz targets
///   (`fuzz/`, replayed by `tests/fuzz_replay.rs` on every `cargo test`) and by proptest
///   properties over strings biased to CJK, full-width forms, tabs, `\r\n`, heading markers
///   and digits.
/// - **Lossless spans.** Every byte of the input lies in the span of some node: the preamble
///   and the level-1 sections tile `0..input.len()`, and each child's span lies inside its
///   parent's ([`AnnualReport::check_coverage`](crate::AnnualReport::check_coverage)). Spans
///   are byte offsets into the original text on `char` boundaries, never into a normalized
///   copy. For bytes input they point into [`DecodedReport::text`](crate::DecodedReport::text).
/// - **Linear time.** Parsing takes time linear in the input's size, adversarial inputs
///   included (a megabyte of `一、`, of tabs, of `（`, one giant line, 100 000 empty lines, a
///   table of 10 000 rows); see the crate's scaling bench.
/// - **Typed, or told why not.** Input either yields an
///   [`AnnualReport`](crate::AnnualReport), with everything irregular reported as a
///   [`Diagnostic`](crate::Diagnostic), or a [`ParseError`](crate::ParseError) naming the
///   fatal condition: empty input, no report structure, a limit below exceeded, or bytes
///   that no supported encoding decodes (with the offset of the first bad byte).
/// - **Deterministic.** The same input and options give the same report, byte for byte of
///   its JSON.
/// - **Limits.** Resources are bounded by the two limits below; exceeding one is an error,
///   never a truncated result:
///   - [`max_input_len`](Self::max_input_len) (default 16 MiB) →
///     [`ParseError::TooLarge`](crate::ParseError::TooLarge). For bytes input it applies to
///     the bytes before decoding and again to the decoded text.
///   - [`max_heading_depth`](Self::max_heading_depth) (default 8) →
///     [`ParseError::TooDeep`](crate::ParseError::TooDeep), with the offset of the heading
///     that went too deep.
///
/// ```
/// use gov_info_disclosure::{parse_with, ParseError, ParseOptions};
/// let options = ParseOptions::new().max_input_len(16);
/// let err = parse_with("一、总体情况\n本年度无变化。\n", &options).unwrap_err();
/// assert!(matches!(err, ParseError::TooLarge { limit: 16, .. }));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ParseOptions {
    /// Largest input accepted, in bytes. Default: 16 MiB (the largest real report seen is
    /// well under 1 MiB of text).
    pub max_input_len: usize,
    /// Deepest heading nesting accepted (一、 → （一） → 1. → （1） → ① is 5). Default: 8.
    pub max_heading_depth: usize,
    /// Whether [`parse_bytes_with`](crate::parse_bytes_with) decodes bytes with a few
    /// malformed sequences (at most one per 100 bytes) by replacing each with U+FFFD, with an
    /// `invalid-bytes` warning giving their offsets, rather than failing with
    /// [`ParseError::Undecodable`](crate::ParseError::Undecodable). Default: `true` — one
    /// stray byte in a scraped file should not lose the report, and the warning says where
    /// it was.
    pub lossy_decoding: bool,
}

impl Default for ParseOptions {
    fn default() -> Self {
        ParseOptions { max_input_len: 16 * 1024 * 1024, max_heading_depth: 8, lossy_decoding: true }
    }
}

impl ParseOptions {
    /// The defaults.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets [`max_input_len`](Self::max_input_len).
    pub fn max_input_len(mut self, bytes: usize) -> Self {
        self.max_input_len = bytes;
        self
    }

    /// Sets [`lossy_decoding`](Self::lossy_decoding).
    pub fn lossy_decoding(mut self, lossy: bool) -> Self {
        self.lossy_decoding = lossy;
        self
    }

    /// Sets [`max_heading_depth`](Self::max_heading_depth).
    pub fn max_heading_depth(mut self, depth: usize) -> Self {
        self.max_heading_depth = depth;
        self
    }
}
