//! Unit tests of job-description parsing and matching on a small inline
//! taxonomy, so that they do not depend on the built-in data.

use super::*;
use crate::report::Status;
use crate::taxonomy::Taxonomy;
use crate::text::YearMonth;

const TAXONOMY: &str = r#"
id: test-backend
name: Test backend
version: "1"
cues:
  negation: ["no experience with"]
  hedge: ["basic knowledge of", "familiar with"]
competencies:
  - {id: backend-frameworks, name: Backend Frameworks, skills: [django, flask, spring-boot]}
  - {id: api-development, name: API Development, skills: [rest-api, graphql]}
skills:
  - {id: python, name: Python, kind: language}
  - {id: java, name: Java, kind: language}
  - id: go
    name: Go
    kind: language
    aliases: [Golang]
    ambiguous: [{text: Go, case_sensitive: true}]
    context:
      reject_after: ['^(?i)[\s-]*(to\b|live\b|karting)']
      accept: ['(?i)\b(golang|language|services)\b']
  - {id: postgresql, name: PostgreSQL, kind: database, aliases: [Postgres]}
  - {id: mysql, name: MySQL, kind: database}
  - {id: redis, name: Redis, kind: database}
  - {id: kafka, name: Kafka, kind: messaging}
  - {id: rabbitmq, name: RabbitMQ, kind: messaging}
  - {id: django, name: Django, kind: framework}
  - {id: flask, name: Flask, kind: framework}
  - {id: spring-boot, name: Spring Boot, kind: framework}
  - {id: rest-api, name: REST APIs, kind: practice, aliases: [REST, RESTful]}
  - {id: graphql, name: GraphQL, kind: practice}
  - {id: terraform, name: Terraform, kind: tool}
  - {id: docker, name: Docker, kind: tool}
  - {id: kubernetes, name: Kubernetes, kind: tool, aliases: [k8s]}
  - {id: aws, name: AWS, kind: cloud}
  - {id: gcp, name: GCP, kind: cloud}
  - {id: eks, name: EKS, kind: cloud, implies: [aws, kubernetes]}
  - {id: mentoring, name: Mentoring, kind: responsibility, aliases: [mentor, mentoring]}
  - {id: senior-title, name: Senior job title, kind: responsibility, aliases: [senior engineer]}
  - {id: leading, name: Team leadership, kind: responsibility, aliases: [tech lead]}
  - id: migrations
    name: Migration leadership
    kind: responsibility
    patterns: ['(?i)\b(led|drove)\s+(the\s+)?(\w+\s+){0,3}migrations?\b']
levels:
  - {id: junior, name: Junior, words: [jr, intern], years: {min: 0}, requirements: [{skill: python}]}
  - {id: mid, name: Mid, years: {min: 2}, requirements: [{skill: python}, {competency: backend-frameworks}]}
  - {id: senior, name: Senior, words: [sr], years: {min: 5}, requirements: [{skill: python, expect: evidenced}, {competency: backend-frameworks, expect: evidenced}, {skill: kafka, expect: evidenced}]}
