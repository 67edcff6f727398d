//! Exact interval arithmetic and the human text of a finding's arithmetic.
//!
//! Every operation is exact (rust_decimal checked operations) on intervals whose ends may be
//! open or unbounded. An overflow is an [`OutOfRange`] error that the check turns into an
//! `Unchecked` finding: a figure too large for the decimal type is an input problem, never a
//! panic. Division is only used for display (implied rates, gap percentages), never to decide
//! a verdict, because a quotient is generally not exact.

use std::cmp::Ordering;

use rust_decimal::{Decimal, RoundingStrategy};

use crate::claim::Claim;
use crate::interval::{Endpoint, Interval};
use crate::number::text::{Plain, normalized};
use crate::quantity::Kind;
use crate::rules::BoundKind;

use super::Term;

/// A result too large (or too precise) for the decimal type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("out of range")]
pub struct OutOfRange;

/// `a + b`: the ends add; an end is closed only when both ends it comes from are.
pub fn add(a: &Interval, b: &Interval) -> Result<Interval, OutOfRange> {
    let end = |x: Option<Endpoint>, y: Option<Endpoint>| -> Result<_, OutOfRange> {
        match (x, y) {
            (Some(x), Some(y)) => Ok(Some(Endpoint {
                value: x.value.checked_add(y.value).ok_or(OutOfRange)?,
                inclusive: x.inclusive && y.inclusive,
            })),
            _ => Ok(None),
        }
    };
    Ok(Interval::new(end(a.low, b.low)?, end(a.high, b.high)?))
}

/// `-a`: the ends swap.
pub fn neg(a: &Interval) -> Interval {
    let flip = |e: Option<Endpoint>| {
        e.map(|e| Endpoint {
            value: -e.value,
            inclusive: e.inclusive,
        })
    };
    Interval::new(flip(a.high), flip(a.low))
}

/// `a - b`.
pub fn sub(a: &Interval, b: &Interval) -> Result<Interval, OutOfRange> {
    add(a, &neg(b))
}

/// The sum of several intervals (`[0, 0]` for none).
pub fn sum<'a>(terms: impl IntoIterator<Item = &'a Interval>) -> Result<Interval, OutOfRange> {
    terms
        .into_iter()
        .try_fold(Interval::point(Decimal::ZERO), |acc, t| add(&acc, t))
}

/// One end of an interval on the extended line, for multiplication.
#[derive(Debug, Clone, Copy)]
enum Ext {
    NegInf,
    Fin(Decimal, bool),
    PosInf,
}

impl Ext {
    fn rank(self) -> (i8, Decimal) {
        match self {
            Self::NegInf => (-1, Decimal::ZERO),
            Self::Fin(v, _) => (0, v),
            Self::PosInf => (1, Decimal::ZERO),
        }
    }

    fn cmp(self, other: Self) -> Ordering {
        self.rank().cmp(&other.rank())
    }

    /// Exact product; `0 x inf` is `0` (with the zero's closedness), as interval arithmetic
    /// on closed intervals requires.
    fn mul(self, other: Self) -> Result<Self, OutOfRange> {
        let inf = |positive: bool| if positive { Self::PosInf } else { Self::NegInf };
        Ok(match (self, other) {
            (Self::Fin(x, i), Self::Fin(y, j)) => {
                let zero_closed = (x.is_zero() && i) || (y.is_zero() && j);
                Self::Fin(x.checked_mul(y).ok_or(OutOfRange)?, (i && j) || zero_closed)
            }
            (Self::Fin(x, i), inf_end) | (inf_end, Self::Fin(x, i)) => {
                if x.is_zero() {
                    Self::Fin(Decimal::ZERO, i)
                } else {
                    inf(x.is_sign_positive() == matches!(inf_end, Self::PosInf))
                }
            }
            (a, b) => inf(matches!(a, Self::PosInf) == matches!(b, Self::PosInf)),
        })
    }
}

/// `a x b`, with open, closed and unbounded ends, whatever the signs.
pub fn mul(a: &Interval, b: &Interval) -> Result<Interval, OutOfRange> {
    let lo = |e: Option<Endpoint>| e.map_or(Ext::NegInf, |e| Ext::Fin(e.value, e.inclusive));
    let hi = |e: Option<Endpoint>| e.map_or(Ext::PosInf, |e| Ext::Fin(e.value, e.inclusive));
    let (al, ah, bl, bh) = (lo(a.low), hi(a.high), lo(b.low), hi(b.high));
    let products = [al.mul(bl)?, al.mul(bh)?, ah.mul(bl)?, ah.mul(bh)?];
    // The extreme value is reached (closed) when any corner reaching it is closed.
    let extreme = |want: Ordering| {
        let mut best = products[0];
        for &p in &products[1..] {
            match p.cmp(best) {
                o if o == want => best = p,
                Ordering::Equal => {
                    if let (Ext::Fin(v, i), Ext::Fin(_, j)) = (p, best) {
                        best = Ext::Fin(v, i || j);
                    }
                }
                _ => {}
            }
        }
        match best {
            Ext::Fin(value, inclusive) => Some(Endpoint { value, inclusive }),
            _ => None,
        }
    };
    Ok(Interval::new(
        extreme(Ordering::Less),
        extreme(Ordering::Greater),
    ))
}

