//! The `skillgap._skillgap` extension module: a thin PyO3 layer over the `skillgap` crate.
//!
//! The Rust library does the work unchanged; this layer converts arguments, releases the GIL
//! around extraction and scoring, runs `score_many` on a rayon pool and maps errors to
//! `skillgap.UnreadableError`. Reports cross through their serde data (the same fields and
//! values `Report::to_json` writes, built into Python objects by [`topy`]), so a dict here
//! equals the CLI's `--format json` output parsed with `json.loads` — without printing and
//! parsing 30 KB of JSON per resume.
//! The Python-side API (docstrings, stubs) is in `skillgap/__init__.py` and
//! `skillgap/_skillgap.pyi`.
#![forbid(unsafe_code)]

mod topy;

use std::collections::HashMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{mpsc, Arc, Mutex, OnceLock};
use std::time::Duration;

use pyo3::create_exception;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes, PyList, PyString, PyTuple};
use rayon::prelude::*;
use skillgap::extract::{self, ExtractError, Extracted, Limits};
use skillgap::jd::JobDescription;
use skillgap::text::YearMonth;
use skillgap::{Report, Taxonomy};

create_exception!(
    skillgap,
    UnreadableError,
    PyValueError,
    "A resume or job description that cannot be read as text: missing, too large, encrypted, \
     scanned, corrupt, empty, a format skillgap does not read, or over the time limit. The \
     message is the CLI's: the file (or <bytes>, <text>) and the cause in one line."
);

/// The CLI's default `--max-file-size` (20 MiB).
const DEFAULT_MAX_FILE_SIZE: u64 = 20 * 1024 * 1024;
/// The CLI's default `--timeout` in seconds.
const DEFAULT_TIMEOUT: f64 = 30.0;
/// Scorers kept per process for unpickling (keyed by their settings).
const CACHED_SCORERS: usize = 8;

/// What to read: a file, a file's content, or text.
enum Source {
    Path(PathBuf),
    Bytes(Vec<u8>),
    Text(String),
    /// `None` in a column: nothing to score.
    Missing,
}

impl Source {
    /// How the source is named in messages (the CLI names the file).
    fn name(&self) -> String {
        match self {
            Source::Path(p) => p.display().to_string(),
            Source::Bytes(_) => "<bytes>".to_string(),
            Source::Text(_) | Source::Missing => "<text>".to_string(),
        }
    }

    fn extract(&self, limits: &Limits) -> Result<Extracted, ExtractError> {
        match self {
            Source::Path(p) => extract::from_path(p, limits),
            Source::Bytes(b) => extract::from_bytes(b, None, limits),
            Source::Text(t) => extract::from_text(t, limits),
            Source::Missing => Err(ExtractError::Empty),
        }
    }

    /// The text, or the CLI's one-line message.
    fn read(&self, limits: &Limits) -> Result<String, String> {
        self.extract(limits)
            .map(|doc| doc.text)
            .map_err(|e| format!("{}: {}", self.name(), e.cause()))
    }
}

/// A Python object as a source: `bytes`/`bytearray` are a file's content; `str` is a path, or
/// text when `str_is_text`; anything `os.fspath` accepts is a path.
fn to_source(obj: &Bound<'_, PyAny>, str_is_text: bool) -> PyResult<Source> {
    if obj.is_none() {
        return Ok(Source::Missing);
    }
    if let Ok(b) = obj.downcast::<PyBytes>() {
        return Ok(Source::Bytes(b.as_bytes().to_vec()));
    }
    if let Ok(b) = obj.downcast::<PyByteArray>() {
        return Ok(Source::Bytes(b.to_vec()));
    }
    if let Ok(s) = obj.downcast::<PyString>() {
        let s = s.to_cow()?.into_owned();
        return Ok(if str_is_text {
            Source::Text(s)
        } else {
            Source::Path(PathBuf::from(s))
        });
    }
    if str_is_text {
        return Err(PyTypeError::new_err(format!(
            "expected a str (text) or bytes (a file's content), got {}",
            obj.get_type().name()?
        )));
    }
    match obj.extract::<PathBuf>() {
        Ok(p) => Ok(Source::Path(p)),
        Err(_) => Err(PyTypeError::new_err(format!(
            "expected a path (str or os.PathLike) or bytes (a file's content), got {}",
            obj.get_type().name()?
        ))),
    }
}

