//! Terms in a job description that look like technologies the taxonomy does
//! not know ("not recognised"), so the user can extend the taxonomy.
//!
//! Only items that can ask for skills are read (the title, requirements,
//! preferred, responsibilities, role and stack; the text before the first
//! heading only when the job description has no requirements section), never
//! the company blurb, benefits, hiring process or metadata. Text the matcher explained (any skill
//! mention, counted or not), competency phrases, `<PLACEHOLDERS>`, e-mail
//! addresses and URLs are skipped.
//!
//! A token is a run of letters and digits with inner `.`, `-`, `+`, `#`, `'`.
//! It is a **strong** candidate when it has
//! - an inner capital after a lower-case letter (`ClickHouse`, `OpenTelemetry`,
//!   `xUnit`, `gRPC`);
//! - letters and digits (`HL7`, `S3`, `AZ-204`), except ordinals, sizes,
//!   durations, versions (`v1.2`), quarters and CEFR levels (`C1`);
//! - an inner dot between letters (`ASP.NET`, `Vue.js`), except abbreviations
//!   (`e.g.`, `B.Tech`) and domain names;
//! - a `+` or `#` suffix (`C++`, `F#`);
//! - all capitals, 2–6 letters, optional plural `s` (`CNCF`, `FHIR`, `JPA`),
//!   except business and generic acronyms (`HR`, `QA`, `API`, `LPA`, `ESOPs`,
//!   `SLA` ...) and except in lines that are mostly capitals;
//! - a capital and is not an English word (`Pulumi`, `Mockito`), except months,
//!   days, places, languages and the company's own names (words of the header
//!   lines, of "About X" headings and of its domain names).
//!
//! A capitalised **English word** (`Temporal`, `Hibernate`, `Functions`) is a
//! candidate only by its position, never at a sentence start in general:
//! - alone in its item ("- Temporal."), or starting it and followed by `for`,
//!   `or another`, `or a similar`, `(or` ("Temporal for durable workflows");
//! - inside a sentence, after `with`, `using`, `via`, `like`, `including`,
//!   `such as`, `e.g.`, or after `,` `and` `or` `/` `(` that follow a
//!   technology, and neither after a determiner ("the Collections pod") nor
//!   before a team word (`team`, `squad`, `group`...); never in lines that are
//!   mostly capitalised words (titles, headings).
//!
//! Adjacent candidates form one term ("HL7 FHIR", "Entity Framework Core"); a
//! strong term directly after a known skill keeps it as a prefix ("Spring Data
//! JPA", "Azure AD"). A lone word right before a known skill is taken for its
//! vendor ("Microsoft" Azure) and dropped.

use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::sync::OnceLock;

/// A term that looks like a technology the taxonomy does not know.
///
/// ```
/// use skillgap::{Scorer, Taxonomy};
/// let scorer = Scorer::new(Taxonomy::builtin());
/// let job = scorer.parse_job("Nice to have\n- ClickHouse or another columnar store\n");
/// let t = &job.unrecognised[0];
/// assert_eq!((t.term.as_str(), t.line, t.count), ("ClickHouse", 2, 1));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnrecognisedTerm {
    /// The term as first written.
    pub term: String,
    /// 1-based line of its first appearance.
    pub line: usize,
    /// The section of its first appearance.
    pub section: super::JobSection,
    /// How many times it appears in the scanned items.
    pub count: usize,
}

fn short_words() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| {
        super::data::entries(include_str!("../../data/jd-short-words.txt")).collect()
    })
}

/// Words of job-ad jargon that the English word list lacks; they are read as
/// ordinary words.
fn jargon() -> &'static [&'static str] {
    super::data::word_list!("jd-jargon.txt")
}

/// Whether a lower-case word (or its singular) is an ordinary English word.
pub(crate) fn is_english(lower: &str) -> bool {
    if jargon().contains(&lower) || jargon().contains(&lower.trim_end_matches('s')) {
        return true;
    }
    let dict = crate::matcher::dictionary();
    let known = |w: &str| {
        if w.len() >= 5 {
            dict.contains(w)
        } else {
            short_words().contains(w)
        }
    };
    if lower.contains('-') {
        return lower.split('-').all(|p| p.is_empty() || is_english(p));
    }
    // British spellings: "behavioural", "organise", "centre", "analyse".
    let american = [
        ("our", "or"),
        ("ise", "ize"),
        ("isation", "ization"),
        ("yse", "yze"),
        ("tre", "ter"),
        ("ogue", "og"),
    ]
    .iter()
    .filter(|(uk, _)| lower.contains(uk))
    .any(|(uk, us)| known(&lower.replacen(uk, us, 1)));
    american
        || known(lower)
        || lower.strip_suffix('s').is_some_and(known)
        || lower.strip_suffix("es").is_some_and(known)
        || lower
            .strip_suffix("ies")
            .is_some_and(|s| known(&format!("{s}y")))
}

