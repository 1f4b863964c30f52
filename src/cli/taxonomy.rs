//! `skillgap taxonomy check | list | show`.

use super::args::{ListFormat, TaxonomyCommand};
use super::options::ColorChoice;
use super::width::{display_width, pad, truncate, Width};
use super::{load_taxonomy, with_stdout, Exit, Failure};
use skillgap::Taxonomy;
use std::io::Write;

pub fn run(cmd: &TaxonomyCommand) -> Result<Exit, Failure> {
    match cmd {
        TaxonomyCommand::Check { file } => check(file),
        TaxonomyCommand::List {
            taxonomy,
            kind,
            format,
            width,
        } => {
            let t = load_taxonomy(taxonomy.taxonomy.as_deref())?;
            with_stdout(ColorChoice::Auto, |w| match format {
                ListFormat::Text => list(w, &t, kind.as_deref(), width.resolve()),
                ListFormat::Json => list_json(w, &t, kind.as_deref()),
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

/// The width of a column: `fixed` without a limit; with one, as wide as its
/// widest entry (at most `fixed`).
fn column<'a>(fixed: usize, width: Width, entries: impl Iterator<Item = &'a str>) -> usize {
    match width.get() {
        None => fixed,
        Some(_) => entries.map(display_width).max().unwrap_or(0).min(fixed),
    }
}

fn list(w: &mut dyn Write, t: &Taxonomy, kind: Option<&str>, width: Width) -> std::io::Result<()> {
    width.writeln(w, &format!("{} ({}) {}", t.name(), t.id(), t.version()), 2)?;
    if kind.is_none() {
        writeln!(w, "\nLevels")?;
        let ids = column(12, width, t.levels().iter().map(|l| l.id.as_str()));
        let rest: Vec<String> = t
            .levels()
            .iter()
            .map(|l| {
                format!(
                    "{}+ years, {} requirements",
                    l.years.min,
                    l.requirements.len()
                )
            })
            .collect();
        let rest_width = rest.iter().map(|r| display_width(r)).max().unwrap_or(0);
        let names = column(40, width, t.levels().iter().map(|l| l.name.as_str()));
        let names = width.room(2 + ids.max(12) + 2 + rest_width, names, 12);
        for (l, rest) in t.levels().iter().zip(&rest) {
            let line = format!(
                "  {:<12} {} {rest}",
                pad(&l.id, ids),
                pad(&truncate(&l.name, names), names)
            );
            width.writeln(w, &line, 4)?;
        }
        writeln!(w, "\nCompetencies")?;
        let ids = column(30, width, t.competencies().iter().map(|c| c.id.as_str()));
        let names = column(40, width, t.competencies().iter().map(|c| c.name.as_str()));
        // "  id name importance(11) NN skills"
        let names = width.room(2 + ids + 1 + 1 + 11 + 1 + 9, names, 12);
        for c in t.competencies() {
            let imp = c
                .importance
                .map(|i| format!("{i:?}").to_lowercase())
                .unwrap_or_default();
            let line = format!(
                "  {} {} {:<11} {} skills",
                pad(&c.id, ids),
                pad(&truncate(&c.name, names), names),
                imp,
                c.skills.len()
            );
            width.writeln(w, &line, 4)?;
        }
    }
    let skills: Vec<_> = t
        .skills()
        .iter()
        .filter(|s| kind.is_none_or(|k| s.kind == k))
        .collect();
    writeln!(w, "\nSkills ({})", skills.len())?;
    let ids = column(28, width, skills.iter().map(|s| s.id.as_str()));
    let kinds = column(15, width, skills.iter().map(|s| s.kind.as_str()));
    // The name gives way to the spellings down to 16 columns, then the
    // spellings are shortened.
    let used = 2 + ids + 1 + kinds + 1;
    let names = column(26, width, skills.iter().map(|s| s.name.as_str()));
    let names = width.room(used + 1 + 30, names, 16);
    for s in skills {
        let mut spellings: Vec<&str> = s.aliases.iter().map(String::as_str).collect();
        spellings.extend(s.ambiguous.iter().map(|a| a.text.as_str()));
        let room = width.room(used + names + 1, 60, 10);
        let line = format!(
            "  {} {} {} {}",
            pad(&s.id, ids),
            pad(&s.kind, kinds),
            pad(&truncate(&s.name, names), names),
            truncate(&spellings.join(", "), room)
        );
        match width.get() {
            None => writeln!(w, "{line}")?,
            Some(_) => width.writeln(w, line.trim_end(), 4)?,
        }
    }
    Ok(())
}

/// `taxonomy list --format json`: the same entries as the text listing, with
/// every spelling in full. Fields are only added within a `schema_version`.
#[derive(serde::Serialize)]
struct ListJson<'a> {
    schema_version: u32,
    id: &'a str,
    name: &'a str,
    version: &'a str,
    /// Left out with `--kind`, like in the text listing.
    #[serde(skip_serializing_if = "Option::is_none")]
    levels: Option<Vec<LevelJson<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    competencies: Option<Vec<CompetencyJson<'a>>>,
    skills: Vec<SkillJson<'a>>,
}

#[derive(serde::Serialize)]
struct LevelJson<'a> {
    id: &'a str,
    name: &'a str,
    years_min: f64,
    requirements: usize,
}

#[derive(serde::Serialize)]
struct CompetencyJson<'a> {
    id: &'a str,
    name: &'a str,
    importance: Option<skillgap::taxonomy::Importance>,
    skills: &'a [String],
}

#[derive(serde::Serialize)]
struct SkillJson<'a> {
    id: &'a str,
    name: &'a str,
    kind: &'a str,
    aliases: &'a [String],
    /// Spellings that are also ordinary words and count only in context.
    ambiguous: &'a [skillgap::taxonomy::AmbiguousAlias],
    patterns: &'a [String],
}

fn list_json(w: &mut dyn Write, t: &Taxonomy, kind: Option<&str>) -> std::io::Result<()> {
    let doc = ListJson {
        schema_version: 1,
        id: t.id(),
        name: t.name(),
        version: t.version(),
        levels: kind.is_none().then(|| {
            t.levels()
                .iter()
                .map(|l| LevelJson {
                    id: &l.id,
                    name: &l.name,
                    years_min: l.years.min,
                    requirements: l.requirements.len(),
                })
                .collect()
        }),
        competencies: kind.is_none().then(|| {
            t.competencies()
                .iter()
                .map(|c| CompetencyJson {
                    id: &c.id,
                    name: &c.name,
                    importance: c.importance,
                    skills: &c.skills,
                })
                .collect()
        }),
        skills: t
            .skills()
            .iter()
            .filter(|s| kind.is_none_or(|k| s.kind == k))
            .map(|s| SkillJson {
                id: &s.id,
                name: &s.name,
                kind: &s.kind,
                aliases: &s.aliases,
                ambiguous: &s.ambiguous,
                patterns: &s.patterns,
            })
            .collect(),
    };
    serde_json::to_writer_pretty(&mut *w, &doc)?;
    writeln!(w)
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
