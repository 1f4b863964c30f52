//! Negation and hedging cues ("no experience with", "currently learning").
//!
//! A cue affects the mentions after it in the same clause. A clause ends at
//! `.`, `!` or `?` followed by a space, at `;`, `|` or `•`, at the words `but`,
//! `however`, `although`, `whereas`, and at the end of the line segment.
//! Commas and parentheses do not end a clause, so in "no experience with
//! Kafka, RabbitMQ or Redis" all three are negated, and in "currently learning
//! Go (Tour of Go)" both mentions are hedged. A cue in parentheses right after
//! a mention applies to it too: "Vue.js (basic)". Cues are ASCII
//! case-insensitive and whole words.
//!
//! A clause is read at most [`CLAUSE_REACH`] bytes back from a mention (and a
//! parenthesis after it at most as far ahead), so that each mention costs a
//! bounded amount of work however long its line is: a cue further away than
//! that, in a clause without any punctuation, does not reach the mention.

use super::scan::Dfa;

/// How far (in bytes) before a mention its clause is read for a cue, and after
/// it for a parenthesised cue.
pub const CLAUSE_REACH: usize = 400;

/// How a cue changes a mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Modifier {
    /// The person says they lack it: not counted.
    Negated,
    /// The person hedges: counted as weak evidence.
    Hedged,
    /// The person is learning it or plans to: not counted.
    Learning,
}

/// The compiled cue lists: an Aho-Corasick DFA of the cues (`scan`, ASCII case folded),
/// searched leftmost-longest. The same automaton holds other keys after the cues (the
/// patterns' literals), so that the matcher finds both in one pass; a cue search ignores
/// them.
#[derive(Debug, Clone)]
pub(crate) struct Cues {
    /// The cues (keys `0..kinds.len()`), then the other keys.
    dfa: Dfa,
    /// Per cue, its modifier.
    kinds: Vec<Modifier>,
}

impl Cues {
    /// The cues of the three lists, and an automaton of them followed by `others`.
    pub fn new<K: AsRef<[u8]>>(
        negation: &[String],
        hedge: &[String],
        learning: &[String],
        others: &[K],
    ) -> Cues {
        let mut keys: Vec<&[u8]> = Vec::new();
        let mut kinds = Vec::new();
        for (list, kind) in [
            (negation, Modifier::Negated),
            (hedge, Modifier::Hedged),
            (learning, Modifier::Learning),
        ] {
            for cue in list.iter().map(|c| c.trim()).filter(|c| !c.is_empty()) {
                keys.push(cue.as_bytes());
                kinds.push(kind);
            }
        }
        keys.extend(others.iter().map(AsRef::as_ref));
        Cues {
            dfa: Dfa::new(&keys),
            kinds,
        }
    }

    /// The automaton of the cues and the other keys (see [`Cues::new`]).
    pub fn scan(&self) -> &Dfa {
        &self.dfa
    }

    /// The number of cues: the other keys of [`Cues::scan`] come after them.
    pub fn count(&self) -> u32 {
        self.kinds.len() as u32
    }

    /// The cues in `text`, leftmost-longest: `f(start, end, modifier)` for each.
    fn each(&self, text: &str, mut f: impl FnMut(usize, usize, Modifier)) {
        if self.kinds.is_empty() {
            return;
        }
        let count = self.count();
        let mut found = Vec::new();
        self.dfa.each(text.as_bytes(), |start, end, key| {
            if key < count {
                found.push((start, end, key));
            }
        });
        super::scan::leftmost_longest(&mut found);
        for (start, end, key) in found {
            f(start, end, self.kinds[key as usize]);
        }
    }

    /// [`Cues::starts`] from every occurrence of a cue in the text (`(start, end, key)` of
    /// [`Cues::scan`], any order, no other keys).
    pub fn starts_of(found: &mut Vec<(usize, usize, u32)>) -> impl Iterator<Item = usize> + '_ {
        super::scan::leftmost_longest(found);
        found.iter().map(|&(start, _, _)| start)
    }

    /// Byte offsets in `text` where some cue starts (a cheap first pass: a
    /// segment without any needs no per-mention check).
    #[cfg(test)]
    pub fn starts(&self, text: &str) -> Vec<usize> {
        let mut out = Vec::new();
        self.each(text, |start, _, _| out.push(start));
        out
    }

    /// The cue in force for a mention at `at..end` of `segment`, if any: the
    /// last cue before it in the same clause, else a cue in parentheses right
    /// after it. A cue inside parentheses that close before the mention belongs
    /// to the mention before those parentheses, not to later ones:
    /// in "TypeScript (currently learning), HTML" only TypeScript is learning.
    pub fn modifier_at(&self, segment: &str, at: usize, end: usize) -> Option<Modifier> {
        if self.kinds.is_empty() {
            return None;
        }
        let clause = &segment[clause_start(segment, at)..at];
        let mut before = None;
        self.each(clause, |start, end, kind| {
            if cue_boundary(clause, start, end) && !closes_after(clause, start, end) {
                before = Some(kind);
            }
        });
        before.or_else(|| {
            let after = segment[end..].trim_start();
            let inside = after.strip_prefix('(')?;
            let inside = &inside[..floor_boundary(inside, CLAUSE_REACH)];
            let inside = &inside[..inside.find(')')?];
            let mut found = None;
            self.each(inside, |start, end, kind| {
                if found.is_none() && cue_boundary(inside, start, end) {
                    found = Some(kind);
                }
            });
            found
        })
    }
}

