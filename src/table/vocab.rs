//! Row vocabulary of tables 二 and 三: which official row a label names.
//!
//! Labels are matched by distinctive key words after folding (never by position): numbering
//! style (`1.`/`1、`/`（一）`/`(一)`), quotes, whitespace, truncation (`…行政机关不再处理其`,
//! sample 002) and typos seen in real reports (`2.其他法律行政止公开`, extra-samples 001) are
//! all tolerated.

use super::cell::{norm_label, norm_label_chars};
use crate::template::{
    ActiveMark, ActiveRow, AppGroup, ACTIVE_EDITION_WORDS, ACTIVE_KEYS, APP_GROUPS, APP_ROWS,
    HEADER_WORDS, SLOT_OTHER3, SLOT_TOTAL, WORDING,
};

/// What a table-三 label names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum AppLabel {
    /// A data row slot.
    Row(usize),
    /// A group cell.
    Group(AppGroup),
    /// Bare `总计` (a header word, or （七）总计 without its marker).
    BareTotal,
    /// Bare `其他` (a header word, or （六）3.其他 without its marker).
    BareOther,
}

/// Strips a leading list marker: `一、`, `(一)`, `（一）`, `1.`, `1、`, `1．`, `(1)`.
pub(crate) fn strip_marker(s: &str) -> (&str, bool) {
    let t = s;
    if let Some(rest) = t.strip_prefix('(') {
        if let Some(end) = rest.find(')') {
            let inner = &rest[..end];
            if !inner.is_empty() && inner.chars().all(is_numeral) {
                return (&rest[end + 1..], true);
            }
        }
    }
    let digits = t.trim_start_matches(is_numeral);
    if digits.len() < t.len() {
        for sep in ['、', '.', ',', '，'] {
            if let Some(rest) = digits.strip_prefix(sep) {
                return (rest, true);
            }
        }
    }
    (t, false)
}

fn is_numeral(c: char) -> bool {
    // A `match`, not `str::contains(char)`, which encodes and searches per call.
    c.is_ascii_digit()
        || matches!(c, '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十')
}

/// Recognizes a table-三 label (already folded by [`norm_label`]).
///
/// When several rows' key words occur (`三、本年度办理结果(一)予以公开`, `(四)无法提供1.本机关
/// 不掌握…`), the data row named last wins: group cells come first on a line.
pub(crate) fn recognize_app(norm: &str) -> Option<AppLabel> {
    // The row keys and the group keys in one index, found in one pass: no second pass for the
    // groups.
    static INDEX: std::sync::OnceLock<KeyIndex<Result<usize, AppGroup>>> =
        std::sync::OnceLock::new();
    let index = INDEX.get_or_init(|| {
        KeyIndex::new(
            app_row_keys()
                .map(|(k, slot)| (k, Ok(slot)))
                .chain(APP_GROUPS.into_iter().map(|(k, g)| (k, Err(g)))),
        )
    });
    // Of each kind, the key occurring last; at one position the first listed (as
    // `KeyIndex::last_in` of each kind alone).
    let mut row: Option<(usize, usize)> = None;
    let mut group: Option<(usize, AppGroup)> = None;
    index.each_at(norm, |p, key| match key {
        Ok(slot) if row.is_none_or(|(q, _)| p > q) => row = Some((p, slot)),
        Err(g) if group.is_none_or(|(q, _)| p > q) => group = Some((p, g)),
        _ => {}
    });
    recognize_app_with(norm, row.map(|r| r.1), || group.map(|g| g.1))
}

/// The key words of the rows of table 三, with their slots.
fn app_row_keys() -> impl Iterator<Item = (&'static str, usize)> {
    APP_ROWS.iter().enumerate().flat_map(|(slot, (_, keys))| keys.iter().map(move |k| (*k, slot)))
}

