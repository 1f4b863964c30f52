//! A bounded mutation fuzzer over extraction and scoring.
//!
//! Seeds are the repository's own fixtures (`fixtures/docs/` — PDF, DOCX, ODT, HTML, text in
//! several encodings — their HTML and text sources, and `fixtures/resumes/`). Each case takes one
//! seed and applies one to four mutations: byte flips, truncation, a duplicated chunk, a splice
//! with another seed, or hostile text inserted somewhere (NULs, bidi controls, a 100 KB line,
//! deeply nested HTML, invalid UTF-8). The result goes through
//! [`skillgap::extract::from_bytes`] with a small page and time budget, and whatever text comes
//! out (or, when extraction refuses, the bytes read as lossy UTF-8) through
//! [`Scorer::score_at`] with a fixed month.
//!
//! What must hold for every case: nothing panics, nothing hangs (each case runs on a watchdog
//! thread), extraction returns `Ok` or a typed [`ExtractError`] with a message, and the JSON
//! report is at most 2 MB.
//!
//! The run is deterministic: a fixed RNG seed and 200 cases (a few seconds in the debug build).
//! To fuzz longer locally:
//!
//! ```sh
//! SKILLGAP_FUZZ_CASES=5000 cargo test --release --test fuzz -- --nocapture
//! SKILLGAP_FUZZ_CASES=5000 SKILLGAP_FUZZ_SEED=7 cargo test --release --test fuzz   # other inputs
//! ```
#![cfg(feature = "extract")]

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

use proptest::prelude::*;
use proptest::sample::Index;
use proptest::test_runner::{Config, RngAlgorithm, TestCaseError, TestRng, TestRunner};
use skillgap::extract::{from_bytes, ExtractError, Limits};
use skillgap::YearMonth;
use skillgap::{Scorer, Taxonomy};

/// Cases run by default (CI); `SKILLGAP_FUZZ_CASES` overrides it.
const DEFAULT_CASES: u32 = 200;
/// The largest JSON report accepted for any input.
const MAX_JSON: usize = 2 * 1024 * 1024;
/// One case (extraction and scoring) must finish within this, even in a debug build on a busy
/// machine; the library's own soft deadline ([`Limits::max_time`]) is far below it.
const CASE_TIMEOUT: Duration = Duration::from_secs(20);

/// One fixture: its name (the name hint: `.md` makes Markdown) and its bytes.
struct Seed {
    name: String,
    bytes: Vec<u8>,
}

fn seeds() -> &'static [Seed] {
    static SEEDS: OnceLock<Vec<Seed>> = OnceLock::new();
    SEEDS.get_or_init(|| {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
        let mut seeds = Vec::new();
        for dir in ["docs", "docs/src", "resumes"] {
            let mut entries: Vec<_> = std::fs::read_dir(root.join(dir))
                .unwrap()
                .map(|e| e.unwrap().path())
                .filter(|p| p.is_file() && !p.ends_with("README.md"))
                .collect();
            entries.sort(); // read_dir order is not stable: keep the cases deterministic
            for path in entries {
                seeds.push(Seed {
                    name: path.file_name().unwrap().to_string_lossy().into_owned(),
                    bytes: std::fs::read(&path).unwrap(),
                });
            }
        }
        assert!(
            seeds.iter().any(|s| s.name.ends_with(".pdf")) && seeds.len() > 20,
            "the fixtures were not found"
        );
        seeds
    })
}

fn scorer() -> &'static Scorer {
    static S: OnceLock<Scorer> = OnceLock::new();
    S.get_or_init(|| Scorer::new(Taxonomy::builtin()))
}

/// How many cases ended in each outcome (`ok pdf`, `err Unsupported`...), printed at the end to
/// show what the run reached.
static OUTCOMES: Mutex<BTreeMap<String, usize>> = Mutex::new(BTreeMap::new());

fn tally(outcome: String) {
    *OUTCOMES.lock().unwrap().entry(outcome).or_default() += 1;
}