fn stop_word_list() -> &'static [&'static str] {
    super::data::word_list!("jd-stop-words.txt")
}

/// Acronyms that are business words or too generic to be a technology to add.
fn stop_acronym_list() -> &'static [&'static str] {
    super::data::word_list!("jd-stop-acronyms.txt")
}

/// Acronyms that are technical words: not listed, but they make a neighbour a
/// technology list ("Web API and Entity Framework").
fn tech_acronyms() -> &'static [&'static str] {
    super::data::word_list!("jd-tech-acronyms.txt")
}

/// Known skills that name a product family: a term right after one keeps it
/// as a prefix ("Azure AD", "Spring Data JPA", "AWS Step Functions").
fn families() -> &'static [&'static str] {
    super::data::word_list!("jd-product-families.txt")
}

/// Function words that never name a tool, even alone on a bullet.
fn function_words() -> &'static [&'static str] {
    super::data::word_list!("jd-function-words.txt")
}

/// Job roles: a capitalised run that ends in one is a title ("Test
/// Developer", "Product Owner"), not a technology.
fn role_words() -> &'static [&'static str] {
    super::data::word_list!("jd-role-words.txt")
}

fn intro_words() -> &'static [&'static str] {
    super::data::word_list!("jd-intro-words.txt")
}

fn determiners() -> &'static [&'static str] {
    super::data::word_list!("jd-determiners.txt")
}

fn team_words() -> &'static [&'static str] {
    super::data::word_list!("jd-team-words.txt")
}

/// What a token looks like.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Explained by the matcher or a phrase.
    Covered,
    /// A strong candidate (shape or non-English name).
    Strong,
    /// A capitalised English word: a candidate by position only.
    Weak,
    /// A technical acronym that is not listed.
    TechWord,
    /// Anything else.
    Plain,
}

#[derive(Debug, Clone)]
struct Token {
    start: usize,
    end: usize,
    kind: Kind,
    /// Strong only for being a capitalised word outside the dictionary
    /// (`Pulumi`), not for its shape.
    name: bool,
}

/// The company's own names: capitalised words of the header lines (not the
/// title), words of "About X" headings and first labels of domain names.
pub(crate) fn company_words(items: &[super::sections::Item]) -> HashSet<String> {
    let mut out = HashSet::new();
    for item in items {
        let header = item.section == super::JobSection::Header && !item.title && !item.heading;
        let about = item.heading && super::sections::fold(&item.text).starts_with("about ");
        for word in item
            .text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        {
            let lower = word.to_lowercase();
            if (header && !is_english(&lower)) || (about && lower != "about" && lower != "the") {
                out.insert(lower);
            }
        }
        for token in item.text.split_whitespace() {
            let t = token.trim_matches(|c: char| !c.is_alphanumeric());
            if is_domain(t) {
                if let Some(first) = t.split('.').next() {
                    out.insert(first.to_lowercase());
                }
            }
        }
    }
    out
}

fn is_domain(t: &str) -> bool {
    fn tlds() -> &'static [&'static str] {
        super::data::word_list!("jd-tlds.txt")
    }
    t.contains('.')
        && t.split('.').count() >= 2
        && t.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '.' || c == '-')
        && t.rsplit('.')
            .next()
            .is_some_and(|tld| tlds().contains(&tld))
}

/// Byte ranges of `<PLACEHOLDER>`s, URLs and e-mail addresses.
fn masked(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'<' {
            if let Some(j) = text[i..].find('>') {
                if j < 40 {
                    out.push((i, i + j + 1));
                    i += j + 1;
                    continue;
                }
            }
        }
        i += 1;
    }
    for (start, word) in text.split_whitespace().scan(0usize, |pos, w| {
        let start = text[*pos..].find(w).map_or(*pos, |p| *pos + p);
        *pos = start + w.len();
        Some((start, w))
    }) {
        if word.contains('@') || word.contains("://") || word.starts_with("www.") {
            out.push((start, start + word.len()));
        }
    }
    out
}

