//! The fuzzy stage: misspellings and near-variants of aliases.
//!
//! It looks only at tokens (runs of ASCII letters and digits) that the exact
//! stage did not explain, and only at spellings of skills that allow it
//! (`fuzzy: true`, not ambiguous). Comparison is on *keys*: the spelling in
//! lower case with everything but letters and digits removed (`Node.js` →
//! `nodejs`, `Elastic Search` → `elasticsearch`).
//!
//! - **Joined tokens**: two or three adjacent unexplained tokens whose joined
//!   key equals a spelling's key match with similarity 1 (`Elastic Search`,
//!   `Node JS`, `Spring-boot`, `Mongo DB`).
//! - **Single tokens** of at least `min_len` characters that are not ordinary
//!   English words (a built-in list of 60,000) and contain a letter are compared
//!   with spelling keys of similar length that start with the same letter.
//!   Similarity is `1 - d / max(len)` where `d` is the Damerau-Levenshtein
//!   distance (a transposition is one edit, so `Pyhton`, `Dokcer` and `Djnago`
//!   are one edit from their skill); a match needs similarity ≥ the threshold.
//!   Candidates come from a deletion neighbourhood (SymSpell, first letter
//!   kept) built once, with
//!   up to `floor((1 - threshold) * len)` deletions, at most 2.
//!   When two skills tie for the best similarity, the token is left alone.

pub(crate) use super::deletions::key;
use super::deletions::{for_each_deletion_hash, max_edits, Index};
pub(crate) use super::dictionary::Words;
use crate::hash::FastMap;
use std::sync::OnceLock;

/// The similarity a fuzzy match needs by default, when the taxonomy sets none.
pub const DEFAULT_THRESHOLD: f64 = 0.8;

/// The shortest token the fuzzy stage looks at, by default.
pub const DEFAULT_MIN_LEN: usize = 5;

/// Ordinary English words (five letters or more) the fuzzy stage never touches: the word
/// lists of `data/` as the tables `build.rs` makes of them (see `dictionary`).
pub(crate) fn dictionary() -> &'static Words<'static> {
    static WORDS: Words<'static> = Words {
        words: include_bytes!(concat!(env!("OUT_DIR"), "/dictionary-words.bin")),
        groups: include_bytes!(concat!(env!("OUT_DIR"), "/dictionary-groups.bin")),
        slots: include_bytes!(concat!(env!("OUT_DIR"), "/dictionary-slots.bin")),
    };
    &WORDS
}

/// One spelling the fuzzy stage can match.
#[derive(Debug, Clone)]
pub(crate) struct Entry {
    pub skill: usize,
    pub spelling: String,
    pub key: String,
}

/// A fuzzy hit.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct FuzzyHit {
    pub skill: usize,
    /// The spelling it was taken for.
    pub spelling: String,
    /// Similarity in (0, 1].
    pub similarity: f64,
    /// Byte span in the haystack.
    pub start: usize,
    pub end: usize,
}

/// The compiled fuzzy index.
#[derive(Debug, Clone)]
pub(crate) struct Fuzzy {
    threshold: f64,
    min_len: usize,
    entries: Vec<Entry>,
    by_key: FastMap<String, usize>,
    /// Per first byte of a key, the deletion index of the keys starting with it ([`Index`]),
    /// built the first time a token starting with that byte is looked up: candidates must
    /// share the token's first letter anyway, and a resume needs a few letters' indexes.
    indexes: Vec<OnceLock<Index>>,
    /// Whether the indexes are the built-in taxonomy's, prepared by `build.rs` ([`Prepared`]).
    prepared: bool,
    /// Per first letter, the shortest and longest key length (for a cheap
    /// rejection of tokens no key can be close to).
    lengths: [(u8, u8); 128],
    /// Per (first byte, last byte) of a key, the set of its lengths
    /// ([`Shapes`]): a run of tokens whose joined key has no key's shape is
    /// not looked up in `by_key`.
    shapes: Shapes,
}

/// The (first byte, last byte, length) of every key, as one bit per length
/// (lengths of 63 and more share bit 63) for each pair of ASCII letters or
/// digits. A string whose shape is missing equals no key; one whose shape is
/// present may.
#[derive(Debug, Clone)]
struct Shapes(Vec<u64>);

/// No slot of [`Shapes`]: a byte that is not an ASCII letter or digit.
const NO_SLOT: u8 = u8::MAX;

impl Shapes {
    fn slot(b: u8) -> Option<usize> {
        match b {
            b'0'..=b'9' => Some(usize::from(b - b'0')),
            b'a'..=b'z' => Some(usize::from(b - b'a') + 10),
            _ => None,
        }
    }

    fn bit(len: usize) -> u64 {
        1 << len.min(63)
    }

