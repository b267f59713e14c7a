//! The typed report: [`AnnualReport`] and its parts. Its serde JSON is the contract other
//! programs read (see the crate README); field names must not change.

mod coverage;
mod date;
mod decimal;
mod spans;
mod tables;

pub use date::{Date, DateError};
pub use decimal::{Decimal, DecimalError};
pub use tables::{
    ActiveDisclosure, ApplicantColumn, ApplicantCounts, Applications, DecisionCounts, Denied,
    DocumentCounts, FeeCounts, NotProcessed, OtherHandling, Outcomes, Procurement,
    ReviewsAndLawsuits, UnableToProvide,
};

use serde::{Deserialize, Serialize};

use crate::{Diagnostic, Span};

/// A parsed 政府信息公开工作年度报告 (government information-disclosure annual report).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct AnnualReport {
    /// 标题: the report's title, lines joined, e.g. `垫江县周嘉镇人民政府2023年政府信息公开工作年度报告`.
    pub title: String,
    /// 报告机关: the reporting body, from the title, else from the signature.
    pub organ: Option<String>,
    /// 统计年度: the year reported on.
    pub year: Option<u16>,
    /// Which official format the report follows.
    pub edition: Edition,
    /// 发布日期 / 发布时间: a publication-date line near the top, if any.
    pub published: Option<Date>,
    /// 落款: the signing body and date at the end.
    pub signature: Option<Signature>,
    /// Everything before the first level-1 section: title lines, 发布日期, the intro.
    pub preamble: Preamble,
    /// Level-1 sections (一、二、…) in order.
    pub sections: Vec<Section>,
    /// Table 二 主动公开政府信息情况; `None` when the report has no such table.
    pub active_disclosure: Option<ActiveDisclosure>,
    /// Table 三 收到和处理政府信息公开申请情况.
    pub applications: Option<Applications>,
    /// Table 四 政府信息公开行政复议、行政诉讼情况.
    pub reviews_and_lawsuits: Option<ReviewsAndLawsuits>,
    /// Site chrome after the report's text (`附件下载`, `打印本页 关闭窗口`, footer lines such as
    /// `版权所有` or `ICP备`), one span per piece, in order: in no paragraph and not in the
    /// signature. The chrome above the report is [`Preamble::chrome`].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub trailer: Vec<Span>,
    /// Everything noticed: missing tables, ragged rows, failed 勾稽 checks …
    pub diagnostics: Vec<Diagnostic>,
    /// The whole input: `0..input.len()`.
    pub span: Span,
}

impl AnnualReport {
    /// Everything noticed while parsing.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
    }

    /// The level-1 section of the given kind, if the report has one.
    pub fn section(&self, kind: SectionKind) -> Option<&Section> {
        self.sections.iter().find(|s| s.kind == Some(kind))
    }
}

/// Which official format a report follows (docs/format.md: eras C, B, A).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub enum Edition {
    /// 国办公开办函〔2021〕30号: reports on 2021 onward.
    #[serde(rename = "2021")]
    Format2021,
    /// 国办公开办函〔2019〕60号 (trial): reports on 2019 and 2020.
    #[serde(rename = "2019")]
    Format2019,
    /// Free-form reports from before 2019 (2007 条例).
    #[serde(rename = "legacy")]
    Legacy,
    /// Not enough evidence either way.
    #[serde(rename = "unknown")]
    #[default]
    Unknown,
}

impl Edition {
    /// The name used in JSON: `2021`, `2019`, `legacy`, `unknown`; what `Display` writes
    /// and `FromStr` reads.
    ///
    /// ```
    /// use gov_info_disclosure::Edition;
    /// assert_eq!("2019".parse::<Edition>(), Ok(Edition::Format2019));
    /// assert_eq!(Edition::Legacy.to_string(), "legacy");
    /// assert!("2020".parse::<Edition>().is_err());
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Edition::Format2021 => "2021",
            Edition::Format2019 => "2019",
            Edition::Legacy => "legacy",
            Edition::Unknown => "unknown",
        }
    }
}

