//! Checking the compact records: split by partition, each partition rebuilt into claims and
//! checked in parallel, then the findings sorted as `report` sorts them.

use rayon::prelude::*;

use super::NONE;
use super::compact::{Compact, Tables};
use crate::claim::Claim;
use crate::cli::report;
use crate::engine::{self, Finding, Relations};
use crate::report::id_key;

/// Each partition's representative, after joining the partitions a check reads together: a
/// share (CC008) is checked against the total of its whole (`UZ-WORLD`), which is another
/// partition than its own (`KZ-UZ`). Union-find over the few shares; every other partition
/// is its own.
fn joined_partitions(tables: &Tables, store: &[Compact]) -> Vec<u32> {
    let mut parent: Vec<u32> = (0..).take(tables.partitions.len()).collect();
    fn root(parent: &mut [u32], mut p: u32) -> u32 {
        while parent[p as usize] != p {
            let up = parent[parent[p as usize] as usize];
            parent[p as usize] = up;
            p = up;
        }
        p
    }
    for c in store.iter().filter(|c| c.share_whole != NONE) {
        if let Some(w) = tables.partition_of(c.share_whole, c.modality) {
            let (a, b) = (root(&mut parent, c.partition), root(&mut parent, w));
            // The smaller number represents both: the result does not depend on the order.
            parent[a.max(b) as usize] = a.min(b);
        }
    }
    (0..parent.len())
        .map(|p| root(&mut parent, u32::try_from(p).unwrap_or(NONE)))
        .collect()
}

/// Check every partition (in parallel) and sort the findings as `report` does.
pub(super) fn check(
    pool: &rayon::ThreadPool,
    tables: &Tables,
    store: &[Compact],
    relations: &Relations,
) -> Vec<Finding> {
    let joined = joined_partitions(tables, store);
    let mut parts: Vec<Vec<u32>> = vec![Vec::new(); tables.partitions.len()];
    for (i, c) in store.iter().enumerate() {
        parts[joined[c.partition as usize] as usize].push(u32::try_from(i).unwrap_or(NONE));
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
