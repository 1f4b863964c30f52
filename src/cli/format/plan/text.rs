//! The learning plan as text, after the score or fit report.

use super::{effort_note, kind_word, months, months_label, summary};
use crate::cli::format::style::{suggestion_line, BOLD, DIM, GREEN, YELLOW};
use crate::cli::width::Width;
use skillgap::gaps::need_label;
use skillgap::plan::Plan;
use std::io::{self, Write};

pub(crate) fn write(w: &mut dyn Write, plan: Option<&Plan>, width: Width) -> io::Result<()> {
    writeln!(w)?;
    let Some(p) = plan else {
        return width.writeln(
            w,
            &format!("{BOLD}Learning plan{BOLD:#}: the highest level is reached; nothing to plan."),
            2,
        );
    };
    width.writeln(
        w,
        &format!(
            "{BOLD}Learning plan to {} ({}){BOLD:#} {DIM}· {}{DIM:#}",
            p.level_name, p.level, p.role
        ),
        2,
    )?;
    let style = if p.gate_met { GREEN } else { YELLOW };
    width.writeln(w, &format!("  {style}{}{style:#}", summary(p)), 2)?;
    if p.steps.is_empty() && p.gate_met {
        width.writeln(
            w,
            "  Every condition learning can change is met already.",
            2,
        )?;
    }
    for (i, s) in p.steps.iter().enumerate() {
        writeln!(w)?;
        let number = format!("  {}. ", i + 1);
        width.writeln(
            w,
            &format!(
                "  {BOLD}{}. {}: {}{BOLD:#} {DIM}({}){DIM:#} \u{2014} {YELLOW}{}{YELLOW:#} {DIM}· +{:.1} pts in {} ({:.2}/month) \u{2192} {:.1}{DIM:#}",
                i + 1,
                months_label(s),
                s.name,
                kind_word(s.kind),
                need_label(s.current, s.expect),
                s.points,
                months(s.effort_months),
                s.points_per_month,
                s.readiness_after
            ),
            number.len(),
        )?;
        let field = |w: &mut dyn Write, label: &str, text: &str| width.field(w, label, text);
        if let Some(a) = &s.action {
            field(w, "do:", &suggestion_line(a))?;
        }
        field(w, "add:", &s.evidence)?;
        field(w, "effort:", &effort_note(s))?;
    }
    if let Some(t) = &p.time_in_role {
        writeln!(w)?;
        width.writeln(
            w,
            &format!(
                "  {BOLD}Time in the role{BOLD:#}: {} more months (the resume shows {:.1} years in the role, the level needs {:.1}){}",
                t.months,
                t.years,
                t.needed,
                if t.points > 0.0 {
                    format!(", +{:.1} pts", t.points)
                } else {
                    String::new()
                }
            ),
            4,
        )?;
    }
    let certs: Vec<String> = p
        .certifications
        .iter()
        .map(|c| match c.effort_months {
            Some(m) => format!("{} ({})", c.name, months(m)),
            None => c.name.clone(),
        })
        .collect();
    for (label, items, sep) in [
        ("still unmet after the plan", &p.remaining, "; "),
        (
            "certifications of the level (no readiness points)",
            &certs,
            ", ",
        ),
        ("gaps without an effort in the taxonomy", &p.unplanned, ", "),
    ] {
        if !items.is_empty() {
            let line = format!("  {DIM}{label}:{DIM:#} {}", items.join(sep));
            width.writeln(w, &line, 4)?;
        }
    }
    Ok(())
}