/// What a Scorer is made of: enough to rebuild it anywhere (pickling), and the key of the
/// per-process cache of compiled scorers.
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
struct Settings {
    /// (origin, YAML text) of a taxonomy file; `None` for the built-in taxonomy.
    taxonomy: Option<(String, String)>,
    as_of: Option<String>,
    level: Option<String>,
    fuzzy: bool,
    max_file_size: u64,
    /// `--timeout` in milliseconds.
    timeout_ms: u64,
}

impl Settings {
    fn limits(&self) -> Limits {
        Limits {
            max_file_size: self.max_file_size,
            max_time: Some(Duration::from_millis(self.timeout_ms)),
            ..Limits::default()
        }
    }

    fn build(&self) -> PyResult<skillgap::Scorer> {
        let taxonomy = match &self.taxonomy {
            None => Taxonomy::builtin(),
            Some((origin, yaml)) => Taxonomy::from_yaml_named(yaml, origin)
                .map_err(|e| PyValueError::new_err(format!("taxonomy {e}")))?,
        };
        let mut b = skillgap::Scorer::builder(taxonomy).fuzzy(self.fuzzy);
        if let Some(m) = &self.as_of {
            b = b.as_of(parse_month(m)?);
        }
        if let Some(l) = &self.level {
            b = b.target_level(l);
        }
        b.build().map_err(|e| PyValueError::new_err(e.to_string()))
    }

    /// The compiled scorer for these settings, built once per process.
    fn scorer(&self) -> PyResult<Arc<skillgap::Scorer>> {
        static CACHE: Mutex<Vec<(Settings, Arc<skillgap::Scorer>)>> = Mutex::new(Vec::new());
        if let Some((_, s)) = lock(&CACHE).iter().find(|(k, _)| k == self) {
            return Ok(Arc::clone(s));
        }
        let scorer = Arc::new(self.build()?);
        let mut cache = lock(&CACHE);
        if cache.len() >= CACHED_SCORERS {
            cache.remove(0);
        }
        cache.push((self.clone(), Arc::clone(&scorer)));
        Ok(scorer)
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

fn parse_month(s: &str) -> PyResult<YearMonth> {
    YearMonth::parse(s).ok_or_else(|| {
        PyValueError::new_err(format!("`{s}` is not a month; use YYYY-MM, e.g. 2026-11"))
    })
}

/// `as_of` as given: None, "YYYY-MM", or a `datetime.date` (its year and month).
fn month_arg(obj: Option<&Bound<'_, PyAny>>) -> PyResult<Option<String>> {
    let Some(obj) = obj.filter(|o| !o.is_none()) else {
        return Ok(None);
    };
    if let Ok(s) = obj.extract::<String>() {
        return Ok(Some(parse_month(&s)?.to_string()));
    }
    match (obj.getattr("year"), obj.getattr("month")) {
        (Ok(y), Ok(m)) => {
            let (y, m): (i32, u32) = (y.extract()?, m.extract()?);
            let month = YearMonth::new(y, m)
                .ok_or_else(|| PyValueError::new_err(format!("{y}-{m:02} is not a month")))?;
            Ok(Some(month.to_string()))
        }
        _ => Err(PyTypeError::new_err(
            "as_of must be a str YYYY-MM or a datetime.date",
        )),
    }
}

/// A rayon pool with `n` threads, built once per size; `None` or 0: the global pool.
fn pool(threads: Option<usize>) -> PyResult<Option<Arc<rayon::ThreadPool>>> {
    static POOLS: OnceLock<Mutex<HashMap<usize, Arc<rayon::ThreadPool>>>> = OnceLock::new();
    let Some(n) = threads.filter(|&n| n > 0) else {
        return Ok(None);
    };
    let mut pools = lock(POOLS.get_or_init(Default::default));
    if let Some(p) = pools.get(&n) {
        return Ok(Some(Arc::clone(p)));
    }
    let p = rayon::ThreadPoolBuilder::new()
        .num_threads(n)
        .thread_name(|i| format!("skillgap-{i}"))
        .build()
        .map_err(|e| PyValueError::new_err(format!("cannot start {n} threads: {e}")))?;
    let p = Arc::new(p);
    pools.insert(n, Arc::clone(&p));
    Ok(Some(p))
}

/// `f` over `items` in parallel (in input order), on `pool` or the global pool.
fn par_map<T: Sync, R: Send>(
    pool: Option<&rayon::ThreadPool>,
    items: &[T],
    f: impl Fn(&T) -> R + Sync + Send,
) -> Vec<R> {
    let run = || items.par_iter().with_min_len(1).map(&f).collect();
    match pool {
        Some(p) => p.install(run),
        None => run(),
    }
}

/// Runs `f`, turning a panic (a bug) into the CLI's message for it.
fn guarded<R>(
    name: impl FnOnce() -> String,
    f: impl FnOnce() -> Result<R, String>,
) -> Result<R, String> {
    catch_unwind(AssertUnwindSafe(f)).unwrap_or_else(|_| {
        Err(format!(
            "{}: internal error while scoring (a bug: please report it)",
            name()
        ))
    })
}

/// A report or job match as Python objects: dicts, lists, str, float, int, bool and None, built
/// straight from the library's serde data (the same data `--format json` prints).
fn to_py<'py, T: serde::Serialize>(py: Python<'py>, value: &T) -> PyResult<Bound<'py, PyAny>> {
    topy::Converter::new(py).convert(value)
}