fn tokenize(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        let leading_dot = c == '.'
            && chars.get(i + 1).is_some_and(|(_, n)| n.is_alphanumeric())
            && (i == 0 || !chars[i - 1].1.is_alphanumeric());
        if !c.is_alphanumeric() && !leading_dot {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < chars.len() {
            let c = chars[j].1;
            if c.is_alphanumeric() {
                j += 1;
                continue;
            }
            let inner = matches!(c, '.' | '-' | '\'' | '’')
                && chars.get(j + 1).is_some_and(|(_, n)| n.is_alphanumeric());
            if inner {
                j += 1;
                continue;
            }
            if matches!(c, '+' | '#') && chars[j - 1].1.is_alphabetic() {
                while j < chars.len() && matches!(chars[j].1, '+' | '#') {
                    j += 1;
                }
            }
            break;
        }
        let end = chars.get(j).map_or(text.len(), |(b, _)| *b);
        let mut tok = &text[start..end];
        // Possessive "'s".
        for suffix in ["'s", "’s"] {
            if let Some(t) = tok.strip_suffix(suffix) {
                tok = t;
            }
        }
        out.push((start, start + tok.len()));
        i = j;
    }
    out
}

fn set_of(list: &'static [&'static str]) -> HashSet<&'static str> {
    list.iter().copied().collect()
}

fn stop_words() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| set_of(stop_word_list()))
}

fn stop_acronyms() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| set_of(stop_acronym_list()))
}

fn is_stop_word(lower: &str) -> bool {
    stop_words().contains(lower)
}

/// Classifies one token's shape (not its position).
fn shape(tok: &str, caps_line: bool, title_like: bool, company: &HashSet<String>) -> Kind {
    let lower = tok.to_lowercase();
    // "Google-wide": a hyphenated word is what its first part is.
    if let Some((first, _)) = lower.split_once('-') {
        if is_stop_word(first) || company.contains(first) {
            return Kind::Plain;
        }
    }
    let has_digit = tok.chars().any(|c| c.is_ascii_digit());
    let has_letter = tok.chars().any(char::is_alphabetic);
    if !has_letter {
        return Kind::Plain;
    }
    if is_stop_word(&lower) || company.contains(&lower) || tok.contains(['\'', '’']) {
        return Kind::Plain;
    }
    let singular = lower.strip_suffix('s').unwrap_or(&lower);
    let letters: String = tok.chars().filter(|c| c.is_alphabetic()).collect();
    let is_acronym = letters.len() >= 2
        && (tok.chars().all(|c| c.is_ascii_uppercase() || c == '&')
            || (tok.ends_with('s')
                && tok.len() >= 3
                && tok[..tok.len() - 1].chars().all(|c| c.is_ascii_uppercase())));
    if is_acronym && !has_digit {
        if tech_acronyms().contains(&lower.as_str()) || tech_acronyms().contains(&singular) {
            return Kind::TechWord;
        }
        if caps_line
            || tok.len() > 7
            || stop_acronyms().contains(lower.as_str())
            || stop_acronyms().contains(singular)
        {
            return Kind::Plain;
        }
        return Kind::Strong;
    }
    if has_digit {
        if not_a_technology_with_digits(&lower) || stop_acronyms().contains(lower.as_str()) {
            return Kind::Plain;
        }
        return Kind::Strong;
    }
    if tok.ends_with(['+', '#']) {
        return Kind::Strong;
    }
    if tok.contains('.') {
        return if is_abbreviation(&lower) || is_domain(tok) {
            Kind::Plain
        } else {
            Kind::Strong
        };
    }
    let first_upper = tok.chars().next().is_some_and(char::is_uppercase);
    let camel = tok
        .chars()
        .zip(tok.chars().skip(1))
        .any(|(a, b)| a.is_lowercase() && b.is_uppercase());
    if camel {
        return Kind::Strong;
    }
    if !first_upper {
        return Kind::Plain;
    }
    if caps_line && tok.chars().all(|c| !c.is_lowercase()) {
        return Kind::Plain;
    }
    let word = lower.trim_end_matches(['\'', '’']);
    if is_english(word) {
        Kind::Weak
    } else if word.len() >= 3 && !title_like {
        Kind::Strong
    } else {
        Kind::Plain
    }
}

