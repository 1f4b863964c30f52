//! `skillgap eval`: accuracy against hand labels.

use super::args::{EvalArgs, EvalFormat};
use super::{deadline, input, load_taxonomy, report_markdown::cell, with_stdout, Exit, Failure};
use skillgap::eval::{evaluate, Evaluation, Labels};
use std::io::Write;
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
    let base = args.labels.parent().unwrap_or(std::path::Path::new("."));
    let reader = input::Reader::new(&args.input);
    // A resume that cannot be read is reported on stderr and left out of the
    // measurement (exit 3 at the end); the others are still measured.
    let mut reports = Vec::with_capacity(labels.resumes.len());
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
        let scored = helper
            .run(limit, move || {
                let doc = work_reader.read(&work_path)?;
                Ok::<_, Failure>(match as_of {
                    Some(month) => work_scorer.score_at(&doc.text, month),
                    None => work_scorer.score(&doc.text),
                })
            })
            .unwrap_or_else(|missed| {
                let name = input::display_name(&path);
                Err(Failure::input(match missed {
                    deadline::Missed::Deadline => {
                        format!("{name}: {}", deadline::timed_out_cause(limit))
                    }
                    deadline::Missed::Died => {
                        format!("{name}: internal error while scoring (a bug: please report it)")
                    }
                }))
            });
        match scored {
            Ok(report) => {
                reports.push(report);
                read.resumes.push(r.clone());
            }
            Err(f) => {
                eprintln!("skillgap: {}", f.message);
                unreadable += 1;
            }
        }
    }
    let order: Vec<&str> = level_order.iter().map(String::as_str).collect();
    let e = evaluate(&read, &reports, &order);
    with_stdout(super::options::ColorChoice::Never, |w| match args.format {
        EvalFormat::Json => writeln!(
            w,
            "{}",
            serde_json::to_string_pretty(&e).expect("serialises")
        ),
        EvalFormat::Text => text(w, &e, args.errors),
        EvalFormat::Markdown => markdown(w, &e, args.errors),
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

fn pct(n: usize, d: usize) -> f64 {
    if d == 0 {
        100.0
    } else {
        100.0 * n as f64 / d as f64
    }
}

fn text(w: &mut dyn Write, e: &Evaluation, errors: usize) -> std::io::Result<()> {
    let m = &e.micro;
    writeln!(
        w,
        "{} resumes · micro P {:.3} R {:.3} F1 {:.3} (tp {} fp {} fn {}) · macro F1 {:.3}",
        e.resumes, m.precision, m.recall, m.f1, m.tp, m.fp, m.fn_, e.macro_f1
    )?;
    let l = &e.levels;
    writeln!(
        w,
        "levels: {} labelled · exact {:.1}% · within one {:.1}% · {} of {} unlabelled above the first level",
        l.labelled, pct(l.exact, l.labelled), pct(l.within_one, l.labelled), l.unlabelled_above_first, l.unlabelled
    )?;
    writeln!(
        w,
        "years: {} labelled · mean abs error {:.2} · within one year {:.1}% · within 1.5 years {:.1}%",
        e.years.labelled,
        e.years.mean_abs_error,
        e.years.within_one_year * 100.0,
        e.years.within_1_5_years * 100.0
    )?;
    writeln!(w)?;
    writeln!(
        w,
        "{:<16} {:>4} {:>4} {:>4} {:>6} {:>6} {:>6}",
        "skill", "tp", "fp", "fn", "P", "R", "F1"
    )?;
    for (id, c) in &e.per_skill {
        if c.tp + c.fp + c.fn_ > 0 {
            writeln!(
                w,
                "{id:<16} {:>4} {:>4} {:>4} {:>6.3} {:>6.3} {:>6.3}",
                c.tp, c.fp, c.fn_, c.precision, c.recall, c.f1
            )?;
        }
    }
    writeln!(w)?;
    writeln!(w, "confusion (label → estimated):")?;
    for (label, row) in &l.confusion {
        let cells: Vec<String> = row.iter().map(|(k, v)| format!("{k} {v}")).collect();
        writeln!(w, "  {label:<10} {}", cells.join(", "))?;
    }
    if errors > 0 && !e.errors.is_empty() {
        writeln!(w)?;
        writeln!(w, "errors ({}):", e.errors.len())?;
        for x in e.errors.iter().take(errors) {
            match x.kind.as_str() {
                "fp" => {
                    for (line, t) in x.lines.iter().take(2) {
                        writeln!(
                            w,
                            "  FP {:<14} {}:{line}  {}",
                            x.skill,
                            x.file,
                            super::report_text::truncate(t, 90)
                        )?;
                    }
                }
                _ => {
                    let why = x
                        .excluded
                        .first()
                        .map(|(l, t)| {
                            format!(
                                "  (excluded at {l}: {})",
                                super::report_text::truncate(t, 70)
                            )
                        })
                        .unwrap_or_default();
                    writeln!(w, "  FN {:<14} {}{why}", x.skill, x.file)?;
                }
            }
        }
    }
    Ok(())
}

fn markdown(w: &mut dyn Write, e: &Evaluation, errors: usize) -> std::io::Result<()> {
    let m = &e.micro;
    writeln!(
        w,
        "| Resumes | Micro P | Micro R | Micro F1 | Macro F1 | Level exact | Level ±1 | Years ±1.5 |"
    )?;
    writeln!(w, "|---:|---:|---:|---:|---:|---:|---:|---:|")?;
    writeln!(
        w,
        "| {} | {:.3} | {:.3} | {:.3} | {:.3} | {:.1}% | {:.1}% | {:.1}% |",
        e.resumes,
        m.precision,
        m.recall,
        m.f1,
        e.macro_f1,
        pct(e.levels.exact, e.levels.labelled),
        pct(e.levels.within_one, e.levels.labelled),
        e.years.within_1_5_years * 100.0
    )?;
    writeln!(w)?;
    writeln!(w, "| Skill | TP | FP | FN | P | R | F1 |")?;
    writeln!(w, "|---|---:|---:|---:|---:|---:|---:|")?;
    for (id, c) in &e.per_skill {
        if c.tp + c.fp + c.fn_ > 0 {
            writeln!(
                w,
                "| {id} | {} | {} | {} | {:.3} | {:.3} | {:.3} |",
                c.tp, c.fp, c.fn_, c.precision, c.recall, c.f1
            )?;
        }
    }
    if errors > 0 && !e.errors.is_empty() {
        writeln!(w)?;
        writeln!(w, "| Error | Skill | File | Line | Text |")?;
        writeln!(w, "|---|---|---|---:|---|")?;
        for x in e.errors.iter().take(errors) {
            // A false negative that nothing in the resume came near has no line.
            let (line, t) = x
                .lines
                .first()
                .or(x.excluded.first())
                .map(|(n, t)| (n.to_string(), t.as_str()))
                .unwrap_or(("–".to_string(), "not found anywhere in the resume"));
            writeln!(
                w,
                "| {} | {} | {} | {} | {} |",
                x.kind.to_uppercase(),
                x.skill,
                cell(&x.file),
                line,
                cell(t)
            )?;
        }
    }
    Ok(())
}
