//! Reading one entry: refuse what must not be read (huge files, FIFOs, devices), then decode.

use std::fs::{self, File, FileType};
use std::io::{self, Read};
use std::path::Path;

use super::decode::{self, Decoded};
use super::{Document, Entry, LoadOptions, Loaded};

/// The name standard input is shown under.
pub(super) const STDIN_SOURCE: &str = "<stdin>";

/// Read one entry. Never panics; every failure is a [`Loaded::Error`] for that entry only.
pub fn load(entry: &Entry, opts: &LoadOptions) -> Loaded {
    match entry {
        Entry::Stdin => load_reader(STDIN_SOURCE, io::stdin().lock(), None, opts),
        Entry::File { path, source } => load_file(path, source, opts),
        Entry::Error { source, message } => Loaded::Error {
            source: source.clone(),
            message: message.clone(),
        },
    }
}

/// Decode bytes already in memory exactly as a file with these contents would be
/// (binary sniffing, BOMs, invalid UTF-8 notes, front matter). Useful for fuzzing and tests.
pub fn load_bytes(source: impl Into<String>, bytes: Vec<u8>) -> Loaded {
    let source = source.into();
    match decode::decode(bytes) {
        Decoded::Binary { nul_at } => Loaded::Skipped {
            source,
            reason: format!("binary file (NUL byte at offset {nul_at})"),
        },
        Decoded::Text {
            text,
            offsets,
            notes,
        } => Loaded::Document(Document::from_decoded(source, text, offsets, notes)),
    }
}

fn load_file(path: &Path, source: &str, opts: &LoadOptions) -> Loaded {
    let error = |message: String| Loaded::Error {
        source: source.to_string(),
        message,
    };
    // Check the type before opening: opening a FIFO blocks until a writer appears.
    let meta = match fs::metadata(path) {
        Ok(meta) => meta,
        Err(e) => return error(e.to_string()),
    };
    if !meta.is_file() {
        return error(format!(
            "not a regular file ({})",
            describe(meta.file_type())
        ));
    }
    if meta.len() > opts.max_file_size {
        return error(too_large(
            &format!("file is {} bytes,", meta.len()),
            opts.max_file_size,
        ));
    }
    match File::open(path) {
        Ok(file) => load_reader(source, file, Some(meta.len()), opts),
        Err(e) => error(e.to_string()),
    }
}

/// Reads at most `max_file_size` bytes (a file may grow after its size was checked, and
/// stdin has no size), then decodes.
fn load_reader(
    source: &str,
    reader: impl Read,
    size_hint: Option<u64>,
    opts: &LoadOptions,
) -> Loaded {
    let limit = opts.max_file_size;
    let capacity = size_hint.map_or(0, |n| usize::try_from(n.min(limit)).unwrap_or(0));
    let mut bytes = Vec::with_capacity(capacity);
    if let Err(e) = reader.take(limit.saturating_add(1)).read_to_end(&mut bytes) {
        return Loaded::Error {
            source: source.to_string(),
            message: e.to_string(),
        };
    }
    if u64::try_from(bytes.len()).map_or(true, |n| n > limit) {
        let what = if source == STDIN_SOURCE {
            "standard input is"
        } else {
            "file is"
        };
        return Loaded::Error {
            source: source.to_string(),
            message: too_large(what, limit),
        };
    }
    load_bytes(source, bytes)
}

fn too_large(what: &str, limit: u64) -> String {
    format!("{what} larger than the limit of {limit} bytes (raise it with --max-file-size)")
}

/// What kind of non-regular file this is, for the error message.
fn describe(file_type: FileType) -> &'static str {
    if file_type.is_dir() {
        return "a directory";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return "a FIFO (named pipe)";
        }
        if file_type.is_socket() {
            return "a socket";
        }
        if file_type.is_block_device() {
            return "a block device";
        }
        if file_type.is_char_device() {
            return "a character device";
        }
    }
    "a special file"
}

#[cfg(test)]
mod tests {
    use std::time::{Duration, Instant};

    use super::*;

