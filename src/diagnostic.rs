//! Recoverable problems found while parsing: [`Diagnostic`], its [`Severity`] and [`Code`].
//!
//! Parsing never stops for these: the report is still built, and everything noticed is
//! collected in [`AnnualReport::diagnostics`](crate::AnnualReport::diagnostics).

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::{LineIndex, Span};

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Severity {
    /// Data could not be read or is inconsistent (a failed 勾稽 check, a missing table).
    Error,
    /// Something unusual that was handled, but a human may want to look.
    Warning,
    /// Information: how an irregular input was interpreted.
    Note,
}

impl Severity {
    /// The lowercase name used in JSON and in rendered output.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
        }
    }
}

crate::error::json_names!(Severity, "severity");

/// Stable, kebab-case name of a kind of diagnostic. Match on it; never on the message.
///
/// ```
/// use gov_info_disclosure::Code;
/// let code: Code = "row-total-mismatch".parse().unwrap();
/// assert_eq!(code, Code::RowTotalMismatch);
/// assert_eq!(code.to_string(), "row-total-mismatch");
/// assert!(code.is_check());
/// assert!("row-total".parse::<Code>().is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Code {
    /// A section that should hold a statistical table has none (often: it was an image).
    TableMissing,
    /// A table row has more or fewer cells than its columns.
    RaggedRow,
    /// A row inside a table whose label matches no row of the official format.
    UnknownRow,
    /// A row of the official format that the table does not have.
    MissingRow,
    /// The same row appears twice in one table.
    DuplicateRow,
    /// A cell that is neither a number, a blank nor a dash.
    InvalidCell,
    /// Digits run together with no separator that the table arithmetic cannot split uniquely.
    AmbiguousDigits,
    /// Table 三, per column: 一 + 二 ≠ （七）总计 + 四.
    BalanceMismatch,
    /// Table 三, per row: 总计 ≠ the sum of the six applicant columns.
    RowTotalMismatch,
    /// Table 三, per column: （七）总计 ≠ the sum of the result rows.
    ColumnTotalMismatch,
    /// Table 四: a block's 总计 ≠ 结果维持 + 结果纠正 + 其他结果 + 尚未审结.
    OutcomeTotalMismatch,
    /// A blank cell was treated as 0 inside an arithmetic check.
    BlankInCheck,
    /// Text that could not be typed; kept as text with its span.
    UnparsedText,
    /// A level-1 section expected by the official format is absent.
    MissingSection,
    /// A heading whose number does not follow the previous one.
    HeadingOutOfOrder,
    /// Headings nested deeper than [`ParseOptions::max_heading_depth`](crate::ParseOptions).
    HeadingTooDeep,
    /// No title could be found at the top of the report.
    MissingTitle,
    /// The format edition could not be decided, or the markers contradict each other.
    EditionUnclear,
    /// A date that is not a valid calendar date.
    InvalidDate,
    /// The input was not UTF-8 and was decoded from another encoding.
    Decoded,
    /// Web-page chrome around the report (breadcrumbs, `字号：大 中 小`, share and print
    /// buttons, `附件下载`, footer lines) was recognized and kept out of the title, the organ
    /// and the signature.
    SiteChrome,
    /// Control characters (NUL, other C0 and C1 controls) in the text, ignored; noted once.
    ControlCharacters,
    /// Bytes malformed in the encoding detected, decoded as U+FFFD (lossy decoding).
    InvalidBytes,
    /// A table region that holds table text (labelled rows, numbers) but yields no table.
    TableUnread,
}

impl Code {
    /// The kebab-case name, as in JSON (`"table-missing"`).
    pub fn as_str(self) -> &'static str {
        match self {
            Code::TableMissing => "table-missing",
            Code::RaggedRow => "ragged-row",
            Code::UnknownRow => "unknown-row",
            Code::MissingRow => "missing-row",
            Code::DuplicateRow => "duplicate-row",
            Code::InvalidCell => "invalid-cell",
            Code::AmbiguousDigits => "ambiguous-digits",
            Code::BalanceMismatch => "balance-mismatch",
            Code::RowTotalMismatch => "row-total-mismatch",
            Code::ColumnTotalMismatch => "column-total-mismatch",
            Code::OutcomeTotalMismatch => "outcome-total-mismatch",
            Code::BlankInCheck => "blank-in-check",
            Code::UnparsedText => "unparsed-text",
            Code::MissingSection => "missing-section",
            Code::HeadingOutOfOrder => "heading-out-of-order",
            Code::HeadingTooDeep => "heading-too-deep",
            Code::MissingTitle => "missing-title",
            Code::EditionUnclear => "edition-unclear",
            Code::InvalidDate => "invalid-date",
            Code::Decoded => "decoded",
            Code::SiteChrome => "site-chrome",
            Code::ControlCharacters => "control-characters",
            Code::InvalidBytes => "invalid-bytes",
            Code::TableUnread => "table-unread",
        }
    }
}

