//! Deletion variants of fuzzy keys, as hashes (SymSpell; see `fuzzy`).
//!
//! Self-contained (`std` only): `build.rs` compiles this file too, to build the
//! built-in taxonomy's per-letter deletion indexes ([`Index`]) at compile time, and the fuzzy
//! stage reads them from `$OUT_DIR` instead of building them on the first score (issue 14).
//! The test `prepared_indexes_are_the_built_ones` checks both agree.

use std::borrow::Cow;

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

/// The multiplier of [`hash`]'s polynomial (odd, so every power of it is too).
const P: u64 = 0x9e37_79b9_7f4a_7c15;

/// A 64-bit hash of short ASCII keys and words: the polynomial `sum(b[i] * P^(n-1-i))` (wrapping),
/// then a bijective mix so that every input byte reaches the top bits that choose a bucket.
/// No need for DoS resistance: the tables hashed into are made from the taxonomy and the word
/// lists, and a document's words are only looked up. The polynomial lets
/// [`for_each_deletion_hash`] hash a variant from its kept prefix and the rest of the key in a
/// few instructions, where reading the rest again cost most of a fuzzy lookup. (The library
/// only calls it in tests: [`for_each_deletion_hash`] makes the same hashes its own way.)
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) fn hash(bytes: &[u8]) -> u64 {
    mix(bytes
        .iter()
        .fold(0u64, |h, &b| h.wrapping_mul(P).wrapping_add(u64::from(b))))
}

/// The finaliser of MurmurHash3 (`fmix64`): a bijection of `u64`.
pub(crate) fn mix(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// Calls `f` with the [`hash`] of every variant `fuzzy::for_each_deletion` makes, in the same
/// order, without building the variants: each is the polynomial of its kept prefix, shifted
/// by the length of the rest of the key, plus the polynomial of that rest (precomputed for
/// every suffix), mixed.
pub(crate) fn for_each_deletion_hash(s: &[u8], n: usize, f: &mut impl FnMut(u64)) {
    /// The key's powers of `P` (`pow[k] = P^k`) and suffix polynomials (`suffix[p]` of
    /// `s[p..]`), on the stack for keys and tokens of up to 47 bytes.
    struct Tables<'a> {
        s: &'a [u8],
        pow: &'a [u64],
        suffix: &'a [u64],
    }
    /// `h` is the polynomial of the variant's bytes before `s[p..]`; `len` the variant's
    /// length; the next deletion may only be at `from..` (`from >= p`).
    fn go(
        t: &Tables,
        h: u64,
        p: usize,
        len: usize,
        from: usize,
        n: usize,
        f: &mut impl FnMut(u64),
    ) {
        let end = t.s.len();
        f(mix(h
            .wrapping_mul(t.pow[end - p])
            .wrapping_add(t.suffix[p])));
        if n == 0 || len <= 1 {
            return;
        }
        let mut prefix = h;
        for &b in &t.s[p..from] {
            prefix = prefix.wrapping_mul(P).wrapping_add(u64::from(b));
        }
        for i in from..end {
            // Delete `s[i]`: the variant is the prefix, then `s[i + 1..]`.
            go(t, prefix, i + 1, len - 1, i + 1, n - 1, f);
            prefix = prefix.wrapping_mul(P).wrapping_add(u64::from(t.s[i]));
        }
    }
    const STACK: usize = 48;
    let (mut pow_stack, mut suffix_stack) = ([0u64; STACK], [0u64; STACK]);
    let (mut pow_heap, mut suffix_heap) = (Vec::new(), Vec::new());
    let (pow, suffix): (&mut [u64], &mut [u64]) = if s.len() < STACK {
        (&mut pow_stack[..=s.len()], &mut suffix_stack[..=s.len()])
    } else {
        pow_heap.resize(s.len() + 1, 0);
        suffix_heap.resize(s.len() + 1, 0);
        (&mut pow_heap, &mut suffix_heap)
    };
    pow[0] = 1;
    for k in 1..pow.len() {
        pow[k] = pow[k - 1].wrapping_mul(P);
    }
    suffix[s.len()] = 0;
    for p in (0..s.len()).rev() {
        suffix[p] = u64::from(s[p])
            .wrapping_mul(pow[s.len() - 1 - p])
            .wrapping_add(suffix[p + 1]);
    }
    let t = Tables { s, pow, suffix };
    // The first letter must match anyway, so it is never deleted.
    go(&t, 0, 0, s.len(), 1.min(s.len()), n, f);
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
