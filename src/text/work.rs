//! Years of work: which dated entries of a resume count, and for how much.
//!
//! - **Where**: entries in Experience sections, and before the first heading (a resume
//!   without headings). Projects, education, certifications, volunteering and other
//!   sections never count.
//! - **Which entries**: a date range counts unless its entry reads as study (a degree;
//!   a school without a job title, see [`find_ranges`](super::find_ranges)) or as
//!   something other than paid work ("Volunteer", "Participant"). Time off ("Parental
//!   leave", "Sabbatical") takes its months out even when another entry spans them.
//!   When the dates stand on their own line (`2019-03 to present` under
//!   `Acme — Backend Engineer`), the line above is read with them.
//! - **How much**: ranges are merged before they are added up, so sub-roles inside one
//!   employer, or parallel jobs, are never counted twice; months covered only by an
//!   internship, a student position ("Teaching Assistant") or a job held within a
//!   completed course of study (a range in an Education section) count half.
//! - **Lengths instead of dates**: a role whose length is written out ("Consultant: 8
//!   months", "(2 yrs 3 mos)", see [`find_durations`](super::find_durations)) adds that
//!   length when no date range covers it: none in the same entry (the lines between two
//!   blank lines) and none within two lines, where the length would only restate it.

use super::dates::{
    document_marks, durations_marked, ranges_marked, reads_as_study, DateRange, StatedDuration,
};
use super::words::Named;
use super::{Document, Section, YearMonth};
use std::borrow::Cow;

/// A date range that counts as work.
#[derive(Debug, Clone, PartialEq)]
pub struct WorkRange {
    /// 1-based line in the original input.
    pub line: usize,
    /// The range read.
    pub range: DateRange,
    /// Whether it counts half: an internship, a student position, or a job held within a
    /// completed course of study.
    pub half: bool,
}

/// A role's length, written out, that no date range covers.
#[derive(Debug, Clone, PartialEq)]
pub struct WorkDuration {
    /// 1-based line in the original input.
    pub line: usize,
    /// The length read.
    pub duration: StatedDuration,
    /// Whether it counts half: an internship or a student position.
    pub half: bool,
}

/// The work a resume shows, and how many months it adds up to.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct WorkHistory {
    /// Ranges that count, in document order.
    pub ranges: Vec<WorkRange>,
    /// Written-out lengths that count, in document order.
    pub durations: Vec<WorkDuration>,
    /// Months covered by `ranges`, overlaps once, internship-only months at half.
    pub months_from_ranges: f64,
    /// Months of `durations`, internships at half.
    pub months_from_durations: f64,
}

/// What a dated entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Entry {
    Job,
    Internship,
    /// Time off work: its months count for nothing.
    Leave,
    NotWork,
}

/// Reads the work history of a parsed resume (see the module documentation).
/// `as_of` is the month `Present` means.
///
/// ```
/// use skillgap::text::{work_history, Document, YearMonth};
/// let doc = Document::parse("Experience\nAcme — Backend Engineer\n2019-03 to present\n");
/// let work = work_history(&doc, YearMonth::new(2021, 2).unwrap());
/// assert_eq!(work.months_from_ranges, 24.0);
/// ```
pub fn work_history(doc: &Document, as_of: YearMonth) -> WorkHistory {
    work_history_marked(doc, &document_marks(doc), as_of)
}

