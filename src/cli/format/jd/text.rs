//! `skillgap score --jd JOB` for people: the match first, then the missing
//! required and preferred skills, the evidence for what matched, years, level
//! and the terms not recognised.

use super::{formula, label, via, years_asked};
use crate::cli::format::style::{
    bar, match_style, status_style, status_word, BOLD, CYAN, DIM, GREEN, RED, YELLOW,
};
use crate::cli::width::{display_width, pad, truncate, Width};
use anstyle::Style;
use skillgap::jd::{JobMatch, RequirementMatch};
use skillgap::Taxonomy;
use std::io::{self, Write};

/// What the text report is about and how it is laid out.
pub(crate) struct Page<'a> {
    pub(crate) resume: &'a str,
    pub(crate) job: &'a str,
    pub(crate) explain: bool,
    pub(crate) width: Width,
}

/// Writes the match for people.
pub(crate) fn write(w: &mut dyn Write, m: &JobMatch, t: &Taxonomy, page: &Page) -> io::Result<()> {
    let Page {
        resume,
        job,
        explain,
        width,
    } = *page;
    write_heading(w, m, resume, job, width)?;
    write_match(w, m, explain, width)?;
    write_missing_lists(w, m, t, width)?;
    write_matched(w, m, t, width)?;
    write_mentioned(w, m, t, width)?;
    write_years_and_level(w, m, width)?;
    write_unrecognised(w, m, width)
}

/// The resume and the job, and what the job is about.
fn write_heading(
    w: &mut dyn Write,
    m: &JobMatch,
    resume: &str,
    job: &str,
    width: Width,
) -> io::Result<()> {
    width.writeln(
        w,
        &format!("{BOLD}{resume}{BOLD:#}  {DIM}vs{DIM:#}  {BOLD}{job}{BOLD:#}"),
        2,
    )?;
    let mut about = Vec::new();
    if let Some(t) = &m.title {
        about.push(truncate(t, 60));
    }
    if let Some(l) = &m.level {
        about.push(format!("aims at {}", l.asked.id));
    }
    if let Some(y) = years_asked(m) {
        about.push(format!("{y} years"));
    }
    about.push(format!("{} {}", m.taxonomy.id, m.taxonomy.version));
    width.writeln(w, &format!("{DIM}{}{DIM:#}", about.join(" · ")), 2)?;
    writeln!(w)?;
    Ok(())
}

/// The match percentage, its parts (and with `--explain` its formula), the warnings.
fn write_match(w: &mut dyn Write, m: &JobMatch, explain: bool, width: Width) -> io::Result<()> {
    let style = match_style(m.percent);
    writeln!(
        w,
        "{BOLD}JD match{BOLD:#}  {style}{}{style:#} {:>5.1}%",
        bar(m.percent, 24),
        m.percent
    )?;
    let c = &m.components;
    let mut parts = vec![format!(
        "required {}/{} met",
        c.required.met, c.required.total
    )];
    if c.preferred.total > 0 {
        parts.push(format!(
            "preferred {}/{}",
            c.preferred.met, c.preferred.total
        ));
    }
    if let (Some(asked), Some(met)) = (years_asked(m), m.years.met) {
        let mark = if met { "✓" } else { "✗" };
        parts.push(format!("years {:.1} of {asked} {mark}", m.years.found));
    }
    width.writeln(w, &format!("  {DIM}{}{DIM:#}", parts.join(" · ")), 4)?;
    if explain {
        width.writeln(w, &format!("  {DIM}= {}{DIM:#}", formula(m)), 4)?;
    }
    for warning in &m.warnings {
        width.writeln(w, &format!("  {YELLOW}⚠ {warning}{YELLOW:#}"), 4)?;
    }
    if c.required.total + c.preferred.total == 0 {
        width.writeln(
            w,
            &format!("  {YELLOW}The job description names no skill this taxonomy knows.{YELLOW:#}"),
            2,
        )?;
    }
    Ok(())
}

