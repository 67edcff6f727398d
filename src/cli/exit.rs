//! Exit codes: 0 clean, 1 findings at or above the threshold, 2 usage or input error.

use std::process::ExitCode;

/// How a run ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitStatus {
    /// Nothing to report at or above the threshold.
    Success,
    /// Findings at or above `--fail-on`.
    Findings,
    /// A usage error, a broken rule file, or an input that could not be read.
    Error,
}

impl From<ExitStatus> for ExitCode {
    fn from(s: ExitStatus) -> Self {
        match s {
            ExitStatus::Success => ExitCode::from(0),
            ExitStatus::Findings => ExitCode::from(1),
            ExitStatus::Error => ExitCode::from(2),
        }
    }
}
