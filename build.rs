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
//!
//! And the regexes of the taxonomy's patterns and context rules as DFAs ([`regex_dfas`],
//! `$OUT_DIR/regex-dfas.bin` and its index `regex-dfas.rs`, read by
//! `src/matcher/prepared.rs`): compiling them on first use was more than half of a cold
//! score (57 M instructions); a serialised `regex-automata` dense DFA is read in place when
//! it is loaded (`prepared::load`, the crate's one `unsafe`; a test checks every one with
//! `DFA::from_bytes`). A pattern gets a forward and a reverse DFA
//! (its matches' spans), a list of context rules one forward DFA of their alternation (only
//! whether it matches). Each is keyed by its text, so a `--taxonomy` with other patterns
//! compiles those at run time as before. regex-automata is the library's own dependency
//! (here with its DFA builder).

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

use regex_automata::dfa::{dense, StartKind};
use regex_automata::nfa::thompson;
use regex_automata::MatchKind;
use regex_syntax::hir::Hir;

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
    regex_dfas(&data, Path::new(&out));
}

/// Every pattern of `data`, sorted and without repeats.
fn builtin_patterns(data: &schema::TaxonomyFile) -> Vec<&str> {
    let mut patterns: Vec<&str> = data
        .skills
        .iter()
        .flat_map(|s| s.patterns.iter().map(String::as_str))
        .collect();
    patterns.sort_unstable();
    patterns.dedup();
    patterns
}

