//! Splitting digit runs whose cell separators were lost (`一、本年新收…数量530010360`, a web
//! table flattened naively; docs/format.md §6.3), using the table's own arithmetic.
//!
//! A split is accepted only when exactly one satisfies every constraint. Every cell is at most
//! [`MAX_CELL_DIGITS`] digits long and a run at most 32 of them, so the work per run is
//! bounded by a constant: [`split_free`] is a DP over (position, cells left); the sum rows
//! count the cells before each candidate total by meeting in the middle (at most 7³ partial
//! readings per side for six cells), pruned by the total's length and the least and largest
//! sums the digits left can make; table 四's blocks are read once per start (four cells, then
//! their sum must follow) and chained by a DP over (block, position).
//!
//! Where a run alone is ambiguous, [`sum_row_splits`] and [`block_splits`] list its splits
//! (at most a given number, from the same searches) for the readers to choose among with
//! the rest of the table: table 三's column rules, table 四's blocks read alike in every
//! split.

/// Longest cell accepted, in digits (counts up to 10^7 − 1).
pub(crate) const MAX_CELL_DIGITS: usize = 7;

/// A cell read from a run: its value and its digit range.
type Part = (u64, std::ops::Range<usize>);

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
            limit.extend(std::iter::repeat_n(end, end - start));
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
    // Every cell takes a digit at least (and the memo below stays small).
    if n > run.digits.len() {
        return Split::Impossible;
    }
    let mut memo = FreeMemo { stride: n + 1, ways: vec![None; (run.digits.len() + 1) * (n + 1)] };
    match memo.count(&run, 0, n) {
        0 => Split::Impossible,
        1 => Split::Unique(memo.walk(&run, n)),
        _ => Split::Ambiguous,
    }
}

/// [`split_free`]'s DP: `ways[pos * stride + left]` is the number of ways (capped at 2) to read
/// `left` cells from `pos` to the end of the run, once counted.
struct FreeMemo {
    stride: usize,
    ways: Vec<Option<u8>>,
}

impl FreeMemo {
    fn count(&mut self, run: &Run, pos: usize, left: usize) -> u8 {
        if left == 0 {
            return u8::from(pos == run.digits.len());
        }
        let key = pos * self.stride + left;
        if let Some(&Some(c)) = self.ways.get(key) {
            return c;
        }
        let mut total = 0u8;
        for len in 1..=MAX_CELL_DIGITS {
            if run.cell(pos, len).is_some() {
                total = total.saturating_add(self.count(run, pos + len, left - 1)).min(2);
            }
        }
        if let Some(slot) = self.ways.get_mut(key) {
            *slot = Some(total);
        }
        total
    }

    /// The cells of the only split of the run into `n` cells.
    fn walk(&mut self, run: &Run, n: usize) -> Vec<Part> {
        let mut out = Vec::with_capacity(n);
        let mut pos = 0;
        for left in (1..=n).rev() {
            for len in 1..=MAX_CELL_DIGITS {
                if let Some(v) = run.cell(pos, len) {
                    if self.count(run, pos + len, left - 1) == 1 {
                        out.push((v, pos..pos + len));
                        pos += len;
                        break;
                    }
                }
            }
        }
        out
    }
}

/// Splits into `parts + 1` cells where the last equals the sum of the first `parts`
/// (a table-三 row: six applicant columns and 总计).
///
/// Each candidate 总计 (the last 1–7 digits) fixes the sum, and so bounds every other cell to
/// as many digits as it has. The cells before it are then counted by meeting in the middle:
/// every way to read the first half of them forwards from the start, every way to read the
/// rest backwards from the 总计, joined where they meet with sums adding up to the 总计. For
/// six cells that is at most 7³ partial readings per side instead of 7⁶ whole ones (a search
/// memoized on the remaining sum almost never hits its memo, since the sums differ).
pub(crate) fn split_sum_row(pieces: &[&str], parts: usize) -> Split {
    match sum_row_splits(pieces, parts, 1) {
        None => Split::Ambiguous,
        Some(mut all) => match all.pop() {
            None => Split::Impossible,
            Some(cells) => Split::Unique(cells),
        },
    }
}

