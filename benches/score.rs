//! Scoring benchmarks on realistic resumes: `cargo bench --bench score`.
//!
//! - `build_scorer`: compiling the built-in taxonomy (automata, fuzzy index);
//! - `score_5kb`: scoring one ~5 KB resume end to end (normalise, sections,
//!   match, years, readiness, gaps);
//! - `exact_stage_raw` vs `matcher_find` vs `matcher_find_no_fuzzy`: raw
//!   Aho-Corasick over the same spellings and normalised text, against the
//!   matcher's stages (exact + context + patterns + cues, with and without
//!   fuzzy) on an already parsed document, in bytes/s, on a 64 KB corpus of the
//!   fixture resumes;
//! - `document_parse`: normalisation and sections on the same corpus;
//! - `matcher_all_stages`: parse and match together;
//! - `fuzzy_stage_per_document`: the fuzzy stage's share, as matcher time with
//!   fuzzy on minus off, on the misspelled fixture.
//! - `jd_parse`: reading a job description (done once per job);
//! - `jd_score_and_match_5kb` vs `score_5kb`: what matching against a parsed
//!   job adds to scoring a 5 KB resume; `jd_match_parsed`: the match alone.
//! - `linearity_*`: scoring adversarial shapes (one huge line, many tiny
//!   lines, one skill repeated, prose without headings, a negation before a
//!   huge clause, misspellings on one line, a date range on every line) at
//!   10 KB, 100 KB and 1 MB: the times should grow tenfold per step (the
//!   curve is recorded in `docs/PERFORMANCE.md`, "Linear time"; the test
//!   `tests/linearity.rs` checks the ratio).
//!
//! Numbers and the machine they were measured on are in `docs/PERFORMANCE.md`.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use divan::counter::{BytesCount, ItemsCount};
use divan::{black_box, Bencher};
use skillgap::matcher::{MatchOptions, Matcher};
use skillgap::text::Document;
use skillgap::{Scorer, Taxonomy};

fn main() {
    divan::main();
}

const FIXTURES: &[&str] = &[
    include_str!("../fixtures/resumes/mid-java-spring.txt"),
    include_str!("../fixtures/resumes/senior-go-kubernetes.md"),
    include_str!("../fixtures/resumes/lead-python-migrations.txt"),
    include_str!("../fixtures/resumes/architect-cloud-platform.txt"),
    include_str!("../fixtures/resumes/intern-new-grad-python.txt"),
    include_str!("../fixtures/resumes/traps-ambiguous-words.txt"),
    include_str!("../fixtures/resumes/senior-java-long-cv-4-pages.txt"),
];

/// A realistic ~5 KB resume: the lead resume followed by the mid resume's
/// experience, as a two-job CV.
fn resume_5kb() -> String {
    let mut s = String::from(FIXTURES[2]);
    s.push('\n');
    s.push_str(FIXTURES[0]);
    s.truncate(5 * 1024);
    while !s.is_char_boundary(s.len()) {
        s.pop();
    }
    s
}

/// About 64 KB of resumes, for throughput.
fn corpus() -> String {
    let mut s = String::new();
    while s.len() < 64 * 1024 {
        for f in FIXTURES {
            s.push_str(f);
            s.push('\n');
        }
    }
    s
}

#[divan::bench]
fn build_scorer(b: Bencher) {
    let t = Taxonomy::builtin();
    b.bench(|| Scorer::new(black_box(t.clone())));
}

#[divan::bench]
fn score_5kb(b: Bencher) {
    let scorer = Scorer::new(Taxonomy::builtin());
    let text = resume_5kb();
    b.counter(BytesCount::of_str(&text))
        .counter(ItemsCount::new(1usize))
        .bench(|| scorer.score(black_box(&text)));
}

/// The built-in taxonomy's matcher, with or without the fuzzy stage.
fn matcher(fuzzy: bool) -> Matcher {
    let options = MatchOptions {
        fuzzy,
        ..MatchOptions::default()
    };
    Matcher::new(&Taxonomy::builtin(), &options)
}

fn raw_automaton(t: &Taxonomy) -> AhoCorasick {
    let spellings: Vec<String> = t
        .skills()
        .iter()
        .flat_map(|s| {
            std::iter::once(s.name.clone())
                .chain(s.aliases.iter().cloned())
                .chain(s.ambiguous.iter().map(|a| a.text.clone()))
        })
        .collect();
    AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .ascii_case_insensitive(true)
        .build(&spellings)
        .unwrap()
}

