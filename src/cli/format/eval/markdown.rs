//! `skillgap eval --format markdown`: tables for docs/ACCURACY.md or a CI summary.

use super::{counted, highest, pct, role_rows};
use crate::cli::format::escape::cell;
use skillgap::eval::Evaluation;
use std::io::Write;

pub(crate) fn write(w: &mut dyn Write, e: &Evaluation, errors: usize) -> std::io::Result<()> {
    let m = &e.micro;
    writeln!(
        w,
        "| Resumes | Micro P | Micro R | Micro F1 | Macro F1 | Level exact | Level ±1 | Years ±1.5 |"
    )?;
    writeln!(w, "|---:|---:|---:|---:|---:|---:|---:|---:|")?;
    writeln!(
        w,
        "| {} | {:.3} | {:.3} | {:.3} | {:.3} | {:.1}% | {:.1}% | {:.1}% |",
        e.resumes,
        m.precision,
        m.recall,
        m.f1,
        e.macro_f1,
        pct(e.levels.exact, e.levels.labelled),
        pct(e.levels.within_one, e.levels.labelled),
        e.years.within_1_5_years * 100.0
    )?;
    writeln!(w)?;
    if let Some(r) = &e.roles {
        writeln!(
            w,
            "| Labelled role | Resumes | Accepted role 1st or 2nd | 1st |"
        )?;
        writeln!(w, "|---|---:|---:|---:|")?;
        for (g, n, top2, first) in role_rows(r) {
            writeln!(
                w,
                "| {g} | {n} | {top2} ({:.0} %) | {first} ({:.0} %) |",
                pct(top2, n),
                pct(first, n)
            )?;
        }
        writeln!(
            w,
            "| {}: every fit < {} | {} | {} | highest fits {} |",
            skillgap::eval::NON_SOFTWARE,
            skillgap::eval::NON_SOFTWARE_MAX_FIT,
            r.non_software.resumes,
            r.non_software.below,
            highest(r)
        )?;
        writeln!(w)?;
    }
    writeln!(w, "| Skill | TP | FP | FN | P | R | F1 |")?;
    writeln!(w, "|---|---:|---:|---:|---:|---:|---:|")?;
    for (id, c) in counted(e) {
        writeln!(
            w,
            "| {id} | {} | {} | {} | {:.3} | {:.3} | {:.3} |",
            c.tp, c.fp, c.fn_, c.precision, c.recall, c.f1
        )?;
    }
    if errors > 0 && !e.errors.is_empty() {
        writeln!(w)?;
        writeln!(w, "| Error | Skill | File | Line | Text |")?;
        writeln!(w, "|---|---|---|---:|---|")?;
        for x in e.errors.iter().take(errors) {
            // A false negative that nothing in the resume came near has no line.
            let (line, t) = x
                .lines
                .first()
                .or(x.excluded.first())
                .map(|(n, t)| (n.to_string(), t.as_str()))
                .unwrap_or(("–".to_string(), "not found anywhere in the resume"));
            writeln!(
                w,
                "| {} | {} | {} | {} | {} |",
                x.kind.to_uppercase(),
                x.skill,
                cell(&x.file),
                line,
                cell(t)
            )?;
        }
    }
    Ok(())
}
