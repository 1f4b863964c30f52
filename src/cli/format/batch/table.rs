//! `--format table`: aligned columns for people, one row per file, streamed.
//! Column widths come from the run (every path is known before the first row),
//! so nothing waits for the last file. Colour only on a terminal (and never
//! with `NO_COLOR`).
//!
//! ```text
//! file                  result  level   junior     mid  senior  years  top gaps
//! cvs/alice.txt         pass    mid     100.0%   82.1%   51.0%    4.5  System design, Mentoring, Kubernetes
//! cvs/bob.pdf           unreadable: PDF is encrypted; remove the password and try again
//! ```
//!
//! With `--jd`, a first line names the job, `match` and `required` (met/total)
//! columns come before the level, years found are marked against the years
//! asked, and the last column lists the missing required skills instead of
//! the top gaps.
//!
//! With a width (`--width`, or the terminal's), the row fits it: the last
//! column is shortened with `…`, then the path column (from the left, so the
//! file name stays); when the last column would be too narrow it goes on a
//! line of its own under the row, and when even that leaves no room for the
//! path, the highest levels' columns are left out.

use super::{missing_text, pct, Formatter, Run, Totals};
use crate::cli::batch::record::{FileResult, Outcome};
use crate::cli::format::style::{readiness_style, BOLD, DIM, GREEN, RED};
use crate::cli::width::{pad, truncate, truncate_start, Width};
use std::io::{self, Write};

/// Paths longer than this overflow their column rather than widen it for every row.
const MAX_PATH_WIDTH: usize = 60;

/// With a width limit, the path column is shortened to no less than this.
const MIN_PATH_WIDTH: usize = 16;

/// With a width limit, the last column stays on the row while it gets this much.
const MIN_LAST_WIDTH: usize = 24;

/// The indentation of the last column when it has a line of its own.
const BELOW_INDENT: usize = 4;

#[derive(Default)]
pub struct Table {
    path: usize,
    level: usize,
    widths: Vec<usize>,
    /// The level columns shown: the lowest `shown` levels (all without a limit).
    shown: usize,
    /// Where the last column goes.
    last: Last,
    width: Width,
}

/// The place of the last column (top gaps, or missing required skills).
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
enum Last {
    /// At the end of the row, in full.
    #[default]
    Inline,
    /// At the end of the row, shortened to this many columns.
    Shortened(usize),
    /// On a line of its own under the row, wrapped.
    Below,
}

impl Table {
    /// The width of a row without its path and last column, with the lowest
    /// `levels` level columns.
    fn fixed(&self, run: &Run, levels: usize) -> usize {
        let result = if run.threshold.is_some() { 8 } else { 0 };
        let job = if run.job.is_some() { 18 } else { 0 };
        let years = match &run.job {
            Some(job) if job.years.is_some() => 9,
            _ => 7,
        };
        let columns: usize = self.widths.iter().take(levels).map(|w| 2 + w).sum();
        2 + result + job + self.level + columns + years
    }

    /// Fits the columns to `width`.
    fn fit(&mut self, run: &Run, width: usize) {
        let all = self.widths.len();
        let fixed = self.fixed(run, all);
        if self.path + fixed + 2 + MIN_LAST_WIDTH <= width {
            self.last = Last::Shortened(width - self.path - fixed - 2);
            return;
        }
        if MIN_PATH_WIDTH + fixed + 2 + MIN_LAST_WIDTH <= width {
            self.path = width - fixed - 2 - MIN_LAST_WIDTH;
            self.last = Last::Shortened(MIN_LAST_WIDTH);
            return;
        }
        self.last = Last::Below;
        self.shown = (0..=all)
            .rev()
            .find(|&n| self.fixed(run, n) + MIN_PATH_WIDTH <= width)
            .unwrap_or(0);
        // Without any level column, the path gives way further.
        let room = width.saturating_sub(self.fixed(run, self.shown));
        self.path = self.path.min(room.max(8));
    }

    /// The last column's text, as it goes on the row or under it.
    fn last(&self, w: &mut dyn Write, text: &str) -> io::Result<()> {
        match self.last {
            Last::Inline => writeln!(w, "  {text}"),
            Last::Shortened(room) => writeln!(w, "  {}", truncate(text, room)),
            Last::Below => {
                writeln!(w)?;
                let line = format!("{}{text}", " ".repeat(BELOW_INDENT));
                self.width.writeln(w, &line, BELOW_INDENT + 2)
            }
        }
    }
}

