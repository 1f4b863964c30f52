//! A second role written only as data: `fixtures/taxonomies/frontend-developer-role.yaml` has
//! its own skills, competencies, levels (apprentice, practitioner, principal) and settings, and
//! scoring a resume with it needs no Rust change. Nothing of the built-in backend taxonomy may
//! leak into the report.

use skillgap::YearMonth;
use skillgap::{Scorer, Status, Taxonomy};

const ROLE: &str = include_str!("../fixtures/taxonomies/frontend-developer-role.yaml");

/// A made-up frontend resume that also names backend technologies the second role lacks.
const RESUME: &str = "\
Robin Example
Frontend Developer

EXPERIENCE
Frontend Developer, Northwind Studio (Mar 2021 - Present)
- Built the checkout in React and TypeScript, styled with Sass
- Raised the Lighthouse score from 62 to 95 and fixed WCAG issues
- Wrote end-to-end tests in Playwright
- Led design reviews with the product team
Junior Web Developer, Bluebird Agency (Jan 2019 - Feb 2021)
- Built landing pages in React; the API was Node.js and PostgreSQL

SKILLS
React, TypeScript, CSS3, Playwright, Docker, PostgreSQL
";

fn score() -> skillgap::Report {
    let taxonomy = Taxonomy::from_yaml(ROLE).expect("the second role loads");
    assert!(skillgap::taxonomy::check(ROLE).is_empty());
    let scorer = Scorer::builder(taxonomy)
        .as_of(YearMonth::new(2026, 12).unwrap())
        .build()
        .unwrap();
    scorer.score(RESUME)
}

#[test]
fn a_second_role_scores_a_resume_with_its_own_skills_competencies_and_levels() {
    let report = score();
    assert_eq!(report.taxonomy.id, "frontend-developer-example");
    for id in [
        "react",
        "typescript",
        "css",
        "playwright",
        "web-performance",
        "accessibility",
    ] {
        let skill = report.skill(id).unwrap_or_else(|| panic!("{id} is found"));
        assert_eq!(skill.status, Status::Evidenced, "{id}");
    }
    let levels: Vec<&str> = report.levels.iter().map(|l| l.id.as_str()).collect();
    assert_eq!(levels, ["apprentice", "practitioner", "principal"]);
    let estimated = report
        .estimated_level
        .as_deref()
        .expect("a level is estimated");
    assert!(levels.contains(&estimated), "{estimated}");
    assert!(report.level("apprentice").unwrap().reached);
    let competencies: Vec<&str> = report.competencies.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(competencies, ["ui-engineering", "web-quality"]);
    assert!(
        report.settings.fuzzy_threshold == Some(0.85),
        "{:?}",
        report.settings
    );
}

#[test]
fn a_second_role_knows_nothing_of_the_built_in_skills() {
    let report = score();
    let json = report.to_json();
    for builtin in [
        "postgresql",
        "docker",
        "nodejs",
        "api-development",
        "senior",
    ] {
        assert!(report.skill(builtin).is_none(), "{builtin}");
        assert!(
            !json.contains(&format!("\"id\":\"{builtin}\"")),
            "{builtin}"
        );
    }
}

#[test]
fn a_second_role_takes_its_responsibilities_from_its_own_levels() {
    let report = score();
    let principal = report.level("principal").unwrap();
    assert!(principal.responsibilities > 0.0, "{principal:?}");
    assert!(report.skill("design-reviews").is_some());
}
