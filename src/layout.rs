//! Lines that tile the input, and paragraphs rebuilt from PDF-damaged lines.
//!
//! A [`Line`] runs from the first byte after the previous terminator through its own
//! terminator, so the lines tile the input exactly. Terminators are `\n`, `\r\n` and a lone
//! `\r` (classic Mac files and some extractors); a BOM at the start belongs to the first line
//! and is skipped as an ignorable character when the content is trimmed.
//!
//! Paragraph text is rebuilt, never the input: PDF extraction breaks lines mid-sentence
//! (samples 000 and 004 also put a blank line after every line, and 001/002 break inside
//! long paragraphs too), indents a line after a page break (000 line 38, 004 line 91), and
//! puts spaces between CJK and digits (`2023 年`) or between every character of a justified
//! line (`号 ， 邮 编 ：` in extra sample 001).

use crate::parsers::{blanks, is_blank_at, is_ignorable, is_space, may_change, page_number};
use crate::text::width::{char_width, width};
use crate::{Paragraph, Span};

/// What a line holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LineKind {
    /// Nothing but spaces.
    Blank,
    /// A page number left by PDF extraction (`- 3 -`), or a Markdown thematic break (`---`,
    /// `***`, `* * *`) that PDF→Markdown converters put at page breaks: layout noise either way.
    PageNumber,
    /// Anything else.
    Text,
}

/// One line of the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Line {
    /// The whole line, terminator included.
    pub(crate) span: Span,
    /// The content without terminator and without leading/trailing spaces and ignorables.
    pub(crate) content: Span,
    /// Classification.
    pub(crate) kind: LineKind,
    /// Whether the first pass cut this line out of a longer physical line
    /// ([`crate::firstpass`]): its width says nothing about a PDF's wrap width.
    pub(crate) split: bool,
}

impl Line {
    /// The trimmed content.
    pub(crate) fn text<'a>(&self, input: &'a str) -> &'a str {
        self.content.slice(input)
    }
}

fn is_trim(c: char) -> bool {
    is_space(c) || is_ignorable(c)
}

/// Whether `text` is non-empty and neither starts nor ends with a space or an ignorable
/// ([`is_trim`]), told from the bytes of its first and last characters without decoding them
/// ([`is_blank_at`]). Trimming decoded both ends and looked a CJK character up in the
/// Unicode whitespace table, for every line.
fn ends_without_trim(text: &str) -> bool {
    let bytes = text.as_bytes();
    let blank = |i: usize| bytes.get(i).is_some_and(|&b| may_change(b)) && is_blank_at(bytes, i);
    let last_start = bytes.iter().rposition(|&b| !(0x80..=0xBF).contains(&b));
    last_start.is_some_and(|last| !blank(0) && !blank(last))
}

/// Splits `input` into lines that tile it (see the module docs for terminators). Consecutive
/// blank lines make one [`LineKind::Blank`] line: no stage tells them apart, and a record per
/// empty line was 40 times the input on a file of blank lines.
pub(crate) fn lines(input: &str) -> Vec<Line> {
    let bytes = input.as_bytes();
    // Sized up front: growing by doubling would leave up to half of the slots unused.
    let crs = if bytes.contains(&b'\r') { count_byte(bytes, b'\r') } else { 0 };
    // A run of blank lines is one record, so there are at most two records per line that
    // starts with text (the line, and the blank run after it), whatever the number of lines.
    // Those are counted only where lines are short enough for their records to outweigh the
    // text (under 8 bytes on average): text lines run longer.
    let at_most = count_byte(bytes, b'\n') + crs + 1;
    let records = if at_most * 8 > bytes.len() {
        at_most.min(2 * count_text_starts(bytes) + 2)
    } else {
        at_most
    };
    let mut out: Vec<Line> = Vec::with_capacity(records);
    let mut start = 0;
    // `memchr` finds each `\n` with SIMD. Most inputs have no `\r`: then no line is
    // searched for one.
    while let Some(rest) = input.get(start..).filter(|r| !r.is_empty()) {
        // One past the `\n`, or the end.
        let nl = memchr::memchr(b'\n', rest.as_bytes()).map_or(rest.len(), |p| p + 1);
        let cr = if crs == 0 { None } else { rest.get(..nl).unwrap_or(rest).find('\r') };
        let (content_end, next) = match cr {
            // `\r\n`
            Some(r) if r + 2 == nl && bytes.get(start + nl - 1) == Some(&b'\n') => (r, nl),
            // A lone `\r` ends its line.
            Some(r) => (r, r + 1),
            None if bytes.get(start + nl - 1) == Some(&b'\n') => (nl - 1, nl),
            None => (nl, nl), // the last line, with no terminator
        };
        let line = make_line(input, start, start + content_end, start + next);
        match out.last_mut() {
            Some(last) if line.kind == LineKind::Blank && last.kind == LineKind::Blank => {
                last.span.end = line.span.end;
            }
            _ => out.push(line),
        }
        start += next;
    }
    out
}

