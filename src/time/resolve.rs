//! Turns a scanned expression into a [`TimeMention`]: dates, label, kind.
//!
//! Relative expressions are resolved from the document's date, simply: `last year` is the
//! calendar year before the document's, `this month` the document's month, `last quarter` the
//! calendar quarter before the document's, `last March` the most recent March strictly before
//! the document's month (`this March`: the document's year; `next March`: the first March
//! strictly after the document's month). Without a document date they stay unresolved.

use jiff::civil::Date;

use super::period::MONTH_NAMES;
use super::scan::{Edge, Found, Op, RelUnit, V, half_months, month_at, quarter_months};
use super::{Period, TimeContext, TimeKind, TimeMention};
use Part::{N, S};

const NO_DOC_DATE: &str = "relative to the document's date, which is unknown";
const FISCAL: &str = "fiscal year: calendar depends on the entity (set in rules)";

fn ymd(y: i32, m: u8, d: u8) -> Option<Date> {
    Date::new(
        i16::try_from(y).ok()?,
        i8::try_from(m).ok()?,
        i8::try_from(d).ok()?,
    )
    .ok()
}

fn month_end(y: i32, m: u8) -> Option<Date> {
    ymd(y, m, 1).map(Date::last_of_month)
}

fn months(y1: i32, m1: u8, y2: i32, m2: u8) -> Period {
    Period::new(ymd(y1, m1, 1), month_end(y2, m2))
}

/// Months `m1..=m2` of year `y`.
fn months_of(y: i32, (m1, m2): (u8, u8)) -> Period {
    months(y, m1, y, m2)
}

/// A piece of a label: text, or a number zero-padded to a width (`{n:0w$}`).
#[derive(Clone, Copy)]
enum Part<'a> {
    S(&'a str),
    N(i32, usize),
}

/// Appends `n` as `format!("{n:0width$}")` writes it: the sign counts in the width.
fn push_padded(out: &mut String, n: i32, width: usize) {
    let mut digits = [0u8; 10];
    let mut v = n.unsigned_abs();
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    if n < 0 {
        out.push('-');
    }
    let written = digits.len() - at + usize::from(n < 0);
    for _ in written..width {
        out.push('0');
    }
    out.extend(digits[at..].iter().map(|&d| char::from(d)));
}

/// A label from its pieces, in one allocation and without the formatting machinery (a label
/// is built for every time expression of every paragraph).
fn label(parts: &[Part<'_>]) -> String {
    let len = parts
        .iter()
        .map(|p| match p {
            Part::S(s) => s.len(),
            Part::N(_, w) => (*w).max(11),
        })
        .sum();
    let mut out = String::with_capacity(len);
    for p in parts {
        match *p {
            Part::S(s) => out.push_str(s),
            Part::N(n, w) => push_padded(&mut out, n, w),
        }
    }
    out
}

/// The label of months `m1..=m2` of year `y` at their own grain.
pub(super) fn part_label(y: i32, m1: u8, m2: u8) -> (String, TimeKind) {
    if m1 == m2 {
        (label(&[N(y, 4), S("-"), N(m1.into(), 2)]), TimeKind::Month)
    } else if m2 == m1 + 2 && m1 % 3 == 1 {
        (
            label(&[N(y, 4), S("-Q"), N((m2 / 3).into(), 0)]),
            TimeKind::Quarter,
        )
    } else if m2 == m1 + 5 && m1 % 6 == 1 {
        (
            label(&[N(y, 4), S("-H"), N((m2 / 6).into(), 0)]),
            TimeKind::Half,
        )
    } else if m1 == 1 && m2 == 12 {
        (label(&[N(y, 4)]), TimeKind::Year)
    } else {
        (
            label(&[
                N(y, 4),
                S("-"),
                N(m1.into(), 2),
                S(".."),
                N(y, 4),
                S("-"),
                N(m2.into(), 2),
            ]),
            TimeKind::Months,
        )
    }
}

fn rel_word(off: i8) -> &'static str {
    match off {
        ..=-1 => "last",
        0 => "this",
        _ => "next",
    }
}

