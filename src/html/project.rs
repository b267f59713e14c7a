//! The projection of an HTML page onto report text, with a map back to the HTML's bytes.
//!
//! The page is tokenized by html5gum (WHATWG tokenizer states, entities decoded, a byte span
//! on every token) and walked once: block elements end a line, a data table's cells are joined
//! with `\t` and its rows end with `\n`, with rowspan/colspan expanded into blank cells, so
//! that the text parser sees each table row as a tab-delimited line, exactly the shape it
//! reads from text. Layout tables (a cell holding a table, a heading, a list or many blocks)
//! are unwrapped: their cells are blocks. Whitespace collapses as a browser shows it (kept in
//! `<pre>`). Chrome elements are skipped, and the text is then cut to the page's content block
//! (`content_block`). Every projected byte records the HTML offset it came from
//! ([`Projection::map`]).

use html5gum::{DefaultEmitter, HtmlString, Token, Tokenizer};

use crate::Span;

/// Bounds on merged cells. The official tables have at most 10 columns and 30 rows; a larger
/// span than this is an authoring error or an attack, and expanding it must stay linear.
const MAX_COLSPAN: usize = 100;
const MAX_ROWSPAN: u32 = 100;
/// Columns beyond this are never filled with expansion blanks (real cells still count): the
/// official tables have at most 15 columns, and a row of empty `<tr>` under merged cells must
/// not project to more than a few times its bytes.
const MAX_GRID_COLS: usize = 64;
/// How far back an end tag looks for its start tag: stray end tags cost O(1) each, whatever
/// the nesting depth.
const END_TAG_REACH: usize = 64;

/// The projected text and, for each of its bytes, the HTML offset it stands for.
#[derive(Debug)]
pub(crate) struct Projection {
    pub(crate) text: String,
    starts: Vec<usize>,
    src_len: usize,
    /// The page's text outside its content block (see `content_block`), before and after it,
    /// as HTML byte ranges.
    pub(crate) outside: [Option<Span>; 2],
    /// The header cells of the extra columns left out of the tables (see `plan_tables`).
    pub(crate) extra_headers: Vec<Span>,
}

impl Projection {
    /// The HTML offset of the boundary before projected byte `i`: the HTML's length for the
    /// end, else where the piece holding byte `i` starts (the caller extends the report and
    /// its preamble to byte 0). One function for starts and
    /// ends, monotone, so spans that tile the text tile the HTML, and a span that ends at a
    /// synthesized separator ends where the last content before it ended.
    fn offset(&self, i: usize) -> usize {
        if i >= self.text.len() {
            self.src_len
        } else {
            self.starts.get(i).copied().unwrap_or(self.src_len)
        }
    }

    /// A span of the projected text as a span of the HTML.
    pub(crate) fn map(&self, s: Span) -> Span {
        let start = self.offset(s.start);
        Span::new(start, self.offset(s.end).max(start))
    }
}

const VOID: &[&[u8]] = &[
    b"area", b"base", b"br", b"col", b"embed", b"hr", b"img", b"input", b"link", b"meta", b"param",
    b"source", b"track", b"wbr", b"keygen",
];

const BLOCK: &[&[u8]] = &[
    b"p",
    b"div",
    b"br",
    b"h1",
    b"h2",
    b"h3",
    b"h4",
    b"h5",
    b"h6",
    b"li",
    b"ul",
    b"ol",
    b"dl",
    b"dt",
    b"dd",
    b"tr",
    b"table",
    b"section",
    b"article",
    b"main",
    b"blockquote",
    b"pre",
    b"form",
    b"center",
    b"hr",
    b"address",
    b"figure",
    b"figcaption",
    b"caption",
    b"body",
    b"header",
    b"footer",
    b"nav",
    b"aside",
    b"title",
];

/// Elements whose content is never report text.
const DROPPED: &[&[u8]] = &[
    b"script",
    b"style",
    b"noscript",
    b"template",
    b"iframe",
    b"select",
    b"button",
    b"textarea",
    b"object",
    b"svg",
    b"nav",
    b"footer",
    b"aside",
];

fn is(list: &[&[u8]], name: &[u8]) -> bool {
    list.contains(&name)
}

/// Site chrome by its class or id: navigation, menus, footers, breadcrumbs, share buttons;
/// a page header (`header`, `topbar`) only outside an `<article>`/`<main>`, where a header
/// holds the article's own title.
fn chrome_attr(value: &[u8], in_article: bool) -> bool {
    let v = String::from_utf8_lossy(value).to_ascii_lowercase();
    v.split(|c: char| c.is_ascii_whitespace()).any(|word| {
        ["nav", "menu", "footer", "breadcrumb", "crumb", "share"].iter().any(|k| word.contains(k))
            || word.split(['-', '_']).any(|w| {
                matches!(w, "foot" | "sidebar") || (!in_article && matches!(w, "header" | "topbar"))
            })
    })
}

