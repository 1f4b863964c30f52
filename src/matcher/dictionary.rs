//! The English word list as tables prepared at compile time: a hashed set for "is this a
//! word?" and words grouped by first byte and length for "may a word start so?".
//!
//! Self-contained (`std` only, and `deletions::mix`): `build.rs` compiles this
//! file too and writes the tables to `$OUT_DIR` with [`Tables::build`]; the fuzzy stage reads
//! them where they stand ([`Words`]), so nothing is built at run time (issue 14, third round;
//! a lookup was a bisection of about 450 instructions, and the groups cost 1 M instructions on
//! the first score).
//!
//! Layout, every number little-endian:
//!
//! - `words`: every word (ASCII, 1 to 31 bytes), group after group; a group is the words of one
//!   first byte and one length, in byte order, so a group is a run of records of one length
//!   and needs no separators or offsets.
//! - `groups`: `u32` byte offsets in `words`, where group `g` ([`group`]) starts; `g + 1`'s is
//!   where it ends.
//! - `slots`: an open-addressing table (linear probing, a power of two of `u32` slots, at most
//!   half full) of the words: a slot is `offset << 12 | length << 7 | tag`, where `offset` is the
//!   word's place in `words` and `tag` the low 7 bits of its hash ([`hash`]); the word starts probing at the slot named by the hash's top bits. 0 is an empty
//!   slot (no word is empty).

use super::deletions::mix;

/// The hash of a word for [`Tables::slots`]: its bytes read eight at a time (words are short,
/// so this is about half the work of a byte-by-byte hash), with its length, mixed.
fn hash(word: &[u8]) -> u64 {
    const K: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut h = word.len() as u64;
    let mut chunks = word.chunks_exact(8);
    for c in &mut chunks {
        let c = u64::from_le_bytes(c.try_into().expect("eight bytes"));
        h = (h ^ c).wrapping_mul(K).rotate_left(29);
    }
    let mut last = 0u64;
    for (k, &b) in chunks.remainder().iter().enumerate() {
        last |= u64::from(b) << (8 * k);
    }
    mix(h ^ last.wrapping_mul(K))
}

/// How many groups: 128 first bytes (without the top bit) times 32 lengths.
#[cfg_attr(not(test), allow(dead_code))]
const GROUPS: usize = 128 * 32;

/// The group of a word: its first byte (without the top bit) and its length (up to 31).
fn group(first: u8, len: usize) -> usize {
    usize::from(first & 0x7f) << 5 | len.min(31)
}

fn u32_at(bytes: &[u8], i: usize) -> u32 {
    u32::from_le_bytes(bytes[i * 4..i * 4 + 4].try_into().expect("four bytes"))
}

/// The three tables of a word list (see the module's documentation). Made by `build.rs`; the
/// library only checks them in its tests.
#[cfg_attr(not(test), allow(dead_code))]
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Tables {
    pub words: Vec<u8>,
    pub groups: Vec<u8>,
    pub slots: Vec<u8>,
}

#[cfg_attr(not(test), allow(dead_code))]
impl Tables {
    /// The tables of `words` (in any order, repeats ignored). Panics on a word that is empty,
    /// longer than 31 bytes or not ASCII, or on a list of more than 2^19 words.
    pub fn build<'a>(words: impl Iterator<Item = &'a str>) -> Tables {
        let mut list: Vec<&str> = words.collect();
        for w in &list {
            assert!(
                !w.is_empty() && w.len() < 32 && w.is_ascii(),
                "dictionary word {w:?}: 1 to 31 ASCII bytes"
            );
        }
        list.sort_unstable_by_key(|w| (group(w.as_bytes()[0], w.len()), *w));
        list.dedup();
        let mut text = Vec::new();
        let mut starts = vec![0u32; GROUPS + 1];
        for w in &list {
            starts[group(w.as_bytes()[0], w.len()) + 1] += w.len() as u32;
            text.extend_from_slice(w.as_bytes());
        }
        for g in 0..GROUPS {
            starts[g + 1] += starts[g];
        }
        assert!(text.len() < 1 << 20, "offsets fit in 20 bits");
        let size = (list.len() * 2).next_power_of_two().max(2);
        let shift = 64 - size.trailing_zeros();
        let mut slots = vec![0u32; size];
        let mut at = 0usize;
        for w in &list {
            let h = hash(w.as_bytes());
            let mut i = (h >> shift) as usize;
            while slots[i] != 0 {
                i = (i + 1) & (size - 1);
            }
            slots[i] = (at as u32) << 12 | (w.len() as u32) << 7 | (h & 0x7f) as u32;
            at += w.len();
        }
        Tables {
            words: text,
            groups: starts.iter().flat_map(|s| s.to_le_bytes()).collect(),
            slots: slots.iter().flat_map(|s| s.to_le_bytes()).collect(),
        }
    }
}

