//! One deadline for the work on one file: `--timeout` covers reading, extraction and scoring.
//!
//! Rust cannot stop a thread, and the library's scoring has no deadline of its own, so the work
//! runs on a helper thread and the caller waits for it at most the deadline
//! ([`Helper::run`]). A helper that misses the deadline is **abandoned**: the caller reports the
//! file as timed out and moves on at once, while the helper runs on until its job ends (an
//! isolated PDF or DOCX child is killed by then, at the same `--timeout`; in-process work such as
//! scoring a pathological text finishes in its own time, using a core meanwhile). Its result is
//! dropped, and the next job gets a new helper. The process does not wait for abandoned helpers
//! when it exits.
//!
//! A helper is reused from one job to the next, so a batch costs one hand-over per file
//! (two channel messages), not one thread per file.

use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::Duration;

/// Why a job has no result.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Missed {
    /// The deadline passed first; the job's helper was abandoned.
    Deadline,
    /// The job panicked (a bug), or its helper could not be started.
    Died,
}

impl Missed {
    /// The one-line cause for a file of `--timeout` `limit` that missed: "gave up after 2 s
    /// (--timeout) …" or "internal error while scoring (a bug: please report it)".
    pub fn cause(self, limit: Duration) -> String {
        match self {
            Missed::Deadline => timed_out_cause(limit),
            Missed::Died => "internal error while scoring (a bug: please report it)".to_string(),
        }
    }
}

type Job<T> = Box<dyn FnOnce() -> T + Send>;

/// A helper thread that runs jobs one at a time, each under a deadline.
pub struct Helper<T: Send + 'static> {
    worker: Option<(Sender<Job<T>>, Receiver<T>)>,
}

impl<T: Send + 'static> Default for Helper<T> {
    fn default() -> Self {
        Helper { worker: None }
    }
}

impl<T: Send + 'static> Helper<T> {
    pub fn new() -> Helper<T> {
        Helper::default()
    }

    /// Runs `job` and waits for its result at most `limit`.
    pub fn run(
        &mut self,
        limit: Duration,
        job: impl FnOnce() -> T + Send + 'static,
    ) -> Result<T, Missed> {
        let (jobs, results) = match self.worker.take() {
            Some(worker) => worker,
            None => spawn::<T>().ok_or(Missed::Died)?,
        };
        if jobs.send(Box::new(job)).is_err() {
            return Err(Missed::Died);
        }
        match results.recv_timeout(limit) {
            Ok(result) => {
                self.worker = Some((jobs, results));
                Ok(result)
            }
            // Dropping the channels abandons the helper: it ends after its current job.
            Err(RecvTimeoutError::Timeout) => Err(Missed::Deadline),
            Err(RecvTimeoutError::Disconnected) => Err(Missed::Died),
        }
    }
}

/// Runs one job under a deadline, on a thread of its own.
pub fn run_once<T: Send + 'static>(
    limit: Duration,
    job: impl FnOnce() -> T + Send + 'static,
) -> Result<T, Missed> {
    Helper::new().run(limit, job)
}

/// The stack of a helper thread. In-process extraction (`--no-isolate`, text formats) runs on
/// it; the parsers' recursion is bounded (lopdf nests at most 100 brackets, form XObjects are
/// followed at most 12 deep, self-referencing stream lengths are rebuilt before lopdf sees
/// them), and this leaves a wide margin over the 2 MiB Rust gives threads by default. It is
/// address space, not memory: pages are only used when touched.
pub const HELPER_STACK: usize = 16 * 1024 * 1024;

fn spawn<T: Send + 'static>() -> Option<(Sender<Job<T>>, Receiver<T>)> {
    let (job_tx, job_rx) = mpsc::channel::<Job<T>>();
    let (result_tx, result_rx) = mpsc::channel::<T>();
    std::thread::Builder::new()
        .name("skillgap-file".into())
        .stack_size(HELPER_STACK)
        .spawn(move || {
            for job in job_rx {
                // A panic ends the thread; the caller sees `Died`.
                if result_tx.send(job()).is_err() {
                    break;
                }
            }
        })
        .ok()?;
    Some((job_tx, result_rx))
}

/// "gave up after 2 s (--timeout) reading and scoring this file": the one-line cause.
pub fn timed_out_cause(limit: Duration) -> String {
    format!(
        "gave up after {} (--timeout) reading and scoring this file",
        seconds(limit)
    )
}

fn seconds(d: Duration) -> String {
    let s = d.as_secs_f64();
    if s.fract() == 0.0 {
        format!("{s:.0} s")
    } else {
        format!("{s} s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Instant;

    #[test]
    fn a_job_within_the_deadline_gives_its_result_and_the_helper_is_reused() {
        let mut h = Helper::new();
        let first = h.run(Duration::from_secs(5), || std::thread::current().id());
        let second = h.run(Duration::from_secs(5), || std::thread::current().id());
        assert_eq!(first.unwrap(), second.unwrap());
    }

    #[test]
    fn a_late_job_is_abandoned_and_the_next_one_gets_a_new_helper() {
        let mut h = Helper::new();
        let started = Instant::now();
        let late = h.run(Duration::from_millis(50), || {
            std::thread::sleep(Duration::from_secs(3));
            1
        });
        assert_eq!(late, Err(Missed::Deadline));
        assert!(started.elapsed() < Duration::from_secs(2));
        assert_eq!(h.run(Duration::from_secs(5), || 2), Ok(2));
    }

    #[test]
    fn a_panicking_job_is_reported_not_propagated() {
        let mut h = Helper::<u8>::new();
        assert_eq!(
            h.run(Duration::from_secs(5), || panic!("boom")),
            Err(Missed::Died)
        );
        assert_eq!(h.run(Duration::from_secs(5), || 3), Ok(3));
    }

    #[test]
    fn the_cause_names_the_flag_and_the_limit() {
        assert_eq!(
            timed_out_cause(Duration::from_secs(2)),
            "gave up after 2 s (--timeout) reading and scoring this file"
        );
        assert!(timed_out_cause(Duration::from_millis(500)).contains("0.5 s"));
    }
}
