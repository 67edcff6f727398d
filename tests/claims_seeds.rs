//! Acceptance for linking: every numeric claim the seed articles make gets the right metric,
//! entities and direction, period and interval. Written by hand from reading the articles (the
//! claim model, section 3); the seeds' dates are given through front matter.

mod common;

use claimcheck::claim::Claim;
use claimcheck::extract::{ExtractOptions, Extractor};
use claimcheck::input::Document;
use claimcheck::quantity::Measure;

fn claims(file: &str, date: &str) -> Option<Vec<Claim>> {
    let dir = common::shared("seeds")?;
    let text = std::fs::read_to_string(dir.join(file)).unwrap();
    let doc = Document::from_text(file, format!("---\ndate: {date}\n---\n{text}"));
    let rules = claimcheck::rules::default_rule_set();
    let mentions = Extractor::default().extract(&doc, &rules.vocab, ExtractOptions::default());
    Some(claimcheck::link::link(&doc, 0, &mentions, rules))
}

fn find<'a>(claims: &'a [Claim], text: &str) -> &'a Claim {
    claims
        .iter()
        .find(|c| c.text == text)
        .unwrap_or_else(|| panic!("no claim `{text}`"))
}

/// metric, entities (from -> to when directional), directional.
fn key(c: &Claim) -> (String, String, bool) {
    (
        c.metric.clone().unwrap_or_default(),
        c.entities.join(">"),
        c.directional,
    )
}

fn period(c: &Claim) -> String {
    c.period.as_ref().map_or("-".into(), |p| {
        format!(
            "{}..{}",
            p.start.map_or("?".into(), |d| d.to_string()),
            p.end.map_or("?".into(), |d| d.to_string())
        )
    })
}

fn base(c: &Claim) -> String {
    c.base_period.as_ref().map_or("-".into(), |p| {
        format!("{}..{}", p.start.unwrap(), p.end.unwrap())
    })
}

fn interval(c: &Claim) -> (String, String) {
    let d = |e: Option<claimcheck::interval::Endpoint>| {
        e.map_or("-".into(), |e| e.value.normalize().to_string())
    };
    (d(c.interval.low), d(c.interval.high))
}

fn s(a: &str, b: &str, dir: bool) -> (String, String, bool) {
    (a.to_string(), b.to_string(), dir)
}

#[test]
fn seed_000_trade_investment_aid_companies() {
    let Some(c) = claims("000_43cb461444ca7a2a.txt", "2023-03-01") else {
        return;
    };
    // US investment in Kazakhstan since (December) 1991: more than $50 billion.
    let x = find(&c, "exceeding 50 billion US dollars");
    assert_eq!(key(x), s("investment", "US>KZ", true));
    assert_eq!(period(x), "1991-01-01..2023-03-01");
    assert!(x.period.as_ref().unwrap().cumulative);
    assert_eq!(interval(x), ("50000000000".into(), "-".into()));
    // The resilience initiative: an additional $25 million, $50 million in total (US -> Central Asia).
    let add = find(&c, "25 million US dollars");
    let total = find(&c, "50 million US dollars");
    assert_eq!(key(add), s("aid", "US>CENTRAL_ASIA", true));
    assert_eq!(key(total), s("aid", "US>CENTRAL_ASIA", true));
    assert_eq!(interval(add), ("24500000".into(), "25500000".into()));
    // Trade turnover 2022, and its growth against 2021.
    let t = find(&c, "exceeded 3 billion US dollars");
    assert_eq!(key(t), s("trade_total", "KZ>US", false));
    assert_eq!(period(t), "2022-01-01..2022-12-31");
    let g = find(&c, "37.2%");
    assert_eq!(key(g), s("trade_total", "KZ>US", false));
    assert_eq!(g.measure, Measure::Change);
    assert_eq!(period(g), "2022-01-01..2022-12-31");
    assert_eq!(base(g), "2021-01-01..2021-12-31");
    assert_eq!(interval(g), ("37.15".into(), "37.25".into()));
    // Inflow of US investment, first three quarters of 2022 against the same of 2021.
    let i = find(&c, "58.8%");
    assert_eq!(key(i), s("investment", "US>KZ", true));
    assert_eq!(
        (period(i), base(i)),
        (
            "2022-01-01..2022-09-30".into(),
            "2021-01-01..2021-09-30".into()
        )
    );
    // About 590 companies with US capital in Kazakhstan, as of the article's date.
    let co = find(&c, "about 590 companies");
    assert_eq!(key(co), s("companies", "US>KZ", true));
    assert_eq!(interval(co), ("531".into(), "649".into()));
    assert_eq!(period(co), "2023-03-01..2023-03-01");
}

