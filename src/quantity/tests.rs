//! Unit tests of the quantity grammar, each on a sentence of our own, one per form the parser
//! must read (issue: "What it must read").

use super::*;
use crate::rules::Vocabulary;

fn find(text: &str) -> Vec<Quantity> {
    let vocab = Vocabulary::defaults().unwrap();
    Scanner::default().find(text, &vocab, &[])
}

/// (text, kind, value, low, high, bound, unit) of each quantity.
fn read(text: &str) -> Vec<(String, Kind, String, String, String, BoundKind, String)> {
    find(text)
        .iter()
        .map(|q| {
            let d = |v: Option<Decimal>| v.map_or("-".to_string(), |v| v.normalize().to_string());
            (
                text[q.start..q.end].to_string(),
                q.kind,
                d(q.value),
                d(q.interval.low.map(|e| e.value)),
                d(q.interval.high.map(|e| e.value)),
                q.bound,
                q.unit.clone().unwrap_or_else(|| "-".into()),
            )
        })
        .collect()
}

/// The only quantity's text and value.
fn tv(text: &str) -> (String, String) {
    let r = read(text);
    assert_eq!(r.len(), 1, "{text}: {r:#?}");
    (r[0].0.clone(), r[0].2.clone())
}

fn value(text: &str) -> String {
    tv(text).1
}

fn unit(text: &str) -> String {
    let r = read(text);
    assert_eq!(r.len(), 1, "{text}: {r:#?}");
    r[0].6.clone()
}

fn interval(text: &str) -> (String, String, BoundKind) {
    let r = read(text);
    assert_eq!(r.len(), 1, "{text}: {r:#?}");
    (r[0].3.clone(), r[0].4.clone(), r[0].5)
}

#[test]
fn digit_grouping_styles() {
    assert_eq!(value("Revenue was 1,234,567 tenge."), "1234567");
    assert_eq!(value("The city has 1 250 000 residents."), "1250000");
    assert_eq!(
        value("The city has 1\u{2009}250\u{2009}000 residents."),
        "1250000"
    );
    assert_eq!(value("The fund holds 1'250'000 francs."), "1250000");
    assert_eq!(value("It grew 4.75 percent."), "4.75");
}

#[test]
fn numbers_in_words() {
    assert_eq!(value("twenty-five inspectors arrived"), "25");
    assert_eq!(value("one hundred and five delegates"), "105");
    assert_eq!(value("a dozen envoys"), "12");
    assert_eq!(value("half a million tonnes"), "500000");
    assert_eq!(value("one and a half billion dollars"), "1500000000");
    assert_eq!(value("1 billion 518 million dollars"), "1518000000");
    // Compositional, as English reads it: a billion and three.
    assert_eq!(value("one billion three"), "1000000003");
}

#[test]
fn scale_words_and_abbreviations() {
    assert_eq!(value("$1.8bn"), "1800000000");
    assert_eq!(tv("US$ 3 bln"), ("US$ 3 bln".into(), "3000000000".into()));
    assert_eq!(
        tv("a loan of USD34.6 million"),
        ("USD34.6 million".into(), "34600000".into())
    );
    assert_eq!(
        tv("VND4,927 billion"),
        ("VND4,927 billion".into(), "4927000000000".into())
    );
    assert_eq!(
        tv("3 bln dollars"),
        ("3 bln dollars".into(), "3000000000".into())
    );
    assert_eq!(value("$3m"), "3000000");
    assert_eq!(value("5 mn euros"), "5000000");
    assert_eq!(value("7 mln tenge"), "7000000");
    assert_eq!(value("KZT 1.2 trillion"), "1200000000000");
    assert_eq!(value("$2 tn"), "2000000000000");
    assert_eq!(value("$4 trln"), "4000000000000");
    assert_eq!(value("US$ 1MM"), "1000000");
    assert_eq!(
        tv("in excess of 30 MUSD"),
        ("in excess of 30 MUSD".into(), "30000000".into())
    );
    assert_eq!(value("5 lakh rupees"), "500000");
    assert_eq!(value("2 crore rupees"), "20000000");
    assert_eq!(value("12k jobs"), "12000");
    assert_eq!(value("$5b"), "5000000000");
    // Without money, `m` is metres, not millions.
    assert_eq!(value("a 30 m tower"), "30");
}

