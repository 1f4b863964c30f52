//! Career fit: one resume against several role profiles.
//!
//! [`fit`] scores one text with several [`Scorer`]s (one per role, usually
//! [`Taxonomy::builtin_roles`](crate::Taxonomy::builtin_roles)) and ranks the
//! roles by [`role_fit`]. No I/O: text in, [`Fit`] out.
//!
//! **Fit** (0–100) combines three measures:
//!
//! - **breadth**: the importance-weighted share of the role's competencies the
//!   resume evidences. Each competency weighs by its `importance` (high 3,
//!   medium-high 2, medium 1), doubled when it is `core` to the role, and earns
//!   credit 1 when evidenced (used on an Experience or Projects line), 2/3 when
//!   only claimed, 1/3 when hedged, 0 when absent.
//! - **coverage**: the share of the resume's role-relevant skills that this role's
//!   competencies name. Role-relevant means named by a competency of *any* role
//!   being ranked; each found skill weighs 1 when evidenced, 1/2 when claimed, 1/4
//!   when hedged. A backend resume full of Java, Kafka and SQL touches the
//!   frontend role's JavaScript, but the frontend role explains little of it.
//!
//! - **evidence**: `min(1, lines / settings.fit_evidence_lines)`, where `lines`
//!   counts the distinct Experience lines that evidence a role-relevant skill
//!   (the same for every role). A skills list and a side project with a few
//!   tool words do not make a software career.
//!
//! Fit is `100 × √(breadth × coverage) × evidence`.
//!
//! Breadth and coverage must both be high: breadth alone ranks every broad senior 100 everywhere,
//! coverage alone gives a one-skill resume 100. Fit does not depend on years: it
//! says which role the person's work looks like, while `estimated_level` says how
//! senior they would be hired in it.

use crate::report::{BetterRole, Gap, Report, Status};
use crate::text::{Section, YearMonth};
use crate::{Scorer, Taxonomy};
use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};
use std::collections::HashSet;

/// The version of the `fit` JSON schema.
pub const FIT_SCHEMA_VERSION: u32 = 1;

/// How many gaps each role lists.
pub const TOP_GAPS: usize = 3;

/// Every role's fit for one resume, best first.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Fit {
    /// [`FIT_SCHEMA_VERSION`].
    pub schema_version: u32,
    /// The roles, sorted by `fit` descending (ties keep the scorers' order).
    pub roles: Vec<RoleFit>,
    /// How far the best-fitting role is from the reference role (the first
    /// scorer's: backend for [`Taxonomy::builtin_roles`]); `None` when the
    /// reference role fits best.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub distance: Option<Distance>,
}

/// The distance in skills from the best-fitting role to the reference role:
/// the reference role's competencies the resume does not yet evidence (used on
/// an Experience or Projects line), the most important first. Each is a skill
/// area to show in work before the reference role fits as well.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Distance {
    /// The best-fitting role's id.
    pub from: String,
    /// The reference role's id.
    pub to: String,
    /// How many of the reference role's competencies are not evidenced.
    pub competencies: usize,
    /// Of how many.
    pub of: usize,
    /// Those competencies, weightiest first (importance, doubled when core).
    pub missing: Vec<Named>,
}

/// A competency by id and display name.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Named {
    /// Competency id.
    pub id: String,
    /// Display name.
    pub name: String,
}

impl Distance {
    /// The missing competencies' names, comma-separated (for the formats).
    pub fn names(&self) -> String {
        let names: Vec<&str> = self.missing.iter().map(|m| m.name.as_str()).collect();
        names.join(", ")
    }
}

/// One role's fit.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RoleFit {
    /// The role's taxonomy id, e.g. `frontend-developer`.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Fit 0–100, one decimal (see the module docs).
    pub fit: f64,
    /// The level the person would be hired at in this role, if any.
    pub estimated_level: Option<String>,
    /// Readiness (0–100) per level id, lowest level first.
    #[serde(serialize_with = "ordered_map")]
    pub readiness: Vec<(String, f64)>,
    /// The gaps to the next level, biggest gain first (at most [`TOP_GAPS`]).
    pub top_gaps: Vec<Gap>,
    /// A learning plan toward a level of this role, when one was asked for
    /// (`fit --plan`; see [`crate::plan`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub plan: Option<crate::plan::Plan>,
}

fn ordered_map<S: Serializer>(pairs: &[(String, f64)], s: S) -> Result<S::Ok, S::Error> {
    let mut map = s.serialize_map(Some(pairs.len()))?;
    for (k, v) in pairs {
        map.serialize_entry(k, v)?;
    }
    map.end()
}

impl Fit {
    /// A role by id.
    pub fn role(&self, id: &str) -> Option<&RoleFit> {
        self.roles.iter().find(|r| r.id == id)
    }

