//! Bytes in: UTF-8 (with or without BOM), UTF-16 (with a BOM, or told by its zero bytes),
//! GB18030/GBK; a few malformed bytes replaced by U+FFFD, with a warning, when asked.
//!
//! Reports scraped from government sites come as whatever the site served or the extractor
//! wrote: UTF-8 mostly, GBK from files saved on Chinese Windows, UTF-16 from Notepad's
//! "Unicode". [`parse_bytes`] decodes them with `encoding_rs` (the WHATWG decoders that
//! Firefox uses) and says which encoding it found.
//!
//! The detection rules are on [`decode`].

use std::borrow::Cow;
use std::fmt;

use encoding_rs::{DecoderResult, Encoding, GB18030, UTF_16BE, UTF_16LE};

use crate::{AnnualReport, Code, Diagnostic, ParseError, ParseOptions, Span};

/// The encoding a byte input was decoded from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TextEncoding {
    /// UTF-8, with or without a BOM.
    Utf8,
    /// UTF-16, little-endian, announced by the BOM `FF FE`.
    Utf16Le,
    /// UTF-16, big-endian, announced by the BOM `FE FF`.
    Utf16Be,
    /// GB18030, which includes GBK and GB2312: files saved by Chinese Windows ("ANSI").
    Gb18030,
}

impl TextEncoding {
    /// The encoding's name as in the WHATWG Encoding Standard: `UTF-8`, `UTF-16LE`,
    /// `UTF-16BE`, `gb18030`.
    pub fn name(self) -> &'static str {
        match self {
            TextEncoding::Utf8 => "UTF-8",
            TextEncoding::Utf16Le => "UTF-16LE",
            TextEncoding::Utf16Be => "UTF-16BE",
            TextEncoding::Gb18030 => "gb18030",
        }
    }

    fn encoding_rs(self) -> &'static Encoding {
        match self {
            TextEncoding::Utf8 => encoding_rs::UTF_8,
            TextEncoding::Utf16Le => UTF_16LE,
            TextEncoding::Utf16Be => UTF_16BE,
            TextEncoding::Gb18030 => GB18030,
        }
    }
}

impl fmt::Display for TextEncoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Text decoded from bytes by [`decode`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Decoded<'a> {
    /// The text, without the BOM. Borrowed from the input when it was UTF-8.
    pub text: Cow<'a, str>,
    /// The encoding detected.
    pub encoding: TextEncoding,
    /// Length in bytes of the byte-order mark the input started with (0 when none).
    pub bom_len: usize,
}

/// A report parsed from bytes, with the text it was decoded to (spans point into `text`).
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct DecodedReport {
    /// The encoding detected.
    pub encoding: TextEncoding,
    /// Length in bytes of the byte-order mark the input started with (0 when none); it is not
    /// part of `text`.
    pub bom_len: usize,
    /// The decoded text; the report's spans are offsets into it.
    pub text: String,
    /// The parsed report. When the input was not UTF-8 its diagnostics start with a
    /// [`Code::Decoded`] note naming the encoding.
    pub report: AnnualReport,
}

