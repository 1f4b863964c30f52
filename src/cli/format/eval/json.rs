//! `skillgap eval --format json`: the whole evaluation.

use skillgap::eval::Evaluation;
use std::io::Write;

pub(crate) fn write(w: &mut dyn Write, e: &Evaluation) -> std::io::Result<()> {
    writeln!(
        w,
        "{}",
        serde_json::to_string_pretty(e).expect("serialises")
    )
}
