//! Year over year: what one organ's report must carry over from its report of the year before.
//!
//! Table 三's row 二 上年结转政府信息公开申请数量 (applications carried over from last year) of
//! year N counts the applications that the report of year N−1 left in its row 四
//! 结转下年度继续办理 (carried forward to next year). So, per column of table 三:
//!
//! ```text
//! 上年结转 (year N) == 结转下年度继续办理 (year N−1)
//! ```
//!
//! The format does not print this rule (docs/format.md §3.5, R5): it follows from the two
//! rows' meaning, and real data often breaks it (a re-count, a change of the organ's remit),
//! so [`year_over_year`] reports each column's two numbers and leaves the verdict to the
//! caller. Pairing reports needs to know when two names are one organ: [`organ_key`].
//!
//! ```
//! use gov_info_disclosure::{compare::year_over_year, parse, ApplicantColumn};
//!
//! fn report(year: u16, carried_over: u64, carried_forward: u64) -> String {
//!     let row = |label: &str, n: u64| format!("{label} {n} 0 0 0 0 0 {n}\n");
//!     format!(
//!         "某县交通运输局{year}年政府信息公开工作年度报告\n\
//!          三、收到和处理政府信息公开申请情况\n{}{}三、本年度办理结果\n{}{}{}",
//!         row("一、本年新收政府信息公开申请数量", 5),
//!         row("二、上年结转政府信息公开申请数量", carried_over),
//!         row("（一）予以公开", 5 + carried_over - carried_forward),
//!         row("（七）总计", 5 + carried_over - carried_forward),
//!         row("四、结转下年度继续办理", carried_forward),
//!     )
//! }
//! let last_year = parse(&report(2022, 0, 2)).unwrap();
//! let this_year = parse(&report(2023, 2, 1)).unwrap();
//! let carry = year_over_year(&last_year, &this_year).unwrap();
//! assert!(carry.holds());
//! assert_eq!(carry.columns[ApplicantColumn::Total.index()].carried_over, Some(2));
//!
//! let wrong = parse(&report(2023, 3, 1)).unwrap();
//! let carry = year_over_year(&last_year, &wrong).unwrap();
//! let columns: Vec<_> = carry.mismatches().map(|c| c.column).collect();
//! assert_eq!(columns, [ApplicantColumn::NaturalPerson, ApplicantColumn::Total]);
//! ```

use crate::parsers::{fold_char, is_ignorable, is_space};
use crate::{AnnualReport, ApplicantColumn, ApplicantCounts, Span};

/// One column of table 三 across two consecutive reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct CarryOver {
    /// The applicant column.
    pub column: ApplicantColumn,
    /// Last year's 四、结转下年度继续办理 (`None`: blank).
    pub carried_forward: Option<u64>,
    /// This year's 二、上年结转政府信息公开申请数量 (`None`: blank).
    pub carried_over: Option<u64>,
    /// The cell of `carried_forward`, in the earlier report's source.
    pub carried_forward_span: Option<Span>,
    /// The cell of `carried_over`, in the later report's source.
    pub carried_over_span: Option<Span>,
}

impl CarryOver {
    /// Whether the two numbers are equal; `None` when either cell is blank (a blank is
    /// not a 0 here: nothing says what the report meant).
    pub fn agrees(&self) -> Option<bool> {
        Some(self.carried_forward? == self.carried_over?)
    }
}

/// The year-over-year rule applied to two reports of one organ.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct YearOverYear {
    /// The earlier report's year.
    pub previous_year: u16,
    /// The later report's year (`previous_year + 1`).
    pub year: u16,
    /// The seven columns of table 三, in [`ApplicantColumn::ALL`] order.
    pub columns: [CarryOver; 7],
}

impl YearOverYear {
    /// The columns whose two numbers are both present and differ.
    pub fn mismatches(&self) -> impl Iterator<Item = &CarryOver> {
        self.columns.iter().filter(|c| c.agrees() == Some(false))
    }

