//! Context rules for ambiguous spellings (`Go`, `Express`, `Spring`, `Rest`...).
//!
//! `reject_*` rules apply to every spelling of a skill that has them. An
//! ambiguous mention counts when
//! 1. no `reject_before` regex matches the text before it (up to
//!    [`REJECT_WINDOW`] bytes, within its line segment),
//! 2. no `reject_after` regex matches the text after it (likewise), and
//! 3. at least one of: an `accept` regex matches within its *window* (the
//!    [`WINDOW`] bytes before and after it in its segment); another,
//!    unambiguous skill is found within that window; the segment is in a
//!    Skills section. With `strict: true` only an `accept` regex confirms.
//!
//! The window keeps a long line (a whole skills paragraph flattened into one
//! line) from confirming a word far away from the technology that happens to
//! share it.

use super::prepared::{self, RulesDfa};
use crate::lean::Regex;
use crate::taxonomy::ContextRules;
use std::sync::OnceLock;

/// How far (in bytes, each side) context confirms an ambiguous mention.
pub const WINDOW: usize = 80;

/// How much of the text before and after a mention (in bytes, within its
/// segment) the `reject_*` rules see.
pub const REJECT_WINDOW: usize = 120;

/// The byte window `[lo, hi)` around `start..end` in `segment`, on char boundaries.
pub(crate) fn window(segment: &str, start: usize, end: usize) -> (usize, usize) {
    let mut lo = start.saturating_sub(WINDOW);
    while !segment.is_char_boundary(lo) {
        lo -= 1;
    }
    let mut hi = (end + WINDOW).min(segment.len());
    while !segment.is_char_boundary(hi) {
        hi += 1;
    }
    (lo, hi)
}

/// Context rules of one skill, loaded or compiled on first use: a resume touches a
/// handful of the skills that have rules, so a process that scores one resume prepares
/// only those (compiling them all was most of a cold start).
#[derive(Debug, Clone, Default)]
pub(crate) struct Context {
    rules: Option<ContextRules>,
    /// Prepared on the first mention of the skill (every mention is checked against them).
    rejects: OnceLock<Rejects>,
    /// Prepared when an ambiguous mention first needs them.
    accept: OnceLock<AnyOf>,
    strict: bool,
}

/// The `reject_*` rules of a [`Context`].
#[derive(Debug, Clone, Default)]
struct Rejects {
    before: AnyOf,
    after: AnyOf,
}

/// A list of rules, which matches a text where any of them does: the DFA `build.rs` made of
/// a built-in list ([`prepared`](super::prepared)), else the list compiled ([`compile_any`]),
/// which is also what a DFA that cannot tell on a text (see [`RulesDfa::is_match`]) falls back
/// to.
#[derive(Debug, Clone, Default)]
struct AnyOf {
    dfa: Option<RulesDfa>,
    /// Compiled when there is no DFA, or the DFA gave up on a text.
    compiled: OnceLock<Vec<Regex>>,
    /// The same list read with ASCII semantics ([`compile_any_ascii`]), compiled instead of
    /// `compiled` when there is no DFA and the text is ASCII.
    ascii: OnceLock<Vec<Regex>>,
}

impl AnyOf {
    fn new(list: &[String]) -> AnyOf {
        AnyOf {
            dfa: prepared::rules(list),
            compiled: OnceLock::new(),
            ascii: OnceLock::new(),
        }
    }

    /// Whether any rule of `list` (the list this was made for) matches `haystack`.
    fn is_match(&self, list: &[String], haystack: &str) -> bool {
        if let Some(found) = self.dfa.as_ref().and_then(|d| d.is_match(haystack)) {
            return found;
        }
        if self.dfa.is_none() && haystack.is_ascii() {
            return self
                .ascii
                .get_or_init(|| compile_ascii(list))
                .iter()
                .any(|r| r.is_match(haystack));
        }
        self.compiled
            .get_or_init(|| compile_any(list))
            .iter()
            .any(|r| r.is_match(haystack))
    }
}

