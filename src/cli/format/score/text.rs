//! The human-readable report of `skillgap score`.

use crate::cli::format::style::{
    bar, readiness_style, status_style, status_word, suggestion_line, BOLD, CYAN, DIM, GREEN, RED,
    YELLOW,
};
use crate::cli::width::{pad, truncate, Width};
use anstyle::Style;
use skillgap::gaps::need_label;
use skillgap::report::{Gap, GapKind, Report, Status};
use std::io::{self, Write};

/// What the text report shows.
pub(crate) struct TextOptions {
    pub explain: bool,
    pub gaps: usize,
    /// Lines wrap (and excerpts shorten) to fit this width.
    pub width: Width,
}

/// The line saying that `more` date ranges or statements were left out of
/// the listing (nothing when none were).
fn write_more_experience(
    w: &mut dyn Write,
    width: Width,
    more: usize,
    what: &str,
) -> io::Result<()> {
    if more == 0 {
        return Ok(());
    }
    let cap = skillgap::report::EXPERIENCE_CAP;
    width.writeln(
        w,
        &format!(
            "  {DIM}… and {more} more {what} (the first {cap} are listed; years count all){DIM:#}"
        ),
        4,
    )
}

/// Writes the report. `source` names the input (a path or `<stdin>`).
pub(crate) fn write(
    w: &mut dyn Write,
    report: &Report,
    source: &str,
    opts: &TextOptions,
) -> io::Result<()> {
    let width = opts.width;
    width.writeln(
        w,
        &format!(
            "{BOLD}{source}{BOLD:#}  {DIM}· {} {} · {} lines{DIM:#}",
            report.taxonomy.id, report.taxonomy.version, report.document.lines
        ),
        2,
    )?;
    writeln!(w)?;
    writeln!(w, "{BOLD}Readiness{BOLD:#}")?;
    for l in &report.levels {
        let style = readiness_style(l.reached, l.readiness);
        let mark = if l.reached { "✓" } else { " " };
        writeln!(
            w,
            "  {:<10} {style}{}{style:#} {:>5.1}%  {mark}",
            l.id,
            bar(l.readiness, 24),
            l.readiness
        )?;
        if opts.explain {
            writeln!(
                w,
                "  {DIM}{:<10} skills {:.0}% · years {:.0}% · responsibilities {:.0}%{DIM:#}",
                "",
                l.skills * 100.0,
                l.years * 100.0,
                l.responsibilities * 100.0
            )?;
            if !l.unmet.is_empty() {
                width.writeln(
                    w,
                    &format!(
                        "  {DIM}{:<10} not reached: {}{DIM:#}",
                        "",
                        l.unmet.join("; ")
                    ),
                    13,
                )?;
            }
        }
    }
    writeln!(w)?;
    let years = &report.experience;
    let years_note = if years.years > 0.0 {
        let how = match years.stated {
            Some(s) if s >= years.from_ranges => "stated",
            _ => "from dates",
        };
        format!(
            "{:.1} years of experience ({how}), {:.1} of them in {} work",
            years.years,
            years.role_years,
            report.taxonomy.name.to_lowercase()
        )
    } else {
        "no dated experience found".to_string()
    };
    let estimated = match &report.estimated_level {
        Some(level) => format!(
            "{BOLD}Estimated level:{BOLD:#} {GREEN}{level}{GREEN:#}  {DIM}· {years_note}{DIM:#}"
        ),
        None => format!(
            "{BOLD}Estimated level:{BOLD:#} {RED}none{RED:#} ({})  {DIM}· {years_note}{DIM:#}",
            report
                .levels
                .first()
                .map(|l| format!("{}: {}", l.id, l.unmet.join("; ")))
                .unwrap_or_else(|| "no levels".to_string())
        ),
    };
    width.writeln(w, &estimated, 2)?;
    if let Some(b) = &report.better_role {
        width.writeln(
            w,
            &format!("{BOLD}Role:{BOLD:#} {}", super::better_role(b)),
            2,
        )?;
    }
    if opts.explain && !years.ranges.is_empty() {
        for r in &years.ranges {
            width.writeln(
                w,
                &format!(
                    "  {DIM}L{:<4} {} ({} months{}){DIM:#}",
                    r.line,
                    r.text,
                    r.months,
                    if r.role { ", in the role" } else { "" }
                ),
                8,
            )?;
        }
        write_more_experience(w, width, report.more_ranges, "date ranges")?;
    }
    if opts.explain {
        for s in &years.statements {
            width.writeln(
                w,
                &format!("  {DIM}L{:<4} \"{}\"{DIM:#}", s.line, s.text),
                8,
            )?;
        }
        write_more_experience(w, width, report.more_statements, "statements")?;
    }

    // Gaps.
    writeln!(w)?;
    match &report.target_level {
        Some(target) if !report.gaps.is_empty() => {
            width.writeln(w, &format!("{BOLD}Top gaps to {target}{BOLD:#}"), 2)?;
            let shown = if opts.explain {
                report.gaps.len()
            } else {
                opts.gaps.min(report.gaps.len())
            };
            for (i, g) in report.gaps.iter().take(shown).enumerate() {
                write_gap(w, i + 1, g, width)?;
            }
            if shown < report.gaps.len() {
                writeln!(
                    w,
                    "  {DIM}… {} more (--explain shows all){DIM:#}",
                    report.gaps.len() - shown
                )?;
            }
        }
        Some(target) => width.writeln(
            w,
            &format!("{BOLD}No gaps to {target}{BOLD:#}: every requirement is met."),
            2,
        )?,
        None => writeln!(
            w,
            "{BOLD}Top level reached{BOLD:#}: no higher level to aim for."
        )?,
    }

    // Evidence.
    writeln!(w)?;
    let count = |s: Status| report.skills.iter().filter(|f| f.status == s).count();
    writeln!(
        w,
        "{BOLD}Evidence{BOLD:#}  {DIM}{} skills: {} evidenced, {} claimed, {} weak{DIM:#}",
        report.skills.len(),
        count(Status::Evidenced),
        count(Status::Claimed),
        count(Status::Weak)
    )?;
    for s in &report.skills {
        let style = status_style(Some(s.status));
        let status = status_word(Some(s.status));
        let lines: Vec<_> = if opts.explain {
            s.evidence.iter().collect()
        } else {
            s.best_evidence().into_iter().collect()
        };
        for (i, e) in lines.iter().enumerate() {
            let head = if i == 0 {
                format!(
                    "{style}{status:<9}{style:#} {}",
                    pad(&truncate(&s.name, 22), 22)
                )
            } else {
                format!("{:<9} {:<22}", "", "")
            };
            let how = match e.kind {
                skillgap::EvidenceKind::Fuzzy => format!(
                    " {CYAN}~{} {:.2}{CYAN:#}",
                    e.via,
                    e.similarity.unwrap_or(0.0)
                ),
                skillgap::EvidenceKind::Implied => format!(" {CYAN}via {}{CYAN:#}", e.via),
                _ => String::new(),
            };
            let head = format!(
                "  {head} {DIM}L{:<4} {:<11}{DIM:#} ",
                e.line,
                e.section.as_str()
            );
            // An excerpt that has no room left moves under the skill name.
            let line = width.excerpt(&head, &e.text, Style::new(), 70, &how, 12);
            writeln!(w, "{line}")?;
        }
        if opts.explain && s.more_evidence > 0 {
            let cap = skillgap::report::EVIDENCE_CAP;
            width.writeln(
                w,
                &format!(
                    "  {DIM}… and {} more {} of {} (the {cap} strongest are listed; the status counts all){DIM:#}",
                    s.more_evidence,
                    if s.more_evidence == 1 { "line" } else { "lines" },
                    s.name
                ),
                4,
            )?;
        }
    }
    if !report.claimed_only.is_empty() {
        writeln!(w)?;
        width.writeln(
            w,
            &format!(
                "{BOLD}Claimed but not shown in use:{BOLD:#} {}",
                report.claimed_only.join(", ")
            ),
            2,
        )?;
        width.writeln(w, &format!("  {DIM}Recruiters weigh hands-on evidence over lists: add an Experience or Projects bullet for these.{DIM:#}"), 2)?;
    }
    if !report.excluded.is_empty() {
        writeln!(w)?;
        writeln!(w, "{BOLD}Not counted{BOLD:#}")?;
        let shown = if opts.explain {
            report.excluded.len()
        } else {
            report.excluded.len().min(5)
        };
        for x in report.excluded.iter().take(shown) {
            let reason = match x.reason {
                skillgap::Exclusion::Negated => "negated",
                skillgap::Exclusion::Learning => "learning",
                skillgap::Exclusion::ContextRejected => "other sense",
                skillgap::Exclusion::NoContext => "no tech context",
            };
            let head = format!(
                "  {:<16} {DIM}L{:<4} {:<15}{DIM:#} ",
                x.skill, x.line, reason
            );
            writeln!(
                w,
                "{}",
                width.excerpt(&head, &x.text, Style::new(), 70, "", 4)
            )?;
        }
        if shown < report.excluded.len() {
            writeln!(
                w,
                "  {DIM}… {} more (--explain){DIM:#}",
                report.excluded.len() - shown + report.more_excluded
            )?;
        } else if report.more_excluded > 0 {
            let cap = skillgap::report::EXCLUDED_CAP;
            width.writeln(
                w,
                &format!(
                    "  {DIM}… and {} more {} (at most {cap} are listed per skill){DIM:#}",
                    report.more_excluded,
                    if report.more_excluded == 1 {
                        "line"
                    } else {
                        "lines"
                    }
                ),
                4,
            )?;
        }
    }
    if let Some(t) = report.settings.fuzzy_threshold {
        writeln!(w)?;
        width.writeln(
            w,
            &format!(
                "{DIM}fuzzy threshold {t}{}{DIM:#}",
                report
                    .settings
                    .as_of
                    .map(|m| format!(" · as of {m}"))
                    .unwrap_or_default()
            ),
            2,
        )?;
    }
    Ok(())
}

