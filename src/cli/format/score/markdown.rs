//! The Markdown report of `skillgap score --format markdown`.

use crate::cli::format::escape::{cell, code};
use skillgap::gaps::need_label;
use skillgap::report::{GapKind, Report};
use std::io::{self, Write};

/// Writes the report as Markdown.
pub(crate) fn write(
    w: &mut dyn Write,
    report: &Report,
    source: &str,
    explain: bool,
    gaps: usize,
) -> io::Result<()> {
    writeln!(w, "## skillgap: {}", code(source))?;
    writeln!(w)?;
    let level = cell(report.estimated_level.as_deref().unwrap_or("none"));
    writeln!(
        w,
        "**Estimated level:** {level} · **Experience:** {:.1} years, {:.1} in the role · taxonomy {} {}",
        report.experience.years,
        report.experience.role_years,
        code(&report.taxonomy.id),
        cell(&report.taxonomy.version)
    )?;
    if let Some(b) = &report.better_role {
        writeln!(w)?;
        writeln!(w, "**Role:** {}", cell(&super::better_role(b)))?;
    }
    writeln!(w)?;
    writeln!(w, "| Level | Readiness | Reached |")?;
    writeln!(w, "|---|---:|:---:|")?;
    for l in &report.levels {
        writeln!(
            w,
            "| {} | {:.1}% | {} |",
            cell(&l.id),
            l.readiness,
            if l.reached { "✅" } else { "" }
        )?;
    }
    writeln!(w)?;
    if let Some(target) = &report.target_level {
        writeln!(w, "### Top gaps to {}", cell(target))?;
        writeln!(w)?;
        if report.gaps.is_empty() {
            writeln!(w, "None: every requirement is met.")?;
        } else {
            writeln!(w, "| # | Gap | Now | Gain | Why | Suggestion |")?;
            writeln!(w, "|---:|---|---|---:|---|---|")?;
            let shown = if explain {
                report.gaps.len()
            } else {
                gaps.min(report.gaps.len())
            };
            for (i, g) in report.gaps.iter().take(shown).enumerate() {
                let now = if g.kind == GapKind::Years {
                    "not enough yet"
                } else {
                    need_label(g.current, g.expect)
                };
                let sug = g
                    .suggestion
                    .as_ref()
                    .map(|s| format!("{} [{}]", cell(&s.text), cell(&s.source)))
                    .unwrap_or_default();
                writeln!(
                    w,
                    "| {} | {} | {} | +{:.1} | {} | {} |",
                    i + 1,
                    cell(&g.name),
                    cell(now),
                    g.gain,
                    cell(&g.why),
                    sug
                )?;
            }
        }
        writeln!(w)?;
    }
    writeln!(w, "### Evidence")?;
    writeln!(w)?;
    writeln!(w, "| Skill | Status | Line | Section | Text |")?;
    writeln!(w, "|---|---|---:|---|---|")?;
    for s in &report.skills {
        let lines: Vec<_> = if explain {
            s.evidence.iter().collect()
        } else {
            s.best_evidence().into_iter().collect()
        };
        for e in lines {
            writeln!(
                w,
                "| {} | {} | {} | {} | {} |",
                cell(&s.name),
                format!("{:?}", s.status).to_lowercase(),
                e.line,
                cell(&e.section.to_string()),
                cell(&e.text)
            )?;
        }
    }
    if !report.claimed_only.is_empty() {
        writeln!(w)?;
        writeln!(
            w,
            "**Claimed but not shown in use:** {}",
            cell(&report.claimed_only.join(", "))
        )?;
    }
    if !report.excluded.is_empty() {
        writeln!(w)?;
        let excluded = report
            .excluded
            .iter()
            .map(|x| format!("{} (line {}, {:?})", x.skill, x.line, x.reason).to_lowercase())
            .collect::<Vec<_>>()
            .join("; ");
        writeln!(w, "**Not counted:** {}", cell(&excluded))?;
    }
    Ok(())
}
