//! Acceptance: every quantity in the four seed articles (`../shared/seeds/`) comes out with the
//! right value, interval, unit, bound and period, and nothing that is not a quantity does.
//!
//! The expectations below were written by hand from reading each article (see the claim model's
//! tables), not copied from the output. The seeds carry no dates; they are given here through
//! front matter: 000 and 003 were published on 2023-03-01, 001 on 2019-12-14, 002 on 2020-07-30.
//!
//! Each line is `text | kind | value | low..high | bound | unit | measure | period | base`,
//! with `-` for none. A period of `*` is not asserted: spelled-out ordinals such as "the first
//! country to recognize" are listed as rank mentions, but state no figure a period could date.

mod common;

use claimcheck::extract::{ExtractOptions, Extractor, Mention};
use claimcheck::input::Document;

fn json(v: &impl serde::Serialize) -> String {
    serde_json::to_value(v)
        .unwrap()
        .as_str()
        .unwrap_or("-")
        .to_string()
}

fn describe(m: &Mention) -> String {
    let opt = |s: &Option<String>| s.clone().unwrap_or_else(|| "-".into());
    let shown =
        |s: &Option<claimcheck::extract::Shown>| s.as_ref().map_or("-".into(), |s| s.to_string());
    let period = |p: &Option<claimcheck::extract::PeriodOut>| match p {
        Some(p) => format!(
            "{}..{}",
            p.start.map_or("-".into(), |d| d.to_string()),
            p.end.map_or("-".into(), |d| d.to_string())
        ),
        None => "-".into(),
    };
    format!(
        "{} | {} | {} | {}..{} | {} | {} | {} | {} | {}",
        m.text,
        m.kind,
        shown(&m.value),
        shown(&m.low),
        shown(&m.high),
        m.bound.map_or("-".into(), |b| json(&b)),
        opt(&m.unit),
        m.measure.map_or("-".into(), |b| json(&b)),
        period(&m.period),
        period(&m.base_period),
    )
}

fn check(file: &str, date: &str, expected: &[&str]) {
    let Some(dir) = common::shared("seeds") else {
        return;
    };
    let text = std::fs::read_to_string(dir.join(file)).unwrap();
    let doc = Document::from_text(file, format!("---\ndate: {date}\n---\n{text}"));
    let vocab = claimcheck::rules::default_vocabulary();
    let got: Vec<String> = Extractor::default()
        .extract(&doc, vocab, ExtractOptions::default())
        .iter()
        .map(describe)
        .collect();
    let matches = |g: &str, e: &str| {
        let (gp, ep): (Vec<&str>, Vec<&str>) = (g.split(" | ").collect(), e.split(" | ").collect());
        gp.len() == ep.len() && gp.iter().zip(&ep).all(|(a, b)| *b == "*" || a == b)
    };
    let ok = got.len() == expected.len() && got.iter().zip(expected).all(|(g, e)| matches(g, e));
    assert!(
        ok,
        "{file}:\n--- expected\n{}\n--- got\n{}",
        expected.join("\n"),
        got.join("\n")
    );
}

#[test]
fn seed_000_blinken_in_astana() {
    check(
        "000_43cb461444ca7a2a.txt",
        "2023-03-01",
        &[
            // "his first official visit to Astana"
            "first | rank | 1 | 1..1 | exact | - | rank | * | -",
            // "the US was the first country to recognize the independence of Kazakhstan"
            "first | rank | 1 | 1..1 | exact | - | rank | * | -",
            // "US businessmen were among the first to invest"
            "first | rank | 1 | 1..1 | exact | - | rank | * | -",
            "exceeding 50 billion US dollars | currency | 50000000000 | 50000000000..- | gt | USD | level | 1991-01-01..2023-03-01 | -",
            "25 million US dollars | currency | 25000000 | 24500000..25500000 | rounded | USD | level | - | -",
            "50 million US dollars | currency | 50000000 | 49500000..50500000 | rounded | USD | level | - | -",
            "exceeded 3 billion US dollars | currency | 3000000000 | 3000000000..- | gt | USD | level | 2022-01-01..2022-12-31 | -",
            // "That is an increase of 37.2% compared to 2021": the period of the sentence before.
            "37.2% | percent | 37.2 | 37.15..37.25 | rounded | percent | change | 2022-01-01..2022-12-31 | 2021-01-01..2021-12-31",
            "58.8% | percent | 58.8 | 58.75..58.85 | rounded | percent | change | 2022-01-01..2022-09-30 | 2021-01-01..2021-09-30",
            "about 590 companies | count | 590 | 531..649 | approx | company | level | - | -",
        ],
    );
}

