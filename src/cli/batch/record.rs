//! The work done for one file, and the compact result every formatter reads.
//!
//! A [`FileResult`] keeps what the batch formats show (readiness per level,
//! estimated level, years, top gaps, pass or fail, and with `--jd` the match
//! in brief), never the whole report or match, so that formats and sorts that
//! must wait for every file stay small.

use super::super::deadline::{self, Helper, Missed};
use super::super::input::{self, Reader};
use super::walk::Input;
use skillgap::extract::{ExtractError, Extracted, Format};
use skillgap::jd::{JobDescription, JobMatch};
use skillgap::report::{GapKind, Report, Status};
use skillgap::Scorer;
use std::cell::RefCell;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;
use std::sync::Arc;

/// One reported file.
#[derive(Debug, Clone, PartialEq)]
pub struct FileResult {
    /// The path as found (relative to the working folder when given so).
    pub path: String,
    pub outcome: Outcome,
}

/// What one file came to.
///
/// This is the seam for more per-file work: add a field to [`Scored`] and
/// fill it in [`Work::run`] (as the `--jd` match is).
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    Scored(Box<Scored>),
    /// The file could not be read; the cause, in one line.
    Unreadable(String),
}

/// A scored file, in brief.
#[derive(Debug, Clone, PartialEq)]
pub struct Scored {
    /// The format detected from the content.
    pub format: Format,
    pub estimated_level: Option<String>,
    /// The level the gaps lead to.
    pub target_level: Option<String>,
    /// Readiness (0–100) per level, in the taxonomy's order (see `Run::levels`).
    pub readiness: Vec<f64>,
    /// Whether each level counts as reached.
    pub reached: Vec<bool>,
    pub years: f64,
    /// The top gaps to the target level, most valuable first.
    pub gaps: Vec<GapBrief>,
    /// Against `--fail-under` (readiness for its level, or with `--jd` the
    /// match): `None` when no threshold was asked for.
    pub passed: Option<bool>,
    /// The match against `--jd`: `None` without it.
    pub job_match: Option<MatchBrief>,
}

/// A resume's match against the `--jd` job, in brief.
#[derive(Debug, Clone, PartialEq)]
pub struct MatchBrief {
    /// The match, 0–100 with one decimal ([`JobMatch::percent`]).
    pub percent: f64,
    /// Required requirements met, and how many the job has.
    pub required_met: usize,
    pub required_total: usize,
    /// Preferred requirements met, and how many the job has.
    pub preferred_met: usize,
    pub preferred_total: usize,
    /// Required requirements not met, in the job's order.
    pub missing_required: Vec<MissingBrief>,
    /// The years the job asks for: its minimum and, for a range, maximum.
    pub years_asked: Option<(f64, Option<f64>)>,
    /// Whether the resume's years reach the minimum; `None` when none is asked.
    pub years_met: Option<bool>,
}

impl MatchBrief {
    fn new(m: &JobMatch) -> MatchBrief {
        let c = &m.components;
        MatchBrief {
            percent: m.percent,
            required_met: c.required.met,
            required_total: c.required.total,
            preferred_met: c.preferred.met,
            preferred_total: c.preferred.total,
            missing_required: m
                .missing_required
                .iter()
                .map(|r| MissingBrief {
                    id: r.id.clone(),
                    name: r.name.clone(),
                    weak: r.status == Some(Status::Weak),
                    negated: r.status.is_none() && r.negated_line.is_some(),
                })
                .collect(),
            years_asked: m.years.asked.as_ref().map(|y| (y.min, y.max)),
            years_met: m.years.met,
        }
    }

    /// The order of a ranking by match, as [`JobMatch::rank`]: higher
    /// percentage first, then more required skills met; ties are equal.
    pub fn rank(a: &MatchBrief, b: &MatchBrief) -> std::cmp::Ordering {
        b.percent
            .total_cmp(&a.percent)
            .then(b.required_met.cmp(&a.required_met))
    }
}

