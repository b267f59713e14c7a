//! Full-width/half-width folding, used only for matching.
//!
//! PDF extractors and authors mix `（一）` and `(一)`, `１２` and `12`, U+3000 and ASCII spaces.
//! Matching folds both forms to ASCII; the input itself is never rewritten, so spans keep
//! pointing at the original bytes. This is deliberately NOT Unicode NFKC: NFKC turns `①` into
//! `1` and `⑴` into `(1)`, which would make fake headings out of list bullets.

/// Folds one character for matching.
///
/// Rule: U+FF01–U+FF5E (full-width ASCII forms) → U+0021–U+007E; U+3000 (ideographic space),
/// U+00A0 (NBSP) and U+2002–U+200A (en space … hair space) → `' '`; the curly double quotes
/// `“` `”` `„` and `″` → `"` (`“三安全一稳定”` vs `"三安全一稳定"`, docs/format.md §6.2); the hyphens
/// U+2010, U+2011 and the minus sign U+2212 → `-`; anything else unchanged. The one fold of
/// the crate: headings, dates, page numbers, front matter and table cells all match through it.
///
/// ```
/// use gov_info_disclosure::parsers::fold_char;
/// assert_eq!(fold_char('（'), '(');
/// assert_eq!(fold_char('１'), '1');
/// assert_eq!(fold_char('\u{3000}'), ' ');
/// assert_eq!(fold_char('“'), '"');
/// // Not folded: CJK punctuation that has no ASCII twin, and circled digits.
/// assert_eq!(fold_char('、'), '、');
/// assert_eq!(fold_char('①'), '①');
/// ```
pub fn fold_char(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' | '\u{00A0}' | '\u{2002}'..='\u{200A}' => ' ',
        '“' | '”' | '„' | '″' => '"',
        '‐' | '‑' | '−' => '-',
        _ => c,
    }
}

/// Whether a character is skipped entirely when matching: the BOM (U+FEFF), zero-width space,
/// non-joiner and joiner (U+200B–U+200D), word joiner (U+2060).
///
/// ```
/// use gov_info_disclosure::parsers::is_ignorable;
/// assert!(is_ignorable('\u{FEFF}'));
/// assert!(!is_ignorable(' '));
/// ```
pub fn is_ignorable(c: char) -> bool {
    matches!(c, '\u{FEFF}' | '\u{200B}'..='\u{200D}' | '\u{2060}')
}

/// Whether a character is a space once folded (any Unicode whitespace, including U+3000).
///
/// ```
/// use gov_info_disclosure::parsers::is_space;
/// assert!(is_space('\u{3000}') && is_space('\t') && !is_space('一'));
/// ```
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || fold_char(c) == ' '
}

/// Whether a character separates words or cells: a space ([`is_space`]) or an ignorable
/// ([`is_ignorable`]: a zero-width space between two numbers still parts them).
pub(crate) fn is_blank(c: char) -> bool {
    match c {
        ' ' | '\t'..='\r' => true,
        // No other ASCII character, nothing from U+3001 on (CJK text, full-width forms) but
        // U+FEFF: the common characters need no Unicode table (`is_blank_matches_its_definition`).
        '\0'..='\u{7F}' | '\u{3001}'..='\u{FEFE}' | '\u{FF00}'.. => false,
        _ => is_space(c) || is_ignorable(c),
    }
}

/// A folded copy of some text, with the map back to the original byte offsets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Folded {
    /// The folded text (ignorable characters dropped).
    pub text: String,
    /// For each char of `text`, in order: (byte offset in `text`, byte offset in the original).
    map: Vec<(usize, usize)>,
    original_len: usize,
}

impl Folded {
    /// The byte offset in the original text of folded byte offset `offset` (the start of the
    /// original character that produced it; `offset == text.len()` maps to the original end).
    pub fn original_offset(&self, offset: usize) -> usize {
        match self.map.binary_search_by_key(&offset, |&(f, _)| f) {
            Ok(i) => self.map[i].1,
            Err(i) => self.map.get(i).map_or(self.original_len, |&(_, o)| o),
        }
    }
}

