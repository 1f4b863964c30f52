//! What the unit tests of several modules share (compiled for tests only).

/// A fixed-seed xorshift: `next(n)` is a number below `n`, the same on every run,
/// for generated test inputs that must not change between runs.
pub(crate) fn xorshift(mut seed: u64) -> impl FnMut(usize) -> usize {
    move |n| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n as u64) as usize
    }
}