/// Text that has broken parsers and matchers before, inserted into a seed.
#[derive(Debug, Clone)]
enum Hostile {
    Nuls(usize),
    /// Right-to-left override, isolates and marks around skill names.
    Bidi(usize),
    /// One line of about 100 KB: a skill list without a single newline.
    LongLine,
    /// `<div>` nested `depth` deep around a skill name.
    NestedHtml(usize),
    /// Bytes that are not UTF-8 (lone continuation bytes, a UTF-16 BOM, an overlong NUL).
    InvalidUtf8,
}

impl Hostile {
    fn bytes(&self) -> Vec<u8> {
        match *self {
            Hostile::Nuls(n) => vec![0; n],
            Hostile::Bidi(n) => "\u{202E}Rust\u{202C} \u{2067}PostgreSQL\u{2069}\u{200F} "
                .repeat(n)
                .into_bytes(),
            Hostile::LongLine => "Kubernetes, Terraform, Go, "
                .repeat(100 * 1024 / 27)
                .into_bytes(),
            Hostile::NestedHtml(depth) => {
                format!("{}Rust{}", "<div>".repeat(depth), "</div>".repeat(depth)).into_bytes()
            }
            Hostile::InvalidUtf8 => vec![0x80, 0xbf, 0xff, 0xfe, 0xc0, 0x80, 0xed, 0xa0, 0x80],
        }
    }
}

#[derive(Debug, Clone)]
enum Mutation {
    /// XOR `count` bytes from `at` with `mask` (never 0).
    Flip {
        at: Index,
        count: usize,
        mask: u8,
    },
    /// Keep only the part before `at`.
    Truncate {
        at: Index,
    },
    /// Copy `len` bytes from `from` and insert them at `to`.
    Duplicate {
        from: Index,
        len: usize,
        to: Index,
    },
    /// This document up to `cut` followed by another seed from its `other_cut`.
    Splice {
        other: Index,
        cut: Index,
        other_cut: Index,
    },
    Insert {
        at: Index,
        text: Hostile,
    },
}

fn hostile() -> impl Strategy<Value = Hostile> {
    prop_oneof![
        (1usize..4096).prop_map(Hostile::Nuls),
        (1usize..200).prop_map(Hostile::Bidi),
        Just(Hostile::LongLine),
        (1usize..20_000).prop_map(Hostile::NestedHtml),
        Just(Hostile::InvalidUtf8),
    ]
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        3 => (any::<Index>(), 1usize..32, 1u8..=255)
            .prop_map(|(at, count, mask)| Mutation::Flip { at, count, mask }),
        1 => any::<Index>().prop_map(|at| Mutation::Truncate { at }),
        1 => (any::<Index>(), 1usize..8192, any::<Index>())
            .prop_map(|(from, len, to)| Mutation::Duplicate { from, len, to }),
        1 => (any::<Index>(), any::<Index>(), any::<Index>())
            .prop_map(|(other, cut, other_cut)| Mutation::Splice { other, cut, other_cut }),
        2 => (any::<Index>(), hostile()).prop_map(|(at, text)| Mutation::Insert { at, text }),
    ]
}

/// A position in `0..=len`.
fn pos(i: &Index, len: usize) -> usize {
    i.index(len + 1)
}

fn apply(bytes: &mut Vec<u8>, m: &Mutation) {
    match m {
        Mutation::Flip { at, count, mask } => {
            if bytes.is_empty() {
                return;
            }
            let start = at.index(bytes.len());
            for b in bytes.iter_mut().skip(start).take(*count) {
                *b ^= mask;
            }
        }
        Mutation::Truncate { at } => bytes.truncate(pos(at, bytes.len())),
        Mutation::Duplicate { from, len, to } => {
            let start = pos(from, bytes.len());
            let chunk = bytes[start..(start + len).min(bytes.len())].to_vec();
            let to = pos(to, bytes.len());
            bytes.splice(to..to, chunk);
        }
        Mutation::Splice {
            other,
            cut,
            other_cut,
        } => {
            let other = &other.get(seeds()).bytes;
            bytes.truncate(pos(cut, bytes.len()));
            bytes.extend_from_slice(&other[pos(other_cut, other.len())..]);
        }
        Mutation::Insert { at, text } => {
            let at = pos(at, bytes.len());
            bytes.splice(at..at, text.bytes());
        }
    }
}

