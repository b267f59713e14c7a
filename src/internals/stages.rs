//! Thin wrappers around the crate-internal stages, for `benches/stages.rs` only.
//!
//! NOT public API: hidden from the docs, exempt from semver, and free to change or disappear
//! with any release. (The pattern of httparse's `_benchable` module, spec/style.md.) Each
//! wrapper runs exactly one stage on inputs prepared by the previous ones, so a bench can time
//! that stage alone.

use crate::layout::{self, Line};
use crate::{metadata, outline, Diagnostic, ParseOptions};

/// The lines of an input (opaque), as the later stages take them.
#[derive(Debug, Clone)]
pub struct Lines(Vec<Line>);

impl Lines {
    /// Number of lines.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there is no line (empty input).
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// Stage "lines": splits the input into classified lines.
pub fn lines(input: &str) -> Lines {
    Lines(crate::firstpass::lines(input))
}

/// Stage "fold": the folded, space-free copy of the whole input that keyword matching uses.
pub fn fold_compact(input: &str) -> String {
    crate::parsers::fold_compact(input)
}

/// Stage "metadata": title, organ, year, publication date and edition. Returns the year.
pub fn metadata(input: &str, lines: &Lines) -> Option<u16> {
    let mut diagnostics = Vec::new();
    let front = metadata::front(input, &lines.0, &mut diagnostics);
    let year = front.year.or_else(|| metadata::year_from_period(input));
    let _ = metadata::edition(input, year, &mut diagnostics);
    year
}

/// Stage "outline": the wrap width and the heading tree (as for a 2021-format report).
/// Returns the number of headings.
pub fn outline(input: &str, lines: &Lines) -> usize {
    let wrap = layout::wrap_width(input, &lines.0);
    let mut diagnostics: Vec<Diagnostic> = Vec::new();
    outline::outline(input, &lines.0, wrap, false, &ParseOptions::default(), &mut diagnostics)
        .map_or(0, |h| h.len())
}

/// Stage "paragraphs": every text line of the input joined into normalized paragraphs.
/// Returns the number of paragraphs.
pub fn paragraphs(input: &str, lines: &Lines) -> usize {
    let wrap = layout::wrap_width(input, &lines.0);
    let segments: Vec<crate::Span> =
        lines.0.iter().filter(|l| l.kind == layout::LineKind::Text).map(|l| l.content).collect();
    layout::paragraphs(input, segments, wrap).len()
}