/// Folds a whole string with [`fold_char`], dropping [`is_ignorable`] characters, and keeps
/// the map back to the original offsets. Idempotent: `fold(fold(s).text) == fold(s).text`.
///
/// ```
/// use gov_info_disclosure::parsers::fold;
/// let f = fold("\u{FEFF}（一）１２");
/// assert_eq!(f.text, "(一)12");
/// assert_eq!(f.original_offset(1), 6); // `一` starts after the BOM and `（`
/// assert_eq!(f.original_offset(f.text.len()), "\u{FEFF}（一）１２".len());
/// ```
pub fn fold(s: &str) -> Folded {
    let mut text = String::with_capacity(s.len());
    let mut map = Vec::with_capacity(s.len() / 2);
    for (i, c) in s.char_indices() {
        if is_ignorable(c) {
            continue;
        }
        map.push((text.len(), i));
        text.push(fold_char(c));
    }
    Folded { text, map, original_len: s.len() }
}

/// [`fold`]'s text without its offset map and with all whitespace dropped: the form keyword
/// matchers use, so that a word broken by PDF spacing (`〔2021〕30 号`, sample 001) still
/// matches. (The map costs 16 bytes per character, 8× a CJK input with `fold`'s reservation.)
pub(crate) fn fold_compact(s: &str) -> String {
    fold_into_string(s, true)
}

/// Whether [`fold_compact`] drops `c`: an ignorable, or a character that folds to whitespace.
fn is_compact_dropped(c: char) -> bool {
    is_ignorable(c) || fold_char(c).is_whitespace()
}

/// The characters of [`fold_compact`]`(s)`, produced lazily and in either direction, for
/// matchers that look at a few characters at a place: no folded copy of the whole input.
pub(crate) fn compact_chars(s: &str) -> impl DoubleEndedIterator<Item = char> + '_ {
    s.chars().filter(|&c| !is_compact_dropped(c)).map(fold_char)
}

/// Whether [`fold_compact`]`(s)` starts with `prefix`, without copying `s`. `prefix` must be
/// folded and compact itself (`fold_compact(prefix) == prefix`), as matchers' keywords are.
///
/// The bytes are compared first: where they agree, `s` holds `prefix`'s own characters, which
/// folding keeps. At the first difference, a character that folding can neither drop nor
/// change ([`may_change`] is false for its first byte) settles it; only a space, an ignorable
/// or a full-width form there needs the character-by-character comparison.
pub(crate) fn compact_starts_with(s: &str, prefix: &str) -> bool {
    debug_assert_eq!(fold_compact(prefix), prefix, "prefix must be folded and compact");
    // Most calls differ at the first byte, on a character that folding keeps.
    match (s.as_bytes().first(), prefix.as_bytes().first()) {
        (_, None) => return true,
        (Some(&a), Some(&b)) if a != b && !may_change(a) => return false,
        _ => {}
    }
    let common = s.bytes().zip(prefix.bytes()).take_while(|(a, b)| a == b).count();
    if common == prefix.len() {
        return true;
    }
    // The start of the character of `s` where the bytes differ.
    let Some(at) = (0..=common).rev().find(|&i| s.is_char_boundary(i)) else { return false };
    if !s.as_bytes().get(at).is_some_and(|&b| may_change(b)) {
        return false;
    }
    let mut chars = compact_chars(s);
    prefix.chars().all(|p| chars.next() == Some(p))
}

/// Whether [`fold_compact`]`(s)` ends with `suffix` (folded and compact itself), without
/// copying `s`: walks back from the end only as far as `suffix` needs, spaces skipped.
pub(crate) fn compact_ends_with(s: &str, suffix: &str) -> bool {
    debug_assert_eq!(fold_compact(suffix), suffix, "suffix must be folded and compact");
    let mut chars = compact_chars(s).rev();
    suffix.chars().rev().all(|c| chars.next() == Some(c))
}

/// Bytes that can start a character that folding, [`is_space`] or [`is_ignorable`] cares
/// about: ASCII whitespace and the UTF-8 lead bytes `C2`, `E1`, `E2`, `E3`, `EF` (see
/// [`fold_into_string`]). A table: one load per byte in the scanning loops.
const MAY_CHANGE: [bool; 256] = {
    let mut t = [false; 256];
    let special = [b'\t', b'\n', 0x0B, 0x0C, b'\r', b' ', 0xC2, 0xE1, 0xE2, 0xE3, 0xEF];
    let mut k = 0;
    while k < special.len() {
        t[special[k] as usize] = true;
        k += 1;
    }
    t
};