/// Detects the encoding of `bytes` and decodes them.
///
/// Detection, in order:
/// 1. A byte-order mark decides: `EF BB BF` UTF-8, `FF FE` UTF-16LE, `FE FF` UTF-16BE,
///    `84 31 95 33` GB18030. The bytes must then be valid in that encoding; there is no
///    fallback, since the BOM is the author's own declaration.
/// 2. Bytes that are valid UTF-8 are UTF-8. (GBK text of any length is almost never valid
///    UTF-8: its two-byte sequences put a byte ≥ `0x81` after a lead byte ≥ `0x81`, which UTF-8
///    allows only after specific lead bytes and in specific counts.)
/// 3. UTF-16 without a BOM, told by its zero bytes: the ASCII characters of the text (line
///    ends, digits, spaces) put a `00` at every odd offset (little-endian) or every even one
///    (big-endian), and no other encoding here has zero bytes but for NUL (at least one byte in
///    16 at one parity). The bytes must then be valid UTF-16 and read as more plausible report
///    text in UTF-16 than in GB18030 (GB18030 text with NULs has zero bytes).
/// 4. Otherwise the bytes are decoded strictly as GB18030, the superset of GBK and GB2312.
///
/// Decoding is strict: a byte sequence that is invalid in the chosen encoding is never
/// replaced by `U+FFFD`; it is a [`ParseError::Undecodable`] that gives its offset in the
/// input bytes. ([`parse_bytes_with`] with [`ParseOptions::lossy_decoding`] replaces a few.)
///
/// **The BOM is not part of the text.** The decoded text never starts with `U+FEFF` that came
/// from a BOM, so the same report saved as UTF-8, UTF-8 with a BOM, UTF-16 or GBK decodes to the
/// same text, and parses to the same model with the same spans. Spans are byte offsets into
/// [`DecodedReport::text`]; for UTF-8 input they are offsets into the input bytes after
/// [`DecodedReport::bom_len`] bytes.
///
/// ```
/// use gov_info_disclosure::{decode, TextEncoding};
/// // `一、总体情况` in GBK.
/// let gbk = b"\xd2\xbb\xa1\xa2\xd7\xdc\xcc\xe5\xc7\xe9\xbf\xf6";
/// let decoded = decode(gbk).unwrap();
/// assert_eq!(decoded.text, "一、总体情况");
/// assert_eq!(decoded.encoding, TextEncoding::Gb18030);
///
/// let utf8_bom = "\u{feff}一、总体情况".as_bytes();
/// let decoded = decode(utf8_bom).unwrap();
/// assert_eq!((&*decoded.text, decoded.bom_len), ("一、总体情况", 3));
/// ```
///
/// # Errors
/// [`ParseError::Undecodable`] with the offset of the first invalid byte: for input with a
/// BOM, in the encoding it announces; otherwise in whichever of UTF-8 and GB18030 finds
/// fewer malformed sequences (UTF-8 on a tie).
pub fn decode(bytes: &[u8]) -> Result<Decoded<'_>, ParseError> {
    decode_with(bytes, false).map(|(d, _)| d)
}

/// The most malformed sequences a lossy decoding replaces: one per 100 bytes. More, and the
/// bytes are no text in that encoding (or not text at all).
fn lossy_limit(len: usize) -> usize {
    len / 100
}

/// [`decode`], replacing up to [`lossy_limit`] malformed sequences by U+FFFD when `lossy`;
/// with the (byte offset in the input, offset in the text) of each replacement.
pub(crate) fn decode_with(
    bytes: &[u8],
    lossy: bool,
) -> Result<(Decoded<'_>, Vec<(usize, usize)>), ParseError> {
    const BOMS: [(&[u8], TextEncoding); 4] = [
        (b"\xef\xbb\xbf", TextEncoding::Utf8),
        (b"\xff\xfe", TextEncoding::Utf16Le),
        (b"\xfe\xff", TextEncoding::Utf16Be),
        (b"\x84\x31\x95\x33", TextEncoding::Gb18030),
    ];
    let limit = if lossy { lossy_limit(bytes.len()) } else { 0 };
    for (bom, encoding) in BOMS {
        if let Some(body) = bytes.strip_prefix(bom) {
            let bom_len = bom.len();
            if encoding == TextEncoding::Utf8 {
                if let Ok(text) = std::str::from_utf8(body) {
                    return Ok((Decoded { text: Cow::Borrowed(text), encoding, bom_len }, vec![]));
                }
            }
            let mut d = Decoding::of(encoding, body);
            d.bad.iter_mut().for_each(|b| b.0 += bom_len);
            return d.finish(limit, bom_len);
        }
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok((
            Decoded { text: Cow::Borrowed(text), encoding: TextEncoding::Utf8, bom_len: 0 },
            vec![],
        ));
    }
    if let Some(encoding) = utf16_by_zero_bytes(bytes) {
        let d = Decoding::of(encoding, bytes);
        // GB18030 text with NUL characters shows zero bytes too (`0\0信息内容`): UTF-16 only
        // where it reads as more plausible report text than GB18030 does.
        let gb = Decoding::of(TextEncoding::Gb18030, bytes);
        if d.bad.len() <= limit && plausibility(&d.text) > plausibility(&gb.text) {
            return d.finish(limit, 0);
        }
    }
    // Whichever finds fewer malformed sequences: a stray byte in UTF-8 text is one, while
    // reading that text as GB18030 pairs its bytes wrongly again and again.
    let gb = Decoding::of(TextEncoding::Gb18030, bytes);
    if gb.bad.is_empty() {
        return gb.finish(limit, 0);
    }
    let utf8 = Decoding::of(TextEncoding::Utf8, bytes);
    if utf8.bad.len() <= gb.bad.len() {
        utf8.finish(limit, 0)
    } else {
        gb.finish(limit, 0)
    }
}

