//! Clean-up shared by all formats: what extraction leaves behind that no reader would call text.
//!
//! * line ends become `\n`; form feeds become a blank line;
//! * UTF-8 that was read as Windows-1252 somewhere upstream is repaired (`â€¢` → `•`,
//!   `â€“` → `–`, `Ã©` → `é`) when the bytes decode as valid UTF-8;
//! * ligatures are expanded (`ﬁ` → `fi`, `ﬂ` → `fl`, `ﬀ`, `ﬃ`, `ﬄ`, `ﬅ`, `ﬆ`);
//! * soft hyphens are removed, and a word split by a soft hyphen at a line end is rejoined;
//! * zero-width characters disappear, no-break spaces become spaces, private-use icon glyphs
//!   become `•` at the start of a line and disappear elsewhere;
//! * TeX-style accents set as separate glyphs are put on their letters (`Educaci´on` →
//!   `Educación`, `l´ıder` → `líder`), Unicode hyphens become `-`, and small-caps fonts that map
//!   `I` to `i` are undone inside upper-case words (`ENGiNEER` → `ENGINEER`);
//! * letter-spaced words (`S K I L L S`, three or more single letters separated by single
//!   spaces) are closed up;
//! * trailing spaces go, and runs of blank lines shrink to one.
//!
//! For PDFs, [`remove_running_lines`] also drops headers, footers and page numbers repeated on
//! most pages.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use crate::chars::{is_invisible, is_odd_space, repair_mojibake};

/// Clean extracted text (see the module documentation). The result ends with one `\n` unless it
/// is empty.
pub(crate) fn clean(text: &str, warnings: &mut Vec<String>) -> String {
    // Each step returns its input borrowed when it has nothing to change, which is the common
    // case for text files: most of them only need the line loop below, and one pass tells.
    let text = if untouched(text) {
        Cow::Borrowed(text)
    } else {
        let text = unify_line_ends(text);
        let (text, repaired) = repair_mojibake(&text);
        if repaired > 0 {
            warnings.push(format!(
                "repaired {repaired} mojibake sequence{} (UTF-8 read as Windows-1252)",
                if repaired == 1 { "" } else { "s" }
            ));
        }
        let text = expand_ligatures_and_invisibles(&text);
        Cow::Owned(compose_spacing_accents(&text).into_owned())
    };
    let mut out = String::with_capacity(text.len());
    let mut blank_run = 0;
    for line in text.split('\n') {
        let line = small_caps_i(line.trim_end());
        let line = close_letter_spacing(&line);
        if line.trim().is_empty() {
            blank_run += 1;
            if blank_run == 1 && !out.is_empty() {
                out.push('\n');
            }
            continue;
        }
        blank_run = 0;
        out.push_str(&line);
        out.push('\n');
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

/// Whether none of the whole-text steps of [`clean`] would change `text`: no line end but
/// `\n`, no character that reads as a UTF-8 lead byte in Windows-1252 (see [`repair_mojibake`]),
/// none that [`expand_ligatures_and_invisibles`] changes, no spacing accent.
fn untouched(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii() {
            if (b.is_ascii_control() && b != b'\n' && b != b'\t') || b == b'`' {
                return false;
            }
            i += 1;
            continue;
        }
        let Some(c) = text[i..].chars().next() else {
            return false;
        };
        if ('\u{c2}'..='\u{f4}').contains(&c) || changed_by_expansion(c) || ACCENTS.contains(&c) {
            return false;
        }
        i += c.len_utf8();
    }
    true
}

/// Spacing accents that [`compose_spacing_accents`] puts on their letters.
const ACCENTS: [char; 10] = ['´', '`', '¨', 'ˆ', '˜', 'ˇ', '˘', '˚', '˙', '˝'];

/// `\r\n`, `\r` and vertical tabs become `\n`, form feeds `\n\n`.
fn unify_line_ends(text: &str) -> Cow<'_, str> {
    if !text.contains(['\r', '\x0b', '\x0c']) {
        return Cow::Borrowed(text);
    }
    let text = text.replace("\r\n", "\n").replace(['\r', '\x0b'], "\n");
    Cow::Owned(text.replace('\x0c', "\n\n"))
}

