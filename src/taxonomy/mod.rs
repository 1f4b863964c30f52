//! Taxonomies: what skills exist, how they are spelled, and what each level needs.
//!
//! A [`Taxonomy`] is validated data. Load the built-in one with
//! [`Taxonomy::builtin`], a file's text with [`Taxonomy::from_yaml`], or a file
//! with [`Taxonomy::from_path`]. A file whose top level says `extends: builtin`
//! is merged into the built-in taxonomy instead of replacing it (see
//! `taxonomy/README.md`).

pub(crate) mod groups;
mod loader;
mod merge;
pub mod schema;
mod validate;

pub use schema::*;

use crate::error::{did_you_mean, Error, Problem};
use crate::hash::FastMap;
use std::path::Path;
use std::sync::{Arc, OnceLock};

/// The built-in `backend-developer` taxonomy's source text (YAML).
pub const BUILTIN_YAML: &str = include_str!("../../taxonomy/backend-developer.yaml");

/// [`BUILTIN_YAML`] as compact JSON, written by `build.rs` from the same file:
/// the same data, read several times faster than the YAML at start-up (issue 14).
/// The test `builtin_json_is_the_yaml` checks that both give the same taxonomy.
const BUILTIN_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/builtin-taxonomy.json"));

/// The built-in role profiles (`taxonomy/roles/`), as `(file name, YAML)`. Each
/// says `extends: builtin` and `replace: [competencies, levels]`: it shares the
/// built-in skills and brings its own competencies and levels. With the built-in
/// backend taxonomy they are the roles `skillgap fit` ranks (docs/ROLES.md).
pub const ROLE_YAMLS: &[(&str, &str)] = &[
    (
        "software-developer.yaml",
        include_str!("../../taxonomy/roles/software-developer.yaml"),
    ),
    (
        "full-stack-developer.yaml",
        include_str!("../../taxonomy/roles/full-stack-developer.yaml"),
    ),
    (
        "frontend-developer.yaml",
        include_str!("../../taxonomy/roles/frontend-developer.yaml"),
    ),
    (
        "devops-engineer.yaml",
        include_str!("../../taxonomy/roles/devops-engineer.yaml"),
    ),
    (
        "cloud-engineer.yaml",
        include_str!("../../taxonomy/roles/cloud-engineer.yaml"),
    ),
    (
        "database-administrator.yaml",
        include_str!("../../taxonomy/roles/database-administrator.yaml"),
    ),
];

/// The name under which the built-in taxonomy reports its problems.
const BUILTIN_ORIGIN: &str = "taxonomy/backend-developer.yaml (built in)";

/// A validated taxonomy.
///
/// ```
/// use skillgap::Taxonomy;
/// let t = Taxonomy::builtin();
/// assert_eq!(t.id(), "backend-developer");
/// assert!(t.skill("postgresql").is_some());
/// assert_eq!(t.levels()[0].id, "junior");
/// ```
#[derive(Debug, Clone)]
pub struct Taxonomy {
    /// Shared, like the indexes: a taxonomy is read-only once built, and [`Taxonomy::builtin`]
    /// hands out clones of one parsed copy (a deep copy was a tenth of a cold
    /// `skillgap score`'s page faults).
    data: Arc<TaxonomyFile>,
    skills: Arc<FastMap<String, usize>>,
    competencies: Arc<FastMap<String, usize>>,
    /// Per competency, the indices of its skills that are defined (scoring reads them for
    /// every requirement of every level).
    competency_skills: Arc<[Vec<usize>]>,
}

impl Taxonomy {
    /// The built-in backend-developer taxonomy (parsed once per process).
    ///
    /// The built-in data is checked by the test suite (`builtin_taxonomy_passes_check`), so
    /// this does not fail, and it is only parsed here: [`check`] costs more than everything else
    /// a start does. It is read from the compact form `build.rs` prepares, not from the YAML.
    pub fn builtin() -> Taxonomy {
        static BUILTIN: OnceLock<Taxonomy> = OnceLock::new();
        BUILTIN
            .get_or_init(|| {
                let data = builtin_data().unwrap_or_else(|problem| {
                    let e = Error::InvalidTaxonomy {
                        origin: BUILTIN_ORIGIN.to_string(),
                        problems: vec![problem],
                    };
                    panic!("the built-in taxonomy is invalid: {e}")
                });
                Taxonomy::index(data)
            })
            .clone()
    }

