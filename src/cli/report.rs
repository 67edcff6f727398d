//! `claimcheck report`: extract, link and compare the claims of all documents; say where
//! sources disagree.

use std::collections::BTreeSet;
use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use super::{ExitStatus, InputArgs, RulesArgs, io_failure, report_error};
use crate::claim::Claim;
use crate::engine::{self, Finding, Verdict};
use crate::extract::ExtractOptions;
use crate::input::{self, LoadOptions};
use crate::pipeline::Pipeline;
use crate::render;
use crate::report::{ClaimSource, RenderOptions, Report, Summary};

/// Output formats of `report`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    /// A summary and a findings table, for people.
    Table,
    /// Markdown, for pasting into a fact-check write-up.
    Markdown,
    /// One JSON document: documents, claims, findings, errors, summary.
    Json,
    /// JSON Lines tagged with `type`.
    Jsonl,
    /// SARIF 2.1.0, for GitHub code scanning.
    Sarif,
    /// GitHub workflow annotations.
    Github,
}

/// The least severe verdict that makes the run fail.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FailOn {
    Conflict,
    Difference,
    Never,
}

/// When to colour the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// What `report` shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Show {
    /// Conflicts and differences.
    Findings,
    /// Also the consistent checks and the pairs that could not be compared.
    All,
}

#[derive(Debug, clap::Args)]
pub struct ReportArgs {
    #[command(flatten)]
    pub input: InputArgs,

    /// Check the claims in these files instead of reading documents: JSON Lines written by
    /// `claims --format jsonl` or `report --format jsonl` (`-` reads standard input). Several
    /// files are merged (map/reduce); cannot be combined with PATHs, --sources or --date.
    #[arg(
        long = "claims",
        value_name = "FILE",
        num_args = 1..,
        conflicts_with_all = ["paths", "sources", "date"]
    )]
    pub claims: Vec<String>,

    #[command(flatten)]
    pub rules: RulesArgs,

    /// Output format.
    #[arg(short, long, value_enum, default_value = "table")]
    pub format: ReportFormat,

    /// Exit with status 1 when there are findings at or above this verdict.
    #[arg(long, value_enum, default_value = "conflict")]
    pub fail_on: FailOn,

    /// What to show: findings only, or every check made.
    #[arg(long, value_enum, default_value = "findings")]
    pub show: Show,

    /// Say why each pair was compared (the aliases and entities matched).
    #[arg(short, long)]
    pub verbose: bool,

    /// Colour the table: auto (a terminal without NO_COLOR), always, never.
    #[arg(long, value_enum, default_value = "auto")]
    pub color: ColorChoice,

    /// Skip findings recorded in this baseline file (accepted contradictions).
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,

    /// Record the current conflicts and differences in this baseline file.
    #[arg(long, value_name = "FILE")]
    pub write_baseline: Option<PathBuf>,

    /// Print one finding in full (its id, or a unique prefix) and nothing else.
    #[arg(long, value_name = "FINDING-ID")]
    pub explain: Option<String>,
}

/// A baseline: the fingerprints of accepted findings.
#[derive(Debug, Serialize, Deserialize)]
struct Baseline {
    schema_version: u32,
    findings: Vec<BaselineEntry>,
}

#[derive(Debug, Serialize, Deserialize)]
struct BaselineEntry {
    id: String,
    check: String,
    verdict: String,
    message: String,
}

