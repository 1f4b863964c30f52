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
