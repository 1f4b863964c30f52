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
//! Inline cues override a section: in a requirements list, "Kafka is a plus",
//! "nice to have: Redis", "ideally Go", "bonus points for Rust" make those
//! skills preferred, and the same cues in responsibilities lift mentioned skills
//! to preferred ([`clauses`]). A skill named in several places keeps its highest
//! priority (required > preferred > mentioned).
//!
//! **Alternatives**: "PostgreSQL or MySQL", "Node.js or Python", "Java or Go",
//! "Celery (or a similar task queue)", and lists of one kind ending in `or`
//! ("C, C++, Java, Go or Python") become one requirement that any of them
//! satisfies. **Competency phrases** ("a backend framework", "relational
//! databases", "a major cloud provider", a competency's own name) become a
//! requirement that any skill of the competency satisfies ([`groups`]); skills
//! named as examples after such a phrase ("such as Django or Flask", "including
//! AWS") are folded into it, and a phrase next to a skill of its own kind
//! without such a cue gives way to the skill, and a phrase the taxonomy
//! itself spells as a skill ("message broker") is that skill. A skill that
//! implies others (`EKS` implies `aws` and `kubernetes`) asks for those too,
//! marked [`JobRequirement::implied_by`] unless the job also names them.
//!
//! Years ([`find_years`]) and the level ([`level`]) are read as documented in
//! their modules; terms that look like technologies the taxonomy does not know
//! are listed as [`UnrecognisedTerm`]s ([`terms`]).

mod clauses;
mod groups;
pub mod level;
mod matching;
pub mod sections;
pub mod terms;
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
use crate::text::{DocSegment, Document, Section};
use crate::{Report, Scorer};
use sections::Item;
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
        parse(scorer, text)
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

