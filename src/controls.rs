//! Control characters: the text the parser reads, and the map back to the input.
//!
//! Text extracted from PDFs and scraped from pages carries characters no stage expects: NUL
//! and other C0/C1 controls (a NUL after every cell, a control after every character: issue
//! 14) and the rarer line ends — VT, FF (pdftotext's page break), NEL, U+2028 and U+2029. Were
//! every stage to skip them, each would need the rule; instead the parser reads a copy where
//! the ignorable controls are gone and the rare line ends are `\n`, and every span of the
//! report is mapped back into the input afterwards ([`Cleaned::map`]), so the guarantees on
//! spans hold for the input as given.

use crate::Span;

/// A copy of the input with the control characters folded away.
#[derive(Debug)]
pub(crate) struct Cleaned {
    /// The text the parser reads.
    pub text: String,
    /// After each edit: (offset in `text`, offset in the input), in order.
    edits: Vec<(usize, usize)>,
    /// How many ignorable control characters were dropped, and the first one's span in the
    /// input.
    pub ignored: Option<(usize, Span)>,
}

/// What a character is to the parser.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Read as it is.
    Keep,
    /// Dropped: NUL, the C0 controls but for TAB, LF, VT, FF and CR, DEL and the C1 controls
    /// but for NEL.
    Ignorable,
    /// A line end (VT, FF, NEL, U+2028, U+2029): `\n`, or dropped next to a `\n` or `\r`
    /// (`\f\n`, `\n\f`: a page break between lines is no extra line).
    LineEnd,
}

fn kind(c: char) -> Kind {
    match c {
        '\t' | '\n' | '\r' => Kind::Keep,
        '\u{B}' | '\u{C}' | '\u{85}' | '\u{2028}' | '\u{2029}' => Kind::LineEnd,
        '\0'..='\u{1F}' | '\u{7F}'..='\u{9F}' => Kind::Ignorable,
        _ => Kind::Keep,
    }
}

/// Whether `input` holds a character [`clean`] would change: byte scans, no decoding (the
/// characters are C0 bytes, DEL, `C2 80`–`C2 9F` and `E2 80 A8`/`A9`). This runs on every
/// parse: the C0 test is a branch-free fold over 32-byte chunks, which the compiler
/// vectorizes, and the multi-byte ones are memchr searches.
fn needs_cleaning(input: &str) -> bool {
    let b = input.as_bytes();
    let control =
        |x: u8| u8::from(x < 0x20 && !matches!(x, b'\t' | b'\n' | b'\r')) | u8::from(x == 0x7F);
    b.chunks(32).any(|c| c.iter().fold(0, |a, &x| a | control(x)) != 0)
        || memchr::memchr_iter(0xC2, b)
            .any(|i| b.get(i + 1).is_some_and(|n| (0x80..=0x9F).contains(n)))
        || memchr::memmem::find(b, "\u{2028}".as_bytes()).is_some()
        || memchr::memmem::find(b, "\u{2029}".as_bytes()).is_some()
}

/// The input cleaned, or `None` when it holds no control character to fold.
pub(crate) fn clean(input: &str) -> Option<Cleaned> {
    if !needs_cleaning(input) {
        return None;
    }
    let mut text = String::with_capacity(input.len());
    let mut edits = Vec::new();
    let mut ignored: Option<(usize, Span)> = None;
    let mut chars = input.char_indices().peekable();
    let mut prev = None;
    while let Some((i, c)) = chars.next() {
        let end = i + c.len_utf8();
        match kind(c) {
            Kind::Keep => text.push(c),
            Kind::Ignorable => {
                let (n, _) = ignored.get_or_insert((0, Span::new(i, end)));
                *n += 1;
                edits.push((text.len(), end));
            }
            Kind::LineEnd => {
                let next = chars.peek().map(|&(_, n)| n);
                let beside = |c: Option<char>| matches!(c, Some('\n' | '\r'));
                if !beside(prev) && !beside(next) {
                    text.push('\n');
                }
                edits.push((text.len(), end));
            }
        }
        prev = Some(c);
    }
    Some(Cleaned { text, edits, ignored })
}

impl Cleaned {
    /// The offset in the input of offset `at` of the cleaned text. A dropped character goes
    /// with the text before it, so the map is monotone and spans that tile the cleaned text
    /// tile the input.
    pub fn offset(&self, at: usize) -> usize {
        // (The start stays the start: what is dropped there goes with the text after it.)
        if at == 0 {
            return 0;
        }
        let k = self.edits.partition_point(|&(t, _)| t <= at);
        match k.checked_sub(1).and_then(|k| self.edits.get(k)) {
            Some(&(t, o)) => o + (at - t),
            None => at,
        }
    }

    /// A span of the cleaned text as a span of the input.
    pub fn map(&self, s: Span) -> Span {
        Span::new(self.offset(s.start), self.offset(s.end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_are_dropped_and_line_ends_are_newlines() {
        let input = "一\0、\u{1}总体\u{85}情况\u{c}\n正文\u{2028}完";
        let c = clean(input).expect("changed");
        assert_eq!(c.text, "一、总体\n情况\n正文\n完");
        assert_eq!(c.ignored.map(|(n, s)| (n, s.slice(input))), Some((2, "\0")));
        // Every offset of the cleaned text maps to a char boundary of the input, in order, and
        // each kept character to itself.
        let mut last = 0;
        for (i, ch) in c.text.char_indices() {
            let o = c.offset(i);
            assert!(o >= last && input.is_char_boundary(o));
            if ch != '\n' {
                assert!(input[o..].starts_with(ch), "{i}");
            }
            last = o;
        }
        assert_eq!(c.offset(c.text.len()), input.len());
        assert!(clean("一、总体情况\r\n\t正文\n").is_none());
    }
}
