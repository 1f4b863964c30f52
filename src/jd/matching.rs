//! Matching a scored resume against a parsed job description.
//!
//! # The match percentage
//!
//! Each requirement earns a **credit** from the best status the resume shows
//! for any of its options: evidenced [`CREDIT_EVIDENCED`] (1.0), claimed
//! [`CREDIT_CLAIMED`] (0.75), weak [`CREDIT_WEAK`] (0.25), nothing 0.
//!
//! ```text
//! R = mean credit of the required requirements
//! P = mean credit of the preferred requirements
//! Y = min(1, years found / years asked)          (1 when the job asks for 0)
//! match = 100 × (0.70·R + 0.15·P + 0.15·Y) / (sum of the shares present)
//! ```
//!
//! A component the job does not have (no preferred skills, no years asked)
//! drops out and the others are scaled up: a job with required skills only is
//! scored on them alone. Mentioned skills (responsibilities, the role, the
//! stack) are shown but never scored. A job that names no skill the taxonomy
//! knows matches 0%. The level is not part of the percentage; its readiness is
//! reported beside it.
//!
//! A requirement is **met** when the resume shows an option evidenced or
//! claimed; a weak (hedged) mention earns its credit but leaves the
//! requirement among the missing, with its status shown.

use super::{
    AskedLine, GroupRef, JobDescription, JobWarning, LevelAsked, Priority, UnrecognisedTerm,
    YearsAsked,
};
use crate::report::{Evidence, Report, Status, TaxonomyInfo};
use serde::{Deserialize, Serialize};

/// Version of the [`JobMatch`] JSON schema.
pub const JD_SCHEMA_VERSION: u32 = 1;

/// Credit of an evidenced option (used in experience or projects).
///
/// ```
/// use skillgap::jd::{CREDIT_CLAIMED, CREDIT_EVIDENCED, CREDIT_WEAK, SHARE_PREFERRED, SHARE_REQUIRED, SHARE_YEARS};
/// assert!(CREDIT_WEAK < CREDIT_CLAIMED && CREDIT_CLAIMED < CREDIT_EVIDENCED);
/// assert_eq!(SHARE_REQUIRED + SHARE_PREFERRED + SHARE_YEARS, 1.0);
/// ```
pub const CREDIT_EVIDENCED: f64 = 1.0;
/// Credit of a claimed option (named, e.g. in a skills list).
pub const CREDIT_CLAIMED: f64 = 0.75;
/// Credit of a weak option (hedged: "basic knowledge of").
pub const CREDIT_WEAK: f64 = 0.25;
/// Share of required skills in the match.
pub const SHARE_REQUIRED: f64 = 0.70;
/// Share of preferred skills in the match.
pub const SHARE_PREFERRED: f64 = 0.15;
/// Share of years in the match.
pub const SHARE_YEARS: f64 = 0.15;

fn credit(status: Option<Status>) -> f64 {
    match status {
        Some(Status::Evidenced) => CREDIT_EVIDENCED,
        Some(Status::Claimed) => CREDIT_CLAIMED,
        Some(Status::Weak) => CREDIT_WEAK,
        None => 0.0,
    }
}

/// How a resume matches a job description.
///
/// ```
/// use skillgap::{Scorer, Taxonomy};
/// let scorer = Scorer::new(Taxonomy::builtin());
/// let m = scorer.match_job("SKILLS\nPython, Redis\n", "Requirements\n- Python\n- Go\nNice to have\n- Redis\n");
/// // Required: Python claimed (0.75), Go missing (0); preferred: Redis claimed (0.75).
/// assert_eq!(m.percent, (100.0 * (0.70 * 0.375 + 0.15 * 0.75) / 0.85_f64 * 10.0).round() / 10.0);
/// assert_eq!(m.missing_required[0].id, "go");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JobMatch {
    /// [`JD_SCHEMA_VERSION`].
    pub schema_version: u32,
    /// The taxonomy used.
    pub taxonomy: TaxonomyInfo,
    /// The job's title.
    pub title: Option<String>,
    /// The match, 0–100 with one decimal (see the module documentation).
    pub percent: f64,
    /// The parts of the percentage.
    pub components: MatchComponents,
    /// Required skills the resume does not show, or shows only weakly.
    pub missing_required: Vec<RequirementMatch>,
    /// Preferred skills the resume does not show, or shows only weakly.
    pub missing_preferred: Vec<RequirementMatch>,
    /// Required, then preferred requirements the resume meets.
    pub matched: Vec<RequirementMatch>,
    /// Skills the job only mentions (responsibilities, role, stack), with what
    /// the resume shows; not scored.
    pub mentioned: Vec<RequirementMatch>,
    /// Years asked against years found.
    pub years: YearsMatch,
    /// Readiness for the level the job aims at.
    pub level: Option<LevelMatch>,
    /// Terms of the job the taxonomy does not know; they count neither way.
    pub unrecognised: Vec<UnrecognisedTerm>,
    /// How the job was read, when the match should be read with care (see
    /// [`JobWarning`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<JobWarning>,
}