    fn new<'a>(keys: impl Iterator<Item = &'a str>) -> Shapes {
        let mut table = vec![0u64; 36 * 36];
        for k in keys {
            let b = k.as_bytes();
            if let (Some(&f), Some(&l)) = (b.first(), b.last()) {
                if let (Some(f), Some(l)) = (Shapes::slot(f), Shapes::slot(l)) {
                    table[f * 36 + l] |= Shapes::bit(b.len());
                }
            }
        }
        Shapes(table)
    }

    /// The slot of a byte of any case for [`Shapes::may_hold_slots`], [`NO_SLOT`] for none.
    fn slot_of(b: u8) -> u8 {
        Shapes::slot(b.to_ascii_lowercase()).map_or(NO_SLOT, |s| s as u8)
    }

    /// Whether some key starts with `first`, ends with `last` (lower-case
    /// ASCII) and is `len` bytes long; `true` also when the table cannot tell.
    #[cfg(test)]
    fn may_hold(&self, first: u8, last: u8, len: usize) -> bool {
        self.may_hold_slots(Shapes::slot_of(first), Shapes::slot_of(last), len)
    }

    /// [`Shapes::may_hold`] with the first and last byte's slots ([`Shapes::slot_of`]).
    #[inline]
    fn may_hold_slots(&self, first: u8, last: u8, len: usize) -> bool {
        if first == NO_SLOT || last == NO_SLOT {
            return true;
        }
        self.0[usize::from(first) * 36 + usize::from(last)] & Shapes::bit(len) != 0
    }
}

/// Calls `f` with every string made by deleting up to `n` bytes of `s`
/// (ASCII keys and tokens), including `s` itself. Positions are deleted in
/// increasing order, so each variant comes once (or a few times, with repeated
/// letters); `buf` is scratch space. The index and the search use
/// [`for_each_deletion_hash`], which makes the same variants' hashes without
/// building them; this spells them out for the tests.
#[cfg(test)]
fn for_each_deletion(s: &[u8], n: usize, buf: &mut Vec<u8>, f: &mut impl FnMut(&[u8])) {
    fn go(s: &[u8], from: usize, n: usize, buf: &mut Vec<u8>, f: &mut impl FnMut(&[u8])) {
        f(s);
        if n == 0 || s.len() <= 1 {
            return;
        }
        for i in from..s.len() {
            let mut d = std::mem::take(buf);
            d.clear();
            d.extend_from_slice(&s[..i]);
            d.extend_from_slice(&s[i + 1..]);
            go(&d, i, n - 1, buf, f);
            *buf = d;
        }
    }
    // The first letter must match anyway, so it is never deleted.
    go(s, 1, n, buf, f);
}

/// The built-in taxonomy's fuzzy entries and their per-letter deletion indexes, made by
/// `build.rs` (`fuzzy_build`) for its threshold and shortest token. Offsets, not `&str`s or
/// slices: a table of pointers costs a relocation each at every start of the binary.
struct Prepared {
    threshold: f64,
    min_len: usize,
    /// Per entry, in `Matcher::new`'s order: its skill and where its key ends in
    /// [`PREPARED_KEYS`] (it starts where the one before ends).
    entries: &'static [(u32, u32)],
    /// Per first byte of a key (0 to 127): its index's range of hashes (and entry indices),
    /// range of bucket starts and shift, in [`PREPARED_HASHES`], [`PREPARED_IDS`] and
    /// [`PREPARED_BUCKETS`].
    letters: &'static [(u32, u32, u32, u32, u32)],
}

static PREPARED: Prepared = include!(concat!(env!("OUT_DIR"), "/fuzzy-index.rs"));
/// The keys of [`Prepared::entries`], one after another.
static PREPARED_KEYS: &str = include_str!(concat!(env!("OUT_DIR"), "/fuzzy-keys.txt"));
/// The indexes' hashes (little-endian `u64`s), letter after letter.
static PREPARED_HASHES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/fuzzy-hashes.bin"));
/// The indexes' entry indices (little-endian `u32`s), one per hash.
static PREPARED_IDS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/fuzzy-ids.bin"));
/// The indexes' bucket starts (little-endian `u32`s), letter after letter.
static PREPARED_BUCKETS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/fuzzy-buckets.bin"));

impl Prepared {
    /// Whether the prepared indexes are those of `entries` at `threshold` and `min_len`: the
    /// same keys of the same skills in the same order.
    fn fits(&self, entries: &[Entry], threshold: f64, min_len: usize) -> bool {
        if threshold != self.threshold || min_len != self.min_len {
            return false;
        }
        if entries.len() != self.entries.len() {
            return false;
        }
        let mut start = 0;
        entries.iter().zip(self.entries).all(|(e, &(skill, end))| {
            let key = &PREPARED_KEYS[start..end as usize];
            start = end as usize;
            e.skill == skill as usize && e.key == key
        })
    }

    /// The index of the keys starting with `first`.
    fn index(&self, first: u8) -> Index {
        let (a, b, c, d, shift) = self.letters[usize::from(first & 0x7f)];
        let (a, b, c, d) = (a as usize, b as usize, c as usize, d as usize);
        Index::borrowed(
            &PREPARED_HASHES[a * 8..b * 8],
            &PREPARED_IDS[a * 4..b * 4],
            &PREPARED_BUCKETS[c * 4..d * 4],
            shift,
        )
    }
}