crate::error::json_names!(Edition, "edition");

/// 落款: the signing body and date at the end of a report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Signature {
    /// The signing body, e.g. `威海市文登区宋村镇人民政府`.
    pub organ: Option<String>,
    /// The date under it.
    pub date: Option<Date>,
    /// The signature lines.
    pub span: Span,
}

/// The text before the first level-1 heading.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Preamble {
    /// The title lines (possibly several, joined into [`AnnualReport::title`]).
    pub title_span: Option<Span>,
    /// Intro paragraphs (after the title and any 发布日期 line).
    pub paragraphs: Vec<Paragraph>,
    /// The header a web crawler writes above the page text (`标题: …`, `发布时间: …`,
    /// `原文链接: …` lines up to a `==== 正文 ====` separator), one entry per line, in order.
    /// It is metadata, not report text: `标题` gives [`AnnualReport::title`], `发布时间` /
    /// `发布日期` gives [`AnnualReport::published`], `发布机构` an organ candidate.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub front_matter: Vec<FrontField>,
    /// Site chrome above the report (breadcrumbs `首页 > 政务公开 > …`, `字号：大 中 小`,
    /// `分享到：`, `打印本页 关闭窗口`, footer lines), kept out of the title and the paragraphs:
    /// one span per line, or for the start of a line where a crawler ran the chrome together
    /// with the report's first sentence (`当前位置： 首页… 来源： 时间：… 微信 微博 相关链接：`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub chrome: Vec<Span>,
    /// All of it: from byte 0 to the first level-1 heading.
    pub span: Span,
}

/// One line of a crawler's header ([`Preamble::front_matter`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct FrontField {
    /// The label before the colon, as written (`标题`, `发布时间`, `文号`, `原文链接`); empty for
    /// a header line without one (`页面链接与图片详见 links.tsv(同目录)`).
    pub key: String,
    /// The text after the colon, trimmed (may be empty: `文号: `); the whole line when there
    /// is no label.
    pub value: String,
    /// The line, label and value (without the line break).
    pub span: Span,
}

/// A section: a heading and everything up to the next heading of the same or a higher level.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Section {
    /// The ordinal of its marker: 3 for `三、`, 2 for `（二）`.
    pub number: u32,
    /// The marker as written: `三、`, `(二)`, `（二）`, `1.`.
    pub marker: String,
    /// Heading text without marker and without a trailing `。`, `：` or `:`.
    pub title: String,
    /// What the section is about; level-1 sections only (`null` on subsections).
    pub kind: Option<SectionKind>,
    /// The heading line (marker and title; for a run-in heading, up to its end).
    pub heading_span: Span,
    /// The whole section, heading included.
    pub span: Span,
    /// Body text before the first subsection; a run-in heading's body starts the first paragraph.
    pub paragraphs: Vec<Paragraph>,
    /// Statistical-table regions in this section (sections 二, 三, 四).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tables: Vec<TableRegion>,
    /// The next heading level down.
    pub subsections: Vec<Section>,
}

/// A paragraph of body text: PDF line breaks joined, stray CJK–digit spaces removed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Paragraph {
    /// Normalized text.
    pub text: String,
    /// The source lines it was joined from.
    pub span: Span,
}

/// The part of a section that holds one of the statistical tables.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct TableRegion {
    /// Which table.
    pub table: TableKind,
    /// The bytes of the region (all its lines, page numbers and headers included).
    pub span: Span,
}

/// The three statistical tables of the 2019 and 2021 formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum TableKind {
    /// Table 二 主动公开政府信息情况.
    ActiveDisclosure,
    /// Table 三 收到和处理政府信息公开申请情况.
    Applications,
    /// Table 四 政府信息公开行政复议、行政诉讼情况.
    ReviewsAndLawsuits,
}

