//! Glue: lines → metadata → outline → paragraphs and table regions → checks → [`AnnualReport`].

use crate::firstpass;
use crate::layout::{self, Line, LineKind};
use crate::metadata;
use crate::outline::{self, Heading};
use crate::table::{self, Table};
use crate::{
    AnnualReport, Code, Diagnostic, Edition, ParseError, ParseOptions, Preamble, Section, Span,
    TableKind, TableRegion,
};

/// Builds the report: from the input, or from its copy without control characters
/// ([`controls`](crate::controls)), with every span mapped back into the input.
pub(crate) fn assemble(input: &str, options: &ParseOptions) -> Result<AnnualReport, ParseError> {
    if input.len() > options.max_input_len {
        return Err(ParseError::TooLarge { len: input.len(), limit: options.max_input_len });
    }
    let Some(cleaned) = crate::controls::clean(input) else { return assemble_text(input, options) };
    let mut report = assemble_text(&cleaned.text, options).map_err(|e| match e {
        ParseError::TooDeep { depth, limit, offset, heading } => ParseError::TooDeep {
            depth,
            limit,
            offset: cleaned.offset(offset),
            heading: cleaned.map(heading),
        },
        e => e,
    })?;
    report.map_spans(&mut |s| cleaned.map(s));
    if let Some((count, first)) = cleaned.ignored {
        report.diagnostics.push(Diagnostic::note(
            Code::ControlCharacters,
            first,
            format!(
                "expected text, found {count} control character(s) (the first {:?}); ignored them",
                first.slice(input)
            ),
        ));
    }
    debug_assert_eq!(report.check_coverage(), Ok(()), "coverage");
    Ok(report)
}