impl Fuzzy {
    pub fn new(entries: Vec<Entry>, threshold: f64, min_len: usize) -> Fuzzy {
        let mut by_key = FastMap::default();
        let mut kept = Vec::new();
        for e in entries {
            if e.key.is_empty() || by_key.contains_key(&e.key) {
                continue;
            }
            by_key.insert(e.key.clone(), kept.len());
            kept.push(e);
        }
        let mut lengths = [(u8::MAX, 0u8); 128];
        for e in kept.iter().filter(|e| e.key.len() >= min_len) {
            let slot = &mut lengths[usize::from(e.key.as_bytes()[0] & 0x7f)];
            let len = e.key.len().min(255) as u8;
            *slot = (slot.0.min(len), slot.1.max(len));
        }
        let shapes = Shapes::new(kept.iter().map(|e| e.key.as_str()));
        Fuzzy {
            prepared: PREPARED.fits(&kept, threshold, min_len),
            threshold,
            min_len,
            shapes,
            entries: kept,
            by_key,
            indexes: (0..128).map(|_| OnceLock::new()).collect(),
            lengths,
        }
    }

    /// The entries starting with `first` one of whose deletion variants hashes to `h`.
    fn entries_with(&self, first: u8, h: u64) -> impl Iterator<Item = u32> + '_ {
        let index = self.indexes[usize::from(first & 0x7f)].get_or_init(|| {
            if self.prepared {
                PREPARED.index(first)
            } else {
                self.build_index(first)
            }
        });
        index.entries_with(h)
    }

    /// The deletion index of the keys starting with `first` (and at least `min_len` long).
    fn build_index(&self, first: u8) -> Index {
        let mut deletes = Vec::new();
        for (i, e) in self.entries.iter().enumerate() {
            if e.key.as_bytes()[0] == first && e.key.len() >= self.min_len {
                let edits = max_edits(e.key.len(), self.threshold);
                for_each_deletion_hash(e.key.as_bytes(), edits, &mut |h| {
                    deletes.push((h, i as u32));
                });
            }
        }
        Index::new(deletes)
    }

    /// The similarity threshold in use.
    pub fn threshold(&self) -> f64 {
        self.threshold
    }

    /// The minimum token length in use.
    pub fn min_len(&self) -> usize {
        self.min_len
    }

    /// Finds fuzzy hits among `tokens` (byte spans into `hay`, in order), where
    /// `explained[i]` says the exact stage already accounts for token `i`.
    pub fn find(
        &self,
        hay: &str,
        tokens: &[(usize, usize)],
        explained: &[bool],
        out: &mut Vec<FuzzyHit>,
    ) {
        let dict = dictionary();
        let mut used = vec![false; tokens.len()];
        let mut buf = Scratch::default();
        let mut joined = String::new();
        // Joined tokens first (longest run first), exact key equality only.
        // Per token, read once: its first and last byte's shape slots and its length (the
        // shape test, the most selective and cheapest, comes first for every run).
        let bytes = hay.as_bytes();
        let shapes: Vec<(u8, u8, usize)> = tokens
            .iter()
            .map(|&(s, e)| {
                (
                    Shapes::slot_of(bytes[s]),
                    Shapes::slot_of(bytes[e - 1]),
                    e - s,
                )
            })
            .collect();
        for n in [3usize, 2] {
            for i in 0..tokens.len().saturating_sub(n - 1) {
                let run = i..i + n;
                // Only a joined key with some key's shape can equal that key.
                let (first, last) = (shapes[i].0, shapes[i + n - 1].1);
                let len = shapes[run.clone()].iter().map(|t| t.2).sum();
                if !self.shapes.may_hold_slots(first, last, len)
                    || run.clone().any(|j| explained[j] || used[j])
                    || !adjacent(hay, &tokens[run.clone()])
                {
                    continue;
                }
                joined.clear();
                for j in run.clone() {
                    joined.push_str(&hay[tokens[j].0..tokens[j].1]);
                }
                joined.make_ascii_lowercase();
                if let Some(&e) = self.by_key.get(&joined) {
                    let e = &self.entries[e];
                    out.push(FuzzyHit {
                        skill: e.skill,
                        spelling: e.spelling.clone(),
                        similarity: 1.0,
                        start: tokens[i].0,
                        end: tokens[i + n - 1].1,
                    });
                    run.for_each(|j| used[j] = true);
                }
            }
        }
        let mut token = String::new();
        let mut seen: FastMap<String, Option<(&Entry, f64)>> = FastMap::default();
        for (i, &(s, e)) in tokens.iter().enumerate() {
            if explained[i] || used[i] || e - s < self.min_len {
                continue;
            }
            let first = hay.as_bytes()[s].to_ascii_lowercase();
            let (lo, hi) = self.lengths[usize::from(first & 0x7f)];
            if e - s + 2 < usize::from(lo) || e - s > usize::from(hi) + 2 {
                continue; // no key starting with this letter is near this length
            }
            token.clear();
            token.push_str(&hay[s..e]);
            token.make_ascii_lowercase();
            if !token.bytes().any(|b| b.is_ascii_lowercase()) || dict.contains(token.as_str()) {
                continue;
            }
            // A token repeated through a document is looked up once.
            let found = match seen.get(token.as_str()) {
                Some(&found) => found,
                None => {
                    let found = self.best(&token, &mut buf).and_then(|(entry, similarity)| {
                        let english = similarity < 1.0
                            && self.near_english(&token, &entry.key, dict, &mut buf.variant);
                        (!english).then_some((entry, similarity))
                    });
                    seen.insert(token.clone(), found);
                    found
                }
            };
            if let Some((entry, similarity)) = found {
                out.push(FuzzyHit {
                    skill: entry.skill,
                    spelling: entry.spelling.clone(),
                    similarity,
                    start: s,
                    end: e,
                });
            }
        }
        out.sort_by_key(|h| h.start);
    }

    /// Whether `token` is one edit (a letter deleted, inserted, replaced or
    /// two swapped) from an ordinary English word that is neither a spelling
    /// of a skill nor a form of `key`, the spelling it matched ("restfully"
    /// for RESTful): then it is a misspelling of that word ("performace",
    /// "Alure" for allure), not of a skill a letter or two further away. Only
    /// tokens that matched a skill get here.
    fn near_english(&self, token: &str, key: &str, dict: &Words, v: &mut Vec<u8>) -> bool {
        let t = token.as_bytes();
        let is_word = |v: &[u8]| {
            v.len() >= 5
                && dict.contains_bytes(v)
                && std::str::from_utf8(v).is_ok_and(|w| {
                    !self.by_key.contains_key(w) && !w.starts_with(key) && !key.starts_with(w)
                })
        };
        for i in 0..t.len() {
            v.clear();
            v.extend_from_slice(t);
            v.remove(i);
            if is_word(v) {
                return true;
            }
            if i + 1 < t.len() {
                v.clear();
                v.extend_from_slice(t);
                v.swap(i, i + 1);
                if is_word(v) {
                    return true;
                }
            }
        }
        // A variant that keeps `t[..i]` is a word only if some word of its length starts so:
        // when a few do, they are read instead of trying 26 letters (a lookup each); when
        // none do, the position is skipped (most positions past the first few).
        const FEW: usize = 32;
        for i in 0..=t.len() {
            let insert_words = dict.starting(&t[..i], t.len() + 1, FEW);
            if let Some(words) = insert_words {
                for w in words.chunks_exact(t.len() + 1) {
                    if w[i].is_ascii_lowercase() && w[i + 1..] == t[i..] && is_word(w) {
                        return true;
                    }
                }
            }
            let replace_words = match i < t.len() {
                true => dict.starting(&t[..i], t.len(), FEW),
                false => Some(&[][..]),
            };
            if let Some(words) = replace_words {
                for w in words.chunks_exact(t.len()) {
                    if w[i].is_ascii_lowercase()
                        && w[i] != t[i]
                        && w[i + 1..] == t[i + 1..]
                        && is_word(w)
                    {
                        return true;
                    }
                }
            }
            let (inserts, replaces) = (insert_words.is_none(), replace_words.is_none());
            if !inserts && !replaces {
                continue;
            }
            for c in b'a'..=b'z' {
                v.clear();
                v.extend_from_slice(t);
                v.insert(i, c);
                if inserts && is_word(v) {
                    return true;
                }
                if replaces && t[i] != c {
                    v.remove(i + 1);
                    if is_word(v) {
                        return true;
                    }
                }
            }
        }
        false
    }

    /// The best entry for a single token, if one clears the threshold alone.
    /// Candidates are tried in entry order, so among equally similar spellings
    /// of one skill the first in the taxonomy is reported.
    fn best(&self, token: &str, buf: &mut Scratch) -> Option<(&Entry, f64)> {
        buf.candidates.clear();
        let edits = max_edits(token.len(), self.threshold);
        let candidates = &mut buf.candidates;
        for_each_deletion_hash(token.as_bytes(), edits, &mut |h| {
            candidates.extend(self.entries_with(token.as_bytes()[0], h));
        });
        buf.candidates.sort_unstable();
        buf.candidates.dedup();
        let mut best: Option<(usize, f64)> = None;
        let mut tie = false;
        for &id in &buf.candidates {
            let entry = &self.entries[id as usize];
            if entry.key.as_bytes()[0] != token.as_bytes()[0] {
                continue;
            }
            let sim = similarity(token, &entry.key);
            if sim < self.threshold {
                continue;
            }
            match best {
                Some((b, bs))
                    if sim < bs || (sim == bs && self.entries[b].skill == entry.skill) => {}
                Some((_, bs)) if sim == bs => tie = true,
                _ => {
                    best = Some((id as usize, sim));
                    tie = false;
                }
            }
        }
        if tie {
            return None;
        }
        best.map(|(i, s)| (&self.entries[i], (s * 1000.0).round() / 1000.0))
    }
}

