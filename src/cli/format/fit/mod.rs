//! The formats of `skillgap fit`: one module per format.

pub(crate) mod html;
pub(crate) mod json;
pub(crate) mod markdown;
pub(crate) mod text;

use skillgap::fit::RoleFit;

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
