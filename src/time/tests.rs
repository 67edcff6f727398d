use jiff::civil::{Date, date};
use proptest::prelude::*;

use super::*;

fn find(text: &str) -> Vec<TimeMention> {
    find_time_mentions(text, &TimeContext::default())
}

fn find_at(text: &str, doc: Date) -> Vec<TimeMention> {
    find_time_mentions(
        text,
        &TimeContext {
            document_date: Some(doc),
        },
    )
}

/// (matched text, label, kind) of every mention.
fn spans(text: &str) -> Vec<(String, String, TimeKind)> {
    find(text)
        .into_iter()
        .map(|m| (text[m.start..m.end].to_owned(), m.label, m.kind))
        .collect()
}

/// The only mention of `text`, checked to be exactly `span`.
#[track_caller]
fn only(text: &str, span: &str) -> TimeMention {
    let ms = find(text);
    assert_eq!(ms.len(), 1, "{text:?}: {:?}", spans(text));
    let m = ms.into_iter().next().unwrap();
    assert_eq!(&text[m.start..m.end], span, "{text:?}");
    m
}

#[track_caller]
fn check(
    text: &str,
    span: &str,
    kind: TimeKind,
    label: &str,
    start: Option<Date>,
    end: Option<Date>,
) -> TimeMention {
    let m = only(text, span);
    assert_eq!(m.kind, kind, "{text:?}");
    assert_eq!(m.label, label, "{text:?}");
    assert_eq!(m.period, Period::new(start, end), "{text:?}");
    m
}

fn d(y: i16, m: i8, dd: i8) -> Option<Date> {
    Some(date(y, m, dd))
}

#[test]
fn years() {
    let m = check(
        "Output fell in 2022.",
        "2022",
        TimeKind::Year,
        "2022",
        d(2022, 1, 1),
        d(2022, 12, 31),
    );
    assert!(m.strong);
    let m = check(
        "Prices were high during 2019, he said.",
        "2019",
        TimeKind::Year,
        "2019",
        d(2019, 1, 1),
        d(2019, 12, 31),
    );
    assert!(m.strong);
    check(
        "It was the year 1987 that changed it.",
        "the year 1987",
        TimeKind::Year,
        "1987",
        d(1987, 1, 1),
        d(1987, 12, 31),
    );
    check(
        "We look at the calendar year 2015.",
        "the calendar year 2015",
        TimeKind::Year,
        "2015",
        d(2015, 1, 1),
        d(2015, 12, 31),
    );
    check(
        "It ends in year 812.",
        "year 812",
        TimeKind::Year,
        "812",
        d(812, 1, 1),
        d(812, 12, 31),
    );
}

#[test]
fn bare_years_are_weak() {
    let m = only("The plant hired 2022 workers.", "2022");
    assert!(!m.strong);
    let m = only("2011 was a dry year.", "2011");
    assert!(!m.strong);
    // a list of years after a preposition is strong throughout
    let ms = find("Exports grew in 2007, 2008 and 2009.");
    assert_eq!(ms.len(), 3);
    assert!(ms.iter().all(|m| m.strong && m.kind == TimeKind::Year));
    // but a year with a noun after it is a count
    let ms = find("They hired in 2019 and 2022 workers left.");
    assert_eq!(ms.len(), 2);
    assert!(ms[0].strong && !ms[1].strong);
}

#[test]
fn not_years() {
    for t in [
        "He paid $2019 for it.",
        "Growth of 2019% is impossible.",
        "They shipped 2,019 units and 2019.5 tonnes.",
        "Call 555-2016 today.",
        "Flight BA2019 was late.",
        "The 1,990,000 residents.",
        "A rise of 2015 percent.",
        "Prices rose by € 2020.",
    ] {
        assert!(find(t).is_empty(), "{t:?}: {:?}", spans(t));
    }
}

#[test]
fn decades_and_centuries() {
    check(
        "Music of the 1960s.",
        "the 1960s",
        TimeKind::Decade,
        "1960s",
        d(1960, 1, 1),
        d(1969, 12, 31),
    );
    check(
        "Cars of 1950s design",
        "1950s",
        TimeKind::Decade,
        "1950s",
        d(1950, 1, 1),
        d(1959, 12, 31),
    );
    check(
        "Back in the 1980's it was cheap",
        "the 1980's",
        TimeKind::Decade,
        "1980s",
        d(1980, 1, 1),
        d(1989, 12, 31),
    );
    check(
        "Back in the 1980’s it was cheap",
        "the 1980’s",
        TimeKind::Decade,
        "1980s",
        d(1980, 1, 1),
        d(1989, 12, 31),
    );
    check(
        "Songs from the 1960 s",
        "the 1960 s",
        TimeKind::Decade,
        "1960s",
        d(1960, 1, 1),
        d(1969, 12, 31),
    );
    check(
        "Mills of the 1700s",
        "the 1700s",
        TimeKind::Century,
        "1700s",
        d(1700, 1, 1),
        d(1799, 12, 31),
    );
    check(
        "It grew in the 2000s.",
        "the 2000s",
        TimeKind::Decade,
        "2000s",
        d(2000, 1, 1),
        d(2009, 12, 31),
    );
    check(
        "A hit of the '80s",
        "the '80s",
        TimeKind::Decade,
        "1980s",
        d(1980, 1, 1),
        d(1989, 12, 31),
    );
    check(
        "In the nineteen sixties",
        "the nineteen sixties",
        TimeKind::Decade,
        "1960s",
        d(1960, 1, 1),
        d(1969, 12, 31),
    );
    check(
        "During the noughties",
        "the noughties",
        TimeKind::Decade,
        "2000s",
        d(2000, 1, 1),
        d(2009, 12, 31),
    );
}

