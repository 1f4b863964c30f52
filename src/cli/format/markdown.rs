//! `--format markdown`: a summary line and one table, for PR comments and CI
//! job summaries (`>> "$GITHUB_STEP_SUMMARY"`). The summary comes first, so
//! the rows are kept (compact) until the end.

use super::{pct, threshold_text, Formatter, Run, Totals};
use crate::cli::batch::record::{FileResult, Outcome};
use crate::cli::report_markdown::cell;
use std::io::{self, Write};

#[derive(Default)]
pub struct Markdown {
    rows: Vec<FileResult>,
}

/// Inline code that survives backticks in the text.
fn code(s: &str) -> String {
    let s = cell(s);
    if s.contains('`') {
        format!("`` {s} ``")
    } else {
        format!("`{s}`")
    }
}

impl Formatter for Markdown {
    fn begin(&mut self, _: &mut dyn Write, _: &Run) -> io::Result<()> {
        Ok(())
    }

    fn file(&mut self, _: &mut dyn Write, _: &Run, file: FileResult) -> io::Result<()> {
        self.rows.push(file);
        Ok(())
    }

    fn end(&mut self, w: &mut dyn Write, run: &Run, t: &Totals) -> io::Result<()> {
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
        let s = &t.skipped;
        if s.total() > 0 {
            parts.push(format!(
                "{} skipped ({} hidden, {} unsupported, {} excluded)",
                s.total(),
                s.hidden,
                s.unsupported,
                s.excluded
            ));
        }
        parts.push(format!(
            "taxonomy `{}` {}",
            run.taxonomy_id, run.taxonomy_version
        ));
        writeln!(w, "{}", parts.join(" · "))?;
        if self.rows.is_empty() {
            writeln!(w)?;
            writeln!(w, "No resume files found.")?;
            return Ok(());
        }
        writeln!(w)?;
        let result = run.threshold.is_some();
        write!(
            w,
            "| File |{} Level |",
            if result { " Result |" } else { "" }
        )?;
        for l in &run.levels {
            write!(w, " {} |", cell(l))?;
        }
        writeln!(w, " Years | Top gaps |")?;
        write!(w, "|---|{}---|", if result { "---|" } else { "" })?;
        for _ in &run.levels {
            write!(w, "---:|")?;
        }
        writeln!(w, "---:|---|")?;
        for file in self.rows.drain(..) {
            write!(w, "| {} |", code(&file.path))?;
            match &file.outcome {
                Outcome::Unreadable(error) => {
                    if result {
                        write!(w, " ⚠️ unreadable |")?;
                    }
                    write!(w, "{}", " |".repeat(run.levels.len() + 2))?;
                    writeln!(w, " {} |", cell(error))?;
                }
                Outcome::Scored(s) => {
                    match s.passed {
                        Some(true) => write!(w, " ✅ |")?,
                        Some(false) => write!(w, " ❌ under |")?,
                        None if result => write!(w, " |")?,
                        None => {}
                    }
                    write!(w, " {} |", s.estimated_level.as_deref().unwrap_or("—"))?;
                    for (&r, &reached) in s.readiness.iter().zip(&s.reached) {
                        if reached {
                            write!(w, " **{}%** |", pct(r))?;
                        } else {
                            write!(w, " {}% |", pct(r))?;
                        }
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
        writeln!(
            w,
            "Readiness in **bold**: level reached. Top gaps lead to {}.",
            match &run.level {
                Some(l) => format!("`{l}`"),
                None => "each resume's next level".to_string(),
            }
        )
    }
}
