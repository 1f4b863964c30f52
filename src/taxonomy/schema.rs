//! The taxonomy's data types, as written in a taxonomy file.
//!
//! These types are plain data: they derive `serde` traits but know nothing of
//! any file format. [`crate::taxonomy::loader`] is the only place that turns
//! YAML into them. `taxonomy/README.md` documents every field with an example.

use serde::{Deserialize, Serialize};

/// The schema version this build reads and writes.
pub const SCHEMA_VERSION: u32 = 1;

/// A whole taxonomy file: sources, competencies, concrete skills and levels.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct TaxonomyFile {
    /// Schema version of the file; must be [`SCHEMA_VERSION`].
    #[serde(default = "default_schema_version")]
    pub schema_version: u32,
    /// Stable identifier of the role, e.g. `backend-developer`.
    #[serde(default)]
    pub id: String,
    /// Display name of the role.
    #[serde(default)]
    pub name: String,
    /// Version of the taxonomy's data (not of the schema), reported in every report.
    #[serde(default)]
    pub version: String,
    /// `builtin` to extend the built-in taxonomy instead of replacing it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extends: Option<String>,
    /// With `extends`: top-level lists the file replaces instead of merging into
    /// the base (`competencies`, `levels`; see [`REPLACEABLE`]). A role profile
    /// keeps the shared skills and brings its own competencies and levels.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub replace: Vec<String>,
    /// Free text shown by `taxonomy show`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// Where the data comes from; skills, levels and suggestions cite these ids.
    #[serde(default)]
    pub sources: Vec<Source>,
    /// Matching and scoring settings that belong to the data.
    #[serde(default)]
    pub settings: Settings,
    /// Cue phrases that turn a mention into a negated or hedged one.
    #[serde(default)]
    pub cues: Cues,
    /// Abstract competencies (e.g. "API Development"), each satisfied by concrete skills.
    #[serde(default)]
    pub competencies: Vec<Competency>,
    /// Concrete skills, tools, practices, certifications and responsibilities found in text.
    #[serde(default)]
    pub skills: Vec<Skill>,
    /// Career levels from lowest to highest.
    #[serde(default)]
    pub levels: Vec<Level>,
    /// Phrases of job descriptions that ask for any skill of a kind ("a
    /// backend framework", "relational databases").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<SkillGroup>,
}

/// A phrase that asks for any skill of a kind: "a relational database",
/// "a major cloud provider". Job descriptions are read with it; a requirement
/// that names the phrase is met by any of the group's skills.
///
/// ```
/// use skillgap::Taxonomy;
/// let t = Taxonomy::from_yaml(r#"
/// id: t
/// skills: [{id: postgresql, name: PostgreSQL}, {id: mysql, name: MySQL}]
/// levels: [{id: junior, requirements: [{skill: postgresql}]}]
/// groups:
///   - id: relational-database
///     label: a relational database
///     pattern: '\brelational\s+databases?\b'
///     keywords: [relational]
///     skills: [postgresql, mysql]
///     example: Experience with relational databases
/// "#).unwrap();
/// assert_eq!(t.groups()[0].skills, ["postgresql", "mysql"]);
/// ```
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct SkillGroup {
    /// Identifier, used as the requirement id when no competency is named.
    pub id: String,
    /// How the requirement reads ("a backend framework"). Required (checked by
    /// validation, so that a file that `extends` may amend a group by id alone).
    #[serde(default)]
    pub label: String,
    /// Regular expression for the phrase, matched case-insensitively; write
    /// `\b` for word boundaries. Required, like `label`.
    #[serde(default)]
    pub pattern: String,
    /// Lower-case fragments one of which the text must contain for the pattern
    /// to be tried (a cheap prefilter); empty: always tried.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub keywords: Vec<String>,
    /// A competency whose skills satisfy the phrase (the requirement id is
    /// then the competency's). Exclusive with `skills`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub competency: Option<String>,
    /// Skill ids that satisfy the phrase.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub skills: Vec<String>,
    /// A phrase the pattern must find (checked by `taxonomy check`).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub example: String,
}

/// The top-level lists a file that `extends` another may `replace`.
pub const REPLACEABLE: &[&str] = &["competencies", "levels"];

fn default_schema_version() -> u32 {
    SCHEMA_VERSION
}

/// A document the taxonomy's data is traced to.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Identifier cited by `source:` fields, e.g. `seed-003`.
    pub id: String,
    /// Human title of the document.
    #[serde(default)]
    pub title: String,
    /// File name of the document, when it is one.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub file: String,
}

