//! Job-description sections and items.
//!
//! A job description is cut into **items**: a heading, a bullet (with the lines
//! it wraps onto), or a paragraph of prose (lines joined until a blank line, a
//! bullet or a heading; a line continues the item before it when it starts with
//! a lower-case letter, or when it is indented under a bullet). Each item
//! belongs to one [`JobSection`].
//!
//! A **heading** is a line that is not a bullet, has at most ten words, does
//! not end like a sentence (`.`, `,`, `;`), looks like a heading (a Markdown
//! `#` heading, a trailing `:` or `?`, all capitals, or at most six words), and
//! whose words (lower case, letters only, `&` read as `and`, apostrophes
//! dropped) contain one of the phrases of [`job_heading`]'s table. Unknown
//! heading-like lines ("Create:", "A week in the pod" without a known phrase)
//! do not change the section.
//!
//! An **inline heading** is a known label of at most four words before a `:`
//! followed by content ("Nice to have: Redis", "Experience: 3-5 years"); it
//! sets the section of that item only.

use serde::{Deserialize, Serialize};

/// The kind of job-description section an item belongs to.
///
/// ```
/// use skillgap::{Scorer, Taxonomy};
/// use skillgap::jd::JobSection;
/// let scorer = Scorer::new(Taxonomy::builtin());
/// let job = scorer.parse_job("Engineer\nMust have:\n- Python\nPerks:\n- Gym\n");
/// let found: Vec<JobSection> = job.sections.iter().map(|s| s.section).collect();
/// assert_eq!(found, [JobSection::Requirements, JobSection::Benefits]);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum JobSection {
    /// Before the first heading: the title, the company and location line.
    Header,
    /// Metadata fields: "Location:", "Job type:", "Experience level:", "Salary:".
    Meta,
    /// About the role or the team, job description, overview, mission.
    Role,
    /// What you will do: responsibilities, duties, tasks.
    Responsibilities,
    /// What you need: requirements, must have, qualifications, about you.
    Requirements,
    /// Nice to have, bonus points, preferred qualifications, desirable skills.
    Preferred,
    /// Technologies, tech stack, tools.
    Stack,
    /// Education and degrees (counted like requirements).
    Education,
    /// What we offer: benefits, perks, compensation.
    Benefits,
    /// About the company, culture, how we work, equal opportunity.
    Company,
    /// How to apply, hiring and interview process.
    Process,
}

impl JobSection {
    /// The lower-case name used in reports.
    ///
    /// ```
    /// use skillgap::jd::JobSection;
    /// assert_eq!(JobSection::Preferred.as_str(), "preferred");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            JobSection::Header => "header",
            JobSection::Meta => "meta",
            JobSection::Role => "role",
            JobSection::Responsibilities => "responsibilities",
            JobSection::Requirements => "requirements",
            JobSection::Preferred => "preferred",
            JobSection::Stack => "stack",
            JobSection::Education => "education",
            JobSection::Benefits => "benefits",
            JobSection::Company => "company",
            JobSection::Process => "process",
        }
    }

    /// Whether skills named here are ignored (company blurb, benefits, hiring
    /// process, metadata).
    ///
    /// ```
    /// use skillgap::jd::JobSection;
    /// assert!(JobSection::Benefits.is_ignored());
    /// assert!(!JobSection::Requirements.is_ignored());
    /// ```
    pub fn is_ignored(self) -> bool {
        matches!(
            self,
            JobSection::Benefits | JobSection::Company | JobSection::Process | JobSection::Meta
        )
    }
}

impl std::fmt::Display for JobSection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

use JobSection as S;

/// Heading phrases (`data/jd-headings.txt`), checked in this order; the first
/// phrase found among the heading's folded words decides. A phrase written with
/// a leading `^` must start the heading; one written with a trailing `$` must
/// end it; `=` means the whole heading.
const HEADINGS: &str = include_str!("../../data/jd-headings.txt");

/// The heading phrases of [`HEADINGS`], in order.
fn phrases() -> &'static [(&'static str, JobSection)] {
    static TABLE: std::sync::OnceLock<Vec<(&'static str, JobSection)>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        super::data::entries(HEADINGS)
            .map(|l| {
                let (section, phrase) = l.split_once(' ').expect("SECTION PHRASE");
                (phrase, section_named(section).expect("a known section"))
            })
            .collect()
    })
}

