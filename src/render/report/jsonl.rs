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
use crate::render::json::claim_line;
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
    crate::render::json::value_line(out, value)
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
    write_claims(out, r, opts, None)
}

/// [`write()`], with the claims taken from `claims` instead of the report.
///
/// # Errors
/// I/O errors from `out` or from `claims`.
pub fn write_with(
    out: &mut dyn Write,
    r: &Report<'_>,
    opts: &RenderOptions,
    claims: &dyn ClaimSource,
) -> io::Result<()> {
    write_claims(out, r, opts, Some(claims))
}

fn write_claims(
    out: &mut dyn Write,
    r: &Report<'_>,
    _opts: &RenderOptions,
    claims: Option<&dyn ClaimSource>,
) -> io::Result<()> {
    for d in r.documents {
        tagged(out, "document", d)?;
    }
    match claims {
        // The report's own claims: serialized in parallel, written in order.
        None => crate::render::json::par_lines(out, r.claims, |buf, c| {
            claim_line(buf, &ClaimOut::new(c, None));
            Ok(())
        })?,
        Some(claims) => {
            let mut buf = Vec::with_capacity(4096);
            claims.each(&mut |c| {
                buf.clear();
                claim_line(&mut buf, &ClaimOut::new(c, None));
                buf.push(b'\n');
                out.write_all(&buf)
            })?;
        }
    }
    crate::render::json::par_lines(out, r.findings, |buf, f| {
        crate::render::json::finding_line(buf, &FindingOut::new(f));
        Ok(())
    })?;
    for e in r.errors {
        tagged(out, "error", e)?;
    }
    tagged(out, "summary", r.summary)
}
