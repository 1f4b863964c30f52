//! A fast first pass over the taxonomy's regex patterns.
//!
//! The patterns are written with Unicode `\b` and `\w` (`(?i)\bmigrat(ed|ing)\s+(\w+\s+){0,4}…`).
//! A `RegexSet` of them cannot use a lazy DFA on real resumes: a Unicode word
//! boundary makes the DFA give up at the first non-ASCII byte (every `•` bullet
//! and `–` date dash), and Unicode `\w` inside bounded repetitions makes it
//! thrash its cache. The set then runs on the PikeVM, which was two thirds of
//! the scoring time with the built-in taxonomy.
//!
//! So the set is built from *widened* patterns instead: word-boundary
//! assertions are dropped, and every character class keeps its ASCII part and
//! stands for any non-ASCII character if it had any. A widened pattern matches
//! wherever the original does (and sometimes where it does not), so the set
//! names every pattern that may match a segment; the caller then runs the
//! original pattern, which alone decides what matches. Results are unchanged;
//! only the work is.

#[cfg(test)]
use super::literals::{factors, parse};
#[cfg(test)]
use super::scan::Dfa;
use crate::widen::widen;
use regex::RegexSet;
use regex_syntax::hir::Hir;

/// A set that reports every pattern of `patterns` that may match a text (a
/// superset of what the original patterns' set reports), built from widened
/// patterns; the original set when a pattern cannot be widened.
///
/// The flag says whether the set is *local*: no widened pattern has an
/// anchor or any other assertion left, so a pattern the set names on a
/// segment it also names on any text that contains the segment. Then the set
/// can run on each segment alone, without a first pass over the whole text.
pub(crate) fn set<'a>(patterns: impl IntoIterator<Item = &'a str> + Clone) -> (RegexSet, bool) {
    let widened: Option<Vec<Hir>> = patterns
        .clone()
        .into_iter()
        .map(|p| {
            regex_syntax::ParserBuilder::new()
                .build()
                .parse(p)
                .ok()
                .map(|hir| widen(&hir))
        })
        .collect();
    let local = widened
        .as_ref()
        .is_some_and(|w| w.iter().all(|h| h.properties().look_set().is_empty()));
    match widened.and_then(|w| RegexSet::new(w.iter().map(Hir::to_string)).ok()) {
        Some(set) => (set, local),
        None => (
            RegexSet::new(patterns).unwrap_or_else(|_| RegexSet::empty()),
            false,
        ),
    }
}

/// Literals one of which every match of each pattern contains: one Aho-Corasick pass over the
/// whole text names the few (segment, pattern) pairs worth running a pattern on, instead of
/// running the widened set on every segment (whose lazy DFA kept building new states on every
/// resume: the set of all patterns has too many state combinations to ever be warm).
///
/// Soundness: a pattern matches a segment only where the segment contains one of the pattern's
/// literals, read from the pattern as it was compiled and compared ASCII case-insensitively.
/// That covers Unicode case folding too, because under Unicode semantics a letter with
/// non-ASCII case variants (`k`: U+212A, `s`: U+017F) never becomes part of a literal. So the
/// pairs are a superset of the pairs where the pattern matches, and the pattern itself still
/// decides what matches.
///
/// The literals are keys of the matcher's Aho-Corasick DFA (`scan`, ASCII case folded), which
/// finds every occurrence of them and of the cues in one pass.
#[derive(Debug, Clone)]
pub(crate) struct Factors {
    /// The literals, each a key of the matcher's automaton.
    literals: Vec<Vec<u8>>,
    /// For each literal, the pattern it is a literal of.
    owner: Vec<usize>,
}