fn attr<'t>(
    tag: &'t html5gum::StartTag<usize>,
    name: &str,
) -> Option<&'t html5gum::Spanned<HtmlString, usize>> {
    tag.attributes.get(name.as_bytes())
}

fn span_number(tag: &html5gum::StartTag<usize>, name: &str) -> u32 {
    let Some(v) = attr(tag, name) else { return 1 };
    let digits: Vec<u8> = v
        .iter()
        .copied()
        .skip_while(u8::is_ascii_whitespace)
        .take_while(u8::is_ascii_digit)
        .collect();
    // At most 9 digits fit a u32; longer runs saturate.
    let n = if digits.len() > 9 {
        u32::MAX
    } else {
        digits.iter().fold(0u32, |n, d| n * 10 + u32::from(d - b'0'))
    };
    n.max(1)
}

/// A table being projected.
#[derive(Debug, Default)]
struct Table {
    plan: TablePlan,
    row_open: bool,
    cell_open: bool,
    /// The open cell lies in an extra column: its text is left out.
    skip: bool,
    cells_in_row: usize,
    /// Rows started: the current row is `rows - 1`.
    rows: usize,
    /// The open cell's colspan.
    colspan: usize,
    grid: Grid,
}

/// What a pass over the tokens learns of a `<table>` before it is projected.
#[derive(Debug, Default, Clone)]
struct TablePlan {
    /// A layout table: its cells hold blocks or tables, so its rows and cells are blocks.
    layout: bool,
    /// The grid columns left out, a bit per column (see `extra_columns`).
    extra: u64,
    /// Per row, when they differ from row to row: the columns left out of it.
    row_extra: Vec<u64>,
    /// The text of the header cells that name them, as HTML byte ranges.
    extra_headers: Vec<Span>,
}

impl TablePlan {
    fn is_extra(&self, row: usize, col: usize) -> bool {
        let mask = self.row_extra.get(row).copied().unwrap_or(self.extra);
        col < MAX_GRID_COLS && mask >> col & 1 == 1
    }
}

/// The grid of a table's rows with rowspan/colspan expanded: the column the next cell goes
/// to and the columns that a cell above covers. Both the plan and the projection walk it, so
/// they agree on every cell's column.
#[derive(Debug, Default)]
struct Grid {
    col: usize,
    /// Rows still covered by a rowspan above, per column.
    pending: Vec<u32>,
    /// Columns with `pending > 0`.
    live: usize,
    /// The columns of the current row covered from above.
    covered: Vec<bool>,
}

impl Grid {
    fn start_row(&mut self) {
        self.col = 0;
        self.covered.clear();
        if self.live > 0 {
            for p in &mut self.pending {
                self.covered.push(*p > 0);
                if *p > 0 {
                    *p -= 1;
                    if *p == 0 {
                        self.live -= 1;
                    }
                }
            }
        }
    }

    /// Moves past the columns covered from above, calling `blank` with each.
    fn skip_covered(&mut self, blank: &mut impl FnMut(usize)) {
        while self.covered.get(self.col).copied().unwrap_or(false) {
            blank(self.col);
            self.col += 1;
        }
    }

    /// A cell at the current column covers its columns in the `rowspan - 1` rows below.
    fn place(&mut self, colspan: usize, rowspan: u32) {
        if rowspan > 1 {
            let end = (self.col + colspan).min(MAX_GRID_COLS);
            if self.pending.len() < end {
                self.pending.resize(end, 0);
            }
            for c in self.col.min(end)..end {
                if self.pending[c] == 0 {
                    self.live += 1;
                }
                self.pending[c] = self.pending[c].max(rowspan - 1);
            }
        }
    }

    /// Moves past a cell of `colspan` columns, calling `blank` with each column after its
    /// first (up to [`MAX_GRID_COLS`]).
    fn pass(&mut self, colspan: usize, blank: &mut impl FnMut(usize)) {
        self.col += 1;
        for _ in 1..colspan {
            if self.col >= MAX_GRID_COLS {
                break;
            }
            blank(self.col);
            self.col += 1;
        }
    }

    /// Moves past the covered columns after the row's last cell, calling `blank` with each.
    fn finish_row(&mut self, blank: &mut impl FnMut(usize)) {
        while self.col < self.covered.len() {
            if self.covered[self.col] {
                blank(self.col);
            }
            self.col += 1;
        }
    }
}

struct Elem {
    name: Box<[u8]>,
    dropped: bool,
    /// Where a container's projected text starts (None for other elements).
    text_start: Option<usize>,
}

/// Elements that can hold a page's content block.
const CONTAINER: &[&[u8]] =
    &[b"div", b"td", b"article", b"section", b"main", b"body", b"center", b"form", b"font"];

#[derive(Default)]
struct Out {
    text: String,
    starts: Vec<usize>,
    /// HTML offset where the last emitted content ended: synthesized separators stand there.
    last_end: usize,
    pending_space: Option<usize>,
    at_break: bool,
    /// A bound on the separators: the page's text is never longer than the page, and
    /// separators (line ends, tabs, blanks of merged cells) stop once the projection is this
    /// long, so that no markup, however merged its cells, projects to more than three times
    /// its size.
    budget: usize,
}

