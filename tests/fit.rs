//! `skillgap fit`: role profiles as data, and the ranking.

use skillgap::fit::{self, FIT_SCHEMA_VERSION};
use skillgap::taxonomy::{check, ROLE_YAMLS};
use skillgap::{Scorer, Taxonomy};

mod common;

use common::fixture;

const AS_OF: &str = "2026-11";

fn builtin_scorers() -> Vec<Scorer> {
    Taxonomy::builtin_roles()
        .into_iter()
        .map(Scorer::new)
        .collect()
}

#[test]
fn builtin_roles_pass_check() {
    for (file, src) in ROLE_YAMLS {
        let problems = check(src);
        assert!(problems.is_empty(), "taxonomy/roles/{file}: {problems:#?}");
    }
}

#[test]
fn a_role_file_is_named_after_its_id_and_loads_alone() {
    let roles = Taxonomy::builtin_roles();
    let ids: Vec<&str> = roles.iter().map(|t| t.id()).collect();
    assert_eq!(Taxonomy::builtin_role_ids(), ids);
    for t in &roles {
        let one = Taxonomy::builtin_role(t.id()).unwrap();
        assert_eq!(one.id(), t.id());
        assert_eq!(one.competencies().len(), t.competencies().len());
    }
}

#[test]
fn an_unknown_role_id_names_the_closest_and_lists_every_id() {
    let e = Taxonomy::builtin_role("devops").unwrap_err().to_string();
    assert!(e.starts_with("unknown role `devops`"), "{e}");
    for id in Taxonomy::builtin_role_ids() {
        assert!(e.contains(id), "{e}");
    }
    assert!(!e.contains('\n'));
}

#[test]
fn every_role_shares_the_one_skill_base_and_has_its_own_levels() {
    let roles = Taxonomy::builtin_roles();
    let base = Taxonomy::builtin();
    assert_eq!(roles.len(), ROLE_YAMLS.len() + 1);
    let mut ids: Vec<&str> = roles.iter().map(|t| t.id()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), roles.len(), "role ids are unique");
    for t in &roles[1..] {
        for s in base.skills() {
            assert!(
                t.skill(&s.id).is_some(),
                "{} lacks base skill {}",
                t.id(),
                s.id
            );
        }
        // `replace: [competencies, levels]`: none of the backend competencies is left.
        for c in base.competencies() {
            assert!(t.competency(&c.id).is_none(), "{} kept {}", t.id(), c.id);
        }
        assert!(
            t.competencies().iter().any(|c| c.core),
            "{} has a core competency",
            t.id()
        );
        assert!(!t.data().sources.is_empty() && !t.levels().is_empty());
    }
}

#[test]
fn replace_needs_extends_and_names_only_replaceable_lists() {
    let p = check("id: x\nreplace: [levels]\nlevels:\n  - id: junior\n");
    assert!(
        p.iter()
            .any(|p| p.message.contains("`replace` needs `extends: builtin`")),
        "{p:?}"
    );
    let p = check("id: x\nextends: builtin\nreplace: [levls, skills]\n");
    assert_eq!(p.len(), 2, "{p:?}");
    assert_eq!(p[0].message, "cannot replace `levls`");
    assert_eq!(p[0].hint.as_deref(), Some("did you mean `levels`?"));
    assert_eq!(p[0].line, Some(3));
    assert_eq!(p[1].message, "cannot replace `skills`");
}

#[test]
fn an_extending_file_amends_a_group_by_id_alone() {
    let src = "id: x\nextends: builtin\ngroups:\n  - id: programming-language\n    competency: sql-databases\n";
    assert!(check(src).is_empty(), "{:?}", check(src));
    let t = Taxonomy::from_yaml(src).unwrap();
    let g = t
        .groups()
        .iter()
        .find(|g| g.id == "programming-language")
        .unwrap();
    assert_eq!(g.competency.as_deref(), Some("sql-databases"));
    assert!(
        !g.label.is_empty() && !g.pattern.is_empty(),
        "kept from the base"
    );
    let p = check("id: x\ngroups:\n  - id: g\n    skills: [a]\nskills: [{id: a, name: Alpha}]\nlevels: [{id: junior, requirements: [{skill: a}]}]\n");
    assert!(
        p.iter().any(|p| p.message == "group `g` has no `pattern`"),
        "{p:?}"
    );
}