#[test]
fn currencies_normalize_to_iso_codes() {
    for (text, code) in [
        ("$5", "USD"),
        ("US$5", "USD"),
        ("USD 5", "USD"),
        ("5 US dollars", "USD"),
        ("5 dollars", "USD"),
        ("€5", "EUR"),
        ("£5", "GBP"),
        ("¥500", "JPY"),
        ("500 tenge", "KZT"),
        ("500 rubles", "RUB"),
        ("500 roubles", "RUB"),
        ("500 yuan", "CNY"),
        ("C$ 5", "CAD"),
        ("HK$ 5", "HKD"),
        ("5 Kazakhstani tenge", "KZT"),
    ] {
        assert_eq!(unit(text), code, "{text}");
    }
}

#[test]
fn percent_and_percentage_points_differ() {
    for t in ["37.2%", "37.2 percent", "37.2 per cent", "37.2 pct"] {
        assert_eq!(read(t)[0].1, Kind::Percent, "{t}");
        assert_eq!(unit(t), "percent");
    }
    for t in ["2.5 pp", "2.5 percentage points", "2.5 p.p."] {
        assert_eq!(read(t)[0].1, Kind::PercentagePoints, "{t}");
    }
    assert_eq!(value("a spread of 50 basis points"), "0.5");
    // Bare `points` next to a percentage are percentage points; alone they are a count.
    let q = find("The share rose 2.5 points to 14%.");
    assert_eq!(
        (q[0].kind, q[0].unit.as_deref()),
        (Kind::PercentagePoints, Some("percentage_points"))
    );
    assert_eq!(find("The team scored 3 points.")[0].kind, Kind::Count);
}

#[test]
fn counted_nouns_and_ranks() {
    assert_eq!(unit("590 companies"), "company");
    assert_eq!(unit("1,200 jobs"), "job");
    assert_eq!(unit("590 American companies"), "company");
    let r = read("Kazakhstan is the 81st largest trading partner.");
    assert_eq!(r[0].0, "81st largest");
    assert_eq!(r[0].1, Kind::Rank);
    assert_eq!(r[0].2, "81");
    let r = read("It moved from 28th to 25th place.");
    assert_eq!(r.len(), 2);
    assert_eq!((r[0].2.as_str(), r[1].2.as_str()), ("28", "25"));
    let q = find("It moved from 28th to 25th place.");
    assert_eq!((q[0].role, q[1].role), (Some(Role::From), Some(Role::To)));
}

#[test]
fn bounds() {
    use BoundKind::*;
    for (t, b) in [
        ("more than 5 firms", Gt),
        ("over 5 firms", Gt),
        ("above 5 firms", Gt),
        ("exceeded 5 firms", Gt),
        ("exceeding 5 firms", Gt),
        ("topped $5", Gt),
        ("in excess of $5", Gt),
        ("at least 5 firms", Ge),
        ("no less than 5 firms", Ge),
        ("less than 5 firms", Lt),
        ("under 5 firms", Lt),
        ("below 5 firms", Lt),
        ("fewer than 5 firms", Lt),
        ("up to 5 firms", Le),
        ("at most 5 firms", Le),
        ("no more than 5 firms", Le),
        ("about 5 firms", Approx),
        ("around 5 firms", Approx),
        ("approximately 5 firms", Approx),
        ("roughly 5 firms", Approx),
        ("some 5 firms", Approx),
        ("an estimated 5 firms", Approx),
        ("circa 5 firms", Approx),
        ("~5 firms", Approx),
        ("nearly 5 firms", Nearly),
        ("almost 5 firms", Nearly),
        ("just under 5 firms", Nearly),
        ("close to 5 firms", Nearly),
    ] {
        assert_eq!(interval(t).2, b, "{t}");
    }
    assert_eq!(
        interval("about 590 companies"),
        ("531".into(), "649".into(), Approx)
    );
    assert_eq!(
        interval("nearly $2 billion"),
        ("1800000000".into(), "2000000000".into(), Nearly)
    );
    assert_eq!(
        interval("exceeded 3 billion US dollars"),
        ("3000000000".into(), "-".into(), Gt)
    );
}

#[test]
fn ranges_distribute_scale_and_unit() {
    use BoundKind::Range;
    assert_eq!(
        interval("between 2 and 3 billion dollars"),
        ("2000000000".into(), "3000000000".into(), Range)
    );
    assert_eq!(
        interval("2-3 bn dollars"),
        ("2000000000".into(), "3000000000".into(), Range)
    );
    assert_eq!(
        interval("2 to 3 billion"),
        ("2000000000".into(), "3000000000".into(), Range)
    );
    assert_eq!(
        interval("$2bn-$3bn"),
        ("2000000000".into(), "3000000000".into(), Range)
    );
    assert_eq!(
        interval("12.8\u{2013}13.0%"),
        ("12.8".into(), "13".into(), Range)
    );
    assert_eq!(unit("$2bn-$3bn"), "USD");
}

