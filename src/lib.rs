//! Parser for Chinese government information-disclosure annual reports
//! (政府信息公开工作年度报告).
//!
//! Every Chinese government body publishes such a report each year, in the format fixed by
//! 国办公开办函〔2021〕30号 (reports on 2021 onward), 〔2019〕60号 (2019–2020) or, before that,
//! in free form. [`parse`] turns the report's text — as web pages and PDF extractors produce
//! it — into an [`AnnualReport`]: title, organ, year, edition, publication date, signature,
//! the section tree with clean paragraph text, the three statistical tables, and
//! [`Diagnostic`]s for everything unusual.
//!
//! # Quick start
//!
//! ```
//! use gov_info_disclosure::{parse, Code, SectionKind};
//!
//! let text = "\
//! 某县某镇人民政府
//! 2023 年政府信息公开工作年度报告
//!
//! 一、总体情况
//! 2023 年，我镇认真贯彻落实《条例》，
//! 扎实推进政府信息公开工作。
//! （一）主动公开。全年主动公开政府信息 300 条。
//! 二、主动公开政府信息情况
//! 三、收到和处理政府信息公开申请情况
//! 四、政府信息公开行政复议、行政诉讼情况
//! 五、存在的主要问题及改进情况
//! 六、其他需要报告的事项
//! 某县某镇人民政府
//! 2024年1月22日
//! ";
//! let report = parse(text).unwrap();
//! assert_eq!(report.title, "某县某镇人民政府2023年政府信息公开工作年度报告");
//! assert_eq!(report.year, Some(2023));
//! assert_eq!(report.sections.len(), 6);
//! let overview = &report.sections[0];
//! assert_eq!(overview.kind, Some(SectionKind::Overview));
//! // Lines broken mid-sentence are joined; `2023 年` loses its stray space.
//! assert_eq!(overview.paragraphs[0].text, "2023年，我镇认真贯彻落实《条例》，扎实推进政府信息公开工作。");
//! assert_eq!(overview.subsections[0].title, "主动公开");
//! let signature = report.signature.as_ref().unwrap();
//! assert_eq!(signature.date.unwrap().to_string(), "2024-01-22");
//! // Sections 二, 三 and 四 hold no table here: each gets a `table-missing` diagnostic.
//! let missing = report.diagnostics().iter().filter(|d| d.code == Code::TableMissing);
//! assert_eq!(missing.count(), 3);
//! ```
//!
//! # Guarantees
//!
//! - **No panics**, whatever the `&str`: every parser is total and never slices inside a
//!   character.
//! - **Lossless spans**: every [`Span`] is a byte range of the original input (never of a
//!   normalized copy), and every byte lies inside some node: the preamble and the level-1
//!   sections tile the input, each section holds its heading, paragraphs, table regions and
//!   subsections. [`AnnualReport::check_coverage`] checks it; debug builds assert it on
//!   every parse.
//! - **Linear time** in the input length; **limits**: [`ParseOptions::max_input_len`]
//!   (16 MiB) and [`ParseOptions::max_heading_depth`] (8).
//! - **Deterministic**: the same input gives the same report, diagnostics included.
//!
//! # The pipeline
//!
//! Data flows one way; each stage reads what the one before it produced (module in brackets):
//!
//! 0. Input (`encoding`, `html`, `controls`): bytes decoded (BOM, UTF-8, UTF-16, GB18030); an
//!    HTML page projected to text with a map back to its bytes; NUL and other control
//!    characters set aside. Every span is mapped back into what the user passed.
//! 1. The first pass (`firstpass`, over `layout`'s physical lines): logical lines that tile the
//!    input — physical lines (`\n`, `\r\n`, a lone `\r`, VT, FF, NEL, U+2028/9), cut further
//!    where structure starts inside a line (a heading marker that continues the document's
//!    numbering, a table anchor, a table row label), so that a web page's one-line body reads
//!    like a PDF's lines. Every later stage reads these lines; none splits the raw text again.
//! 2. Front matter (`metadata`): a crawler's `key: value` header and site chrome, the title,
//!    organ, year, the edition (decided once, passed down), publication date and signature.
//! 3. Outline (`outline`): headings and their levels (from the order in which marker styles
//!    appear), the title of a heading glued to its text, the kind of each level-1 section, the
//!    table regions; paragraphs rebuilt from PDF-broken lines (`layout`).
//! 4. Tables (`table`): the three statistical tables typed from their regions' lines in any
//!    layout, each cell read by one value grammar, digits run together split by the table's own
//!    arithmetic; then [`check`] runs the 勾稽 (arithmetic consistency) rules on the assembled
//!    [`AnnualReport`] (`assemble` runs the stages in this order).
//!
//! Beside the pipeline: the leaves every stage shares — `text` (the one fold, blank rule and
//! display width), [`parsers`] (public parsers in nom's shape for the text's pieces: Chinese
//! numerals, heading markers, dates, page numbers) and `template` (the official format's words:
//! section titles, table rows and columns, edition markers); the model ([`AnnualReport`] and
//! its parts); and the writer ([`render`], `generate`), which reads the model and the template
//! only, never the reader, so that the round trip tests the reader against text it did not
//! shape.
//!
//! # Errors and diagnostics
//!
//! [`ParseError`] is only for fatal cases: empty input, text that is no report at all (no
//! title, no heading, no table), input over the size limit, headings nested too deep.
//! Everything else — a missing table, a skipped heading number, an unclear edition, a failed
//! 勾稽 check — is a [`Diagnostic`] with a stable [`Code`], a [`Severity`], the [`Span`] it
//! is about and an English message saying what was expected and what was found.
//! [`Diagnostic::display`] renders it under its source line with carets.
//!
//! # The JSON
//!
//! The serde JSON of [`AnnualReport`] is the contract other programs read (keys in
//! snake_case, counts as integers or `null`, money as a decimal string such as
//! `"24252.311082"`, dates as `"YYYY-MM-DD"`, spans as `{ "start", "end" }` byte offsets). It
//! is lossless: reading it back gives an equal report, on which [`check::check`] gives the
//! same diagnostics. Beyond the keys of the format's tables it holds:
//!
//! - `cells` on every table row: each cell's span, in column order (table 三 and 四 rows: one
//!   entry per column, `null` where the row has no such cell).
//! - `formula` on a diagnostic of a failed 勾稽 check ([`Code::is_check`]) or a
//!   `blank-in-check` note about one formula: `{ rule, lhs, rhs, lhs_sum, rhs_sum }`, each
//!   operand `{ name, value, span }` ([`Formula`], [`Operand`]).
//! - `related` (labels: `{ span, message }`) and `notes` (strings) on a diagnostic, left
//!   out when empty; `front_matter`, `chrome`, `trailer` and a section's `tables`, left
//!   out when empty.
//!
//! The names of the enums (`"2021"`, `"applications"`, `"row-total-mismatch"`, `"error"`)
//! are also what their [`Display`](std::fmt::Display) writes and
//! [`FromStr`](std::str::FromStr) reads. With the `schema` feature, `json_schema()` gives
//! the JSON Schema; the crate ships it as `schema/annual_report.schema.json`.
//!
//! # Bytes and encodings
//!
//! Files saved on Chinese Windows are often GBK. [`parse_bytes`] takes the raw bytes, detects
//! UTF-8 (with or without BOM), UTF-16 (with a BOM or without) or GB18030/GBK, decodes them
//! and returns the decoded text with the report ([`DecodedReport`]); spans point into that
//! text. A few malformed bytes become U+FFFD with an `invalid-bytes` warning
//! ([`ParseOptions::lossy_decoding`]); bytes valid in no supported encoding are a
//! [`ParseError::Undecodable`] naming the offset.
//!
#![cfg_attr(feature = "html", doc = include_str!("html/doc.md"))]
//! # Features
//!
//! - `html` (default): HTML pages in (`parse_html`, `parse_html_bytes`), with the html5gum
//!   tokenizer. Without it the crate reads text only and [`parse_bytes`] treats every input as
//!   text.
//! - `arbitrary`: `arbitrary::Arbitrary` for the table types, and the `generate` module: a
//!   generator of structurally valid report text (random sections, tables in random layouts,
//!   random numbers) for downstream fuzz harnesses and benches.
//! - `internals`: the crate's own test, fuzz and bench harness. Not public API (hidden, no
//!   semver promise); its tests enable it through a dev-dependency on itself.
//! - `schema`: `schemars::JsonSchema` for the model and `json_schema()`, the JSON Schema of
//!   the report's JSON (also committed as `schema/annual_report.schema.json`).
//!
//! The limits and what they guarantee are detailed on [`ParseOptions`].
//!
//! # The format
//!
//! `docs/format.md`, shipped with the crate, summarises the official format
//! (国办公开办函〔2021〕30号 and 〔2019〕60号): sections, the rows and columns of the three tables,
//! the 勾稽 rules and what real reports do otherwise. The docs cite it by section
//! (`docs/format.md §3.5`).

