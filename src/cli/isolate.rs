//! Extraction in a child process, so that a hostile document costs only itself.
//!
//! The library bounds what it can in-process (sizes, decompression, page count, a soft
//! deadline, caught panics), but a parser stuck inside one call, a stack overflow or a runaway
//! allocation can only be stopped from outside. [`extract_isolated`] re-runs the current
//! executable as `<exe> __extract --limits <json> --memory <bytes> -- <path>`; that child
//! ([`run_extract_child`]) caps its own address space (Linux and other Unixes, through the safe
//! `rlimit` wrapper of `setrlimit`), extracts, and prints one JSON [`Reply`] on stdout. The
//! parent kills it when `timeout` passes.
//!
//! Wiring, in `main` before parsing arguments:
//!
//! ```ignore
//! let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
//! if args.get(1).is_some_and(|a| a == isolate::CHILD_SUBCOMMAND) {
//!     return isolate::run_extract_child(&args[2..]);
//! }
//! ```
//!
//! Exit status of the child: 0 when a reply was written (the reply may carry an extraction
//! error), 1 when writing it failed, 2 for bad arguments.

use std::ffi::OsString;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitCode, ExitStatus, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};
use skillgap::extract::{from_bytes, from_path, ExtractError, Extracted, Format, Limits};

/// The hidden subcommand that runs the child side.
pub const CHILD_SUBCOMMAND: &str = "__extract";

/// Largest reply read from a child (the text of a document plus JSON escaping).
const MAX_REPLY: u64 = 256 * 1024 * 1024;
/// Stderr kept from a child, for the crash message.
const MAX_STDERR: u64 = 64 * 1024;

/// The memory cap given to a child: generous for any real resume, small enough to stop a bomb.
pub fn memory_cap(limits: &Limits) -> u64 {
    let derived = limits
        .max_decompressed
        .saturating_mul(6)
        .saturating_add(limits.max_file_size.saturating_mul(4));
    derived.max(1024 * 1024 * 1024)
}

/// Extract `path` in a child process running the current executable.
///
/// # Errors
/// Everything [`skillgap::extract::from_path`] returns, plus [`ExtractError::Timeout`] when the
/// child had not answered after `timeout` (it is killed), [`ExtractError::Crashed`] when it died
/// without answering (memory cap, stack overflow, signal) and [`ExtractError::Io`] when it could
/// not be started.
pub fn extract_isolated(
    path: &Path,
    limits: &Limits,
    timeout: Duration,
) -> Result<Extracted, ExtractError> {
    let exe = std::env::current_exe()?;
    extract_isolated_with(&exe, path, limits, timeout)
}

/// [`extract_isolated`] with an explicit executable, which must handle [`CHILD_SUBCOMMAND`]
/// (tests use the built `skillgap` binary).
pub fn extract_isolated_with(
    exe: &Path,
    path: &Path,
    limits: &Limits,
    timeout: Duration,
) -> Result<Extracted, ExtractError> {
    run_child(exe, Input::Path(path), limits, timeout)
}

/// [`extract_isolated`] for a document held in memory (an upload to `skillgap serve`): the
/// bytes go to the child on its standard input, so nothing is written to disk. `name_hint`
/// is the upload's file name, as in [`skillgap::extract::from_bytes`].
#[cfg(feature = "serve")]
pub fn extract_isolated_bytes(
    bytes: Vec<u8>,
    name_hint: Option<&str>,
    limits: &Limits,
    timeout: Duration,
) -> Result<Extracted, ExtractError> {
    let exe = std::env::current_exe()?;
    run_child(&exe, Input::Bytes(bytes, name_hint), limits, timeout)
}

