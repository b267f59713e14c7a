//! The official template: the data of 国办公开办函〔2021〕30号 and its 2019 predecessor that
//! every stage matches against — section titles, table rows and their key words, column and
//! header words, edition markers.
//!
//! A leaf: data only, no matching logic, imported by the reader (outline, metadata, table
//! readers) and the writer (`write`) alike, so that the writer's text does not depend on how
//! the reader recognises it. Words are as printed in the template, folded (half-width
//! brackets) where the matchers compare folded text.

// Sections (docs/format.md §1).

/// The six template titles (docs/format.md §1.1), for level-1 headings that run straight into their
/// text with no punctuation (docs/format.md §6.5: `一、总体情况2020年，我区…`).
pub(crate) const TEMPLATE_TITLES: &[&str] = &[
    "总体情况",
    "主动公开政府信息情况",
    "收到和处理政府信息公开申请情况",
    "政府信息公开行政复议、行政诉讼情况",
    "存在的主要问题及改进情况",
    "其他需要报告的事项",
];

/// Level-1 titles that real reports print with no marker (docs/format.md §1.3: `总体情况`,
/// `政府信息公开工作总体情况`, `收到和处理政府信息公开申请情况` unnumbered), with their template
/// position: the template titles (§1.1) and the longer wording of the official notices (§1.2).
/// Only an exact match counts (after folding, space removal and a trailing `。`/`：`), so a
/// sentence or a sub-heading such as `主动公开` is never taken.
pub(crate) const UNNUMBERED_TITLES: &[(&str, u32)] = &[
    ("总体情况", 1),
    ("政府信息公开工作总体情况", 1),
    ("主动公开政府信息情况", 2),
    ("行政机关主动公开政府信息情况", 2),
    ("收到和处理政府信息公开申请情况", 3),
    ("行政机关收到和处理政府信息公开申请情况", 3),
    ("政府信息公开行政复议、行政诉讼情况", 4),
    ("因政府信息公开工作被申请行政复议、提起行政诉讼情况", 4),
    ("存在的主要问题及改进情况", 5),
    ("政府信息公开工作存在的主要问题及改进情况", 5),
    ("其他需要报告的事项", 6),
];

/// Sub-titles of section 一 in the 2021 template's model text (docs/format.md §1.3: 主动公开,
/// 依申请公开, 政府信息管理, 政府信息公开平台建设, 监督保障), which reports print with
/// [`SUBTITLE_SUFFIXES`] or bare: known titles, so that one run straight into its text
/// (`（一）主动公开截至2023年底…`, extra-samples 102) ends where its wording ends.
pub(crate) const SUBTITLE_STEMS: &[&str] =
    &["主动公开", "依申请公开", "政府信息管理", "政府信息公开平台建设", "平台建设", "监督保障"];

/// What a [`SUBTITLE_STEMS`] entry may carry: `主动公开情况`, `依申请公开工作`, `监督保障方面`.
pub(crate) const SUBTITLE_SUFFIXES: &[&str] = &["工作情况", "情况", "工作", "方面"];

// Table 二, 主动公开政府信息情况 (docs/format.md §2).

/// Rows of table 二.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ActiveRow {
    /// 规章.
    Regulations,
    /// (行政)规范性文件.
    Normative,
    /// 行政许可.
    Licensing,
    /// 其他对外管理服务事项 (2019).
    OtherServices,
    /// 行政处罚.
    Punishment,
    /// 行政强制.
    Coercion,
    /// 行政事业性收费.
    Fees,
    /// 政府集中采购 (2019).
    Procurement,
}

/// The row labels of table 二 as printed in either edition, longest first (a label that
/// begins another is tried after it).
pub(crate) const ACTIVE_LABELS: [&str; 9] = [
    "其他对外管理服务事项",
    "行政规范性文件",
    "行政事业性收费",
    "政府集中采购",
    "规范性文件",
    "行政许可",
    "行政处罚",
    "行政强制",
    "规章",
];

/// The key words of the rows of table 二.
pub(crate) const ACTIVE_KEYS: [(&str, ActiveRow); 9] = [
    ("规范性文件", ActiveRow::Normative),
    ("行政许可", ActiveRow::Licensing),
    ("对外管理服务", ActiveRow::OtherServices),
    ("行政处罚", ActiveRow::Punishment),
    ("行政强制", ActiveRow::Coercion),
    ("事业性收费", ActiveRow::Fees),
    ("集中采购", ActiveRow::Procurement),
    ("政府采购", ActiveRow::Procurement),
    ("规章", ActiveRow::Regulations),
];

