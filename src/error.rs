//! [`ParseError`]: the few fatal conditions. Everything else is a [`Diagnostic`](crate::Diagnostic).
//! [`UnknownName`]: a name that no variant of a model enum has.

use serde::de::{DeserializeOwned, IntoDeserializer};

use crate::Span;

/// Why no report could be built at all.
///
/// Only fatal conditions are errors; everything recoverable is reported as a
/// [`Diagnostic`](crate::Diagnostic) on the parsed report.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ParseError {
    /// The input holds nothing but whitespace (or nothing at all).
    #[error("input is empty: expected the text of a 政府信息公开工作年度报告")]
    Empty,
    /// The input has no title, no section heading and no table: it is not a report.
    #[error("no report structure found: expected a title such as `…政府信息公开工作年度报告` or a heading such as `一、总体情况`")]
    NotAReport,
    /// The input is larger than [`ParseOptions::max_input_len`](crate::ParseOptions::max_input_len).
    #[error("input is {len} bytes, over the limit of {limit} bytes")]
    TooLarge {
        /// Size of the input in bytes.
        len: usize,
        /// The configured limit.
        limit: usize,
    },
    /// Headings nest deeper than [`ParseOptions::max_heading_depth`](crate::ParseOptions::max_heading_depth).
    #[error("headings nest {depth} levels deep at byte {offset}, over the limit of {limit}")]
    TooDeep {
        /// Depth reached.
        depth: usize,
        /// The configured limit.
        limit: usize,
        /// Byte offset of the heading that went too deep.
        offset: usize,
        /// The heading that went too deep (marker and title).
        heading: Span,
    },
    /// Bytes given to [`parse_bytes`](crate::parse_bytes) that are valid in no supported encoding.
    #[error("cannot decode input as {encoding}: invalid byte sequence at byte {offset}")]
    Undecodable {
        /// The encoding that failed (`"UTF-8"`, `"gb18030"`, `"UTF-16LE"` …): the one a BOM
        /// announced, else whichever of UTF-8 and gb18030 decoded the longer prefix.
        encoding: &'static str,
        /// Offset of the first byte that could not be decoded.
        offset: usize,
    },
}

impl ParseError {
    /// The bytes the error is about, where it has some: the heading of
    /// [`TooDeep`](Self::TooDeep), the first undecodable byte of
    /// [`Undecodable`](Self::Undecodable) (an offset into the bytes given, not into text).
    ///
    /// ```
    /// use gov_info_disclosure::{parse_with, ParseOptions};
    /// let text = "一、总体情况\n（一）主动公开\n1.网站\n";
    /// let err = parse_with(text, &ParseOptions::new().max_heading_depth(2)).unwrap_err();
    /// assert_eq!(err.span().map(|s| s.slice(text)), Some("1.网站"));
    /// ```
    pub fn span(&self) -> Option<Span> {
        match *self {
            ParseError::TooDeep { heading, .. } => Some(heading),
            ParseError::Undecodable { offset, .. } => Some(Span::new(offset, offset + 1)),
            ParseError::Empty | ParseError::NotAReport | ParseError::TooLarge { .. } => None,
        }
    }
}

/// A string that names no variant of a model enum: what [`FromStr`](std::str::FromStr) of
/// [`Code`](crate::Code), [`Severity`](crate::Severity), [`Edition`](crate::Edition) and
/// [`SectionKind`](crate::SectionKind) returns. The names accepted are the JSON ones.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {what} `{found}`")]
pub struct UnknownName {
    /// What was being named (`diagnostic code`, `edition` …).
    pub what: &'static str,
    /// The string given.
    pub found: String,
}

impl UnknownName {
    /// `s` read as the serde name of a unit variant of `T`: one list of names, the serde
    /// attributes', for JSON and for `FromStr`.
    pub(crate) fn parse<T: DeserializeOwned>(what: &'static str, s: &str) -> Result<T, Self> {
        let de: serde::de::value::StrDeserializer<'_, serde::de::value::Error> =
            s.into_deserializer();
        T::deserialize(de).map_err(|_| UnknownName { what, found: s.to_string() })
    }
}

/// `Display` and `FromStr` for a model enum from its `as_str`: writes its JSON name, and
/// reads the JSON names through [`UnknownName::parse`] (`what` names the enum in errors).
macro_rules! json_names {
    ($ty:ty, $what:literal) => {
        impl std::fmt::Display for $ty {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl std::str::FromStr for $ty {
            type Err = $crate::UnknownName;

            /// The JSON names, those of `as_str`.
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                $crate::UnknownName::parse($what, s)
            }
        }
    };
}
pub(crate) use json_names;
