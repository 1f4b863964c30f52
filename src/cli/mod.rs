//! The command-line interface: a thin layer over the library.

pub mod args;
pub mod batch;
pub mod deadline;
pub mod eval;
pub mod fit;
pub mod format;
pub mod input;
#[cfg(feature = "extract")]
pub mod isolate;
pub mod jd;
pub mod options;
pub mod score;
#[cfg(feature = "serve")]
pub mod serve;
pub mod taxonomy;
pub mod width;

use std::io::{self, Write};
use std::process::ExitCode;

/// Exit codes are part of the interface (see `--help`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// Everything went fine.
    Ok = 0,
    /// A `--fail-under` threshold was not met.
    Threshold = 1,
    /// Usage error or invalid taxonomy.
    Usage = 2,
    /// An input could not be read.
    Input = 3,
}

impl From<Exit> for ExitCode {
    fn from(e: Exit) -> ExitCode {
        ExitCode::from(e as u8)
    }
}

/// An error that ends a command, with its exit code. Its message is one line.
#[derive(Debug)]
pub struct Failure {
    pub exit: Exit,
    pub message: String,
}

impl Failure {
    pub fn usage(message: impl Into<String>) -> Failure {
        Failure {
            exit: Exit::Usage,
            message: message.into(),
        }
    }

    pub fn input(message: impl Into<String>) -> Failure {
        Failure {
            exit: Exit::Input,
            message: message.into(),
        }
    }
}

impl From<io::Error> for Failure {
    /// Output errors. A closed pipe (`skillgap ... | head`) is not a failure:
    /// it maps to a quiet exit 0.
    fn from(e: io::Error) -> Failure {
        if is_broken_pipe(&e) {
            return Failure {
                exit: Exit::Ok,
                message: String::new(),
            };
        }
        Failure {
            exit: Exit::Input,
            message: format!("cannot write output: {e}"),
        }
    }
}

/// Loads the taxonomy named by `--taxonomy`, or the built-in one.
pub fn load_taxonomy(path: Option<&std::path::Path>) -> Result<skillgap::Taxonomy, Failure> {
    match path {
        None => Ok(skillgap::Taxonomy::builtin()),
        Some(p) => {
            skillgap::Taxonomy::from_path(p).map_err(|e| Failure::usage(format!("taxonomy {e}")))
        }
    }
}

/// The taxonomy of `--role ID` (a built-in role) or, without it, of `--taxonomy`
/// (clap keeps the two apart). An unknown id is a usage error listing the ids.
pub fn load_role_or_taxonomy(
    role: Option<&str>,
    path: Option<&std::path::Path>,
) -> Result<skillgap::Taxonomy, Failure> {
    match role {
        Some(id) => skillgap::Taxonomy::builtin_role(id).map_err(|e| Failure::usage(e.to_string())),
        None => load_taxonomy(path),
    }
}

/// Builds a scorer from the command-line options. Without `--as-of`,
/// "Present" is this month (the library's default).
pub fn build_scorer(
    taxonomy: skillgap::Taxonomy,
    matching: &options::MatchArgs,
    level: Option<&str>,
) -> Result<skillgap::Scorer, Failure> {
    let mut b = skillgap::Scorer::builder(taxonomy).fuzzy(!matching.no_fuzzy);
    if let Some(t) = matching.fuzzy_threshold {
        b = b.fuzzy_threshold(t);
    }
    if let Some(month) = matching.as_of {
        b = b.as_of(month);
    }
    if let Some(l) = level {
        b = b.target_level(l);
    }
    b.build().map_err(|e| Failure::usage(e.to_string()))
}

/// Runs `f` with a buffered, colour-aware stdout, flushing at the end.
pub fn with_stdout<T>(
    color: options::ColorChoice,
    f: impl FnOnce(&mut dyn Write) -> io::Result<T>,
) -> io::Result<T> {
    let choice = match color {
        options::ColorChoice::Auto => anstream::ColorChoice::Auto,
        options::ColorChoice::Always => anstream::ColorChoice::Always,
        options::ColorChoice::Never => anstream::ColorChoice::Never,
    };
    choice.write_global();
    let colored = anstream::AutoStream::choice(&io::stdout()) != anstream::ColorChoice::Never;
    let buffered = io::BufWriter::new(io::stdout().lock());
    let mut out: Box<dyn Write> = if colored {
        Box::new(buffered)
    } else {
        Box::new(Strip(buffered))
    };
    let value = f(&mut out)?;
    out.flush()?;
    Ok(value)
}

/// Like [`with_stdout`], or into `path` (created or truncated, colour
/// stripped unless `--color always`) when `--output` names one.
pub fn with_output<T>(
    color: options::ColorChoice,
    path: Option<&std::path::Path>,
    f: impl FnOnce(&mut dyn Write) -> io::Result<T>,
) -> Result<T, Failure> {
    let Some(path) = path else {
        return Ok(with_stdout(color, f)?);
    };
    let cannot = |e: io::Error| {
        Failure::usage(format!(
            "cannot write {}: {}",
            path.display(),
            input::io_cause(&e)
        ))
    };
    let file = std::fs::File::create(path).map_err(cannot)?;
    let buffered = io::BufWriter::new(file);
    let mut out: Box<dyn Write> = if color == options::ColorChoice::Always {
        Box::new(buffered)
    } else {
        Box::new(Strip(buffered))
    };
    let value = f(&mut out).map_err(cannot)?;
    out.flush().map_err(cannot)?;
    Ok(value)
}

/// True when `e` is a closed pipe (`skillgap ... | head`), which ends quietly.
pub fn is_broken_pipe(e: &io::Error) -> bool {
    e.kind() == io::ErrorKind::BrokenPipe
}

/// A writer that drops ANSI styling (for pipes, files and `NO_COLOR`).
pub struct Strip<W: Write>(pub W);

impl<W: Write> Write for Strip<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        for chunk in anstream::adapter::strip_bytes(buf) {
            self.0.write_all(chunk)?;
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.0.flush()
    }
}
