//! Resume sections: which heading each line falls under.
//!
//! A heading is a short line whose words (letters only, case folded, `&` read as
//! `and`, a trailing `:` or `-` ignored, Markdown `#` and bullets stripped) are one
//! of the known headings (`data/headings-*.txt`), or such a heading followed by `:`, `•`, ` - ` or two
//! spaces and then content (an inline heading: "Skills: Java, Go").
//!
//! Inside an Experience section, a skills or projects heading with its content on the
//! same line ("- Technologies: C#, SQL", "Projects: Payments API") is a label of the
//! job above: it marks its own line, and the lines after it are still experience.
//!
//! Two-column layouts flattened to text show two headings on one line separated
//! by three or more spaces ("SKILLS        EXPERIENCE"). From such a line on, each
//! line is split at the column gap into two segments, each in its own section,
//! until the next heading line that has only one heading at the left margin.

use serde::{Deserialize, Serialize};

use crate::hash::{FastMap, FastSet};

/// The kind of resume section a line belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum Section {
    /// Before the first heading: name, contact, title; or a resume without headings.
    Header,
    /// Summary, profile, objective.
    Summary,
    /// Skills lists: a skill named only here is *claimed*.
    Skills,
    /// Work experience: a skill used here is *evidenced*.
    Experience,
    /// Projects: a skill used here is *evidenced*.
    Projects,
    /// Education and coursework.
    Education,
    /// Certifications, trainings, courses.
    Certifications,
    /// Any other heading (awards, interests, personal details...).
    Other,
}

impl Section {
    /// Every section, in document order.
    pub(crate) const ALL: [Section; 8] = [
        Section::Header,
        Section::Summary,
        Section::Skills,
        Section::Experience,
        Section::Projects,
        Section::Education,
        Section::Certifications,
        Section::Other,
    ];

    /// The lower-case name used in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Section::Header => "header",
            Section::Summary => "summary",
            Section::Skills => "skills",
            Section::Experience => "experience",
            Section::Projects => "projects",
            Section::Education => "education",
            Section::Certifications => "certifications",
            Section::Other => "other",
        }
    }

    /// Whether a mention here shows hands-on use (experience or projects).
    pub fn is_evidence(self) -> bool {
        matches!(self, Section::Experience | Section::Projects)
    }
}

impl std::fmt::Display for Section {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Known headings (`data/headings-<section>.txt`), in their folded form (lower case, letters
/// and single spaces), shortest first and then in byte order: the order
/// [`trailing_heading`] tries them in, so that of "…Technical Skill Set" it takes
/// "Skill Set" as the heading.
fn heading_table() -> &'static [(&'static str, Section)] {
    static TABLE: std::sync::OnceLock<Vec<(&'static str, Section)>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table: Vec<(&'static str, Section)> = crate::data::HEADINGS
            .iter()
            .flat_map(|&(name, file)| {
                let section = Section::ALL
                    .into_iter()
                    .find(|s| s.as_str() == name)
                    .expect("every data/headings-<section>.txt names a section");
                crate::data::entries(file).map(move |h| (h, section))
            })
            .collect();
        table.sort_by_key(|&(h, _)| (h.len(), h));
        table
    })
}

/// A run of a line that belongs to one section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    /// Index of the normalised line it comes from.
    pub line_index: usize,
    /// Byte range within that line.
    pub range: std::ops::Range<usize>,
    /// The section it belongs to.
    pub section: Section,
    /// Whether this segment is a heading (its text names the section).
    pub heading: bool,
}

