//! Snapshots of `extract` over the bundled examples, as a person reads them (table) and as
//! machines do (JSON Lines). Read a changed snapshot before accepting it.

mod common;

fn run(format: &str) -> String {
    let out = common::claimcheck()
        .current_dir(common::root())
        .args(["extract", "--periods", "--format", format, "examples"])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out).unwrap()
}

#[test]
fn extract_examples_table() {
    common::settings("extract").bind(|| insta::assert_snapshot!("examples_table", run("table")));
}

#[test]
fn extract_examples_jsonl() {
    common::settings("extract").bind(|| insta::assert_snapshot!("examples_jsonl", run("jsonl")));
}
