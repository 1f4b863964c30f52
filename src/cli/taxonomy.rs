//! `skillgap taxonomy check | list | show`.

use super::args::{ListFormat, TaxonomyCommand};
use super::format::taxonomy;
use super::options::ColorChoice;
use super::width::Width;
use super::{load_taxonomy, with_stdout, Exit, Failure};
use skillgap::Taxonomy;

pub fn run(cmd: &TaxonomyCommand) -> Result<Exit, Failure> {
    match cmd {
        TaxonomyCommand::Check { file } => check(file),
        TaxonomyCommand::List {
            taxonomy,
            role,
            kind,
            format,
            width,
        } => {
            let t = super::load_role_or_taxonomy(role.as_deref(), taxonomy.taxonomy.as_deref())?;
            with_stdout(ColorChoice::Auto, |w| match format {
                ListFormat::Text => taxonomy::text::write(w, &t, kind.as_deref(), width.resolve()),
                ListFormat::Json => taxonomy::json::write(w, &t, kind.as_deref()),
            })?;
            Ok(Exit::Ok)
        }
        TaxonomyCommand::Roles { format } => {
            let roles = Taxonomy::builtin_roles();
            with_stdout(ColorChoice::Auto, |w| match format {
                ListFormat::Text => taxonomy::text::write_roles(w, &roles),
                ListFormat::Json => taxonomy::json::write_roles(w, &roles),
            })?;
            Ok(Exit::Ok)
        }
        TaxonomyCommand::Show {
            id,
            taxonomy,
            width,
        } => {
            let t = load_taxonomy(taxonomy.taxonomy.as_deref())?;
            show(&t, id, width.resolve())
        }
    }
}

fn check(file: &std::path::Path) -> Result<Exit, Failure> {
    let name = file.display().to_string();
    let src = std::fs::read_to_string(file)
        .map_err(|e| Failure::usage(format!("{name}: {}", super::input::io_cause(&e))))?;
    let problems = skillgap::taxonomy::check(&src);
    if problems.is_empty() {
        let t =
            Taxonomy::from_yaml_named(&src, &name).map_err(|e| Failure::usage(e.to_string()))?;
        println!(
            "{name}: ok ({} skills, {} competencies, {} levels)",
            t.skills().len(),
            t.competencies().len(),
            t.levels().len()
        );
        return Ok(Exit::Ok);
    }
    with_stdout(ColorChoice::Auto, |w| {
        for p in &problems {
            writeln!(w, "{name}:{p}")?;
        }
        Ok(())
    })?;
    eprintln!(
        "skillgap: {name}: {} problem{}",
        problems.len(),
        if problems.len() == 1 { "" } else { "s" }
    );
    Ok(Exit::Usage)
}

fn show(t: &Taxonomy, id: &str, width: Width) -> Result<Exit, Failure> {
    let yaml = if let Some(s) = t.skill(id) {
        serde_yaml_free(s)
    } else if let Some(c) = t.competency(id) {
        serde_yaml_free(c)
    } else if let Ok(l) = t.level(id) {
        serde_yaml_free(l)
    } else {
        let ids = t
            .skills()
            .iter()
            .map(|s| s.id.as_str())
            .chain(t.competencies().iter().map(|c| c.id.as_str()))
            .chain(t.levels().iter().map(|l| l.id.as_str()));
        let hint = ids
            .map(|c| (strsim::jaro_winkler(id, c), c))
            .filter(|(s, _)| *s >= 0.8)
            .max_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, c)| format!(", did you mean `{c}`?"))
            .unwrap_or_else(|| " (see `skillgap taxonomy list`)".to_string());
        return Err(Failure::usage(format!("unknown id `{id}`{hint}")));
    };
    let mut out = yaml;
    if let Some(s) = t.skill(id) {
        let comps: Vec<&str> = t.competencies_of(&s.id).map(|c| c.id.as_str()).collect();
        if !comps.is_empty() {
            out.push_str(&format!("# evidences: {}\n", comps.join(", ")));
        }
        for src in &s.source {
            if let Some(doc) = t.source(src) {
                out.push_str(&format!("# {src}: {}\n", doc.title));
            }
        }
    }
    if let Ok(l) = t.level(id) {
        out.push_str(&explain_level(t, l));
    }
    if width.get().is_some() {
        // Long strings continue under their key (or after the `# `): the JSON
        // is for reading then; pipe it, or use `--width 0`, for JSON that parses.
        let mut fitted = String::with_capacity(out.len());
        for line in out.lines() {
            let lead = line.len() - line.trim_start_matches(' ').len();
            fitted.push_str(&width.wrap(line, lead + 2));
            fitted.push('\n');
        }
        out = fitted;
    }
    with_stdout(ColorChoice::Auto, |w| w.write_all(out.as_bytes()))?;
    Ok(Exit::Ok)
}

