//! The extract step: a document in, its quantity mentions (with periods) out.
//!
//! The body is read paragraph by paragraph (a blank line ends one; very long paragraphs are cut
//! at a line or sentence end) so work buffers stay small and are reused. In each chunk, time
//! expressions are found first; the quantity scanner skips the digits they cover; then each
//! quantity takes the period of its clause, or of its sentence, or (for money and changes, whose
//! period a writer often states once) of the sentence before it in the paragraph.

use std::sync::Arc;

use jiff::civil::Date;
use rust_decimal::Decimal;
use serde::Serialize;

use crate::input::Document;
use crate::quantity::{Direction, Kind, Measure, Quantity, Role, Scanner, prefilter};
use crate::rules::{BoundKind, Vocabulary};
use crate::segment;
use crate::time::{FoundTime, TimeContext, TimeKind, TimeMention, TimeScanner};
use crate::token::{contains_ignore_ascii_case, ends_with_ignore_ascii_case};

/// The version of the JSON output schema; bumped on any breaking change.
pub const SCHEMA_VERSION: u32 = 1;

/// Options for extraction.
#[derive(Debug, Clone, Copy, Default)]
pub struct ExtractOptions {
    /// Also list each time expression as an item of its own.
    pub periods: bool,
}

/// A period as printed: inclusive ISO dates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PeriodOut {
    pub start: Option<Date>,
    pub end: Option<Date>,
    /// The words that stated it.
    pub text: String,
    /// Its label at its own grain (`2022`, `2019-01..2019-10`, `since 2005`).
    pub label: String,
    pub kind: TimeKind,
    pub cumulative: bool,
    /// The instant meant when the metric is a stock (`at the end of 2018` -> 2018-12-31).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub instant: Option<Date>,
    /// Taken from an earlier sentence of the paragraph, not stated next to the figure.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub inherited: bool,
    /// Why the period could not be resolved.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unresolved: Option<String>,
}

/// A value of a mention as printed: a figure, or a period's label or ISO date.
///
/// A figure is kept as its decimal and written out (its shortest exact form, `1.8`,
/// `3000000000`) only when the mention is printed: most mentions are printed once and dropped,
/// and three strings a figure were a tenth of `extract`'s allocations.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Shown {
    Figure(Decimal),
    Text(String),
}

impl Shown {
    /// The text printed.
    pub fn text(&self) -> std::borrow::Cow<'_, str> {
        match self {
            Self::Figure(d) => crate::number::text::normalized(*d).into(),
            Self::Text(s) => s.as_str().into(),
        }
    }
}

impl std::fmt::Display for Shown {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text())
    }
}

/// Printed as the string [`Shown::text`] gives.
impl Serialize for Shown {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.text())
    }
}

/// One item of `extract` output: a quantity, or (with `--periods`) a time expression.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Mention {
    pub schema_version: u32,
    /// `quantity` or `period`.
    #[serde(rename = "type")]
    pub item: &'static str,
    pub source: Arc<str>,
    pub line: usize,
    pub column: usize,
    /// Byte offsets in the file.
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// `currency`, `percent`, `percentage_points`, `count`, `number`, `rank`, or `period`.
    pub kind: &'static str,
    /// The stated number, or the period's label.
    pub value: Option<Shown>,
    /// The bounds: figures, or a period's first and last days.
    pub low: Option<Shown>,
    pub high: Option<Shown>,
    pub low_inclusive: Option<bool>,
    pub high_inclusive: Option<bool>,
    pub bound: Option<BoundKind>,
    pub unit: Option<String>,
    pub measure: Option<Measure>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub direction: Option<Direction>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<Role>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<String>,
    /// For a rate: what the figure is per (`$70 a share` -> `share`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub per: Option<String>,
    pub period: Option<PeriodOut>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub base_period: Option<PeriodOut>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// The exact interval, for later steps (not printed: `low`/`high` carry it).
    #[serde(skip)]
    pub interval: crate::interval::Interval,
    #[serde(skip)]
    pub decimal_value: Option<Decimal>,
    /// Byte offsets in the decoded text (for later steps that read the words around).
    #[serde(skip)]
    pub text_start: usize,
    #[serde(skip)]
    pub text_end: usize,
}

/// A lower bound for an undated document's date: the first day of the latest year it mentions
/// (it cannot have been written before a year it reports on). `None` when it names no year.
fn inferred_date(found: &[FoundTime]) -> Option<Date> {
    let undated = TimeContext::default();
    let year = found
        .iter()
        .filter(|f| f.strong)
        .map(|f| f.resolve(&undated))
        .filter(|t| {
            matches!(
                t.kind,
                TimeKind::Year
                    | TimeKind::Month
                    | TimeKind::Quarter
                    | TimeKind::Half
                    | TimeKind::Months
                    | TimeKind::EndOf
                    | TimeKind::Date
            )
        })
        .filter_map(|t| t.period.start.map(|d| d.year()))
        .filter(|y| (1900..=2100).contains(y))
        .max()?;
    Date::new(year, 1, 1).ok()
}

/// Paragraphs longer than this are cut at a line or sentence end.
const MAX_CHUNK: usize = 64 * 1024;

/// Work buffers for extraction, reused across documents by one thread.
#[derive(Default)]
pub struct Extractor {
    scanner: Scanner,
    times: TimeScanner,
    /// The time expressions of every chunk, offsets relative to their chunk.
    found: Vec<FoundTime>,
    /// Where each chunk's expressions start in `found`, plus the end.
    found_at: Vec<usize>,
    /// Whether each chunk may hold a quantity (the others are not read).
    live: Vec<bool>,
    /// The quantities of every chunk, offsets relative to their chunk.
    quantities: Vec<Vec<Quantity>>,
    /// The buffers of [`attach_periods`].
    period_scratch: PeriodScratch,
}

/// Documents at least this large have their chunks scanned in parallel.
const PARALLEL_DOCUMENT: usize = 1 << 20;

/// Time expressions of one chunk (appended to `found`), then its quantities: the scanner skips
/// the digits of strong time expressions.
fn scan_chunk(
    times: &mut TimeScanner,
    scanner: &mut Scanner,
    text: &str,
    vocab: &Vocabulary,
    found: &mut Vec<FoundTime>,
) -> Vec<Quantity> {
    let blocked = times.scan_strong(text, found);
    scanner.find(text, vocab, blocked)
}

impl Extractor {
    /// Extract every mention from a document, in order of position.
    pub fn extract(
        &mut self,
        doc: &Document,
        vocab: &Vocabulary,
        opts: ExtractOptions,
    ) -> Vec<Mention> {
        let chunks = self.live_chunks(doc, vocab, opts);
        self.scan(doc, &chunks, vocab);
        self.mentions(doc, &chunks, opts)
    }

    /// [`Self::extract`], after giving an undated document the date it implies: the first day
    /// of the latest year it names, marked `date_inferred` (time expressions are scanned once
    /// for both).
    pub fn extract_and_date(
        &mut self,
        doc: &mut Document,
        vocab: &Vocabulary,
        opts: ExtractOptions,
    ) -> Vec<Mention> {
        let chunks = self.live_chunks(doc, vocab, opts);
        self.scan(doc, &chunks, vocab);
        if doc.meta.date.is_none()
            && let Some(d) = inferred_date(&self.found)
        {
            doc.meta.date = Some(d);
            doc.meta.extra.insert("date_inferred".into(), "true".into());
        }
        self.mentions(doc, &chunks, opts)
    }

    /// The chunks of the body that may hold a quantity ([`prefilter`]); with `--periods`,
    /// every chunk (time expressions are listed on their own).
    ///
    /// A skipped chunk is exactly a chunk with no figure: it dates nothing and carries no
    /// period on, and the years it could name for an undated document's date need digits.
    fn live_chunks(
        &mut self,
        doc: &Document,
        vocab: &Vocabulary,
        opts: ExtractOptions,
    ) -> Vec<(usize, usize)> {
        let all = chunks(&doc.text, doc.body_start);
        self.live.clear();
        self.live.extend(
            all.iter().map(|&(s, e)| {
                opts.periods || prefilter::may_hold_quantity(&doc.text[s..e], vocab)
            }),
        );
        all
    }

