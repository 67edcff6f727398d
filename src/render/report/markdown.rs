//! The `markdown` format: a heading, the summary as a sentence and a GitHub-flavoured Markdown
//! table, to paste into a fact-check write-up.
//!
//! Each finding is one table row (`ContentArrangement::Disabled`: wrapping would split a row
//! over several lines and break the table); several claims in a cell are separated by `<br>`.
//! Document text is escaped with [`escape`], so it can neither break the table nor inject HTML.

use std::io::{self, Write};

use comfy_table::{ContentArrangement, Table, presets::ASCII_MARKDOWN};

use super::{NOTHING_FOUND, code, finding_claims, metric_label, name, shown_findings};
use crate::engine::Finding;
use crate::render::{claims, sanitize_for_terminal};
use crate::report::{RenderOptions, Report, Summary};

/// Write the report as Markdown.
///
/// # Errors
/// I/O errors from `out`.
pub fn write(out: &mut dyn Write, r: &Report<'_>, opts: &RenderOptions) -> io::Result<()> {
    writeln!(out, "# claimcheck report")?;
    writeln!(out)?;
    writeln!(out, "{}", summary_sentence(r.summary))?;
    writeln!(out)?;
    let findings = shown_findings(r, opts);
    if findings.is_empty() {
        writeln!(out, "{NOTHING_FOUND}")?;
    } else {
        let mut t = Table::new();
        t.load_style(ASCII_MARKDOWN)
            .set_content_arrangement(ContentArrangement::Disabled)
            .force_no_tty()
            .set_header([
                "Verdict",
                "Check",
                "Metric",
                "Period",
                "Claims",
                "Arithmetic",
            ]);
        for f in findings {
            t.add_row([
                super::verdict_name(f.verdict).to_string(),
                format!("{} {}", code(f.check), name(f.check)),
                escape(&metric_label(r, f)),
                escape(&f.period),
                claims_cell(r, f, opts.verbose),
                escape(&f.arithmetic.text),
            ]);
        }
        // Line by line: the same text as `{t}`, without joining a large table first.
        for line in t.lines() {
            writeln!(out, "{line}")?;
        }
    }
    if !r.errors.is_empty() {
        writeln!(out)?;
        writeln!(out, "## Input problems")?;
        writeln!(out)?;
        for e in r.errors {
            writeln!(out, "- {}: {}", escape(&e.source), escape(&e.message))?;
        }
    }
    Ok(())
}

/// The summary as a sentence.
fn summary_sentence(s: &Summary) -> String {
    let n = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let mut read = n(s.documents_read, "document", "documents");
    let mut extra = Vec::new();
    if s.documents_skipped > 0 {
        extra.push(format!("skipped {}", s.documents_skipped));
    }
    if s.documents_failed > 0 {
        extra.push(format!("could not read {}", s.documents_failed));
    }
    if !extra.is_empty() {
        read.push_str(&format!(" ({})", extra.join(", ")));
    }
    let mut sentence = format!(
        "claimcheck read {read} and found {} ({} linked to a metric). \
         It made {}: {}, {}, {} consistent and {} unchecked.",
        n(s.claims_linked + s.claims_unlinked, "claim", "claims"),
        s.claims_linked,
        n(s.checks, "check", "checks"),
        n(s.conflicts, "conflict", "conflicts"),
        n(s.differences, "difference", "differences"),
        s.consistent,
        s.unchecked,
    );
    if s.baselined > 0 {
        sentence.push_str(&format!(
            " {} accepted by the baseline {} not shown.",
            n(s.baselined, "finding", "findings"),
            if s.baselined == 1 { "is" } else { "are" }
        ));
    }
    sentence
}

fn claims_cell(r: &Report<'_>, f: &Finding, verbose: bool) -> String {
    // The claims found are in the finding's order: walk both together (a finding of a figure
    // restated by many documents names many claims).
    let mut found = finding_claims(r, f).into_iter().peekable();
    let mut parts = Vec::new();
    for id in &f.claims {
        let Some(c) = found.next_if(|c| &c.id == id) else {
            parts.push(format!("claim {} (not in the report)", escape(id)));
            continue;
        };
        parts.push(format!(
            "{}:{} \"{}\" {}",
            escape(&c.source),
            c.line,
            escape(&c.text),
            escape(&claims::human(c)),
        ));
        if verbose && !c.linked_by.is_empty() {
            parts.push(format!("linked by: {}", escape(&c.linked_by.join("; "))));
        }
    }
    parts.join("<br>")
}

/// Escape text for a cell of a GitHub-flavoured Markdown table: control characters and line
/// breaks become spaces or U+FFFD, `|` becomes `\|`, `&`, `<`, `>`, backticks and backslashes
/// become HTML entities (no HTML, code span or stray escape can start), and `*`, `_`, `~`,
/// `[`, `]`, `$` are backslash-escaped so a document cannot add emphasis, links or (on GitHub)
/// maths.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in sanitize_for_terminal(s).chars() {
        match ch {
            '|' => out.push_str("\\|"),
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '`' => out.push_str("&#96;"),
            '\\' => out.push_str("&#92;"),
            '*' | '_' | '~' | '[' | ']' | '$' => {
                out.push('\\');
                out.push(ch);
            }
            c => out.push(c),
        }
    }
    out
}
