//! Progress on stderr: a bar when stderr is a terminal, a plain line every few
//! seconds with `--progress` elsewhere, nothing in CI by default; per-file
//! messages go above the bar.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
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
                "{spinner} {elapsed:>4} [{bar:30}] {pos}/{len} files ({per_sec}, eta {eta})",
            )
            .map(|s| s.progress_chars("=> "))
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

    /// One more file done.
    pub fn inc(&mut self) {
        match self {
            Progress::Off => {}
            Progress::Bar(bar) => bar.inc(1),
            Progress::Lines { total, done, last } => {
                *done += 1;
                if last.elapsed() >= LINE_EVERY && *done < *total {
                    *last = Instant::now();
                    eprintln!("skillgap: {done}/{total} files");
                }
            }
        }
    }

    /// A message line on stderr that does not tear the bar.
    pub fn println(&self, line: &str) {
        match self {
            Progress::Bar(bar) => bar.suspend(|| eprintln!("{line}")),
            _ => eprintln!("{line}"),
        }
    }

    pub fn finish(&self) {
        if let Progress::Bar(bar) = self {
            bar.finish_and_clear();
        }
    }
}
