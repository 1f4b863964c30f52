//! Word lists that say what kind of entry a dated line is (`entry-words.txt`).
//!
//! Matching is whole-word (a word is a run of letters, digits, `-` and `'`) and ignores
//! ASCII case, so `intern` finds "Software Intern" but not "internal tools".

use std::sync::OnceLock;

/// An entry of a list, split into its words.
type Phrase = Vec<&'static str>;

/// The lists of `entry-words.txt`.
struct Lists {
    internship: Vec<Phrase>,
    job_title: Vec<Phrase>,
    leave: Vec<Phrase>,
    not_work: Vec<Phrase>,
}

const DATA: &str = include_str!("entry-words.txt");

/// The `[name]` lists of the data file, in order, with their entries.
fn parse(data: &'static str) -> Vec<(&'static str, Vec<&'static str>)> {
    let mut lists: Vec<(&str, Vec<&str>)> = Vec::new();
    for line in data.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            lists.push((name, Vec::new()));
        } else if let Some((_, entries)) = lists.last_mut() {
            entries.push(line);
        }
    }
    lists
}

fn lists() -> &'static Lists {
    static LISTS: OnceLock<Lists> = OnceLock::new();
    LISTS.get_or_init(|| {
        let mut parsed = parse(DATA);
        let mut take = |name: &str| {
            parsed
                .iter_mut()
                .find(|(n, _)| *n == name)
                .map(|(_, e)| e.iter().map(|p| words(p).collect()).collect())
                .unwrap_or_default()
        };
        Lists {
            internship: take("internship"),
            job_title: take("job-title"),
            leave: take("leave"),
            not_work: take("not-work"),
        }
    })
}

/// The words of `text`: runs of letters, digits, `-` and `'`.
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\''))
        .filter(|w| !w.is_empty())
}

/// Whether `text` holds one of `list`'s entries as whole words, ignoring ASCII case; the
/// last word may take a plural `s` ("Engineers").
fn any_of(text: &str, list: &[Phrase]) -> bool {
    let text: Vec<&str> = words(text).collect();
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
    any_of(text, &lists().job_title)
}

/// Whether `text` names an internship ("Software Engineering Intern", "Internship").
pub(crate) fn names_internship(text: &str) -> bool {
    any_of(text, &lists().internship)
}

/// Whether `text` names time off work ("Parental leave", "Sabbatical").
pub(crate) fn names_leave(text: &str) -> bool {
    any_of(text, &lists().leave)
}

/// Whether `text` names an entry that is not paid work ("Volunteer", "Parental leave").
pub(crate) fn names_not_work(text: &str) -> bool {
    any_of(text, &lists().not_work)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_lists_are_sorted_unique_lower_case_and_disjoint() {
        let parsed = parse(DATA);
        let names: Vec<&str> = parsed.iter().map(|(n, _)| *n).collect();
        assert_eq!(names, ["internship", "job-title", "leave", "not-work"]);
        let mut seen = std::collections::HashSet::new();
        for (name, entries) in &parsed {
            assert!(!entries.is_empty(), "[{name}] is empty");
            assert!(
                entries.windows(2).all(|w| w[0] < w[1]),
                "[{name}] is not sorted or has a duplicate"
            );
            for e in entries {
                assert_eq!(*e, e.to_lowercase(), "[{name}] {e}");
                assert!(seen.insert(*e), "{e} is in two lists");
            }
        }
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
