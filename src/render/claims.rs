//! `claims` output: a table per document (or one sorted by metric), or claim objects as JSON.

use std::io::{self, Write};

use comfy_table::{ContentArrangement, Table, presets::UTF8_FULL_CONDENSED};
use serde::Serialize;

use super::json::DocumentOut;
use super::{sanitize_for_terminal, value};
use crate::claim::{Claim, ClaimPeriod, Modality, PartOf, ShareOf};
use crate::extract::{SCHEMA_VERSION, Shown, kind_name};
use crate::quantity::{Direction, Measure, Role};
use crate::rules::BoundKind;

/// A claim as printed in JSON: the `extract` fields, then what linking added.
#[derive(Debug, Serialize)]
pub struct ClaimOut<'a> {
    pub schema_version: u32,
    #[serde(rename = "type")]
    pub item: &'static str,
    pub id: &'a str,
    pub fingerprint: &'a str,
    pub source: &'a str,
    pub line: usize,
    pub column: usize,
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    pub kind: &'static str,
    /// Figures, written as their shortest exact text (`crate::extract::Shown`) straight into
    /// the line, not made into strings first.
    pub value: Option<Shown>,
    pub low: Option<Shown>,
    pub high: Option<Shown>,
    pub low_inclusive: Option<bool>,
    pub high_inclusive: Option<bool>,
    pub bound: BoundKind,
    pub unit: Option<&'a str>,
    pub measure: Measure,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub direction: Option<Direction>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<Role>,
    pub period: Option<&'a ClaimPeriod>,
    pub base_period: Option<&'a ClaimPeriod>,
    pub metric: Option<&'a str>,
    pub entities: &'a [String],
    pub directional: bool,
    pub modality: Modality,
    pub attribution: Option<&'a str>,
    pub linked_by: &'a [String],
    pub unlinked: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub part_of: Option<&'a PartOf>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub share_of: Option<&'a ShareOf>,
    pub sentence: &'a str,
    pub document: Option<&'a DocumentOut>,
}

impl<'a> ClaimOut<'a> {
    pub fn new(c: &'a Claim, doc: Option<&'a DocumentOut>) -> Self {
        let d = Shown::Figure;
        Self {
            schema_version: SCHEMA_VERSION,
            item: "claim",
            id: &c.id,
            fingerprint: &c.fingerprint,
            source: &c.source,
            line: c.line,
            column: c.column,
            start: c.start,
            end: c.end,
            text: &c.text,
            kind: kind_name(c.kind),
            value: c.value.map(d),
            low: c.interval.low.map(|e| d(e.value)),
            high: c.interval.high.map(|e| d(e.value)),
            low_inclusive: c.interval.low.map(|e| e.inclusive),
            high_inclusive: c.interval.high.map(|e| e.inclusive),
            bound: c.bound,
            unit: c.unit.as_deref(),
            measure: c.measure,
            direction: c.direction,
            role: c.role,
            period: c.period.as_ref(),
            base_period: c.base_period.as_ref(),
            metric: c.metric.as_deref(),
            entities: &c.entities,
            directional: c.directional,
            modality: c.modality,
            attribution: c.attribution.as_deref(),
            linked_by: &c.linked_by,
            unlinked: c.unlinked.as_deref(),
            part_of: c.part_of.as_ref(),
            share_of: c.share_of.as_ref(),
            sentence: &c.sentence,
            document: doc,
        }
    }
}

/// Entities as a person reads them: `KZ -> US` for a direction, `KZ, US` for a pair.
pub fn entities(c: &Claim) -> String {
    c.entities.join(if c.directional { " -> " } else { ", " })
}

/// A claim's period as a person reads it.
pub fn period(p: Option<&ClaimPeriod>) -> String {
    let Some(p) = p else { return String::new() };
    let dates = match (p.start, p.end) {
        (Some(s), Some(e)) if s == e => s.to_string(),
        (Some(s), Some(e)) => format!("{s}..{e}"),
        (Some(s), None) => format!("{s}.."),
        (None, Some(e)) => format!("..{e}"),
        (None, None) => "unresolved".into(),
    };
    let plain_year = p.label.len() == 4 && p.label.chars().all(|c| c.is_ascii_digit());
    let mut s = if plain_year || p.label.starts_with("as of") {
        p.label.clone()
    } else {
        format!("{} ({dates})", p.label)
    };
    if p.inherited && !p.label.starts_with("as of") {
        s.push_str(" [context]");
    }
    s
}

/// The value of a claim as a person reads it.
pub fn human(c: &Claim) -> String {
    value::human_parts(
        &c.interval,
        c.value,
        Some(c.bound),
        c.unit.as_deref(),
        Some(c.measure),
        None,
    )
}

/// Print claims as a table `width` columns wide, with a title row when `title` is given.
///
/// # Errors
/// I/O errors from `out`.
pub fn table(
    out: &mut dyn Write,
    claims: &[&Claim],
    width: u16,
    by_metric: bool,
) -> io::Result<()> {
    if claims.is_empty() {
        return Ok(());
    }
    let mut t = Table::new();
    t.load_style(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(width)
        .set_header([
            "location", "metric", "entities", "period", "value", "measure", "source",
        ]);
    for c in claims {
        let metric = c
            .metric
            .clone()
            .unwrap_or_else(|| format!("- ({})", c.unlinked.as_deref().unwrap_or("unlinked")));
        let metric = if c.modality == Modality::Actual {
            metric
        } else {
            format!("{metric} [{:?}]", c.modality).to_lowercase()
        };
        // An item of a breakdown names its category: `aid: Peace and Security`.
        let metric = match &c.part_of {
            Some(p) => format!("{metric}: {}", sanitize_for_terminal(&p.category)),
            None => metric,
        };
        // A share says so, and of whose total when the text does: `trade_total (share of
        // UZ-WORLD)`.
        let metric = match &c.share_of {
            Some(s) if s.whole.is_empty() => format!("{metric} (share)"),
            Some(s) => format!(
                "{metric} (share of {})",
                sanitize_for_terminal(&s.whole.join("-"))
            ),
            None => metric,
        };
        let location = if by_metric {
            format!("{}:{}", c.source, c.line)
        } else {
            format!("{}:{}", c.line, c.column)
        };
        t.add_row([
            sanitize_for_terminal(&location),
            metric,
            entities(c),
            period(c.period.as_ref()),
            format!("{}\n\"{}\"", human(c), sanitize_for_terminal(&c.text)),
            measure_name(c),
            sanitize_for_terminal(c.attribution.as_deref().unwrap_or("")),
        ]);
    }
    writeln!(out, "{t}")
}

fn measure_name(c: &Claim) -> String {
    let m = match c.measure {
        Measure::Level => "level",
        Measure::Change => "change",
        Measure::Rank => "rank",
    };
    match (&c.base_period, c.role) {
        (Some(b), _) => format!("{m} vs {}", b.label),
        (None, Some(Role::From)) => format!("{m} (from)"),
        (None, Some(Role::To)) => format!("{m} (to)"),
        _ => m.to_string(),
    }
}