/// Every split of [`split_sum_row`]'s kind, in no particular order, when there are at most
/// `cap`; `None` when there are more. Table 三's reader chooses among them with the
/// column rules (a row alone may be ambiguous while the table is not).
pub(crate) fn sum_row_splits(pieces: &[&str], parts: usize, cap: usize) -> Option<Vec<Vec<Part>>> {
    let Some(run) = Run::new(pieces) else { return Some(Vec::new()) };
    let n = run.digits.len();
    let mut search = SumSearch::default();
    let mut out = Vec::new();
    let mut meets = Vec::new();
    for total_len in 1..=MAX_CELL_DIGITS.min(n) {
        let end = n - total_len;
        let Some(total) = run.cell(end, total_len) else { continue };
        // A cell longer than the 总计 is larger than it (no leading zeros), so the cells
        // before it take between `parts` and `parts × total_len` digits.
        let goal = Goal { total, end, parts, max_len: total_len };
        if !goal.feasible(end, parts, total) {
            continue;
        }
        meets.clear();
        if !search.count(&run, &goal, cap - out.len(), &mut meets) {
            // More splits than asked for: which ones no longer matters.
            return None;
        }
        for &meet in &meets {
            let mut cells = search.cells(&run, meet);
            cells.push((total, end..n));
            out.push(cells);
        }
    }
    Some(out)
}

/// Powers of ten up to the longest cell: a cell of `len` digits is below `POW10[len]`, and at
/// least `POW10[len - 1]` when `len ≥ 2`.
const POW10: [u64; MAX_CELL_DIGITS + 1] = {
    let mut p = [1u64; MAX_CELL_DIGITS + 1];
    let mut i = 1;
    while i <= MAX_CELL_DIGITS {
        p[i] = p[i - 1] * 10;
        i += 1;
    }
    p
};

/// What the cells before one candidate 总计 must add up to.
struct Goal {
    /// The 总计.
    total: u64,
    /// Where its digits start: the other cells cover `0..end`.
    end: usize,
    /// How many cells cover `0..end`.
    parts: usize,
    /// The longest cell that can fit under the 总计, in digits: its own length.
    max_len: usize,
}

impl Goal {
    /// Whether `digits` digits can still be read as `cells` cells of at most `max_len`
    /// digits summing to `budget`: a necessary condition, used to prune.
    ///
    /// The smallest sum spreads the digits evenly, since a cell's least value (0 for one
    /// digit, then 10, 100, …: no leading zero) grows faster the longer it is; the largest
    /// gives as many cells as it can `max_len` digits and the others one, for the same reason
    /// (9, 99, 999, …).
    fn feasible(&self, digits: usize, cells: usize, budget: u64) -> bool {
        if cells == 0 {
            return digits == 0;
        }
        if digits < cells || digits > cells.saturating_mul(self.max_len) {
            return false;
        }
        // Below, every length indexed is at most `max_len ≤ MAX_CELL_DIGITS`.
        let least = |len: usize| if len >= 2 { POW10[len - 1] } else { 0 };
        let (len, longer) = (digits / cells, digits % cells);
        let mut min_sum = (cells - longer) as u64 * least(len);
        if longer > 0 {
            min_sum += longer as u64 * least(len + 1);
        }
        let most = |len: usize| POW10[len] - 1;
        let extra = digits - cells;
        let (full, rest) = match self.max_len.saturating_sub(1) {
            0 => (0, 0),
            room => (extra / room, extra % room),
        };
        let mut max_sum = full as u64 * most(self.max_len);
        if full < cells {
            max_sum += most(1 + rest) + (cells - full - 1) as u64 * most(1);
        }
        (min_sum..=max_sum).contains(&budget)
    }
}

/// A partial reading of cells from one side: where it stands, the sum of its cells, the
/// reading it extends (an index in the same arena; the root points at itself) and the length
/// of its last cell.
#[derive(Debug, Clone, Copy)]
struct Reading {
    at: usize,
    sum: u64,
    parent: usize,
    len: usize,
}

