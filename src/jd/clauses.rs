//! Clause-level reading of one item: preferred cues ("X is a plus", "nice to
//! have: Y", "ideally Z"), alternatives ("PostgreSQL or MySQL") and examples
//! ("a relational database such as PostgreSQL").
//!
//! **Clauses** end at `.`/`!`/`?` followed by a space, at `;`, `•`, and at a
//! spaced dash (` - `, ` – `, ` — `). A period inside a name (`Node.js`) or an
//! abbreviation (`e.g.`) does not end a clause.
//!
//! **Preferred cues** turn the skills in their scope from required into
//! preferred:
//! - cues that look ahead (`ideally`, `preferably`, `bonus points for`, `nice
//!   to have:`) reach to the end of the clause;
//! - cues that look back (`is a plus`, `an advantage`, `preferred`,
//!   `preferable`, `optional`) reach back to the start of the clause when only
//!   skills and list words (`,` `and` `or` `/`) stand between them, else back to
//!   the last comma: in "Strong Java, Kafka is a plus" only Kafka is preferred,
//!   in "Kafka, RabbitMQ or SQS is a plus" all three are;
//! - `nice to have`, `good to have`, `preferred`, `desirable`, `bonus` look
//!   ahead when followed by `:` or at the start of a clause, back when they end
//!   it (before `,`, `.`, `)` or the end).

/// Which way a cue reaches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reach {
    Ahead,
    Back,
    Either,
}

const CUES: &[(&str, Reach)] = &[
    ("ideally", Reach::Ahead),
    ("preferably", Reach::Ahead),
    ("bonus points for", Reach::Ahead),
    ("bonus points if", Reach::Ahead),
    ("extra points for", Reach::Ahead),
    ("brownie points for", Reach::Ahead),
    ("optionally", Reach::Ahead),
    ("would be nice if", Reach::Ahead),
    ("it would be great if", Reach::Ahead),
    ("we'd love", Reach::Ahead),
    ("we would love", Reach::Ahead),
    ("it's a plus if", Reach::Ahead),
    ("even better if", Reach::Ahead),
    ("not required but", Reach::Ahead),
    ("not mandatory but", Reach::Ahead),
    ("plus:", Reach::Ahead),
    ("is a plus", Reach::Back),
    ("are a plus", Reach::Back),
    ("is a big plus", Reach::Back),
    ("are a big plus", Reach::Back),
    ("would be a plus", Reach::Back),
    ("a plus", Reach::Back),
    ("is an advantage", Reach::Back),
    ("are an advantage", Reach::Back),
    ("would be an advantage", Reach::Back),
    ("an advantage", Reach::Back),
    ("an added advantage", Reach::Back),
    ("is a bonus", Reach::Back),
    ("are a bonus", Reach::Back),
    ("a bonus", Reach::Back),
    ("is preferred", Reach::Back),
    ("are preferred", Reach::Back),
    ("preferable", Reach::Back),
    ("is desirable", Reach::Back),
    ("are desirable", Reach::Back),
    ("is beneficial", Reach::Back),
    ("are beneficial", Reach::Back),
    ("is helpful", Reach::Back),
    ("are helpful", Reach::Back),
    ("optional", Reach::Back),
    ("is nice to have", Reach::Back),
    ("a nice to have", Reach::Back),
    ("a nice-to-have", Reach::Back),
    ("nice to have", Reach::Either),
    ("nice-to-have", Reach::Either),
    ("nice-to-haves", Reach::Either),
    ("good to have", Reach::Either),
    ("preferred", Reach::Either),
    ("desirable", Reach::Either),
    ("desired", Reach::Either),
    ("bonus", Reach::Either),
];