/// Settings that travel with the data so that a report can be reproduced.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct Settings {
    /// Minimum normalised Damerau-Levenshtein similarity (0–1) for a fuzzy match.
    pub fuzzy_threshold: f64,
    /// Tokens shorter than this (in characters) are never matched fuzzily.
    pub fuzzy_min_len: usize,
    /// Readiness (0–100) a level needs to count as reached.
    pub level_threshold: f64,
    /// Share (0–1) of the role's competencies, weighted by importance, that a
    /// resume must touch for its years and responsibilities to count in full.
    /// Below it they count in proportion, so years in an unrelated career do
    /// not make someone ready for this role.
    pub relevance_full: f64,
    /// How many distinct `core` competencies the lines of one job (from its
    /// date range to the next) must touch for its months to count as years in
    /// this role (see `docs/LEVELS.md`).
    pub role_evidence_per_job: usize,
    /// Share (0–1) of the years that no job's date range places (stated years,
    /// resumes without dates) that count as years in this role when the resume
    /// as a whole shows too little role evidence to say.
    pub unplaced_years_share: f64,
    /// Years a resume may fall short of a level's `years.min` and still reach
    /// it (dates written as years only, rounded statements).
    pub years_tolerance: f64,
    /// `skillgap fit`: how many distinct Experience lines evidencing a role skill
    /// a work history needs for its fit to count in full; fewer scale every
    /// role's fit down in proportion (a few tool words do not make a software
    /// career). 0 turns the scaling off (docs/ROLES.md).
    pub fit_evidence_lines: f64,
    /// `skillgap score`: how many fit points another role must lead this one
    /// by for the report to name it as fitting clearly better (docs/ROLES.md).
    pub fit_margin: f64,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            fuzzy_threshold: 0.8,
            fuzzy_min_len: 5,
            level_threshold: 70.0,
            relevance_full: 0.25,
            role_evidence_per_job: 2,
            unplaced_years_share: 0.5,
            years_tolerance: 0.5,
            fit_evidence_lines: 0.0,
            fit_margin: 15.0,
        }
    }
}

/// Phrases that change how a mention counts. Matching is ASCII case-insensitive
/// and whole-word; a cue applies from where it stands to the end of its clause
/// (`.`, `!`, `?`, `;`, `|`, `•`, `but`, `however`, or the end of the line), and
/// to the mention just before it when it stands in parentheses ("Vue (basic)").
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct Cues {
    /// The person says they lack the skill ("no experience with"): not counted.
    pub negation: Vec<String>,
    /// The person hedges ("basic knowledge of", "familiar with"): counted as weak.
    pub hedge: Vec<String>,
    /// The person is learning it or plans to ("currently learning", "planning
    /// to learn"): not counted, reported as excluded (`learning`).
    pub learning: Vec<String>,
    /// Words that make a job title another role's ("Mobile Team Lead", "Test
    /// Lead", "Senior Design Engineer"): its seniority says nothing about this
    /// role, so it does not ease a level's gate (`gate.title_breadth`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub other_role_titles: Vec<String>,
}

/// How important a competency is, as the seeds grade it.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[serde(rename_all = "kebab-case")]
pub enum Importance {
    /// Nice to have.
    Medium,
    /// Expected of most people in the role.
    MediumHigh,
    /// Core to the role.
    High,
}

impl Importance {
    /// The default requirement weight for this importance: 1, 2 or 3.
    pub fn weight(self) -> f64 {
        match self {
            Importance::Medium => 1.0,
            Importance::MediumHigh => 2.0,
            Importance::High => 3.0,
        }
    }
}

/// An abstract competency satisfied by any of a set of concrete skills.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Competency {
    /// Identifier, unique across competencies and skills.
    pub id: String,
    /// Display name.
    #[serde(default)]
    pub name: String,
    /// The seed's type column (programming, backend, database, ...).
    #[serde(default, rename = "type", skip_serializing_if = "String::is_empty")]
    pub kind: String,
    /// The seed's importance; decides the default weight.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub importance: Option<Importance>,
    /// The seed's proficiency level column (beginner, intermediate, advanced...).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub level: String,
    /// Why it matters: the seed's "used for".
    #[serde(default)]
    pub used_for: String,
    /// Skill ids that evidence this competency.
    #[serde(default)]
    pub skills: Vec<String>,
    /// Whether this competency is the role's own work: a job whose lines show
    /// enough core competencies counts as years in the role.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub core: bool,
    /// What evidence in a resume would count.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub evidence: String,
    /// Concrete ways to close the gap.
    #[serde(default)]
    pub suggestions: Vec<Suggestion>,
    /// How long closing a gap on it takes, for the learning plan.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effort: Option<Effort>,
    /// Source ids this entry is traced to.
    #[serde(default)]
    pub source: Vec<String>,
}

