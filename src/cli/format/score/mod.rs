//! The formats of `skillgap score`: one module per format.

pub(crate) mod html;
pub(crate) mod json;
pub(crate) mod markdown;
pub(crate) mod text;

/// The mention of a role that fits clearly better (docs/ROLES.md), one sentence
/// for every human format: `Frontend Developer fits clearly better: fit 99.3 vs
/// 30.0 here (level there: mid); see skillgap fit`.
pub(crate) fn better_role(b: &skillgap::report::BetterRole) -> String {
    format!(
        "{} fits clearly better: fit {:.1} vs {:.1} here (level there: {}); see `skillgap fit`",
        b.name,
        b.fit,
        b.this_fit,
        b.estimated_level.as_deref().unwrap_or("none")
    )
}
