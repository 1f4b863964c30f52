//! The formats of `skillgap eval`: one module per format.

pub(crate) mod json;
pub(crate) mod markdown;
pub(crate) mod text;

use skillgap::eval::{Counts, Evaluation};

/// `n` of `d` as a percentage (100 when `d` is 0).
pub(crate) fn pct(n: usize, d: usize) -> f64 {
    if d == 0 {
        100.0
    } else {
        100.0 * n as f64 / d as f64
    }
}

/// The skills that occur in the labels or the results (any of tp, fp, fn), in order.
pub(crate) fn counted(e: &Evaluation) -> impl Iterator<Item = (&String, &Counts)> {
    e.per_skill.iter().filter(|(_, c)| c.tp + c.fp + c.fn_ > 0)
}

/// The role-fit rows: `(group, resumes, top2, first)` per group, in name order.
pub(crate) fn role_rows(r: &skillgap::eval::RoleAgreement) -> Vec<(&str, usize, usize, usize)> {
    r.groups
        .iter()
        .map(|(g, a)| (g.as_str(), a.resumes, a.top2, a.first))
        .collect()
}

/// The highest fits of the non-software resumes, as `34.6, 38.0`.
pub(crate) fn highest(r: &skillgap::eval::RoleAgreement) -> String {
    r.non_software
        .highest
        .iter()
        .map(|f| format!("{f:.1}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A miss's three best roles, as `devops-engineer 62.9, ...`.
pub(crate) fn ranked(m: &skillgap::eval::RoleMiss) -> String {
    m.ranked
        .iter()
        .map(|(id, f)| format!("{id} {f:.1}"))
        .collect::<Vec<_>>()
        .join(", ")
}