impl Factors {
    /// The literals of `patterns`, each with whether it was compiled with Unicode semantics
    /// (see `super::compile`), or `None` when some pattern has none (then the widened set does
    /// the work).
    #[cfg(test)]
    pub(crate) fn new<'a>(patterns: impl IntoIterator<Item = (&'a str, bool)>) -> Option<Factors> {
        let factors: Option<Vec<_>> = patterns
            .into_iter()
            .map(|(p, u)| parse(p, u).and_then(|hir| factors(&hir)))
            .collect();
        Factors::from_literals(factors?)
    }

    /// [`Factors::new`] from each pattern's literals ([`super::literals::factors`]);
    /// `None` when one is empty.
    pub(crate) fn from_literals(
        patterns: impl IntoIterator<Item = Vec<Vec<u8>>>,
    ) -> Option<Factors> {
        let mut literals: Vec<Vec<u8>> = Vec::new();
        let mut owner = Vec::new();
        for (i, lits) in patterns.into_iter().enumerate() {
            for lit in lits {
                if lit.is_empty() {
                    return None;
                }
                literals.push(lit);
                owner.push(i);
            }
        }
        Some(Factors { literals, owner })
    }

    /// The literals: key `i` of an automaton of them is literal `i` (see [`Factors::owner`]).
    pub(crate) fn literals(&self) -> &[Vec<u8>] {
        &self.literals
    }

    /// The pattern literal `i` is a literal of.
    pub(crate) fn owner(&self, literal: u32) -> usize {
        self.owner[literal as usize]
    }

    /// Every `(segment, pattern)` pair where the segment contains a literal of the pattern,
    /// sorted and without repeats. `segment_at` maps a byte offset of `text` to its segment.
    /// (The matcher finds the literals in its pass for the cues too; this is its reference.)
    #[cfg(test)]
    pub(crate) fn candidates(
        &self,
        text: &str,
        segment_at: impl Fn(usize) -> usize,
        out: &mut Vec<(usize, usize)>,
    ) {
        Dfa::new(&self.literals).each(text.as_bytes(), |start, _, key| {
            out.push((segment_at(start), self.owner[key as usize]));
        });
        out.sort_unstable();
        out.dedup();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use aho_corasick::{AhoCorasick, MatchKind};
    use regex::Regex;

    fn widened(p: &str) -> Regex {
        let hir = regex_syntax::ParserBuilder::new().build().parse(p).unwrap();
        Regex::new(&widen(&hir).to_string()).unwrap()
    }

    /// Every text the original matches, the widened pattern matches too.
    fn superset(p: &str, texts: &[&str]) {
        let (orig, wide) = (Regex::new(p).unwrap(), widened(p));
        for t in texts {
            if orig.is_match(t) {
                assert!(wide.is_match(t), "{p} widened misses {t:?}");
            }
        }
    }

    const TEXTS: &[&str] = &[
        "• Migrated the café billing services to Kubernetes",
        "– migrated über-legacy données systems",
        "Migrated 3 services",
        "MIGRATED ſervices", // long s folds to s under Unicode case folding
        "design reviews – led the architecture design reviews",
        "on-call rotation · Kafka",
        "Reviewed pull-requests for the team",
        "naïve: résumé—api",
        "",
    ];

    #[test]
    fn widened_patterns_match_wherever_the_originals_do() {
        for p in [
            r"(?i)\bmigrat(ed|ing)\s+(the\s+|a\s+)?([\w./-]+\s+){0,4}(services?|systems?)\b",
            r"(?i)\b(led|ran)\s+(the\s+)?(\w+\s+)?design\s+(reviews?)\b",
            r"(?i)\bon[- ]call\s+(rotations?|support)\b",
            r"(?i)\breview(ed|ing|s)?\s+(the\s+)?(code|pull[- ]requests)\b",
            r"\bna\wve\b",
            r"r\W?sum\w",
            r"\d+\s+\S+",
            r"^\s*•",
        ] {
            superset(p, TEXTS);
        }
    }

    #[test]
    fn unicode_word_characters_still_count() {
        // `é` is a word character: the original sees no boundary inside "café".
        let p = r"(?i)\bcaf\b";
        assert!(!Regex::new(p).unwrap().is_match("café"));
        // The widened pattern may say yes; the original decides.
        assert!(widened(p).is_match("café"));
        // Unicode \w must keep matching non-ASCII letters.
        assert!(widened(r"^\w+$").is_match("données"));
    }

    #[test]
    fn case_folding_beyond_ascii_is_kept() {
        // U+212A KELVIN SIGN folds to k.
        let p = r"(?i)\bkafka\b";
        assert!(Regex::new(p).unwrap().is_match("\u{212A}afka"));
        assert!(widened(p).is_match("\u{212A}afka"));
    }

    #[test]
    fn the_set_names_every_pattern_the_originals_match() {
        let patterns = [
            r"(?i)\bmigrat(ed|ing)\s+(\w+\s+){0,3}services\b",
            r"(?i)\bon[- ]call\b",
            r"(?i)\bkafka\b",
        ];
        let original = RegexSet::new(patterns).unwrap();
        let (fast, local) = set(patterns.iter().copied());
        assert!(local);
        for t in TEXTS {
            let o: Vec<usize> = original.matches(t).into_iter().collect();
            let f: Vec<usize> = fast.matches(t).into_iter().collect();
            assert!(o.iter().all(|i| f.contains(i)), "{t:?}: {o:?} not in {f:?}");
        }
    }

    fn literals(p: &str, unicode: bool) -> Vec<String> {
        factors(&parse(p, unicode).unwrap())
            .unwrap_or_default()
            .into_iter()
            .map(|l| String::from_utf8(l).unwrap())
            .collect()
    }

    fn literals_bytes(p: &str, unicode: bool) -> Vec<Vec<u8>> {
        factors(&parse(p, unicode).unwrap()).unwrap_or_default()
    }

    #[test]
    fn literals_every_match_contains() {
        let design = r"(?i)\bdesign(ed|ing)?\s+(the\s+)?(database|db)\s+schemas?\b";
        assert_eq!(literals(design, false), ["design"]);
        assert_eq!(
            literals(
                r"(?i)\b(led|ran)\s+(the\s+)?(\w+\s+)?design\s+(reviews?|discussions?)\b",
                false
            ),
            ["design"]
        );
        // Under Unicode semantics `k` and `s` fold to non-ASCII letters too (U+212A, U+017F):
        // they end a literal.
        assert_eq!(literals(design, true), ["chema"]);
        assert_eq!(literals(r"(?i)\bkafka streams\b", true), ["tream"]);
        assert_eq!(literals(r"(?i)\bkafka streams\b", false), ["kafka streams"]);
        assert_eq!(
            literals(r"\d+\s*x\s+(scale|load)", false),
            ["scale", "load"]
        );
        assert!(literals(r"(\w+\s+){0,3}", false).is_empty());
        assert!(literals(r"a|\d", false).is_empty());
    }

    #[test]
    fn a_pattern_matches_only_where_one_of_its_literals_is() {
        let patterns = [
            r"(?i)\bmigrat(ed|ing)\s+(the\s+|a\s+)?([\w./-]+\s+){0,4}(services?|systems?)\b",
            r"(?i)\b(led|ran)\s+(the\s+)?(\w+\s+)?design\s+(reviews?)\b",
            r"(?i)\bon[- ]call\s+(rotations?|support)\b",
            r"(?i)\breview(ed|ing|s)?\s+(the\s+)?(code|pull[- ]requests)\b",
            r"(?i)\bkafka\b",
            r"(?i)\bs\w*vices\b",
        ];
        for p in patterns {
            for unicode in [false, true] {
                let re = regex::RegexBuilder::new(p)
                    .unicode(unicode)
                    .build()
                    .unwrap();
                let lits = literals(p, unicode);
                assert!(!lits.is_empty(), "{p}");
                for t in TEXTS
                    .iter()
                    .chain(&["\u{212A}afka", "ſervices", "Led DESIGN Reviews"])
                {
                    let lower = t.to_ascii_lowercase();
                    if re.is_match(t) {
                        assert!(lits.iter().any(|l| lower.contains(l.as_str())), "{p} {t}");
                    }
                }
            }
        }
    }

    /// Every pattern of `taxonomy` with whether it needs Unicode.
    fn builtin_patterns(taxonomy: &crate::Taxonomy) -> Vec<(&str, bool)> {
        taxonomy
            .skills()
            .iter()
            .flat_map(|s| s.patterns.iter())
            .map(|p| (p.as_str(), super::super::needs_unicode(p).unwrap()))
            .collect()
    }

    #[test]
    fn every_builtin_pattern_has_literals() {
        let taxonomy = crate::Taxonomy::builtin();
        let patterns = builtin_patterns(&taxonomy);
        for &(p, unicode) in &patterns {
            let l = literals(p, unicode);
            assert!(l.iter().all(|l| l.len() >= 3), "{p}: {l:?}");
        }
        assert!(Factors::new(patterns.iter().copied()).is_some());
    }

    #[test]
    fn an_invalid_pattern_falls_back_to_an_empty_set() {
        assert!(set(["(unclosed"].iter().copied()).0.is_empty());
    }

    #[test]
    fn a_set_with_anchors_is_not_local() {
        assert!(!set([r"^\s*•", r"(?i)\bkafka\b"].iter().copied()).1);
        assert!(set([r"(?i)\bkafka\b", r"\bon[- ]call\b"].iter().copied()).1);
    }

    #[test]
    fn the_literal_automaton_names_what_aho_corasick_named() {
        let taxonomy = crate::Taxonomy::builtin();
        let patterns = builtin_patterns(&taxonomy);
        let lits: Vec<Vec<Vec<u8>>> = patterns
            .iter()
            .map(|&(p, u)| literals_bytes(p, u))
            .collect();
        let mut lits = lits;
        // Mixed case, a byte beyond ASCII and a repeat, as a custom taxonomy's may have.
        lits.push(vec![b"Caf\xc3\xa9".to_vec(), b"on-call".to_vec()]);
        lits.push(vec![b"ON-call".to_vec()]);
        let all: Vec<Vec<u8>> = lits.iter().flatten().cloned().collect();
        let factors = Factors::from_literals(lits.clone()).unwrap();
        let ac = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .build(&all)
            .unwrap();
        let mut owners: Vec<Vec<usize>> = vec![Vec::new(); all.len()];
        let mut k = 0;
        for (i, l) in lits.iter().enumerate() {
            for _ in l {
                owners[k].push(i);
                k += 1;
            }
        }
        let mut texts: Vec<String> = std::fs::read_dir("fixtures/resumes")
            .unwrap()
            .map(|f| std::fs::read_to_string(f.unwrap().path()).unwrap())
            .collect();
        texts.extend(TEXTS.iter().map(|t| t.to_string()));
        texts.push("CAFÉ café Café On-Call ON-CALLon-call".to_string());
        for text in &texts {
            let seg = |at: usize| text[..at].matches('\n').count();
            let mut want: Vec<(usize, usize)> = ac
                .find_overlapping_iter(text.as_str())
                .flat_map(|m| {
                    owners[m.pattern().as_usize()]
                        .iter()
                        .map(move |&p| (seg(m.start()), p))
                })
                .collect();
            want.sort_unstable();
            want.dedup();
            let mut got = Vec::new();
            factors.candidates(text, seg, &mut got);
            assert_eq!(got, want, "{text:?}");
        }
    }
}