#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![warn(missing_debug_implementations, rust_2018_idioms)]

mod assemble;
pub mod check;
pub mod compare;
mod controls;
mod diagnostic;
mod encoding;
mod error;
mod firstpass;
#[cfg(feature = "html")]
mod html;
#[cfg(feature = "internals")]
pub mod internals;
mod layout;
mod metadata;
mod model;
mod options;
mod outline;
pub mod parsers;
mod span;
pub mod table;
mod template;
mod text;
mod write;

pub use diagnostic::{Code, Diagnostic, DiagnosticRenderer, Formula, Label, Operand, Severity};
pub use encoding::{decode, parse_bytes, parse_bytes_with, Decoded, DecodedReport, TextEncoding};
pub use error::{ParseError, UnknownName};
#[cfg(feature = "html")]
pub use html::{parse_html, parse_html_bytes, parse_html_bytes_with, parse_html_with};
pub use model::*;
pub use options::ParseOptions;
pub use span::{LineIndex, Span};
#[cfg(feature = "arbitrary")]
pub use write::generate;
pub use write::render;

/// Parses the text of a report with the default [`ParseOptions`].
///
/// # Errors
/// Only for fatal conditions: [`ParseError::Empty`] for empty or all-whitespace input,
/// [`ParseError::NotAReport`] for text with no title, heading or table,
/// [`ParseError::TooLarge`] over the size limit. Everything else is a [`Diagnostic`] on the
/// returned report.
pub fn parse(input: &str) -> Result<AnnualReport, ParseError> {
    parse_with(input, &ParseOptions::default())
}

/// Parses the text of a report with the given options.
///
/// # Errors
/// As [`parse`], plus [`ParseError::TooDeep`] when headings nest deeper than
/// [`ParseOptions::max_heading_depth`].
pub fn parse_with(input: &str, options: &ParseOptions) -> Result<AnnualReport, ParseError> {
    assemble::assemble(input, options)
}

/// The JSON Schema (draft 2020-12) of an [`AnnualReport`] as serde writes it: every key,
/// which are optional, counts as integers or `null`, decimals and dates as patterned
/// strings. The same schema is committed at `schema/annual_report.schema.json` for programs
/// in other languages; a test keeps the two identical.
///
/// ```
/// let schema = gov_info_disclosure::json_schema();
/// assert_eq!(schema["title"], "AnnualReport");
/// ```
#[cfg(feature = "schema")]
pub fn json_schema() -> serde_json::Value {
    schemars::schema_for!(AnnualReport).into()
}

#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
