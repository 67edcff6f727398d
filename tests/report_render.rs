//! The renderers of `claimcheck report` (`render::report::*`) on a report built by hand: two
//! documents, four claims, one finding of each verdict.
//!
//! Snapshots are in `snapshots/report/render_*.snap`. Each channel also gets hostile text
//! (escape sequences, Markdown and HTML, workflow commands, JSON specials) and must keep it
//! inert; the SARIF output is validated against the official SARIF 2.1.0 schema in
//! `tests/fixtures/sarif/`.

mod common;

use claimcheck::claim::{Claim, ClaimPeriod, Modality};
use claimcheck::engine::{Arithmetic, CheckKind, Finding, Term, Verdict};
use claimcheck::interval::{Endpoint, Interval};
use claimcheck::quantity::{Kind, Measure};
use claimcheck::render::json::{DocumentOut, ErrorOut};
use claimcheck::render::report::{self, github, json, jsonl, markdown, sarif, table};
use claimcheck::report::{RenderOptions, Report, Summary};
use claimcheck::rules::BoundKind;
use rust_decimal::Decimal;
use serde_json::Value;

type Renderer = fn(&mut dyn std::io::Write, &Report<'_>, &RenderOptions) -> std::io::Result<()>;

const OPTS: RenderOptions = RenderOptions {
    width: 100,
    color: false,
    show_all: false,
    verbose: false,
};

const WIRE: &str = "examples/01-astana-wire.md";
const SHEET: &str = "examples/06-kz-us-fact-sheet.md";

/// Everything a report borrows.
struct Fixture {
    documents: Vec<DocumentOut>,
    claims: Vec<Claim>,
    findings: Vec<Finding>,
    errors: Vec<ErrorOut>,
    summary: Summary,
}

impl Fixture {
    fn report(&self) -> Report<'_> {
        Report {
            documents: &self.documents,
            claims: &self.claims,
            findings: &self.findings,
            errors: &self.errors,
            summary: &self.summary,
        }
    }

    fn render(&self, f: Renderer, opts: &RenderOptions) -> String {
        let mut out = Vec::new();
        f(&mut out, &self.report(), opts).expect("rendering to memory works");
        String::from_utf8(out).expect("renderers write UTF-8")
    }
}

fn d(s: &str) -> Decimal {
    s.parse().expect("a decimal")
}

fn year(y: i16) -> ClaimPeriod {
    ClaimPeriod {
        start: Some(jiff::civil::date(y, 1, 1)),
        end: Some(jiff::civil::date(y, 12, 31)),
        label: y.to_string(),
        cumulative: false,
        instant: None,
        inherited: false,
    }
}

fn document(source: &str, title: &str, outlet: &str, date: &str) -> DocumentOut {
    DocumentOut {
        source: source.into(),
        title: Some(title.into()),
        outlet: Some(outlet.into()),
        url: None,
        date: Some(date.into()),
        date_inferred: false,
        status: "read",
        notes: Vec::new(),
        mentions: 2,
    }
}

/// A claim of `trade_total KZ, US` or `exports KZ -> US` in 2022, in US dollars.
#[allow(clippy::too_many_arguments)]
fn claim(
    id: &str,
    doc: usize,
    (line, column, start): (usize, usize, usize),
    text: &str,
    sentence: &str,
    value: Option<&str>,
    (interval, bound): (Interval, BoundKind),
    metric: &str,
    linked_by: &[&str],
) -> Claim {
    let directional = metric == "exports";
    Claim {
        id: id.into(),
        fingerprint: format!("fp-{id}"),
        source: if doc == 0 { WIRE } else { SHEET }.into(),
        doc_index: doc,
        line,
        column,
        start,
        end: start + text.len(),
        text: text.into(),
        sentence: sentence.into(),
        kind: Kind::Currency,
        value: value.map(d),
        interval,
        bound,
        unit: Some("USD".into()),
        measure: Measure::Level,
        direction: None,
        role: None,
        period: Some(year(2022)),
        base_period: None,
        metric: Some(metric.into()),
        entities: vec!["KZ".into(), "US".into()],
        directional,
        modality: Modality::Actual,
        attribution: None,
        linked_by: linked_by.iter().map(|s| (*s).to_string()).collect(),
        unlinked: None,
        part_of: None,
        share_of: None,
        document_date: Some(jiff::civil::date(2023, 3, 1)),
        date_inferred: false,
    }
}

