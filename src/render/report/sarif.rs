//! The `sarif` format: SARIF 2.1.0 (OASIS) for code-scanning tools such as GitHub code scanning.
//!
//! One run; `tool.driver.rules` has one entry per check kind (`CC001`..`CC008`). Each conflict
//! is a result of level `error` and each difference one of level `warning`, located on its
//! first claim, with the other claims as related locations and the finding id as the
//! `claimcheck/v1` partial fingerprint, so code scanning tracks a finding across runs.
//! Consistent and unchecked findings are not results (GitHub ignores `result.kind` and would
//! open an alert for each); they are counted in `run.properties.summary`. Input problems are
//! tool execution notifications of the invocation.
//!
//! Columns count Unicode code points (`columnKind: unicodeCodePoints`), as claims do; byte
//! offsets and lengths are those of the claim in the file.

use std::collections::BTreeMap;
use std::io::{self, Write};

use serde::Serialize;

use super::{CHECK_KINDS, claim_end, code, description, finding_claims, name};
use crate::claim::Claim;
use crate::engine::{Arithmetic, Finding, Verdict};
use crate::render::claims;
use crate::report::{RenderOptions, Report, Summary};

/// The URI of the official SARIF 2.1.0 schema (OASIS, errata 01).
pub const SCHEMA_URI: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

/// The key of the partial fingerprint that carries the finding id.
pub const FINGERPRINT_KEY: &str = "claimcheck/v1";

