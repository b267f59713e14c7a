//! Splitting digit runs whose cell separators were lost (`一、本年新收…数量530010360`, a web
//! table flattened naively; format.md §6.3), using the table's own arithmetic.
//!
//! A split is accepted only when exactly one satisfies every constraint. The search is a
//! memoized DP over (position, cells used, remaining sum), and every cell is at most
//! [`MAX_CELL_DIGITS`] digits long, so the work is bounded by the (bounded) length of the run,
//! never exponential.

use std::collections::HashMap;

/// Longest cell accepted, in digits (counts up to 10^7 − 1).
pub(crate) const MAX_CELL_DIGITS: usize = 7;

/// A cell read from a run: its value and its digit range.
type Part = (u64, std::ops::Range<usize>);
/// Every way to read one block, per start position.
type BlockCache = HashMap<usize, Vec<Vec<Part>>>;

/// The result of a split.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Split {
    /// Exactly one split satisfies the constraints: the cell values and their byte ranges
    /// (relative to the concatenated digit string).
    Unique(Vec<(u64, std::ops::Range<usize>)>),
    /// None does.
    Impossible,
    /// Several do.
    Ambiguous,
}

/// A run of digits made of `pieces` (each piece a separately printed token; a cell never
/// spans two pieces).
#[derive(Debug)]
struct Run {
    digits: Vec<u8>,
    /// `limit[i]`: the end of the piece holding position `i`.
    limit: Vec<usize>,
}

impl Run {
    fn new(pieces: &[&str]) -> Option<Run> {
        let mut digits = Vec::new();
        let mut limit = Vec::new();
        for p in pieces {
            let start = digits.len();
            for c in p.chars() {
                let d = match c {
                    '0'..='9' => c as u8 - b'0',
                    '０'..='９' => (c as u32 - '０' as u32) as u8,
                    _ => return None,
                };
                digits.push(d);
            }
            let end = digits.len();
            limit.extend(std::iter::repeat(end).take(end - start));
        }
        // Far too long for the cells asked: refuse before searching.
        if digits.is_empty() || digits.len() > 16 * MAX_CELL_DIGITS * 2 {
            return None;
        }
        Some(Run { digits, limit })
    }

    /// The number in `pos..pos+len`, if it is a valid cell (no leading zero, inside a piece).
    fn cell(&self, pos: usize, len: usize) -> Option<u64> {
        let end = pos + len;
        if len == 0 || len > MAX_CELL_DIGITS || end > self.digits.len() || end > self.limit[pos] {
            return None;
        }
        if len > 1 && self.digits[pos] == 0 {
            return None;
        }
        Some(self.digits[pos..end].iter().fold(0u64, |a, &d| a * 10 + u64::from(d)))
    }
}

/// Splits into `n` cells with no constraint beyond well-formed cells.
pub(crate) fn split_free(pieces: &[&str], n: usize) -> Split {
    let Some(run) = Run::new(pieces) else { return Split::Impossible };
    let mut memo = HashMap::new();
    let count = count_free(&run, 0, n, &mut memo);
    match count {
        0 => Split::Impossible,
        1 => Split::Unique(walk_free(&run, n, &mut memo)),
        _ => Split::Ambiguous,
    }
}

fn count_free(run: &Run, pos: usize, left: usize, memo: &mut HashMap<(usize, usize), u8>) -> u8 {
    if left == 0 {
        return u8::from(pos == run.digits.len());
    }
    if let Some(&c) = memo.get(&(pos, left)) {
        return c;
    }
    let mut total = 0u8;
    for len in 1..=MAX_CELL_DIGITS {
        if run.cell(pos, len).is_some() {
            total = total.saturating_add(count_free(run, pos + len, left - 1, memo)).min(2);
        }
    }
    memo.insert((pos, left), total);
    total
}

