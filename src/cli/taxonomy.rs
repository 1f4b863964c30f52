//! `skillgap taxonomy check | list | show`.

use super::args::{ListFormat, TaxonomyCommand};
use super::options::ColorChoice;
use super::{load_taxonomy, report_text::truncate, with_stdout, Exit, Failure};
use skillgap::Taxonomy;
use std::io::Write;

pub fn run(cmd: &TaxonomyCommand) -> Result<Exit, Failure> {
    match cmd {
        TaxonomyCommand::Check { file } => check(file),
        TaxonomyCommand::List {
            taxonomy,
            kind,
            format,
        } => {
            let t = load_taxonomy(taxonomy.taxonomy.as_deref())?;
            with_stdout(ColorChoice::Auto, |w| match format {
                ListFormat::Text => list(w, &t, kind.as_deref()),
                ListFormat::Json => list_json(w, &t, kind.as_deref()),
            })?;
            Ok(Exit::Ok)
        }
        TaxonomyCommand::Show { id, taxonomy } => {
            let t = load_taxonomy(taxonomy.taxonomy.as_deref())?;
            show(&t, id)
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

fn list(w: &mut dyn Write, t: &Taxonomy, kind: Option<&str>) -> std::io::Result<()> {
    writeln!(w, "{} ({}) {}", t.name(), t.id(), t.version())?;
    if kind.is_none() {
        writeln!(w, "\nLevels")?;
        for l in t.levels() {
            writeln!(
                w,
                "  {:<12} {:<40} {}+ years, {} requirements",
                l.id,
                l.name,
                l.years.min,
                l.requirements.len()
            )?;
        }
        writeln!(w, "\nCompetencies")?;
        for c in t.competencies() {
            let imp = c
                .importance
                .map(|i| format!("{i:?}").to_lowercase())
                .unwrap_or_default();
            writeln!(
                w,
                "  {:<30} {:<40} {:<11} {} skills",
                c.id,
                c.name,
                imp,
                c.skills.len()
            )?;
        }
    }
    let skills: Vec<_> = t
        .skills()
        .iter()
        .filter(|s| kind.is_none_or(|k| s.kind == k))
        .collect();
    writeln!(w, "\nSkills ({})", skills.len())?;
    for s in skills {
        let mut spellings: Vec<&str> = s.aliases.iter().map(String::as_str).collect();
        spellings.extend(s.ambiguous.iter().map(|a| a.text.as_str()));
        writeln!(
            w,
            "  {:<28} {:<15} {:<26} {}",
            s.id,
            s.kind,
            truncate(&s.name, 26),
            truncate(&spellings.join(", "), 60)
        )?;
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

fn show(t: &Taxonomy, id: &str) -> Result<Exit, Failure> {
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

/// `items` as comment lines of at most 80 columns, comma-separated.
fn comment_list(items: &[&str]) -> String {
    let mut out = String::new();
    let mut line = String::from("#   ");
    for (i, item) in items.iter().enumerate() {
        let piece = if i + 1 < items.len() {
            format!("{item},")
        } else {
            item.to_string()
        };
        if line.len() > 4 && line.len() + 1 + piece.len() > 80 {
            out.push_str(line.trim_end());
            out.push('\n');
            line = String::from("#   ");
        }
        if line.len() > 4 {
            line.push(' ');
        }
        line.push_str(&piece);
    }
    out.push_str(&line);
    out.push('\n');
    out
}

/// Pretty JSON of an entry; the CLI does not depend on the YAML crate.
fn serde_yaml_free<T: serde::Serialize>(v: &T) -> String {
    let mut s = serde_json::to_string_pretty(v).expect("taxonomy entries serialise");
    s.push('\n');
    s
}