    /// Find the time expressions and the quantities of every live chunk. A large document's
    /// chunks are scanned in parallel (on the caller's rayon pool); the results are the same,
    /// in the same order, as one thread gives.
    fn scan(&mut self, doc: &Document, chunks: &[(usize, usize)], vocab: &Vocabulary) {
        self.found.clear();
        self.found_at.clear();
        self.quantities.clear();
        if doc.text.len() >= PARALLEL_DOCUMENT && rayon::current_num_threads() > 1 {
            use rayon::prelude::*;
            let scanned: Vec<(Vec<FoundTime>, Vec<Quantity>)> = chunks
                .par_iter()
                .zip(&self.live)
                .map_init(
                    || (TimeScanner::default(), Scanner::default()),
                    |(times, scanner), (&(c_start, c_end), &live)| {
                        let mut found = Vec::new();
                        let quantities = if live {
                            scan_chunk(times, scanner, &doc.text[c_start..c_end], vocab, &mut found)
                        } else {
                            Vec::new()
                        };
                        (found, quantities)
                    },
                )
                .collect();
            for (found, quantities) in scanned {
                self.found_at.push(self.found.len());
                self.found.extend(found);
                self.quantities.push(quantities);
            }
        } else {
            for (&(c_start, c_end), &live) in chunks.iter().zip(&self.live) {
                self.found_at.push(self.found.len());
                let quantities = if live {
                    let text = &doc.text[c_start..c_end];
                    scan_chunk(
                        &mut self.times,
                        &mut self.scanner,
                        text,
                        vocab,
                        &mut self.found,
                    )
                } else {
                    Vec::new()
                };
                self.quantities.push(quantities);
            }
        }
        self.found_at.push(self.found.len());
    }

    fn mentions(
        &mut self,
        doc: &Document,
        chunks: &[(usize, usize)],
        opts: ExtractOptions,
    ) -> Vec<Mention> {
        let ctx = TimeContext {
            document_date: doc.meta.date,
        };
        // Sized once: a mention is large, and growing the vector copied every one of them.
        let figures: usize = self.quantities.iter().map(Vec::len).sum();
        let periods = if opts.periods { self.found.len() } else { 0 };
        let mut out = Vec::with_capacity(figures + periods);
        let mut carried: Option<PeriodOut> = None;
        // One copy of the name, shared by the document's mentions.
        let source: Arc<str> = Arc::from(doc.source.as_str());
        for (k, &(c_start, c_end)) in chunks.iter().enumerate() {
            // A paragraph without a figure dates nothing and carries no period on.
            if !self.live[k] {
                carried = None;
                continue;
            }
            let chunk = &doc.text[c_start..c_end];
            let found = &self.found[self.found_at[k]..self.found_at[k + 1]];
            let quantities = std::mem::take(&mut self.quantities[k]);
            // A paragraph without a figure dates nothing and carries no period on.
            if quantities.is_empty() && !opts.periods {
                carried = None;
                continue;
            }
            // The periods take the expressions as their own, in a buffer kept between
            // paragraphs (copied out only when they are also listed, with `--periods`).
            let scratch = &mut self.period_scratch;
            scratch.times.clear();
            scratch.times.extend(found.iter().map(|f| f.resolve(&ctx)));
            let times: Vec<TimeMention> = if opts.periods {
                scratch.times.clone()
            } else {
                Vec::new()
            };
            let carry = attach_periods(chunk, &quantities, carried.as_ref(), scratch);
            carried = carry;
            // Straight into `out`: a mention is large, and moving a chunk's worth each time
            // showed in profiles.
            let first = out.len();
            let spans: Vec<(usize, usize)> = if opts.periods {
                quantities.iter().map(|q| (q.start, q.end)).collect()
            } else {
                Vec::new()
            };
            out.extend(
                quantities
                    .into_iter()
                    .zip(self.period_scratch.attached.drain(..))
                    .map(|(q, (period, base))| {
                        quantity_mention(doc, &source, c_start, chunk, q, period, base)
                    }),
            );
            if opts.periods {
                for t in &times {
                    if matches!(t.kind, TimeKind::TimeOfDay) {
                        continue;
                    }
                    if spans.iter().any(|&(s, e)| s < t.end && t.start < e) {
                        continue;
                    }
                    out.push(period_mention(doc, &source, c_start, chunk, t));
                }
                out[first..].sort_by_key(|m| (m.start, m.end));
            }
        }
        out
    }
}

/// Marks of text left out of an excerpt. On a line of their own they end a paragraph: the
/// sentences on either side were not one paragraph in the original.
const ELISIONS: [&[u8]; 5] = [
    b"[...]",
    "[\u{2026}]".as_bytes(),
    b"(...)",
    "\u{2026}".as_bytes(),
    b"...",
];

/// If the line starting at `from` is blank (only spaces) or holds nothing but an elision mark,
/// the position of the line break that ends it.
fn blank_line_end(bytes: &[u8], from: usize) -> Option<usize> {
    let skip = |mut j: usize| {
        while j < bytes.len() && matches!(bytes[j], b' ' | b'\t' | b'\r') {
            j += 1;
        }
        j
    };
    let j = skip(from);
    if bytes.get(j) == Some(&b'\n') {
        return Some(j);
    }
    ELISIONS
        .iter()
        .filter(|m| bytes[j..].starts_with(m))
        .map(|m| skip(j + m.len()))
        .find(|&k| bytes.get(k) == Some(&b'\n'))
}

/// Byte spans of the chunks of the body: paragraphs, cut further when very long.
fn chunks(text: &str, body_start: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut start = body_start;
    let mut i = body_start;
    while i < bytes.len() {
        // Line by line (memchr), not byte by byte: only line ends and, in a giant line, spaces
        // can end a chunk.
        let nl = memchr::memchr(b'\n', &bytes[i..]).map_or(bytes.len(), |p| i + p);
        // A giant line: cut at the first space past twice the chunk size (a space is always
        // a character boundary), so no chunk grows without bound.
        while nl - start > MAX_CHUNK * 2 + 1 {
            let from = (start + MAX_CHUNK * 2 + 1).max(i);
            let Some(p) = memchr::memchr(b' ', &bytes[from..nl]) else {
                break;
            };
            out.push((start, from + p));
            start = from + p;
        }
        i = nl;
        if i == bytes.len() {
            break;
        }
        // A blank line (only spaces between two line breaks) ends a paragraph.
        if let Some(j) = blank_line_end(bytes, i + 1) {
            out.push((start, i));
            start = j;
            i = j;
            continue;
        }
        if i - start > MAX_CHUNK {
            out.push((start, i));
            start = i;
        }
        i += 1;
    }
    if start < bytes.len() {
        out.push((start, bytes.len()));
    }
    out
}

fn period_out(t: &TimeMention, chunk: &str, inherited: bool) -> PeriodOut {
    PeriodOut {
        start: t.period.start,
        end: t.period.end,
        text: chunk[t.start..t.end].to_string(),
        label: t.label.clone(),
        kind: t.kind,
        cumulative: t.cumulative,
        instant: t.instant,
        inherited,
        unresolved: t.unresolved.clone(),
    }
}

/// `from Fiscal Year 1992 through Fiscal Year 2002`: two periods joined by `through`, `to`,
/// `until` or `till` (after `from` or `between`) are one period, from the first's start to the
/// second's end.
///
/// In place: `times[..kept]` are the periods so far, and a joined pair takes the first's place.
fn join_ranges(chunk: &str, times: &mut Vec<TimeMention>) {
    let mut kept = 0usize;
    for i in 0..times.len() {
        if let Some(prev) = kept.checked_sub(1).map(|k| &times[k]) {
            let t = &times[i];
            // Read in place, ASCII case ignored: no lower-cased copies for every pair.
            let between = chunk[prev.end..t.start].trim();
            let before = tail(&chunk[..prev.start], 32).trim_end();
            let opened = ends_with_ignore_ascii_case(before, "from")
                || ends_with_ignore_ascii_case(before, "between");
            let joiner = ["through", "to", "until", "till", "and", "-", "\u{2013}"]
                .iter()
                .any(|w| between.eq_ignore_ascii_case(w));
            let ordered = matches!((prev.period.start, t.period.end), (Some(s), Some(e)) if s <= e);
            if opened && joiner && ordered && !prev.cumulative && !t.cumulative {
                let (start, period_start) = (prev.start, prev.period.start);
                let label = range_label(&prev.label, &t.label);
                // The second takes the first's place; the first, in the second's, is past
                // the periods kept and dropped at the end.
                times.swap(kept - 1, i);
                let joined = &mut times[kept - 1];
                joined.start = start;
                joined.period = crate::time::Period::new(period_start, joined.period.end);
                joined.label = label;
                joined.kind = TimeKind::YearRange;
                joined.instant = None;
                continue;
            }
        }
        times.swap(kept, i);
        kept += 1;
    }
    times.truncate(kept);
}

/// `{a}..{b}`, without the formatting machinery.
fn range_label(a: &str, b: &str) -> String {
    let mut label = String::with_capacity(a.len() + 2 + b.len());
    label.push_str(a);
    label.push_str("..");
    label.push_str(b);
    label
}

/// Whether a period is a window inside one year (`January-April 2023`, `Q3 2022`, `H1 2023`,
/// and `the first half of the year` once the document's date gives it a year): a window that
/// writers state once and then continue.
fn window_in_year(kind: TimeKind, start: Option<Date>, end: Option<Date>) -> bool {
    match kind {
        TimeKind::Months | TimeKind::Quarter | TimeKind::Half => true,
        TimeKind::Relative => matches!(
            (start, end),
            (Some(s), Some(e)) if s.year() == e.year() && (s.month() != 1 || s.day() != 1 || e.month() != 12 || e.day() != 31)
        ),
        _ => false,
    }
}

