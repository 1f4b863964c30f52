//! `--format markdown`: a summary line and one table, for PR comments and CI
//! job summaries (`>> "$GITHUB_STEP_SUMMARY"`). The summary comes first, so
//! the rows are kept (compact) until the end.
//!
//! With `--jd`, a line names the job, and the table (ranked by match unless
//! `--sort` says otherwise) has `Match` and `Required` columns, the years
//! found marked against the years asked, and the missing required skills
//! instead of the top gaps.

use super::{missing_text, pct, threshold_text, years_of, Document, Run, Totals};
use crate::cli::batch::record::{FileResult, Outcome};
use crate::cli::format::escape::{cell, code};
use std::io::{self, Write};

pub struct Markdown;

impl Document for Markdown {
    fn write(
        &self,
        w: &mut dyn Write,
        run: &Run,
        rows: &[FileResult],
        t: &Totals,
    ) -> io::Result<()> {
        writeln!(w, "## skillgap batch")?;
        writeln!(w)?;
        let mut parts = vec![format!("**{} scored**", t.scored)];
        if let Some(th) = &run.threshold {
            let passed = t.scored - t.failed;
            parts.push(format!(
                "{passed} passed, {} under {}",
                t.failed,
                threshold_text(th)
            ));
        }
        if t.unreadable > 0 {
            parts.push(format!("**{} unreadable**", t.unreadable));
        }
        if t.skipped.total() > 0 {
            parts.push(t.skipped.to_string());
        }
        parts.push(format!(
            "taxonomy {} {}",
            code(&run.taxonomy_id),
            cell(&run.taxonomy_version)
        ));
        writeln!(w, "{}", parts.join(" · "))?;
        if let Some(job) = &run.job {
            writeln!(w)?;
            writeln!(
                w,
                "Job {}: {}{}",
                code(&job.path),
                cell(&job.about()),
                if run.ranked_by_match {
                    " · **ranked by match**"
                } else {
                    ""
                }
            )?;
        }
        if rows.is_empty() {
            writeln!(w)?;
            writeln!(w, "No resume files found.")?;
            return Ok(());
        }
        writeln!(w)?;
        let result = run.threshold.is_some();
        let job = run.job.is_some();
        write!(
            w,
            "| File |{}{} Level |",
            if result { " Result |" } else { "" },
            if job { " Match | Required |" } else { "" }
        )?;
        for l in &run.levels {
            write!(w, " {} |", cell(l))?;
        }
        if job {
            writeln!(w, " Years | Missing required |")?;
        } else {
            writeln!(w, " Years | Top gaps |")?;
        }
        write!(
            w,
            "|---|{}{}---|",
            if result { "---|" } else { "" },
            if job { "---:|---:|" } else { "" }
        )?;
        for _ in &run.levels {
            write!(w, "---:|")?;
        }
        writeln!(w, "---:|---|")?;
        for file in rows {
            write!(w, "| {} |", code(&file.path))?;
            match &file.outcome {
                Outcome::Unreadable(error) => {
                    if result {
                        write!(w, " ⚠️ unreadable |")?;
                    }
                    let blank = run.levels.len() + 2 + if job { 2 } else { 0 };
                    write!(w, "{}", " |".repeat(blank))?;
                    writeln!(w, " {} |", cell(error))?;
                }
                Outcome::Scored(s) => {
                    match s.passed {
                        Some(true) => write!(w, " ✅ |")?,
                        Some(false) => write!(w, " ❌ under |")?,
                        None if result => write!(w, " |")?,
                        None => {}
                    }
                    if let Some(m) = &s.job_match {
                        write!(
                            w,
                            " {}% | {}/{} |",
                            pct(m.percent),
                            m.required_met,
                            m.required_total
                        )?;
                    }
                    write!(
                        w,
                        " {} |",
                        cell(s.estimated_level.as_deref().unwrap_or("—"))
                    )?;
                    for (&r, &reached) in s.readiness.iter().zip(&s.reached) {
                        if reached {
                            write!(w, " **{}%** |", pct(r))?;
                        } else {
                            write!(w, " {}% |", pct(r))?;
                        }
                    }
                    if let Some(m) = &s.job_match {
                        let years = match (years_of(s.years, m), m.years_met) {
                            (Some(y), Some(true)) => format!("{y} ✅"),
                            (Some(y), _) => format!("{y} ❌"),
                            (None, _) => format!("{:.1}", s.years),
                        };
                        let missing: Vec<String> = m
                            .missing_required
                            .iter()
                            .map(|r| cell(&missing_text(r)))
                            .collect();
                        let missing = if missing.is_empty() {
                            "none ✅".to_string()
                        } else {
                            missing.join(", ")
                        };
                        writeln!(w, " {years} | {missing} |")?;
                        continue;
                    }
                    let gaps: Vec<String> = s.gaps.iter().map(|g| cell(&g.name)).collect();
                    let gaps = if gaps.is_empty() {
                        "—".to_string()
                    } else {
                        gaps.join(", ")
                    };
                    writeln!(w, " {:.1} | {gaps} |", s.years)?;
                }
            }
        }
        writeln!(w)?;
        if job {
            use skillgap::jd::{
                CREDIT_CLAIMED, CREDIT_EVIDENCED, CREDIT_WEAK, SHARE_PREFERRED, SHARE_REQUIRED,
                SHARE_YEARS,
            };
            return writeln!(
                w,
                "Match = 100 × ({SHARE_REQUIRED:.2} × required + {SHARE_PREFERRED:.2} × preferred + \
                 {SHARE_YEARS:.2} × years), each the mean credit (evidenced {CREDIT_EVIDENCED}, \
                 claimed {CREDIT_CLAIMED}, weak {CREDIT_WEAK}). Readiness in **bold**: level reached."
            );
        }
        writeln!(
            w,
            "Readiness in **bold**: level reached. Top gaps lead to {}.",
            match &run.level {
                Some(l) => code(l),
                None => "each resume's next level".to_string(),
            }
        )
    }
}