/// How many months of focused work it takes to close a gap on a competency or
/// skill from nothing to the evidence a level asks for (a learning-plan step),
/// traced to a source. A gap already partly closed takes that share of it (see
/// `crate::plan`).
///
/// ```
/// use skillgap::Taxonomy;
/// let t = Taxonomy::builtin();
/// let sql = t.competency("sql-databases").unwrap().effort.as_ref().unwrap();
/// assert!(sql.months > 0.0);
/// assert_eq!(sql.source, "seed-003");
/// ```
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Effort {
    /// Months of focused work, in (0, 36].
    pub months: f64,
    /// The source id the duration comes from (`recruiter-estimate` where the
    /// seeds give none).
    #[serde(default)]
    pub source: String,
    /// What the duration rests on, e.g. "Roadmap month 2, Databases and SQL".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub basis: String,
}

/// A concrete way to close a gap, traced to a source.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Suggestion {
    /// What to do.
    pub text: String,
    /// `roadmap`, `project`, `certification` or `practice`.
    #[serde(default)]
    pub kind: String,
    /// The source id it comes from.
    #[serde(default)]
    pub source: String,
}

/// A concrete skill, tool, practice, certification or responsibility that can be
/// found in text.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Skill {
    /// Identifier, unique across competencies and skills.
    pub id: String,
    /// Display name; also matched like an alias.
    #[serde(default)]
    pub name: String,
    /// language, framework, database, cloud, tool, practice, certification, responsibility, ...
    #[serde(default)]
    pub kind: String,
    /// Other spellings, matched exactly (ASCII case-insensitive, whole words).
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Spellings that are also ordinary words and need [`Skill::context`] to count.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ambiguous: Vec<AmbiguousAlias>,
    /// Context rules for the ambiguous spellings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context: Option<ContextRules>,
    /// Extra regular expressions (matched per line) for phrasings aliases cannot list.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub patterns: Vec<String>,
    /// Other skills a mention of this one also proves (e.g. EKS implies `aws` and
    /// `kubernetes`). Implied skills get the same status, with evidence kind `implied`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub implies: Vec<String>,
    /// Whether the fuzzy stage may match this skill's aliases (default true).
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub fuzzy: bool,
    /// Ways to close a gap on this skill; competencies' suggestions are used otherwise.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub suggestions: Vec<Suggestion>,
    /// Why it matters, when the skill is a requirement on its own.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub used_for: String,
    /// Source ids this entry is traced to (`recruiter` for knowledge not in the seeds).
    #[serde(default)]
    pub source: Vec<String>,
    /// How long closing a gap on it takes (a requirement, responsibility or
    /// certification of a level), for the learning plan.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effort: Option<Effort>,
    /// Free notes for taxonomy authors (e.g. which aliases a recruiter added).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
}

fn yes() -> bool {
    true
}

fn is_true(b: &bool) -> bool {
    *b
}

/// A spelling that is also an ordinary word (`Go`, `Express`, `Spring`, `Rest`).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct AmbiguousAlias {
    /// The spelling.
    pub text: String,
    /// When true the text must match with exactly this case (`Go`, not `go`).
    #[serde(default)]
    pub case_sensitive: bool,
}

/// When an ambiguous spelling counts. A mention counts when no `reject_*`
/// expression matches and at least one of these holds: an `accept` expression
/// matches within 80 bytes of it, another skill is found within 80 bytes of it,
/// or its line is in a Skills section (with `strict`, only `accept` counts).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct ContextRules {
    /// Regexes tested against the text before the mention on its line (use `$` to anchor).
    #[serde(default)]
    pub reject_before: Vec<String>,
    /// Regexes tested against the text after the mention on its line (use `^` to anchor).
    #[serde(default)]
    pub reject_after: Vec<String>,
    /// Regexes tested against the text within 80 bytes of the mention; any
    /// match confirms it.
    #[serde(default)]
    pub accept: Vec<String>,
    /// When true, only an `accept` match confirms the mention: neighbouring
    /// skills and Skills sections do not (for generic words such as "testing"
    /// or "security", whose other senses appear beside technologies too).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub strict: bool,
}

/// How much evidence a requirement expects for full credit.
#[derive(
    Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, PartialOrd, Ord, Hash, Default,
)]
#[serde(rename_all = "lowercase")]
pub enum Expect {
    /// Named anywhere, e.g. in a skills list.
    #[default]
    Claimed,
    /// Used in experience or projects.
    Evidenced,
    /// Used in two or more places in experience or projects.
    Depth,
}

