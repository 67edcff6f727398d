//! claimcheck: finds numeric claims in documents and reports where sources disagree.
//!
//! The crate is a pipeline of small modules, one step each:
//!
//! 1. [`input`]: load documents (paths, directories, stdin), decode, split off front matter;
//! 2. [`token`]: split text into words, numeric literals and symbols in one pass;
//! 3. [`number`]: read numbers written in digits, words or both;
//! 4. [`quantity`]: grow numbers into quantities with bound, scale, unit and measure;
//! 5. [`time`]: find time expressions and resolve them to periods;
//! 6. [`segment`]: sentences and clauses, which decide what period a quantity takes;
//! 7. [`extract`]: tie quantities to their periods and produce [`extract::Mention`]s;
//! 8. [`link`]: tie each quantity to a metric and its entities, giving [`claim::Claim`]s;
//! 9. [`engine`]: compare claims that share a key and produce findings;
//! 10. [`render`]: print mentions, claims and reports (table, Markdown, JSON, SARIF...).
//!
//! [`pipeline`] runs steps 1-8 per document in parallel. [`rules`] holds the vocabulary and
//! relations read from the TOML files in `rules/`.
//! The binary (`src/main.rs`) is a thin shell over [`cli`].

pub mod bug;
pub mod claim;
pub mod claims_file;
pub mod cli;
pub mod engine;
pub mod extract;
pub mod input;
pub mod interval;
pub mod link;
pub mod number;
pub mod pipeline;
pub mod progress;
pub mod quantity;
pub mod render;
pub mod report;
pub mod rules;
pub mod segment;
pub mod time;
pub mod token;
