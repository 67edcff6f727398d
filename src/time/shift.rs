//! A period of whole months moved to another year: the base a growth rate is compared with.
//!
//! News states a growth rate against "the previous year", "the same period of 2017", or, most
//! often, against nothing at all ("exports grew by 32 percent to $1.2 billion" in a story about
//! 2022 means 2022 against 2021). Each of these names the figure's own months in an earlier
//! year, which only the figure's period can say: the document's date cannot.

use jiff::civil::Date;

use super::TimeKind;
use super::resolve::part_label;

/// A period moved to another year, with its label at its own grain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Moved {
    pub start: Date,
    pub end: Date,
    pub instant: Option<Date>,
    pub label: String,
    pub kind: TimeKind,
}

/// The months `start..=end` a year earlier: 2022 -> 2021, 2018-01..2018-08 -> 2017-01..2017-08,
/// FY2009 (Oct 2008 - Sep 2009) -> FY2008. `None` unless the period is whole months, at most
/// twelve of them (a multi-year span or a cumulative total has no "year before").
pub fn year_earlier(start: Date, end: Date, instant: Option<Date>) -> Option<Moved> {
    moved(start, end, instant, -1)
}

/// The months `start..=end` moved so that they begin in `year`: the figure's January-August
/// 2018 compared with "the same period of 2017" is January-August 2017.
pub fn into_year(start: Date, end: Date, instant: Option<Date>, year: i16) -> Option<Moved> {
    moved(
        start,
        end,
        instant,
        i32::from(year) - i32::from(start.year()),
    )
}

fn moved(start: Date, end: Date, instant: Option<Date>, years: i32) -> Option<Moved> {
    let months = (i32::from(end.year()) - i32::from(start.year())) * 12 + i32::from(end.month())
        - i32::from(start.month())
        + 1;
    if start.day() != 1 || end != end.last_of_month() || !(1..=12).contains(&months) {
        return None;
    }
    let shift = |d: Date| -> Option<Date> {
        let y = i16::try_from(i32::from(d.year()) + years).ok()?;
        // The last day of a month stays the last day (29 February -> 28 February).
        let first = Date::new(y, d.month(), 1).ok()?;
        if d == d.last_of_month() {
            Some(first.last_of_month())
        } else {
            Date::new(y, d.month(), d.day().min(first.days_in_month())).ok()
        }
    };
    let (new_start, new_end) = (shift(start)?, shift(end)?);
    let (label, kind) = if new_start.year() == new_end.year() {
        part_label(
            i32::from(new_start.year()),
            u8::try_from(new_start.month()).ok()?,
            u8::try_from(new_end.month()).ok()?,
        )
    } else if new_start.month() == 10 && new_end.month() == 9 {
        // October to September is the US federal fiscal year, labelled by its end.
        (format!("FY{:04}", new_end.year()), TimeKind::FiscalYear)
    } else {
        (
            format!(
                "{:04}-{:02}..{:04}-{:02}",
                new_start.year(),
                new_start.month(),
                new_end.year(),
                new_end.month()
            ),
            TimeKind::Months,
        )
    };
    Some(Moved {
        start: new_start,
        end: new_end,
        instant: match instant {
            Some(i) => Some(shift(i)?),
            None => None,
        },
        label,
        kind,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn earlier(s: Date, e: Date) -> Option<(Date, Date, String)> {
        year_earlier(s, e, None).map(|m| (m.start, m.end, m.label))
    }

    #[test]
    fn whole_months_move_back_a_year_with_their_label() {
        assert_eq!(
            earlier(date(2022, 1, 1), date(2022, 12, 31)),
            Some((date(2021, 1, 1), date(2021, 12, 31), "2021".into()))
        );
        assert_eq!(
            earlier(date(2018, 1, 1), date(2018, 8, 31)),
            Some((
                date(2017, 1, 1),
                date(2017, 8, 31),
                "2017-01..2017-08".into()
            ))
        );
        assert_eq!(
            earlier(date(2023, 4, 1), date(2023, 6, 30)).map(|m| m.2),
            Some("2022-Q2".into())
        );
        assert_eq!(
            earlier(date(2008, 10, 1), date(2009, 9, 30)),
            Some((date(2007, 10, 1), date(2008, 9, 30), "FY2008".into()))
        );
        // February's last day stays its last day, in a leap year and out of one.
        assert_eq!(
            earlier(date(2021, 2, 1), date(2021, 2, 28)).map(|m| m.1),
            Some(date(2020, 2, 29))
        );
        assert_eq!(
            year_earlier(
                date(2020, 1, 1),
                date(2020, 12, 31),
                Some(date(2020, 2, 29))
            )
            .and_then(|m| m.instant),
            Some(date(2019, 2, 28))
        );
    }

    #[test]
    fn only_whole_months_within_a_year_move() {
        // Thirteen months, a multi-year span, a period that starts or ends mid-month.
        assert_eq!(earlier(date(2021, 1, 1), date(2022, 1, 31)), None);
        assert_eq!(earlier(date(2014, 1, 1), date(2018, 12, 31)), None);
        assert_eq!(earlier(date(2022, 1, 15), date(2022, 12, 31)), None);
        assert_eq!(earlier(date(2022, 1, 1), date(2022, 12, 30)), None);
        // The first year there is has no year before it.
        assert_eq!(earlier(date(-9999, 1, 1), date(-9999, 12, 31)), None);
    }

    #[test]
    fn the_same_period_of_another_year() {
        let m = into_year(date(2018, 1, 1), date(2018, 8, 31), None, 2017).unwrap();
        assert_eq!(
            (m.start, m.end, m.label.as_str(), m.kind),
            (
                date(2017, 1, 1),
                date(2017, 8, 31),
                "2017-01..2017-08",
                TimeKind::Months
            )
        );
    }
}
