//! A learning plan: month by month, what to learn and show to reach a target
//! level. No I/O: a [`Report`] (and the text it scored) in, [`Plan`] out.
//!
//! **Candidates** are the target level's gaps (its requirements and
//! responsibilities that earn less than full credit, see [`crate::gaps`]) and
//! the level's `certifications` not on the resume.
//!
//! **Points** of a candidate are computed, not estimated: the target level's
//! readiness with that gap closed alone, minus today's (the whole readiness is
//! recomputed, so a skill that also widens the role the resume touches raises
//! years and responsibilities too). Closing a gap means showing the evidence
//! the requirement expects: for a competency, the strongest skill the resume
//! already has in it (else the competency's first skill) at the expected
//! strength; for a skill or responsibility, the skill itself; for a
//! certification, the certification named (claimed). Skills it `implies` come
//! with it, as when scoring.
//!
//! **Effort** is knowledge kept in the taxonomy: each competency's and skill's
//! `effort: {months, source}` (`taxonomy/README.md`) is the time from nothing to
//! the evidence a level asks for; a gap already partly closed takes the share
//! of it that is missing (`months × (1 − credit)`), rounded up to
//! [`EFFORT_STEP`] months. Candidates without an effort are listed in
//! [`Plan::unplanned`].
//!
//! **Steps** are the candidates with points, ranked by points per month of
//! effort (then points, then id), laid end to end in months. A step that earlier
//! steps already closed is left out. The plan stops as soon as the level's gate
//! would be met on what learning can change (readiness, breadth,
//! responsibilities, signals); years in the role and the latest job's title
//! come with time and a new job, and are listed in [`Plan::remaining`], with
//! the months still to spend in the role in [`Plan::time_in_role`].
//! Each step says the readiness projected once it is done.

use crate::career::{latest_title, LatestTitle};
use crate::error::Error;
use crate::gaps::gaps;
use crate::report::{Gap, GapKind, Report, Status, Strength};
use crate::score::{all_levels, relevance, round1, LevelTables};
use crate::taxonomy::{Effort, Expect, Suggestion, Taxonomy};
use crate::Scorer;
use serde::Serialize;

/// Efforts are rounded up to this many months (half a month).
pub const EFFORT_STEP: f64 = 0.5;

/// A learning plan toward one level of one role.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Plan {
    /// The role's taxonomy id.
    pub role: String,
    /// The role's name.
    pub role_name: String,
    /// The target level's id.
    pub level: String,
    /// The target level's name.
    pub level_name: String,
    /// Readiness (0–100) for the target level today.
    pub readiness: f64,
    /// The readiness the level's gate needs.
    pub gate: f64,
    /// Readiness projected after the last step.
    pub projected: f64,
    /// Months of effort of all steps (the last step's `month_end`).
    pub months: f64,
    /// Whether, after the steps, the gate's conditions that learning can change
    /// are met (see [`Plan::remaining`] for the others).
    pub gate_met: bool,
    /// The steps, in order.
    pub steps: Vec<Step>,
    /// More time in the role the level needs, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time_in_role: Option<TimeInRole>,
    /// The level's conditions still unmet after the steps, as the report words
    /// them (`"years: 1.5 of 2 in the role"`, `"title: ..."`).
    pub remaining: Vec<String>,
    /// The level's certifications not on the resume that add no readiness
    /// (worth taking for the seeds' reasons, not for the score).
    pub certifications: Vec<Certification>,
    /// Gaps with points but no `effort` in the taxonomy, by id.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub unplanned: Vec<String>,
}

/// What a step is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum StepKind {
    /// A competency requirement.
    Competency,
    /// A skill requirement.
    Skill,
    /// A responsibility signal.
    Responsibility,
    /// A certification of the level.
    Certification,
}

