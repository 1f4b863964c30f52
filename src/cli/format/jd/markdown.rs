//! `skillgap score --jd JOB --format markdown`.

use super::{formula, label, via, years_asked};
use crate::cli::format::escape::{cell, code};
use crate::cli::format::style::status_word;
use skillgap::jd::JobMatch;
use skillgap::Taxonomy;
use std::io::{self, Write};

pub(crate) fn write(
    w: &mut dyn Write,
    m: &JobMatch,
    t: &Taxonomy,
    resume: &str,
    job: &str,
    explain: bool,
) -> io::Result<()> {
    writeln!(w, "## skillgap: {} vs {}", code(resume), code(job))?;
    writeln!(w)?;
    let c = &m.components;
    let mut line = format!(
        "**JD match:** {:.1}% · **required** {}/{} met",
        m.percent, c.required.met, c.required.total
    );
    if c.preferred.total > 0 {
        line.push_str(&format!(
            " · **preferred** {}/{}",
            c.preferred.met, c.preferred.total
        ));
    }
    if let (Some(asked), Some(met)) = (years_asked(m), m.years.met) {
        line.push_str(&format!(
            " · **years** {:.1} of {asked} {}",
            m.years.found,
            if met { "✅" } else { "❌" }
        ));
    }
    writeln!(w, "{line}")?;
    writeln!(w)?;
    for warning in &m.warnings {
        writeln!(w, "> ⚠ {}", cell(&warning.message))?;
        writeln!(w)?;
    }
    if let Some(t) = &m.title {
        let level = m
            .level
            .as_ref()
            .map(|l| {
                format!(
                    " · aims at **{}**: readiness {:.1}%{}",
                    l.asked.id,
                    l.readiness,
                    if l.reached { " ✅" } else { "" }
                )
            })
            .unwrap_or_default();
        writeln!(w, "Job: {}{level}", cell(t))?;
        writeln!(w)?;
    }
    for (title, list) in [
        ("Missing required", &m.missing_required),
        ("Missing preferred", &m.missing_preferred),
    ] {
        if list.is_empty() {
            continue;
        }
        writeln!(w, "### {title}")?;
        writeln!(w)?;
        writeln!(w, "| Skill | Resume | Job line | Asked |")?;
        writeln!(w, "|---|---|---:|---|")?;
        for r in list.iter() {
            let resume = match (r.status, r.negated_line) {
                (Some(s), _) => format!("only {}", status_word(Some(s))),
                (None, Some(l)) => format!("negated (line {l})"),
                (None, None) => "not found".to_string(),
            };
            writeln!(
                w,
                "| {} | {} | {} | {} |",
                cell(&label(r, t)),
                resume,
                r.asked.line,
                cell(&r.asked.text)
            )?;
        }
        writeln!(w)?;
    }
    if !m.matched.is_empty() {
        writeln!(w, "### Matched")?;
        writeln!(w)?;
        writeln!(
            w,
            "| Skill | Priority | Status | Resume line | Evidence | Job line |"
        )?;
        writeln!(w, "|---|---|---|---:|---|---:|")?;
        for r in &m.matched {
            let (line, text) = r
                .evidence
                .as_ref()
                .map(|e| (e.line.to_string(), cell(&e.text)))
                .unwrap_or_default();
            writeln!(
                w,
                "| {}{} | {} | {} | {} | {} | {} |",
                cell(&label(r, t)),
                cell(&via(r, t)),
                r.priority,
                status_word(r.status),
                line,
                text,
                r.asked.line
            )?;
        }
        writeln!(w)?;
    }
    if !m.mentioned.is_empty() {
        let shown: Vec<String> = m
            .mentioned
            .iter()
            .map(|r| format!("{} ({})", label(r, t), status_word(r.status)))
            .collect();
        writeln!(
            w,
            "**Also in the job's duties (not scored):** {}",
            cell(&shown.join(", "))
        )?;
        writeln!(w)?;
    }
    if !m.unrecognised.is_empty() {
        let terms: Vec<String> = m
            .unrecognised
            .iter()
            .map(|u| format!("{} (line {})", u.term, u.line))
            .collect();
        writeln!(
            w,
            "**Not recognised (count neither way):** {}",
            cell(&terms.join(", "))
        )?;
        writeln!(w)?;
    }
    if explain {
        writeln!(w, "Match = {}", formula(m))?;
    }
    Ok(())
}
