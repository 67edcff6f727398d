//! A progress bar on standard error for long runs at a terminal; nothing anywhere else.
//!
//! The bar counts documents. It is drawn only when standard error is a terminal, `CI` is not
//! set and `TERM` is not `dumb`, and only once the run has taken half a second, so short runs
//! and pipes (`claimcheck extract ... | jq`) never see it. Output on standard output is the
//! same with or without it.

use std::io::IsTerminal;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// How long a run goes before the bar appears.
const DELAY: Duration = Duration::from_millis(500);

/// Progress over a known number of documents; shared by the worker threads.
pub struct Progress {
    bar: ProgressBar,
    start: Instant,
    shown: AtomicBool,
}

impl Progress {
    /// A bar for `total` documents, or `None` when it would not be seen by a person.
    pub fn for_terminal(total: usize) -> Option<Self> {
        let interactive = std::io::stderr().is_terminal()
            && std::env::var_os("CI").is_none()
            && std::env::var("TERM").map_or(true, |t| t != "dumb");
        (interactive && total > 1).then(|| Self::new(total))
    }

    fn new(total: usize) -> Self {
        let bar = ProgressBar::with_draw_target(Some(total as u64), ProgressDrawTarget::hidden());
        if let Ok(style) =
            ProgressStyle::with_template("{bar:40} {pos}/{len} documents  {elapsed} (eta {eta})")
        {
            bar.set_style(style);
        }
        Self {
            bar,
            start: Instant::now(),
            shown: AtomicBool::new(false),
        }
    }

    /// One more document done.
    pub fn inc(&self) {
        self.bar.inc(1);
        if !self.shown.load(Ordering::Relaxed)
            && self.start.elapsed() >= DELAY
            && !self.shown.swap(true, Ordering::Relaxed)
        {
            self.bar
                .set_draw_target(ProgressDrawTarget::stderr_with_hz(8));
        }
    }

    /// Run `f` (which prints to standard error) with the bar out of the way.
    pub fn suspend<R>(&self, f: impl FnOnce() -> R) -> R {
        self.bar.suspend(f)
    }

    /// Remove the bar before anything else is printed to standard error.
    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }
}
