//! Tables read from the samples and from hand-made fixtures with real, varied numbers.

use gov_info_disclosure::table::{read_table, TableData};
use gov_info_disclosure::{check, Applications, Code, Diagnostic, Span, TableKind};

/// The region between the heading starting with `from` and the next heading in `to`.
fn region(input: &str, from: &str, to: &[&str]) -> Span {
    let mut off = 0;
    let mut start = None;
    for l in input.split_inclusive('\n') {
        let t: String = l.chars().filter(|c| !c.is_whitespace()).collect();
        if start.is_none() && t.starts_with(from) {
            start = Some(off + l.len());
        } else if start.is_some() && to.iter().any(|p| t.starts_with(p)) {
            return Span::new(start.unwrap_or(0), off);
        }
        off += l.len();
    }
    Span::new(start.unwrap_or(input.len()), input.len())
}

fn read(input: &str, span: Span, kind: TableKind) -> Read {
    let mut d = Vec::new();
    let t = read_table(input, span, kind, &mut d);
    (t, d)
}

fn all_rows(a: &Applications) -> Vec<[Option<u64>; 7]> {
    a.rows().iter().filter_map(|(_, row)| row.map(|r| r.values())).collect()
}

/// A table read and its diagnostics.
type Read = (Option<TableData>, Vec<Diagnostic>);

fn sample_tables(path: &str) -> (String, Vec<Read>) {
    let input = std::fs::read_to_string(path).expect("sample");
    let r2 = region(&input, "二、主动公开", &["三、"]);
    let r3 = region(&input, "三、收到和处理", &["四、政府信息公开"]);
    let r4 = region(&input, "四、政府信息公开", &["五、"]);
    let out = vec![
        read(&input, r2, TableKind::ActiveDisclosure),
        read(&input, r3, TableKind::Applications),
        read(&input, r4, TableKind::ReviewsAndLawsuits),
    ];
    (input, out)
}

#[test]
fn sample_001_every_cell() {
    let (_, t) = sample_tables("tests/data/001_8b9db0a3de107dcf.txt");
    let Some(TableData::ActiveDisclosure(a)) = &t[0].0 else { panic!("table 二") };
    assert_eq!(
        a.regulations.as_ref().map(|r| (r.issued, r.repealed, r.in_force)),
        Some((Some(0), Some(0), Some(0)))
    );
    assert_eq!(a.licensing.as_ref().and_then(|r| r.decisions), Some(0));
    assert_eq!(
        a.administrative_fees
            .as_ref()
            .and_then(|r| r.amount_10k_yuan.clone())
            .map(|d| d.to_string()),
        Some("0".into())
    );
    let Some(TableData::Applications(apps)) = &t[1].0 else { panic!("table 三") };
    let rows = all_rows(apps);
    assert_eq!(rows.len(), 25, "every row of the 2021 format");
    assert!(rows.iter().all(|r| r.iter().all(|c| *c == Some(0))));
    // Sample 001 prints 8 numbers for 7 columns in four rows (（四）2, 3, （五)…, （七）, 四).
    assert!(t[1].1.iter().any(|d| d.code == Code::RaggedRow));
    assert!(
        !t[1].1.iter().any(|d| d.code == Code::MissingRow || d.code == Code::UnknownRow),
        "{:?}",
        t[1].1
    );
    let Some(TableData::ReviewsAndLawsuits(r)) = &t[2].0 else { panic!("table 四") };
    assert_eq!(r.lawsuit_after_review.values(), [Some(0); 5]);
    assert!(t[2].1.is_empty());
}

#[test]
fn sample_002_every_cell() {
    let (_, t) = sample_tables("tests/data/002_49110c21dc18a0fd.txt");
    let Some(TableData::Applications(apps)) = &t[1].0 else { panic!("table 三") };
    assert_eq!(all_rows(apps).len(), 25);
    // The truncated label `…行政机关不再处理其` still names （六）1.
    assert!(apps.other_handling.no_correction.is_some());
    assert!(t[1].1.is_empty(), "{:?}", t[1].1);
    assert!(t[0].1.is_empty(), "{:?}", t[0].1);
    assert!(t[2].1.is_empty(), "{:?}", t[2].1);
}

#[test]
fn samples_000_003_table_missing() {
    for p in ["tests/data/000_80e22dc9225c65a1.txt", "tests/data/003_7725fcf89aa37421.txt"] {
        let (_, t) = sample_tables(p);
        for (data, diags) in &t {
            assert!(data.is_none(), "{p}");
            assert_eq!(diags.iter().filter(|d| d.code == Code::TableMissing).count(), 1, "{p}");
        }
    }
}

