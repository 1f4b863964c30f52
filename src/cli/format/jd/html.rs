//! `skillgap score RESUME --jd JOB --format html`: the match as one
//! self-contained page — the match percentage and its parts, the missing
//! required skills first, then the preferred ones, what matched (the resume
//! line that shows it and the job line that asked), years and level.
//!
//! [`render`] is a plain function of the match: no terminal, no I/O.
//! `skillgap serve` calls it too.

use super::{formula, label, via, years_asked};
use crate::cli::format::page::{bars, clean, page, BarRow, Bars};
use crate::cli::format::style::status_word;
use maud::{html, Markup};
use skillgap::jd::{JobMatch, RequirementMatch};
use skillgap::Taxonomy;

/// The page for the match `m` of the resume `resume` against the job `job`
/// (both as the user named them: file names or `<stdin>`).
pub(crate) fn render(m: &JobMatch, t: &Taxonomy, resume: &str, job: &str) -> String {
    let c = &m.components;
    let class = if m.percent >= 75.0 {
        "ok"
    } else if m.percent >= 50.0 {
        "near"
    } else {
        "bad"
    };
    let mut rows = vec![BarRow {
        name: "match".to_string(),
        pct: m.percent,
        class,
        note: String::new(),
        strong: true,
    }];
    for (name, part) in [("required", &c.required), ("preferred", &c.preferred)] {
        if part.total > 0 {
            rows.push(BarRow {
                name: name.to_string(),
                pct: part.credit * 100.0,
                class: "low",
                note: format!("{}/{} met", part.met, part.total),
                strong: false,
            });
        }
    }
    let body = html! {
        h1 { (clean(resume)) " vs " (clean(job)) }
        p.about {
            @if let Some(title) = &m.title { (clean(title)) " · " }
            @if let Some(l) = &m.level { "aims at " (clean(&l.asked.id)) " · " }
            @if let Some(y) = years_asked(m) { (y) " years · " }
            "taxonomy " (clean(&m.taxonomy.id)) " " (clean(&m.taxonomy.version))
        }
        div.cards {
            div.card {
                p.muted { "Job match" }
                p.big { (format!("{:.1}%", m.percent)) }
                p { "required " (c.required.met) "/" (c.required.total) " met"
                    @if c.preferred.total > 0 { " · preferred " (c.preferred.met) "/" (c.preferred.total) } }
            }
            div.card {
                p.muted { "Missing required" }
                p.big { (m.missing_required.len()) }
                p { a href="#missing-required" { "see below" } }
            }
        }
        (bars(&Bars { label: "Match and its parts", rows, mark: None }))
        p.muted { "Match = " (formula(m)) }
        @for w in &m.warnings { p.warn { "⚠ " (clean(&w.to_string())) } }
        @if c.required.total + c.preferred.total == 0 {
            p.warn { "The job description names no skill this taxonomy knows." }
        }
        h2 #missing-required { "Missing required" }
        (missing(&m.missing_required, t))
        @if !m.missing_preferred.is_empty() {
            h2 #missing-preferred { "Missing preferred" }
            (missing(&m.missing_preferred, t))
        }
        (matched(m, t))
        h2 #years { "Years and level" }
        (years_and_level(m))
        @if !m.mentioned.is_empty() {
            h2 { "Also in the job's duties (not scored)" }
            ul.chips {
                @for r in &m.mentioned {
                    li class=(status_word(r.status).replace(' ', "-")) { (clean(&label(r, t))) " · " (status_word(r.status)) }
                }
            }
        }
        @if !m.unrecognised.is_empty() {
            h2 { "Not recognised" }
            p.muted { "Technologies this taxonomy does not know; they count neither way." }
            ul.chips {
                @for u in &m.unrecognised { li { (clean(&u.term)) " (job line " (u.line) ")" } }
            }
        }
    };
    page(&format!("skillgap: {resume} vs {job}"), body, None)
}

/// Requirements not met: the skill, what the resume has, the job line.
fn missing(list: &[RequirementMatch], t: &Taxonomy) -> Markup {
    html! {
        @if list.is_empty() {
            p { span.status.ok { "none" } " Every one is met." }
        } @else {
            div.table-wrap {
                table.stack {
                    thead { tr { th { "Skill" } th { "In the resume" } th { "The job asks" } } }
                    tbody {
                        @for r in list {
                            tr {
                                td data-label="Skill" { strong { (clean(&label(r, t))) } }
                                td data-label="In the resume" {
                                    @match (r.status, r.negated_line) {
                                        (Some(s), _) => {
                                            span.status.near { "only " (status_word(Some(s))) }
                                            @if let Some(e) = &r.evidence { " line " (e.line) ": " (clean(&e.text)) }
                                        }
                                        (None, Some(l)) => { span.status.bad { "negated" } " line " (l) }
                                        (None, None) => { span.status.missing { "not found" } }
                                    }
                                }
                                td.text data-label="The job asks" { span.muted { "line " (r.asked.line) ": " } (clean(&r.asked.text)) }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// What matched, with the resume evidence and the job line that asked.
fn matched(m: &JobMatch, t: &Taxonomy) -> Markup {
    html! {
        @if !m.matched.is_empty() {
            h2 #matched { "Matched" }
            div.table-wrap {
                table.stack {
                    thead { tr { th { "Skill" } th { "Status" } th { "Resume" } th { "Job" } } }
                    tbody {
                        @for r in &m.matched {
                            tr {
                                td data-label="Skill" { (clean(&label(r, t))) span.muted { " " (r.priority) (clean(&via(r, t))) } }
                                td data-label="Status" { span class=(format!("status {}", status_word(r.status))) { (status_word(r.status)) } }
                                td.text data-label="Resume" {
                                    @if let Some(e) = &r.evidence { span.muted { "line " (e.line) ": " } (clean(&e.text)) }
                                }
                                td.text data-label="Job" { span.muted { "line " (r.asked.line) ": " } (clean(&r.asked.text)) }
                            }
                        }
                    }
                }
            }
        }
    }
}

fn years_and_level(m: &JobMatch) -> Markup {
    html! {
        dl.fields {
            dt { "Years" }
            dd {
                @match (&m.years.asked, m.years.met) {
                    (Some(y), Some(met)) => {
                        "asked " (years_asked(m).unwrap_or_default()) " (job line " (y.line) ": “" (clean(&y.text)) "”), found "
                        (format!("{:.1}", m.years.found)) " "
                        @if met { span.status.ok { "✓ met" } } @else { span.status.bad { "✗ not met" } }
                    }
                    _ => { "not stated in the job; found " (format!("{:.1}", m.years.found)) }
                }
            }
            dt { "Level" }
            dd {
                @match &m.level {
                    Some(l) => {
                        (clean(&l.asked.id)) ": readiness " (format!("{:.1}%", l.readiness)) " "
                        @if l.reached { span.status.ok { "✓ reached" } } @else { span.status.near { "not reached" } }
                        span.muted { " (from “" (clean(&l.asked.text)) "”; estimated level "
                            (clean(l.estimated.as_deref().unwrap_or("none"))) ")" }
                    }
                    None => { "not stated in the job" }
                }
            }
        }
    }
}