/// [`recognize_app`], given the slot of the row key occurring last in `norm` and (lazily)
/// the group key occurring last.
fn recognize_app_with(
    norm: &str,
    row: Option<usize>,
    group: impl FnOnce() -> Option<AppGroup>,
) -> Option<AppLabel> {
    if let Some(slot) = row {
        return Some(AppLabel::Row(slot));
    }
    let (body, marked) = strip_marker(norm);
    let tail_total = norm.ends_with("(七)总计") || norm.ends_with("七)总计");
    if tail_total || (marked && body == "总计") {
        return Some(AppLabel::Row(SLOT_TOTAL));
    }
    if body == "总计" || body == "合计" {
        return Some(AppLabel::BareTotal);
    }
    if body == "其他" {
        return Some(if marked && norm.starts_with('3') {
            AppLabel::Row(SLOT_OTHER3)
        } else {
            AppLabel::BareOther
        });
    }
    group().map(AppLabel::Group)
}

/// Header words of table 三 (columns, the 勾稽 note): they never name a row.
pub(crate) fn is_app_header(norm: &str) -> bool {
    [
        "申请人情况",
        "自然人",
        "法人或其他组织",
        "商业",
        "企业",
        "科研",
        "公益",
        "法律服务",
        "勾稽",
        "第一项加第二项",
        "第三项加第四项",
        "数据",
    ]
    .iter()
    .any(|k| norm.contains(k))
}

/// Whether folded, space-free text is table 四's header, whole or in part, and nothing
/// else: its captions one after another (`行政复议行政诉讼结果维持结果纠正…总计`), maybe
/// followed by the digits of the row glued on (`…尚未审结总计000000000000000`, a flattened
/// web table). A web page keeps the header on one line of any length (extra-samples 102,
/// 104, 106, 111), too long for the length-bounded tests of the other header lines. At least
/// three captions, so that a bare `总计` stays a caption of table 三.
pub(crate) fn is_review_header(norm: &str) -> bool {
    const WORDS: [&str; 10] = [
        "行政复议",
        "行政诉讼",
        "结果维持",
        "结果纠正",
        "其他结果",
        "尚未审结",
        "总计",
        "合计",
        "未经复议直接起诉",
        "复议后起诉",
    ];
    let mut rest = norm.trim_end_matches(|c: char| c.is_ascii_digit());
    let mut words = 0;
    // No caption is a prefix of another, so reading the first that fits is the only reading.
    while !rest.is_empty() {
        let Some(w) = WORDS.iter().find(|w| rest.starts_with(*w)) else { return false };
        rest = &rest[w.len()..];
        words += 1;
    }
    words >= 3
}

/// Recognizes a table-二 row label.
pub(crate) fn recognize_active(norm: &str) -> Option<ActiveRow> {
    let (body, _) = strip_marker(norm);
    static INDEX: std::sync::OnceLock<KeyIndex<ActiveRow>> = std::sync::OnceLock::new();
    let index = INDEX.get_or_init(|| KeyIndex::new(ACTIVE_KEYS.into_iter()));
    recognize_active_with(body, || index.last_in(body))
}

/// [`recognize_active`] of a label whose `body` (past its list marker) is given, with
/// (lazily) the row key occurring last in it.
fn recognize_active_with(
    body: &str,
    last: impl FnOnce() -> Option<ActiveRow>,
) -> Option<ActiveRow> {
    // Header lines (`信息内容 本年制发件数 …`, `第二十条第（一）项`) hold none of these keys
    // except as captions; skip them.
    if body.starts_with("信息内容") || body.starts_with("第二十条") {
        return None;
    }
    last()
}

/// What the key words of a folded label say to `is_table_line`, found in one pass over it:
/// whether a header word occurs, the row and group keys of table 三 and the row key of
/// table 二 occurring last, and where the first key word of table 三 starts past the list
/// marker, all in one pass over each label.
#[derive(Debug, Default)]
pub(crate) struct LabelKeys {
    /// Some header word occurs.
    pub header: bool,
    app_row: Option<(usize, usize)>,
    app_group: Option<(usize, AppGroup)>,
    /// Byte offset in the label of the first word of table 三 at or past the body.
    first_word: Option<usize>,
    active: Option<(usize, ActiveRow)>,
}

