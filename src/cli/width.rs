//! Fitting the text reports to the terminal: the one place that knows the
//! output width and how to measure, truncate and wrap text for it.
//!
//! `--width N` sets the width; without it the width is the terminal's when
//! standard output is a terminal, and unlimited otherwise (pipes and files get
//! the same bytes as without this module). `--width 0` is unlimited too.
//!
//! Widths are display columns (`unicode-width`), and ANSI styling counts as
//! nothing, so styled lines can be measured and wrapped before the styling is
//! stripped for a pipe. Text that continues on another line keeps the
//! indentation of its block (a hanging indent); excerpts of a document are
//! truncated with `…` instead, so that one finding stays on one line.

use anstyle::Style;
use std::io::{self, IsTerminal, Write};

/// The narrowest width text is fitted to; a narrower `--width` is refused and a
/// narrower terminal gets this width (and lines longer than the terminal).
pub const MIN_WIDTH: usize = 60;

/// An excerpt gets at least this many columns on its own line; with less room
/// left, it moves to the next line.
const MIN_EXCERPT: usize = 20;

/// How wide the text reports may be.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Width(Option<usize>);

impl Width {
    /// No limit: every line as long as it is.
    pub const UNLIMITED: Width = Width(None);

    /// At most `n` columns; 0 is unlimited.
    pub fn columns(n: usize) -> Width {
        Width((n > 0).then_some(n))
    }

    /// `--width` if given, else the terminal's width when standard output is a
    /// terminal, else unlimited.
    pub fn resolve(option: Option<usize>) -> Width {
        match option {
            Some(n) => Width::columns(n),
            None if io::stdout().is_terminal() => {
                Width(terminal_size::terminal_size().map(|(w, _)| usize::from(w.0).max(MIN_WIDTH)))
            }
            None => Width::UNLIMITED,
        }
    }

    /// The limit, if any.
    pub fn get(self) -> Option<usize> {
        self.0
    }

    /// Room for a field that is at most `max` columns wide on a line of which
    /// `used` columns are taken: `max` when unlimited, else what is left (at
    /// least `min`).
    pub fn room(self, used: usize, max: usize, min: usize) -> usize {
        match self.0 {
            None => max,
            Some(w) => w.saturating_sub(used).clamp(min.min(max), max),
        }
    }

    /// `line` wrapped at word boundaries so that no line is wider than the
    /// limit; continuation lines start with `indent` spaces. The line's own
    /// leading spaces are kept. Without a limit, or when it fits, `line` as is.
    pub fn wrap(self, line: &str, indent: usize) -> String {
        let Some(w) = self.0 else {
            return line.to_string();
        };
        if display_width(line) <= w {
            return line.to_string();
        }
        let body = line.trim_start_matches(' ');
        let lead = &line[..line.len() - body.len()];
        let rest = " ".repeat(indent);
        let options = textwrap::Options::new(w)
            .initial_indent(lead)
            .subsequent_indent(&rest)
            .word_separator(textwrap::WordSeparator::AsciiSpace)
            .word_splitter(textwrap::WordSplitter::NoHyphenation)
            .wrap_algorithm(textwrap::WrapAlgorithm::FirstFit)
            .break_words(true);
        textwrap::wrap(body, options).join("\n")
    }

    /// Writes `line`, wrapped as by [`Width::wrap`], and a newline.
    pub fn writeln(self, w: &mut dyn Write, line: &str, indent: usize) -> io::Result<()> {
        writeln!(w, "{}", self.wrap(line, indent))
    }

    /// A labelled field under a numbered item: `     label text`, the label
    /// dimmed, continued lines under the text (a gap's "why:", a plan step's "do:").
    pub fn field(self, w: &mut dyn Write, label: &str, text: &str) -> io::Result<()> {
        const DIM: Style = Style::new().dimmed();
        self.writeln(
            w,
            &format!("     {DIM}{label}{DIM:#} {text}"),
            5 + display_width(label) + 1,
        )
    }

    /// A row that ends with an excerpt: `head` (columns, maybe styled), then
    /// `text` in `style`, truncated to at most `max` columns, then `tail`.
    /// Unlimited, that is all. With a limit, `text` is truncated further to
    /// the room left; when less than a short excerpt's worth is left, `text`
    /// and `tail` go on the next line, `indent` columns in. `tail` that does
    /// not fit either is wrapped.
    pub fn excerpt(
        self,
        head: &str,
        text: &str,
        style: Style,
        max: usize,
        tail: &str,
        indent: usize,
    ) -> String {
        let Some(w) = self.0 else {
            return format!("{head}{style}{}{style:#}{tail}", truncate(text, max));
        };
        let used = display_width(head);
        let tail_width = display_width(tail);
        let inline = w.saturating_sub(used + tail_width);
        let needed = display_width(text).min(max);
        if inline >= needed.min(MIN_EXCERPT) {
            let line = format!(
                "{head}{style}{}{style:#}{tail}",
                truncate(text, inline.min(max))
            );
            return self.wrap(&line, indent);
        }
        let room = w
            .saturating_sub(indent + tail_width)
            .max(MIN_EXCERPT)
            .min(max);
        let next = format!(
            "{}{style}{}{style:#}{tail}",
            " ".repeat(indent),
            truncate(text, room)
        );
        format!("{}\n{}", trim_end_visible(head), self.wrap(&next, indent))
    }
}

/// Display columns of `s`; ANSI escape sequences count as nothing.
pub fn display_width(s: &str) -> usize {
    textwrap::core::display_width(s)
}

