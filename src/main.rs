//! skillgap command line.
//!
//! Placeholder until the real CLI lands: it only answers the hidden `__extract` subcommand
//! that process isolation of document extraction re-executes this binary with.
#![forbid(unsafe_code)]

use std::process::ExitCode;

#[cfg(feature = "extract")]
// The parent side (`extract_isolated`) is for the batch runner of the real CLI.
#[allow(dead_code)]
mod cli {
    pub mod isolate;
}

fn main() -> ExitCode {
    #[cfg(feature = "extract")]
    {
        let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
        if args
            .get(1)
            .is_some_and(|a| a == cli::isolate::CHILD_SUBCOMMAND)
        {
            return cli::isolate::run_extract_child(&args[2..]);
        }
    }
    ExitCode::SUCCESS
}
