//! Job descriptions: what a job asks for, and how well a resume matches it.
//!
//! The core does no I/O: a job description's text in, a [`JobDescription`]
//! out; a resume's [`Report`] and a [`JobDescription`] in, a [`JobMatch`] out.
//! Parse a job once and match many resumes against it:
//!
//! ```
//! use skillgap::{Scorer, Taxonomy};
//! use skillgap::jd::{JobDescription, Priority};
//!
//! let scorer = Scorer::new(Taxonomy::builtin());
//! let job = JobDescription::parse(&scorer, "\
//! Senior Backend Engineer
//! Requirements
//! - 5+ years of backend experience
//! - Python and Kafka
//! Nice to have
//! - Go
//! ");
//! assert_eq!(job.years.as_ref().unwrap().min, 5.0);
//! assert!(job.asks("python", Priority::Required));
//! assert!(job.asks("go", Priority::Preferred));
//!
//! let report = scorer.score("EXPERIENCE\nEngineer, Acme (2018 - 2024)\n- Built Kafka consumers in Python\n");
//! let m = scorer.match_parsed(&report, &job);
//! assert!(m.missing_required.is_empty());
//! assert_eq!(m.missing_preferred[0].id, "go");
//! assert!(m.percent > 50.0 && m.percent < 100.0);
//! ```
//!
//! # What a job description asks for
//!
//! The text is cut into items and sections ([`sections`]). Skills are found by
//! the same [`Matcher`](crate::matcher::Matcher) as resumes (aliases, context
//! rules, negation, fuzzy), and each gets a [`Priority`] from its section:
//!
//! | section | priority |
//! |---|---|
//! | the title, requirements / must have / qualifications / about you, education | required |
//! | nice to have / bonus / preferred / desirable | preferred |
//! | responsibilities, about the role, tech stack | mentioned |
//! | about the company, culture, benefits / perks, hiring process, metadata, text between the title and the first heading | ignored |
//!
//! When a job description has no requirements section at all, what would be
//! mentioned, and the text before the first heading, is required instead (the
//! whole posting is then what it asks for).
//! Requirements written elsewhere are read too (`src/jd/parse.rs`):
//! bold-label bullets (`**Experience:** 2+ years of Go`) are inline headings,
//! an experience field naming a technology and any metadata line naming
//! three or more are requirements, an item opening with a requirement phrase
//! ("You have ...", `data/jd-requirement-openers.txt`) asks wherever it stands
//! but in benefits and the hiring process, and numbered section headings
//! ("2. What we are looking for") start sections. When the job names
//! technologies but none is required, every technology named outside
//! metadata, benefits and the hiring process is required and the job carries
//! a [`JobWarning`] that the match repeats.
//! Inline cues override a section: in a requirements list, "Kafka is a plus",
//! "nice to have: Redis", "ideally Go", "bonus points for Rust" make those
//! skills preferred, and the same cues in responsibilities lift mentioned skills
//! to preferred (`src/jd/clauses.rs`). A skill named in several places keeps its highest
//! priority (required > preferred > mentioned).
//!
//! **Alternatives**: "PostgreSQL or MySQL", "Node.js or Python", "Java or Go",
//! "Celery (or a similar task queue)", and lists of one kind ending in `or`
//! ("C, C++, Java, Go or Python") become one requirement that any of them
//! satisfies. **Competency phrases** ("a backend framework", "relational
//! databases", "a major cloud provider", a competency's own name) become a
//! requirement that any skill of the group satisfies (the taxonomy's `groups:`); skills
//! named as examples after such a phrase ("such as Django or Flask", "including
//! AWS") are folded into it, and a phrase next to a skill of its own kind
//! without such a cue gives way to the skill, and a phrase the taxonomy
//! itself spells as a skill ("message broker") is that skill. A skill that
//! implies others (`EKS` implies `aws` and `kubernetes`) asks for those too,
//! marked [`JobRequirement::implied_by`] unless the job also names them.
//! Job titles are not requirements: title signals of the taxonomy
//! (`senior-title`) and responsibility signals in the title line ("Tech
//! Lead") are left to the level.
//!
//! Years ([`find_years`]) and the level ([`level`]) are read as documented in
//! their modules; terms that look like technologies the taxonomy does not know
//! are listed as [`UnrecognisedTerm`]s ([`terms`]).

mod clauses;
mod data;
pub(crate) use crate::taxonomy::groups;
pub mod level;
mod matching;
mod parse;
pub(crate) mod sections;
pub(crate) mod terms;
mod years;

