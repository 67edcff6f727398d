//! The `github` format: GitHub Actions workflow commands that annotate files in CI logs.
//!
//! One line per finding, on its first claim:
//! `::error file=PATH,line=L,col=C,endLine=L,endColumn=C2,title=claimcheck (CC002)::MESSAGE`
//! for a conflict, `::warning` for a difference (and, with `show_all`, `::notice` for the
//! rest). `col` and `endColumn` are left out when the claim spans lines. Input problems are
//! `::error` lines on their file.
//!
//! Escaping follows GitHub's rules (`@actions/core`): in the message `%` -> `%25`,
//! `\r` -> `%0D`, `\n` -> `%0A`; in property values also `:` -> `%3A` and `,` -> `%2C`.
//! Document text is sanitized first, so neither a line break nor a `%0A` from a document can
//! start a new workflow command, and no escape sequence reaches the log.

use std::io::{self, Write};

use super::{claim_end, code, finding_claims, metric_label, shown_findings};
use crate::engine::{Finding, Verdict};
use crate::render::{claims, sanitize_for_terminal};
use crate::report::{RenderOptions, Report};

/// Write the report as workflow commands.
///
/// # Errors
/// I/O errors from `out`.
pub fn write(out: &mut dyn Write, r: &Report<'_>, opts: &RenderOptions) -> io::Result<()> {
    for f in shown_findings(r, opts) {
        writeln!(out, "{}", annotation(r, f))?;
    }
    for e in r.errors {
        writeln!(
            out,
            "::error file={},title={}::{}",
            escape_property(&sanitize_for_terminal(&e.source)),
            escape_property("claimcheck (input)"),
            escape_data(&sanitize_for_terminal(&e.message)),
        )?;
    }
    Ok(())
}

fn annotation(r: &Report<'_>, f: &Finding) -> String {
    let command = match f.verdict {
        Verdict::Conflict => "error",
        Verdict::Difference => "warning",
        _ => "notice",
    };
    let claims = finding_claims(r, f);
    let mut props = Vec::new();
    if let Some(c) = claims.first() {
        let (end_line, end_column) = claim_end(c);
        props.push(format!(
            "file={}",
            escape_property(&sanitize_for_terminal(&c.source))
        ));
        props.push(format!("line={}", c.line));
        if end_line == c.line {
            props.push(format!("col={}", c.column));
        }
        props.push(format!("endLine={end_line}"));
        if end_line == c.line {
            props.push(format!("endColumn={end_column}"));
        }
    }
    props.push(format!(
        "title={}",
        escape_property(&format!("claimcheck ({})", code(f.check)))
    ));
    let mut message = vec![format!(
        "{} [{}]: {}",
        sanitize_for_terminal(&metric_label(r, f)),
        super::verdict_name(f.verdict),
        sanitize_for_terminal(&f.message)
    )];
    if !f.arithmetic.text.is_empty() {
        message.push(sanitize_for_terminal(&f.arithmetic.text));
    }
    for c in &claims {
        message.push(format!(
            "{}:{} \"{}\" {}",
            sanitize_for_terminal(&c.source),
            c.line,
            sanitize_for_terminal(&c.text),
            sanitize_for_terminal(&claims::human(c)),
        ));
    }
    format!(
        "::{command} {}::{}",
        props.join(","),
        escape_data(&message.join("\n"))
    )
}

/// Escape a workflow command's message: `%`, `\r` and `\n`.
pub fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escape a workflow command's property value: as [`escape_data`], plus `:` and `,`.
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}
