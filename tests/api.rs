//! Public API shape: autotraits, `parse` == `parse_with(default)`, fatal errors.

use gov_info_disclosure::{parse, parse_with, AnnualReport, Diagnostic, ParseError, ParseOptions};

#[test]
fn public_types_are_send_and_sync() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<AnnualReport>();
    assert_send_sync::<Diagnostic>();
    assert_send_sync::<ParseError>();
    assert_send_sync::<ParseOptions>();
}

#[test]
fn parse_is_parse_with_default() {
    let text = include_str!("data/002_49110c21dc18a0fd.txt");
    assert_eq!(parse(text), parse_with(text, &ParseOptions::default()));
}

#[test]
fn fatal_errors() {
    assert_eq!(parse(""), Err(ParseError::Empty));
    assert_eq!(parse(" \n\u{3000}\r\n"), Err(ParseError::Empty));
    assert_eq!(parse("今天天气很好。\n我们去公园。\n"), Err(ParseError::NotAReport));
    let too_large = parse_with("一、总体情况\n", &ParseOptions::new().max_input_len(4));
    assert!(matches!(too_large, Err(ParseError::TooLarge { len: 19, limit: 4 })));
    // Realistic titles: a marker with a single character after it (`（三）不`) is a piece of
    // a wrapped table label in real PDF text (extra-samples 003), not a heading.
    let deep = "一、总体情况\n（一）主动公开\n1.平台建设\n（1）网站建设\n";
    let err = parse_with(deep, &ParseOptions::new().max_heading_depth(2)).unwrap_err();
    assert!(matches!(err, ParseError::TooDeep { depth: 3, limit: 2, .. }), "{err:?}");
}

#[test]
fn small_inputs_keep_coverage() {
    let inputs = [
        "一、总体情况",
        "\u{FEFF}某县2023年政府信息公开工作年度报告\r\n一、总体情况\r\n正文。\r\n",
        "标题报告\n一、总体情况（一）\n（一）主动公开。正文\n- 2 -\n继续。\n二、主动公开政府信息情况\n规章\t0\t0\t0\n",
        "某县2023年政府信息公开工作年度报告\n一、a\n\n\n（一）b：c\n1.d\n（二）e\n二、f\n某某人民政府\n2024年1月2日",
        "\r\r一、总体情况\r",
    ];
    for input in inputs {
        let report = parse(input).unwrap_or_else(|e| panic!("{input:?}: {e}"));
        report.check_coverage().unwrap_or_else(|e| panic!("{input:?}: {e}"));
    }
}

/// Every prefix of every sample (cut at a char boundary every 37 chars) parses without a
/// panic, and whatever parses keeps the coverage invariant: truncated downloads are common.
#[test]
fn truncated_samples_keep_coverage() {
    let samples = [
        include_str!("data/000_80e22dc9225c65a1.txt"),
        include_str!("data/001_8b9db0a3de107dcf.txt"),
        include_str!("data/002_49110c21dc18a0fd.txt"),
        include_str!("data/003_7725fcf89aa37421.txt"),
        include_str!("data/004_861e7ce17705b0e6.txt"),
    ];
    for text in samples {
        for (n, (i, _)) in text.char_indices().enumerate() {
            if n % 37 != 0 {
                continue;
            }
            for piece in [&text[..i], &text[i..]] {
                if let Ok(report) = parse(piece) {
                    report.check_coverage().unwrap_or_else(|e| panic!("cut at {i}: {e}"));
                }
            }
        }
    }
}

#[test]
fn missing_sections_are_reported_for_template_editions() {
    use gov_info_disclosure::Code;
    let text =
        "某县2023年政府信息公开工作年度报告\n一、总体情况\n正文。\n二、主动公开政府信息情况\n";
    let report = parse(text).unwrap();
    let missing: Vec<_> =
        report.diagnostics().iter().filter(|d| d.code == Code::MissingSection).collect();
    assert_eq!(missing.len(), 4, "{missing:?}");
    assert!(missing[0].message.contains("三、收到和处理政府信息公开申请情况"));
    // Legacy reports follow no template: no such warning.
    let legacy = "某县2017年政府信息公开工作年度报告\n一、概述\n正文。\n";
    let report = parse(legacy).unwrap();
    assert!(report.diagnostics().iter().all(|d| d.code != Code::MissingSection));
}
