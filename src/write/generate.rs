//! A generator of structurally valid report text, for fuzz harnesses (feature `arbitrary`).
//!
//! Random bytes make poor reports: a fuzzer fed only bytes spends its time on inputs with no
//! heading and no table. [`GeneratedReport`] turns an [`arbitrary::Unstructured`] into a
//! complete 政府信息公开工作年度报告 — title, optional 发布日期, intro, the six sections with
//! wording variants seen in real reports, subsections, paragraphs with numbers, page-number
//! lines, and the three statistical tables in random text layouts with random counts — and
//! keeps what it put in, so a harness can check the parse against it:
//!
//! ```
//! use arbitrary::{Arbitrary, Unstructured};
//! use gov_info_disclosure::generate::GeneratedReport;
//!
//! let bytes = [7u8; 512]; // a fuzzer's input
//! let g = GeneratedReport::arbitrary(&mut Unstructured::new(&bytes)).unwrap();
//! let report = gov_info_disclosure::parse(&g.text).unwrap();
//! assert_eq!(report.sections.len(), g.section_titles.len());
//! ```
//!
//! The same bytes always give the same report. The table types also implement
//! [`arbitrary::Arbitrary`] field by field, for harnesses that want tables with no text (those
//! may mix the 2019 and 2021 columns; the generator never does).

use arbitrary::{Arbitrary, Result, Unstructured};

use crate::render::{render_active, render_applications, render_reviews, Layout};
use crate::{
    ActiveDisclosure, ApplicantColumn, ApplicantCounts, Applications, Decimal, DecisionCounts,
    Denied, DocumentCounts, Edition, FeeCounts, NotProcessed, OtherHandling, Outcomes, Procurement,
    ReviewsAndLawsuits, UnableToProvide,
};

/// A generated report: its text and what was put into it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct GeneratedReport {
    /// The report's text.
    pub text: String,
    /// The format followed: [`Edition::Format2021`] or [`Edition::Format2019`].
    pub edition: Edition,
    /// 统计年度.
    pub year: u16,
    /// The reporting body named in the title and the signature.
    pub organ: String,
    /// Titles of the level-1 sections, in order, as a parse should give them (marker and
    /// trailing punctuation removed).
    pub section_titles: Vec<String>,
    /// Table 二 as written into the text, or `None` when the section holds prose instead.
    pub active_disclosure: Option<ActiveDisclosure>,
    /// Table 三 as written, or `None`.
    pub applications: Option<Applications>,
    /// Table 四 as written, or `None`.
    pub reviews_and_lawsuits: Option<ReviewsAndLawsuits>,
    /// The layout of each table (二, 三, 四), in the order written.
    pub layouts: [Layout; 3],
    /// Whether the counts of table 三 and 四 satisfy the 勾稽 rules (every total equal to its
    /// sum, a blank part counting as 0; totals never blank), so that a parse should report
    /// no arithmetic diagnostic. Otherwise totals are random.
    pub consistent: bool,
}

impl<'a> Arbitrary<'a> for GeneratedReport {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        report(u, &Layout::ALL)
    }
}

