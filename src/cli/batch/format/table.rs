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

use super::{missing_text, pct, Formatter, Run, Totals};
use crate::cli::batch::record::{FileResult, Outcome};
use anstyle::{AnsiColor, Style};
use std::io::{self, Write};

const BOLD: Style = Style::new().bold();
const DIM: Style = Style::new().dimmed();
const GREEN: Style = AnsiColor::Green.on_default();
const YELLOW: Style = AnsiColor::Yellow.on_default();
const RED: Style = AnsiColor::Red.on_default();

/// Paths longer than this overflow their column rather than widen it for every row.
const MAX_PATH_WIDTH: usize = 60;

#[derive(Default)]
pub struct Table {
    path: usize,
    level: usize,
    widths: Vec<usize>,
}

/// Pads `s` to `width` characters (left-aligned).
fn pad(s: &str, width: usize) -> String {
    let n = s.chars().count();
    format!("{s}{}", " ".repeat(width.saturating_sub(n)))
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
        if let Some(job) = &run.job {
            writeln!(w, "{DIM}job: {} · {}{DIM:#}", job.path, job.about())?;
        }
        let mut line = format!("{}  ", pad("file", self.path));
        if run.threshold.is_some() {
            line.push_str("result  ");
        }
        if run.job.is_some() {
            line.push_str(" match  required  ");
        }
        line.push_str(&pad("level", self.level));
        for (l, width) in run.levels.iter().zip(&self.widths) {
            line.push_str(&format!("  {l:>width$}"));
        }
        match &run.job {
            Some(job) if job.years.is_some() => line.push_str("    years  missing required"),
            Some(_) => line.push_str("  years  missing required"),
            None => line.push_str("  years  top gaps"),
        }
        writeln!(w, "{BOLD}{}{BOLD:#}", line.trim_end())
    }

    fn file(&mut self, w: &mut dyn Write, run: &Run, file: FileResult) -> io::Result<()> {
        let path = pad(&file.path, self.path);
        let s = match &file.outcome {
            Outcome::Unreadable(error) => {
                return writeln!(w, "{path}  {RED}unreadable: {error}{RED:#}");
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
            let style = crate::cli::report_text::match_style(m.percent);
            let cell = format!("{}%", pct(m.percent));
            let required = format!("{}/{}", m.required_met, m.required_total);
            write!(w, "{style}{cell:>6}{style:#}  {required:>8}  ")?;
        }
        let level = s.estimated_level.as_deref().unwrap_or("-");
        write!(w, "{}", pad(level, self.level))?;
        for ((&r, &reached), width) in s.readiness.iter().zip(&s.reached).zip(&self.widths) {
            let style = if reached {
                GREEN
            } else if r >= 50.0 {
                YELLOW
            } else {
                DIM
            };
            let cell = format!("{}%", pct(r));
            write!(w, "  {style}{cell:>width$}{style:#}")?;
        }
        let Some(m) = &s.job_match else {
            write!(w, "  {:>5.1}", s.years)?;
            let gaps: Vec<&str> = s.gaps.iter().map(|g| g.name.as_str()).collect();
            return if gaps.is_empty() {
                writeln!(w)
            } else {
                writeln!(w, "  {}", gaps.join(", "))
            };
        };
        match m.years_met {
            Some(true) => write!(w, "  {:>5.1} {GREEN}✓{GREEN:#}", s.years)?,
            Some(false) => write!(w, "  {:>5.1} {RED}✗{RED:#}", s.years)?,
            None => write!(w, "  {:>5.1}", s.years)?,
        }
        if m.missing_required.is_empty() {
            writeln!(w, "  {GREEN}none{GREEN:#}")
        } else {
            let missing: Vec<String> = m.missing_required.iter().map(missing_text).collect();
            writeln!(w, "  {}", missing.join(", "))
        }
    }

    fn end(&mut self, _: &mut dyn Write, _: &Run, _: &Totals) -> io::Result<()> {
        Ok(())
    }
}
