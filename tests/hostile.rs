//! Hostile input: one fixture per case in `tests/hostile/`, each with its exit code, output and
//! messages snapshotted (`snapshots/hostile/`); cases that cannot be files in a repository
//! (FIFOs, symlink loops, non-UTF-8 names) are made at run time. Document text is untrusted:
//! no channel may let it reach a terminal as escape codes, break a table, or inject commands.

mod common;

use std::io::Read;
use std::process::{Command, Stdio};

fn transcript(args: &[&str]) -> String {
    let out = common::claimcheck()
        .current_dir(common::root())
        .args(args)
        .output()
        .unwrap();
    format!(
        "exit code: {}\n----- stdout -----\n{}----- stderr -----\n{}",
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// The names of the fixtures in `tests/hostile/`, sorted.
fn fixture_names() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(common::root().join("tests/hostile"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn each_fixture_has_its_message_and_exit_code() {
    let names = fixture_names();
    for name in names {
        let path = format!("tests/hostile/{name}");
        let t = transcript(&["extract", "--format", "jsonl", &path]);
        common::settings("hostile").bind(|| insta::assert_snapshot!(name.clone(), t));
    }
}

/// `report` reads past extraction (linking, the checks, rendering), where offsets into a
/// decoded text meet file offsets: every fixture gets a defined exit code and no panic, in
/// each output format.
#[test]
fn report_ends_every_fixture_with_a_defined_exit_code() {
    let names = fixture_names();
    assert!(names.len() >= 10, "the fixtures are there: {names:?}");
    for name in &names {
        let path = format!("tests/hostile/{name}");
        for format in ["table", "jsonl", "markdown", "sarif"] {
            let out = common::claimcheck()
                .current_dir(common::root())
                .args(["report", "--format", format, "--show", "all", &path])
                .output()
                .unwrap();
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert!(
                matches!(out.status.code(), Some(0..=2))
                    && !stderr.contains("panicked")
                    && !stderr.contains("internal error"),
                "{name} ({format}): exit {:?}\n{stderr}",
                out.status.code()
            );
        }
    }
}

#[test]
fn a_fifo_is_refused_without_blocking_and_the_run_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.txt");
    let made = Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("SKIPPED: mkfifo is not available");
        return;
    }
    std::fs::write(dir.path().join("ok.txt"), "Trade was $5 billion in 2022.\n").unwrap();
    let out = common::claimcheck()
        .args([
            "extract",
            "--format",
            "jsonl",
            dir.path().to_str().unwrap(),
            fifo.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stdout).contains("5000000000"));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a regular file"));
}

#[test]
fn a_symlink_loop_is_reported_and_ends() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("a")).unwrap();
    std::os::unix::fs::symlink(dir.path(), dir.path().join("a/loop")).unwrap();
    std::fs::write(dir.path().join("a/doc.txt"), "Exports were $2 billion.\n").unwrap();
    let out = common::claimcheck()
        .args(["extract", "--format", "jsonl", dir.path().to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stdout).contains("2000000000"));
    assert!(String::from_utf8_lossy(&out.stderr).contains("loop"));
}

#[test]
fn a_file_over_the_size_limit_is_refused_with_the_flag_named() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.txt");
    std::fs::write(&big, "x".repeat(2000)).unwrap();
    let out = common::claimcheck()
        .args(["extract", "--max-file-size", "1000", big.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--max-file-size"));
}

#[test]
fn a_non_utf8_file_name_is_read_and_shown_safely() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let name = std::ffi::OsStr::from_bytes(b"caf\xe9\x1b[31m.txt");
    std::fs::write(dir.path().join(name), "Trade was $5 billion.\n").unwrap();
    let out = common::claimcheck()
        .args(["extract", "--format", "table", dir.path().to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(
        !out.stdout.contains(&0x1b),
        "an escape from a file name reached the terminal"
    );
}

/// Escape codes, bells and bidi overrides in a document never reach the table channels.
#[test]
fn terminal_channels_neutralize_document_text() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("esc\x1b[2J.md");
    std::fs::write(&f, "According to the Ministry\u{202e}\x07, trade between Kazakhstan and the US was $5 billion in 2022.\n").unwrap();
    let p = f.to_str().unwrap();
    for args in [
        vec!["extract", "--format", "table", p],
        vec!["claims", "--format", "table", p],
        vec![
            "report",
            "--format",
            "table",
            "--show",
            "all",
            "--verbose",
            p,
        ],
    ] {
        let out = common::claimcheck().args(&args).output().unwrap();
        for b in [0x1b_u8, 0x07] {
            assert!(
                !out.stdout.contains(&b),
                "{args:?}: byte {b:#x} reached the terminal"
            );
        }
        assert!(
            !String::from_utf8_lossy(&out.stdout).contains('\u{202e}'),
            "{args:?}: bidi override"
        );
    }
}

/// `claimcheck ... | head -1`: a closed pipe ends the run quietly, with status 0.
#[test]
fn a_closed_pipe_ends_the_run_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("many.txt");
    let line = "Exports were $5 billion in 2022 and imports $3 billion in 2021.\n";
    std::fs::write(&f, line.repeat(20_000)).unwrap();
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("claimcheck"))
        .args(["extract", "--format", "jsonl", f.to_str().unwrap()])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 64];
    child
        .stdout
        .as_mut()
        .unwrap()
        .read_exact(&mut first)
        .unwrap();
    drop(child.stdout.take());
    let status = child.wait().unwrap();
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    assert_eq!(status.code(), Some(0), "{err}");
    assert!(err.is_empty(), "{err}");
}

