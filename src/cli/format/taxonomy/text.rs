//! `taxonomy list` as aligned columns (spellings truncated to the width).

use crate::cli::width::{display_width, pad, truncate, Width};
use skillgap::Taxonomy;
use std::io::Write;

/// The width of a column: `fixed` without a limit; with one, as wide as its
/// widest entry (at most `fixed`).
fn column<'a>(fixed: usize, width: Width, entries: impl Iterator<Item = &'a str>) -> usize {
    match width.get() {
        None => fixed,
        Some(_) => entries.map(display_width).max().unwrap_or(0).min(fixed),
    }
}

pub(crate) fn write(
    w: &mut dyn Write,
    t: &Taxonomy,
    kind: Option<&str>,
    width: Width,
) -> std::io::Result<()> {
    width.writeln(w, &format!("{} ({}) {}", t.name(), t.id(), t.version()), 2)?;
    if kind.is_none() {
        writeln!(w, "\nLevels")?;
        let ids = column(12, width, t.levels().iter().map(|l| l.id.as_str()));
        let rest: Vec<String> = t
            .levels()
            .iter()
            .map(|l| {
                format!(
                    "{}+ years, {} requirements",
                    l.years.min,
                    l.requirements.len()
                )
            })
            .collect();
        let rest_width = rest.iter().map(|r| display_width(r)).max().unwrap_or(0);
        let names = column(40, width, t.levels().iter().map(|l| l.name.as_str()));
        let names = width.room(2 + ids.max(12) + 2 + rest_width, names, 12);
        for (l, rest) in t.levels().iter().zip(&rest) {
            let line = format!(
                "  {:<12} {} {rest}",
                pad(&l.id, ids),
                pad(&truncate(&l.name, names), names)
            );
            width.writeln(w, &line, 4)?;
        }
        writeln!(w, "\nCompetencies")?;
        let ids = column(30, width, t.competencies().iter().map(|c| c.id.as_str()));
        let names = column(40, width, t.competencies().iter().map(|c| c.name.as_str()));
        // "  id name importance(11) NN skills"
        let names = width.room(2 + ids + 1 + 1 + 11 + 1 + 9, names, 12);
        for c in t.competencies() {
            let imp = c
                .importance
                .map(|i| format!("{i:?}").to_lowercase())
                .unwrap_or_default();
            let line = format!(
                "  {} {} {:<11} {} skills",
                pad(&c.id, ids),
                pad(&truncate(&c.name, names), names),
                imp,
                c.skills.len()
            );
            width.writeln(w, &line, 4)?;
        }
    }
    let skills: Vec<_> = t
        .skills()
        .iter()
        .filter(|s| kind.is_none_or(|k| s.kind == k))
        .collect();
    writeln!(w, "\nSkills ({})", skills.len())?;
    let ids = column(28, width, skills.iter().map(|s| s.id.as_str()));
    let kinds = column(15, width, skills.iter().map(|s| s.kind.as_str()));
    // The name gives way to the spellings down to 16 columns, then the
    // spellings are shortened.
    let used = 2 + ids + 1 + kinds + 1;
    let names = column(26, width, skills.iter().map(|s| s.name.as_str()));
    let names = width.room(used + 1 + 30, names, 16);
    for s in skills {
        let mut spellings: Vec<&str> = s.aliases.iter().map(String::as_str).collect();
        spellings.extend(s.ambiguous.iter().map(|a| a.text.as_str()));
        let room = width.room(used + names + 1, 60, 10);
        let line = format!(
            "  {} {} {} {}",
            pad(&s.id, ids),
            pad(&s.kind, kinds),
            pad(&truncate(&s.name, names), names),
            truncate(&spellings.join(", "), room)
        );
        match width.get() {
            None => writeln!(w, "{line}")?,
            Some(_) => width.writeln(w, line.trim_end(), 4)?,
        }
    }
    Ok(())
}

/// `taxonomy roles`: one line per built-in role, `id  name  (N competencies)`.
pub(crate) fn write_roles(w: &mut dyn Write, roles: &[Taxonomy]) -> std::io::Result<()> {
    let ids = roles
        .iter()
        .map(|t| display_width(t.id()))
        .max()
        .unwrap_or(0);
    let names = roles
        .iter()
        .map(|t| display_width(t.name()))
        .max()
        .unwrap_or(0);
    for t in roles {
        writeln!(
            w,
            "{}  {}  {} competencies, {} levels",
            pad(t.id(), ids),
            pad(t.name(), names),
            t.competencies().len(),
            t.levels().len()
        )?;
    }
    Ok(())
}