/// The required skills not met, then the preferred ones.
fn write_missing_lists(
    w: &mut dyn Write,
    m: &JobMatch,
    t: &Taxonomy,
    width: Width,
) -> io::Result<()> {
    for (title, list) in [
        ("Missing required", &m.missing_required),
        ("Missing preferred", &m.missing_preferred),
    ] {
        // "Missing required: none" is news; no missing preferred skill is not.
        if list.is_empty() && title == "Missing preferred" {
            continue;
        }
        writeln!(w)?;
        if list.is_empty() {
            writeln!(w, "{BOLD}{title}{BOLD:#}  {GREEN}none{GREEN:#}")?;
            continue;
        }
        writeln!(w, "{BOLD}{title}{BOLD:#}  {DIM}({}){DIM:#}", list.len())?;
        let names = name_width(list, t, width);
        for r in list {
            write_missing(w, r, t, names, width)?;
        }
    }
    Ok(())
}

/// What matched: the resume line that shows it and the job line that asked.
fn write_matched(w: &mut dyn Write, m: &JobMatch, t: &Taxonomy, width: Width) -> io::Result<()> {
    if !m.matched.is_empty() {
        writeln!(w)?;
        width.writeln(
            w,
            &format!(
                "{BOLD}Matched{BOLD:#}  {DIM}resume evidence, and the job line that asked{DIM:#}"
            ),
            2,
        )?;
        let names = name_width(&m.matched, t, width);
        for r in &m.matched {
            let st = status_style(r.status);
            width.writeln(
                w,
                &format!(
                    "  {st}✓{st:#} {} {st}{:<9}{st:#} {DIM}{}{DIM:#}{CYAN}{}{CYAN:#}",
                    pad(&truncate(&label(r, t), names), names),
                    status_word(r.status),
                    r.priority,
                    via(r, t)
                ),
                6,
            )?;
            if let Some(e) = &r.evidence {
                let head = format!("      {DIM}resume L{:<4}{DIM:#} ", e.line);
                let line = width.excerpt(&head, &e.text, Style::new(), 76, "", 8);
                writeln!(w, "{line}")?;
            }
            let head = format!("      {DIM}job    L{:<4}{DIM:#} ", r.asked.line);
            let line = width.excerpt(&head, &r.asked.text, DIM, 76, "", 8);
            writeln!(w, "{line}")?;
        }
    }
    Ok(())
}

/// Skills named in the job's duties, which are not scored.
fn write_mentioned(w: &mut dyn Write, m: &JobMatch, t: &Taxonomy, width: Width) -> io::Result<()> {
    if !m.mentioned.is_empty() {
        writeln!(w)?;
        width.writeln(
            w,
            &format!("{BOLD}Also in the job's duties{BOLD:#}  {DIM}(responsibilities, role, stack; not scored){DIM:#}"),
            2,
        )?;
        let shown: Vec<String> = m
            .mentioned
            .iter()
            .map(|r| {
                let st = status_style(r.status);
                format!("{} {st}{}{st:#}", label(r, t), status_word(r.status))
            })
            .collect();
        width.writeln(w, &format!("  {}", shown.join(" · ")), 2)?;
    }
    Ok(())
}

/// The years asked and found, and the level the job aims at.
fn write_years_and_level(w: &mut dyn Write, m: &JobMatch, width: Width) -> io::Result<()> {
    writeln!(w)?;
    match (&m.years.asked, m.years.met) {
        (Some(y), Some(met)) => {
            let (st, mark) = if met { (GREEN, "✓") } else { (RED, "✗") };
            width.writeln(
                w,
                &format!(
                    "{BOLD}Years{BOLD:#}   asked {} {DIM}(job L{} \"{}\"){DIM:#}, found {st}{:.1} {mark}{st:#}",
                    years_asked(m).unwrap_or_default(),
                    y.line,
                    y.text,
                    m.years.found
                ),
                8,
            )?;
        }
        _ => width.writeln(
            w,
            &format!(
                "{BOLD}Years{BOLD:#}   not stated in the job; found {:.1}",
                m.years.found
            ),
            8,
        )?,
    }
    match &m.level {
        Some(l) => {
            let (st, mark) = if l.reached {
                (GREEN, "✓ reached")
            } else {
                (YELLOW, "not reached")
            };
            let how = match l.asked.source {
                skillgap::jd::LevelSource::Title => format!("title word \"{}\"", l.asked.text),
                skillgap::jd::LevelSource::Field => format!("field \"{}\"", l.asked.text),
                skillgap::jd::LevelSource::Years => format!("from \"{}\"", l.asked.text),
            };
            width.writeln(
                w,
                &format!(
                    "{BOLD}Level{BOLD:#}   {}: readiness {st}{:.1}% {mark}{st:#} {DIM}({how}; estimated level {}){DIM:#}",
                    l.asked.id,
                    l.readiness,
                    l.estimated.as_deref().unwrap_or("none")
                ),
                8,
            )?;
        }
        None => writeln!(w, "{BOLD}Level{BOLD:#}   not stated in the job")?,
    }
    Ok(())
}

