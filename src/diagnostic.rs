//! Recoverable problems found while parsing: [`Diagnostic`], its [`Severity`] and [`Code`].
//!
//! Parsing never stops for these: the report is still built, and everything noticed is
//! collected in [`AnnualReport::diagnostics`](crate::AnnualReport::diagnostics).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::{Span, UnknownName};

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

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Severity {
    type Err = UnknownName;

    /// The names of [`as_str`](Self::as_str): `error`, `warning`, `note`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        UnknownName::parse("severity", s)
    }
}

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

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Code {
    type Err = UnknownName;

    /// The names of [`as_str`](Self::as_str), as in JSON (`table-missing`).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        UnknownName::parse("diagnostic code", s)
    }
}

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

    /// Renders the diagnostic against its source, rustc-style, with carets under the bytes.
    ///
    /// The layout is described in the [`snippet`](crate::snippet) module.
    pub fn display<'a>(&'a self, source: &'a str) -> impl std::fmt::Display + 'a {
        crate::snippet::Snippet { diagnostic: self, source }
    }
}
