//! The Markdown report of `skillgap score --format markdown`.

use skillgap::gaps::need_label;
use skillgap::report::{GapKind, Report};
use std::io::{self, Write};

/// Escapes text for a Markdown table cell.
pub fn cell(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace('\n', " ")
}

/// Writes the report as Markdown.
pub fn write(
    w: &mut dyn Write,
    report: &Report,
    source: &str,
    explain: bool,
    gaps: usize,
) -> io::Result<()> {
    writeln!(w, "## skillgap: `{}`", cell(source))?;
    writeln!(w)?;
    let level = report.estimated_level.as_deref().unwrap_or("none");
    writeln!(
        w,
        "**Estimated level:** {level} · **Experience:** {:.1} years · taxonomy `{}` {}",
        report.experience.years, report.taxonomy.id, report.taxonomy.version
    )?;
    writeln!(w)?;
    writeln!(w, "| Level | Readiness | Reached |")?;
    writeln!(w, "|---|---:|:---:|")?;
    for l in &report.levels {
        writeln!(
            w,
            "| {} | {:.1}% | {} |",
            l.id,
            l.readiness,
            if l.reached { "✅" } else { "" }
        )?;
    }
    writeln!(w)?;
    if let Some(target) = &report.target_level {
        writeln!(w, "### Top gaps to {target}")?;
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
                    .map(|s| format!("{} [{}]", s.text, s.source))
                    .unwrap_or_default();
                writeln!(
                    w,
                    "| {} | {} | {} | +{:.1} | {} | {} |",
                    i + 1,
                    cell(&g.name),
                    now,
                    g.gain,
                    cell(&g.why),
                    cell(&sug)
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
                e.section,
                cell(&e.text)
            )?;
        }
    }
    if !report.claimed_only.is_empty() {
        writeln!(w)?;
        writeln!(
            w,
            "**Claimed but not shown in use:** {}",
            report.claimed_only.join(", ")
        )?;
    }
    if !report.excluded.is_empty() {
        writeln!(w)?;
        writeln!(
            w,
            "**Not counted:** {}",
            report
                .excluded
                .iter()
                .map(|x| format!("{} (line {}, {:?})", x.skill, x.line, x.reason).to_lowercase())
                .collect::<Vec<_>>()
                .join("; ")
        )?;
    }
    Ok(())
}
