//! The per-document pipeline shared by `extract`, `claims` and `report`: load -> decode ->
//! metadata -> extract -> link. Documents are processed in parallel (rayon) and returned in
//! input order, so output never depends on the thread count.

use rayon::prelude::*;

use crate::claim::Claim;
use crate::cli::DocumentSetup;
use crate::extract::{ExtractOptions, Extractor, Mention};
use crate::input::{self, Entry, LoadOptions, Loaded};
use crate::link::{self, Lexicon};
use crate::render::json::DocumentOut;
use crate::rules::Vocabulary;

/// What reading one input gave.
#[derive(Debug)]
pub struct DocResult {
    pub doc: DocumentOut,
    /// The quantity mentions, unless the pipeline links them into claims (then only their
    /// count, in `doc.mentions`, is kept: the claims carry everything later steps need).
    pub mentions: Vec<Mention>,
    pub claims: Vec<Claim>,
    pub notes: Vec<String>,
    pub error: Option<String>,
    pub skipped: Option<String>,
}

impl DocResult {
    /// A document that could not be read, and why.
    fn failed(source: String, message: String) -> Self {
        Self {
            doc: blank_document(source, "error"),
            mentions: Vec::new(),
            claims: Vec::new(),
            notes: Vec::new(),
            error: Some(message),
            skipped: None,
        }
    }
}

/// Everything the pipeline needs, shared read-only across threads.
pub struct Pipeline<'a> {
    pub vocab: &'a Vocabulary,
    /// When set, quantities are linked into claims.
    pub lexicon: Option<&'a dyn Lexicon>,
    pub extract: ExtractOptions,
    pub load: LoadOptions,
    pub setup: &'a DocumentSetup,
    /// Counts finished documents, when a person is watching.
    pub progress: Option<&'a crate::progress::Progress>,
}

/// The most documents one thread takes at a time (each piece starts a new [`Extractor`]).
const DOCUMENTS_PER_PIECE: usize = 16;

impl Pipeline<'_> {
    /// Process `entries` in parallel on `pool`; `first_index` numbers the documents.
    pub fn run(
        &self,
        pool: &rayon::ThreadPool,
        entries: &[Entry],
        first_index: usize,
    ) -> Vec<DocResult> {
        self.run_then(pool, entries, first_index, |r| r)
    }

    /// [`Self::run`], with `then` applied to each document's result on the thread that made
    /// it: work a caller would otherwise do alone after the parallel part (rendering a
    /// document's output, say) runs in parallel too.
    pub fn run_then<T: Send>(
        &self,
        pool: &rayon::ThreadPool,
        entries: &[Entry],
        first_index: usize,
        then: impl Fn(DocResult) -> T + Sync,
    ) -> Vec<T> {
        pool.install(|| {
            entries
                .par_iter()
                // Small pieces: rayon otherwise hands each thread a quarter of the documents at
                // once, and the thread whose quarter is slowest finishes alone.
                .with_max_len(DOCUMENTS_PER_PIECE)
                .enumerate()
                .map_init(Extractor::default, |ex, (i, entry)| {
                    let result = then(self.guarded(ex, entry, first_index + i));
                    if let Some(p) = self.progress {
                        p.inc();
                    }
                    result
                })
                .collect()
        })
    }

    /// [`Self::one`], with a panic (a bug) contained to its document ([`crate::bug`]): that
    /// document is an error that names the bug, and the others are still read. The extractor's
    /// buffers may be half-written after a panic: the next document gets fresh ones. (The
    /// steps after the pipeline, rendering and the checks across documents, are not covered:
    /// a panic there ends the run, exit 101.)
    fn guarded(&self, ex: &mut Extractor, entry: &Entry, index: usize) -> DocResult {
        crate::bug::contain(|| self.one(ex, entry, index)).unwrap_or_else(|bug| {
            *ex = Extractor::default();
            DocResult::failed(
                entry.source().to_string(),
                format!(
                    "internal error, the document was not read (a bug in claimcheck; please \
                     report it): {bug}"
                ),
            )
        })
    }

    fn one(&self, ex: &mut Extractor, entry: &Entry, index: usize) -> DocResult {
        match input::load(entry, &self.load) {
            Loaded::Document(mut doc) => {
                let path = match entry {
                    Entry::File { path, .. } => Some(path.as_path()),
                    _ => None,
                };
                self.setup.apply(&mut doc, path);
                let mentions = ex.extract_and_date(&mut doc, self.vocab, self.extract);
                let claims = self
                    .lexicon
                    .map(|lex| link::link(&doc, index, &mentions, lex))
                    .unwrap_or_default();
                let notes: Vec<String> = doc.notes.iter().map(|n| n.message.clone()).collect();
                let count = mentions.len();
                let mentions = if self.lexicon.is_some() {
                    Vec::new()
                } else {
                    mentions
                };
                let out = DocumentOut {
                    source: doc.source.clone(),
                    title: doc.meta.title.clone(),
                    outlet: doc.meta.outlet.clone(),
                    url: doc.meta.url.clone(),
                    date: doc.meta.date.map(|d| d.to_string()),
                    date_inferred: doc.meta.extra.contains_key("date_inferred"),
                    status: "read",
                    notes: notes.clone(),
                    mentions: count,
                };
                DocResult {
                    doc: out,
                    mentions,
                    claims,
                    notes,
                    error: None,
                    skipped: None,
                }
            }
            Loaded::Skipped { source, reason } => DocResult {
                doc: blank_document(source, "skipped"),
                mentions: Vec::new(),
                claims: Vec::new(),
                notes: Vec::new(),
                error: None,
                skipped: Some(reason),
            },
            Loaded::Error { source, message } => DocResult::failed(source, message),
        }
    }
}