/// A Rust slice expression of `(pattern, unicode, anchored, literals)` for every pattern of
/// `data` that parses, sorted by pattern and without repeats.
fn pattern_facts(data: &schema::TaxonomyFile) -> String {
    let patterns = builtin_patterns(data);
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

/// The DFAs of the built-in taxonomy's regexes, as `src/matcher/prepared.rs` reads them:
/// `regex-dfas.bin`, every DFA serialised in the target's byte order at an offset that is a
/// multiple of 8 (a dense DFA is read in place as `u32`s), and `regex-dfas.rs`, two sorted
/// tables of byte ranges in it:
///
/// - `PATTERNS`: `(pattern, forward, reverse)` for every pattern the matcher compiles
///   without Unicode semantics (`literals::parse_pattern`; all built-in ones): the same
///   syntax tree as the matcher's regex, so the same matches on any text;
/// - `RULES`: `(rules, forward)` for every non-empty list of context rules (a skill's
///   `reject_before`, `reject_after` or `accept`): the alternation of the rules that parse,
///   as `context::compile_any` makes it. A rule that needs Unicode word boundaries makes its
///   list's DFA give up on non-ASCII bytes (the matcher then compiles the list). The three
///   built-in lists that need Unicode (`\b(with|among)\b[^.;:\]]{0,60}$`: a class under a
///   counted repetition after an unanchored start) have no DFA within the size limit, read
///   with Unicode or as ASCII, forwards or backwards from the end; they are compiled.
///
/// A regex whose DFA does not build, or would be larger than [`DFA_SIZE_LIMIT`], is left
/// out (compiled at run time).
fn regex_dfas(data: &schema::TaxonomyFile, out: &Path) {
    let big_endian = std::env::var("CARGO_CFG_TARGET_ENDIAN").as_deref() == Ok("big");
    let mut bytes: Vec<u8> = Vec::new();
    let mut add = |dfa: &dense::DFA<Vec<u32>>| -> (usize, usize) {
        let (buf, pad) = if big_endian {
            dfa.to_bytes_big_endian()
        } else {
            dfa.to_bytes_little_endian()
        };
        bytes.resize(bytes.len().next_multiple_of(8), 0);
        let start = bytes.len();
        bytes.extend_from_slice(&buf[pad..]);
        (start, bytes.len())
    };

    let patterns = builtin_patterns(data);
    let mut table = String::from(
        "// Written by build.rs: the built-in taxonomy's regexes as DFAs in regex-dfas.bin.\n\
         pub(super) static PATTERNS: &[(&str, Span, Span)] = &[\n",
    );
    // The patterns and lists left out, which the matcher compiles once per process and shares
    // (`prepared::unprepared_pattern`, `context::compile_ascii`; both ahead of time in
    // `skillgap::prepare`).
    let mut unprepared = String::from("pub(super) static UNPREPARED_PATTERNS: &[&str] = &[\n");
    for p in patterns {
        let Some((unicode, hir)) = literals::parse_pattern(p) else {
            continue;
        };
        let dfas = if unicode {
            None
        } else {
            forward_dfa(&hir).ok().zip(reverse_dfa(&hir).ok())
        };
        let Some((fwd, rev)) = dfas else {
            unprepared.push_str(&format!("    {p:?},\n"));
            continue;
        };
        let (f, r) = (add(&fwd), add(&rev));
        table.push_str(&format!("    ({p:?}, {f:?}, {r:?}),\n"));
    }
    unprepared.push_str("];\npub(super) static UNPREPARED_RULES: &[&[&str]] = &[\n");
    table.push_str("];\npub(super) static RULES: &[(&[&str], Span)] = &[\n");

    let mut lists: Vec<&Vec<String>> = data
        .skills
        .iter()
        .filter_map(|s| s.context.as_ref())
        .flat_map(|c| [&c.reject_before, &c.reject_after, &c.accept])
        .filter(|l| !l.is_empty())
        .collect();
    lists.sort_unstable();
    lists.dedup();
    for list in lists {
        let hirs: Vec<Hir> = list
            .iter()
            .filter_map(|p| literals::parse_pattern(p).map(|(_, hir)| hir))
            .collect();
        let Ok(dfa) = forward_dfa(&Hir::alternation(hirs)) else {
            unprepared.push_str(&format!("    &{list:?},\n"));
            continue;
        };
        let f = add(&dfa);
        table.push_str(&format!("    (&{list:?}, {f:?}),\n"));
    }
    table.push_str("];\n");
    unprepared.push_str("];\n");
    table.push_str(&unprepared);
    let bin = out.join("regex-dfas.bin");
    if std::fs::read(&bin).ok().as_deref() != Some(&bytes[..]) {
        std::fs::write(&bin, &bytes).unwrap_or_else(|e| panic!("{}: {e}", bin.display()));
    }
    write_if_changed(&out.join("regex-dfas.rs"), &table);
}

/// The largest DFA kept, in bytes: checking a DFA when it is loaded costs time in
/// proportion to its size, and compiling the regex at run time is cheaper than checking a
/// larger one. Also a bound on the build's time and memory (a rule list with Unicode
/// classes under a counted repetition grows a DFA of 90 MB).
const DFA_SIZE_LIMIT: usize = 512 << 10;

/// The DFA of an unanchored search for `hir`'s leftmost-first matches (its ends), which
/// gives up on non-ASCII bytes when `hir` has a Unicode word boundary.
fn forward_dfa(hir: &Hir) -> Result<dense::DFA<Vec<u32>>, Box<dyn std::error::Error>> {
    let nfa = thompson::Compiler::new()
        .configure(thompson::Config::new().which_captures(thompson::WhichCaptures::None))
        .build_from_hir(hir)?;
    Ok(dense::Builder::new()
        .configure(
            dense::Config::new()
                .start_kind(StartKind::Unanchored)
                .unicode_word_boundary(true)
                .dfa_size_limit(Some(DFA_SIZE_LIMIT))
                .determinize_size_limit(Some(DFA_SIZE_LIMIT)),
        )
        .build_from_nfa(&nfa)?)
}

/// The DFA that finds a match's start from its end (anchored, backwards, every match), as
/// `regex_automata::dfa::regex::Builder` makes it.
fn reverse_dfa(hir: &Hir) -> Result<dense::DFA<Vec<u32>>, Box<dyn std::error::Error>> {
    let nfa = thompson::Compiler::new()
        .configure(
            thompson::Config::new()
                .which_captures(thompson::WhichCaptures::None)
                .reverse(true),
        )
        .build_from_hir(hir)?;
    Ok(dense::Builder::new()
        .configure(
            dense::Config::new()
                .specialize_start_states(false)
                .start_kind(StartKind::Anchored)
                .match_kind(MatchKind::All)
                .dfa_size_limit(Some(DFA_SIZE_LIMIT))
                .determinize_size_limit(Some(DFA_SIZE_LIMIT)),
        )
        .build_from_nfa(&nfa)?)
}
