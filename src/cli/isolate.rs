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
use skillgap::extract::{from_path, ExtractError, Extracted, Format, Limits};

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
    let started = Instant::now();
    let limits_json = serde_json::to_string(limits).map_err(std::io::Error::other)?;
    let cap = memory_cap(limits);
    let mut child = Command::new(exe)
        .arg(CHILD_SUBCOMMAND)
        .arg("--limits")
        .arg(&limits_json)
        .arg("--memory")
        .arg(cap.to_string())
        .arg("--")
        .arg(path)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()?;
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

/// The child side of [`extract_isolated`]: `[--limits JSON] [--memory BYTES] [--] PATH`.
pub fn run_extract_child(args: &[OsString]) -> ExitCode {
    let mut limits = Limits::default();
    let mut memory: Option<u64> = None;
    let mut path: Option<PathBuf> = None;
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
            Some("--") => {
                path = it.next().map(PathBuf::from);
                break;
            }
            _ => path = Some(PathBuf::from(arg)),
        }
    }
    let Some(path) = path else {
        return usage("missing file");
    };
    if let Some(bytes) = memory {
        cap_memory(bytes);
    }
    let reply = match from_path(&path, &limits) {
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
