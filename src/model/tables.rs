//! The three statistical tables of 国办公开办函〔2021〕30号 and 〔2019〕60号, typed.
//!
//! A count is `Option<u64>`: `None` when the cell is blank, `-`, `—`, `/`, `无` or missing,
//! kept distinct from an explicit 0. A row that the table does not have is `None` too, and a
//! `missing-row` diagnostic says so. Every row keeps the span of its source line(s) and the
//! span of each cell (`cells`, serialized: a report read back from JSON points at the same
//! bytes, and [`check`](crate::check::check) on it labels the same cells).

use serde::{Deserialize, Serialize};

use super::Decimal;
use crate::Span;

// ---------------------------------------------------------------------------------------------
// Table 二 主动公开政府信息情况
// ---------------------------------------------------------------------------------------------

/// Table 二 主动公开政府信息情况 (条例 第二十条 items （一）（五）（六）（八）, and （九） in 2019).
///
/// The 2021 and 2019 editions share this object; each fills its own columns and leaves the
/// other edition's fields `None`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[non_exhaustive]
pub struct ActiveDisclosure {
    /// 规章 (第二十条第（一）项).
    pub regulations: Option<DocumentCounts>,
    /// 行政规范性文件 (2021) / 规范性文件 (2019) (第二十条第（一）项).
    pub normative_documents: Option<DocumentCounts>,
    /// 行政许可 (第二十条第（五）项).
    pub licensing: Option<DecisionCounts>,
    /// 其他对外管理服务事项 (第二十条第（五）项, 2019 only).
    pub other_services: Option<DecisionCounts>,
    /// 行政处罚 (第二十条第（六）项).
    pub punishment: Option<DecisionCounts>,
    /// 行政强制 (第二十条第（六）项).
    pub coercion: Option<DecisionCounts>,
    /// 行政事业性收费 (第二十条第（八）项).
    pub administrative_fees: Option<FeeCounts>,
    /// 政府集中采购 (第二十条第（九）项, 2019 only).
    pub procurement: Option<Procurement>,
    /// The table's lines.
    pub span: Span,
}

/// A 第二十条第（一）项 row: 规章 or (行政)规范性文件.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[non_exhaustive]
pub struct DocumentCounts {
    /// 本年制发件数 (2021).
    pub issued: Option<u64>,
    /// 本年废止件数 (2021).
    pub repealed: Option<u64>,
    /// 现行有效件数 (2021).
    pub in_force: Option<u64>,
    /// 本年新制作数量 (2019).
    pub made: Option<u64>,
    /// 本年新公开数量 (2019).
    pub published: Option<u64>,
    /// 对外公开总数量 (2019).
    pub total_public: Option<u64>,
    /// The row's source line(s).
    pub span: Span,
    /// Span of each value cell, in column order as printed.
    #[serde(default)]
    pub cells: Vec<Span>,
}

/// A 第二十条第（五）（六）项 row: 行政许可, 其他对外管理服务事项, 行政处罚, 行政强制.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[non_exhaustive]
pub struct DecisionCounts {
    /// 本年处理决定数量 (2021) / 处理决定数量 (2019).
    pub decisions: Option<u64>,
    /// 上一年项目数量 (2019).
    pub previous_year: Option<u64>,
    /// 本年增/减 (2019), signed: `+1036`, `-185`.
    pub change: Option<i64>,
    /// The row's source line(s).
    pub span: Span,
    /// Span of each value cell, in column order as printed.
    #[serde(default)]
    pub cells: Vec<Span>,
}

/// The 第二十条第（八）项 row: 行政事业性收费.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[non_exhaustive]
pub struct FeeCounts {
    /// 本年收费金额（单位：万元） (2021), exact.
    pub amount_10k_yuan: Option<Decimal>,
    /// 上一年项目数量 (2019).
    pub previous_year: Option<u64>,
    /// 本年增/减 (2019), signed.
    pub change: Option<i64>,
    /// The row's source line(s).
    pub span: Span,
    /// Span of each value cell, in column order as printed.
    #[serde(default)]
    pub cells: Vec<Span>,
}

