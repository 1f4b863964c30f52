//! The work of a request, done the CLI's way: the same extraction
//! ([`Reader::extract_bytes`](crate::cli::input::Reader::extract_bytes), PDF and DOCX in the
//! isolated child), the same scorer, the same JSON. Blocking: the routes run it on tokio's
//! blocking pool through [`blocking`].

use super::error::ApiError;
use super::upload::{Part, Upload};
use super::State;
use crate::cli::batch::record::{FileResult, Work};
use crate::cli::format::batch::{Format, JobInfo, Run, Totals};
use crate::cli::width::Width;
use axum::http::StatusCode;
use skillgap::extract::ExtractError;
use skillgap::jd::{JobMatch, Priority};
use skillgap::{Report, Scorer};
use std::path::Path;
use std::sync::Arc;

/// How many gaps a batch record lists (`batch --gaps`' default).
pub const BATCH_GAPS: usize = 3;

/// One scored resume, with its match when a job was given.
pub struct Scored {
    pub report: Report,
    pub job: Option<JobMatch>,
    pub scorer: Arc<Scorer>,
    /// The text that was scored (the HTML report shows it, evidence lines highlighted).
    pub text: String,
    /// The resume's file name, as uploaded (`resume` without one).
    pub name: String,
    /// The job's file name, or `pasted job` for text.
    pub job_name: String,
}

impl Scored {
    /// What `score --format json` (with a job, `score --jd JOB --format json`) prints
    /// when piped: one line.
    pub fn to_json(&self) -> String {
        let mut json = match &self.job {
            Some(m) => serde_json::to_string(m),
            None => serde_json::to_string(&self.report),
        }
        .expect("reports and matches serialise");
        json.push('\n');
        json
    }
}

/// Runs `f` on the blocking pool. A panic (a bug) is a 500, the only one.
pub async fn blocking<T: Send + 'static>(
    state: &Arc<State>,
    f: impl FnOnce(&State) -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    let state = Arc::clone(state);
    tokio::task::spawn_blocking(move || f(&state))
        .await
        .unwrap_or_else(|_| {
            Err(ApiError::new(
                StatusCode::INTERNAL_SERVER_ERROR,
                "internal",
                "internal error while scoring (a bug: please report it)",
            ))
        })
}

/// Scores one resume under `--timeout` for reading and scoring together, as `score` does.
pub async fn score(state: &Arc<State>, upload: Upload) -> Result<Scored, ApiError> {
    let limit = state.reader.timeout;
    match tokio::time::timeout(limit, blocking(state, move |s| score_now(s, upload))).await {
        Ok(result) => result,
        Err(_) => Err(ApiError::extraction(
            "resume",
            &ExtractError::Timeout { limit },
        )),
    }
}

fn score_now(state: &State, mut upload: Upload) -> Result<Scored, ApiError> {
    let resume = match upload.resumes.len() {
        0 => return Err(missing_resume()),
        1 => upload.resumes.remove(0),
        n => {
            return Err(ApiError::bad_request(
                "several_resumes",
                format!("{n} resume parts: score one at a time, or POST them to /api/v1/batch"),
            ))
        }
    };
    let scorer = state.scorer(upload.level.as_deref())?;
    let name = resume.name.clone().unwrap_or_else(|| "resume".to_string());
    let doc = read(state, resume, "resume")?;
    // Like `score` without --compare-roles: /api/v1/fit ranks the roles.
    let report = scorer.score(&doc.text);
    let mut job_name = String::new();
    let job = match upload.jd {
        Some(jd) => {
            job_name = jd.name.clone().unwrap_or_else(|| "pasted job".to_string());
            let doc = read(state, jd, "jd")?;
            Some(scorer.match_parsed(&report, &scorer.parse_job(&doc.text)))
        }
        None => None,
    };
    Ok(Scored {
        report,
        job,
        scorer,
        text: doc.text,
        name,
        job_name,
    })
}

/// What `fit FILE --format json` prints for the one resume of `upload` (its other
/// fields are not read), under `--timeout` for reading and ranking together.
pub async fn fit(state: &Arc<State>, upload: Upload) -> Result<String, ApiError> {
    let limit = state.reader.timeout;
    let work = blocking(state, move |s| {
        let resume = one_resume(upload)?;
        let doc = read(s, resume, "resume")?;
        let mut json = serde_json::to_string(&rank(s, &doc.text)).expect("serialises");
        json.push('\n');
        Ok(json)
    });
    match tokio::time::timeout(limit, work).await {
        Ok(result) => result,
        Err(_) => Err(ApiError::extraction(
            "resume",
            &ExtractError::Timeout { limit },
        )),
    }
}