#[test]
fn vague_magnitudes() {
    let r = read("tens of billions of dollars in investment");
    assert_eq!(r.len(), 1);
    assert_eq!(
        (r[0].3.as_str(), r[0].4.as_str()),
        ("20000000000", "100000000000")
    );
    assert_eq!(r[0].5, BoundKind::Vague);
    assert_eq!(r[0].6, "USD");
    let r = read("Hundreds of the U.S. companies work there.");
    assert_eq!(
        (r[0].3.as_str(), r[0].4.as_str(), r[0].6.as_str()),
        ("200", "1000", "company")
    );
    assert_eq!(read("thousands of jobs")[0].3, "2000");
    assert_eq!(read("dozens of projects")[0].3, "24");
    assert_eq!(read("several hundred workers")[0].3, "300");
}

#[test]
fn implicit_precision_of_rounded_figures() {
    use BoundKind::{Exact, Rounded};
    assert_eq!(
        interval("$ 1.8 billion"),
        ("1750000000".into(), "1850000000".into(), Rounded)
    );
    assert_eq!(
        interval("682 million"),
        ("681500000".into(), "682500000".into(), Rounded)
    );
    assert_eq!(
        interval("$5.0bn"),
        ("4950000000".into(), "5050000000".into(), Rounded)
    );
    assert_eq!(interval("37.2%"), ("37.15".into(), "37.25".into(), Rounded));
    assert_eq!(
        interval("20,033,841 people"),
        ("20033841".into(), "20033841".into(), Exact)
    );
    // The literal text is kept.
    assert_eq!(tv("$ 1.8 billion").0, "$ 1.8 billion");
}

#[test]
fn changes_take_their_sign_from_the_verb() {
    let q = &find("That is an increase of 37.2% compared to 2021.")[0];
    assert_eq!(
        (q.measure, q.direction),
        (Measure::Change, Some(Direction::Increase))
    );
    assert_eq!(q.value.unwrap().to_string(), "37.2");
    let q = &find("Investment increased by 58.8%.")[0];
    assert_eq!(q.measure, Measure::Change);
    let q = &find("Exports were up 12% year-on-year.")[0];
    assert_eq!(
        (q.measure, q.value.unwrap().to_string()),
        (Measure::Change, "12".into())
    );
    for text in [
        "Trade rose, marking a 29.8% y/y expansion.",
        "Trade showed a 29.8% expansion.",
    ] {
        let q = &find(text)[0];
        assert_eq!(
            (q.measure, q.direction),
            (Measure::Change, Some(Direction::Increase)),
            "{text}"
        );
    }
    // An amount joined by `or` to a rate states the same change.
    for text in [
        "Turnover was $29.2 billion, a $4.7 billion or 19.4% rise.",
        "Turnover rose by 19.4%, or $4.7 billion.",
    ] {
        let q = find(text);
        let amount = q
            .iter()
            .find(|q| q.kind == Kind::Currency && q.value == Some(Decimal::new(4_700_000_000, 0)));
        assert_eq!(
            amount.map(|q| (q.measure, q.direction)),
            Some((Measure::Change, Some(Direction::Increase))),
            "{text}: {q:#?}"
        );
    }
    assert_eq!(
        find("Turnover was $29.2 billion or 19.4% of the total.")[0].measure,
        Measure::Level
    );
    // `a year earlier` dates the figure; it is no rate per year.
    let q = &find("Trade was $26.3 billion, against $26.1 billion a year earlier.")[1];
    assert_eq!((q.per.as_deref(), &q.unit), (None, &Some("USD".into())));
    assert_eq!(
        find("Rent is $1,200 a month.")[0].per.as_deref(),
        Some("month")
    );
    let q = &find("Imports fell by a third.")[0];
    assert_eq!(q.direction, Some(Direction::Decrease));
    assert_eq!(q.unit.as_deref(), Some("percent"));
    assert!(q.value.unwrap() < Decimal::from(-33) && q.value.unwrap() > Decimal::from(-34));
    // `more than` right after a percentage compares with an earlier level.
    let q = &find("It was 37 percent more than in the previous year.")[0];
    assert_eq!(
        (q.measure, q.direction),
        (Measure::Change, Some(Direction::Increase))
    );
    let q = &find("Exports were 10% less than in 2021.")[0];
    assert_eq!(q.value.unwrap().to_string(), "-10");
    // But `or more` is a bound, not a change.
    assert_eq!(
        find("10 percent or more of trade")[0].measure,
        Measure::Level
    );
    let q = &find("Trade doubled.")[0];
    assert_eq!(
        (q.measure, q.value.unwrap().to_string()),
        (Measure::Change, "100".into())
    );
    let q = &find("Exports declined 4.5 percent.")[0];
    assert_eq!(q.value.unwrap().to_string(), "-4.5");
    // Two levels, not a change and not a range.
    let q = find("Trade rose from $1.8bn to $2.5bn.");
    assert_eq!(q.len(), 2);
    assert_eq!((q[0].role, q[1].role), (Some(Role::From), Some(Role::To)));
    assert_eq!(
        (q[0].measure, q[1].measure),
        (Measure::Level, Measure::Level)
    );
    // `rose to` states a level.
    assert_eq!(find("Trade rose to $2.5bn.")[0].measure, Measure::Level);
    // `made up` says what a total comes to; a plain `up` before a figure is still a change.
    for text in [
        "Turnover had made up 1.5 billion dollars.",
        "Exports make up 40 percent of the total.",
    ] {
        assert_eq!(find(text)[0].measure, Measure::Level, "{text}");
    }
    assert_eq!(find("Output was up 3 percent.")[0].measure, Measure::Change);
    assert_eq!(
        find("Output was up by 3 percent.")[0].measure,
        Measure::Change
    );
    // A qualifier belongs to the figure: `up about 3 percent` is an approximate change.
    assert_eq!(
        find("Output was up about 3 percent.")[0].measure,
        Measure::Change
    );
}

