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
//! A level is **reached** when its readiness is at least the threshold *and*
//! the resume shows the years of experience the level's career stage starts at
//! (`years.min`: a strong two-year engineer is a ready mid, not a senior). The
//! **estimated level** is the highest level reached, or none.

use crate::report::{LevelReadiness, Strength};
use crate::taxonomy::{Level, Requirement, Taxonomy};

/// Strength of every skill, by skill index (`None`: not found).
pub(crate) type Strengths = [Option<Strength>];

/// The best strength among a requirement's skills.
pub(crate) fn requirement_strength(
    taxonomy: &Taxonomy,
    strengths: &Strengths,
    req: &Requirement,
) -> Option<Strength> {
    if let Some(c) = &req.competency {
        taxonomy
            .competency_skill_indices(taxonomy.competency_index(c)?)
            .iter()
            .filter_map(|&i| strengths[i])
            .max()
    } else {
        strengths[taxonomy.skill_index(req.skill.as_deref()?)?]
    }
}

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

/// Weighted coverage of `reqs` (1 when there are none).
fn coverage(taxonomy: &Taxonomy, strengths: &Strengths, reqs: &[Requirement]) -> f64 {
    let (mut got, mut total) = (0.0, 0.0);
    for r in reqs {
        let w = requirement_weight(taxonomy, r);
        total += w;
        if let Some(s) = requirement_strength(taxonomy, strengths, r) {
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
    strengths: &Strengths,
    years: f64,
    relevance: f64,
) -> LevelReadiness {
    let skills = coverage(taxonomy, strengths, &level.requirements);
    let years_c = years_component(level, years) * relevance;
    let resp = coverage(taxonomy, strengths, &level.responsibilities) * relevance;
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
    }
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// How far years and responsibilities count: `min(1, b / relevance_full)`
/// where `b` is the breadth of the role the resume touches — the share of all
/// competencies, weighted by importance, that any found skill satisfies.
pub(crate) fn relevance(taxonomy: &Taxonomy, strengths: &Strengths) -> f64 {
    let full = taxonomy.settings().relevance_full;
    if full <= 0.0 {
        return 1.0;
    }
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
        return 1.0;
    }
    (got / total / full).min(1.0)
}

/// Readiness for every level, with `reached` set; returns the estimated level's
/// index (the highest level reached).
pub(crate) fn all_levels(
    taxonomy: &Taxonomy,
    strengths: &Strengths,
    years: f64,
    threshold: f64,
) -> (Vec<LevelReadiness>, Option<usize>) {
    let relevance = relevance(taxonomy, strengths);
    let mut levels: Vec<LevelReadiness> = taxonomy
        .levels()
        .iter()
        .map(|l| readiness(taxonomy, l, strengths, years, relevance))
        .collect();
    let mut estimated = None;
    for (i, (l, def)) in levels.iter_mut().zip(taxonomy.levels()).enumerate() {
        l.reached = l.readiness + 1e-9 >= threshold && years + 1e-9 >= def.years.min;
        if l.reached {
            estimated = Some(i);
        }
    }
    (levels, estimated)
}