impl Out {
    fn push_char(&mut self, c: char, at: usize) {
        let at = at.max(self.starts.last().copied().unwrap_or(0));
        let mut buf = [0u8; 4];
        let n = c.encode_utf8(&mut buf).len();
        self.text.push(c);
        self.starts.extend(std::iter::repeat_n(at, n));
    }

    fn synth(&mut self, c: char) {
        self.pending_space = None;
        if self.text.len() >= self.budget {
            return;
        }
        let at = self.last_end;
        self.push_char(c, at);
    }

    /// A block boundary inside a data cell: the cell's text goes on after a space (dropped
    /// when nothing follows in the cell).
    fn soft_break(&mut self, at: usize) {
        if self.pending_space.is_none() && !self.at_break {
            self.pending_space = Some(at);
        }
    }

    fn newline(&mut self) {
        self.pending_space = None;
        if !self.text.is_empty() && !self.text.ends_with('\n') {
            self.synth('\n');
        }
        self.at_break = true;
    }

    /// Decoded text `value` whose source is `src` (at HTML offset `base`); whitespace runs
    /// collapse to one space, none at a line or cell start. `cell`: U+3000 counts as
    /// whitespace too (a cell of `　` is blank).
    /// `pre`: inside `<pre>`, whitespace is kept as written (a text table pasted into a page
    /// keeps its columns and its line breaks).
    fn text(&mut self, value: &str, src: &str, base: usize, cell: bool, pre: bool) {
        let src_b = src.as_bytes();
        let mut j = 0usize;
        for c in value.chars() {
            let at = j;
            let rest = &src[j.min(src.len())..];
            if c != '&' && rest.starts_with(c) {
                j += c.len_utf8();
            } else if rest.starts_with('&') {
                // An entity: skip `&name;`, `&#123;`, or `&name` without the semicolon.
                let mut k = 1;
                while k < rest.len()
                    && k < 40
                    && (src_b[j + k].is_ascii_alphanumeric() || src_b[j + k] == b'#')
                {
                    k += 1;
                }
                if rest.as_bytes().get(k) == Some(&b';') {
                    k += 1;
                }
                j += k;
            } else if let Some(skipped) = rest.chars().next() {
                // `\r\n` read as `\n`, NUL as U+FFFD …: the source char stands for it.
                j += skipped.len_utf8();
                if skipped == '\r' && c == '\n' && rest[1..].starts_with('\n') {
                    j += 1;
                }
            }
            let at = base + at;
            if pre && c != '\u{a0}' {
                if c == '\r' {
                    continue;
                }
                if let Some(s) = self.pending_space.take() {
                    self.push_char(' ', s);
                }
                self.push_char(c, at);
                self.at_break = c == '\n';
                self.last_end = base + j.min(src.len());
                continue;
            }
            // `&nbsp;`, `&ensp;`, `&emsp;`, `&thinsp;` … are spaces; U+3000 (`&#12288;`) stays
            // in running text, where the text parser reads it as indentation or a separator.
            let space = c.is_whitespace() && (cell || c != '\u{3000}');
            if space {
                if !self.at_break && self.pending_space.is_none() {
                    self.pending_space = Some(at);
                }
                continue;
            }
            if let Some(s) = self.pending_space.take() {
                self.push_char(' ', s);
            }
            self.push_char(c, at);
            self.at_break = false;
            self.last_end = base + j.min(src.len());
        }
    }
}

/// Candidates for the crawler-style header the projection starts with.
#[derive(Default)]
struct Meta {
    title: Option<(String, usize, usize)>,
    article_title: Option<(String, usize, usize)>,
    pub_date: Option<(String, usize, usize)>,
    source: Option<(String, usize, usize)>,
    author: Option<(String, usize, usize)>,
}

/// A cell's text as the plan reads it: the first characters that are not whitespace.
const HEADER_CHARS: usize = 8;

/// A table's state in [`plan_tables`].
struct Scan {
    token: usize,
    plan: TablePlan,
    grid: Grid,
    row_open: bool,
    cell: Option<ScanCell>,
    /// No row so far held a number: the rows read are the header.
    in_header: bool,
    row_has_number: bool,
    has_total: bool,
    subtotals: u64,
    subtotal_headers: Vec<Span>,
    /// Each row's columns.
    widths: Vec<usize>,
    /// Its first row held numbers: the table continues one above it (a page break).
    headerless: bool,
}

struct ScanCell {
    col: usize,
    colspan: usize,
    blocks: usize,
    text: String,
    span: Option<Span>,
}

impl Scan {
    fn new(token: usize) -> Self {
        Scan {
            token,
            plan: TablePlan::default(),
            grid: Grid::default(),
            row_open: false,
            cell: None,
            in_header: true,
            row_has_number: false,
            has_total: false,
            subtotals: 0,
            subtotal_headers: Vec::new(),
            widths: Vec::new(),
            headerless: false,
        }
    }

