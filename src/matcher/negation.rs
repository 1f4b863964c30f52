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

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

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

/// The compiled cue lists.
#[derive(Debug, Clone)]
pub(crate) struct Cues {
    ac: Option<AhoCorasick>,
    kinds: Vec<Modifier>,
}

impl Cues {
    pub fn new(negation: &[String], hedge: &[String], learning: &[String]) -> Cues {
        let mut texts = Vec::new();
        let mut kinds = Vec::new();
        for (list, kind) in [
            (negation, Modifier::Negated),
            (hedge, Modifier::Hedged),
            (learning, Modifier::Learning),
        ] {
            for cue in list.iter().filter(|c| !c.trim().is_empty()) {
                texts.push(cue.trim().to_string());
                kinds.push(kind);
            }
        }
        let ac = (!texts.is_empty()).then(|| {
            AhoCorasickBuilder::new()
                .match_kind(MatchKind::LeftmostLongest)
                .ascii_case_insensitive(true)
                // A few dozen cues: the DFA is small, and faster over every document.
                .kind(Some(AhoCorasickKind::DFA))
                .build(&texts)
                .expect("cue automaton builds")
        });
        Cues { ac, kinds }
    }

    /// Byte offsets in `text` where some cue starts (a cheap first pass: a
    /// segment without any needs no per-mention check).
    pub fn starts(&self, text: &str) -> Vec<usize> {
        match &self.ac {
            Some(ac) => ac.find_iter(text).map(|m| m.start()).collect(),
            None => Vec::new(),
        }
    }

    /// The cue in force for a mention at `at..end` of `segment`, if any: the
    /// last cue before it in the same clause, else a cue in parentheses right
    /// after it. A cue inside parentheses that close before the mention belongs
    /// to the mention before those parentheses, not to later ones:
    /// in "TypeScript (currently learning), HTML" only TypeScript is learning.
    pub fn modifier_at(&self, segment: &str, at: usize, end: usize) -> Option<Modifier> {
        let ac = self.ac.as_ref()?;
        let clause = &segment[clause_start(segment, at)..at];
        let before = ac
            .find_iter(clause)
            .filter(|m| cue_boundary(clause, m.start(), m.end()))
            .filter(|m| !closes_after(clause, m.start(), m.end()))
            .last()
            .map(|m| self.kinds[m.pattern().as_usize()]);
        before.or_else(|| {
            let after = segment[end..].trim_start();
            let inside = after.strip_prefix('(')?;
            let inside = &inside[..floor_boundary(inside, CLAUSE_REACH)];
            let inside = &inside[..inside.find(')')?];
            ac.find_iter(inside)
                .find(|m| cue_boundary(inside, m.start(), m.end()))
                .map(|m| self.kinds[m.pattern().as_usize()])
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
}