/// The 第二十条第（九）项 row (2019 only): 政府集中采购.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[non_exhaustive]
pub struct Procurement {
    /// 采购项目数量.
    pub items: Option<u64>,
    /// 采购总金额, exact, without its unit.
    pub amount: Option<Decimal>,
    /// The unit written with the amount (`元`, `万元`), if any.
    pub amount_unit: Option<String>,
    /// The row's source line(s).
    pub span: Span,
    /// Span of each value cell, in column order as printed.
    #[serde(default)]
    pub cells: Vec<Span>,
}

// ---------------------------------------------------------------------------------------------
// Table 三 收到和处理政府信息公开申请情况
// ---------------------------------------------------------------------------------------------

/// The seven data columns of table 三 (申请人情况), in the official order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
pub enum ApplicantColumn {
    /// 自然人.
    NaturalPerson,
    /// 法人或其他组织 — 商业企业.
    Commercial,
    /// 法人或其他组织 — 科研机构.
    Research,
    /// 法人或其他组织 — 社会公益组织.
    SocialWelfare,
    /// 法人或其他组织 — 法律服务机构.
    LegalService,
    /// 法人或其他组织 — 其他.
    OtherOrg,
    /// 总计.
    Total,
}

impl ApplicantColumn {
    /// All seven columns in order.
    pub const ALL: [ApplicantColumn; 7] = [
        ApplicantColumn::NaturalPerson,
        ApplicantColumn::Commercial,
        ApplicantColumn::Research,
        ApplicantColumn::SocialWelfare,
        ApplicantColumn::LegalService,
        ApplicantColumn::OtherOrg,
        ApplicantColumn::Total,
    ];

    /// The six applicant columns whose sum is 总计.
    pub const PARTS: [ApplicantColumn; 6] = [
        ApplicantColumn::NaturalPerson,
        ApplicantColumn::Commercial,
        ApplicantColumn::Research,
        ApplicantColumn::SocialWelfare,
        ApplicantColumn::LegalService,
        ApplicantColumn::OtherOrg,
    ];

    /// The Chinese column label of the official template.
    pub fn label(self) -> &'static str {
        match self {
            ApplicantColumn::NaturalPerson => "自然人",
            ApplicantColumn::Commercial => "商业企业",
            ApplicantColumn::Research => "科研机构",
            ApplicantColumn::SocialWelfare => "社会公益组织",
            ApplicantColumn::LegalService => "法律服务机构",
            ApplicantColumn::OtherOrg => "其他",
            ApplicantColumn::Total => "总计",
        }
    }

    /// Position 0–6 in the official order.
    pub fn index(self) -> usize {
        self as usize
    }
}

/// One row of table 三: a count per applicant column.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[non_exhaustive]
pub struct ApplicantCounts {
    /// 自然人.
    pub natural_person: Option<u64>,
    /// 商业企业.
    pub commercial: Option<u64>,
    /// 科研机构.
    pub research: Option<u64>,
    /// 社会公益组织.
    pub social_welfare: Option<u64>,
    /// 法律服务机构.
    pub legal_service: Option<u64>,
    /// 其他 (法人或其他组织).
    pub other_org: Option<u64>,
    /// 总计.
    pub total: Option<u64>,
    /// The row's source line(s).
    pub span: Span,
    /// Span of each of the seven cells, in [`ApplicantColumn`] order (`None` where absent).
    #[serde(default)]
    pub cells: [Option<Span>; 7],
}

impl ApplicantCounts {
    /// The count in `column`.
    pub fn get(&self, column: ApplicantColumn) -> Option<u64> {
        match column {
            ApplicantColumn::NaturalPerson => self.natural_person,
            ApplicantColumn::Commercial => self.commercial,
            ApplicantColumn::Research => self.research,
            ApplicantColumn::SocialWelfare => self.social_welfare,
            ApplicantColumn::LegalService => self.legal_service,
            ApplicantColumn::OtherOrg => self.other_org,
            ApplicantColumn::Total => self.total,
        }
    }

    /// Sets the count in `column`.
    pub fn set(&mut self, column: ApplicantColumn, value: Option<u64>) {
        let slot = match column {
            ApplicantColumn::NaturalPerson => &mut self.natural_person,
            ApplicantColumn::Commercial => &mut self.commercial,
            ApplicantColumn::Research => &mut self.research,
            ApplicantColumn::SocialWelfare => &mut self.social_welfare,
            ApplicantColumn::LegalService => &mut self.legal_service,
            ApplicantColumn::OtherOrg => &mut self.other_org,
            ApplicantColumn::Total => &mut self.total,
        };
        *slot = value;
    }