#[test]
fn months() {
    let mar = (d(2021, 3, 1), d(2021, 3, 31));
    for (t, span) in [
        ("Sales in March 2021 rose.", "March 2021"),
        ("Sales in Mar 2021 rose.", "Mar 2021"),
        ("Sales in Mar. 2021 rose.", "Mar. 2021"),
        ("Sales in March of 2021 rose.", "March of 2021"),
        ("Sales in MARCH 2021 rose.", "MARCH 2021"),
        ("Data for 2021-03 show it.", "2021-03"),
        ("Data for 2021/03 show it.", "2021/03"),
        ("Data for 03/2021 show it.", "03/2021"),
        ("Data for 2021-3 show it.", "2021-3"),
        ("Data for 3-2021 show it.", "3-2021"),
        ("Data for Mar-2021 show it.", "Mar-2021"),
        ("Data for March, 2021 show it.", "March, 2021"),
        ("Data for 2021 March.", "2021 March"),
        ("Born in March of 21", "March of 21"),
        ("Born in March '21", "March '21"),
    ] {
        check(t, span, TimeKind::Month, "2021-03", mar.0, mar.1);
    }
    check(
        "It opened in September 1998.",
        "September 1998",
        TimeKind::Month,
        "1998-09",
        d(1998, 9, 1),
        d(1998, 9, 30),
    );
    check(
        "It opened in Sept 1998.",
        "Sept 1998",
        TimeKind::Month,
        "1998-09",
        d(1998, 9, 1),
        d(1998, 9, 30),
    );
    check(
        "Leap: February 2024.",
        "February 2024",
        TimeKind::Month,
        "2024-02",
        d(2024, 2, 1),
        d(2024, 2, 29),
    );
}

#[test]
fn ambiguous_month_words() {
    // "may" and "march" need a year or a day next to them
    assert!(find("Prices may rise; they march on.").is_empty());
    let kinds = |t: &str| find(t).iter().map(|m| m.kind).collect::<Vec<_>>();
    assert_eq!(kinds("In 2016 may we see more?"), [TimeKind::Year]);
    // `march` is the verb: no month; the number itself is left to the quantity scanner,
    // which owns it (`2000 kilometres`).
    assert!(!kinds("Troops will march 2000 kilometres.").contains(&TimeKind::Month));
    assert_eq!(kinds("Troops will march 2000 kilometres.").len(), 1);
    check(
        "Sales in May 2019 rose.",
        "May 2019",
        TimeKind::Month,
        "2019-05",
        d(2019, 5, 1),
        d(2019, 5, 31),
    );
    only("It closed on May 4th.", "May 4th");
    only("It closed on 4 May.", "4 May");
    assert!(find("The 4 may help.").is_empty());
}

#[test]
fn month_names_in_other_words() {
    assert!(find("Juneteenth, Mayfair, Janet and Augustine").is_empty());
}

#[test]
fn quarters_and_halves() {
    let q2 = (d(2018, 4, 1), d(2018, 6, 30));
    for (t, span) in [
        ("Profit in Q2 2018 fell.", "Q2 2018"),
        ("Profit in q2-2018 fell.", "q2-2018"),
        ("Profit in 2018 Q2 fell.", "2018 Q2"),
        ("Profit in 2018-Q2 fell.", "2018-Q2"),
        ("Profit in 2018Q2 fell.", "2018Q2"),
        ("Profit in 2Q18 fell.", "2Q18"),
        ("Profit in 2Q 2018 fell.", "2Q 2018"),
        ("Profit in Q2'18 fell.", "Q2'18"),
        (
            "Profit in the second quarter of 2018 fell.",
            "the second quarter of 2018",
        ),
        ("Profit in second quarter 2018 fell.", "second quarter 2018"),
        (
            "Profit in the 2nd quarter of 2018 fell.",
            "the 2nd quarter of 2018",
        ),
        (
            "Profit in the second-quarter of 2018 fell.",
            "the second-quarter of 2018",
        ),
    ] {
        check(t, span, TimeKind::Quarter, "2018-Q2", q2.0, q2.1);
    }
    let h1 = (d(2021, 1, 1), d(2021, 6, 30));
    for (t, span) in [
        ("Output in H1 2021 rose.", "H1 2021"),
        ("Output in 2021 H1 rose.", "2021 H1"),
        ("Output in 2021-H1 rose.", "2021-H1"),
        ("Output in 1H21 rose.", "1H21"),
        (
            "Output in the first half of 2021 rose.",
            "the first half of 2021",
        ),
        ("Output in first half 2021 rose.", "first half 2021"),
    ] {
        check(t, span, TimeKind::Half, "2021-H1", h1.0, h1.1);
    }
    check(
        "the final quarter of 2020",
        "the final quarter of 2020",
        TimeKind::Quarter,
        "2020-Q4",
        d(2020, 10, 1),
        d(2020, 12, 31),
    );
    check(
        "the fifth month of 2020",
        "the fifth month of 2020",
        TimeKind::Month,
        "2020-05",
        d(2020, 5, 1),
        d(2020, 5, 31),
    );
    // no year: nothing
    assert!(find("Q3 results and the third quarter report; the H1N1 virus").is_empty());
}

