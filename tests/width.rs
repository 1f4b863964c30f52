//! `--width`: the text reports fit the width they are given. Every text report
//! (score, score --jd, the batch table, taxonomy list and show) over every
//! fixture, at several widths, has no line wider than the width in display
//! columns. Piped output without `--width` is unchanged: the cases in
//! `tests/cmd` pin it.
#![cfg(feature = "cli")]

use std::path::{Path, PathBuf};
use std::process::Command;
use unicode_width::UnicodeWidthStr;

/// The narrowest width and the usual terminal (debug runs take a while).
const WIDTHS: [usize; 2] = [60, 80];

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Standard output of `skillgap ARGS` (run from the crate root), whatever the exit code.
fn stdout(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_skillgap"))
        .current_dir(root())
        .args(args)
        .output()
        .expect("runs");
    assert!(
        out.status.code().is_some_and(|c| c != 2),
        "usage error: {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

fn files(dir: &str) -> Vec<String> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join(dir))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
        .iter()
        .map(|p| p.strip_prefix(root()).unwrap().display().to_string())
        .collect()
}

/// Runs `args` with `--width` and checks every line of the output.
fn fits(args: &[&str], width: usize) {
    let w = width.to_string();
    let mut all = args.to_vec();
    all.extend(["--width", &w]);
    let out = stdout(&all);
    assert!(!out.is_empty(), "no output: {all:?}");
    for line in out.lines() {
        assert!(
            line.width() <= width,
            "{} columns > {width} in `skillgap {}`:\n{line}",
            line.width(),
            all.join(" ")
        );
    }
}

#[test]
fn score_reports_fit_the_width() {
    for width in WIDTHS {
        for resume in files("fixtures/resumes") {
            // --explain shows everything the short report does, and more.
            fits(
                &["score", &resume, "--as-of", "2026-11", "--explain"],
                width,
            );
        }
    }
    fits(
        &[
            "score",
            "fixtures/resumes/mid-java-spring.txt",
            "--as-of",
            "2026-11",
        ],
        80,
    );
}

#[test]
fn job_matches_fit_the_width() {
    for width in WIDTHS {
        for job in files("fixtures/jobs") {
            let resume = "fixtures/resumes/mid-java-spring.txt";
            let explain = [
                "score",
                resume,
                "--jd",
                &job,
                "--as-of",
                "2026-11",
                "--explain",
            ];
            fits(&explain, width);
        }
    }
}

#[test]
fn batch_tables_fit_the_width() {
    let table = [
        "batch", "--format", "table", "--as-of", "2026-11", "--quiet",
    ];
    let job = "fixtures/jobs/must-postgres-nice-kubernetes-bulleted.txt";
    for width in WIDTHS {
        for extra in [
            &["fixtures/batch/good"][..],
            &["fixtures/batch"],
            &["fixtures/batch", "--level", "mid", "--fail-under", "60"],
            &["fixtures/batch", "--jd", job],
            &["fixtures/batch", "--jd", job, "--fail-under", "60"],
        ] {
            let args: Vec<&str> = table.iter().chain(extra).copied().collect();
            fits(&args, width);
        }
    }
}

#[test]
fn taxonomy_listings_fit_the_width() {
    for width in WIDTHS {
        fits(&["taxonomy", "list"], width);
        fits(&["taxonomy", "list", "--kind", "database"], width);
        fits(
            &[
                "taxonomy",
                "list",
                "--taxonomy",
                "fixtures/taxonomies/extends-builtin-elixir.yaml",
            ],
            width,
        );
    }
}

#[test]
fn taxonomy_entries_fit_the_width() {
    let list: serde_json::Value =
        serde_json::from_str(&stdout(&["taxonomy", "list", "--format", "json"])).unwrap();
    // Every level and competency (the long texts), and every 12th skill.
    let entries = |k: &str| list[k].as_array().unwrap().clone();
    let skills = entries("skills").into_iter().step_by(12);
    let all = entries("levels")
        .into_iter()
        .chain(entries("competencies"))
        .chain(skills);
    for entry in all {
        fits(&["taxonomy", "show", entry["id"].as_str().unwrap()], 80);
    }
    fits(&["taxonomy", "show", "senior"], 60);
}

#[test]
fn piped_output_without_width_is_not_wrapped() {
    let args = [
        "score",
        "fixtures/resumes/mid-java-spring.txt",
        "--as-of",
        "2026-11",
    ];
    let piped = stdout(&args);
    assert!(
        piped.lines().any(|l| l.width() > 120),
        "a long line to wrap"
    );
    let unlimited: Vec<&str> = args.iter().copied().chain(["--width", "0"]).collect();
    assert_eq!(stdout(&unlimited), piped);
}

#[test]
fn styling_does_not_change_where_lines_break() {
    let args = [
        "score",
        "fixtures/resumes/mid-java-spring.txt",
        "--as-of",
        "2026-11",
        "--explain",
        "--width",
        "72",
    ];
    let plain = stdout(&args);
    let always: Vec<&str> = args.iter().copied().chain(["--color", "always"]).collect();
    let coloured = stdout(&always);
    assert_ne!(coloured, plain, "styled");
    assert_eq!(anstream::adapter::strip_str(&coloured).to_string(), plain);
}

#[test]
fn too_narrow_a_width_is_a_usage_error() {
    let out = Command::new(env!("CARGO_BIN_EXE_skillgap"))
        .current_dir(root())
        .args(["taxonomy", "list", "--width", "20"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("at least 60"));
}
