//! Rendering a [`Diagnostic`] against its source, rustc-style.
//!
//! ```text
//! warning[ragged-row]: expected 7 cells, found 6
//!   --> line 48, column 1
//!    |
//! 41 | 项目    本年新收    上年结转
//!    | ---- header declares 7 columns
//! ...
//! 48 | 本年新收政府信息公开申请数量    12    3    0    0    0
//!    | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^
//!    = note: missing cells are kept as empty values
//! ```
//!
//! - Line and column are computed here only (the model stores bytes). Lines start at 1; the
//!   column starts at 1 and counts characters from the line start.
//! - Carets (`^` for the diagnostic's own span, `-` for each [`Label`]) are laid out by
//!   grapheme cluster and display width: a CJK or full-width character is 2 columns, a tab is
//!   shown as 4 spaces, an emoji ZWJ sequence or a letter with combining marks is one cluster.
//!   A caret never splits a cluster: a span that starts or ends inside one is widened to it.
//! - An empty span gets one caret before the character it points at (or after the line's end).
//! - A span over several lines gets carets on each line; past
//!   [`MAX_SPAN_LINES`] lines only the first two and last two are shown. Skipped lines are
//!   marked by a `...` row, as are gaps between lines that are shown.
//! - A line wider than [`MAX_LINE_WIDTH`] columns (one-line PDF extracts) is cut to a window
//!   around the carets, with `...` at the cut ends.
//! - Control characters are shown as their Unicode control pictures (`␀`, `␍` …) and bidi
//!   overrides as `�`, so a report cannot rewrite the terminal it is printed on.
//! - Nothing here panics: spans past the end are clamped to it, offsets inside a character
//!   are moved to its boundaries, and a span whose `start > end` is read as `end..start`.
//!
//! Rendering one diagnostic indexes the source's lines, which costs a pass over it; to render
//! many against one source, index once with [`Renderer`].

use std::collections::BTreeMap;
use std::fmt;

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use crate::{Diagnostic, Label, LineIndex, Span};

/// Lines of one multi-line span shown in full; longer spans show their first two and last two.
pub const MAX_SPAN_LINES: usize = 4;

/// Widest source line shown whole, in display columns. Wider lines are cut to a window of
/// this width around the carets. 160 keeps a table row of the 2021 format (a 30-character
/// label and seven tab-separated counts, about 100 columns) whole.
pub const MAX_LINE_WIDTH: usize = 160;

/// Columns shown left of the first caret when a wide line is cut.
const CONTEXT_COLUMNS: usize = 16;

/// Adapter returned by [`Diagnostic::display`].
#[derive(Debug)]
pub(crate) struct Snippet<'a> {
    pub(crate) diagnostic: &'a Diagnostic,
    pub(crate) source: &'a str,
}

impl fmt::Display for Snippet<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        Renderer::new(self.source).write(self.diagnostic, f)
    }
}

/// Renders diagnostics against one source text, indexing its lines once.
///
/// ```
/// use gov_info_disclosure::{snippet::Renderer, Code, Diagnostic, Span};
/// let source = "项目\t数量\n本年新收\t12\t3\n";
/// let d = Diagnostic::warning(Code::RaggedRow, Span::new(14, 26), "expected 2 cells, found 3");
/// assert_eq!(
///     Renderer::new(source).render(&d),
///     "warning[ragged-row]: expected 2 cells, found 3
///  --> line 2, column 1
///   |
/// 2 | 本年新收    12    3
///   | ^^^^^^^^
/// ",
/// );
/// ```
#[derive(Debug, Clone)]
pub struct Renderer<'a> {
    source: &'a str,
    lines: LineIndex,
}

/// One caret run to draw: which annotation, on which bytes of one line.
#[derive(Debug, Clone, Copy)]
struct Piece {
    /// Index into the annotation list (0 is the diagnostic's own span).
    annotation: usize,
    /// Byte range inside the line's content; `start == end` draws one caret at `start`.
    start: usize,
    end: usize,
    /// Whether the annotation's label is written after this run (its last line).
    labelled: bool,
}

/// A source line ready to print: its display text and where each cluster landed.
struct LaidOutLine {
    text: String,
    /// Per grapheme cluster: byte start, byte end (in the line), first column, end column.
    clusters: Vec<(usize, usize, usize, usize)>,
    width: usize,
}

impl<'a> Renderer<'a> {
    /// Indexes the lines of `source`.
    pub fn new(source: &'a str) -> Self {
        Renderer { source, lines: LineIndex::new(source) }
    }

