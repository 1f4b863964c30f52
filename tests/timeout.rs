//! `--timeout` is one deadline per file for everything done with it: in `eval`, reading and
//! scoring each labelled resume; in `score --jd`, reading and scoring the resume and reading and
//! matching the job.
#![cfg(feature = "cli")]

use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

mod common;
use common::{finish, skillgap};

#[test]
fn eval_gives_up_on_a_resume_whose_scoring_outlasts_the_timeout() {
    let dir = tempfile::tempdir().unwrap();
    let resume = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/resumes/mid-java-spring.txt"),
    )
    .unwrap();
    // About 4 MB of resume text: read in milliseconds, scored in far more than 0.2 s.
    std::fs::write(
        dir.path().join("long.txt"),
        resume.repeat(4_000_000 / resume.len()),
    )
    .unwrap();
    std::fs::write(dir.path().join("short.txt"), &resume).unwrap();
    std::fs::write(
        dir.path().join("labels.json"),
        r#"{"vocabulary": ["java"], "resumes": [
            {"file": "long.txt", "skills": ["java"]},
            {"file": "short.txt", "skills": ["java"]}
        ]}"#,
    )
    .unwrap();
    let started = Instant::now();
    let child = skillgap()
        .args(["eval", "--timeout", "5", "--max-file-size", "10MiB"])
        .arg(dir.path().join("labels.json"))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let out = finish(child);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let stdout = String::from_utf8_lossy(&out.stdout);
    if out.status.code() == Some(0) {
        eprintln!("skipped: scoring 4 MB took under 5 s on this build; nothing timed out");
        return;
    }
    assert_eq!(out.status.code(), Some(3), "{stderr}");
    assert!(
        stderr.contains("long.txt: gave up after 5 s (--timeout) reading and scoring this file"),
        "{stderr}"
    );
    assert!(
        stderr.contains("1 of 2 labelled resumes could not be read"),
        "{stderr}"
    );
    // The other resume is still measured.
    assert!(stdout.starts_with("1 resumes"), "{stdout}");
    assert!(started.elapsed() < Duration::from_secs(40));
}

#[test]
fn score_with_a_job_gives_up_on_a_job_that_never_ends() {
    let mut child = skillgap()
        .args([
            "score",
            "fixtures/resumes/mid-java-spring.txt",
            "--jd",
            "-",
            "--as-of",
            "2026-11",
            "--timeout",
            "1",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stdin = child.stdin.take(); // held open, never written
    let out = finish(child);
    drop(stdin);
    assert_eq!(out.status.code(), Some(3));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr).trim(),
        "skillgap: fixtures/resumes/mid-java-spring.txt: gave up after 1 s (--timeout) reading and scoring this file"
    );
}

#[test]
fn score_with_a_job_still_says_which_file_is_missing() {
    let out = skillgap()
        .args([
            "score",
            "fixtures/resumes/mid-java-spring.txt",
            "--jd",
            "no-such-job.txt",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr).trim(),
        "skillgap: no-such-job.txt: no such file"
    );
}
