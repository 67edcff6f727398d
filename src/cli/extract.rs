//! `claimcheck extract`: every quantity mention of every document.

use std::io::{self, IsTerminal, Write};

use super::{ExitStatus, InputArgs, io_failure, report_error};
use crate::extract::ExtractOptions;
use crate::input::{self, LoadOptions};
use crate::pipeline::Pipeline;
use crate::render::{self, Format};

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

pub fn run(args: &ExtractArgs) -> ExitStatus {
    let inputs = match args.input.inputs() {
        Ok(i) => i,
        Err(e) => {
            report_error("usage", &e);
            return ExitStatus::Error;
        }
    };
    let vocab = match crate::rules::try_default_vocabulary() {
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
    let Some(pool) = super::thread_pool(args.input.threads) else {
        return ExitStatus::Error;
    };
    let (setup, manifest_errors) = super::DocumentSetup::new(&args.input, &inputs);
    let mut failed = false;
    for e in &manifest_errors {
        report_error("sources", &e.to_string());
        failed = true;
    }
    let entries = input::collect(&inputs);
    let progress = crate::progress::Progress::for_terminal(entries.len());
    let pipeline = Pipeline {
        vocab,
        lexicon: None,
        extract: ExtractOptions {
            periods: args.periods,
        },
        load: LoadOptions {
            max_file_size: args.input.max_file_size,
        },
        setup: &setup,
        progress: progress.as_ref(),
    };

    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut all_docs = Vec::new();
    let mut all_mentions = Vec::new();
    let mut all_errors = Vec::new();
    let width = super::table_width();
    // JSON lines are rendered by the thread that extracted the document, which frees its
    // mentions there too; this thread only writes the bytes, in input order.
    let render = |mut o: crate::pipeline::DocResult| {
        let lines = (format == Format::Jsonl).then(|| {
            let lines = render::json::mention_lines(&o.mentions);
            o.mentions = Vec::new();
            lines
        });
        (o, lines)
    };
    let written = super::stream_batches(
        &pipeline,
        &pool,
        &entries,
        super::BATCH,
        render,
        |results| {
            for (o, lines) in results {
                failed |= super::report_document(&o, &mut all_errors);
                let result = match format {
                    Format::Jsonl => out.write_all(&lines.unwrap_or_default()),
                    Format::Table => render::table::mentions(&mut out, &o.mentions, width),
                    Format::Json => {
                        all_mentions.extend(o.mentions);
                        Ok(())
                    }
                };
                all_docs.push(o.doc);
                result?;
            }
            out.flush()
        },
    );
    if let Err(e) = written {
        return io_failure(&e);
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