/// How many times `byte` occurs in `bytes`. Counted into a `u8` per block of 255 bytes, which
/// the compiler turns into 16-byte vector compares.
fn count_byte(bytes: &[u8], byte: u8) -> usize {
    bytes
        .chunks(255)
        .map(|block| block.iter().fold(0u8, |n, &b| n + u8::from(b == byte)))
        .map(usize::from)
        .sum()
}

/// How many lines may start with a byte other than a line end: the first line and each line
/// end followed by another byte. Counted like [`count_byte`], in blocks that vectorize.
fn count_text_starts(bytes: &[u8]) -> usize {
    let is_end = |b: u8| b == b'\n' || b == b'\r';
    let (Some(before), Some(after)) = (bytes.get(..bytes.len().saturating_sub(1)), bytes.get(1..))
    else {
        return 1;
    };
    let starts = before.chunks(255).zip(after.chunks(255)).map(|(p, c)| {
        p.iter().zip(c).fold(0u8, |n, (&p, &c)| n + u8::from(is_end(p) & !is_end(c)))
    });
    1 + starts.map(usize::from).sum::<usize>()
}

/// The line `start..end` whose text ends at `content_end` (before its terminator).
pub(crate) fn make_line(input: &str, start: usize, content_end: usize, end: usize) -> Line {
    let raw = &input[start..content_end];
    let (lead, trimmed) = if ends_without_trim(raw) {
        (0, raw)
    } else {
        let after_lead = raw.trim_start_matches(is_trim);
        (raw.len() - after_lead.len(), after_lead.trim_end_matches(is_trim))
    };
    let content = Span::new(start + lead, start + lead + trimmed.len());
    let kind = if trimmed.is_empty() {
        LineKind::Blank
    } else if page_number(trimmed).is_ok() || is_thematic_break(trimmed) {
        LineKind::PageNumber
    } else {
        LineKind::Text
    };
    Line { span: Span::new(start, end), content, kind, split: false }
}

/// A line's text with Markdown decoration taken off, as PDF/OCR→Markdown converters write
/// headings: `# 标题`, `## 一、总体情况`, `### （一）主动公开` (ATX, optional closing `#`s),
/// `> ` quotes, and bold `**一、总体情况**` / `__…__`.
///
/// Returns `(core, after)`, both sub-slices of `text` so spans can be computed from them:
/// `core` is the decorated text without the decoration; `after` is what follows a closing bold
/// delimiter on the same line (`**（一）主动公开。**本年度…` → `本年度…`, untrimmed, starting
/// right after the `**`), empty when there is none. Text with no decoration is returned as is.
pub(crate) fn strip_markdown(text: &str) -> (&str, &str) {
    // Most lines are neither decorated nor untrimmed (the outline asks this of every line).
    let decorated = text.starts_with(['>', '#', '*', '_']);
    if !decorated && ends_without_trim(text) {
        return (text, &text[text.len()..]);
    }
    strip_markdown_decoration(text)
}

/// [`strip_markdown`] for text that may be decorated or untrimmed.
fn strip_markdown_decoration(text: &str) -> (&str, &str) {
    let end = &text[text.len()..];
    let mut s = text.trim_matches(is_trim);
    while let Some(r) = s.strip_prefix('>') {
        s = r.trim_start_matches(is_trim);
    }
    let hashes = s.len() - s.trim_start_matches('#').len();
    if (1..=6).contains(&hashes) {
        s = s[hashes..].trim_start_matches(is_trim);
        // A closing sequence (`## 一、总体情况 ##`) is decoration only after a space.
        let t = s.trim_end_matches('#');
        if t.len() < s.len() && t.ends_with(is_trim) {
            s = t.trim_end_matches(is_trim);
        }
    }
    for delim in ["**", "__"] {
        let Some(inner) = s.strip_prefix(delim) else { continue };
        return match inner.find(delim) {
            Some(pos) => (inner[..pos].trim_matches(is_trim), &inner[pos + delim.len()..]),
            None => (inner.trim_matches(is_trim), end),
        };
    }
    (s, end)
}

