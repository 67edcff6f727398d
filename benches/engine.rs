//! The rule engine at scale: claims built directly (no text), checked with the bundled
//! relations. Two shapes of 1,000,000 claims over 10,000 keys (a key is a metric and an
//! entity pair):
//!
//! - `restated`: each key's figure for one year restated by 100 documents, about half of
//!   them with a slightly different figure (six distinct values per key), as when a wire
//!   story is copied across outlets;
//! - `series`: each key with 50 yearly figures from 2 sources that agree except every tenth
//!   year.
//!
//! Smaller sizes show how the cost grows: `cargo bench --bench engine`.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use rust_decimal::Decimal;

use claimcheck::claim::{Claim, ClaimPeriod, Modality};
use claimcheck::interval::{Endpoint, Interval};
use claimcheck::quantity::{Kind, Measure};
use claimcheck::rules::BoundKind;

/// `$v million` in `year` for trade between entities `a` and `b`, as the linker makes it.
fn claim(doc: usize, ordinal: usize, a: &str, b: &str, year: i16, v: i64) -> Claim {
    let value = Decimal::from(v * 1_000_000);
    let half = Decimal::from(500_000);
    let date = |m, d| jiff::civil::date(year, m, d);
    let mut entities = vec![a.to_string(), b.to_string()];
    entities.sort();
    Claim {
        id: format!("{doc}:{ordinal}"),
        fingerprint: format!("{doc:08x}{ordinal:08x}"),
        source: format!("doc-{doc:06}.txt").into(),
        doc_index: doc,
        line: ordinal * 2 + 1,
        column: 1,
        start: ordinal * 64,
        end: ordinal * 64 + 12,
        text: format!("${v} million"),
        sentence: format!("Trade between {a} and {b} was ${v} million in {year}.").into(),
        kind: Kind::Currency,
        value: Some(value),
        interval: Interval::new(
            Some(Endpoint::closed(value - half)),
            Some(Endpoint::closed(value + half)),
        ),
        bound: BoundKind::Rounded,
        unit: Some("USD".into()),
        measure: Measure::Level,
        direction: None,
        role: None,
        period: Some(ClaimPeriod {
            start: Some(date(1, 1)),
            end: Some(date(12, 31)),
            label: year.to_string(),
            cumulative: false,
            instant: None,
            inherited: false,
        }),
        base_period: None,
        metric: Some("trade_total".into()),
        entities,
        directional: false,
        modality: Modality::Actual,
        attribution: None,
        linked_by: Vec::new(),
        unlinked: None,
        part_of: None,
        share_of: None,
        document_date: Some(jiff::civil::date(2024, 1, 1)),
        date_inferred: false,
    }
}

/// Entity pair number `k`: `E0000`-`E0001`, ...: distinct for every `k`.
fn pair(k: usize) -> (String, String) {
    (format!("E{:04}", k / 150), format!("F{:04}", k % 150))
}

/// `n` claims over `keys` keys, each key's figure for one year restated `n / keys` times.
fn restated(n: usize, keys: usize) -> Vec<Claim> {
    let per_doc = 100;
    (0..n)
        .map(|i| {
            let (doc, j) = (i / per_doc, i % per_doc);
            let k = i % keys;
            let (a, b) = pair(k);
            let base = 100 + (k as i64 * 37) % 900;
            let v = if (doc + j) % 2 == 0 {
                base
            } else {
                base + 1 + (doc % 5) as i64
            };
            claim(doc, j, &a, &b, 1990 + (k % 35) as i16, v)
        })
        .collect()
}

/// `n` claims over `keys` keys: per key, yearly figures from two sources.
fn series(n: usize, keys: usize) -> Vec<Claim> {
    let years = (n / keys / 2).max(1);
    let mut out = Vec::with_capacity(n);
    for k in 0..keys {
        let (a, b) = pair(k);
        for y in 0..years {
            for s in 0..2 {
                let base = 100 + y as i64;
                let v = if s == 1 && y % 10 == 0 {
                    base * 11 / 10 + 1
                } else {
                    base
                };
                out.push(claim(k * 2 + s, y, &a, &b, 1950 + y as i16, v));
            }
        }
    }
    out
}

fn bench(c: &mut Criterion) {
    let relations = &claimcheck::rules::default_rule_set().relations;
    let mut g = c.benchmark_group("engine");
    g.sample_size(10);
    for (n, keys) in [(10_000, 100), (100_000, 1_000), (1_000_000, 10_000)] {
        for (shape, make) in [
            ("restated", restated as fn(usize, usize) -> Vec<Claim>),
            ("series", series),
        ] {
            let claims = make(n, keys);
            g.throughput(Throughput::Elements(claims.len() as u64));
            g.bench_with_input(
                BenchmarkId::new(shape, format!("{n}-claims-{keys}-keys")),
                &claims,
                // The findings are freed outside the timing, as `report` does not free them
                // one by one at exit either.
                |b, claims| b.iter_with_large_drop(|| claimcheck::engine::check(claims, relations)),
            );
        }
    }
    g.finish();
}

/// Start-up: loading the bundled rules (vocabulary, metrics, entities with every ISO country,
/// relations) as `claims` and `report` do before reading anything.
fn rules(c: &mut Criterion) {
    c.bench_function("rules/load-defaults", |b| {
        b.iter(|| claimcheck::rules::RuleSet::defaults().map(|r| r.relations.relations.len()));
    });
}

criterion_group!(benches, rules, bench);
criterion_main!(benches);
