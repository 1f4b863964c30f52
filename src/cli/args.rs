//! Command-line arguments (clap derive).

use super::options::{ColorChoice, InputArgs, MatchArgs, PrettyArg, TaxonomyArg, WidthArg};
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

const EXIT_CODES: &str = "\
Exit codes:
  0  success
  1  a threshold (--fail-under) was not met
  2  usage error, or the taxonomy is invalid (for batch, also a --jd job that
     cannot be read: nothing is scored then)
  3  an input could not be read or ran out of --timeout (in a batch, all other
     files are still scored)";

/// Score a resume against a role's skill taxonomy: readiness per career level,
/// the evidence behind it, and the gaps to the next level. Fully offline.
#[derive(Debug, Parser)]
#[command(
    name = "skillgap",
    version,
    after_help = EXIT_CODES,
    propagate_version = true,
    max_term_width = 100
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Score one resume: readiness per level, estimated level, top gaps, evidence.
    #[command(after_help = SCORE_HELP)]
    Score(ScoreArgs),
    /// Score many resumes (files and folders) in parallel, for CI: table, JSON,
    /// JSON Lines, CSV, Markdown or JUnit; exit 1 when any is under --fail-under.
    #[command(after_help = super::batch::args::BATCH_HELP)]
    Batch(super::batch::BatchArgs),
    /// Rank every role (backend, software, full stack, frontend, DevOps, cloud, DBA)
    /// by how well a resume fits it, with the level and top gaps in each.
    #[command(after_help = super::fit::FIT_HELP)]
    Fit(super::fit::FitArgs),
    /// Measure accuracy against hand-labelled resumes (precision, recall, F1, levels).
    #[command(after_help = EVAL_HELP)]
    Eval(EvalArgs),
    /// Inspect and validate taxonomies.
    #[command(subcommand)]
    Taxonomy(TaxonomyCommand),
    /// Serve the "Score my resume" page and a JSON API (on 127.0.0.1:8080 by default).
    #[cfg(feature = "serve")]
    #[command(after_help = super::serve::SERVE_HELP)]
    Serve(super::serve::ServeArgs),
}

const SCORE_HELP: &str = "\
Examples:
  skillgap score resume.txt
  skillgap score resume.md --level senior --explain
  skillgap score resume.txt --format json | jq .estimated_level
  skillgap score resume.txt --format json --pretty > report.json   # indented
  cat resume.txt | skillgap score -
  skillgap score resume.txt --level mid --fail-under 60   # exit 1 when below
  skillgap score resume.pdf --jd job.txt                   # match against a job
  skillgap score resume.pdf --jd job.html --fail-under 70  # exit 1 below a 70% match
  skillgap score resume.pdf --format html -o report.html   # one self-contained page
  skillgap score resume.txt --plan                         # month-by-month learning plan

