//! Gaps toward a target level, ranked by what closing them is worth.
//!
//! Every requirement or responsibility of the target level that earns less
//! than full credit is a gap, and so are missing years. Gains of years and
//! responsibilities are scaled by the resume's relevance (see [`crate::score`]
//! docs on `relevance_full`); skill gains are not, though closing a skill gap can
//! also raise relevance, so they are lower bounds. A gap's `gain` is the
//! readiness points the level would gain if it were closed; gaps are ranked by
//! gain, then weight, then id, so the list is deterministic.

use crate::report::{Gap, GapKind, Status, Strength};
use crate::score::{round1, years_component, LevelTable, Strengths};
use crate::taxonomy::{Expect, Level, Requirement, Suggestion, Taxonomy};

/// The gaps of `level` given the strengths and years found; `table` is the level's
/// [`LevelTable`] (built once, by the scorer or the plan).
pub(crate) fn gaps(
    taxonomy: &Taxonomy,
    level: &Level,
    table: &LevelTable,
    strengths: &Strengths,
    years: f64,
    relevance: f64,
) -> Vec<Gap> {
    let b = level.blend;
    let total_blend = b.skills + b.years + b.responsibilities;
    if total_blend <= 0.0 {
        return Vec::new();
    }
    let mut out = Vec::new();
    // Responsibilities and years count only as far as the resume is relevant
    // (see `score`), and so do the points their gaps would add.
    for (reqs, resolved, share, responsibility) in [
        (&level.requirements, &table.requirements, b.skills, false),
        (
            &level.responsibilities,
            &table.responsibilities,
            b.responsibilities * relevance,
            true,
        ),
    ] {
        let total_w: f64 = resolved.iter().map(|r| r.weight).sum();
        if total_w <= 0.0 {
            continue;
        }
        for (r, rr) in reqs.iter().zip(resolved) {
            let strength = rr.strength(taxonomy, strengths);
            let credit = strength.map_or(0.0, |s| s.credit(r.expect));
            if credit >= 1.0 {
                continue;
            }
            let w = rr.weight;
            let gain = 100.0 * share / total_blend * w * (1.0 - credit) / total_w;
            out.push(requirement_gap(
                taxonomy,
                level,
                r,
                strength,
                w,
                gain,
                responsibility,
            ));
        }
    }
    let y = years_component(level, years);
    if y < 1.0 && b.years > 0.0 {
        out.push(Gap {
            skill: "years".into(),
            name: "Years of experience".into(),
            kind: GapKind::Years,
            level: level.id.clone(),
            weight: b.years,
            current: None,
            expect: Expect::Evidenced,
            gain: round1(100.0 * b.years * relevance / total_blend * (1.0 - y)),
            why: format!(
                "{} typically has {}+ years of experience in the role; the resume shows {:.1}.",
                level.name, level.years.min, years
            ),
            evidence: "Dated roles in an Experience section (e.g. \"Jan 2021 – Present\") whose bullets show the role's work (its language, APIs, frameworks, databases), or a statement such as \"5+ years of experience\".".into(),
            suggestion: level.suggestions.first().cloned(),
            options: Vec::new(),
        });
    }
    out.sort_by(|a, b| {
        b.gain
            .total_cmp(&a.gain)
            .then(b.weight.total_cmp(&a.weight))
            .then_with(|| a.skill.cmp(&b.skill))
    });
    out
}

fn requirement_gap(
    taxonomy: &Taxonomy,
    level: &Level,
    r: &Requirement,
    strength: Option<Strength>,
    weight: f64,
    gain: f64,
    responsibility: bool,
) -> Gap {
    let target = r.target().to_string();
    let current = strength.map(Strength::status);
    let (name, kind, why, evidence, suggestion, options) =
        if let Some(c) = taxonomy.competency(&target) {
            let options = c
                .skills
                .iter()
                .filter_map(|s| taxonomy.skill(s))
                .filter(|s| s.kind != "certification")
                .take(6)
                .map(|s| s.name.clone())
                .collect();
            (
                c.name.clone(),
                GapKind::Competency,
                c.used_for.clone(),
                if c.evidence.is_empty() {
                    evidence_text(&c.name, r.expect)
                } else {
                    c.evidence.clone()
                },
                c.suggestions.first().cloned(),
                options,
            )
        } else {
            let s = taxonomy.skill(&target);
            let name = s.map_or(target.clone(), |s| s.name.clone());
            let mut comps = taxonomy.competencies_of(&target);
            let first_comp = comps.next();
            let why = s
                .map(|s| s.used_for.clone())
                .filter(|w| !w.is_empty())
                .or_else(|| first_comp.map(|c| c.used_for.clone()))
                .unwrap_or_default();
            let suggestion: Option<Suggestion> = s
                .and_then(|s| s.suggestions.first().cloned())
                .or_else(|| first_comp.and_then(|c| c.suggestions.first().cloned()))
                .or_else(|| {
                    responsibility
                        .then(|| level.suggestions.first().cloned())
                        .flatten()
                });
            let evidence = match (responsibility, s.and_then(|s| s.aliases.first())) {
                (true, Some(example)) => format!(
                "An Experience bullet that shows it, in words such as \u{201c}{example}\u{201d}."
            ),
                (true, None) => {
                    format!("An Experience entry (a job title or a bullet) that shows: {name}.")
                }
                (false, _) => evidence_text(&name, r.expect),
            };
            (
                name.clone(),
                if responsibility {
                    GapKind::Responsibility
                } else {
                    GapKind::Skill
                },
                why,
                evidence,
                suggestion,
                Vec::new(),
            )
        };
    Gap {
        skill: target,
        name,
        kind,
        level: level.id.clone(),
        weight,
        current,
        expect: r.expect,
        gain: round1(gain),
        why,
        evidence,
        suggestion,
        options,
    }
}

fn evidence_text(name: &str, expect: Expect) -> String {
    match expect {
        Expect::Claimed => format!("{name} named in your Skills section or anywhere in the resume."),
        Expect::Evidenced => format!("An Experience or Projects bullet that shows you using {name}, not just a skills-list entry."),
        Expect::Depth => format!("Two or more Experience or Projects bullets that show you using {name}, ideally with scale or impact."),
    }
}

/// A short label of what a gap needs, for human output.
pub fn need_label(current: Option<Status>, expect: Expect) -> &'static str {
    match (current, expect) {
        (None, _) => "missing",
        (Some(Status::Weak), _) => "only weak (hedged) mention",
        (Some(Status::Claimed), _) => "claimed, not shown in use",
        (Some(Status::Evidenced), Expect::Depth) => "shown once; needs depth",
        (Some(Status::Evidenced), _) => "partly shown",
    }
}
