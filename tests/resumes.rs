//! The fixture resumes, scored: estimated level, years, skills that must and
//! must not be found, and the gaps. `fixtures/README.md` says what each proves.

mod common;

use common::scorer;
use skillgap::{Report, Status};

fn score(name: &str) -> Report {
    scorer().score(&resume(name))
}

/// The text of `fixtures/resumes/NAME`.
fn resume(name: &str) -> String {
    common::fixture(&format!("fixtures/resumes/{name}"))
}

/// Expectations for one fixture. Statuses: `E` evidenced, `C` claimed,
/// `W` weak, `F` found with any status.
struct Expect<'a> {
    file: &'a str,
    levels: &'a [Option<&'a str>],
    years: (f64, f64),
    found: &'a str,
    absent: &'a str,
    negated: &'a str,
    /// Being learned or planned: not found, reported as `learning`.
    learning: &'a str,
    gaps: &'a str,
}

fn check(e: &Expect) {
    let r = score(e.file);
    let ctx = e.file;
    assert!(
        e.levels.contains(&r.estimated_level.as_deref()),
        "{ctx}: estimated {:?}, expected one of {:?}; readiness {:?}",
        r.estimated_level,
        e.levels,
        r.levels.iter().map(|l| l.readiness).collect::<Vec<_>>()
    );
    let y = r.experience.years;
    assert!(
        (e.years.0..=e.years.1).contains(&y),
        "{ctx}: years {y} not in {:?} ({:?})",
        e.years,
        r.experience
            .ranges
            .iter()
            .map(|x| &x.text)
            .collect::<Vec<_>>()
    );
    for item in e.found.split_whitespace() {
        let (id, want) = item.split_once(':').unwrap_or((item, "F"));
        let got = r.skill(id).map(|s| s.status);
        let ok = match want {
            "E" => got == Some(Status::Evidenced),
            "C" => got == Some(Status::Claimed),
            "W" => got == Some(Status::Weak),
            "EC" => matches!(got, Some(Status::Evidenced | Status::Claimed)),
            _ => got.is_some(),
        };
        assert!(ok, "{ctx}: {id} should be {want}, is {got:?}");
    }
    for id in e.absent.split_whitespace() {
        assert!(
            r.skill(id).is_none(),
            "{ctx}: {id} must not be found: {:?}",
            r.skill(id).map(|s| &s.evidence)
        );
    }
    for id in e.negated.split_whitespace() {
        assert!(r.skill(id).is_none(), "{ctx}: negated {id} must not count");
        assert!(
            r.excluded
                .iter()
                .any(|x| x.skill == id && x.reason == skillgap::matcher::Exclusion::Negated),
            "{ctx}: {id} should be reported as negated"
        );
    }
    for id in e.learning.split_whitespace() {
        assert!(r.skill(id).is_none(), "{ctx}: learning {id} must not count");
        assert!(
            r.excluded
                .iter()
                .any(|x| x.skill == id && x.reason == skillgap::matcher::Exclusion::Learning),
            "{ctx}: {id} should be reported as learning"
        );
    }
    let gap_ids: Vec<&str> = r.gaps.iter().map(|g| g.skill.as_str()).collect();
    for id in e.gaps.split_whitespace() {
        assert!(
            gap_ids.contains(&id),
            "{ctx}: gap {id} missing from {gap_ids:?}"
        );
    }
}

#[test]
fn intern_new_grad_is_junior_and_education_years_do_not_count() {
    check(&Expect {
        file: "intern-new-grad-python.txt",
        levels: &[Some("junior")],
        years: (0.1, 1.0),
        found: "python:E django:E rest-api:E sql:E mysql:E testing:E git:E jwt:E dsa:C flask:E",
        absent: "java spring-boot go nodejs migrations team-leadership",
        negated: "",
        learning: "",
        gaps: "microservices-basics docker",
    });
}

#[test]
fn junior_nodejs_is_junior_and_javascript_is_not_java() {
    check(&Expect {
        file: "junior-nodejs-express.txt",
        levels: &[Some("junior")],
        years: (1.3, 1.9),
        found: "nodejs:E express:E mongodb:E rest-api:E jwt:E testing:E git:E redis:E",
        absent: "java sql postgresql mysql docker system-design",
        negated: "",
        learning: "typescript",
        gaps: "",
    });
}