/// Extract and score one mutated document; `Err` describes what broke.
fn check(name: &str, bytes: &[u8]) -> Result<(), String> {
    let limits = Limits {
        max_pages: 10,
        max_time: Some(Duration::from_secs(5)),
        ..Limits::default()
    };
    let text = match from_bytes(bytes, Some(name), &limits) {
        Ok(doc) => {
            tally(format!("ok {}", doc.format));
            doc.text
        }
        Err(e) => {
            // A typed error with a one-line message; score the raw bytes instead.
            let msg = e.to_string();
            let variant = format!("{e:?}");
            tally(format!(
                "err {}",
                variant.split([' ', '(', '{']).next().unwrap_or("")
            ));
            if msg.is_empty() {
                return Err(format!("empty error message: {e:?}"));
            }
            if let ExtractError::Panicked { .. } = e {
                eprintln!("{name}: a PDF library panicked and was caught: {msg}");
            }
            String::from_utf8_lossy(bytes).into_owned()
        }
    };
    let json = scorer()
        .score_at(&text, YearMonth::new(2026, 11).unwrap())
        .to_json();
    if json.len() > MAX_JSON {
        return Err(format!(
            "{} bytes of JSON for {} bytes of text",
            json.len(),
            text.len()
        ));
    }
    Ok(())
}

/// [`check`] on a watchdog thread: a panic or a hang becomes a test failure, not a dead run.
fn check_within(name: String, bytes: Vec<u8>) -> Result<(), String> {
    let (tx, rx) = std::sync::mpsc::channel();
    let worker = std::thread::Builder::new()
        .stack_size(8 * 1024 * 1024)
        .spawn(move || {
            let _ = tx.send(check(&name, &bytes));
        })
        .unwrap();
    match rx.recv_timeout(CASE_TIMEOUT) {
        Ok(result) => result,
        Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {
            Err(format!("no answer within {CASE_TIMEOUT:?} (hang)"))
        }
        Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => match worker.join() {
            Err(panic) => Err(format!(
                "panicked: {}",
                panic
                    .downcast_ref::<String>()
                    .map(String::as_str)
                    .or_else(|| panic.downcast_ref::<&str>().copied())
                    .unwrap_or("(not a string)")
            )),
            Ok(()) => Err("the worker ended without an answer".into()),
        },
    }
}

fn env_number(name: &str) -> Option<u64> {
    let value = std::env::var(name).ok()?;
    Some(
        value
            .parse()
            .unwrap_or_else(|_| panic!("{name}={value:?} is not a number")),
    )
}

#[test]
fn mutated_fixtures_extract_and_score_without_panics_hangs_or_huge_reports() {
    let cases = env_number("SKILLGAP_FUZZ_CASES").map_or(DEFAULT_CASES, |n| n as u32);
    let mut seed = [0x5a; 32];
    if let Some(s) = env_number("SKILLGAP_FUZZ_SEED") {
        seed[..8].copy_from_slice(&s.to_le_bytes());
    }
    let config = Config {
        cases,
        failure_persistence: None,
        max_shrink_time: 60_000,
        ..Config::default()
    };
    let mut runner =
        TestRunner::new_with_rng(config, TestRng::from_seed(RngAlgorithm::ChaCha, &seed));
    let strategy = (any::<Index>(), proptest::collection::vec(mutation(), 1..=4));
    let started = Instant::now();
    let result = runner.run(&strategy, |(seed, mutations)| {
        let seed = seed.get(seeds());
        let mut bytes = seed.bytes.clone();
        for m in &mutations {
            apply(&mut bytes, m);
        }
        check_within(seed.name.clone(), bytes)
            .map_err(|e| TestCaseError::fail(format!("{}: {e}", seed.name)))
    });
    eprintln!(
        "fuzz: {cases} cases over {} seeds in {:.1?}",
        seeds().len(),
        started.elapsed()
    );
    eprintln!("fuzz: outcomes {:?}", OUTCOMES.lock().unwrap());
    if let Err(e) = result {
        panic!("{e}");
    }
}
