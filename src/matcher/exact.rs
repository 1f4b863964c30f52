//! The exact stage: one Aho-Corasick automaton over every name and alias.
//!
//! Semantics:
//! - **ASCII case-insensitive**: `postgres`, `Postgres` and `POSTGRES` are the
//!   same; non-ASCII letters must match as written. Ambiguous spellings marked
//!   `case_sensitive` must match their case exactly (`Go`, not `go`).
//! - **Leftmost-longest**: among spellings that match at the leftmost position,
//!   the longest wins, so `Spring Boot` beats `Spring` and `JavaScript` beats
//!   `Java`.
//! - **Whole words**: where a spelling begins with a letter or digit, the
//!   character before it must not be one (nor `_`); where it ends with a letter,
//!   the character after it must not be a letter (nor `_`), and a digit is
//!   allowed after spellings of three or more characters (`Java8`, `Python3`).
//!   Words joined in CamelCase are one word (`JavaScript` never yields `Java`,
//!   even in a taxonomy that lacks a `JavaScript` spelling).
//!   Edges that are punctuation (`C++`, `C#`, `.NET`) are not checked, so
//!   `C++11` is C++ and `ASP.NET` finds `.NET` unless `ASP.NET` is itself a
//!   spelling (then it wins, being longer and further left). A candidate that
//!   fails the boundary check gives way to the next longest spelling that
//!   starts at the same place (`Java services` is `Java`, although `Java SE`
//!   matches its first seven letters); when none fits, the search resumes one
//!   byte after that start, so `NoSQL` never yields `SQL` and `MySQL` never
//!   yields `SQL`.
//!   Spellings never span lines.
//!
//! The automaton is a trie of the spellings (`trie`), walked down from each place a
//! whole word may start; the walk's last spelling that fits the rules above is the hit.
//! This gives the same hits as an Aho-Corasick automaton searched leftmost-longest (the
//! stage's first form, kept in the tests as the reference) because a hit can only start
//! where [`starts_word`] holds: the leftmost start with a fitting spelling is the first such
//! place, and the spellings found there are tried longest first. For the built-in taxonomy
//! the trie is made by `build.rs` and used as it is (building the Aho-Corasick automaton of
//! its 2,284 spellings cost 57 M instructions, 10-14 ms, at every start; the `daachorse`
//! crate's double-array automaton can be serialised, but loading it needs `unsafe` and it
//! cannot list the shorter spellings at a start). Another taxonomy's trie is built when it
//! is loaded, unless all its spellings are built-in ones.

use super::trie::{self, OwnedTrie, Trie, NONE, ROOT};
use std::borrow::Cow;

/// The built-in taxonomy's trie: byte classes and slots (`build.rs`, `trie::to_rust`).
static BUILTIN: (&[u8; 256], &[u32]) = include!(concat!(env!("OUT_DIR"), "/exact-trie.rs"));

/// What kind of spelling a pattern is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Spelling {
    /// The skill's display name.
    Name,
    /// An alias.
    Alias,
    /// An ambiguous spelling that needs context.
    Ambiguous,
}

/// One pattern of the automaton.
#[derive(Debug, Clone)]
pub(crate) struct Pattern {
    pub skill: usize,
    pub spelling: Spelling,
    pub case_sensitive: bool,
    pub text: String,
}

/// The compiled exact stage.
#[derive(Debug, Clone)]
pub(crate) struct Exact {
    trie: Trie<Cow<'static, [u8; 256]>, Cow<'static, [u32]>>,
    /// For each key of the trie, the first pattern that spells it (ASCII case folded), or
    /// [`NONE`] (a built-in spelling this taxonomy lacks).
    pattern_of: Vec<u32>,
    pub patterns: Vec<Pattern>,
}

/// A raw exact hit: pattern index and byte span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Hit {
    pub pattern: usize,
    pub start: usize,
    pub end: usize,
}