#[test]
fn mid_java_spring_splits_evidenced_and_claimed() {
    check(&Expect {
        file: "mid-java-spring.txt",
        levels: &[Some("mid")],
        years: (3.8, 4.6),
        found: "java:E spring-boot:E microservices:E postgresql:E redis:E kafka:E docker:E ci-cd:E aws:E oauth:E jwt:E rest-api:E testing:E sql:E mysql:C kubernetes:C graphql:C git:C on-call:E code-reviews:E",
        absent: "go nodejs python azure gcp mentoring team-leadership migrations",
        negated: "",
        learning: "",
        gaps: "incident-response mentoring design-reviews",
    });
}

#[test]
fn senior_go_markdown_is_senior_without_leading_a_team() {
    check(&Expect {
        file: "senior-go-kubernetes.md",
        levels: &[Some("senior")],
        years: (6.8, 7.4),
        found: "go:E grpc:E kubernetes:E aws:E terraform:E observability:E postgresql:E kafka:E docker:E ci-cd:E redis:E python:E rest-api:E testing:E system-design:E on-call:E incident-response:E mentoring:E design-reviews:E",
        absent: "java nodejs azure gcp team-leadership migrations hiring-interviewing",
        negated: "",
        learning: "",
        gaps: "team-leadership cross-team-coordination",
    });
}

#[test]
fn lead_python_migrations_is_lead() {
    check(&Expect {
        file: "lead-python-migrations.txt",
        levels: &[Some("lead")],
        years: (9.5, 10.2),
        found: "python:E django:E fastapi:E postgresql:E mysql:E aws:E microservices:E redis:E docker:E ci-cd:E rest-api:E sql:E testing:E system-design:E background-jobs:E team-leadership:E migrations:E hiring-interviewing:E cross-team-coordination:E architecture-decisions:E code-reviews:E mentoring:F",
        absent: "java go kafka kubernetes azure gcp",
        negated: "",
        learning: "",
        gaps: "architecture-strategy technical-due-diligence",
    });
}

#[test]
fn architect_cloud_platform_is_architect_with_no_higher_level() {
    check(&Expect {
        file: "architect-cloud-platform.txt",
        levels: &[Some("architect")],
        years: (13.5, 15.0),
        found: "kafka:E kubernetes:E azure:E aws:E microservices:E system-design:E observability:E security:E oauth:E ci-cd:E docker:E java:E spring-boot:E rest-api:E testing:E postgresql:E sql terraform:E architecture-strategy:E technical-due-diligence:E cloud-migration:E",
        absent: "nodejs express django",
        negated: "",
        learning: "",
        gaps: "",
    });
    let r = score("architect-cloud-platform.txt");
    assert_eq!(r.target_level, None);
    assert!(r.gaps.is_empty());
}

#[test]
fn frontend_only_has_low_backend_readiness_and_no_java() {
    check(&Expect {
        file: "frontend-only-react.txt",
        levels: &[Some("junior"), None],
        years: (2.8, 3.6),
        found: "rest-api graphql testing:E git",
        absent: "java nodejs express sql postgresql mysql mongodb redis docker kubernetes aws gcp azure spring-boot django",
        negated: "",
        learning: "",
        gaps: "",
    });
}

#[test]
fn data_scientist_r_is_not_rust_and_ab_tests_are_not_testing() {
    check(&Expect {
        file: "data-scientist-pandas.txt",
        levels: &[Some("junior"), None],
        years: (2.8, 3.9),
        found: "python:E sql:E aws:E postgresql:C",
        absent: "rust go java nodejs django fastapi express spring-boot docker kubernetes testing",
        negated: "",
        learning: "",
        gaps: "",
    });
}

#[test]
fn store_manager_words_are_not_skills_and_reach_no_level() {
    check(&Expect {
        file: "non-technical-store-manager.txt",
        levels: &[None],
        years: (7.5, 8.5),
        found: "",
        absent: "go rest-api observability security testing spring-boot spring-framework express docker kubernetes nodejs",
        negated: "",
        learning: "",
        gaps: "",
    });
    let r = score("non-technical-store-manager.txt");
    assert!(
        r.levels.iter().all(|l| l.readiness < 20.0),
        "{:?}",
        r.levels
    );
}

