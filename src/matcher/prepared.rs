//! The built-in taxonomy's patterns and context rules as DFAs that `build.rs` made
//! (`regex_dfas` there; issue 14, start-up): compiling them on the first score was more
//! than half of a cold `skillgap score`. Loading one reads it in place, without checking its
//! transitions again (the crate's one `unsafe`, see [`load`]; the tests check them all).
//!
//! A regex is looked up by its text, so a pattern or rule list a `--taxonomy` changed is
//! not found here and is compiled at run time as before. The DFAs are built from the same
//! syntax trees as the run-time regexes (`literals::parse_pattern`): the same leftmost-first
//! matches, the same handling of empty matches (UTF-8 mode), on any text. The exception is
//! a rule list with a rule that needs Unicode word boundaries, whose DFA gives up on
//! non-ASCII bytes ([`RulesDfa::is_match`] returns `None`, and the caller compiles the
//! list). The tests compare every DFA with its run-time regex on every line of the fixture
//! resumes.

use regex_automata::dfa::{dense, regex::Regex, Automaton};
use regex_automata::Input;
use std::sync::OnceLock;

/// A DFA read in place from the binary.
pub(crate) type Dfa = dense::DFA<&'static [u32]>;

/// Where a DFA is in [`BYTES`]: its first byte and the byte after its last.
type Span = (usize, usize);

/// `regex-dfas.bin` aligned for reading its `u32`s in place (each DFA starts at a multiple
/// of 8 in it), the way regex-automata's documentation embeds a DFA.
#[repr(C)]
struct Aligned<B: ?Sized> {
    _align: [u64; 0],
    bytes: B,
}

static BYTES: &Aligned<[u8]> = &Aligned {
    _align: [],
    bytes: *include_bytes!(concat!(env!("OUT_DIR"), "/regex-dfas.bin")),
};

// `PATTERNS: &[(pattern, forward, reverse)]` and `RULES: &[(rules, forward, ascii_only)]`,
// sorted by their keys.
include!(concat!(env!("OUT_DIR"), "/regex-dfas.rs"));

/// The DFA at `range` of [`BYTES`]; `None` if its header does not read (it always does).
///
/// Its transitions are not checked again: checking them (`DFA::from_bytes`) cost 14 M
/// instructions of a cold score's 62 M, more than the rest of loading and searching
/// together, for bytes this build wrote itself.
#[allow(unsafe_code)]
fn load((start, end): Span) -> Option<Dfa> {
    let bytes = &BYTES.bytes[start..end];
    // SAFETY: `from_bytes_unchecked` needs a DFA that `DFA::to_bytes_*` of the same
    // regex-automata wrote, for this target's endianness. `BYTES` and the spans are exactly
    // what `build.rs` (`regex_dfas`) wrote with `to_bytes_{little,big}_endian` of the target's
    // endianness, in this build, linked against the one regex-automata of Cargo.lock (cargo
    // runs the build script again when it changes). The header, alignment and endianness are
    // still checked here; the test `every_prepared_dfa_passes_the_full_check` checks every
    // transition of every DFA with `DFA::from_bytes`.
    let (dfa, _) = unsafe { dense::DFA::from_bytes_unchecked(bytes) }.ok()?;
    Some(dfa)
}

/// The prepared regex of a taxonomy pattern (its text), if `build.rs` made one.
pub(crate) fn pattern(source: &str) -> Option<Regex<Dfa>> {
    let i = PATTERNS.binary_search_by(|(p, ..)| (*p).cmp(source)).ok()?;
    let (_, fwd, rev) = PATTERNS[i];
    Some(Regex::builder().build_from_dfas(load(fwd)?, load(rev)?))
}

/// The DFA `build.rs` made of a list of context rules: it matches where any of them does.
#[derive(Debug, Clone)]
pub(crate) struct RulesDfa(Dfa);