/// Ordinals, sizes, durations, versions, quarters, CEFR levels, `24x7`, `B2B`.
fn not_a_technology_with_digits(lower: &str) -> bool {
    static RE: OnceLock<regex::Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        regex::Regex::new(
            r"^(?:\d+(?:st|nd|rd|th|s|x|k|m|b|h|hrs?|mins?|ms|gb|mb|tb|kb|am|pm|yrs?|pa|l|cr|lpa|d)\+?|\d+-[a-z-]+|[a-c][12]|v\d.*|q[1-4]|fy\d+|h[12]|\d+x\d+|\d+[a-z]\d*|[a-z]\d[a-z])$",
        )
        .expect("regex compiles")
    });
    re.is_match(lower)
}

fn is_abbreviation(lower: &str) -> bool {
    fn abbr() -> &'static [&'static str] {
        super::data::word_list!("jd-abbreviations.txt")
    }
    let t = lower.trim_end_matches('.');
    abbr().contains(&t) || t.split('.').all(|p| p.chars().count() <= 2)
}

/// Finds candidate terms in one item. `covered` are byte spans the matcher or
/// a phrase explained. Returns `(term, start)` pairs.
pub(crate) fn find_in_item(
    text: &str,
    covered: &[(usize, usize)],
    company: &HashSet<String>,
    bullet: bool,
    title: bool,
) -> Vec<(String, usize)> {
    let masks = masked(text);
    let upper = text.chars().filter(|c| c.is_uppercase()).count();
    let lowercase = text.chars().filter(|c| c.is_lowercase()).count();
    let caps_line = upper > lowercase;
    let spans = tokenize(text);
    let is_masked = |s: usize, e: usize| masks.iter().any(|&(a, b)| s < b && a < e);
    let is_covered = |s: usize, e: usize| covered.iter().any(|&(a, b)| s < b && a < e);
    // Title-like: most ordinary words (not known skills, not acronyms) are capitalised.
    let ordinary: Vec<&str> = spans
        .iter()
        .filter(|&&(s, e)| !is_masked(s, e) && !is_covered(s, e))
        .map(|&(s, e)| &text[s..e])
        .filter(|w| w.chars().count() >= 3 && w.chars().all(char::is_alphabetic))
        .filter(|w| w.chars().any(char::is_lowercase))
        .collect();
    let capitalised = ordinary
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    // A line that names a known skill is a list of technologies, not a heading.
    let names_a_skill = spans.iter().any(|&(s, e)| is_covered(s, e));
    let title_like =
        title || (!names_a_skill && ordinary.len() >= 2 && capitalised * 10 >= ordinary.len() * 7);

    let mut tokens: Vec<Token> = Vec::new();
    for (s, e) in spans {
        if is_masked(s, e) {
            tokens.push(Token {
                start: s,
                end: e,
                kind: Kind::Plain,
                name: false,
            });
            continue;
        }
        let kind = if is_covered(s, e) {
            Kind::Covered
        } else {
            shape(&text[s..e], caps_line, title_like, company)
        };
        let tok = &text[s..e];
        let name = kind == Kind::Strong
            && tok.chars().next().is_some_and(char::is_uppercase)
            && tok.chars().skip(1).all(char::is_lowercase);
        tokens.push(Token {
            start: s,
            end: e,
            kind,
            name,
        });
    }

    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if !matches!(tokens[i].kind, Kind::Strong | Kind::Weak) {
            i += 1;
            continue;
        }
        // A run: candidates joined by single spaces (or hyphens).
        let mut j = i + 1;
        while j < tokens.len()
            && matches!(tokens[j].kind, Kind::Strong | Kind::Weak)
            && is_space(&text[tokens[j - 1].end..tokens[j].start])
            && !separate_names(&tokens[j - 1], &tokens[j], text)
        {
            j += 1;
        }
        // Capitalised words that only open a sentence are not part of a name:
        // "In-depth HTML5".
        let at_clause_start = |k: usize| {
            let b = text[..tokens[k].start].trim_end();
            b.is_empty() || b.ends_with(['.', ':', ';', '!', '?', '•', '-', '–', '—'])
        };
        if tokens[i..j].iter().any(|t| t.kind == Kind::Strong) && at_clause_start(i) {
            while i + 1 < j && tokens[i].kind == Kind::Weak {
                i += 1;
            }
        }
        let run = &tokens[i..j];
        let strong = run.iter().any(|t| t.kind == Kind::Strong);
        let before = &text[..run[0].start];
        let after = &text[run[j - i - 1].end..];
        let prev = (i > 0).then(|| &tokens[i - 1]);
        // The nearest token before the run that is not a list word.
        let prev_tool = tokens[..i]
            .iter()
            .rev()
            .find(|t| {
                !matches!(
                    text[t.start..t.end].to_lowercase().as_str(),
                    "and" | "or" | "and/or"
                )
            })
            .map(|t| t.kind);
        let next = tokens.get(j);
        let after_covered =
            prev.is_some_and(|p| p.kind == Kind::Covered && is_space(&text[p.end..run[0].start]));
        let after_family = after_covered
            && prev.is_some_and(|p| {
                families().contains(&text[p.start..p.end].to_lowercase().as_str())
            });
        let before_covered = next.is_some_and(|n| {
            n.kind == Kind::Covered && is_space(&text[run[j - i - 1].end..n.start])
        });
        // A word outside the dictionary that opens a sentence ("Onboard new
        // colleagues") is a name only when what follows reads like one.
        let only_names = run
            .iter()
            .filter(|t| t.kind == Kind::Strong)
            .all(|t| t.name);
        let name_ok = if at_clause_start(i) {
            !only_names || name_follows(after)
        } else {
            // "a Unity Gameplay Programmer", "the Settlements team".
            !only_names
                || !(after_determiner(before) || team_words().contains(&next_word(after).as_str()))
        };
        let last_word = text[run[j - i - 1].start..run[j - i - 1].end].to_lowercase();
        let accepted = if !name_ok || role_words().contains(&last_word.as_str()) {
            false
        } else if strong {
            // A lone non-acronym word right before a known skill is its vendor.
            !(before_covered
                && run.len() == 1
                && !after_covered
                && is_vendor_like(&text[run[0].start..run[0].end]))
        } else {
            !title_like
                && weak_run_ok(
                    before,
                    after,
                    prev_tool,
                    &text[run[0].start..run[j - i - 1].end],
                    bullet,
                )
        };
        if accepted {
            let start = if after_family {
                prev.map_or(run[0].start, |p| p.start)
            } else {
                run[0].start
            };
            let term = text[start..run[j - i - 1].end].to_string();
            out.push((term, start));
        }
        i = j;
    }
    out
}