#[test]
fn space_layout_real_numbers() {
    let input =
        std::fs::read_to_string("tests/fixtures/tables/app_space_real.txt").expect("fixture");
    let (t, d) = read(&input, Span::new(0, input.len()), TableKind::Applications);
    let Some(TableData::Applications(a)) = t else { panic!() };
    assert_eq!(
        a.new_received.as_ref().map(|r| r.values()),
        Some([3001, 53, 0, 0, 61, 4, 3119].map(Some))
    );
    assert_eq!(
        a.partially_granted.as_ref().map(|r| r.values()),
        Some([447, 7, 0, 0, 0, 0, 454].map(Some))
    );
    assert_eq!(a.unable_to_provide.not_held.as_ref().and_then(|r| r.total), Some(769));
    assert_eq!(
        a.other_handling.no_correction.as_ref().map(|r| r.values()),
        Some([67, 3, 0, 0, 1, 0, 71].map(Some))
    );
    assert_eq!(a.other_handling.other.as_ref().and_then(|r| r.total), Some(110));
    assert_eq!(a.total_processed.as_ref().and_then(|r| r.natural_person), Some(2932));
    assert_eq!(all_rows(&a).len(), 25);
    assert!(d.is_empty(), "{d:?}");
    assert!(check::check_applications(&a).is_empty());
}

#[test]
fn run_together_rows_split_by_arithmetic() {
    let input = "一、本年新收政府信息公开申请数量300153006143119\n二、上年结转政府信息公开申请数量340000034\n";
    let (t, _) = read(input, Span::new(0, input.len()), TableKind::Applications);
    let Some(TableData::Applications(a)) = t else { panic!() };
    assert_eq!(
        a.new_received.as_ref().map(|r| r.values()),
        Some([3001, 53, 0, 0, 61, 4, 3119].map(Some))
    );
    let cell = a.new_received.as_ref().and_then(|r| r.cells[6]).map(|s| &input[s.start..s.end]);
    assert_eq!(cell, Some("3119"));
    assert_eq!(
        a.carried_over.as_ref().map(|r| r.values()),
        Some([34, 0, 0, 0, 0, 0, 34].map(Some))
    );
}

#[test]
fn ambiguous_digits_are_left_blank() {
    // 1,10,0,0,11 and 11,0,0,0,11 both fit the second block (docs/format.md §6.3's example).
    let input = "行政复议 行政诉讼\n20103110001100000\n";
    let (t, d) = read(input, Span::new(0, input.len()), TableKind::ReviewsAndLawsuits);
    let Some(TableData::ReviewsAndLawsuits(r)) = t else { panic!() };
    // Only that block stays blank: the other two read alike in every split.
    assert_eq!(r.review.values(), [2, 0, 1, 0, 3].map(Some));
    assert_eq!(r.lawsuit_direct.values(), [None; 5]);
    assert_eq!(r.lawsuit_after_review.values(), [Some(0); 5]);
    assert_eq!(d.iter().filter(|d| d.code == Code::AmbiguousDigits).count(), 1);
}

/// The numbers of the real report behind extra-samples 003 (淮安市人民政府 2024), which every
/// `layout_*` fixture writes in its own layout.
const REAL_T3: [[u64; 7]; 25] = [
    [3001, 53, 0, 0, 61, 4, 3119],
    [34, 0, 0, 0, 0, 0, 34],
    [1288, 21, 0, 0, 50, 3, 1362],
    [447, 7, 0, 0, 0, 0, 454],
    [2, 0, 0, 0, 0, 0, 2],
    [30, 1, 0, 0, 0, 0, 31],
    [5, 0, 0, 0, 0, 0, 5],
    [6, 0, 0, 0, 0, 0, 6],
    [7, 1, 0, 0, 0, 0, 8],
    [12, 0, 0, 0, 0, 0, 12],
    [9, 0, 0, 0, 0, 0, 9],
    [105, 0, 0, 0, 0, 0, 105],
    [746, 12, 0, 0, 10, 1, 769],
    [11, 0, 0, 0, 0, 0, 11],
    [1, 0, 0, 0, 0, 0, 1],
    [56, 6, 0, 0, 0, 0, 62],
    [25, 0, 0, 0, 0, 0, 25],
    [0, 0, 0, 0, 0, 0, 0],
    [0, 0, 0, 0, 0, 0, 0],
    [1, 0, 0, 0, 0, 0, 1],
    [67, 3, 0, 0, 1, 0, 71],
    [6, 0, 0, 0, 0, 0, 6],
    [108, 2, 0, 0, 0, 0, 110],
    [2932, 53, 0, 0, 61, 4, 3050],
    [103, 0, 0, 0, 0, 0, 103],
];
const REAL_T4: [u64; 15] = [72, 64, 178, 37, 351, 13, 4, 8, 1, 26, 12, 1, 1, 6, 20];

