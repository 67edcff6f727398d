//! The seed facts, their contradictions and controls, checked together; order independence;
//! and scale.

use jiff::civil::date;
use proptest::prelude::*;

use super::test_support::{B, claim, months, of, one, run, year};
use super::{CheckKind, Finding, Verdict};
use crate::claim::Claim;

const DOC_DATE: (i16, i8, i8) = (2023, 3, 14);

fn doc_date() -> jiff::civil::Date {
    date(DOC_DATE.0, DOC_DATE.1, DOC_DATE.2)
}

fn trade(id: &str, text: &str) -> B {
    claim(id, "trade_total", &["KZ", "US"], text)
}

fn fdi(id: &str, text: &str) -> B {
    claim(id, "investment", &["US", "KZ"], text)
}

const ADDITION: &str = "The United States will provide an additional $25 million, which will now amount to $50 million in total.";

/// The seed facts, as the documents state them.
fn seeds() -> Vec<Claim> {
    let jan_oct = || months(2019, 1, 10, "Jan-Oct 2019");
    vec![
        // Doc 0: January-October 2019.
        claim("0:1", "exports", &["KZ", "US"], "$682 million")
            .period(jan_oct())
            .build(),
        claim("0:2", "exports", &["US", "KZ"], "$1.1 billion")
            .period(jan_oct())
            .build(),
        trade("0:3", "$1.8 billion").period(jan_oct()).build(),
        // Doc 1: a fact sheet on 2021.
        trade("1:1", "$2.5 billion").year(2021).build(),
        // Doc 2: 2022 and the cumulative investment.
        trade("2:1", "exceeded 3 billion US dollars")
            .year(2022)
            .build(),
        trade("2:2", "37.2 percent")
            .year(2022)
            .change_vs(year(2021))
            .build(),
        fdi("2:3", "more than $50 billion")
            .since(date(1991, 1, 1), "since 1991", Some(doc_date()))
            .build(),
        // Doc 3: investment since 2005 and in 2018.
        fdi("3:1", "about $40 billion")
            .since(date(2005, 1, 1), "since 2005", Some(doc_date()))
            .build(),
        fdi("3:2", "$5.3 billion").year(2018).build(),
        // Doc 4: "tens of billions" to date, since independence.
        fdi("4:1", "tens of billions of dollars")
            .since(date(1991, 1, 1), "since 1991", Some(doc_date()))
            .build(),
        // Doc 5: the aid increment.
        claim("5:1", "aid", &["US", "KZ"], "$25 million")
            .at(0)
            .sentence(ADDITION)
            .build(),
        claim("5:2", "aid", &["US", "KZ"], "$50 million")
            .at(60)
            .sentence(ADDITION)
            .build(),
    ]
}

fn not_conflicts(f: &[Finding]) -> Vec<&Finding> {
    f.iter()
        .filter(|f| f.verdict == Verdict::Conflict)
        .collect()
}

#[test]
fn the_seed_facts_are_consistent() {
    let f = run(&seeds());
    assert!(not_conflicts(&f).is_empty(), "{:#?}", not_conflicts(&f));
    let sum = one(&f, CheckKind::PartsTotal, &["0:1", "0:2", "0:3"]);
    assert_eq!(
        sum.arithmetic.text,
        "682 mn + 1.1 bn = [1.7315, 1.8325] bn vs [1.75, 1.85] bn (Jan-Oct 2019): consistent"
    );
    let growth = one(&f, CheckKind::Growth, &["1:1", "2:1", "2:2"]);
    assert_eq!(
        growth.arithmetic.text,
        "2.5 bn (2021) x 1.372 = [3.36, 3.50] bn vs > 3 bn (2022): consistent"
    );
    let since = one(&f, CheckKind::Containment, &["2:3", "3:1"]);
    assert_eq!(since.verdict, Verdict::Consistent);
    let year = one(&f, CheckKind::Containment, &["3:1", "3:2"]);
    assert_eq!(year.verdict, Verdict::Consistent);
    // "tens of billions" since 1991: the same period as "more than $50 billion", and a
    // period containing since-2005 and 2018.
    let tens = one(&f, CheckKind::SameValue, &["2:3", "4:1"]);
    assert_eq!(tens.verdict, Verdict::Consistent);
    assert_eq!(
        tens.arithmetic.text,
        "> 50 bn vs [20, 100) bn (since 1991): consistent"
    );
    assert_eq!(
        one(&f, CheckKind::Containment, &["4:1", "3:1"]).verdict,
        Verdict::Consistent
    );
    assert_eq!(
        one(&f, CheckKind::Containment, &["4:1", "3:2"]).verdict,
        Verdict::Consistent
    );
    let inc = one(&f, CheckKind::Increment, &["5:1", "5:2"]);
    assert_eq!(inc.verdict, Verdict::Consistent);
    // Every finding is a check that was made: nothing is left unchecked here but the aid
    // figures, which state no period.
    for x in &f {
        assert!(
            x.verdict != Verdict::Unchecked || x.metric == "aid",
            "{x:#?}"
        );
    }
}