    /// Renders `diagnostic` to a `String` (ends with a newline).
    pub fn render(&self, diagnostic: &Diagnostic) -> String {
        let mut out = String::new();
        // Writing into a String cannot fail.
        let _ = self.write(diagnostic, &mut out);
        out
    }

    /// Writes `diagnostic` to `out`.
    ///
    /// # Errors
    /// Only those of `out`.
    pub fn write(&self, diagnostic: &Diagnostic, out: &mut dyn fmt::Write) -> fmt::Result {
        let d = diagnostic;
        writeln!(out, "{}[{}]: {}", d.severity.as_str(), d.code.as_str(), d.message)?;

        let mut annotations: Vec<(Span, &str, char)> = vec![(self.clamp(d.span), "", '^')];
        annotations.extend(
            d.related.iter().map(|Label { span, message }| (self.clamp(*span), &**message, '-')),
        );

        // Pieces grouped by line number, lines in ascending order.
        let mut by_line: BTreeMap<usize, Vec<Piece>> = BTreeMap::new();
        for (i, &(span, _, _)) in annotations.iter().enumerate() {
            self.split_into_lines(i, span, &mut by_line);
        }

        let primary = annotations[0].0;
        let line = self.lines.line(primary.start);
        let line_start = self.lines.line_start(line);
        let column =
            self.source.get(line_start..primary.start).map_or(0, |s| s.chars().count()) + 1;

        let last_line = by_line.keys().next_back().copied().unwrap_or(line);
        let gutter = decimal_digits(last_line);
        let pad = " ".repeat(gutter);
        writeln!(out, "{pad}--> line {line}, column {column}")?;
        writeln!(out, "{pad} |")?;

        let mut previous: Option<usize> = None;
        for (&number, pieces) in &by_line {
            if previous.is_some_and(|p| p + 1 < number) {
                writeln!(out, "...")?;
            }
            previous = Some(number);
            self.write_line(out, number, pieces, &annotations, &pad)?;
        }
        for note in &d.notes {
            let mut lines = note.lines();
            writeln!(out, "{pad} = note: {}", lines.next().unwrap_or(""))?;
            for more in lines {
                writeln!(out, "{pad}         {more}")?;
            }
        }
        Ok(())
    }

    /// `span` clamped to the source, ordered, and widened to `char` boundaries.
    fn clamp(&self, span: Span) -> Span {
        let len = self.source.len();
        let (a, b) = (span.start.min(len), span.end.min(len));
        let (a, b) = (a.min(b), a.max(b));
        let mut start = a;
        if a == b {
            // An empty span inside a character points at that character.
            while !self.source.is_char_boundary(start) {
                start -= 1;
            }
            return Span::empty(start);
        }
        while !self.source.is_char_boundary(start) {
            start -= 1;
        }
        let mut end = b;
        while !self.source.is_char_boundary(end) {
            end += 1;
        }
        Span::new(start, end)
    }

    /// Byte range of the text of 1-based `line`, without its `\n` or `\r\n`.
    fn line_content(&self, line: usize) -> (usize, usize) {
        let start = self.lines.line_start(line);
        let mut end = if line < self.lines.line_count() {
            self.lines.line_start(line + 1) - 1
        } else {
            self.source.len()
        };
        if end > start && self.source.as_bytes()[end - 1] == b'\r' {
            end -= 1;
        }
        (start, end)
    }

    fn split_into_lines(
        &self,
        annotation: usize,
        span: Span,
        by_line: &mut BTreeMap<usize, Vec<Piece>>,
    ) {
        let first = self.lines.line(span.start);
        // The last byte decides the last line: a row's span that ends just after its `\n`
        // stays on that row.
        let last = if span.is_empty() { first } else { self.lines.line(span.end - 1) };
        let mut shown: Vec<usize> = Vec::new();
        if last - first < MAX_SPAN_LINES {
            shown.extend(first..=last);
        } else {
            shown.extend([first, first + 1, last - 1, last]);
        }
        for line in shown {
            let (ls, le) = self.line_content(line);
            let piece = if span.is_empty() {
                let at = span.start.clamp(ls, le) - ls;
                (at, at)
            } else {
                let a = span.start.clamp(ls, le) - ls;
                let b = span.end.clamp(ls, le) - ls;
                // A piece covering only the line terminator points just past the text.
                if a < b {
                    (a, b)
                } else {
                    (le - ls, le - ls)
                }
            };
            by_line.entry(line).or_default().push(Piece {
                annotation,
                start: piece.0,
                end: piece.1,
                labelled: line == last,
            });
        }
    }