/// The UTF-16 byte order that the zero bytes of `bytes` show, if any: at least one in 16 of
/// the bytes at one parity is `00` (the high byte of an ASCII character), and at most one in
/// 8 of as many at the other (NUL characters are rare, and UTF-8 and GB18030 have no other
/// zero byte).
fn utf16_by_zero_bytes(bytes: &[u8]) -> Option<TextEncoding> {
    if bytes.len() < 4 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let zeros = |parity: usize| bytes.iter().skip(parity).step_by(2).filter(|&&b| b == 0).count();
    let (even, odd) = (zeros(0), zeros(1));
    let half = bytes.len() / 2;
    let shows = |many: usize, few: usize| many * 16 >= half && few * 8 <= many;
    if shows(odd, even) {
        Some(TextEncoding::Utf16Le)
    } else if shows(even, odd) {
        Some(TextEncoding::Utf16Be)
    } else {
        None
    }
}

/// How much of `text` reads as a Chinese report's characters, in thousandths: ASCII text
/// characters (printable, tab, line ends), CJK punctuation (U+3000–U+303F), CJK ideographs
/// (U+4E00–U+9FFF) and full-width forms (U+FF00–U+FFEF). The other decoding of UTF-16 bytes
/// gives NULs and stray syllables, that of GB18030 bytes read as UTF-16 Hangul and rare
/// ideographs outside these ranges.
fn plausibility(text: &str) -> usize {
    let (mut plausible, mut all) = (0usize, 0usize);
    for c in text.chars() {
        all += 1;
        plausible += usize::from(matches!(c,
            '\t' | '\n' | '\r' | ' '..='~' | '\u{3000}'..='\u{303F}' | '\u{4E00}'..='\u{9FFF}'
                | '\u{FF00}'..='\u{FFEF}'));
    }
    (plausible * 1000).checked_div(all).unwrap_or(0)
}

/// All of some bytes decoded in one encoding, malformed sequences replaced by U+FFFD.
struct Decoding {
    encoding: TextEncoding,
    text: String,
    /// (byte offset, offset in `text`) of each malformed sequence.
    bad: Vec<(usize, usize)>,
}

impl Decoding {
    /// Decodes `bytes` (no BOM handling), counting every malformed sequence.
    fn of(encoding: TextEncoding, bytes: &[u8]) -> Self {
        let mut decoder = encoding.encoding_rs().new_decoder_without_bom_handling();
        let capacity =
            decoder.max_utf8_buffer_length_without_replacement(bytes.len()).unwrap_or(bytes.len());
        let mut text = String::with_capacity(capacity);
        let mut bad = Vec::new();
        let mut read_total = 0;
        loop {
            let rest = bytes.get(read_total..).unwrap_or_default();
            let (result, read) =
                decoder.decode_to_string_without_replacement(rest, &mut text, true);
            read_total += read;
            match result {
                DecoderResult::InputEmpty => break,
                // Only if the capacity estimate was short; give it room and go on.
                DecoderResult::OutputFull => text.reserve(rest.len().saturating_sub(read) * 3 + 16),
                // `read_total` includes the malformed sequence and the bytes read after it.
                DecoderResult::Malformed(b, after) => {
                    let at = read_total.saturating_sub(usize::from(b) + usize::from(after));
                    bad.push((at, text.len()));
                    text.push('\u{FFFD}');
                }
            }
        }
        Decoding { encoding, text, bad }
    }