/// The prepared DFA of a list of context rules, if `build.rs` made one.
pub(crate) fn rules(list: &[String]) -> Option<RulesDfa> {
    let i = RULES
        .binary_search_by(|(rules, _)| rules.iter().copied().cmp(list.iter().map(String::as_str)))
        .ok()?;
    load(RULES[i].1).map(RulesDfa)
}

impl RulesDfa {
    /// Whether a rule matches somewhere in `haystack`; `None` when the DFA gave up (a
    /// Unicode word boundary next to a non-ASCII byte), and the rules must be compiled.
    pub(crate) fn is_match(&self, haystack: &str) -> Option<bool> {
        let input = Input::new(haystack).earliest(true);
        self.0.try_search_fwd(&input).ok().map(|m| m.is_some())
    }
}

/// One slot per entry of a table of `len` entries, made on first use.
pub(super) fn slots<T>(
    cell: &'static OnceLock<Box<[OnceLock<T>]>>,
    len: usize,
) -> &'static [OnceLock<T>] {
    cell.get_or_init(|| (0..len).map(|_| OnceLock::new()).collect())
}

/// The built-in pattern `source` compiled, if it is one `build.rs` made no DFA of (too
/// large, or Unicode), compiled once per process and shared by every matcher: `unicode` is its
/// [`Facts`](super::literals::Facts)' (the same for a given text). `None` for any other pattern.
pub(crate) fn unprepared_pattern(source: &str, unicode: bool) -> Option<crate::lean::Regex> {
    static CELL: OnceLock<Box<[OnceLock<Option<crate::lean::Regex>>]>> = OnceLock::new();
    let i = UNPREPARED_PATTERNS.binary_search(&source).ok()?;
    slots(&CELL, UNPREPARED_PATTERNS.len())[i]
        .get_or_init(|| crate::lean::compile(source, unicode).ok())
        .clone()
}

