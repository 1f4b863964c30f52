//! `skillgap serve`: the "Score my resume" page and a JSON API for other tools.
//!
//! One concern per module: [`routes`] (the endpoints, thin handlers), [`upload`] (multipart
//! fields to an [`upload::Upload`]), [`work`] (extraction and scoring, the same calls as the
//! CLI), [`error`] (one error type: a status and a JSON body), [`limits`] (the concurrency
//! gate, the per-request deadline, security headers, the access log) and [`page`] (the HTML).
//!
//! Safe by default: it listens on loopback unless `--addr` says otherwise, writes nothing
//! to disk, logs only method, path, status and timing, and extracts PDF and DOCX uploads in
//! the same isolated child process as the CLI, with the same size, time and memory limits.

pub mod error;
pub mod limits;
pub mod page;
pub mod routes;
pub mod upload;
pub mod work;

use super::input::Reader;
use super::options::{parse_size, InputArgs, MatchArgs, TaxonomyArg};
use super::{build_scorer, load_taxonomy, Exit, Failure};
use clap::Args;
use skillgap::Scorer;
use std::net::SocketAddr;
use std::sync::{Arc, OnceLock};
use std::time::Duration;

pub const SERVE_HELP: &str = "\
Endpoints:
  GET  /                 the page: upload a resume, paste a job, pick a level
  POST /api/v1/score     multipart: resume (file), jd (text or file), level
                         -> what `score --format json` (with jd: `score --jd`) prints
  POST /api/v1/batch     multipart: several resume parts, optional jd
                         -> what `batch --format json` prints
  GET  /api/v1/taxonomy  what `taxonomy list --format json` prints
  GET  /healthz          200 while the server is up
  GET  /openapi.json     the API description (OpenAPI 3.1)
Errors are JSON {\"error\": \"...\", \"code\": \"...\"}: 400 bad field, 413 too large,
415 unsupported format, 422 unreadable document, 503 busy or over the deadline.

Resumes are personal data: the server keeps nothing (no disk, no log of content).
Listening beyond loopback (--addr 0.0.0.0:8080) prints a warning; put it behind
a reverse proxy with TLS and access control then (see docs/SERVE.md).

Examples:
  skillgap serve                       # then open http://127.0.0.1:8080
  curl -F resume=@cv.pdf -F jd=@job.txt http://127.0.0.1:8080/api/v1/score";

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address to listen on (port 0: any free port, printed at start).
    #[arg(long, value_name = "HOST:PORT", default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,
    /// Requests worked on at the same time [default: one per core].
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=1024))]
    pub concurrency: Option<u32>,
    /// Requests that may wait for a free slot; more are answered 503 at once.
    #[arg(long, value_name = "N", default_value_t = 64)]
    pub queue: usize,
    /// Seconds one request may take in all (waiting, upload, extraction, scoring)
    /// before it is answered 503.
    #[arg(long, value_name = "SECS", default_value_t = 60.0)]
    pub request_timeout: f64,
    /// Largest request body (all parts together, e.g. a batch), e.g. 100MiB.
    #[arg(long, value_name = "SIZE", value_parser = parse_size, default_value = "100MiB")]
    pub max_body: u64,
    /// Most resumes in one batch request.
    #[arg(long, value_name = "N", default_value_t = 100)]
    pub max_files: usize,
    #[command(flatten)]
    pub taxonomy: TaxonomyArg,
    #[command(flatten)]
    pub matching: MatchArgs,
    #[command(flatten)]
    pub input: InputArgs,
}

/// What every request shares, built once.
pub struct State {
    /// The taxonomy's levels, lowest first, each with its scorer (built on first use).
    levels: Vec<(String, OnceLock<Arc<Scorer>>)>,
    /// The scorer without a target level (gaps lead to the level above the estimated one).
    scorer: Arc<Scorer>,
    matching: MatchArgs,
    /// Extraction settings: `--max-file-size`, `--timeout`, isolation, as in the CLI.
    pub reader: Reader,
    /// `taxonomy list --format json`, rendered once.
    pub taxonomy_json: Vec<u8>,
    pub max_files: usize,
    pub max_body: u64,
    pub gate: limits::Gate,
    /// One scorer per built-in role, for `/api/v1/fit` and the page's ranking (built on
    /// first use).
    roles: OnceLock<Arc<Vec<Scorer>>>,
}

