//! `skillgap score RESUME --jd JOB`: the job-description match, in text,
//! JSON or Markdown. What a user needs first comes first: the match, the
//! required skills that are missing, then the preferred ones, then the
//! evidence for what matched, years, level and the terms not recognised.

use super::args::{ScoreArgs, ScoreFormat};
use super::format::jd;
use super::{input, with_output, Exit, Failure};
use skillgap::extract::Extracted;
use skillgap::jd::{JobDescription, JobMatch};
use skillgap::Scorer;
use std::path::Path;

/// The job description read and matched against the scored resume (inside the `--timeout`
/// deadline, see `score::run`).
pub struct Read {
    pub doc: Extracted,
    pub job: JobDescription,
    pub m: JobMatch,
}

/// Writes the match of the resume with the job read in `read`, and applies
/// `--fail-under` to the match percentage.
pub fn run(
    args: &ScoreArgs,
    scorer: &Scorer,
    source: &str,
    jd: &Path,
    read: Read,
) -> Result<Exit, Failure> {
    let Read { doc, job, m } = read;
    let jd_name = input::display_name(jd);
    if args.explain {
        for w in &doc.warnings {
            eprintln!("skillgap: {jd_name}: {w}");
        }
    }
    let width = args.width.resolve();
    with_output(args.color, args.output.as_deref(), |w| match args.format {
        ScoreFormat::Text => {
            let page = jd::text::Page {
                resume: source,
                job: &jd_name,
                explain: args.explain,
                width,
            };
            jd::text::write(w, &m, scorer.taxonomy(), &page)?;
            if args.explain {
                jd::text::write_ignored(w, &job, width)?;
            }
            Ok(())
        }
        ScoreFormat::Json => jd::json::write(w, &m, args.pretty.resolve(args.output.as_deref())),
        ScoreFormat::Markdown => {
            jd::markdown::write(w, &m, scorer.taxonomy(), source, &jd_name, args.explain)
        }
        ScoreFormat::Html => {
            w.write_all(jd::html::render(&m, scorer.taxonomy(), source, &jd_name).as_bytes())
        }
    })?;
    if let Some(pct) = args.fail_under {
        if m.percent < pct {
            eprintln!(
                "skillgap: {source}: match with {jd_name} is {:.1}%, below --fail-under {pct}",
                m.percent
            );
            return Ok(Exit::Threshold);
        }
    }
    Ok(Exit::Ok)
}
