//! Years of experience a job description asks for.
//!
//! Read forms: `5+ years`, `2+ yrs`, `3-5 years`, `0–2 years`, `3 to 5 years`,
//! `Three to five years`, `at least 4 years`, `minimum of 3 years`, `over 5
//! years`, `up to 2 years` (0 to 2), `5 years+`. Numbers may be digits or words
//! up to twenty.
//!
//! A statement counts when it has a `+`, a range or a bound word (`at least`,
//! `minimum`, `over`, `more than`, `up to`, `less than`), when the words after
//! it are about experience (`of`, `in`, `as`, `with`, `writing`, `building`,
//! `leading`, `experience`, `professional`, `backend`, ...), or when its item
//! mentions experience. It does not count after `the next`, `the last`,
//! `within`, `after`, `every`, or before `old`, `ago`, `warranty`, `window`,
//! and never in ignored sections (benefits, company, process) or preferred ones.
//!
//! When several statements count, the one with the largest minimum wins: "10+
//! years in software engineering, including at least 4 years as an architect"
//! asks for 10.

use crate::text::number;
use regex::Regex;
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

/// Years of experience a job description asks for.
///
/// ```
/// use skillgap::{Scorer, Taxonomy};
/// let scorer = Scorer::new(Taxonomy::builtin());
/// let y = scorer.parse_job("Requirements\n- 3 to 5 years of Java\n").years.unwrap();
/// assert_eq!((y.min, y.max, y.line), (3.0, Some(5.0), 2));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct YearsAsked {
    /// The minimum (0 for "up to 2 years" or "0–2 years").
    pub min: f64,
    /// The maximum of a range ("3-5 years" → 5), if one was given.
    pub max: Option<f64>,
    /// The text that was read.
    pub text: String,
    /// 1-based line of the job description.
    pub line: usize,
}

const NUM: &str = r"\d{1,2}(?:\.\d)?|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty";

fn regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(&format!(
            r"(?i)(?:\b(?P<pre>at\s+least|a\s+minimum\s+of|minimum\s+of|minimum|min\.?|over|more\s+than|upwards\s+of|up\s+to|less\s+than|under)\s+)?\b(?P<a>{NUM})\s*(?P<plus>\+)?\s*(?:(?:-|–|—|to)\s*(?P<b>{NUM})\s*\+?\s*)?(?:years?|yrs?)\b(?P<plus2>\s*\+)?"
        ))
        .expect("years regex compiles")
    })
}

const AFTER_OK: &[&str] = &[
    "of",
    "in",
    "as",
    "with",
    "writing",
    "building",
    "working",
    "developing",
    "designing",
    "leading",
    "experience",
    "exp",
    "professional",
    "relevant",
    "industry",
    "hands-on",
    "backend",
    "back-end",
    "software",
    "commercial",
    "programming",
    "practical",
    "production",
    "proven",
    "solid",
    "strong",
    "post",
    "full-time",
    "'",
    "’",
    "doing",
    "coding",
    "using",
];

const BEFORE_BAD: &[&str] = &[
    "the next", "the last", "the past", "within", "after", "every", "once", "per", "since", "first",
];

const AFTER_BAD: &[&str] = &[
    "old", "ago", "warranty", "window", "of age", "of leave", "later", "in a row",
];

