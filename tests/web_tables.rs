//! Tables as web pages flatten them: each row label starts a line (as the first pass hands
//! the rows over), its numbers follow on the same line, run together, separated, or both.
//!
//! The property tests decide what the flattened text determines with a brute-force
//! enumerator of their own (every way to cut each digit run into the row's cells, kept when
//! the row and column rules hold), independent of the crate's solver, and check that the
//! crate reads exactly the cells so determined and leaves the others blank with
//! `ambiguous-digits`.

use gov_info_disclosure::internals::is_table_line;
use gov_info_disclosure::table::{read_table, TableData};
use gov_info_disclosure::{
    ActiveDisclosure, Applications, Code, Diagnostic, ReviewsAndLawsuits, Span, TableKind,
};
use proptest::prelude::*;

fn read(text: &str, kind: TableKind) -> (Option<TableData>, Vec<Diagnostic>) {
    let mut d = Vec::new();
    let t = read_table(text, Span::new(0, text.len()), kind, &mut d);
    (t, d)
}

fn apps(text: &str) -> (Applications, Vec<Diagnostic>) {
    match read(text, TableKind::Applications) {
        (Some(TableData::Applications(a)), d) => (*a, d),
        other => panic!("no table 三: {other:?}"),
    }
}

fn reviews(text: &str) -> (ReviewsAndLawsuits, Vec<Diagnostic>) {
    match read(text, TableKind::ReviewsAndLawsuits) {
        (Some(TableData::ReviewsAndLawsuits(r)), d) => (*r, d),
        other => panic!("no table 四: {other:?}"),
    }
}

fn active(text: &str) -> (ActiveDisclosure, Vec<Diagnostic>) {
    match read(text, TableKind::ActiveDisclosure) {
        (Some(TableData::ActiveDisclosure(a)), d) => (*a, d),
        other => panic!("no table 二: {other:?}"),
    }
}

/// The rows of table 三 by slot, as `Applications::rows` lists them.
fn rows(a: &Applications) -> Vec<Option<[Option<u64>; 7]>> {
    a.rows().iter().map(|(_, r)| r.map(|r| r.values())).collect()
}

fn ambiguous(d: &[Diagnostic]) -> Vec<&Diagnostic> {
    d.iter()
        .filter(|x| {
            x.code == Code::AmbiguousDigits && x.severity != gov_info_disclosure::Severity::Note
        })
        .collect()
}

/// The 2021 rows of table 三 in table order, with the slot (index in `Applications::rows`)
/// of each data row; group lines have none.
const APP_LINES: &[(&str, Option<usize>)] = &[
    ("一、本年新收政府信息公开申请数量", Some(0)),
    ("二、上年结转政府信息公开申请数量", Some(1)),
    ("三、本年度办理结果", None),
    ("（一）予以公开", Some(2)),
    ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", Some(3)),
    ("（三）不予公开", None),
    ("1.属于国家秘密", Some(4)),
    ("2.其他法律行政法规禁止公开", Some(5)),
    ("3.危及“三安全一稳定”", Some(6)),
    ("4.保护第三方合法权益", Some(7)),
    ("5.属于三类内部事务信息", Some(8)),
    ("6.属于四类过程性信息", Some(9)),
    ("7.属于行政执法案卷", Some(10)),
    ("8.属于行政查询事项", Some(11)),
    ("（四）无法提供", None),
    ("1.本机关不掌握相关政府信息", Some(12)),
    ("2.没有现成信息需要另行制作", Some(13)),
    ("3.补正后申请内容仍不明确", Some(14)),
    ("（五）不予处理", None),
    ("1.信访举报投诉类申请", Some(15)),
    ("2.重复申请", Some(16)),
    ("3.要求提供公开出版物", Some(17)),
    ("4.无正当理由大量反复申请", Some(18)),
    ("5.要求行政机关确认或重新出具已获取信息", Some(19)),
    ("（六）其他处理", None),
    ("1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", Some(20)),
    ("2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", Some(21)),
    ("3.其他", Some(22)),
    ("（七）总计", Some(24)),
    ("四、结转下年度继续办理", Some(25)),
];

