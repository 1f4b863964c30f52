//! `taxonomy list --format json`.

use skillgap::Taxonomy;
use std::io::Write;

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

pub(crate) fn write(w: &mut dyn Write, t: &Taxonomy, kind: Option<&str>) -> std::io::Result<()> {
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

/// `taxonomy roles --format json`: `{"schema_version": 1, "roles": [{"id", "name", "version"}]}`.
pub(crate) fn write_roles(w: &mut dyn Write, roles: &[Taxonomy]) -> std::io::Result<()> {
    #[derive(serde::Serialize)]
    struct Role<'a> {
        id: &'a str,
        name: &'a str,
        version: &'a str,
    }
    #[derive(serde::Serialize)]
    struct Roles<'a> {
        schema_version: u32,
        roles: Vec<Role<'a>>,
    }
    let doc = Roles {
        schema_version: 1,
        roles: roles
            .iter()
            .map(|t| Role {
                id: t.id(),
                name: t.name(),
                version: t.version(),
            })
            .collect(),
    };
    serde_json::to_writer_pretty(&mut *w, &doc)?;
    writeln!(w)
}