/// Buffers reused across the tokens of one document.
#[derive(Default)]
struct Scratch {
    candidates: Vec<u32>,
    /// An edit of a token being checked against the dictionary.
    variant: Vec<u8>,
}

/// `1 - DamerauLevenshtein(a, b) / max(len)`.
pub(crate) fn similarity(a: &str, b: &str) -> f64 {
    let d = strsim::damerau_levenshtein(a, b);
    1.0 - d as f64 / a.len().max(b.len()).max(1) as f64
}

/// Whether the tokens are separated only by spaces, `-`, `.` or `/` (one
/// character or a single space around it).
fn adjacent(hay: &str, tokens: &[(usize, usize)]) -> bool {
    tokens.windows(2).all(|w| {
        let gap = &hay[w[0].1..w[1].0];
        gap.len() <= 2 && !gap.is_empty() && gap.chars().all(|c| matches!(c, ' ' | '-' | '.' | '/'))
    })
}

/// Splits `hay` into tokens: runs of ASCII letters and digits, skipping words
/// that are part of e-mail addresses or URLs (a whitespace-separated chunk with `@`,
/// `://` or starting with `www.`) and runs next to a non-ASCII byte (part of a longer
/// non-ASCII word).
///
/// One pass over a table of byte classes: a chunk's tokens are pushed as they come and
/// taken back when the chunk holds `@` or `:` and turns out to be an address.
pub(crate) fn tokenize(hay: &str, out: &mut Vec<(usize, usize)>) {
    let bytes = hay.as_bytes();
    let n = bytes.len();
    let class = |i: usize| CLASS[usize::from(bytes[i])];
    let mut i = 0;
    while i < n {
        while i < n && class(i) == SPACE {
            i += 1;
        }
        let (chunk, kept) = (i, out.len());
        let mut marked = false;
        while i < n {
            match class(i) {
                WORD => {
                    let start = i;
                    i += 1;
                    while i < n && class(i) == WORD {
                        i += 1;
                    }
                    // Not part of a longer non-ASCII word.
                    let non_ascii_next = i < n && bytes[i] >= 0x80;
                    let non_ascii_prev = start > 0 && bytes[start - 1] >= 0x80;
                    if !non_ascii_next && !non_ascii_prev {
                        out.push((start, i));
                    }
                    continue;
                }
                SPACE => break,
                MARK => marked = true,
                _ => {}
            }
            i += 1;
        }
        let chunk = &bytes[chunk..i];
        let address = (marked && (chunk.contains(&b'@') || chunk.windows(3).any(|w| w == b"://")))
            || chunk.starts_with(b"www.");
        if address {
            out.truncate(kept);
        }
    }
}

