//! A fast hasher for the lookup tables that scoring reads many times per document (skill and
//! competency ids, section headings, the fuzzy stage's dictionary and keys).
//!
//! The standard library's SipHash guards a table against keys chosen to collide. These tables
//! are built once from the taxonomy and built-in word lists, and a document's words are only
//! looked up in them, never inserted: a crafted resume cannot lengthen their probe chains. So
//! FNV-1a, which costs a multiply per byte on these short keys, is enough.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// FNV-1a, 64 bits.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
}

/// A `HashMap` with [`Fnv`].
pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

/// A `HashSet` with [`Fnv`].
pub(crate) type FastSet<T> = HashSet<T, BuildHasherDefault<Fnv>>;
