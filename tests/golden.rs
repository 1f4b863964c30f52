//! Golden reports: the full JSON report of every shipped fixture, byte for byte.
//!
//! Every resume and document under `fixtures/` is scored with
//! `skillgap score FILE --format json --pretty --as-of 2026-12`, and every job under
//! `fixtures/jobs/` is matched against one resume with `--jd`; stdout and the
//! exit code must equal `tests/golden/<folder>__<file>.json`. A change that
//! moves any report fails here with the first differing line.
//!
//! When a change is meant to move reports, rewrite the expected files and read
//! the diff before committing it:
//!
//! ```text
//! UPDATE_GOLDEN=1 cargo test --test golden
//! git diff tests/golden/
//! ```
//!
//! The development sets are personal data and never copied here;
//! `scripts/golden-devsets.sh` does the same check over them, outside the
//! repository (`docs/ACCURACY.md`).
#![cfg(feature = "cli")]

use std::path::{Path, PathBuf};

mod common;

const AS_OF: &str = "2026-12";
/// The resume every fixture job is matched against.
const JD_RESUME: &str = "fixtures/resumes/mid-java-spring.txt";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Files of a fixture folder, sorted (not recursive: sub-folders are listed
/// on their own in [`cases`]).
fn files(dir: &str) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(root().join(dir))
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file() && !p.ends_with("README.md"))
        .collect();
    out.sort();
    out
}

/// (expected file name, arguments after `skillgap`).
fn cases() -> Vec<(String, Vec<String>)> {
    let mut cases = Vec::new();
    for dir in [
        "fixtures/resumes",
        "fixtures/fit",
        "fixtures/docs",
        "fixtures/batch/good",
        "fixtures/batch/weak",
        "fixtures/batch/unreadable",
    ] {
        for f in files(dir) {
            let rel = f
                .strip_prefix(root())
                .unwrap()
                .to_string_lossy()
                .into_owned();
            let name = format!(
                "{}__{}.json",
                dir.trim_start_matches("fixtures/").replace('/', "-"),
                f.file_name().unwrap().to_string_lossy()
            );
            cases.push((name, vec!["score".into(), rel]));
        }
    }
    for f in files("fixtures/jobs") {
        let rel = f
            .strip_prefix(root())
            .unwrap()
            .to_string_lossy()
            .into_owned();
        let name = format!("jobs__{}.json", f.file_name().unwrap().to_string_lossy());
        cases.push((
            name,
            vec!["score".into(), JD_RESUME.into(), "--jd".into(), rel],
        ));
    }
    for (_, args) in &mut cases {
        args.extend(["--format", "json", "--pretty", "--as-of", AS_OF].map(String::from));
    }
    cases
}

fn run(args: &[String]) -> String {
    let out = common::skillgap()
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let mut text = String::from_utf8_lossy(&out.stdout).into_owned();
    if !text.ends_with('\n') {
        text.push('\n');
    }
    text.push_str(&format!("# exit {}\n", out.status.code().unwrap_or(-1)));
    text
}

#[test]
fn every_fixture_report_is_byte_identical_to_its_golden_file() {
    let dir = root().join("tests/golden");
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    if update {
        std::fs::create_dir_all(&dir).unwrap();
    }
    let cases = cases();
    assert!(cases.len() >= 40, "fixtures went missing: {}", cases.len());
    let mut failed = Vec::new();
    for (name, args) in &cases {
        let got = run(args);
        let path = dir.join(name);
        if update {
            std::fs::write(&path, &got).unwrap();
            continue;
        }
        let want = std::fs::read_to_string(&path).unwrap_or_default();
        if got != want {
            let line = got
                .lines()
                .zip(want.lines())
                .position(|(g, w)| g != w)
                .unwrap_or(got.lines().count().min(want.lines().count()));
            failed.push(format!(
                "{name} (skillgap {}): first difference at line {}",
                args.join(" "),
                line + 1
            ));
        }
    }
    // No golden file without its fixture.
    if !update {
        let expected: std::collections::BTreeSet<&str> =
            cases.iter().map(|(n, _)| n.as_str()).collect();
        for e in std::fs::read_dir(&dir).unwrap() {
            let n = e.unwrap().file_name().to_string_lossy().into_owned();
            if !expected.contains(n.as_str()) {
                failed.push(format!("{n}: no fixture makes it (delete it)"));
            }
        }
    }
    assert!(
        failed.is_empty(),
        "{} of {} reports differ (UPDATE_GOLDEN=1 cargo test --test golden rewrites them; read the diff):\n{}",
        failed.len(),
        cases.len(),
        failed.join("\n")
    );
}
