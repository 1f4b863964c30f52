//! `skillgap score`.

use super::args::{ScoreArgs, ScoreFormat};
use super::format::{self, score};
use super::{build_scorer, deadline, input, load_taxonomy, with_output, Exit, Failure};
use std::sync::Arc;

pub fn run(args: &ScoreArgs) -> Result<Exit, Failure> {
    // The regexes that are the same for every scorer and built once per process, on first
    // use: build them on the other core while this one builds the scorer (a cold score's wall
    // time, issue 14; docs/PERFORMANCE.md). Not joined: scoring waits for one only if it
    // reaches it first, and nothing is built twice.
    std::thread::spawn(skillgap::prepare);
    let taxonomy = load_taxonomy(args.taxonomy.taxonomy.as_deref())?;
    let scorer = build_scorer(taxonomy, &args.matching, args.level.as_deref())?;
    let source = input::display_name(&args.file);
    if args.jd.as_deref() == Some(std::path::Path::new("-"))
        && args.file == std::path::Path::new("-")
    {
        return Err(Failure::usage(
            "the resume and --jd cannot both be read from standard input",
        ));
    }
    // One deadline, --timeout, for reading and scoring the resume and, with --jd, reading and
    // matching the job (see `deadline`).
    let scorer = Arc::new(scorer);
    // One command, one scorer, then the process exits: a reference that is never dropped keeps
    // the scorer from being freed table by table at the end (6 M instructions, 5 % of a cold
    // `score`, docs/PERFORMANCE.md), work the operating system does at exit for nothing.
    std::mem::forget(Arc::clone(&scorer));
    let reader = input::Reader::new(&args.input);
    let limit = reader.timeout;
    let (work_scorer, file, jd_path) = (Arc::clone(&scorer), args.file.clone(), args.jd.clone());
    // --compare-roles: the report names a role that fits clearly better.
    let roles = (args.compare_roles && args.taxonomy.taxonomy.is_none() && args.jd.is_none())
        .then(|| args.matching.clone());
    let want_plan = args.plan;
    let (doc, report, job, plan) = deadline::run_once(limit, move || {
        let doc = reader.read(&file)?;
        let mut report = work_scorer.score(&doc.text);
        if let Some(matching) = roles {
            report.better_role = super::fit::better_role(&work_scorer, &report, &doc.text, || {
                super::fit::other_role_scorers(&matching).map(Arc::new)
            })?;
        }
        // The plan toward the report's target level (--level, or the one above).
        let plan = if want_plan {
            skillgap::plan::plan(work_scorer.taxonomy(), &report, &doc.text, None)
                .map_err(|e| Failure::usage(e.to_string()))?
        } else {
            None
        };
        let job = match jd_path {
            Some(path) => {
                let jd_doc = reader.read(&path)?;
                let job = work_scorer.parse_job(&jd_doc.text);
                let m = work_scorer.match_parsed(&report, &job);
                Some(super::jd::Read {
                    doc: jd_doc,
                    job,
                    m,
                })
            }
            None => None,
        };
        Ok::<_, Failure>((doc, report, job, plan))
    })
    .unwrap_or_else(|missed| Err(Failure::input(format!("{source}: {}", missed.cause(limit)))))?;
    if args.explain {
        for w in &doc.warnings {
            eprintln!("skillgap: {source}: {w}");
        }
    }
    if let (Some(jd), Some(read)) = (&args.jd, job) {
        return super::jd::run(args, &scorer, &source, jd, read);
    }
    let plan = args.plan.then_some(plan.as_ref());
    with_output(args.color, args.output.as_deref(), |w| match args.format {
        ScoreFormat::Text => {
            let width = args.width.resolve();
            score::text::write(
                w,
                &report,
                &source,
                &score::text::TextOptions {
                    explain: args.explain,
                    gaps: args.gaps,
                    width,
                },
            )?;
            match plan {
                Some(p) => format::plan::text::write(w, p, width),
                None => Ok(()),
            }
        }
        ScoreFormat::Json => {
            let pretty = args.pretty.resolve(args.output.as_deref());
            match plan {
                Some(p) => score::json::write_with_plan(w, &report, p, pretty),
                None => score::json::write(w, &report, pretty),
            }
        }
        ScoreFormat::Markdown => {
            score::markdown::write(w, &report, &source, args.explain, args.gaps)?;
            match plan {
                Some(p) => format::plan::markdown::write(w, p),
                None => Ok(()),
            }
        }
        ScoreFormat::Html => {
            w.write_all(score::html::render_with_plan(&report, &doc.text, &source, plan).as_bytes())
        }
    })?;
    if let (Some(pct), Some(level)) = (args.fail_under, &args.level) {
        let readiness = report.level(level).map_or(0.0, |l| l.readiness);
        if readiness < pct {
            eprintln!("skillgap: {source}: readiness for {level} is {readiness:.1}%, below --fail-under {pct}");
            return Ok(Exit::Threshold);
        }
    }
    Ok(Exit::Ok)
}
