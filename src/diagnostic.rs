//! Recoverable problems found while parsing: [`Diagnostic`], its [`Severity`] and [`Code`].
//!
//! Parsing never stops for these: the report is still built, and everything noticed is
//! collected in [`AnnualReport::diagnostics`](crate::AnnualReport::diagnostics).

use serde::{Deserialize, Serialize};

use crate::Span;

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
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

/// Stable, kebab-case name of a kind of diagnostic. Match on it; never on the message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
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

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A secondary place in the source that a diagnostic refers to (a header, a total cell).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
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

/// A recoverable problem, with the bytes it is about.
///
/// Messages start with a lowercase English word, say what was expected and what was found,
/// and quote source text in backticks.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
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

    /// Renders the diagnostic against its source, rustc-style, with carets under the bytes.
    ///
    /// The layout is described in the [`snippet`](crate::snippet) module.
    pub fn display<'a>(&'a self, source: &'a str) -> impl std::fmt::Display + 'a {
        crate::snippet::Snippet { diagnostic: self, source }
    }
}
