//! The job-description reader's word lists, compiled in from `data/jd-*.txt`.
//!
//! Format (shared by every `data/*.txt`): UTF-8, one entry a line, `#` starts a
//! comment line, blank lines are ignored; entries are unique and sorted in byte
//! order unless the file's first line is `# order: meaningful`.

/// The entries of a data file's text: lines that are neither blank nor comments.
pub(crate) fn entries(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// A word list of `data/` as a slice, read once: `word_list!("jd-jargon.txt")`.
macro_rules! word_list {
    ($file:literal) => {{
        static LIST: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
        LIST.get_or_init(|| {
            super::data::entries(include_str!(concat!("../../data/", $file))).collect()
        })
        .as_slice()
    }};
}
pub(crate) use word_list;

#[cfg(test)]
mod tests {
    use super::entries;

    const FILES: &[(&str, &str)] = &[
        (
            "jd-abbreviations.txt",
            include_str!("../../data/jd-abbreviations.txt"),
        ),
        (
            "jd-addressing-words.txt",
            include_str!("../../data/jd-addressing-words.txt"),
        ),
        (
            "jd-determiners.txt",
            include_str!("../../data/jd-determiners.txt"),
        ),
        (
            "jd-function-words.txt",
            include_str!("../../data/jd-function-words.txt"),
        ),
        (
            "jd-headings.txt",
            include_str!("../../data/jd-headings.txt"),
        ),
        (
            "jd-intro-words.txt",
            include_str!("../../data/jd-intro-words.txt"),
        ),
        ("jd-jargon.txt", include_str!("../../data/jd-jargon.txt")),
        (
            "jd-mid-sentence-words.txt",
            include_str!("../../data/jd-mid-sentence-words.txt"),
        ),
        (
            "jd-past-tense.txt",
            include_str!("../../data/jd-past-tense.txt"),
        ),
        (
            "jd-product-families.txt",
            include_str!("../../data/jd-product-families.txt"),
        ),
        (
            "jd-requirement-openers.txt",
            include_str!("../../data/jd-requirement-openers.txt"),
        ),
        (
            "jd-role-words.txt",
            include_str!("../../data/jd-role-words.txt"),
        ),
        (
            "jd-short-words.txt",
            include_str!("../../data/jd-short-words.txt"),
        ),
        (
            "jd-stop-acronyms.txt",
            include_str!("../../data/jd-stop-acronyms.txt"),
        ),
        (
            "jd-stop-words.txt",
            include_str!("../../data/jd-stop-words.txt"),
        ),
        (
            "jd-team-words.txt",
            include_str!("../../data/jd-team-words.txt"),
        ),
        (
            "jd-tech-acronyms.txt",
            include_str!("../../data/jd-tech-acronyms.txt"),
        ),
        ("jd-tlds.txt", include_str!("../../data/jd-tlds.txt")),
    ];

    fn file(name: &str) -> &'static str {
        FILES.iter().find(|(n, _)| *n == name).unwrap().1
    }

    #[test]
    fn every_jd_data_file_is_listed_here() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/data");
        let mut on_disk: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .filter(|n| n.starts_with("jd-") && n.ends_with(".txt"))
            .collect();
        on_disk.sort();
        let listed: Vec<&str> = FILES.iter().map(|(n, _)| *n).collect();
        assert_eq!(on_disk, listed);
    }

    #[test]
    fn entries_are_unique_and_sorted_unless_order_is_meaningful() {
        for (name, text) in FILES {
            let list: Vec<&str> = entries(text).collect();
            assert!(!list.is_empty(), "{name} is empty");
            let ordered = text.lines().next() == Some("# order: meaningful");
            let mut seen = std::collections::HashSet::new();
            for e in &list {
                assert!(seen.insert(*e), "{name}: `{e}` twice");
            }
            if !ordered {
                for w in list.windows(2) {
                    assert!(w[0] < w[1], "{name}: not sorted: `{}` / `{}`", w[0], w[1]);
                }
            }
        }
    }

    #[test]
    fn word_lists_are_folded() {
        for (name, text) in FILES {
            // Phrases compared with folded text; the other lists are compared
            // with words as written (lower-cased) or hold punctuation.
            let folded = [
                "jd-addressing-words.txt",
                "jd-mid-sentence-words.txt",
                "jd-requirement-openers.txt",
                "jd-short-words.txt",
            ];
            if !folded.contains(name) {
                continue;
            }
            for e in entries(text) {
                assert_eq!(
                    super::super::sections::fold(e),
                    e,
                    "{name}: `{e}` is not folded"
                );
            }
        }
    }

    #[test]
    fn headings_name_a_known_section() {
        for e in entries(file("jd-headings.txt")) {
            let (section, phrase) = e.split_once(' ').expect("SECTION PHRASE");
            assert!(
                super::super::sections::section_named(section).is_some(),
                "unknown section in `{e}`"
            );
            let bare = phrase.trim_start_matches(['=', '^']).trim_end_matches('$');
            assert_eq!(
                super::super::sections::fold(bare),
                bare,
                "`{e}` is not folded"
            );
        }
    }

    #[test]
    fn a_past_tense_is_no_longer_than_its_verb() {
        for e in entries(file("jd-past-tense.txt")) {
            let (verb, past) = e.split_once(' ').expect("VERB PAST");
            assert!(past.len() <= verb.len(), "`{e}`: offsets would move");
        }
    }
}
