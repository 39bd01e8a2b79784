//! Sets of briefs as bytes, in the smallest of three forms (search.js reads all three):
//!
//! - a varint header `h`; its two low bits say the form, `h >> 2` is a count;
//! - form 0: the `count` members as Rice-coded gaps (the first brief, then each distance to the
//!   previous one minus one): a byte `k`, then per gap its quotient `gap >> k` in unary (ones
//!   closed by a zero) and its `k` low bits, least significant first; bits fill each byte from
//!   bit 0; nothing follows the header when `count` is 0;
//! - form 2: the same for the `count` briefs that are *not* members (sets of most briefs);
//! - form 1: a bitmap of `count` bytes, bit `i % 8` of byte `i / 8` for brief `i`.
//!
//! Rice codes take about `log2(1 / density) + 1.5` bits a member, so a set of one brief in ten
//! costs half the bytes of plain varint gaps; what the query downloads shrinks with it.

/// Appends `v` as a LEB128 varint.
pub fn varint(mut v: u64, out: &mut Vec<u8>) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// Bits appended to a byte vector from bit 0 of each byte up, a word at a time.
struct Bits<'a> {
    out: &'a mut Vec<u8>,
    acc: u64,
    n: u32,
}

impl Bits<'_> {
    /// Appends the `count` (at most 32) low bits of `bits`, least significant first.
    fn put(&mut self, bits: u64, count: u32) {
        self.acc |= bits << self.n;
        self.n += count;
        while self.n >= 8 {
            self.out.push(self.acc as u8);
            self.acc >>= 8;
            self.n -= 8;
        }
    }

    /// Appends `q` ones.
    fn ones(&mut self, mut q: u32) {
        while q >= 32 {
            self.put(0xFFFF_FFFF, 32);
            q -= 32;
        }
        self.put((1u64 << q) - 1, q);
    }

    /// Writes out the last, partly filled byte.
    fn finish(self) {
        if self.n > 0 {
            self.out.push(self.acc as u8);
        }
    }
}

/// The gaps of `docs` (ascending): the first brief, then each distance to the previous one minus
/// one. Worked out as they are read rather than kept: most sets are of a brief or two, and a
/// list for each was an allocation per set.
fn gaps(docs: &[u32]) -> impl Iterator<Item = u32> + Clone + '_ {
    let mut prev: i64 = -1;
    docs.iter().map(move |&d| {
        let g = (i64::from(d) - prev - 1) as u32;
        prev = i64::from(d);
        g
    })
}

fn rice_bits(gaps: impl Iterator<Item = u32>, count: usize, k: u32) -> u64 {
    gaps.map(|g| u64::from(g >> k)).sum::<u64>() + count as u64 * (1 + u64::from(k))
}

/// The Rice parameter that codes the gaps of `docs` (not empty) in the fewest bits, and that
/// many bits.
fn best_k(docs: &[u32]) -> (u32, u64) {
    // The gaps add up to the last brief + 1 less one per member.
    let sum = u64::from(docs[docs.len() - 1]) + 1 - docs.len() as u64;
    let mean = sum / docs.len() as u64;
    let guess = 63 - (mean | 1).leading_zeros();
    (guess.saturating_sub(1)..=guess + 1)
        .map(|k| (k, rice_bits(gaps(docs), docs.len(), k)))
        .min_by_key(|e| e.1)
        .unwrap_or((0, 0))
}

/// Appends the gaps of `docs` Rice-coded with parameter `k` (from [`best_k`]) under a header of
/// `form`.
fn rice(form: u64, docs: &[u32], k: u32, out: &mut Vec<u8>) {
    varint((docs.len() as u64) << 2 | form, out);
    if docs.is_empty() {
        return;
    }
    out.push(k as u8);
    let mut bits = Bits { out, acc: 0, n: 0 };
    let low = (1u64 << k) - 1;
    for g in gaps(docs) {
        bits.ones(g >> k);
        bits.put(0, 1);
        bits.put(u64::from(g) & low, k);
    }
    bits.finish();
}

