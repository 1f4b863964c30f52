//! Escaping for Markdown: the one text escape of every Markdown formatter
//! (`score`, `jd`, `batch`, `eval`).

/// Escapes text (from a resume, a job, a file name or a taxonomy) for Markdown:
/// a table cell or a line of prose. The one text escape of every Markdown
/// formatter; [`code`] is its twin for code spans.
///
/// What comes out renders as the text that went in, and as nothing else:
/// * `<` `>` `&` become entities, so no HTML tag, comment or autolink survives
///   (`<script>`, `<img onerror=...>`, an unclosed `<details>`);
/// * Markdown punctuation (`\` `` ` `` `*` `_` `~` `[` `]` `|` `!` `#`) is
///   backslash-escaped, so there is no link, image (`![](http://...)` beacons,
///   `[x](javascript:...)`), emphasis, code span or extra table column;
/// * line breaks (CR, LF, U+2028/9, NEL) and tabs become spaces, so a cell stays
///   one row;
/// * bidi controls (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C) are
///   dropped, so text cannot be shown reordered;
/// * other control characters are made visible as `�`.
///
/// A bare URL stays the text it is: a renderer may make it clickable, showing
/// its own address.
pub fn cell(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '&' => out.push_str("&amp;"),
            '\\' | '`' | '[' | ']' | '|' => {
                out.push('\\');
                out.push(c);
            }
            _ => push_plain(&mut out, c),
        }
    }
    out
}

/// An inline code span showing `s` literally, safe in a table cell: the fence is
/// longer than any run of backticks inside, `|` is escaped (GitHub splits cells
/// before it reads code spans), and line breaks, controls and bidi controls are
/// treated as in [`cell`]. Nothing inside a code span is HTML or a link.
pub fn code(s: &str) -> String {
    let mut inner = String::with_capacity(s.len() + 4);
    for c in s.chars() {
        if c == '|' {
            inner.push_str("\\|");
        } else {
            push_plain(&mut inner, c);
        }
    }
    let mut longest = 0;
    let mut run = 0;
    for c in inner.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let fence = "`".repeat(longest + 1);
    // A space on each side keeps a backtick at either end out of the fence
    // (CommonMark strips one space from each side).
    if longest > 0 || (inner.starts_with(' ') && inner.ends_with(' ') && !inner.trim().is_empty()) {
        format!("{fence} {inner} {fence}")
    } else {
        format!("{fence}{inner}{fence}")
    }
}

/// Pushes `c` with line breaks and tabs as spaces, bidi controls dropped and
/// other control characters as U+FFFD.
pub(crate) fn push_plain(out: &mut String, c: char) {
    match c {
        '\n' | '\r' | '\t' | '\u{0b}' | '\u{0c}' | '\u{85}' | '\u{2028}' | '\u{2029}' => {
            out.push(' ')
        }
        c if is_bidi_control(c) => {}
        c if c.is_control() => out.push('\u{fffd}'),
        c => out.push(c),
    }
}

/// The characters that reorder how text is shown: embeddings and overrides
/// (U+202A–U+202E), isolates (U+2066–U+2069) and the marks (U+200E, U+200F,
/// U+061C).
pub fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{061c}'
    )
}

#[cfg(test)]
mod tests {
    use super::{cell, code};

    #[test]
    fn markup_in_text_is_escaped_to_what_it_reads() {
        assert_eq!(
            cell("<img src=x onerror=alert(1)> & ![a](http://x/p.png)"),
            "&lt;img src=x onerror=alert(1)> &amp; !\\[a\\](http://x/p.png)"
        );
        assert_eq!(cell("a | b\r\nc `d` *e*"), "a \\| b  c \\`d\\` *e*");
        assert_eq!(cell("&#x202E;"), "&amp;#x202E;");
    }

    #[test]
    fn bidi_controls_are_dropped_and_other_controls_shown() {
        assert_eq!(cell("a\u{202e}b\u{2066}c\u{2069}\u{200f}"), "abc");
        assert_eq!(cell("bell\u{7} esc\u{1b}"), "bell\u{fffd} esc\u{fffd}");
    }

    #[test]
    fn a_code_span_fence_is_longer_than_any_backtick_run_inside() {
        assert_eq!(code("cv.txt"), "`cv.txt`");
        assert_eq!(code("a``b`"), "``` a``b` ```");
        assert_eq!(code("a|b\rc"), "`a\\|b c`");
        assert_eq!(code("<script>"), "`<script>`");
    }
}