/// A body line without its Markdown block prefix: `> ` quotes and an ATX `## ` (hashes then a
/// space, so that a `#话题#` tag stays). Paragraph text is rebuilt from the rest; the
/// paragraph's span still starts at the line content, covering the prefix. Used for lines that
/// are not headings, e.g. the `> 本报告依据…` intro a PDF→Markdown converter quotes.
pub(crate) fn strip_block_prefix(text: &str) -> &str {
    let mut s = text;
    while let Some(r) = s.strip_prefix('>') {
        s = r.trim_start_matches(is_trim);
    }
    let hashes = s.len() - s.trim_start_matches('#').len();
    if (1..=6).contains(&hashes) && s[hashes..].starts_with(is_trim) {
        s = s[hashes..].trim_start_matches(is_trim);
    }
    s
}

/// A Markdown thematic break: three or more of the same `-`, `*` or `_`, spaces allowed.
/// Not with a tab: `-\t-\t-` is a table row of blank cells.
fn is_thematic_break(text: &str) -> bool {
    let mut marks = text.chars().filter(|&c| !is_trim(c));
    let Some(first) = marks.next() else { return false };
    // The first mark first: the layout asks this of every line, and searching each one for a
    // tab first was a second memchr pass over the text.
    if !matches!(first, '-' | '*' | '_') || text.contains('\t') {
        return false;
    }
    let mut count = 1;
    for c in marks {
        if c != first {
            return false;
        }
        count += 1;
    }
    count >= 3
}

/// The width at which a PDF extractor hard-wrapped the body text, if it did.
///
/// Evidence: in samples 000 and 004 and the extra samples, most text lines of 20+ columns are
/// within a few columns of one width (56 in 000, 50 in 004); in 001, 002 and 003 (one
/// paragraph per line, from web pages) line widths are spread out. The wrap width is the 80th
/// percentile of widths ≥ 20, accepted when at least half of those lines lie within
/// `-6..=+4` columns of it.
pub(crate) fn wrap_width(input: &str, lines: &[Line]) -> Option<usize> {
    // A line is never wider than its length in bytes: shorter lines are not measured.
    let mut widths: Vec<usize> = lines
        .iter()
        .filter(|l| l.kind == LineKind::Text && !l.split && l.content.len() >= 20)
        .map(|l| width(l.text(input)))
        .filter(|&w| w >= 20)
        .collect();
    if widths.len() < 8 {
        return None;
    }
    widths.sort_unstable();
    let p80 = widths[widths.len() * 4 / 5];
    let near = widths.iter().filter(|&&w| w + 6 >= p80 && w <= p80 + 4).count();
    (near * 2 >= widths.len()).then_some(p80)
}

/// Characters after which a sentence, and so possibly a paragraph, ends.
fn is_terminal(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '：' | ':' | '!' | '?' | '…')
}

/// Whether a line's text closes its paragraph: it ends with sentence-final punctuation
/// (possibly followed by a closing quote or bracket), or, in a hard-wrapped document, it is
/// much shorter than the wrap width (the last line of a paragraph).
pub(crate) fn ends_paragraph(text: &str, wrap: Option<usize>) -> bool {
    let mut rev = text.chars().rev().filter(|&c| !is_trim(c));
    let last = rev.next();
    let closes = |c: char| matches!(c, '”' | '’' | '"' | '）' | ')' | '」' | '』' | '》');
    // The width is taken at most once, and only when the last character does not settle it.
    let full = || wrap.is_some_and(|w| width(text) + 6 >= w);
    match last {
        None => return false,
        // A colon at the very end of a full wrapped line is usually mid-sentence: extra sample
        // 001 line 9 `号 ， 邮 编 ： 223100 ， 电 话 ： 0517-87222589 ， 电 子 邮 箱 ：`.
        Some('：' | ':') if full() => return false,
        Some(c) if is_terminal(c) => return true,
        Some(c) if closes(c) && rev.next().is_some_and(is_terminal) => return true,
        _ => {}
    }
    wrap.is_some_and(|w| width(text) * 5 < w * 3)
}