fn write_gap(w: &mut dyn Write, n: usize, g: &Gap, width: Width) -> io::Result<()> {
    let kind = match g.kind {
        GapKind::Competency => "competency",
        GapKind::Skill => "skill",
        GapKind::Responsibility => "responsibility",
        GapKind::Years => "experience",
    };
    let need = if g.kind == GapKind::Years {
        "not enough yet"
    } else {
        need_label(g.current, g.expect)
    };
    // "  10. " is one column wider than "  9. ".
    let number = format!("  {n}. ");
    width.writeln(
        w,
        &format!(
            "  {BOLD}{n}. {}{BOLD:#} {DIM}({kind}){DIM:#} — {YELLOW}{need}{YELLOW:#} {DIM}· +{:.1} pts{DIM:#}",
            g.name, g.gain
        ),
        number.len(),
    )?;
    // Each field continues under its own text: "     why: " -> 10 columns.
    let field = |w: &mut dyn Write, label: &str, text: &str| width.field(w, label, text);
    if !g.why.is_empty() {
        field(w, "why:", &g.why)?;
    }
    if !g.options.is_empty() {
        field(w, "any of:", &g.options.join(", "))?;
    }
    field(w, "counts:", &g.evidence)?;
    if let Some(s) = &g.suggestion {
        field(w, "do:", &suggestion_line(s))?;
    }
    Ok(())
}