/// The parts of the match percentage.
///
/// ```
/// use skillgap::{Scorer, Taxonomy};
/// let scorer = Scorer::new(Taxonomy::builtin());
/// let c = scorer.match_job("SKILLS\nPython\n", "Requirements\n- Python\n- Go\n").components;
/// assert_eq!((c.required.met, c.required.total, c.required.share), (1, 2, 1.0));
/// assert_eq!(c.preferred.total, 0);
/// assert!(c.years.is_none());
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MatchComponents {
    /// Required skills.
    pub required: Component,
    /// Preferred skills.
    pub preferred: Component,
    /// Years; `None` when the job asks for none.
    pub years: Option<YearsComponent>,
}

/// A skill component of the percentage (see [`MatchComponents`]).
///
/// ```
/// use skillgap::jd::Component;
/// let c = Component { met: 1, total: 2, credit: 0.5, share: 1.0 };
/// assert_eq!(c.credit * c.share, 0.5);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Component {
    /// Requirements met (evidenced or claimed).
    pub met: usize,
    /// Requirements.
    pub total: usize,
    /// Mean credit, 0–1 (0 when there are none).
    pub credit: f64,
    /// Its share of the percentage after scaling, 0–1 (0 when absent).
    pub share: f64,
}

/// The years component of the percentage.
///
/// ```
/// use skillgap::{Scorer, Taxonomy};
/// let scorer = Scorer::new(Taxonomy::builtin());
/// let m = scorer.match_job(
///     "EXPERIENCE\nEngineer (2022 - 2024)\n- Python services\n",
///     "Requirements\n- 4+ years of Python\n",
/// );
/// let y = m.components.years.unwrap();
/// assert_eq!(y.credit, m.years.found / 4.0);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct YearsComponent {
    /// `min(1, found / asked)`, 0–1.
    pub credit: f64,
    /// Its share of the percentage after scaling, 0–1.
    pub share: f64,
}

/// One requirement and what the resume shows for it.
///
/// ```
/// use skillgap::{Scorer, Taxonomy, Status};
/// let scorer = Scorer::new(Taxonomy::builtin());
/// let m = scorer.match_job(
///     "EXPERIENCE\nEngineer (2020 - 2024)\n- Built services in Django\n",
///     "Requirements\n- A backend framework\n",
/// );
/// let r = &m.matched[0];
/// assert_eq!((r.via.as_deref(), r.status), (Some("django"), Some(Status::Evidenced)));
/// assert!(r.through_competency && r.is_met());
/// assert_eq!(r.evidence.as_ref().unwrap().line, 3);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RequirementMatch {
    /// The requirement's id (see [`super::JobRequirement::id`]).
    pub id: String,
    /// How it reads.
    pub name: String,
    /// How much the job wants it.
    pub priority: Priority,
    /// Skill ids that satisfy it.
    pub options: Vec<String>,
    /// The competency phrase it came from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<GroupRef>,
    /// Asked only because the job named a skill that implies it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub implied_by: Option<String>,
    /// The best status the resume shows for any option.
    pub status: Option<Status>,
    /// Credit earned, 0–1.
    pub credit: f64,
    /// The resume skill that satisfies it, when it is not simply the one skill
    /// asked for (an alternative, or a skill of the competency).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub via: Option<String>,
    /// Met only through a competency phrase: the job asked for "a backend
    /// framework" and the resume shows Django.
    pub through_competency: bool,
    /// The resume line that shows it best.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<Evidence>,
    /// The resume line where an option was negated ("no experience with Kafka").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub negated_line: Option<usize>,
    /// The first job line that asked for it.
    pub asked: AskedLine,
}