fn term(label: &str, claims: &[&str], low: Option<&str>, high: Option<&str>, incl: bool) -> Term {
    Term {
        label: label.into(),
        claims: claims.iter().map(|s| (*s).to_string()).collect(),
        low: low.map(Into::into),
        high: high.map(Into::into),
        low_inclusive: incl,
        high_inclusive: incl,
    }
}

#[allow(clippy::too_many_arguments)]
fn finding(
    id: &str,
    check: CheckKind,
    rule: &str,
    verdict: Verdict,
    claims: &[&str],
    (left, relation, right): (Term, &str, Term),
    text: &str,
    gap: Option<(&str, &str)>,
    message: &str,
) -> Finding {
    Finding {
        id: id.into(),
        check,
        rule: rule.into(),
        verdict,
        metric: "trade_total".into(),
        entities: vec!["KZ".into(), "US".into()],
        period: "2022".into(),
        claims: claims.iter().map(|s| (*s).to_string()).collect(),
        arithmetic: Arithmetic {
            left,
            relation: relation.into(),
            right,
            text: text.into(),
            gap: gap.map(|g| g.0.into()),
            gap_percent: gap.map(|g| g.1.into()),
        },
        message: message.into(),
    }
}

/// Two documents, four claims, one finding of each verdict (sorted by severity).
fn fixture() -> Fixture {
    let gt3 = Interval::new(Some(Endpoint::open(d("3000000000"))), None);
    let claims = vec![
        claim(
            "0:1",
            0,
            (3, 41, 120),
            "exceeded 3 billion US dollars",
            "Bilateral trade exceeded 3 billion US dollars in 2022, the minister said.",
            None,
            (gt3, BoundKind::Gt),
            "trade_total",
            &[
                "metric alias \"bilateral trade\" (3:1)",
                "entities KZ, US from the document",
            ],
        ),
        claim(
            "0:2",
            0,
            (7, 12, 402),
            "$1.8 billion",
            "Kazakh exports to the United States reached $1.8 billion in 2022.",
            Some("1800000000"),
            (
                Interval::closed(d("1750000000"), d("1850000000")),
                BoundKind::Rounded,
            ),
            "exports",
            &[
                "metric alias \"exports to\" (7:8)",
                "entities Kazakh (7:1) -> United States (7:30)",
            ],
        ),
        claim(
            "1:1",
            1,
            (2, 5, 61),
            "$2.5 billion",
            "Trade turnover between Kazakhstan and the US was $2.5 billion in 2022.",
            Some("2500000000"),
            (
                Interval::closed(d("2450000000"), d("2550000000")),
                BoundKind::Rounded,
            ),
            "trade_total",
            &[
                "metric alias \"trade turnover\" (2:1)",
                "entities Kazakhstan (2:24), US (2:43)",
            ],
        ),
        claim(
            "1:2",
            1,
            (12, 20, 733),
            "about $3.2 billion",
            "Other estimates put two-way trade at about $3.2 billion for 2022.",
            Some("3200000000"),
            (
                Interval::closed(d("3150000000"), d("3250000000")),
                BoundKind::Approx,
            ),
            "trade_total",
            &[
                "metric alias \"two-way trade\" (12:23)",
                "entities KZ, US from the document",
            ],
        ),
    ];
    let findings = vec![
        finding(
            "cc001-7f3a9c2e41d05b86",
            CheckKind::SameValue,
            "same-value.level",
            Verdict::Conflict,
            &["0:1", "1:1"],
            (
                term(
                    "trade_total KZ, US 2022 (0:1)",
                    &["0:1"],
                    Some("3000000000"),
                    None,
                    false,
                ),
                "overlaps",
                term(
                    "trade_total KZ, US 2022 (1:1)",
                    &["1:1"],
                    Some("2450000000"),
                    Some("2550000000"),
                    true,
                ),
            ),
            "> 3 bn USD (2022) vs [2.45, 2.55] bn USD (2022): no overlap, gap 0.45 bn USD (17.6 %)",
            Some(("450000000", "17.6")),
            "The sources give incompatible values for trade_total KZ, US in 2022.",
        ),
        finding(
            "cc001-0b9e5d17c2a4f360",
            CheckKind::SameValue,
            "same-value.level",
            Verdict::Difference,
            &["0:1", "1:2"],
            (
                term(
                    "trade_total KZ, US 2022 (0:1)",
                    &["0:1"],
                    Some("3000000000"),
                    None,
                    false,
                ),
                "overlaps",
                term(
                    "trade_total KZ, US 2022 (1:2)",
                    &["1:2"],
                    Some("3150000000"),
                    Some("3250000000"),
                    true,
                ),
            ),
            "> 3 bn USD (2022) vs ~[3.15, 3.25] bn USD (2022): overlap, but a bound is not a figure",
            None,
            "Both can be true, but one gives a lower bound and the other a figure.",
        ),
        finding(
            "cc002-5c1d8e0a93f7b214",
            CheckKind::PartsTotal,
            "trade.parts",
            Verdict::Consistent,
            &["0:2", "1:1"],
            (
                term(
                    "exports KZ -> US 2022 (0:2)",
                    &["0:2"],
                    Some("1750000000"),
                    Some("1850000000"),
                    true,
                ),
                "<=",
                term(
                    "trade_total KZ, US 2022 (1:1)",
                    &["1:1"],
                    Some("2450000000"),
                    Some("2550000000"),
                    true,
                ),
            ),
            "exports [1.75, 1.85] bn USD <= trade_total [2.45, 2.55] bn USD (2022): consistent",
            None,
            "The exports fit within the trade total.",
        ),
        finding(
            "cc002-e24f6b0d7a3c9158",
            CheckKind::PartsTotal,
            "trade.parts",
            Verdict::Unchecked,
            &["0:2", "0:1"],
            (
                term(
                    "exports KZ -> US 2022 (0:2)",
                    &["0:2"],
                    Some("1750000000"),
                    Some("1850000000"),
                    true,
                ),
                "<=",
                term(
                    "trade_total KZ, US 2022 (0:1)",
                    &["0:1"],
                    Some("3000000000"),
                    None,
                    false,
                ),
            ),
            "exports [1.75, 1.85] bn USD + imports (not stated) vs trade_total > 3 bn USD: not checked",
            None,
            "Imports US -> KZ for 2022 are not stated, so the parts cannot be summed.",
        ),
    ];
    let mut summary = Summary {
        documents_read: 2,
        quantities: 4,
        claims_linked: 4,
        claims_unlinked: 0,
        ..Summary::default()
    };
    summary.count(&findings);
    Fixture {
        documents: vec![
            document(WIRE, "Astana wire", "Wire service", "2023-03-01"),
            document(SHEET, "KZ-US fact sheet", "State Department", "2023-02-14"),
        ],
        claims,
        findings,
        errors: Vec::new(),
        summary,
    }
}