#[test]
fn seed_001_ten_months_of_2019_and_investment() {
    let Some(c) = claims("001_a85c71c065bbaee2.txt", "2019-12-14") else {
        return;
    };
    let t = find(&c, "$ 1.8 billion");
    assert_eq!(key(t), s("trade_total", "KZ>US", false));
    assert_eq!(period(t), "2019-01-01..2019-10-31");
    assert_eq!(interval(t), ("1750000000".into(), "1850000000".into()));
    // Exports from Kazakhstan to the US; imports to Kazakhstan from the US are the flow US -> KZ.
    let e = find(&c, "$ 682 million");
    assert_eq!(key(e), s("exports", "KZ>US", true));
    assert_eq!(period(e), "2019-01-01..2019-10-31");
    let m = find(&c, "$ 1.1 billion");
    assert_eq!(key(m), s("exports", "US>KZ", true));
    assert_eq!(period(m), "2019-01-01..2019-10-31");
    // The 2018 record of American investment in Kazakhstan.
    let r = find(&c, "$ 5.3 billion");
    assert_eq!(key(r), s("investment", "US>KZ", true));
    assert_eq!(period(r), "2018-01-01..2018-12-31");
    // FDI from the US into Kazakhstan since 2005, to the article's date.
    let f = find(&c, "about $ 40 billion");
    assert_eq!(key(f), s("investment", "US>KZ", true));
    assert_eq!(period(f), "2005-01-01..2019-12-14");
    assert_eq!(interval(f), ("36000000000".into(), "44000000000".into()));
}

#[test]
fn seed_002_companies_and_doing_business_ranks() {
    let Some(c) = claims("002_91baeade141f5108.txt", "2020-07-30") else {
        return;
    };
    let h = find(&c, "Hundreds of the U.S. companies");
    assert_eq!(key(h), s("companies", "US>KZ", true));
    assert_eq!(interval(h), ("200".into(), "1000".into()));
    for (text, role) in [("28th", "from"), ("25th", "to")] {
        let r = find(&c, text);
        assert_eq!(r.metric.as_deref(), Some("rank_doing_business"));
        assert_eq!(r.entities.first().map(String::as_str), Some("KZ"));
        assert_eq!(period(r), "2020-01-01..2020-12-31");
        assert_eq!(serde_json::to_value(r.role).unwrap(), role);
    }
}

#[test]
fn seed_003_fact_sheet() {
    let Some(c) = claims("003_f3e25cac376e1c9f.txt", "2023-03-01") else {
        return;
    };
    let r = find(&c, "81st largest");
    assert_eq!(key(r), s("rank_trading_partner", "KZ>US", true));
    assert_eq!(period(r), "2021-01-01..2021-12-31");
    let t = find(&c, "$2.5 billion");
    assert_eq!(key(t), s("trade_total", "KZ>US", false));
    assert_eq!(period(t), "2021-01-01..2021-12-31");
    assert_eq!(
        t.attribution.as_deref(),
        Some("a State Department fact sheet")
    );
    // "has received tens of billions of dollars in investment from U.S. firms": to date.
    let i = find(&c, "tens of billions of dollars");
    assert_eq!(key(i), s("investment", "US>KZ", true));
    assert_eq!(interval(i), ("20000000000".into(), "100000000000".into()));
    assert_eq!(period(i), "?..2023-03-01");
    let a = find(&c, "$500 million");
    assert_eq!(key(a), s("aid", "US>KZ", true));
}

#[test]
fn every_quantity_stays_a_claim_and_unlinked_ones_say_why() {
    let Some(c) = claims("003_f3e25cac376e1c9f.txt", "2023-03-01") else {
        return;
    };
    for x in c.iter().filter(|x| x.metric.is_none()) {
        assert!(x.unlinked.is_some(), "{} has no reason", x.text);
    }
    assert!(
        c.iter()
            .any(|x| x.text == "several international treaties" && x.metric.is_none())
    );
}