/// Builds the report from text without control characters.
fn assemble_text(input: &str, options: &ParseOptions) -> Result<AnnualReport, ParseError> {
    let lines = firstpass::lines(input);
    if lines.iter().all(|l| l.kind == LineKind::Blank) {
        return Err(ParseError::Empty);
    }
    let wrap = layout::wrap_width(input, &lines);
    let mut diagnostics = Vec::new();

    let front = metadata::front(input, &lines, &mut diagnostics);
    let year = front.year.or_else(|| metadata::year_from_period(input));
    let edition = metadata::edition(input, year, &mut diagnostics);
    let legacy = edition == Edition::Legacy;
    let mut headings = outline::outline(input, &lines, wrap, legacy, options, &mut diagnostics)?;
    if !is_report(input, &lines, &front, &headings) {
        return Err(ParseError::NotAReport);
    }
    if front.title.is_empty() {
        diagnostics.push(Diagnostic::warning(
            Code::MissingTitle,
            Span::empty(0),
            "expected a title such as `…2023年政府信息公开工作年度报告` in the first lines, found none",
        ));
    }

    let last_heading = headings.last().map(|h| (h.last_line, h.heading_span));
    let ending = metadata::signature(input, &lines, last_heading, &mut diagnostics);
    let signature = ending.signature;
    let mut excluded = vec![false; lines.len()];
    if let Some((_, used)) = &signature {
        for &i in used {
            excluded[i] = true;
        }
    }
    // A signature glued to the end of a line: the rest of the line stays text (a heading's
    // run-in text, when that line is the last heading's).
    let mut clipped = Vec::new();
    // Not on a title or header line: those are no text (found by the web_front proptest: a
    // one-line title ending with share buttons).
    let front_line = |i: &usize| front.title_lines.contains(i) || front.front_lines.contains(i);
    if let Some((i, before)) = ending.clipped.filter(|(i, _)| !front_line(i)) {
        excluded[i] = true;
        match headings.last_mut().filter(|h| h.last_line == i) {
            Some(h) => {
                h.run_in = h.run_in.map(|r| Span::new(r.start, before.end.max(r.start)));
                h.run_in = h.run_in.filter(|r| !r.is_empty());
            }
            None => clipped.push((i, before)),
        }
    }
    // A line that starts with chrome (above the first heading): the rest of it is text. When
    // the signature ends the same line, the text is what lies between.
    let first_heading = headings.first().map_or(lines.len(), |h| h.line);
    for &(i, after) in front.clipped.iter().filter(|&&(i, _)| i < first_heading) {
        excluded[i] = true;
        match clipped.iter_mut().find(|(c, _)| *c == i) {
            Some((_, text)) => *text = Span::new(after.start, text.end.max(after.start)),
            None => clipped.push((i, after)),
        }
    }
    for &i in front.title_lines.iter().chain(&front.front_lines).chain(&ending.chrome_lines) {
        excluded[i] = true;
    }
    site_chrome(input, &front.chrome, &ending.chrome, &mut diagnostics);
    if let Some((i, _)) = front.published {
        excluded[i] = true;
    }

    let first_line = headings.first().map_or(lines.len(), |h| h.line);
    let preamble_end = lines.get(first_line).map_or(input.len(), |l| l.span.start);
    // The header and the chrome above the title belong to the preamble; a heading among them
    // (which the header's checks should rule out) leaves those after it to the sections.
    let mut front_matter = front.front_matter;
    front_matter.retain(|f| f.span.end <= preamble_end);
    let mut chrome = front.chrome;
    chrome.retain(|s| s.end <= preamble_end);
    let title_span = front.title_span.filter(|s| s.end <= preamble_end);
    let heading_count = headings.len();
    let mut ctx = Ctx {
        input,
        lines: &lines,
        headings: &mut headings,
        excluded: &excluded,
        clipped: &clipped,
        wrap,
    };
    let preamble_segments = || (0..first_line).filter_map(|i| ctx.segment(i));
    // No paragraph runs across the title: a scraped `索引号：…` line above it has no final
    // punctuation and would otherwise join the first line of text below it.
    let above = |seg: &Span| title_span.is_some_and(|t| seg.end <= t.start);
    let mut preamble_paragraphs =
        layout::paragraphs(input, preamble_segments().filter(above), wrap);
    preamble_paragraphs.extend(layout::paragraphs(
        input,
        preamble_segments().filter(|seg| !above(seg)),
        wrap,
    ));
    preamble_paragraphs.shrink_to_fit();
    let preamble = Preamble {
        title_span,
        paragraphs: preamble_paragraphs,
        front_matter,
        chrome,
        span: Span::new(0, preamble_end),
    };
    let sections = ctx.children(0, heading_count, 1, input.len());
    // The tables are read next, and the table reader's working memory is the peak of a parse
    // (samples 001 and 002): the headings are not needed any more.
    drop((headings, excluded));

    // The header's 发布机构 last: it may be a short form (`区公安局`, extra sample 111).
    let organ = front
        .organ
        .or_else(|| signature.as_ref().and_then(|(s, _)| s.organ.clone()))
        .or(front.header_organ);
    let mut report = AnnualReport {
        title: front.title,
        organ,
        year,
        edition,
        published: front.published.and_then(|(_, d)| d),
        signature: signature.map(|(s, _)| s),
        preamble,
        sections,
        active_disclosure: None,
        applications: None,
        reviews_and_lawsuits: None,
        trailer: ending.chrome.into_iter().rev().collect(),
        diagnostics: Vec::new(),
        span: Span::new(0, input.len()),
    };

    // Tables: sections 二/三/四 of a 2019/2021/unknown-edition report. A section with no table
    // lines (samples 000 and 003: the table was an image) still gets a call with an empty
    // region at the end of its heading, so that `table-missing` is reported there.
    if !legacy {
        // A kind's table is read from the first region that holds one. A report may print
        // its tables again under headings of their own (an appendix restarting at `一、主动公开
        // 政府信息情况`): the section that only says `详见附表` is then no missing table, and
        // its `table-missing` is kept only when no region of its kind holds one.
        let mut empty: Vec<(TableKind, Vec<Diagnostic>)> = Vec::new();
        for section in &report.sections {
            let Some(kind) = section.kind.and_then(|k| k.table()) else { continue };
            let region =
                first_table(section).map_or(Span::empty(section.heading_span.end), |t| t.span);
            let mut own = Vec::new();
            // Unboxed: a boxed table 三 (~8 KB) was a copy made only to be moved out again.
            match table::read(input, &lines, region, kind, edition, &mut own) {
                Some(Table::ActiveDisclosure(t)) => {
                    report.active_disclosure.get_or_insert(t);
                }
                Some(Table::Applications(t)) => {
                    report.applications.get_or_insert(t);
                }
                Some(Table::ReviewsAndLawsuits(t)) => {
                    report.reviews_and_lawsuits.get_or_insert(t);
                }
                None => {
                    empty.push((kind, own));
                    continue;
                }
            }
            diagnostics.extend(own);
        }
        let mut reported = Vec::new();
        for (kind, own) in empty {
            let read = match kind {
                TableKind::ActiveDisclosure => report.active_disclosure.is_some(),
                TableKind::Applications => report.applications.is_some(),
                _ => report.reviews_and_lawsuits.is_some(),
            };
            if !read && !reported.contains(&kind) {
                reported.push(kind);
                diagnostics.extend(own);
            }
        }
    }
    if matches!(edition, Edition::Format2021 | Edition::Format2019) {
        missing_sections(&report, &mut diagnostics);
    }
    report.diagnostics = diagnostics;
    let checks = crate::check::check(&report);
    report.diagnostics.extend(checks);
    debug_assert_eq!(report.check_coverage(), Ok(()), "coverage");
    Ok(report)
}