    fn start_row(&mut self) {
        self.end_row();
        self.row_open = true;
        self.grid.start_row();
    }

    fn end_row(&mut self) {
        if !self.row_open {
            return;
        }
        self.close_cell();
        self.grid.finish_row(&mut |_| {});
        self.headerless |= self.widths.is_empty() && self.row_has_number;
        self.widths.push(self.grid.col);
        self.row_open = false;
        self.in_header &= !self.row_has_number;
        self.row_has_number = false;
    }

    fn open_cell(&mut self, colspan: usize, rowspan: u32) {
        if !self.row_open {
            self.start_row();
        }
        self.close_cell();
        self.grid.skip_covered(&mut |_| {});
        self.grid.place(colspan, rowspan);
        let col = self.grid.col;
        self.cell = Some(ScanCell { col, colspan, blocks: 0, text: String::new(), span: None });
    }

    fn text(&mut self, value: &[u8], span: Span) {
        let Some(cell) = &mut self.cell else { return };
        if !self.in_header || cell.text.chars().count() >= HEADER_CHARS {
            return;
        }
        let value = String::from_utf8_lossy(value);
        let mut chars = value.chars().filter(|c| !c.is_whitespace()).peekable();
        if chars.peek().is_some() {
            cell.span = Some(cell.span.map_or(span, |s| s.cover(span)));
        }
        cell.text.extend(chars.take(HEADER_CHARS));
    }

    fn close_cell(&mut self) {
        let Some(cell) = self.cell.take() else { return };
        self.grid.pass(cell.colspan, &mut |_| {});
        if !self.in_header {
            return;
        }
        self.row_has_number |= cell.text.starts_with(|c: char| c.is_ascii_digit());
        self.has_total |= cell.text == "总计";
        if cell.text == "小计" && cell.col < MAX_GRID_COLS {
            let end = (cell.col + cell.colspan).min(MAX_GRID_COLS);
            self.subtotals |= extra_columns(cell.col, end);
            self.subtotal_headers.extend(cell.span);
        }
    }

    /// The table's plan, and its extra columns counted from the right (bit `k` for the
    /// `k`-th column from a row's end) for a table that continues it. `above`: the extra
    /// columns from the right of the data table before it.
    fn finish(mut self, above: u64) -> (usize, TablePlan, u64) {
        self.end_row();
        let mut from_right = 0;
        if self.has_total && self.subtotals != 0 {
            self.plan.extra = self.subtotals;
            self.plan.extra_headers = self.subtotal_headers;
            let width = self.widths.iter().copied().max().unwrap_or(0);
            for col in (0..MAX_GRID_COLS.min(width)).filter(|&c| self.plan.is_extra(0, c)) {
                from_right |= 1u64.checked_shl((width - 1 - col) as u32).unwrap_or(0);
            }
        } else if self.headerless && above != 0 {
            // The rest of a table split at a page break leaves out the columns of the part
            // above, counted from the right: its rows lack the label columns that a rowspan
            // above the break covered, and which rows lack them varies.
            self.plan.row_extra = self
                .widths
                .iter()
                .map(|&width| {
                    (0..MAX_GRID_COLS.min(width))
                        .filter(|&col| {
                            above.checked_shr((width - 1 - col) as u32).unwrap_or(0) & 1 == 1
                        })
                        .fold(0, |m, col| m | 1 << col)
                })
                .collect();
            from_right = above;
        }
        (self.token, self.plan, from_right)
    }
}

/// The bits of grid columns `start..end` (both at most [`MAX_GRID_COLS`]).
fn extra_columns(start: usize, end: usize) -> u64 {
    (start..end).fold(0, |m, c| m | 1 << c)
}

