//! `claimcheck rules`: the rules in force, and `rules check DIR` to validate rule files.

use std::io::Write;

use super::{ExitStatus, RulesArgs, io_failure, report_rule_error};

#[derive(Debug, clap::Args)]
pub struct RulesCommand {
    #[command(subcommand)]
    pub action: Option<RulesAction>,

    #[command(flatten)]
    pub rules: RulesArgs,
}

#[derive(Debug, clap::Subcommand)]
pub enum RulesAction {
    /// List the rules in force (the default).
    List,
    /// Validate the rule files of a directory on top of the bundled rules.
    Check {
        /// The directory to check.
        dir: std::path::PathBuf,
    },
}

pub fn run(args: &RulesCommand) -> ExitStatus {
    match &args.action {
        Some(RulesAction::Check { dir }) => {
            let errors = crate::rules::check_dir(dir);
            for e in &errors {
                report_rule_error(e);
            }
            if errors.is_empty() {
                let stdout = std::io::stdout();
                let mut out = stdout.lock();
                if let Err(e) = writeln!(out, "{}: rules are valid", dir.display()) {
                    return io_failure(&e);
                }
                ExitStatus::Success
            } else {
                ExitStatus::Error
            }
        }
        None | Some(RulesAction::List) => {
            let Some(rules) = super::load_rules(&args.rules) else {
                return ExitStatus::Error;
            };
            let stdout = std::io::stdout();
            let mut out = stdout.lock();
            match write!(out, "{}", rules.set.describe()).and_then(|()| out.flush()) {
                Ok(()) => ExitStatus::Success,
                Err(e) => io_failure(&e),
            }
        }
    }
}
