//! `skillgap eval`: accuracy against hand labels.

use super::args::{EvalArgs, EvalFormat};
use super::format::eval;
use super::{deadline, input, load_taxonomy, with_stdout, Exit, Failure};
use skillgap::eval::{evaluate, Labels};
use std::sync::Arc;

pub fn run(args: &EvalArgs) -> Result<Exit, Failure> {
    let name = args.labels.display().to_string();
    let src = std::fs::read_to_string(&args.labels)
        .map_err(|e| Failure::input(format!("{name}: {}", input::io_cause(&e))))?;
    let labels: Labels = serde_json::from_str(&src)
        .map_err(|e| Failure::usage(format!("{name}: not a labels file: {e}")))?;
    let taxonomy = load_taxonomy(args.taxonomy.taxonomy.as_deref())?;
    let level_order: Vec<String> = taxonomy.levels().iter().map(|l| l.id.clone()).collect();
    // Labelled resumes were written at different times: a resume's `as_of`
    // label says what "Present" means for it; otherwise --as-of or this month.
    let scorer = Arc::new(super::build_scorer(taxonomy, &args.matching, None)?);
    // With `role_ok` labels, every resume is also ranked against the built-in roles.
    let role_scorers = if labels.resumes.iter().any(|r| !r.role_ok.is_empty()) {
        let scorers = skillgap::Taxonomy::builtin_roles()
            .into_iter()
            .map(|t| super::build_scorer(t, &args.matching, None))
            .collect::<Result<Vec<_>, _>>()?;
        Some(Arc::new(scorers))
    } else {
        None
    };
    let base = args.labels.parent().unwrap_or(std::path::Path::new("."));
    let reader = input::Reader::new(&args.input);
    // A resume that cannot be read is reported on stderr and left out of the
    // measurement (exit 3 at the end); the others are still measured.
    let mut reports = Vec::with_capacity(labels.resumes.len());
    let mut fits = Vec::new();
    let mut read = labels.clone();
    read.resumes.clear();
    let mut unreadable = 0;
    // One deadline per resume, --timeout, for reading and scoring it (see `deadline`).
    let limit = reader.timeout;
    let mut helper = deadline::Helper::new();
    for r in &labels.resumes {
        let path = base.join(&r.file);
        let (work_scorer, work_reader, work_path, as_of) =
            (Arc::clone(&scorer), reader.clone(), path.clone(), r.as_of);
        let work_roles = role_scorers.clone();
        let scored = helper
            .run(limit, move || {
                let doc = work_reader.read(&work_path)?;
                let fit = work_roles.map(|roles| match as_of {
                    Some(month) => skillgap::fit::fit_at(&roles, &doc.text, month),
                    None => skillgap::fit::fit(&roles, &doc.text),
                });
                let report = match as_of {
                    Some(month) => work_scorer.score_at(&doc.text, month),
                    None => work_scorer.score(&doc.text),
                };
                Ok::<_, Failure>((report, fit))
            })
            .unwrap_or_else(|missed| {
                let name = input::display_name(&path);
                Err(Failure::input(format!("{name}: {}", missed.cause(limit))))
            });
        match scored {
            Ok((report, fit)) => {
                reports.push(report);
                fits.extend(fit);
                read.resumes.push(r.clone());
            }
            Err(f) => {
                eprintln!("skillgap: {}", f.message);
                unreadable += 1;
            }
        }
    }
    let order: Vec<&str> = level_order.iter().map(String::as_str).collect();
    let mut e = evaluate(&read, &reports, &order);
    if role_scorers.is_some() {
        e.roles = skillgap::eval::evaluate_roles(&read, &fits);
    }
    with_stdout(super::options::ColorChoice::Never, |w| match args.format {
        EvalFormat::Json => eval::json::write(w, &e),
        EvalFormat::Text => eval::text::write(w, &e, args.errors),
        EvalFormat::Markdown => eval::markdown::write(w, &e, args.errors),
    })?;
    if unreadable > 0 {
        eprintln!(
            "skillgap: {unreadable} of {} labelled resumes could not be read and are not in the numbers",
            labels.resumes.len()
        );
        return Ok(Exit::Input);
    }
    if let Some(min) = args.min_f1 {
        if e.micro.f1 < min {
            eprintln!(
                "skillgap: micro-F1 {:.3} is below --min-f1 {min}",
                e.micro.f1
            );
            return Ok(Exit::Threshold);
        }
    }
    Ok(Exit::Ok)
}
