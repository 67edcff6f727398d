//! `claimcheck report --claims FILE...`: checking claims made elsewhere (map/reduce). The
//! claims of `examples/` and a contradiction fixture are written with `claims --format jsonl`,
//! split into shards, and checked again: the report must be the one `report` gives on the
//! documents themselves.

mod common;

use std::path::{Path, PathBuf};

use common::claimcheck;
use serde_json::Value;

const FIXTURE: &str = "tests/fixtures/contradictions/level.md";

/// `claims --format jsonl examples/ FIXTURE`, as lines.
fn claim_lines() -> Vec<String> {
    let out = claimcheck()
        .current_dir(common::root())
        .args(["claims", "--format", "jsonl", "examples/", FIXTURE])
        .output()
        .unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect()
}

/// The document index of a claim line's id (`3:12` -> 3).
fn doc_of(line: &str) -> u64 {
    let v: Value = serde_json::from_str(line).unwrap();
    v["id"]
        .as_str()
        .unwrap()
        .split(':')
        .next()
        .unwrap()
        .parse()
        .unwrap()
}

/// Split the lines into two shards at the first document boundary after the middle, as two
/// machines would write them; returns the shard paths.
fn shards(dir: &Path, lines: &[String]) -> (PathBuf, PathBuf) {
    let mut cut = lines.len() / 2;
    while cut < lines.len() && doc_of(&lines[cut]) == doc_of(&lines[cut - 1]) {
        cut += 1;
    }
    assert!(0 < cut && cut < lines.len(), "two non-empty shards");
    let (a, b) = (dir.join("shard-a.jsonl"), dir.join("shard-b.jsonl"));
    std::fs::write(&a, lines[..cut].join("\n") + "\n").unwrap();
    std::fs::write(&b, lines[cut..].join("\n") + "\n").unwrap();
    (a, b)
}

