//! `skillgap batch` behaviour that the data-driven cases in `tests/cmd` cannot
//! show: byte-identical output for any `--jobs` on many files (also ranked
//! against a job with `--jd`), `--output`, and a closed pipe ending the run
//! quietly.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn skillgap() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_skillgap"));
    c.current_dir(env!("CARGO_MANIFEST_DIR"));
    c
}

fn run(args: &[&str]) -> Output {
    skillgap().args(args).output().expect("runs")
}

/// `n` resumes made from the fixture resumes, in nested folders.
fn corpus(n: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut sources: Vec<PathBuf> = std::fs::read_dir(root.join("fixtures/resumes"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    sources.sort();
    for i in 0..n {
        let src = &sources[i % sources.len()];
        let sub = dir.path().join(format!("team-{}", i % 7));
        std::fs::create_dir_all(&sub).unwrap();
        let ext = src.extension().unwrap().to_str().unwrap();
        std::fs::copy(src, sub.join(format!("cand-{i:04}.{ext}"))).unwrap();
    }
    dir
}

#[test]
fn output_is_the_same_bytes_for_any_number_of_jobs() {
    let dir = corpus(120);
    let path = dir.path().to_str().unwrap();
    for (format, jobs) in [
        ("jsonl", &["2", "7"][..]),
        ("json", &["2"]),
        ("junit", &["2"]),
    ] {
        let base = ["batch", path, "--as-of", "2026-11", "--quiet", "-f", format];
        let one = run(&[&base[..], &["--jobs", "1"]].concat());
        assert_eq!(one.status.code(), Some(0), "{format}");
        assert!(!one.stdout.is_empty());
        for j in jobs {
            let other = run(&[&base[..], &["--jobs", j]].concat());
            assert!(
                one.stdout == other.stdout,
                "{format}: --jobs 1 and {j} differ"
            );
        }
    }
}

#[test]
fn a_ranking_against_a_job_is_the_same_bytes_for_any_number_of_jobs() {
    let dir = corpus(90);
    let path = dir.path().to_str().unwrap();
    let job = "fixtures/jobs/mid-java-spring-developer.txt";
    for format in ["jsonl", "csv", "markdown"] {
        let base = [
            "batch", path, "--jd", job, "--as-of", "2026-11", "--quiet", "-f", format,
        ];
        let one = run(&[&base[..], &["--jobs", "1"]].concat());
        assert_eq!(one.status.code(), Some(0), "{format}");
        assert!(!one.stdout.is_empty());
        let two = run(&[&base[..], &["--jobs", "2"]].concat());
        assert!(one.stdout == two.stdout, "{format}: --jobs 1 and 2 differ");
    }
}

#[test]
fn a_job_that_cannot_be_read_creates_no_output_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("ranking.csv");
    let out = run(&[
        "batch",
        "fixtures/batch/good",
        "--jd",
        "fixtures/docs/encrypted-user-password.pdf",
        "-o",
        file.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(!file.exists());
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "skillgap: --jd fixtures/docs/encrypted-user-password.pdf: \
         PDF is encrypted; remove the password and try again\n"
    );
}

#[test]
fn output_file_gets_what_stdout_would() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("results.csv");
    let args = ["batch", "fixtures/batch", "--as-of", "2026-11", "-q"];
    let to_file = run(&[&args[..], &["-o", file.to_str().unwrap()]].concat());
    // 3 unreadable files in fixtures/batch.
    assert_eq!(to_file.status.code(), Some(3));
    assert!(to_file.stdout.is_empty());
    let to_stdout = run(&[&args[..], &["-f", "csv"]].concat());
    assert_eq!(std::fs::read(&file).unwrap(), to_stdout.stdout);
}

#[test]
fn output_file_extension_picks_the_format() {
    let dir = tempfile::tempdir().unwrap();
    for (name, start) in [
        ("r.xml", "<?xml"),
        ("r.md", "## skillgap batch"),
        ("r.json", "{\n  \"schema_version\": 1,"),
        ("r.jsonl", "{\"schema_version\":1,"),
        ("r.csv", "path,status,"),
        ("r.out", "{\"schema_version\":1,"),
    ] {
        let file = dir.path().join(name);
        let out = run(&[
            "batch",
            "fixtures/batch/weak",
            "--as-of",
            "2026-11",
            "-q",
            "-o",
            file.to_str().unwrap(),
        ]);
        assert_eq!(out.status.code(), Some(0));
        let text = std::fs::read_to_string(&file).unwrap();
        assert!(text.starts_with(start), "{name}: {text}");
    }
}

#[test]
fn an_output_file_that_cannot_be_created_is_a_usage_error() {
    let out = run(&[
        "batch",
        "fixtures/batch/weak",
        "-o",
        "fixtures/no/such/folder/out.csv",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.starts_with("skillgap: cannot create fixtures/no/such/folder/out.csv: no such file")
    );
}

#[test]
fn a_closed_pipe_ends_the_run_quietly() {
    let dir = corpus(500);
    let mut child = skillgap()
        .args(["batch", dir.path().to_str().unwrap(), "--as-of", "2026-11"])
        .args(["-f", "jsonl", "--jobs", "2", "--gaps", "8"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    assert!(first.starts_with("{\"schema_version\":1,"));
    // The reader is dropped here, like `| head -1` exiting.
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}
