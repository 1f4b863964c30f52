//! Phrases that ask for *any* skill of a kind: "a backend framework",
//! "relational databases", "a major cloud provider".
//!
//! Two sources, both compiled per taxonomy:
//!
//! 1. **A phrase table in code** ([`PHRASES`]): each phrase is a regular
//!    expression with the skills that satisfy it. A phrase names a competency
//!    of the built-in taxonomy where one fits exactly (`backend-frameworks`,
//!    `server-side-programming`); with a taxonomy that has that competency, its
//!    skills satisfy the phrase. Otherwise the listed skill ids that the
//!    taxonomy defines do. A phrase whose skills the taxonomy does not know is
//!    dropped.
//! 2. **Competency names**: every competency name of the taxonomy, matched as
//!    whole words, ASCII case-insensitive, its words separated by single spaces,
//!    `and` also written `&` ("API development", "Authentication & Authorization").
//!    Names that are also a skill's name or alias are left to the skill.
//!
//! Where a phrase and a competency name overlap, the phrase wins.

use crate::taxonomy::Taxonomy;
use regex::Regex;
use std::sync::OnceLock;

/// One phrase of the table.
pub(crate) struct PhraseSpec {
    /// Stable key, used as the requirement id when no competency is named.
    pub key: &'static str,
    /// How the requirement reads ("a backend framework").
    pub label: &'static str,
    /// Regular expression (case-insensitive, whole words).
    pub pattern: &'static str,
    /// A competency whose skills satisfy the phrase, when the taxonomy has it.
    pub competency: Option<&'static str>,
    /// Otherwise, skill ids that satisfy it (those the taxonomy defines).
    pub skills: &'static [&'static str],
    /// Lower-case fragments one of which the text must contain for the
    /// pattern to be tried (a cheap prefilter).
    pub keywords: &'static [&'static str],
}

/// The phrase table.
pub(crate) const PHRASES: &[PhraseSpec] = &[
    PhraseSpec {
        key: "programming-language",
        label: "a programming language",
        pattern: r"\b(?:(?:modern|general[- ]purpose|object[- ]oriented|backend|back[- ]end|server[- ]side|high[- ]level|compiled|statically[- ]typed)\s+)?programming\s+languages?\b|\b(?:backend|back[- ]end|server[- ]side)\s+(?:programming\s+)?languages?\b",
        competency: Some("server-side-programming"),
        skills: &[
            "java",
            "python",
            "go",
            "nodejs",
            "rust",
            "csharp",
            "kotlin",
            "scala",
            "ruby",
            "php",
            "typescript",
            "cpp",
            "elixir",
        ],
        keywords: &["language"],
    },
    PhraseSpec {
        key: "backend-framework",
        label: "a backend framework",
        pattern: r"\b(?:backend|back[- ]end|server[- ]side|web|mvc|api|application)\s+frameworks?\b",
        competency: Some("backend-frameworks"),
        skills: &[
            "spring-boot",
            "django",
            "express",
            "fastapi",
            "laravel",
            "nestjs",
            "flask",
            "rails",
            "dotnet",
            "aspnet",
            "gin",
            "fiber",
        ],
        keywords: &["framework"],
    },
    PhraseSpec {
        key: "relational-database",
        label: "a relational database",
        pattern: r"\b(?:relational|sql|rdbms)\s+(?:databases?|data\s?stores?|dbs?|database\s+management\s+systems?)\b|\brdbms\b|\brelational\s+data\b",
        competency: None,
        skills: &[
            "postgresql",
            "mysql",
            "mariadb",
            "sql-server",
            "mssql",
            "oracle",
            "oracle-db",
            "sqlite",
        ],
        keywords: &["relational", "sql", "rdbms"],
    },
    PhraseSpec {
        key: "nosql-database",
        label: "a NoSQL database",
        pattern: r"\b(?:nosql|non[- ]relational|document|key[- ]value|wide[- ]column)\s+(?:databases?|data\s?stores?|stores?|dbs?)\b|\bnosql\b",
        competency: None,
        skills: &[
            "mongodb",
            "redis",
            "cassandra",
            "dynamodb",
            "couchbase",
            "couchdb",
            "elasticsearch",
            "hbase",
            "neo4j",
        ],
        keywords: &["sql", "relational", "document", "key", "column"],
    },
    PhraseSpec {
        key: "cloud-platform",
        label: "a cloud platform",
        pattern: r"\b(?:public\s+)?cloud\s+(?:platforms?|providers?|services?|technologies|infrastructure|environments?|computing)\b|\b(?:a|any|one|major)\s+(?:major\s+)?(?:public\s+)?cloud\b|\bpublic\s+cloud\b",
        competency: None,
        skills: &[
            "aws",
            "gcp",
            "azure",
            "oci",
            "digitalocean",
            "ibm-cloud",
            "alibaba-cloud",
        ],
        keywords: &["cloud"],
    },
    PhraseSpec {
        key: "message-broker",
        label: "a message broker",
        pattern: r"\b(?:message|messaging)\s+(?:brokers?|queues?|queuing|queueing|systems?|bus(?:es)?|platforms?)\b|\bevent[- ]streaming(?:\s+platforms?)?\b|\bstreaming\s+platforms?\b|\bpub/?sub\b|\bevent\s+bus(?:es)?\b",
        competency: None,
        skills: &[
            "kafka",
            "rabbitmq",
            "activemq",
            "sqs",
            "sns",
            "pubsub",
            "nats",
            "pulsar",
            "kinesis",
            "azure-service-bus",
            "event-hubs",
        ],
        keywords: &["messag", "stream", "pub", "bus"],
    },
    PhraseSpec {
        key: "task-queue",
        label: "a task queue",
        pattern: r"\b(?:task|job|work)\s+queues?\b|\bbackground\s+(?:job|task)\s+(?:queues?|frameworks?|systems?)\b",
        competency: None,
        skills: &["celery", "rq", "sidekiq", "bullmq", "resque", "hangfire"],
        keywords: &["queue", "background"],
    },
    PhraseSpec {
        key: "container-orchestration",
        label: "container orchestration",
        pattern: r"\bcontainer\s+orchestration\b|\borchestration\s+(?:platforms?|tools?)\b",
        competency: None,
        skills: &["kubernetes", "openshift", "nomad", "ecs", "docker-swarm"],
        keywords: &["orchestration"],
    },
    PhraseSpec {
        key: "version-control",
        label: "version control",
        pattern: r"\b(?:version|source)\s+control(?:\s+systems?)?\b|\bVCS\b",
        competency: None,
        skills: &["git", "svn", "mercurial"],
        keywords: &["control", "vcs"],
    },
    PhraseSpec {
        key: "infrastructure-as-code",
        label: "infrastructure as code",
        pattern: r"\binfrastructure[- ]as[- ]code\b|\bIaC\b",
        competency: None,
        skills: &[
            "terraform",
            "pulumi",
            "cloudformation",
            "ansible",
            "bicep",
            "aws-cdk",
        ],
        keywords: &["code", "iac"],
    },
    PhraseSpec {
        key: "caching",
        label: "a cache",
        pattern: r"\b(?:distributed|in[- ]memory)\s+(?:caches?|caching|data\s?stores?|stores?)\b|\bcaching\s+(?:layers?|systems?|solutions?|technologies)\b",
        competency: None,
        skills: &["redis", "memcached", "hazelcast"],
        keywords: &["cach", "memory"],
    },
];