/// The section called `name` in reports ([`JobSection::as_str`]).
pub(crate) fn section_named(name: &str) -> Option<JobSection> {
    [
        S::Header,
        S::Meta,
        S::Role,
        S::Responsibilities,
        S::Requirements,
        S::Preferred,
        S::Stack,
        S::Education,
        S::Benefits,
        S::Company,
        S::Process,
    ]
    .into_iter()
    .find(|s| s.as_str() == name)
}

/// Folds a heading to lower-case words (`crate::chars::fold`, shared with the
/// taxonomy's compiled phrase groups).
pub(crate) use crate::chars::fold;

/// Classifies a folded heading by the phrase table.
fn classify(folded: &str) -> Option<JobSection> {
    if folded.is_empty() {
        return None;
    }
    let padded = format!(" {folded} ");
    for &(phrase, section) in phrases() {
        let hit = if let Some(p) = phrase.strip_prefix('=') {
            folded == p
        } else if let Some(p) = phrase.strip_prefix('^') {
            folded == p || folded.starts_with(&format!("{p} "))
        } else if let Some(p) = phrase.strip_suffix('$') {
            folded == p || folded.ends_with(&format!(" {p}"))
        } else {
            padded.contains(&format!(" {phrase} "))
        };
        if hit {
            return Some(section);
        }
    }
    None
}

/// The bullet that starts `text` (after indentation), with the rest of the line.
pub(crate) fn strip_bullet(text: &str) -> Option<&str> {
    let t = text.trim_start();
    for b in ["•", "-", "*", "–", "—", "+", "·", "o ", "➔", "→", "»"] {
        if let Some(rest) = t.strip_prefix(b) {
            if rest.starts_with(' ') || rest.is_empty() {
                return Some(rest.trim_start_matches([' ', '•', '*']));
            }
        }
    }
    // Numbered items: "1.", "2)", "(a)".
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=2).contains(&digits) {
        let rest = &t[digits..];
        if let Some(r) = rest.strip_prefix(['.', ')']) {
            if r.starts_with(' ') {
                return Some(r.trim_start());
            }
        }
    }
    None
}

/// Looks up a job-description heading by its text, as written.
///
/// ```
/// use skillgap::jd::{job_heading, JobSection};
/// assert_eq!(job_heading("Nice to have:"), Some(JobSection::Preferred));
/// assert_eq!(job_heading("## What we're looking for"), Some(JobSection::Requirements));
/// assert_eq!(job_heading("PREFERRED QUALIFICATIONS"), Some(JobSection::Preferred));
/// assert_eq!(job_heading("Why Billcraft? (the long version)"), Some(JobSection::Benefits));
/// assert_eq!(job_heading("About the role"), Some(JobSection::Role));
/// assert_eq!(job_heading("About Parcelnest"), Some(JobSection::Company));
/// assert_eq!(job_heading("- Docker."), None); // a bullet
/// assert_eq!(job_heading("Strong SQL skills with PostgreSQL or MySQL."), None); // a sentence
/// ```
pub fn job_heading(text: &str) -> Option<JobSection> {
    let without_placeholders = strip_placeholders(text);
    let raw = without_placeholders.trim();
    // "Salary: 20 LPA" is a field with its value, not a heading.
    if let Some(colon) = raw.find(':') {
        if raw[colon + 1..].chars().any(char::is_alphanumeric) {
            return None;
        }
    }
    let markdown = raw.starts_with('#');
    if !markdown && strip_bullet(raw).is_some() {
        return None;
    }
    let t = raw
        .trim_start_matches(|c: char| !c.is_alphanumeric() && c != '(')
        .trim_end_matches(['*', '_', '#', '=', '-', ' ']);
    if t.is_empty() || t.chars().count() > 80 {
        return None;
    }
    let ends_colon = t.ends_with(':') || t.ends_with('?');
    let t = t.trim_end_matches([':', '?', '!', ' ', '*']);
    if t.ends_with(['.', ',', ';']) {
        return None;
    }
    let words = t.split_whitespace().count();
    if words == 0 || words > 10 {
        return None;
    }
    let letters: Vec<char> = t.chars().filter(|c| c.is_alphabetic()).collect();
    let all_caps = letters.len() >= 3 && letters.iter().all(|c| c.is_uppercase());
    let has_question = t.contains('?');
    let looks_like_heading = markdown || ends_colon || all_caps || has_question || words <= 6;
    if !looks_like_heading {
        return None;
    }
    classify(&fold(t))
}