/// Table 三's header as a web page flattens it (extra-samples 102).
const APP_HEADER: &str = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\n\
    申请人情况 自然人 法人或其他组织 总计 商业 企业 科研 机构 社会公益组织 法律服务机构 其他\n";

/// Table 四's header as a web page flattens it, words split (extra-samples 106).
const REVIEW_HEADER: &str = "行政复议 行政诉讼 结果维持 结果 纠正 其他 结果 尚未 审结 总计 \
    未经复议直接起诉 复议后起诉 结果 维持 结果 纠正 其他 结果 尚未 审结 总计 结果 维持 结果 纠正 \
    其他 结果 尚未 审结 总计";

/// Table 三 of the 2021 edition, each row printed after its label as `text(slot)`.
fn app_text(text: impl Fn(usize) -> String) -> String {
    app_text_of(false, text)
}

/// Table 三 of the 2019 edition when `y2019` (（六）其他处理 one row, slot 23), else 2021.
fn app_text_of(y2019: bool, text: impl Fn(usize) -> String) -> String {
    let mut out = String::from(APP_HEADER);
    for &(label, slot) in APP_LINES {
        let slot = match slot {
            Some(20..=22) if y2019 => continue,
            None if y2019 && label == "（六）其他处理" => Some(23),
            s => s,
        };
        out.push_str(label);
        if let Some(s) = slot {
            out.push_str(&text(s));
        }
        out.push('\n');
    }
    out
}

/// The result rows' slots (those （七） totals) of the 2019 or 2021 edition.
fn result_slots(y2019: bool) -> Vec<usize> {
    if y2019 {
        (2..=19).chain([23]).collect()
    } else {
        (2..=22).collect()
    }
}

/// Every data row's slot, in table order.
fn data_slots(y2019: bool) -> Vec<usize> {
    [0, 1].into_iter().chain(result_slots(y2019)).chain([24, 25]).collect()
}

// ---- Table 三, the cases of the real pages ----

/// A table of zeros but for the rows given, each printed as given after its label.
fn app_with(printed: &[(usize, &str)]) -> String {
    app_text(|s| {
        printed
            .iter()
            .find(|p| p.0 == s)
            .map_or_else(|| " 0000000".to_string(), |p| p.1.to_string())
    })
}

#[test]
fn row_ambiguous_alone_is_split_by_the_columns() {
    // extra-samples 102: `110000011` is 11,0,0,0,0,0,11 or 1,10,0,0,0,0,11 by its own rule,
    // in row 一 and in （七）; the result rows (3 + 7 + 1) make （七） 11 in 自然人, and
    // 一 + 二 = （七） + 四 then makes 一 the same.
    let t = app_with(&[
        (0, " 110000011"),
        (3, " 3000003"),
        (12, " 7000007"),
        (20, " 1000001"),
        (24, " 110000011"),
    ]);
    let (a, d) = apps(&t);
    let r = rows(&a);
    let eleven = [11, 0, 0, 0, 0, 0, 11].map(Some);
    assert_eq!(r[0], Some(eleven));
    assert_eq!(r[24], Some(eleven));
    assert_eq!(r[3], Some([3, 0, 0, 0, 0, 0, 3].map(Some)));
    assert!(ambiguous(&d).is_empty(), "{d:?}");
}