#[test]
fn contradictions_of_each_kind_are_conflicts() {
    let mut claims = seeds();
    // A level: another source's 2021 figure.
    claims.push(trade("6:1", "$1.9 billion").year(2021).build());
    // A sum: exports and imports that cannot make $1.8 billion.
    claims.push(
        claim("7:1", "exports", &["KZ", "US"], "$1.2 billion")
            .year(2020)
            .build(),
    );
    claims.push(
        claim("7:2", "exports", &["US", "KZ"], "$1.4 billion")
            .year(2020)
            .build(),
    );
    claims.push(trade("7:3", "$1.8 billion").year(2020).build());
    // A growth with the wrong sign: trade with UZ fell from 2021 to 2022, stated +10%.
    let uz = |id: &str, text: &str| claim(id, "trade_total", &["KZ", "UZ"], text);
    claims.push(uz("7:4", "$2.5 billion").year(2021).build());
    claims.push(uz("7:5", "$2.0 billion").year(2022).build());
    claims.push(uz("7:6", "10%").year(2022).change_vs(year(2021)).build());
    // A since-total smaller than a later since-total: since 1991 below since 2005.
    claims.push(
        fdi("8:1", "$30 billion")
            .since(date(1991, 1, 1), "since 1991", Some(date(2023, 6, 1)))
            .build(),
    );
    claims.push(
        fdi("8:2", "$35 billion")
            .since(date(2005, 1, 1), "since 2005", Some(date(2023, 6, 1)))
            .build(),
    );
    // A single year above a since-total.
    claims.push(fdi("9:1", "$45 billion").year(2019).build());
    let f = run(&claims);
    let conflict = |check, ids: &[&str]| {
        let x = one(&f, check, ids);
        assert_eq!(x.verdict, Verdict::Conflict, "{x:#?}");
        x.clone()
    };
    conflict(CheckKind::SameValue, &["1:1", "6:1"]);
    conflict(CheckKind::PartsTotal, &["7:1", "7:2", "7:3"]);
    let g = conflict(CheckKind::Growth, &["7:4", "7:5", "7:6"]);
    assert!(
        g.message
            .contains("the levels fell while the claim says they rose"),
        "{}",
        g.message
    );
    conflict(CheckKind::Containment, &["8:1", "8:2"]);
    conflict(CheckKind::Containment, &["3:1", "9:1"]);
    // The seed facts themselves still hold.
    assert_eq!(
        one(&f, CheckKind::PartsTotal, &["0:1", "0:2", "0:3"]).verdict,
        Verdict::Consistent
    );
}

#[test]
fn controls_that_differ_within_rounding_never_conflict() {
    let claims = vec![
        trade("0:1", "37 percent")
            .year(2022)
            .change_vs(year(2021))
            .build(),
        trade("1:1", "37.2 percent")
            .year(2022)
            .change_vs(year(2021))
            .build(),
        trade("2:1", "$5bn").year(2020).build(),
        trade("3:1", "$4.6 billion").year(2020).build(),
        trade("4:1", "$3.1 billion").year(2022).build(),
        trade("5:1", "$3.14 billion").year(2022).build(),
        claim("6:1", "exports", &["KZ", "US"], "354.6 million dollars")
            .year(2017)
            .build(),
        claim("6:2", "exports", &["US", "KZ"], "1,164 million dollars")
            .year(2017)
            .build(),
        trade("6:3", "1,518 million dollars").year(2017).build(),
    ];
    let f = run(&claims);
    assert!(not_conflicts(&f).is_empty(), "{:#?}", not_conflicts(&f));
    for ids in [["0:1", "1:1"], ["2:1", "3:1"], ["4:1", "5:1"]] {
        assert_eq!(
            one(&f, CheckKind::SameValue, &ids).verdict,
            Verdict::ConsistentWithinRounding,
            "{ids:?}"
        );
    }
    assert_eq!(
        one(&f, CheckKind::PartsTotal, &["6:1", "6:2", "6:3"]).verdict,
        Verdict::ConsistentWithinRounding
    );
}

#[test]
fn finding_ids_are_stable_fingerprints() {
    let f = run(&seeds());
    let sum = one(&f, CheckKind::PartsTotal, &["0:1", "0:2", "0:3"]);
    let mut prints = vec![
        "fp-0:1-$682 million",
        "fp-0:2-$1.1 billion",
        "fp-0:3-$1.8 billion",
    ];
    prints.sort_unstable();
    assert_eq!(
        sum.id,
        super::fingerprint(CheckKind::PartsTotal, "trade-parts", &prints)
    );
    assert_eq!(sum.id.len(), 16);
    // FNV-1a 64 of known bytes (computed independently), pinned so it never changes by accident.
    assert_eq!(
        super::fingerprint(CheckKind::SameValue, "r", &["a"]),
        "5e9a6d3001a9e42f"
    );
    let ids: std::collections::HashSet<&str> = f.iter().map(|x| x.id.as_str()).collect();
    assert_eq!(ids.len(), f.len(), "ids are unique");
}

