//! Accuracy against hand labels: precision, recall and F1 per skill, level
//! agreement, and every error with the line that caused it. No I/O: the caller
//! reads the labels file and the resumes.
//!
//! The labels format (`labels.json`):
//!
//! ```json
//! {
//!   "vocabulary": ["sql", "postgresql", "java"],
//!   "resumes": [
//!     {"file": "resumes/012.txt", "skills": ["java", "sql"], "level": "junior", "years": 1.5}
//!   ]
//! }
//! ```
//!
//! `file` is relative to the labels file; `skills` are ids from `vocabulary`
//! (only those are scored); `level` (a level id or `null`) and `years` are
//! optional. A skill counts as found when the report lists it with any status
//! (evidenced, claimed or weak).

use crate::report::Report;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// A labels file.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Labels {
    /// The skill ids that are labelled; others are ignored.
    pub vocabulary: Vec<String>,
    /// One entry per resume.
    pub resumes: Vec<LabelledResume>,
}

/// The labels of one resume.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct LabelledResume {
    /// Path relative to the labels file.
    pub file: String,
    /// Skill ids the resume names or shows.
    #[serde(default)]
    pub skills: Vec<String>,
    /// The labelled level, or `None` (e.g. not a software resume).
    #[serde(default)]
    pub level: Option<String>,
    /// Years of professional experience, if labelled.
    #[serde(default)]
    pub years: Option<f64>,
}

/// Counts and scores for one skill, or for all of them.
#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize, PartialEq)]
pub struct Counts {
    /// Found and labelled.
    pub tp: usize,
    /// Found, not labelled.
    pub fp: usize,
    /// Labelled, not found.
    pub fn_: usize,
    /// tp / (tp + fp), 1 when nothing was found.
    pub precision: f64,
    /// tp / (tp + fn), 1 when nothing was labelled.
    pub recall: f64,
    /// Harmonic mean of precision and recall.
    pub f1: f64,
}

impl Counts {
    fn finish(mut self) -> Counts {
        let p = if self.tp + self.fp == 0 {
            1.0
        } else {
            self.tp as f64 / (self.tp + self.fp) as f64
        };
        let r = if self.tp + self.fn_ == 0 {
            1.0
        } else {
            self.tp as f64 / (self.tp + self.fn_) as f64
        };
        self.precision = round3(p);
        self.recall = round3(r);
        self.f1 = round3(if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        });
        self
    }
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// A false positive or false negative.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct EvalError {
    /// The resume file, as written in the labels.
    pub file: String,
    /// The skill id.
    pub skill: String,
    /// `fp` (found, not labelled) or `fn` (labelled, not found).
    pub kind: String,
    /// For false positives: where the evidence was (line and text).
    pub lines: Vec<(usize, String)>,
    /// For false negatives: mentions that were excluded (negated, no context...), if any.
    pub excluded: Vec<(usize, String)>,
}

/// Level agreement over resumes labelled with a level.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct LevelAgreement {
    /// Resumes with a level label.
    pub labelled: usize,
    /// Estimated level equals the label.
    pub exact: usize,
    /// Estimated level within one step (no level counts as one below the first).
    pub within_one: usize,
    /// `confusion[label][estimated]` counts (`none` for no level).
    pub confusion: BTreeMap<String, BTreeMap<String, usize>>,
    /// Resumes labelled with no level for which a level above the first was estimated.
    pub unlabelled_above_first: usize,
    /// Resumes labelled with no level.
    pub unlabelled: usize,
}

/// Years agreement over resumes labelled with years.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct YearsAgreement {
    /// Resumes with a years label.
    pub labelled: usize,
    /// Mean absolute error in years.
    pub mean_abs_error: f64,
    /// Share within one year of the label.
    pub within_one_year: f64,
}

/// What was estimated for one resume, next to its labels.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ResumeResult {
    /// The resume file, as written in the labels.
    pub file: String,
    /// Labelled level.
    pub level: Option<String>,
    /// Estimated level.
    pub estimated_level: Option<String>,
    /// Labelled years.
    pub years: Option<f64>,
    /// Years found.
    pub years_found: f64,
    /// Readiness per level, lowest first, with its components.
    pub levels: Vec<crate::report::LevelReadiness>,
}

/// The whole evaluation.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Evaluation {
    /// Resumes scored.
    pub resumes: usize,
    /// Micro-averaged counts over all skills of the vocabulary.
    pub micro: Counts,
    /// Macro-averaged F1 over skills that were labelled or found at least once.
    pub macro_f1: f64,
    /// Per skill, in vocabulary order.
    pub per_skill: BTreeMap<String, Counts>,
    /// Level agreement.
    pub levels: LevelAgreement,
    /// Years agreement.
    pub years: YearsAgreement,
    /// Every error, by file then skill.
    pub errors: Vec<EvalError>,
    /// Per resume: levels and years, estimated and labelled.
    pub per_resume: Vec<ResumeResult>,
}

