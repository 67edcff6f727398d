//! The `jsonl` format: one JSON object per line, each tagged with `"type"`: every `document`,
//! then every `claim`, `finding` and `error`, and one `summary` line last.
//!
//! Every finding is included whatever the options; serde_json escapes all text, so no line
//! break from a document can split a line.

use std::io::{self, Write};

use serde::Serialize;

use super::json::FindingOut;
use crate::extract::SCHEMA_VERSION;
use crate::render::claims::ClaimOut;
use crate::report::{ClaimSource, RenderOptions, Report};

/// A line of another item: its tag, then the item's own fields.
#[derive(Serialize)]
struct Tagged<'a, T: Serialize> {
    schema_version: u32,
    #[serde(rename = "type")]
    item: &'static str,
    #[serde(flatten)]
    inner: &'a T,
}

fn line(out: &mut dyn Write, value: &impl Serialize) -> io::Result<()> {
    serde_json::to_writer(&mut *out, value)?;
    out.write_all(b"\n")
}

fn tagged<T: Serialize>(out: &mut dyn Write, item: &'static str, inner: &T) -> io::Result<()> {
    line(
        out,
        &Tagged {
            schema_version: SCHEMA_VERSION,
            item,
            inner,
        },
    )
}

/// Write the report as JSON Lines.
///
/// # Errors
/// I/O errors from `out`.
pub fn write(out: &mut dyn Write, r: &Report<'_>, opts: &RenderOptions) -> io::Result<()> {
    write_with(out, r, opts, &r.claims)
}

/// [`write`], with the claims taken from `claims` instead of the report.
///
/// # Errors
/// I/O errors from `out` or from `claims`.
pub fn write_with(
    out: &mut dyn Write,
    r: &Report<'_>,
    _opts: &RenderOptions,
    claims: &dyn ClaimSource,
) -> io::Result<()> {
    for d in r.documents {
        tagged(out, "document", d)?;
    }
    claims.each(&mut |c| line(out, &ClaimOut::new(c, None)))?;
    for f in r.findings {
        line(out, &FindingOut::new(f))?;
    }
    for e in r.errors {
        tagged(out, "error", e)?;
    }
    tagged(out, "summary", r.summary)
}