/// Whether the cue at `start..end` sits inside parentheses that open before it
/// and close again before the end of `clause`.
fn closes_after(clause: &str, start: usize, end: usize) -> bool {
    clause[..start].contains('(') && clause[end..].contains(')')
}

/// A cue stands alone: preceded by the start, a space or punctuation other than
/// `-` (so "machine-learning" is not the cue "learning"), and followed by a
/// non-letter.
fn cue_boundary(clause: &str, start: usize, end: usize) -> bool {
    let before_ok = clause[..start]
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric() && c != '-' && c != '_');
    let after_ok = clause[end..]
        .chars()
        .next()
        .is_none_or(|c| !c.is_alphanumeric());
    before_ok && after_ok
}

/// The largest char boundary of `s` at or below `at`.
fn floor_boundary(s: &str, at: usize) -> usize {
    let mut at = at.min(s.len());
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Byte offset where the clause containing `at` begins, at most
/// [`CLAUSE_REACH`] bytes before it.
fn clause_start(segment: &str, at: usize) -> usize {
    let mut from = at.saturating_sub(CLAUSE_REACH);
    while !segment.is_char_boundary(from) {
        from += 1;
    }
    from + clause_start_in(&segment[from..at])
}

/// Offset in `head` (the text before a mention) where the mention's clause begins.
fn clause_start_in(head: &str) -> usize {
    let bytes = head.as_bytes();
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let ends = match b {
            b';' | b'|' => true,
            b'.' | b'!' | b'?' => bytes.get(i + 1).is_none_or(|n| *n == b' '),
            _ => false,
        };
        if ends {
            start = i + 1;
        }
    }
    if let Some(p) = head.rfind('•') {
        start = start.max(p + '•'.len_utf8());
    }
    let lower = head.to_ascii_lowercase();
    for word in [" but ", " however", " although ", " whereas "] {
        if let Some(p) = lower.rfind(word) {
            start = start.max(p + word.len());
        }
    }
    start
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cues() -> Cues {
        Cues::new(
            &["no experience with".into(), "not familiar with".into()],
            &["basic knowledge of".into()],
            &["currently learning".into(), "learning".into()],
            &[] as &[&[u8]],
        )
    }

    fn at(line: &str, word: &str) -> Option<Modifier> {
        let start = line.find(word).unwrap();
        cues().modifier_at(line, start, start + word.len())
    }

    #[test]
    fn negation_covers_the_clause() {
        let l = "No experience with Kafka, RabbitMQ or Redis; strong in Java";
        assert_eq!(at(l, "Kafka"), Some(Modifier::Negated));
        assert_eq!(at(l, "Redis"), Some(Modifier::Negated));
        assert_eq!(at(l, "Java"), None);
    }

    #[test]
    fn but_ends_the_clause() {
        let l = "Not familiar with Kubernetes but built Docker images daily";
        assert_eq!(at(l, "Kubernetes"), Some(Modifier::Negated));
        assert_eq!(at(l, "Docker"), None);
    }

    #[test]
    fn hedges_are_weak() {
        assert_eq!(
            at("Basic knowledge of Docker.", "Docker"),
            Some(Modifier::Hedged)
        );
    }

    #[test]
    fn learning_is_not_hedging() {
        assert_eq!(
            at("Currently learning Go and Rust", "Rust"),
            Some(Modifier::Learning)
        );
    }

    #[test]
    fn parentheses_do_not_end_the_clause() {
        assert_eq!(
            at("Currently learning Go (Tour of Go, CLI tools)", "of Go"),
            Some(Modifier::Learning)
        );
    }

    #[test]
    fn a_cue_in_parentheses_after_the_mention_applies() {
        assert_eq!(
            at("Frontend: jQuery, Vue.js (basic knowledge of it)", "Vue.js"),
            Some(Modifier::Hedged)
        );
        assert_eq!(
            at("Frontend: jQuery, Vue.js (basic knowledge of it)", "jQuery"),
            None
        );
    }

    #[test]
    fn a_parenthesised_cue_does_not_reach_past_its_parentheses() {
        let l = "JavaScript, TypeScript (currently learning), HTML, CSS";
        assert_eq!(at(l, "TypeScript"), Some(Modifier::Learning));
        assert_eq!(at(l, "HTML"), None);
        assert_eq!(at(l, "CSS"), None);
    }

    #[test]
    fn a_cue_after_the_mention_does_not_apply() {
        assert_eq!(at("Kafka; no experience with Flink", "Kafka"), None);
    }

    #[test]
    fn a_period_inside_a_name_does_not_end_the_clause() {
        assert_eq!(
            at("No experience with Node.js or Vue.js", "Vue"),
            Some(Modifier::Negated)
        );
    }

    #[test]
    fn a_cue_reaches_only_so_far_back_in_an_unpunctuated_clause() {
        let near = format!("No experience with {}Kafka", "Java ".repeat(20));
        assert_eq!(at(&near, "Kafka"), Some(Modifier::Negated));
        let far = format!(
            "No experience with {}Kafka",
            "Java ".repeat(CLAUSE_REACH / 5)
        );
        assert_eq!(at(&far, "Kafka"), None);
    }

    #[test]
    fn cues_are_whole_words() {
        assert_eq!(at("Machine-learning pipelines in Python", "Python"), None);
        assert_eq!(at("E-learning platform in Python", "Python"), None);
    }

    /// The first form of the cue search, the reference the trie must agree with: an
    /// Aho-Corasick automaton of the cues, leftmost-longest, ASCII case-insensitive.
    fn reference(texts: &[(&str, Modifier)]) -> aho_corasick::AhoCorasick {
        aho_corasick::AhoCorasickBuilder::new()
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .ascii_case_insensitive(true)
            .build(texts.iter().map(|(t, _)| t))
            .unwrap()
    }

    /// Texts of cues (cut, joined, changed in case) and other words, on several lines.
    fn generated(cues: &[&str], count: usize) -> Vec<String> {
        let mut next = crate::testutil::xorshift(0x5eed_cafe);
        let words = [
            "Kafka", "Go", "(", ")", ", ", ". ", "; ", " but ", "\n", "machine-", "é", "•", "Java",
            " ", "  ", "-", "_", "ſ", "learn", "no ", "with ",
        ];
        (0..count)
            .map(|_| {
                let mut t = String::new();
                for _ in 0..next(12) {
                    let w = if next(2) == 0 {
                        let c = cues[next(cues.len())];
                        let cut = next(c.len() + 4).min(c.len());
                        let c = if c.is_char_boundary(cut) {
                            &c[..cut]
                        } else {
                            c
                        };
                        match next(3) {
                            0 => c.to_ascii_uppercase(),
                            1 => c.to_string(),
                            _ => c.replace('e', "E"),
                        }
                    } else {
                        words[next(words.len())].to_string()
                    };
                    t.push_str(&w);
                    if next(3) == 0 {
                        t.push(' ');
                    }
                }
                t
            })
            .collect()
    }

    #[test]
    fn the_cue_automaton_finds_what_aho_corasick_found() {
        let taxonomy = crate::Taxonomy::builtin();
        let data = &taxonomy.data().cues;
        let mut texts: Vec<(&str, Modifier)> = Vec::new();
        for (list, kind) in [
            (&data.negation, Modifier::Negated),
            (&data.hedge, Modifier::Hedged),
            (&data.learning, Modifier::Learning),
        ] {
            texts.extend(list.iter().map(|c| (c.trim(), kind)));
        }
        // A repeat in another list, and in another case: the first one's kind wins.
        texts.push(("Beginner", Modifier::Learning));
        texts.push(("ZZ top", Modifier::Negated));
        texts.push(("zz TOP", Modifier::Hedged));
        let list = |k: Modifier| -> Vec<String> {
            texts
                .iter()
                .filter(|t| t.1 == k)
                .map(|t| t.0.to_string())
                .collect()
        };
        let ordered: Vec<(&str, Modifier)> =
            [Modifier::Negated, Modifier::Hedged, Modifier::Learning]
                .into_iter()
                .flat_map(|k| texts.iter().copied().filter(move |t| t.1 == k))
                .collect();
        let cues = Cues::new(
            &list(Modifier::Negated),
            &list(Modifier::Hedged),
            &list(Modifier::Learning),
            // Other keys of the automaton, which a cue search ignores.
            &["learn", "experience", "no", "with", "in progress"],
        );
        let ac = reference(&ordered);
        let spellings: Vec<&str> = ordered.iter().map(|t| t.0).collect();
        let mut fixtures: Vec<String> = std::fs::read_dir("fixtures/resumes")
            .unwrap()
            .map(|f| std::fs::read_to_string(f.unwrap().path()).unwrap())
            .collect();
        assert!(fixtures.len() > 10);
        fixtures.extend(generated(&spellings, 5_000));
        for text in &fixtures {
            let want: Vec<usize> = ac.find_iter(text.as_str()).map(|m| m.start()).collect();
            assert_eq!(cues.starts(text), want, "{text:?}");
            let kinds: Vec<(usize, usize, Modifier)> = ac
                .find_iter(text.as_str())
                .map(|m| (m.start(), m.end(), ordered[m.pattern().as_usize()].1))
                .collect();
            let mut got = Vec::new();
            cues.each(text, |a, b, k| got.push((a, b, k)));
            assert_eq!(got, kinds, "{text:?}");
        }
    }
}