/// A word list's tables, read where they stand.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Words<'a> {
    pub words: &'a [u8],
    pub groups: &'a [u8],
    pub slots: &'a [u8],
}

impl Words<'_> {
    /// Whether `word` is in the list.
    pub(crate) fn contains(&self, word: &str) -> bool {
        self.contains_bytes(word.as_bytes())
    }

    /// Whether the word spelled by `word` is in the list (bytes that are not ASCII are in no
    /// list).
    pub(crate) fn contains_bytes(&self, word: &[u8]) -> bool {
        let len = word.len();
        if len == 0 || len >= 32 {
            return false;
        }
        let h = hash(word);
        let size = self.slots.len() / 4;
        let shift = 64 - size.trailing_zeros();
        let want = (len as u32) << 7 | (h & 0x7f) as u32;
        let mut i = (h >> shift) as usize;
        loop {
            let slot = u32_at(self.slots, i);
            if slot == 0 {
                return false;
            }
            if slot & 0xfff == want {
                let at = (slot >> 12) as usize;
                // A byte loop: the words are short, where `==` calls `memcmp`.
                if self.words[at..at + len]
                    .iter()
                    .zip(word)
                    .all(|(a, b)| a == b)
                {
                    return true;
                }
            }
            i = (i + 1) & (size - 1);
        }
    }

    /// The words of `len` bytes starting with `first`, one after another.
    fn group(&self, first: u8, len: usize) -> &[u8] {
        if len == 0 || len >= 32 {
            return &[];
        }
        let g = group(first, len);
        &self.words[u32_at(self.groups, g) as usize..u32_at(self.groups, g + 1) as usize]
    }

    /// The words of `len` bytes that start with `prefix`, one after another, when there
    /// are at most `most` of them; `None` when there are more, or when `prefix` is empty.
    /// (The words of a group are sorted, so those with a prefix are one run of it.)
    pub(crate) fn starting(&self, prefix: &[u8], len: usize, most: usize) -> Option<&[u8]> {
        let &first = prefix.first()?;
        let group = self.group(first, len);
        if group.is_empty() || prefix.len() > len {
            return Some(&[]);
        }
        let word = |k: usize| &group[k * len..k * len + prefix.len()];
        let count = group.len() / len;
        // The first word not below `prefix` (with `le`: not below or starting with it).
        let bisect = |le: bool| {
            let (mut lo, mut hi) = (0, count);
            while lo < hi {
                let mid = (lo + hi) / 2;
                let w = word(mid);
                if w < prefix || (le && w == prefix) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            lo
        };
        let lo = bisect(false);
        if lo == count || word(lo) != prefix {
            return Some(&[]);
        }
        let hi = bisect(true);
        (hi - lo <= most).then(|| &group[lo * len..hi * len])
    }

    /// Every word, group after group.
    #[cfg(test)]
    pub(crate) fn iter(&self) -> impl Iterator<Item = &[u8]> + '_ {
        (0..GROUPS).flat_map(move |g| {
            let len = g & 31;
            let text =
                &self.words[u32_at(self.groups, g) as usize..u32_at(self.groups, g + 1) as usize];
            text.chunks(len.max(1))
        })
    }
}