fn is_cjk_punct(c: char) -> bool {
    matches!(c,
        '\u{3000}'..='\u{303F}' | '\u{FF01}'..='\u{FF0F}' | '\u{FF1A}'..='\u{FF20}'
        | '\u{FF3B}'..='\u{FF40}' | '\u{FF5B}'..='\u{FF65}' | '\u{2018}'..='\u{201F}'
        | '\u{2026}' | '\u{2014}' | '\u{00B7}')
}

/// Full-width digits and Latin letters (U+FF10–FF19, FF21–FF3A, FF41–FF5A) as ASCII.
fn fold_alnum(c: char) -> char {
    match c {
        '\u{FF10}'..='\u{FF19}' | '\u{FF21}'..='\u{FF3A}' | '\u{FF41}'..='\u{FF5A}' => {
            char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
        }
        _ => c,
    }
}

/// Whether a run of spaces between `a` and `b` stays (as one space): between two non-CJK
/// characters (`open source`), and between two ideographs unless the line is letter-spaced or
/// either is CJK punctuation; never between CJK and a digit or letter (`2023 年` → `2023年`).
/// Full-width digits and letters are classified as their ASCII forms, so that `公开 ２８条`
/// loses its stray space as `公开 28条` does (tests/properties.rs).
fn keeps_space(a: char, b: char, letter_spaced: bool) -> bool {
    let (a, b) = (fold_alnum(a), fold_alnum(b));
    match (is_cjk(a), is_cjk(b)) {
        (false, false) => true,
        (true, true) => !letter_spaced && !is_cjk_punct(a) && !is_cjk_punct(b),
        _ => false,
    }
}

fn is_cjk(c: char) -> bool {
    !c.is_ascii() && (is_cjk_punct(c) || char_width(c) == 2)
}

/// Normalizes one line (or one title) of text: spaces around CJK removed, other space runs
/// collapsed to one space, ignorables dropped.
///
/// A space run between two CJK ideographs is kept (`历史风韵 文化宋村` in sample 003 is the
/// author's), unless the line is letter-spaced — three or more ideograph–space–ideograph
/// runs, as a justified PDF line gives (`号 ， 邮 编 ：`).
pub(crate) fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    normalize_into(&mut out, text);
    out
}

/// [`normalize`], appending to `out`. Only the spaces and ignorables are looked at (found from
/// the bytes, [`blanks`]): the text between them is copied whole, and letter-spacing is decided
/// from the characters around each space: most characters are copied without decoding.
fn normalize_into(out: &mut String, text: &str) {
    let mut blanks = blanks(text).peekable();
    // Most lines of Chinese prose hold no space and no ignorable: then the text is the result.
    if blanks.peek().is_none() {
        out.push_str(text);
        return;
    }
    let letter_spaced = is_letter_spaced(text);
    // A space run is written (as one space) only between two characters, by the rule of
    // `keeps_space`; leading and trailing runs are dropped. Ignorables are dropped and do not
    // break a space run.
    let mut last: Option<char> = None;
    let mut pending_space = false;
    let mut copied = 0; // `text[..copied]` is written or dropped
    let end = (text.len(), None);
    for (i, blank) in blanks.map(|(i, c)| (i, Some(c))).chain(std::iter::once(end)) {
        let run = text.get(copied..i).unwrap_or_default();
        if let Some(b) = run.chars().next() {
            if pending_space && last.is_some_and(|a| keeps_space(a, b, letter_spaced)) {
                out.push(' ');
            }
            pending_space = false;
            out.push_str(run);
            last = run.chars().next_back();
        }
        if let Some(c) = blank {
            pending_space |= is_space(c);
            copied = i + c.len_utf8();
        }
    }
}

/// Whether a line is letter-spaced: three or more ideograph–space–ideograph triples (one space
/// between, ignorables not counted), as a justified PDF line gives (`号 ， 邮 编 ：`).
fn is_letter_spaced(text: &str) -> bool {
    let spaced = blanks(text).filter(|&(i, c)| {
        let before = text.get(..i).unwrap_or_default();
        let after = text.get(i + c.len_utf8()..).unwrap_or_default();
        is_space(c)
            && before.chars().rev().find(|&c| !is_ignorable(c)).is_some_and(is_cjk)
            && after.chars().find(|&c| !is_ignorable(c)).is_some_and(is_cjk)
    });
    spaced.take(3).count() == 3
}

