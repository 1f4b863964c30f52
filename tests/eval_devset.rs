//! Accuracy on the development set in `../shared/eval/` (not part of this
//! repository: it holds real resumes). Skips with a message when absent.
//! The floors are a little under the measured numbers in `docs/ACCURACY.md`,
//! so a change that loses accuracy fails here.
#![cfg(feature = "extract")]

use skillgap::eval::{evaluate, Labels};
use skillgap::extract::{from_path, Limits};
use skillgap::{Scorer, Taxonomy};
use std::path::Path;

#[test]
fn development_set_accuracy_does_not_regress() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval");
    let labels_path = dir.join("labels.json");
    if !labels_path.exists() {
        eprintln!("skipped: {} is absent", labels_path.display());
        return;
    }
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
    let e = evaluate(&labels, &reports, &levels);
    assert!(e.micro.precision >= 0.98, "precision {}", e.micro.precision);
    assert!(e.micro.recall >= 0.97, "recall {}", e.micro.recall);
    assert!(e.micro.f1 >= 0.97, "F1 {}", e.micro.f1);
    let within = e.levels.within_one as f64 / e.levels.labelled as f64;
    assert!(within >= 0.83, "levels within one {within}");
    assert_eq!(
        e.levels.unlabelled_above_first, 0,
        "a non-software resume got a level above junior"
    );
    assert!(
        e.years.within_one_year >= 0.85,
        "years within one {}",
        e.years.within_one_year
    );
}