/// `the same period of 2022`, `the reporting period of 2023`: the window last named
/// (`January-April 2023`, here or carried from the paragraph before) in the year given.
fn same_period(chunk: &str, usable: &mut [TimeMention], carried: Option<&PeriodOut>) {
    let mut window: Option<(Date, Date)> = carried
        .filter(|c| window_in_year(c.kind, c.start, c.end))
        .and_then(|c| Some((c.start?, c.end?)));
    for t in usable.iter_mut() {
        if window_in_year(t.kind, t.period.start, t.period.end) {
            if let (Some(s), Some(e)) = (t.period.start, t.period.end) {
                window = Some((s, e));
            }
        } else if t.kind == TimeKind::Year {
            let before = tail(&chunk[..t.start], 32).trim_end();
            let same = [
                "same period of",
                "same period in",
                "same period last year",
                "same months of",
                "same period",
                // `in the reporting period of 2023`: the window the report is about.
                "reporting period of",
                "reporting period in",
            ]
            .iter()
            .any(|m| ends_with_ignore_ascii_case(before, m));
            if let (true, Some((s, e)), Some(y)) = (same, window, t.period.start.map(|d| d.year()))
                && let (Ok(ns), Ok(ne)) = (s.with().year(y).build(), e.with().year(y).build())
            {
                t.period = crate::time::Period::new(Some(ns), Some(ne.last_of_month()));
                t.kind = TimeKind::Months;
                t.label = format!("{}..{}", &ns.to_string()[..7], &ne.to_string()[..7]);
            }
        }
    }
}

/// The last `max` bytes of `text` or fewer, cut at a character boundary: the words just before
/// a position, without copying everything before it.
fn tail(text: &str, max: usize) -> &str {
    let mut from = text.len().saturating_sub(max);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    &text[from..]
}

/// The buffers of [`attach_periods`], kept between paragraphs.
#[derive(Default)]
struct PeriodScratch {
    /// Each figure's attachment, in order (drained by the caller).
    attached: Vec<Attachment>,
    /// The paragraph's time expressions (filled by the caller), then those that may date a
    /// figure.
    times: Vec<TimeMention>,
    /// The paragraph's sentences ([`segment::sentences_until`]).
    sentences: Vec<(usize, usize)>,
    /// The clause breaks of the current sentence.
    breaks: Vec<usize>,
    /// The current sentence's time expressions (indices in the paragraph's usable ones): all
    /// of them, the bases of a comparison and the others (levels).
    in_sentence: Vec<usize>,
    bases: Vec<usize>,
    levels: Vec<usize>,
    /// Read every sentence of the paragraph, not only up to a few past the last figure: the
    /// plain way, which tests set to hold the shortcut to it.
    all_sentences: bool,
}

/// A quantity's period and, for a change, its base period.
type Attachment = (Option<PeriodOut>, Option<PeriodOut>);

/// Phrases that make a time expression a few words after them the base of a comparison
/// (`compared to the figure for 2021`).
const NEAR_BASE_MARKERS: [&[u8]; 11] = [
    b"compared to ",
    b"compared with ",
    b"versus ",
    b"as against ",
    b"against ",
    b"in comparison with ",
    b"relative to ",
    // `5.2% more than in the same period last year`
    b"than in the same period",
    b"than the same period",
    b"than in the corresponding period",
    b"than the corresponding period",
];

/// For each byte, whether a phrase of [`NEAR_BASE_MARKERS`] starts with it.
static NEAR_BASE_FIRST: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < NEAR_BASE_MARKERS.len() {
        t[NEAR_BASE_MARKERS[i][0] as usize] = true;
        i += 1;
    }
    t
};

/// Whether `lower` (a window of at most a few dozen bytes) holds a phrase of
/// [`NEAR_BASE_MARKERS`]: one pass over its bytes, trying the phrases only where one may
/// start (eleven substring searches per time expression cost more than the rest of reading
/// its base).
fn holds_near_base_marker(lower: &[u8]) -> bool {
    (0..lower.len()).any(|p| {
        NEAR_BASE_FIRST[usize::from(lower[p])]
            && NEAR_BASE_MARKERS.iter().any(|m| lower[p..].starts_with(m))
    })
}

/// How many characters before a time expression a comparison phrase may start.
const NEAR_BASE_WINDOW: usize = 49;

/// Words that make a time expression the base of a comparison (`compared to 2021`), read in
/// `before`, the text of the paragraph before the expression.
///
/// Read in place, ASCII case ignored: the words before it, and the window a comparison phrase
/// may stand in, are not copied out lower-cased (only the part of the window the phrase may
/// be in, onto the stack).
fn is_base_marker(before: &str) -> bool {
    let before = before.trim_end();
    // The last two words before it (the last one possibly empty, after punctuation).
    let mut words = before.rsplit(|c: char| !c.is_alphanumeric() && c != '-');
    let last = words.next().unwrap_or("");
    let prev = words.next();
    let is = |w: &str, s: &str| w.eq_ignore_ascii_case(s);
    let ends = |w: &str, s: &str| {
        w.len() >= s.len() && w.as_bytes()[w.len() - s.len()..].eq_ignore_ascii_case(s.as_bytes())
    };
    // `first second` ends the last two words: `second` is the last word (no word holds a
    // space) and the one before ends with `first`.
    let two = |first: &str, second: &str| is(last, second) && prev.is_some_and(|p| ends(p, first));
    let word = ["than", "versus", "vs", "against", "over", "on"]
        .iter()
        .any(|w| is(last, w));
    if word
        || two("compared", "to")
        || two("compared", "with")
        || two("relative", "to")
        || ends(last, "from")
        || two("than", "in")
    {
        return true;
    }
    // `compared to the figure for 2021`: a comparison phrase a few words before, with no
    // figure or clause break in between, that is, in the part of the window after the last
    // digit, `,`, `;`, `.` or `(` (a phrase holds none of them).
    let window_start = before
        .char_indices()
        .rev()
        .nth(NEAR_BASE_WINDOW - 1)
        .map_or(0, |(i, _)| i);
    let window = &before.as_bytes()[window_start..];
    let clean = window
        .iter()
        .rposition(|&b| b.is_ascii_digit() || matches!(b, b',' | b';' | b'.' | b'('))
        .map_or(0, |p| p + 1);
    let mut buf = [0u8; 4 * NEAR_BASE_WINDOW];
    let lower = &mut buf[..window.len() - clean];
    for (l, &b) in lower.iter_mut().zip(&window[clean..]) {
        *l = b.to_ascii_lowercase();
    }
    let lower: &[u8] = lower;
    holds_near_base_marker(lower)
}