/// What the child reads: a file, or bytes on its standard input.
#[cfg_attr(not(feature = "serve"), allow(dead_code))]
enum Input<'a> {
    Path(&'a Path),
    Bytes(Vec<u8>, Option<&'a str>),
}

fn run_child(
    exe: &Path,
    input: Input<'_>,
    limits: &Limits,
    timeout: Duration,
) -> Result<Extracted, ExtractError> {
    let started = Instant::now();
    let limits_json = serde_json::to_string(limits).map_err(std::io::Error::other)?;
    let cap = memory_cap(limits);
    let mut command = Command::new(exe);
    command
        .arg(CHILD_SUBCOMMAND)
        .arg("--limits")
        .arg(&limits_json)
        .arg("--memory")
        .arg(cap.to_string());
    let stdin_bytes = match input {
        Input::Path(path) => {
            command.arg("--").arg(path).stdin(Stdio::null());
            None
        }
        Input::Bytes(bytes, name) => {
            command.arg("--stdin");
            if let Some(name) = name {
                command.arg("--name").arg(name);
            }
            command.stdin(Stdio::piped());
            Some(bytes)
        }
    };
    let mut child = command
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()?;
    if let (Some(bytes), Some(mut stdin)) = (stdin_bytes, child.stdin.take()) {
        // A child that stops reading (it died, or refused the size) closes the pipe: the
        // write fails and the thread ends.
        std::thread::spawn(move || {
            let _ = stdin.write_all(&bytes);
        });
    }
    let stdout = child.stdout.take();
    let stderr = child.stderr.take();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut buf = Vec::new();
        if let Some(out) = stdout {
            let _ = out.take(MAX_REPLY).read_to_end(&mut buf);
        }
        let _ = tx.send(buf);
    });
    let stderr_reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        if let Some(err) = stderr {
            let _ = err.take(MAX_STDERR).read_to_end(&mut buf);
        }
        buf
    });
    let timed_out = || ExtractError::Timeout { limit: timeout };
    // Stdout closes when the child exits (or closes it): that is the wake-up, no polling.
    let reply = match rx.recv_timeout(timeout) {
        Ok(reply) => reply,
        Err(_) => {
            kill(&mut child);
            return Err(timed_out());
        }
    };
    let remaining = timeout.saturating_sub(started.elapsed());
    let Some(status) = wait_until(&mut child, remaining) else {
        kill(&mut child);
        return Err(timed_out());
    };
    match serde_json::from_slice::<Reply>(&reply) {
        Ok(Reply::Ok { doc }) => Ok(doc),
        Ok(Reply::Err { error }) => Err(error.into()),
        Err(_) => {
            let stderr = stderr_reader.join().unwrap_or_default();
            Err(ExtractError::Crashed {
                detail: crash_detail(status, &stderr, cap),
            })
        }
    }
}

fn kill(child: &mut Child) {
    let _ = child.kill();
    let _ = child.wait();
}

/// Wait for the child to exit, at most `limit`.
fn wait_until(child: &mut Child, limit: Duration) -> Option<ExitStatus> {
    let deadline = Instant::now() + limit;
    let mut pause = Duration::from_micros(200);
    loop {
        match child.try_wait() {
            Ok(Some(status)) => return Some(status),
            Ok(None) if Instant::now() < deadline => {
                std::thread::sleep(pause);
                pause = (pause * 2).min(Duration::from_millis(20));
            }
            _ => return None,
        }
    }
}

/// How a child died, in one line.
fn crash_detail(status: ExitStatus, stderr: &[u8], cap: u64) -> String {
    let stderr = String::from_utf8_lossy(stderr);
    if stderr.contains("memory allocation of") {
        return format!("ran out of memory (cap {} MiB)", cap / (1024 * 1024));
    }
    let how = describe_status(status);
    let last = stderr
        .lines()
        .rev()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with("note:"));
    match last {
        Some(line) => format!("{how}: {}", line.chars().take(160).collect::<String>()),
        None => how,
    }
}

#[cfg(unix)]
fn describe_status(status: ExitStatus) -> String {
    use std::os::unix::process::ExitStatusExt;
    match (status.code(), status.signal()) {
        (_, Some(6)) => "aborted (SIGABRT)".to_string(),
        (_, Some(9)) => "killed (SIGKILL)".to_string(),
        (_, Some(11)) => "segmentation fault (SIGSEGV)".to_string(),
        (_, Some(sig)) => format!("killed by signal {sig}"),
        (Some(code), None) => format!("exit status {code}"),
        (None, None) => "ended without status".to_string(),
    }
}

#[cfg(not(unix))]
fn describe_status(status: ExitStatus) -> String {
    match status.code() {
        Some(code) => format!("exit status {code}"),
        None => "ended without status".to_string(),
    }
}