/// "Communication", "Leadership", "Teamwork": soft skills and domains, not tools.
fn is_abstract_noun(run: &str) -> bool {
    let lower = run.to_lowercase();
    [
        "tion", "sion", "ship", "ness", "ity", "ment", "ing", "ance", "ence", "ism", "work", "ics",
        "ogy",
    ]
    .iter()
    .any(|s| lower.ends_with(s))
}

/// Whether the last lower-case word before a run (capitalised words skipped:
/// "a Unity Gameplay Programmer") is a determiner.
fn after_determiner(before: &str) -> bool {
    let last = before
        .split(|c: char| c.is_whitespace())
        .rev()
        .find(|w| !w.is_empty() && !w.chars().next().is_some_and(char::is_uppercase))
        .unwrap_or("")
        .to_lowercase();
    determiners().contains(&last.as_str())
}

fn next_word(after: &str) -> String {
    after
        .trim_start()
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("")
        .to_lowercase()
}

/// What may follow a name that opens a sentence: the end, punctuation, a
/// list word or words about skill ("Kotlin experience", "Pulumi or Terraform").
fn name_follows(after: &str) -> bool {
    let a = after.trim_start();
    let Some(c) = a.chars().next() else {
        return true;
    };
    if !c.is_alphanumeric() {
        return true;
    }
    let word: String = a
        .chars()
        .take_while(|c| c.is_alphanumeric())
        .collect::<String>()
        .to_lowercase();
    c.is_uppercase()
        || matches!(
            word.as_str(),
            "is" | "are"
                | "or"
                | "and"
                | "for"
                | "with"
                | "experience"
                | "knowledge"
                | "skills"
                | "expertise"
                | "proficiency"
                | "development"
                | "programming"
                | "background"
                | "would"
                | "a"
                | "an"
                | "as"
                | "in"
                | "at"
                | "on"
                | "to"
                | "certification"
        )
}

