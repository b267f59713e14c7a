//! Round trip: random tables (counts up to 10^6, consistent or deliberately not) rendered in
//! every layout, with half-width labels, `1、` markers, spaced, wrapped and truncated labels and
//! page-number lines injected, read back to the same numbers and the same check results.
//!
//! Cases per run: 256 by default (fast on 2 cores); set `TABLE_PROP_CASES` for a heavier run.

use gov_info_disclosure::check::{check_applications, check_reviews_and_lawsuits};
use gov_info_disclosure::render::{render_active, render_applications, render_reviews, Layout};
use gov_info_disclosure::table::{read_table, TableData};
use gov_info_disclosure::{
    ActiveDisclosure, ApplicantColumn, ApplicantCounts, Applications, Code, Decimal,
    DecisionCounts, Diagnostic, DocumentCounts, FeeCounts, Outcomes, ReviewsAndLawsuits, Span,
    TableKind,
};
use proptest::prelude::*;

/// splitmix64: a tiny deterministic generator driven by the proptest seed.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
    /// A count: often small (zeros are common in real tables), sometimes up to 10^6.
    fn count(&mut self, big: u64) -> u64 {
        match self.below(4) {
            0 => 0,
            1 => self.below(20),
            _ => self.below(big + 1),
        }
    }
}

fn counts(rng: &mut Rng, blanks: bool, consistent: bool, big: u64) -> ApplicantCounts {
    let mut c = ApplicantCounts::default();
    let mut sum = 0;
    for col in ApplicantColumn::PARTS {
        let v = rng.count(big / 6);
        sum += v;
        let blank = blanks && rng.chance(5);
        c.set(col, (!blank).then_some(v));
    }
    let total = if consistent { sum } else { sum + 1 + rng.below(5) };
    let blank = blanks && rng.chance(5);
    c.set(ApplicantColumn::Total, (!blank).then_some(total));
    c
}

fn applications(rng: &mut Rng, blanks: bool, consistent: bool, undivided: bool) -> Applications {
    let big = 1_000_000;
    let mut a = Applications::default();
    let row = |rng: &mut Rng| {
        let ok = consistent || rng.chance(80);
        Some(counts(rng, blanks, ok, big))
    };
    a.new_received = row(rng);
    a.carried_over = row(rng);
    a.granted = row(rng);
    a.partially_granted = row(rng);
    let d = &mut a.denied;
    d.state_secret = row(rng);
    d.prohibited_by_law = row(rng);
    d.security_and_stability = row(rng);
    d.third_party_rights = row(rng);
    d.internal_affairs = row(rng);
    d.process_information = row(rng);
    d.enforcement_files = row(rng);
    d.administrative_query = row(rng);
    let u = &mut a.unable_to_provide;
    u.not_held = row(rng);
    u.needs_creation = row(rng);
    u.unclear_after_correction = row(rng);
    let n = &mut a.not_processed;
    n.complaint_or_petition = row(rng);
    n.repeated = row(rng);
    n.publication = row(rng);
    n.excessive = row(rng);
    n.confirmation = row(rng);
    let o = &mut a.other_handling;
    if undivided {
        o.undivided = row(rng);
    } else {
        o.no_correction = row(rng);
        o.unpaid_fee = row(rng);
        o.other = row(rng);
    }
    a.total_processed = row(rng);
    a.carried_forward = row(rng);
    a
}

fn reviews(rng: &mut Rng, blanks: bool, consistent: bool) -> ReviewsAndLawsuits {
    let mut r = ReviewsAndLawsuits::default();
    for o in [&mut r.review, &mut r.lawsuit_direct, &mut r.lawsuit_after_review] {
        let mut v: Vec<Option<u64>> = (0..4).map(|_| Some(rng.count(250_000))).collect();
        let sum: u64 = v.iter().flatten().sum();
        v.push(Some(if consistent || rng.chance(70) { sum } else { sum + 1 }));
        for x in v.iter_mut() {
            if blanks && rng.chance(5) {
                *x = None;
            }
        }
        let mut out = Outcomes::default();
        out.upheld = v[0];
        out.corrected = v[1];
        out.other = v[2];
        out.pending = v[3];
        out.total = v[4];
        *o = out;
    }
    r
}