/// The child side of [`extract_isolated`]: `[--limits JSON] [--memory BYTES] [--] PATH`, or
/// with `--stdin [--name NAME]` instead of a path the document on standard input.
pub fn run_extract_child(args: &[OsString]) -> ExitCode {
    let mut limits = Limits::default();
    let mut memory: Option<u64> = None;
    let mut path: Option<PathBuf> = None;
    let mut serve = false;
    let mut stdin = false;
    let mut name: Option<String> = None;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.to_str() {
            Some("--limits") => {
                let parsed = it
                    .next()
                    .and_then(|v| v.to_str())
                    .and_then(|v| serde_json::from_str(v).ok());
                match parsed {
                    Some(l) => limits = l,
                    None => return usage("--limits needs a JSON value"),
                }
            }
            Some("--memory") => {
                match it
                    .next()
                    .and_then(|v| v.to_str())
                    .and_then(|v| v.parse().ok())
                {
                    Some(m) => memory = Some(m),
                    None => return usage("--memory needs a number of bytes"),
                }
            }
            Some("--serve") => serve = true,
            Some("--stdin") => stdin = true,
            Some("--name") => match it.next().and_then(|v| v.to_str()) {
                Some(n) => name = Some(n.to_string()),
                None => return usage("--name needs a file name"),
            },
            Some("--") => {
                path = it.next().map(PathBuf::from);
                break;
            }
            _ => path = Some(PathBuf::from(arg)),
        }
    }
    if serve {
        if let Some(bytes) = memory {
            cap_memory(bytes);
        }
        return serve_requests(&limits);
    }
    if path.is_none() && !stdin {
        return usage("missing file");
    }
    if let Some(bytes) = memory {
        cap_memory(bytes);
    }
    let extracted = match &path {
        Some(path) => from_path(path, &limits),
        None => read_stdin(&limits).and_then(|b| from_bytes(&b, name.as_deref(), &limits)),
    };
    let reply = match extracted {
        Ok(doc) => Reply::Ok { doc },
        Err(e) => Reply::Err { error: e.into() },
    };
    let mut out = std::io::stdout().lock();
    let written = serde_json::to_writer(&mut out, &reply)
        .map_err(std::io::Error::other)
        .and_then(|()| out.flush());
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(_) => ExitCode::from(1),
    }
}

/// The worker side of [`Pool`]: read requests (a path, length-prefixed) from stdin until it
/// closes, answer each with one line of JSON [`Reply`] on stdout.
fn serve_requests(limits: &Limits) -> ExitCode {
    let mut input = std::io::stdin().lock();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    loop {
        let path = match read_request(&mut input) {
            Ok(Some(path)) => path,
            Ok(None) => return ExitCode::SUCCESS,
            Err(_) => return usage("unreadable request"),
        };
        let reply = match from_path(&path, limits) {
            Ok(doc) => Reply::Ok { doc },
            Err(e) => Reply::Err { error: e.into() },
        };
        let written = serde_json::to_writer(&mut out, &reply)
            .map_err(std::io::Error::other)
            .and_then(|()| out.write_all(b"\n"))
            .and_then(|()| out.flush());
        if written.is_err() {
            return ExitCode::from(1);
        }
    }
}

/// Longest path a worker accepts in a request.
const MAX_REQUEST: u32 = 64 * 1024;

fn write_request(to: &mut impl Write, path: &Path) -> std::io::Result<()> {
    let bytes = path_bytes(path);
    let len = u32::try_from(bytes.len())
        .ok()
        .filter(|&n| n <= MAX_REQUEST)
        .ok_or_else(|| std::io::Error::other("path too long"))?;
    to.write_all(&len.to_le_bytes())?;
    to.write_all(&bytes)?;
    to.flush()
}

/// `Ok(None)` at the end of the input.
fn read_request(from: &mut impl Read) -> std::io::Result<Option<PathBuf>> {
    let mut len = [0u8; 4];
    match from.read_exact(&mut len) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => return Ok(None),
        Err(e) => return Err(e),
    }
    let len = u32::from_le_bytes(len);
    if len > MAX_REQUEST {
        return Err(std::io::Error::other("request too long"));
    }
    let mut bytes = vec![0u8; len as usize];
    from.read_exact(&mut bytes)?;
    Ok(Some(path_from_bytes(bytes)))
}

#[cfg(unix)]
fn path_bytes(path: &Path) -> Vec<u8> {
    use std::os::unix::ffi::OsStrExt;
    path.as_os_str().as_bytes().to_vec()
}

#[cfg(unix)]
fn path_from_bytes(bytes: Vec<u8>) -> PathBuf {
    use std::os::unix::ffi::OsStringExt;
    PathBuf::from(OsString::from_vec(bytes))
}

#[cfg(not(unix))]
fn path_bytes(path: &Path) -> Vec<u8> {
    path.to_string_lossy().into_owned().into_bytes()
}

#[cfg(not(unix))]
fn path_from_bytes(bytes: Vec<u8>) -> PathBuf {
    PathBuf::from(String::from_utf8_lossy(&bytes).into_owned())
}