impl Formatter for Table {
    fn begin(&mut self, w: &mut dyn Write, run: &Run) -> io::Result<()> {
        self.path = run.path_width.clamp(4, MAX_PATH_WIDTH);
        self.level = run
            .levels
            .iter()
            .map(|l| l.chars().count())
            .max()
            .unwrap_or(0)
            .max(5);
        self.widths = run
            .levels
            .iter()
            .map(|l| l.chars().count().max(6))
            .collect();
        self.shown = self.widths.len();
        self.width = run.width;
        if let Some(width) = run.width.get() {
            self.fit(run, width);
        }
        if let Some(job) = &run.job {
            self.width.writeln(
                w,
                &format!("{DIM}job: {} · {}{DIM:#}", job.path, job.about()),
                2,
            )?;
        }
        let mut line = format!("{}  ", pad("file", self.path));
        if run.threshold.is_some() {
            line.push_str("result  ");
        }
        if run.job.is_some() {
            line.push_str(" match  required  ");
        }
        line.push_str(&pad("level", self.level));
        for (l, width) in run.levels.iter().zip(&self.widths).take(self.shown) {
            line.push_str(&format!("  {l:>width$}"));
        }
        let last = if run.job.is_some() {
            "missing required"
        } else {
            "top gaps"
        };
        match &run.job {
            Some(job) if job.years.is_some() => line.push_str("    years"),
            _ => line.push_str("  years"),
        }
        if self.last == Last::Below {
            writeln!(w, "{BOLD}{}{BOLD:#}", line.trim_end())?;
            let below = " ".repeat(BELOW_INDENT);
            writeln!(w, "{BOLD}{below}{last}{BOLD:#}")
        } else {
            line.push_str("  ");
            line.push_str(last);
            writeln!(w, "{BOLD}{}{BOLD:#}", line.trim_end())
        }
    }

    fn file(&mut self, w: &mut dyn Write, run: &Run, file: FileResult) -> io::Result<()> {
        let path = match self.width.get() {
            Some(_) => pad(&truncate_start(&file.path, self.path), self.path),
            None => pad(&file.path, self.path),
        };
        let s = match &file.outcome {
            Outcome::Unreadable(error) => {
                let line = format!("{path}  {RED}unreadable: {error}{RED:#}");
                return self.width.writeln(w, &line, self.path + 4);
            }
            Outcome::Scored(s) => s,
        };
        write!(w, "{path}  ")?;
        match s.passed {
            Some(true) => write!(w, "{GREEN}pass{GREEN:#}    ")?,
            Some(false) => write!(w, "{RED}FAIL{RED:#}    ")?,
            None if run.threshold.is_some() => write!(w, "        ")?,
            None => {}
        }
        if let Some(m) = &s.job_match {
            let style = crate::cli::format::style::match_style(m.percent);
            let cell = format!("{}%", pct(m.percent));
            let required = format!("{}/{}", m.required_met, m.required_total);
            write!(w, "{style}{cell:>6}{style:#}  {required:>8}  ")?;
        }
        let level = s.estimated_level.as_deref().unwrap_or("-");
        write!(w, "{}", pad(level, self.level))?;
        let levels = s.readiness.iter().zip(&s.reached).zip(&self.widths);
        for ((&r, &reached), width) in levels.take(self.shown) {
            let style = readiness_style(reached, r);
            let cell = format!("{}%", pct(r));
            write!(w, "  {style}{cell:>width$}{style:#}")?;
        }
        let Some(m) = &s.job_match else {
            write!(w, "  {:>5.1}", s.years)?;
            let gaps: Vec<&str> = s.gaps.iter().map(|g| g.name.as_str()).collect();
            return if gaps.is_empty() {
                writeln!(w)
            } else {
                self.last(w, &gaps.join(", "))
            };
        };
        match m.years_met {
            Some(true) => write!(w, "  {:>5.1} {GREEN}✓{GREEN:#}", s.years)?,
            Some(false) => write!(w, "  {:>5.1} {RED}✗{RED:#}", s.years)?,
            None => write!(w, "  {:>5.1}", s.years)?,
        }
        if m.missing_required.is_empty() {
            self.last(w, &format!("{GREEN}none{GREEN:#}"))
        } else {
            let missing: Vec<String> = m.missing_required.iter().map(missing_text).collect();
            self.last(w, &missing.join(", "))
        }
    }

    fn end(&mut self, _: &mut dyn Write, _: &Run, _: &Totals) -> io::Result<()> {
        Ok(())
    }
}
