//! Expanding command-line inputs: `-`, files as given, directories walked in sorted order.

use std::fs;
use std::path::Path;

use walkdir::WalkDir;

use super::Entry;

/// Extensions kept when walking a directory (compared case-insensitively).
const TEXT_EXTENSIONS: [&str; 3] = ["txt", "md", "markdown"];

/// Expand command-line inputs into entries: files as given, directories walked recursively
/// (only `.txt`, `.md`, `.markdown`), sorted by path so output never depends on the file system.
///
/// Explicitly named files are always kept, whatever their extension. Problems (missing
/// path, unreadable directory, symlink loop) become [`Entry::Error`]s in place.
pub fn collect(inputs: &[String]) -> Vec<Entry> {
    let mut entries = Vec::new();
    for input in inputs {
        if input == "-" {
            entries.push(Entry::Stdin);
            continue;
        }
        let path = Path::new(input);
        match fs::metadata(path) {
            Ok(meta) if meta.is_dir() => walk(path, &mut entries),
            Ok(_) => entries.push(Entry::File {
                path: path.to_path_buf(),
                source: input.clone(),
            }),
            Err(e) => entries.push(Entry::Error {
                source: input.clone(),
                message: e.to_string(),
            }),
        }
    }
    entries
}

/// Appends the text files under `root`, depth-first, siblings sorted by file name (which
/// is the same as sorting the paths component by component).
fn walk(root: &Path, entries: &mut Vec<Entry>) {
    // Siblings share their parent's path, so their whole paths compare as their names do:
    // compared as plain strings, without `sort_by_file_name`'s splitting of both paths into
    // components at every comparison (most of the serial time of a 10,000-file run).
    let walker = WalkDir::new(root)
        .follow_links(true)
        .sort_by(|a, b| a.path().as_os_str().cmp(b.path().as_os_str()));
    for item in walker {
        match item {
            // With follow_links, the type is the link target's: links to files count.
            Ok(found) if found.file_type().is_file() && has_text_extension(found.path()) => {
                entries.push(Entry::File {
                    source: found.path().to_string_lossy().into_owned(),
                    path: found.into_path(),
                });
            }
            // Directories, other extensions, and FIFOs/sockets are not inputs.
            Ok(_) => {}
            Err(e) => {
                if let Some(entry) = walk_error(root, &e) {
                    entries.push(entry);
                }
            }
        }
    }
}

/// The error entry for a failed walk step, or `None` when it concerns a path that would
/// not have been read anyway (a dangling symlink named `logo.png`).
fn walk_error(root: &Path, e: &walkdir::Error) -> Option<Entry> {
    let path = e.path().unwrap_or(root);
    let source = path.to_string_lossy().into_owned();
    if let Some(ancestor) = e.loop_ancestor() {
        let message = format!(
            "symbolic link loop: {} leads back to {}; not followed",
            path.display(),
            ancestor.display()
        );
        return Some(Entry::Error { source, message });
    }
    let io = e.io_error();
    let not_found = io.is_some_and(|io| io.kind() == std::io::ErrorKind::NotFound);
    if not_found && path != root && !has_text_extension(path) {
        return None;
    }
    let message = io.map_or_else(|| e.to_string(), ToString::to_string);
    Some(Entry::Error { source, message })
}

fn has_text_extension(path: &Path) -> bool {
    path.extension()
        .is_some_and(|ext| TEXT_EXTENSIONS.iter().any(|t| ext.eq_ignore_ascii_case(t)))
}

