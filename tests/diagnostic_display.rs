//! How a diagnostic renders against its source (`Diagnostic::display`,
//! `DiagnosticRenderer`): rustc's layout, by annotate-snippets, on the parser's lines.

use gov_info_disclosure::{Code, Diagnostic, DiagnosticRenderer, LineIndex, Span};

/// Both entry points, which must agree.
fn render(source: &str, d: &Diagnostic) -> String {
    let via_display = d.display(source).to_string();
    let via_renderer = DiagnosticRenderer::new(source).render(d);
    assert_eq!(via_display, via_renderer);
    via_renderer
}

#[test]
fn ascii_line() {
    let src = "title\nrow one 1 2 3\nend";
    let d = Diagnostic::warning(Code::RaggedRow, Span::new(10, 13), "expected 7 cells, found 3");
    assert_eq!(
        render(src, &d),
        "\
warning[ragged-row]: expected 7 cells, found 3
 --> <input>:2:5
  |
2 | row one 1 2 3
  |     ^^^
"
    );
}

#[test]
fn cjk_characters_are_two_columns_and_tabs_four() {
    let src = "一、总体情况\n本年新收政府信息公开申请数量 12\n";
    // `政府信息` is bytes 12..24 of line 2 (line 2 starts at byte 19).
    let d = Diagnostic::error(Code::UnknownRow, Span::new(31, 43), "unknown row `政府信息`");
    assert!(render(src, &d).ends_with(
        " --> <input>:2:5\n  |\n2 | 本年新收政府信息公开申请数量 12\n  |         ^^^^^^^^\n"
    ));
    let d = Diagnostic::note(Code::InvalidCell, Span::new(10, 11), "cell `3`");
    assert!(render("项目\t12\t3", &d).ends_with("1 | 项目    12    3\n  |               ^\n"));
}

#[test]
fn origin_names_the_file() {
    let d = Diagnostic::note(Code::InvalidCell, Span::new(2, 3), "here");
    let out = DiagnosticRenderer::new("ab\ncd").origin("reports/2023.txt").render(&d);
    assert!(out.contains(" --> reports/2023.txt:1:3\n"), "{out}");
    let styled = DiagnosticRenderer::new("ab\ncd").styled(true).render(&d);
    assert!(styled.contains('\u{1b}') && !out.contains('\u{1b}'));
}

#[test]
fn related_labels_and_notes() {
    let src = "项目\t自然人\t总计\n本年新收\t3\t12\n";
    let row = src.find("本年新收").unwrap();
    let total = src.find("12").unwrap();
    let header = src.find("总计").unwrap();
    let d = Diagnostic::error(
        Code::RowTotalMismatch,
        Span::new(total, total + 2),
        "总计 (12) ≠ sum of the applicant columns (3)",
    )
    .with_label(Span::new(header, header + 6), "column 总计")
    .with_label(Span::new(row, row + 12), "this row")
    .with_note("rule: 总计 = 自然人 + 商业企业 + … + 其他")
    .with_note("blank cells count as 0\nin this check");
    assert_eq!(
        render(src, &d),
        "\
error[row-total-mismatch]: 总计 (12) ≠ sum of the applicant columns (3)
 --> <input>:2:8
  |
1 | 项目    自然人    总计
  |                   ---- column 总计
2 | 本年新收    3    12
  | --------         ^^
  | |
  | this row
  |
  = note: rule: 总计 = 自然人 + 商业企业 + … + 其他
  = note: blank cells count as 0
          in this check
"
    );
}

#[test]
fn unlabelled_marks_and_elided_lines() {
    let src = "a\nb\nc\nxx yy\n";
    let d = Diagnostic::warning(Code::DuplicateRow, Span::new(6, 8), "twice")
        .with_label(Span::new(9, 11), "")
        .with_label(Span::new(0, 1), "first");
    assert!(render(src, &d).ends_with("1 | a\n  | - first\n...\n4 | xx yy\n  | ^^ --\n"));
}

#[test]
fn empty_spans_point_at_a_character() {
    let d = Diagnostic::note(Code::MissingSection, Span::empty(3), "expected `二、` here");
    assert!(render("一二三", &d).ends_with(" --> <input>:1:2\n  |\n1 | 一二三\n  |   ^\n"));
    let d = Diagnostic::error(Code::MissingTitle, Span::empty(0), "no title");
    assert!(render("", &d).ends_with("1 |\n  | ^\n"));
}