/// Byte classes of [`tokenize`]: ASCII letters and digits, ASCII whitespace, `@` and `:`,
/// anything else.
const WORD: u8 = 1;
const SPACE: u8 = 2;
const MARK: u8 = 3;
static CLASS: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        table[b] = if c.is_ascii_alphanumeric() {
            WORD
        } else if c.is_ascii_whitespace() {
            SPACE
        } else if c == b'@' || c == b':' {
            MARK
        } else {
            0
        };
        b += 1;
    }
    table
};

#[cfg(test)]
mod tests {
    use super::super::deletions::hash;
    use super::*;
    use crate::data::{entries, ENGLISH_WORDS as WORDS, ENGLISH_WORDS_EXTRA as EXTRA_WORDS};

    /// The fuzzy stage of the built-in taxonomy's matcher at its own settings.
    fn builtin() -> Fuzzy {
        let taxonomy = crate::Taxonomy::builtin();
        let settings = taxonomy.settings();
        let options = super::super::MatchOptions {
            fuzzy_threshold: settings.fuzzy_threshold,
            fuzzy_min_len: settings.fuzzy_min_len,
            ..Default::default()
        };
        super::super::Matcher::new(&taxonomy, &options)
            .fuzzy
            .expect("the fuzzy stage is on")
    }

    /// `build.rs` builds the built-in taxonomy's indexes with the same code, from the entries
    /// it expects `Matcher::new` to make: a change in that order shows here (the matcher would
    /// quietly build its indexes on the first score again).
    #[test]
    fn builtin_fuzzy_indexes_are_prepared() {
        let fuzzy = builtin();
        assert!(fuzzy.prepared);
        assert!(fuzzy.entries.len() > 1000);
        // Another threshold or shortest token builds its own.
        let other = |threshold, min_len| Fuzzy::new(fuzzy.entries.clone(), threshold, min_len);
        assert!(other(fuzzy.threshold, fuzzy.min_len).prepared);
        assert!(!other(0.85, fuzzy.min_len).prepared);
        assert!(!other(fuzzy.threshold, 4).prepared);
        assert!(!Fuzzy::new(fuzzy.entries[1..].to_vec(), fuzzy.threshold, fuzzy.min_len).prepared);
    }

