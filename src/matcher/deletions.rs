//! Deletion variants of fuzzy keys, as hashes (SymSpell; see `fuzzy`).
//!
//! Self-contained (`std` and `fnv` only): `build.rs` compiles this file too, to hash the
//! deletion variants of the built-in taxonomy's keys at compile time, and the fuzzy index
//! reads them from `$OUT_DIR` instead of making them on the first score (issue 14,
//! start-up). The test `precomputed_deletions_are_the_computed_ones` checks both agree.

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
