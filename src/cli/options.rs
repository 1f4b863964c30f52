//! Option groups that several commands share (taxonomy, input limits,
//! matching, colour, width), and their value parsers.

use clap::{Args, ValueEnum};
use std::path::PathBuf;

/// Options shared by commands that load a taxonomy.
#[derive(Debug, Args, Clone)]
pub struct TaxonomyArg {
    /// Taxonomy file (YAML). A file with `extends: builtin` adds to the built-in
    /// backend-developer taxonomy; any other file replaces it.
    #[arg(short, long, value_name = "FILE")]
    pub taxonomy: Option<PathBuf>,
}

/// Input options.
#[derive(Debug, Args, Clone)]
pub struct InputArgs {
    /// Largest input file read, e.g. 20MiB or 500K.
    #[arg(long, value_name = "SIZE", value_parser = parse_size, default_value = "20MiB")]
    pub max_file_size: Option<u64>,
    /// Longest text scored, after extraction, e.g. 4MiB: a longer one is refused (resumes are
    /// well under 100K of text; scoring time grows with the text).
    #[arg(long, value_name = "SIZE", value_parser = parse_size, default_value = "4MiB")]
    pub max_text_size: Option<u64>,
    /// Most pages a PDF may have; a longer one is refused unread (resumes are a few pages).
    #[arg(long, value_name = "N", default_value_t = 50, value_parser = clap::value_parser!(u32).range(1..=100_000))]
    pub max_pages: u32,
    /// Seconds one file may take, reading, extraction and scoring together, before it is
    /// given up on: `score` exits 3 (with --jd, reading and matching the job count too),
    /// `batch` and `eval` report it unreadable and go on. A PDF or DOCX child process is
    /// killed then; in-process work that runs over is abandoned (it no longer holds up the
    /// output).
    #[arg(long, value_name = "SECS", default_value_t = 30.0, value_parser = parse_secs)]
    pub timeout: f64,
    /// Extract PDF and DOCX in this process instead of a child process
    /// (faster, but a hostile file can then hang or crash the whole run).
    #[arg(long)]
    pub no_isolate: bool,
}

/// Matching options.
#[derive(Debug, Args, Clone)]
pub struct MatchArgs {
    /// Minimum similarity (0-1] for a misspelling to count as a skill
    /// [default: the taxonomy's, 0.8 for the built-in one].
    #[arg(long, value_name = "X")]
    pub fuzzy_threshold: Option<f64>,
    /// Turn off fuzzy matching of misspellings.
    #[arg(long)]
    pub no_fuzzy: bool,
    /// The month that "Present" means, as YYYY-MM [default: this month].
    #[arg(long, value_name = "YYYY-MM", value_parser = parse_month)]
    pub as_of: Option<skillgap::YearMonth>,
}

fn parse_month(s: &str) -> Result<skillgap::YearMonth, String> {
    skillgap::YearMonth::parse(s)
        .ok_or_else(|| format!("`{s}` is not a month; use YYYY-MM, e.g. 2026-11"))
}

/// The width of text output.
#[derive(Debug, Args, Clone)]
pub struct WidthArg {
    /// Fit text output to N columns (at least 60): long lines wrap with a hanging
    /// indent, excerpts and table columns are shortened with … [default: the
    /// terminal's width on a terminal, no limit when piped]. 0: no limit.
    #[arg(long, value_name = "N", value_parser = super::width::parse_width)]
    pub width: Option<usize>,
}

/// `--pretty`: how JSON output is laid out.
#[derive(Debug, Args)]
pub struct PrettyArg {
    /// Indent JSON output. Without it JSON is one compact line, except on a
    /// terminal (standard output, no --output), where it is indented.
    #[arg(long)]
    pub pretty: bool,
}

impl PrettyArg {
    /// Whether JSON written to `output` (standard output when `None`) is indented.
    pub fn resolve(&self, output: Option<&std::path::Path>) -> bool {
        use std::io::IsTerminal;
        self.pretty || (output.is_none() && std::io::stdout().is_terminal())
    }
}

impl WidthArg {
    /// The width to fit text output to.
    pub fn resolve(&self) -> super::width::Width {
        super::width::Width::resolve(self.width)
    }
}

/// A positive number of seconds (fractions allowed), at most a day.
fn parse_secs(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(x) if x > 0.0 && x <= 86_400.0 => Ok(x),
        _ => Err(format!(
            "`{s}` is not a number of seconds from 0 (excluded) to 86400"
        )),
    }
}

/// When to colour the output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// Parses a size such as `20MiB`, `500K`, `2m` or `1048576` into bytes.
pub fn parse_size(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let split = t
        .find(|c: char| !c.is_ascii_digit() && c != '.')
        .unwrap_or(t.len());
    let (num, unit) = t.split_at(split);
    let n: f64 = num
        .parse()
        .map_err(|_| format!("`{s}` is not a size; use e.g. 20MiB, 500K or 1048576"))?;
    let mult = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1u64,
        "k" | "kb" | "kib" => 1 << 10,
        "m" | "mb" | "mib" => 1 << 20,
        "g" | "gb" | "gib" => 1 << 30,
        _ => return Err(format!("`{s}` has an unknown unit; use K, M or G")),
    };
    Ok((n * mult as f64) as u64)
}

#[cfg(test)]
mod tests {
    use super::parse_size;

    #[test]
    fn sizes() {
        assert_eq!(parse_size("20MiB"), Ok(20 << 20));
        assert_eq!(parse_size("500K"), Ok(500 << 10));
        assert_eq!(parse_size("1048576"), Ok(1 << 20));
        assert!(parse_size("lots").is_err());
        assert!(parse_size("5 parsecs").is_err());
    }
}
