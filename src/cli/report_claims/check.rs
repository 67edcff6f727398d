//! Checking the compact records: split by partition, each partition rebuilt into claims and
//! checked in parallel, then the findings sorted as `report` sorts them.

use rayon::prelude::*;

use super::NONE;
use super::compact::{Compact, Tables};
use crate::claim::Claim;
use crate::cli::report;
use crate::engine::{self, Finding, Relations};
use crate::report::id_key;

/// Check every partition (in parallel) and sort the findings as `report` does.
pub(super) fn check(
    pool: &rayon::ThreadPool,
    tables: &Tables,
    store: &[Compact],
    relations: &Relations,
) -> Vec<Finding> {
    let mut parts: Vec<Vec<u32>> = vec![Vec::new(); tables.partitions.len()];
    for (i, c) in store.iter().enumerate() {
        parts[c.partition as usize].push(u32::try_from(i).unwrap_or(NONE));
    }
    // Largest first, so that no thread is left with a big one at the end; then in the order
    // first seen (the findings are sorted afterwards anyway).
    let mut parts: Vec<(u32, Vec<u32>)> = (0..).zip(parts).collect();
    parts.sort_by(|(a, ma), (b, mb)| mb.len().cmp(&ma.len()).then(a.cmp(b)));
    let mut findings: Vec<Finding> = pool.install(|| {
        parts
            .par_iter()
            .with_max_len(1)
            .flat_map_iter(|(_, members)| {
                let claims: Vec<Claim> = members
                    .iter()
                    .map(|&i| store[i as usize].claim(tables))
                    .collect();
                engine::check(&claims, relations)
            })
            .collect()
    });
    let pos = |id: &str| -> Option<(usize, usize)> {
        let (d, o) = id_key(id)?;
        let key = (u32::try_from(d).ok()?, u32::try_from(o).ok()?);
        let i = store.binary_search_by_key(&key, Compact::key).ok()?;
        Some((d, usize::try_from(store[i].start).ok()?))
    };
    pool.install(|| report::sort_findings_by(&mut findings, pos));
    findings
}
