//! The periods the checks compare: exact identity (same value, parts, growth) and spans with
//! possibly unknown ends (containment).

use jiff::civil::Date;

use crate::claim::{Claim, ClaimPeriod};

/// A period's identity: inclusive start and end, or an instant as `(t, t)`.
pub type PeriodKey = (Date, Date);

/// Where a period ends, as far as the claim lets us know.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum End {
    /// Stated, or the document's given date for a cumulative total.
    Known(Date),
    /// A cumulative total up to an inferred document date: the true end is at least this.
    AtLeast(Date),
    /// Unknown (a "since" total in a document without a date).
    Unknown,
}

/// A period with a known start, for containment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub start: Date,
    pub end: End,
}

/// The end of a period, taking a cumulative total's end from the document date.
fn end_of(p: &ClaimPeriod, c: &Claim) -> End {
    match (p.end, p.cumulative, c.document_date) {
        (Some(e), _, _) if p.cumulative && c.date_inferred && Some(e) == c.document_date => {
            End::AtLeast(e)
        }
        (Some(e), _, _) => End::Known(e),
        (None, true, Some(d)) if c.date_inferred => End::AtLeast(d),
        (None, true, Some(d)) => End::Known(d),
        _ => End::Unknown,
    }
}

/// The identity of a period, when both ends are known (an instant counts as both).
pub fn key_of(p: Option<&ClaimPeriod>, c: &Claim) -> Option<PeriodKey> {
    let p = p?;
    if let Some(t) = p.instant {
        return Some((t, t));
    }
    match (p.start, end_of(p, c)) {
        (Some(s), End::Known(e) | End::AtLeast(e)) => Some((s, e)),
        _ => None,
    }
}

/// The identity of a claim's period.
pub fn key(c: &Claim) -> Option<PeriodKey> {
    key_of(c.period.as_ref(), c)
}

/// The span of a claim's period for containment; `None` without a start. A total "to date"
/// (cumulative, start unknown) starts before anything: whatever its true start, it contains
/// every period that ends by its end ("has received tens of billions" covers "since 1991").
pub fn span(c: &Claim) -> Option<Span> {
    let p = c.period.as_ref()?;
    let start = p.start.or_else(|| p.cumulative.then_some(Date::MIN))?;
    Some(Span {
        start,
        end: end_of(p, c),
    })
}

/// The period's label, or `no period`.
pub fn label(p: Option<&ClaimPeriod>) -> String {
    p.map_or_else(|| "no period".to_string(), |p| p.label.clone())
}

/// Whether `inner` lies inside `outer` (and differs from it), when that can be decided.
///
/// A cumulative total to an inferred document date ends *at least* there: it still contains
/// what lies before that date, but whether it lies inside another period is unknown. Two
/// totals from the same document end on the same (possibly unknown) date.
pub fn contains(outer: Span, inner: Span, same_document: bool) -> Option<bool> {
    if inner.start < outer.start {
        return Some(false);
    }
    if same_document && outer.end == inner.end {
        return Some(inner.start > outer.start);
    }
    let inner_end_le = match (inner.end, outer.end) {
        (End::Known(i), End::Known(o) | End::AtLeast(o)) => Some(i <= o),
        (End::AtLeast(i), End::Known(o)) if i > o => Some(false),
        _ => None,
    }?;
    if !inner_end_le {
        return Some(false);
    }
    // The same period is the same-value check's business, not containment's.
    let same_end = matches!(
        (inner.end, outer.end),
        (End::Known(i) | End::AtLeast(i), End::Known(o) | End::AtLeast(o)) if i == o
    );
    Some(!(inner.start == outer.start && same_end))
}