/// How a level is reached, in words (docs/LEVELS.md has the worked example).
fn explain_level(t: &Taxonomy, l: &skillgap::taxonomy::Level) -> String {
    let s = t.settings();
    let below: Vec<&str> = t
        .levels()
        .iter()
        .take_while(|x| x.id != l.id)
        .map(|x| x.id.as_str())
        .collect();
    let core: Vec<&str> = t
        .competencies()
        .iter()
        .filter(|c| c.core)
        .map(|c| c.id.as_str())
        .collect();
    let b = l.blend;
    let total = (b.skills + b.years + b.responsibilities).max(f64::EPSILON);
    let mut out = format!(
        "# `{}` is reached when all of these hold (docs/LEVELS.md):\n",
        l.id
    );
    if !below.is_empty() {
        out.push_str(&format!(
            "# - every level below it is reached: {}\n",
            below.join(", ")
        ));
    }
    out.push_str(&format!(
        "# - at least {} years in the role (years.min {} less the tolerance {}):\n\
         #   months of jobs whose lines touch {} or more core competencies:\n{}",
        (l.years.min - s.years_tolerance).max(0.0),
        l.years.min,
        s.years_tolerance,
        s.role_evidence_per_job,
        comment_list(&core)
    ));
    out.push_str(&format!(
        "# - readiness at least {}%: skills {:.0}% + years {:.0}% + responsibilities {:.0}%\n",
        l.gate.readiness.unwrap_or(s.level_threshold),
        100.0 * b.skills / total,
        100.0 * b.years / total,
        100.0 * b.responsibilities / total
    ));
    out.push_str(&format!(
        "# - breadth at least {}: the share of the role's competencies, weighted by\n\
         #   importance, that the resume touches at all\n",
        l.gate.breadth
    ));
    if let Some(b) = l.gate.title_breadth.filter(|b| *b < l.gate.breadth) {
        let words: Vec<&str> = t
            .levels()
            .iter()
            .skip_while(|x| x.id != l.id)
            .flat_map(|x| x.title_words.iter().map(String::as_str))
            .collect();
        out.push_str(&format!(
            "#   ({b} when the latest job's title is this role's and names this level or\n\
             #   a higher one; no word of cues.other_role_titles):\n{}",
            comment_list(&words)
        ));
    }
    for n in &l.gate.not_titled {
        let words: Vec<&str> = t
            .levels()
            .iter()
            .filter(|x| &x.id == n)
            .flat_map(|x| x.title_words.iter().map(String::as_str))
            .collect();
        out.push_str(&format!(
            "# - the latest job's title does not name the {n} stage as its highest:\n{}",
            comment_list(&words)
        ));
    }
    if l.gate.responsibilities > 0.0 {
        out.push_str(&format!(
            "# - responsibilities at least {}: the level's responsibility signals:\n{}",
            l.gate.responsibilities,
            comment_list(
                &l.responsibilities
                    .iter()
                    .filter_map(|r| r.skill.as_deref())
                    .collect::<Vec<_>>()
            )
        ));
    }
    out
}

/// `items` as comment lines of at most 80 columns, comma-separated (the same
/// first-fit wrapping as the text reports, see [`Width::wrap`]).
fn comment_list(items: &[&str]) -> String {
    Width::columns(76)
        .wrap(&items.join(", "), 0)
        .lines()
        .map(|line| format!("#   {line}\n"))
        .collect()
}

/// Pretty JSON of an entry; the CLI does not depend on the YAML crate.
fn serde_yaml_free<T: serde::Serialize>(v: &T) -> String {
    let mut s = serde_json::to_string_pretty(v).expect("taxonomy entries serialise");
    s.push('\n');
    s
}
