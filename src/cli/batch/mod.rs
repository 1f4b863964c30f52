//! `skillgap batch`: score files and folders of resumes in parallel, for
//! people (a table) and for CI (json, jsonl, csv, markdown, junit, exit codes).
//!
//! The pipeline: [`walk`] finds the inputs (sorted, filtered, skips counted);
//! [`order::run_ordered`] runs [`record::Work::run`] on them with `--jobs`
//! threads sharing one `Scorer`, and hands the results back in path order; the
//! [`format::Formatter`] writes each as it comes (or keeps the
//! compact results, for the formats that need totals first). Progress and the
//! summary line go to stderr.

pub mod args;
pub mod order;
mod progress;
pub mod record;
pub mod walk;

pub use args::BatchArgs;

use super::build_scorer;
use super::input::{display_name, Reader};
use super::{Exit, Failure, Strip};
use crate::cli::format::batch as format;
use args::SortKey;
use format::{Format, Formatter, JobInfo, Run, Totals};
use progress::Progress;
use record::{FileResult, MatchBrief, Measure, Threshold, Work};
use skillgap::jd::{JobDescription, Priority};
use std::io::{self, IsTerminal, Write};
use std::sync::Arc;
use std::time::Instant;

/// How far (in files) scoring may run ahead of the output; bounds the memory
/// the reorder buffer can take.
const WINDOW: usize = 1024;

pub fn run(args: &BatchArgs) -> Result<Exit, Failure> {
    let started = Instant::now();
    // Usage errors first, before any output file is created.
    let filter = walk::Filter::new(
        &args.globs,
        &args.exclude,
        args.hidden,
        args.max_depth.map(|d| d as usize),
    )
    .map_err(Failure::usage)?;
    let taxonomy =
        super::load_role_or_taxonomy(args.role.as_deref(), args.taxonomy.taxonomy.as_deref())?;
    let fuzzy_threshold = (!args.matching.no_fuzzy).then(|| {
        args.matching
            .fuzzy_threshold
            .unwrap_or(taxonomy.settings().fuzzy_threshold)
    });
    // Resolved once, so every file of the run reads "Present" as the same month.
    let as_of = args.matching.as_of.unwrap_or_else(skillgap::YearMonth::now);
    let matching = super::options::MatchArgs {
        as_of: Some(as_of),
        ..args.matching.clone()
    };
    let scorer = Arc::new(build_scorer(taxonomy, &matching, args.level.as_deref())?);
    let sort = match (args.sort, &args.jd) {
        (Some(SortKey::Match), None) => {
            return Err(Failure::usage(
                "--sort match ranks by the match with a job: give --jd JOB",
            ))
        }
        (Some(sort), _) => sort,
        (None, Some(_)) => SortKey::Match,
        (None, None) => SortKey::Path,
    };
    // PDF and DOCX files go to long-lived isolated workers, not one process per file.
    let reader = Reader::new(&args.input).pooled();
    // The job is part of the run's setup, like the taxonomy: when it cannot be
    // read nothing is scored (exit 2), and no output file is created.
    let job = match &args.jd {
        Some(path) => Some(read_job(&scorer, &reader, path, args.quiet)?),
        None => None,
    };
    let threshold = args.fail_under.and_then(|pct| {
        let on = match (&job, &args.level) {
            (Some(_), _) => Measure::Match,
            (None, Some(level)) => Measure::Readiness(level.clone()),
            (None, None) => return None, // clap requires one of them
        };
        Some(Threshold { on, pct })
    });

    let found = walk::find(&args.paths, &filter);
    if !args.quiet {
        for (path, why) in &found.notes {
            eprintln!("skillgap: {}: {why}", display_name(path));
        }
    }
    let t = scorer.taxonomy();
    let run = Run {
        taxonomy_id: t.id().to_string(),
        taxonomy_name: t.name().to_string(),
        taxonomy_version: t.version().to_string(),
        levels: t.levels().iter().map(|l| l.id.clone()).collect(),
        level: args.level.clone(),
        threshold: threshold.clone(),
        job: job.as_ref().map(|(info, _)| info.clone()),
        ranked_by_match: sort == SortKey::Match,
        as_of: as_of.to_string(),
        fuzzy_threshold,
        files: found.inputs.len(),
        path_width: found
            .inputs
            .iter()
            .map(|i| display_name(i.path()).chars().count())
            .max()
            .unwrap_or(0),
        // The terminal's width is for standard output; `--width` is for either.
        width: if args.output.is_some() {
            crate::cli::width::Width::columns(args.width.width.unwrap_or(0))
        } else {
            args.width.resolve()
        },
    };
    let (mut out, terminal) = open_output(args)?;
    let format = args
        .format
        .or_else(|| args.output.as_deref().and_then(Format::from_extension))
        .unwrap_or(if terminal {
            Format::Table
        } else {
            Format::Jsonl
        });
    let work = Arc::new(Work {
        scorer: Arc::clone(&scorer),
        reader,
        gaps: args.gaps,
        threshold: threshold.clone(),
        job: job.map(|(_, job)| Arc::new(job)),
    });
    let jobs = args.jobs.map_or_else(
        || std::thread::available_parallelism().map_or(1, |n| n.get()),
        |j| j as usize,
    );

    let mut progress = Progress::new(run.files, args.progress, args.quiet);
    let mut writer = Writer {
        out: &mut out,
        formatter: format.formatter(),
        run: &run,
        totals: Totals {
            skipped: found.skipped,
            ..Totals::default()
        },
        quiet: args.quiet,
    };
    let written = (|| -> io::Result<()> {
        writer.formatter.begin(writer.out, &run)?;
        match sort {
            SortKey::Path => order::run_ordered(
                &found.inputs,
                jobs,
                WINDOW,
                |input| work.run_within_deadline(input),
                |ready| {
                    let files: Vec<FileResult> = ready.collect();
                    let n = files.len();
                    // Rows on the terminal or messages on stderr: keep the bar out of their way.
                    let quiet_batch = !terminal && files.iter().all(|f| f.error().is_none());
                    let written = progress.suspend_unless(quiet_batch, || {
                        for file in files {
                            writer.file(file)?;
                        }
                        writer.out.flush()
                    });
                    progress.inc(n);
                    written
                },
            )?,
            SortKey::Readiness | SortKey::Match => {
                let mut all = Vec::with_capacity(found.inputs.len());
                order::run_ordered(
                    &found.inputs,
                    jobs,
                    WINDOW,
                    |input| work.run_within_deadline(input),
                    |ready| {
                        let before = all.len();
                        all.extend(ready);
                        progress.inc(all.len() - before);
                        Ok::<(), io::Error>(())
                    },
                )?;
                progress.finish();
                if sort == SortKey::Match {
                    sort_by_match(&mut all);
                } else {
                    sort_by_readiness(&mut all, &run);
                }
                for file in all {
                    writer.file(file)?;
                }
            }
        }
        writer.formatter.end(writer.out, &run, &writer.totals)?;
        writer.out.flush()
    })();
    progress.finish();
    written?;

    let totals = writer.totals;
    if !args.quiet {
        eprintln!("skillgap: {}", summary(&totals, &run, started));
    }
    Ok(if totals.unreadable > 0 {
        Exit::Input
    } else if totals.failed > 0 {
        Exit::Threshold
    } else {
        Exit::Ok
    })
}