#[test]
fn tech_like_employer_client_and_place_names_are_no_skills_and_reach_no_level() {
    // "Kubernetis Logistics Ltd", "Client: Dockers Apparel", "Azura Hotels",
    // "Djangos Pizzeria": names that are a letter from a technology.
    let r = score("non-technical-tech-like-names.txt");
    let technical: Vec<&str> = r
        .skills
        .iter()
        .filter(|s| s.kind != "responsibility")
        .map(|s| s.id.as_str())
        .collect();
    assert_eq!(technical, Vec::<&str>::new());
    assert_eq!(r.estimated_level, None);
    assert!(
        r.levels.iter().all(|l| l.readiness < 20.0),
        "{:?}",
        r.levels
    );
}

#[test]
fn traps_go_to_express_delivery_spring_semester_and_negations() {
    check(&Expect {
        file: "traps-ambiguous-words.txt",
        levels: &[Some("mid"), Some("junior")],
        years: (2.8, 3.2),
        found: "laravel:E mysql:E sql:E redis:E rest-api:E git:E linux:E php:E docker:W",
        absent: "express spring-boot spring-framework nodejs swift r c chef puppet make architecture-decisions",
        negated: "kafka aws",
        learning: "go",
        gaps: "",
    });
}

#[test]
fn senior_dotnet_azure_aks_is_kubernetes() {
    check(&Expect {
        file: "senior-dotnet-azure.txt",
        levels: &[Some("senior")],
        years: (5.9, 6.4),
        found: "azure:E kubernetes:E ci-cd:E sql:E microservices:E rest-api:E testing:E docker:E redis:E git:E oauth:E jwt:E csharp:E dotnet:E code-reviews:E mentoring:E incident-response:E",
        absent: "java aws gcp python team-leadership",
        negated: "",
        learning: "",
        gaps: "team-leadership",
    });
}

#[test]
fn junior_typos_are_recognised() {
    check(&Expect {
        file: "junior-typos-misspellings.txt",
        levels: &[Some("junior")],
        years: (0.9, 1.3),
        // Skills written only misspelt ("Djnago", "Postgress", "Dokcer",
        // "Kubernets") are weak; "Pyhton" is confirmed by "Python" elsewhere,
        // and joined spellings ("Mongo DB", "Node JS") are the names themselves.
        found: "python:E django:W postgresql:W docker:W mongodb:E nodejs:E rest-api:E mysql:E jwt:E testing:E git:E kubernetes:W sql:C linux:EC elasticsearch:C",
        absent: "java",
        negated: "",
        learning: "",
        gaps: "",
    });
    let r = score("junior-typos-misspellings.txt");
    let fuzzy: Vec<&str> = r
        .skill("python")
        .unwrap()
        .evidence
        .iter()
        .filter(|e| e.kind == skillgap::matcher::EvidenceKind::Fuzzy)
        .map(|e| e.matched.as_str())
        .collect();
    assert!(fuzzy.contains(&"Pyhton"), "{fuzzy:?}");
}

#[test]
fn two_column_layout_still_parses() {
    check(&Expect {
        file: "mid-two-column-layout.txt",
        levels: &[Some("mid")],
        years: (3.0, 3.7),
        found: "nodejs:E nestjs:E express:E graphql:E postgresql:E redis:E docker:E aws:E ci-cd:E rest-api:E testing:E sql git linux mongodb typescript:E on-call:E code-reviews:E",
        absent: "java python kubernetes",
        negated: "",
        learning: "",
        gaps: "",
    });
}

#[test]
fn long_four_page_cv_merges_overlapping_ranges() {
    check(&Expect {
        file: "senior-java-long-cv-4-pages.txt",
        levels: &[Some("senior"), Some("lead")],
        years: (9.0, 9.5),
        found: "java:E spring-boot:E microservices:E kafka:E kubernetes:E docker:E ci-cd:E postgresql:E mysql:E sql:E redis:E oauth:E jwt:E rest-api:E testing:E git:E observability:E aws linux security system-design mentoring:E code-reviews:E incident-response:E migrations:E",
        absent: "go python nodejs azure gcp hiring-interviewing",
        negated: "",
        learning: "",
        gaps: "",
    });
}