/// One `site-chrome` note for the page furniture found around the report (`chrome` above it,
/// `trailing` after it, last first), at the first piece, the others as labels.
fn site_chrome(input: &str, chrome: &[Span], trailing: &[Span], diagnostics: &mut Vec<Diagnostic>) {
    let mut all = chrome.iter().chain(trailing.iter().rev());
    let Some(&first) = all.next() else { return };
    let mut d = Diagnostic::note(
        Code::SiteChrome,
        first,
        format!(
            "expected report text, found web-page chrome `{}` ({} piece(s) in all); kept out of \
             the title, the organ and the signature",
            quote(first.slice(input)),
            chrome.len() + trailing.len()
        ),
    );
    for &s in all {
        d = d.with_label(s, "site chrome");
    }
    diagnostics.push(d);
}

/// The first 24 characters of `text`, with `…` when there are more (a message quotes chrome).
fn quote(text: &str) -> String {
    let mut chars = text.chars();
    let mut out: String = chars.by_ref().take(24).collect();
    if chars.next().is_some() {
        out.push('…');
    }
    out
}

/// Whether the text shows the structure of a report, not of any other document: a title that
/// names information disclosure (`…政府信息公开工作年度报告`), a level-1 section of the
/// report's own kinds (a notice or a news article has headings too, but not `总体情况`,
/// `主动公开政府信息情况` …), or a row of one of its tables.
fn is_report(input: &str, lines: &[Line], front: &metadata::Front, headings: &[Heading]) -> bool {
    if front.title.contains("信息公开") {
        return true;
    }
    let known = headings
        .iter()
        .filter(|h| h.level == 1 && h.kind.is_some_and(|k| k != crate::SectionKind::Other))
        .count();
    // Looked for only when neither settles it (a scan of every line).
    known >= 1 || lines.iter().any(|l| l.kind == LineKind::Text && names_a_table(l.text(input)))
}

/// Whether a line is a row of one of the report's tables: table text that names one of their
/// header words or row labels (a tab-separated line alone is no evidence: any spreadsheet has
/// them, and `发布时间: 2024-03-12 10:00` has numbers).
fn names_a_table(text: &str) -> bool {
    use crate::template::{ACTIVE_LABELS, HEADER_WORDS};
    const ROWS: [&str; 5] = ["本年新收", "上年结转", "予以公开", "不予公开", "结转下年"];
    let named = || HEADER_WORDS.iter().chain(&ACTIVE_LABELS).chain(&ROWS).any(|w| text.contains(w));
    crate::table::is_table_line(text) && named()
}

/// The first table region of a section or of its subsections (a table that follows a
/// sub-heading lies in the subsection: `二、…` / `（一）主动公开规章情况` / table).
fn first_table(section: &Section) -> Option<&TableRegion> {
    section.tables.first().or_else(|| section.subsections.iter().find_map(first_table))
}

/// The six sections of the 2019 and 2021 templates (docs/format.md §1.1): a `missing-section`
/// warning for each one no level-1 section matches. 五 may be split into problems and plans.
fn missing_sections(report: &AnnualReport, diagnostics: &mut Vec<Diagnostic>) {
    use crate::SectionKind::*;
    let required: [(&[crate::SectionKind], &str); 6] = [
        (&[Overview], "一、总体情况"),
        (&[ActiveDisclosure], "二、主动公开政府信息情况"),
        (&[Applications], "三、收到和处理政府信息公开申请情况"),
        (&[ReviewsAndLawsuits], "四、政府信息公开行政复议、行政诉讼情况"),
        (&[ProblemsAndImprovements, Problems, Improvements], "五、存在的主要问题及改进情况"),
        (&[OtherMatters], "六、其他需要报告的事项"),
    ];
    let at = Span::empty(report.preamble.span.end);
    for (kinds, title) in required {
        if !report.sections.iter().any(|s| s.kind.is_some_and(|k| kinds.contains(&k))) {
            diagnostics.push(Diagnostic::warning(
                Code::MissingSection,
                at,
                format!("expected a section `{title}` (format template), found none"),
            ));
        }
    }
}