    /// The decoding, if its malformed sequences are within `limit`; else the error naming the
    /// first.
    fn finish(
        self,
        limit: usize,
        bom_len: usize,
    ) -> Result<(Decoded<'static>, Vec<(usize, usize)>), ParseError> {
        match self.bad.first() {
            Some(&(offset, _)) if self.bad.len() > limit => {
                Err(ParseError::Undecodable { encoding: self.encoding.name(), offset })
            }
            _ => Ok((
                Decoded { text: Cow::Owned(self.text), encoding: self.encoding, bom_len },
                self.bad,
            )),
        }
    }
}

/// Decodes all of `bytes` strictly as `encoding` (no BOM handling): an HTML page's declared
/// charset.
#[cfg(feature = "html")]
pub(crate) fn decode_strict_as(encoding: TextEncoding, bytes: &[u8]) -> Option<Cow<'_, str>> {
    match encoding {
        TextEncoding::Utf8 => std::str::from_utf8(bytes).ok().map(Cow::Borrowed),
        _ => Decoding::of(encoding, bytes).finish(0, 0).ok().map(|(d, _)| d.text),
    }
}

/// Decodes `bytes` and parses them with the default [`ParseOptions`].
///
/// With the feature `html` (on by default), bytes that look like an HTML page — a leading
/// `<!DOCTYPE` or `<html` after a BOM and whitespace, or mostly markup in the first 4 KiB — are
/// read as one with `parse_html_bytes`: the page's declared charset
/// counts, and spans point into the decoded HTML.
///
/// ```
/// use gov_info_disclosure::{parse_bytes, ParseError};
/// let err = parse_bytes(b"\xff\xff\xff").unwrap_err();
/// assert!(matches!(err, ParseError::Undecodable { offset: 0, .. }));
/// ```
///
/// # Errors
/// [`ParseError::Undecodable`] when the bytes are valid in no supported encoding (see
/// [`decode`]), and every error of [`parse`](crate::parse).
pub fn parse_bytes(bytes: &[u8]) -> Result<DecodedReport, ParseError> {
    parse_bytes_with(bytes, &ParseOptions::default())
}

/// Decodes `bytes` and parses them with `options`.
///
/// [`ParseOptions::max_input_len`] applies to the bytes before decoding (so that nothing is
/// decoded past the limit) and again to the decoded text, which GBK makes up to 1.5× longer.
///
/// # Errors
/// [`ParseError::TooLarge`] for bytes over the limit, then as [`parse_bytes`].
pub fn parse_bytes_with(bytes: &[u8], options: &ParseOptions) -> Result<DecodedReport, ParseError> {
    if bytes.len() > options.max_input_len {
        return Err(ParseError::TooLarge { len: bytes.len(), limit: options.max_input_len });
    }
    #[cfg(feature = "html")]
    if crate::html::looks_like_html(bytes) {
        return crate::html::parse_html_bytes_with(bytes, options);
    }
    let (Decoded { text, encoding, bom_len }, replaced) =
        decode_with(bytes, options.lossy_decoding)?;
    // A UTF-16 page shows its markup only once decoded.
    #[cfg(feature = "html")]
    if matches!(encoding, TextEncoding::Utf16Le | TextEncoding::Utf16Be)
        && crate::html::looks_like_html(text.as_bytes())
    {
        let mut decoded = crate::html::parse_decoded_html(text.into_owned(), encoding, options)?;
        decoded.bom_len = bom_len;
        return Ok(decoded);
    }
    let text = text.into_owned();
    let mut report = crate::parse_with(&text, options)?;
    note_decoding(&mut report, encoding);
    note_replaced(&mut report, &text, encoding, &replaced);
    Ok(DecodedReport { encoding, bom_len, text, report })
}

