//! The language word lists of the `data/` folder (stop words, headings, number words, name
//! cues…), compiled in with `include_str!`, and the one reader of their format. A bottom
//! module: it imports nothing from the crate, so `text`, `matcher` and the JD reader can all
//! use it. `data/README.md` says what each file holds, what reads it and where it came from.
//!
//! The format of every `data/*.txt` file: UTF-8, one entry a line, a line starting with `#`
//! is a comment, blank lines are ignored; entries are unique and sorted in byte order unless
//! the file's first line is `# order: meaningful` (then the order is part of the data, as in
//! `number-words.txt`, where an entry's position is its value). The tests of this module
//! check every file of the folder against this, and the lists that must not share an entry.

/// The entries of a data file, in file order: its lines without the line break, leaving out
/// comment lines (`#`) and blank lines.
pub(crate) fn entries(file: &'static str) -> impl Iterator<Item = &'static str> + Clone {
    file.lines()
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
}

/// English function words (language guess of the fuzzy stage).
pub(crate) const STOP_ENGLISH: &str = include_str!("../data/stop-english.txt");
/// Function words of the other languages the language guess knows, with their names.
pub(crate) const STOP_OTHERS: [(&str, &str); 4] = [
    ("spanish", include_str!("../data/stop-spanish.txt")),
    ("portuguese", include_str!("../data/stop-portuguese.txt")),
    ("french", include_str!("../data/stop-french.txt")),
    ("german", include_str!("../data/stop-german.txt")),
];
/// Ordinary English words of five letters or more (SCOWL), never taken for misspelt skills.
/// The library reads them as the hashed tables `build.rs` makes of both lists
/// (`matcher::dictionary`); the text is here for the tests that check the tables.
#[cfg(test)]
pub(crate) const ENGLISH_WORDS: &str = include_str!("../data/english-words.txt");
/// English words the generated `english-words.txt` lacks.
#[cfg(test)]
pub(crate) const ENGLISH_WORDS_EXTRA: &str = include_str!("../data/english-words-extra.txt");
/// Company suffixes ("ltd", "gmbh"): a capitalised word before one is part of a name.
pub(crate) const COMPANY_SUFFIXES: &str = include_str!("../data/company-suffixes.txt");
/// Words after which a capitalised word names an organisation ("at", "client").
pub(crate) const NAME_CUES: &str = include_str!("../data/name-cues.txt");
/// Words of job titles ("developer"): a capitalised word beside one is not part of a name.
pub(crate) const ROLE_WORDS: &str = include_str!("../data/role-words.txt");
/// Dated entries that are internships.
pub(crate) const ENTRY_INTERNSHIP: &str = include_str!("../data/entry-internship.txt");
/// Dated entries that name a job title.
pub(crate) const ENTRY_JOB_TITLE: &str = include_str!("../data/entry-job-title.txt");
/// Dated entries that are time off work.
pub(crate) const ENTRY_LEAVE: &str = include_str!("../data/entry-leave.txt");
/// Dated entries that are not paid work.
pub(crate) const ENTRY_NOT_WORK: &str = include_str!("../data/entry-not-work.txt");
/// Numbers written as words, `zero` to `twenty`, in order.
pub(crate) const NUMBER_WORDS: &str = include_str!("../data/number-words.txt");
/// The three-letter prefixes of the month names, January first.
pub(crate) const MONTH_PREFIXES: &str = include_str!("../data/month-prefixes.txt");
/// Words before a length that make it part of a sentence ("within six months").
pub(crate) const NOT_A_ROLE_LENGTH: &str = include_str!("../data/not-a-role-length.txt");
/// Resume section headings (folded), per section name.
pub(crate) const HEADINGS: [(&str, &str); 7] = [
    ("summary", include_str!("../data/headings-summary.txt")),
    ("skills", include_str!("../data/headings-skills.txt")),
    (
        "experience",
        include_str!("../data/headings-experience.txt"),
    ),
    ("projects", include_str!("../data/headings-projects.txt")),
    ("education", include_str!("../data/headings-education.txt")),
    (
        "certifications",
        include_str!("../data/headings-certifications.txt"),
    ),
    ("other", include_str!("../data/headings-other.txt")),
];

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::{BTreeMap, HashSet};
    use std::path::Path;

    /// The line that, first in a file, says its entries are in a meaningful order.
    const ORDER_MEANINGFUL: &str = "# order: meaningful";

    /// Every `data/*.txt` file, by name, read from the folder (so a new file is checked
    /// without being listed here).
    fn data_files() -> BTreeMap<String, String> {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
        let mut files = BTreeMap::new();
        for entry in std::fs::read_dir(&dir).expect("data/ is readable") {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "txt") {
                let bytes = std::fs::read(&path).unwrap();
                let text = String::from_utf8(bytes)
                    .unwrap_or_else(|_| panic!("{}: not UTF-8", path.display()));
                let name = path.file_name().unwrap().to_string_lossy().into_owned();
                files.insert(name, text);
            }
        }
        assert!(
            files.len() >= 20,
            "data/ lost its files: {:?}",
            files.keys()
        );
        files
    }

    /// The entries of a file read at run time (`entries` wants a `'static` text).
    fn entries_of(text: &str) -> Vec<&str> {
        text.lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .collect()
    }

    #[test]
    fn every_data_file_is_well_formed_unique_and_sorted_unless_its_order_is_meaningful() {
        for (name, text) in data_files() {
            assert!(text.ends_with('\n'), "{name}: ends without a line break");
            let ordered = text.lines().next() == Some(ORDER_MEANINGFUL);
            let mut seen = HashSet::new();
            let mut previous: Option<&str> = None;
            for (n, line) in text.lines().enumerate() {
                let at = format!("{name}:{}", n + 1);
                assert!(!line.contains('\r'), "{at}: CR line ending");
                if line.starts_with('#') {
                    continue;
                }
                assert_eq!(line, line.trim(), "{at}: blank around the entry {line:?}");
                if line.is_empty() {
                    continue;
                }
                assert!(seen.insert(line), "{at}: {line:?} is listed twice");
                if !ordered {
                    if let Some(p) = previous {
                        assert!(
                            p.as_bytes() < line.as_bytes(),
                            "{at}: {line:?} comes before {p:?} in byte order (sort the file, \
                             or make its first line `{ORDER_MEANINGFUL}`)"
                        );
                    }
                }
                previous = Some(line);
            }
            assert!(!seen.is_empty(), "{name}: no entries");
        }
    }

    #[test]
    fn every_data_file_is_described_in_the_readme() {
        let readme =
            std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("data/README.md"))
                .unwrap();
        for name in data_files().keys() {
            assert!(
                readme.contains(&format!("`{name}`")),
                "data/README.md: {name}"
            );
        }
    }

    /// Lists that must share no entry: an entry in both would count for two opposite things.
    /// - a foreign stop word that is also English would count for both languages;
    /// - a dated entry word in two `entry-*` lists would be, say, both a job and leave;
    /// - a heading in two `headings-*` lists would open two sections;
    /// - `english-words-extra.txt` holds only what `english-words.txt` lacks.
    #[test]
    fn lists_that_decide_between_two_readings_share_no_entry() {
        let files = data_files();
        let with = |prefix: &str| -> Vec<&String> {
            files.keys().filter(|n| n.starts_with(prefix)).collect()
        };
        let mut groups: Vec<Vec<&String>> =
            vec![with("entry-"), with("headings-"), with("english-words")];
        // Foreign stop words only against the English ones ("de" is Spanish and Portuguese).
        let english = with("stop-english.txt");
        for other in with("stop-") {
            if other != "stop-english.txt" {
                groups.push(vec![english[0], other]);
            }
        }
        for group in groups {
            assert!(group.len() >= 2, "{group:?}");
            for (i, a) in group.iter().enumerate() {
                let a_entries: HashSet<&str> = entries_of(&files[*a]).into_iter().collect();
                for b in &group[i + 1..] {
                    for e in entries_of(&files[*b]) {
                        assert!(!a_entries.contains(e), "{e:?} is in both {a} and {b}");
                    }
                }
            }
        }
    }

    #[test]
    fn word_lists_of_letters_are_lower_case() {
        for (name, text) in data_files() {
            if name.starts_with("jd-") {
                continue; // the JD reader's phrase tables keep their own rules
            }
            for e in entries_of(&text) {
                assert_eq!(e, e.to_lowercase(), "{name}: {e:?}");
            }
        }
    }

    #[test]
    fn the_loader_reads_entries_and_skips_comments_and_blank_lines() {
        let file = "# order: meaningful\n# a comment\nzero\n\none\r\ntwo words\n";
        let got: Vec<&str> = entries(file).collect();
        assert_eq!(got, ["zero", "one", "two words"]);
        assert_eq!(entries(NUMBER_WORDS).nth(20), Some("twenty"));
        assert_eq!(entries(MONTH_PREFIXES).count(), 12);
    }
}