#[test]
fn mixed_separators_in_one_table_and_one_row() {
    // extra-samples 111: `8 0 0 0 0 0 8`, `3000003`, `10 0 0 0 01` (a cell never spans a
    // space, and `01` is no count: 1,0,0,0,0,0,1), `0 0 00000`, glued and spaced rows mixed.
    let t = app_with(&[
        (0, " 8 0 0 0 0 0 8"),
        (2, " 3000003"),
        (3, " 10 0 0 0 01"),
        (12, "4000004"),
        (20, " 0 0 00000"),
        (24, " 8000008"),
    ]);
    let (a, d) = apps(&t);
    let r = rows(&a);
    assert_eq!(r[0], Some([8, 0, 0, 0, 0, 0, 8].map(Some)));
    assert_eq!(r[2], Some([3, 0, 0, 0, 0, 0, 3].map(Some)));
    assert_eq!(r[3], Some([1, 0, 0, 0, 0, 0, 1].map(Some)));
    assert_eq!(r[12], Some([4, 0, 0, 0, 0, 0, 4].map(Some)));
    assert_eq!(r[20], Some([0; 7].map(Some)));
    assert_eq!(r[24], Some([8, 0, 0, 0, 0, 0, 8].map(Some)));
    assert!(ambiguous(&d).is_empty(), "{d:?}");
}

#[test]
fn ambiguous_table_stays_blank() {
    // `110000011` in 一, （七） and the only result row: every rule holds with 11,0,… and with
    // 1,10,… alike, so nothing decides; the three rows stay blank, each with its diagnostic.
    let t = app_with(&[(0, " 110000011"), (2, " 110000011"), (24, " 110000011")]);
    let (a, d) = apps(&t);
    let r = rows(&a);
    for s in [0, 2, 24] {
        assert_eq!(r[s], Some([None; 7]), "slot {s}");
    }
    assert_eq!(ambiguous(&d).len(), 3, "{d:?}");
}

#[test]
fn a_report_breaking_its_column_rule_keeps_the_row_rule_only() {
    // As in extra-samples 104, the result rows do not add up to （七）: 2 + 4 + 1 = 7 in
    // 自然人 against 9, 1 in 法律服务机构 against 0; those rules, all of whose rows are read,
    // are broken by the report and not used. Row 一 is ambiguous alone (`110000011`), and
    // 一 + 二 = （七） + 四 would need 一 = 9, which no split of its digits gives: no
    // assignment satisfies the rules, so 一 stays blank, nothing is guessed, and the rows
    // their own rule settles are read as printed.
    let t = app_with(&[
        (0, " 110000011"),
        (2, " 2000002"),
        (3, " 4000004"),
        (12, " 1000102"),
        (24, " 9000009"),
    ]);
    let (a, d) = apps(&t);
    let r = rows(&a);
    assert_eq!(r[0], Some([None; 7]));
    assert_eq!(r[12], Some([1, 0, 0, 0, 1, 0, 2].map(Some)));
    assert_eq!(r[24], Some([9, 0, 0, 0, 0, 0, 9].map(Some)));
    assert_eq!(ambiguous(&d).len(), 1, "{d:?}");
}

// ---- Table 四 ----

#[test]
fn table4_header_and_run() {
    let glued = REVIEW_HEADER.replace(' ', "");
    for t in [
        format!("{REVIEW_HEADER}\n000000000000000\n"),
        format!("{REVIEW_HEADER}\n0 00 0 0 0 00 0 00 0 0 0 0\n"),
        format!("{REVIEW_HEADER} 0 00 0 0 0 00 0 00 0 0 0 0\n"),
        format!("{glued} 0 00 0 0 0 00 0 00 0 0 0 0\n"),
        format!("{glued}000000000000000\n"),
    ] {
        assert!(is_table_line(t.lines().next().unwrap_or_default()), "{t}");
        let (r, d) = reviews(&t);
        for o in [&r.review, &r.lawsuit_direct, &r.lawsuit_after_review] {
            assert_eq!(o.values(), [Some(0); 5], "{t}");
        }
        assert!(d.is_empty(), "{t}: {d:?}");
    }
    // Varied numbers: 2,1,0,0,3 | 7,1,0,0,8 | 1,2,3,5,11, the block sums decide.
    for run in ["2100371008123511", "2 100371 008123511"] {
        let (r, d) = reviews(&format!("{REVIEW_HEADER}\n{run}\n"));
        assert_eq!(r.review.values(), [2, 1, 0, 0, 3].map(Some));
        assert_eq!(r.lawsuit_direct.values(), [7, 1, 0, 0, 8].map(Some));
        assert_eq!(r.lawsuit_after_review.values(), [1, 2, 3, 5, 11].map(Some));
        assert!(d.is_empty(), "{d:?}");
    }
    // 1,10,0,0,11 fits the first block as well as 11,0,0,0,11.
    let (r, d) = reviews(&format!("{REVIEW_HEADER}\n11000110000000000\n"));
    assert_eq!(r.review.values(), [None; 5]);
    assert_eq!(ambiguous(&d).len(), 1);
}

