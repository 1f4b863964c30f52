//! The library's error type.

use std::fmt;
use std::path::PathBuf;

/// Everything that can go wrong in the library.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A taxonomy file is malformed or inconsistent. `problems` lists all of them.
    #[error("{origin}:{}{}", problems.first().map(ToString::to_string).unwrap_or_default(), more(problems.len()))]
    InvalidTaxonomy {
        /// The file name (or `<string>`) the taxonomy came from.
        origin: String,
        /// Every problem found, in file order.
        problems: Vec<Problem>,
    },
    /// A file could not be read.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// A level id that the taxonomy does not define.
    #[error("unknown level `{given}`{}", suggest(suggestion.as_deref(), known))]
    UnknownLevel {
        /// What was asked for.
        given: String,
        /// The closest known level, when one is close.
        suggestion: Option<String>,
        /// All known levels.
        known: Vec<String>,
    },
    /// A role id that is not built in (`batch --role`, `taxonomy list --role`).
    #[error("unknown role `{given}`{} (roles: {})", suggestion.as_deref().map(|s| format!(", did you mean `{s}`?")).unwrap_or_default(), known.join(", "))]
    UnknownRole {
        /// What was asked for.
        given: String,
        /// The closest role id, when one is close.
        suggestion: Option<String>,
        /// Every built-in role id.
        known: Vec<String>,
    },
    /// A setting is out of its range.
    #[error("invalid setting: {0}")]
    InvalidSetting(String),
}

fn more(n: usize) -> String {
    match n {
        0 | 1 => String::new(),
        2 => " (and 1 more problem)".to_string(),
        n => format!(" (and {} more problems)", n - 1),
    }
}

fn suggest(suggestion: Option<&str>, known: &[String]) -> String {
    match suggestion {
        Some(s) => format!(", did you mean `{s}`?"),
        None => format!(" (known: {})", known.join(", ")),
    }
}

/// One problem in a taxonomy file, with its position when known.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Problem {
    /// 1-based line, when the problem could be located.
    pub line: Option<usize>,
    /// 1-based column, when the problem could be located.
    pub column: Option<usize>,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub hint: Option<String>,
}

impl Problem {
    /// A problem without a position yet.
    pub fn new(message: impl Into<String>, hint: Option<String>) -> Problem {
        Problem {
            line: None,
            column: None,
            message: message.into(),
            hint,
        }
    }
}

impl fmt::Display for Problem {
    /// `LINE:COLUMN: message (hint: ...)`, without the file name.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.line, self.column) {
            (Some(l), Some(c)) => write!(f, "{l}:{c}: ")?,
            (Some(l), None) => write!(f, "{l}: ")?,
            _ => write!(f, " ")?,
        }
        f.write_str(&self.message)?;
        if let Some(h) = &self.hint {
            write!(f, " (hint: {h})")?;
        }
        Ok(())
    }
}

/// The closest of `candidates` to `given`, if it is close enough to be a typo.
pub(crate) fn did_you_mean<'a>(
    given: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<String> {
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(given, c), c))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_level_suggests_the_closest() {
        let e = Error::UnknownLevel {
            given: "seinor".into(),
            suggestion: did_you_mean("seinor", ["junior", "mid", "senior"]),
            known: vec!["junior".into(), "mid".into(), "senior".into()],
        };
        assert_eq!(
            e.to_string(),
            "unknown level `seinor`, did you mean `senior`?"
        );
    }

    #[test]
    fn invalid_taxonomy_is_one_line() {
        let p = |l| Problem {
            line: Some(l),
            column: Some(3),
            message: "unknown skill `x`".into(),
            hint: Some("define it".into()),
        };
        let e = Error::InvalidTaxonomy {
            origin: "t.yaml".into(),
            problems: vec![p(4), p(9)],
        };
        assert_eq!(
            e.to_string(),
            "t.yaml:4:3: unknown skill `x` (hint: define it) (and 1 more problem)"
        );
    }
}