    /// The 1-based rank of a role, if present.
    pub fn rank(&self, id: &str) -> Option<usize> {
        self.roles.iter().position(|r| r.id == id).map(|i| i + 1)
    }
}

/// Scores `text` with every scorer and ranks the roles by fit.
///
/// ```
/// use skillgap::{fit, Scorer, Taxonomy};
/// let scorers: Vec<Scorer> = Taxonomy::builtin_roles().into_iter().map(Scorer::new).collect();
/// let resume = "EXPERIENCE\nFrontend Engineer, Acme (Jan 2019 - Dec 2023)\n\
///   - Built React and TypeScript components with responsive CSS layouts\n\
///   - Wrote Jest tests and integrated REST APIs in the UI\n";
/// let f = fit::fit(&scorers, resume);
/// assert_eq!(f.roles.len(), scorers.len());
/// assert!(f.rank("frontend-developer").unwrap() <= 2);
/// assert!(f.roles.windows(2).all(|w| w[0].fit >= w[1].fit));
/// ```
pub fn fit(scorers: &[Scorer], text: &str) -> Fit {
    rank(scorers.iter().map(|s| (s.taxonomy(), s.score(text))))
}

/// Like [`fit`], reading "Present" as `as_of` (for `eval`).
pub fn fit_at(scorers: &[Scorer], text: &str, as_of: YearMonth) -> Fit {
    rank(
        scorers
            .iter()
            .map(|s| (s.taxonomy(), s.score_at(text, as_of))),
    )
}

/// Ranks the roles from reports already made, one per role (`score` has its own
/// role's report and adds the others').
pub fn rank_reports<'a>(reports: impl Iterator<Item = (&'a Taxonomy, Report)>) -> Fit {
    rank(reports)
}

/// Whether another role *could* fit `report` (made with `taxonomy`) better by
/// `margin` fit points, from the report alone: its role's fit is at least
/// `100 × √(breadth × c)`, with `c` the share of *all* found skills the role
/// names (coverage can only be higher), and no role's fit exceeds 100. When
/// this is `false` no role can be clearly better and [`clearly_better`] need
/// not score the others (what keeps `score` fast for most resumes).
pub fn may_be_clearly_better(taxonomy: &Taxonomy, report: &Report, margin: f64) -> bool {
    let own: HashSet<&str> = role_skills(taxonomy).collect();
    let all: HashSet<&str> = report.skills.iter().map(|s| s.id.as_str()).collect();
    let least = 100.0 * (breadth(taxonomy, report) * coverage(&own, &all, report)).sqrt();
    100.0 - least >= margin
}

/// The best other role in `f` when its fit leads role `own`'s by at least
/// `margin` points (the taxonomy's `settings.fit_margin`).
///
/// ```
/// use skillgap::fit::{clearly_better, Fit, RoleFit};
/// let role = |id: &str, fit| RoleFit { id: id.into(), name: id.into(), fit,
///     estimated_level: None, readiness: vec![], top_gaps: vec![], plan: None };
/// let f = Fit { schema_version: 1, roles: vec![role("frontend-developer", 90.0), role("backend-developer", 40.0)], distance: None };
/// assert_eq!(clearly_better(&f, "backend-developer", 15.0).unwrap().id, "frontend-developer");
/// assert!(clearly_better(&f, "backend-developer", 60.0).is_none());
/// assert!(clearly_better(&f, "frontend-developer", 15.0).is_none());
/// ```
pub fn clearly_better(f: &Fit, own: &str, margin: f64) -> Option<BetterRole> {
    let this = f.role(own)?;
    let best = f.roles.iter().find(|r| r.id != own)?;
    (best.fit - this.fit >= margin).then(|| BetterRole {
        id: best.id.clone(),
        name: best.name.clone(),
        fit: best.fit,
        this_fit: this.fit,
        estimated_level: best.estimated_level.clone(),
    })
}

fn rank<'a>(reports: impl Iterator<Item = (&'a Taxonomy, Report)>) -> Fit {
    let reports: Vec<(&Taxonomy, Report)> = reports.collect();
    let universe: HashSet<&str> = reports.iter().flat_map(|(t, _)| role_skills(t)).collect();
    // One count for every role: a role that adds skills (frontend's build tools)
    // finds lines the others cannot, and the factor is about the resume.
    let lines = reports
        .iter()
        .flat_map(|(_, r)| experience_lines(&universe, r))
        .collect::<HashSet<usize>>()
        .len();
    let mut roles: Vec<RoleFit> = reports
        .iter()
        .map(|(t, report)| {
            let b = breadth(t, report);
            let c = coverage(&role_skills(t).collect(), &universe, report);
            let e = evidence(lines, t.settings().fit_evidence_lines);
            RoleFit {
                id: t.id().to_string(),
                name: t.name().to_string(),
                fit: ((b * c).sqrt() * e * 1000.0).round() / 10.0,
                estimated_level: report.estimated_level.clone(),
                readiness: report
                    .levels
                    .iter()
                    .map(|l| (l.id.clone(), l.readiness))
                    .collect(),
                top_gaps: report.gaps.iter().take(TOP_GAPS).cloned().collect(),
                plan: None,
            }
        })
        .collect();
    roles.sort_by(|a, b| b.fit.total_cmp(&a.fit));
    let distance = match (reports.first(), roles.first()) {
        (Some((t, report)), Some(best)) if best.id != t.id() => Some(distance(&best.id, t, report)),
        _ => None,
    };
    Fit {
        schema_version: FIT_SCHEMA_VERSION,
        roles,
        distance,
    }
}

