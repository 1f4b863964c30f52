//! The learning plan (`score --plan`, `fit --plan`): steps ranked by readiness
//! points per month of effort, laid end to end, stopping at the level's gate;
//! and the `effort` knowledge it rests on, kept in the taxonomies.

use skillgap::plan::{Plan, StepKind};
use skillgap::taxonomy::check;
use skillgap::text::YearMonth;
use skillgap::{Scorer, Taxonomy};

mod common;

use common::fixture;

fn scorer(t: Taxonomy) -> Scorer {
    Scorer::builder(t)
        .as_of(YearMonth::new(2026, 11).unwrap())
        .build()
        .unwrap()
}

fn plan_for(t: Taxonomy, resume: &str, level: Option<&str>) -> Plan {
    scorer(t)
        .plan(&fixture(resume), level)
        .unwrap()
        .1
        .expect("a level to plan for")
}

/// What every plan promises: points-per-month order, months that add up,
/// rising projected readiness.
fn assert_well_formed(p: &Plan) {
    for w in p.steps.windows(2) {
        assert!(
            w[0].points_per_month >= w[1].points_per_month,
            "{} ({}) before {} ({})",
            w[0].id,
            w[0].points_per_month,
            w[1].id,
            w[1].points_per_month
        );
        assert_eq!(w[0].month_end, w[1].month_start, "steps follow each other");
        assert!(w[1].readiness_after > w[0].readiness_after);
    }
    let total: f64 = p.steps.iter().map(|s| s.effort_months).sum();
    assert_eq!(p.months, total, "months add up");
    if let (Some(first), Some(last)) = (p.steps.first(), p.steps.last()) {
        assert_eq!(first.month_start, 0.0);
        assert_eq!(last.month_end, p.months);
        assert_eq!(last.readiness_after, p.projected);
        assert!(first.readiness_after > p.readiness);
    } else {
        assert_eq!(p.projected, p.readiness);
    }
    for s in &p.steps {
        assert_eq!(s.month_end - s.month_start, s.effort_months);
        assert!(s.points > 0.0 && s.effort_months > 0.0, "{}", s.id);
        assert!(!s.evidence.is_empty(), "{} names what to add", s.id);
        assert!(!s.effort_source.is_empty(), "{} cites its effort", s.id);
        if let Some(action) = &s.action {
            assert!(!action.source.is_empty(), "{} cites its action", s.id);
        }
    }
}

#[test]
fn a_junior_plan_to_mid_ranks_steps_by_points_per_month_and_reaches_the_gate() {
    let t = Taxonomy::builtin();
    let report = scorer(t.clone()).score(&fixture("fixtures/resumes/hedged-learning-only.txt"));
    assert_eq!(report.estimated_level.as_deref(), Some("junior"));
    let p = plan_for(t, "fixtures/resumes/hedged-learning-only.txt", None);
    assert_eq!(p.level, "mid");
    assert_well_formed(&p);
    let ids: Vec<&str> = p.steps.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "authentication-authorization",
            "database-design",
            "caching-performance",
            "code-reviews"
        ]
    );
    assert_eq!(p.months, 2.5);
    assert_eq!(p.readiness, report.level("mid").unwrap().readiness);
    assert!(p.readiness < p.gate, "the gate is not met today");
    assert!(p.projected >= p.gate, "the plan reaches the gate");
    assert!(p.gate_met);
    // A competency step comes with the seed roadmap's stage and its effort.
    let first = &p.steps[0];
    assert_eq!(first.kind, StepKind::Competency);
    assert_eq!(first.effort_source, "seed-003");
    assert!(first
        .action
        .as_ref()
        .unwrap()
        .text
        .contains("Roadmap month 4"));
    // The years the level expects come with time, not with learning.
    assert!(p.remaining.iter().any(|r| r.starts_with("years:")));
    let time = p.time_in_role.as_ref().unwrap();
    assert_eq!(time.years, 0.0);
    assert_eq!(time.months, (time.needed * 12.0).ceil() as u32);
    // Every step of the backend plan says what to do, from the seeds.
    assert!(p.steps.iter().all(|s| s.action.is_some()));
}

#[test]
fn points_are_the_readiness_each_step_adds_when_taken_alone() {
    let p = plan_for(
        Taxonomy::builtin(),
        "fixtures/resumes/hedged-learning-only.txt",
        None,
    );
    // The steps here do not interact: each adds exactly its own points.
    let mut before = p.readiness;
    for s in &p.steps {
        assert!(
            (s.readiness_after - before - s.points).abs() < 0.15,
            "{}: {} -> {} is not +{}",
            s.id,
            before,
            s.readiness_after,
            s.points
        );
        before = s.readiness_after;
    }
}