#[test]
fn hedged_career_switcher_stays_junior_with_weak_skills() {
    check(&Expect {
        file: "hedged-learning-only.txt",
        levels: &[Some("junior")],
        years: (0.0, 4.0),
        found: "python:E rest-api:E testing:E git:E flask:E sql:W docker:W",
        absent: "django java",
        negated: "",
        learning: "kubernetes aws",
        gaps: "",
    });
}

#[test]
fn gaps_carry_why_evidence_and_a_traced_suggestion() {
    let r = score("mid-java-spring.txt");
    assert_eq!(r.target_level.as_deref(), Some("senior"));
    assert!(!r.gaps.is_empty());
    for g in &r.gaps {
        assert!(!g.evidence.is_empty(), "{} has no evidence hint", g.skill);
        assert_eq!(g.level, "senior");
    }
    let top = &r.gaps[0];
    assert!(top.gain > 0.0 && !top.why.is_empty(), "{top:?}");
    let sug = top.suggestion.as_ref().expect("top gap has a suggestion");
    assert!(
        sug.source.starts_with("seed-") || sug.source == "recruiter",
        "{sug:?}"
    );
    // Ranked by gain, then weight, then id.
    assert!(r.gaps.windows(2).all(|w| w[0].gain >= w[1].gain));
}

#[test]
fn claimed_only_lists_skills_named_but_not_used() {
    let r = score("mid-java-spring.txt");
    for id in ["kubernetes", "graphql", "mysql", "git"] {
        assert!(
            r.claimed_only.iter().any(|c| c == id),
            "{id} not in {:?}",
            r.claimed_only
        );
    }
    assert!(!r.claimed_only.iter().any(|c| c == "java"));
}

#[test]
fn every_evidence_line_points_at_the_text_that_proved_it() {
    let text = resume("mid-java-spring.txt");
    let lines: Vec<&str> = text.lines().collect();
    let r = scorer().score(&text);
    for s in &r.skills {
        for e in &s.evidence {
            let original = lines[e.line - 1].to_ascii_lowercase();
            let first_word = e
                .matched
                .split_whitespace()
                .next()
                .unwrap()
                .to_ascii_lowercase();
            assert!(
                original.contains(&first_word) || e.kind == skillgap::matcher::EvidenceKind::Fuzzy,
                "{}: line {} `{}` does not contain `{}`",
                s.id,
                e.line,
                lines[e.line - 1],
                e.matched
            );
        }
    }
}

#[test]
fn long_frontend_career_counts_only_the_backend_job_as_years_in_the_role() {
    check(&Expect {
        file: "frontend-career-short-backend-stint.txt",
        levels: &[Some("mid")],
        years: (14.9, 14.9),
        found: "react:E nodejs:E express:E postgresql:E jwt:E",
        absent: "java kubernetes",
        negated: "",
        learning: "",
        gaps: "years",
    });
    let r = score("frontend-career-short-backend-stint.txt");
    assert_eq!(r.experience.role_years, 3.0);
    let role: Vec<(usize, bool)> = r
        .experience
        .ranges
        .iter()
        .map(|x| (x.line, x.role))
        .collect();
    assert_eq!(role, [(12, false), (17, true), (22, false)]);
    let senior = &r.levels[2];
    assert!(!senior.reached);
    assert_eq!(senior.unmet[0], "years: 3.0 of 5 in the role");
    assert_eq!(r.levels[3].unmet[0], "below: senior");
}

#[test]
fn the_ladder_is_never_reached_above_an_unreached_level() {
    for entry in
        std::fs::read_dir(format!("{}/fixtures/resumes", env!("CARGO_MANIFEST_DIR"))).unwrap()
    {
        let name = entry.unwrap().file_name().into_string().unwrap();
        let r = score(&name);
        let reached: Vec<bool> = r.levels.iter().map(|l| l.reached).collect();
        let first_unreached = reached.iter().position(|x| !x).unwrap_or(reached.len());
        assert!(
            reached[first_unreached..].iter().all(|x| !x),
            "{name}: {reached:?}"
        );
        for l in &r.levels {
            assert_eq!(l.reached, l.unmet.is_empty(), "{name}: {}", l.id);
        }
        let highest = first_unreached
            .checked_sub(1)
            .map(|i| r.levels[i].id.as_str());
        assert_eq!(r.estimated_level.as_deref(), highest, "{name}");
    }
}

