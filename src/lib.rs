//! **skillgap** scores a resume against a role's skill taxonomy: which skills the
//! resume evidences, how ready the person is for each career level, and the gaps
//! to the next level with what to do about them. Offline and explainable.
//!
//! The core does no I/O: text in, [`Report`] out.
//!
//! ```
//! use skillgap::{Scorer, Taxonomy};
//!
//! let scorer = Scorer::new(Taxonomy::builtin()); // compile once
//! let report = scorer.score("\
//! EXPERIENCE
//! Backend Engineer, Acme (Jan 2020 - Dec 2023)
//! - Built REST APIs in Go backed by PostgreSQL and Redis
//! SKILLS
//! Go, PostgreSQL, Docker, Git
//! ");
//! assert!(report.skill("go").is_some());
//! assert_eq!(report.experience.years, 4.0);
//! let json = serde_json::to_string(&report).unwrap(); // versioned schema
//! assert!(json.contains("\"schema_version\":1"));
//! ```
// `deny`, not `forbid`: one measured exception, `matcher::prepared::load`, which reads the
// DFAs `build.rs` wrote into this binary without checking every transition again at each
// start (14 M instructions, a fifth of a cold `skillgap score`; docs/PERFORMANCE.md). The
// tests check every one of them in full.
#![deny(unsafe_code)]
#![warn(missing_docs)]

mod career;
mod chars;
mod data;
mod error;
pub mod eval;
#[cfg(feature = "extract")]
pub mod extract;
pub mod fit;
pub mod gaps;
mod hash;
pub mod jd;
mod lean;
pub mod matcher;
pub mod plan;
pub mod report;
mod score;
mod scorer;
pub mod taxonomy;
#[cfg(test)]
mod testutil;
/// Text preparation (normalisation, sections, dates): a pipeline internal, public only for the
/// crate's own tests, benches and binary. Its value types that reports carry are re-exported
/// at the root ([`YearMonth`], [`Section`]).
#[doc(hidden)]
pub mod text;
mod widen;

pub use error::{Error, Problem};

/// Builds now, once per process, the regexes every scorer of the built-in taxonomy otherwise
/// builds on its first score: the few patterns and context rule lists `build.rs` could not
/// prepare as DFAs, then the date reader's (see [`text::prepare_dates`]).
///
/// Scoring never needs it. A command that scores one resume calls it on another core while it
/// builds its [`Scorer`], which is what `skillgap score` does (a cold score's wall time,
/// docs/PERFORMANCE.md). Calling it again does nothing.
///
/// ```
/// use skillgap::{Scorer, Taxonomy};
/// let ready = std::thread::spawn(skillgap::prepare);
/// let scorer = Scorer::new(Taxonomy::builtin());
/// let report = scorer.score("SKILLS\nGo, PostgreSQL\n");
/// assert!(report.skill("go").is_some());
/// ready.join().unwrap();
/// ```
pub fn prepare() {
    matcher::prepare_builtin();
    text::prepare_dates();
}
pub use report::{
    CompetencyFinding, Evidence, EvidenceKind, Exclusion, Experience, Gap, GapKind, LevelReadiness,
    Report, SkillFinding, Status, Strength,
};
pub use scorer::{Scorer, ScorerBuilder};
pub use taxonomy::Taxonomy;
pub use text::{Section, YearMonth};

/// The README's Rust examples, compiled and run as doc tests (`cargo test --doc`), so the
/// library example there cannot drift from the API.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
