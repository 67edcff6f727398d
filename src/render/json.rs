//! The `json` and `jsonl` formats.

use std::io::{self, Write};

use serde::Serialize;

use crate::extract::{Mention, SCHEMA_VERSION};

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

/// Write one mention as a JSON line.
///
/// # Errors
/// I/O errors from `out`.
pub fn line(out: &mut dyn Write, m: &Mention) -> io::Result<()> {
    value_line(out, m)
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