fn walk_free(
    run: &Run,
    n: usize,
    memo: &mut HashMap<(usize, usize), u8>,
) -> Vec<(u64, std::ops::Range<usize>)> {
    let mut out = Vec::with_capacity(n);
    let mut pos = 0;
    for left in (1..=n).rev() {
        for len in 1..=MAX_CELL_DIGITS {
            if let Some(v) = run.cell(pos, len) {
                if count_free(run, pos + len, left - 1, memo) == 1 {
                    out.push((v, pos..pos + len));
                    pos += len;
                    break;
                }
            }
        }
    }
    out
}

/// Splits into `parts + 1` cells where the last equals the sum of the first `parts`
/// (a table-三 row: six applicant columns and 总计).
pub(crate) fn split_sum_row(pieces: &[&str], parts: usize) -> Split {
    let Some(run) = Run::new(pieces) else { return Split::Impossible };
    let n = run.digits.len();
    let mut found: Option<Vec<(u64, std::ops::Range<usize>)>> = None;
    let mut count = 0u8;
    for tl in 1..=MAX_CELL_DIGITS.min(n) {
        let tstart = n - tl;
        let Some(total) = run.cell(tstart, tl) else { continue };
        let mut memo = HashMap::new();
        let c = count_sum(&run, 0, parts, total, tstart, &mut memo);
        if c > 0 {
            count = count.saturating_add(c);
            if c == 1 && found.is_none() {
                let mut cells = walk_sum(&run, parts, total, tstart, &mut memo);
                cells.push((total, tstart..n));
                found = Some(cells);
            }
        }
    }
    match (count, found) {
        (0, _) => Split::Impossible,
        (1, Some(cells)) => Split::Unique(cells),
        _ => Split::Ambiguous,
    }
}

fn count_sum(
    run: &Run,
    pos: usize,
    left: usize,
    rem: u64,
    end: usize,
    memo: &mut HashMap<(usize, usize, u64), u8>,
) -> u8 {
    if left == 0 {
        return u8::from(pos == end && rem == 0);
    }
    if pos >= end {
        return 0;
    }
    if let Some(&c) = memo.get(&(pos, left, rem)) {
        return c;
    }
    let mut total = 0u8;
    for len in 1..=MAX_CELL_DIGITS {
        if pos + len > end {
            break;
        }
        if let Some(v) = run.cell(pos, len) {
            if v <= rem {
                total =
                    total.saturating_add(count_sum(run, pos + len, left - 1, rem - v, end, memo));
                if total >= 2 {
                    total = 2;
                    break;
                }
            }
        }
    }
    memo.insert((pos, left, rem), total);
    total
}

fn walk_sum(
    run: &Run,
    parts: usize,
    total: u64,
    end: usize,
    memo: &mut HashMap<(usize, usize, u64), u8>,
) -> Vec<(u64, std::ops::Range<usize>)> {
    let mut out = Vec::with_capacity(parts + 1);
    let (mut pos, mut rem) = (0, total);
    for left in (1..=parts).rev() {
        for len in 1..=MAX_CELL_DIGITS {
            if pos + len > end {
                break;
            }
            if let Some(v) = run.cell(pos, len) {
                if v <= rem && count_sum(run, pos + len, left - 1, rem - v, end, memo) == 1 {
                    out.push((v, pos..pos + len));
                    pos += len;
                    rem -= v;
                    break;
                }
            }
        }
    }
    out
}