/// A required skill the resume does not meet.
#[derive(Debug, Clone, PartialEq)]
pub struct MissingBrief {
    /// The requirement's id (`postgresql|mysql` for alternatives).
    pub id: String,
    /// How it reads ("PostgreSQL or MySQL").
    pub name: String,
    /// Shown only weakly (hedged): it earns some credit but is not met.
    pub weak: bool,
    /// Negated in the resume ("no experience with ...").
    pub negated: bool,
}

/// One gap, in brief.
#[derive(Debug, Clone, PartialEq)]
pub struct GapBrief {
    /// Skill or competency id (`years` for the years gap).
    pub id: String,
    pub name: String,
    pub kind: GapKind,
    /// Readiness points the target level gains when it is closed.
    pub gain: f64,
}

/// A `--fail-under` check: the measure must be at least `pct`.
#[derive(Debug, Clone, PartialEq)]
pub struct Threshold {
    pub on: Measure,
    pub pct: f64,
}

/// What `--fail-under` applies to.
#[derive(Debug, Clone, PartialEq)]
pub enum Measure {
    /// Readiness for this level (`--level`).
    Readiness(String),
    /// The match against `--jd`.
    Match,
}

/// Everything the per-file work needs; shared by all worker threads (and the
/// helper threads that run each file under `--timeout`, hence owned).
pub struct Work {
    pub scorer: Arc<Scorer>,
    pub reader: Reader,
    /// How many gaps to keep per file.
    pub gaps: usize,
    pub threshold: Option<Threshold>,
    /// `--jd`: the job every resume is matched against, parsed once.
    pub job: Option<Arc<JobDescription>>,
}

thread_local! {
    /// Each batch worker's helper thread (see [`Work::run_within_deadline`]).
    static HELPER: RefCell<Helper<FileResult>> = RefCell::new(Helper::new());
}

impl Work {
    /// [`Work::run`] under one deadline, `--timeout`, for reading, extraction
    /// and scoring together: a file still at work when it passes is reported
    /// unreadable ("gave up after ...") and its helper thread abandoned (see
    /// [`crate::cli::deadline`]), so it holds the ordered output back at most
    /// that long.
    pub fn run_within_deadline(self: &Arc<Self>, input: &Input) -> FileResult {
        let limit = self.reader.timeout;
        let (work, job_input) = (Arc::clone(self), input.clone());
        let result =
            HELPER.with_borrow_mut(|helper| helper.run(limit, move || work.run(&job_input)));
        result.unwrap_or_else(|missed| FileResult {
            path: input::display_name(input.path()),
            outcome: Outcome::Unreadable(match missed {
                Missed::Deadline => deadline::timed_out_cause(limit),
                Missed::Died => {
                    "internal error while scoring this file (a bug: please report it)".into()
                }
            }),
        })
    }

    /// Reads, scores and summarises one input. Never fails: an input that
    /// cannot be read (or, by a bug, makes scoring panic) becomes
    /// [`Outcome::Unreadable`].
    pub fn run(&self, input: &Input) -> FileResult {
        let path = input::display_name(input.path());
        let outcome = match input {
            Input::Unreadable(_, cause) => Outcome::Unreadable(cause.clone()),
            Input::File(p) => {
                catch_unwind(AssertUnwindSafe(|| self.file(p))).unwrap_or_else(|_| {
                    Outcome::Unreadable(
                        "internal error while scoring this file (a bug: please report it)".into(),
                    )
                })
            }
        };
        FileResult { path, outcome }
    }

    fn file(&self, path: &Path) -> Outcome {
        self.outcome(self.reader.extract(path))
    }