/// The text without `<PLACEHOLDER>`s (de-identified postings).
fn strip_placeholders(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains('<') {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('<') {
        match rest[open..].find('>') {
            Some(close) if close < 40 => {
                out.push_str(&rest[..open]);
                rest = &rest[open + close + 1..];
            }
            _ => {
                out.push_str(&rest[..=open]);
                rest = &rest[open + 1..];
            }
        }
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

/// First words of a label that speaks to the reader rather than naming a skill.
const ADDRESSING_WORDS: &str = include_str!("../../data/jd-addressing-words.txt");

/// An inline heading: `Nice to have: Redis` → `(Preferred, byte offset of "Redis")`.
///
/// The label may be emphasised, as Markdown postings write their requirement
/// bullets: `**Experience:** 2+ years`, `- **Skills**: Go`, `__Must have:__ Go`
/// (the offset is then after the closing markers). A label has at most four
/// words, or six when it names requirements or preferences ("What we are
/// looking for: ...").
pub(crate) fn inline_heading(text: &str) -> Option<(JobSection, usize)> {
    let body_start = text.len() - text.trim_start().len();
    let body = &text[body_start..];
    let (label_start, label_body) = match strip_bullet(body) {
        Some(rest) => (text.len() - rest.len(), rest),
        None => (body_start, body),
    };
    // Opening emphasis: `**Label:**` (strip_bullet already took a bullet's `*`s).
    let unemphasised = label_body.trim_start_matches(['*', '_']);
    let label_start = label_start + (label_body.len() - unemphasised.len());
    let label_body = unemphasised;
    let colon = label_body.find(':')?;
    if colon == 0 || colon > 48 {
        return None;
    }
    let label = label_body[..colon].trim_end_matches(['*', '_', ' ']);
    if label.is_empty() || label.contains(['.', ',', '(']) {
        return None;
    }
    let mut content = label_start + colon + 1;
    // Closing emphasis after the colon: `**Label:** content`.
    content += text[content..].len() - text[content..].trim_start_matches(['*', '_']).len();
    if text[content..].trim().is_empty() {
        return None;
    }
    // "https://..." is not a label.
    if text[content..].starts_with("//") {
        return None;
    }
    let folded = fold(label);
    let section = classify(&folded)?;
    let words = label.split_whitespace().count();
    // A longer label addresses the reader ("What we are looking for:"); one
    // that describes a skill ("Strong SQL and PostgreSQL skills: you can...")
    // is part of the requirement.
    let addressed = folded
        .split(' ')
        .next()
        .is_some_and(|w| super::data::entries(ADDRESSING_WORDS).any(|a| a == w));
    let max_words = match section {
        JobSection::Requirements | JobSection::Preferred if addressed => 6,
        _ => 4,
    };
    if words > max_words {
        return None;
    }
    let skip = text[content..].len() - text[content..].trim_start().len();
    Some((section, content + skip))
}

/// The folded label of a line with an inline heading (`**Experience:** 2
/// years` → `experience`).
fn label_of(text: &str) -> Option<String> {
    let body = text.trim_start();
    let body = strip_bullet(body).unwrap_or(body);
    Some(fold(body.split(':').next()?))
}

/// One unit of a job description: a heading, a bullet with its wrapped lines,
/// or a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Item {
    /// 1-based line of the input where the item starts.
    pub line: usize,
    /// The item's text: wrapped lines joined with a space; for an inline
    /// heading, only the content after the label.
    pub text: String,
    /// The section it belongs to.
    pub section: JobSection,
    /// A heading line (its text names the section).
    pub heading: bool,
    /// A bullet or numbered item.
    pub bullet: bool,
    /// The job title.
    pub title: bool,
    /// The section came from an inline label ("Nice to have: ...").
    pub inline_label: bool,
    /// The folded inline label ("experience"), when there is one.
    pub label: Option<String>,
}

/// Cuts a job description into items (see the module documentation).
pub(crate) fn split_items(input: &str) -> Vec<Item> {
    let mut lines = crate::text::normalize(input);
    for line in &mut lines {
        if let Some(rejoined) = rejoin_dotnet(&line.text) {
            line.text = rejoined;
        }
    }
    let mut items: Vec<Item> = Vec::new();
    let mut section = JobSection::Header;
    let mut open = false; // whether the last item may take continuation lines
    let mut title_seen = false;
    let texts: Vec<&str> = lines.iter().map(|l| l.text.trim()).collect();
    for (at, line) in lines.iter().enumerate() {
        let raw = line.text.as_str();
        let text = raw.trim();
        if text.is_empty() || is_rule(text) {
            open = false;
            continue;
        }
        // The first line is the title unless it is a short, known heading
        // ("About us", "Job description"), or prose (a one-paragraph posting).
        let first = !title_seen && items.is_empty();
        // A hard-wrapped paragraph continues on the next line in lower case.
        let wraps_on = texts
            .get(at + 1)
            .is_some_and(|n| n.starts_with(|c: char| c.is_lowercase()));
        if first && (!looks_like_a_title(text) || wraps_on) && inline_heading(raw).is_none() {
            title_seen = true;
        }
        let heading = job_heading(text)
            .or_else(|| numbered_heading(&texts, at))
            .filter(|_| !first || fold(text).split(' ').count() <= 3);
        if let Some(s) = heading {
            items.push(Item {
                line: line.number,
                text: text.to_string(),
                section: s,
                heading: true,
                bullet: false,
                title: false,
                inline_label: false,
                label: None,
            });
            section = s;
            open = false;
            continue;
        }
        let bullet = strip_bullet(raw).is_some();
        let indented = raw.starts_with(' ');
        if open && !bullet {
            let prev = items.last_mut().expect("open implies an item");
            let starts_lower = text.starts_with(|c: char| c.is_lowercase());
            if (indented && prev.bullet) || starts_lower {
                prev.text.push(' ');
                prev.text.push_str(text);
                continue;
            }
        }
        let (item_section, content, label) = match inline_heading(raw) {
            Some((s, at)) => (s, without_emphasis(raw[at..].trim()), label_of(raw)),
            None => (section, clean_bullet(raw), None),
        };
        let inline = label.is_some();
        let title = !title_seen
            && section == JobSection::Header
            && (!inline || item_section == JobSection::Meta && is_title_label(raw));
        if title {
            title_seen = true;
        }
        let title_done = title;
        items.push(Item {
            line: line.number,
            text: content,
            section: if title && !inline {
                JobSection::Header
            } else {
                item_section
            },
            heading: false,
            bullet,
            title,
            inline_label: inline,
            label,
        });
        // The title takes no continuation lines.
        open = !title_done;
    }
    items
}

/// `.NET` split by a tokeniser that put a space after every full stop
/// ("C#. NET Core", "-. NET", ". NET is your daily companion"), written back
/// as ` .NET` (same length): a `. NET` whose `NET` is upper case and ends a
/// word, on a line that is not written in capitals. `None` when unchanged.
///
/// ```text
/// "C#. NET Core and. NET Framework" -> "C# .NET Core and .NET Framework"
/// ```
pub(crate) fn rejoin_dotnet(line: &str) -> Option<String> {
    if !line.contains(". NET") || !line.contains(char::is_lowercase) {
        return None;
    }
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    let mut changed = false;
    while let Some(at) = rest.find(". NET") {
        let after = &rest[at + 5..];
        out.push_str(&rest[..at]);
        if after.chars().next().is_none_or(|c| !c.is_alphanumeric()) {
            out.push_str(" .NET");
            changed = true;
        } else {
            out.push_str(". NET");
        }
        rest = after;
    }
    out.push_str(rest);
    changed.then_some(out)
}

/// Whether a first line reads as a job title rather than as the first
/// sentence of a posting written as one paragraph: at most fifteen words, no
/// sentence break inside ("We are hiring a Go engineer. You have ..."), not
/// cut mid-sentence ("... to build APIs in").
fn looks_like_a_title(text: &str) -> bool {
    let words = text.split_whitespace().count();
    let sentence_break = text.match_indices(['.', '!', '?', ';']).any(|(i, _)| {
        let word = text[..i].rsplit(' ').next().unwrap_or("");
        text[i + 1..].starts_with(' ') && word.chars().filter(|c| c.is_alphabetic()).count() >= 4
    });
    let last = text.rsplit(' ').next().unwrap_or("").to_lowercase();
    let cut_mid_sentence =
        text.ends_with(',') || (words > 3 && super::data::entries(MID_SENTENCE).any(|w| w == last));
    let long_sentence = words > 8 && text.ends_with('.');
    !(words > 15 || sentence_break || cut_mid_sentence || long_sentence)
}

/// Words a title never ends with: a line ending so is a sentence cut by a
/// line break.
const MID_SENTENCE: &str = include_str!("../../data/jd-mid-sentence-words.txt");

/// The number of a numbered item (`2.`, `3)`), with the text after it.
fn numbered(text: &str) -> Option<(u32, &str)> {
    let t = text.trim_start();
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=2).contains(&digits) {
        return None;
    }
    let rest = t[digits..].strip_prefix(['.', ')'])?;
    rest.starts_with(' ')
        .then(|| (t[..digits].parse().ok(), rest.trim()))
        .and_then(|(n, r)| Some((n?, r)))
}

/// A numbered section heading ("2. What we are looking for", "3) BENEFITS",
/// "1. Requirements:") among `lines` (trimmed, empty lines included): a
/// numbered line whose text is a known heading, written as one (a trailing
/// colon, capitals, bold), or opening a list numbered from 1 or bulleted,
/// or standing between prose and prose rather than inside its own numbered list.
fn numbered_heading(lines: &[&str], at: usize) -> Option<JobSection> {
    let (n, rest) = numbered(lines[at])?;
    let section = job_heading(rest)?;
    let strong = {
        let t = rest.trim_end();
        let letters: Vec<char> = t.chars().filter(|c| c.is_alphabetic()).collect();
        t.ends_with(':')
            || t.ends_with(":**")
            || (t.starts_with("**") && t.ends_with("**"))
            || (letters.len() >= 3 && letters.iter().all(|c| c.is_uppercase()))
    };
    if strong {
        return Some(section);
    }
    let next = lines[at + 1..].iter().find(|l| !l.is_empty());
    let prev = lines[..at].iter().rev().find(|l| !l.is_empty());
    let next_number = next.and_then(|l| numbered(l)).map(|(k, _)| k);
    let opens_a_list = next_number == Some(1)
        || next.is_some_and(|l| numbered(l).is_none() && strip_bullet(l).is_some());
    let in_a_list = next_number == Some(n + 1)
        || prev.is_some_and(|l| numbered(l).is_some_and(|(k, _)| k + 1 == n));
    (opens_a_list || !in_a_list).then_some(section)
}

/// Text without Markdown emphasis markers (`**`, `__`).
fn without_emphasis(text: &str) -> String {
    text.replace("**", "").replace("__", "")
}

/// `JOB TITLE:` or `Title:` or `Position:`.
fn is_title_label(raw: &str) -> bool {
    let label = raw.split(':').next().unwrap_or("");
    matches!(
        fold(label).as_str(),
        "job title" | "title" | "position title" | "position" | "role"
    )
}

/// A horizontal rule (`---`, `***`, `===`).
fn is_rule(text: &str) -> bool {
    text.len() >= 3
        && text
            .chars()
            .all(|c| matches!(c, '-' | '*' | '=' | '_' | '—' | '–'))
}

/// The line without its bullet glyph and without Markdown emphasis markers.
fn clean_bullet(raw: &str) -> String {
    let t = strip_bullet(raw).unwrap_or(raw).trim();
    without_emphasis(t.trim_start_matches('#').trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sections(input: &str) -> Vec<(String, JobSection)> {
        split_items(input)
            .into_iter()
            .filter(|i| !i.heading)
            .map(|i| (i.text, i.section))
            .collect()
    }

    #[test]
    fn fixture_headings_are_recognised() {
        for (h, s) in [
            ("About the Technology Centre", S::Company),
            ("About the role", S::Role),
            ("What you will do", S::Responsibilities),
            ("Required experience", S::Requirements),
            ("Preferred qualifications", S::Preferred),
            ("What we offer", S::Benefits),
            ("About Parcelnest", S::Company),
            ("The role", S::Role),
            ("What you'll do", S::Responsibilities),
            ("Requirements", S::Requirements),
            ("Nice to have", S::Preferred),
            ("How to apply", S::Process),
            ("Who we are:", S::Company),
            ("Your role:", S::Role),
            ("Your responsibilities:", S::Responsibilities),
            ("What you need:", S::Requirements),
            ("Good to have:", S::Preferred),
            ("How to apply:", S::Process),
            ("Perks:", S::Benefits),
            ("COMPANY OVERVIEW", S::Company),
            ("ROLE SUMMARY", S::Role),
            ("KEY RESPONSIBILITIES", S::Responsibilities),
            ("MANDATORY SKILLS", S::Requirements),
            ("DESIRABLE SKILLS", S::Preferred),
            ("EDUCATION", S::Education),
            ("WHAT WE OFFER", S::Benefits),
            ("Responsibilities:", S::Responsibilities),
            ("Must have:", S::Requirements),
            ("Nice to have:", S::Preferred),
            ("How we work:", S::Company),
            ("Interview process:", S::Process),
            ("We offer:", S::Benefits),
            ("🧾 About us", S::Company),
            ("What you'll work on", S::Responsibilities),
            ("You'll thrive here if you have", S::Requirements),
            ("Bonus", S::Preferred),
            (
                "Why Billcraft? (the long version — we like our perks)",
                S::Benefits,
            ),
            ("A week in the Collections pod", S::Company),
            ("Our hiring process", S::Process),
            ("## Who we are", S::Company),
            ("## What you will do", S::Responsibilities),
            ("## What we're looking for", S::Requirements),
            ("## Bonus points", S::Preferred),
            ("## How we hire", S::Process),
            ("## Compensation & benefits", S::Benefits),
            ("ABOUT FINVERSE", S::Company),
            ("THE OPPORTUNITY", S::Role),
            ("RESPONSIBILITIES", S::Responsibilities),
            ("REQUIREMENTS", S::Requirements),
            ("PREFERRED", S::Preferred),
            ("BENEFITS", S::Benefits),
            ("Minimum qualifications:", S::Requirements),
            ("Technologies:", S::Stack),
            ("Job benefits:", S::Benefits),
            ("Company description:", S::Company),
            ("What’s the stack?", S::Stack),
            ("YOUR PROFILE", S::Requirements),
            ("About you:", S::Requirements),
            ("Desired Candidate Profile", S::Requirements),
            ("Preferred candidate profile", S::Requirements),
            ("Roles and Responsibilities", S::Responsibilities),
            ("Good-to-Have Skills:", S::Preferred),
            ("Must-Have Skills:", S::Requirements),
            ("About the job", S::Role),
            ("Basic Qualifications", S::Requirements),
            ("Perks and Benefits", S::Benefits),
            ("You are:", S::Requirements),
        ] {
            assert_eq!(job_heading(h), Some(s), "{h}");
        }
    }

    #[test]
    fn sentences_and_bullets_are_not_headings() {
        for t in [
            "- Kubernetes.",
            "• Strong knowledge of application and cloud security.",
            "Excellent written and verbal communication, including with executives.",
            "We are hiring a Staff Engineer to lead the Settlements team (7 engineers) and to own",
            "Create:",
            "Backend Engineer (m/f/d)",
        ] {
            assert_eq!(job_heading(t), None, "{t}");
        }
    }

    #[test]
    fn bullets_take_their_wrapped_lines() {
        let items = split_items(
            "Requirements\n• 10+ years in software,\n  including 4 as an architect.\n• Kafka.\n",
        );
        let texts: Vec<&str> = items
            .iter()
            .filter(|i| !i.heading)
            .map(|i| i.text.as_str())
            .collect();
        assert_eq!(
            texts,
            [
                "10+ years in software, including 4 as an architect.",
                "Kafka."
            ]
        );
        assert_eq!(items[1].line, 2);
        assert_eq!(items[2].line, 4);
    }

    #[test]
    fn inline_labels_set_the_item_section_only() {
        let s = sections("Requirements\nPython\nNice-to-haves: Celery Redis\nEnglish at C1\n");
        assert_eq!(s[0], ("Python".into(), S::Requirements));
        assert_eq!(s[1], ("Celery Redis".into(), S::Preferred));
        assert_eq!(s[2], ("English at C1".into(), S::Requirements));
    }

    #[test]
    fn the_first_line_is_the_title() {
        let items =
            split_items("Senior Backend Engineer (Go)\nAcme · Pune\n\nAbout us\nWe ship.\n");
        assert!(items[0].title);
        assert_eq!(items[0].text, "Senior Backend Engineer (Go)");
        assert!(!items[1].title);
        let items = split_items("JOB TITLE: Java Developer\nLOCATION: Pune\n");
        assert!(items[0].title);
        assert_eq!(items[0].text, "Java Developer");
        assert_eq!(items[1].section, S::Meta);
    }

    #[test]
    fn a_sentence_inside_prose_is_not_an_inline_heading() {
        assert_eq!(
            inline_heading("Our stack is deliberately boring: C# on .NET 8"),
            None
        );
        assert_eq!(inline_heading("Microsoft Azure: App Service"), None);
        assert_eq!(
            inline_heading("EXPERIENCE: 3 - 5 years"),
            Some((S::Meta, 12))
        );
    }
}
