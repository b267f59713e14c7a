//! Rendering a [`Diagnostic`] against its source, rustc-style.
//!
//! ```text
//! warning[ragged-row]: expected 7 cells, found 8
//!   --> line 48, column 1
//!    |
//! 48 | 一、本年新收政府信息公开申请数量    0    0
//!    | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
//!    = note: …
//! ```
//! Line and column are computed here only; the column counts characters from the line start.
//! Carets are laid out by grapheme cluster: a CJK or full-width character is 2 columns wide,
//! a tab 4, and a caret never splits a character.

use std::fmt;

use crate::Diagnostic;

/// Adapter returned by [`Diagnostic::display`].
#[derive(Debug)]
pub(crate) struct Snippet<'a> {
    pub(crate) diagnostic: &'a Diagnostic,
    pub(crate) source: &'a str,
}

impl fmt::Display for Snippet<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = self.diagnostic;
        // Placeholder rendering; replaced by the full snippet renderer.
        writeln!(f, "{}[{}]: {}", d.severity.as_str(), d.code.as_str(), d.message)?;
        writeln!(f, "  --> bytes {}..{}: `{}`", d.span.start, d.span.end, d.span.slice(self.source))
    }
}