/// `a x k` for an exact factor.
pub fn scale(a: &Interval, k: Decimal) -> Result<Interval, OutOfRange> {
    mul(a, &Interval::point(k))
}

/// The growth factor `1 + rate / 100` of a rate in percent (exact: dividing by 100 only moves
/// the decimal point).
pub fn growth_factor(rate: &Interval) -> Result<Interval, OutOfRange> {
    let shifted = scale(rate, Decimal::new(1, 2))?;
    add(&shifted, &Interval::point(Decimal::ONE))
}

/// `a / b` for a bounded `b` whose values are all positive (a growth factor), rounded outwards
/// to ten decimals so that the result still holds every true quotient. `None` when `b` may be
/// zero, negative or unbounded, or an end of `a` is unbounded.
pub fn div_by_positive(a: &Interval, b: &Interval) -> Option<Interval> {
    let (bl, bh) = (b.low?, b.high?);
    if bl.value <= Decimal::ZERO {
        return None;
    }
    let (al, ah) = (a.low?, a.high?);
    let q = |n: Decimal, d: Decimal, strategy: RoundingStrategy| {
        n.checked_div(d)
            .map(|v| v.round_dp_with_strategy(10, strategy).normalize())
    };
    // Positive divisor: the lowest quotient divides the low end by the divisor's largest value
    // when the low end is not negative, by its smallest when it is; the highest, the reverse.
    let low = q(
        al.value,
        if al.value >= Decimal::ZERO {
            bh.value
        } else {
            bl.value
        },
        RoundingStrategy::ToNegativeInfinity,
    )?;
    let high = q(
        ah.value,
        if ah.value >= Decimal::ZERO {
            bl.value
        } else {
            bh.value
        },
        RoundingStrategy::ToPositiveInfinity,
    )?;
    Some(Interval::closed(low, high))
}

/// True when a low end lies at or below a high end (both must be reachable).
fn low_le_high(low: Option<Endpoint>, high: Option<Endpoint>) -> bool {
    match (low, high) {
        (Some(l), Some(h)) => {
            l.value < h.value || (l.value == h.value && l.inclusive && h.inclusive)
        }
        _ => true,
    }
}

/// True when the two intervals share a value, honouring open and closed ends.
pub fn overlaps(a: &Interval, b: &Interval) -> bool {
    low_le_high(a.low, b.high) && low_le_high(b.low, a.high)
}

/// True when some value of `a` is <= some value of `b` (`a.low <= b.high`).
pub fn can_be_le(a: &Interval, b: &Interval) -> bool {
    low_le_high(a.low, b.high)
}

/// True when every value of `inner` lies in `outer`.
pub fn within(inner: &Interval, outer: &Interval) -> bool {
    let low_ok = match (outer.low, inner.low) {
        (None, _) => true,
        (Some(_), None) => false,
        (Some(o), Some(i)) => {
            o.value < i.value || (o.value == i.value && (o.inclusive || !i.inclusive))
        }
    };
    let high_ok = match (outer.high, inner.high) {
        (None, _) => true,
        (Some(_), None) => false,
        (Some(o), Some(i)) => {
            i.value < o.value || (o.value == i.value && (o.inclusive || !i.inclusive))
        }
    };
    low_ok && high_ok
}

/// The distance between two disjoint intervals; `None` when they overlap.
pub fn gap(a: &Interval, b: &Interval) -> Option<Decimal> {
    if overlaps(a, b) {
        return None;
    }
    if !low_le_high(b.low, a.high) {
        // a lies below b.
        let (Some(h), Some(l)) = (a.high, b.low) else {
            return None;
        };
        l.value.checked_sub(h.value)
    } else {
        let (Some(l), Some(h)) = (a.low, b.high) else {
            return None;
        };
        l.value.checked_sub(h.value)
    }
}

/// Widen an interval by a relative slack (`0.005` = 0.5% of each end's magnitude): the
/// devset's allowance for a stated total that a source truncated rather than rounded.
pub fn widen(a: &Interval, slack: Decimal) -> Result<Interval, OutOfRange> {
    let move_by = |e: Option<Endpoint>, sign: Decimal| -> Result<_, OutOfRange> {
        e.map(|e| {
            let d = e.value.abs().checked_mul(slack).ok_or(OutOfRange)?;
            let d = d.checked_mul(sign).ok_or(OutOfRange)?;
            Ok(Endpoint {
                value: e.value.checked_add(d).ok_or(OutOfRange)?,
                inclusive: e.inclusive,
            })
        })
        .transpose()
    };
    Ok(Interval::new(
        move_by(a.low, Decimal::NEGATIVE_ONE)?,
        move_by(a.high, Decimal::ONE)?,
    ))
}

/// `part` as a percentage of `whole`, rounded to 2 decimals for display.
pub fn percent_of(part: Decimal, whole: Decimal) -> Option<Decimal> {
    if whole.is_zero() {
        return None;
    }
    let q = part
        .checked_mul(Decimal::ONE_HUNDRED)?
        .checked_div(whole.abs())?;
    Some(
        q.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
            .normalize(),
    )
}