/// For each quantity: its period and, for a change, its base period.
///
/// `carried` is the last period of the paragraph before: a paragraph that names no time at
/// all (a wire brief writes one sentence a paragraph) continues it. The paragraph's time
/// expressions are read from `scratch.times`; the attachments are left in
/// `scratch.attached`, one per quantity. Returns the period to carry into the next paragraph.
fn attach_periods(
    chunk: &str,
    quantities: &[Quantity],
    carried: Option<&PeriodOut>,
    scratch: &mut PeriodScratch,
) -> Option<PeriodOut> {
    // The scanner gives quantities left to right, without overlaps: every lookup below is a
    // binary search, so a paragraph of many figures costs no more than its length.
    debug_assert!(quantities.windows(2).all(|w| w[0].end <= w[1].start));
    let overlaps_quantity = |t: &TimeMention| {
        let i = quantities.partition_point(|q| q.end <= t.start);
        quantities.get(i).is_some_and(|q| q.start < t.end)
    };
    let PeriodScratch {
        times,
        attached: out,
        sentences,
        breaks,
        in_sentence,
        bases,
        levels,
        all_sentences,
    } = scratch;
    // Filtered, dated and joined in place: no new list at each step.
    times.retain(|t| {
        !matches!(t.kind, TimeKind::TimeOfDay | TimeKind::Date) && !overlaps_quantity(t)
    });
    same_period(chunk, times, carried);
    join_ranges(chunk, times);
    times.sort_by_key(|t| t.start);
    let usable: &[TimeMention] = times;
    // Figures look for their period in their sentence and the one before, and the paragraph's
    // sentences are counted only up to four: the sentences past the last figure's are not
    // read ([`segment::sentences_until`] is a prefix of all of them).
    let until = match quantities.last() {
        Some(q) if !*all_sentences => q.end,
        _ => usize::MAX,
    };
    segment::sentences_until_into(chunk, until, sentences);
    let sentences: &[(usize, usize)] = sentences;
    // Time expressions outside brackets: a paragraph that names its own time by a figure's
    // sentence keeps to it (one in brackets restates a comparison, `($1.4 billion over the
    // same period of 2022)`). Found only when a figure could take the period carried from the
    // paragraph before, which few do: finding every bracket of every paragraph cost more than
    // the list is used.
    let unbracketed_starts = || {
        let opens: Vec<usize> = chunk.match_indices('(').map(|(i, _)| i).collect();
        let closes: Vec<usize> = chunk.match_indices(')').map(|(i, _)| i).collect();
        let last_before = |list: &[usize], pos: usize| {
            list.partition_point(|&i| i < pos)
                .checked_sub(1)
                .map(|k| list[k])
        };
        usable
            .iter()
            .filter(|t| {
                let open = last_before(&opens, t.start);
                let close = last_before(&closes, t.start);
                !matches!((open, close), (Some(o), c) if c.is_none_or(|c| c < o))
            })
            .map(|t| t.start)
            .collect::<Vec<usize>>()
    };
    // Where the unbracketed time expressions start, in order (found at most once).
    let mut unbracketed: Option<Vec<usize>> = None;
    out.clear();
    out.reserve(quantities.len());
    // The sentence's period, and the last sentence's, as the index in `out` of the figure
    // that took it: copied only when another figure inherits it, not for every figure.
    let mut prev_sentence_period: Option<(usize, usize)> = None;
    let mut current_sentence = usize::MAX;
    let mut sentence_period: Option<usize> = None;
    // The sentence's time expressions (all, bases of a comparison, levels; indices in
    // `usable`) and figures, read when the figures move on to a new sentence.
    let mut sentence_quantities: &[Quantity] = &[];
    // The sentence's first `hich` (for [`of_which_in`]), found at most once per sentence.
    let mut first_hich: Option<Option<usize>> = None;
    // The last figure whose period the next paragraph may continue.
    let mut carried_from: Option<usize> = None;
    for q in quantities {
        let si = sentences.partition_point(|&(_, e)| e <= q.start);
        let (s_start, s_end) = sentences.get(si).copied().unwrap_or((0, chunk.len()));
        if si != current_sentence {
            if let Some(p) = sentence_period.take() {
                prev_sentence_period = Some((current_sentence, p));
            }
            current_sentence = si;
            first_hich = None;
            segment::clause_breaks_into(chunk, s_start, s_end, breaks);
            let t_from = usable.partition_point(|t| t.start < s_start);
            let t_to = usable.partition_point(|t| t.start < s_end);
            in_sentence.clear();
            bases.clear();
            levels.clear();
            for k in (t_from..t_to).filter(|&k| usable[k].end <= s_end) {
                let t = &usable[k];
                in_sentence.push(k);
                // Whether it is the base of a comparison: read here, once (each sentence is
                // reached once), and only in a sentence with a figure.
                if t.kind != TimeKind::YearRange && is_base_marker(&chunk[..t.start]) {
                    bases.push(k);
                } else {
                    levels.push(k);
                }
            }
            // The other figures of the sentence.
            let q_from = quantities.partition_point(|o| o.start < s_start);
            let q_to = quantities.partition_point(|o| o.start < s_end);
            sentence_quantities = &quantities[q_from..q_to];
        }
        let clause_of = |pos: usize| breaks.partition_point(|&b| b < pos);
        let q_clause = clause_of(q.start);
        let distance = |t: &TimeMention| {
            if t.start >= q.end {
                t.start - q.end
            } else {
                q.start.saturating_sub(t.end)
            }
        };
        // Same clause first, then the nearest in the sentence.
        let near = |t: &TimeMention, same_clause: bool| {
            (!same_clause || clause_of(t.start) == q_clause)
                .then(|| (distance(t), t.start < q.start))
        };
        // A period in an earlier clause of the sentence counts when no other figure owns it
        // (sits in its clause) and no other figure stands between it and this one: `At the end of
        // 2018, investment hit a record, at $5.3 billion`. A change takes the period of the
        // level before it (`topped $3 billion in 2022, up 37.2% on 2021`); a rank, the
        // period of its sentence.
        let others = |t: &TimeMention| {
            let tc = clause_of(t.start);
            let in_sentence =
                |o: &&Quantity| o.start >= s_start && o.end <= s_end && !std::ptr::eq(*o, q);
            let owned = sentence_quantities
                .iter()
                .filter(in_sentence)
                .any(|o| clause_of(o.start) == tc);
            let (lo, hi) = if t.end <= q.start {
                (t.end, q.start)
            } else {
                (q.end, t.start)
            };
            let between = sentence_quantities
                .iter()
                .filter(in_sentence)
                .any(|o| o.start >= lo && o.end <= hi);
            (owned, between)
        };
        // `compared to January-April 2022 ($366.5 million)`: a figure in brackets right after a
        // period restates the level of that period, even a base period.
        let bracketed = in_sentence.iter().copied().find(|&k| {
            let t = &usable[k];
            t.end <= q.start
                && chunk[t.end..q.start]
                    .trim()
                    .trim_end_matches('(')
                    .trim()
                    .is_empty()
                && chunk[t.end..q.start].contains('(')
        });
        // `population: 20,000,000 (2025 est.)`, `growth: 4.8% (2024)`: a time alone in
        // brackets right after a figure (a short note such as `est.` may follow it) dates it, as
        // fact sheets write. Not `$5.3 billion (2022: $4.1 billion)`: the colon makes the
        // year the period of the figure after it.
        let bracket_after = || {
            levels.iter().copied().find(|&k| {
                let t = &usable[k];
                t.start >= q.end
                    && chunk[q.end..t.start].trim() == "("
                    && closes_a_note(&chunk[t.end..])
            })
        };
        // `Between January and October 2019, exports ... and imports ...`: a time clause that
        // opens the sentence dates every figure in it.
        let fronted = |t: &TimeMention| {
            if clause_of(t.start) != 0 {
                return false;
            }
            let c_end = breaks.first().copied().unwrap_or(s_end);
            // The words of the clause around the expression, counted in place (the two
            // pieces joined by a space have the words of both), up to three.
            let words_in = |s: &str| {
                s.split(|ch: char| !ch.is_alphanumeric())
                    .filter(|w| !w.is_empty())
                    .take(3)
                    .count()
            };
            let words =
                words_in(&chunk[s_start..t.start]) + words_in(&chunk[t.end..c_end.max(t.end)]);
            let figure = sentence_quantities
                .iter()
                .any(|o| o.start >= s_start && o.end <= c_end);
            words <= 2 && !figure && c_end < s_end
        };
        // `a turnover of $ 2.19 billion (7.5%) among 183 countries worldwide during the first
        // half of the year`: a time after a money figure, in a later clause, dates it when the
        // sentence names no time before it, no other money figure stands between them (`$5bn,
        // up from $4bn in 2021` dates only the $4bn) and no clause of its own starts between
        // them (`..., work that followed the renunciation in 1993`).
        let trailing_time = |t: &TimeMention| {
            q.kind == Kind::Currency
                && !levels.iter().any(|&l| usable[l].end <= q.start)
                && !sentence_quantities
                    .iter()
                    .any(|o| o.start >= q.end && o.end <= t.start && o.kind == q.kind)
                && chunk
                    .get(q.end..t.start)
                    .is_some_and(|gap| !opens_a_clause(gap))
        };
        // `($366.5 million)` after `compared to January-April 2022` restates the base: it is
        // not the period the paragraph is about, so it is not carried into the next one.
        let restates_base = bracketed.is_some_and(|b| bases.contains(&b));
        let level = bracketed
            .or_else(bracket_after)
            .map(|k| &usable[k])
            .or_else(|| nearest(pick(usable, levels), |t| near(t, true)))
            .or_else(|| {
                // No list of the allowed ones: the filter feeds the search.
                let allowed = pick(usable, levels).filter(|t| {
                    if q.kind == Kind::Rank {
                        return true;
                    }
                    if q.measure == Measure::Change {
                        return t.end <= q.start;
                    }
                    let (owned, between) = others(t);
                    if t.start >= q.end {
                        return trailing_time(t);
                    }
                    t.end <= q.start && (fronted(t) || !owned && !between)
                });
                nearest(allowed, |t| near(t, false))
            });
        let mut period = level.map(|t| period_out(t, chunk, false));
        // `$139.8 billion in 2023, of which exports accounted for $78.7 billion`: the parts
        // after `of which` share the period of the figure they are parts of, the one right
        // before it, of the same kind.
        if period.is_none()
            && let Some(text) = chunk.get(s_start..q.start)
            && let Some(at) = of_which_in(
                chunk
                    .as_bytes()
                    .get(s_start..s_end.max(q.start))
                    .unwrap_or(text.as_bytes()),
                text,
                &mut first_hich,
            )
            && let Some(j) = quantities
                .partition_point(|o| o.end <= s_start + at)
                .checked_sub(1)
            && quantities[j].start >= s_start
            && quantities[j].kind == q.kind
            && s_start + at - quantities[j].end <= 24
            && let Some((Some(p), _)) = out.get(j)
        {
            let mut p = p.clone();
            p.inherited = true;
            period = Some(p);
        }
        // `compared with $26.1 billion a year earlier`: the sentence's period, a year before.
        if period.is_none()
            && let Some(words) = chunk.get(q.end..s_end).and_then(year_earlier_after)
            && let Some(t) = nearest(pick(usable, levels), |t| near(t, false))
            && let Some(p) = year_before(&period_out(t, chunk, false), words)
        {
            period = Some(p);
        }
        if period.is_none()
            && matches!(
                q.kind,
                Kind::Currency | Kind::Percent | Kind::PercentagePoints
            )
            && q.role.is_none()
            && let Some((ps, at)) = prev_sentence_period
            && (ps + 1 == si || ps == si)
            && let Some(p) = &out[at].0
        {
            let mut p = p.clone();
            p.inherited = true;
            period = Some(p);
        }
        // The base of a change is stated with it, in its own clause (`up 16.4 percent, compared
        // to January-April 2022` counts its brackets and commas as one comparison); a base in
        // another clause belongs to another figure (`grown almost 2.5 times over six years ...,
        // an increase of 17.8 percent compared to 2021`).
        let base = if q.measure == Measure::Change {
            nearest(pick(usable, bases), |t| near(t, true))
                .or_else(|| {
                    // `up by 16.4 percent, compared to January-April 2022`: the next clause
                    // only when it is nothing but the comparison.
                    let next = pick(usable, bases)
                        .filter(|t| clause_of(t.start) == q_clause + 1 && t.start >= q.end)
                        .filter(|t| {
                            let b = breaks
                                .get(q_clause)
                                .copied()
                                .unwrap_or(t.start)
                                .min(t.start);
                            let lead = chunk[b..t.start]
                                .trim_start_matches([',', ';', ' '])
                                .to_ascii_lowercase();
                            ["compared", "against", "versus", "vs", "from", "over", "on "]
                                .iter()
                                .any(|w| lead.starts_with(w))
                        });
                    nearest(next, |t| near(t, false))
                })
                .map(|t| period_out(t, chunk, false))
                .map(|b| against_period(b, period.as_ref(), &chunk[s_start..s_end]))
        } else {
            None
        };
        if period
            .as_ref()
            .is_some_and(|p| !p.inherited || sentence_period.is_none())
        {
            sentence_period = Some(out.len());
        }
        // Only into a short paragraph (a wire brief's style), and only a window inside a year
        // (`Jan-Oct 2019`, `9M 2022`, `H1 2023`), which writers state once and continue ("over
        // the ten months"); never a cumulative total or a plan's years.
        if period.is_none()
            && sentences.len() <= 3
            && carried.is_some_and(|c| !c.cumulative && window_in_year(c.kind, c.start, c.end))
            && matches!(
                q.kind,
                Kind::Currency | Kind::Percent | Kind::PercentagePoints
            )
            && q.role.is_none()
            // A time named later in the paragraph (`... $1,496.2 million. The previous year,
            // ...`) dates the figures after it, not this one.
            && unbracketed
                .get_or_insert_with(unbracketed_starts)
                .first()
                .is_none_or(|&t| t >= s_end)
            && let Some(c) = carried
        {
            let mut c = c.clone();
            c.inherited = true;
            period = Some(c);
        }
        if !restates_base && period.is_some() {
            carried_from = Some(out.len());
        }
        out.push((period, base));
    }
    carried_from.and_then(|i| out[i].0.clone())
}

