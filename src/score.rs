//! Readiness per level and the estimated level.
//!
//! For each level, three components in 0–1:
//! - **skills**: `Σ weight × credit / Σ weight` over the level's requirements,
//!   where a competency's strength is the best strength of its skills and
//!   credit is `min(1, value(strength) / value(expect))` with values weak 1,
//!   claimed 2, evidenced 3, depth 4 (see [`Strength::credit`]);
//! - **years**: `min(1, years / level.years.min)`, or 1 when the level expects none;
//! - **responsibilities**: like skills, over the level's responsibility
//!   signals (each with its own `expect`, `claimed` by default), or 1 when it
//!   lists none.
//!
//! Years and responsibilities count only as far as the resume is relevant to
//! the role: both are multiplied by `relevance = min(1, b / relevance_full)`,
//! where `b` is the importance-weighted share of the role's competencies that
//! the resume touches at all (a store manager's eight years are not eight
//! years of backend work; a tester's are partly relevant).
//!
//! Readiness is the blend-weighted mean of the three, × 100, to one decimal.
//! More evidence never lowers a strength, so adding evidence never lowers a
//! score.
//!
//! The years are **years in the role** ([`crate::report::Experience::role_years`]):
//! a frontend engineer's twelve years are not twelve years of backend work.
//!
//! Levels are a **ladder** (`docs/LEVELS.md`): a level is reached when the level
//! below it is, the resume shows at least `years.min − settings.years_tolerance`
//! years in the role, and it passes the level's `gate` (readiness, breadth of
//! the role touched, responsibilities). The **estimated level** is the highest
//! level reached, or none: the level a hiring manager for this role would hire
//! at. Every unreached level says why in `unmet`.

use crate::career::LatestTitle;
use crate::report::{LevelReadiness, Strength};
use crate::taxonomy::{Level, Requirement, Taxonomy};

/// Strength of every skill, by skill index (`None`: not found).
pub(crate) type Strengths = [Option<Strength>];

/// The weight of a requirement: its own, or its competency's importance, or 1.
pub(crate) fn requirement_weight(taxonomy: &Taxonomy, req: &Requirement) -> f64 {
    req.weight.unwrap_or_else(|| {
        req.competency
            .as_deref()
            .and_then(|c| taxonomy.competency(c))
            .and_then(|c| c.importance)
            .map_or(1.0, |i| i.weight())
    })
}

/// What a requirement names, looked up once (ids are hashed in the taxonomy's maps).
#[derive(Debug, Clone, Copy)]
enum Target {
    Competency(usize),
    Skill(usize),
    /// An id the taxonomy does not define, or none: never met.
    Unknown,
}

/// A requirement with its target's index and its weight ([`requirement_weight`]), so that
/// scoring a resume does not look ids up again.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Resolved {
    target: Target,
    pub(crate) weight: f64,
}

impl Resolved {
    pub(crate) fn new(taxonomy: &Taxonomy, req: &Requirement) -> Resolved {
        let target = match (&req.competency, req.skill.as_deref()) {
            (Some(c), _) => taxonomy
                .competency_index(c)
                .map_or(Target::Unknown, Target::Competency),
            (None, Some(id)) => taxonomy
                .skill_index(id)
                .map_or(Target::Unknown, Target::Skill),
            (None, None) => Target::Unknown,
        };
        Resolved {
            target,
            weight: requirement_weight(taxonomy, req),
        }
    }

    /// The best strength among the requirement's skills (its competency's, or its one skill's).
    pub(crate) fn strength(&self, taxonomy: &Taxonomy, strengths: &Strengths) -> Option<Strength> {
        match self.target {
            Target::Competency(ci) => taxonomy
                .competency_skill_indices(ci)
                .iter()
                .filter_map(|&i| strengths[i])
                .max(),
            Target::Skill(i) => strengths[i],
            Target::Unknown => None,
        }
    }
}