impl Code {
    /// Whether this code is a failed 勾稽 check (the arithmetic of tables 三 and 四): such a
    /// diagnostic carries its [`Formula`] in [`Diagnostic::formula`].
    ///
    /// [`Code::BlankInCheck`] is not a failure: it notes how a blank was read (or that a
    /// check was skipped), and carries the formula too where it is about one.
    pub fn is_check(self) -> bool {
        matches!(
            self,
            Code::BalanceMismatch
                | Code::RowTotalMismatch
                | Code::ColumnTotalMismatch
                | Code::OutcomeTotalMismatch
        )
    }
}

crate::error::json_names!(Code, "diagnostic code");

/// A secondary place in the source that a diagnostic refers to (a header, a total cell).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Label {
    /// The bytes referred to.
    pub span: Span,
    /// What they are, e.g. `总计 (14)`.
    pub message: String,
}

impl Label {
    /// Makes a label.
    pub fn new(span: Span, message: impl Into<String>) -> Self {
        Label { span, message: message.into() }
    }
}

/// The formula of a 勾稽 check and the numbers it was evaluated with: `lhs` summed against
/// `rhs`, a blank operand counting as 0 ([`crate::check`] explains the rules).
///
/// In JSON it is the diagnostic's `formula` key, present on failed checks
/// ([`Code::is_check`]) and on the `blank-in-check` notes about one formula.
///
/// ```
/// use gov_info_disclosure::check::check_reviews_and_lawsuits;
/// use gov_info_disclosure::ReviewsAndLawsuits;
///
/// let mut table = ReviewsAndLawsuits::default();
/// table.review.upheld = Some(10);
/// table.review.corrected = Some(1);
/// table.review.total = Some(0);
/// let failed = check_reviews_and_lawsuits(&table);
/// let formula = failed[0].formula.as_deref().unwrap();
/// assert_eq!(formula.lhs[0].name, "结果维持");
/// assert_eq!(formula.lhs[0].value, Some(10));
/// assert_eq!(formula.lhs[2].value, None); // 其他结果 was blank
/// assert_eq!((formula.lhs_sum, formula.rhs_sum), (11, 0));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Formula {
    /// The rule as written in the template's terms, e.g.
    /// `自然人: 本年新收 + 上年结转 = 办理结果总计 + 结转下年度`.
    pub rule: String,
    /// The operands on the left of `=`, in order.
    pub lhs: Vec<Operand>,
    /// The operands on the right of `=`, in order.
    pub rhs: Vec<Operand>,
    /// The sum of `lhs`, blanks as 0 (wider than a count: many counts can exceed `u64`).
    pub lhs_sum: u128,
    /// The sum of `rhs`, blanks as 0.
    pub rhs_sum: u128,
}

/// One operand of a [`Formula`]: a cell of a table.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Operand {
    /// The cell's name in the rule: a row (`本年新收`, `（三）1`), a column (`自然人`,
    /// `总计`) or a table-四 outcome (`结果维持`).
    pub name: String,
    /// The count, `None` when the cell was blank.
    pub value: Option<u64>,
    /// The cell's bytes; `None` when the table has no such cell at all.
    pub span: Option<Span>,
}

/// A recoverable problem, with the bytes it is about.
///
/// Messages start with a lowercase English word, say what was expected and what was found,
/// and quote source text in backticks.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Diagnostic {
    /// How serious it is.
    pub severity: Severity,
    /// Stable kind.
    pub code: Code,
    /// English, one line: what was expected and what was found.
    pub message: String,
    /// The offending bytes.
    pub span: Span,
    /// Other places involved (header cells, totals), each with a short label.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<Label>,
    /// Extra lines: the rule's name, the arithmetic written out, hints.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// For a 勾稽 check: the formula with its operands' names, values and cells.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub formula: Option<Box<Formula>>,
}

impl Diagnostic {
    /// Makes a diagnostic with no related spans or notes.
    pub fn new(severity: Severity, code: Code, span: Span, message: impl Into<String>) -> Self {
        Diagnostic {
            severity,
            code,
            message: message.into(),
            span,
            related: Vec::new(),
            notes: Vec::new(),
            formula: None,
        }
    }

    /// An [`Severity::Error`] diagnostic.
    pub fn error(code: Code, span: Span, message: impl Into<String>) -> Self {
        Self::new(Severity::Error, code, span, message)
    }

