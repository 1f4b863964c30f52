//! The learning plan (`score --plan`, `fit --plan`): one module per format. The
//! JSON form is the [`skillgap::plan::Plan`] itself, inside the command's JSON.

pub(crate) mod html;
pub(crate) mod markdown;
pub(crate) mod text;

use skillgap::plan::{Plan, Step, StepKind};

/// The months a step spans, 1-based: "Month 1", "Months 2–3".
pub(crate) fn months_label(s: &Step) -> String {
    let first = s.month_start.floor() as u32 + 1;
    let last = (s.month_end.ceil() as u32).max(first);
    if first == last {
        format!("Month {first}")
    } else {
        format!("Months {first}\u{2013}{last}")
    }
}

/// The kind word of a step.
pub(crate) fn kind_word(k: StepKind) -> &'static str {
    match k {
        StepKind::Competency => "competency",
        StepKind::Skill => "skill",
        StepKind::Responsibility => "responsibility",
        StepKind::Certification => "certification",
    }
}

/// "1.5 months", "1 month".
pub(crate) fn months(m: f64) -> String {
    if (m - 1.0).abs() < 1e-9 {
        "1 month".into()
    } else {
        format!("{m} months")
    }
}

/// The one-line summary: today, projected, the gate, the length.
pub(crate) fn summary(p: &Plan) -> String {
    let outcome = if p.gate_met {
        "gate met"
    } else {
        "gate not met by learning alone"
    };
    format!(
        "readiness {:.1} today \u{2192} {:.1} projected (gate {}) in {} \u{b7} {outcome}",
        p.readiness,
        p.projected,
        p.gate,
        months(p.months)
    )
}

/// The effort's provenance: "Roadmap month 2, Databases and SQL [seed-003]".
pub(crate) fn effort_note(s: &Step) -> String {
    if s.effort_basis.is_empty() {
        format!("[{}]", s.effort_source)
    } else {
        format!("{} [{}]", s.effort_basis, s.effort_source)
    }
}
