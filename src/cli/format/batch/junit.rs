//! `--format junit`: JUnit XML, one testcase per file, so that CI systems show
//! the batch like a test run. A file under `--fail-under` is a `<failure>`, an
//! unreadable one an `<error>`; the readiness summary is in `<system-out>`.
//! With `--jd`, `--fail-under` applies to the match: a file whose match is
//! under it is the `<failure>`, and `<system-out>` starts with the match.
//!
//! The counts go on the opening `<testsuite>` tag, so the testcases (compact)
//! are kept until the end. No timings: the file is the same bytes for the same
//! inputs.

use super::{missing_text, pct, threshold_text, years_of, Document, Run, Totals};
use crate::cli::batch::record::{FileResult, Measure, Outcome, Scored};
use std::borrow::Cow;
use std::io::{self, Write};

pub struct Junit;

/// Escapes text for XML content and attribute values alike: markup characters
/// become entities (`quick_xml::escape::escape`), tab, line feed and carriage
/// return become character references (so attribute values keep them), and
/// the characters XML 1.0 cannot hold at all (other C0 controls, U+FFFE,
/// U+FFFF) become U+FFFD.
pub fn escape(s: &str) -> Cow<'_, str> {
    let escaped = quick_xml::escape::escape(s);
    let control = |c: char| (c as u32) < 0x20 || matches!(c, '\u{FFFE}' | '\u{FFFF}');
    if !escaped.contains(control) {
        return escaped;
    }
    let mut out = String::with_capacity(escaped.len() + 16);
    for c in escaped.chars() {
        match c {
            '\t' | '\n' | '\r' => out.push_str(&format!("&#{};", c as u32)),
            c if control(c) => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// One line on the file's readiness, for `<system-out>` and failure bodies.
fn summary(run: &Run, s: &Scored) -> String {
    let readiness: Vec<String> = run
        .levels
        .iter()
        .zip(&s.readiness)
        .map(|(l, &r)| format!("{l} {}%", pct(r)))
        .collect();
    let mut text = String::new();
    if let Some(m) = &s.job_match {
        text.push_str(&format!(
            "match: {}%, required {}/{} met, preferred {}/{} met",
            pct(m.percent),
            m.required_met,
            m.required_total,
            m.preferred_met,
            m.preferred_total
        ));
        if let (Some(years), Some(met)) = (years_of(s.years, m), m.years_met) {
            let mark = if met { "met" } else { "not met" };
            text.push_str(&format!(", years {years} {mark}"));
        }
        if !m.missing_required.is_empty() {
            let missing: Vec<String> = m.missing_required.iter().map(missing_text).collect();
            text.push_str(&format!("; missing required: {}", missing.join(", ")));
        }
        text.push_str("; ");
    }
    text.push_str(&format!(
        "estimated level: {}; readiness: {}; {:.1} years",
        s.estimated_level.as_deref().unwrap_or("none"),
        readiness.join(", "),
        s.years
    ));
    if let (Some(target), false) = (&s.target_level, s.gaps.is_empty()) {
        let gaps: Vec<String> = s
            .gaps
            .iter()
            .map(|g| format!("{} (+{:.1})", g.name, g.gain))
            .collect();
        text.push_str(&format!("; top gaps to {target}: {}", gaps.join(", ")));
    }
    text
}

impl Document for Junit {
    fn write(
        &self,
        w: &mut dyn Write,
        run: &Run,
        cases: &[FileResult],
        t: &Totals,
    ) -> io::Result<()> {
        let mut name = format!("skillgap {}", run.taxonomy_id);
        if let Some(job) = &run.job {
            name.push_str(&format!(" vs {}", job.path));
        }
        if let Some(th) = &run.threshold {
            name.push_str(&format!(" (at least {})", threshold_text(th)));
        }
        let counts = format!(
            "tests=\"{}\" failures=\"{}\" errors=\"{}\" skipped=\"0\"",
            t.files, t.failed, t.unreadable
        );
        writeln!(w, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
        writeln!(w, r#"<testsuites name="skillgap" {counts}>"#)?;
        writeln!(w, r#"  <testsuite name="{}" {counts}>"#, escape(&name))?;
        for file in cases {
            let open = format!(
                r#"    <testcase classname="skillgap" name="{}""#,
                escape(&file.path)
            );
            match &file.outcome {
                Outcome::Unreadable(error) => {
                    writeln!(w, "{open}>")?;
                    writeln!(
                        w,
                        r#"      <error type="unreadable" message="{}"/>"#,
                        escape(error)
                    )?;
                }
                Outcome::Scored(s) => {
                    writeln!(w, "{open}>")?;
                    if let (Some(false), Some(th)) = (s.passed, &run.threshold) {
                        let message = match &th.on {
                            Measure::Readiness(level) => {
                                let r = run
                                    .levels
                                    .iter()
                                    .position(|l| l == level)
                                    .and_then(|i| s.readiness.get(i))
                                    .copied()
                                    .unwrap_or(0.0);
                                format!("readiness for {level} is {}%", pct(r))
                            }
                            Measure::Match => {
                                let m = s.job_match.as_ref().map_or(0.0, |m| m.percent);
                                let job = run.job.as_ref().map_or("the job", |j| j.path.as_str());
                                format!("match with {job} is {}%", pct(m))
                            }
                        };
                        writeln!(
                            w,
                            r#"      <failure type="under-threshold" message="{}, under {}%"/>"#,
                            escape(&message),
                            super::trim_float(th.pct)
                        )?;
                    }
                    writeln!(
                        w,
                        "      <system-out>{}</system-out>",
                        escape(&summary(run, s))
                    )?;
                }
            }
            writeln!(w, "    </testcase>")?;
        }
        writeln!(w, "  </testsuite>")?;
        writeln!(w, "</testsuites>")
    }
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn markup_characters_are_escaped() {
        assert_eq!(
            escape(r#"<a href="x">Tom & Jerry's</a>"#),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&lt;/a&gt;"
        );
    }

    #[test]
    fn plain_text_is_borrowed() {
        assert!(matches!(
            escape("cvs/ana-lópez.pdf"),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    #[test]
    fn characters_xml_cannot_hold_become_replacement_characters() {
        assert_eq!(escape("bell\u{7}.txt"), "bell\u{FFFD}.txt");
        assert_eq!(escape("nul\0"), "nul\u{FFFD}");
        assert_eq!(escape("\u{FFFF}"), "\u{FFFD}");
        assert_eq!(escape("esc\u{1b}[31m"), "esc\u{FFFD}[31m");
    }

    #[test]
    fn whitespace_survives_attribute_normalisation() {
        assert_eq!(escape("a\tb\nc\rd"), "a&#9;b&#10;c&#13;d");
    }

    #[test]
    fn already_escaped_text_is_escaped_again() {
        assert_eq!(escape("&amp;"), "&amp;amp;");
    }
}