/// A report as Python objects, or the UnreadableError (not raised) of an input that could not
/// be read.
/// (Not inlined: callgrind's `--toggle-collect='*result_to_py*'` measures the conversion alone;
/// the caller frees the report.)
#[inline(never)]
fn result_to_py<'py, T: serde::Serialize>(
    conv: &mut topy::Converter<'py>,
    r: &Result<T, String>,
) -> PyResult<Bound<'py, PyAny>> {
    match r {
        Ok(value) => conv.convert(value),
        Err(msg) => Ok(UnreadableError::new_err(msg.clone())
            .into_value(conv.py())
            .into_bound(conv.py())
            .into_any()),
    }
}

/// Compact JSON of a report: the same data as the CLI's pretty `--format json`.
fn report_json(r: &Report) -> String {
    serde_json::to_string(r).expect("reports serialise")
}

/// One row of `_score_columns`.
#[derive(Default)]
struct Row {
    level: Option<String>,
    readiness: Option<Vec<(String, f64)>>,
    skills: Option<Vec<String>>,
    gaps: Option<Vec<String>>,
    match_percent: Option<f64>,
    missing_required: Option<Vec<String>>,
    report: Option<String>,
    error: Option<String>,
}

/// Scores resumes against a role's skill taxonomy.
///
/// Build once (this compiles the taxonomy) and reuse: a Scorer is immutable and thread-safe,
/// and the GIL is released while it reads and scores.
///
/// taxonomy: a taxonomy YAML file (`extends: builtin` adds to the built-in one); None: the
///     built-in backend-developer taxonomy.
/// as_of: the month "Present" means, "YYYY-MM" or a datetime.date; None: the current month.
/// level: the level the gaps lead to (default: each resume's next level).
/// fuzzy: match misspellings (the CLI's --no-fuzzy is fuzzy=False).
/// max_file_size, timeout: the CLI's --max-file-size (bytes) and --timeout (seconds, checked
///     between PDF pages).
///
/// Raises ValueError for an invalid taxonomy, an unknown level or a bad month. A Scorer
/// pickles as its taxonomy's text and these settings.
#[pyclass(module = "skillgap", name = "Scorer", frozen)]
struct PyScorer {
    inner: Arc<skillgap::Scorer>,
    settings: Settings,
}

impl PyScorer {
    fn score_source(&self, src: &Source) -> Result<Report, String> {
        guarded(
            || src.name(),
            || {
                let text = src.read(&self.settings.limits())?;
                Ok(self.inner.score(&text))
            },
        )
    }

    fn job(&self, jd: &Source) -> Result<JobDescription, String> {
        let text = jd
            .read(&self.settings.limits())
            .map_err(|m| format!("job description {m}"))?;
        Ok(self.inner.parse_job(&text))
    }