/// `s` shortened to `max` display columns, the last one an ellipsis.
pub fn truncate(s: &str, max: usize) -> String {
    if display_width(s) <= max {
        return s.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + cw + 1 > max {
            break;
        }
        used += cw;
        out.push(c);
    }
    out.push('…');
    out
}

/// `s` shortened to `max` display columns from the start: `…` and the end of
/// it (for paths, whose file name matters most).
pub fn truncate_start(s: &str, max: usize) -> String {
    if display_width(s) <= max {
        return s.to_string();
    }
    let mut tail = Vec::new();
    let mut used = 0;
    for c in s.chars().rev() {
        let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + cw + 1 > max {
            break;
        }
        used += cw;
        tail.push(c);
    }
    let mut out = String::from("…");
    out.extend(tail.into_iter().rev());
    out
}

/// `s` padded with spaces to `width` display columns (left-aligned).
pub fn pad(s: &str, width: usize) -> String {
    format!("{s}{}", " ".repeat(width.saturating_sub(display_width(s))))
}

/// `s` without the spaces it ends with, also those before closing ANSI
/// sequences (`"L12  \x1b[0m "` becomes `"L12\x1b[0m"`).
fn trim_end_visible(s: &str) -> String {
    let mut out = s.trim_end_matches(' ').to_string();
    loop {
        // A trailing escape sequence: ESC '[' params final-byte.
        let Some(esc) = out.rfind('\x1b') else {
            return out;
        };
        let seq = &out[esc..];
        let is_sgr = seq.len() >= 3
            && seq.starts_with("\x1b[")
            && seq.ends_with('m')
            && seq[2..seq.len() - 1]
                .chars()
                .all(|c| c.is_ascii_digit() || c == ';');
        if !is_sgr {
            return out;
        }
        let before = out[..esc].trim_end_matches(' ');
        if before.len() == esc {
            return out;
        }
        let seq = seq.to_string();
        out = format!("{before}{seq}");
    }
}

/// The value of `--width`: 0 (no limit) or at least [`MIN_WIDTH`] columns.
pub fn parse_width(s: &str) -> Result<usize, String> {
    match s.trim().parse::<usize>() {
        Ok(0) => Ok(0),
        Ok(n) if n >= MIN_WIDTH => Ok(n),
        Ok(n) => Err(format!(
            "{n} columns is too narrow; use at least {MIN_WIDTH}, or 0 for no limit"
        )),
        Err(_) => Err(format!("`{s}` is not a number of columns, e.g. 80")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DIM: Style = Style::new().dimmed();

    #[test]
    fn unlimited_changes_nothing() {
        let line = "  why: ".to_string() + &"word ".repeat(60);
        assert_eq!(Width::UNLIMITED.wrap(&line, 7), line);
        assert_eq!(Width::columns(0), Width::UNLIMITED);
    }

    #[test]
    fn wrapped_lines_keep_a_hanging_indent() {
        let line = "     do: mentor junior and mid-level engineers and say how many on your resume";
        let wrapped = Width::columns(40).wrap(line, 9);
        let lines: Vec<&str> = wrapped.lines().collect();
        assert!(lines.len() > 1);
        assert!(lines[0].starts_with("     do: mentor"));
        for l in &lines[1..] {
            assert!(
                l.starts_with("         ") && !l.starts_with("          "),
                "{l:?}"
            );
        }
        assert!(lines.iter().all(|l| display_width(l) <= 40));
    }

    #[test]
    fn styling_takes_no_room() {
        let line = format!("{DIM}{}{DIM:#}", "abc ".repeat(10));
        assert_eq!(display_width(&line), 40);
        assert_eq!(Width::columns(40).wrap(&line, 2), line);
    }

    #[test]
    fn wide_characters_count_twice() {
        assert_eq!(display_width("日本語"), 6);
        assert_eq!(truncate("日本語テキスト", 7), "日本語…");
        assert_eq!(pad("日本", 6), "日本  ");
    }

    #[test]
    fn truncation_ends_with_an_ellipsis() {
        assert_eq!(truncate("PostgreSQL", 10), "PostgreSQL");
        assert_eq!(truncate("PostgreSQL", 6), "Postg…");
        assert_eq!(
            truncate_start("fixtures/batch/good/a.txt", 12),
            "…/good/a.txt"
        );
    }

    #[test]
    fn an_excerpt_is_truncated_to_the_room_left() {
        let head = "  evidenced Java  L12  ";
        let text = "Built the payments service in Java 17 with Spring Boot and PostgreSQL";
        let line = Width::columns(60).excerpt(head, text, Style::new(), 70, "", 4);
        assert_eq!(display_width(&line), 60);
        assert!(line.ends_with('…'));
        let same = Width::UNLIMITED.excerpt(head, text, Style::new(), 70, "", 4);
        assert_eq!(same, format!("{head}{text}"));
    }

    #[test]
    fn an_excerpt_without_room_goes_on_the_next_line() {
        let head = format!("{}{DIM}L12 {DIM:#} ", "x".repeat(40));
        let text = "Built the payments service in Java 17 with Spring Boot";
        let out = Width::columns(50).excerpt(&head, text, Style::new(), 70, " via x", 4);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0], format!("{}{DIM}L12{DIM:#}", "x".repeat(40)));
        assert!(lines[1].starts_with("    Built") && lines[1].ends_with("… via x"));
        assert!(lines.iter().all(|l| display_width(l) <= 50));
    }

    #[test]
    fn widths_under_the_minimum_are_refused() {
        assert_eq!(parse_width("0"), Ok(0));
        assert_eq!(parse_width("80"), Ok(80));
        assert!(parse_width("20").is_err());
        assert!(parse_width("wide").is_err());
    }
}
