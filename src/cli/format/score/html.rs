//! `skillgap score --format html`: the report as one self-contained page —
//! the readiness ladder and the competencies as SVG charts, the estimated
//! level and years with their sources, the ranked gaps with what to do, and
//! the resume text with every evidence line highlighted and linked from its
//! skill.
//!
//! [`render`] is a plain function of the report and the text that was scored:
//! no terminal, no I/O. `skillgap serve` calls it too.

use crate::cli::format::page::{anchor, bars, clean, page, BarRow, Bars};
use crate::cli::format::style::status_word;
use maud::{html, Markup};
use skillgap::gaps::need_label;
use skillgap::plan::Plan;
use skillgap::report::{GapKind, Report, Status};
use std::collections::BTreeMap;

/// The page for `report`, scored from `resume_text`; `source` names the input
/// (a file name or `<stdin>`). Evidence line numbers refer to lines of
/// `resume_text`.
pub(crate) fn render(report: &Report, resume_text: &str, source: &str) -> String {
    render_with_plan(report, resume_text, source, None)
}

/// [`render`], with the learning plan's section after the gaps when `plan` is
/// given (`score --plan`; its inner `None`: no level to plan for).
pub(crate) fn render_with_plan(
    report: &Report,
    resume_text: &str,
    source: &str,
    plan: Option<Option<&Plan>>,
) -> String {
    let body = html! {
        h1 { "Resume report: " (clean(source)) }
        p.about {
            (clean(&report.taxonomy.name)) " · taxonomy " (clean(&report.taxonomy.id)) " "
            (clean(&report.taxonomy.version)) " · " (report.document.lines) " lines"
        }
        @if let Some(b) = &report.better_role {
            p.card { strong { "Role: " } (clean(&super::better_role(b))) }
        }
        (summary(report))
        h2 #readiness { "Readiness ladder" }
        (ladder(report))
        h2 #competencies { "Competencies" }
        (competencies(report))
        (gaps(report))
        @if let Some(p) = plan { (crate::cli::format::plan::html::section(p)) }
        h2 #skills { "Skills and their evidence" }
        (skills(report))
        h2 #resume { "Resume text" }
        p.muted { "Highlighted lines are evidence; the tags link back to the skills." }
        (resume(report, resume_text))
    };
    page(&format!("skillgap: {source}"), body, None)
}

/// The estimated level and the years, with where they came from.
fn summary(report: &Report) -> Markup {
    let years = &report.experience;
    let how = match years.stated {
        _ if years.years == 0.0 => "no dated experience found",
        Some(s) if s >= years.from_ranges => "as stated in the resume",
        _ => "from the date ranges",
    };
    html! {
        div.cards {
            div.card {
                p.muted { "Estimated level" }
                p.big { (clean(report.estimated_level.as_deref().unwrap_or("none"))) }
                @if report.estimated_level.is_none() {
                    @if let Some(first) = report.levels.first() {
                        p.muted { (clean(&first.id)) " not reached: " (clean(&first.unmet.join("; "))) }
                    }
                }
                @if let Some(target) = &report.target_level {
                    p { "Gaps shown for " a href="#gaps" { (clean(target)) } }
                }
            }
            div.card {
                p.muted { "Experience" }
                p.big { (format!("{:.1}", years.years)) " years" }
                p { (how) "; " (format!("{:.1}", years.role_years)) " of them in "
                    (clean(&report.taxonomy.name.to_lowercase())) " work." }
            }
        }
        @if !years.ranges.is_empty() || !years.statements.is_empty() {
            details.card open {
                summary { "Where the years come from" }
                ul {
                    @for r in &years.ranges {
                        li {
                            a href=(format!("#L{}", r.line)) { "line " (r.line) } ": " (clean(&r.text))
                            " (" (r.months) " months" @if r.role { ", in the role" } ")"
                        }
                    }
                    @for s in &years.statements {
                        li { a href=(format!("#L{}", s.line)) { "line " (s.line) } ": “" (clean(&s.text)) "”" }
                    }
                }
                @if report.more_ranges + report.more_statements > 0 {
                    p.muted { "… and " (report.more_ranges + report.more_statements) " more (the first ones are listed; years count all)." }
                }
            }
        }
    }
}