    #[test]
    fn prepared_indexes_are_the_built_ones() {
        let fuzzy = builtin();
        let mut pairs = 0;
        for first in 0..128u8 {
            let prepared = PREPARED.index(first);
            let built = fuzzy.build_index(first);
            assert_eq!(prepared.parts(), built.parts(), "{:?}", first as char);
            pairs += built.parts().0.len() / 8;
        }
        assert!(pairs > 100_000, "{pairs}");
    }

    fn index() -> Fuzzy {
        let spellings = [
            (0, "Python"),
            (1, "Docker"),
            (2, "Django"),
            (3, "PostgreSQL"),
            (3, "Postgres"),
            (4, "Kubernetes"),
            (5, "Elasticsearch"),
            (6, "REST APIs"),
            (7, "Node.js"),
            (8, "Spring Boot"),
            (9, "ASP.NET Core"),
            (10, "Perforce"),
            (11, "Azure"),
            (12, "RESTful"),
        ];
        Fuzzy::new(
            spellings
                .iter()
                .map(|&(skill, s)| Entry {
                    skill,
                    spelling: s.into(),
                    key: key(s),
                })
                .collect(),
            DEFAULT_THRESHOLD,
            DEFAULT_MIN_LEN,
        )
    }

    fn run(hay: &str, explained_words: &[&str]) -> Vec<(String, String, f64)> {
        let f = index();
        let mut tokens = Vec::new();
        tokenize(hay, &mut tokens);
        let explained: Vec<bool> = tokens
            .iter()
            .map(|&(s, e)| explained_words.contains(&&hay[s..e]))
            .collect();
        let mut out = Vec::new();
        f.find(hay, &tokens, &explained, &mut out);
        out.into_iter()
            .map(|h| (hay[h.start..h.end].to_string(), h.spelling, h.similarity))
            .collect()
    }

    #[test]
    fn transpositions_are_one_edit() {
        let hits = run("Pyhton, Dokcer and Djnago", &[]);
        assert_eq!(
            hits,
            [
                ("Pyhton".into(), "Python".into(), 0.833),
                ("Dokcer".into(), "Docker".into(), 0.833),
                ("Djnago".into(), "Django".into(), 0.833)
            ]
        );
    }

    #[test]
    fn misspellings_with_a_letter_too_many_or_few() {
        let hits = run("Postgress and Kubernets", &[]);
        assert_eq!(hits[0].1, "Postgres");
        assert_eq!(hits[0].2, 0.889);
        assert_eq!(hits[1].1, "Kubernetes");
        assert_eq!(hits[1].2, 0.9);
    }

    #[test]
    fn split_names_join_into_one_key() {
        let hits = run("Elastic Search, Node JS, Spring-boot", &[]);
        let found: Vec<&str> = hits.iter().map(|h| h.1.as_str()).collect();
        assert_eq!(found, ["Elasticsearch", "Node.js", "Spring Boot"]);
        assert!(hits.iter().all(|h| h.2 == 1.0));
    }

    #[test]
    fn rust_apis_is_not_rest_apis() {
        // "Rust" is explained by the exact stage (an ambiguous spelling of rust).
        assert!(run("Rust APIs", &["Rust"]).is_empty());
    }

    #[test]
    fn asp_net_code_is_not_asp_net_core() {
        // "asp.net" is explained by the exact stage; "code" is an English word.
        assert!(run("asp.net code", &["asp", "net"]).is_empty());
    }

    #[test]
    fn ordinary_words_and_short_tokens_are_never_fuzzed() {
        assert!(
            run("Dokr Pytn", &[]).is_empty(),
            "4-letter tokens are below min_len"
        );
        assert!(run("docket", &[]).is_empty(), "docket is an English word");
    }

    #[test]
    fn misspelt_english_words_are_not_misspelt_skills() {
        // One edit from "performance", two from Perforce; one from "allure" and
        // one from Azure: a word's misspelling is the likelier reading.
        assert!(run("better performace with Alure reports", &[]).is_empty());
        // Forms of the skill's own spelling do not count as such words.
        assert_eq!(run("restfull", &[])[0].1, "RESTful");
        assert_eq!(run("Perforse", &[])[0].1, "Perforce");
    }

    #[test]
    fn the_dictionary_finds_every_word_of_its_lists_and_nothing_else() {
        let dict = dictionary();
        let all: std::collections::HashSet<&str> =
            entries(WORDS).chain(entries(EXTRA_WORDS)).collect();
        for &w in &all {
            assert!(dict.contains(w), "{w:?}");
            for other in [
                format!("{w}x"),
                w[..w.len() - 1].to_string(),
                format!("a{w}"),
            ] {
                let listed = all.contains(other.as_str());
                assert_eq!(dict.contains(&other), listed, "{other:?}");
            }
        }
        for absent in ["", "a", "zzzzzz", "#", "kubernetes"] {
            assert!(!dict.contains(absent), "{absent:?}");
        }
    }