groups:
  - id: programming-language
    label: a programming language
    pattern: '\b(?:(?:modern|general[- ]purpose|object[- ]oriented|backend|back[- ]end|server[- ]side|high[- ]level|compiled|statically[- ]typed)\s+)?programming\s+languages?\b|\b(?:backend|back[- ]end|server[- ]side)\s+(?:programming\s+)?languages?\b'
    keywords: [language]
    skills: [java, python, go]
    example: "a modern programming language"
  - id: backend-framework
    label: a backend framework
    pattern: '\b(?:backend|back[- ]end|server[- ]side|web|mvc|api|application)\s+frameworks?\b'
    keywords: [framework]
    competency: backend-frameworks
    example: "web frameworks"
  - id: relational-database
    label: a relational database
    pattern: '\b(?:relational|sql|rdbms)\s+(?:databases?|data\s?stores?|dbs?|database\s+management\s+systems?)\b|\brdbms\b|\brelational\s+data\b'
    keywords: [relational, sql, rdbms]
    skills: [postgresql, mysql]
    example: "relational databases"
  - id: nosql-database
    label: a NoSQL database
    pattern: '\b(?:nosql|non[- ]relational|document|key[- ]value|wide[- ]column)\s+(?:databases?|data\s?stores?|stores?|dbs?)\b|\bnosql\b'
    keywords: [sql, relational, document, key, column]
    skills: [redis]
    example: "NoSQL stores"
  - id: cloud-platform
    label: a cloud platform
    pattern: '\b(?:public\s+)?cloud\s+(?:platforms?|providers?|services?|technologies|infrastructure|environments?|computing)\b|\b(?:a|any|one|major)\s+(?:major\s+)?(?:public\s+)?cloud\b|\bpublic\s+cloud\b'
    keywords: [cloud]
    skills: [aws, gcp]
    example: "a major cloud provider"
  - id: message-broker
    label: a message broker
    pattern: '\b(?:message|messaging)\s+(?:brokers?|queues?|queuing|queueing|systems?|bus(?:es)?|platforms?)\b|\bevent[- ]streaming(?:\s+platforms?)?\b|\bstreaming\s+platforms?\b|\bpub/?sub\b|\bevent\s+bus(?:es)?\b'
    keywords: [messag, stream, pub, bus]
    skills: [kafka, rabbitmq]
    example: "message queues"
  - id: container-orchestration
    label: container orchestration
    pattern: '\bcontainer\s+orchestration\b|\borchestration\s+(?:platforms?|tools?)\b'
    keywords: [orchestration]
    skills: [kubernetes]
    example: "container orchestration"
  - id: infrastructure-as-code
    label: infrastructure as code
    pattern: '\binfrastructure[- ]as[- ]code\b|\bIaC\b'
    keywords: [code, iac]
    skills: [terraform]
    example: "Infrastructure-as-Code"
  - id: caching
    label: a cache
    pattern: '\b(?:distributed|in[- ]memory)\s+(?:caches?|caching|data\s?stores?|stores?)\b|\bcaching\s+(?:layers?|systems?|solutions?|technologies)\b'
    keywords: [cach, memory]
    skills: [redis]
    example: "distributed caching"
"#;

fn scorer() -> Scorer {
    Scorer::builder(Taxonomy::from_yaml(TAXONOMY).unwrap())
        .as_of(YearMonth::new(2026, 11).unwrap())
        .build()
        .unwrap()
}

fn job(text: &str) -> JobDescription {
    JobDescription::parse(&scorer(), text)
}

fn ids(job: &JobDescription, p: Priority) -> Vec<&str> {
    job.with_priority(p).map(|r| r.id.as_str()).collect()
}

const POSTING: &str = "\
Senior Backend Engineer (Python)
Acme Payments · Pune

About us
Acme runs on Kubernetes and GCP, and we love Go.

What you will do
- Build REST APIs and Kafka consumers
- Mentor two engineers

Requirements
- 5+ years of backend experience
- PostgreSQL or MySQL
- Experience with a backend framework such as Django or Flask
- Infrastructure as code with Terraform
- EKS in production; RabbitMQ is a plus

Nice to have
- Redis
- Go

Benefits
- Docker stickers and go-karting
";

#[test]
fn sections_decide_priorities() {
    let j = job(POSTING);
    assert_eq!(
        ids(&j, Priority::Required),
        [
            "python",
            "postgresql|mysql",
            "backend-frameworks",
            "terraform",
            "eks",
            "aws",
            "kubernetes"
        ]
    );
    assert_eq!(ids(&j, Priority::Preferred), ["rabbitmq", "redis", "go"]);
    assert_eq!(
        ids(&j, Priority::Mentioned),
        ["rest-api", "kafka", "mentoring"]
    );
    // Company blurb and benefits do not count.
    assert!(j.priority_of("docker").is_none());
    assert!(j.priority_of("gcp").is_none());
    let ignored: Vec<&str> = j.ignored.iter().map(|i| i.skill.as_str()).collect();
    assert!(ignored.contains(&"kubernetes") && ignored.contains(&"docker"));
    assert!(j.has_requirements_section);
}