    /// A [`Severity::Warning`] diagnostic.
    pub fn warning(code: Code, span: Span, message: impl Into<String>) -> Self {
        Self::new(Severity::Warning, code, span, message)
    }

    /// A [`Severity::Note`] diagnostic.
    pub fn note(code: Code, span: Span, message: impl Into<String>) -> Self {
        Self::new(Severity::Note, code, span, message)
    }

    /// Adds a related span.
    pub fn with_label(mut self, span: Span, message: impl Into<String>) -> Self {
        self.related.push(Label::new(span, message));
        self
    }

    /// Adds a note line.
    pub fn with_note(mut self, note: impl Into<String>) -> Self {
        self.notes.push(note.into());
        self
    }

    /// Renders the diagnostic against its source, rustc-style, with carets under the bytes
    /// (see [`DiagnosticRenderer`]; to render many against one source, index it once there).
    ///
    /// ```
    /// use gov_info_disclosure::{Code, Diagnostic, Span};
    /// let source = "项目\t数量\n本年新收\t12\t3\n";
    /// let d = Diagnostic::warning(Code::RaggedRow, Span::new(14, 26), "expected 2 cells, found 3");
    /// assert_eq!(
    ///     d.display(source).to_string(),
    ///     "\
    /// warning[ragged-row]: expected 2 cells, found 3
    ///  --> <input>:2:1
    ///   |
    /// 2 | 本年新收    12    3
    ///   | ^^^^^^^^
    /// "
    /// );
    /// ```
    pub fn display<'a>(&'a self, source: &'a str) -> impl fmt::Display + 'a {
        Display { diagnostic: self, source }
    }
}

/// What [`Diagnostic::display`] returns.
struct Display<'a> {
    diagnostic: &'a Diagnostic,
    source: &'a str,
}

impl fmt::Display for Display<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&DiagnosticRenderer::new(self.source).render(self.diagnostic))
    }
}

/// Renders diagnostics against one source text, rustc-style, with
/// [annotate-snippets](https://docs.rs/annotate-snippets) — the renderer of rustc and cargo,
/// so the output reads as every Rust user already reads compiler errors, and its layout
/// (labels that do not fit beside their carets, multi-line spans, lines wider than the
/// terminal cut around the carets, CJK and full-width characters two columns wide, tabs as
/// four spaces, control and bidi characters made visible) is a maintained crate's.
///
/// What it adds for report text:
/// - Lines are those of the parser ([`LineIndex`]): `\n`, `\r\n`, or a lone `\r`.
/// - Any span renders, never a panic: spans past the end are clamped to it, a `start > end`
///   span is read as `end..start`, offsets inside a character widen to it.
/// - A span that ends with a line break is shown on the line it ends (a table row's span
///   includes its `\n`).
/// - Only the lines around the annotations are handed to the renderer, so rendering every
///   diagnostic of a large report stays linear; labels far from the primary span (more than
///   32 lines) get a snippet of their own.
///
/// The location line is ` --> ORIGIN:LINE:COLUMN` (column in characters, from 1); ORIGIN
/// is `<input>` unless [`origin`](Self::origin) names the file.
#[derive(Debug, Clone)]
pub struct DiagnosticRenderer<'a> {
    source: &'a str,
    lines: LineIndex,
    origin: &'a str,
    styled: bool,
}

/// Widest source line shown whole, in display columns; wider lines are cut around the
/// carets. 160 keeps a table row of the 2021 format (a 30-character label and seven
/// tab-separated counts, about 100 columns) whole.
const MAX_LINE_WIDTH: usize = 160;

/// Lines between two annotations beyond which they are shown in separate snippets.
const CLUSTER_GAP: usize = 32;

impl<'a> DiagnosticRenderer<'a> {
    /// Indexes the lines of `source`.
    pub fn new(source: &'a str) -> Self {
        DiagnosticRenderer {
            source,
            lines: LineIndex::new(source),
            origin: "<input>",
            styled: false,
        }
    }

    /// Names the source in the location line (a file name), instead of `<input>`.
    pub fn origin(mut self, origin: &'a str) -> Self {
        self.origin = origin;
        self
    }

    /// ANSI colours, for a terminal (plain text by default).
    pub fn styled(mut self, styled: bool) -> Self {
        self.styled = styled;
        self
    }

