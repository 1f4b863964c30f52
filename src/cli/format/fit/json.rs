//! `skillgap fit --format json`: the ranking (`schema_version` 1).

use skillgap::fit::Fit;
use std::io::Write;

pub(crate) fn write(w: &mut dyn Write, f: &Fit) -> std::io::Result<()> {
    writeln!(
        w,
        "{}",
        serde_json::to_string_pretty(f).expect("serialises")
    )
}
