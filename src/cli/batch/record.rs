//! The work done for one file, and the compact result every formatter reads.
//!
//! A [`FileResult`] keeps what the batch formats show (readiness per level,
//! estimated level, years, top gaps, pass or fail), never the whole report, so
//! that formats and sorts that must wait for every file stay small.

use super::super::input::{self, Reader};
use super::walk::Input;
use skillgap::extract::Format;
use skillgap::report::{GapKind, Report};
use skillgap::Scorer;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;

/// One reported file.
#[derive(Debug, Clone, PartialEq)]
pub struct FileResult {
    /// The path as found (relative to the working folder when given so).
    pub path: String,
    pub outcome: Outcome,
}

/// What one file came to.
///
/// This is the seam for more per-file work (e.g. matching a job description
/// with `--jd`): add a field to [`Scored`] and fill it in [`Work::run`].
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
    /// Against `--fail-under`: `None` when no threshold was asked for.
    pub passed: Option<bool>,
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

/// A `--fail-under` check: readiness for `level` must be at least `pct`.
#[derive(Debug, Clone, PartialEq)]
pub struct Threshold {
    pub level: String,
    pub pct: f64,
}

/// Everything the per-file work needs; shared by all worker threads.
pub struct Work<'a> {
    pub scorer: &'a Scorer,
    pub reader: &'a Reader,
    /// How many gaps to keep per file.
    pub gaps: usize,
    pub threshold: Option<&'a Threshold>,
}

impl Work<'_> {
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
        match self.reader.extract(path) {
            Err(e) => Outcome::Unreadable(input::cause(&e)),
            Ok(doc) => {
                let report = self.scorer.score(&doc.text);
                Outcome::Scored(Box::new(self.summarise(&report, doc.format)))
            }
        }
    }

    fn summarise(&self, report: &Report, format: Format) -> Scored {
        let passed = self
            .threshold
            .map(|t| report.level(&t.level).is_some_and(|l| l.readiness >= t.pct));
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