    /// Renders `diagnostic` (the text ends with a newline).
    pub fn render(&self, diagnostic: &Diagnostic) -> String {
        use annotate_snippets::{AnnotationKind, Group, Level, Renderer};

        let d = diagnostic;
        let level = match d.severity {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
            Severity::Note => Level::NOTE,
        };
        // (span, label, primary), spans made renderable.
        let mut marks: Vec<(Span, &str, bool)> = vec![(self.clamp(d.span), "", true)];
        marks.extend(d.related.iter().map(|l| (self.clamp(l.span), l.message.as_str(), false)));
        let mut group = Group::with_title(level.primary_title(&d.message).id(d.code.as_str()));
        for cluster in self.clusters(&marks) {
            let (first, last) = cluster.lines;
            let start = self.lines.line_start(first);
            let end = self.line_end(last);
            let excerpt = self.excerpt(start, end);
            let annotations = cluster.marks.iter().map(|&(span, label, primary)| {
                let kind = if primary { AnnotationKind::Primary } else { AnnotationKind::Context };
                let range =
                    span.start.clamp(start, end) - start..span.end.clamp(start, end) - start;
                let annotation = kind.span(range);
                if label.is_empty() {
                    annotation
                } else {
                    annotation.label(label)
                }
            });
            let snippet = annotate_snippets::Snippet::source(excerpt)
                .line_start(first)
                .path(self.origin)
                .annotations(annotations);
            group = group.element(snippet);
        }
        for note in &d.notes {
            group = group.element(Level::NOTE.message(note));
        }
        let renderer = if self.styled { Renderer::styled() } else { Renderer::plain() };
        let mut out = renderer.term_width(MAX_LINE_WIDTH).render(&[group]);
        out.push('\n');
        out
    }

    /// `span` clamped to the source, ordered, widened to `char` boundaries, and without a
    /// final line break unless that is all it covers.
    fn clamp(&self, span: Span) -> Span {
        let len = self.source.len();
        let (a, b) = (span.start.min(len), span.end.min(len));
        let (mut start, mut end) = (a.min(b), a.max(b));
        // An offset inside a character points at that character.
        while !self.source.is_char_boundary(start) {
            start -= 1;
        }
        if a == b {
            return Span::empty(start);
        }
        while !self.source.is_char_boundary(end) {
            end += 1;
        }
        let content = self.source[start..end].trim_end_matches(['\n', '\r']).len();
        if content > 0 {
            end = start + content;
        }
        Span::new(start, end)
    }

    /// The byte where 1-based `line`'s text ends (before its line break).
    fn line_end(&self, line: usize) -> usize {
        let next = if line < self.lines.line_count() {
            self.lines.line_start(line + 1)
        } else {
            self.source.len()
        };
        let text = &self.source[self.lines.line_start(line)..next];
        self.lines.line_start(line) + text.trim_end_matches(['\n', '\r']).len()
    }

    /// The source between `start` and `end`, with each lone `\r` (a line break to the
    /// parser) written as `\n`, which annotate-snippets breaks lines at: same length, so
    /// the offsets hold.
    fn excerpt(&self, start: usize, end: usize) -> std::borrow::Cow<'a, str> {
        let text = &self.source[start..end];
        let bytes = text.as_bytes();
        let lone = |i: usize| bytes[i] == b'\r' && bytes.get(i + 1) != Some(&b'\n');
        if !(0..bytes.len()).any(lone) {
            return text.into();
        }
        let mut out = String::with_capacity(text.len());
        for (i, c) in text.char_indices() {
            out.push(if c == '\r' && lone(i) { '\n' } else { c });
        }
        out.into()
    }

    /// The marks grouped into runs of nearby lines, the primary mark's run first.
    fn clusters<'m>(&self, marks: &'m [(Span, &'m str, bool)]) -> Vec<Cluster<'m>> {
        let lines_of = |span: Span| {
            let first = self.lines.line(span.start);
            let last = if span.is_empty() { first } else { self.lines.line(span.end - 1) };
            (first, last.max(first))
        };
        let mut order: Vec<usize> = (0..marks.len()).collect();
        order.sort_by_key(|&i| lines_of(marks[i].0));
        let mut clusters: Vec<Cluster<'m>> = Vec::new();
        for i in order {
            let (first, last) = lines_of(marks[i].0);
            match clusters.last_mut() {
                Some(c) if first <= c.lines.1 + CLUSTER_GAP => {
                    c.lines.1 = c.lines.1.max(last);
                    c.marks.push(marks[i]);
                }
                _ => clusters.push(Cluster { lines: (first, last), marks: vec![marks[i]] }),
            }
        }
        clusters.sort_by_key(|c| !c.marks.iter().any(|m| m.2));
        clusters
    }
}

/// Annotations on nearby lines, rendered as one snippet.
struct Cluster<'m> {
    /// First and last line, 1-based.
    lines: (usize, usize),
    marks: Vec<(Span, &'m str, bool)>,
}
