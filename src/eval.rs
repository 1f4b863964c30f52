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
//! (evidenced, claimed or weak: not when the resume says it is being learned,
//! planned or lacking — those mentions are excluded from the report).
//!
//! The double-labelled format (`jsonresume/labels.json`) is read too: `years`
//! and the levels may be lists (one answer per labeller; any of them counts as
//! right), `backend_level_ok` (the level a backend hiring manager would hire
//! at) takes precedence over `level_ok`/`level`, `ignore` lists skills not
//! counted either way, and `as_of` (`YYYY-MM`) is the month "Present" means for
//! that resume (the caller scores with it; without it, its own default).
//!
//! ```
//! use skillgap::eval::Labels;
//! let labels: Labels = serde_json::from_str(r#"{"vocabulary": ["go"], "resumes": [
//!   {"file": "a.txt", "skills": ["go"], "level": "mid", "years": 3},
//!   {"file": "b.txt", "as_of": "2021-06", "years": [6.5, 6.4],
//!    "level_ok": ["lead"], "backend_level_ok": ["senior", "lead"], "ignore": ["docker"]}
//! ]}"#).unwrap();
//! assert_eq!(labels.resumes[0].levels(), ["mid"]);
//! assert_eq!(labels.resumes[1].levels(), ["senior", "lead"]);
//! assert_eq!(labels.resumes[1].years, [6.5, 6.4]);
//! ```

use crate::report::Report;
use crate::text::YearMonth;
use serde::{Deserialize, Deserializer, Serialize};
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
    /// Skill ids not counted either way (labellers disagreed, or borderline).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ignore: Vec<String>,
    /// The labelled level(s): empty for none (e.g. not a software resume).
    #[serde(default, deserialize_with = "one_or_many")]
    pub level: Vec<String>,
    /// The career stage, when labelled apart from `level`.
    #[serde(
        default,
        deserialize_with = "one_or_many",
        skip_serializing_if = "Option::is_none"
    )]
    pub level_ok: Option<Vec<String>>,
    /// The level a backend hiring manager would hire at; when present (even
    /// empty: no backend evidence) it is the level measured.
    #[serde(
        default,
        deserialize_with = "one_or_many",
        skip_serializing_if = "Option::is_none"
    )]
    pub backend_level_ok: Option<Vec<String>>,
    /// Years of professional experience, one per labeller; empty if unlabelled.
    #[serde(default, deserialize_with = "one_or_many")]
    pub years: Vec<f64>,
    /// The role(s) the career is closest to (`backend`, `frontend`, `devops`,
    /// `non-software`, ...; see [`ROLE_GROUPS`]); measured by [`evaluate_roles`].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub role_ok: Vec<String>,
    /// The month "Present" means for this resume (`"YYYY-MM"` in the file).
    #[serde(
        default,
        deserialize_with = "month",
        serialize_with = "month_out",
        skip_serializing_if = "Option::is_none"
    )]
    pub as_of: Option<YearMonth>,
}

impl LabelledResume {
    /// The levels that count as right for the estimate: `backend_level_ok`
    /// when labelled, else `level_ok`, else `level`; empty means no level.
    pub fn levels(&self) -> &[String] {
        self.backend_level_ok
            .as_deref()
            .or(self.level_ok.as_deref())
            .unwrap_or(&self.level)
    }
}

fn month<'de, D: Deserializer<'de>>(d: D) -> Result<Option<YearMonth>, D::Error> {
    match Option::<String>::deserialize(d)? {
        None => Ok(None),
        Some(s) => YearMonth::parse(&s).map(Some).ok_or_else(|| {
            serde::de::Error::custom(format!("as_of `{s}` is not a month (YYYY-MM)"))
        }),
    }
}

fn month_out<S: serde::Serializer>(m: &Option<YearMonth>, s: S) -> Result<S::Ok, S::Error> {
    match m {
        Some(m) => s.collect_str(m),
        None => s.serialize_none(),
    }
}

/// `null`, one value or a list of values, as a list (or `Option` of one).
fn one_or_many<'de, D, T, C>(d: D) -> Result<C, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
    C: From<Vec<T>>,
{
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum OneOrMany<T> {
        Many(Vec<T>),
        One(T),
        None,
    }
    let v = match Option::<OneOrMany<T>>::deserialize(d)? {
        None | Some(OneOrMany::None) => Vec::new(),
        Some(OneOrMany::One(t)) => vec![t],
        Some(OneOrMany::Many(v)) => v,
    };
    Ok(C::from(v))
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
    /// Mean absolute error in years (to the nearest labeller's answer).
    pub mean_abs_error: f64,
    /// Share within one year of the label.
    pub within_one_year: f64,
    /// Share within one and a half years of the label.
    pub within_1_5_years: f64,
}

