//! Parallel work, ordered output: workers take inputs in index order from a
//! shared counter, and a reorder buffer releases results in that same order,
//! so the output is identical for any `--jobs`.
//!
//! Memory stays flat: a worker does not start input `i` until every input
//! before `i - window` has been emitted, so at most `window` results wait in
//! the buffer however many inputs there are (a slow file holds the others
//! back rather than letting results pile up behind it).

use std::collections::VecDeque;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{mpsc, Condvar, Mutex, PoisonError};

/// Results that arrive in any order, released in index order.
///
/// ```text
/// push(2, c)  pop() -> None      (waiting for 0)
/// push(0, a)  pop() -> a, pop() -> None (waiting for 1)
/// push(1, b)  pop() -> b, pop() -> c
/// ```
#[derive(Debug)]
pub struct Reorder<T> {
    /// The index the next `pop` releases.
    next: usize,
    /// `slots[k]` holds the result for index `next + k`, once it has arrived.
    slots: VecDeque<Option<T>>,
}

impl<T> Default for Reorder<T> {
    fn default() -> Self {
        Reorder {
            next: 0,
            slots: VecDeque::new(),
        }
    }
}

impl<T> Reorder<T> {
    pub fn new() -> Reorder<T> {
        Reorder::default()
    }

    /// Stores the result for `index`. An index already released or already
    /// stored is a caller bug; it is ignored (and asserted in debug builds).
    pub fn push(&mut self, index: usize, item: T) {
        let Some(offset) = index.checked_sub(self.next) else {
            debug_assert!(false, "index {index} was already released");
            return;
        };
        if self.slots.len() <= offset {
            self.slots.resize_with(offset + 1, || None);
        }
        debug_assert!(self.slots[offset].is_none(), "index {index} pushed twice");
        self.slots[offset].get_or_insert(item);
    }

    /// The next result in index order, if it has arrived.
    pub fn pop(&mut self) -> Option<T> {
        let item = self.slots.front_mut()?.take()?;
        self.slots.pop_front();
        self.next += 1;
        Some(item)
    }

    /// The index the next [`Reorder::pop`] releases (= how many were released).
    pub fn released(&self) -> usize {
        self.next
    }

    /// Results stored but not yet released.
    #[cfg(test)]
    pub fn waiting(&self) -> usize {
        self.slots.iter().filter(|s| s.is_some()).count()
    }
}

/// Lets workers run at most `window` inputs ahead of the output, and stops them.
struct Gate {
    released: Mutex<usize>,
    moved: Condvar,
    stop: AtomicBool,
}

impl Gate {
    /// Waits until input `index` may start; false when the run was stopped.
    fn wait_turn(&self, index: usize, window: usize) -> bool {
        let mut released = self.released.lock().unwrap_or_else(PoisonError::into_inner);
        while index >= released.saturating_add(window) {
            if self.stop.load(Ordering::Relaxed) {
                return false;
            }
            released = self
                .moved
                .wait(released)
                .unwrap_or_else(PoisonError::into_inner);
        }
        !self.stop.load(Ordering::Relaxed)
    }

    fn advance(&self, released: usize) {
        *self.released.lock().unwrap_or_else(PoisonError::into_inner) = released;
        self.moved.notify_all();
    }

    fn stop(&self) {
        self.stop.store(true, Ordering::Relaxed);
        let _guard = self.released.lock().unwrap_or_else(PoisonError::into_inner);
        self.moved.notify_all();
    }
}

/// Stops the run if a worker unwinds, so that no other worker waits for its
/// result for ever.
struct StopOnUnwind<'a>(&'a Gate);

impl Drop for StopOnUnwind<'_> {
    fn drop(&mut self) {
        if std::thread::panicking() {
            self.0.stop();
        }
    }
}

/// The results ready to be emitted, in order.
pub struct Ready<'a, T>(&'a mut Reorder<T>);

impl<T> Iterator for Ready<'_, T> {
    type Item = T;
    fn next(&mut self) -> Option<T> {
        self.0.pop()
    }
}

