//! `claims` over the bundled examples: a snapshot people can read, and the check that the
//! examples' different wordings of the same facts give the same claim keys.

mod common;

use std::collections::BTreeMap;

fn run(args: &[&str]) -> String {
    let out = common::claimcheck()
        .current_dir(common::root())
        .args(args)
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out).unwrap()
}

#[test]
fn claims_examples_by_metric() {
    let table = run(&[
        "claims",
        "--format",
        "table",
        "--group-by",
        "metric",
        "examples",
    ]);
    common::settings("claims").bind(|| insta::assert_snapshot!("examples_by_metric", table));
}

/// Restatements of one seed fact in different documents and wordings share one key.
#[test]
fn different_wordings_give_the_same_claim_keys() {
    let jsonl = run(&["claims", "--format", "jsonl", "examples"]);
    let mut keys: BTreeMap<(String, String, String), Vec<String>> = BTreeMap::new();
    for line in jsonl.lines() {
        let c: serde_json::Value = serde_json::from_str(line).unwrap();
        let Some(metric) = c["metric"].as_str() else {
            continue;
        };
        let entities: Vec<&str> = c["entities"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e.as_str().unwrap())
            .collect();
        let period = c["period"]["label"].as_str().unwrap_or("-").to_string();
        keys.entry((metric.to_string(), entities.join(">"), period))
            .or_default()
            .push(format!(
                "{} \"{}\"",
                c["source"].as_str().unwrap(),
                c["text"].as_str().unwrap()
            ));
    }
    let wordings = |m: &str, e: &str, p: &str| {
        keys.get(&(m.into(), e.into(), p.into()))
            .map_or(0, Vec::len)
    };
    // "Two-way trade in 2021 totalled $2.5 billion", "was $2.5 billion in 2021",
    // "two and a half billion dollars in 2021".
    assert!(wordings("trade_total", "KZ>US", "2021") >= 3, "{keys:#?}");
    // "topped $3 billion in 2022", "rose above 3 billion dollars in 2022", "topped three billion".
    assert!(wordings("trade_total", "KZ>US", "2022") >= 3, "{keys:#?}");
    // US investment since 1991, in three wordings.
    assert!(
        wordings("investment", "US>KZ", "since 1991") >= 2,
        "{keys:#?}"
    );
    // The January-October 2019 exports, in two documents.
    assert!(
        wordings("exports", "KZ>US", "2019-01..2019-10") >= 2,
        "{keys:#?}"
    );
}