    fn row(&self, src: &Source, job: Option<&JobDescription>) -> Row {
        let scored = guarded(
            || src.name(),
            || {
                let text = src.read(&self.settings.limits())?;
                let report = self.inner.score(&text);
                let m = job.map(|j| self.inner.match_parsed(&report, j));
                Ok((report, m))
            },
        );
        match scored {
            Err(e) => Row {
                error: Some(e),
                ..Row::default()
            },
            Ok((r, m)) => Row {
                level: r.estimated_level.clone(),
                readiness: Some(
                    r.levels
                        .iter()
                        .map(|l| (l.id.clone(), l.readiness))
                        .collect(),
                ),
                skills: Some(r.skills.iter().map(|s| s.id.clone()).collect()),
                gaps: Some(r.gaps.iter().map(|g| g.skill.clone()).collect()),
                match_percent: m.as_ref().map(|m| m.percent),
                missing_required: m
                    .as_ref()
                    .map(|m| m.missing_required.iter().map(|x| x.id.clone()).collect()),
                report: Some(report_json(&r)),
                error: None,
            },
        }
    }
}

#[pymethods]
impl PyScorer {
    #[new]
    #[pyo3(signature = (taxonomy=None, as_of=None, level=None, fuzzy=true, *, max_file_size=DEFAULT_MAX_FILE_SIZE, timeout=DEFAULT_TIMEOUT))]
    fn new(
        taxonomy: Option<PathBuf>,
        as_of: Option<&Bound<'_, PyAny>>,
        level: Option<String>,
        fuzzy: bool,
        max_file_size: u64,
        timeout: f64,
    ) -> PyResult<Self> {
        if !(timeout > 0.0 && timeout <= 86_400.0) {
            return Err(PyValueError::new_err(format!(
                "timeout {timeout} is not a number of seconds from 0 (excluded) to 86400"
            )));
        }
        let taxonomy = match taxonomy {
            None => None,
            Some(path) => {
                let origin = path.display().to_string();
                let yaml = std::fs::read_to_string(&path).map_err(|e| {
                    PyValueError::new_err(format!("taxonomy {origin}: {}", extract::io_cause(&e)))
                })?;
                Some((origin, yaml))
            }
        };
        let settings = Settings {
            taxonomy,
            as_of: month_arg(as_of)?,
            level,
            fuzzy,
            max_file_size,
            timeout_ms: (timeout * 1000.0).round() as u64,
        };
        PyScorer::from_settings(settings)
    }

    #[staticmethod]
    fn _from_state(
        taxonomy: Option<(String, String)>,
        as_of: Option<String>,
        level: Option<String>,
        fuzzy: bool,
        max_file_size: u64,
        timeout_ms: u64,
    ) -> PyResult<Self> {
        PyScorer::from_settings(Settings {
            taxonomy,
            as_of,
            level,
            fuzzy,
            max_file_size,
            timeout_ms,
        })
    }