/// A mention or phrase within one item, with item-local byte offsets.
#[derive(Debug, Clone)]
struct Tok {
    start: usize,
    end: usize,
    what: What,
    priority: Priority,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum What {
    Skill(usize),
    Group(usize),
}

/// A requirement before deduplication.
#[derive(Debug, Clone)]
struct Raw {
    skills: Vec<usize>,
    group: Option<usize>,
    examples: Vec<usize>,
    implied_by: Option<usize>,
    priority: Priority,
    asked: AskedLine,
}

/// The priority of skills named in an item, before inline cues.
fn base_priority(item: &Item, has_requirements: bool) -> Option<Priority> {
    if item.heading {
        return None;
    }
    if item.title {
        return Some(Priority::Required);
    }
    match item.section {
        JobSection::Requirements | JobSection::Education => Some(Priority::Required),
        JobSection::Preferred => Some(Priority::Preferred),
        JobSection::Responsibilities | JobSection::Role | JobSection::Stack => {
            Some(if has_requirements {
                Priority::Mentioned
            } else {
                Priority::Required
            })
        }
        // Text before the first heading, after the title, is the company and
        // team blurb when the job has a requirements section.
        JobSection::Header => (!has_requirements).then_some(Priority::Required),
        JobSection::Meta | JobSection::Benefits | JobSection::Company | JobSection::Process => None,
    }
}

/// The resume section the matcher sees for an item: a short list item of a
/// requirements, preferred or stack section (or the title) reads like a Skills
/// list, so an ambiguous word alone there ("- Rust.") counts; anything else is
/// prose and needs context.
fn matcher_section(item: &Item) -> Section {
    let listy = matches!(
        item.section,
        JobSection::Requirements
            | JobSection::Preferred
            | JobSection::Stack
            | JobSection::Education
    ) && (item.inline_label || item.text.split_whitespace().count() <= 6);
    if item.title || listy {
        Section::Skills
    } else if item.section == JobSection::Header {
        Section::Header
    } else {
        Section::Other
    }
}

fn parse(scorer: &Scorer, input: &str) -> JobDescription {
    let t = scorer.taxonomy();
    let items = sections::split_items(input);

    // One document for the matcher: every item, in order.
    let mut text = String::with_capacity(input.len() + items.len());
    let mut segments = Vec::with_capacity(items.len());
    for item in &items {
        let start = text.len();
        text.push_str(&item.text);
        segments.push(DocSegment {
            range: start..text.len(),
            line: item.line,
            section: matcher_section(item),
            heading: item.heading,
        });
        text.push('\n');
    }
    let doc = Document { text, segments };
    let mut mentions = scorer.matcher().find(&doc);
    mentions.extend(past_tense_signals(scorer, &items, &doc, &mentions));
    for m in &mut mentions {
        if m.excluded.is_none() && opens_a_duty(t, &items[m.segment], &doc, m) {
            m.excluded = Some(Exclusion::ContextRejected);
        }
    }

    let has_requirements = items
        .iter()
        .any(|i| !i.heading && matches!(i.section, JobSection::Requirements));
    let groups = groups::Groups::new(t);
    let company = terms::company_words(&items);

    let mut raw: Vec<Raw> = Vec::new();
    let mut ignored = Vec::new();
    let mut term_hits: Vec<(String, usize, JobSection)> = Vec::new();
    let mut year_statements = Vec::new();
    let mut level_fields = Vec::new();
    let mut by_segment: Vec<Vec<&crate::matcher::Mention>> = vec![Vec::new(); items.len()];
    for m in &mentions {
        by_segment[m.segment].push(m);
    }

    let mut last_heading: Option<String> = None;
    for (idx, item) in items.iter().enumerate() {
        let seg = &doc.segments[idx];
        let local =
            |r: &std::ops::Range<usize>| (r.start - seg.range.start, r.end - seg.range.start);
        if item.heading {
            last_heading = Some(sections::fold(&item.text));
            continue;
        }
        // Years and level fields.
        if !item.section.is_ignored() && item.section != JobSection::Preferred
            || item.section == JobSection::Meta
        {
            year_statements.extend(find_years(&item.text, item.line));
        }
        if item.section == JobSection::Meta {
            let label = if item.inline_label {
                item_label(input, item)
            } else {
                last_heading.clone()
            };
            if label.as_deref().is_some_and(|l| {
                l.contains("level") || l.contains("seniority") || l == "experience"
            }) {
                level_fields.push((item.text.clone(), item.line));
            }
        }

        let Some(base) = base_priority(item, has_requirements) else {
            for m in &by_segment[idx] {
                let (a, b) = local(&m.span);
                ignored.push(IgnoredMention {
                    skill: t.skills()[m.skill].id.clone(),
                    line: item.line,
                    section: item.section,
                    matched: item.text[a..b].to_string(),
                    excluded: m.excluded,
                });
            }
            continue;
        };

        // Mentions and phrases of this item.
        let mut toks: Vec<Tok> = Vec::new();
        let mut covered: Vec<(usize, usize)> = Vec::new();
        for m in &by_segment[idx] {
            let (a, b) = local(&m.span);
            covered.push((a, b));
            if let Some(reason) = m.excluded {
                ignored.push(IgnoredMention {
                    skill: t.skills()[m.skill].id.clone(),
                    line: item.line,
                    section: item.section,
                    matched: item.text[a..b].to_string(),
                    excluded: Some(reason),
                });
                continue;
            }
            toks.push(Tok {
                start: a,
                end: b,
                what: What::Skill(m.skill),
                priority: base,
            });
        }
        for h in groups.find(&item.text) {
            covered.push((h.start, h.end));
            // A skill that spells most of the phrase is the taxonomy's own
            // word for it ("message broker"): the skill wins. A shorter skill
            // inside the phrase ("SQL" in "SQL databases") is the phrase.
            let own_word = toks.iter().any(|tk| {
                tk.start < h.end
                    && h.start < tk.end
                    && (tk.end - tk.start) * 10 >= (h.end - h.start) * 6
            });
            if own_word {
                continue;
            }
            toks.retain(|tk| !(h.start <= tk.start && tk.end <= h.end));
            toks.push(Tok {
                start: h.start,
                end: h.end,
                what: What::Group(h.group),
                priority: base,
            });
        }
        toks.sort_by_key(|tk| (tk.start, tk.end));
        toks.dedup_by(|b, a| a.start == b.start && a.end == b.end && a.what == b.what);

        // Inline preferred cues.
        let spans: Vec<(usize, usize)> = toks.iter().map(|tk| (tk.start, tk.end)).collect();
        let scopes = clauses::preferred_scopes(&item.text, &spans);
        for tk in &mut toks {
            if tk.priority != Priority::Preferred
                && scopes.iter().any(|&(a, b)| a <= tk.start && tk.end <= b)
            {
                tk.priority = Priority::Preferred;
            }
        }

        raw.extend(units(t, &groups, item, &toks));

        // Unrecognised terms.
        let scanned = item.title
            || matches!(
                item.section,
                JobSection::Requirements
                    | JobSection::Preferred
                    | JobSection::Responsibilities
                    | JobSection::Role
                    | JobSection::Stack
            )
            || (!has_requirements && item.section == JobSection::Header);
        if scanned {
            for (term, _) in
                terms::find_in_item(&item.text, &covered, &company, item.bullet, item.title)
            {
                term_hits.push((term, item.line, item.section));
            }
        }
    }

    let requirements = finish(t, &groups, raw);
    let years = years::decide(year_statements);
    let title = items.iter().find(|i| i.title).map(|i| i.text.clone());
    let level = level::decide(
        t,
        items
            .iter()
            .find(|i| i.title)
            .map(|i| (i.text.as_str(), i.line)),
        &level_fields,
        years.as_ref(),
    );
    let mut unrecognised: Vec<UnrecognisedTerm> = Vec::new();
    for (term, line, section) in term_hits {
        let key = term.to_lowercase();
        match unrecognised
            .iter_mut()
            .find(|u| u.term.to_lowercase() == key)
        {
            Some(u) => u.count += 1,
            None => unrecognised.push(UnrecognisedTerm {
                term,
                line,
                section,
                count: 1,
            }),
        }
    }
    JobDescription {
        taxonomy: TaxonomyInfo {
            id: t.id().to_string(),
            name: t.name().to_string(),
            version: t.version().to_string(),
        },
        title,
        level,
        years,
        requirements,
        unrecognised,
        ignored,
        sections: items
            .iter()
            .filter(|i| i.heading)
            .map(|i| SectionHeading {
                line: i.line,
                text: i.text.clone(),
                section: i.section,
            })
            .collect(),
        has_requirements_section: has_requirements,
    }
}

/// Whether a mention is an ambiguous word ("Make", "Go", "Spring") that opens
/// a duty in the imperative ("Make and record architecture decisions"): the
/// first word of a responsibilities or role item, followed by a lower-case
/// word. Such a word is the verb, not the technology.
fn opens_a_duty(
    t: &crate::Taxonomy,
    item: &Item,
    doc: &Document,
    m: &crate::matcher::Mention,
) -> bool {
    if !matches!(
        item.section,
        JobSection::Responsibilities | JobSection::Role
    ) {
        return false;
    }
    let seg = &doc.segments[m.segment];
    let text = doc.segment_text(seg);
    let (a, b) = (m.span.start - seg.range.start, m.span.end - seg.range.start);
    let word = &text[a..b];
    let ambiguous = t.skills()[m.skill].ambiguous.iter().any(|x| {
        if x.case_sensitive {
            x.text == word
        } else {
            x.text.eq_ignore_ascii_case(word)
        }
    });
    let first = text[..a].chars().all(|c| !c.is_alphanumeric());
    let next = text[b..].strip_prefix(' ').and_then(|r| r.chars().next());
    ambiguous && first && next.is_some_and(char::is_lowercase)
}

/// Present-tense verbs of job descriptions and their past tense, at most as
/// long, so byte offsets survive the rewrite (padded with spaces).
const PAST_TENSE: &[(&str, &str)] = &[
    ("lead", "led"),
    ("leads", "led"),
    ("leading", "led"),
    ("drive", "drove"),
    ("drives", "drove"),
    ("driving", "drove"),
    ("owning", "owned"),
    ("managing", "managed"),
    ("mentoring", "mentored"),
    ("executing", "executed"),
    ("planning", "planned"),
    ("delivering", "delivered"),
    ("migrating", "migrated"),
    ("designing", "designed"),
    ("building", "built"),
    ("reviewing", "reviewed"),
    ("hiring", "hired"),
    ("coordinating", "coordinated"),
    ("running", "ran"),
    ("handling", "handled"),
];

/// The item in the past tense (see [`PAST_TENSE`]), or `None` if unchanged.
///
/// ```text
/// "Lead critical migrations" -> "Led  critical migrations"
/// ```
fn past_tense(text: &str) -> Option<String> {
    let mut out = String::with_capacity(text.len());
    let mut changed = false;
    let mut last = 0;
    for (start, word) in text
        .char_indices()
        .filter(|&(i, c)| {
            c.is_alphabetic()
                && text[..i]
                    .chars()
                    .next_back()
                    .is_none_or(|p| !p.is_alphanumeric())
        })
        .map(|(i, _)| {
            let len = text[i..]
                .find(|c: char| !c.is_alphanumeric())
                .unwrap_or(text.len() - i);
            (i, &text[i..i + len])
        })
    {
        let lower = word.to_ascii_lowercase();
        if let Some((_, past)) = PAST_TENSE.iter().find(|(w, _)| *w == lower) {
            out.push_str(&text[last..start]);
            let mut p = past.to_string();
            if word.starts_with(|c: char| c.is_uppercase()) {
                p[..1].make_ascii_uppercase();
            }
            out.push_str(&p);
            out.extend(std::iter::repeat_n(' ', word.len() - past.len()));
            last = start + word.len();
            changed = true;
        }
    }
    out.push_str(&text[last..]);
    changed.then_some(out)
}

/// Responsibility signals in job-description wording: the taxonomy's signal
/// patterns are written for resumes ("led the migration"), job descriptions
/// say "lead critical migrations". Items are read again in the past tense and
/// only responsibility skills not already found in an item are kept.
fn past_tense_signals(
    scorer: &Scorer,
    items: &[Item],
    original: &Document,
    found: &[crate::matcher::Mention],
) -> Vec<crate::matcher::Mention> {
    let t = scorer.taxonomy();
    let mut text = String::new();
    let mut segments = Vec::new();
    let mut index = Vec::new();
    for (i, item) in items.iter().enumerate() {
        if item.heading {
            continue;
        }
        let Some(past) = past_tense(&item.text) else {
            continue;
        };
        let start = text.len();
        text.push_str(&past);
        segments.push(DocSegment {
            range: start..text.len(),
            line: item.line,
            section: matcher_section(item),
            heading: false,
        });
        text.push('\n');
        index.push(i);
    }
    if segments.is_empty() {
        return Vec::new();
    }
    let doc = Document { text, segments };
    let mut out = Vec::new();
    for mut m in scorer.matcher().find(&doc) {
        let item = index[m.segment];
        let seen = found
            .iter()
            .chain(&out)
            .any(|f: &crate::matcher::Mention| f.segment == item && f.skill == m.skill);
        if t.skills()[m.skill].kind != "responsibility" || seen {
            continue;
        }
        // Same item, same offsets: map the span back to the first document.
        let shift = original.segments[item].range.start;
        let from = doc.segments[m.segment].range.start;
        m.span = m.span.start - from + shift..m.span.end - from + shift;
        m.segment = item;
        out.push(m);
    }
    out
}

/// The folded label of an inline-labelled item, read back from its line.
fn item_label(input: &str, item: &Item) -> Option<String> {
    let line = input.lines().nth(item.line - 1)?;
    let label = line.split(':').next()?;
    Some(sections::fold(label))
}

/// Groups an item's tokens into requirement units (alternatives, examples).
fn units(t: &crate::Taxonomy, groups: &groups::Groups, item: &Item, toks: &[Tok]) -> Vec<Raw> {
    let n = toks.len();
    if n == 0 {
        return Vec::new();
    }
    let text = &item.text;
    // Union-find over token indices.
    let mut parent: Vec<usize> = (0..n).collect();
    fn root(p: &mut [usize], i: usize) -> usize {
        let mut i = i;
        while p[i] != i {
            p[i] = p[p[i]];
            i = p[i];
        }
        i
    }
    let joins: Vec<clauses::Join> = (1..n)
        .map(|k| {
            let gap = if toks[k].start >= toks[k - 1].end {
                &text[toks[k - 1].end..toks[k].start]
            } else {
                ""
            };
            clauses::join(gap)
        })
        .collect();
    let kind = |tk: &Tok| match tk.what {
        What::Skill(s) => Some(t.skills()[s].kind.as_str()),
        What::Group(_) => None,
    };
    // "A or B" pairs, and "A, B, C or D" lists of one kind.
    let mut k = 0;
    while k < joins.len() {
        if joins[k] == clauses::Join::Or {
            // Walk back over a comma list.
            let mut first = k;
            while first > 0 && joins[first - 1] == clauses::Join::Comma {
                first -= 1;
            }
            let same_kind = kind(&toks[first]).is_some()
                && (first..=k + 1).all(|i| kind(&toks[i]) == kind(&toks[first]));
            let from = if same_kind { first } else { k };
            for i in from..=k {
                let (a, b) = (root(&mut parent, i), root(&mut parent, i + 1));
                parent[b] = a;
            }
        }
        k += 1;
    }
    // Examples after a phrase: "a relational database such as PostgreSQL or MySQL".
    let mut example_of: Vec<Option<usize>> = vec![None; n];
    for g in 0..n {
        let What::Group(gi) = toks[g].what else {
            continue;
        };
        let options = &groups.get(gi).options;
        let mut j = g + 1;
        while j < n {
            let gap = &text[toks[j - 1].end.min(toks[j].start)..toks[j].start];
            let ok_gap = if j == g + 1 {
                clauses::introduces_examples(gap)
            } else {
                clauses::continues_list(gap) || clauses::join(gap) == clauses::Join::Or
            };
            let member = matches!(toks[j].what, What::Skill(s) if options.contains(&s));
            if !(ok_gap && member) {
                break;
            }
            example_of[j] = Some(g);
            j += 1;
        }
    }
    // Collect units.
    let mut members: std::collections::BTreeMap<usize, Vec<usize>> = Default::default();
    for (i, example) in example_of.iter().enumerate() {
        if example.is_some() {
            continue;
        }
        let r = root(&mut parent, i);
        members.entry(r).or_default().push(i);
    }
    // A phrase gives way to a skill of its own kind named in the same item
    // without an example cue ("Infrastructure as code with Terraform").
    let single_skills: Vec<usize> = members
        .values()
        .filter(|m| m.len() == 1)
        .filter_map(|m| match toks[m[0]].what {
            What::Skill(s) => Some(s),
            What::Group(_) => None,
        })
        .collect();
    // A skill alone that an alternative of the same item also offers is that
    // alternative: "Infrastructure as code with Terraform (or Pulumi)", where
    // Pulumi is spelled as the infrastructure-as-code skill.
    let in_alternatives: Vec<usize> = members
        .values()
        .filter(|m| m.len() > 1)
        .flat_map(|m| {
            m.iter().filter_map(|&i| match toks[i].what {
                What::Skill(s) => Some(s),
                What::Group(_) => None,
            })
        })
        .collect();
    let mut out = Vec::new();
    for (_, m) in members {
        if let [i] = m[..] {
            if matches!(toks[i].what, What::Skill(s) if in_alternatives.contains(&s)) {
                continue;
            }
        }
        let mut skills: Vec<usize> = Vec::new();
        let mut group = None;
        let mut examples = Vec::new();
        let mut priority = Priority::Mentioned;
        for &i in &m {
            priority = priority.max(toks[i].priority);
            match toks[i].what {
                What::Skill(s) => {
                    if !skills.contains(&s) {
                        skills.push(s);
                    }
                }
                What::Group(g) => {
                    if group.is_none() {
                        group = Some(g);
                    }
                    for (j, e) in example_of.iter().enumerate() {
                        if *e == Some(i) {
                            if let What::Skill(s) = toks[j].what {
                                examples.push(s);
                            }
                            priority = priority.max(toks[j].priority);
                        }
                    }
                }
            }
        }
        if let (Some(g), true) = (group, m.len() == 1) {
            let options = &groups.get(g).options;
            if single_skills.iter().any(|s| options.contains(s)) {
                continue;
            }
        }
        let (a, b) = (toks[m[0]].start, toks[*m.last().expect("non-empty")].end);
        let asked = AskedLine {
            line: item.line,
            priority,
            section: if item.title {
                JobSection::Header
            } else {
                item.section
            },
            text: crate::scorer::excerpt(text, a),
            matched: text[a..b.max(a)].to_string(),
        };
        let implied: Vec<usize> = if group.is_none() && skills.len() == 1 {
            t.skills()[skills[0]]
                .implies
                .iter()
                .filter_map(|i| t.skill_index(i))
                .collect()
        } else {
            Vec::new()
        };
        let implying = skills.first().copied();
        out.push(Raw {
            skills,
            group,
            examples,
            implied_by: None,
            priority,
            asked: asked.clone(),
        });
        // Skills implied by a single named skill are asked for too.
        for i in implied {
            out.push(Raw {
                skills: vec![i],
                group: None,
                examples: Vec::new(),
                implied_by: implying,
                priority,
                asked: asked.clone(),
            });
        }
    }
    out
}

/// Deduplicates raw requirements, drops alternatives a single skill already
/// asks for, names them and orders them.
fn finish(t: &crate::Taxonomy, groups: &groups::Groups, raw: Vec<Raw>) -> Vec<JobRequirement> {
    let mut reqs: Vec<(Vec<usize>, JobRequirement)> = Vec::new();
    for r in raw {
        let mut options: Vec<usize> = r.skills.clone();
        if let Some(g) = r.group {
            for &o in &groups.get(g).options {
                if !options.contains(&o) {
                    options.push(o);
                }
            }
        }
        if options.is_empty() {
            continue;
        }
        let mut key = options.clone();
        key.sort_unstable();
        let group_id = r.group.map(|g| groups.get(g).id.clone());
        if let Some((_, existing)) = reqs
            .iter_mut()
            .find(|(k, e)| *k == key && e.group.as_ref().map(|g| &g.id) == group_id.as_ref())
        {
            // Named directly anywhere: not only implied.
            if r.implied_by.is_none() {
                existing.implied_by = None;
            }
            existing.priority = existing.priority.max(r.priority);
            match existing.asked.iter_mut().find(|a| a.line == r.asked.line) {
                Some(a) => a.priority = a.priority.max(r.asked.priority),
                None => existing.asked.push(r.asked),
            }
            for e in r.examples {
                let id = t.skills()[e].id.clone();
                if !existing.examples.contains(&id) {
                    existing.examples.push(id);
                }
            }
            continue;
        }
        let skill_names: Vec<&str> = r
            .skills
            .iter()
            .map(|&s| t.skills()[s].name.as_str())
            .collect();
        let mut ids: Vec<String> = r.skills.iter().map(|&s| t.skills()[s].id.clone()).collect();
        let mut names: Vec<String> = skill_names.iter().map(|s| s.to_string()).collect();
        let group = r.group.map(|g| {
            let g = groups.get(g);
            GroupRef {
                id: g.id.clone(),
                label: g.label.clone(),
                competency: g.competency.clone(),
            }
        });
        if let Some(g) = &group {
            ids.push(g.id.clone());
            names.push(g.label.clone());
        }
        let name = match names.len() {
            1 => names.remove(0),
            _ => {
                let last = names.pop().expect("two or more");
                format!("{} or {last}", names.join(", "))
            }
        };
        reqs.push((
            key,
            JobRequirement {
                id: ids.join("|"),
                name,
                priority: r.priority,
                options: options.iter().map(|&o| t.skills()[o].id.clone()).collect(),
                group,
                examples: r
                    .examples
                    .iter()
                    .map(|&e| t.skills()[e].id.clone())
                    .collect(),
                implied_by: r.implied_by.map(|i| t.skills()[i].id.clone()),
                asked: vec![r.asked],
            },
        ));
    }
    // Alternatives and phrases that a single skill requirement already covers
    // (a phrase that named examples keeps them: "languages, especially Java").
    let singles: Vec<(String, Priority)> = reqs
        .iter()
        .filter(|(_, r)| r.options.len() == 1 && r.group.is_none())
        .map(|(_, r)| (r.options[0].clone(), r.priority))
        .collect();
    let mut out: Vec<JobRequirement> = reqs
        .into_iter()
        .map(|(_, r)| r)
        .filter(|r| {
            r.options.len() == 1 && r.group.is_none()
                || !r.examples.is_empty()
                || !singles
                    .iter()
                    .any(|(s, p)| *p >= r.priority && r.options.contains(s))
        })
        .collect();
    // A mentioned skill that a stronger requirement already offers is that one.
    let offered: Vec<(String, Priority)> = out
        .iter()
        .filter(|r| r.priority > Priority::Mentioned)
        .flat_map(|r| r.options.iter().map(move |o| (o.clone(), r.priority)))
        .collect();
    out.retain(|r| {
        !(r.priority == Priority::Mentioned
            && r.group.is_none()
            && r.options.len() == 1
            && offered.iter().any(|(o, _)| *o == r.options[0]))
    });
    for r in &mut out {
        r.asked
            .sort_by(|a, b| b.priority.cmp(&a.priority).then(a.line.cmp(&b.line)));
    }
    // Stable: within a line, requirements stay in text order.
    out.sort_by(|a, b| {
        b.priority
            .cmp(&a.priority)
            .then(a.asked[0].line.cmp(&b.asked[0].line))
    });
    out
}

#[cfg(test)]
mod tests;