/// Every built-in role ranked for `text`, as `skillgap fit` ranks them.
pub fn rank(state: &State, text: &str) -> skillgap::fit::Fit {
    skillgap::fit::fit(&state.role_scorers(), text)
}

fn one_resume(mut upload: Upload) -> Result<Part, ApiError> {
    match upload.resumes.len() {
        0 => Err(missing_resume()),
        1 => Ok(upload.resumes.remove(0)),
        n => Err(ApiError::bad_request(
            "several_resumes",
            format!("{n} resume parts: rank one at a time"),
        )),
    }
}

fn missing_resume() -> ApiError {
    ApiError::bad_request(
        "missing_resume",
        "no `resume` part: send the file as multipart/form-data (curl -F resume=@cv.pdf)",
    )
}

fn read(state: &State, part: Part, what: &str) -> Result<skillgap::extract::Extracted, ApiError> {
    state
        .reader
        .extract_bytes(part.bytes, part.name.as_deref())
        .map_err(|e| ApiError::extraction(what, &e))
}

/// What `batch --format json` prints for the uploads: the files in path order (with a job,
/// ranked by match), each scored or unreadable with its cause. A job that cannot be read is
/// an error of the whole request, as it is for the CLI.
pub fn batch(state: &State, upload: Upload) -> Result<Vec<u8>, ApiError> {
    if upload.resumes.is_empty() {
        return Err(missing_resume());
    }
    let scorer = state.scorer(upload.level.as_deref())?;
    let as_of = state
        .matching
        .as_of
        .unwrap_or_else(skillgap::text::YearMonth::now);
    let job = match upload.jd {
        Some(part) => {
            let path = part.name.clone().unwrap_or_else(|| "<jd>".to_string());
            let doc = read(state, part, "jd")?;
            let job = scorer.parse_job(&doc.text);
            let count = |p: Priority| job.with_priority(p).count();
            let info = JobInfo {
                path,
                title: job.title.clone(),
                level: job.level.as_ref().map(|l| l.id.clone()),
                years: job.years.as_ref().map(|y| (y.min, y.max)),
                required: count(Priority::Required),
                preferred: count(Priority::Preferred),
            };
            Some((info, Arc::new(job)))
        }
        None => None,
    };
    let t = scorer.taxonomy();
    let fuzzy_threshold = (!state.matching.no_fuzzy).then(|| {
        state
            .matching
            .fuzzy_threshold
            .unwrap_or(t.settings().fuzzy_threshold)
    });
    let mut resumes: Vec<(String, Vec<u8>)> = upload
        .resumes
        .into_iter()
        .enumerate()
        .map(|(i, p)| {
            (
                p.name.unwrap_or_else(|| format!("resume-{}", i + 1)),
                p.bytes,
            )
        })
        .collect();
    // Path order, as the CLI walks (a stable sort: same names keep upload order).
    resumes.sort_by(|a, b| Path::new(&a.0).cmp(Path::new(&b.0)));
    let run = Run {
        taxonomy_id: t.id().to_string(),
        taxonomy_name: t.name().to_string(),
        taxonomy_version: t.version().to_string(),
        levels: t.levels().iter().map(|l| l.id.clone()).collect(),
        level: upload.level.clone(),
        threshold: None,
        job: job.as_ref().map(|(info, _)| info.clone()),
        ranked_by_match: job.is_some(),
        as_of: as_of.to_string(),
        fuzzy_threshold,
        files: resumes.len(),
        path_width: 0,
        width: Width::columns(0),
    };
    let work = Work {
        scorer: Arc::clone(&scorer),
        reader: state.reader.clone(),
        gaps: BATCH_GAPS,
        threshold: None,
        job: job.map(|(_, job)| job),
    };
    let mut files: Vec<FileResult> = resumes
        .into_iter()
        .map(|(name, bytes)| {
            let read = state.reader.extract_bytes(bytes, Some(&name));
            FileResult {
                path: name,
                outcome: work.outcome(read),
            }
        })
        .collect();
    if run.ranked_by_match {
        crate::cli::batch::sort_by_match(&mut files);
    }
    let mut out = Vec::new();
    let mut totals = Totals::default();
    let mut formatter = Format::Json.formatter();
    let written = (|| -> std::io::Result<()> {
        formatter.begin(&mut out, &run)?;
        for file in files {
            totals.add(&file);
            formatter.file(&mut out, &run, file)?;
        }
        formatter.end(&mut out, &run, &totals)
    })();
    written.map_err(|e| {
        ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            format!("cannot write the batch document: {e}"),
        )
    })?;
    Ok(out)
}
