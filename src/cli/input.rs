//! Reading inputs — files or standard input — to text, through the
//! extraction layer. PDF and DOCX files are extracted in a child process
//! (see [`super::isolate`]) so that a hostile file costs only itself.

use super::options::InputArgs;
use super::Failure;
use skillgap::extract::{self, ExtractError, Extracted, Limits};
use std::io::Read;
use std::path::Path;
use std::time::Duration;

/// How an input is named in messages: its path, or `<stdin>` for `-`.
pub fn display_name(path: &Path) -> String {
    if path == Path::new("-") {
        "<stdin>".to_string()
    } else {
        path.display().to_string()
    }
}

/// Extraction settings from the command line.
#[derive(Debug, Clone)]
pub struct Reader {
    pub limits: Limits,
    pub timeout: Duration,
    pub isolate: bool,
    /// Long-lived extraction workers (batch); without them, one child process per file.
    pub pool: Option<std::sync::Arc<super::isolate::Pool>>,
}

impl Reader {
    pub fn new(args: &InputArgs) -> Reader {
        let mut limits = Limits::default();
        if let Some(size) = args.max_file_size {
            limits.max_file_size = size;
        }
        if let Some(size) = args.max_text_size {
            limits.max_text_size = size;
        }
        limits.max_pages = args.max_pages as usize;
        let timeout = Duration::from_secs_f64(args.timeout);
        // The in-process soft deadline (--no-isolate, text formats) is the same one.
        limits.max_time = Some(timeout);
        Reader {
            limits,
            timeout,
            isolate: !args.no_isolate,
            pool: None,
        }
    }

    /// This reader with a pool of long-lived isolated workers for PDF and DOCX files (same
    /// limits, see [`super::isolate::Pool`]), for runs over many files; without isolation,
    /// or when the executable cannot be found, unchanged.
    pub fn pooled(mut self) -> Reader {
        if self.isolate {
            self.pool = super::isolate::Pool::new(&self.limits)
                .ok()
                .map(std::sync::Arc::new);
        }
        self
    }

    /// Reads a resume or job description as text. The error names the file and
    /// the cause in one line.
    pub fn read(&self, path: &Path) -> Result<Extracted, Failure> {
        self.extract(path)
            .map_err(|e| Failure::input(format!("{}: {}", display_name(path), cause(&e))))
    }

    /// [`Reader::read`] with the typed error, for callers that name the file themselves.
    pub fn extract(&self, path: &Path) -> Result<Extracted, ExtractError> {
        if path == Path::new("-") {
            let mut buf = Vec::new();
            std::io::stdin()
                .take(self.limits.max_file_size + 1)
                .read_to_end(&mut buf)
                .map_err(ExtractError::Io)
                .and_then(|_| extract::from_bytes(&buf, None, &self.limits))
        } else if self.isolate && needs_isolation(path) {
            match &self.pool {
                Some(pool) => pool.extract(path, self.timeout),
                None => super::isolate::extract_isolated(path, &self.limits, self.timeout),
            }
        } else {
            extract::from_path(path, &self.limits)
        }
    }
}

#[cfg(feature = "serve")]
impl Reader {
    /// [`Reader::extract`] for a document held in memory (an upload to `skillgap serve`):
    /// PDF and DOCX go through a child process on its standard input, like files do,
    /// text formats are read here. Nothing is written to disk.
    pub fn extract_bytes(
        &self,
        bytes: Vec<u8>,
        name_hint: Option<&str>,
    ) -> Result<Extracted, ExtractError> {
        if self.isolate && (bytes.starts_with(b"%PDF") || bytes.starts_with(b"PK")) {
            super::isolate::extract_isolated_bytes(bytes, name_hint, &self.limits, self.timeout)
        } else {
            extract::from_bytes(&bytes, name_hint, &self.limits)
        }
    }
}

/// PDF and zip (DOCX) files go through a child process; text formats do not need to.
/// Only a regular file is opened to look: a named pipe would block the open, and
/// reading it would take bytes the extraction needs (the extraction then refuses it).
fn needs_isolation(path: &Path) -> bool {
    if !std::fs::metadata(path).is_ok_and(|m| m.is_file()) {
        return false;
    }
    let mut head = [0u8; 5];
    let n = std::fs::File::open(path)
        .and_then(|mut f| f.read(&mut head))
        .unwrap_or(0);
    head[..n].starts_with(b"%PDF") || head[..n].starts_with(b"PK")
}

/// One short line for an extraction error (the library's [`ExtractError::cause`], with the
/// CLI's hint for a folder).
pub fn cause(e: &ExtractError) -> String {
    match e {
        ExtractError::Io(io) => io_cause(io),
        other => other.cause(),
    }
}

/// A short cause for an I/O error, without the OS error number.
pub fn io_cause(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::IsADirectory => {
            "is a directory (use `skillgap batch` for folders)".to_string()
        }
        _ => extract::io_cause(e),
    }
}