/// One weighted requirement of a level: a competency or a skill.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Requirement {
    /// Competency id, or
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub competency: Option<String>,
    /// skill id (exactly one of the two).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub skill: Option<String>,
    /// Weight in (0, 10]; defaults to the competency's importance weight, or 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weight: Option<f64>,
    /// The evidence needed for full credit.
    #[serde(default)]
    pub expect: Expect,
}

impl Requirement {
    /// The competency or skill id this requirement names.
    pub fn target(&self) -> &str {
        self.competency
            .as_deref()
            .or(self.skill.as_deref())
            .unwrap_or("")
    }
}

/// Expected years of professional experience for a level.
#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Years {
    /// Years at which the years component gives full credit.
    pub min: f64,
    /// Upper end of the typical range (informational).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
}

/// What a level needs to count as reached, besides every level below it and
/// `years.min` years in the role (see `docs/LEVELS.md`).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default)]
#[serde(deny_unknown_fields, default)]
pub struct Gate {
    /// Readiness (0–100) the level needs; `None`: `settings.level_threshold`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub readiness: Option<f64>,
    /// Share (0–1) of the role's competencies, weighted by importance, that the
    /// resume touches at all.
    pub breadth: f64,
    /// The level's responsibility component (0–1) as the report shows it.
    pub responsibilities: f64,
    /// Skill ids (usually responsibilities or titles) of which the resume must
    /// show at least one: a lead leads a team, an architect holds the role.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub any_of: Vec<String>,
    /// The breadth the level needs instead of `breadth` when the most recent
    /// job's title names this level or a higher one (its `title_words`) and is
    /// a title of this role (no `cues.other_role_titles` word): a hiring
    /// manager reads "Principal Software Engineer" as well as the skills.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title_breadth: Option<f64>,
    /// Level ids: the level is not reached when the most recent job's title
    /// names one of these levels as its highest (a "Graduate Software
    /// Developer" is hired as a junior, whatever the dates say).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub not_titled: Vec<String>,
}

/// How a level's readiness blends its three components. The parts are
/// normalised by their sum.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct Blend {
    /// Share of weighted requirement coverage.
    pub skills: f64,
    /// Share of years against expected years.
    pub years: f64,
    /// Share of responsibility signals.
    pub responsibilities: f64,
}

impl Default for Blend {
    fn default() -> Self {
        Blend {
            skills: 0.8,
            years: 0.2,
            responsibilities: 0.0,
        }
    }
}

/// A career level and what it takes.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Level {
    /// Identifier: `junior`, `mid`, `senior`, `lead`, `architect` in the default taxonomy.
    pub id: String,
    /// Display name.
    #[serde(default)]
    pub name: String,
    /// Job titles at this level.
    #[serde(default)]
    pub titles: Vec<String>,
    /// Words of a job posting's title or level field that name this level
    /// ("sr", "entry level"; read by the job-description reader): lower case,
    /// letters and digits, one or two words.
    /// The level's id counts too. Of several in a title, the highest level wins.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub words: Vec<String>,
    /// The part of `words` (or the level's id) that also names this career stage
    /// in the resume's latest job title ("senior", "principal", "intern"; read by
    /// the level ladder); whole words, ASCII case ignored. A title's stage is the
    /// highest level whose words it holds. `taxonomy check` rejects a title word
    /// that is not one of the level's `words`, so a word names one level in
    /// postings and resumes alike; words a resume's title line would misread
    /// ("entry" in "Data Entry Operator") are left out of it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub title_words: Vec<String>,
    /// Expected years of experience.
    #[serde(default)]
    pub years: Years,
    /// How readiness blends skills, years and responsibilities.
    #[serde(default)]
    pub blend: Blend,
    /// What else the level needs to count as reached, besides the level below
    /// and its years in the role.
    #[serde(default)]
    pub gate: Gate,
    /// What the level does, in the seeds' words.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub summary: String,
    /// Weighted requirements.
    #[serde(default)]
    pub requirements: Vec<Requirement>,
    /// Responsibility signals (skill ids of kind `responsibility`), weighted.
    #[serde(default)]
    pub responsibilities: Vec<Requirement>,
    /// Certification skill ids worth taking at this level.
    #[serde(default)]
    pub certifications: Vec<String>,
    /// How to get here from the level below, in the seeds' words.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub suggestions: Vec<Suggestion>,
    /// Source ids.
    #[serde(default)]
    pub source: Vec<String>,
}
