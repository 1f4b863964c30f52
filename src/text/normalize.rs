//! Text normalisation that keeps a map back to the original lines.
//!
//! What it does, in order, per line:
//! 1. repairs UTF-8 read as Windows-1252 on lines with an `â` (`â€¢` → `•`, `â€“` → `–`,
//!    `â€™` → `’`; also the `â¢` left when the `€` was lost), as extraction does for files;
//! 2. Unicode NFKC (ligatures such as `ﬁ` become `fi`, full-width letters and odd
//!    spaces become ASCII);
//! 3. removes soft hyphens and zero-width characters and direction marks, turns tabs and
//!    other spaces into plain spaces (runs of spaces are kept: they mark columns);
//! 4. turns bullet glyphs (`•▪▸►➢✓●◦■`) into `•`;
//! 5. joins a word split at a line end (`develop-` + `ment` → `development`) when
//!    a lower-case letter ends one line with `-` and another starts the next.
//!
//! Every output line remembers the 1-based number of the input line it starts on.

use crate::chars::{
    is_bullet_glyph, is_invisible, is_odd_space, repair_lost_euro, repair_mojibake,
};
use std::borrow::Cow;
use unicode_normalization::UnicodeNormalization;

/// One normalised line and where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// The normalised text, without the line terminator.
    pub text: String,
    /// 1-based number of the original line this one starts on.
    pub number: usize,
}

/// Normalises `input` into lines (see the module documentation).
///
/// ```
/// use skillgap::text::normalize;
/// let lines = normalize("Pro\u{fb01}le\n\u{2022} Built develop-\nment tools");
/// assert_eq!(lines[0].text, "Profile");
/// assert_eq!(lines[1].text, "• Built development tools");
/// assert_eq!(lines[1].number, 2);
/// ```
pub fn normalize(input: &str) -> Vec<Line> {
    normalize_lines(input)
        .into_iter()
        .map(|(text, number)| Line {
            text: text.into_owned(),
            number,
        })
        .collect()
}