/// A key word's role in [`LabelKeys`] (a word may have several: one entry each).
#[derive(Debug, Clone, Copy)]
enum Role {
    Header,
    AppRow(usize),
    AppGroup(AppGroup),
    /// A word of table 三 for [`LabelKeys`]'s first word (row keys and group keys are too).
    AppWord,
    Active(ActiveRow),
}

impl LabelKeys {
    /// Scans `label` once; `body_start`: where its body starts, past its list marker
    /// ([`strip_marker`]).
    pub(crate) fn of(label: &str, body_start: usize) -> Self {
        static INDEX: std::sync::OnceLock<KeyIndex<Role>> = std::sync::OnceLock::new();
        let index = INDEX.get_or_init(|| {
            KeyIndex::new(
                HEADER_WORDS
                    .iter()
                    .map(|h| (*h, Role::Header))
                    .chain(app_row_keys().map(|(k, slot)| (k, Role::AppRow(slot))))
                    .chain(APP_GROUPS.into_iter().map(|(k, g)| (k, Role::AppGroup(g))))
                    .chain(["总计", "其他"].into_iter().map(|k| (k, Role::AppWord)))
                    .chain(ACTIVE_KEYS.into_iter().map(|(k, r)| (k, Role::Active(r)))),
            )
        });
        let mut keys = LabelKeys::default();
        // At one position the keys come in their listed order: the first of a kind wins
        // there, as with `KeyIndex::last_in`; a later position wins over an earlier one.
        fn later<V>(slot: &mut Option<(usize, V)>, p: usize, v: V) {
            if slot.as_ref().is_none_or(|(q, _)| p > *q) {
                *slot = Some((p, v));
            }
        }
        index.each_at(label, |p, role| {
            let word = match role {
                Role::Header => {
                    keys.header = true;
                    false
                }
                Role::AppRow(slot) => {
                    later(&mut keys.app_row, p, slot);
                    true
                }
                Role::AppGroup(g) => {
                    later(&mut keys.app_group, p, g);
                    true
                }
                Role::AppWord => true,
                Role::Active(r) => {
                    if p >= body_start {
                        later(&mut keys.active, p, r);
                    }
                    false
                }
            };
            if word && p >= body_start && keys.first_word.is_none() {
                keys.first_word = Some(p);
            }
        });
        keys
    }

    /// [`recognize_app`] of the label.
    pub(crate) fn app(&self, label: &str) -> Option<AppLabel> {
        recognize_app_with(label, self.app_row.map(|r| r.1), || self.app_group.map(|g| g.1))
    }

    /// [`recognize_active`] of the label, whose body is `body`.
    pub(crate) fn active(&self, body: &str) -> Option<ActiveRow> {
        recognize_active_with(body, || self.active.map(|a| a.1))
    }

    /// Where the first word of table 三 starts in the label, at or past its body.
    pub(crate) fn first_word(&self) -> Option<usize> {
        self.first_word
    }
}

/// Key words indexed by their first character, to find which of them occurs last in a text in
/// one pass rather than one search per key word: it runs on every line through
/// `is_table_line`.
#[derive(Debug)]
pub(crate) struct KeyIndex<T: 'static> {
    /// (first char, key, value), sorted by the first char's bucket ([`bucket`]) and then by
    /// first char; stable, so keys with the same first char keep their original order.
    entries: Vec<(char, &'static str, T)>,
    /// The keys whose first char falls in bucket `b` are `entries[starts[b]..starts[b + 1]]`:
    /// one load per character of the text finds them (most characters of a table label start
    /// some key, so a filter in front would not pay).
    starts: [u16; BUCKETS + 1],
}

/// How many buckets [`KeyIndex`] spreads first chars over.
const BUCKETS: usize = 1024;

/// The bucket of a char: its low ten bits.
fn bucket(c: char) -> usize {
    u32::from(c) as usize % BUCKETS
}

