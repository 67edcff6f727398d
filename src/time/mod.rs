//! Time expressions: "in 2022", "since December 1991", "between January and October 2019",
//! "the first three quarters of 2022", "at the end of 2018", "FY2021", "last year"...
//!
//! CONTRACT (used by the extract pipeline; keep these names and meanings):
//! [`find_time_mentions`] scans a text once and returns every time expression with its byte
//! span, sorted by start, non-overlapping (longest match wins). Each [`TimeMention`] says what
//! period it denotes, at which grain, whether it is cumulative ("since"), and whether it is a
//! strong time expression or only a bare number that looks like a year.
//! Dates, ordinal dates ("Feb. 28", "May 4th") and times of day ("2 pm", "10:30") are found
//! too, so that the quantity parser does not take their digits for quantities.

pub mod period;

use jiff::civil::Date;
use serde::Serialize;

pub use period::Period;

/// What the caller knows about the document: its date resolves "since 2005" and "last year".
#[derive(Debug, Clone, Copy, Default)]
pub struct TimeContext {
    pub document_date: Option<Date>,
}

/// The kind of a time expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TimeKind {
    /// `2022`, `in 2022`, `the year 2022`.
    Year,
    /// `April 2017`, `2017-04`.
    Month,
    /// `Q1 2017`, `the first quarter of 2017`.
    Quarter,
    /// `H2 2019`, `the second half of 2019`.
    Half,
    /// A span of months or quarters inside a year or across years: `January-October 2019`,
    /// `the first three quarters of 2022`, `9M 2022`, `Q1-Q3 2022`.
    Months,
    /// `2020-2025`, `between 2014 and 2018`, `from 2020 to 2024`.
    YearRange,
    /// `the 1970s`.
    Decade,
    /// A fiscal year: `FY2021`, `fiscal 2012-13`.
    FiscalYear,
    /// `since 2005`, `since December 1991`: cumulative up to the document's date.
    Since,
    /// `until 2018`, `before 2018`, `by 2030`: open start.
    Until,
    /// `after 2016`: open end, not cumulative.
    After,
    /// `at the end of 2018`: a year for a flow, an instant (the last day) for a stock.
    EndOf,
    /// `last year`, `this year`, `last March`: relative to the document's date.
    Relative,
    /// A full date: `5/17/2018`, `10-Apr-15`, `Feb. 28`, `May 4th`, `28 February 2023`.
    Date,
    /// A time of day: `2 pm`, `10:30`. Never a period; found so digits are not quantities.
    TimeOfDay,
}

/// One time expression in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeMention {
    /// Byte span in the text given to [`find_time_mentions`].
    pub start: usize,
    pub end: usize,
    pub kind: TimeKind,
    /// The period denoted, inclusive at both ends; an end is `None` when open or unknown
    /// (e.g. "since 2005" without a document date has no end).
    pub period: Period,
    /// The label at the expression's own grain: `2008`, `2017-04`, `2017-Q1`, `2019-H2`,
    /// `2019-01..2019-10`, `2014..2018`, `1970s`, `FY2021`, `since 2005`.
    pub label: String,
    /// True for "since ...": a total accumulated from the start up to the document's date.
    pub cumulative: bool,
    /// For `EndOf` (and dates): the instant meant when the metric is a stock.
    pub instant: Option<Date>,
    /// False for a bare number that only looks like a year (`2022` with no preposition, month or
    /// other time word): the quantity parser may claim it when it carries a unit (`2022 jobs`).
    pub strong: bool,
    /// Why the period could not be resolved, e.g. "relative to the document's date, which is
    /// unknown". `None` when resolved.
    pub unresolved: Option<String>,
}

/// Find every time expression in `text`.
pub fn find_time_mentions(_text: &str, _ctx: &TimeContext) -> Vec<TimeMention> {
    Vec::new()
}
