//! The [`Report`]: everything a score says, with the evidence behind it.
//!
//! The JSON form is a stable, versioned interface: fields are only added within
//! a `schema_version`; renaming or removing one bumps it. For the same reason the
//! report's structs are `#[non_exhaustive]`: read their fields (or the JSON), but
//! only the library builds them, so adding a field is not a breaking change.

use crate::taxonomy::{Expect, Suggestion};
use crate::text::{Section, YearMonth};
use serde::{Deserialize, Serialize};

/// How a mention was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum EvidenceKind {
    /// The skill's own name, as written in the taxonomy (case folded).
    Exact,
    /// One of its aliases.
    Alias,
    /// A regular-expression pattern of the skill.
    Pattern,
    /// A misspelling or near-variant of a name or alias.
    Fuzzy,
    /// Proven by another skill that implies it.
    Implied,
}

/// Why a mention does not count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Exclusion {
    /// A negation cue ("no experience with") precedes it in its clause.
    Negated,
    /// The resume says it is being learned or planned ("currently learning").
    Learning,
    /// An ambiguous word whose context rules reject it ("go live").
    ContextRejected,
    /// An ambiguous word with nothing around it to confirm the technical sense,
    /// or in a document that names no technical skill unambiguously.
    NoContext,
}

/// Version of the report's JSON schema.
pub const SCHEMA_VERSION: u32 = 1;

/// At most this many evidence lines are listed per skill
/// ([`SkillFinding::evidence`]): the strongest, then the earliest, shown in
/// line order; [`SkillFinding::more_evidence`] counts the rest. Statuses and
/// `evidenced_lines` are computed from every mention, listed or not.
pub const EVIDENCE_CAP: usize = 10;

/// At most this many excluded mentions are listed per skill
/// ([`Report::excluded`], the first in text order); [`Report::more_excluded`]
/// counts the rest.
pub const EXCLUDED_CAP: usize = 5;

/// At most this many date ranges and this many statements of years are listed
/// ([`Experience::ranges`], [`Experience::statements`], the first in text
/// order); the years are computed from all of them, and
/// [`Report::more_ranges`] and [`Report::more_statements`] count the rest.
pub const EXPERIENCE_CAP: usize = 50;

fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// How strongly a resume shows a skill, weakest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Mentioned only with a hedge ("basic knowledge of", "currently learning").
    Weak,
    /// Named, e.g. in a skills list, but not shown in use.
    Claimed,
    /// Used in an experience or project line.
    Evidenced,
}

/// The strength used for scoring: a [`Status`], with depth for evidence on two
/// or more lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Strength {
    /// See [`Status::Weak`].
    Weak = 1,
    /// See [`Status::Claimed`].
    Claimed = 2,
    /// See [`Status::Evidenced`].
    Evidenced = 3,
    /// Evidenced on two or more lines.
    Depth = 4,
}

impl Strength {
    /// The credit this strength earns against `expect`: `min(1, value / expected)`
    /// with values weak 1, claimed 2, evidenced 3, depth 4.
    ///
    /// ```
    /// use skillgap::report::Strength;
    /// use skillgap::taxonomy::Expect;
    /// assert_eq!(Strength::Claimed.credit(Expect::Claimed), 1.0);
    /// assert_eq!(Strength::Claimed.credit(Expect::Depth), 0.5);
    /// assert_eq!(Strength::Depth.credit(Expect::Evidenced), 1.0);
    /// ```
    pub fn credit(self, expect: Expect) -> f64 {
        let want = match expect {
            Expect::Claimed => 2.0,
            Expect::Evidenced => 3.0,
            Expect::Depth => 4.0,
        };
        (self as u8 as f64 / want).min(1.0)
    }

    /// The status shown to users.
    pub fn status(self) -> Status {
        match self {
            Strength::Weak => Status::Weak,
            Strength::Claimed => Status::Claimed,
            Strength::Evidenced | Strength::Depth => Status::Evidenced,
        }
    }
}