#[test]
fn title_years_and_level() {
    let j = job(POSTING);
    assert_eq!(j.title.as_deref(), Some("Senior Backend Engineer (Python)"));
    let y = j.years.as_ref().unwrap();
    assert_eq!((y.min, y.max, y.line), (5.0, None, 12));
    let l = j.level.as_ref().unwrap();
    assert_eq!((l.id.as_str(), l.source), ("senior", LevelSource::Title));
}

#[test]
fn a_competency_phrase_takes_its_examples() {
    let j = job(POSTING);
    let r = j.requirement("backend-frameworks").unwrap();
    assert_eq!(r.name, "a backend framework");
    assert_eq!(r.options, ["django", "flask", "spring-boot"]);
    assert_eq!(r.examples, ["django", "flask"]);
    assert_eq!(
        r.group.as_ref().unwrap().competency.as_deref(),
        Some("backend-frameworks")
    );
}

#[test]
fn a_phrase_gives_way_to_a_named_skill_of_its_kind() {
    let j = job("Requirements\n- Infrastructure as code with Terraform\n");
    assert_eq!(ids(&j, Priority::Required), ["terraform"]);
}

#[test]
fn alternatives_are_one_requirement() {
    let j = job(
        "Requirements\n- PostgreSQL or MySQL\n- Java, Go or Python\n- Kafka or another message broker\n",
    );
    assert_eq!(
        ids(&j, Priority::Required),
        ["postgresql|mysql", "java|go|python", "kafka|message-broker"]
    );
    let broker = j.requirement("kafka|message-broker").unwrap();
    assert_eq!(broker.options, ["kafka", "rabbitmq"]);
    assert_eq!(broker.name, "Kafka or a message broker");
}

#[test]
fn a_phrase_the_taxonomy_spells_is_the_skill() {
    let yaml = TAXONOMY.replace(
        "  - {id: kafka, name: Kafka, kind: messaging}",
        "  - {id: kafka, name: Kafka, kind: messaging}\n  - {id: queues, name: Message queues, kind: messaging, aliases: [message broker]}",
    );
    let s = Scorer::new(Taxonomy::from_yaml(&yaml).unwrap());
    let j = s.parse_job("Requirements\n- Kafka or another message broker\n- SQL databases\n");
    assert_eq!(ids(&j, Priority::Required)[0], "kafka|queues");
}

#[test]
fn a_list_of_different_kinds_is_not_alternatives() {
    let j = job("Requirements\n- Docker, Kafka or RabbitMQ\n");
    assert_eq!(ids(&j, Priority::Required), ["docker", "kafka|rabbitmq"]);
}

#[test]
fn implied_skills_are_asked_for_too() {
    let j = job("Requirements\n- EKS\n");
    assert_eq!(ids(&j, Priority::Required), ["eks", "aws", "kubernetes"]);
    assert_eq!(
        j.requirement("aws").unwrap().implied_by.as_deref(),
        Some("eks")
    );
    // Named as well: no longer only implied.
    let j = job("Requirements\n- EKS\n- Kubernetes\n");
    assert_eq!(j.requirement("kubernetes").unwrap().implied_by, None);
}

#[test]
fn inline_cues_make_skills_preferred() {
    let j = job("Requirements\n- Python; Kafka is a plus\n- Java, ideally Spring Boot\n- Nice to have: Redis\n- Bonus points for Go services\n");
    assert_eq!(ids(&j, Priority::Required), ["python", "java"]);
    assert_eq!(
        ids(&j, Priority::Preferred),
        ["kafka", "spring-boot", "redis", "go"]
    );
}

#[test]
fn without_a_requirements_section_everything_named_is_required() {
    let j = job("Backend Developer\nWe build REST APIs in Python and Django on AWS.\n\nPerks\n- Redis swag\n");
    assert!(!j.has_requirements_section);
    assert_eq!(
        ids(&j, Priority::Required),
        ["rest-api", "python", "django", "aws"]
    );
    assert!(j.priority_of("redis").is_none());
}

