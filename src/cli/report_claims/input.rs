//! The claims files given to `report --claims`: opening them (standard input is spooled to a
//! temporary file so it can be read twice) and reading them in blocks of whole lines.

use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::PathBuf;

use super::{BLOCK, MAX_LINE};

/// A claims file as given, and how to read it again.
pub(super) struct Input {
    /// The name as given (`-` is `<stdin>`), for messages.
    pub(super) name: String,
    pub(super) source: InputSource,
}

pub(super) enum InputSource {
    Path(PathBuf),
    /// Standard input, copied to a temporary file as it is read so it can be read again.
    Stdin(Spool),
}

/// A temporary file, removed when dropped (on Unix, as soon as it is open).
pub(super) struct Spool {
    pub(super) file: File,
    path: PathBuf,
}

impl Drop for Spool {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

impl Spool {
    fn new() -> io::Result<Self> {
        let dir = std::env::temp_dir();
        let pid = std::process::id();
        for n in 0..1000 {
            let path = dir.join(format!("claimcheck-stdin-{pid}-{n}.jsonl"));
            match std::fs::OpenOptions::new()
                .read(true)
                .write(true)
                .create_new(true)
                .open(&path)
            {
                Ok(file) => {
                    #[cfg(unix)]
                    let _ = std::fs::remove_file(&path);
                    return Ok(Self { file, path });
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
                Err(e) => return Err(e),
            }
        }
        Err(io::Error::other("no temporary file name left"))
    }
}

pub(super) fn open_inputs(names: &[String]) -> Result<Vec<Input>, String> {
    if names.iter().filter(|n| *n == "-").count() > 1 {
        return Err("`-` (standard input) is given more than once to --claims".into());
    }
    names
        .iter()
        .map(|n| {
            if n == "-" {
                let spool = Spool::new().map_err(|e| format!("a temporary file: {e}"))?;
                Ok(Input {
                    name: "<stdin>".into(),
                    source: InputSource::Stdin(spool),
                })
            } else {
                Ok(Input {
                    name: n.clone(),
                    source: InputSource::Path(PathBuf::from(n)),
                })
            }
        })
        .collect()
}

/// A file to read, from anywhere.
pub(super) trait ReadSeek: Read + Seek {}

impl<T: Read + Seek> ReadSeek for T {}

impl Input {
    /// A reader from the start of the file.
    pub(super) fn reader(&self) -> io::Result<Box<dyn ReadSeek + '_>> {
        match &self.source {
            InputSource::Path(p) => {
                if p.is_dir() {
                    return Err(io::Error::other(
                        "is a directory (--claims reads files written by `claimcheck claims \
                         --format jsonl`; documents go to `claimcheck claims` first)",
                    ));
                }
                Ok(Box::new(File::open(p)?))
            }
            InputSource::Stdin(s) => {
                let mut f = &s.file;
                f.seek(SeekFrom::Start(0))?;
                Ok(Box::new(f))
            }
        }
    }
}

/// Read `r` in blocks of whole lines; `f` gets each block with the offset of its first byte
/// and the number of its first line (1-based). A line longer than [`MAX_LINE`] is given to
/// `long` (its number) and skipped. What is read is copied to `tee` when given.
pub(super) fn blocks(
    mut r: impl Read,
    mut tee: Option<&File>,
    mut f: impl FnMut(u64, u64, &[u8]) -> io::Result<()>,
    mut long: impl FnMut(u64),
) -> io::Result<()> {
    let mut buf: Vec<u8> = Vec::with_capacity(BLOCK + (BLOCK >> 2));
    let (mut offset, mut line) = (0u64, 1u64);
    // Skipping the rest of a line that is too long.
    let mut skipping = false;
    let mut eof = false;
    let mut first = true;
    while !eof {
        // Fill the buffer up to a block.
        let start = buf.len();
        buf.resize(if start < BLOCK { BLOCK } else { start + BLOCK }, 0);
        let mut filled = start;
        while filled < buf.len() {
            let n = match r.read(&mut buf[filled..]) {
                Ok(n) => n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if n == 0 {
                eof = true;
                break;
            }
            if let Some(t) = tee.as_mut() {
                t.write_all(&buf[filled..filled + n])?;
            }
            filled += n;
        }
        buf.truncate(filled);
        if first {
            first = false;
            // A byte-order mark is not part of the first line.
            if buf.starts_with(b"\xEF\xBB\xBF") {
                buf.drain(..3);
                offset += 3;
            }
        }
        if skipping {
            match memchr::memchr(b'\n', &buf) {
                Some(i) => {
                    buf.drain(..=i);
                    offset += i as u64 + 1;
                    line += 1;
                    skipping = false;
                }
                None => {
                    offset += buf.len() as u64;
                    buf.clear();
                    continue;
                }
            }
        }
        let cut = if eof {
            buf.len()
        } else {
            match memchr::memrchr(b'\n', &buf) {
                Some(i) => i + 1,
                None if buf.len() > MAX_LINE => {
                    long(line);
                    skipping = true;
                    offset += buf.len() as u64;
                    buf.clear();
                    continue;
                }
                // A line longer than a block: read on.
                None => continue,
            }
        };
        if cut > 0 {
            f(offset, line, &buf[..cut])?;
            line += memchr::memchr_iter(b'\n', &buf[..cut]).count() as u64;
            offset += cut as u64;
            buf.drain(..cut);
        }
    }
    Ok(())
}

/// The lines of a block: (offset in the file, line number, bytes without the line break).
pub(super) fn lines(offset: u64, first_line: u64, block: &[u8]) -> Vec<(u64, u64, &[u8])> {
    let mut out = Vec::with_capacity(block.len() / 512 + 1);
    let mut start = 0;
    let ends = memchr::memchr_iter(b'\n', block).chain(std::iter::once(block.len()));
    for (line, end) in (first_line..).zip(ends) {
        if end == block.len() && start == end {
            break;
        }
        out.push((offset + start as u64, line, &block[start..end]));
        start = end + 1;
    }
    out
}
