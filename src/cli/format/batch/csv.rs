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

#[derive(Default)]
pub struct Csv {
    /// The row being written: the `csv` writer fills it, then it goes to the
    /// output in one write (a `csv::Writer` over the output itself would
    /// flush it after every row, and turn its I/O errors, a broken pipe
    /// among them, into `Other`).
    line: Vec<u8>,
}

/// A field that a spreadsheet would run as a formula (one starting with `=`,
/// `+`, `-`, `@`, a tab or a carriage return, as a hostile file name can) gets
/// a leading `'`, as OWASP advises against CSV injection. No number skillgap
/// writes starts with one of these.
fn defuse(field: &str) -> Cow<'_, str> {
    if field.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{field}"))
    } else {
        Cow::Borrowed(field)
    }
}

impl Csv {
    /// Writes one row: fields defused, then quoted by the `csv` crate when they
    /// hold a comma, a quote or a line break (`\n` or `\r`), quotes doubled
    /// (RFC 4180); other fields are written as they are. Rows end in `\n`.
    fn row(&mut self, w: &mut dyn Write, fields: &[&str]) -> io::Result<()> {
        self.line.clear();
        let mut csv = ::csv::WriterBuilder::new()
            .quote_style(::csv::QuoteStyle::Necessary)
            .terminator(::csv::Terminator::Any(b'\n'))
            .from_writer(&mut self.line);
        for f in fields {
            csv.write_field(defuse(f).as_bytes())?;
        }
        csv.write_record(None::<&[u8]>)?;
        csv.flush()?;
        drop(csv);
        w.write_all(&self.line)
    }
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
        self.row(w, &header)
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
                self.row(w, &fields)
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
                self.row(w, &fields)
            }
        }
    }

    fn end(&mut self, _: &mut dyn Write, _: &Run, _: &Totals) -> io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::Csv;

    /// How `field` is written as the first of two fields of a row.
    fn escape(field: &str) -> String {
        let mut out = Vec::new();
        Csv::default().row(&mut out, &[field, "x"]).unwrap();
        let row = String::from_utf8(out).unwrap();
        row.strip_suffix(",x\n").unwrap().to_owned()
    }

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
    fn a_closed_output_is_reported_as_a_broken_pipe() {
        struct Closed;
        impl std::io::Write for Closed {
            fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
                Err(std::io::ErrorKind::BrokenPipe.into())
            }
            fn flush(&mut self) -> std::io::Result<()> {
                Ok(())
            }
        }
        let err = Csv::default().row(&mut Closed, &["a", "b"]).unwrap_err();
        assert_eq!(err.kind(), std::io::ErrorKind::BrokenPipe);
    }

    #[test]
    fn unicode_passes_through() {
        assert_eq!(escape("josé-müller.pdf"), "josé-müller.pdf");
    }
}