/// What was estimated for one resume, next to its labels.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ResumeResult {
    /// The resume file, as written in the labels.
    pub file: String,
    /// Labelled levels (any counts as right; empty: none).
    pub level: Vec<String>,
    /// Estimated level.
    pub estimated_level: Option<String>,
    /// Labelled years (one per labeller).
    pub years: Vec<f64>,
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
    /// Role fit against `role_ok` labels ([`evaluate_roles`]); absent when no
    /// resume has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub roles: Option<RoleAgreement>,
}

/// How `role_ok` labels are measured: a labelled role, the group it is counted
/// in, and the ranked role ids that count as right when first or second.
pub const ROLE_GROUPS: &[(&str, &str, &[&str])] = &[
    (
        "backend",
        "backend",
        &["backend-developer", "software-developer"],
    ),
    (
        "full-stack",
        "full-stack",
        &["full-stack-developer", "software-developer"],
    ),
    (
        "frontend",
        "frontend",
        &["frontend-developer", "full-stack-developer"],
    ),
    (
        "devops",
        "devops/cloud",
        &["devops-engineer", "cloud-engineer"],
    ),
    (
        "cloud",
        "devops/cloud",
        &["devops-engineer", "cloud-engineer"],
    ),
    ("dba", "dba", &["database-administrator"]),
];

/// The `role_ok` label of people outside software.
pub const NON_SOFTWARE: &str = "non-software";

/// Every role's fit must stay below this for a non-software resume (issue 17).
pub const NON_SOFTWARE_MAX_FIT: f64 = 40.0;

/// Role-fit agreement with `role_ok` labels.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default)]
pub struct RoleAgreement {
    /// Per group of [`ROLE_GROUPS`]: resumes, and how many ranked an accepted
    /// role first or second, and first.
    pub groups: BTreeMap<String, RoleGroupAgreement>,
    /// Non-software resumes: how many fit every role below [`NON_SOFTWARE_MAX_FIT`].
    pub non_software: NonSoftwareAgreement,
    /// Every resume counted wrong, with its three best roles.
    pub misses: Vec<RoleMiss>,
}

/// One role group's agreement.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default)]
pub struct RoleGroupAgreement {
    /// Resumes labelled with a role of the group.
    pub resumes: usize,
    /// Of them, an accepted role ranked first or second.
    pub top2: usize,
    /// Of them, an accepted role ranked first.
    pub first: usize,
}

/// The non-software resumes' agreement.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default)]
pub struct NonSoftwareAgreement {
    /// Resumes labelled `non-software`.
    pub resumes: usize,
    /// Of them, every role's fit below [`NON_SOFTWARE_MAX_FIT`].
    pub below: usize,
    /// Each one's highest fit, ascending.
    pub highest: Vec<f64>,
}

/// A resume whose ranking disagrees with its `role_ok` label.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct RoleMiss {
    /// The file, as labelled.
    pub file: String,
    /// Its `role_ok` labels.
    pub labelled: Vec<String>,
    /// Its three best roles, `(id, fit)`.
    pub ranked: Vec<(String, f64)>,
}

