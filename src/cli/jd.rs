//! `skillgap score RESUME --jd JOB`: the job-description match, in text,
//! JSON or Markdown. What a user needs first comes first: the match, the
//! required skills that are missing, then the preferred ones, then the
//! evidence for what matched, years, level and the terms not recognised.

use super::args::{ScoreArgs, ScoreFormat};
use super::report_markdown::{cell, code};
use super::report_text::truncate;
use super::width::{pad, Width};
use super::{input, with_stdout, Exit, Failure};
use anstyle::{AnsiColor, Style};
use skillgap::extract::Extracted;
use skillgap::jd::{JobDescription, JobMatch, RequirementMatch};
use skillgap::report::Status;
use skillgap::{Scorer, Taxonomy};
use std::io::{self, Write};
use std::path::Path;

const BOLD: Style = Style::new().bold();
const DIM: Style = Style::new().dimmed();
const GREEN: Style = AnsiColor::Green.on_default();
const YELLOW: Style = AnsiColor::Yellow.on_default();
const RED: Style = AnsiColor::Red.on_default();
const CYAN: Style = AnsiColor::Cyan.on_default();

/// The job description read and matched against the scored resume (inside the `--timeout`
/// deadline, see `score::run`).
pub struct Read {
    pub doc: Extracted,
    pub job: JobDescription,
    pub m: JobMatch,
}

/// Writes the match of the resume with the job read in `read`, and applies
/// `--fail-under` to the match percentage.
pub fn run(
    args: &ScoreArgs,
    scorer: &Scorer,
    source: &str,
    jd: &Path,
    read: Read,
) -> Result<Exit, Failure> {
    let Read { doc, job, m } = read;
    let jd_name = input::display_name(jd);
    if args.explain {
        for w in &doc.warnings {
            eprintln!("skillgap: {jd_name}: {w}");
        }
    }
    let width = args.width.resolve();
    with_stdout(args.color, |w| match args.format {
        ScoreFormat::Text => {
            let page = Page {
                resume: source,
                job: &jd_name,
                explain: args.explain,
                width,
            };
            write_text(w, &m, scorer.taxonomy(), &page)?;
            if args.explain {
                write_ignored(w, &job, width)?;
            }
            Ok(())
        }
        ScoreFormat::Json => writeln!(w, "{}", m.to_json()),
        ScoreFormat::Markdown => {
            write_markdown(w, &m, scorer.taxonomy(), source, &jd_name, args.explain)
        }
    })?;
    if let Some(pct) = args.fail_under {
        if m.percent < pct {
            eprintln!(
                "skillgap: {source}: match with {jd_name} is {:.1}%, below --fail-under {pct}",
                m.percent
            );
            return Ok(Exit::Threshold);
        }
    }
    Ok(Exit::Ok)
}

fn status_word(s: Option<Status>) -> &'static str {
    match s {
        Some(Status::Evidenced) => "evidenced",
        Some(Status::Claimed) => "claimed",
        Some(Status::Weak) => "weak",
        None => "not found",
    }
}

fn status_style(s: Option<Status>) -> Style {
    match s {
        Some(Status::Evidenced) => GREEN,
        Some(Status::Claimed) => YELLOW,
        Some(Status::Weak) | None => RED,
    }
}

fn bar(pct: f64, width: usize) -> String {
    let filled = (((pct / 100.0) * width as f64).round() as usize).min(width);
    format!("{}{}", "█".repeat(filled), "░".repeat(width - filled))
}

/// "5+", "3–5", "0–2".
fn years_asked(m: &JobMatch) -> Option<String> {
    let y = m.years.asked.as_ref()?;
    Some(match y.max {
        Some(max) => format!("{}–{}", y.min, max),
        None => format!("{}+", y.min),
    })
}

/// The requirement's name, with the skill that implied it.
fn label(r: &RequirementMatch, t: &Taxonomy) -> String {
    match &r.implied_by {
        Some(i) => format!(
            "{} (via {})",
            r.name,
            t.skill(i).map_or(i.as_str(), |s| s.name.as_str())
        ),
        None => r.name.clone(),
    }
}

/// How a requirement was met, beyond its status: "via Django", "through the
/// competency".
fn via(r: &RequirementMatch, t: &Taxonomy) -> String {
    let name = |id: &str| t.skill(id).map_or(id.to_string(), |s| s.name.clone());
    match (&r.via, r.through_competency) {
        (Some(v), true) => format!(" via {}, through the competency", name(v)),
        (Some(v), false) => format!(" via {}", name(v)),
        _ => String::new(),
    }
}

/// What the text report is about and how it is laid out.
struct Page<'a> {
    resume: &'a str,
    job: &'a str,
    explain: bool,
    width: Width,
}

fn write_text(w: &mut dyn Write, m: &JobMatch, t: &Taxonomy, page: &Page) -> io::Result<()> {
    let Page {
        resume,
        job,
        explain,
        width,
    } = *page;
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

    let style = super::report_text::match_style(m.percent);
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
        let y = c.years.as_ref();
        width.writeln(
            w,
            &format!(
                "  {DIM}= 100 × ({:.2} × required {:.2} + {:.2} × preferred {:.2} + {:.2} × years {:.2}){DIM:#}",
                c.required.share,
                c.required.credit,
                c.preferred.share,
                c.preferred.credit,
                y.map_or(0.0, |y| y.share),
                y.map_or(0.0, |y| y.credit)
            ),
            4,
        )?;
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

    writeln!(w)?;
    if m.missing_required.is_empty() {
        writeln!(w, "{BOLD}Missing required{BOLD:#}  {GREEN}none{GREEN:#}")?;
    } else {
        writeln!(
            w,
            "{BOLD}Missing required{BOLD:#}  {DIM}({}){DIM:#}",
            m.missing_required.len()
        )?;
        let names = name_width(&m.missing_required, t, width);
        for r in &m.missing_required {
            write_missing(w, r, t, names, width)?;
        }
    }
    if !m.missing_preferred.is_empty() {
        writeln!(w)?;
        writeln!(
            w,
            "{BOLD}Missing preferred{BOLD:#}  {DIM}({}){DIM:#}",
            m.missing_preferred.len()
        )?;
        let names = name_width(&m.missing_preferred, t, width);
        for r in &m.missing_preferred {
            write_missing(w, r, t, names, width)?;
        }
    }

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
        .map(|r| super::width::display_width(&label(r, t)))
        .max()
        .unwrap_or(0)
        .clamp(10, max)
}

/// With `--explain`: skills the job names where they do not count.
fn write_ignored(
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
            Some(skillgap::matcher::Exclusion::Negated) => "negated".to_string(),
            Some(skillgap::matcher::Exclusion::Learning) => "learning".to_string(),
            Some(skillgap::matcher::Exclusion::ContextRejected) => "other sense".to_string(),
            Some(skillgap::matcher::Exclusion::NoContext) => "no tech context".to_string(),
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

fn write_markdown(
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
        let y = c.years.as_ref();
        writeln!(
            w,
            "Match = 100 × ({:.2} × required {:.2} + {:.2} × preferred {:.2} + {:.2} × years {:.2})",
            c.required.share,
            c.required.credit,
            c.preferred.share,
            c.preferred.credit,
            y.map_or(0.0, |y| y.share),
            y.map_or(0.0, |y| y.credit)
        )?;
    }
    Ok(())
}