/// Technologies the job names that the taxonomy does not know.
fn write_unrecognised(w: &mut dyn Write, m: &JobMatch, width: Width) -> io::Result<()> {
    if !m.unrecognised.is_empty() {
        writeln!(w)?;
        let terms: Vec<String> = m
            .unrecognised
            .iter()
            .map(|u| format!("{} {DIM}(L{}){DIM:#}", u.term, u.line))
            .collect();
        width.writeln(
            w,
            &format!("{BOLD}Not recognised{BOLD:#}  {}", terms.join(", ")),
            2,
        )?;
        width.writeln(
            w,
            &format!("  {DIM}Technologies this taxonomy does not know; they count neither way. Add them with `--taxonomy` (extends: builtin).{DIM:#}"),
            2,
        )?;
    }
    Ok(())
}

/// The width of the name column: the longest name, at most 36 columns (at
/// most a third of a limited width).
fn name_width(list: &[RequirementMatch], t: &Taxonomy, width: Width) -> usize {
    let max = width.get().map_or(36, |w| (w / 3).clamp(10, 36));
    list.iter()
        .map(|r| display_width(&label(r, t)))
        .max()
        .unwrap_or(0)
        .clamp(10, max)
}

/// With `--explain`: skills the job names where they do not count.
pub(crate) fn write_ignored(
    w: &mut dyn Write,
    job: &skillgap::jd::JobDescription,
    width: Width,
) -> io::Result<()> {
    if job.ignored.is_empty() {
        return Ok(());
    }
    writeln!(w)?;
    width.writeln(
        w,
        &format!("{BOLD}Not counted from the job{BOLD:#}  {DIM}(company, benefits, process, metadata; or another sense){DIM:#}"),
        2,
    )?;
    for i in &job.ignored {
        let why = match i.excluded {
            Some(skillgap::Exclusion::Negated) => "negated".to_string(),
            Some(skillgap::Exclusion::Learning) => "learning".to_string(),
            Some(skillgap::Exclusion::ContextRejected) => "other sense".to_string(),
            Some(skillgap::Exclusion::NoContext) => "no tech context".to_string(),
            None => i.section.to_string(),
        };
        width.writeln(
            w,
            &format!(
                "  {:<24} {DIM}job L{:<4} {:<16}{DIM:#} \"{}\"",
                i.skill, i.line, why, i.matched
            ),
            4,
        )?;
    }
    Ok(())
}

fn write_missing(
    w: &mut dyn Write,
    r: &RequirementMatch,
    t: &Taxonomy,
    names: usize,
    width: Width,
) -> io::Result<()> {
    let note = match (r.status, r.negated_line) {
        (Some(s), _) => {
            let line = r
                .evidence
                .as_ref()
                .map(|e| format!(" (resume L{})", e.line))
                .unwrap_or_default();
            format!("  {YELLOW}only {}{line}{YELLOW:#}", status_word(Some(s)))
        }
        (None, Some(l)) => format!("  {RED}negated (resume L{l}){RED:#}"),
        (None, None) => String::new(),
    };
    let head = format!(
        "  {RED}✗{RED:#} {} {DIM}job L{:<4}{DIM:#} ",
        pad(&truncate(&label(r, t), names), names),
        r.asked.line
    );
    let line = width.excerpt(&head, &r.asked.text, DIM, 56, &note, 6);
    writeln!(w, "{line}")
}