/// Generates a report whose tables use only `layouts` (all of [`Layout::ALL`] when empty).
///
/// # Errors
/// Never in practice: an exhausted `Unstructured` yields the smallest choices.
pub fn report(u: &mut Unstructured<'_>, layouts: &[Layout]) -> Result<GeneratedReport> {
    let layouts = if layouts.is_empty() { &Layout::ALL[..] } else { layouts };
    let edition = if u.arbitrary()? { Edition::Format2019 } else { Edition::Format2021 };
    let year: u16 = match edition {
        Edition::Format2019 => u.int_in_range(2019..=2020)?,
        _ => u.int_in_range(2021..=2025)?,
    };
    let organ = organ(u)?;
    let consistent = u.ratio(3, 4)?;
    let mut w = Writer { out: String::new(), page: 1 };

    // Title: one line, or the organ and the rest on two lines as PDF extraction leaves it.
    if u.ratio(1, 4)? {
        w.line(&organ);
        w.line(&format!("{year}{}年政府信息公开工作年度报告", pick(u, &["", " "])?));
    } else {
        w.line(&format!("{organ}{year}年政府信息公开工作年度报告"));
    }
    if u.ratio(1, 3)? {
        let (m, d) = (u.int_in_range(1..=3)?, u.int_in_range(1..=28)?);
        w.line(&format!("发布日期：{}年{m}月{d}日", year + 1));
    }
    w.blank(u)?;
    let intro = [
        format!("本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和{}要求编制。", citation(edition)),
        "本报告包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项。".to_string(),
        format!("本报告所列数据统计期限自{year}年1月1日起至{year}年12月31日止。"),
    ];
    for p in intro {
        if u.ratio(2, 3)? {
            w.paragraph(u, &p)?;
        }
    }

    let mut section_titles = Vec::new();
    let mut tables: (Option<ActiveDisclosure>, Option<Applications>, Option<ReviewsAndLawsuits>) =
        (None, None, None);
    let mut chosen = [Layout::Tab; 3];
    for (i, titles) in SECTION_TITLES.iter().enumerate() {
        let title = pick(u, titles)?;
        let end = pick(u, &["", "", "", "。", "："])?;
        w.line(&format!("{}、{title}{end}", NUMERALS[i]));
        section_titles.push(title.to_string());
        let with_table = i.checked_sub(1).filter(|&t| t < 3 && u.ratio(7, 8).unwrap_or(true));
        match with_table {
            Some(t) => {
                if u.ratio(1, 3)? {
                    let s = sentence(u, year)?;
                    w.paragraph(u, &s)?;
                }
                let layout = *u.choose(layouts)?;
                chosen[t] = layout;
                let text = match t {
                    0 => {
                        let a = active_disclosure(u, edition)?;
                        let text = render_active(&a, layout);
                        tables.0 = Some(a);
                        text
                    }
                    1 => {
                        let a = applications(u, edition, consistent)?;
                        let text = render_applications(&a, layout);
                        tables.1 = Some(a);
                        text
                    }
                    _ => {
                        let r = reviews_and_lawsuits(u, consistent)?;
                        let text = render_reviews(&r, layout);
                        tables.2 = Some(r);
                        text
                    }
                };
                w.out.push_str(&text);
                w.blank(u)?;
            }
            None => body(u, &mut w, i, year)?,
        }
    }
    // 落款.
    w.blank(u)?;
    w.line(&organ);
    let (m, d) = (u.int_in_range(1..=3)?, u.int_in_range(1..=28)?);
    w.line(&format!("{}年{m}月{d}日", year + 1));

    let mut text = w.out;
    if u.ratio(1, 5)? {
        // Files saved on Windows.
        text = text.replace('\n', "\r\n");
    }
    Ok(GeneratedReport {
        text,
        edition,
        year,
        organ,
        section_titles,
        active_disclosure: tables.0,
        applications: tables.1,
        reviews_and_lawsuits: tables.2,
        layouts: chosen,
        consistent,
    })
}

const NUMERALS: [&str; 10] = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

/// Official template titles and variants seen in real reports (docs/format.md §1.3).
const SECTION_TITLES: [&[&str]; 6] = [
    &["总体情况", "概述", "总体工作情况"],
    &["主动公开政府信息情况", "行政机关主动公开政府信息情况", "主动公开政府信息的情况"],
    &[
        "收到和处理政府信息公开申请情况",
        "行政机关收到和处理政府信息公开申请情况",
        "收到和处理政府信息公开申请情况统计表",
    ],
    &[
        "政府信息公开行政复议、行政诉讼情况",
        "因政府信息公开工作被申请行政复议、提起行政诉讼情况",
        "政府信息公开行政复议行政诉讼情况",
    ],
    &["存在的主要问题及改进情况", "政府信息公开工作存在的主要问题及改进情况", "存在问题及改进情况"],
    &["其他需要报告的事项"],
];

/// Subsection titles per level-1 section (docs/format.md §1.3 "Common sub-headings", §5).
const SUBSECTIONS: [&[&str]; 6] = [
    &["主动公开", "依申请公开", "政府信息管理", "政府信息公开平台建设", "监督保障"],
    &[],
    &[],
    &[],
    &["存在的主要问题", "改进措施"],
    &[
        "贯彻落实政务公开工作要点情况",
        "收取信息处理费情况",
        "人大代表建议和政协提案办理结果公开情况",
    ],
];

fn citation(edition: Edition) -> &'static str {
    match edition {
        Edition::Format2019 => "国办公开办函〔2019〕60号",
        _ => "国办公开办函〔2021〕30号",
    }
}

