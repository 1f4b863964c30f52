//! An Aho-Corasick automaton as a full DFA over byte classes, ASCII case folded: every
//! occurrence of every key in one pass, one table lookup a byte. The cue lists and the
//! patterns' literals are searched with it, in one pass over a document for both (the
//! matcher's `find`; they were two searches with the `aho-corasick` crate's DFAs, whose
//! builds cost 6.0 M and 4.8 M instructions at every start). A few dozen cues and a few
//! hundred short literals make a small table, built in a fraction of that.

/// The automaton (see the module documentation).
#[derive(Debug, Clone)]
pub(crate) struct Dfa {
    /// The class of each byte: 0 for a byte no key holds; ASCII upper-case letters share
    /// their lower-case letter's class.
    classes: Box<[u8; 256]>,
    /// The number of classes, 0 included.
    stride: usize,
    /// The next state of state `s` on class `c`, at `s * stride + c`: times `stride`, shifted
    /// left by one, with the low bit set when some key ends there.
    trans: Vec<u32>,
    /// Per state: where its keys start in `out` (they end at the next state's start).
    out_start: Vec<u32>,
    /// The keys that end at each state, longest first: (key, length).
    out: Vec<(u32, u32)>,
}

impl Dfa {
    /// The automaton of `keys`; key `i` is `keys[i]`. Keys are compared ASCII
    /// case-insensitively; an empty key is never found; keys with the same spelling in
    /// ASCII lower case are all found.
    pub fn new<K: AsRef<[u8]>>(keys: &[K]) -> Dfa {
        let mut classes = [0u8; 256];
        for k in keys {
            for &b in k.as_ref() {
                classes[usize::from(b.to_ascii_lowercase())] = 1;
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
        let stride = usize::from(next) + 1;
        const NONE: u32 = u32::MAX;
        // The trie: goto[s * stride + c], NONE where there is no child.
        let mut goto: Vec<u32> = vec![NONE; stride];
        let mut own: Vec<Vec<(u32, u32)>> = vec![Vec::new()];
        for (i, k) in keys.iter().enumerate() {
            let k = k.as_ref();
            if k.is_empty() {
                continue;
            }
            let mut s = 0usize;
            for &b in k {
                let c = usize::from(classes[usize::from(b)]);
                if goto[s * stride + c] == NONE {
                    goto[s * stride + c] = own.len() as u32;
                    own.push(Vec::new());
                    goto.extend(std::iter::repeat_n(NONE, stride));
                }
                s = goto[s * stride + c] as usize;
            }
            own[s].push((i as u32, k.len() as u32));
        }
        // Failure links in breadth-first order, and the full transition table.
        let states = own.len();
        let mut fail = vec![0u32; states];
        let mut trans = vec![0u32; states * stride];
        let mut order = Vec::with_capacity(states);
        for c in 0..stride {
            let t = goto[c];
            if t != NONE && c != 0 {
                trans[c] = t;
                order.push(t);
            }
        }
        let mut at = 0;
        while at < order.len() {
            let s = order[at] as usize;
            at += 1;
            for c in 1..stride {
                let t = goto[s * stride + c];
                let via_fail = trans[fail[s] as usize * stride + c];
                if t == NONE {
                    trans[s * stride + c] = via_fail;
                } else {
                    trans[s * stride + c] = t;
                    fail[t as usize] = via_fail;
                    order.push(t);
                }
            }
        }
        // Each state's keys: its own, then its failure state's (shorter, as they are
        // suffixes); failure states come earlier in breadth-first order.
        let mut all: Vec<Vec<(u32, u32)>> = vec![Vec::new(); states];
        for &s in &order {
            let s = s as usize;
            let mut keys = std::mem::take(&mut own[s]);
            keys.sort_by_key(|&(k, _)| k);
            keys.extend(all[fail[s] as usize].iter().copied());
            all[s] = keys;
        }
        let mut out_start = Vec::with_capacity(states + 1);
        let mut out = Vec::new();
        for keys in &all {
            out_start.push(out.len() as u32);
            out.extend(keys.iter().copied());
        }
        out_start.push(out.len() as u32);
        // Premultiplied, with a bit for "keys end here": one lookup and one test a byte.
        for t in &mut trans {
            let state = *t as usize;
            let ends = u32::from(out_start[state] != out_start[state + 1]);
            *t = ((*t * stride as u32) << 1) | ends;
        }
        Dfa {
            classes: Box::new(classes),
            stride,
            trans,
            out_start,
            out,
        }
    }

    /// Every occurrence of a key in `text`, overlapping ones included, by end and, of those
    /// that end at the same place, longest first: `f(start, end, key)` for each.
    #[inline]
    pub fn each(&self, text: &[u8], mut f: impl FnMut(usize, usize, u32)) {
        let mut s = 0usize;
        for (i, &b) in text.iter().enumerate() {
            let t = self.trans[s + usize::from(self.classes[usize::from(b)])];
            s = (t >> 1) as usize;
            if t & 1 != 0 {
                let state = s / self.stride;
                let (lo, hi) = (self.out_start[state], self.out_start[state + 1]);
                for &(key, len) in &self.out[lo as usize..hi as usize] {
                    f(i + 1 - len as usize, i + 1, key);
                }
            }
        }
    }

    /// The leftmost-longest occurrences in `text`, not overlapping (as an Aho-Corasick search
    /// with `MatchKind::LeftmostLongest` finds them; of keys with the same spelling, the
    /// first): `(start, end, key)`, in order. `buf` is scratch space.
    #[cfg(test)]
    pub fn leftmost_longest(&self, text: &[u8], buf: &mut Vec<(usize, usize, u32)>) {
        buf.clear();
        self.each(text, |start, end, key| buf.push((start, end, key)));
        leftmost_longest(buf);
    }
}

/// Keeps of `found`, every occurrence of some keys in a text (`(start, end, key)`, any
/// order), the leftmost-longest ones (see [`Dfa::leftmost_longest`]), in order.
pub(crate) fn leftmost_longest(found: &mut Vec<(usize, usize, u32)>) {
    if found.is_empty() {
        return;
    }
    found.sort_unstable_by_key(|&(start, end, key)| (start, std::cmp::Reverse(end), key));
    let mut from = 0;
    let mut kept = 0;
    for i in 0..found.len() {
        let (start, end, _) = found[i];
        if start >= from {
            found[kept] = found[i];
            kept += 1;
            from = end;
        }
    }
    found.truncate(kept);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every occurrence, by trying every key at every place (ASCII case folded).
    fn naive(keys: &[&str], text: &str) -> Vec<(usize, usize, u32)> {
        let t = text.as_bytes();
        let mut out = Vec::new();
        for end in 1..=t.len() {
            let mut here: Vec<(usize, usize, u32)> = keys
                .iter()
                .enumerate()
                .filter(|(_, k)| !k.is_empty() && k.len() <= end)
                .filter(|(_, k)| t[end - k.len()..end].eq_ignore_ascii_case(k.as_bytes()))
                .map(|(i, k)| (end - k.len(), end, i as u32))
                .collect();
            here.sort_by_key(|&(start, _, key)| (start, key));
            out.extend(here);
        }
        out
    }

    #[test]
    fn every_occurrence_is_found_longest_first() {
        let keys = [
            "he",
            "she",
            "his",
            "hers",
            "HERS",
            "",
            "s",
            "é",
            "café",
            "no experience",
            "experience with",
            "a-b",
            "ſ",
        ];
        let dfa = Dfa::new(&keys);
        let mut next = crate::testutil::xorshift(0xdf_a5ca_2026);
        let alphabet = [
            "h",
            "e",
            "s",
            "r",
            "i",
            "S",
            "H",
            "é",
            "caf",
            "CAFÉ",
            " ",
            "-",
            "a",
            "b",
            "no ",
            "experience ",
            "with",
            "ſ",
            "\n",
        ];
        for _ in 0..3_000 {
            let text: String = (0..next(30))
                .map(|_| alphabet[next(alphabet.len())])
                .collect();
            let mut got = Vec::new();
            dfa.each(text.as_bytes(), |a, b, k| got.push((a, b, k)));
            assert_eq!(got, naive(&keys, &text), "{text:?}");
        }
    }

    #[test]
    fn leftmost_longest_keeps_the_first_longest_and_skips_overlaps() {
        let dfa = Dfa::new(&[
            "learning",
            "currently learning",
            "Learning",
            "in progress",
            "in",
        ]);
        let mut found = Vec::new();
        dfa.leftmost_longest(b"Currently learning; learning in progress", &mut found);
        assert_eq!(found, [(0, 18, 1), (20, 28, 0), (29, 40, 3)]);
    }
}