/// Sub-roles inside one employer count once, a parenthesised note before the dates
/// does not hide a job, dates on their own line belong to the heading above, an
/// internship counts half, role lengths without dates are added, and volunteering,
/// personal projects, education and certifications add nothing.
#[test]
fn years_count_sub_roles_once_and_add_role_lengths() {
    let e = score("years-sub-roles-project-lengths-volunteering.txt").experience;
    // Northwind Jan 2021 – Nov 2026 (71 months) + Contoso Mar 2019 – Dec 2020 (22)
    // + Fabrikam internship Jun – Nov 2018 (6, at half) = 96 months.
    assert_eq!(e.from_ranges, 8.0);
    assert_eq!(
        e.ranges.iter().map(|r| r.line).collect::<Vec<_>>(),
        [8, 9, 11, 14, 19]
    );
    assert!(e.ranges.iter().all(|r| r.half == (r.line == 19)));
    // Globex: 8 months + 1 year 2 months.
    assert_eq!(e.from_durations, 1.8);
    assert_eq!(e.years, 9.8);
    assert_eq!(e.stated, None);
}

/// A terse backend career (breadth 0.50: below senior's 0.6, above the 0.45 a
/// senior title of the role needs) whose latest job is titled `title`.
fn terse_career(title: &str) -> Report {
    let text = format!(
        "Experience\n\
         {title} — Northwind Ledger (Jan 2019 – Present)\n\
         - Built REST APIs in Java and Spring Boot on PostgreSQL\n\
         - Deployed with Docker on AWS; unit tests with JUnit\n\
         Software Engineer — Contoso Shipping (Jan 2016 – Dec 2018)\n\
         - Java services on MySQL; code in Git\n"
    );
    scorer().score(&text)
}

#[test]
fn a_senior_title_of_the_role_on_the_latest_job_eases_the_senior_breadth() {
    let plain = terse_career("Software Engineer");
    assert_eq!(plain.estimated_level.as_deref(), Some("mid"));
    assert_eq!(plain.levels[2].unmet, ["breadth: 0.50 of 0.6"]);
    for title in [
        "Principal Software Engineer",
        "Senior Backend Engineer",
        "Lead Developer",
    ] {
        let r = terse_career(title);
        assert_eq!(r.estimated_level.as_deref(), Some("senior"), "{title}");
    }
    // Dates on their own line: the title is the line above them.
    let text = "Experience\n\
                Northwind Ledger — Principal Software Engineer\n\
                2019-01 to present\n\
                - Built REST APIs in Java and Spring Boot on PostgreSQL\n\
                - Deployed with Docker on AWS; unit tests with JUnit\n\
                Contoso Shipping — Software Engineer\n\
                2016-01 to 2018-12\n\
                - Java services on MySQL; code in Git\n";
    assert_eq!(
        scorer().score(text).estimated_level.as_deref(),
        Some("senior")
    );
}

#[test]
fn another_roles_senior_title_does_not_ease_the_senior_breadth() {
    for title in [
        "Principal Mobile Engineer",
        "Test Lead",
        "Senior Design Engineer",
    ] {
        let r = terse_career(title);
        assert_eq!(r.estimated_level.as_deref(), Some("mid"), "{title}");
        assert_eq!(r.levels[2].unmet, ["breadth: 0.50 of 0.6"], "{title}");
    }
}

#[test]
fn a_title_eases_only_as_far_as_title_breadth() {
    // Breadth 0.24: a principal title does not make a narrow resume senior.
    let text = "Experience\n\
                Principal Software Engineer — Northwind Ledger (Jan 2016 – Present)\n\
                - Java services on MySQL\n";
    let r = scorer().score(text);
    assert_ne!(r.estimated_level.as_deref(), Some("senior"));
    assert!(
        r.levels[2]
            .unmet
            .iter()
            .any(|u| u.ends_with("of 0.45 (titled Principal Software Engineer — Northwind Ledger)")),
        "{:?}",
        r.levels[2].unmet
    );
}