/// `patterns` compiled, each with ASCII semantics for `\b`, `\w`, `\d`, `\s` and case
/// folding unless it needs Unicode (`literals::parse_pattern`: technology names are ASCII, and
/// ASCII word boundaries let the fast DFA engines run on text full of bullets and dashes), as
/// few regexes as can be: one that matches where any of them does (their
/// alternation; a regex matches a text when some branch does), or, if that does not build,
/// each of them. Invalid patterns were reported by validation and are skipped. One build
/// instead of several saves each build's fixed cost, and one search each search's.
fn compile_any(patterns: &[String]) -> Vec<Regex> {
    one_or_each(
        patterns
            .iter()
            .filter_map(|p| super::literals::parse_pattern(p).map(|(_, hir)| hir))
            .collect(),
    )
}

/// One regex of the alternation of `hirs`, or, if that does not build, one regex each (those
/// that build).
fn one_or_each(hirs: Vec<regex_syntax::hir::Hir>) -> Vec<Regex> {
    if hirs.len() > 1 {
        let any = regex_syntax::hir::Hir::alternation(hirs.clone());
        if let Ok(re) = crate::lean::from_hir(&any) {
            return vec![re];
        }
    }
    hirs.iter()
        .filter_map(|h| crate::lean::from_hir(h).ok())
        .collect()
}

/// `patterns` read with ASCII semantics even where they need Unicode to parse (`.` and
/// negated classes then match any byte, not any character), for ASCII texts only: on a text
/// of ASCII characters every class, word boundary and case folding decides each character as
/// the Unicode reading does (the characters that fold to ASCII letters, `ſ` and the Kelvin
/// sign, are not ASCII), and a byte is a character. The rule lists that need Unicode are the
/// ones `build.rs` makes no DFA of (too large), and their Unicode `\w` and case folding made
/// compiling them most of a cold score's remaining regex work; read so, they compile in a
/// fraction of it (docs/PERFORMANCE.md). The test
/// `rule_lists_read_as_ascii_match_ascii_texts_as_the_lists_do` holds them to that.
fn compile_any_ascii(patterns: &[String]) -> Vec<Regex> {
    let hirs: Vec<regex_syntax::hir::Hir> = patterns
        .iter()
        .filter_map(|p| {
            regex_syntax::ParserBuilder::new()
                .unicode(false)
                .utf8(false)
                .build()
                .parse(p)
                .ok()
        })
        .collect();
    if hirs.len() != patterns.len() {
        // A rule that does not parse without Unicode (`\p{…}`; none of the built-in ones):
        // the list as it is.
        return compile_any(patterns);
    }
    one_or_each(hirs)
}

/// [`compile_any_ascii`] of `list`: compiled once per process and shared by every matcher
/// when `list` is one of the built-in lists `build.rs` made no DFA of.
fn compile_ascii(list: &[String]) -> Vec<Regex> {
    static CELL: OnceLock<Box<[OnceLock<Vec<Regex>>]>> = OnceLock::new();
    let builtin = prepared::UNPREPARED_RULES
        .binary_search_by(|rules| rules.iter().copied().cmp(list.iter().map(String::as_str)));
    match builtin {
        Ok(i) => prepared::slots(&CELL, prepared::UNPREPARED_RULES.len())[i]
            .get_or_init(|| compile_any_ascii(list))
            .clone(),
        Err(_) => compile_any_ascii(list),
    }
}

/// Every built-in rule list `build.rs` made no DFA of, compiled now as [`compile_ascii`]
/// shares it (see [`crate::prepare`]).
pub(crate) fn compile_unprepared_rules() {
    for list in prepared::UNPREPARED_RULES {
        compile_ascii(&list.iter().map(|r| r.to_string()).collect::<Vec<_>>());
    }
}

/// Why an ambiguous mention did not count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Rejection {
    /// A `reject_before` or `reject_after` rule matched.
    RejectRule,
    /// Nothing around it confirmed the technical sense.
    NoContext,
}

impl Context {
    /// Keeps the rules, to be compiled when a mention first needs them;
    /// invalid regexes were reported by validation and are skipped then.
    pub fn new(rules: Option<&ContextRules>) -> Context {
        Context {
            strict: rules.is_some_and(|r| r.strict),
            rules: rules
                .filter(|r| {
                    !(r.reject_before.is_empty()
                        && r.reject_after.is_empty()
                        && r.accept.is_empty())
                })
                .cloned(),
            rejects: OnceLock::new(),
            accept: OnceLock::new(),
        }
    }

    fn rejects_prepared(&self) -> Option<(&ContextRules, &Rejects)> {
        let rules = self.rules.as_ref()?;
        let rejects = self.rejects.get_or_init(|| Rejects {
            before: AnyOf::new(&rules.reject_before),
            after: AnyOf::new(&rules.reject_after),
        });
        Some((rules, rejects))
    }

