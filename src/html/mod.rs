//! Raw HTML pages in (feature `html`).
//!
//! A page is projected onto report text (see `project`): block elements end lines, a data
//! table's rows become tab-delimited lines with merged cells expanded, scripts, styles,
//! comments, the `<head>` and site navigation are dropped, the text is cut to the page's
//! content block (the smallest element holding the title and the level-1 headings; the rest is
//! kept as [`Preamble::chrome`](crate::Preamble::chrome) / [`AnnualReport::trailer`] with a
//! `site-chrome` note), and the page's `<title>` and
//! `<meta name="ArticleTitle|PubDate|ContentSource|Author">` become a crawler-style header.
//! The text parser reads that text; then every span of the report is mapped back to the HTML,
//! so spans index the page the caller passed and [`AnnualReport::check_coverage`] holds over
//! it.
//!
//! The tokenizer is html5gum: it implements the WHATWG tokenizer (it passes the html5lib
//! tokenizer tests), so entities, raw-text elements, unquoted attributes and tag soup read as
//! a browser reads them; and it reports the byte span of every token and attribute value,
//! which the span map needs. A tree builder (html5ever) is not needed: the projection only
//! needs element nesting for tables and for skipping chrome, which a bounded stack of open
//! elements gives on malformed input too.

mod project;

use encoding_rs::Encoding;

use crate::encoding::decode_strict_as;
use crate::{
    decode, AnnualReport, Code, Decoded, DecodedReport, Diagnostic, ParseError, ParseOptions,
    TextEncoding,
};

/// Parses an HTML page with the default [`ParseOptions`].
///
/// Spans in the report are byte ranges of `html`.
///
/// ```
/// use gov_info_disclosure::parse_html;
/// let html = "<html><body><h1>某县某镇人民政府2023年政府信息公开工作年度报告</h1>\
///     <p>一、总体情况</p><p>2023年，我镇扎实推进政府信息公开工作。</p></body></html>";
/// let report = parse_html(html).unwrap();
/// assert_eq!(report.title, "某县某镇人民政府2023年政府信息公开工作年度报告");
/// let p = &report.sections[0].paragraphs[0];
/// assert_eq!(p.span.slice(html), "2023年，我镇扎实推进政府信息公开工作。");
/// assert!(report.check_coverage().is_ok());
/// ```
///
/// # Errors
/// As [`parse`](crate::parse), on the page's text.
pub fn parse_html(html: &str) -> Result<AnnualReport, ParseError> {
    parse_html_with(html, &ParseOptions::default())
}

/// Parses an HTML page with the given options.
///
/// # Errors
/// [`ParseError::TooLarge`] when the HTML is over [`ParseOptions::max_input_len`], then as
/// [`parse_with`](crate::parse_with) on the page's text.
pub fn parse_html_with(html: &str, options: &ParseOptions) -> Result<AnnualReport, ParseError> {
    if html.len() > options.max_input_len {
        return Err(ParseError::TooLarge { len: html.len(), limit: options.max_input_len });
    }
    let projection = project::project(html);
    let mut report = crate::parse_with(&projection.text, options)?;
    report.map_spans(&mut |s| projection.map(s));
    // The markup before the first piece of text (doctype, <head> …) is the preamble's.
    report.span.start = 0;
    report.preamble.span.start = 0;
    let [before, after] = projection.outside;
    if before.is_some() || after.is_some() {
        report.preamble.chrome.splice(0..0, before);
        report.trailer.extend(after);
        let first = before.or(after).unwrap_or_default();
        let mut d = Diagnostic::note(
            Code::SiteChrome,
            first,
            "expected the report, found the page's site chrome around its content block \
             (the smallest element holding the title and the level-1 headings); kept out of \
             the report",
        );
        if let (Some(_), Some(a)) = (before, after) {
            d = d.with_label(a, "site chrome after the content block");
        }
        report.diagnostics.push(d);
    }
    for &header in &projection.extra_headers {
        report.diagnostics.push(Diagnostic::note(
            Code::RaggedRow,
            header,
            "found a 小计 (subtotal) column, which the official table does not have (its \
             columns total in 总计); left it out of the table",
        ));
    }
    debug_assert_eq!(report.check_coverage(), Ok(()), "html spans");
    Ok(report)
}