    fn file(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> Entry {
        let path = dir.path().join(name);
        fs::write(&path, bytes).unwrap();
        Entry::File {
            source: name.to_string(),
            path,
        }
    }

    fn doc(loaded: Loaded) -> Document {
        match loaded {
            Loaded::Document(d) => d,
            other => panic!("expected a document, got {other:?}"),
        }
    }

    fn error(loaded: Loaded) -> String {
        match loaded {
            Loaded::Error { message, .. } => message,
            other => panic!("expected an error, got {other:?}"),
        }
    }

    fn opts() -> LoadOptions {
        LoadOptions::default()
    }

    #[test]
    fn crlf_file() {
        let dir = tempfile::tempdir().unwrap();
        let d = doc(load(
            &file(
                &dir,
                "a.txt",
                b"---\r\ntitle: T\r\n---\r\nUp 3%\r\nDown 4%\r\n",
            ),
            &opts(),
        ));
        assert_eq!(d.meta.title.as_deref(), Some("T"));
        assert_eq!(d.body(), "Up 3%\r\nDown 4%\r\n");
        assert_eq!(d.line_col(d.text.find("4%").unwrap()), (5, 6));
        assert_eq!(d.source, "a.txt");
    }

    #[test]
    fn lone_cr_file() {
        let dir = tempfile::tempdir().unwrap();
        let d = doc(load(&file(&dir, "a.txt", b"one\rtwo 2\rthree 3"), &opts()));
        assert_eq!(d.line_col(d.text.find('3').unwrap()), (3, 7));
    }

    #[test]
    fn utf8_bom_file() {
        let dir = tempfile::tempdir().unwrap();
        let d = doc(load(
            &file(&dir, "a.md", b"\xEF\xBB\xBF---\ntitle: T\n---\n12%"),
            &opts(),
        ));
        assert_eq!(d.meta.title.as_deref(), Some("T"));
        assert!(!d.text.starts_with('\u{FEFF}'));
        let at = d.text.find("12").unwrap();
        assert_eq!(d.file_offset(at), at + 3);
        assert_eq!(d.line_col(at), (4, 1));
    }

    #[test]
    fn utf16_files_with_bom() {
        let dir = tempfile::tempdir().unwrap();
        let s = "---\r\ntitle: Ünï\r\n---\r\nGDP grew 2.5%";
        for (name, big_endian) in [("le.txt", false), ("be.txt", true)] {
            let mut bytes = if big_endian {
                vec![0xFE, 0xFF]
            } else {
                vec![0xFF, 0xFE]
            };
            for u in s.encode_utf16() {
                bytes.extend(if big_endian {
                    u.to_be_bytes()
                } else {
                    u.to_le_bytes()
                });
            }
            let d = doc(load(&file(&dir, name, &bytes), &opts()));
            assert_eq!(d.text, s);
            assert_eq!(d.meta.title.as_deref(), Some("Ünï"));
            assert_eq!(d.body(), "GDP grew 2.5%");
            let at = d.text.find("2.5").unwrap();
            let units = d.text[..at].encode_utf16().count();
            assert_eq!(d.file_offset(at), 2 + 2 * units);
            assert_eq!(d.file_offset(d.text.len()), bytes.len());
            assert!(d.notes.is_empty());
        }
    }

    #[test]
    fn invalid_utf8_file() {
        let dir = tempfile::tempdir().unwrap();
        let bytes = b"Prices rose \xE9t\xE9 by 5%";
        let d = doc(load(&file(&dir, "a.txt", bytes), &opts()));
        assert_eq!(d.notes.len(), 1);
        assert_eq!(d.notes[0].code, "invalid-utf8");
        assert_eq!(
            d.notes[0].message,
            "invalid UTF-8 at byte 12; decoded with replacement characters"
        );
        let at = d.text.find("5%").unwrap();
        assert_eq!(&bytes[d.file_offset(at)..], b"5%");
    }

    #[test]
    fn nul_byte_is_skipped() {
        let dir = tempfile::tempdir().unwrap();
        match load(&file(&dir, "a.txt", b"PK\x03\x04\0\0"), &opts()) {
            Loaded::Skipped { source, reason } => {
                assert_eq!(source, "a.txt");
                assert_eq!(reason, "binary file (NUL byte at offset 4)");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn empty_file_is_an_empty_document() {
        let dir = tempfile::tempdir().unwrap();
        let d = doc(load(&file(&dir, "a.txt", b""), &opts()));
        assert_eq!(d.text, "");
        assert_eq!(d.body(), "");
        assert!(d.notes.is_empty());
    }

    #[test]
    fn only_front_matter_file() {
        let dir = tempfile::tempdir().unwrap();
        let d = doc(load(
            &file(&dir, "a.md", b"---\ntitle: T\ndate: 2024-01-02\n---\n"),
            &opts(),
        ));
        assert_eq!(d.body(), "");
        assert_eq!(d.meta.date, Some(jiff::civil::date(2024, 1, 2)));
    }

    #[test]
    fn malformed_front_matter_file() {
        let dir = tempfile::tempdir().unwrap();
        let d = doc(load(
            &file(&dir, "a.md", b"---\ntitle T\ndate: soon\n---\nBody"),
            &opts(),
        ));
        assert_eq!(d.body(), "Body");
        let messages: Vec<_> = d
            .notes
            .iter()
            .map(|n| (n.code, n.message.as_str()))
            .collect();
        assert_eq!(messages.len(), 2);
        assert!(messages[0].1.starts_with("line 2:"));
        assert!(messages[1].1.starts_with("line 3: cannot read date"));
    }

    #[test]
    fn missing_file() {
        let dir = tempfile::tempdir().unwrap();
        let entry = Entry::File {
            path: dir.path().join("nope.txt"),
            source: "nope.txt".into(),
        };
        let message = error(load(&entry, &opts()));
        assert!(message.contains("No such file or directory"), "{message}");
    }

    #[test]
    fn size_limit() {
        let dir = tempfile::tempdir().unwrap();
        let entry = file(&dir, "a.txt", b"0123456789");
        let message = error(load(&entry, &LoadOptions { max_file_size: 9 }));
        assert!(message.contains("10 bytes"), "{message}");
        assert!(message.contains("limit of 9 bytes"), "{message}");
        assert!(message.contains("--max-file-size"), "{message}");
        assert!(matches!(
            load(&entry, &LoadOptions { max_file_size: 10 }),
            Loaded::Document(_)
        ));
    }

    #[test]
    fn reader_limit_catches_growth() {
        let loaded = load_reader(
            "x",
            &b"0123456789"[..],
            Some(3),
            &LoadOptions { max_file_size: 5 },
        );
        let message = error(loaded);
        assert!(message.contains("--max-file-size"), "{message}");
        let loaded = load_reader(
            STDIN_SOURCE,
            &b"0123456789"[..],
            None,
            &LoadOptions { max_file_size: 5 },
        );
        assert_eq!(
            error(loaded),
            "standard input is larger than the limit of 5 bytes (raise it with --max-file-size)"
        );
    }

    #[test]
    fn directory_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let entry = Entry::File {
            path: dir.path().to_path_buf(),
            source: "d".into(),
        };
        assert_eq!(
            error(load(&entry, &opts())),
            "not a regular file (a directory)"
        );
    }

    #[cfg(unix)]
    #[test]
    fn fifo_is_refused_without_blocking() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("pipe.txt");
        let status = std::process::Command::new("mkfifo")
            .arg(&path)
            .status()
            .unwrap();
        assert!(status.success());
        let entry = Entry::File {
            path,
            source: "pipe.txt".into(),
        };
        let started = Instant::now();
        let message = error(load(&entry, &opts()));
        assert!(started.elapsed() < Duration::from_secs(5));
        assert!(message.starts_with("not a regular file"), "{message}");
        assert!(message.contains("FIFO"), "{message}");
    }

    #[cfg(unix)]
    #[test]
    fn character_device_is_refused() {
        let entry = Entry::File {
            path: "/dev/null".into(),
            source: "/dev/null".into(),
        };
        assert_eq!(
            error(load(&entry, &opts())),
            "not a regular file (a character device)"
        );
    }

    #[cfg(unix)]
    #[test]
    fn permission_denied() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let entry = file(&dir, "secret.txt", b"x");
        let Entry::File { path, .. } = &entry else {
            unreachable!()
        };
        fs::set_permissions(path, fs::Permissions::from_mode(0o000)).unwrap();
        if File::open(path).is_ok() {
            // Running as root: permissions are not enforced, nothing to test.
            return;
        }
        let message = error(load(&entry, &opts()));
        assert!(message.contains("Permission denied"), "{message}");
    }

    #[test]
    fn error_entry_passes_through() {
        let entry = Entry::Error {
            source: "x".into(),
            message: "m".into(),
        };
        assert!(
            matches!(load(&entry, &opts()), Loaded::Error { source, message } if source == "x" && message == "m")
        );
    }

    #[test]
    fn load_bytes_matches_files() {
        let d = doc(load_bytes("mem", b"\xEF\xBB\xBFhi".to_vec()));
        assert_eq!(d.text, "hi");
        assert_eq!(d.file_offset(0), 3);
        assert!(matches!(load_bytes("mem", vec![0]), Loaded::Skipped { .. }));
    }
}
