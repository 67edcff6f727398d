//! `claimcheck claims`: every quantity as a claim, with its metric, entities and period.

use std::io::{self, IsTerminal, Write};

use super::{ExitStatus, InputArgs, RulesArgs, io_failure, report_error};
use crate::claim::Claim;
use crate::extract::ExtractOptions;
use crate::input::{self, LoadOptions};
use crate::pipeline::Pipeline;
use crate::render::{self, claims::ClaimOut};

/// Output formats of `claims`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ClaimsFormat {
    Table,
    Jsonl,
    Json,
}

/// How the table is grouped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum GroupBy {
    /// One table per document, in reading order.
    Source,
    /// One table sorted by metric, entities and period: claims about the same thing together.
    Metric,
}

#[derive(Debug, clap::Args)]
pub struct ClaimsArgs {
    #[command(flatten)]
    pub input: InputArgs,

    #[command(flatten)]
    pub rules: RulesArgs,

    /// Output format [default: table on a terminal, jsonl otherwise].
    #[arg(short, long, value_enum)]
    pub format: Option<ClaimsFormat>,

    /// Group the table by document or by metric.
    #[arg(long, value_enum, default_value = "source")]
    pub group_by: GroupBy,
}

pub fn run(args: &ClaimsArgs) -> ExitStatus {
    let inputs = match args.input.inputs() {
        Ok(i) => i,
        Err(e) => {
            report_error("usage", &e);
            return ExitStatus::Error;
        }
    };
    let Some(rules) = super::load_rules(&args.rules) else {
        return ExitStatus::Error;
    };
    let format = args.format.unwrap_or(if io::stdout().is_terminal() {
        ClaimsFormat::Table
    } else {
        ClaimsFormat::Jsonl
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
        vocab: &rules.set.vocab,
        lexicon: Some(&rules.set),
        extract: ExtractOptions::default(),
        load: LoadOptions {
            max_file_size: args.input.max_file_size,
        },
        setup: &setup,
        progress: progress.as_ref(),
    };

    if format == ClaimsFormat::Jsonl {
        return stream_jsonl(&pipeline, &pool, &entries, failed);
    }
    // A table or one JSON document: every document's claims first.
    let results = pipeline.run(&pool, &entries, 0);
    if let Some(p) = &progress {
        p.finish();
    }
    let mut errors = Vec::new();
    for r in &results {
        failed |= super::report_document(r, &mut errors);
    }
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let width = super::table_width();
    let result: io::Result<()> = (|| {
        if format == ClaimsFormat::Json {
            let claims: Vec<ClaimOut<'_>> = results
                .iter()
                .flat_map(|r| r.claims.iter().map(|c| ClaimOut::new(c, None)))
                .collect();
            let docs: Vec<&render::json::DocumentOut> = results.iter().map(|r| &r.doc).collect();
            let v = serde_json::json!({
                "schema_version": crate::extract::SCHEMA_VERSION,
                "documents": docs,
                "claims": claims,
                "errors": errors,
            });
            serde_json::to_writer_pretty(&mut out, &v)?;
            out.write_all(b"\n")?;
        } else {
            match args.group_by {
                GroupBy::Source => {
                    for r in &results {
                        if r.claims.is_empty() {
                            continue;
                        }
                        writeln!(
                            out,
                            "{}",
                            render::sanitize_for_terminal(&document_title(&r.doc))
                        )?;
                        let list: Vec<&Claim> = r.claims.iter().collect();
                        render::claims::table(&mut out, &list, width, false)?;
                    }
                }
                GroupBy::Metric => {
                    let mut list: Vec<&Claim> =
                        results.iter().flat_map(|r| r.claims.iter()).collect();
                    list.sort_by(|a, b| {
                        (
                            a.metric.is_none(),
                            &a.metric,
                            &a.entities,
                            a.period.as_ref().map(|p| (p.start, p.end)),
                            a.doc_index,
                            a.start,
                        )
                            .cmp(&(
                                b.metric.is_none(),
                                &b.metric,
                                &b.entities,
                                b.period.as_ref().map(|p| (p.start, p.end)),
                                b.doc_index,
                                b.start,
                            ))
                    });
                    render::claims::table(&mut out, &list, width, true)?;
                }
            }
        }
        out.flush()
    })();
    if let Err(e) = result {
        return io_failure(&e);
    }
    if failed {
        ExitStatus::Error
    } else {
        ExitStatus::Success
    }
}

/// JSON Lines, streamed as `extract` streams: a batch of documents at a time, each document's
/// lines rendered by the thread that linked it, then written in input order. Memory does not
/// grow with the number of documents, which is what the map step of a sharded run needs.
fn stream_jsonl(
    pipeline: &Pipeline<'_>,
    pool: &rayon::ThreadPool,
    entries: &[input::Entry],
    mut failed: bool,
) -> ExitStatus {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut errors = Vec::new();
    let render = |mut r: crate::pipeline::DocResult| {
        let lines = render::json::claim_lines(&r.claims, Some(&r.doc));
        r.claims = Vec::new();
        (r, lines)
    };
    let written = super::stream_batches(pipeline, pool, entries, super::BATCH, render, |results| {
        for (r, lines) in &results {
            failed |= super::report_document(r, &mut errors);
            out.write_all(lines)?;
        }
        out.flush()
    });
    if let Err(e) = written {
        return io_failure(&e);
    }
    if failed {
        ExitStatus::Error
    } else {
        ExitStatus::Success
    }
}

/// `source — title (outlet, date)` above a document's table.
fn document_title(d: &render::json::DocumentOut) -> String {
    let mut s = d.source.clone();
    if let Some(t) = &d.title {
        s.push_str(&format!(" \u{2014} {t}"));
    }
    let meta: Vec<String> = [
        d.outlet.clone(),
        d.date.clone().map(|x| {
            if d.date_inferred {
                format!("{x}, inferred")
            } else {
                x
            }
        }),
    ]
    .into_iter()
    .flatten()
    .collect();
    if !meta.is_empty() {
        s.push_str(&format!(" ({})", meta.join(", ")));
    }
    s
}