/// Run `claimcheck report ARGS` from the repository root: (exit code, stdout, stderr).
fn report(args: &[&str]) -> (i32, String, String) {
    let out = claimcheck()
        .current_dir(common::root())
        .arg("report")
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// (id, verdict, check, arithmetic text) of every finding of a JSON report.
fn findings(r: &Value) -> Vec<(String, String, String, String)> {
    r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let s = |k: &str| f[k].as_str().unwrap().to_string();
            (
                s("id"),
                s("verdict"),
                s("check"),
                f["arithmetic"]["text"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn p(path: &Path) -> &str {
    path.to_str().unwrap()
}

#[test]
fn shards_of_claims_give_the_report_of_the_documents() {
    let dir = tempfile::tempdir().unwrap();
    let lines = claim_lines();
    let (a, b) = shards(dir.path(), &lines);

    let (code_docs, docs, _) = report(&["--format", "json", "examples/", FIXTURE]);
    let (code, shards, stderr) = report(&["--format", "json", "--claims", p(&a), p(&b)]);
    assert_eq!(stderr, "");
    assert_eq!(code_docs, 1, "the fixture contradicts the examples");
    assert_eq!(code, 1, "the same exit code from the claims");
    let docs: Value = serde_json::from_str(&docs).unwrap();
    let shards: Value = serde_json::from_str(&shards).unwrap();

    let expected = findings(&docs);
    assert!(expected.len() >= 30, "{expected:#?}");
    assert_eq!(findings(&shards), expected);
    // The contradiction the fixture plants: $2.5 billion against $3.9 billion of trade in 2021.
    let conflict = expected
        .iter()
        .find(|(_, v, c, _)| v == "conflict" && c == "same-value")
        .expect("a same-value conflict");
    assert!(
        conflict
            .3
            .starts_with("2.5 bn [2.45, 2.55] bn vs 3.9 bn [3.85, 3.95] bn (2021): conflict"),
        "{conflict:?}"
    );
    // Every document has claims here, so the counts and the claim ids are the same too.
    assert_eq!(shards["summary"], docs["summary"]);
    assert_eq!(shards["summary"]["documents_read"], 12);
    assert_eq!(shards["summary"]["quantities"], lines.len());
    assert_eq!(shards["claims"], docs["claims"]);
    assert_eq!(shards["findings"], docs["findings"]);
    assert_eq!(shards["documents"], docs["documents"]);
}

#[test]
fn every_format_and_option_prints_the_same_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = shards(dir.path(), &claim_lines());
    let (_, json, _) = report(&["--format", "json", "examples/", FIXTURE]);
    let json: Value = serde_json::from_str(&json).unwrap();
    let conflict_id = json["findings"][0]["id"].as_str().unwrap().to_string();
    let baseline = dir.path().join("baseline.json");
    let (code, _, _) = report(&["--write-baseline", p(&baseline), "examples/", FIXTURE]);
    assert_eq!(code, 1);

    let variants: Vec<Vec<&str>> = vec![
        vec!["--format", "table"],
        vec!["--format", "markdown"],
        vec!["--format", "jsonl"],
        vec!["--format", "sarif"],
        vec!["--format", "github"],
        vec!["--show", "all", "-v"],
        vec!["--format", "markdown", "--show", "all", "-v"],
        vec!["--format", "github", "--show", "all", "--fail-on", "never"],
        vec!["--fail-on", "difference"],
        vec!["--explain", &conflict_id[..6]],
        vec!["--baseline", p(&baseline)],
        vec!["--baseline", p(&baseline), "--format", "sarif"],
    ];
    for v in &variants {
        let mut on_docs = v.clone();
        on_docs.extend(["examples/", FIXTURE]);
        let mut on_claims = v.clone();
        on_claims.extend(["--claims", p(&a), p(&b)]);
        let (code_docs, out_docs, _) = report(&on_docs);
        let (code, out, stderr) = report(&on_claims);
        assert_eq!(stderr, "", "{v:?}");
        assert_eq!(code, code_docs, "{v:?}");
        assert_eq!(out, out_docs, "{v:?}");
    }
    // The baseline accepts the conflict: exit 0, and it is counted as baselined.
    let (code, out, _) = report(&["--baseline", p(&baseline), "--claims", p(&a), p(&b)]);
    assert_eq!(code, 0);
    assert!(
        out.contains("0 conflicts") && out.contains("1 baselined"),
        "{out}"
    );
    // The explanation quotes both claims in their sentences.
    let (_, out, _) = report(&["--explain", &conflict_id, "--claims", p(&a), p(&b)]);
    assert!(
        out.contains("sentence:  Two-way trade in 2021 totalled $2.5 billion."),
        "{out}"
    );
    assert!(out.contains(FIXTURE), "{out}");
}

#[test]
fn a_malformed_line_is_reported_with_file_and_line_and_the_rest_is_checked() {
    let dir = tempfile::tempdir().unwrap();
    let lines = claim_lines();
    let (a, b) = shards(dir.path(), &lines);
    let (_, reference, _) = report(&["--format", "json", "--claims", p(&a), p(&b)]);
    let reference: Value = serde_json::from_str(&reference).unwrap();

    // Line 3: broken JSON; line 5: a claim cut short (that claim is lost); line 8: not a claim.
    let mut shard: Vec<String> = std::fs::read_to_string(&a)
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect();
    shard.insert(2, "{\"type\":\"claim\", oops".to_string());
    let cut = shard[4].len() / 2;
    let lost_id = serde_json::from_str::<Value>(&shard[4]).unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    shard[4].truncate(cut);
    shard.insert(7, r#"{"type":"quantity","text":"$5"}"#.to_string());
    let bad = dir.path().join("bad.jsonl");
    std::fs::write(&bad, shard.join("\n") + "\n").unwrap();

    let (code, out, stderr) = report(&["--format", "json", "--claims", p(&bad), p(&b)]);
    assert_eq!(code, 2, "bad input wins over the conflict's 1");
    let at = |n: usize| format!("claimcheck: {}:{n}: ", p(&bad));
    let err: Vec<&str> = stderr.lines().collect();
    assert_eq!(err.len(), 3, "{stderr}");
    assert!(
        err[0].starts_with(&at(3)) && err[0].contains("column"),
        "{stderr}"
    );
    assert!(
        err[1].starts_with(&at(5)) && err[1].contains("EOF"),
        "{stderr}"
    );
    assert!(err[2].starts_with(&at(8)) && err[2].contains("`quantity` line is not a claim"));

    let r: Value = serde_json::from_str(&out).unwrap();
    let errors: Vec<&str> = r["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["source"].as_str().unwrap())
        .collect();
    assert_eq!(
        errors,
        [at(3), at(5), at(8)].map(|s| s[12..s.len() - 2].to_string())
    );
    // Every other claim is there and checked: one claim fewer, the conflict still found.
    let n = |r: &Value| r["claims"].as_array().unwrap().len();
    assert_eq!(n(&r), n(&reference) - 1);
    assert_eq!(n(&r), lines.len() - 1);
    assert!(
        r["claims"]
            .as_array()
            .unwrap()
            .iter()
            .all(|c| c["id"] != lost_id.as_str())
    );
    let conflicts = |r: &Value| {
        findings(r)
            .into_iter()
            .filter(|f| f.1 == "conflict")
            .collect::<Vec<_>>()
    };
    assert_eq!(conflicts(&r), conflicts(&reference));
    assert_eq!(r["summary"]["conflicts"], 1);
}

#[test]
fn documents_are_numbered_again_so_ids_from_different_shards_never_collide() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = shards(dir.path(), &claim_lines());
    // The second shard as its own run of `claims` would number it: from document 0.
    let first_doc = doc_of(std::fs::read_to_string(&b).unwrap().lines().next().unwrap());
    assert!(first_doc > 0);
    let renumbered: Vec<String> = std::fs::read_to_string(&b)
        .unwrap()
        .lines()
        .map(|l| {
            let mut v: Value = serde_json::from_str(l).unwrap();
            let id = v["id"].as_str().unwrap().to_string();
            let (d, o) = id.split_once(':').unwrap();
            let d: u64 = d.parse().unwrap();
            v["id"] = Value::String(format!("{}:{o}", d - first_doc));
            serde_json::to_string(&v).unwrap()
        })
        .collect();
    let b0 = dir.path().join("shard-b0.jsonl");
    std::fs::write(&b0, renumbered.join("\n") + "\n").unwrap();

    let (code, out, stderr) = report(&["--format", "json", "--claims", p(&a), p(&b0)]);
    let (_, reference, _) = report(&["--format", "json", "examples/", FIXTURE]);
    assert_eq!((code, stderr.as_str()), (1, ""));
    let r: Value = serde_json::from_str(&out).unwrap();
    let reference: Value = serde_json::from_str(&reference).unwrap();
    assert_eq!(r["claims"], reference["claims"], "the same ids as one run");
    assert_eq!(findings(&r), findings(&reference));

    // The same ids twice in one file are an error, not a silent merge.
    let twice = dir.path().join("twice.jsonl");
    let text = std::fs::read_to_string(&a).unwrap();
    std::fs::write(&twice, format!("{text}{text}")).unwrap();
    let (code, out, stderr) = report(&["--format", "json", "--claims", p(&twice)]);
    assert_eq!(code, 2);
    let n = text.lines().count();
    assert!(n > 20);
    // The first 20 per file one by one, then how many more.
    let err: Vec<&str> = stderr.lines().collect();
    assert_eq!(err.len(), 21, "{stderr}");
    let first = format!(
        "claimcheck: {}:{}: claim id `0:1` is given twice",
        p(&twice),
        n + 1
    );
    assert!(err[0].starts_with(&first), "{stderr}");
    let more = format!(
        "claimcheck: {}: {} more lines that could not",
        p(&twice),
        n - 20
    );
    assert!(err[20].starts_with(&more), "{stderr}");
    let single = report(&["--format", "json", "--claims", p(&a)]).1;
    let r: Value = serde_json::from_str(&out).unwrap();
    let single: Value = serde_json::from_str(&single).unwrap();
    assert_eq!(r["claims"], single["claims"]);
}

#[test]
fn a_shard_split_inside_a_document_still_gives_the_same_findings() {
    let dir = tempfile::tempdir().unwrap();
    let lines = claim_lines();
    let mid = lines.len() / 2;
    assert_eq!(
        doc_of(&lines[mid]),
        doc_of(&lines[mid - 1]),
        "the cut is inside a document"
    );
    let (a, b) = (dir.path().join("a.jsonl"), dir.path().join("b.jsonl"));
    std::fs::write(&a, lines[..mid].join("\n")).unwrap();
    std::fs::write(&b, lines[mid..].join("\n")).unwrap();
    let (code, out, _) = report(&["--format", "json", "--claims", p(&a), p(&b)]);
    let (_, reference, _) = report(&["--format", "json", "examples/", FIXTURE]);
    let r: Value = serde_json::from_str(&out).unwrap();
    let reference: Value = serde_json::from_str(&reference).unwrap();
    assert_eq!(code, 1);
    // Same finding ids (fingerprints), verdicts and arithmetic; the claims of the document cut
    // in two are numbered as two documents of the files, one per file.
    assert_eq!(findings(&r), findings(&reference));
    assert_eq!(r["summary"], reference["summary"]);
}

#[test]
fn standard_input_threads_and_report_output_as_input() {
    let dir = tempfile::tempdir().unwrap();
    let lines = claim_lines();
    let (a, b) = shards(dir.path(), &lines);
    let (_, reference, _) = report(&["--format", "jsonl", "examples/", FIXTURE]);
    for j in ["1", "2"] {
        let (code, out, _) = report(&["-j", j, "--format", "jsonl", "--claims", p(&a), p(&b)]);
        assert_eq!((code, out.as_str()), (1, reference.as_str()), "-j {j}");
    }
    // `-` reads standard input (read twice: claims printed in full come from a copy).
    let out = claimcheck()
        .current_dir(common::root())
        .args(["report", "--format", "jsonl", "-v", "--claims", p(&a), "-"])
        .write_stdin(std::fs::read(&b).unwrap())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(String::from_utf8(out.stdout).unwrap(), reference);
    // What `report --format jsonl` writes reads back as the same report (its document lines
    // give the documents, also those without claims).
    let saved = dir.path().join("report.jsonl");
    std::fs::write(&saved, &reference).unwrap();
    let (code, out, _) = report(&["--format", "jsonl", "--claims", p(&saved)]);
    assert_eq!((code, out.as_str()), (1, reference.as_str()));
}

#[test]
fn claims_and_documents_cannot_be_mixed() {
    let dir = tempfile::tempdir().unwrap();
    let (a, _) = shards(dir.path(), &claim_lines());
    let (code, out, stderr) = report(&["examples/", "--claims", p(&a)]);
    assert_eq!((code, out.as_str()), (2, ""));
    assert!(stderr.contains("cannot be used with"), "{stderr}");
    // After --claims every argument is a claims file: a directory is said to be one.
    let (code, _, stderr) = report(&["--claims", p(&a), "examples/"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("examples/: is a directory"), "{stderr}");
    let (code, _, stderr) = report(&["--claims", p(&a), "--date", "x.md=2020-01-01"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("cannot be used with"), "{stderr}");
}