#[test]
fn a_mentioned_skill_offered_by_a_requirement_is_not_listed_twice() {
    let j = job("Responsibilities\n- Model data in MySQL\nRequirements\n- PostgreSQL or MySQL\n");
    assert_eq!(ids(&j, Priority::Required), ["postgresql|mysql"]);
    assert!(ids(&j, Priority::Mentioned).is_empty());
}

#[test]
fn the_line_that_asks_most_is_shown_first() {
    let j = job(
        "Backend Engineer\nWhat you will do\n- Write Python services\nRequirements\n- Python\n",
    );
    let r = j.requirement("python").unwrap();
    assert_eq!(r.priority, Priority::Required);
    assert_eq!(r.asked[0].line, 5);
    assert_eq!(r.asked[0].section, JobSection::Requirements);
    assert_eq!(r.asked[1].priority, Priority::Mentioned);
}

#[test]
fn negated_and_other_senses_do_not_count() {
    let j = job(
        "Requirements\n- Python\n- no experience with Kafka needed\n- Ready to go live weekly\n",
    );
    assert_eq!(ids(&j, Priority::Required), ["python"]);
    let excluded: Vec<_> = j.ignored.iter().filter_map(|i| i.excluded).collect();
    assert!(excluded.contains(&crate::matcher::Exclusion::Negated));
}

#[test]
fn ambiguous_words_alone_in_a_list_count() {
    let j = job("Nice to have:\n- Go.\n");
    assert_eq!(ids(&j, Priority::Preferred), ["go"]);
    let j = job("Benefits:\n- Go-karting on Fridays\n");
    assert!(j.requirements.is_empty());
}

#[test]
fn unrecognised_terms_are_listed_once_and_not_counted() {
    let j = job("Requirements\n- Python with Temporal\n- ClickHouse or another columnar store\nNice to have\n- Temporal.\nAbout us\n- We use Snowflake\n");
    let terms: Vec<(&str, usize)> = j
        .unrecognised
        .iter()
        .map(|u| (u.term.as_str(), u.count))
        .collect();
    assert_eq!(terms, [("Temporal", 2), ("ClickHouse", 1)]);
    assert_eq!(ids(&j, Priority::Required), ["python"]);
}

#[test]
fn an_empty_job_asks_for_nothing() {
    let j = job("");
    assert!(j.requirements.is_empty() && j.title.is_none() && j.level.is_none());
    let m = scorer().match_parsed(&scorer().score("SKILLS\nPython"), &j);
    assert_eq!(m.percent, 0.0);
}

const RESUME: &str = "\
SKILLS
Python, MySQL, Redis
EXPERIENCE
Backend Engineer, Acme (Jan 2020 - Dec 2023)
- Built REST APIs in Flask backed by MySQL
- Ran services on EKS
- Basic knowledge of Terraform
- No experience with RabbitMQ; used Kafka instead
";

#[test]
fn match_lists_missing_required_first_with_evidence() {
    let s = scorer();
    let j = s.parse_job(POSTING);
    let m = s.match_parsed(&s.score(RESUME), &j);
    let missing: Vec<(&str, Option<Status>)> = m
        .missing_required
        .iter()
        .map(|r| (r.id.as_str(), r.status))
        .collect();
    assert_eq!(missing, [("terraform", Some(Status::Weak))]);
    let missing_pref: Vec<&str> = m.missing_preferred.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(missing_pref, ["rabbitmq", "go"]);
    let rabbit = &m.missing_preferred[0];
    assert_eq!(rabbit.negated_line, Some(8));
    // Alternatives and phrases say what satisfied them.
    let db = m.requirement("postgresql|mysql").unwrap();
    assert_eq!(db.via.as_deref(), Some("mysql"));
    assert!(!db.through_competency);
    assert_eq!(db.evidence.as_ref().unwrap().line, 5);
    let fw = m.requirement("backend-frameworks").unwrap();
    assert_eq!(fw.via.as_deref(), Some("flask"));
    assert!(!fw.through_competency, "Flask was named as an example");
    // The JD line that asked.
    assert_eq!(db.asked.line, 13);
}

