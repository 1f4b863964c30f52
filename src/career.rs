//! Years in the role: which jobs of a resume show the role's own work.
//!
//! A job is a date range of the Experience section together with the lines
//! from the line above it (where "Title — Company" usually stands) to the
//! line before the next job's heading, as far as the Experience section goes. Its
//! months count as years in the role when those lines touch at least
//! `settings.role_evidence_per_job` distinct `core` competencies (for the
//! backend role: server-side languages, APIs, frameworks, SQL, database design,
//! microservices, caching, authentication). A job of at most two lines that
//! names no technical skill (a one-line list of past jobs, with the work
//! described elsewhere) says nothing either way: it counts as the resume as a
//! whole does. A longer job that names none (accounts, sales) is not in the role. Overlapping
//! jobs are merged before they are added up; internships and student jobs count
//! half, as in the total.
//!
//! Years that no job places (a stated "8 years of experience" beyond the dated
//! jobs, or a resume without dates) count in the same proportion as the dated
//! jobs; without dated jobs, in full when the resume as a whole shows enough
//! core competencies, else at `settings.unplaced_years_share`.

use crate::report::RangeEvidence;
use crate::taxonomy::Taxonomy;
use crate::text::{merged_months, DateRange};

/// What the years in the role need to know of a taxonomy, built once per
/// scorer: for each skill index, the `core` competencies it belongs to, and
/// whether it is a technical skill (any kind but `responsibility` and
/// `certification`: a title or a duty says nothing about the technology of a
/// job).
#[derive(Debug, Clone)]
pub(crate) struct RoleTables {
    core: Vec<Vec<usize>>,
    technical: Vec<bool>,
}

impl RoleTables {
    pub(crate) fn new(taxonomy: &Taxonomy) -> RoleTables {
        let mut core = vec![Vec::new(); taxonomy.skills().len()];
        for (ci, c) in taxonomy.competencies().iter().enumerate() {
            if c.core {
                for &si in taxonomy.competency_skill_indices(ci) {
                    core[si].push(ci);
                }
            }
        }
        let technical = taxonomy
            .skills()
            .iter()
            .map(|s| !matches!(s.kind.as_str(), "responsibility" | "certification"))
            .collect();
        RoleTables { core, technical }
    }
}

/// Years in the role (unrounded; the report rounds); sets each range's `role` flag.
///
/// `touched` lists `(line, skill index, in a section where jobs are read)`
/// for every counted mention (sorted here); `job_lines` the (sorted) lines of
/// text in those sections; `years` and `from_ranges` are the resume's total
/// years and the years its date ranges cover.
pub(crate) fn role_years(
    taxonomy: &Taxonomy,
    tables: &RoleTables,
    ranges: &mut [RangeEvidence],
    touched: &mut [(usize, usize, bool)],
    job_lines: &[usize],
    years: f64,
    from_ranges: f64,
) -> f64 {
    let settings = taxonomy.settings();
    let need = settings.role_evidence_per_job.max(1);
    let (core, technical) = (&tables.core, &tables.technical);
    // Sorted by line, so that a job's lines are one slice: each job reads only
    // its own mentions, and the whole pass is O(n log n) however many jobs
    // and mentions a resume has.
    touched.sort_unstable();
    let touched = &*touched;
    let mut seen = vec![usize::MAX; taxonomy.competencies().len()];
    let mut pass = 0;
    // Distinct core competencies, and whether any technical skill, on `lines`
    // (only in job sections unless `anywhere`).
    let mut cores_in = |lines: std::ops::Range<usize>, anywhere: bool| -> (usize, bool) {
        pass += 1;
        let from = touched.partition_point(|&(line, _, _)| line < lines.start);
        let (mut count, mut any) = (0, false);
        for &(_, skill, in_jobs) in touched[from..]
            .iter()
            .take_while(|(line, _, _)| *line < lines.end)
        {
            if !(anywhere || in_jobs) {
                continue;
            }
            any |= technical[skill];
            for &c in &core[skill] {
                if seen[c] != pass {
                    seen[c] = pass;
                    count += 1;
                }
            }
        }
        (count, any)
    };
    let whole_resume_in_role = cores_in(0..usize::MAX, true).0 >= need;
    let mut starts: Vec<usize> = ranges.iter().map(|r| r.line).collect();
    starts.sort_unstable();
    starts.dedup();
    // Full-weight and half-weight (internship, student job) role ranges.
    let (mut role_ranges, mut half_ranges) = (Vec::new(), Vec::new());
    // Jobs that start on the same line share their lines: judged once.
    let mut by_start: Vec<Option<bool>> = vec![None; starts.len()];
    for r in ranges.iter_mut() {
        let k = starts.partition_point(|&l| l <= r.line);
        // The line above the next date range is the next job's heading.
        let next = starts
            .get(k)
            .map_or(usize::MAX, |&l| (l - 1).max(r.line + 1));
        r.role = *by_start[k - 1].get_or_insert_with(|| {
            let block = r.line.saturating_sub(1)..next;
            let (cores, any) = cores_in(block.clone(), false);
            if any {
                cores >= need
            } else {
                // job_lines is sorted: the block's lines are one slice.
                let from = job_lines.partition_point(|&l| l < block.start);
                let lines = job_lines[from..]
                    .iter()
                    .take_while(|&&l| l < block.end)
                    .count();
                lines <= 2 && whole_resume_in_role
            }
        });
        if r.role {
            let into = if r.half {
                &mut half_ranges
            } else {
                &mut role_ranges
            };
            into.push(DateRange {
                start: r.start,
                end: r.end,
                months: r.months,
                text: String::new(),
            });
        }
    }
    let placed =
        (merged_months(&role_ranges) as f64 + merged_months(&half_ranges) as f64 / 2.0) / 12.0;
    let unplaced = (years - from_ranges).max(0.0);
    let share = if from_ranges > 0.0 {
        (placed / from_ranges).min(1.0)
    } else if whole_resume_in_role {
        1.0
    } else {
        settings.unplaced_years_share
    };
    placed + unplaced * share
}