fn pick<'s>(u: &mut Unstructured<'_>, items: &[&'s str]) -> Result<&'s str> {
    u.choose(items).copied()
}

fn organ(u: &mut Unstructured<'_>) -> Result<String> {
    let place =
        pick(u, &["垫江县", "渠县", "威海市文登区", "沭阳县", "长宁区", "六盘水市", "吉林省"])?;
    let town = pick(u, &["", "", "周嘉镇", "宋村镇", "卷硐镇", "新华街道"])?;
    let body = if town.is_empty() {
        pick(u, &["人民政府", "教育局", "生态环境局", "人力资源和社会保障局", "人民政府办公室"])?
    } else {
        pick(u, &["人民政府", "办事处"])?
    };
    Ok(format!("{place}{town}{body}"))
}

/// A prose sentence with numbers in it; never starts with a heading marker.
fn sentence(u: &mut Unstructured<'_>, year: u16) -> Result<String> {
    let n: u32 = u.int_in_range(0..=5000)?;
    let m: u32 = u.int_in_range(0..=300)?;
    Ok(match u.int_in_range(0..=9)? {
        0 => format!("{year}年，我单位认真贯彻落实《中华人民共和国政府信息公开条例》，不断加强政府信息公开工作。"),
        1 => format!("全年通过政府网站主动公开政府信息{n}条，其中政策文件{m}件。"),
        2 => format!("本年度共收到政府信息公开申请{m}件，均已在法定期限内答复。"),
        3 => "本年度未发生因政府信息公开工作被申请行政复议、提起行政诉讼的情况。".to_string(),
        4 => "一是加强组织领导，二是完善工作机制，三是强化监督考核。".to_string(),
        5 => "本年度未收取信息处理费。".to_string(),
        6 => "存在的主要问题是信息公开的及时性和规范性有待提高。".to_string(),
        7 => "下一步，我们将进一步完善制度，提升公开质量和实效。".to_string(),
        8 => format!("组织开展政务公开专题培训{}次，参训人员{m}人次。", n % 20),
        _ => format!("如对本报告有疑问，请与办公室联系（电话：023-{:08}）。", n * 1000 + m),
    })
}

/// Prose body of a section without a table: paragraphs, or subsections with paragraphs.
fn body(u: &mut Unstructured<'_>, w: &mut Writer, section: usize, year: u16) -> Result<()> {
    let subs = SUBSECTIONS[section];
    if !subs.is_empty() && u.ratio(2, 3)? {
        let count = u.int_in_range(1..=subs.len())?;
        let ascii = u.ratio(1, 5)?;
        for (k, title) in subs.iter().take(count).enumerate() {
            let marker =
                if ascii { format!("({})", NUMERALS[k]) } else { format!("（{}）", NUMERALS[k]) };
            w.line(&format!("{marker}{title}"));
            for _ in 0..u.int_in_range(1..=2)? {
                let s = sentence(u, year)?;
                w.paragraph(u, &s)?;
            }
        }
    } else {
        for _ in 0..u.int_in_range(1..=3)? {
            let s = sentence(u, year)?;
            w.paragraph(u, &s)?;
        }
    }
    w.blank(u)
}

/// Accumulates lines, with the PDF-extraction noise of real reports.
struct Writer {
    out: String,
    page: u32,
}

impl Writer {
    fn line(&mut self, s: &str) {
        self.out.push_str(s);
        self.out.push('\n');
    }

    /// Maybe a blank line, maybe a page-number line (`- 3 -`) between blank lines.
    fn blank(&mut self, u: &mut Unstructured<'_>) -> Result<()> {
        if u.ratio(1, 8)? {
            self.page += 1;
            let page = self.page;
            self.out.push('\n');
            self.line(&format!("- {page} -"));
            self.out.push('\n');
        } else if u.ratio(1, 2)? {
            self.out.push('\n');
        }
        Ok(())
    }

    /// A paragraph, indented with two ideographic spaces or not, sometimes hard-wrapped.
    fn paragraph(&mut self, u: &mut Unstructured<'_>, text: &str) -> Result<()> {
        let indent = pick(u, &["", "\u{3000}\u{3000}", "  "])?;
        let chars: Vec<char> = text.chars().collect();
        let wrap = if u.ratio(1, 4)? { u.int_in_range(12..=30)? } else { usize::MAX };
        let mut first = true;
        for chunk in chars.chunks(wrap.min(chars.len().max(1))) {
            let piece: String = chunk.iter().collect();
            if first {
                self.line(&format!("{indent}{piece}"));
                first = false;
            } else {
                self.line(&piece);
            }
        }
        Ok(())
    }
}

/// A count: mostly small, sometimes large, rarely blank (when blanks are allowed).
///
/// (`int_in_range` rather than `ratio`: an exhausted `Unstructured` gives the low end of a
/// range, so a short input gives a table of zeros, not a table of blanks.)
fn count(u: &mut Unstructured<'_>, blanks: bool) -> Result<Option<u64>> {
    if blanks && u.int_in_range(0u8..=15)? == 15 {
        return Ok(None);
    }
    Ok(Some(match u.int_in_range(0..=7)? {
        0..=3 => 0,
        4..=6 => u.int_in_range(1..=60)?,
        _ => u.int_in_range(61..=200_000)?,
    }))
}

/// Table 二 of `edition` with every row present.
///
/// # Errors
/// Never in practice (see [`report`]).
pub fn active_disclosure(u: &mut Unstructured<'_>, edition: Edition) -> Result<ActiveDisclosure> {
    let y2019 = edition == Edition::Format2019;
    let mut docs = || -> Result<DocumentCounts> {
        let mut d = DocumentCounts::default();
        // The last cell is never blank: a row of blank cells reads as no row.
        let cells = (count(u, true)?, count(u, true)?, count(u, false)?);
        if y2019 {
            (d.made, d.published, d.total_public) = cells;
        } else {
            (d.issued, d.repealed, d.in_force) = cells;
        }
        Ok(d)
    };
    let regulations = Some(docs()?);
    let normative_documents = Some(docs()?);
    let decision = |u: &mut Unstructured<'_>| -> Result<DecisionCounts> {
        let mut d = DecisionCounts { decisions: count(u, y2019)?, ..Default::default() };
        if y2019 {
            d.previous_year = count(u, true)?;
            // Never all three blank: a row of blanks reads as no row.
            d.change = if u.ratio(1, 16)? && d.decisions.is_some() {
                None
            } else {
                Some(u.int_in_range(-2000..=2000)?)
            };
        }
        Ok(d)
    };
    let licensing = Some(decision(u)?);
    let other_services = if y2019 { Some(decision(u)?) } else { None };
    let punishment = Some(decision(u)?);
    let coercion = Some(decision(u)?);
    let mut fees = FeeCounts::default();
    let mut procurement = None;
    if y2019 {
        // The first cell of the two-value rows 行政事业性收费 and 政府集中采购 is never blank:
        // in the official grid these rows end in a colspan, and a blank before the values
        // cannot be told from a merged label cell (both are an empty cell between tabs).
        fees.previous_year = count(u, false)?;
        fees.change = Some(u.int_in_range(-50..=50)?);
        procurement = Some(Procurement {
            items: count(u, false)?,
            amount: Some(Decimal::arbitrary(u)?),
            amount_unit: pick(u, &["", "元", "万元"])
                .map(|s| (!s.is_empty()).then(|| s.to_string()))?,
            ..Default::default()
        });
    } else {
        fees.amount_10k_yuan = Some(Decimal::arbitrary(u)?);
    }
    Ok(ActiveDisclosure {
        regulations,
        normative_documents,
        licensing,
        other_services,
        punishment,
        coercion,
        administrative_fees: Some(fees),
        procurement,
        ..Default::default()
    })
}

