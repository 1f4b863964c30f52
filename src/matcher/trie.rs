//! A double-array trie of spellings, ASCII case folded: the exact stage's automaton.
//!
//! Self-contained (`std` only): `build.rs` compiles this file too and writes the trie of the
//! built-in taxonomy's spellings to `$OUT_DIR/exact-trie.rs`, so that a start with the
//! built-in taxonomy builds nothing (issue 14, start-up); a custom taxonomy's trie is built
//! by the same [`build`] when the taxonomy is loaded.
//!
//! The trie has no failure links: the exact stage only needs the spellings that start at a
//! given byte (it walks from each place a whole word may start, see `exact`), which one walk
//! down from the root gives, longest last.
//!
//! Layout: bytes are first mapped to classes ([`Trie::classes`]; 0 for a byte no key holds,
//! ASCII upper-case letters share the class of their lower-case letter, which is how the
//! trie folds case). Each state `s` owns three `u32`s of [`Trie::slots`] from `3 * s`: its
//! base, its parent (the check) and the key that ends there ([`NONE`] for none). The state
//! after `s` on a byte of class `c` is `t = base(s) + c` when the parent of `t` is `s`. The
//! root is state 0. Keys are numbered in the sorted order [`build`] is given them in.

/// No key, no parent.
pub(crate) const NONE: u32 = u32::MAX;

/// The root state.
pub(crate) const ROOT: u32 = 0;

/// A double-array trie over borrowed or owned tables (see the module documentation).
#[derive(Debug, Clone)]
pub(crate) struct Trie<C, S> {
    /// The class of each byte.
    pub classes: C,
    /// Base, parent and key of each state, three `u32`s a state.
    pub slots: S,
}

impl<C: AsRef<[u8; 256]>, S: AsRef<[u32]>> Trie<C, S> {
    /// The state after `state` on `byte`, if any.
    #[inline]
    pub fn step(&self, state: u32, byte: u8) -> Option<u32> {
        let class = self.classes.as_ref()[usize::from(byte)];
        if class == 0 {
            return None;
        }
        let slots = self.slots.as_ref();
        let next = slots[3 * state as usize].wrapping_add(u32::from(class));
        (slots.get(3 * next as usize + 1) == Some(&state)).then_some(next)
    }

    /// The key that ends at `state`, or [`NONE`].
    #[inline]
    pub fn key(&self, state: u32) -> u32 {
        self.slots.as_ref()[3 * state as usize + 2]
    }

    /// The number of the key spelled `text` (ASCII case folded), if it is one.
    pub fn find(&self, text: &[u8]) -> Option<u32> {
        let mut state = ROOT;
        for &b in text {
            state = self.step(state, b)?;
        }
        Some(self.key(state)).filter(|&k| k != NONE)
    }
}

/// The owned form, built at run time.
pub(crate) type OwnedTrie = Trie<Box<[u8; 256]>, Vec<u32>>;

/// The trie of `spellings`, lower-case in ASCII; key `i` is the `i`-th of them in sorted
/// order, without repeats and empty spellings.
pub(crate) fn of_spellings<'a>(spellings: impl IntoIterator<Item = &'a str>) -> OwnedTrie {
    let mut keys: Vec<String> = spellings
        .into_iter()
        .map(|s| s.to_ascii_lowercase())
        .filter(|k| !k.is_empty())
        .collect();
    keys.sort_unstable();
    keys.dedup();
    build(&keys)
}

/// Builds the trie of `keys`, which must be sorted, without repeats, non-empty and
/// lower-case in ASCII (`to_ascii_lowercase`); key `i` is `keys[i]`.
pub(crate) fn build<K: AsRef<[u8]>>(keys: &[K]) -> OwnedTrie {
    let mut classes = [0u8; 256];
    for k in keys {
        for &b in k.as_ref() {
            classes[usize::from(b)] = 1;
        }
    }
    let mut next = 0u8;
    for c in classes.iter_mut().filter(|c| **c != 0) {
        next += 1;
        *c = next;
    }
    for b in b'A'..=b'Z' {
        classes[usize::from(b)] = classes[usize::from(b.to_ascii_lowercase())];
    }
    let class_count = u32::from(next);

    // Each state's base, parent and key, grown as states are placed.
    let mut slots: Vec<u32> = vec![0, NONE, NONE];
    // Whether a state is taken (the root is).
    let mut used: Vec<bool> = vec![true];
    // No state below this one is free.
    let mut first_free = 1usize;
    // States to give children to: (state, keys lo..hi that share its prefix, depth).
    let mut todo = vec![(ROOT, 0usize, keys.len(), 0usize)];
    let mut children: Vec<(u32, usize, usize)> = Vec::new();
    while let Some((state, mut lo, hi, depth)) = todo.pop() {
        if lo < hi && keys[lo].as_ref().len() == depth {
            slots[3 * state as usize + 2] = lo as u32;
            lo += 1;
        }
        // The children: one per byte at `depth`, each with its keys (contiguous, sorted).
        children.clear();
        while lo < hi {
            let b = keys[lo].as_ref()[depth];
            let mut end = lo + 1;
            while end < hi && keys[end].as_ref()[depth] == b {
                end += 1;
            }
            children.push((u32::from(classes[usize::from(b)]), lo, end));
            lo = end;
        }
        let Some(&(first_class, _, _)) = children.first() else {
            continue;
        };
        // The lowest base at which every child's state is free.
        let mut base = (first_free as u32).saturating_sub(first_class);
        while !children.iter().all(|&(c, _, _)| {
            let t = (base + c) as usize;
            t >= used.len() || !used[t]
        }) {
            base += 1;
        }
        slots[3 * state as usize] = base;
        for &(c, clo, chi) in &children {
            let t = (base + c) as usize;
            if t >= used.len() {
                let old = used.len();
                used.resize(t + 1, false);
                grow(&mut slots, old, t + 1);
            }
            used[t] = true;
            slots[3 * t + 1] = state;
            todo.push((t as u32, clo, chi, depth + 1));
        }
        while first_free < used.len() && used[first_free] {
            first_free += 1;
        }
    }
    // Room for a step from any state on any class: base + class stays inside (a free slot's
    // parent is NONE, so the step fails there).
    let max_base = slots.chunks(3).map(|s| s[0]).max().unwrap_or(0);
    let len = (max_base + class_count + 1) as usize;
    let old = slots.len() / 3;
    grow(&mut slots, old, len);
    Trie {
        classes: Box::new(classes),
        slots,
    }
}

/// Adds free states to `slots` from state `old` up to `len`: base 0, no parent, no key.
fn grow(slots: &mut Vec<u32>, old: usize, len: usize) {
    if len > old {
        slots.truncate(3 * old);
        for _ in old..len {
            slots.extend_from_slice(&[0, NONE, NONE]);
        }
    }
}

/// The trie as a Rust expression `(&[u8; 256], &[u32])` of its classes and slots, for
/// `build.rs` to write and the library to `include!`.
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) fn to_rust(trie: &OwnedTrie) -> String {
    use std::fmt::Write;
    let mut out =
        String::from("// Written by build.rs from the built-in taxonomy's spellings.\n(&[");
    for c in trie.classes.iter() {
        let _ = write!(out, "{c},");
    }
    out.push_str("], &[");
    for (i, s) in trie.slots.iter().enumerate() {
        if i % 24 == 0 {
            out.push('\n');
        }
        let _ = write!(out, "{s},");
    }
    out.push_str("\n])\n");
    out
}
