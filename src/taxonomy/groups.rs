//! The taxonomy's phrase groups compiled for the job-description reader (`crate::jd`):
//!
//! Phrases that ask for *any* skill of a kind: "a backend framework",
//! "relational databases", "a major cloud provider".
//!
//! Two sources, both from the taxonomy and compiled once per scorer:
//!
//! 1. **The taxonomy's `groups:`** ([`crate::taxonomy::SkillGroup`]): each
//!    phrase is a regular expression (ASCII case-insensitive) with the skills
//!    that satisfy it: those of its competency, or its own list (the ids the
//!    taxonomy defines). A group with no such skill is dropped.
//! 2. **Competency names**: every competency name of the taxonomy, matched as
//!    whole words, ASCII case-insensitive, its words separated by single spaces,
//!    `and` also written `&` ("API development", "Authentication & Authorization").
//!    Names that are also a skill's name or alias are left to the skill.
//!
//! Where a phrase and a competency name overlap, the phrase wins.

use crate::taxonomy::Taxonomy;
use regex::Regex;

/// A compiled phrase of the taxonomy's `groups:`.
#[derive(Debug, Clone)]
struct Phrase {
    regex: Regex,
    /// Lower-case fragments one of which the text must contain (empty: any text).
    keywords: Vec<String>,
}

/// A compiled group: a phrase or a competency name and the skills that satisfy it.
#[derive(Debug, Clone)]
pub(crate) struct Group {
    /// Requirement id: the competency id when the group's skills come from one,
    /// else the phrase key.
    pub id: String,
    /// How it reads.
    pub label: String,
    /// The competency whose skills satisfy it, if any.
    pub competency: Option<String>,
    /// Skill indices that satisfy it.
    pub options: Vec<usize>,
}

/// Every group of one taxonomy.
#[derive(Debug, Clone)]
pub(crate) struct Groups {
    groups: Vec<Group>,
    /// `Some(phrase)` for a group of the taxonomy's `groups:`; `None`: a competency name.
    phrase_of: Vec<Option<Phrase>>,
    /// Competency names (and their `&` spellings), and the group of each.
    names: Option<aho_corasick::AhoCorasick>,
    name_groups: Vec<usize>,
}

/// A group found in text: group index and byte span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct GroupHit {
    pub group: usize,
    pub start: usize,
    pub end: usize,
}

impl Groups {
    /// Compiles the taxonomy's groups and competency names for `t`.
    pub fn new(t: &Taxonomy) -> Groups {
        let mut groups = Vec::new();
        let mut phrase_of = Vec::new();
        let mut names: Vec<String> = Vec::new();
        let mut name_groups = Vec::new();
        for p in t.groups() {
            let from_competency = p.competency.as_deref().and_then(|c| t.competency(c));
            let options: Vec<usize> = match from_competency {
                Some(c) => c.skills.iter().filter_map(|s| t.skill_index(s)).collect(),
                None => p.skills.iter().filter_map(|s| t.skill_index(s)).collect(),
            };
            if options.is_empty() {
                continue;
            }
            // `taxonomy check` rejects a pattern that does not compile.
            let Ok(regex) = Regex::new(&format!("(?i){}", p.pattern)) else {
                continue;
            };
            groups.push(Group {
                id: from_competency.map_or(p.id.clone(), |c| c.id.clone()),
                label: p.label.clone(),
                competency: from_competency.map(|c| c.id.clone()),
                options,
            });
            phrase_of.push(Some(Phrase {
                regex,
                keywords: p.keywords.clone(),
            }));
        }
        let spellings: std::collections::HashSet<String> = t
            .skills()
            .iter()
            .flat_map(|s| std::iter::once(&s.name).chain(&s.aliases))
            .map(|s| crate::chars::fold(s))
            .collect();
        for c in t.competencies() {
            let folded = crate::chars::fold(&c.name);
            if folded.len() < 4 || spellings.contains(&folded) || c.skills.is_empty() {
                continue;
            }
            if groups
                .iter()
                .any(|g| g.competency.as_deref() == Some(c.id.as_str()))
            {
                continue;
            }
            let options: Vec<usize> = c.skills.iter().filter_map(|s| t.skill_index(s)).collect();
            if options.is_empty() {
                continue;
            }
            groups.push(Group {
                id: c.id.clone(),
                label: c.name.clone(),
                competency: Some(c.id.clone()),
                options,
            });
            phrase_of.push(None);
            let g = groups.len() - 1;
            names.push(folded.clone());
            name_groups.push(g);
            if folded.contains(" and ") {
                names.push(folded.replace(" and ", " & "));
                name_groups.push(g);
            }
        }
        let names = (!names.is_empty()).then(|| {
            aho_corasick::AhoCorasickBuilder::new()
                .match_kind(aho_corasick::MatchKind::LeftmostLongest)
                .ascii_case_insensitive(true)
                .build(&names)
                .expect("competency names build an automaton")
        });
        Groups {
            groups,
            phrase_of,
            names,
            name_groups,
        }
    }

