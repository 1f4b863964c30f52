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
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod career;
mod chars;
mod data;
mod error;
pub mod eval;
#[cfg(feature = "extract")]
pub mod extract;
pub mod gaps;
mod hash;
pub mod jd;
pub mod matcher;
pub mod report;
mod score;
mod scorer;
pub mod taxonomy;
pub mod text;
mod widen;

pub use error::{Error, Problem};
pub use report::{Report, Status};
pub use scorer::{Scorer, ScorerBuilder};
pub use taxonomy::Taxonomy;
