//! The arguments of `skillgap batch`.

use crate::cli::format::batch::Format;
use crate::cli::options::{ColorChoice, InputArgs, MatchArgs, TaxonomyArg, WidthArg};
use clap::{Args, ValueEnum};
use std::path::PathBuf;

pub const BATCH_HELP: &str = "\
Examples:
  skillgap batch candidates/                                  # a table, on a terminal
  skillgap batch candidates/ --level mid --fail-under 60      # exit 1 if any is under 60% for mid
  skillgap batch candidates/ --level mid --fail-under 60 -o skillgap.xml   # JUnit, from the name
  skillgap batch candidates/ -f markdown >> \"$GITHUB_STEP_SUMMARY\"
  skillgap batch candidates/ -f jsonl | jq -r 'select(.estimated_level == \"senior\") | .path'
  skillgap batch cvs/ --glob '*.pdf' --exclude 'archive/' --sort readiness -f csv -o ranking.csv
  skillgap batch cvs/ --jd job.txt                            # ranked by match with the job
  skillgap batch cvs/ --jd job.pdf --fail-under 60 -o skillgap.xml   # exit 1: a match under 60%
  skillgap batch cvs/ --role frontend-developer               # against another role's profile

Folders are searched recursively for .pdf, .docx, .html, .htm, .md, .markdown and
.txt files (the format is then detected from the content). Hidden files and folders
and files with other extensions are skipped and counted; so are named pipes,
sockets and devices (only regular files are read), which are also named on stderr.
Symbolic links are followed; one that loops back into a folder it is inside, or
leads to a folder already walked, is named and counted, not followed. Files named
on the command line are always read (a named one that is not a regular file is
unreadable). --glob keeps only matching files, --exclude removes
files and folders: a GLOB without a slash matches names at any depth, one with a
slash matches the path below the PATH it was found in ('**' crosses folders).

Output is in path order (with --jd, match order) whatever --jobs is. jsonl, csv,
table and json are written as results arrive; markdown, junit and --sort readiness
or match keep a small summary per file until the end. json and jsonl records carry
schema_version; csv has a fixed header (one readiness_<level> column per level).
Progress goes to stderr when it is a terminal (--progress forces it), unreadable
files are named there too, and a summary line ends the run (--quiet drops all three).

--jd JOB reads the job description once (any format a resume can be in, or - for
standard input) and matches every resume against it: the output is ranked by match
(highest first, ties in path order; --sort path keeps path order) and --fail-under
applies to the match percentage instead of readiness (--level is then optional and
only sets where the gaps lead). json and jsonl records get a job_match object; csv
gets two more columns at the end, match_percent and missing_required (only with
--jd); table and markdown show the match, the required skills met and the missing
ones; junit fails a file whose match is under --fail-under.

Exit codes:
  0  every file was scored (and, with --fail-under, passed)
  1  some file is under --fail-under (readiness for --level, or the match with --jd)
  2  usage error, the taxonomy is invalid, or the --jd job cannot be read
     (nothing is scored then)
  3  some file could not be read, or ran out of --timeout (reading and scoring
     together, per file); all others are still scored and reported, and the
     unreadable ones appear in the output with their error. 3 wins over 1:
     unreadable input is what a CI must notice first.";

/// `--sort`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SortKey {
    /// By path, component by component.
    Path,
    /// Highest first: by readiness for --level, or without it by estimated level
    /// then readiness for the next level; unreadable files last.
    Readiness,
    /// Highest match with --jd first, then more required skills met; ties in
    /// path order, unreadable files last.
    Match,
}

#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("fail_target").args(["level", "jd"]).multiple(true)))]
pub struct BatchArgs {
    /// Resume files and folders to score.
    #[arg(value_name = "PATH", required = true)]
    pub paths: Vec<PathBuf>,
    /// Output format [default: from the --output extension (.json, .jsonl, .csv, .md,
    /// .xml, .html), else table when stdout is a terminal, else jsonl].
    #[arg(short, long, value_enum)]
    pub format: Option<Format>,
    /// Write the results to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Order of the files in the output [default: match with --jd, else path].
    #[arg(long, value_enum)]
    pub sort: Option<SortKey>,
    /// Level the gaps lead to and, without --jd, the one --fail-under checks [default:
    /// each file's next level].
    #[arg(short, long, value_name = "LEVEL")]
    pub level: Option<String>,
    /// A file fails when its readiness for --level is under PCT (0-100), or with
    /// --jd when its match is; exit 1 if any does.
    #[arg(long, value_name = "PCT", requires = "fail_target", value_parser = parse_pct)]
    pub fail_under: Option<f64>,
    /// Rank the resumes against this job description (a file in any resume format,
    /// or - for standard input).
    #[arg(long, value_name = "JOB")]
    pub jd: Option<PathBuf>,
    /// How many gaps to list per file.
    #[arg(long, value_name = "N", default_value_t = 3)]
    pub gaps: usize,
    /// Files scored at the same time [default: one per core].
    #[arg(short, long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=1024))]
    pub jobs: Option<u32>,
    /// Only files matching GLOB (repeatable).
    #[arg(short, long = "glob", value_name = "GLOB")]
    pub globs: Vec<String>,
    /// Skip files and folders matching GLOB (repeatable).
    #[arg(long, value_name = "GLOB")]
    pub exclude: Vec<String>,
    /// Also read hidden files and folders (names starting with a dot).
    #[arg(long)]
    pub hidden: bool,
    /// Descend at most N levels into folders (1: only the files directly in them).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub max_depth: Option<u32>,
    /// Show progress on stderr even when it is not a terminal.
    #[arg(long)]
    pub progress: bool,
    /// No progress, no per-file messages and no summary line on stderr.
    #[arg(short, long)]
    pub quiet: bool,
    /// When to use colour in the table (NO_COLOR is respected).
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    #[command(flatten)]
    pub width: WidthArg,
    #[command(flatten)]
    pub taxonomy: TaxonomyArg,
    /// Score against a built-in role profile instead of backend-developer
    /// (`skillgap taxonomy roles` lists the ids).
    #[arg(long, value_name = "ID", conflicts_with = "taxonomy")]
    pub role: Option<String>,
    #[command(flatten)]
    pub matching: MatchArgs,
    #[command(flatten)]
    pub input: InputArgs,
}

fn parse_pct(s: &str) -> Result<f64, String> {
    match s.trim_end_matches('%').parse::<f64>() {
        Ok(x) if (0.0..=100.0).contains(&x) => Ok(x),
        _ => Err(format!("`{s}` is not a percentage from 0 to 100")),
    }
}
