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
    // Sorted by line, so that a job's lines are one slice: each job reads only
    // its own mentions, and the whole pass is O(n log n) however many jobs
    // and mentions a resume has.
    let mut touched = touched.to_vec();
    touched.sort_unstable();
    let mut seen = vec![usize::MAX; taxonomy.competencies().len()];
    let mut pass = 0;
    let mut cores_in = |lines: std::ops::Range<usize>| -> usize {
        pass += 1;
        let from = touched.partition_point(|&(line, _)| line < lines.start);
        let mut count = 0;
        for &(_, skill) in touched[from..]
            .iter()
            .take_while(|(line, _)| *line < lines.end)
        {
            for &c in &core[skill] {
                if seen[c] != pass {
                    seen[c] = pass;
                    count += 1;
                }
            }
        }
        count
    };
    let mut starts: Vec<usize> = ranges.iter().map(|r| r.line).collect();
    starts.sort_unstable();
    starts.dedup();
    // Jobs that start on the same line share their lines: counted once.
    let mut by_start: Vec<Option<usize>> = vec![None; starts.len()];
    let mut role_ranges = Vec::new();
    for r in ranges.iter_mut() {
        let k = starts.partition_point(|&l| l <= r.line);
        let next = starts.get(k).copied().unwrap_or(usize::MAX);
        let cores =
            *by_start[k - 1].get_or_insert_with(|| cores_in(r.line.saturating_sub(1)..next));
        r.role = cores >= need;
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
