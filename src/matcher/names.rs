//! Proper nouns of a resume: employers, clients, schools, places and people.
//!
//! A misspelt technology is written alone ("Postgress", "Dokcer files"); a
//! name that merely looks like one is usually part of a longer name or sits
//! where names go. The fuzzy stage leaves a capitalised word alone when
//! 1. its line is a job or school heading (it holds a date range,
//!    "Kafkar Research, Leeds · 2014 – 2016");
//! 2. a name cue comes right before it ("at Azura", "@ Azura",
//!    "Client: Dockers Apparel"; `data/name-cues.txt`);
//! 3. a company suffix follows within [`SUFFIX_REACH`] words
//!    ("Kubernetis Logistics Ltd", "Azura S.A."; `data/company-suffixes.txt`);
//! 4. it is joined by a space to another capitalised word ("Kafkar Research",
//!    "Azura Hotels") that is neither a skill the matcher found nor the first
//!    word of its clause ("Created Dokcer files" is a sentence, not a name)
//!    nor a job-title word (`data/role-words.txt`: "Pyhton Developer").
//!
//! Lower-case words are never taken for names here.

use crate::data::{
    entries as words, COMPANY_SUFFIXES as SUFFIXES, NAME_CUES as CUES, ROLE_WORDS as ROLES,
};
use crate::hash::FastSet;
use crate::text::{find_ranges, YearMonth};
use std::sync::OnceLock;

/// How many words after a capitalised word a company suffix may come.
pub const SUFFIX_REACH: usize = 3;

fn suffixes() -> &'static FastSet<&'static str> {
    static SET: OnceLock<FastSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| words(SUFFIXES).collect())
}

fn roles() -> &'static FastSet<&'static str> {
    static SET: OnceLock<FastSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| words(ROLES).collect())
}

/// Whether `w` can be part of a multi-word name: title case ("Research",
/// "AppEngine"; not "SQL", "GA" or "research") and not a job-title word
/// ("Developer").
fn name_word(w: &str) -> bool {
    title_case(w) && !roles().contains(w.to_ascii_lowercase().as_str())
}

fn cues() -> &'static FastSet<&'static str> {
    static SET: OnceLock<FastSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| words(CUES).collect())
}

/// Whether `w` starts with an upper-case ASCII letter and has a lower-case
/// one ("Research", "AppEngine"; not "SQL", "GA" or "research").
fn title_case(w: &str) -> bool {
    w.as_bytes().first().is_some_and(u8::is_ascii_uppercase)
        && w.bytes().skip(1).any(|b| b.is_ascii_lowercase())
}

/// The byte offset just after the last char of `s` for which `f` holds, or 0.
fn after_last(s: &str, f: impl Fn(char) -> bool) -> usize {
    s.char_indices()
        .rev()
        .find(|&(_, c)| f(c))
        .map_or(0, |(i, c)| i + c.len_utf8())
}

/// The word (a run of ASCII letters, digits, `.` and `&`, trimmed of dots)
/// ending just before `at` across exactly one space, if any.
fn word_before(seg: &str, at: usize) -> Option<(usize, &str)> {
    let before = seg[..at].strip_suffix(' ')?;
    let start = after_last(before, |c| {
        !(c.is_ascii_alphanumeric() || c == '.' || c == '&' || c == '\'')
    });
    let w = before[start..].trim_matches('.');
    (!w.is_empty()).then_some((start, w))
}

/// The word starting just after `at` across exactly one space, if any.
fn word_after(seg: &str, at: usize) -> Option<(usize, &str)> {
    let after = seg[at..].strip_prefix(' ')?;
    let len = after
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '.' || c == '&' || c == '\''))
        .unwrap_or(after.len());
    let w = after[..len].trim_end_matches('.');
    (!w.is_empty()).then_some((at + 1, w))
}

/// Whether the word starting at `start` is the first of its clause: nothing
/// but bullets, spaces and clause punctuation before it since the segment
/// start or the last `.`, `:`, `;`, `!`, `?`, `|`, `(`, `,` or dash.
fn clause_initial(seg: &str, start: usize) -> bool {
    seg[..start]
        .chars()
        .rev()
        .take_while(|c| !c.is_alphanumeric())
        .any(|c| ".:;!?|(,•-–—*>".contains(c))
        || seg[..start].chars().all(|c| !c.is_alphanumeric())
}