/// One level's requirements and responsibilities, [`Resolved`], in their order.
#[derive(Debug, Clone)]
pub(crate) struct LevelTable {
    pub(crate) requirements: Vec<Resolved>,
    pub(crate) responsibilities: Vec<Resolved>,
}

/// Every level's [`LevelTable`], in the taxonomy's order: built with the scorer.
#[derive(Debug, Clone)]
pub(crate) struct LevelTables(Vec<LevelTable>);

impl LevelTable {
    pub(crate) fn new(taxonomy: &Taxonomy, level: &Level) -> LevelTable {
        let resolve =
            |reqs: &[Requirement]| reqs.iter().map(|r| Resolved::new(taxonomy, r)).collect();
        LevelTable {
            requirements: resolve(&level.requirements),
            responsibilities: resolve(&level.responsibilities),
        }
    }
}

impl LevelTables {
    pub(crate) fn new(taxonomy: &Taxonomy) -> LevelTables {
        LevelTables(
            taxonomy
                .levels()
                .iter()
                .map(|l| LevelTable::new(taxonomy, l))
                .collect(),
        )
    }

    /// The table of the `i`th level.
    pub(crate) fn level(&self, i: usize) -> &LevelTable {
        &self.0[i]
    }
}

/// Weighted coverage of `reqs` (1 when there are none).
fn coverage(
    taxonomy: &Taxonomy,
    strengths: &Strengths,
    reqs: &[Requirement],
    resolved: &[Resolved],
) -> f64 {
    let (mut got, mut total) = (0.0, 0.0);
    for (r, rr) in reqs.iter().zip(resolved) {
        let w = rr.weight;
        total += w;
        if let Some(s) = rr.strength(taxonomy, strengths) {
            got += w * s.credit(r.expect);
        }
    }
    if total > 0.0 {
        got / total
    } else {
        1.0
    }
}

/// The years component of a level.
pub(crate) fn years_component(level: &Level, years: f64) -> f64 {
    if level.years.min <= 0.0 {
        1.0
    } else {
        (years / level.years.min).min(1.0)
    }
}

