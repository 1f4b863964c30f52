//! `skillgap fit`: every role ranked by how well a resume fits it.

use super::format::fit;
use super::options::{ColorChoice, InputArgs, MatchArgs, PrettyArg};
use super::{build_scorer, deadline, input, with_output, Exit, Failure};
use clap::{Args, ValueEnum};
use std::path::PathBuf;
use std::sync::Arc;

pub const FIT_HELP: &str = "\
Fit (0-100) is the importance-weighted share of a role's competencies the resume
evidences (core competencies count double; evidenced 1, claimed 2/3, hedged 1/3).
It does not depend on years; the level column does (docs/ROLES.md).

Roles: backend-developer (built in) and the profiles in taxonomy/roles/; add your own
with --role-file (a taxonomy file, usually `extends: builtin` with
`replace: [competencies, levels]`).

Examples:
  skillgap fit resume.pdf
  skillgap fit resume.txt --format json | jq '.roles[0].id'
  skillgap fit resume.txt --role-file data-engineer.yaml

Exit codes: 0 success, 2 usage or taxonomy error, 3 unreadable input.";

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FitFormat {
    /// A ranked table.
    Text,
    /// The ranking as JSON (versioned schema): one line, indented on a terminal
    /// or with --pretty.
    Json,
    /// A Markdown table, for PR comments and job summaries.
    Markdown,
}

#[derive(Debug, Args)]
pub struct FitArgs {
    /// Resume file (same formats as `score`), or - for standard input.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Output format.
    #[arg(short, long, value_enum, default_value_t = FitFormat::Text)]
    pub format: FitFormat,
    /// Write the ranking to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Add a role from a taxonomy file (repeatable).
    #[arg(long, value_name = "FILE")]
    pub role_file: Vec<PathBuf>,
    /// When to use colour in text output (NO_COLOR is respected).
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    #[command(flatten)]
    pub pretty: PrettyArg,
    #[command(flatten)]
    pub matching: MatchArgs,
    #[command(flatten)]
    pub input: InputArgs,
}

pub fn run(args: &FitArgs) -> Result<Exit, Failure> {
    let mut roles = skillgap::Taxonomy::builtin_roles();
    for path in &args.role_file {
        let t = skillgap::Taxonomy::from_path(path)
            .map_err(|e| Failure::usage(format!("role file {e}")))?;
        if roles.iter().any(|r| r.id() == t.id()) {
            return Err(Failure::usage(format!(
                "role file {}: role id `{}` is already defined",
                path.display(),
                t.id()
            )));
        }
        roles.push(t);
    }
    let scorers = roles
        .into_iter()
        .map(|t| build_scorer(t, &args.matching, None))
        .collect::<Result<Vec<_>, _>>()?;
    let scorers = Arc::new(scorers);
    let source = input::display_name(&args.file);
    let reader = input::Reader::new(&args.input);
    let limit = reader.timeout;
    let (work, file) = (Arc::clone(&scorers), args.file.clone());
    let result = deadline::run_once(limit, move || {
        let doc = reader.read(&file)?;
        Ok::<_, Failure>(skillgap::fit::fit(&work, &doc.text))
    })
    .unwrap_or_else(|missed| Err(Failure::input(format!("{source}: {}", missed.cause(limit)))))?;
    with_output(args.color, args.output.as_deref(), |w| match args.format {
        FitFormat::Text => fit::text::write(w, &result, &source),
        FitFormat::Json => {
            fit::json::write(w, &result, args.pretty.resolve(args.output.as_deref()))
        }
        FitFormat::Markdown => fit::markdown::write(w, &result, &source),
    })?;
    Ok(Exit::Ok)
}
