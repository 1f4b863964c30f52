//! `skillgap batch` behaviour that the data-driven cases in `tests/cmd` cannot
//! show: byte-identical output for any `--jobs` on many files (also ranked
//! against a job with `--jd`), `--output`, and a closed pipe ending the run
//! quietly.
#![cfg(feature = "cli")]

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

mod common;
use common::{finish, skillgap};

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

/// Regression: a named pipe in a batch folder hung the run forever (opening it
/// waits for a writer), even with `--timeout`; sockets and symlinked folders
/// were dropped without a word.
#[cfg(unix)]
#[test]
fn a_folder_with_a_fifo_a_socket_and_a_link_loop_completes_and_names_each_skip() {
    use std::os::unix::fs::symlink;
    use std::os::unix::net::UnixListener;

    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let resumes = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/resumes");
    std::fs::copy(resumes.join("mid-java-spring.txt"), d.join("a.txt")).unwrap();
    std::fs::create_dir(d.join("team")).unwrap();
    std::fs::copy(
        resumes.join("junior-nodejs-express.txt"),
        d.join("team/b.txt"),
    )
    .unwrap();
    // A loop (team/again -> team) and a second way to one folder (also -> team).
    symlink(d.join("team"), d.join("team/again")).unwrap();
    symlink(d.join("team"), d.join("z-also")).unwrap();
    let _socket = UnixListener::bind(d.join("s.txt")).unwrap();
    let fifo = Command::new("mkfifo").arg(d.join("p.txt")).status();
    let has_fifo = fifo.is_ok_and(|s| s.success());
    if !has_fifo {
        eprintln!("mkfifo is not available: the FIFO part of this test is skipped");
    }

    let child = skillgap()
        .args(["batch", d.to_str().unwrap(), "--as-of", "2026-11"])
        .args(["-f", "jsonl", "--timeout", "5"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Never wait forever: the bug was a hang.
    let out = finish(child);
    let stdout = String::from_utf8(out.stdout).unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    let paths: Vec<String> = stdout
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            let p = v["path"].as_str().unwrap();
            Path::new(p)
                .strip_prefix(d)
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    assert_eq!(paths, ["a.txt", "team/b.txt"], "{stderr}");
    assert!(stderr.contains("s.txt: a socket, skipped"), "{stderr}");
    assert!(stderr.contains("a link back to"), "{stderr}");
    assert!(
        stderr.contains("z-also: a link to a folder already walked"),
        "{stderr}"
    );
    let special = if has_fifo {
        assert!(
            stderr.contains("p.txt: a named pipe (FIFO), skipped"),
            "{stderr}"
        );
        2
    } else {
        1
    };
    let summary = format!(
        "{} skipped (0 hidden, 0 unsupported, 0 excluded, {special} special, 2 links not followed)",
        special + 2
    );
    assert!(stderr.contains(&summary), "{stderr}");
}

/// A FIFO named on the command line is refused without being opened for a
/// blocking read: exit 3, the others still scored.
#[cfg(unix)]
#[test]
fn a_named_fifo_is_unreadable_not_a_hang() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("cv.txt");
    if !Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success())
    {
        eprintln!("mkfifo is not available: test skipped");
        return;
    }
    let out = run(&[
        "batch",
        fifo.to_str().unwrap(),
        "fixtures/resumes/mid-java-spring.txt",
        "--as-of",
        "2026-11",
        "-f",
        "jsonl",
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(3), "{stderr}");
    assert!(
        stderr.contains("named pipe (FIFO), not a regular file"),
        "{stderr}"
    );
    let score = run(&["score", fifo.to_str().unwrap(), "--as-of", "2026-11"]);
    assert_eq!(score.status.code(), Some(3));
}

/// `--timeout` covers reading and scoring, not only extraction: a file that
/// scores slowly is given up on and reported, and the files after it are
/// still scored and written.
#[test]
fn a_file_that_runs_out_of_time_is_reported_and_the_others_scored() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // One 400 KB line naming one skill, no heading: slow to score (issue 12).
    std::fs::write(d.join("a-slow.txt"), "Java ".repeat(80_000) + "\n").unwrap();
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/resumes/mid-java-spring.txt"),
        d.join("b-normal.txt"),
    )
    .unwrap();
    let started = std::time::Instant::now();
    let out = run(&[
        "batch",
        d.to_str().unwrap(),
        "--as-of",
        "2026-11",
        "-f",
        "jsonl",
        "--jobs",
        "1",
        "--timeout",
        "5",
    ]);
    let elapsed = started.elapsed();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    let records: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(records.len(), 2, "{stdout}");
    assert_eq!(records[1]["status"], "scored", "{stdout}\n{stderr}");
    // Scoring may get fast enough one day; when it does not finish in time, it says so.
    if records[0]["status"] == "unreadable" {
        assert_eq!(
            records[0]["error"],
            "gave up after 5 s (--timeout) reading and scoring this file"
        );
        assert_eq!(out.status.code(), Some(3), "{stderr}");
    }
    // Not the 40 s the slow file takes (in a release build) to score.
    assert!(elapsed < std::time::Duration::from_secs(30), "{elapsed:?}");
}

/// The deadline starts with reading: standard input that never ends is given
/// up on (exit 3) instead of waiting for ever.
#[test]
fn score_gives_up_on_input_that_never_ends() {
    let mut child = skillgap()
        .args(["score", "-", "--as-of", "2026-11", "--timeout", "1"])
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
        "skillgap: <stdin>: gave up after 1 s (--timeout) reading and scoring this file"
    );
}