/// The competencies of `taxonomy` that `report` (made with it) does not
/// evidence, weightiest first, as the distance from role `from`.
fn distance(from: &str, taxonomy: &Taxonomy, report: &Report) -> Distance {
    let mut missing: Vec<(f64, &crate::taxonomy::Competency)> = taxonomy
        .competencies()
        .iter()
        .filter(|c| {
            let status = report
                .competencies
                .iter()
                .find(|f| f.id == c.id)
                .and_then(|f| f.status);
            status != Some(Status::Evidenced)
        })
        .map(|c| (competency_weight(c), c))
        .collect();
    // Stable: equal weights keep the taxonomy's order.
    missing.sort_by(|a, b| b.0.total_cmp(&a.0));
    Distance {
        from: from.to_string(),
        to: taxonomy.id().to_string(),
        competencies: missing.len(),
        of: taxonomy.competencies().len(),
        missing: missing
            .into_iter()
            .map(|(_, c)| Named {
                id: c.id.clone(),
                name: c.name.clone(),
            })
            .collect(),
    }
}

/// A competency's weight in [`breadth`]: its importance, doubled when core.
fn competency_weight(c: &crate::taxonomy::Competency) -> f64 {
    c.importance.map_or(1.0, |i| i.weight()) * if c.core { CORE_FACTOR } else { 1.0 }
}

/// The skill ids a role's competencies name.
fn role_skills(t: &Taxonomy) -> impl Iterator<Item = &str> {
    t.competencies()
        .iter()
        .flat_map(|c| c.skills.iter().map(String::as_str))
}

/// The share (0–1) of the resume's skills in `universe` that `role` names, each
/// weighted by its status (see the module docs); 0 when none is found.
pub fn coverage(role: &HashSet<&str>, universe: &HashSet<&str>, report: &Report) -> f64 {
    let (mut got, mut total) = (0.0, 0.0);
    for s in &report.skills {
        if !universe.contains(s.id.as_str()) {
            continue;
        }
        let w = match s.status {
            Status::Evidenced => 1.0,
            Status::Claimed => 0.5,
            Status::Weak => 0.25,
        };
        total += w;
        if role.contains(s.id.as_str()) {
            got += w;
        }
    }
    if total <= 0.0 {
        return 0.0;
    }
    got / total
}

/// The evidence factor (0–1): `lines` (distinct Experience lines that evidence
/// a role skill, see [`experience_lines`]) over `full` (the taxonomy's
/// `settings.fit_evidence_lines`), at most 1; 1 when `full` is 0.
pub fn evidence(lines: usize, full: f64) -> f64 {
    if full <= 0.0 {
        return 1.0;
    }
    (lines as f64 / full).min(1.0)
}

/// The Experience lines of `report` that evidence a skill in `universe`.
/// Skills lists, summaries and projects do not count: they show interest, a
/// work history shows a career.
pub fn experience_lines<'a>(
    universe: &'a HashSet<&str>,
    report: &'a Report,
) -> impl Iterator<Item = usize> + 'a {
    report
        .skills
        .iter()
        .filter(|s| universe.contains(s.id.as_str()))
        .flat_map(|s| &s.evidence)
        .filter(|e| e.strength == Status::Evidenced && e.section == Section::Experience)
        .map(|e| e.line)
}

/// Weight of a core competency relative to its importance.
pub const CORE_FACTOR: f64 = 2.0;

/// The breadth (0–1) of a report made with `taxonomy`: the weighted share of its
/// competencies evidenced (see the module docs).
pub fn breadth(taxonomy: &Taxonomy, report: &Report) -> f64 {
    let (mut got, mut total) = (0.0, 0.0);
    for c in taxonomy.competencies() {
        let w = competency_weight(c);
        total += w;
        let status = report
            .competencies
            .iter()
            .find(|f| f.id == c.id)
            .and_then(|f| f.status);
        got += w * match status {
            Some(Status::Evidenced) => 1.0,
            Some(Status::Claimed) => 2.0 / 3.0,
            Some(Status::Weak) => 1.0 / 3.0,
            None => 0.0,
        };
    }
    if total <= 0.0 {
        return 0.0;
    }
    got / total
}