/// `(later / base - 1) x 100`: the rate two levels imply, in percent, rounded outwards for
/// display. `None` when the base may be zero or negative, or an end is unbounded.
pub fn implied_rate(
    base: &Interval,
    later: &Interval,
) -> Option<(Option<Decimal>, Option<Decimal>)> {
    let bl = base.low?.value;
    let bh = base.high?.value;
    if bl <= Decimal::ZERO {
        return None;
    }
    let rate = |num: Option<Endpoint>, den: Decimal, strategy| -> Option<Decimal> {
        let n = num?.value;
        let r = n
            .checked_div(den)?
            .checked_sub(Decimal::ONE)?
            .checked_mul(Decimal::ONE_HUNDRED)?;
        Some(r.round_dp_with_strategy(2, strategy).normalize())
    };
    // The lowest rate: the lowest later over the highest base; the highest: the reverse.
    let low = if later.low.is_some_and(|l| l.value < Decimal::ZERO) {
        rate(later.low, bl, RoundingStrategy::ToNegativeInfinity)
    } else {
        rate(later.low, bh, RoundingStrategy::ToNegativeInfinity)
    };
    let high = if later.high.is_some_and(|h| h.value < Decimal::ZERO) {
        rate(later.high, bh, RoundingStrategy::ToPositiveInfinity)
    } else {
        rate(later.high, bl, RoundingStrategy::ToPositiveInfinity)
    };
    Some((low, high))
}

/// How a value of some kind is written in a finding's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// Currencies and counts: scaled to `bn`/`mn`.
    Scaled,
    Percent,
    PercentagePoints,
    Rank,
}

impl Style {
    pub fn of(kind: Kind) -> Self {
        match kind {
            Kind::Percent => Self::Percent,
            Kind::PercentagePoints => Self::PercentagePoints,
            Kind::Rank => Self::Rank,
            Kind::Currency | Kind::Count | Kind::Number => Self::Scaled,
        }
    }

    /// The divisor and suffix for values of this magnitude.
    fn scale(self, magnitude: Decimal) -> (Decimal, &'static str) {
        match self {
            Self::Scaled if magnitude >= Decimal::from(1_000_000_000_000_i64) => {
                (Decimal::from(1_000_000_000_000_i64), " tn")
            }
            Self::Scaled if magnitude >= Decimal::from(1_000_000_000) => {
                (Decimal::from(1_000_000_000), " bn")
            }
            Self::Scaled if magnitude >= Decimal::from(1_000_000) => {
                (Decimal::from(1_000_000), " mn")
            }
            Self::Percent => (Decimal::ONE, "%"),
            Self::PercentagePoints => (Decimal::ONE, " pp"),
            Self::Scaled | Self::Rank => (Decimal::ONE, ""),
        }
    }

    fn prefix(self) -> &'static str {
        if self == Self::Rank { "#" } else { "" }
    }
}

/// How to round a displayed number that needs rounding.
#[derive(Debug, Clone, Copy)]
enum Dir {
    Down,
    Up,
    Nearest,
}

/// A scaled number as displayed: exact when it has at most 4 decimals, else 3 significant
/// digits (outwards for interval ends, so a displayed interval never claims less than the
/// exact one). A [`Decimal`] to print, not a string: callers write it into their text.
fn number(v: Decimal, dir: Dir) -> Decimal {
    number_sf(v, dir, 3)
}

/// [`number`] with a chosen count of significant digits.
fn number_sf(v: Decimal, dir: Dir, sig: u32) -> Decimal {
    let v = v.normalize();
    if v.scale() <= 4 {
        return v;
    }
    let strategy = match dir {
        Dir::Down => RoundingStrategy::ToNegativeInfinity,
        Dir::Up => RoundingStrategy::ToPositiveInfinity,
        Dir::Nearest => RoundingStrategy::MidpointAwayFromZero,
    };
    // Digits before the point (none for `0.x`), without writing the number out.
    let int_digits = v
        .abs()
        .trunc()
        .mantissa()
        .unsigned_abs()
        .checked_ilog10()
        .map_or(0, |d| d as usize + 1);
    let rounded = if int_digits >= sig as usize {
        Some(v.round_dp_with_strategy(0, strategy))
    } else {
        v.round_sf_with_strategy(sig, strategy)
    };
    rounded.unwrap_or(v)
}

/// `v / div`, or `v` when the division is by one or cannot be made.
fn scaled_by(v: Decimal, div: Decimal) -> Decimal {
    if div == Decimal::ONE {
        v
    } else {
        v.checked_div(div).unwrap_or(v)
    }
}