/// The plan of each `<table>` start tag (by token index, ascending), from one pass over the
/// tokens:
/// - layout tables: one of their cells holds a table, a heading or a list, or more than four
///   blocks (a Word-exported data cell holds one `<p>`, a header cell a few `<br>`s);
/// - extra columns: a column whose header cell reads 小计 (a subtotal) in a table whose
///   header also has a 总计 column. The official tables have no 小计 and total their columns
///   in 总计 (docs/format.md), so such a column subtotals some of the others — table 三's
///   five 法人或其他组织 columns, table 四's two lawsuit blocks — and is left out, where
///   read as a value column it would shift every cell after it. A 小计 in a table without
///   总计 stands for it, and is kept. A table with no header (its first row holds numbers)
///   right after one with extra columns is its part below a page break: it leaves out the
///   same columns, counted from each row's end.
fn plan_tables(tokens: &[Token<usize>]) -> Vec<(usize, TablePlan)> {
    let mut plans = Vec::new();
    let mut stack: Vec<Scan> = Vec::new();
    // The extra columns, from the right, of the last data table.
    let mut above = 0u64;
    for (i, t) in tokens.iter().enumerate() {
        match t {
            Token::StartTag(tag) => {
                let n = &tag.name[..];
                if n == b"table" {
                    if let Some(top) = stack.last_mut() {
                        if top.cell.is_some() {
                            top.plan.layout = true;
                        }
                    }
                    stack.push(Scan::new(i));
                    continue;
                }
                let Some(top) = stack.last_mut() else { continue };
                match n {
                    b"td" | b"th" => {
                        let colspan = (span_number(tag, "colspan") as usize).min(MAX_COLSPAN);
                        top.open_cell(colspan, span_number(tag, "rowspan").min(MAX_ROWSPAN));
                    }
                    b"tr" => top.start_row(),
                    b"h1" | b"h2" | b"h3" | b"h4" | b"h5" | b"h6" | b"ul" | b"ol"
                        if top.cell.is_some() =>
                    {
                        top.plan.layout = true;
                    }
                    b"p" | b"div" | b"br" | b"li" => {
                        if let Some(cell) = &mut top.cell {
                            cell.blocks += 1;
                            top.plan.layout |= cell.blocks > 4;
                        }
                    }
                    _ => {}
                }
            }
            Token::EndTag(tag) => {
                let Some(top) = stack.last_mut() else { continue };
                match &tag.name[..] {
                    b"table" => {
                        if let Some(scan) = stack.pop() {
                            let (token, plan, from_right) = scan.finish(above);
                            if !plan.layout {
                                above = from_right;
                            }
                            plans.push((token, plan));
                        }
                    }
                    b"td" | b"th" => top.close_cell(),
                    b"tr" => top.end_row(),
                    _ => {}
                }
            }
            Token::String(s) => {
                if let Some(top) = stack.last_mut() {
                    top.text(s, Span::new(s.span.start, s.span.end));
                }
            }
            _ => {}
        }
    }
    plans.extend(stack.into_iter().rev().map(|scan| {
        let (token, plan, _) = scan.finish(0);
        (token, plan)
    }));
    plans.sort_unstable_by_key(|p| p.0);
    plans
}

/// The bytes of an attribute's value inside the span html5gum gives the attribute (which
/// may start at its name, `content="…"`): after the `=` and an opening quote, before the
/// closing quote.
fn attr_value(html: &str, span: html5gum::Span<usize>) -> (usize, usize) {
    let Some(src) = html.get(span.start..span.end) else { return (span.start, span.end) };
    let Some(eq) = src.find('=') else { return (span.start, span.end) };
    let after = &src[eq + 1..];
    let value = after.trim_start();
    let (value, quote) = match value.chars().next() {
        Some(q @ ('"' | '\'')) => (&value[1..], Some(q)),
        _ => (value, None),
    };
    let value = match quote {
        Some(q) => value.strip_suffix(q).unwrap_or(value),
        None => value,
    };
    let start = span.start + (value.as_ptr() as usize - src.as_ptr() as usize);
    (start, start + value.len())
}

fn lossy(s: &[u8]) -> String {
    String::from_utf8_lossy(s).into_owned()
}

/// A title as `<title>` gives it, without the site's name: the part that names a report.
fn strip_site(title: &str) -> &str {
    let parts: Vec<&str> = title.split(['_', '|', '｜']).flat_map(|p| p.split(" - ")).collect();
    parts.iter().find(|p| p.contains("报告")).copied().unwrap_or(title).trim()
}