/// Ligatures, soft hyphens, zero-width and no-break characters, private-use glyphs.
fn expand_ligatures_and_invisibles(text: &str) -> Cow<'_, str> {
    if !text.contains(changed_by_expansion) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    let mut at_line_start = true;
    while let Some(c) = chars.next() {
        match c {
            'ﬀ' => out.push_str("ff"),
            'ﬁ' => out.push_str("fi"),
            'ﬂ' => out.push_str("fl"),
            'ﬃ' => out.push_str("ffi"),
            'ﬄ' => out.push_str("ffl"),
            'ﬅ' | 'ﬆ' => out.push_str("st"),
            '\u{ad}' => {
                // A soft hyphen at the end of a line marks a word broken there: rejoin it.
                let mut lookahead = chars.clone();
                while lookahead.peek().is_some_and(|c| *c == ' ' || *c == '\t') {
                    lookahead.next();
                }
                if lookahead.peek() == Some(&'\n') {
                    lookahead.next();
                    while lookahead.peek().is_some_and(|c| *c == ' ' || *c == '\t') {
                        lookahead.next();
                    }
                    chars = lookahead;
                }
            }
            // One hyphen glyph mapped to several hyphens (`-\u{ad}‐` from Word) is one hyphen.
            '-' | '\u{2010}' | '\u{2011}' => {
                while chars
                    .peek()
                    .is_some_and(|c| matches!(c, '\u{ad}' | '\u{2010}' | '\u{2011}'))
                {
                    chars.next();
                }
                out.push('-');
            }
            c if is_invisible(c) => {}
            c if is_odd_space(c) => out.push(' '),
            '\u{e000}'..='\u{f8ff}' => {
                if at_line_start {
                    out.push('•');
                }
            }
            c if c.is_control() && c != '\n' && c != '\t' => {}
            c => out.push(c),
        }
        if c == '\n' {
            at_line_start = true;
        } else if !c.is_whitespace() {
            at_line_start = false;
        }
    }
    Cow::Owned(out)
}

/// Whether [`expand_ligatures_and_invisibles`] replaces or drops `c` (a `-` is only changed by
/// the hyphen glyphs after it, which are in this set).
fn changed_by_expansion(c: char) -> bool {
    match c {
        '\n' | '\t' => false,
        c if c.is_ascii() => c.is_ascii_control(),
        'ﬀ' | 'ﬁ' | 'ﬂ' | 'ﬃ' | 'ﬄ' | 'ﬅ' | 'ﬆ' | '\u{ad}' | '\u{2010}' | '\u{2011}' => {
            true
        }
        c if is_invisible(c) || is_odd_space(c) => true,
        '\u{e000}'..='\u{f8ff}' => true,
        c => c.is_control(),
    }
}

/// The combining mark for a spacing accent as TeX sets it (a glyph of its own before the letter).
fn combining_for(accent: char) -> Option<char> {
    Some(match accent {
        '´' => '\u{301}',
        '`' => '\u{300}',
        '¨' => '\u{308}',
        'ˆ' => '\u{302}',
        '˜' => '\u{303}',
        'ˇ' => '\u{30c}',
        '˘' => '\u{306}',
        '˚' => '\u{30a}',
        '˙' => '\u{307}',
        '˝' => '\u{30b}',
        _ => return None,
    })
}

/// Put spacing accents on the letter that follows them when the pair is a precomposed letter:
/// `Educaci´on` → `Educación`, `l´ıder` → `líder` (TeX's dotless i), `Polit`ecnica` →
/// `Politècnica`. A backtick only counts inside a word.
fn compose_spacing_accents(text: &str) -> Cow<'_, str> {
    if !text.contains(ACCENTS) {
        return Cow::Borrowed(text);
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if let (Some(mark), Some(&next)) = (combining_for(c), chars.get(i + 1)) {
            let in_word = i > 0 && chars[i - 1].is_alphabetic();
            let base = if next == 'ı' { 'i' } else { next };
            if next.is_alphabetic() && (c != '`' || in_word) {
                if let Some(composed) = unicode_normalization::char::compose(base, mark) {
                    out.push(composed);
                    i += 2;
                    continue;
                }
            }
        }
        out.push(c);
        i += 1;
    }
    Cow::Owned(out)
}