/// The two arenas of [`split_sum_row`]'s search, kept across its candidate totals.
#[derive(Debug, Default)]
struct SumSearch {
    /// Readings forwards from position 0; the last level ends the first half of the cells.
    forward: Vec<Reading>,
    /// Readings backwards from the 总计; the last level starts the second half.
    backward: Vec<Reading>,
}

/// Where a forward and a backward reading meet: their indices in the arenas.
type Meet = (usize, usize);

impl SumSearch {
    /// Finds the splits of `0..goal.end` into `goal.parts` cells adding up to `goal.total`,
    /// pushing their meeting points to `meets`; false (and `meets` incomplete) when there
    /// are more than `cap`.
    fn count(&mut self, run: &Run, goal: &Goal, cap: usize, meets: &mut Vec<Meet>) -> bool {
        let first = goal.parts / 2;
        let fwd = grow(&mut self.forward, run, goal, first, Side::Forward);
        let bwd = grow(&mut self.backward, run, goal, goal.parts - first, Side::Backward);
        // Last-level readings have no children, so sorting them in place keeps every parent
        // index valid.
        let ends = &mut self.backward[bwd.clone()];
        ends.sort_unstable_by_key(|r| (r.at, r.sum));
        for (i, f) in self.forward.iter().enumerate().skip(fwd.start) {
            let key = (f.at, goal.total - f.sum);
            let lo = ends.partition_point(|r| (r.at, r.sum) < key);
            let hi = lo + ends[lo..].partition_point(|r| (r.at, r.sum) == key);
            for j in lo..hi {
                if meets.len() >= cap {
                    return false;
                }
                meets.push((i, bwd.start + j));
            }
        }
        true
    }

    /// The cells of the split through `meet`, in order, each with its digit range.
    fn cells(&self, run: &Run, (f, b): Meet) -> Vec<Part> {
        let mut out = Vec::new();
        let mut i = f;
        while self.forward[i].parent != i {
            let r = self.forward[i];
            let start = r.at - r.len;
            out.push((run.cell(start, r.len).unwrap_or(0), start..r.at));
            i = r.parent;
        }
        out.reverse();
        let mut i = b;
        while self.backward[i].parent != i {
            let r = self.backward[i];
            out.push((run.cell(r.at, r.len).unwrap_or(0), r.at..r.at + r.len));
            i = r.parent;
        }
        out
    }
}

/// Which way [`grow`] reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    Forward,
    Backward,
}

/// Fills `arena` with every reading of `k` cells from one side that can still be completed,
/// level by level, and returns the range of the last level.
fn grow(
    arena: &mut Vec<Reading>,
    run: &Run,
    goal: &Goal,
    k: usize,
    side: Side,
) -> std::ops::Range<usize> {
    arena.clear();
    let root = if side == Side::Forward { 0 } else { goal.end };
    arena.push(Reading { at: root, sum: 0, parent: 0, len: 0 });
    let mut level = 0..1;
    for depth in 0..k {
        // Cells still to read once this one is, on both sides together.
        let cells_left = goal.parts - depth - 1;
        for i in level.clone() {
            let r = arena[i];
            for len in 1..=goal.max_len {
                let (start, next, rest) = match side {
                    Side::Forward if r.at + len <= goal.end => {
                        (r.at, r.at + len, goal.end - (r.at + len))
                    }
                    Side::Backward if len <= r.at => (r.at - len, r.at - len, r.at - len),
                    _ => break,
                };
                let Some(v) = run.cell(start, len) else { continue };
                let sum = r.sum + v;
                if sum <= goal.total && goal.feasible(rest, cells_left, goal.total - sum) {
                    arena.push(Reading { at: next, sum, parent: i, len });
                }
            }
        }
        level = level.end..arena.len();
    }
    level
}