#[test]
fn month_spans() {
    let mar_aug = (d(2020, 3, 1), d(2020, 8, 31));
    for (t, span) in [
        (
            "Sales between March and August 2020 rose.",
            "between March and August 2020",
        ),
        ("Sales in March-August 2020 rose.", "March-August 2020"),
        ("Sales in March–August 2020 rose.", "March–August 2020"),
        ("Sales in Mar-Aug 2020 rose.", "Mar-Aug 2020"),
        (
            "Sales from March to August 2020 rose.",
            "from March to August 2020",
        ),
        (
            "Sales from March through August 2020 rose.",
            "from March through August 2020",
        ),
        (
            "Sales from March to August in 2020 rose.",
            "from March to August in 2020",
        ),
    ] {
        check(
            t,
            span,
            TimeKind::Months,
            "2020-03..2020-08",
            mar_aug.0,
            mar_aug.1,
        );
    }
    let nine = (d(2021, 1, 1), d(2021, 9, 30));
    for (t, span) in [
        (
            "In the first nine months of 2021, it grew.",
            "the first nine months of 2021",
        ),
        (
            "In the first 9 months of 2021, it grew.",
            "the first 9 months of 2021",
        ),
        (
            "In the first three quarters of 2021, it grew.",
            "the first three quarters of 2021",
        ),
        ("In Q1-Q3 2021, it grew.", "Q1-Q3 2021"),
        ("In Q1 to Q3 2021, it grew.", "Q1 to Q3 2021"),
        ("In 9M 2021, it grew.", "9M 2021"),
        ("In 9M2021, it grew.", "9M2021"),
        // A count of months of a year after `in`, `for`, `during`: the year to date.
        ("In nine months of 2021, it grew.", "nine months of 2021"),
        ("For 9 months of 2021 it grew.", "9 months of 2021"),
        (
            "During three quarters of 2021 it grew.",
            "three quarters of 2021",
        ),
    ] {
        check(
            t,
            span,
            TimeKind::Months,
            "2021-01..2021-09",
            nine.0,
            nine.1,
        );
    }
    // Without the preposition, or as a length of time, it is no period.
    for t in [
        "It took nine months of 2021 to finish.",
        "A delay of nine months of 2021 work.",
    ] {
        assert!(
            !spans(t).iter().any(|(s, ..)| s.contains("months")),
            "{t}: {:?}",
            spans(t)
        );
    }
    check(
        "From June 2016 to February 2018 it fell.",
        "From June 2016 to February 2018",
        TimeKind::Months,
        "2016-06..2018-02",
        d(2016, 6, 1),
        d(2018, 2, 28),
    );
    check(
        "In Oct-Jan 2020 it fell.",
        "Oct-Jan 2020",
        TimeKind::Months,
        "2019-10..2020-01",
        d(2019, 10, 1),
        d(2020, 1, 31),
    );
    check(
        "the last three months of 2020",
        "the last three months of 2020",
        TimeKind::Months,
        "2020-10..2020-12",
        d(2020, 10, 1),
        d(2020, 12, 31),
    );
}

#[test]
fn year_ranges() {
    let r = (d(2011, 1, 1), d(2015, 12, 31));
    for (t, span) in [
        ("Over 2011-2015, it doubled.", "2011-2015"),
        ("Over 2011–2015, it doubled.", "2011–2015"),
        ("Over 2011 - 2015, it doubled.", "2011 - 2015"),
        ("It doubled between 2011 and 2015.", "between 2011 and 2015"),
        ("It doubled from 2011 to 2015.", "from 2011 to 2015"),
        (
            "It doubled from 2011 through 2015.",
            "from 2011 through 2015",
        ),
        ("It doubled 2011 to 2015.", "2011 to 2015"),
        (
            "For the period from 2011 to 2015, it doubled.",
            "from 2011 to 2015",
        ),
        ("Over 2011-15, it doubled.", "2011-15"),
    ] {
        check(t, span, TimeKind::YearRange, "2011..2015", r.0, r.1);
    }
    // two years joined by "and" without "between" are two years
    assert_eq!(find("Sales in 2011 and 2015 rose.").len(), 2);
    // a backwards range is not a range
    assert!(
        find("Scores 2015-2011.")
            .iter()
            .all(|m| m.kind == TimeKind::Year)
    );
}

#[test]
fn fiscal_years() {
    for (t, span) in [
        (
            "Aid in fiscal years 1992 through 2008 was $1.67 billion.",
            "fiscal years 1992 through 2008",
        ),
        (
            "Aid in fiscal years 1992-2008 was large.",
            "fiscal years 1992-2008",
        ),
    ] {
        check(
            t,
            span,
            TimeKind::FiscalYear,
            "FY1992..FY2008",
            d(1991, 10, 1),
            d(2008, 9, 30),
        );
    }
    let m = check(
        "Revenue in FY2019 rose.",
        "FY2019",
        TimeKind::FiscalYear,
        "FY2019",
        d(2018, 10, 1),
        d(2019, 9, 30),
    );
    assert_eq!(m.unresolved, None);
    check(
        "Revenue in FY 2019 rose.",
        "FY 2019",
        TimeKind::FiscalYear,
        "FY2019",
        d(2018, 10, 1),
        d(2019, 9, 30),
    );
    check(
        "Revenue in FY19 rose.",
        "FY19",
        TimeKind::FiscalYear,
        "FY2019",
        d(2018, 10, 1),
        d(2019, 9, 30),
    );
    check(
        "Revenue in fiscal year 2019 rose.",
        "fiscal year 2019",
        TimeKind::FiscalYear,
        "FY2019",
        d(2018, 10, 1),
        d(2019, 9, 30),
    );
    check(
        "Revenue in fiscal 2019 rose.",
        "fiscal 2019",
        TimeKind::FiscalYear,
        "FY2019",
        d(2018, 10, 1),
        d(2019, 9, 30),
    );
    for (t, span) in [
        ("Revenue in fiscal 2016-17 rose.", "fiscal 2016-17"),
        ("Revenue in FY2016-17 rose.", "FY2016-17"),
        ("Revenue in FY 2016/17 rose.", "FY 2016/17"),
        ("Revenue in 2016-17 rose.", "2016-17"),
        ("Revenue in 2016–17 rose.", "2016–17"),
        ("The 2016/2017 season.", "2016/2017"),
    ] {
        let m = check(
            t,
            span,
            TimeKind::FiscalYear,
            "FY2016-17",
            d(2016, 1, 1),
            d(2017, 12, 31),
        );
        assert_eq!(
            m.unresolved.as_deref(),
            Some("fiscal year: calendar depends on the entity (set in rules)")
        );
    }
    check(
        "Revenue in 1999-00 rose.",
        "1999-00",
        TimeKind::FiscalYear,
        "FY1999-00",
        d(1999, 1, 1),
        d(2000, 12, 31),
    );
}

