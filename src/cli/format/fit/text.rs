//! `skillgap fit` (text): a ranked table with a bar per role.

use super::{gaps, level};
use crate::cli::format::style::{bar, match_style};
use skillgap::fit::Fit;
use std::io::Write;

pub(crate) fn write(w: &mut dyn Write, f: &Fit, source: &str) -> std::io::Result<()> {
    writeln!(w, "{source}: role fit (best first)")?;
    writeln!(w)?;
    let name_width = f.roles.iter().map(|r| r.name.len()).max().unwrap_or(4);
    for (i, r) in f.roles.iter().enumerate() {
        let style = match_style(r.fit);
        writeln!(
            w,
            "{:>2}. {:<name_width$}  {style}{} {:>5.1}{style:#}  level: {}",
            i + 1,
            r.name,
            bar(r.fit, 20),
            r.fit,
            level(r),
        )?;
        let g = gaps(r);
        if !g.is_empty() {
            writeln!(w, "    {:<name_width$}  gaps: {g}", "")?;
        }
    }
    if let Some(d) = &f.distance {
        writeln!(w)?;
        writeln!(w, "{}", super::distance(f, d))?;
    }
    Ok(())
}
