//! Byte spans into the original input, and line/column lookup for rendering.

use serde::{Deserialize, Serialize};

/// A half-open range of byte offsets `start..end` into the ORIGINAL input.
///
/// Spans never point into a normalized copy: `&input[span.start..span.end]` is always the
/// text as the author (or the PDF extractor) wrote it. Both offsets lie on `char` boundaries.
///
/// ```
/// use gov_info_disclosure::Span;
/// let input = "一、总体情况";
/// let span = Span::new(0, 6);
/// assert_eq!(span.slice(input), "一、");
/// assert_eq!(span.len(), 6);
/// assert_eq!(span.to_string(), "0..6");
/// ```
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
pub struct Span {
    /// First byte of the range.
    pub start: usize,
    /// One past the last byte of the range.
    pub end: usize,
}

impl Span {
    /// Makes a span; `start` must not exceed `end`.
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// An empty span at `offset`.
    pub const fn empty(offset: usize) -> Self {
        Span { start: offset, end: offset }
    }

    /// Number of bytes covered.
    pub const fn len(&self) -> usize {
        self.end - self.start
    }

    /// Whether the span covers no byte.
    pub const fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The smallest span covering both `self` and `other`.
    pub fn cover(self, other: Span) -> Span {
        Span { start: self.start.min(other.start), end: self.end.max(other.end) }
    }

    /// Whether `other` lies entirely inside `self`.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The covered text of `source`, or `""` when the span does not fit it (never panics).
    pub fn slice<'a>(&self, source: &'a str) -> &'a str {
        source.get(self.start..self.end).unwrap_or("")
    }

    /// The span of `part`, which must be a sub-slice of `base`, as offsets into `base`.
    ///
    /// This is how spans are computed from nom's `&str` remainders without nom_locate.
    pub fn of_subslice(base: &str, part: &str) -> Span {
        let start = (part.as_ptr() as usize).saturating_sub(base.as_ptr() as usize);
        Span { start, end: start + part.len() }
    }

    /// Shifts the span right by `offset` bytes (rebasing a span computed on a sub-slice).
    pub const fn shift(self, offset: usize) -> Span {
        Span { start: self.start + offset, end: self.end + offset }
    }
}

impl std::fmt::Display for Span {
    /// `start..end`, as a Rust range: `Span::new(3, 9)` is `3..9`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

impl From<std::ops::Range<usize>> for Span {
    fn from(r: std::ops::Range<usize>) -> Self {
        Span { start: r.start, end: r.end }
    }
}

/// Line starts of a source text, to turn byte offsets into 1-based lines and columns.
///
/// Line and column exist only here, at render time; the model stores bytes.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
    len: usize,
}

impl LineIndex {
    /// Indexes `source`. Lines end at `\n`, `\r\n` or a lone `\r`, the same rule as the
    /// layout's lines (classic Mac files and some PDF extractors end lines with `\r` alone), so
    /// rendered line numbers match the lines the parser saw.
    pub fn new(source: &str) -> Self {
        let bytes = source.as_bytes();
        let mut starts = vec![0];
        for (i, &b) in bytes.iter().enumerate() {
            let ends_line = b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n'));
            if ends_line {
                starts.push(i + 1);
            }
        }
        LineIndex { starts, len: source.len() }
    }

    /// The 1-based line number holding byte `offset` (offsets past the end map to the last line).
    pub fn line(&self, offset: usize) -> usize {
        let offset = offset.min(self.len);
        match self.starts.binary_search(&offset) {
            Ok(i) => i + 1,
            Err(i) => i,
        }
    }

    /// Byte offset where 1-based `line` starts.
    pub fn line_start(&self, line: usize) -> usize {
        self.starts.get(line.saturating_sub(1)).copied().unwrap_or(self.len)
    }

    /// Number of lines (a text with no `\n` has one line).
    pub fn line_count(&self) -> usize {
        self.starts.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_index_maps_offsets() {
        let src = "ab\ncd\n\nef";
        let idx = LineIndex::new(src);
        assert_eq!(idx.line(0), 1);
        assert_eq!(idx.line(2), 1);
        assert_eq!(idx.line(3), 2);
        assert_eq!(idx.line(6), 3);
        assert_eq!(idx.line(7), 4);
        assert_eq!(idx.line(100), 4);
        assert_eq!(idx.line_start(2), 3);
        assert_eq!(idx.line_count(), 4);
    }

    #[test]
    fn line_index_knows_every_terminator() {
        // `\r\n` is one terminator; a lone `\r` is one too.
        let src = "a\r\nb\rc\n\r\nd";
        let idx = LineIndex::new(src);
        assert_eq!(idx.line_count(), 5);
        assert_eq!(idx.line(0), 1);
        assert_eq!(idx.line(1), 1); // the `\r` of `\r\n` belongs to line 1
        assert_eq!(idx.line(2), 1);
        assert_eq!(idx.line(3), 2);
        assert_eq!(idx.line(5), 3);
        assert_eq!(idx.line(7), 4);
        assert_eq!(idx.line(9), 5);
        assert_eq!(idx.line_start(3), 5);
        // Agrees with the layout's lines on every input shape.
        for input in ["", "a", "a\n", "a\r\nb", "a\rb\n\n", "\r\r\n\n\r", "一\r二\r\n三"] {
            let idx = LineIndex::new(input);
            let lines = crate::firstpass::lines(input);
            for (n, l) in lines.iter().enumerate() {
                assert_eq!(idx.line_start(n + 1), l.span.start, "{input:?} line {}", n + 1);
                assert_eq!(idx.line(l.span.start), n + 1, "{input:?}");
            }
        }
    }

    #[test]
    fn slice_never_panics() {
        let s = "一二";
        assert_eq!(Span::new(1, 2).slice(s), "");
        assert_eq!(Span::new(0, 99).slice(s), "");
        assert_eq!(Span::new(3, 6).slice(s), "二");
    }
}