/// Whether a segment holds a date range (a job or school heading).
pub(crate) fn is_dated(seg: &str) -> bool {
    let far = YearMonth::new(2100, 12).expect("valid month");
    !find_ranges(seg, far).is_empty()
}

/// Whether `seg[a..b]` (a token or a joined run of tokens) is part of a
/// proper noun; `dated()` says whether `seg` holds a date range ([`is_dated`],
/// which callers compute once per segment); `skill_at(start, end)` says
/// whether a byte range of `seg` lies within a skill the matcher found.
pub(crate) fn is_proper_noun(
    seg: &str,
    a: usize,
    b: usize,
    dated: impl FnOnce() -> bool,
    skill_at: impl Fn(usize, usize) -> bool,
) -> bool {
    if !seg.as_bytes()[a..b]
        .first()
        .is_some_and(u8::is_ascii_uppercase)
    {
        return false;
    }
    // 1. A job or school heading.
    if dated() {
        return true;
    }
    // 2. A name cue before it ("at X", "Client: X").
    let lead = seg[..a].trim_end_matches([' ', ':', '-']);
    let cue_start = after_last(lead, |c| !(c.is_ascii_alphabetic() || c == '@'));
    let cue = lead[cue_start..].to_ascii_lowercase();
    if !cue.is_empty() && cues().contains(cue.as_str()) {
        return true;
    }
    // 3. A company suffix soon after it.
    let after = seg[b..]
        .split([' ', ','])
        .filter(|w| !w.is_empty())
        .take(SUFFIX_REACH);
    for w in after {
        let folded: String = w
            .chars()
            .filter(char::is_ascii_alphabetic)
            .map(|c| c.to_ascii_lowercase())
            .collect();
        if w.as_bytes()[0].is_ascii_uppercase() && suffixes().contains(folded.as_str()) {
            return true;
        }
    }
    // 4. Joined to another capitalised word that is not a skill.
    if let Some((s, w)) = word_before(seg, a) {
        if name_word(w) && !clause_initial(seg, s) && !skill_at(s, s + w.len()) {
            return true;
        }
    }
    if let Some((s, w)) = word_after(seg, b) {
        if name_word(w) && !skill_at(s, s + w.len()) {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn proper(seg: &str, token: &str) -> bool {
        let a = seg.find(token).unwrap();
        let skills = ["Flask", "Django", "Python"];
        is_proper_noun(
            seg,
            a,
            a + token.len(),
            || is_dated(seg),
            |s, e| skills.contains(&&seg[s..e]),
        )
    }

    #[test]
    fn employer_and_client_names_are_proper_nouns() {
        assert!(proper("Kafkar Research Leeds, UK", "Kafkar"));
        assert!(proper("• Kafkar Research Leeds, UK", "Kafkar"));
        assert!(proper("Hospitality •@Azura", "Azura"));
        assert!(proper(
            "Warehouse lead, Kubernetis Logistics Ltd",
            "Kubernetis"
        ));
        assert!(proper("Warehouse lead at Kubernetis, Leeds", "Kubernetis"));
        assert!(proper("Client: Dockers Apparel", "Dockers"));
        assert!(proper("Front office manager, Azura S.A.", "Azura"));
        assert!(proper("Azura Hotels, Goa    Jan 2019 - Mar 2021", "Azura"));
    }

    #[test]
    fn misspelt_skills_in_sentences_and_lists_are_not_proper_nouns() {
        assert!(!proper("Created Dokcer files for the API", "Dokcer"));
        assert!(!proper("Build using Pyhton Flask and MySql", "Pyhton"));
        assert!(!proper("Devops : Dokcer, Kubernets, GitHub", "Kubernets"));
        assert!(!proper("Flask, Postgress and Redis.", "Postgress"));
        assert!(!proper(
            "infrastructure as code with Terrafom. It",
            "Terrafom"
        ));
        assert!(!proper("wrote queries in postgress", "postgress"));
        assert!(!proper("Pyhton Developer", "Pyhton"));
    }
}