#[test]
fn not_quantities() {
    for t in [
        "in 2022",
        "since December 1991",
        "on 5/17/2018",
        "call +7 717 255 5555",
        "visit 192.168.0.1",
        "version 2.3.1",
        "see note [3]",
        "the C5+1 format",
        "during COVID-19",
        "the G20 summit",
        "at 2 pm",
        "at 10:30",
        "Section 3 of the law",
        "https://example.org/2019/report-15",
    ] {
        assert!(find(t).is_empty(), "{t}: {:#?}", read(t));
    }
}

#[test]
fn absurd_numbers_become_errors_not_panics() {
    let q = &find("a value of 10^400 dollars")[0];
    assert!(q.value.is_none());
    assert!(q.error.as_deref().unwrap().contains("out of range"));
    let q = &find("999 trillion trillion")[0];
    assert!(q.value.is_some() || q.error.is_some());
}

#[test]
fn phrases_stop_at_line_breaks_without_losing_the_line() {
    // A currency phrase read forwards must end at a line break, not be discarded by it.
    let q = find("20 euros\n30 Euro\n$40\nUSD 50");
    let units: Vec<_> = q.iter().map(|q| q.unit.as_deref().unwrap_or("-")).collect();
    assert_eq!(units, ["EUR", "EUR", "USD", "USD"]);
    // A quantity never reaches across a line break.
    assert!(
        find("5\nbillion")
            .iter()
            .all(|q| q.value.unwrap() < Decimal::from(10))
    );
}

#[test]
fn bracketed_figures_are_restatements_not_negatives() {
    let q = &find("up by 16.4 percent, compared to January-April 2022 ($366.5 million).")[1];
    assert_eq!(q.value.unwrap().to_string(), "366500000");
}

#[test]
fn a_growth_factor_is_a_change_in_percent() {
    let q = &find("Trade has grown by almost 2.5 times since then.")[0];
    assert_eq!(
        (q.kind, q.measure, q.bound),
        (Kind::Percent, Measure::Change, BoundKind::Nearly)
    );
    assert_eq!(q.value.unwrap().to_string(), "150");
    assert_eq!(q.interval.low.unwrap().value.to_string(), "125");
}

#[test]
fn a_year_after_a_possessive_is_a_year() {
    for t in [
        "Uzbekistan's 2022 exports rose.",
        "Uzbekistan\u{2019}s 2022 exports rose.",
    ] {
        assert!(find(t).is_empty(), "{t}");
    }
    assert_eq!(unit("They hired 2022 workers."), "worker");
}

#[test]
fn a_fraction_after_a_scale_word_is_a_fraction_of_that_scale() {
    assert_eq!(value("They have two million and three fifths"), "2600000");
    assert!(value("I counted six million and two thirds").starts_with("6666666.66"));
    assert_eq!(value("It costs a dollar and 42 cents."), "1.42");
}