/// Appends a normalized line to paragraph text: a space only where a line break split two
/// Latin words (PDF wraps Latin text at spaces).
pub(crate) fn join_into(out: &mut String, line: &str) {
    // The first character `normalize(line)` would produce.
    let first = line.chars().find(|&c| !is_ignorable(c) && !is_space(c));
    if let (Some(a), Some(b)) = (out.chars().next_back(), first) {
        if a.is_ascii_alphabetic() && b.is_ascii_alphabetic() {
            out.push(' ');
        }
    }
    normalize_into(out, line);
}

/// Builds paragraphs from body segments (trimmed line contents, or the rest of a run-in
/// heading's line), in order. Blank lines and page numbers are not segments: they never end
/// a paragraph, because PDF extraction puts them in the middle of sentences (000 line 137–140:
/// three blank lines inside `…进行公开，保` / `证信息的及时性`; extra 001 line 26).
pub(crate) fn paragraphs(
    input: &str,
    segments: impl IntoIterator<Item = Span>,
    wrap: Option<usize>,
) -> Vec<Paragraph> {
    let mut out = Vec::new();
    // The texts of the paragraph being built (taken once: each was asked for three times),
    // as spans of `input`, and the cover of its segments. The paragraph's text is written once
    // it is complete, into a `String` sized for all of them: one allocation per paragraph.
    let mut pending: Vec<Span> = Vec::new();
    let mut cover: Option<Span> = None;
    for seg in segments {
        let text = paragraph_text(input, seg);
        if text.is_empty() {
            continue;
        }
        pending.push(Span::of_subslice(input, text));
        cover = Some(cover.map_or(seg, |c| c.cover(seg)));
        // The short-line test looks at the whole line: a run-in heading's body is the tail
        // of a full line (004: `（一）公开的数量。2018 年度，我镇主动公开政府信`).
        // Looked for at most a few wrapped lines' worth back: a longer line is no short one,
        // and a web page's one-line body would make the search quadratic.
        let whole_line = match wrap {
            Some(w) => {
                let mut from = seg.start.saturating_sub(4 * w);
                while !input.is_char_boundary(from) {
                    from -= 1;
                }
                let back = &input[from..seg.start];
                let line_start = back.rfind(['\n', '\r']).map_or(from, |p| from + p + 1);
                input.get(line_start..seg.end).unwrap_or(text)
            }
            None => text,
        };
        if ends_paragraph(whole_line, wrap) {
            out.extend(join_paragraph(input, &pending, cover.take()));
            pending.clear();
        }
    }
    out.extend(join_paragraph(input, &pending, cover));
    out
}

/// The text a segment adds to its paragraph.
fn paragraph_text(input: &str, segment: Span) -> &str {
    strip_block_prefix(segment.slice(input))
}