impl State {
    pub fn new(args: &ServeArgs) -> Result<State, Failure> {
        let taxonomy = load_taxonomy(args.taxonomy.taxonomy.as_deref())?;
        let scorer = build_scorer(taxonomy, &args.matching, None)?;
        let mut taxonomy_json = Vec::new();
        crate::cli::format::taxonomy::json::write(&mut taxonomy_json, scorer.taxonomy(), None)?;
        let levels = scorer
            .taxonomy()
            .levels()
            .iter()
            .map(|l| (l.id.clone(), OnceLock::new()))
            .collect();
        let concurrency = args.concurrency.map_or_else(
            || std::thread::available_parallelism().map_or(1, |n| n.get()),
            |n| n as usize,
        );
        Ok(State {
            levels,
            scorer: Arc::new(scorer),
            matching: args.matching.clone(),
            reader: Reader::new(&args.input),
            taxonomy_json,
            max_files: args.max_files,
            max_body: args.max_body,
            gate: limits::Gate::new(
                concurrency,
                args.queue,
                Duration::from_secs_f64(args.request_timeout),
            ),
            roles: OnceLock::new(),
        })
    }

    /// The built-in roles' scorers, with the same matching options as `skillgap fit`.
    pub fn role_scorers(&self) -> Arc<Vec<Scorer>> {
        Arc::clone(self.roles.get_or_init(|| {
            let scorers = skillgap::Taxonomy::builtin_roles()
                .into_iter()
                .map(|t| build_scorer(t, &self.matching, None))
                .collect::<Result<Vec<_>, _>>()
                // The options were checked when the server's own scorer was built.
                .unwrap_or_else(|f| panic!("role scorers: {}", f.message));
            Arc::new(scorers)
        }))
    }

    /// The taxonomy's level ids, lowest first.
    pub fn level_ids(&self) -> impl Iterator<Item = &str> {
        self.levels.iter().map(|(id, _)| id.as_str())
    }

    /// The scorer whose gaps lead to `level` (`None`: the level above the estimated one).
    ///
    /// # Errors
    /// An unknown level, with the library's "did you mean" message.
    pub fn scorer(&self, level: Option<&str>) -> Result<Arc<Scorer>, error::ApiError> {
        let Some(level) = level else {
            return Ok(Arc::clone(&self.scorer));
        };
        let Some((_, slot)) = self.levels.iter().find(|(id, _)| id == level) else {
            let message = match self.scorer.taxonomy().level(level) {
                Err(e) => e.to_string(),
                Ok(_) => format!("unknown level `{level}`"),
            };
            return Err(error::ApiError::bad_request("unknown_level", message));
        };
        let scorer = slot.get_or_init(|| {
            let taxonomy = self.scorer.taxonomy().clone();
            Arc::new(
                build_scorer(taxonomy, &self.matching, Some(level))
                    .expect("the level and the options were validated at start"),
            )
        });
        Ok(Arc::clone(scorer))
    }
}

pub fn run(args: &ServeArgs) -> Result<Exit, Failure> {
    let state = Arc::new(State::new(args)?);
    // The role scorers (fit, the page's ranking, score's better role) are built before
    // listening: no request's --timeout pays for them, and none competes with their building.
    state.role_scorers();
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get());
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(workers)
        .thread_name("skillgap-serve")
        .enable_io()
        .enable_time()
        .build()
        .map_err(|e| Failure::usage(format!("cannot start the server: {e}")))?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(args.addr)
            .await
            .map_err(|e| Failure::usage(format!("cannot listen on {}: {e}", args.addr)))?;
        let local = listener
            .local_addr()
            .map_err(|e| Failure::usage(format!("cannot listen on {}: {e}", args.addr)))?;
        eprintln!("skillgap: listening on http://{local} (Ctrl-C to stop)");
        if !local.ip().is_loopback() {
            eprintln!("skillgap: warning: {}", exposure_warning(local));
        }
        axum::serve(listener, routes::router(state))
            .with_graceful_shutdown(shutdown())
            .await
            .map_err(|e| Failure::input(format!("server stopped: {e}")))
    })?;
    Ok(Exit::Ok)
}

/// The warning printed when the server is reachable from other machines.
pub fn exposure_warning(addr: SocketAddr) -> String {
    format!(
        "{addr} is not a loopback address: anyone who can reach it can upload resumes, \
         which are personal data, and read the results. Serve it behind a reverse proxy \
         with TLS and access control (docs/SERVE.md)."
    )
}

/// Ctrl-C, or SIGTERM on Unix: finish the requests at work, accept no more.
async fn shutdown() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
    eprintln!("skillgap: stopping");
}