/// Whether byte `b` may start a space, an ignorable or a character that [`fold_char`] changes.
/// Every other byte (ASCII non-space, continuation bytes, other lead bytes) can be copied as is.
pub(crate) fn may_change(b: u8) -> bool {
    MAY_CHANGE[usize::from(b)]
}

/// The length of the UTF-8 sequence that byte `b` starts (1 for a continuation byte, which
/// never starts one). The scanning loops step from character to character with it: in Chinese
/// text two bytes in three are continuation bytes, which can start nothing of interest.
/// A table: a `match` on the ranges cost more than the rest of the loop.
pub(crate) fn char_len(b: u8) -> usize {
    const LEN: [u8; 256] = {
        let mut t = [1u8; 256];
        let mut b = 0xC0;
        while b <= 0xFF {
            t[b] = match b {
                0xC0..=0xDF => 2,
                0xE0..=0xEF => 3,
                _ => 4,
            };
            b += 1;
        }
        t
    };
    usize::from(LEN[usize::from(b)])
}

/// Whether the character that starts at byte `i` of `bytes` (UTF-8) is a space
/// ([`is_space`]) or an ignorable, which normalizing drops or collapses. Read from the bytes
/// without decoding: only ASCII whitespace and the UTF-8 sequences of the few non-ASCII spaces
/// and ignorables match (U+0085, U+00A0: `C2 xx`; U+1680: `E1 9A 80`; U+2000–U+200D, U+2028,
/// U+2029, U+202F, U+205F, U+2060: `E2 80 xx`, `E2 81 xx`; U+3000: `E3 80 80`; U+FEFF:
/// `EF BB BF`). CJK punctuation shares the lead bytes `E3` and `EF` (`。` is `E3 80 82`, `，` is
/// `EF BC 8C`), so the bytes are compared instead of decoding each such character. A continuation byte (`80`–`BF`) never matches.
pub(crate) fn is_blank_at(bytes: &[u8], i: usize) -> bool {
    let at = |k: usize| bytes.get(i + k).copied().unwrap_or(0);
    match at(0) {
        b'\t'..=b'\r' | b' ' => true,
        0xC2 => matches!(at(1), 0x85 | 0xA0),
        0xE1 => at(1) == 0x9A && at(2) == 0x80,
        0xE2 => {
            matches!((at(1), at(2)), (0x80, 0x80..=0x8D | 0xA8 | 0xA9 | 0xAF) | (0x81, 0x9F | 0xA0))
        }
        0xE3 => at(1) == 0x80 && at(2) == 0x80,
        0xEF => at(1) == 0xBB && at(2) == 0xBF,
        _ => false,
    }
}

/// The spaces ([`is_space`]) and ignorables of `s`, with their byte offsets, in order; found
/// from the bytes (see [`is_blank_at`]), so text without any costs two table lookups per
/// character ([`may_change`], [`char_len`]).
pub(crate) fn blanks(s: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    let bytes = s.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while let Some(&b) = bytes.get(i) {
            if may_change(b) && is_blank_at(bytes, i) {
                let c = s.get(i..)?.chars().next()?;
                i += c.len_utf8();
                return Some((i - c.len_utf8(), c));
            }
            i += char_len(b);
        }
        None
    })
}