/// One paragraph from the texts of its segments and their cover (none if there are none).
/// Normalizing only drops and collapses characters, so the text fits in the segments' total
/// length unless a line break between two Latin words adds a space.
fn join_paragraph(input: &str, texts: &[Span], span: Option<Span>) -> Option<Paragraph> {
    let span = span?;
    let mut text = String::with_capacity(texts.iter().map(|t| t.len()).sum());
    for t in texts {
        join_into(&mut text, t.slice(input));
    }
    text.shrink_to_fit(); // the report keeps it; a no-op unless spaces were dropped
    Some(Paragraph { text, span })
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn lines_match_the_reference(
            v in proptest::collection::vec(proptest::sample::select(vec![
                "\n", "\r", "\r\n", "\n\r", "a", "一", " ", "- 3 -", "\u{FEFF}",
            ]), 0..30)
        ) {
            let s: String = v.concat();
            let ls = lines(&s);
            // The up-front size is a bound, so the vector never grows.
            proptest::prop_assert!(ls.len() <= 2 * count_text_starts(s.as_bytes()) + 2);
            proptest::prop_assert_eq!(ls, lines_reference(&s));
        }
    }

    #[test]
    fn lines_tile_the_input() {
        for input in ["", "a", "a\n", "a\r\nb", "a\rb\n\n", "\u{FEFF}一、x\n\n- 3 -\n", "\n\n"] {
            let ls = lines(input);
            let mut at = 0;
            for l in &ls {
                assert_eq!(l.span.start, at, "{input:?}");
                assert!(l.span.contains(l.content));
                at = l.span.end;
            }
            assert_eq!(at, input.len(), "{input:?}");
        }
    }

    /// The plain byte-by-byte splitter, kept as the oracle the fast path is tested against.
    fn lines_reference(input: &str) -> Vec<Line> {
        let bytes = input.as_bytes();
        let mut out = Vec::new();
        let (mut start, mut i) = (0, 0);
        while i < bytes.len() {
            let (content_end, next) = match bytes[i] {
                b'\n' => (i, i + 1),
                b'\r' if bytes.get(i + 1) == Some(&b'\n') => (i, i + 2),
                b'\r' => (i, i + 1),
                _ => {
                    i += 1;
                    continue;
                }
            };
            out.push(make_line(input, start, content_end, next));
            start = next;
            i = next;
        }
        if start < input.len() {
            out.push(make_line(input, start, input.len(), input.len()));
        }
        // Then each run of blank lines as one.
        let mut merged: Vec<Line> = Vec::new();
        for line in out {
            match merged.last_mut() {
                Some(last) if line.kind == LineKind::Blank && last.kind == LineKind::Blank => {
                    last.span = last.span.cover(line.span);
                }
                _ => merged.push(line),
            }
        }
        merged
    }

    #[test]
    fn line_kinds() {
        let input = "\u{FEFF}标题\n  \n - 3 -\r\n正文\r---\n* * *\n--\n-*-\n-\t-\t-\n";
        let ls = lines(input);
        let kinds: Vec<_> = ls.iter().map(|l| l.kind).collect();
        use LineKind::*;
        assert_eq!(
            kinds,
            [Text, Blank, PageNumber, Text, PageNumber, PageNumber, Text, Text, Text]
        );
        // Blank lines in a row are one line.
        let runs = lines("标题\n\n \r\n\t\n正文\n\n");
        let kinds: Vec<_> = runs.iter().map(|l| l.kind).collect();
        assert_eq!(kinds, [Text, Blank, Text, Blank]);
        assert_eq!(runs[1].span, Span::new(7, 13));
        assert_eq!(ls[0].text(input), "标题");
        assert_eq!(ls[3].text(input), "正文");
    }

    #[test]
    fn strip_markdown_table() {
        let cases = [
            ("# 某县2023年政府信息公开工作年度报告", "某县2023年政府信息公开工作年度报告", ""),
            ("## 一、总体情况", "一、总体情况", ""),
            ("##一、总体情况 ##", "一、总体情况", ""),
            ("### （一）主动公开  ", "（一）主动公开", ""),
            ("**一、总体情况**", "一、总体情况", ""),
            ("> **（一）主动公开。**本年度", "（一）主动公开。", "本年度"),
            ("> > 引用的正文。", "引用的正文。", ""),
            ("## **二、主动公开政府信息情况**", "二、主动公开政府信息情况", ""),
            ("**未闭合", "未闭合", ""),
            ("一、总体情况", "一、总体情况", ""),
            ("C#语言", "C#语言", ""),
            ("#######七个", "#######七个", ""),
            ("", "", ""),
        ];
        for (input, core, after) in cases {
            let (c, a) = strip_markdown(input);
            assert_eq!((c, a), (core, after), "{input:?}");
            // Sub-slices of the input, so spans can be taken from them.
            let base = input.as_ptr() as usize;
            assert!(
                c.as_ptr() as usize >= base && c.as_ptr() as usize + c.len() <= base + input.len()
            );
            assert!(
                a.as_ptr() as usize >= base && a.as_ptr() as usize + a.len() <= base + input.len()
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn ends_without_trim_agrees_with_is_trim(
            v in proptest::collection::vec(proptest::sample::select(vec![
                'a', ' ', '\t', '\u{3000}', '\u{FEFF}', '\u{200B}', '\u{A0}', '\u{85}', '。', '，',
                '一', '“', '—', '\u{2028}', '\u{205F}', 'é', '😀',
            ]), 0..6)
        ) {
            let s: String = v.into_iter().collect();
            let want = !s.is_empty() && !s.starts_with(is_trim) && !s.ends_with(is_trim);
            proptest::prop_assert_eq!(ends_without_trim(&s), want);
        }

        #[test]
        fn strip_markdown_fast_path_agrees(
            v in proptest::collection::vec(proptest::sample::select(vec![
                "#", "##", " ", "\u{3000}", "\u{FEFF}", ">", "*", "**", "_", "__", "一、", "标题",
                "a", "。", "，", "\t", "é", "\u{A0}",
            ]), 0..10)
        ) {
            let s = v.concat();
            proptest::prop_assert_eq!(strip_markdown(&s), strip_markdown_decoration(&s));
        }
    }

    #[test]
    fn strip_block_prefix_table() {
        for (input, want) in [
            ("> 本报告依据", "本报告依据"),
            (">> ## 引用标题", "引用标题"),
            ("#话题#正文", "#话题#正文"),
            ("正文>不动", "正文>不动"),
            (">", ""),
        ] {
            assert_eq!(strip_block_prefix(input), want, "{input:?}");
        }
    }

    #[test]
    fn normalize_table() {
        let cases = [
            ("2023 年", "2023年"),
            ("截至 2023年 12月 31日", "截至2023年12月31日"),
            ("多渠道公开政府信息 ，一是", "多渠道公开政府信息，一是"),
            ("历史风韵 文化宋村", "历史风韵 文化宋村"),
            ("号 ， 邮 编 ： 223100 ， 电 话", "号，邮编：223100，电话"),
            ("open  source code", "open source code"),
            ("（国务院令 711 号）", "（国务院令711号）"),
            ("  前后空格  ", "前后空格"),
            ("a\u{3000}b", "a b"),
        ];
        for (input, want) in cases {
            assert_eq!(normalize(input), want, "{input:?}");
        }
    }

    /// The plain `Vec<char>` version, kept as the oracle the fast path is tested against.
    fn normalize_reference(text: &str) -> String {
        let chars: Vec<char> = text.chars().filter(|&c| !is_ignorable(c)).collect();
        let spaced_pairs =
            chars.windows(3).filter(|w| is_cjk(w[0]) && is_space(w[1]) && is_cjk(w[2])).count();
        let letter_spaced = spaced_pairs >= 3;
        let mut out = String::new();
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            if !is_space(c) {
                out.push(c);
                i += 1;
                continue;
            }
            let run_start = i;
            while i < chars.len() && is_space(chars[i]) {
                i += 1;
            }
            let (Some(&a), Some(&b)) =
                (run_start.checked_sub(1).and_then(|p| chars.get(p)), chars.get(i))
            else {
                continue;
            };
            if keeps_space(a, b, letter_spaced) {
                out.push(' ');
            }
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn normalize_matches_the_reference(
            v in proptest::collection::vec(proptest::sample::select(vec![
                'a', 'Z', '1', ' ', '\t', '\u{3000}', '\u{FEFF}', '\u{200B}', '政', '府', '，',
                '：', '（', '“', '…', '·', '①', '\u{A0}', '\u{85}', '\u{1680}', '\u{2003}',
                '\u{2060}', '\u{202F}', '\u{205F}', '\u{2028}', '、', '。', '\u{FF0C}',
            ]), 0..40)
        ) {
            let s: String = v.into_iter().collect();
            proptest::prop_assert_eq!(normalize(&s), normalize_reference(&s));
            let mut joined = String::from("abc");
            join_into(&mut joined, &s);
            let piece = normalize_reference(&s);
            let sep = if piece.starts_with(|c: char| c.is_ascii_alphabetic()) { " " } else { "" };
            proptest::prop_assert_eq!(joined, format!("abc{sep}{piece}"));
        }
    }

    #[test]
    fn ends_paragraph_table() {
        let cases = [
            ("句子结束。", None, true),
            ("如下：", None, true),
            ("“应公开，尽公开。”", None, true),
            ("断在句中，", None, false),
            ("断在句中", None, false),
            ("短行", Some(50), true),
            ("这一行差不多和折行宽度一样长了真的很长很长", Some(44), false),
            ("", None, false),
            ("这一行差不多和折行宽度一样长了真的很长很：", Some(44), false),
            ("短行：", Some(44), true),
        ];
        for (input, wrap, want) in cases {
            assert_eq!(ends_paragraph(input, wrap), want, "{input:?}");
        }
    }

    #[test]
    fn paragraphs_join_broken_lines() {
        let input = "2023年，我镇根据（以\n\n下简称）规定。\n新段落 2023 年\nhello\nworld。";
        let ls = lines(input);
        let segs: Vec<Span> =
            ls.iter().filter(|l| l.kind == LineKind::Text).map(|l| l.content).collect();
        let ps = paragraphs(input, segs, None);
        let texts: Vec<_> = ps.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(texts, ["2023年，我镇根据（以下简称）规定。", "新段落2023年hello world。"]);
        assert_eq!(ps[0].span, Span::new(0, ls[2].content.end));
    }
}