impl Exact {
    /// Builds the automaton. Patterns are deduplicated case-insensitively; the
    /// first owner of a spelling keeps it (validation forbids shared spellings).
    pub fn new(patterns: Vec<Pattern>) -> Exact {
        let patterns: Vec<Pattern> = patterns
            .into_iter()
            .filter(|p| !p.text.trim().is_empty())
            .collect();
        let builtin = Trie {
            classes: Cow::Borrowed(BUILTIN.0),
            slots: Cow::Borrowed(BUILTIN.1),
        };
        let keys: Option<Vec<u32>> = patterns
            .iter()
            .map(|p| builtin.find(p.text.as_bytes()))
            .collect();
        let (trie, keys) = match keys {
            Some(keys) => (builtin, keys),
            None => {
                let OwnedTrie { classes, slots } =
                    trie::of_spellings(patterns.iter().map(|p| p.text.as_str()));
                let trie = Trie {
                    classes: Cow::Owned(*classes),
                    slots: Cow::Owned(slots),
                };
                let keys = patterns
                    .iter()
                    .map(|p| trie.find(p.text.as_bytes()))
                    .collect::<Option<_>>()
                    .expect("the trie holds every pattern's spelling");
                (trie, keys)
            }
        };
        // The same key is the same spelling, ASCII case folded: drop repeats of a key and
        // case sensitivity, and note each key's first pattern.
        let mut seen: Vec<u8> = Vec::new();
        let mut pattern_of: Vec<u32> = Vec::new();
        let mut kept = Vec::with_capacity(patterns.len());
        for (p, key) in patterns.into_iter().zip(keys) {
            let key = key as usize;
            if key >= seen.len() {
                seen.resize(key + 1, 0);
                pattern_of.resize(key + 1, NONE);
            }
            let bit = 1u8 << u8::from(p.case_sensitive);
            if seen[key] & bit != 0 {
                continue;
            }
            seen[key] |= bit;
            if pattern_of[key] == NONE {
                pattern_of[key] = kept.len() as u32;
            }
            kept.push(p);
        }
        Exact {
            trie,
            pattern_of,
            patterns: kept,
        }
    }

    /// Whether the built-in trie serves these patterns (tests).
    #[cfg(test)]
    pub(crate) fn is_builtin(&self) -> bool {
        matches!(self.trie.slots, Cow::Borrowed(_))
    }

    /// Whether pattern `p` at `start..end` is a whole word with the right case.
    fn fits(&self, hay: &str, p: usize, start: usize, end: usize) -> bool {
        let p = &self.patterns[p];
        whole_word(hay, start, end) && (!p.case_sensitive || &hay[start..end] == p.text.as_str())
    }

    /// Every whole-word hit in `hay`, left to right, non-overlapping.
    pub fn find_all(&self, hay: &str, out: &mut Vec<Hit>) {
        let bytes = hay.as_bytes();
        // The spellings that start at `start`: (end, pattern), shortest first.
        let mut ends: Vec<(usize, u32)> = Vec::new();
        let mut pos = 0;
        while pos < bytes.len() {
            // No spelling starts with a UTF-8 continuation byte, so `pos` is at a
            // character when this step succeeds.
            let Some(mut state) = self.trie.step(ROOT, bytes[pos]) else {
                pos += 1;
                continue;
            };
            let start = pos;
            if !starts_word_at(hay, start) {
                // Every spelling found at `start` begins with the same
                // character, so none of them fits (see `whole_word`).
                pos = next_start(bytes, start + 1);
                continue;
            }
            ends.clear();
            let mut end = start + 1;
            loop {
                let key = self.trie.key(state);
                if key != NONE {
                    let p = self.pattern_of.get(key as usize).copied().unwrap_or(NONE);
                    if p != NONE {
                        ends.push((end, p));
                    }
                }
                match bytes.get(end).and_then(|&b| self.trie.step(state, b)) {
                    Some(next) => {
                        state = next;
                        end += 1;
                    }
                    None => break,
                }
            }
            // The longest spelling at this start, or the next shorter ones.
            let found = ends
                .iter()
                .rev()
                .find(|&&(end, p)| self.fits(hay, p as usize, start, end));
            match found {
                Some(&(end, p)) => {
                    out.push(Hit {
                        pattern: p as usize,
                        start,
                        end,
                    });
                    pos = end;
                }
                None => pos = next_start(bytes, start + 1),
            }
        }
    }
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The first position from `from` on where a whole-word hit may start: the
/// positions skipped hold an ASCII letter or digit after an ASCII letter,
/// digit or `_`, where [`starts_word`] is `false`. Searching from there finds
/// the same next hit as searching from `from` and skipping the hits that start
/// inside the word one by one.
fn next_start(bytes: &[u8], mut from: usize) -> usize {
    // After the first byte skipped, the byte before is an ASCII letter or digit: only the
    // first needs the look back.
    if from == 0 || from >= bytes.len() || !WORD_BYTE[usize::from(bytes[from - 1])] {
        return from;
    }
    while from < bytes.len() && ALNUM_BYTE[usize::from(bytes[from])] {
        from += 1;
    }
    from
}

/// ASCII letters and digits.
static ALNUM_BYTE: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    t
};

