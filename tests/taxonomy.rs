//! The built-in taxonomy is data, and data is checked like code.

use skillgap::taxonomy::{check, Importance, BUILTIN_YAML};
use skillgap::Taxonomy;
use std::collections::HashSet;

/// Ids other tools and the evaluation rely on.
const REQUIRED_SKILLS: &[&str] = &[
    "sql",
    "postgresql",
    "mysql",
    "mongodb",
    "redis",
    "rest-api",
    "graphql",
    "jwt",
    "oauth",
    "docker",
    "kubernetes",
    "aws",
    "gcp",
    "azure",
    "ci-cd",
    "git",
    "testing",
    "microservices",
    "kafka",
    "system-design",
    "dsa",
    "spring-boot",
    "django",
    "express",
    "fastapi",
    "laravel",
    "nestjs",
    "java",
    "python",
    "go",
    "nodejs",
    "rust",
    "observability",
    "security",
    "linux",
];

/// Seed 003's skill table: id, name, importance.
const SEED_COMPETENCIES: &[(&str, &str, Importance)] = &[
    (
        "server-side-programming",
        "Server-Side Programming",
        Importance::High,
    ),
    ("api-development", "API Development", Importance::High),
    ("database-design", "Database Design", Importance::High),
    ("sql-databases", "SQL", Importance::High),
    ("backend-frameworks", "Backend Frameworks", Importance::High),
    (
        "authentication-authorization",
        "Authentication and Authorization",
        Importance::High,
    ),
    (
        "data-structures-algorithms",
        "Data Structures and Algorithms",
        Importance::MediumHigh,
    ),
    (
        "caching-performance",
        "Caching and Performance Optimization",
        Importance::MediumHigh,
    ),
    (
        "microservices-basics",
        "Microservices Basics",
        Importance::Medium,
    ),
    (
        "cloud-deployment",
        "Cloud and Deployment Basics",
        Importance::MediumHigh,
    ),
    (
        "testing-backend-code",
        "Testing Backend Code",
        Importance::MediumHigh,
    ),
    (
        "debugging-troubleshooting",
        "Debugging and Troubleshooting",
        Importance::High,
    ),
    ("git-code-review", "Git and Code Review", Importance::High),
    (
        "security-best-practices",
        "Security Best Practices",
        Importance::MediumHigh,
    ),
    (
        "system-design-basics",
        "System Design Basics",
        Importance::High,
    ),
];

