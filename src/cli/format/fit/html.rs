//! `skillgap fit --format html`: the ranking as one self-contained page — a bar
//! per role (its fit), then a table with each role's level and top gaps.
//!
//! [`render`] is a plain function of the ranking: no terminal, no I/O.
//! `skillgap serve` adds [`section`] to its answer page.

use super::level;
use crate::cli::format::page::{bars, clean, page, BarRow, Bars};
use maud::{html, Markup};
use skillgap::fit::Fit;
use skillgap::plan::Plan;

/// The page for `f`; `source` names the input (a file name or `<stdin>`).
/// With `plan` (`fit --plan`; its inner `None`: no level to plan for), the
/// learning plan's section follows the ranking, as in the text and Markdown
/// formats.
pub(crate) fn render(f: &Fit, source: &str, plan: Option<Option<&Plan>>) -> String {
    let body = html! {
        h1 { "Role fit: " (clean(source)) }
        (section(f))
        @if let Some(p) = plan { (crate::cli::format::plan::html::section(p)) }
    };
    page(&format!("skillgap fit: {source}"), body, None)
}

/// The ranking: a chart of the fits and a table of levels and gaps, under an
/// `h2` (for a page of its own, or the end of another report).
pub(crate) fn section(f: &Fit) -> Markup {
    let chart = Bars {
        label: "Fit per role (0-100), best first",
        rows: f
            .roles
            .iter()
            .enumerate()
            .map(|(i, r)| BarRow {
                name: short(&r.id).to_string(),
                pct: r.fit,
                class: class(r.fit),
                note: String::new(),
                strong: i == 0,
            })
            .collect(),
        mark: None,
    };
    html! {
        h2 #roles { "Role fit" }
        p.muted {
            "How well the resume fits each role (0-100): the share of the role's competencies it shows, "
            "the share of its skills the role explains, and how much of it is used at work "
            "(docs/ROLES.md). The level is the one the person would be hired at in that role."
        }
        (bars(&chart))
        div.table-wrap {
            table.stack {
                thead { tr { th { "#" } th { "Role" } th { "Fit" } th { "Level" } th { "Top gaps to the next level" } } }
                tbody {
                    @for (i, r) in f.roles.iter().enumerate() {
                        tr {
                            td.num data-label="Rank" { (i + 1) }
                            td data-label="Role" {
                                @if i == 0 { strong { (clean(&r.name)) } } @else { (clean(&r.name)) }
                            }
                            td.num data-label="Fit" { (format!("{:.1}", r.fit)) }
                            td data-label="Level" { (clean(level(r))) }
                            td data-label="Top gaps" {
                                @if r.top_gaps.is_empty() { "–" }
                                @for (j, g) in r.top_gaps.iter().enumerate() {
                                    @if j > 0 { "; " }
                                    (clean(&g.name))
                                }
                            }
                        }
                    }
                }
            }
        }
        @if let Some(d) = &f.distance {
            p #distance { (clean(&super::distance(f, d))) }
        }
    }
}

/// A chart label short enough for the chart's label column: the id without
/// its last word (`full-stack-developer` -> `full-stack`); the table names it in full.
fn short(id: &str) -> &str {
    id.rsplit_once('-').map_or(id, |(head, _)| head)
}

/// A fit's bar colour, with the thresholds of the text output's colours.
fn class(fit: f64) -> &'static str {
    if fit >= 75.0 {
        "ok"
    } else if fit >= 50.0 {
        "near"
    } else {
        "low"
    }
}
