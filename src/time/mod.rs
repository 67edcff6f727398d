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
//!
//! Spans leave out plain prepositions (`in 2022` is reported as `2022`) and keep the words that
//! change the meaning (`between 2014 and 2018`, `since 2005`, `at the end of 2018`,
//! `the first quarter of 2017`). Matching is case-insensitive, except that the month words that
//! are also common words (`may`, `march`, `mar`) need a capital, a year, or a day with an
//! ordinal suffix next to them.
//!
//! Layout: `token` (one-pass tokenizer and keyword table), `scan` (the grammar), `resolve`
//! (dates, labels and kinds), `tests`.

pub mod period;
mod resolve;
mod scan;
pub mod shift;
mod token;

#[cfg(test)]
mod tests;

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
    /// `the 1800s` (a hundred years; `the 2000s` is read as a decade).
    Century,
    /// A fiscal year: `FY2021`, `fiscal 2012-13`, `2012-13`.
    ///
    /// A fiscal year's calendar depends on the entity, which this module does not know (rules
    /// should set it per entity). The period is a stand-in: for `FY2021` / `fiscal year 2021`
    /// the US federal convention (2020-10-01..2021-09-30); for a split year `2012-13` /
    /// `FY2012-13` no single convention exists, so the period is the union of both calendar
    /// years (2012-01-01..2013-12-31), which contains every usual fiscal calendar for it, and
    /// `unresolved` says "fiscal year: calendar depends on the entity (set in rules)".
    FiscalYear,
    /// `since 2005`, `since December 1991`: cumulative up to the document's date.
    Since,
    /// `until 2018`, `by 2030`, `2018 or earlier`: open start, ends with the named period.
    Until,
    /// `before 2018`, `prior to 2018`: open start, ends the day before the named period.
    Before,
    /// `after 2016`: open end, not cumulative.
    After,
    /// `at the end of 2018`: a year for a flow, an instant (the last day) for a stock.
    EndOf,
    /// `at the beginning of 2019`: the period, with its first day as the instant.
    StartOf,
    /// `last year`, `this year`, `last March`: relative to the document's date.
    Relative,
    /// A full date: `5/17/2018`, `10-Apr-15`, `Feb. 28`, `May 4th`, `28 February 2023`; also a
    /// span of days (`Sept. 12-18, 2022`). Without a year the period is unknown (`unresolved`).
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
    /// For `EndOf` (its last day), `StartOf` (its first day) and single-day dates: the instant
    /// meant when the metric is a stock.
    pub instant: Option<Date>,
    /// False for a bare number that only looks like a year (`2022` with no preposition, month or
    /// other time word): the quantity parser may claim it when it carries a unit (`2022 jobs`).
    /// Also false when an operator or range ends on a bare four-digit number followed by a
    /// plain word (`after 2000 people`, `from 1500 to 2000 units`, `by 1800 votes`), and for
    /// comparison signs (`>= 2019`).
    pub strong: bool,
    /// Why the period could not be resolved, e.g. "relative to the document's date, which is
    /// unknown". `None` when resolved. Also set for a split fiscal year (`2012-13`), whose
    /// period is only a container (see [`TimeKind::FiscalYear`]).
    pub unresolved: Option<String>,
    /// For `Since`, `After`, `Before`, `Until`, `EndOf`, `StartOf`: the period named in the
    /// text (`2016` in "after 2016", whose own period starts 2017-01-01). Peer suites and
    /// readers give open ranges on this named period.
    pub anchor: Option<Period>,
}

/// Find every time expression in `text`, resolved against `ctx`.
///
/// One linear pass: the text is cut into chunks of about 64 KiB at line ends, each chunk is
/// tokenized into a reused buffer and scanned left to right; at each token the longest
/// expression starting there is taken. Never panics; offsets are char boundaries.
pub fn find_time_mentions(text: &str, ctx: &TimeContext) -> Vec<TimeMention> {
    let mut found = Vec::new();
    TimeScanner::default().scan(text, &mut found);
    found.iter().map(|f| f.resolve(ctx)).collect()
}

/// A time expression found but not yet resolved: what it denotes may depend on the
/// document's date ("last year", the end of "since 2005"), which the caller may only know
/// after scanning (an undated document's date is inferred from the years it names).
#[derive(Debug, Clone, Copy)]
pub struct FoundTime {
    found: scan::Found,
    /// Byte span in the scanned text.
    pub start: usize,
    pub end: usize,
    /// See [`TimeMention::strong`].
    pub strong: bool,
}