pub use level::{LevelAsked, LevelSource};
pub use matching::{
    Component, JobMatch, LevelMatch, MatchComponents, RequirementMatch, YearsMatch, CREDIT_CLAIMED,
    CREDIT_EVIDENCED, CREDIT_WEAK, JD_SCHEMA_VERSION, SHARE_PREFERRED, SHARE_REQUIRED, SHARE_YEARS,
};
pub use sections::{job_heading, JobSection};
pub use terms::UnrecognisedTerm;
pub use years::{find_years, YearsAsked};

use crate::matcher::Exclusion;
use crate::report::TaxonomyInfo;
use crate::{Report, Scorer};
use serde::{Deserialize, Serialize};

/// How much a job description wants a skill.
///
/// ```
/// use skillgap::{Scorer, Taxonomy};
/// use skillgap::jd::Priority;
/// let scorer = Scorer::new(Taxonomy::builtin());
/// let job = scorer.parse_job("What you'll do\n- Build Kafka consumers\nRequirements\n- Python; Redis is a plus\n");
/// assert_eq!(job.priority_of("python"), Some(Priority::Required));
/// assert_eq!(job.priority_of("redis"), Some(Priority::Preferred));
/// assert_eq!(job.priority_of("kafka"), Some(Priority::Mentioned));
/// assert!(Priority::Required > Priority::Preferred);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Priority {
    /// Named only in responsibilities, the role or the stack: shown, not scored.
    Mentioned,
    /// Nice to have.
    Preferred,
    /// Must have.
    Required,
}

impl Priority {
    /// The lower-case name used in reports.
    ///
    /// ```
    /// assert_eq!(skillgap::jd::Priority::Required.as_str(), "required");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Priority::Mentioned => "mentioned",
            Priority::Preferred => "preferred",
            Priority::Required => "required",
        }
    }
}

impl std::fmt::Display for Priority {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A line of the job description that asked for a requirement.
///
/// ```
/// use skillgap::{Scorer, Taxonomy};
/// use skillgap::jd::JobSection;
/// let scorer = Scorer::new(Taxonomy::builtin());
/// let job = scorer.parse_job("Engineer\nRequirements\n- 2+ years with PostgreSQL\n");
/// let asked = &job.requirement("postgresql").unwrap().asked[0];
/// assert_eq!((asked.line, asked.section, asked.matched.as_str()), (3, JobSection::Requirements, "PostgreSQL"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AskedLine {
    /// 1-based line of the job description.
    pub line: usize,
    /// How much this line asks for it.
    pub priority: Priority,
    /// Its section.
    pub section: JobSection,
    /// The item's text (a bullet with its wrapped lines), shortened around the
    /// match when long.
    pub text: String,
    /// The text that matched.
    pub matched: String,
}

/// A competency phrase behind a requirement ("a backend framework").
///
/// ```
/// use skillgap::{Scorer, Taxonomy};
/// let scorer = Scorer::new(Taxonomy::builtin());
/// let job = scorer.parse_job("Requirements\n- Experience with a backend framework\n");
/// let g = job.requirements[0].group.as_ref().unwrap();
/// assert_eq!((g.label.as_str(), g.competency.as_deref()), ("a backend framework", Some("backend-frameworks")));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupRef {
    /// The competency id, or the phrase key when no competency fits.
    pub id: String,
    /// How it reads: the phrase label or the competency name.
    pub label: String,
    /// The taxonomy competency whose skills satisfy it, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub competency: Option<String>,
}

/// One thing a job description asks for: a skill, alternatives, or a
/// competency phrase.
///
/// ```
/// use skillgap::{Scorer, Taxonomy};
/// let scorer = Scorer::new(Taxonomy::builtin());
/// let job = scorer.parse_job("Requirements\n- PostgreSQL or MySQL\n");
/// let r = &job.requirements[0];
/// assert_eq!((r.id.as_str(), r.name.as_str()), ("postgresql|mysql", "PostgreSQL or MySQL"));
/// assert_eq!(r.options, ["postgresql", "mysql"]);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JobRequirement {
    /// A skill id; alternatives joined with `|` (`postgresql|mysql`); or the
    /// group id for a competency phrase.
    pub id: String,
    /// How it reads ("PostgreSQL or MySQL", "a backend framework").
    pub name: String,
    /// How much the job wants it.
    pub priority: Priority,
    /// Skill ids; any one of them satisfies the requirement.
    pub options: Vec<String>,
    /// The competency phrase it came from, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<GroupRef>,
    /// Skills the job named as examples of the phrase ("such as Django").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub examples: Vec<String>,
    /// The skill whose mention implies this one (the job said "EKS", which
    /// implies `kubernetes`), when the job never names this one itself.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub implied_by: Option<String>,
    /// Where the job asks for it, in line order.
    pub asked: Vec<AskedLine>,
}

