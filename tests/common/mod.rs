//! What several test files share: one scorer of the built-in taxonomy with
//! "Present" fixed at 2026-11, built once per test binary, and the ways they
//! run the `skillgap` binary. Each test binary uses a part of it.
#![allow(dead_code)]

use skillgap::YearMonth;
use skillgap::{Scorer, Taxonomy};
use std::sync::OnceLock;

/// The text of a file of the crate, by its path from the crate's folder
/// (`fixtures/resumes/…`).
pub fn fixture(path: &str) -> String {
    let full = format!("{}/{path}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{full}: {e}"))
}

/// The built-in taxonomy's scorer, as of 2026-11.
pub fn scorer() -> &'static Scorer {
    static S: OnceLock<Scorer> = OnceLock::new();
    S.get_or_init(|| {
        Scorer::builder(Taxonomy::builtin())
            .as_of(YearMonth::new(2026, 11).unwrap())
            .build()
            .unwrap()
    })
}

/// The `skillgap` binary, run in the crate's folder (where `fixtures/` is).
#[cfg(feature = "cli")]
pub fn skillgap() -> std::process::Command {
    let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_skillgap"));
    c.current_dir(env!("CARGO_MANIFEST_DIR"));
    c
}

/// Runs `skillgap ARGS`: the exit code (-1 when killed) and standard output.
#[cfg(feature = "cli")]
pub fn run(args: &[&str]) -> (i32, String) {
    let out = skillgap().args(args).output().expect("runs");
    let stdout = String::from_utf8(out.stdout).expect("UTF-8 output");
    (out.status.code().unwrap_or(-1), stdout)
}

/// Runs `skillgap ARGS`, fails the test with its stderr unless it succeeds, and
/// returns its standard output.
#[cfg(feature = "cli")]
pub fn stdout_of(args: &[&str]) -> Vec<u8> {
    let out = skillgap().args(args).output().expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// Waits for `child` at most a minute (a hang fails the test instead of
/// blocking the run).
pub fn finish(mut child: std::process::Child) -> std::process::Output {
    let started = std::time::Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > std::time::Duration::from_secs(60) {
            child.kill().unwrap();
            panic!("no answer within a minute");
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    child.wait_with_output().unwrap()
}