/// A scored resume.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Report {
    /// [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// The taxonomy used.
    pub taxonomy: TaxonomyInfo,
    /// The settings that produced this report.
    pub settings: ReportSettings,
    /// The highest level reached on the ladder: the level a hiring manager for
    /// this role would hire at; `None` when no level is reached.
    pub estimated_level: Option<String>,
    /// The level the gaps lead to.
    pub target_level: Option<String>,
    /// Readiness per level, lowest first.
    pub levels: Vec<LevelReadiness>,
    /// Years of experience found.
    pub experience: Experience,
    /// Skills found (counted mentions only), strongest first, then by id.
    pub skills: Vec<SkillFinding>,
    /// Competencies and the skills that satisfy them.
    pub competencies: Vec<CompetencyFinding>,
    /// Ids of skills named but never shown in use (excluding certifications).
    pub claimed_only: Vec<String>,
    /// Mentions that did not count, and why.
    pub excluded: Vec<ExcludedMention>,
    /// What to work on for the target level, most valuable first.
    pub gaps: Vec<Gap>,
    /// Facts about the document.
    pub document: DocumentInfo,
    /// Excluded mentions left out of [`Report::excluded`] by [`EXCLUDED_CAP`].
    #[serde(default, skip_serializing_if = "is_zero")]
    pub more_excluded: usize,
    /// Date ranges read but left out of [`Experience::ranges`] by [`EXPERIENCE_CAP`].
    #[serde(default, skip_serializing_if = "is_zero")]
    pub more_ranges: usize,
    /// Statements of years read but left out of [`Experience::statements`] by
    /// [`EXPERIENCE_CAP`].
    #[serde(default, skip_serializing_if = "is_zero")]
    pub more_statements: usize,
    /// Another role that fits this resume clearly better than this taxonomy's
    /// role (see [`crate::fit::clearly_better`]); absent when none does, or when
    /// it was not looked for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub better_role: Option<BetterRole>,
}

/// Which taxonomy produced a report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TaxonomyInfo {
    /// Taxonomy id.
    pub id: String,
    /// Role name.
    pub name: String,
    /// Data version.
    pub version: String,
}

/// Settings recorded so that a report can be reproduced.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ReportSettings {
    /// Fuzzy similarity threshold, or `None` when the fuzzy stage was off.
    pub fuzzy_threshold: Option<f64>,
    /// Fuzzy minimum token length, or `None` when the fuzzy stage was off.
    pub fuzzy_min_len: Option<usize>,
    /// Readiness a level needs to count as reached.
    pub level_threshold: f64,
    /// The month `Present` resolved to.
    pub as_of: Option<YearMonth>,
}

/// Readiness for one level.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct LevelReadiness {
    /// Level id.
    pub id: String,
    /// Level name.
    pub name: String,
    /// 0–100, one decimal.
    pub readiness: f64,
    /// Whether the level is reached: every level below it is, the resume shows
    /// the level's years in the role, and it passes the level's gate (see
    /// `docs/LEVELS.md`). Levels are a ladder: never reached above an unreached one.
    pub reached: bool,
    /// Weighted requirement coverage, 0–1.
    pub skills: f64,
    /// Years against expected years, 0–1.
    pub years: f64,
    /// Responsibility signals, 0–1.
    pub responsibilities: f64,
    /// Why the level is not reached, one reason each (empty when reached):
    /// `"below: mid"`, `"years: 3.1 of 5 in the role"`, `"readiness: 42.0 of 60"`,
    /// `"breadth: 0.25 of 0.3"`, `"responsibilities: 0.10 of 0.3"`.
    #[serde(default)]
    pub unmet: Vec<String>,
}

/// Years of experience and where they come from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[non_exhaustive]
pub struct Experience {
    /// The years used for scoring: the larger of merged date ranges and stated years.
    pub years: f64,
    /// Years covered by date ranges, overlaps merged.
    pub from_ranges: f64,
    /// The largest stated number of years, if any.
    pub stated: Option<f64>,
    /// The date ranges read (experience and undated sections only).
    pub ranges: Vec<RangeEvidence>,
    /// The statements read.
    pub statements: Vec<StatementEvidence>,
    /// Years in the role: months of jobs whose lines show the role's core
    /// competencies, plus a share of the years no job places. Levels count these.
    #[serde(default)]
    pub role_years: f64,
    /// Years from roles whose length is written out ("Consultant: 8 months") and that no
    /// date range covers; `years` adds them to `from_ranges`.
    #[serde(default)]
    pub from_durations: f64,
    /// The written-out lengths read.
    #[serde(default)]
    pub durations: Vec<DurationEvidence>,
}

/// A date range and its line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RangeEvidence {
    /// 1-based line.
    pub line: usize,
    /// The text read.
    pub text: String,
    /// First month.
    pub start: YearMonth,
    /// Last month.
    pub end: YearMonth,
    /// Months covered.
    pub months: u32,
    /// Whether this job's lines show the role's work (core competencies), so
    /// its months count as years in the role.
    #[serde(default)]
    pub role: bool,
    /// Whether its months count half: an internship, a student position, or a job held
    /// within a completed course of study.
    #[serde(default)]
    pub half: bool,
}

/// A role's written-out length and its line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct DurationEvidence {
    /// 1-based line.
    pub line: usize,
    /// The text read.
    pub text: String,
    /// Years stated.
    pub years: f64,
    /// Whether it counts half: an internship or a student position.
    #[serde(default)]
    pub half: bool,
}