#[test]
fn fit_ranks_every_role_best_first_with_levels_and_at_most_three_gaps() {
    let scorers = builtin_scorers();
    let f = fit::fit_at(
        &scorers,
        &fixture("fixtures/resumes/frontend-only-react.txt"),
        skillgap::text::YearMonth::parse(AS_OF).unwrap(),
    );
    assert_eq!(f.schema_version, FIT_SCHEMA_VERSION);
    assert_eq!(f.roles.len(), scorers.len());
    assert!(f.roles.windows(2).all(|w| w[0].fit >= w[1].fit));
    assert!(f
        .roles
        .iter()
        .all(|r| (0.0..=100.0).contains(&r.fit) && r.top_gaps.len() <= 3));
    assert!(f.rank("frontend-developer").unwrap() <= 2, "{:?}", f.roles);
    assert!(
        f.role("frontend-developer").unwrap().fit > f.role("database-administrator").unwrap().fit
    );
}

#[test]
fn a_writer_with_a_few_tool_words_fits_no_role_at_40() {
    // The work history uses Python and Git on two lines; the skills list names a
    // dozen tools. Breadth and coverage alone put Full Stack above 90.
    let scorers = builtin_scorers();
    let text = fixture("fixtures/fit/non-software-writer-few-tool-words.txt");
    let f = fit::fit_at(
        &scorers,
        &text,
        skillgap::text::YearMonth::parse(AS_OF).unwrap(),
    );
    assert!(f.roles.iter().all(|r| r.fit < 40.0), "{:?}", f.roles);
    let report = scorers[0].score(&text);
    let universe: std::collections::HashSet<&str> = ["python", "git", "rest-api", "javascript"]
        .into_iter()
        .collect();
    let lines: std::collections::HashSet<usize> =
        fit::experience_lines(&universe, &report).collect();
    assert!((1..6).contains(&lines.len()), "{lines:?}");
    assert_eq!(fit::evidence(lines.len(), 0.0), 1.0, "0 turns it off");
}

#[test]
fn a_long_experience_section_keeps_its_fit_in_full() {
    let scorers = builtin_scorers();
    let report = scorers[0].score(&fixture("fixtures/resumes/mid-java-spring.txt"));
    let universe: std::collections::HashSet<&str> =
        report.skills.iter().map(|s| s.id.as_str()).collect();
    let lines: std::collections::HashSet<usize> =
        fit::experience_lines(&universe, &report).collect();
    assert_eq!(fit::evidence(lines.len(), 6.0), 1.0, "{lines:?}");
}

#[test]
fn the_devops_role_names_the_devops_practice_and_named_clouds() {
    // Backend's deployment competency names `devops`; a DevOps profile that did
    // not ranked DevOps people below backend on their own word.
    let t = Taxonomy::builtin_role("devops-engineer").unwrap();
    let named: Vec<&str> = t
        .competencies()
        .iter()
        .flat_map(|c| c.skills.iter().map(String::as_str))
        .collect();
    for id in ["devops", "aws", "azure", "gcp", "digitalocean"] {
        assert!(named.contains(&id), "{id}");
    }
}

#[test]
fn a_store_manager_fits_no_role() {
    let f = fit::fit(
        &builtin_scorers(),
        &fixture("fixtures/resumes/non-technical-store-manager.txt"),
    );
    assert!(f.roles.iter().all(|r| r.fit < 40.0), "{:?}", f.roles);
}