/// Runs `work` on every item with `jobs` threads and hands the results to
/// `emit` in item order, a batch of ready results at a time (so `emit` can
/// flush once per batch). When `emit` fails, no new item is started, the
/// workers finish what they hold, and the error is returned.
///
/// `work` should not panic; if it does, the run stops and the panic resumes
/// on the calling thread.
pub fn run_ordered<T, R, E>(
    items: &[T],
    jobs: usize,
    window: usize,
    work: impl Fn(&T) -> R + Sync,
    mut emit: impl FnMut(Ready<'_, R>) -> Result<(), E>,
) -> Result<(), E>
where
    T: Sync,
    R: Send,
{
    let jobs = jobs.clamp(1, items.len().max(1));
    let window = window.max(jobs);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .thread_name(|i| format!("skillgap-batch-{i}"))
        .build();
    let Ok(pool) = pool else {
        // No threads to be had: score on this one, in order.
        let mut buffer = Reorder::new();
        for (i, item) in items.iter().enumerate() {
            buffer.push(i, work(item));
            emit(Ready(&mut buffer))?;
        }
        return Ok(());
    };
    let next = AtomicUsize::new(0);
    let gate = Gate {
        released: Mutex::new(0),
        moved: Condvar::new(),
        stop: AtomicBool::new(false),
    };
    let (tx, rx) = mpsc::channel::<(usize, R)>();
    let (next, gate, work) = (&next, &gate, &work);
    pool.in_place_scope(move |scope| {
        for _ in 0..jobs {
            let tx = tx.clone();
            scope.spawn(move |_| {
                let _stop = StopOnUnwind(gate);
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= items.len() || !gate.wait_turn(i, window) {
                        break;
                    }
                    if tx.send((i, work(&items[i]))).is_err() {
                        break;
                    }
                }
            });
        }
        drop(tx);
        let mut buffer = Reorder::new();
        for (i, result) in rx.iter() {
            buffer.push(i, result);
            if let Err(e) = emit(Ready(&mut buffer)) {
                gate.stop();
                return Err(e);
            }
            gate.advance(buffer.released());
        }
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn reorder_releases_in_index_order() {
        let mut r = Reorder::new();
        r.push(2, 'c');
        assert_eq!(r.pop(), None);
        r.push(0, 'a');
        assert_eq!(r.pop(), Some('a'));
        assert_eq!(r.pop(), None);
        assert_eq!(r.waiting(), 1);
        r.push(1, 'b');
        assert_eq!(r.pop(), Some('b'));
        assert_eq!(r.pop(), Some('c'));
        assert_eq!(r.pop(), None);
        assert_eq!(r.released(), 3);
        assert_eq!(r.waiting(), 0);
    }

    #[test]
    fn reorder_keeps_only_what_waits() {
        let mut r = Reorder::new();
        for i in (0..1000).rev() {
            r.push(i, i);
        }
        assert_eq!(r.waiting(), 1000);
        let mut n = 0;
        while let Some(i) = r.pop() {
            assert_eq!(i, n);
            n += 1;
        }
        assert_eq!(n, 1000);
        assert!(r.slots.is_empty());
    }

    fn collect(items: &[u64], jobs: usize, window: usize) -> Vec<u64> {
        let mut out = Vec::new();
        run_ordered(
            items,
            jobs,
            window,
            |&x| {
                // Uneven work, so results arrive out of order.
                std::thread::sleep(Duration::from_micros((x * 7919) % 300));
                x * 2
            },
            |ready| {
                out.extend(ready);
                Ok::<(), ()>(())
            },
        )
        .unwrap();
        out
    }

    #[test]
    fn output_is_in_input_order_for_any_number_of_jobs() {
        let items: Vec<u64> = (0..500).collect();
        let expected: Vec<u64> = items.iter().map(|x| x * 2).collect();
        for jobs in [1, 2, 3, 8] {
            assert_eq!(collect(&items, jobs, 16), expected, "jobs {jobs}");
        }
        assert_eq!(collect(&[], 4, 16), Vec::<u64>::new());
    }

    #[test]
    fn results_waiting_never_exceed_the_window() {
        let items: Vec<usize> = (0..400).collect();
        let max_waiting = AtomicUsize::new(0);
        let released = AtomicUsize::new(0);
        run_ordered(
            &items,
            4,
            8,
            |&i| {
                // The first item is slow: everything else would pile up behind it.
                if i == 0 {
                    std::thread::sleep(Duration::from_millis(50));
                }
                let ahead = i.saturating_sub(released.load(Ordering::SeqCst));
                max_waiting.fetch_max(ahead, Ordering::SeqCst);
                i
            },
            |ready| {
                for _ in ready {
                    released.fetch_add(1, Ordering::SeqCst);
                }
                Ok::<(), ()>(())
            },
        )
        .unwrap();
        assert!(max_waiting.load(Ordering::SeqCst) < 8 + 4);
    }

    #[test]
    fn an_emit_error_stops_the_run() {
        let items: Vec<usize> = (0..10_000).collect();
        let started = AtomicUsize::new(0);
        let mut seen = 0;
        let result = run_ordered(
            &items,
            2,
            32,
            |&i| {
                started.fetch_add(1, Ordering::SeqCst);
                i
            },
            |ready| {
                for _ in ready {
                    seen += 1;
                    if seen == 10 {
                        return Err("closed");
                    }
                }
                Ok(())
            },
        );
        assert_eq!(result, Err("closed"));
        assert!(started.load(Ordering::SeqCst) < 100);
    }
}
