//! What printing needs of the claims: those of the findings shown, rebuilt or read again, and
//! for json and jsonl every claim, streamed from a second reading of the files.

use std::io::{self, BufRead, BufReader};

use rayon::prelude::*;

use super::compact::{Compact, Tables};
use super::input::{Input, blocks, lines};
use super::read::FileState;
use crate::claim::Claim;
use crate::claims_file::{self, Item};
use crate::cli::report::{ReportArgs, ReportFormat};
use crate::engine::{Finding, Verdict};
use crate::report::{ClaimSource, id_key};

/// The ids of the claims the chosen format prints: none for json and jsonl (which print every
/// claim from the files), else those of the findings shown (for `--explain`, the finding
/// explained).
pub(super) fn printed_claims(
    args: &ReportArgs,
    opts: &crate::report::RenderOptions,
    findings: &[Finding],
) -> Vec<(u32, u32)> {
    let wanted: Vec<&Finding> = if let Some(id) = &args.explain {
        let m: Vec<&Finding> = findings
            .iter()
            .filter(|f| f.id.starts_with(id.as_str()))
            .collect();
        if m.len() == 1 { m } else { Vec::new() }
    } else {
        match args.format {
            ReportFormat::Json | ReportFormat::Jsonl => Vec::new(),
            ReportFormat::Sarif => findings
                .iter()
                .filter(|f| matches!(f.verdict, Verdict::Conflict | Verdict::Difference))
                .collect(),
            _ => findings
                .iter()
                .filter(|f| crate::render::report::shown(f, opts))
                .collect(),
        }
    };
    let mut keys: Vec<(u32, u32)> = wanted
        .iter()
        .flat_map(|f| f.claims.iter())
        .filter_map(|id| {
            let (d, o) = id_key(id)?;
            Some((u32::try_from(d).ok()?, u32::try_from(o).ok()?))
        })
        .collect();
    keys.par_sort_unstable();
    keys.dedup();
    keys
}

/// The claims with these ids (sorted), in id order: rebuilt from their records, or, with
/// `full`, read again from their lines (every field, for `--verbose` and `--explain`).
pub(super) fn claims_of(
    keys: &[(u32, u32)],
    tables: &Tables,
    store: &[Compact],
    files: &[Input],
    full: bool,
) -> io::Result<Vec<Claim>> {
    let records: Vec<&Compact> = keys
        .iter()
        .filter_map(|k| store.binary_search_by_key(k, Compact::key).ok())
        .map(|i| &store[i])
        .collect();
    if !full {
        return Ok(records.par_iter().map(|c| c.claim(tables)).collect());
    }
    // Read the lines in file order, then put the claims in id order.
    let mut at: Vec<(u32, u64, usize)> = records
        .iter()
        .enumerate()
        .map(|(i, c)| (c.file, c.offset, i))
        .collect();
    at.sort_unstable();
    let mut out: Vec<Option<Claim>> = vec![None; records.len()];
    let mut i = 0;
    while i < at.len() {
        let file = at[i].0;
        let input = &files[file as usize];
        let mut r = BufReader::with_capacity(1 << 16, input.reader()?);
        let mut pos = 0u64;
        let mut line = Vec::new();
        while i < at.len() && at[i].0 == file {
            let (_, offset, slot) = at[i];
            r.seek_relative(i64::try_from(offset - pos).unwrap_or(i64::MAX))?;
            line.clear();
            let n = r.read_until(b'\n', &mut line)?;
            pos = offset + n as u64;
            let rec = records[slot];
            let claim = match claims_file::parse_line(strip_newline(&line)) {
                Ok(Item::Claim { mut claim, .. }) => {
                    claim.id = format!("{}:{}", rec.doc, rec.ordinal);
                    claim.doc_index = rec.doc as usize;
                    claim.document_date = rec.document_date;
                    claim.date_inferred = rec.date_inferred;
                    *claim
                }
                _ => {
                    return Err(io::Error::other(format!(
                        "{}: changed while being read (the claim at byte {offset} is gone)",
                        input.name
                    )));
                }
            };
            out[slot] = Some(claim);
            i += 1;
        }
    }
    Ok(out.into_iter().flatten().collect())
}

fn strip_newline(l: &[u8]) -> &[u8] {
    l.strip_suffix(b"\n").unwrap_or(l)
}

/// Every claim of the files, read again, for json and jsonl: in file order and line order,
/// with the ids of the first reading, leaving out the lines the first reading left out.
pub(super) struct Stream<'a> {
    pub(super) pool: &'a rayon::ThreadPool,
    pub(super) files: &'a [Input],
    pub(super) state: &'a [FileState],
}

impl ClaimSource for Stream<'_> {
    fn each(&self, f: &mut dyn FnMut(&Claim) -> io::Result<()>) -> io::Result<()> {
        for (input, state) in self.files.iter().zip(self.state) {
            if !state.complete {
                // Reported when it was first read.
                continue;
            }
            let reader = input
                .reader()
                .map_err(|e| io::Error::other(format!("{}: {e}", input.name)))?;
            let mut bad = state.bad_lines.iter().peekable();
            let changed = |line: u64| {
                io::Error::other(format!("{}:{line}: changed while being read", input.name))
            };
            blocks(
                reader,
                None,
                |offset, first_line, block| {
                    let ls = lines(offset, first_line, block);
                    let items: Vec<Result<Item, String>> = self.pool.install(|| {
                        ls.par_iter()
                            .map(|(_, _, l)| claims_file::parse_line(l))
                            .collect()
                    });
                    for ((_, line, _), item) in ls.iter().zip(items) {
                        while bad.next_if(|&&b| b < *line).is_some() {}
                        if bad.next_if(|&&b| b == *line).is_some() {
                            continue;
                        }
                        match item {
                            Ok(Item::Claim {
                                doc,
                                ordinal,
                                mut claim,
                                ..
                            }) => {
                                let d = state.docs.get(&doc).ok_or_else(|| changed(*line))?;
                                claim.id = format!("{}:{ordinal}", d.index);
                                claim.doc_index = d.index as usize;
                                f(&claim)?;
                            }
                            Ok(_) => {}
                            Err(_) => return Err(changed(*line)),
                        }
                    }
                    Ok(())
                },
                |_| {},
            )?;
        }
        Ok(())
    }
}
