//! Matching rules of the built-in taxonomy, one behaviour per test, both
//! directions for every ambiguous word.

use skillgap::matcher::{EvidenceKind, Exclusion};
use skillgap::{Report, Scorer, Status, Taxonomy};
use std::sync::OnceLock;

fn scorer() -> &'static Scorer {
    static S: OnceLock<Scorer> = OnceLock::new();
    S.get_or_init(|| Scorer::new(Taxonomy::builtin()))
}

/// Scores `line` as an experience bullet.
fn exp(line: &str) -> Report {
    scorer().score(&format!("EXPERIENCE\n- {line}\n"))
}

fn has(line: &str, id: &str) -> bool {
    exp(line).skill(id).is_some()
}

#[track_caller]
fn yes(line: &str, id: &str) {
    let r = exp(line);
    assert!(
        r.skill(id).is_some(),
        "`{id}` should be found in {line:?}; found {:?}, excluded {:?}",
        r.skills.iter().map(|s| &s.id).collect::<Vec<_>>(),
        r.excluded
    );
}

#[track_caller]
fn no(line: &str, id: &str) {
    let r = exp(line);
    assert!(
        r.skill(id).is_none(),
        "`{id}` must not be found in {line:?}: {:?}",
        r.skill(id).map(|s| &s.evidence)
    );
}

// Word boundaries and leftmost-longest.

#[test]
fn java_is_not_found_in_javascript() {
    no("Built dashboards in JavaScript and TypeScript", "java");
    yes("Built services in Java 17 and JavaScript", "java");
}

#[test]
fn sql_is_not_found_in_nosql_but_in_ms_sql() {
    no("Worked with NoSQL stores such as Cassandra", "sql");
    no("Worked with MySQL and PostgreSQL", "sql");
    yes("Wrote PL/SQL procedures and T-SQL reports", "sql");
}

#[test]
fn punctuated_names_match_as_written() {
    yes("Services in C++ and C# on .NET 8", "cpp");
    yes("Services in C++ and C# on .NET 8", "csharp");
    yes("APIs with ASP.NET Core", "aspnet-core");
    yes("Real-time APIs in Node.js", "nodejs");
    yes("Set up CI/CD with GitHub Actions", "ci-cd");
}

// Ambiguous words, both directions.

#[test]
fn go_the_verb_is_not_the_language() {
    no("Go-to person for releases and on-boarding", "go");
    no("Helped the team go live in three weeks", "go");
    no("Ready to go the extra mile", "go");
    yes("Wrote gRPC services in Go with goroutines", "go");
    yes("Built the ingestion service in Golang", "go");
}

#[test]
fn express_delivery_is_not_express_js() {
    no(
        "Built an express delivery module for a courier client",
        "express",
    );
    no("Express interest in new projects", "express");
    yes("REST APIs with Node.js and Express", "express");
}

#[test]
fn spring_semester_is_not_spring() {
    no(
        "Teaching assistant, Spring 2021 semester",
        "spring-framework",
    );
    no("Spring semester exchange programme", "spring-boot");
    yes("Microservices with Spring Boot and Java 17", "spring-boot");
}

#[test]
fn rust_the_corrosion_is_not_rust() {
    no("Applied anti-rust coating to steel frames", "rust");
    yes(
        "Rewrote the parser in Rust with tokio and cargo workspaces",
        "rust",
    );
}

#[test]
fn swift_payments_are_not_swift() {
    no(
        "Processed SWIFT payment messages (MT103) for the bank",
        "swift",
    );
    yes("Built iOS apps in Swift with Xcode and SwiftUI", "swift");
}

#[test]
fn r_and_d_is_not_r() {
    no("Worked with the R&D team on a proof of concept", "r");
    yes("Statistical models in R and RStudio", "r");
}

#[test]
fn grade_c_is_not_c() {
    no("Lowest grade: Engineering Graphics (grade C)", "c");
    yes("Embedded firmware in C with gcc", "c");
}

#[test]
fn rest_of_the_team_is_not_rest() {
    no(
        "Trained the rest of the team on the new process",
        "rest-api",
    );
    yes("Designed REST APIs with JSON over HTTP", "rest-api");
    yes("Built RESTful web services", "rest-api");
}

#[test]
fn oracle_the_company_is_not_oracle_database() {
    no(
        "Worked at Oracle Financial Services as an analyst",
        "oracle-db",
    );
    yes("Tuned Oracle 11g database queries and PL/SQL", "oracle-db");
}

#[test]
fn make_decisions_is_not_make() {
    no("Empowered to make decisions on release timing", "make");
    yes(
        "Wrote Makefiles and used make with gcc for C builds",
        "make",
    );
}

#[test]
fn head_chef_is_not_chef() {
    no("Head chef at the college fest", "chef");
    yes(
        "Configuration management with Chef cookbooks and Ansible",
        "chef",
    );
}