/// A readable summary of the three tables of a fixture and of every diagnostic, for snapshots.
fn summary(input: &str, t: &[Read]) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    for (data, diags) in t {
        let (json, checks) = match data {
            Some(TableData::ActiveDisclosure(a)) => (serde_json::to_value(&**a), Vec::new()),
            Some(TableData::Applications(a)) => {
                (serde_json::to_value(&**a), check::check_applications(a))
            }
            Some(TableData::ReviewsAndLawsuits(r)) => {
                (serde_json::to_value(&**r), check::check_reviews_and_lawsuits(r))
            }
            _ => (Ok(serde_json::Value::Null), Vec::new()),
        };
        let mut json = json.unwrap_or_default();
        strip_spans(&mut json);
        let _ = writeln!(out, "{}", compact(&json));
        for d in diags.iter().chain(&checks) {
            let _ = writeln!(
                out,
                "  {} {}: {} @ `{}`",
                d.severity.as_str(),
                d.code,
                d.message,
                d.span.slice(input).replace('\n', "⏎")
            );
            for l in &d.related {
                let _ = writeln!(out, "    related {} @ `{}`", l.message, l.span.slice(input));
            }
            for n in &d.notes {
                let _ = writeln!(out, "    note {n}");
            }
        }
    }
    out
}

fn strip_spans(v: &mut serde_json::Value) {
    match v {
        serde_json::Value::Object(m) => {
            m.remove("span");
            m.remove("cells");
            m.retain(|_, v| !v.is_null());
            m.values_mut().for_each(strip_spans);
        }
        serde_json::Value::Array(a) => a.iter_mut().for_each(strip_spans),
        _ => {}
    }
}

/// One line per row: `key: [..]` or nested objects flattened with dots.
fn compact(v: &serde_json::Value) -> String {
    fn walk(v: &serde_json::Value, path: &str, out: &mut Vec<String>) {
        match v {
            serde_json::Value::Object(m) if m.values().any(|x| x.is_object()) => {
                for (k, x) in m {
                    let p = if path.is_empty() { k.clone() } else { format!("{path}.{k}") };
                    walk(x, &p, out);
                }
            }
            other => out.push(format!("{path}: {other}")),
        }
    }
    let mut out = Vec::new();
    walk(v, "", &mut out);
    out.join("\n")
}

#[test]
fn layout_fixtures() {
    insta::glob!("fixtures/tables/layout_*.txt", |path| {
        let p = path.to_string_lossy().to_string();
        let (input, t) = sample_tables(&p);
        let run_together = p.contains("run_together");
        // Every cell right (or, run together, blank with an ambiguous-digits diagnostic).
        let Some(TableData::Applications(a)) = &t[1].0 else { panic!("{p}: table 三") };
        let rows = all_rows(a);
        assert_eq!(rows.len(), 25, "{p}");
        for (i, (got, want)) in rows.iter().zip(REAL_T3).enumerate() {
            let mut want = want.map(Some);
            if p.contains("layout_tab") && i == 1 {
                // The tab fixture leaves 二、上年结转's zero cells blank, as Shanghai 2019 does.
                want = [Some(34), None, None, None, None, None, Some(34)];
            }
            // Run together, the rows the row total cannot split are split by the column
            // totals (（四）2 `110000011`: 11,0,0,0,0,0,11 or 1,10,0,0,0,0,11).
            assert_eq!(*got, want, "{p} row {i}");
        }
        let Some(TableData::ReviewsAndLawsuits(r)) = &t[2].0 else { panic!("{p}: table 四") };
        let got: Vec<Option<u64>> =
            [r.review.values(), r.lawsuit_direct.values(), r.lawsuit_after_review.values()]
                .concat();
        // Run together, a block that several splits read differently is blank.
        let blocks_ok = got.chunks(5).zip(REAL_T4.chunks(5)).all(|(g, w)| {
            g.iter().zip(w).all(|(g, w)| *g == Some(*w)) || (run_together && g == [None; 5])
        });
        assert!(blocks_ok, "{p}: {got:?}");
        let Some(TableData::ActiveDisclosure(a)) = &t[0].0 else { panic!("{p}: table 二") };
        assert_eq!(a.punishment.as_ref().and_then(|r| r.decisions), Some(3985758), "{p}");
        assert_eq!(
            a.administrative_fees
                .as_ref()
                .and_then(|r| r.amount_10k_yuan.clone())
                .map(|d| d.to_string()),
            Some("96171.6".to_string()),
            "{p}"
        );
        insta::assert_snapshot!(summary(&input, &t));
    });
}