/// Projects `html` (see the module doc).
pub(crate) fn project(html: &str) -> Projection {
    let mut emitter = DefaultEmitter::<usize>::new_with_span();
    // script/style/title/textarea content is raw text for the tokenizer, as in a browser.
    emitter.naively_switch_states(true);
    let tokens: Vec<Token<usize>> =
        Tokenizer::new_with_emitter(html, emitter).filter_map(Result::ok).collect();
    let plans = plan_tables(&tokens);

    let mut out = Out { at_break: true, budget: 2 * html.len() + 4096, ..Out::default() };
    let mut stack: Vec<Elem> = Vec::new();
    let mut dropped = 0usize;
    let mut article = 0usize;
    let mut pre = 0usize;
    let mut tables: Vec<Table> = Vec::new();
    let mut in_head = false;
    let mut in_title: Option<(String, usize, usize)> = None;
    let mut meta = Meta::default();
    let mut header_done = false;
    // Where the header ends and the page's text starts.
    let mut body_start = 0;
    // The projected ranges of closed containers.
    let mut blocks: Vec<(usize, usize)> = Vec::new();
    let mut extra_headers: Vec<Span> = Vec::new();

    let src = |s: html5gum::Span<usize>| html.get(s.start..s.end).unwrap_or("");

    for (i, token) in tokens.iter().enumerate() {
        match token {
            Token::StartTag(tag) => {
                let name = &tag.name[..];
                if name == b"meta" {
                    let key = attr(tag, "name").map(|v| lossy(v).to_ascii_lowercase());
                    if let (Some(key), Some(content)) = (key, attr(tag, "content")) {
                        let (start, end) = attr_value(html, content.span);
                        let value = (lossy(content).trim().to_string(), start, end);
                        let slot = match key.as_str() {
                            "articletitle" => Some(&mut meta.article_title),
                            "pubdate" => Some(&mut meta.pub_date),
                            "contentsource" => Some(&mut meta.source),
                            "author" => Some(&mut meta.author),
                            _ => None,
                        };
                        if let Some(slot) = slot {
                            if slot.is_none() && !value.0.is_empty() {
                                *slot = Some(value);
                            }
                        }
                    }
                    continue;
                }
                match name {
                    b"head" => in_head = true,
                    b"body" => in_head = false,
                    b"title" if in_head || dropped == 0 => {
                        in_title = Some((String::new(), tag.span.end, tag.span.end));
                    }
                    b"title" | b"link" | b"script" | b"style" | b"base" | b"noscript"
                    | b"template" => {}
                    _ => in_head = false,
                }
                let is_void = is(VOID, name) || tag.self_closing && name != b"td" && name != b"th";
                let chrome = is(DROPPED, name)
                    || (name == b"header" && article == 0)
                    || attr(tag, "class").is_some_and(|v| chrome_attr(v, article > 0))
                    || attr(tag, "id").is_some_and(|v| chrome_attr(v, article > 0));
                if !is_void {
                    let text_start =
                        (dropped == 0 && !chrome && is(CONTAINER, name)).then_some(out.text.len());
                    stack.push(Elem { name: name.into(), dropped: chrome, text_start });
                    if chrome {
                        dropped += 1;
                    }
                    if matches!(name, b"article" | b"main") {
                        article += 1;
                    }
                    if matches!(name, b"pre" | b"listing") {
                        pre += 1;
                    }
                }
                if dropped > 0 || in_head {
                    continue;
                }
                let data_cell = tables.last().is_some_and(|t| !t.plan.layout && t.cell_open);
                let skipped = tables.last().is_some_and(|t| !t.plan.layout && t.skip);
                match name {
                    b"table" => {
                        out.newline();
                        let plan = plans
                            .binary_search_by_key(&i, |p| p.0)
                            .map(|k| plans[k].1.clone())
                            .unwrap_or_default();
                        extra_headers.extend_from_slice(&plan.extra_headers);
                        tables.push(Table { plan, ..Table::default() });
                    }
                    b"tr" | b"td" | b"th" if tables.last().is_some_and(|t| !t.plan.layout) => {
                        let Some(t) = tables.last_mut() else { continue };
                        if name == b"tr" {
                            end_row(t, &mut out);
                            start_row(t, &mut out);
                        } else {
                            if !t.row_open {
                                start_row(t, &mut out);
                            }
                            close_cell(t, &mut out);
                            let colspan = (span_number(tag, "colspan") as usize).min(MAX_COLSPAN);
                            let rowspan = span_number(tag, "rowspan").min(MAX_ROWSPAN);
                            open_cell(t, &mut out, colspan, rowspan);
                        }
                    }
                    // The blocks of an extra column's cell are left out with its text.
                    _ if skipped => {}
                    _ if data_cell && is(BLOCK, name) => {
                        // A `<p>` or `<br>` inside a cell: the cell's text goes on.
                        out.soft_break(tag.span.start);
                    }
                    _ if is(BLOCK, name) || matches!(name, b"td" | b"th") => out.newline(),
                    _ => {}
                }
            }
            Token::EndTag(tag) => {
                let name = &tag.name[..];
                if name == b"title" {
                    if let Some(t) = in_title.take() {
                        if meta.title.is_none() {
                            meta.title = Some(t);
                        }
                    }
                }
                if name == b"head" {
                    in_head = false;
                }
                let reach = stack.len().saturating_sub(END_TAG_REACH);
                if let Some(k) = stack[reach..].iter().rposition(|e| &*e.name == name) {
                    for e in stack.drain(reach + k..) {
                        dropped -= usize::from(e.dropped);
                        if let Some(start) = e.text_start {
                            blocks.push((start, out.text.len()));
                        }
                        if matches!(&*e.name, b"article" | b"main") {
                            article = article.saturating_sub(1);
                        }
                        if matches!(&*e.name, b"pre" | b"listing") {
                            pre = pre.saturating_sub(1);
                        }
                    }
                } else if !matches!(name, b"td" | b"th" | b"tr" | b"table" | b"p" | b"br") {
                    continue;
                }
                if dropped > 0 || in_head {
                    continue;
                }
                let data_cell = tables.last().is_some_and(|t| !t.plan.layout && t.cell_open);
                let skipped = tables.last().is_some_and(|t| !t.plan.layout && t.skip);
                match name {
                    b"table" => {
                        if let Some(mut t) = tables.pop() {
                            if !t.plan.layout {
                                end_row(&mut t, &mut out);
                            }
                        }
                        out.newline();
                    }
                    b"tr" | b"td" | b"th" if tables.last().is_some_and(|t| !t.plan.layout) => {
                        let Some(t) = tables.last_mut() else { continue };
                        if name == b"tr" {
                            end_row(t, &mut out);
                        } else {
                            close_cell(t, &mut out);
                        }
                    }
                    _ if skipped => {}
                    _ if data_cell && is(BLOCK, name) => {
                        out.soft_break(tag.span.start);
                    }
                    _ if is(BLOCK, name) || matches!(name, b"td" | b"th") => out.newline(),
                    _ => {}
                }
            }
            Token::String(s) => {
                if let Some(t) = &mut in_title {
                    t.0.push_str(&String::from_utf8_lossy(s));
                    t.2 = s.span.end;
                    continue;
                }
                // An extra column's cell is left out (its bytes lie inside its row's span).
                let skipped = tables.last().is_some_and(|t| !t.plan.layout && t.skip);
                if dropped > 0 || in_head || skipped {
                    continue;
                }
                let value = String::from_utf8_lossy(s);
                if !header_done && value.trim().is_empty() {
                    continue;
                }
                if !header_done {
                    header_done = true;
                    write_header(&mut out, &meta, html);
                    body_start = out.text.len();
                }
                let cell = tables.last().is_some_and(|t| !t.plan.layout && t.cell_open);
                out.text(&value, src(s.span), s.span.start, cell, pre > 0);
            }
            _ => {}
        }
    }
    if !header_done {
        write_header(&mut out, &meta, html);
        body_start = out.text.len();
    }
    while let Some(mut t) = tables.pop() {
        if !t.plan.layout {
            end_row(&mut t, &mut out);
        }
    }
    blocks.extend(stack.iter().filter_map(|e| e.text_start).map(|s| (s, out.text.len())));
    out.newline();
    if let Some((start, end)) =
        content_block(&out.text, body_start, &blocks, meta.article_title.is_some())
    {
        let mut text = String::with_capacity(body_start + end - start + 1);
        text.push_str(&out.text[..body_start]);
        text.push_str(&out.text[start..end]);
        let mut starts = out.starts[..body_start].to_vec();
        starts.extend_from_slice(&out.starts[start..end]);
        if !text.ends_with('\n') {
            text.push('\n');
            starts.push(out.starts.get(end).copied().unwrap_or(html.len()));
        }
        let src = |i: usize| out.starts.get(i).copied().unwrap_or(out.last_end);
        let piece = |a: usize, b: usize| {
            let cut = out.text.get(a..b).unwrap_or("");
            (!cut.trim().is_empty()).then(|| Span::new(src(a), src(b).max(src(a))))
        };
        let outside = [piece(body_start, start), piece(end, out.text.len())];
        return Projection { text, starts, src_len: html.len(), outside, extra_headers };
    }
    Projection {
        text: out.text,
        starts: out.starts,
        src_len: html.len(),
        outside: [None, None],
        extra_headers,
    }
}

