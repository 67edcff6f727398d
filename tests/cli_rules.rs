//! Broken rule files, through the binary: each gets `file:line:column: message` and exit 2,
//! and claimcheck never starts with a broken rule set.

mod common;

use common::claimcheck;
use predicates::prelude::*;

fn dir_with(name: &str, text: &str) -> tempfile::TempDir {
    let d = tempfile::tempdir().unwrap();
    std::fs::write(d.path().join(name), text).unwrap();
    d
}

#[test]
fn a_syntax_error_is_located() {
    let d = dir_with("bad.toml", "schema = 1\n[[metric]\nid = \"x\"\n");
    claimcheck()
        .args(["rules", "check", d.path().to_str().unwrap()])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("bad.toml:2:"));
}

#[test]
fn an_unknown_field_suggests_the_right_one() {
    let d = dir_with(
        "m.toml",
        "schema = 1\n[[metric]]\nid = \"remittances\"\nname = \"Remittances\"\nunit = \"currency\"\naggregation = \"flow\"\ndirectional = true\nsigned = false\nalias = [\"remittances\"]\n",
    );
    claimcheck()
        .args(["rules", "check", d.path().to_str().unwrap()])
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("m.toml:9:1")
                .and(predicate::str::contains("did you mean `aliases`")),
        );
}

#[test]
fn a_duplicate_id_is_an_error() {
    let d = dir_with(
        "dup.toml",
        "schema = 1\n[[metric]]\nid = \"exports\"\nname = \"Exports again\"\nunit = \"currency\"\naggregation = \"flow\"\ndirectional = true\nsigned = false\naliases = [\"outbound shipments\"]\n",
    );
    claimcheck()
        .args(["rules", "check", d.path().to_str().unwrap()])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("dup.toml:").and(predicate::str::contains("exports")));
}

#[test]
fn an_alias_claimed_by_two_metrics_names_both() {
    let d = dir_with(
        "alias.toml",
        "schema = 1\n[[metric]]\nid = \"shipments\"\nname = \"Shipments\"\nunit = \"currency\"\naggregation = \"flow\"\ndirectional = true\nsigned = false\naliases = [\"two-way trade\"]\n",
    );
    claimcheck()
        .args(["rules", "check", d.path().to_str().unwrap()])
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("two-way trade")
                .and(predicate::str::contains("trade_total"))
                .and(predicate::str::contains("shipments")),
        );
}

#[test]
fn commands_refuse_to_run_with_broken_rules() {
    let d = dir_with("bad.toml", "schema = 1\n[[metric]\n");
    claimcheck()
        .args(["claims", "--rules", d.path().to_str().unwrap(), "-"])
        .write_stdin("Trade was $5 billion in 2022.\n")
        .assert()
        .code(2)
        .stdout("");
}

#[test]
fn valid_user_rules_extend_the_bundled_ones() {
    let d = dir_with(
        "extra.toml",
        "schema = 1\n[[metric]]\nid = \"exports\"\nextend = true\naliases = [\"outbound shipments\"]\n",
    );
    claimcheck()
        .args(["rules", "check", d.path().to_str().unwrap()])
        .assert()
        .code(0);
    claimcheck()
        .args([
            "claims",
            "--format",
            "jsonl",
            "--rules",
            d.path().to_str().unwrap(),
            "-",
        ])
        .write_stdin("Outbound shipments from Kazakhstan to the US were $5 billion in 2022.\n")
        .assert()
        .code(0)
        .stdout(predicate::str::contains("\"metric\":\"exports\""));
}

/// A user alias list of 100,000 phrases loads and every phrase in it is matched (its load time
/// is measured by `bench/hostile.sh`, not here).
#[test]
fn a_hundred_thousand_aliases_load_and_match() {
    let mut text =
        String::from("schema = 1\n[[metric]]\nid = \"exports\"\nextend = true\naliases = [\n");
    for i in 0..100_000 {
        text.push_str(&format!("  \"shipment line {i} of goods\",\n"));
    }
    text.push_str("]\n");
    let d = dir_with("aliases.toml", &text);
    let doc = d.path().join("doc.txt");
    std::fs::write(
        &doc,
        "Kazakhstan's shipment line 99999 of goods to the US was $5 billion in 2022.\n",
    )
    .unwrap();
    claimcheck()
        .args([
            "claims",
            "--format",
            "jsonl",
            "--rules",
            d.path().to_str().unwrap(),
            doc.to_str().unwrap(),
        ])
        .assert()
        .code(0)
        .stdout(
            predicate::str::contains("\"metric\":\"exports\"")
                .and(predicate::str::contains("shipment line 99999 of goods")),
        );
}