fn active(rng: &mut Rng, blanks: bool, y2019: bool) -> ActiveDisclosure {
    let mut a = ActiveDisclosure::default();
    let opt = |rng: &mut Rng, big: u64| (!(blanks && rng.chance(5))).then(|| rng.count(big));
    let doc = |rng: &mut Rng| {
        let mut d = DocumentCounts::default();
        if y2019 {
            d.made = opt(rng, 500);
            d.published = opt(rng, 500);
            d.total_public = opt(rng, 5000);
        } else {
            d.issued = opt(rng, 500);
            d.repealed = opt(rng, 500);
            d.in_force = opt(rng, 5000);
        }
        Some(d)
    };
    a.regulations = doc(rng);
    a.normative_documents = doc(rng);
    let dec = |rng: &mut Rng| {
        let mut d = DecisionCounts::default();
        let o = |rng: &mut Rng, big| (!(blanks && rng.chance(5))).then(|| rng.count(big));
        d.decisions = o(rng, 1_000_000);
        if y2019 {
            d.previous_year = o(rng, 1000);
            d.change = (!(blanks && rng.chance(5))).then(|| rng.below(2001) as i64 - 1000);
        }
        Some(d)
    };
    a.licensing = dec(rng);
    a.punishment = dec(rng);
    a.coercion = dec(rng);
    if y2019 {
        a.other_services = dec(rng);
    }
    let mut fee = FeeCounts::default();
    if y2019 {
        fee.previous_year = Some(rng.count(100));
        fee.change = Some(rng.below(21) as i64 - 10);
    } else {
        let s = format!("{}.{:02}", rng.below(100_000), rng.below(100));
        fee.amount_10k_yuan = s.parse::<Decimal>().ok();
    }
    a.administrative_fees = Some(fee);
    a
}

/// Damage of the kind real text tools do to labels, plus page numbers between lines.
fn damage(text: &str, rng: &mut Rng, layout: Layout) -> String {
    let mut t = text.to_string();
    if rng.chance(50) {
        t = t.replace('（', "(").replace('）', ")");
    }
    if rng.chance(50) {
        // `1.` → `1、` before a CJK character (never inside a decimal such as 7730.28).
        let mut out = String::with_capacity(t.len());
        let chars: Vec<char> = t.chars().collect();
        for (i, &c) in chars.iter().enumerate() {
            let prev_digit = i > 0 && chars[i - 1].is_ascii_digit();
            let next_cjk = chars.get(i + 1).is_some_and(|&n| n as u32 >= 0x4E00);
            out.push(if c == '.' && prev_digit && next_cjk { '、' } else { c });
        }
        t = out;
    }
    if rng.chance(50) {
        t = t.replace("规章", "规 章").replace("商业企业", "商 业 企 业");
    }
    if rng.chance(50) {
        // Sample 002 truncates the long （六）1 label.
        t = t.replace("行政机关不再处理其政府信息公开申请\t", "行政机关不再处理其\t");
    }
    if rng.chance(50) && matches!(layout, Layout::Space) {
        // pypdf puts the head of a long label on its own line (extra-samples 003).
        t = t.replace("确认或重新出具已获取信息 ", "确认或重新出\n具已获取信息 ");
    }
    let mut lines: Vec<String> = t.lines().map(str::to_string).collect();
    let pages = rng.below(3);
    for p in 0..pages {
        let at = rng.below(lines.len() as u64 + 1) as usize;
        let page =
            if rng.chance(50) { format!("- {} -", p + 2) } else { format!("— {} —", p + 2) };
        lines.insert(at, page);
    }
    lines.join("\n") + "\n"
}

fn read(text: &str, kind: TableKind) -> (Option<TableData>, Vec<Diagnostic>) {
    let mut d = Vec::new();
    let t = read_table(text, Span::new(0, text.len()), kind, &mut d);
    (t, d)
}

fn app_rows(a: &Applications) -> Vec<Option<[Option<u64>; 7]>> {
    a.rows().iter().map(|(_, row)| row.map(|r| r.values())).collect()
}

fn checks(d: Vec<Diagnostic>) -> Vec<(Code, String)> {
    d.into_iter().map(|d| (d.code, d.message)).collect()
}

fn active_values(a: &ActiveDisclosure) -> String {
    // Compare every value (spans aside) through the JSON, which skips cell spans.
    let mut v = serde_json::to_value(a).unwrap_or_default();
    strip_spans(&mut v);
    v.to_string()
}

fn strip_spans(v: &mut serde_json::Value) {
    match v {
        serde_json::Value::Object(m) => {
            m.remove("span");
            m.remove("cells");
            m.values_mut().for_each(strip_spans);
        }
        serde_json::Value::Array(a) => a.iter_mut().for_each(strip_spans),
        _ => {}
    }
}