#[test]
fn targets_are_never_checked_against_actuals() {
    let mut claims = seeds();
    claims.push(
        trade("9:1", "$10 billion")
            .year(2022)
            .modality(crate::claim::Modality::Target)
            .build(),
    );
    let f = run(&claims);
    assert!(f.iter().all(|x| !x.claims.contains(&"9:1".to_string())));
}

fn json(f: &[Finding]) -> String {
    serde_json::to_string(f).unwrap()
}

/// All the claims of the tests above, in one list.
fn everything() -> Vec<Claim> {
    let mut claims = seeds();
    claims.push(trade("6:1", "$1.9 billion").year(2021).build());
    claims.push(trade("6:2", "$2.5 billion").year(2021).build());
    claims.push(trade("6:3", "2.3 trillion KZT").year(2021).build());
    claims.push(trade("6:4", "$2.5 billion").build());
    claims.push(trade("7:4", "10%").year(2022).change_vs(year(2021)).build());
    claims.push(
        trade("7:5", "37 percent")
            .year(2022)
            .change_vs(year(2021))
            .build(),
    );
    claims.push(
        claim("8:1", "rank_trading_partner", &["KZ", "US"], "25th")
            .year(2020)
            .build(),
    );
    claims.push(
        claim("8:2", "rank_trading_partner", &["KZ", "US"], "28th")
            .year(2020)
            .build(),
    );
    claims
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn output_does_not_depend_on_input_order(shuffled in Just(everything()).prop_shuffle()) {
        let expected = json(&run(&everything()));
        prop_assert_eq!(json(&run(&shuffled)), expected);
    }
}

#[test]
fn restatements_of_one_figure_are_checked_once() {
    // Three documents restate $2.5 billion for 2021 (two wordings, one precision), a fourth
    // says $2.9 billion. (`$2,500 million` would be another statement: a finer figure.)
    let claims = vec![
        trade("0:1", "$2.5 billion").year(2021).build(),
        trade("1:1", "2.5 billion dollars").year(2021).build(),
        trade("2:1", "$2.5 billion").year(2021).build(),
        trade("3:1", "$2.9 billion").year(2021).build(),
    ];
    let all = run(&claims);
    let f = of(&all, CheckKind::SameValue);
    // Claim by claim this would be six pairs; by statement it is one agreement and one
    // conflict, each naming every claim it covers.
    assert_eq!(f.len(), 2, "{f:#?}");
    let agree = f.iter().find(|x| x.verdict == Verdict::Consistent).unwrap();
    assert_eq!(agree.claims, ["0:1", "1:1", "2:1"]);
    assert!(
        agree
            .message
            .ends_with("(1 more claim restates these figures)"),
        "{}",
        agree.message
    );
    let conflict = f.iter().find(|x| x.verdict == Verdict::Conflict).unwrap();
    assert_eq!(conflict.claims, ["0:1", "1:1", "2:1", "3:1"]);
    assert_eq!(conflict.arithmetic.left.claims, ["0:1", "1:1", "2:1"]);
    assert_eq!(conflict.arithmetic.right.claims, ["3:1"]);
    assert!(
        conflict
            .message
            .ends_with("(2 more claims restate these figures)"),
        "{}",
        conflict.message
    );
}

#[test]
fn many_claims_are_checked_by_key() {
    // 1,000 keys (entity pairs) x 50 years x 2 sources = 100,000 claims. Within a key, each
    // year has two figures: equal, except every tenth year, where the second source's figure
    // is 10% higher (a conflict). Years differ, so no other check applies.
    let mut claims = Vec::with_capacity(100_000);
    for k in 0..1000 {
        let entities = [format!("A{k:04}"), "ZZ".to_string()];
        let ents: Vec<&str> = entities.iter().map(String::as_str).collect();
        for y in 0..50i16 {
            let base = 100 + i64::from(y);
            for s in 0..2usize {
                let v = if s == 1 && y % 10 == 0 {
                    base * 11 / 10 + 1
                } else {
                    base
                };
                let id = format!("{}:{}", k * 2 + s, y);
                claims.push(
                    claim(&id, "trade_total", &ents, &format!("${v} million"))
                        .year(1950 + y)
                        .build(),
                );
            }
        }
    }
    assert_eq!(claims.len(), 100_000);
    let started = std::time::Instant::now();
    let f = run(&claims);
    let elapsed = started.elapsed();
    println!(
        "checked {} claims into {} findings in {elapsed:?}",
        claims.len(),
        f.len()
    );
    assert_eq!(f.len(), 50_000);
    assert_eq!(of(&f, CheckKind::SameValue).len(), 50_000);
    assert_eq!(
        f.iter().filter(|x| x.verdict == Verdict::Conflict).count(),
        5_000
    );
    assert_eq!(
        f.iter()
            .filter(|x| x.verdict == Verdict::Consistent)
            .count(),
        45_000
    );
}

#[test]
#[ignore = "prints the findings for a person to read"]
fn show() {
    for f in run(&everything()) {
        println!(
            "{} {:?} {:?} [{}] {}\n    {}\n    {}",
            f.id,
            f.check,
            f.verdict,
            f.period,
            f.claims.join(","),
            f.arithmetic.text,
            f.message
        );
    }
}
