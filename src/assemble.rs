//! Glue: lines → outline → metadata → tables → checks → [`AnnualReport`].

use crate::{AnnualReport, Edition, ParseError, ParseOptions, Preamble, Span};

/// Builds the report. Placeholder until the outline lands.
pub(crate) fn assemble(input: &str, options: &ParseOptions) -> Result<AnnualReport, ParseError> {
    if input.len() > options.max_input_len {
        return Err(ParseError::TooLarge { len: input.len(), limit: options.max_input_len });
    }
    if input.trim().is_empty() {
        return Err(ParseError::Empty);
    }
    let span = Span::new(0, input.len());
    let mut report = AnnualReport {
        title: String::new(),
        organ: None,
        year: None,
        edition: Edition::Unknown,
        published: None,
        signature: None,
        preamble: Preamble { title_span: None, paragraphs: Vec::new(), span },
        sections: Vec::new(),
        active_disclosure: None,
        applications: None,
        reviews_and_lawsuits: None,
        diagnostics: Vec::new(),
        span,
    };
    let _ = (crate::layout::PLACEHOLDER, crate::metadata::PLACEHOLDER, crate::outline::PLACEHOLDER);
    report.diagnostics.extend(crate::check::check(&report));
    Ok(report)
}