    fn lay_out(text: &str) -> LaidOutLine {
        let mut out = String::with_capacity(text.len());
        let mut clusters = Vec::new();
        let mut column = 0;
        for (start, cluster) in text.grapheme_indices(true) {
            let before = out.len();
            for c in cluster.chars() {
                match c {
                    '\t' => out.push_str("    "),
                    // Control pictures U+2400..U+241F for C0 controls, U+2421 for DEL.
                    '\0'..='\u{1f}' => out.push(char::from_u32(0x2400 + c as u32).unwrap_or('�')),
                    '\u{7f}' => out.push('\u{2421}'),
                    // Bidi embeddings, overrides and isolates could reorder the printed line.
                    '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => out.push('�'),
                    c => out.push(c),
                }
            }
            let width = out[before..].width();
            clusters.push((start, start + cluster.len(), column, column + width));
            column += width;
        }
        LaidOutLine { text: out, clusters, width: column }
    }

    /// Display columns `start..end` that a piece's carets cover.
    fn columns(line: &LaidOutLine, piece: &Piece) -> (usize, usize) {
        let clusters = &line.clusters;
        // First cluster that ends after the piece's start.
        let first = clusters.partition_point(|&(_, end, _, _)| end <= piece.start);
        if piece.start == piece.end {
            let at = clusters.get(first).map_or(line.width, |c| c.2);
            return (at, at + 1);
        }
        // Clusters that start before the piece's end.
        let past = clusters.partition_point(|&(start, _, _, _)| start < piece.end);
        match (clusters.get(first), past.checked_sub(1).and_then(|i| clusters.get(i))) {
            (Some(a), Some(b)) if first < past => (a.2, b.3.max(a.2 + 1)),
            _ => (line.width, line.width + 1),
        }
    }

    fn write_line(
        &self,
        out: &mut dyn fmt::Write,
        number: usize,
        pieces: &[Piece],
        annotations: &[(Span, &str, char)],
        pad: &str,
    ) -> fmt::Result {
        let (ls, le) = self.line_content(number);
        let line = Self::lay_out(&self.source[ls..le]);

        let mut runs: Vec<(usize, usize, char, &str)> = pieces
            .iter()
            .map(|p| {
                let (a, b) = Self::columns(&line, p);
                let (_, label, mark) = annotations[p.annotation];
                (a, b, mark, if p.labelled { label } else { "" })
            })
            .collect();

        // Cut a wide line to a window around the carets.
        let (mut text, mut shift) = (line.text.as_str().to_owned(), 0isize);
        if line.width > MAX_LINE_WIDTH {
            let need = runs.iter().map(|r| r.0).min().unwrap_or(0);
            let left = need.saturating_sub(CONTEXT_COLUMNS);
            let right = (left + MAX_LINE_WIDTH).min(line.width);
            let first = line.clusters.partition_point(|c| c.2 < left);
            // `max`: one cluster can be wider than the window (a long run of Hangul jamo).
            let past = line.clusters.partition_point(|c| c.3 <= right).max(first);
            let (from_col, to_col) = match (line.clusters.get(first), past.checked_sub(1)) {
                (Some(a), Some(b)) if first <= b => (a.2, line.clusters[b].3),
                _ => (left, left),
            };
            let byte = |i: usize| line.clusters.get(i).map_or(le - ls, |c| c.0);
            // Re-lay out only the window; its clusters are those of the whole line.
            let window = Self::lay_out(&self.source[ls + byte(first)..ls + byte(past)]).text;
            let prefix = if from_col > 0 { "..." } else { "" };
            let suffix = if to_col < line.width { "..." } else { "" };
            text = format!("{prefix}{window}{suffix}");
            shift = prefix.len() as isize - from_col as isize;
            let limit = to_col + suffix.len();
            for run in &mut runs {
                let a = run.0.clamp(from_col, limit);
                let b = run.1.clamp(a + 1, limit.max(a + 1));
                (run.0, run.1) = (a, b);
            }
        }

        let gutter = pad.len();
        writeln!(out, "{}", format!("{number:>gutter$} | {text}").trim_end())?;

        runs.sort_by_key(|r| (r.0, r.1));
        let mut rows: Vec<String> = Vec::new();
        let mut row_end: Option<usize> = None; // end column of the last row, if it can take more
        for (a, b, mark, label) in runs {
            let a = (a as isize + shift).max(0) as usize;
            let b = (b as isize + shift).max(a as isize + 1) as usize;
            if !matches!(row_end, Some(end) if a > end) || rows.is_empty() {
                rows.push(String::new());
            }
            let Some(row) = rows.last_mut() else { continue };
            let used = row.width();
            row.push_str(&" ".repeat(a.saturating_sub(used)));
            row.extend((a..b).map(|_| mark));
            if label.is_empty() {
                row_end = Some(b);
            } else {
                row.push(' ');
                row.push_str(label);
                row_end = None;
            }
        }
        for row in rows {
            writeln!(out, "{}", format!("{pad} | {row}").trim_end())?;
        }
        Ok(())
    }
}

