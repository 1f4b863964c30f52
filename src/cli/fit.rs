//! `skillgap fit`: every role ranked by how well a resume fits it.

use super::format::{self, fit};
use super::options::{ColorChoice, InputArgs, MatchArgs, PrettyArg};
use super::width::Width;
use super::{build_scorer, deadline, input, with_output, Exit, Failure};
use clap::{Args, ValueEnum};
use std::path::PathBuf;
use std::sync::Arc;

pub const FIT_HELP: &str = "\
Fit (0-100) is 100 x sqrt(breadth x coverage) x evidence: breadth is the weighted
share of the role's competencies the resume shows, coverage the share of the resume's
role skills this role names, evidence min(1, Experience lines using a role skill / 6).
It does not depend on years; the level column does (docs/ROLES.md).

Roles (`skillgap taxonomy roles`): backend-developer and the profiles in
taxonomy/roles/; add your own with --role-file (a taxonomy file, usually
`extends: builtin` with `replace: [competencies, levels]`).

Examples:
  skillgap fit resume.pdf
  skillgap fit resume.txt --format json | jq '.roles[0].id'
  skillgap fit resume.txt --role-file data-engineer.yaml
  skillgap fit resume.pdf --format html -o fit.html

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
    /// One self-contained HTML page (inline CSS and SVG chart; fetches nothing).
    Html,
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
    /// Add a month-by-month learning plan for one role (--role, default the
    /// best-fitting one) toward one of its levels (--level, default the one
    /// above the estimated level).
    #[arg(long)]
    pub plan: bool,
    /// The role to plan for (implies --plan) [default: the best-fitting role].
    #[arg(long, value_name = "ID")]
    pub role: Option<String>,
    /// The level of that role to plan for (implies --plan) [default: the one
    /// above the estimated level].
    #[arg(long, value_name = "LEVEL")]
    pub level: Option<String>,
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
    let want_plan = args.plan || args.role.is_some() || args.level.is_some();
    if let Some(role) = &args.role {
        if !scorers.iter().any(|s| s.taxonomy().id() == role) {
            let known: Vec<&str> = scorers.iter().map(|s| s.taxonomy().id()).collect();
            let hint = known
                .iter()
                .map(|c| (strsim::jaro_winkler(role, c), c))
                .filter(|(s, _)| *s >= 0.8)
                .max_by(|a, b| a.0.total_cmp(&b.0))
                .map(|(_, c)| format!(", did you mean `{c}`?"))
                .unwrap_or_default();
            return Err(Failure::usage(format!(
                "unknown role `{role}`{hint} (known roles: {})",
                known.join(", ")
            )));
        }
    }
    let (role, level) = (args.role.clone(), args.level.clone());
    let result = deadline::run_once(limit, move || {
        let doc = reader.read(&file)?;
        let mut fit = skillgap::fit::fit(&work, &doc.text);
        if want_plan {
            plan_into(
                &work,
                &mut fit,
                &doc.text,
                role.as_deref(),
                level.as_deref(),
            )?;
        }
        Ok::<_, Failure>(fit)
    })
    .unwrap_or_else(|missed| Err(Failure::input(format!("{source}: {}", missed.cause(limit)))))?;
    let planned = result.roles.iter().find_map(|r| r.plan.as_ref());
    with_output(args.color, args.output.as_deref(), |w| match args.format {
        FitFormat::Text => {
            fit::text::write(w, &result, &source)?;
            match planned {
                Some(p) => format::plan::text::write(w, Some(p), Width::resolve(None)),
                None if want_plan => format::plan::text::write(w, None, Width::resolve(None)),
                None => Ok(()),
            }
        }
        FitFormat::Json => {
            fit::json::write(w, &result, args.pretty.resolve(args.output.as_deref()))
        }
        FitFormat::Markdown => {
            fit::markdown::write(w, &result, &source)?;
            match planned {
                Some(p) => format::plan::markdown::write(w, Some(p)),
                None if want_plan => format::plan::markdown::write(w, None),
                None => Ok(()),
            }
        }
        FitFormat::Html => {
            let plan = want_plan.then_some(planned);
            w.write_all(fit::html::render(&result, &source, plan).as_bytes())
        }
    })?;
    Ok(Exit::Ok)
}

/// The other built-in roles' scorers (every one but backend-developer), with
/// the command's matching options.
pub fn other_role_scorers(matching: &MatchArgs) -> Result<Vec<skillgap::Scorer>, Failure> {
    skillgap::Taxonomy::builtin_roles()
        .into_iter()
        .filter(|t| t.id() != skillgap::Taxonomy::builtin().id())
        .map(|t| build_scorer(t, matching, None))
        .collect()
}

/// `score`'s mention of a role that fits clearly better than backend
/// (docs/ROLES.md): `report` was made by `scorer` (the built-in taxonomy) from
/// `text`. The other roles are scored (and `others` called to build their
/// scorers) only when the report leaves room for one to lead by
/// `settings.fit_margin` ([`skillgap::fit::may_be_clearly_better`]), so most
/// backend resumes cost nothing more.
pub fn better_role(
    scorer: &skillgap::Scorer,
    report: &skillgap::Report,
    text: &str,
    others: impl FnOnce() -> Result<Arc<Vec<skillgap::Scorer>>, Failure>,
) -> Result<Option<skillgap::report::BetterRole>, Failure> {
    use skillgap::fit;
    let t = scorer.taxonomy();
    let margin = t.settings().fit_margin;
    if !fit::may_be_clearly_better(t, report, margin) {
        return Ok(None);
    }
    let others = others()?;
    let reports = std::iter::once((t, report.clone())).chain(
        others
            .iter()
            .filter(|s| s.taxonomy().id() != t.id())
            .map(|s| (s.taxonomy(), s.score(text))),
    );
    Ok(fit::clearly_better(
        &fit::rank_reports(reports),
        t.id(),
        margin,
    ))
}

/// Puts the learning plan for `role` (default: the best fit) toward `level`
/// (default: its next level) into that role's entry of `fit`.
fn plan_into(
    scorers: &[skillgap::Scorer],
    fit: &mut skillgap::fit::Fit,
    text: &str,
    role: Option<&str>,
    level: Option<&str>,
) -> Result<(), Failure> {
    let Some(id) = role.or(fit.roles.first().map(|r| r.id.as_str())) else {
        return Ok(());
    };
    let id = id.to_string();
    let scorer = scorers
        .iter()
        .find(|s| s.taxonomy().id() == id)
        .expect("roles come from the scorers");
    let (_, plan) = scorer
        .plan(text, level)
        .map_err(|e| Failure::usage(format!("role {id}: {e}")))?;
    if let Some(r) = fit.roles.iter_mut().find(|r| r.id == id) {
        r.plan = plan;
    }
    Ok(())
}