/// Looks up a heading by its text, as written.
///
/// ```
/// use skillgap::text::{heading_section, Section};
/// assert_eq!(heading_section("TECHNICAL SKILLS:"), Some(Section::Skills));
/// assert_eq!(heading_section("## Work History"), Some(Section::Experience));
/// assert_eq!(heading_section("Built REST APIs"), None);
/// ```
pub fn heading_section(text: &str) -> Option<Section> {
    let t = strip_heading(text);
    if t.is_empty() || t.len() > 48 {
        return None;
    }
    if t.is_ascii() {
        // Folded on the stack (this runs on most lines, several times on some).
        let mut buf = [0u8; 5 * 48];
        return headings().get(fold_ascii(t, &mut buf)?).copied();
    }
    let folded = fold_heading(text)?;
    headings().get(folded.as_str()).copied()
}

/// A candidate heading without its Markdown `#`, bullets and trailing `:`/`-`.
fn strip_heading(text: &str) -> &str {
    text.trim()
        .trim_start_matches(['#', '•', '*', '-', '=', '_', ' '])
        .trim_end_matches([':', '-', '–', '=', '_', ' ', '*', '#'])
}

/// [`fold_heading`] of an ASCII text already stripped ([`strip_heading`]), written into `buf`
/// (five bytes an input byte: `&` is ` and `): the same folding as [`crate::chars::fold`] with
/// digits read as spaces, and `None` past six words.
fn fold_ascii<'b>(t: &str, buf: &'b mut [u8; 5 * 48]) -> Option<&'b str> {
    let mut n = 0;
    let mut space = true;
    let mut words = 0;
    for &b in t.as_bytes() {
        match b {
            b'\'' => {}
            b'&' => {
                if !space {
                    buf[n] = b' ';
                    n += 1;
                }
                buf[n..n + 4].copy_from_slice(b"and ");
                n += 4;
                words += 1;
                space = true;
            }
            b if b.is_ascii_alphabetic() => {
                if space {
                    words += 1;
                }
                buf[n] = b.to_ascii_lowercase();
                n += 1;
                space = false;
            }
            _ => {
                if !space {
                    buf[n] = b' ';
                    n += 1;
                    space = true;
                }
            }
        }
    }
    while n > 0 && buf[n - 1] == b' ' {
        n -= 1;
    }
    if words > 6 {
        return None;
    }
    std::str::from_utf8(&buf[..n]).ok()
}

/// The known headings as a map, built once.
fn headings() -> &'static FastMap<&'static str, Section> {
    static MAP: std::sync::OnceLock<FastMap<&'static str, Section>> = std::sync::OnceLock::new();
    MAP.get_or_init(|| heading_table().iter().copied().collect())
}

/// The last word of every heading of two or more words.
fn heading_last_words() -> &'static FastSet<&'static str> {
    static SET: std::sync::OnceLock<FastSet<&'static str>> = std::sync::OnceLock::new();
    SET.get_or_init(|| {
        heading_table()
            .iter()
            .filter_map(|(h, _)| h.rsplit_once(' ').map(|(_, last)| last))
            .collect()
    })
}

/// The first word of every heading.
fn heading_first_words() -> &'static FastSet<&'static str> {
    static SET: std::sync::OnceLock<FastSet<&'static str>> = std::sync::OnceLock::new();
    SET.get_or_init(|| {
        heading_table()
            .iter()
            .filter_map(|(h, _)| h.split(' ').next())
            .collect()
    })
}

/// False when no heading can start `text`: its first folded word ([`fold_heading`]) is not the
/// first word of a known heading. Every text that starts at `text`'s start and ends where a word
/// ends folds to the same first word, so this rules out each of them at once. Undecided (true)
/// when the word has letters beyond ASCII.
fn may_start_heading(text: &str) -> bool {
    let mut buf = [0u8; 32];
    let mut n = 0;
    for c in text.chars() {
        if c.is_ascii_alphabetic() {
            if n == buf.len() {
                return true;
            }
            buf[n] = c.to_ascii_lowercase() as u8;
            n += 1;
        } else if matches!(c, '\'' | '’' | '‘') {
            // dropped by the folding, inside a word or not
        } else if !c.is_ascii() && c != '•' && c.is_alphanumeric() {
            // (An ASCII letter is above, and an ASCII digit or sign is no letter; the bullet
            // that starts many lines is no letter either, and costs a table search to ask.)
            return true;
        } else if c == '&' && n == 0 {
            return heading_first_words().contains("and");
        } else if n > 0 {
            break;
        }
    }
    n > 0 && std::str::from_utf8(&buf[..n]).is_ok_and(|w| heading_first_words().contains(w))
}