#[test]
fn builtin_taxonomy_passes_check() {
    let problems = check(BUILTIN_YAML);
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn required_skill_ids_exist() {
    let t = Taxonomy::builtin();
    let missing: Vec<_> = REQUIRED_SKILLS
        .iter()
        .filter(|id| t.skill(id).is_none())
        .collect();
    assert!(missing.is_empty(), "missing skills: {missing:?}");
}

#[test]
fn every_seed_competency_is_present_with_its_importance() {
    let t = Taxonomy::builtin();
    for (id, name, importance) in SEED_COMPETENCIES {
        let c = t
            .competency(id)
            .unwrap_or_else(|| panic!("missing competency {id}"));
        assert_eq!(&c.name, name, "{id}");
        assert_eq!(c.importance, Some(*importance), "{id}");
        assert!(!c.used_for.is_empty(), "{id} has no used_for");
        assert!(!c.skills.is_empty(), "{id} lists no skills");
        assert!(!c.suggestions.is_empty(), "{id} has no suggestions");
    }
    assert_eq!(t.competencies().len(), SEED_COMPETENCIES.len());
}

#[test]
fn levels_are_the_five_career_stages_in_order_with_rising_years() {
    let t = Taxonomy::builtin();
    let ids: Vec<&str> = t.levels().iter().map(|l| l.id.as_str()).collect();
    assert_eq!(ids, ["junior", "mid", "senior", "lead", "architect"]);
    let years: Vec<f64> = t.levels().iter().map(|l| l.years.min).collect();
    assert!(years.windows(2).all(|w| w[0] < w[1]), "{years:?}");
    for l in t.levels() {
        assert!(!l.requirements.is_empty(), "{} has no requirements", l.id);
        assert!(!l.source.is_empty(), "{} has no source", l.id);
    }
    for l in &t.levels()[2..] {
        assert!(
            !l.responsibilities.is_empty(),
            "{} has no responsibility signals",
            l.id
        );
    }
}

#[test]
fn every_competency_is_required_by_some_level() {
    let t = Taxonomy::builtin();
    let used: HashSet<&str> = t
        .levels()
        .iter()
        .flat_map(|l| {
            l.requirements
                .iter()
                .filter_map(|r| r.competency.as_deref())
        })
        .collect();
    for c in t.competencies() {
        assert!(
            used.contains(c.id.as_str()),
            "{} is not required by any level",
            c.id
        );
    }
}

#[test]
fn every_entry_is_traced_to_a_source() {
    let t = Taxonomy::builtin();
    let seeds: HashSet<&str> = t.data().sources.iter().map(|s| s.id.as_str()).collect();
    for id in [
        "seed-000",
        "seed-001",
        "seed-002",
        "seed-003",
        "seed-004",
        "recruiter",
    ] {
        assert!(seeds.contains(id), "source {id} is not defined");
    }
    for s in t.skills() {
        assert!(!s.source.is_empty(), "skill {} has no source", s.id);
    }
    for c in t.competencies() {
        assert!(
            c.source.iter().any(|s| s.starts_with("seed-")),
            "competency {} is not traced to a seed",
            c.id
        );
        for sug in &c.suggestions {
            assert!(
                !sug.source.is_empty(),
                "a suggestion of {} has no source",
                c.id
            );
        }
    }
}

#[test]
fn every_skill_evidences_a_competency_or_is_a_signal() {
    let t = Taxonomy::builtin();
    let in_levels: HashSet<&str> = t
        .levels()
        .iter()
        .flat_map(|l| {
            l.requirements
                .iter()
                .chain(&l.responsibilities)
                .filter_map(|r| r.skill.as_deref())
                .chain(l.certifications.iter().map(String::as_str))
        })
        .collect();
    let orphans: Vec<&str> = t
        .skills()
        .iter()
        .filter(|s| t.competencies_of(&s.id).next().is_none() && !in_levels.contains(s.id.as_str()))
        .filter(|s| {
            !s.implies
                .iter()
                .any(|i| t.competencies_of(i).next().is_some())
        })
        .map(|s| s.id.as_str())
        .collect();
    // Skills outside every competency are still reported as evidence, but they
    // cannot move a score; keep the list short and deliberate.
    assert!(
        orphans.len() <= t.skills().len() / 4,
        "{} orphans: {orphans:?}",
        orphans.len()
    );
}

#[test]
fn ambiguous_words_have_context_rules() {
    let t = Taxonomy::builtin();
    for word in [
        "Go", "Express", "Spring", "Rust", "Swift", "R", "C", "Rest", "Oracle", "Make", "Chef",
        "Puppet", "Node",
    ] {
        let owner = t
            .skills()
            .iter()
            .find(|s| {
                s.ambiguous
                    .iter()
                    .any(|a| a.text.eq_ignore_ascii_case(word))
            })
            .unwrap_or_else(|| panic!("`{word}` is not an ambiguous spelling of any skill"));
        assert!(
            owner.context.is_some(),
            "`{word}` ({}) has no context rules",
            owner.id
        );
        // And it is not also a plain alias anywhere.
        for s in t.skills() {
            assert!(
                !s.aliases.iter().any(|a| a.eq_ignore_ascii_case(word))
                    && !s.name.eq_ignore_ascii_case(word)
                    || s.id == owner.id,
                "`{word}` is a plain spelling of {}",
                s.id
            );
        }
    }
}

#[test]
fn cue_lists_are_not_empty_and_avoid_bare_learning() {
    let t = Taxonomy::builtin();
    let cues = &t.data().cues;
    assert!(cues
        .negation
        .iter()
        .any(|c| c.eq_ignore_ascii_case("no experience with")));
    assert!(cues
        .hedge
        .iter()
        .any(|c| c.eq_ignore_ascii_case("basic knowledge of")));
    assert!(cues
        .learning
        .iter()
        .any(|c| c.eq_ignore_ascii_case("currently learning")));
    // "learning" alone would exclude "Machine Learning with Python".
    for list in [&cues.negation, &cues.hedge, &cues.learning] {
        assert!(!list.iter().any(|c| c.eq_ignore_ascii_case("learning")));
    }
    // A cue is in one list only: a phrase cannot both hedge and exclude.
    let mut all: Vec<String> = [&cues.negation, &cues.hedge, &cues.learning]
        .iter()
        .flat_map(|l| l.iter().map(|c| c.to_ascii_lowercase()))
        .collect();
    let n = all.len();
    all.sort();
    all.dedup();
    assert_eq!(all.len(), n, "a cue appears twice");
}

#[test]
fn title_words_are_sorted_lower_case_and_name_one_stage_only() {
    let t = Taxonomy::builtin();
    let mut lists: Vec<(&str, &Vec<String>)> = t
        .levels()
        .iter()
        .map(|l| (l.id.as_str(), &l.title_words))
        .collect();
    lists.push(("cues.other_role_titles", &t.data().cues.other_role_titles));
    let mut all = Vec::new();
    for (id, words) in lists {
        let mut sorted = words.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(&sorted, words, "{id}: sorted, no duplicates");
        assert!(
            words.iter().all(|w| *w == w.to_lowercase()),
            "{id}: lower case"
        );
        all.extend(words.iter().cloned());
    }
    let n = all.len();
    all.sort();
    all.dedup();
    assert_eq!(all.len(), n, "a title word names one stage or role only");
    // Every title the seeds give a stage holds no word of a higher stage.
    for (i, l) in t.levels().iter().enumerate() {
        for title in &l.titles {
            let lower = format!(" {} ", title.to_lowercase());
            for higher in &t.levels()[i + 1..] {
                for w in &higher.title_words {
                    assert!(
                        !lower.contains(&format!(" {w} ")),
                        "{}: title {title:?} holds {w:?} of {}",
                        l.id,
                        higher.id
                    );
                }
            }
        }
    }
}

#[test]
fn the_yaml_round_trips() {
    let t = Taxonomy::builtin();
    let again = Taxonomy::from_yaml(&t.to_yaml()).unwrap();
    assert_eq!(again.data(), t.data());
}

#[test]
fn the_example_replacement_taxonomy_is_valid() {
    let src = include_str!("../fixtures/taxonomies/minimal-replacement.yaml");
    assert!(check(src).is_empty(), "{:#?}", check(src));
}