// ---- Table 二 ----

#[test]
fn table2_glued_rows_2021() {
    let t = "第二十条第（一）项 信息内容 本年制发件数 本年废止件数 现行有效件数\n规章000\n\
             行政规范性文件005\n第二十条第（五）项信息内容本年处理决定数量\n行政许可52\n\
             第二十条第（六）项信息内容本年处理决定数量\n行政处罚19\n行政强制7\n\
             第二十条第（八）项信息内容本年收费金额（单位：万元）\n行政事业性收费0\n";
    let (a, d) = active(t);
    let docs = |r: &Option<gov_info_disclosure::DocumentCounts>| {
        r.as_ref().map(|r| (r.issued, r.repealed, r.in_force))
    };
    assert_eq!(docs(&a.regulations), Some((Some(0), Some(0), Some(0))));
    assert_eq!(docs(&a.normative_documents), Some((Some(0), Some(0), Some(5))));
    assert_eq!(a.licensing.and_then(|r| r.decisions), Some(52));
    assert_eq!(a.punishment.and_then(|r| r.decisions), Some(19));
    assert_eq!(a.coercion.and_then(|r| r.decisions), Some(7));
    assert_eq!(
        a.administrative_fees.and_then(|r| r.amount_10k_yuan).map(|x| x.to_string()),
        Some("0".into())
    );
    assert!(ambiguous(&d).is_empty(), "{d:?}");
    // `规范性文件` without 行政, spaced and glued rows in one table (extra-samples 102, 106).
    let t = "第二十条第（一）项 信息内容 本年制发件数 本年废止件数 现行有效件数\n规章 0 0 0\n\
             规范性文件001\n";
    let (a, _) = active(t);
    assert_eq!(docs(&a.normative_documents), Some((Some(0), Some(0), Some(1))));
    let t = "第二十条第（一）项 信息内容 本年制发件数 本年废止件数 现行有效件数\n行政规范性文件 4 0 16\n";
    assert_eq!(docs(&active(t).0.normative_documents), Some((Some(4), Some(0), Some(16))));
}

#[test]
fn table2_2019_runs_that_cannot_be_split() {
    let t = "第二十条第（五）项信息内容上一年项目数量本年增/减处理决定数量\n行政许可20180\n\
             行政处罚 88 -3 14\n第二十条第（九）项信息内容采购项目数量采购总金额\n\
             政府集中采购191690.9913万元\n";
    let (a, d) = active(t);
    let lic = a.licensing.expect("行政许可");
    assert_eq!((lic.previous_year, lic.change, lic.decisions), (None, None, None));
    let pun = a.punishment.expect("行政处罚");
    assert_eq!((pun.previous_year, pun.change, pun.decisions), (Some(88), Some(-3), Some(14)));
    let p = a.procurement.expect("政府集中采购");
    assert_eq!((p.items, p.amount), (None, None));
    let amb = ambiguous(&d);
    assert_eq!(amb.len(), 2, "{d:?}");
    assert!(amb.iter().any(|x| x.message.contains("191690.9913万元")), "{amb:?}");
    // Spaced, the same row reads.
    let t = "第二十条第（九）项信息内容采购项目数量采购总金额\n政府集中采购 19 1690.9913万元\n";
    let p = active(t).0.procurement.expect("政府集中采购");
    assert_eq!(p.items, Some(19));
    assert_eq!(p.amount.map(|x| x.to_string()), Some("1690.9913".into()));
}