    /// The span of the cell in `column`, where the source had one.
    pub fn cell_span(&self, column: ApplicantColumn) -> Option<Span> {
        self.cells[column.index()]
    }

    /// The seven counts in [`ApplicantColumn::ALL`] order.
    pub fn values(&self) -> [Option<u64>; 7] {
        ApplicantColumn::ALL.map(|c| self.get(c))
    }
}

/// Table 三 收到和处理政府信息公开申请情况. Rows the table lacks are `None`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[non_exhaustive]
pub struct Applications {
    /// 一、本年新收政府信息公开申请数量.
    pub new_received: Option<ApplicantCounts>,
    /// 二、上年结转政府信息公开申请数量.
    pub carried_over: Option<ApplicantCounts>,
    /// 三、本年度办理结果 — （一）予以公开.
    pub granted: Option<ApplicantCounts>,
    /// （二）部分公开（区分处理的，只计这一情形，不计其他情形）.
    pub partially_granted: Option<ApplicantCounts>,
    /// （三）不予公开 1–8.
    pub denied: Denied,
    /// （四）无法提供 1–3.
    pub unable_to_provide: UnableToProvide,
    /// （五）不予处理 1–5.
    pub not_processed: NotProcessed,
    /// （六）其他处理 1–3, or one undivided row.
    pub other_handling: OtherHandling,
    /// （七）总计.
    pub total_processed: Option<ApplicantCounts>,
    /// 四、结转下年度继续办理.
    pub carried_forward: Option<ApplicantCounts>,
    /// The table's lines.
    pub span: Span,
}

