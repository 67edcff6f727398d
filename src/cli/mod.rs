//! The command line: clap definitions and the commands they run.
//!
//! Only this module and `main.rs` write to standard output and standard error.

mod exit;
mod extract;

use std::io::IsTerminal;

use clap::{Parser, Subcommand};

pub use exit::ExitStatus;

/// claimcheck: finds the numeric claims in documents and reports where sources disagree.
#[derive(Debug, Parser)]
#[command(name = "claimcheck", version, about, long_about = None, max_term_width = 100)]
pub struct Args {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List every quantity mention (and, with --periods, every time expression) in documents.
    Extract(extract::ExtractArgs),
}

/// Options shared by commands that read documents.
#[derive(Debug, clap::Args)]
pub struct InputArgs {
    /// Files or directories to read (directories recursively: .txt, .md, .markdown); `-` reads
    /// standard input.
    #[arg(value_name = "PATH")]
    pub paths: Vec<String>,

    /// Worker threads (default: the number of cores). Output is the same for any value.
    #[arg(short = 'j', long = "threads", value_name = "N")]
    pub threads: Option<usize>,

    /// Refuse files larger than this many bytes.
    #[arg(long, value_name = "BYTES", default_value_t = 256 * 1024 * 1024)]
    pub max_file_size: u64,
}

impl InputArgs {
    /// The inputs to read: the paths given, or standard input when none are and it is piped.
    fn inputs(&self) -> Result<Vec<String>, String> {
        if !self.paths.is_empty() {
            return Ok(self.paths.clone());
        }
        if std::io::stdin().is_terminal() {
            return Err("no input: give a file or directory, or `-` to read standard input".into());
        }
        Ok(vec!["-".into()])
    }
}

/// Run the command line; returns the exit status (never exits the process itself).
pub fn run(args: Args) -> ExitStatus {
    match args.command {
        Command::Extract(a) => extract::run(&a),
    }
}

/// Print an error the same way everywhere: `claimcheck: <source>: <message>`.
#[allow(clippy::print_stderr)]
pub(crate) fn report_error(source: &str, message: &str) {
    eprintln!(
        "claimcheck: {}: {}",
        crate::render::sanitize_for_terminal(source),
        message
    );
}

/// Print a note (not an error): `claimcheck: note: <source>: <message>`.
#[allow(clippy::print_stderr)]
pub(crate) fn report_note(source: &str, message: &str) {
    eprintln!(
        "claimcheck: note: {}: {}",
        crate::render::sanitize_for_terminal(source),
        message
    );
}
