//! Renderers of `claimcheck report`: one file per format, each with the same signature
//! `write(out, report, options)`.
//!
//! - [`table`]: for people on a terminal (comfy-table, wrapped to the width given);
//! - [`markdown`]: a table to paste into a fact-check write-up;
//! - [`json`]: one JSON document; [`jsonl`]: one JSON object per line;
//! - [`sarif`]: SARIF 2.1.0 for code-scanning tools;
//! - [`github`]: GitHub Actions workflow commands that annotate files in CI logs.
//!
//! Findings arrive sorted by severity. The formats for people (table, markdown, github) show
//! only conflicts and differences unless [`RenderOptions::show_all`] is set; json and jsonl
//! always carry every finding. Text that comes from documents is never trusted: each renderer
//! escapes it for its own channel (terminal, Markdown, workflow commands, JSON).

pub mod github;
pub mod json;
pub mod jsonl;
pub mod markdown;
pub mod sarif;
pub mod table;

use crate::claim::Claim;
use crate::engine::{CheckKind, Finding, Verdict};
use crate::report::{RenderOptions, Report, Summary};

/// Every check kind, in code order.
pub const CHECK_KINDS: [CheckKind; 8] = [
    CheckKind::SameValue,
    CheckKind::PartsTotal,
    CheckKind::Growth,
    CheckKind::Containment,
    CheckKind::Increment,
    CheckKind::Rank,
    CheckKind::Breakdown,
    CheckKind::Share,
];

/// The stable code of a check kind (`CC001`..`CC008`).
pub fn code(k: CheckKind) -> &'static str {
    k.code()
}

/// The kebab-case name of a check kind (the same as its JSON name).
pub fn name(k: CheckKind) -> &'static str {
    k.name()
}

/// What a check kind checks, in one sentence.
pub fn description(k: CheckKind) -> &'static str {
    match k {
        CheckKind::SameValue => {
            "Two level claims for the same metric, entities and period must agree."
        }
        CheckKind::PartsTotal => "Parts must sum to their total.",
        CheckKind::Growth => {
            "A level grown by a stated rate or change must agree with the later level."
        }
        CheckKind::Containment => {
            "A non-negative flow over a period is at least the flow over any period inside it."
        }
        CheckKind::Increment => "An old total plus an addition must equal the new total.",
        CheckKind::Rank => "Two ranks for the same list and edition must agree.",
        CheckKind::Breakdown => {
            "The items listed under a total must add up to it, and their stated shares must match."
        }
        CheckKind::Share => {
            "A share stated with a figure must be that figure's part of its whole in the same period."
        }
    }
}

/// A verdict as a person reads it.
pub fn verdict_name(v: Verdict) -> &'static str {
    match v {
        Verdict::Conflict => "conflict",
        Verdict::Difference => "difference",
        Verdict::ConsistentWithinRounding => "consistent within rounding",
        Verdict::Consistent => "consistent",
        Verdict::Unchecked => "unchecked",
    }
}

/// True when a format for people shows `f` under `opts`.
pub fn shown(f: &Finding, opts: &RenderOptions) -> bool {
    opts.show_all || matches!(f.verdict, Verdict::Conflict | Verdict::Difference)
}

/// The findings a format for people shows, in the order given.
pub fn shown_findings<'r>(r: &Report<'r>, opts: &RenderOptions) -> Vec<&'r Finding> {
    r.findings.iter().filter(|f| shown(f, opts)).collect()
}

/// The claims of a finding that the report holds, in the finding's order.
pub fn finding_claims<'r>(r: &Report<'r>, f: &Finding) -> Vec<&'r Claim> {
    f.claims.iter().filter_map(|id| r.claim(id)).collect()
}

/// The metric and entities of a finding: `trade_total KZ, US` or `exports KZ -> US` (whether
/// the metric has a direction comes from the finding's first claim of that metric). Not
/// sanitized.
pub fn metric_label(r: &Report<'_>, f: &Finding) -> String {
    let directional = finding_claims(r, f)
        .iter()
        .find(|c| c.metric.as_deref() == Some(f.metric.as_str()))
        .is_some_and(|c| c.directional);
    let entities = f.entities.join(if directional { " -> " } else { ", " });
    if entities.is_empty() {
        f.metric.clone()
    } else {
        format!("{} {entities}", f.metric)
    }
}

/// Where a claim's text ends: 1-based line and the column just past its last character
/// (`\n`, `\r\n` and a lone `\r` each end a line, as in the line index).
pub fn claim_end(c: &Claim) -> (usize, usize) {
    let (mut line, mut col) = (c.line, c.column);
    let mut chars = c.text.chars().peekable();
    while let Some(ch) = chars.next() {
        match ch {
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => {
                line += 1;
                col = 1;
            }
            _ => col += 1,
        }
    }
    (line, col)
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The summary line: `2 documents, 4 claims (3 linked), 4 checks: 1 conflict, 1 difference,
/// 1 consistent, 1 unchecked`, with skipped and failed documents and baselined findings when
/// there are any.
pub fn summary_line(s: &Summary) -> String {
    summary_items(s).concat()
}

/// The summary line wrapped to `width` columns, breaking only between its items.
pub fn summary_lines(s: &Summary, width: usize) -> String {
    let mut out = String::new();
    let mut line = String::new();
    for item in summary_items(s) {
        let shown = item.trim_end();
        if !line.is_empty() && line.chars().count() + shown.chars().count() > width {
            out.push_str(line.trim_end());
            out.push('\n');
            line.clear();
        }
        line.push_str(&item);
    }
    out.push_str(line.trim_end());
    out
}

/// The items of the summary line, each with its separator.
fn summary_items(s: &Summary) -> Vec<String> {
    let mut items = vec![plural(s.documents_read, "document", "documents")];
    if s.documents_skipped > 0 {
        items.push(format!("{} skipped", s.documents_skipped));
    }
    if s.documents_failed > 0 {
        items.push(format!("{} failed", s.documents_failed));
    }
    items.push(format!(
        "{} ({} linked)",
        plural(s.claims_linked + s.claims_unlinked, "claim", "claims"),
        s.claims_linked
    ));
    let checks = items.len();
    items.push(plural(s.checks, "check", "checks"));
    items.push(plural(s.conflicts, "conflict", "conflicts"));
    items.push(plural(s.differences, "difference", "differences"));
    items.push(format!("{} consistent", s.consistent));
    items.push(format!("{} unchecked", s.unchecked));
    if s.baselined > 0 {
        items.push(format!("{} baselined", s.baselined));
    }
    let last = items.len() - 1;
    for (i, item) in items.iter_mut().enumerate() {
        if i == checks {
            item.push_str(": ");
        } else if i < last {
            item.push_str(", ");
        }
    }
    items
}

/// What to print when a format for people has no finding to show.
pub const NOTHING_FOUND: &str = "No conflicts or differences found.";