#[test]
fn puppet_show_is_not_puppet() {
    no("Organised a puppet show for the school", "puppet");
    yes(
        "Automated server configuration with Puppet manifests",
        "puppet",
    );
}

#[test]
fn tree_node_is_not_node_js() {
    no(
        "Implemented tree node traversal for nested categories",
        "nodejs",
    );
    yes("Backend in Node with Express and MongoDB", "nodejs");
}

#[test]
fn generic_words_need_a_software_sense() {
    no("Testing of motors and transformers in the plant", "testing");
    yes(
        "Manual and regression testing of web applications",
        "testing",
    );
    no("Supervised store security and CCTV monitoring", "security");
    yes("Application security reviews following OWASP", "security");
    no("Monitoring of batch jobs and tickets", "observability");
    yes(
        "Server monitoring with Prometheus and Grafana",
        "observability",
    );
}

#[test]
fn context_far_away_on_a_long_line_does_not_confirm() {
    let filler = "and coordinated the weekly vendor meetings for the regional stores ".repeat(3);
    no(&format!("Go-live support {filler} using Kubernetes"), "go");
}

// Fuzzy.

#[test]
fn misspellings_are_found_fuzzily_with_their_similarity() {
    for (typo, id) in [
        ("Pyhton", "python"),
        ("Dokcer", "docker"),
        ("Djnago", "django"),
        ("Postgress", "postgresql"),
        ("Kubernets", "kubernetes"),
    ] {
        // A misspelling counts beside a technology (here Java), and only weakly
        // while the skill is not also written correctly.
        let r = exp(&format!("Built Java services with {typo} daily"));
        let s = r
            .skill(id)
            .unwrap_or_else(|| panic!("{typo} -> {id} not found"));
        let e = &s.evidence[0];
        assert_eq!(e.kind, EvidenceKind::Fuzzy, "{typo}");
        assert_eq!(e.matched, typo);
        assert!(e.similarity.unwrap() >= 0.8, "{typo}: {:?}", e.similarity);
        assert_eq!(s.status, skillgap::Status::Weak, "{typo}");
    }
}

#[test]
fn misspelling_with_no_technology_near_it_is_not_a_skill() {
    no("Built services with Dokcer daily", "docker");
}

#[test]
fn split_names_are_joined() {
    yes("Search with Elastic Search and Node JS", "elasticsearch");
    yes("Search with Elastic Search and Node JS", "nodejs");
}

#[test]
fn rust_apis_are_not_rest_apis() {
    no("Wrote Rust APIs for the telemetry agent", "rest-api");
}

#[test]
fn asp_net_code_is_not_asp_net_core() {
    no(
        "Maintained legacy asp.net code for the intranet",
        "aspnet-core",
    );
}

#[test]
fn ordinary_words_are_never_fuzzed() {
    // "docket" is one letter from "docker" but an English word.
    no("Managed the court docket for the firm", "docker");
}

#[test]
fn the_fuzzy_threshold_is_reported_and_configurable() {
    let strict = Scorer::builder(Taxonomy::builtin())
        .fuzzy_threshold(0.9)
        .build()
        .unwrap();
    let r = strict.score("EXPERIENCE\n- Built services with Pyhton\n");
    assert!(r.skill("python").is_none(), "0.833 is below 0.9");
    assert_eq!(r.settings.fuzzy_threshold, Some(0.9));
    let off = Scorer::builder(Taxonomy::builtin())
        .fuzzy(false)
        .build()
        .unwrap();
    assert_eq!(off.score("x").settings.fuzzy_threshold, None);
}

// Negation and hedging.

#[test]
fn negated_skills_do_not_count_and_are_reported() {
    let r = exp("No experience with Kafka or RabbitMQ; built REST APIs in Java");
    assert!(r.skill("kafka").is_none());
    assert!(r.skill("java").is_some());
    assert!(r
        .excluded
        .iter()
        .any(|x| x.skill == "kafka" && x.reason == Exclusion::Negated));
    assert!(!has("Not familiar with Kubernetes", "kubernetes"));
}

#[test]
fn skills_being_learned_are_not_found_but_reported_as_learning() {
    for (line, ids) in [
        (
            "Currently learning Golang and Kubernetes",
            &["go", "kubernetes"][..],
        ),
        ("Planning to learn Kafka", &["kafka"][..]),
        (
            "AWS Certified Developer (in progress)",
            &["aws-developer-associate"][..],
        ),
    ] {
        let r = exp(line);
        for id in ids {
            assert!(r.skill(id).is_none(), "{line}: {id} must not be found");
            assert!(
                r.excluded
                    .iter()
                    .any(|x| &x.skill == id && x.reason == skillgap::matcher::Exclusion::Learning),
                "{line}: {id} should be excluded as learning: {:?}",
                r.excluded
            );
        }
    }
}

