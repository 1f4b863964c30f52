//! Word lists that say what kind of entry a dated line is (`data/entry-*.txt`).
//!
//! Matching is whole-word (a word is a run of letters, digits, `-` and `'`) and ignores
//! ASCII case, so `intern` finds "Software Intern" but not "internal tools".

use crate::data::{entries, ENTRY_INTERNSHIP, ENTRY_JOB_TITLE, ENTRY_LEAVE, ENTRY_NOT_WORK};
use crate::hash::FastMap;
use std::sync::OnceLock;

/// An entry of a list, split into its words.
type Phrase = Vec<&'static str>;

/// The lists of `data/entry-*.txt`, in the order of [`INTERNSHIP`], [`JOB_TITLE`], [`LEAVE`]
/// and [`NOT_WORK`], and their entries by first word.
struct Lists {
    lists: [Vec<Phrase>; 4],
    /// Every entry (list, index in it) by its first word, ASCII lower case: an entry can only
    /// be found where a word of the text is that word (or, for one word, that word and `s`).
    by_first: FastMap<Vec<u8>, Vec<(usize, usize)>>,
}

const INTERNSHIP: usize = 0;
const JOB_TITLE: usize = 1;
const LEAVE: usize = 2;
const NOT_WORK: usize = 3;

fn lists() -> &'static Lists {
    static LISTS: OnceLock<Lists> = OnceLock::new();
    LISTS.get_or_init(|| {
        let take = |file: &'static str| -> Vec<Phrase> {
            entries(file).map(|p| words(p).collect()).collect()
        };
        let lists = [
            take(ENTRY_INTERNSHIP),
            take(ENTRY_JOB_TITLE),
            take(ENTRY_LEAVE),
            take(ENTRY_NOT_WORK),
        ];
        let mut by_first: FastMap<Vec<u8>, Vec<(usize, usize)>> = FastMap::default();
        for (li, list) in lists.iter().enumerate() {
            for (ei, entry) in list.iter().enumerate() {
                if let Some(first) = entry.first() {
                    by_first
                        .entry(first.as_bytes().to_ascii_lowercase())
                        .or_default()
                        .push((li, ei));
                }
            }
        }
        Lists { lists, by_first }
    })
}

/// The words of `text`: runs of letters, digits, `-` and `'`.
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\''))
        .filter(|w| !w.is_empty())
}

/// [`words`] of an ASCII text, read byte by byte (a character is a byte there).
fn ascii_words(text: &str) -> Vec<&str> {
    let in_word = |b: u8| b.is_ascii_alphanumeric() || b == b'-' || b == b'\'';
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if !in_word(bytes[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && in_word(bytes[i]) {
            i += 1;
        }
        out.push(&text[start..i]);
    }
    out
}

/// The words of one text, read once for all the lists (see [`Named::new`]).
pub(crate) struct Named {
    /// Whether the text holds an entry of each list.
    found: [bool; 4],
}

impl Named {
    /// Reads `text`'s words once and looks each up among the lists' first words.
    pub(crate) fn new(text: &str) -> Named {
        let lists = lists();
        let words: Vec<&str> = if text.is_ascii() {
            ascii_words(text)
        } else {
            words(text).collect()
        };
        let mut found = [false; 4];
        let mut lower = Vec::new();
        for (i, w) in words.iter().enumerate() {
            lower.clear();
            lower.extend_from_slice(w.as_bytes());
            lower.make_ascii_lowercase();
            let at = &words[i..];
            if let Some(candidates) = lists.by_first.get(lower.as_slice()) {
                for &(li, ei) in candidates {
                    found[li] |= holds_at(at, &lists.lists[li][ei]);
                }
            }
            // A one-word entry in the plural ("Engineers").
            if let Some(singular) = lower.strip_suffix(b"s") {
                if let Some(candidates) = lists.by_first.get(singular) {
                    for &(li, ei) in candidates {
                        let entry = &lists.lists[li][ei];
                        found[li] |= entry.len() == 1 && holds_at(at, entry);
                    }
                }
            }
        }
        Named { found }
    }

    /// Whether the text names a job title ("Engineer", "Lecturer", "Teaching Assistant").
    pub(crate) fn job_title(&self) -> bool {
        self.found[JOB_TITLE]
    }

    /// Whether the text names an internship ("Software Engineering Intern", "Internship").
    pub(crate) fn internship(&self) -> bool {
        self.found[INTERNSHIP]
    }

    /// Whether the text names time off work ("Parental leave", "Sabbatical").
    pub(crate) fn leave(&self) -> bool {
        self.found[LEAVE]
    }

    /// Whether the text names an entry that is not paid work ("Volunteer", "Parental leave").
    pub(crate) fn not_work(&self) -> bool {
        self.found[NOT_WORK]
    }
}

/// Whether the words `text` start with `entry`, ignoring ASCII case; the last word may take a
/// plural `s` ("Engineers").
fn holds_at(text: &[&str], entry: &[&str]) -> bool {
    let n = entry.len();
    n > 0
        && text.len() >= n
        && text[..n - 1]
            .iter()
            .zip(&entry[..n - 1])
            .all(|(a, b)| a.eq_ignore_ascii_case(b))
        && (text[n - 1].eq_ignore_ascii_case(entry[n - 1])
            || text[n - 1].len() == entry[n - 1].len() + 1
                && text[n - 1].is_char_boundary(entry[n - 1].len())
                && text[n - 1][..entry[n - 1].len()].eq_ignore_ascii_case(entry[n - 1])
                && text[n - 1][entry[n - 1].len()..].eq_ignore_ascii_case("s"))
}

/// The reference [`Named`] is checked against (tests): whether the words `text` hold one of `list`'s entries, ignoring ASCII case; the last
/// word may take a plural `s` ("Engineers").
#[cfg(test)]
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
    fn named_reads_as_the_list_by_list_search() {
        // Every entry as written, shouted, in the plural and inside other words, and every line
        // of the fixture resumes: one pass over the first words answers as the search of each
        // list over every window of words does.
        let mut texts: Vec<String> = Vec::new();
        for list in &lists().lists {
            for entry in list {
                let phrase = entry.join(" ");
                texts.push(format!("Acme — {phrase} (2019 - 2021)"));
                texts.push(phrase.to_uppercase());
                texts.push(format!("{phrase}s, {phrase}S and {phrase}es"));
                texts.push(format!("pre{phrase} {}", phrase.replace(' ', "-")));
            }
        }
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/resumes");
        for file in std::fs::read_dir(dir).unwrap() {
            let text = std::fs::read_to_string(file.unwrap().path()).unwrap_or_default();
            texts.extend(text.lines().map(str::to_string));
        }
        let l = lists();
        for text in &texts {
            let w: Vec<&str> = words(text).collect();
            if text.is_ascii() {
                assert_eq!(ascii_words(text), w, "{text}");
            }
            let named = Named::new(text);
            assert_eq!(
                named.internship(),
                any_of(&w, &l.lists[INTERNSHIP]),
                "{text}"
            );
            assert_eq!(named.job_title(), any_of(&w, &l.lists[JOB_TITLE]), "{text}");
            assert_eq!(named.leave(), any_of(&w, &l.lists[LEAVE]), "{text}");
            assert_eq!(named.not_work(), any_of(&w, &l.lists[NOT_WORK]), "{text}");
        }
        assert!(texts.len() > 1000);
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