#[test]
fn through_competency_when_the_job_named_only_the_phrase() {
    let s = scorer();
    let m = s.match_job(
        "EXPERIENCE\nEngineer (2020 - 2024)\n- Built Spring Boot services\n",
        "Requirements\n- A backend framework\n",
    );
    let r = &m.matched[0];
    assert_eq!(
        (r.id.as_str(), r.via.as_deref()),
        ("backend-frameworks", Some("spring-boot"))
    );
    assert!(r.through_competency);
}

/// The formula in the module documentation, by hand.
#[test]
fn match_percentage_follows_the_documented_formula() {
    let s = scorer();
    let j = s.parse_job(POSTING);
    let report = s.score(RESUME);
    let m = s.match_parsed(&report, &j);
    // Required (7): python claimed (0.75); postgresql|mysql evidenced (1);
    // backend framework evidenced via Flask (1); terraform weak (0.25);
    // aws, eks, kubernetes evidenced via EKS (1 each).
    let r = (0.75 + 1.0 + 1.0 + 0.25 + 3.0) / 7.0;
    // Preferred (3): rabbitmq negated (0), redis claimed (0.75), go none (0).
    let p = 0.75 / 3.0;
    // Years: 4.0 found / 5 asked.
    let y = 4.0 / 5.0;
    let expected: f64 = 100.0 * (0.70 * r + 0.15 * p + 0.15 * y);
    assert_eq!(m.percent, (expected * 10.0).round() / 10.0);
    assert_eq!(m.components.required.met, 6);
    assert_eq!(m.components.required.total, 7);
    assert_eq!(m.years.met, Some(false));
    let level = m.level.as_ref().unwrap();
    assert_eq!(level.asked.id, "senior");
    assert_eq!(level.readiness, report.level("senior").unwrap().readiness);
}

#[test]
fn absent_components_drop_out_of_the_percentage() {
    let s = scorer();
    let m = s.match_job("SKILLS\nPython\n", "Requirements\n- Python\n- Kafka\n");
    // Required only: (0.75 + 0) / 2.
    assert_eq!(m.percent, 37.5);
    assert_eq!(m.components.required.share, 1.0);
    assert!(m.components.years.is_none());
}

#[test]
fn mentioned_skills_are_shown_but_not_scored() {
    let s = scorer();
    let a = s.match_job(
        "SKILLS\nPython\n",
        "Responsibilities\n- Kafka consumers\nRequirements\n- Python\n",
    );
    let b = s.match_job(
        "SKILLS\nPython, Kafka\n",
        "Responsibilities\n- Kafka consumers\nRequirements\n- Python\n",
    );
    assert_eq!(a.percent, b.percent);
    assert_eq!(a.mentioned[0].id, "kafka");
    assert_eq!(b.mentioned[0].status, Some(Status::Claimed));
}

#[test]
fn ranking_is_by_percent_then_required_met() {
    let s = scorer();
    let j = s.parse_job("Requirements\n- Python\n- Kafka\n");
    let strong = s.match_parsed(&s.score("SKILLS\nPython, Kafka"), &j);
    let weak = s.match_parsed(&s.score("SKILLS\nPython"), &j);
    assert_eq!(JobMatch::rank(&strong, &weak), std::cmp::Ordering::Less);
    assert_eq!(JobMatch::rank(&weak, &weak), std::cmp::Ordering::Equal);
}

#[test]
fn types_are_send_sync_and_serialise() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<JobDescription>();
    assert_send_sync::<JobMatch>();
    let s = scorer();
    let j = s.parse_job(POSTING);
    let back: JobDescription = serde_json::from_str(&j.to_json()).unwrap();
    assert_eq!(back, j);
    let m = s.match_parsed(&s.score(RESUME), &j);
    let json = m.to_json();
    assert!(json.contains("\"schema_version\": 1"));
    let back: JobMatch = serde_json::from_str(&json).unwrap();
    assert_eq!(back, m);
}

