//! Span visitors: [`AnnualReport::map_spans`] and one `map_spans` per model type, so that a
//! report parsed from a projection of the input (the text of an HTML page) can have every
//! span rewritten into the original input.

use crate::{
    ActiveDisclosure, AnnualReport, ApplicantCounts, Applications, DecisionCounts, Denied,
    Diagnostic, DocumentCounts, FeeCounts, FrontField, Label, NotProcessed, OtherHandling,
    Outcomes, Paragraph, Preamble, Procurement, ReviewsAndLawsuits, Section, Signature, Span,
    TableRegion, UnableToProvide,
};

macro_rules! cells {
    ($cells:expr, $f:expr) => {
        for c in $cells.iter_mut() {
            *c = $f(*c);
        }
    };
}

impl AnnualReport {
    /// Replaces every span of the report — its own, the preamble's, each section's, paragraph's,
    /// table region's, table row's and cell's, the signature's, the trailer's, and each
    /// diagnostic's, label's and formula operand's — by `f(span)`, in document order of the model's fields.
    ///
    /// `f` should be monotone (`a <= b` ⇒ `f(a) <= f(b)` on both ends) for the coverage
    /// invariant to survive it.
    pub fn map_spans(&mut self, f: &mut impl FnMut(Span) -> Span) {
        self.span = f(self.span);
        self.preamble.map_spans(f);
        for s in &mut self.sections {
            s.map_spans(f);
        }
        if let Some(t) = &mut self.active_disclosure {
            t.map_spans(f);
        }
        if let Some(t) = &mut self.applications {
            t.map_spans(f);
        }
        if let Some(t) = &mut self.reviews_and_lawsuits {
            t.map_spans(f);
        }
        if let Some(t) = &mut self.signature {
            t.map_spans(f);
        }
        cells!(self.trailer, f);
        for d in &mut self.diagnostics {
            d.map_spans(f);
        }
    }
}

impl Preamble {
    /// Maps the preamble's span, title span, paragraphs, front matter and chrome.
    pub fn map_spans(&mut self, f: &mut impl FnMut(Span) -> Span) {
        self.span = f(self.span);
        if let Some(t) = &mut self.title_span {
            *t = f(*t);
        }
        for p in &mut self.paragraphs {
            p.map_spans(f);
        }
        for x in &mut self.front_matter {
            x.map_spans(f);
        }
        cells!(self.chrome, f);
    }
}

impl FrontField {
    /// Maps the line's span.
    pub fn map_spans(&mut self, f: &mut impl FnMut(Span) -> Span) {
        self.span = f(self.span);
    }
}

impl Signature {
    /// Maps the signature's span.
    pub fn map_spans(&mut self, f: &mut impl FnMut(Span) -> Span) {
        self.span = f(self.span);
    }
}

impl Section {
    /// Maps the section's span, heading span, paragraphs, table regions and subsections.
    pub fn map_spans(&mut self, f: &mut impl FnMut(Span) -> Span) {
        self.span = f(self.span);
        self.heading_span = f(self.heading_span);
        for p in &mut self.paragraphs {
            p.map_spans(f);
        }
        for t in &mut self.tables {
            t.map_spans(f);
        }
        for s in &mut self.subsections {
            s.map_spans(f);
        }
    }
}

impl Paragraph {
    /// Maps the paragraph's span.
    pub fn map_spans(&mut self, f: &mut impl FnMut(Span) -> Span) {
        self.span = f(self.span);
    }
}

impl TableRegion {
    /// Maps the region's span.
    pub fn map_spans(&mut self, f: &mut impl FnMut(Span) -> Span) {
        self.span = f(self.span);
    }
}

impl Diagnostic {
    /// Maps the diagnostic's span and its labels' spans.
    pub fn map_spans(&mut self, f: &mut impl FnMut(Span) -> Span) {
        self.span = f(self.span);
        for l in &mut self.related {
            l.map_spans(f);
        }
        if let Some(formula) = &mut self.formula {
            let operands = formula.lhs.iter_mut().chain(&mut formula.rhs);
            for span in operands.filter_map(|o| o.span.as_mut()) {
                *span = f(*span);
            }
        }
    }
}

impl Label {
    /// Maps the label's span.
    pub fn map_spans(&mut self, f: &mut impl FnMut(Span) -> Span) {
        self.span = f(self.span);
    }
}

