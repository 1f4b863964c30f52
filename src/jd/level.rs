//! The career level a job description aims at.
//!
//! In order of precedence:
//! 1. **Title words**: the words of each taxonomy level (`words:` in the
//!    taxonomy, and the level's id). In the built-in taxonomy: `Junior`, `Jr`,
//!    `Entry-level`, `Graduate`, `Intern`, `Trainee`, `Fresher` → junior;
//!    `Mid`, `Mid-level`, `Intermediate`, `II` → mid; `Senior`, `Sr`, `III` →
//!    senior; `Lead`, `Staff`, `Principal` (and the common misspelling
//!    `Principle`), `Manager`, `Head`, `Director` → lead; `Architect`,
//!    `Distinguished`, `Fellow` → architect. When a title has several, the
//!    highest level (the taxonomy's order) wins ("Staff Engineer / Tech Lead" →
//!    lead, "Senior Solutions Architect" → architect).
//! 2. **A level field** ("Experience level: Mid-Level Senior", "Seniority:
//!    Junior"): the same words; of several, the one closest to the level the
//!    asked years point to, else the lowest.
//! 3. **Asked years**: the highest taxonomy level whose `years.min` is at most
//!    the asked minimum.
//!
//! Words are compared folded (lower case, letters and digits, `Mid-Level` →
//! `mid level`); a two-word name is tried before its first word.

use super::years::YearsAsked;
use crate::taxonomy::Taxonomy;
use serde::{Deserialize, Serialize};

/// How the level of a job description was decided.
///
/// ```
/// use skillgap::{Scorer, Taxonomy};
/// use skillgap::jd::LevelSource;
/// let scorer = Scorer::new(Taxonomy::builtin());
/// let job = scorer.parse_job("Backend Developer\nRequirements\n- 3+ years of Python experience\n");
/// assert_eq!(job.level.unwrap().source, LevelSource::Years);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LevelSource {
    /// A word of the job title ("Senior", "Staff").
    Title,
    /// A metadata field ("Experience level: Senior").
    Field,
    /// The years asked.
    Years,
}

/// The level a job description aims at, mapped to a taxonomy level.
///
/// ```
/// use skillgap::{Scorer, Taxonomy};
/// use skillgap::jd::LevelSource;
/// let scorer = Scorer::new(Taxonomy::builtin());
/// let level = scorer.parse_job("Staff Engineer / Tech Lead\n").level.unwrap();
/// assert_eq!((level.id.as_str(), level.source, level.text.as_str()), ("lead", LevelSource::Title, "lead"));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LevelAsked {
    /// Taxonomy level id.
    pub id: String,
    /// Taxonomy level name.
    pub name: String,
    /// What decided it.
    pub source: LevelSource,
    /// The word or years text that decided it.
    pub text: String,
    /// 1-based line of the job description.
    pub line: usize,
}

/// The taxonomy levels named in `text` by their words (each level's `words:`
/// and its id, folded), with the word as written in the taxonomy, lowest
/// level first. Two-word names are tried before one word ("entry level").
fn level_words<'t>(t: &'t Taxonomy, text: &str) -> Vec<(&'t crate::taxonomy::Level, String)> {
    let folded = super::sections::fold(text);
    let words: Vec<&str> = folded.split(' ').collect();
    let named = |w: &str| {
        t.levels()
            .iter()
            .enumerate()
            .find(|(_, l)| l.id == w || l.words.iter().any(|x| x == w))
    };
    let mut out: Vec<(usize, &crate::taxonomy::Level, String)> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let two = words.get(i + 1).map(|n| format!("{} {n}", words[i]));
        let hit = two
            .as_deref()
            .and_then(|w| named(w).map(|(rank, l)| (rank, l, w.to_string(), 2)))
            .or_else(|| named(words[i]).map(|(rank, l)| (rank, l, words[i].to_string(), 1)));
        match hit {
            Some((rank, l, w, n)) => {
                out.push((rank, l, w));
                i += n;
            }
            None => i += 1,
        }
    }
    out.sort_by_key(|(rank, _, _)| *rank);
    out.into_iter().map(|(_, l, w)| (l, w)).collect()
}

/// The highest level whose minimum years are at most `years`.
fn by_years(t: &Taxonomy, years: f64) -> Option<&crate::taxonomy::Level> {
    t.levels().iter().rfind(|l| l.years.min <= years)
}

fn asked(l: &crate::taxonomy::Level, source: LevelSource, text: String, line: usize) -> LevelAsked {
    LevelAsked {
        id: l.id.clone(),
        name: l.name.clone(),
        source,
        text,
        line,
    }
}