/// One step of a plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Step {
    /// Months from the plan's start when the step begins.
    pub month_start: f64,
    /// Months from the plan's start when it ends (`month_start + effort_months`).
    pub month_end: f64,
    /// The competency, skill or certification id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// What the step is about.
    pub kind: StepKind,
    /// What the resume shows now (`None`: nothing).
    pub current: Option<Status>,
    /// What the level expects.
    pub expect: Expect,
    /// The skill to show (for a competency: the one the points are computed with).
    pub skill: String,
    /// Readiness points this step alone adds to today's readiness.
    pub points: f64,
    /// Months of effort for this step.
    pub effort_months: f64,
    /// `points / effort_months`, the ranking key.
    pub points_per_month: f64,
    /// Readiness projected once this step and those before it are done.
    pub readiness_after: f64,
    /// What to do, traced to a source (the taxonomy's roadmap, project or
    /// certification suggestion).
    pub action: Option<Suggestion>,
    /// What to add to the resume so that it counts.
    pub evidence: String,
    /// Where the effort comes from (a source id).
    pub effort_source: String,
    /// What the effort rests on.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub effort_basis: String,
}

/// The time in the role a level still needs.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct TimeInRole {
    /// Years in the role the resume shows.
    pub years: f64,
    /// Years the level's gate needs (its `years.min` less the tolerance).
    pub needed: f64,
    /// Months still to spend in the role.
    pub months: u32,
    /// Readiness points full years would add after the steps.
    pub points: f64,
}

/// A certification of the level, listed beside the plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Certification {
    /// Skill id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Months of preparation, if the taxonomy says.
    pub effort_months: Option<f64>,
    /// Where the effort comes from.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub effort_source: String,
}

impl Scorer {
    /// Scores `text` and plans toward `level` (default: the report's target
    /// level, the one above the estimated level). `Ok(None)` when there is no
    /// level to plan for (the highest one is reached).
    ///
    /// ```
    /// use skillgap::{Scorer, Taxonomy};
    /// let scorer = Scorer::new(Taxonomy::builtin());
    /// let resume = "SKILLS\nJava, MySQL\nEXPERIENCE\nJunior Developer, Acme (Jan 2024 - Dec 2024)\n- Built Spring Boot REST APIs in Java\n";
    /// let (report, plan) = scorer.plan(resume, Some("mid")).unwrap();
    /// let plan = plan.unwrap();
    /// assert_eq!(plan.level, "mid");
    /// assert!(plan.steps.windows(2).all(|w| w[0].points_per_month >= w[1].points_per_month));
    /// assert!(plan.projected >= report.level("mid").unwrap().readiness);
    /// ```
    pub fn plan(&self, text: &str, level: Option<&str>) -> Result<(Report, Option<Plan>), Error> {
        let report = self.score(text);
        let plan = plan(self.taxonomy(), &report, text, level)?;
        Ok((report, plan))
    }
}