#[test]
fn since_independence_is_a_total_to_the_documents_date() {
    for (t, span) in [
        (
            "Since independence, aid has reached $2.7 billion.",
            "Since independence",
        ),
        (
            "Since Kazakhstan\u{2019}s independence, aid has reached $2.7 billion.",
            "Since Kazakhstan\u{2019}s independence",
        ),
        (
            "Aid since the independence of Kazakhstan reached $2.7 billion.",
            "since the independence of Kazakhstan",
        ),
        (
            "Over the years of independence, investment exceeded $25 billion.",
            "the years of independence",
        ),
    ] {
        let ms = find_at(t, date(2016, 12, 20));
        assert_eq!(ms.len(), 1, "{t}: {ms:?}");
        let m = &ms[0];
        assert_eq!(&t[m.start..m.end], span, "{t}");
        assert_eq!(
            (m.kind, m.label.as_str(), m.cumulative, m.period),
            (
                TimeKind::Since,
                "since independence",
                true,
                Period::new(None, d(2016, 12, 20))
            ),
            "{t}"
        );
    }
    // Independence as a plain word is no time.
    assert!(find("The independence of the judiciary matters.").is_empty());
}

#[test]
fn open_ranges() {
    let m = check(
        "Prices have doubled since 2003.",
        "since 2003",
        TimeKind::Since,
        "since 2003",
        d(2003, 1, 1),
        None,
    );
    assert!(m.cumulative);
    assert_eq!(m.anchor, Some(Period::new(d(2003, 1, 1), d(2003, 12, 31))));
    let m = find_at("Prices have doubled since 2003.", date(2024, 6, 1)).remove(0);
    assert_eq!(m.period, Period::new(d(2003, 1, 1), d(2024, 6, 1)));
    check(
        "It has grown since October 1997.",
        "since October 1997",
        TimeKind::Since,
        "since 1997-10",
        d(1997, 10, 1),
        None,
    );
    let m = check(
        "Only after 2012 did it grow.",
        "after 2012",
        TimeKind::After,
        "after 2012",
        d(2013, 1, 1),
        None,
    );
    assert!(!m.cumulative);
    check(
        "It was built before 2001.",
        "before 2001",
        TimeKind::Before,
        "before 2001",
        None,
        d(2000, 12, 31),
    );
    check(
        "It was built prior to 2001.",
        "prior to 2001",
        TimeKind::Before,
        "before 2001",
        None,
        d(2000, 12, 31),
    );
    check(
        "It runs until 2027.",
        "until 2027",
        TimeKind::Until,
        "until 2027",
        None,
        d(2027, 12, 31),
    );
    check(
        "It runs till 2027.",
        "till 2027",
        TimeKind::Until,
        "until 2027",
        None,
        d(2027, 12, 31),
    );
    check(
        "Net zero by 2050.",
        "by 2050",
        TimeKind::Until,
        "by 2050",
        None,
        d(2050, 12, 31),
    );
    check(
        "Models from 2011 or later.",
        "2011 or later",
        TimeKind::Since,
        "since 2011",
        d(2011, 1, 1),
        None,
    );
    check(
        "From 2011 onwards it grew.",
        "2011 onwards",
        TimeKind::Since,
        "since 2011",
        d(2011, 1, 1),
        None,
    );
    check(
        "Anything later than 2011.",
        "later than 2011",
        TimeKind::After,
        "after 2011",
        d(2012, 1, 1),
        None,
    );
    check(
        "Deliveries starting in June 2022.",
        "starting in June 2022",
        TimeKind::Since,
        "since 2022-06",
        d(2022, 6, 1),
        None,
    );
    check(
        "the post-2008 recovery",
        "post-2008",
        TimeKind::After,
        "after 2008",
        d(2009, 1, 1),
        None,
    );
    // "after ... and before ..." stay two mentions
    assert_eq!(find("after 2012 and before 2015").len(), 2);
}

#[test]
fn end_of() {
    let m = check(
        "Debt at the end of 2017 was high.",
        "at the end of 2017",
        TimeKind::EndOf,
        "end of 2017",
        d(2017, 1, 1),
        d(2017, 12, 31),
    );
    assert_eq!(m.instant, d(2017, 12, 31));
    for (t, span) in [
        ("Debt by the end of 2017 was high.", "by the end of 2017"),
        ("Debt as of end-2017 was high.", "as of end-2017"),
        ("Debt at end-2017 was high.", "at end-2017"),
        ("Debt at year-end 2017 was high.", "at year-end 2017"),
        ("Debt, end of 2017: high.", "end of 2017"),
    ] {
        let m = check(
            t,
            span,
            TimeKind::EndOf,
            "end of 2017",
            d(2017, 1, 1),
            d(2017, 12, 31),
        );
        assert_eq!(m.instant, d(2017, 12, 31));
    }
    let m = check(
        "at the end of June 2020",
        "at the end of June 2020",
        TimeKind::EndOf,
        "end of 2020-06",
        d(2020, 6, 1),
        d(2020, 6, 30),
    );
    assert_eq!(m.instant, d(2020, 6, 30));
    let m = check(
        "at the beginning of 2020",
        "at the beginning of 2020",
        TimeKind::StartOf,
        "start of 2020",
        d(2020, 1, 1),
        d(2020, 12, 31),
    );
    assert_eq!(m.instant, d(2020, 1, 1));
}