/// Long-lived isolated extraction workers, for a batch: the same child process as
/// [`extract_isolated`] (same memory cap, killed at the same timeout), started once and given
/// file after file instead of one process per file.
///
/// A call takes an idle worker (or starts one), sends it the path and waits for its reply at most
/// the timeout. A worker that does not answer in time is killed; one that dies (memory cap,
/// stack overflow, signal) is reaped and its stderr tells why; either way the file gets the
/// error ([`ExtractError::Timeout`], [`ExtractError::Crashed`]) and the worker is not reused: the
/// next call starts a new one. A worker is also retired after [`Pool::JOBS_PER_WORKER`] files, so
/// that nothing one file leaves behind (a grown heap) stays for long. Workers end when the pool
/// is dropped or the parent exits (their standard input closes).
pub struct Pool {
    exe: PathBuf,
    limits_json: String,
    memory: u64,
    idle: std::sync::Mutex<Vec<Worker>>,
    started: std::sync::atomic::AtomicUsize,
}

impl std::fmt::Debug for Pool {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pool")
            .field("exe", &self.exe)
            .field("started", &self.started())
            .finish_non_exhaustive()
    }
}

struct Worker {
    child: Child,
    stdin: std::process::ChildStdin,
    replies: mpsc::Receiver<std::io::Result<Vec<u8>>>,
    stderr: std::sync::Arc<std::sync::Mutex<Vec<u8>>>,
    jobs: usize,
}

impl Pool {
    /// Files one worker reads before it is retired.
    pub const JOBS_PER_WORKER: usize = 500;

    /// A pool of workers running the current executable.
    pub fn new(limits: &Limits) -> std::io::Result<Pool> {
        Ok(Pool::with_exe(&std::env::current_exe()?, limits))
    }

    /// A pool of workers running `exe`, which must handle [`CHILD_SUBCOMMAND`] `--serve`.
    pub fn with_exe(exe: &Path, limits: &Limits) -> Pool {
        Pool {
            exe: exe.to_path_buf(),
            limits_json: serde_json::to_string(limits).unwrap_or_default(),
            memory: memory_cap(limits),
            idle: std::sync::Mutex::new(Vec::new()),
            started: std::sync::atomic::AtomicUsize::new(0),
        }
    }

