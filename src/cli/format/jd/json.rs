//! `skillgap score --jd JOB --format json`: the match's versioned schema, one line
//! (indented with `--pretty` or on a terminal).

use skillgap::jd::JobMatch;
use std::io::{self, Write};

pub(crate) fn write(w: &mut dyn Write, m: &JobMatch, pretty: bool) -> io::Result<()> {
    super::super::write_json(w, m, pretty)
}