#[test]
fn responsibility_signals_are_read_in_the_past_tense_too() {
    // The taxonomy's pattern says "led ... migrations"; the job says "Lead".
    let j = job("Requirements\n- Lead critical migrations\n- Leading large technical migrations\n");
    let r = j.requirement("migrations").unwrap();
    assert_eq!(r.priority, Priority::Required);
    assert_eq!(r.asked[0].matched, "Lead critical migrations");
    assert_eq!(
        super::parse::past_tense("Leading the team").as_deref(),
        Some("Led     the team")
    );
    assert_eq!(super::parse::past_tense("Misleading"), None);
}

#[test]
fn a_skill_offered_by_an_alternative_of_its_item_is_that_alternative() {
    let j = job("Requirements\n- Go services, ideally Go or Python\n");
    assert!(j.requirement("go").is_none());
    assert!(j.requirement("go|python").is_some());
}

#[test]
fn an_ambiguous_word_opening_a_duty_is_the_verb() {
    let j = job(
        "Backend Engineer\nWhat you will do\n- Go through support tickets with Python tooling\nRequirements\n- Go.\n",
    );
    let go = j.requirement("go").unwrap();
    assert_eq!(go.priority, Priority::Required);
    assert_eq!(
        go.asked.len(),
        1,
        "the duty's Go is the verb: {:?}",
        go.asked
    );
}

#[test]
fn a_phrase_with_examples_stays_beside_a_required_skill_it_covers() {
    let j = job(
        "Requirements\n- Python\nNice to have\n- Other programming languages, especially Java\n",
    );
    let r = j.requirement("programming-language").unwrap();
    assert_eq!(r.priority, Priority::Preferred);
    assert_eq!(r.examples, ["java"]);
    let j = job("Requirements\n- Python\nNice to have\n- Another programming language\n");
    assert!(j.requirement("programming-language").is_none());
}

#[test]
fn job_titles_are_not_requirements() {
    let j = job("Senior Engineer / Tech Lead (Python)\nRequirements\n- Work with a senior engineer\n- Experience as a tech lead\n");
    assert_eq!(ids(&j, Priority::Required), ["python", "leading"]);
    assert_eq!(j.requirement("leading").unwrap().asked[0].line, 4);
}

// Requirements written outside a requirements section (issue 11).

fn sections_found(j: &JobDescription) -> Vec<JobSection> {
    j.sections.iter().map(|s| s.section).collect()
}