/// Whether `rest`, the text after a time expression in brackets, closes the brackets within
/// a short note (`)`, ` est.)`): no digit, `$` or `(` (another figure or time), no `:`, `;`
/// or `,` (another statement, as in `(2022: 3.9%)`), at most 16 bytes.
fn closes_a_note(rest: &str) -> bool {
    const LONGEST_NOTE: usize = 16;
    rest.bytes()
        .take(LONGEST_NOTE + 1)
        .position(|b| b == b')')
        .is_some_and(|close| {
            !rest.as_bytes()[..close]
                .iter()
                .any(|&b| b.is_ascii_digit() || matches!(b, b':' | b';' | b',' | b'(' | b'$'))
        })
}

/// Whether the words between a figure and a time after it start another clause: a comma or
/// semicolon outside brackets, or a relative word (`that`, `which`, `when`...).
fn opens_a_clause(gap: &str) -> bool {
    let mut depth = 0usize;
    for b in gap.bytes() {
        match b {
            b'(' | b'[' => depth += 1,
            b')' | b']' => depth = depth.saturating_sub(1),
            b',' | b';' if depth == 0 => return true,
            _ => {}
        }
    }
    gap.split(|c: char| !c.is_alphanumeric()).any(|w| {
        [
            "that", "which", "who", "whose", "where", "when", "while", "because",
        ]
        .iter()
        .any(|r| w.eq_ignore_ascii_case(r))
    })
}

/// Where `of which` stands in `text` (the sentence up to a figure), if it does.
fn of_which(text: &str) -> Option<usize> {
    // `hich` found by a vector search, then `of w` before it in any case: most sentences have
    // none, and this runs for every figure without a period of its own.
    // The searcher is built once: building it for every figure cost more than the search.
    static HICH: std::sync::LazyLock<memchr::memmem::FinderRev<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::FinderRev::new(b"hich"));
    let bytes = text.as_bytes();
    let mut end = bytes.len();
    while let Some(p) = HICH.rfind(&bytes[..end]) {
        if let Some(at) = p.checked_sub(4)
            && bytes[at..p].eq_ignore_ascii_case(b"of w")
        {
            return Some(at);
        }
        end = p;
    }
    None
}

/// [`of_which`] of `text`, a prefix of `sentence`, given (in `first`, found at the first call
/// for the sentence and kept for its other figures) where the sentence's first `hich` stands:
/// a text that ends before it holds none, and most sentences have none at all.
fn of_which_in(sentence: &[u8], text: &str, first: &mut Option<Option<usize>>) -> Option<usize> {
    static HICH: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new(b"hich"));
    let h = (*first.get_or_insert_with(|| HICH.find(sentence)))?;
    if h + 4 > text.len() {
        return None;
    }
    of_which(text)
}

/// `a year earlier`, `a year ago`, `one year before` right after a figure: the words, when
/// they are there.
fn year_earlier_after(rest: &str) -> Option<&str> {
    let trimmed = rest.trim_start();
    let skipped = rest.len() - trimmed.len();
    let mut words = trimmed.splitn(4, ' ');
    let (a, year, when) = (words.next()?, words.next()?, words.next()?);
    let when = when.trim_end_matches([',', '.', ';', ')']);
    let ok = (a.eq_ignore_ascii_case("a") || a.eq_ignore_ascii_case("one"))
        && year.eq_ignore_ascii_case("year")
        && ["earlier", "ago", "before"]
            .iter()
            .any(|w| when.eq_ignore_ascii_case(w));
    let len = a.len() + year.len() + when.len() + 2;
    ok.then(|| &rest[skipped..skipped + len])
}

/// The period a year before `p`, stated by `words` (`a year earlier`).
fn year_before(p: &PeriodOut, words: &str) -> Option<PeriodOut> {
    if p.cumulative {
        return None;
    }
    let m = crate::time::shift::year_earlier(p.start?, p.end?, p.instant)?;
    Some(moved_period(m, words.to_string(), false))
}

/// A period moved to another year ([`crate::time::shift`]) as a figure carries it, stated by
/// `text`.
fn moved_period(m: crate::time::shift::Moved, text: String, inherited: bool) -> PeriodOut {
    PeriodOut {
        start: Some(m.start),
        end: Some(m.end),
        text,
        label: m.label,
        kind: m.kind,
        cumulative: false,
        instant: m.instant,
        inherited,
        unresolved: None,
    }
}

/// Words that make a year stated as the base of a sub-year figure mean the figure's own months
/// in that year (`a 29% increase compared to the given period in 2017`).
const SAME_PERIOD: [&str; 5] = [
    "same period",
    "corresponding period",
    "given period",
    "like period",
    "same months",
];

/// A base period read against the figure's own period, where its words point back from it
/// rather than from the document's date: `up 37.2 percent from the previous year` in a
/// sentence about 2022 is against 2021, whenever the article was written; `compared to the
/// same period of 2017` for January-August 2018 is January-August 2017.
fn against_period(base: PeriodOut, period: Option<&PeriodOut>, sentence: &str) -> PeriodOut {
    let Some(p) = period.filter(|p| !p.cumulative) else {
        return base;
    };
    let (Some(start), Some(end)) = (p.start, p.end) else {
        return base;
    };
    let anaphoric = base.kind == TimeKind::Relative
        && contains_ignore_ascii_case(&base.text, "year")
        && ["previous", "preceding", "prior"]
            .iter()
            .any(|w| contains_ignore_ascii_case(&base.text, w));
    let moved = if anaphoric {
        crate::time::shift::year_earlier(start, end, p.instant)
    } else if (base.kind == TimeKind::Year || base.kind == TimeKind::Relative && whole_year(&base))
        && let Some(year) = base.start.map(|d| d.year())
        && year < start.year()
        && start.year() == end.year()
        && (start.month(), end.month()) != (1, 12)
        && SAME_PERIOD
            .iter()
            .any(|w| contains_ignore_ascii_case(sentence, w))
    {
        crate::time::shift::into_year(start, end, p.instant, year)
    } else {
        None
    };
    match moved {
        Some(m) => moved_period(m, base.text, base.inherited),
        None => base,
    }
}