/// A point value: `682 mn`, `1.1 bn`, `37.2%`, `#25`.
///
/// This and the other texts of findings are built piece by piece (`push_str`, [`Plain::push_to`])
/// rather than with `format!`: a report writes them for every pair of claims it compares, and
/// the formatting machinery (argument lists, padding checks, a string grown per piece) was a
/// tenth of `report`.
pub fn fmt_point(v: Decimal, style: Style) -> String {
    let (div, suffix) = style.scale(v.abs());
    let mut out = String::with_capacity(16);
    out.push_str(style.prefix());
    Plain(number(scaled_by(v, div), Dir::Nearest)).push_to(&mut out);
    out.push_str(suffix);
    out
}

/// An interval: `[1.7315, 1.8325] bn`, `(3, 3.2] bn`, `> 3 bn`, `<= 5%`, `any value`.
pub fn fmt_interval(iv: &Interval, style: Style) -> String {
    fmt_interval_sf(iv, style, 3)
}

/// An interval whose rounded ends keep `sig` significant digits (a widened total must still
/// show the few units of slack it adds).
pub fn fmt_interval_sf(iv: &Interval, style: Style, sig: u32) -> String {
    let magnitude = [iv.low, iv.high]
        .into_iter()
        .flatten()
        .map(|e| e.value.abs())
        .max()
        .unwrap_or(Decimal::ZERO);
    let (div, suffix) = style.scale(magnitude);
    let p = style.prefix();
    let mut out = String::with_capacity(32);
    let num = |out: &mut String, e: Endpoint, dir| {
        out.push_str(p);
        Plain(number_sf(scaled_by(e.value, div), dir, sig)).push_to(out);
    };
    match (iv.low, iv.high) {
        (Some(l), Some(h)) if l == h => num(&mut out, l, Dir::Nearest),
        (Some(l), Some(h)) => {
            out.push(if l.inclusive { '[' } else { '(' });
            num(&mut out, l, Dir::Down);
            out.push_str(", ");
            num(&mut out, h, Dir::Up);
            out.push(if h.inclusive { ']' } else { ')' });
        }
        (Some(l), None) => {
            out.push_str(if l.inclusive { ">= " } else { "> " });
            num(&mut out, l, Dir::Down);
        }
        (None, Some(h)) => {
            out.push_str(if h.inclusive { "<= " } else { "< " });
            num(&mut out, h, Dir::Up);
        }
        (None, None) => return "any value".to_string(),
    }
    out.push_str(suffix);
    out
}

/// A claim's figure as written, in short: `682 mn`, `about 40%`, `> 3 bn`, `[20, 100) bn`.
pub fn describe(c: &Claim) -> String {
    let style = Style::of(c.kind);
    let iv = &c.interval;
    let point = c.value.map(|v| fmt_point(v, style));
    let bound = |word: &str, e: Option<Endpoint>| -> String {
        match (c.value, e) {
            (Some(v), _) => [word, " ", &fmt_point(v, style)].concat(),
            (None, Some(e)) => [word, " ", &fmt_point(e.value, style)].concat(),
            (None, None) => fmt_interval(iv, style),
        }
    };
    match (c.bound, point) {
        (BoundKind::Exact | BoundKind::Rounded, Some(p)) => p,
        (BoundKind::Approx, Some(p)) => ["about ", &p].concat(),
        (BoundKind::Nearly, Some(p)) => ["nearly ", &p].concat(),
        (BoundKind::Gt, _) => bound(">", iv.low),
        (BoundKind::Ge, _) => bound(">=", iv.low),
        (BoundKind::Lt, _) => bound("<", iv.high),
        (BoundKind::Le, _) => bound("<=", iv.high),
        _ => fmt_interval(iv, style),
    }
}

/// A claim's figure with its interval when the interval is not evident from the figure:
/// `1.1 bn [1.05, 1.15] bn`, `about 40 bn [36, 44] bn`, `> 3 bn`.
pub fn describe_with_interval(c: &Claim) -> String {
    with_interval(c, describe(c))
}

/// [`describe_with_interval`] from the claim's [`describe`] text, for a caller that also
/// prints that text on its own.
pub fn with_interval(c: &Claim, mut short: String) -> String {
    let evident_from_bound = matches!(
        c.bound,
        BoundKind::Gt
            | BoundKind::Ge
            | BoundKind::Lt
            | BoundKind::Le
            | BoundKind::Range
            | BoundKind::Vague
    ) || c.value.is_none();
    if evident_from_bound {
        return short;
    }
    let full = fmt_interval(&c.interval, Style::of(c.kind));
    if short != full {
        short.push(' ');
        short.push_str(&full);
    }
    short
}

/// A decimal end as the structured [`Term`] carries it.
fn end_str(e: Option<Endpoint>) -> (Option<String>, bool) {
    e.map_or((None, false), |e| (Some(normalized(e.value)), e.inclusive))
}

/// A labelled interval for the structured arithmetic.
pub fn term(label: String, claims: Vec<String>, iv: &Interval) -> Term {
    let (low, low_inclusive) = end_str(iv.low);
    let (high, high_inclusive) = end_str(iv.high);
    Term {
        label,
        claims,
        low,
        high,
        low_inclusive,
        high_inclusive,
    }
}

/// The term of one claim's figure: what it is about in `period` (`trade_total KZ-US 2021`),
/// its id and its interval.
pub fn claim_term(c: &Claim, period: &str) -> Term {
    term(
        format!("{} {period}", super::group::subject(c)),
        vec![c.id.clone()],
        &c.interval,
    )
}

