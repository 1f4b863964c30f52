//! The one place that knows the YAML crate.
//!
//! Everything else works on [`TaxonomyFile`] or on format-neutral
//! `serde_json::Value`s, so swapping the YAML crate (`serde_norway`, the
//! maintained fork of the deprecated `serde_yaml` 0.9) means changing this
//! file only.

use super::schema::TaxonomyFile;
use crate::error::Problem;

/// Parses a taxonomy file into its typed form; syntax and type errors carry
/// their line and column.
pub(crate) fn parse(src: &str) -> Result<TaxonomyFile, Problem> {
    serde_norway::from_str(src).map_err(to_problem)
}

/// Parses a taxonomy file into a format-neutral tree (for merging files).
pub(crate) fn parse_value(src: &str) -> Result<serde_json::Value, Problem> {
    serde_norway::from_str(src).map_err(to_problem)
}

/// Writes a taxonomy as YAML (for `taxonomy show --all` and tests).
pub(crate) fn to_string(file: &TaxonomyFile) -> String {
    serde_norway::to_string(file).unwrap_or_else(|e| format!("# cannot serialise: {e}\n"))
}

fn to_problem(e: serde_norway::Error) -> Problem {
    let (line, column) = e
        .location()
        .map_or((None, None), |l| (Some(l.line()), Some(l.column())));
    // serde_norway appends " at line L column C"; the position is reported separately.
    let message = e.to_string();
    let message = match message.find(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message,
    };
    let hint = if let Some(field_hint) = unknown_field_hint(&message) {
        Some(field_hint)
    } else if message.contains("did not find expected") || message.contains("mapping values") {
        Some("check the indentation and quote values that contain `: ` or start with `*`, `&`, `!`, `[` or `{`".to_string())
    } else {
        None
    };
    Problem {
        line,
        column,
        message,
        hint,
    }
}

/// For serde's "unknown field `alias`, expected one of `id`, `aliases`, ...",
/// the closest expected field.
fn unknown_field_hint(message: &str) -> Option<String> {
    let rest = message.split("unknown field `").nth(1)?;
    let (given, expected) = rest.split_once('`')?;
    let candidates: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
    Some(match crate::error::did_you_mean(given, candidates) {
        Some(s) => format!("did you mean `{s}`?"),
        None => "see taxonomy/README.md for the fields each entry takes".to_string(),
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn unknown_fields_suggest_the_closest() {
        let p = super::parse("id: x\nskills:\n  - id: go\n    alias: [Golang]\n").unwrap_err();
        assert_eq!((p.line, p.column), (Some(4), Some(5)));
        assert_eq!(p.hint.as_deref(), Some("did you mean `aliases`?"));
    }
}