/// [`normalize`], with the lines that need no change borrowed from `input`: each line's
/// text and the 1-based number of the input line it starts on.
pub(crate) fn normalize_lines(input: &str) -> Vec<(Cow<'_, str>, usize)> {
    let mut out: Vec<(Cow<'_, str>, usize)> = Vec::new();
    let mut join_next = false;
    for (i, raw) in input.lines().enumerate() {
        let text = normalize_line(raw);
        if join_next {
            if let Some((prev, _)) = out.last_mut() {
                let trimmed = text.trim_start();
                if trimmed.starts_with(|c: char| c.is_lowercase()) {
                    let prev = prev.to_mut();
                    prev.pop(); // the hyphen
                    prev.push_str(trimmed);
                    join_next = ends_with_split_word(prev);
                    continue;
                }
            }
        }
        join_next = ends_with_split_word(&text);
        out.push((text, i + 1));
    }
    out
}

/// True when the line ends with a lower-case letter followed by `-`.
fn ends_with_split_word(text: &str) -> bool {
    let mut rev = text.chars().rev();
    rev.next() == Some('-') && rev.next().is_some_and(|c| c.is_lowercase())
}

fn normalize_line(raw: &str) -> Cow<'_, str> {
    // Printable ASCII (most lines) needs nothing but its trailing spaces cut.
    if raw.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        return Cow::Borrowed(raw.trim_end());
    }
    // So does a line whose other characters are in NFKC and kept as they are (dashes,
    // accented letters, `•`): the steps below would copy it unchanged.
    if raw.chars().all(kept_as_is)
        && unicode_normalization::is_nfkc_quick(raw.chars())
            == unicode_normalization::IsNormalized::Yes
    {
        return Cow::Borrowed(raw.trim_end());
    }
    let repaired;
    let raw = if raw.contains('â') {
        repaired = repair(raw);
        repaired.as_ref()
    } else {
        raw
    };
    let mut out = String::with_capacity(raw.len());
    let fast = raw.bytes().all(|b| (0x20..0x7f).contains(&b));
    if fast {
        out.push_str(raw.trim_end());
        return Cow::Owned(out);
    }
    // Most lines are already in NFKC: only the character mapping below is needed.
    let needs_nfkc = unicode_normalization::is_nfkc_quick(raw.chars())
        != unicode_normalization::IsNormalized::Yes;
    let chars: Box<dyn Iterator<Item = char>> = if needs_nfkc {
        Box::new(raw.nfkc())
    } else {
        Box::new(raw.chars())
    };
    for c in chars {
        match c {
            ' '..='~' => out.push(c),
            '\u{ad}' => {}
            c if is_invisible(c) => {}
            '\t' => out.push(' '),
            c if is_odd_space(c) => out.push(' '),
            c if is_bullet_glyph(c) => out.push('•'),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    let len = out.trim_end().len();
    out.truncate(len);
    Cow::Owned(out)
}

/// Whether [`normalize_line`] writes `c` as it is (its NFKC aside): not a character it drops
/// or replaces, nor the `â` that starts a mojibake repair.
fn kept_as_is(c: char) -> bool {
    match c {
        ' '..='~' | '•' => true,
        'â' | '\u{ad}' => false,
        c => {
            !(c.is_ascii()
                || is_invisible(c)
                || is_odd_space(c)
                || is_bullet_glyph(c)
                || c.is_control())
        }
    }
}

/// Repairs UTF-8 text that was decoded as Windows-1252 somewhere upstream (the repair
/// extraction does too, see `crate::chars`), and the bullet that lost its `€` on the way.
fn repair(raw: &str) -> Cow<'_, str> {
    match repair_mojibake(raw).0 {
        Cow::Borrowed(_) => repair_lost_euro(raw),
        Cow::Owned(fixed) => Cow::Owned(repair_lost_euro(&fixed).into_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(input: &str) -> Vec<String> {
        normalize(input).into_iter().map(|l| l.text).collect()
    }

    #[test]
    fn ligatures_become_letters() {
        assert_eq!(texts("e\u{fb03}cient \u{fb02}ask"), ["efficient flask"]);
    }

    #[test]
    fn soft_hyphen_and_zero_width_are_removed() {
        assert_eq!(texts("Post\u{ad}gre\u{200b}SQL"), ["PostgreSQL"]);
    }

    #[test]
    fn odd_spaces_become_spaces_but_runs_are_kept() {
        assert_eq!(texts("Java\u{a0}\u{2003}\u{2003}Go"), ["Java   Go"]);
    }

    #[test]
    fn bullets_are_unified() {
        assert_eq!(
            texts("▪ one\n➢ two\n\u{f0b7} three"),
            ["• one", "• two", "• three"]
        );
    }

    #[test]
    fn mojibake_bullets_are_repaired() {
        assert_eq!(
            texts("Skills â¢ Python â€¢ SQL â€“ 2019"),
            ["Skills • Python • SQL – 2019"]
        );
    }

    #[test]
    fn split_words_are_joined_and_keep_first_line_number() {
        let lines = normalize("intro\nsoftware develop-\nment with Java\nnext");
        assert_eq!(lines.len(), 3);
        assert_eq!(lines[1].text, "software development with Java");
        assert_eq!(lines[1].number, 2);
        assert_eq!(lines[2].number, 4);
    }

    #[test]
    fn hyphen_before_capital_is_not_a_split_word() {
        assert_eq!(texts("front-\nEnd"), ["front-", "End"]);
        assert_eq!(texts("Jan 2019 -\n2021"), ["Jan 2019 -", "2021"]);
    }

    #[test]
    fn lines_kept_as_they_are_are_borrowed() {
        for line in ["Tech Lead – Backend  ", "Café · Zürich", "• one"] {
            assert!(matches!(normalize_line(line), Cow::Borrowed(_)), "{line}");
            assert_eq!(normalize_line(line), line.trim_end());
        }
        for line in [
            "a\tb",
            "Post\u{ad}gre",
            "▪ one",
            "e\u{fb03}cient",
            "x\u{a0}y",
            "â€¢ x",
        ] {
            assert!(matches!(normalize_line(line), Cow::Owned(_)), "{line}");
        }
    }

    #[test]
    fn crlf_and_trailing_space_are_dropped() {
        assert_eq!(texts("a  \r\nb\r\n"), ["a", "b"]);
    }
}