/// The round of `v` to a multiple of `unit` (half away from zero).
pub fn round_to(v: Decimal, unit: Decimal) -> Option<Decimal> {
    if unit <= Decimal::ZERO {
        return Some(v);
    }
    let q = v
        .checked_div(unit)?
        .round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero);
    q.checked_mul(unit)
}

/// The gap between two disjoint intervals, absolute and in % of the right side (its point
/// value when it has one, else its end nearest the left side), as decimal strings.
pub fn gap_strings(
    left: &Interval,
    right: &Interval,
    right_point: Option<Decimal>,
) -> (Option<String>, Option<String>) {
    let Some(g) = gap(left, right) else {
        return (None, None);
    };
    let reference = right_point.or_else(|| {
        if can_be_le(left, right) {
            right.low.map(|e| e.value)
        } else {
            right.high.map(|e| e.value)
        }
    });
    let pct = reference.and_then(|r| percent_of(g, r));
    (Some(normalized(g)), pct.map(|p| Plain(p).to_string()))
}

/// The difference between two stated points, absolute and in % of the right one.
pub fn point_gap_strings(left: Decimal, right: Decimal) -> (Option<String>, Option<String>) {
    let Some(g) = left.checked_sub(right).map(|g| g.abs()) else {
        return (None, None);
    };
    (
        Some(normalized(g)),
        percent_of(g, right).map(|p| Plain(p).to_string()),
    )
}

/// `, gap 0.35 bn (7.6%)` for a text, when there is a gap, at the scale of the figures
/// compared (`like`), so a gap of 300,000 next to millions reads `0.3 mn`.
pub fn gap_text(
    gap: Option<&String>,
    pct: Option<&String>,
    style: Style,
    like: &Interval,
) -> String {
    let Some(g) = gap.and_then(|g| g.parse::<Decimal>().ok()) else {
        return String::new();
    };
    let (style, div, suffix) = gap_scale(g, style, like);
    let mut out = String::with_capacity(32);
    out.push_str(", gap ");
    out.push_str(style.prefix());
    Plain(number(scaled_by(g, div), Dir::Nearest)).push_to(&mut out);
    out.push_str(suffix);
    if let Some(p) = pct {
        out.push_str(" (");
        out.push_str(p);
        out.push_str("%)");
    }
    out
}

/// How a gap `g` between figures like `like` is written: percentage points between two
/// percentages, and the scale (divisor and suffix) of the larger of the two.
fn gap_scale(g: Decimal, style: Style, like: &Interval) -> (Style, Decimal, &'static str) {
    let style = if style == Style::Percent {
        Style::PercentagePoints
    } else {
        style
    };
    let magnitude = [like.low, like.high]
        .into_iter()
        .flatten()
        .map(|e| e.value.abs())
        .chain([g.abs()])
        .max()
        .unwrap_or(Decimal::ZERO);
    let (div, suffix) = style.scale(magnitude);
    (style, div, suffix)
}

/// The smallest interval holding all the given ones.
pub fn hull<'a>(ivs: impl IntoIterator<Item = &'a Interval>) -> Option<Interval> {
    let mut it = ivs.into_iter();
    let first = *it.next()?;
    Some(it.fold(first, |acc, iv| {
        let low = match (acc.low, iv.low) {
            (Some(a), Some(b)) if a.value < b.value => Some(a),
            (Some(a), Some(b)) if a.value == b.value => Some(Endpoint {
                value: a.value,
                inclusive: a.inclusive || b.inclusive,
            }),
            (Some(_), Some(b)) => Some(b),
            _ => None,
        };
        let high = match (acc.high, iv.high) {
            (Some(a), Some(b)) if a.value > b.value => Some(a),
            (Some(a), Some(b)) if a.value == b.value => Some(Endpoint {
                value: a.value,
                inclusive: a.inclusive || b.inclusive,
            }),
            (Some(_), Some(b)) => Some(b),
            _ => None,
        };
        Interval::new(low, high)
    }))
}

/// A slack as a percentage for text: `0.005` -> `0.5%`.
pub fn slack_text(slack: Decimal) -> String {
    let pct = slack.checked_mul(Decimal::ONE_HUNDRED).unwrap_or(slack);
    format!("{}%", pct.normalize())
}

/// The verdict of a derived check (a sum, a growth, a containment, an increment):
/// - holds on the rounding intervals, and on the stated points too (or there are no points)
///   -> consistent;
/// - holds on the intervals but not on the points -> consistent within rounding;
/// - holds only once the total is widened by the slack -> difference;
/// - fails even with the slack -> conflict.
pub fn derived_verdict(
    strict: bool,
    with_slack: bool,
    points_hold: Option<bool>,
) -> super::Verdict {
    use super::Verdict;
    match (strict, with_slack, points_hold) {
        (true, _, Some(false)) => Verdict::ConsistentWithinRounding,
        (true, _, _) => Verdict::Consistent,
        (false, true, _) => Verdict::Difference,
        (false, false, _) => Verdict::Conflict,
    }
}

