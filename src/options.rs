//! [`ParseOptions`]: limits and switches, built with setters.

/// Options for [`parse_with`](crate::parse_with). `ParseOptions::default()` is what
/// [`parse`](crate::parse) uses.
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
}

impl Default for ParseOptions {
    fn default() -> Self {
        ParseOptions { max_input_len: 16 * 1024 * 1024, max_heading_depth: 8 }
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

    /// Sets [`max_heading_depth`](Self::max_heading_depth).
    pub fn max_heading_depth(mut self, depth: usize) -> Self {
        self.max_heading_depth = depth;
        self
    }
}