pub fn run(args: &ReportArgs) -> ExitStatus {
    if !args.claims.is_empty() {
        return super::report_claims::run(args);
    }
    let inputs = match args.input.inputs() {
        Ok(i) => i,
        Err(e) => {
            report_error("usage", &e);
            return ExitStatus::Error;
        }
    };
    let Some(rules) = super::load_rules(&args.rules) else {
        return ExitStatus::Error;
    };
    let Some(pool) = super::thread_pool(args.input.threads) else {
        return ExitStatus::Error;
    };
    let (setup, manifest_errors) = super::DocumentSetup::new(&args.input, &inputs);
    let mut failed = false;
    for e in &manifest_errors {
        report_error("sources", &e.to_string());
        failed = true;
    }
    let Some(baseline) = load_baseline(args) else {
        return ExitStatus::Error;
    };
    let entries = input::collect(&inputs);
    let progress = crate::progress::Progress::for_terminal(entries.len());
    let pipeline = Pipeline {
        vocab: &rules.set.vocab,
        lexicon: Some(&rules.set),
        extract: ExtractOptions::default(),
        load: LoadOptions {
            max_file_size: args.input.max_file_size,
        },
        setup: &setup,
        progress: progress.as_ref(),
    };

    let mut errors = Vec::new();
    let mut summary = Summary::default();
    let mut documents = Vec::with_capacity(entries.len());
    // The claims of a batch of documents at a time are moved into one vector: holding every
    // document's claims and then a copy of them all doubled the peak memory (a claim is about
    // 1.2 KB with its strings), and on 100 MB the page faults for fresh memory were a tenth of
    // the run. The vector grows in place.
    // ([`REPORT_BATCH`]: larger than `extract`'s batches, which a thread waited at the end of.)
    let mut claims: Vec<Claim> = Vec::new();
    let streamed = super::stream_batches(
        &pipeline,
        &pool,
        &entries,
        REPORT_BATCH,
        |r| r,
        |results| {
            for r in results {
                failed |= super::report_document(&r, &mut errors);
                match r.doc.status {
                    "read" => summary.documents_read += 1,
                    "skipped" => summary.documents_skipped += 1,
                    _ => summary.documents_failed += 1,
                }
                summary.quantities += r.doc.mentions;
                claims.extend(r.claims);
                documents.push(r.doc);
            }
            Ok(())
        },
    );
    if let Err(e) = streamed {
        return super::io_failure(&e);
    }
    summary.claims_linked = claims.iter().filter(|c| c.metric.is_some()).count();
    summary.claims_unlinked = claims.len() - summary.claims_linked;
    // Counted by reference, then copied once per distinct reason (a few), not once per claim.
    let mut reasons: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
    for reason in claims.iter().filter_map(|c| c.unlinked.as_deref()) {
        *reasons.entry(reason).or_default() += 1;
    }
    summary.unlinked_reasons = reasons
        .into_iter()
        .map(|(r, n)| (r.to_string(), n))
        .collect();

    let complete = claims.iter().filter(|c| engine::compared(c));
    // The engine and the sort run on the run's pool, so `-j` bounds them too.
    let mut findings = pool.install(|| {
        let mut findings = engine::check(complete, &rules.set.relations);
        sort_findings(&mut findings, &claims);
        findings
    });
    if let Err(status) = apply_baseline(args, &baseline, &mut findings, &mut summary) {
        return status;
    }

    let report = Report {
        documents: &documents,
        claims: &claims,
        findings: &findings,
        errors: &errors,
        summary: &summary,
    };
    let status = print(args, &pool, &report, None, failed);
    // The process ends next: freeing millions of claims and findings one by one costs more
    // than the checks on a large run (5-7% in profiles), and the OS takes the memory back.
    std::mem::forget(findings);
    std::mem::forget(claims);
    std::mem::forget(documents);
    status
}

/// Documents read at a time by `report` before their claims join the rest: enough that the
/// threads seldom wait for each other at the end of a batch (`-j 2` on many-files, 10,000
/// small documents: 0.77 s with 512, 0.74 s with 1,024, 0.76 s reading them all at once),
/// few enough that a batch's claims are a small part of the whole (peak on corpus-100MB:
/// 517 MB with 512, 558 MB with 1,024, 719 MB all at once).
const REPORT_BATCH: usize = 1024;

/// Read `--baseline`, or report why it cannot be read (`None`).
pub(super) fn load_baseline(args: &ReportArgs) -> Option<BTreeSet<String>> {
    match args.baseline.as_deref().map(read_baseline).transpose() {
        Ok(b) => Some(b.unwrap_or_default()),
        Err(e) => {
            report_error("baseline", &e);
            None
        }
    }
}

/// Leave out the findings the baseline accepts, count the rest, and write `--write-baseline`.
pub(super) fn apply_baseline(
    args: &ReportArgs,
    baseline: &BTreeSet<String>,
    findings: &mut Vec<Finding>,
    summary: &mut Summary,
) -> Result<(), ExitStatus> {
    let before = findings.len();
    findings.retain(|f| !baseline.contains(&f.id));
    summary.baselined = before - findings.len();
    summary.count(findings);
    if let Some(path) = &args.write_baseline
        && let Err(e) = write_baseline(path, findings)
    {
        report_error(&path.to_string_lossy(), &e);
        return Err(ExitStatus::Error);
    }
    Ok(())
}

/// The render options `args` ask for.
pub(super) fn render_options(args: &ReportArgs) -> RenderOptions {
    RenderOptions {
        width: super::table_width(),
        color: color_enabled(args.color),
        show_all: args.show == Show::All,
        verbose: args.verbose,
    }
}