/// Paths of the file entries, for tests and debugging.
#[cfg(test)]
fn sources(entries: &[Entry]) -> Vec<String> {
    entries
        .iter()
        .map(|e| match e {
            Entry::File { source, .. } => source.clone(),
            Entry::Stdin => "-".to_string(),
            Entry::Error { source, message } => format!("ERROR {source}: {message}"),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;
    use std::time::{Duration, Instant};

    use super::*;

    fn touch(root: &Path, rel: &str) {
        let path = root.join(rel);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).unwrap();
        }
        fs::write(path, "x").unwrap();
    }

    fn s(p: &Path) -> String {
        p.to_string_lossy().into_owned()
    }

    #[test]
    fn stdin_and_explicit_files_kept_in_order() {
        let dir = tempfile::tempdir().unwrap();
        touch(dir.path(), "b.csv");
        touch(dir.path(), "a.txt");
        let b = s(&dir.path().join("b.csv"));
        let a = s(&dir.path().join("a.txt"));
        let entries = collect(&[b.clone(), "-".to_string(), a.clone()]);
        assert_eq!(sources(&entries), vec![b.clone(), "-".to_string(), a]);
        assert_eq!(
            entries[0],
            Entry::File {
                path: PathBuf::from(&b),
                source: b
            }
        );
    }

    #[test]
    fn missing_path_is_an_error_entry() {
        let dir = tempfile::tempdir().unwrap();
        let missing = s(&dir.path().join("missing.md"));
        match &collect(std::slice::from_ref(&missing))[..] {
            [Entry::Error { source, message }] => {
                assert_eq!(source, &missing);
                assert!(message.contains("No such file or directory"), "{message}");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn directory_order_and_extension_filter() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for rel in [
            "z.md",
            "sub/b.TXT",
            "a.markdown",
            "sub/a.md",
            "a-b.md",
            "image.png",
            "noext",
            "sub/deeper/c.Md",
            "notes.txt.bak",
            // A file named like a directory plus a suffix sorts after the directory's files;
            // capitals before lower case (byte order).
            "sub.md",
            "A.md",
        ] {
            touch(root, rel);
        }
        let r = s(root);
        let got = sources(&collect(std::slice::from_ref(&r)));
        let want: Vec<String> = [
            "A.md",
            "a-b.md",
            "a.markdown",
            "sub/a.md",
            "sub/b.TXT",
            "sub/deeper/c.Md",
            "sub.md",
            "z.md",
        ]
        .iter()
        .map(|rel| s(&root.join(rel)))
        .collect();
        assert_eq!(got, want);
        // Walked order is path order.
        let mut sorted: Vec<PathBuf> = want.iter().map(PathBuf::from).collect();
        sorted.sort();
        assert_eq!(sorted.iter().map(|p| s(p)).collect::<Vec<_>>(), want);
    }

    #[test]
    fn source_is_path_as_walked_from_the_argument() {
        let dir = tempfile::tempdir().unwrap();
        touch(dir.path(), "examples/a.md");
        let root = format!("{}/examples/", s(dir.path()));
        let entries = collect(std::slice::from_ref(&root));
        assert_eq!(sources(&entries), vec![format!("{root}a.md")]);
    }

    #[test]
    fn relative_root_gives_relative_sources() {
        let dir = tempfile::tempdir().unwrap();
        touch(dir.path(), "examples/a.md");
        // A relative path to the temp dir: up to `/` from the current directory, then down.
        let cwd = std::env::current_dir().unwrap();
        let up = "../".repeat(cwd.components().count() - 1);
        let down = dir.path().strip_prefix("/").unwrap();
        let root = format!("{up}{}/examples", s(down));
        let entries = collect(std::slice::from_ref(&root));
        assert_eq!(sources(&entries), vec![format!("{root}/a.md")]);
    }

    #[test]
    fn arguments_keep_their_order_and_dirs_expand_in_place() {
        let dir = tempfile::tempdir().unwrap();
        touch(dir.path(), "d2/x.md");
        touch(dir.path(), "d1/y.md");
        let d1 = s(&dir.path().join("d1"));
        let d2 = s(&dir.path().join("d2"));
        let got = sources(&collect(&[d2.clone(), d1.clone()]));
        assert_eq!(got, vec![format!("{d2}/x.md"), format!("{d1}/y.md")]);
    }

    #[cfg(unix)]
    #[test]
    fn symlink_loop_is_an_error_and_terminates() {
        use std::os::unix::fs::symlink;
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("docs");
        touch(&root, "sub/a.md");
        symlink(&root, root.join("sub/loop")).unwrap();
        let started = Instant::now();
        let entries = collect(&[s(&root)]);
        assert!(started.elapsed() < Duration::from_secs(5));
        let files: Vec<_> = entries
            .iter()
            .filter(|e| matches!(e, Entry::File { .. }))
            .collect();
        assert_eq!(files.len(), 1);
        let errors: Vec<_> = entries
            .iter()
            .filter_map(|e| match e {
                Entry::Error { source, message } => Some((source, message)),
                _ => None,
            })
            .collect();
        assert_eq!(errors.len(), 1, "{entries:?}");
        assert_eq!(errors[0].0, &s(&root.join("sub/loop")));
        assert!(
            errors[0].1.contains("symbolic link loop"),
            "{}",
            errors[0].1
        );
        assert!(
            errors[0].1.contains(&s(&root.join("sub/loop"))),
            "{}",
            errors[0].1
        );
    }

    #[cfg(unix)]
    #[test]
    fn symlinks_to_files_are_followed_and_dangling_non_text_links_ignored() {
        use std::os::unix::fs::symlink;
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("docs");
        touch(dir.path(), "outside.txt");
        fs::create_dir_all(&root).unwrap();
        symlink(dir.path().join("outside.txt"), root.join("link.md")).unwrap();
        symlink(dir.path().join("gone.png"), root.join("gone.png")).unwrap();
        symlink(dir.path().join("gone.md"), root.join("gone.md")).unwrap();
        let got = sources(&collect(&[s(&root)]));
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(
            got[0].starts_with("ERROR ") && got[0].contains("gone.md"),
            "{got:?}"
        );
        assert_eq!(got[1], s(&root.join("link.md")));
    }

    #[cfg(unix)]
    #[test]
    fn fifo_in_directory_is_not_listed() {
        let dir = tempfile::tempdir().unwrap();
        let status = std::process::Command::new("mkfifo")
            .arg(dir.path().join("pipe.txt"))
            .status()
            .unwrap();
        assert!(status.success());
        assert!(collect(&[s(dir.path())]).is_empty());
    }

    #[cfg(unix)]
    #[test]
    fn non_utf8_names_do_not_panic() {
        use std::ffi::OsStr;
        use std::os::unix::ffi::OsStrExt;
        let dir = tempfile::tempdir().unwrap();
        let name = OsStr::from_bytes(b"caf\xE9.md");
        if fs::write(dir.path().join(name), "x").is_err() {
            return; // file system refuses non-UTF-8 names
        }
        let entries = collect(&[s(dir.path())]);
        match &entries[..] {
            [Entry::File { path, source }] => {
                assert_eq!(path.file_name(), Some(name));
                assert!(source.ends_with("caf\u{FFFD}.md"), "{source}");
            }
            other => panic!("{other:?}"),
        }
    }

    #[cfg(unix)]
    #[test]
    fn unreadable_directory_is_an_error_entry() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let locked = dir.path().join("locked");
        touch(&locked, "a.md");
        fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
        let readable = fs::read_dir(&locked).is_ok();
        let entries = collect(&[s(dir.path())]);
        fs::set_permissions(&locked, fs::Permissions::from_mode(0o755)).unwrap();
        if readable {
            return; // running as root
        }
        match &entries[..] {
            [Entry::Error { source, message }] => {
                assert_eq!(source, &s(&locked));
                assert!(message.contains("Permission denied"), "{message}");
            }
            other => panic!("{other:?}"),
        }
    }
}