/// Giant inputs finish with every figure accounted for (their cost is measured by
/// `bench/hostile.sh`, not timed here): a long line of numbers with no sentence end, a run of
/// scale words with no number, and a number of a million digits.
#[test]
fn giant_inputs_finish_with_every_figure_accounted_for() {
    let dir = tempfile::tempdir().unwrap();
    let run = |name: &str, text: &str| {
        let f = dir.path().join(name);
        std::fs::write(&f, text).unwrap();
        let out = common::claimcheck()
            .args(["extract", "--format", "jsonl", f.to_str().unwrap()])
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{name}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    // 30,000 figures on one line: each is read, with its own column.
    let line = "12 firms, 3.5% and $7 billion; ".repeat(10_000);
    let out = run("numbers.txt", &line);
    let rows: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), 30_000);
    let last = rows.last().unwrap();
    assert_eq!(last["text"], "$7 billion");
    assert_eq!(
        last["column"].as_u64().unwrap() as usize,
        line.len() - "$7 billion; ".len() + 1
    );

    assert_eq!(run("scales.txt", &"billion ".repeat(100_000)), "");

    let out = run(
        "digits.txt",
        &format!("Exports were ${} in 2022.\n", "7".repeat(1_000_000)),
    );
    let row: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    assert!(row["value"].is_null());
    assert!(
        row["error"].as_str().unwrap().contains("out of range"),
        "{row}"
    );
}

/// Ctrl-C stops a long run at once: claimcheck installs no handler, so SIGINT ends the
/// process with the default action and nothing half-written is reported as success.
#[test]
fn an_interrupt_stops_a_long_run() {
    use std::os::unix::process::ExitStatusExt;
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("long.txt");
    std::fs::write(
        &f,
        "Exports were $5 billion in 2022 and imports $3 billion in 2021.\n".repeat(200_000),
    )
    .unwrap();
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("claimcheck"))
        .args(["report", "--format", "json", f.to_str().unwrap()])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(300));
    let sent = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status();
    if !sent.is_ok_and(|s| s.success()) {
        eprintln!("SKIPPED: could not send SIGINT (no `kill` command)");
        let _ = child.kill();
        let _ = child.wait();
        return;
    }
    // A hang check, not a timing: a run that ignored the signal would go on for minutes.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("claimcheck did not stop on SIGINT");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    // Ended by the signal itself (as a shell reports it: status 130), never with status 0.
    assert_eq!(status.signal(), Some(2), "{status:?}");
}

/// An unreadable file is an error naming the file; the other documents are still read. As
/// root every file is readable, so the run drops to an unprivileged user with `setpriv`.
#[test]
fn permission_denied_is_reported_and_the_run_goes_on() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let locked = dir.path().join("locked.txt");
    std::fs::write(&locked, "Trade was $9 billion in 2022.\n").unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    let ok = dir.path().join("ok.txt");
    std::fs::write(&ok, "Exports were $2 billion.\n").unwrap();
    std::fs::set_permissions(&ok, std::fs::Permissions::from_mode(0o644)).unwrap();
    let bin = assert_cmd::cargo::cargo_bin("claimcheck");
    let args = ["extract", "--format", "jsonl", dir.path().to_str().unwrap()];
    let out = if std::fs::read(&locked).is_ok() {
        let dropped = Command::new("setpriv")
            .args(["--reuid", "65534", "--regid", "65534", "--clear-groups"])
            .arg(&bin)
            .args(args)
            .output();
        match dropped {
            Ok(out) if !String::from_utf8_lossy(&out.stderr).starts_with("setpriv:") => out,
            _ => {
                eprintln!("SKIPPED: privileged and cannot drop privileges with setpriv");
                return;
            }
        }
    } else {
        Command::new(&bin).args(args).output().unwrap()
    };
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("2000000000"));
    assert!(
        err.contains("locked.txt") && err.to_lowercase().contains("permission denied"),
        "{err}"
    );
}
