//! What several test files share: one scorer of the built-in taxonomy with
//! "Present" fixed at 2026-11, built once per test binary.

use skillgap::YearMonth;
use skillgap::{Scorer, Taxonomy};
use std::sync::OnceLock;

/// The built-in taxonomy's scorer, as of 2026-11.
pub fn scorer() -> &'static Scorer {
    static S: OnceLock<Scorer> = OnceLock::new();
    S.get_or_init(|| {
        Scorer::builder(Taxonomy::builtin())
            .as_of(YearMonth::new(2026, 11).unwrap())
            .build()
            .unwrap()
    })
}