/// Table 三 of `edition` with every row present (（六） undivided in 2019, three sub-rows in
/// 2021). Some cells are blank (never 自然人). When `consistent`, every 勾稽 rule holds with
/// blanks as 0: each row's 总计 is the sum of its six columns, （七）总计 the sum of the
/// result rows, and 一 + 二 = （七）+ 四.
///
/// # Errors
/// Never in practice (see [`report`]).
pub fn applications(
    u: &mut Unstructured<'_>,
    edition: Edition,
    consistent: bool,
) -> Result<Applications> {
    let row = |u: &mut Unstructured<'_>| -> Result<ApplicantCounts> {
        let mut r = ApplicantCounts::default();
        let mut sum = 0u64;
        for (i, c) in ApplicantColumn::PARTS.into_iter().enumerate() {
            // Applications are few: keep counts small so sums stay realistic. 自然人 is never
            // blank: six blank parts are no real row, and read ambiguously in column-major
            // layouts (fuzz find, `artifacts/roundtrip/six-blank-parts`).
            let v = count(u, i > 0)?.map(|v| v % 500);
            sum += v.unwrap_or(0);
            r.set(c, v);
        }
        let all_blank = ApplicantColumn::PARTS.iter().all(|&c| r.get(c).is_none());
        let total = if consistent || u.ratio(3, 4)? { Some(sum) } else { count(u, !all_blank)? };
        r.set(ApplicantColumn::Total, total);
        Ok(r)
    };
    let mut a = Applications {
        granted: Some(row(u)?),
        partially_granted: Some(row(u)?),
        denied: Denied {
            state_secret: Some(row(u)?),
            prohibited_by_law: Some(row(u)?),
            security_and_stability: Some(row(u)?),
            third_party_rights: Some(row(u)?),
            internal_affairs: Some(row(u)?),
            process_information: Some(row(u)?),
            enforcement_files: Some(row(u)?),
            administrative_query: Some(row(u)?),
        },
        unable_to_provide: UnableToProvide {
            not_held: Some(row(u)?),
            needs_creation: Some(row(u)?),
            unclear_after_correction: Some(row(u)?),
        },
        not_processed: NotProcessed {
            complaint_or_petition: Some(row(u)?),
            repeated: Some(row(u)?),
            publication: Some(row(u)?),
            excessive: Some(row(u)?),
            confirmation: Some(row(u)?),
        },
        ..Default::default()
    };
    a.other_handling = if edition == Edition::Format2019 {
        OtherHandling { undivided: Some(row(u)?), ..Default::default() }
    } else {
        OtherHandling {
            no_correction: Some(row(u)?),
            unpaid_fee: Some(row(u)?),
            other: Some(row(u)?),
            ..Default::default()
        }
    };
    // （七）总计, then 一 (new) + 二 (carried over) = （七） + 四 (carried forward), per column.
    let results = result_rows(&a);
    let mut total = ApplicantCounts::default();
    let (mut new, mut over, mut forward) =
        (ApplicantCounts::default(), ApplicantCounts::default(), ApplicantCounts::default());
    for c in ApplicantColumn::ALL {
        let t: u64 = results.iter().map(|r| r.get(c).unwrap_or(0)).sum();
        total.set(c, if consistent { Some(t) } else { count(u, true)?.or(Some(t)) });
        if consistent && c != ApplicantColumn::Total {
            let f = u.int_in_range(0..=3)?;
            let o = u.int_in_range(0..=(t + f).min(5))?;
            forward.set(c, Some(f));
            over.set(c, Some(o));
            new.set(c, Some(t + f - o));
        } else if !consistent {
            // 自然人 and 总计 are never blank here (see `row` above).
            let blanks = c != ApplicantColumn::Total && c != ApplicantColumn::NaturalPerson;
            forward.set(c, count(u, blanks)?);
            over.set(c, count(u, blanks)?);
            new.set(c, count(u, blanks)?);
        }
    }
    if consistent {
        for r in [&mut new, &mut over, &mut forward] {
            let sum = ApplicantColumn::PARTS.iter().map(|&c| r.get(c).unwrap_or(0)).sum();
            r.set(ApplicantColumn::Total, Some(sum));
        }
    }
    a.new_received = Some(new);
    a.carried_over = Some(over);
    a.total_processed = Some(total);
    a.carried_forward = Some(forward);
    Ok(a)
}