/// Splits into `blocks` blocks of five cells where each block's fifth equals the sum of its
/// first four (table 四).
pub(crate) fn split_blocks(pieces: &[&str], blocks: usize) -> Split {
    let Some(run) = Run::new(pieces) else { return Split::Impossible };
    let n = run.digits.len();
    // For each start position, every way to read one valid block from it.
    let mut block_cache: BlockCache = HashMap::new();
    // ways[b][pos] = number of ways (capped at 2) to read blocks b.. from pos to the end.
    fn blocks_from(
        run: &Run,
        pos: usize,
        cache: &mut BlockCache,
    ) -> Vec<Vec<(u64, std::ops::Range<usize>)>> {
        if let Some(v) = cache.get(&pos) {
            return v.clone();
        }
        let mut out = Vec::new();
        let mut cur = Vec::with_capacity(5);
        rec(run, pos, 0, 0, &mut cur, &mut out);
        cache.insert(pos, out.clone());
        out
    }
    fn rec(
        run: &Run,
        pos: usize,
        k: usize,
        sum: u64,
        cur: &mut Vec<(u64, std::ops::Range<usize>)>,
        out: &mut Vec<Vec<(u64, std::ops::Range<usize>)>>,
    ) {
        if k == 4 {
            // The total is determined: check that it is printed next.
            let s = sum.to_string();
            if let Some(v) = run.cell(pos, s.len()) {
                if v == sum {
                    let mut c = cur.clone();
                    c.push((v, pos..pos + s.len()));
                    out.push(c);
                }
            }
            return;
        }
        for len in 1..=MAX_CELL_DIGITS {
            if let Some(v) = run.cell(pos, len) {
                cur.push((v, pos..pos + len));
                rec(run, pos + len, k + 1, sum + v, cur, out);
                cur.pop();
            }
        }
    }
    let mut memo: HashMap<(usize, usize), u8> = HashMap::new();
    fn ways(
        run: &Run,
        b: usize,
        pos: usize,
        blocks: usize,
        cache: &mut BlockCache,
        memo: &mut HashMap<(usize, usize), u8>,
    ) -> u8 {
        if b == blocks {
            return u8::from(pos == run.digits.len());
        }
        if let Some(&w) = memo.get(&(b, pos)) {
            return w;
        }
        let mut total = 0u8;
        for blk in blocks_from(run, pos, cache) {
            let end = blk.last().map_or(pos, |c| c.1.end);
            total = total.saturating_add(ways(run, b + 1, end, blocks, cache, memo)).min(2);
            if total >= 2 {
                break;
            }
        }
        memo.insert((b, pos), total);
        total
    }
    match ways(&run, 0, 0, blocks, &mut block_cache, &mut memo) {
        0 => Split::Impossible,
        1 => {
            let mut out = Vec::new();
            let mut pos = 0;
            for b in 0..blocks {
                for blk in blocks_from(&run, pos, &mut block_cache) {
                    let end = blk.last().map_or(pos, |c| c.1.end);
                    if ways(&run, b + 1, end, blocks, &mut block_cache, &mut memo) == 1 {
                        out.extend(blk);
                        pos = end;
                        break;
                    }
                }
            }
            let _ = n;
            Split::Unique(out)
        }
        _ => Split::Ambiguous,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(s: Split) -> Option<Vec<u64>> {
        match s {
            Split::Unique(v) => Some(v.into_iter().map(|c| c.0).collect()),
            _ => None,
        }
    }

    #[test]
    fn row_with_total() {
        // format.md §6.3: 53, 0, 0, 1, 0, 3 | 57.
        assert_eq!(values(split_sum_row(&["5300103", "57"], 6)), Some(vec![53, 0, 0, 1, 0, 3, 57]));
        assert_eq!(values(split_sum_row(&["530010357"], 6)), Some(vec![53, 0, 0, 1, 0, 3, 57]));
        assert_eq!(
            values(split_sum_row(&["300153006143119"], 6)),
            Some(vec![3001, 53, 0, 0, 61, 4, 3119])
        );
        assert_eq!(values(split_sum_row(&["0000000"], 6)), Some(vec![0; 7]));
    }

    #[test]
    fn table4_blocks() {
        // format.md §6.3 calls this split unique, but 1,10,0,0,11 fits the second block too.
        assert_eq!(split_blocks(&["20103110001100000"], 3), Split::Ambiguous);
        // Real numbers (extra-samples 003) run together: the block sums make the split unique.
        // Real numbers (extra-samples 003) run together: several splits fit, so none is taken.
        assert_eq!(split_blocks(&["72641783735113481261211620"], 3), Split::Ambiguous);
    }

    #[test]
    fn free() {
        assert_eq!(values(split_free(&["000"], 3)), Some(vec![0, 0, 0]));
        assert_eq!(values(split_free(&["055"], 3)), Some(vec![0, 5, 5]));
        assert_eq!(split_free(&["1055"], 3), Split::Ambiguous);
    }
}
