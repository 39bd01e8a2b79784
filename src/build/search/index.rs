//! The postings: for every token, which briefs have it, and where (title, summary, terms, body,
//! often in the body). Built from the site model in batches of briefs, in parallel, so memory
//! holds one batch's per-brief token lists at a time besides the postings themselves.

use super::tokenize;
use crate::build::content::Brief;
use crate::build::model::Archive;
use crate::diagnostics::Diagnostic;
use rayon::prelude::*;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Keys are FNV hashes of tokens already: they are used as they are, not hashed again with
/// std's (slower, DoS-resistant) SipHash, which nothing here needs.
#[derive(Default)]
pub struct TokenHasher(u64);

impl Hasher for TokenHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        // Only u64 keys are hashed; this keeps the trait whole for any other use.
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    fn write_u64(&mut self, v: u64) {
        self.0 = v;
    }
}

/// A map keyed by token hash.
pub type TokenMap<V> = HashMap<u64, V, BuildHasherDefault<TokenHasher>>;

/// Where a token occurs in a brief, as bits.
pub const TITLE: u8 = 1;
/// In the summary.
pub const SUMMARY: u8 = 2;
/// In a term, attendee or budget line of the front matter.
pub const TERMS: u8 = 4;
/// In the body at least [`MANY`] times.
pub const BODY_MANY: u8 = 8;

/// How many body occurrences make a token "frequent" in a brief.
const MANY: u16 = 3;

/// Briefs tokenized at once before their tokens are merged into the postings.
const BATCH: usize = 1024;

/// One token's briefs with their flags, in brief order: per brief, the distance to the previous
/// one as a varint, then its flag byte. Packed because the postings are the largest thing a
/// build holds (about 4 times smaller than a `Vec<u32>` per flag, and one allocation a token).
#[derive(Debug, Default)]
pub struct Postings {
    bytes: Vec<u8>,
    last: u32,
}

impl Postings {
    /// Adds brief `doc` (after every brief added so far) with its flags.
    pub fn push(&mut self, doc: u32, flags: u8) {
        // At most a 5-byte varint and the flags. Grown by a quarter rather than doubled: the
        // postings are held whole while the pages render (heaptrack saw 260 MB of them, grown
        // by doubling, at 100,000 briefs), and doubling leaves a list about 40% more room than
        // it fills on average, a quarter about 12%, for more copying while they grow.
        if self.bytes.capacity() - self.bytes.len() < 6 {
            self.bytes.reserve_exact((self.bytes.len() / 4).max(16));
        }
        let gap = if self.bytes.is_empty() { doc } else { doc - self.last };
        super::sets::varint(u64::from(gap), &mut self.bytes);
        self.bytes.push(flags);
        self.last = doc;
    }

    /// The briefs with their flags, in order.
    pub fn iter(&self) -> impl Iterator<Item = (u32, u8)> + '_ {
        let mut at = 0;
        let mut doc = 0u32;
        let mut first = true;
        std::iter::from_fn(move || {
            let (gap, flags_at) = read_varint(&self.bytes, at)?;
            doc = if first { gap } else { doc + gap };
            first = false;
            let flags = *self.bytes.get(flags_at)?;
            at = flags_at + 1;
            Some((doc, flags))
        })
    }
}

/// A LEB128 varint at `at`: its value and the offset after it.
fn read_varint(bytes: &[u8], mut at: usize) -> Option<(u32, usize)> {
    let mut v = 0u32;
    let mut shift = 0;
    loop {
        let b = *bytes.get(at)?;
        at += 1;
        v |= u32::from(b & 0x7f) << shift;
        if b & 0x80 == 0 {
            return Some((v, at));
        }
        shift += 7;
    }
}

/// Shards the postings are split into by the top bits of the token's hash: each shard is
/// merged on its own thread, and a smaller map keeps more of its entries in the cache.
const SHARD_BITS: u32 = 4;

/// Which shard holds the token with hash `h`.
fn shard_of(h: u64) -> usize {
    (h >> (64 - SHARD_BITS)) as usize
}

/// Every token's postings, keyed by the token's hash, in shards (see [`Shards::insert`]).
pub struct Shards(Vec<TokenMap<Postings>>);

impl Shards {
    /// Sets the postings of the token with hash `h`, replacing any it had.
    pub fn insert(&mut self, h: u64, p: Postings) {
        self.0[shard_of(h)].insert(h, p);
    }

    /// The shards' maps, to read in parallel.
    pub fn into_maps(self) -> Vec<TokenMap<Postings>> {
        self.0
    }
}