/// Copies `s`, folded, ignorables (and with `drop_spaces`, whitespace) dropped. Works on bytes
/// and copies unchanged runs whole: a character can change only if it is ASCII whitespace or
/// starts with one of the UTF-8 lead bytes `C2` (U+0085, U+00A0), `E1` (U+1680), `E2`
/// (U+2000–U+206F), `E3` (U+3000) or `EF` (U+FEFF, U+FF01–U+FF5E): most characters fold to
/// themselves.
fn fold_into_string(s: &str, drop_spaces: bool) -> String {
    let bytes = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut copied = 0; // bytes before `copied` are in `out` (or dropped)
    let mut i = 0;
    while i < bytes.len() {
        if !may_change(bytes[i]) {
            i += char_len(bytes[i]);
            continue;
        }
        // An ASCII byte or a lead byte: `i` is a char boundary.
        let Some(c) = s.get(i..).and_then(|rest| rest.chars().next()) else { break };
        let folded = fold_char(c);
        let dropped = is_ignorable(c) || (drop_spaces && folded.is_whitespace());
        if dropped || folded != c {
            out.push_str(s.get(copied..i).unwrap_or_default());
            if !dropped {
                out.push(folded);
            }
            copied = i + c.len_utf8();
        }
        i += c.len_utf8();
    }
    out.push_str(s.get(copied..).unwrap_or_default());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_char_table() {
        let cases = [
            ('（', '('),
            ('）', ')'),
            ('．', '.'),
            ('：', ':'),
            ('０', '0'),
            ('９', '9'),
            ('Ａ', 'A'),
            ('～', '~'),
            ('\u{3000}', ' '),
            ('\u{00A0}', ' '),
            ('\u{2002}', ' '),
            ('\u{200A}', ' '),
            ('“', '"'),
            ('”', '"'),
            ('‐', '-'),
            ('−', '-'),
            // unchanged
            ('、', '、'),
            ('。', '。'),
            ('①', '①'),
            ('〇', '〇'),
            ('a', 'a'),
            ('\u{200B}', '\u{200B}'),
        ];
        for (input, want) in cases {
            assert_eq!(fold_char(input), want, "fold_char({input:?})");
        }
    }

    #[test]
    fn is_blank_matches_its_definition() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_blank(c), is_space(c) || is_ignorable(c), "{c:?}");
        }
    }

    #[test]
    fn folding_without_the_map_agrees_with_fold() {
        for s in ["", "abc", "（一）主动 公开", "\u{FEFF}\u{200B}２０２３\u{3000}年", "a\tb\n"]
        {
            let folded = fold(s).text;
            assert_eq!(fold_into_string(s, false), folded);
            let compact: String = folded.chars().filter(|c| !c.is_whitespace()).collect();
            assert_eq!(fold_compact(s), compact);
        }
    }

    proptest::proptest! {
        #[test]
        fn folding_without_the_map_agrees_with_fold_on_any_mix(
            v in proptest::collection::vec(proptest::sample::select(vec![
                'a', ' ', '\t', '\n', '\u{85}', '\u{A0}', '\u{1680}', '\u{2002}', '\u{200B}',
                '\u{2028}', '\u{202F}', '\u{205F}', '\u{2060}', '\u{3000}', '\u{FEFF}', '（',
                '１', '～', '\u{FF5F}', '、', '。', '“', '政', 'é', '①',
            ]), 0..40)
        ) {
            let s: String = v.into_iter().collect();
            let folded = fold(&s).text;
            proptest::prop_assert_eq!(fold_into_string(&s, false), folded.clone());
            let compact: String = folded.chars().filter(|c| !c.is_whitespace()).collect();
            proptest::prop_assert_eq!(fold_compact(&s), compact.clone());
            proptest::prop_assert_eq!(compact_chars(&s).collect::<String>(), compact.clone());
            let reversed: String = compact_chars(&s).rev().collect();
            proptest::prop_assert_eq!(reversed, compact.chars().rev().collect::<String>());
            for (i, _) in compact.char_indices() {
                proptest::prop_assert!(compact_starts_with(&s, &compact[..i]));
                proptest::prop_assert!(compact_ends_with(&s, &compact[i..]));
            }
            let longer = format!("{compact}a");
            proptest::prop_assert!(!compact_starts_with(&s, &longer));
        }
    }

    #[test]
    fn blanks_agree_with_is_space_and_is_ignorable_on_every_char() {
        let mut buf = [0u8; 4];
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let want = is_space(c) || is_ignorable(c);
            let alone = &*c.encode_utf8(&mut buf);
            assert_eq!(blanks(alone).collect::<Vec<_>>(), if want { vec![(0, c)] } else { vec![] });
            let inside: Vec<_> = blanks(&format!("一{c}。")).collect();
            assert_eq!(inside, if want { vec![(3, c)] } else { vec![] }, "{c:?}");
        }
        assert_eq!(blanks("，。、“”—…（）：；").count(), 0);
    }

    #[test]
    fn fold_is_idempotent_and_maps_back() {
        for s in ["", "abc", "（一）主动公开", "\u{FEFF}\u{200B}２０２３年", "a\u{3000}b"]
        {
            let once = fold(s);
            assert_eq!(fold(&once.text).text, once.text);
            for (f, _) in once.text.char_indices() {
                let o = once.original_offset(f);
                assert!(s.is_char_boundary(o));
                assert_eq!(
                    fold_char(s[o..].chars().next().unwrap_or(' ')),
                    once.text[f..].chars().next().unwrap_or(' ')
                );
            }
        }
    }
}
