//! The output formats of `skillgap batch`: one [`Formatter`] per format.
//!
//! A formatter is told about the run once ([`Formatter::begin`]), then gets
//! every file in output order ([`Formatter::file`]), then the totals
//! ([`Formatter::end`]). Streaming formats write each file as it comes;
//! formats whose first lines need the totals (Markdown's summary, JUnit's
//! counts) keep the compact [`FileResult`]s and write everything at the end.

mod csv;
pub(crate) mod html;
mod json;
mod junit;
mod markdown;
mod table;

use crate::cli::batch::record::{FileResult, MatchBrief, Measure, MissingBrief, Threshold};
use crate::cli::batch::walk::Skipped;
use clap::ValueEnum;
use std::io::{self, Write};
use std::path::Path;

/// Version of the json and jsonl records (and of the csv header). Fields are
/// only added within a version; renaming or removing one bumps it.
pub const SCHEMA_VERSION: u32 = 1;

/// A batch output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Aligned columns for people, one row per file (streamed).
    Table,
    /// One JSON document: run settings, one record per file, then totals.
    Json,
    /// One JSON record per line and file, written as results arrive.
    Jsonl,
    /// One row per file under a fixed header (streamed).
    Csv,
    /// A summary and one table, for PR comments and CI job summaries.
    Markdown,
    /// JUnit XML: one testcase per file, failed when under --fail-under.
    Junit,
    /// One self-contained HTML page: a sortable ranking table and a section per file.
    Html,
}

impl Format {
    /// The format an output file's extension names, if any.
    pub fn from_extension(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "json" => Format::Json,
            "jsonl" | "ndjson" => Format::Jsonl,
            "csv" => Format::Csv,
            "md" | "markdown" => Format::Markdown,
            "xml" => Format::Junit,
            "html" | "htm" => Format::Html,
            _ => return None,
        })
    }

    /// A new formatter for this format.
    pub fn formatter(self) -> Box<dyn Formatter> {
        match self {
            Format::Table => Box::new(table::Table::default()),
            Format::Json => Box::new(json::Json::default()),
            Format::Jsonl => Box::new(json::Jsonl),
            Format::Csv => Box::new(csv::Csv::default()),
            Format::Markdown => Box::new(Kept::new(markdown::Markdown)),
            Format::Junit => Box::new(Kept::new(junit::Junit)),
            Format::Html => Box::new(Kept::new(html::Html)),
        }
    }
}

/// What is known about a run before its first file.
#[derive(Debug, Clone)]
pub struct Run {
    pub taxonomy_id: String,
    pub taxonomy_name: String,
    pub taxonomy_version: String,
    /// Level ids, lowest first: the order of [`super::record::Scored::readiness`].
    pub levels: Vec<String>,
    /// `--level`, the level every file's gaps lead to.
    pub level: Option<String>,
    pub threshold: Option<Threshold>,
    /// `--jd`: the job every file is matched against.
    pub job: Option<JobInfo>,
    /// Whether the files come ranked by match (`--jd` without `--sort path`/`readiness`).
    pub ranked_by_match: bool,
    /// The month `Present` resolved to.
    pub as_of: String,
    /// `None` when fuzzy matching is off.
    pub fuzzy_threshold: Option<f64>,
    /// How many files will be reported.
    pub files: usize,
    /// The longest path to be reported, in characters (for aligned columns).
    pub path_width: usize,
    /// What the table fits into (`--width`, or the terminal's).
    pub width: crate::cli::width::Width,
}

/// What the formats say about the `--jd` job.
#[derive(Debug, Clone)]
pub struct JobInfo {
    /// As given on the command line (`<stdin>` for `-`).
    pub path: String,
    pub title: Option<String>,
    /// The taxonomy level it aims at.
    pub level: Option<String>,
    /// Years asked: minimum and, for a range, maximum.
    pub years: Option<(f64, Option<f64>)>,
    /// How many required and preferred requirements it has.
    pub required: usize,
    pub preferred: usize,
}

