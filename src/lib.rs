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
//! 8. [`render`]: print mentions as a table, JSON or JSON Lines.
//!
//! [`rules`] holds the vocabulary (currencies, qualifiers) read from the TOML files in `rules/`.
//! The binary (`src/main.rs`) is a thin shell over [`cli`].

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
pub mod quantity;
pub mod render;
pub mod report;
pub mod rules;
pub mod segment;
pub mod time;
pub mod token;
