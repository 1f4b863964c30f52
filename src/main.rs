//! The `skillgap` command-line tool. See `skillgap --help`.
#![forbid(unsafe_code)]

mod cli;

use clap::Parser;
use cli::args::{Cli, Command};
use cli::{Exit, Failure};
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match &cli.command {
        Command::Score(args) => cli::score::run(args),
        Command::Eval(args) => cli::eval::run(args),
        Command::Taxonomy(cmd) => cli::taxonomy::run(cmd),
        Command::Extract { .. } => Err(Failure::usage("__extract is not available in this build")),
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