/// Splits into `blocks` blocks of five cells where each block's fifth equals the sum of its
/// first four (table 四).
///
/// The blocks that can be read from a position are found once (memoized), by reading four
/// cells and then checking that their sum is printed next; they are chained by a DP over
/// (block, position) that counts the ways to read the remaining blocks to the end of the
/// run, capped at 2. No sum is formatted and no block's cells are copied.
pub(crate) fn split_blocks(pieces: &[&str], blocks: usize) -> Split {
    let Some(run) = Run::new(pieces) else { return Split::Impossible };
    let n = run.digits.len();
    // Every block takes five digits at least (and the memos below stay small).
    if blocks.saturating_mul(5) > n {
        return Split::Impossible;
    }
    let mut chain = Chain::new(&run, blocks);
    match chain.ways(0, 0) {
        0 => Split::Impossible,
        1 => {
            let mut out = Vec::with_capacity(5 * blocks);
            let mut pos = 0;
            for b in 0..blocks {
                for i in chain.blocks_from(pos) {
                    let block = chain.found[i];
                    if chain.ways(b + 1, block.end()) == 1 {
                        let mut at = pos;
                        for len in block.lens.map(usize::from) {
                            out.push((run.cell(at, len).unwrap_or(0), at..at + len));
                            at += len;
                        }
                        out.push((block.total, block.at..block.end()));
                        pos = block.end();
                        break;
                    }
                }
            }
            Split::Unique(out)
        }
        _ => Split::Ambiguous,
    }
}

/// Every split of [`split_blocks`]'s kind, when there are at most `cap`; `None` when there
/// are more. Table 四's reader keeps the blocks on which they all agree (one block may be
/// ambiguous while the others are not).
///
/// Walks the same chain of blocks, only into positions from which the rest of the run can
/// still be read (its memo of ways), so each split found costs `blocks` steps and the walk
/// ends after `cap + 1` of them.
pub(crate) fn block_splits(pieces: &[&str], blocks: usize, cap: usize) -> Option<Vec<Vec<Part>>> {
    let Some(run) = Run::new(pieces) else { return Some(Vec::new()) };
    let n = run.digits.len();
    if blocks.saturating_mul(5) > n {
        return Some(Vec::new());
    }
    let mut chain = Chain::new(&run, blocks);
    let mut out = Vec::new();
    let mut path = Vec::with_capacity(blocks);
    walk_blocks(&mut chain, 0, 0, &mut path, &mut out, cap).then_some(out)
}

/// [`block_splits`]' walk from block `b` at `pos`, the blocks read so far in `path`; false
/// once more than `cap` splits are found.
fn walk_blocks(
    chain: &mut Chain<'_>,
    b: usize,
    pos: usize,
    path: &mut Vec<Block>,
    out: &mut Vec<Vec<Part>>,
    cap: usize,
) -> bool {
    if b >= chain.blocks {
        if pos == chain.run.digits.len() {
            if out.len() >= cap {
                return false;
            }
            let mut cells = Vec::with_capacity(5 * path.len());
            for block in path.iter() {
                let mut at = block.at - block.lens.iter().map(|&l| usize::from(l)).sum::<usize>();
                for len in block.lens.map(usize::from) {
                    cells.push((chain.run.cell(at, len).unwrap_or(0), at..at + len));
                    at += len;
                }
                cells.push((block.total, block.at..block.end()));
            }
            out.push(cells);
        }
        return true;
    }
    if chain.ways(b, pos) == 0 {
        return true;
    }
    for i in chain.blocks_from(pos) {
        let block = chain.found[i];
        path.push(block);
        let ok = walk_blocks(chain, b + 1, block.end(), path, out, cap);
        path.pop();
        if !ok {
            return false;
        }
    }
    true
}

/// One way to read a table-四 block: the lengths of its four cells, and its total (the sum
/// of the four) with where its digits are.
#[derive(Debug, Clone, Copy)]
struct Block {
    lens: [u8; 4],
    total: u64,
    at: usize,
    len: usize,
}

impl Block {
    /// Where the block ends: after its total.
    fn end(&self) -> usize {
        self.at + self.len
    }
}

/// [`split_blocks`]'s memos.
struct Chain<'r> {
    run: &'r Run,
    blocks: usize,
    /// Every block found, grouped by start.
    found: Vec<Block>,
    /// `from[pos]`: the blocks in `found` that start at `pos`, once looked for.
    from: Vec<Option<std::ops::Range<usize>>>,
    /// `ways[b * (n + 1) + pos]`: the ways to read blocks `b..` from `pos` to the end of the
    /// run, capped at 2, once counted.
    ways: Vec<Option<u8>>,
}

