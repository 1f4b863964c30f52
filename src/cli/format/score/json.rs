//! `skillgap score --format json`: the report's versioned schema, one line.

use skillgap::plan::Plan;
use skillgap::report::Report;
use std::io::{self, Write};

pub(crate) fn write(w: &mut dyn Write, report: &Report) -> io::Result<()> {
    writeln!(w, "{}", report.to_json())
}

/// The report with a `plan` object after its fields (`score --plan`): `null`
/// when there is no level to plan for.
pub(crate) fn write_with_plan(
    w: &mut dyn Write,
    report: &Report,
    plan: Option<&Plan>,
) -> io::Result<()> {
    #[derive(serde::Serialize)]
    struct WithPlan<'a> {
        #[serde(flatten)]
        report: &'a Report,
        plan: Option<&'a Plan>,
    }
    let json = serde_json::to_string_pretty(&WithPlan { report, plan }).expect("reports serialise");
    writeln!(w, "{json}")
}