#[test]
fn relative_without_date() {
    for (t, span) in [
        ("Sales fell last year.", "last year"),
        ("Sales fell this year.", "this year"),
        ("Sales fell in the previous year.", "the previous year"),
        ("Sales fell last month.", "last month"),
        ("Sales fell last June.", "last June"),
        ("Sales fell last quarter.", "last quarter"),
    ] {
        let m = only(t, span);
        assert_eq!(m.kind, TimeKind::Relative);
        assert_eq!(m.period, Period::default());
        assert_eq!(
            m.unresolved.as_deref(),
            Some("relative to the document's date, which is unknown")
        );
    }
    // a base of comparison, not a period
    assert!(find("Up 4% year-on-year, from a year earlier.").is_empty());
}

#[test]
fn relative_with_date() {
    let doc = date(2023, 5, 10);
    let one = |t: &str| {
        let ms = find_at(t, doc);
        assert_eq!(ms.len(), 1, "{t}");
        let m = ms.into_iter().next().unwrap();
        assert_eq!(m.unresolved, None);
        (m.label, m.period)
    };
    assert_eq!(
        one("last year"),
        ("2022".into(), Period::new(d(2022, 1, 1), d(2022, 12, 31)))
    );
    assert_eq!(
        one("this year"),
        ("2023".into(), Period::new(d(2023, 1, 1), d(2023, 12, 31)))
    );
    assert_eq!(
        one("last month"),
        ("2023-04".into(), Period::new(d(2023, 4, 1), d(2023, 4, 30)))
    );
    assert_eq!(
        one("last June"),
        ("2022-06".into(), Period::new(d(2022, 6, 1), d(2022, 6, 30)))
    );
    assert_eq!(
        one("last April"),
        ("2023-04".into(), Period::new(d(2023, 4, 1), d(2023, 4, 30)))
    );
    assert_eq!(
        one("last May"),
        ("2022-05".into(), Period::new(d(2022, 5, 1), d(2022, 5, 31)))
    );
    assert_eq!(
        one("next quarter"),
        ("2023-Q3".into(), Period::new(d(2023, 7, 1), d(2023, 9, 30)))
    );
    assert_eq!(
        one("the first half of the year"),
        ("2023-H1".into(), Period::new(d(2023, 1, 1), d(2023, 6, 30)))
    );
    assert_eq!(
        one("the first four months of the year"),
        (
            "2023-01..2023-04".into(),
            Period::new(d(2023, 1, 1), d(2023, 4, 30))
        )
    );
    // `the year 2019` names its year.
    assert_eq!(
        one("the first half of the year 2019"),
        ("2019-H1".into(), Period::new(d(2019, 1, 1), d(2019, 6, 30)))
    );
    assert_eq!(
        one("the second half of last year"),
        (
            "2022-H2".into(),
            Period::new(d(2022, 7, 1), d(2022, 12, 31))
        )
    );
    let doc = date(2023, 1, 15);
    let m = find_at("last month", doc).remove(0);
    assert_eq!(m.period, Period::new(d(2022, 12, 1), d(2022, 12, 31)));
    let m = find_at("last quarter", doc).remove(0);
    assert_eq!(m.period, Period::new(d(2022, 10, 1), d(2022, 12, 31)));
}

#[test]
fn dates_and_times() {
    for (t, span, label) in [
        ("Filed on 3/14/2019.", "3/14/2019", "2019-03-14"),
        ("Filed on 14/3/2019.", "14/3/2019", "2019-03-14"),
        ("Filed on 14.03.2019.", "14.03.2019", "2019-03-14"),
        ("Filed on 2019-03-14.", "2019-03-14", "2019-03-14"),
        ("Filed on 14-Mar-19.", "14-Mar-19", "2019-03-14"),
        ("Filed on 14 March 2019.", "14 March 2019", "2019-03-14"),
        ("Filed on March 14, 2019.", "March 14, 2019", "2019-03-14"),
        (
            "Filed on 14th of March 2019.",
            "14th of March 2019",
            "2019-03-14",
        ),
    ] {
        let m = check(
            t,
            span,
            TimeKind::Date,
            label,
            d(2019, 3, 14),
            d(2019, 3, 14),
        );
        assert_eq!(m.instant, d(2019, 3, 14));
    }
    for (t, span, label) in [
        ("Filed on Oct. 9 by them.", "Oct. 9", "--10-09"),
        ("Filed on Oct 9 by them.", "Oct 9", "--10-09"),
        ("Filed on October 9th by them.", "October 9th", "--10-09"),
        (
            "Filed on the 9th of October by them.",
            "the 9th of October",
            "--10-09",
        ),
        ("Filed on 9 October by them.", "9 October", "--10-09"),
    ] {
        let m = check(t, span, TimeKind::Date, label, None, None);
        assert!(m.unresolved.is_some());
    }
    for (t, span, label) in [
        ("Opens at 9 am.", "9 am", "09:00"),
        ("Opens at 9am.", "9am", "09:00"),
        ("Opens at 9:45 a.m. daily.", "9:45 a.m.", "09:45"),
        ("Opens at 12 p.m. daily.", "12 p.m.", "12:00"),
        ("Opens at 21:15.", "21:15", "21:15"),
        ("Opens at 08:30 GMT.", "08:30 GMT", "08:30"),
        ("Opens at 08:30:15 daily.", "08:30:15", "08:30"),
    ] {
        check(t, span, TimeKind::TimeOfDay, label, None, None);
    }
    // invalid dates are not dates
    assert!(
        find("Ratio 2019-02-30 and 13/13/2019")
            .iter()
            .all(|m| m.kind != TimeKind::Date)
    );
}