/// Print the report in the format asked for (json and jsonl take every claim from `claims`,
/// or from the report when `None`; the other formats read only the claims of the findings
/// they print, from the report) and say how the run ended: 2 when input was lost (`failed`),
/// else 1 for findings at or above `--fail-on`, else 0. Rendering runs on `pool`.
pub(super) fn print(
    args: &ReportArgs,
    pool: &rayon::ThreadPool,
    report: &Report<'_>,
    claims: Option<&dyn ClaimSource>,
    failed: bool,
) -> ExitStatus {
    let findings = report.findings;
    let opts = render_options(args);
    // Not a locked handle: rendering runs on the pool, which needs what it writes to be Send.
    let mut out = io::BufWriter::with_capacity(1 << 16, io::stdout());
    let written = if let Some(id) = &args.explain {
        match explain(&mut out, report, id) {
            Ok(true) => Ok(()),
            Ok(false) => {
                report_error("explain", &format!("no finding with id `{id}`"));
                return ExitStatus::Error;
            }
            Err(e) => Err(e),
        }
    } else {
        use render::report as r;
        // The report's own claims and its findings are serialized in parallel, on the run's
        // pool (so `-j` bounds it). Claims read again from files come one at a time.
        match (args.format, claims) {
            (ReportFormat::Table, _) => r::table::write(&mut out, report, &opts),
            (ReportFormat::Markdown, _) => r::markdown::write(&mut out, report, &opts),
            (ReportFormat::Json, None) => r::json::write(&mut out, report, &opts),
            (ReportFormat::Json, Some(c)) => r::json::write_with(&mut out, report, &opts, c),
            (ReportFormat::Jsonl, None) => {
                pool.install(|| r::jsonl::write(&mut out, report, &opts))
            }
            (ReportFormat::Jsonl, Some(c)) => {
                pool.install(|| r::jsonl::write_with(&mut out, report, &opts, c))
            }
            (ReportFormat::Sarif, _) => r::sarif::write(&mut out, report, &opts),
            (ReportFormat::Github, _) => r::github::write(&mut out, report, &opts),
        }
    };
    if let Err(e) = written.and_then(|()| out.flush()) {
        return io_failure(&e);
    }
    if failed {
        return ExitStatus::Error;
    }
    let threshold = match args.fail_on {
        FailOn::Conflict => Some(Verdict::Conflict),
        FailOn::Difference => Some(Verdict::Difference),
        FailOn::Never => None,
    };
    match threshold {
        Some(t) if findings.iter().any(|f| f.verdict <= t) => ExitStatus::Findings,
        _ => ExitStatus::Success,
    }
}

/// Severity first (conflicts, differences, ...), then the position of the first claim, then
/// the id: a total order, so output never depends on input order or threads.
fn sort_findings(findings: &mut [Finding], claims: &[Claim]) {
    // Only the claims findings name are looked up: a map of those, not of every claim.
    let named: foldhash::HashSet<&str> = findings
        .iter()
        .filter_map(|f| f.claims.first().map(String::as_str))
        .collect();
    let mut index: foldhash::HashMap<&str, (usize, usize)> =
        foldhash::HashMap::with_capacity_and_hasher(named.len(), Default::default());
    // The last claim of an id wins, as when every claim was collected into the map.
    for c in claims.iter().filter(|c| named.contains(c.id.as_str())) {
        index.insert(c.id.as_str(), (c.doc_index, c.start));
    }
    sort_findings_by(findings, |id| index.get(id).copied());
}

/// A finding's verdict, the position of its first claim, and its own position.
type SortKey = (Verdict, Option<(usize, usize)>, usize);

/// [`sort_findings`], with `pos` giving a claim's (document index, start) from its id.
///
/// The keys are computed once and sorted with the positions of the findings, comparing the
/// ids in place (no copy of each id); the findings are then put in that order.
pub(super) fn sort_findings_by(
    findings: &mut [Finding],
    pos: impl Fn(&str) -> Option<(usize, usize)> + Sync,
) {
    let mut keys: Vec<SortKey> = findings
        .par_iter()
        .enumerate()
        .map(|(i, f)| (f.verdict, f.claims.first().and_then(|id| pos(id)), i))
        .collect();
    {
        let findings: &[Finding] = findings;
        keys.par_sort_by(|a, b| {
            (a.0, a.1)
                .cmp(&(b.0, b.1))
                .then_with(|| findings[a.2].id.cmp(&findings[b.2].id))
        });
    }
    permute(findings, keys.into_iter().map(|(_, _, i)| i).collect());
}