/// A skill named where it does not count (company blurb, benefits, hiring
/// process, metadata), or excluded by the matcher (negated, another sense).
///
/// ```
/// use skillgap::{Scorer, Taxonomy};
/// use skillgap::jd::JobSection;
/// let scorer = Scorer::new(Taxonomy::builtin());
/// let job = scorer.parse_job("Engineer\nAbout us\nWe run on Kubernetes.\nRequirements\n- Python\n");
/// let i = &job.ignored[0];
/// assert_eq!((i.skill.as_str(), i.section, i.excluded), ("kubernetes", JobSection::Company, None));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IgnoredMention {
    /// Skill id.
    pub skill: String,
    /// 1-based line.
    pub line: usize,
    /// The section of the line.
    pub section: JobSection,
    /// The text that matched.
    pub matched: String,
    /// Why the matcher excluded it; `None` when the section is ignored.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub excluded: Option<Exclusion>,
}

/// A section heading found in the job description.
///
/// ```
/// use skillgap::{Scorer, Taxonomy};
/// use skillgap::jd::JobSection;
/// let scorer = Scorer::new(Taxonomy::builtin());
/// let h = &scorer.parse_job("Engineer\n## Bonus points\n- Rust\n").sections[0];
/// assert_eq!((h.line, h.text.as_str(), h.section), (2, "## Bonus points", JobSection::Preferred));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SectionHeading {
    /// 1-based line.
    pub line: usize,
    /// The heading as written.
    pub text: String,
    /// What it was read as.
    pub section: JobSection,
}

/// A parsed job description. Parse once with [`JobDescription::parse`], then
/// match any number of resumes with [`Scorer::match_parsed`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JobDescription {
    /// The taxonomy it was read with (skill ids refer to it).
    pub taxonomy: TaxonomyInfo,
    /// The job title (the first line, or a `Job title:` field).
    pub title: Option<String>,
    /// The level the job aims at, mapped to the taxonomy's levels.
    pub level: Option<LevelAsked>,
    /// The years of experience asked for.
    pub years: Option<YearsAsked>,
    /// What it asks for: required first, then preferred, then mentioned; in
    /// order of first appearance within each.
    pub requirements: Vec<JobRequirement>,
    /// Technology-like terms the taxonomy does not know, in order of appearance.
    pub unrecognised: Vec<UnrecognisedTerm>,
    /// Skills named where they do not count.
    pub ignored: Vec<IgnoredMention>,
    /// The headings found, in order.
    pub sections: Vec<SectionHeading>,
    /// Whether the job has a requirements section (when not, mentioned skills
    /// are required).
    pub has_requirements_section: bool,
    /// What a reader of the match must know about how the job was read.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<JobWarning>,
}

/// What kind of [`JobWarning`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum JobWarningKind {
    /// The job names technologies but no part of it was read as asking for
    /// them; every named technology (outside metadata, benefits and the
    /// hiring process) was taken as required instead of matching 0%.
    NoRequirementsRecognised,
}

/// Something about how a job description was read that changes how its
/// match should be read.
///
/// ```
/// use skillgap::{Scorer, Taxonomy};
/// use skillgap::jd::{JobWarningKind, Priority};
/// let scorer = Scorer::new(Taxonomy::builtin());
/// let job = scorer.parse_job("Backend Engineer\nAbout us\nWe build APIs in Python with PostgreSQL.\n");
/// assert_eq!(job.warnings[0].kind, JobWarningKind::NoRequirementsRecognised);
/// assert_eq!(job.warnings[0].technologies, 2);
/// assert!(job.asks("python", Priority::Required));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JobWarning {
    /// What happened.
    pub kind: JobWarningKind,
    /// How many requirements it concerns.
    pub technologies: usize,
    /// One sentence for people.
    pub message: String,
}

impl JobWarning {
    pub(crate) fn no_requirements_recognised(technologies: usize) -> JobWarning {
        JobWarning {
            kind: JobWarningKind::NoRequirementsRecognised,
            technologies,
            message: format!(
                "This posting names {technologies} {} but no requirement section was \
                 recognised; the match is computed over all named technologies, as required.",
                if technologies == 1 {
                    "technology"
                } else {
                    "technologies"
                }
            ),
        }
    }
}