/// A statement of years and its line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct StatementEvidence {
    /// 1-based line.
    pub line: usize,
    /// The text read.
    pub text: String,
    /// Years stated.
    pub years: f64,
}

/// A role that fits a resume clearly better than the report's own role.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BetterRole {
    /// The role's taxonomy id, e.g. `frontend-developer`.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Its fit (0–100).
    pub fit: f64,
    /// The report's own role's fit, on the same scale.
    pub this_fit: f64,
    /// The level the person would be hired at in that role, if any.
    pub estimated_level: Option<String>,
}

/// A skill the resume shows, with every place it was found.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SkillFinding {
    /// Skill id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// The skill's kind (language, framework, ...).
    pub kind: String,
    /// evidenced, claimed or weak.
    pub status: Status,
    /// Number of distinct experience/project lines that evidence it.
    pub evidenced_lines: usize,
    /// Where it was found: one item per line, at most [`EVIDENCE_CAP`].
    pub evidence: Vec<Evidence>,
    /// Lines with evidence of this skill that are not listed in `evidence`
    /// (see [`EVIDENCE_CAP`]).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub more_evidence: usize,
}

/// One place a skill was found.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Evidence {
    /// 1-based line in the input.
    pub line: usize,
    /// The section of that line.
    pub section: Section,
    /// The line's text (normalised, shortened around the match when long).
    pub text: String,
    /// The text that matched.
    pub matched: String,
    /// How it matched.
    pub kind: EvidenceKind,
    /// The taxonomy spelling it matched (the alias, the fuzzy target, the pattern,
    /// or for `implied` the id of the implying skill).
    pub via: String,
    /// Similarity of a fuzzy match.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub similarity: Option<f64>,
    /// What this mention is worth: weak (hedged), claimed or evidenced.
    pub strength: Status,
}

/// A competency and how the resume satisfies it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CompetencyFinding {
    /// Competency id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Best status among its skills, if any was found.
    pub status: Option<Status>,
    /// The skills found that satisfy it.
    pub via: Vec<String>,
}

/// A mention that did not count.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ExcludedMention {
    /// Skill id.
    pub skill: String,
    /// 1-based line.
    pub line: usize,
    /// Section of the line.
    pub section: Section,
    /// The line's text.
    pub text: String,
    /// The text that matched.
    pub matched: String,
    /// Why it does not count.
    pub reason: Exclusion,
}

/// What a gap is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum GapKind {
    /// A competency requirement.
    Competency,
    /// A skill requirement.
    Skill,
    /// A responsibility signal.
    Responsibility,
    /// Years of experience.
    Years,
}

/// One thing to work on for the target level.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Gap {
    /// The competency or skill id (`years` for the years gap).
    pub skill: String,
    /// Display name.
    pub name: String,
    /// What the gap is about.
    pub kind: GapKind,
    /// The level it is a requirement of.
    pub level: String,
    /// Requirement weight.
    pub weight: f64,
    /// What the resume shows now (`None`: nothing).
    pub current: Option<Status>,
    /// What full credit needs.
    pub expect: Expect,
    /// Readiness points (0–100) the level gains when this gap is closed.
    pub gain: f64,
    /// Why it matters.
    pub why: String,
    /// What evidence would count.
    pub evidence: String,
    /// A concrete way to close it, traced to a source.
    pub suggestion: Option<Suggestion>,
    /// For competencies: skills that would satisfy it (up to six).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<String>,
}

/// Facts about the scored document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[non_exhaustive]
pub struct DocumentInfo {
    /// Lines in the input.
    pub lines: usize,
    /// Characters in the input.
    pub chars: usize,
    /// Sections found, in order of first appearance.
    pub sections: Vec<Section>,
}

impl SkillFinding {
    /// The evidence that best shows the skill: the strongest, then the earliest.
    ///
    /// ```
    /// use skillgap::{Scorer, Taxonomy};
    /// let r = Scorer::new(Taxonomy::builtin()).score("Java developer\nEXPERIENCE\n- Built Java services\n");
    /// assert_eq!(r.skill("java").unwrap().best_evidence().unwrap().line, 3);
    /// ```
    pub fn best_evidence(&self) -> Option<&Evidence> {
        self.evidence
            .iter()
            .min_by_key(|e| (std::cmp::Reverse(e.strength), e.line))
    }
}

impl Report {
    /// A skill finding by id.
    pub fn skill(&self, id: &str) -> Option<&SkillFinding> {
        self.skills.iter().find(|s| s.id == id)
    }

    /// Readiness for a level by id.
    pub fn level(&self, id: &str) -> Option<&LevelReadiness> {
        self.levels.iter().find(|l| l.id == id)
    }

    /// The report as pretty JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("reports serialise")
    }
}