#[test]
fn spelled_years() {
    check(
        "She was born in nineteen eighty four.",
        "nineteen eighty four",
        TimeKind::Year,
        "1984",
        d(1984, 1, 1),
        d(1984, 12, 31),
    );
    check(
        "It reopens in two thousand and twelve.",
        "two thousand and twelve",
        TimeKind::Year,
        "2012",
        d(2012, 1, 1),
        d(2012, 12, 31),
    );
    check(
        "It reopens in July two thousand and one.",
        "July two thousand and one",
        TimeKind::Month,
        "2001-07",
        d(2001, 7, 1),
        d(2001, 7, 31),
    );
    // a cardinal that counts something is not a year
    assert!(find("They hired in two thousand workers.").is_empty());
    assert!(find("She has twenty five cats.").is_empty());
}

#[test]
fn comparisons() {
    let m = check(
        "Rows with year >= 2015",
        ">= 2015",
        TimeKind::Since,
        "since 2015",
        d(2015, 1, 1),
        None,
    );
    assert!(!m.strong);
    check(
        "Rows with year < 2015",
        "< 2015",
        TimeKind::Before,
        "before 2015",
        None,
        d(2014, 12, 31),
    );
    check(
        "Rows where the year is greater than 2015",
        "greater than 2015",
        TimeKind::After,
        "after 2015",
        d(2016, 1, 1),
        None,
    );
    // a quoted line in Markdown is not a comparison
    let ms = find("> 2019 was a good year");
    assert_eq!(ms.len(), 1);
    assert_eq!(ms[0].kind, TimeKind::Year);
}

#[test]
fn longest_wins_and_sorted() {
    let t =
        "Between January and October 2019, exports rose; in 2020-2021 they fell, since 2022 flat.";
    let ms = find(t);
    let got: Vec<_> = ms.iter().map(|m| &t[m.start..m.end]).collect();
    assert_eq!(
        got,
        [
            "Between January and October 2019",
            "2020-2021",
            "since 2022"
        ]
    );
    assert!(ms.windows(2).all(|w| w[0].end <= w[1].start));
}

#[test]
fn offsets_with_multibyte_text() {
    let t = "Über die Jahre — in März? No: in März 2019 and “2020–2021” ✓ since 2005…";
    let ms = find(t);
    let got: Vec<_> = ms
        .iter()
        .map(|m| (&t[m.start..m.end], m.label.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("2019", "2019"),
            ("2020–2021", "2020..2021"),
            ("since 2005", "since 2005")
        ]
    );
}

#[test]
fn paragraph_break_stops_a_range() {
    let ms = find("from January\n\nto March 2019");
    assert_eq!(ms.len(), 1);
    assert_eq!(ms[0].kind, TimeKind::Month);
}

#[test]
fn linear_on_repetitive_input() {
    let n = 1 << 20;
    let years = "2019-".repeat(n / 5);
    let ms = find(&years);
    assert_eq!(ms.len(), n / 5);
    assert!(ms.iter().all(|m| m.kind == TimeKind::Year));
    let months = "January ".repeat(n / 8);
    assert!(find(&months).is_empty());
    let mixed = "between January and 2019 the end of the ".repeat(n / 40);
    let ms = find(&mixed);
    assert_eq!(ms.len(), n / 40);
    let thes = "the ".repeat(n / 4) + "1970s";
    assert_eq!(find(&thes).len(), 1);
    let ends = "end of ".repeat(n / 7) + "2019";
    assert_eq!(find(&ends).len(), 1);
}

#[test]
fn chunks_do_not_lose_mentions() {
    let line = "Sales rose in Q3 2019 and fell between 2014 and 2018.\n";
    let text = line.repeat(20_000);
    let ms = find(&text);
    assert_eq!(ms.len(), 40_000);
}

const WORDS: &[&str] = &[
    "2019",
    "1990",
    "12",
    "3",
    "31",
    "17",
    "99",
    "2020",
    "13",
    "-",
    "–",
    "/",
    ".",
    ",",
    "'",
    "’",
    "s",
    "Q",
    "H",
    "q1",
    "H2",
    "FY",
    "fiscal",
    "year",
    "the",
    "of",
    "in",
    "between",
    "and",
    "from",
    "to",
    "since",
    "after",
    "before",
    "until",
    "by",
    "at",
    "end",
    "beginning",
    "as",
    "first",
    "third",
    "last",
    "this",
    "next",
    "quarter",
    "half",
    "months",
    "quarters",
    "month",
    "January",
    "May",
    "march",
    "Sept",
    "Dec",
    "nineteen",
    "ninety",
    "two",
    "thousand",
    "hundred",
    "tens",
    "seventies",
    "noughties",
    "or",
    "later",
    "onwards",
    ">",
    "<",
    "=",
    "≥",
    ":",
    "pm",
    "a",
    "m",
    "th",
    "ten",
    "9M",
    "1Q",
    "é",
    "ü",
    "\n",
    "\n\n",
    " ",
    "$",
    "%",
];

fn check_invariants(text: &str, ms: &[TimeMention]) {
    let mut last_end = 0;
    for m in ms {
        assert!(m.start < m.end && m.end <= text.len());
        assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
        assert!(m.start >= last_end, "overlap or unsorted in {text:?}");
        last_end = m.end;
        if let (Some(a), Some(b)) = (m.period.start, m.period.end) {
            assert!(a <= b, "{text:?}: {m:?}");
        }
    }
}

proptest! {
    #[test]
    fn never_panics_on_any_string(text in any::<String>()) {
        let ms = find(&text);
        check_invariants(&text, &ms);
    }

    #[test]
    fn never_panics_on_time_words(parts in proptest::collection::vec((0..WORDS.len(), 0..3usize), 0..40)) {
        let mut text = String::new();
        for (w, sep) in parts {
            text.push_str(WORDS[w]);
            text.push_str(["", " ", "  "][sep]);
        }
        let ms = find(&text);
        check_invariants(&text, &ms);
        let ms2 = find_at(&text, date(2020, 2, 29));
        check_invariants(&text, &ms2);
    }
}