    fn accept_prepared(&self) -> Option<(&ContextRules, &AnyOf)> {
        let rules = self.rules.as_ref()?;
        Some((rules, self.accept.get_or_init(|| AnyOf::new(&rules.accept))))
    }

    /// Whether only an `accept` rule confirms an ambiguous spelling (`strict: true`).
    pub fn is_strict(&self) -> bool {
        self.strict
    }

    /// Whether a `reject_*` rule matches around `start..end`. Reject rules
    /// describe a sense of the words that is not the skill ("Testing
    /// department", "Monitoring calls"), so they apply to every spelling of
    /// the skill, not only to ambiguous ones.
    pub fn rejects(&self, segment: &str, start: usize, end: usize) -> bool {
        let Some((rules, c)) = self.rejects_prepared() else {
            return false;
        };
        if rules.reject_before.is_empty() && rules.reject_after.is_empty() {
            return false;
        }
        let mut from = start.saturating_sub(REJECT_WINDOW);
        while !segment.is_char_boundary(from) {
            from += 1;
        }
        let mut to = (end + REJECT_WINDOW).min(segment.len());
        while !segment.is_char_boundary(to) {
            to -= 1;
        }
        let before = &segment[from..start];
        let after = &segment[end..to];
        (!rules.reject_before.is_empty() && c.before.is_match(&rules.reject_before, before))
            || (!rules.reject_after.is_empty() && c.after.is_match(&rules.reject_after, after))
    }