#[test]
fn spans_past_the_end_reversed_or_inside_a_character() {
    let d = Diagnostic::error(Code::TableMissing, Span::new(50, 90), "expected a table");
    assert!(render("abc\n", &d).ends_with(" --> <input>:2:1\n  |\n2 |\n  | ^\n"));
    assert!(render("abc", &d).ends_with(" --> <input>:1:4\n  |\n1 | abc\n  |    ^\n"));
    // Bytes 4..5 are inside `二` (3..6): the whole character is marked.
    let inside = Diagnostic::warning(Code::InvalidCell, Span::new(4, 5), "inside");
    let reversed = Diagnostic::warning(Code::InvalidCell, Span::new(6, 3), "reversed");
    for d in [inside, reversed] {
        assert!(render("一二三", &d).ends_with("1 | 一二三\n  |   ^^\n"));
    }
    let d = Diagnostic::warning(Code::InvalidCell, Span::new(7, 7), "empty inside");
    assert!(render("一二三", &d).contains(" --> <input>:1:3\n"));
}

#[test]
fn lines_are_the_parsers() {
    // A lone `\r` ends a line, as in the layout: `c` is line 3 for the parser and here.
    let src = "a\rb\rc\n";
    assert_eq!(LineIndex::new(src).line(4), 3);
    let d = Diagnostic::error(Code::MissingTitle, Span::new(4, 5), "lone cr");
    assert!(render(src, &d).ends_with(" --> <input>:3:1\n  |\n3 | c\n  | ^\n"));
    // A row's span with its line break stays on the row.
    let d = Diagnostic::error(Code::RaggedRow, Span::new(0, 8), "row");
    assert!(render("row 1 2\nnext\n", &d).ends_with("1 | row 1 2\n  | ^^^^^^^\n"));
    // Across lines (`\r\n`): rustc's multi-line marks.
    let src = "head\r\nalpha\r\nbeta\r\ngamma\r\n";
    let d = Diagnostic::warning(Code::UnparsedText, Span::new(8, 19), "not typed");
    assert!(render(src, &d)
        .ends_with(" --> <input>:2:3\n  |\n2 |   alpha\n  |  ___^\n3 | | beta\n  | |____^\n"));
}

#[test]
fn long_spans_are_elided() {
    let src: String = (1..=12).map(|i| format!("line {i}\n")).collect();
    let d = Diagnostic::error(Code::UnparsedText, Span::new(0, src.len()), "all of it")
        .with_note("twelve lines");
    let out = render(&src, &d);
    assert!(out.contains(" 1 | / line 1\n"), "{out}");
    assert!(out.contains("...  |\n"), "{out}");
    assert!(out.contains("12 | | line 12\n   | |_______^\n"), "{out}");
    assert!(!out.contains("line 6"), "{out}");
    assert!(out.ends_with("   = note: twelve lines\n"), "{out}");
}

#[test]
fn far_labels_get_a_snippet_of_their_own() {
    let src: String = (1..=100).map(|i| format!("line {i}\n")).collect();
    let at = src.find("line 90").unwrap();
    let d = Diagnostic::error(Code::DuplicateRow, Span::new(at, at + 7), "again")
        .with_label(Span::new(0, 6), "first here");
    let out = render(&src, &d);
    assert!(out.contains("  --> <input>:90:1\n"), "{out}");
    assert!(out.contains("  ::: <input>:1:1\n"), "{out}");
    assert!(out.contains(" 1 | line 1\n   | ------ first here\n"), "{out}");
    assert_eq!(out.lines().count(), 10, "only the two lines are shown: {out}");
}

#[test]
fn control_characters_are_made_visible() {
    let src = "a\u{1b}[31mb\u{202e}c\r\n";
    let d = Diagnostic::note(Code::UnparsedText, Span::new(0, 1), "x");
    assert!(render(src, &d).contains("1 | a␛[31mb�c\n"));
}

#[test]
fn wide_lines_are_cut_around_the_carets() {
    let src = format!("{}目标{}", "一".repeat(500), "二".repeat(500));
    let d = Diagnostic::warning(Code::UnparsedText, Span::new(1500, 1506), "here");
    let out = render(&src, &d);
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines[3].starts_with("1 | ... 一") && lines[3].ends_with("二..."), "{out}");
    assert!(lines[3].contains("一目标二"), "{out}");
    // The carets stand under `目标`.
    let before = lines[3].split("目标").next().unwrap();
    let width = before.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum::<usize>();
    assert_eq!(lines[4], format!("  |{}^^^^", " ".repeat(width - 3)));
}

#[test]
fn never_panics_on_any_span() {
    let src = "一\t二\r\n👨\u{200d}👩\ne\u{301}\r三\n";
    for start in 0..=src.len() + 2 {
        for end in 0..=src.len() + 2 {
            let d = Diagnostic::warning(Code::UnparsedText, Span::new(start, end), "m")
                .with_label(Span::new(end, start), "l");
            let out = render(src, &d);
            assert!(out.contains('^'), "{start}..{end}: {out}");
        }
    }
}