/// Whether two adjacent strong tokens are two names ("Nunit SpecFlow" in a
/// list whose commas were lost) rather than one ("HL7 FHIR", "PCI DSS").
/// A word before a name is not part of it either ("Jest Nunit", "Unity Gameplay").
fn separate_names(a: &Token, b: &Token, text: &str) -> bool {
    let code = |t: &Token| {
        text[t.start..t.end]
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-')
    };
    (a.kind == Kind::Strong && b.kind == Kind::Strong && !(code(a) && code(b)))
        || (a.kind == Kind::Weak && b.name)
}

fn is_vendor_like(tok: &str) -> bool {
    let mut chars = tok.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.all(char::is_lowercase)
}

fn is_space(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c == ' ') && s.len() <= 2
}

/// Position rules for a run of capitalised English words.
fn weak_run_ok(
    before: &str,
    after: &str,
    prev_kind: Option<Kind>,
    run: &str,
    bullet: bool,
) -> bool {
    let b = before.trim_end();
    let a = after.trim_start();
    let a_lower = a.to_lowercase();
    let clause_start = b.is_empty() || b.ends_with(['.', ':', ';', '!', '?', '•', '-', '–', '—']);
    let follow_ok = [
        "for ",
        "or another",
        "or a similar",
        "or similar",
        "(or ",
        "or other",
    ]
    .iter()
    .any(|f| a_lower.starts_with(f));
    if clause_start {
        // Alone in its item ("- Temporal."), or naming a tool ("Temporal for ...").
        let rest = after.trim_matches(|c: char| c.is_whitespace() || matches!(c, '.' | ';' | ','));
        let alone = bullet && b.is_empty() && rest.is_empty();
        return (alone || follow_ok)
            && !is_abstract_noun(run)
            && !function_words().contains(&run.to_lowercase().as_str());
    }
    let last_word = b
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("")
        .to_lowercase();
    if after_determiner(before) || team_words().contains(&next_word(after).as_str()) {
        return false;
    }
    if a_lower.starts_with("or another") || a_lower.starts_with("(or ") {
        return true;
    }
    let b_lower = b.to_lowercase();
    if intro_words()
        .iter()
        .any(|w| b_lower.ends_with(w) && b_lower[..b_lower.len() - w.len()].ends_with([' ', '(']))
    {
        return true;
    }
    // A list that continues a technology: "Spring Data JPA / Hibernate",
    // "App Service, Functions or AKS".
    let joined_by_list = b.ends_with([',', '/', '('])
        || last_word == "and"
        || last_word == "or"
        || last_word == "and/or";
    joined_by_list
        && matches!(
            prev_kind,
            Some(Kind::Covered | Kind::Strong | Kind::TechWord)
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(text: &str) -> Vec<String> {
        find_in_item(text, &[], &HashSet::new(), true, false)
            .into_iter()
            .map(|t| t.0)
            .collect()
    }

    fn terms_covering(text: &str, known: &[&str]) -> Vec<String> {
        let covered: Vec<(usize, usize)> = known
            .iter()
            .flat_map(|k| {
                text.match_indices(k)
                    .map(|(i, m)| (i, i + m.len()))
                    .collect::<Vec<_>>()
            })
            .collect();
        find_in_item(text, &covered, &HashSet::new(), true, false)
            .into_iter()
            .map(|t| t.0)
            .collect()
    }

    #[test]
    fn shapes_that_look_like_technologies() {
        assert_eq!(
            terms("ClickHouse or another columnar store"),
            ["ClickHouse"]
        );
        assert_eq!(terms("Pulumi."), ["Pulumi"]);
        assert_eq!(terms("Contributions to CNCF projects."), ["CNCF"]);
        assert_eq!(
            terms("Healthcare or insurance domain knowledge (HL7 FHIR)."),
            ["HL7 FHIR"]
        );
        assert_eq!(
            terms("move tracing to OpenTelemetry v1.2."),
            ["OpenTelemetry"]
        );
        assert_eq!(
            terms("Frontend in Vue.js and C++ tooling"),
            ["Vue.js", "C++"]
        );
    }

    #[test]
    fn english_words_count_only_in_tool_positions() {
        assert_eq!(terms("Temporal."), ["Temporal"]);
        assert_eq!(terms("Temporal for durable workflows."), ["Temporal"]);
        assert_eq!(terms("Temporal or another workflow engine."), ["Temporal"]);
        assert_eq!(terms("Experience with Temporal at scale"), ["Temporal"]);
        assert!(terms("Payments or accounting domain experience.").is_empty());
        assert!(terms("Strong system design skills").is_empty());
        assert!(terms("You will join the Seller Platform squad").is_empty());
        assert!(terms("A degree in Computer Science").is_empty());
        assert!(terms("Lead Engineer").is_empty());
        assert!(terms_covering("QA/Test Developer", &["QA"]).is_empty());
        assert!(terms("You work with UX and Product Owner").is_empty());
        assert!(terms("Communication.").is_empty());
        let title = "Junior Backend Developer (Node.js)";
        assert!(find_in_item(title, &[(26, 33)], &HashSet::new(), false, true).is_empty());
        let title = "Backend Engineer — Python/Django (Series A fintech, 2+ yrs)";
        assert!(find_in_item(title, &[], &HashSet::new(), false, true).is_empty());
        assert!(terms("You'll join us").is_empty());
        assert!(terms("Banking.").is_empty());
    }

    #[test]
    fn ordinary_capitalised_words_months_places_and_acronyms_are_not_terms() {
        assert!(terms("Clear written communication in English.").is_empty());
        assert!(terms("Fix bugs reported by support and QA").is_empty());
        assert!(terms("Start in January in Bengaluru or Pune").is_empty());
        assert!(terms("regulatory compliance (RBI, PCI DSS)").is_empty());
        assert!(terms("Own the system design for 10x growth; 1:1s and 24x7 support").is_empty());
        assert!(terms("B.E. / B.Tech / MCA or equivalent").is_empty());
        assert!(terms("<ORGANIZATION> <ORGANIZATION> is a global leader").is_empty());
        assert!(
            terms("Mail careers@acme.example.com or see https://acme.example.com/Jobs").is_empty()
        );
        assert!(terms("You master English on level C1.").is_empty());
    }

    #[test]
    fn known_skills_extend_strong_terms_and_drop_vendors() {
        assert_eq!(
            terms_covering(
                "Spring Boot and Spring Data JPA / Hibernate.",
                &["Spring Boot", "Spring"]
            ),
            ["Spring Data JPA", "Hibernate"]
        );
        assert_eq!(
            terms_covering(
                "OAuth 2.0 / OpenID Connect with Azure AD.",
                &["OAuth", "OpenID Connect", "Azure"]
            ),
            ["Azure AD"]
        );
        assert!(terms_covering("Deep knowledge of Microsoft Azure", &["Azure"]).is_empty());
        assert_eq!(
            terms_covering(
                "ASP.NET Core Web API and Entity Framework Core.",
                &["ASP.NET Core"]
            ),
            ["Entity Framework Core"]
        );
    }

    #[test]
    fn lists_that_lost_their_commas_give_one_term_per_name() {
        assert_eq!(
            terms("our suite includes Cypress Jest Nunit SpecFlow Expecto FsCheck"),
            ["Nunit", "SpecFlow", "Expecto", "FsCheck"]
        );
        assert_eq!(
            terms_covering(
                "Linux administration Docker Ansible Git",
                &["Linux", "Docker", "Git"]
            ),
            ["Ansible"]
        );
        assert_eq!(
            terms("In-depth HTML5 / JavaScript"),
            ["HTML5", "JavaScript"]
        );
        assert!(terms("BA/BS degree in Computer Science or other related field").is_empty());
        assert!(terms("Google-wide infrastructure").is_empty());
        assert!(terms("Onboard new colleagues.").is_empty());
        assert!(terms("Behavioural testing").is_empty());
        assert_eq!(terms("Kotlin is a plus"), ["Kotlin"]);
    }

    #[test]
    fn title_case_lines_use_shape_only() {
        assert!(terms("Unity Gameplay Programmer").is_empty());
        assert!(terms("We are looking for a Unity Gameplay Programmer to join").is_empty());
        assert_eq!(
            terms("Infrastructure as code with Terraform (or Pulumi)."),
            ["Terraform", "Pulumi"]
        );
        assert!(terms("Banking Technology Engineering & Architecture").is_empty());
        assert!(terms("SENIOR PYTHON DEVELOPER")
            .iter()
            .all(|t| t != "SENIOR"));
    }

    #[test]
    fn english_words_and_their_plurals() {
        assert!(is_english("temporal"));
        assert!(is_english("payments"));
        assert!(is_english("go"));
        assert!(!is_english("pulumi"));
        assert!(!is_english("kubernetes"));
    }
}
