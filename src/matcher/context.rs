//! Context rules for ambiguous spellings (`Go`, `Express`, `Spring`, `Rest`...).
//!
//! An ambiguous mention counts when
//! 1. no `reject_before` regex matches the text before it on its line segment,
//! 2. no `reject_after` regex matches the text after it, and
//! 3. at least one of: an `accept` regex matches the segment; another,
//!    unambiguous skill is found in the same segment; the segment is in a
//!    Skills section.

use crate::taxonomy::ContextRules;
use regex::Regex;

/// Compiled context rules of one skill.
#[derive(Debug, Clone, Default)]
pub(crate) struct Context {
    reject_before: Vec<Regex>,
    reject_after: Vec<Regex>,
    accept: Vec<Regex>,
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
    /// Compiles the rules; invalid regexes were reported by validation and are skipped here.
    pub fn new(rules: Option<&ContextRules>) -> Context {
        let compile = |v: &[String]| v.iter().filter_map(|r| Regex::new(r).ok()).collect();
        match rules {
            None => Context::default(),
            Some(r) => Context {
                reject_before: compile(&r.reject_before),
                reject_after: compile(&r.reject_after),
                accept: compile(&r.accept),
            },
        }
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
        let before = &segment[..start];
        let after = &segment[end..];
        if self.reject_before.iter().any(|r| r.is_match(before))
            || self.reject_after.iter().any(|r| r.is_match(after))
        {
            return Err(Rejection::RejectRule);
        }
        if confirmed || self.accept.iter().any(|r| r.is_match(segment)) {
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
    fn go_needs_confirmation() {
        assert_eq!(judge(&go(), "Go", false), Err(Rejection::NoContext));
        assert_eq!(judge(&go(), "Built microservices in Go", false), Ok(()));
        assert_eq!(judge(&go(), "Go, Python", true), Ok(()));
    }
}
