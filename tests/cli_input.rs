//! Bad input through the binary: each problem gets a clear message naming the file, the other
//! files are still processed and printed, and the exit code is 2 when any input was lost.

mod common;

use common::claimcheck;
use predicates::prelude::*;

fn write(dir: &std::path::Path, name: &str, bytes: &[u8]) -> String {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p.to_string_lossy().into_owned()
}

#[test]
fn missing_path_is_an_error_but_other_files_are_still_read() {
    let dir = tempfile::tempdir().unwrap();
    let good = write(dir.path(), "good.txt", b"Trade reached $5 billion.\n");
    let missing = dir
        .path()
        .join("missing.txt")
        .to_string_lossy()
        .into_owned();
    claimcheck()
        .args(["extract", "--format", "jsonl", &missing, &good])
        .assert()
        .code(2)
        .stdout(predicate::str::contains("\"value\":\"5000000000\""))
        .stderr(
            predicate::str::contains("missing.txt").and(predicate::str::contains("No such file")),
        );
}

#[test]
fn binary_files_in_a_directory_are_skipped_with_a_note_not_an_error() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", b"Exports were 7 million dollars.\n");
    write(dir.path(), "b.txt", b"\x00\x01\x02binary 5 million\x00");
    claimcheck()
        .args(["extract", "--format", "jsonl", dir.path().to_str().unwrap()])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("7000000"))
        .stdout(predicate::str::contains("b.txt").not())
        .stderr(predicate::str::contains("b.txt").and(predicate::str::contains("binary")));
}

#[test]
fn invalid_utf8_is_decoded_lossily_and_still_read() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(
        dir.path(),
        "bad.txt",
        b"caf\xe9 sales rose to $3 million.\n",
    );
    claimcheck()
        .args(["extract", "--format", "jsonl", &f])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("3000000"))
        .stderr(
            predicate::str::contains("bad.txt")
                .and(predicate::str::contains("invalid UTF-8 at byte 3")),
        );
}

#[test]
fn an_empty_file_is_fine_and_prints_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(dir.path(), "empty.txt", b"");
    claimcheck()
        .args(["extract", "--format", "jsonl", &f])
        .assert()
        .code(0)
        .stdout("");
}

#[test]
fn standard_input_is_read_with_a_dash() {
    claimcheck()
        .args(["extract", "--format", "jsonl", "-"])
        .write_stdin("Some 590 companies work there.\n")
        .assert()
        .code(0)
        .stdout(predicate::str::contains("\"unit\":\"company\""));
}

#[test]
fn jsonl_lines_carry_the_documented_fields() {
    let out = claimcheck()
        .args(["extract", "--format", "jsonl", "-"])
        .write_stdin("---\ndate: 2023-03-01\n---\nTrade exceeded 3 billion US dollars in 2022.\n")
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let line = String::from_utf8(out).unwrap();
    let v: serde_json::Value = serde_json::from_str(line.lines().next().unwrap()).unwrap();
    assert_eq!(v["schema_version"], 1);
    assert_eq!(v["source"], "<stdin>");
    assert_eq!(v["line"], 4);
    assert_eq!(v["column"], 7);
    assert_eq!(v["text"], "exceeded 3 billion US dollars");
    // Byte offsets in the file: 25 bytes of front matter, then "Trade " (6).
    assert_eq!(v["start"], 31);
    assert_eq!(v["end"], 31 + "exceeded 3 billion US dollars".len());
    assert_eq!(v["kind"], "currency");
    assert_eq!(v["value"], "3000000000");
    assert_eq!(v["low"], "3000000000");
    assert_eq!(v["high"], serde_json::Value::Null);
    assert_eq!(v["low_inclusive"], false);
    assert_eq!(v["bound"], "gt");
    assert_eq!(v["unit"], "USD");
    assert_eq!(v["measure"], "level");
}

#[test]
fn json_format_lists_documents_and_errors() {
    let dir = tempfile::tempdir().unwrap();
    let good = write(
        dir.path(),
        "good.md",
        b"---\ntitle: T\ndate: 2020-01-02\n---\nUp 5%.\n",
    );
    let missing = dir.path().join("nope.md").to_string_lossy().into_owned();
    let out = claimcheck()
        .args(["extract", "--format", "json", &good, &missing])
        .assert()
        .code(2)
        .get_output()
        .stdout
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["schema_version"], 1);
    assert_eq!(v["documents"][0]["title"], "T");
    assert_eq!(v["documents"][0]["date"], "2020-01-02");
    assert_eq!(v["documents"][1]["status"], "error");
    assert_eq!(v["errors"].as_array().unwrap().len(), 1);
    assert_eq!(v["mentions"][0]["unit"], "percent");
}

#[test]
fn output_is_the_same_with_one_or_two_threads() {
    let examples = common::root().join("examples");
    let run = |j: &str| {
        claimcheck()
            .args([
                "extract",
                "--format",
                "jsonl",
                "-j",
                j,
                examples.to_str().unwrap(),
            ])
            .assert()
            .code(0)
            .get_output()
            .stdout
            .clone()
    };
    let one = run("1");
    assert!(!one.is_empty());
    assert_eq!(one, run("2"));
}
