//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::PathBuf;

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

#[allow(clippy::print_stderr)]
/// `../shared/<sub>` when it exists (CI and developers have it; a fresh clone may not).
pub fn shared(sub: &str) -> Option<PathBuf> {
    let p = root().join("..").join("shared").join(sub);
    if p.exists() {
        Some(p)
    } else {
        eprintln!(
            "SKIPPED: {} is absent (this test needs ../shared/{sub})",
            p.display()
        );
        None
    }
}

/// The claimcheck binary as an assert_cmd command.
pub fn claimcheck() -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("claimcheck").expect("binary builds");
    cmd.env_remove("COLUMNS").env("NO_COLOR", "1");
    cmd
}

/// insta settings: snapshots under `snapshots/<suite>/`, no module prefix, no expression.
pub fn settings(suite: &str) -> insta::Settings {
    let mut s = insta::Settings::clone_current();
    s.set_snapshot_path(root().join("snapshots").join(suite));
    s.set_prepend_module_to_snapshot(false);
    s.set_omit_expression(true);
    s
}