/// Folds a candidate heading to the form of `data/headings-*.txt`: Markdown `#`, bullets and a
/// trailing `:`/`-` stripped, digits read as spaces, then [`crate::chars::fold`] (the crate's one
/// word folder, which job descriptions use too: lower-case words, single spaces, `&` as `and`,
/// apostrophes dropped). A resume heading is words of letters: a digit in one is numbering or a
/// date ("Project 2", "1. Education", "Experience 2019-2023"), which does not change the section
/// it opens. `None` when it is too long to be one (over 48 bytes or 6 words).
pub(crate) fn fold_heading(text: &str) -> Option<String> {
    let t = strip_heading(text);
    if t.is_empty() || t.len() > 48 {
        return None;
    }
    let folded = if t.bytes().any(|b| b.is_ascii_digit()) {
        crate::chars::fold(&t.replace(|c: char| c.is_ascii_digit(), " "))
    } else {
        crate::chars::fold(t)
    };
    (folded.split(' ').count() <= 6).then_some(folded)
}

/// Where an inline heading ends and its content starts: `Skills: Java` → `Some((Skills, 8))`.
fn inline_heading(text: &str) -> Option<(Section, usize)> {
    let lead = text.len() - text.trim_start().len();
    let body = &text[lead..];
    // Each heading tried below starts at `body`'s start and ends where a word ends.
    if !may_start_heading(body) {
        return None;
    }
    // A heading is at most 40 bytes long: look for its separator only there.
    let mut head_end = body.len().min(44);
    while !body.is_char_boundary(head_end) {
        head_end -= 1;
    }
    let head = &body[..head_end];
    // Where each separator first occurs in `head`, from one pass over it (a scan per
    // separator, or a substring searcher per line, cost more than the rest of the line's work).
    const SEPARATORS: [&str; 6] = [":", " •", "•", " - ", " – ", "  "];
    let mut first = [None; SEPARATORS.len()];
    let h = head.as_bytes();
    for (i, &b) in h.iter().enumerate() {
        let rest = &h[i..];
        let k = match (b, rest.get(1)) {
            (b':', _) => 0,
            (b' ', Some(b' ')) => 5,
            (b' ', Some(b'-')) if rest.starts_with(b" - ") => 3,
            (b' ', Some(0xe2)) if rest.starts_with(" •".as_bytes()) => 1,
            (b' ', Some(0xe2)) if rest.starts_with(" – ".as_bytes()) => 4,
            (0xe2, _) if rest.starts_with("•".as_bytes()) => 2,
            _ => continue,
        };
        first[k].get_or_insert(i);
    }
    for (sep, pos) in SEPARATORS.iter().zip(first) {
        if let Some(pos) = pos {
            if pos == 0 || pos > 40 {
                continue;
            }
            if let Some(section) = heading_section(&body[..pos]) {
                let content = lead + pos + sep.len();
                if text[content..].trim().is_empty() {
                    return None; // a plain heading with a trailing separator
                }
                return Some((section, content));
            }
        }
    }
    // An upper-case heading followed by content after a single space: "SKILLS C, Python".
    // Its first words (up to four) that are upper case, with their byte offsets.
    let mut words = [(0usize, ""); 4];
    let mut count = 0;
    let mut pos = 0;
    for w in body.split(' ').take(4) {
        let upper = !w.is_empty()
            && w.chars().all(|c| c.is_uppercase() || !c.is_alphabetic())
            && w.chars().any(char::is_alphabetic);
        if !upper {
            break;
        }
        words[count] = (pos, w);
        count += 1;
        pos += w.len() + 1;
    }
    let words = &words[..count];
    for n in (1..=words.len()).rev() {
        let (start, last) = words[n - 1];
        let end = start + last.len();
        if end >= body.len() || words[0].1.len() < 4 && n == 1 {
            continue;
        }
        if let Some(section) = heading_section(&body[..end]) {
            return Some((section, lead + end + 1));
        }
    }
    None
}