/// Put `items` in the order `order` gives (`order[k]` is the position of the item that goes
/// to `k`), swapping in place along each cycle of the permutation.
fn permute<T>(items: &mut [T], mut order: Vec<usize>) {
    for k in 0..order.len() {
        // The item meant for `k` has been moved on by the swaps before: follow it.
        let mut from = order[k];
        while from < k {
            from = order[from];
        }
        order[k] = from;
        items.swap(k, from);
    }
}

fn color_enabled(choice: ColorChoice) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none()
                && std::env::var("TERM").map_or(true, |t| t != "dumb")
        }
    }
}

fn read_baseline(path: &std::path::Path) -> Result<BTreeSet<String>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let b: Baseline = serde_json::from_str(&text)
        .map_err(|e| format!("{}:{}:{}: {e}", path.display(), e.line(), e.column()))?;
    Ok(b.findings.into_iter().map(|e| e.id).collect())
}

fn write_baseline(path: &std::path::Path, findings: &[Finding]) -> Result<(), String> {
    let b = Baseline {
        schema_version: 1,
        findings: findings
            .iter()
            .filter(|f| matches!(f.verdict, Verdict::Conflict | Verdict::Difference))
            .map(|f| BaselineEntry {
                id: f.id.clone(),
                check: format!("{:?}", f.check),
                verdict: format!("{:?}", f.verdict).to_lowercase(),
                message: f.message.clone(),
            })
            .collect(),
    };
    let text = serde_json::to_string_pretty(&b).map_err(|e| e.to_string())?;
    std::fs::write(path, text + "\n").map_err(|e| e.to_string())
}

/// Print one finding in full: both claims in their sentences, the normalization of each, the
/// rule, the arithmetic. Returns false when no finding matches `id`.
fn explain(out: &mut dyn Write, r: &Report<'_>, id: &str) -> io::Result<bool> {
    let matches: Vec<&Finding> = r.findings.iter().filter(|f| f.id.starts_with(id)).collect();
    let [f] = matches.as_slice() else {
        return Ok(false);
    };
    let s = render::sanitize_for_terminal;
    writeln!(out, "finding {}", f.id)?;
    writeln!(
        out,
        "  verdict:    {}",
        format!("{:?}", f.verdict).to_lowercase()
    )?;
    writeln!(out, "  check:      {:?} (rule `{}`)", f.check, f.rule)?;
    writeln!(out, "  metric:     {} {}", f.metric, f.entities.join(", "))?;
    writeln!(out, "  period:     {}", f.period)?;
    writeln!(out, "  message:    {}", s(&f.message))?;
    writeln!(out, "  arithmetic: {}", s(&f.arithmetic.text))?;
    for cid in &f.claims {
        let Some(c) = r.claim(cid) else { continue };
        writeln!(out)?;
        writeln!(
            out,
            "  claim {} at {}:{}:{}",
            c.id,
            s(&c.source),
            c.line,
            c.column
        )?;
        writeln!(out, "    sentence:  {}", s(&c.sentence))?;
        writeln!(
            out,
            "    quantity:  \"{}\" = {}",
            s(&c.text),
            render::claims::human(c)
        )?;
        writeln!(
            out,
            "    period:    {}",
            render::claims::period(c.period.as_ref())
        )?;
        writeln!(
            out,
            "    metric:    {} {}",
            c.metric.as_deref().unwrap_or("-"),
            render::claims::entities(c)
        )?;
        for l in &c.linked_by {
            writeln!(out, "    linked by: {}", s(l))?;
        }
        if let Some(a) = &c.attribution {
            writeln!(out, "    quoting:   {}", s(a))?;
        }
    }
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::permute;
    use proptest::prelude::{Just, Strategy};

    proptest::proptest! {
        /// Permuting in place puts each item where a copy in that order would.
        #[test]
        fn permute_puts_items_in_the_order_given(
            order in (0usize..40).prop_flat_map(|n| {
                Just((0..n).collect::<Vec<usize>>()).prop_shuffle()
            })
        ) {
            let items: Vec<usize> = (0..order.len()).map(|i| i * 10).collect();
            let expected: Vec<usize> = order.iter().map(|&i| items[i]).collect();
            let mut permuted = items;
            permute(&mut permuted, order);
            proptest::prop_assert_eq!(permuted, expected);
        }
    }
}
