//! Throughput of the extract step over the bundled examples.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn bench(c: &mut Criterion) {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/examples");
    let mut text = String::new();
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    for p in paths {
        text.push_str(&std::fs::read_to_string(p).unwrap());
        text.push_str("\n\n");
    }
    let doc = claimcheck::input::Document::from_text("examples", text.clone());
    let vocab = claimcheck::rules::Vocabulary::defaults().unwrap();
    let mut ex = claimcheck::extract::Extractor::default();
    let mut g = c.benchmark_group("extract");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("examples", |b| {
        b.iter(|| {
            ex.extract(&doc, &vocab, claimcheck::extract::ExtractOptions::default())
                .len()
        });
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