/// Compares reports with labels. `reports[i]` is the report of `labels.resumes[i]`;
/// `level_order` lists level ids lowest first.
pub fn evaluate(labels: &Labels, reports: &[Report], level_order: &[&str]) -> Evaluation {
    let vocab: BTreeSet<&str> = labels.vocabulary.iter().map(String::as_str).collect();
    let mut per_skill: BTreeMap<String, Counts> = labels
        .vocabulary
        .iter()
        .map(|v| (v.clone(), Counts::default()))
        .collect();
    let mut errors = Vec::new();
    let mut levels = LevelAgreement::default();
    let mut per_resume = Vec::with_capacity(reports.len());
    let (mut years_n, mut years_err, mut years_close) = (0usize, 0.0, 0usize);
    let rank = |l: Option<&str>| -> i64 {
        match l {
            None => -1,
            Some(id) => level_order
                .iter()
                .position(|x| *x == id)
                .map_or(-1, |p| p as i64),
        }
    };
    for (label, report) in labels.resumes.iter().zip(reports) {
        let found: BTreeSet<&str> = report
            .skills
            .iter()
            .map(|s| s.id.as_str())
            .filter(|id| vocab.contains(id))
            .collect();
        let truth: BTreeSet<&str> = label
            .skills
            .iter()
            .map(String::as_str)
            .filter(|id| vocab.contains(id))
            .collect();
        for id in found.union(&truth) {
            let c = per_skill.get_mut(*id).expect("vocabulary skill");
            match (found.contains(id), truth.contains(id)) {
                (true, true) => c.tp += 1,
                (true, false) => {
                    c.fp += 1;
                    let lines = report
                        .skill(id)
                        .map(|s| {
                            s.evidence
                                .iter()
                                .map(|e| (e.line, e.text.clone()))
                                .collect()
                        })
                        .unwrap_or_default();
                    errors.push(EvalError {
                        file: label.file.clone(),
                        skill: id.to_string(),
                        kind: "fp".into(),
                        lines,
                        excluded: Vec::new(),
                    });
                }
                (false, true) => {
                    c.fn_ += 1;
                    let excluded = report
                        .excluded
                        .iter()
                        .filter(|x| x.skill == *id)
                        .map(|x| (x.line, format!("{:?}: {}", x.reason, x.text)))
                        .collect();
                    errors.push(EvalError {
                        file: label.file.clone(),
                        skill: id.to_string(),
                        kind: "fn".into(),
                        lines: Vec::new(),
                        excluded,
                    });
                }
                (false, false) => {}
            }
        }
        let estimated = report.estimated_level.as_deref();
        per_resume.push(ResumeResult {
            file: label.file.clone(),
            level: label.level.clone(),
            estimated_level: report.estimated_level.clone(),
            years: label.years,
            years_found: report.experience.years,
            levels: report.levels.clone(),
        });
        match &label.level {
            Some(l) => {
                levels.labelled += 1;
                let (a, b) = (rank(Some(l)), rank(estimated));
                levels.exact += usize::from(a == b);
                levels.within_one += usize::from((a - b).abs() <= 1);
                *levels
                    .confusion
                    .entry(l.clone())
                    .or_default()
                    .entry(estimated.unwrap_or("none").to_string())
                    .or_default() += 1;
            }
            None => {
                levels.unlabelled += 1;
                levels.unlabelled_above_first += usize::from(rank(estimated) > 0);
            }
        }
        if let Some(y) = label.years {
            years_n += 1;
            let e = (report.experience.years - y).abs();
            years_err += e;
            years_close += usize::from(e <= 1.0);
        }
    }
    let mut micro = Counts::default();
    for c in per_skill.values_mut() {
        micro.tp += c.tp;
        micro.fp += c.fp;
        micro.fn_ += c.fn_;
        *c = c.finish();
    }
    let active: Vec<f64> = per_skill
        .values()
        .filter(|c| c.tp + c.fp + c.fn_ > 0)
        .map(|c| c.f1)
        .collect();
    let macro_f1 = if active.is_empty() {
        1.0
    } else {
        round3(active.iter().sum::<f64>() / active.len() as f64)
    };
    Evaluation {
        resumes: reports.len(),
        micro: micro.finish(),
        macro_f1,
        per_skill,
        levels,
        years: YearsAgreement {
            labelled: years_n,
            mean_abs_error: if years_n == 0 {
                0.0
            } else {
                round3(years_err / years_n as f64)
            },
            within_one_year: if years_n == 0 {
                1.0
            } else {
                round3(years_close as f64 / years_n as f64)
            },
        },
        errors,
        per_resume,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Scorer, Taxonomy};

    #[test]
    fn counts_and_errors() {
        let scorer = Scorer::new(Taxonomy::builtin());
        let reports = vec![
            scorer.score("SKILLS\nPython, Docker\n"),
            scorer.score("SKILLS\nJava\n"),
        ];
        let labels = Labels {
            vocabulary: vec!["python".into(), "docker".into(), "java".into(), "go".into()],
            resumes: vec![
                LabelledResume {
                    file: "a.txt".into(),
                    skills: vec!["python".into(), "go".into()],
                    level: Some("junior".into()),
                    years: None,
                },
                LabelledResume {
                    file: "b.txt".into(),
                    skills: vec!["java".into()],
                    level: None,
                    years: Some(0.0),
                },
            ],
        };
        let e = evaluate(&labels, &reports, &["junior", "mid"]);
        assert_eq!((e.micro.tp, e.micro.fp, e.micro.fn_), (2, 1, 1));
        assert_eq!(e.micro.precision, 0.667);
        assert_eq!(e.per_skill["docker"].fp, 1);
        assert_eq!(e.per_skill["go"].fn_, 1);
        let kinds: Vec<(&str, &str)> = e
            .errors
            .iter()
            .map(|x| (x.skill.as_str(), x.kind.as_str()))
            .collect();
        assert_eq!(kinds, [("docker", "fp"), ("go", "fn")]);
        assert_eq!(e.errors[0].lines, [(2, "Python, Docker".to_string())]);
        assert_eq!(e.levels.labelled, 1);
        assert_eq!(e.years.labelled, 1);
    }
}