/// The page's content block: the smallest container whose text holds the report's level-1
/// headings (lines starting `一、`, `二、` … outside tables, at least two) and the title-like line
/// before them (short, naming a 报告, not a sentence; not needed when `titled`, the page having
/// an `ArticleTitle`). What lies outside it is the site's
/// chrome — breadcrumbs, `来源： 时间：` bars, share and print buttons, QR codes, footers — which
/// would otherwise stand between the report's last line and its signature. `None` when the
/// page has no such headings (then the whole body is the report).
fn content_block(
    text: &str,
    body_start: usize,
    blocks: &[(usize, usize)],
    titled: bool,
) -> Option<(usize, usize)> {
    let body = text.get(body_start..)?;
    let mut at = body_start;
    let (mut first, mut last, mut count) = (None, 0, 0);
    let mut title = None;
    for line in body.split_inclusive('\n') {
        let start = at;
        at += line.len();
        let l = line.trim_end();
        if l.contains('\t') {
            continue;
        }
        let numeral = l.trim_start_matches(|c: char| "一二三四五六七八九十".contains(c));
        if numeral.len() < l.len() && numeral.starts_with('、') {
            first.get_or_insert(start);
            last = start;
            count += 1;
        } else if first.is_none()
            && l.contains("报告")
            && l.chars().count() <= 60
            && !l.ends_with(['。', '；', '，'])
        {
            title = Some(start);
        }
    }
    let first = first?;
    if count < 2 {
        return None;
    }
    // With the title in the page's `ArticleTitle` the header has it: the block need only hold
    // the headings (a title bar above the content, with its 来源/时间/分享 chrome, stays out).
    let title = if titled { None } else { title };
    let need = (title.unwrap_or(first).min(first), last + 1);
    let (start, mut end) = blocks
        .iter()
        .map(|&(s, e)| (s.max(body_start), e))
        .filter(|&(s, e)| s <= need.0 && e >= need.1)
        .min_by_key(|&(s, e)| e - s)?;
    // A signature set in an element of its own after the body (`<div class="sign">`): up to
    // three short lines right after the block that name an organ or give a date go with it.
    let mut taken = 0;
    for line in text.get(end..).unwrap_or("").split_inclusive('\n') {
        let l = line.trim();
        if taken == 3 || !(l.is_empty() || signature_like(l)) {
            break;
        }
        end += line.len();
        taken += usize::from(!l.is_empty());
    }
    Some((start, end))
}