/// Decodes an HTML page's bytes and parses it with the default [`ParseOptions`].
///
/// The charset: a byte-order mark, else the page's own `<meta charset=…>` or
/// `<meta http-equiv="Content-Type" content="…; charset=…">` in its first 4 KiB when that is
/// UTF-8 or GBK/GB2312/GB18030 and the bytes decode strictly in it, else the detection of
/// [`decode`]. Spans point into [`DecodedReport::text`].
///
/// ```
/// use gov_info_disclosure::{parse_html_bytes, TextEncoding};
/// let html = "<html><head><meta charset=gbk></head><body><p>某县2023年政府信息公开工作年度报告</p>\
///     <p>一、总体情况</p><p>本年度无变化。</p></body></html>";
/// let (gbk, _, _) = encoding_rs::GBK.encode(html);
/// let decoded = parse_html_bytes(&gbk).unwrap();
/// assert_eq!(decoded.encoding, TextEncoding::Gb18030);
/// assert_eq!(decoded.report.year, Some(2023));
/// ```
///
/// # Errors
/// [`ParseError::Undecodable`] as [`decode`], and every error of [`parse_html`].
pub fn parse_html_bytes(bytes: &[u8]) -> Result<DecodedReport, ParseError> {
    parse_html_bytes_with(bytes, &ParseOptions::default())
}

/// Decodes an HTML page's bytes (see [`parse_html_bytes`]) and parses it with `options`.
///
/// # Errors
/// [`ParseError::TooLarge`] for bytes over the limit, then as [`parse_html_bytes`].
pub fn parse_html_bytes_with(
    bytes: &[u8],
    options: &ParseOptions,
) -> Result<DecodedReport, ParseError> {
    if bytes.len() > options.max_input_len {
        return Err(ParseError::TooLarge { len: bytes.len(), limit: options.max_input_len });
    }
    let Decoded { text, encoding, bom_len } = decode_html(bytes)?;
    let mut decoded = parse_decoded_html(text.into_owned(), encoding, options)?;
    decoded.bom_len = bom_len;
    Ok(decoded)
}

/// Parses a page decoded from `encoding`; a note says so when that was not UTF-8.
pub(crate) fn parse_decoded_html(
    text: String,
    encoding: TextEncoding,
    options: &ParseOptions,
) -> Result<DecodedReport, ParseError> {
    let bom_len = 0;
    let mut report = parse_html_with(&text, options)?;
    crate::encoding::note_decoding(&mut report, encoding);
    Ok(DecodedReport { encoding, bom_len, text, report })
}

/// Decodes an HTML page: BOM, then the declared charset, then [`decode`]'s detection.
fn decode_html(bytes: &[u8]) -> Result<Decoded<'_>, ParseError> {
    let has_bom = [&b"\xef\xbb\xbf"[..], b"\xff\xfe", b"\xfe\xff", b"\x84\x31\x95\x33"]
        .iter()
        .any(|b| bytes.starts_with(b));
    if !has_bom {
        if let Some(declared) = declared_charset(bytes) {
            let wanted = if declared == encoding_rs::UTF_8 {
                Some(TextEncoding::Utf8)
            } else if declared == encoding_rs::GBK || declared == encoding_rs::GB18030 {
                Some(TextEncoding::Gb18030)
            } else {
                None
            };
            if let Some(enc) = wanted {
                if let Some(text) = decode_strict_as(enc, bytes) {
                    return Ok(Decoded { text, encoding: enc, bom_len: 0 });
                }
            }
        }
    }
    decode(bytes)
}