/// Says first, on a report read from bytes that were not UTF-8, which encoding they were
/// decoded from (spans index the decoded text, not the bytes).
pub(crate) fn note_decoding(report: &mut crate::AnnualReport, encoding: TextEncoding) {
    if encoding != TextEncoding::Utf8 {
        report.diagnostics.insert(
            0,
            Diagnostic::note(
                Code::Decoded,
                Span::empty(0),
                format!("input is not UTF-8: decoded from {encoding}"),
            )
            .with_note("spans are byte offsets into the decoded UTF-8 text"),
        );
    }
}

/// One `invalid-bytes` warning for the malformed sequences a lossy decoding replaced by
/// U+FFFD (`replaced`: byte offset in the input, offset in the text), at the first, with the
/// byte offsets (the first ten).
fn note_replaced(
    report: &mut AnnualReport,
    text: &str,
    encoding: TextEncoding,
    replaced: &[(usize, usize)],
) {
    let Some(&(_, first)) = replaced.first() else { return };
    let shown: Vec<String> = replaced.iter().take(10).map(|b| b.0.to_string()).collect();
    let more = if replaced.len() > 10 { ", …" } else { "" };
    let span = Span::new(first, (first + '\u{FFFD}'.len_utf8()).min(text.len()));
    report.diagnostics.insert(
        0,
        Diagnostic::warning(
            Code::InvalidBytes,
            span,
            format!(
                "expected {encoding}, found {} malformed byte sequence(s) at byte {}{more}; \
                 replaced each by U+FFFD",
                replaced.len(),
                shown.join(", ")
            ),
        )
        .with_note("ParseOptions::lossy_decoding(false) makes this an error"),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(bytes: &[u8]) -> (String, TextEncoding, usize) {
        let d = decode(bytes).unwrap();
        (d.text.into_owned(), d.encoding, d.bom_len)
    }

    fn err(bytes: &[u8]) -> (&'static str, usize) {
        match decode(bytes) {
            Err(ParseError::Undecodable { encoding, offset }) => (encoding, offset),
            other => panic!("expected Undecodable, got {other:?}"),
        }
    }

    #[test]
    fn detects_each_encoding() {
        let text = "一、总体情况\r\n（一）主动公开 12\t3 € 𠀀";
        let with_bom = |bom: &[u8], body: &[u8]| [bom, body].concat();
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        let (gb, _, unmappable) = GB18030.encode(text);
        assert!(!unmappable);
        let cases = [
            (text.as_bytes().to_vec(), TextEncoding::Utf8, 0),
            (with_bom(b"\xef\xbb\xbf", text.as_bytes()), TextEncoding::Utf8, 3),
            (with_bom(b"\xff\xfe", &le), TextEncoding::Utf16Le, 2),
            (with_bom(b"\xfe\xff", &be), TextEncoding::Utf16Be, 2),
            (gb.to_vec(), TextEncoding::Gb18030, 0),
            (with_bom(b"\x84\x31\x95\x33", &gb), TextEncoding::Gb18030, 4),
        ];
        for (bytes, encoding, bom_len) in cases {
            assert_eq!(ok(&bytes), (text.to_string(), encoding, bom_len), "{encoding}");
        }
    }

    #[test]
    fn gbk_file_is_gb18030() {
        // `政府信息公开` in GBK (code page 936), as Chinese Windows saves it.
        let gbk = b"\xd5\xfe\xb8\xae\xd0\xc5\xcf\xa2\xb9\xab\xbf\xaa";
        assert_eq!(ok(gbk), ("政府信息公开".to_string(), TextEncoding::Gb18030, 0));
    }

    #[test]
    fn utf8_input_is_borrowed() {
        let bytes = "\u{feff}abc".as_bytes();
        assert!(matches!(decode(bytes).unwrap().text, Cow::Borrowed("abc")));
    }

    #[test]
    fn undecodable_offsets_are_real() {
        // 0xFF is invalid in UTF-8 and is no GB18030 lead byte.
        assert_eq!(err(b"abc\xff\xffdef"), ("UTF-8", 3));
        // GB18030 gets further than UTF-8: `\xd2\xbb` (一) is fine, `\x81\x20` is not.
        // (`\xd5\xfe` is 政 in GBK and invalid UTF-8.)
        assert_eq!(err(b"ab\xd5\xfecd\x81\x20"), ("gb18030", 6));
        // A BOM declares the encoding: no fallback to GB18030, offsets count the BOM.
        assert_eq!(err(b"\xef\xbb\xbfab\xd5\xfe"), ("UTF-8", 5));
        // UTF-16: an odd trailing byte, and an unpaired surrogate.
        assert_eq!(err(b"\xff\xfeA\x00B"), ("UTF-16LE", 4));
        assert_eq!(err(b"\xff\xfeA\x00\x00\xd8A\x00"), ("UTF-16LE", 4));
        assert_eq!(err(b"\xfe\xff\x00A\xdc\x00"), ("UTF-16BE", 4));
        // A GB18030 four-byte sequence cut short at the end.
        assert_eq!(err(b"\xd5\xfe\x81\x30\x81"), ("gb18030", 2));
        // A tie goes to UTF-8: `\xd2\xbb` is valid in both, `\x81` in neither here.
        assert_eq!(err(b"\xd2\xbb\x81\x20"), ("UTF-8", 2));
    }

    #[test]
    fn lossy_decoding_takes_the_encoding_with_fewer_errors() {
        let text = "一、总体情况\n本年度无变化。\n二、主动公开政府信息情况\n".repeat(4);
        let (gb, _, _) = GB18030.encode(&text);
        let mut gb = gb.into_owned();
        gb.insert(8, 0xFF);
        let (d, bad) = decode_with(&gb, true).unwrap();
        assert_eq!((d.encoding, bad.len(), bad[0].0), (TextEncoding::Gb18030, 1, 8));
        assert_eq!(d.text.replace('\u{FFFD}', ""), text);
        // Strict, or past one bad sequence per 100 bytes: an error.
        assert!(decode_with(&gb, false).is_err());
        assert!(decode_with(b"\xff\xff\xff", true).is_err());
        // Zero bytes at neither parity, or at both: no UTF-16.
        assert_eq!(utf16_by_zero_bytes(&gb), None);
        assert_eq!(utf16_by_zero_bytes(b"\0\0\0\0"), None);
        assert_eq!(utf16_by_zero_bytes(b"a\0b\0"), Some(TextEncoding::Utf16Le));
        assert_eq!(utf16_by_zero_bytes(b"\0a\0b"), Some(TextEncoding::Utf16Be));
    }

    #[test]
    fn empty_and_bom_only() {
        assert_eq!(ok(b""), (String::new(), TextEncoding::Utf8, 0));
        assert_eq!(ok(b"\xff\xfe"), (String::new(), TextEncoding::Utf16Le, 2));
        assert_eq!(parse_bytes(b"\xef\xbb\xbf").unwrap_err(), ParseError::Empty);
    }

    #[test]
    fn byte_limit_applies_before_decoding() {
        let options = ParseOptions::new().max_input_len(4);
        let err = parse_bytes_with(b"\xff\xff\xff\xff\xff", &options).unwrap_err();
        assert_eq!(err, ParseError::TooLarge { len: 5, limit: 4 });
    }

    #[test]
    fn decoded_note_names_the_encoding() {
        let (gb, _, _) = GB18030.encode("一、总体情况\n本年度无变化。\n");
        let decoded = parse_bytes(&gb).unwrap();
        assert_eq!(decoded.encoding, TextEncoding::Gb18030);
        let note = &decoded.report.diagnostics[0];
        assert_eq!(note.code, Code::Decoded);
        assert_eq!(note.message, "input is not UTF-8: decoded from gb18030");
    }
}