    /// Whether no column disagrees (blank columns are not disagreements).
    pub fn holds(&self) -> bool {
        self.mismatches().next().is_none()
    }
}

/// Why two reports cannot be compared year over year.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum NotComparable {
    /// A report whose year could not be read.
    #[error("the year of the {which} report is unknown")]
    YearUnknown {
        /// `earlier` or `later`.
        which: &'static str,
    },
    /// The years are not N−1 and N.
    #[error("the reports are on {previous} and {year}, not on consecutive years")]
    NotConsecutive {
        /// The earlier report's year.
        previous: u16,
        /// The later report's year.
        year: u16,
    },
    /// The organs are named and are not one organ by [`organ_key`].
    #[error("the reports are of different organs: `{previous}` and `{current}`")]
    DifferentOrgans {
        /// The earlier report's organ.
        previous: String,
        /// The later report's organ.
        current: String,
    },
    /// A report without the table-三 row the rule reads.
    #[error("the {which} report has no table-三 row `{row}`")]
    MissingRow {
        /// `earlier` or `later`.
        which: &'static str,
        /// `结转下年度继续办理` or `上年结转政府信息公开申请数量`.
        row: &'static str,
    },
}

/// Compares last year's 结转下年度继续办理 with this year's 上年结转, column by column.
///
/// `previous` must be on the year before `current`; when both reports name their organ, the
/// names must be one organ by [`organ_key`]. A report with an unknown organ is taken to be
/// of the other's organ: the caller paired them.
///
/// # Errors
/// [`NotComparable`] when a year is unknown, the years are not consecutive, the organs
/// differ, or a report lacks the row the rule reads.
pub fn year_over_year(
    previous: &AnnualReport,
    current: &AnnualReport,
) -> Result<YearOverYear, NotComparable> {
    let previous_year = previous.year.ok_or(NotComparable::YearUnknown { which: "earlier" })?;
    let year = current.year.ok_or(NotComparable::YearUnknown { which: "later" })?;
    if previous_year.checked_add(1) != Some(year) {
        return Err(NotComparable::NotConsecutive { previous: previous_year, year });
    }
    if let (Some(a), Some(b)) = (&previous.organ, &current.organ) {
        if organ_key(a) != organ_key(b) {
            return Err(NotComparable::DifferentOrgans { previous: a.clone(), current: b.clone() });
        }
    }
    let forward = previous.applications.as_ref().and_then(|t| t.carried_forward.as_ref()).ok_or(
        NotComparable::MissingRow { which: "earlier", row: "结转下年度继续办理" },
    )?;
    let over = current.applications.as_ref().and_then(|t| t.carried_over.as_ref()).ok_or(
        NotComparable::MissingRow {
            which: "later", row: "上年结转政府信息公开申请数量"
        },
    )?;
    let columns = ApplicantColumn::ALL.map(|column| carry(column, forward, over));
    Ok(YearOverYear { previous_year, year, columns })
}

fn carry(column: ApplicantColumn, forward: &ApplicantCounts, over: &ApplicantCounts) -> CarryOver {
    CarryOver {
        column,
        carried_forward: forward.get(column),
        carried_over: over.get(column),
        carried_forward_span: forward.cell_span(column),
        carried_over_span: over.cell_span(column),
    }
}

/// Suffixes of the names of administrative divisions at county level and above: 省, 自治区,
/// 市, 自治州 and 州, 地区, 盟, 县 and 自治县, 区, 旗. Towns (镇, 乡, 街道) are not among them:
/// one town name recurs in many counties (`城关镇`), so the county in front of it is kept.
const DIVISION_SUFFIXES: [char; 7] = ['省', '市', '州', '区', '县', '旗', '盟'];

/// The longest division name: `黔东南苗族侗族自治州` has ten characters.
const MAX_DIVISION_CHARS: usize = 10;