/// Appends the set `docs` (ascending, each below `n`) in its smallest form.
pub fn write(docs: &[u32], n: u32, out: &mut Vec<u8>) {
    let others = if docs.len() * 2 > n as usize { complement(docs, n) } else { Vec::new() };
    // Each list's parameter and its size in bytes (header aside), worked out once.
    let coded = |d: &[u32]| if d.is_empty() { (0, 0) } else { best_k(d) };
    let ((km, bm), (ko, bo)) = (coded(docs), coded(&others));
    let cost = |d: &[u32], bits: u64| if d.is_empty() { 0 } else { 1 + bits.div_ceil(8) };
    let bitmap = docs.last().map_or(0, |&d| u64::from(d) / 8 + 1);
    let (m, o) =
        (cost(docs, bm), if others.is_empty() && !docs.is_empty() { u64::MAX } else { cost(&others, bo) });
    if !docs.is_empty() && bitmap < m.min(o) {
        varint(bitmap << 2 | 1, out);
        let start = out.len();
        out.resize(start + bitmap as usize, 0);
        for &d in docs {
            out[start + d as usize / 8] |= 1 << (d % 8);
        }
    } else if o < m {
        rice(2, &others, ko, out);
    } else {
        rice(0, docs, km, out);
    }
}

/// Reads a set written by [`write`] at `*pos`, moving `*pos` past it (the tests; search.js reads
/// them in the browser).
#[cfg(test)]
pub fn read(bytes: &[u8], pos: &mut usize, n: u32) -> Vec<u32> {
    let mut h = 0u64;
    let mut shift = 0;
    loop {
        let b = bytes[*pos];
        *pos += 1;
        h |= u64::from(b & 0x7f) << shift;
        shift += 7;
        if b < 0x80 {
            break;
        }
    }
    let (form, count) = (h & 3, (h >> 2) as usize);
    if form == 1 {
        let docs =
            (0..count as u32 * 8).filter(|&d| bytes[*pos + d as usize / 8] & (1 << (d % 8)) != 0).collect();
        *pos += count;
        return docs;
    }
    if count == 0 {
        return if form == 2 { (0..n).collect() } else { Vec::new() };
    }
    let k = u32::from(bytes[*pos]);
    *pos += 1;
    let mut bit = 0usize;
    let mut next = || {
        let v = bytes[*pos + bit / 8] >> (bit % 8) & 1;
        bit += 1;
        v == 1
    };
    let mut listed = Vec::with_capacity(count);
    let mut prev: i64 = -1;
    for _ in 0..count {
        let mut q = 0u32;
        while next() {
            q += 1;
        }
        let mut r = 0u32;
        for b in 0..k {
            r |= u32::from(next()) << b;
        }
        prev += i64::from(q << k | r) + 1;
        listed.push(prev as u32);
    }
    *pos += bit.div_ceil(8);
    if form == 0 {
        return listed;
    }
    complement(&listed, n)
}

/// The briefs below `n` that are not in `docs` (ascending).
fn complement(docs: &[u32], n: u32) -> Vec<u32> {
    let mut out = Vec::with_capacity(n as usize - docs.len().min(n as usize));
    let mut it = docs.iter().peekable();
    for d in 0..n {
        if it.peek() == Some(&&d) {
            it.next();
        } else {
            out.push(d);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_form_reads_back() {
        let n = 1000;
        let sparse = vec![3, 700, 701];
        let tenth: Vec<u32> = (0..n).filter(|d| d % 10 == 3).collect();
        let third: Vec<u32> = (0..n).filter(|d| d % 3 == 0).collect();
        let most: Vec<u32> = (0..n).filter(|d| d % 50 != 7).collect();
        for docs in [vec![], sparse, tenth, third, most, (0..n).collect()] {
            let mut out = vec![0xee];
            write(&docs, n, &mut out);
            out.push(0xee);
            let mut pos = 1;
            assert_eq!(read(&out, &mut pos, n), docs);
            assert_eq!(pos, out.len() - 1, "the reader stops where the set ends");
        }
    }

    #[test]
    fn the_smallest_form_is_chosen() {
        let n = 10_000;
        let tenth: Vec<u32> = (0..n).filter(|d| d % 10 == 3).collect();
        let mut out = Vec::new();
        write(&tenth, n, &mut out);
        assert!(
            out.len() < 700,
            "one in ten as Rice gaps of 9: 5 bits each, not a 1,250-byte bitmap ({})",
            out.len()
        );
        let most: Vec<u32> = (0..n).filter(|d| d % 100 != 7).collect();
        out.clear();
        write(&most, n, &mut out);
        assert!(out.len() < 150, "99% of briefs: the 100 missing ones are listed ({})", out.len());
    }
}
