//! The serde model is lossless: a report written to JSON and read back is equal to the one
//! parsed, cell spans and check formulas included, and the 勾稽 checks run on the read-back
//! report give the same diagnostics, pointing at the same cells.

use std::path::{Path, PathBuf};

use gov_info_disclosure::check::check;
use gov_info_disclosure::{parse, AnnualReport, Span};

/// Every text sample and fixture (tests/data, tests/fixtures), and every HTML fixture.
fn inputs() -> Vec<(PathBuf, AnnualReport)> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        let mut entries: Vec<PathBuf> =
            std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
        entries.sort();
        for p in entries {
            if p.is_dir() {
                walk(&p, out);
            } else if matches!(p.extension().and_then(|e| e.to_str()), Some("txt" | "md" | "html"))
                && p.file_name().is_some_and(|n| n != "README.md")
            {
                out.push(p);
            }
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let mut paths = Vec::new();
    walk(&root.join("data"), &mut paths);
    walk(&root.join("fixtures"), &mut paths);
    let mut out = Vec::new();
    for path in paths {
        let text = std::fs::read_to_string(&path).unwrap();
        let report = if path.extension().is_some_and(|e| e == "html") {
            #[cfg(feature = "html")]
            {
                gov_info_disclosure::parse_html(&text)
            }
            #[cfg(not(feature = "html"))]
            continue;
        } else {
            parse(&text)
        };
        // Fixtures of a table alone are no report: nothing to round-trip.
        if let Ok(report) = report {
            out.push((path, report));
        }
    }
    assert!(out.len() >= 20, "only {} inputs parsed", out.len());
    out
}

fn assert_lossless(what: &str, report: &AnnualReport) {
    let json = serde_json::to_string(report).unwrap();
    let back: AnnualReport = serde_json::from_str(&json)
        .unwrap_or_else(|e| panic!("{what}: the JSON does not read back: {e}"));
    assert!(back == *report, "{what}: the report read back differs");
    // Written again, byte for byte the same JSON.
    assert_eq!(serde_json::to_string(&back).unwrap(), json, "{what}");
    assert_eq!(check(&back), check(report), "{what}: checks on the read-back report");
}

#[test]
fn every_sample_and_fixture_reads_back_equal() {
    let inputs = inputs();
    let mut checked_cells = 0;
    for (path, report) in &inputs {
        let what = path.display().to_string();
        assert_lossless(&what, report);
        // The check diagnostics are those of the parse, and their operands are cells.
        for d in check(report) {
            assert!(report.diagnostics.contains(&d), "{what}: {d:?} not among the parse's");
            let formula = d.formula.as_deref();
            let cells = formula.iter().flat_map(|f| f.lhs.iter().chain(&f.rhs));
            checked_cells += cells.filter_map(|o| o.span).filter(|s: &Span| !s.is_empty()).count();
        }
    }
    // Some failed check or blank note must point at cells, or the test proves nothing about
    // the cell spans surviving the trip.
    assert!(checked_cells > 0, "no check diagnostic with cell spans in the inputs");
}

#[test]
fn cells_are_in_the_json() {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tables/layout_tab.txt"),
    )
    .unwrap();
    let report = parse(&text).unwrap();
    let json = serde_json::to_value(&report).unwrap();
    let row = &json["applications"]["new_received"];
    let cells = row["cells"].as_array().expect("cells of 本年新收");
    assert_eq!(cells.len(), 7);
    let a = report.applications.as_ref().unwrap().new_received.as_ref().unwrap();
    let first = Span::new(
        cells[0]["start"].as_u64().unwrap() as usize,
        cells[0]["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(first.slice(&text), a.natural_person.unwrap().to_string());
}

/// Generated reports: random layouts, editions and numbers (consistent or not).
#[cfg(feature = "arbitrary")]
#[test]
fn generated_reports_read_back_equal() {
    use arbitrary::Unstructured;
    use gov_info_disclosure::generate;

    let mut failures = 0;
    for seed in 0..64u64 {
        let bytes: Vec<u8> = (0..4096u64)
            .map(|i| (seed.wrapping_mul(0x9e37_79b9_7f4a_7c15).wrapping_add(i * 7919) >> 17) as u8)
            .collect();
        let g = generate::report(&mut Unstructured::new(&bytes), &[]).unwrap();
        let report = parse(&g.text).unwrap();
        failures += report.diagnostics.iter().filter(|d| d.code.is_check()).count();
        assert_lossless(&format!("generated report {seed}"), &report);
    }
    assert!(failures > 0, "no generated report failed a check");
}
