//! Output is a function of the input alone: the same documents give byte-identical output for
//! any thread count and whatever order their files were created in (so whatever order the
//! directory lists them), checked on generated document sets through the binary.

mod common;

use proptest::prelude::*;

const FRAGMENTS: &[&str] = &[
    "Trade between Kazakhstan and the US reached $3.1 billion in 2022",
    "exports from Kazakhstan to the US were $1.2 billion in 2022",
    "imports of American goods rose 40 percent to $1.9 billion",
    "bilateral trade was $2.5 billion in 2021",
    "US investment in Kazakhstan has exceeded $50 billion since 1991",
    "about 590 companies with American capital operate in the country",
    "trade grew by 37.2% compared to 2021",
    "in January-October 2019 trade amounted to $ 1.8 billion",
    "Kazakhstan is the 81st largest trading partner of the US",
    "trade topped $4 billion in 2021",
];

/// A document: a few sentences built from the fragments.
fn document() -> impl Strategy<Value = String> {
    prop::collection::vec(0..FRAGMENTS.len(), 1..6).prop_map(|ix| {
        ix.iter()
            .map(|&i| format!("{}.", FRAGMENTS[i]))
            .collect::<Vec<_>>()
            .join(" ")
    })
}

fn report(dir: &std::path::Path, jobs: &str) -> Vec<u8> {
    let out = common::claimcheck()
        .current_dir(dir)
        .args([
            "report", "--format", "json", "--show", "all", "-j", jobs, ".",
        ])
        .output()
        .unwrap();
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(12))]

    #[test]
    fn output_is_identical_for_any_thread_count_and_file_order(
        docs in prop::collection::vec(document(), 1..6),
        order in Just(()).prop_perturb(|_, mut rng| rng.random::<u64>()),
    ) {
        let names: Vec<String> = (0..docs.len()).map(|i| format!("doc-{i}.txt")).collect();
        // Two directories holding the same files, created in different orders.
        let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        for i in 0..docs.len() {
            std::fs::write(a.path().join(&names[i]), &docs[i]).unwrap();
        }
        let mut shuffled: Vec<usize> = (0..docs.len()).collect();
        shuffled.rotate_left((order % docs.len() as u64) as usize);
        shuffled.reverse();
        for &i in &shuffled {
            std::fs::write(b.path().join(&names[i]), &docs[i]).unwrap();
        }
        let one = report(a.path(), "1");
        prop_assert!(!one.is_empty());
        prop_assert_eq!(&one, &report(a.path(), "2"));
        prop_assert_eq!(&one, &report(b.path(), "2"));
        prop_assert_eq!(&one, &report(b.path(), "1"));
    }
}

/// A document of over 1 MB has its paragraphs scanned in parallel: its mentions (with the
/// periods carried from paragraph to paragraph) are the same for any thread count, and the same
/// as those of the same paragraphs read one by one in a small document.
#[test]
fn a_large_document_scanned_in_parallel_gives_the_same_mentions() {
    let dir = tempfile::tempdir().unwrap();
    // Paragraphs that carry a period to the next (`Jan-Oct 2019`, then a figure without one).
    let block = "In January-October 2019, trade between Kazakhstan and the US amounted to $1.8 \
                 billion.\n\nExports reached $682 million.\n\nThe minister spoke about the \
                 partnership.\n\n";
    let big = block.repeat((1 << 20) / block.len() + 1);
    assert!(big.len() > 1 << 20);
    std::fs::write(dir.path().join("big.txt"), &big).unwrap();
    let extract = |jobs: &str| {
        let out = common::claimcheck()
            .current_dir(dir.path())
            .args(["extract", "--format", "jsonl", "-j", jobs, "big.txt"])
            .output()
            .unwrap();
        assert!(out.status.success());
        String::from_utf8(out.stdout).unwrap()
    };
    let one = extract("1");
    assert_eq!(one, extract("2"));
    let lines: Vec<&str> = one.lines().collect();
    let repeats = big.len() / block.len();
    assert_eq!(lines.len(), 2 * repeats);
    // Every `$682 million` took the period of the paragraph before it, however far in.
    let inherited = lines
        .iter()
        .filter(|l| l.contains("\"text\":\"$682 million\"") && l.contains("\"inherited\":true"))
        .filter(|l| l.contains("\"label\":\"2019-01..2019-10\""))
        .count();
    assert_eq!(inherited, repeats);
}