#[test]
fn adding_a_role_is_a_data_change() {
    let toy = Taxonomy::from_path(format!(
        "{}/fixtures/taxonomies/role-toy-data-engineer.yaml",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let mut scorers = builtin_scorers();
    scorers.push(Scorer::new(toy));
    let f = fit::fit(
        &scorers,
        &fixture("fixtures/fit/data-engineer-pipelines.txt"),
    );
    assert_eq!(f.roles[0].id, "toy-data-engineer", "{:?}", f.roles);
}

#[cfg(feature = "cli")]
#[test]
fn cli_fit_json_takes_a_role_file() {
    let out = common::skillgap()
        .args([
            "fit",
            "fixtures/fit/data-engineer-pipelines.txt",
            "--role-file",
            "fixtures/taxonomies/role-toy-data-engineer.yaml",
            "--format",
            "json",
            "--as-of",
            AS_OF,
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["schema_version"], 1);
    let roles = v["roles"].as_array().unwrap();
    assert_eq!(roles.len(), ROLE_YAMLS.len() + 2);
    assert_eq!(roles[0]["id"], "toy-data-engineer");
    for r in roles {
        for key in [
            "id",
            "name",
            "fit",
            "estimated_level",
            "readiness",
            "top_gaps",
        ] {
            assert!(r.get(key).is_some(), "{key} missing in {r}");
        }
    }
    // Readiness is keyed by level id, lowest level first.
    let levels: Vec<&String> = roles[0]["readiness"].as_object().unwrap().keys().collect();
    assert_eq!(levels, ["junior", "mid"]);
}

#[cfg(feature = "cli")]
#[test]
fn cli_fit_refuses_a_role_file_that_reuses_a_builtin_id() {
    let dir = std::env::temp_dir().join(format!("skillgap-fit-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("dup.yaml");
    std::fs::write(&file, "id: frontend-developer\nextends: builtin\n").unwrap();
    let out = common::skillgap()
        .args([
            "fit",
            "fixtures/resumes/frontend-only-react.txt",
            "--role-file",
        ])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr)
        .contains("role id `frontend-developer` is already defined"));
}

#[cfg(feature = "cli")]
fn score_json(args: &[&str]) -> serde_json::Value {
    let args = [&["score", "--format", "json", "--as-of", AS_OF], args].concat();
    serde_json::from_slice(&common::stdout_of(&args)).unwrap()
}

#[cfg(feature = "cli")]
#[test]
fn score_names_the_role_a_frontend_resume_fits_clearly_better() {
    let v = score_json(&[
        "fixtures/resumes/frontend-only-react.txt",
        "--compare-roles",
    ]);
    let b = &v["better_role"];
    assert_eq!(b["id"], "frontend-developer", "{v}");
    let margin = Taxonomy::builtin().settings().fit_margin;
    assert!(b["fit"].as_f64().unwrap() - b["this_fit"].as_f64().unwrap() >= margin);
    assert_eq!(b["estimated_level"], "mid");
}

#[cfg(feature = "cli")]
#[test]
fn score_of_a_backend_resume_names_no_other_role_and_keeps_its_json() {
    let v = score_json(&["fixtures/resumes/mid-java-spring.txt", "--compare-roles"]);
    assert!(v.get("better_role").is_none(), "{v}");
    // Without --compare-roles no other role is scored, even for a frontend resume.
    let v = score_json(&["fixtures/resumes/frontend-only-react.txt"]);
    assert!(v.get("better_role").is_none(), "{v}");
    // A custom taxonomy is not compared with the built-in roles.
    let v = score_json(&[
        "fixtures/resumes/frontend-only-react.txt",
        "--taxonomy",
        "fixtures/taxonomies/extends-builtin-elixir.yaml",
    ]);
    assert!(v.get("better_role").is_none(), "{v}");
}

#[test]
fn a_strong_backend_report_leaves_no_room_for_a_clearly_better_role() {
    // The bound that lets `score` skip the other six roles for most backend resumes.
    let t = Taxonomy::builtin();
    let margin = t.settings().fit_margin;
    let scorer = Scorer::new(t.clone());
    let strong = scorer.score(&fixture("fixtures/resumes/mid-java-spring.txt"));
    assert!(!fit::may_be_clearly_better(&t, &strong, margin));
    let frontend = scorer.score(&fixture("fixtures/resumes/frontend-only-react.txt"));
    assert!(fit::may_be_clearly_better(&t, &frontend, margin));
}

#[test]
fn the_distance_from_a_better_role_to_backend_lists_backend_competencies_not_shown_in_work() {
    let scorers = builtin_scorers();
    let text = fixture("fixtures/resumes/frontend-only-react.txt");
    let f = fit::fit(&scorers, &text);
    assert_ne!(f.roles[0].id, "backend-developer");
    let d = f
        .distance
        .as_ref()
        .expect("a better role than backend has a distance");
    assert_eq!(
        (d.from.as_str(), d.to.as_str()),
        (f.roles[0].id.as_str(), "backend-developer")
    );
    assert_eq!(d.of, Taxonomy::builtin().competencies().len());
    assert_eq!(d.competencies, d.missing.len());
    // Exactly the competencies the backend report does not evidence.
    let report = scorers[0].score(&text);
    let status = |id: &str| {
        report
            .competencies
            .iter()
            .find(|c| c.id == id)
            .and_then(|c| c.status)
    };
    let backend = Taxonomy::builtin();
    let mut expected: Vec<&str> = backend
        .competencies()
        .iter()
        .map(|c| c.id.as_str())
        .filter(|id| status(id) != Some(skillgap::Status::Evidenced))
        .collect();
    let mut got: Vec<&str> = d.missing.iter().map(|m| m.id.as_str()).collect();
    expected.sort_unstable();
    got.sort_unstable();
    assert_eq!(got, expected);
    assert!(got.contains(&"server-side-programming"), "{got:?}");
}

#[test]
fn a_backend_resume_has_no_distance() {
    let f = fit::fit(
        &builtin_scorers(),
        &fixture("fixtures/resumes/mid-java-spring.txt"),
    );
    assert_eq!(f.roles[0].id, "backend-developer");
    assert!(f.distance.is_none());
}