fn cases() -> u32 {
    std::env::var("TABLE_PROP_CASES").ok().and_then(|s| s.parse().ok()).unwrap_or(256)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn tables_round_trip(seed in any::<u64>(), layout_ix in 0usize..Layout::ALL.len()) {
        let layout = Layout::ALL[layout_ix];
        let mut rng = Rng(seed);
        let run_together = layout == Layout::RunTogether;
        // A flattened web table cannot express a blank, and only a consistent row can be
        // split by its arithmetic.
        let blanks = !run_together;
        let consistent = run_together || rng.chance(50);
        let undivided = rng.chance(30);
        let y2019 = !run_together && rng.chance(30);

        // Table 三.
        let apps = applications(&mut rng, blanks, consistent, undivided);
        let text = damage(&render_applications(&apps, layout), &mut rng, layout);
        let (t, diags) = read(&text, TableKind::Applications);
        let Some(TableData::Applications(back)) = t else {
            return Err(TestCaseError::fail(format!("table 三 not read:\n{text}\n{diags:#?}")));
        };
        let (want, got) = (app_rows(&apps), app_rows(&back));
        if run_together {
            for (i, (w, g)) in want.iter().zip(&got).enumerate() {
                let blanked = g.is_some_and(|g| g == [None; 7]);
                prop_assert!(w == g || (blanked && diags.iter().any(|d| d.code == Code::AmbiguousDigits)),
                    "row {i}: want {w:?} got {g:?}\n{text}");
            }
        } else {
            prop_assert_eq!(&want, &got, "{}\n{:#?}", text, diags);
            prop_assert_eq!(checks(check_applications(&apps)), checks(check_applications(&back)));
            prop_assert!(!diags.iter().any(|d| matches!(d.code, Code::UnknownRow | Code::MissingRow | Code::RaggedRow | Code::DuplicateRow)),
                "{:#?}\n{}", diags, text);
        }

        // Table 四.
        let rev = reviews(&mut rng, blanks, consistent);
        let text = damage(&render_reviews(&rev, layout), &mut rng, layout);
        let (t, diags) = read(&text, TableKind::ReviewsAndLawsuits);
        let Some(TableData::ReviewsAndLawsuits(back)) = t else {
            return Err(TestCaseError::fail(format!("table 四 not read:\n{text}")));
        };
        let vals = |r: &ReviewsAndLawsuits| [r.review.values(), r.lawsuit_direct.values(), r.lawsuit_after_review.values()];
        if run_together && diags.iter().any(|d| d.code == Code::AmbiguousDigits) {
            // A block that several splits read differently is blank; the others are read.
            for (w, g) in vals(&rev).iter().zip(vals(&back)) {
                prop_assert!(*w == g || g == [None; 5], "want {:?} got {:?}\n{}", w, g, text);
            }
            prop_assert!(vals(&back).contains(&[None; 5]), "{}", text);
        } else {
            prop_assert_eq!(vals(&rev), vals(&back), "{}\n{:#?}", text, diags);
            prop_assert_eq!(checks(check_reviews_and_lawsuits(&rev)), checks(check_reviews_and_lawsuits(&back)));
        }

        // Table 二.
        let act = active(&mut rng, blanks, y2019);
        let text = damage(&render_active(&act, layout), &mut rng, layout);
        let (t, diags) = read(&text, TableKind::ActiveDisclosure);
        let Some(TableData::ActiveDisclosure(back)) = t else {
            return Err(TestCaseError::fail(format!("table 二 not read:\n{text}")));
        };
        if !(run_together && diags.iter().any(|d| d.code == Code::AmbiguousDigits)) {
            prop_assert_eq!(active_values(&act), active_values(&back), "{}\n{:#?}", text, diags);
        }
    }
}

/// Table-like junk: never a panic, and every span stays inside the input on char boundaries.
fn junk() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "\t",
        " ",
        "\n",
        "|",
        "-",
        "—",
        "/",
        "0",
        "7",
        "１",
        "12",
        "3119",
        "+1036",
        "-185",
        "7730.28",
        "251000元",
        "\u{a0}",
        "\u{3000}",
        "一、本年新收",
        "（七）总计",
        "总计",
        "其他",
        "3、其他",
        "（六）其他处理",
        "1.属于国家秘密",
        "规章",
        "行政许可",
        "行政事业性收费",
        "结果维持",
        "- 3 -",
        "数据1",
        "|---|",
        "三",
        "、",
        "商业企业",
        "规范性文件",
        "增/减",
    ]);
    prop::collection::vec(pieces, 0..200).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn junk_never_panics(text in junk(), a in any::<usize>(), b in any::<usize>()) {
        for kind in [TableKind::ActiveDisclosure, TableKind::Applications, TableKind::ReviewsAndLawsuits] {
            let mut d = Vec::new();
            // Whole input, and an arbitrary (possibly bad) region.
            let _ = read_table(&text, Span::new(0, text.len()), kind, &mut d);
            let (s, e) = (a % (text.len() + 2), b % (text.len() + 2));
            let _ = read_table(&text, Span::new(s.min(e), s.max(e)), kind, &mut d);
            for x in &d {
                prop_assert!(x.span.end <= text.len() && x.span.start <= x.span.end);
                prop_assert!(text.is_char_boundary(x.span.start) && text.is_char_boundary(x.span.end));
            }
            let _ = gov_info_disclosure::internals::is_table_line(&text);
        }
    }
}