    /// Decides a mention at `start..end` of `segment` (byte offsets in the segment).
    /// `confirmed` says whether another skill or the Skills section already confirms it.
    pub fn judge(
        &self,
        segment: &str,
        start: usize,
        end: usize,
        confirmed: bool,
    ) -> Result<(), Rejection> {
        if self.rejects(segment, start, end) {
            return Err(Rejection::RejectRule);
        }
        let (lo, hi) = window(segment, start, end);
        let near = &segment[lo..hi];
        if (confirmed && !self.strict)
            || self.accept_prepared().is_some_and(|(rules, accept)| {
                !rules.accept.is_empty() && accept.is_match(&rules.accept, near)
            })
        {
            Ok(())
        } else {
            Err(Rejection::NoContext)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn go() -> Context {
        Context::new(Some(&ContextRules {
            reject_before: vec![r"(?i)\b(to|let's|will|can)\s*$".into()],
            reject_after: vec![r"(?i)^[\s-]*(to\b|live\b|ahead\b)".into()],
            accept: vec![r"(?i)\b(golang|goroutines?|microservices?|language)\b".into()],
            strict: false,
        }))
    }

    fn judge(c: &Context, line: &str, confirmed: bool) -> Result<(), Rejection> {
        let start = line.find("Go").unwrap();
        c.judge(line, start, start + 2, confirmed)
    }

    #[test]
    fn go_live_and_go_to_are_rejected_even_with_other_skills() {
        assert_eq!(
            judge(&go(), "Helped the Java team Go live", true),
            Err(Rejection::RejectRule)
        );
        assert_eq!(
            judge(&go(), "Go-to person for releases", true),
            Err(Rejection::RejectRule)
        );
    }

    #[test]
    fn accept_words_far_away_do_not_confirm() {
        let line = format!("Go {} microservices", "x ".repeat(60));
        assert_eq!(judge(&go(), &line, false), Err(Rejection::NoContext));
        let line = format!("Go {} microservices", "x ".repeat(30));
        assert_eq!(judge(&go(), &line, false), Ok(()));
    }

    #[test]
    fn strict_rules_ignore_neighbouring_skills() {
        let mut c = go();
        c.strict = true;
        assert_eq!(judge(&c, "Go, Python", true), Err(Rejection::NoContext));
        assert_eq!(judge(&c, "Go microservices, Python", true), Ok(()));
    }

    #[test]
    fn one_regex_for_a_list_matches_where_any_of_the_list_does() {
        let texts = [
            "",
            "Helped the team go live with",
            "to ",
            "Built microservices in Go and Kafka",
            "Testing department, monitoring calls • Spring 2019 – Express delivery",
            "REST APIs; rest of the team; résumé ÉQUIPE",
            "Java 8, Node.js, C#, .NET, CI/CD pipelines on AWS",
        ];
        // And every line of the made-up resumes of the fixtures.
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/resumes");
        let fixtures: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .filter_map(|e| std::fs::read_to_string(e.unwrap().path()).ok())
            .collect();
        let texts: Vec<&str> = texts
            .into_iter()
            .chain(fixtures.iter().flat_map(|f| f.lines()))
            .collect();
        assert!(texts.len() > 500);
        let taxonomy = crate::Taxonomy::builtin();
        let mut lists = 0;
        for rules in taxonomy.skills().iter().filter_map(|s| s.context.as_ref()) {
            for list in [&rules.reject_before, &rules.reject_after, &rules.accept] {
                let one = compile_any(list);
                let any = AnyOf::new(list);
                let each: Vec<Regex> = list
                    .iter()
                    .map(|p| {
                        crate::lean::from_hir(&super::super::literals::parse_pattern(p).unwrap().1)
                            .unwrap()
                    })
                    .collect();
                lists += usize::from(list.len() > 1);
                for &t in &texts {
                    let want = each.iter().any(|r| r.is_match(t));
                    assert_eq!(one.iter().any(|r| r.is_match(t)), want, "{list:?} on {t:?}");
                    // And the list's DFA, or its fallback.
                    assert_eq!(any.is_match(list, t), want, "{list:?} on {t:?}");
                }
            }
        }
        assert!(lists > 5, "lists of several rules are tried");
    }

    #[test]
    fn rule_lists_read_as_ascii_match_ascii_texts_as_the_lists_do() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/resumes");
        let fixtures: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .filter_map(|e| std::fs::read_to_string(e.unwrap().path()).ok())
            .collect();
        // Whole lines, and the two halves of each, at a space (the reject rules see the text
        // before and after a mention, and many are anchored at its ends).
        let mut texts = vec![
            String::new(),
            "Go-to person; K8s, C#/.NET [x] (y) - z... & 100% {a|b}".to_string(),
        ];
        for line in fixtures
            .iter()
            .flat_map(|f| f.lines())
            .filter(|l| l.is_ascii())
        {
            texts.push(line.to_string());
            if let Some(mid) = line[line.len() / 2..].find(' ') {
                let mid = line.len() / 2 + mid;
                texts.push(line[..mid].to_string());
                texts.push(line[mid..].to_string());
            }
        }
        assert!(texts.len() > 1000);
        let taxonomy = crate::Taxonomy::builtin();
        let mut unicode = 0;
        for rules in taxonomy.skills().iter().filter_map(|s| s.context.as_ref()) {
            for list in [&rules.reject_before, &rules.reject_after, &rules.accept] {
                let ascii = compile_any_ascii(list);
                let each: Vec<Regex> = list
                    .iter()
                    .map(|p| {
                        let (needs, hir) = super::super::literals::parse_pattern(p).unwrap();
                        unicode += usize::from(needs);
                        crate::lean::from_hir(&hir).unwrap()
                    })
                    .collect();
                for t in &texts {
                    let want = each.iter().any(|r| r.is_match(t));
                    assert_eq!(
                        ascii.iter().any(|r| r.is_match(t)),
                        want,
                        "{list:?} on {t:?}"
                    );
                }
            }
        }
        assert!(unicode > 0, "some built-in rules need Unicode to parse");
    }

    #[test]
    fn the_builtin_lists_without_a_dfa_compile_once_as_ascii() {
        assert!(!prepared::UNPREPARED_RULES.is_empty());
        for list in prepared::UNPREPARED_RULES {
            let list: Vec<String> = list.iter().map(|r| r.to_string()).collect();
            let shared = compile_ascii(&list);
            assert!(!shared.is_empty(), "{list:?}");
            assert_eq!(compile_ascii(&list).len(), shared.len(), "{list:?}");
            assert_eq!(compile_any_ascii(&list).len(), shared.len(), "{list:?}");
        }
        assert_eq!(
            compile_ascii(&[r"(?i)\bnot built in\b".to_string()]).len(),
            1
        );
    }

    #[test]
    fn go_needs_confirmation() {
        assert_eq!(judge(&go(), "Go", false), Err(Rejection::NoContext));
        assert_eq!(judge(&go(), "Built microservices in Go", false), Ok(()));
        assert_eq!(judge(&go(), "Go, Python", true), Ok(()));
    }
}