fn decimal_digits(n: usize) -> usize {
    let mut digits = 1;
    let mut n = n / 10;
    while n > 0 {
        digits += 1;
        n /= 10;
    }
    digits
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Code;

    fn render(source: &str, d: &Diagnostic) -> String {
        let via_display = d.display(source).to_string();
        let via_renderer = Renderer::new(source).render(d);
        assert_eq!(via_display, via_renderer);
        via_renderer
    }

    #[test]
    fn ascii_line() {
        let src = "title\nrow one 1 2 3\nend";
        let d =
            Diagnostic::warning(Code::RaggedRow, Span::new(10, 13), "expected 7 cells, found 3");
        assert_eq!(
            render(src, &d),
            "warning[ragged-row]: expected 7 cells, found 3
 --> line 2, column 5
  |
2 | row one 1 2 3
  |     ^^^
"
        );
    }

    #[test]
    fn cjk_line_carets_are_two_columns_per_character() {
        let src = "一、总体情况\n本年新收政府信息公开申请数量 12\n";
        // `政府信息` is bytes 12..24 of line 2 (line 2 starts at byte 19).
        let d = Diagnostic::error(Code::UnknownRow, Span::new(31, 43), "unknown row `政府信息`");
        assert_eq!(
            render(src, &d),
            "error[unknown-row]: unknown row `政府信息`
 --> line 2, column 5
  |
2 | 本年新收政府信息公开申请数量 12
  |         ^^^^^^^^
"
        );
    }

    #[test]
    fn tab_is_four_columns() {
        let src = "项目\t12\t3";
        let d = Diagnostic::note(Code::InvalidCell, Span::new(10, 11), "cell `3`");
        assert_eq!(
            render(src, &d),
            "note[invalid-cell]: cell `3`
 --> line 1, column 7
  |
1 | 项目    12    3
  |               ^
"
        );
    }

    #[test]
    fn combining_sequence_and_emoji_zwj_are_one_cluster_each() {
        // `e` + U+0301 is one column; 👨‍👩‍👧 (three emoji joined by U+200D) is two.
        let src = "e\u{301}x👨\u{200d}👩\u{200d}👧y";
        // Start inside the combining sequence (byte 1 is U+0301) and end inside the family.
        let d = Diagnostic::warning(Code::UnparsedText, Span::new(1, 9), "odd text");
        assert_eq!(
            render(src, &d),
            "warning[unparsed-text]: odd text
 --> line 1, column 2
  |
1 | e\u{301}x👨\u{200d}👩\u{200d}👧y
  | ^^^^
"
        );
        // Only the family: two columns, after `éx`.
        let fam = src.find('👨').unwrap();
        let end = src.find('y').unwrap();
        let d = Diagnostic::warning(Code::UnparsedText, Span::new(fam, end), "family");
        assert!(render(src, &d).ends_with("1 | e\u{301}x👨\u{200d}👩\u{200d}👧y\n  |   ^^\n"));
    }

    #[test]
    fn empty_span_points_before_its_character() {
        let src = "一二三";
        let d = Diagnostic::note(Code::MissingSection, Span::empty(3), "expected `二、` here");
        assert_eq!(
            render(src, &d),
            "note[missing-section]: expected `二、` here
 --> line 1, column 2
  |
1 | 一二三
  |   ^
"
        );
    }

    #[test]
    fn span_past_the_end_is_clamped() {
        let src = "abc\n";
        let d = Diagnostic::error(Code::TableMissing, Span::new(50, 90), "expected a table");
        assert_eq!(
            render(src, &d),
            "error[table-missing]: expected a table
 --> line 2, column 1
  |
2 |
  | ^
"
        );
        // On a source without a final newline the caret goes after the last character.
        let d = Diagnostic::error(Code::TableMissing, Span::new(60, 90), "expected a table");
        assert!(render("abc", &d).ends_with("1 | abc\n  |    ^\n"));
    }

    #[test]
    fn offsets_inside_a_character_widen_to_it() {
        let src = "一二三";
        // Bytes 4..5 are inside `二` (3..6).
        let d = Diagnostic::warning(Code::InvalidCell, Span::new(4, 5), "inside");
        assert!(render(src, &d).ends_with("1 | 一二三\n  |   ^^\n"));
        // start > end is read the other way round.
        let d = Diagnostic::warning(Code::InvalidCell, Span::new(6, 3), "reversed");
        assert!(render(src, &d).ends_with("1 | 一二三\n  |   ^^\n"));
        // Empty span inside a character points at that character.
        let d = Diagnostic::warning(Code::InvalidCell, Span::new(7, 7), "empty inside");
        assert!(render(src, &d).contains("column 3"));
        assert!(render(src, &d).ends_with("1 | 一二三\n  |     ^\n"));
    }

    #[test]
    fn multi_line_span() {
        let src = "head\r\nalpha\r\nbeta\r\ngamma\r\n";
        // From `pha` to the end of `beta` including its `\r\n`.
        let d = Diagnostic::warning(Code::UnparsedText, Span::new(8, 19), "not typed");
        assert_eq!(
            render(src, &d),
            "warning[unparsed-text]: not typed
 --> line 2, column 3
  |
2 | alpha
  |   ^^^
3 | beta
  | ^^^^
"
        );
    }

    #[test]
    fn long_multi_line_span_is_elided() {
        let src: String = (1..=12).map(|i| format!("line {i}\n")).collect();
        let d = Diagnostic::error(Code::UnparsedText, Span::new(0, src.len()), "all of it")
            .with_note("twelve lines");
        assert_eq!(
            render(&src, &d),
            "error[unparsed-text]: all of it
  --> line 1, column 1
   |
 1 | line 1
   | ^^^^^^
 2 | line 2
   | ^^^^^^
...
11 | line 11
   | ^^^^^^^
12 | line 12
   | ^^^^^^^
   = note: twelve lines
"
        );
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
            "error[row-total-mismatch]: 总计 (12) ≠ sum of the applicant columns (3)
 --> line 2, column 8
  |
1 | 项目    自然人    总计
  |                   ---- column 总计
2 | 本年新收    3    12
  | -------- this row
  |                  ^^
  = note: rule: 总计 = 自然人 + 商业企业 + … + 其他
  = note: blank cells count as 0
          in this check
"
        );
    }

    #[test]
    fn unlabelled_runs_share_a_row_and_gaps_are_marked() {
        let src = "a\nb\nc\nxx yy\n";
        let d = Diagnostic::warning(Code::DuplicateRow, Span::new(6, 8), "twice")
            .with_label(Span::new(9, 11), "")
            .with_label(Span::new(0, 1), "first");
        assert_eq!(
            render(src, &d),
            "warning[duplicate-row]: twice
 --> line 4, column 1
  |
1 | a
  | - first
...
4 | xx yy
  | ^^ --
"
        );
    }

    #[test]
    fn control_characters_are_made_visible() {
        let src = "a\u{1b}[31mb\u{202e}c\r\n";
        let d = Diagnostic::note(Code::UnparsedText, Span::new(0, 1), "x");
        assert!(render(src, &d).contains("1 | a␛[31mb�c\n"));
    }

    #[test]
    fn wide_line_is_windowed() {
        let src = format!("{}目标{}", "一".repeat(500), "二".repeat(500));
        let start = 1500;
        let d = Diagnostic::warning(Code::UnparsedText, Span::new(start, start + 6), "here");
        let out = render(&src, &d);
        let lines: Vec<&str> = out.lines().collect();
        // The window starts 16 columns (8 characters) before the carets, after `...`.
        assert_eq!(lines[3], format!("1 | ...{}目标{}...", "一".repeat(8), "二".repeat(70)));
        assert_eq!(lines[4], format!("  | {}^^^^", " ".repeat(3 + 16)));
    }

    #[test]
    fn empty_source_and_empty_span() {
        let d = Diagnostic::error(Code::MissingTitle, Span::empty(0), "no title");
        assert_eq!(
            render("", &d),
            "error[missing-title]: no title\n --> line 1, column 1\n  |\n1 |\n  | ^\n"
        );
    }

    #[test]
    fn never_panics_on_any_span() {
        let src = "一\t二\r\n👨\u{200d}👩\ne\u{301}\n";
        for start in 0..=src.len() + 2 {
            for end in 0..=src.len() + 2 {
                let d = Diagnostic::warning(Code::UnparsedText, Span::new(start, end), "m")
                    .with_label(Span::new(end, start), "l");
                let out = render(src, &d);
                assert!(out.contains('^'), "{start}..{end}: {out}");
            }
        }
    }
}