struct Ctx<'a> {
    input: &'a str,
    lines: &'a [Line],
    /// Each heading makes one section, which takes its marker and title.
    headings: &'a mut [Heading],
    excluded: &'a [bool],
    /// Lines that hold a signature or site chrome besides text, each with the part that is
    /// text.
    clipped: &'a [(usize, Span)],
    wrap: Option<usize>,
}

impl Ctx<'_> {
    /// The body segment of line `i`: its trimmed content, unless it is blank, a page number,
    /// a title/发布日期/signature line.
    fn segment(&self, i: usize) -> Option<Span> {
        let l = self.lines.get(i)?;
        if let Some(&(_, text)) = self.clipped.iter().find(|&&(c, _)| c == i) {
            return (!text.is_empty()).then_some(text);
        }
        (l.kind == LineKind::Text && !self.excluded[i]).then_some(l.content)
    }

    fn line_start(&self, i: usize) -> usize {
        self.lines.get(i).map_or(self.input.len(), |l| l.span.start)
    }

    /// The sections at `level` among `headings[from..to]`, the last ending at `end`.
    fn children(&mut self, from: usize, to: usize, level: usize, end: usize) -> Vec<Section> {
        let starts: Vec<usize> = (from..to).filter(|&k| self.headings[k].level == level).collect();
        let mut out = Vec::with_capacity(starts.len());
        for (n, &k) in starts.iter().enumerate() {
            let next = starts.get(n + 1).copied().unwrap_or(to);
            let section_end =
                if next < to { self.line_start(self.headings[next].line) } else { end };
            out.push(self.section(k, next, section_end));
        }
        out
    }

    fn section(&mut self, k: usize, next: usize, end: usize) -> Section {
        let h = &mut self.headings[k];
        let (marker, title) = (std::mem::take(&mut h.marker), std::mem::take(&mut h.title));
        let h = &self.headings[k];
        let start = self.line_start(h.line);
        // Body lines: after the heading line, up to the first subsection (or the end).
        let body_end_line = if k + 1 < next {
            self.headings[k + 1].line
        } else {
            self.lines.partition_point(|l| l.span.start < end)
        };
        let body = h.last_line + 1..body_end_line;
        // A run-in heading's rest of line starts the first paragraph; a table splits the body
        // into the paragraphs before it and those after it.
        let first = h.table_lines.map_or(body.end, |(first, _, _)| first);
        let before = body.clone().filter(|&i| i < first).filter_map(|i| self.segment(i));
        let run_in = h.run_in.filter(|_| !h.run_in_table);
        let mut paragraphs =
            layout::paragraphs(self.input, run_in.into_iter().chain(before), self.wrap);
        let mut tables = Vec::new();
        if let Some((first, last, table)) = h.table_lines {
            // The region keeps the last line's trailing tabs and spaces: they are blank
            // cells (`…\t50\t16\t\t`), and without them the reader would see too few
            // cells (found by the roundtrip fuzz target).
            let last_line = self.lines[last].span;
            let text = last_line.slice(self.input).trim_end_matches(['\n', '\r']);
            // A table glued to its heading starts where the heading's title ends.
            let start = match h.run_in.filter(|_| h.run_in_table) {
                Some(run_in) => run_in.start,
                None => self.line_start(first),
            };
            let span = Span::new(start, last_line.start + text.len());
            tables.push(TableRegion { table, span });
            let after = body.filter(|&i| i > last).filter_map(|i| self.segment(i));
            paragraphs.extend(layout::paragraphs(self.input, after, self.wrap));
        }
        paragraphs.shrink_to_fit(); // kept by the report (`Vec` growth left up to half unused)
        let (number, kind, heading_span, level) = (h.number, h.kind, h.heading_span, h.level);
        Section {
            number,
            marker,
            title,
            kind,
            heading_span,
            span: Span::new(start, end),
            paragraphs,
            tables,
            subsections: self.children(k + 1, next, level + 1, end),
        }
    }
}
