//! `claimcheck extract`: every quantity mention of every document.

use std::io::{self, IsTerminal, Write};

use rayon::prelude::*;

use super::{ExitStatus, InputArgs, report_error, report_note};
use crate::extract::{ExtractOptions, Extractor, Mention};
use crate::input::{self, Entry, LoadOptions, Loaded};
use crate::render::{self, Format, json::DocumentOut, json::ErrorOut};
use crate::rules::Vocabulary;

#[derive(Debug, clap::Args)]
pub struct ExtractArgs {
    #[command(flatten)]
    pub input: InputArgs,

    /// Output format [default: table on a terminal, jsonl otherwise].
    #[arg(short, long, value_enum)]
    pub format: Option<Format>,

    /// Also list each time expression as an item of its own (kind `period`).
    #[arg(long)]
    pub periods: bool,
}

/// What reading and extracting one entry gave.
struct Outcome {
    doc: DocumentOut,
    mentions: Vec<Mention>,
    notes: Vec<String>,
    error: Option<String>,
    skipped: Option<String>,
}

/// Documents are processed in batches: each batch in parallel, printed in input order before
/// the next starts, so memory does not grow with the number of documents.
const BATCH: usize = 64;

pub fn run(args: &ExtractArgs) -> ExitStatus {
    let inputs = match args.input.inputs() {
        Ok(i) => i,
        Err(e) => {
            report_error("usage", &e);
            return ExitStatus::Error;
        }
    };
    let vocab = match Vocabulary::defaults() {
        Ok(v) => v,
        Err(e) => {
            report_error("rules", &e.to_string());
            return ExitStatus::Error;
        }
    };
    let format = args.format.unwrap_or(if io::stdout().is_terminal() {
        Format::Table
    } else {
        Format::Jsonl
    });
    let opts = ExtractOptions {
        periods: args.periods,
    };
    let load_opts = LoadOptions {
        max_file_size: args.input.max_file_size,
    };
    let pool = match rayon::ThreadPoolBuilder::new()
        .num_threads(args.input.threads.unwrap_or(0))
        .build()
    {
        Ok(p) => p,
        Err(e) => {
            report_error("threads", &e.to_string());
            return ExitStatus::Error;
        }
    };
    let (setup, manifest_errors) = super::DocumentSetup::new(&args.input, &inputs);
    let mut failed = false;
    for e in &manifest_errors {
        report_error("sources", &e.to_string());
        failed = true;
    }
    let entries = input::collect(&inputs);
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut all_docs = Vec::new();
    let mut all_mentions = Vec::new();
    let mut all_errors = Vec::new();
    let width = if io::stdout().is_terminal() {
        terminal_width()
    } else {
        100
    };
    for batch in entries.chunks(BATCH) {
        let outcomes: Vec<Outcome> = pool.install(|| {
            batch
                .par_iter()
                .map_init(Extractor::default, |ex, entry| {
                    process(ex, entry, &vocab, opts, &load_opts, &setup)
                })
                .collect()
        });
        for o in outcomes {
            for n in &o.notes {
                report_note(&o.doc.source, n);
            }
            if let Some(s) = &o.skipped {
                report_note(&o.doc.source, s);
            }
            if let Some(e) = &o.error {
                report_error(&o.doc.source, e);
                failed = true;
                all_errors.push(ErrorOut {
                    source: o.doc.source.clone(),
                    message: e.clone(),
                });
            }
            let result = match format {
                Format::Jsonl => o
                    .mentions
                    .iter()
                    .try_for_each(|m| render::json::line(&mut out, m)),
                Format::Table => render::table::mentions(&mut out, &o.mentions, width),
                Format::Json => {
                    all_mentions.extend(o.mentions);
                    Ok(())
                }
            };
            all_docs.push(o.doc);
            if let Err(e) = result {
                return io_failure(&e);
            }
        }
        if let Err(e) = out.flush() {
            return io_failure(&e);
        }
    }
    if format == Format::Json
        && let Err(e) = render::json::whole(&mut out, &all_docs, &all_mentions, &all_errors)
    {
        return io_failure(&e);
    }
    if let Err(e) = out.flush() {
        return io_failure(&e);
    }
    if failed {
        ExitStatus::Error
    } else {
        ExitStatus::Success
    }
}

fn process(
    ex: &mut Extractor,
    entry: &Entry,
    vocab: &Vocabulary,
    opts: ExtractOptions,
    load_opts: &LoadOptions,
    setup: &super::DocumentSetup,
) -> Outcome {
    let blank = |source: String, status| DocumentOut {
        source,
        title: None,
        outlet: None,
        url: None,
        date: None,
        status,
        notes: Vec::new(),
        mentions: 0,
    };
    match input::load(entry, load_opts) {
        Loaded::Document(mut doc) => {
            let path = match entry {
                Entry::File { path, .. } => Some(path.as_path()),
                _ => None,
            };
            setup.apply(&mut doc, path);
            let mentions = ex.extract(&doc, vocab, opts);
            let notes: Vec<String> = doc.notes.iter().map(|n| n.message.clone()).collect();
            let out = DocumentOut {
                source: doc.source.clone(),
                title: doc.meta.title.clone(),
                outlet: doc.meta.outlet.clone(),
                url: doc.meta.url.clone(),
                date: doc.meta.date.map(|d| d.to_string()),
                status: "read",
                notes: notes.clone(),
                mentions: mentions.len(),
            };
            Outcome {
                doc: out,
                mentions,
                notes,
                error: None,
                skipped: None,
            }
        }
        Loaded::Skipped { source, reason } => Outcome {
            doc: blank(source, "skipped"),
            mentions: Vec::new(),
            notes: Vec::new(),
            error: None,
            skipped: Some(reason),
        },
        Loaded::Error { source, message } => Outcome {
            doc: blank(source, "error"),
            mentions: Vec::new(),
            notes: Vec::new(),
            error: Some(message),
            skipped: None,
        },
    }
}

/// A write to standard output failed: a closed pipe ends the run quietly (status 0, as
/// ripgrep and ruff do); anything else is an error.
fn io_failure(e: &io::Error) -> ExitStatus {
    if e.kind() == io::ErrorKind::BrokenPipe {
        return ExitStatus::Success;
    }
    report_error("stdout", &e.to_string());
    ExitStatus::Error
}

fn terminal_width() -> u16 {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(100)
}
