//! Extending one taxonomy with another (`extends: builtin`).
//!
//! Works on format-neutral trees. Entries of `sources`, `competencies`, `skills`,
//! `levels` and `groups` are matched by `id`: a new id is appended; an existing one is
//! merged field by field — list fields that name things (`aliases`, `ambiguous`,
//! `patterns`, `implies`, `skills`, `suggestions`, `source`, `titles`,
//! `certifications`, `words`, `keywords`, `title_words`, `other_role_titles`) are
//! appended to without duplicates, `requirements` and `responsibilities` are merged
//! by their target (same target replaces, new target appends), and any other field
//! given replaces the old value.
//! `settings` and `cues` merge key by key (cue lists append).
//!
//! A top-level `replace: [competencies, levels]` makes the named lists replace
//! the base's instead (a role profile keeps the shared skills and brings its own
//! competencies, core flags and levels). `replace` itself is validated by the
//! caller against [`super::schema::REPLACEABLE`] and dropped after merging.

use serde_json::{Map, Value};

const KEYED_LISTS: &[&str] = &["sources", "competencies", "skills", "levels", "groups"];
const APPEND_FIELDS: &[&str] = &[
    "aliases",
    "ambiguous",
    "patterns",
    "implies",
    "skills",
    "suggestions",
    "source",
    "titles",
    "certifications",
    "words",
    "keywords",
    "negation",
    "hedge",
    "learning",
    "other_role_titles",
    "title_words",
];
const TARGET_FIELDS: &[&str] = &["requirements", "responsibilities"];

/// Merges `patch` into `base` (both whole taxonomy files).
pub(crate) fn merge(base: &mut Value, patch: Value) {
    let (Some(base), Value::Object(patch)) = (base.as_object_mut(), patch) else {
        return;
    };
    let replace: Vec<String> = patch
        .get("replace")
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default();
    for key in &replace {
        base.remove(key);
    }
    for (key, value) in patch {
        if key == "extends" || key == "replace" {
            continue;
        }
        match (base.get_mut(&key), value) {
            (Some(Value::Array(old)), Value::Array(new)) if KEYED_LISTS.contains(&key.as_str()) => {
                merge_keyed(old, new)
            }
            (Some(Value::Object(old)), Value::Object(new)) => merge_fields(old, new),
            (_, value) => {
                base.insert(key, value);
            }
        }
    }
}

fn merge_keyed(old: &mut Vec<Value>, new: Vec<Value>) {
    for entry in new {
        let id = entry.get("id").cloned();
        let existing = id
            .as_ref()
            .and_then(|id| old.iter_mut().find(|e| e.get("id") == Some(id)));
        match (existing, entry) {
            (Some(Value::Object(o)), Value::Object(n)) => merge_fields(o, n),
            (_, entry) => old.push(entry),
        }
    }
}

fn merge_fields(old: &mut Map<String, Value>, new: Map<String, Value>) {
    for (key, value) in new {
        match (old.get_mut(&key), value) {
            (Some(Value::Array(o)), Value::Array(n)) if APPEND_FIELDS.contains(&key.as_str()) => {
                for item in n {
                    if !o.contains(&item) {
                        o.push(item);
                    }
                }
            }
            (Some(Value::Array(o)), Value::Array(n)) if TARGET_FIELDS.contains(&key.as_str()) => {
                for item in n {
                    let target = target_of(&item);
                    match o
                        .iter_mut()
                        .find(|x| target.is_some() && target_of(x) == target)
                    {
                        Some(slot) => *slot = item,
                        None => o.push(item),
                    }
                }
            }
            (_, value) => {
                old.insert(key, value);
            }
        }
    }
}

fn target_of(v: &Value) -> Option<&Value> {
    v.get("competency").or_else(|| v.get("skill"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn skills_merge_by_id_and_aliases_append() {
        let mut base = json!({"skills": [{"id": "go", "name": "Go", "aliases": ["Golang"]}]});
        merge(
            &mut base,
            json!({"extends": "builtin", "skills": [
                {"id": "go", "aliases": ["Golang", "Go lang"], "kind": "language"},
                {"id": "elixir", "name": "Elixir"}
            ]}),
        );
        assert_eq!(
            base,
            json!({"skills": [
                {"id": "go", "name": "Go", "aliases": ["Golang", "Go lang"], "kind": "language"},
                {"id": "elixir", "name": "Elixir"}
            ]})
        );
    }

    #[test]
    fn requirements_merge_by_target() {
        let mut base = json!({"levels": [{"id": "mid", "requirements": [
            {"skill": "git", "weight": 1.0}, {"competency": "sql-databases"}
        ]}]});
        merge(
            &mut base,
            json!({"levels": [{"id": "mid", "requirements": [
                {"skill": "git", "weight": 3.0}, {"skill": "elixir"}
            ]}]}),
        );
        assert_eq!(
            base["levels"][0]["requirements"],
            json!([{"skill": "git", "weight": 3.0}, {"competency": "sql-databases"}, {"skill": "elixir"}])
        );
    }

    #[test]
    fn replace_swaps_named_lists_and_keeps_the_rest() {
        let mut base = json!({
            "skills": [{"id": "go"}],
            "competencies": [{"id": "backend", "core": true}],
            "levels": [{"id": "junior"}, {"id": "mid"}]
        });
        merge(
            &mut base,
            json!({"extends": "builtin", "replace": ["competencies", "levels"],
                   "skills": [{"id": "react"}],
                   "competencies": [{"id": "frontend", "core": true}],
                   "levels": [{"id": "junior"}]}),
        );
        assert_eq!(
            base,
            json!({
                "skills": [{"id": "go"}, {"id": "react"}],
                "competencies": [{"id": "frontend", "core": true}],
                "levels": [{"id": "junior"}]
            })
        );
    }

    #[test]
    fn replace_of_a_list_the_file_omits_empties_it() {
        let mut base = json!({"levels": [{"id": "junior"}], "skills": []});
        merge(&mut base, json!({"replace": ["levels"]}));
        assert_eq!(base, json!({"skills": []}));
    }

    #[test]
    fn settings_merge_key_by_key() {
        let mut base = json!({"settings": {"fuzzy_threshold": 0.8, "level_threshold": 70}});
        merge(&mut base, json!({"settings": {"level_threshold": 60}}));
        assert_eq!(
            base["settings"],
            json!({"fuzzy_threshold": 0.8, "level_threshold": 60})
        );
    }
}
