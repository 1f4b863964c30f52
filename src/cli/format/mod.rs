//! The output formats of `skillgap batch`: one [`Formatter`] per format.
//!
//! A formatter is told about the run once ([`Formatter::begin`]), then gets
//! every file in output order ([`Formatter::file`]), then the totals
//! ([`Formatter::end`]). Streaming formats write each file as it comes;
//! formats whose first lines need the totals (Markdown's summary, JUnit's
//! counts) keep the compact [`FileResult`]s and write everything at the end.

mod csv;
mod json;
mod junit;
mod markdown;
mod table;

use super::batch::record::{FileResult, Threshold};
use super::batch::walk::Skipped;
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
            _ => return None,
        })
    }

    /// A new formatter for this format.
    pub fn formatter(self) -> Box<dyn Formatter> {
        match self {
            Format::Table => Box::new(table::Table::default()),
            Format::Json => Box::new(json::Json::default()),
            Format::Jsonl => Box::new(json::Jsonl),
            Format::Csv => Box::new(csv::Csv),
            Format::Markdown => Box::new(markdown::Markdown::default()),
            Format::Junit => Box::new(junit::Junit::default()),
        }
    }
}

/// What is known about a run before its first file.
#[derive(Debug, Clone)]
pub struct Run {
    pub taxonomy_id: String,
    pub taxonomy_name: String,
    pub taxonomy_version: String,
    /// Level ids, lowest first: the order of [`super::batch::record::Scored::readiness`].
    pub levels: Vec<String>,
    /// `--level`, the level every file's gaps lead to.
    pub level: Option<String>,
    pub threshold: Option<Threshold>,
    /// The month `Present` resolved to.
    pub as_of: String,
    /// `None` when fuzzy matching is off.
    pub fuzzy_threshold: Option<f64>,
    /// How many files will be reported.
    pub files: usize,
    /// The longest path to be reported, in characters (for aligned columns).
    pub path_width: usize,
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

/// A readiness value as shown in every format: one decimal.
fn pct(x: f64) -> String {
    format!("{x:.1}")
}

/// "below 60% for mid" and friends.
fn threshold_text(t: &Threshold) -> String {
    format!("{}% for {}", trim_float(t.pct), t.level)
}

/// `60` rather than `60.0`, `62.5` as is.
pub fn trim_float(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{}", x as i64)
    } else {
        format!("{x}")
    }
}
