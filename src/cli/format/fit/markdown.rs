//! `skillgap fit --format markdown`: one table, best fit first.

use super::{gaps, level};
use crate::cli::format::escape::cell;
use skillgap::fit::Fit;
use std::io::Write;

pub(crate) fn write(w: &mut dyn Write, f: &Fit, source: &str) -> std::io::Result<()> {
    writeln!(w, "## Role fit: {}", cell(source))?;
    writeln!(w)?;
    writeln!(w, "| # | Role | Fit | Level | Top gaps |")?;
    writeln!(w, "|---:|---|---:|---|---|")?;
    for (i, r) in f.roles.iter().enumerate() {
        writeln!(
            w,
            "| {} | {} | {:.1} | {} | {} |",
            i + 1,
            cell(&r.name),
            r.fit,
            cell(level(r)),
            cell(&gaps(r))
        )?;
    }
    if let Some(d) = &f.distance {
        writeln!(w)?;
        writeln!(w, "{}", cell(&super::distance(f, d)))?;
    }
    Ok(())
}