impl JobInfo {
    /// "Backend Developer · aims at mid · 3+ years · 10 required, 5 preferred".
    fn about(&self) -> String {
        let mut parts = Vec::new();
        if let Some(t) = &self.title {
            parts.push(crate::cli::width::truncate(t, 60));
        }
        if let Some(l) = &self.level {
            parts.push(format!("aims at {l}"));
        }
        if let Some(y) = self.years {
            parts.push(format!("{} years", years_text(y)));
        }
        parts.push(format!(
            "{} required, {} preferred",
            self.required, self.preferred
        ));
        parts.join(" · ")
    }
}

/// Years asked as written in every format: "5+", "3–5".
fn years_text((min, max): (f64, Option<f64>)) -> String {
    match max {
        Some(max) => format!("{}–{}", trim_float(min), trim_float(max)),
        None => format!("{}+", trim_float(min)),
    }
}

/// A missing required skill as people read it: "Docker (weak)".
fn missing_text(m: &MissingBrief) -> String {
    if m.weak {
        format!("{} (weak)", m.name)
    } else if m.negated {
        format!("{} (negated)", m.name)
    } else {
        m.name.clone()
    }
}

/// "3.9 of 5+" when the job asks for years.
fn years_of(found: f64, m: &MatchBrief) -> Option<String> {
    m.years_asked
        .map(|y| format!("{found:.1} of {}", years_text(y)))
}

/// The totals of a run, for the formats that end with them.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Totals {
    /// Files reported (scored + unreadable).
    pub files: usize,
    pub scored: usize,
    pub unreadable: usize,
    /// Scored files under `--fail-under`.
    pub failed: usize,
    pub skipped: Skipped,
}

impl Totals {
    pub fn add(&mut self, file: &FileResult) {
        self.files += 1;
        match file.scored() {
            Some(s) => {
                self.scored += 1;
                if s.passed == Some(false) {
                    self.failed += 1;
                }
            }
            None => self.unreadable += 1,
        }
    }
}

/// One output format.
pub trait Formatter {
    /// Before the first file.
    fn begin(&mut self, w: &mut dyn Write, run: &Run) -> io::Result<()>;
    /// Each file, in output order.
    fn file(&mut self, w: &mut dyn Write, run: &Run, file: FileResult) -> io::Result<()>;
    /// After the last file.
    fn end(&mut self, w: &mut dyn Write, run: &Run, totals: &Totals) -> io::Result<()>;
}

/// A format whose first lines need the totals (Markdown's summary, JUnit's
/// counts, the HTML page): written at once from all the results.
pub trait Document {
    fn write(
        &self,
        w: &mut dyn Write,
        run: &Run,
        files: &[FileResult],
        t: &Totals,
    ) -> io::Result<()>;
}

/// The [`Formatter`] of a [`Document`]: keeps the compact results until the end.
pub struct Kept<D> {
    document: D,
    files: Vec<FileResult>,
}

impl<D: Document> Kept<D> {
    pub fn new(document: D) -> Kept<D> {
        Kept {
            document,
            files: Vec::new(),
        }
    }
}

impl<D: Document> Formatter for Kept<D> {
    fn begin(&mut self, _: &mut dyn Write, _: &Run) -> io::Result<()> {
        Ok(())
    }

    fn file(&mut self, _: &mut dyn Write, _: &Run, file: FileResult) -> io::Result<()> {
        self.files.push(file);
        Ok(())
    }

    fn end(&mut self, w: &mut dyn Write, run: &Run, t: &Totals) -> io::Result<()> {
        self.document.write(w, run, &self.files, t)
    }
}

/// A readiness value as shown in every format: one decimal.
fn pct(x: f64) -> String {
    format!("{x:.1}")
}

/// "60% for mid", or with `--jd` "60% match".
pub fn threshold_text(t: &Threshold) -> String {
    match &t.on {
        Measure::Readiness(level) => format!("{}% for {level}", trim_float(t.pct)),
        Measure::Match => format!("{}% match", trim_float(t.pct)),
    }
}

/// `60` rather than `60.0`, `62.5` as is.
pub fn trim_float(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{}", x as i64)
    } else {
        format!("{x}")
    }
}