/// Byte offsets where clauses start (always includes 0), ascending.
pub(crate) fn clause_starts(text: &str) -> Vec<usize> {
    let mut out = vec![0];
    let bytes = text.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        let ends = match b {
            b';' => true,
            b'.' | b'!' | b'?' => {
                bytes.get(i + 1).is_none_or(|n| *n == b' ') && !abbreviation_before(text, i)
            }
            _ => false,
        };
        if ends {
            out.push(i + 1);
        }
    }
    for sep in [" - ", " – ", " — ", "•"] {
        for (i, _) in text.match_indices(sep) {
            out.push(i + sep.len());
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

fn abbreviation_before(text: &str, dot: usize) -> bool {
    let word: String = text[..dot]
        .chars()
        .rev()
        .take_while(|c| c.is_alphanumeric() || *c == '.')
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect::<String>()
        .to_ascii_lowercase();
    matches!(
        word.as_str(),
        "e.g" | "i.e" | "etc" | "vs" | "incl" | "approx" | "e" | "i"
    )
}

/// The clause `[start, end)` containing byte `at`.
pub(crate) fn clause_of(starts: &[usize], len: usize, at: usize) -> (usize, usize) {
    let k = starts.partition_point(|&s| s <= at);
    let start = starts[k.saturating_sub(1)];
    let end = starts.get(k).copied().unwrap_or(len);
    (start, end)
}

/// Byte ranges of `text` where a preferred cue applies. `spans` are the
/// skill and phrase spans of the item, used to tell a list from a sentence.
pub(crate) fn preferred_scopes(text: &str, spans: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let lower = text.to_lowercase();
    if lower.len() != text.len() {
        // Lower-casing changed byte offsets (rare non-ASCII case mappings);
        // fall back to ASCII folding, which keeps them.
        return scopes_in(&text.to_ascii_lowercase(), text, spans);
    }
    scopes_in(&lower, text, spans)
}

fn scopes_in(lower: &str, text: &str, spans: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let starts = clause_starts(text);
    // Cue hits, longest first at each position.
    let mut hits: Vec<(usize, usize, Reach)> = Vec::new();
    for &(cue, reach) in CUES {
        for (i, m) in lower.match_indices(cue) {
            let end = i + m.len();
            let before_ok = lower[..i]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric());
            let after_ok = cue.ends_with(':')
                || lower[end..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric());
            if before_ok && after_ok {
                hits.push((i, end, reach));
            }
        }
    }
    hits.sort_by_key(|&(s, e, _)| (s, std::cmp::Reverse(e)));
    let mut kept: Vec<(usize, usize, Reach)> = Vec::new();
    for h in hits {
        if kept.iter().all(|k| h.1 <= k.0 || k.1 <= h.0) {
            kept.push(h);
        }
    }
    let mut out = Vec::new();
    for (s, e, reach) in kept {
        let (c0, c1) = clause_of(&starts, text.len(), s);
        let reach = match reach {
            Reach::Either => {
                let after = text[e..].trim_start();
                let head = &text[c0..s];
                let at_start = head.chars().all(|c| !c.is_alphanumeric());
                let at_end =
                    after.is_empty() || after.starts_with([',', '.', ')', ';', '!']) || e >= c1;
                if after.starts_with(':') || at_start {
                    Reach::Ahead
                } else if at_end {
                    Reach::Back
                } else {
                    continue;
                }
            }
            r => r,
        };
        match reach {
            Reach::Ahead => out.push((e, c1)),
            Reach::Back => {
                // Inside parentheses, a cue reaches back to the opening one:
                // "Python (Django is a plus)".
                let c0 = match text[c0..s].rfind('(') {
                    Some(p) if !text[c0 + p..s].contains(')') => c0 + p + 1,
                    _ => c0,
                };
                let head = &text[c0..s];
                let list_only = only_list_words(head, c0, spans);
                let start = if list_only {
                    c0
                } else {
                    head.rfind(',').map_or(c0, |p| c0 + p + 1)
                };
                out.push((start, s));
            }
            Reach::Either => {}
        }
    }
    out
}

/// Whether `head` (starting at byte `offset` of the item) holds only skill
/// spans and list words.
fn only_list_words(head: &str, offset: usize, spans: &[(usize, usize)]) -> bool {
    let mut rest = String::with_capacity(head.len());
    for (i, c) in head.char_indices() {
        let at = offset + i;
        if spans.iter().any(|&(a, b)| a <= at && at < b) {
            rest.push(' ');
        } else {
            rest.push(c);
        }
    }
    rest.split(|c: char| c.is_whitespace() || matches!(c, ',' | '/' | '(' | ')' | '&' | ':'))
        .filter(|w| !w.is_empty())
        .all(|w| {
            matches!(
                w.to_ascii_lowercase().as_str(),
                "and" | "or" | "and/or" | "also"
            )
        })
}

/// How two neighbouring mentions are joined.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Join {
    /// "A or B", "A (or a similar B)", "A or another B": either satisfies.
    Or,
    /// "A, B": a list.
    Comma,
    /// Anything else.
    Other,
}