/// Small-caps fonts whose `ToUnicode` maps the small capital I to `i`: inside a word of capitals
/// (three or more, no other lower-case letter, not starting with `i` as in `iOS`) `i` becomes
/// `I`.
fn small_caps_i(line: &str) -> Cow<'_, str> {
    if !line.contains('i') {
        return Cow::Borrowed(line);
    }
    // One pass per word that stops at the first lower-case letter other than `i`.
    let fix = |w: &str| {
        if w.starts_with('i') {
            return false;
        }
        let (mut upper, mut has_i) = (0, false);
        for c in w.chars() {
            if c == 'i' {
                has_i = true;
            } else if c.is_ascii_uppercase() {
                upper += 1;
            } else if c.is_lowercase() {
                return false;
            }
        }
        upper >= 3 && has_i
    };
    if !line.split(' ').any(fix) {
        return Cow::Borrowed(line);
    }
    let words: Vec<String> = line
        .split(' ')
        .map(|w| {
            if fix(w) {
                w.replace('i', "I")
            } else {
                w.to_string()
            }
        })
        .collect();
    Cow::Owned(words.join(" "))
}

/// Close up letter-spaced words: a run of three or more single letters or digits separated by
/// single spaces (`E X P E R I E N C E`, `S K I L L S :`) becomes one word. Two spaces or any
/// longer token end the run, so `W O R K  E X P E R I E N C E` becomes `WORK EXPERIENCE`.
pub(crate) fn close_letter_spacing(line: &str) -> Cow<'_, str> {
    let single = |t: &str| {
        let mut cs = t.chars();
        matches!((cs.next(), cs.next()), (Some(c), None) if c.is_alphanumeric())
    };
    // Most lines have no three single letters in a row: leave them without splitting them.
    let mut run = 0;
    let spaced = line.split(' ').any(|t| {
        run = if single(t) { run + 1 } else { 0 };
        run >= 3
    });
    if !spaced {
        return Cow::Borrowed(line);
    }
    let tokens: Vec<&str> = line.split(' ').collect();
    let mut parts: Vec<String> = Vec::with_capacity(tokens.len());
    let mut closed = false;
    let mut i = 0;
    while i < tokens.len() {
        let mut j = i;
        while j < tokens.len() && single(tokens[j]) {
            j += 1;
        }
        if j - i >= 3 {
            let mut word = tokens[i..j].concat();
            // Trailing punctuation set off by a space (`S K I L L S :`) joins the word too.
            if j < tokens.len() && matches!(tokens[j], ":" | "." | ",") {
                word.push_str(tokens[j]);
                j += 1;
            }
            parts.push(word);
            closed = true;
            i = j;
        } else {
            parts.push(tokens[i].to_string());
            i += 1;
        }
    }
    if !closed {
        return Cow::Borrowed(line);
    }
    // The double spaces that separated letter-spaced words are now single.
    let leading = line.len() - line.trim_start().len();
    let mut out = line[..leading].to_string();
    out.push_str(
        &parts
            .iter()
            .filter(|p| !p.is_empty())
            .map(String::as_str)
            .collect::<Vec<_>>()
            .join(" "),
    );
    Cow::Owned(out)
}

static PAGE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^[\s\-–—\[\(]*
          (?:(?:page|p\.|pg\.?|seite|página|pagina|pag\.|strona|sida|side)\s*)?
          \d{1,3}
          (?:\s*(?:/|of|de|von|di|z|av|sur)\s*\d{1,3})?
          [\s\-–—\]\)]*$",
    )
    .expect("page-number pattern compiles")
});

/// Whether a line is only a page number (`3`, `- 3 -`, `Page 3`, `Page 3 of 4`, `3/4`).
pub(crate) fn is_page_number(line: &str) -> bool {
    let t = line.trim();
    !t.is_empty() && t.len() <= 24 && PAGE_NUMBER.is_match(t)
}

/// Lines in the first and last `ZONE` non-empty lines of a page are header/footer candidates.
const ZONE: usize = 3;
/// Longest line still taken for a running header or footer.
const MAX_RUNNING_LEN: usize = 120;

/// Comparison key: lower case, digits as `#`, spaces collapsed.
fn running_key(line: &str) -> String {
    let mut key = String::with_capacity(line.len());
    let mut last_space = true;
    for c in line.trim().chars() {
        if c.is_whitespace() {
            if !last_space {
                key.push(' ');
            }
            last_space = true;
            continue;
        }
        last_space = false;
        if c.is_ascii_digit() {
            if !key.ends_with('#') {
                key.push('#');
            }
        } else {
            key.extend(c.to_lowercase());
        }
    }
    key
}