/// The bucket of the char that starts at byte `p` of `bytes` (a char boundary), and its
/// length, from its bytes: the low ten bits of a code point are the low six of its last byte
/// and the low four of the byte before (of the only byte, for ASCII). No decoding.
fn bucket_at(bytes: &[u8], p: usize) -> (usize, usize) {
    let b0 = bytes.get(p).copied().unwrap_or_default();
    let len = match b0 {
        0..=0x7F => return (usize::from(b0), 1),
        0x80..=0xDF => 2,
        0xE0..=0xEF => 3,
        _ => 4,
    };
    let byte = |i: usize| usize::from(bytes.get(p + i).copied().unwrap_or_default());
    (((byte(len - 2) & 0x0F) << 6) | (byte(len - 1) & 0x3F), len)
}

impl<T: Copy> KeyIndex<T> {
    /// Indexes `keys` (empty keys are ignored: they would match everywhere).
    pub(crate) fn new(keys: impl Iterator<Item = (&'static str, T)>) -> Self {
        let mut entries: Vec<(char, &'static str, T)> =
            keys.filter_map(|(k, v)| Some((k.chars().next()?, k, v))).collect();
        entries.sort_by_key(|e| (bucket(e.0), e.0));
        // (The key lists are a few dozen words: their count fits a u16.)
        let mut starts = [0u16; BUCKETS + 1];
        let mut next = 0;
        for (b, s) in starts.iter_mut().enumerate() {
            while entries.get(next).is_some_and(|e| bucket(e.0) < b) {
                next += 1;
            }
            *s = u16::try_from(next).unwrap_or(u16::MAX);
        }
        KeyIndex { entries, starts }
    }

    /// Calls `f` with each char start of `text` and the keys whose first char falls in the
    /// bucket of the char there (some may start otherwise: a key matches where `text` at that
    /// offset starts with it).
    fn scan(&self, text: &str, mut f: impl FnMut(usize, &[u8], &[(char, &'static str, T)])) {
        let bytes = text.as_bytes();
        let mut p = 0;
        while p < bytes.len() {
            let (b, len) = bucket_at(bytes, p);
            let (from, to) = (self.starts[b], self.starts.get(b + 1).copied().unwrap_or_default());
            let keys = self.entries.get(usize::from(from)..usize::from(to)).unwrap_or_default();
            if !keys.is_empty() {
                f(p, bytes.get(p..).unwrap_or_default(), keys);
            }
            p += len;
        }
    }

    /// The value of the key whose last occurrence in `text` starts furthest right; on a tie
    /// (keys starting at the same position) the key listed first. This is exactly what
    /// `for k in keys { if text.rfind(k) > best { … } }` with a strict `>` computes.
    pub(crate) fn last_in(&self, text: &str) -> Option<T> {
        let mut best = None;
        self.scan(text, |_, rest, keys| {
            if let Some(e) = keys.iter().find(|e| rest.starts_with(e.1.as_bytes())) {
                best = Some(e.2);
            }
        });
        best
    }

    /// Calls `f` with the value of every occurrence of every key in `text`, in text order.
    pub(crate) fn each_in(&self, text: &str, mut f: impl FnMut(T)) {
        self.each_at(text, |_, v| f(v));
    }

    /// Calls `f` with the byte offset and the value of every occurrence of every key in
    /// `text`, in text order, and at one offset in the keys' listed order.
    pub(crate) fn each_at(&self, text: &str, mut f: impl FnMut(usize, T)) {
        self.scan(text, |p, rest, keys| {
            for e in keys {
                if rest.starts_with(e.1.as_bytes()) {
                    f(p, e.2);
                }
            }
        });
    }
}

/// A marker of the 2019 edition of table 二 (docs/format.md §6.1).
const MARK_2019: u8 = 1;
/// A marker of the 2021 edition of table 二.
const MARK_2021: u8 = 2;
/// `规范性文件`, the 2019 wording unless the line writes `行政规范性文件`.
const MARK_NORMATIVE: u8 = 4;
/// `行政规范性文件`.
const MARK_NORMATIVE_2021: u8 = 8;

/// The edition markers of table 二 a folded text holds.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct EditionMarks(u8);

impl EditionMarks {
    /// Finds the markers of `norm` in one indexed pass, not one search per marker word.
    pub(crate) fn of(norm: &str) -> Self {
        static INDEX: std::sync::OnceLock<KeyIndex<u8>> = std::sync::OnceLock::new();
        let index = INDEX.get_or_init(|| {
            KeyIndex::new(ACTIVE_EDITION_WORDS.iter().map(|&(word, mark)| {
                let bit = match mark {
                    ActiveMark::Format2019 => MARK_2019,
                    ActiveMark::Format2021 => MARK_2021,
                    ActiveMark::Normative => MARK_NORMATIVE,
                    ActiveMark::AdministrativeNormative => MARK_NORMATIVE_2021,
                };
                (word, bit)
            }))
        });
        let mut marks = 0;
        index.each_in(norm, |m| marks |= m);
        EditionMarks(marks)
    }

    /// A marker of the 2019 edition (docs/format.md §6.1).
    pub(crate) fn y2019(self) -> bool {
        self.0 & MARK_2019 != 0
    }

    /// A marker of the 2021 edition.
    pub(crate) fn y2021(self) -> bool {
        self.0 & MARK_2021 != 0
    }

    /// `规范性文件` on a line that never writes `行政规范性文件`: the 2019 wording.
    pub(crate) fn normative_2019(self) -> bool {
        self.0 & (MARK_NORMATIVE | MARK_NORMATIVE_2021) == MARK_NORMATIVE
    }
}

fn bigrams_of(s: &str) -> impl Iterator<Item = (char, char)> + '_ {
    s.chars().zip(s.chars().skip(1))
}

/// The character pairs of the table wording.
fn wording_bigrams() -> &'static Bigrams {
    static SET: std::sync::OnceLock<Bigrams> = std::sync::OnceLock::new();
    SET.get_or_init(|| {
        let mut set: Vec<(char, char)> = WORDING.iter().flat_map(|w| bigrams_of(w)).collect();
        for (label, _) in APP_ROWS.iter() {
            set.extend(bigrams_of(&norm_label(label)));
        }
        Bigrams::new(&set)
    })
}

/// A set of character pairs: an open-addressing hash table of the pairs packed in a `u64`,
/// with a multiplicative hash. A lookup is a multiply and a probe or two.
struct Bigrams {
    /// Packed pairs, 0 for an empty slot (no pair packs to 0: a pair's first char is
    /// never NUL in the wording). The length is a power of two, at least twice the pairs.
    slots: Vec<u64>,
    /// 64 minus log2 of the length: the hash is the top bits of the product.
    shift: u32,
}

impl Bigrams {
    fn new(pairs: &[(char, char)]) -> Self {
        let len = (pairs.len() * 2).next_power_of_two().max(2);
        let mut set = Bigrams { slots: vec![0; len], shift: 64 - len.trailing_zeros() };
        for &(a, b) in pairs {
            let key = Self::pack(a, b);
            if key == 0 {
                continue;
            }
            let mut i = set.home(key);
            while set.slots[i] != 0 && set.slots[i] != key {
                i = (i + 1) & (len - 1);
            }
            set.slots[i] = key;
        }
        set
    }

    fn pack(a: char, b: char) -> u64 {
        (u64::from(a) << 32) | u64::from(b)
    }

    fn home(&self, key: u64) -> usize {
        // Fibonacci hashing: the top bits of the product mix every bit of the key.
        (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize
    }

    fn contains(&self, pair: &(char, char)) -> bool {
        let key = Self::pack(pair.0, pair.1);
        let mask = self.slots.len() - 1;
        let mut i = self.home(key);
        // The table is at most half full, so an empty slot ends every probe.
        loop {
            match self.slots.get(i) {
                Some(&k) if k == key => return key != 0,
                Some(&0) | None => return false,
                Some(_) => i = (i + 1) & mask,
            }
        }
    }
}

/// Whether folded text is (at least 80 %) made of table wording: its character pairs occur in
/// the official labels and headers. Digits and list markers are ignored. Empty text is.
pub(crate) fn table_wording(s: &str) -> bool {
    wording_chars(s.chars())
}

/// [`table_wording`] of the text made of `chars`, without collecting them.
fn wording_chars(chars: impl Iterator<Item = char>) -> bool {
    let set = wording_bigrams();
    let (mut hit, mut all) = (0usize, 0usize);
    let mut prev = None;
    for c in chars.filter(|c| !c.is_ascii_digit() && !matches!(c, '.' | '、')) {
        if let Some(p) = prev {
            all += 1;
            hit += usize::from(set.contains(&(p, c)));
        }
        prev = Some(c);
    }
    all == 0 || hit * 5 >= all * 4
}

/// [`table_wording`] per whitespace-separated token (labels broken inside their cell, like
/// `维持 纠正  结果 审结`, pair characters across the gaps wrongly), for a short line.
///
/// Reads the folded characters on the fly: no copy of the tokens or the line.
pub(crate) fn table_wording_tokens(line: &str) -> bool {
    let set = wording_bigrams();
    let (mut hit, mut all, mut chars) = (0usize, 0usize, 0usize);
    for tok in line.split(crate::parsers::is_blank).filter(|t| !t.is_empty()) {
        let mut prev = None;
        for c in norm_label_chars(tok) {
            chars += 1;
            // Past 60 characters the answer is no: stop reading (prose lines get here).
            if chars > 60 {
                return false;
            }
            if let Some(p) = prev {
                all += 1;
                hit += usize::from(set.contains(&(p, c)));
            }
            prev = Some(c);
        }
    }
    // The tokens' characters joined are the line's folded label characters (a character
    // that folds to a space is a space already), so `chars` counts those too.
    chars > 0
        && chars <= 60
        && ((all > 0 && hit * 5 >= all * 4)
            || (chars >= 2 && wording_chars(norm_label_chars(line))))
}

/// Whether folded, whitespace-free text is a run of fragments of table wording, each at least
/// two characters long and found verbatim in the labels and headers: `总计商业企` is `总计` +
/// `商业企` (extra-samples 003 prints the 总计 header run into the next, broken, header cell
/// `商 业 企`), which the character-pair share misses at the seam. Short text only (at most
/// 20 characters), so the segmentation stays constant-bounded.
pub(crate) fn header_fragments(t: &str) -> bool {
    // At most 80 bytes: 20 characters of up to 4 bytes (no count, no vectors, for the long
    // labels of prose lines).
    if t.len() > 80 || !(2..=20).contains(&t.chars().count()) {
        return false;
    }
    // Byte offsets of the characters of `t`, and its end.
    let bounds: Vec<usize> = t.char_indices().map(|(i, _)| i).chain([t.len()]).collect();
    let n = bounds.len() - 1;
    // The wording, normalized once, not for every piece.
    static WORDS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    let words = WORDS.get_or_init(|| {
        WORDING
            .iter()
            .map(|w| (*w).to_string())
            .chain(APP_ROWS.iter().map(|(label, _)| norm_label(label)))
            .collect()
    });
    let chars: Vec<char> = t.chars().collect();
    let pairs = wording_bigrams();
    // A piece inside a word has all its character pairs among the wording's: the pair that
    // `b` adds is checked first (the pieces before were), which rejects most unknown pieces
    // without searching the words.
    let known = |a: usize, b: usize| {
        let piece = t.get(bounds[a]..bounds[b]).unwrap_or_default();
        pairs.contains(&(chars[b - 2], chars[b - 1])) && words.iter().any(|w| w.contains(piece))
    };
    // ok[i]: the first i characters split into known pieces. A piece that is not known
    // cannot be extended into one (every extension contains it), so each start stops at the
    // first unknown piece.
    let mut ok = vec![false; n + 1];
    ok[0] = true;
    for start in 0..n {
        if !ok[start] {
            continue;
        }
        let mut end = start + 2;
        while end <= n && known(start, end) {
            ok[end] = true;
            end += 1;
        }
    }
    ok[n]
}

/// Folds a label for the recognizers.
pub(crate) fn norm(s: &str) -> String {
    norm_label(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The first definition of `header_fragments`, as the oracle of the faster one.
    fn header_fragments_reference(t: &str) -> bool {
        let chars: Vec<char> = t.chars().collect();
        let n = chars.len();
        if !(2..=20).contains(&n) {
            return false;
        }
        let known = |piece: &str| {
            WORDING.iter().any(|w| w.contains(piece))
                || APP_ROWS.iter().any(|(label, _)| norm_label(label).contains(piece))
        };
        let mut ok = vec![false; n + 1];
        ok[0] = true;
        for end in 2..=n {
            ok[end] = (0..=end - 2)
                .any(|start| ok[start] && known(&chars[start..end].iter().collect::<String>()));
        }
        ok[n]
    }

    proptest::proptest! {
        #[test]
        fn header_fragments_matches_the_reference(
            v in proptest::collection::vec(proptest::sample::select(vec![
                "总计", "商业企", "商", "业", "企", "科研", "机构", "结果", "维持", "纠正", "其他",
                "政府", "信息", "公开", "x", "自然人", "法人", "审结", "尚未", "第二十条",
            ]), 0..8)
        ) {
            let t = v.concat();
            proptest::prop_assert_eq!(header_fragments(&t), header_fragments_reference(&t), "{}", t);
        }
    }

    #[test]
    fn bigram_set_holds_exactly_the_wording_pairs() {
        let mut pairs: Vec<(char, char)> = WORDING.iter().flat_map(|w| bigrams_of(w)).collect();
        for (label, _) in APP_ROWS.iter() {
            pairs.extend(bigrams_of(&norm_label(label)));
        }
        let set = wording_bigrams();
        assert!(pairs.iter().all(|p| set.contains(p)));
        let chars: Vec<char> =
            "政府信息公开申请总计其他行政复议诉讼结果维持纠正一二三四五、（）()0123xyz"
                .chars()
                .collect();
        for &a in &chars {
            for &b in &chars {
                assert_eq!(set.contains(&(a, b)), pairs.contains(&(a, b)), "{a}{b}");
            }
        }
    }

    /// The `rfind` loop `KeyIndex::last_in` replaced, as the oracle.
    fn last_by_rfind<T: Copy>(text: &str, keys: &[(&str, T)]) -> Option<T> {
        let mut best: Option<(usize, T)> = None;
        for &(k, v) in keys {
            if let Some(p) = text.rfind(k) {
                if best.is_none_or(|(bp, _)| p > bp) {
                    best = Some((p, v));
                }
            }
        }
        best.map(|(_, v)| v)
    }

    proptest::proptest! {
        #[test]
        fn key_index_agrees_with_rfind(
            v in proptest::collection::vec(proptest::sample::select(vec![
                "本年", "新收", "收", "上年结转", "予以公开", "公开", "其他法律", "法规禁止",
                "禁止公开", "危及", "三安全一稳定", "信访", "举报投诉", "重复申请", "确认或",
                "结转下年", "(一)", "1.", "，", "政", "规章", "规范性文件", "行政许可", "集中采购",
                "政府采购", "行政", "处罚",
            ]), 0..12)
        ) {
            let text = v.concat();
            let app: Vec<(&str, usize)> = APP_ROWS
                .iter()
                .enumerate()
                .flat_map(|(slot, (_, keys))| keys.iter().map(move |k| (*k, slot)))
                .collect();
            let index = KeyIndex::new(app.iter().copied());
            proptest::prop_assert_eq!(index.last_in(&text), last_by_rfind(&text, &app));
            let mut every = Vec::new();
            index.each_in(&text, |slot| every.push(slot));
            every.sort_unstable();
            let mut by_find: Vec<usize> =
                app.iter().flat_map(|&(k, slot)| text.match_indices(k).map(move |_| slot)).collect();
            by_find.sort_unstable();
            proptest::prop_assert_eq!(every, by_find);
            let active = [
                ("规范性文件", 0), ("行政许可", 1), ("对外管理服务", 2), ("行政处罚", 3),
                ("行政强制", 4), ("事业性收费", 5), ("集中采购", 6), ("政府采购", 7), ("规章", 8),
            ];
            let index = KeyIndex::new(active.iter().copied());
            proptest::prop_assert_eq!(index.last_in(&text), last_by_rfind(&text, &active));
        }
    }

    proptest::proptest! {
        /// The one pass of `LabelKeys` answers what the separate recognizers answer.
        #[test]
        fn label_keys_agree_with_the_recognizers(
            v in proptest::collection::vec(proptest::sample::select(vec![
                "一、", "(三)", "3.", "1、", "本年新收", "三安全一稳定", "其他", "其他处理", "总计",
                "不予公开", "办理结果", "无法提供", "规章", "行政许可", "规范性文件", "信息内容",
                "第二十条", "自然人", "勾稽", "合计", "(七)总计", "政府", "公开", "三", "、", "确认或",
                "集中采购", "结果维持", "x",
            ]), 0..7)
        ) {
            let label = v.concat();
            let (body, _) = strip_marker(&label);
            let body_start = label.len() - body.len();
            let keys = LabelKeys::of(&label, body_start);
            proptest::prop_assert_eq!(keys.header, HEADER_WORDS.iter().any(|h| label.contains(h)));
            proptest::prop_assert_eq!(keys.app(&label), recognize_app(&label));
            // recognize_app's one pass against the rfind oracle of each kind.
            let rows: Vec<(&str, usize)> = app_row_keys().collect();
            let by_rfind = recognize_app_with(&label, last_by_rfind(&label, &rows), || {
                last_by_rfind(&label, &APP_GROUPS)
            });
            proptest::prop_assert_eq!(recognize_app(&label), by_rfind);
            proptest::prop_assert_eq!(keys.active(body), recognize_active(&label));
            let words = app_row_keys()
                .map(|(k, _)| k)
                .chain(APP_GROUPS.iter().map(|g| g.0))
                .chain(["总计", "其他"]);
            let first = words.filter_map(|w| body.find(w)).min();
            proptest::prop_assert_eq!(keys.first_word().map(|p| p - body_start), first);
        }
    }

    fn app(s: &str) -> Option<AppLabel> {
        recognize_app(&norm(s))
    }

    #[test]
    fn table3_labels() {
        assert_eq!(app("一、本年新收政府信息公开申请数量"), Some(AppLabel::Row(0)));
        assert_eq!(app("三、本年度办理结果\t(一) 予以公开"), Some(AppLabel::Row(2)));
        assert_eq!(app("（四）无 1.本机关不掌握相关政府信息"), Some(AppLabel::Row(12)));
        assert_eq!(app("2.其他法律行政止公开"), Some(AppLabel::Row(5)));
        assert_eq!(
            app("1.申请人无正当理由逾期不补正、行政机关不再处理其"),
            Some(AppLabel::Row(20))
        );
        assert_eq!(app("3、其他"), Some(AppLabel::Row(SLOT_OTHER3)));
        assert_eq!(app("其他"), Some(AppLabel::BareOther));
        assert_eq!(app("(七) 总计"), Some(AppLabel::Row(SLOT_TOTAL)));
        assert_eq!(app("总 计"), Some(AppLabel::BareTotal));
        assert_eq!(app("（六）其他处理"), Some(AppLabel::Group(AppGroup::Other)));
        assert_eq!(app("（三）不予公开"), Some(AppLabel::Group(AppGroup::Denied)));
        assert_eq!(app("计其他情形）"), None);
        assert_eq!(app("四、结转下年度继续办理"), Some(AppLabel::Row(25)));
        assert_eq!(app("三"), None);
    }

    #[test]
    fn table2_labels() {
        assert_eq!(recognize_active(&norm("规 章")), Some(ActiveRow::Regulations));
        assert_eq!(recognize_active(&norm("行政规范性文件")), Some(ActiveRow::Normative));
        assert_eq!(recognize_active(&norm("信息内容\t本年处理决定数量")), None);
        assert_eq!(recognize_active(&norm("第二十条第（一）项")), None);
    }
}