/// Plans toward `level` (default: `report.target_level`) for a report that
/// `taxonomy` made from `text` (the text gives the latest job's title, which
/// some gates read). `Ok(None)` when there is no level to plan for.
pub fn plan(
    taxonomy: &Taxonomy,
    report: &Report,
    text: &str,
    level: Option<&str>,
) -> Result<Option<Plan>, Error> {
    let target_id = match level.or(report.target_level.as_deref()) {
        Some(id) => id,
        None => return Ok(None),
    };
    taxonomy.level(target_id)?;
    let target = taxonomy
        .levels()
        .iter()
        .position(|l| l.id == target_id)
        .expect("level checked");
    let def = &taxonomy.levels()[target];
    let tables = LevelTables::new(taxonomy);
    let sim = Sim {
        taxonomy,
        tables: &tables,
        years: report.experience.role_years,
        threshold: report.settings.level_threshold,
        title: latest_title(taxonomy, &report.experience.ranges, |line| {
            text.lines()
                .nth(line.saturating_sub(1))
                .unwrap_or("")
                .to_string()
        }),
        target,
    };
    let today = strengths_of(taxonomy, report);
    let (readiness, _) = sim.evaluate(&today);

    // Candidates: the level's gaps, then its certifications.
    let rel = relevance(taxonomy, &today);
    let mut candidates: Vec<Candidate> = Vec::new();
    let mut unplanned = Vec::new();
    for g in gaps(taxonomy, def, tables.level(target), &today, sim.years, rel) {
        if g.kind == GapKind::Years {
            continue;
        }
        let Some(c) = gap_candidate(taxonomy, &today, g) else {
            continue;
        };
        if c.effort.is_none() {
            unplanned.push(c.id.clone());
        }
        candidates.push(c);
    }
    for id in &def.certifications {
        let Some(i) = taxonomy.skill_index(id) else {
            continue;
        };
        if today[i].is_some() {
            continue;
        }
        let s = &taxonomy.skills()[i];
        candidates.push(Candidate {
            id: s.id.clone(),
            name: s.name.clone(),
            kind: StepKind::Certification,
            current: None,
            expect: Expect::Claimed,
            skill: i,
            raise: Strength::Claimed,
            months: s.effort.as_ref().map(|e| e.months),
            effort: s.effort.clone(),
            action: Some(
                best_suggestion(&s.suggestions).unwrap_or_else(|| Suggestion {
                    text: format!("Prepare for and pass {}.", s.name),
                    kind: "certification".into(),
                    source: s.source.first().cloned().unwrap_or_default(),
                }),
            ),
            evidence: format!(
                "A Certifications section that names \u{201c}{}\u{201d}.",
                s.name
            ),
            points: 0.0,
        });
    }
    for c in &mut candidates {
        let mut after = today.clone();
        raise(taxonomy, &mut after, c.skill, c.raise);
        c.points = round1(sim.evaluate(&after).0 - readiness);
    }
    let certifications: Vec<Certification> = candidates
        .iter()
        .filter(|c| c.kind == StepKind::Certification && c.points <= 0.0)
        .map(|c| Certification {
            id: c.id.clone(),
            name: c.name.clone(),
            effort_months: c.months,
            effort_source: c
                .effort
                .as_ref()
                .map_or(String::new(), |e| e.source.clone()),
        })
        .collect();
    unplanned.retain(|id| candidates.iter().any(|c| &c.id == id && c.points > 0.0));
    let mut ranked: Vec<Candidate> = candidates
        .into_iter()
        .filter(|c| c.points > 0.0 && c.months.is_some())
        .collect();
    ranked.sort_by(|a, b| {
        b.ratio()
            .total_cmp(&a.ratio())
            .then(b.points.total_cmp(&a.points))
            .then_with(|| a.id.cmp(&b.id))
    });

    // Lay the steps end to end until the gate is met.
    let mut state = today;
    let (mut now, mut met) = sim.evaluate(&state);
    let mut steps = Vec::new();
    let mut month = 0.0;
    for c in ranked {
        if met {
            break;
        }
        let mut after = state.clone();
        raise(taxonomy, &mut after, c.skill, c.raise);
        let (value, gate_met) = sim.evaluate(&after);
        if value <= now && !gate_met {
            continue; // an earlier step closed it already
        }
        let months = c.months.unwrap_or_default();
        let effort = c.effort.clone().unwrap_or_default();
        steps.push(Step {
            month_start: month,
            month_end: month + months,
            id: c.id,
            name: c.name,
            kind: c.kind,
            current: c.current,
            expect: c.expect,
            skill: taxonomy.skills()[c.skill].id.clone(),
            points: c.points,
            effort_months: months,
            points_per_month: round2(c.points / months),
            readiness_after: value,
            action: c.action,
            evidence: c.evidence,
            effort_source: effort.source,
            effort_basis: effort.basis,
        });
        month += months;
        state = after;
        now = value;
        met = gate_met;
    }

    // What the steps leave: time in the role, a title, a lower level.
    let (levels, _) = all_levels(
        taxonomy,
        &tables,
        &state,
        sim.years,
        sim.threshold,
        sim.title.as_ref(),
    );
    let remaining = levels[target].unmet.clone();
    let needed = (def.years.min - taxonomy.settings().years_tolerance).max(0.0);
    let time_in_role = (sim.years + 1e-9 < needed).then(|| {
        let full = Sim {
            years: sim.years.max(def.years.min),
            title: sim.title.clone(),
            ..sim.clone()
        };
        TimeInRole {
            years: sim.years,
            needed,
            months: ((needed - sim.years) * 12.0).ceil() as u32,
            points: round1(full.evaluate(&state).0 - now),
        }
    });
    Ok(Some(Plan {
        role: taxonomy.id().to_string(),
        role_name: taxonomy.name().to_string(),
        level: def.id.clone(),
        level_name: def.name.clone(),
        readiness,
        gate: def.gate.readiness.unwrap_or(sim.threshold),
        projected: now,
        months: month,
        gate_met: met,
        steps,
        time_in_role,
        remaining,
        certifications,
        unplanned,
    }))
}