// ---- Linear time ----

#[test]
fn a_long_digit_run_after_one_label_ends() {
    let run = "1".repeat(100_000);
    let t = format!("一、本年新收政府信息公开申请数量{run}\n（七）总计 {run}\n");
    let (a, _) = apps(&t);
    assert_eq!(rows(&a)[0], Some([None; 7]));
    let _ = read(&format!("{REVIEW_HEADER}\n{run}\n"), TableKind::ReviewsAndLawsuits);
    let _ = read(&format!("规章{run}\n行政许可{run}\n"), TableKind::ActiveDisclosure);
    assert!(is_table_line(&format!("（七）总计{run}")));
}

// ---- The property: brute force against the crate ----

/// Every way to cut `pieces` (digit strings; a cell never spans two) into `n` cells of at
/// most 7 digits without leading zeros, each as its values.
fn cuts(pieces: &[String], n: usize) -> Vec<Vec<u64>> {
    let digits: Vec<u8> = pieces.concat().bytes().map(|b| b - b'0').collect();
    let mut stops = vec![false; digits.len() + 1];
    let mut at = 0;
    for p in pieces {
        at += p.len();
        stops[at] = true;
    }
    let mut out = Vec::new();
    let mut cur = Vec::new();
    fn go(
        d: &[u8],
        stops: &[bool],
        pos: usize,
        n: usize,
        cur: &mut Vec<u64>,
        out: &mut Vec<Vec<u64>>,
    ) {
        if cur.len() == n {
            if pos == d.len() {
                out.push(cur.clone());
            }
            return;
        }
        for len in 1..=7 {
            let end = pos + len;
            if end > d.len() || (len > 1 && d[pos] == 0) {
                break;
            }
            if (pos + 1..end).any(|i| stops[i]) {
                break;
            }
            cur.push(d[pos..end].iter().fold(0, |a, &x| a * 10 + u64::from(x)));
            go(d, stops, end, n, cur, out);
            cur.pop();
        }
    }
    go(&digits, &stops, 0, n, &mut cur, &mut out);
    out
}

/// How a row's cells are printed after its label.
#[derive(Debug, Clone)]
struct Print {
    /// A space between the label and the first cell.
    lead: bool,
    /// Per gap between cells: a space or nothing.
    gaps: Vec<bool>,
}

fn print(values: &[u64], how: &Print) -> (String, Vec<String>) {
    let mut pieces = vec![String::new()];
    for (i, v) in values.iter().enumerate() {
        if i > 0 && how.gaps.get(i - 1).copied().unwrap_or(false) {
            pieces.push(String::new());
        }
        if let Some(p) = pieces.last_mut() {
            p.push_str(&v.to_string());
        }
    }
    let text = format!("{}{}", if how.lead { " " } else { "" }, pieces.join(" "));
    (text, pieces)
}

fn print_strategy(cells: usize) -> impl Strategy<Value = Print> {
    // Glued, spaced, or mixed, in about equal shares.
    (any::<bool>(), 0u8..3, prop::collection::vec(any::<bool>(), cells - 1)).prop_map(
        |(lead, style, mixed)| Print {
            lead,
            gaps: match style {
                0 => vec![false; mixed.len()],
                1 => vec![true; mixed.len()],
                _ => mixed,
            },
        },
    )
}

/// A count: mostly 0, some small, some multi-digit.
fn count() -> impl Strategy<Value = u64> {
    prop_oneof![6 => Just(0u64), 3 => 1u64..10, 1 => 10u64..120]
}