#[test]
fn seed_001_tleuberdi_in_washington() {
    check(
        "001_a85c71c065bbaee2.txt",
        "2019-12-14",
        &[
            // "the first president of the republic"
            "first | rank | 1 | 1..1 | exact | - | rank | * | -",
            "$ 1.8 billion | currency | 1800000000 | 1750000000..1850000000 | rounded | USD | level | 2019-01-01..2019-10-31 | -",
            // The next sentence states no period: it is the ten months of the sentence before.
            "$ 682 million | currency | 682000000 | 681500000..682500000 | rounded | USD | level | 2019-01-01..2019-10-31 | -",
            "$ 1.1 billion | currency | 1100000000 | 1050000000..1150000000 | rounded | USD | level | 2019-01-01..2019-10-31 | -",
            "$ 5.3 billion | currency | 5300000000 | 5250000000..5350000000 | rounded | USD | level | 2018-01-01..2018-12-31 | -",
            "about $ 40 billion | currency | 40000000000 | 36000000000..44000000000 | approx | USD | level | 2005-01-01..2019-12-14 | -",
        ],
    );
}

#[test]
fn seed_002_op_ed() {
    check(
        "002_91baeade141f5108.txt",
        "2020-07-30",
        &[
            // "7 mins read" under the headline.
            "7 mins | count | 7 | 7..7 | exact | min | level | - | -",
            "Hundreds of the U.S. companies | count | - | 200..1000 | vague | company | level | - | -",
            "28th | rank | 28 | 28..28 | exact | - | rank | 2020-01-01..2020-12-31 | -",
            "25th | rank | 25 | 25..25 | exact | - | rank | 2020-01-01..2020-12-31 | -",
        ],
    );
}

#[test]
fn seed_003_state_department_fact_sheet() {
    check(
        "003_f3e25cac376e1c9f.txt",
        "2023-03-01",
        &[
            "81st largest | rank | 81 | 81..81 | exact | - | rank | 2021-01-01..2021-12-31 | -",
            "$2.5 billion | currency | 2500000000 | 2450000000..2550000000 | rounded | USD | level | 2021-01-01..2021-12-31 | -",
            // Accumulated over the years: no single period is stated.
            "tens of billions of dollars | currency | - | 20000000000..100000000000 | vague | USD | level | - | -",
            // "The U.S. was the first to recognize Kazakhstan's independence in 1991"
            "first | rank | 1 | 1..1 | exact | - | rank | * | -",
            "several international treaties | count | - | 3..10 | vague | treaty | level | - | -",
            "$500 million | currency | 500000000 | 499500000..500500000 | rounded | USD | level | - | -",
        ],
    );
}

#[test]
fn seed_roles_of_the_doing_business_ranks() {
    let Some(dir) = common::shared("seeds") else {
        return;
    };
    let text = std::fs::read_to_string(dir.join("002_91baeade141f5108.txt")).unwrap();
    let doc = Document::from_text("002", text);
    let m = Extractor::default().extract(
        &doc,
        claimcheck::rules::default_vocabulary(),
        ExtractOptions::default(),
    );
    let ranks: Vec<_> = m.iter().filter(|m| m.kind == "rank").collect();
    assert_eq!(ranks.len(), 2);
    assert_eq!(serde_json::to_value(ranks[0].role).unwrap(), "from");
    assert_eq!(serde_json::to_value(ranks[1].role).unwrap(), "to");
}