impl Applications {
    /// Every row slot of table 三 in the official order, with its JSON path
    /// (`"new_received"`, `"denied.state_secret"`, …, `"carried_forward"`): 26 slots, as the
    /// 2021 edition's 25 rows plus `other_handling.undivided` (2019) before （七）总计.
    ///
    /// ```
    /// use gov_info_disclosure::Applications;
    /// let table = Applications::default();
    /// let rows = table.rows();
    /// assert_eq!(rows[0].0, "new_received");
    /// assert_eq!(rows[4].0, "denied.state_secret");
    /// assert!(rows.iter().all(|(_, row)| row.is_none()));
    /// ```
    pub fn rows(&self) -> [(&'static str, Option<&ApplicantCounts>); 26] {
        let (d, u, n, o) =
            (&self.denied, &self.unable_to_provide, &self.not_processed, &self.other_handling);
        [
            ("new_received", self.new_received.as_ref()),
            ("carried_over", self.carried_over.as_ref()),
            ("granted", self.granted.as_ref()),
            ("partially_granted", self.partially_granted.as_ref()),
            ("denied.state_secret", d.state_secret.as_ref()),
            ("denied.prohibited_by_law", d.prohibited_by_law.as_ref()),
            ("denied.security_and_stability", d.security_and_stability.as_ref()),
            ("denied.third_party_rights", d.third_party_rights.as_ref()),
            ("denied.internal_affairs", d.internal_affairs.as_ref()),
            ("denied.process_information", d.process_information.as_ref()),
            ("denied.enforcement_files", d.enforcement_files.as_ref()),
            ("denied.administrative_query", d.administrative_query.as_ref()),
            ("unable_to_provide.not_held", u.not_held.as_ref()),
            ("unable_to_provide.needs_creation", u.needs_creation.as_ref()),
            ("unable_to_provide.unclear_after_correction", u.unclear_after_correction.as_ref()),
            ("not_processed.complaint_or_petition", n.complaint_or_petition.as_ref()),
            ("not_processed.repeated", n.repeated.as_ref()),
            ("not_processed.publication", n.publication.as_ref()),
            ("not_processed.excessive", n.excessive.as_ref()),
            ("not_processed.confirmation", n.confirmation.as_ref()),
            ("other_handling.no_correction", o.no_correction.as_ref()),
            ("other_handling.unpaid_fee", o.unpaid_fee.as_ref()),
            ("other_handling.other", o.other.as_ref()),
            ("other_handling.undivided", o.undivided.as_ref()),
            ("total_processed", self.total_processed.as_ref()),
            ("carried_forward", self.carried_forward.as_ref()),
        ]
    }

    /// The result rows that （七）总计 sums — （一） through （六） — that the table has, in
    /// the official order (slots 2–23 of [`rows`](Self::rows)).
    pub fn result_rows(&self) -> impl Iterator<Item = (&'static str, &ApplicantCounts)> {
        let rows = self.rows();
        (2..24).filter_map(move |i| rows[i].1.map(|r| (rows[i].0, r)))
    }
}

/// （三）不予公开 — eight reasons (条例 第十四、十五、十六、三十六条).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[non_exhaustive]
pub struct Denied {
    /// 1.属于国家秘密.
    pub state_secret: Option<ApplicantCounts>,
    /// 2.其他法律行政法规禁止公开.
    pub prohibited_by_law: Option<ApplicantCounts>,
    /// 3.危及“三安全一稳定”.
    pub security_and_stability: Option<ApplicantCounts>,
    /// 4.保护第三方合法权益.
    pub third_party_rights: Option<ApplicantCounts>,
    /// 5.属于三类内部事务信息.
    pub internal_affairs: Option<ApplicantCounts>,
    /// 6.属于四类过程性信息.
    pub process_information: Option<ApplicantCounts>,
    /// 7.属于行政执法案卷.
    pub enforcement_files: Option<ApplicantCounts>,
    /// 8.属于行政查询事项.
    pub administrative_query: Option<ApplicantCounts>,
}

/// （四）无法提供 — three reasons.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[non_exhaustive]
pub struct UnableToProvide {
    /// 1.本机关不掌握相关政府信息.
    pub not_held: Option<ApplicantCounts>,
    /// 2.没有现成信息需要另行制作.
    pub needs_creation: Option<ApplicantCounts>,
    /// 3.补正后申请内容仍不明确.
    pub unclear_after_correction: Option<ApplicantCounts>,
}

/// （五）不予处理 — five reasons.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[non_exhaustive]
pub struct NotProcessed {
    /// 1.信访举报投诉类申请.
    pub complaint_or_petition: Option<ApplicantCounts>,
    /// 2.重复申请.
    pub repeated: Option<ApplicantCounts>,
    /// 3.要求提供公开出版物.
    pub publication: Option<ApplicantCounts>,
    /// 4.无正当理由大量反复申请.
    pub excessive: Option<ApplicantCounts>,
    /// 5.要求行政机关确认或重新出具已获取信息.
    pub confirmation: Option<ApplicantCounts>,
}

/// （六）其他处理: three sub-rows (2021), or one undivided row (2019, and some 2021 reports).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[non_exhaustive]
pub struct OtherHandling {
    /// 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请.
    pub no_correction: Option<ApplicantCounts>,
    /// 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请.
    pub unpaid_fee: Option<ApplicantCounts>,
    /// 3.其他.
    pub other: Option<ApplicantCounts>,
    /// （六）其他处理 printed as one row without sub-items.
    pub undivided: Option<ApplicantCounts>,
}

// ---------------------------------------------------------------------------------------------
// Table 四 政府信息公开行政复议、行政诉讼情况
// ---------------------------------------------------------------------------------------------

/// Table 四 政府信息公开行政复议、行政诉讼情况: three blocks of five.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[non_exhaustive]
pub struct ReviewsAndLawsuits {
    /// 行政复议.
    pub review: Outcomes,
    /// 行政诉讼 — 未经复议直接起诉.
    pub lawsuit_direct: Outcomes,
    /// 行政诉讼 — 复议后起诉.
    pub lawsuit_after_review: Outcomes,
    /// The table's lines.
    pub span: Span,
}

/// One block of table 四.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[non_exhaustive]
pub struct Outcomes {
    /// 结果维持.
    pub upheld: Option<u64>,
    /// 结果纠正.
    pub corrected: Option<u64>,
    /// 其他结果.
    pub other: Option<u64>,
    /// 尚未审结.
    pub pending: Option<u64>,
    /// 总计.
    pub total: Option<u64>,
    /// Span of each of the five cells, in field order (`None` where absent).
    #[serde(default)]
    pub cells: [Option<Span>; 5],
}

impl Outcomes {
    /// The five values in field order: upheld, corrected, other, pending, total.
    pub fn values(&self) -> [Option<u64>; 5] {
        [self.upheld, self.corrected, self.other, self.pending, self.total]
    }
}