/// A heading of two or more words glued to the end of a line, as text exported
/// from forms and spreadsheets often has it ("…Secured first place.Education
/// Details", "…6 monthsCompany Details"): the section it names starts on the
/// next line. The heading must start with a capital letter.
fn trailing_heading(text: &str) -> Option<(Section, usize)> {
    let t = text.trim_end().trim_end_matches([':', ' ']);
    if t.len() < 12 {
        return None;
    }
    let last_word = t.rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("");
    if last_word.len() > 16 {
        return None;
    }
    // Lowered in a buffer on the stack (this runs on every line).
    let mut buf = [0u8; 16];
    let lowered = &mut buf[..last_word.len()];
    lowered.copy_from_slice(last_word.as_bytes());
    lowered.make_ascii_lowercase();
    if !std::str::from_utf8(lowered).is_ok_and(|w| heading_last_words().contains(w)) {
        return None;
    }
    let lower = t.to_ascii_lowercase();
    heading_table()
        .iter()
        .filter(|(h, _)| h.contains(' ') && h.len() < lower.len())
        .filter(|(h, _)| lower.ends_with(h))
        .map(|&(h, section)| (section, t.len() - h.len()))
        .find(|&(_, start)| {
            t.is_char_boundary(start)
                && t[start..].starts_with(|c: char| c.is_uppercase())
                && !t[..start].ends_with(|c: char| c.is_uppercase())
        })
}

/// Splits a line into runs separated by three or more spaces: `(start, end)` byte ranges.
fn columns(text: &str, cols: &mut Vec<(usize, usize)>) {
    cols.clear();
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut start = None;
    // From one run of spaces to the next (a word's bytes are skipped in one search).
    while let Some(off) = bytes[i..].iter().position(|&b| b == b' ') {
        let run_start = i + off;
        if off > 0 && start.is_none() {
            start = Some(i);
        }
        i = run_start;
        while i < bytes.len() && bytes[i] == b' ' {
            i += 1;
        }
        if i - run_start >= 3 {
            if let Some(s) = start.take() {
                cols.push((s, run_start));
            }
        }
    }
    if i < bytes.len() && start.is_none() {
        start = Some(i);
    }
    if let Some(s) = start {
        cols.push((s, text.len()));
    }
}

/// Assigns every line (or, in two-column layouts, each half of a line) to a section.
///
/// ```
/// use skillgap::text::{normalize, split_sections, Section};
/// let lines = normalize("Jane Doe\nSKILLS\nGo, SQL\nExperience\n- Built APIs in Go");
/// let sections: Vec<Section> = split_sections(&lines).iter().map(|s| s.section).collect();
/// assert_eq!(sections, [Section::Header, Section::Skills, Section::Skills,
///                       Section::Experience, Section::Experience]);
/// ```
pub fn split_sections(lines: &[super::Line]) -> Vec<Segment> {
    split_lines(lines, |l| l.text.as_str())
}

