//! Keyword extraction alone, the way `benches/peers/extract.py` runs the Python
//! libraries: `cargo run --release --example keywords -- DIR`.
//!
//! Every name, alias and ambiguous spelling of the built-in taxonomy (the list
//! `skillgap taxonomy list --format json` prints) goes into one Aho-Corasick
//! automaton (leftmost-longest, ASCII case-insensitive); every file under DIR
//! is read and searched, and a hit counts when it is a whole word: where the
//! spelling starts (ends) with a letter or digit, the character before (after)
//! it must not be one, nor `_`; a failed candidate is retried one byte later.
//! The set of skills found is kept per file. No sections, context rules,
//! patterns, cues, fuzzy matching, years or scores: this is the part of
//! `skillgap` that the Python keyword extractors do, for
//! `benches/peers/run.sh`. Prints one JSON line like `extract.py`.
use std::path::{Path, PathBuf};
use std::time::Instant;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, Input, MatchKind};
use skillgap::Taxonomy;

fn files(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<_, _>>()?;
    entries.sort();
    for p in entries {
        if p.is_dir() {
            files(&p, out)?;
        } else {
            out.push(p);
        }
    }
    Ok(())
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

fn whole_word(hay: &str, start: usize, end: usize) -> bool {
    let m = &hay[start..end];
    let (Some(first), Some(last)) = (m.chars().next(), m.chars().next_back()) else {
        return false;
    };
    !(first.is_alphanumeric() && hay[..start].chars().next_back().is_some_and(is_word)
        || last.is_alphanumeric() && hay[end..].chars().next().is_some_and(is_word))
}

fn main() -> std::io::Result<()> {
    let started = Instant::now();
    let dir = std::env::args().nth(1).expect("usage: keywords DIR");
    let taxonomy = Taxonomy::builtin();
    let mut spellings = Vec::new();
    let mut skill_of = Vec::new();
    for (i, s) in taxonomy.skills().iter().enumerate() {
        let all = std::iter::once(&s.name)
            .chain(&s.aliases)
            .chain(s.ambiguous.iter().map(|a| &a.text));
        for sp in all.map(|sp| sp.trim()).filter(|sp| !sp.is_empty()) {
            spellings.push(sp.to_string());
            skill_of.push(i);
        }
    }
    let ac: AhoCorasick = AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .ascii_case_insensitive(true)
        .build(&spellings)
        .expect("spellings build an automaton");
    let setup = started.elapsed().as_secs_f64();

    let started = Instant::now();
    let mut paths = Vec::new();
    files(Path::new(&dir), &mut paths)?;
    let (mut matches, mut distinct) = (0usize, 0usize);
    let mut found: Vec<usize> = Vec::new();
    for path in &paths {
        let bytes = std::fs::read(path)?;
        let text = String::from_utf8_lossy(&bytes);
        found.clear();
        let mut pos = 0;
        while let Some(m) = ac.find(Input::new(text.as_bytes()).span(pos..text.len())) {
            if whole_word(&text, m.start(), m.end()) {
                found.push(skill_of[m.pattern().as_usize()]);
                pos = m.end();
            } else {
                pos = m.start() + 1;
            }
        }
        matches += found.len();
        found.sort_unstable();
        found.dedup();
        distinct += found.len();
    }
    let lp = started.elapsed().as_secs_f64();
    println!(
        "{{\"tool\": \"rust-aho-corasick\", \"keywords\": {}, \"docs\": {}, \"matches\": {matches}, \
         \"skills_per_doc\": {:.4}, \"setup_s\": {setup:.4}, \"loop_s\": {lp:.4}}}",
        spellings.len(),
        paths.len(),
        distinct as f64 / paths.len().max(1) as f64,
    );
    Ok(())
}