/// Every statement of asked years in one item of text.
///
/// ```
/// use skillgap::jd::find_years;
/// let y = find_years("5+ years of backend engineering, with at least 3 years writing Go", 7);
/// assert_eq!((y[0].min, y[0].max, y[0].line), (5.0, None, 7));
/// assert_eq!(y[1].min, 3.0);
/// let y = find_years("Three to five years of professional experience with C#", 1);
/// assert_eq!((y[0].min, y[0].max), (3.0, Some(5.0)));
/// assert!(find_years("A 4-week sabbatical after 4 years.", 1).is_empty());
/// ```
pub fn find_years(text: &str, line: usize) -> Vec<YearsAsked> {
    let mut out = Vec::new();
    let lower = text.to_lowercase();
    if !lower.contains("year") && !lower.contains("yr") {
        return out;
    }
    let mentions_experience = lower.contains("experience") || lower.contains("exp.");
    for caps in regex().captures_iter(text) {
        let whole = caps.get(0).expect("group 0");
        let (Some(a), b) = (
            caps.name("a").and_then(|m| number(m.as_str())),
            caps.name("b"),
        ) else {
            continue;
        };
        let b = b.and_then(|m| number(m.as_str()));
        let pre = caps
            .name("pre")
            .map(|m| m.as_str().to_ascii_lowercase())
            .unwrap_or_default();
        let plus = caps.name("plus").is_some() || caps.name("plus2").is_some();
        let before = lower[..whole.start()].trim_end();
        let after = lower[whole.end()..].trim_start();
        if BEFORE_BAD.iter().any(|w| ends_with_word(before, w))
            || AFTER_BAD.iter().any(|w| starts_with_word(after, w))
        {
            continue;
        }
        let after_ok = AFTER_OK.iter().any(|w| starts_with_word(after, w));
        if !(plus || b.is_some() || !pre.is_empty() || after_ok || mentions_experience) {
            continue;
        }
        let upper_bound = pre.starts_with("up") || pre.starts_with("less") || pre == "under";
        let (min, max) = match b {
            Some(b) if b >= a => (a, Some(b)),
            Some(_) => continue,
            None if upper_bound => (0.0, Some(a)),
            None => (a, None),
        };
        if min > 40.0 {
            continue;
        }
        out.push(YearsAsked {
            min,
            max,
            text: whole.as_str().trim().to_string(),
            line,
        });
    }
    out
}

fn starts_with_word(s: &str, w: &str) -> bool {
    s.starts_with(w)
        && s[w.len()..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric())
}

fn ends_with_word(s: &str, w: &str) -> bool {
    s.ends_with(w)
        && s[..s.len() - w.len()]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric())
}

/// The statement that decides: the largest minimum, then the one with a range.
pub(crate) fn decide(statements: Vec<YearsAsked>) -> Option<YearsAsked> {
    statements.into_iter().reduce(|best, y| {
        if y.min > best.min || (y.min == best.min && best.max.is_none() && y.max.is_some()) {
            y
        } else {
            best
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn years(s: &str) -> Vec<(f64, Option<f64>)> {
        find_years(s, 1).iter().map(|y| (y.min, y.max)).collect()
    }

    #[test]
    fn forms_of_asked_years() {
        assert_eq!(years("5+ years of backend experience"), [(5.0, None)]);
        assert_eq!(years("3-5 years"), [(3.0, Some(5.0))]);
        assert_eq!(years("EXPERIENCE: 3 - 5 years"), [(3.0, Some(5.0))]);
        assert_eq!(
            years("0–2 years of experience as a backend developer"),
            [(0.0, Some(2.0))]
        );
        assert_eq!(
            years("Three to five years of professional experience"),
            [(3.0, Some(5.0))]
        );
        assert_eq!(
            years("at least 4 years in an architect role"),
            [(4.0, None)]
        );
        assert_eq!(years("Minimum of 3 years building APIs"), [(3.0, None)]);
        assert_eq!(
            years("Backend Engineer (Series A fintech, 2+ yrs)"),
            [(2.0, None)]
        );
        assert_eq!(years("up to 2 years of experience"), [(0.0, Some(2.0))]);
        assert_eq!(years("7 years+ in Java"), [(7.0, None)]);
    }

    #[test]
    fn years_that_are_not_asked_experience() {
        assert!(years("shape how our platforms are built for the next five years.").is_empty());
        assert!(years("a 4-week sabbatical after 4 years").is_empty());
        assert!(years("ESOPs with a 10-year exercise window").is_empty());
        assert!(years("Founded in 2023, we raised our Series A in 2025").is_empty());
        assert!(years("We have grown 3 years in a row").is_empty());
    }

    #[test]
    fn the_largest_minimum_decides() {
        let mut all = find_years(
            "10+ years in software engineering, including at least 4 years in an architect role",
            3,
        );
        all.extend(find_years("3 to 5 years", 9));
        let d = decide(all).unwrap();
        assert_eq!((d.min, d.line), (10.0, 3));
    }
}
