//! `claimcheck report --claims FILE...`: check claims made elsewhere (`claims --format jsonl`
//! on other machines, or an earlier `report --format jsonl`) without reading the documents
//! again. `claims` is stateless per document, so this is the reduce step of a map/reduce:
//!
//! ```sh
//! claimcheck claims --format jsonl shard-1/ > shard-1.jsonl   # on each machine
//! claimcheck report --claims shard-*.jsonl                     # once, over all of them
//! ```
//!
//! The output is what `report` on the documents prints for the same claims. Document indexes
//! are numbered again, by file order on the command line and then line order (the document of
//! `0:3` in the second file is not the document of `0:3` in the first), so ids never collide
//! and the output does not depend on when or where the shards were made.
//!
//! Scale (millions of claims): a claim line is about 1 KB, mostly the sentence, how it was
//! linked and its document. Nothing holds every claim:
//!
//! 1. *Read*: each file in blocks of whole lines; the lines of a block are parsed in parallel
//!    and folded in line order. A claim the engine compares is kept as a [`Compact`] record
//!    (numbers, dates and flags, with its strings interned: a few distinct sources, metrics,
//!    units, entity lists, texts), plus where its line is; the sentence only when a check
//!    reads it ([`engine::reads_sentence`]). A claim the engine does not compare is only
//!    counted.
//! 2. *Check*: the records are split by [`engine::partition_key`] (claims of different
//!    partitions never meet in a check), and the partitions are checked in parallel, each
//!    materialized as [`Claim`]s only while it is checked. Each check groups by key, so the
//!    cost is O(n log n) plus the pairs within a key; never all pairs.
//! 3. *Print*: the table, markdown, SARIF and GitHub formats need only the claims of the
//!    findings they print, rebuilt from their records (or, with `--verbose` and `--explain`,
//!    which print how a claim was linked and its sentence, re-read from their lines); json and
//!    jsonl print every claim, so the files are read again and each claim is written as it is
//!    read.
//!
//! A line that cannot be read is reported as `file:line: message` and left out; the others are
//! still checked and the run exits with 2.
//!
//! [`Compact`]: compact::Compact
//! [`Claim`]: crate::claim::Claim
//! [`engine::reads_sentence`]: crate::engine::reads_sentence
//! [`engine::partition_key`]: crate::engine::partition_key

mod check;
mod compact;
mod input;
mod print;
mod read;
#[cfg(test)]
mod tests;

use super::report::{self, ReportArgs};
use super::{ExitStatus, report_error};
use crate::report::Report;
use check::check;
use input::open_inputs;
use print::{Stream, claims_of, printed_claims};
use read::Loaded;

/// Bytes read at a time (the lines of a block are parsed in parallel).
const BLOCK: usize = 8 << 20;

/// The longest line read; a longer one is reported and skipped.
const MAX_LINE: usize = 64 << 20;

/// Malformed lines reported one by one per file; the rest are counted.
const MAX_SHOWN_ERRORS: usize = 20;

/// No string, in an interned field.
const NONE: u32 = u32::MAX;

pub fn run(args: &ReportArgs) -> ExitStatus {
    let Some(rules) = super::load_rules(&args.rules) else {
        return ExitStatus::Error;
    };
    let Some(pool) = super::thread_pool(args.input.threads) else {
        return ExitStatus::Error;
    };
    let Some(baseline) = report::load_baseline(args) else {
        return ExitStatus::Error;
    };
    let files = match open_inputs(&args.claims) {
        Ok(f) => f,
        Err(e) => {
            report_error("usage", &e);
            return ExitStatus::Error;
        }
    };
    let relations = &rules.set.relations;
    let mut loaded = Loaded::new(relations);
    for (i, f) in files.iter().enumerate() {
        let file = u32::try_from(i).unwrap_or(NONE);
        if let Err(e) = loaded.read(&pool, file, f) {
            loaded.lost(&f.name, &e.to_string());
        }
    }
    let Loaded {
        tables,
        store,
        documents,
        summary,
        errors,
        failed,
        files: file_state,
        ..
    } = loaded.finish();

    let mut findings = check(&pool, &tables, &store, relations);
    let mut summary = summary;
    if let Err(status) = report::apply_baseline(args, &baseline, &mut findings, &mut summary) {
        return status;
    }

    let opts = report::render_options(args);
    let shown_claims = printed_claims(args, &opts, &findings);
    let full = args.verbose || args.explain.is_some();
    let claims = match claims_of(&shown_claims, &tables, &store, &files, full) {
        Ok(c) => c,
        Err(e) => {
            report_error("claims", &e.to_string());
            return ExitStatus::Error;
        }
    };
    let report = Report {
        documents: &documents,
        claims: &claims,
        findings: &findings,
        errors: &errors,
        summary: &summary,
    };
    let stream = Stream {
        pool: &pool,
        files: &files,
        state: &file_state,
    };
    let status = report::print(args, &pool, &report, Some(&stream), failed);
    // The process ends here: freeing millions of records and findings one by one would only
    // cost time.
    std::mem::forget((findings, claims, store, tables));
    status
}