    /// Pickles as the taxonomy's text and the settings; unpickling compiles once per process.
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let s = &slf.get().settings;
        let ctor = slf.get_type().getattr("_from_state")?;
        let args = (
            s.taxonomy.clone(),
            s.as_of.clone(),
            s.level.clone(),
            s.fuzzy,
            s.max_file_size,
            s.timeout_ms,
        )
            .into_pyobject(py)?;
        PyTuple::new(py, [ctor, args.into_any()])
    }

    fn __repr__(&self) -> String {
        let s = &self.settings;
        let mut parts = Vec::new();
        if let Some((origin, _)) = &s.taxonomy {
            parts.push(format!("taxonomy={origin:?}"));
        }
        if let Some(m) = &s.as_of {
            parts.push(format!("as_of={m:?}"));
        }
        if let Some(l) = &s.level {
            parts.push(format!("level={l:?}"));
        }
        if !s.fuzzy {
            parts.push("fuzzy=False".to_string());
        }
        format!("Scorer({})", parts.join(", "))
    }

    /// The taxonomy's id (`backend-developer` for the built-in one).
    #[getter]
    fn taxonomy_id(&self) -> String {
        self.inner.taxonomy().id().to_string()
    }

    /// The taxonomy's data version.
    #[getter]
    fn taxonomy_version(&self) -> String {
        self.inner.taxonomy().version().to_string()
    }

    /// The level ids, lowest first.
    #[getter]
    fn levels(&self) -> Vec<String> {
        self.inner
            .taxonomy()
            .levels()
            .iter()
            .map(|l| l.id.clone())
            .collect()
    }

    /// The month "Present" means, YYYY-MM, or None for the current month.
    #[getter]
    fn as_of(&self) -> Option<String> {
        self.settings.as_of.clone()
    }

    /// The level the gaps lead to, or None.
    #[getter]
    fn level(&self) -> Option<String> {
        self.settings.level.clone()
    }

    /// Whether misspellings are matched.
    #[getter]
    fn fuzzy(&self) -> bool {
        self.settings.fuzzy
    }

    /// Largest input in bytes.
    #[getter]
    fn max_file_size(&self) -> u64 {
        self.settings.max_file_size
    }

    /// Seconds one extraction may take.
    #[getter]
    fn timeout(&self) -> f64 {
        self.settings.timeout_ms as f64 / 1000.0
    }

    /// Scores a resume: a path (str or os.PathLike) or a file's content (bytes; PDF, DOCX,
    /// HTML or text, detected from the content). Returns the dict that
    /// `skillgap score FILE --format json` prints. Raises UnreadableError with the CLI's message.
    fn score<'py>(
        &self,
        py: Python<'py>,
        source: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let src = to_source(source, false)?;
        let r = py.allow_threads(|| self.score_source(&src));
        raise_or_convert(py, r)
    }

    /// Scores a resume given as a str, read as a plain-text file with the same content would
    /// be (the report equals the CLI's for that file). Raises UnreadableError when it is empty
    /// or over max_file_size.
    fn score_text<'py>(
        &self,
        py: Python<'py>,
        text: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let src = text_source(text)?;
        let r = py.allow_threads(|| self.score_source(&src));
        raise_or_convert(py, r)
    }

    /// Matches a resume (a path or bytes, as in score) against a job description's text (str;
    /// bytes are a file's content). Returns the dict that
    /// `skillgap score RESUME --jd JOB --format json` prints.
    #[pyo3(name = "match")]
    fn match_job<'py>(
        &self,
        py: Python<'py>,
        source: &Bound<'py, PyAny>,
        jd_text: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let src = to_source(source, false)?;
        let jd = to_source(jd_text, true)?;
        let r = py.allow_threads(|| {
            guarded(
                || src.name(),
                || {
                    let text = src.read(&self.settings.limits())?;
                    let job = self.job(&jd)?;
                    let report = self.inner.score(&text);
                    Ok(self.inner.match_parsed(&report, &job))
                },
            )
        });
        raise_or_convert(py, r)
    }

    /// Scores many resumes in parallel on `threads` threads in all (default: one per core):
    /// this one, which also turns the reports into dicts, and a pool of threads - 1; the GIL is
    /// released while they score. Items are as in score (paths, bytes), or with text=True str
    /// texts as in score_text. Returns one item per input in input order: the report dict, or
    /// the UnreadableError (not raised) of an input that could not be read. Ctrl-C stops it
    /// between two resumes.
    #[pyo3(signature = (sources, threads=None, *, text=false))]
    fn score_many<'py>(
        &self,
        py: Python<'py>,
        sources: &Bound<'py, PyAny>,
        threads: Option<usize>,
        text: bool,
    ) -> PyResult<Bound<'py, PyList>> {
        let items = sources
            .try_iter()?
            .map(|o| to_source(&o?, text))
            .collect::<PyResult<Vec<Source>>>()?;
        // The reports are trees of dicts and lists without cycles; the cyclic garbage collector
        // would walk every one already built each time it runs (a third of the conversion
        // time at 10,000 reports), so it is paused until the list is complete.
        let gc = py.import("gc")?;
        let paused = gc.call_method0("isenabled")?.is_truthy()?;
        if paused {
            gc.call_method0("disable")?;
        }
        let out = self.convert_while_scoring(py, &items, threads);
        if paused {
            gc.call_method0("enable")?;
        }
        out
    }

    /// Benchmark hook (python/benches/convert.py): scores `texts` (as score_text) on a pool of
    /// `threads`, then, alone on this thread, turns every report into dicts as score_many does;
    /// returns the seconds that took and the dicts. Measure this thread's CPU time around it:
    /// the scoring runs on the pool.
    #[pyo3(signature = (texts, threads=2))]
    fn _time_conversion<'py>(
        &self,
        py: Python<'py>,
        texts: Vec<String>,
        threads: usize,
    ) -> PyResult<(f64, Bound<'py, PyList>)> {
        let items: Vec<Source> = texts.into_iter().map(Source::Text).collect();
        let pool = pool(Some(threads))?;
        let reports =
            py.allow_threads(|| par_map(pool.as_deref(), &items, |s| self.score_source(s)));
        let t0 = std::time::Instant::now();
        let mut conv = topy::Converter::new(py);
        let out = reports
            .into_iter()
            .map(|r| result_to_py(&mut conv, &r)) // (and frees the report, as score_many does)
            .collect::<PyResult<Vec<_>>>()?;
        let secs = t0.elapsed().as_secs_f64();
        Ok((secs, PyList::new(py, out)?))
    }

    /// The columns `skillgap.spark` appends, for a list of values of one column.
    #[pyo3(signature = (values, jd=None, threads=None, *, text=true))]
    fn _score_columns<'py>(
        &self,
        py: Python<'py>,
        values: &Bound<'py, PyAny>,
        jd: Option<&Bound<'py, PyAny>>,
        threads: Option<usize>,
        text: bool,
    ) -> PyResult<Bound<'py, PyTuple>> {
        let items = values
            .try_iter()?
            .map(|o| {
                let o = o?;
                if text && o.is_instance_of::<PyBytes>() {
                    return Err(PyTypeError::new_err(
                        "the text column holds bytes: pass it as bytes_col",
                    ));
                }
                to_source(&o, true)
            })
            .collect::<PyResult<Vec<Source>>>()?;
        let job = match jd {
            None => None,
            Some(j) => {
                let src = to_source(j, true)?;
                let job = py.allow_threads(|| self.job(&src));
                Some(job.map_err(UnreadableError::new_err)?)
            }
        };
        let pool = pool(threads)?;
        let rows =
            py.allow_threads(|| par_map(pool.as_deref(), &items, |s| self.row(s, job.as_ref())));
        let n = rows.len();
        let mut level = Vec::with_capacity(n);
        let mut readiness = Vec::with_capacity(n);
        let mut skills = Vec::with_capacity(n);
        let mut gaps = Vec::with_capacity(n);
        let mut pct = Vec::with_capacity(n);
        let mut missing = Vec::with_capacity(n);
        let mut report = Vec::with_capacity(n);
        let mut error = Vec::with_capacity(n);
        for r in rows {
            level.push(r.level);
            readiness.push(r.readiness);
            skills.push(r.skills);
            gaps.push(r.gaps);
            pct.push(r.match_percent);
            missing.push(r.missing_required);
            report.push(r.report);
            error.push(r.error);
        }
        (level, readiness, skills, gaps, pct, missing, report, error).into_pyobject(py)
    }
}