impl ActiveDisclosure {
    /// Maps the table's span and every row's.
    pub fn map_spans(&mut self, f: &mut impl FnMut(Span) -> Span) {
        self.span = f(self.span);
        for r in [&mut self.regulations, &mut self.normative_documents].into_iter().flatten() {
            r.map_spans(f);
        }
        for r in [
            &mut self.licensing,
            &mut self.other_services,
            &mut self.punishment,
            &mut self.coercion,
        ]
        .into_iter()
        .flatten()
        {
            r.map_spans(f);
        }
        if let Some(r) = &mut self.administrative_fees {
            r.map_spans(f);
        }
        if let Some(r) = &mut self.procurement {
            r.map_spans(f);
        }
    }
}

impl DocumentCounts {
    /// Maps the row's span and its cells'.
    pub fn map_spans(&mut self, f: &mut impl FnMut(Span) -> Span) {
        self.span = f(self.span);
        cells!(self.cells, f);
    }
}

impl DecisionCounts {
    /// Maps the row's span and its cells'.
    pub fn map_spans(&mut self, f: &mut impl FnMut(Span) -> Span) {
        self.span = f(self.span);
        cells!(self.cells, f);
    }
}

impl FeeCounts {
    /// Maps the row's span and its cells'.
    pub fn map_spans(&mut self, f: &mut impl FnMut(Span) -> Span) {
        self.span = f(self.span);
        cells!(self.cells, f);
    }
}

impl Procurement {
    /// Maps the row's span and its cells'.
    pub fn map_spans(&mut self, f: &mut impl FnMut(Span) -> Span) {
        self.span = f(self.span);
        cells!(self.cells, f);
    }
}

impl ApplicantCounts {
    /// Maps the row's span and its cells'.
    pub fn map_spans(&mut self, f: &mut impl FnMut(Span) -> Span) {
        self.span = f(self.span);
        for c in self.cells.iter_mut().flatten() {
            *c = f(*c);
        }
    }
}

fn rows<'a>(
    rows: impl IntoIterator<Item = &'a mut Option<ApplicantCounts>>,
    f: &mut impl FnMut(Span) -> Span,
) {
    for r in rows.into_iter().flatten() {
        r.map_spans(f);
    }
}

impl Applications {
    /// Maps the table's span and every row's.
    pub fn map_spans(&mut self, f: &mut impl FnMut(Span) -> Span) {
        self.span = f(self.span);
        rows(
            [
                &mut self.new_received,
                &mut self.carried_over,
                &mut self.granted,
                &mut self.partially_granted,
            ],
            f,
        );
        self.denied.map_spans(f);
        self.unable_to_provide.map_spans(f);
        self.not_processed.map_spans(f);
        self.other_handling.map_spans(f);
        rows([&mut self.total_processed, &mut self.carried_forward], f);
    }
}

impl Denied {
    /// Maps every row's span.
    pub fn map_spans(&mut self, f: &mut impl FnMut(Span) -> Span) {
        rows(
            [
                &mut self.state_secret,
                &mut self.prohibited_by_law,
                &mut self.security_and_stability,
                &mut self.third_party_rights,
                &mut self.internal_affairs,
                &mut self.process_information,
                &mut self.enforcement_files,
                &mut self.administrative_query,
            ],
            f,
        );
    }
}

impl UnableToProvide {
    /// Maps every row's span.
    pub fn map_spans(&mut self, f: &mut impl FnMut(Span) -> Span) {
        rows([&mut self.not_held, &mut self.needs_creation, &mut self.unclear_after_correction], f);
    }
}

impl NotProcessed {
    /// Maps every row's span.
    pub fn map_spans(&mut self, f: &mut impl FnMut(Span) -> Span) {
        rows(
            [
                &mut self.complaint_or_petition,
                &mut self.repeated,
                &mut self.publication,
                &mut self.excessive,
                &mut self.confirmation,
            ],
            f,
        );
    }
}

impl OtherHandling {
    /// Maps every row's span.
    pub fn map_spans(&mut self, f: &mut impl FnMut(Span) -> Span) {
        rows(
            [&mut self.no_correction, &mut self.unpaid_fee, &mut self.other, &mut self.undivided],
            f,
        );
    }
}

impl ReviewsAndLawsuits {
    /// Maps the table's span and each block's cells.
    pub fn map_spans(&mut self, f: &mut impl FnMut(Span) -> Span) {
        self.span = f(self.span);
        self.review.map_spans(f);
        self.lawsuit_direct.map_spans(f);
        self.lawsuit_after_review.map_spans(f);
    }
}

impl Outcomes {
    /// Maps each cell's span.
    pub fn map_spans(&mut self, f: &mut impl FnMut(Span) -> Span) {
        for c in self.cells.iter_mut().flatten() {
            *c = f(*c);
        }
    }
}
