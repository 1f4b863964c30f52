//! `skillgap score --format json`: the report's versioned schema, one line.

use skillgap::report::Report;
use std::io::{self, Write};

pub(crate) fn write(w: &mut dyn Write, report: &Report) -> io::Result<()> {
    writeln!(w, "{}", report.to_json())
}
