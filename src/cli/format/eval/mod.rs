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
