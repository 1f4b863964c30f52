//! A cheap guess at whether a passage is English, from its function words.
//!
//! The fuzzy stage takes a token for a misspelt skill only in English text:
//! in a Spanish line, `pagos` (payments) is one letter from `Paxos` and `redes`
//! (networks) one from `Redis`, and neither is a misspelling. A passage counts
//! as **foreign** when at least [`MIN_FOREIGN`] of its words are Spanish,
//! Portuguese, French or German function words and they outnumber its English
//! function words. Words are runs of Unicode letters, compared in lower case;
//! the lists (`data/stop-*.txt`) share no word with the English list, so a word
//! never counts for both sides.

use crate::hash::FastSet;
use std::sync::OnceLock;

/// How many foreign function words make a passage foreign (when they also
/// outnumber the English ones): one `de` in a school's name does not.
pub const MIN_FOREIGN: usize = 2;

use crate::data::{entries as words, STOP_ENGLISH as ENGLISH, STOP_OTHERS as OTHERS};

fn english() -> &'static FastSet<&'static str> {
    static SET: OnceLock<FastSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| words(ENGLISH).collect())
}

fn foreign() -> &'static FastSet<&'static str> {
    static SET: OnceLock<FastSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| OTHERS.iter().flat_map(|(_, l)| words(l)).collect())
}

/// English and foreign function words counted in some text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct StopWords {
    pub english: usize,
    pub foreign: usize,
}

impl StopWords {
    /// Counts the function words of `text`.
    pub fn count(text: &str) -> StopWords {
        let (en, other) = (english(), foreign());
        let mut out = StopWords::default();
        let mut word = String::new();
        for w in text
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| !w.is_empty() && w.len() <= 12)
        {
            word.clear();
            word.extend(w.chars().flat_map(char::to_lowercase));
            if en.contains(word.as_str()) {
                out.english += 1;
            } else if other.contains(word.as_str()) {
                out.foreign += 1;
            }
        }
        out
    }

    /// Both counts added.
    pub fn add(self, other: StopWords) -> StopWords {
        StopWords {
            english: self.english + other.english,
            foreign: self.foreign + other.foreign,
        }
    }

    /// How many function words were seen.
    pub fn total(self) -> usize {
        self.english + self.foreign
    }

    /// Whether the counted text reads as another language than English.
    pub fn is_foreign(self) -> bool {
        self.foreign >= MIN_FOREIGN && self.foreign > self.english
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stop_words_are_single_words_of_letters() {
        // Sorted, unique, lower case and disjoint from English: checked with every data file.
        for (name, list) in std::iter::once(("english", ENGLISH)).chain(OTHERS) {
            for x in words(list) {
                assert!(x.chars().all(char::is_alphabetic), "{name}: {x}");
            }
        }
    }

    #[test]
    fn spanish_lines_are_foreign_and_english_lines_are_not() {
        let es = "Pasarela de pagos para tiendas: servicio en React, con pruebas del equipo";
        assert!(StopWords::count(es).is_foreign());
        let pt = "Desenvolvimento de APIs em Java para o sistema de pagamentos com Kafka";
        assert!(StopWords::count(pt).is_foreign());
        let fr = "Développement des services de paiement avec Kafka pour la banque";
        assert!(StopWords::count(fr).is_foreign());
        let de = "Entwicklung der Zahlungsdienste mit Kafka und Java für die Bank";
        assert!(StopWords::count(de).is_foreign());
        let en = "Built the payments SDK in React and wrote the docs for it";
        assert!(!StopWords::count(en).is_foreign());
    }

    #[test]
    fn one_foreign_name_in_an_english_line_is_not_a_foreign_line() {
        let line = "B.Sc. in Computer Science, Universidad de Chile, with honours";
        assert!(!StopWords::count(line).is_foreign());
        assert!(!StopWords::count("Universidad de Chile").is_foreign());
    }
}