/// Rounds to one decimal.
pub(crate) fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// Readiness for one level.
pub(crate) fn readiness(
    taxonomy: &Taxonomy,
    level: &Level,
    table: &LevelTable,
    strengths: &Strengths,
    years: f64,
    relevance: f64,
) -> LevelReadiness {
    let skills = coverage(
        taxonomy,
        strengths,
        &level.requirements,
        &table.requirements,
    );
    let years_c = years_component(level, years) * relevance;
    let resp = coverage(
        taxonomy,
        strengths,
        &level.responsibilities,
        &table.responsibilities,
    ) * relevance;
    let b = level.blend;
    let total = b.skills + b.years + b.responsibilities;
    let value = if total > 0.0 {
        (b.skills * skills + b.years * years_c + b.responsibilities * resp) / total
    } else {
        0.0
    };
    LevelReadiness {
        id: level.id.clone(),
        name: level.name.clone(),
        readiness: round1(value * 100.0),
        reached: false,
        skills: round3(skills),
        years: round3(years_c),
        responsibilities: round3(resp),
        unmet: Vec::new(),
    }
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// How far years and responsibilities count: `min(1, breadth / relevance_full)`.
pub(crate) fn relevance(taxonomy: &Taxonomy, strengths: &Strengths) -> f64 {
    relevance_of(taxonomy, breadth(taxonomy, strengths))
}

/// [`relevance`] from an already measured [`breadth`].
fn relevance_of(taxonomy: &Taxonomy, breadth: f64) -> f64 {
    let full = taxonomy.settings().relevance_full;
    if full <= 0.0 {
        return 1.0;
    }
    (breadth / full).min(1.0)
}

/// The breadth of the role the resume touches: the share of all competencies,
/// weighted by importance, that any found skill satisfies (0–1).
pub(crate) fn breadth(taxonomy: &Taxonomy, strengths: &Strengths) -> f64 {
    let (mut got, mut total) = (0.0, 0.0);
    for (ci, c) in taxonomy.competencies().iter().enumerate() {
        let w = c.importance.map_or(1.0, |i| i.weight());
        total += w;
        let touched = taxonomy
            .competency_skill_indices(ci)
            .iter()
            .any(|&i| strengths[i].is_some());
        if touched {
            got += w;
        }
    }
    if total <= 0.0 {
        return 0.0;
    }
    got / total
}

/// Readiness for every level, with `reached` and `unmet` set; returns the
/// estimated level's index (the highest level reached on the ladder).
///
/// `title` is the most recent job's title: a title of this role that names
/// the level or a higher one eases the breadth the level needs to
/// `gate.title_breadth`; a title whose stage is in `gate.not_titled` stops the
/// level. `tables` are the taxonomy's [`LevelTables`] (built once, by the scorer or the plan).
pub(crate) fn all_levels(
    taxonomy: &Taxonomy,
    tables: &LevelTables,
    strengths: &Strengths,
    role_years: f64,
    threshold: f64,
    title: Option<&LatestTitle>,
) -> (Vec<LevelReadiness>, Option<usize>) {
    let breadth = breadth(taxonomy, strengths);
    let relevance = relevance_of(taxonomy, breadth);
    let tolerance = taxonomy.settings().years_tolerance;
    let mut levels: Vec<LevelReadiness> = taxonomy
        .levels()
        .iter()
        .zip(&tables.0)
        .map(|(l, table)| readiness(taxonomy, l, table, strengths, role_years, relevance))
        .collect();
    let mut estimated = None;
    let mut below: Option<&str> = None;
    for (i, (l, def)) in levels.iter_mut().zip(taxonomy.levels()).enumerate() {
        let mut unmet = Vec::new();
        if let Some(b) = below {
            unmet.push(format!("below: {b}"));
        }
        if breadth <= 0.0 {
            unmet.push("breadth: no competency of the role touched".to_string());
        }
        if role_years + tolerance + 1e-9 < def.years.min {
            unmet.push(format!(
                "years: {:.1} of {} in the role",
                role_years, def.years.min
            ));
        }
        let gate = &def.gate;
        let need = gate.readiness.unwrap_or(threshold);
        if l.readiness + 1e-9 < need {
            unmet.push(format!("readiness: {:.1} of {need}", l.readiness));
        }
        let titled = title.filter(|t| !t.other_role && t.stage.is_some_and(|s| s >= i));
        match (titled, gate.title_breadth) {
            (Some(t), Some(b)) if b < gate.breadth => {
                if breadth > 0.0 && breadth + 1e-9 < b {
                    unmet.push(format!("breadth: {breadth:.2} of {b} (titled {})", t.text));
                }
            }
            _ => {
                if breadth > 0.0 && breadth + 1e-9 < gate.breadth {
                    unmet.push(format!("breadth: {breadth:.2} of {}", gate.breadth));
                }
            }
        }
        if let Some(t) = title {
            if let Some(stage) = t.stage.map(|s| taxonomy.levels()[s].id.as_str()) {
                if gate.not_titled.iter().any(|n| n == stage) {
                    unmet.push(format!(
                        "title: the latest job is titled {stage}: {}",
                        t.text
                    ));
                }
            }
        }
        if l.responsibilities + 1e-9 < gate.responsibilities {
            unmet.push(format!(
                "responsibilities: {:.2} of {}",
                l.responsibilities, gate.responsibilities
            ));
        }
        if !gate.any_of.is_empty()
            && !gate.any_of.iter().any(|id| {
                taxonomy
                    .skill_index(id)
                    .is_some_and(|i| strengths[i].is_some())
            })
        {
            unmet.push(format!("signals: none of {}", gate.any_of.join(", ")));
        }
        l.reached = unmet.is_empty();
        l.unmet = unmet;
        if l.reached {
            estimated = Some(i);
        } else if below.is_none() {
            below = Some(&def.id);
        }
    }
    (levels, estimated)
}
