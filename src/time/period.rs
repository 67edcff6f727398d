//! A period of calendar days, inclusive at both ends, either end possibly open or unknown.

use jiff::civil::Date;

/// English month names, January first.
pub(crate) const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A period of days, `start..=end`; `None` means open (unbounded) or unknown at that end.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Period {
    pub start: Option<Date>,
    pub end: Option<Date>,
}

impl Period {
    pub const fn new(start: Option<Date>, end: Option<Date>) -> Self {
        Self { start, end }
    }
}
