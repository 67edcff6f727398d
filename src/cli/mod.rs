//! The command line: clap definitions and the commands they run.
//!
//! Only this module and `main.rs` write to standard output and standard error.

mod claims;
mod exit;
mod extract;
mod report;
mod report_claims;
mod rules;

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
    /// List every quantity as a claim: its metric, entities (with direction), period and value.
    Claims(claims::ClaimsArgs),
    /// Compare the claims of all documents and report where sources disagree (the main job).
    Report(report::ReportArgs),
    /// List the rules in force and where each came from; `rules check DIR` validates files.
    Rules(rules::RulesCommand),
}

/// Options that choose the rules.
#[derive(Debug, Clone, clap::Args)]
pub struct RulesArgs {
    /// A directory of rule files (TOML) to add on top of the bundled rules (repeatable).
    #[arg(long = "rules", value_name = "DIR")]
    pub dirs: Vec<std::path::PathBuf>,

    /// Leave out the bundled metrics, entities and fiscal years (currencies and qualifiers stay).
    #[arg(long)]
    pub no_default_rules: bool,
}

/// The rules in force for a run.
pub struct Rules {
    pub set: crate::rules::RuleSet,
}

/// Load the rules, or print every error (file:line:column, with a snippet) and return `None`:
/// claimcheck never starts with a broken rule set.
pub(crate) fn load_rules(args: &RulesArgs) -> Option<Rules> {
    match crate::rules::RuleSet::load(&args.dirs, args.no_default_rules) {
        Ok(set) => Some(Rules { set }),
        Err(errors) => {
            for e in &errors {
                report_rule_error(e);
            }
            None
        }
    }
}

#[allow(clippy::print_stderr)]
pub(crate) fn report_rule_error(e: &crate::rules::RuleError) {
    eprintln!("claimcheck: {e}");
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

    /// A sources manifest (TOML, `[[source]]` entries with path, title, outlet, url, date);
    /// `claimcheck.toml` or `sources.toml` beside the documents are read too.
    #[arg(long, value_name = "FILE")]
    pub sources: Vec<std::path::PathBuf>,

    /// The publication date of a document: `--date PATH=YYYY-MM-DD` (repeatable). Wins over
    /// front matter and manifests.
    #[arg(long, value_name = "PATH=DATE", value_parser = parse_date_arg)]
    pub date: Vec<(String, jiff::civil::Date)>,
}

fn parse_date_arg(s: &str) -> Result<(String, jiff::civil::Date), String> {
    let (path, date) = s.rsplit_once('=').ok_or("expected PATH=YYYY-MM-DD")?;
    let d = crate::input::manifest::parse_date(date)
        .ok_or_else(|| format!("`{date}` is not a date (YYYY-MM-DD)"))?;
    Ok((path.to_string(), d))
}

/// What is known about documents beyond their own text: manifests and dates given on the
/// command line.
#[derive(Debug, Default)]
pub struct DocumentSetup {
    pub manifest: crate::input::manifest::Manifest,
    pub dates: Vec<(std::path::PathBuf, jiff::civil::Date)>,
}

impl DocumentSetup {
    /// Read the manifests (given and beside the inputs); errors are reported and lost input.
    pub fn new(args: &InputArgs, inputs: &[String]) -> (Self, Vec<crate::rules::RuleError>) {
        use crate::input::manifest::{Manifest, beside};
        let paths: Vec<std::path::PathBuf> = inputs
            .iter()
            .filter(|p| *p != "-")
            .map(std::path::PathBuf::from)
            .collect();
        let (mut manifest, mut errors) = beside(&paths);
        for f in &args.sources {
            match Manifest::load(f) {
                Ok(m) => manifest.extend(m),
                Err(e) => errors.push(e),
            }
        }
        let dates = args
            .date
            .iter()
            .map(|(p, d)| (std::fs::canonicalize(p).unwrap_or_else(|_| p.into()), *d))
            .collect();
        (Self { manifest, dates }, errors)
    }

    /// Apply the manifest and command-line dates to a document (one still undated gets the date
    /// its text implies from [`crate::extract::Extractor::extract_and_date`]).
    pub fn apply(&self, doc: &mut crate::input::Document, path: Option<&std::path::Path>) {
        if let Some(path) = path {
            self.manifest.apply(doc, path);
            let canon = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
            if let Some((_, d)) = self.dates.iter().find(|(p, _)| *p == canon) {
                doc.meta.date = Some(*d);
            }
        }
    }
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
        Command::Claims(a) => claims::run(&a),
        Command::Report(a) => report::run(&a),
        Command::Rules(a) => rules::run(&a),
    }
}

/// A thread pool with `n` threads (0 or none: one per core).
pub(crate) fn thread_pool(n: Option<usize>) -> Option<rayon::ThreadPool> {
    match rayon::ThreadPoolBuilder::new()
        .num_threads(n.unwrap_or(0))
        .build()
    {
        Ok(p) => Some(p),
        Err(e) => {
            report_error("threads", &e.to_string());
            None
        }
    }
}

/// The width of tables: the terminal's (`COLUMNS`), else 100.
pub(crate) fn table_width() -> u16 {
    if std::io::stdout().is_terminal() {
        std::env::var("COLUMNS")
            .ok()
            .and_then(|c| c.parse().ok())
            .unwrap_or(100)
    } else {
        100
    }
}

/// Print a document's notes, skip reason and error on standard error; record the error.
/// Returns true when input was lost.
pub(crate) fn report_document(
    o: &crate::pipeline::DocResult,
    errors: &mut Vec<crate::render::json::ErrorOut>,
) -> bool {
    for n in &o.notes {
        report_note(&o.doc.source, n);
    }
    if let Some(s) = &o.skipped {
        report_note(&o.doc.source, s);
    }
    if let Some(e) = &o.error {
        report_error(&o.doc.source, e);
        errors.push(crate::render::json::ErrorOut {
            source: o.doc.source.clone(),
            message: e.clone(),
        });
        return true;
    }
    false
}

/// Documents are streamed in batches: each batch in parallel, printed in input order before
/// the next starts, so memory does not grow with the number of documents.
pub(crate) const BATCH: usize = 64;

/// Run the pipeline over `entries`, `size` documents ([`BATCH`] for a run that prints as it
/// goes) at a time: `then` is applied to each document's
/// result on the thread that made it (rendering its output, say), and `write` gets each
/// batch's results in input order on this thread, with the progress bar out of the way. The
/// bar is finished at the end; the first error from `write` stops the run.
pub(crate) fn stream_batches<T: Send>(
    pipeline: &crate::pipeline::Pipeline<'_>,
    pool: &rayon::ThreadPool,
    entries: &[crate::input::Entry],
    size: usize,
    then: impl Fn(crate::pipeline::DocResult) -> T + Sync,
    mut write: impl FnMut(Vec<T>) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let size = size.max(1);
    for (b, batch) in entries.chunks(size).enumerate() {
        let results = pipeline.run_then(pool, batch, b * size, &then);
        match pipeline.progress {
            Some(p) => p.suspend(|| write(results))?,
            None => write(results)?,
        }
    }
    if let Some(p) = pipeline.progress {
        p.finish();
    }
    Ok(())
}

/// A write to standard output failed: a closed pipe ends the run quietly (status 0, as
/// ripgrep and ruff do); anything else is an error.
pub(crate) fn io_failure(e: &std::io::Error) -> ExitStatus {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        return ExitStatus::Success;
    }
    report_error("stdout", &e.to_string());
    ExitStatus::Error
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