#[test]
fn hedged_skills_are_weak() {
    for line in ["Basic knowledge of Docker", "Familiar with Kubernetes"] {
        let r = exp(line);
        let weak: Vec<&str> = r
            .skills
            .iter()
            .filter(|s| s.status == Status::Weak)
            .map(|s| s.id.as_str())
            .collect();
        assert!(
            !weak.is_empty(),
            "{line}: nothing weak in {:?}",
            r.skills
                .iter()
                .map(|s| (&s.id, s.status))
                .collect::<Vec<_>>()
        );
        assert!(r.skills.iter().all(|s| s.status == Status::Weak), "{line}");
    }
}

#[test]
fn machine_learning_does_not_hedge_what_follows() {
    let r = exp("Machine learning pipelines in Python and SQL");
    assert_eq!(r.skill("python").unwrap().status, Status::Evidenced);
}

// Sections.

#[test]
fn a_skills_list_claims_and_experience_evidences() {
    let r = scorer().score("SKILLS\nJava, Kafka\n\nEXPERIENCE\n- Built Kafka consumers in Java\n- Tuned Kafka partitions\n\nPROJECTS\n- A Redis cache\n");
    assert_eq!(r.skill("java").unwrap().status, Status::Evidenced);
    assert_eq!(r.skill("java").unwrap().evidenced_lines, 1);
    assert_eq!(r.skill("kafka").unwrap().evidenced_lines, 2);
    assert_eq!(r.skill("redis").unwrap().status, Status::Evidenced);
    let r = scorer().score("SKILLS\nJava, Kafka\n");
    assert_eq!(r.skill("kafka").unwrap().status, Status::Claimed);
    assert_eq!(r.claimed_only, ["java", "kafka"]);
}

#[test]
fn implied_skills_carry_the_implying_evidence() {
    let r = exp("Ran services on Amazon EKS");
    let k = r.skill("kubernetes").expect("EKS implies kubernetes");
    assert!(k.evidence.iter().any(|e| e.kind == EvidenceKind::Implied));
    assert!(r.skill("aws").is_some());
}

// Everyday words and other people's titles.

#[test]
fn testing_in_a_resume_with_no_technical_skill_is_not_software_testing() {
    // An electrician's resume: "defects" would confirm "testing", but nothing
    // in the document is technical in the software sense.
    let electrician = "EXPERIENCE\n\
        • Hi-Pot test and insulation resistance test of HV cables.\n\
        • Create the defects list arising during the testing and find solutions.\n";
    let r = scorer().score(electrician);
    assert!(r.skill("testing").is_none(), "{:?}", r.skill("testing"));
    assert!(r
        .excluded
        .iter()
        .any(|e| e.skill == "testing" && e.reason == Exclusion::NoContext));
    // The same line in a resume that names a technology counts.
    let r = scorer().score(&format!("{electrician}• Wrote SQL reports.\n"));
    assert_eq!(r.skill("testing").unwrap().status, Status::Evidenced);
}

#[test]
fn a_test_tool_used_for_production_incidents_is_not_testing() {
    no(
        "Resolve production defects and Incidents by using HP ALM and Remedy tools",
        "testing",
    );
    // Also when the tool name is misspelled (a fuzzy hit obeys the same rules).
    no(
        "Resolve production defects and Incidents by using HPALM and Remedy tools",
        "testing",
    );
    yes("Wrote test cases and logged defects in HP ALM", "testing");
}

#[test]
fn someone_elses_architect_title_is_not_an_architect_title() {
    let line = "Gathered requirements from all stakeholders [Business SMEs, Technical Architect and Business Architect]";
    no(line, "architect-title");
    no(line, "system-design");
    no(
        "Worked closely with the Solution Architect on the API contracts",
        "architect-title",
    );
    yes(
        "Technical Architect, Infosys (2019 – 2023): designed the payments platform",
        "architect-title",
    );
}

#[test]
fn someone_elses_senior_title_is_not_a_senior_title() {
    no(
        "Reporting to the Senior Software Engineer of the billing team",
        "senior-title",
    );
    yes(
        "Senior Software Engineer at Acme, building REST APIs",
        "senior-title",
    );
}

#[test]
fn database_monitoring_tools_are_observability() {
    yes(
        "Monitored 40 SQL Server instances with SCOM and SQL Sentry",
        "observability",
    );
    yes(
        "Generated AWR reports, ADDM and ASH reports to diagnose slow queries",
        "observability",
    );
}

#[test]
fn unit_test_frameworks_of_other_languages_imply_testing() {
    // Regression: "Wrote PHPUnit tests" found no testing (PHPUnit was unknown and
    // "Unit tests" does not match inside "PHPUnit tests").
    yes("Wrote PHPUnit tests for the billing module", "testing");
    yes(
        "Covered the pricing engine with NUnit and xUnit tests",
        "testing",
    );
    yes("Request specs in RSpec for the Rails API", "testing");
}
