//! Properties of the scorer that must hold for any input.

use proptest::prelude::*;
mod common;

use common::scorer;

const RESUMES: &[&str] = &[
    include_str!("../fixtures/resumes/intern-new-grad-python.txt"),
    include_str!("../fixtures/resumes/junior-nodejs-express.txt"),
    include_str!("../fixtures/resumes/mid-java-spring.txt"),
    include_str!("../fixtures/resumes/senior-go-kubernetes.md"),
    include_str!("../fixtures/resumes/lead-python-migrations.txt"),
    include_str!("../fixtures/resumes/architect-cloud-platform.txt"),
    include_str!("../fixtures/resumes/traps-ambiguous-words.txt"),
    include_str!("../fixtures/resumes/non-technical-store-manager.txt"),
    include_str!("../fixtures/resumes/hedged-learning-only.txt"),
];

fn all_lines() -> Vec<String> {
    RESUMES
        .iter()
        .flat_map(|r| r.lines())
        .filter(|l| !l.trim().is_empty() && !is_heading(l) && !is_period(l))
        .map(str::to_string)
        .collect()
}

/// A section heading such as `EDUCATION` or `WORK HISTORY:` (even bulleted): appending
/// one is not adding evidence, it moves what follows into another section. Under an
/// Education heading a dated line is a period of study, and a job held during study
/// counts half (docs/LEVELS.md), so the years may rightly go down. proptest found
/// exactly that ("- EDUCATION" then a dated job line made a 2025 job count half).
fn is_heading(line: &str) -> bool {
    let t = line.trim_matches(|c: char| matches!(c, '-' | '•' | '*' | ':' | ' ' | '#'));
    !t.is_empty()
        && t.split_whitespace().count() <= 3
        && t.chars()
            .all(|c| c.is_ascii_uppercase() || matches!(c, ' ' | '&' | '/'))
}

/// A line holding a period (`2012 - 2014`, `Jan 2023 – Present`): appending one adds
/// a job or a period of study to the timeline, which may rightly reinterpret the years
/// the resume already had (docs/LEVELS.md): a study period halves the jobs it overlaps,
/// and a job outside the role takes its share of stated years no date placed. Both are
/// tested with exact values in tests/resumes.rs; here only evidence is appended.
fn is_period(line: &str) -> bool {
    static PERIOD: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    PERIOD
        .get_or_init(|| {
            regex::Regex::new(r"(?i)\b(19|20)\d\d\b.*(\b(19|20)\d\d\b|present|current|now)")
                .unwrap()
        })
        .is_match(line)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Appending experience bullets (any lines, even negated or hedged ones) never
    /// lowers the readiness of any level, the years, or any skill's status.
    #[test]
    fn adding_evidence_never_lowers_a_score(
        resume in 0..RESUMES.len(),
        picks in proptest::collection::vec(any::<prop::sample::Index>(), 1..6),
    ) {
        let lines = all_lines();
        let base = RESUMES[resume];
        let mut more = String::from(base);
        more.push_str("\n\nEXPERIENCE\n");
        for p in &picks {
            more.push_str("- ");
            more.push_str(p.get::<String>(&lines).trim_start_matches(['-', '•', '*', ' ']));
            more.push('\n');
        }
        let before = scorer().score(base);
        let after = scorer().score(&more);
        for (b, a) in before.levels.iter().zip(&after.levels) {
            prop_assert!(a.readiness >= b.readiness, "{}: {} -> {}", b.id, b.readiness, a.readiness);
        }
        prop_assert!(after.experience.years >= before.experience.years);
        for s in &before.skills {
            let now = after.skill(&s.id).map(|f| f.status);
            prop_assert!(now >= Some(s.status), "{} went from {:?} to {:?}", s.id, s.status, now);
        }
    }

    /// Arbitrary text never panics the scorer, and the report is self-consistent.
    #[test]
    fn any_text_scores_without_panicking(text in "\\PC{0,400}") {
        let r = scorer().score(&text);
        prop_assert_eq!(r.levels.len(), 5);
        for l in &r.levels {
            prop_assert!((0.0..=100.0).contains(&l.readiness));
        }
    }

    /// Mixed resume fragments with odd characters between them never panic either.
    #[test]
    fn fragments_with_noise_score_without_panicking(
        picks in proptest::collection::vec(any::<prop::sample::Index>(), 0..20),
        noise in "[\\u{0}-\\u{ff}•–—\u{ad}\u{fb01}\u{200b}]{0,40}",
    ) {
        let lines = all_lines();
        let mut text = String::new();
        for p in &picks {
            text.push_str(p.get::<String>(&lines));
            text.push_str(&noise);
            text.push('\n');
        }
        let _ = scorer().score(&text);
    }
}