/// The target level evaluated on changed strengths.
#[derive(Clone)]
struct Sim<'a> {
    taxonomy: &'a Taxonomy,
    /// The taxonomy's levels with their requirements looked up, built once per plan.
    tables: &'a LevelTables,
    years: f64,
    threshold: f64,
    title: Option<LatestTitle>,
    target: usize,
}

impl Sim<'_> {
    /// The target level's readiness, and whether the gate's conditions that
    /// learning can change are met (all but years, title and the levels below).
    fn evaluate(&self, strengths: &[Option<Strength>]) -> (f64, bool) {
        let (levels, _) = all_levels(
            self.taxonomy,
            self.tables,
            strengths,
            self.years,
            self.threshold,
            self.title.as_ref(),
        );
        let l = &levels[self.target];
        let met = l
            .unmet
            .iter()
            .all(|u| u.starts_with("years:") || u.starts_with("title:") || u.starts_with("below:"));
        (l.readiness, met)
    }
}

struct Candidate {
    id: String,
    name: String,
    kind: StepKind,
    current: Option<Status>,
    expect: Expect,
    /// The skill index raised.
    skill: usize,
    /// The strength it is raised to.
    raise: Strength,
    /// Months of effort for this gap (rounded), if the taxonomy gives an effort.
    months: Option<f64>,
    effort: Option<Effort>,
    action: Option<Suggestion>,
    evidence: String,
    points: f64,
}

impl Candidate {
    fn ratio(&self) -> f64 {
        self.points / self.months.unwrap_or(f64::INFINITY)
    }
}

/// A gap as a candidate step, or `None` when it names nothing the taxonomy defines.
fn gap_candidate(taxonomy: &Taxonomy, today: &[Option<Strength>], g: Gap) -> Option<Candidate> {
    let raise = match g.expect {
        Expect::Claimed => Strength::Claimed,
        Expect::Evidenced => Strength::Evidenced,
        Expect::Depth => Strength::Depth,
    };
    let credit = today_credit(g.current, g.expect, taxonomy, today, &g.skill);
    let (skill, effort, action, kind) = if let Some(c) = taxonomy.competency(&g.skill) {
        let ci = taxonomy.competency_index(&g.skill)?;
        let indices = taxonomy.competency_skill_indices(ci);
        // The strongest skill already shown, else the first listed.
        let skill = indices
            .iter()
            .copied()
            .filter(|&i| today[i].is_some())
            .max_by_key(|&i| (today[i], std::cmp::Reverse(i)))
            .or_else(|| {
                indices
                    .iter()
                    .copied()
                    .find(|&i| taxonomy.skills()[i].kind != "certification")
            })
            .or_else(|| indices.first().copied())?;
        (
            skill,
            c.effort.clone(),
            best_suggestion(&c.suggestions).or(g.suggestion.clone()),
            StepKind::Competency,
        )
    } else {
        let i = taxonomy.skill_index(&g.skill)?;
        let s = &taxonomy.skills()[i];
        let effort = s.effort.clone().or_else(|| {
            taxonomy
                .competencies_of(&g.skill)
                .find_map(|c| c.effort.clone())
        });
        (
            i,
            effort,
            best_suggestion(&s.suggestions).or(g.suggestion.clone()),
            if g.kind == GapKind::Responsibility {
                StepKind::Responsibility
            } else {
                StepKind::Skill
            },
        )
    };
    let months = effort
        .as_ref()
        .map(|e| round_up(e.months * (1.0 - credit)).max(EFFORT_STEP));
    Some(Candidate {
        id: g.skill,
        name: g.name,
        kind,
        current: g.current,
        expect: g.expect,
        skill,
        raise,
        months,
        effort,
        action,
        evidence: g.evidence,
        points: 0.0,
    })
}