/// Every built-in pattern [`unprepared_pattern`] knows, compiled now (see [`crate::prepare`]);
/// `unicode` gives a pattern's [`Facts`](super::literals::Facts)'.
pub(crate) fn compile_unprepared_patterns(unicode: impl Fn(&str) -> bool) {
    for p in UNPREPARED_PATTERNS {
        unprepared_pattern(p, unicode(p));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::matcher::literals::parse_pattern;

    /// Every line of the made-up resumes of the fixtures, and a few texts with non-ASCII
    /// letters, bullets and dashes next to words.
    fn texts() -> Vec<String> {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/resumes");
        let mut out: Vec<String> = [
            "",
            "Go-to person • Spring 2019 – Express delivery",
            "résumé: led a team of 5 engineers · Café Rest",
            "Ωmigrated 3 services to AWS→ designed REST APIs",
        ]
        .map(String::from)
        .to_vec();
        for e in std::fs::read_dir(dir).unwrap() {
            if let Ok(text) = std::fs::read_to_string(e.unwrap().path()) {
                out.extend(text.lines().map(String::from));
            }
        }
        assert!(out.len() > 500);
        out
    }

    /// `build.rs` leaves out the regexes whose DFAs would be too large (see its
    /// `DFA_SIZE_LIMIT`); the rest load. A change that made most of them fall out would
    /// bring the compile time back to the cold start.
    #[test]
    fn the_builtin_regexes_without_a_dfa_compile_once_and_only_they() {
        assert!(!UNPREPARED_PATTERNS.is_empty() && !UNPREPARED_RULES.is_empty());
        for p in UNPREPARED_PATTERNS {
            assert!(
                PATTERNS.binary_search_by(|(q, ..)| q.cmp(p)).is_err(),
                "{p}"
            );
            let unicode = crate::matcher::literals::parse_pattern(p).unwrap().0;
            let re = unprepared_pattern(p, unicode).expect(p);
            let again = unprepared_pattern(p, unicode).expect(p);
            let hay = "migrated 40 services to AWS; scaled the API to 2 million users";
            assert_eq!(re.find(hay), again.find(hay), "{p}");
        }
        for list in UNPREPARED_RULES {
            let list: Vec<String> = list.iter().map(|r| r.to_string()).collect();
            assert!(rules(&list).is_none(), "{list:?}");
        }
        assert!(unprepared_pattern(r"(?i)\bnot a builtin pattern\b", false).is_none());
    }

    #[test]
    fn every_prepared_dfa_passes_the_full_check() {
        let spans = PATTERNS
            .iter()
            .flat_map(|&(_, fwd, rev)| [fwd, rev])
            .chain(RULES.iter().map(|&(_, fwd)| fwd));
        let mut n = 0;
        for (start, end) in spans {
            let checked = dense::DFA::from_bytes(&BYTES.bytes[start..end]);
            assert!(checked.is_ok(), "{start}..{end}: {:?}", checked.err());
            n += 1;
        }
        assert!(n > 100, "{n} DFAs");
    }

    #[test]
    fn most_builtin_patterns_and_rule_lists_have_a_dfa_that_loads() {
        let taxonomy = crate::Taxonomy::builtin();
        let (mut patterns, mut prepared_patterns) = (0, 0);
        let (mut lists, mut prepared_lists) = (0, 0);
        for s in taxonomy.skills() {
            for p in &s.patterns {
                patterns += 1;
                prepared_patterns += usize::from(pattern(p).is_some());
            }
            if let Some(c) = &s.context {
                for list in [&c.reject_before, &c.reject_after, &c.accept] {
                    lists += usize::from(!list.is_empty());
                    prepared_lists += usize::from(!list.is_empty() && rules(list).is_some());
                }
            }
        }
        for &(p, fwd, rev) in PATTERNS {
            assert!(load(fwd).is_some() && load(rev).is_some(), "{p}");
        }
        for &(list, fwd) in RULES {
            assert!(load(fwd).is_some(), "{list:?}");
        }
        assert!(
            prepared_patterns * 10 >= patterns * 8,
            "{prepared_patterns} of {patterns}"
        );
        assert!(
            prepared_lists * 10 >= lists * 9,
            "{prepared_lists} of {lists}"
        );
        assert!(pattern(r"(?i)\bnot a builtin pattern\b").is_none());
        assert!(rules(&[r"(?i)\bnot a builtin rule\b".to_string()]).is_none());
    }

    #[test]
    fn pattern_dfas_find_the_spans_the_compiled_patterns_find() {
        let texts = texts();
        let taxonomy = crate::Taxonomy::builtin();
        for p in taxonomy.skills().iter().flat_map(|s| &s.patterns) {
            let Some(dfa) = pattern(p) else { continue };
            let (unicode, _) = parse_pattern(p).unwrap();
            let lean = crate::lean::compile(p, unicode).unwrap();
            for t in &texts {
                let a: Vec<_> = dfa.find_iter(t.as_bytes()).map(|m| m.range()).collect();
                let b: Vec<_> = lean.find_iter(t.as_str()).map(|m| m.range()).collect();
                assert_eq!(a, b, "{p} on {t:?}");
            }
        }
    }

    #[test]
    fn rule_dfas_match_where_the_compiled_rules_match() {
        let texts = texts();
        let taxonomy = crate::Taxonomy::builtin();
        let (mut gave_up, mut prepared) = (0, 0);
        for c in taxonomy.skills().iter().filter_map(|s| s.context.as_ref()) {
            for list in [&c.reject_before, &c.reject_after, &c.accept] {
                let Some(dfa) = rules(list) else {
                    continue;
                };
                prepared += 1;
                let lean: Vec<crate::lean::Regex> = list
                    .iter()
                    .map(|p| crate::lean::from_hir(&parse_pattern(p).unwrap().1).unwrap())
                    .collect();
                for t in &texts {
                    let want = lean.iter().any(|r| r.is_match(t));
                    match dfa.is_match(t) {
                        Some(got) => assert_eq!(got, want, "{list:?} on {t:?}"),
                        None => gave_up += 1,
                    }
                }
            }
        }
        eprintln!("{prepared} lists; {gave_up} searches gave up on non-ASCII text");
    }
}