/// Every token's postings; or the problem of a body that could not be read again.
pub fn build(archive: &Archive) -> Result<Shards, Diagnostic> {
    let mut shards: Vec<TokenMap<Postings>> = (0..1 << SHARD_BITS).map(|_| TokenMap::default()).collect();
    let n = archive.briefs.len();
    for start in (0..n).step_by(BATCH) {
        let end = (start + BATCH).min(n);
        let batch: Vec<ByShard> = (start..end)
            .into_par_iter()
            .map_init(Scratch::default, |scratch, i| brief_tokens(archive, i, scratch))
            .collect::<Result<_, _>>()?;
        // Each brief's tokens are grouped by shard, so a shard takes one slice of each. The
        // slice's bounds come with the tokens: searching for them read each brief's list 16
        // times over, from memory rather than cache (3% of a build's CPU).
        shards.par_iter_mut().enumerate().for_each(|(s, map)| {
            for (offset, brief) in batch.iter().enumerate() {
                let doc = (start + offset) as u32;
                for &(h, flags) in brief.shard(s) {
                    map.entry(h).or_default().push(doc, flags);
                }
            }
        });
    }
    Ok(Shards(shards))
}

/// A thread's scratch space, reused from brief to brief: the tokens seen with their flags and
/// body counts, and the tokenizer's buffers.
#[derive(Default)]
struct Scratch {
    seen: Seen,
    tokenizer: tokenize::Scratch,
    hashes: Vec<u64>,
}

/// A brief's tokens with their flags, grouped by shard, and where each shard's group starts.
struct ByShard {
    tokens: Vec<(u64, u8)>,
    /// Shard `s`'s tokens are `tokens[starts[s]..starts[s + 1]]`.
    starts: [u32; (1 << SHARD_BITS) + 1],
}

impl ByShard {
    /// The tokens of shard `s`.
    fn shard(&self, s: usize) -> &[(u64, u8)] {
        &self.tokens[self.starts[s] as usize..self.starts[s + 1] as usize]
    }
}

/// A brief's tokens with their flags, grouped by shard.
fn brief_tokens(archive: &Archive, i: usize, scratch: &mut Scratch) -> Result<ByShard, Diagnostic> {
    let Scratch { seen, tokenizer, hashes } = scratch;
    seen.clear();
    let b = &archive.briefs[i];
    let mut add = |text: &str, flag: u8| {
        hashes.clear();
        tokenize::hashes_with(tokenizer, text, hashes);
        for &h in hashes.iter() {
            seen.add(h, flag);
        }
    };
    add(&b.meta.title, TITLE);
    add(archive.summary(i), SUMMARY);
    for_each_term(b, &mut |t| add(t, TERMS));
    add(&without_link_targets(&archive.body(i)?), 0);
    Ok(seen.by_shard())
}

/// The distinct tokens of one brief, with where they were seen (flags) and how often in the
/// body. An open-addressing table of positions in a list, kept from brief to brief: std's
/// `HashMap` cost twice the instructions a token, and the list is read in one pass at the end.
#[derive(Default)]
struct Seen {
    /// A power of two of slots, at most half full: 0 for empty, or a position in `tokens` + 1.
    slots: Vec<u32>,
    /// (hash, flags, body count), in the order first seen.
    tokens: Vec<(u64, u8, u16)>,
}

impl Seen {
    fn clear(&mut self) {
        self.slots.fill(0);
        self.tokens.clear();
    }

    /// Counts the token with hash `h` once, in the field `flag` (0 for the body).
    fn add(&mut self, h: u64, flag: u8) {
        if self.tokens.len() * 2 >= self.slots.len() {
            self.grow();
        }
        let mask = self.slots.len() - 1;
        // The hash's two halves folded: a token hash is FNV already, and this mixes its upper
        // bits (which pick the shard) into the slot as well.
        let mut at = (h ^ (h >> 32)) as usize & mask;
        loop {
            let slot = self.slots[at];
            if slot == 0 {
                self.tokens.push((h, flag, u16::from(flag == 0)));
                self.slots[at] = self.tokens.len() as u32;
                return;
            }
            let t = &mut self.tokens[slot as usize - 1];
            if t.0 == h {
                t.1 |= flag;
                if flag == 0 {
                    t.2 = t.2.saturating_add(1);
                }
                return;
            }
            at = (at + 1) & mask;
        }
    }

    /// Twice the slots (at least 1,024), the tokens placed again.
    fn grow(&mut self) {
        let n = (self.slots.len() * 2).max(1024);
        self.slots = vec![0; n];
        for (k, &(h, _, _)) in self.tokens.iter().enumerate() {
            let mut at = (h ^ (h >> 32)) as usize & (n - 1);
            while self.slots[at] != 0 {
                at = (at + 1) & (n - 1);
            }
            self.slots[at] = k as u32 + 1;
        }
    }

    /// The tokens with their final flags, grouped by shard (a counting sort: there are only a
    /// few shards, and a comparison sort of every brief's tokens cost 2% of a build).
    fn by_shard(&self) -> ByShard {
        let mut starts = [0u32; (1 << SHARD_BITS) + 1];
        for &(h, _, _) in &self.tokens {
            starts[shard_of(h) + 1] += 1;
        }
        for s in 1..starts.len() {
            starts[s] += starts[s - 1];
        }
        let mut next = starts;
        let mut tokens = vec![(0u64, 0u8); self.tokens.len()];
        for &(h, flags, body) in &self.tokens {
            let slot = &mut next[shard_of(h)];
            tokens[*slot as usize] = (h, if body >= MANY { flags | BODY_MANY } else { flags });
            *slot += 1;
        }
        ByShard { tokens, starts }
    }
}