impl<'r> Chain<'r> {
    /// The chain of `blocks` blocks over `run`, nothing looked for yet.
    fn new(run: &'r Run, blocks: usize) -> Self {
        let n = run.digits.len();
        Chain {
            run,
            blocks,
            found: Vec::new(),
            from: vec![None; n + 1],
            ways: vec![None; (blocks + 1) * (n + 1)],
        }
    }

    fn ways(&mut self, b: usize, pos: usize) -> u8 {
        let n = self.run.digits.len();
        if b >= self.blocks {
            return u8::from(pos == n);
        }
        let key = b * (n + 1) + pos;
        if let Some(&Some(w)) = self.ways.get(key) {
            return w;
        }
        let mut total = 0u8;
        // Each block takes 5 to 5 × 7 digits.
        let left = self.blocks - b;
        if (5 * left..=5 * MAX_CELL_DIGITS * left).contains(&(n - pos)) {
            for i in self.blocks_from(pos) {
                let end = self.found[i].end();
                total = total.saturating_add(self.ways(b + 1, end)).min(2);
                if total >= 2 {
                    break;
                }
            }
        }
        if let Some(slot) = self.ways.get_mut(key) {
            *slot = Some(total);
        }
        total
    }

    /// The blocks that start at `pos`, as a range of `found`.
    fn blocks_from(&mut self, pos: usize) -> std::ops::Range<usize> {
        if let Some(Some(r)) = self.from.get(pos) {
            return r.clone();
        }
        let first = self.found.len();
        self.read_cells(pos, 0, 0, [0; 4]);
        let r = first..self.found.len();
        if let Some(slot) = self.from.get_mut(pos) {
            *slot = Some(r.clone());
        }
        r
    }

    /// Reads the rest of a block's cells from `at`, `lens` holding the lengths of the first
    /// `k` and `sum` their sum; after the fourth, keeps the block if the sum is printed next.
    fn read_cells(&mut self, at: usize, k: usize, sum: u64, mut lens: [u8; 4]) {
        let n = self.run.digits.len();
        if k == lens.len() {
            let len = digits_of(sum);
            if self.run.cell(at, len) == Some(sum) {
                self.found.push(Block { lens, total: sum, at, len });
            }
            return;
        }
        for len in 1..=MAX_CELL_DIGITS {
            // A longer cell is invalid too: past the run or its piece, or a leading zero.
            let Some(v) = self.run.cell(at, len) else { break };
            let sum = sum + v;
            // The cells left need a digit each and the total as many as the sum: a longer
            // cell, with a larger sum, cannot fit either.
            if at + len + (lens.len() - k - 1) + digits_of(sum) > n {
                break;
            }
            lens[k] = len as u8;
            self.read_cells(at + len, k + 1, sum, lens);
        }
    }
}

