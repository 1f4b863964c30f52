//! Consistency checks on a taxonomy, and locating problems in its source text.

use super::schema::{Effort, TaxonomyFile, SCHEMA_VERSION};
use crate::error::{did_you_mean, Problem};
use std::collections::{HashMap, HashSet};

/// Where in the file a problem is: an entry of a top-level list (by id), and
/// optionally a value inside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Locus {
    /// Top-level key: `skills`, `competencies`, `levels`, `settings`, ...
    pub section: &'static str,
    /// The entry's id, when the problem is inside a list entry.
    pub id: Option<String>,
    /// A value to point at inside the entry (an alias, an id it references...).
    pub needle: Option<String>,
}

/// The longest learning-plan effort a taxonomy may give one competency or
/// skill, in months: a longer one is a career, not a step.
pub(crate) const MAX_EFFORT_MONTHS: f64 = 36.0;

fn at(section: &'static str, id: &str, needle: Option<&str>) -> Locus {
    Locus {
        section,
        id: Some(id.to_string()),
        needle: needle.map(str::to_string),
    }
}

/// Folds an alias the way the exact matcher compares it.
pub(crate) fn alias_key(alias: &str) -> String {
    alias
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_ascii_lowercase()
}

/// Every consistency problem of `file`, with where it is.
pub(crate) fn validate(file: &TaxonomyFile) -> Vec<(Locus, Problem)> {
    let mut out = Vec::new();
    let mut push = |locus: Locus, message: String, hint: Option<String>| {
        out.push((locus, Problem::new(message, hint)))
    };
    let top = |section: &'static str| Locus {
        section,
        id: None,
        needle: None,
    };

    if file.schema_version != SCHEMA_VERSION {
        push(
            top("schema_version"),
            format!("schema_version {} is not supported", file.schema_version),
            Some(format!("this build reads schema_version {SCHEMA_VERSION}")),
        );
    }
    if file.id.trim().is_empty() {
        push(
            top("id"),
            "the taxonomy has no `id`".into(),
            Some("add `id: my-role` at the top".into()),
        );
    }
    let s = &file.settings;
    if !(s.fuzzy_threshold > 0.0 && s.fuzzy_threshold <= 1.0) {
        push(
            top("settings"),
            format!("fuzzy_threshold {} is out of range", s.fuzzy_threshold),
            Some("use a similarity in (0, 1], e.g. 0.8".into()),
        );
    }
    if s.fuzzy_min_len < 2 {
        push(
            top("settings"),
            format!("fuzzy_min_len {} is too small", s.fuzzy_min_len),
            Some("use 4 or more; short tokens make fuzzy matches meaningless".into()),
        );
    }
    if !(0.0..=1.0).contains(&s.relevance_full) {
        push(
            top("settings"),
            format!("relevance_full {} is out of range", s.relevance_full),
            Some("use a coverage in [0, 1]; 0 turns the relevance scaling off".into()),
        );
    }
    if !(0.0..=1.0).contains(&s.unplaced_years_share) || !(0.0..=5.0).contains(&s.years_tolerance) {
        push(
            top("settings"),
            format!(
                "unplaced_years_share {} or years_tolerance {} is out of range",
                s.unplaced_years_share, s.years_tolerance
            ),
            Some("use a share in [0, 1] and a tolerance in [0, 5] years".into()),
        );
    }
    if !(0.0..=1000.0).contains(&s.fit_evidence_lines) || !(0.0..=100.0).contains(&s.fit_margin) {
        push(
            top("settings"),
            format!(
                "fit_evidence_lines {} or fit_margin {} is out of range",
                s.fit_evidence_lines, s.fit_margin
            ),
            Some("use a number of lines in [0, 1000] and fit points in [0, 100]".into()),
        );
    }
    if !(0.0..=100.0).contains(&s.level_threshold) {
        push(
            top("settings"),
            format!("level_threshold {} is out of range", s.level_threshold),
            Some("use a readiness percentage in [0, 100]".into()),
        );
    }

    let source_ids: HashSet<&str> = file.sources.iter().map(|s| s.id.as_str()).collect();
    let check_sources =
        |section: &'static str,
         id: &str,
         sources: &[String],
         push: &mut dyn FnMut(Locus, String, Option<String>)| {
            if source_ids.is_empty() {
                return;
            }
            for s in sources {
                if !source_ids.contains(s.as_str()) {
                    push(
                        at(section, id, Some(s)),
                        format!("`{id}` cites unknown source `{s}`"),
                        hint_for(s, source_ids.iter().copied(), "define it under `sources:`"),
                    );
                }
            }
        };

    // A learning-plan effort: a duration in range, traced to a source.
    let check_effort =
        |section: &'static str,
         id: &str,
         effort: Option<&Effort>,
         push: &mut dyn FnMut(Locus, String, Option<String>)| {
            let Some(e) = effort else { return };
            if !(e.months > 0.0 && e.months <= MAX_EFFORT_MONTHS) {
                push(
                    at(section, id, Some("effort")),
                    format!("`{id}` has effort of {} months, out of range", e.months),
                    Some(format!("use months in (0, {MAX_EFFORT_MONTHS}]")),
                );
            }
            if e.source.trim().is_empty() {
                push(
                at(section, id, Some("effort")),
                format!("`{id}` has an effort without a `source`"),
                Some("cite the source of the duration (`recruiter-estimate` where the seeds give none)".into()),
            );
            } else {
                check_sources(section, id, std::slice::from_ref(&e.source), push);
            }
        };

    // Ids: unique across skills and competencies, kebab-case.
    let mut kinds: HashMap<&str, &'static str> = HashMap::new();
    for (section, id) in file
        .competencies
        .iter()
        .map(|c| ("competencies", c.id.as_str()))
        .chain(file.skills.iter().map(|s| ("skills", s.id.as_str())))
    {
        if !is_kebab(id) {
            push(
                at(section, id, None),
                format!("id `{id}` is not kebab-case"),
                Some(
                    "use lower-case letters, digits and single hyphens, e.g. `spring-boot`".into(),
                ),
            );
        }
        if let Some(first) = kinds.insert(id, section) {
            push(
                at(section, id, None),
                format!("id `{id}` is defined twice (also in {first})"),
                Some("ids are unique across skills and competencies; rename one".into()),
            );
        }
    }
    let skill_ids: Vec<&str> = file.skills.iter().map(|s| s.id.as_str()).collect();
    let comp_ids: Vec<&str> = file.competencies.iter().map(|c| c.id.as_str()).collect();
    let is_skill = |id: &str| kinds.get(id) == Some(&"skills");
    let is_comp = |id: &str| kinds.get(id) == Some(&"competencies");

    // Skills: names, aliases, regexes, references.
    let mut owners: HashMap<String, &str> = HashMap::new();
    for skill in &file.skills {
        let id = skill.id.as_str();
        if skill.name.trim().is_empty() {
            push(
                at("skills", id, None),
                format!("skill `{id}` has no `name`"),
                Some("add the display name, e.g. `name: PostgreSQL`".into()),
            );
        }
        let mut spellings: Vec<&str> = vec![skill.name.as_str()];
        spellings.extend(skill.aliases.iter().map(String::as_str));
        spellings.extend(skill.ambiguous.iter().map(|a| a.text.as_str()));
        let mut own = HashSet::new();
        for alias in spellings {
            if alias.trim().is_empty() {
                if !skill.name.trim().is_empty() {
                    push(
                        at("skills", id, None),
                        format!("skill `{id}` has an empty alias"),
                        Some("remove it".into()),
                    );
                }
                continue;
            }
            let key = alias_key(alias);
            if !own.insert(key.clone()) {
                continue;
            }
            if key.chars().count() == 1 && !skill.ambiguous.iter().any(|a| a.text == alias) {
                push(
                    at("skills", id, Some(alias)),
                    format!("one-letter alias `{alias}` of `{id}` would match everywhere"),
                    Some("list it under `ambiguous:` with `context:` rules".into()),
                );
            }
            match owners.get(&key) {
                Some(other) if *other != id => push(
                    at("skills", id, Some(alias)),
                    format!("alias `{alias}` is claimed by both `{other}` and `{id}`"),
                    Some(format!("keep it under one skill; use `implies:` on `{other}` if a mention should prove both")),
                ),
                _ => {
                    owners.insert(key, id);
                }
            }
        }
        for pattern in skill
            .patterns
            .iter()
            .chain(skill.context.iter().flat_map(|c| {
                c.reject_before
                    .iter()
                    .chain(&c.reject_after)
                    .chain(&c.accept)
            }))
        {
            if let Err(e) = regex::Regex::new(pattern) {
                let first = e
                    .to_string()
                    .lines()
                    .last()
                    .unwrap_or("")
                    .trim()
                    .to_string();
                push(
                    at("skills", id, Some(pattern)),
                    format!("bad regex in `{id}`: {first}"),
                    Some("patterns use Rust `regex` syntax; escape `.`, `+`, `(` with `\\`".into()),
                );
            }
        }
        if let Some(c) = &skill.context {
            if skill.ambiguous.is_empty() && (!c.accept.is_empty() || c.strict) {
                push(
                    at("skills", id, Some("context")),
                    format!("skill `{id}` has `accept`/`strict` context rules but no `ambiguous` aliases"),
                    Some("`accept` and `strict` confirm `ambiguous:` spellings only; `reject_before`/`reject_after` apply to every spelling".into()),
                );
            }
        }
        for implied in &skill.implies {
            if !is_skill(implied) {
                push(
                    at("skills", id, Some(implied)),
                    format!("`{id}` implies unknown skill `{implied}`"),
                    hint_for(
                        implied,
                        skill_ids.iter().copied(),
                        "define the skill or remove it",
                    ),
                );
            } else if implied == id {
                push(
                    at("skills", id, Some(implied)),
                    format!("`{id}` implies itself"),
                    Some("remove it".into()),
                );
            }
        }
        check_sources("skills", id, &skill.source, &mut push);
        check_effort("skills", id, skill.effort.as_ref(), &mut push);
        for sug in &skill.suggestions {
            if !sug.source.is_empty() {
                check_sources("skills", id, std::slice::from_ref(&sug.source), &mut push);
            }
        }
    }

    // Competencies.
    for comp in &file.competencies {
        let id = comp.id.as_str();
        if comp.name.trim().is_empty() {
            push(
                at("competencies", id, None),
                format!("competency `{id}` has no `name`"),
                None,
            );
        }
        if comp.skills.is_empty() {
            push(
                at("competencies", id, None),
                format!("competency `{id}` lists no skills"),
                Some("list the skill ids that evidence it under `skills:`".into()),
            );
        }
        for s in &comp.skills {
            if !is_skill(s) {
                push(
                    at("competencies", id, Some(s)),
                    format!("competency `{id}` lists unknown skill `{s}`"),
                    hint_for(
                        s,
                        skill_ids.iter().copied(),
                        "define the skill under `skills:`",
                    ),
                );
            }
        }
        check_sources("competencies", id, &comp.source, &mut push);
        check_effort("competencies", id, comp.effort.as_ref(), &mut push);
        for sug in &comp.suggestions {
            if !sug.source.is_empty() {
                check_sources(
                    "competencies",
                    id,
                    std::slice::from_ref(&sug.source),
                    &mut push,
                );
            }
        }
    }

    // Levels.
    if file.levels.is_empty() {
        push(
            top("levels"),
            "the taxonomy defines no levels".into(),
            Some("add at least one level with requirements".into()),
        );
    }
    let mut level_ids = HashSet::new();
    for level in &file.levels {
        let id = level.id.as_str();
        if !level_ids.insert(id) {
            push(
                at("levels", id, None),
                format!("level `{id}` is defined twice"),
                Some("rename or remove one".into()),
            );
        }
        if level.requirements.is_empty() {
            push(
                at("levels", id, None),
                format!("level `{id}` has no requirements"),
                Some("add `requirements:` with competencies or skills".into()),
            );
        }
        let g = &level.gate;
        for s in &g.any_of {
            if !skill_ids.contains(&s.as_str()) {
                push(
                    at("levels", id, Some("gate")),
                    format!("level `{id}` gate names unknown skill `{s}`"),
                    Some("list skill ids defined under `skills:`".into()),
                );
            }
        }
        let all_levels: HashSet<&str> = file.levels.iter().map(|l| l.id.as_str()).collect();
        for t in &g.not_titled {
            if !all_levels.contains(t.as_str()) {
                push(
                    at("levels", id, Some("gate")),
                    format!("level `{id}` gate `not_titled` names unknown level `{t}`"),
                    Some("list level ids defined under `levels:`".into()),
                );
            }
        }
        if !(0.0..=1.0).contains(&g.breadth)
            || g.title_breadth.is_some_and(|b| !(0.0..=1.0).contains(&b))
            || !(0.0..=1.0).contains(&g.responsibilities)
            || g.readiness.is_some_and(|r| !(0.0..=100.0).contains(&r))
        {
            push(
                at("levels", id, Some("gate")),
                format!("level `{id}` has a gate out of range"),
                Some("use readiness in [0, 100], breadth, title_breadth and responsibilities in [0, 1]".into()),
            );
        }
        let b = level.blend;
        if [b.skills, b.years, b.responsibilities]
            .iter()
            .any(|x| *x < 0.0)
            || b.skills + b.years + b.responsibilities <= 0.0
        {
            push(
                at("levels", id, Some("blend")),
                format!("level `{id}` has a blend that does not add up to a positive total"),
                Some(
                    "use non-negative shares, e.g. skills 0.7, years 0.2, responsibilities 0.1"
                        .into(),
                ),
            );
        }
        if level.years.min < 0.0 || level.years.max.is_some_and(|m| m < level.years.min) {
            push(
                at("levels", id, Some("years")),
                format!("level `{id}` has an invalid years range"),
                Some("min >= 0 and max >= min".into()),
            );
        }
        for (field, reqs) in [
            ("requirements", &level.requirements),
            ("responsibilities", &level.responsibilities),
        ] {
            for r in reqs {
                let target = r.target();
                match (&r.competency, &r.skill) {
                    (Some(_), Some(_)) | (None, None) => push(at("levels", id, Some(field)), format!("a {field} entry of level `{id}` must name exactly one of `competency` or `skill`"), None),
                    (Some(c), None) if !is_comp(c) => push(at("levels", id, Some(c)), format!("level `{id}` requires unknown competency `{c}`"), hint_for(c, comp_ids.iter().copied(), if is_skill(c) { "it is a skill: write `skill:`" } else { "define it under `competencies:`" })),
                    (None, Some(s)) if !is_skill(s) => push(at("levels", id, Some(s)), format!("level `{id}` requires unknown skill `{s}`"), hint_for(s, skill_ids.iter().copied(), if is_comp(s) { "it is a competency: write `competency:`" } else { "define it under `skills:`" })),
                    _ => {}
                }
                if let Some(w) = r.weight {
                    if !(w > 0.0 && w <= 10.0) {
                        push(
                            at("levels", id, Some(target)),
                            format!("weight {w} of `{target}` in level `{id}` is out of range"),
                            Some("weights are in (0, 10]".into()),
                        );
                    }
                }
            }
        }
        for c in &level.certifications {
            if !is_skill(c) {
                push(
                    at("levels", id, Some(c)),
                    format!("level `{id}` lists unknown certification `{c}`"),
                    hint_for(
                        c,
                        skill_ids.iter().copied(),
                        "define it as a skill with `kind: certification`",
                    ),
                );
            }
        }
        check_sources("levels", id, &level.source, &mut push);
    }

    // Level words: folded, one or two words, each naming one level.
    let mut word_levels: HashMap<&str, &str> = HashMap::new();
    for level in &file.levels {
        for w in &level.words {
            let words = w.split(' ').count();
            if !is_folded(w) || words > 2 {
                push(
                    at("levels", &level.id, Some(w)),
                    format!("level word `{w}` of `{}` is not one or two folded words", level.id),
                    Some("write lower-case letters and digits, words separated by one space, e.g. `entry level`".into()),
                );
            }
            if let Some(other) = word_levels.insert(w, &level.id) {
                push(
                    at("levels", &level.id, Some(w)),
                    format!("level word `{w}` names both `{other}` and `{}`", level.id),
                    Some("a word names one level; keep it on one".into()),
                );
            }
        }
    }

    // Title words: the level words that also name the level in a resume's job
    // title. One list would read "Data Entry Operator" or "Head Office" as a
    // stage, so `title_words` may leave words out, but never adds one: a word
    // names the same level in postings and resumes.
    for level in &file.levels {
        for w in &level.title_words {
            if *w != level.id && !level.words.contains(w) {
                let hint = match word_levels.get(w.as_str()) {
                    Some(other) => format!("`{w}` is a word of `{other}`: keep it on one level"),
                    None => format!("add `{w}` to the `words` of `{}` too", level.id),
                };
                push(
                    at("levels", &level.id, Some(w)),
                    format!(
                        "title word `{w}` of `{}` is not one of its level words",
                        level.id
                    ),
                    Some(hint),
                );
            }
        }
    }

    // Skill groups: phrases of job descriptions.
    let mut group_ids: HashSet<&str> = HashSet::new();
    for g in &file.groups {
        let id = g.id.as_str();
        if !is_kebab(id) {
            push(
                at("groups", id, None),
                format!("group id `{id}` is not kebab-case"),
                Some(
                    "use lower-case letters, digits and single hyphens, e.g. `message-broker`"
                        .into(),
                ),
            );
        }
        if !group_ids.insert(id) {
            push(
                at("groups", id, None),
                format!("group `{id}` is defined twice"),
                Some("merge the two entries".into()),
            );
        }
        if g.label.trim().is_empty() {
            push(
                at("groups", id, None),
                format!("group `{id}` has no `label`"),
                Some("say how the requirement reads, e.g. `a message broker`".into()),
            );
        }
        if g.pattern.trim().is_empty() {
            push(
                at("groups", id, None),
                format!("group `{id}` has no `pattern`"),
                Some(
                    "give the regular expression of the phrase, e.g. `\\bmessage\\s+brokers?\\b`"
                        .into(),
                ),
            );
        }
        match (&g.competency, g.skills.is_empty()) {
            (Some(c), true) if !is_comp(c) => push(
                at("groups", id, Some(c)),
                format!("group `{id}` names unknown competency `{c}`"),
                hint_for(
                    c,
                    comp_ids.iter().copied(),
                    "define it under `competencies:`",
                ),
            ),
            (Some(_), true) => {}
            (None, false) => {
                for s in &g.skills {
                    if !is_skill(s) {
                        push(
                            at("groups", id, Some(s)),
                            format!("group `{id}` names unknown skill `{s}`"),
                            hint_for(s, skill_ids.iter().copied(), "define it under `skills:`"),
                        );
                    }
                }
            }
            _ => push(
                at("groups", id, None),
                format!("group `{id}` must name exactly one of `competency` or `skills`"),
                None,
            ),
        }
        for k in &g.keywords {
            if k.is_empty() || k.chars().any(char::is_uppercase) {
                push(
                    at("groups", id, Some(k)),
                    format!("keyword `{k}` of group `{id}` is empty or not lower case"),
                    Some("keywords are lower-case fragments the text must contain".into()),
                );
            }
        }
        match regex::Regex::new(&format!("(?i){}", g.pattern)) {
            Err(e) => push(
                at("groups", id, Some("pattern")),
                format!(
                    "bad regex in group `{id}`: {}",
                    e.to_string().lines().last().unwrap_or_default().trim()
                ),
                Some("patterns use Rust `regex` syntax; escape `.`, `+`, `(` with `\\`".into()),
            ),
            Ok(re) if !g.example.is_empty() => {
                let lower = g.example.to_lowercase();
                let prefilter =
                    g.keywords.is_empty() || g.keywords.iter().any(|k| lower.contains(k.as_str()));
                if !re.is_match(&g.example) || !prefilter {
                    push(
                        at("groups", id, Some("example")),
                        format!("group `{id}` does not find its example `{}`", g.example),
                        Some("fix the pattern, or add a keyword the example contains".into()),
                    );
                }
            }
            Ok(_) => {}
        }
    }
    out
}