#[divan::bench]
fn exact_stage_raw(b: Bencher) {
    let ac = raw_automaton(&Taxonomy::builtin());
    let text = Document::parse(&corpus()).text;
    b.counter(BytesCount::of_str(&text))
        .bench(|| ac.find_iter(black_box(&text)).count());
}

#[divan::bench]
fn document_parse(b: Bencher) {
    let text = corpus();
    b.counter(BytesCount::of_str(&text))
        .bench(|| Document::parse(black_box(&text)).segments.len());
}

#[divan::bench(args = [true, false])]
fn matcher_find(b: Bencher, fuzzy: bool) {
    let m = matcher(fuzzy);
    let doc = Document::parse(&corpus());
    b.counter(BytesCount::of_str(&doc.text))
        .bench(|| m.find(black_box(&doc)).len());
}

#[divan::bench]
fn matcher_all_stages(b: Bencher) {
    let m = matcher(true);
    let text = corpus();
    b.counter(BytesCount::of_str(&text)).bench(|| {
        let doc = Document::parse(black_box(&text));
        m.find(&doc).len()
    });
}

#[divan::bench(args = [true, false])]
fn fuzzy_stage_per_document(b: Bencher, fuzzy: bool) {
    let m = matcher(fuzzy);
    let doc = Document::parse(include_str!(
        "../fixtures/resumes/junior-typos-misspellings.txt"
    ));
    b.counter(ItemsCount::new(1usize))
        .bench(|| m.find(black_box(&doc)).len());
}

/// The longest fixture job description (4.4 KB: long benefits, about-us, process).
const JOB: &str = include_str!("../fixtures/jobs/python-django-startup-long-benefits.txt");

#[divan::bench]
fn jd_parse(b: Bencher) {
    let scorer = Scorer::new(Taxonomy::builtin());
    b.counter(BytesCount::of_str(JOB))
        .bench(|| scorer.parse_job(black_box(JOB)));
}

#[divan::bench]
fn jd_score_and_match_5kb(b: Bencher) {
    let scorer = Scorer::new(Taxonomy::builtin());
    let job = scorer.parse_job(JOB);
    let text = resume_5kb();
    b.counter(ItemsCount::new(1usize)).bench(|| {
        let report = scorer.score(black_box(&text));
        scorer.match_parsed(&report, &job)
    });
}

#[divan::bench]
fn jd_match_parsed(b: Bencher) {
    let scorer = Scorer::new(Taxonomy::builtin());
    let job = scorer.parse_job(JOB);
    let report = scorer.score(&resume_5kb());
    b.counter(ItemsCount::new(1usize))
        .bench(|| scorer.match_parsed(black_box(&report), &job));
}

#[path = "../tests/adversarial/mod.rs"]
mod adversarial;

/// The adversarial shape called `name`, at about `len` bytes.
fn shape(name: &str, len: usize) -> String {
    adversarial::shapes(len)
        .into_iter()
        .find(|(n, _)| *n == name)
        .map(|(_, text)| text)
        .unwrap_or_else(|| panic!("no shape `{name}`"))
}

const SIZES: [usize; 3] = [10 * 1024, 100 * 1024, 1024 * 1024];

fn score_shape(b: Bencher, text: String) {
    let scorer = Scorer::builder(Taxonomy::builtin())
        .as_of(skillgap::YearMonth::new(2026, 11).unwrap())
        .build()
        .unwrap();
    b.counter(BytesCount::of_str(&text))
        .bench(|| scorer.score(black_box(&text)));
}

#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn linearity_one_huge_line(b: Bencher, len: usize) {
    score_shape(b, shape("one huge line", len));
}

#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn linearity_many_tiny_lines(b: Bencher, len: usize) {
    score_shape(b, shape("many tiny lines", len));
}

#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn linearity_one_skill_repeated(b: Bencher, len: usize) {
    score_shape(b, shape("one skill repeated", len));
}

#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn linearity_prose_without_headings(b: Bencher, len: usize) {
    score_shape(b, shape("prose without headings", len));
}

#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn linearity_negation_before_a_huge_clause(b: Bencher, len: usize) {
    score_shape(b, shape("negation before a huge clause", len));
}

#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn linearity_misspellings_on_one_line(b: Bencher, len: usize) {
    score_shape(b, shape("misspellings on one line", len));
}

#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn linearity_a_date_range_on_every_line(b: Bencher, len: usize) {
    score_shape(b, shape("a date range on every line", len));
}
