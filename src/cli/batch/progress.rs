//! Progress on stderr: a bar when stderr is a terminal, a plain line every few
//! seconds with `--progress` elsewhere, nothing in CI by default. Output and
//! messages for the terminal are written with the bar suspended.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressState, ProgressStyle};
use std::io::IsTerminal;
use std::time::{Duration, Instant};

/// How often `--progress` prints a line when stderr is not a terminal.
const LINE_EVERY: Duration = Duration::from_secs(2);

pub enum Progress {
    Off,
    Bar(ProgressBar),
    Lines {
        total: usize,
        done: usize,
        last: Instant,
    },
}

impl Progress {
    /// `force`: `--progress`; `quiet`: `--quiet` (wins).
    pub fn new(total: usize, force: bool, quiet: bool) -> Progress {
        if quiet || total == 0 {
            return Progress::Off;
        }
        if std::io::stderr().is_terminal() {
            let bar = ProgressBar::with_draw_target(
                Some(total as u64),
                ProgressDrawTarget::stderr_with_hz(10),
            );
            let style = ProgressStyle::with_template(
                "{spinner} {elapsed:>4} [{bar:30}] {pos}/{len} files ({rate} files/s, eta {eta})",
            )
            .map(|s| {
                s.progress_chars("=> ").with_key(
                    "rate",
                    |state: &ProgressState, w: &mut dyn std::fmt::Write| {
                        let _ = write!(w, "{:.0}", state.per_sec());
                    },
                )
            })
            .unwrap_or_else(|_| ProgressStyle::default_bar());
            bar.set_style(style);
            return Progress::Bar(bar);
        }
        if force {
            return Progress::Lines {
                total,
                done: 0,
                last: Instant::now(),
            };
        }
        Progress::Off
    }

    /// `n` more files done.
    pub fn inc(&mut self, n: usize) {
        match self {
            Progress::Off => {}
            Progress::Bar(bar) => bar.inc(n as u64),
            Progress::Lines { total, done, last } => {
                *done += n;
                if last.elapsed() >= LINE_EVERY && *done < *total {
                    *last = Instant::now();
                    eprintln!("skillgap: {done}/{total} files");
                }
            }
        }
    }

    /// Runs `f` with the bar cleared (so that what it writes to the terminal
    /// is not torn), unless `skip`.
    pub fn suspend_unless<T>(&self, skip: bool, f: impl FnOnce() -> T) -> T {
        match self {
            Progress::Bar(bar) if !skip && !bar.is_finished() => bar.suspend(f),
            _ => f(),
        }
    }

    pub fn finish(&self) {
        if let Progress::Bar(bar) = self {
            bar.finish_and_clear();
        }
    }
}
