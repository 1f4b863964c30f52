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

use regex::RegexSet;
use regex_syntax::hir::{Class, ClassUnicode, ClassUnicodeRange, Hir, HirKind, Look, Repetition};

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

/// A pattern that matches wherever `hir` matches, made of ASCII classes,
/// "any non-ASCII character", literals, line anchors and repetitions only.
pub(crate) fn widen(hir: &Hir) -> Hir {
    match hir.kind() {
        HirKind::Empty => Hir::empty(),
        HirKind::Literal(lit) => Hir::literal(lit.0.clone()),
        HirKind::Class(Class::Unicode(class)) => Hir::class(Class::Unicode(widen_class(class))),
        HirKind::Class(Class::Bytes(class)) => Hir::class(Class::Bytes(class.clone())),
        HirKind::Look(look) => match look {
            Look::Start
            | Look::End
            | Look::StartLF
            | Look::EndLF
            | Look::StartCRLF
            | Look::EndCRLF => Hir::look(*look),
            // Dropping an assertion only widens the match.
            _ => Hir::empty(),
        },
        HirKind::Repetition(rep) => Hir::repetition(Repetition {
            min: rep.min,
            max: rep.max,
            greedy: rep.greedy,
            sub: Box::new(widen(&rep.sub)),
        }),
        HirKind::Capture(cap) => widen(&cap.sub),
        HirKind::Concat(subs) => Hir::concat(subs.iter().map(widen).collect()),
        HirKind::Alternation(subs) => Hir::alternation(subs.iter().map(widen).collect()),
    }
}

/// The ASCII part of `class`, plus every non-ASCII character if it had any.
fn widen_class(class: &ClassUnicode) -> ClassUnicode {
    let mut ranges: Vec<ClassUnicodeRange> = Vec::new();
    let mut non_ascii = false;
    for r in class.iter() {
        if r.start() <= '\x7f' {
            ranges.push(ClassUnicodeRange::new(r.start(), r.end().min('\x7f')));
        }
        non_ascii |= r.end() > '\x7f';
    }
    if non_ascii {
        ranges.push(ClassUnicodeRange::new('\u{80}', '\u{10FFFF}'));
    }
    ClassUnicode::new(ranges)
}

#[cfg(test)]
mod tests {
    use super::*;
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

    #[test]
    fn an_invalid_pattern_falls_back_to_an_empty_set() {
        assert!(set(["(unclosed"].iter().copied()).0.is_empty());
    }

    #[test]
    fn a_set_with_anchors_is_not_local() {
        assert!(!set([r"^\s*•", r"(?i)\bkafka\b"].iter().copied()).1);
        assert!(set([r"(?i)\bkafka\b", r"\bon[- ]call\b"].iter().copied()).1);
    }
}