// Table 三, 收到和处理政府信息公开申请情况 (docs/format.md §3).

/// Number of row slots of table 三 (see [`APP_ROWS`]).
pub(crate) const APP_SLOTS: usize = 26;

/// Slot of （六）3.其他.
pub(crate) const SLOT_OTHER3: usize = 22;

/// Slot of table 三 （六）其他处理 printed as one undivided row.
pub(crate) const SLOT_UNDIVIDED: usize = 23;

/// Slot of （七）总计.
pub(crate) const SLOT_TOTAL: usize = 24;

/// Table 三 rows: slot → (official label, key words).
pub(crate) const APP_ROWS: [(&str, &[&str]); APP_SLOTS] = [
    ("一、本年新收政府信息公开申请数量", &["本年新收", "新收政府信息公开申请"]),
    ("二、上年结转政府信息公开申请数量", &["上年结转"]),
    ("（一）予以公开", &["予以公开"]),
    ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", &["部分公开"]),
    ("1.属于国家秘密", &["国家秘密"]),
    ("2.其他法律行政法规禁止公开", &["其他法律", "法规禁止", "禁止公开"]),
    ("3.危及“三安全一稳定”", &["三安全一稳定", "危及"]),
    ("4.保护第三方合法权益", &["第三方"]),
    ("5.属于三类内部事务信息", &["内部事务"]),
    ("6.属于四类过程性信息", &["过程性"]),
    ("7.属于行政执法案卷", &["执法案卷"]),
    ("8.属于行政查询事项", &["行政查询", "查询事项"]),
    ("1.本机关不掌握相关政府信息", &["不掌握"]),
    ("2.没有现成信息需要另行制作", &["另行制作", "没有现成"]),
    ("3.补正后申请内容仍不明确", &["补正后", "仍不明确"]),
    ("1.信访举报投诉类申请", &["信访", "举报投诉"]),
    ("2.重复申请", &["重复申请"]),
    ("3.要求提供公开出版物", &["出版物"]),
    ("4.无正当理由大量反复申请", &["大量反复", "无正当理由大量"]),
    ("5.要求行政机关确认或重新出具已获取信息", &["重新出具", "确认或", "已获取信息"]),
    (
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        &["逾期不补正", "无正当理由逾期"],
    ),
    (
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        &["收费通知", "缴纳费用"],
    ),
    ("3.其他", &[]),
    ("（六）其他处理", &[]),
    ("（七）总计", &[]),
    ("四、结转下年度继续办理", &["结转下年", "结转下一年"]),
];

/// Label-only group cells of table 三.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum AppGroup {
    /// 三、本年度办理结果.
    Results,
    /// （三）不予公开.
    Denied,
    /// （四）无法提供.
    Unable,
    /// （五）不予处理.
    NotProcessed,
    /// （六）其他处理 (a data row when printed without sub-items).
    Other,
}

/// The group labels of table 三 as printed, past their markers.
pub(crate) const APP_GROUP_LABELS: [&str; 5] =
    ["本年度办理结果", "不予公开", "无法提供", "不予处理", "其他处理"];

/// The key words of the group cells of table 三.
pub(crate) const APP_GROUPS: [(&str, AppGroup); 5] = [
    ("其他处理", AppGroup::Other),
    ("不予处理", AppGroup::NotProcessed),
    ("无法提供", AppGroup::Unable),
    ("不予公开", AppGroup::Denied),
    ("办理结果", AppGroup::Results),
];

/// Table 三's column words as pdftotext -layout centres them over their columns (the
/// template breaks `商业企业` into `商业` / `企业`, so the first half names the column).
pub(crate) const APP_COLUMN_WORDS: &[(&str, usize)] = &[
    ("自然人", 0),
    ("商业", 1),
    ("科研", 2),
    ("社会", 3),
    ("公益", 3),
    ("法律", 4),
    ("服务", 4),
    ("其他", 5),
    ("总计", 6),
];

// Table 四, 政府信息公开行政复议、行政诉讼情况 (docs/format.md §4).

/// The blocks of table 四 (its column groups), in the template's order.
pub(crate) const REVIEW_BLOCKS: [&str; 3] = ["行政复议", "未经复议直接起诉", "复议后起诉"];

// Header words and edition markers (docs/format.md §6.1).

