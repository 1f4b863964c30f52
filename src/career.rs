//! Years in the role: which jobs of a resume show the role's own work.
//!
//! A job is a date range of the Experience section together with the lines
//! from the line above it (where "Title — Company" usually stands) to the line
//! before the next date range. Its months count as years in the role when
//! those lines touch at least `settings.role_evidence_per_job` distinct `core`
//! competencies (for the backend role: server-side languages, APIs,
//! frameworks, SQL, database design, microservices, caching, authentication).
//! Overlapping jobs are merged before they are added up.
//!
//! Years that no job places (a stated "8 years of experience" beyond the dated
//! jobs, or a resume without dates) count in the same proportion as the dated
//! jobs; without dated jobs, in full when the resume as a whole shows enough
//! core competencies, else at `settings.unplaced_years_share`.

use crate::report::RangeEvidence;
use crate::taxonomy::Taxonomy;
use crate::text::{merged_months, DateRange};

/// Years in the role, to one decimal; sets each range's `role` flag.
///
/// `touched` lists `(line, skill index)` for every counted mention; `years`
/// and `from_ranges` are the resume's total years and the years its date
/// ranges cover.
pub(crate) fn role_years(
    taxonomy: &Taxonomy,
    ranges: &mut [RangeEvidence],
    touched: &[(usize, usize)],
    years: f64,
    from_ranges: f64,
) -> f64 {
    let settings = taxonomy.settings();
    let need = settings.role_evidence_per_job.max(1);
    let core: Vec<Vec<usize>> = core_competencies_by_skill(taxonomy);
    let cores_in = |lines: std::ops::Range<usize>| -> usize {
        let mut seen: Vec<usize> = touched
            .iter()
            .filter(|(line, _)| lines.contains(line))
            .flat_map(|&(_, skill)| core[skill].iter().copied())
            .collect();
        seen.sort_unstable();
        seen.dedup();
        seen.len()
    };
    let mut starts: Vec<usize> = ranges.iter().map(|r| r.line).collect();
    starts.sort_unstable();
    starts.dedup();
    let mut role_ranges = Vec::new();
    for r in ranges.iter_mut() {
        let next = starts
            .iter()
            .copied()
            .find(|&l| l > r.line)
            .unwrap_or(usize::MAX);
        r.role = cores_in(r.line.saturating_sub(1)..next) >= need;
        if r.role {
            role_ranges.push(DateRange {
                start: r.start,
                end: r.end,
                months: r.months,
                text: String::new(),
            });
        }
    }
    let placed = merged_months(&role_ranges) as f64 / 12.0;
    let unplaced = (years - from_ranges).max(0.0);
    let share = if from_ranges > 0.0 {
        (placed / from_ranges).min(1.0)
    } else if cores_in(0..usize::MAX) >= need {
        1.0
    } else {
        settings.unplaced_years_share
    };
    crate::score::round1(placed + unplaced * share)
}

/// For each skill index, the `core` competencies it belongs to.
fn core_competencies_by_skill(taxonomy: &Taxonomy) -> Vec<Vec<usize>> {
    let mut out = vec![Vec::new(); taxonomy.skills().len()];
    for (ci, c) in taxonomy.competencies().iter().enumerate() {
        if c.core {
            for &si in taxonomy.competency_skill_indices(ci) {
                out[si].push(ci);
            }
        }
    }
    out
}
