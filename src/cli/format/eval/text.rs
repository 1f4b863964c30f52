//! `skillgap eval` for people: summary, per-skill table, confusion matrix, errors.

use super::{counted, highest, pct, ranked, role_rows};
use skillgap::eval::Evaluation;
use std::io::Write;

pub(crate) fn write(w: &mut dyn Write, e: &Evaluation, errors: usize) -> std::io::Result<()> {
    let m = &e.micro;
    writeln!(
        w,
        "{} resumes · micro P {:.3} R {:.3} F1 {:.3} (tp {} fp {} fn {}) · macro F1 {:.3}",
        e.resumes, m.precision, m.recall, m.f1, m.tp, m.fp, m.fn_, e.macro_f1
    )?;
    let l = &e.levels;
    writeln!(
        w,
        "levels: {} labelled · exact {:.1}% · within one {:.1}% · {} of {} unlabelled above the first level",
        l.labelled, pct(l.exact, l.labelled), pct(l.within_one, l.labelled), l.unlabelled_above_first, l.unlabelled
    )?;
    writeln!(
        w,
        "years: {} labelled · mean abs error {:.2} · within one year {:.1}% · within 1.5 years {:.1}%",
        e.years.labelled,
        e.years.mean_abs_error,
        e.years.within_one_year * 100.0,
        e.years.within_1_5_years * 100.0
    )?;
    writeln!(w)?;
    writeln!(
        w,
        "{:<16} {:>4} {:>4} {:>4} {:>6} {:>6} {:>6}",
        "skill", "tp", "fp", "fn", "P", "R", "F1"
    )?;
    for (id, c) in counted(e) {
        writeln!(
            w,
            "{id:<16} {:>4} {:>4} {:>4} {:>6.3} {:>6.3} {:>6.3}",
            c.tp, c.fp, c.fn_, c.precision, c.recall, c.f1
        )?;
    }
    writeln!(w)?;
    writeln!(w, "confusion (label → estimated):")?;
    for (label, row) in &l.confusion {
        let cells: Vec<String> = row.iter().map(|(k, v)| format!("{k} {v}")).collect();
        writeln!(w, "  {label:<10} {}", cells.join(", "))?;
    }
    if let Some(r) = &e.roles {
        writeln!(w)?;
        writeln!(
            w,
            "role fit (an accepted role ranked 1st or 2nd; docs/ROLES.md):"
        )?;
        for (g, n, top2, first) in role_rows(r) {
            writeln!(
                w,
                "  {g:<14} {n:>3} resumes · 1st or 2nd {top2} ({:.0}%) · 1st {first} ({:.0}%)",
                pct(top2, n),
                pct(first, n)
            )?;
        }
        let ns = &r.non_software;
        writeln!(
            w,
            "  {:<14} {:>3} resumes · every fit below {} {} · highest fits {}",
            skillgap::eval::NON_SOFTWARE,
            ns.resumes,
            skillgap::eval::NON_SOFTWARE_MAX_FIT,
            ns.below,
            highest(r)
        )?;
        for m in &r.misses {
            writeln!(
                w,
                "  miss {} [{}]: {}",
                m.file,
                m.labelled.join(", "),
                ranked(m)
            )?;
        }
    }
    if errors > 0 && !e.errors.is_empty() {
        writeln!(w)?;
        writeln!(w, "errors ({}):", e.errors.len())?;
        for x in e.errors.iter().take(errors) {
            match x.kind.as_str() {
                "fp" => {
                    for (line, t) in x.lines.iter().take(2) {
                        writeln!(
                            w,
                            "  FP {:<14} {}:{line}  {}",
                            x.skill,
                            x.file,
                            crate::cli::width::truncate(t, 90)
                        )?;
                    }
                }
                _ => {
                    let why = x
                        .excluded
                        .first()
                        .map(|(l, t)| {
                            format!(
                                "  (excluded at {l}: {})",
                                crate::cli::width::truncate(t, 70)
                            )
                        })
                        .unwrap_or_default();
                    writeln!(w, "  FN {:<14} {}{why}", x.skill, x.file)?;
                }
            }
        }
    }
    Ok(())
}