Skills named only in a Skills list are 'claimed'; skills used in Experience or
Projects lines are 'evidenced', and evidence weighs more. Hedged mentions
(\"basic knowledge of\") are 'weak'; negated ones (\"no experience with\") do not count.

With --jd the output is the match: 100 x (0.70 x required + 0.15 x preferred
+ 0.15 x years), each part the mean credit (evidenced 1, claimed 0.75, weak
0.25); parts the job does not have drop out. Missing required skills come first.

Exit codes: 0 success, 1 below --fail-under, 2 usage or taxonomy error, 3 unreadable input.";

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ScoreFormat {
    /// Human-readable report.
    Text,
    /// The full report as JSON (versioned schema): one line, indented on a
    /// terminal or with --pretty.
    Json,
    /// A Markdown report, for PR comments and job summaries.
    Markdown,
    /// One self-contained HTML page (inline CSS and SVG charts; fetches nothing).
    Html,
}

#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("fail_target").args(["level", "jd"]).multiple(true)))]
pub struct ScoreArgs {
    /// Resume file (PDF, DOCX, HTML, Markdown or text in any common encoding;
    /// the format is detected from the content), or - for standard input.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Output format.
    #[arg(short, long, value_enum, default_value_t = ScoreFormat::Text)]
    pub format: ScoreFormat,
    /// Write the report to FILE instead of standard output (any format).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Level to show the gaps for [default: the level above the estimated one].
    #[arg(short, long, value_name = "LEVEL")]
    pub level: Option<String>,
    /// Show everything: every evidence line, all gaps, excluded mentions, date ranges.
    #[arg(short, long)]
    pub explain: bool,
    /// How many gaps the text and Markdown reports show (all with --explain).
    #[arg(long, value_name = "N", default_value_t = 5)]
    pub gaps: usize,
    /// Exit with code 1 when readiness for --level is below PCT (0-100);
    /// with --jd, when the match is below PCT.
    #[arg(long, value_name = "PCT", requires = "fail_target")]
    pub fail_under: Option<f64>,
    /// Match the resume against a job description (same formats as FILE) and
    /// show the match instead of the readiness report.
    #[arg(long, value_name = "JOB")]
    pub jd: Option<PathBuf>,
    /// Add a month-by-month learning plan to the target level (--level, or the
    /// one above the estimated level): gaps ranked by readiness points per month.
    #[arg(long, conflicts_with = "jd")]
    pub plan: bool,
    /// Also score the other built-in roles and name one that fits clearly better
    /// than backend (by the taxonomy's fit_margin; docs/ROLES.md). Builds six more
    /// scorers: about 0.15 s more per run. `skillgap fit` ranks every role.
    #[arg(long, conflicts_with_all = ["jd", "taxonomy"])]
    pub compare_roles: bool,
    /// When to use colour in text output (NO_COLOR is respected).
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    #[command(flatten)]
    pub width: WidthArg,
    #[command(flatten)]
    pub pretty: PrettyArg,
    #[command(flatten)]
    pub taxonomy: TaxonomyArg,
    #[command(flatten)]
    pub matching: MatchArgs,
    #[command(flatten)]
    pub input: InputArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    /// Aligned columns, spellings truncated.
    Text,
    /// Everything as JSON (`schema_version` 1), spellings in full.
    Json,
}

#[derive(Debug, Subcommand)]
pub enum TaxonomyCommand {
    /// Validate a taxonomy file; every problem is printed as FILE:LINE:COLUMN with a fix hint.
    Check {
        /// The taxonomy file to check.
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
    /// List the skills, competencies and levels of a taxonomy or built-in role.
    List {
        #[command(flatten)]
        taxonomy: TaxonomyArg,
        /// List a built-in role's profile instead (`skillgap taxonomy roles` lists the ids).
        #[arg(long, value_name = "ID", conflicts_with = "taxonomy")]
        role: Option<String>,
        /// Only skills of this kind (language, framework, database, ...).
        #[arg(long, value_name = "KIND")]
        kind: Option<String>,
        /// Output format. `json` lists every skill with all its spellings (name,
        /// aliases, ambiguous spellings), e.g. to run another tool on the same words.
        #[arg(short, long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
        #[command(flatten)]
        width: WidthArg,
    },
    /// List the built-in roles (`fit` ranks them; `batch --role` and `taxonomy list
    /// --role` take their ids).
    Roles {
        /// Output format.
        #[arg(short, long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
    /// Show one skill, competency or level in full.
    Show {
        /// A skill, competency or level id (e.g. postgresql, api-development, senior).
        id: String,
        #[command(flatten)]
        taxonomy: TaxonomyArg,
        #[command(flatten)]
        width: WidthArg,
    },
}

const EVAL_HELP: &str = "\
The labels file is JSON:
  {\"vocabulary\": [\"sql\", \"java\", ...],
   \"resumes\": [{\"file\": \"resumes/a.txt\", \"skills\": [\"java\"], \"level\": \"junior\", \"years\": 1.5}]}
`file` is relative to the labels file; only vocabulary ids are scored; `level` and
`years` are optional. A skill counts as found with any status (evidenced, claimed, weak).

Examples:
  skillgap eval ../shared/eval/labels.json
  skillgap eval labels.json --taxonomy my-role.yaml --min-f1 0.9   # exit 1 when below";

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum EvalFormat {
    /// Summary, per-skill table, confusion matrix and errors.
    Text,
    /// Everything as JSON.
    Json,
    /// Markdown tables (for docs/ACCURACY.md or a CI summary).
    Markdown,
}

#[derive(Debug, Args)]
pub struct EvalArgs {
    /// The labels file (JSON).
    #[arg(value_name = "LABELS")]
    pub labels: PathBuf,
    /// Output format.
    #[arg(short, long, value_enum, default_value_t = EvalFormat::Text)]
    pub format: EvalFormat,
    /// Exit with code 1 when micro-F1 is below X (0-1).
    #[arg(long, value_name = "X")]
    pub min_f1: Option<f64>,
    /// How many errors (false positives and negatives) to list.
    #[arg(long, value_name = "N", default_value_t = 50)]
    pub errors: usize,
    #[command(flatten)]
    pub taxonomy: TaxonomyArg,
    #[command(flatten)]
    pub matching: MatchArgs,
    #[command(flatten)]
    pub input: InputArgs,
}