/// A short line that is a date (`2024年1月20日`) or ends with an organ's suffix.
fn signature_like(line: &str) -> bool {
    const SUFFIXES: [&str; 14] =
        ["局", "委", "办", "政府", "院", "会", "室", "处", "厅", "部", "中心", "所", "站", "队"];
    let dated = line.contains('年')
        && line.contains('月')
        && line.chars().any(|c| c.is_ascii_digit() || "〇一二三四五六七八九十".contains(c));
    line.chars().count() <= 30 && (dated || SUFFIXES.iter().any(|s| line.ends_with(s)))
}

/// The page's `<title>` and `<meta>` fields as the header a crawler writes (`标题: …`,
/// `发布时间: …`, `发布机构: …`, then a `==== 正文 ====` line), which the text parser reads
/// as front matter; each value maps to its bytes in the HTML.
fn write_header(out: &mut Out, meta: &Meta, html: &str) {
    // `ArticleTitle` is the CMS's title of the article; `<title>` is the browser tab's, often
    // with the site's name or a channel name in place of the report's: it is kept as a header
    // line of its own (`网页标题`), which the text parser keeps as front matter without taking
    // it for the report's title.
    let page_title = meta.title.clone().map(|(t, s, e)| (strip_site(&t).to_string(), s, e));
    let organ = meta.source.clone().or_else(|| meta.author.clone());
    let mut fields: Vec<(&str, (String, usize, usize))> = Vec::new();
    fields.extend(meta.article_title.clone().map(|t| ("标题", t)));
    fields.extend(page_title.map(|t| ("网页标题", t)));
    fields.extend(meta.pub_date.clone().map(|t| ("发布时间", t)));
    fields.extend(organ.map(|t| ("发布机构", t)));
    fields.retain(|(_, v)| !v.0.trim().is_empty());
    if fields.is_empty() {
        return;
    }
    fields.sort_by_key(|(_, v)| v.1);
    for (key, (value, start, end)) in fields {
        out.last_end = start;
        for c in key.chars().chain(": ".chars()) {
            out.synth(c);
        }
        out.at_break = true;
        // The value's bytes: `<title>`'s text or the attribute's (a stripped site name is
        // the part of the text it came from, so its start may be further in: map it whole).
        let src = html.get(start..end).unwrap_or("");
        let value = value.replace(['\n', '\r'], " ");
        out.text(&value, src, start, false, false);
        out.last_end = out.last_end.max(end);
        out.newline();
    }
    for c in "==================== 正文 ====================".chars() {
        out.synth(c);
    }
    out.newline();
}

fn start_row(t: &mut Table, out: &mut Out) {
    out.newline();
    t.row_open = true;
    t.rows += 1;
    t.cells_in_row = 0;
    t.grid.start_row();
}

fn end_row(t: &mut Table, out: &mut Out) {
    if !t.row_open {
        return;
    }
    close_cell(t, out);
    // Cells covered by a rowspan from above, after the row's last cell.
    let (plan, row, cells) = (&t.plan, t.rows.saturating_sub(1), &mut t.cells_in_row);
    t.grid.finish_row(&mut |col| blank(plan, row, cells, out, col));
    t.row_open = false;
    out.newline();
}

/// A cell's separator in column `col`, none for an extra column.
fn blank(plan: &TablePlan, row: usize, cells_in_row: &mut usize, out: &mut Out, col: usize) {
    if plan.is_extra(row, col) {
        return;
    }
    if *cells_in_row > 0 {
        out.synth('\t');
    }
    *cells_in_row += 1;
}

fn open_cell(t: &mut Table, out: &mut Out, colspan: usize, rowspan: u32) {
    let (plan, row, cells) = (&t.plan, t.rows.saturating_sub(1), &mut t.cells_in_row);
    t.grid.skip_covered(&mut |col| blank(plan, row, cells, out, col));
    blank(plan, row, cells, out, t.grid.col);
    t.grid.place(colspan, rowspan);
    out.at_break = true;
    out.pending_space = None;
    t.cell_open = true;
    t.skip = t.plan.is_extra(row, t.grid.col);
    t.colspan = colspan;
}

fn close_cell(t: &mut Table, out: &mut Out) {
    if !t.cell_open {
        return;
    }
    t.cell_open = false;
    t.skip = false;
    out.pending_space = None;
    let (plan, row, cells) = (&t.plan, t.rows.saturating_sub(1), &mut t.cells_in_row);
    t.grid.pass(t.colspan, &mut |col| blank(plan, row, cells, out, col));
    t.colspan = 1;
}