/// Reads and parses the `--jd` job once, within `--timeout`. Unreadable, it is
/// a usage error: the run has nothing to rank against.
fn read_job(
    scorer: &Arc<skillgap::Scorer>,
    reader: &Reader,
    path: &std::path::Path,
    quiet: bool,
) -> Result<(JobInfo, JobDescription), Failure> {
    let name = display_name(path);
    let limit = reader.timeout;
    let (work_scorer, work_reader, work_path) =
        (Arc::clone(scorer), reader.clone(), path.to_path_buf());
    let (doc, job) = super::deadline::run_once(limit, move || {
        let doc = work_reader.extract(&work_path)?;
        let job = work_scorer.parse_job(&doc.text);
        Ok((doc, job))
    })
    .unwrap_or_else(|missed| {
        Err(match missed {
            super::deadline::Missed::Deadline => skillgap::extract::ExtractError::Timeout { limit },
            super::deadline::Missed::Died => skillgap::extract::ExtractError::Crashed {
                detail: "internal error while reading the job (a bug: please report it)".into(),
            },
        })
    })
    .map_err(|e| Failure::usage(format!("--jd {name}: {}", super::input::cause(&e))))?;
    let count = |p: Priority| job.with_priority(p).count();
    let info = JobInfo {
        path: name,
        title: job.title.clone(),
        level: job.level.as_ref().map(|l| l.id.clone()),
        years: job.years.as_ref().map(|y| (y.min, y.max)),
        required: count(Priority::Required),
        preferred: count(Priority::Preferred),
    };
    if !quiet {
        for w in &doc.warnings {
            eprintln!("skillgap: {}: {w}", info.path);
        }
        for w in &job.warnings {
            eprintln!("skillgap: {}: {w}", info.path);
        }
        if info.required + info.preferred == 0 {
            eprintln!(
                "skillgap: {}: the job names no skill this taxonomy knows; every match is 0%",
                info.path
            );
        }
    }
    Ok((info, job))
}