/// The charset a page declares in a `<meta>` among its first 4 KiB (the WHATWG prescan's
/// window is 1024 bytes; pages with long `<head>`s put it later), as encoding_rs knows it.
fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut from = 0;
    while let Some(k) = find(&lower[from..], b"<meta") {
        let start = from + k;
        let end = find(&lower[start..], b">").map_or(lower.len(), |e| start + e);
        let tag = &lower[start..end];
        if let Some(c) = find(tag, b"charset") {
            let rest = &tag[c + 7..];
            let rest = rest.iter().position(|&b| b == b'=').map(|p| &rest[p + 1..]);
            if let Some(rest) = rest {
                let label: Vec<u8> = rest
                    .iter()
                    .copied()
                    .skip_while(|b| b.is_ascii_whitespace() || *b == b'"' || *b == b'\'')
                    .take_while(|b| {
                        b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.')
                    })
                    .collect();
                if let Some(e) = Encoding::for_label(&label) {
                    return Some(e);
                }
            }
        }
        from = end.max(start + 1);
    }
    None
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(hay, needle)
}

/// Whether bytes are an HTML page rather than text: after a BOM and whitespace they start with
/// `<!DOCTYPE` or `<html` (any case), or `<` … `>` markup makes up most of the first 4 KiB
/// (a page saved without its doctype).
pub(crate) fn looks_like_html(bytes: &[u8]) -> bool {
    let body =
        [&b"\xef\xbb\xbf"[..]].iter().fold(bytes, |b, bom| b.strip_prefix(*bom).unwrap_or(b));
    let start = body.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(body.len());
    let lead: Vec<u8> = body[start..].iter().take(9).map(u8::to_ascii_lowercase).collect();
    if lead.starts_with(b"<!doctype") || lead.starts_with(b"<html") {
        return true;
    }
    let window = &body[start..body.len().min(start + 4096)];
    if window.first() != Some(&b'<') {
        return false;
    }
    // Bytes inside tags: a page's head and first blocks are mostly markup; a report's text
    // that merely mentions `<` has little.
    let (mut inside, mut tags, mut in_tag) = (0usize, 0usize, false);
    for &b in window {
        match b {
            b'<' => {
                in_tag = true;
                tags += 1;
            }
            b'>' => in_tag = false,
            _ if in_tag => inside += 1,
            _ => {}
        }
    }
    tags >= 4 && inside * 2 >= window.len()
}

/// The text an HTML page projects to (what the text parser reads), for debugging and fuzzing.
#[doc(hidden)]
#[cfg(feature = "internals")]
pub(crate) fn projection(html: &str) -> String {
    project::project(html).text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declared_charsets() {
        let c = |s: &str| declared_charset(s.as_bytes()).map(Encoding::name);
        assert_eq!(c("<meta charset=gbk>"), Some("GBK"));
        assert_eq!(c("<META CHARSET=\"GB2312\" />"), Some("GBK"));
        assert_eq!(
            c("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb18030\">"),
            Some("gb18030")
        );
        assert_eq!(c("<meta charset='utf-8'>"), Some("UTF-8"));
        // Not in a <meta>, or an unknown label: nothing declared.
        assert_eq!(c("<p>charset=gbk</p>"), None);
        assert_eq!(c("<meta charset=klingon>"), None);
        // Only the first 4 KiB count.
        assert_eq!(c(&format!("{}<meta charset=gbk>", " ".repeat(5000))), None);
    }

    #[test]
    fn pages_are_told_from_text() {
        let html = |s: &str| looks_like_html(s.as_bytes());
        assert!(html("<!DOCTYPE html><html>"));
        assert!(html("\u{feff} \n<HTML lang=zh>"));
        assert!(html(
            "<div class=\"a\"><p style=\"x\">一、总体情况</p><p style=\"y\">正文</p></div>"
        ));
        assert!(!html("一、总体情况\n<p>是一个标签。\n"));
        assert!(!html("<一>、总体情况，本年度工作有序开展，全年主动公开政府信息。"));
        assert!(!html(""));
    }
}