/// A consistent table 三 of either edition (by slot; and whether 2019): result rows of random counts, （七） their sums, 四 random,
/// 二 at most （七） + 四, 一 the balance; every row's 总计 the sum of its six.
fn app_table() -> impl Strategy<Value = (Vec<[u64; 7]>, bool)> {
    // Most result rows all zero, as in real reports; a few with counts.
    let result_row = prop_oneof![
        3 => Just([0u64; 6]),
        1 => prop::array::uniform6(count()),
    ];
    (
        prop::collection::vec(result_row, 21),
        prop::array::uniform6(0u64..4),
        prop::array::uniform6(any::<prop::sample::Index>()),
        any::<bool>(),
    )
        .prop_map(|(results, forward, over, y2019)| {
            let with_total = |p: [u64; 6]| {
                let mut r = [0u64; 7];
                r[..6].copy_from_slice(&p);
                r[6] = p.iter().sum();
                r
            };
            let mut t = vec![[0u64; 7]; 26];
            let mut total = [0u64; 6];
            for (slot, p) in result_slots(y2019).into_iter().zip(results) {
                for c in 0..6 {
                    total[c] += p[c];
                }
                t[slot] = with_total(p);
            }
            let mut new = [0u64; 6];
            let mut carried = [0u64; 6];
            for c in 0..6 {
                carried[c] = over[c].index((total[c] + forward[c]).min(20) as usize + 1) as u64;
                new[c] = total[c] + forward[c] - carried[c];
            }
            t[0] = with_total(new);
            t[1] = with_total(carried);
            t[24] = with_total(total);
            t[25] = with_total(forward);
            (t, y2019)
        })
}