/// What a derived check concluded, with the gap between its sides when they do not meet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub verdict: super::Verdict,
    pub gap: Option<String>,
    pub gap_percent: Option<String>,
}

/// Judge a derived check ([`derived_verdict`]) of `left` against the stated `right`, whose
/// point `reference` a gap is given as a percentage of.
pub fn outcome(
    strict: bool,
    with_slack: bool,
    points_hold: Option<bool>,
    left: &Interval,
    right: &Interval,
    reference: Option<Decimal>,
) -> Outcome {
    let (gap, gap_percent) = if strict {
        (None, None)
    } else {
        gap_strings(left, right, reference)
    };
    Outcome {
        verdict: derived_verdict(strict, with_slack, points_hold),
        gap,
        gap_percent,
    }
}

impl Outcome {
    /// The arithmetic of the check `left <relation> right`, with `text` and this outcome's
    /// gap.
    pub fn arithmetic(
        self,
        left: super::Term,
        relation: &str,
        right: super::Term,
        text: String,
    ) -> super::Arithmetic {
        super::Arithmetic {
            left,
            relation: relation.to_string(),
            right,
            text,
            gap: self.gap,
            gap_percent: self.gap_percent,
        }
    }

    /// The words that end a derived check's text: the verdict, with the slack and the
    /// `widened` side when only the slack made it hold, and for a conflict the gap at the scale
    /// of `like` (`consistent`; `conflict, gap 0.21 bn (6.78%)`).
    pub fn words(
        &self,
        slack: Decimal,
        widened: &Interval,
        style: Style,
        like: &Interval,
    ) -> String {
        let mut words = derived_text(
            self.verdict,
            slack,
            Some(&fmt_interval_sf(widened, style, 5)),
        );
        if self.verdict == super::Verdict::Conflict {
            words.push_str(&gap_text(
                self.gap.as_ref(),
                self.gap_percent.as_ref(),
                style,
                like,
            ));
        }
        words
    }
}

