//! The job-description parser on the real postings of the development set
//! (`../shared/eval/jobs/`: 20 SkillSpan postings with gold knowledge spans and
//! 6 postings from a public job-skills CSV). Skips with a message when the
//! directory is absent; nothing of it is copied into the repository.
//!
//! `cargo test --test jd_eval -- --nocapture` prints the measurements that
//! `docs/JD.md` quotes.

use skillgap::jd::{JobDescription, Priority};
use skillgap::text::Document;
use skillgap::{Scorer, Taxonomy};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn eval_dir() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/jobs");
    if dir.join("index.json").is_file() {
        Some(dir)
    } else {
        eprintln!("skipping: {} is absent", dir.display());
        None
    }
}

struct Posting {
    id: String,
    title: String,
    group: String,
    text: String,
    gold_knowledge: Option<Vec<String>>,
}

fn postings(dir: &Path) -> Vec<Posting> {
    let index: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("index.json")).unwrap()).unwrap();
    index
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let id = e["id"].as_str().unwrap().to_string();
            let gold = std::fs::read_to_string(dir.join(format!("{id}.gold_spans.json")))
                .ok()
                .map(|g| {
                    let v: serde_json::Value = serde_json::from_str(&g).unwrap();
                    v["knowledge_spans_gold"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|s| s.as_str().unwrap().to_string())
                        .collect()
                });
            Posting {
                text: std::fs::read_to_string(dir.join(format!("{id}.txt"))).unwrap(),
                title: e["title"].as_str().unwrap_or_default().to_string(),
                group: e["group"].as_str().unwrap_or_default().to_string(),
                id,
                gold_knowledge: gold,
            }
        })
        .collect()
}

/// Level words a title may carry, and the level each means.
const TITLE_LEVELS: &[(&str, &str)] = &[
    ("intern", "junior"),
    ("junior", "junior"),
    ("senior", "senior"),
    ("manager", "lead"),
    ("principle", "lead"),
    ("principal", "lead"),
    ("staff", "lead"),
    ("architect", "architect"),
];

/// Words of benefits, places and calendars that must never be listed as
/// unrecognised technologies.
const NOT_TECH: &[&str] = &[
    "organization",
    "address",
    "location",
    "salary",
    "insurance",
    "healthcare",
    "pension",
    "gym",
    "christmas",
    "vacation",
    "holiday",
    "holidays",
    "macbook",
    "wellness",
    "bonus",
    "january",
    "monday",
    "friday",
    "london",
    "berlin",
    "poland",
    "english",
    "german",
    "covid",
    "benefits",
    "leave",
];

#[test]
fn every_posting_parses_plausibly() {
    let Some(dir) = eval_dir() else { return };
    let scorer = Scorer::new(Taxonomy::builtin());
    let mut problems = Vec::new();
    for p in postings(&dir) {
        let job = JobDescription::parse(&scorer, &p.text);
        let title = p.title.to_lowercase();
        if let Some((word, level)) = TITLE_LEVELS.iter().find(|(w, _)| title.contains(w)) {
            if job.level.as_ref().map(|l| l.id.as_str()) != Some(*level) {
                problems.push(format!(
                    "{}: title says {word}, level {:?}",
                    p.id,
                    job.level.as_ref().map(|l| &l.id)
                ));
            }
        }
        if let Some(y) = &job.years {
            if !(0.0..=20.0).contains(&y.min) || y.max.is_some_and(|m| m < y.min) {
                problems.push(format!("{}: implausible years {y:?}", p.id));
            }
        }
        if p.group != "control (non-backend)"
            && job.with_priority(Priority::Required).next().is_none()
        {
            problems.push(format!(
                "{}: a backend posting with no required skill",
                p.id
            ));
        }
        // Required and preferred skills come from lines that can ask for them.
        for r in &job.requirements {
            if r.priority > Priority::Mentioned && r.asked.iter().all(|a| a.section.is_ignored()) {
                problems.push(format!(
                    "{}: {} is asked only in {:?}",
                    p.id, r.id, r.asked[0].section
                ));
            }
        }
        for u in &job.unrecognised {
            let lower = u.term.to_lowercase();
            if NOT_TECH.iter().any(|w| lower.split(' ').any(|t| t == *w)) || u.term.contains('<') {
                problems.push(format!("{}: `{}` listed as a technology", p.id, u.term));
            }
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}

/// How many gold knowledge spans that name a taxonomy skill the parser finds,
/// at any priority and as required or preferred.
#[test]
fn gold_knowledge_spans_that_name_a_skill_are_found() {
    let Some(dir) = eval_dir() else { return };
    let scorer = Scorer::new(Taxonomy::builtin());
    let t = scorer.taxonomy();
    let (mut total, mut found_any, mut found_asked) = (0usize, 0usize, 0usize);
    let mut missed = Vec::new();
    let (mut asked_total, mut asked_in_gold) = (0usize, 0usize);
    for p in postings(&dir) {
        let Some(gold) = &p.gold_knowledge else {
            continue;
        };
        let job = JobDescription::parse(&scorer, &p.text);
        // Skills the gold spans name (a span may name several; counted once per posting).
        let mut named = BTreeSet::new();
        for span in gold {
            // The source re-joined tokens with spaces: ". NET" was ".NET".
            let span = span.replace(". NET", ".NET");
            let doc = Document::parse(&span);
            for m in scorer.matcher().find(&doc) {
                if m.excluded.is_none() {
                    named.insert(t.skills()[m.skill].id.clone());
                }
            }
        }
        for id in &named {
            total += 1;
            match job.priority_of(id) {
                Some(p) => {
                    found_any += 1;
                    if p > Priority::Mentioned {
                        found_asked += 1;
                    }
                }
                None => missed.push(format!("{}: {id}", p.id)),
            }
        }
        for r in job
            .requirements
            .iter()
            .filter(|r| r.priority > Priority::Mentioned)
        {
            asked_total += 1;
            if r.options.iter().any(|o| named.contains(o)) {
                asked_in_gold += 1;
            }
        }
    }
    let pct = |a: usize, b: usize| 100.0 * a as f64 / b.max(1) as f64;
    eprintln!(
        "gold knowledge spans naming a taxonomy skill: {total} (posting, skill) pairs; \
         found {found_any} ({:.1}%), as required or preferred {found_asked} ({:.1}%)",
        pct(found_any, total),
        pct(found_asked, total)
    );
    eprintln!(
        "required/preferred requirements named by some gold span: {asked_in_gold} of {asked_total} ({:.1}%)",
        pct(asked_in_gold, asked_total)
    );
    eprintln!("missed: {missed:?}");
    assert!(total >= 20, "too few gold spans name a skill: {total}");
    assert!(
        found_any * 100 >= total * 85,
        "recall {:.1}% is below 85%: {missed:?}",
        pct(found_any, total)
    );
}
