//! CLI behaviour as data: every `tests/cmd/*.toml` is a command line with its
//! expected exit code, stdout and stderr (`*.stdout`, `*.stderr` beside it).
//! Regenerate expected output after an intended change with
//! `TRYCMD=overwrite cargo test --test cli`, then review the diff.
#![cfg(feature = "cli")]

#[test]
fn cli_cases() {
    trycmd::TestCases::new()
        .case("tests/cmd/*.toml")
        .case("tests/cmd/*.md");
}