/// [`work_history`] of a document whose segments' marks (`dates::marks`) are `marks`: only the
/// lines with a year are read for date ranges, and only those with a unit for role lengths.
pub(crate) fn work_history_marked(doc: &Document, marks: &[u8], as_of: YearMonth) -> WorkHistory {
    let segs = &doc.segments;
    let texts: Vec<&str> = segs.iter().map(|s| doc.segment_text(s)).collect();
    // Entries: runs of segments in one section between blank lines and headings.
    let mut entry_of = Vec::with_capacity(segs.len());
    let mut entry = 0usize;
    for (i, s) in segs.iter().enumerate() {
        let starts_new = i == 0
            || s.heading
            || texts[i].trim().is_empty()
            || segs[i - 1].section != s.section
            || segs[i - 1].heading;
        entry += usize::from(starts_new);
        entry_of.push(entry);
    }
    // The segment's text, with the line above when the line is little more than dates or a length.
    let context = |i: usize, read: &str| -> Cow<'_, str> {
        // The words of the line with `read` replaced by a space: those before it and those
        // after it (the space parts them).
        let words_with_letters = |t: &str| {
            t.split_whitespace()
                .filter(|w| w.chars().any(char::is_alphabetic))
                .count()
        };
        let words = match texts[i].find(read) {
            Some(at) => {
                words_with_letters(&texts[i][..at])
                    + words_with_letters(&texts[i][at + read.len()..])
            }
            None => words_with_letters(texts[i]),
        };
        let above = (0..i)
            .rev()
            .take_while(|&j| segs[j].section == segs[i].section && !segs[j].heading)
            .find(|&j| !texts[j].trim().is_empty());
        match above {
            Some(j) if words <= 3 => Cow::Owned(format!("{}\n{}", texts[j], texts[i])),
            _ => Cow::Borrowed(texts[i]),
        }
    };
    let kind = |text: &str| -> Entry {
        let named = Named::new(text);
        if named.leave() {
            Entry::Leave
        } else if named.not_work() || reads_as_study(text, named.job_title()) {
            Entry::NotWork
        } else if named.internship() {
            Entry::Internship
        } else {
            Entry::Job
        }
    };

    let mut work = WorkHistory::default();
    // Lines (and entries) that have any date range, counted or not.
    let mut dated: Vec<(usize, usize)> = Vec::new();
    let mut leave = Vec::new();
    for (i, s) in segs.iter().enumerate() {
        if s.heading || !matches!(s.section, Section::Experience | Section::Header) {
            continue;
        }
        let ranges = ranges_marked(texts[i], marks[i], as_of);
        let Some(first) = ranges.first() else {
            continue;
        };
        dated.push((s.line, entry_of[i]));
        let what = kind(&context(i, &first.text));
        if what == Entry::Leave {
            leave.extend(ranges);
            continue;
        }
        if what == Entry::NotWork {
            continue;
        }
        for range in ranges {
            work.ranges.push(WorkRange {
                line: s.line,
                half: what == Entry::Internship,
                range,
            });
        }
    }
    if !work.ranges.is_empty() {
        // Completed courses of study: dated lines in Education sections that end before `as_of`.
        let studies: Vec<DateRange> = segs
            .iter()
            .zip(&texts)
            .zip(marks)
            .filter(|((s, _), _)| s.section == Section::Education)
            .flat_map(|((_, t), &m)| ranges_marked(t, m, as_of))
            .filter(|r| r.end < as_of)
            .collect();
        let during_studies = |r: &DateRange| {
            studies
                .iter()
                .any(|st| st.start <= r.start && r.end <= st.end)
        };
        for r in &mut work.ranges {
            r.half |= during_studies(&r.range);
        }
    }
    for (i, s) in segs.iter().enumerate() {
        if s.heading || s.section != Section::Experience {
            continue;
        }
        let durations = durations_marked(texts[i], marks[i]);
        let Some(first) = durations.first() else {
            continue;
        };
        let covered = dated
            .iter()
            .any(|&(line, e)| e == entry_of[i] || line.abs_diff(s.line) <= 2);
        if covered {
            continue;
        }
        let what = kind(&context(i, &first.text));
        if matches!(what, Entry::NotWork | Entry::Leave) {
            continue;
        }
        for duration in durations {
            work.durations.push(WorkDuration {
                line: s.line,
                duration,
                half: what == Entry::Internship,
            });
        }
    }
    work.months_from_ranges = covered_months(&work.ranges, &leave);
    work.months_from_durations = work
        .durations
        .iter()
        .map(|d| d.duration.years * 12.0 * if d.half { 0.5 } else { 1.0 })
        .sum();
    work
}

