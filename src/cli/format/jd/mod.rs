//! The formats of `skillgap score --jd`: one module per format, and what
//! they all say the same way (years asked, a requirement's label and how it
//! was met).

pub(crate) mod html;
pub(crate) mod json;
pub(crate) mod markdown;
pub(crate) mod text;

use skillgap::jd::{JobMatch, RequirementMatch};
use skillgap::Taxonomy;

/// "5+", "3–5", "0–2".
pub(crate) fn years_asked(m: &JobMatch) -> Option<String> {
    let y = m.years.asked.as_ref()?;
    Some(match y.max {
        Some(max) => format!("{}–{}", y.min, max),
        None => format!("{}+", y.min),
    })
}

/// The requirement's name, with the skill that implied it.
pub(crate) fn label(r: &RequirementMatch, t: &Taxonomy) -> String {
    match &r.implied_by {
        Some(i) => format!(
            "{} (via {})",
            r.name,
            t.skill(i).map_or(i.as_str(), |s| s.name.as_str())
        ),
        None => r.name.clone(),
    }
}

/// How a requirement was met, beyond its status: "via Django", "through the
/// competency".
pub(crate) fn via(r: &RequirementMatch, t: &Taxonomy) -> String {
    let name = |id: &str| t.skill(id).map_or(id.to_string(), |s| s.name.clone());
    match (&r.via, r.through_competency) {
        (Some(v), true) => format!(" via {}, through the competency", name(v)),
        (Some(v), false) => format!(" via {}", name(v)),
        _ => String::new(),
    }
}

/// How the match percentage is computed, with this match's numbers:
/// "100 × (0.70 × required 0.85 + 0.15 × preferred 0.50 + 0.15 × years 1.00)".
pub(crate) fn formula(m: &JobMatch) -> String {
    let c = &m.components;
    let y = c.years.as_ref();
    format!(
        "100 × ({:.2} × required {:.2} + {:.2} × preferred {:.2} + {:.2} × years {:.2})",
        c.required.share,
        c.required.credit,
        c.preferred.share,
        c.preferred.credit,
        y.map_or(0.0, |y| y.share),
        y.map_or(0.0, |y| y.credit)
    )
}
