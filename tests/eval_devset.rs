//! Accuracy on the development sets in `../shared/eval/` (not part of this
//! repository: they hold real resumes). Skips with a message when absent.
//! The floors are a little under the measured numbers in `docs/ACCURACY.md`,
//! so a change that loses accuracy fails here.
#![cfg(feature = "extract")]

use skillgap::eval::{evaluate, Evaluation, Labels};
use skillgap::extract::{from_path, Limits};
use skillgap::{Scorer, Taxonomy};
use std::path::Path;

/// Scores every resume of a labels file, "Present" as of each resume's
/// `as_of`; `None` (with the reason printed) when the set is absent.
fn evaluate_set(relative: &str) -> Option<Evaluation> {
    let labels_path = Path::new(env!("CARGO_MANIFEST_DIR")).join(relative);
    if !labels_path.exists() {
        eprintln!("skipped: {} is absent", labels_path.display());
        return None;
    }
    let dir = labels_path.parent().unwrap();
    let labels: Labels =
        serde_json::from_str(&std::fs::read_to_string(&labels_path).unwrap()).unwrap();
    let scorer = Scorer::new(Taxonomy::builtin());
    let reports: Vec<_> = labels
        .resumes
        .iter()
        .map(|r| {
            let doc = from_path(&dir.join(&r.file), &Limits::default()).unwrap();
            match r.as_of {
                Some(month) => scorer.score_at(&doc.text, month),
                None => scorer.score(&doc.text),
            }
        })
        .collect();
    let levels = ["junior", "mid", "senior", "lead", "architect"];
    Some(evaluate(&labels, &reports, &levels))
}

fn share(n: usize, d: usize) -> f64 {
    n as f64 / d as f64
}

#[test]
fn development_set_accuracy_does_not_regress() {
    let Some(e) = evaluate_set("../shared/eval/labels.json") else {
        return;
    };
    assert!(e.micro.precision >= 0.98, "precision {}", e.micro.precision);
    assert!(e.micro.recall >= 0.97, "recall {}", e.micro.recall);
    assert!(e.micro.f1 >= 0.97, "F1 {}", e.micro.f1);
    let within = share(e.levels.within_one, e.levels.labelled);
    assert!(within >= 0.85, "levels within one {within}");
    let exact = share(e.levels.exact, e.levels.labelled);
    assert!(exact >= 0.44, "levels exact {exact}");
    assert_eq!(
        e.levels.unlabelled_above_first, 0,
        "a non-software resume got a level above junior"
    );
    assert!(
        e.years.within_1_5_years >= 0.93,
        "years within 1.5 {}",
        e.years.within_1_5_years
    );
}

#[test]
fn jsonresume_set_accuracy_does_not_regress() {
    let Some(e) = evaluate_set("../shared/eval/jsonresume/labels.json") else {
        return;
    };
    assert!(e.micro.precision >= 0.98, "precision {}", e.micro.precision);
    assert!(e.micro.recall >= 0.98, "recall {}", e.micro.recall);
    let within = share(e.levels.within_one, e.levels.labelled);
    assert!(within >= 0.89, "levels within one {within}");
    let exact = share(e.levels.exact, e.levels.labelled);
    assert!(exact >= 0.67, "levels exact {exact}");
    assert_eq!(
        e.levels.unlabelled_above_first, 0,
        "a non-software resume got a level above junior"
    );
    assert!(
        e.years.within_1_5_years >= 0.9,
        "years within 1.5 {}",
        e.years.within_1_5_years
    );
}

#[test]
fn jsonresume_set_role_fit_meets_issue_17() {
    let labels_path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/jsonresume/labels.json");
    if !labels_path.exists() {
        eprintln!("skipped: {} is absent", labels_path.display());
        return;
    }
    let dir = labels_path.parent().unwrap();
    let labels: Labels =
        serde_json::from_str(&std::fs::read_to_string(&labels_path).unwrap()).unwrap();
    let scorers: Vec<Scorer> = Taxonomy::builtin_roles()
        .into_iter()
        .map(Scorer::new)
        .collect();
    let fits: Vec<_> = labels
        .resumes
        .iter()
        .map(|r| {
            let doc = from_path(&dir.join(&r.file), &Limits::default()).unwrap();
            skillgap::fit::fit_at(&scorers, &doc.text, r.as_of.unwrap())
        })
        .collect();
    let r = skillgap::eval::evaluate_roles(&labels, &fits).unwrap();
    for (group, g) in &r.groups {
        let top2 = share(g.top2, g.resumes);
        assert!(top2 >= 0.85, "{group}: 1st or 2nd {top2} ({:?})", r.misses);
    }
    assert_eq!(
        r.non_software.below, r.non_software.resumes,
        "non-software fits {:?}",
        r.non_software.highest
    );
}