/// Compares role rankings with `role_ok` labels: `fits[i]` ranks the roles for
/// `labels.resumes[i]`. `None` when no resume has a `role_ok` label. A resume
/// with several labels counts once in each of their groups.
///
/// ```
/// use skillgap::eval::{evaluate_roles, Labels};
/// use skillgap::fit::{Fit, RoleFit};
/// let labels: Labels = serde_json::from_str(r#"{"vocabulary": [], "resumes": [
///   {"file": "a.txt", "role_ok": ["frontend"]}, {"file": "b.txt", "role_ok": ["non-software"]}]}"#).unwrap();
/// let role = |id: &str, fit| RoleFit { id: id.into(), name: id.into(), fit,
///     estimated_level: None, readiness: vec![], top_gaps: vec![], plan: None };
/// let fits = [
///     Fit { schema_version: 1, roles: vec![role("backend-developer", 70.0), role("full-stack-developer", 65.0)], distance: None },
///     Fit { schema_version: 1, roles: vec![role("software-developer", 41.0)], distance: None },
/// ];
/// let r = evaluate_roles(&labels, &fits).unwrap();
/// assert_eq!((r.groups["frontend"].top2, r.groups["frontend"].first), (1, 0));
/// assert_eq!((r.non_software.resumes, r.non_software.below), (1, 0));
/// assert_eq!(r.misses.len(), 1);
/// ```
pub fn evaluate_roles(labels: &Labels, fits: &[crate::fit::Fit]) -> Option<RoleAgreement> {
    if labels.resumes.iter().all(|r| r.role_ok.is_empty()) {
        return None;
    }
    let mut out = RoleAgreement::default();
    for (label, fit) in labels.resumes.iter().zip(fits) {
        if label.role_ok.is_empty() {
            continue;
        }
        let ranked: Vec<&str> = fit.roles.iter().map(|r| r.id.as_str()).collect();
        let mut wrong = false;
        if label.role_ok.iter().any(|l| l == NON_SOFTWARE) {
            let top = fit.roles.iter().map(|r| r.fit).fold(0.0, f64::max);
            let n = &mut out.non_software;
            n.resumes += 1;
            n.highest.push(top);
            if top < NON_SOFTWARE_MAX_FIT {
                n.below += 1;
            } else {
                wrong = true;
            }
        } else {
            let groups: BTreeSet<&str> = label
                .role_ok
                .iter()
                .filter_map(|l| ROLE_GROUPS.iter().find(|g| g.0 == l))
                .map(|g| g.1)
                .collect();
            for group in groups {
                let accepted: BTreeSet<&str> = ROLE_GROUPS
                    .iter()
                    .filter(|g| g.1 == group && label.role_ok.iter().any(|l| l == g.0))
                    .flat_map(|g| g.2.iter().copied())
                    .collect();
                let g = out.groups.entry(group.to_string()).or_default();
                g.resumes += 1;
                if ranked.iter().take(2).any(|id| accepted.contains(id)) {
                    g.top2 += 1;
                } else {
                    wrong = true;
                }
                if ranked.first().is_some_and(|id| accepted.contains(id)) {
                    g.first += 1;
                }
            }
        }
        if wrong {
            out.misses.push(RoleMiss {
                file: label.file.clone(),
                labelled: label.role_ok.clone(),
                ranked: fit
                    .roles
                    .iter()
                    .take(3)
                    .map(|r| (r.id.clone(), r.fit))
                    .collect(),
            });
        }
    }
    out.non_software.highest.sort_by(f64::total_cmp);
    Some(out)
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
    let (mut years_n, mut years_err, mut years_close, mut years_close_1_5) =
        (0usize, 0.0, 0usize, 0usize);
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
        let ignored: BTreeSet<&str> = label.ignore.iter().map(String::as_str).collect();
        let found: BTreeSet<&str> = found.difference(&ignored).copied().collect();
        let truth: BTreeSet<&str> = truth.difference(&ignored).copied().collect();
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
            level: label.levels().to_vec(),
            estimated_level: report.estimated_level.clone(),
            years: label.years.clone(),
            years_found: report.experience.years,
            levels: report.levels.clone(),
        });
        let ok = label.levels();
        if ok.is_empty() {
            levels.unlabelled += 1;
            levels.unlabelled_above_first += usize::from(rank(estimated) > 0);
        } else {
            levels.labelled += 1;
            let b = rank(estimated);
            let distance = ok
                .iter()
                .map(|l| (rank(Some(l)) - b).abs())
                .min()
                .unwrap_or(i64::MAX);
            levels.exact += usize::from(distance == 0);
            levels.within_one += usize::from(distance <= 1);
            // The confusion row is the label nearest to the estimate.
            let nearest = ok
                .iter()
                .min_by_key(|l| (rank(Some(l)) - b).abs())
                .expect("not empty");
            *levels
                .confusion
                .entry(nearest.clone())
                .or_default()
                .entry(estimated.unwrap_or("none").to_string())
                .or_default() += 1;
        }
        let nearest_years = label
            .years
            .iter()
            .map(|y| (report.experience.years - y).abs())
            .reduce(f64::min);
        if let Some(e) = nearest_years {
            years_n += 1;
            years_err += e;
            years_close += usize::from(e <= 1.0 + 1e-9);
            years_close_1_5 += usize::from(e <= 1.5 + 1e-9);
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
            within_1_5_years: if years_n == 0 {
                1.0
            } else {
                round3(years_close_1_5 as f64 / years_n as f64)
            },
        },
        errors,
        per_resume,
        roles: None,
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
                    ignore: vec![],
                    level: vec!["junior".into()],
                    level_ok: None,
                    backend_level_ok: None,
                    years: vec![],
                    as_of: None,
                    role_ok: vec![],
                },
                LabelledResume {
                    file: "b.txt".into(),
                    skills: vec!["java".into()],
                    ignore: vec![],
                    level: vec![],
                    level_ok: None,
                    backend_level_ok: None,
                    years: vec![0.0],
                    as_of: None,
                    role_ok: vec![],
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