/// Writes files through the formatter and counts them.
struct Writer<'a> {
    out: &'a mut Box<dyn Write>,
    formatter: Box<dyn Formatter>,
    run: &'a Run,
    totals: Totals,
    quiet: bool,
}

impl Writer<'_> {
    /// Counts and writes one file; an unreadable one is also named on stderr
    /// (the caller keeps the progress bar out of the way).
    fn file(&mut self, file: FileResult) -> io::Result<()> {
        self.totals.add(&file);
        if let (Some(error), false) = (file.error(), self.quiet) {
            // Rows before it first, when both go to one terminal.
            self.out.flush()?;
            eprintln!("skillgap: {}: {error}", file.path);
        }
        self.formatter.file(self.out, self.run, file)
    }
}

/// Standard output (buffered, colour stripped unless wanted) or `--output`.
/// The flag says whether it is a terminal.
fn open_output(args: &BatchArgs) -> Result<(Box<dyn Write>, bool), Failure> {
    use crate::cli::options::ColorChoice;
    const BUFFER: usize = 64 * 1024;
    if let Some(path) = &args.output {
        let file = std::fs::File::create(path).map_err(|e| {
            Failure::usage(format!(
                "cannot create {}: {}",
                path.display(),
                super::input::io_cause(&e)
            ))
        })?;
        let file = io::BufWriter::with_capacity(BUFFER, file);
        return Ok(if args.color == ColorChoice::Always {
            (Box::new(file), false)
        } else {
            (Box::new(Strip(file)), false)
        });
    }
    let choice = match args.color {
        ColorChoice::Auto => anstream::ColorChoice::Auto,
        ColorChoice::Always => anstream::ColorChoice::Always,
        ColorChoice::Never => anstream::ColorChoice::Never,
    };
    choice.write_global();
    let terminal = io::stdout().is_terminal();
    let colored = anstream::AutoStream::choice(&io::stdout()) != anstream::ColorChoice::Never;
    let stdout = io::BufWriter::with_capacity(BUFFER, io::stdout());
    Ok(if colored {
        (Box::new(stdout), terminal)
    } else {
        (Box::new(Strip(stdout)), terminal)
    })
}

/// `--sort readiness`: highest first, by readiness for `--level`, or without
/// it by estimated level and then readiness for the level above it;
/// unreadable files last; ties stay in path order.
fn sort_by_readiness(files: &mut [FileResult], run: &Run) {
    let fixed = run
        .level
        .as_ref()
        .and_then(|l| run.levels.iter().position(|x| x == l));
    let key = |f: &FileResult| -> Option<(usize, f64)> {
        let s = f.scored()?;
        Some(match fixed {
            Some(i) => (0, s.readiness.get(i).copied().unwrap_or(0.0)),
            None => {
                let reached = s
                    .estimated_level
                    .as_ref()
                    .and_then(|e| run.levels.iter().position(|x| x == e))
                    .map_or(0, |i| i + 1);
                let next = s.readiness.get(reached).copied().unwrap_or(100.0);
                (reached, next)
            }
        })
    };
    // Stable: equal keys keep path order.
    files.sort_by(|a, b| match (key(a), key(b)) {
        (Some((la, ra)), Some((lb, rb))) => lb.cmp(&la).then(rb.total_cmp(&ra)),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    });
}

/// `--sort match`: highest match first, then more required skills met
/// ([`MatchBrief::rank`]); unreadable files last; ties stay in path order.
pub fn sort_by_match(files: &mut [FileResult]) {
    fn key(f: &FileResult) -> Option<&MatchBrief> {
        f.scored()?.job_match.as_ref()
    }
    // Stable: equal keys keep path order.
    files.sort_by(|a, b| match (key(a), key(b)) {
        (Some(a), Some(b)) => MatchBrief::rank(a, b),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    });
}

/// The last line on stderr.
fn summary(t: &Totals, run: &Run, started: Instant) -> String {
    let mut parts = vec![format!("{} scored", t.scored)];
    if let Some(th) = &run.threshold {
        parts.push(format!("{} under {}", t.failed, format::threshold_text(th)));
    }
    parts.push(format!("{} unreadable", t.unreadable));
    if t.skipped.total() == 0 {
        parts.push("0 skipped".to_string());
    } else {
        parts.push(t.skipped.to_string());
    }
    format!(
        "{} in {:.2}s",
        parts.join(", "),
        started.elapsed().as_secs_f64()
    )
}