/// Whether a period is one calendar year (`last year` resolved).
fn whole_year(p: &PeriodOut) -> bool {
    matches!((p.start, p.end), (Some(s), Some(e))
        if s.year() == e.year() && (s.month(), s.day(), e.month(), e.day()) == (1, 1, 12, 31))
}

/// The time expressions of `usable` at the indices `list`.
fn pick<'t>(usable: &'t [TimeMention], list: &[usize]) -> impl Iterator<Item = &'t TimeMention> {
    list.iter().map(move |&k| &usable[k])
}

/// The time expression of `list` with the least key (the first of equals), among those that
/// have one. Borrowed, not cloned: a figure copies only the period it takes.
fn nearest<'t>(
    list: impl IntoIterator<Item = &'t TimeMention>,
    key: impl Fn(&TimeMention) -> Option<(usize, bool)>,
) -> Option<&'t TimeMention> {
    list.into_iter()
        .filter_map(|t| key(t).map(|k| (k, t)))
        .min_by_key(|&(k, _)| k)
        .map(|(_, t)| t)
}

fn quantity_mention(
    doc: &Document,
    source: &Arc<str>,
    offset: usize,
    chunk: &str,
    q: Quantity,
    period: Option<PeriodOut>,
    base_period: Option<PeriodOut>,
) -> Mention {
    let start = offset + q.start;
    let end = offset + q.end;
    let (line, column) = doc.line_col(start);
    Mention {
        schema_version: SCHEMA_VERSION,
        item: "quantity",
        source: Arc::clone(source),
        line,
        column,
        start: doc.file_offset(start),
        end: doc.file_offset(end),
        text: chunk[q.start..q.end].to_string(),
        kind: kind_name(q.kind),
        value: q.value.map(Shown::Figure),
        low: q.interval.low.map(|e| Shown::Figure(e.value)),
        high: q.interval.high.map(|e| Shown::Figure(e.value)),
        low_inclusive: q.interval.low.map(|e| e.inclusive),
        high_inclusive: q.interval.high.map(|e| e.inclusive),
        bound: Some(q.bound),
        unit: q.unit,
        measure: Some(q.measure),
        direction: q.direction,
        role: q.role,
        qualifier: q.qualifier,
        per: q.per,
        period,
        base_period,
        error: q.error,
        interval: q.interval,
        decimal_value: q.value,
        text_start: start,
        text_end: end,
    }
}

/// The JSON name of a kind.
pub fn kind_name(k: Kind) -> &'static str {
    match k {
        Kind::Currency => "currency",
        Kind::Percent => "percent",
        Kind::PercentagePoints => "percentage_points",
        Kind::Count => "count",
        Kind::Number => "number",
        Kind::Rank => "rank",
    }
}

