//! `skillgap score --format json`: the report's versioned schema, one line
//! (indented with `--pretty` or on a terminal).

use skillgap::plan::Plan;
use skillgap::report::Report;
use std::io::{self, Write};

pub(crate) fn write(w: &mut dyn Write, report: &Report, pretty: bool) -> io::Result<()> {
    super::super::write_json(w, report, pretty)
}

/// The report with a `plan` object after its fields (`score --plan`): `null`
/// when there is no level to plan for.
pub(crate) fn write_with_plan(
    w: &mut dyn Write,
    report: &Report,
    plan: Option<&Plan>,
    pretty: bool,
) -> io::Result<()> {
    #[derive(serde::Serialize)]
    struct WithPlan<'a> {
        #[serde(flatten)]
        report: &'a Report,
        plan: Option<&'a Plan>,
    }
    super::super::write_json(w, &WithPlan { report, plan }, pretty)
}