/// The name an organ is matched by when reports are paired: `淮安市洪泽区人民政府` and
/// `洪泽区人民政府` are one organ.
///
/// The name is folded (full-width forms to ASCII, spaces and zero-width characters
/// dropped), then split into the division names it starts with — each the shortest run of
/// 3–10 characters ending in 省, 市, 州, 区, 县, 旗 or 盟 (2 characters for a county: `沛县`) —
/// and the body after them. The key is the last division name and the body: the divisions
/// above it are dropped, since a report names its organ with or without them. A name that
/// starts with no division name is its own key, so a bare `交通运输局` never matches
/// `某县交通运输局`.
///
/// Two organs of one name in different places (`鼓楼区人民政府` of 南京 and of 福州) have one
/// key when their reports leave the higher division out; a caller pairing a corpus should
/// treat a key with two reports in one year as ambiguous.
///
/// ```
/// use gov_info_disclosure::compare::organ_key;
/// assert_eq!(organ_key("淮安市洪泽区人民政府"), organ_key("洪泽区人民政府"));
/// assert_eq!(organ_key("江苏省淮安市洪泽区交通运输局"), "洪泽区交通运输局");
/// assert_eq!(organ_key("淮安市市场监督管理局"), "淮安市市场监督管理局");
/// assert_ne!(organ_key("某县交通运输局"), organ_key("交通运输局"));
/// assert_eq!(organ_key("某县 某镇人民政府"), "某县某镇人民政府");
/// ```
pub fn organ_key(name: &str) -> String {
    let folded: Vec<char> =
        name.chars().filter(|&c| !is_ignorable(c) && !is_space(c)).map(fold_char).collect();
    let mut last_division = 0;
    let mut at = 0;
    while let Some(len) = division_at(&folded[at..]) {
        last_division = at;
        at += len;
    }
    folded[last_division..].iter().collect()
}

/// The length of the division name `rest` starts with, if it starts with one and a body
/// follows it: the shortest that ends in a suffix and is long enough (`徐州` is too short
/// to end `徐州市`).
fn division_at(rest: &[char]) -> Option<usize> {
    (2..=MAX_DIVISION_CHARS.min(rest.len().saturating_sub(1))).find(|&len| {
        let last = rest[len - 1];
        DIVISION_SUFFIXES.contains(&last) && (len >= 3 || matches!(last, '县' | '旗'))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn higher_divisions_are_dropped_down_to_the_last() {
        for name in ["洪泽区人民政府", "淮安市洪泽区人民政府", "江苏省淮安市洪泽区人民政府"]
        {
            assert_eq!(organ_key(name), "洪泽区人民政府", "{name}");
        }
        assert_eq!(organ_key("内蒙古自治区呼和浩特市新城区人民政府"), "新城区人民政府");
        assert_eq!(organ_key("沛县人民政府"), "沛县人民政府");
        assert_eq!(organ_key("广西壮族自治区南宁市青秀区人民政府"), "青秀区人民政府");
        assert_eq!(organ_key("徐州市沛县人民政府"), "沛县人民政府");
    }

    #[test]
    fn a_name_that_is_only_a_division_is_its_own_key() {
        // No body after the division: nothing to drop down to.
        assert_eq!(organ_key("淮安市"), "淮安市");
        assert_eq!(organ_key(""), "");
    }

    #[test]
    fn words_inside_a_body_are_not_divisions() {
        // `市场`, `城市`, `社区` start or sit inside a body and are shorter than a division name.
        assert_eq!(organ_key("洪泽区城市管理局"), "洪泽区城市管理局");
        assert_eq!(organ_key("淮安市市场监督管理局"), "淮安市市场监督管理局");
    }

    #[test]
    fn full_width_and_spaces_do_not_matter() {
        assert_eq!(
            organ_key("淮安市　洪泽区 人民政府（办公室）"),
            organ_key("洪泽区人民政府(办公室)")
        );
    }
}