fn period_mention(
    doc: &Document,
    source: &Arc<str>,
    offset: usize,
    chunk: &str,
    t: &TimeMention,
) -> Mention {
    let start = offset + t.start;
    let end = offset + t.end;
    let (line, column) = doc.line_col(start);
    let iso = |d: Option<Date>| d.map(|d| Shown::Text(d.to_string()));
    // `after 2016` / `before 2018`: the open end's bound is the year named, as people read it;
    // the exact period (from 2017-01-01, until 2017-12-31) stays in `period`.
    let (low, high) = match (t.kind, t.anchor) {
        (TimeKind::After, Some(a)) => (iso(a.end), None),
        (TimeKind::Before, Some(a)) => (None, iso(a.start)),
        _ => (iso(t.period.start), iso(t.period.end)),
    };
    Mention {
        schema_version: SCHEMA_VERSION,
        item: "period",
        source: Arc::clone(source),
        line,
        column,
        start: doc.file_offset(start),
        end: doc.file_offset(end),
        text: chunk[t.start..t.end].to_string(),
        kind: "period",
        value: Some(Shown::Text(t.label.clone())),
        low_inclusive: low.as_ref().map(|_| !matches!(t.kind, TimeKind::After)),
        high_inclusive: high.as_ref().map(|_| !matches!(t.kind, TimeKind::Before)),
        low,
        high,
        bound: None,
        unit: None,
        measure: None,
        direction: None,
        role: None,
        qualifier: None,
        per: None,
        period: Some(period_out(t, chunk, false)),
        base_period: None,
        error: t.unresolved.clone(),
        interval: crate::interval::Interval::default(),
        decimal_value: None,
        text_start: start,
        text_end: end,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The byte-by-byte definition of [`chunks`], to hold the line-by-line one to it.
    fn chunks_by_byte(text: &str, body_start: usize) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let bytes = text.as_bytes();
        let mut start = body_start;
        let mut i = body_start;
        while i < bytes.len() {
            if bytes[i] == b'\n' {
                // A blank line (only spaces between two line breaks) ends a paragraph, as
                // does an elision mark on a line of its own.
                let mut j = i + 1;
                while j < bytes.len() && matches!(bytes[j], b' ' | b'\t' | b'\r') {
                    j += 1;
                }
                for mark in ELISIONS {
                    if bytes[j..].starts_with(mark) {
                        let mut k = j + mark.len();
                        while k < bytes.len() && matches!(bytes[k], b' ' | b'\t' | b'\r') {
                            k += 1;
                        }
                        if k < bytes.len() && bytes[k] == b'\n' {
                            j = k;
                        }
                    }
                }
                if j < bytes.len() && bytes[j] == b'\n' {
                    out.push((start, i));
                    start = j;
                    i = j;
                    continue;
                }
                if i - start > MAX_CHUNK {
                    out.push((start, i));
                    start = i;
                }
            } else if i - start > MAX_CHUNK * 2 && bytes[i] == b' ' && text.is_char_boundary(i) {
                // A giant line: cut at a space so no chunk grows without bound.
                out.push((start, i));
                start = i;
            }
            i += 1;
        }
        if start < bytes.len() {
            out.push((start, bytes.len()));
        }
        out
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
        /// Paragraphs, blank lines with spaces and tabs, elision marks, lines past the chunk
        /// size with and without spaces: the same chunks as the byte-by-byte loop.
        #[test]
        fn chunks_match_the_byte_by_byte_definition(
            pieces in proptest::collection::vec(0usize..10, 0..40),
            long in 1usize..3,
            body_start in 0usize..3,
        ) {
            let piece = |k: usize| -> String {
                match k {
                    0 => "word ".into(),
                    1 => "\n".into(),
                    2 => "\n\n".into(),
                    3 => " \t\r\n".into(),
                    4 => "x".repeat(MAX_CHUNK * long),
                    5 => "ab ".repeat(MAX_CHUNK * long / 3),
                    6 => "é ".into(),
                    7 => "[...]".into(),
                    8 => "\u{2026} ".into(),
                    _ => " ".into(),
                }
            };
            let text: String = pieces.into_iter().map(piece).collect();
            let body_start = body_start.min(text.len());
            if text.is_char_boundary(body_start) {
                proptest::prop_assert_eq!(chunks(&text, body_start), chunks_by_byte(&text, body_start));
            }
        }
    }

    /// The copying definition of [`is_base_marker`], to hold the one that reads in place to it.
    fn is_base_marker_by_copy(before: &str) -> bool {
        let before = before.trim_end();
        let mut words = before.rsplit(|c: char| !c.is_alphanumeric() && c != '-');
        let last = words.next().unwrap_or("").to_ascii_lowercase();
        let tail = match words.next() {
            Some(w) => format!("{} {last}", w.to_ascii_lowercase()),
            None => last.clone(),
        };
        let window_start = before.char_indices().rev().nth(48).map_or(0, |(i, _)| i);
        let window = before[window_start..].to_ascii_lowercase();
        let near = NEAR_BASE_MARKERS
            .iter()
            .map(memchr::memmem::FinderRev::new)
            .filter_map(|m| m.rfind(window.as_bytes()).map(|p| &window[p..]))
            .any(|rest| {
                !rest.contains(|c: char| c.is_ascii_digit() || matches!(c, ',' | ';' | '.' | '('))
            });
        near || matches!(
            last.as_str(),
            "than" | "versus" | "vs" | "against" | "over" | "on"
        ) || tail.ends_with("compared to")
            || tail.ends_with("compared with")
            || tail.ends_with("relative to")
            || tail.ends_with("from")
            || tail.ends_with("than in")
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(1024))]
        /// Comparison words and phrases in any case, cut, glued to other words, near and far
        /// (past the window), behind figures and clause breaks, with multi-byte characters.
        #[test]
        fn base_markers_are_read_as_the_copying_definition_reads_them(
            pieces in proptest::collection::vec(0usize..24, 0..14),
        ) {
            let piece = |k: usize| match k {
                0 => "compared to ",
                1 => "Compared With ",
                2 => "versus ",
                3 => "AGAINST ",
                4 => "as against ",
                5 => "in comparison with ",
                6 => "relative to ",
                7 => "than in ",
                8 => "than ",
                9 => "from ",
                10 => "therefrom",
                11 => "compared",
                12 => " to",
                13 => "the figure for ",
                14 => "2021 ",
                15 => ", ",
                16 => "(",
                17 => ". ",
                18 => "\u{e9}t\u{e9} ",
                19 => "on",
                20 => "x-over",
                21 => "vs.",
                22 => "   ",
                _ => "word ",
            };
            let before: String = pieces.into_iter().map(piece).collect();
            proptest::prop_assert_eq!(
                is_base_marker(&before),
                is_base_marker_by_copy(&before),
                "{:?}",
                before
            );
        }
    }

    /// Pieces of the `of which` proptests: the phrase in any case, cut, repeated, overlapping
    /// (`hichich`), next to a multi-byte character.
    fn of_which_piece(k: usize) -> &'static str {
        match k {
            0 => "of which ",
            1 => "OF WHICH",
            2 => "hich",
            3 => "of w",
            4 => "ich",
            5 => "\u{e9}",
            6 => "Of Whichich ",
            _ => "word ",
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(512))]
        /// `of which` in any case, cut, repeated, overlapping (`hichich`), at the start.
        #[test]
        fn of_which_is_found_as_the_searcher_per_call_found_it(
            pieces in proptest::collection::vec(0usize..8, 0..12),
        ) {
            let text: String = pieces.into_iter().map(of_which_piece).collect();
            let bytes = text.as_bytes();
            let by_iter = memchr::memmem::rfind_iter(bytes, b"hich")
                .filter_map(|p| p.checked_sub(4))
                .find(|&p| bytes[p..p + 4].eq_ignore_ascii_case(b"of w"));
            proptest::prop_assert_eq!(of_which(&text), by_iter, "{:?}", text);
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(512))]
        /// [`of_which_in`] finds what [`of_which`] finds in every prefix of a sentence, the
        /// prefixes taken in order with the sentence's first `hich` kept between them.
        #[test]
        fn of_which_in_a_sentence_is_of_which(
            pieces in proptest::collection::vec(0usize..8, 0..12),
        ) {
            let sentence: String = pieces.into_iter().map(of_which_piece).collect();
            let mut first = None;
            for len in (0..=sentence.len()).filter(|&l| sentence.is_char_boundary(l)) {
                let text = &sentence[..len];
                let fast = of_which_in(sentence.as_bytes(), text, &mut first);
                proptest::prop_assert_eq!(fast, of_which(text), "{:?} {}", sentence, len);
            }
        }
    }

    /// The control: [`of_which_in`] finds `of which` after the sentence's first `hich`.
    #[test]
    fn of_which_in_finds_it_past_the_first_hich() {
        let sentence = "Sales, which rose, were $9 billion, of which $3 billion abroad.";
        let mut first = None;
        assert_eq!(
            of_which_in(sentence.as_bytes(), &sentence[..20], &mut first),
            None
        );
        assert_eq!(first, Some(Some(8)));
        let at = of_which_in(sentence.as_bytes(), &sentence[..45], &mut first);
        assert_eq!(at, Some(36));
    }

    /// [`join_ranges`] as it was, building a new list: the in-place one must join the same.
    fn join_ranges_by_copy(chunk: &str, times: Vec<TimeMention>) -> Vec<TimeMention> {
        let mut out: Vec<TimeMention> = Vec::with_capacity(times.len());
        for t in times {
            if let Some(prev) = out.last() {
                // Read in place, ASCII case ignored: no lower-cased copies for every pair.
                let between = chunk[prev.end..t.start].trim();
                let before = tail(&chunk[..prev.start], 32).trim_end();
                let opened = ends_with_ignore_ascii_case(before, "from")
                    || ends_with_ignore_ascii_case(before, "between");
                let joiner = ["through", "to", "until", "till", "and", "-", "\u{2013}"]
                    .iter()
                    .any(|w| between.eq_ignore_ascii_case(w));
                let ordered =
                    matches!((prev.period.start, t.period.end), (Some(s), Some(e)) if s <= e);
                if opened && joiner && ordered && !prev.cumulative && !t.cumulative {
                    let prev = out.pop().unwrap_or_else(|| t.clone());
                    let mut joined = t.clone();
                    joined.start = prev.start;
                    joined.period = crate::time::Period::new(prev.period.start, t.period.end);
                    joined.label = format!("{}..{}", prev.label, t.label);
                    joined.kind = TimeKind::YearRange;
                    joined.instant = None;
                    out.push(joined);
                    continue;
                }
            }
            out.push(t);
        }
        out
    }

    /// Paragraphs of figures, periods (joined ranges, same-period bases, carried windows,
    /// `of which`, comparisons) and sentences of every length.
    fn period_text(pieces: &[usize]) -> String {
        const PIECES: [&str; 16] = [
            "Exports reached $3.1 billion in 2022, up 37 percent compared to 2021. ",
            "From 2019 through 2021 sales were $5 million. ",
            "Between Q1 2020 and Q3 2020, it fell 4%. ",
            "In January-April 2023, imports were $366.5 million (compared to January-April 2022 ($300 million)). ",
            "That is 12% more than in the same period of 2022. ",
            "It rose 5 percent. ",
            "The total was $139.8 billion in 2023, of which exports accounted for $78.7 billion. ",
            "Revenue was $26.1 billion a year earlier. ",
            "\n\n",
            "No figures here at all. ",
            "In H1 2023 output grew 3.2%",
            ", while costs fell by 1.1 percent. ",
            "from FY2010 to FY2012 ",
            "the 1990s saw 200 firms close. ",
            "Wages, at $1,200, rose 2% over 2020-2021. ",
            "\n",
        ];
        pieces.iter().map(|&k| PIECES[k % PIECES.len()]).collect()
    }

    fn extract_with(ex: &mut Extractor, text: &str, periods: bool) -> Vec<Mention> {
        let doc = Document::from_text("t.txt", text.to_string());
        let opts = ExtractOptions { periods };
        ex.extract(&doc, crate::rules::default_vocabulary(), opts)
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
        /// The periods of every figure are those of the plain way: every sentence of a
        /// paragraph read (not only up to four past its last figure), and fresh buffers for
        /// each document (not those a document before left behind).
        #[test]
        fn attach_periods_shortcuts_change_no_period(
            docs in proptest::collection::vec(proptest::collection::vec(0usize..64, 0..24), 1..4),
            periods in proptest::bool::ANY,
        ) {
            let mut reused = Extractor::default();
            for pieces in &docs {
                let text = period_text(pieces);
                let mut plain = Extractor::default();
                plain.period_scratch.all_sentences = true;
                let expected = extract_with(&mut plain, &text, periods);
                proptest::prop_assert_eq!(&extract_with(&mut reused, &text, periods), &expected);
            }
        }

        /// The ranges joined in place are those joined into a new list.
        #[test]
        fn join_ranges_in_place_matches_the_copy(pieces in proptest::collection::vec(0usize..64, 0..24)) {
            let text = period_text(&pieces).replace("\n", " ");
            let ctx = crate::time::TimeContext::default();
            let times = crate::time::find_time_mentions(&text, &ctx);
            let mut joined = times.clone();
            join_ranges(&text, &mut joined);
            proptest::prop_assert_eq!(joined, join_ranges_by_copy(&text, times));
        }

        #[test]
        fn range_label_is_the_formatted_one(a in ".{0,12}", b in ".{0,12}") {
            proptest::prop_assert_eq!(range_label(&a, &b), format!("{a}..{b}"));
        }
    }

    #[test]
    fn a_window_is_carried_only_into_a_short_paragraph_whatever_follows_its_figures() {
        // Four sentences: the figure of the first does not take the window carried from the
        // paragraph before, though its last three sentences are past its last figure.
        let head = "In January-April 2023, imports were $366.5 million.\n\nIt rose 5 percent.";
        for (tail, carried) in [
            (" No figures here. None here.", "2023-01..2023-04"),
            (" No figures here. None here. Nor here.", "-"),
            (" No figures here. None here. Nor here. Or here.", "-"),
        ] {
            let text = format!("{head}{tail}");
            let mut plain = Extractor::default();
            plain.period_scratch.all_sentences = true;
            let expected = extract_with(&mut plain, &text, false);
            assert_eq!(
                extract_with(&mut Extractor::default(), &text, false),
                expected
            );
            let got = periods(&text);
            assert_eq!(got[1].0, "5 percent");
            assert_eq!(got[1].1, carried, "{text}");
        }
    }

    #[test]
    fn the_shortcuts_see_joined_ranges_and_long_paragraphs() {
        // Positive controls for the property above: the texts do join ranges, and a paragraph
        // does go on for more than four sentences past its last figure.
        let text = period_text(&[1, 12, 13]);
        let times = crate::time::find_time_mentions(&text, &crate::time::TimeContext::default());
        let mut joined = times.clone();
        join_ranges(&text, &mut joined);
        assert!(joined.len() < times.len(), "{joined:?}");
        let text = period_text(&[0, 9, 9, 9, 9, 9, 9]);
        assert!(segment::sentences_until(&text, 70).len() < segment::sentences(&text).len());
    }

    #[test]
    fn chunks_split_at_blank_lines() {
        let text = "a\nb\n\nc\n  \nd";
        let c = chunks(text, 0);
        let parts: Vec<&str> = c.iter().map(|&(s, e)| text[s..e].trim()).collect();
        assert_eq!(parts, ["a\nb", "c", "d"]);
    }

    fn periods(text: &str) -> Vec<(String, String, String)> {
        let doc = Document::from_text("t.txt", text.to_string());
        let label = |p: &Option<PeriodOut>| p.as_ref().map_or("-".into(), |p| p.label.clone());
        Extractor::default()
            .extract(
                &doc,
                crate::rules::default_vocabulary(),
                ExtractOptions::default(),
            )
            .iter()
            .filter(|m| m.value.is_some())
            .map(|m| (m.text.clone(), label(&m.period), label(&m.base_period)))
            .collect()
    }

    /// Fact sheets date a figure with a year in brackets after it; a colon in the brackets
    /// makes the year the period of the figure after it instead.
    #[test]
    fn a_year_in_brackets_after_a_figure_dates_it() {
        let got = periods(
            "Population: 20,000,000 (2025 est.)\n\nGrowth rate: 4.8% (2024)\n\nArable land: 12.4% (March 2023)",
        );
        let labels: Vec<(&str, &str)> = got
            .iter()
            .map(|(t, p, _)| (t.as_str(), p.as_str()))
            .collect();
        assert_eq!(
            labels,
            [
                ("20,000,000", "2025"),
                ("4.8%", "2024"),
                ("12.4%", "2023-03")
            ]
        );
        // Not a note but another statement: the year is not this figure's.
        let got = periods("Output: 4.1% (2022: 3.9%)");
        assert_eq!(got[0].1, "-");
        assert_eq!(got[1], ("3.9%".into(), "2022".into(), "-".into()));
        // Brackets that go on past the year with more than a short note are not a date for
        // it.
        let got = periods("Output: 4.1% (2022 for the whole region)");
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].1, "-");
    }

    #[test]
    fn closes_a_note_takes_short_notes_only() {
        assert!(closes_a_note(")"));
        assert!(closes_a_note(" est.) and more"));
        assert!(!closes_a_note(": 3.9%)"));
        assert!(!closes_a_note(" and 2023)"));
        assert!(!closes_a_note(" figures revised in March)"));
        assert!(!closes_a_note(" est."));
    }

    #[test]
    fn more_than_in_a_year_is_the_base_of_a_change() {
        let got = periods("Trade reached $3.1 billion in 2022, 37 percent more than in 2021.");
        assert_eq!(
            got[1],
            ("37 percent more".into(), "2022".into(), "2021".into())
        );
    }

    #[test]
    fn a_base_that_points_back_counts_from_the_figures_period() {
        // Written in 2023 about 2022: `the previous year` is 2021, not the year before the
        // document's date.
        let text = "---\ndate: 2023-03-14\n---\nTrade exceeded $3 billion in 2022, up 37.2 percent from the previous year.";
        assert_eq!(
            periods(text)[1],
            ("37.2 percent".into(), "2022".into(), "2021".into())
        );
        // `the same period of 2017` for January-August 2018 is January-August 2017.
        let got = periods(
            "Trade reached $1.46 billion in January-August 2018, a 29% increase compared to the same period in 2017.",
        );
        assert_eq!(
            got[1],
            (
                "29% increase".into(),
                "2018-01..2018-08".into(),
                "2017-01..2017-08".into()
            )
        );
        // Without those words a year stays a year.
        let got = periods(
            "Trade reached $1.46 billion in January-August 2018, a 29% increase compared to 2017.",
        );
        assert_eq!(got[1].2, "2017");
    }

    #[test]
    fn a_window_is_continued_past_an_elision_and_by_the_reporting_period() {
        let text = "---\ndate: 2023-05-22\n---\nTrade reached $1.5 billion in January-April 2023.\n\nIn the reporting period of 2023, exports amounted to $426.8 million.\n[...]\nImports totaled $1.08 billion.";
        let got: Vec<(String, String)> =
            periods(text).into_iter().map(|(t, p, _)| (t, p)).collect();
        assert_eq!(
            got,
            [
                ("$1.5 billion".into(), "2023-01..2023-04".into()),
                // The window named before, in the year given.
                ("$426.8 million".into(), "2023-01..2023-04".into()),
                // An elision mark on its own line ends the paragraph: the short one after it
                // continues the window.
                ("$1.08 billion".into(), "2023-01..2023-04".into()),
            ]
        );
        // `the first half of the year`, once dated, is a window too; a time named in a later
        // sentence of the paragraph does not stop the figures before it from continuing it.
        let text = "---\ndate: 2023-07-21\n---\nTurnover was $2.19 billion during the first half of the year.\n\nExports were $699.3 million. The previous year, trade was nearly $5 billion.";
        let got: Vec<(String, String)> =
            periods(text).into_iter().map(|(t, p, _)| (t, p)).collect();
        assert_eq!(
            got,
            [
                ("$2.19 billion".into(), "2023-H1".into()),
                ("$699.3 million".into(), "2023-H1".into()),
                ("nearly $5 billion".into(), "2022".into()),
            ]
        );
        // But a time named before the figure's sentence does: the paragraph keeps to its own.
        let text = "---\ndate: 2023-07-21\n---\nTurnover was $2.19 billion in H1 2023.\n\nIn 2022, exports rose. Imports were $699.3 million.";
        assert_eq!(periods(text)[1].1, "-");
    }

    #[test]
    fn elision_marks_end_paragraphs_only_on_lines_of_their_own() {
        assert_eq!(blank_line_end(b"[...]\nx", 0), Some(5));
        assert_eq!(blank_line_end("  \u{2026}  \nx".as_bytes(), 0), Some(7));
        assert_eq!(blank_line_end(b"[...] more\n", 0), None);
        assert_eq!(blank_line_end(b"...", 0), None);
        assert_eq!(blank_line_end(b" \t\n", 0), Some(2));
    }

    #[test]
    fn a_year_earlier_of_which_and_the_same_period_last_year() {
        let text = "---\ndate: 2024-03-05\n---\nTrade totaled $26.3 billion in 2023, compared with $26.1 billion a year earlier.\n\nIn the first quarter of 2024, trade amounted to $6.1 billion, 5.2% more than in the same period last year.\n\nForeign trade in 2023 reached $139.8 billion, of which exports accounted for $78.7 billion.";
        let got = periods(text);
        assert_eq!(
            got,
            [
                ("$26.3 billion".into(), "2023".into(), "-".into()),
                ("$26.1 billion".into(), "2022".into(), "-".into()),
                ("$6.1 billion".into(), "2024-Q1".into(), "-".into()),
                ("5.2% more".into(), "2024-Q1".into(), "2023-Q1".into()),
                ("$139.8 billion".into(), "2023".into(), "-".into()),
                ("$78.7 billion".into(), "2023".into(), "-".into()),
            ]
        );
    }

    #[test]
    fn a_restated_base_is_not_carried_into_the_next_paragraph() {
        let got = periods(
            "In January-April 2023, exports amounted to $426.8 million, up by 16.4 percent compared to January-April 2022 ($366.5 million).\n\nImports totaled $1.08 billion.",
        );
        assert_eq!(got[2].1, "2022-01..2022-04", "{got:?}");
        assert_eq!(
            got[3],
            (
                "$1.08 billion".into(),
                "2023-01..2023-04".into(),
                "-".into()
            )
        );
    }

    #[test]
    fn many_figures_in_one_sentence_keep_their_own_periods() {
        // A run with no sentence end is cut into bounded sentences; the figure and the year
        // next to it stay together however long the run.
        let text = "exports were $5 billion in 2021 and ".repeat(500);
        let got = periods(&text);
        assert_eq!(got.len(), 500);
        assert!(
            got.iter().all(|(t, p, _)| t == "$5 billion" && p == "2021"),
            "{got:?}"
        );
    }
}