/// The period, label, kind and note of a point.
fn point(v: V, ctx: &TimeContext) -> (Period, String, TimeKind, Option<String>) {
    let doc = ctx.document_date;
    match v {
        V::Year(y) => (months(y, 1, y, 12), label(&[N(y, 0)]), TimeKind::Year, None),
        V::Month(y, m) => (
            months(y, m, y, m),
            label(&[N(y, 4), S("-"), N(m.into(), 2)]),
            TimeKind::Month,
            None,
        ),
        V::Quarter(y, q) => (
            months_of(y, quarter_months(q)),
            label(&[N(y, 4), S("-Q"), N(q.into(), 0)]),
            TimeKind::Quarter,
            None,
        ),
        V::Half(y, h) => (
            months_of(y, half_months(h)),
            label(&[N(y, 4), S("-H"), N(h.into(), 0)]),
            TimeKind::Half,
            None,
        ),
        V::Span(y1, m1, y2, m2) => (
            months(y1, m1, y2, m2),
            label(&[
                N(y1, 4),
                S("-"),
                N(m1.into(), 2),
                S(".."),
                N(y2, 4),
                S("-"),
                N(m2.into(), 2),
            ]),
            TimeKind::Months,
            None,
        ),
        V::YearRange(a, b) => (
            months(a, 1, b, 12),
            label(&[N(a, 0), S(".."), N(b, 0)]),
            TimeKind::YearRange,
            None,
        ),
        V::Decade(d) => (
            months(d, 1, d + 9, 12),
            label(&[N(d, 0), S("s")]),
            TimeKind::Decade,
            None,
        ),
        V::Century(c) => (
            months(c, 1, c + 99, 12),
            label(&[N(c, 0), S("s")]),
            TimeKind::Century,
            None,
        ),
        V::FyUs(y) => (
            Period::new(ymd(y - 1, 10, 1), ymd(y, 9, 30)),
            label(&[S("FY"), N(y, 0)]),
            TimeKind::FiscalYear,
            None,
        ),
        // Its date depends on the country: left open, before anything compared with it.
        V::Independence => (
            Period::default(),
            "independence".to_owned(),
            TimeKind::Since,
            None,
        ),
        V::FyRange(y1, y2) => (
            Period::new(ymd(y1 - 1, 10, 1), ymd(y2, 9, 30)),
            label(&[S("FY"), N(y1, 0), S("..FY"), N(y2, 0)]),
            TimeKind::FiscalYear,
            None,
        ),
        V::FySplit(y) => (
            months(y, 1, y + 1, 12),
            label(&[S("FY"), N(y, 0), S("-"), N((y + 1) % 100, 2)]),
            TimeKind::FiscalYear,
            Some(FISCAL.to_owned()),
        ),
        V::Day(y, m, d) => {
            let day = ymd(y, m, d);
            (
                Period::new(day, day),
                label(&[N(y, 4), S("-"), N(m.into(), 2), S("-"), N(d.into(), 2)]),
                TimeKind::Date,
                None,
            )
        }
        V::Days(Some(y), m1, d1, m2, d2) => {
            let y1 = if m1 > m2 { y - 1 } else { y };
            (
                Period::new(ymd(y1, m1, d1), ymd(y, m2, d2)),
                label(&[
                    N(y1, 4),
                    S("-"),
                    N(m1.into(), 2),
                    S("-"),
                    N(d1.into(), 2),
                    S(".."),
                    N(y, 4),
                    S("-"),
                    N(m2.into(), 2),
                    S("-"),
                    N(d2.into(), 2),
                ]),
                TimeKind::Date,
                None,
            )
        }
        V::Days(None, m1, d1, m2, d2) => (
            Period::default(),
            format!("--{m1:02}-{d1:02}..--{m2:02}-{d2:02}"),
            TimeKind::Date,
            Some("the year is not given".to_owned()),
        ),
        V::DayNoYear(m, d) => (
            Period::default(),
            format!("--{m:02}-{d:02}"),
            TimeKind::Date,
            Some("the year is not given".to_owned()),
        ),
        V::Time(h, m) => (
            Period::default(),
            format!("{h:02}:{m:02}"),
            TimeKind::TimeOfDay,
            None,
        ),
        V::RelMonth(m, off) => {
            let name = MONTH_NAMES[usize::from(m.clamp(1, 12) - 1)];
            let Some(d) = doc else {
                return (
                    Period::default(),
                    format!("{} {name}", rel_word(off)),
                    TimeKind::Relative,
                    Some(NO_DOC_DATE.to_owned()),
                );
            };
            let (dy, dm) = (i32::from(d.year()), d.month() as u8);
            let y = match off {
                ..=-1 => {
                    if dm > m {
                        dy
                    } else {
                        dy - 1
                    }
                }
                0 => dy,
                _ => {
                    if dm < m {
                        dy
                    } else {
                        dy + 1
                    }
                }
            };
            (
                months(y, m, y, m),
                label(&[N(y, 4), S("-"), N(m.into(), 2)]),
                TimeKind::Relative,
                None,
            )
        }
        V::Rel(unit, off) => {
            let unit_word = match unit {
                RelUnit::Year => "year",
                RelUnit::Month => "month",
                RelUnit::Quarter => "quarter",
            };
            let Some(d) = doc else {
                return (
                    Period::default(),
                    format!("{} {unit_word}", rel_word(off)),
                    TimeKind::Relative,
                    Some(NO_DOC_DATE.to_owned()),
                );
            };
            let (dy, dm) = (i32::from(d.year()), i32::from(d.month()));
            let off = i32::from(off);
            match unit {
                RelUnit::Year => {
                    let y = dy + off;
                    (
                        months(y, 1, y, 12),
                        label(&[N(y, 0)]),
                        TimeKind::Relative,
                        None,
                    )
                }
                RelUnit::Month => {
                    let (y, m) = month_at(dy * 12 + (dm - 1) + off);
                    (
                        months(y, m, y, m),
                        label(&[N(y, 4), S("-"), N(m.into(), 2)]),
                        TimeKind::Relative,
                        None,
                    )
                }
                RelUnit::Quarter => {
                    let idx = dy * 4 + (dm - 1) / 3 + off;
                    let (y, q) = (idx.div_euclid(4), (idx.rem_euclid(4) + 1) as u8);
                    (
                        months_of(y, quarter_months(q)),
                        label(&[N(y, 4), S("-Q"), N(q.into(), 0)]),
                        TimeKind::Relative,
                        None,
                    )
                }
            }
        }
        V::YearlessSpan(m1, m2) => match doc {
            Some(d) => {
                // The document's year, unless the span has not begun by its date (`between
                // October and December` in a March report is last year's).
                let y = i32::from(d.year()) - i32::from(m1 > d.month().unsigned_abs());
                let (label, _) = part_label(y, m1, m2);
                (months(y, m1, y, m2), label, TimeKind::Months, None)
            }
            None => (
                Period::default(),
                format!("{m1:02}..{m2:02} of an unstated year"),
                TimeKind::Months,
                Some(NO_DOC_DATE.to_owned()),
            ),
        },
        V::RelPart(off, m1, m2) => match doc {
            Some(d) => {
                let y = i32::from(d.year()) + i32::from(off);
                let (label, _) = part_label(y, m1, m2);
                (months(y, m1, y, m2), label, TimeKind::Relative, None)
            }
            None => {
                let (part, _) = part_label(0, m1, m2);
                let part = part.replace("0000-", "").replace("0000", "");
                (
                    Period::default(),
                    format!("{part} of {} year", rel_word(off)),
                    TimeKind::Relative,
                    Some(NO_DOC_DATE.to_owned()),
                )
            }
        },
        // Never reported: a bare month or quarter only appears inside a span.
        V::BareMonth(_) | V::BareQuarter(_) | V::BareHalf(_) => (
            Period::default(),
            String::new(),
            TimeKind::Relative,
            Some("the year is not given".to_owned()),
        ),
    }
}