/// The front matter's terms, people and budget lines as searchable text. Amounts are given as
/// their value in won, which is the token every written form of them makes (`33억원` →
/// `3300000000`).
fn for_each_term(b: &Brief, f: &mut impl FnMut(&str)) {
    let m = &b.meta;
    for t in m.region.iter().chain(&m.sector).chain(&m.agenda).chain(m.custom.iter().flat_map(|c| &c.1)) {
        f(t);
    }
    for a in &m.attendees {
        f(&a.name);
        f(&a.role);
        f(&a.org);
    }
    for line in &m.budget {
        f(&line.item);
        f(&line.amount.min.to_string());
        if line.amount.is_range() {
            f(&line.amount.max.to_string());
        }
    }
}

/// Markdown with the targets of inline links (`](../a.md)`) removed: file names and URLs are
/// not what a reader searches for.
pub fn without_link_targets(body: &str) -> std::borrow::Cow<'_, str> {
    let Some(first) = link_target_at(body) else {
        return body.into();
    };
    let mut out = String::with_capacity(body.len());
    out.push_str(&body[..first]);
    out.push(' ');
    let mut rest = after_target(&body[first + 2..]);
    while let Some(at) = link_target_at(rest) {
        out.push_str(&rest[..at]);
        out.push(' ');
        rest = after_target(&rest[at + 2..]);
    }
    out.push_str(rest);
    out.into()
}

/// Where the first `](` in `text` is. Found through its `]` (a one-byte search, which is
/// vectorised; a search for the two-byte string is not, and every body is searched).
fn link_target_at(text: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(p) = text[from..].find(']') {
        let at = from + p;
        if text.as_bytes().get(at + 1) == Some(&b'(') {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

/// The text after a link target that `after` starts with: past its `)`, or `after` itself
/// when the line ends first.
fn after_target(after: &str) -> &str {
    match after.find([')', '\n']) {
        Some(end) if after.as_bytes()[end] == b')' => &after[end + 1..],
        _ => after,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn postings_give_back_what_was_pushed() {
        let mut p = Postings::default();
        let pushed = [(0, TITLE), (1, 0), (200, BODY_MANY | TERMS), (70_000, SUMMARY), (70_001, 0)];
        for (doc, flags) in pushed {
            p.push(doc, flags);
        }
        assert_eq!(p.iter().collect::<Vec<_>>(), pushed);
        assert_eq!(Postings::default().iter().count(), 0);
    }

    #[test]
    fn a_brief_s_tokens_are_counted_once_with_every_field_they_are_in() {
        let mut seen = Seen::default();
        for round in 0..2 {
            seen.clear();
            // Enough tokens to make the table grow, some hashes alike in their low bits.
            for h in 0..3000u64 {
                seen.add(h << 40 | h, 0);
            }
            seen.add(5 << 40 | 5, TITLE);
            seen.add(5 << 40 | 5, 0);
            seen.add(7 << 40 | 7, SUMMARY);
            seen.add(1 << 63, TERMS);
            let grouped = seen.by_shard();
            for s in 0..1 << SHARD_BITS {
                assert!(grouped.shard(s).iter().all(|t| shard_of(t.0) == s), "shard {s}, round {round}");
            }
            let tokens = grouped.tokens;
            assert_eq!(tokens.len(), 3001, "round {round}");
            assert!(tokens.windows(2).all(|w| shard_of(w[0].0) <= shard_of(w[1].0)), "grouped by shard");
            let flags = |h: u64| tokens.iter().find(|t| t.0 == h).map(|t| t.1);
            assert_eq!(flags(5 << 40 | 5), Some(TITLE), "two body occurrences are not many");
            assert_eq!(flags(7 << 40 | 7), Some(SUMMARY));
            assert_eq!(flags(1 << 63), Some(TERMS));
            assert_eq!(flags(9 << 40 | 9), Some(0));
            seen.add(9 << 40 | 9, 0);
            seen.add(9 << 40 | 9, 0);
            assert_eq!(
                seen.by_shard().tokens.iter().find(|t| t.0 == 9 << 40 | 9).map(|t| t.1),
                Some(BODY_MANY)
            );
        }
    }

    #[test]
    fn link_targets_are_left_out() {
        assert_eq!(without_link_targets("[전략대화](a-b.md) 이후"), "[전략대화  이후");
        assert_eq!(without_link_targets("괄호](없음\n다음"), "괄호 없음\n다음");
        assert_eq!(without_link_targets("a] [b](x.md) c] [d](y) e"), "a] [b  c] [d  e");
        assert_eq!(without_link_targets("끝]"), "끝]");
    }
}