    /// `build.rs` makes the tables of both lists with the same code.
    #[test]
    fn the_dictionary_tables_are_those_of_the_word_lists() {
        let built =
            super::super::dictionary::Tables::build(entries(WORDS).chain(entries(EXTRA_WORDS)));
        let dict = dictionary();
        assert_eq!(built.words, dict.words);
        assert_eq!(built.groups, dict.groups);
        assert_eq!(built.slots, dict.slots);
    }

    #[test]
    fn words_missing_from_the_generated_list_are_english_too() {
        assert!(dictionary().contains("informatics"));
        // Sorted, unique and disjoint from english-words.txt: checked with every data file.
        assert!(
            entries(EXTRA_WORDS).all(|w| w.len() >= 5 && w.bytes().all(|b| b.is_ascii_lowercase()))
        );
    }

    /// The tokenizer before it was one pass: each whitespace-separated chunk scanned for
    /// `@` and `:` first, then split.
    fn tokenize_by_chunks(hay: &str) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let bytes = hay.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            if i == 0 || bytes[i - 1].is_ascii_whitespace() {
                let (mut end, mut at, mut colon) = (i, false, false);
                while end < bytes.len() && !bytes[end].is_ascii_whitespace() {
                    at |= bytes[end] == b'@';
                    colon |= bytes[end] == b':';
                    end += 1;
                }
                let chunk = &bytes[i..end];
                if at
                    || (colon && chunk.windows(3).any(|w| w == b"://"))
                    || chunk.starts_with(b"www.")
                {
                    i = end;
                    continue;
                }
            }
            if bytes[i].is_ascii_alphanumeric() {
                let start = i;
                while i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
                    i += 1;
                }
                let non_ascii_next = bytes.get(i).is_some_and(|b| *b >= 0x80);
                let non_ascii_prev = start > 0 && bytes[start - 1] >= 0x80;
                if !non_ascii_next && !non_ascii_prev {
                    out.push((start, i));
                }
            } else {
                i += 1;
            }
        }
        out
    }

    #[test]
    fn one_pass_tokens_are_the_chunk_by_chunk_ones() {
        let texts = [
            "",
            " ",
            "Python",
            "  Pyhton, Dokcer\tand\nDjnago  ",
            "mail pyhton@example.com or see https://djnago.example.com now",
            "www.example.com/path and wwwx.example foo:bar http:/x a://b",
            "Café Kubernetes naïve Postgresql résumé x",
            "Node.js/ASP.NET-Core C++ C# CI/CD 2019-2021",
            "@start end@ :// ://x x:// www. www",
            "\u{a0}Docker\u{a0}Java\r\nGo\u{2028}Rust",
        ];
        let fixtures = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/resumes"))
            .map(|d| {
                d.filter_map(|f| std::fs::read_to_string(f.ok()?.path()).ok())
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default();
        assert!(!fixtures.is_empty());
        for text in texts.iter().map(|t| t.to_string()).chain(fixtures) {
            let mut one = Vec::new();
            tokenize(&text, &mut one);
            assert_eq!(one, tokenize_by_chunks(&text), "{text:?}");
        }
    }

    /// The near-English check by trying every letter at every position (what `near_english`
    /// did before it read the few words of a prefix instead).
    fn near_english_by_letters(f: &Fuzzy, token: &str, key: &str) -> bool {
        let dict = dictionary();
        let t = token.as_bytes();
        let is_word = |v: &[u8]| {
            v.len() >= 5
                && dict.contains_bytes(v)
                && std::str::from_utf8(v).is_ok_and(|w| {
                    !f.by_key.contains_key(w) && !w.starts_with(key) && !key.starts_with(w)
                })
        };
        let mut variants = Vec::new();
        for i in 0..t.len() {
            let mut v = t.to_vec();
            v.remove(i);
            variants.push(v);
            if i + 1 < t.len() {
                let mut v = t.to_vec();
                v.swap(i, i + 1);
                variants.push(v);
            }
        }
        for i in 0..=t.len() {
            for c in b'a'..=b'z' {
                let mut v = t.to_vec();
                v.insert(i, c);
                variants.push(v);
                if i < t.len() && t[i] != c {
                    let mut v = t.to_vec();
                    v[i] = c;
                    variants.push(v);
                }
            }
        }
        variants.iter().any(|v| is_word(v))
    }

    #[test]
    fn near_english_reads_the_words_of_a_prefix_like_trying_every_letter() {
        let f = builtin();
        let dict = dictionary();
        let words: Vec<&[u8]> = dict.iter().step_by(61).collect();
        let mut near = 0;
        for (n, w) in words.iter().enumerate() {
            let w = std::str::from_utf8(w).expect("ASCII");
            let mid = w.len() / 2;
            let edits = [
                format!("{}{}", &w[..mid], &w[mid + 1..]),
                format!("{}x{}", &w[..mid], &w[mid..]),
                format!("{}q{}", &w[..mid], &w[mid + 1..]),
                format!("{}{}", &w[1..], &w[..1]),
                w.to_string(),
            ];
            let key = &f.entries[n % f.entries.len()].key;
            for token in edits.iter().filter(|t| t.len() >= 5) {
                let mut v = Vec::new();
                let fast = f.near_english(token, key, dict, &mut v);
                assert_eq!(
                    fast,
                    near_english_by_letters(&f, token, key),
                    "{token} {key}"
                );
                near += usize::from(fast);
            }
        }
        assert!(near > 100, "{near}");
        for (token, key) in [
            ("performace", "perforce"),
            ("alure", "azure"),
            ("restfull", "restful"),
        ] {
            let fast = f.near_english(token, key, dict, &mut Vec::new());
            assert_eq!(fast, near_english_by_letters(&f, token, key), "{token}");
        }
    }

    #[test]
    fn addresses_are_skipped() {
        assert!(run(
            "mail pyhton@example.com or see https://djnago.example.com",
            &[]
        )
        .is_empty());
    }

    #[test]
    fn deletion_hashes_are_the_hashes_of_the_deletions() {
        for (s, n) in [
            ("kubernetes", 2),
            ("pyhton", 1),
            ("aab", 2),
            ("ab", 2),
            ("a", 2),
            ("", 1),
            ("elasticsearch", 3),
            ("docker", 0),
        ] {
            let mut built = Vec::new();
            for_each_deletion(s.as_bytes(), n, &mut Vec::new(), &mut |d| {
                built.push(hash(d))
            });
            let mut hashed = Vec::new();
            for_each_deletion_hash(s.as_bytes(), n, &mut |h| hashed.push(h));
            assert_eq!(built, hashed, "{s} {n}");
        }
    }

    #[test]
    fn deletion_neighbourhood_sizes() {
        let mut out = std::collections::HashSet::new();
        for_each_deletion(b"abc", 1, &mut Vec::new(), &mut |d| {
            out.insert(d.to_vec());
        });
        // The first letter is kept: "abc", "ac", "ab".
        assert_eq!(out.len(), 3);
        let mut n = 0;
        for_each_deletion(b"abcdef", 2, &mut Vec::new(), &mut |_| n += 1);
        assert_eq!(
            n,
            1 + 5 + 10,
            "each pair of positions after the first, once"
        );
        assert_eq!(max_edits(6, 0.8), 1);
        assert_eq!(max_edits(10, 0.8), 2);
        assert_eq!(max_edits(20, 0.8), 2);
        assert_eq!(max_edits(4, 0.8), 0);
    }

    #[test]
    fn shapes_hold_every_key_so_joined_lookups_they_skip_would_miss() {
        let f = index();
        // Every key passes the shape check, so skipping the lookup for a
        // joined key that fails it never misses a key.
        for e in &f.entries {
            let b = e.key.as_bytes();
            assert!(
                f.shapes.may_hold(b[0], b[b.len() - 1], b.len()),
                "{}",
                e.key
            );
        }
        assert!(
            !f.shapes.may_hold(b'e', b'h', 12),
            "elasticsearch is 13 bytes"
        );
        assert!(!f.shapes.may_hold(b'q', b'n', 6));
        // Lengths of 63 and more share a bit.
        let long = Shapes::new(["a".repeat(70).as_str()].into_iter());
        assert!(long.may_hold(b'a', b'a', 64) && !long.may_hold(b'a', b'a', 62));
        assert_eq!(
            run("Elastic Search, Node JS and spring-boot", &[]),
            [
                ("Elastic Search".into(), "Elasticsearch".into(), 1.0),
                ("Node JS".into(), "Node.js".into(), 1.0),
                ("spring-boot".into(), "Spring Boot".into(), 1.0)
            ]
        );
    }

    #[test]
    fn every_dictionary_word_is_found_and_its_edits_mostly_are_not() {
        let dict = dictionary();
        let all: Vec<&[u8]> = dict.iter().collect();
        assert_eq!(
            all.len(),
            entries(WORDS).chain(entries(EXTRA_WORDS)).count()
        );
        for w in &all {
            assert!(dict.contains_bytes(w), "{w:?}");
        }
        assert!(!dict.contains(""));
        assert!(!dict.contains("performace"));
        assert!(!dict.contains_bytes(b"perf\xffrmance"));
        assert!(dict.contains_bytes(b"performance"));
        let performance = dict.starting(b"perfor", 11, 100).expect("a few");
        assert!(performance.chunks(11).any(|w| w == b"performance"));
        assert!(performance.chunks(11).all(|w| w.starts_with(b"perfor")));
        assert_eq!(dict.starting(b"qzxq", 9, 100), Some(&[][..]));
        assert_eq!(dict.starting(b"p", 9, 100), None, "too many");
        assert_eq!(dict.starting(b"", 9, 100), None);
        // Every word's every prefix.
        for w in all.iter().step_by(97) {
            for i in 0..=w.len() {
                let words = dict.starting(&w[..i], w.len(), usize::MAX);
                assert!(
                    words.is_none_or(|words| words.chunks(w.len()).any(|x| x == *w)),
                    "{w:?}"
                );
            }
        }
    }
}