    /// The group at `i`.
    pub fn get(&self, i: usize) -> &Group {
        &self.groups[i]
    }

    /// Every group phrase in `text`, left to right, phrases before overlapping
    /// competency names.
    pub fn find(&self, text: &str) -> Vec<GroupHit> {
        let mut hits = Vec::new();
        let lower = text.to_lowercase();
        let mut push = |g: usize, start: usize, end: usize| {
            if !hits
                .iter()
                .any(|h: &GroupHit| h.start < end && start < h.end)
            {
                hits.push(GroupHit {
                    group: g,
                    start,
                    end,
                });
            }
        };
        for (g, p) in self.phrase_of.iter().enumerate() {
            let Some(p) = p else { continue };
            if !p.keywords.is_empty() && !p.keywords.iter().any(|k| lower.contains(k.as_str())) {
                continue;
            }
            for m in p.regex.find_iter(text) {
                push(g, m.start(), m.end());
            }
        }
        if let Some(ac) = &self.names {
            for m in ac.find_iter(text) {
                let before = text[..m.start()].chars().next_back();
                let after = text[m.end()..].chars().next();
                if before.is_none_or(|c| !c.is_alphanumeric())
                    && after.is_none_or(|c| !c.is_alphanumeric())
                {
                    push(self.name_groups[m.pattern().as_usize()], m.start(), m.end());
                }
            }
        }
        hits.sort_by_key(|h| h.start);
        hits
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn taxonomy() -> Taxonomy {
        Taxonomy::from_yaml(
            r"id: t
competencies:
  - {id: backend-frameworks, name: Backend Frameworks, skills: [django, express]}
  - {id: api-development, name: API Development, skills: [rest]}
skills:
  - {id: django, name: Django}
  - {id: express, name: Express}
  - {id: postgresql, name: PostgreSQL}
  - {id: mysql, name: MySQL}
  - {id: rest, name: REST}
  - {id: aws, name: AWS}
levels:
  - {id: junior, requirements: [{competency: backend-frameworks}]}
groups:
  - {id: backend-framework, label: a backend framework, pattern: '\b(?:backend|web)\s+frameworks?\b', keywords: [framework], competency: backend-frameworks}
  - {id: relational-database, label: a relational database, pattern: '\brelational\s+databases?\b', keywords: [relational], skills: [postgresql, mysql]}
  - {id: cloud-platform, label: a cloud platform, pattern: '\b(?:a|any|one|major)\s+(?:major\s+)?cloud\b', keywords: [cloud], skills: [aws]}
",
        )
        .unwrap()
    }

    fn found_in(t: &Taxonomy, text: &str) -> Vec<(String, String)> {
        let g = Groups::new(t);
        g.find(text)
            .into_iter()
            .map(|h| (g.get(h.group).id.clone(), text[h.start..h.end].to_string()))
            .collect()
    }

    fn found(text: &str) -> Vec<(String, String)> {
        found_in(&taxonomy(), text)
    }

    #[test]
    fn phrases_name_groups() {
        assert_eq!(
            found("Experience with a backend framework and relational databases"),
            [
                ("backend-frameworks".into(), "backend framework".into()),
                ("relational-database".into(), "relational databases".into())
            ]
        );
        assert_eq!(
            found("a major cloud provider"),
            [("cloud-platform".into(), "a major cloud".into())]
        );
    }

    #[test]
    fn every_builtin_group_finds_its_example() {
        let t = Taxonomy::builtin();
        assert!(t.groups().len() >= 10);
        for g in t.groups() {
            assert!(!g.example.is_empty(), "{}: give it an example", g.id);
            let hits = found_in(&t, &g.example);
            assert_eq!(hits.len(), 1, "{}: {hits:?}", g.id);
            let want = g.competency.as_deref().unwrap_or(&g.id);
            assert_eq!(hits[0].0, want, "{}", g.id);
        }
    }

    #[test]
    fn competency_names_are_phrases_too() {
        assert_eq!(
            found("Strong API development skills"),
            [("api-development".into(), "API development".into())]
        );
    }

    #[test]
    fn a_taxonomy_without_groups_reads_no_phrases() {
        let t = Taxonomy::from_yaml(
            "id: t\nskills:\n  - {id: kafka, name: Kafka}\nlevels:\n  - {id: junior, requirements: [{skill: kafka}]}\n",
        )
        .unwrap();
        assert!(found_in(&t, "Kafka or another message broker").is_empty());
    }

    #[test]
    fn the_competency_supplies_the_options() {
        let t = taxonomy();
        let g = Groups::new(&t);
        let hit = g.find("web frameworks")[0];
        let ids: Vec<&str> = g
            .get(hit.group)
            .options
            .iter()
            .map(|&i| t.skills()[i].id.as_str())
            .collect();
        assert_eq!(ids, ["django", "express"]);
    }
}