/// Classifies the text between two mentions.
pub(crate) fn join(gap: &str) -> Join {
    let words: Vec<String> = gap
        .split(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | ','))
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect();
    if words.is_empty() {
        return if gap.trim() == "," {
            Join::Comma
        } else {
            Join::Other
        };
    }
    let first_or = words[0] == "or" || words[0] == "and/or";
    let fillers = words[1..].iter().all(|w| {
        matches!(
            w.as_str(),
            "another" | "other" | "a" | "an" | "similar" | "any" | "equivalent" | "even" | "some"
        )
    });
    if first_or && words.len() <= 4 && fillers && !gap.contains(['.', ';']) {
        Join::Or
    } else {
        Join::Other
    }
}

/// Whether the text between a phrase and the next mention introduces examples
/// ("such as", "e.g.", "like", "including", "(").
pub(crate) fn introduces_examples(gap: &str) -> bool {
    let g = gap.trim().to_ascii_lowercase();
    if g.starts_with('(') || g.starts_with(':') {
        return true;
    }
    [
        "such as",
        "e.g",
        "eg.",
        "like",
        "including",
        "for example",
        "for instance",
        "i.e",
        "especially",
        "in particular",
    ]
    .iter()
    .any(|c| g.contains(c))
}

/// Whether the text between two examples keeps the example list going.
pub(crate) fn continues_list(gap: &str) -> bool {
    gap.split(|c: char| c.is_whitespace() || matches!(c, ',' | '/' | '(' | ')'))
        .filter(|w| !w.is_empty())
        .all(|w| {
            matches!(
                w.to_ascii_lowercase().as_str(),
                "and" | "or" | "and/or" | "etc" | "etc."
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The preferred parts of `text`, given the skills named in it.
    fn preferred(text: &str, skills: &[&str]) -> Vec<String> {
        let spans: Vec<(usize, usize)> = skills
            .iter()
            .map(|s| {
                let i = text.find(s).unwrap();
                (i, i + s.len())
            })
            .collect();
        let scopes = preferred_scopes(text, &spans);
        skills
            .iter()
            .zip(&spans)
            .filter(|(_, sp)| scopes.iter().any(|&(a, b)| a <= sp.0 && sp.1 <= b))
            .map(|(s, _)| s.to_string())
            .collect()
    }

    #[test]
    fn cues_after_reach_back_to_the_list() {
        assert_eq!(
            preferred("Strong Java, Kafka is a plus", &["Java", "Kafka"]),
            ["Kafka"]
        );
        assert_eq!(
            preferred(
                "Kafka, RabbitMQ or SQS is a plus",
                &["Kafka", "RabbitMQ", "SQS"]
            ),
            ["Kafka", "RabbitMQ", "SQS"]
        );
        assert_eq!(
            preferred(
                "Proficiency in one or more languages - Java and Javascript preferable",
                &["Java", "Javascript"]
            ),
            ["Java", "Javascript"]
        );
        assert_eq!(
            preferred("Resource management preferred", &["management"]),
            ["management"]
        );
    }

    #[test]
    fn cues_before_reach_ahead() {
        assert_eq!(
            preferred(
                "Several years of backend development, preferably using Python.",
                &["backend", "Python"]
            ),
            ["Python"]
        );
        assert_eq!(
            preferred(
                "Nice to have: Redis and Kafka. Must know Java.",
                &["Redis", "Kafka", "Java"]
            ),
            ["Redis", "Kafka"]
        );
        assert_eq!(preferred("Bonus points for Rust", &["Rust"]), ["Rust"]);
        assert_eq!(
            preferred("Python (Django is a plus)", &["Python", "Django"]),
            ["Django"]
        );
    }

    #[test]
    fn no_cue_no_scope() {
        assert!(preferred("Java plus Spring", &["Java", "Spring"]).is_empty());
        assert!(preferred("We offer a bonus scheme and Java training", &["Java"]).is_empty());
    }

    #[test]
    fn joins() {
        assert_eq!(join(" or "), Join::Or);
        assert_eq!(join(" or another "), Join::Or);
        assert_eq!(join(" (or a similar "), Join::Or);
        assert_eq!(join(", or "), Join::Or);
        assert_eq!(join(", "), Join::Comma);
        assert_eq!(join(" and "), Join::Other);
        assert_eq!(join("/"), Join::Other);
        assert_eq!(join(" or accounting "), Join::Other);
    }

    #[test]
    fn clauses_ignore_dots_in_names() {
        let t = "Node.js and Vue.js, e.g. Nuxt. Then Go";
        let starts = clause_starts(t);
        assert_eq!(starts, [0, 30]);
    }
}