/// Months covered by `ranges`, each month once: a whole month when a job covers it,
/// half when only internships do, nothing when `leave` does.
fn covered_months(ranges: &[WorkRange], leave: &[DateRange]) -> f64 {
    let span = |r: &DateRange| {
        let start = r.start.year * 12 + r.start.month as i32 - 1;
        (start, start + r.months as i32)
    };
    let Some(first) = ranges.iter().map(|r| span(&r.range).0).min() else {
        return 0.0;
    };
    let last = ranges
        .iter()
        .map(|r| span(&r.range).1)
        .max()
        .unwrap_or(first);
    let mut weight = vec![0.0f64; (last - first).max(0) as usize];
    for r in ranges {
        let (s, e) = span(&r.range);
        let w = if r.half { 0.5 } else { 1.0 };
        for m in &mut weight[(s - first) as usize..(e - first) as usize] {
            *m = m.max(w);
        }
    }
    for r in leave {
        let (s, e) = span(r);
        let (s, e) = (s.clamp(first, last), e.clamp(first, last));
        for m in &mut weight[(s - first) as usize..(e - first) as usize] {
            *m = 0.0;
        }
    }
    weight.iter().sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn years(resume: &str) -> f64 {
        let work = work_history(&Document::parse(resume), YearMonth::new(2026, 11).unwrap());
        (work.months_from_ranges + work.months_from_durations) / 12.0
    }

    #[test]
    fn title_company_and_dates_in_brackets_is_a_job() {
        assert_eq!(
            years("Experience\nBackend Engineer — Acme (Jan 2019 – Dec 2020)\n"),
            2.0
        );
    }

    #[test]
    fn parenthesised_note_before_dates_is_a_job() {
        let r = "Experience\nBackend Engineer — Acme (contract) (Jan 2019 – Dec 2020)\n\nSRE (Remote), Beta Ltd 03/2021 – 02/2022\n";
        assert_eq!(years(r), 3.0);
    }

    #[test]
    fn company_then_title_with_dates_on_their_own_line_is_a_job() {
        let r = "WORK EXPERIENCE\nAcme — Backend Engineer\n2019-03 to present\n- Built the billing API\n\nBeta — Developer\n03/2017 – 02/2019\n";
        assert_eq!(years(r), (93.0 + 24.0) / 12.0);
    }

    #[test]
    fn sub_roles_in_one_employer_are_not_counted_twice() {
        let r = "Experience\nAcme Corp (Jan 2016 – Dec 2020)\n  Senior Engineer (Jan 2019 – Dec 2020)\n  Engineer (Jan 2016 – Dec 2018)\nBeta — Developer (2014 – 2016)\n";
        // Acme is five years; Beta (mid-2014 to mid-2016) adds the eighteen months before it.
        assert_eq!(years(r), 5.0 + 1.5);
    }

    #[test]
    fn sub_roles_with_dates_on_their_own_lines_are_counted_once() {
        let r = "Experience\nAcme Corp\nStaff Engineer\nJan 2021 – Present\nSenior Engineer\nJan 2018 – Dec 2020\n";
        assert_eq!(years(r), (71.0 + 36.0) / 12.0);
    }

    #[test]
    fn project_durations_are_summed() {
        let r = "Company Details\ncompany - Acme Consulting\nProject Name: Billing\nConsultant: 8 months.\n\nProject Name: Ledger\nSenior Developer; 1 year 4 months\n\nSearch platform developer (2 yrs 3 mos)\n";
        assert_eq!(years(r), (8.0 + 16.0 + 27.0) / 12.0);
    }

    #[test]
    fn a_length_next_to_dates_only_restates_them() {
        let r =
            "Experience\nAcme Corp\n5 yrs 11 mos\nEngineer\nJan 2021 – Present (5 yrs 11 mos)\n";
        assert_eq!(years(r), 71.0 / 12.0);
    }

    #[test]
    fn a_length_in_a_sentence_is_not_a_role() {
        let r = "Experience\nAcme — Engineer (Jan 2020 – Dec 2020)\n\nCut release time in half within six months.\nShipped the app in 3 months\n";
        assert_eq!(years(r), 1.0);
    }

    #[test]
    fn volunteer_dates_are_not_experience() {
        let r = "Experience\nEngineer — Acme (Jan 2020 – Dec 2020)\nVolunteer mentor — Code Club (2012 – 2019)\nHackathon Participant — Example Summit (Jul 2019 – Jul 2019)\n\nVolunteering\nTreasurer — Food Bank (2010 – 2019)\n";
        assert_eq!(years(r), 1.0);
    }

    #[test]
    fn education_certification_and_personal_project_dates_are_not_experience() {
        let r = "Experience\nEngineer — Acme (Jan 2020 – Dec 2020)\nB.Tech, Example Institute of Technology (2015 – 2019)\n\nProjects\nChess engine (2016 – 2019)\n\nEducation\nUniversity of Somewhere (2011 – 2015)\n\nCertifications\nAWS Solutions Architect (Jan 2018 – Jan 2021)\n";
        assert_eq!(years(r), 1.0);
    }

    #[test]
    fn a_school_that_employs_you_is_work() {
        let r = "Experience\nSystem Administrator — Hill Primary School (Jan 2012 – Dec 2013)\nLecturer — University of Somewhere (Jan 2014 – Dec 2014)\nGraduate Software Developer — Acme (Jan 2015 – Dec 2015)\n";
        assert_eq!(years(r), 4.0);
    }

    #[test]
    fn internships_and_student_positions_count_half() {
        let r = "Experience\nEngineer — Acme (Jan 2020 – Dec 2021)\nSoftware Engineering Intern — Beta (Jun 2019 – Nov 2019)\nTeaching Assistant — University of Somewhere (Jan 2018 – Dec 2018)\nSummer Intern — Acme (Jun 2020 – Aug 2020)\n";
        // The second internship falls inside the job and adds nothing.
        assert_eq!(years(r), 2.0 + 0.25 + 0.5);
    }

    #[test]
    fn jobs_held_while_studying_count_half() {
        let r = "Experience\nEngineer — Acme (Sep 2017 – Aug 2019)\nIT Support — Campus Shop (Sep 2014 – Jun 2017)\n\nEducation\nBSc Computer Science — Example University (Sep 2013 – Jul 2017)\nMSc Data Science — Example University (Sep 2025 – Present)\n";
        assert_eq!(years(r), (24.0 + 34.0 / 2.0) / 12.0);
        // A course still under way says nothing about the jobs held meanwhile.
        let r = "Experience\nEngineer — Acme (Jan 2026 – Present)\n\nEducation\nMSc Data Science — Example University (Sep 2025 – Present)\n";
        assert_eq!(years(r), 11.0 / 12.0);
    }

    #[test]
    fn leave_takes_its_months_out() {
        let r = "Experience\nAcme Consulting — Founder\n2019-01 to 2020-12\n\nParental leave\n2019-01 to 2019-06\n";
        assert_eq!(years(r), 1.5);
    }

    #[test]
    fn an_end_just_after_as_of_ends_at_as_of() {
        // A resume written in November 2026 can give a job's end as January 2027.
        let r = "Experience\nEngineer — Acme (Dec 2024 – Jan 2027)\n";
        assert_eq!(years(r), 2.0);
    }

    #[test]
    fn a_skills_label_inside_a_job_keeps_the_jobs_below_it() {
        let r = "Experience\nEngineer — Acme (Jan 2020 – Dec 2020)\n- Technologies: Go, SQL\nDeveloper — Beta (Jan 2018 – Dec 2019)\n";
        assert_eq!(years(r), 3.0);
    }
}