#[test]
fn day_spans() {
    let m = check(
        "Polled Sept. 12-18, 2022 by phone.",
        "Sept. 12-18, 2022",
        TimeKind::Date,
        "2022-09-12..2022-09-18",
        d(2022, 9, 12),
        d(2022, 9, 18),
    );
    assert_eq!(m.instant, None);
    check(
        "Polled 12-18 September 2022.",
        "12-18 September 2022",
        TimeKind::Date,
        "2022-09-12..2022-09-18",
        d(2022, 9, 12),
        d(2022, 9, 18),
    );
    check(
        "Polled Nov. 28-Dec. 4, 2021.",
        "Nov. 28-Dec. 4, 2021",
        TimeKind::Date,
        "2021-11-28..2021-12-04",
        d(2021, 11, 28),
        d(2021, 12, 4),
    );
    check(
        "Polled Dec 30-Jan 2, 2021.",
        "Dec 30-Jan 2, 2021",
        TimeKind::Date,
        "2020-12-30..2021-01-02",
        d(2020, 12, 30),
        d(2021, 1, 2),
    );
    check(
        "Polled from June 1 to June 9, 2021.",
        "June 1 to June 9, 2021",
        TimeKind::Date,
        "2021-06-01..2021-06-09",
        d(2021, 6, 1),
        d(2021, 6, 9),
    );
    let m = check(
        "Polled June 1-9.",
        "June 1-9",
        TimeKind::Date,
        "--06-01..--06-09",
        None,
        None,
    );
    assert!(m.unresolved.is_some());
}

#[test]
fn windows_ending_in_a_month() {
    check(
        "Prices rose 4% in the 12 months to May 2023.",
        "the 12 months to May 2023",
        TimeKind::Months,
        "2022-06..2023-05",
        d(2022, 6, 1),
        d(2023, 5, 31),
    );
    check(
        "Prices rose 4% in the year to May 2023.",
        "the year to May 2023",
        TimeKind::Months,
        "2022-06..2023-05",
        d(2022, 6, 1),
        d(2023, 5, 31),
    );
    check(
        "Profit for the six months ended June 30, 2023.",
        "the six months ended June 30, 2023",
        TimeKind::Months,
        "2023-01..2023-06",
        d(2023, 1, 1),
        d(2023, 6, 30),
    );
    // not at a month's end: the date alone
    only(
        "Profit for the six months ended June 29, 2023.",
        "June 29, 2023",
    );
}

#[test]
fn bare_numbers_before_nouns_are_weak() {
    for t in [
        "They won by 1800 votes.",
        "It closed after 2000 people left.",
        "From 1500 to 2000 units were sold.",
    ] {
        let ms = find(t);
        assert_eq!(ms.len(), 1, "{t}");
        assert!(!ms[0].strong, "{t}");
    }
    assert!(find("Emissions fall by 2030.")[0].strong);
    assert!(find("The range is from 2014 to 2018.")[0].strong);
}

#[test]
fn line_ends_close_loose_phrases() {
    // `2016, nov` then a new line: the month still belongs to the year
    let ms = find("out 2016, nov\nThey left");
    assert_eq!(ms[0].label, "2016-11");
    // a month at the start of the next line does not
    let ms = find("sales in 2016\nJune was hot");
    assert_eq!(ms[0].label, "2016");
}

#[test]
fn month_spans_without_a_year_are_the_latest_begun_by_the_documents_date() {
    let doc = date(2023, 7, 20);
    let one = |text: &str| {
        let ms = find_at(text, doc);
        assert_eq!(ms.len(), 1, "{text:?}");
        let m = ms.into_iter().next().unwrap();
        (text[m.start..m.end].to_owned(), m.label, m.kind, m.period)
    };
    assert_eq!(
        one("Rates fell by a third between January and June, the company said."),
        (
            "between January and June".into(),
            "2023-H1".into(),
            TimeKind::Months,
            Period::new(d(2023, 1, 1), d(2023, 6, 30))
        )
    );
    // Not begun by the document's date: last year's.
    assert_eq!(
        one("Exports were $5 billion from October to December.").3,
        Period::new(d(2022, 10, 1), d(2022, 12, 31))
    );
    // The dot after a whole month name ends the sentence; it is not an abbreviation's.
    assert_eq!(one("Sales rose in January-June.").0, "January-June");
    // Without a document date the span is kept, unresolved.
    let m = &find("Sales rose between March and May.")[0];
    assert_eq!(m.period, Period::default());
    assert!(m.unresolved.is_some());
    // A single month with no year is still nothing, and a span must run forward.
    assert!(find_at("Sales rose in March.", doc).is_empty());
    assert!(find_at("Sales fell between June and January.", doc).is_empty());
}

/// Every token the scan loop skips ([`token::may_start`] false) starts no expression: `expr`
/// finds none there, in the time-word soup and in the examples.
fn skipped_tokens_start_nothing(text: &str) {
    let mut toks = Vec::new();
    token::tokenize(text, 0, text.len(), &mut toks);
    let ps = scan::Ps { text, t: &toks };
    for (i, t) in toks.iter().enumerate() {
        if !token::may_start(t.k) {
            assert!(ps.expr(i).is_none(), "{:?} at {i} in {text:?}", t.k);
        }
    }
}

#[test]
fn skipped_tokens_start_nothing_in_the_examples() {
    for entry in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/examples")).unwrap() {
        let path = entry.unwrap().path();
        if let Ok(text) = std::fs::read_to_string(&path) {
            skipped_tokens_start_nothing(&text);
        }
    }
}

