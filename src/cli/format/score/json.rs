//! `skillgap score --format json`: the report's versioned schema, one line
//! (indented with `--pretty` or on a terminal).

use skillgap::report::Report;
use std::io::{self, Write};

pub(crate) fn write(w: &mut dyn Write, report: &Report, pretty: bool) -> io::Result<()> {
    super::super::write_json(w, report, pretty)
}