    /// Workers started so far (replacements included).
    pub fn started(&self) -> usize {
        self.started.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// Process ids of the idle workers.
    #[allow(dead_code)] // tests/isolate.rs
    pub fn idle_pids(&self) -> Vec<u32> {
        self.lock().iter().map(|w| w.child.id()).collect()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<Worker>> {
        self.idle
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Extract `path` in a worker, as [`extract_isolated`] does in a new child.
    ///
    /// # Errors
    /// As [`extract_isolated`].
    pub fn extract(&self, path: &Path, timeout: Duration) -> Result<Extracted, ExtractError> {
        let started = Instant::now();
        // An idle worker that died meanwhile (killed from outside) is not this file's fault.
        let mut worker = loop {
            let next = self.lock().pop();
            match next {
                Some(mut w) => {
                    if matches!(w.child.try_wait(), Ok(None)) {
                        break w;
                    }
                    kill(&mut w.child);
                }
                None => break self.spawn()?,
            }
        };
        if write_request(&mut worker.stdin, path).is_err() {
            // It died between the check and the request: one more try with a new worker.
            kill(&mut worker.child);
            worker = self.spawn()?;
            if write_request(&mut worker.stdin, path).is_err() {
                // A new worker that cannot take a request has died: say how.
                return Err(self.crashed(worker));
            }
        }
        let remaining = timeout.saturating_sub(started.elapsed());
        match worker.replies.recv_timeout(remaining) {
            Ok(Ok(line)) => match serde_json::from_slice::<Reply>(&line) {
                Ok(reply) => {
                    worker.jobs += 1;
                    if worker.jobs < Self::JOBS_PER_WORKER {
                        self.lock().push(worker);
                    } else {
                        retire(worker);
                    }
                    match reply {
                        Reply::Ok { doc } => Ok(doc),
                        Reply::Err { error } => Err(error.into()),
                    }
                }
                Err(_) => Err(self.crashed(worker)),
            },
            Ok(Err(_)) | Err(mpsc::RecvTimeoutError::Disconnected) => Err(self.crashed(worker)),
            Err(mpsc::RecvTimeoutError::Timeout) => {
                kill(&mut worker.child);
                Err(ExtractError::Timeout { limit: timeout })
            }
        }
    }

    /// Reap a worker that ended without a reply, and say why.
    fn crashed(&self, mut worker: Worker) -> ExtractError {
        let status = wait_until(&mut worker.child, Duration::from_secs(2));
        let Some(status) = status else {
            kill(&mut worker.child);
            return ExtractError::Crashed {
                detail: "the worker stopped answering".into(),
            };
        };
        // Its stderr reader ends at the same time; give it a moment to take the last line.
        std::thread::sleep(Duration::from_millis(5));
        let stderr = worker.stderr.lock().map(|b| b.clone()).unwrap_or_default();
        ExtractError::Crashed {
            detail: crash_detail(status, &stderr, self.memory),
        }
    }

    fn spawn(&self) -> Result<Worker, ExtractError> {
        let mut child = Command::new(&self.exe)
            .arg(CHILD_SUBCOMMAND)
            .arg("--serve")
            .arg("--limits")
            .arg(&self.limits_json)
            .arg("--memory")
            .arg(self.memory.to_string())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()?;
        self.started
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let (Some(stdin), Some(stdout), Some(stderr_pipe)) =
            (child.stdin.take(), child.stdout.take(), child.stderr.take())
        else {
            kill(&mut child);
            return Err(std::io::Error::other("worker pipes missing").into());
        };
        let (tx, replies) = mpsc::channel();
        std::thread::Builder::new()
            .name("skillgap-worker-out".into())
            .spawn(move || {
                let mut reader = std::io::BufReader::new(stdout);
                loop {
                    let mut line = Vec::new();
                    let read = std::io::BufRead::read_until(
                        &mut (&mut reader).take(MAX_REPLY),
                        b'\n',
                        &mut line,
                    );
                    match read {
                        Ok(0) => break,
                        Ok(_) if line.ends_with(b"\n") => {
                            if tx.send(Ok(line)).is_err() {
                                break;
                            }
                        }
                        Ok(_) => break, // cut short: the worker died mid-reply
                        Err(e) => {
                            let _ = tx.send(Err(e));
                            break;
                        }
                    }
                }
            })?;
        let stderr = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let keep = std::sync::Arc::clone(&stderr);
        std::thread::Builder::new()
            .name("skillgap-worker-err".into())
            .spawn(move || {
                let mut pipe = stderr_pipe;
                let mut buf = [0u8; 4096];
                while let Ok(n) = pipe.read(&mut buf) {
                    if n == 0 {
                        break;
                    }
                    if let Ok(mut kept) = keep.lock() {
                        kept.extend_from_slice(&buf[..n]);
                        // Only the end matters (the last line says why it died).
                        if kept.len() as u64 > MAX_STDERR {
                            let cut = kept.len() - MAX_STDERR as usize / 2;
                            kept.drain(..cut);
                        }
                    }
                }
            })?;
        Ok(Worker {
            child,
            stdin,
            replies,
            stderr,
            jobs: 0,
        })
    }
}

/// Close a worker's input (it exits) and reap it without blocking for long.
fn retire(mut worker: Worker) {
    drop(worker.stdin);
    if wait_until(&mut worker.child, Duration::from_millis(200)).is_none() {
        kill(&mut worker.child);
    }
}

impl Drop for Pool {
    fn drop(&mut self) {
        for worker in self.lock().drain(..) {
            retire(worker);
        }
    }
}

/// Standard input, at most one byte over the size limit (so that `from_bytes` refuses it).
fn read_stdin(limits: &Limits) -> Result<Vec<u8>, ExtractError> {
    let mut buf = Vec::new();
    std::io::stdin()
        .lock()
        .take(limits.max_file_size.saturating_add(1))
        .read_to_end(&mut buf)?;
    Ok(buf)
}

fn usage(msg: &str) -> ExitCode {
    eprintln!("{CHILD_SUBCOMMAND}: {msg}");
    ExitCode::from(2)
}

/// Cap the address space of this process (the child) to `bytes`.
#[cfg(unix)]
fn cap_memory(bytes: u64) {
    if let Err(e) = rlimit::setrlimit(rlimit::Resource::AS, bytes, bytes) {
        eprintln!("{CHILD_SUBCOMMAND}: memory cap not set: {e}");
    }
}

#[cfg(not(unix))]
fn cap_memory(_bytes: u64) {}

/// What a child prints on stdout.
#[derive(Debug, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "kebab-case")]
pub enum Reply {
    /// The document's text.
    Ok {
        /// The extracted document.
        doc: Extracted,
    },
    /// Why there is no text.
    Err {
        /// The error, in a form that survives JSON.
        error: WireError,
    },
}

/// [`ExtractError`] as JSON (an I/O error keeps its kind and message).
#[derive(Debug, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
#[allow(missing_docs)]
pub enum WireError {
    TooLarge {
        size: u64,
        limit: u64,
    },
    TextTooLarge {
        size: u64,
        limit: u64,
    },
    TooManyPages {
        pages: usize,
        limit: usize,
    },
    DecompressionLimit {
        format: Format,
        what: String,
        limit: u64,
    },
    CompressionRatio {
        format: Format,
        what: String,
        ratio: u64,
        limit: u64,
    },
    Empty,
    ScannedPdf,
    EncryptedPdf,
    Corrupt {
        format: Format,
        detail: String,
    },
    Unsupported {
        what: String,
    },
    Io {
        not_found: bool,
        permission_denied: bool,
        message: String,
    },
    Panicked {
        detail: String,
    },
    Timeout {
        limit_ms: u64,
    },
    Crashed {
        detail: String,
    },
}

impl From<ExtractError> for WireError {
    fn from(e: ExtractError) -> Self {
        match e {
            ExtractError::TooLarge { size, limit } => WireError::TooLarge { size, limit },
            ExtractError::TextTooLarge { size, limit } => WireError::TextTooLarge { size, limit },
            ExtractError::TooManyPages { pages, limit } => WireError::TooManyPages { pages, limit },
            ExtractError::DecompressionLimit {
                format,
                what,
                limit,
            } => WireError::DecompressionLimit {
                format,
                what,
                limit,
            },
            ExtractError::CompressionRatio {
                format,
                what,
                ratio,
                limit,
            } => WireError::CompressionRatio {
                format,
                what,
                ratio,
                limit,
            },
            ExtractError::Empty => WireError::Empty,
            ExtractError::ScannedPdf => WireError::ScannedPdf,
            ExtractError::EncryptedPdf => WireError::EncryptedPdf,
            ExtractError::Corrupt { format, detail } => WireError::Corrupt { format, detail },
            ExtractError::Unsupported { what } => WireError::Unsupported { what },
            ExtractError::Io(e) => WireError::Io {
                not_found: e.kind() == std::io::ErrorKind::NotFound,
                permission_denied: e.kind() == std::io::ErrorKind::PermissionDenied,
                message: e.to_string(),
            },
            ExtractError::Panicked { detail } => WireError::Panicked { detail },
            ExtractError::Timeout { limit } => WireError::Timeout {
                limit_ms: u64::try_from(limit.as_millis()).unwrap_or(u64::MAX),
            },
            ExtractError::Crashed { detail } => WireError::Crashed { detail },
            other => WireError::Crashed {
                detail: other.to_string(),
            },
        }
    }
}

impl From<WireError> for ExtractError {
    fn from(e: WireError) -> Self {
        match e {
            WireError::TooLarge { size, limit } => ExtractError::TooLarge { size, limit },
            WireError::TextTooLarge { size, limit } => ExtractError::TextTooLarge { size, limit },
            WireError::TooManyPages { pages, limit } => ExtractError::TooManyPages { pages, limit },
            WireError::DecompressionLimit {
                format,
                what,
                limit,
            } => ExtractError::DecompressionLimit {
                format,
                what,
                limit,
            },
            WireError::CompressionRatio {
                format,
                what,
                ratio,
                limit,
            } => ExtractError::CompressionRatio {
                format,
                what,
                ratio,
                limit,
            },
            WireError::Empty => ExtractError::Empty,
            WireError::ScannedPdf => ExtractError::ScannedPdf,
            WireError::EncryptedPdf => ExtractError::EncryptedPdf,
            WireError::Corrupt { format, detail } => ExtractError::Corrupt { format, detail },
            WireError::Unsupported { what } => ExtractError::Unsupported { what },
            WireError::Io {
                not_found,
                permission_denied,
                message,
            } => {
                let kind = if not_found {
                    std::io::ErrorKind::NotFound
                } else if permission_denied {
                    std::io::ErrorKind::PermissionDenied
                } else {
                    std::io::ErrorKind::Other
                };
                ExtractError::Io(std::io::Error::new(kind, message))
            }
            WireError::Panicked { detail } => ExtractError::Panicked { detail },
            WireError::Timeout { limit_ms } => ExtractError::Timeout {
                limit: Duration::from_millis(limit_ms),
            },
            WireError::Crashed { detail } => ExtractError::Crashed { detail },
        }
    }
}