impl FoundTime {
    /// The mention this expression denotes in a document described by `ctx`.
    pub fn resolve(&self, ctx: &TimeContext) -> TimeMention {
        resolve::mention(&self.found, self.start, self.end, self.strong, ctx)
    }
}

/// The time scanner, with its token buffer kept between texts (one per thread).
#[derive(Default)]
pub struct TimeScanner {
    toks: Vec<token::Tok>,
    /// The spans of the strong expressions last found ([`Self::scan_strong`]).
    strong: Vec<(usize, usize)>,
}

impl TimeScanner {
    /// Append every time expression in `text` to `out`, sorted by start, non-overlapping.
    pub fn scan(&mut self, text: &str, out: &mut Vec<FoundTime>) {
        let mut pos = 0;
        while pos < text.len() {
            let end = chunk_end(text, pos);
            self.toks.clear();
            token::tokenize(text, pos, end, &mut self.toks);
            scan_chunk(text, &self.toks, out);
            pos = end;
        }
    }
}

impl TimeScanner {
    /// [`Self::scan`], then the spans of the strong expressions it appended, in order (the
    /// digits the quantity scanner must leave alone), from a buffer kept between texts.
    pub fn scan_strong(&mut self, text: &str, out: &mut Vec<FoundTime>) -> &[(usize, usize)] {
        let first = out.len();
        self.scan(text, out);
        self.strong.clear();
        self.strong.extend(
            out[first..]
                .iter()
                .filter(|t| t.strong)
                .map(|t| (t.start, t.end)),
        );
        &self.strong
    }
}

const CHUNK: usize = 1 << 16;

/// Where the chunk starting at `pos` ends: after a newline past 64 KiB, else after a space past
/// 128 KiB, else at the end. Always just after an ASCII byte, so a char boundary.
fn chunk_end(text: &str, pos: usize) -> usize {
    let b = text.as_bytes();
    if b.len() - pos <= 2 * CHUNK {
        return b.len();
    }
    if let Some(k) = memchr::memchr(b'\n', &b[pos + CHUNK..pos + 2 * CHUNK]) {
        return pos + CHUNK + k + 1;
    }
    match memchr::memchr(b' ', &b[pos + 2 * CHUNK..]) {
        Some(k) => pos + 2 * CHUNK + k + 1,
        None => b.len(),
    }
}

fn scan_chunk(text: &str, toks: &[token::Tok], out: &mut Vec<FoundTime>) {
    let ps = scan::Ps { text, t: toks };
    let mut i = 0;
    let mut strong_year_end: Option<usize> = None;
    while i < toks.len() {
        // The kind first, inline (most tokens are plain words), then the tokens around it.
        if !token::may_start(toks[i].k) || !ps.may_start(i) {
            i += 1;
            continue;
        }
        match ps.expr(i) {
            Some(f) if f.e > i && f.s >= i => {
                let bare = matches!(toks[f.s].k, token::K::Num(..) | token::K::P(_));
                // A bare four-digit number before an ordinary word may be a count ("after 2000
                // people", "from 1500 to 2000 units").
                let count_like = matches!(toks[f.e - 1].k, token::K::Num(_, 4))
                    && ps.plain_word_follows(f.e)
                    && matches!(f.v, scan::V::Year(_) | scan::V::YearRange(..));
                let strong = if f.cmp {
                    false
                } else if matches!(f.v, scan::V::Year(_)) && f.op == scan::Op::None && bare {
                    ps.year_context(f.s, f.e, strong_year_end)
                } else {
                    !count_like
                };
                // A written year (not "last year", whose year depends on the document's date)
                // lets a bare year right after it be one too (`in 2018 and 2019`).
                let year = matches!(f.v, scan::V::Year(_))
                    && f.op == scan::Op::None
                    && f.edge == scan::Edge::Whole;
                strong_year_end = (year && strong).then_some(f.e);
                out.push(FoundTime {
                    found: f,
                    start: toks[f.s].start,
                    end: toks[f.e - 1].end,
                    strong,
                });
                i = f.e;
            }
            _ => i += 1,
        }
    }
}