#[test]
fn the_plan_stops_once_the_gate_is_met() {
    // A lead plans for architect: the gate needs an architecture-strategy signal,
    // the last and slowest step.
    let p = plan_for(
        Taxonomy::builtin(),
        "fixtures/resumes/lead-python-migrations.txt",
        None,
    );
    assert_eq!(p.level, "architect");
    assert_well_formed(&p);
    assert!(p.gate_met);
    assert_eq!(p.steps.last().unwrap().id, "architecture-strategy");
    assert!(p.remaining.is_empty(), "{:?}", p.remaining);
}

#[test]
fn a_resume_that_only_lacks_years_gets_no_steps_and_the_months_to_wait() {
    let p = plan_for(
        Taxonomy::builtin(),
        "fixtures/resumes/mid-java-spring.txt",
        None,
    );
    assert_eq!(p.level, "senior");
    assert!(p.steps.is_empty());
    assert!(p.gate_met);
    assert_eq!(p.months, 0.0);
    let time = p.time_in_role.as_ref().unwrap();
    assert!(time.months > 0 && time.points > 0.0);
    assert_eq!(p.remaining.len(), 1);
    // The level's certifications add no readiness here and are listed aside.
    assert!(p.certifications.iter().any(|c| c.id == "cka"));
}

#[test]
fn an_explicit_level_is_planned_for() {
    let p = plan_for(
        Taxonomy::builtin(),
        "fixtures/resumes/hedged-learning-only.txt",
        Some("senior"),
    );
    assert_eq!(p.level, "senior");
    assert_well_formed(&p);
}

#[test]
fn the_highest_level_reached_has_nothing_to_plan() {
    let (report, plan) = scorer(Taxonomy::builtin())
        .plan(
            &fixture("fixtures/resumes/architect-cloud-platform.txt"),
            None,
        )
        .unwrap();
    assert_eq!(report.estimated_level.as_deref(), Some("architect"));
    assert_eq!(plan, None);
}

#[test]
fn another_role_plans_with_its_own_efforts() {
    let frontend = Taxonomy::builtin_roles()
        .into_iter()
        .find(|t| t.id() == "frontend-developer")
        .unwrap();
    let p = plan_for(
        frontend,
        "fixtures/resumes/hedged-learning-only.txt",
        Some("mid"),
    );
    assert_eq!(p.role, "frontend-developer");
    assert_well_formed(&p);
    assert!(p.steps.iter().any(|s| s.id.starts_with("fe-")));
}

// --- The effort knowledge -------------------------------------------------

#[test]
fn every_competency_of_every_role_has_an_effort_with_a_source() {
    for t in Taxonomy::builtin_roles() {
        for c in t.competencies() {
            let e = c
                .effort
                .as_ref()
                .unwrap_or_else(|| panic!("{}: competency {} has no effort", t.id(), c.id));
            assert!(e.months > 0.0, "{}: {}", t.id(), c.id);
            assert!(
                t.source(&e.source).is_some(),
                "{}: {} cites unknown {}",
                t.id(),
                c.id,
                e.source
            );
            assert!(
                !e.basis.is_empty(),
                "{}: {} says what it rests on",
                t.id(),
                c.id
            );
        }
    }
}

#[test]
fn every_skill_a_level_names_has_an_effort_with_a_source() {
    for t in Taxonomy::builtin_roles() {
        for l in t.levels() {
            let named = l
                .requirements
                .iter()
                .chain(&l.responsibilities)
                .filter_map(|r| r.skill.as_deref())
                .chain(l.certifications.iter().map(String::as_str));
            for id in named {
                let e = t.skill(id).unwrap().effort.as_ref().unwrap_or_else(|| {
                    panic!("{}: level {} names {id}, which has no effort", t.id(), l.id)
                });
                assert!(t.source(&e.source).is_some(), "{id}: {}", e.source);
            }
        }
    }
}

#[test]
fn efforts_the_seeds_do_not_give_say_recruiter_estimate() {
    for t in Taxonomy::builtin_roles() {
        let efforts = t
            .competencies()
            .iter()
            .filter_map(|c| c.effort.as_ref())
            .chain(t.skills().iter().filter_map(|s| s.effort.as_ref()));
        for e in efforts {
            assert!(
                e.source.starts_with("seed-") || e.source == "recruiter-estimate",
                "{}: effort source {}",
                t.id(),
                e.source
            );
            if e.source == "recruiter-estimate" {
                assert!(e.basis.starts_with("recruiter estimate"), "{}", e.basis);
            }
        }
    }
}

