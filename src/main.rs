//! The `claimcheck` binary: a thin shell over the library.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    claimcheck::bug::install_hook();
    let args = claimcheck::cli::Args::parse();
    claimcheck::cli::run(args).into()
}
