//! `claimcheck report` through the binary: the seeds' checks, contradictions of each kind the
//! checks can see, controls that must never be conflicts, exit codes, baselines and explain.

mod common;

use common::claimcheck;
use serde_json::Value;

/// Run `report --format json` and parse it; returns (exit code, report).
fn report(args: &[&str]) -> (i32, Value) {
    let out = claimcheck()
        .current_dir(common::root())
        .arg("report")
        .args(["--format", "json"])
        .args(args)
        .output()
        .unwrap();
    let v = serde_json::from_slice(&out.stdout).unwrap_or(Value::Null);
    (out.status.code().unwrap_or(-1), v)
}

/// (verdict, check, arithmetic text) of the findings that involve a claim from `source_part`.
fn findings_about(r: &Value, source_part: &str) -> Vec<(String, String, String)> {
    let claims: std::collections::HashMap<&str, &str> = r["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["id"].as_str().unwrap(), c["source"].as_str().unwrap()))
        .collect();
    r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| {
            f["claims"]
                .as_array()
                .unwrap()
                .iter()
                .any(|id| claims[id.as_str().unwrap()].contains(source_part))
        })
        .map(|f| {
            (
                f["verdict"].as_str().unwrap().to_string(),
                f["check"].as_str().unwrap().to_string(),
                f["arithmetic"]["text"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// The seed articles in a temporary folder with a sources manifest giving their dates.
fn seeds_with_dates() -> Option<tempfile::TempDir> {
    let seeds = common::shared("seeds")?;
    let dir = tempfile::tempdir().unwrap();
    for e in std::fs::read_dir(seeds).unwrap() {
        let p = e.unwrap().path();
        std::fs::copy(&p, dir.path().join(p.file_name().unwrap())).unwrap();
    }
    std::fs::write(
        dir.path().join("sources.toml"),
        "[[source]]\npath = \"000_43cb461444ca7a2a.txt\"\ndate = \"2023-03-01\"\n\
         [[source]]\npath = \"003_f3e25cac376e1c9f.txt\"\ndate = \"2023-03-01\"\n\
         [[source]]\npath = \"001_a85c71c065bbaee2.txt\"\ndate = \"2019-12-14\"\n\
         [[source]]\npath = \"002_91baeade141f5108.txt\"\ndate = \"2020-07-30\"\n",
    )
    .unwrap();
    Some(dir)
}

#[test]
fn the_seeds_agree_and_every_check_shows_its_arithmetic() {
    let Some(dir) = seeds_with_dates() else {
        return;
    };
    let (code, r) = report(&[dir.path().to_str().unwrap()]);
    assert_eq!(code, 0, "no conflicts, exit 0");
    assert_eq!(r["summary"]["conflicts"], 0);
    let all: Vec<(String, String, String)> = findings_about(&r, "");
    let has = |verdict: &str, check: &str, text: &str| {
        all.iter()
            .any(|(v, c, t)| v == verdict && c == check && t.contains(text))
    };
    // Jan-Oct 2019: exports $682 million + imports $1.1 billion vs trade $1.8 billion.
    assert!(
        has(
            "consistent",
            "parts-total",
            "682 mn + 1.1 bn = [1.7315, 1.8325] bn vs [1.75, 1.85] bn"
        ),
        "{all:#?}"
    );
    // 2021 two-way trade $2.5 billion x 1.372 vs more than $3 billion in 2022.
    assert!(
        has(
            "consistent",
            "growth",
            "2.5 bn (2021) x 1.372 = [3.36, 3.50] bn vs > 3 bn (2022)"
        ),
        "{all:#?}"
    );
    // Investment since 2005 (about $40 billion) inside investment since 1991 (> $50 billion).
    assert!(
        has(
            "consistent",
            "containment",
            "about 40 bn [36, 44] bn (since 2005) <= > 50 bn (since 1991)"
        ),
        "{all:#?}"
    );
    // The 2018 record inside the since-2005 total.
    assert!(
        has(
            "consistent",
            "containment",
            "5.3 bn [5.25, 5.35] bn (end of 2018) <= about 40 bn [36, 44] bn (since 2005)"
        ),
        "{all:#?}"
    );
    // "Tens of billions" to date against both totals.
    assert!(
        has(
            "consistent",
            "containment",
            "> 50 bn (since 1991) <= [20, 100) bn (to date)"
        ),
        "{all:#?}"
    );
    assert!(
        has(
            "consistent",
            "containment",
            "about 40 bn [36, 44] bn (since 2005) <= [20, 100) bn (to date)"
        ),
        "{all:#?}"
    );
    // The resilience initiative: an additional $25 million, $50 million in total.
    assert!(
        has(
            "consistent",
            "increment",
            "25 mn [24.5, 25.5] mn <= 50 mn [49.5, 50.5] mn"
        ),
        "{all:#?}"
    );
}

/// Each way the checks can see a contradiction, against the bundled examples.
#[test]
fn contradictions_of_each_kind_are_conflicts() {
    for (fixture, check, text) in [
        (
            "level.md",
            "same-value",
            "2.5 bn [2.45, 2.55] bn vs 3.9 bn [3.85, 3.95] bn (2021): conflict",
        ),
        (
            "sum.md",
            "parts-total",
            "500 mn + 900 mn = [1.399, 1.401] bn vs [2.35, 2.45] bn",
        ),
        (
            "growth_sign.md",
            "growth",
            "2.5 bn (2021) x 0.8 = [1.94, 2.06] bn vs > 3 bn (2022): conflict",
        ),
        // `from the previous year` counts back from 2022, not from the document's 2023.
        (
            "growth_previous_year.md",
            "growth",
            "2.5 bn (2021) x 1.1 = [2.68, 2.82] bn vs > 3 bn (2022): conflict",
        ),
        // A growth rate with no base stated is read year on year.
        (
            "growth_implied_base.md",
            "growth",
            "2.5 bn (2021) x 1.11 = [2.70, 2.85] bn vs > 3 bn (2022): conflict",
        ),
        // The items a fact sheet lists under a total, and their shares.
        (
            "breakdown.md",
            "breakdown",
            "12 mn + 9 mn + 5.5 mn = [26.35, 26.65] mn vs [29.95, 30.05] mn (FY2015): conflict",
        ),
        (
            "breakdown.md",
            "breakdown",
            "5.5 mn / 30 mn = [18.1364, 18.5309]% vs 25% [24.5, 25.5]% (FY2015): conflict",
        ),
        (
            "breakdown.md",
            "breakdown",
            "40% + 30% + 25% = [93.5, 96.5]% vs 100% (FY2015): conflict",
        ),
        // A partner's share of a country's trade with the world: 2.1 / 8.6 is about 24%, not 40%.
        (
            "share.md",
            "share",
            "2.1 bn / 8.6 bn = [23.6994, 25.1462]% vs 40% [39.5, 40.5]% (2023): conflict",
        ),
        (
            "since_smaller.md",
            "containment",
            "about 40 bn [36, 44] bn (since 2005) <= about 30 bn [27, 33] bn (since 1991): conflict",
        ),
        (
            "year_above_since.md",
            "containment",
            "60 bn [59.5, 60.5] bn (2018) <= about 40 bn [36, 44] bn (since 2005): conflict",
        ),
    ] {
        let path = format!("tests/fixtures/contradictions/{fixture}");
        let (code, r) = report(&["examples", &path]);
        assert_eq!(code, 1, "{fixture}: a conflict exits 1");
        let found = findings_about(&r, fixture);
        assert!(
            found
                .iter()
                .any(|(v, c, t)| v == "conflict" && c == check && t.contains(text)),
            "{fixture}: {found:#?}"
        );
    }
}

/// Figures that differ only within rounding or the approximation tolerance are never conflicts.
#[test]
fn controls_within_rounding_or_tolerance_are_not_conflicts() {
    for fixture in [
        "control_rounding.md",
        "control_tolerance.md",
        "control_breakdown.md",
    ] {
        let path = format!("tests/fixtures/contradictions/{fixture}");
        let (code, r) = report(&["examples", &path]);
        assert_eq!(code, 0, "{fixture}");
        let found = findings_about(&r, fixture);
        assert!(!found.is_empty(), "{fixture}: the control must be compared");
        assert!(
            found.iter().all(|(v, _, _)| v != "conflict"),
            "{fixture}: {found:#?}"
        );
    }
    let (_, r) = report(&[
        "examples",
        "tests/fixtures/contradictions/control_rounding.md",
    ]);
    assert!(
        findings_about(&r, "control_rounding")
            .iter()
            .any(|(v, _, _)| v == "consistent_within_rounding")
    );
}

/// The bundled partner shares hold: each is its partner's turnover over the country's trade
/// with the world (1.1 / 3.2, 0.8 / 3.2, 0.4 / 3.2 in the first quarter of 2024).
#[test]
fn the_examples_shares_are_their_partners_part_of_the_whole() {
    let (_, r) = report(&["examples"]);
    let mut shares: Vec<(String, String)> = findings_about(&r, "11-kyrgyz")
        .into_iter()
        .filter(|(_, c, _)| c == "share")
        .map(|(v, _, t)| (v, t))
        .collect();
    shares.sort();
    assert_eq!(
        shares,
        [
            (
                "consistent".to_string(),
                "1.1 bn / 3.2 bn = [32.3076, 36.508]% vs 34.4% [34.35, 34.45]% (2024-Q1): consistent"
                    .to_string()
            ),
            (
                "consistent".to_string(),
                "400 mn / 3.2 bn = [10.7692, 14.2858]% vs 12.5% [12.45, 12.55]% (2024-Q1): consistent"
                    .to_string()
            ),
            (
                "consistent".to_string(),
                "800 mn / 3.2 bn = [23.0769, 26.9842]% vs 25% [24.5, 25.5]% (2024-Q1): consistent"
                    .to_string()
            ),
        ]
    );
}

#[test]
fn exit_codes() {
    let conflict = "tests/fixtures/contradictions/level.md";
    let code = |args: &[&str]| {
        claimcheck()
            .current_dir(common::root())
            .arg("report")
            .args(args)
            .output()
            .unwrap()
            .status
            .code()
    };
    assert_eq!(code(&["examples"]), Some(0));
    assert_eq!(code(&["examples", conflict]), Some(1));
    assert_eq!(code(&["--fail-on", "never", "examples", conflict]), Some(0));
    assert_eq!(
        code(&[
            "--fail-on",
            "difference",
            "examples",
            "tests/fixtures/contradictions/control_tolerance.md"
        ]),
        Some(1)
    );
    // Lost input wins over findings.
    assert_eq!(
        code(&[
            "examples",
            conflict,
            "tests/fixtures/contradictions/missing.md"
        ]),
        Some(2)
    );
    assert_eq!(code(&["--format", "nonsense", "examples"]), Some(2));
}

#[test]
fn a_baseline_accepts_known_conflicts_and_explain_prints_one_in_full() {
    let dir = tempfile::tempdir().unwrap();
    let baseline = dir.path().join("baseline.json");
    let conflict = "tests/fixtures/contradictions/level.md";
    let run = |args: &[&str]| {
        claimcheck()
            .current_dir(common::root())
            .arg("report")
            .args(args)
            .output()
            .unwrap()
    };
    let out = run(&[
        "--write-baseline",
        baseline.to_str().unwrap(),
        "examples",
        conflict,
    ]);
    assert_eq!(out.status.code(), Some(1));
    let out = run(&[
        "--baseline",
        baseline.to_str().unwrap(),
        "examples",
        conflict,
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    // The fingerprint survives reformatting the document (different line breaks, extra space).
    let moved = dir.path().join("level.md");
    let text = std::fs::read_to_string(common::root().join(conflict))
        .unwrap()
        .replace("reported.", "reported.\n\n\nNothing else.");
    std::fs::write(&moved, text).unwrap();
    let (_, r) = report(&["examples", moved.to_str().unwrap()]);
    let id = r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["verdict"] == "conflict")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let explain = run(&["--explain", &id, "examples", moved.to_str().unwrap()]);
    let text = String::from_utf8(explain.stdout).unwrap();
    assert!(text.contains(&format!("finding {id}")), "{text}");
    assert!(
        text.contains("same-value") || text.contains("SameValue"),
        "{text}"
    );
    assert!(
        text.contains("sentence:") && text.contains("$3.9 billion"),
        "{text}"
    );
}

#[test]
fn output_is_identical_with_one_or_two_threads() {
    let run = |j: &str| {
        claimcheck()
            .current_dir(common::root())
            .args([
                "report",
                "--format",
                "json",
                "--show",
                "all",
                "-j",
                j,
                "examples",
                "tests/fixtures/contradictions",
            ])
            .output()
            .unwrap()
            .stdout
    };
    let one = run("1");
    assert!(!one.is_empty());
    assert_eq!(one, run("2"));
}

/// The summary accounts for every claim left out of the checks, by reason, and the reasons
/// agree with the claims themselves.
#[test]
fn the_summary_says_why_claims_were_left_unlinked() {
    let (code, r) = report(&["examples/"]);
    assert_eq!(code, 0);
    let s = &r["summary"];
    let reasons = s["unlinked_reasons"].as_object().unwrap();
    let mut from_claims = std::collections::BTreeMap::<String, u64>::new();
    for c in r["claims"].as_array().unwrap() {
        if let Some(why) = c["unlinked"].as_str() {
            *from_claims.entry(why.to_string()).or_default() += 1;
        }
    }
    assert!(
        !from_claims.is_empty(),
        "the examples have unlinked figures"
    );
    let summed: std::collections::BTreeMap<String, u64> = reasons
        .iter()
        .map(|(k, v)| (k.clone(), v.as_u64().unwrap()))
        .collect();
    assert_eq!(summed, from_claims);
    let no_metric: u64 = summed
        .iter()
        .filter(|(k, _)| k.starts_with("no metric") || k.starts_with("an ordinal"))
        .map(|(_, v)| v)
        .sum();
    assert_eq!(no_metric, s["claims_unlinked"].as_u64().unwrap());
}

/// A document decoded from UTF-16 keeps file offsets in its claims that are not offsets in its
/// text: the steps that read the text around figures (a breakdown's labels, a share in
/// brackets, a figure in brackets) must read it by the text's own offsets. The same fact sheet
/// in UTF-16 with a byte-order mark gives the findings its UTF-8 original gives (this panicked
/// once: `breakdown` sliced the text at a file offset).
#[test]
fn a_utf16_document_gives_the_findings_of_its_utf8_original() {
    let dir = tempfile::tempdir().unwrap();
    for fixture in ["breakdown.md", "share.md"] {
        let original = common::root()
            .join("tests/fixtures/contradictions")
            .join(fixture);
        let text = std::fs::read_to_string(&original).unwrap();
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let copy = dir.path().join(fixture);
        std::fs::write(&copy, utf16).unwrap();
        let (code_8, r_8) = report(&[original.to_str().unwrap()]);
        let (code_16, r_16) = report(&[copy.to_str().unwrap()]);
        // Sorted: findings of equal rank are ordered by fingerprints, which hash the path.
        let (mut f_8, mut f_16) = (
            findings_about(&r_8, fixture),
            findings_about(&r_16, fixture),
        );
        f_8.sort();
        f_16.sort();
        assert_eq!(code_8, 1, "{fixture}: the original has conflicts");
        assert!(!f_8.is_empty(), "{fixture}: the original has findings");
        assert_eq!((code_16, f_16), (code_8, f_8), "{fixture}");
    }
}
