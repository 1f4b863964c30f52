//! Word lists that say what kind of entry a dated line is (`data/entry-*.txt`).
//!
//! Matching is whole-word (a word is a run of letters, digits, `-` and `'`) and ignores
//! ASCII case, so `intern` finds "Software Intern" but not "internal tools".

use crate::data::{entries, ENTRY_INTERNSHIP, ENTRY_JOB_TITLE, ENTRY_LEAVE, ENTRY_NOT_WORK};
use std::sync::OnceLock;

/// An entry of a list, split into its words.
type Phrase = Vec<&'static str>;

/// The lists of `data/entry-*.txt`.
struct Lists {
    internship: Vec<Phrase>,
    job_title: Vec<Phrase>,
    leave: Vec<Phrase>,
    not_work: Vec<Phrase>,
}

fn lists() -> &'static Lists {
    static LISTS: OnceLock<Lists> = OnceLock::new();
    LISTS.get_or_init(|| {
        let take = |file: &'static str| entries(file).map(|p| words(p).collect()).collect();
        Lists {
            internship: take(ENTRY_INTERNSHIP),
            job_title: take(ENTRY_JOB_TITLE),
            leave: take(ENTRY_LEAVE),
            not_work: take(ENTRY_NOT_WORK),
        }
    })
}

/// The words of `text`: runs of letters, digits, `-` and `'`.
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\''))
        .filter(|w| !w.is_empty())
}

/// The words of one text, read once for several lists (see [`Named::new`]).
pub(crate) struct Named<'a>(Vec<&'a str>);

impl<'a> Named<'a> {
    pub(crate) fn new(text: &'a str) -> Named<'a> {
        Named(words(text).collect())
    }

    /// Whether the text names a job title ("Engineer", "Lecturer", "Teaching Assistant").
    pub(crate) fn job_title(&self) -> bool {
        any_of(&self.0, &lists().job_title)
    }

    /// Whether the text names an internship ("Software Engineering Intern", "Internship").
    pub(crate) fn internship(&self) -> bool {
        any_of(&self.0, &lists().internship)
    }

    /// Whether the text names time off work ("Parental leave", "Sabbatical").
    pub(crate) fn leave(&self) -> bool {
        any_of(&self.0, &lists().leave)
    }

    /// Whether the text names an entry that is not paid work ("Volunteer", "Parental leave").
    pub(crate) fn not_work(&self) -> bool {
        any_of(&self.0, &lists().not_work)
    }
}

/// Whether the words `text` hold one of `list`'s entries, ignoring ASCII case; the last
/// word may take a plural `s` ("Engineers").
fn any_of(text: &[&str], list: &[Phrase]) -> bool {
    list.iter().any(|entry| {
        let n = entry.len();
        n > 0
            && text.windows(n).any(|w| {
                w[..n - 1]
                    .iter()
                    .zip(&entry[..n - 1])
                    .all(|(a, b)| a.eq_ignore_ascii_case(b))
                    && (w[n - 1].eq_ignore_ascii_case(entry[n - 1])
                        || w[n - 1].len() == entry[n - 1].len() + 1
                            && w[n - 1].is_char_boundary(entry[n - 1].len())
                            && w[n - 1][..entry[n - 1].len()].eq_ignore_ascii_case(entry[n - 1])
                            && w[n - 1][entry[n - 1].len()..].eq_ignore_ascii_case("s"))
            })
    })
}

/// Whether `text` names a job title ("Engineer", "Lecturer", "Teaching Assistant").
pub(crate) fn names_job_title(text: &str) -> bool {
    Named::new(text).job_title()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names_internship(text: &str) -> bool {
        Named::new(text).internship()
    }

    fn names_leave(text: &str) -> bool {
        Named::new(text).leave()
    }

    fn names_not_work(text: &str) -> bool {
        Named::new(text).not_work()
    }

    #[test]
    fn words_match_whole_words_only() {
        assert!(names_internship("Software Engineering Intern — Acme"));
        assert!(names_internship("Summer internships (2017)"));
        assert!(!names_internship("Built internal tools"));
        assert!(!names_internship("International Business Machines"));
        assert!(names_job_title("Lecturer — University of Leeds"));
        assert!(names_job_title("ENGINEERS"));
        assert!(!names_job_title("Engineering Department"));
        assert!(names_leave("Parental leave — Parental leave"));
        assert!(names_not_work("Volunteer coordinator"));
        assert!(!names_not_work("Played a key role"));
    }
}