#[test]
fn edition_2019() {
    let (input, t) = sample_tables("tests/fixtures/tables/edition2019_space.txt");
    let Some(TableData::ActiveDisclosure(a)) = &t[0].0 else { panic!() };
    assert_eq!(a.licensing.as_ref().and_then(|r| r.change), Some(1036));
    assert_eq!(a.other_services.as_ref().and_then(|r| r.change), Some(-15));
    let p = a.procurement.as_ref().expect("procurement");
    assert_eq!(p.amount.as_ref().map(|d| d.to_string()), Some("73802895.90".into()));
    assert_eq!(p.amount_unit.as_deref(), Some("元"));
    let Some(TableData::Applications(apps)) = &t[1].0 else { panic!() };
    assert_eq!(apps.other_handling.undivided.as_ref().and_then(|r| r.total), Some(4));
    assert!(apps.other_handling.other.is_none());
    assert!(check::check_applications(apps).is_empty());
    insta::assert_snapshot!(summary(&input, &t));
}

#[test]
fn sparse_table_one_missing_row_diagnostic() {
    // A report printing only the rows it has numbers for: one warning listing what is
    // missing, in table order, sub-items of a group folded into a range.
    let input = "一、本年新收政府信息公开申请数量 12 0 0 0 1 0 13\n\
                 （一）予以公开 7 0 0 0 1 0 8\n\
                 1.属于国家秘密 1 0 0 0 0 0 1\n\
                 3.危及“三安全一稳定” 2 0 0 0 0 0 2\n\
                 2.重复申请 2 0 0 0 0 0 2\n\
                 （七）总计 12 0 0 0 1 0 13\n";
    let (t, d) = read(input, Span::new(0, input.len()), TableKind::Applications);
    assert!(matches!(t, Some(TableData::Applications(_))));
    let missing: Vec<&Diagnostic> = d.iter().filter(|d| d.code == Code::MissingRow).collect();
    assert_eq!(missing.len(), 1, "{d:#?}");
    assert_eq!(
        missing[0].message,
        "expected the 25 rows of table 三, found 6; missing 二、上年结转, （二）部分公开, \
         （三）2, （三）4–8, （四）1–3, （五）1, （五）3–5, （六）1–3, 四、结转下年度"
    );
}

/// Layouts real users feed beyond the `layout_*` set, one table per file (`t2_`, `t3_`, `t4_`
/// name the table), each with its own real, varied numbers: every cell is checked against
/// the printed table here, and the whole reading and its diagnostics are pinned in a snapshot.
#[test]
fn more_layouts() {
    insta::glob!("fixtures/tables/more/*.txt", |path| {
        let input = std::fs::read_to_string(path).expect("fixture");
        let name = path.file_stem().and_then(|s| s.to_str()).unwrap_or("").to_string();
        let kind = match name.get(..3) {
            Some("t2_") => TableKind::ActiveDisclosure,
            Some("t3_") => TableKind::Applications,
            _ => TableKind::ReviewsAndLawsuits,
        };
        let read = read(&input, Span::new(0, input.len()), kind);
        more_layout_cells(&name, &read);
        insta::assert_snapshot!(summary(&input, &[read]));
    });
}