/// The most recent job's title, as the levels read it (`docs/LEVELS.md`).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct LatestTitle {
    /// The heading read: the date range's line without its dates, or the
    /// line above when that line holds only the dates.
    pub(crate) text: String,
    /// Index of the highest level whose `title_words` the title holds.
    pub(crate) stage: Option<usize>,
    /// Whether the title is another role's (`cues.other_role_titles`).
    pub(crate) other_role: bool,
}

/// The title of the job that ended last (the one that started last among
/// those), or `None` without dated jobs. `line_text` gives a 1-based line's
/// text.
pub(crate) fn latest_title(
    taxonomy: &Taxonomy,
    ranges: &[RangeEvidence],
    line_text: impl Fn(usize) -> String,
) -> Option<LatestTitle> {
    let latest = ranges.iter().max_by_key(|r| (r.end, r.start))?;
    let own = line_text(latest.line).replacen(latest.text.as_str(), " ", 1);
    let text = if holds_words(&own) {
        own
    } else if latest.line > 1 {
        // The line above is the title only when it reads like one: not a
        // bullet ("- Mentored junior developers" ends the job before) and
        // short.
        let above = line_text(latest.line - 1);
        let bullet = above
            .trim_start()
            .starts_with(['-', '*', '•', '·', '–', '▪', '●', '◦']);
        if bullet || title_words(&above).len() > MAX_TITLE_WORDS {
            String::new()
        } else {
            above
        }
    } else {
        String::new()
    };
    let words = title_words(&text);
    let stage = taxonomy
        .levels()
        .iter()
        .rposition(|l| l.title_words.iter().any(|p| holds_phrase(&words, p)));
    let other_role = taxonomy
        .data()
        .cues
        .other_role_titles
        .iter()
        .any(|p| holds_phrase(&words, p));
    // The brackets and separators the dates leave behind.
    let text = text.replace("( )", " ").replace("()", " ");
    let text = text.trim_matches(|c: char| c.is_whitespace() || "|-–—,:;".contains(c));
    Some(LatestTitle {
        text: text.to_string(),
        stage,
        other_role,
    })
}

/// A line above a date line with more words than this is a sentence, not a
/// job title.
const MAX_TITLE_WORDS: usize = 12;

/// Whether a date line, its dates taken out, still holds a title: a word of
/// two or more letters other than a month or "present".
fn holds_words(text: &str) -> bool {
    const DATE_WORDS: &[&str] = &[
        "jan",
        "january",
        "feb",
        "february",
        "mar",
        "march",
        "apr",
        "april",
        "may",
        "jun",
        "june",
        "jul",
        "july",
        "aug",
        "august",
        "sep",
        "sept",
        "september",
        "oct",
        "october",
        "nov",
        "november",
        "dec",
        "december",
        "present",
        "current",
        "now",
        "today",
        "to",
        "till",
        "date",
        "since",
        "from",
    ];
    title_words(text).iter().any(|w| {
        w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !DATE_WORDS.contains(&w.as_str())
    })
}

/// The lower-cased words of a title: runs of letters, digits, `-` and `'`.
fn title_words(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\''))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Whether `words` hold `phrase` as whole words (ASCII case ignored).
fn holds_phrase(words: &[String], phrase: &str) -> bool {
    if !phrase.is_ascii() {
        let p: Vec<String> = title_words(phrase);
        return !p.is_empty() && words.windows(p.len()).any(|w| w == p.as_slice());
    }
    // An ASCII phrase is compared word by word without lowering it into new strings: `words`
    // are lower case already, so an ASCII case-blind comparison is equality with its lowered
    // words (the same answer as the path above).
    // (Split as bytes: an ASCII phrase's characters are its bytes.)
    let phrase_words = || {
        phrase
            .as_bytes()
            .split(|&c| !(c.is_ascii_alphanumeric() || c == b'-' || c == b'\''))
            .filter(|w| !w.is_empty())
    };
    let n = phrase_words().count();
    n > 0
        && words.windows(n).any(|w| {
            w.iter()
                .zip(phrase_words())
                .all(|(a, b)| a.as_bytes().eq_ignore_ascii_case(b))
        })
}