    /// The built-in roles: the backend taxonomy first, then every profile in
    /// [`ROLE_YAMLS`] (parsed once per process; checked by the test suite,
    /// `builtin_roles_pass_check`).
    ///
    /// ```
    /// use skillgap::Taxonomy;
    /// let roles = Taxonomy::builtin_roles();
    /// assert_eq!(roles[0].id(), "backend-developer");
    /// assert!(roles.iter().any(|t| t.id() == "frontend-developer"));
    /// // Every role shares the one skill base.
    /// assert!(roles.iter().all(|t| t.skill("react").is_some()));
    /// ```
    pub fn builtin_roles() -> Vec<Taxonomy> {
        static ROLES: OnceLock<Vec<Taxonomy>> = OnceLock::new();
        ROLES
            .get_or_init(|| {
                let mut roles = vec![Taxonomy::builtin()];
                for (file, src) in ROLE_YAMLS {
                    let data = resolve(src).unwrap_or_else(|problems| {
                        let e = Error::InvalidTaxonomy {
                            origin: format!("taxonomy/roles/{file} (built in)"),
                            problems,
                        };
                        panic!("a built-in role is invalid: {e}")
                    });
                    roles.push(Taxonomy::index(data));
                }
                roles
            })
            .clone()
    }

    /// The ids of the built-in roles, in [`Taxonomy::builtin_roles`] order (no
    /// parsing: a role file is named after its id, checked by `tests/fit.rs`).
    ///
    /// ```
    /// let ids = skillgap::Taxonomy::builtin_role_ids();
    /// assert_eq!(ids[0], "backend-developer");
    /// assert!(ids.contains(&"devops-engineer"));
    /// ```
    pub fn builtin_role_ids() -> Vec<&'static str> {
        std::iter::once("backend-developer")
            .chain(
                ROLE_YAMLS
                    .iter()
                    .map(|(file, _)| file.strip_suffix(".yaml").unwrap_or(file)),
            )
            .collect()
    }

    /// One built-in role by id (parses only that one), or
    /// [`Error::UnknownRole`] naming the closest id and all of them.
    ///
    /// ```
    /// use skillgap::Taxonomy;
    /// assert_eq!(Taxonomy::builtin_role("cloud-engineer").unwrap().id(), "cloud-engineer");
    /// let e = Taxonomy::builtin_role("fronted-developer").unwrap_err();
    /// assert!(e.to_string().starts_with("unknown role `fronted-developer`, did you mean `frontend-developer`?"));
    /// ```
    pub fn builtin_role(id: &str) -> Result<Taxonomy, Error> {
        if id == "backend-developer" {
            return Ok(Taxonomy::builtin());
        }
        match ROLE_YAMLS
            .iter()
            .find(|(file, _)| file.strip_suffix(".yaml") == Some(id))
        {
            Some((file, src)) => {
                let data = resolve(src).unwrap_or_else(|problems| {
                    let e = Error::InvalidTaxonomy {
                        origin: format!("taxonomy/roles/{file} (built in)"),
                        problems,
                    };
                    panic!("a built-in role is invalid: {e}")
                });
                Ok(Taxonomy::index(data))
            }
            None => {
                let known = Taxonomy::builtin_role_ids();
                Err(Error::UnknownRole {
                    given: id.to_string(),
                    suggestion: did_you_mean(id, known.iter().copied()),
                    known: known.into_iter().map(String::from).collect(),
                })
            }
        }
    }

    /// Loads a taxonomy from YAML text. With `extends: builtin` the text is
    /// merged into the built-in taxonomy.
    ///
    /// ```
    /// use skillgap::Taxonomy;
    /// let t = Taxonomy::from_yaml("extends: builtin\nskills:\n  - id: elixir\n    name: Elixir\n    kind: language\n").unwrap();
    /// assert!(t.skill("elixir").is_some() && t.skill("go").is_some());
    ///
    /// let err = Taxonomy::from_yaml("id: x\nlevels: []\n").unwrap_err();
    /// assert!(err.to_string().contains("defines no levels"));
    /// ```
    pub fn from_yaml(src: &str) -> Result<Taxonomy, Error> {
        Taxonomy::from_yaml_named(src, "<string>")
    }

    /// Like [`Taxonomy::from_yaml`], naming the origin in errors.
    pub fn from_yaml_named(src: &str, origin: &str) -> Result<Taxonomy, Error> {
        let problems = check(src);
        if !problems.is_empty() {
            return Err(Error::InvalidTaxonomy {
                origin: origin.to_string(),
                problems,
            });
        }
        let data = resolve(src).expect("checked above");
        Ok(Taxonomy::index(data))
    }

    /// Reads and loads a taxonomy file.
    pub fn from_path(path: impl AsRef<Path>) -> Result<Taxonomy, Error> {
        let path = path.as_ref();
        let src = std::fs::read_to_string(path).map_err(|source| Error::Io {
            path: path.to_path_buf(),
            source,
        })?;
        Taxonomy::from_yaml_named(&src, &path.display().to_string())
    }

    /// Builds a taxonomy from typed data, validating it.
    pub fn from_data(data: TaxonomyFile) -> Result<Taxonomy, Error> {
        let problems: Vec<Problem> = validate::validate(&data)
            .into_iter()
            .map(|(_, p)| p)
            .collect();
        if problems.is_empty() {
            Ok(Taxonomy::index(data))
        } else {
            Err(Error::InvalidTaxonomy {
                origin: "<data>".into(),
                problems,
            })
        }
    }

    fn index(data: TaxonomyFile) -> Taxonomy {
        let skills: FastMap<String, usize> = data
            .skills
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.clone(), i))
            .collect();
        let competencies = data
            .competencies
            .iter()
            .enumerate()
            .map(|(i, c)| (c.id.clone(), i))
            .collect();
        let competency_skills = data
            .competencies
            .iter()
            .map(|c| {
                c.skills
                    .iter()
                    .filter_map(|s| skills.get(s.as_str()).copied())
                    .collect()
            })
            .collect();
        Taxonomy {
            data: Arc::new(data),
            skills: Arc::new(skills),
            competencies: Arc::new(competencies),
            competency_skills,
        }
    }

    /// The taxonomy's id, e.g. `backend-developer`.
    pub fn id(&self) -> &str {
        &self.data.id
    }

    /// The role's display name.
    pub fn name(&self) -> &str {
        &self.data.name
    }

    /// The data version, e.g. `2026.11`.
    pub fn version(&self) -> &str {
        &self.data.version
    }

    /// All the data, as written in the file (after merging).
    pub fn data(&self) -> &TaxonomyFile {
        &self.data
    }

    /// Matching and scoring settings.
    pub fn settings(&self) -> &Settings {
        &self.data.settings
    }

    /// Concrete skills, in file order.
    pub fn skills(&self) -> &[Skill] {
        &self.data.skills
    }

    /// Competencies, in file order.
    pub fn competencies(&self) -> &[Competency] {
        &self.data.competencies
    }

    /// Levels, lowest first.
    pub fn levels(&self) -> &[Level] {
        &self.data.levels
    }

    /// Phrases of job descriptions that ask for any skill of a kind.
    pub fn groups(&self) -> &[SkillGroup] {
        &self.data.groups
    }

    /// A skill by id.
    pub fn skill(&self, id: &str) -> Option<&Skill> {
        self.skills.get(id).map(|&i| &self.data.skills[i])
    }

    /// Index of a skill in [`Taxonomy::skills`].
    pub fn skill_index(&self, id: &str) -> Option<usize> {
        self.skills.get(id).copied()
    }

    /// Index of a competency in [`Taxonomy::competencies`].
    pub(crate) fn competency_index(&self, id: &str) -> Option<usize> {
        self.competencies.get(id).copied()
    }

    /// The indices in [`Taxonomy::skills`] of the `i`th competency's skills, in its order,
    /// without ids that name no skill.
    pub(crate) fn competency_skill_indices(&self, i: usize) -> &[usize] {
        &self.competency_skills[i]
    }

    /// A competency by id.
    pub fn competency(&self, id: &str) -> Option<&Competency> {
        self.competencies
            .get(id)
            .map(|&i| &self.data.competencies[i])
    }

    /// A level by id, or [`Error::UnknownLevel`] with the closest known id.
    ///
    /// ```
    /// use skillgap::Taxonomy;
    /// let t = Taxonomy::builtin();
    /// assert_eq!(t.level("senior").unwrap().id, "senior");
    /// let e = t.level("seinor").unwrap_err();
    /// assert_eq!(e.to_string(), "unknown level `seinor`, did you mean `senior`?");
    /// ```
    pub fn level(&self, id: &str) -> Result<&Level, Error> {
        self.data.levels.iter().find(|l| l.id == id).ok_or_else(|| {
            let known: Vec<String> = self.data.levels.iter().map(|l| l.id.clone()).collect();
            Error::UnknownLevel {
                given: id.to_string(),
                suggestion: did_you_mean(id, known.iter().map(String::as_str)),
                known,
            }
        })
    }

    /// The source document cited by `id`, if defined.
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.data.sources.iter().find(|s| s.id == id)
    }

    /// The competencies a skill evidences.
    pub fn competencies_of<'a>(
        &'a self,
        skill: &'a str,
    ) -> impl Iterator<Item = &'a Competency> + 'a {
        self.data
            .competencies
            .iter()
            .filter(move |c| c.skills.iter().any(|s| s == skill))
    }

    /// The taxonomy as YAML.
    pub fn to_yaml(&self) -> String {
        loader::to_string(&self.data)
    }
}