/// The numbers of the `more/t3_*` fixtures of the 2021 edition (a district-level report's
/// shape: most applications from natural persons, a few from companies), 25 rows.
const NUMS_B: [[u64; 7]; 25] = [
    [588, 45, 3, 2, 17, 9, 664],
    [31, 2, 0, 0, 1, 0, 34],
    [241, 17, 2, 1, 9, 4, 274],
    [63, 5, 0, 0, 2, 1, 71],
    [3, 0, 0, 0, 0, 0, 3],
    [7, 1, 0, 0, 0, 0, 8],
    [2, 0, 0, 0, 0, 0, 2],
    [11, 2, 0, 1, 0, 0, 14],
    [5, 0, 0, 0, 0, 0, 5],
    [18, 3, 0, 0, 1, 0, 22],
    [1, 0, 0, 0, 0, 0, 1],
    [4, 0, 0, 0, 0, 0, 4],
    [129, 11, 1, 0, 3, 2, 146],
    [22, 1, 0, 0, 0, 0, 23],
    [6, 0, 0, 0, 0, 1, 7],
    [14, 0, 0, 0, 0, 0, 14],
    [9, 1, 0, 0, 0, 0, 10],
    [2, 0, 0, 0, 0, 0, 2],
    [1, 0, 0, 0, 0, 0, 1],
    [3, 0, 0, 0, 0, 0, 3],
    [12, 2, 0, 0, 1, 0, 15],
    [0, 0, 0, 0, 0, 0, 0],
    [8, 1, 0, 0, 0, 1, 10],
    [561, 44, 3, 2, 16, 9, 635],
    [58, 3, 0, 0, 2, 0, 63],
];

/// The printed cells of each `more/` fixture (`None` = printed blank).
fn more_layout_cells(name: &str, (t, d): &Read) {
    let reading: Vec<&Diagnostic> = d.iter().filter(|d| d.severity.as_str() != "note").collect();
    match (name, t) {
        ("t2_aligned_blank_middle", Some(TableData::ActiveDisclosure(a))) => {
            // `规章  2  (blank)  14`: the blank 废止 cell stays in the middle.
            let r = a.regulations.as_ref().map(|r| (r.issued, r.repealed, r.in_force));
            assert_eq!(r, Some((Some(2), None, Some(14))));
            let r = a.normative_documents.as_ref().map(|r| (r.issued, r.repealed, r.in_force));
            assert_eq!(r, Some((Some(11), Some(3), Some(57))));
            assert_eq!(a.licensing.as_ref().and_then(|r| r.decisions), Some(12931));
            assert_eq!(a.coercion.as_ref().and_then(|r| r.decisions), Some(17));
            assert!(reading.is_empty(), "{reading:#?}");
        }
        ("t3_aligned_blank_totals_2019", Some(TableData::Applications(a))) => {
            // Shanghai 2019 style: 总计 blank in the result rows, two blank middle cells.
            let rows = all_rows(a);
            assert_eq!(rows.len(), 23, "the 2019 edition");
            let b = None;
            let s = Some;
            assert_eq!(rows[0], [s(412), s(23), s(1), s(0), s(6), s(3), s(445)]);
            assert_eq!(rows[2], [s(158), s(9), b, s(0), s(2), s(1), b]);
            assert_eq!(rows[3], [s(36), s(3), s(0), s(0), s(1), s(0), b]);
            assert_eq!(rows[12], [s(96), s(4), s(1), s(0), s(2), s(1), b]);
            assert_eq!(rows[14], [s(6), s(1), b, s(0), s(0), s(0), b]);
            assert_eq!(rows[20], [s(9), s(1), s(0), s(0), s(0), s(1), b]);
            assert_eq!(rows[21], [s(374), s(21), s(1), s(0), s(6), s(3), s(405)]);
            assert_eq!(rows[22], [s(55), s(4), s(0), s(0), s(0), s(0), s(59)]);
            assert!(reading.is_empty(), "{reading:#?}");
        }
        ("t3_aligned_header_only", Some(TableData::Applications(a))) => {
            // Every 总计 blank, so no row is full: the header's column words place the cells.
            let rows = all_rows(a);
            assert_eq!(rows.len(), 23, "the 2019 edition");
            let b = None;
            let s = Some;
            assert_eq!(rows[0], [s(412), s(23), s(1), s(0), s(6), s(3), b]);
            assert_eq!(rows[2], [s(158), s(9), b, s(0), s(2), s(1), b]);
            assert_eq!(rows[3], [s(36), s(3), s(0), s(0), s(1), s(0), b]);
            assert_eq!(rows[14], [s(6), s(1), b, s(0), s(0), s(0), b]);
            assert_eq!(rows[21], [s(374), s(21), s(1), s(0), s(6), s(3), b]);
            assert!(reading.is_empty(), "{reading:#?}");
        }
        (
            "t3_innertext_rowspan" | "t3_subtotals" | "t3_total_first" | "t3_html_nbsp",
            Some(TableData::Applications(a)),
        ) => {
            let rows = all_rows(a);
            assert_eq!(rows.len(), 25, "{name}");
            for (i, (got, want)) in rows.iter().zip(NUMS_B).enumerate() {
                // The HTML fixture leaves its zero cells blank (`&nbsp;` or U+00A0).
                let want = if name == "t3_html_nbsp" {
                    want.map(|v| (v > 0).then_some(v))
                } else {
                    want.map(Some)
                };
                assert_eq!(*got, want, "{name} row {i}");
            }
            assert!(reading.is_empty(), "{name}: {reading:#?}");
        }
        ("t2_2019_onecell", Some(TableData::ActiveDisclosure(a))) => {
            let r = a.regulations.as_ref().map(|r| (r.made, r.published, r.total_public));
            assert_eq!(r, Some((Some(2), Some(2), Some(37))));
            let r = a.normative_documents.as_ref().map(|r| (r.made, r.published, r.total_public));
            assert_eq!(r, Some((Some(14), Some(13), Some(186))));
            let r = a.licensing.as_ref().map(|r| (r.previous_year, r.change, r.decisions));
            assert_eq!(r, Some((Some(312), Some(-15), Some(28641))));
            let r = a.other_services.as_ref().map(|r| (r.previous_year, r.change, r.decisions));
            assert_eq!(r, Some((Some(87), Some(6), Some(4409))));
            let r = a.punishment.as_ref().map(|r| (r.previous_year, r.change, r.decisions));
            assert_eq!(r, Some((Some(1036), Some(23), Some(1792))));
            let r = a.coercion.as_ref().map(|r| (r.previous_year, r.change, r.decisions));
            assert_eq!(r, Some((Some(41), Some(-3), Some(66))));
            let r = a.administrative_fees.as_ref().map(|r| (r.previous_year, r.change));
            assert_eq!(r, Some((Some(19), Some(-2))));
            let r =
                a.procurement.as_ref().map(|r| (r.items, r.amount.clone().map(|d| d.to_string())));
            assert_eq!(r, Some((Some(58), Some("2516300.50".to_string()))));
            assert!(reading.is_empty(), "{reading:#?}");
        }
        (other, t) => panic!("{other}: unexpected fixture or table not read: {t:?}"),
    }
}

