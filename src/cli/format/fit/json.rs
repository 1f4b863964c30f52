//! `skillgap fit --format json`: the ranking (`schema_version` 1), one line
//! (indented with `--pretty` or on a terminal).

use skillgap::fit::Fit;
use std::io::Write;

pub(crate) fn write(w: &mut dyn Write, f: &Fit, pretty: bool) -> std::io::Result<()> {
    super::super::write_json(w, f, pretty)
}