/// What a level-1 section is about, from its wording (docs/format.md §1.3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum SectionKind {
    /// 总体情况, 概述, 主要做法及成效 …
    Overview,
    /// 主动公开政府信息情况 …
    ActiveDisclosure,
    /// 收到和处理政府信息公开申请情况, 依申请公开政府信息情况 …
    Applications,
    /// 政府信息公开行政复议、行政诉讼情况 …
    ReviewsAndLawsuits,
    /// 政府信息公开的收费及减免情况 (legacy reports only).
    Fees,
    /// 存在的主要问题及改进情况 …
    ProblemsAndImprovements,
    /// 存在的主要问题 alone (a legacy report that splits problems and plans).
    Problems,
    /// 改进措施, 今后的主要工作 … (the second half of such a split).
    Improvements,
    /// 其他需要报告的事项.
    OtherMatters,
    /// Anything else.
    Other,
}

impl SectionKind {
    /// The name used in JSON, snake_case: `overview`, `active_disclosure` …; what
    /// `Display` writes and `FromStr` reads.
    ///
    /// ```
    /// use gov_info_disclosure::SectionKind;
    /// assert_eq!("other_matters".parse::<SectionKind>(), Ok(SectionKind::OtherMatters));
    /// assert_eq!(SectionKind::Overview.to_string(), "overview");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            SectionKind::Overview => "overview",
            SectionKind::ActiveDisclosure => "active_disclosure",
            SectionKind::Applications => "applications",
            SectionKind::ReviewsAndLawsuits => "reviews_and_lawsuits",
            SectionKind::Fees => "fees",
            SectionKind::ProblemsAndImprovements => "problems_and_improvements",
            SectionKind::Problems => "problems",
            SectionKind::Improvements => "improvements",
            SectionKind::OtherMatters => "other_matters",
            SectionKind::Other => "other",
        }
    }

    /// The table a section of this kind holds in the 2019 and 2021 formats.
    pub fn table(self) -> Option<TableKind> {
        match self {
            SectionKind::ActiveDisclosure => Some(TableKind::ActiveDisclosure),
            SectionKind::Applications => Some(TableKind::Applications),
            SectionKind::ReviewsAndLawsuits => Some(TableKind::ReviewsAndLawsuits),
            _ => None,
        }
    }
}

crate::error::json_names!(SectionKind, "section kind");

#[cfg(test)]
mod tests {
    use std::fmt;
    use std::str::FromStr;

    use super::*;
    use crate::UnknownName;

    /// Each name is the JSON one and reads back: `as_str` and the serde attributes are
    /// two lists of the same names.
    #[test]
    fn names_are_the_json_names() {
        fn agree<T>(all: &[T])
        where
            T: fmt::Display + FromStr<Err = UnknownName> + Serialize + PartialEq + fmt::Debug,
        {
            for x in all {
                let name = x.to_string();
                assert_eq!(
                    serde_json::to_value(x).unwrap(),
                    serde_json::Value::String(name.clone())
                );
                assert_eq!(name.parse::<T>().as_ref(), Ok(x));
            }
        }
        agree(&[Edition::Format2021, Edition::Format2019, Edition::Legacy, Edition::Unknown]);
        agree(&[
            SectionKind::Overview,
            SectionKind::ActiveDisclosure,
            SectionKind::Applications,
            SectionKind::ReviewsAndLawsuits,
            SectionKind::Fees,
            SectionKind::ProblemsAndImprovements,
            SectionKind::Problems,
            SectionKind::Improvements,
            SectionKind::OtherMatters,
            SectionKind::Other,
        ]);
        agree(&[crate::Severity::Error, crate::Severity::Warning, crate::Severity::Note]);
        assert_eq!(
            "Overview".parse::<SectionKind>(),
            Err(UnknownName { what: "section kind", found: "Overview".into() })
        );
    }
}
