//! The fuzzy stage's tables for the built-in taxonomy, made at compile time. Compiled into
//! `build.rs` only (not a module of the library): it uses the build script's `schema`,
//! `deletions` and `dictionary` modules, the library's own files.
//!
//! - The English dictionary (`data/english-words*.txt`) as [`dictionary::Tables`]:
//!   `$OUT_DIR/dictionary-{words,groups,slots}.bin`.
//! - The deletion index of every first letter ([`deletions::Index`]) of the fuzzy entries
//!   `Matcher::new` makes of the built-in taxonomy at its threshold and shortest token:
//!   `$OUT_DIR/fuzzy-{hashes,ids,buckets}.bin` (every letter's tables one after another),
//!   `$OUT_DIR/fuzzy-keys.txt` (the entries' keys one after another) and
//!   `$OUT_DIR/fuzzy-index.rs` (the settings, each entry's skill and key end, each letter's
//!   ranges). The entries' order is `Matcher::new`'s: skills in file order, the name then
//!   the aliases of each skill that allows fuzzy matching, without its ambiguous spellings,
//!   empty keys and keys seen before. The fuzzy stage compares its entries with this list
//!   and builds the indexes itself when they differ, so a change in that order costs speed,
//!   never a wrong match (the test `builtin_fuzzy_indexes_are_prepared` shows it).

use super::{deletions, dictionary, schema};
use std::path::Path;

/// The word lists of the dictionary, relative to the package.
pub const WORD_LISTS: [&str; 2] = ["data/english-words.txt", "data/english-words-extra.txt"];

/// Writes the tables for `data` into `out`.
pub fn write(data: &schema::TaxonomyFile, out: &Path) {
    let mut words = String::new();
    for file in WORD_LISTS {
        words += &std::fs::read_to_string(file).unwrap_or_else(|e| panic!("{file}: {e}"));
        words.push('\n');
    }
    let lines = words
        .lines()
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'));
    let dict = dictionary::Tables::build(lines);
    write_if_changed(&out.join("dictionary-words.bin"), &dict.words);
    write_if_changed(&out.join("dictionary-groups.bin"), &dict.groups);
    write_if_changed(&out.join("dictionary-slots.bin"), &dict.slots);

    let threshold = data.settings.fuzzy_threshold;
    let min_len = data.settings.fuzzy_min_len;
    let entries = entries(data);
    let mut keys = String::new();
    let mut table = format!(
        "// Written by build.rs from the built-in taxonomy's spellings.\n\
         Prepared {{\n    threshold: {threshold:?},\n    min_len: {min_len},\n    entries: &[\n"
    );
    for (skill, key) in &entries {
        keys.push_str(key);
        table.push_str(&format!("        ({skill}, {}),\n", keys.len()));
    }
    table.push_str("    ],\n    letters: &[\n");
    let (mut hashes, mut ids, mut buckets) = (Vec::new(), Vec::new(), Vec::new());
    for letter in 0..128u8 {
        let mut deletes = Vec::new();
        for (i, (_, key)) in entries.iter().enumerate() {
            if key.as_bytes()[0] == letter && key.len() >= min_len {
                let edits = deletions::max_edits(key.len(), threshold);
                deletions::for_each_deletion_hash(key.as_bytes(), edits, &mut |h| {
                    deletes.push((h, i as u32));
                });
            }
        }
        let index = deletions::Index::new(deletes);
        let (h, d, b, shift) = index.parts();
        table.push_str(&format!(
            "        ({}, {}, {}, {}, {shift}),\n",
            hashes.len() / 8,
            (hashes.len() + h.len()) / 8,
            buckets.len() / 4,
            (buckets.len() + b.len()) / 4,
        ));
        hashes.extend_from_slice(h);
        ids.extend_from_slice(d);
        buckets.extend_from_slice(b);
    }
    table.push_str("    ],\n}\n");
    write_if_changed(&out.join("fuzzy-hashes.bin"), &hashes);
    write_if_changed(&out.join("fuzzy-ids.bin"), &ids);
    write_if_changed(&out.join("fuzzy-buckets.bin"), &buckets);
    write_if_changed(&out.join("fuzzy-keys.txt"), keys.as_bytes());
    write_if_changed(&out.join("fuzzy-index.rs"), table.as_bytes());
}

/// The fuzzy entries `Matcher::new` and `Fuzzy::new` make of `data`, as (skill index, key).
fn entries(data: &schema::TaxonomyFile) -> Vec<(usize, String)> {
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    for (i, s) in data.skills.iter().enumerate().filter(|(_, s)| s.fuzzy) {
        let ambiguous: Vec<String> = s
            .ambiguous
            .iter()
            .map(|a| a.text.trim().to_ascii_lowercase())
            .collect();
        for text in std::iter::once(&s.name).chain(&s.aliases) {
            if ambiguous.contains(&text.trim().to_ascii_lowercase()) {
                continue;
            }
            let key = deletions::key(text);
            if !key.is_empty() && seen.insert(key.clone()) {
                out.push((i, key));
            }
        }
    }
    out
}

/// Writes `bytes` to `path` unless it holds them already, so that the library is not rebuilt
/// for nothing.
fn write_if_changed(path: &Path, bytes: &[u8]) {
    if std::fs::read(path).ok().as_deref() != Some(bytes) {
        std::fs::write(path, bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    }
}