/// Junior → architect, each level's readiness, reached ones marked.
fn ladder(report: &Report) -> Markup {
    let threshold = report.settings.level_threshold;
    let chart = Bars {
        label: "Readiness per level",
        rows: report
            .levels
            .iter()
            .map(|l| BarRow {
                name: l.id.clone(),
                pct: l.readiness,
                class: if l.reached {
                    "ok"
                } else if l.readiness >= 50.0 {
                    "near"
                } else {
                    "low"
                },
                note: if l.reached {
                    "✓ reached".to_string()
                } else {
                    String::new()
                },
                strong: report.estimated_level.as_deref() == Some(l.id.as_str()),
            })
            .collect(),
        mark: Some((threshold, format!("{threshold:.0}% to reach"))),
    };
    html! {
        (bars(&chart))
        div.table-wrap {
            table.stack {
                thead { tr { th { "Level" } th.num { "Readiness" } th.num { "Skills" } th.num { "Years" } th.num { "Duties" } th { "Not reached because" } } }
                tbody {
                    @for l in &report.levels {
                        tr {
                            td data-label="Level" { (clean(&l.name)) @if l.reached { " ✓" } }
                            td.num data-label="Readiness" { (format!("{:.1}%", l.readiness)) }
                            td.num data-label="Skills" { (format!("{:.0}%", l.skills * 100.0)) }
                            td.num data-label="Years" { (format!("{:.0}%", l.years * 100.0)) }
                            td.num data-label="Duties" { (format!("{:.0}%", l.responsibilities * 100.0)) }
                            td.text data-label="Not reached because" { (clean(&l.unmet.join("; "))) }
                        }
                    }
                }
            }
        }
    }
}

/// Evidenced, claimed and missing competencies: a stacked bar, then the names.
fn competencies(report: &Report) -> Markup {
    let group = |want: Option<Status>| -> Vec<&skillgap::report::CompetencyFinding> {
        report
            .competencies
            .iter()
            .filter(|c| match (want, c.status) {
                (None, None) => true,
                (Some(Status::Claimed), Some(Status::Claimed | Status::Weak)) => true,
                (Some(w), Some(s)) => w == s && s == Status::Evidenced,
                _ => false,
            })
            .collect()
    };
    let groups = [
        (
            "Evidenced",
            "evidenced",
            "ok",
            group(Some(Status::Evidenced)),
        ),
        (
            "Claimed or weak",
            "claimed",
            "near",
            group(Some(Status::Claimed)),
        ),
        ("Missing", "missing", "low", group(None)),
    ];
    let total = report.competencies.len().max(1) as f64;
    let mut x = 0.0;
    let segments: Vec<(f64, f64, &str, usize)> = groups
        .iter()
        .map(|(_, _, class, list)| {
            let w = 600.0 * list.len() as f64 / total;
            let seg = (x, w, *class, list.len());
            x += w;
            seg
        })
        .collect();
    html! {
        svg.chart viewBox="0 0 600 40" role="img" aria-label="Competencies: evidenced, claimed, missing" {
            title { "Competencies: evidenced, claimed, missing" }
            @for (x, w, class, n) in &segments {
                @if *n > 0 {
                    rect x=(format!("{x:.1}")) y="4" width=(format!("{w:.1}")) height="28" class=(class) {}
                    text x=(format!("{:.1}", x + 6.0)) y="23" class="value" style="fill:#fff" { (n) }
                }
            }
        }
        @for (title, class, _, list) in &groups {
            h3 { (title) " (" (list.len()) ")" }
            @if list.is_empty() {
                p.muted { "none" }
            } @else {
                ul.chips {
                    @for c in list {
                        li class=(class) title=(clean(&c.via.join(", "))) { (clean(&c.name)) }
                    }
                }
            }
        }
    }
}

