//! Sources manifests: document metadata kept beside the documents instead of in them.
//!
//! A `claimcheck.toml` or `sources.toml` in a document's directory (or a file given with
//! `--sources`) lists `[[source]]` entries with `path` (relative to the manifest), `title`,
//! `outlet`, `url` and `date`. Front matter in the document wins over the manifest; a
//! `--date PATH=YYYY-MM-DD` on the command line wins over both.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use jiff::civil::Date;
use serde::Deserialize;

use super::Document;
use crate::rules::{RuleError, parse_file};

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct ManifestFile {
    #[serde(default)]
    schema: Option<u32>,
    #[serde(default)]
    source: Vec<SourceEntry>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct SourceEntry {
    path: String,
    title: Option<String>,
    outlet: Option<String>,
    url: Option<String>,
    date: Option<String>,
}

/// Metadata for documents, by canonical path.
#[derive(Debug, Clone, Default)]
pub struct Manifest {
    entries: HashMap<PathBuf, SourceEntry>,
}

/// The names a manifest may have beside the documents.
pub const MANIFEST_NAMES: &[&str] = &["claimcheck.toml", "sources.toml"];

impl Manifest {
    /// Load a manifest file; paths in it are relative to its directory.
    ///
    /// # Errors
    /// A located error for a malformed file or a malformed date.
    pub fn load(path: &Path) -> Result<Self, RuleError> {
        let name = path.to_string_lossy().into_owned();
        let text = std::fs::read_to_string(path).map_err(|e| RuleError {
            file: name.clone(),
            line: None,
            column: None,
            message: e.to_string(),
            snippet: None,
        })?;
        let file: ManifestFile = parse_file(&name, &text)?;
        let _ = file.schema;
        let dir = path.parent().unwrap_or(Path::new("."));
        let mut entries = HashMap::new();
        for e in file.source {
            if let Some(d) = &e.date
                && parse_date(d).is_none()
            {
                return Err(RuleError {
                    file: name,
                    line: None,
                    column: None,
                    message: format!(
                        "source `{}`: date `{d}` is not YYYY-MM-DD (or YYYY-MM, YYYY)",
                        e.path
                    ),
                    snippet: None,
                });
            }
            let p = dir.join(&e.path);
            entries.insert(canonical(&p), e);
        }
        Ok(Self { entries })
    }

    /// Merge another manifest into this one (later entries win).
    pub fn extend(&mut self, other: Self) {
        self.entries.extend(other.entries);
    }

    /// Fill in the document's metadata that its front matter does not give.
    pub fn apply(&self, doc: &mut Document, path: &Path) {
        let Some(e) = self.entries.get(&canonical(path)) else {
            return;
        };
        let meta = &mut doc.meta;
        if meta.title.is_none() {
            meta.title.clone_from(&e.title);
        }
        if meta.outlet.is_none() {
            meta.outlet.clone_from(&e.outlet);
        }
        if meta.url.is_none() {
            meta.url.clone_from(&e.url);
        }
        if meta.date.is_none() {
            meta.date = e.date.as_deref().and_then(parse_date);
        }
    }
}

fn canonical(p: &Path) -> PathBuf {
    std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf())
}

/// `YYYY-MM-DD`; a partial `YYYY-MM` or `YYYY` (what a publication line often gives) is read
/// as its first day, the earliest the document can be from.
pub fn parse_date(s: &str) -> Option<Date> {
    let s = s.trim();
    if let Ok(d) = s.parse() {
        return Some(d);
    }
    let mut parts = s.split('-');
    let year: i16 = parts.next()?.parse().ok()?;
    let month: i8 = parts.next().map_or(Some(1), |m| m.parse().ok())?;
    if parts.next().is_some() {
        return None;
    }
    Date::new(year, month, 1).ok()
}

/// Find the manifests beside the given documents (one per directory, looked up once).
pub fn beside(paths: &[PathBuf]) -> (Manifest, Vec<RuleError>) {
    let mut m = Manifest::default();
    let mut errors = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for p in paths {
        let dir = if p.is_dir() {
            p.clone()
        } else {
            p.parent().map(Path::to_path_buf).unwrap_or_default()
        };
        let dir = if dir.as_os_str().is_empty() {
            PathBuf::from(".")
        } else {
            dir
        };
        if !seen.insert(canonical(&dir)) {
            continue;
        }
        for name in MANIFEST_NAMES {
            let f = dir.join(name);
            if f.is_file() {
                match Manifest::load(&f) {
                    Ok(x) => m.extend(x),
                    Err(e) => errors.push(e),
                }
            }
        }
    }
    (m, errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn manifest_fills_metadata_front_matter_wins() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.txt"), "Trade was $5 billion.").unwrap();
        std::fs::write(
            dir.path().join("sources.toml"),
            "[[source]]\npath = \"a.txt\"\ntitle = \"A\"\ndate = \"2019-12-14\"\n",
        )
        .unwrap();
        let (m, errors) = beside(&[dir.path().join("a.txt")]);
        assert!(errors.is_empty());
        let mut doc = Document::from_text("a.txt", "Trade was $5 billion.");
        m.apply(&mut doc, &dir.path().join("a.txt"));
        assert_eq!(doc.meta.date.unwrap().to_string(), "2019-12-14");
        assert_eq!(doc.meta.title.as_deref(), Some("A"));
        let mut doc = Document::from_text("a.txt", "---\ndate: 2020-01-01\n---\nx");
        m.apply(&mut doc, &dir.path().join("a.txt"));
        assert_eq!(doc.meta.date.unwrap().to_string(), "2020-01-01");
    }

    #[test]
    fn a_bad_manifest_is_a_located_error() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("claimcheck.toml");
        std::fs::write(&f, "[[source]]\npath = \"a.txt\"\ndat = \"2019\"\n").unwrap();
        let e = Manifest::load(&f).unwrap_err();
        assert_eq!(e.line, Some(3));
        assert!(e.message.contains("unknown field `dat`"), "{e}");
    }
}