fn result_rows(a: &Applications) -> Vec<&ApplicantCounts> {
    a.result_rows().map(|(_, row)| row).collect()
}

/// Table 四. Some cells are blank; when `consistent`, each block's 总计 is never blank and is
/// the sum of its four (blanks as 0).
///
/// # Errors
/// Never in practice (see [`report`]).
pub fn reviews_and_lawsuits(
    u: &mut Unstructured<'_>,
    consistent: bool,
) -> Result<ReviewsAndLawsuits> {
    let block = |u: &mut Unstructured<'_>| -> Result<Outcomes> {
        let mut o = Outcomes::default();
        let mut v = [None; 4];
        for x in &mut v {
            *x = count(u, true)?.map(|n| n % 100);
        }
        (o.upheld, o.corrected, o.other, o.pending) = (v[0], v[1], v[2], v[3]);
        let sum = v.iter().map(|x| x.unwrap_or(0)).sum();
        // A block of five blanks is possible in a report, but fifteen blanks read as no table.
        let all_blank = v.iter().all(Option::is_none);
        o.total = if consistent || u.ratio(3, 4)? { Some(sum) } else { count(u, !all_blank)? };
        Ok(o)
    };
    Ok(ReviewsAndLawsuits {
        review: block(u)?,
        lawsuit_direct: block(u)?,
        lawsuit_after_review: block(u)?,
        ..Default::default()
    })
}