/// Whether `w` is written as the job-description reader folds text: lower-case
/// letters and digits, words separated by single spaces.
fn is_folded(w: &str) -> bool {
    !w.is_empty()
        && w.split(' ')
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_alphanumeric() && !c.is_uppercase()))
}

fn hint_for<'a>(
    given: &str,
    known: impl IntoIterator<Item = &'a str>,
    otherwise: &str,
) -> Option<String> {
    Some(match did_you_mean(given, known) {
        Some(s) => format!("did you mean `{s}`?"),
        None => otherwise.to_string(),
    })
}

fn is_kebab(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('-')
        && !id.ends_with('-')
        && !id.contains("--")
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Finds `locus` in a YAML source text: the line of the entry `id: ID` inside
/// the top-level `section`, then the first later line inside that entry that
/// contains `needle`. Returns 1-based (line, column).
pub(crate) fn locate(src: &str, locus: &Locus) -> Option<(usize, usize)> {
    let lines: Vec<&str> = src.lines().collect();
    let section_key = format!("{}:", locus.section);
    let start = lines.iter().position(|l| l.starts_with(&section_key))?;
    let end = lines[start + 1..]
        .iter()
        .position(|l| l.starts_with(|c: char| c.is_ascii_alphabetic()))
        .map_or(lines.len(), |p| start + 1 + p);
    let Some(id) = &locus.id else {
        return Some((start + 1, 1));
    };
    let entry = (start..end).find(|&i| entry_id(lines[i]) == Some(id.as_str()))?;
    let indent = lines[entry].len() - lines[entry].trim_start_matches([' ', '-']).len();
    let entry_end = (entry + 1..end)
        .find(|&i| {
            let l = lines[i];
            let trimmed = l.trim_start();
            let ind = l.len() - trimmed.len();
            trimmed.starts_with("- ") && ind + 2 <= indent && entry_id(l).is_some()
        })
        .unwrap_or(end);
    let col_of = |i: usize| lines[i].len() - lines[i].trim_start_matches([' ', '-']).len() + 1;
    let Some(needle) = &locus.needle else {
        return Some((entry + 1, col_of(entry)));
    };
    for (i, line) in lines.iter().enumerate().take(entry_end).skip(entry) {
        if let Some(c) = find_value(line, needle) {
            return Some((i + 1, c + 1));
        }
    }
    Some((entry + 1, col_of(entry)))
}

/// The id on a line like `  - id: foo` or `    id: "foo"`.
fn entry_id(line: &str) -> Option<&str> {
    let t = line.trim_start().trim_start_matches("- ").trim_start();
    let v = t.strip_prefix("id:")?.trim();
    let v = v.split(" #").next().unwrap_or(v).trim();
    Some(v.trim_matches(['"', '\'']))
}

/// Byte column of `needle` in `line` as a whole value (not inside a longer word).
fn find_value(line: &str, needle: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(p) = line[from..].find(needle) {
        let s = from + p;
        let e = s + needle.len();
        let before = line[..s].chars().next_back();
        let after = line[e..].chars().next();
        let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '-' || c == '_');
        if !word(before) && !word(after) {
            return Some(s);
        }
        from = s + needle.len().max(1);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const SRC: &str = "\
id: demo
skills:
  - id: go
    name: Go
    aliases: [Golang, \"Go lang\"]
  - id: rust
    name: Rust
    aliases:
      - Rust lang
levels:
  - id: junior
    requirements:
      - skill: golang
";

    #[test]
    fn locates_entries_and_values() {
        assert_eq!(locate(SRC, &at("skills", "go", None)), Some((3, 5)));
        assert_eq!(
            locate(SRC, &at("skills", "go", Some("Go lang"))),
            Some((5, 24))
        );
        assert_eq!(
            locate(SRC, &at("skills", "rust", Some("Rust lang"))),
            Some((9, 9))
        );
        assert_eq!(
            locate(SRC, &at("levels", "junior", Some("golang"))),
            Some((13, 16))
        );
    }

    #[test]
    fn a_needle_inside_a_longer_word_is_not_found() {
        assert_eq!(find_value("aliases: [Golang]", "Go"), None);
        assert_eq!(find_value("aliases: [Go, Golang]", "Go"), Some(10));
    }

    #[test]
    fn a_title_word_names_the_level_its_level_words_name() {
        let yaml = "\
id: demo
skills:
  - {id: go, name: Go}
levels:
  - id: lead
    words: [staff]
    title_words: [lead, staff]
    requirements: [{skill: go}]
  - id: architect
    words: [principal]
    title_words: [architect, principal, staff, cto]
    requirements: [{skill: go}]
";
        let file = super::super::loader::parse(yaml).unwrap();
        let problems: Vec<String> = validate(&file)
            .into_iter()
            .map(|(_, p)| p.message)
            .filter(|m| m.starts_with("title word"))
            .collect();
        assert_eq!(
            problems,
            [
                "title word `staff` of `architect` is not one of its level words",
                "title word `cto` of `architect` is not one of its level words",
            ]
        );
    }

    #[test]
    fn kebab_case() {
        assert!(is_kebab("spring-boot"));
        assert!(is_kebab("ci-cd"));
        assert!(!is_kebab("Spring_Boot"));
        assert!(!is_kebab("a--b"));
        assert!(!is_kebab("-a"));
    }
}
