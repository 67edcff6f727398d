//! The `json` format: the whole report as one JSON document,
//! `{schema_version, tool, summary, documents, claims, findings, errors}`.
//!
//! Every finding is included whatever the options. serde_json escapes all text, so the output
//! is valid JSON whatever the documents contain.

use std::io::{self, Write};

use serde::Serialize;

use super::code;
use crate::engine::Finding;
use crate::extract::SCHEMA_VERSION;
use crate::render::claims::ClaimOut;
use crate::render::json::{DocumentOut, ErrorOut};
use crate::report::{ClaimSource, RenderOptions, Report, Summary};

/// The tool that wrote the output.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct ToolOut {
    pub name: &'static str,
    pub version: &'static str,
}

impl ToolOut {
    pub const CLAIMCHECK: Self = Self {
        name: "claimcheck",
        version: env!("CARGO_PKG_VERSION"),
    };
}

/// A finding as printed in JSON: its check code, then every field of [`Finding`].
#[derive(Debug, Serialize)]
pub struct FindingOut<'a> {
    pub schema_version: u32,
    #[serde(rename = "type")]
    pub item: &'static str,
    /// `CC001`..`CC008`.
    pub code: &'static str,
    #[serde(flatten)]
    pub finding: &'a Finding,
}

impl<'a> FindingOut<'a> {
    pub fn new(f: &'a Finding) -> Self {
        Self {
            schema_version: SCHEMA_VERSION,
            item: "finding",
            code: code(f.check),
            finding: f,
        }
    }
}

#[derive(Serialize)]
struct Whole<'a> {
    schema_version: u32,
    tool: ToolOut,
    summary: &'a Summary,
    documents: &'a [DocumentOut],
    claims: Claims<'a>,
    findings: Vec<FindingOut<'a>>,
    errors: &'a [ErrorOut],
}

/// The claims array, serialized one claim at a time as the source gives them.
struct Claims<'a>(&'a dyn ClaimSource);

impl Serialize for Claims<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{Error, SerializeSeq};
        let mut seq = s.serialize_seq(None)?;
        let mut failed = None;
        let read = self.0.each(&mut |c| {
            seq.serialize_element(&ClaimOut::new(c, None)).map_err(|e| {
                let msg = e.to_string();
                failed = Some(e);
                io::Error::other(msg)
            })
        });
        if let Some(e) = failed {
            return Err(e);
        }
        read.map_err(S::Error::custom)?;
        seq.end()
    }
}

/// Write the report as one pretty-printed JSON document.
///
/// # Errors
/// I/O errors from `out`.
pub fn write(out: &mut dyn Write, r: &Report<'_>, opts: &RenderOptions) -> io::Result<()> {
    write_with(out, r, opts, &r.claims)
}

/// [`write()`], with the claims taken from `claims` instead of the report.
///
/// # Errors
/// I/O errors from `out` or from `claims`.
pub fn write_with(
    out: &mut dyn Write,
    r: &Report<'_>,
    _opts: &RenderOptions,
    claims: &dyn ClaimSource,
) -> io::Result<()> {
    let w = Whole {
        schema_version: SCHEMA_VERSION,
        tool: ToolOut::CLAIMCHECK,
        summary: r.summary,
        documents: r.documents,
        claims: Claims(claims),
        findings: r.findings.iter().map(FindingOut::new).collect(),
        errors: r.errors,
    };
    serde_json::to_writer_pretty(&mut *out, &w).map_err(io::Error::from)?;
    out.write_all(b"\n")
}