#[test]
fn bold_label_bullets_are_requirements() {
    let j = job("\
# Backend Developer

Ledgerly builds invoicing software.

**Experience:** 1-2 years of backend work with Python, MySQL and AWS
**Skills:** Docker, Redis
- **Must have**: Kafka
- __Nice to have:__ Go services
**Location:** Pune
");
    assert_eq!(
        ids(&j, Priority::Required),
        ["python", "mysql", "aws", "docker", "redis", "kafka"]
    );
    assert_eq!(ids(&j, Priority::Preferred), ["go"]);
    let python = &j.requirement("python").unwrap().asked[0];
    assert_eq!(python.section, JobSection::Requirements);
    assert!(!python.text.contains('*'), "{}", python.text);
    assert_eq!(j.years.as_ref().unwrap().min, 1.0);
    assert!(j.warnings.is_empty());
}

#[test]
fn an_experience_field_naming_a_technology_is_a_requirement() {
    let j = job("Backend Engineer\nExperience: 2+ years with Java\nRequirements\n- Docker\n");
    assert_eq!(ids(&j, Priority::Required), ["java", "docker"]);
    // Without a technology it stays a field: years and level, nothing asked.
    let j = job("Backend Engineer\nExperience: 3-5 years\nExperience level: Senior\nRequirements\n- Docker\n");
    assert_eq!(ids(&j, Priority::Required), ["docker"]);
    assert_eq!(j.years.as_ref().unwrap().min, 3.0);
}

#[test]
fn a_metadata_line_naming_three_technologies_is_not_dropped() {
    let j = job("Backend Engineer\nDepartment: Platform (Kafka, Redis, Kubernetes)\nIndustry: Payments on AWS\nRequirements\n- Docker\n");
    assert_eq!(
        ids(&j, Priority::Required),
        ["kafka", "redis", "kubernetes", "docker"]
    );
    // One technology in a field is still metadata.
    assert!(j.priority_of("aws").is_none());
    assert!(j
        .ignored
        .iter()
        .any(|i| i.skill == "aws" && i.section == JobSection::Meta));
}

#[test]
fn a_header_line_naming_three_technologies_is_the_stack() {
    let j = job("Backend Engineer\nAcme · Python · Django · PostgreSQL\nWe love Terraform.\nAbout us\nWe run Kafka, Redis and Kubernetes.\nRequirements\n- Docker\n");
    assert_eq!(ids(&j, Priority::Required), ["docker"]);
    assert_eq!(
        ids(&j, Priority::Mentioned),
        ["python", "django", "postgresql"]
    );
    // A blurb line naming fewer, and the company's section, stay ignored.
    for skill in ["terraform", "kafka", "redis", "kubernetes"] {
        assert!(j.priority_of(skill).is_none(), "{skill}");
    }
}

#[test]
fn looking_for_you_have_and_must_have_headings_are_requirements() {
    for heading in [
        "What we're looking for",
        "What we are looking for:",
        "You have",
        "**You have:**",
        "Must have",
        "MUST-HAVES",
    ] {
        let j = job(&format!(
            "Backend Engineer\nAbout us\nAcme builds payments.\n{heading}\n- Python and Kafka\nBenefits\n- Redis stickers\n"
        ));
        assert_eq!(
            ids(&j, Priority::Required),
            ["python", "kafka"],
            "{heading}"
        );
        assert!(j.priority_of("redis").is_none(), "{heading}");
    }
    // A five-word label before a colon.
    let j = job("Backend Engineer\nAbout us\nAcme builds payments.\nWhat we are looking for: Python and Kafka.\n");
    assert_eq!(ids(&j, Priority::Required), ["python", "kafka"]);
}

#[test]
fn an_item_opening_with_a_requirement_phrase_asks_wherever_it_stands() {
    let j = job("\
Senior Backend Engineer
About us
Acme builds payments. We run on Terraform.
You have 5+ years with Java and Kafka.
We're looking for someone fluent in PostgreSQL.
Requirements
- Docker
Benefits
- You have a budget for Redis conferences
");
    assert_eq!(
        ids(&j, Priority::Required),
        ["java", "kafka", "postgresql", "docker"]
    );
    // The company's own stack and the benefits do not ask.
    assert!(j.priority_of("terraform").is_none());
    assert!(j.priority_of("redis").is_none());
    assert_eq!(j.years.as_ref().unwrap().min, 5.0);
}

#[test]
fn requirement_openers_are_folded_sorted_and_unique() {
    let phrases: Vec<&str> = super::parse::openers().collect();
    assert!(phrases.len() >= 10);
    for p in &phrases {
        assert_eq!(&super::sections::fold(p), p, "not folded");
    }
    for w in phrases.windows(2) {
        assert!(w[0] < w[1], "not sorted or duplicated: {} / {}", w[0], w[1]);
    }
}

#[test]
fn numbered_items_are_requirements() {
    let j = job("Requirements\n1. Python\n2) Kafka and Redis\n3. Knowledge of Docker\n4. Communication skills\n");
    assert_eq!(
        ids(&j, Priority::Required),
        ["python", "kafka", "redis", "docker"]
    );
    assert_eq!(sections_found(&j), [JobSection::Requirements]);
}

#[test]
fn numbered_headings_start_sections() {
    let j = job("\
Backend Engineer
1. About the role
We build payment APIs.
2. What we are looking for
1) Python and Kafka
2) PostgreSQL
3. Nice to have
- Go services
4. BENEFITS
Redis stickers.
");
    assert_eq!(
        sections_found(&j),
        [
            JobSection::Role,
            JobSection::Requirements,
            JobSection::Preferred,
            JobSection::Benefits
        ]
    );
    assert_eq!(
        ids(&j, Priority::Required),
        ["python", "kafka", "postgresql"]
    );
    assert_eq!(ids(&j, Priority::Preferred), ["go"]);
    assert!(j.priority_of("redis").is_none());
}

#[test]
fn a_one_paragraph_posting_is_read_whole() {
    let j = job("We are hiring a backend engineer to build payment APIs in Python with PostgreSQL and Redis. You have 3+ years of experience and know Docker; Kafka is a plus.\n");
    assert_eq!(j.title, None, "a paragraph is not a title");
    assert_eq!(
        ids(&j, Priority::Required),
        ["python", "postgresql", "redis", "docker"]
    );
    assert_eq!(ids(&j, Priority::Preferred), ["kafka"]);
    assert_eq!(j.years.as_ref().unwrap().min, 3.0);
    // Hard-wrapped, the first line is not a title either.
    let j = job("We are hiring a backend engineer to build payment APIs in\nPython with PostgreSQL and Redis; Kafka is a plus.\n");
    assert_eq!(j.title, None);
    assert_eq!(
        ids(&j, Priority::Required),
        ["python", "postgresql", "redis"]
    );
    // A title with an abbreviation is still a title.
    let j = job("Sr. Backend Engineer (Python)\nRequirements\n- Kafka\n");
    assert_eq!(j.title.as_deref(), Some("Sr. Backend Engineer (Python)"));
}

#[test]
fn a_job_that_asks_for_nothing_it_names_warns_and_counts_every_named_technology() {
    let j = job("\
Backend Engineer
Location: Pune (AWS office)
About us
We build APIs in Python on PostgreSQL.
Benefits
- Redis stickers
");
    assert_eq!(ids(&j, Priority::Required), ["python", "postgresql"]);
    assert_eq!(j.warnings.len(), 1);
    let w = &j.warnings[0];
    assert_eq!(
        (w.kind, w.technologies),
        (JobWarningKind::NoRequirementsRecognised, 2)
    );
    assert!(w.message.starts_with(
        "This posting names 2 technologies but no requirement section was recognised"
    ));
    // Metadata and benefits still do not count.
    assert!(j.priority_of("aws").is_none() && j.priority_of("redis").is_none());
    // The match carries the warning, and is not 0%.
    let s = scorer();
    let m = s.match_parsed(&s.score("SKILLS\nPython, PostgreSQL\n"), &j);
    assert_eq!(m.warnings, j.warnings);
    assert!(m.percent > 50.0);
    assert!(m.to_json().contains("\"no-requirements-recognised\""));
}

#[test]
fn a_job_that_names_no_technology_does_not_warn() {
    let j = job("Store Manager\nRequirements\n- 5+ years running a store\n");
    assert!(j.requirements.is_empty() && j.warnings.is_empty());
    // Nor one whose requirements name some.
    assert!(job(POSTING).warnings.is_empty());
}

#[test]
fn dotnet_split_by_a_tokeniser_is_rejoined() {
    use super::sections::rejoin_dotnet;
    assert_eq!(
        rejoin_dotnet("C#. NET Core and. NET Framework").as_deref(),
        Some("C# .NET Core and .NET Framework")
    );
    assert_eq!(
        rejoin_dotnet(". NET is your daily companion").as_deref(),
        Some(" .NET is your daily companion")
    );
    assert_eq!(
        rejoin_dotnet("Engineer -. NET (portal)").as_deref(),
        Some("Engineer - .NET (portal)")
    );
    // A word that only starts with NET, a line in capitals, and .NET as written.
    assert_eq!(rejoin_dotnet("We ship fast. NETWORK skills help."), None);
    assert_eq!(rejoin_dotnet("BENEFITS. NET SALARY"), None);
    assert_eq!(rejoin_dotnet("C# and .NET"), None);
}

#[test]
fn what_we_ask_for_is_a_requirements_heading() {
    assert_eq!(
        super::job_heading("What we ask for"),
        Some(JobSection::Requirements)
    );
    assert_eq!(
        super::job_heading("What we ask of you:"),
        Some(JobSection::Requirements)
    );
}
