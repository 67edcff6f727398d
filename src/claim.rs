//! Claims: a quantity tied to what it measures (a metric) and about whom (entities).
//!
//! CONTRACT (shared by the linker, the rule engine and the renderers; keep names and meanings):
//! a [`Claim`] is one quantity mention of one document with its metric, entities (ordered
//! from -> to for a directional metric, sorted for a symmetric one), period, and how it was
//! linked. A quantity whose metric cannot be found is still a claim, with `metric: None` and
//! the reason in `unlinked`.

use jiff::civil::Date;
use rust_decimal::Decimal;
use serde::Serialize;

use crate::interval::Interval;
use crate::quantity::{Direction, Kind, Measure, Role};
use crate::rules::BoundKind;

/// A period as a claim carries it: inclusive dates, either end possibly unknown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ClaimPeriod {
    pub start: Option<Date>,
    pub end: Option<Date>,
    /// Its label as written at its own grain (`2022`, `2019-01..2019-10`, `since 2005`).
    pub label: String,
    /// A total accumulated since `start` ("since 2005").
    pub cumulative: bool,
    /// For a stock metric, the instant meant (`at the end of 2018` -> 2018-12-31).
    pub instant: Option<Date>,
    /// Taken from the context (an earlier sentence), not stated next to the figure.
    pub inherited: bool,
}

/// A figure listed as one item of a total's breakdown in the same document (`Peace and
/// Security=$6.50m, 31%` after `Total ... Assistance: $21.06m`), or the share stated for that
/// item. Such a figure is checked against its total (CC007 breakdown), never as a level of
/// the total's metric.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct PartOf {
    /// The item's label as written (`Peace and Security`).
    pub category: String,
    /// Byte offset of the total's figure in the document (that claim's `start`).
    pub total_start: usize,
}

/// A percentage that is a share of a whole, not a level of its metric: `$2.19 billion (7.5%)`,
/// `96.1% of population`, `0.8% of GDP`. Such a figure is never compared as a level; it is
/// checked (CC008 share) as its part over its whole when the text says both.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct ShareOf {
    /// Byte offset in the document of the figure it is the share of (`$2.19 billion`), when
    /// it is written with it.
    pub part_start: Option<usize>,
    /// The entities of the whole, when the text says whose total it is: a partner's share of
    /// a country's foreign trade is of that country's trade with the world (`["UZ", "WORLD"]`).
    pub whole: Vec<String>,
}

/// Whether a figure is reported as fact or as something else.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Modality {
    Actual,
    /// A goal: "aims to reach $10 billion", "target of".
    Target,
    /// "is expected to", "forecast", "projected".
    Forecast,
    /// A request or a plan: "requested", "plans to".
    Plan,
}

/// One claim.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Claim {
    /// Stable within a run: `<document index>:<ordinal in document>` (e.g. `3:12`).
    pub id: String,
    /// A fingerprint that survives reordering and reformatting documents: a hash of the
    /// source name, metric, entities, period label, unit and the normalized quantity text.
    pub fingerprint: String,
    /// The document's name (shared by its claims).
    pub source: std::sync::Arc<str>,
    pub doc_index: usize,
    pub line: usize,
    pub column: usize,
    /// Byte offsets in the file.
    pub start: usize,
    pub end: usize,
    /// The quantity as written (`exceeded 3 billion US dollars`).
    pub text: String,
    /// The sentence the quantity is in (shared by the claims of the sentence).
    pub sentence: std::sync::Arc<str>,
    pub kind: Kind,
    pub value: Option<Decimal>,
    pub interval: Interval,
    pub bound: BoundKind,
    pub unit: Option<String>,
    pub measure: Measure,
    pub direction: Option<Direction>,
    pub role: Option<Role>,
    pub period: Option<ClaimPeriod>,
    pub base_period: Option<ClaimPeriod>,
    /// Canonical metric id from the rules (`trade_total`, `exports`...); `None` = unlinked.
    pub metric: Option<String>,
    /// Canonical entity ids: from -> to for a directional metric, sorted for a symmetric one.
    pub entities: Vec<String>,
    pub directional: bool,
    pub modality: Modality,
    /// Whom the document quotes for this figure ("State Department fact sheet").
    pub attribution: Option<String>,
    /// How the claim was linked: the metric alias and entity words matched, and where.
    pub linked_by: Vec<String>,
    /// Why the quantity has no metric (or no entities), when it has none.
    pub unlinked: Option<String>,
    /// The total this figure is an item (or an item's share) of, when it is listed in a
    /// breakdown.
    pub part_of: Option<PartOf>,
    /// What the figure is a share of, when it is a share ([`ShareOf`]).
    pub share_of: Option<ShareOf>,
    /// The document's date, which resolves "since" and "last year".
    pub document_date: Option<Date>,
    /// True when the document date was inferred (latest year mentioned), not given.
    pub date_inferred: bool,
}

impl Claim {
    /// The comparison key: claims are compared only when metric, entities, unit kind and
    /// modality agree.
    pub fn key(&self) -> Option<(String, Vec<String>, Option<String>, Modality)> {
        let metric = self.metric.clone()?;
        Some((
            metric,
            self.entities.clone(),
            self.unit.clone(),
            self.modality,
        ))
    }
}
