//! `skillgap score --jd JOB --format json`: the match's versioned schema, one line.

use skillgap::jd::JobMatch;
use std::io::{self, Write};

pub(crate) fn write(w: &mut dyn Write, m: &JobMatch) -> io::Result<()> {
    writeln!(w, "{}", m.to_json())
}