    /// What a document read (or not) comes to: scored and summarised, or unreadable with
    /// its cause in one line. `skillgap serve` calls it for uploads.
    pub fn outcome(&self, read: Result<Extracted, ExtractError>) -> Outcome {
        match read {
            Err(e) => Outcome::Unreadable(input::cause(&e)),
            Ok(doc) => {
                let report = self.scorer.score(&doc.text);
                Outcome::Scored(Box::new(self.summarise(&report, doc.format)))
            }
        }
    }

    fn summarise(&self, report: &Report, format: Format) -> Scored {
        let job_match = self
            .job
            .as_ref()
            .map(|job| MatchBrief::new(&self.scorer.match_parsed(report, job)));
        let passed = self.threshold.as_ref().map(|t| match &t.on {
            Measure::Readiness(level) => report.level(level).is_some_and(|l| l.readiness >= t.pct),
            Measure::Match => job_match.as_ref().is_some_and(|m| m.percent >= t.pct),
        });
        Scored {
            format,
            estimated_level: report.estimated_level.clone(),
            target_level: report.target_level.clone(),
            readiness: report.levels.iter().map(|l| l.readiness).collect(),
            reached: report.levels.iter().map(|l| l.reached).collect(),
            years: (report.experience.years * 10.0).round() / 10.0,
            gaps: report
                .gaps
                .iter()
                .take(self.gaps)
                .map(|g| GapBrief {
                    id: g.skill.clone(),
                    name: g.name.clone(),
                    kind: g.kind,
                    gain: g.gain,
                })
                .collect(),
            passed,
            job_match,
        }
    }
}

impl FileResult {
    pub fn scored(&self) -> Option<&Scored> {
        match &self.outcome {
            Outcome::Scored(s) => Some(s),
            Outcome::Unreadable(_) => None,
        }
    }

    pub fn error(&self) -> Option<&str> {
        match &self.outcome {
            Outcome::Scored(_) => None,
            Outcome::Unreadable(e) => Some(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::MatchBrief;
    use skillgap::jd::JobMatch;
    use skillgap::{Scorer, Taxonomy};

    #[test]
    fn a_ranking_by_brief_is_the_ranking_by_job_match() {
        let scorer = Scorer::new(Taxonomy::builtin());
        let job = scorer.parse_job(
            "Backend Engineer\nRequirements\n- 3+ years\n- Python\n- Kafka\n- PostgreSQL\nNice to have\n- Redis\n",
        );
        let resumes = [
            "SKILLS\nPython, Kafka",
            "SKILLS\nKafka, Python",
            "EXPERIENCE\nEngineer (2019 - 2024)\n- Built Kafka consumers in Python on PostgreSQL\n",
            "SKILLS\nRedis",
            "Basic knowledge of Python",
            "No experience with Kafka. SKILLS\nPostgreSQL",
        ];
        let matches: Vec<JobMatch> = resumes
            .iter()
            .map(|r| scorer.match_parsed(&scorer.score(r), &job))
            .collect();
        for a in &matches {
            for b in &matches {
                assert_eq!(
                    MatchBrief::rank(&MatchBrief::new(a), &MatchBrief::new(b)),
                    JobMatch::rank(a, b)
                );
            }
        }
    }

    #[test]
    fn missing_required_skills_say_whether_they_are_weak_or_negated() {
        let scorer = Scorer::new(Taxonomy::builtin());
        let job = scorer.parse_job("Requirements\n- Docker\n- Kafka\n- Go\n");
        let report = scorer.score(
            "SUMMARY\nBasic knowledge of Docker. No experience with Kafka.\nSKILLS\nPython\n",
        );
        let brief = MatchBrief::new(&scorer.match_parsed(&report, &job));
        let flags: Vec<(&str, bool, bool)> = brief
            .missing_required
            .iter()
            .map(|m| (m.id.as_str(), m.weak, m.negated))
            .collect();
        assert_eq!(
            flags,
            [
                ("docker", true, false),
                ("kafka", false, true),
                // implied by Kafka, not negated itself
                ("message-queues", false, false),
                ("go", false, false)
            ]
        );
    }
}
