//! The formats of `skillgap fit`: one module per format.

pub(crate) mod html;
pub(crate) mod json;
pub(crate) mod markdown;
pub(crate) mod text;

use skillgap::fit::{Distance, Fit, RoleFit};

/// The level cell: the estimated level, or `-` when none is reached.
pub(crate) fn level(r: &RoleFit) -> &str {
    r.estimated_level.as_deref().unwrap_or("-")
}

/// The top gaps as one comma-separated list of names.
pub(crate) fn gaps(r: &RoleFit) -> String {
    r.top_gaps
        .iter()
        .map(|g| g.name.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The distance sentence: how many of the reference role's competencies the
/// best-fitting role's resume does not yet show in work, and which.
pub(crate) fn distance(f: &Fit, d: &Distance) -> String {
    let name = |id: &str| f.role(id).map_or(id.to_string(), |r| r.name.clone());
    format!(
        "From {} to {}: {} of {} competencies not yet shown in work: {}.",
        name(&d.from),
        name(&d.to),
        d.competencies,
        d.of,
        d.names()
    )
}