impl RequirementMatch {
    /// Met: an option is evidenced or claimed (see the struct's example).
    pub fn is_met(&self) -> bool {
        matches!(self.status, Some(Status::Evidenced | Status::Claimed))
    }
}

/// Years asked against years found.
///
/// ```
/// use skillgap::{Scorer, Taxonomy};
/// let scorer = Scorer::new(Taxonomy::builtin());
/// let m = scorer.match_job("Python developer with 6 years of experience", "Requirements\n- 5+ years of Python\n");
/// assert_eq!((m.years.asked.unwrap().min, m.years.found, m.years.met), (5.0, 6.0, Some(true)));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct YearsMatch {
    /// What the job asks.
    pub asked: Option<YearsAsked>,
    /// Years the resume shows (see [`crate::report::Experience::years`]).
    pub found: f64,
    /// Whether `found >= asked.min`; `None` when nothing is asked.
    pub met: Option<bool>,
}

/// Readiness for the level the job aims at.
///
/// ```
/// use skillgap::{Scorer, Taxonomy};
/// let scorer = Scorer::new(Taxonomy::builtin());
/// let report = scorer.score("SKILLS\nPython");
/// let m = scorer.match_parsed(&report, &scorer.parse_job("Senior Python Engineer\n"));
/// let l = m.level.unwrap();
/// assert_eq!(l.asked.id, "senior");
/// assert_eq!(l.readiness, report.level("senior").unwrap().readiness);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LevelMatch {
    /// The level the job aims at.
    pub asked: LevelAsked,
    /// The resume's readiness for it, 0–100.
    pub readiness: f64,
    /// Whether the resume reaches it.
    pub reached: bool,
    /// The resume's estimated level.
    pub estimated: Option<String>,
}

impl JobMatch {
    /// Orders matches for a ranking: higher percentage first, then more
    /// required skills met. Ties stay equal so a caller can break them (by
    /// path, say) with `then_with`.
    ///
    /// ```
    /// use skillgap::{Scorer, Taxonomy};
    /// use skillgap::jd::JobMatch;
    /// let scorer = Scorer::new(Taxonomy::builtin());
    /// let job = scorer.parse_job("Requirements\n- Python\n- Kafka\n");
    /// let mut ranked: Vec<(&str, JobMatch)> = [("b.txt", "SKILLS\nPython"), ("a.txt", "SKILLS\nPython, Kafka")]
    ///     .iter()
    ///     .map(|(path, text)| (*path, scorer.match_parsed(&scorer.score(text), &job)))
    ///     .collect();
    /// ranked.sort_by(|a, b| JobMatch::rank(&a.1, &b.1).then_with(|| a.0.cmp(b.0)));
    /// assert_eq!(ranked[0].0, "a.txt");
    /// ```
    pub fn rank(a: &JobMatch, b: &JobMatch) -> std::cmp::Ordering {
        b.percent
            .total_cmp(&a.percent)
            .then(b.components.required.met.cmp(&a.components.required.met))
    }

    /// The match as pretty JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("matches serialise")
    }

    /// A requirement of any list, by id.
    pub fn requirement(&self, id: &str) -> Option<&RequirementMatch> {
        self.missing_required
            .iter()
            .chain(&self.missing_preferred)
            .chain(&self.matched)
            .chain(&self.mentioned)
            .find(|r| r.id == id)
    }
}