#[test]
fn a_junior_stage_title_on_the_latest_job_is_hired_as_a_junior() {
    let r = terse_career("Graduate Software Developer");
    assert_eq!(r.estimated_level.as_deref(), Some("junior"));
    assert_eq!(
        r.levels[1].unmet,
        ["title: the latest job is titled junior: Graduate Software Developer — Northwind Ledger"]
    );
    // Only the latest job's title counts: an internship long ago does not.
    let text = "Experience\n\
                Backend Engineer — Northwind Ledger (Jan 2022 – Present)\n\
                - Built REST APIs in Java and Spring Boot on PostgreSQL\n\
                - Deployed with Docker on AWS; unit tests with JUnit\n\
                Software Engineering Intern — Contoso Shipping (Jun 2021 – Dec 2021)\n\
                - Java services on MySQL; code in Git\n";
    let r = scorer().score(text);
    assert_eq!(r.estimated_level.as_deref(), Some("mid"));
    // Dates above the title: the line above the latest dates is the previous
    // job's last bullet, not a title.
    let text = "Experience\n\
                2016-01 to 2018-12\n\
                Software Engineer — Contoso Shipping\n\
                - Java services on MySQL; code in Git\n\
                - Mentored junior developers\n\
                2019-01 to present\n\
                Backend Engineer — Northwind Ledger\n\
                - Built REST APIs in Java and Spring Boot on PostgreSQL\n\
                - Deployed with Docker on AWS; unit tests with JUnit\n";
    let r = scorer().score(text);
    assert_eq!(
        r.estimated_level.as_deref(),
        Some("mid"),
        "{:?}",
        r.levels[1]
    );
}

/// Stated years beyond the dated jobs count in the dated jobs' proportion
/// (docs/LEVELS.md). The lead resume states 10 years and dates 119 months of
/// backend jobs, so the month left over counts as backend: 10.0 years in the role.
/// A dated sales job (no technical line, so not in the role) places more than the
/// stated years: nothing is left unplaced, and the role years are the dated 9.9.
/// proptest found this appending a dated job; it is the rule, not lost evidence.
#[test]
fn a_dated_job_outside_the_role_takes_the_stated_years_no_date_placed() {
    let base = score("lead-python-migrations.txt");
    assert_eq!(
        (base.experience.years, base.experience.role_years),
        (10.0, 10.0)
    );
    let text = resume("lead-python-migrations.txt")
        + "\n\nEXPERIENCE\nSales Associate, Example Retail                    2008 - 2010\n\
           - Ran the till and stocked shelves.\n\
           - Trained new staff on the returns process.\n\
           - Handled customer complaints at the service desk.\n";
    let more = scorer().score(&text);
    assert_eq!(
        (more.experience.years, more.experience.role_years),
        (11.9, 9.9)
    );
    let sales = more.experience.ranges.last().unwrap();
    assert_eq!((sales.text.as_str(), sales.role), ("2008 - 2010", false));
}

/// A period of study overlapping a job halves that job's months (docs/LEVELS.md:
/// a job held during study counts half), so a degree line, even one appended
/// under Experience, may lower the years. proptest found this appending
/// "Relevant coursework: …" and "B.Com … 2019 – 2022" to the senior resume, whose
/// Oct 2019 job overlaps that period.
#[test]
fn a_study_period_halves_the_jobs_it_overlaps() {
    let base = resume("senior-go-kubernetes.md");
    let before = scorer().score(&base);
    let more = scorer().score(
        &(base
            + "\n\nEXPERIENCE\n- Relevant coursework: Data Structures & Algorithms, Operating Systems,\n\
               - B.Com (Accounting & Finance) — Example College, Thiruvananthapuram       2019 – 2022\n"),
    );
    let halves = |r: &Report| -> Vec<bool> { r.experience.ranges.iter().map(|r| r.half).collect() };
    assert_eq!(halves(&before), [false, false, false]);
    assert_eq!(halves(&more), [false, false, true]);
    assert_eq!((before.experience.years, more.experience.years), (7.2, 7.0));
}