/// [`split_sections`] of lines of any type, each read with `line_text`.
pub(crate) fn split_lines<T>(lines: &[T], line_text: impl Fn(&T) -> &str) -> Vec<Segment> {
    let mut out = Vec::with_capacity(lines.len());
    let mut current = Section::Header;
    // Two-column mode: the byte column where the right column starts, and its section.
    let mut split: Option<(usize, Section)> = None;
    let mut cols = Vec::new();
    for (index, line) in lines.iter().enumerate() {
        let text = line_text(line);
        columns(text, &mut cols);
        // A line with two headings opens two-column mode.
        if cols.len() == 2 {
            let (l, r) = (&text[cols[0].0..cols[0].1], &text[cols[1].0..cols[1].1]);
            if let (Some(ls), Some(rs)) = (heading_section(l), heading_section(r)) {
                current = ls;
                split = Some((cols[1].0, rs));
                out.push(seg(index, cols[0].0..cols[0].1, ls, true));
                out.push(seg(index, cols[1].0..cols[1].1, rs, true));
                continue;
            }
        }
        if let Some((at, right)) = split {
            if let Some(gap) = column_gap(&cols, at) {
                let (left_range, right_range) = (cols[0].0..gap.0, gap.1..text.len());
                let left_heading = heading_section(&text[left_range.clone()]);
                if let Some(s) = left_heading {
                    current = s;
                }
                out.push(seg(index, left_range, current, left_heading.is_some()));
                let right_heading = heading_section(&text[right_range.clone()]);
                let right = right_heading.unwrap_or(right);
                split = Some((at, right));
                out.push(seg(index, right_range, right, right_heading.is_some()));
                continue;
            }
            let lead = text.len() - text.trim_start().len();
            if !text.trim().is_empty() && lead + 2 >= at {
                let right_heading = heading_section(text);
                let right = right_heading.unwrap_or(right);
                split = Some((at, right));
                out.push(seg(index, lead..text.len(), right, right_heading.is_some()));
                continue;
            }
            if let Some(s) = heading_section(text) {
                if lead == 0 {
                    split = None; // a full-width heading ends the two columns
                }
                current = s;
                out.push(seg(index, 0..text.len(), s, true));
                continue;
            }
            out.push(seg(index, 0..text.len(), current, false));
            continue;
        }
        if let Some(s) = heading_section(text) {
            current = s;
            out.push(seg(index, 0..text.len(), s, true));
            continue;
        }
        let mut content = 0;
        // A skills or projects label inside a job ("- Technologies: C#, SQL",
        // "Projects: Payments API") marks its own line; the next line is still experience.
        let mut back_to = None;
        if let Some((s, at)) = inline_heading(text) {
            if current == Section::Experience && matches!(s, Section::Skills | Section::Projects) {
                back_to = Some(current);
            }
            current = s;
            out.push(seg(index, 0..at, s, true));
            content = at;
        }
        match trailing_heading(&text[content..]) {
            Some((s, at)) => {
                out.push(seg(index, content..content + at, current, false));
                out.push(seg(index, content + at..text.len(), s, true));
                current = s;
            }
            None => {
                out.push(seg(index, content..text.len(), current, false));
                current = back_to.unwrap_or(current);
            }
        }
    }
    out
}

fn seg(
    line_index: usize,
    range: std::ops::Range<usize>,
    section: Section,
    heading: bool,
) -> Segment {
    Segment {
        line_index,
        range,
        section,
        heading,
    }
}

