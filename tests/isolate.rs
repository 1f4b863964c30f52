//! Extraction in a child process (`src/cli/isolate.rs`), driven through the built binary.
#![cfg(all(feature = "cli", feature = "extract"))]

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use skillgap::extract::{from_path, ExtractError, Limits};

#[allow(dead_code)]
#[path = "../src/cli/isolate.rs"]
mod isolate;

fn exe() -> &'static Path {
    Path::new(env!("CARGO_BIN_EXE_skillgap"))
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/docs")
        .join(name)
}

const TIMEOUT: Duration = Duration::from_secs(30);

#[test]
fn isolated_result_equals_in_process_result() {
    for name in [
        "one-column-libreoffice.pdf",
        "ghostscript-quote-operator.pdf",
        "table-and-bullets.docx",
        "windows-1252.txt",
    ] {
        let path = fixture(name);
        let inside = from_path(&path, &Limits::default()).unwrap();
        let outside =
            isolate::extract_isolated_with(exe(), &path, &Limits::default(), TIMEOUT).unwrap();
        assert_eq!(inside, outside, "{name}");
    }
}

#[test]
fn errors_cross_the_process_boundary_intact() {
    let e = isolate::extract_isolated_with(
        exe(),
        &fixture("encrypted-user-password.pdf"),
        &Limits::default(),
        TIMEOUT,
    )
    .unwrap_err();
    assert!(matches!(e, ExtractError::EncryptedPdf), "{e:?}");
    let e = isolate::extract_isolated_with(
        exe(),
        &fixture("no-such-file.pdf"),
        &Limits::default(),
        TIMEOUT,
    )
    .unwrap_err();
    assert!(
        matches!(&e, ExtractError::Io(io) if io.kind() == std::io::ErrorKind::NotFound),
        "{e:?}"
    );
    let limits = Limits {
        max_pages: 2,
        ..Limits::default()
    };
    let e = isolate::extract_isolated_with(
        exe(),
        &fixture("four-pages-running-header-footer.pdf"),
        &limits,
        TIMEOUT,
    )
    .unwrap_err();
    assert!(
        matches!(e, ExtractError::TooManyPages { pages: 4, limit: 2 }),
        "{e:?}"
    );
}

#[test]
fn a_child_that_does_not_answer_in_time_is_killed() {
    let started = Instant::now();
    let e = isolate::extract_isolated_with(
        exe(),
        &fixture("four-pages-running-header-footer.pdf"),
        &Limits::default(),
        Duration::from_micros(1),
    )
    .unwrap_err();
    assert!(matches!(e, ExtractError::Timeout { .. }), "{e:?}");
    assert!(started.elapsed() < Duration::from_secs(5));
}

#[cfg(unix)]
#[test]
fn a_child_that_dies_without_answering_is_a_crash() {
    // /bin/sh cannot run "__extract": it exits with an error and no JSON reply.
    let e = isolate::extract_isolated_with(
        Path::new("/bin/sh"),
        &fixture("zero-bytes.pdf"),
        &Limits::default(),
        TIMEOUT,
    )
    .unwrap_err();
    assert!(
        matches!(&e, ExtractError::Crashed { detail } if detail.starts_with("exit status")),
        "{e:?}"
    );
}

#[test]
fn child_rejects_bad_arguments() {
    let out = std::process::Command::new(exe())
        .args([
            isolate::CHILD_SUBCOMMAND,
            "--limits",
            "not json",
            "--",
            "x.pdf",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

/// Cost of isolation per file: the same one-page PDF in-process and in a child, averaged.
/// Prints the numbers (run with `--nocapture`); asserts only that isolation works.
#[test]
fn isolation_overhead_per_file() {
    let path = fixture("one-column-libreoffice.pdf");
    let n = 10;
    let limits = Limits::default();
    let t = Instant::now();
    for _ in 0..n {
        from_path(&path, &limits).unwrap();
    }
    let inside = t.elapsed() / n;
    let t = Instant::now();
    for _ in 0..n {
        isolate::extract_isolated_with(exe(), &path, &limits, TIMEOUT).unwrap();
    }
    let outside = t.elapsed() / n;
    eprintln!(
        "one-page PDF: in-process {:.1} ms, isolated {:.1} ms, overhead {:.1} ms per file",
        inside.as_secs_f64() * 1e3,
        outside.as_secs_f64() * 1e3,
        (outside.as_secs_f64() - inside.as_secs_f64()) * 1e3
    );
}

#[test]
fn a_pool_worker_reads_file_after_file_with_the_same_results() {
    let pool = isolate::Pool::with_exe(exe(), &Limits::default());
    for name in [
        "one-column-libreoffice.pdf",
        "table-and-bullets.docx",
        "ghostscript-quote-operator.pdf",
        "one-column-libreoffice.pdf",
    ] {
        let path = fixture(name);
        let inside = from_path(&path, &Limits::default()).unwrap();
        assert_eq!(pool.extract(&path, TIMEOUT).unwrap(), inside, "{name}");
    }
    let e = pool
        .extract(&fixture("encrypted-user-password.pdf"), TIMEOUT)
        .unwrap_err();
    assert!(matches!(e, ExtractError::EncryptedPdf), "{e:?}");
    // One worker did all of it, errors included.
    assert_eq!(pool.started(), 1);
}

#[test]
fn a_pool_worker_that_runs_out_of_time_is_killed_and_replaced() {
    let pool = isolate::Pool::with_exe(exe(), &Limits::default());
    let path = fixture("four-pages-running-header-footer.pdf");
    let started = Instant::now();
    let e = pool.extract(&path, Duration::from_micros(1)).unwrap_err();
    assert!(matches!(e, ExtractError::Timeout { .. }), "{e:?}");
    assert!(started.elapsed() < Duration::from_secs(5));
    assert!(pool.idle_pids().is_empty(), "the late worker is not kept");
    let doc = pool.extract(&path, TIMEOUT).unwrap();
    assert_eq!(doc.pages, Some(4));
    assert_eq!(pool.started(), 2);
}

#[cfg(unix)]
#[test]
fn a_pool_worker_that_dies_is_a_crash_for_its_file_and_replaced_for_the_next() {
    // /bin/sh cannot run "__extract --serve": each worker exits without a reply.
    let pool = isolate::Pool::with_exe(Path::new("/bin/sh"), &Limits::default());
    for _ in 0..2 {
        let e = pool
            .extract(&fixture("one-column-libreoffice.pdf"), TIMEOUT)
            .unwrap_err();
        assert!(
            matches!(&e, ExtractError::Crashed { detail } if detail.starts_with("exit status")),
            "{e:?}"
        );
    }
    // A worker per file at least (one more when it died before it took the request).
    assert!(pool.started() >= 2);
}

#[cfg(unix)]
#[test]
fn an_idle_pool_worker_killed_from_outside_costs_no_file() {
    let pool = isolate::Pool::with_exe(exe(), &Limits::default());
    let path = fixture("one-column-libreoffice.pdf");
    pool.extract(&path, TIMEOUT).unwrap();
    let pids = pool.idle_pids();
    assert_eq!(pids.len(), 1);
    let killed = std::process::Command::new("kill")
        .args(["-9", &pids[0].to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    std::thread::sleep(Duration::from_millis(100));
    // The dead worker is noticed before the request is sent; a new one reads the file.
    assert!(pool.extract(&path, TIMEOUT).is_ok());
    assert_eq!(pool.started(), 2);
}
