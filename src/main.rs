//! The `skillgap` command-line tool. See `skillgap --help`.
#![forbid(unsafe_code)]

mod cli;

use clap::Parser;
use cli::args::{Cli, Command};
use cli::Exit;
use std::process::ExitCode;

fn main() -> ExitCode {
    // Document extraction re-executes this binary to isolate hostile files;
    // that child mode is answered before any argument parsing.
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
    let cli = Cli::parse();
    let result = match &cli.command {
        Command::Score(args) => cli::score::run(args),
        Command::Batch(args) => cli::batch::run(args),
        Command::Eval(args) => cli::eval::run(args),
        Command::Fit(args) => cli::fit::run(args),
        Command::Taxonomy(cmd) => cli::taxonomy::run(cmd),
        #[cfg(feature = "serve")]
        Command::Serve(args) => cli::serve::run(args),
    };
    match result {
        Ok(exit) => exit.into(),
        Err(f) if f.exit == Exit::Ok => Exit::Ok.into(), // closed pipe: end quietly
        Err(f) => {
            eprintln!("skillgap: {}", f.message);
            f.exit.into()
        }
    }
}