impl PyScorer {
    /// Scores `items` on `threads` threads in all (default: rayon's count, one per core): a pool
    /// of `threads - 1` and this thread, which between resumes of its own turns every report
    /// scored so far into Python objects (the conversion needs the GIL, so one thread does it).
    /// The GIL is released while this thread scores or waits.
    ///
    /// Why this thread scores rather than only converting beside a pool of `threads`: that
    /// ran three busy threads on two cores, and the pre-empted threads evicted each other's
    /// caches; with two, `score_many` of 10,000 texts took 4.56 instead of 5.02 CPU-s (four
    /// interleaved runs each, docs/PERFORMANCE.md). Each report is freed here once converted
    /// (handing them back to the pool to free cost more CPU time in all: 3.78 against 3.47
    /// CPU-s per 4,000 texts).
    fn convert_while_scoring<'py>(
        &self,
        py: Python<'py>,
        items: &[Source],
        threads: Option<usize>,
    ) -> PyResult<Bound<'py, PyList>> {
        let total = threads
            .filter(|&n| n > 0)
            .unwrap_or_else(rayon::current_num_threads);
        let helpers = pool(Some(total - 1).filter(|&n| n > 0))?;
        let next = AtomicUsize::new(0);
        let claim = || {
            let i = next.fetch_add(1, Ordering::Relaxed);
            (i < items.len()).then_some(i)
        };
        let (tx, rx) = mpsc::channel::<(usize, Result<Report, String>)>();
        let mut slots: Vec<Option<Bound<'py, PyAny>>> = Vec::with_capacity(items.len());
        slots.resize_with(items.len(), || None);
        let mut conv = topy::Converter::new(py);
        std::thread::scope(|scope| -> PyResult<()> {
            if let Some(p) = helpers.as_deref() {
                let tx = tx.clone();
                let claim = &claim;
                scope.spawn(move || {
                    p.broadcast(|_| {
                        while let Some(i) = claim() {
                            if tx.send((i, self.score_source(&items[i]))).is_err() {
                                break;
                            }
                        }
                    })
                });
            }
            drop(tx);
            // this thread scores too, and converts what the helpers scored between its own
            let mut own = None;
            loop {
                while let Ok((i, r)) = rx.try_recv() {
                    slots[i] = Some(result_to_py(&mut conv, &r)?);
                }
                if let Some((i, r)) = own.take() {
                    slots[i] = Some(result_to_py(&mut conv, &r)?);
                }
                // Ctrl-C (or another signal's handler raising) stops the call here: returning
                // drops the receiver, so the pool stops after the resume it is on
                py.check_signals()?;
                let Some(i) = claim() else { break };
                own = Some((i, py.allow_threads(|| self.score_source(&items[i]))));
            }
            let mut rx = rx;
            loop {
                // (the receiver is moved through: a `&Receiver` cannot cross allow_threads)
                let (next, back) = py.allow_threads(move || (rx.recv(), rx));
                rx = back;
                let Ok((i, r)) = next else { break };
                slots[i] = Some(result_to_py(&mut conv, &r)?);
                py.check_signals()?;
            }
            Ok(())
        })?;
        PyList::new(
            py,
            slots.into_iter().map(|o| o.expect("every item was scored")),
        )
    }
}