#[test]
fn single_space_rows_keep_the_ragged_reading() {
    // pypdf prints one space between cells: positions say nothing, so a short row is read
    // as before (its cells from the left, the rest blank) and flagged.
    let input = "一、本年新收政府信息公开申请数量 12 0 0 0 1 0 13\n\
                 （一）予以公开 7 0 0 1 0 8\n\
                 （七）总计 12 0 0 0 1 0 13\n";
    let (t, d) = read(input, Span::new(0, input.len()), TableKind::Applications);
    let Some(TableData::Applications(a)) = t else { panic!("table 三") };
    let s = Some;
    assert_eq!(
        a.granted.as_ref().map(|r| r.values()),
        Some([s(7), s(0), s(0), s(1), s(0), s(8), None])
    );
    assert!(d.iter().any(|d| d.code == Code::RaggedRow), "{d:#?}");
}

#[test]
fn header_fragments_stay_inside_the_table_region() {
    // extra-samples 003 runs the 总计 header into the broken next header cell (`总计商 业 企`);
    // printed first under the heading, it must open the table region, not a paragraph.
    let report = "一、总体情况\n本年度收到申请12件。\n\
                  三、收到和处理政府信息公开申请情况\n\
                  总计商 业 企\n业\n科研机\n构\n社 会 公 益\n组织\n\
                  一、本年新收政府信息公开申请数量 12 0 0 0 1 0 13\n\
                  （七）总计 12 0 0 0 1 0 13\n\
                  四、结转下年度继续办理 0 0 0 0 0 0 0\n\
                  五、存在的主要问题及改进情况\n人员不足。\n";
    let parsed = gov_info_disclosure::parse(report).expect("parses");
    let s = parsed.sections.iter().find(|s| s.title.contains("收到和处理")).expect("section 三");
    assert!(s.paragraphs.is_empty(), "{:?}", s.paragraphs);
    assert_eq!(s.tables.len(), 1);
    assert!(s.tables[0].span.slice(report).starts_with("总计商 业 企"));
    let a = parsed.applications.expect("table 三");
    assert_eq!(a.new_received.map(|r| r.values()[6]), Some(Some(13)));
}