/// Decides the level from the title, level fields and asked years.
pub(crate) fn decide(
    t: &Taxonomy,
    title: Option<(&str, usize)>,
    fields: &[(String, usize)],
    years: Option<&YearsAsked>,
) -> Option<LevelAsked> {
    if let Some((title, line)) = title {
        // The highest level named, shown by its own name when the title says
        // it ("Senior Java Engineer (VP)": `senior`, not the bank rank `vp`),
        // else by the last of its words.
        let mut named = level_words(t, title);
        if let Some((top, _)) = named.last() {
            let top = top.id.as_str();
            let pick = named
                .iter()
                .rposition(|(l, w)| l.id == top && w == top)
                .unwrap_or(named.len() - 1);
            let (l, word) = named.swap_remove(pick);
            return Some(asked(l, LevelSource::Title, word, line));
        }
    }
    let from_years = years.and_then(|y| by_years(t, y.min));
    for (field, line) in fields {
        let mut candidates = level_words(t, field);
        if candidates.is_empty() {
            continue;
        }
        if let Some(target) = from_years {
            let pos = |id: &str| t.levels().iter().position(|l| l.id == id).unwrap_or(0);
            let want = pos(&target.id);
            candidates.sort_by_key(|(l, _)| pos(&l.id).abs_diff(want));
        }
        let (l, w) = candidates.swap_remove(0);
        return Some(asked(l, LevelSource::Field, w, *line));
    }
    let y = years?;
    from_years.map(|l| asked(l, LevelSource::Years, y.text.clone(), y.line))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn taxonomy() -> Taxonomy {
        let mut yaml = String::from("id: t\nskills:\n  - {id: a, name: Alpha}\nlevels:\n");
        for (id, min, words) in [
            ("junior", 0, "[jr, entry level, intern]"),
            ("mid", 2, "[mid level, ii]"),
            ("senior", 5, "[sr]"),
            ("lead", 8, "[staff, principal, principle]"),
            ("architect", 10, "[]"),
        ] {
            yaml.push_str(&format!(
                "  - id: {id}\n    name: {id}\n    words: {words}\n    years: {{min: {min}}}\n    requirements: [{{skill: a}}]\n"
            ));
        }
        Taxonomy::from_yaml(&yaml).unwrap()
    }

    fn years(min: f64) -> YearsAsked {
        YearsAsked {
            min,
            max: None,
            text: format!("{min}+ years"),
            line: 9,
        }
    }

    fn level(title: &str, fields: &[&str], y: Option<f64>) -> Option<String> {
        let fields: Vec<(String, usize)> = fields.iter().map(|f| (f.to_string(), 2)).collect();
        decide(
            &taxonomy(),
            Some((title, 1)),
            &fields,
            y.map(years).as_ref(),
        )
        .map(|l| l.id)
    }

    #[test]
    fn the_highest_level_is_shown_by_its_own_name_when_the_title_says_it() {
        let t = Taxonomy::builtin();
        let said = |title| {
            let l = decide(&t, Some((title, 1)), &[], None).unwrap();
            (l.id, l.text)
        };
        let pair = |a: &str, b: &str| (a.to_string(), b.to_string());
        assert_eq!(
            said("Senior Java Software Engineer (VP)"),
            pair("senior", "senior")
        );
        assert_eq!(
            said("Staff Engineer / Backend Tech Lead"),
            pair("lead", "lead")
        );
        assert_eq!(said("Staff Engineer, Payments"), pair("lead", "staff"));
    }

    #[test]
    fn title_words_map_to_levels() {
        assert_eq!(
            level("Junior Backend Developer (Node.js)", &[], None).as_deref(),
            Some("junior")
        );
        assert_eq!(
            level("Senior Platform Engineer (Go)", &[], Some(5.0)).as_deref(),
            Some("senior")
        );
        assert_eq!(
            level("Staff Engineer / Backend Tech Lead — Payments", &[], None).as_deref(),
            Some("lead")
        );
        assert_eq!(
            level("Solutions Architect — Cloud & Backend Platforms", &[], None).as_deref(),
            Some("architect")
        );
        assert_eq!(
            level("Java Developer – Spring Boot (Mid-level)", &[], None).as_deref(),
            Some("mid")
        );
        assert_eq!(
            level("Principle Software Engineer | Java", &[], None).as_deref(),
            Some("lead")
        );
        assert_eq!(
            level("Python Software Engineer Intern", &[], None).as_deref(),
            Some("junior")
        );
    }

    #[test]
    fn without_title_words_the_years_decide() {
        assert_eq!(
            level(".NET Developer (C# / Azure)", &[], Some(3.0)).as_deref(),
            Some("mid")
        );
        assert_eq!(
            level("Backend Developer", &[], Some(0.0)).as_deref(),
            Some("junior")
        );
        assert_eq!(level("Backend Developer", &[], None), None);
    }

    #[test]
    fn a_level_field_is_narrowed_by_years() {
        assert_eq!(
            level("Node.js Backend Engineer", &["Mid-Level Senior"], Some(3.0)).as_deref(),
            Some("mid")
        );
        assert_eq!(
            level("Node.js Backend Engineer", &["Mid-Level Senior"], Some(6.0)).as_deref(),
            Some("senior")
        );
        assert_eq!(
            level("Backend Engineer", &["Senior"], None).as_deref(),
            Some("senior")
        );
    }
}