impl PyScorer {
    fn from_settings(settings: Settings) -> PyResult<Self> {
        Ok(PyScorer {
            inner: settings.scorer()?,
            settings,
        })
    }
}

fn text_source(obj: &Bound<'_, PyAny>) -> PyResult<Source> {
    match obj.downcast::<PyString>() {
        Ok(s) => Ok(Source::Text(s.to_cow()?.into_owned())),
        Err(_) => Err(PyTypeError::new_err(format!(
            "score_text takes a str, got {} (use score() for paths and bytes)",
            obj.get_type().name()?
        ))),
    }
}

fn raise_or_convert<'py, T: serde::Serialize>(
    py: Python<'py>,
    r: Result<T, String>,
) -> PyResult<Bound<'py, PyAny>> {
    match r {
        Ok(value) => to_py(py, &value),
        Err(msg) => Err(UnreadableError::new_err(msg)),
    }
}

/// The text of a resume or job description (a path, or bytes: a file's content), as skillgap
/// reads it before scoring. Raises UnreadableError with the CLI's message.
#[pyfunction]
#[pyo3(signature = (source, *, max_file_size=DEFAULT_MAX_FILE_SIZE, timeout=DEFAULT_TIMEOUT))]
fn extract_text(
    py: Python<'_>,
    source: &Bound<'_, PyAny>,
    max_file_size: u64,
    timeout: f64,
) -> PyResult<String> {
    let src = to_source(source, false)?;
    let limits = Limits {
        max_file_size,
        max_time: Some(Duration::from_secs_f64(timeout.max(0.001))),
        ..Limits::default()
    };
    py.allow_threads(|| guarded(|| src.name(), || src.read(&limits)))
        .map_err(UnreadableError::new_err)
}

#[pymodule]
fn _skillgap(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyScorer>()?;
    m.add_function(wrap_pyfunction!(extract_text, m)?)?;
    m.add("UnreadableError", m.py().get_type::<UnreadableError>())?;
    m.add("DEFAULT_MAX_FILE_SIZE", DEFAULT_MAX_FILE_SIZE)?;
    m.add("DEFAULT_TIMEOUT", DEFAULT_TIMEOUT)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}

/// mimalloc for the extension's Rust allocations (the CLI keeps the system allocator). Each
/// report is built on a pool thread and freed on the converting one; glibc's `free` of memory
/// from another thread's arena takes that arena's lock, which the scoring thread holds while it
/// allocates, so the two threads queued on each other: 6,000 to 17,000 voluntary context
/// switches per 10,000 texts, against 140 to 1,200 with mimalloc, whose cross-thread frees go
/// to a lock-free list, and `score_many` took 6.2 instead of 7.7 CPU-s (6 interleaved runs,
/// docs/PERFORMANCE.md). The CLI frees every report where it was made and measured no gain
/// (and a slower start). `local_dynamic_tls`: the extension is loaded with `dlopen`, where
/// the initial-exec TLS model can fail to load (as pydantic-core does).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