/// The output of a document that was not read.
fn blank_document(source: String, status: &'static str) -> DocumentOut {
    DocumentOut {
        source,
        title: None,
        outlet: None,
        url: None,
        date: None,
        date_inferred: false,
        status,
        notes: Vec::new(),
        mentions: 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::link::{EntityHit, MetricHit, MetricInfo};

    /// A lexicon with a bug: it panics on any text that says `boom`.
    struct Buggy;

    impl Lexicon for Buggy {
        fn entities(&self, text: &str) -> Vec<EntityHit> {
            assert!(!text.contains("boom"), "a bug in the lexicon");
            Vec::new()
        }
        fn metrics(&self, _text: &str) -> Vec<MetricHit> {
            Vec::new()
        }
        fn metric_info(&self, _id: &str) -> Option<MetricInfo> {
            None
        }
        fn metric_for_noun(&self, _noun: &str) -> Option<String> {
            None
        }
    }

    /// A panic while reading one document makes that document an error naming the bug; the
    /// documents before and after it are read as if it were not there.
    #[test]
    fn a_panic_is_contained_to_its_document() {
        let dir = tempfile::tempdir().unwrap();
        let texts = [
            ("a.txt", "Exports were $5 billion in 2022.\n"),
            ("b.txt", "It went boom at $3 billion.\n"),
            ("c.txt", "Imports were $2 billion in 2021.\n"),
        ];
        let entries: Vec<Entry> = texts
            .iter()
            .map(|(name, text)| {
                let path = dir.path().join(name);
                std::fs::write(&path, text).unwrap();
                Entry::File {
                    source: (*name).to_string(),
                    path,
                }
            })
            .collect();
        let setup = DocumentSetup::default();
        let pipeline = Pipeline {
            vocab: crate::rules::default_vocabulary(),
            lexicon: Some(&Buggy),
            extract: ExtractOptions::default(),
            load: LoadOptions {
                max_file_size: 1 << 20,
            },
            setup: &setup,
            progress: None,
        };
        // One thread: the document after the bad one reuses its thread's extractor.
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .build()
            .unwrap();
        let results = pipeline.run(&pool, &entries, 0);
        let summary: Vec<(&str, &str, usize, bool)> = results
            .iter()
            .map(|r| {
                (
                    r.doc.source.as_str(),
                    r.doc.status,
                    r.claims.len(),
                    r.error.is_some(),
                )
            })
            .collect();
        assert_eq!(
            summary,
            [
                ("a.txt", "read", 1, false),
                ("b.txt", "error", 0, true),
                ("c.txt", "read", 1, false),
            ]
        );
        let message = results[1].error.as_deref().unwrap();
        assert!(message.starts_with("internal error"), "{message}");
        assert!(message.contains("a bug in the lexicon"), "{message}");
        assert_eq!(results[2].claims[0].text, "$2 billion");
    }
}