/// The brute force: per slot, the row's splits its own rule allows; then every assignment
/// of them that satisfies both column rules in every column. Per slot, `Some(values)` when
/// every satisfying assignment gives the same, `None` otherwise; also whether the search
/// stayed small (few candidates per row, few assignments), where the crate must find as
/// much as the brute force.
fn determined(pieces: &[Vec<String>], y2019: bool) -> (Vec<Option<[u64; 7]>>, bool) {
    let slots = data_slots(y2019);
    let results = result_slots(y2019);
    let cands: Vec<Vec<[u64; 7]>> = pieces
        .iter()
        .map(|p| {
            cuts(p, 7)
                .into_iter()
                .filter(|v| v[..6].iter().sum::<u64>() == v[6])
                .map(|v| [v[0], v[1], v[2], v[3], v[4], v[5], v[6]])
                .collect()
        })
        .collect();
    let vars: Vec<usize> = (0..cands.len()).filter(|&i| cands[i].len() > 1).collect();
    let combos = vars.iter().try_fold(1usize, |a, &i| a.checked_mul(cands[i].len()));
    let small = vars.iter().all(|&i| cands[i].len() <= 64) && combos.is_some_and(|c| c <= 1 << 15);
    let mut agreed: Vec<Option<Option<[u64; 7]>>> = vec![None; cands.len()];
    if combos.is_some_and(|c| c <= 1 << 20) {
        let mut choice = vec![0usize; cands.len()];
        loop {
            let row = |k: usize| cands[k][choice[k]];
            // Index in `pieces` of each slot.
            let at = |slot: usize| slots.iter().position(|&s| s == slot).unwrap_or(0);
            let ok = (0..7).all(|c| {
                let sum: u64 = results.iter().map(|&s| row(at(s))[c]).sum();
                row(at(24))[c] == sum
                    && row(at(0))[c] + row(at(1))[c] == row(at(24))[c] + row(at(25))[c]
            });
            if ok {
                for (k, a) in agreed.iter_mut().enumerate() {
                    *a = match *a {
                        None => Some(Some(row(k))),
                        Some(Some(v)) if v == row(k) => Some(Some(v)),
                        _ => Some(None),
                    };
                }
            }
            let mut done = true;
            for &k in &vars {
                choice[k] += 1;
                if choice[k] < cands[k].len() {
                    done = false;
                    break;
                }
                choice[k] = 0;
            }
            if done {
                break;
            }
        }
    }
    // A row its own rule settles is determined however large the search.
    let out = agreed
        .into_iter()
        .zip(&cands)
        .map(|(a, c)| if c.len() == 1 { Some(c[0]) } else { a.flatten() })
        .collect();
    (out, small)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Table 三 flattened, either edition: the crate reads every row the text determines, equal to the
    /// original, and leaves every other row blank with `ambiguous-digits`; it never reads a
    /// row the text does not determine.
    #[test]
    fn flattened_table3_reads_what_the_text_determines(
        (table, y2019) in app_table(),
        prints in prop::collection::vec(print_strategy(7), 25),
    ) {
        let slots = data_slots(y2019);
        let mut printed = vec![String::new(); 26];
        let mut pieces = Vec::new();
        for (k, &slot) in slots.iter().enumerate() {
            let (text, p) = print(&table[slot], &prints[k]);
            printed[slot] = text;
            pieces.push(p);
        }
        let text = app_text_of(y2019, |s| printed[s].clone());
        let (want, small) = determined(&pieces, y2019);
        let (a, d) = apps(&text);
        let got = rows(&a);
        let amb = ambiguous(&d);
        for (k, &slot) in slots.iter().enumerate() {
            let row = got[slot].unwrap_or([None; 7]);
            let blank = row == [None; 7];
            match want[k] {
                Some(v) if small => {
                    prop_assert_eq!(v, table[slot], "the original satisfies every rule");
                    prop_assert_eq!(row, v.map(Some), "slot {}\n{}", slot, text);
                }
                // Beyond the caps the crate may leave a determined row blank, never guess.
                Some(v) if !blank => prop_assert_eq!(row, v.map(Some), "slot {}\n{}", slot, text),
                _ => {
                    prop_assert!(blank, "slot {} read but not determined\n{}", slot, text);
                    let span = printed[slot].trim();
                    prop_assert!(
                        amb.iter().any(|x| x.message.contains(span)),
                        "slot {} blank without ambiguous-digits\n{}\n{:?}", slot, text, d
                    );
                }
            }
        }
    }

    /// Table 四 flattened: each block read when every split that satisfies the three block
    /// sums gives it the same counts, blank with `ambiguous-digits` otherwise.
    #[test]
    fn flattened_table4_reads_what_the_text_determines(
        blocks in prop::array::uniform3(prop::array::uniform4(count())),
        how in print_strategy(15),
        glued_header in any::<bool>(),
    ) {
        let values: Vec<u64> = blocks
            .iter()
            .flat_map(|b| b.iter().copied().chain([b.iter().sum()]))
            .collect();
        let (run, pieces) = print(&values, &how);
        let header = if glued_header { REVIEW_HEADER.replace(' ', "") } else { REVIEW_HEADER.to_string() };
        let text = format!("{header}\n{}\n", run.trim_start());
        let splits: Vec<Vec<u64>> = cuts(&pieces, 15)
            .into_iter()
            .filter(|v| v.chunks(5).all(|b| b[..4].iter().sum::<u64>() == b[4]))
            .collect();
        let (r, d) = reviews(&text);
        let got: Vec<Option<u64>> = [&r.review, &r.lawsuit_direct, &r.lawsuit_after_review]
            .iter()
            .flat_map(|o| o.values())
            .collect();
        // Per block: determined when every split gives it the same counts.
        prop_assert!(!splits.is_empty(), "the original is a split");
        let mut blank = false;
        for b in 0..3 {
            let block = |s: &Vec<u64>| s[5 * b..5 * b + 5].to_vec();
            let got_b = got[5 * b..5 * b + 5].to_vec();
            if splits.iter().all(|s| block(s) == block(&splits[0])) {
                prop_assert_eq!(block(&splits[0]), block(&values));
                prop_assert_eq!(got_b, block(&values).into_iter().map(Some).collect::<Vec<_>>(), "block {}\n{}", b, text);
            } else {
                prop_assert_eq!(got_b, vec![None; 5], "block {}\n{}", b, text);
                blank = true;
            }
        }
        prop_assert_eq!(ambiguous(&d).len(), usize::from(blank), "{}", text);
    }
}
