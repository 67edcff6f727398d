//! The `json` and `jsonl` formats.

use std::io::{self, Write};

use serde::Serialize;

use crate::claim::Claim;
use crate::extract::{Mention, SCHEMA_VERSION};
use crate::render::claims::ClaimOut;

mod claim;
mod fields;
mod finding;
mod mention;

pub use claim::write as claim_line;
pub use finding::write as finding_line;

/// A document's entry in the JSON output.
#[derive(Debug, Clone, Serialize)]
pub struct DocumentOut {
    pub source: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub date: Option<String>,
    /// The date was inferred from the latest year the document mentions (a lower bound).
    pub date_inferred: bool,
    /// `read`, `skipped` or `error`.
    pub status: &'static str,
    pub notes: Vec<String>,
    pub mentions: usize,
}

/// An input problem in the JSON output.
#[derive(Debug, Clone, Serialize)]
pub struct ErrorOut {
    pub source: String,
    pub message: String,
}

#[derive(Serialize)]
struct Whole<'a> {
    schema_version: u32,
    tool: Tool,
    documents: &'a [DocumentOut],
    mentions: &'a [Mention],
    errors: &'a [ErrorOut],
}

#[derive(Serialize)]
struct Tool {
    name: &'static str,
    version: &'static str,
}

/// One document's mentions as JSON lines, in a buffer of their own: documents are rendered in
/// parallel, each on the thread that extracted it, and written in order afterwards.
pub fn mention_lines(mentions: &[Mention]) -> Vec<u8> {
    let mut buf = Vec::with_capacity(mentions.len() * 384);
    for m in mentions {
        mention::write(&mut buf, m);
        buf.push(b'\n');
    }
    buf
}

/// One document's claims as JSON lines (each carrying the document when `doc` is given), as
/// [`mention_lines`] renders mentions.
pub fn claim_lines(claims: &[Claim], doc: Option<&DocumentOut>) -> Vec<u8> {
    let mut buf = Vec::with_capacity(claims.len() * 1024);
    for c in claims {
        claim::write(&mut buf, &ClaimOut::new(c, doc));
        buf.push(b'\n');
    }
    buf
}

/// Write any value as one JSON line. The value is serialized into a reused buffer and written
/// with one call: serde_json's many small writes through `dyn Write` cost more than the JSON
/// itself (a fifth of `extract` in profiles).
///
/// # Errors
/// I/O errors from `out`.
pub fn value_line(out: &mut dyn Write, value: &impl Serialize) -> io::Result<()> {
    thread_local! {
        static BUF: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    BUF.with_borrow_mut(|buf| {
        buf.clear();
        serde_json::to_writer(&mut *buf, value)?;
        buf.push(b'\n');
        out.write_all(buf)
    })
}

/// Write one JSON line per item, each written into its line buffer by `write` (one of this
/// module's field-by-field writers), in parallel on the current rayon pool, and written out in
/// order: a window of items at a time, so the buffered output stays bounded.
///
/// # Errors
/// I/O errors from `out`, or an error from `write`.
pub fn par_lines<'a, T, F>(out: &mut dyn Write, items: &'a [T], write: F) -> io::Result<()>
where
    T: Sync,
    F: Fn(&mut Vec<u8>, &'a T) -> io::Result<()> + Sync,
{
    use rayon::prelude::*;
    // Eight pieces keep two threads busy; the lines of a window are all held before they
    // are written (64 pieces held 60 MB of claim lines, a third of `report`'s peak on 10 MB).
    const PIECE: usize = 1024;
    const WINDOW: usize = 8 * PIECE;
    // Each piece's buffer is sized from the bytes a line the window before took (a claim's
    // line is about 850 bytes): a buffer that grew copied its lines each time it doubled.
    let mut per_line = 512;
    for window in items.chunks(WINDOW) {
        let pieces: Vec<io::Result<Vec<u8>>> = window
            .par_chunks(PIECE)
            .map(|piece| {
                let mut buf = Vec::with_capacity(piece.len() * per_line);
                for item in piece {
                    write(&mut buf, item)?;
                    buf.push(b'\n');
                }
                Ok(buf)
            })
            .collect();
        let mut written = 0;
        for piece in pieces {
            let piece = piece?;
            written += piece.len();
            out.write_all(&piece)?;
        }
        // An eighth more than the average, so that most pieces fit.
        let average = written / window.len();
        per_line = average.saturating_add(average / 8).max(64);
    }
    Ok(())
}

/// Write the whole run as one JSON document.
///
/// # Errors
/// I/O errors from `out`.
pub fn whole(
    out: &mut dyn Write,
    documents: &[DocumentOut],
    mentions: &[Mention],
    errors: &[ErrorOut],
) -> io::Result<()> {
    let w = Whole {
        schema_version: SCHEMA_VERSION,
        tool: Tool {
            name: "claimcheck",
            version: env!("CARGO_PKG_VERSION"),
        },
        documents,
        mentions,
        errors,
    };
    serde_json::to_writer_pretty(&mut *out, &w)?;
    out.write_all(b"\n")
}

/// The claims of documents given as (name, text), linked with the default rules, document
/// `i` numbered `i`: what the writers' tests print.
#[cfg(test)]
fn linked(docs: impl IntoIterator<Item = (String, String)>) -> Vec<Claim> {
    let rules = crate::rules::default_rule_set();
    let mut ex = crate::extract::Extractor::default();
    let mut claims = Vec::new();
    for (i, (name, text)) in docs.into_iter().enumerate() {
        let doc = crate::input::Document::from_text(name, text);
        let mentions = ex.extract(
            &doc,
            &rules.vocab,
            crate::extract::ExtractOptions::default(),
        );
        claims.extend(crate::link::link(&doc, i, &mentions, rules));
    }
    claims
}