#[derive(Serialize)]
struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: [Run<'a>; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run<'a> {
    tool: Tool,
    invocations: [Invocation; 1],
    column_kind: &'static str,
    results: Vec<SarifResult<'a>>,
    properties: RunProperties<'a>,
}

#[derive(Serialize)]
struct RunProperties<'a> {
    summary: &'a Summary,
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    name: &'static str,
    version: &'static str,
    semantic_version: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    information_uri: Option<&'static str>,
    rules: Vec<Rule>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Rule {
    id: &'static str,
    name: &'static str,
    short_description: Message,
}

#[derive(Serialize)]
struct Message {
    text: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Invocation {
    execution_successful: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    tool_execution_notifications: Vec<Notification>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Notification {
    level: &'static str,
    message: Message,
    locations: Vec<Location>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult<'a> {
    rule_id: &'static str,
    rule_index: usize,
    kind: &'static str,
    level: &'static str,
    message: Message,
    locations: Vec<Location>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<Location>,
    partial_fingerprints: BTreeMap<&'static str, &'a str>,
    properties: ResultProperties<'a>,
}

/// What the result does not say elsewhere: the finding itself, structured.
#[derive(Serialize)]
struct ResultProperties<'a> {
    verdict: Verdict,
    rule: &'a str,
    metric: &'a str,
    entities: &'a [String],
    period: &'a str,
    claims: &'a [String],
    arithmetic: &'a Arithmetic,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<usize>,
    physical_location: PhysicalLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<Message>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    region: Option<Region>,
}

#[derive(Serialize)]
struct ArtifactLocation {
    uri: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    start_column: usize,
    end_line: usize,
    end_column: usize,
    byte_offset: usize,
    byte_length: usize,
    snippet: Snippet,
}

#[derive(Serialize)]
struct Snippet {
    text: String,
}

/// The project's address from Cargo metadata (`repository`, else `homepage`), if any.
fn information_uri() -> Option<&'static str> {
    [env!("CARGO_PKG_REPOSITORY"), env!("CARGO_PKG_HOMEPAGE")]
        .into_iter()
        .find(|u| !u.is_empty())
}

/// Write the report as a SARIF 2.1.0 log.
///
/// # Errors
/// I/O errors from `out`.
pub fn write(out: &mut dyn Write, r: &Report<'_>, _opts: &RenderOptions) -> io::Result<()> {
    let rules = CHECK_KINDS
        .iter()
        .map(|&k| Rule {
            id: code(k),
            name: name(k),
            short_description: Message {
                text: description(k).to_string(),
            },
        })
        .collect();
    let results = r.findings.iter().filter_map(|f| result(r, f)).collect();
    let notifications: Vec<Notification> = r
        .errors
        .iter()
        .map(|e| Notification {
            level: "error",
            message: Message {
                text: e.message.clone(),
            },
            locations: vec![Location {
                id: None,
                physical_location: PhysicalLocation {
                    artifact_location: ArtifactLocation {
                        uri: uri(&e.source),
                    },
                    region: None,
                },
                message: None,
            }],
        })
        .collect();
    let log = Log {
        schema: SCHEMA_URI,
        version: "2.1.0",
        runs: [Run {
            tool: Tool {
                driver: Driver {
                    name: "claimcheck",
                    version: env!("CARGO_PKG_VERSION"),
                    semantic_version: env!("CARGO_PKG_VERSION"),
                    information_uri: information_uri(),
                    rules,
                },
            },
            invocations: [Invocation {
                execution_successful: notifications.is_empty(),
                tool_execution_notifications: notifications,
            }],
            column_kind: "unicodeCodePoints",
            results,
            properties: RunProperties { summary: r.summary },
        }],
    };
    serde_json::to_writer_pretty(&mut *out, &log)?;
    out.write_all(b"\n")
}

fn result<'a>(r: &Report<'a>, f: &'a Finding) -> Option<SarifResult<'a>> {
    let level = match f.verdict {
        Verdict::Conflict => "error",
        Verdict::Difference => "warning",
        _ => return None,
    };
    let claims = finding_claims(r, f);
    // A finding always names claims of the report; should one be missing, the result is
    // still written, without a location, rather than lost.
    let (first, others) = match claims.split_first() {
        Some((first, others)) => (Some(*first), others),
        None => (None, &[][..]),
    };
    let rule_index = CHECK_KINDS.iter().position(|&k| k == f.check)?;
    let text = if f.arithmetic.text.is_empty() {
        f.message.clone()
    } else {
        format!("{}\n{}", f.message, f.arithmetic.text)
    };
    Some(SarifResult {
        rule_id: code(f.check),
        rule_index,
        kind: "fail",
        level,
        message: Message { text },
        locations: first.map(|c| location(c, None)).into_iter().collect(),
        related_locations: others
            .iter()
            .enumerate()
            .map(|(i, c)| location(c, Some(i)))
            .collect(),
        partial_fingerprints: BTreeMap::from([(FINGERPRINT_KEY, f.id.as_str())]),
        properties: ResultProperties {
            verdict: f.verdict,
            rule: &f.rule,
            metric: &f.metric,
            entities: &f.entities,
            period: &f.period,
            claims: &f.claims,
            arithmetic: &f.arithmetic,
        },
    })
}

fn location(c: &Claim, id: Option<usize>) -> Location {
    let (end_line, end_column) = claim_end(c);
    Location {
        id,
        physical_location: PhysicalLocation {
            artifact_location: ArtifactLocation {
                uri: uri(&c.source),
            },
            region: Some(Region {
                start_line: c.line.max(1),
                start_column: c.column.max(1),
                end_line: end_line.max(1),
                end_column: end_column.max(1),
                byte_offset: c.start,
                byte_length: c.end.saturating_sub(c.start),
                snippet: Snippet {
                    text: c.text.clone(),
                },
            }),
        },
        message: id.map(|_| Message {
            text: format!("\"{}\" = {} (claim {})", c.text, claims::human(c), c.id),
        }),
    }
}

/// A source path as a relative or absolute URI reference: `/` kept (and `\` turned into `/` on
/// Windows), unreserved characters kept, everything else percent-encoded as UTF-8.
pub fn uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for &b in path.as_bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(char::from(b));
            }
            b'\\' if cfg!(windows) => out.push('/'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}