/// The built-in taxonomy's data, from the compact form of [`BUILTIN_JSON`].
fn builtin_data() -> Result<TaxonomyFile, Problem> {
    serde_json::from_str(BUILTIN_JSON).map_err(|e| Problem::new(e.to_string(), None))
}

/// Parses `src` and, when it says `extends: builtin`, merges it into the built-in data.
fn resolve(src: &str) -> Result<TaxonomyFile, Vec<Problem>> {
    let file = loader::parse(src).map_err(|p| vec![p])?;
    if !file.replace.is_empty() {
        check_replace(src, &file)?;
    }
    match file.extends.as_deref() {
        None => Ok(file),
        Some("builtin") => {
            let mut base = loader::parse_value(BUILTIN_YAML).map_err(|p| vec![p])?;
            let patch = loader::parse_value(src).map_err(|p| vec![p])?;
            merge::merge(&mut base, patch);
            serde_json::from_value(base).map_err(|e| vec![Problem::new(format!("after merging with the built-in taxonomy: {e}"), None)])
        }
        Some(other) => Err(vec![Problem {
            line: Some(1),
            column: None,
            message: format!("cannot extend `{other}`"),
            hint: Some("only `extends: builtin` is supported; omit `extends` to replace the built-in taxonomy".into()),
        }]),
    }
}