fn phrase_regexes() -> &'static [Regex] {
    static RE: OnceLock<Vec<Regex>> = OnceLock::new();
    RE.get_or_init(|| {
        PHRASES
            .iter()
            .map(|p| Regex::new(&format!("(?i){}", p.pattern)).expect("phrase regex compiles"))
            .collect()
    })
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
    /// `Some(i)`: the regex of phrase `i`; `None`: a competency name.
    phrase_of: Vec<Option<usize>>,
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
    /// Compiles the phrase table and the competency names for `t`.
    pub fn new(t: &Taxonomy) -> Groups {
        let mut groups = Vec::new();
        let mut phrase_of = Vec::new();
        let mut names: Vec<String> = Vec::new();
        let mut name_groups = Vec::new();
        for (i, p) in PHRASES.iter().enumerate() {
            let from_competency = p.competency.and_then(|c| t.competency(c));
            let options: Vec<usize> = match from_competency {
                Some(c) => c.skills.iter().filter_map(|s| t.skill_index(s)).collect(),
                None => p.skills.iter().filter_map(|s| t.skill_index(s)).collect(),
            };
            if options.is_empty() {
                continue;
            }
            groups.push(Group {
                id: from_competency.map_or(p.key.to_string(), |c| c.id.clone()),
                label: p.label.to_string(),
                competency: from_competency.map(|c| c.id.clone()),
                options,
            });
            phrase_of.push(Some(i));
        }
        let spellings: std::collections::HashSet<String> = t
            .skills()
            .iter()
            .flat_map(|s| std::iter::once(&s.name).chain(&s.aliases))
            .map(|s| super::sections::fold(s))
            .collect();
        for c in t.competencies() {
            let folded = super::sections::fold(&c.name);
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
        let phrases = phrase_regexes();
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
            let Some(i) = p else { continue };
            if !PHRASES[*i].keywords.iter().any(|k| lower.contains(k)) {
                continue;
            }
            for m in phrases[*i].find_iter(text) {
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
            "id: t
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
",
        )
        .unwrap()
    }

    fn found(text: &str) -> Vec<(String, String)> {
        let g = Groups::new(&taxonomy());
        g.find(text)
            .into_iter()
            .map(|h| (g.get(h.group).id.clone(), text[h.start..h.end].to_string()))
            .collect()
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
    fn every_phrase_matches_its_example_past_the_prefilter() {
        for (key, example) in [
            ("programming-language", "a modern programming language"),
            ("backend-framework", "web frameworks"),
            ("relational-database", "relational databases"),
            ("nosql-database", "NoSQL stores"),
            ("cloud-platform", "a major cloud provider"),
            ("message-broker", "message queues"),
            ("task-queue", "a task queue"),
            ("container-orchestration", "container orchestration"),
            ("version-control", "version control"),
            ("infrastructure-as-code", "Infrastructure-as-Code"),
            ("caching", "distributed caching"),
        ] {
            let i = PHRASES.iter().position(|p| p.key == key).unwrap();
            assert!(phrase_regexes()[i].is_match(example), "{key}");
            let lower = example.to_lowercase();
            assert!(
                PHRASES[i].keywords.iter().any(|k| lower.contains(k)),
                "{key}"
            );
        }
        assert_eq!(PHRASES.len(), 11, "add an example for the new phrase");
    }

    #[test]
    fn competency_names_are_phrases_too() {
        assert_eq!(
            found("Strong API development skills"),
            [("api-development".into(), "API development".into())]
        );
    }

    #[test]
    fn phrases_without_known_skills_are_dropped() {
        // The taxonomy knows no message broker.
        assert!(found("Kafka or another message broker").is_empty());
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
