//! The learning plan as Markdown, after the score or fit report.

use super::{effort_note, kind_word, months, months_label, summary};
use crate::cli::format::escape::{cell, code};
use skillgap::gaps::need_label;
use skillgap::plan::Plan;
use std::io::{self, Write};

pub(crate) fn write(w: &mut dyn Write, plan: Option<&Plan>) -> io::Result<()> {
    writeln!(w)?;
    let Some(p) = plan else {
        writeln!(w, "### Learning plan")?;
        writeln!(w)?;
        return writeln!(w, "The highest level is reached; nothing to plan.");
    };
    writeln!(
        w,
        "### Learning plan to {} ({})",
        cell(&p.level_name),
        code(&p.level)
    )?;
    writeln!(w)?;
    writeln!(w, "{} · role {}", cell(&summary(p)), code(&p.role))?;
    if !p.steps.is_empty() {
        writeln!(w)?;
        writeln!(
            w,
            "| # | When | Step | Now | Points | Effort | Points/month | Readiness after | What to do | What to add to the resume | Effort source |"
        )?;
        writeln!(w, "|---:|---|---|---|---:|---:|---:|---:|---|---|---|")?;
        for (i, s) in p.steps.iter().enumerate() {
            let action = s
                .action
                .as_ref()
                .map(|a| {
                    if a.source.is_empty() {
                        a.text.clone()
                    } else {
                        format!("{} [{}]", a.text, a.source)
                    }
                })
                .unwrap_or_default();
            writeln!(
                w,
                "| {} | {} | {} ({}) | {} | +{:.1} | {} | {:.2} | {:.1} | {} | {} | {} |",
                i + 1,
                months_label(s),
                cell(&s.name),
                kind_word(s.kind),
                need_label(s.current, s.expect),
                s.points,
                months(s.effort_months),
                s.points_per_month,
                s.readiness_after,
                cell(&action),
                cell(&s.evidence),
                cell(&effort_note(s))
            )?;
        }
    }
    let mut notes = Vec::new();
    if let Some(t) = &p.time_in_role {
        notes.push(format!(
            "**Time in the role:** {} more months (the resume shows {:.1} years in the role, the level needs {:.1}), +{:.1} pts",
            t.months, t.years, t.needed, t.points
        ));
    }
    if !p.remaining.is_empty() {
        notes.push(format!(
            "**Still unmet after the plan:** {}",
            cell(&p.remaining.join("; "))
        ));
    }
    if !p.certifications.is_empty() {
        let certs: Vec<String> = p
            .certifications
            .iter()
            .map(|c| match c.effort_months {
                Some(m) => format!("{} ({})", cell(&c.name), months(m)),
                None => cell(&c.name),
            })
            .collect();
        notes.push(format!(
            "**Certifications of the level** (no readiness points): {}",
            certs.join(", ")
        ));
    }
    if !p.unplanned.is_empty() {
        notes.push(format!(
            "**Gaps without an effort in the taxonomy:** {}",
            p.unplanned.join(", ")
        ));
    }
    if !notes.is_empty() {
        writeln!(w)?;
        for n in notes {
            writeln!(w, "- {n}")?;
        }
    }
    Ok(())
}