/// Builds the mention for `f`, spanning bytes `start..end`.
pub(super) fn mention(
    f: &Found,
    start: usize,
    end: usize,
    strong: bool,
    ctx: &TimeContext,
) -> TimeMention {
    let (p, own_label, kind, note) = point(f.v, ctx);
    let mut m = TimeMention {
        start,
        end,
        kind,
        period: p,
        label: own_label,
        cumulative: false,
        instant: None,
        strong,
        unresolved: note,
        anchor: None,
    };
    if let V::Day(..) = f.v {
        m.instant = p.start;
    }
    // The day the operator refers to, for an edge ("since the end of 2018").
    let (first, last) = match f.edge {
        Edge::Whole => (p.start, p.end),
        Edge::End => (p.end, p.end),
        Edge::Start => (p.start, p.start),
    };
    let edge_word = match f.edge {
        Edge::Whole => "",
        Edge::End => "end of ",
        Edge::Start => "start of ",
    };
    if f.op == Op::None {
        let (kind, instant) = match f.edge {
            Edge::Whole => return m,
            Edge::End => (TimeKind::EndOf, p.end),
            Edge::Start => (TimeKind::StartOf, p.start),
        };
        m.kind = kind;
        m.instant = instant;
        m.anchor = Some(p);
        m.label = label(&[S(edge_word), S(&m.label)]);
        return m;
    }
    m.anchor = Some(p);
    m.instant = None;
    let (kind, word, period) = match f.op {
        // `since independence`: a total up to the document's date, its start unknown.
        Op::Since if f.v == V::Independence => {
            m.cumulative = true;
            (
                TimeKind::Since,
                "since",
                Period::new(None, ctx.document_date),
            )
        }
        Op::Since => {
            let end = ctx.document_date.filter(|d| first.is_some_and(|s| *d >= s));
            m.cumulative = true;
            (TimeKind::Since, "since", Period::new(first, end))
        }
        Op::After => (
            TimeKind::After,
            "after",
            Period::new(last.and_then(|d| d.tomorrow().ok()), None),
        ),
        Op::Before => (
            TimeKind::Before,
            "before",
            Period::new(None, first.and_then(|d| d.yesterday().ok())),
        ),
        Op::Until => (TimeKind::Until, "until", Period::new(None, last)),
        Op::By => (TimeKind::Until, "by", Period::new(None, last)),
        Op::None => (m.kind, "", m.period),
    };
    m.kind = kind;
    m.period = period;
    m.label = label(&[S(word), S(" "), S(edge_word), S(&m.label)]);
    m
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    // The labels as they were written, with `format!`: the pieces must give the same text.
    /// The label of months `m1..=m2` of year `y` at their own grain.
    fn part_label_by_format(y: i32, m1: u8, m2: u8) -> (String, TimeKind) {
        if m1 == m2 {
            (format!("{y:04}-{m1:02}"), TimeKind::Month)
        } else if m2 == m1 + 2 && m1 % 3 == 1 {
            (format!("{y:04}-Q{}", m2 / 3), TimeKind::Quarter)
        } else if m2 == m1 + 5 && m1 % 6 == 1 {
            (format!("{y:04}-H{}", m2 / 6), TimeKind::Half)
        } else if m1 == 1 && m2 == 12 {
            (format!("{y:04}"), TimeKind::Year)
        } else {
            (format!("{y:04}-{m1:02}..{y:04}-{m2:02}"), TimeKind::Months)
        }
    }

    /// The period, label, kind and note of a point.
    fn point_by_format(v: V, ctx: &TimeContext) -> (Period, String, TimeKind, Option<String>) {
        let doc = ctx.document_date;
        match v {
            V::Year(y) => (months(y, 1, y, 12), format!("{y}"), TimeKind::Year, None),
            V::Month(y, m) => (
                months(y, m, y, m),
                format!("{y:04}-{m:02}"),
                TimeKind::Month,
                None,
            ),
            V::Quarter(y, q) => (
                months_of(y, quarter_months(q)),
                format!("{y:04}-Q{q}"),
                TimeKind::Quarter,
                None,
            ),
            V::Half(y, h) => (
                months_of(y, half_months(h)),
                format!("{y:04}-H{h}"),
                TimeKind::Half,
                None,
            ),
            V::Span(y1, m1, y2, m2) => (
                months(y1, m1, y2, m2),
                format!("{y1:04}-{m1:02}..{y2:04}-{m2:02}"),
                TimeKind::Months,
                None,
            ),
            V::YearRange(a, b) => (
                months(a, 1, b, 12),
                format!("{a}..{b}"),
                TimeKind::YearRange,
                None,
            ),
            V::Decade(d) => (
                months(d, 1, d + 9, 12),
                format!("{d}s"),
                TimeKind::Decade,
                None,
            ),
            V::Century(c) => (
                months(c, 1, c + 99, 12),
                format!("{c}s"),
                TimeKind::Century,
                None,
            ),
            V::FyUs(y) => (
                Period::new(ymd(y - 1, 10, 1), ymd(y, 9, 30)),
                format!("FY{y}"),
                TimeKind::FiscalYear,
                None,
            ),
            // Its date depends on the country: left open, before anything compared with it.
            V::Independence => (
                Period::default(),
                "independence".to_owned(),
                TimeKind::Since,
                None,
            ),
            V::FyRange(y1, y2) => (
                Period::new(ymd(y1 - 1, 10, 1), ymd(y2, 9, 30)),
                format!("FY{y1}..FY{y2}"),
                TimeKind::FiscalYear,
                None,
            ),
            V::FySplit(y) => (
                months(y, 1, y + 1, 12),
                format!("FY{y}-{:02}", (y + 1) % 100),
                TimeKind::FiscalYear,
                Some(FISCAL.to_owned()),
            ),
            V::Day(y, m, d) => {
                let day = ymd(y, m, d);
                (
                    Period::new(day, day),
                    format!("{y:04}-{m:02}-{d:02}"),
                    TimeKind::Date,
                    None,
                )
            }
            V::Days(Some(y), m1, d1, m2, d2) => {
                let y1 = if m1 > m2 { y - 1 } else { y };
                (
                    Period::new(ymd(y1, m1, d1), ymd(y, m2, d2)),
                    format!("{y1:04}-{m1:02}-{d1:02}..{y:04}-{m2:02}-{d2:02}"),
                    TimeKind::Date,
                    None,
                )
            }
            V::Days(None, m1, d1, m2, d2) => (
                Period::default(),
                format!("--{m1:02}-{d1:02}..--{m2:02}-{d2:02}"),
                TimeKind::Date,
                Some("the year is not given".to_owned()),
            ),
            V::DayNoYear(m, d) => (
                Period::default(),
                format!("--{m:02}-{d:02}"),
                TimeKind::Date,
                Some("the year is not given".to_owned()),
            ),
            V::Time(h, m) => (
                Period::default(),
                format!("{h:02}:{m:02}"),
                TimeKind::TimeOfDay,
                None,
            ),
            V::RelMonth(m, off) => {
                let name = MONTH_NAMES[usize::from(m.clamp(1, 12) - 1)];
                let Some(d) = doc else {
                    return (
                        Period::default(),
                        format!("{} {name}", rel_word(off)),
                        TimeKind::Relative,
                        Some(NO_DOC_DATE.to_owned()),
                    );
                };
                let (dy, dm) = (i32::from(d.year()), d.month() as u8);
                let y = match off {
                    ..=-1 => {
                        if dm > m {
                            dy
                        } else {
                            dy - 1
                        }
                    }
                    0 => dy,
                    _ => {
                        if dm < m {
                            dy
                        } else {
                            dy + 1
                        }
                    }
                };
                (
                    months(y, m, y, m),
                    format!("{y:04}-{m:02}"),
                    TimeKind::Relative,
                    None,
                )
            }
            V::Rel(unit, off) => {
                let unit_word = match unit {
                    RelUnit::Year => "year",
                    RelUnit::Month => "month",
                    RelUnit::Quarter => "quarter",
                };
                let Some(d) = doc else {
                    return (
                        Period::default(),
                        format!("{} {unit_word}", rel_word(off)),
                        TimeKind::Relative,
                        Some(NO_DOC_DATE.to_owned()),
                    );
                };
                let (dy, dm) = (i32::from(d.year()), i32::from(d.month()));
                let off = i32::from(off);
                match unit {
                    RelUnit::Year => {
                        let y = dy + off;
                        (
                            months(y, 1, y, 12),
                            format!("{y}"),
                            TimeKind::Relative,
                            None,
                        )
                    }
                    RelUnit::Month => {
                        let (y, m) = month_at(dy * 12 + (dm - 1) + off);
                        (
                            months(y, m, y, m),
                            format!("{y:04}-{m:02}"),
                            TimeKind::Relative,
                            None,
                        )
                    }
                    RelUnit::Quarter => {
                        let idx = dy * 4 + (dm - 1) / 3 + off;
                        let (y, q) = (idx.div_euclid(4), (idx.rem_euclid(4) + 1) as u8);
                        (
                            months_of(y, quarter_months(q)),
                            format!("{y:04}-Q{q}"),
                            TimeKind::Relative,
                            None,
                        )
                    }
                }
            }
            V::YearlessSpan(m1, m2) => match doc {
                Some(d) => {
                    // The document's year, unless the span has not begun by its date (`between
                    // October and December` in a March report is last year's).
                    let y = i32::from(d.year()) - i32::from(m1 > d.month().unsigned_abs());
                    let (label, _) = part_label_by_format(y, m1, m2);
                    (months(y, m1, y, m2), label, TimeKind::Months, None)
                }
                None => (
                    Period::default(),
                    format!("{m1:02}..{m2:02} of an unstated year"),
                    TimeKind::Months,
                    Some(NO_DOC_DATE.to_owned()),
                ),
            },
            V::RelPart(off, m1, m2) => match doc {
                Some(d) => {
                    let y = i32::from(d.year()) + i32::from(off);
                    let (label, _) = part_label_by_format(y, m1, m2);
                    (months(y, m1, y, m2), label, TimeKind::Relative, None)
                }
                None => {
                    let (part, _) = part_label_by_format(0, m1, m2);
                    let part = part.replace("0000-", "").replace("0000", "");
                    (
                        Period::default(),
                        format!("{part} of {} year", rel_word(off)),
                        TimeKind::Relative,
                        Some(NO_DOC_DATE.to_owned()),
                    )
                }
            },
            // Never reported: a bare month or quarter only appears inside a span.
            V::BareMonth(_) | V::BareQuarter(_) | V::BareHalf(_) => (
                Period::default(),
                String::new(),
                TimeKind::Relative,
                Some("the year is not given".to_owned()),
            ),
        }
    }

    fn any_v() -> impl Strategy<Value = V> {
        let y = any::<i32>().prop_map(|y| y / 2);
        let small = 0u8..=255;
        prop_oneof![
            y.clone().prop_map(V::Year),
            (y.clone(), small.clone()).prop_map(|(y, m)| V::Month(y, m)),
            (y.clone(), 1u8..=4).prop_map(|(y, q)| V::Quarter(y, q)),
            (y.clone(), 1u8..=2).prop_map(|(y, h)| V::Half(y, h)),
            (y.clone(), 1u8..=12, y.clone(), 1u8..=12).prop_map(|(a, m, b, n)| V::Span(a, m, b, n)),
            (y.clone(), y.clone()).prop_map(|(a, b)| V::YearRange(a, b)),
            y.clone().prop_map(V::Decade),
            y.clone().prop_map(V::Century),
            y.clone().prop_map(V::FyUs),
            (y.clone(), y.clone()).prop_map(|(a, b)| V::FyRange(a, b)),
            y.clone().prop_map(V::FySplit),
            (y.clone(), small.clone(), small.clone()).prop_map(|(y, m, d)| V::Day(y, m, d)),
            (
                proptest::option::of(y.clone()),
                1u8..=12,
                1u8..=31,
                1u8..=12,
                1u8..=31
            )
                .prop_map(|(y, a, b, c, d)| V::Days(y, a, b, c, d)),
            (1u8..=12, -2i8..=2).prop_map(|(m, o)| V::RelMonth(m, o)),
            (1u8..=12, 1u8..=12).prop_map(|(a, b)| V::YearlessSpan(a.min(b), a.max(b))),
            (-2i8..=2, 1u8..=12, 1u8..=12).prop_map(|(o, a, b)| V::RelPart(o, a.min(b), a.max(b))),
            (
                prop_oneof![
                    Just(RelUnit::Year),
                    Just(RelUnit::Month),
                    Just(RelUnit::Quarter)
                ],
                -3i8..=3
            )
                .prop_map(|(u, o)| V::Rel(u, o)),
        ]
    }

    proptest! {
        #[test]
        fn push_padded_is_format(n in any::<i32>(), width in 0usize..14) {
            let mut out = String::from("x");
            push_padded(&mut out, n, width);
            prop_assert_eq!(out, format!("x{n:0width$}"));
        }

        #[test]
        fn part_labels_are_the_formatted_ones(y in any::<i32>(), m1 in 1u8..=12, m2 in 1u8..=12) {
            prop_assert_eq!(part_label(y, m1, m2), part_label_by_format(y, m1, m2));
        }

        /// Every kind of point, dated and undated documents: the same label (and the rest).
        #[test]
        fn point_labels_are_the_formatted_ones(
            v in any_v(),
            dated in any::<bool>(),
            (y, m, d) in (1900i16..2100, 1i8..=12, 1i8..=28),
        ) {
            let ctx = TimeContext {
                document_date: dated.then(|| Date::new(y, m, d).unwrap()),
            };
            prop_assert_eq!(point(v, &ctx), point_by_format(v, &ctx));
        }

        #[test]
        fn edge_and_operator_labels_are_the_formatted_ones(
            word in "[a-z]{0,6}",
            edge in prop_oneof![Just(""), Just("end of "), Just("start of ")],
            rest in ".{0,16}",
        ) {
            prop_assert_eq!(label(&[S(edge), S(&rest)]), format!("{edge}{rest}"));
            prop_assert_eq!(
                label(&[S(&word), S(" "), S(edge), S(&rest)]),
                format!("{word} {edge}{rest}")
            );
        }
    }

    #[test]
    fn labels_of_common_points() {
        let ctx = TimeContext::default();
        assert_eq!(point(V::Year(2022), &ctx).1, "2022");
        assert_eq!(point(V::Year(-7), &ctx).1, "-7");
        assert_eq!(point(V::Month(812, 4), &ctx).1, "0812-04");
        assert_eq!(point(V::Month(-7, 4), &ctx).1, "-007-04");
        assert_eq!(point(V::FySplit(2012), &ctx).1, "FY2012-13");
        assert_eq!(
            point(V::Span(2019, 1, 2019, 10), &ctx).1,
            "2019-01..2019-10"
        );
    }
}