/// The fixture with `text` as the quoted text (and the sentence) of every claim, and `source`
/// as the path of the first document.
fn hostile(text: &str, source: &str) -> Fixture {
    let mut fx = fixture();
    for c in &mut fx.claims {
        c.text = text.into();
        c.sentence = format!("Before {text} after.").into();
        if c.doc_index == 0 {
            c.source = source.into();
        }
    }
    fx.documents[0].source = source.into();
    fx.findings[0].message = format!("Conflict over {text}");
    fx.errors.push(ErrorOut {
        source: source.into(),
        message: format!("cannot read: {text}"),
    });
    fx.summary.documents_failed = 1;
    fx
}

fn settings() -> insta::Settings {
    let mut s = common::settings("report");
    s.add_filter(
        &regex::escape(&format!("\"{}\"", env!("CARGO_PKG_VERSION"))),
        "\"[VERSION]\"",
    );
    s
}

fn width(line: &str) -> usize {
    line.chars().count()
}

/// The text of column `col` of a rendered table, its wrapped lines joined with spaces.
fn column_text(table: &str, col: usize) -> String {
    table
        .lines()
        .filter(|l| l.starts_with('│'))
        .filter_map(|l| {
            l.trim_matches('│')
                .split('┆')
                .nth(col)
                .map(|c| c.trim().to_string())
        })
        .filter(|c| !c.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

// ---------------------------------------------------------------------------------------------
// Snapshots

#[test]
fn table_snapshot() {
    let out = fixture().render(table::write, &OPTS);
    for line in out.lines() {
        assert!(width(line) <= 100, "wider than 100 columns: {line}");
    }
    let fx = fixture();
    assert!(
        column_text(&out, 5).contains(&fx.findings[0].arithmetic.text),
        "the arithmetic text is shown whole"
    );
    assert!(
        !out.contains("CC002"),
        "consistent and unchecked findings are hidden by default"
    );
    assert!(!out.contains('\x1b'));
    settings().bind(|| insta::assert_snapshot!("render_table", out));
}

#[test]
fn table_all_verbose_snapshot() {
    let opts = RenderOptions {
        show_all: true,
        verbose: true,
        ..OPTS
    };
    let out = fixture().render(table::write, &opts);
    for line in out.lines() {
        assert!(width(line) <= 100, "wider than 100 columns: {line}");
    }
    assert!(out.contains("unchecked"));
    assert!(out.contains("linked by"));
    settings().bind(|| insta::assert_snapshot!("render_table_all_verbose", out));
}

#[test]
fn table_nothing_to_show() {
    let mut fx = fixture();
    fx.findings.retain(|f| f.verdict == Verdict::Consistent);
    fx.summary = Summary {
        documents_read: 2,
        documents_skipped: 1,
        quantities: 4,
        claims_linked: 3,
        claims_unlinked: 1,
        baselined: 2,
        ..Summary::default()
    };
    fx.summary.count(&fx.findings);
    let out = fx.render(table::write, &OPTS);
    assert_eq!(
        report::summary_line(&fx.summary),
        "2 documents, 1 skipped, 4 claims (3 linked), 1 check: 0 conflicts, 0 differences, \
         1 consistent, 0 unchecked, 2 baselined"
    );
    // Wrapped to 100 columns between items.
    assert_eq!(
        out,
        "2 documents, 1 skipped, 4 claims (3 linked), 1 check: 0 conflicts, 0 differences, \
         1 consistent,\n0 unchecked, 2 baselined\nNo conflicts or differences found.\n"
    );
}

#[test]
fn table_colour_only_when_asked() {
    let fx = fixture();
    let plain = fx.render(table::write, &OPTS);
    assert!(!plain.contains('\x1b'));
    let coloured = fx.render(
        table::write,
        &RenderOptions {
            color: true,
            show_all: true,
            ..OPTS
        },
    );
    assert!(
        coloured.contains("\x1b[38;5;9m")
            || coloured.contains("\x1b[31m")
            || coloured.contains("\x1b[91m"),
        "conflict in red: {coloured:?}"
    );
}

#[test]
fn markdown_snapshot() {
    let out = fixture().render(markdown::write, &OPTS);
    assert!(out.contains("<br>"), "several claims in one cell");
    assert!(out.contains("gap 0.45"));
    check_markdown_table(&out, 2);
    settings().bind(|| insta::assert_snapshot!("render_markdown", out));
}

#[test]
fn json_snapshot() {
    let out = fixture().render(json::write, &OPTS);
    let v: Value = serde_json::from_str(&out).expect("valid JSON");
    assert_eq!(v["schema_version"], 1);
    assert_eq!(v["tool"]["name"], "claimcheck");
    assert_eq!(
        v["findings"].as_array().map(Vec::len),
        Some(4),
        "every finding"
    );
    assert_eq!(v["claims"].as_array().map(Vec::len), Some(4));
    assert_eq!(v["findings"][0]["code"], "CC001");
    assert_eq!(v["findings"][0]["arithmetic"]["left"]["low"], "3000000000");
    assert_eq!(v["summary"]["conflicts"], 1);
    settings().bind(|| insta::assert_snapshot!("render_json", out));
}

#[test]
fn jsonl_snapshot() {
    let out = fixture().render(jsonl::write, &OPTS);
    let types: Vec<String> = out
        .lines()
        .map(|l| {
            let v: Value = serde_json::from_str(l).expect("each line is JSON");
            v["type"].as_str().expect("tagged").to_string()
        })
        .collect();
    let mut expected = vec!["document"; 2];
    expected.extend(["claim"; 4]);
    expected.extend(["finding"; 4]);
    expected.push("summary");
    assert_eq!(types, expected);
    settings().bind(|| insta::assert_snapshot!("render_jsonl", out));
}

#[test]
fn sarif_snapshot() {
    let out = fixture().render(sarif::write, &OPTS);
    let v: Value = serde_json::from_str(&out).expect("valid JSON");
    let results = v["runs"][0]["results"].as_array().expect("results");
    assert_eq!(results.len(), 2, "one result per conflict and difference");
    assert_eq!(results[0]["level"], "error");
    assert_eq!(results[1]["level"], "warning");
    assert_eq!(results[0]["ruleId"], "CC001");
    assert_eq!(
        results[0]["partialFingerprints"]["claimcheck/v1"],
        "cc001-7f3a9c2e41d05b86"
    );
    let region = &results[0]["locations"][0]["physicalLocation"]["region"];
    assert_eq!(region["startLine"], 3);
    assert_eq!(region["startColumn"], 41);
    assert_eq!(region["endColumn"], 41 + 29);
    assert_eq!(region["byteOffset"], 120);
    assert_eq!(region["byteLength"], 29);
    assert_eq!(
        results[0]["relatedLocations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        SHEET
    );
    assert!(
        results[0]["message"]["text"]
            .as_str()
            .is_some_and(|t| t.contains("gap 0.45"))
    );
    assert_schema_valid(&v);
    settings().bind(|| insta::assert_snapshot!("render_sarif", out));
}

#[test]
fn github_snapshot() {
    let out = fixture().render(github::write, &OPTS);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2);
    assert!(lines[0].starts_with(&format!(
        "::error file={WIRE},line=3,col=41,endLine=3,endColumn=70,title=claimcheck (CC001)::"
    )));
    assert!(lines[1].starts_with("::warning "));
    settings().bind(|| insta::assert_snapshot!("render_github", out));
}

// ---------------------------------------------------------------------------------------------
// Rules metadata

#[test]
fn check_codes_and_names() {
    let codes: Vec<&str> = report::CHECK_KINDS
        .iter()
        .map(|&k| report::code(k))
        .collect();
    assert_eq!(
        codes,
        [
            "CC001", "CC002", "CC003", "CC004", "CC005", "CC006", "CC007", "CC008"
        ]
    );
    for k in report::CHECK_KINDS {
        assert_eq!(
            serde_json::to_value(k).expect("serializes"),
            Value::from(report::name(k)),
            "the kebab name is the JSON name"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Hostile text, one test per channel

#[test]
fn table_keeps_escape_sequences_out() {
    let text = "\x1b[2J\x1b[31mred\x1b[0m \x07bell\x08 \r\nnext line\u{202E}reversed\u{9b}31m";
    let fx = hostile(text, "evil\x1b]0;title\x07.md");
    for opts in [
        OPTS,
        RenderOptions {
            show_all: true,
            verbose: true,
            ..OPTS
        },
    ] {
        let out = fx.render(table::write, &opts);
        for line in out.lines() {
            assert!(width(line) <= 100, "wider than 100 columns: {line}");
            assert!(
                !line.chars().any(|c| c.is_control()
                    || ('\u{202A}'..='\u{202E}').contains(&c)
                    || ('\u{2066}'..='\u{2069}').contains(&c)),
                "a control character reached the terminal: {line:?}"
            );
        }
        assert!(out.contains("red"), "the text is still shown");
    }
}

#[test]
fn markdown_cannot_break_the_table_or_inject_html() {
    let text =
        "a | b `code` <script>alert(1)</script> & &amp; \\| [link](javascript:x) *em*\nnew row";
    let fx = hostile(text, "docs/a|b<i>.md");
    let out = fx.render(markdown::write, &OPTS);
    for line in out.lines().filter(|l| l.starts_with('|')) {
        assert!(!line.contains("<script"), "raw HTML: {line}");
        assert!(!line.contains('`'), "a backtick: {line}");
    }
    // Parsed as GitHub-flavoured Markdown: still two rows of six cells, no HTML at all, and the
    // text reads back as written.
    let cells = check_markdown_table(&out, 2);
    let claims_cell = &cells[0][4];
    assert!(
        claims_cell.contains(
            "a | b `code` <script>alert(1)</script> & &amp; \\| [link](javascript:x) *em* new row"
        ),
        "the text reads back as written: {claims_cell}"
    );
}

#[test]
fn github_cannot_inject_workflow_commands() {
    let text =
        "x\n::set-env name=PATH::/tmp/evil\r\n::add-mask::secret%0A::set-output name=a::b%0D%25";
    let fx = hostile(text, "dir/a,b:c%0A::set-env name=X::y.md");
    let opts = RenderOptions {
        show_all: true,
        ..OPTS
    };
    let out = fx.render(github::write, &opts);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines.len(),
        5,
        "one line per finding and per input problem: {out}"
    );
    for line in &lines {
        assert!(
            line.starts_with("::error ")
                || line.starts_with("::warning ")
                || line.starts_with("::notice "),
            "{line}"
        );
        assert!(!line.contains('\r'));
        // The first `::` after the command ends the properties; every property is one we
        // write. Any later `::` is inside the message, which GitHub does not parse further.
        let (command, rest) = line[2..].split_once(' ').expect("a command and properties");
        assert!(["error", "warning", "notice"].contains(&command), "{line}");
        let (props, _message) = rest.split_once("::").expect("a message");
        for prop in props.split(',') {
            let (key, _value) = prop.split_once('=').expect("key=value");
            assert!(
                ["file", "line", "col", "endLine", "endColumn", "title"].contains(&key),
                "unexpected property {key:?} in {line}"
            );
        }
    }
    assert!(lines[0].contains("file=dir/a%2Cb%3Ac%250A%3A%3Aset-env name=X%3A%3Ay.md,"));
    assert!(
        lines[0].contains("secret%250A"),
        "a %0A in a document stays text"
    );
    assert!(!out.contains("%0A::set-env"), "{out}");
}

#[test]
fn json_and_jsonl_round_trip_hostile_text() {
    let text =
        "quote \" backslash \\ nul \0 tab \t line\nsep \u{2028} ansi \x1b[31m emoji 🎉 </script>";
    let fx = hostile(text, "dir/\"odd\"\\name\0.md");
    let out = fx.render(json::write, &OPTS);
    let v: Value = serde_json::from_str(&out).expect("valid JSON");
    assert_eq!(v["claims"][0]["text"], text);
    assert_eq!(v["documents"][0]["source"], "dir/\"odd\"\\name\0.md");
    assert_eq!(v["findings"][0]["message"], format!("Conflict over {text}"));
    let out = fx.render(jsonl::write, &OPTS);
    let lines: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect();
    assert_eq!(lines.len(), 2 + 4 + 4 + 1 + 1);
    assert_eq!(lines[2]["text"], text);
    assert_eq!(lines[10]["type"], "error");
    assert_eq!(lines[11]["type"], "summary");
}

#[test]
fn sarif_round_trips_hostile_text_and_stays_valid() {
    let text = "quote \" backslash \\ nul \0 line\nbreak \u{2028} [link](1) emoji 🎉";
    let source = "dir with space/\"odd\"\\%name.md";
    let fx = hostile(text, source);
    let out = fx.render(sarif::write, &OPTS);
    let v: Value = serde_json::from_str(&out).expect("valid JSON");
    let result = &v["runs"][0]["results"][0];
    assert_eq!(
        result["locations"][0]["physicalLocation"]["region"]["snippet"]["text"],
        text
    );
    assert_eq!(
        result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "dir%20with%20space/%22odd%22%5C%25name.md"
    );
    assert_eq!(
        result["locations"][0]["physicalLocation"]["region"]["endLine"], 4,
        "the claim's text spans a line break"
    );
    assert_eq!(v["runs"][0]["invocations"][0]["executionSuccessful"], false);
    assert_schema_valid(&v);
}

// ---------------------------------------------------------------------------------------------
// Helpers

/// Parse `md` as GitHub-flavoured Markdown: it must hold one table of `rows` body rows with six
/// cells each, and no HTML. Returns the text of the body cells.
fn check_markdown_table(md: &str, rows: usize) -> Vec<Vec<String>> {
    use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
    let mut body = Vec::new();
    let (mut in_head, mut tables) = (false, 0);
    let mut cell: Option<String> = None;
    for ev in Parser::new_ext(md, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH) {
        match ev {
            Event::Html(h) | Event::InlineHtml(h) => {
                // `<br>` is ours, between claims.
                assert_eq!(&*h, "<br>", "HTML in the Markdown output");
                if let Some(c) = cell.as_mut() {
                    c.push('\n');
                }
            }
            Event::Start(Tag::Table(_)) => tables += 1,
            Event::Start(Tag::TableHead) => in_head = true,
            Event::End(TagEnd::TableHead) => in_head = false,
            Event::Start(Tag::TableRow) => body.push(Vec::new()),
            Event::Start(Tag::TableCell) => cell = Some(String::new()),
            Event::End(TagEnd::TableCell) => {
                let text = cell.take().expect("in a cell");
                if !in_head {
                    body.last_mut().expect("in a row").push(text);
                }
            }
            Event::Start(Tag::Link { .. } | Tag::Emphasis | Tag::Strong | Tag::Image { .. }) => {
                panic!("document text became Markdown formatting: {ev:?}")
            }
            Event::Code(_) => panic!("document text became a code span"),
            Event::Text(t) => {
                if let Some(c) = cell.as_mut() {
                    c.push_str(&t);
                }
            }
            _ => {}
        }
    }
    assert_eq!(tables, 1, "one table:\n{md}");
    assert_eq!(body.len(), rows, "{rows} rows:\n{md}");
    for row in &body {
        assert_eq!(row.len(), 6, "six cells: {row:?}");
    }
    body
}

/// Validate a SARIF log against the official SARIF 2.1.0 schema, formats included.
fn assert_schema_valid(log: &Value) {
    let path = common::root().join("tests/fixtures/sarif/sarif-schema-2.1.0.json");
    let mut schema: Value =
        serde_json::from_str(&std::fs::read_to_string(path).expect("the schema is committed"))
            .expect("the schema is JSON");
    // The official schema's pattern for `language` (of `run` and of `toolComponent`) has a
    // stray `]`, a literal in ECMAScript's legacy syntax but rejected by the meta-schema's
    // `format: regex` check, so the schema would not compile. Escaping it keeps its meaning
    // (and claimcheck writes no `language`); the committed file stays as published.
    let buggy = "^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$";
    let mut fixed = 0;
    for def in ["run", "toolComponent"] {
        let pattern = &mut schema["definitions"][def]["properties"]["language"]["pattern"];
        if *pattern == buggy {
            *pattern = Value::from(buggy.replace("}]?", "}\\]?"));
            fixed += 1;
        }
    }
    assert_eq!(fixed, 2, "the schema is the published one");
    let validator = jsonschema::draft7::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(log)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "invalid SARIF:\n{}", errors.join("\n"));
    // And the validator does reject what the schema forbids.
    let mut broken = log.clone();
    broken["runs"][0]["results"][0]["level"] = Value::from("fatal");
    assert!(
        !validator.is_valid(&broken),
        "the validator rejects a bad level"
    );
}

#[test]
fn a_long_list_of_findings_is_printed_as_tables_of_500_rows() {
    let mut fx = fixture();
    let first = fx.findings[0].clone();
    assert_eq!(first.verdict, Verdict::Conflict);
    fx.findings = (0..1201)
        .map(|i| {
            let mut f = first.clone();
            f.id = format!("f{i:05}");
            f.period = format!("p{i:05}");
            f
        })
        .collect();
    fx.summary.conflicts = fx.findings.len();
    let out = fx.render(table::write, &OPTS);
    // Three tables (500 + 500 + 201 rows), each with its header, and every finding once.
    assert_eq!(out.matches("│ verdict").count(), 3, "one header per table");
    for i in [0, 499, 500, 999, 1000, 1200] {
        assert_eq!(out.matches(&format!("p{i:05}")).count(), 1, "p{i:05}");
    }
    assert_eq!(out.matches("│ conflict").count(), 1201);
}
