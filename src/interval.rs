//! Exact decimal intervals: every quantity is an interval, never a bare number.

use rust_decimal::Decimal;
use serde::Serialize;

/// One end of an interval.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Endpoint {
    pub value: Decimal,
    pub inclusive: bool,
}

impl Endpoint {
    pub const fn closed(value: Decimal) -> Self {
        Self {
            value,
            inclusive: true,
        }
    }
    pub const fn open(value: Decimal) -> Self {
        Self {
            value,
            inclusive: false,
        }
    }
}

/// An interval of exact decimals; `None` at either end means unbounded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Interval {
    pub low: Option<Endpoint>,
    pub high: Option<Endpoint>,
}

impl Interval {
    pub const fn new(low: Option<Endpoint>, high: Option<Endpoint>) -> Self {
        Self { low, high }
    }

    /// The degenerate interval `[v, v]`.
    pub const fn point(v: Decimal) -> Self {
        Self::new(Some(Endpoint::closed(v)), Some(Endpoint::closed(v)))
    }

    /// The closed interval `[low, high]`.
    pub const fn closed(low: Decimal, high: Decimal) -> Self {
        Self::new(Some(Endpoint::closed(low)), Some(Endpoint::closed(high)))
    }

    /// True when `v` lies inside the interval.
    pub fn contains(&self, v: Decimal) -> bool {
        let above_low = match self.low {
            None => true,
            Some(e) if e.inclusive => v >= e.value,
            Some(e) => v > e.value,
        };
        let below_high = match self.high {
            None => true,
            Some(e) if e.inclusive => v <= e.value,
            Some(e) => v < e.value,
        };
        above_low && below_high
    }
}