/// The credit a requirement earns today (0 when nothing is shown).
fn today_credit(
    current: Option<Status>,
    expect: Expect,
    taxonomy: &Taxonomy,
    today: &[Option<Strength>],
    id: &str,
) -> f64 {
    if current.is_none() {
        return 0.0;
    }
    let best = if let Some(ci) = taxonomy.competency_index(id) {
        taxonomy
            .competency_skill_indices(ci)
            .iter()
            .filter_map(|&i| today[i])
            .max()
    } else {
        taxonomy.skill_index(id).and_then(|i| today[i])
    };
    best.map_or(0.0, |s| s.credit(expect))
}

/// The first roadmap suggestion, else the first project, certification or any.
fn best_suggestion(suggestions: &[Suggestion]) -> Option<Suggestion> {
    ["roadmap", "project", "certification"]
        .iter()
        .find_map(|k| suggestions.iter().find(|s| s.kind == *k))
        .or(suggestions.first())
        .cloned()
}

/// Raises skill `i` (and the skills it implies) to at least `to`.
fn raise(taxonomy: &Taxonomy, strengths: &mut [Option<Strength>], i: usize, to: Strength) {
    strengths[i] = strengths[i].max(Some(to));
    for implied in &taxonomy.skills()[i].implies {
        if let Some(j) = taxonomy.skill_index(implied) {
            strengths[j] = strengths[j].max(Some(to));
        }
    }
}

/// The strengths a report's skills had when it was scored: a skill evidenced on
/// two or more lines had depth.
fn strengths_of(taxonomy: &Taxonomy, report: &Report) -> Vec<Option<Strength>> {
    let mut out = vec![None; taxonomy.skills().len()];
    for s in &report.skills {
        if let Some(i) = taxonomy.skill_index(&s.id) {
            out[i] = Some(match s.status {
                Status::Weak => Strength::Weak,
                Status::Claimed => Strength::Claimed,
                Status::Evidenced if s.evidenced_lines >= 2 => Strength::Depth,
                Status::Evidenced => Strength::Evidenced,
            });
        }
    }
    out
}

fn round_up(months: f64) -> f64 {
    (months / EFFORT_STEP - 1e-9).ceil() * EFFORT_STEP
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn efforts_round_up_to_half_months() {
        assert_eq!(round_up(0.5), 0.5);
        assert_eq!(round_up(0.34), 0.5);
        assert_eq!(round_up(1.0 / 3.0 * 3.0), 1.0);
        assert_eq!(round_up(1.2), 1.5);
    }

    #[test]
    fn strengths_rebuilt_from_a_report_reproduce_its_levels() {
        let scorer = Scorer::new(Taxonomy::builtin());
        let text = "SKILLS\nJava, Docker, MySQL\nEXPERIENCE\nBackend Developer, Acme (Jan 2021 - Dec 2023)\n- Built Spring Boot REST APIs in Java\n- Tuned MySQL queries in Java services\n- Mentored two junior developers\n";
        let report = scorer.score(text);
        let t = scorer.taxonomy();
        let strengths = strengths_of(t, &report);
        let title = latest_title(t, &report.experience.ranges, |l| {
            text.lines().nth(l - 1).unwrap_or("").to_string()
        });
        let (levels, estimated) = all_levels(
            t,
            &LevelTables::new(t),
            &strengths,
            report.experience.role_years,
            report.settings.level_threshold,
            title.as_ref(),
        );
        assert_eq!(levels, report.levels);
        assert_eq!(
            estimated.map(|i| t.levels()[i].id.clone()),
            report.estimated_level
        );
    }

    #[test]
    fn the_top_level_reached_has_no_plan() {
        let t = Taxonomy::builtin();
        let mut report = Scorer::new(t.clone()).score("Go");
        report.target_level = None;
        assert_eq!(plan(&t, &report, "Go", None).unwrap(), None);
    }

    #[test]
    fn an_unknown_level_is_an_error_with_a_suggestion() {
        let scorer = Scorer::new(Taxonomy::builtin());
        let e = scorer.plan("Go", Some("seinor")).unwrap_err();
        assert!(e.to_string().contains("senior"), "{e}");
    }
}
