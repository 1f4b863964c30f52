//! The job-description reader's word lists, compiled in from `data/jd-*.txt`.
//!
//! The format (shared by every `data/*.txt`) is read by `crate::data::entries`
//! and checked, for every file of the folder, by the tests of `src/data.rs`.

/// The one reader of the `data/` format (`src/data.rs`).
pub(crate) use crate::data::entries;

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