/// `replace:` needs `extends` and names only lists in [`REPLACEABLE`].
fn check_replace(src: &str, file: &TaxonomyFile) -> Result<(), Vec<Problem>> {
    let line = src
        .lines()
        .position(|l| l.starts_with("replace:"))
        .map(|i| i + 1);
    let mut problems = Vec::new();
    if file.extends.is_none() {
        problems.push(Problem {
            line,
            column: Some(1),
            message: "`replace` needs `extends: builtin`".into(),
            hint: Some(
                "a file without `extends` already replaces everything; remove `replace`".into(),
            ),
        });
    }
    for key in &file.replace {
        if !REPLACEABLE.contains(&key.as_str()) {
            let hint = match did_you_mean(key, REPLACEABLE.iter().copied()) {
                Some(s) => format!("did you mean `{s}`?"),
                None => format!("`replace` takes {}", REPLACEABLE.join(", ")),
            };
            problems.push(Problem {
                line,
                column: Some(1),
                message: format!("cannot replace `{key}`"),
                hint: Some(hint),
            });
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}

/// Checks a taxonomy file's text and returns every problem, located by line and
/// column where possible. An empty list means the file is valid.
///
/// ```
/// let problems = skillgap::taxonomy::check("id: t\nskills:\n  - id: a\n    name: Alpha\n    aliases: [x1]\n  - id: b\n    name: Beta\n    aliases: [X1]\nlevels:\n  - id: junior\n    requirements: [{skill: a}]\n");
/// assert_eq!(problems.len(), 1);
/// assert_eq!(problems[0].line, Some(8));
/// assert!(problems[0].message.contains("claimed by both `a` and `b`"));
/// ```
pub fn check(src: &str) -> Vec<Problem> {
    let file = match resolve(src) {
        Ok(f) => f,
        Err(problems) => return problems,
    };
    let mut problems: Vec<Problem> = validate::validate(&file)
        .into_iter()
        .map(|(locus, mut p)| {
            let pos = validate::locate(src, &locus).or_else(|| {
                if file.extends.is_some() {
                    // The problem is in the built-in part of a merged taxonomy.
                    p.message.push_str(" (in the built-in taxonomy)");
                }
                None
            });
            if let Some((l, c)) = pos {
                p.line = Some(l);
                p.column = Some(c);
            }
            p
        })
        .collect();
    problems.sort_by_key(|p| (p.line.unwrap_or(usize::MAX), p.column.unwrap_or(0)));
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `build.rs` writes the compact form of the built-in YAML; a stale or lossy
    /// conversion (a float that does not round-trip, a field it drops) shows here.
    #[test]
    fn builtin_json_is_the_yaml() {
        let from_yaml = resolve(BUILTIN_YAML).expect("the built-in YAML parses");
        assert_eq!(builtin_data().expect("the built-in JSON parses"), from_yaml);
    }
}