#[test]
fn taxonomy_check_rejects_an_effort_out_of_range_or_without_a_known_source() {
    let file = |effort: &str| {
        format!(
            "id: t\nsources: [{{id: team}}]\nskills: [{{id: go, name: Go, source: [team]}}]\n\
             competencies: [{{id: backend, name: Backend, skills: [go], effort: {effort}, source: [team]}}]\n\
             levels: [{{id: junior, requirements: [{{competency: backend}}]}}]\n"
        )
    };
    assert!(check(&file("{months: 2, source: team}")).is_empty());
    for (bad, says) in [
        ("{months: 0, source: team}", "out of range"),
        ("{months: 40, source: team}", "out of range"),
        ("{months: 2}", "without a `source`"),
        ("{months: 2, source: teem}", "unknown source `teem`"),
        ("{months: 2, source: team, weeks: 3}", "weeks"),
    ] {
        let problems = check(&file(bad));
        assert!(
            problems.iter().any(|p| p.to_string().contains(says)),
            "{bad}: {problems:#?}"
        );
    }
}

// --- The JSON forms ---------------------------------------------------------

#[cfg(feature = "cli")]
fn skillgap_json(args: &[&str]) -> serde_json::Value {
    let args = [args, &["--format", "json", "--as-of", "2026-11"]].concat();
    serde_json::from_slice(&common::stdout_of(&args)).unwrap()
}

#[cfg(feature = "cli")]
#[test]
fn score_json_gains_a_plan_object_only_with_plan() {
    let resume = "fixtures/resumes/hedged-learning-only.txt";
    let plain = skillgap_json(&["score", resume]);
    assert!(plain.get("plan").is_none());
    let mut planned = skillgap_json(&["score", resume, "--plan"]);
    let plan = planned.as_object_mut().unwrap().remove("plan").unwrap();
    assert_eq!(planned, plain, "the report itself is unchanged");
    assert_eq!(plan["level"], "mid");
    assert_eq!(plan["steps"][0]["id"], "authentication-authorization");
    for key in [
        "month_start",
        "month_end",
        "points",
        "effort_months",
        "points_per_month",
        "readiness_after",
        "evidence",
        "action",
        "effort_source",
    ] {
        assert!(plan["steps"][0].get(key).is_some(), "{key}");
    }
}

#[cfg(feature = "cli")]
#[test]
fn fit_json_puts_the_plan_under_the_target_role() {
    let resume = "fixtures/resumes/frontend-only-react.txt";
    let plain = skillgap_json(&["fit", resume]);
    assert!(plain["roles"]
        .as_array()
        .unwrap()
        .iter()
        .all(|r| r.get("plan").is_none()));
    // Default: the best-fitting role's next level.
    let best = skillgap_json(&["fit", resume, "--plan"]);
    let roles = best["roles"].as_array().unwrap();
    assert_eq!(roles[0]["plan"]["role"], roles[0]["id"]);
    assert!(roles[1..].iter().all(|r| r.get("plan").is_none()));
    // --role and --level choose the target.
    let chosen = skillgap_json(&[
        "fit",
        resume,
        "--role",
        "backend-developer",
        "--level",
        "senior",
    ]);
    let backend = chosen["roles"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "backend-developer")
        .unwrap();
    assert_eq!(backend["plan"]["level"], "senior");
}

#[cfg(feature = "cli")]
#[test]
fn score_html_shows_the_plan_section_only_with_plan() {
    let page = |extra: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_skillgap"))
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .args([
                "score",
                "fixtures/resumes/hedged-learning-only.txt",
                "--format",
                "html",
                "--as-of",
                "2026-11",
            ])
            .args(extra)
            .output()
            .unwrap();
        assert!(out.status.success());
        String::from_utf8(out.stdout).unwrap()
    };
    let plain = page(&[]);
    assert!(!plain.contains("id=\"plan\""));
    let planned = page(&["--plan"]);
    assert!(planned.contains("<h2 id=\"plan\">Learning plan to Backend Developer</h2>"));
    let section = &planned[planned.find("id=\"plan\"").unwrap()..];
    let first = section.find("Authentication and Authorization").unwrap();
    let last = section.find("Code reviews").unwrap();
    assert!(first < last, "steps in plan order");
    assert!(section.contains("Add to the resume"));
}

#[cfg(feature = "cli")]
#[test]
fn fit_html_shows_the_plan_of_the_planned_role_only_with_plan() {
    let page = |extra: &[&str]| {
        let mut args = vec![
            "fit",
            "fixtures/resumes/hedged-learning-only.txt",
            "--format",
            "html",
            "--as-of",
            "2026-11",
        ];
        args.extend_from_slice(extra);
        String::from_utf8(common::stdout_of(&args)).unwrap()
    };
    let plain = page(&[]);
    assert!(plain.contains("id=\"roles\""));
    assert!(!plain.contains("id=\"plan\""));
    let planned = page(&["--role", "backend-developer", "--level", "junior"]);
    let ranking = planned.find("id=\"roles\"").unwrap();
    let plan = planned
        .find("<h2 id=\"plan\">Learning plan to Junior Backend Developer</h2>")
        .expect("the plan's section");
    assert!(ranking < plan, "the plan follows the ranking");
    assert!(planned[plan..].contains("backend-developer"));
}