/// ASCII letters, digits and `_`.
static WORD_BYTE: [bool; 256] = {
    let mut t = ALNUM_BYTE;
    t[b'_' as usize] = true;
    t
};

/// The start half of the boundary rule: `false` when a spelling beginning at
/// `start` with a letter or digit would continue a word. [`whole_word`] is
/// `false` wherever this is, whatever the end.
fn starts_word(hay: &str, start: usize) -> bool {
    !(hay[start..]
        .chars()
        .next()
        .is_some_and(char::is_alphanumeric)
        && hay[..start].chars().next_back().is_some_and(is_word))
}

/// [`starts_word`], with ASCII bytes decided without decoding characters.
#[inline]
fn starts_word_at(hay: &str, start: usize) -> bool {
    let bytes = hay.as_bytes();
    let b = bytes[start];
    if b < 0x80 {
        if !b.is_ascii_alphanumeric() || start == 0 {
            return true;
        }
        let before = bytes[start - 1];
        if before < 0x80 {
            return !(before.is_ascii_alphanumeric() || before == b'_');
        }
    }
    starts_word(hay, start)
}

/// The boundary rule described in the module documentation.
pub(crate) fn whole_word(hay: &str, start: usize, end: usize) -> bool {
    let matched = &hay[start..end];
    let Some(last) = matched.chars().next_back() else {
        return false;
    };
    if !starts_word(hay, start) {
        return false;
    }
    if last.is_alphanumeric() {
        if let Some(next) = hay[end..].chars().next() {
            let digit_ok = next.is_ascii_digit() && last.is_alphabetic() && matched.len() >= 3;
            if is_word(next) && !digit_ok {
                return false;
            }
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Taxonomy;
    use aho_corasick::{AhoCorasickBuilder, Anchored, Input, MatchKind, StartKind};

    /// The exact stage's first form, the reference the trie must agree with: an
    /// Aho-Corasick automaton searched leftmost-longest, with the same boundary rules.
    fn reference(e: &Exact, ac: &aho_corasick::AhoCorasick, hay: &str) -> Vec<Hit> {
        let bytes = hay.as_bytes();
        let mut out = Vec::new();
        let mut pos = 0;
        while pos < bytes.len() {
            let Some(m) = ac.find(Input::new(bytes).span(pos..bytes.len())) else {
                break;
            };
            let start = m.start();
            if !starts_word(hay, start) {
                pos = next_start(bytes, start + 1);
                continue;
            }
            let mut candidate = Some(m);
            let mut found = None;
            while let Some(c) = candidate {
                if e.fits(hay, c.pattern().as_usize(), start, c.end()) {
                    found = Some(c);
                    break;
                }
                candidate = ac.find(
                    Input::new(bytes)
                        .span(start..c.end() - 1)
                        .anchored(Anchored::Yes),
                );
            }
            match found {
                Some(c) => {
                    out.push(Hit {
                        pattern: c.pattern().as_usize(),
                        start,
                        end: c.end(),
                    });
                    pos = c.end();
                }
                None => pos = next_start(bytes, start + 1),
            }
        }
        out
    }

    /// Every name, alias and ambiguous spelling of the built-in taxonomy, ambiguous first.
    fn builtin_patterns() -> Vec<Pattern> {
        let taxonomy = Taxonomy::builtin();
        let mut patterns = Vec::new();
        for (i, s) in taxonomy.skills().iter().enumerate() {
            for a in &s.ambiguous {
                patterns.push(Pattern {
                    skill: i,
                    spelling: Spelling::Ambiguous,
                    case_sensitive: a.case_sensitive,
                    text: a.text.trim().to_string(),
                });
            }
        }
        for (i, s) in taxonomy.skills().iter().enumerate() {
            for a in std::iter::once(&s.name).chain(&s.aliases) {
                patterns.push(Pattern {
                    skill: i,
                    spelling: Spelling::Alias,
                    case_sensitive: false,
                    text: a.trim().to_string(),
                });
            }
        }
        patterns
    }

    /// Texts made of `spellings` cut, joined and changed in the ways the boundary
    /// and case rules care about, from a fixed seed.
    fn texts(spellings: &[&str], count: usize) -> Vec<String> {
        let mut next = crate::testutil::xorshift(0x9e37_79b9_7f4a_7c15);
        let glue = [
            " ", ", ", "/", ".", "-", "_", "", "\n", "8", "3 ", "é", "é ", "(", ") ", "x", "Ω",
            " and ", "+", "#", "K", "ſ",
        ];
        (0..count)
            .map(|_| {
                let mut text = String::new();
                for _ in 0..1 + next(12) {
                    text.push_str(glue[next(glue.len())]);
                    let s = spellings[next(spellings.len())];
                    let s: String = match next(6) {
                        0 => s.to_ascii_uppercase(),
                        1 => s.to_ascii_lowercase(),
                        2 => s.chars().take(1 + next(s.chars().count())).collect(),
                        _ => s.to_string(),
                    };
                    text.push_str(&s);
                }
                text
            })
            .collect()
    }

    fn assert_agrees(e: &Exact, texts: &[String]) {
        let ac = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(true)
            .start_kind(StartKind::Both)
            .build(e.patterns.iter().map(|p| p.text.as_str()))
            .unwrap();
        for text in texts {
            let mut hits = Vec::new();
            e.find_all(text, &mut hits);
            assert_eq!(hits, reference(e, &ac, text), "{text:?}");
        }
    }

    #[test]
    fn the_builtin_trie_finds_what_aho_corasick_found() {
        let e = Exact::new(builtin_patterns());
        assert!(e.is_builtin());
        let spellings: Vec<&str> = e.patterns.iter().map(|p| p.text.as_str()).collect();
        assert_agrees(&e, &texts(&spellings, 20_000));
        let fixtures = std::fs::read_dir("fixtures/resumes").unwrap();
        let fixtures: Vec<String> = fixtures
            .map(|f| std::fs::read_to_string(f.unwrap().path()).unwrap())
            .collect();
        assert!(fixtures.len() > 10);
        assert_agrees(&e, &fixtures);
    }

    #[test]
    fn a_custom_trie_finds_what_aho_corasick_found() {
        let spellings = [
            "Go",
            "go",
            "Golang",
            "C",
            "C++",
            "C#",
            ".NET",
            "ASP.NET",
            "ASP.NET Core",
            "Node.js",
            "CI/CD",
            "Java",
            "Java SE",
            "JavaScript",
            "SQL",
            "NoSQL",
            "Élan",
            "élan vital",
            "Ωmega",
            "K8s",
            "x",
            "Script Engine",
            "Engine",
            "_private",
            "A/B testing",
            "R",
        ];
        let patterns = spellings
            .iter()
            .enumerate()
            .map(|(i, s)| Pattern {
                skill: i,
                spelling: Spelling::Alias,
                // `Go` is case-sensitive and comes before `go`, which then never wins.
                case_sensitive: i % 3 == 0,
                text: s.to_string(),
            })
            .collect();
        let e = Exact::new(patterns);
        assert!(!e.is_builtin());
        assert_agrees(&e, &texts(&spellings, 20_000));
    }

    /// `build.rs` builds the built-in trie with the same code; a table that disagrees with
    /// building it from the taxonomy shows here.
    #[test]
    fn the_precomputed_trie_is_the_built_one() {
        let patterns = builtin_patterns();
        let built = trie::of_spellings(patterns.iter().map(|p| p.text.as_str()));
        assert_eq!(&*built.classes, BUILTIN.0);
        assert_eq!(built.slots, BUILTIN.1);
        let rust = trie::to_rust(&built);
        assert!(rust.contains("(&[") && rust.ends_with("])\n"));
    }

    #[test]
    fn a_taxonomy_with_fewer_spellings_uses_the_builtin_trie() {
        let e = exact(&["Kotlin", "Spring Boot"]);
        assert!(e.is_builtin());
        assert_eq!(
            found(&e, "Kotlin, Spring, Spring Boot, Java"),
            ["Kotlin", "Spring Boot"]
        );
    }

    fn exact(spellings: &[&str]) -> Exact {
        Exact::new(
            spellings
                .iter()
                .enumerate()
                .map(|(i, s)| Pattern {
                    skill: i,
                    spelling: Spelling::Alias,
                    case_sensitive: false,
                    text: s.to_string(),
                })
                .collect(),
        )
    }

    fn found(e: &Exact, hay: &str) -> Vec<String> {
        let mut hits = Vec::new();
        e.find_all(hay, &mut hits);
        hits.iter()
            .map(|h| hay[h.start..h.end].to_string())
            .collect()
    }

    #[test]
    fn java_is_not_found_inside_javascript() {
        let e = exact(&["Java", "JavaScript"]);
        assert_eq!(found(&e, "JavaScript and Java"), ["JavaScript", "Java"]);
        let e = exact(&["Java"]);
        assert!(found(&e, "JavaScript").is_empty());
    }

    #[test]
    fn sql_is_not_found_inside_nosql_or_mysql() {
        let e = exact(&["SQL"]);
        assert!(found(&e, "NoSQL, MySQL, PostgreSQL").is_empty());
        assert_eq!(found(&e, "SQL/PLSQL, T-SQL"), ["SQL", "SQL"]);
    }

    #[test]
    fn longest_spelling_wins() {
        let e = exact(&["Spring", "Spring Boot", "ASP.NET", "ASP.NET Core", ".NET"]);
        assert_eq!(
            found(&e, "Spring Boot, ASP.NET Core and .NET 8"),
            ["Spring Boot", "ASP.NET Core", ".NET"]
        );
    }

    #[test]
    fn punctuation_spellings_match_as_written() {
        let e = exact(&["C++", "C#", "Node.js", "CI/CD", ".NET"]);
        assert_eq!(
            found(&e, "C++11, C#; node.js & ci/cd on .net"),
            ["C++", "C#", "node.js", "ci/cd", ".net"]
        );
        assert!(found(&e, "Node.jsx").is_empty());
    }

    #[test]
    fn case_is_folded_for_ascii_only() {
        let e = exact(&["PostgreSQL"]);
        assert_eq!(
            found(&e, "POSTGRESQL postgresql"),
            ["POSTGRESQL", "postgresql"]
        );
    }

    #[test]
    fn version_digits_may_follow_longer_spellings() {
        let e = exact(&["Java", "Python", "Go"]);
        assert_eq!(
            found(&e, "Java8 Python3 Go1"),
            ["Java8", "Python3"].map(|s| &s[..s.len() - 1])
        );
    }

    #[test]
    fn a_longer_spelling_that_does_not_fit_gives_way_to_a_shorter_one() {
        // Regression: "Java SE" matched the first letters of "Java services"
        // and hid "Java".
        let e = exact(&["Java", "Java SE", "Spring", "Spring Boot"]);
        assert_eq!(found(&e, "Built Java services"), ["Java"]);
        assert_eq!(
            found(&e, "Spring Bootcamp, Java SE 17"),
            ["Spring", "Java SE"]
        );
    }

    #[test]
    fn camel_case_compounds_are_one_word() {
        let e = exact(&["Azure", "Java", "Script"]);
        assert!(found(&e, "AzureWeb JavaScript").is_empty());
    }

    #[test]
    fn case_sensitive_spellings() {
        let e = Exact::new(vec![Pattern {
            skill: 0,
            spelling: Spelling::Ambiguous,
            case_sensitive: true,
            text: "Go".into(),
        }]);
        assert_eq!(found(&e, "Go, go, GO"), ["Go"]);
    }

    #[test]
    fn a_failed_boundary_does_not_hide_a_later_hit() {
        let e = exact(&["Script Engine", "Engine"]);
        assert_eq!(found(&e, "JavaScript Engine"), ["Engine"]);
    }

    #[test]
    fn a_start_inside_a_word_fails_for_every_spelling_there() {
        // `find_all` skips the shorter spellings at a start `starts_word`
        // rejects: `whole_word` rejects them all, whatever their end.
        for (hay, start) in [("MySQL", 2), ("Django", 4), ("x_Go", 2), ("élan", 2)] {
            assert!(!starts_word(hay, start));
            for end in start + 1..=hay.len() {
                if hay.is_char_boundary(end) {
                    assert!(!whole_word(hay, start, end), "{hay} {start}..{end}");
                }
            }
        }
        assert!(starts_word("ASP.NET", 3), "punctuation may start mid-word");
        assert!(starts_word("a Go", 2) && starts_word("Go", 0));
        let e = exact(&["SQL", "SQ", "Go", "Golang"]);
        assert_eq!(found(&e, "MySQL, Django, Golang, SQL"), ["Golang", "SQL"]);
    }

    #[test]
    fn positions_next_start_skips_cannot_start_a_word() {
        for hay in [
            "MySQL, Django_3 and Golang",
            "x_Go Go",
            "élan net.NET",
            "a",
            "",
        ] {
            for from in 0..=hay.len() {
                let to = next_start(hay.as_bytes(), from);
                assert!(to >= from && to <= hay.len());
                for p in from..to {
                    assert!(!starts_word(hay, p), "{hay:?} at {p}");
                }
            }
        }
        assert_eq!(next_start(b"MySQL, x", 1), 5);
        assert_eq!(
            next_start(b"ASP.NET", 1),
            3,
            "punctuation may start a spelling"
        );
        let e = exact(&["SQL", "Go", "Golang", ".NET", "NET"]);
        assert_eq!(
            found(&e, "MySQL, Googled, Golang, ASP.NET, SQL"),
            ["Golang", ".NET", "SQL"]
        );
    }
}