/// The ranked gaps to the target level: why, what counts, what to do and the
/// source of the advice.
fn gaps(report: &Report) -> Markup {
    html! {
        @match &report.target_level {
            Some(target) => {
                h2 #gaps { "Gaps to " (clean(target)) }
                @if report.gaps.is_empty() {
                    p { "None: every requirement is met." }
                }
                ol.gaps {
                    @for g in &report.gaps {
                        li {
                            strong { (clean(&g.name)) }
                            " " span.muted { "(" (gap_kind(g.kind)) ")" } " — "
                            span class=(if g.current.is_some() { "status near" } else { "status missing" }) {
                                @if g.kind == GapKind::Years { "not enough yet" } @else { (need_label(g.current, g.expect)) }
                            }
                            " " span.muted { (format!("+{:.1} pts", g.gain)) }
                            dl.fields {
                                @if !g.why.is_empty() { dt { "Why" } dd { (clean(&g.why)) } }
                                @if !g.options.is_empty() { dt { "Any of" } dd { (clean(&g.options.join(", "))) } }
                                dt { "What counts" } dd { (clean(&g.evidence)) }
                                @if let Some(s) = &g.suggestion {
                                    dt { "What to do" }
                                    dd {
                                        (clean(&s.text))
                                        @if !s.source.is_empty() { " " span.source { "[" (clean(&s.source)) "]" } }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            None => { h2 #gaps { "Top level reached" } p { "No higher level to aim for." } }
        }
    }
}

fn gap_kind(k: GapKind) -> &'static str {
    match k {
        GapKind::Competency => "competency",
        GapKind::Skill => "skill",
        GapKind::Responsibility => "responsibility",
        GapKind::Years => "experience",
    }
}

/// Every skill found, its status and its evidence lines, each linked to the
/// resume text.
fn skills(report: &Report) -> Markup {
    html! {
        @if report.skills.is_empty() {
            p { "No skill of this taxonomy was found." }
        } @else {
            div.table-wrap {
                table.stack {
                    thead { tr { th { "Skill" } th { "Status" } th { "Evidence" } } }
                    tbody {
                        @for s in &report.skills {
                            tr id=(anchor("skill-", &s.id)) {
                                td data-label="Skill" { (clean(&s.name)) }
                                td data-label="Status" { span class=(format!("status {}", status_word(Some(s.status)))) { (status_word(Some(s.status))) } }
                                td.text data-label="Evidence" {
                                    @for e in &s.evidence {
                                        div {
                                            a href=(format!("#L{}", e.line)) { "line " (e.line) }
                                            " " span.muted { (clean(&e.section.to_string())) } ": " (clean(&e.text))
                                        }
                                    }
                                    @if s.more_evidence > 0 {
                                        div.muted { "… and " (s.more_evidence) " more" }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        @if !report.claimed_only.is_empty() {
            p.warn {
                strong { "Claimed but not shown in use: " } (clean(&report.claimed_only.join(", ")))
                ". Recruiters weigh hands-on evidence over lists: add an Experience or Projects bullet for these."
            }
        }
    }
}

/// The resume, one list item per line (numbered as the evidence counts
/// them), evidence lines highlighted with links to their skills.
fn resume(report: &Report, text: &str) -> Markup {
    let mut by_line: BTreeMap<usize, Vec<(&str, &str)>> = BTreeMap::new();
    for s in &report.skills {
        for e in &s.evidence {
            let tags = by_line.entry(e.line).or_default();
            if !tags.iter().any(|(id, _)| *id == s.id) {
                tags.push((&s.id, &s.name));
            }
        }
    }
    html! {
        ol.resume {
            @for (i, line) in text.lines().enumerate() {
                @let n = i + 1;
                @let tags = by_line.get(&n);
                li id=(format!("L{n}")) class=[tags.map(|_| "hit")] {
                    (clean(line))
                    @if let Some(tags) = tags {
                        span.tags {
                            @for (id, name) in tags {
                                a href=(format!("#{}", anchor("skill-", id))) { (clean(name)) }
                            }
                        }
                    }
                }
            }
        }
    }
}