/// Indices of the header/footer zone lines of a page (non-empty lines only).
fn zone_indices(lines: &[&str]) -> Vec<usize> {
    let non_empty: Vec<usize> = (0..lines.len())
        .filter(|&i| !lines[i].trim().is_empty())
        .collect();
    let mut zone: Vec<usize> = non_empty.iter().take(ZONE).copied().collect();
    for &i in non_empty.iter().rev().take(ZONE) {
        if !zone.contains(&i) {
            zone.push(i);
        }
    }
    zone
}

/// Remove running headers and footers from the pages of one document: a short line in the top or
/// bottom three lines of a page whose text (digits aside) recurs in that zone on at least three
/// pages and on more than half of them, or on both pages of a two-page document with a number
/// that changes (`MAY 2017 JANE ROE · CV 1`, `... 2`), and page-number lines in that zone on
/// any page. Only the
/// first occurrence on each page is removed, so a name that is both the running header and the
/// title of page 1 survives once. Returns the number of lines removed.
pub(crate) fn remove_running_lines(pages: &mut [String]) -> usize {
    let mut counts: HashMap<String, usize> = HashMap::new();
    for page in pages.iter() {
        let lines: Vec<&str> = page.lines().collect();
        let mut seen = Vec::new();
        for i in zone_indices(&lines) {
            let line = lines[i].trim();
            if line.chars().count() > MAX_RUNNING_LEN {
                continue;
            }
            let key = running_key(line);
            if !seen.contains(&key) {
                seen.push(key);
            }
        }
        for key in seen {
            *counts.entry(key).or_default() += 1;
        }
    }
    let n = pages.len();
    // Keys whose lines differ between pages only in their digits: a page-numbered footer.
    let mut variants: HashMap<String, Vec<String>> = HashMap::new();
    for page in pages.iter() {
        let lines: Vec<&str> = page.lines().collect();
        for i in zone_indices(&lines) {
            let line = lines[i].trim();
            let key = running_key(line);
            if key.contains('#') {
                let v = variants.entry(key).or_default();
                if !v.iter().any(|x| x == line) {
                    v.push(line.to_string());
                }
            }
        }
    }
    let running = |key: &str| {
        counts.get(key).is_some_and(|&c| {
            (c >= 3 && c * 2 > n)
                || (c == n && n == 2 && variants.get(key).is_some_and(|v| v.len() == 2))
        })
    };
    let mut removed = 0;
    for page in pages.iter_mut() {
        let lines: Vec<&str> = page.lines().collect();
        let mut drop = vec![false; lines.len()];
        let mut done: Vec<String> = Vec::new();
        for i in zone_indices(&lines) {
            let line = lines[i].trim();
            let key = running_key(line);
            if done.contains(&key) {
                continue;
            }
            if is_page_number(line) || (line.chars().count() <= MAX_RUNNING_LEN && running(&key)) {
                drop[i] = true;
                done.push(key);
                removed += 1;
            }
        }
        if drop.iter().any(|d| *d) {
            let kept: Vec<&str> = lines
                .iter()
                .zip(&drop)
                .filter(|(_, d)| !**d)
                .map(|(l, _)| *l)
                .collect();
            let mut s = kept.join("\n");
            s.push('\n');
            *page = s;
        }
    }
    removed
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(s: &str) -> String {
        clean(s, &mut Vec::new())
    }

    #[test]
    fn ligatures_expand() {
        assert_eq!(
            c("eﬃcient oﬄine workﬂow proﬁling"),
            "efficient offline workflow profiling\n"
        );
    }

    #[test]
    fn letter_spaced_words_close_up() {
        assert_eq!(close_letter_spacing("S K I L L S"), "SKILLS");
        assert_eq!(close_letter_spacing("e x p e r i e n c e"), "experience");
        assert_eq!(
            close_letter_spacing("W O R K  E X P E R I E N C E"),
            "WORK EXPERIENCE"
        );
        assert_eq!(close_letter_spacing("S K I L L S :"), "SKILLS:");
        assert_eq!(close_letter_spacing("Java 8 and C"), "Java 8 and C");
        assert_eq!(close_letter_spacing("C R Go"), "C R Go");
        assert_eq!(close_letter_spacing("a b c d"), "abcd");
        assert_eq!(close_letter_spacing("Tools: a b c"), "Tools: abc");
        assert_eq!(close_letter_spacing(" lead  space"), " lead  space");
    }

    #[test]
    fn soft_hyphens_vanish_and_rejoin_words() {
        assert_eq!(
            c("develop\u{ad}\nment and co\u{ad}operate"),
            "development and cooperate\n"
        );
    }

    #[test]
    fn mojibake_is_repaired_and_counted() {
        let mut w = Vec::new();
        let t = clean("â€¢ Java â€“ Spring â€™s cafÃ©", &mut w);
        assert_eq!(t, "• Java – Spring ’s café\n");
        assert_eq!(w.len(), 1);
        assert!(w[0].starts_with("repaired 4 mojibake"));
    }

    #[test]
    fn real_latin1_text_is_left_alone() {
        for s in [
            "Zoë Brennan – Malmö, Ørsted, Ñandú, naïve café",
            "£5 © 2024 ½",
        ] {
            let (repaired, n) = repair_mojibake(s);
            assert_eq!((repaired.as_ref(), n), (s, 0));
        }
    }

    #[test]
    fn double_encoded_mojibake() {
        assert_eq!(repair_mojibake("Ã¢â‚¬â„¢").0, "’");
    }

    #[test]
    fn private_use_bullets() {
        assert_eq!(
            c("\u{f0b7} Java\n\u{f095} +44 1 2 \u{f0e0} a@example.com"),
            "• Java\n• +44 1 2  a@example.com\n"
        );
    }

    #[test]
    fn blank_lines_collapse() {
        assert_eq!(c("\n\na\r\n\r\n\r\nb  \n\n"), "a\n\nb\n");
    }

    #[test]
    fn page_numbers() {
        for s in [
            "3",
            "- 3 -",
            "Page 3",
            "Page 3 of 4",
            "3/4",
            "3 / 4",
            "Página 2 de 3",
            "[2]",
        ] {
            assert!(is_page_number(s), "{s}");
        }
        for s in ["2019 - 2021", "Java 17", "3 years", "Page layout"] {
            assert!(!is_page_number(s), "{s}");
        }
    }

    #[test]
    fn running_headers_and_footers_go_once_per_page() {
        let bodies = [
            "Jane Roe\nSkills\nRust\n",
            "Experience\nAcme\nBuilt things\n",
            "Education\nBSc\nSome university\n",
            "Projects\nA parser\nIn Rust\n",
        ];
        let mut pages: Vec<String> = bodies
            .iter()
            .enumerate()
            .map(|(p, body)| {
                format!(
                    "Jane Roe  Curriculum Vitae\n{body}jane@example.com Page {} of 4\n",
                    p + 1
                )
            })
            .collect();
        pages[0] = format!("Jane Roe\n{}", pages[0]);
        let removed = remove_running_lines(&mut pages);
        assert_eq!(removed, 8);
        assert_eq!(pages[0], "Jane Roe\nJane Roe\nSkills\nRust\n");
        assert_eq!(pages[1], "Experience\nAcme\nBuilt things\n");
    }

    #[test]
    fn tex_accents_join_their_letters() {
        assert_eq!(
            c("Educaci´on, l´ıder, Polit`ecnica, ´Angel, ni˜no, don't `quote`"),
            "Educación, líder, Politècnica, Ángel, niño, don't `quote`\n"
        );
    }

    #[test]
    fn small_caps_i_in_capitals() {
        assert_eq!(
            c("SECURiTY ENGiNEER · SiTE RELiABiLiTY, iOS, Hi, API"),
            "SECURITY ENGINEER · SITE RELIABILITY, iOS, Hi, API\n"
        );
    }

    #[test]
    fn unicode_hyphens() {
        assert_eq!(
            c("555-\u{2010}5555 on-\u{ad}\u{2010}campus cloud\u{2011}native"),
            "555-5555 on-campus cloud-native\n"
        );
    }

    #[test]
    fn two_page_footer_with_page_number() {
        let mut pages = vec![
            "Jane Roe\nSkills\nMAY 2017 JANE ROE · CV 1\n".to_string(),
            "Experience\nMore\nMAY 2017 JANE ROE · CV 2\n".to_string(),
        ];
        assert_eq!(remove_running_lines(&mut pages), 2);
        assert_eq!(pages[1], "Experience\nMore\n");
    }

    #[test]
    fn two_pages_only_lose_page_numbers() {
        let mut pages = vec![
            "Name\nSkills\n1\n".to_string(),
            "Name\nExperience\n2\n".to_string(),
        ];
        assert_eq!(remove_running_lines(&mut pages), 2);
        assert_eq!(pages[0], "Name\nSkills\n");
    }
}