/// Header words of the three tables (the column captions, the 勾稽 note, the group captions).
pub(crate) const HEADER_WORDS: &[&str] = &[
    "第二十条",
    "信息内容",
    "本年制发件数",
    "本年废止件数",
    "现行有效件数",
    "本年处理决定数量",
    "处理决定数量",
    "本年收费金额",
    "本年新制作数量",
    "本年新公开数量",
    "对外公开总数量",
    "上一年项目数量",
    "本年增/减",
    "采购项目数量",
    "采购总金额",
    "申请人情况",
    "自然人",
    "法人或其他组织",
    "商业企业",
    "科研机构",
    "社会公益组织",
    "法律服务机构",
    "勾稽关系",
    "第一项加第二项",
    "第三项加第四项",
    "结果维持",
    "结果纠正",
    "其他结果",
    "尚未审结",
    "未经复议直接起诉",
    "复议后起诉",
];

/// Every label and header word of the three tables, for `table::vocab::table_wording`.
pub(crate) const WORDING: &[&str] = &[
    "第二十条第(一)项第(五)项第(六)项第(八)项第(九)项信息内容本年制发件数本年废止件数现行有效件数",
    "本年处理决定数量本年收费金额(单位:万元)本年新制作数量本年新公开数量对外公开总数量上一年项目数量",
    "本年增/减采购项目数量采购总金额规章行政规范性文件行政许可其他对外管理服务事项行政处罚行政强制",
    "行政事业性收费政府集中采购申请人情况自然人法人或其他组织商业企业科研机构社会公益组织法律服务机构",
    "其他总计本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和三、本年度办理结果",
    "(三)不予公开(四)无法提供(五)不予处理(六)其他处理行政复议行政诉讼结果维持结果纠正其他结果尚未审结",
    "未经复议直接起诉复议后起诉",
];

/// Markers of the 2021 edition anywhere in a report (docs/format.md §6.1): the notice's number and
/// wording only its tables have. Matched on folded text with spaces removed, so
/// `〔2021〕30 号` (sample 001) and `第二十条第(九)项` match.
pub(crate) const MARKERS_2021: &[&str] = &[
    "2021〕30号",
    "2021]30号",
    "2021)30号",
    "2021】30号",
    "本年制发件数",
    "本年废止件数",
    "现行有效件数",
    "本年收费金额",
    "逾期未按收费通知要求缴纳费用",
];

/// Markers of the 2019 edition (docs/format.md §6.1), matched as [`MARKERS_2021`].
pub(crate) const MARKERS_2019: &[&str] = &[
    "2019〕60号",
    "2019]60号",
    "2019)60号",
    "2019】60号",
    "本年新制作数量",
    "本年新公开数量",
    "对外公开总数量",
    "上一年项目数量",
    "本年增/减",
    "其他对外管理服务事项",
    "第二十条第(九)项",
    "政府集中采购",
    "采购总金额",
];

/// Markers of the free-form reports before 2019: the old statistics table's wording.
pub(crate) const MARKERS_LEGACY: &[&str] = &["收费及减免", "历年累计", "指标名称", "否决公开"];

/// What a word of table 二's header or labels says about the table's edition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ActiveMark {
    /// A caption of the 2019 edition only (docs/format.md §6.1).
    Format2019,
    /// A caption of the 2021 edition only.
    Format2021,
    /// `规范性文件`: the 2019 row label unless the line writes `行政规范性文件`.
    Normative,
    /// `行政规范性文件`, the 2021 row label.
    AdministrativeNormative,
}

/// The words of table 二 that mark its edition.
pub(crate) const ACTIVE_EDITION_WORDS: [(&str, ActiveMark); 17] = [
    ("本年新制作", ActiveMark::Format2019),
    ("本年新公开", ActiveMark::Format2019),
    ("对外公开总数", ActiveMark::Format2019),
    ("上一年项目数量", ActiveMark::Format2019),
    ("本年增/减", ActiveMark::Format2019),
    ("增/减", ActiveMark::Format2019),
    ("其他对外管理服务", ActiveMark::Format2019),
    ("第(九)项", ActiveMark::Format2019),
    ("集中采购", ActiveMark::Format2019),
    ("采购总金额", ActiveMark::Format2019),
    ("采购项目数量", ActiveMark::Format2019),
    ("本年制发件数", ActiveMark::Format2021),
    ("本年废止件数", ActiveMark::Format2021),
    ("现行有效件数", ActiveMark::Format2021),
    ("本年收费金额", ActiveMark::Format2021),
    ("规范性文件", ActiveMark::Normative),
    ("行政规范性文件", ActiveMark::AdministrativeNormative),
];