pub(crate) fn match_report(resume: &Report, job: &JobDescription) -> JobMatch {
    let mut missing_required = Vec::new();
    let mut missing_preferred = Vec::new();
    let mut matched_required = Vec::new();
    let mut matched_preferred = Vec::new();
    let mut mentioned = Vec::new();
    for r in &job.requirements {
        let best = r
            .options
            .iter()
            .filter_map(|id| resume.skill(id))
            .max_by(|a, b| {
                a.status
                    .cmp(&b.status)
                    .then(a.evidenced_lines.cmp(&b.evidenced_lines))
            });
        let status = best.map(|b| b.status);
        let named: Vec<&str> = if r.group.is_some() {
            r.id.split('|')
                .chain(r.examples.iter().map(String::as_str))
                .collect()
        } else {
            r.options.iter().map(String::as_str).collect()
        };
        let via = best
            .filter(|b| r.options.len() > 1 || r.group.is_some() || b.id != r.options[0])
            .map(|b| b.id.clone());
        let through_competency =
            best.is_some_and(|b| r.group.is_some() && !named.contains(&b.id.as_str()));
        let evidence = best.and_then(|b| {
            b.evidence
                .iter()
                .find(|e| e.strength == b.status)
                .or(b.evidence.first())
                .cloned()
        });
        let negated_line = if best.is_none() {
            resume
                .excluded
                .iter()
                .find(|x| {
                    x.reason == crate::matcher::Exclusion::Negated && r.options.contains(&x.skill)
                })
                .map(|x| x.line)
        } else {
            None
        };
        let m = RequirementMatch {
            id: r.id.clone(),
            name: r.name.clone(),
            priority: r.priority,
            options: r.options.clone(),
            group: r.group.clone(),
            implied_by: r.implied_by.clone(),
            status,
            credit: credit(status),
            via,
            through_competency,
            evidence,
            negated_line,
            asked: r.asked[0].clone(),
        };
        match (r.priority, m.is_met()) {
            (Priority::Required, true) => matched_required.push(m),
            (Priority::Required, false) => missing_required.push(m),
            (Priority::Preferred, true) => matched_preferred.push(m),
            (Priority::Preferred, false) => missing_preferred.push(m),
            (Priority::Mentioned, _) => mentioned.push(m),
        }
    }
    let component = |met: &[RequirementMatch], missing: &[RequirementMatch]| {
        let total = met.len() + missing.len();
        let sum: f64 = met.iter().chain(missing).map(|m| m.credit).sum();
        Component {
            met: met.len(),
            total,
            credit: if total == 0 { 0.0 } else { sum / total as f64 },
            share: 0.0,
        }
    };
    let mut required = component(&matched_required, &missing_required);
    let mut preferred = component(&matched_preferred, &missing_preferred);
    let found = resume.experience.years;
    let years_credit = job.years.as_ref().map(|y| {
        if y.min <= 0.0 {
            1.0
        } else {
            (found / y.min).min(1.0)
        }
    });
    let has_skills = required.total + preferred.total > 0;
    let mut shares = [
        if required.total > 0 {
            SHARE_REQUIRED
        } else {
            0.0
        },
        if preferred.total > 0 {
            SHARE_PREFERRED
        } else {
            0.0
        },
        if years_credit.is_some() && has_skills {
            SHARE_YEARS
        } else {
            0.0
        },
    ];
    let sum: f64 = shares.iter().sum();
    if sum > 0.0 {
        for s in &mut shares {
            *s /= sum;
        }
    }
    required.share = shares[0];
    preferred.share = shares[1];
    let years = years_credit
        .filter(|_| has_skills)
        .map(|credit| YearsComponent {
            credit,
            share: shares[2],
        });
    let percent = if has_skills {
        100.0
            * (shares[0] * required.credit
                + shares[1] * preferred.credit
                + years.as_ref().map_or(0.0, |y| y.share * y.credit))
    } else {
        0.0
    };
    let mut matched = matched_required;
    matched.extend(matched_preferred);
    let level = job.level.as_ref().and_then(|l| {
        resume.level(&l.id).map(|r| LevelMatch {
            asked: l.clone(),
            readiness: r.readiness,
            reached: r.reached,
            estimated: resume.estimated_level.clone(),
        })
    });
    JobMatch {
        schema_version: JD_SCHEMA_VERSION,
        taxonomy: resume.taxonomy.clone(),
        title: job.title.clone(),
        percent: (percent * 10.0).round() / 10.0,
        components: MatchComponents {
            required,
            preferred,
            years,
        },
        missing_required,
        missing_preferred,
        matched,
        mentioned,
        years: YearsMatch {
            asked: job.years.clone(),
            found,
            met: job.years.as_ref().map(|y| found >= y.min),
        },
        level,
        unrecognised: job.unrecognised.clone(),
        warnings: job.warnings.clone(),
    }
}