/// The gap (end of left text, start of right text) that separates the columns of
/// a line near byte column `at`, if the line has text on both sides.
fn column_gap(cols: &[(usize, usize)], at: usize) -> Option<(usize, usize)> {
    if cols.len() < 2 {
        return None;
    }
    cols.windows(2)
        .map(|w| (w[0].1, w[1].0))
        .filter(|&(end, start)| end <= at + 2 && start + 12 >= at)
        .min_by_key(|&(_, start)| start.abs_diff(at))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_the_runs_between_three_spaces() {
        // The byte-by-byte reading the search from space to space replaced.
        fn byte_by_byte(text: &str) -> Vec<(usize, usize)> {
            let (bytes, mut cols, mut i, mut start) = (text.as_bytes(), Vec::new(), 0, None);
            while i < bytes.len() {
                if bytes[i] == b' ' {
                    let run_start = i;
                    while i < bytes.len() && bytes[i] == b' ' {
                        i += 1;
                    }
                    if i - run_start >= 3 {
                        if let Some(s) = start.take() {
                            cols.push((s, run_start));
                        }
                    }
                    continue;
                }
                start.get_or_insert(i);
                i += 1;
            }
            if let Some(s) = start {
                cols.push((s, text.len()));
            }
            cols
        }
        let pieces = [
            "", " ", "  ", "   ", "    ", "a", "Go", "SKILLS", "•", "x y",
        ];
        let mut cols = Vec::new();
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    for d in pieces {
                        let text = format!("{a}{b}{c}{d}");
                        columns(&text, &mut cols);
                        assert_eq!(cols, byte_by_byte(&text), "{text:?}");
                    }
                }
            }
        }
    }
    use crate::text::normalize;

    fn sections(input: &str) -> Vec<(String, Section, bool)> {
        let lines = normalize(input);
        split_sections(&lines)
            .into_iter()
            .map(|s| {
                (
                    lines[s.line_index].text[s.range].trim().to_string(),
                    s.section,
                    s.heading,
                )
            })
            .collect()
    }

    #[test]
    fn heading_styles_are_recognised() {
        for h in [
            "EXPERIENCE",
            "Work Experience:",
            "## Professional Experience",
            "• Employment History",
            "Company Details ",
            "W O R K   H I S T O R Y",
        ] {
            if h.starts_with("W O R K") {
                // letter-spaced headings are the extractor's job, not ours
                assert_eq!(heading_section(h), None);
                continue;
            }
            assert_eq!(heading_section(h), Some(Section::Experience), "{h}");
        }
        assert_eq!(
            heading_section("Licenses & Certifications"),
            Some(Section::Certifications)
        );
    }

    #[test]
    fn numbered_and_dated_headings_open_their_section() {
        assert_eq!(heading_section("1. Education"), Some(Section::Education));
        assert_eq!(heading_section("Project 2"), Some(Section::Projects));
        assert_eq!(
            heading_section("Experience 2019-2023"),
            Some(Section::Experience)
        );
    }

    #[test]
    fn resume_and_job_headings_fold_with_one_folder() {
        // An apostrophe is dropped, `&` is `and`, as in job descriptions.
        for h in [
            "What's Required",
            "Tools & Technologies",
            "Hobbies & Interests",
        ] {
            assert_eq!(
                fold_heading(h).as_deref(),
                Some(crate::chars::fold(h).as_str())
            );
        }
        assert_eq!(
            heading_section("Tools & Technologies:"),
            Some(Section::Skills)
        );
    }

    #[test]
    fn ascii_headings_fold_on_the_stack_as_they_fold_in_a_string() {
        for h in [
            "TECHNICAL SKILLS:",
            "## Work History",
            "1. Education",
            "Tools & Technologies",
            "R&D",
            "&&",
            "What's Required -",
            "Experience 2019-2023",
            "one two three four five six",
            "one two three four five six seven",
            "123",
        ] {
            let t = strip_heading(h);
            let mut buf = [0u8; 5 * 48];
            assert_eq!(
                fold_ascii(t, &mut buf).map(str::to_string),
                fold_heading(h),
                "{h}"
            );
        }
    }

    #[test]
    fn every_known_heading_may_start_a_line() {
        for &(h, _) in heading_table() {
            assert!(may_start_heading(h), "{h}");
            assert!(
                may_start_heading(&format!("- {}: x", h.to_uppercase())),
                "{h}"
            );
        }
        assert!(may_start_heading("1. Education"));
        assert!(may_start_heading("Éducation"));
        assert!(!may_start_heading("• Built REST APIs: Go"));
        assert!(!may_start_heading("Led a team"));
    }

    #[test]
    fn sentences_are_not_headings() {
        assert_eq!(heading_section("Experience with Java and Go"), None);
        assert_eq!(
            heading_section("Skills were used daily to build a lot of services here"),
            None
        );
    }

    #[test]
    fn inline_heading_keeps_its_content_in_the_section() {
        let s = sections("Technical Skills: Java, Kafka\nEducation - B.Tech 2019");
        assert_eq!(s[0], ("Technical Skills:".into(), Section::Skills, true));
        assert_eq!(s[1], ("Java, Kafka".into(), Section::Skills, false));
        assert_eq!(s[2].1, Section::Education);
        assert_eq!(s[3], ("B.Tech 2019".into(), Section::Education, false));
    }

    #[test]
    fn mojibake_bullet_inline_heading() {
        let s = sections("Skills â¢ R â¢ Python");
        assert_eq!(s[0].1, Section::Skills);
        assert!(s[1].0.contains("Python"));
    }

    #[test]
    fn two_columns_are_split_into_their_sections() {
        let input = "\
SKILLS                      EXPERIENCE
Java, PostgreSQL            Backend Engineer, Acme (2020 - Present)
Docker                      • Built payment APIs in Spring Boot
                            • Led on-call rotation
EDUCATION                   • Migrated jobs to Kafka
B.Tech CSE 2019
PROJECTS
• Chat server in Go";
        let s = sections(input);
        let find = |t: &str| s.iter().find(|x| x.0 == t).unwrap().1;
        assert_eq!(find("Java, PostgreSQL"), Section::Skills);
        assert_eq!(
            find("Backend Engineer, Acme (2020 - Present)"),
            Section::Experience
        );
        assert_eq!(
            find("• Built payment APIs in Spring Boot"),
            Section::Experience
        );
        assert_eq!(find("• Led on-call rotation"), Section::Experience);
        assert_eq!(find("• Migrated jobs to Kafka"), Section::Experience);
        assert_eq!(find("B.Tech CSE 2019"), Section::Education);
        assert_eq!(find("• Chat server in Go"), Section::Projects);
    }

    #[test]
    fn a_heading_glued_to_the_end_of_a_line_starts_its_section() {
        let s = sections("SKILLS Python, MATLAB. Secured first place in B.Tech.Education Details\nAugust 2014 to May 2018 B.Tech\nSQL- Experience - 6 monthsCompany Details\ncompany - Acme");
        assert_eq!(s[0], ("SKILLS".into(), Section::Skills, true));
        assert_eq!(s[1].1, Section::Skills);
        assert_eq!(s[2], ("Education Details".into(), Section::Education, true));
        assert_eq!(s[3].1, Section::Education);
        assert_eq!(
            s[4],
            (
                "SQL- Experience - 6 months".into(),
                Section::Education,
                false
            )
        );
        assert_eq!(s[5], ("Company Details".into(), Section::Experience, true));
        assert_eq!(s[6].1, Section::Experience);
    }

    #[test]
    fn a_skills_label_inside_a_job_does_not_end_the_experience_section() {
        let s = sections("Experience\nAcme — Engineer (2019 - 2021)\n- Technologies: C#, SQL\nBeta — Developer (2016 - 2019)\nProjects: Payments API, Ledger\nGamma — Developer (2014 - 2016)\nSkills\nGo");
        let find = |t: &str| s.iter().find(|x| x.0 == t).unwrap().1;
        assert_eq!(find("C#, SQL"), Section::Skills);
        assert_eq!(find("Beta — Developer (2016 - 2019)"), Section::Experience);
        assert_eq!(find("Payments API, Ledger"), Section::Projects);
        assert_eq!(find("Gamma — Developer (2014 - 2016)"), Section::Experience);
        assert_eq!(find("Go"), Section::Skills);
    }

    #[test]
    fn a_sentence_ending_in_one_heading_word_is_not_a_heading() {
        let s = sections("I am proud of my Skills\nnext line");
        assert!(s.iter().all(|x| x.1 == Section::Header));
    }

    #[test]
    fn text_before_any_heading_is_header() {
        let s = sections("Jane Doe | jane@example.com\nBackend Engineer");
        assert!(s.iter().all(|x| x.1 == Section::Header));
    }
}