impl std::fmt::Display for JobWarning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl JobDescription {
    /// Reads a job description's text with the scorer's taxonomy and matcher.
    /// Never fails: a text without skills gives an empty requirement list.
    ///
    /// ```
    /// use skillgap::{Scorer, Taxonomy};
    /// use skillgap::jd::{JobDescription, Priority};
    /// let scorer = Scorer::new(Taxonomy::builtin());
    /// let job = JobDescription::parse(&scorer, "Requirements:\n- Python or Go\n- Kafka is a plus\nPerks:\n- Python books\n");
    /// let r = &job.requirements[0];
    /// assert_eq!((r.id.as_str(), r.priority), ("python|go", Priority::Required));
    /// assert!(job.asks("kafka", Priority::Preferred));
    /// assert_eq!(job.ignored[0].skill, "python"); // the perk does not count
    /// ```
    pub fn parse(scorer: &Scorer, text: &str) -> JobDescription {
        parse::parse(scorer, text)
    }

    /// Requirements of one priority, in order.
    pub fn with_priority(&self, priority: Priority) -> impl Iterator<Item = &JobRequirement> {
        self.requirements
            .iter()
            .filter(move |r| r.priority == priority)
    }

    /// Whether some requirement of exactly this priority can be satisfied by
    /// `skill`.
    pub fn asks(&self, skill: &str, priority: Priority) -> bool {
        self.with_priority(priority)
            .any(|r| r.options.iter().any(|o| o == skill))
    }

    /// The highest priority with which `skill` can satisfy a requirement.
    ///
    /// ```
    /// use skillgap::{Scorer, Taxonomy};
    /// use skillgap::jd::{JobDescription, Priority};
    /// let scorer = Scorer::new(Taxonomy::builtin());
    /// let job = JobDescription::parse(&scorer, "Responsibilities\n- Build Kafka consumers\nRequirements\n- Python\n");
    /// assert_eq!(job.priority_of("kafka"), Some(Priority::Mentioned));
    /// assert_eq!(job.priority_of("go"), None);
    /// ```
    pub fn priority_of(&self, skill: &str) -> Option<Priority> {
        self.requirements
            .iter()
            .filter(|r| r.options.iter().any(|o| o == skill))
            .map(|r| r.priority)
            .max()
    }

    /// A requirement by id.
    pub fn requirement(&self, id: &str) -> Option<&JobRequirement> {
        self.requirements.iter().find(|r| r.id == id)
    }

    /// The job description as pretty JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("job descriptions serialise")
    }
}

impl Scorer {
    /// Parses a job description; the same as [`JobDescription::parse`].
    ///
    /// ```
    /// use skillgap::{Scorer, Taxonomy};
    /// let scorer = Scorer::new(Taxonomy::builtin());
    /// assert_eq!(scorer.parse_job("Senior Go Engineer\n").title.as_deref(), Some("Senior Go Engineer"));
    /// ```
    pub fn parse_job(&self, job: &str) -> JobDescription {
        JobDescription::parse(self, job)
    }

    /// Scores `resume` and matches it against the job description `job`.
    ///
    /// ```
    /// use skillgap::{Scorer, Taxonomy};
    /// let scorer = Scorer::new(Taxonomy::builtin());
    /// let m = scorer.match_job(
    ///     "SKILLS\nPython, Kafka\n",
    ///     "Requirements\n- Python\n- Go\n",
    /// );
    /// assert_eq!(m.matched[0].id, "python");
    /// assert_eq!(m.missing_required[0].id, "go");
    /// ```
    pub fn match_job(&self, resume: &str, job: &str) -> JobMatch {
        let job = self.parse_job(job);
        let report = self.score(resume);
        self.match_parsed(&report, &job)
    }

    /// Matches a scored resume against a parsed job description. Cheap: no text
    /// is read again, so one job can rank many resumes (see [`JobMatch::rank`]).
    /// The job must have been parsed with this scorer's taxonomy (skill ids are
    /// compared as they are).
    ///
    /// ```
    /// use skillgap::{Scorer, Taxonomy};
    /// let scorer = Scorer::new(Taxonomy::builtin());
    /// let job = scorer.parse_job("Requirements\n- Python\n");
    /// for resume in ["SKILLS\nPython", "SKILLS\nJava"] {
    ///     let m = scorer.match_parsed(&scorer.score(resume), &job);
    ///     assert_eq!(m.missing_required.is_empty(), resume.contains("Python"));
    /// }
    /// ```
    pub fn match_parsed(&self, resume: &Report, job: &JobDescription) -> JobMatch {
        matching::match_report(resume, job)
    }
}

#[cfg(test)]
mod tests;
