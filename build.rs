//! Prepares at compile time what does not depend on the input (issue 14, start-up).
//!
//! The built-in taxonomy is YAML for its authors; reading 175 KB of YAML cost a
//! cold start more than everything but the matcher. Here it is parsed once, into
//! the library's own types (`src/taxonomy/schema.rs`, included as is), and written
//! to `$OUT_DIR/builtin-taxonomy.json` as compact JSON, which `Taxonomy::builtin`
//! reads several times faster. A syntax or type error in the YAML fails the build
//! with its position; validation stays where it was (the test suite's
//! `builtin_taxonomy_passes_check`), and the test `builtin_json_is_the_yaml`
//! checks that both forms give the same data.
//!
//! The facts the matcher reads from the syntax of each of the taxonomy's regex
//! patterns (Unicode semantics, anchors, literals; `src/matcher/literals.rs`, included
//! as is) are worked out here too and written to `$OUT_DIR/pattern-facts.rs`, a table
//! the matcher looks a pattern up in before it parses one.
//!
//! And the fuzzy stage's tables (`src/matcher/fuzzy_build.rs`, with `deletions.rs` and
//! `dictionary.rs` included as is): the English dictionary as a hashed table, and the
//! deletion index of every first letter of the built-in taxonomy's keys, read where they
//! stand instead of being built on the first score.
//!
//! And the exact stage's automaton (`src/matcher/trie.rs`, included as is): a double-array
//! trie of every spelling, `$OUT_DIR/exact-trie.rs`, which the exact stage uses as it is
//! when the taxonomy's spellings are among the built-in ones (building an Aho-Corasick
//! automaton of them cost 57 M instructions at every start).
//!
//! No new crates: serde, serde_norway, serde_json and regex-syntax are the library's own
//! dependencies.

#[path = "src/taxonomy/schema.rs"]
#[allow(dead_code)]
mod schema;

#[path = "src/matcher/literals.rs"]
#[allow(dead_code)]
mod literals;

#[path = "src/matcher/deletions.rs"]
#[allow(dead_code)]
mod deletions;

#[path = "src/matcher/dictionary.rs"]
#[allow(dead_code)]
mod dictionary;

#[path = "src/matcher/fuzzy_build.rs"]
mod fuzzy_build;

#[path = "src/matcher/trie.rs"]
#[allow(dead_code)]
mod trie;

use std::path::Path;

const BUILTIN: &str = "taxonomy/backend-developer.yaml";

fn main() {
    println!("cargo::rerun-if-changed={BUILTIN}");
    println!("cargo::rerun-if-changed=src/taxonomy/schema.rs");
    println!("cargo::rerun-if-changed=src/matcher/literals.rs");
    println!("cargo::rerun-if-changed=src/matcher/deletions.rs");
    println!("cargo::rerun-if-changed=src/matcher/dictionary.rs");
    println!("cargo::rerun-if-changed=src/matcher/fuzzy_build.rs");
    for file in fuzzy_build::WORD_LISTS {
        println!("cargo::rerun-if-changed={file}");
    }
    println!("cargo::rerun-if-changed=src/matcher/trie.rs");
    println!("cargo::rerun-if-changed=build.rs");
    let yaml = std::fs::read_to_string(BUILTIN).unwrap_or_else(|e| panic!("{BUILTIN}: {e}"));
    let data: schema::TaxonomyFile =
        serde_norway::from_str(&yaml).unwrap_or_else(|e| panic!("{BUILTIN}: {e}"));
    let json = serde_json::to_string(&data).expect("the taxonomy serialises as JSON");
    let out = std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR");
    write_if_changed(&Path::new(&out).join("builtin-taxonomy.json"), &json);
    write_if_changed(
        &Path::new(&out).join("pattern-facts.rs"),
        &pattern_facts(&data),
    );
    let spellings = data.skills.iter().flat_map(|s| {
        let ambiguous = s.ambiguous.iter().map(|a| &a.text);
        std::iter::once(&s.name).chain(&s.aliases).chain(ambiguous)
    });
    let exact = trie::to_rust(&trie::of_spellings(spellings.map(|s| s.trim())));
    write_if_changed(&Path::new(&out).join("exact-trie.rs"), &exact);
    fuzzy_build::write(&data, Path::new(&out));
}

/// A Rust slice expression of `(pattern, unicode, anchored, literals)` for every pattern of
/// `data` that parses, sorted by pattern and without repeats.
fn pattern_facts(data: &schema::TaxonomyFile) -> String {
    let mut patterns: Vec<&str> = data
        .skills
        .iter()
        .flat_map(|s| s.patterns.iter().map(String::as_str))
        .collect();
    patterns.sort_unstable();
    patterns.dedup();
    let mut out =
        String::from("// Written by build.rs from the built-in taxonomy's patterns.\n&[\n");
    for p in patterns {
        let Some(f) = literals::compute(p) else {
            continue;
        };
        let factors = match &f.factors {
            Some(lits) => {
                let lits: Vec<String> = lits.iter().map(|l| format!("&{l:?}")).collect();
                format!("Some(&[{}])", lits.join(", "))
            }
            None => "None".to_string(),
        };
        out.push_str(&format!(
            "    ({p:?}, {}, {}, {factors}),\n",
            f.unicode, f.anchored
        ));
    }
    out.push_str("]\n");
    out
}

/// Writes `text` to `path` unless it holds it already, so that the library is not rebuilt
/// for nothing.
fn write_if_changed(path: &Path, text: &str) {
    if std::fs::read_to_string(path).ok().as_deref() != Some(text) {
        std::fs::write(path, text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    }
}