/// The verdict word of a derived check's text, with the slack when it was needed.
pub fn derived_text(verdict: super::Verdict, slack: Decimal, widened: Option<&str>) -> String {
    match (verdict, widened) {
        (super::Verdict::Difference, Some(w)) => {
            format!(
                "difference (holds only within the {} slack: {w})",
                slack_text(slack)
            )
        }
        _ => verdict.text().to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    fn closed(a: &str, b: &str) -> Interval {
        Interval::closed(d(a), d(b))
    }

    fn gt(a: &str) -> Interval {
        Interval::new(Some(Endpoint::open(d(a))), None)
    }

    /// The `format!` definitions of [`fmt_point`], [`fmt_interval_sf`] and [`gap_text`], to
    /// hold the texts built piece by piece to them.
    fn fmt_point_by_format(v: Decimal, style: Style) -> String {
        let (div, suffix) = style.scale(v.abs());
        format!(
            "{}{}{suffix}",
            style.prefix(),
            Plain(number(scaled_by(v, div), Dir::Nearest))
        )
    }

    fn fmt_interval_by_format(iv: &Interval, style: Style, sig: u32) -> String {
        let magnitude = [iv.low, iv.high]
            .into_iter()
            .flatten()
            .map(|e| e.value.abs())
            .max()
            .unwrap_or(Decimal::ZERO);
        let (div, suffix) = style.scale(magnitude);
        let p = style.prefix();
        let num = |e: Endpoint, dir| Plain(number_sf(scaled_by(e.value, div), dir, sig));
        match (iv.low, iv.high) {
            (Some(l), Some(h)) if l == h => format!("{p}{}{suffix}", num(l, Dir::Nearest)),
            (Some(l), Some(h)) => format!(
                "{}{p}{}, {p}{}{}{suffix}",
                if l.inclusive { '[' } else { '(' },
                num(l, Dir::Down),
                num(h, Dir::Up),
                if h.inclusive { ']' } else { ')' },
            ),
            (Some(l), None) => format!(
                "{} {p}{}{suffix}",
                if l.inclusive { ">=" } else { ">" },
                num(l, Dir::Down)
            ),
            (None, Some(h)) => format!(
                "{} {p}{}{suffix}",
                if h.inclusive { "<=" } else { "<" },
                num(h, Dir::Up)
            ),
            (None, None) => "any value".to_string(),
        }
    }

    fn gap_text_by_format(
        g: Decimal,
        pct: Option<&String>,
        style: Style,
        like: &Interval,
    ) -> String {
        let (style, div, suffix) = gap_scale(g, style, like);
        let amount = format!(
            "{}{}{suffix}",
            style.prefix(),
            Plain(number(scaled_by(g, div), Dir::Nearest))
        );
        match pct {
            Some(p) => format!(", gap {amount} ({p}%)"),
            None => format!(", gap {amount}"),
        }
    }

    /// A decimal of any sign, magnitude (up to trillions) and scale (up to 8 places), zeros
    /// and negative zeros included.
    fn any_decimal() -> impl proptest::strategy::Strategy<Value = Decimal> {
        use proptest::prelude::*;
        (any::<i64>(), 0u32..9, any::<bool>()).prop_map(|(m, scale, negative_zero)| {
            let mut v = Decimal::new(m % 10_000_000_000_000_000, scale);
            if m % 7 == 0 {
                v = Decimal::new(0, scale);
                v.set_sign_negative(negative_zero);
            }
            v
        })
    }

    fn any_style() -> impl proptest::strategy::Strategy<Value = Style> {
        proptest::sample::select(vec![
            Style::Scaled,
            Style::Percent,
            Style::PercentagePoints,
            Style::Rank,
        ])
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(512))]
        #[test]
        fn texts_built_piece_by_piece_match_format(
            a in any_decimal(),
            b in any_decimal(),
            ends in 0usize..4,
            incl in (proptest::prelude::any::<bool>(), proptest::prelude::any::<bool>()),
            style in any_style(),
            sig in 1u32..6,
            pct in proptest::option::of("[0-9]{1,3}\\.[0-9]"),
        ) {
            let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
            let end = |v: Decimal, inclusive: bool| Endpoint { value: v, inclusive };
            let iv = match ends {
                0 => Interval::new(Some(end(lo, incl.0)), Some(end(hi, incl.1))),
                1 => Interval::new(Some(end(lo, incl.0)), None),
                2 => Interval::new(None, Some(end(hi, incl.1))),
                _ => Interval::new(Some(end(lo, true)), Some(end(lo, true))),
            };
            proptest::prop_assert_eq!(fmt_point(a, style), fmt_point_by_format(a, style));
            proptest::prop_assert_eq!(
                fmt_interval_sf(&iv, style, sig),
                fmt_interval_by_format(&iv, style, sig)
            );
            let g = normalized(b.abs());
            proptest::prop_assert_eq!(
                gap_text(Some(&g), pct.as_ref(), style, &iv),
                gap_text_by_format(g.parse().unwrap(), pct.as_ref(), style, &iv)
            );
        }
    }

    #[test]
    fn interval_with_no_ends_is_any_value() {
        let iv = Interval::new(None, None);
        assert_eq!(fmt_interval(&iv, Style::Scaled), "any value");
        assert_eq!(fmt_interval_by_format(&iv, Style::Scaled, 3), "any value");
    }

    #[test]
    fn dividing_by_a_growth_factor_rounds_outwards() {
        // 1462 million (+-0.5) over 1.29 (+-0.005): [1461.5 / 1.295, 1462.5 / 1.285].
        let q = div_by_positive(&closed("1461.5", "1462.5"), &closed("1.285", "1.295")).unwrap();
        assert_eq!(
            (q.low.unwrap().value, q.high.unwrap().value),
            (d("1128.5714285714"), d("1138.1322957199"))
        );
        // Exact quotients stay exact; a negative low end divides by the smallest factor.
        let q = div_by_positive(&closed("-10", "10"), &closed("2", "5")).unwrap();
        assert_eq!(
            (q.low.unwrap().value, q.high.unwrap().value),
            (d("-5"), d("5"))
        );
        // A factor that may be zero or is unbounded divides nothing.
        assert!(div_by_positive(&closed("1", "2"), &closed("0", "1")).is_none());
        assert!(div_by_positive(&closed("1", "2"), &gt("1")).is_none());
    }

    #[test]
    fn add_and_display_the_seed_sum() {
        let s = add(
            &closed("681500000", "682500000"),
            &closed("1050000000", "1150000000"),
        )
        .unwrap();
        assert_eq!(fmt_interval(&s, Style::Scaled), "[1.7315, 1.8325] bn");
        assert_eq!(fmt_point(d("682000000"), Style::Scaled), "682 mn");
        assert_eq!(fmt_point(d("1100000000"), Style::Scaled), "1.1 bn");
    }

    #[test]
    fn long_decimals_are_shown_to_three_significant_digits_or_whole() {
        // Three digits or more before the point: rounded to a whole number.
        assert_eq!(fmt_point(d("123.456789"), Style::Percent), "123%");
        assert_eq!(fmt_point(d("-1234.56789"), Style::Scaled), "-1235");
        // Fewer: three significant digits, with no digit before the point counted.
        assert_eq!(fmt_point(d("0.000123456"), Style::Percent), "0.000123%");
        assert_eq!(fmt_point(d("12.345678"), Style::Percent), "12.3%");
        // Interval ends round outwards.
        assert_eq!(
            fmt_interval(&closed("12.345678", "45.671234"), Style::Percent),
            "[12.3, 45.7]%"
        );
        assert_eq!(
            fmt_interval(&closed("9.87654", "987.654321"), Style::Percent),
            "[9.87, 988]%"
        );
        // Four decimals or fewer: exact.
        assert_eq!(fmt_point(d("0.1234"), Style::Percent), "0.1234%");
    }

    #[test]
    fn growth_display_rounds_outwards() {
        let f = growth_factor(&closed("37.15", "37.25")).unwrap();
        assert_eq!(f, closed("1.3715", "1.3725"));
        let p = mul(&closed("2450000000", "2550000000"), &f).unwrap();
        assert_eq!(fmt_interval(&p, Style::Scaled), "[3.36, 3.50] bn");
        assert_eq!(fmt_interval(&gt("3000000000"), Style::Scaled), "> 3 bn");
        assert!(overlaps(&p, &gt("3000000000")));
    }

    #[test]
    fn display_of_ends_and_styles() {
        let iv = Interval::new(
            Some(Endpoint::open(d("3000000000"))),
            Some(Endpoint::closed(d("3200000000"))),
        );
        assert_eq!(fmt_interval(&iv, Style::Scaled), "(3, 3.2] bn");
        let iv = Interval::new(None, Some(Endpoint::closed(d("5"))));
        assert_eq!(fmt_interval(&iv, Style::Percent), "<= 5%");
        assert_eq!(
            fmt_interval(&Interval::default(), Style::Scaled),
            "any value"
        );
        assert_eq!(fmt_point(d("25"), Style::Rank), "#25");
        assert_eq!(fmt_point(d("-4.5"), Style::Percent), "-4.5%");
        assert_eq!(fmt_point(d("590"), Style::Scaled), "590");
        assert_eq!(
            fmt_interval(&closed("1234567", "7654321"), Style::Scaled),
            "[1.23, 7.66] mn"
        );
        assert_eq!(
            fmt_interval(&closed("1234567.1", "1234567.9"), Style::Scaled),
            "[1.23, 1.24] mn"
        );
        assert_eq!(slack_text(d("0.005")), "0.5%");
    }

    #[test]
    fn open_ends_decide_touching_intervals() {
        let a = closed("1", "2");
        assert!(overlaps(&a, &closed("2", "3")));
        assert!(!overlaps(
            &a,
            &Interval::new(Some(Endpoint::open(d("2"))), None)
        ));
        assert_eq!(gap(&a, &gt("2")), Some(Decimal::ZERO));
        assert_eq!(gap(&a, &closed("5", "6")), Some(d("3")));
        assert_eq!(gap(&closed("5", "6"), &a), Some(d("3")));
        assert!(within(&closed("1.2", "1.5"), &a));
        assert!(!within(&gt("1"), &a));
    }

    #[test]
    fn multiplication_handles_signs_and_unbounded_ends() {
        assert_eq!(
            mul(&closed("-2", "3"), &closed("4", "5")).unwrap(),
            closed("-10", "15")
        );
        let p = mul(&gt("3"), &closed("1.1", "1.2")).unwrap();
        assert_eq!(p, Interval::new(Some(Endpoint::open(d("3.3"))), None));
        let p = mul(&gt("3"), &closed("-1", "-0.5")).unwrap();
        assert_eq!(p, Interval::new(None, Some(Endpoint::open(d("-1.5")))));
        let z = mul(&closed("0", "1"), &gt("2")).unwrap();
        assert_eq!(z.low, Some(Endpoint::closed(Decimal::ZERO)));
        assert_eq!(z.high, None);
    }

    #[test]
    fn overflow_is_an_error_not_a_panic() {
        assert_eq!(
            add(
                &Interval::point(Decimal::MAX),
                &Interval::point(Decimal::ONE)
            ),
            Err(OutOfRange)
        );
        assert_eq!(
            mul(&Interval::point(Decimal::MAX), &closed("2", "3")),
            Err(OutOfRange)
        );
    }

    #[test]
    fn implied_rate_spans_the_level_intervals() {
        let (lo, hi) = implied_rate(&closed("2.45", "2.55"), &closed("3.05", "3.15")).unwrap();
        assert_eq!(
            (lo.unwrap().to_string(), hi.unwrap().to_string()),
            ("19.6".into(), "28.58".into())
        );
    }

    fn arb_interval() -> impl Strategy<Value = Interval> {
        (-1000i64..1000, 0i64..500, any::<bool>(), any::<bool>()).prop_map(|(l, w, i, j)| {
            let low = Decimal::new(l, 1);
            let high = Decimal::new(l + w, 1);
            let (i, j) = if w == 0 { (true, true) } else { (i, j) };
            Interval::new(
                Some(Endpoint {
                    value: low,
                    inclusive: i,
                }),
                Some(Endpoint {
                    value: high,
                    inclusive: j,
                }),
            )
        })
    }

    proptest! {
        #[test]
        fn sums_and_products_contain_every_pointwise_result(a in arb_interval(), b in arb_interval(), s in 0u32..=10, t in 0u32..=10) {
            let pick = |iv: &Interval, k: u32| {
                let (l, h) = (iv.low.unwrap().value, iv.high.unwrap().value);
                l + (h - l) * Decimal::from(k) / Decimal::from(10)
            };
            let (x, y) = (pick(&a, s), pick(&b, t));
            prop_assume!(a.contains(x) && b.contains(y));
            prop_assert!(add(&a, &b).unwrap().contains(x + y));
            prop_assert!(sub(&a, &b).unwrap().contains(x - y));
            prop_assert!(mul(&a, &b).unwrap().contains(x * y));
            prop_assert_eq!(overlaps(&a, &b), overlaps(&b, &a));
        }
    }
}
