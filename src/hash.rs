//! A fast hasher for the lookup tables that scoring reads many times per document (skill and
//! competency ids, section headings, the fuzzy stage's dictionary and keys).
//!
//! The standard library's SipHash guards a table against keys chosen to collide. These tables
//! are built once from the taxonomy and built-in word lists, and a document's words are only
//! looked up in them, never inserted: a crafted resume cannot lengthen their probe chains. So
//! FNV-1a (the `fnv` crate), which costs a multiply per byte on these short keys, is enough.

/// A `HashMap` with FNV-1a.
pub(crate) type FastMap<K, V> = fnv::FnvHashMap<K, V>;

/// A `HashSet` with FNV-1a.
pub(crate) type FastSet<T> = fnv::FnvHashSet<T>;
