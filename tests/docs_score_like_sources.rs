//! A resume's PDF and DOCX versions score like the source they were made from
//! (`fixtures/docs/src/`, see `fixtures/docs/README.md`): the same estimated
//! level, the same skills with the same status, the same years.
//!
//! Where they do not, the difference is listed in the case with its cause, so
//! that it is a known, reviewed fact rather than noise; when a fix removes one,
//! the test says which line of the list to drop.
#![cfg(feature = "extract")]

use skillgap::extract::{from_path, Limits};
mod common;

use common::scorer;
use skillgap::{Report, Scorer, Status};
use std::collections::BTreeSet;
use std::path::Path;

/// How much of a finding is compared.
#[derive(Clone, Copy, PartialEq)]
enum Compare {
    /// Skill ids and their status (evidenced, claimed, weak): the source is
    /// text or HTML, with the same sections as the document.
    IdAndStatus,
    /// Skill ids only: the source is LaTeX, read here as plain text, so its
    /// `\section` headings are not sections and statuses cannot agree.
    Id,
}

struct Case {
    source: &'static str,
    document: &'static str,
    compare: Compare,
    /// Findings only the source has (`id:status`, or `id` with [`Compare::Id`]).
    only_in_source: &'static [&'static str],
    /// Findings only the document has.
    only_in_document: &'static [&'static str],
    /// Years of experience (source, document) when they differ.
    years_differ: Option<(f64, f64)>,
}

const CASES: &[Case] = &[
    Case {
        source: "src/daniel-okafor-java.html",
        document: "one-column-libreoffice.pdf",
        compare: Compare::IdAndStatus,
        // "serving 3 million requests a day" is wrapped after "million" in the PDF, and the
        // scaling pattern does not match across the line break.
        only_in_source: &["scaling:evidenced"],
        only_in_document: &[],
        years_differ: None,
    },
    Case {
        source: "src/daniel-okafor-java.html",
        document: "owner-password-only.pdf",
        compare: Compare::IdAndStatus,
        // The same PDF as one-column-libreoffice.pdf, encrypted with an owner password only.
        only_in_source: &["scaling:evidenced"],
        only_in_document: &[],
        years_differ: None,
    },
    Case {
        source: "src/daniel-okafor-java.html",
        document: "table-and-bullets.docx",
        compare: Compare::IdAndStatus,
        only_in_source: &[],
        only_in_document: &[],
        years_differ: None,
    },
    Case {
        source: "src/daniel-okafor-java.html",
        document: "really-docx.pdf",
        compare: Compare::IdAndStatus,
        only_in_source: &[],
        only_in_document: &[],
        years_differ: None,
    },
    Case {
        source: "src/maria-lindqvist-two-column.html",
        document: "two-column-letter-spaced.pdf",
        compare: Compare::IdAndStatus,
        only_in_source: &[],
        only_in_document: &[],
        // The PDF loses the "2016–2020" range of the earlier role: only "2020–present" is read
        // as an Experience range, and the stated "eight years" wins over 6.4 years of dates.
        years_differ: Some((10.4, 8.0)),
    },
    Case {
        source: "src/kenji-watanabe-devops.txt",
        document: "ghostscript-quote-operator.pdf",
        compare: Compare::IdAndStatus,
        only_in_source: &[],
        only_in_document: &[],
        years_differ: None,
    },
    Case {
        source: "src/arjun-mehta-ligatures.tex",
        document: "latex-ligatures.pdf",
        compare: Compare::Id,
        only_in_source: &[],
        only_in_document: &[],
        years_differ: None,
    },
    Case {
        source: "src/sofia-marquez-long-cv.tex",
        document: "four-pages-running-header-footer.pdf",
        compare: Compare::Id,
        // The source writes the dash of "Solutions Architect -- Professional" as LaTeX `--`,
        // which the Professional alias does not match; the PDF has the en dash.
        only_in_source: &["aws-solutions-architect"],
        // "Confluent Certified Developer for Apache / Kafka" is wrapped after "Apache" in the PDF:
        // "Apache" alone at the end of the line is read as the Apache HTTP Server.
        only_in_document: &["apache-httpd", "aws-solutions-architect-professional"],
        years_differ: None,
    },
];

fn score(scorer: &Scorer, name: &str) -> Report {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/docs")
        .join(name);
    let doc = from_path(&path, &Limits::default()).unwrap_or_else(|e| panic!("{name}: {e}"));
    scorer.score(&doc.text)
}

fn findings(report: &Report, compare: Compare) -> BTreeSet<String> {
    report
        .skills
        .iter()
        .map(|s| match compare {
            Compare::IdAndStatus => format!("{}:{}", s.id, status(s.status)),
            Compare::Id => s.id.clone(),
        })
        .collect()
}

fn status(s: Status) -> &'static str {
    match s {
        Status::Evidenced => "evidenced",
        Status::Claimed => "claimed",
        Status::Weak => "weak",
    }
}

fn listed(list: &[&str]) -> BTreeSet<String> {
    list.iter().map(|s| s.to_string()).collect()
}

#[test]
fn pdf_and_docx_score_like_their_source() {
    let scorer = scorer();
    let mut failures = Vec::new();
    for case in CASES {
        let (source, document) = (score(scorer, case.source), score(scorer, case.document));
        let name = format!("{} vs {}", case.document, case.source);
        if source.estimated_level != document.estimated_level {
            failures.push(format!(
                "{name}: estimated level {:?} vs {:?}",
                document.estimated_level, source.estimated_level
            ));
        }
        let (s, d) = (
            findings(&source, case.compare),
            findings(&document, case.compare),
        );
        let only_source: BTreeSet<String> = s.difference(&d).cloned().collect();
        let only_document: BTreeSet<String> = d.difference(&s).cloned().collect();
        if only_source != listed(case.only_in_source) {
            failures.push(format!(
                "{name}: only in the source {only_source:?}, listed {:?}",
                case.only_in_source
            ));
        }
        if only_document != listed(case.only_in_document) {
            failures.push(format!(
                "{name}: only in the document {only_document:?}, listed {:?}",
                case.only_in_document
            ));
        }
        let years = (source.experience.years, document.experience.years);
        let same = (years.0 - years.1).abs() < 0.05;
        match case.years_differ {
            None if !same => failures.push(format!("{name}: years {years:?} differ")),
            Some(listed)
                if (listed.0 - years.0).abs() > 0.05 || (listed.1 - years.1).abs() > 0.05 =>
            {
                failures.push(format!("{name}: years {years:?}, listed {listed:?}"))
            }
            _ => {}
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn every_source_has_a_case() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/docs/src");
    for entry in std::fs::read_dir(dir).unwrap() {
        let name = format!("src/{}", entry.unwrap().file_name().to_string_lossy());
        // The encodings source has text fixtures only; tests/extract.rs compares them.
        if name == "src/zoe-brennan-encodings.txt" {
            continue;
        }
        assert!(
            CASES.iter().any(|c| c.source == name),
            "{name} has no case in {}",
            file!()
        );
    }
}
