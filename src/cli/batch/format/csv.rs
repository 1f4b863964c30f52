//! `--format csv`: one row per file under a fixed header (RFC 4180 quoting,
//! `\n` line ends), streamed.
//!
//! ```text
//! path,status,format,estimated_level,target_level,years,readiness_<level>...,passed,top_gaps,error
//! ```
//! One `readiness_<level>` column per taxonomy level, lowest first (for the
//! built-in taxonomy: junior, mid, senior, lead, architect). `passed` is
//! `true`/`false` with `--fail-under`, empty otherwise; `top_gaps` holds gap
//! ids separated by `;`. Unreadable files have only `path`, `status` and `error`.
//!
//! With `--jd` (and only then) two columns follow `error`, so that every other
//! column keeps its place: `match_percent` (one decimal) and
//! `missing_required` (requirement ids separated by `;`, alternatives as
//! `postgresql|mysql`); `passed` is then about the match.

use super::{pct, Formatter, Run, Totals};
use crate::cli::batch::record::{FileResult, Outcome};
use std::borrow::Cow;
use std::io::{self, Write};

pub struct Csv;

/// Quotes a field when it holds a comma, a quote or a line break, doubling
/// quotes (RFC 4180); other fields are written as they are.
///
/// A field that a spreadsheet would run as a formula (one starting with `=`,
/// `+`, `-`, `@`, a tab or a carriage return, as a hostile file name can) gets
/// a leading `'`, as OWASP advises against CSV injection. No number skillgap
/// writes starts with one of these.
pub fn escape(field: &str) -> Cow<'_, str> {
    let field: Cow<'_, str> = if field.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{field}"))
    } else {
        Cow::Borrowed(field)
    };
    if field.contains([',', '"', '\n', '\r']) {
        Cow::Owned(format!("\"{}\"", field.replace('"', "\"\"")))
    } else {
        field
    }
}

fn row(w: &mut dyn Write, fields: &[&str]) -> io::Result<()> {
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            w.write_all(b",")?;
        }
        w.write_all(escape(f).as_bytes())?;
    }
    w.write_all(b"\n")
}

impl Formatter for Csv {
    fn begin(&mut self, w: &mut dyn Write, run: &Run) -> io::Result<()> {
        let readiness: Vec<String> = run
            .levels
            .iter()
            .map(|l| format!("readiness_{l}"))
            .collect();
        let mut header = vec![
            "path",
            "status",
            "format",
            "estimated_level",
            "target_level",
            "years",
        ];
        header.extend(readiness.iter().map(String::as_str));
        header.extend(["passed", "top_gaps", "error"]);
        if run.job.is_some() {
            header.extend(["match_percent", "missing_required"]);
        }
        row(w, &header)
    }

    fn file(&mut self, w: &mut dyn Write, run: &Run, file: FileResult) -> io::Result<()> {
        match &file.outcome {
            Outcome::Unreadable(error) => {
                let mut fields = vec![file.path.as_str(), "unreadable"];
                fields.extend(std::iter::repeat_n("", 4 + run.levels.len() + 2));
                fields.push(error);
                if run.job.is_some() {
                    fields.extend(["", ""]);
                }
                row(w, &fields)
            }
            Outcome::Scored(s) => {
                let years = format!("{:.1}", s.years);
                let readiness: Vec<String> = s.readiness.iter().map(|&r| pct(r)).collect();
                let gaps: Vec<&str> = s.gaps.iter().map(|g| g.id.as_str()).collect();
                let gaps = gaps.join(";");
                let mut fields = vec![
                    file.path.as_str(),
                    "scored",
                    s.format.as_str(),
                    s.estimated_level.as_deref().unwrap_or(""),
                    s.target_level.as_deref().unwrap_or(""),
                    &years,
                ];
                fields.extend(readiness.iter().map(String::as_str));
                fields.push(match s.passed {
                    Some(true) => "true",
                    Some(false) => "false",
                    None => "",
                });
                fields.push(&gaps);
                fields.push("");
                let (percent, missing) = match &s.job_match {
                    Some(m) => (
                        pct(m.percent),
                        m.missing_required
                            .iter()
                            .map(|r| r.id.as_str())
                            .collect::<Vec<_>>()
                            .join(";"),
                    ),
                    None => Default::default(),
                };
                if run.job.is_some() {
                    fields.extend([percent.as_str(), missing.as_str()]);
                }
                row(w, &fields)
            }
        }
    }

    fn end(&mut self, _: &mut dyn Write, _: &Run, _: &Totals) -> io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn plain_fields_are_not_quoted() {
        assert_eq!(
            escape("fixtures/batch/good/a b.txt"),
            "fixtures/batch/good/a b.txt"
        );
        assert_eq!(escape(""), "");
        assert_eq!(
            escape("kubernetes;system-design"),
            "kubernetes;system-design"
        );
    }

    #[test]
    fn commas_quotes_and_line_breaks_are_quoted() {
        assert_eq!(escape("smith, jane.pdf"), "\"smith, jane.pdf\"");
        assert_eq!(escape("the \"best\" cv.txt"), "\"the \"\"best\"\" cv.txt\"");
        assert_eq!(escape("two\nlines"), "\"two\nlines\"");
        assert_eq!(escape("cr\rhere"), "\"cr\rhere\"");
        assert_eq!(escape("\""), "\"\"\"\"");
    }

    #[test]
    fn formulas_are_not_run_by_spreadsheets() {
        assert_eq!(
            escape("=HYPERLINK(\"http://x\").pdf"),
            "\"'=HYPERLINK(\"\"http://x\"\").pdf\""
        );
        assert_eq!(escape("+1.pdf"), "'+1.pdf");
        assert_eq!(escape("-cv.txt"), "'-cv.txt");
        assert_eq!(escape("@SUM(A1).txt"), "'@SUM(A1).txt");
        assert_eq!(escape("\tcv.txt"), "'\tcv.txt");
        assert_eq!(escape("cv-2024.txt"), "cv-2024.txt");
        assert_eq!(escape("92.5"), "92.5");
    }

    #[test]
    fn unicode_passes_through() {
        assert_eq!(escape("josé-müller.pdf"), "josé-müller.pdf");
    }
}