/// How many decimal digits `v` is written with.
fn digits_of(v: u64) -> usize {
    v.checked_ilog10().map_or(1, |l| l as usize + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The former [`split_sum_row`]: a recursive search over every way to cut the run,
    /// memoized on (position, cells left, remaining sum). Slow but plainly right: the
    /// reference for the meet-in-the-middle search.
    mod reference {
        use super::super::{Run, Split, MAX_CELL_DIGITS};
        use std::collections::HashMap;

        type Memo = HashMap<(usize, usize, u64), u8>;

        pub(super) fn split_sum_row(pieces: &[&str], parts: usize) -> Split {
            let Some(run) = Run::new(pieces) else { return Split::Impossible };
            let n = run.digits.len();
            let mut found = None;
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
            memo: &mut Memo,
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
                        total = total.saturating_add(count_sum(
                            run,
                            pos + len,
                            left - 1,
                            rem - v,
                            end,
                            memo,
                        ));
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
            memo: &mut Memo,
        ) -> Vec<(u64, std::ops::Range<usize>)> {
            let mut out = Vec::with_capacity(parts + 1);
            let (mut pos, mut rem) = (0, total);
            for left in (1..=parts).rev() {
                for len in 1..=MAX_CELL_DIGITS {
                    if pos + len > end {
                        break;
                    }
                    if let Some(v) = run.cell(pos, len) {
                        if v <= rem && count_sum(run, pos + len, left - 1, rem - v, end, memo) == 1
                        {
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
    }

    /// The former [`split_blocks`]: every way to read one block from each start, by
    /// enumeration.
    mod reference_blocks {
        use super::super::{Run, Split, MAX_CELL_DIGITS};
        use std::collections::HashMap;

        type BlockCache = HashMap<usize, Vec<Vec<(u64, std::ops::Range<usize>)>>>;

        /// Splits into `blocks` blocks of five cells where each block's fifth equals the sum of its
        /// first four (table 四).
        pub(super) fn split_blocks(pieces: &[&str], blocks: usize) -> Split {
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
    }

    /// The former [`split_free`], memoized in a `HashMap`.
    mod reference_free {
        use super::super::{Run, Split, MAX_CELL_DIGITS};
        use std::collections::HashMap;

        /// Splits into `n` cells with no constraint beyond well-formed cells.
        pub(super) fn split_free(pieces: &[&str], n: usize) -> Split {
            let Some(run) = Run::new(pieces) else { return Split::Impossible };
            let mut memo = HashMap::new();
            let count = count_free(&run, 0, n, &mut memo);
            match count {
                0 => Split::Impossible,
                1 => Split::Unique(walk_free(&run, n, &mut memo)),
                _ => Split::Ambiguous,
            }
        }

        fn count_free(
            run: &Run,
            pos: usize,
            left: usize,
            memo: &mut HashMap<(usize, usize), u8>,
        ) -> u8 {
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
    }

    /// A row of `parts` counts and their total printed run together: counts mostly small, some
    /// long to reach every cell length, the total sometimes off by one (no split then, or
    /// another one); cut into pieces between some cells, as an extractor keeps some
    /// separators.
    fn glued_row(parts: usize) -> impl Strategy<Value = Vec<String>> {
        let count = prop_oneof![0u64..3, 0u64..30, 0u64..2_000, 0u64..1_000_000];
        let off = prop_oneof![4 => Just(0i64), 1 => -1i64..=1];
        (prop::collection::vec(count, parts), off, prop::collection::vec(0u8..4, parts + 1))
            .prop_map(|(counts, off, cuts)| {
                let total = counts.iter().sum::<u64>().saturating_add_signed(off);
                let mut pieces = vec![String::new()];
                for (v, cut) in counts.iter().chain([&total]).zip(cuts) {
                    if cut == 0 && !pieces[pieces.len() - 1].is_empty() {
                        pieces.push(String::new());
                    }
                    if let Some(p) = pieces.last_mut() {
                        p.push_str(&v.to_string());
                    }
                }
                pieces
            })
    }

    /// Any short digit string, mostly zeros and ones so that several splits fit, sometimes
    /// cut in two.
    fn any_run() -> impl Strategy<Value = Vec<String>> {
        ("[0-9]{0,3}[01]{1,12}[0-9]{0,4}", any::<prop::sample::Index>(), any::<bool>()).prop_map(
            |(digits, at, cut)| {
                let at = at.index(digits.len());
                if cut && at > 0 {
                    vec![digits[..at].to_string(), digits[at..].to_string()]
                } else {
                    vec![digits]
                }
            },
        )
    }

    /// A table-四 row printed run together: `blocks` blocks of four outcomes and their total
    /// (sometimes off by one), cut into pieces between some cells.
    fn glued_blocks(blocks: usize) -> impl Strategy<Value = Vec<String>> {
        let count = prop_oneof![0u64..3, 0u64..30, 0u64..2_000, 0u64..1_000_000];
        let block = (prop::collection::vec(count, 4), prop_oneof![4 => Just(0i64), 1 => -1i64..=1])
            .prop_map(|(mut cells, off)| {
                let total = cells.iter().sum::<u64>().saturating_add_signed(off);
                cells.push(total);
                cells
            });
        (prop::collection::vec(block, blocks), prop::collection::vec(0u8..4, 5 * blocks)).prop_map(
            |(blocks, cuts)| {
                let mut pieces = vec![String::new()];
                for (v, cut) in blocks.iter().flatten().zip(cuts) {
                    if cut == 0 && !pieces[pieces.len() - 1].is_empty() {
                        pieces.push(String::new());
                    }
                    if let Some(p) = pieces.last_mut() {
                        p.push_str(&v.to_string());
                    }
                }
                pieces
            },
        )
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1_000))]

        /// The free split gives the former DP's answer.
        #[test]
        fn free_matches_reference((pieces, n) in (any_run(), 0usize..12)) {
            let pieces: Vec<&str> = pieces.iter().map(String::as_str).collect();
            prop_assert_eq!(split_free(&pieces, n), reference_free::split_free(&pieces, n));
        }

        /// Listing the splits agrees with counting them.
        #[test]
        fn block_splits_agree_with_split_blocks(
            (pieces, blocks) in prop_oneof![
                glued_blocks(3).prop_map(|p| (p, 3)),
                (any_run(), 0usize..4),
            ],
        ) {
            let pieces: Vec<&str> = pieces.iter().map(String::as_str).collect();
            let listed = block_splits(&pieces, blocks, 64);
            match split_blocks(&pieces, blocks) {
                Split::Impossible => prop_assert_eq!(listed, Some(Vec::new())),
                Split::Unique(cells) => prop_assert_eq!(listed, Some(vec![cells])),
                Split::Ambiguous => prop_assert!(listed.is_none_or(|l| l.len() >= 2)),
            }
        }

        /// The block search gives the former enumeration's answer.
        #[test]
        fn blocks_match_reference(
            (pieces, blocks) in prop_oneof![
                glued_blocks(3).prop_map(|p| (p, 3)),
                (0usize..4).prop_flat_map(|blocks| (glued_blocks(blocks), Just(blocks))),
                (any_run(), 0usize..4),
            ],
        ) {
            let pieces: Vec<&str> = pieces.iter().map(String::as_str).collect();
            let got = split_blocks(&pieces, blocks);
            prop_assert_eq!(got, reference_blocks::split_blocks(&pieces, blocks));
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2_000))]

        /// The meet-in-the-middle search gives the reference's answer: the same split, or
        /// the same "ambiguous" or "no split".
        #[test]
        fn sum_row_matches_reference(
            (pieces, parts) in prop_oneof![
                glued_row(6).prop_map(|p| (p, 6)),
                (0usize..8).prop_flat_map(|parts| (glued_row(parts), Just(parts))),
                (any_run(), 0usize..8),
            ],
        ) {
            let pieces: Vec<&str> = pieces.iter().map(String::as_str).collect();
            let got = split_sum_row(&pieces, parts);
            prop_assert_eq!(got, reference::split_sum_row(&pieces, parts));
        }
    }

    fn values(s: Split) -> Option<Vec<u64>> {
        match s {
            Split::Unique(v) => Some(v.into_iter().map(|c| c.0).collect()),
            _ => None,
        }
    }

    #[test]
    fn row_with_total() {
        // docs/format.md §6.3: 53, 0, 0, 1, 0, 3 | 57.
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
        // docs/format.md §6.3 calls this split unique, but 1,10,0,0,11 fits the second block too.
        assert_eq!(split_blocks(&["20103110001100000"], 3), Split::Ambiguous);
        // Real numbers (extra-samples 003) run together: the block sums make the split unique.
        // Real numbers (extra-samples 003) run together: several splits fit, so none is taken.
        assert_eq!(split_blocks(&["72641783735113481261211620"], 3), Split::Ambiguous);
    }

    #[test]
    fn more_cells_than_digits() {
        // Refused before any memo is sized by the count asked for.
        assert_eq!(split_sum_row(&["123"], usize::MAX), Split::Impossible);
        assert_eq!(split_blocks(&["123"], usize::MAX), Split::Impossible);
        assert_eq!(split_free(&["123"], usize::MAX), Split::Impossible);
    }

    #[test]
    fn free() {
        assert_eq!(values(split_free(&["000"], 3)), Some(vec![0, 0, 0]));
        assert_eq!(values(split_free(&["055"], 3)), Some(vec![0, 5, 5]));
        assert_eq!(split_free(&["1055"], 3), Split::Ambiguous);
    }
}
