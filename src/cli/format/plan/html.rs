//! The learning plan as an HTML section of the `score --format html --plan` page.

use super::{effort_note, kind_word, months, months_label, summary};
use crate::cli::format::page::clean;
use maud::{html, Markup};
use skillgap::gaps::need_label;
use skillgap::plan::Plan;

/// The plan's section: a summary line, the steps in order with what to do and
/// what to add, and what learning cannot change.
pub(crate) fn section(plan: Option<&Plan>) -> Markup {
    html! {
        @match plan {
            None => {
                h2 #plan { "Learning plan" }
                p { "The highest level is reached; nothing to plan." }
            }
            Some(p) => {
                h2 #plan { "Learning plan to " (clean(&p.level_name)) }
                p { (clean(&summary(p))) " " span.muted { "· " (clean(&p.role)) } }
                @if p.steps.is_empty() && p.gate_met {
                    p { "Every condition learning can change is met already." }
                }
                ol.gaps {
                    @for s in &p.steps {
                        li {
                            strong { (months_label(s)) ": " (clean(&s.name)) }
                            " " span.muted { "(" (kind_word(s.kind)) ")" } " — "
                            span class=(if s.current.is_some() { "status near" } else { "status missing" }) {
                                (need_label(s.current, s.expect))
                            }
                            " " span.muted {
                                (format!("+{:.1} pts in {} ({:.2}/month) → {:.1}",
                                    s.points, months(s.effort_months), s.points_per_month, s.readiness_after))
                            }
                            dl.fields {
                                @if let Some(a) = &s.action {
                                    dt { "What to do" }
                                    dd {
                                        (clean(&a.text))
                                        @if !a.source.is_empty() { " " span.source { "[" (clean(&a.source)) "]" } }
                                    }
                                }
                                dt { "Add to the resume" } dd { (clean(&s.evidence)) }
                                dt { "Effort" } dd { (clean(&effort_note(s))) }
                            }
                        }
                    }
                }
                @if let Some(t) = &p.time_in_role {
                    p {
                        strong { "Time in the role: " }
                        (format!("{} more months (the resume shows {:.1} years in the role, the level needs {:.1}), +{:.1} pts",
                            t.months, t.years, t.needed, t.points))
                    }
                }
                @if !p.remaining.is_empty() {
                    p { strong { "Still unmet after the plan: " } (clean(&p.remaining.join("; "))) }
                }
                @if !p.certifications.is_empty() {
                    p {
                        strong { "Certifications of the level" } " (no readiness points): "
                        @for (i, c) in p.certifications.iter().enumerate() {
                            @if i > 0 { ", " }
                            (clean(&c.name))
                            @if let Some(m) = c.effort_months { " (" (months(m)) ")" }
                        }
                    }
                }
                @if !p.unplanned.is_empty() {
                    p.muted { "Gaps without an effort in the taxonomy: " (clean(&p.unplanned.join(", "))) }
                }
            }
        }
    }
}
