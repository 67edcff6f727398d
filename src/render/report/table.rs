//! The `table` format: a summary line, then one row per finding, for people on a terminal.
//!
//! The table is `opts.width` columns wide; cells wrap and are never cut. Colour (conflict
//! red, difference yellow, consistent green) is applied through comfy-table's cell styles and
//! only when `opts.color` is set. Document text goes through [`sanitize_for_terminal`], so no
//! control character or escape sequence from a document reaches the terminal.

use std::io::{self, Write};

use comfy_table::{
    Cell, Color, ColumnConstraint, ContentArrangement, Table, Width, presets::UTF8_FULL_CONDENSED,
};

use super::{NOTHING_FOUND, code, finding_claims, metric_label, name, shown_findings};
use crate::engine::{Finding, Verdict};
use crate::render::{claims, sanitize_for_terminal};
use crate::report::{RenderOptions, Report};

/// Write the report as a table.
///
/// # Errors
/// I/O errors from `out`.
pub fn write(out: &mut dyn Write, r: &Report<'_>, opts: &RenderOptions) -> io::Result<()> {
    writeln!(
        out,
        "{}",
        super::summary_lines(r.summary, usize::from(opts.width))
    )?;
    let findings = shown_findings(r, opts);
    if findings.is_empty() {
        return writeln!(out, "{NOTHING_FOUND}");
    }
    // A table of a few hundred rows at a time: comfy-table lays out a whole table in memory,
    // and a report of a million claims can have hundreds of thousands of findings.
    for rows in findings.chunks(ROWS_PER_TABLE) {
        writeln!(out, "{}", table(r, opts, rows))?;
    }
    Ok(())
}

/// Findings per table; a longer list is printed as several tables, each with its header.
const ROWS_PER_TABLE: usize = 500;

fn table(r: &Report<'_>, opts: &RenderOptions, findings: &[&Finding]) -> Table {
    let mut t = Table::new();
    t.load_style(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(opts.width)
        .force_no_tty()
        .set_header([
            "verdict",
            "check",
            "metric",
            "period",
            "claims",
            "arithmetic",
        ]);
    if opts.color {
        t.enforce_styling();
    }
    // Keep the short columns short (widths include the padding), so the claims and the
    // arithmetic get the room.
    t.set_constraints([
        ColumnConstraint::Absolute(Width::Fixed(12)),
        ColumnConstraint::Absolute(Width::Fixed(13)),
        ColumnConstraint::UpperBoundary(Width::Fixed(15)),
        ColumnConstraint::UpperBoundary(Width::Fixed(12)),
        ColumnConstraint::LowerBoundary(Width::Percentage(30)),
        ColumnConstraint::LowerBoundary(Width::Percentage(20)),
    ]);
    for &f in findings {
        let mut verdict = Cell::new(super::verdict_name(f.verdict));
        if opts.color
            && let Some(c) = color(f.verdict)
        {
            verdict = verdict.fg(c);
        }
        t.add_row(vec![
            verdict,
            Cell::new(format!("{} {}", code(f.check), name(f.check))),
            Cell::new(sanitize_for_terminal(&metric_label(r, f))),
            Cell::new(sanitize_for_terminal(&f.period)),
            Cell::new(claims_cell(r, f, opts.verbose)),
            Cell::new(sanitize_for_terminal(&f.arithmetic.text)),
        ]);
    }
    t
}

fn color(v: Verdict) -> Option<Color> {
    match v {
        Verdict::Conflict => Some(Color::Red),
        Verdict::Difference => Some(Color::Yellow),
        Verdict::Consistent | Verdict::ConsistentWithinRounding => Some(Color::Green),
        Verdict::Unchecked => None,
    }
}

/// One line per claim: `source:line  "quoted text"  normalized value`; with `verbose`, a
/// `linked by` line under each saying why it was compared.
fn claims_cell(r: &Report<'_>, f: &Finding, verbose: bool) -> String {
    // The claims found are in the finding's order: walk both together (a finding of a figure
    // restated by many documents names many claims).
    let mut found = finding_claims(r, f).into_iter().peekable();
    let mut lines = Vec::new();
    for id in &f.claims {
        let Some(c) = found.next_if(|c| &c.id == id) else {
            lines.push(format!(
                "claim {} (not in the report)",
                sanitize_for_terminal(id)
            ));
            continue;
        };
        lines.push(format!(
            "{}:{}  \"{}\"  {}",
            sanitize_for_terminal(&c.source),
            c.line,
            sanitize_for_terminal(&c.text),
            sanitize_for_terminal(&claims::human(c)),
        ));
        if verbose && !c.linked_by.is_empty() {
            lines.push(format!(
                "  linked by: {}",
                sanitize_for_terminal(&c.linked_by.join("; "))
            ));
        }
    }
    lines.join("\n")
}