proptest! {
    #[test]
    fn skipped_tokens_start_nothing_in_time_words(
        parts in proptest::collection::vec((0..WORDS.len(), 0..3usize), 0..40)
    ) {
        let mut text = String::new();
        for (w, sep) in parts {
            text.push_str(WORDS[w]);
            text.push_str(["", " ", "  "][sep]);
        }
        skipped_tokens_start_nothing(&text);
    }
}

/// Every token [`scan::Ps::may_start`] rejects starts no expression: `expr` finds none there.
/// Returns how many tokens it rejected.
fn rejected_tokens_start_nothing(text: &str) -> usize {
    let mut toks = Vec::new();
    token::tokenize(text, 0, text.len(), &mut toks);
    let ps = scan::Ps { text, t: &toks };
    let mut rejected = 0;
    for (i, t) in toks.iter().enumerate() {
        if !ps.may_start(i) {
            rejected += 1;
            assert!(ps.expr(i).is_none(), "{:?} at {i} in {text:?}", t.k);
        }
    }
    rejected
}

#[test]
fn rejected_tokens_start_nothing_in_the_examples() {
    let mut rejected = 0;
    for entry in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/examples")).unwrap() {
        let path = entry.unwrap().path();
        if let Ok(text) = std::fs::read_to_string(&path) {
            rejected += rejected_tokens_start_nothing(&text);
        }
    }
    assert!(rejected > 0);
}

/// Numbers of every length and the tokens the forms that start with a number look at.
const NUMBER_WORDS: &[&str] = &[
    "1",
    "4",
    "9",
    "12",
    "13",
    "24",
    "25",
    "30",
    "31",
    "45",
    "00",
    "07",
    "123",
    "999",
    "1000",
    "2199",
    "2200",
    "0999",
    "3000",
    "12345",
    "1.5",
    "2.17",
    "10.30",
    "05.2018",
    "2018-05-17",
    "5/17/2018",
    "10-Apr-15",
    "10:30",
    "14:00:05",
    "am",
    "pm",
    "a.m.",
    "p",
    "st",
    "nd",
    "rd",
    "th",
    "Q",
    "H",
    "M",
    "Q1",
    "months",
    "quarters",
    "quarter",
    "half",
    "month",
    "May",
    "Apr",
    "Apr.",
    "September",
    "of",
    "in",
    "for",
    "during",
    "year",
    "ten",
    "to",
    "through",
    "ending",
    "percent",
    "per",
    "cent",
    "GMT",
    "s",
    "'s",
    "-",
    "/",
    ".",
    ":",
    ",",
    "%",
    "$",
    "'",
    "(",
    ")",
    "4th",
    "1st",
    "year-end",
    "the years of independence",
    "at the end of",
];

/// Endings that complete the forms after their first two tokens.
const TAILS: &[&str] = &[
    "",
    " 2019",
    "m.",
    " a.m.",
    " May 2019",
    " of May 2019",
    " quarter of 2019",
    " months to June 2019",
    " of independence",
    "-end 2018",
    " than 2019",
    " to 2020",
];

/// Every number of [`NUMBER_WORDS`] and every keyword before every piece, glued or spaced,
/// with each of [`TAILS`] after.
#[test]
fn rejected_tokens_start_nothing_in_pairs() {
    let keywords: Vec<&str> = token::WORDS
        .iter()
        .map(|(w, _)| std::str::from_utf8(w).unwrap())
        .collect();
    let mut rejected = 0;
    let firsts = NUMBER_WORDS
        .iter()
        .filter(|w| w.as_bytes()[0].is_ascii_digit());
    for a in firsts.chain(&keywords) {
        for b in NUMBER_WORDS.iter().chain(WORDS).chain(&keywords) {
            for sep in ["", " "] {
                for tail in TAILS {
                    rejected += rejected_tokens_start_nothing(&format!("{a}{sep}{b}{tail}"));
                }
            }
        }
    }
    assert!(rejected > 0);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]
    #[test]
    fn rejected_tokens_start_nothing_in_number_soup(
        parts in proptest::collection::vec(
            (0..NUMBER_WORDS.len() + WORDS.len() + token::WORDS.len(), 0..4usize),
            0..40,
        )
    ) {
        let mut text = String::new();
        for (w, sep) in parts {
            text.push_str(if w < NUMBER_WORDS.len() {
                NUMBER_WORDS[w]
            } else if w < NUMBER_WORDS.len() + WORDS.len() {
                WORDS[w - NUMBER_WORDS.len()]
            } else {
                std::str::from_utf8(token::WORDS[w - NUMBER_WORDS.len() - WORDS.len()].0).unwrap()
            });
            text.push_str(["", " ", "  ", "\n"][sep]);
        }
        rejected_tokens_start_nothing(&text);
    }
}

/// The strong spans kept in the scanner's buffer are those of the strong expressions the scan
/// appended, whatever the buffer and the list held before.
#[test]
fn scan_strong_gives_the_strong_spans_of_this_scan() {
    let mut scanner = TimeScanner::default();
    let mut found = Vec::new();
    let mut before = 0;
    for text in [
        "In 2022 exports rose; since March 2019 and 2021 jobs, by 1800 votes, Q1 2020.",
        "No time here.",
        "from 1500 to 2000 units in FY2021 and last year",
    ] {
        let strong = scanner.scan_strong(text, &mut found).to_vec();
        let expected: Vec<(usize, usize)> = found[before..]
            .iter()
            .filter(|t| t.strong)
            .map(|t| (t.start, t.end))
            .collect();
        assert_eq!(strong, expected, "{text}");
        let mut plain = Vec::new();
        TimeScanner::default().scan(text, &mut plain);
        assert_eq!(found.len() - before, plain.len());
        before = found.len();
    }
    assert!(found.iter().any(|t| t.strong) && found.iter().any(|t| !t.strong));
}
