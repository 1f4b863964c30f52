//! Deletion variants of fuzzy keys, as hashes (SymSpell; see `fuzzy`).
//!
//! Self-contained (`std` and `fnv` only): `build.rs` compiles this file too, to build the
//! built-in taxonomy's per-letter deletion indexes ([`Index`]) at compile time, and the fuzzy
//! stage reads them from `$OUT_DIR` instead of building them on the first score (issue 14).
//! The test `prepared_indexes_are_the_built_ones` checks both agree.

use std::borrow::Cow;
use std::hash::Hasher;

/// Lower-case ASCII letters and digits of `s`.
pub(crate) fn key(s: &str) -> String {
    s.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// How many deletions a key or token of `len` bytes gets at `threshold`: up to
/// `floor((1 - threshold) * len)`, at most 2.
pub(crate) fn max_edits(len: usize, threshold: f64) -> usize {
    (((1.0 - threshold) * len as f64) + 1e-9).floor().min(2.0) as usize
}

/// FNV-1a, 64 bits: short ASCII keys, no need for DoS resistance.
pub(crate) fn hash(bytes: &[u8]) -> u64 {
    let mut h = fnv::FnvHasher::default();
    h.write(bytes);
    h.finish()
}

/// [`hash`] continued from the state `h` (FNV-1a reads bytes in order, so the hash of `a ++ b`
/// is `hash_from(hash(a), b)`).
fn hash_from(h: u64, bytes: &[u8]) -> u64 {
    let mut h = fnv::FnvHasher::with_key(h);
    h.write(bytes);
    h.finish()
}

/// Calls `f` with the [`hash`] of every variant `fuzzy::for_each_deletion` makes, in the same order,
/// without building the variants: each is hashed from the state after its kept prefix.
pub(crate) fn for_each_deletion_hash(s: &[u8], n: usize, f: &mut impl FnMut(u64)) {
    /// `h` is the hash of the variant's bytes before `rest`; `len` the variant's length; the
    /// next deletion may only be at `rest[from..]` (`from` counts from the start of `rest`).
    fn go(h: u64, rest: &[u8], len: usize, from: usize, n: usize, f: &mut impl FnMut(u64)) {
        f(hash_from(h, rest));
        if n == 0 || len <= 1 {
            return;
        }
        let mut prefix = hash_from(h, &rest[..from]);
        for i in from..rest.len() {
            // Delete `rest[i]`: the variant is the prefix, then `rest[i + 1..]`.
            go(prefix, &rest[i + 1..], len - 1, 0, n - 1, f);
            prefix = hash_from(prefix, &rest[i..=i]);
        }
    }
    // The first letter must match anyway, so it is never deleted.
    go(hash(&[]), s, s.len(), 1, n, f);
}

/// A deletion index: `(hash of a deletion variant of an entry's key, entry index)` pairs,
/// sorted and without repeats, with the start of each bucket of hashes that share their top
/// bits (about one pair a bucket). Hashes, not strings: a collision only adds a candidate, and
/// every candidate is checked by its similarity anyway.
///
/// The tables are little-endian bytes (`u64` hashes, `u32` entry indices, `u32` bucket starts)
/// so that `build.rs` can prepare the built-in taxonomy's indexes and the fuzzy stage can read
/// them where they stand ([`Index::borrowed`]); other taxonomies and thresholds build theirs
/// ([`Index::new`]) the first time a letter is needed.
#[derive(Debug, Clone)]
pub(crate) struct Index {
    hashes: Cow<'static, [u8]>,
    ids: Cow<'static, [u8]>,
    /// Where each value of a hash's top bits begins in `hashes` (`b`, and at `b + 1` ends):
    /// a lookup reads a bucket of about one pair instead of bisecting the table.
    buckets: Cow<'static, [u8]>,
    /// `64 -` the number of top bits that choose a bucket.
    shift: u32,
}

fn u32_at(bytes: &[u8], i: usize) -> u32 {
    u32::from_le_bytes(bytes[i * 4..i * 4 + 4].try_into().expect("four bytes"))
}

fn u64_at(bytes: &[u8], i: usize) -> u64 {
    u64::from_le_bytes(bytes[i * 8..i * 8 + 8].try_into().expect("eight bytes"))
}

impl Index {
    /// The index of `deletes`, `(hash, entry index)` pairs in any order.
    pub(crate) fn new(deletes: Vec<(u64, u32)>) -> Index {
        let bits = deletes
            .len()
            .next_power_of_two()
            .trailing_zeros()
            .clamp(1, 24);
        let shift = 64 - bits;
        // Sorted by a scatter into buckets of the top bits (about one entry each), then each
        // bucket sorted alone: linear where one sort of the whole table was most of the build.
        let count = |deletes: &[(u64, u32)]| {
            let mut buckets = vec![0u32; (1 << bits) + 1];
            for &(h, _) in deletes {
                buckets[(h >> shift) as usize + 1] += 1;
            }
            for b in 1..buckets.len() {
                buckets[b] += buckets[b - 1];
            }
            buckets
        };
        let buckets = count(&deletes);
        let mut next = buckets.clone();
        let mut sorted = vec![(0u64, 0u32); deletes.len()];
        for &d in &deletes {
            let b = &mut next[(d.0 >> shift) as usize];
            sorted[*b as usize] = d;
            *b += 1;
        }
        for b in buckets.windows(2) {
            sorted[b[0] as usize..b[1] as usize].sort_unstable();
        }
        sorted.dedup();
        let buckets = count(&sorted);
        Index {
            hashes: sorted.iter().flat_map(|d| d.0.to_le_bytes()).collect(),
            ids: sorted.iter().flat_map(|d| d.1.to_le_bytes()).collect(),
            buckets: buckets.iter().flat_map(|b| b.to_le_bytes()).collect(),
            shift,
        }
    }

    /// An index from tables [`Index::parts`] gave.
    pub(crate) fn borrowed(
        hashes: &'static [u8],
        ids: &'static [u8],
        buckets: &'static [u8],
        shift: u32,
    ) -> Index {
        Index {
            hashes: Cow::Borrowed(hashes),
            ids: Cow::Borrowed(ids),
            buckets: Cow::Borrowed(buckets),
            shift,
        }
    }

    /// The hashes, the entry indices, the bucket starts and the shift (what `build.rs` writes).
    #[cfg_attr(not(test), allow(dead_code))]
    pub(crate) fn parts(&self) -> (&[u8], &[u8], &[u8], u32) {
        (&self.hashes, &self.ids, &self.buckets, self.shift)
    }

    /// The entries one of whose deletion variants hashes to `h`.
    pub(crate) fn entries_with(&self, h: u64) -> impl Iterator<Item = u32> + '_ {
        let b = (h >> self.shift) as usize;
        (u32_at(&self.buckets, b) as usize..u32_at(&self.buckets, b + 1) as usize)
            .skip_while(move |&i| u64_at(&self.hashes, i) < h)
            .take_while(move |&i| u64_at(&self.hashes, i) == h)
            .map(|i| u32_at(&self.ids, i))
    }
}
